/// The commands a session knows, by name.
public struct CommandRegistry: Sendable {
    private var commandsByName: [String: any Command] = [:]
    private var order: [String] = []

    /// Creates a registry holding the given commands.
    public init(_ commands: [any Command] = []) {
        for command in commands { register(command) }
    }

    /// Every command Chorus ships, registered.
    public static var standard: CommandRegistry { CommandRegistry(standardCommands) }

    /// Every command Chorus ships, one line each, in the order `help` lists them.
    static var standardCommands: [any Command] {
        [
            HelpCommand(),
            PrintCommand(),
            VarsCommand(),
            RunCommand(),
            SaveCommand(),
            TimerCommand(),
            SleepCommand(),
            QuitCommand(),
            BuiltinCommand(),
            LoadCommand(),
            BenchmarkCommand(),
            SplitCommand(),
            ResponsesCommand(),
            ModelCommand(),
            SampleCommand(),
            StoreCommand(),
            ExportCommand(),
            ImportCommand(),
            VoteCommand(),
            AggregateCommand(),
            RefineCommand(),
            ScoreCommand(),
            BestOfCommand(),
            GradeCommand(),
            MetricsCommand(),
            CompareCommand(),
            AnswersCommand(),
            DiffCommand(),
            PlotCommand(),
            TrainCommand(),
            AggregatorCommand(),
        ]
    }

    /// Adds a command, replacing one of the same name.
    public mutating func register(_ command: any Command) {
        let name = command.signature.name
        if commandsByName[name] == nil { order.append(name) }
        commandsByName[name] = command
    }

    /// The command with a name.
    public func command(named name: String) -> (any Command)? {
        commandsByName[name]
    }

    /// All commands, in registration order.
    public var commands: [any Command] { order.compactMap { commandsByName[$0] } }

    /// All command names, in registration order.
    public var names: [String] { order }
}
