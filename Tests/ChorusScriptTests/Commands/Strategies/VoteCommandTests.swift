import ChorusEngine
import Foundation
import Testing

@testable import ChorusScript

@Suite("vote")
struct VoteCommandTests {
    @Test func votesOverAllSamplesByDefault() async throws {
        let (harness, folder) = try await EngineFixtures.harnessWithSamples()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = await harness.run("v = vote s\nv\nv.answers\nv.correct\nv.name\nv.problems")
        #expect(result == report(succeeded: 6))
        #expect(
            harness.output.output == """
                maj@all: 66.7% correct on 3 problems, 0 without an answer, 0 truncated candidates
                ["5", "2.5", "8"]
                [true, true, false]
                "maj@all"
                3

                """)
        guard case .object(let object)? = await harness.variable("v"), let vote = object as? StrategyResultValue else {
            Issue.record("v is not a strategy result")
            return
        }
        #expect(vote.result.k == nil)
        #expect(vote.result.candidates.problems.count == 3)
    }

    @Test func noneForKMeansEverySample() async throws {
        let (harness, folder) = try await EngineFixtures.harnessWithSamples()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(await harness.run("vote s k: none") == report(succeeded: 1))
        #expect(
            harness.output.output
                == "maj@all: 66.7% correct on 3 problems, 0 without an answer, 0 truncated candidates\n")
    }

    @Test func kLimitsTheVoteToTheFirstSamples() async throws {
        let (harness, folder) = try await EngineFixtures.harnessWithSamples()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // k = 1: 5, 2.5, 7 (all right); k = 2: ties 5–4 and 7–8 go to the first; k = 3: 8 outvotes 7.
        #expect(await harness.run("vote s k: 1\n(vote s k: 2).answers\nvote s k: 3") == report(succeeded: 3))
        #expect(
            harness.output.output == """
                maj@1: 100.0% correct on 3 problems, 0 without an answer, 0 truncated candidates
                ["5", "2.5", "7"]
                maj@3: 66.7% correct on 3 problems, 0 without an answer, 0 truncated candidates

                """)
    }

    @Test func aNameCanBeGiven() async throws {
        let (harness, folder) = try await EngineFixtures.harnessWithSamples()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        await harness.run("vote s k: 2 name: \"first two\"")
        #expect(
            harness.output.output
                == "first two: 100.0% correct on 3 problems, 0 without an answer, 0 truncated candidates\n")
    }

    @Test func aProblemWithNoParseableAnswerHasNone() async throws {
        let (harness, folder) = try await EngineFixtures.harnessWithSamples()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(
            await harness.run("u = responses d [['5'], ['nothing'], ['\\boxed{#}']]\nv = vote u\nv\nv.answers")
                == report(succeeded: 4))
        #expect(
            harness.output.output
                == "maj@all: 33.3% correct on 3 problems, 2 without an answer, 0 truncated candidates\n[\"5\", none, none]\n"
        )
    }

    @Test func kLargerThanTheSamplesIsAnError() async throws {
        let (harness, folder) = try await EngineFixtures.harnessWithSamples()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(await harness.run("vote s k: 4") == report(failed: 1))
        #expect(
            harness.output.error == """
                t.chorus:1:8: error: `k` is 4 but some problem has only 3 samples
                1 | vote s k: 4
                  |        ^~~~
                hint: vote with k: 3 or fewer, add clamp: true to use 3, or draw more samples

                """)
    }

    @Test func kBelowOneIsAnError() async throws {
        let (harness, folder) = try await EngineFixtures.harnessWithSamples()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for k in ["0", "-2"] {
            #expect(await harness.run("vote s k: \(k)") == report(failed: 1))
            #expect(harness.output.error.contains("t.chorus:1:8: error: `k` must be at least 1, not \(k)\n"))
        }
        #expect(harness.output.output == "")
    }

    @Test func theFewestSamplesOfAnyProblemLimitK() async throws {
        let (harness, folder) = try await EngineFixtures.harnessWithSamples()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        await harness.run("u = responses d [['5', '5'], ['2.5'], ['7', '7', '7']]")
        #expect(await harness.run("vote u k: 2") == report(failed: 1))
        #expect(harness.output.error.contains("error: `k` is 2 but some problem has only 1 sample"))
        #expect(await harness.run("vote u k: 1") == report(succeeded: 1))
    }

    @Test func anUnscoredSetIsAnError() async throws {
        let (harness, folder) = try await EngineFixtures.harnessWithSamples()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(await harness.run("vote s weight: score") == report(failed: 1))
        #expect(
            harness.output.error == """
                t.chorus:1:8: error: no sample has a score
                1 | vote s weight: score
                  |        ^~~~~~~~~~~~~
                hint: score the samples first, or vote with weight: count

                """)
    }

    @Test func aMissingLogProbabilityIsAnError() async throws {
        let (harness, folder) = try await EngineFixtures.harnessWithSamples()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(await harness.run("vote s weight: logprob") == report(failed: 1))
        #expect(
            harness.output.error.hasPrefix("t.chorus:1:8: error: sample 0 of problem tiny-1 has no log-probability\n"))
        #expect(harness.output.error.contains("hint: sample with log-probabilities, or vote with weight: count\n"))
    }

    @Test func samplesWithoutAScoreArePassedOverWithANote() async throws {
        let harness = Harness()
        let set = try EngineFixtures.sampleSetValue([
            (gold: "1", samples: [Sample(text: "1", score: 1)]),
            (gold: "2", samples: [Sample(text: "3", score: 0.2), Sample(text: "2"), Sample(text: "2")]),
        ])
        await harness.session.assign("w", .object(set))
        #expect(await harness.run("(vote w weight: score).answers") == report(succeeded: 1))
        #expect(harness.output.output == "[\"1\", \"3\"]\n")
        #expect(harness.output.error.hasPrefix("t.chorus:1:7: warning: 2 samples without a score passed over\n"))
    }

    @Test func scoresWeighTheVote() async throws {
        let harness = Harness()
        let set = try EngineFixtures.sampleSetValue([
            (
                gold: "3",
                samples: [Sample(text: "3", score: 2.5), Sample(text: "4", score: 1), Sample(text: "4", score: 1)]
            )
        ])
        await harness.session.assign("w", .object(set))
        #expect(
            await harness.run("vote w weight: score\n(vote w).answers\n(vote w k: 3 weight: score).name")
                == report(succeeded: 3))
        #expect(
            harness.output.output
                == "w-maj@all: 100.0% correct on 1 problems, 0 without an answer, 0 truncated candidates\n[\"4\"]\n\"w-maj@3\"\n"
        )
    }

    @Test func logProbabilitiesWeighTheVote() async throws {
        let harness = Harness()
        // exp(log 0.9) = 0.9 for 3 against exp(log 0.4) × 2 = 0.8 for 4.
        let set = try EngineFixtures.sampleSetValue([
            (
                gold: "4",
                samples: [
                    Sample(text: "3", meanLogProbability: log(0.9)), Sample(text: "4", meanLogProbability: log(0.4)),
                    Sample(text: "4", meanLogProbability: log(0.4)),
                ]
            )
        ])
        await harness.session.assign("w", .object(set))
        #expect(
            await harness.run("(vote w weight: logprob).answers\n(vote w weight: count).answers")
                == report(succeeded: 2))
        #expect(harness.output.output == "[\"3\"]\n[\"4\"]\n")
    }

    @Test func anUnknownWeightIsAnError() async throws {
        let (harness, folder) = try await EngineFixtures.harnessWithSamples()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(await harness.run("vote s weight: scores") == report(failed: 1))
        #expect(harness.output.error.contains("error: `scores` is not one of `count`, `logprob`, `score`"))
        #expect(harness.output.error.contains("hint: did you mean `score`?"))
    }

    @Test func onlySampleSetsAreVotedOn() async throws {
        let (harness, folder) = try await EngineFixtures.harnessWithSamples()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = await harness.run("vote d")
        #expect(result == report(failed: 1))
        #expect(
            harness.output.error.hasPrefix(
                "t.chorus:1:6: error: `samples` takes a sample set, not a dataset (tiny: 3 problems (source: gsm8k))\n")
        )
        let again = await harness.run("vote (vote s)")
        #expect(again == report(failed: 1))
        #expect(harness.output.error.contains("error: `samples` takes a sample set, not a strategy result"))
    }
}
