/// Why a model spec string cannot be used, with what to write instead.
public enum ModelSpecError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The spec is empty.
    case empty
    /// No `kind:` prefix.
    case missingKind
    /// A kind other than `openai`, `replay` or `local`.
    case unknownKind(String)
    /// `openai:` with no URL.
    case missingURL
    /// A URL that is not `http(s)://host[:port]/path` (shown only when it holds no credentials).
    case invalidURL(String)
    /// A URL with `user:password@`; credentials belong in an environment variable.
    case credentialsInURL
    /// No model name after the base URL.
    case missingModelName
    /// Two endpoints name different models.
    case conflictingModelNames(String, String)
    /// An option other than `key=`.
    case unknownOption(String)
    /// `key=` followed by something that is not an environment variable's name (never shown: it may be a key).
    case invalidKeyVariable
    /// `replay:` with no path.
    case missingPath
    /// `local:` with no name.
    case missingLocalName
    /// `local:` with a name holding characters other than letters, digits, `.`, `_` and `-`.
    case invalidLocalName(String)

    /// The error for a person, with an example of a good spec.
    public var description: String {
        let example = "e.g. openai:http://127.0.0.1:8000/v1/Qwen2.5-7B-Instruct"
        switch self {
        case .empty: return "the model spec is empty; \(example), replay:FILE.jsonl or local:NAME"
        case .missingKind: return "a model spec starts with openai:, replay: or local:; \(example)"
        case .unknownKind(let kind): return "unknown model kind \"\(kind)\"; use openai:, replay: or local:"
        case .missingURL: return "openai: needs a base URL and a model name; \(example)"
        case .invalidURL(let url): return "\"\(url)\" is not an http(s) base URL; \(example)"
        case .credentialsInURL:
            return
                "a model URL must not hold credentials; put the API key in an environment variable and add ?key=VARIABLE"
        case .missingModelName: return "no model name after the base URL; \(example)"
        case .conflictingModelNames(let first, let second):
            return "the endpoints name different models (\"\(first)\" and \"\(second)\"); one spec serves one model"
        case .unknownOption(let option): return "unknown option \"\(option)\"; the only option is ?key=VARIABLE"
        case .invalidKeyVariable:
            return
                "key= names the environment variable holding the API key (e.g. ?key=OPENAI_API_KEY), not the key itself"
        case .missingPath: return "replay: needs a file of recorded samples, e.g. replay:samples.jsonl"
        case .missingLocalName: return "local: needs a model name, e.g. local:qwen2.5-0.5b-instruct"
        case .invalidLocalName(let name):
            return
                "\"\(name)\" is not a local model name (letters, digits, '.', '_', '-'), e.g. local:qwen2.5-0.5b-instruct"
        }
    }

    /// A piece of a spec as an error may show it: hidden when it could hold credentials.
    static func shown(_ piece: String) -> String {
        piece.contains("@") ? "(a URL with '@')" : piece
    }
}
