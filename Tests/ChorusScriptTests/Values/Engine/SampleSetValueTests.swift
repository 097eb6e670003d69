import ChorusEngine
import Testing

@testable import ChorusScript

@Suite struct SampleSetValueTests {
    static func value(cost: Cost = .zero, name: String = "mine") throws -> SampleSetValue {
        let set = SampleSet(
            name: name,
            entries: [
                SampleSet.Entry(
                    problem: Problem(id: "a", question: "A?", goldAnswer: "4", source: "t"),
                    samples: ["\\boxed{4}", "\\boxed{3}", "no idea", "\\boxed{4}"].map { Sample(text: $0) }),
                SampleSet.Entry(
                    problem: Problem(id: "b", question: "B?", goldAnswer: "1/2", source: "t"),
                    samples: ["0.5", "\\boxed{#}"].map { Sample(text: $0) }),
            ],
            cost: cost)
        return SampleSetValue(samples: set, graded: try AnswerClassifier().grade(set))
    }

    @Test func summaryCountsProblemsSamplesPassAtOneAndUnparseable() throws {
        // pass@1: a 2/4, b 1/2 → 50%; unparseable: "no idea" and "#".
        let value = try Self.value()
        #expect(value.typeName == "sample set")
        #expect(value.summary == "2 problems × 2–4 samples, pass@1 50.0%, 2 unparseable, 0 truncated")
    }

    @Test func equalCountsShowOneNumber() throws {
        let value = try EngineFixtures.sampleSetValue([
            (gold: "1", samples: [Sample(text: "1"), Sample(text: "1")]),
            (gold: "2", samples: [Sample(text: "3"), Sample(text: "2")]),
        ])
        #expect(value.summary == "2 problems × 2 samples, pass@1 75.0%, 0 unparseable, 0 truncated")
    }

    @Test func anEmptySetSummarises() throws {
        let value = try EngineFixtures.sampleSetValue([])
        #expect(value.summary == "0 problems × 0 samples, pass@1 0.0%, 0 unparseable, 0 truncated")
    }

    @Test func renderingNamesTheSetAndShowsCostOnlyWhenThereIsOne() throws {
        #expect(
            try Self.value().rendering
                == "sample set mine: 2 problems × 2–4 samples, pass@1 50.0%, 2 unparseable, 0 truncated")
        let costly = try Self.value(cost: Cost(calls: 6, promptTokens: 120, completionTokens: 340, wallSeconds: 2.5))
        #expect(
            costly.rendering == """
                sample set mine: 2 problems × 2–4 samples, pass@1 50.0%, 2 unparseable, 0 truncated
                cost: 6 calls, 120 prompt + 340 completion tokens, 2.50 s
                """)
        let tokensOnly = try Self.value(cost: Cost(promptTokens: 5))
        #expect(tokensOnly.rendering.hasSuffix("\ncost: 0 calls, 5 prompt + 0 completion tokens"))
    }

    @Test func members() throws {
        let value = try Self.value()
        #expect(value.memberNames == ["problems", "samples", "pass1", "unparseable", "truncated", "name"])
        #expect(value.member("problems") == .int(2))
        #expect(value.member("samples") == .int(6))
        #expect(value.member("pass1") == .double(0.5))
        #expect(value.member("unparseable") == .int(2))
        #expect(value.member("name") == .string("mine"))
        #expect(value.member("accuracy") == nil)
    }

    @Test func equalityComparesNameProblemsAndSamples() throws {
        let value = try Self.value()
        #expect(value.isEqual(to: try Self.value()))
        // Cost is not part of the value's identity.
        #expect(value.isEqual(to: try Self.value(cost: Cost(calls: 1))))
        #expect(!value.isEqual(to: try Self.value(name: "other")))
        let different = try EngineFixtures.sampleSetValue(name: "mine", [(gold: "4", samples: [Sample(text: "4")])])
        #expect(!value.isEqual(to: different))
        #expect(!value.isEqual(to: TableValue(DataTable(columns: [], rows: []))))
    }
}
