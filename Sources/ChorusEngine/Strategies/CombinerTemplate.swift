/// A versioned prompt that shows a model one problem with K candidate solutions and asks for one
/// answer: SSA's aggregation prompt, GSR's refinement prompt, or a user's own text.
///
/// The text holds `{question}` and `{candidates}`; each candidate is written as `candidateFormat`
/// (`{index}` from 1, `{text}` the full response) and the candidates are joined by a blank line.
/// Its name and a hash of its text go into every sample's store key.
public struct CombinerTemplate: Sendable, Equatable {
    /// Which prompt layout it follows: how candidates are labelled and answers read.
    public enum Kind: String, Sendable, CaseIterable {
        /// Sample Set Aggregation: `Answer i:` candidates, reasoning in `<think>`, answer in `<answer>`.
        case aggregation
        /// Generative Self-Refinement: `Solution i:` candidates, a new solution with a `\boxed{}` answer.
        case refinement
    }

    /// A short name with a version, such as `ssa-v1`.
    public let name: String
    /// The layout it follows.
    public let kind: Kind
    /// The prompt, with `{question}` and `{candidates}`.
    public let text: String

    /// Why a template text cannot be used.
    public enum Failure: Error, Equatable, Sendable, CustomStringConvertible {
        /// The text lacks a placeholder.
        case missingPlaceholder(String)

        /// The message shown to the user.
        public var description: String {
            switch self {
            case .missingPlaceholder(let name): "the template has no \(name) placeholder"
            }
        }
    }

    /// Creates a template; the text must hold both placeholders.
    public init(name: String, kind: Kind, text: String) throws(Failure) {
        for placeholder in ["{question}", "{candidates}"] where !text.contains(placeholder) {
            throw .missingPlaceholder(placeholder)
        }
        self.name = name
        self.kind = kind
        self.text = text
    }

    /// How one candidate is written.
    public var candidateFormat: String {
        switch kind {
        case .aggregation: "Answer {index}:\n{text}"
        case .refinement: "Solution {index}:\n{text}"
        }
    }

    /// How answers in the model's output are read: an aggregator's `<answer>` comes before the
    /// boxed answers its reasoning quotes.
    public var extraction: ExtractionOptions {
        switch kind {
        case .aggregation: ExtractionOptions(answerTagFirst: true)
        case .refinement: .all
        }
    }

    /// `name@` and the first 12 hex digits of the SHA-256 of the kind and text: the store key's part.
    public var versionKey: String {
        name + "@" + SHA256.hex(of: "\(kind.rawValue)\n\(text)").prefix(12)
    }

    /// The user message for a question and its candidates' texts.
    public func prompt(question: String, candidates: [String]) -> [ChatMessage] {
        let written = candidates.enumerated().map { offset, text in
            candidateFormat.replacingOccurrences(of: "{index}", with: String(offset + 1))
                .replacingOccurrences(of: "{text}", with: text.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        // Candidates first, so a `{question}` written inside a candidate is never replaced.
        let content = text.replacingOccurrences(of: "{question}", with: question)
            .replacingOccurrences(of: "{candidates}", with: written.joined(separator: "\n\n"))
        return [ChatMessage(role: "user", content: content)]
    }

    /// A template from a file's text: one final newline is not part of the prompt.
    public init(name: String, kind: Kind, fileText: String) throws(Failure) {
        try self.init(name: name, kind: kind, text: fileText.hasSuffix("\n") ? String(fileText.dropLast()) : fileText)
    }

    /// SSA's layout in Chorus's words (`Templates/ssa-v1.txt`): the question, `Below are the proposed
    /// answers:`, `Answer 1:` … `Answer K:`, then the instruction to give one correct answer with
    /// reasoning in `<think>` and the answer in `<answer>`. Given to an untrained instruct model, this
    /// is the universal self-consistency (USC) baseline.
    public static let ssa = try! CombinerTemplate(
        name: "ssa-v1", kind: .aggregation, fileText: String(decoding: PackageResources.ssa_v1_txt, as: UTF8.self))

    /// GSR's layout in Chorus's words (`Templates/gsr-v1.txt`): the problem, the candidate solutions,
    /// and the request for a new, complete, correct solution that may reuse, fix or reject them,
    /// answer in `\boxed{}`.
    public static let gsr = try! CombinerTemplate(
        name: "gsr-v1", kind: .refinement, fileText: String(decoding: PackageResources.gsr_v1_txt, as: UTF8.self))
}
