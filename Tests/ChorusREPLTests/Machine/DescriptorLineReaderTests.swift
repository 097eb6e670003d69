import Foundation
import Testing

@testable import ChorusREPL

@Suite struct DescriptorLineReaderTests {
    @Test func linesThenALastLineWithoutNewlineThenTheEnd() throws {
        let pipe = Pipe()
        try pipe.fileHandleForWriting.write(contentsOf: Data("{\"a\": 1}\n\nsecond é\nlast".utf8))
        try pipe.fileHandleForWriting.close()
        var reader = DescriptorLineReader(descriptor: pipe.fileHandleForReading.fileDescriptor)
        var results: [LineReadResult] = []
        for _ in 0..<6 { results.append(reader.readLine(prompt: "")) }
        #expect(
            results == [.line("{\"a\": 1}"), .line(""), .line("second é"), .line("last"), .endOfInput, .endOfInput])
    }

    @Test func aLineLongerThanOneReadArrivesWhole() throws {
        let pipe = Pipe()
        let long = String(repeating: "x", count: 200_000)
        let writer = Thread {
            try? pipe.fileHandleForWriting.write(contentsOf: Data((long + "\n").utf8))
            try? pipe.fileHandleForWriting.close()
        }
        writer.start()
        var reader = DescriptorLineReader(descriptor: pipe.fileHandleForReading.fileDescriptor)
        #expect(reader.readLine(prompt: "") == .line(long))
        #expect(reader.readLine(prompt: "") == .endOfInput)
    }
}
