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

from ..progress import track
from ..text import tokenize
from .articles import articles_of
from .extent import EXTENDED_CATEGORIES, EXTENT_RULES, _Words, phrase_extent
from .lexicon import Lexicon, load_lexicon
from .voice import SCARE_MAX_WORDS, voices

__all__ = ["SPAN_COLUMNS", "articles_of", "extent_rules", "label", "resolve_lexicon"]

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
    rows: list[dict] = []
    table = articles_of(source)
    for art in track(table.itertuples(index=False), desc="labelling", total=len(table),
                     progress=progress):
        rows.extend(_label_text(str(art.article_id), art.text, lex, rules=rules))
    frame = pd.DataFrame(rows, columns=list(SPAN_COLUMNS))
    return frame.astype({"start": "int64", "end": "int64", "sentence_id": "int64",
                         "in_quote": "bool", "quote_id": "Int64", "cue_start": "int64",
                         "cue_end": "int64"})


def _extents(text: str, tokens, matches, rules) -> list[tuple[int, int, tuple[str, ...]]]:
    """(start, end, rules used) of each match: widened over its phrase where a rule applies."""
    out = [(m.start, m.end, ()) for m in matches]
    if not rules:
        return out
    starts = [t.start for t in tokens]
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
            out[k] = (m.start if lo == first else tokens[lo].start,
                      m.end if hi == last else tokens[hi].end, used)
    return out


def _label_text(article_id: str, text: str, lex: Lexicon, *, tokens=None, voice=None,
                rules=tuple(EXTENT_RULES)) -> list[dict]:
    # tokens and voice may be passed in by a caller that already has them (mediacompare.scale)
    tokens = tokenize(text) if tokens is None else tokens
    voice = voices(text, tokens) if voice is None else voice
    rows = []
    sentence_starts = [s.start for s in voice.sentences]  # once per text, not once per label

    def sentence_id(offset: int) -> int:  # as Voices.sentence_id
        return max(bisect.bisect_right(sentence_starts, offset) - 1, 0) if sentence_starts else 0

    matches = lex.match(text, tokens)
    for match, (start, end, used) in zip(matches, _extents(text, tokens, matches, rules)):
        quote = voice.quote_of(match.start, match.end)
        entry = match.entry
        rule = f"lexicon: {entry.origin}"
        if used:
            rule += "; widened over its phrase by " + ", ".join(
                f"{name} ({EXTENT_RULES[name]})" for name in used)
        rows.append({
            "article_id": article_id, "start": start, "end": end,
            "text": text[start:end], "category": entry.category, "term": entry.term,
            "neutral_alternative": entry.neutral_alternative, "note": entry.note,
            "source": entry.source, "in_quote": quote is not None,
            "quote_id": None if quote is None else quote.quote_id,
            "sentence_id": sentence_id(match.start), "confidence": entry.confidence,
            "rule": rule, "cue_start": match.start, "cue_end": match.end,
            "extended_by": "|".join(used),
        })
    for quote in voice.scare:
        rows.append({
            "article_id": article_id, "start": quote.start, "end": quote.end,
            "text": text[quote.start:quote.end], "category": "scare_quote",
            "term": quote.text.lower(), "neutral_alternative": SCARE_ALTERNATIVE,
            "note": SCARE_NOTE, "source": SCARE_SOURCE, "in_quote": False, "quote_id": None,
            "sentence_id": sentence_id(quote.start),
            "confidence": "high" if quote.n_words < SCARE_MAX_WORDS else "low",
            "rule": (f"scare quote: a quotation of {quote.n_words} word"
                     f"{'s' if quote.n_words != 1 else ''} (at most {SCARE_MAX_WORDS}) with no "
                     "reporting verb or 'according to' in its sentence"),
            "cue_start": quote.start, "cue_end": quote.end, "extended_by": "",
        })
    rows.sort(key=lambda r: (r["start"], -r["end"], r["category"]))
    return rows
