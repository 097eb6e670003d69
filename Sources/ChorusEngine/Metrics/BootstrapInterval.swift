/// Percentile bootstrap over problems: resample problems with replacement, take the mean, repeat.
public enum BootstrapInterval {
    /// The default number of resamples.
    public static let defaultResamples = 1000

    /// The mean of `scores` (one per problem) with its 95% interval; the same seed gives the same interval.
    public static func estimate(
        _ scores: [Double], resamples: Int = defaultResamples, using generator: inout some RandomNumberGenerator
    ) -> Estimate? {
        guard !scores.isEmpty, resamples > 0 else { return nil }
        let mean = scores.reduce(0, +) / Double(scores.count)
        var means: [Double] = []
        means.reserveCapacity(resamples)
        for _ in 0..<resamples {
            var sum = 0.0
            for _ in 0..<scores.count {
                // Plain modulo keeps the draw the same on every platform; its bias is below count / 2^64.
                sum += scores[Int(generator.next() % UInt64(scores.count))]
            }
            means.append(sum / Double(scores.count))
        }
        means.sort()
        return Estimate(value: mean, lower: percentile(means, 0.025), upper: percentile(means, 0.975))
    }

    /// Linear interpolation between closest ranks.
    static func percentile(_ sorted: [Double], _ fraction: Double) -> Double {
        let position = fraction * Double(sorted.count - 1)
        let below = Int(position.rounded(.down))
        let above = min(below + 1, sorted.count - 1)
        let weight = position - Double(below)
        return sorted[below] * (1 - weight) + sorted[above] * weight
    }
}
