"""Tests for chorus_reward.py, the trainers' adapter to Chorus's Swift grader (`chorus grade --serve`).

Run from the repository root:

    CHORUS_BIN=/path/to/.build/debug/chorus python3 -m unittest discover -s Tests/Fixtures -p 'test_*.py' -v

Every test drives the grader, so without CHORUS_BIN the suite is skipped.
"""

import inspect
import json
import os
import subprocess
import sys
import tempfile
import unittest
from unittest import mock

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
MODULE_DIR = os.path.join(ROOT, "Sources", "ChorusEngine", "Training", "Python")
MODULE_PATH = os.path.join(MODULE_DIR, "chorus_reward.py")
CASES_PATH = os.path.join(HERE, "reward-cases.jsonl")
BINARY = os.environ.get("CHORUS_BIN")

if MODULE_DIR not in sys.path:
    sys.path.insert(0, MODULE_DIR)
if BINARY:
    os.environ["CHORUS_GRADER"] = BINARY

import chorus_reward  # noqa: E402

needs_grader = unittest.skipUnless(BINARY, "set CHORUS_BIN to a chorus binary (e.g. .build/debug/chorus)")


def load_cases():
    with open(CASES_PATH, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def write_jsonl(directory, name, rows):
    path = os.path.join(directory, name)
    with open(path, "w", encoding="utf-8") as handle:
        for row in rows:
            handle.write((row if isinstance(row, str) else json.dumps(row, ensure_ascii=False)) + "\n")
    return path


def run_python_cli(*args, stdin=None):
    return subprocess.run(
        [sys.executable, MODULE_PATH] + list(args), input=stdin, capture_output=True, timeout=300
    )


@needs_grader
class PresetsAndDefaults(unittest.TestCase):
    def test_presets(self):
        self.assertEqual(chorus_reward.PRESETS, {"paper": (1.0, 0.05, 0.0), "shaped": (1.0, 0.0, -1.0)})
        self.assertEqual(chorus_reward.DEFAULT_PRESET, "paper")
        self.assertEqual(chorus_reward.DEFAULT_FORMAT, "answer_tag")

    def test_score_levels(self):
        gold = "72"
        for preset, (correct, formatted, unformatted) in chorus_reward.PRESETS.items():
            self.assertEqual(chorus_reward.score("<answer>72</answer>", gold, preset), correct)
            self.assertEqual(chorus_reward.score("<answer>71</answer>", gold, preset), formatted)
            self.assertEqual(chorus_reward.score("It is 72.", gold, preset), unformatted)
            self.assertEqual(chorus_reward.score("\\boxed{72}", gold, preset, "boxed"), correct)
            self.assertEqual(chorus_reward.score("<answer>72</answer>", gold, preset, "boxed"), unformatted)

    def test_answer_tag_format_ignores_a_box_outside_the_tag(self):
        self.assertIsNone(chorus_reward.extract("So \\boxed{42}.", "answer_tag"))
        self.assertEqual(chorus_reward.score("So \\boxed{42}.", "42", "shaped"), -1.0)

    def test_unknown_names_raise(self):
        with self.assertRaises(ValueError):
            chorus_reward.score("<answer>1</answer>", "1", preset="generous")
        with self.assertRaises(ValueError):
            chorus_reward.extract("<answer>1</answer>", "json")

    def test_extract_and_equivalence(self):
        self.assertEqual(chorus_reward.extract("<answer> \\boxed{\\frac{1}{2}} </answer>", "answer_tag"), "\\frac{1}{2}")
        # A word between two boxes is a correction: the last box is the answer; boxes joined by
        # connectors together are one answer.
        self.assertEqual(chorus_reward.extract("\\boxed{41} no wait \\boxed{42}", "boxed"), "42")
        self.assertEqual(chorus_reward.extract("\\boxed{2} and \\boxed{5}", "boxed"), "2, 5")
        self.assertTrue(chorus_reward.is_equivalent("1{,}000", "1000"))
        self.assertTrue(chorus_reward.is_equivalent("2\\frac{1}{2}", "2.5"))
        self.assertFalse(chorus_reward.is_equivalent("1000000", "1000001"))
        self.assertFalse(chorus_reward.is_equivalent("0.333", "\\frac{1}{3}"))
        self.assertFalse(chorus_reward.is_equivalent("3.14", "\\pi"))
        self.assertTrue(chorus_reward.is_equivalent("\\text{(B)}", "B"))

    def test_a_truncated_response_scores_as_unformatted(self):
        for preset, (correct, formatted, unformatted) in chorus_reward.PRESETS.items():
            # Cut off at the token limit: no answer counts, even a right one already written.
            self.assertEqual(chorus_reward.score("<answer>72</answer> and more", "72", preset, finish_reason="length"),
                             unformatted)
            self.assertEqual(chorus_reward.score("<answer>72</answer>", "72", preset, finish_reason="stop"), correct)
            # Ending inside an unclosed box or tag is cut off too, whatever the finish reason.
            self.assertEqual(chorus_reward.score("\\boxed{7} so \\boxed{72", "72", preset, "boxed"), unformatted)
            self.assertEqual(chorus_reward.score("so <answer>72", "72", preset), unformatted)
            # A server that stops at `</answer>` removes it: a stopped response may lack it.
            self.assertEqual(chorus_reward.score("so <answer>72", "72", preset, finish_reason="stop"), correct)
        rows = chorus_reward.score_many([{"response": "\\boxed{72", "gold": "72", "format": "boxed"}])
        self.assertEqual(rows[0]["truncated"], True)
        self.assertEqual(rows[0]["formatted"], False)

    def test_the_grader_is_found_and_reported(self):
        self.assertEqual(chorus_reward.grader_path(), BINARY)
        with mock.patch.dict(os.environ, {"CHORUS_GRADER": ""}), mock.patch.object(chorus_reward.shutil, "which",
                                                                                     return_value=None):
            with self.assertRaises(RuntimeError):
                chorus_reward.grader_path()

    def test_a_batch_is_one_exchange_and_keeps_order(self):
        rows = [{"response": "<answer>%d</answer>" % (i % 7), "gold": "3", "preset": "shaped"} for i in range(3000)]
        rewards = [row["reward"] for row in chorus_reward.score_many(rows)]
        self.assertEqual(rewards, [1.0 if i % 7 == 3 else 0.0 for i in range(3000)])

    def test_a_forked_child_starts_its_own_grader(self):
        self.assertEqual(chorus_reward.score("<answer>1</answer>", "1"), 1.0)
        pid = os.fork()
        if pid == 0:
            os._exit(0 if chorus_reward.score("<answer>2</answer>", "2") == 1.0 else 1)
        _, status = os.waitpid(pid, 0)
        self.assertEqual(status, 0)
        self.assertEqual(chorus_reward.score("<answer>3</answer>", "3"), 1.0)


@needs_grader
class TrainerEntryPoints(unittest.TestCase):
    def test_verl_compute_score(self):
        parameters = list(inspect.signature(chorus_reward.compute_score).parameters)
        self.assertEqual(parameters[:4], ["data_source", "solution_str", "ground_truth", "extra_info"])
        value = chorus_reward.compute_score("openai/gsm8k", "<answer>18</answer>", "18")
        self.assertIsInstance(value, float)
        self.assertEqual(value, 1.0)
        self.assertEqual(chorus_reward.compute_score("gsm8k", "no answer", "18", None), 0.0)
        extra = {"reward_preset": "shaped", "answer_format": "boxed"}
        self.assertEqual(chorus_reward.compute_score("math", "<answer>18</answer>", "18", extra), -1.0)
        self.assertEqual(chorus_reward.compute_score("math", "\\boxed{17}", "18", extra), 0.0)
        self.assertEqual(chorus_reward.compute_score("math", "\\boxed{18}", "18", extra_info=extra), 1.0)
        # verl's batch reward manager passes lists and takes a list.
        batch = chorus_reward.compute_score(["a", "b"], ["<answer>18</answer>", "\\boxed{18}"], ["18", "18"],
                                            [None, extra])
        self.assertEqual(batch, [1.0, 1.0])
        truncated = dict(extra, finish_reason="length")
        self.assertEqual(chorus_reward.compute_score("math", "\\boxed{18}", "18", truncated), -1.0)

    def test_trl_reward_func(self):
        parameters = inspect.signature(chorus_reward.trl_reward_func).parameters
        self.assertEqual(list(parameters)[:2], ["completions", "ground_truth"])
        self.assertTrue(any(p.kind == p.VAR_KEYWORD for p in parameters.values()))
        # TRL calls with keywords: prompts, completions, the dataset's columns, and more.
        rewards = chorus_reward.reward_func(
            prompts=["q1", "q2", "q3"],
            completions=["<answer>5</answer>", "<answer>4</answer>", "5"],
            ground_truth=["5", "5", "5"],
            completion_ids=[[1], [2], [3]],
        )
        self.assertIsInstance(rewards, list)
        self.assertTrue(all(isinstance(r, float) for r in rewards))
        self.assertEqual(rewards, [1.0, 0.05, 0.0])

    def test_trl_conversational_and_per_row_options(self):
        completions = [
            [{"role": "assistant", "content": "<answer>\\frac{1}{2}</answer>"}],
            [{"role": "assistant", "content": "thinking"}, {"role": "assistant", "content": "\\boxed{0.5}"}],
            [{"role": "assistant", "content": "nothing"}],
        ]
        rewards = chorus_reward.reward_func(
            completions=completions,
            ground_truth=["0.5", "1/2", "1/2"],
            reward_preset=["paper", "shaped", "shaped"],
            answer_format=["answer_tag", "boxed", "boxed"],
        )
        self.assertEqual(rewards, [1.0, 1.0, -1.0])
        self.assertEqual(chorus_reward.trl_reward_func(["<answer>3</answer>"], ["3"], reward_preset="shaped"), [1.0])

    def test_openrlhf_reward_func(self):
        parameters = list(inspect.signature(chorus_reward.openrlhf_reward_func).parameters)
        self.assertEqual(parameters[:3], ["queries", "prompts", "labels"])
        prompts = ["<|im_start|>user\nWhat is 2+3?<|im_end|>\n<|im_start|>assistant\n"] * 3
        responses = ["<answer>5</answer><|im_end|>", "<answer>6</answer>", "I don't know<|im_end|><|endoftext|>"]
        queries = [p + r for p, r in zip(prompts, responses)]
        result = chorus_reward.reward_func(queries, prompts, ["5", "5", "5"])
        self.assertEqual(set(result), {"rewards", "scores", "extra_logs"})
        rewards = result["rewards"]
        values = rewards.tolist() if hasattr(rewards, "tolist") else rewards
        self.assertEqual([round(v, 6) for v in values], [1.0, 0.05, 0.0])
        scores = result["scores"]
        self.assertEqual(list(scores.tolist() if hasattr(scores, "tolist") else scores), [1.0, 0.0, 0.0])
        self.assertIn("correct", result["extra_logs"])
        try:
            import torch  # noqa: F401
        except ImportError:
            self.assertIsInstance(rewards, list)
        else:
            self.assertIsInstance(rewards, torch.Tensor)

    def test_openrlhf_without_torch_returns_lists(self):
        with mock.patch.dict(sys.modules, {"torch": None}):
            result = chorus_reward.openrlhf_reward_func(["Q<answer>1</answer>"], ["Q"], ["1"])
        self.assertEqual(result["rewards"], [1.0])
        self.assertEqual(result["scores"], [1.0])
        # The prompt is not part of the response: an answer tag in the prompt is not an answer.
        prompt = "Reply inside <answer>42</answer> tags."
        result = chorus_reward.openrlhf_reward_func([prompt + " I refuse."], [prompt], ["42"], reward_preset="shaped")
        values = result["rewards"].tolist() if hasattr(result["rewards"], "tolist") else result["rewards"]
        self.assertEqual(values, [-1.0])


@needs_grader
class Preflight(unittest.TestCase):
    def setUp(self):
        self.directory = tempfile.TemporaryDirectory()
        self.addCleanup(self.directory.cleanup)

    def good_rows(self):
        return [
            {"data_source": "openai/gsm8k", "prompt": [{"role": "user", "content": "q"}],
             "reward_model": {"style": "rule", "ground_truth": "72"}, "extra_info": {"index": 0}},
            {"prompt": "q", "ground_truth": "\\frac{1}{2}"},
            {"input": "q", "label": "B"},
            {"prompt": "q", "ground_truth": "1,000"},
            {"prompt": "q", "ground_truth": "(-\\infty, 2) \\cup (3, \\infty)"},
            {"prompt": "q", "ground_truth": "\\text{Monday}"},
            {"prompt": "q", "ground_truth": 12},
            {"prompt": "q", "ground_truth": "3", "extra_info": {"reward_preset": "shaped", "answer_format": "boxed"}},
        ]

    def test_passes_on_good_rows(self):
        path = write_jsonl(self.directory.name, "good.jsonl", self.good_rows())
        for preset in ("paper", "shaped"):
            for answer_format in ("answer_tag", "boxed"):
                result = run_python_cli("preflight", path, "--reward", preset, "--format", answer_format)
                output = result.stdout.decode()
                self.assertEqual(result.returncode, 0, output + result.stderr.decode())
                self.assertIn("8 rows checked, 0 failed", output)

    def test_fails_on_bad_rows(self):
        rows = self.good_rows() + [
            {"id": "empty", "prompt": "q", "ground_truth": ""},
            {"id": "missing", "prompt": "q"},
            {"id": "boxed-gold", "prompt": "q", "ground_truth": "\\boxed{5}"},
            # A gold the grader cannot parse can never be matched: even itself only scores `formatted`.
            {"id": "unparseable-gold", "prompt": "q", "ground_truth": "\\frac{1}{"},
            "not json",
        ]
        path = write_jsonl(self.directory.name, "bad.jsonl", rows)
        result = run_python_cli("preflight", path, "--format", "boxed")
        output = result.stdout.decode()
        self.assertEqual(result.returncode, 1, output)
        self.assertIn("13 rows checked, 5 failed", output)
        self.assertIn("empty", output)
        self.assertIn("no gold answer", output)
        self.assertIn("not valid JSON", output)
        self.assertIn("unparseable-gold", output)

    def test_limit_and_empty_file(self):
        rows = self.good_rows()[:2] + [{"prompt": "q", "ground_truth": ""}]
        path = write_jsonl(self.directory.name, "limited.jsonl", rows)
        self.assertEqual(run_python_cli("preflight", path, "--limit", "2").returncode, 0)
        self.assertEqual(run_python_cli("preflight", path).returncode, 1)
        empty = write_jsonl(self.directory.name, "empty.jsonl", [])
        self.assertEqual(run_python_cli("preflight", empty).returncode, 1)


@needs_grader
class SharedCases(unittest.TestCase):
    def test_case_file(self):
        cases = load_cases()
        self.assertGreaterEqual(len(cases), 120)
        ids = [case["id"] for case in cases]
        self.assertEqual(len(ids), len(set(ids)), "case ids must be unique")
        for case in cases:
            self.assertEqual(set(case), {"id", "gold", "response", "format"}, case["id"])
            self.assertIn(case["format"], chorus_reward.FORMATS, case["id"])
        self.assertEqual({case["format"] for case in cases}, set(chorus_reward.FORMATS))

    def test_python_cli_matches_functions(self):
        cases = load_cases()
        for answer_format in chorus_reward.FORMATS:
            subset = [c for c in cases if c["format"] == answer_format]
            data = "".join(json.dumps({k: c[k] for k in ("id", "gold", "response")}) + "\n" for c in subset)
            result = run_python_cli("score", "-", "--reward", "shaped", "--format", answer_format, stdin=data.encode())
            self.assertEqual(result.returncode, 0, result.stderr.decode())
            rows = [json.loads(line) for line in result.stdout.decode().splitlines() if line.strip()]
            self.assertEqual(len(rows), len(subset))
            for case, row in zip(subset, rows):
                self.assertEqual(list(row), ["id", "extracted", "formatted", "correct", "reward", "truncated"])
                self.assertEqual(row["id"], case["id"])
                self.assertEqual(row["reward"], chorus_reward.score(case["response"], case["gold"], "shaped", answer_format))

    def test_agrees_with_chorus_grade(self):
        binary = os.environ["CHORUS_BIN"]
        self.assertTrue(os.access(binary, os.X_OK), "CHORUS_BIN is not an executable: %s" % binary)
        cases = load_cases()
        disagreements = []
        compared = 0
        for preset in sorted(chorus_reward.PRESETS):
            for answer_format in chorus_reward.FORMATS:
                subset = [c for c in cases if c["format"] == answer_format]
                data = "".join(json.dumps({k: c[k] for k in ("id", "gold", "response")}, ensure_ascii=False) + "\n"
                               for c in subset).encode("utf-8")
                swift = subprocess.run(
                    [binary, "grade", "--pairs", "-", "--reward", preset, "--format", answer_format],
                    input=data, capture_output=True, timeout=300)
                self.assertEqual(swift.returncode, 0, swift.stderr.decode())
                swift_rows = [json.loads(line) for line in swift.stdout.decode("utf-8").splitlines() if line.strip()]
                python = run_python_cli("score", "-", "--reward", preset, "--format", answer_format, stdin=data)
                self.assertEqual(python.returncode, 0, python.stderr.decode())
                python_rows = [json.loads(line) for line in python.stdout.decode("utf-8").splitlines() if line.strip()]
                self.assertEqual(len(swift_rows), len(subset))
                self.assertEqual(len(python_rows), len(subset))
                for case, s, p in zip(subset, swift_rows, python_rows):
                    compared += 1
                    self.assertEqual(s.get("id"), case["id"])
                    keys = ("reward", "formatted", "correct", "extracted")
                    if "error" in s or any(s.get(k) != p.get(k) for k in keys):
                        disagreements.append("%s [%s, %s]\n    gold %s\n    response %s\n    swift  %s\n    python %s" % (
                            case["id"], preset, answer_format, json.dumps(case["gold"], ensure_ascii=False),
                            json.dumps(case["response"], ensure_ascii=False),
                            json.dumps(s, ensure_ascii=False), json.dumps(p, ensure_ascii=False)))
        if disagreements:
            self.fail("%d of %d rows disagree with the Swift oracle:\n%s"
                      % (len(disagreements), compared, "\n".join(disagreements)))


if __name__ == "__main__":
    unittest.main()
