import ChorusEngine
import ChorusScript
import Foundation

/// The `chorus` command line: the REPL, `chorus run FILE`, and pipes.
public enum ChorusCommandLine {
    /// The version Chorus reports.
    public static let version = ChorusVersion.current

    static let usage = """
        usage: chorus                      start the REPL (reads a script from a pipe)
               chorus run FILE [--echo] [--bail] [--notebook OUT]
                                           run a script; exit 65 if a statement failed
               chorus grade --pairs FILE [--reward paper|shaped] [--format answer_tag|boxed] [--truncated separate|grade]
                                           grade JSONL rows {"id", "gold", "response"} ("-" reads stdin);
                                           with --reward, score them as the trainers' reward does
               chorus grade --serve [same options]
                                           the same, row by row as they arrive on stdin (for chorus_reward.py)
               chorus --jsonl              serve one session to a program: JSON requests, one a line, on stdin;
                                           JSON replies on stdout (what the Jupyter kernel runs)
               chorus --version | --help

        options:
          --echo   print each statement, behind its prompt, before running it
          --bail   stop at the first failed statement
          --notebook OUT
                   also write the run, with every output, as OUT: a Jupyter notebook (.ipynb),
                   a Markdown report (.md) or a self-contained HTML page (.html)

        """

    /// Runs Chorus with the given arguments (without the program name); returns the exit code.
    public static func main(arguments: [String], environment: [String: String]) -> Int32 {
        if arguments.first == "grade" {
            return GradeCommandLine.main(arguments: Array(arguments.dropFirst()))
        }
        var arguments = arguments
        let notebook: NotebookOutputOption?
        switch NotebookOutputOption.extract(from: &arguments) {
        case .success(let option): notebook = option
        case .failure(let message): return usageError(message.text)
        }
        var positionals: [String] = []
        var servesMachine = false
        var options = Session.Options()
        for argument in arguments {
            switch argument {
            case "--echo": options.echoesStatements = true
            case "--bail": options.stopsAtFirstError = true
            case "--jsonl": servesMachine = true
            case "--help", "-h":
                print(usage, terminator: "")
                return ExitStatus.success
            case "--version":
                print("chorus \(version)")
                return ExitStatus.success
            default:
                if argument.hasPrefix("-"), argument != "-" {
                    return usageError("unknown option \(argument)")
                }
                positionals.append(argument)
            }
        }
        if notebook != nil, positionals.first != "run" || positionals.last == "-" {
            return usageError("--notebook goes with `chorus run FILE`")
        }
        InterruptMonitor.install()
        if servesMachine {
            guard positionals.isEmpty, arguments.count == 1 else {
                return usageError("`--jsonl` takes no other argument")
            }
            return MachineMode.main()
        }
        switch positionals.first {
        case nil:
            return isatty(0) == 1
                ? runInteractive(environment: environment) : runPipe(options: options, environment: environment)
        case "run":
            guard positionals.count == 2 else {
                return usageError(
                    positionals.count < 2 ? "`chorus run` needs a script file" : "`chorus run` takes one file")
            }
            return runFile(positionals[1], options: options, notebook: notebook, environment: environment)
        case let other?:
            return usageError(
                "unknown command `\(other)`"
                    + (other.hasSuffix(".chorus") ? " (did you mean `chorus run \(other)`?)" : ""))
        }
    }

    static func usageError(_ message: String) -> Int32 {
        FileHandle.standardError.write(Data("chorus: \(message)\n\n\(usage)".utf8))
        return ExitStatus.usage
    }

    /// `chorus run FILE`.
    static func runFile(
        _ path: String, options: Session.Options, notebook: NotebookOutputOption? = nil, environment: [String: String]
    ) -> Int32 {
        let text: String
        if path == "-" {
            return runPipe(options: options, environment: environment)
        }
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            FileHandle.standardError.write(Data("chorus: cannot read \(path): \(describe(error, path: path))\n".utf8))
            return ExitStatus.noInput
        }
        let session = Session(output: StandardOutput(environment: environment))
        let source = SourceFile(name: path, text: text)
        var options = options
        options.keepsSessionCommands = notebook != nil
        let report = Blocking.run { [options] in await session.execute(source, options: options) }
        if let notebook {
            let failure = Blocking.run(isInterrupted: nil) { () async -> String? in
                do throws(NotebookWriteError) {
                    try await session.writeNotebook(to: notebook.path, as: notebook.format)
                    return nil
                } catch {
                    return "chorus: \(error.message)\n"
                }
            }
            if let failure {
                Blocking.run(isInterrupted: nil) { await session.services.shutdown() }
                FileHandle.standardError.write(Data(failure.utf8))
                return ExitStatus.cannotCreate
            }
        }
        Blocking.run(isInterrupted: nil) { await session.services.shutdown() }
        return ExitStatus.code(for: report)
    }

    /// Statements from standard input, without prompts: `chorus < FILE`.
    static func runPipe(options: Session.Options, environment: [String: String]) -> Int32 {
        let session = Session(output: StandardOutput(environment: environment))
        var loop = InputLoop(reader: PlainLineReader(), session: session, isInteractive: false, options: options)
        let report = loop.run()
        Blocking.run(isInterrupted: nil) { await session.services.shutdown() }
        return ExitStatus.code(for: report)
    }

    /// The interactive REPL on a terminal.
    static func runInteractive(environment: [String: String]) -> Int32 {
        let output = StandardOutput(environment: environment)
        let session = Session(output: output)
        let completer = Completer(
            registry: session.registry, metaCommands: InputLoop<EditLineReader>.metaCommands,
            metaWords: InputLoop<EditLineReader>.metaWords, environment: environment)
        let reader = EditLineReader(historyPath: HistoryFile.path(environment: environment), completer: completer)
        output.write("Chorus \(version): type `help` for commands, `?NAME` for one, Ctrl-D to quit.\n")
        var loop = InputLoop(
            reader: reader, session: session, isInteractive: true, completer: completer, usesColour: output.usesColour,
            terminal: output)
        let report = loop.run()
        Blocking.run(isInterrupted: nil) { await session.services.shutdown() }
        return report.internalErrors > 0 ? ExitStatus.internalError : ExitStatus.success
    }

    private static func describe(_ error: Error, path: String) -> String {
        var isDirectory: ObjCBool = false
        if !FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) { return "no such file" }
        if isDirectory.boolValue { return "it is a folder" }
        return "not readable UTF-8 text"
    }
}
