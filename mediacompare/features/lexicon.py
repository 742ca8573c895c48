"""Lexicons of loaded language as data: loading, validation and matching.

A lexicon is one or more CSV files in the format of ``docs/lexicon-format.md``
(columns ``term, category, neutral_alternative, note, source, forms,
confidence, case, unless_next, unless_previous``). The packaged ones live in
``mediacompare/resources/lexicons/``; :func:`load_lexicon` reads them, or a
user's files instead of them, or a user's files on top of them.

Matching works on tokens (:func:`mediacompare.tokenize`) compared in a
normalised form, through a dictionary keyed by the first token of every form:
its cost grows with the length of the text, not with the size of the lexicon.
Within one category, matches are leftmost-longest and do not overlap
("armed bandits" is one match, not also "bandits"); matches of different
categories may overlap and are all kept.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable, NamedTuple

import pandas as pd

from .._paths import resource
from ..errors import ResourceError, SourceNotFoundError
from ..text import Token, tokenize

__all__ = ["CATEGORIES", "LEXICON_CATEGORIES", "LEXICON_SCHEMA", "Entry", "Lexicon", "Match", "Schema",
           "load_lexicon", "read_phrase_table"]

#: Every category of label, in the order legends and tables show them.
CATEGORIES = ("emotive", "labeling", "doubt", "attribution", "intensifier", "scare_quote",
              "vague_source")
#: The categories a lexicon can hold (``scare_quote`` is found by a rule).
LEXICON_CATEGORIES = tuple(c for c in CATEGORIES if c != "scare_quote")
COLUMNS = ("term", "category", "neutral_alternative", "note", "source", "forms", "confidence",
           "case", "unless_next", "unless_previous")
REQUIRED = ("term", "category", "neutral_alternative", "note", "confidence")
CONFIDENCES = ("high", "low")
CASES = ("", "insensitive", "sensitive")


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
                         ("case", CASES)))
_STRAIGHTEN = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"',
                             "\u2010": "-", "\u2011": "-"})


@dataclass(frozen=True)
class Entry:
    """One row of a lexicon: a term, its forms, and why it is loaded."""

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


class Match(NamedTuple):
    """A lexicon match: ``text[start:end]`` is the matched text."""

    start: int
    end: int
    entry: Entry


def _key(token_text: str, case_sensitive: bool) -> str:
    text = token_text.translate(_STRAIGHTEN)
    return text if case_sensitive else text.lower()


def _pattern(phrase: str, case_sensitive: bool) -> tuple[str, ...]:
    return tuple(_key(t.text, case_sensitive) for t in tokenize(phrase))


@dataclass
class Lexicon:
    """Validated lexicon entries, indexed for matching.

    Attributes
    ----------
    entries : tuple of Entry
    files : tuple of str
        The files the entries came from.
    overridden : tuple of str
        Packaged entries replaced by a user's entry for the same form.
    """

    entries: tuple[Entry, ...]
    files: tuple[str, ...] = ()
    overridden: tuple[str, ...] = ()
    _index: dict = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        # A trie over token keys, one for case-insensitive and one for case-sensitive forms:
        # a node is (children, entries). Walking it from each token costs the length of the
        # longest match there, whatever the number of entries.
        roots: dict[bool, dict] = {False: {}, True: {}}
        for entry in self.entries:
            for form in (entry.term, *entry.forms):
                children = roots[entry.case_sensitive]
                node = None
                for key in _pattern(form, entry.case_sensitive):
                    node = children.setdefault(key, ({}, []))
                    children = node[0]
                if node is not None:
                    node[1].append(entry)
        self._index = roots

    def __len__(self) -> int:
        return len(self.entries)

    def __repr__(self) -> str:
        counts = pd.Series([e.category for e in self.entries]).value_counts()
        parts = ", ".join(f"{c}: {counts.get(c, 0)}" for c in LEXICON_CATEGORIES if counts.get(c, 0))
        return f"<Lexicon: {len(self.entries)} entries ({parts}) from {len(self.files)} files>"

    def to_frame(self) -> pd.DataFrame:
        """The entries as a table (one row per entry, forms joined with ``|``)."""
        rows = [{"term": e.term, "category": e.category, "confidence": e.confidence,
                 "neutral_alternative": e.neutral_alternative, "note": e.note, "source": e.source,
                 "forms": "|".join(e.forms), "case": "sensitive" if e.case_sensitive else "insensitive",
                 "unless_next": "|".join(" ".join(p) for p in e.unless_next),
                 "unless_previous": "|".join(" ".join(p) for p in e.unless_previous),
                 "origin": e.origin} for e in self.entries]
        return pd.DataFrame(rows, columns=["term", "category", "confidence", "neutral_alternative",
                                           "note", "source", "forms", "case", "unless_next",
                                           "unless_previous", "origin"])

    def match(self, text: str, tokens: list[Token] | None = None) -> list[Match]:
        """Every match of the lexicon in ``text``, in order of start offset.

        >>> lex = Lexicon((Entry("armed bandits", "labeling", "armed group", "n", "", "high",
        ...                      False, (), (), (), "x"),), ())
        >>> [(m.start, m.end) for m in lex.match("Fighting Armed bandits, they said.")]
        [(9, 22)]
        """
        tokens = tokenize(text) if tokens is None else tokens
        lower = [_key(t.text, False) for t in tokens]
        exact = [_key(t.text, True) for t in tokens] if self._index[True] else lower
        found: list[Match] = []
        n = len(tokens)
        for i, token in enumerate(tokens):
            whole = False
            for sensitive, keys in ((False, lower), (True, exact)):
                children, j = self._index[sensitive], i
                while j < n:
                    node = children.get(keys[j])
                    if node is None:
                        break
                    children, entries = node
                    for entry in entries:
                        if self._allowed(entry, lower, i, j + 1):
                            found.append(Match(token.start, tokens[j].end, entry))
                            whole = whole or j == i
                    j += 1
            if not whole and token.kind == "word" and ("-" in lower[i] or lower[i].endswith("'s")):
                found.extend(self._part_matches(token, lower, i))
        return _leftmost_longest(found)

    def _part_matches(self, token: Token, keys: list[str], i: int) -> list[Match]:
        """One-word entries inside a hyphenated word, or a word with a possessive 's.

        Only when the whole word is no entry of its own (``self-proclaimed`` is
        not also ``proclaimed``); the other parts of the word count as its
        neighbours for ``unless_previous``/``unless_next`` (``counter-terrorism``).
        """
        out = []
        text = token.text.translate(_STRAIGHTEN)
        pieces: list[tuple[int, str]] = []
        if "-" in text:
            offset = 0
            for part in text.split("-"):
                if part:
                    pieces.append((offset, part))
                offset += len(part) + 1
        elif text.lower().endswith("'s") and len(text) > 2:
            pieces.append((0, text[:-2]))
        parts = [p.lower() for _, p in pieces]
        for k, (offset, piece) in enumerate(pieces):
            context = None
            for sensitive in (False, True):
                node = self._index[sensitive].get(piece if sensitive else piece.lower())
                for entry in node[1] if node else ():
                    if context is None:
                        context = keys[:i] + parts + keys[i + 1:]
                    if self._allowed(entry, context, i + k, i + k + 1):
                        start = token.start + offset
                        out.append(Match(start, start + len(piece), entry))
        return out

    @staticmethod
    def _allowed(entry: Entry, keys: list[str], start: int, end: int) -> bool:
        for phrase in entry.unless_next:
            if tuple(keys[end:end + len(phrase)]) == phrase:
                return False
        for phrase in entry.unless_previous:
            if start - len(phrase) >= 0 and tuple(keys[start - len(phrase):start]) == phrase:
                return False
        return True


def _leftmost_longest(matches: list[Match]) -> list[Match]:
    """Within each category keep leftmost-longest, non-overlapping matches."""
    kept: list[Match] = []
    last_end: dict[str, int] = {}
    for match in sorted(matches, key=lambda m: (m.start, -(m.end - m.start), m.entry.origin)):
        category = match.entry.category
        if match.start < last_end.get(category, -1):
            continue
        kept.append(match)
        last_end[category] = match.end
    return kept


def _packaged_files() -> list[Path]:
    folder = resource("lexicons")
    return sorted(folder.glob("*.csv"))


def load_lexicon(paths: str | Path | Iterable[str | Path] | None = None, *,
                 extend: bool = False) -> Lexicon:
    """Load and validate lexicon CSV files.

    Parameters
    ----------
    paths : path or list of paths, optional
        Lexicon files (or folders of them). ``None`` loads the packaged lexicons.
    extend : bool
        With ``paths``: add these files to the packaged lexicons instead of
        replacing them. A user's entry for a form the packaged lexicon also has
        replaces the packaged entry (listed in ``Lexicon.overridden``).

    Raises
    ------
    ResourceError
        A file is malformed: the message names the file, the line and the reason.

    Examples
    --------
    >>> lexicon = load_lexicon()
    >>> len(lexicon) > 500
    True
    """
    packaged = [str(p) for p in _packaged_files()]
    if paths is None:
        return _load(tuple(packaged))
    if isinstance(paths, (str, Path)):
        paths = [paths]
    user: list[str] = []
    for path in paths:
        path = Path(path)
        if path.is_dir():
            user.extend(str(p) for p in sorted(path.glob("*.csv")))
        elif path.is_file():
            user.append(str(path))
        else:
            raise SourceNotFoundError(f"lexicon file not found: {path}")
    if not user:
        raise SourceNotFoundError(f"no lexicon CSV files in {', '.join(map(str, paths))}")
    mine = _load(tuple(user))
    if not extend:
        return mine
    base = _load(tuple(packaged))
    user_forms = {_form_key(f, e.case_sensitive) for e in mine.entries for f in (e.term, *e.forms)}
    kept, overridden = [], []
    for entry in base.entries:
        forms = {_form_key(f, entry.case_sensitive) for f in (entry.term, *entry.forms)}
        if forms & user_forms:
            overridden.append(f"{entry.term} ({entry.origin})")
        else:
            kept.append(entry)
    return Lexicon(tuple(kept) + mine.entries, base.files + mine.files, tuple(overridden))


def _form_key(form: str, case_sensitive: bool) -> str:
    return " ".join(_pattern(form, case_sensitive))


@lru_cache(maxsize=16)
def _load(files: tuple[str, ...], schema: Schema = LEXICON_SCHEMA) -> Lexicon:
    entries: list[Entry] = []
    seen: dict[str, str] = {}
    for file in files:
        entries.extend(read_phrase_table(Path(file), seen, schema))
    return Lexicon(tuple(entries), files)


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.split("|") if part.strip()]


def read_phrase_table(path: Path, seen: dict[str, str], schema: Schema = LEXICON_SCHEMA) -> list[Entry]:
    """Read and validate one CSV of phrases (a lexicon file, or the frame cues)."""
    columns = schema.columns
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle, strict=True)
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
        entries = []
        try:
            for row in reader:
                line = reader.line_num
                if not any(cell.strip() for cell in row):
                    continue
                where = f"{path}, line {line}"
                if len(row) != len(header):
                    raise ResourceError(f"{where}: expected {len(header)} fields "
                                        f"({', '.join(header)}), found {len(row)}")
                entries.append(_entry(dict(zip(header, row)), where, f"{path.name}, line {line}",
                                      seen, schema))
        except csv.Error as exc:
            raise ResourceError(f"{path}, line {reader.line_num}: not valid CSV ({exc})") from None
    return entries


def _entry(values: dict[str, str], where: str, origin: str, seen: dict[str, str],
           schema: Schema) -> Entry:
    values = {k: v.strip() if k != "term" else v for k, v in values.items()}
    for name in schema.required:
        if not values.get(name, "").strip():
            raise ResourceError(f"{where}, column '{name}': empty; every entry needs a {name}")
    term = values["term"]
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
    for form in (term, *forms):
        key = _form_key(form, sensitive)
        if not key:
            raise ResourceError(f"{where}: the form {form!r} has no word in it")
        if key in seen:
            raise ResourceError(f"{where}: duplicate term {form!r} (first on {seen[key]})")
        seen[key] = where
    known = {"term", schema.category_column, "neutral_alternative", "note", "source", "confidence",
             "case", "forms", "unless_next", "unless_previous"}
    return Entry(
        term=term, category=values[schema.category_column],
        neutral_alternative=values.get("neutral_alternative", ""),
        note=values["note"], source=values.get("source", ""),
        confidence=values.get("confidence", "high"),
        case_sensitive=sensitive, forms=forms,
        unless_next=tuple(_pattern(p, False) for p in _split(values.get("unless_next", ""))),
        unless_previous=tuple(_pattern(p, False) for p in _split(values.get("unless_previous", ""))),
        origin=origin,
        extra=tuple((c, values.get(c, "")) for c in schema.columns if c not in known))
