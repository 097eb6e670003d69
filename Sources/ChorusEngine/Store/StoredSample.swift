import Foundation

/// One finished sample as the store keeps it: its key, what produced it, and the response.
public struct StoredSample: Sendable, Equatable {
    /// The content address of the sample.
    public let key: SampleKey
    /// The model's identity string (never a credential).
    public let modelIdentity: String
    /// The problem the prompt was built from.
    public let problemID: String
    /// The full prompt as canonical JSON text.
    public let prompt: String
    /// The sampling parameters as canonical JSON text.
    public let parameters: String
    /// The request's seed, when one was sent.
    public let seed: Int?
    /// Which sample of the same request this is, from 0.
    public let sampleIndex: Int
    /// The response with its usage, latency, log-probability and score.
    public var sample: Sample
    /// When the sample was saved, to the millisecond.
    public let createdAt: Date

    /// A sample to store; its key is computed from the content, and `createdAt` comes from the engine's clock.
    public init(
        modelIdentity: String, problemID: String, prompt: JSONValue, parameters: JSONValue, seed: Int?,
        sampleIndex: Int, sample: Sample, createdAt: Date
    ) {
        let encoder = SampleKeyEncoder(
            modelIdentity: modelIdentity, prompt: prompt, parameters: parameters, seed: seed)
        self.init(
            key: encoder.key(forSample: sampleIndex), modelIdentity: modelIdentity, problemID: problemID,
            prompt: encoder.promptText, parameters: encoder.parametersText, seed: seed, sampleIndex: sampleIndex,
            sample: sample, createdAt: createdAt)
    }

    /// A sample read back from storage, whose key was computed when it was first saved.
    init(
        key: SampleKey, modelIdentity: String, problemID: String, prompt: String, parameters: String, seed: Int?,
        sampleIndex: Int, sample: Sample, createdAt: Date
    ) {
        self.key = key
        self.modelIdentity = modelIdentity
        self.problemID = problemID
        self.prompt = prompt
        self.parameters = parameters
        self.seed = seed
        self.sampleIndex = sampleIndex
        self.sample = sample
        self.createdAt = Self.wholeMilliseconds(createdAt)
    }

    /// Milliseconds since 1970, the form the store and exports keep `createdAt` in.
    public var createdAtMilliseconds: Int64 {
        Int64((createdAt.timeIntervalSince1970 * 1000).rounded())
    }

    /// Rounds to the millisecond so a time survives every trip through storage unchanged.
    static func wholeMilliseconds(_ date: Date) -> Date {
        Date(timeIntervalSince1970: (date.timeIntervalSince1970 * 1000).rounded() / 1000)
    }
}
