import ChorusEngine
import Foundation

/// `aggregator`: loads a learned aggregator saved by `train aggregator`.
struct AggregatorCommand: Command {
    static let name = ParameterKey<String>.positional("name", "its name, or the path of its file (ending in .json)")

    let signature = CommandSignature(
        name: "aggregator", group: .training, summary: "Loads a learned aggregator saved by `train aggregator`.",
        parameters: [Self.name],
        discussion: """
            A name is looked up in the data folder's `aggregators/` \
            (`~/.local/share/chorus/aggregators/NAME.json`); a path ending in \
            `.json` is read as it is. Use it as `aggregate s with: it`.
            """,
        examples: ["learned = aggregator \"linear\"\nv = aggregate s with: learned"])

    func run(_ invocation: Invocation) async throws -> Value {
        let given = invocation[Self.name]
        let path: String
        if given.hasSuffix(".json") || given.contains("/") {
            path = given
        } else {
            guard AggregatorFiles.isValidName(given) else {
                throw invocation.error("\(Value.quote(given)) is neither a name nor a .json path", at: Self.name)
            }
            path = try AggregatorFiles.defaultPath(for: given, invocation: invocation, at: Self.name)
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw invocation.error(
                "cannot read \(path): \(FileErrors.reason(for: path))", at: Self.name,
                hint: "train one first: `train aggregator s name: \(Value.quote(given))`")
        }
        let aggregator = try invocation.mapping(at: Self.name, prefix: "\(path): ") {
            try LearnedAggregator(fileText: String(decoding: data, as: UTF8.self))
        }
        return .object(AggregatorValue(aggregator, path: path))
    }
}
