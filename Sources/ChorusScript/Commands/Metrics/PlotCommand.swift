import ChorusEngine
import Foundation

/// `plot`: several strategies in one plot — pass@k and maj@k curves of sample sets, and the
/// results of vote, best-of, aggregate and refine as points — against k or tokens per problem,
/// with 95% intervals; an SVG and a table of the same numbers.
struct PlotCommand: Command {
    static let items = ParameterKey<[EitherObject<StrategyResultValue, SampleSetValue>]>.variadic(
        "items", "sample sets (curves) and strategy results (points)")
    static let ks = ParameterKey<[Int]?>.named(
        "ks", "the k values of every curve (default 1, 2, 4, … up to each set's samples per problem)",
        in: .atLeast(1))
    static let x = ParameterKey<ScalingCurves.Axis>.named("x", "the x axis: k, or tokens per problem", default: .k)
    static let log = ParameterKey<Bool?>.named(
        "log", "log-scale the x axis (default: when its values span more than a factor of 10)")
    static let seed = ParameterKey<Int>.named("seed", "seed of the bootstrap intervals", default: 0)
    static let file = ParameterKey<String?>.named("file", "the SVG file to write (none when left out)", type: .path)
    static let title = ParameterKey<String>.named("title", "the plot's title", default: "Accuracy as samples grow")
    static let overwrite = FileErrors.overwrite

    let signature = CommandSignature(
        name: "plot", group: .metrics,
        summary: "Draws scaling curves and strategies' points with 95% intervals: an SVG and a table here.",
        parameters: [Self.items, Self.ks, Self.x, Self.log, Self.seed, Self.file, Self.title, Self.overwrite],
        discussion: """
            A sample set gives two curves at every k it has: pass@k (solid), the \
            chance that one of k samples is right, and maj@k (dashed), the \
            accuracy of a majority vote over k. A result of vote or best_of, and \
            a set that aggregate or refine wrote, is one point (a diamond) at its \
            k: the candidates it chose among or its prompts showed. With \
            `x: tokens` the x axis is the mean tokens per problem: k samples' \
            worth for a curve, everything a result spent (its inputs included) \
            for a point. Shaded bands and bars are 95% percentile-bootstrap \
            intervals over problems, the ones metrics and compare print with the \
            same seed. Everything plotted must cover the same problems. The SVG \
            is deterministic (the same samples give the same bytes) and scales \
            with its viewBox; the table printed here holds the same numbers.
            """,
        examples: [
            "plot s ks: [1, 2, 4, 8] file: \"scaling.svg\"", "plot s (vote s k: 4) x: tokens",
            "plot s a r log: true",
        ])

    func run(_ invocation: Invocation) async throws -> Value {
        let items = invocation[Self.items]
        guard !items.isEmpty else {
            throw invocation.error("give at least one sample set or strategy result to plot", at: Self.items)
        }
        if let given = invocation[Self.ks], given.isEmpty { throw invocation.error("`ks` is empty", at: Self.ks) }
        let inputs = items.map { item -> ScalingCurves.Input in
            switch item {
            case .first(let result): .result(result.result)
            case .second(let set):
                if let source = set.candidateSource {
                    .combined(set.graded, k: source.shown.joined().map(\.count).max() ?? 0)
                } else {
                    .curves(set.graded, ks: invocation[Self.ks])
                }
            }
        }
        var generator = SplitMix64(seed: UInt64(bitPattern: Int64(invocation[Self.seed])))
        let curves: ScalingCurves
        do throws(ScalingCurves.Failure) {
            curves = try ScalingCurves(inputs, axis: invocation[Self.x], using: &generator)
        } catch {
            throw Self.located(error, invocation)
        }
        let title = invocation[Self.title]
        let svg = SVGPlot.render(curves, title: title, log: invocation[Self.log])
        let path = invocation[Self.file]
        if let path {
            try FileErrors.refuseOverwrite(of: path, invocation, at: Self.file)
            try invocation.mapping(at: Self.file, prefix: "cannot write \(path): ") {
                try svg.write(toFile: path, atomically: true, encoding: .utf8)
            }
            invocation.session.output.writeError("plot: wrote \(path)\n")
        }
        // The plot part carries the SVG, so a notebook shows the figure even without `file:`.
        return .object(PlotValue(PlotOutput(title: title, svg: svg, table: TextPlot.table(curves), file: path)))
    }

    /// `failure` pointed at the argument to change, with what to do.
    private static func located(_ failure: ScalingCurves.Failure, _ invocation: Invocation) -> any Error {
        switch failure {
        case .kOutOfRange(_, let available, _):
            let given = invocation.isGiven(Self.ks)
            return invocation.error(
                failure.description, at: given ? Self.ks : Self.items,
                hint: given
                    ? "leave out ks: to plot each set at every k it has, or keep ks at \(available) or less" : nil)
        case .noTokens:
            return invocation.error(
                failure.description, at: Self.x, hint: "plot it against k (x: k), or sample it from a model")
        case .differentProblems:
            return invocation.error(
                failure.description, at: Self.items, hint: "plot results made from the same dataset, in the same order")
        case .noInputs, .noProblems, .noSamples:
            return invocation.error(failure.description, at: Self.items)
        }
    }
}

extension ScalingCurves.Axis: ParameterChoice {}
