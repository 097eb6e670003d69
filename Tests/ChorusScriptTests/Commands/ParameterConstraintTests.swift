import Testing

@testable import ChorusScript

@Suite("ParameterConstraint")
struct ParameterConstraintTests {
    @Test func boundsReadAsWritten() {
        #expect(ParameterConstraint.atLeast(1).phrase == "at least 1")
        #expect(ParameterConstraint.between(0, 86_400).phrase == "between 0 and 86400")
        #expect(ParameterConstraint.from(0, below: 1).phrase == "at least 0 and below 1")
        #expect(ParameterConstraint.above(0, atMost: 0.5).phrase == "above 0 and at most 0.5")
    }

    @Test func findsTheFirstValueOutside() {
        let atLeastOne = ParameterConstraint.atLeast(1)
        #expect(atLeastOne.violation(in: .int(1)) == nil)
        #expect(atLeastOne.violation(in: .int(0)) == .int(0))
        #expect(atLeastOne.violation(in: .none) == nil)
        #expect(atLeastOne.violation(in: .list([.int(2), .int(0), .int(-1)])) == .int(0))
        let share = ParameterConstraint.above(0, below: 1)
        #expect(share.violation(in: .double(0.5)) == nil)
        #expect(share.violation(in: .double(1)) == .double(1))
        #expect(share.violation(in: .double(.nan)) != nil)
    }
}
