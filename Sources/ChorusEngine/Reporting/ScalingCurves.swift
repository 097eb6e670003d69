/// Accuracy as the number of samples grows: pass@k and maj@k of sample sets, one line each, against
/// k or against the tokens per problem that k samples cost.
public struct ScalingCurves: Sendable, Equatable {
    /// What the x axis measures.
    public enum Axis: String, Sendable, CaseIterable {
        /// Samples per problem.
        case k
        /// Mean tokens (prompt and completion) per problem for k samples.
        case tokens
    }

    /// One line of the plot.
    public struct Line: Sendable, Equatable {
        /// The label, such as `samples maj@k`.
        public let label: String
        /// (x, accuracy in 0…1) points, x increasing.
        public let points: [(x: Double, y: Double)]

        public static func == (lhs: Line, rhs: Line) -> Bool {
            lhs.label == rhs.label && lhs.points.elementsEqual(rhs.points) { $0.x == $1.x && $0.y == $1.y }
        }
    }

    /// Why curves cannot be drawn.
    public enum Failure: Error, Equatable, Sendable, CustomStringConvertible {
        /// A k outside 1…the samples every problem has.
        case kOutOfRange(k: Int, available: Int, set: String)
        /// Nothing to draw.
        case noSets

        /// The message shown to the user.
        public var description: String {
            switch self {
            case let .kOutOfRange(k, available, set):
                "k = \(k) is outside 1…\(available): some problem of \(set) has only \(available) sample\(available == 1 ? "" : "s")"
            case .noSets: "no sample sets to plot"
            }
        }
    }

    /// The x axis.
    public let axis: Axis
    /// The lines, two per set (pass@k, maj@k), in the order the sets were given.
    public let lines: [Line]

    /// Curves for `sets` at each k of `ks`.
    public init(_ sets: [GradedSampleSet], ks: [Int], axis: Axis = .k) throws(Failure) {
        guard !sets.isEmpty else { throw .noSets }
        let ks = Array(Set(ks)).sorted()
        var lines: [Line] = []
        for set in sets {
            let available = set.problems.map(\.samples.count).min() ?? 0
            for k in ks where k < 1 || k > available { throw .kOutOfRange(k: k, available: available, set: set.name) }
            let outcomes = set.problems.map { $0.outcome() }
            let count = Double(max(1, outcomes.count))
            let samples = set.problems.flatMap(\.samples)
            let tokensPerSample =
                samples.isEmpty
                ? 0
                : Double(samples.reduce(0) { $0 + ($1.promptTokens ?? 0) + ($1.completionTokens ?? 0) })
                    / Double(samples.count)
            func x(_ k: Int) -> Double { axis == .k ? Double(k) : (tokensPerSample * Double(k)).rounded() }
            let prefix = set.name.isEmpty ? "" : set.name + " "
            lines.append(
                Line(
                    label: prefix + "pass@k",
                    points: ks.map { k in
                        (x(k), outcomes.reduce(0) { $0 + ($1.passAt(k) ?? 0) } / count)
                    }))
            lines.append(
                Line(
                    label: prefix + "maj@k",
                    points: ks.map { k in
                        (x(k), outcomes.reduce(0) { $0 + ($1.majorityAt(k) ?? 0) } / count)
                    }))
        }
        self.axis = axis
        self.lines = lines
    }
}
