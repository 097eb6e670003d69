import ChorusEngine
import Foundation
import Testing

@testable import ChorusScript

/// A command that throws what it is told to, without catching anything.
private struct ThrowCommand: Command {
    static let what = ParameterKey<What>.positional("what", "what to throw")
    static let path = ParameterKey<String>.named("path", "a path", default: "x")

    enum What: String, ParameterChoice {
        case engine
        case wrapped
        case system
        case bug
        case unknown
    }

    struct UnknownError: Error {}

    let signature = CommandSignature(
        name: "throw", group: .values, summary: "Throws.", parameters: [Self.what, Self.path],
        discussion: "Test only.", examples: ["throw engine"])

    func run(_ invocation: Invocation) async throws -> Value {
        switch invocation[Self.what] {
        case .engine: throw DatasetError.unknownBuiltIn("nope", available: ["arithmetic"])
        case .wrapped:
            return try invocation.mapping(at: Self.path, prefix: "cannot use it: ") {
                throw ModelSpecError.empty
            }
        case .system: throw CocoaError(.fileNoSuchFile)
        case .bug: throw InternalError("a broken invariant")
        case .unknown: throw UnknownError()
        }
    }
}

private func throwHarness() -> Harness {
    var registry = CommandRegistry.standard
    registry.register(ThrowCommand())
    return Harness(registry: registry)
}

@Suite("UserErrors")
struct UserErrorsTests {
    @Test func anEngineErrorACommandDoesNotCatchIsTheUsersNotABug() async {
        let harness = throwHarness()
        #expect(await harness.run("throw engine") == report(failed: 1))
        #expect(
            harness.output.error.hasPrefix(
                "t.chorus:1:1: error: \(DatasetError.unknownBuiltIn("nope", available: ["arithmetic"]))\n"))
        #expect(!harness.output.error.contains("internal error"))
    }

    @Test func aWrappedErrorPointsAtItsArgumentAndKeepsItsHint() async {
        let harness = throwHarness()
        #expect(await harness.run("throw wrapped path: \"p\"") == report(failed: 1))
        #expect(
            harness.output.error == """
                t.chorus:1:15: error: cannot use it: \(ModelSpecError.empty)
                1 | throw wrapped path: "p"
                  |               ^~~~~~~~~
                hint: \(ModelSpecError.empty.hint ?? "")

                """)
    }

    @Test func theWrapKeepsTheCause() throws {
        let wrapped = ArgumentError(wrapping: ModelSpecError.empty, at: ThrowCommand.path, prefix: "p: ")
        #expect(wrapped.argument == "path")
        #expect(wrapped.cause as? ModelSpecError == .empty)
        #expect(wrapped.message == "p: \(ModelSpecError.empty)")
    }

    @Test func systemFileErrorsAreTheUsers() async {
        let harness = throwHarness()
        #expect(await harness.run("throw system") == report(failed: 1))
        #expect(harness.output.error.hasPrefix("t.chorus:1:1: error: "))
    }

    @Test func onlyRealBugsAreInternalErrors() async {
        let harness = throwHarness()
        #expect(await harness.run("throw bug") == report(internalErrors: 1))
        #expect(
            harness.output.error
                == "internal error: a broken invariant\n(this is a bug in Chorus, not in your script)\n")
        let unknown = throwHarness()
        #expect(await unknown.run("throw unknown") == report(internalErrors: 1))
    }
}
