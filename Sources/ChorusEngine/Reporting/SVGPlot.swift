/// Scaling curves as a self-contained SVG document: deterministic text (fixed number formatting, no
/// dates, no random ids), so a plot file can be compared byte for byte.
public enum SVGPlot {
    /// Line colours, in order (the Okabe–Ito palette, readable by colour-blind readers).
    static let colours = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442", "#000000"]

    /// The document for `curves`, `width` × `height` pixels.
    public static func render(_ curves: ScalingCurves, title: String, width: Int = 640, height: Int = 400) -> String {
        let left = 60.0
        let right = 180.0
        let top = 40.0
        let bottom = 50.0
        let plotWidth = Double(width) - left - right
        let plotHeight = Double(height) - top - bottom
        let xs = curves.lines.flatMap { $0.points.map(\.x) }
        let minX = xs.min() ?? 0
        let maxX = xs.max() ?? 1
        let span = maxX > minX ? maxX - minX : 1
        func px(_ x: Double) -> Double { left + (x - minX) / span * plotWidth }
        func py(_ y: Double) -> Double { top + (1 - y) * plotHeight }
        func f(_ value: Double) -> String { NumberFormatting.fixed(value, digits: 1) }

        var out = [
            #"<svg xmlns="http://www.w3.org/2000/svg" width="\#(width)" height="\#(height)" viewBox="0 0 \#(width) \#(height)" font-family="sans-serif" font-size="12">"#,
            #"<rect width="100%" height="100%" fill="white"/>"#,
            #"<text x="\#(f(left))" y="24" font-size="14">\#(escape(title))</text>"#,
        ]
        // Axes, with accuracy gridlines every 20 points.
        for step in 0...5 {
            let y = Double(step) / 5
            out.append(
                #"<line x1="\#(f(left))" y1="\#(f(py(y)))" x2="\#(f(left + plotWidth))" y2="\#(f(py(y)))" stroke="gainsboro"/>"#
            )
            out.append(#"<text x="\#(f(left - 8))" y="\#(f(py(y) + 4))" text-anchor="end">\#(step * 20)%</text>"#)
        }
        out.append(
            #"<line x1="\#(f(left))" y1="\#(f(top + plotHeight))" x2="\#(f(left + plotWidth))" y2="\#(f(top + plotHeight))" stroke="black"/>"#
        )
        out.append(
            #"<line x1="\#(f(left))" y1="\#(f(top))" x2="\#(f(left))" y2="\#(f(top + plotHeight))" stroke="black"/>"#)
        for x in Array(Set(xs)).sorted() {
            let label = curves.axis == .k ? String(Int(x)) : String(Int(x))
            out.append(
                #"<text x="\#(f(px(x)))" y="\#(f(top + plotHeight + 16))" text-anchor="middle">\#(label)</text>"#)
        }
        let axisTitle = curves.axis == .k ? "samples per problem (k)" : "tokens per problem"
        out.append(
            #"<text x="\#(f(left + plotWidth / 2))" y="\#(f(Double(height) - 12))" text-anchor="middle">\#(axisTitle)</text>"#
        )
        // The lines, dashed for maj@k, with a legend on the right.
        for (index, line) in curves.lines.enumerated() {
            let colour = colours[(index / 2) % colours.count]
            let dash = line.label.hasSuffix("maj@k") ? #" stroke-dasharray="6 4""# : ""
            let points = line.points.map { "\(f(px($0.x))),\(f(py($0.y)))" }.joined(separator: " ")
            out.append(#"<polyline points="\#(points)" fill="none" stroke="\#(colour)" stroke-width="2"\#(dash)/>"#)
            for point in line.points {
                out.append(#"<circle cx="\#(f(px(point.x)))" cy="\#(f(py(point.y)))" r="3" fill="\#(colour)"/>"#)
            }
            let legendY = top + 10 + Double(index) * 18
            out.append(
                #"<line x1="\#(f(left + plotWidth + 16))" y1="\#(f(legendY))" x2="\#(f(left + plotWidth + 40))" y2="\#(f(legendY))" stroke="\#(colour)" stroke-width="2"\#(dash)/>"#
            )
            out.append(#"<text x="\#(f(left + plotWidth + 46))" y="\#(f(legendY + 4))">\#(escape(line.label))</text>"#)
        }
        out.append("</svg>")
        return out.joined(separator: "\n") + "\n"
    }

    /// `text` safe inside SVG text and attributes.
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
