import ChorusEngine
import Foundation
import Testing

@testable import ChorusScript

@Suite("plot")
struct PlotCommandTests {
    @Test func printsTheCurvesAndWritesADeterministicSVG() async throws {
        let (harness, folder) = try await EngineFixtures.harnessWithSamples()
        let path = folder + "/scaling.svg"
        let result = await harness.run("plot s file: \(quoted(path))")
        #expect(result == report(succeeded: 1))
        #expect(harness.output.output.hasPrefix("line              k  acc %\n"))
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
        await harness.run("t = plot s\nt.rows.map")
        let table = await harness.variable("t")
        guard case .object(let object)? = table, let value = object as? TableValue else {
            Issue.record("plot did not return a table")
            return
        }
        #expect(value.table.rows.map { $0[1] } == [1, 2, 3, 1, 2, 3].map(TableCell.int))
    }

    @Test func kBeyondTheSamplesIsAnError() async throws {
        let (harness, _) = try await EngineFixtures.harnessWithSamples()
        #expect(await harness.run("plot s ks: [1, 9]") == report(failed: 1))
        #expect(harness.output.error.contains("k = 9 is outside 1…3"))
    }
}
