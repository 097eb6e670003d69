import Foundation

/// How often and how patiently to retry a failed request: exponential backoff with full jitter.
///
/// Attempt k (1-based) that fails waits a uniform random time in `0...min(maxDelay, baseDelay·2^(k-1))`
/// (AWS's "full jitter", which spreads clients that failed together), or exactly what the server's
/// `Retry-After` asked, capped at `maxRetryAfter`.
public struct RetryPolicy: Sendable, Equatable {
    /// The most tries per request, the first included.
    public var maxAttempts: Int
    /// The backoff ceiling after the first failure, in seconds.
    public var baseDelay: Double
    /// The largest backoff ceiling, in seconds.
    public var maxDelay: Double
    /// The longest `Retry-After` honoured, in seconds.
    public var maxRetryAfter: Double

    /// Creates a retry policy.
    public init(maxAttempts: Int = 4, baseDelay: Double = 0.5, maxDelay: Double = 30, maxRetryAfter: Double = 60) {
        self.maxAttempts = max(1, maxAttempts)
        self.baseDelay = max(0, baseDelay)
        self.maxDelay = max(0, maxDelay)
        self.maxRetryAfter = max(0, maxRetryAfter)
    }

    /// Seconds to wait after failed attempt `attempt` (1-based), given the server's `Retry-After`.
    public func delay(afterAttempt attempt: Int, retryAfter: Double?, random: inout some RandomSource) -> Double {
        if let retryAfter, retryAfter >= 0 { return min(retryAfter, maxRetryAfter) }
        let exponent = Double(max(0, min(attempt - 1, 62)))
        let ceiling = min(maxDelay, baseDelay * Double.pow2(exponent))
        // 53 random bits make a uniform double in [0, 1].
        let unit = Double(random.next() >> 11) / Double(UInt64(1) << 53)
        return ceiling * unit
    }

    /// Seconds from a `Retry-After` header's delay-seconds form; nil for an HTTP date or anything else.
    public static func retryAfterSeconds(_ header: String?) -> Double? {
        guard let header, let seconds = Double(header.trimmingCharacters(in: .whitespaces)), seconds.isFinite,
            seconds >= 0
        else { return nil }
        return seconds
    }
}

extension Double {
    fileprivate static func pow2(_ exponent: Double) -> Double {
        var result = 1.0
        for _ in 0..<Int(exponent) { result *= 2 }
        return result
    }
}
