import ChorusTestSupport
import Testing

@testable import ChorusEngine

/// Every input the `grader` and `jsonrow` fuzzers (or the reports before them) found crashing is replayed here.
@Suite struct FuzzEntryPointsTests {
    /// Runs on a task, whose thread has a smaller stack than the main thread, as grading does in a session.
    @Test(arguments: ["grader", "jsonrow"])
    func storedInputsRunToTheEnd(target: String) async throws {
        let inputs = try FuzzRegressionInputs.inputs(of: target)
        #expect(!inputs.isEmpty)
        for input in inputs {
            let finished = await Task.detached {
                if target == "grader" {
                    FuzzEntryPoints.grade(input.bytes)
                } else {
                    FuzzEntryPoints.jsonRow(input.bytes)
                }
                return true
            }.value
            #expect(finished, "\(target)/\(input.name)")
        }
    }
}
