/// Where a plot's parts go: the title (wrapped), the plot area, and the legend — to the right of
/// the plot when its labels are short and few, else below it, wrapped into rows. The document
/// grows as tall as its legend needs, and every label is measured with ``TextMetrics``, whose
/// widths are never below a browser's, so no text runs past the edge.
public struct PlotLayout: Sendable {
    /// A rectangle in the document's pixels.
    public struct Frame: Sendable, Equatable {
        /// The left edge.
        public let x: Double
        /// The top edge.
        public let y: Double
        /// The width.
        public let width: Double
        /// The height.
        public let height: Double
    }

    /// One legend entry: a swatch, then its label on one or more lines.
    public struct Entry: Sendable, Equatable {
        /// The left edge of the swatch.
        public let x: Double
        /// The vertical middle of the swatch and of the first line.
        public let y: Double
        /// The label's lines.
        public let lines: [String]

        /// Where the label's text starts.
        public var textX: Double { x + PlotLayout.swatchWidth + PlotLayout.swatchGap }
    }

    /// The font size of labels.
    public static let fontSize = 12.0
    /// The font size of the title.
    public static let titleFontSize = 14.0
    /// The distance between two lines of a label.
    public static let lineHeight = 16.0
    /// The width of a legend swatch.
    public static let swatchWidth = 24.0
    /// Between a swatch and its label.
    public static let swatchGap = 6.0
    static let margin = 16.0
    static let left = 60.0
    /// The tick labels and the axis title under the plot area.
    static let axisBand = 50.0
    /// The widest legend label kept to the right of the plot.
    static let sideLegendMaxWidth = 170.0

    /// The document's width.
    public let width: Double
    /// The document's height.
    public let height: Double
    /// The title's lines, with their baselines.
    public let title: [(text: String, y: Double)]
    /// The area the data is drawn in.
    public let plot: Frame
    /// The legend entries, in the order of the labels.
    public let legend: [Entry]
    /// Whether the legend sits below the plot (else to its right).
    public let legendIsBelow: Bool

    /// The layout of a plot `width` pixels wide with `title` and one legend entry per label.
    public init(title: String, labels: [String], width: Double = 640, plotHeight: Double = 310) {
        let m = Self.margin
        let titleLines = TextMetrics.wrap(title, fontSize: Self.titleFontSize, maxWidth: width - Self.left - m)
        self.title = titleLines.enumerated().map { ($1, 24 + Double($0) * 18) }
        let top = 24 + Double(titleLines.count - 1) * 18 + 16
        let widths = labels.map { TextMetrics.width($0, fontSize: Self.fontSize) }
        let entryHeight = Self.lineHeight + 2
        let sideWidth = (widths.max() ?? 0) + Self.swatchWidth + Self.swatchGap
        let fitsBeside =
            (widths.max() ?? 0) <= Self.sideLegendMaxWidth && Double(labels.count) * entryHeight <= plotHeight - 10
        self.width = width
        legendIsBelow = !fitsBeside
        if fitsBeside {
            let plotWidth = width - Self.left - 2 * m - sideWidth
            plot = Frame(x: Self.left, y: top, width: plotWidth, height: plotHeight)
            let x = Self.left + plotWidth + m
            legend = labels.indices.map { Entry(x: x, y: top + 10 + Double($0) * entryHeight, lines: [labels[$0]]) }
            height = top + plotHeight + Self.axisBand
            return
        }
        // Below the plot: entries flow left to right in rows as wide as the document; a label too
        // long for a row on its own wraps onto more lines.
        plot = Frame(x: Self.left, y: top, width: width - Self.left - 2 * m, height: plotHeight)
        let available = width - 2 * m
        let textRoom = available - Self.swatchWidth - Self.swatchGap
        var entries: [Entry] = []
        var x = m
        var rowTop = top + plotHeight + Self.axisBand + 8
        var rowHeight = 0.0
        for label in labels {
            let lines = TextMetrics.wrap(label, fontSize: Self.fontSize, maxWidth: textRoom)
            let entryWidth =
                Self.swatchWidth + Self.swatchGap
                + (lines.map { TextMetrics.width($0, fontSize: Self.fontSize) }.max() ?? 0)
            if x > m && x + entryWidth > m + available {
                rowTop += rowHeight
                x = m
                rowHeight = 0
            }
            entries.append(Entry(x: x, y: rowTop + entryHeight / 2, lines: lines))
            x += entryWidth + 2 * m
            rowHeight = max(rowHeight, Double(lines.count - 1) * Self.lineHeight + entryHeight)
        }
        legend = entries
        height = rowTop + rowHeight + m
    }
}
