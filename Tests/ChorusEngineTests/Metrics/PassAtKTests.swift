import Testing

@testable import ChorusEngine

@Suite struct PassAtKTests {
    @Test(arguments: [
        (5, 2, 2, 0.7),  // 1 - C(3,2)/C(5,2) = 1 - 3/10
        (10, 3, 1, 0.3),  // k = 1 is the fraction correct
        (4, 0, 1, 0.0),
        (4, 4, 2, 1.0),
        (3, 1, 3, 1.0),  // n - c < k: every 3-subset holds the correct one
        (6, 1, 2, 1.0 / 3),  // 1 - C(5,2)/C(6,2) = 1 - 10/15
    ])
    func handComputedValues(n: Int, c: Int, k: Int, expected: Double) throws {
        let value = try #require(PassAtK.estimate(samples: n, correct: c, k: k))
        #expect(abs(value - expected) < 1e-12)
    }

    @Test func outOfRangeArgumentsHaveNoValue() {
        #expect(PassAtK.estimate(samples: 4, correct: 1, k: 0) == nil)
        #expect(PassAtK.estimate(samples: 4, correct: 1, k: 5) == nil)
        #expect(PassAtK.estimate(samples: 4, correct: 5, k: 1) == nil)
    }

    @Test func agreesWithTheBinomialFormulaOnAGrid() throws {
        for n in 1...20 {
            for c in 0...n {
                for k in 1...n {
                    let direct = 1 - Binomial.coefficient(n - c, k) / Binomial.coefficient(n, k)
                    let value = try #require(PassAtK.estimate(samples: n, correct: c, k: k))
                    #expect(abs(value - direct) < 1e-9, "n=\(n) c=\(c) k=\(k)")
                }
            }
        }
    }
}
