private typealias Wording = ArithmeticWording

extension ArithmeticTemplate {
    static func shoppingChange(_ random: inout SplitMix64) -> ArithmeticDraft {
        let goods: [(singular: String, plural: String, cents: ClosedRange<Int>)] = [
            ("notebook", "notebooks", 150...400), ("pen", "pens", 50...250), ("apple", "apples", 25...90),
            ("muffin", "muffins", 125...350), ("bottle of juice", "bottles of juice", 150...300),
            ("bag of popcorn", "bags of popcorn", 100...275), ("postcard", "postcards", 35...120),
        ]
        let picked = random.shuffled(goods)
        let (first, second) = (picked[0], picked[1])
        let cents1 = 5 * random.int(in: (first.cents.lowerBound / 5)...(first.cents.upperBound / 5))
        let cents2 = 5 * random.int(in: (second.cents.lowerBound / 5)...(second.cents.upperBound / 5))
        let count1 = random.int(in: 2...6)
        let count2 = random.int(in: 2...6)
        let name = Wording.name(&random)
        let totalCents = count1 * cents1 + count2 * cents2
        // The smallest common bill that leaves some change; the dearest basket is under $50.
        let bill = [10, 20, 50].first { $0 * 100 > totalCents } ?? 100
        let change = bill * 100 - totalCents
        return ArithmeticDraft(
            question: "\(name) buys \(count1) \(first.plural) at \(Wording.money(cents: cents1)) each and \(count2) "
                + "\(second.plural) at \(Wording.money(cents: cents2)) each, and pays with a $\(bill) bill. "
                + "How much change does \(name) get, in dollars?",
            steps:
                "The \(first.plural) cost \(count1) × \(Wording.money(cents: cents1)) = \(Wording.money(cents: count1 * cents1)) "
                + "and the \(second.plural) cost \(count2) × \(Wording.money(cents: cents2)) = \(Wording.money(cents: count2 * cents2)), "
                + "so the total is \(Wording.money(cents: totalCents)). "
                + "The change is $\(bill) − \(Wording.money(cents: totalCents)) = \(Wording.money(cents: change)).",
            answer: Rational.exact(change, 100),
            quantities: ["count1": count1, "cents1": cents1, "count2": count2, "cents2": cents2, "bill": bill]
        )
    }

    static func weeklySavings(_ random: inout SplitMix64) -> ArithmeticDraft {
        let name = Wording.name(&random)
        let start = random.int(in: 5...60)
        let weekly = random.int(in: 3...25)
        let weeks = random.int(in: 3...12)
        let saved = start + weekly * weeks
        let spent = random.int(in: max(1, saved / 3)...(saved - 1))
        let left = saved - spent
        let thing = random.element(of: [
            "a bike helmet", "a concert ticket", "a pair of headphones", "a chess set", "a telescope", "a skateboard",
        ])
        return ArithmeticDraft(
            question: "\(name) has $\(start) saved and puts away $\(weekly) every week for \(weeks) weeks. "
                + "Then \(name) spends $\(spent) on \(thing). How much money does \(name) have left, in dollars?",
            steps: "In \(weeks) weeks \(name) saves \(weeks) × $\(weekly) = $\(weeks * weekly). "
                + "With the $\(start) already saved, that makes $\(saved). "
                + "After spending $\(spent), \(name) has $\(saved) − $\(spent) = $\(left) left.",
            answer: Rational(left),
            quantities: ["start": start, "weekly": weekly, "weeks": weeks, "spent": spent]
        )
    }

    static func ratioShare(_ random: inout SplitMix64) -> ArithmeticDraft {
        let items = random.element(of: ["marbles", "stickers", "trading cards", "seashells", "postcards", "stamps"])
        let (first, second) = Wording.twoNames(&random)
        var ratioA = 1
        var ratioB = 1
        // Redraw until the ratio is in lowest terms and not 1:1.
        repeat {
            ratioA = random.int(in: 1...9)
            ratioB = random.int(in: 1...9)
        } while ratioA == ratioB || Rational.gcd(ratioA, ratioB) != 1
        let share = random.int(in: 2...12)
        let parts = ratioA + ratioB
        let total = parts * share
        let asksForDifference = random.int(in: 0...1) == 1
        let (more, fewer) = ratioA > ratioB ? (first, second) : (second, first)
        let difference = abs(ratioA - ratioB)
        let ask =
            asksForDifference
            ? "How many more \(items) does \(more) get than \(fewer)?"
            : "How many \(items) does \(second) get?"
        var steps =
            "The ratio has \(ratioA) + \(ratioB) = \(parts) parts, so each part is \(total) ÷ \(parts) = \(share) \(items). "
        if asksForDifference {
            steps +=
                "\(more) gets \(difference) more part\(difference == 1 ? "" : "s") than \(fewer): "
                + "\(difference) × \(share) = \(difference * share)."
        } else {
            steps += "\(second) gets \(ratioB) × \(share) = \(ratioB * share)."
        }
        return ArithmeticDraft(
            question: "\(first) and \(second) share \(total) \(items) in the ratio \(ratioA):\(ratioB). \(ask)",
            steps: steps,
            answer: Rational(asksForDifference ? difference * share : ratioB * share),
            quantities: [
                "total": total, "ratioA": ratioA, "ratioB": ratioB, "asksForDifference": asksForDifference ? 1 : 0,
            ]
        )
    }

    static func average(_ random: inout SplitMix64) -> ArithmeticDraft {
        // Counts whose only prime factors are 2 and 5, so every mean terminates.
        let count = random.element(of: [2, 4, 5, 8])
        let name = Wording.name(&random)
        let scene = random.int(in: 0...2)
        let range: ClosedRange<Int> = [55...100, 8...60, 12...35][scene]
        let values = (0..<count).map { _ in random.int(in: range) }
        let list = Wording.list(values.map(String.init))
        let days = Wording.word(for: count)
        let question: String
        switch scene {
        case 0:
            question = "\(name) scored \(list) on \(days) quizzes. What is \(name)'s mean quiz score?"
        case 1:
            question =
                "\(name) read \(list) pages on \(days) days in a row. "
                + "How many pages did \(name) read per day, on average?"
        default:
            question =
                "The high temperatures on \(days) days in a row were \(list) degrees Celsius. "
                + "What was the average high temperature, in degrees Celsius?"
        }
        let sum = values.reduce(0, +)
        let mean = Rational.exact(sum, count)
        var quantities = ["count": count]
        for (position, value) in values.enumerated() {
            quantities["value\(position + 1)"] = value
        }
        return ArithmeticDraft(
            question: question,
            steps: "The total is \(values.map(String.init).joined(separator: " + ")) = \(sum). "
                + "Dividing by \(count) gives \(sum) ÷ \(count) = \(mean.decimalText ?? "").",
            answer: mean,
            quantities: quantities
        )
    }
}
