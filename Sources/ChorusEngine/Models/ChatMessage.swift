/// One message of a chat prompt: who speaks (`system`, `user`, `assistant`) and what they say.
/// Other modules make messages with `.user` and `.system`; the memberwise initialiser stays internal.
public struct ChatMessage: Sendable, Equatable, Hashable {
    /// The speaker: `system`, `user` or `assistant`.
    public var role: String
    /// What the speaker says.
    public var content: String

    /// A user message.
    public static func user(_ content: String) -> ChatMessage { ChatMessage(role: "user", content: content) }
    /// A system message.
    public static func system(_ content: String) -> ChatMessage { ChatMessage(role: "system", content: content) }
}

extension [ChatMessage] {
    /// The messages as a JSON array of `{"content", "role"}` objects: the prompt in sample keys,
    /// replay files and training rows.
    public var jsonValue: JSONValue {
        .array(map { .object(["role": .string($0.role), "content": .string($0.content)]) })
    }
}
