#!/usr/bin/env python3
"""Writes GSM-Symbolic problems from reasoning_gym as a JSON Lines file Chorus loads as GSM8K.

    python reasoning_gym_to_jsonl.py --output FILE [--size 2000] [--seed 1]

Runs in the venv scripts/setup-reasoning-gym makes (it needs the reasoning-gym package). Rows:
    {"id": "gsm_symbolic-s1-00000", "question": "…", "answer": "#### 288"}
`answer` is GSM8K's `#### N`, so `load "FILE"` reads the file as GSM8K with no options and takes N as
the gold answer. Every answer must be a plain number (an integer or a decimal, optionally negative);
any other stops the run. A question that repeats an earlier one is left out. The generator is
deterministic: the same size and seed give the same file.
"""

import argparse
import json
import os
import re
import sys

PLAIN_NUMBER = re.compile(r"-?\d+(\.\d+)?")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--output", required=True, help="the JSON Lines file to write")
    parser.add_argument("--size", type=int, default=2000, help="problems to generate (default 2000)")
    parser.add_argument("--seed", type=int, default=1, help="the generator's seed (default 1)")
    args = parser.parse_args()
    if args.size < 1:
        parser.error("--size must be at least 1")

    import reasoning_gym

    dataset = reasoning_gym.create_dataset("gsm_symbolic", size=args.size, seed=args.seed)
    rows, seen = [], set()
    for index, entry in enumerate(dataset):
        question = entry["question"].strip()
        answer = str(entry["answer"]).strip()
        if not PLAIN_NUMBER.fullmatch(answer):
            sys.exit(f"reasoning_gym_to_jsonl: entry {index} has an answer that is not a plain number: {answer!r}")
        if question in seen:
            continue
        seen.add(question)
        rows.append({"id": f"gsm_symbolic-s{args.seed}-{index:05d}", "question": question, "answer": f"#### {answer}"})

    folder = os.path.dirname(os.path.abspath(args.output))
    os.makedirs(folder, exist_ok=True)
    partial = args.output + ".partial"
    with open(partial, "w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    os.replace(partial, args.output)
    repeated = args.size - len(rows)
    note = f", {repeated} repeated question{'s' if repeated != 1 else ''} left out" if repeated else ""
    print(f"gsm-symbolic: {len(rows)} problems (size {args.size}, seed {args.seed}{note}) in {args.output}")


if __name__ == "__main__":
    main()
