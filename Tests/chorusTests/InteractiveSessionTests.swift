import Foundation
import Testing

/// The real REPL under a pseudo-terminal: Tab completion, history after a restart, Ctrl-C, Ctrl-D.
@Suite struct InteractiveSessionTests {
    @Test func replBehavesUnderARealTerminal() throws {
        let script = ChorusProcess.packageRoot.appendingPathComponent("Tests/Interactive/repl_pty.py")
        let python = URL(fileURLWithPath: "/usr/bin/env")
        let result = try ChorusProcess.run(python, ["python3", script.path, try ChorusProcess.binary.path])
        #expect(result.status == 0, "\(result.standardOutput)\(result.standardError)")
        #expect(result.standardOutput.contains("17 passed, 0 failed"), "\(result.standardOutput)")
    }
}
