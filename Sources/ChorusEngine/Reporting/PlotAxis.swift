import Foundation

/// A plot's x axis: its range, whether it is log-scaled, and the ticks to label.
///
/// An axis is log-scaled when asked, or, left to itself, when its values span more than a decade
/// (the largest over ten times the smallest): k = 1…64 or 300…30,000 tokens read evenly on a log
/// axis, while 1…8 stays linear so each k keeps its own place.
public struct PlotAxis: Sendable, Equatable {
    /// A labelled position on the axis.
    public struct Tick: Sendable, Equatable {
        /// The value.
        public let value: Double
        /// Its label (`4`, `2000`, `10k`).
        public let label: String
    }

    /// The smallest value shown, a little below the smallest value given.
    public let lower: Double
    /// The largest value shown, a little above the largest value given.
    public let upper: Double
    /// Whether positions follow the logarithm of the value.
    public let isLog: Bool
    /// The ticks, increasing.
    public let ticks: [Tick]

    /// The axis for `values`. `log` nil decides by the span; `integerTicks` puts ticks on the
    /// values themselves (k), else on round numbers (tokens).
    public init(values: [Double], log: Bool?, integerTicks: Bool) {
        let finite = values.filter { $0.isFinite && (log != true || $0 > 0) }
        var low = finite.min() ?? 1
        var high = finite.max() ?? low
        let isLog = log ?? (low > 0 && high > 10 * low)
        if high <= low {
            // One value: a range around it, so it sits in the middle.
            (low, high) = isLog ? (low / 2, low * 2) : (low - max(1, abs(low) / 2), low + max(1, abs(low) / 2))
        }
        // A margin of 4% each side keeps markers at the ends off the frame.
        if isLog {
            let margin = pow(high / low, 0.04)
            (lower, upper) = (low / margin, high * margin)
        } else {
            let margin = (high - low) * 0.04
            (lower, upper) = (low - margin, high + margin)
        }
        self.isLog = isLog
        let candidates: [Double]
        if integerTicks {
            candidates = Array(Set(finite)).sorted()
        } else if isLog {
            candidates = Self.logTicks(from: low, to: high)
        } else {
            candidates = Self.linearTicks(from: low, to: high)
        }
        let (shownLower, shownUpper) = (lower, upper)
        ticks = candidates.filter { $0 >= shownLower && $0 <= shownUpper }.map {
            Tick(value: $0, label: Self.label($0))
        }
    }

    /// Where `value` falls, 0 at `lower` and 1 at `upper`.
    public func fraction(_ value: Double) -> Double {
        guard isLog else { return (value - lower) / (upper - lower) }
        guard value > 0 else { return 0 }
        return (Foundation.log10(value) - Foundation.log10(lower)) / (Foundation.log10(upper) - Foundation.log10(lower))
    }

    /// Round numbers (steps of 1, 2 or 5 × 10ⁿ) giving about five ticks between `low` and `high`.
    static func linearTicks(from low: Double, to high: Double) -> [Double] {
        let rough = (high - low) / 5
        let magnitude = pow(10, (Foundation.log10(rough)).rounded(.down))
        let step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= rough } ?? 10 * magnitude
        let first = (low / step).rounded(.up)
        let last = (high / step).rounded(.down)
        guard first <= last else { return [] }
        return stride(from: first, through: last, by: 1).map { $0 * step }
    }

    /// 1, 2 and 5 × 10ⁿ within the range; only powers of ten when it spans more than three decades.
    static func logTicks(from low: Double, to high: Double) -> [Double] {
        let firstDecade = Int(Foundation.log10(low).rounded(.down))
        let lastDecade = Int(Foundation.log10(high).rounded(.up))
        let multiples: [Double] = lastDecade - firstDecade > 3 ? [1] : [1, 2, 5]
        return (firstDecade...lastDecade).flatMap { decade in multiples.map { $0 * pow(10, Double(decade)) } }
    }

    /// `4`, `2500`, `12k`, `1.5M`, `0.5`: short enough to sit under a tick.
    static func label(_ value: Double) -> String {
        let magnitude = abs(value)
        if magnitude >= 1_000_000 { return trimmed(value / 1_000_000) + "M" }
        if magnitude >= 10_000 { return trimmed(value / 1000) + "k" }
        return trimmed(value)
    }

    /// Two decimals at most, without trailing zeros.
    private static func trimmed(_ value: Double) -> String {
        var text = NumberFormatting.fixed(value, digits: 2)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}
