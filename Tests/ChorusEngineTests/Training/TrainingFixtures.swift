import ChorusEngine

/// Graded sample sets built from answer lists, for the training tests.
enum TrainingFixtures {
    /// Problem `i` has gold answer `golds[i]` and one sample per answer, each `… \boxed{answer}`.
    static func set(
        _ answers: [[String]], golds: [String]? = nil, name: String = "samples"
    ) -> (SampleSet, GradedSampleSet) {
        let entries = answers.enumerated().map { index, list in
            SampleSet.Entry(
                problem: Problem(
                    id: "p\(index)", question: "What is question \(index)?", goldAnswer: golds?[index] ?? "1",
                    source: "test"),
                samples: list.map { Sample(text: "Working it out.\n\\boxed{\($0)}", completionTokens: 12) })
        }
        let set = SampleSet(name: name, entries: entries)
        return (set, try! AnswerClassifier().grade(set))
    }
}
