import Foundation

/// Adam (Kingma & Ba): per-weight step sizes from running moments of the gradient.
struct AdamOptimizer: Sendable {
    private var first: [Double]
    private var second: [Double]
    private var step = 0
    let learningRate: Double
    let beta1 = 0.9
    let beta2 = 0.999
    let epsilon = 1e-8

    init(count: Int, learningRate: Double) {
        first = Array(repeating: 0, count: count)
        second = Array(repeating: 0, count: count)
        self.learningRate = learningRate
    }

    /// Moves `weights` up `gradient` (gradient ascent).
    mutating func ascend(_ weights: inout [Double], along gradient: [Double]) {
        step += 1
        let correction1 = 1 - pow(beta1, Double(step))
        let correction2 = 1 - pow(beta2, Double(step))
        for index in weights.indices {
            first[index] = beta1 * first[index] + (1 - beta1) * gradient[index]
            second[index] = beta2 * second[index] + (1 - beta2) * gradient[index] * gradient[index]
            let update = (first[index] / correction1) / ((second[index] / correction2).squareRoot() + epsilon)
            weights[index] += learningRate * update
        }
    }
}
