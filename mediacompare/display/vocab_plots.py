"""Plots of distinctive vocabulary and of text similarity (from ``measures.vocabulary``).

Like :mod:`mediacompare.display.plots`, they take the library's tables and
return a :class:`~mediacompare.display.charts.Chart` (a matplotlib ``Figure``
built without pyplot, with alt text), and they
write the numbers on the picture (counts on the bars, cosines in the cells),
so nothing has to be read from colour alone.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import numpy as np
import pandas as pd

from .charts import Chart
from .palette import INK, plain_label, plain_labels, series_colour, series_hatch

__all__ = ["plot_distinctive_terms", "plot_similarity"]

#: Beyond this many documents, the similarity heat map has no number in its cells
#: (they could not be read); the notebook lists the closest pairs instead.
MAX_ANNOTATED = 12


def _require(frame: pd.DataFrame, columns: tuple[str, ...], name: str) -> None:
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ValueError(f"{name} is missing the columns {', '.join(missing)}; "
                         f"it has: {', '.join(map(str, frame.columns))}")


def plot_distinctive_terms(scores: pd.DataFrame, n: int = 10) -> Chart:
    """One small panel per group: horizontal bars of ``z`` for its ``n`` most distinctive terms.

    ``scores`` is :attr:`DistinctiveTerms.scores_` (or :func:`distinctive_terms`,
    or its top rows). Each bar is labelled ``count / count_rest``: how often
    the group used the term against how often all the other groups did, so
    a high ``z`` from three uses is seen for what it is. The panels share the
    ``z`` axis. ``z`` is descriptive (the words of a few articles are not
    independent draws): no significance line is drawn.

    >>> import pandas as pd
    >>> from mediacompare.measures.vocabulary import distinctive_terms
    >>> scores = distinctive_terms(pd.DataFrame({"article_id": ["a", "b"], "outlet": ["A", "B"],
    ...                                          "text": ["Rebels fled.", "Militants fled."]}))
    >>> fig = plot_distinctive_terms(scores, n=2)
    >>> [ax.get_title() for ax in fig.axes]
    ['A', 'B']
    """
    _require(scores, ("group", "term", "count", "count_rest", "z"), "scores")
    if isinstance(n, bool) or not isinstance(n, int) or n < 1:
        raise ValueError(f"n must be a whole number >= 1; got {n!r}")
    groups = list(dict.fromkeys(scores["group"]))
    if not groups:
        raise ValueError("scores has no rows: there is nothing to plot")
    ncols = min(len(groups), 3)
    nrows = math.ceil(len(groups) / ncols)
    shown = max(min(n, int(scores.groupby("group", sort=False).size().max())), 1)
    alt = (f"Bar charts, one per outlet ({len(groups)}): the {shown} words each uses more than "
           "the others, by the z-score of the log-odds ratio, with counts on the bars.")
    fig = Chart(figsize=(3.6 * ncols, 0.32 * shown * nrows + 1.4 * nrows + 0.6), alt=alt)
    axes = fig.subplots(nrows, ncols, sharex=True, squeeze=False).ravel()
    for i, group in enumerate(groups):
        ax = axes[i]
        rows = (scores[scores["group"] == group]
                .sort_values(["z", "term"], ascending=[False, True], kind="stable").head(n))
        bars = ax.barh(plain_labels(rows["term"].astype(str)), rows["z"].to_numpy(),
                       color=series_colour(i), hatch=series_hatch(i), edgecolor="white")
        ax.bar_label(bars, labels=[f"{int(c)} / {int(r)}" for c, r in
                                   zip(rows["count"], rows["count_rest"])],
                     padding=2, fontsize="x-small")
        ax.invert_yaxis()
        ax.axvline(0, color=INK, linewidth=0.6)
        ax.margins(x=0.25)
        ax.set_title(plain_label(group), fontsize="medium")
        ax.tick_params(axis="y", labelsize="small")
    for ax in axes[len(groups):]:
        fig.delaxes(ax)
    fig.supxlabel("z of the log-odds ratio, this group against all the others "
                  "(descriptive; labels: count here / count in the rest)", fontsize="small")
    fig.suptitle("Distinctive terms")
    return fig


def plot_similarity(matrix: pd.DataFrame, *, labels: Mapping | None = None) -> Chart:
    """Heat map of a :func:`similarity_matrix`, the cosine written in each cell.

    Up to :data:`MAX_ANNOTATED` documents the cosine is written in each cell;
    beyond, the cells are only shaded (a number per cell could not be read)
    and the figure grows with the number of documents.

    ``labels`` maps a document's id to the text shown on the axes (for
    example ``dict(zip(articles["article_id"], articles["outlet"]))``); by
    default the ids are shown. A NaN cell (a document with no words) shows
    a dash.

    >>> import pandas as pd
    >>> matrix = pd.DataFrame([[1.0, 0.25], [0.25, 1.0]], index=["a", "b"], columns=["a", "b"])
    >>> fig = plot_similarity(matrix, labels={"a": "Outlet A"})
    >>> sorted(t.get_text() for t in fig.axes[0].texts)
    ['0.25', '0.25', '1.00', '1.00']
    >>> [t.get_text() for t in fig.axes[0].get_yticklabels()]
    ['Outlet A', 'b']
    """
    if not isinstance(matrix, pd.DataFrame) or matrix.shape[0] != matrix.shape[1] or matrix.empty:
        raise ValueError("matrix must be a square, non-empty DataFrame, as made by "
                         "similarity_matrix(); got "
                         f"{matrix.shape if isinstance(matrix, pd.DataFrame) else type(matrix).__name__}")
    labels = labels or {}
    rows = [str(labels.get(k, k)) for k in matrix.index]
    cols = [str(labels.get(k, k)) for k in matrix.columns]
    values = matrix.to_numpy(dtype=float)
    k = len(rows)
    off = values[~np.eye(k, dtype=bool)] if k > 1 else np.array([])
    off = off[~np.isnan(off)]
    alt = (f"Heat map of the TF-IDF cosine similarity between every pair of {k} texts"
           + (f"; between different texts from {off.min():.2f} to {off.max():.2f}" if off.size else "")
           + ("; the cosine is written in each cell." if k <= MAX_ANNOTATED else
              "; cells are shaded only (too many to number)."))
    annotate = k <= MAX_ANNOTATED
    size = (0.9 * k + 3.2, 0.7 * k + 1.8) if annotate else (0.3 * k + 4.5, 0.3 * k + 3)
    fig = Chart(figsize=size, alt=alt)
    ax = fig.add_subplot()
    image = ax.imshow(np.nan_to_num(values, nan=0.0), cmap="Blues", vmin=0, vmax=1, aspect="auto")
    for r in range(k if annotate else 0):
        for c in range(k):
            value = values[r, c]
            text = "–" if value != value else f"{value:.2f}"
            colour = "white" if value == value and value > 0.6 else INK
            ax.text(c, r, text, ha="center", va="center", fontsize="small", color=colour)
    ax.set_xticks(range(k), plain_labels(cols), rotation=40, ha="right", fontsize="small")
    ax.set_yticks(range(k), plain_labels(rows), fontsize="small")
    ax.set_title("How alike are the texts? (cosine of TF-IDF vectors)")
    fig.colorbar(image, ax=ax, label="cosine similarity",
                 shrink=0.8)
    return fig
