import Dispatch
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Reads a file a block of whole lines at a time through two buffers, the next block read on a
/// queue of its own while the caller works on the current one.
///
/// A replay file is read once from top to bottom: streaming it through two buffers keeps memory to
/// the buffers rather than the whole file, the kernel's copying overlaps the caller's work on the
/// other core, and reused buffers spare the page faults of a fresh file-sized allocation.
final class LineBlockReader {
    /// The file could not be opened or read.
    struct Unreadable: Error {}

    /// The size each buffer starts at; a longer line grows the buffer it is in.
    static let defaultBlockSize = 4 << 20

    private let descriptor: Int32
    private var buffers: [UnsafeMutableRawBufferPointer]
    /// The buffer the next block is read into.
    private var current = 0
    /// Bytes at the front of the current buffer carried over from the block before: a line's start.
    private var carried = 0
    /// The read into the current buffer, under way; none once the end of the file was handed out.
    private var pending: Fill?
    private let queue = DispatchQueue(label: "chorus.line-block-reader")

    /// Opens `path` and starts reading its first block.
    init(path: String, blockSize: Int = LineBlockReader.defaultBlockSize) throws(Unreadable) {
        descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw Unreadable() }
        let size = max(1, blockSize)
        buffers = (0..<2).map { _ in .allocate(byteCount: size, alignment: 16) }
        pending = startFill(buffers[0], from: 0)
    }

    deinit {
        // The queue may still be writing into a buffer.
        pending?.done.wait()
        for buffer in buffers { buffer.deallocate() }
        close(descriptor)
    }

    /// The next block of whole lines, each with its newline but the file's last line, valid until the
    /// next call; nil after the end of the file.
    func next() throws(Unreadable) -> UnsafeBufferPointer<UInt8>? {
        guard let fill = pending else { return nil }
        fill.done.wait()
        pending = nil
        guard !fill.failed else { throw Unreadable() }
        var filled = carried + fill.count
        var atEnd = carried + fill.count < buffers[current].count
        var lastNewline = Self.lastNewline(in: buffers[current], before: filled)
        // A line longer than the buffer: grow it and read on here, up to a newline or the end.
        while !atEnd, lastNewline == nil {
            let grown = UnsafeMutableRawBufferPointer.allocate(byteCount: buffers[current].count * 2, alignment: 16)
            grown.copyMemory(from: UnsafeRawBufferPointer(buffers[current]))
            buffers[current].deallocate()
            buffers[current] = grown
            let (count, failed) = Self.readFully(
                descriptor, into: UnsafeMutableRawBufferPointer(rebasing: grown[filled...]))
            guard !failed else { throw Unreadable() }
            atEnd = filled + count < grown.count
            lastNewline = Self.lastNewline(in: grown, from: filled, before: filled + count)
            filled += count
        }
        guard filled > 0 else { return nil }
        let end = atEnd ? filled : lastNewline! + 1
        let block = UnsafeRawBufferPointer(rebasing: buffers[current][..<end]).bindMemory(to: UInt8.self)
        if !atEnd {
            // The unfinished line goes to the front of the other buffer, and the next read after it.
            let other = 1 - current
            let tail = filled - end
            if buffers[other].count < max(buffers[current].count, 2 * tail) {
                buffers[other].deallocate()
                buffers[other] = .allocate(byteCount: max(buffers[current].count, 2 * tail), alignment: 16)
            }
            buffers[other].baseAddress!.copyMemory(from: buffers[current].baseAddress! + end, byteCount: tail)
            carried = tail
            current = other
            pending = startFill(buffers[other], from: tail)
        }
        return block
    }

    /// One read into a buffer, done on the queue: its fields are written there before `done` is
    /// signalled, and read only after waiting for it.
    private final class Fill: @unchecked Sendable {
        let done = DispatchSemaphore(value: 0)
        var count = 0
        var failed = false
    }

    private func startFill(_ buffer: UnsafeMutableRawBufferPointer, from offset: Int) -> Fill {
        let fill = Fill()
        nonisolated(unsafe) let target = UnsafeMutableRawBufferPointer(rebasing: buffer[offset...])
        let descriptor = descriptor
        queue.async {
            (fill.count, fill.failed) = Self.readFully(descriptor, into: target)
            fill.done.signal()
        }
        return fill
    }

    /// Reads until `target` is full or the file ends: the bytes read, and whether a read failed.
    private static func readFully(_ descriptor: Int32, into target: UnsafeMutableRawBufferPointer) -> (Int, Bool) {
        var count = 0
        while count < target.count {
            let got = read(descriptor, target.baseAddress! + count, target.count - count)
            if got < 0 {
                if errno == EINTR { continue }
                return (count, true)
            }
            if got == 0 { break }
            count += got
        }
        return (count, false)
    }

    /// The offset of the last newline in `buffer[from..<before]`.
    private static func lastNewline(
        in buffer: UnsafeMutableRawBufferPointer, from start: Int = 0, before end: Int
    )
        -> Int?
    {
        // From the end: what follows the last newline is one unfinished line.
        var index = end
        while index > start {
            index -= 1
            if buffer[index] == 0x0A { return index }
        }
        return nil
    }
}
