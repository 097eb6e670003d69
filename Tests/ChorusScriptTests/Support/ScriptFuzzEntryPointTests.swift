import ChorusTestSupport
import Testing

@testable import ChorusScript

/// Every input the `script` fuzzer (or the reports before it) found crashing is replayed here.
@Suite struct ScriptFuzzEntryPointTests {
    @Test func storedInputsRunToTheEnd() async throws {
        let inputs = try FuzzRegressionInputs.inputs(of: "script")
        #expect(!inputs.isEmpty)
        for input in inputs {
            await ScriptFuzzEntryPoint.run(input.bytes)
        }
        #expect(inputs.contains { $0.name.hasPrefix("nesting-") })
    }
}
