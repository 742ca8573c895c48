"""The labeller: loaded-language spans, each explainable and placed in its voice.

:func:`label` returns one row per span: the category, the lexicon entry or
rule that fired, why it is loaded and what a neutral wording would be, the
offsets (``text[start:end]`` is the labelled text), whether the words are the
outlet's own or words it quotes, the sentence, and the confidence tier.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

import pandas as pd

from ..progress import track
from ..text import tokenize
from .articles import articles_of
from .lexicon import Lexicon, load_lexicon
from .voice import SCARE_MAX_WORDS, voices

__all__ = ["SPAN_COLUMNS", "articles_of", "label", "resolve_lexicon"]

SPAN_COLUMNS = ("article_id", "start", "end", "text", "category", "term", "neutral_alternative",
                "note", "source", "in_quote", "quote_id", "sentence_id", "confidence", "rule")
SCARE_NOTE = ("Quotation marks around a short phrase, with no one said to be speaking, distance the "
              "writer from the words, like 'so-called': the reader is nudged to doubt them.")
SCARE_ALTERNATIVE = "(drop the quotation marks, or say whose words they are: 'what X calls ...')"
SCARE_SOURCE = "Da San Martino et al. 2019 (Doubt); Recasens et al. 2013 (framing bias)"


def resolve_lexicon(lexicon: Lexicon | str | Path | Iterable | None) -> Lexicon:
    """A Lexicon as given, or loaded from the given files (replacing the packaged ones)."""
    if isinstance(lexicon, Lexicon):
        return lexicon
    return load_lexicon(lexicon)


def label(source, *, lexicon: Lexicon | str | Path | None = None,
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

    Examples
    --------
    >>> spans = label('The so-called "moderate rebels" attacked. "We stay," the regime said.')
    >>> spans[["text", "category", "in_quote"]].values.tolist()
    [['so-called', 'doubt', False], ['"moderate rebels"', 'scare_quote', False], ['rebels', 'labeling', False], ['regime', 'labeling', False]]
    """
    lex = resolve_lexicon(lexicon)
    rows: list[dict] = []
    table = articles_of(source)
    for art in track(table.itertuples(index=False), desc="labelling", total=len(table),
                     progress=progress):
        rows.extend(_label_text(str(art.article_id), art.text, lex))
    frame = pd.DataFrame(rows, columns=list(SPAN_COLUMNS))
    return frame.astype({"start": "int64", "end": "int64", "sentence_id": "int64",
                         "in_quote": "bool", "quote_id": "Int64"})


def _label_text(article_id: str, text: str, lex: Lexicon, *, tokens=None, voice=None) -> list[dict]:
    # tokens and voice may be passed in by a caller that already has them (mediacompare.scale)
    tokens = tokenize(text) if tokens is None else tokens
    voice = voices(text, tokens) if voice is None else voice
    rows = []
    for match in lex.match(text, tokens):
        quote = voice.quote_of(match.start, match.end)
        entry = match.entry
        rows.append({
            "article_id": article_id, "start": match.start, "end": match.end,
            "text": text[match.start:match.end], "category": entry.category, "term": entry.term,
            "neutral_alternative": entry.neutral_alternative, "note": entry.note,
            "source": entry.source, "in_quote": quote is not None,
            "quote_id": None if quote is None else quote.quote_id,
            "sentence_id": voice.sentence_id(match.start), "confidence": entry.confidence,
            "rule": f"lexicon: {entry.origin}",
        })
    for quote in voice.scare:
        rows.append({
            "article_id": article_id, "start": quote.start, "end": quote.end,
            "text": text[quote.start:quote.end], "category": "scare_quote",
            "term": quote.text.lower(), "neutral_alternative": SCARE_ALTERNATIVE,
            "note": SCARE_NOTE, "source": SCARE_SOURCE, "in_quote": False, "quote_id": None,
            "sentence_id": voice.sentence_id(quote.start),
            "confidence": "high" if quote.n_words < SCARE_MAX_WORDS else "low",
            "rule": (f"scare quote: a quotation of {quote.n_words} word"
                     f"{'s' if quote.n_words != 1 else ''} (at most {SCARE_MAX_WORDS}) with no "
                     "reporting verb or 'according to' in its sentence"),
        })
    rows.sort(key=lambda r: (r["start"], -r["end"], r["category"]))
    return rows
