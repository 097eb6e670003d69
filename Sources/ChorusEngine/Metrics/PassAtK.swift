/// The unbiased pass@k estimator of Chen et al. (2021).
///
/// With `n` samples of which `c` are correct, the chance that a random
/// k-subset holds at least one correct sample is `1 - C(n-c, k) / C(n, k)`,
/// computed as `1 - Π_{i=n-c+1}^{n} (1 - k/i)` so it stays exact in doubles.
public enum PassAtK {
    /// pass@k for one problem; nil when k is not in 1...n.
    public static func estimate(samples n: Int, correct c: Int, k: Int) -> Double? {
        guard k >= 1, k <= n, c >= 0, c <= n else { return nil }
        if c == 0 { return 0 }
        if n - c < k { return 1 }
        var allWrong = 1.0
        for i in (n - c + 1)...n {
            allWrong *= 1 - Double(k) / Double(i)
        }
        return 1 - allWrong
    }
}
