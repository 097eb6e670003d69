import ChorusEngine

/// The `as: answers` export: one JSON line per problem with the answer chosen, its verdict, the
/// candidates it came from and, for a combiner's set, the combiner's responses (docs/inspect.md).
enum AnswerLines {
    /// The version of the line format.
    static let version = 1

    /// A strategy result's lines.
    static func lines(of result: StrategyResultValue) -> [String] {
        (0..<result.elementCount).map { position in
            let decision = DecisionValue(position: position, result: result.result)
            return line(
                strategy: decision.strategy, position: position, problem: decision.problem,
                answer: decision.decision.answer, verdict: decision.decision.verdict, candidates: decision.candidates,
                responses: nil)
        }
    }

    /// A sample set's lines: the majority answer of each problem's samples, and for a combiner's set
    /// the candidates its prompts showed beside its responses.
    static func lines(of set: SampleSetValue) -> [String] {
        (0..<set.elementCount).map { position in
            let problem = set.problemSamples(at: position)
            return line(
                strategy: problem.setName, position: position, problem: problem.problem, answer: problem.answer,
                verdict: problem.verdict, candidates: problem.candidates?.samples ?? problem.samples,
                responses: problem.candidates == nil ? nil : problem.samples)
        }
    }

    private static func line(
        strategy: String, position: Int, problem: Problem, answer: String?, verdict: SampleVerdict,
        candidates: [SampleValue], responses: [SampleValue]?
    ) -> String {
        var fields: [String: JSONValue] = [
            "v": .integer(version), "strategy": .string(strategy), "index": .integer(position),
            "problem_id": .string(problem.id), "question": .string(problem.question),
            "gold": .string(problem.goldAnswer), "answer": answer.map(JSONValue.string) ?? .null,
            "verdict": .string(verdict.rawValue), "candidates": .array(candidates.map(sample)),
        ]
        if let responses { fields["responses"] = .array(responses.map(sample)) }
        return JSONValue.object(fields).jsonText
    }

    private static func sample(_ sample: SampleValue) -> JSONValue {
        var fields: [String: JSONValue] = [
            "index": .integer(sample.index), "answer": sample.answer.map(JSONValue.string) ?? .null,
            "verdict": .string(sample.verdict.rawValue),
            "finish_reason": sample.sample.finishReason.map(JSONValue.string) ?? .null,
            "completion_tokens": sample.sample.completionTokens.map(JSONValue.integer) ?? .null,
            "seed": sample.origin?.seed.map(JSONValue.integer) ?? .null, "text": .string(sample.sample.text),
        ]
        if let shown = sample.shown { fields["candidates"] = .array(shown.map(JSONValue.integer)) }
        return .object(fields)
    }
}
