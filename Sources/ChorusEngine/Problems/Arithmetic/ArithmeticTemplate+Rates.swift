private typealias Wording = ArithmeticWording

extension ArithmeticTemplate {
    static func travelDistance(_ random: inout SplitMix64) -> ArithmeticDraft {
        let modes: [(verb: String, speeds: ClosedRange<Int>)] = [
            ("cycles", 10...24), ("walks", 3...6), ("jogs", 5...12),
            ("drives", 35...80), ("paddles a canoe", 2...6), ("skates", 8...16),
        ]
        let mode = random.element(of: modes)
        let unit = random.element(of: [("kilometer", "kilometers"), ("mile", "miles")])
        let speed = random.int(in: mode.speeds)
        let minutes = random.element(of: [15, 30, 45, 75, 90, 105, 135, 150])
        let name = Wording.name(&random)
        let hours = Rational.exact(minutes, 60)
        let distance = Rational(speed) * hours
        let ask = random.element(of: [
            "How many \(unit.1) does \(name) travel?",
            "How far does \(name) go, in \(unit.1)?",
        ])
        return ArithmeticDraft(
            question: "\(name) \(mode.verb) at a steady \(speed) \(unit.1) per hour for \(minutes) minutes. \(ask)",
            steps: "\(minutes) minutes is \(minutes)/60 = \(hours.description) of an hour. "
                + "Distance is speed times time: \(speed) × \(hours.description) = \(distance.decimalText ?? "") "
                + "\(Wording.noun(distance, unit.0, unit.1)).",
            answer: distance,
            quantities: ["speed": speed, "minutes": minutes]
        )
    }

    static func workTogether(_ random: inout SplitMix64) -> ArithmeticDraft {
        let job = random.element(of: [
            "paint a fence", "mow a large lawn", "weed a vegetable garden",
            "clean a classroom", "stack a load of firewood", "sort a pile of library returns",
        ])
        let (first, second) = Wording.twoNames(&random)
        let hoursA = random.int(in: 2...12)
        var hoursB = random.int(in: 2...11)
        if hoursB >= hoursA { hoursB += 1 }
        let together = Rational.exact(1, hoursA) + Rational.exact(1, hoursB)
        let time = Rational(1) / together
        return ArithmeticDraft(
            question: "\(first) can \(job) alone in \(hoursA) hours, and \(second) can do the same job alone in "
                + "\(hoursB) hours. Working together at those rates, how many hours do they need to finish the job?",
            steps: "\(first) does 1/\(hoursA) of the job each hour and \(second) does 1/\(hoursB). "
                + "Together they do 1/\(hoursA) + 1/\(hoursB) = \(together.description) of the job each hour, "
                + "so the job takes 1 ÷ \(together.description) = \(time.description) hours.",
            answer: time,
            quantities: ["hoursA": hoursA, "hoursB": hoursB]
        )
    }

    static func unitPrice(_ random: inout SplitMix64) -> ArithmeticDraft {
        let item = random.element(of: [
            ("notebook", "notebooks"), ("pencil", "pencils"), ("bar of soap", "bars of soap"),
            ("sketchbook", "sketchbooks"), ("tennis ball", "tennis balls"), ("candle", "candles"),
            ("greeting card", "greeting cards"),
        ])
        let unitCents = 25 * random.int(in: 1...16)
        let packSize = random.int(in: 2...12)
        var wanted = random.int(in: 2...19)
        if wanted >= packSize { wanted += 1 }
        let packCents = packSize * unitCents
        let totalCents = wanted * unitCents
        return ArithmeticDraft(
            question: "A box of \(packSize) \(item.1) costs \(Wording.money(cents: packCents)). At the same price per "
                + "\(item.0), how much do \(wanted) \(item.1) cost, in dollars?",
            steps:
                "One \(item.0) costs \(Wording.money(cents: packCents)) ÷ \(packSize) = \(Wording.money(cents: unitCents)), "
                + "so \(wanted) \(item.1) cost \(wanted) × \(Wording.money(cents: unitCents)) = \(Wording.money(cents: totalCents)).",
            answer: Rational.exact(totalCents, 100),
            quantities: ["packSize": packSize, "packCents": packCents, "wanted": wanted]
        )
    }
}
