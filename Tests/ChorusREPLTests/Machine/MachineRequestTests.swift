import ChorusEngine
import Testing

@testable import ChorusREPL

@Suite struct MachineRequestTests {
    func parsed(_ line: String) throws -> MachineRequest {
        try MachineRequest.parse(line).get()
    }

    func error(_ line: String) -> MachineRequestError? {
        guard case .failure(let error) = MachineRequest.parse(line) else { return nil }
        return error
    }

    @Test func eachTypeOfRequest() throws {
        #expect(
            try parsed(#"{"id": 1, "type": "execute", "code": "x = 1\nx"}"#)
                == MachineRequest(id: .number("1"), kind: .execute(code: "x = 1\nx")))
        #expect(
            try parsed(#"{"id": "a", "type": "complete", "code": "sam", "cursor": 3}"#)
                == MachineRequest(id: .string("a"), kind: .complete(code: "sam", cursor: 3)))
        #expect(
            try parsed(#"{"id": 2, "type": "inspect", "code": "help", "cursor": 0}"#)
                == MachineRequest(id: .number("2"), kind: .inspect(code: "help", cursor: 0)))
        #expect(try parsed(#"{"type": "shutdown", "id": null}"#) == MachineRequest(id: .null, kind: .shutdown))
    }

    @Test func theCursorCountsCodePoints() throws {
        // "é" written as e + combining accent is two code points and one Character.
        let code = "print \"e\u{301}\""
        #expect(code.unicodeScalars.count == 10)
        let line = JSONValue.object([
            "id": .integer(1), "type": .string("complete"), "code": .string(code), "cursor": .integer(10),
        ]).jsonText
        #expect(try parsed(line).kind == .complete(code: code, cursor: 10))
        let past = line.replacingOccurrences(of: "\"cursor\":10", with: "\"cursor\":11")
        #expect(error(past)?.message.contains("from 0 to 10") == true)
    }

    @Test func aLineThatIsNotAnObjectHasNoID() {
        #expect(error("sample m data")?.id == .null)
        #expect(error("sample m data")?.message.hasPrefix("the request is not JSON") == true)
        #expect(error("[1, 2]") == MachineRequestError(id: .null, message: "a request is a JSON object"))
        #expect(
            error(#"{"type": "execute", "code": "x"}"#)
                == MachineRequestError(id: .null, message: "the request has no `id`"))
    }

    @Test func errorsKeepTheIDAndSayWhatIsMissing() {
        #expect(
            error(#"{"id": 7}"#)
                == MachineRequestError(
                    id: .number("7"),
                    message: "the request needs a `type` string: execute, complete, inspect or shutdown"))
        #expect(
            error(#"{"id": 7, "type": "run"}"#)?.message
                == "unknown request type `run` (expected execute, complete, inspect or shutdown)")
        #expect(error(#"{"id": 7, "type": "execute"}"#)?.message == "a `execute` request needs a `code` string")
        #expect(error(#"{"id": 7, "type": "execute", "code": 3}"#)?.id == .number("7"))
        #expect(error(#"{"id": 7, "type": "inspect", "code": "x"}"#)?.message.contains("needs a `cursor`") == true)
        #expect(error(#"{"id": 7, "type": "complete", "code": "x", "cursor": 1.5}"#) != nil)
        #expect(error(#"{"id": 7, "type": "complete", "code": "x", "cursor": -1}"#) != nil)
    }
}
