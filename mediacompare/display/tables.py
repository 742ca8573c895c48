"""Tables that grow with the corpus, capped for display."""

from __future__ import annotations

import pandas as pd

__all__ = ["capped"]


def capped(frame: pd.DataFrame, max_rows: int = 50) -> pd.DataFrame:
    """Return at most ``max_rows`` rows, and say so in ``attrs['note']`` when rows were cut.

    Notebooks print the note beside the table, so a reader of a large corpus
    knows the table is a sample (the whole table is one ``export`` away).

    >>> small = capped(pd.DataFrame({"a": range(5)}), max_rows=2)
    >>> len(small), small.attrs["note"]
    (2, 'showing the first 2 of 5 rows; `mediacompare export` writes them all')
    """
    if max_rows < 1:
        raise ValueError(f"max_rows must be at least 1; got {max_rows}")
    if len(frame) <= max_rows:
        out = frame.copy()
        out.attrs["note"] = f"all {len(frame)} rows"
        return out
    out = frame.head(max_rows).copy()
    out.attrs["note"] = (f"showing the first {max_rows} of {len(frame)} rows; "
                         "`mediacompare export` writes them all")
    return out
