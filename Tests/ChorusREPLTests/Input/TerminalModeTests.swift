import Foundation
import Testing

@testable import ChorusREPL

#if canImport(Glibc)
import Glibc
#endif

@Suite struct TerminalModeTests {
    private func localFlags(_ descriptor: Int32) -> tcflag_t {
        var settings = termios()
        _ = tcgetattr(descriptor, &settings)
        return settings.c_lflag
    }

    @Test func echoAndLineModeAreOffUntilRestored() throws {
        var controller: Int32 = -1
        var terminal: Int32 = -1
        try #require(openpty(&controller, &terminal, nil, nil, nil) == 0)
        defer {
            close(controller)
            close(terminal)
        }
        let lineMode = tcflag_t(ICANON | ECHO)
        #expect(localFlags(terminal) & lineMode == lineMode)
        let mode = try #require(TerminalMode.withoutEcho(terminal))
        #expect(localFlags(terminal) & lineMode == 0)
        #expect(localFlags(terminal) & tcflag_t(ISIG) != 0, "Ctrl-C must still raise SIGINT")
        // Already out of line mode: nothing to save.
        #expect(TerminalMode.withoutEcho(terminal) == nil)
        mode.restore()
        #expect(localFlags(terminal) & lineMode == lineMode)
    }

    @Test func aPipeIsLeftAlone() {
        let pipe = Pipe()
        #expect(TerminalMode.withoutEcho(pipe.fileHandleForReading.fileDescriptor) == nil)
    }
}
