import Testing

@testable import ChorusEngine

@Suite struct CSVReaderTests {
    typealias Row = CSVReader.Row

    @Test func readsPlainRecordsWithLFOrCRLF() {
        #expect(
            CSVReader.rows(in: "a,b\n1,2\n") == [
                .record(line: 1, fields: ["a", "b"]), .record(line: 2, fields: ["1", "2"]),
            ])
        #expect(
            CSVReader.rows(in: "a,b\r\n1,2\r\n") == [
                .record(line: 1, fields: ["a", "b"]), .record(line: 2, fields: ["1", "2"]),
            ])
        #expect(
            CSVReader.rows(in: "a,b\r\n1,2") == [
                .record(line: 1, fields: ["a", "b"]), .record(line: 2, fields: ["1", "2"]),
            ])
    }

    @Test func quotedFieldsHoldCommasQuotesAndLineBreaks() {
        let rows = CSVReader.rows(in: "\"x, y\",\"say \"\"hi\"\"\",\"one\r\ntwo\nthree\"\nnext,\"\"\n")
        #expect(
            rows == [
                .record(line: 1, fields: ["x, y", #"say "hi""#, "one\r\ntwo\nthree"]),
                .record(line: 4, fields: ["next", ""]),
            ])
    }

    @Test func emptyFieldsAndTrailingCommasAreKept() {
        #expect(CSVReader.rows(in: ",a,,\n") == [.record(line: 1, fields: ["", "a", "", ""])])
        #expect(CSVReader.rows(in: "a,") == [.record(line: 1, fields: ["a", ""])])
        #expect(CSVReader.rows(in: " a , b ") == [.record(line: 1, fields: [" a ", " b "])])
    }

    @Test func emptyLinesAreNotRecordsButStillCount() {
        #expect(
            CSVReader.rows(in: "a\n\n\r\nb\n") == [.record(line: 1, fields: ["a"]), .record(line: 4, fields: ["b"])])
        #expect(CSVReader.rows(in: "").isEmpty)
        #expect(CSVReader.rows(in: "\n\n").isEmpty)
    }

    @Test func aByteOrderMarkIsIgnored() {
        #expect(CSVReader.rows(in: "\u{FEFF}id,q\n") == [.record(line: 1, fields: ["id", "q"])])
    }

    @Test func nonASCIITextSurvives() {
        #expect(CSVReader.rows(in: "\"café, π\",日本\n") == [.record(line: 1, fields: ["café, π", "日本"])])
    }

    @Test func malformedRecordsAreReportedAndReadingResumes() {
        let rows = CSVReader.rows(in: "a,b\"c\nok,1\n\"x\"y,2\nfine\n\"open\nstill open")
        #expect(
            rows == [
                .malformed(
                    line: 1, reason: "a quote inside an unquoted field; quote the whole field and double the quote"),
                .record(line: 2, fields: ["ok", "1"]),
                .malformed(line: 3, reason: "text after the closing quote of a field"),
                .record(line: 4, fields: ["fine"]),
                .malformed(line: 5, reason: "a quoted field is never closed"),
            ])
    }
}
