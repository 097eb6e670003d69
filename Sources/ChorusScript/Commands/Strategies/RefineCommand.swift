import ChorusEngine

/// `refine`: Generative Self-Refinement (GSR), round after round.
struct RefineCommand: Command {
    static let with = ParameterKey<ModelValue>.named("with", "the model that reads the candidates (from `model`)")
    static let options = CombinerOptions(defaultK: 4, defaultTemplate: "gsr")
    static let rounds = ParameterKey<Int>.named(
        "rounds", "refine the refined answers again this many times in all", default: 1, in: .between(1, 16))

    let signature = CommandSignature(
        name: "refine", group: .strategies,
        summary: "Shows a model each problem with k candidate solutions and keeps the new solution it writes (GSR).",
        parameters: [CombinerOptions.samples, Self.with, Self.options, Self.rounds],
        discussion: """
            The GSR prompt: the problem, `Solution 1:` … `Solution k:`, and the \
            request for a new, complete, correct solution that may reuse, fix or \
            reject them, answer in \\boxed{}. Each round's candidates are the \
            previous round's answers (give n: k or more to keep k candidates). \
            After the run it reports the refinement gap (refined accuracy minus \
            maj@k of the first round's candidates), the problems recovered when \
            every candidate was wrong, and those lost when the majority was \
            right. A `k` larger than the candidates a round has is refused \
            (`clamp: true` uses the fewest instead). Returns a sample set of the \
            refined answers, labelled `refine@k (MODEL)` (`refine@k×rounds …`).
            """,
        examples: [
            "r = refine s with: gen k: 4", "r2 = refine s with: gen k: 4 n: 4 rounds: 2",
            "r3 = refine s with: gen k: 8 clamp: true",
        ])

    func run(_ invocation: Invocation) async throws -> Value {
        let input = invocation[CombinerOptions.samples]
        let model = invocation[Self.with]
        let rounds = invocation[Self.rounds]
        // A round after the first reads the n answers per prompt of the round before it.
        let fewest = input.samples.minimumSamplesPerProblem
        let laterRounds = rounds > 1 && invocation[Self.options.n] < fewest
        let combiner = try await Self.options.combiner(
            invocation, model: model, kind: .refinement, command: "refine",
            available: laterRounds ? invocation[Self.options.n] : fewest,
            shortfall: laterRounds
                ? "a round after the first reads only the n: \(invocation[Self.options.n]) answers of the round before"
                : nil)
        let k = combiner.selection.k
        let name = Self.options.label(
            invocation, strategy: rounds == 1 ? "refine@\(k)" : "refine@\(k)×\(rounds)", model: model)
        // Each round's candidates are the previous round's answers; the result keeps the last round's.
        var candidates = input
        var refined = input
        for round in 1...rounds {
            let label = round == rounds ? name : "\(name) round \(round)"
            let outcome = try await CombinerOptions.run(
                combiner, on: candidates.samples, name: label,
                command: rounds == 1 ? "refine" : "refine round \(round)", model: model,
                at: Self.with, invocation: invocation)
            refined = try CombinerOptions.graded(
                outcome, from: candidates, template: combiner.template, invocation: invocation)
            candidates = refined
        }
        if let comparison = Self.comparison(refined: refined.graded, candidates: input.graded, k: k) {
            invocation.session.output.writeError(Self.report(comparison, k: k) + "\n")
        }
        return .object(refined)
    }

    /// The refined answers against maj@k of the candidates they were made from, problem by problem.
    static func comparison(refined: GradedSampleSet, candidates: GradedSampleSet, k: Int) -> RefinementComparison? {
        let inputs = candidates.problems.map { $0.outcome(firstK: k) }
        let outputs = refined.problems.map { $0.outcome() }
        return RefinementComparison(
            strategyCorrect: outputs.map { ($0.majorityAt($0.sampleCount) ?? 0) > 0.5 },
            majorityScores: inputs.map { $0.majorityAt($0.sampleCount) ?? 0 },
            anyCandidateCorrect: inputs.map { $0.correct > 0 })
    }

    /// `refine: gap +8.3 points over maj@4 of the candidates; recovered 2 problems …; lost 1 …`.
    static func report(_ comparison: RefinementComparison, k: Int) -> String {
        let points = comparison.gap * 100
        let sign = points >= 0 ? "+" : "−"
        return
            "refine: gap \(sign)\(NumberFormatting.fixed(abs(points), digits: 1)) points over maj@\(k) of the candidates; "
            + "recovered \(Plural.count(comparison.recoveredWhenAllWrong, "problem")) where every candidate was wrong; "
            + "lost \(comparison.lostWhenMajorityRight) where the majority was right"
    }
}
