"""Pictures of events: who covered which event when, which outlet carries which fact, who copies whom.

Like the other charts (:mod:`mediacompare.display.plots`), each takes a library
table and returns a :class:`~mediacompare.display.charts.Chart`: a matplotlib
``Figure`` built without pyplot, with alt text that says what the picture shows
from the data. Colours and hatches come from
:mod:`~mediacompare.display.palette`, and shapes, hatching and written numbers
carry the meaning too, so nothing has to be read from colour alone. Every label
drawn from data (event names, outlets, sentences) goes through
:func:`~mediacompare.display.palette.plain_label`: a ``$`` is text, never
mathematics. Legends sit outside the data; sizes follow the number of events,
outlets and facts, and beyond :data:`~mediacompare.display.charts.MAX_GROUPS`
outlets the rest are pooled into one "all other N outlets" row or column.
"""

from __future__ import annotations

import datetime as _dt
import numbers

import pandas as pd
from matplotlib import dates as mdates
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import PercentFormatter

from ..measures.event_features import parse_date
from .charts import MAX_GROUPS, Chart, bar_height
from .helpers import _plural, _str
from .palette import INK, MUTED, plain_label, series_colour, series_hatch

__all__ = ["plot_copy_flows", "plot_coverage", "plot_fact_presence", "timeline_events"]

_MARKERS = ("o", "s", "^", "D", "v", "P", "X", "*")
#: Widest figure, in inches (at the charts' 90 dpi: 1,125 pixels, inside a 1,280-pixel window).
MAX_WIDTH = 12.5


def _require(frame, columns: tuple[str, ...], name: str) -> None:
    if not isinstance(frame, pd.DataFrame):
        raise TypeError(f"{name} must be a DataFrame; got {type(frame).__name__}")
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ValueError(f"{name} is missing the columns {', '.join(missing)}; "
                         f"it has: {', '.join(map(str, frame.columns))}")


def _short(text, limit: int = 80) -> str:
    """Data text on one line, capped at ``limit`` characters (for alt text and labels)."""
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def _label(text, limit: int = 80) -> str:
    """Data text for a chart label: one line, capped, drawn as text (``$`` escaped)."""
    return plain_label(_short(text, limit))


def _limit(value, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, numbers.Integral) or value < 1:
        raise ValueError(f"{name} must be a whole number of at least 1; got {value!r}")
    return int(value)


# ---------------------------------------------------------------- coverage over time

def _rows_of(rows: pd.DataFrame, max_groups: int) -> list[tuple[str, pd.DataFrame]]:
    """(label, articles) per row of a panel: an outlet each, in order of their first article,
    or beyond ``max_groups`` outlets those with most articles and one row for the rest."""
    outlets = list(dict.fromkeys(rows["outlet"].map(str)))
    by_outlet = [(o, rows[rows["outlet"].map(str) == o]) for o in outlets]
    if len(by_outlet) <= max_groups:
        return by_outlet
    ranked = sorted(range(len(by_outlet)), key=lambda k: (-len(by_outlet[k][1]), k))
    keep = sorted(ranked[:max_groups - 1])
    rest = [by_outlet[k][1] for k in ranked[max_groups - 1:]]
    return [by_outlet[k] for k in keep] + [
        (f"all other {len(rest)} outlets", pd.concat(rest))]


def timeline_events(events: pd.DataFrame, *, min_outlets: int = 2) -> list:
    """The events :func:`plot_coverage` draws: those with dated articles (by day, month or year)
    from at least ``min_outlets`` outlets, the most outlets first (then the most articles, then
    the id). An empty list: there is no timeline to draw.

    >>> import mediacompare as mc
    >>> timeline_events(mc.find_events(mc.load_corpus()))
    ['2017-12-11-putin-khmeimim']
    """
    _require(events, ("outlet", "date", "event_id"), "events")
    min_outlets = _limit(min_outlets, "min_outlets")
    dated = events[events["date"].map(lambda d: parse_date(d).dated).astype(bool)]
    outlets_of = events.groupby("event_id", sort=False)["outlet"].nunique()
    size_of = events.groupby("event_id", sort=False).size()
    dated_outlets = dated.groupby("event_id", sort=False)["outlet"].nunique()
    chosen = [e for e in dated_outlets.index if dated_outlets[e] >= min_outlets]
    return sorted(chosen, key=lambda e: (-outlets_of[e], -size_of[e], str(e)))


def plot_coverage(events: pd.DataFrame, *, max_events: int = 8, min_outlets: int = 2,
                  max_groups: int = MAX_GROUPS) -> Chart:
    """Which outlet covered which event when: one panel per event, a row per outlet.

    ``events`` is a :func:`~mediacompare.find_events` table. Each article is a
    marker on its date (shape and colour by outlet, the same in every panel);
    the number written beside a marker counts the outlet's articles that day;
    an article dated only by month or year is a bar over that month or year.
    Events with dated articles from at least ``min_outlets`` outlets are shown
    (:func:`timeline_events`), those with the most outlets first (at most ``max_events``; the title says how many
    were left out). Articles with no date are counted in the row label. A
    panel with more than ``max_groups`` outlets shows those with most articles
    and one grey row for all the others.

    >>> import mediacompare as mc
    >>> fig = plot_coverage(mc.find_events(mc.load_corpus()))
    >>> [t.get_text() for t in fig.axes[0].get_yticklabels()]
    ['Breitbart News', 'AFP']
    >>> fig.alt.startswith("Timeline of who covered which event")
    True
    """
    _require(events, ("article_id", "outlet", "date", "event_id", "event_name"), "events")
    max_events = _limit(max_events, "max_events")
    min_outlets = _limit(min_outlets, "min_outlets")
    max_groups = max(2, _limit(max_groups, "max_groups"))
    outlets_of = events.groupby("event_id", sort=False)["outlet"].nunique()
    size_of = events.groupby("event_id", sort=False).size()
    chosen = timeline_events(events, min_outlets=min_outlets)
    if not chosen:
        raise ValueError(f"no event is reported by {min_outlets} outlets or more with a dated "
                         "article: nothing to plot on a timeline (lower min_outlets to show "
                         "events of one outlet)")
    shown, left_out = chosen[:max_events], len(chosen) - max_events
    all_outlets = list(dict.fromkeys(events["outlet"].map(str)))
    style = {o: (series_colour(k), _MARKERS[(k // 8) % len(_MARKERS)])
             for k, o in enumerate(all_outlets)}
    panels = [(e, _rows_of(events[events["event_id"] == e], max_groups)) for e in shown]
    heights = [len(rows) * 0.42 + 0.95 for _, rows in panels]
    described = []
    for event_id, rows in panels[:3]:
        mine = events[events["event_id"] == event_id]
        days = sorted(s.text for s in map(parse_date, mine["date"]) if s.dated)
        name = _str(mine["event_name"].iloc[0])
        when = (f", {days[0]}" + (f" to {days[-1]}" if days[-1] != days[0] else "")
                if days and days[0] not in name else "")  # a found event's name has its dates
        described.append(f"{_short(name, 140)} "
                         f"({_plural(outlets_of[event_id], 'outlet')}, "
                         f"{_plural(size_of[event_id], 'article')}{when})")
    alt = (f"Timeline of who covered which event when: {_plural(len(shown), 'event')} reported "
           f"by at least {_plural(min_outlets, 'outlet')}, one panel each, a row per outlet and "
           f"a marker per article on its date. " + "; ".join(described)
           + (f"; and {len(panels) - 3} more" if len(panels) > 3 else "") + "."
           + (f" {left_out} more such events are not shown." if left_out > 0 else ""))
    fig = Chart(figsize=(8.5, sum(heights) + 0.8), alt=alt)
    axes = fig.subplots(len(panels), 1, squeeze=False, height_ratios=heights).ravel()
    for ax, (event_id, rows_of_panel) in zip(axes, panels):
        rows = events[events["event_id"] == event_id]
        labels = []
        for y, (outlet, mine) in enumerate(rows_of_panel):
            spans = [parse_date(d) for d in mine["date"]]
            days = pd.Series([s.start for s in spans if s.precision == "day"], dtype="float64")
            coarse = [s for s in spans if s.dated and s.precision != "day"]
            undated = sum(not s.dated for s in spans)
            note = [f"{len(coarse)} by {coarse[0].precision}" for _ in coarse[:1]]
            note += [f"{undated} undated"] if undated else []
            labels.append(_label(outlet, 30) + (f" (+{', '.join(note)})" if note else ""))
            colour, marker = style.get(outlet, (MUTED, "o"))
            for span in coarse:  # a month or a year: a bar over the whole interval
                ax.plot([_dt.date.fromordinal(span.start), _dt.date.fromordinal(span.end)], [y, y],
                        color=colour, linewidth=5, solid_capstyle="butt", alpha=0.55)
            for day, n in days.value_counts().sort_index().items():
                when = _dt.date.fromordinal(int(day))
                ax.plot([when], [y], marker=marker, color=colour, markersize=9, linestyle="none",
                        markeredgecolor=INK, markeredgewidth=0.6)
                if n > 1:
                    ax.annotate(f"×{n}", (when, y), xytext=(7, 4), textcoords="offset points",
                                fontsize="x-small", color=INK)
        ax.set_yticks(range(len(rows_of_panel)), labels, fontsize="small")
        ax.set_ylim(len(rows_of_panel) - 0.5, -0.5)
        ax.margins(x=0.15)
        ax.grid(axis="x", color="#dddddd", linewidth=0.6)
        ax.set_title(_label(rows["event_name"].iloc[0], 95), fontsize="small", loc="left")
        days = [parse_date(d) for d in rows["date"]]
        span = [d.start for d in days if d.dated] + [d.end for d in days if d.dated]
        if span:
            width = max(span) - min(span)
            ax.xaxis.set_major_locator(mdates.DayLocator(interval=max(1, width // 6 + (width > 6)))
                                       if width <= 60 else mdates.AutoDateLocator())
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y-%m-%d"))
        ax.tick_params(axis="x", labelsize="x-small", rotation=20)
    title = "Who covered which event, and when"
    if left_out > 0:
        title += f" (the {len(shown)} events with most outlets; {left_out} more not shown)"
    fig.suptitle(title, fontsize="medium")
    return fig


# ---------------------------------------------------------------- facts × outlets

def _columns_of(table: pd.DataFrame, max_groups: int) -> tuple[list[str], list[str]]:
    """The outlets drawn as columns (most facts carried first when there are too many) and
    those pooled into the last column."""
    outlets = list(dict.fromkeys(table["outlet"].map(str)))
    if len(outlets) <= max_groups:
        return outlets, []
    carried = table[table["carried"].astype(bool)].groupby(table["outlet"].map(str))["fact_id"] \
        .nunique()
    ranked = sorted(outlets, key=lambda o: (-int(carried.get(o, 0)), outlets.index(o)))
    keep = [o for o in outlets if o in ranked[:max_groups - 1]]
    return keep, [o for o in outlets if o not in keep]


def plot_fact_presence(table: pd.DataFrame, *, max_facts: int = 30,
                       max_groups: int = MAX_GROUPS) -> Chart:
    """Facts × outlets of a :func:`~mediacompare.measures.facts.fact_presence` table.

    A filled circle: the outlet carries the fact; an empty circle: it leaves it
    out. Facts run from the most widely carried down, labelled by their
    number, how many outlets carry them and the start of their central
    sentence. At most ``max_facts`` are drawn; the title says how many more
    there are. Beyond ``max_groups`` outlets, those carrying most facts are
    columns and the last column counts how many of the other outlets carry
    each fact.

    >>> import pandas as pd
    >>> from mediacompare.measures.facts import fact_presence
    >>> arts = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["A", "B"], "event_id": ["e", "e"],
    ...     "text": ["Troops left Syria. It rained.", "Troops left Syria on Monday."]})
    >>> fig = plot_fact_presence(fact_presence(arts))
    >>> [t.get_text() for t in fig.axes[0].get_xticklabels()]
    ['A', 'B']
    """
    _require(table, ("fact_id", "fact", "n_outlets", "outlet", "carried"), "table")
    max_facts = _limit(max_facts, "max_facts")
    max_groups = max(2, _limit(max_groups, "max_groups"))
    if not len(table):
        raise ValueError("table has no rows: the event has no sentence to compare")
    n_outlets = table["outlet"].map(str).nunique()
    columns, pooled = _columns_of(table, max_groups)
    facts = list(dict.fromkeys(table["fact_id"]))
    shown, left_out = facts[:max_facts], len(facts) - max_facts
    width = min(MAX_WIDTH, 5.2 + 0.55 * (len(columns) + bool(pooled)))
    fig = Chart(figsize=(width, 0.32 * len(shown) + 2.0))
    ax = fig.add_subplot()
    carried_by = {}
    for y, fact in enumerate(shown):
        rows = table[table["fact_id"] == fact]
        have = set(rows.loc[rows["carried"].astype(bool), "outlet"].map(str))
        carried_by[fact] = have
        for x, outlet in enumerate(columns):
            ax.plot([x], [y], marker="o", markersize=10, linestyle="none",
                    color=series_colour(0) if outlet in have else "white",
                    markeredgecolor=INK, markeredgewidth=1.0)
        if pooled:
            k = len(have & set(pooled))
            ax.text(len(columns), y, f"{k}/{len(pooled)}", ha="center", va="center",
                    fontsize="x-small", color=INK)
    labels = []
    for fact in shown:
        rows = table[table["fact_id"] == fact]
        labels.append(f"{fact} · {int(rows['n_outlets'].iloc[0])}/{n_outlets} · "
                      + _label(rows["fact"].iloc[0], 60))
    ticks = [_label(o, 25) for o in columns] + ([f"all other {len(pooled)} outlets"]
                                                if pooled else [])
    ax.set_xticks(range(len(ticks)), ticks, rotation=30, ha="right", fontsize="small")
    ax.set_yticks(range(len(shown)), labels, fontsize="x-small")
    ax.set_ylim(len(shown) - 0.5, -0.5)
    ax.set_xlim(-0.6, len(ticks) - 0.4)
    ax.grid(color="#eeeeee", linewidth=0.6)
    event = _short(table["event_id"].iloc[0], 60) if "event_id" in table else ""
    title = f"Which outlet carries which fact ({plain_label(event)})" if event else \
        "Which outlet carries which fact"
    if left_out > 0:
        title += f"\nthe {len(shown)} most widely carried facts; {left_out} more not shown"
    ax.set_title(title, fontsize="small")
    fig.legend(handles=[Line2D([], [], marker="o", linestyle="none", markersize=9,
                               color=series_colour(0), markeredgecolor=INK, label="carried"),
                        Line2D([], [], marker="o", linestyle="none", markersize=9, color="white",
                               markeredgecolor=INK, label="left out")],
               loc="outside upper center", ncols=2, fontsize="small", frameon=False)
    everyone = sum(len(carried_by.get(f, ())) == n_outlets for f in shown)
    alone = sum(len(carried_by.get(f, ())) == 1 for f in shown)
    fig.alt = (f"Dot chart of which outlet carries which fact"
               + (f" of event {event}" if event else "")
               + f": {_plural(len(facts), 'fact')} (sentences telling the same thing) across "
               f"{_plural(n_outlets, 'outlet')}, the most widely carried first"
               + (f", {len(shown)} drawn" if left_out > 0 else "")
               + f". Of those drawn, {everyone} {'is' if everyone == 1 else 'are'} carried by "
               f"every outlet and {alone} by one outlet only: what the others leave out.")
    return fig


# ---------------------------------------------------------------- copy and syndication

_KINDS = ("republished", "substantial", "partial")


def _order(kinds) -> list[str]:
    """The kinds of reuse, the known ones first (republished, substantial, partial)."""
    kinds = list(dict.fromkeys(map(str, kinds)))
    return [k for k in _KINDS if k in kinds] + [k for k in kinds if k not in _KINDS]


def plot_copy_flows(flows: pd.DataFrame, *, max_rows: int = 20) -> Chart:
    """Who carries whose copy: a bar per pair, the share of the carrier's words taken.

    ``flows`` is a :func:`~mediacompare.measures.syndication.copy_flows` table.
    Each bar reads "carrier ← source (agency)"; its length is
    ``share_of_carrier``, written at its end with the number of passages; the
    kind (republished, substantial, partial) is told by hatching as well as
    colour, in a legend above the bars. At most ``max_rows`` bars, the largest
    shares.

    >>> import pandas as pd
    >>> flows = pd.DataFrame({"carrier_outlet": ["Daily"], "carrier_article": ["b"],
    ...     "source_outlet": ["Wire"], "source_article": ["a"], "agency": ["AFP"],
    ...     "kind": ["partial"], "share_of_carrier": [0.25], "n_passages": [2]})
    >>> fig = plot_copy_flows(flows)
    >>> [t.get_text() for t in fig.axes[0].texts]
    ['25% · 2 passages']
    >>> fig.alt
    'Bar chart of who carries whose copy: 1 pair of articles sharing passages (1 partial); the largest share: Daily (b) takes 25% of its words from Wire, AFP (a).'
    """
    _require(flows, ("carrier_outlet", "carrier_article", "source_outlet", "source_article",
                     "agency", "kind", "share_of_carrier", "n_passages"), "flows")
    max_rows = _limit(max_rows, "max_rows")
    if not len(flows):
        raise ValueError("flows has no rows: no article shares a passage with another")
    rows = flows.sort_values("share_of_carrier", ascending=False, kind="stable").head(max_rows)
    kinds = flows["kind"].value_counts()
    top = rows.iloc[0]
    agency = f", {top['agency']}" if isinstance(top["agency"], str) and top["agency"] else ""
    fig = Chart(figsize=(10, bar_height(len(rows), per_row=0.5, extra=1.9)), alt=(
        f"Bar chart of who carries whose copy: {_plural(len(flows), 'pair')} of articles sharing "
        "passages (" + ", ".join(f"{int(kinds[k]):,} {k}" for k in _order(kinds.index)) + ")"
        + (f", the {len(rows)} largest drawn" if len(rows) < len(flows) else "")
        + f"; the largest share: {_short(top['carrier_outlet'], 40)} ({_short(top['carrier_article'], 30)}) "
        f"takes {top['share_of_carrier']:.0%} of its words from {_short(top['source_outlet'], 40)}"
        f"{_short(agency, 20)} ({_short(top['source_article'], 30)})."))
    ax = fig.add_subplot()
    labels, drawn = [], []
    for y, row in enumerate(rows.itertuples(index=False)):
        k = _KINDS.index(row.kind) if row.kind in _KINDS else len(_KINDS)
        ax.barh([y], [row.share_of_carrier], color=series_colour(k), hatch=series_hatch(k),
                edgecolor="white")
        if row.kind not in drawn:
            drawn.append(row.kind)
        ax.text(row.share_of_carrier + 0.01, y,
                f"{row.share_of_carrier:.0%} · {_plural(row.n_passages, 'passage')}",
                va="center", fontsize="x-small", color=INK)
        source = _label(row.source_outlet, 22) + (
            f" ({_label(row.agency, 12)})" if isinstance(row.agency, str) and row.agency else "")
        labels.append(f"{_label(row.carrier_outlet, 22)} ← {source}\n"
                      f"{_label(row.carrier_article, 26)} ← {_label(row.source_article, 26)}")
    ax.set_yticks(range(len(rows)), labels, fontsize="x-small")
    ax.set_ylim(len(rows) - 0.5, -0.5)
    ax.set_xlim(0, 1.2)
    ax.set_xticks([0, 0.25, 0.5, 0.75, 1.0])
    ax.xaxis.set_major_formatter(PercentFormatter(xmax=1.0))
    ax.set_xlabel("share of the carrier's words in passages shared with the source "
                  "(quotations left out)", fontsize="small")
    handles = []
    for kind in _order(drawn):
        k = _KINDS.index(kind) if kind in _KINDS else len(_KINDS)
        handles.append(Patch(facecolor=series_colour(k), hatch=series_hatch(k),
                             edgecolor="white", label=plain_label(kind)))
    fig.legend(handles=handles, loc="outside upper center", ncols=max(1, len(handles)),
               fontsize="small", frameon=False, title="kind of reuse", title_fontsize="small")
    title = "Who carries whose copy"
    if len(flows) > len(rows):
        title += f" (the {len(rows)} largest shares; {len(flows) - len(rows)} more pairs not shown)"
    ax.set_title(title, fontsize="medium")
    return fig
