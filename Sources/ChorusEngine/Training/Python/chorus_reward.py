#!/usr/bin/env python3
"""Chorus's RL reward for verl, TRL and OpenRLHF: scores a response exactly as Chorus's Swift grader does.

One self-contained file, Python 3.9+ standard library only. Chorus copies it verbatim next to
exported training data; the trainers import it from there.

Reward
------
A response is scored against a gold answer under an answer format and a preset:

* ``answer_tag`` (default): the answer is the content of the last non-empty ``<answer>...</answer>``
  (tag names in any case; an unclosed last tag runs to the end of the response); a complete,
  non-empty ``\\boxed{...}`` / ``\\fbox{...}`` inside that tag is unwrapped. Nothing else counts:
  a response with no non-empty tag has no answer, even if it holds a ``\\boxed{}``.
* ``boxed``: the answer is the content of the last complete, non-empty ``\\boxed{...}`` or
  ``\\fbox{...}`` (braces matched by counting, ``\\{ \\}`` ignored; ``\\boxed 5`` takes the next run up
  to white space or ``$``). An empty or unclosed box defers to the box before it.

No answer in the format scores the preset's ``unformatted`` reward; an answer in the format that is
wrong or unparseable scores ``formatted``; a correct one scores ``correct``.
``PRESETS``: paper = (1.0, 0.05, 0.0), shaped = (1.0, 0.0, -1.0) as (correct, formatted, unformatted).

What "correct" means (a port of Sources/ChorusEngine/Answers, see docs/grading.md)
--------------------------------------------------------------------------------
Both the extracted answer and the gold answer go through the same parser, over UTF-8 bytes:

* Stripping: white space, ``$...$``, ``\\[...\\]``, ``\\(...\\)``, a final period.
* Multiple choice: ``B``, ``(B)``, ``B)``, ``B.``, ``\\text{(B)}``, ``\\textbf{B}``, ``(B) 12`` (A-J only).
* Text: letters, spaces and light punctuation with a word of 3+ letters (or exactly ``no``) that is
  not a math word; wrappers (``\\text{}``, ``\\textbf{}``, ``\\mathrm{}``, ``\\mbox{}``, ``**...**``)
  stripped, lowercased, white space collapsed, outer punctuation dropped.
* Numbers: integers, negatives, thousands separators (``1,000``, ``1{,}000``, ``1\\,000``, ``1 000``,
  thin spaces; commas only outside brackets), decimals as exact rationals, scientific notation,
  ``a/b``, ``\\frac``/``\\dfrac``/``\\tfrac``/``\\cfrac``, ``\\frac12``, ``\\div``, mixed numbers
  (``2\\frac{1}{2}``, ``2 1/2``), percent (``50\\%`` matches ``50`` and ``0.5``), currency ``\\$``,
  degrees (``30^\\circ``, ``30°``), units after a quantity (``\\text{ cm}``, ``12 apples``, ``^2``,
  ``/word``), number bases (``1011_2``).
* Expressions: ``\\sqrt``, ``\\sqrt[n]``, ``\\pi``, ``e``, ``\\infty``, powers, factorials, ``|x|``,
  trigonometric and hyperbolic functions, ``\\ln``, ``\\log``, ``\\log_b``, ``\\exp``, implicit
  multiplication, ``\\pm``; with free variables, compared as functions at 6 fixed rational points.
* Shapes: tuples (ordered), sets and bare lists (unordered), intervals, unions, matrices,
  equations (``x = 5`` matches ``5``), inequalities (``x > 3`` is ``(3, \\infty)``).
* Equality: two exact rationals are equal only when identical (``1000000`` != ``1000001``,
  ``0.333`` != ``1/3``); when either side is approximate (roots, pi, e, logarithms, overflow past
  64-bit integers, which is emulated), ``|a-b| <= max(1e-6 * max(|a|,|b|), 1e-9)`` (so ``3.14`` !=
  ``\\pi``, ``1.4142136`` == ``\\sqrt2``).
* A gold answer that does not parse is compared with the extracted text by white-space-collapsed
  string, as Swift's ``GoldAnswer`` does; so is any pair whose comparison raises inside this module
  (a safety net: a grader error never crashes a training run).

Limits, on purpose the same as Swift's: letters are lowercased in ASCII only (``CAFÉ`` is not
``café``); a one-letter unit after ``/`` is a variable (``60 km/h`` is ``60/h``, ``60 km/hr`` is 60).
Where this file differs from the Swift binary: see "answer_tag" above (the binary also accepts a
bare ``\\boxed{}`` with no tag in that format; the documented rule is the tag alone).

Entry points
------------
* ``extract(text, answer_format)``, ``is_equivalent(answer, gold)``, ``grade(...)`` ->
  ``(extracted, formatted, correct)``, ``score(solution_str, ground_truth, preset, answer_format)``.
* verl: ``compute_score(data_source, solution_str, ground_truth, extra_info=None)`` -> float;
  ``extra_info["reward_preset"]`` / ``extra_info["answer_format"]`` override the defaults.
* TRL GRPOTrainer: ``reward_func(completions, ground_truth, **kwargs)`` -> list[float] (TRL calls
  with keywords; completions may be strings or conversations, whose last message is scored;
  ``reward_preset`` / ``answer_format`` columns may override per row).
* OpenRLHF (``--remote_rm_url chorus_reward.py --label_key <gold column>``):
  ``reward_func(queries, prompts, labels, **kwargs)`` -> ``{"rewards", "scores", "extra_logs"}``
  (torch tensors; lists without torch). The response is the query minus the prompt at its start,
  without trailing end-of-sequence/padding tokens (``<|im_end|>``, ``</s>``, ...). OpenRLHF passes no
  options, so its preset and format are ``DEFAULT_PRESET`` / ``DEFAULT_FORMAT`` (edit them in the copy).
* ``reward_func`` serves both TRL and OpenRLHF: a call with ``completions=`` is TRL's, a call with
  three positional lists (or ``queries=``) is OpenRLHF's. ``trl_reward_func`` and
  ``openrlhf_reward_func`` are the two halves under their own names.

Command line::

    python3 chorus_reward.py score FILE [--reward paper|shaped] [--format answer_tag|boxed]
        JSONL rows {"id", "gold", "response"} in ("-" for standard input); one row out each,
        {"id", "extracted", "formatted", "correct", "reward"}, as `chorus grade --pairs FILE --reward`.
    python3 chorus_reward.py preflight FILE [--reward P] [--format F] [--limit N]
        For training rows with a gold answer under ``ground_truth``, ``label`` or
        ``reward_model.ground_truth`` (and optional ``extra_info`` overrides), checks that the gold in
        the format scores ``correct``, a wrong answer in the format ``formatted``, and a response with
        no format ``unformatted``. Prints a summary and up to 10 failing rows; exits 0 when all pass.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import unicodedata

__all__ = [
    "PRESETS",
    "DEFAULT_PRESET",
    "DEFAULT_FORMAT",
    "FORMATS",
    "extract",
    "is_equivalent",
    "grade",
    "score",
    "compute_score",
    "reward_func",
    "trl_reward_func",
    "openrlhf_reward_func",
]

PRESETS = {"paper": (1.0, 0.05, 0.0), "shaped": (1.0, 0.0, -1.0)}
DEFAULT_PRESET = "paper"
DEFAULT_FORMAT = "answer_tag"
FORMATS = ("answer_tag", "boxed")

# ---------------------------------------------------------------------------------------------
# Bytes
# ---------------------------------------------------------------------------------------------

_BS, _LBRACE, _RBRACE, _SPACE, _DOLLAR = 0x5C, 0x7B, 0x7D, 0x20, 0x24


def _is_digit(c):
    return 0x30 <= c <= 0x39


def _is_letter(c):
    return 0x61 <= (c | 0x20) <= 0x7A


def _is_space(c):
    return c == 0x20 or 0x09 <= c <= 0x0D


def _lower(c):
    return c | 0x20 if 0x41 <= c <= 0x5A else c


def _to_bytes(text):
    return text.encode("utf-8", "surrogatepass")


def _to_text(data):
    return bytes(data).decode("utf-8", "replace")


def _trimmed(b):
    start, end = 0, len(b)
    while start < end and _is_space(b[start]):
        start += 1
    while end > start and _is_space(b[end - 1]):
        end -= 1
    return b[start:end]


def _closing_brace(b, open_at):
    """The index of the `}` matching the `{` at `open_at`, skipping escaped bytes; None if unclosed."""
    depth = 0
    k = open_at
    n = len(b)
    while k < n:
        c = b[k]
        if c == _BS:
            k += 2
            continue
        if c == _LBRACE:
            depth += 1
        elif c == _RBRACE:
            depth -= 1
            if depth == 0:
                return k
        k += 1
    return None


# Unicode White_Space, as Swift's Character.isWhitespace.
_WHITE_SPACE = frozenset(
    "\t\n\x0b\x0c\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009"
    "\u200a\u2028\u2029\u202f\u205f\u3000"
)


def _collapsed(text):
    words = []
    current = []
    for ch in text:
        if ch in _WHITE_SPACE:
            if current:
                words.append("".join(current))
                current = []
        else:
            current.append(ch)
    if current:
        words.append("".join(current))
    # Swift compares strings by canonical equivalence.
    return unicodedata.normalize("NFC", " ".join(words))


# ---------------------------------------------------------------------------------------------
# Extraction
# ---------------------------------------------------------------------------------------------


def _non_empty(b, start, end):
    while start < end and _is_space(b[start]):
        start += 1
    while end > start and _is_space(b[end - 1]):
        end -= 1
    return (start, end) if start < end else None


def _last_boxed(b):
    """The range of the last complete, non-empty `\\boxed{...}` / `\\fbox{...}` content, or None."""
    n = len(b)
    pos = n
    while True:
        pos = b.rfind(b"\\", 0, pos)  # candidates from the end, as a byte-by-byte scan would meet them
        if pos < 0:
            return None
        if b.startswith(b"boxed", pos + 1):
            name_end = pos + 6
        elif b.startswith(b"fbox", pos + 1):
            name_end = pos + 5
        else:
            continue
        start = name_end
        while start < n and b[start] == _SPACE:
            start += 1
        if start >= n:
            continue
        if b[start] == _LBRACE:
            close = _closing_brace(b, start)
            if close is None:
                continue
            content = _non_empty(b, start + 1, close)
            if content is None:
                continue
            return content
        # `\boxed 5`: one bare argument, up to white space or `$`.
        if start <= name_end:
            continue
        end = start
        while end < n and not _is_space(b[end]) and b[end] != _DOLLAR:
            end += 1
        while end > start and b[end - 1] in (0x2E, 0x2C, 0x3B):
            end -= 1
        content = _non_empty(b, start, end)
        if content is not None:
            return content


def _has_prefix_ignoring_case(b, at, literal):
    if at < 0 or at + len(literal) > len(b):
        return False
    return b[at:at + len(literal)].lower() == literal


def _last_answer_tag(b):
    """The range of the last non-empty `<answer>` content, up to `</answer>` or the end; or None."""
    n = len(b)
    k = max(n - 7, 0)
    end = n
    while True:
        k = b.rfind(b"<", 0, k)  # every `<` at or before n - 8, from the end
        if k < 0:
            return None
        if _has_prefix_ignoring_case(b, k, b"</answer>"):
            end = k
        elif _has_prefix_ignoring_case(b, k, b"<answer>"):
            content = _non_empty(b, k + 8, max(end, k + 8))
            if content is not None:
                return content
            end = k


def _check_format(answer_format):
    if answer_format not in FORMATS:
        raise ValueError("unknown answer format %r (formats: %s)" % (answer_format, ", ".join(FORMATS)))


def extract(text, answer_format=DEFAULT_FORMAT):
    """The answer `text` gives in `answer_format` (``answer_tag`` or ``boxed``), or None."""
    _check_format(answer_format)
    if text is None:
        return None
    b = _to_bytes(text if isinstance(text, str) else str(text))
    if answer_format == "boxed":
        box = _last_boxed(b)
        return None if box is None else _to_text(b[box[0]:box[1]])
    tag = _last_answer_tag(b)
    if tag is None:
        return None
    inner = b[tag[0]:tag[1]]
    box = _last_boxed(inner)
    if box is not None:
        return _to_text(inner[box[0]:box[1]])
    return _to_text(inner)


# ---------------------------------------------------------------------------------------------
# Exact rationals over 64-bit integers (Swift's Rational: overflow gives None)
# ---------------------------------------------------------------------------------------------

_INT_MIN = -(1 << 63)
_INT_MAX = (1 << 63) - 1


def _fits(x):
    return _INT_MIN <= x <= _INT_MAX


def _gcd(a, b):
    return math.gcd(a, b) or 1


class _Q(object):
    """A fraction n/d in lowest terms, d > 0, both within Int64 (never Int64.min)."""

    __slots__ = ("n", "d")

    def __init__(self, n, d=1):
        self.n = n
        self.d = d

    @staticmethod
    def integer(value):
        return _Q(_INT_MIN + 1 if value == _INT_MIN else value, 1)

    @staticmethod
    def make(n, d):
        if d == 0 or n == _INT_MIN or d == _INT_MIN:
            return None
        g = _gcd(n, d)
        top, bottom = n // g, d // g
        if bottom < 0:
            top, bottom = -top, -bottom
        return _Q(top, bottom)

    def __eq__(self, other):
        return isinstance(other, _Q) and self.n == other.n and self.d == other.d

    def __ne__(self, other):
        return not self.__eq__(other)

    def __hash__(self):
        return hash((self.n, self.d))

    def __repr__(self):
        return self.description()

    def description(self):
        return str(self.n) if self.d == 1 else "%d/%d" % (self.n, self.d)

    def is_integer(self):
        return self.d == 1

    def double(self):
        return float(self.n) / float(self.d)

    def negated(self):
        return _Q(-self.n, self.d)

    def add(self, other):
        if self.d == 1 and other.d == 1:
            s = self.n + other.n
            if not _fits(s) or s == _INT_MIN:
                return None
            return _Q(s, 1)
        g = _gcd(self.d, other.d)
        left = self.n * (other.d // g)
        right = other.n * (self.d // g)
        if not _fits(left) or not _fits(right):
            return None
        top = left + right
        bottom = (self.d // g) * other.d
        if not _fits(top) or not _fits(bottom):
            return None
        return _Q.make(top, bottom)

    def mul(self, other):
        g1 = _gcd(self.n, other.d)
        g2 = _gcd(other.n, self.d)
        top = _tdiv(self.n, g1) * _tdiv(other.n, g2)
        bottom = (self.d // g2) * (other.d // g1)
        if not _fits(top) or not _fits(bottom) or top == _INT_MIN:
            return None
        return _Q(top, bottom)

    def reciprocal(self):
        if self.n == 0:
            return None
        return _Q(-self.d, -self.n) if self.n < 0 else _Q(self.d, self.n)

    def div(self, other):
        inverse = other.reciprocal()
        return None if inverse is None else self.mul(inverse)

    def power(self, exponent):
        if exponent < 0:
            inverse = self.reciprocal()
            if exponent == _INT_MIN or inverse is None:
                return None
            return inverse.power(-exponent)
        result = _Q(1, 1)
        base = self
        remaining = exponent
        while remaining > 0:
            if remaining & 1:
                result = result.mul(base)
                if result is None:
                    return None
            remaining >>= 1
            if remaining > 0:
                base = base.mul(base)
                if base is None:
                    return None
        return result

    def exact_root(self, index):
        if index < 1:
            return None
        if index == 1:
            return self
        if self.n < 0:
            if index % 2 != 1:
                return None
            root = self.negated().exact_root(index)
            return None if root is None else root.negated()
        top = _integer_root(self.n, index)
        bottom = _integer_root(self.d, index)
        if top is None or bottom is None:
            return None
        return _Q(top, bottom)


def _tdiv(a, b):
    """Swift's truncating integer division (exact here, so plain floor division of exact multiples)."""
    q = abs(a) // abs(b)
    return q if (a >= 0) == (b >= 0) else -q


def _round_half_away(x):
    return math.floor(x + 0.5) if x >= 0 else math.ceil(x - 0.5)


def _integer_root(value, index):
    if value < 2:
        return value
    estimate = int(_round_half_away(_cpow(float(value), 1.0 / float(index))))
    for candidate in range(max(estimate - 1, 0), estimate + 2):
        powered = _Q.integer(candidate).power(index)
        if powered is not None and powered.n == value:
            return candidate
    return None


def _cpow(x, y):
    """C's pow: inf on overflow and nan on a domain error, where Python's math.pow raises."""
    try:
        return math.pow(x, y)
    except OverflowError:
        if x < 0 and float(y).is_integer() and int(y) % 2 == 1:
            return -math.inf
        return math.inf
    except (ValueError, ZeroDivisionError):
        return math.nan


# ---------------------------------------------------------------------------------------------
# Numeric values: ("q", _Q) exact, ("f", float) approximate
# ---------------------------------------------------------------------------------------------


def _dbl(v):
    return v[1].double() if v[0] == "q" else v[1]


def _approx(x):
    return None if x != x else ("f", x)


def _nv_add(a, b):
    if a[0] == "q" and b[0] == "q":
        s = a[1].add(b[1])
        if s is not None:
            return ("q", s)
    return _approx(_dbl(a) + _dbl(b))


def _nv_neg(a):
    return ("q", a[1].negated()) if a[0] == "q" else ("f", -a[1])


def _nv_sub(a, b):
    return _nv_add(a, _nv_neg(b))


def _nv_mul(a, b):
    if a[0] == "q" and b[0] == "q":
        p = a[1].mul(b[1])
        if p is not None:
            return ("q", p)
    return _approx(_dbl(a) * _dbl(b))


def _nv_div(a, b):
    if _dbl(b) == 0:
        return None
    if a[0] == "q" and b[0] == "q":
        q = a[1].div(b[1])
        if q is not None:
            return ("q", q)
    return _approx(_dbl(a) / _dbl(b))


def _nv_pow(a, e):
    if a[0] == "q" and e[0] == "q":
        base, power = a[1], e[1]
        if power.is_integer() and abs(power.n) <= 4096:
            r = base.power(power.n)
            if r is not None:
                return ("q", r)
        if not power.is_integer() and power.d <= 64 and abs(power.n) <= 4096:
            root = base.exact_root(power.d)
            if root is not None:
                r = root.power(power.n)
                if r is not None:
                    return ("q", r)
        if base.n < 0 and not power.is_integer():
            return None
    x, y = _dbl(a), _dbl(e)
    if x == 0 and y < 0:
        return None
    return _approx(_cpow(x, y))


def _nv_root(a, index):
    if not (index[0] == "q" and index[1].is_integer() and index[1].n >= 1):
        i = _dbl(index)
        if i == 0 or not _dbl(a) >= 0:
            return None
        return _approx(_cpow(_dbl(a), 1.0 / i))
    degree = index[1].n
    if a[0] == "q" and degree <= 64:
        r = a[1].exact_root(degree)
        if r is not None:
            return ("q", r)
    value = _dbl(a)
    if value < 0:
        if degree % 2 != 1:
            return None
        return _approx(-_cpow(-value, 1.0 / float(degree)))
    if degree == 2:
        return _approx(math.sqrt(value))
    return _approx(_cpow(value, 1.0 / float(degree)))


def _nv_factorial(a):
    if a[0] != "q" or not a[1].is_integer() or a[1].n < 0 or a[1].n > 170:
        return None
    n = a[1].n
    if n <= 20:
        product = 1
        for k in range(2, n + 1):
            product *= k
        return ("q", _Q(product, 1))
    product = 1.0
    for k in range(2, n + 1):
        product *= float(k)
    return ("f", product)


def _numbers_equal(x, y, relative=1e-6, absolute=1e-9):
    if x[0] == "q" and y[0] == "q":
        return x[1] == y[1]
    a, b = _dbl(x), _dbl(y)
    if a == b:
        return True
    if not (math.isfinite(a) and math.isfinite(b)):
        return False
    scale = max(abs(a), abs(b))
    return abs(a - b) <= max(relative * scale, absolute)


# ---------------------------------------------------------------------------------------------
# Lexer (MathLexer.swift). Tokens are (kind, space_before); kinds are tuples:
#   ("num", _Q, plain) ("real", float) ("letter", s) ("word", s, is_text) ("sym", ch)
#   ("cmd", name) ("const", "pi"|"inf") ("fn", name) ("begin", env) ("end", env)
# ---------------------------------------------------------------------------------------------

_FUNCTIONS = frozenset(
    ["sin", "cos", "tan", "cot", "sec", "csc", "arcsin", "arccos", "arctan", "sinh", "cosh", "tanh", "ln",
     "log", "exp"]
)
_SYMBOLS = frozenset(b"+-*/^_},;=<>!|&%:'")
_WRAPPER_COMMANDS = frozenset(
    ["text", "textbf", "textrm", "textit", "textnormal", "textsf", "texttt", "mbox", "mathrm", "mathbf",
     "mathit", "mathsf", "mathtt", "boldsymbol", "bm", "operatorname", "boxed", "fbox", "hbox"]
)
_SIMPLE_COMMANDS = {
    "pi": ("const", "pi"),
    "infty": ("const", "inf"),
    "infin": ("const", "inf"),
    "times": ("sym", "*"),
    "cdot": ("sym", "*"),
    "ast": ("sym", "*"),
    "div": ("sym", "/"),
    "pm": ("cmd", "pm"),
    "mp": ("cmd", "mp"),
    "cup": ("cmd", "cup"),
    "le": ("cmd", "le"),
    "leq": ("cmd", "le"),
    "leqslant": ("cmd", "le"),
    "ge": ("cmd", "ge"),
    "geq": ("cmd", "ge"),
    "geqslant": ("cmd", "ge"),
    "lt": ("sym", "<"),
    "gt": ("sym", ">"),
    "ne": ("cmd", "ne"),
    "neq": ("cmd", "ne"),
    "approx": ("sym", "="),
    "equiv": ("sym", "="),
    "simeq": ("sym", "="),
    "in": ("cmd", "in"),
    "circ": ("cmd", "deg"),
    "degree": ("cmd", "deg"),
    "vert": ("sym", "|"),
    "lvert": ("sym", "|"),
    "rvert": ("sym", "|"),
    "mid": ("sym", "|"),
    "emptyset": ("cmd", "empty"),
    "varnothing": ("cmd", "empty"),
}
_SIZING = frozenset(["left", "right", "big", "Big", "bigg", "Bigg", "bigl", "bigr", "Bigl", "Bigr", "biggl", "biggr"])
_IGNORED = frozenset(["displaystyle", "textstyle", "scriptstyle", "limits", "nolimits", "hline", "nonumber", "prime"])


def _word_command(word):
    if len(word) > 8:
        return None
    name = _to_text(word)
    if name in ("or", "and"):
        return ("sym", ",")
    if name == "pi":
        return ("const", "pi")
    if name in ("infinity", "infty", "inf"):
        return ("const", "inf")
    if name == "sqrt":
        return ("cmd", "sqrt")
    if name in _FUNCTIONS:
        return ("fn", name)
    return None


class _Lexer(object):
    def __init__(self, b):
        self.b = b
        self.n = len(b)
        self.i = 0
        self.tokens = []
        self.depth = 0
        self.space = False
        self.pending = 0

    def at(self, p):
        return self.b[p] if p < self.n else 0

    def emit(self, kind):
        self.tokens.append((kind, self.space))
        self.space = False

    def run(self):
        b = self.b
        while self.i < self.n:
            c = b[self.i]
            if c in (0x20, 0x09, 0x0A, 0x0D, 0x7E):
                self.space = True
                self.i += 1
            elif _is_digit(c):
                self.lex_number()
            elif c == 0x2E:
                if _is_digit(self.at(self.i + 1)):
                    self.lex_number()
                else:
                    self.emit(("sym", "."))
                    self.i += 1
            elif _is_letter(c):
                self.lex_letters()
            elif c == _BS:
                if not self.lex_command():
                    return None
            elif c == _DOLLAR:
                self.i += 1
            elif c in (0x28, 0x5B):
                self.depth += 1
                self.pending = 0
                self.emit(("sym", chr(c)))
                self.i += 1
            elif c in (0x29, 0x5D):
                self.depth -= 1
                self.emit(("sym", chr(c)))
                self.i += 1
            elif c == _LBRACE:
                self.pending = 0
                self.emit(("sym", "{"))
                self.i += 1
            elif c in _SYMBOLS:
                self.emit(("sym", chr(c)))
                self.i += 1
            elif c >= 0x80:
                if not self.lex_unicode():
                    return None
            else:
                return None
        return self.tokens

    # Numbers

    def lex_number(self):
        b = self.b
        if self.pending > 0 and _is_digit(b[self.i]):
            self.pending -= 1
            self.emit(("num", _Q(b[self.i] - 0x30, 1), True))
            self.i += 1
            return
        state = [0, 0.0, False]  # mantissa, approximate, overflow
        plain = True
        scale = 0

        def accumulate(digit):
            d = digit - 0x30
            state[1] = state[1] * 10 + float(d)
            if not state[2]:
                v = state[0] * 10 + d
                if _fits(state[0] * 10) and _fits(v):
                    state[0] = v
                else:
                    state[2] = True

        leading = 0
        while self.i < self.n and _is_digit(b[self.i]):
            accumulate(b[self.i])
            leading += 1
            self.i += 1
        if 1 <= leading <= 3:
            while True:
                separator = self.thousands_separator_length(self.i)
                if separator is None:
                    break
                start = self.i + separator
                for k in range(3):
                    accumulate(b[start + k])
                self.i = start + 3
                plain = False
        if self.at(self.i) == 0x2E and _is_digit(self.at(self.i + 1)):
            self.i += 1
            plain = False
            while self.i < self.n and _is_digit(b[self.i]):
                accumulate(b[self.i])
                scale += 1
                self.i += 1
        exponent = 0
        e = self.at(self.i)
        if e in (0x65, 0x45):
            j = self.i + 1
            negative = False
            if self.at(j) in (0x2B, 0x2D):
                negative = self.at(j) == 0x2D
                j += 1
            if _is_digit(self.at(j)):
                while _is_digit(self.at(j)):
                    if exponent < 10000:
                        exponent = exponent * 10 + (b[j] - 0x30)
                    j += 1
                if negative:
                    exponent = -exponent
                self.i = j
                plain = False
        self.emit(_number_token(state[0], state[1], state[2], scale, exponent, plain))

    def thousands_separator_length(self, p):
        c = self.at(p)
        if c == 0x2C and self.depth == 0:
            length = 1
        elif c == 0x20:
            length = 1
        elif c == _LBRACE and self.at(p + 1) == 0x2C and self.at(p + 2) == _RBRACE:
            length = 3
        elif c == _BS and self.at(p + 1) == 0x2C:
            length = 2
        elif c == 0xE2 and self.at(p + 1) == 0x80 and self.at(p + 2) in (0x89, 0xAF, 0x8A):
            length = 3
        elif c == 0xC2 and self.at(p + 1) == 0xA0:
            length = 2
        else:
            return None
        s = p + length
        if not (_is_digit(self.at(s)) and _is_digit(self.at(s + 1)) and _is_digit(self.at(s + 2))
                and not _is_digit(self.at(s + 3))):
            return None
        # `2 100/3` is a mixed number, not 2100/3.
        if c == 0x20 and self.at(s + 3) == 0x2F:
            return None
        return length

    # Letters and words

    def lex_letters(self):
        start = self.i
        if self.pending > 0:
            self.pending -= 1
            self.i += 1
        else:
            while self.i < self.n and _is_letter(self.b[self.i]):
                self.i += 1
        word = self.b[start:self.i]
        if len(word) == 1:
            self.emit(("letter", _to_text(word)))
            return
        command = _word_command(word)
        if command is not None:
            self.emit(command)
            return
        self.emit(("word", _to_text(word), False))

    # Commands

    def lex_command(self):
        start = self.i + 1
        end = start
        while end < self.n and _is_letter(self.b[end]):
            end += 1
        if end == start:
            return self.lex_escaped_symbol()
        self.i = end
        name = _to_text(self.b[start:end])
        if name in ("frac", "dfrac", "tfrac", "cfrac"):
            self.emit(("cmd", "frac"))
            self.pending = 2
        elif name == "sqrt":
            self.emit(("cmd", "sqrt"))
            self.pending = 1
        elif name in _SIMPLE_COMMANDS:
            self.emit(_SIMPLE_COMMANDS[name])
        elif name == "lbrace":
            self.depth += 1
            self.emit(("cmd", "setopen"))
        elif name == "rbrace":
            self.depth -= 1
            self.emit(("cmd", "setclose"))
        elif name in ("langle", "lbrack"):
            self.depth += 1
            self.emit(("sym", "(" if name == "langle" else "["))
        elif name in ("rangle", "rbrack"):
            self.depth -= 1
            self.emit(("sym", ")" if name == "rangle" else "]"))
        elif name in _SIZING:
            if self.at(self.i) == 0x2E:
                self.i += 1
        elif name in _IGNORED:
            pass
        elif name in ("quad", "qquad"):
            self.space = True
        elif name in _WRAPPER_COMMANDS:
            self.lex_wrapper()
        elif name in ("begin", "end"):
            environment = self.brace_word()
            if environment is None:
                return False
            self.emit(("begin" if name == "begin" else "end", environment))
            if name == "begin" and environment == "array" and self.at(self.i) == _LBRACE:
                while self.i < self.n and self.b[self.i] != _RBRACE:
                    self.i += 1
                self.i += 1
        elif name in _FUNCTIONS:
            self.emit(("fn", name))
        else:
            self.emit(("letter", name))
        return True

    def lex_escaped_symbol(self):
        nxt = self.at(self.i + 1)
        self.i += 2
        if nxt == _LBRACE:
            self.depth += 1
            self.emit(("cmd", "setopen"))
        elif nxt == _RBRACE:
            self.depth -= 1
            self.emit(("cmd", "setclose"))
        elif nxt == 0x25:
            self.emit(("sym", "%"))
        elif nxt == _DOLLAR:
            pass
        elif nxt == _BS:
            self.emit(("cmd", "rowbreak"))
        elif nxt == 0x7C:
            self.emit(("sym", "|"))
        elif nxt in (0x2C, 0x3B, 0x3A, 0x20, 0x0A, 0x3E):
            self.space = True
        elif nxt == 0x21:
            pass
        else:
            return False
        return True

    def brace_word(self):
        while self.at(self.i) == 0x20:
            self.i += 1
        if self.at(self.i) != _LBRACE:
            return None
        start = self.i + 1
        end = start
        while end < self.n and self.b[end] != _RBRACE:
            end += 1
        if end >= self.n:
            return None
        self.i = end + 1
        return _to_text(self.b[start:end])

    def lex_wrapper(self):
        open_at = self.i
        while self.at(open_at) == 0x20:
            open_at += 1
        if self.at(open_at) != _LBRACE:
            return
        end = open_at + 1
        letters = 0
        while end < self.n:
            c = self.b[end]
            if c == _RBRACE:
                break
            if _is_letter(c):
                letters += 1
            elif c != 0x20:
                return
            end += 1
        if end >= self.n:
            return
        self.i = end + 1
        content = _trimmed(self.b[open_at + 1:end])
        if letters == 0:
            return
        if letters == 1 and len(content) == 1:
            self.emit(("letter", _to_text(content)))
            return
        command = _word_command(content)
        if command is not None:
            self.emit(command)
        else:
            self.emit(("word", _to_text(content), True))

    def lex_unicode(self):
        b0, b1, b2 = self.b[self.i], self.at(self.i + 1), self.at(self.i + 2)
        pair = (b0, b1)
        if pair == (0xC2, 0xB0):
            self.emit(("cmd", "deg"))
            self.i += 2
        elif pair == (0xC2, 0xB1):
            self.emit(("cmd", "pm"))
            self.i += 2
        elif pair in ((0xC3, 0x97), (0xC2, 0xB7)):
            self.emit(("sym", "*"))
            self.i += 2
        elif pair == (0xC3, 0xB7):
            self.emit(("sym", "/"))
            self.i += 2
        elif pair == (0xCF, 0x80):
            self.emit(("const", "pi"))
            self.i += 2
        elif pair == (0xC2, 0xA0):
            self.space = True
            self.i += 2
        elif pair == (0xE2, 0x88):
            if b2 == 0x9A:
                self.emit(("cmd", "sqrt"))
                self.pending = 1
            elif b2 == 0x9E:
                self.emit(("const", "inf"))
            elif b2 == 0x92:
                self.emit(("sym", "-"))
            elif b2 == 0xAA:
                self.emit(("cmd", "cup"))
            else:
                return False
            self.i += 3
        elif pair == (0xE2, 0x89):
            if b2 == 0xA4:
                self.emit(("cmd", "le"))
            elif b2 == 0xA5:
                self.emit(("cmd", "ge"))
            elif b2 == 0xA0:
                self.emit(("cmd", "ne"))
            elif b2 == 0x88:
                self.emit(("sym", "="))
            else:
                return False
            self.i += 3
        elif pair == (0xE2, 0x80):
            if b2 == 0x93:
                self.emit(("sym", "-"))
            elif b2 in (0x89, 0xAF, 0x8A, 0x88):
                self.space = True
            else:
                return False
            self.i += 3
        else:
            return False
        return True


def _number_token(mantissa, approximate, overflow, scale, exponent, plain):
    power = exponent - scale
    ten = _Q(10, 1).power(abs(power))
    if not overflow and ten is not None:
        if power >= 0:
            value = _Q.integer(mantissa).mul(ten)
        else:
            value = _Q.make(mantissa, ten.n)
        if value is not None:
            return ("num", value, plain)
    result = approximate
    if power > 0:
        for _ in range(min(power, 400)):
            result *= 10
    if power < 0:
        for _ in range(min(-power, 400)):
            result /= 10
    return ("real", result)


# ---------------------------------------------------------------------------------------------
# Parser (MathParser.swift). Trees are tuples:
#   ("num", _Q) ("real", f) ("const", "pi"|"e"|"inf") ("var", name) ("add"|"sub"|"mul"|"div"|"pow"|"pm", a, b)
#   ("neg", a) ("root", index, radicand) ("fact", a) ("pct", a) ("fn", name, a) ("tuple"|"set"|"list"|"union", items)
#   ("interval", lo, hi, lo_closed, hi_closed) ("matrix", rows) ("rel", op, a, b)
# ---------------------------------------------------------------------------------------------

_ZERO = ("num", _Q(0, 1))
_MAX_NESTING = 200
_MATRIX_ENVIRONMENTS = frozenset(["matrix", "pmatrix", "bmatrix", "Bmatrix", "vmatrix", "Vmatrix", "smallmatrix", "array"])


def _is_plain_number(kind):
    return kind is not None and kind[0] == "num" and kind[2]


class _Parser(object):
    def __init__(self, tokens):
        self.t = tokens
        self.n = len(tokens)
        self.p = 0
        self.nesting = 0

    def cur(self):
        return self.t[self.p][0] if self.p < self.n else None

    def tok(self, offset):
        q = self.p + offset
        return self.t[q][0] if q < self.n else None

    def is_sym(self, ch):
        return self.p < self.n and self.t[self.p][0] == ("sym", ch)

    def is_cmd(self, name):
        return self.p < self.n and self.t[self.p][0] == ("cmd", name)

    def expect(self, ch):
        if self.is_sym(ch):
            self.p += 1
            return True
        return False

    def parse(self):
        if not self.t:
            return None
        result = self.parse_list()
        if result is None:
            return None
        while self.p < self.n and (self.is_sym(".") or self.is_sym(",") or self.is_sym(";")):
            self.p += 1
        return result if self.p == self.n else None

    def at_list_end(self):
        kind = self.cur()
        if kind is None:
            return True
        if kind[0] == "sym":
            return kind[1] in (")", "]", "}", "&")
        return kind in (("cmd", "setclose"), ("cmd", "rowbreak")) or kind[0] == "end"

    # Lists, unions, relations

    def parse_items(self):
        items = []
        while True:
            item = self.parse_union()
            if item is None:
                return None
            items.append(item)
            if not (self.is_sym(",") or self.is_sym(";")):
                break
            self.p += 1
            if self.at_list_end():
                break
        return items

    def parse_list(self):
        items = self.parse_items()
        if items is None:
            return None
        return items[0] if len(items) == 1 else ("list", tuple(items))

    def parse_union(self):
        first = self.parse_relation()
        if first is None:
            return None
        if not self.is_cmd("cup"):
            return first
        parts = [first]
        while self.is_cmd("cup"):
            self.p += 1
            nxt = self.parse_relation()
            if nxt is None:
                return None
            parts.append(nxt)
        return ("union", tuple(parts))

    def relation_ahead(self):
        kind = self.cur()
        if kind is None:
            return None
        if kind == ("sym", "="):
            self.p += 1
            return "="
        if kind == ("sym", "<"):
            self.p += 1
            return "<=" if self.expect("=") else "<"
        if kind == ("sym", ">"):
            self.p += 1
            return ">=" if self.expect("=") else ">"
        mapping = {("cmd", "le"): "<=", ("cmd", "ge"): ">=", ("cmd", "ne"): "!=", ("cmd", "in"): "in"}
        if kind in mapping:
            self.p += 1
            return mapping[kind]
        return None

    def parse_relation(self):
        lhs = self.parse_expression()
        if lhs is None:
            return None
        relation = self.relation_ahead()
        if relation is None:
            return lhs
        rhs = self.parse_expression()
        if rhs is None:
            return None
        middle = None
        second = None
        while True:
            nxt = self.relation_ahead()
            if nxt is None:
                break
            further = self.parse_expression()
            if further is None:
                return None
            middle = rhs
            second = nxt
            rhs = further
        if middle is not None and second is not None:
            lower_strict = relation == "<"
            upper_strict = second == "<"
            if relation in ("<", "<=") and second in ("<", "<="):
                return ("rel", "in", middle, ("interval", lhs, rhs, not lower_strict, not upper_strict))
            if relation == "=" and second == "=":
                return ("rel", "=", lhs, rhs)
            return None
        return ("rel", relation, lhs, rhs)

    # Arithmetic

    def parse_expression(self):
        left = self.parse_term()
        if left is None:
            return None
        while True:
            kind = self.cur()
            if kind is None:
                return left
            if kind == ("sym", "+"):
                op = "add"
            elif kind == ("sym", "-"):
                op = "sub"
            elif kind in (("cmd", "pm"), ("cmd", "mp")):
                op = "pm"
            else:
                return left
            self.p += 1
            right = self.parse_term()
            if right is None:
                return None
            left = (op, left, right)

    def parse_term(self):
        left = self.parse_unary()
        if left is None:
            return None
        while True:
            kind = self.cur()
            if kind is None:
                return left
            if kind == ("sym", "*") or kind == ("sym", "/"):
                self.p += 1
                right = self.parse_unary()
                if right is None:
                    return None
                left = ("mul" if kind[1] == "*" else "div", left, right)
            elif kind[0] == "word" and (kind[2] or self.t[self.p][1]):
                self.skip_unit()
            elif kind == ("cmd", "deg"):
                self.p += 1
            else:
                mixed = self.mixed_number(left)
                if mixed is not None:
                    left = mixed
                elif _starts_implicit_factor(kind):
                    right = self.parse_power()
                    if right is None:
                        return None
                    left = ("mul", left, right)
                else:
                    return left

    def skip_unit(self):
        self.p += 1
        while True:
            kind = self.cur()
            if kind is None:
                return
            if kind[0] == "word" and (kind[2] or self.t[self.p][1]):
                self.p += 1
            elif kind[0] == "letter" and self.p > 0 and self.t[self.p - 1][0][0] == "word" and self.t[self.p][1]:
                self.p += 1
            elif self.is_sym("^") and _kind_is(self.tok(1), "num"):
                self.p += 2
            elif (self.is_sym("^") and self.tok(1) == ("sym", "{") and _kind_is(self.tok(2), "num")
                  and self.tok(3) == ("sym", "}")):
                self.p += 4
            elif self.is_sym("/") and _kind_is(self.tok(1), "word"):
                self.p += 2
            else:
                return

    def mixed_number(self, left):
        if self.p <= 0 or not _is_plain_number(self.t[self.p - 1][0]):
            return None
        if left[0] == "num":
            whole, negative = left[1], False
        elif left[0] == "neg" and left[1][0] == "num":
            whole, negative = left[1][1], True
        else:
            return None
        numerator = denominator = None
        consumed = 0
        if self.is_cmd("frac"):
            if (self.tok(1) == ("sym", "{") and _is_plain_number(self.tok(2)) and self.tok(3) == ("sym", "}")
                    and self.tok(4) == ("sym", "{") and _is_plain_number(self.tok(5))
                    and self.tok(6) == ("sym", "}")):
                numerator, denominator, consumed = self.tok(2)[1], self.tok(5)[1], 7
            elif _is_plain_number(self.tok(1)) and _is_plain_number(self.tok(2)):
                numerator, denominator, consumed = self.tok(1)[1], self.tok(2)[1], 3
        elif (_is_plain_number(self.cur()) and self.t[self.p][1] and self.tok(1) == ("sym", "/")
              and _is_plain_number(self.tok(2))):
            numerator, denominator, consumed = self.cur()[1], self.tok(2)[1], 3
        if numerator is None or denominator is None:
            return None
        if not (numerator.n > 0 and numerator.n < denominator.n):
            return None
        fraction = _Q.make(numerator.n, denominator.n)
        if fraction is None:
            return None
        value = whole.add(fraction)
        if value is None:
            return None
        self.p += consumed
        return ("neg", ("num", value)) if negative else ("num", value)

    def parse_unary(self):
        self.nesting += 1
        try:
            kind = self.cur()
            if self.nesting >= _MAX_NESTING or kind is None:
                return None
            if kind == ("sym", "-"):
                self.p += 1
                inner = self.parse_unary()
                return None if inner is None else ("neg", inner)
            if kind == ("sym", "+"):
                self.p += 1
                return self.parse_unary()
            if kind in (("cmd", "pm"), ("cmd", "mp")):
                self.p += 1
                inner = self.parse_unary()
                return None if inner is None else ("pm", _ZERO, inner)
            return self.parse_power()
        finally:
            self.nesting -= 1

    def parse_power(self):
        base = self.parse_postfix()
        if base is None:
            return None
        while self.is_sym("^"):
            if self.tok(1) == ("cmd", "deg"):
                self.p += 2
                continue
            if self.tok(1) == ("sym", "{") and self.tok(2) == ("cmd", "deg") and self.tok(3) == ("sym", "}"):
                self.p += 4
                continue
            self.p += 1
            exponent = self.parse_exponent()
            if exponent is None:
                return None
            base = ("pow", base, exponent)
            while self.is_sym("!"):
                self.p += 1
                base = ("fact", base)
        return base

    def parse_exponent(self):
        self.nesting += 1
        try:
            if self.nesting >= _MAX_NESTING:
                return None
            if self.expect("-"):
                inner = self.parse_exponent()
                return None if inner is None else ("neg", inner)
            if self.expect("+"):
                return self.parse_exponent()
            base = self.parse_primary()
            if base is None:
                return None
            if self.is_sym("^"):
                self.p += 1
                inner = self.parse_exponent()
                return None if inner is None else ("pow", base, inner)
            return base
        finally:
            self.nesting -= 1

    def parse_postfix(self):
        value = self.parse_primary()
        if value is None:
            return None
        while True:
            kind = self.cur()
            if kind is None:
                return value
            if kind == ("sym", "!"):
                if self.tok(1) == ("sym", "="):
                    return value
                self.p += 1
                value = ("fact", value)
            elif kind == ("sym", "%"):
                self.p += 1
                value = ("pct", value)
            elif kind == ("cmd", "deg") or kind == ("sym", "'"):
                self.p += 1
            else:
                return value

    # Atoms

    def parse_primary(self):
        self.nesting += 1
        try:
            kind = self.cur()
            if self.nesting >= _MAX_NESTING or kind is None:
                return None
            tag = kind[0]
            if tag == "num":
                self.p += 1
                if kind[2] and self.is_sym("_"):
                    return self.parse_base_subscript(kind[1])
                return ("num", kind[1])
            if tag == "real":
                self.p += 1
                return ("real", kind[1])
            if tag == "letter":
                self.p += 1
                name = kind[1]
                if self.is_sym("_"):
                    self.p += 1
                    sub = self.parse_subscript_name()
                    if sub is None:
                        return None
                    return ("var", name + "_" + sub)
                return ("const", "e") if name == "e" else ("var", name)
            if tag == "word":
                if kind[2]:
                    return None
                self.p += 1
                product = None
                for ch in kind[1]:
                    factor = ("var", ch)
                    product = factor if product is None else ("mul", product, factor)
                return product
            if tag == "const":
                self.p += 1
                return ("const", kind[1])
            if kind == ("cmd", "frac"):
                self.p += 1
                numerator = self.parse_argument()
                if numerator is None:
                    return None
                denominator = self.parse_argument()
                if denominator is None:
                    return None
                return ("div", numerator, denominator)
            if kind == ("cmd", "sqrt"):
                self.p += 1
                index = ("num", _Q(2, 1))
                if self.expect("["):
                    given = self.parse_expression()
                    if given is None or not self.expect("]"):
                        return None
                    index = given
                radicand = self.parse_argument()
                return None if radicand is None else ("root", index, radicand)
            if tag == "fn":
                self.p += 1
                return self.parse_function(kind[1])
            if kind in (("sym", "("), ("sym", "[")):
                return self.parse_group()
            if kind == ("sym", "{"):
                self.p += 1
                inner = self.parse_list()
                if inner is None or not self.expect("}"):
                    return None
                return inner
            if kind == ("sym", "|"):
                self.p += 1
                inner = self.parse_expression()
                if inner is None or not self.expect("|"):
                    return None
                return ("fn", "abs", inner)
            if kind == ("cmd", "setopen"):
                self.p += 1
                if self.is_cmd("setclose"):
                    self.p += 1
                    return ("set", ())
                items = self.parse_items()
                if items is None or not self.is_cmd("setclose"):
                    return None
                self.p += 1
                return ("set", tuple(items))
            if kind == ("cmd", "empty"):
                self.p += 1
                return ("set", ())
            if tag == "begin":
                self.p += 1
                return self.parse_matrix(kind[1])
            return None
        finally:
            self.nesting -= 1

    def parse_argument(self):
        if self.expect("{"):
            inner = self.parse_list()
            if inner is None or not self.expect("}"):
                return None
            return inner
        return self.parse_primary()

    def parse_function(self, function):
        exponent = None
        base = None
        while True:
            if self.expect("^"):
                given = self.parse_exponent()
                if given is None:
                    return None
                exponent = given
            elif self.expect("_"):
                given = self.parse_primary()
                if given is None:
                    return None
                base = given
            else:
                break
        argument = self.parse_primary() if self.is_sym("(") else self.parse_power()
        if argument is None:
            return None
        result = ("fn", function, argument)
        if base is not None:
            result = ("div", ("fn", "ln", argument), ("fn", "ln", base))
        if exponent is not None:
            result = ("pow", result, exponent)
        return result

    def parse_group(self):
        opens_closed = self.is_sym("[")
        self.p += 1
        items = self.parse_items()
        if items is None:
            return None
        if self.is_sym(")"):
            closes_closed = False
        elif self.is_sym("]"):
            closes_closed = True
        else:
            return None
        self.p += 1
        if len(items) == 1:
            return items[0] if opens_closed == closes_closed else None
        if len(items) == 2 and (opens_closed or closes_closed):
            return ("interval", items[0], items[1], opens_closed, closes_closed)
        return ("tuple", tuple(items)) if opens_closed == closes_closed else None

    def parse_base_subscript(self, digits):
        self.p += 1
        braced = self.expect("{")
        kind = self.cur()
        if not _is_plain_number(kind):
            return None
        self.p += 1
        if braced and not self.expect("}"):
            return None
        base = kind[1].n
        if not (2 <= base <= 36 and digits.is_integer() and digits.n >= 0):
            return None
        remaining = digits.n
        value = 0
        place = 1
        while remaining > 0:
            digit = remaining % 10
            if digit >= base:
                return None
            term = digit * place
            if not _fits(term) or not _fits(value + term):
                return None
            value += term
            remaining //= 10
            if remaining > 0:
                place *= base
                if not _fits(place):
                    return None
        return ("num", _Q.integer(value))

    def parse_subscript_name(self):
        braced = self.expect("{")
        name = ""
        while True:
            kind = self.cur()
            if kind is None:
                return None
            if kind[0] == "num":
                name += kind[1].description()
            elif kind[0] in ("letter", "word"):
                name += kind[1]
            else:
                return None
            self.p += 1
            if not (braced and not self.is_sym("}")):
                break
        if braced:
            self.p += 1
        return name

    def parse_matrix(self, environment):
        if environment not in _MATRIX_ENVIRONMENTS:
            return None
        rows = []
        row = []
        while True:
            cell = self.parse_expression()
            if cell is None:
                return None
            row.append(cell)
            if self.expect("&"):
                continue
            if self.is_cmd("rowbreak"):
                self.p += 1
                rows.append(tuple(row))
                row = []
                kind = self.cur()
                if kind is not None and kind[0] == "end":
                    break
                continue
            kind = self.cur()
            if kind is not None and kind == ("end", environment):
                rows.append(tuple(row))
                row = []
                break
            return None
        if self.cur() != ("end", environment):
            return None
        self.p += 1
        if not rows or any(len(r) != len(rows[0]) for r in rows):
            return None
        return ("matrix", tuple(rows))


def _kind_is(kind, tag):
    return kind is not None and kind[0] == tag


def _starts_implicit_factor(kind):
    tag = kind[0]
    if tag in ("letter", "word", "const", "fn"):
        return True
    if kind in (("cmd", "frac"), ("cmd", "sqrt")):
        return True
    return kind in (("sym", "("), ("sym", "{"))


# ---------------------------------------------------------------------------------------------
# Trees: evaluation, variables, ±
# ---------------------------------------------------------------------------------------------

_BINARY = frozenset(["add", "sub", "mul", "div", "pow", "pm"])
_UNARY = frozenset(["neg", "fact", "pct"])


def _is_scalar(tree):
    tag = tree[0]
    if tag in ("num", "real", "const", "var"):
        return True
    if tag in _BINARY or tag == "root":
        return _is_scalar(tree[1]) and _is_scalar(tree[2])
    if tag in _UNARY:
        return _is_scalar(tree[1])
    if tag == "fn":
        return _is_scalar(tree[2])
    return False


def _contains_pm(tree):
    tag = tree[0]
    if tag == "pm":
        return True
    if tag in ("add", "sub", "mul", "div", "pow", "root"):
        return _contains_pm(tree[1]) or _contains_pm(tree[2])
    if tag in _UNARY:
        return _contains_pm(tree[1])
    if tag == "fn":
        return _contains_pm(tree[2])
    return False


def _expand_pm(tree):
    tag = tree[0]
    if tag == "pm":
        result = []
        for left in _expand_pm(tree[1]):
            for right in _expand_pm(tree[2]):
                if left[0] == "num" and left[1] == _Q(0, 1):
                    result.append(right)
                    result.append(("neg", right))
                else:
                    result.append(("add", left, right))
                    result.append(("sub", left, right))
        return result[:16]
    if tag in ("add", "sub", "mul", "div", "pow", "root"):
        lefts = _expand_pm(tree[1])
        rights = _expand_pm(tree[2])
        if len(lefts) == 1 and len(rights) == 1:
            return [(tag, lefts[0], rights[0])]
        result = [(tag, left, right) for left in lefts for right in rights]
        return result[:16]
    if tag == "neg":
        return [("neg", e) for e in _expand_pm(tree[1])]
    if tag == "fn":
        return [("fn", tree[1], e) for e in _expand_pm(tree[2])]
    return [tree]


def _collect_variables(tree, names):
    tag = tree[0]
    if tag == "var":
        names.add(tree[1])
    elif tag in _BINARY or tag == "root":
        _collect_variables(tree[1], names)
        _collect_variables(tree[2], names)
    elif tag == "rel":
        _collect_variables(tree[2], names)
        _collect_variables(tree[3], names)
    elif tag == "interval":
        _collect_variables(tree[1], names)
        _collect_variables(tree[2], names)
    elif tag in _UNARY:
        _collect_variables(tree[1], names)
    elif tag == "fn":
        _collect_variables(tree[2], names)
    elif tag in ("tuple", "set", "list", "union"):
        for item in tree[1]:
            _collect_variables(item, names)
    elif tag == "matrix":
        for row in tree[1]:
            for cell in row:
                _collect_variables(cell, names)


_EXACT_100 = ("q", _Q(100, 1))


def _evaluate(tree, env=None):
    tag = tree[0]
    if tag == "num":
        return ("q", tree[1])
    if tag == "real":
        return ("f", tree[1])
    if tag == "const":
        if tree[1] == "pi":
            return ("f", math.pi)
        if tree[1] == "e":
            return ("f", math.e)
        return ("f", math.inf)
    if tag == "var":
        return None if env is None else env.get(tree[1])
    if tag in ("add", "sub", "mul", "div", "pow"):
        x = _evaluate(tree[1], env)
        if x is None:
            return None
        y = _evaluate(tree[2], env)
        if y is None:
            return None
        if tag == "add":
            return _nv_add(x, y)
        if tag == "sub":
            return _nv_sub(x, y)
        if tag == "mul":
            return _nv_mul(x, y)
        if tag == "div":
            return _nv_div(x, y)
        return _nv_pow(x, y)
    if tag == "neg":
        x = _evaluate(tree[1], env)
        return None if x is None else _nv_neg(x)
    if tag == "root":
        n = _evaluate(tree[1], env)
        if n is None:
            return None
        x = _evaluate(tree[2], env)
        if x is None:
            return None
        return _nv_root(x, n)
    if tag == "fact":
        x = _evaluate(tree[1], env)
        return None if x is None else _nv_factorial(x)
    if tag == "pct":
        x = _evaluate(tree[1], env)
        return None if x is None else _nv_div(x, _EXACT_100)
    if tag == "fn":
        x = _evaluate(tree[2], env)
        return None if x is None else _apply(tree[1], x)
    return None


def _apply(function, value):
    if function == "abs":
        if value[0] == "q":
            r = value[1]
            return ("q", r.negated() if r.n < 0 else r)
        return ("f", abs(value[1]))
    x = _dbl(value)
    if x == 0:
        if function in ("sin", "tan", "arcsin", "arctan", "sinh", "tanh"):
            return ("q", _Q(0, 1))
        if function in ("cos", "cosh", "exp", "sec"):
            return ("q", _Q(1, 1))
    if x == 1 and function in ("ln", "log"):
        return ("q", _Q(0, 1))
    try:
        if function == "sin":
            result = math.sin(x)
        elif function == "cos":
            result = math.cos(x)
        elif function == "tan":
            result = math.tan(x)
        elif function == "cot":
            result = 1 / math.tan(x)
        elif function == "sec":
            result = 1 / math.cos(x)
        elif function == "csc":
            result = 1 / math.sin(x)
        elif function == "arcsin":
            result = math.asin(x)
        elif function == "arccos":
            result = math.acos(x)
        elif function == "arctan":
            result = math.atan(x)
        elif function == "sinh":
            result = math.sinh(x)
        elif function == "cosh":
            result = math.cosh(x)
        elif function == "tanh":
            result = math.tanh(x)
        elif function == "ln":
            result = math.log(x) if x > 0 else math.nan
        elif function == "log":
            result = math.log10(x) if x > 0 else math.nan
        elif function == "exp":
            result = math.exp(x)
        else:
            return None
    except (ValueError, OverflowError, ZeroDivisionError):
        return None
    if not math.isfinite(result):
        return None
    return ("f", result)


# ---------------------------------------------------------------------------------------------
# Answers (AnswerParser.swift, ParsedAnswer.swift). Values are tuples:
#   ("expr", term) ("eq", lhs, rhs) ("rel", op, lhs, rhs) ("tuple"|"set"|"list", values)
#   ("interval", interval) ("union", intervals) ("matrix", rows of terms) ("choice", letter) ("text", text)
# with interval = (lower term, upper term, lower closed, upper closed).
# ---------------------------------------------------------------------------------------------


class _Term(object):
    """An expression with its free variables (sorted) and its value when it has none."""

    __slots__ = ("expression", "variables", "value")

    def __init__(self, expression):
        self.expression = expression
        names = set()
        _collect_variables(expression, names)
        self.variables = sorted(names)
        self.value = _evaluate(expression) if not names else None

    def is_variable(self):
        return self.expression[0] == "var"


def _interval(lower, upper, lower_closed, upper_closed):
    if not (_is_scalar(lower) and _is_scalar(upper)):
        return None
    return (_Term(lower), _Term(upper), lower_closed, upper_closed)


_FLIPPED = {"<": ">", "<=": ">=", ">": "<", ">=": "<="}


def _bound(relation, lhs, rhs):
    variable, limit = lhs, rhs
    if not lhs.is_variable() and rhs.is_variable():
        variable, limit = rhs, lhs
        relation = _FLIPPED.get(relation, relation)
    if not (variable.is_variable() and not limit.variables):
        return ("rel", relation, lhs, rhs)
    if relation in ("<", "<="):
        return ("interval", (_Term(("neg", ("const", "inf"))), limit, False, relation == "<="))
    if relation in (">", ">="):
        return ("interval", (limit, _Term(("const", "inf")), relation == ">=", False))
    return ("rel", relation, lhs, rhs)


def _values(items):
    result = []
    for item in items:
        inner = item[1] if item[0] == "pct" else item
        value = _value_of(inner)
        if value is None:
            return None
        result.append(value)
    return result


def _value_of(tree):
    tag = tree[0]
    if tag in ("list", "set", "tuple"):
        values = _values(tree[1])
        return None if values is None else (tag, values)
    if tag == "interval":
        piece = _interval(tree[1], tree[2], tree[3], tree[4])
        return None if piece is None else ("interval", piece)
    if tag == "union":
        intervals = []
        for part in tree[1]:
            if part[0] == "interval":
                piece = _interval(part[1], part[2], part[3], part[4])
            elif part[0] == "tuple" and len(part[1]) == 2:
                piece = _interval(part[1][0], part[1][1], False, False)
            else:
                return None
            if piece is None:
                return None
            intervals.append(piece)
        return ("union", intervals)
    if tag == "matrix":
        cells = []
        for row in tree[1]:
            if not all(_is_scalar(cell) for cell in row):
                return None
            cells.append([_Term(cell) for cell in row])
        return ("matrix", cells)
    if tag == "rel":
        relation, lhs, rhs = tree[1], tree[2], tree[3]
        if relation == "in":
            return _value_of(rhs)
        if relation == "=":
            if lhs[0] == "var" and not _is_scalar(rhs):
                return _value_of(rhs)
            if not (_is_scalar(lhs) and _is_scalar(rhs)):
                return None
            sides = _expand_pm(rhs)
            if len(sides) > 1:
                return ("list", [("eq", _Term(lhs), _Term(side)) for side in sides])
            return ("eq", _Term(lhs), _Term(rhs))
        if not (_is_scalar(lhs) and _is_scalar(rhs)):
            return None
        return _bound(relation, _Term(lhs), _Term(rhs))
    if not _is_scalar(tree):
        return None
    if _contains_pm(tree):
        return ("list", [("expr", _Term(e)) for e in _expand_pm(tree)])
    return ("expr", _Term(tree))


def _strip_delimiters(b):
    body = _trimmed(b)
    while True:
        start, end = 0, len(body)
        if end >= 2 and body[0] == _DOLLAR and body[end - 1] == _DOLLAR:
            start, end = 1, end - 1
        elif (end >= 4 and body[0] == _BS and body[end - 2] == _BS
              and ((body[1] == 0x5B and body[end - 1] == 0x5D) or (body[1] == 0x28 and body[end - 1] == 0x29))):
            start, end = 2, end - 2
        elif end >= 1 and body[end - 1] in (0x2E, _DOLLAR):
            end -= 1
        elif end >= 1 and body[0] == _DOLLAR:
            start = 1
        else:
            return body
        body = _trimmed(body[start:end])


_WRAPPER_NAMES = frozenset(
    [b"text", b"textbf", b"textrm", b"textit", b"textnormal", b"mbox", b"mathrm", b"mathbf", b"boxed", b"fbox",
     b"textsf", b"texttt", b"mathit"]
)


def _unwrapped(b):
    body = b
    while len(body) >= 2:
        start = 0
        if body[0] == _BS:
            k = 1
            while k < len(body) and _is_letter(body[k]):
                k += 1
            if body[1:k] not in _WRAPPER_NAMES or k >= len(body) or body[k] != _LBRACE:
                return body
            start = k
        elif body[0] == 0x2A and body[1] == 0x2A and len(body) >= 4 and body[-1] == 0x2A and body[-2] == 0x2A:
            body = _trimmed(body[2:len(body) - 2])
            continue
        elif body[0] != _LBRACE:
            return body
        if body[-1] != _RBRACE or _closing_brace(body, start) != len(body) - 1:
            return body
        body = _trimmed(body[start + 1:len(body) - 1])
    return body


def _choice_letter(b):
    body = _unwrapped(b)

    def is_choice(c):
        return 0x41 <= c <= 0x4A

    n = len(body)
    if n == 1 and is_choice(body[0]):
        return chr(body[0])
    if n == 2 and is_choice(body[0]) and body[1] in (0x29, 0x2E):
        return chr(body[0])
    if n >= 3 and body[0] == 0x28 and is_choice(body[1]) and body[2] == 0x29:
        return chr(body[1]) if n == 3 or body[3] == 0x20 else None
    if n >= 3 and is_choice(body[0]) and body[1] == 0x29 and body[2] == 0x20:
        return chr(body[0])
    return None


_MATH_WORDS = frozenset(
    ["pi", "infinity", "inf", "infty", "sqrt", "sin", "cos", "tan", "cot", "sec", "csc", "log", "exp", "arcsin",
     "arccos", "arctan", "sinh", "cosh", "tanh", "and"]
)
_TEXT_PUNCTUATION = frozenset(b" \t\n'-.,!?\":;")


def _is_text_word(body, start, end):
    length = end - start
    if length == 2:
        return _lower(body[start]) == 0x6E and _lower(body[start + 1]) == 0x6F and len(body) == 2
    if length < 3:
        return False
    return _to_text(body[start:end]) not in _MATH_WORDS


def _text_answer(b):
    body = _unwrapped(b)
    run = 0
    run_start = 0
    has_text_word = False
    for k, c in enumerate(body):
        if _is_letter(c) or c >= 0xC0:
            if run == 0:
                run_start = k
            run += 1
            continue
        if c >= 0x80:
            continue
        if run > 0:
            has_text_word = has_text_word or _is_text_word(body, run_start, k)
            run = 0
        if c in _TEXT_PUNCTUATION:
            continue
        return None
    if run > 0:
        has_text_word = has_text_word or _is_text_word(body, run_start, len(body))
    if not has_text_word:
        return None
    out = bytearray()
    pending_space = False
    for c in body:
        if _is_space(c):
            pending_space = len(out) > 0
            continue
        if pending_space:
            out.append(0x20)
        pending_space = False
        out.append(_lower(c))
    while out and out[-1] in (0x2E, 0x21, 0x22, 0x2C):
        out.pop()
    while out and out[0] == 0x22:
        del out[0]
    return unicodedata.normalize("NFC", _to_text(out))


def _parse_bytes(b):
    body = _strip_delimiters(b)
    if not body:
        return None
    letter = _choice_letter(body)
    if letter is not None:
        return (("choice", letter), False)
    text = _text_answer(body)
    if text is not None:
        return (("text", text), False)
    tokens = _Lexer(body).run()
    if tokens is None:
        return None
    tree = _Parser(tokens).parse()
    if tree is None:
        return None
    if tree[0] == "pct":
        value = _value_of(tree[1])
        return None if value is None else (value, True)
    value = _value_of(tree)
    return None if value is None else (value, False)


def _with_deep_recursion(function, *args):
    """Runs `function`, retrying once with a higher recursion limit for deeply nested answers."""
    try:
        return function(*args)
    except RecursionError:
        old = sys.getrecursionlimit()
        try:
            sys.setrecursionlimit(max(old, 20000))
            return function(*args)
        finally:
            sys.setrecursionlimit(old)


def _parse(text):
    """The parsed answer ((value, is_percentage)), or None when `text` is unparseable."""
    return _with_deep_recursion(_parse_bytes, _to_bytes(text))


# ---------------------------------------------------------------------------------------------
# Equivalence (AnswerEquivalence.swift)
# ---------------------------------------------------------------------------------------------

_SAMPLE_POINTS = [
    _Q(3, 7), _Q(11, 5), _Q(-5, 3), _Q(13, 4), _Q(7, 9), _Q(-17, 6), _Q(19, 11), _Q(5, 2),
    _Q(-2, 9), _Q(23, 7), _Q(9, 13), _Q(-7, 4), _Q(29, 10), _Q(4, 15), _Q(-31, 12), _Q(37, 8),
]
_POINT_COUNT = 6


def _terms_equal(x, y):
    if not x.variables and not y.variables:
        if x.value is not None and y.value is not None:
            return _numbers_equal(x.value, y.value)
        return x.expression == y.expression
    names = list(x.variables)
    for name in y.variables:
        if name not in names:
            names.append(name)
    agreed = 0
    for point in range(_POINT_COUNT):
        env = {}
        for k, name in enumerate(names):
            env[name] = ("q", _SAMPLE_POINTS[(point * 5 + k * 3) % 16])
        a = _evaluate(x.expression, env)
        if a is None:
            continue
        b = _evaluate(y.expression, env)
        if b is None:
            continue
        if not _numbers_equal(a, b):
            return False
        agreed += 1
    return agreed >= 2 or x.expression == y.expression


def _intervals_equal(i, j):
    return i[2] == j[2] and i[3] == j[3] and _terms_equal(i[0], j[0]) and _terms_equal(i[1], j[1])


def _ordered_equal(xs, ys):
    if len(xs) != len(ys):
        return False
    return all(_values_equal(x, y) for x, y in zip(xs, ys))


def _unordered_equal(xs, ys):
    if len(xs) != len(ys):
        return False
    used = [False] * len(ys)
    for x in xs:
        for k, y in enumerate(ys):
            if not used[k] and _values_equal(x, y):
                used[k] = True
                break
        else:
            return False
    return True


def _values_equal(a, b):
    ta, tb = a[0], b[0]
    if ta == "expr" and tb == "expr":
        return _terms_equal(a[1], b[1])
    if (ta == "choice" and tb == "choice") or (ta == "text" and tb == "text"):
        return a[1] == b[1]
    if ta == "eq" and tb == "eq":
        l1, r1, l2, r2 = a[1], a[2], b[1], b[2]
        if l1.is_variable() and l2.is_variable():
            return _terms_equal(r1, r2)
        if _terms_equal(l1, l2) and _terms_equal(r1, r2):
            return True
        if _terms_equal(l1, r2) and _terms_equal(r1, l2):
            return True
        d1 = _Term(("sub", l1.expression, r1.expression))
        d2 = _Term(("sub", l2.expression, r2.expression))
        return _terms_equal(d1, d2) or _terms_equal(d1, _Term(("neg", d2.expression)))
    if ta == "eq" or tb == "eq":
        equation, other = (a, b) if ta == "eq" else (b, a)
        lhs, rhs = equation[1], equation[2]
        if lhs.is_variable():
            return _values_equal(("expr", rhs), other)
        if rhs.is_variable():
            return _values_equal(("expr", lhs), other)
        return False
    if ta == "rel" and tb == "rel":
        return a[1] == b[1] and _terms_equal(a[2], b[2]) and _terms_equal(a[3], b[3])
    if (ta, tb) in (("tuple", "tuple"), ("list", "tuple"), ("tuple", "list")):
        return _ordered_equal(a[1], b[1])
    if (ta, tb) in (("set", "set"), ("set", "list"), ("list", "set"), ("list", "list")):
        return _unordered_equal(a[1], b[1])
    if ta == "set" and len(a[1]) == 1:
        return _values_equal(a[1][0], b)
    if tb == "set" and len(b[1]) == 1:
        return _values_equal(b[1][0], a)
    if ta == "interval" and tb == "interval":
        return _intervals_equal(a[1], b[1])
    if (ta == "tuple" and tb == "interval" and len(a[1]) == 2) or (ta == "interval" and tb == "tuple" and len(b[1]) == 2):
        ends, i = (a[1], b[1]) if ta == "tuple" else (b[1], a[1])
        if i[2] or i[3] or ends[0][0] != "expr" or ends[1][0] != "expr":
            return False
        return _terms_equal(ends[0][1], i[0]) and _terms_equal(ends[1][1], i[1])
    if ta == "union" and tb == "union":
        return _unordered_equal([("interval", i) for i in a[1]], [("interval", i) for i in b[1]])
    if ta == "union" and len(a[1]) == 1:
        return _values_equal(("interval", a[1][0]), b)
    if tb == "union" and len(b[1]) == 1:
        return _values_equal(("interval", b[1][0]), a)
    if ta == "matrix" and tb == "matrix":
        m, n = a[1], b[1]
        if len(m) != len(n):
            return False
        for row_m, row_n in zip(m, n):
            if len(row_m) != len(row_n):
                return False
            for x, y in zip(row_m, row_n):
                if not _terms_equal(x, y):
                    return False
        return True
    if (ta == "matrix" and tb == "tuple") or (ta == "tuple" and tb == "matrix"):
        m, xs = (a[1], b[1]) if ta == "matrix" else (b[1], a[1])
        if len(m) == 1:
            cells = m[0]
        elif all(len(row) == 1 for row in m):
            cells = [row[0] for row in m]
        else:
            cells = []
        if not cells:
            return False
        return _ordered_equal([("expr", c) for c in cells], xs)
    return False


def _percent_scaled(value):
    hundred = ("num", _Q(100, 1))
    if value[0] == "expr":
        return ("expr", _Term(("div", value[1].expression, hundred)))
    if value[0] == "eq":
        return ("eq", value[1], _Term(("div", value[2].expression, hundred)))
    return None


def _answers_equivalent(a, b):
    if _values_equal(a[0], b[0]):
        return True
    if a[1] == b[1]:
        return False
    percentage, other = (a, b) if a[1] else (b, a)
    scaled = _percent_scaled(percentage[0])
    if scaled is None:
        return False
    return _values_equal(scaled, other[0])


def _matches(answer, text, gold_text):
    """Whether parsed `answer` (written as `text`) is the gold; a gold that does not parse compares by text."""
    gold = _parse(gold_text)
    if gold is None:
        return _collapsed(text) == _collapsed(gold_text)
    return _with_deep_recursion(_answers_equivalent, answer, gold)


def is_equivalent(answer, gold):
    """Whether the answer text `answer` is the gold answer `gold` (False when `answer` is unparseable)."""
    answer, gold = str(answer), str(gold)
    try:
        parsed = _parse(answer)
        if parsed is None:
            return False
        return _matches(parsed, answer, gold)
    except Exception:  # a grader error must never stop a training run: fall back to the text
        return _collapsed(answer) == _collapsed(gold)


# ---------------------------------------------------------------------------------------------
# Reward
# ---------------------------------------------------------------------------------------------


def _preset(name):
    if name not in PRESETS:
        raise ValueError("unknown reward preset %r (presets: %s)" % (name, ", ".join(PRESETS)))
    return PRESETS[name]


def grade(solution_str, ground_truth, answer_format=DEFAULT_FORMAT):
    """``(extracted, formatted, correct)`` for one response, as Swift's RewardFunction.Outcome."""
    if not isinstance(ground_truth, str):
        ground_truth = "" if ground_truth is None else str(ground_truth)
    extracted = extract(solution_str, answer_format)
    if extracted is None:
        return None, False, False
    return extracted, True, is_equivalent(extracted, ground_truth)


def score(solution_str, ground_truth, preset=DEFAULT_PRESET, answer_format=DEFAULT_FORMAT):
    """The reward for `solution_str` against `ground_truth`."""
    correct_reward, formatted_reward, unformatted_reward = _preset(preset)
    _, formatted, correct = grade(solution_str, ground_truth, answer_format)
    if not formatted:
        return unformatted_reward
    return correct_reward if correct else formatted_reward


def _options(extra_info):
    preset, answer_format = DEFAULT_PRESET, DEFAULT_FORMAT
    if isinstance(extra_info, dict):
        preset = extra_info.get("reward_preset") or preset
        answer_format = extra_info.get("answer_format") or answer_format
    return preset, answer_format


def compute_score(data_source, solution_str, ground_truth, extra_info=None, **kwargs):
    """verl's custom reward function (``custom_reward_function.name=compute_score``).

    ``extra_info["reward_preset"]`` and ``extra_info["answer_format"]`` override the module defaults.
    """
    preset, answer_format = _options(extra_info)
    return float(score(solution_str, ground_truth, preset, answer_format))


def _completion_text(completion):
    """A TRL completion's text: a string, or (conversational) the last message's content."""
    if isinstance(completion, str):
        return completion
    if isinstance(completion, dict):
        content = completion.get("content", "")
    elif isinstance(completion, (list, tuple)):
        if not completion:
            return ""
        last = completion[-1]
        content = last.get("content", "") if isinstance(last, dict) else last
    else:
        content = completion
    if isinstance(content, (list, tuple)):  # multimodal content parts
        return "".join(part.get("text", "") if isinstance(part, dict) else str(part) for part in content)
    return "" if content is None else str(content)


def _per_row(value, index, default):
    if value is None:
        return default
    if isinstance(value, (list, tuple)):
        item = value[index] if index < len(value) else None
        return default if item is None else item
    return value


def trl_reward_func(completions, ground_truth=None, **kwargs):
    """TRL GRPOTrainer reward function: one float per completion.

    TRL passes the dataset's columns as keyword arguments: ``ground_truth`` (or, failing that,
    ``answer``/``solution``/``label``) holds the gold answers; optional ``reward_preset`` and
    ``answer_format`` columns (or scalars) override the module defaults per row.
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
    rewards = []
    for index, completion in enumerate(completions):
        preset = _per_row(kwargs.get("reward_preset"), index, DEFAULT_PRESET)
        answer_format = _per_row(kwargs.get("answer_format"), index, DEFAULT_FORMAT)
        rewards.append(float(score(_completion_text(completion), ground_truth[index], preset, answer_format)))
    return rewards


_END_TOKENS = ("<|im_end|>", "<|endoftext|>", "<|end_of_text|>", "<|eot_id|>", "<|end|>", "</s>", "<pad>",
               "<|eos|>", "<\uff5cend\u2581of\u2581sentence\uff5c>")


def _openrlhf_response(query, prompt):
    """The response in an OpenRLHF query (prompt + response, decoded with special tokens)."""
    query = "" if query is None else str(query)
    prompt = "" if prompt is None else str(prompt)
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
    correctness (for dynamic filtering), and per-sample ``formatted``/``correct`` logs; torch tensors
    when torch is importable, lists otherwise. Optional ``reward_preset``/``answer_format`` keyword
    arguments (scalars or per-row lists) override the module defaults.
    """
    if labels is None:
        raise ValueError("chorus_reward: OpenRLHF passed no labels; set --label_key to the gold answer column")
    prompts = list(prompts) if prompts is not None else [""] * len(queries)
    rewards, scores, formatted_log, correct_log = [], [], [], []
    for index, query in enumerate(queries):
        prompt = prompts[index] if index < len(prompts) else ""
        preset = _per_row(kwargs.get("reward_preset"), index, DEFAULT_PRESET)
        answer_format = _per_row(kwargs.get("answer_format"), index, DEFAULT_FORMAT)
        correct_reward, formatted_reward, unformatted_reward = _preset(preset)
        _, formatted, correct = grade(_openrlhf_response(query, prompt), labels[index], answer_format)
        reward = (correct_reward if correct else formatted_reward) if formatted else unformatted_reward
        rewards.append(float(reward))
        scores.append(1.0 if correct else 0.0)
        formatted_log.append(1.0 if formatted else 0.0)
        correct_log.append(1.0 if correct else 0.0)
    try:
        import torch  # present wherever OpenRLHF runs
    except ImportError:
        torch = None
    if torch is not None:
        as_tensor = lambda values: torch.tensor(values, dtype=torch.float)  # noqa: E731
    else:
        as_tensor = list
    return {
        "rewards": as_tensor(rewards),
        "scores": as_tensor(scores),
        "extra_logs": {"formatted": as_tensor(formatted_log), "correct": as_tensor(correct_log)},
    }


def reward_func(*args, **kwargs):
    """TRL's ``reward_func(completions, ground_truth, **kwargs)`` -> list[float], and OpenRLHF's
    ``reward_func(queries, prompts, labels)`` -> dict, told apart by their arguments: OpenRLHF passes
    three positional lists (or ``queries=``); TRL passes keywords (``completions=``, ``prompts=``, ...).
    """
    if "queries" in kwargs or (len(args) >= 3 and "completions" not in kwargs):
        if args:
            names = ("queries", "prompts", "labels")
            kwargs.update(dict(zip(names, args)))
        return openrlhf_reward_func(kwargs.pop("queries"), kwargs.pop("prompts", None), kwargs.pop("labels", None),
                                    **kwargs)
    if args:
        kwargs.setdefault("completions", args[0])
        if len(args) > 1:
            kwargs.setdefault("ground_truth", args[1])
    completions = kwargs.pop("completions")
    return trl_reward_func(completions, **kwargs)


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


def _score_row(line, preset, answer_format):
    try:
        row = json.loads(line)
    except ValueError as error:
        return {"id": None, "error": "not valid JSON: %s" % error}
    if not isinstance(row, dict):
        return {"id": None, "error": "not a JSON object"}
    row_id = row.get("id")
    gold = row.get("gold")
    response = row.get("response")
    if not isinstance(gold, str):
        return {"id": row_id, "error": "missing field \"gold\"" if gold is None else "\"gold\" is not a string"}
    if not isinstance(response, str):
        return {"id": row_id,
                "error": "missing field \"response\"" if response is None else "\"response\" is not a string"}
    correct_reward, formatted_reward, unformatted_reward = _preset(preset)
    extracted, formatted, correct = grade(response, gold, answer_format)
    reward = (correct_reward if correct else formatted_reward) if formatted else unformatted_reward
    return {"id": row_id, "extracted": extracted, "formatted": formatted, "correct": correct, "reward": reward}


def _command_score(args):
    out = sys.stdout
    for _, line in _read_lines(args.file):
        out.write(json.dumps(_score_row(line, args.reward, args.format), ensure_ascii=False) + "\n")
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
    print("preflight: %s: %d rows checked, %d failed (preset %s, format %s)"
          % (status, checked, len(failures), args.reward, args.format))
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
    if args.command == "score":
        return _command_score(args)
    if args.command == "preflight":
        return _command_preflight(args)
    parser.print_help(sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
