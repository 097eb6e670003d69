/// The names, number words and money formatting the arithmetic templates share.
enum ArithmeticWording {
    static let names = [
        "Ava", "Ben", "Chloe", "Daniel", "Elena", "Farid", "Grace", "Hiro", "Isabel", "Jonah",
        "Keiko", "Liam", "Maya", "Noah", "Olivia", "Priya", "Quinn", "Rosa", "Samir", "Tessa",
        "Uma", "Victor", "Wen", "Yusuf", "Zara",
    ]

    static func name(_ random: inout SplitMix64) -> String {
        random.element(of: names)
    }

    /// Two different names.
    static func twoNames(_ random: inout SplitMix64) -> (String, String) {
        let first = random.int(in: 0...(names.count - 1))
        var second = random.int(in: 0...(names.count - 2))
        if second >= first { second += 1 }
        return (names[first], names[second])
    }

    /// `$7.50`, or `$7` for whole dollars.
    static func money(cents: Int) -> String {
        let dollars = cents / 100
        let rest = cents % 100
        guard rest != 0 else { return "$\(dollars)" }
        return "$\(dollars)." + (rest < 10 ? "0\(rest)" : String(rest))
    }

    /// `82, 90, 77 and 85`.
    static func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + items[items.count - 1]
    }

    /// `two` … `ten`, the counts the templates use in words.
    static func word(for number: Int) -> String {
        let words = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
        return number < words.count ? words[number] : String(number)
    }

    /// The singular for exactly one, the plural otherwise.
    static func noun(_ value: Rational, _ singular: String, _ plural: String) -> String {
        value == Rational(1) ? singular : plural
    }
}
