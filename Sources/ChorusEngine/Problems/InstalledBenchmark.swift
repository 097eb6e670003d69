import Foundation

/// Real benchmark problems that `scripts/setup-datasets` installs into the cache folder; the data is
/// never part of the repository.
public enum InstalledBenchmark: String, CaseIterable, Sendable {
    /// 100 GSM8K test problems: grade-school word problems with integer or decimal answers.
    case gsm8k
    /// 270 CHAMP competition problems (number theory, inequalities, polynomials, sequences,
    /// combinatorics) with free-form answers and worked solutions.
    case champ

    /// The names `benchmark` accepts.
    public static let names = allCases.map(\.rawValue)

    /// What the benchmark holds, in a line.
    public var summary: String {
        switch self {
        case .gsm8k: "100 GSM8K test problems (integer and decimal answers)"
        case .champ: "270 CHAMP competition problems (free-form answers, worked solutions)"
        }
    }

    /// Where the installed file lives: `<cache>/datasets/<name>.jsonl`.
    public func path(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        ChorusFolders.cache(environment: environment) + "/datasets/\(rawValue).jsonl"
    }

    /// The installed problems.
    public func load(environment: [String: String] = ProcessInfo.processInfo.environment) throws(InstalledBenchmarkError) -> Dataset {
        let path = path(environment: environment)
        guard FileManager.default.fileExists(atPath: path) else { throw .notInstalled(self, path: path) }
        let loader = DatasetLoader(format: format, name: rawValue, source: rawValue)
        do {
            return try loader.load(path: path).dataset
        } catch {
            throw .unreadable(self, error)
        }
    }

    private var format: DatasetFormat {
        switch self {
        case .gsm8k: .gsm8k
        case .champ: .math
        }
    }
}

/// Why an installed benchmark could not be loaded.
public enum InstalledBenchmarkError: Error, Sendable, CustomStringConvertible {
    /// `scripts/setup-datasets` has not put the file in place.
    case notInstalled(InstalledBenchmark, path: String)
    /// The file is there but does not read as its format.
    case unreadable(InstalledBenchmark, DatasetLoadError)

    /// The message shown to the user.
    public var description: String {
        switch self {
        case let .notInstalled(benchmark, path):
            "benchmark \(benchmark.rawValue) is not installed (no \(path)); install it with scripts/setup-datasets"
        case let .unreadable(benchmark, error):
            "benchmark \(benchmark.rawValue) is damaged (\(error)); reinstall it: delete the file and run scripts/setup-datasets"
        }
    }
}
