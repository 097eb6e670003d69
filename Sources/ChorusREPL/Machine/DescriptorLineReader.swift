#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads lines from a file descriptor with plain `read` calls, going on through signals.
///
/// The machine-readable mode's requests come this way: a Ctrl-C (SIGINT) that arrives while the
/// session waits for a request interrupts the `read`, and must neither end the input (as it ends
/// the C library's line reading) nor drop what was read.
public struct DescriptorLineReader: LineReader {
    private let descriptor: Int32
    private var pending: [UInt8] = []
    private var scanned = 0
    private var isAtEnd = false

    /// Creates a reader over `descriptor` (0: standard input).
    public init(descriptor: Int32 = 0) {
        self.descriptor = descriptor
    }

    /// Reads the next line, without its newline; the prompt is ignored.
    public mutating func readLine(prompt: String) -> LineReadResult {
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            if let newline = pending[scanned...].firstIndex(of: 0x0A) {
                let line = String(decoding: pending[..<newline], as: UTF8.self)
                pending.removeSubrange(...newline)
                scanned = 0
                return .line(line)
            }
            scanned = pending.count
            if isAtEnd {
                guard !pending.isEmpty else { return .endOfInput }
                defer { pending.removeAll() }
                scanned = 0
                return .line(String(decoding: pending, as: UTF8.self))
            }
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress!, $0.count) }
            if count < 0, errno == EINTR { continue }
            if count <= 0 {
                isAtEnd = true
                continue
            }
            pending.append(contentsOf: chunk[0..<count])
        }
    }

    /// Nothing to remember: requests have no history.
    public mutating func addToHistory(_ line: String) {}
}
