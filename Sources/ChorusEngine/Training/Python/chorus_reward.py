#!/usr/bin/env python3
"""Chorus's RL reward for verl, TRL and OpenRLHF: a thin adapter to Chorus's own grader.

Python 3.9+ standard library only. Chorus copies this file next to exported training data, with
the ``chorus`` binary beside it; the trainers import it from there. Nothing here knows a grading
rule: every response is scored by ``chorus grade --serve``, the grader ``chorus grade`` and the
REPL use (docs/grading.md), started once per process and fed JSON lines through a pipe.

Finding the grader
------------------
``CHORUS_GRADER`` (a path to a ``chorus`` binary) if set, else ``chorus`` in this file's folder
(where the export puts it), else ``chorus`` on ``PATH``. The export's binary is a release build;
``ldd chorus`` lists what the training node needs (see docs/decisions.md).

Reward
------
Under an answer format (``answer_tag``: the last ``<answer>...</answer>``; ``boxed``: the last
``\\boxed{...}``) and a preset (correct, formatted, unformatted): a correct answer in the format
scores ``correct``, a wrong or unreadable one ``formatted``, no answer in the format
``unformatted``. A truncated response (finish reason ``length``, or one that ends inside an unclosed
box or tag) scores ``unformatted`` unless ``TRUNCATED = "grade"``.
``PRESETS``: paper = (1.0, 0.05, 0.0), shaped = (1.0, 0.0, -1.0).

Entry points
------------
* ``score(solution_str, ground_truth, preset, answer_format, finish_reason=None)`` -> float;
  ``score_many(rows)`` scores a batch in one exchange; ``grade(...)`` -> ``(extracted, formatted,
  correct)``; ``extract(text, answer_format)``; ``is_equivalent(answer, gold)``.
* verl: ``compute_score(data_source, solution_str, ground_truth, extra_info=None)`` -> float
  (lists in, list out, for verl's batch reward manager); ``extra_info["reward_preset"]``,
  ``["answer_format"]`` and ``["finish_reason"]`` override the defaults.
* TRL GRPOTrainer: ``reward_func(completions, ground_truth, **kwargs)`` -> list[float] (optional
  ``reward_preset`` / ``answer_format`` / ``finish_reason`` columns, per row or scalar).
* OpenRLHF (``--remote_rm_url chorus_reward.py --label_key <gold column>``):
  ``reward_func(queries, prompts, labels, **kwargs)`` -> ``{"rewards", "scores", "extra_logs"}``.
* ``reward_func`` serves both: a call with ``completions=`` is TRL's, three positional lists (or
  ``queries=``) OpenRLHF's.

Command line::

    python3 chorus_reward.py score FILE [--reward paper|shaped] [--format answer_tag|boxed]
        JSONL rows {"id", "gold", "response", "finish_reason"?} in ("-" for standard input); one
        row out each, {"id", "extracted", "formatted", "correct", "reward", "truncated"}.
    python3 chorus_reward.py preflight FILE [--reward P] [--format F] [--limit N]
        For training rows with a gold answer under ``ground_truth``, ``label`` or
        ``reward_model.ground_truth``, checks that the gold in the format scores ``correct``, a wrong
        answer in the format ``formatted``, and a response with no format ``unformatted``.
"""

from __future__ import annotations

import argparse
import atexit
import json
import os
import shutil
import subprocess
import sys
import threading

__all__ = [
    "PRESETS",
    "DEFAULT_PRESET",
    "DEFAULT_FORMAT",
    "FORMATS",
    "TRUNCATED",
    "grader_path",
    "extract",
    "is_equivalent",
    "grade",
    "score",
    "score_many",
    "compute_score",
    "reward_func",
    "trl_reward_func",
    "openrlhf_reward_func",
]

PRESETS = {"paper": (1.0, 0.05, 0.0), "shaped": (1.0, 0.0, -1.0)}
DEFAULT_PRESET = "paper"
DEFAULT_FORMAT = "answer_tag"
FORMATS = ("answer_tag", "boxed")
# What a truncated response gets: "separate" (the unformatted reward) or "grade" (graded as usual).
TRUNCATED = "separate"

# Rows sent in one write before the answers are read; a writer thread sends larger batches so that
# neither side blocks on a full pipe.
_DIRECT_WRITE_LIMIT = 1 << 15


def grader_path():
    """The ``chorus`` binary the reward runs: ``CHORUS_GRADER``, this folder's, or the one on PATH."""
    chosen = os.environ.get("CHORUS_GRADER")
    if chosen:
        return chosen
    beside = os.path.join(os.path.dirname(os.path.abspath(__file__)), "chorus")
    if os.access(beside, os.X_OK):
        return beside
    found = shutil.which("chorus")
    if found:
        return found
    raise RuntimeError("chorus_reward: no grader: put the `chorus` binary next to chorus_reward.py, "
                       "on PATH, or name it in CHORUS_GRADER")


class _Grader(object):
    """One ``chorus grade --serve`` per process (restarted after a fork), used under a lock."""

    def __init__(self):
        self._lock = threading.Lock()
        self._process = None
        self._pid = None
        # A parent's grader seen from a forked child: kept, not closed (it is the parent's to close).
        self._inherited = []

    def _running(self):
        if self._process is not None and self._pid == os.getpid() and self._process.poll() is None:
            return self._process
        if self._process is not None and self._pid != os.getpid():
            self._inherited.append(self._process)
        path = grader_path()
        self._process = subprocess.Popen(
            [path, "grade", "--serve", "--truncated", TRUNCATED],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self._pid = os.getpid()
        return self._process

    def exchange(self, rows, refused_rows_raise=True):
        """The grader's answer to each row (dicts in, dicts out, in order); a row it refuses raises
        ``ValueError`` unless ``refused_rows_raise`` is false (then its answer is ``{"id", "error"}``)."""
        if not rows:
            return []
        data = b"".join(json.dumps(row, ensure_ascii=False).encode("utf-8") + b"\n" for row in rows)
        with self._lock:
            process = self._running()
            writer = None
            try:
                if len(data) <= _DIRECT_WRITE_LIMIT:
                    process.stdin.write(data)
                    process.stdin.flush()
                else:
                    writer = threading.Thread(target=_write_all, args=(process.stdin, data), daemon=True)
                    writer.start()
                answers = []
                for _ in rows:
                    line = process.stdout.readline()
                    if not line:
                        raise BrokenPipeError()
                    answers.append(json.loads(line))
            except (BrokenPipeError, OSError, ValueError):
                self._process = None
                process.kill()
                process.wait()
                error = process.stderr.read().decode("utf-8", "replace").strip()
                for stream in (process.stdin, process.stdout, process.stderr):
                    try:
                        stream.close()
                    except OSError:
                        pass
                raise RuntimeError("chorus_reward: the grader %s stopped%s" % (
                    grader_path(), (": " + error) if error else ""))
            if writer is not None:
                writer.join()
        for row, answer in zip(rows, answers):
            if refused_rows_raise and "error" in answer:
                raise ValueError("chorus_reward: the grader refused a row: %s (%s)" % (
                    answer["error"], json.dumps(row, ensure_ascii=False)[:200]))
        return answers

    def close(self):
        process, self._process = self._process, None
        if process is not None and self._pid == os.getpid():
            try:
                process.stdin.close()
                process.wait(timeout=5)
            except Exception:  # noqa: BLE001 - closing at exit must not raise
                process.kill()
                process.wait()
            process.stdout.close()
            process.stderr.close()


def _write_all(stream, data):
    try:
        stream.write(data)
        stream.flush()
    except (BrokenPipeError, OSError):
        pass  # the reader sees the grader stop and reports it


_GRADER = _Grader()
atexit.register(_GRADER.close)


def _preset(name):
    if name not in PRESETS:
        raise ValueError("chorus_reward: unknown reward preset %r (presets: %s)" % (name, ", ".join(sorted(PRESETS))))
    return name


def _format(name):
    if name not in FORMATS:
        raise ValueError("chorus_reward: unknown answer format %r (formats: %s)" % (name, ", ".join(FORMATS)))
    return name


def _text(value):
    if value is None:
        return ""
    return value if isinstance(value, str) else str(value)


def _reward_row(response, gold, preset=None, answer_format=None, finish_reason=None):
    row = {"gold": _text(gold), "response": _text(response),
           "reward": _preset(preset or DEFAULT_PRESET), "format": _format(answer_format or DEFAULT_FORMAT)}
    if finish_reason is not None:
        row["finish_reason"] = _text(finish_reason)
    return row


def score_many(rows):
    """Scores a batch in one exchange. Each row is a dict with ``response`` and ``gold`` and optional
    ``preset``, ``format`` and ``finish_reason``; returns one dict per row: ``extracted``,
    ``formatted``, ``correct``, ``reward``, ``truncated``."""
    requests = [_reward_row(row.get("response"), row.get("gold"), row.get("preset"), row.get("format"),
                            row.get("finish_reason")) for row in rows]
    answers = _GRADER.exchange(requests)
    for answer in answers:
        answer.pop("id", None)
    return answers


def score(solution_str, ground_truth, preset=None, answer_format=None, finish_reason=None):
    """The reward for one response."""
    return float(score_many([{"response": solution_str, "gold": ground_truth, "preset": preset,
                              "format": answer_format, "finish_reason": finish_reason}])[0]["reward"])


def grade(response, gold, answer_format=None, finish_reason=None):
    """``(extracted, formatted, correct)`` for one response."""
    answer = score_many([{"response": response, "gold": gold, "format": answer_format,
                          "finish_reason": finish_reason}])[0]
    return answer["extracted"], answer["formatted"], answer["correct"]


def extract(text, answer_format=None):
    """The answer in the format, or None."""
    return grade(text, "", answer_format)[0]


def is_equivalent(answer, gold):
    """Whether ``answer`` (an answer, not a response) equals ``gold`` by Chorus's rules."""
    row = {"gold": _text(gold), "response": "\\boxed{%s}" % _text(answer)}
    return _GRADER.exchange([row])[0]["bucket"] == "match"


# ---------------------------------------------------------------------------------------------
# Trainers
# ---------------------------------------------------------------------------------------------


def _per_row(value, index, default):
    if isinstance(value, (list, tuple)):
        item = value[index] if index < len(value) else None
        return default if item is None else item
    return default if value is None else value


def compute_score(data_source, solution_str, ground_truth, extra_info=None, **kwargs):
    """verl's custom reward: a float for one response, or a list for lists (verl's batch manager)."""
    if isinstance(solution_str, (list, tuple)):
        extras = extra_info if isinstance(extra_info, (list, tuple)) else [extra_info] * len(solution_str)
        truths = ground_truth if isinstance(ground_truth, (list, tuple)) else [ground_truth] * len(solution_str)
        rows = [_verl_row(text, truth, extra) for text, truth, extra in zip(solution_str, truths, extras)]
        return [float(answer["reward"]) for answer in score_many(rows)]
    return float(score_many([_verl_row(solution_str, ground_truth, extra_info)])[0]["reward"])


def _verl_row(solution_str, ground_truth, extra_info):
    extra = extra_info if isinstance(extra_info, dict) else {}
    return {"response": solution_str, "gold": ground_truth, "preset": extra.get("reward_preset"),
            "format": extra.get("answer_format"), "finish_reason": extra.get("finish_reason")}


def _completion_text(completion):
    """A TRL completion: a string, or a conversation whose last message is scored."""
    if isinstance(completion, str):
        return completion
    if isinstance(completion, (list, tuple)) and completion:
        last = completion[-1]
        if isinstance(last, dict):
            return _text(last.get("content"))
    if isinstance(completion, dict):
        return _text(completion.get("content"))
    return _text(completion)


def trl_reward_func(completions, ground_truth=None, **kwargs):
    """TRL GRPOTrainer reward function: one float per completion, all scored in one exchange.

    TRL passes the dataset's columns as keyword arguments: ``ground_truth`` (or, failing that,
    ``answer``/``solution``/``label``) holds the gold answers; optional ``reward_preset``,
    ``answer_format`` and ``finish_reason`` columns (or scalars) override the defaults per row.
    """
    if ground_truth is None:
        for key in ("answer", "solution", "label", "labels"):
            if kwargs.get(key) is not None:
                ground_truth = kwargs[key]
                break
    if ground_truth is None:
        raise ValueError("chorus_reward: no gold answers (dataset column `ground_truth`)")
    if isinstance(ground_truth, str):
        ground_truth = [ground_truth] * len(completions)
    rows = [{"response": _completion_text(completion), "gold": ground_truth[index],
             "preset": _per_row(kwargs.get("reward_preset"), index, None),
             "format": _per_row(kwargs.get("answer_format"), index, None),
             "finish_reason": _per_row(kwargs.get("finish_reason"), index, None)}
            for index, completion in enumerate(completions)]
    return [float(answer["reward"]) for answer in score_many(rows)]


_END_TOKENS = ("<|im_end|>", "<|endoftext|>", "<|end_of_text|>", "<|eot_id|>", "<|end|>", "</s>", "<pad>",
               "<|eos|>", "<\uff5cend\u2581of\u2581sentence\uff5c>")


def _openrlhf_response(query, prompt):
    """The response in an OpenRLHF query (prompt + response, decoded with special tokens)."""
    query = _text(query)
    prompt = _text(prompt)
    if prompt and query.startswith(prompt):
        response = query[len(prompt):]
    elif prompt and prompt in query:
        response = query[query.index(prompt) + len(prompt):]
    else:
        response = query
    # Trailing end-of-sequence and padding tokens are not part of the answer.
    while True:
        stripped = response.rstrip()
        for token in _END_TOKENS:
            if stripped.endswith(token):
                stripped = stripped[:-len(token)]
                break
        else:
            return response
        response = stripped


def openrlhf_reward_func(queries, prompts, labels, **kwargs):
    """OpenRLHF custom reward (``--remote_rm_url chorus_reward.py``, ``--label_key`` the gold column).

    Returns ``{"rewards", "scores", "extra_logs"}``: rewards by the preset, scores 1.0/0.0 for
    correctness, and per-sample ``formatted``/``correct``/``truncated`` logs; torch tensors when
    torch is importable, lists otherwise.
    """
    if labels is None:
        raise ValueError("chorus_reward: OpenRLHF passed no labels; set --label_key to the gold answer column")
    prompts = list(prompts) if prompts is not None else [""] * len(queries)
    rows = [{"response": _openrlhf_response(query, prompts[index] if index < len(prompts) else ""),
             "gold": labels[index],
             "preset": _per_row(kwargs.get("reward_preset"), index, None),
             "format": _per_row(kwargs.get("answer_format"), index, None),
             "finish_reason": _per_row(kwargs.get("finish_reason"), index, None)}
            for index, query in enumerate(queries)]
    answers = score_many(rows)
    try:
        import torch  # present wherever OpenRLHF runs
    except ImportError:
        torch = None
    if torch is not None:
        as_tensor = lambda values: torch.tensor(values, dtype=torch.float)  # noqa: E731
    else:
        as_tensor = list
    return {
        "rewards": as_tensor([float(a["reward"]) for a in answers]),
        "scores": as_tensor([1.0 if a["correct"] else 0.0 for a in answers]),
        "extra_logs": {
            "formatted": as_tensor([1.0 if a["formatted"] else 0.0 for a in answers]),
            "correct": as_tensor([1.0 if a["correct"] else 0.0 for a in answers]),
            "truncated": as_tensor([1.0 if a["truncated"] else 0.0 for a in answers]),
        },
    }


def reward_func(*args, **kwargs):
    """TRL's ``reward_func(completions, ground_truth, **kwargs)`` -> list[float], and OpenRLHF's
    ``reward_func(queries, prompts, labels)`` -> dict, told apart by their arguments."""
    if "queries" in kwargs or (len(args) >= 3 and "completions" not in kwargs):
        if args:
            kwargs.update(dict(zip(("queries", "prompts", "labels"), args)))
        return openrlhf_reward_func(kwargs.pop("queries"), kwargs.pop("prompts", None), kwargs.pop("labels", None),
                                    **kwargs)
    if args:
        kwargs.setdefault("completions", args[0])
        if len(args) > 1:
            kwargs.setdefault("ground_truth", args[1])
    return trl_reward_func(kwargs.pop("completions"), **kwargs)


# ---------------------------------------------------------------------------------------------
# Command line
# ---------------------------------------------------------------------------------------------


def _read_lines(path):
    if path == "-":
        data = sys.stdin.buffer.read()
    else:
        with open(path, "rb") as handle:
            data = handle.read()
    for number, raw in enumerate(data.split(b"\n"), start=1):
        line = raw.rstrip(b"\r \t").lstrip(b" \t")
        if line:
            yield number, line.decode("utf-8", "replace")


def _command_score(args):
    results = []
    for _, line in _read_lines(args.file):
        try:
            row = json.loads(line)
        except ValueError as error:
            results.append({"id": None, "error": "not valid JSON: %s" % error})
            continue
        if not isinstance(row, dict):
            results.append({"id": None, "error": "not a JSON object"})
            continue
        request = {key: row[key] for key in ("id", "gold", "response", "finish_reason") if key in row}
        request.update({"reward": args.reward, "format": args.format})
        results.append(request)
    # The grader answers the rows it was sent (bad ones with {"id", "error"}), in order.
    answers = iter(_GRADER.exchange([r for r in results if "error" not in r], refused_rows_raise=False))
    out = sys.stdout
    for result in results:
        out.write(json.dumps(result if "error" in result else next(answers), ensure_ascii=False) + "\n")
    return 0


def _row_gold(row):
    for key in ("ground_truth", "label"):
        if key in row and row[key] is not None:
            return row[key]
    reward_model = row.get("reward_model")
    if isinstance(reward_model, dict) and reward_model.get("ground_truth") is not None:
        return reward_model["ground_truth"]
    return None


def _wrong_answers(gold):
    """Answers surely different from `gold`: the gold with a digit changed, then fixed sentinels."""
    candidates = []
    for index in range(len(gold) - 1, -1, -1):
        if gold[index].isdigit() and gold[index].isascii():
            changed = str((int(gold[index]) + 1) % 10)
            candidates.append(gold[:index] + changed + gold[index + 1:])
            break
    candidates += ["chorus-preflight-wrong", "-987654321.125", "(J)"]
    return candidates


def _wrap(answer, answer_format):
    return ("\\boxed{%s}" if answer_format == "boxed" else "<answer>%s</answer>") % answer


def _preflight_row(row, default_preset, default_format):
    """None when the row scores as it should, else the reason it does not."""
    if not isinstance(row, dict):
        return "not a JSON object"
    gold = _row_gold(row)
    if gold is None:
        return "no gold answer (ground_truth, label or reward_model.ground_truth)"
    if isinstance(gold, (int, float)) and not isinstance(gold, bool):
        gold = str(gold)
    if not isinstance(gold, str):
        return "gold answer is not a string: %s" % json.dumps(gold, ensure_ascii=False)[:80]
    if not gold.strip():
        return "gold answer is empty"
    extra = row.get("extra_info")
    extra = extra if isinstance(extra, dict) else {}
    preset = extra.get("reward_preset") or default_preset
    answer_format = extra.get("answer_format") or default_format
    if preset not in PRESETS:
        return "unknown reward preset %r" % (preset,)
    if answer_format not in FORMATS:
        return "unknown answer format %r" % (answer_format,)
    correct_reward, formatted_reward, unformatted_reward = PRESETS[preset]
    right = score(_wrap(gold, answer_format), gold, preset, answer_format)
    if right != correct_reward:
        return "the gold answer in format scores %s, not %s (correct)" % (right, correct_reward)
    wrong = next((w for w in _wrong_answers(gold) if not is_equivalent(w, gold)), None)
    if wrong is None:
        return "found no answer that differs from the gold answer"
    got = score(_wrap(wrong, answer_format), gold, preset, answer_format)
    if got != formatted_reward:
        return "a wrong answer in format (%s) scores %s, not %s (formatted)" % (wrong, got, formatted_reward)
    got = score("The answer is %s." % gold, gold, preset, answer_format)
    if got != unformatted_reward:
        return "a response without the format scores %s, not %s (unformatted)" % (got, unformatted_reward)
    return None


def _read_rows(path):
    """(line or row number, row or None, error or None) for each row of a JSONL or parquet file."""
    if path.endswith(".parquet"):
        try:
            import pyarrow.parquet as parquet
        except ImportError:
            raise SystemExit("preflight: reading %s needs pyarrow (run scripts/setup-train)" % path)
        for number, row in enumerate(parquet.read_table(path).to_pylist(), start=1):
            yield number, row, None
        return
    for number, line in _read_lines(path):
        try:
            yield number, json.loads(line), None
        except ValueError as error:
            yield number, None, "not valid JSON: %s" % error


def _grader_label():
    """The grader's path, as ``./chorus`` when it is the one beside this file (the export's)."""
    path = os.path.abspath(grader_path())
    here = os.path.dirname(os.path.abspath(__file__))
    return "./" + os.path.basename(path) if os.path.dirname(path) == here else path


def _command_preflight(args):
    checked = 0
    failures = []
    for number, row, error in _read_rows(args.file):
        if args.limit is not None and checked >= args.limit:
            break
        checked += 1
        if error is not None:
            failures.append((number, None, error))
            continue
        reason = _preflight_row(row, args.reward, args.format)
        if reason is not None:
            row_id = row.get("id") if isinstance(row, dict) else None
            failures.append((number, row_id, reason))
    if checked == 0:
        print("preflight: FAIL: no rows in %s" % args.file)
        return 1
    status = "ok" if not failures else "FAIL"
    print("preflight: %s: %d rows checked, %d failed (preset %s, format %s, grader %s)"
          % (status, checked, len(failures), args.reward, args.format, _grader_label()))
    for number, row_id, reason in failures[:10]:
        label = "line %d" % number + ("" if row_id is None else " (id %s)" % json.dumps(row_id, ensure_ascii=False))
        print("  %s: %s" % (label, reason))
    if len(failures) > 10:
        print("  ... and %d more" % (len(failures) - 10))
    return 0 if not failures else 1


def main(argv=None):
    parser = argparse.ArgumentParser(prog="chorus_reward.py", description="Chorus's RL reward function.")
    commands = parser.add_subparsers(dest="command")
    score_parser = commands.add_parser("score", help="score JSONL rows {id, gold, response} like `chorus grade --pairs`")
    preflight_parser = commands.add_parser("preflight", help="check that a training file's gold answers score as expected")
    for sub in (score_parser, preflight_parser):
        sub.add_argument("file", help="a JSONL file (or a parquet file, for preflight), or - for standard input")
        sub.add_argument("--reward", default=DEFAULT_PRESET, choices=sorted(PRESETS))
        sub.add_argument("--format", default=DEFAULT_FORMAT, choices=list(FORMATS))
    preflight_parser.add_argument("--limit", type=int, default=None, help="check at most this many rows")
    args = parser.parse_args(argv)
    try:
        if args.command == "score":
            return _command_score(args)
        if args.command == "preflight":
            return _command_preflight(args)
    except RuntimeError as error:
        print(str(error), file=sys.stderr)
        return 1
    parser.print_help(sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
