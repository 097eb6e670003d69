import Synchronization

/// Draws samples for a dataset, reading the store first and calling the model only for what is missing.
///
/// Every sample is keyed by (model identity, prompt, parameters, seed,
/// index). With a seed, sample i is requested alone with its own seed
/// (`SamplingParameters.seed(forSample:)`), so it is
/// the same sample however the run was batched or resumed; without one, a
/// problem's missing samples go in one request with n > 1. Each finished
/// response's samples are committed to the store together as it arrives, so Ctrl-C
/// or a crash loses nothing finished, and a rerun resumes.
public struct Sampler: Sendable {
    /// The model to call.
    public let client: any ModelClient
    /// Where samples are kept.
    public let store: any SampleStore
    /// How a problem becomes a prompt.
    public let template: PromptTemplate
    /// The clock that times the run.
    public let clock: any EngineClock

    /// Creates a sampler.
    public init(
        client: any ModelClient, store: any SampleStore, template: PromptTemplate = .standard,
        clock: any EngineClock = SystemClock()
    ) {
        self.client = client
        self.store = store
        self.template = template
        self.clock = clock
    }

    /// One request: a problem and the sample indices it fills.
    private struct Job: Sendable {
        let problemIndex: Int
        let indices: [Int]
    }

    /// Samples every problem `parameters.n` times; throws `CancellationError` when cancelled, after saving what finished.
    public func sample(
        _ dataset: Dataset, parameters: SamplingParameters, name: String,
        progress: @escaping @Sendable (SamplingProgress) -> Void = { _ in }
    ) async throws -> SamplingOutcome {
        try await sample(
            dataset, prompts: dataset.problems.map { template.messages(for: $0) }, parameters: parameters, name: name,
            progress: progress)
    }

    /// Samples every problem `parameters.n` times from a prompt of its own (`prompts[i]` for problem i),
    /// such as an aggregation prompt holding the problem's candidates; the template is not used.
    public func sample(
        _ dataset: Dataset, prompts: [[ChatMessage]], parameters: SamplingParameters, name: String,
        progress: @escaping @Sendable (SamplingProgress) -> Void = { _ in }
    ) async throws -> SamplingOutcome {
        precondition(prompts.count == dataset.count, "one prompt per problem")
        let started = clock.now()
        let identity = client.identity
        let parameterDocument = parameters.keyDocument
        // Everything a key holds but the sample's index is written once per prompt, not per sample.
        let encoders = prompts.map {
            SampleKeyEncoder(
                modelIdentity: identity, prompt: $0.jsonValue, parameters: parameterDocument, seed: parameters.seed)
        }
        // Problem p's sample i is keys[p * n + i]: computed once, for the lookup and for the saves.
        let keys = encoders.flatMap { encoder in (0..<parameters.n).map { encoder.key(forSample: $0) } }
        var stored = try await store.responses(for: keys)
        // Each sample, and when its response finished (the store's creation time, for the set's
        // wall time), moved out of what the store read: a rerun holds every sample once.
        var collected: [[Sample?]] = []
        var finished: [[Double?]] = []
        for problem in encoders.indices {
            var samples: [Sample?] = []
            var times: [Double?] = []
            samples.reserveCapacity(parameters.n)
            times.reserveCapacity(parameters.n)
            for place in problem * parameters.n..<(problem + 1) * parameters.n {
                let response = stored[place].take()
                times.append(response?.createdAtSeconds)
                samples.append(response?.sample)
            }
            collected.append(samples)
            finished.append(times)
        }
        stored = []
        let reused = collected.reduce(0) { $0 + $1.count { $0 != nil } }
        var jobs: [Job] = []
        for (problemIndex, row) in collected.enumerated() {
            let missing = row.indices.filter { row[$0] == nil }
            guard !missing.isEmpty else { continue }
            if parameters.seed != nil {
                jobs += missing.map { Job(problemIndex: problemIndex, indices: [$0]) }
            } else {
                jobs.append(Job(problemIndex: problemIndex, indices: missing))
            }
        }
        let total = dataset.count * parameters.n
        let tally = Tally()
        let clock = self.clock
        progress(SamplingProgress(total: total, reused: reused, drawn: 0, completionTokens: 0, elapsed: 0))

        let store = self.store
        let client = self.client
        let problems = dataset.problems
        try await withThrowingTaskGroup(of: (Job, [Sample], [Double]).self) { group in
            for job in jobs {
                group.addTask {
                    try Task.checkCancellation()
                    let messages = prompts[job.problemIndex]
                    var asked = parameters
                    asked.n = job.indices.count
                    asked.seed = parameters.seed(forSample: job.indices[0])
                    let request = CompletionRequest(
                        prompt: parameters.rewardModel ? .reward(messages) : .chat(messages), parameters: asked)
                    let response = try await client.complete(request)
                    let samples = Array(response.samples.prefix(job.indices.count))
                    let encoder = encoders[job.problemIndex]
                    let saved = samples.enumerated().map { offset, sample in
                        StoredSample(
                            key: keys[job.problemIndex * parameters.n + job.indices[offset]], modelIdentity: identity,
                            problemID: problems[job.problemIndex].id, prompt: encoder.promptText,
                            parameters: encoder.parametersText, seed: parameters.seed,
                            sampleIndex: job.indices[offset], sample: sample, createdAt: clock.date())
                    }
                    // One transaction per response: committed before it is counted as drawn.
                    try await store.save(contentsOf: saved)
                    let finishedAt = saved.map(\.createdAt.timeIntervalSince1970)
                    // Counted as the sample set counts them, so the summary and the set agree: an
                    // answered request is a call (resends and retries are not), tokens as recorded.
                    // A response whose samples carry no usage is still one call; a replay calls nothing.
                    var answered = response.cost.calls > 0 ? Cost(recordedBy: samples) : .zero
                    if response.cost.calls > 0 { answered.calls = max(answered.calls, 1) }
                    // The model began on this request `latency` before it finished; a local engine's
                    // start-up comes before that, so the rate leaves it out.
                    let now = clock.now()
                    let began = samples.first?.latency.map { now - $0 } ?? started
                    let snapshot = tally.state.withLock { state -> SamplingProgress in
                        state.drawn += samples.count
                        state.cost = state.cost + answered
                        state.servingSince = min(state.servingSince ?? began, began)
                        return SamplingProgress(
                            total: total, reused: reused, drawn: state.drawn,
                            completionTokens: state.cost.completionTokens, calls: state.cost.calls,
                            elapsed: now - started,
                            serving: now - (state.servingSince ?? started))
                    }
                    progress(snapshot)
                    return (job, samples, finishedAt)
                }
            }
            for try await (job, samples, finishedAt) in group {
                for (offset, sample) in samples.enumerated() {
                    collected[job.problemIndex][job.indices[offset]] = sample
                    finished[job.problemIndex][job.indices[offset]] = finishedAt[offset]
                }
            }
        }
        let missing = collected.reduce(0) { $0 + $1.count { $0 == nil } }
        guard missing == 0 else { throw SamplingError.incompleteResponses(missing: missing) }
        let entries = problems.indices.map { problemIndex in
            SampleSet.Entry(
                problem: problems[problemIndex],
                samples: collected[problemIndex].indices.compactMap { collected[problemIndex][$0].take() },
                origins: (0..<parameters.n).map {
                    SampleOrigin(key: keys[problemIndex * parameters.n + $0], seed: parameters.seed(forSample: $0))
                })
        }
        var spent = tally.state.withLock { $0.cost }
        spent.wallSeconds = clock.now() - started
        let drawn = tally.state.withLock { $0.drawn }
        let recorded = Cost(recordedBy: entries.flatMap(\.samples), finishedAt: finished.flatMap { $0 })
        return SamplingOutcome(
            samples: SampleSet(name: name, entries: entries, cost: recorded), reused: reused, drawn: drawn, spent: spent
        )
    }
}

/// Counts shared by a run's concurrent requests.
private final class Tally: Sendable {
    let state = Mutex((drawn: 0, cost: Cost.zero, servingSince: Double?.none))
}

/// Why a sampling run could not complete.
public enum SamplingError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The model returned fewer samples than asked for.
    case incompleteResponses(missing: Int)

    public var description: String {
        switch self {
        case .incompleteResponses(let missing):
            "the model returned \(missing) sample\(missing == 1 ? "" : "s") fewer than asked for"
        }
    }
}
