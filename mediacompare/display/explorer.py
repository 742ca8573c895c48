"""Explore the loaded-language cues of a corpus: interactive in JupyterLab, static in the report.

:func:`explore` returns one of two views of the same content, for one
:class:`Selection` (articles, outlets, events, categories, voice, tier):

* the highlighted text of the selected articles (:func:`~mediacompare.highlight`),
* the counts and rates per outlet and category (:func:`~mediacompare.label_rates`,
  :func:`~mediacompare.rates_table`), counted over the selected articles only,
* bar charts of those rates (:func:`~mediacompare.plot_label_rates`), embedded
  as PNG ``data:`` URIs.

:class:`Explorer` (JupyterLab, needs ``ipywidgets``) has controls that update
these outputs on every change; its controls and outputs are attributes, so a
test can set ``explorer.outlets.value`` and read ``explorer.highlight_output.value``.
:class:`StaticExplorer` (the HTML report, where widgets would be dead) shows
the same content with no JavaScript: the rates tables per voice and tier, the
plots, and ``<details>`` sections per outlet and per article.

Which view ``explore(static=None)`` gives
    The static one when the environment variable ``MEDIACOMPARE_STATIC`` is
    ``"1"`` (set in the kernels that render the report) or when ``ipywidgets``
    cannot be imported (the view then says how to install it); otherwise the
    interactive one. ``static=True`` or ``False`` forces a view. ``ipywidgets``
    is imported inside the functions that need it, never by ``import mediacompare``.

The rendering is done by pure functions of an :class:`ExplorerData` and a
:class:`Selection` (:func:`select_articles`, :func:`selection_message`,
:func:`render_highlight`, :func:`selection_rates`, :func:`render_tables`,
:func:`render_plots`, :func:`render_static`); the two views only arrange them.

Guarantees
    * Everything from the corpus (text, titles, outlets, ids, events) is
      escaped with :func:`html.escape` (tables by pandas, which escapes too);
      the output has no ``<script>`` and no address but ``data:`` images.
    * Outputs that grow with the corpus are capped and say so: the interactive
      view highlights at most ``max_shown`` articles (default 4, side by side)
      and names how many more are selected; the static view highlights at most
      ``max_articles`` (default 20) and lists the rest (at most 200 by name);
      tables show at most 50 outlets, plots at most 12.
    * The low-confidence tier is never added into the high tier: tables and
      plots show each tier apart.
    * An empty selection (no article, no category, or outlets and events that
      share no article) gives a message saying what to change, not an error.
"""

from __future__ import annotations

import base64
import html
import io
import os
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pandas as pd

from ..features.lexicon import CATEGORIES
from ..features.summary import label_rates, rates_table
from .highlight import _articles_table, _plural, _positive, _str, highlight
from .page import standalone_page
from .plots import plot_label_rates
from .tables import capped

__all__ = ["Explorer", "ExplorerData", "NO_EVENT", "Selection", "StaticExplorer", "TIERS",
           "VOICES", "explore", "render_highlight", "render_plots", "render_static",
           "render_tables", "select_articles", "selection_message", "selection_rates"]

_esc = html.escape

#: The event key of an article without an ``event_id`` (as in :func:`~mediacompare.event_overview`).
NO_EVENT = "(no event)"
#: Voice choices: the outlet's own words, the words it quotes, or both (shown apart).
VOICES = {"outlet": "the outlet's own voice", "quoted": "quoted speech", "both": "both voices"}
#: Confidence tiers: ``low`` are words loaded only in some uses; ``both`` shows them apart.
TIERS = {"high": "high-confidence tier", "low": "low-confidence tier",
         "both": "both tiers, shown apart"}
#: The environment variable that asks for the static view (set by the report builder).
STATIC_ENV = "MEDIACOMPARE_STATIC"
LAB_HINT = "pip install -e '.[lab]'"

_MAX_TABLE_ROWS = 50
_MAX_PLOT_OUTLETS = 12
_MAX_LISTED = 200
_DPI = 80
_OPTION_CHARS = 90

_CSS = """\
.mc-ex{color:#1a1a1a;background:#fff;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,\
"DejaVu Sans",Arial,sans-serif;max-width:1280px;padding:4px 2px;text-align:left}
.mc-ex h2{font-size:1.3em;margin:0 0 4px;border:0}
.mc-ex h3{font-size:1.12em;margin:18px 0 6px;border:0}
.mc-ex h4{font-size:1em;margin:12px 0 4px;border:0}
.mc-ex .mc-ex-mode{background:#eef4fb;border-left:4px solid #0072B2;padding:6px 10px;margin:8px 0}
.mc-ex .mc-ex-warn{background:#fff4e5;border-left:4px solid #9B4500;padding:6px 10px;margin:8px 0}
.mc-ex .mc-ex-note{background:#f3f4f6;border-left:4px solid #6b7280;padding:6px 10px;margin:8px 0;\
font-size:.9em}
.mc-ex .mc-ex-empty{background:#fff4e5;border:1px solid #9B4500;border-radius:6px;padding:10px 14px;\
margin:8px 0;font-weight:600}
.mc-ex .mc-ex-status{margin:4px 0 8px;color:#333}
.mc-ex table.mc-ex-rates{border-collapse:collapse;font-size:.88em;margin:4px 0 12px}
.mc-ex table.mc-ex-rates th,.mc-ex table.mc-ex-rates td{padding:3px 10px;text-align:right;\
border-bottom:1px solid #e3e5e8;font-variant-numeric:tabular-nums;white-space:nowrap}
.mc-ex table.mc-ex-rates th{border-bottom:1px solid #c9ccd1;font-weight:600}
.mc-ex table.mc-ex-rates th:first-child,.mc-ex table.mc-ex-rates td:first-child{text-align:left;\
white-space:normal}
.mc-ex img.mc-ex-plot{display:block;max-width:100%;height:auto;margin:6px 0 14px}
.mc-ex details.mc-ex-outlet,.mc-ex details.mc-ex-article,.mc-ex details.mc-ex-rest{\
border:1px solid #d7d9dd;border-radius:6px;padding:6px 12px;margin:0 0 8px;background:#fcfcfd}
.mc-ex details.mc-ex-article{background:#fff}
.mc-ex details.mc-ex-outlet>summary,.mc-ex details.mc-ex-article>summary,\
.mc-ex details.mc-ex-rest>summary{cursor:pointer;font-weight:600}
.mc-ex details.mc-ex-article>summary{font-weight:500}
.mc-ex .mc-ex-meta{color:#555;font-size:.88em;font-weight:400}
.mc-ex ul.mc-ex-list{font-size:.9em;margin:6px 0}
.mc-ex details.mc-ex-article .mc-top{display:none}
"""


# ---------------------------------------------------------------- selection and data

@dataclass(frozen=True)
class Selection:
    """What to show. ``None`` means all (articles, outlets, events, categories).

    ``voice`` is one of :data:`VOICES` and ``confidence`` one of :data:`TIERS`.
    Articles are those in ``article_ids`` whose outlet is in ``outlets`` and
    whose event (``event_id``, or :data:`NO_EVENT`) is in ``events``.

    >>> Selection(outlets=["AFP"], voice="quoted").outlets
    ('AFP',)
    >>> Selection(voice="mine")
    Traceback (most recent call last):
    ...
    ValueError: voice must be one of 'outlet', 'quoted', 'both'; got 'mine'
    """

    article_ids: tuple[str, ...] | None = None
    outlets: tuple[str, ...] | None = None
    events: tuple[str, ...] | None = None
    categories: tuple[str, ...] | None = None
    voice: str = "both"
    confidence: str = "both"

    def __post_init__(self) -> None:
        for name in ("article_ids", "outlets", "events", "categories"):
            value = getattr(self, name)
            if value is not None:
                if isinstance(value, (str, int)):
                    value = [value]
                object.__setattr__(self, name, tuple(dict.fromkeys(str(v) for v in value)))
        if self.voice not in VOICES:
            raise ValueError(f"voice must be one of {', '.join(map(repr, VOICES))}; got {self.voice!r}")
        if self.confidence not in TIERS:
            raise ValueError(f"confidence must be one of {', '.join(map(repr, TIERS))}; "
                             f"got {self.confidence!r}")
        wrong = [c for c in self.categories or () if c not in CATEGORIES]
        if wrong:
            raise ValueError(f"categories {', '.join(map(repr, wrong))} unknown; categories are: "
                             f"{', '.join(CATEGORIES)}")

    @property
    def voices(self) -> tuple[str, ...]:
        """``("outlet",)``, ``("quoted",)`` or both."""
        return ("outlet", "quoted") if self.voice == "both" else (self.voice,)

    @property
    def tiers(self) -> tuple[str, ...]:
        """``("high",)``, ``("low",)`` or both."""
        return ("high", "low") if self.confidence == "both" else (self.confidence,)

    @property
    def shown_categories(self) -> tuple[str, ...]:
        """The categories chosen, in the order of :data:`~mediacompare.CATEGORIES`."""
        if self.categories is None:
            return CATEGORIES
        return tuple(c for c in CATEGORIES if c in self.categories)


@dataclass(frozen=True)
class ExplorerData:
    """Everything the views draw from, computed once (:meth:`build`).

    Attributes: ``articles`` (with ``article_id`` as text and an ``event`` key),
    ``spans`` (one row per cue), ``quotes`` (:func:`~mediacompare.quotes_table`,
    to shade quoted passages) and ``rates`` (:func:`~mediacompare.label_rates`
    per article, with its ``outlet``), from which any selection's rates per
    outlet are summed exactly.
    """

    articles: pd.DataFrame
    spans: pd.DataFrame
    quotes: pd.DataFrame | None
    rates: pd.DataFrame
    outlets: tuple[str, ...] = ()
    events: tuple[str, ...] = ()

    @classmethod
    def build(cls, corpus: Any, spans: pd.DataFrame | None = None, *, lexicon: Any = None,
              quotes: pd.DataFrame | None | bool = True) -> ExplorerData:
        """Label the corpus (unless ``spans`` are given) and count; ``quotes=False`` skips shading."""
        from ..features.label import label
        from ..features.voice import quotes_table

        if spans is not None and lexicon is not None:
            raise ValueError("pass spans= or lexicon=, not both: lexicon= is only used to label "
                             "the corpus when no spans are given")
        articles = _articles_table(corpus)
        if spans is None:
            spans = label(articles, lexicon=lexicon)
        missing = [c for c in ("article_id", "start", "end", "text", "category", "in_quote",
                               "confidence") if c not in spans.columns]
        if missing:
            raise ValueError(f"spans is missing the columns {', '.join(missing)}; "
                             f"it has: {', '.join(map(str, spans.columns))} (use mc.label)")
        spans = spans.assign(article_id=spans["article_id"].map(str))
        if quotes is True:
            quotes = quotes_table(articles)
        elif quotes is False:
            quotes = None
        events = articles["event_id"].map(_str) if "event_id" in articles.columns else None
        articles = articles.assign(
            outlet=articles["outlet"].map(lambda o: _str(o) or "unknown"),
            event=[e or NO_EVENT for e in events] if events is not None else NO_EVENT)
        rates = label_rates(spans, articles, by="article_id")
        rates.insert(1, "outlet", rates["article_id"].map(dict(zip(articles["article_id"],
                                                                    articles["outlet"]))))
        return cls(articles=articles, spans=spans, quotes=quotes, rates=rates,
                   outlets=tuple(dict.fromkeys(articles["outlet"])),
                   events=tuple(dict.fromkeys(articles["event"])))

    def check(self, selection: Selection) -> None:
        """Raise :class:`ValueError` for an article id, outlet or event not in the corpus."""
        for name, known in (("article_ids", tuple(self.articles["article_id"])),
                            ("outlets", self.outlets), ("events", self.events)):
            given, known_set = getattr(selection, name) or (), set(known)
            wrong = [v for v in given if v not in known_set]
            if wrong:
                shown = ", ".join(map(repr, known[:20])) + (", ..." if len(known) > 20 else "")
                raise ValueError(f"{name} {', '.join(map(repr, wrong[:5]))} not in the corpus; "
                                 f"{name} are: {shown}")


def select_articles(data: ExplorerData, selection: Selection) -> list[str]:
    """The ids of the selected articles, in corpus order.

    >>> arts = pd.DataFrame({"article_id": ["a", "b", "c"], "outlet": ["X", "Y", "X"],
    ...                      "event_id": ["e1", "e1", None], "title": "", "text": "Plain words."})
    >>> data = ExplorerData.build(arts)
    >>> select_articles(data, Selection(outlets=["X"]))
    ['a', 'c']
    >>> select_articles(data, Selection(outlets=["X"], events=["e1"], article_ids=["a", "b"]))
    ['a']
    """
    arts = data.articles
    keep = pd.Series(True, index=arts.index)
    if selection.article_ids is not None:
        keep &= arts["article_id"].isin(selection.article_ids)
    if selection.outlets is not None:
        keep &= arts["outlet"].isin(selection.outlets)
    if selection.events is not None:
        keep &= arts["event"].isin(selection.events)
    return arts.loc[keep, "article_id"].tolist()


def selection_message(data: ExplorerData, selection: Selection) -> str | None:
    """Why nothing can be shown (plain text, to be escaped), or None when something can."""
    if selection.outlets is not None and not selection.outlets:
        return "No outlet selected: choose at least one outlet."
    if selection.events is not None and not selection.events:
        return "No event selected: choose at least one event."
    if not select_articles(data, replace(selection, article_ids=None)):
        arts = data.articles[data.articles["outlet"].isin(selection.outlets or ())]
        events = list(dict.fromkeys(arts["event"]))
        covered = ", ".join(events[:10]) + (f" and {len(events) - 10:,} more" if len(events) > 10 else "")
        return ("No article of the chosen outlets covers the chosen events. The chosen "
                f"outlets cover: {covered or 'no event'}.")
    if selection.article_ids is not None and not selection.article_ids:
        return "No article selected: choose at least one article."
    if not select_articles(data, selection):
        return ("None of the chosen articles is from the chosen outlets and events: choose "
                "other articles, outlets or events.")
    if not selection.shown_categories:
        return "No category selected: choose at least one category."
    return None


def _selected_spans(data: ExplorerData, ids: list[str], selection: Selection) -> pd.DataFrame:
    spans = data.spans[data.spans["article_id"].isin(set(ids))]
    spans = spans[spans["category"].isin(selection.shown_categories)]
    if selection.voice != "both":
        quoted = selection.voice == "quoted"
        # a span of unknown voice (in_quote missing) is in neither voice alone
        spans = spans[spans["in_quote"].map(lambda q: _str(q) != "" and bool(q) == quoted)]
    if selection.confidence == "low":
        spans = spans[spans["confidence"] == "low"]
    return spans


# ---------------------------------------------------------------- renderers (pure)

def _note(text: str, kind: str = "note") -> str:
    return f'<p class="mc-ex-{kind}">{_esc(text)}</p>'


def _wrap(body: str) -> str:
    """A fragment for one output: the explorer's scoped style, then ``body``."""
    return f'<div class="mc-ex"><style>\n{_CSS}</style>{body}</div>'


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
    buffer = io.BytesIO()
    try:
        fig.savefig(buffer, format="png", dpi=_DPI)
    finally:
        fig.clear()
    return base64.b64encode(buffer.getvalue()).decode("ascii")


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
        alt = (f"Bar chart: cues per 1,000 words in {VOICES[voice]} per outlet and category "
               f"({TIERS[tier]}), with the count on each bar.")
        fig = plot_label_rates(rates, voice=voice, confidence=tier)
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
    css = [_CSS]
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
            if h._css not in css:
                css.append(h._css)
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
        return f'<div class="mc-ex">\n<style>\n{self._css}</style>\n{self._content}\n</div>\n'

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


def _import_widgets() -> Any:
    try:
        import ipywidgets
    except ImportError as exc:
        raise ImportError(f"the interactive explorer needs ipywidgets, which is not installed; "
                          f"install it with {LAB_HINT} (or pass static=True)") from exc
    return ipywidgets


def _truncate(text: str, n: int = _OPTION_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[:n - 1] + "…"


class Explorer:
    """The interactive explorer (ipywidgets); made by :func:`explore`.

    Controls (set ``.value`` to change them; outputs follow at once):
    ``outlets``, ``events`` and ``articles`` (``SelectMultiple``; outlets and
    events narrow the article list), ``categories`` (``SelectMultiple``),
    ``voice`` and ``confidence`` (``ToggleButtons``) and ``reset`` (a button).
    Outputs (``widgets.HTML``): ``status``, ``highlight_output``,
    ``table_output`` and ``plot_output``. ``widget`` is the whole box;
    ``selection`` the current :class:`Selection`; :meth:`save` writes a static
    page of it.
    """

    def __init__(self, data: ExplorerData, selection: Selection = Selection(), *,
                 max_shown: int = 4, max_articles: int = 20):
        widgets = _import_widgets()
        data.check(selection)
        self.data = data
        self.max_shown = _positive(max_shown, "max_shown")
        self.max_articles = _positive(max_articles, "max_articles")
        self._busy = False
        arts = data.articles
        self._labels = {
            a: _truncate(f"{a} · {o} · {_date(d)} · {_str(t) or '(no title)'}")
            for a, o, d, t in zip(arts["article_id"], arts["outlet"],
                                  arts["date"] if "date" in arts.columns else [None] * len(arts),
                                  arts["title"])}
        n_by_event = Counter(arts["event"])
        wide = {"width": "auto"}
        style = {"description_width": "initial"}

        def rows(n: int) -> int:
            return max(3, min(8, n))

        self.outlets = widgets.SelectMultiple(
            options=[(_truncate(o), o) for o in data.outlets], description="Outlets",
            rows=rows(len(data.outlets)), style=style, layout={"width": "40%"})
        self.events = widgets.SelectMultiple(
            options=[(_truncate(f"{e} ({_plural(n_by_event[e], 'article')})"), e)
                     for e in data.events],
            description="Events", rows=rows(len(data.events)), style=style,
            layout={"width": "58%"})
        self.articles = widgets.SelectMultiple(
            options=[], description="Articles", rows=rows(len(arts)), style=style,
            layout={"width": "99%"})
        self.categories = widgets.SelectMultiple(
            options=list(CATEGORIES), description="Categories", rows=len(CATEGORIES),
            style=style, layout={"width": "40%"})
        self.voice = widgets.ToggleButtons(
            options=[("outlet's own", "outlet"), ("quoted", "quoted"), ("both", "both")],
            description="Voice", style=style,
            tooltips=["the outlet's own words", "words the outlet quotes", "both, shown apart"])
        self.confidence = widgets.ToggleButtons(
            options=[("high", "high"), ("low", "low"), ("both (apart)", "both")],
            description="Tier", style=style,
            tooltips=["words loaded in most uses", "words loaded only in some uses",
                      "both tiers, never added together"])
        self.reset = widgets.Button(description="Select all", tooltip="every article, outlet, "
                                    "event and category; both voices and tiers")
        self.status = widgets.HTML(layout=wide)
        self.highlight_output = widgets.HTML(layout=wide)
        self.table_output = widgets.HTML(layout=wide)
        self.plot_output = widgets.HTML(layout=wide)
        self.tabs = widgets.Tab(children=[self.highlight_output, self.table_output,
                                          self.plot_output])
        self.tabs.titles = ("Highlighted text", "Counts and rates", "Plot")
        help_text = widgets.HTML(
            "<b>Explore the loaded-language cues.</b> Click to choose one item in a list; "
            "Ctrl/⌘-click or Shift-click to choose several. Outlets and events narrow the "
            "article list.")
        self.widget = widgets.VBox([
            help_text,
            widgets.HBox([self.outlets, self.events]),
            self.articles,
            widgets.HBox([self.categories,
                          widgets.VBox([self.voice, self.confidence, self.reset])]),
            self.status, self.tabs])

        self._apply(selection)
        self.outlets.observe(self._on_filter, names="value")
        self.events.observe(self._on_filter, names="value")
        for control in (self.articles, self.categories, self.voice, self.confidence):
            control.observe(self._on_change, names="value")
        self.reset.on_click(lambda _button: self.select(Selection()))
        self.update()

    # -- state

    @property
    def selection(self) -> Selection:
        """The :class:`Selection` the controls show now."""
        return Selection(article_ids=self.articles.value, outlets=self.outlets.value,
                         events=self.events.value, categories=self.categories.value,
                         voice=self.voice.value, confidence=self.confidence.value)

    def select(self, selection: Selection) -> None:
        """Set every control from ``selection`` (None = all), then update the outputs once."""
        self.data.check(selection)
        self._apply(selection)
        self.update()

    def _apply(self, selection: Selection) -> None:
        self._busy = True
        try:
            self.outlets.value = selection.outlets if selection.outlets is not None \
                else self.data.outlets
            self.events.value = selection.events if selection.events is not None \
                else self.data.events
            self.categories.value = selection.shown_categories
            self.voice.value = selection.voice
            self.confidence.value = selection.confidence
            ids = self._article_options()
            wanted = set(selection.article_ids) if selection.article_ids is not None else None
            self._set_articles(ids, tuple(a for a in ids if wanted is None or a in wanted))
        finally:
            self._busy = False

    def _article_options(self) -> list[str]:
        return select_articles(self.data, Selection(outlets=self.outlets.value,
                                                    events=self.events.value))

    def _on_filter(self, _change: Any) -> None:
        if self._busy:
            return
        self._busy = True
        try:
            before = {value for _label, value in self.articles.options}
            chosen = set(self.articles.value)
            ids = self._article_options()
            # keep what was chosen; articles that come back into the list come back chosen
            self._set_articles(ids, tuple(a for a in ids if a in chosen or a not in before))
        finally:
            self._busy = False
        self.update()

    def _set_articles(self, ids: list[str], value: tuple[str, ...]) -> None:
        """New article options and selection, sent to the browser as one update.

        Sent apart, the browser would get a selection index that points past
        the new options (JupyterLab logs "Error setting state").
        """
        with self.articles.hold_sync():
            self.articles.options = [(self._labels[a], a) for a in ids]
            self.articles.value = value

    def _on_change(self, _change: Any) -> None:
        if not self._busy:
            self.update()

    def update(self) -> None:
        """Render the outputs for the current selection."""
        selection = self.selection
        message = selection_message(self.data, selection)
        self.status.value = _empty(message) if message else _wrap(_status(self.data, selection))
        self.highlight_output.value = render_highlight(self.data, selection,
                                                       max_shown=self.max_shown)
        self.table_output.value = render_tables(self.data, selection)
        self.plot_output.value = render_plots(self.data, selection)

    # -- display and export

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict:
        bundle = self.widget._repr_mimebundle_(include=include, exclude=exclude) or {}
        bundle = dict(bundle)
        bundle["text/plain"] = repr(self)
        # for a frontend without widgets (a static render of the notebook)
        bundle["text/html"] = ('<p><b>Interactive explorer</b> (ipywidgets): it shows in '
                               "JupyterLab with a running kernel. For a static view, run "
                               "<code>mc.explore(corpus, static=True)</code>.</p>")
        return bundle

    def to_static(self) -> StaticExplorer:
        """The static view of the current selection."""
        return StaticExplorer(self.data, self.selection, max_articles=self.max_articles)

    def save(self, path: str | Path) -> Path:
        """Write a standalone static page of the current selection."""
        return self.to_static().save(path)

    def __repr__(self) -> str:
        n = len(select_articles(self.data, self.selection))
        return f"<Explorer: {_plural(n, 'article')} of {len(self.data.articles):,} selected>"


def _choose_static(static: bool | None) -> tuple[bool, str | None]:
    if static is not None:
        return bool(static), None
    if os.environ.get(STATIC_ENV) == "1":
        return True, None
    try:
        import ipywidgets  # noqa: F401
    except ImportError:
        return True, (f"ipywidgets is not installed, so the explorer is static here. For the "
                      f"interactive one, install it with {LAB_HINT} (from the repository's "
                      "root) and run the cell again.")
    return False, None


def explore(corpus: Any, spans: pd.DataFrame | None = None, *, lexicon: Any = None,
            static: bool | None = None, article_ids: Any = None, outlets: Any = None,
            events: Any = None, categories: Any = None, voice: str = "both",
            confidence: str = "both", max_shown: int = 4,
            max_articles: int = 20) -> Explorer | StaticExplorer:
    """Explore the loaded-language cues of a corpus.

    Parameters
    ----------
    corpus : Corpus or DataFrame
        ``article_id, outlet, title, text`` (``date``, ``event_id`` shown when present).
    spans : DataFrame, optional
        Cues from :func:`~mediacompare.label`; by default ``label(corpus, lexicon=lexicon)``.
    lexicon : Lexicon or path, optional
        The lexicon to label with (only without ``spans``).
    static : bool, optional
        ``None``: static when ``MEDIACOMPARE_STATIC=1`` or ipywidgets is missing,
        else interactive. ``True``/``False`` force the view (``False`` without
        ipywidgets raises :class:`ImportError` saying how to install it).
    article_ids, outlets, events, categories : list, optional
        The first selection (None: all); events are ``event_id`` values, or
        ``"(no event)"``.
    voice : {"both", "outlet", "quoted"}
    confidence : {"both", "high", "low"}
    max_shown : int
        Articles highlighted at once in the interactive view (2 to 4 side by side).
    max_articles : int
        Articles highlighted in the static view; the others are listed by name.

    Returns
    -------
    Explorer or StaticExplorer
        Shows itself in a notebook; ``.save(path)`` writes a standalone static page.
    """
    selection = Selection(article_ids=article_ids, outlets=outlets, events=events,
                          categories=categories, voice=voice, confidence=confidence)
    use_static, note = _choose_static(static)
    if not use_static:
        _import_widgets()  # fail before labelling when static=False and ipywidgets is missing
    data = ExplorerData.build(corpus, spans, lexicon=lexicon)
    data.check(selection)
    if use_static:
        return StaticExplorer(data, selection, max_articles=max_articles, note=note)
    return Explorer(data, selection, max_shown=max_shown, max_articles=max_articles)
