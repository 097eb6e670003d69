import Foundation

/// A learned combiner: a linear policy over a problem's answer classes (softmax of weighted,
/// standardised `ClassFeatures`) that picks the class with the highest score.
public struct LearnedAggregator: Sendable, Equatable {
    /// The name it is saved and loaded by.
    public var name: String
    /// The feature names the weights belong to.
    public var featureNames: [String]
    /// One weight per feature.
    public var weights: [Double]
    /// Each feature's training mean, subtracted before weighting.
    public var means: [Double]
    /// Each feature's training standard deviation, divided by before weighting.
    public var scales: [Double]
    /// Facts about the training run (set, steps, seed, held-out accuracy), for the file.
    public var provenance: [String: String]

    /// Creates an aggregator.
    public init(
        name: String, featureNames: [String] = ClassFeatures.names, weights: [Double], means: [Double],
        scales: [Double], provenance: [String: String] = [:]
    ) {
        self.name = name
        self.featureNames = featureNames
        self.weights = weights
        self.means = means
        self.scales = scales
        self.provenance = provenance
    }

    /// Each class's score for a problem's feature vectors.
    public func scores(_ features: [[Double]]) -> [Double] {
        features.map { vector in
            var total = 0.0
            for index in weights.indices {
                total += weights[index] * (vector[index] - means[index]) / scales[index]
            }
            return total
        }
    }

    /// The class it picks for a problem (the first of equal scores), or nil when no answer parsed.
    public func choose(_ problem: GradedProblem) -> Int? {
        let scores = scores(ClassFeatures.features(of: problem))
        guard var best = scores.indices.first else { return nil }
        for index in scores.indices where scores[index] > scores[best] { best = index }
        return best
    }

    /// A sample set with one answer per problem: the first sample of the chosen class (a problem
    /// without a parseable answer keeps its first sample). Its cost is its input's: choosing is free.
    public func aggregate(_ candidates: GradedSampleSet, name: String) throws -> SampleSet {
        var entries: [SampleSet.Entry] = []
        for problem in candidates.problems {
            try Task.checkCancellation()
            let index = choose(problem).map { problem.classes[$0].members[0] } ?? (problem.samples.isEmpty ? nil : 0)
            entries.append(
                SampleSet.Entry(problem: problem.problem, samples: index.map { [problem.samples[$0]] } ?? []))
        }
        return SampleSet(name: name, entries: entries, cost: candidates.cost)
    }
}
