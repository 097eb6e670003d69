#!/usr/bin/env python3
"""Compares Chorus and math-verify on the labelled grading corpus.

  compare_corpus.py CORPUS CHORUS_ROWS VERIFY_ROWS
Prints each grader's accuracy against the labels, how often the two agree (correct or not),
and every row where they differ: id, gold, response, the label, and both verdicts.
"""

import json
import sys

corpus = [json.loads(line) for line in open(sys.argv[1])]
chorus = {row["id"]: row for row in map(json.loads, open(sys.argv[2]))}
verify = {row["id"]: row for row in map(json.loads, open(sys.argv[3]))}


def short(text, width=70):
    text = text.replace("\n", "\\n")
    return text if len(text) <= width else text[: width - 1] + "…"


agree = chorus_right = verify_right = 0
differences = []
for row in corpus:
    label = row["expected"] == "match"
    ours = chorus[row["id"]].get("bucket") == "match"
    theirs = bool(verify[row["id"]]["equal"])
    chorus_right += ours == label
    verify_right += theirs == label
    if ours == theirs:
        agree += 1
    else:
        differences.append((row, chorus[row["id"]], verify[row["id"]]))

n = len(corpus)
print(f"corpus:               {n} labelled pairs (Tests/Fixtures/grading-corpus.jsonl)")
print(f"chorus vs labels:     {100 * chorus_right / n:.1f}% ({chorus_right} of {n})")
print(f"math-verify vs labels:{100 * verify_right / n:6.1f}% ({verify_right} of {n})")
print(f"agreement:            {100 * agree / n:.1f}% ({n - agree} pairs differ)")
for row, ours, theirs in differences:
    print(f"- {row['id']}: gold {short(row['gold'], 40)!r}, response {short(row['response'])!r}")
    print(f"    label {row['expected']}; chorus {ours.get('bucket')} (read {ours.get('extracted')!r}); "
          f"math-verify {'equal' if theirs['equal'] else 'not equal'} "
          f"(gold {theirs['gold']!r}, answer {theirs['answer']!r})")
