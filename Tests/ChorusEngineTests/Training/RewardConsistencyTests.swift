import ChorusTestSupport
import Foundation
import Testing

@testable import ChorusEngine

/// The Python reward shipped to the trainers (an adapter driving `chorus grade --serve`) scores the
/// shared cases as the Swift reward function does: the adapter, end to end.
@Suite struct RewardConsistencyTests {
    static let cases = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/reward-cases.jsonl")

    @Test(arguments: RewardFunction.Preset.all)
    func pythonScoresEverySharedCaseAsSwiftDoes(preset: RewardFunction.Preset) async throws {
        let folder = try TemporaryFolder()
        let script = try folder.write(ShippedFiles.rewardFunction, to: "chorus_reward.py")
        let lines = try String(contentsOf: Self.cases, encoding: .utf8).split(separator: "\n")
        try #require(lines.count >= 100)
        var checked = 0
        for format in RewardFunction.AnswerFormat.allCases {
            let rows = try lines.map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: String] }
                .filter { $0["format"] == format.rawValue }
            let input = try folder.write(
                rows.map { row in
                    String(
                        decoding: try JSONSerialization.data(withJSONObject: [
                            "id": row["id"]!, "gold": row["gold"]!, "response": row["response"]!,
                        ]), as: UTF8.self)
                }.joined(separator: "\n"), to: "\(format.rawValue).jsonl")
            let result = try await ChildProcess.run(
                "python3", [script, "score", input, "--reward", preset.name, "--format", format.rawValue],
                environment: [
                    "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
                    "CHORUS_GRADER": try TrainingExport.graderBinary(environment: [:]),
                ])
            try #require(result.status == 0, "\(result.output)")
            let scored = result.output.split(separator: "\n").map {
                try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
            }
            try #require(scored.count == rows.count)
            let reward = RewardFunction(preset: preset, format: format)
            for (row, python) in zip(rows, scored) {
                let swift = reward.score(response: row["response"]!, gold: row["gold"]!)
                #expect(
                    python["reward"] as? Double == swift.reward, "\(row["id"]!): \(row["response"]!) vs \(row["gold"]!)"
                )
                #expect(python["formatted"] as? Bool == swift.formatted, "\(row["id"]!)")
                #expect(python["correct"] as? Bool == swift.correct, "\(row["id"]!)")
                checked += 1
            }
        }
        #expect(checked == lines.count)
    }
}
