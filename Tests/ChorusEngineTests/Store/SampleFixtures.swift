import ChorusEngine
import Foundation

/// Samples for store tests, each with a distinct key.
enum SampleFixtures {
    static let model = "openai:http://localhost:8000/v1/Qwen2.5-7B-Instruct"

    static func prompt(_ question: String) -> JSONValue {
        .array([
            .object(["role": .string("system"), "content": .string("Solve it.")]),
            .object(["role": .string("user"), "content": .string(question)]),
        ])
    }

    static let parameters: JSONValue = .object([
        "temperature": .double(0.7), "top_p": .double(1.0), "max_tokens": .integer(512),
    ])

    /// Sample `index` of problem `problem`, with every optional field set on even indices.
    static func sample(problem: Int = 1, index: Int, seed: Int? = 42, text: String? = nil) -> StoredSample {
        let full = index.isMultiple(of: 2)
        return StoredSample(
            modelIdentity: model, problemID: "gsm8k-\(problem)", prompt: prompt("What is \(problem) + \(problem)?"),
            parameters: parameters, seed: seed, sampleIndex: index,
            sample: Sample(
                text: text ?? "Line one\nthe answer is \\boxed{\(2 * problem)} — ok \"quoted\" 🎲",
                finishReason: full ? "stop" : nil, promptTokens: full ? 31 : nil,
                completionTokens: full ? 120 + index : nil,
                latency: full ? 1.25 + Double(index) / 7 : nil, meanLogProbability: full ? -0.1 / 3 : nil,
                score: full ? 0.875 : nil),
            createdAt: Date(timeIntervalSince1970: 1_750_000_000.123 + Double(index)))
    }

    static func samples(problems: Int, perProblem: Int) -> [StoredSample] {
        (1...problems).flatMap { problem in (0..<perProblem).map { sample(problem: problem, index: $0) } }
    }
}
