import ChorusEngine
import Foundation
import Testing

@testable import ChorusScript

@Suite("plot")
struct PlotCommandTests {
    /// The table of the plot `plot` returned into `name`.
    static func table(_ harness: Harness, _ name: String = "t") async -> DataTable? {
        guard case .object(let object)? = await harness.variable(name) else { return nil }
        return (object as? PlotValue)?.plot.table
    }

    @Test func theStatementShowsAPlotPartWithItsSVGEvenWithoutAFile() async throws {
        let (harness, folder) = try await EngineFixtures.harnessWithSamples()
        let path = folder + "/p.svg"
        #expect(await harness.run("plot s title: \"Tiny\"\nplot s file: \(quoted(path))") == report(succeeded: 2))
        let cells = await harness.session.cells
        guard case .plot(let inline)? = cells.dropLast().last?.parts.last,
            case .plot(let written)? = cells.last?.parts.last
        else {
            Issue.record("plot shows a plot part, got \(cells.map(\.parts))")
            return
        }
        #expect(inline.title == "Tiny" && inline.file == nil)
        #expect(inline.svg.hasPrefix("<svg") && inline.svg.contains("<title>Tiny</title>"))
        #expect(inline.table.rows.count == 6)
        #expect(written.file == path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == written.svg)
        #expect(cells.last?.parts.first == .status("plot: wrote \(path)\n"))
        // The terminal shows the table of the numbers, as before.
        #expect(harness.output.output.hasPrefix(inline.table.rendered))
    }

    @Test func aPlotValueReadsLikeATableAndHoldsItsSVG() async throws {
        let (harness, _) = try await EngineFixtures.harnessWithSamples()
        #expect(await harness.run("p = plot s\np.count\np[0].acc\np.title\np.file") == report(succeeded: 5))
        // `p.file` is none (nothing written), which a statement does not show.
        #expect(harness.output.output == "6\n55.55555555555555\n\"Accuracy as samples grow\"\n")
        guard case .object(let object)? = await harness.variable("p"), let plot = object as? PlotValue else {
            Issue.record("plot did not return a plot")
            return
        }
        #expect(plot.member("svg") == .string(plot.plot.svg))
        #expect(plot.summary == "plot \"Accuracy as samples grow\": 6 points")
    }

    @Test func printsTheCurvesAndWritesADeterministicSVG() async throws {
        let (harness, folder) = try await EngineFixtures.harnessWithSamples()
        let path = folder + "/scaling.svg"
        let result = await harness.run("plot s file: \(quoted(path))")
        #expect(result == report(succeeded: 1))
        #expect(harness.output.output.hasPrefix("line              k  acc %  95% CI"))
        #expect(harness.output.output.contains("responses maj@k   2  66.7"))
        #expect(harness.output.error == "plot: wrote \(path)\n")
        let first = try String(contentsOfFile: path, encoding: .utf8)
        #expect(first.hasPrefix("<svg"))
        // The same samples give the same bytes; an existing file is kept unless asked.
        #expect(await harness.run("plot s file: \(quoted(path))") == report(failed: 1))
        #expect(harness.output.error.contains("already exists"))
        #expect(await harness.run("plot s file: \(quoted(path)) overwrite: true") == report(succeeded: 1))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == first)
    }

    @Test func defaultKsArePowersOfTwoAndTheSampleCount() async throws {
        let (harness, _) = try await EngineFixtures.harnessWithSamples()
        await harness.run("t = plot s")
        let table = try #require(await Self.table(harness))
        #expect(table.rows.map { $0[1] } == [1, 2, 3, 1, 2, 3].map(TableCell.int))
    }

    @Test func setsAndStrategiesShareOnePlot() async throws {
        let harness = try await Harness.withCombiningModel(answering: "<answer>5</answer>")
        let script = """
            a = aggregate s with: m k: 3
            two = responses d [['\\boxed{5}', '\\boxed{4}'], ['5/2', '1'], ['8', '7']] name: "two"
            t = plot s two (vote s k: 2) a log: true
            """
        #expect(await harness.run(script) == report(succeeded: 3))
        let table = try #require(await Self.table(harness))
        let labels = table.rows.compactMap { if case .text(let label) = $0[0] { label } else { nil } }
        #expect(
            labels == [
                "responses pass@k", "responses pass@k", "responses pass@k", "responses maj@k", "responses maj@k",
                "responses maj@k", "two pass@k", "two pass@k", "two maj@k", "two maj@k", "maj@2", "aggregate@3 (fixed)",
            ])
        // Each set at every k it has; the vote at its k; the aggregation at the candidates it showed.
        #expect(table.rows.map { $0[1] } == [1, 2, 3, 1, 2, 3, 1, 2, 1, 2, 2, 3].map(TableCell.int))
        #expect(table.notes.contains { $0.hasPrefix("95% CI") })
    }

    @Test func badInputsAreClearErrors() async throws {
        let (harness, _) = try await EngineFixtures.harnessWithSamples()
        #expect(await harness.run("plot s ks: [1, 9]") == report(failed: 1))
        #expect(harness.output.error.contains("k = 9 is outside 1…3: responses has 3 samples per problem"))
        #expect(harness.output.error.contains("keep ks at 3 or less"))
        #expect(await harness.run("plot s x: tokens") == report(failed: 1))
        #expect(harness.output.error.contains("responses pass@k has no token counts"))
        #expect(await harness.run("plot s ks: []") == report(failed: 1))
        #expect(harness.output.error.contains("`ks` is empty"))
        #expect(await harness.run("plot") == report(failed: 1))
        #expect(harness.output.error.contains("give at least one sample set or strategy result"))
    }
}
