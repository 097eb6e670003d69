/// A deterministic stream of 64-bit random values, so everything drawn from a seed replays exactly.
///
/// The helpers below (`next(below:)`, `int(in:)`, `element(of:)`, `shuffle(_:)`) are written out here
/// rather than taken from the standard library, whose algorithms for `random(in:using:)` and
/// `shuffled(using:)` may change between Swift versions; these never do, so a seed means the same
/// draws on every platform and toolchain.
public protocol RandomSource: RandomNumberGenerator, Sendable {}

extension RandomSource {
    /// A uniform integer in `0..<bound`, drawn by rejection so that no value is favoured.
    public mutating func next(below bound: UInt64) -> UInt64 {
        precondition(bound > 0, "next(below:) needs a positive bound")
        // 2^64 mod bound: the values below it form the partial block that would bias the result.
        let threshold = (0 &- bound) % bound
        while true {
            let value = next()
            if value >= threshold { return value % bound }
        }
    }

    /// A uniform integer in `range`.
    public mutating func int(in range: ClosedRange<Int>) -> Int {
        let width = UInt64(bitPattern: Int64(range.upperBound) &- Int64(range.lowerBound)) &+ 1
        let offset = width == 0 ? next() : next(below: width)
        return Int(truncatingIfNeeded: UInt64(bitPattern: Int64(range.lowerBound)) &+ offset)
    }

    /// A uniformly chosen element of a non-empty array.
    public mutating func element<Element>(of elements: [Element]) -> Element {
        precondition(!elements.isEmpty, "element(of:) needs a non-empty array")
        return elements[Int(next(below: UInt64(elements.count)))]
    }

    /// Shuffles `elements` in place (Fisher–Yates, from the back).
    public mutating func shuffle<Element>(_ elements: inout [Element]) {
        guard elements.count > 1 else { return }
        for index in stride(from: elements.count - 1, to: 0, by: -1) {
            let other = Int(next(below: UInt64(index + 1)))
            elements.swapAt(index, other)
        }
    }

    /// A shuffled copy of `elements`.
    public mutating func shuffled<Element>(_ elements: [Element]) -> [Element] {
        var copy = elements
        shuffle(&copy)
        return copy
    }
}

/// SplitMix64 (Steele, Lea and Flood, 2014): a small seeded generator whose output depends only on its seed.
public struct SplitMix64: RandomSource, Equatable, Hashable {
    /// The generator's whole state; two generators with equal state produce equal streams.
    public private(set) var state: UInt64

    /// Creates a generator whose stream is fixed by `seed`.
    public init(seed: UInt64) {
        state = seed
    }

    /// Creates a generator for one independent stream of a seed, such as one per problem index.
    public init(seed: UInt64, stream: UInt64) {
        var mixer = SplitMix64(seed: seed ^ (stream &* 0xD1B5_4A32_D192_ED03))
        state = mixer.next()
    }

    /// The next value of the stream.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}
