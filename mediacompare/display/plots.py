"""Charts of the corpus and of loaded language: they take the library's tidy tables and
return a :class:`~mediacompare.display.charts.Chart` (a matplotlib ``Figure`` with alt text).

Common rules (see :mod:`mediacompare.display.charts` and :mod:`mediacompare.display.palette`):
colours come from the palette (a category has the same colour as in the
highlighted text), every label drawn from data is text, never math
(:func:`~mediacompare.display.palette.plain_label`), legends sit outside the
data, numbers are written on the bars, sizes follow the number of rows, and a
chart of many outlets keeps the largest :data:`~mediacompare.display.charts.MAX_GROUPS`
and pools the rest into one "others" row. Rates that rest on fewer than
:data:`~mediacompare.display.rates.MIN_WORDS` words are drawn pale and said to be so.

Charts of sentiment, readability, frames and speakers are in
:mod:`mediacompare.display.measure_plots`.
"""

from __future__ import annotations

import pandas as pd
from matplotlib.ticker import MaxNLocator

from .charts import MAX_GROUPS, Chart, bar_height, top_with_others
from .measure_plots import (plot_frame_profiles, plot_readability, plot_sentiment,
                            plot_speaker_groups)
from .palette import (INK, VOICE_COLOURS, VOICE_HATCHES, category_colour, category_hatch,
                      plain_label, plain_labels, series_colour, series_hatch)
from .rates import MIN_WORDS, pooled_rates

__all__ = ["plot_frame_profiles", "plot_label_rates", "plot_lengths", "plot_readability",
           "plot_removals", "plot_sentiment", "plot_speaker_groups", "plot_voice_split"]

#: Beyond this many articles, lengths are drawn as a histogram.
MAX_ARTICLE_BARS = 40


def _require(frame: pd.DataFrame, columns: tuple[str, ...], name: str) -> None:
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ValueError(f"{name} is missing the columns {', '.join(missing)}; "
                         f"it has: {', '.join(map(str, frame.columns))}")


def _labels(frame: pd.DataFrame) -> list[str]:
    return plain_labels(f"{a} · {o}" for a, o in zip(frame["article_id"], frame["outlet"]))


def plot_lengths(summary: pd.DataFrame) -> Chart:
    """Words per article (from :meth:`Corpus.summary`), longest first, the count on each bar.

    Beyond :data:`MAX_ARTICLE_BARS` articles, a histogram of the lengths.
    """
    _require(summary, ("article_id", "outlet", "n_words"), "summary")
    n = len(summary)
    if n > MAX_ARTICLE_BARS:
        words = summary["n_words"]
        fig = Chart(figsize=(8, 3.6), alt=(
            f"Histogram of article lengths: {n:,} articles from {int(words.min()):,} to "
            f"{int(words.max()):,} words, median {int(words.median()):,}."))
        ax = fig.add_subplot()
        ax.hist(words, bins=min(30, max(5, n // 5)), color=series_colour(0), edgecolor="white")
        ax.set_xlabel("words in the clean body text")
        ax.set_ylabel("articles")
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
        ax.set_title("Article length")
        return fig
    ordered = summary.sort_values("n_words", ascending=False, kind="stable")
    longest, shortest = ordered.iloc[0] if n else None, ordered.iloc[-1] if n else None
    alt = (f"Bar chart of article lengths, {n:,} articles, longest first"
           + (f": from {int(longest['n_words']):,} words ({longest['article_id']}, "
              f"{longest['outlet']}) to {int(shortest['n_words']):,} ({shortest['article_id']}, "
              f"{shortest['outlet']})." if n else "."))
    fig = Chart(figsize=(8, bar_height(n, per_row=0.36)), alt=alt)
    ax = fig.add_subplot()
    bars = ax.barh(_labels(ordered), ordered["n_words"], color=series_colour(0))
    ax.bar_label(bars, labels=[f"{int(v):,}" for v in ordered["n_words"]], padding=3)
    ax.invert_yaxis()
    ax.set_xlabel("words in the clean body text")
    ax.set_title("Article length")
    ax.margins(x=0.15)
    return fig


def plot_removals(removed: pd.DataFrame, articles: pd.DataFrame) -> Chart:
    """Stacked bars of removed lines per article by category (from :meth:`Corpus.removed`).

    Every article gets a bar, even with nothing removed (beyond
    :data:`MAX_ARTICLE_BARS` articles, the articles with most removals and one
    bar for the rest); categories differ by colour and hatching; the legend is
    outside the bars.
    """
    _require(removed, ("article_id", "category"), "removed")
    counts = (removed.groupby(["article_id", "category"]).size().unstack(fill_value=0)
              .reindex(articles["article_id"], fill_value=0))
    labels = dict(zip(articles["article_id"], _labels(articles)))
    rows = [labels[a] for a in counts.index]
    if len(counts) > MAX_ARTICLE_BARS:
        order = counts.sum(axis=1).sort_values(ascending=False, kind="stable").index
        keep, rest = order[:MAX_ARTICLE_BARS - 1], order[MAX_ARTICLE_BARS - 1:]
        counts = pd.concat([counts.loc[keep], counts.loc[rest].sum().to_frame().T])
        rows = [labels[a] for a in keep] + [f"all other {len(rest):,} articles"]
    total = int(counts.to_numpy().sum())
    top = counts.sum().sort_values(ascending=False)
    alt = (f"Stacked bar chart of lines removed by the cleaning rules, per article "
           f"({len(rows):,} bars): {total:,} lines in all"
           + (f", most of them {top.index[0]} ({int(top.iloc[0]):,})." if total else "."))
    fig = Chart(figsize=(9, max(bar_height(len(rows), per_row=0.36), 0.24 * counts.shape[1] + 1)),
                alt=alt)
    ax = fig.add_subplot()
    left = pd.Series(0, index=counts.index)
    for i, category in enumerate(counts.columns):
        ax.barh(rows, counts[category].to_numpy(), left=left.to_numpy(), color=series_colour(i),
                hatch=series_hatch(i), edgecolor="white", label=plain_label(category))
        left += counts[category]
    ax.invert_yaxis()
    ax.set_xlabel("lines removed by the cleaning rules")
    ax.set_title("What cleaning removed, by category")
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    if len(counts.columns):
        fig.legend(loc="outside right upper", fontsize="small", frameon=False, title="category")
    return fig


def _groups(part: pd.DataFrame, key: str, max_groups: int) -> tuple[pd.DataFrame, int]:
    """The rows of the ``max_groups`` groups with most words; the rest pooled."""
    words = part.groupby(key, sort=False)["n_words"].first()
    if len(words) <= max_groups:
        return part, 0
    frame = part.assign(_w=part[key].map(words))
    kept, folded = top_with_others(frame, key, "_w", n=max_groups, others="all other {n} outlets")
    return pooled_rates(kept.drop(columns="_w"), key), folded


def plot_label_rates(rates: pd.DataFrame, *, voice: str = "outlet", confidence: str = "high",
                     min_words: int = MIN_WORDS, max_groups: int = MAX_GROUPS) -> Chart:
    """Labels per 1,000 words, per outlet and category (from ``label_rates``).

    Outlets are drawn from the one with most words down. Up to six outlets: grouped bars, one colour per category (the colours of
    the highlighted text). More: one small panel per category with cues, the
    outlets in the same order in each. Beyond ``max_groups`` outlets, those
    with most words are drawn and the rest pooled into one row. Each bar
    carries its count; bars whose rate rests on fewer than ``min_words`` words
    are pale, and their outlet's label says so.
    """
    _require(rates, ("category", "voice", "confidence", "n_spans", "n_words", "per_1000_words"),
             "rates")
    key = "outlet" if "outlet" in rates.columns else "article_id"
    part = rates[(rates["voice"] == voice) & (rates["confidence"] == confidence)]
    part, folded = _groups(part, key, max_groups)
    categories = list(dict.fromkeys(part["category"]))
    words = part.groupby(key, sort=False)["n_words"].first().fillna(0)
    pooled = [g for g in words.index if str(g).startswith("all other ")]
    groups = [g for g in words.sort_values(ascending=False, kind="stable").index
              if g not in pooled] + pooled  # most words first, the pooled rest last
    few = {g for g in groups if words[g] < min_words}
    ticks = [plain_label(g) + (f"\n({int(words[g]):,} words: few)" if g in few else "")
             for g in groups]
    voice_name = "the outlet's own voice" if voice == "outlet" else "quoted speech"
    used = [c for c in categories if part.loc[part["category"] == c, "n_spans"].sum() > 0]
    top = part.sort_values("per_1000_words", ascending=False).head(1)
    alt = (f"Bar chart: loaded-language cues per 1,000 words of {voice_name} "
           f"({confidence}-confidence tier), {len(groups):,} outlets by category"
           + (f"; highest: {top.iloc[0]['category']} in {top.iloc[0][key]}, "
              f"{top.iloc[0]['per_1000_words']:.1f} per 1,000 words "
              f"({int(top.iloc[0]['n_spans'])} cues)" if len(top) and top.iloc[0]["n_spans"] else
              "; no cue")
           + (f"; {len(few)} outlet(s) with fewer than {min_words:,} words drawn pale" if few else "")
           + ".")
    title = f"Loaded-language cues in {voice_name} ({confidence}-confidence tier)"
    if len(groups) <= 6:
        fig = Chart(figsize=(9, bar_height(len(groups), per_row=0.95, extra=1.8)), alt=alt)
        ax = fig.add_subplot()
        height = 0.8 / max(len(categories), 1)
        for i, category in enumerate(categories):
            rows = part[part["category"] == category].set_index(key).reindex(groups)
            y = [g + i * height for g in range(len(groups))]
            bars = ax.barh(y, rows["per_1000_words"].fillna(0).to_numpy(), height=height,
                           color=category_colour(category), hatch=category_hatch(category),
                           edgecolor="white", label=plain_label(category))
            for bar, g in zip(bars, groups):
                bar.set_alpha(0.35 if g in few else 1.0)
            ax.bar_label(bars, labels=[str(int(n)) if n else "" for n in rows["n_spans"].fillna(0)],
                         padding=2, fontsize="x-small")
        ax.set_yticks([g + 0.4 - height / 2 for g in range(len(groups))], ticks)
        ax.invert_yaxis()
        ax.set_xlabel(f"labels per 1,000 words of {voice_name} (numbers on bars: counts)")
        fig.legend(loc="outside right upper", fontsize="small", frameon=False, title="category")
    else:
        panels = used or categories[:1]
        ncols = min(len(panels), 3)
        nrows = -(-len(panels) // ncols)
        fig = Chart(figsize=(3.6 * ncols + 1.2, nrows * bar_height(len(groups), per_row=0.3,
                                                                     extra=0.9)), alt=alt)
        axes = fig.subplots(nrows, ncols, sharey=True, squeeze=False).ravel()
        for ax, category in zip(axes, panels):
            rows = part[part["category"] == category].set_index(key).reindex(groups)
            bars = ax.barh(range(len(groups)), rows["per_1000_words"].fillna(0).to_numpy(),
                           color=category_colour(category), hatch=category_hatch(category),
                           edgecolor="white")
            for bar, g in zip(bars, groups):
                bar.set_alpha(0.35 if g in few else 1.0)
            ax.bar_label(bars, labels=[str(int(n)) if n else "" for n in rows["n_spans"].fillna(0)],
                         padding=2, fontsize="x-small")
            ax.set_title(plain_label(category), fontsize="medium", color=INK)
            ax.margins(x=0.25)
            ax.tick_params(axis="y", labelsize="small")
        axes[0].set_yticks(range(len(groups)), ticks)
        axes[0].invert_yaxis()
        for ax in axes[len(panels):]:
            fig.delaxes(ax)
        fig.supxlabel(f"labels per 1,000 words of {voice_name} (numbers on bars: counts)",
                      fontsize="small")
    note = f"; pale: fewer than {min_words:,} words" if few else ""
    fig.suptitle(title + (f"\n{len(groups) - 1} largest outlets by words, the other {folded} "
                          "pooled" if folded else "") + note, fontsize="medium")
    return fig


def plot_voice_split(rates: pd.DataFrame, *, confidence: str = "high",
                     min_words: int = MIN_WORDS, max_groups: int = MAX_GROUPS) -> Chart:
    """Per outlet: all labels per 1,000 words in its own voice beside those in quoted speech.

    Each bar says "n in w words"; a rate on fewer than ``min_words`` words is pale.
    """
    _require(rates, ("voice", "confidence", "n_spans", "n_words"), "rates")
    key = "outlet" if "outlet" in rates.columns else "article_id"
    part = rates[rates["confidence"] == confidence]
    counts = part.groupby([key, "voice"], sort=False)["n_spans"].sum().unstack().fillna(0)
    words = part.groupby([key, "voice"], sort=False)["n_words"].first().unstack().fillna(0)
    for voice in ("outlet", "quoted"):
        counts[voice] = counts.get(voice, 0)
        words[voice] = words.get(voice, 0)
    folded = 0
    order = words.sum(axis=1).sort_values(ascending=False, kind="stable").index
    counts, words = counts.loc[order], words.loc[order]  # most words first
    if len(counts) > max_groups:
        keep, rest = order[:max_groups - 1], order[max_groups - 1:]
        label = f"all other {len(rest):,} outlets"
        counts = pd.concat([counts.loc[keep], counts.loc[rest].sum().to_frame(label).T])
        words = pd.concat([words.loc[keep], words.loc[rest].sum().to_frame(label).T])
        folded = len(rest)
    per_1000 = (1000 * counts / words.where(words > 0)).fillna(0)
    groups = list(counts.index)
    alt = (f"Bar chart: per outlet ({len(groups):,}), cues per 1,000 words in its own voice "
           f"beside cues per 1,000 words in the speech it quotes ({confidence}-confidence tier); "
           f"{int(counts['outlet'].sum()):,} cues in outlets' own words, "
           f"{int(counts['quoted'].sum()):,} in quoted words.")
    fig = Chart(figsize=(9, bar_height(len(groups), per_row=0.75, extra=1.9)), alt=alt)
    ax = fig.add_subplot()
    for i, (voice, name) in enumerate((("outlet", "outlet's own voice"), ("quoted", "quoted speech"))):
        y = [g + i * 0.4 for g in range(len(groups))]
        bars = ax.barh(y, per_1000[voice].to_numpy(), height=0.4, color=VOICE_COLOURS[voice],
                       hatch=VOICE_HATCHES[voice], edgecolor="white", label=name)
        for bar, w in zip(bars, words[voice]):
            bar.set_alpha(0.35 if w < min_words else 1.0)
        ax.bar_label(bars, labels=[f"{int(n)} in {int(w):,} words" for n, w in
                                   zip(counts[voice], words[voice])], padding=2, fontsize="x-small")
    ax.set_yticks([g + 0.2 for g in range(len(groups))], plain_labels(groups))
    ax.invert_yaxis()
    ax.margins(x=0.35)
    ax.set_xlabel(f"labels per 1,000 words in that voice (pale: fewer than {min_words:,} words)")
    ax.set_title(f"Whose voice carries the cues? ({confidence}-confidence tier)"
                 + (f"\nthe other {folded} outlets pooled" if folded else ""))
    fig.legend(loc="outside upper center", ncols=2, fontsize="small", frameon=False)
    return fig
