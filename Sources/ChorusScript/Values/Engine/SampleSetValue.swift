import ChorusEngine

/// A sample set as a script value, graded once when it is made.
public struct SampleSetValue: ObjectParameter {
    /// The samples.
    public let samples: SampleSet
    /// The same samples sorted into answer classes.
    public let graded: GradedSampleSet

    /// For a set a combiner wrote, the candidates its prompts showed; nil otherwise.
    public let candidateSource: CandidateSource?

    /// Wraps a sample set and its grading, and for a combiner's set the candidates it saw.
    public init(samples: SampleSet, graded: GradedSampleSet, candidateSource: CandidateSource? = nil) {
        self.samples = samples
        self.graded = graded
        self.candidateSource = candidateSource
    }

    /// Its Swift type, named as users read it.
    public static let objectType = ObjectType(SampleSetValue.self, named: "sample set")

    private var passAt1: Double {
        let outcomes = graded.problems.map { $0.outcome() }
        guard !outcomes.isEmpty else { return 0 }
        return outcomes.map(\.passAt1).reduce(0, +) / Double(outcomes.count)
    }

    private var unparseable: Int { graded.unparseableCount }

    private var truncated: Int { graded.truncatedCount }

    private var perProblem: String {
        let counts = samples.entries.map(\.samples.count)
        guard let low = counts.min(), let high = counts.max() else { return "0" }
        return low == high ? String(low) : "\(low)–\(high)"
    }

    public var summary: String {
        "\(samples.problemCount) problems × \(perProblem) samples, pass@1 "
            + NumberFormatting.fixed(passAt1 * 100, digits: 1) + "%, \(unparseable) unparseable, \(truncated) truncated"
    }

    public var rendering: String {
        var lines = ["sample set \(samples.name): \(summary)"]
        let cost = samples.cost
        if cost.calls > 0 || cost.totalTokens > 0 {
            var line =
                "cost: \(cost.calls) calls, \(cost.promptTokens) prompt + \(cost.completionTokens) completion tokens"
            if cost.wallSeconds > 0 { line += ", " + NumberFormatting.duration(seconds: cost.wallSeconds) }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }

    public var memberNames: [String] { ["problems", "samples", "pass1", "unparseable", "truncated", "name"] }

    public func member(_ name: String) -> Value? {
        switch name {
        case "problems": .int(samples.problemCount)
        case "samples": .int(samples.sampleCount)
        case "pass1": .double(passAt1)
        case "unparseable": .int(unparseable)
        case "truncated": .int(truncated)
        case "name": .string(samples.name)
        default: nil
        }
    }

    public func isEqual(to other: any ScriptObject) -> Bool {
        guard let other = other as? SampleSetValue else { return false }
        return other.samples.name == samples.name
            && other.samples.entries.map(\.samples) == samples.entries.map(\.samples)
            && other.samples.entries.map(\.problem) == samples.entries.map(\.problem)
    }
}
