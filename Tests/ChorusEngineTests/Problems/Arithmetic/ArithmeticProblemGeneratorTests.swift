import Testing

@testable import ChorusEngine

@Suite struct ArithmeticProblemGeneratorTests {
    @Test func seedOneIsPinned() {
        let problems = ArithmeticProblemGenerator(seed: 1).dataset(count: 2).problems
        #expect(
            problems[0]
                == Problem(
                    id: "arith-1-0",
                    question: "Victor ate 1/3 of a cherry pie, and Quinn ate 3/10 of the same cherry pie. "
                        + "What fraction of the cherry pie did they eat altogether?",
                    goldAnswer: "19/30",
                    goldSolution:
                        #"Together they ate 1/3 + 3/10 = 19/30 of the cherry pie. The answer is \boxed{19/30}."#,
                    source: "arithmetic",
                    metadata: ["template": "fractionParts", "answerForm": "fraction"]
                ))
        #expect(
            problems[1]
                == Problem(
                    id: "arith-1-1",
                    question: "A bakery sold 50 loaves of bread last month. This month it sold 30% more. "
                        + "How many loaves did it sell this month?",
                    goldAnswer: "65",
                    goldSolution:
                        #"30% of 50 is 50 × 30 ÷ 100 = 15. The new total is 50 + 15 = 65. The answer is \boxed{65}."#,
                    source: "arithmetic",
                    metadata: ["template": "percentIncrease", "answerForm": "integer"]
                ))
    }

    @Test func theSameSeedGivesIdenticalProblems() {
        let first = ArithmeticProblemGenerator(seed: 2024).problems(count: 60)
        let second = ArithmeticProblemGenerator(seed: 2024).problems(count: 60)
        #expect(first == second)
        #expect(
            first.map(\.problem.question)
                != ArithmeticProblemGenerator(seed: 2025).problems(count: 60).map(\.problem.question))
    }

    @Test func aLargerDatasetExtendsASmallerOne() {
        let generator = ArithmeticProblemGenerator(seed: 9)
        let small = generator.dataset(count: 10)
        let large = generator.dataset(count: 40)
        #expect(small.problems == Array(large.problems.prefix(10)))
        #expect(generator.problem(at: 25) == generator.problems(count: 26)[25])
    }

    @Test func idsNameSeedAndIndex() {
        let dataset = ArithmeticProblemGenerator(seed: 77).dataset(count: 3, name: "demo")
        #expect(dataset.problems.map(\.id) == ["arith-77-0", "arith-77-1", "arith-77-2"])
        #expect(dataset.name == "demo")
        #expect(dataset.summary == "demo: 3 problems (source: arithmetic)")
        #expect(ArithmeticProblemGenerator(seed: 1).dataset(count: 0).isEmpty)
    }

    @Test func everyRunOfTwelveUsesEveryTemplateOnce() {
        let generator = ArithmeticProblemGenerator(seed: 5)
        let templates = generator.problems(count: 48).map(\.template)
        let size = ArithmeticTemplate.allCases.count
        #expect(size >= 8)
        for start in stride(from: 0, to: 48, by: size) {
            #expect(Set(templates[start..<(start + size)]) == Set(ArithmeticTemplate.allCases))
        }
        #expect(generator.templateOrder != ArithmeticProblemGenerator(seed: 6).templateOrder)
    }

    @Test func manyProblemsHaveDistinctIDsAndWellFormedAnswers() throws {
        var all: [GeneratedArithmeticProblem] = []
        for seed in UInt64(1)...3 {
            all += ArithmeticProblemGenerator(seed: seed).problems(count: 400)
        }
        #expect(all.count == 1_200)
        #expect(Set(all.map(\.problem.id)).count == 1_200)
        // Draws are varied: almost every question is different.
        #expect(Set(all.map(\.problem.question)).count > 1_150)
        for generated in all {
            let problem = generated.problem
            #expect(
                AnswerShape.matches(problem.goldAnswer, generated.answerForm), "\(problem.id): \(problem.goldAnswer)")
            let solution = try #require(problem.goldSolution)
            #expect(solution.hasSuffix(#"The answer is \boxed{"# + problem.goldAnswer + "}."))
            #expect(AnswerExtractor(options: .boxedOnly).extract(from: solution)?.text == problem.goldAnswer)
            #expect(problem.question.hasSuffix("?"))
            #expect(!problem.question.contains("  ") && !solution.contains("  "))
            #expect(!problem.question.contains("\\(") && !problem.question.contains("Optional"))
            #expect(problem.metadata["template"] == generated.template.rawValue)
        }
        for form in ArithmeticAnswerForm.allCases {
            #expect(all.contains { $0.answerForm == form })
        }
        // Each form also yields answers that are not whole numbers (except integers, which must be).
        #expect(all.contains { $0.answerForm == .fraction && $0.problem.goldAnswer.contains("/") })
        #expect(all.contains { $0.answerForm == .decimal && $0.problem.goldAnswer.contains(".") })
    }
}

/// The written shapes of answers, checked with plain string tests rather than the generator's code.
enum AnswerShape {
    static func isDigits(_ text: Substring) -> Bool {
        !text.isEmpty && text.allSatisfy { $0.isASCII && $0.isNumber }
    }

    static func matches(_ answer: String, _ form: ArithmeticAnswerForm) -> Bool {
        let body = answer.hasPrefix("-") ? answer.dropFirst() : answer[...]
        let isInteger = isDigits(body) && (body == "0" || !body.hasPrefix("0"))
        switch form {
        case .integer:
            return isInteger
        case .fraction:
            if isInteger { return true }
            let parts = body.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count == 2, isDigits(parts[0]), isDigits(parts[1]),
                let numerator = Int(parts[0]), let denominator = Int(parts[1]), denominator > 1
            else { return false }
            return greatestCommonDivisor(numerator, denominator) == 1
        case .decimal:
            if isInteger { return true }
            let parts = body.split(separator: ".", omittingEmptySubsequences: false)
            return parts.count == 2 && isDigits(parts[0]) && isDigits(parts[1]) && !parts[1].hasSuffix("0")
                && (parts[0] == "0" || !parts[0].hasPrefix("0"))
        }
    }

    static func greatestCommonDivisor(_ a: Int, _ b: Int) -> Int {
        b == 0 ? abs(a) : greatestCommonDivisor(b, a % b)
    }
}
