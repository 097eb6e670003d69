#!/usr/bin/env python3
"""Writes realistic (gold, response) grading pairs as JSONL, deterministically.

Usage: make_pairs.py COUNT SEED > pairs.jsonl
Each row: {"id": N, "gold": "...", "response": "..."}. Responses are a few
hundred characters of step-by-step reasoning ending in an answer written the
ways models write them (\\boxed{}, ####, "The answer is", <answer> tags, bare
last numbers), with golds in the forms datasets use (integers, decimals,
fractions, LaTeX expressions, intervals, tuples, choices). About half the rows
are equivalent but written differently, the rest wrong or unreadable.
"""

import json
import random
import sys
from fractions import Fraction

STEPS = [
    "First, we find how many items are left after the first day.",
    "Let x be the unknown quantity; then the equation follows from the problem.",
    "Multiplying both sides by the denominator gives a simpler equation.",
    "We add the two partial results together to get the total.",
    "The rate is distance divided by time, so we divide.",
    "Subtracting the discount from the original price gives the new price.",
    "Each week adds the same amount, so we multiply by the number of weeks.",
    "Simplifying the fraction by the greatest common divisor gives the result.",
]


def integer_forms(value):
    forms = [str(value), f"{value:,}", f"\\${value}", f"{value}.00", f"{value} \\text{{ apples}}"]
    if abs(value) >= 1000:
        forms.append(f"{value:,}".replace(",", "{,}"))
    return forms


def fraction_forms(frac):
    p, q = frac.numerator, frac.denominator
    forms = [f"\\frac{{{p}}}{{{q}}}", f"{p}/{q}", f"\\dfrac{{{p}}}{{{q}}}"]
    if q in (2, 4, 5, 8, 10, 20, 25):
        forms.append(str(p / q))
    return forms


def make_gold(rng):
    kind = rng.random()
    if kind < 0.45:
        value = rng.randint(-50, 5000)
        return str(value), integer_forms(value), [str(value + rng.choice([1, -1, 10, 2])), str(value * 2 + 1)]
    if kind < 0.65:
        frac = Fraction(rng.randint(1, 40), rng.randint(2, 30))
        if frac.denominator == 1:
            frac += Fraction(1, 3)
        wrong = frac + Fraction(1, rng.randint(2, 9))
        return f"\\frac{{{frac.numerator}}}{{{frac.denominator}}}", fraction_forms(frac), fraction_forms(wrong)[:1]
    if kind < 0.75:
        a = rng.randint(2, 9)
        b = rng.randint(1, 9)
        return (f"{a}\\sqrt{{{b + 1}}}", [f"{a}\\sqrt{{{b + 1}}}", f"{a} \\sqrt{b + 1}"], [f"{a + 1}\\sqrt{{{b + 1}}}"])
    if kind < 0.83:
        a = rng.randint(1, 9)
        return (f"{a}x+{a + 1}", [f"{a}x + {a + 1}", f"{a + 1} + {a}x", f"y = {a}x+{a + 1}"], [f"{a}x - {a + 1}"])
    if kind < 0.90:
        lo, hi = rng.randint(-5, 2), rng.randint(3, 9)
        return (f"[{lo}, {hi})", [f"[{lo},{hi})", f"\\left[{lo}, {hi}\\right)"], [f"({lo}, {hi})"])
    if kind < 0.95:
        a, b = rng.randint(-9, 9), rng.randint(-9, 9)
        return (f"({a}, {b})", [f"({a},{b})", f"\\left({a}, {b}\\right)"], [f"({b}, {a})" if a != b else f"({a}, {b + 1})"])
    letter = rng.choice("ABCDE")
    other = rng.choice([c for c in "ABCDE" if c != letter])
    return letter, [f"({letter})", f"\\text{{({letter})}}", f"\\textbf{{{letter}}}"], [f"({other})"]


def wrap(answer, rng):
    style = rng.random()
    if style < 0.6:
        return f"Therefore, the final answer is $\\boxed{{{answer}}}$."
    if style < 0.72:
        return f"#### {answer}"
    if style < 0.84:
        return f"The answer is {answer}."
    if style < 0.92:
        return f"<think>checked twice</think>\n<answer>{answer}</answer>"
    return f"So we get {answer}"


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 1)
    out = sys.stdout
    for index in range(count):
        gold, right, wrong = make_gold(rng)
        reasoning = " ".join(rng.sample(STEPS, rng.randint(3, 6)))
        numbers = " ".join(f"{rng.randint(2, 99)} \\times {rng.randint(2, 9)} = ..." for _ in range(rng.randint(1, 3)))
        roll = rng.random()
        if roll < 0.55:
            answer = rng.choice(right)
        elif roll < 0.93:
            answer = rng.choice(wrong)
        else:
            answer = None
        ending = wrap(answer, rng) if answer is not None else "I am not sure how to finish this."
        response = f"{reasoning}\n{numbers}\n{ending}"
        out.write(json.dumps({"id": index, "gold": gold, "response": response}) + "\n")


if __name__ == "__main__":
    main()
