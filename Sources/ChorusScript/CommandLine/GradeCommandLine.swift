import ChorusEngine
import Foundation

/// `chorus grade`: grades JSONL pairs to standard output, one row per input row (`--pairs FILE`),
/// or answers rows one by one as they arrive on standard input for as long as it stays open
/// (`--serve`, the long-lived grader behind the trainers' `chorus_reward.py`).
public enum GradeCommandLine {
    /// The usage lines for `chorus grade`.
    public static let usage = """
        usage: chorus grade --pairs FILE [--reward paper|shaped] [--format answer_tag|boxed] [--truncated separate|grade]
               chorus grade --serve [--reward paper|shaped] [--format answer_tag|boxed] [--truncated separate|grade]
          --pairs FILE   grade JSONL rows {"id", "gold", "response", "finish_reason"?} ("-" reads stdin)
          --serve        read rows from stdin and answer each batch at once, until stdin closes
          --reward P     score rows as the trainers' reward does (a row may also name "reward" and "format")
          --truncated    a cut-off response: `separate` (the default: its own bucket) or `grade` (as usual)

        """

    private static let success: Int32 = 0
    private static let usageStatus: Int32 = 64  // EX_USAGE
    private static let noInput: Int32 = 66  // EX_NOINPUT

    /// Runs `chorus grade` with the arguments after `grade`; returns the exit status.
    public static func main(arguments: [String]) -> Int32 {
        var options: [String: String] = [:]
        var serves = false
        var rest = arguments[...]
        while let flag = rest.first {
            if flag == "--serve", !serves {
                serves = true
                rest = rest.dropFirst()
                continue
            }
            guard ["--pairs", "--reward", "--format", "--truncated"].contains(flag), rest.count >= 2,
                options[flag] == nil
            else {
                return usageError("`chorus grade` does not take `\(flag)` here")
            }
            options[flag] = rest[rest.startIndex + 1]
            rest = rest.dropFirst(2)
        }
        guard serves != (options["--pairs"] != nil) else {
            return usageError("`chorus grade` takes either `--pairs FILE` or `--serve`")
        }
        let truncationName = options["--truncated"] ?? TruncationPolicy.separate.rawValue
        guard let truncation = TruncationPolicy.named(truncationName) else {
            return usageError("unknown truncation policy `\(truncationName)` (separate, grade)")
        }
        var grading = PairGrading(truncation: truncation)
        if let presetName = options["--reward"] {
            guard let preset = RewardFunction.Preset.named(presetName) else {
                let names = RewardFunction.Preset.all.map(\.name).joined(separator: ", ")
                return usageError("unknown reward preset `\(presetName)` (presets: \(names))")
            }
            let formatName = options["--format"] ?? RewardFunction.AnswerFormat.answerTag.rawValue
            guard let format = RewardFunction.AnswerFormat(rawValue: formatName) else {
                return usageError("unknown answer format `\(formatName)` (formats: answer_tag, boxed)")
            }
            grading = PairGrading(reward: RewardFunction(preset: preset, format: format, truncation: truncation))
        } else if options["--format"] != nil {
            return usageError("`--format` goes with `--reward`")
        }
        if serves { return serve(grading) }
        let path = options["--pairs"]!
        let data: Data
        if path == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            guard let contents = FileManager.default.contents(atPath: path) else {
                FileHandle.standardError.write(Data("chorus: cannot read \(path)\n".utf8))
                return noInput
            }
            data = contents
        }
        var output = ""
        output.reserveCapacity(1 << 20)
        let bytes = [UInt8](data)
        gradeLines(bytes, upTo: bytes.count, with: grading, into: &output, flushingAt: 1 << 20)
        write(output)
        return success
    }

    /// Answers rows as they arrive: every complete line read so far is graded and written (one
    /// write per read, so a batch sent at once comes back at once), and a last line without a
    /// newline is graded when standard input closes.
    static func serve(_ grading: PairGrading) -> Int32 {
        var pending: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var output = ""
        while true {
            let count = chunk.withUnsafeMutableBytes { read(0, $0.baseAddress!, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return noInput
            }
            if count == 0 {
                gradeLines(pending, upTo: pending.count, with: grading, into: &output, flushingAt: 1 << 20)
                write(output)
                return success
            }
            let scanFrom = pending.count
            pending.append(contentsOf: chunk[0..<count])
            // Only lines ended by a newline are complete; the rest waits for the next read.
            guard let lastNewline = pending[scanFrom...].lastIndex(of: 0x0A) else { continue }
            gradeLines(pending, upTo: lastNewline + 1, with: grading, into: &output, flushingAt: 1 << 20)
            pending.removeSubrange(0...lastNewline)
            write(output)
            output.removeAll(keepingCapacity: true)
        }
    }

    /// Grades every non-blank line of `bytes[0..<end]` into `output`, writing it out whenever it
    /// grows past `limit` bytes.
    private static func gradeLines(
        _ bytes: [UInt8], upTo end: Int, with grading: PairGrading, into output: inout String, flushingAt limit: Int
    ) {
        var start = 0
        while start < end {
            var lineEnd = start
            while lineEnd < end, bytes[lineEnd] != 0x0A { lineEnd += 1 }
            var last = lineEnd
            while last > start, bytes[last - 1] == 0x0D || bytes[last - 1] == 0x20 || bytes[last - 1] == 0x09 {
                last -= 1
            }
            var first = start
            while first < last, bytes[first] == 0x20 || bytes[first] == 0x09 { first += 1 }
            start = lineEnd + 1
            if first == last { continue }  // blank lines are not rows
            output += grading.gradeLine(bytes: Array(bytes[first..<last]))
            output += "\n"
            if output.utf8.count >= limit {
                write(output)
                output.removeAll(keepingCapacity: true)
            }
        }
    }

    private static func usageError(_ message: String) -> Int32 {
        FileHandle.standardError.write(Data("chorus: \(message)\n\n\(usage)".utf8))
        return usageStatus
    }

    /// Writes all of `text` to standard output, unbuffered.
    private static func write(_ text: String) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { buffer in
                Foundation.write(1, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                return
            }
            offset += written
        }
    }
}
