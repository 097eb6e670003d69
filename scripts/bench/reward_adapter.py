"""Benchmark (not a test): the trainers' reward, chorus_reward.py, as verl calls it.

    python3 scripts/bench/reward_adapter.py REWARD_PY PAIRS.jsonl [OTHER_REWARD_PY]

PAIRS.jsonl holds {"gold", "response"} rows (scripts/bench/make_pairs.py writes them, answers in
\\boxed{}). Prints the start-up cost (import and the first reward, which starts the grader), rewards/s
with one compute_score call per sample (verl's naive reward manager), and rewards/s with lists of 256
(verl's batch manager). With OTHER_REWARD_PY, the same one-call loop for that file too (an older,
pure-Python reward, for comparison).
"""

import importlib.util
import json
import os
import sys
import time

TICKS = os.sysconf("SC_CLK_TCK")


def cpu(reward=None):
    """CPU seconds used so far by this process and by the grader it runs (wall time on a busy
    machine says more about the neighbours than about the reward)."""
    used = sum(os.times()[:2])
    process = getattr(getattr(reward, "_GRADER", None), "_process", None)
    if process is not None and process.poll() is None:
        with open("/proc/%d/stat" % process.pid) as handle:
            fields = handle.read().rsplit(")", 1)[1].split()
        used += (int(fields[11]) + int(fields[12])) / TICKS
    return used


def load(path, name):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main():
    reward_path, pairs_path = sys.argv[1], sys.argv[2]
    with open(pairs_path, encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle if line.strip()]
    extra = {"answer_format": "boxed", "reward_preset": "paper"}

    start = time.perf_counter()
    reward = load(reward_path, "chorus_reward")
    reward.compute_score("bench", rows[0]["response"], rows[0]["gold"], extra)
    print("start-up (import + first reward): %.1f ms" % ((time.perf_counter() - start) * 1000))

    start, used = time.perf_counter(), cpu(reward)
    single = [reward.compute_score("bench", row["response"], row["gold"], extra) for row in rows]
    seconds, used = time.perf_counter() - start, cpu(reward) - used
    print("one call per sample: %d rewards in %.2f s = %.0f rewards/s (%.0f rewards per CPU second)"
          % (len(rows), seconds, len(rows) / seconds, len(rows) / used))

    start, used = time.perf_counter(), cpu(reward)
    batched = []
    for at in range(0, len(rows), 256):
        chunk = rows[at:at + 256]
        batched += reward.compute_score(["bench"] * len(chunk), [r["response"] for r in chunk],
                                        [r["gold"] for r in chunk], [extra] * len(chunk))
    seconds, used = time.perf_counter() - start, cpu(reward) - used
    print("batches of 256:      %d rewards in %.2f s = %.0f rewards/s (%.0f rewards per CPU second)"
          % (len(rows), seconds, len(rows) / seconds, len(rows) / used))
    assert single == batched, "batched rewards differ from one-by-one rewards"

    if len(sys.argv) > 3:
        other = load(sys.argv[3], "other_reward")
        start, used = time.perf_counter(), cpu()
        theirs = [other.compute_score("bench", row["response"], row["gold"], extra) for row in rows]
        seconds, used = time.perf_counter() - start, cpu() - used
        print("other, one call per sample: %d rewards in %.2f s = %.0f rewards/s (%.0f rewards per CPU second)"
              % (len(rows), seconds, len(rows) / seconds, len(rows) / used))
        differ = sum(1 for a, b in zip(single, theirs) if a != b)
        print("rewards that differ from the other file's: %d of %d" % (differ, len(rows)))


if __name__ == "__main__":
    main()
