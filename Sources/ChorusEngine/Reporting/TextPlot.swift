/// Scaling curves for a terminal: one row per line with its accuracy at each x, and a bar per
/// value so the shape shows at a glance. Plain text, the same on every run.
public enum TextPlot {
    /// The rendition of `curves` as a table, `barWidth` characters of bar for 100%.
    public static func table(_ curves: ScalingCurves, barWidth: Int = 20) -> DataTable {
        let heading = curves.axis == .k ? "k" : "tokens"
        var rows: [[TableCell]] = []
        for line in curves.lines {
            for point in line.points {
                let filled = Int((point.y * Double(barWidth)).rounded())
                rows.append([
                    .text(line.label), .int(Int(point.x)), .number(point.y * 100),
                    .text(String(repeating: "█", count: filled) + String(repeating: "·", count: barWidth - filled)),
                ])
            }
        }
        return DataTable(
            columns: [
                TableColumn("line"), TableColumn(heading), TableColumn("acc %", key: "acc", format: .fixed(digits: 1)),
                TableColumn("", key: "bar"),
            ], rows: rows)
    }
}
