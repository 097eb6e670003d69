import Testing

@testable import ChorusEngine

@Suite struct CandidateVerdictTests {
    @Test func judgesTheShownCandidatesOnly() throws {
        let (_, graded) = TrainingFixtures.set([["1", "2", "2", "1"]])
        let problem = graded.problems[0]
        #expect(
            try CandidateVerdict([0, 1, 2], of: problem) == CandidateVerdict(majorityCorrect: false, anyCorrect: true))
        #expect(try CandidateVerdict([0, 3], of: problem).majorityCorrect)
        #expect(
            try CandidateVerdict([1, 2], of: problem) == CandidateVerdict(majorityCorrect: false, anyCorrect: false))
    }

    @Test func aReportCountsVerdicts() throws {
        var report = TrainingData.Report()
        report.count(CandidateVerdict(majorityCorrect: true, anyCorrect: true))
        report.count(CandidateVerdict(majorityCorrect: false, anyCorrect: false))
        #expect(report.majorityRight == 1 && report.majorityWrong == 1 && report.noneCorrect == 1)
    }
}
