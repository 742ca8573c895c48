"""Tables for people: human headers, rounded numbers, no index, missing values in words.

:func:`table` turns one of the library's tidy DataFrames into a :class:`Table`
that a notebook (and the report) shows through pandas' ``Styler``: column
names become headers people read ("Article", "Per 1,000 words"), numbers are
rounded (whole numbers with thousands separators, shares as percentages), the
index is hidden, and a missing value shows as a dash with a note in words
under the table saying what it means. Long tables are sorted by what matters
(``sort=``) and cut at ``max_rows`` rows; the whole table follows, folded in a
``<details>`` (itself capped at :data:`FULL_MAX_ROWS`, beyond which the CSV
export has every row). Long text wraps inside its cell, so a wide table fits the
page instead of being cut.

Every header and cell is escaped (``Styler.format(escape="html")``).

:func:`capped` is the older helper: the first rows of a frame with a note.
"""

from __future__ import annotations

import html
import math
import re
from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd

__all__ = ["FULL_MAX_ROWS", "HEADERS", "Table", "capped", "header", "table"]

#: A long table of at most this many rows follows, folded, under its first rows; a longer
#: one is left to the CSV export (``mediacompare export``), so pages stay light.
FULL_MAX_ROWS = 60

#: Headers for the library's column names (others: ``snake_case`` -> "Snake case").
HEADERS = {
    "article_id": "Article", "article_a": "Article A", "article_b": "Article B",
    "outlet": "Outlet", "outlet_a": "Outlet A", "outlet_b": "Outlet B", "publisher": "Carried by",
    "date": "Date", "event_id": "Event", "title": "Headline", "text": "Text", "url": "Address",
    "n_words": "Words", "n_sentences": "Sentences", "n_chars": "Characters", "n_spans": "Cues",
    "n_cues": "Cues", "n_quotes": "Quotations", "n_mentions": "Mentions", "n_articles": "Articles",
    "n_lines": "Lines", "n_removed": "Lines removed", "per_1000_words": "Per 1,000 words",
    "line_no": "Line", "rule_id": "Rule", "reason": "Why", "category": "Category",
    "confidence": "Confidence", "in_quote": "Quoted?", "neutral_alternative": "Neutral wording",
    "rule": "Rule or lexicon line", "term": "Lexicon entry", "note": "Why it is loaded",
    "speaker": "Speaker", "speaker_group": "Speaker's side", "verb": "Reporting verb",
    "method": "How the speaker was found", "evidence": "Evidence", "quote": "Quotation",
    "actor": "Actor", "actor_id": "Actor", "form": "Form used", "form_kind": "Kind of form",
    "voice": "Voice", "frame": "Frame", "conflict_frame": "Conflict frame", "share": "Share",
    "compound": "Tone (VADER)", "mean_compound": "Mean tone", "share_negative": "Negative",
    "share_positive": "Positive", "share_neutral": "Neutral", "cosine": "Similarity",
    "share_a_in_b": "Share of A in B", "share_b_in_a": "Share of B in A", "flag": "Copy?",
    "status": "Status", "notes": "Notes", "z": "z", "count": "Count here",
    "count_rest": "Count elsewhere", "n": "Times", "n_shared": "Shared", "n_reworded": "Reworded",
    "n_only_in_a": "Only in A", "n_only_in_b": "Only in B", "n_quotes": "Quotations",
    "affiliation": "Side", "generic_label": "Generic label", "number": "No.",
    "answer": "Answer", "counterpart": "Counterpart in B", "article_ids": "Articles",
    "outlets": "Outlets", "group": "Outlet", "description": "Description",
    "country": "Country", "kind": "Kind", "ownership": "Ownership or funding",
    "credit_kind": "Credit", "input": "Input", "sentence_id": "Sentence", "sentence": "Sentence",
}

_TEXT_STYLE = "mc-text"
_NUM_STYLE = "mc-num"


def header(column: Any) -> str:
    """The header people read for a column name.

    >>> header("per_1000_words"), header("form_kind"), header("flesch_kincaid_grade")
    ('Per 1,000 words', 'Kind of form', 'Flesch kincaid grade')
    """
    name = str(column)
    if name in HEADERS:
        return HEADERS[name]
    words = re.sub(r"_+", " ", name).strip()
    return words[:1].upper() + words[1:] if words else name


def _is_missing(value: Any) -> bool:
    if value is None:
        return True
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _formatter(series: pd.Series, digits: int, percent: bool, missing: str):
    """A function formatting one column's values for people."""
    if pd.api.types.is_bool_dtype(series):
        return lambda v: missing if _is_missing(v) else ("yes" if v else "no")
    if pd.api.types.is_integer_dtype(series):
        return lambda v: missing if _is_missing(v) else f"{int(v):,}"
    if pd.api.types.is_float_dtype(series):
        whole = series.dropna().map(lambda v: float(v).is_integer()).all() and not percent

        def fmt(v: Any) -> str:
            if _is_missing(v) or (isinstance(v, float) and math.isinf(v)):
                return missing
            if percent:
                return f"{100 * float(v):.{max(digits - 2, 0)}f}%"
            return f"{int(v):,}" if whole else f"{float(v):,.{digits}f}"
        return fmt

    def text(v: Any) -> str:
        if _is_missing(v):
            return missing
        if isinstance(v, bool):
            return "yes" if v else "no"
        if isinstance(v, pd.Timestamp):
            return v.date().isoformat() if v == v.normalize() else v.isoformat(sep=" ")
        if isinstance(v, float):
            return f"{v:,.{digits}f}"
        return str(v)
    return text


class Table:
    """A table formatted for people: shows itself in a notebook and in the report.

    Attributes: ``data`` (the rows shown, formatted as text, under their headers),
    ``full`` (every row, sorted), ``caption`` and ``notes``. ``str(table)`` is
    a plain-text rendering.
    """

    def __init__(self, data: pd.DataFrame, full: pd.DataFrame, html_shown: str,
                 html_full: str, *, caption: str, notes: tuple[str, ...], summary: str,
                 appendix: str = ""):
        self.data = data
        self.full = full
        self.caption = caption
        self.notes = notes
        self._shown = html_shown
        self._full = html_full
        self._summary = summary
        self._appendix = appendix  # escaped HTML put after the table (see with_appendix)

    def with_appendix(self, markup: str) -> Table:
        """The same table with ``markup`` (HTML whose every piece of data is already
        escaped) after it, such as a folded list of sources."""
        return Table(self.data, self.full, self._shown, self._full, caption=self.caption,
                     notes=self.notes, summary=self._summary, appendix=self._appendix + markup)

    def _repr_html_(self) -> str:
        esc = html.escape
        parts = ['<div class="mc-table">']
        if self.caption:
            parts.append(f'<p class="mc-table-caption">{esc(self.caption)}</p>')
        parts.append(f'<div class="mc-table-body">{self._shown}</div>')
        parts.extend(f'<p class="mc-table-note">{esc(n)}</p>' for n in self.notes)
        if self._full:
            parts.append(f'<details class="mc-table-all"><summary>{esc(self._summary)}</summary>'
                         f'<div class="mc-table-body">{self._full}</div></details>')
        parts.append(self._appendix)
        parts.append("</div>")
        return "".join(parts)

    def __str__(self) -> str:
        text = self.data.to_string(index=False)
        return "\n".join([self.caption, text, *self.notes]).strip()

    def __repr__(self) -> str:
        return (f"<Table: {len(self.data):,} of {len(self.full):,} rows shown"
                + (f"; {self.caption}" if self.caption else "") + ">")

    def __len__(self) -> int:
        return len(self.full)


def _styled(frame: pd.DataFrame, headers: Mapping[Any, str], formats: dict, missing_cells: str) -> str:
    if frame.empty:
        return ""
    shown = frame.copy()
    shown.columns = range(len(shown.columns))
    classes = pd.DataFrame(
        [[_NUM_STYLE if pd.api.types.is_numeric_dtype(frame[c]) and not
          pd.api.types.is_bool_dtype(frame[c]) else _TEXT_STYLE for c in frame.columns]] * len(frame),
        index=shown.index, columns=shown.columns)
    from pandas.io.formats.style import Styler

    styler = Styler(shown, cell_ids=False, escape="html", na_rep=missing_cells)
    styler = (styler.hide(axis="index")
              .format({i: formats[c] for i, c in enumerate(frame.columns)}, escape="html")
              .format_index(lambda i: html.escape(headers[frame.columns[i]]), axis=1)
              .set_td_classes(classes)
              .set_table_attributes('class="mc-data"'))
    return _lean(styler.to_html())


def _lean(markup: str) -> str:
    """Styler's HTML without what a page does not need (an empty style element, the
    per-cell position classes), so long tables weigh less."""
    markup = markup.replace('<style type="text/css">\n</style>\n', "")
    markup = re.sub(r' class="col_heading level0 col\d+" ', "", markup)
    return re.sub(r'class="data row\d+ col\d+ ', 'class="', markup)


def table(frame: pd.DataFrame, *, columns: Sequence[str] | Mapping[str, str] | None = None,
          sort: str | Sequence[str] | None = None, ascending: bool | Sequence[bool] = False,
          max_rows: int = 15, digits: int | Mapping[str, int] = 2, percent: Sequence[str] = (),
          missing: str | Mapping[str, str] | None = None, caption: str = "",
          notes: Sequence[str] = (), index: bool = False, what: str = "rows") -> Table:
    """Format ``frame`` for people; return a :class:`Table`.

    Parameters
    ----------
    columns : list or dict, optional
        The columns to show, in order (default: all). A dict maps each column
        to its header; a list uses :data:`HEADERS` (and "Snake case" for others).
    sort, ascending : optional
        Sort by these columns first (the most important rows on top).
    max_rows : int
        Rows shown; the whole table follows, folded (at most :data:`FULL_MAX_ROWS`).
    digits : int or dict
        Decimals of non-whole numbers (per column with a dict).
    percent : list
        Columns holding shares (0 to 1), shown as percentages.
    missing : str or dict, optional
        What a missing value means, in words (per column with a dict). The cell
        shows a dash and a note under the table gives the words; a column not
        named gets "no value".
    caption, notes : optional
        A line above, and lines under, the table.
    index : bool
        Show the index as the first column (for pivot tables whose index is a label).
    what : str
        The plural noun of a row, for the notes ("outlets", "cues").

    >>> t = table(pd.DataFrame({"article_id": ["a", "b"], "per_1000_words": [2.345, None]}),
    ...           missing="no words in this voice")
    >>> print(t)
    Article Per 1,000 words
          a            2.35
          b               –
    –: no words in this voice.
    >>> "<th" in t._repr_html_() and "index" not in t._repr_html_()
    True
    """
    if not isinstance(frame, pd.DataFrame):
        raise TypeError(f"frame must be a pandas DataFrame; got {type(frame).__name__}")
    if isinstance(max_rows, bool) or not isinstance(max_rows, int) or max_rows < 1:
        raise ValueError(f"max_rows must be a whole number >= 1; got {max_rows!r}")
    data = frame.reset_index() if index else frame.reset_index(drop=True)
    if index and str(data.columns[0]) in ("index", "level_0"):
        data = data.rename(columns={data.columns[0]: ""})
    if isinstance(columns, Mapping):
        names = {c: str(h) for c, h in columns.items()}
        data = data[list(columns)]
    else:
        if columns is not None:
            data = data[list(columns)]
        names = {c: header(c) for c in data.columns}
    if sort is not None:
        data = data.sort_values(sort, ascending=ascending, kind="stable").reset_index(drop=True)
    dash = "–"
    explained: dict[str, str] = {}
    if isinstance(missing, Mapping):
        explained = {c: str(m) for c, m in missing.items()}
    elif missing is not None:
        explained = {c: str(missing) for c in data.columns}
    formats = {}
    for column in data.columns:
        places = digits.get(column, 2) if isinstance(digits, Mapping) else digits
        formats[column] = _formatter(data[column], places, column in percent, dash)
    shown = data.head(max_rows)
    lost = [c for c in data.columns
            if (data if len(data) <= FULL_MAX_ROWS else shown)[c].map(_is_missing).any()]
    meanings = list(dict.fromkeys(explained.get(c, "no value") for c in lost))
    notes = list(notes)
    if meanings:
        notes.append(f"{dash}: " + "; ".join(meanings) + ".")
    full_html, summary = "", ""
    if len(data) > max_rows:
        order = f", sorted by {', '.join(names[s] for s in ([sort] if isinstance(sort, str) else sort))}" \
            if sort is not None else ""
        if len(data) <= FULL_MAX_ROWS:
            notes.insert(0, f"The first {max_rows:,} of {len(data):,} {what}{order}; all of "
                            "them are below.")
            summary = f"All {len(data):,} {what}"
            full_html = _styled(data, names, formats, dash)
        else:
            notes.insert(0, f"The first {max_rows:,} of {len(data):,} {what}{order}. The CSV "
                            "export (mediacompare export) has every row.")
    plain = shown.copy()
    for column in plain.columns:
        plain[column] = plain[column].map(formats[column])
    plain.columns = [names[c] for c in data.columns]
    result = Table(plain, data, _styled(shown, names, formats, dash), full_html,
                   caption=caption, notes=tuple(notes), summary=summary)
    return result


def capped(frame: pd.DataFrame, max_rows: int = 50) -> pd.DataFrame:
    """Return at most ``max_rows`` rows, and say so in ``attrs['note']`` when rows were cut.

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
