r"""Republished text: how much of one article's wording recurs in another.

:func:`wire_copy` finds republished text (agency copy, press releases, one
outlet reprinting another) across every pair of articles: a comparison of two
outlets carrying the same AFP wire story compares AFP with itself.
:func:`copied_passages` gives the passages of one text found in another.

Wire copy
    :func:`wire_copy` compares sets of word shingles (``n`` consecutive words,
    the same lowercase norms), stored as 64-bit BLAKE2 hashes (deterministic,
    unlike Python's ``hash``) in one index from shingle to articles: its cost
    grows with the total length of the texts plus the pairs of articles that
    share a shingle, not with the product of article lengths. The table itself
    has a row per ordered pair, k(k-1) rows for k articles. Eight words in the
    same order almost never recur by chance in news prose, except in set
    phrases and quotations that several outlets carry.
"""

from __future__ import annotations

import hashlib
import itertools
import math
import numbers
from collections import Counter
from typing import Any

import pandas as pd

from ..document import analyse
from .words import _WORD_KINDS, _check_n, _table, _words

__all__ = ["WIRE_COLUMNS", "copied_passages", "wire_copy"]

#: Columns of :func:`wire_copy`, in order.
WIRE_COLUMNS = ("article_a", "outlet_a", "article_b", "outlet_b", "n_shingles_a",
                "n_shingles_b", "n_shared", "share_a_in_b", "share_b_in_a", "flag")


def _hash(words: list[str]) -> int:
    digest = hashlib.blake2b("\x1f".join(words).encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big")


def _shingle_hashes(words: list[str], n: int) -> list[int]:
    """The hash of each run of ``n`` consecutive words, in order (empty when fewer words)."""
    return [_hash(words[k:k + n]) for k in range(len(words) - n + 1)]


def wire_copy(source: Any, *, n: int = 8, min_share: float = 0.3) -> pd.DataFrame:
    """How much of each article's wording recurs in each other article (any event).

    Parameters
    ----------
    source : Corpus, DataFrame or str
        Every article is compared with every other.
    n : int
        Words per shingle (lowercase norms of word, number and abbreviation
        tokens; punctuation is skipped, so a shingle may cross a sentence end).
    min_share : float
        ``flag`` is True when either share reaches it.

    Returns
    -------
    DataFrame
        Columns :data:`WIRE_COLUMNS`, one row per ordered pair (a, b) with
        a ≠ b, so k articles give k(k-1) rows. ``n_shingles_a`` counts the
        distinct shingles of a, ``n_shared`` those also in b, ``share_a_in_b``
        is their ratio (NaN when a has fewer than ``n`` words), ``share_b_in_a``
        the reverse. A flagged pair is likely republished copy (an agency story,
        a press release, one outlet reprinting another): comparing the two
        compares a text with itself, which distorts outlet comparisons.

    Examples
    --------
    >>> arts = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["A", "B"], "text": [
    ...     "one two three four five six", "New lead. One two three four five six!"]})
    >>> wire_copy(arts, n=3)[["article_a", "article_b", "n_shared", "share_a_in_b", "flag"]]
      article_a article_b  n_shared  share_a_in_b  flag
    0         a         b         4      1.000000  True
    1         b         a         4      0.666667  True
    """
    n = _check_n(n)
    if isinstance(min_share, bool) or not isinstance(min_share, numbers.Real) \
            or not 0 < min_share <= 1:
        raise ValueError(f"min_share must be a number above 0 and at most 1; got {min_share!r}")
    table = _table(source)
    ids = table["article_id"].tolist()
    outlets = table["outlet"].map(str).tolist()
    sets = [set(_shingle_hashes(_words(t) if isinstance(t, str) else [], n))
            for t in table["text"]]
    holders: dict[int, list[int]] = {}
    for k, shingles in enumerate(sets):
        for h in shingles:
            holders.setdefault(h, []).append(k)
    shared: Counter = Counter()
    for ks in holders.values():
        if len(ks) > 1:
            shared.update(itertools.combinations(ks, 2))
    rows = []
    for i, j in itertools.permutations(range(len(ids)), 2):
        common = shared[min(i, j), max(i, j)]
        share_a = common / len(sets[i]) if sets[i] else math.nan
        share_b = common / len(sets[j]) if sets[j] else math.nan
        rows.append({"article_a": ids[i], "outlet_a": outlets[i], "article_b": ids[j],
                     "outlet_b": outlets[j], "n_shingles_a": len(sets[i]),
                     "n_shingles_b": len(sets[j]), "n_shared": common,
                     "share_a_in_b": share_a, "share_b_in_a": share_b,
                     "flag": bool(share_a >= min_share or share_b >= min_share)})
    frame = pd.DataFrame(rows, columns=list(WIRE_COLUMNS))
    return frame.astype({"n_shingles_a": "int64", "n_shingles_b": "int64", "n_shared": "int64",
                         "share_a_in_b": "float64", "share_b_in_a": "float64", "flag": "bool"})


def copied_passages(a_text: str, b_text: str, n: int = 8) -> pd.DataFrame:
    """The passages of ``a_text`` made of shingles that ``b_text`` also has.

    Overlapping (or word-adjacent) shared shingles are merged into one passage
    running from the first character of its first word to the last character
    of its last word.

    Returns
    -------
    DataFrame
        Columns ``start``, ``end`` (int64 offsets into ``a_text``, end
        exclusive), ``text`` (``a_text[start:end]``) and ``n_words``, in order.

    Examples
    --------
    >>> copied_passages("Breaking: one two three four, five. Six!", "One two three four five", n=3)
       start  end                      text  n_words
    0     10   34  one two three four, five        5
    """
    n = _check_n(n)
    for name, value in (("a_text", a_text), ("b_text", b_text)):
        if not isinstance(value, str):
            raise TypeError(f"{name} must be a string; got {type(value).__name__}")
    tokens = [t for t in analyse(a_text).tokens if t.kind in _WORD_KINDS]
    in_b = set(_shingle_hashes(_words(b_text), n))
    runs: list[list[int]] = []  # [first word, last word] of each merged passage
    for k, h in enumerate(_shingle_hashes([t.norm for t in tokens], n)):
        if h in in_b:
            if runs and k <= runs[-1][1] + 1:
                runs[-1][1] = k + n - 1
            else:
                runs.append([k, k + n - 1])
    starts = [tokens[f].start for f, _ in runs]
    ends = [tokens[last].end for _, last in runs]
    return pd.DataFrame({
        "start": pd.Series(starts, dtype="int64"), "end": pd.Series(ends, dtype="int64"),
        "text": pd.Series([a_text[s:e] for s, e in zip(starts, ends)], dtype=str),
        "n_words": pd.Series([last - f + 1 for f, last in runs], dtype="int64")})
