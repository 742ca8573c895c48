"""Pictures of events: who covered which event when, which outlet carries which fact, who copies whom.

Like the other plots, each takes a library table and returns a
:class:`matplotlib.figure.Figure` built without pyplot; shapes and written
numbers carry the meaning, so nothing has to be read from colour alone. Text
from the data (event names, outlets, sentences) is shown as plain text: a
``$`` is escaped so that matplotlib does not read it as mathematics.
"""

from __future__ import annotations

import datetime as _dt
import numbers

import pandas as pd
from matplotlib import dates as mdates
from matplotlib.figure import Figure

from ..measures.event_features import parse_date
from .palette import SERIES as PALETTE, SERIES_HATCHES as HATCHES

__all__ = ["plot_copy_flows", "plot_coverage", "plot_fact_presence"]

_MARKERS = ("o", "s", "^", "D", "v", "P", "X", "*")


def _require(frame, columns: tuple[str, ...], name: str) -> None:
    if not isinstance(frame, pd.DataFrame):
        raise TypeError(f"{name} must be a DataFrame; got {type(frame).__name__}")
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ValueError(f"{name} is missing the columns {', '.join(missing)}; "
                         f"it has: {', '.join(map(str, frame.columns))}")


def _plain(text, limit: int = 80) -> str:
    """Data text for a label: one line, capped, ``$`` escaped (no mathtext)."""
    text = " ".join(str(text).split())
    if len(text) > limit:
        text = text[:limit - 1].rstrip() + "…"
    return text.replace("$", r"\$")


def _limit(value, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, numbers.Integral) or value < 1:
        raise ValueError(f"{name} must be a whole number of at least 1; got {value!r}")
    return int(value)


def plot_coverage(events: pd.DataFrame, *, max_events: int = 8, min_outlets: int = 2) -> Figure:
    """Which outlet covered which event when: one panel per event, a row per outlet.

    ``events`` is a :func:`~mediacompare.find_events` table. Each article is a
    marker on its date (shape and colour by outlet, the same in every panel);
    the number written beside a marker counts the outlet's articles that day;
    an article dated only by month or year is a bar over that month or year.
    Events reported by at least ``min_outlets`` outlets are shown, those with
    the most outlets first (at most ``max_events``; the title says how many
    were left out). Articles with no date are counted in the row label.

    >>> import mediacompare as mc
    >>> fig = plot_coverage(mc.find_events(mc.load_corpus()))
    >>> [t.get_text() for t in fig.axes[0].get_yticklabels()]
    ['Breitbart News', 'AFP']
    """
    _require(events, ("article_id", "outlet", "date", "event_id", "event_name"), "events")
    max_events = _limit(max_events, "max_events")
    min_outlets = _limit(min_outlets, "min_outlets")
    outlets_of = events.groupby("event_id", sort=False)["outlet"].nunique()
    size_of = events.groupby("event_id", sort=False).size()
    chosen = [e for e in outlets_of.index if outlets_of[e] >= min_outlets]
    if not chosen:
        raise ValueError(f"no event is reported by {min_outlets} outlets or more: nothing to plot "
                         "(lower min_outlets to show events of one outlet)")
    chosen.sort(key=lambda e: (-outlets_of[e], -size_of[e], str(e)))
    shown, left_out = chosen[:max_events], len(chosen) - max_events
    all_outlets = list(dict.fromkeys(events["outlet"].map(str)))
    style = {o: (PALETTE[k % len(PALETTE)], _MARKERS[(k // len(PALETTE)) % len(_MARKERS)])
             for k, o in enumerate(all_outlets)}
    heights = [max(outlets_of[e], 1) * 0.45 + 0.9 for e in shown]
    fig = Figure(figsize=(8.5, sum(heights) + 0.8), layout="constrained")
    axes = fig.subplots(len(shown), 1, squeeze=False, height_ratios=heights).ravel()
    for ax, event_id in zip(axes, shown):
        rows = events[events["event_id"] == event_id]
        outlets = list(dict.fromkeys(rows["outlet"].map(str)))
        labels = []
        for y, outlet in enumerate(outlets):
            mine = rows[rows["outlet"].map(str) == outlet]
            spans = [parse_date(d) for d in mine["date"]]
            days = pd.Series([s.start for s in spans if s.precision == "day"], dtype="float64")
            coarse = [s for s in spans if s.dated and s.precision != "day"]
            undated = sum(not s.dated for s in spans)
            note = [f"{len(coarse)} by {coarse[0].precision}" for _ in coarse[:1]]
            note += [f"{undated} undated"] if undated else []
            labels.append(_plain(outlet, 30) + (f" (+{', '.join(note)})" if note else ""))
            colour, marker = style[outlet]
            for span in coarse:  # a month or a year: a bar over the whole interval
                ax.plot([_dt.date.fromordinal(span.start), _dt.date.fromordinal(span.end)], [y, y],
                        color=colour, linewidth=5, solid_capstyle="butt", alpha=0.55)
            for day, n in days.value_counts().sort_index().items():
                when = _dt.date.fromordinal(int(day))
                ax.plot([when], [y], marker=marker, color=colour, markersize=9, linestyle="none",
                        markeredgecolor="#1a1a1a", markeredgewidth=0.6)
                if n > 1:
                    ax.annotate(f"×{n}", (when, y), xytext=(7, 4), textcoords="offset points",
                                fontsize="x-small")
        ax.set_yticks(range(len(outlets)), labels, fontsize="small")
        ax.set_ylim(len(outlets) - 0.5, -0.5)
        ax.margins(x=0.15)
        ax.grid(axis="x", color="#dddddd", linewidth=0.6)
        ax.set_title(_plain(rows["event_name"].iloc[0], 95), fontsize="small", loc="left")
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


def plot_fact_presence(table: pd.DataFrame, *, max_facts: int = 30) -> Figure:
    """Facts × outlets of a :func:`~mediacompare.measures.facts.fact_presence` table.

    A filled circle: the outlet carries the fact; an empty circle: it leaves it
    out. Facts run from the most widely carried down, labelled by their
    number, how many outlets carry them and the start of their central
    sentence. At most ``max_facts`` are drawn; the title says how many more
    there are.

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
    if not len(table):
        raise ValueError("table has no rows: the event has no sentence to compare")
    outlets = list(dict.fromkeys(table["outlet"].map(str)))
    facts = list(dict.fromkeys(table["fact_id"]))
    shown, left_out = facts[:max_facts], len(facts) - max_facts
    fig = Figure(figsize=(2.6 + 1.0 * len(outlets) + 4.2, 0.32 * len(shown) + 1.6),
                 layout="constrained")
    ax = fig.add_subplot()
    for y, fact in enumerate(shown):
        rows = table[table["fact_id"] == fact]
        for x, outlet in enumerate(outlets):
            carried = bool(rows.loc[rows["outlet"].map(str) == outlet, "carried"].any())
            ax.plot([x], [y], marker="o", markersize=10, linestyle="none",
                    color=PALETTE[0] if carried else "white", markeredgecolor="#1a1a1a",
                    markeredgewidth=1.0)
    labels = []
    for fact in shown:
        rows = table[table["fact_id"] == fact]
        labels.append(f"{fact} · {int(rows['n_outlets'].iloc[0])}/{len(outlets)} · "
                      + _plain(rows["fact"].iloc[0], 60))
    ax.set_xticks(range(len(outlets)), [_plain(o, 25) for o in outlets], rotation=30,
                  ha="right", fontsize="small")
    ax.set_yticks(range(len(shown)), labels, fontsize="x-small")
    ax.set_ylim(len(shown) - 0.5, -0.5)
    ax.set_xlim(-0.6, len(outlets) - 0.4)
    ax.grid(color="#eeeeee", linewidth=0.6)
    event = _plain(table["event_id"].iloc[0], 60) if "event_id" in table else ""
    title = f"Which outlet carries which fact ({event}): filled = carried, empty = left out"
    if left_out > 0:
        title += f"\n(the {len(shown)} most widely carried facts; {left_out} more not shown)"
    ax.set_title(title, fontsize="small")
    return fig


def plot_copy_flows(flows: pd.DataFrame, *, max_rows: int = 20) -> Figure:
    """Who carries whose copy: a bar per pair, the share of the carrier's words taken.

    ``flows`` is a :func:`~mediacompare.measures.syndication.copy_flows` table.
    Each bar reads "carrier ← source (agency)"; its length is
    ``share_of_carrier``, written at its end with the number of passages; the
    kind (republished, substantial, partial) is told by hatching as well as
    colour. At most ``max_rows`` bars, the largest shares.

    >>> import pandas as pd
    >>> flows = pd.DataFrame({"carrier_outlet": ["Daily"], "carrier_article": ["b"],
    ...     "source_outlet": ["Wire"], "source_article": ["a"], "agency": ["AFP"],
    ...     "kind": ["partial"], "share_of_carrier": [0.25], "n_passages": [2]})
    >>> fig = plot_copy_flows(flows)
    >>> [t.get_text() for t in fig.axes[0].texts]
    ['25% · 2 passages']
    """
    _require(flows, ("carrier_outlet", "carrier_article", "source_outlet", "source_article",
                     "agency", "kind", "share_of_carrier", "n_passages"), "flows")
    max_rows = _limit(max_rows, "max_rows")
    if not len(flows):
        raise ValueError("flows has no rows: no article shares a passage with another")
    rows = flows.sort_values("share_of_carrier", ascending=False, kind="stable").head(max_rows)
    kinds = ("republished", "substantial", "partial")
    fig = Figure(figsize=(10, 0.5 * len(rows) + 1.5), layout="constrained")
    ax = fig.add_subplot()
    labels = []
    for y, row in enumerate(rows.itertuples(index=False)):
        k = kinds.index(row.kind) if row.kind in kinds else len(kinds)
        ax.barh([y], [row.share_of_carrier], color=PALETTE[k % len(PALETTE)],
                hatch=HATCHES[k % len(HATCHES)], edgecolor="white",
                label=row.kind if row.kind not in [lab for lab in ax.get_legend_handles_labels()[1]]
                else None)
        ax.text(row.share_of_carrier + 0.01, y,
                f"{row.share_of_carrier:.0%} · {row.n_passages} passage"
                f"{'s' if row.n_passages != 1 else ''}", va="center", fontsize="x-small")
        source = _plain(row.source_outlet, 22) + (f" ({_plain(row.agency, 12)})" if row.agency
                                                    else "")
        labels.append(f"{_plain(row.carrier_outlet, 22)} ← {source}\n"
                      f"{_plain(row.carrier_article, 26)} ← {_plain(row.source_article, 26)}")
    ax.set_yticks(range(len(rows)), labels, fontsize="x-small")
    ax.set_ylim(len(rows) - 0.5, -0.5)
    ax.set_xlim(0, 1.2)
    ax.set_xlabel("share of the carrier's words in passages shared with the source "
                  "(quotations left out)", fontsize="small")
    ax.legend(fontsize="x-small", loc="lower right")
    title = "Who carries whose copy"
    if len(flows) > len(rows):
        title += f" (the {len(rows)} largest shares; {len(flows) - len(rows)} more pairs not shown)"
    ax.set_title(title, fontsize="medium")
    return fig
