"""The report's ``index.html``: how it was made, the corpus, the notebook pages.

Everything that comes from the corpus (titles, outlets, file names, reasons) is
untrusted text and goes through :func:`html.escape`. The page has inline CSS
and no JavaScript. It is the only page of the report that carries a date (the
UTC build date, without a time).
"""

from __future__ import annotations

import html
import math
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from .export import page_head

__all__ = ["CORPUS_COLUMNS", "MAX_ROWS", "index_page"]

#: Columns of the articles table shown on the index, in this order, when present.
CORPUS_COLUMNS = ("article_id", "outlet", "publisher", "date", "event_id", "title")
#: At most this many rows of a table are written; the page says when it cuts.
MAX_ROWS = 500

_CSS = """
body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2em auto;
       max-width: 72em; padding: 0 1em; color: #222; line-height: 1.45; }
h1 { font-size: 1.7em; margin-bottom: 0.2em; } h2 { font-size: 1.2em; margin-top: 1.8em; }
table { border-collapse: collapse; margin: 0.5em 0; font-size: 0.92em; }
th, td { border: 1px solid #ccc; padding: 0.3em 0.6em; text-align: left; vertical-align: top; }
th { background: #f0f0f0; }
dl.made { display: grid; grid-template-columns: max-content auto; gap: 0.2em 1em; }
dl.made dt { font-weight: bold; } dl.made dd { margin: 0; }
code { font-size: 0.95em; word-break: break-all; }
.ok { color: #176a1e; font-weight: bold; } .failed { color: #a11; font-weight: bold; }
.note { color: #555; font-size: 0.92em; }
"""


def _text(value: Any) -> str:
    """A table cell's value as plain (not yet escaped) text; missing is ''."""
    if value is None:
        return ""
    if isinstance(value, float) and math.isnan(value):
        return ""
    if type(value).__name__ in {"NaTType", "NAType"}:
        return ""
    if isinstance(value, datetime):
        if (value.hour, value.minute, value.second, value.microsecond) == (0, 0, 0, 0):
            return value.date().isoformat()
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _table(rows: Sequence[Sequence[Any]], columns: Sequence[str], *, what: str) -> str:
    """An HTML table with escaped cells, cut at MAX_ROWS rows (and saying so)."""
    esc = html.escape
    head = "".join(f"<th>{esc(c)}</th>" for c in columns)
    body = "\n".join(
        "<tr>" + "".join(f"<td>{esc(_text(v))}</td>" for v in row) + "</tr>"
        for row in rows[:MAX_ROWS]
    )
    note = ""
    if len(rows) > MAX_ROWS:
        note = (f'\n<p class="note">Showing the first {MAX_ROWS} of {len(rows)} {esc(what)}; '
                f"the notebooks use all of them.</p>")
    return f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{body}\n</tbody>\n</table>{note}"


def _frame_rows(frame: Any, columns: Sequence[str]) -> list[tuple[Any, ...]]:
    return list(frame[list(columns)].itertuples(index=False, name=None))


def _notebook_rows(pages: Sequence[Any], audiences: Sequence[str]) -> str:
    """One table row per notebook: its title, a link per audience, the notebook files."""
    esc = html.escape
    grouped: dict[str, dict[str, Any]] = {}
    for p in pages:
        grouped.setdefault(p.notebook, {})[p.audience] = p
    rows = []
    for notebook, by_audience in grouped.items():
        first = next(iter(by_audience.values()))
        cells = [f"<td>{esc(first.title)}</td>"]
        for audience in audiences:
            p = by_audience.get(audience)
            if p is None:
                cells.append("<td></td>")
                continue
            cells.append(f'<td><a href="{esc(p.html)}">{esc(audience)}</a> '
                         f'<span class="{esc(p.status)}">{esc(p.status)}</span></td>')
        files = [f'<a href="{esc(p.handout)}">{esc(a)}</a>' for a, p in by_audience.items()
                 if p.handout]
        cells.append(f"<td><code>{esc(notebook)}</code>"
                     + (f" ({', '.join(files)})" if files else "") + "</td>")
        n = first.solutions
        cells.append(f"<td>{n}</td>")
        errors = sorted({p.error for p in by_audience.values() if p.error})
        cells.append(f"<td>{esc('; '.join(errors))}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return "\n".join(rows)


def _exercise_note(n: int) -> str:
    """What the index says about the exercises' two versions.

    >>> _exercise_note(0)[:40]
    'No notebook here has answer cells (cells'
    >>> _exercise_note(1)[:46]
    '1 exercise notebook keeps its answers in cells'
    """
    how = ("the student's version is run without them, the teacher's version shows and marks "
           "them; the other notebooks are the same in both.")
    if n == 0:
        return ("No notebook here has answer cells (cells tagged <code>solution</code>), so both "
                "versions are the same.")
    if n == 1:
        return f"1 exercise notebook keeps its answers in cells tagged <code>solution</code>: {how}"
    return f"{n} exercise notebooks keep their answers in cells tagged <code>solution</code>: {how}"


def index_page(*, pages: Sequence[Any], articles: Any, load_report: Any, digest: str,
               version: str, build_date: str, corpus_label: str,
               audiences: Sequence[str] = ("student", "teacher")) -> str:
    """The HTML text of ``index.html``.

    Parameters
    ----------
    pages : sequence of PageRecord
        One per notebook and audience, in order.
    articles : pandas.DataFrame
        The corpus's articles table; the columns of ``CORPUS_COLUMNS`` that it
        has are shown.
    load_report : pandas.DataFrame or None
        The corpus's load report (``input``, ``article_id``, ``status``,
        ``reason``); inputs not simply ``loaded`` are listed.
    digest : str
        The corpus hash.
    version : str
        The mediacompare version.
    build_date : str
        The UTC build date, ``YYYY-MM-DD``.
    corpus_label : str
        Where the corpus came from, as shown to the reader.
    audiences : sequence of str
        The renders built (``"student"``, ``"teacher"``), one column each.
    """
    esc = html.escape
    n_ok = sum(p.status == "ok" for p in pages)
    items = _notebook_rows(pages, audiences)
    audience_heads = "".join(f"<th>{esc(a.capitalize())}'s version</th>" for a in audiences)
    n_exercises = len({p.notebook for p in pages if p.solutions})
    columns = [c for c in CORPUS_COLUMNS if c in articles.columns]
    corpus_table = _table(_frame_rows(articles, columns), columns, what="articles")
    load_part = ""
    if load_report is not None and len(load_report):
        counts = load_report["status"].value_counts().sort_index()
        summary = ", ".join(f"{esc(str(k))}: {int(v)}" for k, v in counts.items())
        load_part = f"<h2>Load report</h2>\n<p>Inputs by status: {summary}.</p>"
        flagged = load_report[~load_report["status"].isin(["loaded", "read"])]
        if len(flagged):
            cols = [c for c in ("input", "article_id", "status", "reason") if c in flagged.columns]
            load_part += ("\n<p>Inputs not loaded as they were, and why:</p>\n"
                          + _table(_frame_rows(flagged, cols), cols, what="inputs"))
    return page_head("mediacompare report", _CSS, f"mediacompare {version}") + f"""
<body>
<h1>mediacompare report</h1>
<p>How outlets covered the same events: the executed notebooks of mediacompare,
run on the corpus below. Lexicon cues are prompts for discussion, not verdicts of bias.</p>
<h2>How this report was made</h2>
<dl class="made">
<dt>mediacompare</dt><dd>{esc(version)}</dd>
<dt>Built on (UTC)</dt><dd>{esc(build_date)}</dd>
<dt>Corpus</dt><dd>{esc(corpus_label)}</dd>
<dt>Corpus hash (sha256)</dt><dd><code>{esc(digest)}</code></dd>
<dt>Pages</dt><dd>{n_ok} of {len(pages)} ran without error</dd>
</dl>
<h2>Notebooks</h2>
<p>{_exercise_note(n_exercises)} The notebook files are the handouts to open in JupyterLab
(unexecuted; the student's without the answers).</p>
<table>
<thead><tr><th>Notebook</th>{audience_heads}<th>File</th><th>Answer cells</th><th>Error</th></tr></thead>
<tbody>
{items}
</tbody>
</table>
<h2>Corpus: {len(articles)} articles</h2>
{corpus_table}
{load_part}
</body>
</html>
"""
