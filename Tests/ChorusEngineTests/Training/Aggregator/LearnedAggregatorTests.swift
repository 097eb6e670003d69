import Testing

@testable import ChorusEngine

@Suite struct LearnedAggregatorTests {
    static func votesOnly(_ name: String = "votes") -> LearnedAggregator {
        var weights = Array(repeating: 0.0, count: ClassFeatures.names.count)
        weights[0] = 1
        return LearnedAggregator(
            name: name, weights: weights, means: weights.map { _ in 0 }, scales: weights.map { _ in 1 })
    }

    @Test func picksTheHighestScoringClassAndAggregatesToOneSamplePerProblem() throws {
        let (_, graded) = TrainingFixtures.set([["3", "1", "1"], ["", ""]])
        let model = Self.votesOnly()
        #expect(model.choose(graded.problems[0]) == 1)
        #expect(model.choose(graded.problems[1]) == nil)
        let chosen = try model.aggregate(graded, name: "learned")
        #expect(chosen.entries.map(\.samples.count) == [1, 1])
        #expect(chosen.entries[0].samples[0].text.hasSuffix("\\boxed{1}"))
        let regraded = try AnswerClassifier().grade(chosen)
        #expect(regraded.problems.map { $0.isCorrect(0) } == [true, false])
    }

    @Test func aFileRoundTripsAndIsCheckedOnTheWayIn() throws {
        var model = Self.votesOnly("round-trip")
        model.provenance = ["steps": "10"]
        let text = model.fileText()
        #expect(try LearnedAggregator(fileText: text) == model)
        #expect(text == model.fileText())
        #expect(throws: LearnedAggregator.FileError.self) { try LearnedAggregator(fileText: "{}") }
        let renamed = text.replacingOccurrences(of: "\"vote_share\"", with: "\"votes\"")
        #expect(throws: LearnedAggregator.FileError.self) { try LearnedAggregator(fileText: renamed) }
        let zeroScale = text.replacingOccurrences(of: "\"scales\" : [\n    1,", with: "\"scales\" : [\n    0,")
        #expect(zeroScale != text)
        #expect(throws: LearnedAggregator.FileError.self) { try LearnedAggregator(fileText: zeroScale) }
    }

    /// A file as earlier versions wrote it (Foundation's encoder: `\/` escapes, `0.5` and `1`) still reads.
    @Test func aFileFromAnEarlierVersionStillReads() throws {
        let count = ClassFeatures.names.count
        func numbers(_ value: String) -> String { Array(repeating: value, count: count).joined(separator: ",\n    ") }
        let text = """
            {
              "features" : [
                \(ClassFeatures.names.map { "\"\($0)\"" }.joined(separator: ",\n    "))
              ],
              "format" : "chorus-learned-aggregator",
              "means" : [
                \(numbers("0"))
              ],
              "name" : "earlier",
              "provenance" : {
                "data" : "runs\\/s.jsonl"
              },
              "scales" : [
                \(numbers("1"))
              ],
              "version" : 1,
              "weights" : [
                \(numbers("0.5"))
              ]
            }

            """
        let model = try LearnedAggregator(fileText: text)
        #expect(model.name == "earlier" && model.provenance == ["data": "runs/s.jsonl"])
        #expect(model.weights == Array(repeating: 0.5, count: count))
        #expect(model.fileText() == text.replacingOccurrences(of: "\\/", with: "/"))
    }
}
