import ChorusEngine

/// The candidates a combiner (`aggregate`, `refine`) showed in its prompts: the set they came from
/// and, for each problem and each combined answer, which of its samples the prompt held. A class,
/// because a set value holds its source and a source holds a set value.
public final class CandidateSource: Sendable {
    /// The candidates' set, graded, with where its samples are stored.
    public let input: SampleSetValue
    /// `shown[i][j]`: the input samples the prompt of problem i's answer j showed.
    public let shown: [[[Int]]]

    /// Creates a source.
    public init(input: SampleSetValue, shown: [[[Int]]]) {
        self.input = input
        self.shown = shown
    }
}
