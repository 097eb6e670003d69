import Testing

@testable import ChorusEngine

@Suite struct ComparisonTests {
    static func problem(_ id: String, gold: String) -> Problem {
        Problem(id: id, question: "q", goldAnswer: gold, source: "t")
    }

    /// Problem a (gold 5): 5, 5, 3 — pass@1 2/3, maj@3 1, pass@3 1, oracle@1 1.
    /// Problem b (gold 7): 1, 7, nothing — pass@1 1/3, maj@3 1/2 (a 1–1 tie), pass@3 1, oracle@1 0.
    static func graded(name: String = "s", cost: Cost = .zero, ids: [String] = ["a", "b"]) throws -> GradedSampleSet {
        let set = SampleSet(
            name: name,
            entries: [
                SampleSet.Entry(
                    problem: problem(ids[0], gold: "5"),
                    samples: ["\\boxed{5}", "\\boxed{5}", "\\boxed{3}"].map { Sample(text: $0) }),
                SampleSet.Entry(
                    problem: problem(ids[1], gold: "7"),
                    samples: ["\\boxed{1}", "\\boxed{7}", "no answer"].map { Sample(text: $0) }),
            ],
            cost: cost)
        return try AnswerClassifier().grade(set)
    }

    static func strategy(
        _ name: String, correct: [Bool], answers: [String?]? = nil, ids: [String] = ["a", "b"], cost: Cost = .zero
    ) -> StrategyResult {
        let answers = answers ?? correct.map { _ in "1" }
        let decisions = zip(ids, zip(correct, answers)).map {
            StrategyDecision(problemID: $0.0, answer: $0.1.1, isCorrect: $0.1.0)
        }
        return StrategyResult(
            name: name, decisions: decisions, candidates: GradedSampleSet(name: "c", problems: [], cost: .zero), k: nil,
            cost: cost)
    }

    @Test func aSampleSetGivesPassMajorityAndOracleRows() throws {
        var comparison = Comparison()
        var generator = SplitMix64(seed: 0)
        try comparison.add(try Self.graded(), ks: [1, 3], using: &generator)
        #expect(comparison.rows.map(\.label) == ["s pass@1", "s oracle@1", "s maj@3", "s pass@3", "s oracle@3"])
        let values = comparison.rows.map(\.estimate.value)
        let expected = [0.5, 0.5, 0.75, 1, 1]
        #expect(zip(values, expected).allSatisfy { abs($0 - $1) < 1e-12 }, "\(values)")
        #expect(comparison.rows.allSatisfy { $0.unparseable == nil })
        #expect(comparison.rows.allSatisfy { $0.tokensPerProblem == nil && $0.secondsPerProblem == nil })
    }

    @Test func intervalsBracketTheMean() throws {
        var comparison = Comparison()
        var generator = SplitMix64(seed: 0)
        try comparison.add(try Self.graded(), ks: [3], using: &generator)
        for row in comparison.rows {
            #expect(
                row.estimate.lower <= row.estimate.value && row.estimate.value <= row.estimate.upper, "\(row.label)")
        }
        // pass@1 scores are 2/3 and 1/3: a bootstrap mean is 1/3, 1/2 or 2/3.
        #expect(abs(comparison.rows[0].estimate.lower - 1.0 / 3) < 1e-12)
        #expect(abs(comparison.rows[0].estimate.upper - 2.0 / 3) < 1e-12)
        // pass@3 is 1 on both problems: no spread.
        let pass3 = try #require(comparison.rows.first { $0.label == "s pass@3" })
        #expect(pass3.estimate == Estimate(value: 1, lower: 1, upper: 1))
    }

    @Test func kOfOneAddsOnlyOracleAtOne() throws {
        var comparison = Comparison()
        var generator = SplitMix64(seed: 0)
        try comparison.add(try Self.graded(), ks: [1], using: &generator)
        #expect(comparison.rows.map(\.label) == ["s pass@1", "s oracle@1"])
    }

    @Test func noKsGiveOnlyPassAtOne() throws {
        var comparison = Comparison()
        var generator = SplitMix64(seed: 0)
        try comparison.add(try Self.graded(), ks: [], using: &generator)
        #expect(comparison.rows.map(\.label) == ["s pass@1"])
    }

    @Test func labelsWithoutTheSetName() throws {
        var comparison = Comparison()
        var generator = SplitMix64(seed: 0)
        try comparison.add(try Self.graded(), ks: [2], labelsWithName: false, using: &generator)
        #expect(comparison.rows.map(\.label) == ["pass@1", "maj@2", "pass@2", "oracle@2"])
        var unnamed = Comparison()
        try unnamed.add(try Self.graded(name: ""), ks: [2], using: &generator)
        #expect(unnamed.rows.map(\.label) == ["pass@1", "maj@2", "pass@2", "oracle@2"])
    }

    @Test func twoSetsOverTheSameProblems() throws {
        var comparison = Comparison()
        var generator = SplitMix64(seed: 0)
        try comparison.add(try Self.graded(name: "x"), ks: [], using: &generator)
        try comparison.add(try Self.graded(name: "y"), ks: [], using: &generator)
        #expect(comparison.rows.map(\.label) == ["x pass@1", "y pass@1"])
    }

    @Test func rowsWithOneLabelAreToldApartByTagThenNumber() throws {
        var comparison = Comparison()
        var generator = SplitMix64(seed: 0)
        let maj = Self.strategy("maj", correct: [true, false], answers: ["5", nil])
        try comparison.add(maj, tag: "v", using: &generator)
        try comparison.add(maj, tag: "w", using: &generator)
        try comparison.add(maj, tag: "w", using: &generator)
        try comparison.add(
            Self.strategy("other", correct: [true, true], answers: ["5", "6"]), tag: "x", using: &generator)
        #expect(comparison.displayLabels == ["maj [v]", "maj [w]", "maj [w] #2", "other"])
        #expect(comparison.table.rows.map { $0[0] } == comparison.displayLabels.map(TableCell.text))
        // The rows keep their own labels; only the table tells them apart.
        #expect(comparison.rows.map(\.label) == ["maj", "maj", "maj", "other"])
    }

    @Test func aStrategyGivesOneRowWithItsUnparseableCount() throws {
        var comparison = Comparison()
        var generator = SplitMix64(seed: 0)
        try comparison.add(
            Self.strategy("maj", correct: [true, false], answers: ["5", nil]), using: &generator)
        #expect(comparison.rows.count == 1)
        let row = comparison.rows[0]
        #expect(row.label == "maj")
        #expect(row.estimate.value == 0.5)
        #expect(row.estimate.lower == 0 && row.estimate.upper == 1)
        #expect(row.unparseable == 1)
        #expect(row.tokensPerProblem == nil)
        #expect(row.secondsPerProblem == nil)
    }

    @Test func costsArePerProblem() throws {
        var comparison = Comparison()
        var generator = SplitMix64(seed: 0)
        try comparison.add(
            Self.strategy(
                "m", correct: [true, true],
                cost: Cost(calls: 4, promptTokens: 100, completionTokens: 200, wallSeconds: 3)),
            using: &generator)
        #expect(comparison.rows[0].tokensPerProblem == 150)
        #expect(comparison.rows[0].secondsPerProblem == 1.5)
    }

    @Test func setRowsCarryTheSetsCost() throws {
        var comparison = Comparison()
        var generator = SplitMix64(seed: 0)
        try comparison.add(
            try Self.graded(cost: Cost(calls: 6, promptTokens: 60, completionTokens: 40, wallSeconds: 0)), ks: [3],
            using: &generator)
        // 100 tokens for 6 samples: pass@1 uses one sample a problem, the @3 rows three.
        #expect(comparison.rows.map(\.tokensPerProblem) == [100.0 / 6, 50, 50, 50])
        #expect(comparison.rows.allSatisfy { $0.secondsPerProblem == nil })
    }

    @Test func theSameSeedGivesTheSameRows() throws {
        func rows(seed: UInt64) throws -> [ComparisonRow] {
            var comparison = Comparison()
            var generator = SplitMix64(seed: seed)
            try comparison.add(try Self.graded(), ks: [2, 3], using: &generator)
            try comparison.add(Self.strategy("m", correct: [true, false]), using: &generator)
            return comparison.rows
        }
        #expect(try rows(seed: 3) == rows(seed: 3))
    }

    @Test func resamplesAreConfigurable() throws {
        // With one resample the interval is that one resample's mean: lower == upper.
        var comparison = Comparison(resamples: 1)
        var generator = SplitMix64(seed: 0)
        try comparison.add(Self.strategy("m", correct: [true, false]), using: &generator)
        #expect(comparison.rows[0].estimate.lower == comparison.rows[0].estimate.upper)
    }

    @Test func differentProblemsAreRefused() throws {
        var comparison = Comparison()
        var generator = SplitMix64(seed: 0)
        try comparison.add(try Self.graded(name: "s"), ks: [], using: &generator)
        #expect(throws: Comparison.Failure.differentProblems(first: "s", other: "maj")) {
            try comparison.add(Self.strategy("maj", correct: [true, true], ids: ["b", "a"]), using: &generator)
        }
        #expect(throws: Comparison.Failure.differentProblems(first: "s", other: "t")) {
            try comparison.add(try Self.graded(name: "t", ids: ["a", "c"]), ks: [], using: &generator)
        }
        #expect(comparison.rows.map(\.label) == ["s pass@1"])
    }

    @Test func differentProblemsNameTheFirstItem() throws {
        var comparison = Comparison()
        var generator = SplitMix64(seed: 0)
        try comparison.add(Self.strategy("first", correct: [true, true]), using: &generator)
        try comparison.add(Self.strategy("second", correct: [true, false]), using: &generator)
        #expect(throws: Comparison.Failure.differentProblems(first: "first", other: "third")) {
            try comparison.add(Self.strategy("third", correct: [true], ids: ["a"]), using: &generator)
        }
    }

    @Test func kLargerThanTheSamplesIsRefused() throws {
        var comparison = Comparison()
        var generator = SplitMix64(seed: 0)
        #expect(throws: Comparison.Failure.kTooLarge(k: 4, available: 3, set: "s")) {
            try comparison.add(try Self.graded(), ks: [4], using: &generator)
        }
    }

    @Test func kBelowOneIsRefused() throws {
        var generator = SplitMix64(seed: 0)
        var comparison = Comparison()
        #expect(throws: Comparison.Failure.kBelowOne(k: 0)) {
            try comparison.add(try Self.graded(), ks: [0], using: &generator)
        }
    }

    @Test func nothingToCompareIsRefused() throws {
        var generator = SplitMix64(seed: 0)
        var comparison = Comparison()
        #expect(throws: Comparison.Failure.empty) {
            try comparison.add(Self.strategy("m", correct: [], ids: []), using: &generator)
        }
        var sets = Comparison()
        #expect(throws: Comparison.Failure.empty) {
            try sets.add(GradedSampleSet(name: "e", problems: [], cost: .zero), ks: [], using: &generator)
        }
    }

    @Test func theTableShowsPercentIntervalsAndCosts() throws {
        var comparison = Comparison()
        var generator = SplitMix64(seed: 0)
        try comparison.add(
            Self.strategy(
                "good", correct: [true, true], cost: Cost(promptTokens: 100, completionTokens: 200, wallSeconds: 3)),
            using: &generator)
        try comparison.add(Self.strategy("bad", correct: [false, false], answers: [nil, nil]), using: &generator)
        #expect(
            comparison.table.rendered == """
                strategy  acc %  95% CI          no answer  tokens/problem  time/problem
                --------  -----  --------------  ---------  --------------  ------------
                good      100.0  [100.0, 100.0]  0          150             1.50 s
                bad       0.0    [0.0, 0.0]      2
                \(ComparisonMetric.strategy.explanation)

                """)
    }

    @Test func columnsNoRowFillsAreLeftOut() throws {
        var generator = SplitMix64(seed: 0)
        var sets = Comparison()
        try sets.add(try Self.graded(), ks: [3], using: &generator)
        #expect(sets.table.textTable.header == ["strategy", "acc %", "95% CI"])
        #expect(sets.table.textTable.rows.map { $0[0] } == ["s pass@1", "s maj@3", "s pass@3", "s oracle@3"])
        #expect(sets.table.textTable.rows[1][1] == "75.0")
        #expect(sets.table.textTable.rows[2] == ["s pass@3", "100.0", "[100.0, 100.0]"])

        var strategies = Comparison()
        try strategies.add(Self.strategy("m", correct: [true, true]), using: &generator)
        #expect(strategies.table.textTable.header == ["strategy", "acc %", "95% CI", "no answer"])

        var timed = Comparison()
        try timed.add(try Self.graded(cost: Cost(wallSeconds: 0.5)), ks: [], using: &generator)
        #expect(timed.table.textTable.header == ["strategy", "acc %", "95% CI", "time/problem"])
        #expect(timed.table.textTable.rows == [["s pass@1", "50.0", "[33.3, 66.7]", "83 ms"]])
    }

    @Test func costPerProblemCountsTheSamplesARowUses() throws {
        var generator = SplitMix64(seed: 0)
        var comparison = Comparison()
        // 2 problems × 3 samples, 600 tokens and 6 s: 100 tokens and 1 s a sample.
        let cost = Cost(promptTokens: 300, completionTokens: 300, wallSeconds: 6)
        try comparison.add(try Self.graded(cost: cost), ks: [2, 3], using: &generator)
        let rows = comparison.rows.map { "\($0.label) \($0.tokensPerProblem ?? 0) \($0.secondsPerProblem ?? 0)" }
        #expect(
            rows == [
                "s pass@1 100.0 1.0", "s maj@2 200.0 2.0", "s pass@2 200.0 2.0", "s oracle@2 200.0 2.0",
                "s maj@3 300.0 3.0", "s pass@3 300.0 3.0", "s oracle@3 300.0 3.0",
            ])
        var strategies = Comparison()
        try strategies.add(Self.strategy("v", correct: [true, false], cost: cost), using: &generator)
        #expect(strategies.rows.map(\.tokensPerProblem) == [300])
        // A vote over the first 2 of the 3 samples is charged those 2, as maj@2 is.
        try strategies.add(MajorityVote(k: 2).run(on: Self.graded(cost: cost), name: "maj@2"), using: &generator)
        #expect(strategies.rows.last?.tokensPerProblem == 200)
        #expect(strategies.rows.map(\.k) == [0, 2])
    }

    @Test func theLegendSaysWhatEachKindOfRowMeasures() throws {
        var generator = SplitMix64(seed: 0)
        var comparison = Comparison()
        try comparison.add(try Self.graded(cost: Cost(promptTokens: 6)), ks: [3], using: &generator)
        #expect(
            comparison.table.notes == [
                ComparisonMetric.passAt1.explanation, ComparisonMetric.majority.explanation,
                ComparisonMetric.passAtK.explanation, ComparisonMetric.oracle.explanation,
                "tokens and time: per problem, for the samples a row uses (1 for pass@1, k for the @k rows)",
            ])
        try comparison.add(Self.strategy("maj@3", correct: [true, false]), using: &generator)
        #expect(comparison.table.notes.contains(ComparisonMetric.strategy.explanation))
        #expect(comparison.table.notes.contains { $0.contains("a tie of t answers counts 1/t") })
        #expect(comparison.table.rendered.hasSuffix(comparison.table.notes.joined(separator: "\n") + "\n"))
    }

    @Test func anEmptyComparisonHasAnEmptyTable() {
        let table = Comparison().table
        #expect(table.textTable.header == ["strategy", "acc %", "95% CI"])
        #expect(table.rows.isEmpty)
        #expect(table.notes.isEmpty)
    }

    @Test func aMetricHasTheSameIntervalInEveryTableWithTheSameSeed() throws {
        let set = try Self.graded()
        var alone = Comparison()
        var first = SplitMix64(seed: 7)
        try alone.add(set, ks: [2], labelsWithName: false, using: &first)
        var together = Comparison()
        var second = SplitMix64(seed: 7)
        try together.add(set, ks: [2, 3], using: &second)
        let aloneRow = try #require(alone.rows.first { $0.label == "pass@2" })
        let togetherRow = try #require(together.rows.first { $0.label.hasSuffix(" pass@2") || $0.label == "pass@2" })
        #expect(aloneRow.estimate == togetherRow.estimate)
        var otherSeed = Comparison()
        var third = SplitMix64(seed: 8)
        try otherSeed.add(set, ks: [2], labelsWithName: false, using: &third)
        #expect(otherSeed.rows.first { $0.label == "pass@2" }?.estimate.value == aloneRow.estimate.value)
    }
}
