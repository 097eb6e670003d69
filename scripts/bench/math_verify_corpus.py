#!/usr/bin/env python3
"""Grades the labelled grading corpus with math-verify: one {"id", "equal", "gold", "answer"} row each.

A gold that is already marked up (math delimiters, a box, a sentence) is parsed as written; a bare
gold is wrapped in `$…$`, as math-verify's own examples do. `gold` and `answer` are what
math-verify parsed (shortened), to explain each verdict.
"""

import json
import sys

from math_verify import parse, verify


def shown(parsed):
    return str(parsed[-1])[:60] if parsed else None


for line in open(sys.argv[1]):
    row = json.loads(line)
    gold_text = row["gold"]
    marked = any(mark in gold_text for mark in ("$", "\\boxed", "\\(", "\\[", "####", " is ", "<answer>"))
    try:
        gold = parse(gold_text if marked else "$" + gold_text + "$")
        answer = parse(row["response"])
        equal = bool(verify(gold, answer))
    except Exception:  # math-verify raises on some inputs; that is a "not equal"
        gold, answer, equal = [], [], False
    print(json.dumps({"id": row["id"], "equal": equal, "gold": shown(gold), "answer": shown(answer)}))
