import Testing

@testable import ChorusEngine

@Suite struct AdamOptimizerTests {
    @Test func climbsTowardTheMaximum() {
        // Maximise −(w − 3)²: the gradient is −2(w − 3).
        var adam = AdamOptimizer(count: 1, learningRate: 0.1)
        var weights = [0.0]
        for _ in 0..<500 { adam.ascend(&weights, along: [-2 * (weights[0] - 3)]) }
        #expect(abs(weights[0] - 3) < 0.05)
    }

    @Test func theFirstStepIsTheLearningRateInTheGradientsDirection() {
        var adam = AdamOptimizer(count: 2, learningRate: 0.5)
        var weights = [0.0, 0.0]
        adam.ascend(&weights, along: [10, -0.001])
        #expect(abs(weights[0] - 0.5) < 1e-6 && abs(weights[1] + 0.5) < 1e-3)
    }
}
