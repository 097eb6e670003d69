import ChorusEngine
import Foundation

/// `plot`: scaling curves (pass@k and maj@k against k or tokens) as an SVG file and a text table.
struct PlotCommand: Command {
    static let samples = ParameterKey<[SampleSetValue]>.variadic("samples", "the sample sets, one pair of lines each")
    static let ks = ParameterKey<[Int]?>.named(
        "ks", "the k values (default 1, 2, 4, … up to the samples per problem)", in: .atLeast(1))
    static let x = ParameterKey<ScalingCurves.Axis>.named("x", "the x axis: k, or tokens per problem", default: .k)
    static let file = ParameterKey<String?>.named("file", "the SVG file to write (none when left out)", type: .path)
    static let title = ParameterKey<String>.named("title", "the plot's title", default: "Accuracy as samples grow")
    static let overwrite = FileErrors.overwrite

    let signature = CommandSignature(
        name: "plot", group: .metrics, summary: "Draws pass@k and maj@k scaling curves: an SVG file and a table here.",
        parameters: [Self.samples, Self.ks, Self.x, Self.file, Self.title, Self.overwrite],
        discussion: """
            pass@k (solid) is the chance that one of k samples is right; maj@k \
            (dashed) the accuracy of a majority vote over k. With `x: tokens` \
            the x axis is the mean tokens per problem that k samples cost. The \
            SVG is deterministic: the same samples give the same bytes. The \
            table printed here holds the same numbers.
            """,
        examples: ["plot s ks: [1, 2, 4, 8] file: \"scaling.svg\"", "plot s r x: tokens"])

    func run(_ invocation: Invocation) async throws -> Value {
        let sets = invocation[Self.samples]
        guard !sets.isEmpty else { throw invocation.error("give at least one sample set to plot", at: Self.samples) }
        let available = sets.map(\.samples.minimumSamplesPerProblem).min() ?? 1
        let ks: [Int]
        if let given = invocation[Self.ks] {
            guard !given.isEmpty else { throw invocation.error("`ks` is empty", at: Self.ks) }
            ks = given
        } else {
            // 1, 2, 4, … up to the samples every problem has, and that count itself.
            let powers = Array(sequence(first: 1) { $0 * 2 <= available ? $0 * 2 : nil })
            ks = powers.last == available ? powers : powers + [max(1, available)]
        }
        let curves = try invocation.mapping(at: Self.ks) {
            try ScalingCurves(sets.map(\.graded), ks: ks, axis: invocation[Self.x])
        }
        if let path = invocation[Self.file] {
            try FileErrors.refuseOverwrite(of: path, invocation, at: Self.file)
            try invocation.mapping(at: Self.file, prefix: "cannot write \(path): ") {
                try SVGPlot.render(curves, title: invocation[Self.title]).write(
                    toFile: path, atomically: true, encoding: .utf8)
            }
            invocation.session.output.writeError("plot: wrote \(path)\n")
        }
        return .object(TableValue(TextPlot.table(curves)))
    }
}

extension ScalingCurves.Axis: ParameterChoice {}
