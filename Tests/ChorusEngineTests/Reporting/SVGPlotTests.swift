import Foundation
import Testing

@testable import ChorusEngine

#if canImport(FoundationXML)
import FoundationXML
#endif

@Suite struct SVGPlotTests {
    /// A set's two curves, a second set with fewer samples, a vote and an aggregation.
    static func severalStrategies(setName: String = "s") throws -> ScalingCurves {
        let set = try ScalingCurvesTests.graded(name: setName)
        let vote = try MajorityVote(k: 2).run(on: set, name: "maj@2")
        return try ScalingCurvesTests.curves([
            .curves(set, ks: nil), .curves(ScalingCurvesTests.graded(name: "t", samples: 2), ks: nil),
            .result(vote), .combined(ScalingCurvesTests.graded(name: "usc@4", samples: 1), k: 4),
        ])
    }

    @Test func aWellFormedDeterministicSelfContainedDocument() throws {
        let curves = try Self.severalStrategies()
        let svg = SVGPlot.render(curves, title: "GSM8K <0.5B> & friends")
        #expect(svg == SVGPlot.render(try Self.severalStrategies(), title: "GSM8K <0.5B> & friends"))
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(svg.contains("<title>GSM8K &lt;0.5B&gt; &amp; friends</title>"))
        #expect(svg.contains("viewBox=\"0 0 640 "))
        #expect(!svg.contains("href") && !svg.contains("<script") && !svg.contains("@import"))
        let document = try SVGDocument(svg)
        #expect(document.elements.first?.name == "svg")
        #expect(document.elements.dropFirst().first?.name == "title")
        // A line per curve (four), bands under them, a diamond per result.
        #expect(svg.components(separatedBy: "<polyline").count - 1 == 4)
        #expect(svg.components(separatedBy: "fill-opacity=\"0.12\"").count - 1 == 2)
        #expect(svg.components(separatedBy: "stroke=\"white\"").count - 1 == 2 + 2)  // points and legend
        #expect(svg.contains("stroke-dasharray"))  // maj@k is dashed
    }

    @Test func labelsAreEscapedIntoWellFormedXML() throws {
        #expect(SVGPlot.escape("a<b> & \"c\" 'd'\u{1}\te") == "a&lt;b&gt; &amp; &quot;c&quot; &apos;d&apos; e")
        let set = try ScalingCurvesTests.graded(name: "bell\u{7} <s> & 'q'\u{FFFE}")
        let svg = SVGPlot.render(try ScalingCurvesTests.curves([.curves(set, ks: nil)]), title: "t\u{0}")
        let document = try SVGDocument(svg)
        #expect(document.elements.contains { $0.name == "text" && $0.text == "bell <s> & 'q' pass@k" })
    }

    @Test func resultsAtOnePlaceStandApart() throws {
        let set = try ScalingCurvesTests.graded()
        let votes = try [2, 2, 2, 4].map { (k: Int) in try MajorityVote(k: k).run(on: set, name: "maj@\(k)") }
        let curves = try ScalingCurvesTests.curves([.curves(set, ks: nil)] + votes.map { .result($0) })
        let offsets = SVGPlot.dodged(curves) { $0 * 100 }
        #expect(offsets == [2: -10, 3: 0, 4: 10, 5: 0])
    }

    @Test func aLogAxisSaysSo() throws {
        let curves = try Self.severalStrategies()
        #expect(SVGPlot.render(curves, title: "t", log: true).contains("samples per problem (k), log scale"))
        #expect(!SVGPlot.render(curves, title: "t").contains("log scale"))
    }

    @Test(arguments: [
        "s", String(repeating: "qwen2.5-coder-0.5b-instruct@temperature-0.7 ", count: 3),
        String(repeating: "W", count: 120),
    ])
    func noTextRunsPastTheDocument(setName: String) throws {
        let svg = SVGPlot.render(
            try Self.severalStrategies(setName: setName), title: "Scaling of " + setName + " on arithmetic")
        let document = try SVGDocument(svg)
        let root = try #require(document.elements.first)
        let width = try #require(Double(root.attributes["width"] ?? ""))
        let height = try #require(Double(root.attributes["height"] ?? ""))
        #expect(root.attributes["viewBox"] == "0 0 \(root.attributes["width"]!) \(root.attributes["height"]!)")
        let texts = document.elements.filter { $0.name == "text" }
        #expect(texts.contains { $0.text.contains("maj@k") })
        for text in texts {
            let x = try #require(Double(text.attributes["x"] ?? ""))
            let y = try #require(Double(text.attributes["y"] ?? ""))
            let size = Double(text.attributes["font-size"] ?? "") ?? PlotLayout.fontSize
            let span = TextMetrics.width(text.text, fontSize: size)
            let (start, end) =
                switch text.attributes["text-anchor"] {
                case "middle": (x - span / 2, x + span / 2)
                case "end": (x - span, x)
                default: (x, x + span)
                }
            #expect(start >= 0 && end <= width, "\(text.text) spans \(start)…\(end) of \(width)")
            #expect(y - size >= 0 && y <= height, "\(text.text) at y \(y) of \(height)")
        }
    }
}

/// The elements of an SVG document in document order, with their attributes and text.
struct SVGDocument {
    struct Element {
        let name: String
        let attributes: [String: String]
        var text = ""
    }

    var elements: [Element] = []

    init(_ svg: String) throws {
        let parser = XMLParser(data: Data(svg.utf8))
        let collector = Collector()
        parser.delegate = collector
        guard parser.parse() else {
            throw SVGError(message: "not well-formed: \(String(describing: parser.parserError))")
        }
        elements = collector.elements
    }

    struct SVGError: Error { let message: String }

    private final class Collector: NSObject, XMLParserDelegate {
        var elements: [Element] = []
        var open: [Int] = []

        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            open.append(elements.count)
            elements.append(Element(name: name, attributes: attributes))
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if let index = open.last { elements[index].text += string }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            open.removeLast()
        }
    }
}
