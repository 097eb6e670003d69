import Foundation
import Testing

@testable import ChorusEngine

#if canImport(FoundationXML)
import FoundationXML
#endif

@Suite struct SVGPlotTests {
    @Test func aWellFormedDeterministicDocumentWithOneLinePerCurve() throws {
        let curves = try ScalingCurves([ScalingCurvesTests.graded()], ks: [1, 2, 4])
        let svg = SVGPlot.render(curves, title: "GSM8K <0.5B> & friends")
        #expect(svg == SVGPlot.render(curves, title: "GSM8K <0.5B> & friends"))
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(svg.contains("GSM8K &lt;0.5B&gt; &amp; friends"))
        #expect(svg.components(separatedBy: "<polyline").count - 1 == 2)
        #expect(svg.contains("stroke-dasharray"))  // maj@k is dashed
        let parser = XMLParser(data: Data(svg.utf8))
        #expect(parser.parse(), "not well-formed: \(String(describing: parser.parserError))")
    }
}
