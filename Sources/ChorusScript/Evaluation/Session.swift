import ChorusEngine
import Foundation

/// The state of one Chorus session: variables, numbered results, the transcript, and settings.
///
/// A REPL, a script run and a pipe each drive one session. Statements run one
/// at a time; a failed statement changes nothing and the session goes on.
public actor Session {
    /// How a batch of statements is run.
    public struct Options: Sendable {
        /// Stop at the first failed statement (`--bail`).
        public var stopsAtFirstError: Bool
        /// Print each statement, behind its prompt, before running it (`--echo`).
        public var echoesStatements: Bool
        /// Keep a cell for session commands too (`help`, `vars`, …), as a notebook of a script shows them.
        public var keepsSessionCommands: Bool

        /// Creates options.
        public init(stopsAtFirstError: Bool = false, echoesStatements: Bool = false, keepsSessionCommands: Bool = false)
        {
            self.stopsAtFirstError = stopsAtFirstError
            self.echoesStatements = echoesStatements
            self.keepsSessionCommands = keepsSessionCommands
        }
    }

    /// What running a source did.
    public struct Report: Sendable, Equatable {
        /// Statements that ran to completion.
        public var succeeded = 0
        /// Statements that failed (parse or runtime errors).
        public var failed = 0
        /// Failures inside Chorus itself.
        public var internalErrors = 0
        /// Whether Ctrl-C stopped the work.
        public var wasInterrupted = false

        /// Creates an empty report.
        public init() {}

        /// Adds another run's counts to this one.
        public mutating func add(_ other: Report) {
            succeeded += other.succeeded
            failed += other.failed
            internalErrors += other.internalErrors
            wasInterrupted = wasInterrupted || other.wasInterrupted
        }
    }

    /// One successful statement kept for `save`.
    public struct TranscriptEntry: Sendable, Equatable {
        /// The statement's text as written.
        public let text: String
        /// The result number it got.
        public let number: Int
    }

    /// The commands this session knows.
    public nonisolated let registry: CommandRegistry
    /// Where results and diagnostics go: the front end's sink, through the recorder of cells.
    public nonisolated let output: any OutputSink
    /// Keeps the parts each statement shows, for its cell.
    nonisolated let recorder: RecordingOutput
    /// Where statements created files, for the transcript `save` writes.
    nonisolated let createdFiles = CreatedFiles()
    /// The clock used for timing statements.
    public nonisolated let clock: any EngineClock
    /// The environment and the sample store, shared by commands.
    public nonisolated let services: SessionServices

    var variables: [String: Value] = [:]
    var variableOrder: [String] = []
    var results: [Value] = []
    var lastResult: Value?
    var transcriptEntries: [TranscriptEntry] = []
    var cellList: [SessionCell] = []
    var options = Options()
    var scriptStack: [String] = []
    var stopRequested = false
    /// What scripts run by the current statement (`run FILE`) did, merged into the caller's report.
    var nestedReport = Report()
    /// Whether the current interruption was already reported (a nested `run` must not report it twice).
    var interruptReported = false

    /// Whether `timer on` is in effect: each statement reports its wall time.
    public internal(set) var isTimerOn = false
    /// Whether `quit` was called.
    public internal(set) var isQuitRequested = false

    /// Creates a session.
    public init(
        registry: CommandRegistry = .standard, output: any OutputSink, clock: any EngineClock = SystemClock(),
        services: SessionServices = SessionServices(environment: ProcessInfo.processInfo.environment)
    ) {
        self.registry = registry
        let recorder = RecordingOutput(frontEnd: output)
        self.recorder = recorder
        self.output = recorder
        self.clock = clock
        self.services = services
    }

    /// The number the next recorded result will get (the `N` in `chorus[N]>`).
    public var nextResultNumber: Int { results.count + 1 }

    /// The successful statements so far, in order: what `save` writes.
    public var transcript: [TranscriptEntry] { transcriptEntries }

    /// Every statement run so far with what it showed, failed ones included. Session commands
    /// (help, vars, save, run, …) are not cells; the statements of a script that `run` runs are.
    public var cells: [SessionCell] { cellList }

    /// Variables in the order they were first assigned.
    public var variableList: [(name: String, value: Value)] {
        variableOrder.compactMap { name in variables[name].map { (name, $0) } }
    }

    /// The value of a variable.
    public func variable(_ name: String) -> Value? { variables[name] }

    /// Turns the per-statement timer on or off.
    public func setTimer(_ isOn: Bool) { isTimerOn = isOn }

    /// Asks the session to end after the current statement.
    public func requestQuit() { isQuitRequested = true }

    /// Parses and runs every statement of a source in order.
    ///
    /// Diagnostics are written to the output as they happen. With
    /// `recorded: false` (meta-commands such as `:help`) nothing enters the
    /// transcript or the numbered results.
    @discardableResult
    public func execute(_ source: SourceFile, options: Options = Options(), recorded: Bool = true) async -> Report {
        let saved = self.options
        self.options = options
        stopRequested = false
        interruptReported = false
        defer { self.options = saved }
        return await executeNested(source, recorded: recorded)
    }

    /// Runs a source inside the current run (used by `run`), keeping the current options.
    func executeNested(_ source: SourceFile, recorded: Bool = true) async -> Report {
        let program = Parser.parse(source)
        var report = Report()
        // Comment blocks between statements become Markdown cells, in order with the statements.
        var nextLine = source.firstLine
        for item in program.items {
            if stopRequested || isQuitRequested { break }
            if recorded, let range = item.range {
                recordComments(in: source, lines: nextLine..<max(nextLine, range.start.line))
                nextLine = max(nextLine, range.end.line + 1)
            }
            if Task.isCancelled {
                // Ctrl-C before the statement began (the run was cancelled before it was scheduled).
                reportInterrupt()
                report.wasInterrupted = true
                break
            }
            switch item {
            case .failure(let diagnostics):
                let text = diagnostics.first?.range.map { source.lineText($0.start.line) } ?? ""
                if options.echoesStatements, diagnostics.first?.range != nil { echo(text) }
                let isCell = recorded && recorder.open()
                for diagnostic in diagnostics { emit(diagnostic) }
                if isCell { cellList.append(SessionCell(source: text, outcome: .failed, parts: recorder.close())) }
                report.failed += 1
                if options.stopsAtFirstError { stopRequested = true }
            case .statement(let statement):
                if options.echoesStatements { echo(statement.text) }
                let isCell =
                    recorded && (options.keepsSessionCommands || isRecordedCommand(statement)) && recorder.open()
                let resultsBefore = results.count
                let outcome = await run(statement, in: source, recorded: recorded)
                if isCell {
                    cellList.append(
                        SessionCell(
                            source: statement.text, number: results.count > resultsBefore ? results.count : nil,
                            outcome: outcome.cellOutcome, parts: recorder.close()))
                }
                report.add(nestedReport)
                nestedReport = Report()
                switch outcome {
                case .succeeded: report.succeeded += 1
                case .failed: report.failed += 1
                case .internalError: report.internalErrors += 1
                case .interrupted: report.wasInterrupted = true
                }
                if outcome == .interrupted { stopRequested = true }
                if outcome != .succeeded, options.stopsAtFirstError { stopRequested = true }
            }
        }
        if recorded, !stopRequested, !isQuitRequested { recordComments(in: source, lines: nextLine..<source.nextLine) }
        return report
    }

    private func echo(_ text: String) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var echoed = ""
        for (index, line) in lines.enumerated() {
            echoed += (index == 0 ? Prompt.primary(number: nextResultNumber) : Prompt.continuation) + line + "\n"
        }
        output.write(echoed)
    }

    /// Writes a diagnostic through the shared renderer.
    func emit(_ diagnostic: Diagnostic) {
        output.diagnostic(diagnostic)
    }

    /// Records a value under the next result number.
    func record(_ value: Value, text: String) {
        transcriptEntries.append(TranscriptEntry(text: text, number: results.count + 1))
        results.append(value)
        if !value.isNone { lastResult = value }
    }

    /// Assigns a variable.
    func assign(_ name: String, _ value: Value) {
        if variables.updateValue(value, forKey: name) == nil { variableOrder.append(name) }
    }
}
