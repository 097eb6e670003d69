import Testing

@testable import ChorusREPL

@Suite struct TerminalCapabilitiesTests {
    @Test func colourOnATerminal() {
        let capabilities = TerminalCapabilities(isTerminal: true, environment: ["TERM": "xterm-256color"])
        #expect(capabilities.usesColour)
        #expect(capabilities.isTerminal)
    }

    @Test func noColourOnAPipe() {
        let capabilities = TerminalCapabilities(isTerminal: false, environment: ["TERM": "xterm-256color"])
        #expect(!capabilities.usesColour)
        #expect(!capabilities.isTerminal)
    }

    @Test func noColourWithNoColourSetToAnything() {
        #expect(!TerminalCapabilities(isTerminal: true, environment: ["TERM": "xterm", "NO_COLOR": ""]).usesColour)
        #expect(!TerminalCapabilities(isTerminal: true, environment: ["TERM": "xterm", "NO_COLOR": "1"]).usesColour)
    }

    @Test func dumbTerminalGetsNeitherColourNorProgress() {
        let capabilities = TerminalCapabilities(isTerminal: true, environment: ["TERM": "dumb"])
        #expect(!capabilities.usesColour)
        #expect(!capabilities.isTerminal)
    }
}
