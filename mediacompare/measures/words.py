"""Words as the comparison measures see them, and the articles table they read.

Shared by :mod:`~mediacompare.measures.align`, :mod:`~mediacompare.measures.wire`
and :mod:`~mediacompare.measures.events`: the lowercase norms of the ``word``,
``number`` and ``abbreviation`` tokens of :func:`mediacompare.tokenize`, a
possessive ``'s`` dropped where sentences are compared (:func:`word_key`).
"""

from __future__ import annotations

import numbers
from typing import Any

import pandas as pd

from ..errors import CorpusError
from ..document import analyse, articles_of, word_keys

__all__ = ["word_key"]

_WORD_KINDS = frozenset({"word", "number", "abbreviation"})


# ---------------------------------------------------------------- words

def _words(text: str, *, cache: bool = True) -> list[str]:
    """The lowercase norms of the words of ``text`` (the shingles of wire copy); an article's
    from its analysis (``cache``), a sentence's analysed and dropped."""
    return word_keys(text, cache=cache)


def word_key(norm: str) -> str:
    """A word as sentences are compared: its norm without a possessive ``'s``.

    >>> word_key("russia's"), word_key("troops"), word_key("won't")
    ('russia', 'troops', "won't")
    """
    return norm[:-2] if norm.endswith("'s") and len(norm) > 2 else norm


def _keys(text: str) -> list[str]:  # of a sentence
    """The words of ``text`` as TF-IDF sees them (:func:`word_key` of each norm)."""
    return [word_key(w) for w in _words(text, cache=False)]


def _n_words(text: Any) -> int:
    return analyse(text).n_words if isinstance(text, str) else 0


def _missing(value: Any) -> bool:
    if value is None:
        return True
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _table(source: Any) -> pd.DataFrame:
    frame = articles_of(source)
    frame = frame.assign(article_id=frame["article_id"].map(str)).reset_index(drop=True)
    dup = frame["article_id"][frame["article_id"].duplicated()]
    if len(dup):
        raise CorpusError(f"the articles table has duplicate article_id values: "
                          f"{', '.join(dup.unique()[:5])}")
    return frame


def _known(ids: list[str]) -> str:
    return ", ".join(ids[:20]) + (", ..." if len(ids) > 20 else "")


def _check_n(n: Any) -> int:
    if isinstance(n, bool) or not isinstance(n, numbers.Integral) or n < 1:
        raise ValueError(f"n must be a positive integer (words per shingle); got {n!r}")
    return int(n)

