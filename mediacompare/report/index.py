"""The report's ``index.html``: a front page for people.

What the report is and what it is not; where to start (reading, teaching,
JupyterLab); every page with what it shows and how long it takes, the
student's handout, the teacher's version and the notebook file to download; a
lesson plan when the report has the exercises it uses; the corpus in words
(counts, dates, shared events) with its articles and load report folded away;
and, last, how the report was made (version, build date, corpus hash).

Everything that comes from the corpus (titles, outlets, file names, reasons) is
untrusted text and goes through :func:`html.escape`. The page has no
JavaScript and links the report's one style sheet. It is the only page of the
report that carries a date (the UTC build date, without a time).
"""

from __future__ import annotations

import html
import math
import re
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from .export import page_head

__all__ = ["CORPUS_COLUMNS", "LESSON_PLAN", "MAX_ROWS", "index_page"]

#: Columns of the articles table shown on the index, in this order, when present.
CORPUS_COLUMNS = ("article_id", "outlet", "publisher", "date", "event_id", "title")
#: Their headers.
_HEADERS = {"article_id": "Article", "outlet": "Outlet", "publisher": "Carried by",
            "date": "Date", "event_id": "Event", "title": "Headline", "input": "Input",
            "status": "Status", "reason": "Why"}
#: At most this many rows of a table are written; the page says when it cuts.
MAX_ROWS = 500

#: Two 45-minute lessons: (minutes, lesson 1, lesson 2). ``{NN}`` is a link to the page
#: whose file name starts with ``NN-``; the plan is shown only when every such page exists.
LESSON_PLAN = (
    ("0–5", "The question: can the words of a news report take sides? Read the corpus "
            "in words (below) aloud, and say which articles report the very same event, and "
            "which report other events or other moments.",
     "Recap lesson 1's limits in one sentence each."),
    ("5–20", "{07}, alone then in pairs: underline, list, compare.",
     "{11}: match the names to the outlets; which names are titles, which are labels?"),
    ("20–35", "{09}: the outlet's own words or quoted? Why the difference matters before "
              "blaming an outlet.",
     "{10}: one event told twice; what each report leaves out, and what that does to the "
     "reader's picture."),
    ("35–45", "Show the teacher's version of {07} (the words the lexicon marks); discuss one "
              "marked word that is fair in context, and one it misses. Homework: {08}.",
     "Discuss the rewrites from the homework ({08}), then the limits below. Optional: {06} "
     "on the board, choosing one event and one category."),
)

_PAGE_REF = re.compile(r"\{(\d\d)\}")

_LIMITS = (
    "A marked word is <i>often</i> loaded, not always: the low-confidence tier marks words "
    "loaded only in some uses.",
    "A quoted word is the speaker's, not the outlet's, though choosing whom to quote is the "
    "outlet's choice.",
    "A report can take sides with no loaded word at all: by what it leaves out, or whom it "
    "lets speak.",
    "A few articles say nothing about an outlet in general, and articles about different "
    "events differ because the news differs.",
    "The lexicons were written by people, from the research literature and style guides: "
    "students can disagree with an entry, and the best discussions start there.",
)


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
    """An HTML table with escaped cells and human headers, cut at MAX_ROWS rows (and saying so)."""
    esc = html.escape
    head = "".join(f"<th>{esc(_HEADERS.get(c, c))}</th>" for c in columns)
    body = "\n".join(
        "<tr>" + "".join(f'<td class="mc-text">{esc(_text(v)) or "–"}</td>' for v in row) + "</tr>"
        for row in rows[:MAX_ROWS]
    )
    note = ""
    if len(rows) > MAX_ROWS:
        note = (f'\n<p class="mc-table-note">Showing the first {MAX_ROWS} of {len(rows)} '
                f"{esc(what)}; the notebooks use all of them.</p>")
    empty = any(_text(v) == "" for row in rows[:MAX_ROWS] for v in row)
    if empty:
        note += '\n<p class="mc-table-note">–: not given in the corpus.</p>'
    return (f'<table class="mc-data">\n<thead><tr>{head}</tr></thead>\n<tbody>\n{body}\n'
            f"</tbody>\n</table>{note}")


def _frame_rows(frame: Any, columns: Sequence[str]) -> list[tuple[Any, ...]]:
    return list(frame[list(columns)].itertuples(index=False, name=None))


def _grouped(pages: Sequence[Any]) -> dict[str, dict[str, Any]]:
    grouped: dict[str, dict[str, Any]] = {}
    for p in pages:
        grouped.setdefault(p.notebook, {})[p.audience] = p
    return grouped


def _number(notebook: str) -> str:
    head = notebook.split("-", 1)[0]
    return head if head.isdigit() else ""


def _page_rows(pages: Sequence[Any], audiences: Sequence[str]) -> str:
    """One row per page: number, title and what it shows, time, and the links to read it,
    print it, or open it in JupyterLab."""
    esc = html.escape
    rows = []
    for notebook, by_audience in _grouped(pages).items():
        first = next(iter(by_audience.values()))
        failed = [p for p in by_audience.values() if p.status != "ok"]
        title = f'<a href="{esc(first.html)}">{esc(first.title)}</a>'
        what = f"<br>{esc(first.summary)}" if first.summary else ""
        if failed:
            what += ('<br><span class="mc-failed">This page could not be made: '
                     f"{esc(failed[0].error or 'its notebook failed')}</span>")
        minutes = f"{first.minutes} min" if first.minutes else ""
        links = []
        if first.solutions:
            for audience in audiences:
                p = by_audience.get(audience)
                if p is None:
                    continue
                label = "Student's handout (print)" if audience == "student" else \
                    "Teacher's version (answers)"
                links.append(f'<a href="{esc(p.html)}">{label}</a>')
        for audience in audiences:
            p = by_audience.get(audience)
            if p is not None and p.handout and (first.solutions or audience == audiences[0]):
                who = "" if not first.solutions else (
                    ", student's" if audience == "student" else ", teacher's")
                links.append(f'<a href="{esc(p.handout)}" download>Notebook (JupyterLab'
                             f"{who})</a>")
        rows.append(f'<tr><td class="mc-no">{esc(_number(notebook))}</td><td>{title}{what}</td>'
                    f'<td class="mc-no">{esc(minutes)}</td><td class="mc-links">{"<br>".join(links)}</td></tr>')
    return "\n".join(rows)


def _lesson_plan(pages: Sequence[Any]) -> str:
    """The lesson plan, linked to the pages; empty when a page it uses is missing."""
    esc = html.escape
    exercises = {}
    for notebook, by_audience in _grouped(pages).items():
        number = _number(notebook)
        if number:
            p = by_audience.get("student") or next(iter(by_audience.values()))
            exercises[number] = f'<a href="{esc(p.html)}">{esc(p.title)}</a>'
    needed = {ref for _, *texts in LESSON_PLAN for text in texts for ref in _PAGE_REF.findall(text)}
    if not needed <= set(exercises):
        return ""
    def linked(text: str) -> str:
        return _PAGE_REF.sub(lambda m: exercises[m.group(1)], text)

    rows = "".join(f"<tr><td>{esc(minutes)}</td><td>{linked(one)}</td><td>{linked(two)}</td></tr>"
                   for minutes, one, two in LESSON_PLAN)
    limits = "".join(f"<li>{item}</li>" for item in _LIMITS)
    return (f'<h2 id="lesson-plan">A lesson plan: two 45-minute lessons</h2>\n<p>Nothing to '
            "configure: students need only the printed handouts (or the pages in a browser); "
            "for the self-checks, the notebooks in JupyterLab. The teacher's version of each "
            "exercise has the answers.</p>\n"
            f'<table class="mc-plan"><thead><tr><th>Minutes</th><th>Lesson 1: words</th>'
            f"<th>Lesson 2: choices</th></tr></thead><tbody>{rows}</tbody></table>\n"
            f"<h3>What to say about the limits</h3>\n<ul>{limits}</ul>")


def _start(pages: Sequence[Any], has_plan: bool) -> str:
    esc = html.escape
    grouped = list(_grouped(pages).values())
    if not grouped:
        return ""
    first = next(iter(grouped[0].values()))
    exercises = [next(iter(g.values())) for g in grouped if next(iter(g.values())).solutions]
    parts = [f'<section><h3>Reading</h3><p>Start with <a href="{esc(first.html)}">'
             f"{esc(first.title)}</a> and go on page by page: each page has a list of its "
             "sections at the top and links to the previous and next page.</p></section>"]
    if exercises:
        plan = (' Follow the <a href="#lesson-plan">lesson plan</a> below.' if has_plan else "")
        parts.append("<section><h3>Teaching</h3><p>Each exercise has a student's handout to "
                     "print (no answers, room to write) and a teacher's version with the "
                     f"answers.{plan}</p></section>")
    parts.append("<section><h3>Working in JupyterLab</h3><p>Download a page's notebook from "
                 "the table and open it in JupyterLab: it runs on the same articles, and the "
                 "exercises check students' answers as they go.</p></section>")
    return '<div class="mc-start">' + "".join(parts) + "</div>"


def _facts(articles: Any) -> str:
    try:
        from ..display.prose import corpus_facts

        return html.escape(corpus_facts(articles).text)
    except Exception:  # an unusual articles table must not stop the index
        return f"{len(articles):,} articles."


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
        The renders built (``"student"``, ``"teacher"``).
    """
    esc = html.escape
    n_ok = sum(p.status == "ok" for p in pages)
    failed = sorted({p.title for p in pages if p.status != "ok"})
    warning = ""
    if failed:
        warning = ('<p class="mc-failed">Some pages could not be made: '
                   f"{esc('; '.join(failed))}. Their entries below say why; the other pages "
                   "are complete.</p>")
    plan = _lesson_plan(pages)
    columns = [c for c in CORPUS_COLUMNS if c in articles.columns]
    corpus_table = _table(_frame_rows(articles, columns), columns, what="articles")
    load_part = ""
    if load_report is not None and len(load_report):
        counts = load_report["status"].value_counts().sort_index()
        summary = ", ".join(f"{esc(str(k)).replace('_', ' ')}: {int(v):,}" for k, v in counts.items())
        load_part = f"<p>Every input, and what became of it: {summary}.</p>"
        flagged = load_report[~load_report["status"].isin(["loaded", "read"])]
        if len(flagged):
            cols = [c for c in ("input", "article_id", "status", "reason") if c in flagged.columns]
            load_part += (f"\n<details><summary>The {len(flagged):,} inputs not loaded as they "
                          "were, and why</summary>\n"
                          + _table(_frame_rows(flagged, cols), cols, what="inputs") + "</details>")
    version_note = ("" if audiences == ("student", "teacher") or list(audiences) ==
                    ["student", "teacher"] else
                    f" Only the {esc(' and '.join(a + chr(39) + 's' for a in audiences))} "
                    "version was built.")
    return page_head("mediacompare report: how outlets covered the news", "report.css",
                     f"mediacompare {version}") + f"""
<body class="mc-index">
<main class="mc-page">
<h1>How outlets covered the news</h1>
<p class="mc-lead">This report compares how news outlets wrote about the events in one
collection of articles: the words they chose, whom they quoted and how they named people,
their tone, and what one report of an event tells that another leaves out. {_facts(articles)}</p>
<p>It is made by mediacompare, from the articles alone. Its marks and counts are prompts for discussion, not verdicts of bias: a word
a list calls loaded can be fair in its sentence, and a report can take sides with no loaded
word at all.{version_note}</p>
{warning}
<h2>Where to start</h2>
{_start(pages, bool(plan))}
<h2>The pages</h2>
<table class="mc-pages">
<thead><tr><th>No.</th><th>Page, and what it shows</th><th>Time</th><th>For class</th></tr></thead>
<tbody>
{_page_rows(pages, audiences)}
</tbody>
</table>
{plan}
<h2>The corpus</h2>
<p>{_facts(articles)}</p>
<details><summary>The {len(articles):,} articles</summary>
{corpus_table}
</details>
{load_part}
<h2>How this report was made</h2>
<dl class="mc-made">
<dt>mediacompare</dt><dd>{esc(version)}</dd>
<dt>Built on (UTC)</dt><dd>{esc(build_date)}</dd>
<dt>Corpus</dt><dd>{esc(corpus_label)}</dd>
<dt>Corpus hash (sha256)</dt><dd><code>{esc(digest)}</code></dd>
<dt>Pages</dt><dd>{n_ok} of {len(pages)} made without error</dd>
</dl>
</main>
</body>
</html>
"""
