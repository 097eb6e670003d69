import Testing

@testable import ChorusREPL

@Suite struct HistoryFileTests {
    @Test func followsXDGDataHome() {
        #expect(HistoryFile.path(environment: ["XDG_DATA_HOME": "/data", "HOME": "/home/a"]) == "/data/chorus/history")
    }

    @Test func fallsBackToHomeAndIgnoresRelativeXDG() {
        #expect(HistoryFile.path(environment: ["HOME": "/home/a"]) == "/home/a/.local/share/chorus/history")
        #expect(
            HistoryFile.path(environment: ["XDG_DATA_HOME": "rel", "HOME": "/h"]) == "/h/.local/share/chorus/history")
    }

    @Test func explicitOverrideWinsAndNoHomeMeansNoFile() {
        #expect(HistoryFile.path(environment: ["CHORUS_HISTORY": "/tmp/h", "HOME": "/h"]) == "/tmp/h")
        #expect(HistoryFile.path(environment: [:]) == nil)
    }
}
