"""Read CSV and JSONL files into rows, with errors that name file, line and column.

The standard library's ``csv`` module (strict mode) and ``json`` do the
parsing; this module only turns their failures into
:class:`~mediacompare.errors.CorpusFormatError` messages a person can act on.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Iterator

from ..errors import CorpusFormatError
from .decode import NotText, decode_bytes

__all__ = ["BadRow", "FileWarnings", "detect_delimiter", "parse_json_row", "read_csv_rows",
           "read_jsonl_rows", "read_text_file"]

#: The largest CSV field read (the csv module's default, 131,072 characters, would refuse a
#: whole file for one long article; an article over ``max_bytes`` is skipped on its own row).
CSV_FIELD_LIMIT = 1 << 30
#: JSON nested deeper than this in one row is refused for that row (a RecursionError otherwise).
JSON_MAX_DEPTH = 200


class FileWarnings(tuple):
    """The decoding warnings of a file, with ``encoding``: how it was decoded and why."""

    encoding: str = ""

    @classmethod
    def of(cls, warnings, encoding: str) -> "FileWarnings":
        made = cls(warnings)
        made.encoding = encoding
        return made


class BadRow:
    """A row that cannot be read (too deeply nested, ...): one skipped row with its reason."""

    def __init__(self, reason: str) -> None:
        self.reason = reason

    def get(self, key, default=None):
        return default


def read_text_file(path: Path) -> tuple[str, FileWarnings]:
    """Read and decode a metadata file (CSV/JSONL); binary input is a format error."""
    try:
        decoded = decode_bytes(path.read_bytes())
    except NotText as exc:
        raise CorpusFormatError(f"expected a text file, found {exc}", path=path) from None
    except OSError as exc:
        raise CorpusFormatError(f"cannot be read: {exc.strerror or exc}", path=path) from None
    return decoded.text, FileWarnings.of(decoded.warnings,
                                         f"{decoded.encoding} ({decoded.decided_by})")


def detect_delimiter(first_line: str) -> str:
    """``;`` or a tab when the header uses it and no comma, else ``,``.

    >>> detect_delimiter("file;outlet;date"), detect_delimiter("file,outlet"), detect_delimiter("a b")
    (';', ',', ',')
    """
    if "," in first_line:
        return ","
    for delimiter in (";", "\t", "|"):
        if delimiter in first_line:
            return delimiter
    return ","


def _delimiter_note(delimiter: str) -> tuple[str, ...]:
    name = {";": "semicolon", "\t": "tab", "|": "pipe"}.get(delimiter)
    return (f"{name}-separated: read with {delimiter!r} as the delimiter",) if name else ()


def _json_pairs(pairs):
    seen: dict = {}
    dupes = []
    for key, value in pairs:
        if key in seen:
            dupes.append(key)
        seen[key] = value
    if dupes:
        seen[_DUPES] = dupes
    return seen


_DUPES = object()


class _Row(dict):
    warnings: tuple = ()


def _depth_ok(line: str) -> bool:
    depth = 0
    in_string = escape = False
    for ch in line:
        if in_string:
            if escape:
                escape = False
            elif ch == "\\":
                escape = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
            if depth > JSON_MAX_DEPTH:
                return False
        elif ch in "]}":
            depth -= 1
    return True


def parse_json_row(line: str, path, number: int):
    """One JSONL line as a row dict (with ``warnings``), a :class:`BadRow`, or a format error."""
    if ("[" * 50 in line or "{" * 50 in line or line.count("[") + line.count("{") > JSON_MAX_DEPTH) \
            and not _depth_ok(line):
        return BadRow(f"JSON nested more than {JSON_MAX_DEPTH} levels deep: not read")
    notes: list[str] = []

    def big_int(digits: str):
        if len(digits.lstrip("-")) > 100:
            notes.append(f"a number of {len(digits):,} digits kept as text")
            return digits
        return int(digits)

    try:
        value = json.loads(line, object_pairs_hook=_json_pairs, parse_int=big_int)
    except json.JSONDecodeError as exc:
        raise CorpusFormatError(f"invalid JSON: {exc.msg}", path=path, line=number,
                                column=exc.colno) from None
    except RecursionError:
        return BadRow(f"JSON nested too deeply: not read")
    if not isinstance(value, dict):
        raise CorpusFormatError(f"expected a JSON object (one article a line), found "
                                f"{_json_kind(value)}", path=path, line=number, column=1)
    row = _Row((k, v) for k, v in value.items() if k is not _DUPES)
    dupes = value.get(_DUPES, [])
    notes.extend(f"key {k!r} appears more than once in the object: the last value is used"
                 for k in dict.fromkeys(dupes))
    row.warnings = tuple(notes)
    return row


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
    if csv.field_size_limit() < CSV_FIELD_LIMIT:
        csv.field_size_limit(CSV_FIELD_LIMIT)
    first = next((line for line in text.split("\n", 50)[:50] if line.strip()), "")
    delimiter = detect_delimiter(first)
    warnings = FileWarnings.of((*warnings, *_delimiter_note(delimiter)), warnings.encoding)
    reader = csv.reader(_lines(text, keepends=True), strict=True, delimiter=delimiter)
    rows: list[tuple[int, dict[str, str]]] = []
    header: list[str] | None = None
    last_end = 0
    try:
        for record in reader:
            start = last_end + 1
            last_end = reader.line_num
            if not record or (header is None and not any(cell.strip() for cell in record)):
                continue
            if header is None:
                header = [h.strip() for h in record]
                _check_header(header, path)
                continue
            if not any(cell.strip() for cell in record):  # a row of blank cells: an empty row
                rows.append((start, dict.fromkeys(header, "")))
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
        hint = ("; semicolon-separated? save it with commas" if ";" in bad and "," not in bad
                else "")
        raise CorpusFormatError(f"not valid CSV: {exc}{hint}", path=path, line=line_no,
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
    for number, line in enumerate(_lines(text), start=1):
        if not line.strip():
            continue
        rows.append((number, parse_json_row(line, path, number)))
    if not rows:
        raise CorpusFormatError("empty file: expected one JSON object (one article) a line",
                                path=path, line=1)
    return rows, warnings


def _lines(text: str, *, keepends: bool = False) -> Iterator[str]:
    """The pieces of ``text.split("\\n")``, one at a time (not a second copy of the file at
    once); with ``keepends``, the lines of ``io.StringIO(text, newline="")`` (each with its
    ``\\n``: the text's line breaks are already normalised to LF), without its copy of the text.

    >>> list(_lines("a\\n\\nb")), list(_lines("")), list(_lines("a\\n"))
    (['a', '', 'b'], [''], ['a', ''])
    >>> list(_lines("a\\n\\nb", keepends=True)), list(_lines("", keepends=True))
    (['a\\n', '\\n', 'b'], [])
    """
    start, size = 0, len(text)
    while True:
        end = text.find("\n", start)
        if end < 0:
            if not keepends or start < size:
                yield text[start:]
            return
        yield text[start:end + 1 if keepends else end]
        start = end + 1


def _json_kind(value: object) -> str:
    return {list: "an array", str: "a string", bool: "a boolean", type(None): "null",
            int: "a number", float: "a number"}.get(type(value), type(value).__name__)

