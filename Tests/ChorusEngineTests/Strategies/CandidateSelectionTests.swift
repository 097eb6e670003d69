import Testing

@testable import ChorusEngine

@Suite struct CandidateSelectionTests {
    static let samples = (0..<6).map { Sample(text: "\($0)", score: [0.2, 0.9, nil, 0.5, 0.9, 0.1][$0]) }

    @Test func oneSubsetIsTheFirstK() {
        #expect(CandidateSelection(k: 3).choose(from: Self.samples, problemID: "p") == [[0, 1, 2]])
        #expect(CandidateSelection(k: 9).choose(from: Self.samples, problemID: "p") == [[0, 1, 2, 3, 4, 5]])
        #expect(CandidateSelection(k: 3).choose(from: [], problemID: "p") == [])
    }

    @Test func randomSubsetsDependOnlyOnSeedAndProblem() {
        let selection = CandidateSelection(k: 3, subsets: 4, seed: 5)
        let first = selection.choose(from: Self.samples, problemID: "p")
        #expect(first.count == 4)
        #expect(first.allSatisfy { Set($0).count == 3 && $0 == $0.sorted() })
        #expect(selection.choose(from: Self.samples, problemID: "p") == first)
        #expect(Set(first).count == 4)  // distinct while C(6, 3) = 20 allows
        #expect(CandidateSelection(k: 3, subsets: 4, seed: 6).choose(from: Self.samples, problemID: "p") != first)
        #expect(selection.choose(from: Self.samples, problemID: "q") != first)
    }

    @Test func ordersBySampleShuffleOrScore() {
        let shuffled = CandidateSelection(k: 6, seed: 3, order: .shuffled).choose(from: Self.samples, problemID: "p")[0]
        #expect(shuffled.sorted() == [0, 1, 2, 3, 4, 5])
        #expect(shuffled != [0, 1, 2, 3, 4, 5])
        // Highest score first, ties in sampled order, unscored last.
        #expect(
            CandidateSelection(k: 6, order: .byScore).choose(from: Self.samples, problemID: "p") == [
                [1, 4, 3, 0, 5, 2]
            ])
    }
}
