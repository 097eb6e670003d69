import ChorusEngine

extension Session {
    /// Runs a loop: its body once for each value, each iteration's output under a line naming the value.
    ///
    /// Gives the list of the iterations' values (each the value of the body's last statement) and
    /// assigns it to the loop's target. `outer` names the values of the loops around it, so a nested
    /// loop's lines say where they are. A loop that fails or is stopped changes no variable, as any
    /// failed statement; what it drew from a model is in the store already, so a rerun draws only the rest.
    func run(_ loop: Loop, in source: SourceFile, within outer: [String]) async throws -> Value {
        if let target = loop.target, let range = loop.targetRange {
            try checkVariableName(target, at: range, in: source)
        }
        try checkVariableName(loop.variable, at: loop.variableRange, in: source)
        let items = try await values(of: loop, in: source)
        let saved = (variables, variableOrder)
        var collected: [Value] = []
        do {
            for (position, item) in items.enumerated() {
                let place = outer + ["\(loop.variable) = \(item.summary)"]
                var range = loop.headerRange
                do {
                    try Task.checkCancellation()
                    assign(loop.variable, item)
                    output.write("── " + place.joined(separator: ", ") + " ──\n")
                    var value = Value.none
                    for statement in loop.body {
                        range = statement.range
                        if case .loop(let inner) = statement.kind {
                            value = try await run(inner, in: source, within: place)
                        } else {
                            value = try await perform(statement, in: source)
                        }
                    }
                    collected.append(value)
                } catch let failure as IterationFailure {
                    throw failure
                } catch {
                    let spot = place.joined(separator: ", ") + " (iteration \(position + 1) of \(items.count))"
                    throw IterationFailure(underlying: error, place: spot, range: range)
                }
            }
        } catch let failure as IterationFailure {
            // Only the outermost loop restores and reports; inner loops pass the failure out.
            guard outer.isEmpty else { throw failure }
            (variables, variableOrder) = saved
            throw report(failure, finished: collected.count, in: source)
        }
        let result = Value.list(collected)
        if let target = loop.target { assign(target, result) }
        return result
    }

    /// The loop's values: a list with at least one item.
    private func values(of loop: Loop, in source: SourceFile) async throws -> [Value] {
        let sequence = try await evaluate(loop.sequence, in: source)
        guard case .list(let items) = sequence else {
            throw Diagnostic(
                .error, "a loop goes over a list, not a value of type \(sequence.typeName)", source: source,
                range: loop.sequence.range, hint: "write the values in brackets: `for \(loop.variable) in [1, 2, 4]`")
        }
        guard !items.isEmpty else {
            throw Diagnostic(
                .error, "the loop goes over an empty list, so its body would never run", source: source,
                range: loop.sequence.range)
        }
        return items
    }

    /// The error to show for a failed or stopped loop, saying where it stopped and how to resume.
    private func report(_ failure: IterationFailure, finished: Int, in source: SourceFile) -> any Error {
        let finishedText = finished == 0 ? "" : " after \(Plural.count(finished, "iteration")) finished"
        let resume = "; it changed no variable, and what it drew is in the store: running it again draws only the rest"
        if failure.underlying is CancellationError {
            reportInterrupt()
            output.writeError("note: the loop stopped at \(failure.place)\(finishedText)\(resume)\n")
            return failure.underlying
        }
        guard
            var diagnostic = UserErrors.diagnostic(for: failure.underlying, source: source, range: failure.range)
        else { return failure.underlying }
        diagnostic.notes.append("the loop failed at \(failure.place)\(finishedText)\(resume)")
        return diagnostic
    }
}

/// An error inside a loop's iteration, with where it happened, on its way out to the outermost loop.
private struct IterationFailure: Error {
    let underlying: any Error
    /// The loop values that name the iteration: `t = 0.3, k = 4 (iteration 3 of 4)`.
    let place: String
    /// The failing statement, where an error without a place of its own is shown.
    let range: SourceRange
}
