import ChorusEngine

/// `benchmark`: real problems that `scripts/setup-datasets` (and `scripts/setup-reasoning-gym`) installed.
struct BenchmarkCommand: Command {
    let signature = CommandSignature(
        name: "benchmark", group: .data, summary: "Loads real benchmark problems installed by the setup scripts.",
        parameters: [
            .positional("name", .choice(InstalledBenchmark.names), "the benchmark"),
        ] + DatasetSelection.parameters,
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
        guard let benchmark = InstalledBenchmark(rawValue: invocation.string("name")) else {
            throw invocation.error("no benchmark named \(invocation.string("name"))", at: "name")
        }
        let dataset: Dataset
        do {
            dataset = try benchmark.load(environment: invocation.session.services.environment)
        } catch {
            throw invocation.error("\(error)", at: "name")
        }
        return .object(DatasetValue(try DatasetSelection.apply(invocation, to: dataset)))
    }
}
