import ChorusEngine
import Testing

@Suite struct RetryPolicyTests {
    @Test func backoffIsFullJitterUnderAGrowingCeiling() {
        let policy = RetryPolicy(maxAttempts: 5, baseDelay: 1, maxDelay: 4)
        var random = SplitMix64(seed: 3)
        for attempt in 1...6 {
            let ceiling = min(4.0, Double(1 << (attempt - 1)))
            let delays = (0..<200).map { _ in policy.delay(afterAttempt: attempt, retryAfter: nil, random: &random) }
            #expect(delays.allSatisfy { $0 >= 0 && $0 <= ceiling })
            #expect(delays.max()! > ceiling * 0.8)
        }
    }

    @Test func theSameSeedGivesTheSameDelays() {
        let policy = RetryPolicy()
        var first = SplitMix64(seed: 9)
        var second = SplitMix64(seed: 9)
        #expect(
            policy.delay(afterAttempt: 2, retryAfter: nil, random: &first)
                == policy.delay(afterAttempt: 2, retryAfter: nil, random: &second))
    }

    @Test func retryAfterWinsUpToItsCap() {
        let policy = RetryPolicy(maxRetryAfter: 10)
        var random = SplitMix64(seed: 1)
        #expect(policy.delay(afterAttempt: 1, retryAfter: 3, random: &random) == 3)
        #expect(policy.delay(afterAttempt: 1, retryAfter: 120, random: &random) == 10)
        #expect(RetryPolicy.retryAfterSeconds(" 2 ") == 2)
        #expect(RetryPolicy.retryAfterSeconds("0.5") == 0.5)
        #expect(RetryPolicy.retryAfterSeconds("Wed, 21 Oct 2015 07:28:00 GMT") == nil)
        #expect(RetryPolicy.retryAfterSeconds("-1") == nil)
        #expect(RetryPolicy.retryAfterSeconds(nil) == nil)
    }

    @Test func atLeastOneAttempt() {
        #expect(RetryPolicy(maxAttempts: 0).maxAttempts == 1)
    }
}
