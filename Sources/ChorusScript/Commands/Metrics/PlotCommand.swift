import ChorusEngine
import Foundation

/// `plot`: scaling curves (pass@k and maj@k against k or tokens) as an SVG file and a text table.
struct PlotCommand: Command {
    let signature = CommandSignature(
        name: "plot", group: .metrics, summary: "Draws pass@k and maj@k scaling curves: an SVG file and a table here.",
        parameters: [
            .variadic("samples", .object("sample set"), "the sample sets, one pair of lines each"),
            .named("ks", .list(.int), "the k values (default 1, 2, 4, … up to the samples per problem)", default: Value.none),
            .named("x", .choice(ScalingCurves.Axis.allCases.map(\.rawValue)), "the x axis: k, or tokens per problem", default: .string("k")),
            .named("file", .path, "the SVG file to write (none when left out)", default: Value.none),
            .named("title", .string, "the plot's title", default: .string("Accuracy as samples grow")),
            .named("overwrite", .bool, "replace an existing file", default: .bool(false)),
        ],
        discussion: """
            pass@k (solid) is the chance that one of k samples is right; maj@k \
            (dashed) the accuracy of a majority vote over k. With `x: tokens` \
            the x axis is the mean tokens per problem that k samples cost. The \
            SVG is deterministic: the same samples give the same bytes. The \
            table printed here holds the same numbers.
            """,
        examples: ["plot s ks: [1, 2, 4, 8] file: \"scaling.svg\"", "plot s r x: tokens"])

    func run(_ invocation: Invocation) async throws -> Value {
        let sets = invocation.list("samples").compactMap { value -> SampleSetValue? in
            guard case .object(let object) = value else { return nil }
            return object as? SampleSetValue
        }
        guard !sets.isEmpty else { throw invocation.error("give at least one sample set to plot", at: "samples") }
        let available = sets.map(\.samples.minimumSamplesPerProblem).min() ?? 1
        let ks: [Int]
        if invocation.isGiven("ks") {
            ks = invocation.list("ks").compactMap { if case .int(let k) = $0 { k } else { nil } }
            guard !ks.isEmpty else { throw invocation.error("`ks` is empty", at: "ks") }
        } else {
            // 1, 2, 4, … up to the samples every problem has, and that count itself.
            let powers = Array(sequence(first: 1) { $0 * 2 <= available ? $0 * 2 : nil })
            ks = powers.last == available ? powers : powers + [max(1, available)]
        }
        let curves: ScalingCurves
        do {
            curves = try ScalingCurves(
                sets.map(\.graded), ks: ks, axis: ScalingCurves.Axis(rawValue: invocation.string("x")) ?? .k)
        } catch {
            throw invocation.error("\(error)", at: "ks")
        }
        if invocation.isGiven("file") {
            let path = invocation.string("file")
            try FileErrors.refuseOverwrite(of: path, invocation, argument: "file")
            do {
                try SVGPlot.render(curves, title: invocation.string("title")).write(
                    toFile: path, atomically: true, encoding: .utf8)
            } catch {
                throw invocation.error("cannot write \(path): \(error.localizedDescription)", at: "file")
            }
            invocation.session.output.writeError("plot: wrote \(path)\n")
        }
        return .object(TableValue(TextPlot.table(curves)))
    }
}
