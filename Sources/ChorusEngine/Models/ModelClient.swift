/// Something that answers completion requests: an HTTP server, a local engine, or recorded samples.
///
/// `identity` names the model for the sample store, so two clients with the same identity must give
/// samples from the same distribution; it never holds a secret.
public protocol ModelClient: Sendable {
    /// The model's name for the sample store (`openai:MODEL@URL`, `replay:PATH`, …); never a secret.
    var identity: String { get }

    /// Draws `request.parameters.n` samples for one prompt; every sample is returned, none collapsed.
    func complete(_ request: CompletionRequest) async throws -> CompletionResponse
}
