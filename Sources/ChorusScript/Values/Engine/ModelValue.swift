import ChorusEngine

/// A model as a script value: something `sample` can draw from.
public struct ModelValue: ObjectParameter {
    /// The client that answers requests.
    public let client: any ModelClient
    /// A line on how it is reached (never a secret).
    public let detail: String

    /// Wraps a client.
    public init(client: any ModelClient, detail: String) {
        self.client = client
        self.detail = detail
    }

    /// Its Swift type, named as users read it.
    public static let objectType = ObjectType(ModelValue.self, named: "model")

    public var summary: String { client.identity }

    public var rendering: String { "model \(client.identity)" + (detail.isEmpty ? "" : "\n\(detail)") }

    /// The model's short name for labels: `qwen2.5-1.5b-instruct` for `local:qwen2.5-1.5b-instruct`
    /// or an OpenAI server's `…/v1/qwen2.5-1.5b-instruct`, a replay file's name without its folder
    /// and extension.
    public var label: String {
        let identity = client.identity
        guard let colon = identity.firstIndex(of: ":") else { return identity }
        let kind = identity[..<colon]
        var rest = identity[identity.index(after: colon)...]
        switch kind {
        case "openai":
            if let at = rest.lastIndex(of: "@") { rest = rest[..<at] }
        case "replay":
            rest = rest.split(separator: "/").last ?? rest
            if let dot = rest.lastIndex(of: "."), dot != rest.startIndex { rest = rest[..<dot] }
        default: break
        }
        return rest.isEmpty ? identity : String(rest)
    }

    public var memberNames: [String] { ["identity"] }

    public func member(_ name: String) -> Value? {
        name == "identity" ? .string(client.identity) : nil
    }

    public func isEqual(to other: any ScriptObject) -> Bool {
        (other as? ModelValue)?.client.identity == client.identity
    }
}
