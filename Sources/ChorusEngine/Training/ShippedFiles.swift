/// The text files Chorus writes next to exported training data, compiled into the binary: the
/// reward function, the parquet writer and the trainers' launch scripts.
public enum ShippedFiles {
    /// `chorus_reward.py`: the reward function for verl, TRL and OpenRLHF, and its preflight.
    public static var rewardFunction: String { String(decoding: PackageResources.chorus_reward_py, as: UTF8.self) }
    /// `chorus_parquet.py`: JSONL rows to a parquet file (needs `pyarrow`).
    public static var parquetWriter: String { String(decoding: PackageResources.chorus_parquet_py, as: UTF8.self) }

    /// A launch script template by file name, or nil. `launch-common.sh` and `trl_launch.py` hold what
    /// the scripts share; the scripts source or import them from the folder they are written to.
    public static func launchTemplate(_ name: String) -> String? {
        let bytes: [UInt8]? =
            switch name {
            case "launch-common.sh": PackageResources.launch_common_sh
            case "verl-grpo.sh": PackageResources.verl_grpo_sh
            case "verl-grpo-ray.sh": PackageResources.verl_grpo_ray_sh
            case "trl-grpo.sh": PackageResources.trl_grpo_sh
            case "trl_launch.py": PackageResources.trl_launch_py
            case "trl-grpo.py": PackageResources.trl_grpo_py
            case "trl-sft.sh": PackageResources.trl_sft_sh
            case "trl-sft.py": PackageResources.trl_sft_py
            case "openrlhf-grpo.sh": PackageResources.openrlhf_grpo_sh
            default: nil
            }
        return bytes.map { String(decoding: $0, as: UTF8.self) }
    }

    /// The reward function with its defaults set, for trainers that pass no per-row settings.
    public static func rewardFunction(preset: RewardFunction.Preset, format: RewardFunction.AnswerFormat) -> String {
        rewardFunction
            .replacingOccurrences(of: "DEFAULT_PRESET = \"paper\"", with: "DEFAULT_PRESET = \"\(preset.name)\"")
            .replacingOccurrences(
                of: "DEFAULT_FORMAT = \"answer_tag\"", with: "DEFAULT_FORMAT = \"\(format.rawValue)\"")
    }

    /// `template` with each `{{NAME}}` replaced by its value as one single-quoted shell word.
    public static func fill(_ template: String, values: [String: String]) throws(TrainingExportError) -> String {
        var text = template
        for (name, value) in values {
            text = text.replacingOccurrences(of: "{{\(name)}}", with: shellQuoted(value))
        }
        if let start = text.range(of: "{{"), let end = text.range(of: "}}", range: start.upperBound..<text.endIndex) {
            throw .unfilledPlaceholder(String(text[start.lowerBound..<end.upperBound]))
        }
        return text
    }

    /// `value` as one single-quoted shell word.
    public static func shellQuoted(_ value: String) -> String {
        "'" + value.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
