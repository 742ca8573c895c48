"""The figure every plot returns: a matplotlib ``Figure`` that says what it shows.

:class:`Chart` is a :class:`matplotlib.figure.Figure` (built without pyplot, so
no global state changes) with one addition: ``alt``, a sentence saying what the
picture shows, drawn from the data (how many outlets, the largest and smallest
values). A notebook shows a chart as a PNG whose alternative text is ``alt``
(the ``text/plain`` part of its display, and ``alt`` in the PNG's metadata, which
the report's pages put in the ``<img alt>``), so a screen reader, a broken
image and a search all get a description instead of "Figure size 640x480".

The PNG is drawn at :data:`DPI` and reduced to an adaptive palette of at most
:data:`PNG_COLOURS` colours (charts have few colours), which keeps report
pages light without visible loss.

Sizes adapt to the data: :func:`bar_height` gives a bar chart's height from its
number of rows, and :func:`top_with_others` keeps the ``n`` largest groups and
sums the rest into one "others" row, so a chart of 24 outlets stays readable.
"""

from __future__ import annotations

import base64
import io
from typing import Any

import pandas as pd
from matplotlib.figure import Figure

__all__ = ["DPI", "MAX_GROUPS", "PNG_COLOURS", "Chart", "bar_height", "png_bytes",
           "top_with_others"]

#: Resolution of the PNG a chart shows as (pixels per inch).
DPI = 90
#: Colours kept in the PNG (an adaptive palette).
PNG_COLOURS = 64
#: Groups (outlets, articles) drawn one by one before the rest become "others".
MAX_GROUPS = 12


class Chart(Figure):
    """A :class:`~matplotlib.figure.Figure` with a description of what it shows (``alt``).

    >>> chart = Chart(figsize=(2, 1), alt="A bar chart of nothing.")
    >>> chart.alt
    'A bar chart of nothing.'
    >>> bundle, meta = chart._repr_mimebundle_()
    >>> sorted(bundle), meta["image/png"]["alt"]
    (['image/png', 'text/plain'], 'A bar chart of nothing.')
    """

    def __init__(self, *args: Any, alt: str = "", **kwargs: Any):
        kwargs.setdefault("layout", "constrained")
        super().__init__(*args, **kwargs)
        self.alt = alt

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> tuple[dict, dict]:
        png = png_bytes(self)
        width, height = self.get_size_inches()
        alt = self.alt or "A chart."
        meta = {"image/png": {"alt": alt, "width": int(round(width * DPI)),
                              "height": int(round(height * DPI))}}
        return {"image/png": base64.b64encode(png).decode("ascii"), "text/plain": alt}, meta

    def _ipython_display_(self) -> None:
        """Show the chart as its own PNG with its alt text, even where matplotlib's inline
        backend has registered a PNG printer for every Figure (which would redraw it
        larger and drop the description)."""
        from IPython.display import publish_display_data

        data, meta = self._repr_mimebundle_()
        publish_display_data(data, meta)

    def __repr__(self) -> str:
        return f"<Chart: {self.alt}>" if self.alt else super().__repr__()


def png_bytes(fig: Figure, dpi: int = DPI) -> bytes:
    """The figure as PNG bytes, quantised to at most :data:`PNG_COLOURS` colours."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi, facecolor="white")
    try:
        from PIL import Image
    except ImportError:  # pragma: no cover - Pillow comes with matplotlib
        return buffer.getvalue()
    buffer.seek(0)
    image = Image.open(buffer).convert("RGB").quantize(colors=PNG_COLOURS, dither=Image.Dither.NONE)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def bar_height(n_rows: int, *, per_row: float = 0.42, extra: float = 1.6,
               minimum: float = 2.2) -> float:
    """A bar chart's height in inches for ``n_rows`` bars or groups.

    >>> bar_height(5), bar_height(24)
    (3.7, 11.68)
    """
    return round(max(minimum, per_row * n_rows + extra), 2)


def top_with_others(frame: pd.DataFrame, key: str, value: str, *, n: int = MAX_GROUPS,
                    others: str = "all other {n} outlets") -> tuple[pd.DataFrame, int]:
    """Keep the ``n`` groups of ``key`` with the largest total ``value``; sum the rest.

    Returns the frame (the kept groups' rows, then the rest summed into rows
    whose ``key`` is ``others`` formatted with their number) and how many
    groups were folded. Numeric columns are summed; the others are taken from
    the first row of each group of the rest.

    >>> f = pd.DataFrame({"outlet": list("abcd"), "n": [5, 1, 3, 2]})
    >>> kept, folded = top_with_others(f, "outlet", "n", n=2, others="{n} others")
    >>> kept["outlet"].tolist(), kept["n"].tolist(), folded
    (['a', 'c', '2 others'], [5, 3, 3], 2)
    """
    totals = frame.groupby(key, sort=False)[value].sum().sort_values(ascending=False, kind="stable")
    if len(totals) <= n:
        return frame, 0
    keep = list(totals.index[:n])
    rest = frame[~frame[key].isin(keep)]
    folded = rest[key].nunique()
    label = others.format(n=folded)
    kept = frame[frame[key].isin(keep)]
    kept = kept.iloc[kept[key].map({k: i for i, k in enumerate(keep)}).argsort(kind="stable")]
    others_cols = [c for c in frame.columns if c != key]
    numeric = [c for c in others_cols if pd.api.types.is_numeric_dtype(frame[c])]
    group_by = [c for c in others_cols if c not in numeric]
    if group_by:
        summed = rest.groupby(group_by, sort=False, dropna=False)[numeric].sum().reset_index()
    else:
        summed = rest[numeric].sum().to_frame().T
    summed[key] = label
    return pd.concat([kept, summed[frame.columns]], ignore_index=True), folded
