import ChorusScript
import Foundation

/// The REPL's `:mode` and `:output`: how tables print on the terminal, and a file that gets a copy
/// of the results. Neither is a statement: they change the front end, not the session, so a saved
/// script never holds them and a notebook or the kernel renders tables its own way.
struct TerminalSettings {
    /// Where messages go.
    let output: any OutputSink
    /// The sink whose settings change; nil where there is none (a test's loop), which says so.
    let terminal: StandardOutput?

    /// `:mode` shows the mode; `:mode WORD` sets it.
    func setMode(_ argument: String) -> Session.Report {
        guard let terminal else { return refuse("`:mode` needs a terminal front end") }
        let word = argument.trimmingCharacters(in: .whitespaces)
        if word.isEmpty {
            output.write("mode \(terminal.tableMode.rawValue)\n")
            return Session.Report()
        }
        guard let mode = TableMode(rawValue: word) else {
            let modes = TableMode.allCases.map { "`\($0.rawValue)`" }.joined(separator: ", ")
            return refuse("`\(word)` is not a table mode", hint: "modes: \(modes); for example `:mode markdown`")
        }
        terminal.tableMode = mode
        output.writeError("tables print as \(mode.rawValue)\n")
        return Session.Report()
    }

    /// `:output` shows where results are copied; `:output "FILE"` copies them there too (appending);
    /// `:output off` stops.
    func setCopy(_ argument: String) -> Session.Report {
        guard let terminal else { return refuse("`:output` needs a terminal front end") }
        let path = Self.path(in: argument)
        switch path {
        case "":
            output.write(terminal.copyPath.map { "output copied to \($0)\n" } ?? "output goes to the terminal only\n")
        case "off":
            let previous = terminal.copyPath
            try? terminal.copyResults(to: nil)
            output.writeError(previous.map { "stopped copying output to \($0)\n" } ?? "output was not being copied\n")
        default:
            do {
                try terminal.copyResults(to: path)
            } catch {
                return refuse("cannot write \(path)", hint: "give a file in a folder that exists and can be written")
            }
            output.writeError("output also goes to \(path) (`:output off` stops)\n")
        }
        return Session.Report()
    }

    /// The file named by `:output`'s argument: a string literal, or the bare text.
    static func path(in argument: String) -> String {
        let tokens = Lexer.tokenize(SourceFile(name: "<input>", text: argument)).tokens
        if tokens.count == 2, case .string(let text) = tokens[0].kind { return text }
        return argument
    }

    private func refuse(_ message: String, hint: String? = nil) -> Session.Report {
        output.diagnostic(Diagnostic(.error, message, hint: hint))
        var report = Session.Report()
        report.failed = 1
        return report
    }
}
