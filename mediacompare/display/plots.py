"""Plots that take the library's tidy tables and return matplotlib figures.

Figures are built with :class:`matplotlib.figure.Figure`, not pyplot, so no
global state changes; notebooks show them as the last expression of a cell.
"""

from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

__all__ = ["plot_frame_profiles", "plot_label_rates", "plot_lengths", "plot_readability",
           "plot_removals", "plot_sentiment", "plot_speaker_groups", "plot_voice_split"]

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


def plot_label_rates(rates: pd.DataFrame, *, voice: str = "outlet", confidence: str = "high") -> Figure:
    """Grouped bars of labels per 1,000 words, per outlet and category (from ``label_rates``).

    Each bar is annotated with its count, so a rate from a handful of words
    can be read for what it is; categories differ by colour and hatching.
    """
    _require(rates, ("category", "voice", "confidence", "n_spans", "per_1000_words"), "rates")
    key = "outlet" if "outlet" in rates.columns else "article_id"
    part = rates[(rates["voice"] == voice) & (rates["confidence"] == confidence)]
    categories = list(dict.fromkeys(part["category"]))
    groups = list(dict.fromkeys(part[key]))
    fig = Figure(figsize=(9, 0.9 * len(groups) + 1.8), layout="constrained")
    ax = fig.add_subplot()
    height = 0.8 / max(len(categories), 1)
    for i, category in enumerate(categories):
        rows = part[part["category"] == category].set_index(key).reindex(groups)
        y = [g + i * height for g in range(len(groups))]
        bars = ax.barh(y, rows["per_1000_words"].fillna(0).to_numpy(), height=height,
                       color=PALETTE[i % len(PALETTE)], hatch=HATCHES[i % len(HATCHES)],
                       edgecolor="white", label=category)
        ax.bar_label(bars, labels=[str(int(n)) if n else "" for n in rows["n_spans"]],
                     padding=2, fontsize="x-small")
    ax.set_yticks([g + 0.4 - height / 2 for g in range(len(groups))], groups)
    ax.invert_yaxis()
    voice_name = "the outlet's own voice" if voice == "outlet" else "quoted speech"
    ax.set_xlabel(f"labels per 1,000 words of {voice_name} (numbers on bars: counts)")
    ax.set_title(f"Loaded-language cues in {voice_name} ({confidence}-confidence tier)")
    fig.legend(loc="outside right upper", fontsize="small", frameon=False, title="category")
    return fig


def plot_voice_split(rates: pd.DataFrame, *, confidence: str = "high") -> Figure:
    """Per outlet: all labels per 1,000 words in its own voice beside those in quoted speech."""
    _require(rates, ("voice", "confidence", "n_spans", "n_words"), "rates")
    key = "outlet" if "outlet" in rates.columns else "article_id"
    part = rates[rates["confidence"] == confidence]
    counts = part.groupby([key, "voice"], sort=False)["n_spans"].sum().unstack()
    words = part.groupby([key, "voice"], sort=False)["n_words"].first().unstack()
    per_1000 = (1000 * counts / words.where(words > 0)).fillna(0)
    groups = list(counts.index)
    fig = Figure(figsize=(8, 0.7 * len(groups) + 1.6), layout="constrained")
    ax = fig.add_subplot()
    for i, (voice, name) in enumerate((("outlet", "outlet's own voice"), ("quoted", "quoted speech"))):
        y = [g + i * 0.4 for g in range(len(groups))]
        bars = ax.barh(y, per_1000[voice].to_numpy(), height=0.4, color=PALETTE[i],
                       hatch=HATCHES[i], edgecolor="white", label=name)
        ax.bar_label(bars, labels=[f"{int(n)} in {int(w)} words" for n, w in
                                   zip(counts[voice], words[voice])], padding=2, fontsize="x-small")
    ax.set_yticks([g + 0.2 for g in range(len(groups))], groups)
    ax.invert_yaxis()
    ax.margins(x=0.35)
    ax.set_xlabel("labels per 1,000 words in that voice")
    ax.set_title(f"Whose voice carries the cues? ({confidence}-confidence tier)")
    ax.legend(loc="lower right", fontsize="small", frameon=False)
    return fig


def plot_frame_profiles(profiles: pd.DataFrame) -> Figure:
    """Heat map of each frame's share of the cues, per outlet (or article), from ``frame_profiles``.

    Each cell shows the count of cues as well as the shade of its share, so the
    picture can be read without colour and a share of a handful of cues is seen
    for what it is. Frames with no cue anywhere are left out.
    """
    level = "frame" if "frame" in profiles.columns else "conflict_frame"
    _require(profiles, (level, "n_cues", "share"), "profiles")
    key = "outlet" if "outlet" in profiles.columns else "article_id"
    used = profiles.groupby(level, sort=False)["n_cues"].sum()
    names = [f for f in dict.fromkeys(profiles[level]) if used.get(f, 0) > 0]
    groups = list(dict.fromkeys(profiles[key]))
    shares = profiles.pivot(index=key, columns=level, values="share").reindex(index=groups, columns=names)
    counts = profiles.pivot(index=key, columns=level, values="n_cues").reindex(index=groups, columns=names)
    fig = Figure(figsize=(1.0 * len(names) + 3, 0.55 * len(groups) + 2.4), layout="constrained")
    ax = fig.add_subplot()
    image = ax.imshow(shares.fillna(0).to_numpy(), cmap="Blues", vmin=0, vmax=max(0.5, float(shares.max().max() or 0)),
                      aspect="auto")
    for r in range(len(groups)):
        for c in range(len(names)):
            share, n = shares.iat[r, c], counts.iat[r, c]
            colour = "white" if share == share and share > 0.3 else "#1a1a1a"
            ax.text(c, r, f"{int(n)}" if n else "·", ha="center", va="center", fontsize="small",
                    color=colour)
    ax.set_xticks(range(len(names)), [n.replace("_", " ") for n in names], rotation=40, ha="right",
                  fontsize="small")
    ax.set_yticks(range(len(groups)), groups)
    ax.set_title("Frame profile: each frame's share of the cues (numbers: counts)")
    fig.colorbar(image, ax=ax, label="share of the cues", shrink=0.8)
    return fig


def plot_speaker_groups(voice_table: pd.DataFrame) -> Figure:
    """Stacked bars: quoted words per outlet, by the speaker's affiliation (from ``voice_table``):
    the state or body a person belongs to, the actor itself otherwise, or "unattributed" /
    "unlisted" (named, but in no gazetteer row)."""
    _require(voice_table, ("outlet", "speaker_group", "affiliation", "n_words"), "voice_table")
    keyed = voice_table.assign(side=voice_table["affiliation"].fillna(voice_table["speaker_group"]))
    table = keyed.groupby(["outlet", "side"], sort=False)["n_words"].sum().unstack(fill_value=0)
    fig = Figure(figsize=(8.5, 0.6 * len(table) + 1.8), layout="constrained")
    ax = fig.add_subplot()
    left = pd.Series(0, index=table.index)
    for i, group in enumerate(table.columns):
        ax.barh(list(table.index), table[group].to_numpy(), left=left.to_numpy(),
                color=PALETTE[i % len(PALETTE)], hatch=HATCHES[i % len(HATCHES)], edgecolor="white",
                label=group)
        left += table[group]
    ax.invert_yaxis()
    ax.set_xlabel("words inside quotations, by who is quoted")
    ax.set_title("Who gets to speak")
    fig.legend(loc="outside right upper", fontsize="small", frameon=False, title="speaker's side")
    return fig


def plot_sentiment(sentences: pd.DataFrame) -> Figure:
    """Every sentence's compound score, one row of dots per outlet, its own voice and quoted apart.

    Dots (circles: the outlet's voice; triangles: quoted) show the spread that a
    mean would hide; the bar is the mean; the label gives the number of sentences.
    """
    _require(sentences, ("outlet", "compound", "voice"), "sentences")
    outlets = list(dict.fromkeys(sentences["outlet"]))
    fig = Figure(figsize=(8.5, 0.7 * len(outlets) + 1.8), layout="constrained")
    ax = fig.add_subplot()
    for row, outlet in enumerate(outlets):
        part = sentences[sentences["outlet"] == outlet]
        for k, (voice, marker) in enumerate((("outlet", "o"), ("quoted", "^"))):
            values = part.loc[part["voice"] == voice, "compound"].to_numpy()
            y = [row + (k - 0.5) * 0.3] * len(values)
            ax.scatter(values, y, marker=marker, s=22, alpha=0.7, color=PALETTE[k],
                       label=("outlet's own voice" if voice == "outlet" else "quoted") if row == 0 else None)
        mean = part["compound"].mean()
        ax.plot([mean, mean], [row - 0.35, row + 0.35], color="#1a1a1a", linewidth=2)
        ax.text(1.04, row, f"n={len(part)}", va="center", fontsize="small")
    ax.axvline(0, color="#999999", linewidth=0.8)
    for edge in (-0.05, 0.05):
        ax.axvline(edge, color="#cccccc", linewidth=0.8, linestyle=":")
    ax.set_yticks(range(len(outlets)), outlets)
    ax.invert_yaxis()
    ax.set_xlim(-1.05, 1.2)
    ax.set_xlabel("VADER compound score per sentence (bar: mean; dotted lines: ±0.05)")
    ax.set_title("Tone, sentence by sentence")
    ax.legend(loc="lower right", fontsize="small", frameon=False)
    return fig


def plot_readability(readability: pd.DataFrame) -> Figure:
    """Grade-level measures per article (Flesch–Kincaid, Gunning fog, Dale–Chall) side by side;
    a measure left NaN for a short text is drawn as an empty slot with "n/a"."""
    measures = [c for c in ("flesch_kincaid_grade", "gunning_fog", "dale_chall") if c in readability]
    _require(readability, ("article_id", "outlet", *measures), "readability")
    labels = _labels(readability)
    fig = Figure(figsize=(8.5, 0.8 * len(readability) + 1.8), layout="constrained")
    ax = fig.add_subplot()
    height = 0.8 / len(measures)
    for i, measure in enumerate(measures):
        values = readability[measure]
        y = [r + i * height for r in range(len(readability))]
        bars = ax.barh(y, values.fillna(0).to_numpy(), height=height, color=PALETTE[i],
                       hatch=HATCHES[i], edgecolor="white", label=measure.replace("_", " "))
        ax.bar_label(bars, labels=["n/a" if v != v else f"{v:.1f}" for v in values],
                     padding=2, fontsize="x-small")
    ax.set_yticks([r + 0.4 - height / 2 for r in range(len(readability))], labels)
    ax.invert_yaxis()
    ax.set_xlabel("grade level (higher: harder to read)")
    ax.set_title("Readability")
    ax.legend(loc="lower right", fontsize="small", frameon=False)
    return fig
