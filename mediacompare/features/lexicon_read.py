"""Reading and validating phrase tables: the lexicons of loaded language and the frame cues.

One row of a CSV becomes one :class:`Entry`. Everything is checked on load,
and a bad file is refused with :class:`~mediacompare.errors.ResourceError`
naming the file, the line and what is wrong: missing or unknown columns, empty
required fields, unknown values, duplicate forms, a term with stray spaces, a
line break, a NUL or another control character, or no word at all (only
punctuation). A file that is not UTF-8 is decoded as the corpus loader decodes
articles (Windows-1252, else Latin-1, with a warning naming the file), and a
binary file is refused: a lexicon never fails with a bare ``UnicodeDecodeError``.
"""

from __future__ import annotations

import codecs
import csv
import io
import unicodedata
import warnings
from dataclasses import dataclass
from pathlib import Path

from ..errors import ResourceError
from ..text import tokenize
from .forms import POS_TAGS, generated_forms

__all__ = ["CASES", "CATEGORIES", "COLUMNS", "CONFIDENCES", "Entry", "LEXICON_CATEGORIES",
           "LEXICON_SCHEMA", "Schema", "read_phrase_table", "with_generated"]

#: Every category of label, in the order legends and tables show them.
CATEGORIES = ("emotive", "labeling", "doubt", "attribution", "intensifier", "scare_quote",
              "vague_source")
#: The categories a lexicon can hold (``scare_quote`` is found by a rule).
LEXICON_CATEGORIES = tuple(c for c in CATEGORIES if c != "scare_quote")
COLUMNS = ("term", "category", "neutral_alternative", "note", "source", "forms", "confidence",
           "case", "unless_next", "unless_previous", "pos", "dev_uses", "dev_marked", "tier_basis")
REQUIRED = ("term", "category", "neutral_alternative", "note", "confidence")
CONFIDENCES = ("high", "low")
CASES = ("", "insensitive", "sensitive")
POS_VALUES = ("",) + tuple(POS_TAGS)
TIER_BASES = ("", "evidence", "rule")
_WORD_KINDS = ("word", "number", "abbreviation")
_STRAIGHTEN = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"',
                             "\u2010": "-", "\u2011": "-"})


@dataclass(frozen=True)
class Schema:
    """The columns of a phrase table (a lexicon, or the frame cues) and their valid values."""

    kind: str                      # "lexicon", "frame cues": for messages
    columns: tuple[str, ...]       # every column the file may have
    required: tuple[str, ...]      # columns that must be present and non-empty
    present: tuple[str, ...]       # columns that must be present, possibly empty
    category_column: str           # the column that plays the part of ``category``
    choices: tuple[tuple[str, tuple[str, ...]], ...]  # column -> valid values


LEXICON_SCHEMA = Schema("lexicon", COLUMNS, REQUIRED, ("source",), "category",
                        (("category", LEXICON_CATEGORIES), ("confidence", CONFIDENCES),
                         ("case", CASES), ("pos", POS_VALUES), ("tier_basis", TIER_BASES)))


@dataclass(frozen=True)
class Entry:
    """One row of a lexicon: a term, its forms, and why it is loaded.

    ``forms`` holds every other form that matches: those the file lists and
    those generated from the lemma (``pos``); ``generated`` says which were
    generated. ``dev_uses``/``dev_marked`` are the development-set evidence
    behind the tier (None where not measured); ``tier_basis`` says whether the
    tier follows that evidence or a rule.
    """

    term: str
    category: str
    neutral_alternative: str
    note: str
    source: str
    confidence: str
    case_sensitive: bool
    forms: tuple[str, ...]
    unless_next: tuple[tuple[str, ...], ...]
    unless_previous: tuple[tuple[str, ...], ...]
    origin: str  # "file.csv, line N"
    extra: tuple[tuple[str, str], ...] = ()  # other columns of the schema (conflict_frame)
    pos: str = ""
    generated: tuple[str, ...] = ()
    dev_uses: int | None = None
    dev_marked: int | None = None
    tier_basis: str = ""


def _key(token_text: str, case_sensitive: bool) -> str:
    text = token_text.translate(_STRAIGHTEN)
    return text if case_sensitive else text.lower()


def _pattern(phrase: str, case_sensitive: bool) -> tuple[str, ...]:
    return tuple(_key(t.text, case_sensitive) for t in tokenize(phrase))


def _form_key(form: str, case_sensitive: bool) -> str:
    return " ".join(_pattern(form, case_sensitive))


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.split("|") if part.strip()]


def _decode(path: Path) -> str:
    """The text of a phrase table: UTF-8 (a byte-order mark honoured), else decoded as the
    corpus loader decodes articles, with a warning; binary files are refused."""
    from ..corpus.decode import NotText, decode_bytes

    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ResourceError(f"{path}: cannot read the file ({exc.strerror or exc})") from None
    for bom, codec in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                       (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                       (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as exc:
                raise ResourceError(f"{path}: starts with a {codec} byte-order mark but is not "
                                    f"valid {codec} at byte {exc.start}") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if b"\x00" in data:
        raise ResourceError(f"{path}: not a text file (it holds NUL bytes and is not valid "
                            "UTF-8); expected a UTF-8 CSV file")
    try:
        decoded = decode_bytes(data)
    except NotText as exc:
        raise ResourceError(f"{path}: {exc}; expected a UTF-8 CSV file") from None
    for message in decoded.warnings:
        warnings.warn(f"{path}: {message}", UnicodeWarning, stacklevel=4)
    return decoded.text


def read_phrase_table(path: Path, seen: dict[str, str], schema: Schema = LEXICON_SCHEMA) -> list[Entry]:
    """Read and validate one CSV of phrases (a lexicon file, or the frame cues)."""
    columns = schema.columns
    reader = csv.reader(io.StringIO(_decode(path), newline=""), strict=True)
    try:
        header = [h.strip() for h in next(reader)]
    except StopIteration:
        raise ResourceError(f"{path}, line 1: empty file; expected a header with the columns "
                            f"{', '.join(columns)}") from None
    except csv.Error as exc:
        raise ResourceError(f"{path}, line 1: not valid CSV ({exc})") from None
    unknown = [h for h in header if h not in columns]
    missing = [c for c in schema.required + schema.present if c not in header]
    if unknown or missing or len(set(header)) != len(header):
        problems = []
        if missing:
            problems.append(f"missing {', '.join(missing)}")
        if unknown:
            problems.append(f"unknown {', '.join(unknown)}")
        if len(set(header)) != len(header):
            problems.append("a column appears twice")
        optional = [c for c in columns if c not in schema.required + schema.present]
        raise ResourceError(f"{path}, line 1: bad columns ({'; '.join(problems)}); expected "
                            f"{', '.join(columns)} ({', '.join(optional)} may be left out)")
    rows = []
    try:
        for row in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            where = f"{path}, line {line}"
            if len(row) != len(header):
                raise ResourceError(f"{where}: expected {len(header)} fields "
                                    f"({', '.join(header)}), found {len(row)}")
            rows.append((dict(zip(header, row)), where, f"{path.name}, line {line}"))
    except csv.Error as exc:
        raise ResourceError(f"{path}, line {reader.line_num}: not valid CSV ({exc})") from None
    return [_entry(values, where, origin, seen, schema) for values, where, origin in rows]


def _check_phrase(value: str, column: str, where: str) -> None:
    bad = next((c for c in value if unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp")
                and c not in "\u00ad\u200d"), None)
    if bad is not None:
        what = {"\x00": "a NUL character", "\n": "a line break", "\r": "a line break"}.get(
            bad, f"the control character U+{ord(bad):04X}")
        raise ResourceError(f"{where}, column '{column}': {value!r} contains {what}; a term is "
                            "words on one line")
    if value.strip() and not any(t.kind in _WORD_KINDS for t in tokenize(value)):
        raise ResourceError(f"{where}, column '{column}': {value!r} has no word in it (only "
                            "punctuation or symbols); a term needs at least one word")


def _count(values: dict[str, str], column: str, where: str) -> int | None:
    value = values.get(column, "").strip()
    if not value:
        return None
    if not value.isdigit():
        raise ResourceError(f"{where}, column '{column}': expected a whole number of uses, "
                            f"found {value!r}")
    return int(value)


def _entry(values: dict[str, str], where: str, origin: str, seen: dict[str, str],
           schema: Schema) -> Entry:
    values = {k: v.strip() if k != "term" else v for k, v in values.items()}
    for name in schema.required:
        if not values.get(name, "").strip():
            raise ResourceError(f"{where}, column '{name}': empty; every entry needs a {name}")
    term = values["term"]
    _check_phrase(term, "term", where)
    if term != term.strip() or "  " in term:
        raise ResourceError(f"{where}, column 'term': {term!r} has leading, trailing or double "
                            "spaces; write words separated by single spaces")
    for column, valid in schema.choices:
        value = values.get(column, "")
        if value not in valid:
            what = "category" if column == schema.category_column else "value"
            shown = ", ".join(v for v in valid if v) + (" or empty" if "" in valid else "")
            raise ResourceError(f"{where}, column '{column}': unknown {what} {value!r}; "
                                f"expected one of {shown}")
    sensitive = values.get("case", "") == "sensitive"
    forms = tuple(_split(values.get("forms", "")))
    for column in ("forms", "unless_next", "unless_previous"):
        for part in _split(values.get(column, "")):
            _check_phrase(part, column, where)
    for form in (term, *forms):
        key = _form_key(form, sensitive)
        if not key:
            raise ResourceError(f"{where}: the form {form!r} has no word in it")
        if key in seen:
            raise ResourceError(f"{where}: duplicate term {form!r} (first on {seen[key]})")
        seen[key] = where
    uses, marked = _count(values, "dev_uses", where), _count(values, "dev_marked", where)
    if (uses is None) != (marked is None) or (uses is not None and marked > uses):
        raise ResourceError(f"{where}, columns 'dev_uses' and 'dev_marked': expected both or "
                            f"neither, with dev_marked at most dev_uses; found {uses} and {marked}")
    basis = values.get("tier_basis", "")
    if basis == "evidence" and uses is None:
        raise ResourceError(f"{where}, column 'tier_basis': 'evidence' needs dev_uses and "
                            "dev_marked (the uses measured and how many annotators marked)")
    known = {"term", schema.category_column, "neutral_alternative", "note", "source", "confidence",
             "case", "forms", "unless_next", "unless_previous", "pos", "dev_uses", "dev_marked",
             "tier_basis"}
    return Entry(
        term=term, category=values[schema.category_column],
        neutral_alternative=values.get("neutral_alternative", ""),
        note=values["note"], source=values.get("source", ""),
        confidence=values.get("confidence", "high"),
        case_sensitive=sensitive, forms=forms,
        unless_next=tuple(_pattern(p, False) for p in _split(values.get("unless_next", ""))),
        unless_previous=tuple(_pattern(p, False) for p in _split(values.get("unless_previous", ""))),
        origin=origin,
        extra=tuple((c, values.get(c, "")) for c in schema.columns if c not in known),
        pos=values.get("pos", ""), dev_uses=uses, dev_marked=marked, tier_basis=basis)


def with_generated(entry: Entry, seen: dict[str, str]) -> Entry:
    """The entry with the forms generated from its lemma that no other entry claims."""
    if not entry.pos:
        return entry
    extra = []
    for form in generated_forms(entry.term, entry.pos):
        key = _form_key(form, entry.case_sensitive)
        if key in seen:
            continue  # listed by this or another entry, or generated for an earlier one
        seen[key] = entry.origin
        extra.append(form)
    if not extra:
        return entry
    return Entry(**{**entry.__dict__, "forms": entry.forms + tuple(extra),
                    "generated": tuple(extra)})
