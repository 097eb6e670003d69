import Foundation

/// Trains a `LearnedAggregator` with policy gradient on answer correctness: for each problem of a
/// batch it samples a group of class choices from the softmax policy, rewards a choice 1 when its
/// class is correct and 0 otherwise, and weighs each choice's gradient by its reward minus the
/// group's mean, over the group's standard deviation (GRPO's group-relative baseline). Adam steps.
public struct AggregatorTrainer: Sendable {
    /// What training measured.
    public struct Report: Sendable, Equatable {
        /// The mean sampled reward of each step's batch: the learning curve.
        public var curve: [Double]
        /// Training problems, and those with a choice that matters (a right and a wrong class).
        public var trainProblems: Int
        /// Training problems where some class is right and some wrong.
        public var decisiveProblems: Int
        /// Held-out problems.
        public var heldOutProblems: Int
        /// The trained aggregator's accuracy on the training problems.
        public var trainAccuracy: Double
        /// Its accuracy on the held-out problems.
        public var heldOutAccuracy: Double
        /// Majority vote's accuracy on the held-out problems.
        public var heldOutMajority: Double
        /// Whether any class is right, on the held-out problems (the ceiling of any selector).
        public var heldOutOracle: Double
    }

    /// Gradient steps.
    public var steps: Int
    /// Problems per step (all when fewer).
    public var batchSize: Int
    /// Choices sampled per problem.
    public var groupSize: Int
    /// Adam's step size.
    public var learningRate: Double
    /// Weight decay toward zero.
    public var weightDecay: Double
    /// Seeds the batches and the sampled choices.
    public var seed: Int

    /// Creates a trainer.
    public init(
        steps: Int = 200, batchSize: Int = 32, groupSize: Int = 8, learningRate: Double = 0.05,
        weightDecay: Double = 1e-3, seed: Int = 1
    ) {
        self.steps = steps
        self.batchSize = batchSize
        self.groupSize = groupSize
        self.learningRate = learningRate
        self.weightDecay = weightDecay
        self.seed = seed
    }

    /// Trains on `train` and measures on `heldOut`; `step` sees each step's mean reward as it goes.
    public func train(
        name: String, train: [GradedProblem], heldOut: [GradedProblem], step: (Int, Double) -> Void = { _, _ in }
    ) throws -> (LearnedAggregator, Report) {
        let trainFeatures = train.map(ClassFeatures.features(of:))
        let correct = train.map { $0.classes.map(\.isCorrect) }
        let (means, scales) = Self.standardisation(trainFeatures.flatMap { $0 })
        var model = LearnedAggregator(
            name: name, weights: Array(repeating: 0, count: ClassFeatures.names.count), means: means, scales: scales)
        let standardisedFeatures = trainFeatures.map { classes in
            classes.map { vector in vector.indices.map { (vector[$0] - means[$0]) / scales[$0] } }
        }
        let usable = train.indices.filter { !trainFeatures[$0].isEmpty }
        var random = SplitMix64(seed: UInt64(bitPattern: Int64(seed)), stream: 0x7472_6169_6e)
        var adam = AdamOptimizer(count: model.weights.count, learningRate: learningRate)
        var curve: [Double] = []
        for index in 0..<steps {
            try Task.checkCancellation()
            let batch = usable.count <= batchSize ? usable : Array(random.shuffled(usable).prefix(batchSize))
            var gradient = Array(repeating: 0.0, count: model.weights.count)
            var rewardTotal = 0.0
            var choices = 0
            for problem in batch {
                let standardised = standardisedFeatures[problem]
                let policy = Self.softmax(standardised.map { zip($0, model.weights).reduce(0) { $0 + $1.0 * $1.1 } })
                let picks = (0..<groupSize).map { _ in Self.draw(policy, &random) }
                let rewards = picks.map { correct[problem][$0] ? 1.0 : 0.0 }
                rewardTotal += rewards.reduce(0, +)
                choices += picks.count
                let mean = rewards.reduce(0, +) / Double(rewards.count)
                let deviation = sqrt(rewards.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(rewards.count))
                guard deviation > 0 else { continue }
                // ∇ log π(c) = f(c) − Σ π(j) f(j) for a linear softmax policy.
                var expected = Array(repeating: 0.0, count: gradient.count)
                for (j, vector) in standardised.enumerated() {
                    for f in vector.indices { expected[f] += policy[j] * vector[f] }
                }
                for (pick, reward) in zip(picks, rewards) {
                    let advantage = (reward - mean) / (deviation + 1e-6)
                    for f in gradient.indices { gradient[f] += advantage * (standardised[pick][f] - expected[f]) }
                }
            }
            let scale = 1 / Double(max(1, choices))
            for f in gradient.indices { gradient[f] = gradient[f] * scale - weightDecay * model.weights[f] }
            adam.ascend(&model.weights, along: gradient)
            let reward = choices == 0 ? 0 : rewardTotal / Double(choices)
            curve.append(reward)
            step(index + 1, reward)
        }
        func accuracy(_ problems: [GradedProblem], _ decide: (GradedProblem) throws -> Bool) rethrows -> Double {
            problems.isEmpty ? 0 : Double(try problems.count(where: decide)) / Double(problems.count)
        }
        let vote = MajorityVote()
        let report = Report(
            curve: curve, trainProblems: train.count,
            decisiveProblems: train.count { problem in
                problem.classes.contains(where: \.isCorrect) && problem.classes.contains { !$0.isCorrect }
            },
            heldOutProblems: heldOut.count,
            trainAccuracy: accuracy(train) { problem in
                model.choose(problem).map { problem.classes[$0].isCorrect } ?? false
            },
            heldOutAccuracy: accuracy(heldOut) { problem in
                model.choose(problem).map { problem.classes[$0].isCorrect } ?? false
            },
            heldOutMajority: try accuracy(heldOut) { try vote.decide($0).isCorrect },
            heldOutOracle: accuracy(heldOut) { $0.classes.contains(where: \.isCorrect) })
        return (model, report)
    }

    /// Per-feature mean and standard deviation (1 where a feature does not vary).
    static func standardisation(_ vectors: [[Double]]) -> (means: [Double], scales: [Double]) {
        let count = ClassFeatures.names.count
        guard !vectors.isEmpty else { return (Array(repeating: 0, count: count), Array(repeating: 1, count: count)) }
        var means = Array(repeating: 0.0, count: count)
        for vector in vectors { for f in 0..<count { means[f] += vector[f] } }
        means = means.map { $0 / Double(vectors.count) }
        var scales = Array(repeating: 0.0, count: count)
        for vector in vectors { for f in 0..<count { scales[f] += (vector[f] - means[f]) * (vector[f] - means[f]) } }
        scales = scales.map { variance in
            let deviation = sqrt(variance / Double(vectors.count))
            return deviation > 1e-9 ? deviation : 1
        }
        return (means, scales)
    }

    static func softmax(_ scores: [Double]) -> [Double] {
        let top = scores.max() ?? 0
        let exponentials = scores.map { exp($0 - top) }
        let total = exponentials.reduce(0, +)
        return exponentials.map { $0 / total }
    }

    static func draw(_ policy: [Double], _ random: inout SplitMix64) -> Int {
        let target = Double(random.next() >> 11) / Double(1 << 53)
        var cumulative = 0.0
        for (index, probability) in policy.enumerated() {
            cumulative += probability
            if target < cumulative { return index }
        }
        return policy.count - 1
    }
}
