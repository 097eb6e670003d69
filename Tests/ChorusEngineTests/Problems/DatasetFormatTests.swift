import Testing

@testable import ChorusEngine

@Suite struct DatasetFormatTests {
    @Test func detectsFromFieldNames() {
        #expect(DatasetFormat.detect(fields: ["question", "answer"], isCSV: false) == .gsm8k)
        #expect(DatasetFormat.detect(fields: ["problem", "solution", "answer", "level"], isCSV: false) == .math)
        #expect(DatasetFormat.detect(fields: ["problem", "solution"], isCSV: true) == .math)
        #expect(DatasetFormat.detect(fields: ["question", "solution"], isCSV: false) == nil)
        #expect(DatasetFormat.detect(fields: [], isCSV: false) == nil)
    }

    @Test func csvQuestionAndAnswerColumnsAreTakenAsWritten() {
        #expect(
            DatasetFormat.detect(fields: ["question", "answer"], isCSV: true)
                == .csv(FieldMapping(question: "question", answer: "answer")))
        #expect(
            DatasetFormat.detect(fields: ["id", "question", "answer", "solution"], isCSV: true)
                == .csv(FieldMapping(question: "question", answer: "answer", id: "id", solution: "solution")))
    }

    @Test func labels() {
        let mapping = FieldMapping(question: "q", answer: "a")
        #expect(
            [DatasetFormat.gsm8k, .math, .jsonl(mapping), .csv(mapping)].map(\.label) == [
                "gsm8k", "math", "jsonl", "csv",
            ])
    }
}
