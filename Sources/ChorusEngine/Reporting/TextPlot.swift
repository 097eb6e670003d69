/// A plot for a terminal: one row per point with its k, tokens per problem, accuracy and 95%
/// interval — the numbers the SVG draws — and a bar per accuracy so the shape shows at a glance.
/// Plain text, the same on every run.
public enum TextPlot {
    /// The rendition of `curves` as a table, `barWidth` characters of bar for 100%.
    public static func table(_ curves: ScalingCurves, barWidth: Int = 20) -> DataTable {
        var rows: [[TableCell]] = []
        for series in curves.series {
            for point in series.points {
                let filled = min(barWidth, max(0, Int((point.estimate.value * Double(barWidth)).rounded())))
                rows.append([
                    .text(series.label), .int(point.k), point.tokens.map(TableCell.number) ?? .none,
                    .number(point.estimate.value * 100),
                    .interval(lower: point.estimate.lower * 100, upper: point.estimate.upper * 100),
                    .text(String(repeating: "█", count: filled) + String(repeating: "·", count: barWidth - filled)),
                ])
            }
        }
        return DataTable(
            columns: [
                TableColumn("line"), TableColumn("k"), TableColumn("tokens", format: .fixed(digits: 0)),
                TableColumn("acc %", key: "acc", format: .fixed(digits: 1)),
                TableColumn("95% CI", key: "ci", format: .fixed(digits: 1)), TableColumn("", key: "bar"),
            ], rows: rows, notes: curves.notes
        ).droppingEmptyColumns(among: [2])
    }
}
