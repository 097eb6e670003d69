import ChorusEngine

/// One sample of a problem, graded: `s[i][j]`.
public struct SampleValue: InspectableObject, Equatable {
    /// The problem's id.
    public let problemID: String
    /// Which sample of the problem it is, from 0.
    public let index: Int
    /// The response with its usage.
    public let sample: Sample
    /// The answer read from the response, if any.
    public let answer: String?
    /// What grading made of it.
    public let verdict: SampleVerdict
    /// Where it is stored; nil for samples that never went through the store.
    public let origin: SampleOrigin?
    /// For a combiner's answer, the candidate samples its prompt showed; nil otherwise.
    public let shown: [Int]?

    /// Creates a sample value.
    public init(
        problemID: String, index: Int, sample: Sample, answer: String?, verdict: SampleVerdict,
        origin: SampleOrigin? = nil, shown: [Int]? = nil
    ) {
        self.problemID = problemID
        self.index = index
        self.sample = sample
        self.answer = answer
        self.verdict = verdict
        self.origin = origin
        self.shown = shown
    }

    /// Every sample of a graded problem, with their origins where known (aligned by index).
    static func all(of problem: GradedProblem, origins: [SampleOrigin] = [], shown: [[Int]] = []) -> [SampleValue] {
        problem.samples.indices.map { index in
            SampleValue(
                problemID: problem.problem.id, index: index, sample: problem.samples[index],
                answer: problem.graded[index].extracted?.text, verdict: problem.verdict(of: index),
                origin: origins.indices.contains(index) ? origins[index] : nil,
                shown: shown.indices.contains(index) ? shown[index] : nil)
        }
    }

    public var typeName: String { "sample" }

    /// `sample 1 · answer 4 · wrong · finish stop · 12 tokens`, with `noun` for `sample`.
    func line(_ noun: String = "sample") -> String {
        var parts = ["\(noun) \(index)", answer.map { "answer \($0)" } ?? "no answer", verdict.rawValue]
        parts.append("finish " + (sample.finishReason ?? "unknown"))
        if let tokens = sample.completionTokens { parts.append(Plural.count(tokens, "token")) }
        if let shown { parts.append("saw " + shown.map(String.init).joined(separator: ", ")) }
        return parts.joined(separator: " · ")
    }

    public var summary: String { line() + " (problem \(problemID))" }

    public var inspection: Inspection {
        var parts: [Inspection.Part] = [.heading("problem \(problemID)"), .verdict(line(), verdict, indent: 0)]
        if let seed = origin?.seed { parts.append(.field("seed", String(seed))) }
        if let latency = sample.latency { parts.append(.field("latency", NumberFormatting.duration(seconds: latency))) }
        if let score = sample.score { parts.append(.field("score", NumberFormatting.shortest(score))) }
        parts.append(.text(sample.text, foldable: false))
        return Inspection(parts)
    }

    public var memberNames: [String] {
        [
            "text", "answer", "verdict", "correct", "finish", "tokens", "prompt_tokens", "seed", "latency", "index",
            "problem", "score", "logprob", "candidates",
        ]
    }

    public func member(_ name: String) -> Value? {
        switch name {
        case "text": .string(sample.text)
        case "answer": answer.map(Value.string) ?? Value.none
        case "verdict": .string(verdict.rawValue)
        case "correct": .bool(verdict == .right)
        case "finish": sample.finishReason.map(Value.string) ?? Value.none
        case "tokens": sample.completionTokens.map(Value.int) ?? Value.none
        case "prompt_tokens": sample.promptTokens.map(Value.int) ?? Value.none
        case "seed": origin?.seed.map(Value.int) ?? Value.none
        case "latency": sample.latency.map(Value.double) ?? Value.none
        case "index": .int(index)
        case "problem": .string(problemID)
        case "score": sample.score.map(Value.double) ?? Value.none
        case "logprob": sample.meanLogProbability.map(Value.double) ?? Value.none
        case "candidates": shown.map { .list($0.map(Value.int)) } ?? Value.none
        default: nil
        }
    }

    public func isEqual(to other: any ScriptObject) -> Bool { (other as? SampleValue) == self }
}
