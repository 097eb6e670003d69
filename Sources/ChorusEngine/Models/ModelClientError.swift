/// Why a model client gave up on a request: what the server said, or why it could not be reached.
///
/// Endpoints appear as their base URLs without credentials, and server messages have the API key
/// cut out, so an error can be printed and logged as it is.
public enum ModelClientError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The server answered with an error status: at once for a 4xx other than 429, else after the last try.
    case serverError(endpoint: String, status: Int, message: String, attempts: Int)
    /// The connection failed (refused, reset, closed early) on the last try.
    case connectionFailed(endpoint: String, reason: String, attempts: Int)
    /// No answer came within the per-request timeout on the last try.
    case timedOut(endpoint: String, seconds: Double, attempts: Int)
    /// The server answered 200 with a body that is not a completion (truncated or malformed JSON, no choices).
    case malformedResponse(endpoint: String, reason: String, attempts: Int)
    /// The answer passed a size limit (the body's is the model's `max_response_mb:`); never retried,
    /// since the same request would only get it again.
    case responseTooLarge(endpoint: String, reason: String, attempts: Int)
    /// The spec names an environment variable for the API key that is not set.
    case missingAPIKey(variable: String)
    /// The request cannot be sent as it is (`n` below 1, …).
    case invalidRequest(String)

    /// The error for a person: what happened, where, and what to try next.
    public var description: String {
        switch self {
        case .serverError(let endpoint, let status, let message, let attempts):
            let hint: String
            switch status {
            case 401, 403: hint = "check the API key (the spec's key= variable)"
            case 404: hint = "check the base URL and the model name"
            case 429: hint = "the server is rate-limiting; lower concurrency or try later"
            case 400..<500: hint = "the server rejected the request; check its parameters"
            default: hint = "the server failed; check its log"
            }
            return "\(endpoint): the server answered \(status): \(message) (\(Self.tries(attempts))); \(hint)"
        case .connectionFailed(let endpoint, let reason, let attempts):
            return "\(endpoint): cannot reach the server: \(reason) (\(Self.tries(attempts))); is it running?"
        case .timedOut(let endpoint, let seconds, let attempts):
            return
                "\(endpoint): no answer within \(seconds) s (\(Self.tries(attempts))); raise the timeout or lower concurrency"
        case .malformedResponse(let endpoint, let reason, let attempts):
            return "\(endpoint): the answer is not a completion: \(reason) (\(Self.tries(attempts)))"
        case .responseTooLarge(let endpoint, let reason, let attempts):
            return
                "\(endpoint): the answer is too large: \(reason) (\(Self.tries(attempts))); raise the model's max_response_mb: or lower max_tokens or n"
        case .missingAPIKey(let variable):
            return "the environment variable \(variable) holding the API key is not set; export it and try again"
        case .invalidRequest(let message):
            return "invalid request: \(message)"
        }
    }

    private static func tries(_ attempts: Int) -> String {
        attempts == 1 ? "1 attempt" : "\(attempts) attempts"
    }
}
