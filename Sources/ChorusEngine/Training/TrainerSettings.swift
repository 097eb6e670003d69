/// What the launch scripts pass the trainer: the model, lengths, batch, schedule and hardware.
/// Every value is also an environment variable of the script, so it can be changed without Chorus.
public struct TrainerSettings: Sendable, Equatable {
    /// The model to train: a Hugging Face id or a local path.
    public var model: String
    /// Samples per prompt (GRPO's group size).
    public var rolloutN: Int
    /// Most tokens of a response.
    public var maxResponseLength: Int
    /// Prompts per training batch.
    public var batchSize: Int
    /// Passes over the training rows.
    public var epochs: Int
    /// The actor's learning rate.
    public var learningRate: Double
    /// GPUs per node.
    public var gpus: Int
    /// Nodes.
    public var nodes: Int
    /// The experiment tracker's project name.
    public var project: String
    /// The run's name.
    public var experiment: String

    /// Creates settings.
    public init(
        model: String, rolloutN: Int = 8, maxResponseLength: Int = 1024, batchSize: Int = 64, epochs: Int = 1,
        learningRate: Double = 1e-6, gpus: Int = 8, nodes: Int = 1, project: String = "chorus", experiment: String
    ) {
        self.model = model
        self.rolloutN = rolloutN
        self.maxResponseLength = maxResponseLength
        self.batchSize = batchSize
        self.epochs = epochs
        self.learningRate = learningRate
        self.gpus = gpus
        self.nodes = nodes
        self.project = project
        self.experiment = experiment
    }

    /// Most prompt tokens the rows need: the longest prompt (4 bytes a token, plus the chat
    /// template's few), rounded up to a multiple of 256.
    public static func maxPromptLength(of examples: [TrainingExample]) -> Int {
        let longest =
            examples.map { example in
                example.messages.reduce(0) { $0 + CandidateBudget.estimatedTokens($1.content) + 8 }
            }.max() ?? 0
        return max(512, (longest + 255) / 256 * 256)
    }
}
