/// A plot as a self-contained SVG document: no fonts, scripts or links to fetch; a viewBox, so a
/// notebook can scale it; a `<title>` and `<desc>` for screen readers; and deterministic text
/// (fixed number formatting, no dates, no generated ids), so a plot file compares byte for byte.
public enum SVGPlot {
    /// Colours, one per input (the Okabe–Ito palette, readable by colour-blind readers).
    static let colours = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442"]

    /// The legend's last entry: what the shaded bands and the bars are.
    static let intervalLabel = "95% interval"

    /// The document for `curves`, `width` pixels wide (its height follows from the legend); `log`
    /// nil log-scales the x axis when its values span more than a decade.
    public static func render(_ curves: ScalingCurves, title: String, width: Int = 640, log: Bool? = nil) -> String {
        let layout = PlotLayout(
            title: title, labels: curves.series.map(\.label) + [intervalLabel], width: Double(width))
        let axis = PlotAxis(
            values: curves.series.flatMap { $0.points.map(curves.x) }, log: log, integerTicks: curves.axis == .k)
        let plot = layout.plot
        func px(_ x: Double) -> Double { plot.x + axis.fraction(x) * plot.width }
        func py(_ y: Double) -> Double { plot.y + (1 - min(1, max(0, y))) * plot.height }

        let height = f(layout.height)
        var out = [
            #"<svg xmlns="http://www.w3.org/2000/svg" width="\#(width)" height="\#(height)" viewBox="0 0 \#(width) \#(height)" font-family="sans-serif" font-size="\#(f(PlotLayout.fontSize))" role="img">"#,
            "<title>\(escape(title))</title>",
            "<desc>\(escape(description(of: curves, axis: axis)))</desc>",
            #"<rect width="100%" height="100%" fill="white"/>"#,
        ]
        for line in layout.title {
            out.append(
                #"<text x="\#(f(plot.x))" y="\#(f(line.y))" font-size="\#(f(PlotLayout.titleFontSize))">\#(escape(line.text))</text>"#
            )
        }
        // Accuracy gridlines every 20 points, then the axes.
        for step in 0...5 {
            let y = py(Double(step) / 5)
            out.append(line(plot.x, y, plot.x + plot.width, y, stroke: "gainsboro"))
            out.append(#"<text x="\#(f(plot.x - 8))" y="\#(f(y + 4))" text-anchor="end">\#(step * 20)%</text>"#)
        }
        let bottom = plot.y + plot.height
        out.append(line(plot.x, bottom, plot.x + plot.width, bottom, stroke: "black"))
        out.append(line(plot.x, plot.y, plot.x, bottom, stroke: "black"))
        for tick in thinned(axis.ticks, at: px) {
            out.append(line(px(tick.value), bottom, px(tick.value), bottom + 4, stroke: "black"))
            out.append(
                #"<text x="\#(f(px(tick.value)))" y="\#(f(bottom + 16))" text-anchor="middle">\#(escape(tick.label))</text>"#
            )
        }
        let axisTitle = curves.axis.title + (axis.isLog ? ", log scale" : "")
        out.append(
            #"<text x="\#(f(plot.x + plot.width / 2))" y="\#(f(bottom + 38))" text-anchor="middle">\#(axisTitle)</text>"#
        )
        // Bands first, so every line and marker is drawn over them.
        for series in curves.series where series.kind != .strategy && series.points.count > 1 {
            let upper = series.points.map { "\(f(px(curves.x(of: $0)))),\(f(py($0.estimate.upper)))" }
            let lower = series.points.reversed().map { "\(f(px(curves.x(of: $0)))),\(f(py($0.estimate.lower)))" }
            out.append(
                #"<polygon points="\#((upper + lower).joined(separator: " "))" fill="\#(colour(series))" fill-opacity="\#(series.kind == .passAtK ? "0.12" : "0.08")" stroke="none"/>"#
            )
        }
        let offsets = dodged(curves, at: px)
        for (index, series) in curves.series.enumerated() {
            let colour = colour(series)
            let points = series.points.map { (x: px(curves.x(of: $0)) + (offsets[index] ?? 0), point: $0) }
            if series.kind != .strategy && points.count > 1 {
                let path = points.map { "\(f($0.x)),\(f(py($0.point.estimate.value)))" }.joined(separator: " ")
                out.append(
                    #"<polyline points="\#(path)" fill="none" stroke="\#(colour)" stroke-width="2"\#(dash(series))/>"#)
            }
            for (x, point) in points {
                if series.kind == .strategy || series.points.count == 1 {
                    // A point alone shows its interval as a bar.
                    out.append(line(x, py(point.estimate.lower), x, py(point.estimate.upper), stroke: colour))
                    out.append(line(x - 4, py(point.estimate.lower), x + 4, py(point.estimate.lower), stroke: colour))
                    out.append(line(x - 4, py(point.estimate.upper), x + 4, py(point.estimate.upper), stroke: colour))
                }
                out.append(marker(series.kind, x: x, y: py(point.estimate.value), colour: colour))
            }
        }
        for (entry, series) in zip(layout.legend, curves.series) {
            let colour = colour(series)
            if series.kind == .strategy {
                out.append(marker(.strategy, x: entry.x + PlotLayout.swatchWidth / 2, y: entry.y, colour: colour))
            } else {
                out.append(
                    #"<line x1="\#(f(entry.x))" y1="\#(f(entry.y))" x2="\#(f(entry.x + PlotLayout.swatchWidth))" y2="\#(f(entry.y))" stroke="\#(colour)" stroke-width="2"\#(dash(series))/>"#
                )
            }
            out.append(label(entry))
        }
        if let entry = layout.legend.last {
            out.append(
                #"<rect x="\#(f(entry.x))" y="\#(f(entry.y - 6))" width="\#(f(PlotLayout.swatchWidth))" height="12" fill="gray" fill-opacity="0.25"/>"#
            )
            out.append(label(entry))
        }
        out.append("</svg>")
        return out.joined(separator: "\n") + "\n"
    }

    /// Horizontal offsets, by series index, for results that would sit on one another: results at
    /// the same place spread 10 pixels apart around it, in the order given.
    static func dodged(_ curves: ScalingCurves, at position: (Double) -> Double) -> [Int: Double] {
        var atPlace: [Double: [Int]] = [:]
        var places: [Double] = []
        for (index, series) in curves.series.enumerated() where series.kind == .strategy {
            guard let point = series.points.first else { continue }
            // Places within a pixel are one place.
            let place = (position(curves.x(of: point))).rounded()
            if atPlace[place] == nil { places.append(place) }
            atPlace[place, default: []].append(index)
        }
        var offsets: [Int: Double] = [:]
        for place in places {
            let indices = atPlace[place] ?? []
            for (order, index) in indices.enumerated() {
                offsets[index] = (Double(order) - Double(indices.count - 1) / 2) * 10
            }
        }
        return offsets
    }

    /// The ticks whose labels do not run into the one before.
    static func thinned(_ ticks: [PlotAxis.Tick], at position: (Double) -> Double) -> [PlotAxis.Tick] {
        var kept: [PlotAxis.Tick] = []
        var previousRight = -Double.infinity
        for tick in ticks {
            let half = TextMetrics.width(tick.label, fontSize: PlotLayout.fontSize) / 2
            guard position(tick.value) - half >= previousRight + 4 else { continue }
            kept.append(tick)
            previousRight = position(tick.value) + half
        }
        return kept
    }

    /// One sentence for a screen reader: what is plotted against what.
    static func description(of curves: ScalingCurves, axis: PlotAxis) -> String {
        let labels = curves.series.map(\.label).joined(separator: ", ")
        let scale = axis.isLog ? " (log scale)" : ""
        return "Accuracy of \(labels) against \(curves.axis.title)\(scale), with 95% intervals."
    }

    /// A circle on a curve, a diamond for a strategy's result.
    private static func marker(_ kind: ScalingCurves.Kind, x: Double, y: Double, colour: String) -> String {
        guard kind == .strategy else { return #"<circle cx="\#(f(x))" cy="\#(f(y))" r="3" fill="\#(colour)"/>"# }
        let corners = [(x, y - 6), (x + 6, y), (x, y + 6), (x - 6, y)].map { "\(f($0.0)),\(f($0.1))" }
        return #"<polygon points="\#(corners.joined(separator: " "))" fill="\#(colour)" stroke="white"/>"#
    }

    private static func label(_ entry: PlotLayout.Entry) -> String {
        entry.lines.enumerated().map { index, text in
            #"<text x="\#(f(entry.textX))" y="\#(f(entry.y + 4 + Double(index) * PlotLayout.lineHeight))">\#(escape(text))</text>"#
        }.joined(separator: "\n")
    }

    private static func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, stroke: String) -> String {
        #"<line x1="\#(f(x1))" y1="\#(f(y1))" x2="\#(f(x2))" y2="\#(f(y2))" stroke="\#(stroke)"/>"#
    }

    private static func colour(_ series: ScalingCurves.Series) -> String { colours[series.group % colours.count] }

    private static func dash(_ series: ScalingCurves.Series) -> String {
        series.kind == .majorityAtK ? #" stroke-dasharray="6 4""# : ""
    }

    private static func f(_ value: Double) -> String { NumberFormatting.fixed(value, digits: 1) }

    /// The markup characters as XML entities; line breaks become spaces, as SVG shows them anyway.
    static let entities: [Unicode.Scalar: String] = [
        "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&apos;", "\t": " ", "\n": " ", "\r": " ",
    ]

    /// `text` safe inside SVG text and attributes: markup escaped, and the characters XML 1.0
    /// forbids (other control characters, U+FFFE, U+FFFF) dropped.
    static func escape(_ text: String) -> String {
        text.unicodeScalars.lazy
            .filter { entities[$0] != nil || ($0.value >= 0x20 && $0.value != 0xFFFE && $0.value != 0xFFFF) }
            .map { entities[$0] ?? String($0) }
            .joined()
    }
}
