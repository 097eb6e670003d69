import ChorusEngine

/// One problem of a sample set with its samples, graded: `s[i]`. For a set a combiner wrote
/// (`aggregate`, `refine`), it also holds the candidates the combiner's prompts showed.
public struct ProblemSamplesValue: IndexableObject, InspectableObject, Equatable {
    /// The problem's position in the set, from 0.
    public let position: Int
    /// The set's label.
    public let setName: String
    /// The problem.
    public let problem: Problem
    /// Its samples, graded.
    public let samples: [SampleValue]
    /// The majority vote over its samples (the one answer when there is one); nil when none parses.
    public let answer: String?
    /// What grading made of that answer.
    public let verdict: SampleVerdict
    /// For a combiner's set, the candidate samples its prompts showed, and their set's label.
    public let candidates: (set: String, samples: [SampleValue])?

    /// Problem `position` of a graded set; `origins` and `candidates` where the set has them.
    init(
        position: Int, setName: String, graded: GradedProblem, origins: [SampleOrigin],
        candidates: (set: String, samples: [SampleValue], shown: [[Int]])?
    ) {
        self.position = position
        self.setName = setName
        problem = graded.problem
        samples = SampleValue.all(of: graded, origins: origins, shown: candidates?.shown ?? [])
        // A count-weighted vote never throws.
        let decision = try? MajorityVote().decide(graded)
        answer = decision?.answer
        verdict = decision?.verdict ?? .unparseable
        self.candidates = candidates.map { ($0.set, $0.samples) }
    }

    public var typeName: String { "problem's samples" }

    private var rightCount: Int { samples.count { $0.verdict == .right } }

    public var summary: String {
        "problem \(position) (\(problem.id)): \(Plural.count(samples.count, "sample")), \(rightCount) right, "
            + "majority \(answer ?? "none") (\(verdict.rawValue))"
    }

    public var inspection: Inspection {
        var parts = ProblemValue.opening(problem, position: position, from: setName)
        let tally = "\(rightCount) of \(Plural.count(samples.count, "sample")) right"
        if let candidates {
            parts.append(.verdict("answer: \(answer ?? "none") · \(verdict.rawValue) · \(tally)", verdict, indent: 0))
            parts.append(.field("candidates", "the samples of \(candidates.set) its prompts showed"))
            for candidate in candidates.samples {
                parts.append(.verdict(candidate.line(), candidate.verdict, indent: 2))
            }
        } else {
            parts.append(.verdict("majority: \(answer ?? "none") · \(verdict.rawValue) · \(tally)", verdict, indent: 0))
        }
        for sample in samples {
            parts.append(.verdict(sample.line(candidates == nil ? "sample" : "response"), sample.verdict, indent: 0))
            parts.append(.text(sample.sample.text, foldable: true))
        }
        return Inspection(parts)
    }

    public var elementNoun: String { "sample" }
    public var elementCount: Int { samples.count }
    public func element(at position: Int) -> Value { .object(samples[position]) }

    public var memberNames: [String] {
        var names =
            ProblemValue.problemFields + [
                "answer", "verdict", "correct", "right", "count", "samples", "answers",
                "verdicts", "index",
            ]
        if candidates != nil { names += ["response", "candidates"] }
        return names
    }

    public func member(_ name: String) -> Value? {
        if let field = ProblemValue.problemField(name, of: problem) { return field }
        return switch name {
        case "answer": answer.map(Value.string) ?? Value.none
        case "verdict": .string(verdict.rawValue)
        case "correct": .bool(verdict == .right)
        case "right": .int(rightCount)
        case "count": .int(samples.count)
        case "samples": .list(samples.map { .object($0) })
        case "answers": .list(samples.map { $0.answer.map(Value.string) ?? Value.none })
        case "verdicts": .list(samples.map { .string($0.verdict.rawValue) })
        case "index": .int(position)
        case "response" where candidates != nil: samples.first.map { .string($0.sample.text) } ?? Value.none
        case "candidates": candidates.map { .list($0.samples.map { .object($0) }) }
        default: nil
        }
    }

    public static func == (left: ProblemSamplesValue, right: ProblemSamplesValue) -> Bool {
        left.position == right.position && left.setName == right.setName && left.problem == right.problem
            && left.samples == right.samples && left.candidates?.samples == right.candidates?.samples
    }

    public func isEqual(to other: any ScriptObject) -> Bool { (other as? ProblemSamplesValue) == self }
}
