import Foundation

/// Which model to use, as a script names it: `openai:URL/MODEL`, `replay:PATH` or `local:NAME`.
///
/// - `openai:http://127.0.0.1:8000/v1/Qwen2.5-7B-Instruct` — an OpenAI-compatible server (vLLM,
///   SGLang, llama-server, a hosted API). The base URL ends at its first version segment (`v1`,
///   `v1beta`, …) and the rest is the model name, which may hold slashes
///   (`…/v1/Qwen/Qwen2.5-7B-Instruct`); without a version segment the last path segment is the model.
/// - `openai:http://a:8000/v1,http://b:8000/v1/MODEL` — several endpoints serving one model.
/// - `…?key=MY_KEY` — read the API key from the environment variable `MY_KEY` (default:
///   `OPENAI_API_KEY`, sent only when set). Keys never go in the spec itself, nor credentials in URLs.
/// - `replay:path/to/samples.jsonl` — answers recorded in a file (see `ReplayModel`).
/// - `local:qwen2.5-0.5b-instruct` — a model Chorus runs itself.
///
/// The identity (the sample store's key for the model) is `openai:MODEL@URL1,URL2` with the base
/// URLs normalised (lower-case scheme and host, default port dropped, no trailing slash) and sorted;
/// `replay:PATH` as written; `local:NAME`. Endpoints are part of an OpenAI identity because a model
/// name alone does not say what answers (llama-server accepts any name whatever GGUF it loaded):
/// a wrong store hit silently gives wrong numbers, while a miss only costs samples again.
public enum ModelSpec: Sendable, Equatable {
    /// An OpenAI-compatible server: the model name, the normalised base URLs, and the API key's variable.
    case openAI(model: String, endpoints: [URL], keyVariable: String?)
    /// Samples recorded in a JSONL file.
    case replay(path: String)
    /// A local model by catalogue name.
    case local(name: String)

    /// The variable the API key is read from when the spec names none.
    public static let defaultKeyVariable = "OPENAI_API_KEY"

    /// Parses a spec string.
    public init(parsing text: String) throws(ModelSpecError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { throw .empty }
        guard let colon = trimmed.firstIndex(of: ":") else { throw .missingKind }
        let kind = trimmed[..<colon].lowercased()
        let rest = String(trimmed[trimmed.index(after: colon)...])
        switch kind {
        case "openai": self = try Self.parseOpenAI(rest)
        case "replay":
            guard !rest.isEmpty else { throw .missingPath }
            self = .replay(path: rest)
        case "local":
            guard !rest.isEmpty else { throw .missingLocalName }
            guard rest.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }) else {
                throw .invalidLocalName(rest)
            }
            self = .local(name: rest)
        default:
            throw .unknownKind(String(trimmed[..<colon]))
        }
    }

    /// The model's key in the sample store; never holds a secret.
    public var identity: String {
        switch self {
        case .openAI(let model, let endpoints, _):
            "openai:\(model)@" + endpoints.map(\.absoluteString).sorted().joined(separator: ",")
        case .replay(let path): "replay:\(path)"
        case .local(let name): "local:\(name)"
        }
    }

    /// A base URL in normal form (`http://host:8000/v1`), or nil when it is not an http(s) URL with a
    /// host and no credentials, query or fragment.
    public static func normalisedEndpoint(_ text: String) -> URL? {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
            let host = url.host, !host.isEmpty, url.user == nil, url.password == nil, url.query == nil,
            url.fragment == nil
        else { return nil }
        var result = "\(scheme)://\(host.lowercased())"
        if let port = url.port, !(scheme == "http" && port == 80), !(scheme == "https" && port == 443) {
            result += ":\(port)"
        }
        var path = url.path
        while path.hasSuffix("/") { path.removeLast() }
        return URL(string: result + path)
    }

    private static func parseOpenAI(_ text: String) throws(ModelSpecError) -> ModelSpec {
        var body = text
        var keyVariable: String?
        if let question = body.lastIndex(of: "?") {
            let option = body[body.index(after: question)...]
            body = String(body[..<question])
            guard option.hasPrefix("key=") else { throw .unknownOption(String(option.prefix { $0 != "=" })) }
            let name = option.dropFirst(4)
            guard let first = name.first, first.isLetter || first == "_",
                name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") })
            else { throw .invalidKeyVariable }
            keyVariable = String(name)
        }
        guard !body.isEmpty else { throw .missingURL }
        var endpoints: [URL] = []
        var model: String?
        for piece in body.split(separator: ",", omittingEmptySubsequences: false).map(String.init) {
            let (base, pieceModel) = try splitEndpoint(piece)
            if let pieceModel {
                if let model, model != pieceModel { throw .conflictingModelNames(model, pieceModel) }
                model = pieceModel
            }
            if !endpoints.contains(base) { endpoints.append(base) }
        }
        guard let model else { throw .missingModelName }
        return .openAI(model: model, endpoints: endpoints, keyVariable: keyVariable)
    }

    /// One endpoint of an openai spec: its normalised base URL and the model name it carries, if any.
    private static func splitEndpoint(_ piece: String) throws(ModelSpecError) -> (URL, String?) {
        let lowered = piece.lowercased()
        guard lowered.hasPrefix("http://") || lowered.hasPrefix("https://") else {
            throw piece.isEmpty ? .missingURL : .invalidURL(ModelSpecError.shown(piece))
        }
        let afterScheme = piece[piece.range(of: "://")!.upperBound...]
        let authority = afterScheme.prefix { $0 != "/" }
        if authority.contains("@") { throw .credentialsInURL }
        if piece.contains("#") { throw .invalidURL(ModelSpecError.shown(piece)) }
        let schemeAndAuthority = String(piece[..<authority.endIndex])
        let segments = afterScheme[authority.endIndex...].split(separator: "/").map(String.init)
        var baseSegments = segments
        var model: String?
        if let version = segments.firstIndex(where: isVersionSegment) {
            baseSegments = Array(segments[...version])
            let rest = segments[(version + 1)...]
            model = rest.isEmpty ? nil : rest.joined(separator: "/")
        } else if let last = segments.last {
            baseSegments = segments.dropLast()
            model = last
        }
        let baseText = ([schemeAndAuthority] + baseSegments).joined(separator: "/")
        guard let base = normalisedEndpoint(baseText) else { throw .invalidURL(ModelSpecError.shown(piece)) }
        return (base, model)
    }

    private static func isVersionSegment(_ segment: String) -> Bool {
        let characters = Array(segment.lowercased())
        guard characters.count >= 2, characters[0] == "v", characters[1].isNumber else { return false }
        return characters.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
    }
}
