"""Small helpers shared by the HTML views: missing values as text, plurals, checks."""

from __future__ import annotations

import operator
from typing import Any

import pandas as pd

__all__ = ["_plural", "_positive", "_require", "_str", "_voice"]


def _str(value: Any) -> str:
    """``value`` as text; missing (None, NaN, NA) is ''."""
    if value is None:
        return ""
    try:
        if pd.isna(value):
            return ""
    except (TypeError, ValueError):  # array-likes are not missing values
        pass
    return str(value)


def _voice(value: Any) -> str:
    text = _str(value)
    if text == "":
        return "unknown"
    return "quoted" if bool(value) and text.lower() not in ("false", "0") else "outlet's own"


def _plural(n: int, word: str, plural: str | None = None) -> str:
    return f"{n:,} {word if n == 1 else (plural or word + 's')}"


def _positive(value: Any, name: str, extra: str = "") -> int:
    try:
        number = operator.index(value)
    except TypeError:
        number = 0
    if isinstance(value, bool) or number < 1:
        raise ValueError(f"{name} must be a positive integer{extra}; got {value!r}")
    return number


def _require(frame: pd.DataFrame, columns: tuple[str, ...], name: str) -> None:
    if not isinstance(frame, pd.DataFrame):
        raise TypeError(f"{name} must be a pandas DataFrame; got {type(frame).__name__}")
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ValueError(f"{name} is missing the columns {', '.join(missing)}; "
                         f"it has: {', '.join(map(str, frame.columns))}")

