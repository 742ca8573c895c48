"""Reading students' answers leniently: words, phrases, item numbers and lists."""

from __future__ import annotations

import numbers
import re
from typing import Any

import pandas as pd

from ..text import tokenize

_WORD_KINDS = ("word", "number", "abbreviation")


def _words(text: str) -> tuple[str, ...]:
    """The lowercase norms of the words of ``text``: how answers are compared.

    >>> _words("“Brutal,” he said: don’t!")
    ('brutal', 'he', 'said', "don't")
    """
    return tuple(t.norm for t in tokenize(text) if t.kind in _WORD_KINDS)


def _contains(seq: tuple[str, ...], part: tuple[str, ...]) -> bool:
    """True when ``part`` is a run of consecutive items of ``seq``."""
    n = len(part)
    return n > 0 and any(seq[i:i + n] == part for i in range(len(seq) - n + 1))



def _item_number(key: Any) -> int | None:
    """An item number from ``3``, ``"3"``, ``" #3 "`` or ``3.0``; None otherwise."""
    if isinstance(key, bool):
        return None
    if isinstance(key, numbers.Integral):
        return int(key)
    if isinstance(key, float) and key.is_integer():
        return int(key)
    if isinstance(key, str):
        match = re.fullmatch(r"\s*(?:item|no\.?|number|sentence)?\s*#?\s*(\d+)\s*[.)]?\s*", key, re.I)
        return int(match.group(1)) if match else None
    return None


def _plain(text: str) -> str:
    """Lowercase, straight quotes, punctuation and extra spaces gone: for free-text answers."""
    return " ".join(_words(text))


def _as_list(value: Any, name: str, example: str) -> list:
    """A list of answers from a list, tuple, set or (comma-separated) string; None is empty."""
    if value is None:
        return []
    if isinstance(value, str):
        return [p for p in re.split(r"[,;\n]+", value) if p.strip()]
    if isinstance(value, (list, tuple, set, frozenset, pd.Series)):
        items = list(value)
        return sorted(items, key=str) if isinstance(value, (set, frozenset)) else items
    raise TypeError(f"{name} must be a list such as {example}; got {type(value).__name__}")



def _items_from(answers: Any, name: str, example: str) -> list[tuple[Any, Any]]:
    """The ``(item, answer)`` pairs of a dict or list of answers; blank answers are left out."""
    if answers is None:
        return []
    if isinstance(answers, dict):
        pairs = list(answers.items())
    elif isinstance(answers, (list, tuple)):
        pairs = [(k, v) for k, v in enumerate(answers, start=1)]
    else:
        raise TypeError(f"{name} must be a dict such as {example}; got {type(answers).__name__}")
    return [(k, v) for k, v in pairs if v is not None and not (isinstance(v, str) and not v.strip())]
