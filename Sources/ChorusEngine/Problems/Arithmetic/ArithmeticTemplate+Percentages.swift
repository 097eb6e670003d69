private typealias Wording = ArithmeticWording

extension ArithmeticTemplate {
    static func discount(_ random: inout SplitMix64) -> ArithmeticDraft {
        let item = random.element(of: [
            ("jacket", 25...120), ("pair of boots", 30...150), ("backpack", 15...80), ("desk lamp", 12...60),
            ("bicycle helmet", 20...90), ("board game", 12...70), ("set of paints", 10...50),
        ])
        let price = random.int(in: item.1)
        let percent = random.element(of: [10, 15, 20, 25, 30, 35, 40, 50])
        // Whole dollars times a whole percent is a whole number of cents.
        let discountCents = price * percent
        let saleCents = price * 100 - discountCents
        return ArithmeticDraft(
            question: "A \(item.0) normally costs $\(price). This week it is \(percent)% off. "
                + "What is its sale price, in dollars?",
            steps: "The discount is \(percent)% of $\(price) = \(Wording.money(cents: discountCents)). "
                + "The sale price is $\(price) − \(Wording.money(cents: discountCents)) = \(Wording.money(cents: saleCents)).",
            answer: Rational.exact(saleCents, 100),
            quantities: ["price": price, "percent": percent]
        )
    }

    static func percentIncrease(_ random: inout SplitMix64) -> ArithmeticDraft {
        let percent = random.element(of: [5, 8, 10, 12, 15, 20, 25, 30, 40, 50])
        // A multiple of this step has a whole-number percentage.
        let step = 100 / Rational.gcd(percent, 100)
        let base = step * random.int(in: max(1, (40 + step - 1) / step)...(600 / step))
        let increase = base * percent / 100
        let result = base + increase
        let scenes = [
            (
                "A bakery sold \(base) loaves of bread last month. This month it sold \(percent)% more.",
                "How many loaves did it sell this month?"
            ),
            (
                "A school library had \(base) books. Over the summer its collection grew by \(percent)%.",
                "How many books does the library have now?"
            ),
            (
                "A youth orchestra had \(base) members last year, and this year its membership rose by \(percent)%.",
                "How many members does the orchestra have this year?"
            ),
            (
                "A ferry carried \(base) passengers on Monday. On Tuesday it carried \(percent)% more.",
                "How many passengers did it carry on Tuesday?"
            ),
        ]
        return ArithmeticDraft(
            scene: random.element(of: scenes),
            steps: "\(percent)% of \(base) is \(base) × \(percent) ÷ 100 = \(increase). "
                + "The new total is \(base) + \(increase) = \(result).",
            answer: Rational(result),
            quantities: ["base": base, "percent": percent]
        )
    }

    static func percentShare(_ random: inout SplitMix64) -> ArithmeticDraft {
        // Totals whose only prime factors are 2 and 5, so every percentage terminates.
        let total = random.element(of: [8, 10, 16, 20, 25, 32, 40, 50, 64, 80, 100, 125, 160, 200])
        let part = random.int(in: 2...(total - 1))
        let name = Wording.name(&random)
        let scenes = [
            (
                "Of the \(total) students in a school club, \(part) play chess.",
                "What percent of the club's members play chess?"
            ),
            (
                "A basket holds \(total) pieces of fruit, and \(part) of them are oranges.",
                "What percent of the fruit is oranges?"
            ),
            (
                "\(name) took \(total) free throws and made \(part) of them.",
                "What percent of the free throws did \(name) make?"
            ),
            (
                "A garden has \(total) plants, and \(part) of them are tomato plants.",
                "What percent of the plants are tomato plants?"
            ),
        ]
        let scene = random.element(of: scenes)
        let share = Rational.exact(part, total)
        let percent = share * Rational(100)
        return ArithmeticDraft(
            scene: scene,
            steps: "\(part) ÷ \(total) = \(share.decimalText ?? ""), which is \(percent.decimalText ?? "")%.",
            answer: percent,
            quantities: ["part": part, "total": total]
        )
    }
}
