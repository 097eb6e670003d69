/// Groups a problem's samples into classes of equivalent answers and marks which class is correct.
///
/// Each sample's answer is extracted and parsed; it joins the first class
/// (in order of first appearance) whose representative it is equivalent to,
/// or starts a new class. Answers that cannot be extracted or parsed go to
/// the unparseable bucket, never into a class; so do responses cut off before they finished
/// (``TruncationCheck``), counted apart as truncated unless the policy is
/// ``TruncationPolicy/grade``. A class is correct when its representative is equivalent to the
/// gold answer.
public struct AnswerClassifier: Sendable {
    /// How answers are extracted, and when two are the same.
    public let grader: Grader
    /// What a cut-off response gets: no class (`.separate`, the default), or graded as usual.
    public let truncation: TruncationPolicy

    /// Creates a classifier.
    public init(grader: Grader = Grader(), truncation: TruncationPolicy = .separate) {
        self.grader = grader
        self.truncation = truncation
    }

    /// Grades every problem of a sample set; stops with `CancellationError` when the task is cancelled.
    public func grade(_ set: SampleSet) throws -> GradedSampleSet {
        var problems: [GradedProblem] = []
        problems.reserveCapacity(set.entries.count)
        for entry in set.entries {
            try Task.checkCancellation()
            problems.append(grade(entry.problem, samples: entry.samples))
        }
        return GradedSampleSet(name: set.name, problems: problems, cost: set.cost)
    }

    /// Grades one problem's samples.
    public func grade(_ problem: Problem, samples: [Sample]) -> GradedProblem {
        let gold = GoldAnswer(problem.goldAnswer)
        var classes: [AnswerClass] = []
        var representatives: [ParsedAnswer] = []
        var classByKey: [String: Int] = [:]
        var graded: [GradedSample] = []
        graded.reserveCapacity(samples.count)
        // Many samples of a problem repeat a response word for word: each text is read and parsed once.
        var readings: [String: (reading: AnswerReading, parsed: ParsedAnswer?)] = [:]
        for (index, sample) in samples.enumerated() {
            let (reading, parsedAnswer) =
                readings[sample.text]
                ?? {
                    let reading = grader.extractor.read(sample.text)
                    let read = (reading: reading, parsed: reading.answer.flatMap { AnswerParser.parse($0.text) })
                    readings[sample.text] = read
                    return read
                }()
            let found = reading.answer
            if truncation == .separate, TruncationCheck.isTruncated(reading, finishReason: sample.finishReason) {
                graded.append(GradedSample(extracted: found, classIndex: nil, isTruncated: true))
                continue
            }
            guard let extracted = found, let parsed = parsedAnswer else {
                graded.append(GradedSample(extracted: found, classIndex: nil))
                continue
            }
            var classIndex: Int?
            if let key = parsed.canonicalKey, let known = classByKey[key] {
                classIndex = known
            } else {
                classIndex = representatives.firstIndex { grader.equivalence.areEquivalent($0, parsed) }
            }
            if let existing = classIndex {
                classes[existing].members.append(index)
            } else {
                let isCorrect = grader.matches(parsed, writtenAs: extracted.text, gold: gold)
                classes.append(AnswerClass(answer: extracted.text, members: [index], isCorrect: isCorrect))
                representatives.append(parsed)
                classIndex = classes.count - 1
            }
            if let key = parsed.canonicalKey, let classIndex { classByKey[key] = classIndex }
            graded.append(GradedSample(extracted: extracted, classIndex: classIndex))
        }
        return GradedProblem(
            problem: problem, samples: samples, graded: graded, classes: classes, goldIsParseable: gold.parsed != nil)
    }
}

/// Answers judged equivalent, in order of first appearance.
public struct AnswerClass: Sendable, Equatable {
    /// The answer as first written (the representative).
    public let answer: String
    /// Indices of the samples in this class, ascending.
    public internal(set) var members: [Int]
    /// Whether the class matches the gold answer.
    public let isCorrect: Bool
}

/// One sample's extracted answer and class.
public struct GradedSample: Sendable, Equatable {
    /// The answer text found in the response, if any.
    public let extracted: ExtractedAnswer?
    /// The sample's class; nil for an unparseable or truncated answer.
    public let classIndex: Int?
    /// Whether the response was cut off and so left out of every class.
    public let isTruncated: Bool

    /// Creates a graded sample.
    public init(extracted: ExtractedAnswer?, classIndex: Int?, isTruncated: Bool = false) {
        self.extracted = extracted
        self.classIndex = classIndex
        self.isTruncated = isTruncated
    }

    /// Where the sample landed, for reports: a class (`match` or `mismatch` by the class), or apart.
    public var isUnparseable: Bool { classIndex == nil && !isTruncated }
}

/// A problem with its samples sorted into answer classes.
public struct GradedProblem: Sendable {
    /// The problem.
    public let problem: Problem
    /// The samples, in order.
    public let samples: [Sample]
    /// Each sample's grading, aligned with `samples`.
    public let graded: [GradedSample]
    /// The answer classes, in order of first appearance.
    public let classes: [AnswerClass]
    /// Whether the gold answer itself could be parsed (if not, answers match it by text only).
    public let goldIsParseable: Bool

    /// Whether sample `index` is correct.
    public func isCorrect(_ index: Int) -> Bool {
        graded[index].classIndex.map { classes[$0].isCorrect } ?? false
    }

    /// Class sizes and correctness over the first `k` samples (all when nil), for the metrics.
    public func outcome(firstK k: Int? = nil) -> ProblemOutcome {
        let limit = min(k ?? samples.count, samples.count)
        var sizes = Array(repeating: 0, count: classes.count)
        var unparseable = 0
        var truncated = 0
        for index in 0..<limit {
            if let classIndex = graded[index].classIndex {
                sizes[classIndex] += 1
            } else if graded[index].isTruncated {
                truncated += 1
            } else {
                unparseable += 1
            }
        }
        let correct = zip(classes, sizes).filter { $0.0.isCorrect }.map(\.1).reduce(0, +)
        let wrong = zip(classes, sizes).filter { !$0.0.isCorrect && $0.1 > 0 }.map(\.1)
        return ProblemOutcome(
            correct: correct, wrongClassSizes: wrong, unparseable: unparseable, truncated: truncated,
            correctInOrder: (0..<limit).map(isCorrect))
    }
}

/// A sample set after grading: every problem's answer classes.
public struct GradedSampleSet: Sendable {
    /// The label of the set it came from.
    public let name: String
    /// The graded problems, in order.
    public let problems: [GradedProblem]
    /// What the samples cost.
    public let cost: Cost

    /// Samples with no readable answer, over every problem.
    public var unparseableCount: Int { problems.reduce(0) { $0 + $1.graded.count(where: \.isUnparseable) } }

    /// Samples cut off before they finished, over every problem.
    public var truncatedCount: Int { problems.reduce(0) { $0 + $1.graded.count(where: \.isTruncated) } }
}
