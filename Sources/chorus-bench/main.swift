// The Swift half of `scripts/bench/sample`: drives Chorus's real model client against a server and
// prints one JSON line of figures. A benchmark tool, not part of the product.
//
//   chorus-bench requests --url URL [--requests N] [--concurrency C]
//       N single chat requests, C in flight, through `OpenAICompatibleClient`:
//       {"client":"chorus","requests":N,"concurrency":C,"seconds":S,"cpu_seconds":CPU,"errors":E}
//   chorus-bench tokens --url URL [--requests N] [--concurrency C] [--max-tokens M]
//       N sampled answers (prompt i: "Problem i: what is i*7+3? Answer briefly.", seed i,
//       temperature 0.7), C in flight:
//       {"client":"chorus","requests":N,"seconds":S,"completion_tokens":T}
//       --stream: as a terminal's progress line has it, requests stream and every piece of text
//       is looked at as it comes ("client":"stream").
import ChorusEngine
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What the command line asked for.
struct BenchOptions {
    var mode: String
    var url: URL
    var requests = 20_000
    var concurrency = 256
    var maxTokens = 96
    var stream = false

    init(arguments: [String]) throws(BenchUsageError) {
        guard let mode = arguments.first, ["requests", "tokens"].contains(mode) else {
            throw BenchUsageError("the first argument is `requests` or `tokens`")
        }
        self.mode = mode
        var url: URL?
        var rest = arguments.dropFirst()
        while let flag = rest.popFirst() {
            if flag == "--stream" {
                stream = true
                continue
            }
            guard let value = rest.popFirst() else { throw BenchUsageError("\(flag) needs a value") }
            switch flag {
            case "--url": url = URL(string: value)
            case "--requests": requests = try Self.positive(value, flag)
            case "--concurrency": concurrency = try Self.positive(value, flag)
            case "--max-tokens": maxTokens = try Self.positive(value, flag)
            default: throw BenchUsageError("unknown option \(flag)")
            }
        }
        guard let url else { throw BenchUsageError("--url is required") }
        self.url = url
    }

    private static func positive(_ text: String, _ flag: String) throws(BenchUsageError) -> Int {
        guard let value = Int(text), value > 0 else { throw BenchUsageError("\(flag) takes a positive whole number") }
        return value
    }
}

/// A bad command line.
struct BenchUsageError: Error {
    var message: String
    init(_ message: String) { self.message = message }
}

/// User plus system CPU seconds this process has used.
func cpuSeconds() -> Double {
    var usage = rusage()
    #if canImport(Glibc)
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    #else
    getrusage(RUSAGE_SELF, &usage)
    #endif
    func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
    return seconds(usage.ru_utime) + seconds(usage.ru_stime)
}

/// Sends `count` requests, `concurrency` at a time, made by `request(i)`; returns what each answered.
func drive(
    client: OpenAICompatibleClient, count: Int, concurrency: Int,
    request: @Sendable @escaping (Int) -> CompletionRequest
) async -> [CompletionResponse?] {
    await withTaskGroup(of: (Int, CompletionResponse?).self) { group in
        var results = [CompletionResponse?](repeating: nil, count: count)
        var next = 0
        func add() {
            let index = next
            next += 1
            group.addTask { (index, try? await client.complete(request(index))) }
        }
        while next < min(count, concurrency) { add() }
        while let (index, response) = await group.next() {
            results[index] = response
            if next < count { add() }
        }
        return results
    }
}

func run(_ options: BenchOptions) async throws -> String {
    let settings = OpenAICompatibleClient.Settings(
        maxConcurrentRequests: options.concurrency, requestTimeout: 600, retry: RetryPolicy(maxAttempts: 1))
    let client = try OpenAICompatibleClient(model: "stub", endpoints: [options.url], settings: settings)
    let startCPU = cpuSeconds()
    let start = Date()
    switch options.mode {
    case "requests":
        let results = await drive(client: client, count: options.requests, concurrency: options.concurrency) { _ in
            CompletionRequest(
                prompt: .chat([.user("What is 6 times 7?")]),
                parameters: SamplingParameters(temperature: nil, maxTokens: 16))
        }
        let seconds = Date().timeIntervalSince(start)
        let cpu = cpuSeconds() - startCPU
        let errors = results.count { $0 == nil }
        return
            #"{"client":"chorus","requests":\#(options.requests),"concurrency":\#(options.concurrency),"seconds":\#(seconds),"cpu_seconds":\#(cpu),"errors":\#(errors)}"#
    default:
        let maxTokens = options.maxTokens
        // Every piece of text is looked at: more than the progress line does, which takes a snapshot only when
        // it redraws (ten times a second at most), so the streamed figure bounds its cost from above.
        let watch = options.stream ? TokenStreamWatch { _ = $0.snapshot } : nil
        let results = await TokenStreamWatch.$current.withValue(watch) {
            await drive(client: client, count: options.requests, concurrency: options.concurrency) { index in
                CompletionRequest(
                    prompt: .chat([
                        .user("Problem \(index): what is \(index)*7+3? Answer briefly.")
                    ]),
                    parameters: SamplingParameters(temperature: 0.7, maxTokens: maxTokens, seed: index))
            }
        }
        let seconds = Date().timeIntervalSince(start)
        let tokens = results.reduce(0) { $0 + ($1?.samples.compactMap(\.completionTokens).reduce(0, +) ?? 0) }
        let errors = results.count { $0 == nil }
        return
            #"{"client":"\#(options.stream ? "stream" : "chorus")","requests":\#(options.requests),"seconds":\#(seconds),"completion_tokens":\#(tokens),"errors":\#(errors)}"#
    }
}

do {
    let options = try BenchOptions(arguments: Array(CommandLine.arguments.dropFirst()))
    print(try await run(options))
} catch let error as BenchUsageError {
    FileHandle.standardError.write(Data("chorus-bench: \(error.message)\n".utf8))
    exit(64)
} catch {
    FileHandle.standardError.write(Data("chorus-bench: \(error)\n".utf8))
    exit(70)
}
