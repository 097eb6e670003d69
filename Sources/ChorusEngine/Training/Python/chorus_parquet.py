#!/usr/bin/env python3
"""Converts Chorus's JSON Lines training rows to Parquet for verl.

    python3 chorus_parquet.py IN.jsonl OUT.parquet

Each non-blank line of IN.jsonl is one JSON object. Column types are inferred by pyarrow from all
rows, except `prompt`, the chat messages, which is always list<struct<role: string, content: string>>,
the shape verl's RLHFDataset reads. The file is written next to OUT first, read back and checked
(row count, columns), then moved into place; on success one line is printed:

    wrote N rows to OUT (columns: a, b, c)

A bad row stops the conversion with its line number; a missing pyarrow too. Exit status 1 either way
(2 for wrong arguments). Needs the standard library and pyarrow only.
"""

import json
import os
import sys

PROGRAM = "chorus_parquet"
MESSAGE_KEYS = ("role", "content")


class BadRow(Exception):
    """A row that cannot become a Parquet row, with the line it is on."""

    def __init__(self, line, reason):
        super().__init__(f"line {line}: {reason}")


def fail(message, status=1):
    print(f"{PROGRAM}: {message}", file=sys.stderr)
    sys.exit(status)


def check_prompt(prompt, line):
    """A prompt is a list of {role, content} objects whose two values are strings."""
    if prompt is None:
        return
    if not isinstance(prompt, list):
        raise BadRow(line, f"`prompt` must be a list of chat messages, not {type(prompt).__name__}")
    for index, message in enumerate(prompt):
        if not isinstance(message, dict):
            raise BadRow(line, f"`prompt[{index}]` must be an object with role and content")
        if sorted(message) != sorted(MESSAGE_KEYS):
            raise BadRow(line, f"`prompt[{index}]` must have exactly the keys role and content, not {sorted(message)}")
        for key in MESSAGE_KEYS:
            if not isinstance(message[key], str):
                raise BadRow(line, f"`prompt[{index}].{key}` must be a string")


def read_rows(path):
    """The rows of a JSON Lines file with the line each came from; blank lines are skipped."""
    rows, lines = [], []
    with open(path, encoding="utf-8") as handle:
        for number, text in enumerate(handle, start=1):
            if number == 1:
                text = text.lstrip("\ufeff")
            if not text.strip():
                continue
            try:
                row = json.loads(text)
            except json.JSONDecodeError as error:
                raise BadRow(number, f"not valid JSON ({error.msg} at character {error.pos + 1})") from None
            if not isinstance(row, dict):
                raise BadRow(number, f"not a JSON object but {type(row).__name__}")
            check_prompt(row.get("prompt"), number)
            rows.append(row)
            lines.append(number)
    return rows, lines


def columns_of(rows):
    """Every key of every row, in the order they first appear."""
    seen = {}
    for row in rows:
        for key in row:
            seen.setdefault(key, None)
    return list(seen)


def find_bad_value(pa, rows, lines, columns):
    """The first row whose value in some column does not fit that column's type, as a BadRow."""
    for column in columns:
        values = [row.get(column) for row in rows]
        try:
            pa.array(values)
            continue
        except (pa.ArrowInvalid, pa.ArrowTypeError, pa.ArrowNotImplementedError, OverflowError):
            pass
        first = next((i for i, value in enumerate(values) if value is not None), None)
        if first is None:
            continue
        try:
            expected = pa.array([values[first]]).type
        except (pa.ArrowInvalid, pa.ArrowTypeError, pa.ArrowNotImplementedError, OverflowError) as error:
            return BadRow(lines[first], f"field `{column}`: {error}")
        for index in range(first + 1, len(values)):
            if values[index] is None:
                continue
            try:
                pa.array([values[index]], type=expected)
            except (pa.ArrowInvalid, pa.ArrowTypeError, pa.ArrowNotImplementedError, OverflowError) as error:
                return BadRow(
                    lines[index],
                    f"field `{column}` does not match line {lines[first]} ({expected}): {error}")
    return None


def build_table(pa, rows, lines):
    columns = columns_of(rows)
    full = [{column: row.get(column) for column in columns} for row in rows]
    message = pa.struct([pa.field(key, pa.string()) for key in MESSAGE_KEYS])
    try:
        inferred = pa.Table.from_pylist(full).schema
        fields = [
            pa.field(field.name, pa.list_(message)) if field.name == "prompt" else field
            for field in inferred
        ]
        return pa.Table.from_pylist(full, schema=pa.schema(fields))
    except (pa.ArrowInvalid, pa.ArrowTypeError, pa.ArrowNotImplementedError, OverflowError) as error:
        located = find_bad_value(pa, full, lines, columns)
        if located is not None:
            raise located from None
        fail(f"cannot build a table from the rows: {error}")


def main(argv):
    if len(argv) != 3:
        fail("usage: chorus_parquet.py IN.jsonl OUT.parquet", status=2)
    source, destination = argv[1], argv[2]
    try:
        rows, lines = read_rows(source)
    except OSError as error:
        fail(f"cannot read {source}: {error.strerror or error}")
    except UnicodeDecodeError:
        fail(f"{source} is not UTF-8 text")
    except BadRow as error:
        fail(f"{source}, {error}")
    if not rows:
        fail(f"{source} holds no rows")

    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        fail("pyarrow is not installed in this Python; run scripts/setup-train and use the Python it prints")

    try:
        table = build_table(pa, rows, lines)
    except BadRow as error:
        fail(f"{source}, {error}")

    partial = destination + ".partial"
    try:
        pq.write_table(table, partial)
        written = pq.read_table(partial)
        if written.num_rows != len(rows):
            fail(f"read back {written.num_rows} rows from {partial}, wrote {len(rows)}")
        missing = [name for name in table.column_names if name not in written.column_names]
        if missing:
            fail(f"read back {partial} without the columns {', '.join(missing)}")
        os.replace(partial, destination)
    except OSError as error:
        fail(f"cannot write {destination}: {error.strerror or error}")
    finally:
        if os.path.exists(partial):
            os.remove(partial)

    print(f"wrote {len(rows)} rows to {destination} (columns: {', '.join(table.column_names)})")


if __name__ == "__main__":
    main(sys.argv)
