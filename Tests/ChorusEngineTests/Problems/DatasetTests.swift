import Testing

@testable import ChorusEngine

@Suite struct DatasetTests {
    static func problems(_ count: Int, source: String = "test") -> [Problem] {
        (0..<count).map { Problem(id: "p\($0)", question: "Question \($0)?", goldAnswer: String($0), source: source) }
    }

    static func dataset(_ count: Int) throws -> Dataset {
        try Dataset(name: "demo", problems: problems(count))
    }

    @Test func duplicateIDsAreATypedError() {
        var problems = Self.problems(4)
        problems[3].id = "p1"
        #expect(throws: DatasetError.duplicateID("p1", dataset: "demo", firstIndex: 1, secondIndex: 3)) {
            try Dataset(name: "demo", problems: problems)
        }
        let error = DatasetError.duplicateID("p1", dataset: "demo", firstIndex: 1, secondIndex: 3)
        #expect(error.description == "dataset \"demo\": id \"p1\" is used by problems 2 and 4; ids must be unique")
    }

    @Test func looksUpProblemsByID() throws {
        let dataset = try Self.dataset(5)
        #expect(dataset[id: "p3"]?.question == "Question 3?")
        #expect(dataset[id: "nope"] == nil)
        #expect(dataset.contains(id: "p0") && !dataset.contains(id: "p5"))
        #expect(try Self.dataset(10).shuffled(seed: 4)[id: "p7"]?.goldAnswer == "7")
    }

    @Test func limitTakesTheFirstProblemsInOrder() throws {
        let dataset = try Self.dataset(10)
        #expect(dataset.limit(3).problems.map(\.id) == ["p0", "p1", "p2"])
        #expect(dataset.limit(3).name == "demo")
        #expect(dataset.limit(50).count == 10)
        #expect(dataset.limit(0).isEmpty)
        #expect(dataset.limit(-2).isEmpty)
        #expect(dataset.limit(3)[id: "p5"] == nil)
    }

    @Test func shuffleIsSeedStableAndAPermutation() throws {
        let dataset = try Self.dataset(30)
        let once = dataset.shuffled(seed: 7)
        #expect(once == dataset.shuffled(seed: 7))
        #expect(once.problems != dataset.problems)
        #expect(once.problems.map(\.id) != dataset.shuffled(seed: 8).problems.map(\.id))
        #expect(Set(once.problems) == Set(dataset.problems))
        #expect(once.count == dataset.count)
        // Pinned: SplitMix64(42) shuffles 0..<10 into this order on every platform.
        let pinned = try Self.dataset(10).shuffled(seed: 42)
        #expect(pinned.problems.map(\.id) == ["p0", "p9", "p5", "p8", "p6", "p4", "p7", "p2", "p1", "p3"])
    }

    @Test func splitIsDisjointCoveringDeterministicAndOrdered() throws {
        let dataset = try Self.dataset(50)
        let (train, test) = try dataset.split(testFraction: 0.2, seed: 11)
        #expect(test.count == 10 && train.count == 40)
        #expect(Set(train.problems.map(\.id)).isDisjoint(with: test.problems.map(\.id)))
        #expect(Set(train.problems + test.problems) == Set(dataset.problems))
        #expect(train.name == "demo-train" && test.name == "demo-test")
        let again = try dataset.split(testFraction: 0.2, seed: 11)
        #expect(again.train == train && again.test == test)
        let other = try dataset.split(testFraction: 0.2, seed: 12)
        #expect(other.test != test)
        // Both parts keep the dataset's order.
        let position = Dictionary(uniqueKeysWithValues: dataset.problems.enumerated().map { ($1.id, $0) })
        for part in [train, test] {
            let positions = part.problems.map { position[$0.id]! }
            #expect(positions == positions.sorted())
        }
    }

    @Test func splitRoundsAndHandlesTheEnds() throws {
        let dataset = try Self.dataset(7)
        #expect(try dataset.split(testFraction: 0.5, seed: 1).test.count == 4)
        #expect(try dataset.split(testFraction: 0.0, seed: 1).test.isEmpty)
        #expect(try dataset.split(testFraction: 1.0, seed: 1).train.isEmpty)
        #expect(try Dataset(name: "none", problems: []).split(testFraction: 0.3, seed: 1).test.isEmpty)
        #expect(throws: DatasetError.testFractionOutOfRange(1.5)) { try dataset.split(testFraction: 1.5, seed: 1) }
        #expect(throws: DatasetError.testFractionOutOfRange(-0.1)) { try dataset.split(testFraction: -0.1, seed: 1) }
        #expect(DatasetError.testFractionOutOfRange(1.5).description == "test fraction 1.5 is outside 0...1")
        #expect(throws: DatasetError.self) { try dataset.split(testFraction: .nan, seed: 1) }
    }

    @Test func summaryNamesCountAndSources() throws {
        #expect(
            try Dataset(name: "gsm8k-test", problems: Self.problems(100, source: "gsm8k")).summary
                == "gsm8k-test: 100 problems (source: gsm8k)")
        #expect(try Dataset(name: "one", problems: Self.problems(1)).summary == "one: 1 problem (source: test)")
        #expect(try Dataset(name: "empty", problems: []).summary == "empty: 0 problems")
        let mixed = try Dataset(
            name: "mixed",
            problems: Self.problems(2, source: "math") + [
                Problem(id: "x", question: "q", goldAnswer: "1", source: "gsm8k")
            ]
        )
        #expect(mixed.summary == "mixed: 3 problems (sources: gsm8k, math)")
        #expect(mixed.sources == ["gsm8k", "math"])
    }
}
