import Testing

@testable import ChorusEngine

@Suite struct ScalingCurvesTests {
    /// Two problems, four samples each: p1 right, wrong, right, wrong; p2 wrong throughout (two
    /// classes). 25 tokens a sample when `costed`.
    static func graded(
        name: String = "s", samples: Int = 4, costed: Bool = true, ids: [String] = ["p1", "p2"]
    ) throws
        -> GradedSampleSet
    {
        let problems = zip(ids, ["1", "2"]).map { Problem(id: $0, question: "Q", goldAnswer: $1, source: "hand") }
        let texts = [
            ["\\boxed{1}", "\\boxed{3}", "\\boxed{1}", "\\boxed{4}"],
            ["\\boxed{5}", "\\boxed{6}", "\\boxed{5}", "\\boxed{6}"],
        ]
        let entries = zip(problems, texts).map { problem, texts in
            SampleSet.Entry(
                problem: problem,
                samples: texts.prefix(samples).map { Sample(text: $0, promptTokens: 10, completionTokens: 15) })
        }
        let count = samples * problems.count
        let cost = costed ? Cost(calls: count, promptTokens: 10 * count, completionTokens: 15 * count) : .zero
        return try AnswerClassifier().grade(SampleSet(name: name, entries: entries, cost: cost))
    }

    static func curves(
        _ inputs: [ScalingCurves.Input], axis: ScalingCurves.Axis = .k, seed: UInt64 = 0
    ) throws
        -> ScalingCurves
    {
        var generator = SplitMix64(seed: seed)
        return try ScalingCurves(inputs, axis: axis, resamples: 200, using: &generator)
    }

    @Test func passAndMajorityAtEachK() throws {
        let curves = try Self.curves([.curves(Self.graded(), ks: [4, 1, 2, 2])])
        #expect(curves.series.map(\.label) == ["s pass@k", "s maj@k"])
        #expect(curves.series[0].points.map(\.k) == [1, 2, 4])
        // p1: pass@1 1/2, pass@2 = 1 - C(2,2)/C(4,2) = 5/6, pass@4 = 1; p2: 0.
        let pass = curves.series[0].points.map(\.estimate.value)
        #expect(pass.count == 3 && pass[0] == 0.25 && abs(pass[1] - 5.0 / 12) < 1e-12 && pass[2] == 0.5)
        // maj@4: p1's answer 1 has two votes against one each for 3 and 4: right; p2 wrong.
        #expect(curves.series[1].points.map(\.estimate.value) == [0.25, 0.25, 0.5])
    }

    @Test func severalStrategiesEachSetAtEveryKItHas() throws {
        let vote = try MajorityVote(k: 2).run(on: Self.graded(), name: "maj@2")
        let combined = try Self.graded(name: "usc@4", samples: 1)
        let curves = try Self.curves([
            .curves(Self.graded(), ks: nil), .curves(Self.graded(name: "t", samples: 2), ks: nil), .result(vote),
            .combined(combined, k: 4),
        ])
        #expect(curves.series.map(\.label) == ["s pass@k", "s maj@k", "t pass@k", "t maj@k", "maj@2", "usc@4"])
        #expect(curves.series.map(\.kind) == [.passAtK, .majorityAtK, .passAtK, .majorityAtK, .strategy, .strategy])
        #expect(curves.series.map(\.group) == [0, 0, 1, 1, 2, 3])
        // Each set keeps its own ks: one set with fewer samples no longer cuts the others short.
        #expect(curves.series.map { $0.points.map(\.k) } == [[1, 2, 4], [1, 2, 4], [1, 2], [1, 2], [2], [4]])
        #expect(curves.series[4].points[0].estimate.value == vote.accuracy)
        #expect(curves.notes.contains { $0.hasPrefix("a strategy row") })
    }

    @Test func theIntervalsAreTheOnesCompareGives() throws {
        let set = try Self.graded()
        let curves = try Self.curves([.curves(set, ks: [1, 2, 4])], seed: 7)
        var generator = SplitMix64(seed: 7)
        var comparison = Comparison(resamples: 200)
        try comparison.add(set, ks: [4], labelsWithName: false, using: &generator)
        let majority = try #require(comparison.rows.first { $0.label == "maj@4" })
        #expect(curves.series[1].points.last?.estimate == majority.estimate)
        for point in curves.series.flatMap(\.points) {
            #expect(point.estimate.lower <= point.estimate.value && point.estimate.value <= point.estimate.upper)
        }
    }

    @Test func tokensAxisPlacesCurvesAndResultsAtTheirCost() throws {
        let vote = try MajorityVote(k: 2).run(on: Self.graded(), name: "maj@2")
        let curves = try Self.curves([.curves(Self.graded(), ks: [1, 4]), .result(vote)], axis: .tokens)
        #expect(curves.series[0].points.map(curves.x) == [25, 100])
        // A vote over the first two samples is charged those two, where maj@2 would be.
        #expect(curves.series[2].points.map(curves.x) == [50])
        #expect(curves.notes.last?.hasPrefix("tokens: per problem") == true)
    }

    @Test func badInputsSayWhatIsWrong() throws {
        #expect(throws: ScalingCurves.Failure.noInputs) { try Self.curves([]) }
        #expect(throws: ScalingCurves.Failure.kOutOfRange(k: 4, available: 2, set: "t")) {
            try Self.curves([
                .curves(Self.graded(), ks: [1, 4]), .curves(Self.graded(name: "t", samples: 2), ks: [1, 4]),
            ])
        }
        #expect(throws: ScalingCurves.Failure.kOutOfRange(k: 0, available: 4, set: "s")) {
            try Self.curves([.curves(Self.graded(), ks: [0, 1])])
        }
        #expect(throws: ScalingCurves.Failure.noTokens(label: "s pass@k")) {
            try Self.curves([.curves(Self.graded(costed: false), ks: nil)], axis: .tokens)
        }
        #expect(throws: ScalingCurves.Failure.noSamples(set: "s")) {
            try Self.curves([.curves(Self.graded(samples: 0), ks: nil)])
        }
        let empty = try AnswerClassifier().grade(SampleSet(name: "none", entries: []))
        #expect(throws: ScalingCurves.Failure.noProblems(set: "none")) { try Self.curves([.curves(empty, ks: nil)]) }
        #expect(throws: ScalingCurves.Failure.differentProblems(first: "s", other: "o")) {
            try Self.curves([
                .curves(Self.graded(), ks: nil), .curves(Self.graded(name: "o", ids: ["p1", "p9"]), ks: nil),
            ])
        }
        let message = ScalingCurves.Failure.kOutOfRange(k: 4, available: 2, set: "t").description
        #expect(message == "k = 4 is outside 1…2: t has 2 samples per problem")
    }
}
