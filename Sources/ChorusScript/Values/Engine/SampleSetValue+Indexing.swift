import ChorusEngine

/// `s[i]` and `s["id"]`: one problem of a sample set with its samples.
extension SampleSetValue: IndexableObject {
    public var elementNoun: String { "problem" }
    public var elementCount: Int { graded.problems.count }
    public var elementIDs: [String] { graded.problems.map(\.problem.id) }

    public func element(at position: Int) -> Value {
        .object(problemSamples(at: position))
    }

    /// Problem `position` with its samples, and for a combiner's set the candidates it saw.
    func problemSamples(at position: Int) -> ProblemSamplesValue {
        let candidates = candidateSource.map { source in
            let input = source.input
            let shown = source.shown.indices.contains(position) ? source.shown[position] : []
            let seen = Set(shown.joined()).sorted()
            let all = SampleValue.all(
                of: input.graded.problems[position], origins: input.samples.entries[position].origins)
            return (set: input.samples.name, samples: seen.map { all[$0] }, shown: shown)
        }
        return ProblemSamplesValue(
            position: position, setName: samples.name, graded: graded.problems[position],
            origins: samples.entries[position].origins, candidates: candidates)
    }
}
