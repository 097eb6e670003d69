/// One kind of generated grade-school word problem.
///
/// Each case lists the `quantities` it records, from which its answer can be recomputed.
public enum ArithmeticTemplate: String, Sendable, CaseIterable {
    /// Distance from a speed and a time in minutes: `speed`, `minutes`; decimal.
    case travelDistance
    /// Two workers sharing a job: `hoursA`, `hoursB` (each alone); fraction.
    case workTogether
    /// Scaling a pack price to another count: `packSize`, `packCents`, `wanted`; decimal.
    case unitPrice
    /// What is left after a fraction of a quantity is taken: `total`, `numerator`, `denominator`; integer.
    case fractionOfQuantity
    /// Two fractional parts of one thing, eaten or left: `numerator1`, `denominator1`, `numerator2`,
    /// `denominator2`, `asksForRemainder` (1 or 0); fraction.
    case fractionParts
    /// A sale price after a percentage discount: `price` (whole dollars), `percent`; decimal.
    case discount
    /// A count after a percentage increase: `base`, `percent`; integer.
    case percentIncrease
    /// What percent a part is of a whole: `part`, `total`; decimal.
    case percentShare
    /// Change from a bill after buying two kinds of item: `count1`, `cents1`, `count2`, `cents2`, `bill`; decimal.
    case shoppingChange
    /// Savings over weeks less a purchase: `start`, `weekly`, `weeks`, `spent`; integer.
    case weeklySavings
    /// Sharing in a ratio, one share or the difference: `total`, `ratioA`, `ratioB`, `asksForDifference`; integer.
    case ratioShare
    /// The mean of a few values: `count`, `value1` … `valueN`; decimal.
    case average

    /// How this template writes its answers.
    public var answerForm: ArithmeticAnswerForm {
        switch self {
        case .fractionOfQuantity, .percentIncrease, .weeklySavings, .ratioShare: .integer
        case .workTogether, .fractionParts: .fraction
        case .travelDistance, .unitPrice, .discount, .percentShare, .shoppingChange, .average: .decimal
        }
    }

    /// Draws numbers and wording for one problem.
    func draft(using random: inout SplitMix64) -> ArithmeticDraft {
        switch self {
        case .travelDistance: Self.travelDistance(&random)
        case .workTogether: Self.workTogether(&random)
        case .unitPrice: Self.unitPrice(&random)
        case .fractionOfQuantity: Self.fractionOfQuantity(&random)
        case .fractionParts: Self.fractionParts(&random)
        case .discount: Self.discount(&random)
        case .percentIncrease: Self.percentIncrease(&random)
        case .percentShare: Self.percentShare(&random)
        case .shoppingChange: Self.shoppingChange(&random)
        case .weeklySavings: Self.weeklySavings(&random)
        case .ratioShare: Self.ratioShare(&random)
        case .average: Self.average(&random)
        }
    }
}
