import Testing

@testable import ChorusEngine

@Suite struct ClassFeaturesTests {
    @Test func describesEachClassFromItsSamplesAlone() {
        let (_, graded) = TrainingFixtures.set([["7", "7", "2.5"]], golds: ["2.5"])
        let features = ClassFeatures.features(of: graded.problems[0])
        #expect(features.count == 2)
        let named = features.map { Dictionary(uniqueKeysWithValues: zip(ClassFeatures.names, $0)) }
        #expect(named[0]["vote_share"] == 2.0 / 3 && named[1]["vote_share"] == 1.0 / 3)
        #expect(named[0]["is_plurality"] == 1 && named[1]["is_plurality"] == 0)
        #expect(named[0]["rank"] == 1 && named[1]["rank"] == 0.5)
        #expect(named[0]["first_position"] == 1 && named[1]["first_position"] == 1 - 2.0 / 3)
        #expect(named[0]["integer_answer"] == 1 && named[1]["integer_answer"] == 0)
        #expect(named[0]["has_logprob"] == 0)
        #expect(named[0]["reasoning_agreement"] == 1)  // the two texts are the same words
        #expect(features.allSatisfy { $0.count == ClassFeatures.names.count })
    }

    @Test func aProblemWithoutParseableAnswersHasNoClasses() {
        let (_, graded) = TrainingFixtures.set([["", ""]])
        #expect(ClassFeatures.features(of: graded.problems[0]).isEmpty)
    }

    @Test func agreementIsTheMeanWordOverlap() {
        #expect(ClassFeatures.agreement(["a b", "a c"]) == 1.0 / 3)
        #expect(ClassFeatures.agreement(["only one"]) == 1)
    }
}
