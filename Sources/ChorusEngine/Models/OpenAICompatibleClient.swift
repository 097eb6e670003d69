import Foundation
import Synchronization

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A model served over the OpenAI HTTP API (`/v1/chat/completions`, `/v1/completions`) by vLLM,
/// SGLang, llama.cpp's llama-server or a hosted service.
///
/// - `n > 1` is sent natively (the prompt is evaluated once). An endpoint that answers with fewer
///   choices than asked is remembered as fanning out: the short answer is set aside (its cost still
///   counted) and the request is sent again as n single requests with seeds `seed, seed+1, …, seed+n-1`
///   (no seed when none was given), so a fanned-out sample i always has the same seed.
/// - At most `maxConcurrentRequests` requests are in flight at once over all endpoints.
/// - 429, 5xx, connection errors, timeouts, malformed HTTP and malformed 200 bodies (no choices, a
///   `null` content) are retried with exponential backoff and full jitter (or the server's
///   `Retry-After`); other 4xx and an answer over `maxResponseBytes` fail at once.
/// - Several endpoints share the requests round-robin; one failing with a connection error, a
///   timeout or a 5xx rests for `endpointCooldown` seconds (see `EndpointPool`).
/// - While a `TokenStreamWatch` watches (a progress line on a terminal), chat and completions
///   requests ask for `"stream": true` with the usage in the last chunk, and
///   the text is reported as it arrives. The finished stream is decoded into the same samples the
///   unstreamed answer gives; one cut off before `[DONE]`, or with a malformed chunk, is a malformed
///   answer (retried, never stored). An endpoint that refuses the stream (400) or streams without a
///   usage is sent the plain request at once, without using up a try, and is not asked to stream again
///   (unless it refuses the plain request too: then the request was at fault, not the stream).
/// - The API key goes only into the `Authorization` header: errors name endpoints without
///   credentials, and a server message that echoes the key has it cut out.
public struct OpenAICompatibleClient: ModelClient {
    /// How the client talks to its servers.
    public struct Settings: Sendable, Equatable {
        /// The most requests in flight at once.
        public var maxConcurrentRequests: Int
        /// Seconds one request may take before it counts as timed out.
        public var requestTimeout: Double
        /// Retries and backoff.
        public var retry: RetryPolicy
        /// Seconds an endpoint rests after a connection error, a timeout or a 5xx.
        public var endpointCooldown: Double
        /// Whether to send llama.cpp's `"cache_prompt": false` with a seed; turn off for hosted APIs
        /// that reject unknown fields.
        public var llamaCppExtensions: Bool
        /// The largest response body accepted, in bytes (64 MiB by default); a larger one fails the
        /// request as soon as the limit is crossed, without reading the rest.
        public var maxResponseBytes: Int
        /// False sends plain `http` through URLSession too, the way `https` goes (for tests of that
        /// path against a loopback server).
        var plainHTTPOverSockets = true

        /// The default `maxResponseBytes`: 64 MiB.
        public static let defaultMaxResponseBytes = HTTPResponseParser.Limits.defaultMaxBodyBytes

        /// Creates settings.
        public init(
            maxConcurrentRequests: Int = 8, requestTimeout: Double = 600, retry: RetryPolicy = RetryPolicy(),
            endpointCooldown: Double = 10, llamaCppExtensions: Bool = true,
            maxResponseBytes: Int = defaultMaxResponseBytes
        ) {
            self.maxConcurrentRequests = max(1, maxConcurrentRequests)
            self.requestTimeout = requestTimeout
            self.retry = retry
            self.endpointCooldown = endpointCooldown
            self.llamaCppExtensions = llamaCppExtensions
            self.maxResponseBytes = max(1, maxResponseBytes)
        }
    }

    /// `openai:MODEL@URL,…` (see `ModelSpec`); never holds the key.
    public let identity: String
    /// The model name sent with every request.
    public let model: String
    /// The normalised base URLs (`http://host:8000/v1`).
    public let endpoints: [URL]
    /// How the client talks to its servers.
    public let settings: Settings

    private let apiKey: String?
    private let encoder: OpenAIRequestEncoder
    private let transport: HTTPTransport
    private let semaphore: AsyncSemaphore
    private let pool: EndpointPool
    /// Endpoints found not to stream well: they get plain requests.
    private let plainOnly = EndpointSet()
    private let random: LockedRandom
    private let clock: any EngineClock

    /// Creates a client for `model` at the given base URLs; `identity` overrides the one derived from them.
    public init(
        model: String, endpoints: [URL], apiKey: String? = nil, identity: String? = nil,
        settings: Settings = Settings(),
        random: any RandomSource = SplitMix64(seed: UInt64(UInt32.random(in: .min ... .max))),
        clock: any EngineClock = SystemClock()
    ) throws(ModelClientError) {
        guard !endpoints.isEmpty else { throw .invalidRequest("a model needs at least one endpoint") }
        var normalised: [URL] = []
        for endpoint in endpoints {
            guard let url = ModelSpec.normalisedEndpoint(endpoint.absoluteString) else {
                throw .invalidRequest("an endpoint must be an http(s) base URL without credentials")
            }
            normalised.append(url)
        }
        self.model = model
        self.endpoints = normalised
        self.settings = settings
        self.apiKey = apiKey.flatMap { $0.isEmpty ? nil : $0 }
        self.identity = identity ?? ModelSpec.openAI(model: model, endpoints: normalised, keyVariable: nil).identity
        encoder = OpenAIRequestEncoder(model: model, llamaCppExtensions: settings.llamaCppExtensions)
        transport = HTTPTransport(
            maxConnections: settings.maxConcurrentRequests, maxResponseBytes: settings.maxResponseBytes,
            plainHTTPOverSockets: settings.plainHTTPOverSockets)
        semaphore = AsyncSemaphore(permits: settings.maxConcurrentRequests)
        pool = EndpointPool(count: normalised.count, cooldown: settings.endpointCooldown, clock: clock)
        self.random = LockedRandom(random)
        self.clock = clock
    }

    /// Creates a client from an `openai:` spec, reading the API key from `environment`.
    public init(
        spec: ModelSpec, environment: [String: String] = ProcessInfo.processInfo.environment,
        settings: Settings = Settings(),
        random: any RandomSource = SplitMix64(seed: UInt64(UInt32.random(in: .min ... .max))),
        clock: any EngineClock = SystemClock()
    ) throws(ModelClientError) {
        guard case .openAI(let model, let endpoints, let keyVariable) = spec else {
            throw .invalidRequest("\(spec.identity) is not an openai: model")
        }
        let key: String?
        if let keyVariable {
            guard let value = environment[keyVariable], !value.isEmpty else {
                throw .missingAPIKey(variable: keyVariable)
            }
            key = value
        } else {
            key = environment[ModelSpec.defaultKeyVariable]
        }
        try self.init(model: model, endpoints: endpoints, apiKey: key, settings: settings, random: random, clock: clock)
    }

    /// Draws `request.parameters.n` samples, natively or fanned out, retrying as the settings say.
    public func complete(_ request: CompletionRequest) async throws -> CompletionResponse {
        guard request.parameters.n >= 1 else {
            throw ModelClientError.invalidRequest("n must be at least 1, not \(request.parameters.n)")
        }
        let start = clock.now()
        var spent = Cost.zero
        if request.parameters.n > 1 {
            // nil: every endpoint is known to fan out.
            if let native = try await exchange(request, nativeMany: true) {
                spent = spent + native.cost
                if native.decoded.choices.count >= request.parameters.n {
                    var decoded = native.decoded
                    decoded.choices = Array(decoded.choices.prefix(request.parameters.n))
                    let result = decoded.samples(latency: native.latency)
                    spent.wallSeconds = clock.now() - start
                    return CompletionResponse(samples: result.samples, cost: spent, tokenAccounting: result.accounting)
                }
                await pool.markFansOut(native.endpoint)
            }
            return try await fanOut(request, spent: spent, start: start)
        }
        guard let single = try await exchange(request, nativeMany: false) else {
            throw ModelClientError.invalidRequest("no endpoint")
        }
        let result = single.decoded.samples(latency: single.latency)
        guard result.samples.count == 1 else {
            throw ModelClientError.malformedResponse(
                endpoint: endpoints[single.endpoint].absoluteString,
                reason: "asked for 1 choice, got \(result.samples.count)", attempts: single.attempts)
        }
        var cost = single.cost
        cost.wallSeconds = clock.now() - start
        return CompletionResponse(samples: result.samples, cost: cost, tokenAccounting: result.accounting)
    }

    /// n single requests with seeds seed, seed+1, …, run together within the concurrency limit.
    private func fanOut(_ request: CompletionRequest, spent: Cost, start: Double) async throws -> CompletionResponse {
        let results = try await withThrowingTaskGroup(of: (Int, Sample, Cost).self) { group in
            for index in 0..<request.parameters.n {
                var single = request
                single.parameters.n = 1
                single.parameters.seed = request.parameters.seed(forSample: index)
                group.addTask {
                    guard let answer = try await exchange(single, nativeMany: false) else {
                        throw ModelClientError.invalidRequest("no endpoint")
                    }
                    let result = answer.decoded.samples(latency: answer.latency)
                    guard let sample = result.samples.first, result.samples.count == 1 else {
                        throw ModelClientError.malformedResponse(
                            endpoint: endpoints[answer.endpoint].absoluteString,
                            reason: "asked for 1 choice, got \(result.samples.count)", attempts: answer.attempts)
                    }
                    return (index, sample, answer.cost)
                }
            }
            var collected: [(Int, Sample, Cost)] = []
            for try await result in group { collected.append(result) }
            return collected.sorted { $0.0 < $1.0 }
        }
        var cost = spent
        for (_, _, answerCost) in results { cost = cost + answerCost }
        cost.wallSeconds = clock.now() - start
        let samples = results.map(\.1)
        let accounting: CompletionResponse.TokenAccounting =
            samples.allSatisfy { $0.completionTokens != nil } ? .exact : .lowerBound
        return CompletionResponse(samples: samples, cost: cost, tokenAccounting: accounting)
    }

    /// One answered exchange: the decoded body, its endpoint, the tries it took and what they cost.
    private struct Answer: Sendable {
        var decoded: DecodedCompletion
        var endpoint: Int
        var attempts: Int
        var latency: Double
        /// Calls made (every try) and the tokens the decoded body bills.
        var cost: Cost
    }

    /// Sends `request` until it is answered or the tries run out; nil when `nativeMany` and every
    /// endpoint fans out.
    private func exchange(_ request: CompletionRequest, nativeMany: Bool) async throws -> Answer? {
        let body = Data(encoder.body(for: request).utf8)
        let path = OpenAIRequestEncoder.path(for: request.prompt)
        let watch: TokenStreamWatch? =
            if case .reward = request.prompt { nil } else { TokenStreamWatch.current }
        let streamBody = watch.map { _ in Data(encoder.body(for: request, stream: true).utf8) }
        var attempt = 0
        var sent = 0  // HTTP requests, counting a transport's resend on a fresh connection
        var refusedStream: Int?  // the endpoint that answered this request's stream with a 400
        while true {
            try Task.checkCancellation()
            attempt += 1
            sent += 1
            guard let endpoint = await pool.choose(nativeMany: nativeMany) else { return nil }
            let name = endpoints[endpoint].absoluteString
            // A path from the root replaces the endpoint's `/v1`.
            let base = path.hasPrefix("/") && name.hasSuffix("/v1") ? String(name.dropLast(3)) : name
            var urlRequest = URLRequest(url: URL(string: path.hasPrefix("/") ? base + path : base + "/" + path)!)
            let stream = watch.flatMap { plainOnly.contains(endpoint) ? nil : $0 }
            urlRequest.httpMethod = "POST"
            urlRequest.httpBody = stream == nil ? body : streamBody
            urlRequest.setValue("application/json", forHTTPHeaderField: "Content-Type")
            urlRequest.setValue("application/json", forHTTPHeaderField: "Accept")
            if let apiKey { urlRequest.setValue("Bearer \(apiKey)", forHTTPHeaderField: "Authorization") }
            let failure: ModelClientError
            var retryAfter: Double?
            do {
                // Latency runs from the moment the request holds a permit: waiting for one is not the server's time.
                let (response, latency) = try await semaphore.withPermit { [transport, settings, urlRequest, clock] in
                    let started = clock.now()
                    let feed: StreamFeed? = stream.map { StreamFeed($0) }
                    defer { feed?.end() }
                    var observer: HTTPTransport.BodyObserver?
                    if let feed { observer = { headers, bytes in feed.take(headers, bytes) } }
                    let response = try await transport.send(
                        urlRequest, timeout: settings.requestTimeout, observer: observer)
                    return (response, clock.now() - started)
                }
                sent += response.requestsSent - 1
                switch response.status {
                case 400 where stream != nil:
                    // A server that does not take `stream` gets the plain request at once.
                    plainOnly.insert(endpoint)
                    refusedStream = endpoint
                    attempt -= 1
                    continue
                case 200..<300:
                    await pool.markHealthy(endpoint)
                    do throws(OpenAIResponseDecoder.Failure) {
                        let streamed = OpenAIStreamDecoder.isStream(
                            contentType: response.headers["content-type"], body: response.body)
                        let decoded =
                            streamed
                            ? try OpenAIStreamDecoder.decode(response.body)
                            : try OpenAIResponseDecoder.decode(response.body)
                        if streamed, stream != nil, decoded.promptTokens == nil, decoded.completionTokens == nil {
                            // Without the usage the sample would differ from the unstreamed one: ask again plainly.
                            plainOnly.insert(endpoint)
                            attempt -= 1
                            continue
                        }
                        if !nativeMany, decoded.choices.count != 1 {
                            throw OpenAIResponseDecoder.Failure(
                                reason: "asked for 1 choice, got \(decoded.choices.count)")
                        }
                        let billed = decoded.samples(latency: latency).cost
                        return Answer(
                            decoded: decoded, endpoint: endpoint, attempts: attempt, latency: latency,
                            cost: Cost(
                                calls: sent, promptTokens: billed.promptTokens,
                                completionTokens: billed.completionTokens))
                    } catch {
                        failure = .malformedResponse(endpoint: name, reason: redact(error.reason), attempts: attempt)
                    }
                case 429, 500...:
                    if response.status >= 500 { await pool.markFailed(endpoint) }
                    retryAfter = RetryPolicy.retryAfterSeconds(response.headers["retry-after"])
                    failure = .serverError(
                        endpoint: name, status: response.status, message: serverMessage(response.body),
                        attempts: attempt)
                default:
                    // The plain request refused too: the request was wrong, not the stream.
                    if response.status == 400, refusedStream == endpoint { plainOnly.remove(endpoint) }
                    throw ModelClientError.serverError(
                        endpoint: name, status: response.status, message: serverMessage(response.body),
                        attempts: attempt)
                }
            } catch let transportFailure as HTTPTransport.Failure {
                await pool.markFailed(endpoint)
                switch transportFailure {
                case .timedOut:
                    failure = .timedOut(endpoint: name, seconds: settings.requestTimeout, attempts: attempt)
                case .connection(let reason):
                    failure = .connectionFailed(endpoint: name, reason: redact(reason), attempts: attempt)
                case .malformed(let reason):
                    failure = .malformedResponse(
                        endpoint: name, reason: "not valid HTTP: \(redact(reason))", attempts: attempt)
                case .closedBeforeAnswer:
                    failure = .connectionFailed(
                        endpoint: name, reason: "the server closed the connection without answering", attempts: attempt)
                case .tooLarge(let reason):
                    throw ModelClientError.responseTooLarge(endpoint: name, reason: reason, attempts: attempt)
                }
            }
            guard attempt < settings.retry.maxAttempts else { throw failure }
            let delay = random.withLock {
                settings.retry.delay(afterAttempt: attempt, retryAfter: retryAfter, random: &$0)
            }
            try await clock.sleep(seconds: delay)
        }
    }

    private func serverMessage(_ body: [UInt8]) -> String {
        redact(OpenAIResponseDecoder.errorMessage(from: body))
    }

    /// `text` with the API key cut out, in case a server echoes it.
    private func redact(_ text: String) -> String {
        guard let apiKey, text.contains(apiKey) else { return text }
        return text.replacingOccurrences(of: apiKey, with: "[redacted]")
    }
}

/// Endpoints marked once and for all (shared by the copies of a client).
private final class EndpointSet: Sendable {
    private let members = Mutex<Set<Int>>([])

    func insert(_ endpoint: Int) { _ = members.withLock { $0.insert(endpoint) } }
    func remove(_ endpoint: Int) { _ = members.withLock { $0.remove(endpoint) } }
    func contains(_ endpoint: Int) -> Bool { members.withLock { $0.contains(endpoint) } }
}

/// One streamed request's body on its way to a `TokenStreamWatch`: decoded as it arrives for the
/// text alone (the stored samples come from the whole body once it is complete).
private final class StreamFeed: Sendable {
    private let watch: TokenStreamWatch
    private let id: Int
    /// nil once the body turned out not to be a stream, or to be malformed (the whole body's
    /// decoding reports why); `checked` once its first bytes were looked at.
    private let state = Mutex<(decoder: OpenAIStreamDecoder?, checked: Bool)>((OpenAIStreamDecoder(), false))

    init(_ watch: TokenStreamWatch) {
        self.watch = watch
        id = watch.begin()
    }

    /// The next bytes of a 2xx body.
    func take(_ headers: [String: String], _ bytes: ArraySlice<UInt8>) {
        let pieces = state.withLock { state -> [OpenAIStreamDecoder.Piece] in
            if !state.checked {
                state.checked = true
                let start = Array(bytes.prefix(64))
                if !OpenAIStreamDecoder.isStream(contentType: headers["content-type"], body: start) {
                    state.decoder = nil
                }
            }
            guard state.decoder != nil else { return [] }
            do {
                return try state.decoder!.feed(bytes)
            } catch {
                state.decoder = nil
                return []
            }
        }
        watch.receive(pieces, for: id)
    }

    /// The request is over.
    func end() { watch.end(id) }
}

/// A random source shared by concurrent retries.
private final class LockedRandom: Sendable {
    private let source: Mutex<any RandomSource>

    init(_ source: any RandomSource) { self.source = Mutex(source) }

    func withLock<T>(_ body: (inout any RandomSource) -> T) -> T {
        source.withLock { body(&$0) }
    }
}

extension OpenAICompatibleClient {
    /// Marks every endpoint as ignoring `n > 1`, as if each had answered so (for tests).
    func markFansOutForTesting() async {
        for endpoint in endpoints.indices { await pool.markFansOut(endpoint) }
    }
}
