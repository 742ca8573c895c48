"""The labeller: loaded-language spans, each explainable and placed in its voice.

:func:`label` returns one row per span: the category, the lexicon entry or
rule that fired, why it is loaded and what a neutral wording would be, the
offsets (``text[start:end]`` is the labelled text), whether the words are the
outlet's own or words it quotes, the sentence, and the confidence tier.
"""

from __future__ import annotations

import bisect
from pathlib import Path
from typing import Iterable

import pandas as pd

from ..document import Doc, analysed, articles_of
from ..document.voice import SCARE_MAX_WORDS
from .._gc import gc_paused
from .._memory import release_free_memory
from ..progress import track
from .extent import EXTENDED_CATEGORIES, EXTENT_RULES, _Words, phrase_extent
from .lexicon import Lexicon, load_lexicon

__all__ = ["SPAN_COLUMNS", "articles_of", "extent_rules", "label", "label_rows", "resolve_lexicon",
           "span_frame", "span_frames"]

SPAN_COLUMNS = ("article_id", "start", "end", "text", "category", "term", "neutral_alternative",
                "note", "source", "in_quote", "quote_id", "sentence_id", "confidence", "rule",
                "cue_start", "cue_end", "extended_by")
SCARE_NOTE = ("Quotation marks around a short phrase, with no one said to be speaking, distance the "
              "writer from the words, like 'so-called': the reader is nudged to doubt them.")
SCARE_ALTERNATIVE = "(drop the quotation marks, or say whose words they are: 'what X calls ...')"
SCARE_SOURCE = "Da San Martino et al. 2019 (Doubt); Recasens et al. 2013 (framing bias)"


def resolve_lexicon(lexicon: Lexicon | str | Path | Iterable | None) -> Lexicon:
    """A Lexicon as given, or loaded from the given files (replacing the packaged ones)."""
    if isinstance(lexicon, Lexicon):
        return lexicon
    return load_lexicon(lexicon)


def extent_rules(extents) -> tuple[str, ...]:
    """The extension rules ``extents`` asks for: True (all), False or None (none), or their names."""
    if extents is True:
        return tuple(EXTENT_RULES)
    if extents is False or extents is None:
        return ()
    if isinstance(extents, str):
        extents = [extents]
    chosen = tuple(extents)
    unknown = [r for r in chosen if r not in EXTENT_RULES]
    if unknown:
        raise ValueError(f"extents: unknown rule {', '.join(map(repr, unknown))}; expected True, "
                         f"False or rule names from: {', '.join(EXTENT_RULES)}")
    return chosen


def label(source, *, lexicon: Lexicon | str | Path | None = None, extents=True,
          progress: bool | None = None) -> pd.DataFrame:
    """Label loaded language in a corpus, an articles table or a plain string.

    Parameters
    ----------
    source : Corpus, DataFrame or str
        A corpus (its ``articles``), a DataFrame with ``article_id`` and
        ``text``, or one text (its ``article_id`` is ``"text"``).
    lexicon : Lexicon, path or list of paths, optional
        The packaged lexicons by default; CSV files replace them (use
        ``load_lexicon(paths, extend=True)`` to add to them instead).
    extents : bool or list of str
        Widen the labels of loaded words (``emotive``, ``labeling``) over the
        phrase their cue sits in, by the rules of :mod:`.extent` (True: all
        rules; False: every label is the matched words alone; or rule names).
    progress : bool or None
        Show a progress bar while a long run labels (None: the session's or
        environment's setting; see :mod:`mediacompare.progress`).

    Returns
    -------
    DataFrame
        One row per span, columns :data:`SPAN_COLUMNS`: ``text`` equals the
        article's clean text sliced at ``start:end``; ``term`` and ``rule``
        say which lexicon entry (file and line) or rule fired; ``in_quote`` is
        True for words inside a quotation of reported speech (``quote_id``
        says which); ``confidence`` is ``high`` or ``low`` (a word loaded only
        in some uses). Spans of different categories may overlap.
        ``cue_start``/``cue_end`` are the offsets of the lexicon match itself
        (equal to ``start``/``end`` unless the label was widened over its
        phrase); ``extended_by`` names the extension rules that widened it
        (``|``-separated, empty when none did), and ``rule`` says so in words.

    Examples
    --------
    >>> spans = label('The so-called "moderate rebels" attacked. "We stay," the regime said.')
    >>> spans[["text", "category", "in_quote"]].values.tolist()
    [['so-called', 'doubt', False], ['"moderate rebels"', 'scare_quote', False], ['moderate rebels', 'labeling', False], ['regime', 'labeling', False]]
    >>> label("It was an absolutely disgraceful decision.")[["text", "term", "extended_by"]].values.tolist()
    [['absolutely disgraceful decision', 'disgraceful', 'adverb_before|head_after'], ['absolutely', 'absolutely', '']]
    """
    lex = resolve_lexicon(lexicon)
    rules = extent_rules(extents)
    rows: list[tuple] = []
    parts: list[pd.DataFrame] = []
    n = len(articles_of(source)) if not isinstance(source, (str, Doc)) else 1
    chars = 0
    with gc_paused():  # many small acyclic objects: see mediacompare._gc
        for article_id, doc in track(analysed(source), desc="labelling", total=n, progress=progress):
            rows.extend(label_rows(article_id, doc, lex, rules=rules))
            chars += len(doc.text)
            if len(rows) >= CHUNK_ROWS:  # into a table as they come: see span_frames
                parts.append(span_frame(rows))
                rows = []
        parts.append(span_frame(rows))
        del rows
        frame = span_frames(parts)
    release_free_memory(chars)
    return frame


#: Rows of spans turned into a table at once by :func:`label` (the tuples of a large corpus
#: are never all alive at once).
CHUNK_ROWS = 20_000
_SPAN_DTYPES = {"start": "int64", "end": "int64", "sentence_id": "int64", "in_quote": "bool",
                "quote_id": "Int64", "cue_start": "int64", "cue_end": "int64"}


def span_frame(rows: list[tuple]) -> pd.DataFrame:
    """The spans table of rows made by :func:`label_rows` (columns :data:`SPAN_COLUMNS`)."""
    frame = pd.DataFrame.from_records(rows, columns=list(SPAN_COLUMNS))
    return frame.astype(_SPAN_DTYPES)


def span_frames(parts: list[pd.DataFrame]) -> pd.DataFrame:
    """The spans tables of :func:`span_frame` as one, with the dtypes one call on all their
    rows would give (a text column all empty in one part, and so of objects there, is typed
    again over the whole column)."""
    full = [p for p in parts if len(p)]
    if len(full) <= 1:
        return full[0] if full else parts[0]
    frame = pd.concat(full, ignore_index=True)
    for column in frame.columns:
        if len({p[column].dtype for p in full}) > 1:
            values = pd.Series(frame[column].astype(object).tolist(), index=frame.index)
            frame[column] = values.astype(_SPAN_DTYPES[column]) if column in _SPAN_DTYPES else values
    return frame


def _extents(doc: Doc, matches, rules) -> list[tuple[int, int, tuple[str, ...]]]:
    """(start, end, rules used) of each match: widened over its phrase where a rule applies."""
    out = [(m.start, m.end, ()) for m in matches]
    if not rules:
        return out
    starts, text = doc.starts, doc.text
    tokens = doc.token_view()
    words = _Words(text, tokens)
    spans = {}  # match index -> (first token, last token)
    cues: dict[str, set[int]] = {}
    for k, m in enumerate(matches):
        if m.entry.category not in EXTENDED_CATEGORIES:
            continue
        first = bisect.bisect_right(starts, m.start) - 1
        last = bisect.bisect_left(starts, m.end) - 1
        if first < 0 or last < first:
            continue
        spans[k] = (first, last)
        cues.setdefault(m.entry.category, set()).update(range(first, last + 1))
    for k, (first, last) in spans.items():
        m = matches[k]
        lo, hi, used = phrase_extent(text, tokens, first, last, m.entry.pos, rules,
                                     stop=cues[m.entry.category], _words=words)
        if used:  # the cue's own offsets where the phrase adds nothing on that side
            out[k] = (m.start if lo == first else starts[lo],
                      m.end if hi == last else doc.ends[hi], used)
    return out


def _label_text(article_id: str, text: str, lex: Lexicon, *, tokens=None,
                rules=tuple(EXTENT_RULES)) -> list[dict]:
    """The rows of :func:`label` for one text, as dicts (``tokens``: its tokens, if at hand)."""
    rows = label_rows(article_id, Doc(text, tokens=tokens), lex, rules=rules)
    return [dict(zip(SPAN_COLUMNS, row)) for row in rows]


def label_rows(article_id: str, doc: Doc, lex: Lexicon, *, rules=tuple(EXTENT_RULES)) -> list[tuple]:
    """The spans of one analysed text, as tuples in the order of :data:`SPAN_COLUMNS`."""
    text = doc.text
    rows = []
    matches = lex.match(doc)
    quote_of, sentence_id = doc.quote_of, doc.sentence_id
    for match, (start, end, used) in zip(matches, _extents(doc, matches, rules)):
        quote = quote_of(match.start, match.end)
        entry = match.entry
        rule = f"lexicon: {entry.origin}"
        if used:
            rule += "; widened over its phrase by " + ", ".join(
                f"{name} ({EXTENT_RULES[name]})" for name in used)
        rows.append((article_id, start, end, text[start:end], entry.category, entry.term,
                     entry.neutral_alternative, entry.note, entry.source, quote is not None,
                     None if quote is None else quote.quote_id, sentence_id(match.start),
                     entry.confidence, rule, match.start, match.end, "|".join(used)))
    for quote in doc.scare:
        rows.append((article_id, quote.start, quote.end, text[quote.start:quote.end], "scare_quote",
                     quote.text.lower(), SCARE_ALTERNATIVE, SCARE_NOTE, SCARE_SOURCE, False, None,
                     sentence_id(quote.start), "high" if quote.n_words < SCARE_MAX_WORDS else "low",
                     (f"scare quote: a quotation of {quote.n_words} word"
                      f"{'s' if quote.n_words != 1 else ''} (at most {SCARE_MAX_WORDS}) with no "
                      "reporting verb or 'according to' in its sentence"),
                     quote.start, quote.end, ""))
    rows.sort(key=lambda r: (r[1], -r[2], r[4]))
    return rows
