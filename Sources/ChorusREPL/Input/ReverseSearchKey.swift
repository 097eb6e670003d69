import CEditLine
import Foundation

/// Ctrl-R in the line editor: a readable reverse history search (``HistorySearch``) in place of
/// libedit's own, whose terse `bck:` prompt shows only the line found.
///
/// libedit calls ``run()`` when Ctrl-R is pressed, inside `readline`, with the terminal already in
/// its editing mode (no echo, a key at a time, Ctrl-C still a signal). The search draws over the
/// prompt and the line being edited, reads keys until the search ends, clears its lines, and has
/// libedit redraw the prompt with the line found (or the line as it was). Keys: text narrows the search, Backspace widens it, Ctrl-R finds an older match; Enter runs
/// the match; Esc, an arrow or another control key keeps it to edit; Ctrl-G goes back to the line as
/// it was; Ctrl-C drops the line, as at the prompt.
enum ReverseSearchKey {
    /// Ctrl-R.
    static let key: Int32 = 0x12

    /// Binds Ctrl-R to the search. Call after `rl_initialize`.
    static func install() {
        _ = rl_add_defun("chorus-reverse-search", { _, _ in ReverseSearchKey.run() }, key)
    }

    /// How a search ended.
    enum Ending: Equatable {
        /// Enter: run the match.
        case run
        /// A key that keeps the match in the line to edit.
        case edit
        /// Ctrl-G, or the end of input: the line as it was before Ctrl-R.
        case cancel
        /// Ctrl-C: drop the line.
        case interrupt
    }

    /// The search, from the Ctrl-R that starts it to the key that ends it.
    private static func run() -> Int32 {
        let typed = chorus_rl_line_buffer().map { String(cString: $0) } ?? ""
        let point = Int(chorus_rl_point())
        let prompt = chorus_rl_prompt().map { String(cString: $0) } ?? ""
        let width = TerminalCapabilities.width(ofTerminal: 1) ?? 80
        let promptWidth = visibleWidth(prompt)
        // libedit counts the cursor in bytes.
        let before = String(decoding: typed.utf8.prefix(point), as: UTF8.self)
        // How many rows below the prompt's first one libedit's cursor is: the search starts there.
        let cursorRow = position(after: before, startingAt: promptWidth, width: width).row
        var screen = SearchLines(width: width)
        FileDescriptorWriter.write("\r" + up(cursorRow), to: 1)
        var search = HistorySearch(entries: historyEntries())
        let ending = readKeys(&search, drawingOn: &screen)
        // Back where the prompt started, on a cleared screen: libedit's full redraw starts there.
        FileDescriptorWriter.write(screen.erasing, to: 1)
        // The line being edited is untouched until here: a cancelled search leaves it as it was.
        if ending == .run || ending == .edit, let match = search.match { rl_replace_line(match, 0) }
        rl_forced_update_display()
        // Keys pushed here are read before any typed: Enter runs the line as if typed; Ctrl-E puts
        // the cursor at its end (libedit leaves it at the start of a replaced line).
        switch ending {
        case .run: _ = rl_insert(1, 0x0A)
        case .edit: _ = rl_insert(1, 0x05)
        case .interrupt: chorus_rl_set_done(1)  // readline returns nothing; the interrupt flag says why
        case .cancel: break
        }
        return 0
    }

    /// Reads and applies keys until one ends the search.
    ///
    /// A key at a time, so that what is typed after the key that ends the search stays for libedit.
    private static func readKeys(_ search: inout HistorySearch, drawingOn screen: inout SearchLines) -> Ending {
        FileDescriptorWriter.write(screen.drawing(search.display), to: 1)
        while true {
            let key = TerminalKey.next(from: 0)
            guard key != TerminalKey.none, let scalar = Unicode.Scalar(UInt32(key)) else {
                return InterruptMonitor.isTerminating || InterruptMonitor.isInterruptPending ? .interrupt : .cancel
            }
            switch key {
            case 0x0D, 0x0A: return .run
            case 0x07: return .cancel
            case 0x03: return .interrupt
            case 0x12: search.older()
            case 0x7F, 0x08: search.deleteBackward()
            case 0x1B:
                skipEscapeSequence()
                return .edit
            case 0x00..<0x20: return .edit
            default: search.type(String(Character(scalar)))
            }
            FileDescriptorWriter.write(screen.drawing(search.display), to: 1)
        }
    }

    /// Drops the rest of an escape sequence (an arrow key's `[A`) when it is already there: the
    /// terminal sends a key's sequence at once, and Esc alone has none.
    private static func skipEscapeSequence() {
        var ready = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
        guard poll(&ready, 1, 0) == 1, let introducer = TerminalKey.nextByte(from: 0) else { return }
        guard introducer == UInt8(ascii: "[") || introducer == UInt8(ascii: "O") else { return }
        while poll(&ready, 1, 0) == 1, let byte = TerminalKey.nextByte(from: 0) {
            if (0x40...0x7E).contains(byte) { return }
        }
    }

    /// The history, oldest first.
    private static func historyEntries() -> [String] {
        (0..<Int(chorus_history_length())).compactMap { offset in
            chorus_history_line(Int32(offset)).map { String(cString: $0) }
        }
    }

    /// The columns `text` takes on screen: libedit's invisible stretches (between `\u{1}` and
    /// `\u{2}`, or two `\u{1}`) take none.
    static func visibleWidth(_ text: String) -> Int {
        var width = 0
        var hidden = false
        for scalar in text.unicodeScalars {
            if scalar == "\u{1}" || scalar == "\u{2}" {
                hidden.toggle()
            } else if !hidden {
                width += 1
            }
        }
        return width
    }

    /// Where the cursor ends after `text` is written from `column` of a terminal `width` wide, as
    /// libedit lays it out: a line break in the text starts a row, and a full row wraps.
    static func position(after text: String, startingAt column: Int, width: Int) -> (row: Int, column: Int) {
        var row = 0
        var column = column
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for line in lines.dropLast() {
            row += (column + line.unicodeScalars.count) / width + 1
            column = 0
        }
        let last = lines.last ?? ""
        let end = column + last.unicodeScalars.count
        return (row + end / width, end % width)
    }

    static func up(_ rows: Int) -> String { rows > 0 ? "\u{1B}[\(rows)A" : "" }
}

/// The lines the search shows, redrawn in place: what to write to replace them, and to clear them.
struct SearchLines {
    /// The terminal's width in columns.
    let width: Int
    /// The rows between the first line drawn and the cursor.
    private var cursorRow = 0

    /// Lines on a terminal `width` columns wide, with nothing drawn yet.
    init(width: Int) {
        self.width = width
    }

    /// What clears the lines drawn, leaving the cursor where they started.
    var erasing: String { "\r" + ReverseSearchKey.up(cursorRow) + "\u{1B}[J" }

    /// What replaces the lines drawn with `text`.
    mutating func drawing(_ text: String) -> String {
        let cleared = erasing
        let end = ReverseSearchKey.position(after: text, startingAt: 0, width: width)
        cursorRow = end.row
        // A line that fills the last column leaves the terminal's cursor there until the next
        // character: a space and a carriage return put it at the start of the next row, as counted.
        let wrap = end.column == 0 && !text.hasSuffix("\n") && !text.isEmpty ? " \r" : ""
        return cleared + text.replacingOccurrences(of: "\n", with: "\r\n") + wrap
    }
}
