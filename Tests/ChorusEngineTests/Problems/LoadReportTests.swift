import Testing

@testable import ChorusEngine

@Suite struct LoadReportTests {
    @Test func summaryCountsSkippedRows() throws {
        let dataset = try Dataset(name: "d", problems: [Problem(id: "a", question: "q", goldAnswer: "1", source: "s")])
        var report = LoadReport(dataset: dataset, format: .gsm8k, skipped: [])
        #expect(report.summary == "d: 1 problem (source: s)")
        report.skipped = [SkippedRow(line: 3, reason: .notAnObject)]
        #expect(report.summary == "d: 1 problem (source: s); 1 row skipped")
    }

    @Test func errorsReadAsFileLineReason() {
        #expect(
            DatasetLoadError(file: "data.jsonl", line: 17, reason: .missingField("answer")).description
                == #"data.jsonl:17: field "answer" is missing"#)
        #expect(
            DatasetLoadError(file: "data.jsonl", line: nil, reason: .unreadable("permission denied")).description
                == "data.jsonl: cannot read the file: permission denied")
    }
}
