/// The purpose a command serves, which groups it in `help` (in this order).
public enum CommandGroup: Sendable, CaseIterable {
    case session, values, data, models, strategies, metrics, training

    /// The heading `help` lists the group's commands under.
    public var title: String {
        switch self {
        case .session: "Session"
        case .values: "Values"
        case .data: "Data"
        case .models: "Models and sampling"
        case .strategies: "Strategies"
        case .metrics: "Metrics and reports"
        case .training: "Training"
        }
    }
}

/// Everything a command declares about itself: name, parameters, help and completion.
public struct CommandSignature: Sendable {
    /// The name typed to call it.
    public let name: String
    /// Where `help` lists it.
    public let group: CommandGroup
    /// One line saying what it does.
    public let summary: String
    /// Its parameters, positional ones first in order.
    public let parameters: [Parameter]
    /// Sub-commands chosen by the first positional word (`train ssa`, `train aggregator`), each
    /// taking only its own parameters; nil when the command has none.
    public let variants: CommandVariants?
    /// Longer help: what it does, what it returns, and when to use it.
    public let discussion: String
    /// Runnable examples, one statement per entry.
    public let examples: [String]
    /// Whether a successful call goes into the session transcript that `save` writes.
    ///
    /// Commands that only look at or steer the session (`help`, `vars`, `save`,
    /// `timer`, `quit`) are left out so a saved script holds just the work.
    public let isRecorded: Bool

    /// Creates a signature.
    public init(
        name: String, group: CommandGroup, summary: String, parameters: [any ParameterList] = [],
        variants: CommandVariants? = nil, discussion: String, examples: [String], isRecorded: Bool = true
    ) {
        self.name = name
        self.group = group
        self.summary = summary
        self.parameters = parameters.flatMap(\.parameters)
        self.variants = variants
        self.discussion = discussion
        self.examples = examples
        self.isRecorded = isRecorded
    }

    /// The parameter with a name.
    public func parameter(named name: String) -> Parameter? {
        parameters.first { $0.name == name }
    }

    /// The usage line: `sample MODEL DATA [n: int = 8]`.
    public var usage: String {
        var parts = [name]
        for parameter in parameters {
            if parameter.isVariadic {
                parts.append("[\(parameter.name.uppercased())…]")
            } else if parameter.isPositional {
                let word = parameter.name.uppercased()
                parts.append(parameter.isRequired ? word : "[\(word)]")
            } else if let defaultValue = parameter.defaultValue {
                parts.append(
                    "[\(parameter.name): \(defaultValue.isNone ? parameter.type.displayName : defaultValue.literal)]")
            } else {
                parts.append("\(parameter.name): \(parameter.type.displayName)")
            }
        }
        return parts.joined(separator: " ")
    }
}
