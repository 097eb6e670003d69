import ChorusEngine
import ChorusTestSupport
import Foundation
import Testing

@testable import ChorusScript

/// A session writing into memory, on a clock that only moves when told to.
struct Harness {
    let output: CapturedOutput
    let clock: ManualClock
    let session: Session

    /// The sample store the session uses: in memory, never the user's file.
    let store = InMemorySampleStore()

    init(
        registry: CommandRegistry = .standard, clock: ManualClock = ManualClock(), environment: [String: String] = [:],
        output: CapturedOutput = CapturedOutput()
    ) {
        self.output = output
        self.clock = clock
        self.session = Session(
            registry: registry, output: output, clock: clock,
            services: SessionServices(environment: environment, store: store))
    }

    /// Runs `text` as the source `t.chorus`.
    @discardableResult
    func run(
        _ text: String, options: Session.Options = Session.Options(), recorded: Bool = true
    ) async
        -> Session.Report
    {
        await session.execute(SourceFile(name: "t.chorus", text: text), options: options, recorded: recorded)
    }

    /// A fresh harness that has run `text`; with `expected`, the run must end with those counts.
    @discardableResult
    static func running(
        _ text: String, options: Session.Options = Session.Options(), expecting expected: Session.Report? = nil,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) async -> Harness {
        let harness = Harness()
        let report = await harness.run(text, options: options)
        if let expected { #expect(report == expected, sourceLocation: sourceLocation) }
        return harness
    }

    /// Runs `text` and cancels the run once it waits in `sleep` (the clock never moves, so only the
    /// cancellation can end the wait); returns the run's report.
    func runCancelledInSleep(_ text: String) async -> Session.Report {
        let running = Task { await run(text) }
        await clock.untilSleeping()
        running.cancel()
        return await running.value
    }

    /// The value of a variable.
    func variable(_ name: String) async -> Value? {
        await session.variable(name)
    }

    /// The texts of the transcript, in order.
    func transcriptTexts() async -> [String] {
        await session.transcript.map(\.text)
    }
}

/// A report with the given counts.
func report(
    succeeded: Int = 0, failed: Int = 0, internalErrors: Int = 0, wasInterrupted: Bool = false
)
    -> Session.Report
{
    var report = Session.Report()
    report.succeeded = succeeded
    report.failed = failed
    report.internalErrors = internalErrors
    report.wasInterrupted = wasInterrupted
    return report
}

/// Writes a file and returns its path.
@discardableResult
func writeFile(_ text: String, named name: String, in folder: String) throws -> String {
    let path = (folder as NSString).appendingPathComponent(name)
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
}

/// A script string literal for a path: `"…"` with escapes.
func quoted(_ path: String) -> String { Value.quote(path) }

/// An expression as an S-expression without ranges, so tree shapes can be compared exactly.
func sexp(_ expression: ChorusScript.Expression) -> String {
    switch expression.kind {
    case .integer(let value): return String(value)
    case .number(let value): return "\(value)"
    case .string(let text): return Value.quote(text)
    case .bool(let value): return value ? "true" : "false"
    case .none: return "none"
    case .name(let name): return name
    case .resultReference(let number): return number.map { "_\($0)" } ?? "_"
    case .list(let items): return "[" + items.map(sexp).joined(separator: " ") + "]"
    case .record(let fields):
        return "{" + fields.map { "\($0.key): \(sexp($0.value))" }.joined(separator: " ") + "}"
    case .member(let base, let name, _): return "(. \(sexp(base)) \(name))"
    case .index(let base, let index): return "(index \(sexp(base)) \(sexp(index)))"
    case .unary(let op, let operand): return "(\(op.rawValue) \(sexp(operand)))"
    case .chain(let first, let operations):
        // Folded to the left, as the operators apply.
        return operations.reduce(sexp(first)) { "(\($1.op.rawValue) \($0) \(sexp($1.operand)))" }
    case .call(let call):
        let arguments = call.arguments.map { argument in
            (argument.label.map { "\($0):" } ?? "") + sexp(argument.value)
        }
        return "(call \(call.name)" + arguments.map { " " + $0 }.joined() + ")"
    }
}

/// A statement as an S-expression.
func sexp(_ statement: Statement) -> String {
    switch statement.kind {
    case .assignment(let name, _, let value): return "(= \(name) \(sexp(value)))"
    case .expression(let expression): return sexp(expression)
    case .loop(let loop):
        let body = loop.body.map { " " + sexp($0) }.joined()
        let text = "(for \(loop.variable) \(sexp(loop.sequence))\(body))"
        return loop.target.map { "(= \($0) \(text))" } ?? text
    }
}

/// Each item of a program: a statement's S-expression, or `error@L:C: message` for each diagnostic of a failure.
func outline(_ program: Program) -> [String] {
    program.items.map { item in
        switch item {
        case .statement(let statement):
            return sexp(statement)
        case .failure(let diagnostics):
            return diagnostics.map { diagnostic in
                let location = diagnostic.range.map { "\($0.start.line):\($0.start.column)" } ?? "?"
                return "error@\(location): \(diagnostic.message)"
            }.joined(separator: " | ")
        }
    }
}

/// Parses text from `t.chorus`.
func parse(_ text: String) -> Program {
    Parser.parse(SourceFile(name: "t.chorus", text: text))
}

/// A location shorthand for comparisons: `line:column`.
func position(_ location: ChorusScript.SourceLocation) -> String { "\(location.line):\(location.column)" }

/// A range shorthand for comparisons: `line:column-line:column`.
func span(_ range: SourceRange?) -> String {
    guard let range else { return "none" }
    return "\(position(range.start))-\(position(range.end))"
}

/// Every command name called anywhere in a program, nested calls and bare command names included.
func calledCommands(_ program: Program, registry: CommandRegistry = .standard) -> Set<String> {
    var names: Set<String> = []
    func visit(_ expression: ChorusScript.Expression) {
        switch expression.kind {
        case .call(let call):
            names.insert(call.name)
            for argument in call.arguments { visit(argument.value) }
        case .name(let name) where registry.command(named: name) != nil:
            names.insert(name)
        case .list(let items):
            for item in items { visit(item) }
        case .record(let fields):
            for field in fields { visit(field.value) }
        case .member(let base, _, _):
            visit(base)
        case .index(let base, let index):
            visit(base)
            visit(index)
        case .unary(_, let operand):
            visit(operand)
        case .chain(let first, let operations):
            visit(first)
            for operation in operations { visit(operation.operand) }
        default:
            break
        }
    }
    func visit(_ statement: Statement) {
        switch statement.kind {
        case .assignment(_, _, let value): visit(value)
        case .expression(let expression): visit(expression)
        case .loop(let loop):
            visit(loop.sequence)
            for inner in loop.body { visit(inner) }
        }
    }
    for item in program.items {
        guard case .statement(let statement) = item else { continue }
        visit(statement)
    }
    return names
}
