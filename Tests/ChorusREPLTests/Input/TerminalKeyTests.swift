import Foundation
import Testing

@testable import ChorusREPL

@Suite struct TerminalKeyTests {
    /// Reads every key the bytes hold, then one more (the end), with a wait that never stops.
    private func keys(of bytes: [UInt8]) throws -> [Int32] {
        let pipe = Pipe()
        try pipe.fileHandleForWriting.write(contentsOf: Data(bytes))
        try pipe.fileHandleForWriting.close()
        var keys: [Int32] = []
        while true {
            let key = TerminalKey.next(from: pipe.fileHandleForReading.fileDescriptor) { _ in true }
            keys.append(key)
            if key == TerminalKey.none { return keys }
        }
    }

    @Test func asciiAndMultiByteCharactersReadAsOneScalarEach() throws {
        #expect(try keys(of: Array("a é→😀\u{1B}[A".utf8)) == [0x61, 0x20, 0xE9, 0x2192, 0x1F600, 0x1B, 0x5B, 0x41, -1])
    }

    @Test func invalidBytesReadAsTheReplacementCharacter() throws {
        // A stray continuation byte, a lead byte followed by ASCII (the ASCII is dropped with it),
        // then an over-long lead byte.
        #expect(try keys(of: [0x80, 0xC3, 0x41, 0xFF, 0x62]) == [0xFFFD, 0xFFFD, 0xFFFD, 0x62, -1])
    }

    @Test func aCharacterCutOffByTheEndReadsAsTheEnd() throws {
        #expect(try keys(of: [0x61, 0xE2, 0x86]) == [0x61, -1])
    }

    @Test func aWaitThatStopsEndsTheKeyWithoutReading() throws {
        let pipe = Pipe()
        try pipe.fileHandleForWriting.write(contentsOf: Data("x".utf8))
        #expect(TerminalKey.next(from: pipe.fileHandleForReading.fileDescriptor) { _ in false } == TerminalKey.none)
        #expect(TerminalKey.next(from: pipe.fileHandleForReading.fileDescriptor) { _ in true } == 0x78)
    }
}
