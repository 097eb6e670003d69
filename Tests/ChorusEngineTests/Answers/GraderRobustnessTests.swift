import Testing

@testable import ChorusEngine

/// Hostile responses grade to a sensible bucket without overflowing the stack or hanging: every
/// input here crashed (a chain of 90,000 operators) or took minutes (100,000 unclosed boxes) before.
@Suite struct GraderRobustnessTests {
    let grader = Grader()

    /// Runs on a task, whose thread has a smaller stack than the main thread.
    private func grade(_ response: String, gold: String) async -> Grade {
        await Task.detached { Grader().grade(response: response, gold: gold) }.value
    }

    @Test(arguments: ["1+", "3!", "50\\%", "-", "\\sqrt", "(", "{", "x^"])
    func aChainOfNinetyThousandOperatorsIsNoAnswer(piece: String) async {
        let chain = String(repeating: piece, count: 90_000) + "1"
        for response in [chain, "\\boxed{\(chain)}", "$\(chain)$", "The answer is \(chain)."] {
            let grade = await grade(response, gold: "5")
            #expect(grade.bucket == .unparseable || grade.extracted?.method == .lastNumber)
        }
        let asGold = await grade("\\boxed{5}", gold: chain)
        #expect(asGold.bucket == .mismatch)
    }

    @Test func theLongestChainAnAnswerMayHoldStillGrades() async {
        // 499 additions are 999 tokens, just under the limit: the deepest tree an answer can build.
        let chain = Array(repeating: "1", count: 500).joined(separator: "+")
        #expect(await grade("\\boxed{\(chain)}", gold: "500").bucket == .match)
        let factorials = "\\boxed{3" + String(repeating: "!", count: 990) + "}"
        #expect(await grade(factorials, gold: "6").bucket == .mismatch)
    }

    @Test func aWordOfFourThousandLettersGrades() async {
        // One token that the parser reads as a product of its letters: the longest such tree an answer can hold.
        let word = String(repeating: "xy", count: 2_000)
        #expect(await grade("\\boxed{\(word)}", gold: word).bucket == .match)
        #expect(await grade("\\boxed{\(word)}", gold: "5").bucket == .mismatch)
    }

    @Test(arguments: [64_000, 100_000])
    func unclosedBoxesAreReadInOnePass(count: Int) async {
        let response = String(repeating: "\\boxed{", count: count) + "7"
        let reading = AnswerExtractor().read(response)
        #expect(reading.endsInsideUnclosedAnswer)
        #expect(reading.answer?.method == .lastNumber)
        let withAnEarlierBox = "\\boxed{3} " + response
        #expect(await grade(withAnEarlierBox, gold: "3").bucket == .match)
    }

    @Test(arguments: ["\\begin{", "{", "\\text{", "}{", "$", "\\(", "<answer>", "answer: ", "\\frac{1}{"])
    func manyOpenersAreLinear(piece: String) async {
        let response = String(repeating: piece, count: 100_000) + " 9"
        let grade = await grade(response, gold: "9")
        #expect(grade.bucket != .match || grade.extracted != nil)
    }
}
