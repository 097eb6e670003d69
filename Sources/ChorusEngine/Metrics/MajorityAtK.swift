/// maj@k as an exact expectation over the k-subsets of a problem's n samples.
///
/// For every k-subset, the subset's majority answer class wins; a problem
/// scores 1 if the winning class is the correct one. Ties among the top
/// classes are broken uniformly at random, so a t-way tie that includes the
/// correct class counts 1/t. Unparseable samples take places in the subset
/// but cast no vote; a subset with no vote at all scores 0. The result is the
/// mean of that score over all C(n, k) subsets, computed by counting (no
/// sampling): for each number j of correct votes, a dynamic program over the
/// other classes counts the subsets in which none has more than j votes,
/// keeping how many have exactly j.
public enum MajorityAtK {
    /// The expected maj@k score for one problem.
    ///
    /// - Parameters:
    ///   - correctVotes: samples in the correct answer class.
    ///   - otherClassSizes: sizes of every other (wrong) answer class.
    ///   - unparseable: samples with no parseable answer.
    ///   - k: subset size, 1...n.
    /// - Returns: nil when k is not in 1...n.
    public static func expectation(correctVotes: Int, otherClassSizes: [Int], unparseable: Int, k: Int) -> Double? {
        let n = correctVotes + otherClassSizes.reduce(0, +) + unparseable
        guard k >= 1, k <= n, correctVotes >= 0, unparseable >= 0, otherClassSizes.allSatisfy({ $0 >= 0 }) else {
            return nil
        }
        guard correctVotes > 0 else { return 0 }
        let total = Binomial.coefficient(n, k)
        var credit = 0.0
        for j in 1...min(correctVotes, k) {
            let waysForCorrect = Binomial.coefficient(correctVotes, j)
            // ways[s][t]: choices of s further samples where t wrong classes have exactly j votes and none more.
            var ways = Array(repeating: Array(repeating: 0.0, count: otherClassSizes.count + 1), count: k - j + 1)
            ways[0][0] = 1
            for size in otherClassSizes {
                var next = Array(repeating: Array(repeating: 0.0, count: otherClassSizes.count + 1), count: k - j + 1)
                for used in 0...(k - j) {
                    for ties in 0...otherClassSizes.count where ways[used][ties] != 0 {
                        for taken in 0...min(size, j, k - j - used) {
                            let tied = ties + (taken == j ? 1 : 0)
                            next[used + taken][tied] += ways[used][ties] * Binomial.coefficient(size, taken)
                        }
                    }
                }
                ways = next
            }
            for used in 0...(k - j) {
                let rest = Binomial.coefficient(unparseable, k - j - used)
                guard rest > 0 else { continue }
                for ties in 0...otherClassSizes.count where ways[used][ties] != 0 {
                    credit += waysForCorrect * ways[used][ties] * rest / Double(ties + 1)
                }
            }
        }
        return credit / total
    }
}
