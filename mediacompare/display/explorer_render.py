"""The explorer's outputs as HTML: highlighted text, rates tables, plots, and the static
view (:class:`StaticExplorer`) that the HTML report shows instead of widgets.

Pure functions of an :class:`~mediacompare.display.explorer_data.ExplorerData` and a
:class:`~mediacompare.display.explorer_data.Selection`; everything from the corpus is
escaped.
"""

from __future__ import annotations

import base64
import html
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import Any

import pandas as pd

from ..features.lexicon import CATEGORIES
from ..features.summary import rates_table
from .charts import png_bytes
from .explorer_data import (TIERS, VOICES, ExplorerData, Selection, _selected_spans,
                            select_articles, selection_message)
from .explorer_style import STYLE_SHEET
from .helpers import _plural, _positive, _str
from .highlight import CSS as HIGHLIGHT_CSS
from .highlight import highlight
from .page import shared_style, standalone_page
from .plots import plot_label_rates
from .tables import capped

__all__ = ["CSS", "StaticExplorer", "render_highlight", "render_plots", "render_static",
           "render_tables", "selection_rates"]

_esc = html.escape

_MAX_TABLE_ROWS = 50
_MAX_PLOT_OUTLETS = 12
_MAX_LISTED = 200
_DPI = 72
_OPTION_CHARS = 90

#: The style sheet of the explorer's outputs: every selector starts with ``.mc-ex``.
CSS = STYLE_SHEET


# ---------------------------------------------------------------- renderers (pure)

def _note(text: str, kind: str = "note") -> str:
    return f'<p class="mc-ex-{kind}">{_esc(text)}</p>'


def _wrap(body: str) -> str:
    """A fragment for one output: the explorer's scoped style, then ``body``."""
    return f'<div class="mc-ex">{shared_style("explorer", CSS)}{body}</div>'


def _empty(message: str) -> str:
    return _wrap(f'<p class="mc-ex-empty">{_esc(message)}</p>')


def _voice_tier_notes(data: ExplorerData, ids: list[str], selection: Selection) -> list[str]:
    notes = []
    if selection.voice != "both":
        other = "quoted speech" if selection.voice == "outlet" else "the outlet's own voice"
        allv = _selected_spans(data, ids, replace(selection, voice="both"))
        n = len(allv) - len(_selected_spans(data, ids, selection))
        notes.append(f"Only cues in {VOICES[selection.voice]} are marked; "
                     f"{_plural(n, 'cue')} in {other} are not.")
    if selection.confidence == "high":
        notes.append("Only the high-confidence tier is marked: low-confidence cues (words loaded "
                     "only in some uses) are hidden; the legend counts them.")
    elif selection.confidence == "low":
        notes.append("Only low-confidence cues are marked: words loaded only in some uses. "
                     "Read each in its context before counting it.")
    return notes


def render_highlight(data: ExplorerData, selection: Selection, *, max_shown: int = 4) -> str:
    """The highlighted text of the first ``max_shown`` selected articles (side by side for
    2 to 4), with notes on what is filtered and how many more articles are selected."""
    max_shown = _positive(max_shown, "max_shown")
    message = selection_message(data, selection)
    if message:
        return _empty(message)
    ids = select_articles(data, selection)
    shown = ids[:max_shown]
    notes = _voice_tier_notes(data, shown, selection)
    if len(ids) > len(shown):
        rest = ", ".join(ids[len(shown):len(shown) + 10]) + (", ..." if len(ids) > len(shown) + 10 else "")
        notes.insert(0, f"Showing the first {len(shown):,} of {len(ids):,} selected articles; "
                        f"{len(ids) - len(shown):,} more are selected ({rest}). Narrow the "
                        "selection to read them; the table and the plot count all "
                        f"{len(ids):,}.")
    return _wrap("".join(_note(n) for n in notes)) + _highlight(data, shown, selection).to_html()


def _highlight(data: ExplorerData, ids: list[str], selection: Selection):
    arts = data.articles[data.articles["article_id"].isin(set(ids))].drop(columns="event")
    spans = _selected_spans(data, ids, selection)
    quotes = None
    if data.quotes is not None:
        quotes = data.quotes[data.quotes["article_id"].map(str).isin(set(ids))]
    return highlight(arts, spans, article_ids=ids, categories=list(selection.shown_categories),
                     show_low_confidence=selection.confidence != "high", quotes=quotes)


def selection_rates(data: ExplorerData, selection: Selection) -> pd.DataFrame:
    """:func:`~mediacompare.label_rates` per outlet, counted over the selected articles only,
    for the chosen categories, voices and tiers (empty when nothing is selected).

    Sums per article, so it equals ``label_rates(spans_of_those_articles, those_articles)``.
    """
    columns = ["outlet", "category", "confidence", "voice", "n_spans", "n_words", "per_1000_words"]
    if selection_message(data, selection):
        return pd.DataFrame(columns=columns)
    ids = set(select_articles(data, selection))
    part = data.rates[data.rates["article_id"].isin(ids)
                      & data.rates["category"].isin(selection.shown_categories)
                      & data.rates["voice"].isin(selection.voices)
                      & data.rates["confidence"].isin(selection.tiers)]
    order = {o: i for i, o in enumerate(data.outlets)}
    summed = (part.groupby(["outlet", "category", "confidence", "voice"], sort=False)
              [["n_spans", "n_words"]].sum().reset_index())
    summed["per_1000_words"] = [1000 * n / w if w else float("nan")
                                for n, w in zip(summed["n_spans"], summed["n_words"])]
    summed = summed.sort_values("outlet", key=lambda s: s.map(order), kind="stable")
    return summed[columns].reset_index(drop=True)


def _table_html(table: pd.DataFrame) -> str:
    """A rates table as HTML, every header and cell escaped (quotes too)."""
    frame = table.reset_index()
    head = "".join(f"<th>{_esc(str(c))}</th>" for c in frame.columns)
    rows = "".join("<tr>" + "".join(f"<td>{_esc(_str(v) or '–')}</td>" for v in row) + "</tr>"
                   for row in frame.itertuples(index=False))
    return (f'<table class="mc-ex-rates"><thead><tr>{head}</tr></thead>'
            f"<tbody>{rows}</tbody></table>")


def render_tables(data: ExplorerData, selection: Selection, *,
                  max_rows: int = _MAX_TABLE_ROWS) -> str:
    """Counts and rates per outlet and category, one table per chosen voice and tier."""
    message = selection_message(data, selection)
    return _empty(message) if message else _wrap(_tables_body(data, selection, max_rows))


def _tables_body(data: ExplorerData, selection: Selection, max_rows: int) -> str:
    rates = selection_rates(data, selection)
    ids = select_articles(data, selection)
    parts = [_note(f"Counted over the {_plural(len(ids), 'selected article')}. Each cell is the "
                   "count, then the rate per 1,000 words in that voice in brackets: read the "
                   "count first, a rate from a few words is fragile. The low-confidence tier "
                   "is never added to the high one.")]
    for voice in selection.voices:
        for tier in selection.tiers:
            table = rates_table(rates, voice=voice, confidence=tier)
            shown = capped(table, max_rows=max_rows)
            title = f"{VOICES[voice].capitalize()} · {TIERS[tier]}"
            body = _table_html(shown)
            if len(shown) < len(table):
                body = _note(f"Showing the first {len(shown):,} of {len(table):,} outlets "
                             "(`mediacompare export` writes every count).") + body
            if tier == "low" and selection.confidence == "both":
                parts.append(f'<details class="mc-ex-rest"><summary>{_esc(title)} (words loaded '
                             f"only in some uses: read them in context)</summary>{body}</details>")
            else:
                parts.append(f"<h4>{_esc(title)}</h4>{body}")
    return "".join(parts)


def _png(fig: Any) -> str:
    """The figure as a base64 PNG; the figure is cleared afterwards so its memory is freed."""
    try:
        data = png_bytes(fig, dpi=_DPI)
    finally:
        fig.clear()
    return base64.b64encode(data).decode("ascii")


def render_plots(data: ExplorerData, selection: Selection, *,
                 max_outlets: int = _MAX_PLOT_OUTLETS) -> str:
    """Bar charts of cues per 1,000 words per outlet and category (:func:`plot_label_rates`),
    one per chosen voice, embedded as ``data:image/png`` images.

    The high tier is plotted when chosen (the low tier only when chosen alone:
    its words are to be read in context, not counted blindly; its table is there).
    """
    message = selection_message(data, selection)
    return _empty(message) if message else _wrap(_plots_body(data, selection, max_outlets))


def _plots_body(data: ExplorerData, selection: Selection, max_outlets: int) -> str:
    rates = selection_rates(data, selection)
    outlets = list(dict.fromkeys(rates["outlet"]))
    notes = []
    if len(outlets) > max_outlets:
        rates = rates[rates["outlet"].isin(set(outlets[:max_outlets]))]
        notes.append(f"The plots show the first {max_outlets:,} of {len(outlets):,} outlets; "
                     "the tables count them all.")
    tier = "high" if "high" in selection.tiers else "low"
    if selection.confidence == "both":
        notes.append("Plotted: the high-confidence tier. The low tier is in the tables.")
    images = []
    for voice in selection.voices:
        fig = plot_label_rates(rates, voice=voice, confidence=tier)
        alt = getattr(fig, "alt", "") or (
            f"Bar chart: cues per 1,000 words in {VOICES[voice]} per outlet and category "
            f"({TIERS[tier]}), with the count on each bar.")
        images.append(f'<img class="mc-ex-plot" alt="{_esc(alt, quote=True)}" '
                      f'src="data:image/png;base64,{_png(fig)}">')
    return "".join(_note(n) for n in notes) + "".join(images)


def _status(data: ExplorerData, selection: Selection) -> str:
    """One line on what is selected (escaped HTML)."""
    ids = select_articles(data, selection)
    arts = data.articles[data.articles["article_id"].isin(set(ids))]
    outlets = list(dict.fromkeys(arts["outlet"]))
    events = list(dict.fromkeys(arts["event"]))
    names = ", ".join(outlets[:6]) + (", ..." if len(outlets) > 6 else "")
    cats = selection.shown_categories
    cat_text = f"all {len(CATEGORIES)} categories" if len(cats) == len(CATEGORIES) else (
        ", ".join(cats) if cats else "no category")
    text = (f"{len(ids):,} of {_plural(len(data.articles), 'article')} selected, from "
            f"{_plural(len(outlets), 'outlet')}{f' ({names})' if names else ''} and "
            f"{_plural(len(events), 'event')} · {cat_text} · {VOICES[selection.voice]} · "
            f"{TIERS[selection.confidence]}.")
    warn = ""
    if len(events) > 1:
        warn = _note(f"These articles report {len(events):,} different events: differences "
                     "in wording may come from different news, not different outlets.", "warn")
    return f'<p class="mc-ex-status">{_esc(text)}</p>{warn}'


def _date(value: Any) -> str:
    if isinstance(value, pd.Timestamp) and value == value.normalize():
        return value.date().isoformat()
    return _str(value)


def _article_summary(row: dict, n_cues: int) -> str:
    meta = [m for m in (_date(row.get("date")), f"event {row['event']}",
                        _plural(n_cues, "cue")) if m]
    title = _str(row.get("title")) or "(no title)"
    return (f"{_esc(row['article_id'])} · {_esc(title)} "
            f'<span class="mc-ex-meta">· {_esc(" · ".join(meta))}</span>')


def render_static(data: ExplorerData, selection: Selection = Selection(), *,
                  max_articles: int = 20, lead: str = "") -> tuple[str, str]:
    """The static view's content and CSS: the mode line, what is selected, a
    ``<details>`` per outlet and, inside, per article with the highlighted text,
    then the rates tables per voice (the low tier folded) and the plots.

    At most ``max_articles`` articles are highlighted (the first, in corpus
    order); the others are listed under their outlet (at most 200 by name).
    ``lead`` is HTML put first (the line saying what the interactive view is).
    """
    max_articles = _positive(max_articles, "max_articles")
    css = [CSS]
    parts = ["<h2>Explore the loaded-language cues</h2>", lead]
    message = selection_message(data, selection)
    if message:
        return "".join(parts) + f'<p class="mc-ex-empty">{_esc(message)}</p>', "".join(css)
    ids = select_articles(data, selection)
    parts.append(_status(data, selection))
    parts.append("<h3>The articles, highlighted</h3>")
    shown, rest = ids[:max_articles], ids[max_articles:]
    notes = _voice_tier_notes(data, ids, selection)
    if rest:
        notes.insert(0, f"Highlighting the first {len(shown):,} of {len(ids):,} articles "
                        f"(max_articles={max_articles}); the other {len(rest):,} are listed "
                        "by name under their outlet. The tables and plots count all of them.")
    parts.extend(_note(n) for n in notes)
    parts.append(_note("Open an outlet, then an article, to read its text with the cues marked."
                       " Hover over a cue for why it is marked and a neutral wording; the same "
                       "is listed under each article."))
    spans = _selected_spans(data, ids, selection)
    n_cues = Counter(spans["article_id"])
    records = data.articles.set_index("article_id", drop=False)
    by_outlet: dict[str, list[str]] = {}
    for aid, outlet in zip(ids, records.loc[ids, "outlet"]):
        by_outlet.setdefault(outlet, []).append(aid)
    shown_set, listed = set(shown), 0
    for outlet, mine in by_outlet.items():
        total = sum(n_cues[a] for a in mine)
        body = []
        for aid in mine:
            if aid not in shown_set:
                continue
            h = _highlight(data, [aid], selection)
            for sheet in (h._css, h._extra_css):
                if sheet and sheet not in css:
                    css.append(sheet)
            body.append(f'<details class="mc-ex-article"><summary>'
                        f"{_article_summary(records.loc[aid].to_dict(), n_cues[aid])}</summary>"
                        f'<div class="mc-hl">{h._content}</div></details>')
        hidden = [a for a in mine if a not in shown_set]
        if hidden:
            items = []
            for aid in hidden:
                if listed >= _MAX_LISTED:
                    break
                listed += 1
                items.append(f"<li>{_article_summary(records.loc[aid].to_dict(), n_cues[aid])}</li>")
            more = len(hidden) - len(items)
            listing = f'<ul class="mc-ex-list">{"".join(items)}</ul>' if items else ""
            body.append(f"<p>Not highlighted here ({_plural(len(hidden), 'article')}, over the "
                        f"cap of max_articles={max_articles}):</p>{listing}"
                        + (f"<p>... and {more:,} more, not named (at most {_MAX_LISTED:,} "
                           "articles are named).</p>" if more else ""))
        parts.append(f'<details class="mc-ex-outlet"><summary>{_esc(outlet)} '
                     f'<span class="mc-ex-meta">· {_esc(_plural(len(mine), "article"))}, '
                     f'{_esc(_plural(total, "cue"))}</span></summary>{"".join(body)}</details>')
    parts.append("<h3>Counts and rates per outlet</h3>")
    parts.append(_tables_body(data, selection, _MAX_TABLE_ROWS))
    parts.append("<h3>Cues per 1,000 words</h3>")
    parts.append(_plots_body(data, selection, _MAX_PLOT_OUTLETS))
    return "".join(parts), "".join(css)


# ---------------------------------------------------------------- the views

def _lead(interactive_note: str | None) -> str:
    parts = ['<p class="mc-ex-mode">This is the static view of the explorer: it needs no '
             "JavaScript. In JupyterLab (<code>make lab</code>, then run the notebook) it is an "
             "interactive explorer: choose articles, outlets, events, categories, voice and "
             "confidence tier, and the text, tables and plots follow.</p>"]
    if interactive_note:
        parts.append(_note(interactive_note, "warn"))
    return "".join(parts)


class StaticExplorer:
    """The explorer without JavaScript: shows itself in a notebook and in the HTML report
    (``_repr_html_``), and saves a standalone page (:meth:`save`).

    Attributes: ``selection`` and ``notes`` (why the view is static, if not asked for).
    """

    def __init__(self, data: ExplorerData, selection: Selection, *, max_articles: int = 20,
                 note: str | None = None):
        self.data = data
        self.selection = selection
        self.notes = (note,) if note else ()
        self._content, self._css = render_static(data, selection, max_articles=max_articles,
                                                 lead=_lead(note))

    def _repr_html_(self) -> str:
        """An HTML fragment with the explorer's and the highlights' shared style sheets (and,
        apart, the style of a custom lexicon's categories)."""
        extra = self._css.replace(CSS, "").replace(HIGHLIGHT_CSS, "")
        extra = f"<style>\n{extra}</style>\n" if extra.strip() else ""
        return (f'<div class="mc-ex">\n{shared_style("explorer", CSS)}\n'
                f'{shared_style("highlight", HIGHLIGHT_CSS)}\n{extra}{self._content}\n</div>\n')

    def to_html(self, standalone: bool = False) -> str:
        """The fragment of :meth:`_repr_html_`, or with ``standalone=True`` a complete page
        (no script; nothing loaded from elsewhere; the plots are ``data:`` images)."""
        if not standalone:
            return self._repr_html_()
        return standalone_page("Explore the loaded-language cues", self._css, "mc-ex",
                               self._content)

    def save(self, path: str | Path) -> Path:
        """Write the standalone page as UTF-8."""
        path = Path(path)
        path.write_text(self.to_html(standalone=True), encoding="utf-8")
        return path

    def __repr__(self) -> str:
        n = len(select_articles(self.data, self.selection))
        return f"<StaticExplorer: {_plural(n, 'article')} of {len(self.data.articles):,}>"

