/// The sub-commands of a command whose first positional argument picks what it does, each with
/// the parameters that apply to it: `train ssa` takes `balance:`, `train aggregator` takes `steps:`.
public struct CommandVariants: Sendable {
    /// The parameter whose word picks the sub-command.
    public let selector: String
    /// Each sub-command's word, in order, with the names of the parameters it takes.
    public let variants: [(word: String, parameters: [String])]

    /// Sub-commands picked by `selector`'s choice, each with its own parameter lists.
    public init<Choice: ParameterChoice>(
        _ selector: ParameterKey<Choice>, _ parameters: (Choice) -> [any ParameterList]
    ) {
        self.selector = selector.name
        self.variants = Choice.allCases.map { choice in
            (choice.rawValue, parameters(choice).flatMap(\.parameters).map(\.name))
        }
    }

    /// The names of the parameters a sub-command takes, besides the selector.
    public func parameters(of word: String) -> [String]? {
        variants.first { $0.word == word }?.parameters
    }
}
