import ChorusScript
import Testing

@testable import ChorusREPL

@Suite struct ExitStatusTests {
    @Test func cleanRunIsZero() {
        var report = Session.Report()
        report.succeeded = 3
        #expect(ExitStatus.code(for: report) == 0)
    }

    @Test func scriptErrorIs65() {
        var report = Session.Report()
        report.failed = 1
        #expect(ExitStatus.code(for: report) == 65)
    }

    @Test func internalErrorIs70EvenWithScriptErrors() {
        var report = Session.Report()
        report.failed = 2
        report.internalErrors = 1
        #expect(ExitStatus.code(for: report) == 70)
    }

    @Test func interruptIs130() {
        var report = Session.Report()
        report.wasInterrupted = true
        #expect(ExitStatus.code(for: report) == 130)
    }

    @Test func reportsAddUp() {
        var total = Session.Report()
        var one = Session.Report()
        one.succeeded = 2
        one.failed = 1
        var two = Session.Report()
        two.internalErrors = 1
        two.wasInterrupted = true
        total.add(one)
        total.add(two)
        #expect(total.succeeded == 2 && total.failed == 1 && total.internalErrors == 1 && total.wasInterrupted)
    }
}
