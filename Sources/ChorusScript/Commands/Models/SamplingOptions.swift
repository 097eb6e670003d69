import ChorusEngine

/// The sampling parameters every command that calls a model shares (`temperature:`,
/// `max_tokens:`), declared once with each command's defaults.
struct SamplingOptions: ParameterList {
    /// The sampling temperature.
    let temperature: ParameterKey<Double>
    /// The most tokens per answer.
    let maxTokens: ParameterKey<Int>

    /// The group with a command's defaults; `subject` words the help (`answer`, `judgement`).
    init(
        temperature: Double, maxTokens: Int, temperatureSummary: String = "sampling temperature",
        subject: String = "answer"
    ) {
        self.temperature = .named("temperature", temperatureSummary, default: temperature, in: .between(0, 10))
        self.maxTokens = .named("max_tokens", "most tokens per \(subject)", default: maxTokens, in: .atLeast(1))
    }

    var parameters: [Parameter] { temperature.parameters + maxTokens.parameters }
}
