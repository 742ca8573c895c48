"""Tokens and sentences as tidy tables (one row per token or sentence, offsets as int64)."""

from __future__ import annotations

import numbers

import pandas as pd

from .sentences import sentence_bounds
from .tokens import _NORM_TABLE, KIND_NAMES, scan_codes

__all__ = ["sentence_frame", "token_frame"]


def _column(values, dtype) -> pd.Series:
    # dtype=str is object on pandas 2 and the default string dtype on pandas 3,
    # also for an empty column.
    return pd.Series(values, dtype=dtype)


def _frame(columns: dict, n: int, article_id) -> pd.DataFrame:
    data = {}
    if article_id is not None:
        if isinstance(article_id, str):
            dtype = str
        elif isinstance(article_id, numbers.Integral) and not isinstance(article_id, bool):
            dtype = "int64"
        else:
            dtype = object
        data["article_id"] = _column([article_id] * n, dtype)
    data.update(columns)
    return pd.DataFrame(data)


def token_frame(text: str, *, article_id=None) -> pd.DataFrame:
    """One row per token of ``text``.

    Parameters
    ----------
    text : str
        Any string; it is not modified.
    article_id : optional
        When given, the first column, repeated on every row.

    Returns
    -------
    pandas.DataFrame
        Columns ``token_id``, ``sentence_id`` (both counting from 0 within the
        text), ``start``, ``end`` (int64 offsets, ``text[start:end] == text``),
        ``text``, ``norm`` and ``kind`` (strings).

    Examples
    --------
    >>> token_frame("Hi there. Bye!", article_id="a1")[["article_id", "sentence_id", "text", "kind"]]
      article_id  sentence_id   text   kind
    0         a1            0     Hi   word
    1         a1            0  there   word
    2         a1            0      .  punct
    3         a1            1    Bye   word
    4         a1            1      !  punct
    """
    starts, ends, kinds = scan_codes(text)
    sentence_ids = [0] * len(starts)
    for sentence_id, (a, b) in enumerate(sentence_bounds(text, starts, ends, kinds)):
        sentence_ids[a:b + 1] = [sentence_id] * (b - a + 1)
    words = [text[s:e] for s, e in zip(starts, ends)]
    return _frame({
        "token_id": _column(range(len(starts)), "int64"),
        "sentence_id": _column(sentence_ids, "int64"),
        "start": _column(starts, "int64"),
        "end": _column(ends, "int64"),
        "text": _column(words, str),
        "norm": _column([w.lower().translate(_NORM_TABLE) for w in words], str),
        "kind": _column([KIND_NAMES[k] for k in kinds], str),
    }, len(starts), article_id)


def sentence_frame(text: str, *, article_id=None) -> pd.DataFrame:
    """One row per sentence of ``text``.

    Parameters
    ----------
    text : str
        Any string; it is not modified.
    article_id : optional
        When given, the first column, repeated on every row.

    Returns
    -------
    pandas.DataFrame
        Columns ``sentence_id`` (counting from 0), ``start``, ``end`` (int64
        offsets), ``text`` (string) and ``n_tokens`` (int64).

    Examples
    --------
    >>> sentence_frame("Mr. Smith left.\\nHe returned!")
       sentence_id  start  end             text  n_tokens
    0            0      0   15  Mr. Smith left.         4
    1            1     16   28     He returned!         3
    """
    starts, ends, kinds = scan_codes(text)
    spans = sentence_bounds(text, starts, ends, kinds)
    first = [starts[a] for a, _ in spans]
    last = [ends[b] for _, b in spans]
    return _frame({
        "sentence_id": _column(range(len(spans)), "int64"),
        "start": _column(first, "int64"),
        "end": _column(last, "int64"),
        "text": _column([text[s:e] for s, e in zip(first, last)], str),
        "n_tokens": _column([b - a + 1 for a, b in spans], "int64"),
    }, len(spans), article_id)
