import ChorusEngine

/// The text `help` shows: the grouped overview, one command's page, and the syntax summary.
public enum HelpText {
    /// Every command grouped by purpose, one line each.
    public static func overview(_ registry: CommandRegistry) -> String {
        var text = ""
        let width = registry.names.map(\.count).max() ?? 0
        for group in CommandGroup.allCases {
            let commands = registry.commands.filter { $0.signature.group == group }
            guard !commands.isEmpty else { continue }
            text += group.title + "\n"
            for command in commands {
                let name = command.signature.name
                text +=
                    "  " + name + String(repeating: " ", count: width - name.count + 2) + command.signature.summary
                    + "\n"
            }
            text += "\n"
        }
        text += "`help NAME` (or `?NAME` in the REPL) explains a command; `help syntax` shows the language.\n"
        return text
    }

    /// One command's usage, parameters and examples.
    public static func detail(_ signature: CommandSignature) -> String {
        var text = "\(signature.usage)\n\n\(signature.summary)\n\n\(signature.discussion)\n"
        if !signature.parameters.isEmpty {
            text += "\nParameters:\n"
            let rows = signature.parameters.map { parameter -> [String] in
                let form = parameter.isPositional ? parameter.name.uppercased() : parameter.name + ":"
                let defaultText: String
                if parameter.isVariadic {
                    defaultText = "any number"
                } else if let value = parameter.defaultValue {
                    defaultText = value.isNone ? "optional" : "default \(value.literal)"
                } else {
                    defaultText = "required"
                }
                return ["  " + form, parameter.type.displayName, defaultText, parameter.summary]
            }
            text += TextTable(header: [], rows: rows).renderedRows
        }
        if let variants = signature.variants {
            // What every sub-command takes is said once; each line then lists what is its own.
            let lists = variants.variants.map { Set($0.parameters) }
            let shared = lists.dropFirst().reduce(lists.first ?? []) { $0.intersection($1) }
            var rows = variants.variants.map { variant in
                [
                    "  \(signature.name) \(variant.word)",
                    variant.parameters.filter { !shared.contains($0) }.joined(separator: ", "),
                ]
            }
            let sharedNames = signature.parameters.map(\.name).filter(shared.contains)
            if !sharedNames.isEmpty { rows.append(["  all of them", sharedNames.joined(separator: ", ")]) }
            text +=
                "\nSub-commands (each takes only its own parameters):\n"
                + TextTable(header: [], rows: rows).renderedRows
        }
        text += "\nExample\(signature.examples.count == 1 ? "" : "s"):\n"
        for example in signature.examples {
            text += example.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n") + "\n"
        }
        return text
    }

    /// `text` with every line longer than `width` broken at spaces (unchanged when `width` is nil,
    /// for a pipe). A continued line starts under the text it continues: under a table's last column
    /// (the text after the last run of two or more spaces), else under the line's own indent.
    public static func wrap(_ text: String, width: Int?) -> String {
        guard let width, width >= 20 else { return text }
        var lines: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            guard line.count > width else {
                lines.append(String(line))
                continue
            }
            let characters = Array(line)
            let leading = characters.prefix { $0 == " " }.count
            var hanging = leading
            var index = leading
            while index + 1 < characters.count {
                if characters[index] == " ", characters[index + 1] == " " {
                    var end = index
                    while end < characters.count, characters[end] == " " { end += 1 }
                    if end < characters.count { hanging = end }
                    index = end
                } else {
                    index += 1
                }
            }
            // The text before the last column stays whole on the first line.
            var current = String(characters[..<hanging])
            // A last column that starts past half the width leaves too little room: indent less.
            let indent = hanging > width / 2 ? min(leading + 4, width / 2) : hanging
            var hasWord = false
            for word in characters[hanging...].split(separator: " ") {
                let separator = hasWord ? " " : ""
                if current.contains(where: { $0 != " " }), current.count + separator.count + word.count > width {
                    lines.append(current)
                    current = String(repeating: " ", count: indent) + String(word)
                } else {
                    current += separator + String(word)
                }
                hasWord = true
            }
            lines.append(current)
        }
        return lines.joined(separator: "\n")
    }

    /// A short summary of the language.
    public static let syntax = """
        Chorus scripts: one statement per line (or separated by `;`).

          x = 3                        assign a variable
          print x "is" 3               a command with positional arguments
          help print                   a bare word names a command or a choice
          n = 1_000                    numbers: 8, 0.7, 1e-3, 1_000
          s = "line\\n"                 strings: "…" with escapes
          r = '\\frac{1}{2}'            '…' keeps backslashes (LaTeX); \"\"\"…\"\"\" spans lines
          xs = [1, 2, 3]               lists, indexed from 0: xs[0], xs[-1], xs.count
          cfg = {k: 5, name: "maj"}    records: cfg.k, cfg["name"]
          t = s[0][1].text             a set's problem 0, its sample 1 (also data[0], v["id"])
          y = x * 2 + 1                arithmetic: + - * / and ( )
          print (vars)                 a command inside an expression goes in ( )
          _                            the last result
          _3                           result number 3 (the 3 in chorus[3]>)
          # comment                    to the end of the line
          for k in [1, 2]; k; end      a loop (a sweep): its body runs once per value

        A statement continues on the next line inside ( [ { or after a trailing `\\`,
        and a loop's body up to its `end` (`help for`).
        Named arguments are written `name: value`. See docs/language.md.
        At the REPL's prompt, Tab completes, Up recalls a whole statement, and Ctrl-R
        searches the history: type part of a statement, Ctrl-R again for an older one,
        Enter to run it, Esc to edit it, Ctrl-G to go back.

        """
}
