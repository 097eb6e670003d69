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
import sys
import time


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

    start = time.perf_counter()
    single = [reward.compute_score("bench", row["response"], row["gold"], extra) for row in rows]
    seconds = time.perf_counter() - start
    print("one call per sample: %d rewards in %.2f s = %.0f rewards/s" % (len(rows), seconds, len(rows) / seconds))

    start = time.perf_counter()
    batched = []
    for at in range(0, len(rows), 256):
        chunk = rows[at:at + 256]
        batched += reward.compute_score(["bench"] * len(chunk), [r["response"] for r in chunk],
                                        [r["gold"] for r in chunk], [extra] * len(chunk))
    seconds = time.perf_counter() - start
    print("batches of 256:      %d rewards in %.2f s = %.0f rewards/s" % (len(rows), seconds, len(rows) / seconds))
    assert single == batched, "batched rewards differ from one-by-one rewards"

    if len(sys.argv) > 3:
        other = load(sys.argv[3], "other_reward")
        start = time.perf_counter()
        theirs = [other.compute_score("bench", row["response"], row["gold"], extra) for row in rows]
        seconds = time.perf_counter() - start
        print("other, one call per sample: %d rewards in %.2f s = %.0f rewards/s" % (len(rows), seconds, len(rows) / seconds))
        differ = sum(1 for a, b in zip(single, theirs) if a != b)
        print("rewards that differ from the other file's: %d of %d" % (differ, len(rows)))


if __name__ == "__main__":
    main()
