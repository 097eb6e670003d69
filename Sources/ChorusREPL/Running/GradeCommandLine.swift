import ChorusEngine
import Foundation

/// `chorus grade --pairs FILE`: grades JSONL pairs to standard output, one row per input row.
enum GradeCommandLine {
    static func main(arguments: [String]) -> Int32 {
        guard arguments.count == 2, arguments[0] == "--pairs" else {
            return ChorusCommandLine.usageError("`chorus grade` takes `--pairs FILE`")
        }
        let path = arguments[1]
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
        let grading = PairGrading()
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
