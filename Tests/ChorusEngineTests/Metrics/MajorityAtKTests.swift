import Testing

@testable import ChorusEngine

@Suite struct MajorityAtKTests {
    func value(_ correct: Int, _ others: [Int], _ unparseable: Int, k: Int) throws -> Double {
        try #require(
            MajorityAtK.expectation(correctVotes: correct, otherClassSizes: others, unparseable: unparseable, k: k))
    }

    @Test func singleSamplesAreTheFractionCorrect() throws {
        #expect(abs(try value(2, [1], 0, k: 1) - 2.0 / 3) < 1e-12)
    }

    @Test func theWholeSetVotesOnce() throws {
        #expect(try value(2, [1], 0, k: 3) == 1)
        #expect(try value(1, [2], 0, k: 3) == 0)
    }

    @Test func aTwoWayTieCountsHalf() throws {
        #expect(try value(1, [1], 0, k: 2) == 0.5)
        // C(4,2) = 6 pairs: {c,c} wins, {w,w} loses, 4 mixed pairs tie: (1 + 4 × 0.5) / 6.
        #expect(abs(try value(2, [2], 0, k: 2) - 0.5) < 1e-12)
    }

    @Test func threeWayTiesAndUnparseableSamples() throws {
        // Samples C1 C2 W1 W2 U, all 10 triples enumerated by hand:
        // 3 triples hold both C (1 each), 2 are C+W1+W2 (1/3 each), 4 are C+W+U (1/2 each), W1W2U scores 0.
        #expect(abs(try value(2, [1, 1], 1, k: 3) - 17.0 / 30) < 1e-12)
    }

    @Test func unparseableSamplesDoNotVote() throws {
        #expect(abs(try value(1, [], 2, k: 1) - 1.0 / 3) < 1e-12)
        #expect(try value(1, [], 2, k: 3) == 1)
    }

    @Test func noCorrectSampleScoresZero() throws {
        #expect(try value(0, [3, 2], 1, k: 3) == 0)
    }

    @Test func matchesBruteForceEnumeration() throws {
        let cases: [(Int, [Int], Int)] = [
            (3, [2, 2], 1), (4, [4], 0), (2, [1, 1, 1], 2), (5, [3, 1], 0), (1, [1, 1, 1, 1], 1),
            // Empty classes, many small classes (more than k / j can tie), equal sizes, mostly unparseable.
            (2, [0, 3, 2, 2], 2), (1, [1, 1, 1, 1, 1, 1, 1], 0), (3, [3, 3, 3], 0), (1, [0], 3), (2, [1, 4], 5),
        ]
        for (correct, others, unparseable) in cases {
            let n = correct + others.reduce(0, +) + unparseable
            for k in 1...n {
                let exact = try value(correct, others, unparseable, k: k)
                let brute = bruteForce(correct, others, unparseable, k: k)
                #expect(abs(exact - brute) < 1e-12, "\(correct) \(others) \(unparseable) k=\(k)")
            }
        }
    }

    @Test func outOfRangeKHasNoValue() {
        #expect(MajorityAtK.expectation(correctVotes: 1, otherClassSizes: [1], unparseable: 0, k: 3) == nil)
        #expect(MajorityAtK.expectation(correctVotes: 1, otherClassSizes: [1], unparseable: 0, k: 0) == nil)
    }

    /// Enumerates every k-subset of labelled samples (class 0 correct, -1 unparseable).
    func bruteForce(_ correct: Int, _ others: [Int], _ unparseable: Int, k: Int) -> Double {
        var labels = Array(repeating: 0, count: correct)
        for (index, size) in others.enumerated() { labels += Array(repeating: index + 1, count: size) }
        labels += Array(repeating: -1, count: unparseable)
        var total = 0.0
        var subsets = 0
        func visit(_ start: Int, _ chosen: [Int]) {
            if chosen.count == k {
                subsets += 1
                var votes: [Int: Int] = [:]
                for label in chosen where label >= 0 { votes[label, default: 0] += 1 }
                guard let top = votes.values.max(), let correctVotes = votes[0], correctVotes == top else { return }
                total += 1 / Double(votes.values.count { $0 == top })
                return
            }
            guard start < labels.count else { return }
            for index in start..<labels.count { visit(index + 1, chosen + [labels[index]]) }
        }
        visit(0, [])
        return total / Double(subsets)
    }

    /// The counting gives, bit for bit, what the plain program over every class and tie count gives
    /// (`reference` below), on sets the size of a real run: reports and goldens keep their numbers.
    @Test func equalsThePlainProgramExactly() throws {
        let cases: [(Int, [Int], Int, [Int])] = [
            (600, [100, 100, 100, 100], 0, [2, 4, 16, 64]), (30, [10, 0, 25, 5], 7, Array(1...77)),
            (3, [40, 2, 2, 1, 1], 9, [5, 13, 58]), (1, [1, 1, 1, 1, 1, 1, 1], 0, [1, 2, 3, 8]),
        ]
        for (correct, others, unparseable, ks) in cases {
            for k in ks {
                let counted = try value(correct, others, unparseable, k: k)
                let plain = Self.reference(correct, others, unparseable, k: k)
                #expect(counted.bitPattern == plain.bitPattern, "\(correct) \(others) \(unparseable) k=\(k)")
                // Asked again (as `compare` asks after `metrics`), the remembered value is the same.
                #expect(try value(correct, others, unparseable, k: k).bitPattern == plain.bitPattern)
            }
        }
    }

    /// The dynamic program as first written: full tables, a binomial computed at every step.
    static func reference(_ correct: Int, _ others: [Int], _ unparseable: Int, k: Int) -> Double {
        let n = correct + others.reduce(0, +) + unparseable
        let total = Binomial.coefficient(n, k)
        var credit = 0.0
        for j in 1...min(correct, k) {
            var ways = Array(repeating: Array(repeating: 0.0, count: others.count + 1), count: k - j + 1)
            ways[0][0] = 1
            for size in others {
                var next = Array(repeating: Array(repeating: 0.0, count: others.count + 1), count: k - j + 1)
                for used in 0...(k - j) {
                    for ties in 0...others.count where ways[used][ties] != 0 {
                        for taken in 0...min(size, j, k - j - used) {
                            next[used + taken][ties + (taken == j ? 1 : 0)] +=
                                ways[used][ties] * Binomial.coefficient(size, taken)
                        }
                    }
                }
                ways = next
            }
            for used in 0...(k - j) {
                let rest = Binomial.coefficient(unparseable, k - j - used)
                guard rest > 0 else { continue }
                for ties in 0...others.count where ways[used][ties] != 0 {
                    credit += Binomial.coefficient(correct, j) * ways[used][ties] * rest / Double(ties + 1)
                }
            }
        }
        return credit / total
    }
}
