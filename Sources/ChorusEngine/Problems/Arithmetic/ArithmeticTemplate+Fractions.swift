private typealias Wording = ArithmeticWording

extension ArithmeticTemplate {
    static func fractionOfQuantity(_ random: inout SplitMix64) -> ArithmeticDraft {
        let denominator = random.element(of: [3, 4, 5, 6, 8, 10, 12])
        let numerator = random.element(of: (1..<denominator).filter { Rational.gcd($0, denominator) == 1 })
        let total = denominator * random.int(in: 3...25)
        let part = total / denominator * numerator
        let left = total - part
        let name = Wording.name(&random)
        let fraction = "\(numerator)/\(denominator)"
        let scenes = [
            (
                "A library cart holds \(total) books. \(name) puts \(fraction) of them back on the shelves.",
                "How many books are still on the cart?"
            ),
            (
                "A farmer picks \(total) apples and sells \(fraction) of them at the market.",
                "How many apples does the farmer have left?"
            ),
            (
                "A class collects \(total) bottle caps and uses \(fraction) of them for an art project.",
                "How many bottle caps are not used?"
            ),
            (
                "\(name) has \(total) stickers and gives \(fraction) of them to a friend.",
                "How many stickers does \(name) keep?"
            ),
            (
                "A theater has \(total) seats, and \(fraction) of them are taken.",
                "How many seats are empty?"
            ),
        ]
        return ArithmeticDraft(
            scene: random.element(of: scenes),
            steps: "\(fraction) of \(total) is \(total) ÷ \(denominator) × \(numerator) = \(part). "
                + "That leaves \(total) − \(part) = \(left).",
            answer: Rational(left),
            quantities: ["total": total, "numerator": numerator, "denominator": denominator]
        )
    }

    static func fractionParts(_ random: inout SplitMix64) -> ArithmeticDraft {
        let item = random.element(of: [
            "pizza", "chocolate cake", "cherry pie", "loaf of banana bread", "pan of lasagna", "tray of brownies",
        ])
        let (first, second) = Wording.twoNames(&random)
        let denominators = [2, 3, 4, 5, 6, 8, 10, 12]
        var firstPart = Rational.exact(1, 2)
        var secondPart = Rational.exact(1, 2)
        // Redraw until the two parts leave something over; each try is accepted about half the time.
        repeat {
            let firstDenominator = random.element(of: denominators)
            firstPart = Rational.exact(random.int(in: 1...(firstDenominator - 1)), firstDenominator)
            let secondDenominator = random.element(of: denominators)
            secondPart = Rational.exact(random.int(in: 1...(secondDenominator - 1)), secondDenominator)
        } while (firstPart + secondPart).numerator >= (firstPart + secondPart).denominator
        let eaten = firstPart + secondPart
        let left = Rational(1) - eaten
        let asksForRemainder = random.int(in: 0...1) == 1
        let ask =
            asksForRemainder
            ? "What fraction of the \(item) is left?"
            : "What fraction of the \(item) did they eat altogether?"
        var steps =
            "Together they ate \(firstPart.description) + \(secondPart.description) = \(eaten.description) of the \(item)."
        if asksForRemainder {
            steps += " What is left is 1 − \(eaten.description) = \(left.description)."
        }
        return ArithmeticDraft(
            question: "\(first) ate \(firstPart.description) of a \(item), and \(second) ate \(secondPart.description) "
                + "of the same \(item). \(ask)",
            steps: steps,
            answer: asksForRemainder ? left : eaten,
            quantities: [
                "numerator1": firstPart.numerator, "denominator1": firstPart.denominator,
                "numerator2": secondPart.numerator, "denominator2": secondPart.denominator,
                "asksForRemainder": asksForRemainder ? 1 : 0,
            ]
        )
    }
}
