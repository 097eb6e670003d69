import Testing

@testable import ChorusEngine

@Suite struct ScalingCurvesTests {
    /// Two problems, four samples each: p1 right, wrong, right, wrong; p2 wrong throughout (two classes).
    static func graded() throws -> GradedSampleSet {
        let problems = [
            Problem(id: "p1", question: "Q1", goldAnswer: "1", source: "hand"),
            Problem(id: "p2", question: "Q2", goldAnswer: "2", source: "hand"),
        ]
        let texts = [
            ["\\boxed{1}", "\\boxed{3}", "\\boxed{1}", "\\boxed{4}"],
            ["\\boxed{5}", "\\boxed{6}", "\\boxed{5}", "\\boxed{6}"],
        ]
        let entries = zip(problems, texts).map { problem, texts in
            SampleSet.Entry(
                problem: problem, samples: texts.map { Sample(text: $0, promptTokens: 10, completionTokens: 15) })
        }
        return try AnswerClassifier().grade(SampleSet(name: "s", entries: entries))
    }

    @Test func passAndMajorityAtEachK() throws {
        let curves = try ScalingCurves([Self.graded()], ks: [4, 1, 2, 2])
        #expect(curves.lines.map(\.label) == ["s pass@k", "s maj@k"])
        #expect(curves.lines[0].points.map(\.x) == [1, 2, 4])
        // p1: pass@1 1/2, pass@2 = 1 - C(2,2)/C(4,2) = 5/6, pass@4 = 1; p2: 0.
        let pass = curves.lines[0].points.map(\.y)
        #expect(pass.count == 3 && pass[0] == 0.25 && abs(pass[1] - 5.0 / 12) < 1e-12 && pass[2] == 0.5)
        // maj@4: p1's answer 1 has two votes against one each for 3 and 4: right; p2 wrong.
        #expect(curves.lines[1].points.map(\.y) == [0.25, 0.25, 0.5])
    }

    @Test func tokensAxisScalesWithK() throws {
        let curves = try ScalingCurves([Self.graded()], ks: [1, 4], axis: .tokens)
        #expect(curves.lines[0].points.map(\.x) == [25, 100])
    }

    @Test func kOutsideTheSamplesIsAnError() throws {
        #expect(throws: ScalingCurves.Failure.kOutOfRange(k: 5, available: 4, set: "s")) {
            try ScalingCurves([Self.graded()], ks: [1, 5])
        }
        #expect(throws: ScalingCurves.Failure.noSets) { try ScalingCurves([], ks: [1]) }
    }
}
