import ChorusEngine
import Foundation

/// `aggregator`: loads a learned aggregator saved by `train aggregator`.
struct AggregatorCommand: Command {
    let signature = CommandSignature(
        name: "aggregator", group: .training, summary: "Loads a learned aggregator saved by `train aggregator`.",
        parameters: [.positional("name", .string, "its name, or the path of its file (ending in .json)")],
        discussion: """
            A name is looked up in the data folder's `aggregators/` \
            (`~/.local/share/chorus/aggregators/NAME.json`); a path ending in \
            `.json` is read as it is. Use it as `aggregate s with: it`.
            """,
        examples: ["learned = aggregator \"linear\"\nv = aggregate s with: learned"])

    func run(_ invocation: Invocation) async throws -> Value {
        let given = invocation.string("name")
        let path: String
        if given.hasSuffix(".json") || given.contains("/") {
            path = given
        } else {
            guard AggregatorFiles.isValidName(given) else {
                throw invocation.error("\(Value.quote(given)) is neither a name nor a .json path", at: "name")
            }
            path = try AggregatorFiles.defaultPath(for: given, invocation: invocation, at: "name")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw invocation.error(
                "cannot read \(path): \(FileErrors.reason(for: path))", at: "name",
                hint: "train one first: `train aggregator s name: \(Value.quote(given))`")
        }
        do {
            return .object(AggregatorValue(try LearnedAggregator(fileText: String(decoding: data, as: UTF8.self)), path: path))
        } catch {
            throw invocation.error("\(path): \(error)", at: "name")
        }
    }
}
