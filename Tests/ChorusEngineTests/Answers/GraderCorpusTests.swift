import Foundation
import Testing

@testable import ChorusEngine

/// The labelled corpus `Tests/Fixtures/grading-corpus.jsonl`: every row grades as its label says.
@Suite struct GraderCorpusTests {
    static let corpus = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/grading-corpus.jsonl")

    struct Row {
        let id: String, gold: String, response: String, expected: GradeBucket, category: String
    }

    static func rows() throws -> [Row] {
        try String(contentsOf: corpus, encoding: .utf8).split(separator: "\n").map { line in
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String])
            return Row(
                id: try #require(object["id"]), gold: try #require(object["gold"]),
                response: try #require(object["response"]),
                expected: try #require(GradeBucket(rawValue: object["expected"] ?? "")),
                category: try #require(object["category"]))
        }
    }

    @Test func everyRowGradesAsLabelled() throws {
        let rows = try Self.rows()
        #expect(rows.count >= 400)
        let grader = Grader()
        var failures: [String] = []
        for row in rows {
            let grade = grader.grade(response: row.response, gold: row.gold)
            if grade.bucket != row.expected {
                failures.append(
                    "\(row.id): expected \(row.expected.rawValue), got \(grade.bucket.rawValue) "
                        + "(read \(grade.extracted.map { "\($0.method.rawValue) \"\($0.text)\"" } ?? "nothing"); "
                        + "gold \"\(row.gold)\")")
            }
        }
        #expect(
            failures.isEmpty,
            Comment(rawValue: "\(failures.count) of \(rows.count) rows:\n" + failures.joined(separator: "\n")))
    }

    @Test func everyCaseOfTheIssueIsCovered() throws {
        let categories = Set(try Self.rows().map(\.category))
        for needed in [
            "multi-box", "final-sentence", "math-span", "whole", "last-number", "gold", "relation",
            "equation", "labelled", "matrix", "letter", "text", "repeating", "long-decimal", "mixed",
            "percent", "symbolic", "plus-minus", "time", "interval", "unparseable",
        ] {
            #expect(categories.contains(needed), "no row for \(needed)")
        }
    }
}
