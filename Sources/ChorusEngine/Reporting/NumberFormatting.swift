import Foundation

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
        let milliseconds = (seconds * 1000).rounded()
        if milliseconds < 1000 {
            return "\(Int(milliseconds)) ms"
        }
        if seconds < 59.995 {
            return fixed(seconds, digits: 2) + " s"
        }
        let total = seconds.rounded()
        if total < 3600 {
            let whole = Int(total)
            return "\(whole / 60) min \(twoDigits(whole % 60)) s"
        }
        let minutes = (total / 60).rounded(.down)
        let hours = (minutes / 60).rounded(.down)
        let hoursText = hours < 1e15 ? String(Int(hours)) : shortest(hours)
        return "\(hoursText) h \(twoDigits(Int(minutes - hours * 60))) min"
    }

    /// A value with a fixed number of decimals, rounding half away from zero.
    public static func fixed(_ value: Double, digits: Int) -> String {
        guard value.isFinite else { return shortest(value) }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
        // Beyond 2^53 a double has no fractional digits left to show.
        guard scaled < 9e15 else { return String(format: "%.\(digits)f", value) }
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
