import Testing

@testable import ChorusEngine

/// Re-derives every template's answers from the numbers it records, with arithmetic written here.
@Suite struct ArithmeticTemplateTests {
    /// An exact value as numerator and denominator, reduced here, independently of the generator.
    struct Exact: Equatable {
        var numerator: Int
        var denominator: Int

        init(_ numerator: Int, _ denominator: Int = 1) {
            let divisor = AnswerShape.greatestCommonDivisor(numerator, denominator)
            self.numerator = numerator / divisor
            self.denominator = denominator / divisor
        }

        /// The value written as `form` says, by scaling to a whole number of 10^-k.
        func written(as form: ArithmeticAnswerForm) -> String? {
            switch form {
            case .integer:
                return denominator == 1 ? String(numerator) : nil
            case .fraction:
                return denominator == 1 ? String(numerator) : "\(numerator)/\(denominator)"
            case .decimal:
                var scale = 1
                for places in 0...8 {
                    if (numerator * scale) % denominator == 0 {
                        let digits = String(numerator * scale / denominator)
                        guard places > 0 else { return digits }
                        let padded = String(repeating: "0", count: max(0, places + 1 - digits.count)) + digits
                        var text = padded.dropLast(places) + "." + padded.suffix(places)
                        while text.hasSuffix("0") { text.removeLast() }
                        return String(text)
                    }
                    scale *= 10
                }
                return nil
            }
        }
    }

    static func expected(_ generated: GeneratedArithmeticProblem) -> Exact {
        let q = generated.quantities.mapValues { $0 }
        func v(_ name: String) -> Int { q[name]! }
        switch generated.template {
        case .travelDistance:
            return Exact(v("speed") * v("minutes"), 60)
        case .workTogether:
            return Exact(v("hoursA") * v("hoursB"), v("hoursA") + v("hoursB"))
        case .unitPrice:
            return Exact(v("packCents") * v("wanted"), v("packSize") * 100)
        case .fractionOfQuantity:
            return Exact(v("total") * (v("denominator") - v("numerator")), v("denominator"))
        case .fractionParts:
            let eaten = v("numerator1") * v("denominator2") + v("numerator2") * v("denominator1")
            let whole = v("denominator1") * v("denominator2")
            return v("asksForRemainder") == 1 ? Exact(whole - eaten, whole) : Exact(eaten, whole)
        case .discount:
            return Exact(v("price") * (100 - v("percent")), 100)
        case .percentIncrease:
            return Exact(v("base") * (100 + v("percent")), 100)
        case .percentShare:
            return Exact(100 * v("part"), v("total"))
        case .shoppingChange:
            return Exact(100 * v("bill") - v("count1") * v("cents1") - v("count2") * v("cents2"), 100)
        case .weeklySavings:
            return Exact(v("start") + v("weekly") * v("weeks") - v("spent"))
        case .ratioShare:
            let share = v("asksForDifference") == 1 ? abs(v("ratioA") - v("ratioB")) : v("ratioB")
            return Exact(share * v("total"), v("ratioA") + v("ratioB"))
        case .average:
            let values = (1...v("count")).map { v("value\($0)") }
            return Exact(values.reduce(0, +), v("count"))
        }
    }

    /// `$7.50` or `$7`, as a shopper reads it.
    static func dollars(cents: Int) -> String {
        cents % 100 == 0 ? "$\(cents / 100)" : "$\(cents / 100)." + String(String(cents % 100 + 100).dropFirst())
    }

    /// Text that must appear in the question, so the recorded numbers are the ones the reader sees.
    static func mentions(_ generated: GeneratedArithmeticProblem) -> [String] {
        let q = generated.quantities
        func v(_ name: String) -> Int { q[name]! }
        switch generated.template {
        case .travelDistance: return ["\(v("speed")) ", "\(v("minutes")) minutes"]
        case .workTogether: return ["\(v("hoursA")) hours", "\(v("hoursB")) hours"]
        case .unitPrice: return ["\(v("packSize")) ", dollars(cents: v("packCents")) + ".", "\(v("wanted")) "]
        case .fractionOfQuantity: return ["\(v("total")) ", "\(v("numerator"))/\(v("denominator")) "]
        case .fractionParts:
            return [
                "\(v("numerator1"))/\(v("denominator1")) ", "\(v("numerator2"))/\(v("denominator2")) ",
                v("asksForRemainder") == 1 ? "left?" : "altogether?",
            ]
        case .discount: return ["$\(v("price")).", "\(v("percent"))% off"]
        case .percentIncrease: return ["\(v("base")) ", "\(v("percent"))%"]
        case .percentShare: return ["\(v("total")) ", "\(v("part")) "]
        case .shoppingChange:
            return [
                "\(v("count1")) ", dollars(cents: v("cents1")) + " each", "\(v("count2")) ",
                dollars(cents: v("cents2")) + " each", "$\(v("bill")) bill",
            ]
        case .weeklySavings: return ["$\(v("start")) ", "$\(v("weekly")) ", "\(v("weeks")) weeks", "$\(v("spent")) "]
        case .ratioShare:
            return [
                "\(v("total")) ", "\(v("ratioA")):\(v("ratioB"))", v("asksForDifference") == 1 ? "more" : "How many",
            ]
        case .average: return (1...v("count")).map { String(v("value\($0)")) }
        }
    }

    static let sample: [GeneratedArithmeticProblem] = (UInt64(1)...4).flatMap {
        ArithmeticProblemGenerator(seed: $0).problems(count: 240)
    }

    @Test(arguments: ArithmeticTemplate.allCases)
    func answersMatchAnIndependentRecomputation(template: ArithmeticTemplate) {
        let problems = Self.sample.filter { $0.template == template }
        #expect(problems.count == 80)
        for generated in problems {
            let value = Self.expected(generated)
            #expect(value.numerator > 0, "\(generated.problem.id) has a non-positive answer")
            #expect(value.written(as: generated.answerForm) == generated.problem.goldAnswer, "\(generated.problem.id)")
            #expect(generated.answerForm == template.answerForm)
            for text in Self.mentions(generated) {
                #expect(generated.problem.question.contains(text), "\(generated.problem.id): \"\(text)\" missing")
            }
        }
    }

    @Test func drawsStayInTheirPromisedShapes() {
        for generated in Self.sample {
            let q = generated.quantities
            switch generated.template {
            case .workTogether:
                #expect(q["hoursA"] != q["hoursB"])
            case .fractionParts:
                let eaten = Exact(
                    q["numerator1"]! * q["denominator2"]! + q["numerator2"]! * q["denominator1"]!,
                    q["denominator1"]! * q["denominator2"]!)
                #expect(eaten.numerator < eaten.denominator)
                #expect(AnswerShape.greatestCommonDivisor(q["numerator1"]!, q["denominator1"]!) == 1)
            case .ratioShare:
                #expect(
                    q["ratioA"] != q["ratioB"] && AnswerShape.greatestCommonDivisor(q["ratioA"]!, q["ratioB"]!) == 1)
            case .shoppingChange:
                #expect(q["count1"]! * q["cents1"]! + q["count2"]! * q["cents2"]! < q["bill"]! * 100)
            case .weeklySavings:
                #expect(q["spent"]! < q["start"]! + q["weekly"]! * q["weeks"]!)
            default:
                break
            }
        }
    }

    @Test func theIndependentFormatterIsRight() {
        #expect(Exact(5, 2).written(as: .decimal) == "2.5")
        #expect(Exact(1, 8).written(as: .decimal) == "0.125")
        #expect(Exact(100, 4).written(as: .decimal) == "25")
        #expect(Exact(1, 3).written(as: .decimal) == nil)
        #expect(Exact(6, 8).written(as: .fraction) == "3/4")
        #expect(Exact(6, 8).written(as: .integer) == nil)
    }
}
