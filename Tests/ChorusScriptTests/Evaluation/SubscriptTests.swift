import ChorusEngine
import Testing

@testable import ChorusScript

@Suite("indexing datasets, sample sets and results")
struct SubscriptTests {
    @Test func aDatasetsProblemsByPositionAndID() async throws {
        let harness = try await InspectFixtures.harness()
        await harness.run(
            "p = data[1]\nq = data[\"arith-1-0\"]\nlast = data[-1]\np.id\nq.gold\nq.index\nlast.id\ndata[0].question")
        #expect(!harness.output.error.contains("error"))
        let lines = harness.output.output.split(separator: "\n")
        #expect(lines.prefix(4) == ["\"arith-1-1\"", "\"19/30\"", "0", "\"arith-1-1\""])
        #expect(lines.last?.hasPrefix("\"Victor ate 1/3 of a cherry pie") == true)
    }

    @Test func aSetsProblemAndSampleWithTypedFields() async throws {
        let harness = try await InspectFixtures.harness()
        await harness.run("x = s[0]\ny = s[0][2]")
        let problem = try #require(await harness.variable("x"))
        #expect(problem.typeName == "problem's samples")
        guard case .object(let object) = problem else { throw FieldFailure() }
        #expect(object.member("count") == .int(4))
        #expect(object.member("right") == .int(1))
        #expect(object.member("answer") == .string("19/30"))
        #expect(object.member("verdict") == .string("right"))
        #expect(object.member("verdicts") == .list(["right", "wrong", "truncated", "unparseable"].map(Value.string)))
        #expect(object.member("answers") == .list([.string("19/30"), .string("1"), .string("19"), .none]))
        let sample = try #require(await harness.variable("y"))
        guard case .object(let cut) = sample else { throw FieldFailure() }
        #expect(cut.member("verdict") == .string("truncated"))
        #expect(cut.member("finish") == .string("length"))
        #expect(cut.member("tokens") == .int(64))
        #expect(cut.member("seed") == Value.none)
        #expect(cut.member("index") == .int(2))
        #expect(cut.member("text") == .string("Let me add \\boxed{19"))
        #expect(cut.member("latency") == Value.none)
        for name in object.memberNames + cut.memberNames where name != "candidates" {
            #expect(object.member(name) != nil || cut.member(name) != nil, "\(name)")
        }
    }

    @Test func aSeededSampleNamesItsSeed() async throws {
        let harness = try await InspectFixtures.harness()
        await harness.run("t = sample gen data n: 3 seed: 7\nt[1][2].seed\nt[1][0].seed")
        #expect(harness.output.output == "9\n7\n")
    }

    @Test func aResultsProblemAndItsCandidates() async throws {
        let harness = try await InspectFixtures.harness()
        await harness.run("v = vote s k: 2\nv[0].answer\nv[0].correct\nv[1][1].verdict\nv[0].candidates.count")
        #expect(!harness.output.error.contains("error"))
        #expect(harness.output.output == "\"19/30\"\ntrue\n\"wrong\"\n2\n")
    }

    @Test func outOfRangeAndUnknownIDsSayWhatExists() async throws {
        let harness = try await InspectFixtures.harness()
        await harness.run("s[2]")
        #expect(
            harness.output.error.hasSuffix(
                """
                t.chorus:1:3: error: index 2 is out of range for the 2 problems of a sample set
                1 | s[2]
                  |   ^
                hint: indices run from 0 to 1, or -1 for the last

                """))
        await harness.run("data[\"arith-1-2\"]")
        #expect(harness.output.error.contains("error: a dataset has no problem \"arith-1-2\""))
        #expect(harness.output.error.contains("hint: did you mean \"arith-1-0\"?"))
        await harness.run("data[\"zzz\"]")
        #expect(harness.output.error.hasSuffix("hint: its ids run \"arith-1-0\" … \"arith-1-1\"\n"))
        await harness.run("s[0][-5]")
        #expect(harness.output.error.contains("index -5 is out of range for the 4 samples of a problem's samples"))
        await harness.run("s[0][\"a\"]")
        #expect(harness.output.error.contains("cannot index problem's samples with string"))
        await harness.run("s[1.5]")
        #expect(
            harness.output.error.contains(
                "hint: sample set takes an int position (`x[0]`, `x[-1]` for the last) "
                    + "or a string id (`x[\"arith-1-0\"]`)"))
    }

    struct FieldFailure: Error {}
}
