import ChorusEngine

/// `benchmark`: real problems that `scripts/setup-datasets` (and `scripts/setup-reasoning-gym`) installed.
struct BenchmarkCommand: Command {
    static let name = ParameterKey<InstalledBenchmark>.positional("name", "the benchmark")

    let signature = CommandSignature(
        name: "benchmark", group: .data, summary: "Loads real benchmark problems installed by the setup scripts.",
        parameters: [Self.name, DatasetSelection.group],
        discussion: """
            \(InstalledBenchmark.allCases.map { "`\($0.rawValue)`: \($0.summary)." }.joined(separator: " ")) \
            They live in Chorus's cache folder (`$CHORUS_CACHE`, else \
            `~/.cache/chorus`), under `datasets/`; `scripts/setup-datasets` \
            installs gsm8k and champ once (`scripts/run` and `scripts/test` do it \
            for you), and `scripts/setup-reasoning-gym` writes gsm_symbolic.
            """,
        examples: [
            "gsm = benchmark gsm8k limit: 8", "hard = benchmark champ shuffle: 1 limit: 20",
            "many = benchmark gsm_symbolic limit: 500",
        ])

    func run(_ invocation: Invocation) async throws -> Value {
        let benchmark = invocation[Self.name]
        let dataset = try invocation.mapping(at: Self.name) {
            try benchmark.load(environment: invocation.session.services.environment)
        }
        return .object(DatasetValue(DatasetSelection.apply(invocation, to: dataset)))
    }
}

extension InstalledBenchmark: ParameterChoice {}
