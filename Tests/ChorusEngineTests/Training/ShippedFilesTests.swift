import Testing

@testable import ChorusEngine

@Suite struct ShippedFilesTests {
    @Test func placeholdersBecomeSingleQuotedWords() throws {
        let filled = try ShippedFiles.fill("MODEL=${MODEL:-{{MODEL}}}\n", values: ["MODEL": "it's a model"])
        #expect(filled == "MODEL=${MODEL:-'it'\\''s a model'}\n")
        #expect(throws: TrainingExportError.unfilledPlaceholder("{{GPUS}}")) {
            try ShippedFiles.fill("GPUS={{GPUS}}", values: [:])
        }
    }

    @Test func everyLaunchTemplateShipsAndTheRewardDefaultsCanBeSet() {
        for name in [
            "launch-common.sh", "verl-grpo.sh", "verl-grpo-ray.sh", "trl_launch.py", "trl-grpo.sh", "trl-grpo.py",
            "trl-sft.sh", "trl-sft.py", "openrlhf-grpo.sh",
        ] {
            #expect(ShippedFiles.launchTemplate(name)?.isEmpty == false, "\(name)")
        }
        #expect(ShippedFiles.launchTemplate("nope.sh") == nil)
        let reward = ShippedFiles.rewardFunction(preset: .shaped, format: .boxed)
        #expect(reward.contains("DEFAULT_PRESET = \"shaped\"") && reward.contains("DEFAULT_FORMAT = \"boxed\""))
        #expect(
            ShippedFiles.rewardFunction.contains(
                "def compute_score(data_source, solution_str, ground_truth, extra_info=None"))
        #expect(ShippedFiles.parquetWriter.contains("pyarrow.parquet"))
    }
}
