"""Per-outlet summaries of labels: counts beside rates per 1,000 words, by voice and tier."""

from __future__ import annotations

import pandas as pd

from ..document import analysed_articles
from .lexicon import CATEGORIES

__all__ = ["label_rates", "rates_table", "voice_words"]

VOICES = ("outlet", "quoted")


def voice_words(source) -> pd.DataFrame:
    """Words per article in the outlet's own voice and in quoted (reported) speech.

    >>> voice_words('He said: "We stay here." Then he left.')[["n_words", "n_words_outlet", "n_words_quoted"]].values.tolist()
    [[8, 5, 3]]
    """
    rows = []
    for art, doc in analysed_articles(source):
        n_words = doc.n_words
        quoted = doc.quoted_word_count()
        rows.append({"article_id": str(art.article_id), "outlet": art.outlet, "n_words": n_words,
                     "n_words_outlet": n_words - quoted, "n_words_quoted": quoted})
    return pd.DataFrame(rows, columns=["article_id", "outlet", "n_words", "n_words_outlet",
                                       "n_words_quoted"]).astype(
        {"n_words": "int64", "n_words_outlet": "int64", "n_words_quoted": "int64"})


def label_rates(spans: pd.DataFrame, source, *, by: str = "outlet") -> pd.DataFrame:
    """Counts and rates per 1,000 words, per ``by`` (outlet or article_id), category, voice, tier.

    Every combination is a row, zeros included, so an absence is visible. The
    rate's denominator is the number of words in that voice: a word in quoted
    speech counts against the quoted words, one in the outlet's voice against
    the outlet's words. ``per_1000_words`` is NaN where there are no words.
    """
    if by not in ("outlet", "article_id"):
        raise ValueError(f"by must be 'outlet' or 'article_id'; got {by!r}")
    words = voice_words(source)
    outlet_of = dict(zip(words["article_id"], words["outlet"]))
    denominators = words.groupby(by)[["n_words_outlet", "n_words_quoted"]].sum()
    counted = spans.assign(
        voice=spans["in_quote"].map({True: "quoted", False: "outlet"}),
        **({"outlet": spans["article_id"].map(outlet_of)} if by == "outlet" else {}))
    counts = counted.groupby([by, "category", "confidence", "voice"]).size()
    rows = []
    for key in denominators.index:
        for category in CATEGORIES:
            for confidence in ("high", "low"):
                for voice in VOICES:
                    n_words = int(denominators.loc[key, f"n_words_{voice}"])
                    n = int(counts.get((key, category, confidence, voice), 0))
                    rows.append({by: key, "category": category, "confidence": confidence,
                                 "voice": voice, "n_spans": n, "n_words": n_words,
                                 "per_1000_words": 1000 * n / n_words if n_words else float("nan")})
    return pd.DataFrame(rows, columns=[by, "category", "confidence", "voice", "n_spans", "n_words",
                                       "per_1000_words"])


def rates_table(rates: pd.DataFrame, *, voice: str = "outlet", confidence: str = "high") -> pd.DataFrame:
    """A readable table of :func:`label_rates`: one row per outlet, one column per category,
    each cell ``count (rate per 1,000 words)``; the words counted are in the last column."""
    key = "outlet" if "outlet" in rates.columns else "article_id"
    part = rates[(rates["voice"] == voice) & (rates["confidence"] == confidence)]
    cells = part.assign(cell=[f"{n} ({r:.1f})" if r == r else f"{n} (–)"
                              for n, r in zip(part["n_spans"], part["per_1000_words"])])
    table = cells.pivot(index=key, columns="category", values="cell")
    table = table[[c for c in CATEGORIES if c in table.columns]]
    table[f"words ({voice} voice)"] = part.groupby(key)["n_words"].first()
    table.columns.name = None
    return table
