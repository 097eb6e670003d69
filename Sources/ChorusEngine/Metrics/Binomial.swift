/// Binomial coefficients as doubles, exact while they stay below 2^53.
public enum Binomial {
    /// C(n, k); 0 when k < 0 or k > n.
    public static func coefficient(_ n: Int, _ k: Int) -> Double {
        guard k >= 0, n >= 0, k <= n else { return 0 }
        let k = min(k, n - k)
        var result = 1.0
        var i = 0
        while i < k {
            result = result * Double(n - i) / Double(i + 1)
            i += 1
        }
        return result.rounded()
    }
}
