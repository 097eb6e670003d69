/// Scaling curves for a terminal: one row per line with its accuracy at each x, and a bar per
/// value so the shape shows at a glance. Plain text, the same on every run.
public enum TextPlot {
    /// The rendition of `curves` as a table, `barWidth` characters of bar for 100%.
    public static func table(_ curves: ScalingCurves, barWidth: Int = 20) -> TextTable {
        let heading = curves.axis == .k ? "k" : "tokens"
        var rows: [[String]] = []
        for line in curves.lines {
            for point in line.points {
                let filled = Int((point.y * Double(barWidth)).rounded())
                let x = curves.axis == .k ? String(Int(point.x)) : String(Int(point.x))
                rows.append([
                    line.label, x, NumberFormatting.fixed(point.y * 100, digits: 1),
                    String(repeating: "█", count: filled) + String(repeating: "·", count: barWidth - filled),
                ])
            }
        }
        return TextTable(header: ["line", heading, "acc %", ""], rows: rows)
    }
}
