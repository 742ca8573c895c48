"""Rates per 1,000 words, shown honestly: counts first, and rates on few words flagged.

A rate from a handful of words is fragile: three cues in 44 words of an
outlet's own voice make "68 per 1,000 words". Every view of
:func:`~mediacompare.label_rates` here flags a rate that rests on fewer than
:data:`MIN_WORDS` words, in the table (an asterisk and a note naming the outlets)
and in the charts (pale bars, the outlet's label saying "few").
"""

from __future__ import annotations

import pandas as pd

from .tables import Table, table

__all__ = ["MIN_WORDS", "few_words", "pooled_rates", "rates_view"]

#: A rate per 1,000 words resting on fewer words than this is flagged.
MIN_WORDS = 200

_VOICE_WORDS = {"outlet": "the outlet's own voice", "quoted": "quoted speech"}


def few_words(n_words: float, min_words: int = MIN_WORDS) -> bool:
    """True when a rate on ``n_words`` words is too fragile to compare.

    >>> few_words(44), few_words(1200)
    (True, False)
    """
    return n_words < min_words


def pooled_rates(rates: pd.DataFrame, key: str = "outlet") -> pd.DataFrame:
    """``per_1000_words`` recomputed from ``n_spans`` and ``n_words`` (after summing rows)."""
    out = rates.copy()
    out["per_1000_words"] = [1000 * n / w if w else float("nan")
                             for n, w in zip(out["n_spans"], out["n_words"])]
    return out


def rates_view(rates: pd.DataFrame, *, voice: str = "outlet", confidence: str = "high",
               min_words: int = MIN_WORDS, max_rows: int = 15) -> Table:
    """One row per outlet: each category's count and rate per 1,000 words, for people.

    Cells read ``count (rate)``; a rate on fewer than ``min_words`` words of
    that voice is marked ``*`` and named in a note. Outlets with enough words
    come first, most cues per 1,000 words first; the others follow, largest first.

    >>> rates = pd.DataFrame({"outlet": ["A", "A", "B", "B"], "category": ["emotive", "doubt"] * 2,
    ...     "confidence": "high", "voice": "outlet", "n_spans": [3, 0, 1, 1],
    ...     "n_words": [44, 44, 900, 900], "per_1000_words": [68.18, 0.0, 1.11, 1.11]})
    >>> print(rates_view(rates))
    Cues in the outlet's own voice, high-confidence tier: count (per 1,000 words)
    Outlet Emotive    Doubt All cues Words in the outlet's own voice
         B 1 (1.1)  1 (1.1)  2 (2.2)                             900
         A 3 (68*) 0 (0.0*)  3 (68*)                              44
    *: a rate on fewer than 200 words (A: 44): read the count, not the rate.
    """
    if voice not in _VOICE_WORDS:
        raise ValueError(f"voice must be 'outlet' or 'quoted'; got {voice!r}")
    key = "outlet" if "outlet" in rates.columns else "article_id"
    part = rates[(rates["voice"] == voice) & (rates["confidence"] == confidence)]
    categories = list(dict.fromkeys(part["category"]))
    words = part.groupby(key, sort=False)["n_words"].first()
    counts = part.pivot_table(index=key, columns="category", values="n_spans", aggfunc="sum",
                              sort=False).reindex(index=words.index, columns=categories).fillna(0)
    total = counts.sum(axis=1)

    def cell(n: float, w: float) -> str:
        if not w:
            return f"{int(n)} (no words)"
        rate = 1000 * n / w
        if few_words(w, min_words):
            return f"{int(n)} ({rate:.0f}*)" if rate >= 10 else f"{int(n)} ({rate:.1f}*)"
        return f"{int(n)} ({rate:.1f})"

    rows = []
    for outlet in words.index:
        w = float(words[outlet])
        row = {key: outlet}
        for category in categories:
            row[category] = cell(counts.loc[outlet, category], w)
        row["_all"] = cell(total[outlet], w)
        row["_words"] = int(w)
        row["_rank"] = (few_words(w, min_words), -(1000 * total[outlet] / w if w else 0), -w)
        rows.append(row)
    frame = pd.DataFrame(rows, columns=[key, *categories, "_all", "_words", "_rank"])
    frame = frame.sort_values("_rank", kind="stable").drop(columns="_rank")
    headers = {key: "Outlet" if key == "outlet" else "Article",
               **{c: c.replace("_", " ").capitalize() for c in categories},
               "_all": "All cues", "_words": f"Words in {_VOICE_WORDS[voice]}"}
    few = [(o, int(w)) for o, w in words.items() if few_words(w, min_words)]
    notes = []
    if few:
        named = ", ".join(f"{o}: {w:,}" for o, w in few[:12]) + (", ..." if len(few) > 12 else "")
        notes.append(f"*: a rate on fewer than {min_words:,} words ({named}): read the count, "
                     "not the rate.")
    return table(frame, columns=headers, max_rows=max_rows, notes=notes,
                 caption=f"Cues in {_VOICE_WORDS[voice]}, {confidence}-confidence tier: "
                         "count (per 1,000 words)", what="outlets")
