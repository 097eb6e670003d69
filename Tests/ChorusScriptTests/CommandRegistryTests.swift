import Testing

@testable import ChorusScript

private struct EchoCommand: Command {
    let text: String
    var signature: CommandSignature {
        CommandSignature(name: "print", group: .values, summary: "Echo \(text).", discussion: "d", examples: ["print"])
    }
    func run(_ invocation: Invocation) async throws -> Value {
        invocation.session.output.write(text + "\n")
        return .none
    }
}

@Suite("CommandRegistry")
struct CommandRegistryTests {
    private let registry = CommandRegistry.standard

    @Test func standardCommandsInOrder() {
        #expect(
            registry.names == [
                "help", "print", "vars", "run", "save", "timer", "sleep", "quit", "builtin", "load", "benchmark",
                "split",
                "responses", "model", "sample", "store", "export", "import", "vote", "aggregate", "refine", "score",
                "best_of", "grade", "metrics", "compare", "answers", "diff", "plot",
                "train", "aggregator",
            ])
        #expect(registry.commands.map(\.signature.name) == registry.names)
    }

    @Test func namesAreUnique() {
        // Registering replaces a command of the same name, so a clash would silently drop a command:
        // check the shipped list itself, not the registry built from it.
        let names = CommandRegistry.standardCommands.map(\.signature.name)
        #expect(Set(names).count == names.count, "\(names.sorted())")
        #expect(registry.names == names)
    }

    @Test func everyCommandIsDocumented() {
        for command in registry.commands {
            let signature = command.signature
            #expect(!signature.summary.isEmpty, "\(signature.name) has no summary")
            #expect(signature.summary.hasSuffix("."), "\(signature.name)'s summary is not a sentence")
            #expect(!signature.discussion.isEmpty, "\(signature.name) has no discussion")
            #expect(!signature.examples.isEmpty, "\(signature.name) has no example")
            for parameter in signature.parameters {
                #expect(!parameter.summary.isEmpty, "\(signature.name).\(parameter.name) has no summary")
            }
        }
    }

    @Test func everyDefaultIsReadableByItsKey() {
        for command in registry.commands {
            for parameter in command.signature.parameters {
                guard let defaultValue = parameter.defaultValue else { continue }
                #expect(parameter.isReadable(defaultValue), "\(command.signature.name).\(parameter.name)")
            }
        }
    }

    @Test func everySubCommandTakesOnlyDeclaredParameters() {
        for command in registry.commands {
            guard let variants = command.signature.variants else { continue }
            let names = Set(command.signature.parameters.map(\.name))
            #expect(names.contains(variants.selector))
            for variant in variants.variants {
                #expect(Set(variant.parameters).isSubset(of: names), "\(command.signature.name) \(variant.word)")
            }
        }
    }

    @Test func everyExampleParsesWithoutDiagnostics() {
        for command in registry.commands {
            for example in command.signature.examples {
                let program = Parser.parse(SourceFile(name: "example", text: example))
                #expect(program.diagnostics.isEmpty, "example of \(command.signature.name): \(example)")
                #expect(!program.items.isEmpty, "example of \(command.signature.name) is empty")
            }
        }
    }

    @Test func everyExampleCallsItsCommand() {
        for command in registry.commands {
            for example in command.signature.examples {
                let program = Parser.parse(SourceFile(name: "example", text: example))
                #expect(
                    calledCommands(program).contains(command.signature.name),
                    "example of \(command.signature.name): \(example)")
            }
        }
    }

    @Test func whatIsRecorded() {
        let recorded = registry.commands.filter(\.signature.isRecorded).map(\.signature.name)
        #expect(
            recorded == [
                "print", "sleep", "builtin", "load", "benchmark", "split", "responses", "model", "sample", "store",
                "import", "vote", "aggregate", "refine", "score", "best_of",
                "grade", "metrics", "compare", "answers", "diff", "plot", "train", "aggregator",
            ])
    }

    @Test func groups() {
        #expect(registry.commands.filter { $0.signature.group == .values }.map(\.signature.name) == ["print"])
        #expect(registry.commands.filter { $0.signature.group == .session }.count == 7)
    }

    @Test(
        "usage lines",
        arguments: [
            ("help", "help [COMMAND]"),
            ("print", "print [VALUES…]"),
            ("vars", "vars"),
            ("run", "run PATH"),
            ("save", "save PATH [overwrite: false]"),
            ("timer", "timer [STATE]"),
            ("sleep", "sleep SECONDS"),
            ("quit", "quit"),
        ])
    func usage(name: String, expected: String) throws {
        let command = try #require(registry.command(named: name))
        #expect(command.signature.usage == expected)
    }

    @Test func lookUpByName() {
        #expect(registry.command(named: "sleep")?.signature.summary == "Waits a number of seconds (Ctrl-C stops it).")
        #expect(registry.command(named: "slep") == nil)
        #expect(registry.command(named: "") == nil)
    }

    @Test func registeringTheSameNameReplacesButKeepsThePlace() async {
        var custom = CommandRegistry.standard
        custom.register(EchoCommand(text: "replaced"))
        #expect(custom.names == registry.names)
        #expect(custom.command(named: "print")?.signature.summary == "Echo replaced.")
        let harness = Harness(registry: custom)
        await harness.run("print")
        #expect(harness.output.output == "replaced\n")
    }

    @Test func emptyRegistry() {
        let empty = CommandRegistry()
        #expect(empty.names.isEmpty)
        #expect(empty.commands.isEmpty)
        #expect(empty.command(named: "help") == nil)
    }

    @Test func parameterDefaultsAndCompletion() throws {
        let save = try #require(registry.command(named: "save")).signature
        #expect(save.parameters.map(\.name) == ["path", "overwrite"])
        #expect(save.parameters.map(\.isRequired) == [true, false])
        #expect(save.parameters.map(\.isPositional) == [true, false])
        #expect(save.parameters.map(\.completion) == [.filePath, .variable(typeName: nil)])
        let timer = try #require(registry.command(named: "timer")).signature
        #expect(timer.parameters.first?.completion == .words(["on", "off"]))
        let help = try #require(registry.command(named: "help")).signature
        #expect(help.parameters.first?.completion == .commandName)
        let print = try #require(registry.command(named: "print")).signature
        #expect(print.parameters.first?.isVariadic == true)
        #expect(print.parameters.first?.defaultValue == .list([]))
    }

    @Test func parameterTypeNames() {
        #expect(ParameterType.list(.int).displayName == "list of int")
        #expect(ParameterType.choice(["on", "off"]).displayName == "on|off")
        #expect(ParameterType.object(DatasetValue.objectType).displayName == "dataset")
        #expect(
            ParameterType.objects([ModelValue.objectType, AggregatorValue.objectType]).displayName
                == "model or learned aggregator")
        #expect(ParameterType.any.displayName == "any value")
        #expect(ParameterType.path.displayName == "path")
    }
}
