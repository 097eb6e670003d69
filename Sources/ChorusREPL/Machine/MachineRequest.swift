import ChorusEngine

/// One request of the machine-readable mode (`chorus --jsonl`), read from one JSON line.
///
/// Every request is an object with an `id` (any JSON value; replies carry it back as it was) and a
/// `type`: `execute` with `code`; `complete` and `inspect` with `code` and `cursor` (the offset in
/// `code`, in Unicode code points, as Jupyter counts); `shutdown`. The protocol is described in
/// docs/decisions.md.
public struct MachineRequest: Sendable, Equatable {
    /// What the request asks for.
    public enum Kind: Sendable, Equatable {
        /// Run the code (one statement or several) in the session.
        case execute(code: String)
        /// Candidates for the word before `cursor`.
        case complete(code: String, cursor: Int)
        /// Help for the word at `cursor`.
        case inspect(code: String, cursor: Int)
        /// End the session.
        case shutdown
    }

    /// The request's id, echoed in every reply to it.
    public var id: JSONValue
    /// What it asks for.
    public var kind: Kind

    /// Creates a request.
    public init(id: JSONValue, kind: Kind) {
        self.id = id
        self.kind = kind
    }

    /// Reads a request from one line; a line that is not a valid request gives an error that says
    /// why, with the id when one could be read (so the error reply reaches its sender).
    public static func parse(_ line: String) -> Result<MachineRequest, MachineRequestError> {
        let value: JSONValue
        do {
            value = try JSONValue(parsing: line)
        } catch {
            return .failure(MachineRequestError(id: .null, message: "the request is not JSON: \(error.message)"))
        }
        guard case .object(let fields) = value else {
            return .failure(MachineRequestError(id: .null, message: "a request is a JSON object"))
        }
        guard let id = fields["id"] else {
            return .failure(MachineRequestError(id: .null, message: "the request has no `id`"))
        }
        func failure(_ message: String) -> Result<MachineRequest, MachineRequestError> {
            .failure(MachineRequestError(id: id, message: message))
        }
        guard case .string(let type)? = fields["type"] else {
            return failure("the request needs a `type` string: execute, complete, inspect or shutdown")
        }
        if type == "shutdown" { return .success(MachineRequest(id: id, kind: .shutdown)) }
        guard ["execute", "complete", "inspect"].contains(type) else {
            return failure("unknown request type `\(type)` (expected execute, complete, inspect or shutdown)")
        }
        guard case .string(let code)? = fields["code"] else {
            return failure("a `\(type)` request needs a `code` string")
        }
        if type == "execute" { return .success(MachineRequest(id: id, kind: .execute(code: code))) }
        let length = code.unicodeScalars.count
        guard case .number(let literal)? = fields["cursor"], let cursor = Int(literal), (0...length).contains(cursor)
        else {
            return failure(
                "a `\(type)` request needs a `cursor`: a whole number from 0 to \(length), the length of `code`")
        }
        return .success(
            MachineRequest(
                id: id,
                kind: type == "complete" ? .complete(code: code, cursor: cursor) : .inspect(code: code, cursor: cursor)
            ))
    }
}

/// Why a line is not a valid request, and the id of the request when it had one.
public struct MachineRequestError: Error, Sendable, Equatable {
    /// The request's id, or null when none could be read.
    public var id: JSONValue
    /// What is wrong, in a sentence.
    public var message: String
}
