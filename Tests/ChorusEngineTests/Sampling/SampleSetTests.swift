import Testing

@testable import ChorusEngine

@Suite struct SampleSetTests {
    static func entry(_ id: String, samples count: Int) -> SampleSet.Entry {
        SampleSet.Entry(
            problem: Problem(id: id, question: "q", goldAnswer: "1", source: "t"),
            samples: (0..<count).map { Sample(text: "answer \($0)") })
    }

    @Test func countsProblemsAndSamples() {
        let set = SampleSet(name: "s", entries: [Self.entry("a", samples: 3), Self.entry("b", samples: 5)])
        #expect(set.problemCount == 2)
        #expect(set.sampleCount == 8)
        #expect(set.minimumSamplesPerProblem == 3)
        #expect(set.cost == .zero)
        #expect(set.name == "s")
    }

    @Test func anEmptySetHasNoSamples() {
        let set = SampleSet(name: "empty", entries: [])
        #expect(set.problemCount == 0)
        #expect(set.sampleCount == 0)
        #expect(set.minimumSamplesPerProblem == 0)
    }

    @Test func aProblemWithoutSamplesLimitsK() {
        let set = SampleSet(name: "s", entries: [Self.entry("a", samples: 4), Self.entry("b", samples: 0)])
        #expect(set.minimumSamplesPerProblem == 0)
        #expect(set.sampleCount == 4)
    }

    @Test func entriesKeepTheirOrderAndCanGrow() {
        var set = SampleSet(
            name: "s", entries: [Self.entry("b", samples: 1), Self.entry("a", samples: 2)], cost: Cost(calls: 3))
        #expect(set.entries.map(\.problem.id) == ["b", "a"])
        #expect(set.entries[1].samples.map(\.text) == ["answer 0", "answer 1"])
        set.entries[0].samples.append(Sample(text: "more"))
        #expect(set.sampleCount == 4)
        #expect(set.minimumSamplesPerProblem == 2)
        #expect(set.cost == Cost(calls: 3))
    }
}
