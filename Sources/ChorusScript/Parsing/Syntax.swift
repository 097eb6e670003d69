/// An expression as written, with the span it covers.
public struct Expression: Sendable, Equatable {
    /// A binary operator.
    public enum BinaryOperator: String, Sendable, Equatable {
        case add = "+"
        case subtract = "-"
        case multiply = "*"
        case divide = "/"
    }

    /// A unary operator.
    public enum UnaryOperator: String, Sendable, Equatable {
        case negate = "-"
        case plus = "+"
    }

    /// What the expression is.
    public indirect enum Kind: Sendable, Equatable {
        case integer(Int)
        case number(Double)
        case string(String)
        case bool(Bool)
        case none
        /// A name: a variable, or a command used with no arguments.
        case name(String)
        /// `_` (nil) or `_N`.
        case resultReference(Int?)
        case list([Expression])
        case record([RecordField])
        case member(Expression, name: String, nameRange: SourceRange)
        case index(Expression, Expression)
        case unary(UnaryOperator, Expression)
        /// `first op operand op operand …` at one precedence level, applied left to right.
        ///
        /// Kept flat (not a left-leaning tree of pairs) so that a sum of 90,000 terms is one level deep:
        /// building, evaluating, comparing and freeing it never recurses per term.
        case chain(Expression, [Operation])
        case call(Call)
    }

    /// One `op operand` step of a ``Kind/chain(_:_:)``.
    public struct Operation: Sendable, Equatable {
        /// The operator before the operand.
        public var op: BinaryOperator
        /// The operand.
        public var operand: Expression

        /// Creates a step.
        public init(_ op: BinaryOperator, _ operand: Expression) {
            self.op = op
            self.operand = operand
        }
    }

    /// What the expression is.
    public var kind: Kind
    /// The span it covers.
    public var range: SourceRange

    /// Creates an expression.
    public init(_ kind: Kind, range: SourceRange) {
        self.kind = kind
        self.range = range
    }
}

/// One `key: value` entry of a record literal.
public struct RecordField: Sendable, Equatable {
    /// The key.
    public var key: String
    /// Where the key is written.
    public var keyRange: SourceRange
    /// The value.
    public var value: Expression
}

/// A command with its arguments: `sample gen data n: 8`.
public struct Call: Sendable, Equatable {
    /// The command's name.
    public var name: String
    /// Where the name is written.
    public var nameRange: SourceRange
    /// The arguments, in the order written.
    public var arguments: [Argument]

    /// Creates a call.
    public init(name: String, nameRange: SourceRange, arguments: [Argument]) {
        self.name = name
        self.nameRange = nameRange
        self.arguments = arguments
    }
}

/// One argument of a call: positional (`data`) or named (`n: 8`).
public struct Argument: Sendable, Equatable {
    /// The name before the colon, for a named argument.
    public var label: String?
    /// Where the label is written.
    public var labelRange: SourceRange?
    /// The argument's expression.
    public var value: Expression

    /// Creates an argument.
    public init(label: String? = nil, labelRange: SourceRange? = nil, value: Expression) {
        self.label = label
        self.labelRange = labelRange
        self.value = value
    }

    /// The span of the whole argument, label included.
    public var range: SourceRange { labelRange.map { $0.union(value.range) } ?? value.range }
}

/// One statement: an assignment or an expression.
public struct Statement: Sendable, Equatable {
    /// What the statement does.
    public enum Kind: Sendable, Equatable {
        /// `name = expression`.
        case assignment(name: String, nameRange: SourceRange, value: Expression)
        /// An expression (often a command call) whose value is shown.
        case expression(Expression)
        /// `for NAME in list … end`, optionally assigned: `name = for …`.
        case loop(Loop)
    }

    /// What the statement does.
    public var kind: Kind
    /// The span it covers.
    public var range: SourceRange
    /// Its text as written, used by `save`.
    public var text: String
}

/// A loop: `for k in [1, 2, 4]`, a body of statements, `end`; its value is the list of its iterations' values.
public struct Loop: Sendable, Equatable {
    /// The variable its value is assigned to (`votes = for …`), if any.
    public var target: String?
    /// Where the target is written.
    public var targetRange: SourceRange?
    /// The loop variable.
    public var variable: String
    /// Where the loop variable is written.
    public var variableRange: SourceRange
    /// The values it goes over.
    public var sequence: Expression
    /// The statements run for each value, in order.
    public var body: [Statement]
    /// Where `for … in list` is written, for errors about the loop as a whole.
    public var headerRange: SourceRange
}

/// The statements of a source, each parsed on its own so one bad statement spoils only itself.
public struct Program: Sendable {
    /// One statement or the diagnostics that kept it from parsing.
    public enum Item: Sendable {
        case statement(Statement)
        case failure([Diagnostic])
    }

    /// The source the program was read from.
    public var source: SourceFile
    /// The statements and failures, in source order.
    public var items: [Item]

    /// Creates a program.
    public init(source: SourceFile, items: [Item]) {
        self.source = source
        self.items = items
    }

    /// All diagnostics, in source order.
    public var diagnostics: [Diagnostic] {
        items.flatMap { item -> [Diagnostic] in
            if case .failure(let diagnostics) = item { return diagnostics }
            return []
        }
    }
}
