import Testing

@testable import ChorusEngine

@Suite("SHA-256")
struct SHA256Tests {
    // FIPS 180-4 example vectors (NIST CSRC "SHA256.pdf", "SHA2_Additional.pdf").
    @Test func abc() {
        #expect(SHA256.hex(of: "abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func emptyMessage() {
        #expect(SHA256.hex(of: "") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test func twoBlockMessage() {
        let message = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"
        #expect(message.utf8.count * 8 == 448)
        #expect(SHA256.hex(of: message) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test func oneMillionAs() {
        var digest = SHA256()
        let chunk = [UInt8](repeating: UInt8(ascii: "a"), count: 1000)
        for _ in 0..<1000 { digest.update(chunk) }
        #expect(
            SHA256.hexString(digest.finalize()) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func paddingBoundaries() {
        // 55 bytes fit the length in one block; 56 and 64 need a second one.
        #expect(
            SHA256.hex(of: String(repeating: "a", count: 55))
                == "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318")
        #expect(
            SHA256.hex(of: String(repeating: "a", count: 56))
                == "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a")
        #expect(
            SHA256.hex(of: String(repeating: "a", count: 64))
                == "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb")
    }

    @Test func incrementalEqualsOneShot() {
        var digest = SHA256()
        digest.update("hello ".utf8)
        digest.update("world".utf8)
        #expect(SHA256.hexString(digest.finalize()) == SHA256.hex(of: "hello world"))
        #expect(SHA256.hash("abc".utf8).count == 32)
    }

    /// Buffers split at every offset around a block's edge digest as the whole message does.
    @Test func buffersSplitAnywhereEqualOneShot() {
        let message = Array((0..<300).map { UInt8(truncatingIfNeeded: $0 &* 7) })
        let whole = SHA256.hash(message)
        for split in [0, 1, 55, 56, 63, 64, 65, 128, 200, 299, 300] {
            var digest = SHA256()
            message[..<split].withUnsafeBytes { digest.update($0) }
            digest.update(message[split...].lazy.map { $0 })  // not contiguous: byte by byte
            #expect(digest.finalize() == whole, "split at \(split)")
        }
    }

    /// Where the processor has the SHA-256 instructions, they and the portable rounds agree on every
    /// length around the block edges, fed whole or in pieces; the portable rounds pass a vector too.
    @Test func instructionsAndSwiftRoundsAgree() {
        var portable = SHA256(hardware: false)
        portable.update("abc".utf8)
        #expect(
            SHA256.hexString(portable.finalize())
                == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        let message = Array((0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) })
        for length in [0, 1, 55, 56, 63, 64, 65, 127, 128, 129, 500, 1000] {
            var plain = SHA256(hardware: false)
            message[..<length].withUnsafeBytes { plain.update($0) }
            let expected = plain.finalize()
            guard SHA256.hardwareAvailable else { continue }
            var hardware = SHA256(hardware: true)
            message[..<(length / 3)].withUnsafeBytes { hardware.update($0) }
            message[(length / 3)..<length].withUnsafeBytes { hardware.update($0) }
            #expect(hardware.finalize() == expected, "length \(length)")
        }
    }
}
