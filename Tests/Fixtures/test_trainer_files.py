"""Checks of the trainer-side files Chorus writes next to exported training data.

Run with the Python scripts/setup-train prints (it has pyarrow; without it the Parquet round trip is
skipped):
    $HOME/.cache/chorus/train-venv/bin/python -m unittest discover -s Tests/Fixtures -p 'test_trainer_files.py' -v

* Every launch template (Sources/ChorusEngine/Training/Launch/*.sh) uses only the known placeholders,
  each once, in a `NAME=${NAME:-{{NAME}}}` line (all of them in launch-common.sh, which the scripts source), and passes `bash -n` once each placeholder is
  replaced by a single-quoted shell word, as Chorus replaces it.
* Run against stand-ins for python3, ray and accelerate that record their arguments, every script
  hands the trainer the filled-in values as single arguments (spaces and quotes included), takes
  overrides from the environment, passes its own arguments on last, and prints nothing itself.
* Every Python template and helper compiles.
* chorus_parquet.py writes rows shaped like verl's and reads them back unchanged; a bad row stops it
  with exit status 1 and its line number; a Python without pyarrow gets told to run setup-train.
"""

import importlib.util
import json
import os
import py_compile
import re
import shutil
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LAUNCH = ROOT / "Sources/ChorusEngine/Training/Launch"
# What the scripts share, written beside them: sourced by every script, imported by the TRL ones.
SHARED = ["launch-common.sh", "trl_launch.py"]
PARQUET = ROOT / "Sources/ChorusEngine/Training/Python/chorus_parquet.py"

PLACEHOLDERS = {
    "MODEL", "DATA_DIR", "TRAIN_FILE", "TEST_FILE", "REWARD_FILE", "ROLLOUT_N", "MAX_PROMPT_LENGTH",
    "MAX_RESPONSE_LENGTH", "BATCH_SIZE", "EPOCHS", "LEARNING_RATE", "GPUS", "NODES", "PROJECT",
    "EXPERIMENT", "OUTPUT_DIR",
}
PLACEHOLDER = re.compile(r"\{\{([A-Za-z0-9_]+)\}\}")
HAVE_PYARROW = importlib.util.find_spec("pyarrow") is not None
NO_PYARROW = "pyarrow is not installed in this Python (run scripts/setup-train and use the Python it prints)"

# Values with spaces, a quote and a backslash where the scripts must keep them whole.
DATA_DIR = "/srv/chorus data/run's 1"
VALUES = {
    "MODEL": "/models/Qwen 0.5B's \\copy",
    "DATA_DIR": DATA_DIR,
    "TRAIN_FILE": DATA_DIR + "/train.parquet",
    "TEST_FILE": DATA_DIR + "/test.parquet",
    "REWARD_FILE": DATA_DIR + "/chorus_reward.py",
    "ROLLOUT_N": "8",
    "MAX_PROMPT_LENGTH": "1024",
    "MAX_RESPONSE_LENGTH": "2048",
    "BATCH_SIZE": "64",
    "EPOCHS": "2",
    "LEARNING_RATE": "1e-6",
    "GPUS": "8",
    "NODES": "2",
    "PROJECT": "chorus, SSA",
    "EXPERIMENT": "it's [k=8]",
    "OUTPUT_DIR": DATA_DIR + "/checkpoints",
}
# The environment variables the scripts read, cleared so that the caller's shell cannot leak in.
SCRIPT_VARIABLES = PLACEHOLDERS | {
    "RAY_ADDRESS", "RAY_NO_WAIT", "MINI_BATCH_SIZE", "MICRO_BATCH_SIZE_PER_GPU", "ROLLOUT_TP",
    "GPU_MEMORY_UTILIZATION", "KL_COEF", "SAVE_FREQ", "TEST_FREQ", "MICRO_TRAIN_BATCH_SIZE",
    "MICRO_ROLLOUT_BATCH_SIZE", "VLLM_TP", "VLLM_NUM_ENGINES", "ZERO_STAGE", "SAVE_STEPS", "EVAL_STEPS",
    "PER_DEVICE_BATCH_SIZE",
}

# Stand-in for the trainers' commands: records its arguments (NUL-separated) in $STUB_LOG. python3
# reading a program from stdin (`python3 - …`, how the Ray scripts build their JSON) runs for real.
STUB = """#!/usr/bin/env bash
if [[ $(basename "$0") == python3 && ${1:-} == - ]]; then exec "$REAL_PYTHON" "$@"; fi
{ printf '%s\\0' "$(basename "$0")"; printf '%s\\0' "$@"; } > "$STUB_LOG"
"""


def shell_word(value):
    """A single-quoted shell word, as Chorus writes a placeholder's value."""
    return "'" + value.replace("'", "'\\''") + "'"


def hydra_quoted(value):
    """Hydra's quoted string for `value`, as the verl scripts' hydra_quote writes it."""
    escaped = re.sub(r"(\\+)('|$)", lambda m: m.group(1) * 2 + m.group(2), value)
    return "'" + escaped.replace("'", "\\'") + "'"


def filled(template, values=VALUES):
    return PLACEHOLDER.sub(lambda m: shell_word(values[m.group(1)]), template.read_text(encoding="utf-8"))


def templates(suffix):
    return sorted(LAUNCH.glob("*" + suffix))


def scripts():
    """The launch scripts themselves, without the file they source."""
    return [path for path in templates(".sh") if path.name not in SHARED]


class LaunchTemplates(unittest.TestCase):
    def test_templates_exist(self):
        names = {path.name for path in LAUNCH.iterdir()}
        for name in ["verl-grpo.sh", "verl-grpo-ray.sh", "trl-grpo.sh", "trl-grpo.py", "trl-sft.sh", "trl-sft.py",
                     "openrlhf-grpo.sh"] + SHARED:
            self.assertIn(name, names)

    def test_placeholders_are_known_and_set_once_at_the_top(self):
        for path in templates(".sh") + templates(".py"):
            text = path.read_text(encoding="utf-8")
            used = PLACEHOLDER.findall(text)
            with self.subTest(template=path.name):
                self.assertLessEqual(set(used), PLACEHOLDERS, "unknown placeholders")
                self.assertEqual(len(used), len(set(used)), "a placeholder used twice")
                for name in used:
                    self.assertRegex(text, rf"(?m)^{name}=\$\{{{name}:-\{{\{{{name}\}}\}}\}}$")
                if path.suffix == ".py":
                    self.assertEqual(used, [], "Python templates take arguments, not placeholders")

    def test_every_placeholder_is_set_in_the_shared_file(self):
        used = PLACEHOLDER.findall((LAUNCH / "launch-common.sh").read_text(encoding="utf-8"))
        self.assertEqual(set(used), PLACEHOLDERS)
        for path in scripts():
            with self.subTest(template=path.name):
                self.assertIn('source "$here/launch-common.sh"', path.read_text(encoding="utf-8").splitlines())

    def test_scripts_have_the_common_shape(self):
        for path in scripts():
            lines = path.read_text(encoding="utf-8").splitlines()
            with self.subTest(template=path.name):
                self.assertEqual(lines[0], "#!/usr/bin/env bash")
                self.assertTrue(lines[1].startswith("# "), "a comment header")
                self.assertIn("set -euo pipefail", lines)
                self.assertEqual(lines[-1].strip(), '"$@"', "extra arguments go to the trainer, last")

    def test_filled_scripts_pass_bash_n(self):
        for path in templates(".sh"):
            with self.subTest(template=path.name):
                result = subprocess.run(["bash", "-n"], input=filled(path), text=True, capture_output=True)
                self.assertEqual(result.returncode, 0, result.stderr)

    def test_setup_scripts_pass_bash_n(self):
        for name in ["setup-train", "setup-reasoning-gym"]:
            with self.subTest(script=name):
                path = ROOT / "scripts" / name
                self.assertTrue(os.access(path, os.X_OK), f"{name} is not executable")
                result = subprocess.run(["bash", "-n", str(path)], text=True, capture_output=True)
                self.assertEqual(result.returncode, 0, result.stderr)

    def test_python_files_compile(self):
        for path in templates(".py") + [PARQUET, ROOT / "scripts/reasoning_gym_to_jsonl.py"]:
            with self.subTest(file=path.name), tempfile.TemporaryDirectory() as folder:
                py_compile.compile(str(path), cfile=os.path.join(folder, "out.pyc"), doraise=True)


class LaunchCommands(unittest.TestCase):
    """Runs the filled-in scripts against stand-ins for the trainers and reads the commands back."""

    def setUp(self):
        self.folder = Path(tempfile.mkdtemp())
        self.addCleanup(shutil.rmtree, self.folder)
        stubs = self.folder / "bin"
        stubs.mkdir()
        for name in ["python3", "ray", "accelerate"]:
            (stubs / name).write_text(STUB)
            (stubs / name).chmod(0o755)
        self.log = self.folder / "argv"
        self.env = {key: value for key, value in os.environ.items() if key not in SCRIPT_VARIABLES}
        self.env.update(PATH=f"{stubs}{os.pathsep}{os.environ.get('PATH', '')}", STUB_LOG=str(self.log),
                        REAL_PYTHON=sys.executable)

    def run_script(self, name, *arguments, values=VALUES, **environment):
        for shared in SHARED:
            (self.folder / shared).write_text(filled(LAUNCH / shared, values))
        script = self.folder / name
        script.write_text(filled(LAUNCH / name, values))
        result = subprocess.run(["bash", str(script), *arguments], env={**self.env, **environment}, text=True,
                                capture_output=True)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(result.stdout, "", "the script printed something itself")
        self.assertEqual(result.stderr, "")
        argv = self.log.read_text().split("\0")[:-1]
        return argv[0], argv[1:]

    def test_verl_grpo(self):
        command, argv = self.run_script("verl-grpo.sh", "trainer.val_before_train=False")
        self.assertEqual(command, "python3")
        self.assertEqual(argv[:2], ["-m", "verl.trainer.main_ppo"])
        for expected in [
            "algorithm.adv_estimator=grpo",
            "data.train_files=" + hydra_quoted(VALUES["TRAIN_FILE"]),
            "data.val_files=" + hydra_quoted(VALUES["TEST_FILE"]),
            "data.train_batch_size=64",
            "data.max_prompt_length=1024",
            "data.max_response_length=2048",
            "data.filter_overlong_prompts=True",
            "data.truncation=error",
            "actor_rollout_ref.model.path=" + hydra_quoted(VALUES["MODEL"]),
            "actor_rollout_ref.actor.optim.lr=1e-6",
            "actor_rollout_ref.actor.kl_loss_type=low_var_kl",
            "actor_rollout_ref.rollout.name=vllm",
            "actor_rollout_ref.rollout.n=8",
            "custom_reward_function.path=" + hydra_quoted(VALUES["REWARD_FILE"]),
            "custom_reward_function.name=compute_score",
            "++reward.custom_reward_function.path=" + hydra_quoted(VALUES["REWARD_FILE"]),
            "trainer.logger=[\"console\"]",
            "trainer.project_name=" + hydra_quoted(VALUES["PROJECT"]),
            "trainer.experiment_name=" + hydra_quoted(VALUES["EXPERIMENT"]),
            "trainer.default_local_dir=" + hydra_quoted(VALUES["OUTPUT_DIR"]),
            "trainer.n_gpus_per_node=8",
            "trainer.nnodes=2",
            "trainer.total_epochs=2",
        ]:
            self.assertIn(expected, argv)
        self.assertEqual(argv[-1], "trainer.val_before_train=False")

    def test_verl_grpo_takes_overrides_from_the_environment(self):
        _, argv = self.run_script("verl-grpo.sh", MODEL="Qwen/Qwen2.5-7B-Instruct", GPUS="4", MINI_BATCH_SIZE="16")
        self.assertIn("actor_rollout_ref.model.path='Qwen/Qwen2.5-7B-Instruct'", argv)
        self.assertIn("trainer.n_gpus_per_node=4", argv)
        self.assertIn("actor_rollout_ref.actor.ppo_mini_batch_size=16", argv)

    def test_verl_grpo_ray(self):
        command, argv = self.run_script("verl-grpo-ray.sh", "trainer.save_freq=5", RAY_NO_WAIT="1")
        self.assertEqual(command, "ray")
        split = argv.index("--")
        submit, job = argv[:split], argv[split + 1:]
        self.assertEqual(submit[:3], ["job", "submit", "--address=http://127.0.0.1:8265"])
        self.assertIn("--no-wait", submit)
        runtime = json.loads(next(a for a in submit if a.startswith("--runtime-env-json="))
                             .removeprefix("--runtime-env-json="))
        self.assertEqual(runtime, {"working_dir": DATA_DIR, "excludes": ["/checkpoints/"]})
        self.assertEqual(job[:3], ["python3", "-m", "verl.trainer.main_ppo"])
        self.assertIn("data.train_files='train.parquet'", job)
        self.assertIn("custom_reward_function.path='chorus_reward.py'", job)
        self.assertIn("trainer.nnodes=2", job)
        self.assertIn("trainer.default_local_dir=" + hydra_quoted(VALUES["OUTPUT_DIR"]), job)
        self.assertEqual(job[-1], "trainer.save_freq=5")

    def test_openrlhf_grpo(self):
        command, argv = self.run_script("openrlhf-grpo.sh", "--train.seed", "7", RAY_ADDRESS="http://head:8265")
        self.assertEqual(command, "ray")
        split = argv.index("--")
        submit, job = argv[:split], argv[split + 1:]
        self.assertEqual(submit[:3], ["job", "submit", "--address=http://head:8265"])
        self.assertNotIn("--no-wait", submit)
        self.assertEqual(job[:3], ["python3", "-m", "openrlhf.cli.train_ppo_ray"])
        flags = dict(zip(job[3:], job[4:]))
        self.assertEqual(flags["--actor.model_name_or_path"], VALUES["MODEL"])
        self.assertEqual(flags["--reward.remote_url"], "chorus_reward.py")
        self.assertEqual(flags["--data.prompt_dataset"], "train.parquet")
        self.assertEqual(flags["--eval.dataset"], "test.parquet")
        self.assertEqual(flags["--data.input_key"], "input")
        self.assertEqual(flags["--data.label_key"], "label")
        self.assertEqual(flags["--algo.advantage.estimator"], "group_norm")
        self.assertEqual(flags["--rollout.n_samples_per_prompt"], "8")
        self.assertEqual(flags["--rollout.batch_size"], "64")
        self.assertEqual(flags["--train.batch_size"], "512")
        self.assertEqual(flags["--data.max_len"], "3072")
        self.assertEqual(flags["--rollout.max_new_tokens"], "2048")
        self.assertEqual(flags["--vllm.num_engines"], "16")
        self.assertEqual(flags["--ckpt.output_dir"], VALUES["OUTPUT_DIR"])
        self.assertEqual(flags["--logger.wandb.run_name"], VALUES["EXPERIMENT"])
        for switch in ["--data.apply_chat_template", "--algo.kl.use_loss", "--train.colocate_all"]:
            self.assertIn(switch, job)
        self.assertEqual(job[-2:], ["--train.seed", "7"])

    def test_openrlhf_grpo_without_a_test_file(self):
        # Chorus fills TEST_FILE with '' when it exports no test split (an empty variable in the
        # environment cannot clear it: `${TEST_FILE:-…}` falls back to the filled-in value).
        _, argv = self.run_script("openrlhf-grpo.sh", values=dict(VALUES, TEST_FILE=""))
        self.assertNotIn("--eval.dataset", argv)
        self.assertNotIn("--eval.steps", argv)

    def test_trl_grpo(self):
        command, argv = self.run_script("trl-grpo.sh", "--beta", "0.04")
        self.assertEqual(command, "accelerate")
        self.assertEqual(argv[:3], ["launch", "--num_processes", "8"])
        self.assertEqual(argv[3], str(self.folder / "trl-grpo.py"))
        flags = dict(zip(argv[4:], argv[5:]))
        self.assertEqual(flags["--model"], VALUES["MODEL"])
        self.assertEqual(flags["--train-file"], VALUES["TRAIN_FILE"])
        self.assertEqual(flags["--test-file"], VALUES["TEST_FILE"])
        self.assertEqual(flags["--reward-file"], VALUES["REWARD_FILE"])
        self.assertEqual(flags["--num-generations"], "8")
        self.assertEqual(flags["--max-prompt-length"], "1024")
        self.assertEqual(flags["--max-completion-length"], "2048")
        self.assertEqual(flags["--batch-size"], "64")
        self.assertEqual(flags["--per-device-batch-size"], "8")
        self.assertEqual(flags["--output-dir"], VALUES["OUTPUT_DIR"])
        self.assertEqual(argv[-2:], ["--beta", "0.04"])

    def test_trl_sft(self):
        command, argv = self.run_script("trl-sft.sh", "--packing", "true")
        self.assertEqual(command, "accelerate")
        self.assertEqual(argv[:4], ["launch", "--num_processes", "8", str(self.folder / "trl-sft.py")])
        flags = dict(zip(argv[4:], argv[5:]))
        self.assertEqual(flags["--model"], VALUES["MODEL"])
        self.assertEqual(flags["--max-length"], "3072")
        self.assertEqual(flags["--learning-rate"], "1e-6")
        self.assertEqual(argv[-2:], ["--packing", "true"])


VERL_ROWS = [
    {
        "data_source": "chorus/gsm8k",
        "prompt": [{"role": "system", "content": "Answer in <answer></answer>."},
                   {"role": "user", "content": "What is 2 + 2?"}],
        "ability": "math",
        "reward_model": {"style": "rule", "ground_truth": "4"},
        "extra_info": {"split": "train", "index": 0, "problem_id": "gsm8k-1", "reward_preset": "paper",
                       "answer_format": "answer_tag"},
    },
    {
        "data_source": "chorus/gsm8k",
        "prompt": [{"role": "user", "content": "Ünïcode: what is 1/2 + 1/2?"}],
        "ability": "math",
        "reward_model": {"style": "rule", "ground_truth": "1"},
        "extra_info": {"split": "train", "index": 1, "problem_id": "gsm8k-2", "reward_preset": "shaped",
                       "answer_format": "boxed"},
    },
]


class ParquetWriter(unittest.TestCase):
    def setUp(self):
        self.folder = Path(tempfile.mkdtemp())
        self.addCleanup(shutil.rmtree, self.folder)

    def convert(self, lines, python=sys.executable, env=None):
        source = self.folder / "in.jsonl"
        source.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
        destination = self.folder / "out.parquet"
        result = subprocess.run([python, str(PARQUET), str(source), str(destination)], text=True,
                                capture_output=True, env=env)
        return result, destination

    @unittest.skipUnless(HAVE_PYARROW, NO_PYARROW)
    def test_round_trip(self):
        import pyarrow as pa
        import pyarrow.parquet as pq

        lines = [json.dumps(VERL_ROWS[0]), "", json.dumps(VERL_ROWS[1], ensure_ascii=False)]
        result, destination = self.convert(lines)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(result.stdout, f"wrote 2 rows to {destination} (columns: data_source, prompt, ability, "
                                        "reward_model, extra_info)\n")
        table = pq.read_table(destination)
        self.assertEqual(table.to_pylist(), VERL_ROWS)
        message = pa.struct([pa.field("role", pa.string()), pa.field("content", pa.string())])
        self.assertEqual(table.schema.field("prompt").type, pa.list_(message))
        self.assertFalse((self.folder / "out.parquet.partial").exists())

    def test_bad_json_names_its_line(self):
        result, destination = self.convert([json.dumps(VERL_ROWS[0]), "", '{"prompt": [}'])
        self.assertEqual(result.returncode, 1)
        self.assertIn("line 3", result.stderr)
        self.assertFalse(destination.exists())

    def test_bad_prompt_names_its_line(self):
        row = dict(VERL_ROWS[1], prompt=[{"role": "user", "content": 5}])
        result, destination = self.convert([json.dumps(VERL_ROWS[0]), json.dumps(row)])
        self.assertEqual(result.returncode, 1)
        self.assertIn("line 2", result.stderr)
        self.assertIn("prompt[0].content", result.stderr)
        self.assertFalse(destination.exists())

    def test_row_that_is_not_an_object(self):
        result, _ = self.convert(["[1, 2]"])
        self.assertEqual(result.returncode, 1)
        self.assertIn("line 1", result.stderr)

    @unittest.skipUnless(HAVE_PYARROW, NO_PYARROW)
    def test_value_of_the_wrong_type_names_its_line(self):
        second = dict(VERL_ROWS[1], extra_info=dict(VERL_ROWS[1]["extra_info"], index="one"))
        result, destination = self.convert([json.dumps(VERL_ROWS[0]), json.dumps(second)])
        self.assertEqual(result.returncode, 1)
        self.assertIn("line 2", result.stderr)
        self.assertFalse(destination.exists())

    def test_missing_pyarrow_points_to_setup_train(self):
        shadow = self.folder / "shadow" / "pyarrow"
        shadow.mkdir(parents=True)
        (shadow / "__init__.py").write_text("raise ImportError('no pyarrow here')\n")
        env = dict(os.environ, PYTHONPATH=str(shadow.parent))
        result, destination = self.convert([json.dumps(VERL_ROWS[0])], env=env)
        self.assertEqual(result.returncode, 1)
        self.assertIn("scripts/setup-train", result.stderr)
        self.assertFalse(destination.exists())


if __name__ == "__main__":
    unittest.main()
