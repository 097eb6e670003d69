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

    public var memberNames: [String] { ["identity"] }

    public func member(_ name: String) -> Value? {
        name == "identity" ? .string(client.identity) : nil
    }

    public func isEqual(to other: any ScriptObject) -> Bool {
        (other as? ModelValue)?.client.identity == client.identity
    }
}
