import ChorusEngine

/// What `sample`, `aggregate`, `refine` and `score` share: opening the sample store, running model
/// work with a progress line on a terminal, Ctrl-C that keeps what finished, and the summary line.
enum StoredModelRun {
    /// The session's sample store, or a user error saying why it cannot be opened.
    static func store(_ invocation: Invocation) async throws -> any SampleStore {
        let services = invocation.session.services
        return try await invocation.mapping(at: nil, prefix: "cannot open the sample store: ") {
            try await services.sampleStore()
        }
    }

    /// Runs `work`, showing its progress; `command` and `results` (samples, answers, …) word the
    /// messages, and a failure points at `argument`.
    static func perform<Result>(
        _ command: String, results: String, invocation: Invocation, at argument: some ParameterNaming,
        _ work: (_ progress: @escaping @Sendable (SamplingProgress) -> Void) async throws -> Result
    ) async throws -> Result {
        let output = invocation.session.output
        let store = try await store(invocation)
        let keptBefore = await store.sessionOnlyCount()
        // Whatever way the run ends, samples that only memory holds are worth a warning saying so.
        func warnAboutKept() async {
            let kept = await store.sessionOnlyCount()
            guard kept > keptBefore else { return }
            let location = (store as? SQLiteSampleStore).map { " \($0.path)" } ?? ""
            invocation.warn(
                "the sample store\(location) cannot be written: \(Plural.count(kept - keptBefore, "new sample")) "
                    + "\(kept - keptBefore == 1 ? "is" : "are") kept in memory for this session only",
                notes: [
                    "`store backup: \"FILE\"` writes them, with the stored ones, to a new store file; "
                        + "`export \"FILE\"` writes them as JSON Lines that `import` reads back"
                ])
        }
        do {
            let result: Result
            if output.showsProgress {
                // On a terminal, requests stream (where the server can) and the line shows the text coming.
                let line = SamplingProgressLine(output: output, clock: invocation.session.clock)
                let watch = line.makeWatch()
                result = try await TokenStreamWatch.$current.withValue(watch) {
                    try await work { line.update($0, live: watch.snapshot) }
                }
            } else {
                result = try await work { output.progress(SamplingProgressLine.render($0)) }
            }
            output.progress(nil)
            await warnAboutKept()
            return result
        } catch is CancellationError {
            output.progress(nil)
            await warnAboutKept()
            output.writeError("\(command): finished \(results) are in the store; run the same line again to resume\n")
            throw CancellationError()
        } catch let error as InternalError {
            output.progress(nil)
            throw error
        } catch {
            output.progress(nil)
            await warnAboutKept()
            throw ArgumentError(
                wrapping: error, at: argument, prefix: "\(command) failed: ",
                hint: "finished \(results) are kept; rerun to resume")
        }
    }

    /// `sample: 24 from the store, 8 drawn from MODEL (8 calls, 2100 completion tokens, 41 s)`.
    static func summary(_ command: String, reused: Int, drawn: Int, spent: Cost, identity: String) -> String {
        var note = "\(command): \(reused) from the store, \(drawn) drawn from \(identity)"
        if spent.calls > 0 {
            note +=
                " (\(Plural.count(spent.calls, "call")), \(spent.completionTokens) completion tokens, "
                + NumberFormatting.duration(seconds: spent.wallSeconds) + ")"
        }
        return note
    }
}
