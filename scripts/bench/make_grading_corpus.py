#!/usr/bin/env python3
"""Writes Tests/Fixtures/grading-corpus.jsonl: labelled (gold, response) pairs for the grader.

Each row: id, gold, response, expected (match | mismatch | unparseable), category, note.
Every answer below is written once, then phrased the ways models write answers (a box, a
final-answer sentence, a last math span, a bare response, an answer tag), so each rule of
reading is tried on each kind of answer. Run: python3 scripts/bench/make_grading_corpus.py
"""
import json
import os

M, X, U = "match", "mismatch", "unparseable"

# (category, gold, answer as the model writes it, expected, note)
ANSWERS = [
    # numbers and number forms
    ("number", "34", "34", M, "integer"),
    ("number", "34", "35", X, "off by one"),
    ("number", "\\frac{1}{3}", "\\frac13", M, "frac shorthand"),
    ("number", "\\frac{1}{3}", "\\frac {1}{3}", M, "space after frac"),
    ("number", "0.4", ".4", M, "leading point"),
    ("number", "\\frac{2}{5}", ".4", M, "leading point vs fraction"),
    ("number", "-\\frac{3}{2}", "-1.5", M, "negative decimal"),
    ("number", "12345", "12,\\! 345", M, "thousands with \\!"),
    ("number", "12345", "12{,}345", M, "thousands with {,}"),
    ("number", "1000000", "1,000,000", M, "millions"),
    ("number", "1000000", "1000001", X, "exact values have no tolerance"),
    ("mixed", "918\\frac{1}{2}", "918.5", M, "mixed number vs decimal"),
    ("mixed", "\\frac{1837}{2}", "918\\frac{1}{2}", M, "mixed number vs improper fraction"),
    ("mixed", "2\\frac{1}{2}", "\\frac{5}{2}", M, "mixed number gold"),
    ("mixed", "2\\frac{1}{2}", "1", X, "mixed number is not 2*1/2"),
    ("repeating", "\\frac{1}{6}", "0.1\\overline{6}", M, "repeating block"),
    ("repeating", "\\frac{1}{3}", "0.\\overline{3}", M, "repeating from the point"),
    ("repeating", "\\frac{4}{33}", "0.\\overline{12}", M, "two-digit block"),
    ("repeating", "\\frac{1}{6}", "0.16", X, "rounded to two places is not 1/6"),
    ("repeating", "\\frac{1}{3}", "0.1\\overline{3}", X, "different repeating decimal"),
    ("long-decimal", "\\frac{1}{12}", "0.0833333333", M, "ten places, cut off"),
    ("long-decimal", "\\frac{2}{3}", "0.6666666667", M, "ten places, rounded"),
    ("long-decimal", "\\frac{2}{3}", "0.666667", M, "six significant digits"),
    ("long-decimal", "\\frac{1}{3}", "0.333", X, "three digits is not a third"),
    ("long-decimal", "\\frac{1}{12}", "0.0833", X, "three significant digits"),
    ("long-decimal", "\\frac{1}{7}", "0.142858", X, "six digits but wrong in the last place"),
    ("long-decimal", "\\sqrt{2}", "1.4142136", M, "root to tolerance"),
    ("long-decimal", "\\sqrt{2}", "1.41", X, "root too coarse"),
    ("long-decimal", "\\pi", "3.14", X, "pi too coarse"),
    ("percent", "10\\%", "0.1", M, "percent gold, fraction answer"),
    ("percent", "0.1", "10\\%", M, "fraction gold, percent answer"),
    ("percent", "10\\%", "10", M, "percent gold, bare number"),
    ("percent", "10", "10\\%", M, "number gold, percent answer"),
    ("percent", "25\\%", "\\frac{1}{4}", M, "percent vs fraction"),
    ("percent", "10\\%", "0.01", X, "wrong scale"),
    ("percent", "50\\%", "5", X, "not the same"),
    ("number-word", "2", "two", M, "number word"),
    ("number-word", "12", "twelve", M, "number word"),
    ("number-word", "3", "two", X, "wrong number word"),
    # letters and texts
    ("letter", "E", "E", M, "bare letter"),
    ("letter", "E", "\\mathrm{E}", M, "mathrm letter"),
    ("letter", "A", "\\textbf{A}", M, "textbf letter"),
    ("letter", "B", "\\mathcal{B}", M, "mathcal letter"),
    ("letter", "C", "\\text{(C)}", M, "text with parens"),
    ("letter", "(D)", "D", M, "parenthesised gold"),
    ("letter", "B", "C", X, "wrong letter"),
    ("letter", "\\textbf{A}", "\\mathbb{B}", X, "wrong letter in wrappers"),
    ("text", "\\text{odd}", "odd", M, "text wrapper on gold"),
    ("text", "odd", "\\text{odd}", M, "text wrapper on answer"),
    ("text", "\\text{Monday}", "monday", M, "case"),
    ("text", "odd", "even", X, "different word"),
    ("text", "\\text{no}", "no", M, "no"),
    ("text", "\\text{yes}", "no", X, "yes vs no"),
    # expressions and identities
    ("symbolic", "x^2+2x+1", "(x+1)^2", M, "expanded square"),
    ("symbolic", "x^2 + 2*x + 1", "x^2+2x+1", M, "star multiplication"),
    ("symbolic", "\\frac{x+2}{7}", "\\frac{x}{7}+\\frac{2}{7}", M, "split fraction"),
    ("symbolic", "\\sin^2 x + \\cos^2 x", "1", M, "trig identity"),
    ("symbolic", "\\sin 2x", "2\\sin x \\cos x", M, "double angle"),
    ("symbolic", "\\sqrt{8}", "2\\sqrt{2}", M, "radical"),
    ("symbolic", "\\frac{1}{\\sqrt{2}}", "\\frac{\\sqrt{2}}{2}", M, "rationalised"),
    ("symbolic", "a+b+c", "c+a+b", M, "reordered sum"),
    ("symbolic", "x^2+7x+10", "(x+2)(x+5)", M, "factored"),
    ("symbolic", "x^2+7x+10", "(x+2)(x+6)", X, "wrong factor"),
    ("symbolic", "1 - \\frac1e", "1 + \\frac1e", X, "sign of a term"),
    ("symbolic", "1 - \\frac{1}{e}", "\\frac{e-1}{e}", M, "combined fraction"),
    ("symbolic", "2\\pi", "6.283185", M, "pi to six digits"),
    ("symbolic", "\\frac{\\pi}{3}", "60^\\circ", X, "radians vs degrees stay different"),
    ("symbolic", "x", "y", X, "different variables"),
    ("symbolic", "\\sqrt{3}+\\sqrt{2}", "\\sqrt{2}+\\sqrt{3}", M, "reordered radicals"),
    # plus-minus
    ("plus-minus", "\\pm 5", "5", X, "plus-minus is two values"),
    ("plus-minus", "\\pm 5", "5, -5", M, "both values listed"),
    ("plus-minus", "1 \\pm \\sqrt{2}", "1+\\sqrt2, 1-\\sqrt2", M, "both roots"),
    ("plus-minus", "x = \\pm 3", "-3, 3", M, "labelled plus-minus"),
    # relations
    ("relation", "x \\geq 5", "5 \\le x", M, "direction"),
    ("relation", "x \\geq 5", "x >= 5", M, "ascii"),
    ("relation", "x \\geq 5", "[5, \\infty)", M, "interval"),
    ("relation", "x \\geq 5", "x > 5", X, "strict vs not"),
    ("relation", "x < 1", "-x > -1", M, "negated"),
    ("relation", "x < 1", "2x - 2 < 0", M, "linear rearranged"),
    ("relation", "x < 1", "x > 1", X, "wrong direction"),
    ("relation", "x \\in [-2, 7]", "-2 \\le x \\le 7", M, "chained"),
    ("relation", "-2 \\le x \\le 7", "7 \\ge x \\ge -2", M, "chained downwards"),
    ("relation", "x \\in [-2, 7]", "[-2,7]", M, "bare interval"),
    ("relation", "x \\in [-2, 7]", "-2 < x \\le 7", X, "open end"),
    ("relation", "y > x", "x < y", M, "two variables"),
    ("relation", "y > x", "x > y", X, "two variables swapped"),
    ("relation", "x \\in [2,5)", "2 \\le x < 5", M, "half-open"),
    # equations
    ("equation", "2x + 4y - 3 = 0", "y = -\\frac{1}{2}x + \\frac{3}{4}", M, "line rearranged"),
    ("equation", "2x + 4y - 3 = 0", "4x + 8y = 6", M, "scaled"),
    ("equation", "2x + 4y - 3 = 0", "2x + 4y + 3 = 0", X, "different constant"),
    ("equation", "y = 2x + 1", "y - 2x = 1", M, "moved term"),
    ("equation", "y = 2x + 1", "2x + 1", M, "right side only"),
    ("equation", "y = 2x + 1", "y = 2x - 1", X, "different line"),
    ("equation", "x = 3", "2x = 6", M, "scaled one variable"),
    ("equation", "3", "2x + 1 = 7", M, "solved for the variable"),
    ("equation", "x^2 + y^2 = 4", "x^2 + y^2 - 4 = 0", M, "circle"),
    ("equation", "x^2 + y^2 = 4", "x^2 + y^2 = 2", X, "radius"),
    # labelled answers
    ("labelled", "(p,q)=(3,2)", "(3,2)", M, "labelled tuple"),
    ("labelled", "(p,q)=(3,2)", "(2,3)", X, "order matters"),
    ("labelled", "(3,2)", "(p, q) = (3, 2)", M, "labelled answer, bare gold"),
    ("labelled", "k = 4, m = 9", "4, 9", M, "labelled list"),
    ("labelled", "k = 4, m = 9", "m = 9, k = 4", M, "labelled list reordered"),
    ("labelled", "k = 4, m = 9", "k = 4, m = 8", X, "one value wrong"),
    ("labelled", "AB = 6", "6", M, "segment label"),
    ("labelled", "6", "AB = 6", M, "segment label on answer"),
    ("labelled", "AB = 6", "7", X, "segment wrong"),
    ("labelled", "f(x) = 2x+1", "2x+1", M, "function label"),
    ("labelled", "f(x) = 2x+1", "f(x) = 1 + 2x", M, "function label both"),
    ("labelled", "f(x) = 2x+1", "2x-1", X, "function wrong"),
    ("labelled", "S_1 : S_2 = 3:8", "3:8", M, "ratio label"),
    ("labelled", "3:8", "6:16", M, "proportional ratio"),
    ("labelled", "3:8", "8:3", X, "ratio reversed"),
    ("labelled", "x = 5", "5", M, "variable label"),
    # times
    ("time", "12:00", "12:00", M, "time"),
    ("time", "12:00", "1:00", X, "different hour"),
    ("time", "3:30", "3:45", X, "different minutes"),
    # tuples, intervals, sets
    ("interval", "(0,9)", "(0, 9)", M, "open interval"),
    ("interval", "(0,9)", "[0,9)", X, "closed end"),
    ("interval", "[0,9)", "[0,9]", X, "closed right end"),
    ("interval", "(-\\infty, 2) \\cup (3, \\infty)", "(3,\\infty)\\cup(-\\infty,2)", M, "union reordered"),
    ("interval", "(-\\infty, 2) \\cup (3, \\infty)", "(-\\infty,2]\\cup(3,\\infty)", X, "union end"),
    ("tuple", "(1,2)", "(1, 2)", M, "point"),
    ("tuple", "(1,2)", "(2,1)", X, "point order"),
    ("tuple", "\\left( 3, \\frac{\\pi}{2} \\right)", "(3,\\frac{\\pi}{2})", M, "left right"),
    ("set", "\\{1, 2\\}", "\\{2, 1\\}", M, "set order"),
    ("set", "\\{1, 2\\}", "\\{1, 3\\}", X, "set element"),
    ("set", "1, 2, 3", "3, 2, 1", M, "bare list"),
    # matrices
    ("matrix", "\\begin{pmatrix}1&0\\\\0&1\\end{pmatrix}", "\\begin{bmatrix}1&0\\\\0&1\\end{bmatrix}", M, "pmatrix vs bmatrix"),
    ("matrix", "\\begin{pmatrix}1&2\\\\3&4\\end{pmatrix}", "\\left[\\begin{array}{cc}1&2\\\\3&4\\end{array}\\right]", M, "array"),
    ("matrix", "\\begin{pmatrix}1&2\\\\3&4\\end{pmatrix}", "\\begin{matrix}1&2\\\\3&4\\end{matrix}", M, "plain matrix"),
    ("matrix", "\\begin{pmatrix}1&2\\\\3&4\\end{pmatrix}", "\\begin{pmatrix*}[r]1&2\\\\3&4\\end{pmatrix*}", M, "starred"),
    ("matrix", "\\begin{pmatrix}1&2\\\\3&4\\end{pmatrix}", "\\begin{pmatrix}1&2\\\\4&3\\end{pmatrix}", X, "swapped cells"),
    ("matrix", "\\begin{pmatrix}1&2\\\\3&4\\end{pmatrix}", "\\begin{pmatrix}1&3\\\\2&4\\end{pmatrix}", X, "transpose"),
    ("matrix", "\\begin{pmatrix}1\\\\-2\\end{pmatrix}", "(1,-2)", M, "column vs tuple"),
    ("matrix", "\\begin{pmatrix}\\frac12&0\\\\0&\\frac12\\end{pmatrix}", "\\begin{pmatrix}0.5&0\\\\0&0.5\\end{pmatrix}", M, "cells by value"),
    # units, degrees, money
    ("units", "12", "12 \\text{ cm}", M, "unit"),
    ("units", "30", "30^\\circ", M, "degrees"),
    ("units", "64", "\\$64", M, "money"),
    ("units", "12", "13 \\text{ cm}", X, "wrong with unit"),
]

# How a model writes an answer X: (name, template, the rule that should read it).
PHRASINGS = [
    ("box", "We work through the cases and simplify.\n\nTherefore the answer is $\\boxed{{{x}}}$."),
    ("final", "After simplifying everything we are done.\n\nFinal Answer: The final answer is ${x}$. I hope it is correct."),
    ("span", "Putting the pieces together, the result is\n$${x}$$"),
    ("tag", "<think>Check the algebra once more.</think>\n<answer>{x}</answer>"),
    ("bare", "{x}"),
]


def rows():
    out = []
    for index, (category, gold, answer, expected, note) in enumerate(ANSWERS):
        for name, template in PHRASINGS:
            if name == "bare" and (len(answer) > 100 or "\\begin" in answer):
                continue
            if name in ("box", "tag", "span") and category in ("text", "number-word") and index % 2:
                continue
            out.append({
                "id": f"{category}-{index:03d}-{name}",
                "gold": gold,
                "response": template.format(x=answer),
                "expected": expected,
                "category": category,
                "note": f"{note} ({name})",
            })
    out.extend(EXTRACTION)
    return out


def row(id_, gold, response, expected, category, note):
    return {"id": id_, "gold": gold, "response": response, "expected": expected, "category": category,
            "note": note}


# Reading: which part of a response is the answer.
EXTRACTION = [
    row("read-multibox-and", "2, 5", "The roots are $\\boxed{2}$ and $\\boxed{5}$.", M, "multi-box", "two boxes joined by and"),
    row("read-multibox-comma", "5, 2", "So \\boxed{2}, \\boxed{5}.", M, "multi-box", "two boxes, comma"),
    row("read-multibox-tuples", "(1,2), (2,1)", "The pairs are $\\boxed{(1,2)}, \\boxed{(2,1)}$.", M, "multi-box", "two tuples"),
    row("read-multibox-labels", "2, 5", "$x = \\boxed{2}$ or $x = \\boxed{5}$", M, "multi-box", "labelled boxes with or"),
    row("read-multibox-text-and", "\\{-1, 3\\}", "Solutions: \\boxed{-1} \\text{ and } \\boxed{3}", M, "multi-box", "text and"),
    row("read-multibox-one-wrong", "2, 5", "$\\boxed{2}$ and $\\boxed{6}$", X, "multi-box", "one of two wrong"),
    row("read-multibox-missing", "2, 5", "$\\boxed{2}$", X, "multi-box", "only one of two"),
    row("read-multibox-correction", "42", "\\boxed{41} no wait \\boxed{42}", M, "multi-box", "a correction is not a group"),
    row("read-multibox-reasoning", "7", "First we find $\\boxed{3}$ for the inner part. Then the whole thing gives \\boxed{7}.", M, "multi-box", "boxes in reasoning are not a group"),
    row("read-multibox-repeat", "5", "$\\boxed{5}$, $\\boxed{5}$", M, "multi-box", "the same box twice"),
    row("read-box-nested", "5", "\\boxed{\\boxed{5}}", M, "box", "nested box"),
    row("read-box-fbox", "42", "Thus \\fbox{42}.", M, "box", "fbox"),
    row("read-box-unclosed-earlier", "41", "First \\boxed{41}, then \\boxed{42", M, "box", "unclosed last box defers"),
    row("read-box-only-unclosed", "42", "So the answer is \\boxed{42", U, "box", "cut off in the box; the phrase reads '\\boxed{42' which does not parse"),
    row("read-final-sentence-is", "34", "Final Answer: The largest $n$ is 34.", M, "final-sentence", "number after is"),
    row("read-final-sentence-math-is", "34", "Final Answer: The largest $n$ is $34$.", M, "final-sentence", "math after is"),
    row("read-final-sentence-word", "2", "Answer: two", M, "final-sentence", "number word"),
    row("read-final-sentence-sum", "-\\frac{3}{2}", "The answer is: the sum of the roots is $-\\frac{3}{2}$.", M, "final-sentence", "math after is"),
    row("read-final-sentence-equation", "5", "The answer is $x = 5$.", M, "final-sentence", "equation"),
    row("read-final-sentence-bold", "12", "**Answer:** 12", M, "final-sentence", "markdown"),
    row("read-final-sentence-decimal", "3.5", "The answer is 3.5. Done.", M, "final-sentence", "decimal point is not a period"),
    row("read-final-sentence-wrong", "34", "Final Answer: The largest $n$ is 35.", X, "final-sentence", "wrong number"),
    row("read-final-sentence-interval", "[2,5)", "Final answer: the solution set is $[2,5)$.", M, "final-sentence", "interval in sentence"),
    row("read-span-fraction", "\\frac13", "This gives $\\frac13$", M, "math-span", "whole fraction, not 13"),
    row("read-span-polynomial", "\\frac{x+2}{7}", "So we have $\\frac{x}{7}+\\frac{2}{7}$", M, "math-span", "whole expression"),
    row("read-span-matrix", "\\begin{pmatrix}1&0\\\\0&1\\end{pmatrix}", "The identity is $\\begin{pmatrix}1&0\\\\0&1\\end{pmatrix}$.", M, "math-span", "matrix"),
    row("read-span-interval", "[-2, 7]", "The set is \\([-2, 7]\\).", M, "math-span", "interval in paren delimiters"),
    row("read-span-display", "(0,9)", "Hence\n\\[(0, 9)\\]", M, "math-span", "display math"),
    row("read-span-open-vs-closed", "[0,9)", "Hence $(0,9)$", X, "math-span", "interval ends differ"),
    row("read-span-escaped-dollar", "64", "It costs \\$5 more, so $64$ in all.", M, "math-span", "escaped dollar opens nothing"),
    row("read-span-prices", "18", "She pays $2 per egg and earns $18 a day.", M, "math-span", "dollars around prose are prices"),
    row("read-span-prices-boxed", "18", "She pays $2 per egg and earns $18. So \\boxed{18}", M, "math-span", "prices before a box"),
    row("read-span-text-inside", "5", "The length is $5 \\text{ cm}$", M, "math-span", "a unit in text is still math"),
    row("read-span-last", "7", "We had $x = 3$ before, and now $x = 7$", M, "math-span", "the last span"),
    row("read-whole-letter", "E", "E", M, "whole", "letter"),
    row("read-whole-poly", "x^2+2x+1", "x^2 + 2*x + 1", M, "whole", "polynomial"),
    row("read-whole-point", "0.4", ".4", M, "whole", "decimal"),
    row("read-whole-frac", "\\frac{1}{3}", "\\frac13", M, "whole", "short fraction"),
    row("read-whole-frac-space", "\\frac{1}{2}", "\\frac {1}{2}", M, "whole", "spaced fraction"),
    row("read-whole-identifier", "2", "AZ2B", U, "whole", "an identifier has no answer"),
    row("read-whole-identifier-h2o", "2", "H2O", U, "whole", "a formula has no answer"),
    row("read-whole-sentence", "5", "I cannot say.", U, "whole", "a sentence is not an answer"),
    row("read-last-number", "12", "There are 12 apples left over after the trade", M, "last-number", "fallback"),
    row("read-last-number-word", "7", "Step 7 checks the code X2Y", M, "last-number", "number inside a word skipped"),
    row("read-last-number-exponent", "9", "so the area is 9 and the side squared is s^2", M, "last-number", "exponent skipped"),
    row("read-last-number-frac", "\\frac{28}{9}", "So we get \\frac{28}{9}", M, "last-number", "whole fraction"),
    row("read-last-number-none", "5", "No idea at all.", U, "last-number", "nothing to read"),
    row("read-tag", "42", "<answer>42</answer>", M, "tag", "answer tag"),
    row("read-tag-box-inside", "\\frac{14}{3}", "<answer>$\\boxed{\\frac{14}{3}}$</answer>", M, "tag", "box inside tag"),
    row("read-tag-unclosed", "42", "<answer>42", M, "tag", "unclosed tag runs to the end"),
    row("read-hashes", "64", "8 pairs at 8 each.\n#### 64", M, "hashes", "gsm8k"),
    row("read-hashes-comma", "1000", "#### 1,000", M, "hashes", "thousands"),
    # golds read like responses
    row("gold-span", "$x \\in [2,5)$", "\\boxed{[2,5)}", M, "gold", "gold in math"),
    row("gold-span-wrong", "$x \\in [2,5)$", "\\boxed{[2,5]}", X, "gold", "gold in math, wrong end"),
    row("gold-solution", "We compute $3 \\cdot 4 = 12$, so the answer is $\\boxed{12}$.", "\\boxed{12}", M, "gold", "whole solution gold"),
    row("gold-solution-wrong", "We compute $3 \\cdot 4 = 12$, so the answer is $\\boxed{12}$.", "\\boxed{3}", X, "gold", "whole solution gold"),
    row("gold-labelled", "(p,q)=(3,2)", "The answer is $(3, 2)$.", M, "gold", "labelled gold"),
    row("gold-hashes", "Half of 128 is 64.\n#### 64", "\\boxed{64}", M, "gold", "gsm8k solution gold"),
    row("gold-sentence", "The answer is 17.", "\\boxed{17}", M, "gold", "sentence gold"),
    row("gold-boxes", "\\boxed{2} and \\boxed{5}", "The roots are 2 and 5, that is $\\boxed{2, 5}$", M, "gold", "multi-box gold"),
    # unparseable answers
    row("bad-empty-box", "5", "\\boxed{}", U, "unparseable", "empty box"),
    row("bad-operator", "7", "\\boxed{3 + * 4}", U, "unparseable", "missing operand"),
    row("bad-unbalanced", "1", "\\boxed{\\frac{1}{}", U, "unparseable", "unbalanced"),
    row("bad-two-numbers", "12", "\\boxed{1 2}", U, "unparseable", "two numbers side by side"),
]


def main():
    path = os.path.join(os.path.dirname(__file__), "..", "..", "Tests", "Fixtures", "grading-corpus.jsonl")
    data = rows()
    ids = [r["id"] for r in data]
    assert len(ids) == len(set(ids)), "duplicate ids"
    with open(path, "w") as out:
        for r in data:
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{len(data)} rows")


if __name__ == "__main__":
    main()
