"""Read CSV and JSONL files into rows, with errors that name file, line and column.

The standard library's ``csv`` module (strict mode) and ``json`` do the
parsing; this module only turns their failures into
:class:`~mediacompare.errors.CorpusFormatError` messages a person can act on.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from ..errors import CorpusFormatError
from .decode import NotText, decode_bytes

__all__ = ["read_csv_rows", "read_jsonl_rows", "read_text_file"]


def read_text_file(path: Path) -> tuple[str, tuple[str, ...]]:
    """Read and decode a metadata file (CSV/JSONL); binary input is a format error."""
    try:
        decoded = decode_bytes(path.read_bytes())
    except NotText as exc:
        raise CorpusFormatError(f"expected a text file, found {exc}", path=path) from None
    return decoded.text, decoded.warnings


def _quote_problem_column(line: str) -> int | None:
    """1-based position of a double quote that strict CSV rejects, if one can be found."""
    in_quotes = False
    field_start = True
    i = 0
    while i < len(line):
        ch = line[i]
        if in_quotes:
            if ch == '"':
                if i + 1 < len(line) and line[i + 1] == '"':
                    i += 2
                    continue
                in_quotes = False
                if i + 1 < len(line) and line[i + 1] not in ",\r\n":
                    return i + 2  # the character after the closing quote
        elif ch == '"':
            if not field_start:
                return i + 1
            in_quotes = True
        field_start = ch == "," and not in_quotes
        i += 1
    return None


def read_csv_rows(path: Path) -> tuple[list[str], list[tuple[int, dict[str, str]]], tuple[str, ...]]:
    """Return the header, ``(line, row)`` pairs and decoding warnings of a CSV file.

    Every row must have as many fields as the header; blank lines are ignored.
    """
    text, warnings = read_text_file(path)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    rows: list[tuple[int, dict[str, str]]] = []
    header: list[str] | None = None
    last_end = 0
    try:
        for record in reader:
            start = last_end + 1
            last_end = reader.line_num
            if not any(cell.strip() for cell in record):
                continue
            if header is None:
                header = [h.strip() for h in record]
                _check_header(header, path)
                continue
            if len(record) != len(header):
                if len(record) < len(header):
                    missing = header[len(record)]
                    raise CorpusFormatError(
                        f"expected {len(header)} fields ({', '.join(header)}), found {len(record)}; "
                        "the row ends early (a missing comma, or an unquoted line break?)",
                        path=path, line=start, column=missing)
                raise CorpusFormatError(
                    f"expected {len(header)} fields ({', '.join(header)}), found {len(record)}; "
                    "quote fields that contain commas", path=path, line=start,
                    column=_extra_field_column(text, start, len(header)))
            rows.append((start, dict(zip(header, record))))
    except csv.Error as exc:
        start = last_end + 1
        lines = text.split("\n")
        if "unexpected end of data" in str(exc) or "EOF" in str(exc):
            first = lines[start - 1] if start - 1 < len(lines) else ""
            column = first.find('"') + 1 or None
            raise CorpusFormatError(
                "a quoted field is never closed: expected a closing '\"' before the end of the file",
                path=path, line=start, column=column) from None
        line_no = reader.line_num
        bad = lines[line_no - 1] if 0 < line_no <= len(lines) else ""
        raise CorpusFormatError(f"not valid CSV: {exc}", path=path, line=line_no,
                                column=_quote_problem_column(bad)) from None
    if header is None:
        raise CorpusFormatError("empty file: expected a header row and at least one data row",
                                path=path, line=1)
    return header, rows, warnings


def _extra_field_column(text: str, line: int, n_fields: int) -> int | None:
    """1-based character column where the first surplus field starts, on a one-line row."""
    physical = text.split("\n")[line - 1]
    count, in_quotes = 0, False
    for i, ch in enumerate(physical):
        if ch == '"':
            in_quotes = not in_quotes
        elif ch == "," and not in_quotes:
            count += 1
            if count == n_fields:
                return i + 2
    return None


def _check_header(header: list[str], path: Path) -> None:
    seen: dict[str, int] = {}
    for i, name in enumerate(header, start=1):
        if not name:
            raise CorpusFormatError(f"header field {i} is empty; every column needs a name",
                                    path=path, line=1, column=i)
        if name in seen:
            raise CorpusFormatError(f"column name {name!r} appears twice in the header "
                                    f"(fields {seen[name]} and {i})", path=path, line=1, column=name)
        seen[name] = i


def read_jsonl_rows(path: Path) -> tuple[list[tuple[int, dict]], tuple[str, ...]]:
    """Return ``(line, object)`` pairs of a JSON Lines file; blank lines are ignored."""
    text, warnings = read_text_file(path)
    rows = []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as exc:
            raise CorpusFormatError(f"invalid JSON: {exc.msg}", path=path, line=number,
                                    column=exc.colno) from None
        if not isinstance(value, dict):
            raise CorpusFormatError(f"expected a JSON object (one article a line), found "
                                    f"{_json_kind(value)}", path=path, line=number, column=1)
        rows.append((number, value))
    if not rows:
        raise CorpusFormatError("empty file: expected one JSON object (one article) a line",
                                path=path, line=1)
    return rows, warnings


def _json_kind(value: object) -> str:
    return {list: "an array", str: "a string", bool: "a boolean", type(None): "null",
            int: "a number", float: "a number"}.get(type(value), type(value).__name__)

