"""Charts of tone, readability, frames and speakers: tidy tables in, a
:class:`~mediacompare.display.charts.Chart` out (the rules of :mod:`mediacompare.display.plots`)."""

from __future__ import annotations

import pandas as pd

from .charts import MAX_GROUPS, Chart, bar_height
from .palette import (INK, MUTED, VOICE_COLOURS, VOICE_MARKERS, plain_label, plain_labels,
                      series_colour, series_hatch)

__all__ = ["plot_frame_profiles", "plot_readability", "plot_sentiment", "plot_speaker_groups"]

#: Speakers' sides drawn one by one; the rest are "other speakers".
MAX_SIDES = 7


def _require(frame: pd.DataFrame, columns: tuple[str, ...], name: str) -> None:
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ValueError(f"{name} is missing the columns {', '.join(missing)}; "
                         f"it has: {', '.join(map(str, frame.columns))}")


def plot_frame_profiles(profiles: pd.DataFrame, *, max_groups: int = MAX_GROUPS) -> Chart:
    """Heat map of each frame's share of the cues, per outlet (or article), from ``frame_profiles``.

    Frames are rows (their names read across, however many there are) and
    outlets columns; each cell shows its count of cues as well as the shade of
    its share, so it can be read without colour. Frames with no cue anywhere
    are left out. Beyond ``max_groups`` outlets, those with most cues are shown
    and the rest pooled into one column.
    """
    level = "frame" if "frame" in profiles.columns else "conflict_frame"
    _require(profiles, (level, "n_cues", "share"), "profiles")
    key = "outlet" if "outlet" in profiles.columns else "article_id"
    used = profiles.groupby(level, sort=False)["n_cues"].sum()
    names = [f for f in dict.fromkeys(profiles[level]) if used.get(f, 0) > 0]
    names.sort(key=lambda f: -used[f])
    counts = profiles.pivot_table(index=key, columns=level, values="n_cues", aggfunc="sum",
                                  sort=False).reindex(columns=names).fillna(0)
    order = counts.sum(axis=1).sort_values(ascending=False, kind="stable").index
    folded = 0
    if len(order) > max_groups:
        keep, rest = order[:max_groups - 1], order[max_groups - 1:]
        counts = pd.concat([counts.loc[keep],
                            counts.loc[rest].sum().to_frame(f"all other {len(rest)}").T])
        folded = len(rest)
    else:
        counts = counts.loc[order]
    totals = counts.sum(axis=1)
    shares = counts.div(totals.where(totals > 0), axis=0)
    groups = [str(g) for g in counts.index]
    top = used[names].head(2) if names else used.head(0)
    alt = (f"Heat map: the share of frame cues ({level.replace('_', ' ')}s, {len(names)} with cues)"
           f" per outlet ({len(groups)}), with the count of cues in each cell"
           + (f"; most cues overall: {', '.join(f'{f} ({int(n)})' for f, n in top.items())}"
              if len(top) else "; no cue") + ".")
    fig = Chart(figsize=(min(0.95 * len(groups) + 4.2, 11.5), 0.42 * len(names) + 2.2), alt=alt)
    ax = fig.add_subplot()
    matrix = shares.T.fillna(0).to_numpy()
    vmax = max(0.5, float(matrix.max()) if matrix.size else 0.5)
    image = ax.imshow(matrix, cmap="Blues", vmin=0, vmax=vmax, aspect="auto")
    for r, frame in enumerate(names):
        for c, group in enumerate(counts.index):
            n, share = counts.loc[group, frame], matrix[r, c]
            ax.text(c, r, f"{int(n)}" if n else "·", ha="center", va="center", fontsize="small",
                    color="white" if share > 0.6 * vmax else INK)
    ax.set_yticks(range(len(names)), [plain_label(n).replace("_", " ") for n in names])
    ax.set_xticks(range(len(groups)), plain_labels(groups), rotation=35 if len(groups) > 4 else 0,
                  ha="right" if len(groups) > 4 else "center")
    ax.set_title("Frame profile: each frame's share of an outlet's cues (numbers: counts)"
                 + (f"\n{len(groups) - 1} outlets with most cues, the other {folded} pooled"
                    if folded else ""), fontsize="medium")
    fig.colorbar(image, ax=ax, label="share of the outlet's cues", shrink=0.8)
    return fig


def plot_speaker_groups(voice_table: pd.DataFrame, *, max_groups: int = MAX_GROUPS) -> Chart:
    """Stacked bars: quoted words per outlet, by the speaker's affiliation (from ``voice_table``):
    the state or body a person belongs to, the actor itself otherwise, or "unattributed" /
    "unlisted" (named, but in no gazetteer row). The :data:`MAX_SIDES` sides with most words
    are drawn apart, the rest as "other speakers"; beyond ``max_groups`` outlets, the rest
    are pooled."""
    _require(voice_table, ("outlet", "speaker_group", "affiliation", "n_words"), "voice_table")
    keyed = voice_table.assign(side=voice_table["affiliation"].fillna(voice_table["speaker_group"]))
    table = keyed.groupby(["outlet", "side"], sort=False)["n_words"].sum().unstack(fill_value=0)
    sides = table.sum().sort_values(ascending=False, kind="stable")
    if len(sides) > MAX_SIDES:
        rest = sides.index[MAX_SIDES - 1:]
        table = table[list(sides.index[:MAX_SIDES - 1])].assign(
            **{"other speakers": table[list(rest)].sum(axis=1)})
    order = table.sum(axis=1).sort_values(ascending=False, kind="stable").index
    if len(order) > max_groups:
        keep, rest = order[:max_groups - 1], order[max_groups - 1:]
        table = pd.concat([table.loc[keep],
                           table.loc[rest].sum().to_frame(f"all other {len(rest)} outlets").T])
    else:
        table = table.loc[order]
    total = int(table.to_numpy().sum())
    alt = (f"Stacked bar chart: words inside quotations per outlet ({len(table)}), by who is "
           f"quoted; {total:,} quoted words in all"
           + (f", most from {sides.index[0]} ({int(sides.iloc[0]):,})." if total else "."))
    fig = Chart(figsize=(9, bar_height(len(table), per_row=0.5, extra=1.8)), alt=alt)
    ax = fig.add_subplot()
    left = pd.Series(0, index=table.index)
    for i, group in enumerate(table.columns):
        colour = MUTED if group == "other speakers" else series_colour(i)
        ax.barh(plain_labels(table.index), table[group].to_numpy(), left=left.to_numpy(),
                color=colour, hatch=series_hatch(i), edgecolor="white", label=plain_label(group))
        left += table[group]
    ax.invert_yaxis()
    ax.set_xlabel("words inside quotations, by who is quoted")
    ax.set_title("Who gets to speak")
    if len(table.columns):
        fig.legend(loc="outside right upper", fontsize="small", frameon=False, title="speaker's side")
    return fig


def plot_sentiment(sentences: pd.DataFrame) -> Chart:
    """Every sentence's compound score, one row of dots per outlet, its own voice and quoted apart.

    Dots (circles: the outlet's voice; triangles: quoted) show the spread that a
    mean would hide; the bar is the mean; the label gives the number of
    sentences. Outlets are sorted by their mean, most negative first.
    """
    _require(sentences, ("outlet", "compound", "voice"), "sentences")
    means = sentences.groupby("outlet", sort=False)["compound"].mean().sort_values(kind="stable")
    outlets = list(means.index)
    alt = (f"Dot plot: the tone (VADER compound score, -1 to +1) of each of "
           f"{len(sentences):,} sentences, one row per outlet ({len(outlets)}), outlets' own "
           f"sentences as circles and quoted ones as triangles"
           + (f"; mean tone from {means.iloc[0]:+.2f} ({outlets[0]}) to {means.iloc[-1]:+.2f} "
              f"({outlets[-1]})." if outlets else "."))
    fig = Chart(figsize=(9, bar_height(len(outlets), per_row=0.55, extra=1.9)), alt=alt)
    ax = fig.add_subplot()
    for row, outlet in enumerate(outlets):
        part = sentences[sentences["outlet"] == outlet]
        for k, voice in enumerate(("outlet", "quoted")):
            values = part.loc[part["voice"] == voice, "compound"].to_numpy()
            y = [row + (k - 0.5) * 0.3] * len(values)
            ax.scatter(values, y, marker=VOICE_MARKERS[voice], s=22, alpha=0.7,
                       color=VOICE_COLOURS[voice],
                       label=("outlet's own voice" if voice == "outlet" else "quoted") if row == 0
                       else None)
        mean = means[outlet]
        ax.plot([mean, mean], [row - 0.35, row + 0.35], color=INK, linewidth=2)
        ax.text(1.04, row, f"n={len(part)}", va="center", fontsize="small")
    ax.axvline(0, color="#999999", linewidth=0.8)
    for edge in (-0.05, 0.05):
        ax.axvline(edge, color="#cccccc", linewidth=0.8, linestyle=":")
    ax.set_yticks(range(len(outlets)), plain_labels(outlets))
    ax.invert_yaxis()
    ax.set_xlim(-1.05, 1.2)
    ax.set_xlabel("VADER compound score per sentence (bar: mean; dotted lines: ±0.05)")
    ax.set_title("Tone, sentence by sentence")
    fig.legend(loc="outside upper center", ncols=2, fontsize="small", frameon=False)
    return fig


def plot_readability(readability: pd.DataFrame) -> Chart:
    """Grade-level measures per article (Flesch–Kincaid, Gunning fog, Dale–Chall) as dots on
    one line per article, hardest first; a measure left NaN for a short text is written "n/a"."""
    measures = [c for c in ("flesch_kincaid_grade", "gunning_fog", "dale_chall") if c in readability]
    _require(readability, ("article_id", "outlet", *measures), "readability")
    frame = readability.assign(_key=readability[measures].mean(axis=1))
    frame = frame.sort_values("_key", ascending=False, kind="stable", na_position="last")
    labels = plain_labels(f"{a} · {o}" for a, o in zip(frame["article_id"], frame["outlet"]))
    n_missing = int(frame[measures].isna().all(axis=1).sum())
    alt = (f"Dot plot: three grade-level readability measures ({', '.join(m.replace('_', ' ') for m in measures)}) "
           f"for each of {len(frame)} articles, hardest first"
           + (f"; {n_missing} article(s) too short for the formulas" if n_missing else "") + ".")
    fig = Chart(figsize=(9, bar_height(len(frame), per_row=0.45, extra=1.9)), alt=alt)
    ax = fig.add_subplot()
    markers = ("o", "s", "D")
    for i, measure in enumerate(measures):
        values = frame[measure].to_numpy(dtype=float)
        ax.scatter(values, range(len(frame)), marker=markers[i], s=40, color=series_colour(i),
                   label=measure.replace("_", " "), zorder=3)
    for r, missing in enumerate(frame[measures].isna().all(axis=1)):
        if missing:
            ax.text(0.5, r, "n/a: too short", va="center", fontsize="x-small", color=INK)
    ax.set_yticks(range(len(frame)), labels)
    ax.grid(axis="x", color="#e3e5e8")
    ax.invert_yaxis()
    finite = frame[measures].stack().dropna() if measures else []
    ax.set_xlim(0, max(float(max(finite)) * 1.15, 5.0) if len(finite) else 20.0)
    ax.set_xlabel("grade level (higher: harder to read)")
    ax.set_title("Readability")
    fig.legend(loc="outside upper center", ncols=len(measures), fontsize="small", frameon=False)
    return fig
