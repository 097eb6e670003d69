import Testing

@testable import ChorusEngine

@Suite struct RandomSourceTests {
    @Test func splitMix64MatchesTheReferenceStream() {
        // The reference implementation's (Vigna, splitmix64.c) output for seed 1234567.
        var generator = SplitMix64(seed: 1_234_567)
        let values = (0..<5).map { _ in generator.next() }
        #expect(
            values == [
                6_457_827_717_110_365_317, 3_203_168_211_198_807_973, 9_817_491_932_198_370_423,
                4_593_380_528_125_082_431, 16_408_922_859_458_223_821,
            ])
        var zero = SplitMix64(seed: 0)
        #expect(zero.next() == 0xE220_A839_7B1D_CDAF)
    }

    @Test func equalSeedsGiveEqualStreamsAndDifferentSeedsDiffer() {
        var first = SplitMix64(seed: 99)
        var second = SplitMix64(seed: 99)
        var other = SplitMix64(seed: 100)
        let a = (0..<20).map { _ in first.next() }
        #expect(a == (0..<20).map { _ in second.next() })
        #expect(a != (0..<20).map { _ in other.next() })
    }

    @Test func boundedDrawsArePinned() {
        var generator = SplitMix64(seed: 1)
        #expect((0..<10).map { _ in generator.next(below: 10) } == [5, 9, 0, 5, 1, 8, 5, 3, 0, 0])
        var dice = SplitMix64(seed: 7)
        #expect((0..<12).map { _ in dice.int(in: 1...6) } == [4, 1, 1, 4, 5, 4, 5, 1, 6, 6, 2, 5])
    }

    @Test func boundedDrawsStayInRangeAndReachBothEnds() {
        var generator = SplitMix64(seed: 3)
        let draws = (0..<2_000).map { _ in generator.int(in: -3...3) }
        #expect(draws.allSatisfy { (-3...3).contains($0) })
        #expect(Set(draws) == Set(-3...3))
        // Each of 7 values should come up about 286 times; a biased draw would miss this band.
        for value in -3...3 {
            #expect((200...380).contains(draws.filter { $0 == value }.count))
        }
        #expect(generator.int(in: 5...5) == 5)
        _ = generator.int(in: Int.min...Int.max)
    }

    @Test func shuffleIsPinnedAndIsAPermutation() {
        var generator = SplitMix64(seed: 42)
        let shuffled = generator.shuffled(Array(0..<10))
        #expect(shuffled == [0, 9, 5, 8, 6, 4, 7, 2, 1, 3])
        #expect(shuffled.sorted() == Array(0..<10))
        var empty: [Int] = []
        generator.shuffle(&empty)
        #expect(empty.isEmpty)
    }

    @Test func elementPicksFromTheArray() {
        var generator = SplitMix64(seed: 5)
        let picks = (0..<200).map { _ in generator.element(of: ["a", "b", "c"]) }
        #expect(Set(picks) == ["a", "b", "c"])
    }

    @Test func streamsOfOneSeedAreIndependentAndRepeatable() {
        var first = SplitMix64(seed: 1, stream: 0)
        var again = SplitMix64(seed: 1, stream: 0)
        var second = SplitMix64(seed: 1, stream: 1)
        let a = first.next()
        #expect(a == again.next())
        #expect(a != second.next())
        #expect(SplitMix64(seed: 1, stream: 0) != SplitMix64(seed: 2, stream: 0))
    }

    @Test func worksAsAStandardLibraryGenerator() {
        var generator = SplitMix64(seed: 8)
        let shuffled = Array(1...20).shuffled(using: &generator)
        #expect(shuffled.sorted() == Array(1...20))
        #expect((10...20).contains(Int.random(in: 10...20, using: &generator)))
    }
}
