import Testing

@testable import ChorusEngine

@Suite struct TrainingRowEncoderTests {
    static let example = TrainingExample(
        problem: Problem(id: "p7", question: "q", goldAnswer: "12", source: "t"), kind: .aggregate,
        messages: [ChatMessage(role: "user", content: "Question: q")], split: .test, answerFormat: .answerTag,
        candidateCount: 4, majorityCorrect: false, anyCorrect: true)

    @Test func eachEngineGetsItsOwnKeys() {
        let verl = TrainingRowEncoder(engine: .verl, preset: .paper, dataSource: "chorus/s").rlRow(
            Self.example, index: 3)
        guard case .object(let row) = verl, case .object(let extra)? = row["extra_info"] else {
            Issue.record("the verl row is not an object with extra_info: \(verl)")
            return
        }
        #expect(Set(row.keys) == ["data_source", "prompt", "ability", "reward_model", "extra_info"])
        #expect(row["reward_model"] == .object(["style": .string("rule"), "ground_truth": .string("12")]))
        #expect(extra["split"] == .string("test") && extra["index"] == .integer(3))
        #expect(extra["majority_correct"] == .bool(false) && extra["candidates"] == .integer(4))
        let trl = TrainingRowEncoder(engine: .trl, preset: .shaped, dataSource: "s").rlRow(Self.example, index: 0)
        guard case .object(let trlRow) = trl else {
            Issue.record("the TRL row is not an object: \(trl)")
            return
        }
        #expect(trlRow["ground_truth"] == .string("12") && trlRow["reward_preset"] == .string("shaped"))
        let openrlhf = TrainingRowEncoder(engine: .openrlhf, preset: .paper, dataSource: "s").rlRow(
            Self.example, index: 0)
        guard case .object(let openRow) = openrlhf else {
            Issue.record("the OpenRLHF row is not an object: \(openrlhf)")
            return
        }
        #expect(openRow["label"] == .string("12") && openRow["input"] == Self.example.messages.jsonValue)
    }

    @Test func anSFTRowNeedsATarget() {
        let encoder = TrainingRowEncoder(engine: .trl, preset: .paper, dataSource: "s")
        #expect(encoder.sftRow(Self.example, index: 0) == nil)
    }
}
