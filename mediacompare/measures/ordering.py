"""Reading order of an alignment: article a's sentences in order, b's unmatched ones beside."""

from __future__ import annotations

from typing import Any

import pandas as pd

from .words import _missing

__all__ = ["reading_order"]


def _reading_order(n_a: int, n_b: int, matches: dict[int, int]) -> list[tuple[int | None, int | None]]:
    """``(i, j)`` pairs in the order of article a, b's unmatched sentences by their neighbour.

    ``matches`` maps sentence ``i`` of a to sentence ``j`` of b. A run of
    unmatched sentences of b follows the row of the matched sentence of b just
    before it; a run before every matched one precedes the first matched
    sentence of b; with no match at all, b's sentences come after a's.

    >>> _reading_order(3, 4, {0: 2, 2: 0})
    [(0, 2), (None, 3), (1, None), (2, 0), (None, 1)]
    """
    matched_b = sorted(matches.values())
    after: dict[int | None, list[int]] = {}
    unmatched = [j for j in range(n_b) if j not in set(matched_b)]
    for j in unmatched:
        before = [m for m in matched_b if m < j]
        after.setdefault(before[-1] if before else None, []).append(j)
    first = matched_b[0] if matched_b else None
    order: list[tuple[int | None, int | None]] = []
    for i in range(n_a):
        j = matches.get(i)
        if j is not None and j == first:
            order.extend((None, k) for k in after.pop(None, []))
        order.append((i, j))
        if j is not None:
            order.extend((None, k) for k in after.pop(j, []))
    order.extend((None, k) for k in after.pop(None, []))
    return order


def reading_order(pair: pd.DataFrame) -> pd.DataFrame:
    """The rows of one pair of an :func:`align` table in reading order.

    Article a's sentences in order; each run of b's unmatched sentences
    (``only_in_b``) right after the row of the matched sentence of b that
    precedes it (before the first matched one when none precedes). :func:`align`
    returns its rows in this order; this puts a filtered or re-sorted pair back.

    >>> table = pd.DataFrame({"sentence_a": pd.array([1, None, 0], dtype="Int64"),
    ...                       "sentence_b": pd.array([None, 0, 1], dtype="Int64")})
    >>> reading_order(table).index.tolist()
    [1, 2, 0]
    """
    if {"article_a", "article_b"} <= set(pair.columns) and (
            pair["article_a"].nunique() > 1 or pair["article_b"].nunique() > 1):
        raise ValueError("reading_order takes the rows of one pair of articles; got "
                         f"{pair['article_a'].nunique()} article_a and "
                         f"{pair['article_b'].nunique()} article_b values")
    pairs = pair[["sentence_a", "sentence_b"]]
    row_of: dict[tuple[int | None, int | None], Any] = {}
    matches: dict[int, int] = {}
    for label, i, j in zip(pair.index, pairs["sentence_a"], pairs["sentence_b"]):
        i = None if _missing(i) else int(i)
        j = None if _missing(j) else int(j)
        row_of[i, j] = label
        if i is not None and j is not None:
            matches[i] = j
    n_a = 1 + max((k[0] for k in row_of if k[0] is not None), default=-1)
    n_b = 1 + max((k[1] for k in row_of if k[1] is not None), default=-1)
    labels = [row_of[k] for k in _reading_order(n_a, n_b, matches) if k in row_of]
    return pair.loc[labels]

