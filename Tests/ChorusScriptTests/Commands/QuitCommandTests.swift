import Testing

@testable import ChorusScript

@Suite("quit")
struct QuitCommandTests {
    @Test func quitRequestsTheEndQuietly() async {
        let harness = Harness()
        #expect(await harness.session.isQuitRequested == false)
        #expect(await harness.run("quit") == report(succeeded: 1))
        #expect(await harness.session.isQuitRequested)
        #expect(harness.output.combined == "")
    }

    @Test func statementsAfterQuitDoNotRun() async {
        let harness = await Harness.running("x = 1\nquit\ny = 2\nnope", expecting: report(succeeded: 2))
        #expect(await harness.variable("x") == .int(1))
        #expect(await harness.variable("y") == nil)
        #expect(harness.output.error == "")
    }

    @Test func quitOnTheSameLine() async {
        let harness = await Harness.running("a = 1; quit; b = 2")
        #expect(await harness.variable("b") == nil)
    }

    @Test func laterExecutionsDoNothing() async {
        let harness = await Harness.running("quit")
        #expect(await harness.run("z = 1") == report())
        #expect(await harness.variable("z") == nil)
    }

    @Test func quitIsNotRecorded() async {
        let harness = await Harness.running("x = 1\nquit")
        #expect(await harness.transcriptTexts() == ["x = 1"])
    }

    @Test func requestQuitDirectly() async {
        let harness = Harness()
        await harness.session.requestQuit()
        #expect(await harness.run("x = 1") == report())
    }

    @Test func quitTakesNoArguments() async {
        let harness = await Harness.running("quit 1", expecting: report(failed: 1))
        #expect(await harness.session.isQuitRequested == false)
        #expect(harness.output.error.hasPrefix("t.chorus:1:6: error: `quit` takes no positional arguments\n"))
    }
}
