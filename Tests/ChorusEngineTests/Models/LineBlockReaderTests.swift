import ChorusTestSupport
import Foundation
import Testing

@testable import ChorusEngine

/// ``LineBlockReader`` hands a file over in blocks of whole lines that put back together make the
/// file, whatever the block size and however long the lines.
@Suite struct LineBlockReaderTests {
    /// Every block of `path` read `blockSize` bytes at a time.
    static func blocks(of path: String, blockSize: Int) throws -> [[UInt8]] {
        let reader = try LineBlockReader(path: path, blockSize: blockSize)
        var blocks: [[UInt8]] = []
        while let block = try reader.next() { blocks.append(Array(block)) }
        return blocks
    }

    static let files = [
        "", "a", "a\n", "\n\n\n", "one\ntwo\nthree", "one\ntwo\nthree\n",
        "short\n" + String(repeating: "long ", count: 40)
            + "\nx\r\ny\n\nz", String(repeating: "0123456789\n", count: 50),
    ]

    @Test(arguments: [1, 2, 3, 7, 16, 64, LineBlockReader.defaultBlockSize])
    func blocksOfWholeLinesMakeTheFile(blockSize: Int) throws {
        let folder = try TemporaryFolder()
        for (number, text) in Self.files.enumerated() {
            let path = try folder.write(text, to: "\(number).txt")
            let blocks = try Self.blocks(of: path, blockSize: blockSize)
            #expect(blocks.flatMap { $0 } == Array(text.utf8), "file \(number)")
            #expect(blocks.allSatisfy { !$0.isEmpty })
            // Each block but the last ends a line; the last ends the file.
            #expect(blocks.dropLast().allSatisfy { $0.last == 0x0A }, "file \(number)")
            if blockSize <= 16, text.count > 2 * blockSize { #expect(blocks.count > 1) }
        }
    }

    @Test func aMissingFileOrAFolderIsUnreadable() throws {
        let folder = try TemporaryFolder()
        #expect(throws: LineBlockReader.Unreadable.self) {
            try LineBlockReader(path: folder.path("none.txt"))
        }
        #expect(throws: LineBlockReader.Unreadable.self) {
            _ = try Self.blocks(of: folder.location, blockSize: 64)
        }
    }

    /// A reader dropped before its end waits for the read under way, so its buffers are freed unused.
    @Test func aReaderLeftBeforeItsEndStopsCleanly() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write(String(repeating: "a line\n", count: 1000), to: "lines.txt")
        for _ in 0..<20 {
            let reader = try LineBlockReader(path: path, blockSize: 32)
            #expect(try reader.next()?.first == UInt8(ascii: "a"))
        }
    }
}
