"""Lexicons of loaded language as data: loading, validation and matching.

A lexicon is one or more CSV files in the format of ``docs/lexicon-format.md``
(columns ``term, category, neutral_alternative, note, source, forms,
confidence, case, unless_next, unless_previous, pos, dev_uses, dev_marked,
tier_basis``; reading and validation are in :mod:`.lexicon_read`, forms
generated from a lemma in :mod:`.forms`). The packaged ones live in
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

import warnings
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import compress, repeat
from pathlib import Path
from typing import Iterable, NamedTuple

import pandas as pd

from .._paths import resource
from ..errors import ResourceError, SourceNotFoundError
from ..document.doc import Doc
from ..text import Token, tokenize
from ..text.tokens import straighten
from .forms import forms_table_path, write_forms_table
from .lexicon_read import (_STRAIGHTEN, CASES, CATEGORIES, COLUMNS, CONFIDENCES,
                           LEXICON_CATEGORIES, LEXICON_SCHEMA, Entry, Schema, _form_key, _key,
                           _pattern, read_phrase_table, with_generated)

__all__ = ["CATEGORIES", "LEXICON_CATEGORIES", "LEXICON_SCHEMA", "Entry", "Lexicon", "Match", "Schema",
           "load_lexicon", "read_phrase_table", "write_packaged_forms"]
_ = (CASES, COLUMNS, CONFIDENCES)  # part of this module's interface (frames, tests)


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
    _context_width: int = field(default=1, repr=False)
    _sensitive_lower: frozenset = field(default=frozenset(), repr=False)

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
        # the lowercase keys of the first words of case-sensitive entries: only the tokens with
        # one of these keys are looked up case-sensitively
        self._sensitive_lower = frozenset(key.lower() for key in roots[True])
        # how many neighbouring tokens an exception (unless_next, unless_previous) looks at
        self._context_width = max((len(p) for e in self.entries for p in (*e.unless_next, *e.unless_previous)),
                                  default=1)

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
                 "pos": e.pos, "generated_forms": "|".join(e.generated),
                 "dev_uses": e.dev_uses, "dev_marked": e.dev_marked, "tier_basis": e.tier_basis,
                 "evidence": _evidence(e), "origin": e.origin} for e in self.entries]
        frame = pd.DataFrame(rows, columns=["term", "category", "confidence", "neutral_alternative",
                                            "note", "source", "forms", "case", "unless_next",
                                            "unless_previous", "pos", "generated_forms",
                                            "dev_uses", "dev_marked", "tier_basis", "evidence",
                                            "origin"])
        return frame.astype({"dev_uses": "Int64", "dev_marked": "Int64"})

    def match(self, text, tokens: list[Token] | None = None) -> list[Match]:
        """Every match of the lexicon in ``text``, in order of start offset.

        ``text`` may be an analysed :class:`~mediacompare.document.Doc` (its tokens
        and keys are used), or a string with its ``tokens`` if the caller has them.

        >>> lex = Lexicon((Entry("armed bandits", "labeling", "armed group", "n", "", "high",
        ...                      False, (), (), (), "x"),), ())
        >>> [(m.start, m.end) for m in lex.match("Fighting Armed bandits, they said.")]
        [(9, 22)]
        """
        if isinstance(text, Doc):
            doc = text
        elif tokens is None:
            doc = Doc(text)
        else:
            doc = Doc(text, tokens=tokens)
        return self.match_keys(doc.text, doc.starts, doc.ends, doc.codes, doc.keys())

    def match_keys(self, text: str, starts, ends, codes, lower: list[str]) -> list[Match]:
        """:meth:`match` on tokens given as starts, ends, kind codes and matching keys.

        Only the tokens whose key opens an entry are walked from (a dictionary test
        per token, done in C by ``map``), plus the hyphenated words and the words
        with a possessive 's, whose parts may be entries.
        """
        roots = self._index
        n = len(lower)
        candidates = set(compress(range(n), map(roots[False].__contains__, lower)))
        sensitive: set[int] = set()
        if roots[True]:  # exact keys (case kept) only where a case-sensitive entry may start
            straight = straighten(text)
            first = roots[True]
            sensitive = {i for i in compress(range(n), map(self._sensitive_lower.__contains__, lower))
                         if straight[starts[i]:ends[i]] in first}
        parts = set(compress(range(n), map(str.__contains__, lower, repeat("-"))))
        parts.update(compress(range(n), map(str.endswith, lower, repeat("'s"))))
        parts = {i for i in parts if codes[i] == "w"}
        found: list[Match] = []
        allowed = self._allowed
        for i in sorted(candidates | sensitive | parts):
            whole = False
            start = starts[i]
            children, j = roots[False], i
            while j < n:
                node = children.get(lower[j])
                if node is None:
                    break
                children, entries = node
                for entry in entries:
                    if allowed(entry, lower, i, j + 1):
                        found.append(Match(start, ends[j], entry))
                        whole = whole or j == i
                j += 1
            if i in sensitive:
                children, j = roots[True], i
                while j < n:
                    node = children.get(straight[starts[j]:ends[j]])
                    if node is None:
                        break
                    children, entries = node
                    for entry in entries:
                        if allowed(entry, lower, i, j + 1):
                            found.append(Match(start, ends[j], entry))
                            whole = whole or j == i
                    j += 1
            if not whole and i in parts:
                found.extend(self._part_matches(text[start:ends[i]], start, lower, i))
        return _leftmost_longest(found)

    def _part_matches(self, word: str, start: int, keys: list[str], i: int) -> list[Match]:
        """One-word entries inside a hyphenated word, or a word with a possessive 's.

        Only when the whole word is no entry of its own (``self-proclaimed`` is
        not also ``proclaimed``); the other parts of the word count as its
        neighbours for ``unless_previous``/``unless_next`` (``counter-terrorism``).
        Only the few neighbours the exceptions can look at are copied.
        """
        out = []
        text = straighten(word)
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
        width = self._context_width
        for k, (offset, piece) in enumerate(pieces):
            context = None
            for sensitive in (False, True):
                node = self._index[sensitive].get(piece if sensitive else piece.lower())
                for entry in node[1] if node else ():
                    if context is None:  # the word's neighbourhood with its parts for the word
                        lo = max(0, i - width)
                        context = keys[lo:i] + parts + keys[i + 1:i + 1 + width]
                    at = i - lo + k
                    if self._allowed(entry, context, at, at + 1):
                        out.append(Match(start + offset, start + offset + len(piece), entry))
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


def _evidence(entry: Entry) -> str:
    """The tier's evidence in words: "annotators marked 12 of its 15 uses" (or why not)."""
    if entry.dev_uses is None:
        return "not measured"
    return (f"annotators marked {entry.dev_marked} of its {entry.dev_uses} "
            f"use{'s' if entry.dev_uses != 1 else ''}")


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


def write_packaged_forms() -> int:
    """Rebuild the shipped table of the forms LemmInflect generates for the packaged lexicons'
    lemmas (:data:`.forms.FORMS_TABLE`); returns its rows. Run after an entry with a ``pos`` is
    added to a packaged lexicon (a test fails until then)."""
    entries = [entry for path in _packaged_files()
               for entry in read_phrase_table(path, {}, LEXICON_SCHEMA)]
    return write_forms_table(forms_table_path(), ((e.term, e.pos) for e in entries if e.pos))


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
    if not mine.entries:
        what = (f"{', '.join(user)}: no entries (only a header)")
        if not extend:
            raise ResourceError(f"{what}; a lexicon given to replace the packaged ones must have "
                                "at least one entry (to add to them instead, use extend=True or "
                                "--add-lexicon)")
        warnings.warn(f"{what}: nothing is added to the packaged lexicons", UserWarning,
                      stacklevel=2)
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


@lru_cache(maxsize=16)
def _load(files: tuple[str, ...], schema: Schema = LEXICON_SCHEMA) -> Lexicon:
    entries: list[Entry] = []
    seen: dict[str, str] = {}
    for file in files:
        entries.extend(read_phrase_table(Path(file), seen, schema))
    # forms generated from lemmas come after every listed form, so a listed form always wins
    entries = [with_generated(entry, seen) for entry in entries]
    return Lexicon(tuple(entries), files)
