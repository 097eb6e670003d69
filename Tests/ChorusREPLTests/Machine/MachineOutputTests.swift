import ChorusEngine
import ChorusScript
import Synchronization
import Testing

@testable import ChorusREPL

@Suite struct MachineOutputTests {
    final class Lines: Sendable {
        let lines = Mutex<[String]>([])
        func append(_ line: String) { lines.withLock { $0.append(line) } }
        var all: [String] { lines.withLock { $0 } }
    }

    @Test func partsAreTaggedWithTheRunningRequest() throws {
        let lines = Lines()
        let output = MachineOutput(writeLine: lines.append)
        output.requestID = .string("cell-1")
        output.write("42\n")
        output.writeError("sampled 8\n")
        output.progress(nil)
        output.requestID = .null
        output.reply(["id": .integer(3), "type": .string("done")])
        #expect(
            lines.all == [
                #"{"id":"cell-1","part":{"data":{"text/plain":"42\n"},"kind":"text","text":"42\n"},"type":"part"}"#
                    + "\n",
                #"{"id":"cell-1","part":{"data":{"text/plain":"sampled 8\n"},"kind":"status","text":"sampled 8\n"},"type":"part"}"#
                    + "\n",
                #"{"id":"cell-1","part":{"data":{"text/plain":""},"kind":"progress","text":null},"type":"part"}"#
                    + "\n",
                #"{"id":3,"type":"done"}"# + "\n",
            ])
    }

    @Test func partsFromManyTasksStayWholeLines() async throws {
        let lines = Lines()
        let output = MachineOutput(writeLine: lines.append)
        await withTaskGroup(of: Void.self) { group in
            for task in 0..<8 {
                group.addTask {
                    for step in 0..<50 { output.progress("task \(task) step \(step)") }
                }
            }
        }
        #expect(lines.all.count == 400)
        for line in lines.all {
            #expect(line.hasSuffix("}\n"))
            #expect(line.dropLast().contains("\n") == false)
            _ = try JSONValue(parsing: String(line.dropLast()))
        }
    }
}
