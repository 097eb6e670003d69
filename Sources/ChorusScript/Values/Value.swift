/// A value a script computes: what variables hold and commands take and return.
public enum Value: Sendable {
    case none
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case list([Value])
    case record(Record)
    /// A value made by the engine (a dataset, a model, a sample set …).
    case object(any ScriptObject)

    /// The names `.name` reads on this value: a record's keys, an object's fields, `count` of a list
    /// or a string (what completion offers after `s.`).
    public var memberNames: [String] {
        switch self {
        case .record(let record): record.keys
        case .object(let object): object.memberNames
        case .list, .string: ["count"]
        default: []
        }
    }

    /// The type's name as users read it in `vars`, help and errors.
    public var typeName: String {
        switch self {
        case .none: "none"
        case .bool: "bool"
        case .int: "int"
        case .double: "number"
        case .string: "string"
        case .list: "list"
        case .record: "record"
        case .object(let object): object.typeName
        }
    }

    /// Whether this is `none`.
    public var isNone: Bool {
        if case .none = self { return true }
        return false
    }

    /// How many lists and records deep the value nests (a scalar 0, `[1]` 1, `[[1]]` 2), counted
    /// without recursion and no further than `limit`.
    public func nestingDepth(upTo limit: Int) -> Int {
        var deepest = 0
        var pending: [(value: Value, depth: Int)] = [(self, 0)]
        while let (value, depth) = pending.popLast() {
            let children: [Value]
            switch value {
            case .list(let items): children = items
            case .record(let record): children = record.fields.map(\.value)
            default: continue
            }
            deepest = max(deepest, depth + 1)
            if deepest >= limit { return limit }
            pending.append(contentsOf: children.map { ($0, depth + 1) })
        }
        return deepest
    }

    /// The numeric value of an int or a number.
    public var numericValue: Double? {
        switch self {
        case .int(let value): Double(value)
        case .double(let value): value
        default: nil
        }
    }
}

/// An engine value a script can hold: it names its type, summarises itself, and may expose fields.
public protocol ScriptObject: Sendable {
    /// The type's name, such as `dataset` or `sample set`.
    var typeName: String { get }
    /// One line for `vars` and lists.
    var summary: String { get }
    /// The full rendering shown when the value is the result of a statement.
    var rendering: String { get }
    /// What a statement whose result is this object shows: by default its rendering as text; a
    /// table as a table part, a plot as a plot part, so every front end renders them its own way.
    var outputParts: [OutputPart] { get }
    /// The value of `object.name`, or nil when there is no such field.
    func member(_ name: String) -> Value?
    /// The field names `member` answers, for completion and errors.
    var memberNames: [String] { get }
    /// Whether two objects are the same value.
    func isEqual(to other: any ScriptObject) -> Bool
}

extension ScriptObject {
    public var rendering: String { summary }
    public var outputParts: [OutputPart] { [.text(rendering + "\n")] }
    public func member(_ name: String) -> Value? { nil }
    public var memberNames: [String] { [] }
}

/// An ordered set of named values: `{k: 5, name: "maj"}`.
public struct Record: Sendable {
    /// The fields in the order they were written.
    public private(set) var fields: [(key: String, value: Value)]

    /// Creates a record from fields in order; a later duplicate key replaces the earlier value.
    public init(_ fields: [(key: String, value: Value)] = []) {
        // A dictionary of positions keeps this linear: a record literal of 20,000 fields is built at once.
        var positions: [String: Int] = [:]
        var kept: [(key: String, value: Value)] = []
        for field in fields {
            if let index = positions[field.key] {
                kept[index].value = field.value
            } else {
                positions[field.key] = kept.count
                kept.append(field)
            }
        }
        self.fields = kept
    }

    /// The field names in order.
    public var keys: [String] { fields.map(\.key) }

    /// The value of a field.
    public subscript(key: String) -> Value? {
        get { fields.first { $0.key == key }?.value }
        set {
            if let index = fields.firstIndex(where: { $0.key == key }) {
                if let newValue { fields[index].value = newValue } else { fields.remove(at: index) }
            } else if let newValue {
                fields.append((key, newValue))
            }
        }
    }
}

extension Value: Equatable {
    public static func == (lhs: Value, rhs: Value) -> Bool {
        switch (lhs, rhs) {
        case (.none, .none): true
        case (.bool(let a), .bool(let b)): a == b
        case (.int(let a), .int(let b)): a == b
        case (.double(let a), .double(let b)): a == b
        case (.int(let a), .double(let b)), (.double(let b), .int(let a)): Double(a) == b
        case (.string(let a), .string(let b)): a == b
        case (.list(let a), .list(let b)): a == b
        case (.record(let a), .record(let b)):
            a.fields.count == b.fields.count
                && zip(a.fields, b.fields).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        case (.object(let a), .object(let b)): a.isEqual(to: b)
        default: false
        }
    }
}
