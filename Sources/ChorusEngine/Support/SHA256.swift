import CSHA256

/// SHA-256 (FIPS 180-4) for content-addressed keys.
///
/// Written here because Foundation has no digest on Linux and swift-crypto would add a cold build of
/// BoringSSL for one function. A rerun hashes one key per stored sample, so speed matters: whole
/// blocks are compressed in place by `CSHA256`, on the processor's SHA-256 instructions (x86-64
/// SHA extensions, about 5× the plain rounds) where it has them, in portable C elsewhere.
public struct SHA256: Sendable {
    /// Whether this processor has the SHA-256 instructions, asked once.
    static let hardwareAvailable = chorus_sha256_hardware_available() != 0

    private var state: [UInt32] = Self.initialState
    private var pending: [UInt8] = []
    private var byteCount: UInt64 = 0
    /// Whether blocks go to the SHA-256 instructions rather than the portable rounds.
    private let usesHardware: Bool

    private static let initialState: [UInt32] = [
        0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a, 0x510e_527f, 0x9b05_688c, 0x1f83_d9ab, 0x5be0_cd19,
    ]

    /// Creates an empty digest, ready for `update`.
    public init() {
        self.init(hardware: Self.hardwareAvailable)
    }

    /// Creates an empty digest that uses the SHA-256 instructions when `hardware` is true (only
    /// where ``hardwareAvailable``), the portable rounds otherwise: tests check one against the other.
    init(hardware: Bool) {
        precondition(!hardware || Self.hardwareAvailable, "this processor has no SHA-256 instructions")
        usesHardware = hardware
        pending.reserveCapacity(64)
    }

    /// The digest of `bytes`.
    public static func hash<Bytes: Sequence>(_ bytes: Bytes) -> [UInt8] where Bytes.Element == UInt8 {
        var digest = SHA256()
        digest.update(bytes)
        return digest.finalize()
    }

    /// The digest of the UTF-8 bytes of `text`, as 64 lowercase hex digits.
    public static func hex(of text: String) -> String {
        hexString(hash(text.utf8))
    }

    /// Bytes as lowercase hex digits, two per byte.
    public static func hexString(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// Adds `bytes` to the message.
    public mutating func update<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        let done: Void? = bytes.withContiguousStorageIfAvailable { update(UnsafeRawBufferPointer($0)) }
        guard done == nil else { return }
        for byte in bytes {
            pending.append(byte)
            byteCount &+= 1
            if pending.count == 64 { flushPending() }
        }
    }

    /// Adds the bytes of a buffer, compressing whole blocks in place rather than copying them.
    public mutating func update(_ buffer: UnsafeRawBufferPointer) {
        var offset = 0
        byteCount &+= UInt64(buffer.count)
        if !pending.isEmpty {
            let taken = min(64 - pending.count, buffer.count)
            pending.append(contentsOf: buffer[0..<taken])
            offset = taken
            if pending.count == 64 { flushPending() }
        }
        let wholeBlocks = (buffer.count - offset) / 64
        if wholeBlocks > 0 {
            compress(UnsafeRawBufferPointer(rebasing: buffer[offset..<offset + wholeBlocks * 64]))
            offset += wholeBlocks * 64
        }
        if offset < buffer.count { pending.append(contentsOf: buffer[offset...]) }
    }

    /// The 32-byte digest of everything added; the value should not be updated afterwards.
    public mutating func finalize() -> [UInt8] {
        let bitCount = byteCount &* 8
        // The last one or two blocks, padded on the stack: the rest of the message, 0x80, zeros,
        // and the length in bits as a big-endian 64-bit number.
        let length = pending.count < 56 ? 64 : 128
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 128) { tail in
            tail.initialize(repeating: 0)
            for (offset, byte) in pending.enumerated() { tail[offset] = byte }
            tail[pending.count] = 0x80
            for index in 0..<8 { tail[length - 1 - index] = UInt8(truncatingIfNeeded: bitCount >> UInt64(index * 8)) }
            compress(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(tail)[0..<length]))
        }
        pending.removeAll(keepingCapacity: true)
        return [UInt8](unsafeUninitializedCapacity: 32) { digest, count in
            for (index, word) in state.enumerated() {
                for byte in 0..<4 {
                    digest[index * 4 + byte] = UInt8(truncatingIfNeeded: word >> UInt32(24 - byte * 8))
                }
            }
            count = 32
        }
    }

    private mutating func flushPending() {
        let block = pending
        block.withUnsafeBytes { compress($0) }
        pending.removeAll(keepingCapacity: true)
    }

    /// Whole 64-byte blocks, compressed by `CSHA256`: the SHA-256 instructions or portable C.
    private mutating func compress(_ blocks: UnsafeRawBufferPointer) {
        guard let start = blocks.baseAddress, !blocks.isEmpty else { return }
        let hardware: Int32 = usesHardware ? 1 : 0
        state.withUnsafeMutableBufferPointer { state in
            chorus_sha256_blocks(
                state.baseAddress, start.assumingMemoryBound(to: UInt8.self), blocks.count / 64, hardware)
        }
    }
}
