/// The one place numbers are turned into text, so the REPL, scripts and reports agree.
public enum NumberFormatting {
    /// The shortest text that reads back as the same double (`0.7`, `1e-06`, `3.0`).
    public static func shortest(_ value: Double) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        return value.description
    }

    /// A duration in seconds as people read it: `850 ms`, `1.25 s`, `2 min 05 s`, `1 h 02 min`.
    public static func duration(seconds: Double) -> String {
        guard seconds.isFinite, seconds >= 0 else { return "–" }
        if seconds < 1 {
            return "\(Int((seconds * 1000).rounded())) ms"
        }
        if seconds < 60 {
            return fixed(seconds, digits: 2) + " s"
        }
        let total = Int(seconds.rounded())
        if total < 3600 {
            return "\(total / 60) min \(twoDigits(total % 60)) s"
        }
        return "\(total / 3600) h \(twoDigits((total % 3600) / 60)) min"
    }

    /// A value with a fixed number of decimals, rounding half away from zero.
    public static func fixed(_ value: Double, digits: Int) -> String {
        guard value.isFinite else { return shortest(value) }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
        let whole = Int(scaled / scale)
        let fraction = Int(scaled - Double(whole) * scale)
        let sign = value < 0 && scaled != 0 ? "-" : ""
        guard digits > 0 else { return sign + String(whole) }
        let fractionText = String(fraction)
        return sign + String(whole) + "." + String(repeating: "0", count: digits - fractionText.count) + fractionText
    }

    private static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : String(value)
    }
}
