import CSHA256

/// SHA-256 (FIPS 180-4) for content-addressed keys.
///
/// Written here because Foundation has no digest on Linux and swift-crypto would add a cold build of
/// BoringSSL for one function. A rerun hashes one key per stored sample, so speed matters: where
/// the processor has the SHA-256 instructions (x86-64 SHA extensions) whole blocks go to them
/// (`CSHA256`, about 5× the Swift rounds); elsewhere blocks are compressed in Swift, in place,
/// with the schedule on the stack.
public struct SHA256: Sendable {
    private static let roundConstants: [UInt32] = [
        0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4, 0xab1c_5ed5,
        0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe, 0x9bdc_06a7, 0xc19b_f174,
        0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f, 0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da,
        0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7, 0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967,
        0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc, 0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85,
        0xa2bf_e8a1, 0xa81a_664b, 0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070,
        0x19a4_c116, 0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
        0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7, 0xc671_78f2,
    ]

    /// Whether this processor has the SHA-256 instructions, asked once.
    static let hardwareAvailable = chorus_sha256_hardware_available() != 0

    private var state: [UInt32] = Self.initialState
    private var pending: [UInt8] = []
    private var byteCount: UInt64 = 0
    /// Whether blocks go to the SHA-256 instructions rather than the Swift rounds.
    private let usesHardware: Bool

    private static let initialState: [UInt32] = [
        0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a, 0x510e_527f, 0x9b05_688c, 0x1f83_d9ab, 0x5be0_cd19,
    ]

    /// Creates an empty digest, ready for `update`.
    public init() {
        self.init(hardware: Self.hardwareAvailable)
    }

    /// Creates an empty digest that uses the SHA-256 instructions when `hardware` is true (only
    /// where ``hardwareAvailable``), the Swift rounds otherwise: tests check one against the other.
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

    /// Whole 64-byte blocks, to the SHA-256 instructions or one by one to the Swift rounds.
    private mutating func compress(_ blocks: UnsafeRawBufferPointer) {
        guard let start = blocks.baseAddress, !blocks.isEmpty else { return }
        if usesHardware {
            state.withUnsafeMutableBufferPointer { state in
                chorus_sha256_hardware_blocks(
                    state.baseAddress, start.assumingMemoryBound(to: UInt8.self), blocks.count / 64)
            }
            return
        }
        for offset in stride(from: 0, to: blocks.count, by: 64) {
            compressInSwift(UnsafeRawBufferPointer(rebasing: blocks[offset..<offset + 64]))
        }
    }

    /// One 64-byte block; the message schedule lives on the stack, so a block allocates nothing.
    private mutating func compressInSwift(_ block: UnsafeRawBufferPointer) {
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { schedule in
            for index in 0..<16 {
                schedule[index] = UInt32(bigEndian: block.loadUnaligned(fromByteOffset: index * 4, as: UInt32.self))
            }
            for index in 16..<64 {
                let early = schedule[index - 15]
                let late = schedule[index - 2]
                let sigma0 = early.rotatedRight(7) ^ early.rotatedRight(18) ^ (early >> 3)
                let sigma1 = late.rotatedRight(17) ^ late.rotatedRight(19) ^ (late >> 10)
                schedule[index] = schedule[index - 16] &+ sigma0 &+ schedule[index - 7] &+ sigma1
            }
            state.withUnsafeMutableBufferPointer { state in
                Self.roundConstants.withUnsafeBufferPointer { constants in
                    var a = state[0]
                    var b = state[1]
                    var c = state[2]
                    var d = state[3]
                    var e = state[4]
                    var f = state[5]
                    var g = state[6]
                    var h = state[7]
                    for index in 0..<64 {
                        let sum1 = e.rotatedRight(6) ^ e.rotatedRight(11) ^ e.rotatedRight(25)
                        let choice = (e & f) ^ (~e & g)
                        let temporary1 = h &+ sum1 &+ choice &+ constants[index] &+ schedule[index]
                        let sum0 = a.rotatedRight(2) ^ a.rotatedRight(13) ^ a.rotatedRight(22)
                        let majority = (a & b) ^ (a & c) ^ (b & c)
                        let temporary2 = sum0 &+ majority
                        h = g
                        g = f
                        f = e
                        e = d &+ temporary1
                        d = c
                        c = b
                        b = a
                        a = temporary1 &+ temporary2
                    }
                    state[0] &+= a
                    state[1] &+= b
                    state[2] &+= c
                    state[3] &+= d
                    state[4] &+= e
                    state[5] &+= f
                    state[6] &+= g
                    state[7] &+= h
                }
            }
        }
    }
}

extension UInt32 {
    fileprivate func rotatedRight(_ count: UInt32) -> UInt32 {
        (self >> count) | (self << (32 - count))
    }
}
