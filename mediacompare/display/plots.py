"""Plots that take the library's tidy tables and return matplotlib figures.

Figures are built with :class:`matplotlib.figure.Figure`, not pyplot, so no
global state changes; notebooks show them as the last expression of a cell.
"""

from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

__all__ = ["plot_lengths", "plot_removals"]

#: Colour-blind-safe palette (Okabe and Ito 2008), used in order.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")
HATCHES = ("", "//", "..", "xx", "\\\\", "++", "oo", "--")


def _labels(frame: pd.DataFrame) -> list[str]:
    return [f"{a} · {o}" for a, o in zip(frame["article_id"], frame["outlet"])]


def plot_lengths(summary: pd.DataFrame) -> Figure:
    """Bar chart of words per article (from :meth:`Corpus.summary`), one bar per article.

    Bars are labelled with article id and outlet, and the count is written on
    each bar, so the chart does not rely on colour.
    """
    _require(summary, ("article_id", "outlet", "n_words"), "summary")
    fig = Figure(figsize=(7, 0.5 * len(summary) + 1.2), layout="constrained")
    ax = fig.add_subplot()
    labels = _labels(summary)
    bars = ax.barh(labels, summary["n_words"], color=PALETTE[0])
    ax.bar_label(bars, padding=3)
    ax.invert_yaxis()
    ax.set_xlabel("words in the clean body text")
    ax.set_title("Article length")
    ax.margins(x=0.15)
    return fig


def plot_removals(removed: pd.DataFrame, articles: pd.DataFrame) -> Figure:
    """Stacked bars of removed lines per article by category (from :meth:`Corpus.removed`).

    Every article of ``articles`` gets a bar, even with nothing removed;
    categories are told apart by colour and hatching.
    """
    _require(removed, ("article_id", "category"), "removed")
    counts = (removed.groupby(["article_id", "category"]).size().unstack(fill_value=0)
              .reindex(articles["article_id"], fill_value=0))
    fig = Figure(figsize=(8.5, max(0.5 * len(articles) + 1.6, 0.22 * counts.shape[1] + 1)),
                 layout="constrained")
    ax = fig.add_subplot()
    labels = _labels(articles)
    left = pd.Series(0, index=counts.index)
    for i, category in enumerate(counts.columns):
        ax.barh(labels, counts[category].to_numpy(), left=left.to_numpy(),
                color=PALETTE[i % len(PALETTE)],
                hatch=HATCHES[(i // len(PALETTE)) % len(HATCHES)],
                edgecolor="white", label=category)
        left += counts[category]
    ax.invert_yaxis()
    ax.set_xlabel("lines removed by the cleaning rules")
    ax.set_title("What cleaning removed, by category")
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    if len(counts.columns):
        fig.legend(loc="outside right upper", fontsize="small", frameon=False, title="category")
    return fig


def _require(frame: pd.DataFrame, columns: tuple[str, ...], name: str) -> None:
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ValueError(f"{name} is missing the columns {', '.join(missing)}; "
                         f"it has: {', '.join(map(str, frame.columns))}")
