import Foundation

/// How a problem becomes a chat prompt: a system message and a user message with `{question}` filled in.
///
/// The default asks for step-by-step reasoning and the final answer in
/// `\boxed{}`, which the grader reads first. A template is part of what a
/// sample is keyed by, so changing it never reuses samples drawn with another.
public struct PromptTemplate: Sendable, Equatable, Hashable {
    /// Why a template cannot be used.
    public enum Failure: Error, Equatable, Sendable {
        /// The user template has no `{question}`.
        case missingQuestionPlaceholder
    }

    /// The system message; nil for none.
    public let system: String?
    /// The user message, with `{question}` where the problem's question goes.
    public let user: String

    /// The placeholder replaced by the question.
    public static let questionPlaceholder = "{question}"

    /// Creates a template; the user text must contain `{question}`.
    public init(system: String?, user: String) throws(Failure) {
        guard user.contains(Self.questionPlaceholder) else { throw .missingQuestionPlaceholder }
        self.system = system
        self.user = user
    }

    /// The default: reason step by step, final answer in `\boxed{}`.
    public static let standard = try! PromptTemplate(
        system: "You are a careful mathematician. Solve the problem step by step.",
        user: "{question}\n\nPut your final answer within \\boxed{}.")

    /// The chat messages for one problem.
    public func messages(for problem: Problem) -> [ChatMessage] {
        var messages: [ChatMessage] = []
        if let system { messages.append(.system(system)) }
        messages.append(.user(user.replacingOccurrences(of: Self.questionPlaceholder, with: problem.question)))
        return messages
    }

    /// The prompt as the sample store keys it: the messages as a JSON array of `{"content", "role"}`.
    public func promptDocument(for problem: Problem) -> JSONValue {
        messages(for: problem).jsonValue
    }
}
