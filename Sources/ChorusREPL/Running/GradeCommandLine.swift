import ChorusEngine
import Foundation

/// `chorus grade --pairs FILE [--reward PRESET] [--format FORMAT]`: grades JSONL pairs to standard
/// output, one row per input row; with `--reward`, scores them as the RL trainers' reward does.
enum GradeCommandLine {
    static func main(arguments: [String]) -> Int32 {
        var options: [String: String] = [:]
        var rest = arguments[...]
        while let flag = rest.first {
            guard ["--pairs", "--reward", "--format"].contains(flag), rest.count >= 2, options[flag] == nil else {
                return ChorusCommandLine.usageError(
                    "`chorus grade` takes `--pairs FILE`, and optionally `--reward paper|shaped` and `--format answer_tag|boxed`")
            }
            options[flag] = rest[rest.startIndex + 1]
            rest = rest.dropFirst(2)
        }
        guard let path = options["--pairs"] else {
            return ChorusCommandLine.usageError("`chorus grade` takes `--pairs FILE`")
        }
        var grading = PairGrading()
        if let presetName = options["--reward"] {
            guard let preset = RewardFunction.Preset.named(presetName) else {
                let names = RewardFunction.Preset.all.map(\.name).joined(separator: ", ")
                return ChorusCommandLine.usageError("unknown reward preset `\(presetName)` (presets: \(names))")
            }
            let formatName = options["--format"] ?? RewardFunction.AnswerFormat.answerTag.rawValue
            guard let format = RewardFunction.AnswerFormat(rawValue: formatName) else {
                return ChorusCommandLine.usageError("unknown answer format `\(formatName)` (formats: answer_tag, boxed)")
            }
            grading = PairGrading(reward: RewardFunction(preset: preset, format: format))
        } else if options["--format"] != nil {
            return ChorusCommandLine.usageError("`--format` goes with `--reward`")
        }
        let data: Data
        if path == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            guard let contents = FileManager.default.contents(atPath: path) else {
                FileHandle.standardError.write(Data("chorus: cannot read \(path)\n".utf8))
                return ExitStatus.noInput
            }
            data = contents
        }
        var output = ""
        output.reserveCapacity(1 << 20)
        let bytes = [UInt8](data)
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            var last = end
            while last > start, bytes[last - 1] == 0x0D || bytes[last - 1] == 0x20 || bytes[last - 1] == 0x09 { last -= 1 }
            var first = start
            while first < last, bytes[first] == 0x20 || bytes[first] == 0x09 { first += 1 }
            start = end + 1
            if first == last { continue }  // blank lines are not rows
            output += grading.gradeLine(bytes: Array(bytes[first..<last]))
            output += "\n"
            if output.utf8.count >= 1 << 20 {
                FileDescriptorWriter.write(output, to: 1)
                output.removeAll(keepingCapacity: true)
            }
        }
        FileDescriptorWriter.write(output, to: 1)
        return ExitStatus.success
    }
}
