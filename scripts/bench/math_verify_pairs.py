#!/usr/bin/env python3
"""Grades JSONL pairs with math-verify: one {"id", "equal"} row each; the elapsed seconds go to stderr."""

import json
import sys
import time

from math_verify import parse, verify

rows = [json.loads(line) for line in open(sys.argv[1])]
start = time.perf_counter()
for row in rows:
    try:
        equal = bool(verify(parse("$" + row["gold"] + "$"), parse(row["response"])))
    except Exception:
        equal = False
    print(json.dumps({"id": row["id"], "equal": equal}))
print(f"seconds {time.perf_counter() - start}", file=sys.stderr)
