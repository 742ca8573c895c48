"""The parts of a highlighted article: each cue's mark, marker and tooltip, the list of
cues under the article, the article's header and the legend."""

from __future__ import annotations

import html
from collections import Counter

import pandas as pd

from .helpers import _plural, _str, _voice
from .highlight_style import style_of as _style
from .markup import _Item

_esc = html.escape


def _tooltip(row: dict) -> str:
    category, term = row["category"], _str(row.get("term")) or row["text"]
    parts = [f"{category} · {term}"]
    note = _str(row.get("note"))
    if note:
        parts[0] += f" — {note}"
    parts.append(f"neutral: {_str(row.get('neutral_alternative')) or '(none given)'}")
    parts.append(f"voice: {_voice(row.get('in_quote'))}")
    if row["confidence"] == "low":
        parts.append("low confidence: loaded only in some uses")
    return " · ".join(parts)


def _badge(row: dict, attrs: str = "") -> str:
    """The marker of a cue: category abbreviation, “ when quoted, ? when low confidence."""
    low, quoted = row["confidence"] == "low", _voice(row.get("in_quote")) == "quoted"
    text = ("“" if quoted else "") + _style(row["category"]).marker + ("?" if low else "")
    return (f'<span class="mc-marker mc-m-{row["category"]}{" mc-m-low" if low else ""}"'
            f'{attrs}>{_esc(text)}</span>')


def _cue_item(row: dict, seq: int, rank: int) -> _Item:
    voice = {"quoted": "quoted", "outlet's own": "own"}.get(_voice(row.get("in_quote")), "unknown")
    classes = f"mc-span mc-cat-{row['category']} mc-conf-{row['confidence']} mc-voice-{voice}"
    attrs = f'title="{_esc(_tooltip(row), quote=True)}" data-span="{row["span_no"]}"'
    return _Item(row["start"], row["end"], rank, seq,
                 f'<mark class="{classes}" {attrs}>', f'<mark class="{classes} mc-cont" {attrs}>',
                 "</mark>", _badge(row, f' data-for="{row["span_no"]}"'))


def _quote_item(start: int, end: int, speaker: str, seq: int) -> _Item:
    title = "quoted words, not the outlet's own voice" + (f" — speaker: {speaker}" if speaker else "")
    attrs = f'title="{_esc(title, quote=True)}"'
    return _Item(start, end, -1, seq, f'<span class="mc-quote" {attrs}>',
                 f'<span class="mc-quote mc-cont" {attrs}>', "</span>",
                 '<span class="mc-marker mc-qmark">quoted</span>')


def _cue_list(rows: list[dict], max_cues: int) -> str:
    """The cues of an article as a list (for touch screens and print, where there is no
    tooltip): the same word in the same category, voice and tier is listed once, counted."""
    if not rows:
        return ""
    groups: dict[tuple, list[dict]] = {}
    for row in rows[:max_cues]:
        key = (row["text"].casefold(), row["category"], _voice(row.get("in_quote")),
               row["confidence"])
        groups.setdefault(key, []).append(row)
    items = []
    for (_, category, voice, confidence), same in groups.items():
        row = same[0]
        note = _str(row.get("note"))
        alt = _str(row.get("neutral_alternative")) or "(none given)"
        times = f" ×{len(same)}" if len(same) > 1 else ""
        low = ", low confidence" if confidence == "low" else ""
        items.append(
            f"<li>{_badge(row)} <b>{_esc(row['text'])}</b>{times} <i>{_esc(category)}{low}</i>"
            + (f": {_esc(note)}" if note else "")
            + f" Neutral: <b>{_esc(alt)}</b>; voice: {_esc(voice)}.</li>")
    more = (f'<p class="mc-cut">{len(rows) - max_cues:,} more cues not listed '
            f"(max_cues={max_cues}); every cue is marked in the text above.</p>"
            if len(rows) > max_cues else "")
    return (f'<details class="mc-cues"><summary>Why each word is marked '
            f'({_plural(len(rows), "cue")})</summary><ol>{"".join(items)}</ol>{more}</details>')


def _header(row: dict, rows: list[dict], low_hidden: int) -> str:
    meta = [f"article {_esc(row['article_id'])}"]
    date = row.get("date")
    if isinstance(date, pd.Timestamp) and date == date.normalize():
        date = date.date().isoformat()  # no "00:00:00" for a date without a time
    if _str(date):
        meta.insert(0, _esc(_str(date)))
    if _str(row.get("event_id")):
        meta.append(f"event {_esc(_str(row['event_id']))}")
    publisher = _str(row.get("publisher"))
    if publisher and publisher != _str(row["outlet"]):
        meta.append(f"carried by {_esc(publisher)}")
    voices = Counter(_voice(r.get("in_quote")) for r in rows)
    n_low = sum(r["confidence"] == "low" for r in rows)
    tally = _plural(len(rows), "cue")
    if rows:
        parts = [f"{voices[v]:,} {label}" for v, label in
                 (("outlet's own", "in the outlet's own voice"), ("quoted", "in words it quotes"),
                  ("unknown", "of unknown voice")) if voices[v]]
        tally += ": " + ", ".join(parts) + f" ({n_low:,} low-confidence)"
    if low_hidden:
        tally += f"; {_plural(low_hidden, 'low-confidence cue')} hidden"
    return (f'<header class="mc-head"><div class="mc-outlet">{_esc(_str(row["outlet"]))}</div>'
            f'<h3 class="mc-title">{_esc(_str(row["title"]))}</h3>'
            f'<div class="mc-meta">{" · ".join(meta)}</div>'
            f'<div class="mc-tally">{tally}</div></header>')


def _legend(counts: Counter, categories: list[str], low_shown: bool, n_hidden: int,
            with_quotes: bool) -> str:
    rows = []
    for cat in categories:
        style = _style(cat)
        rows.append(
            f'<tr><td><span class="mc-swatch mc-cat-{cat}"><span class="mc-marker mc-m-{cat}">{_esc(style.marker)}'
            f'</span>words</span></td><td class="mc-cat">{_esc(cat)}</td>'
            f"<td>{_esc(style.line_name)}</td><td>{_esc(style.definition)}</td>"
            f'<td class="mc-n">{counts[cat, "high"]:,}</td>'
            f'<td class="mc-n">{counts[cat, "low"]:,}</td></tr>')
    low_total = sum(counts[c, "low"] for c in categories)
    by_cat = ", ".join(f"{c} {counts[c, 'low']:,}" for c in categories if counts[c, "low"])
    if low_shown:
        low = (f"<b>Low confidence, listed apart</b> (words loaded only in some uses; check the "
               f"context): paler tint, dashed outline and <b>?</b> in the marker, e.g. "
               f'<span class="mc-swatch mc-swatch-low">'
               f'<span class="mc-marker mc-m-low">EMO?</span>words</span>. '
               f"{_plural(low_total, 'low-confidence cue')} shown" + (f": {by_cat}." if by_cat else "."))
    else:
        low = (f"<b>Low-confidence cues are hidden</b> (show_low_confidence=False): "
               f"{_plural(n_hidden, 'cue')} not shown.")
    voice = ("Voice: a cue in words the outlet quotes is <i>italic</i> and its marker starts "
             "with “ (e.g. <b>“EMO</b>); a cue without it is in the outlet's own voice.")
    if with_quotes:
        voice += (' Quoted passages are shaded: <span class="mc-quote"><span class="mc-marker '
                  'mc-qmark">quoted</span>words someone else said</span>.')
    return (f'<section class="mc-legend"><table><thead><tr><th>look</th><th>category</th>'
            f'<th>line</th><th>what it marks</th><th class="mc-n">high</th>'
            f'<th class="mc-n">low</th></tr></thead><tbody>{"".join(rows)}</tbody></table>'
            f"<p>{low}</p><p>{voice} Hover over a cue for its note and a neutral wording. "
            "Counts are of the text shown. A cue is a prompt for discussion, not a verdict "
            "of bias.</p></section>")


def _events_warning(ids: list[str], events: list[str]) -> str:
    """A warning naming which of the articles shown share an event and which do not
    (empty when they all report one event)."""
    if len(ids) < 2 or (len(set(events)) == 1 and events[0]):
        return ""
    groups: dict[str, list[str]] = {}
    for aid, event in zip(ids, events):
        groups.setdefault(event, []).append(aid)
    shared = [(e, a) for e, a in groups.items() if e and len(a) > 1]
    alone = [(e, a[0]) for e, a in groups.items() if e and len(a) == 1]
    unknown = groups.get("", [])

    def names(items: list[str]) -> str:
        return ", ".join(items[:8]) + (f" and {len(items) - 8:,} more" if len(items) > 8 else "")

    parts = []
    for event, members in shared[:6]:
        parts.append(f"{names(members)} report the same event ({event})")
    if len(shared) > 6:
        parts.append(f"{len(shared) - 6:,} more groups share an event")
    if alone:
        parts.append(f"{names([a for _, a in alone])} "
                     + ("reports an event no other article shown reports" if len(alone) == 1
                        else "each report an event no other article shown reports"))
    if unknown:
        parts.append(f"{names(unknown)} {'has' if len(unknown) == 1 else 'have'} no event recorded")
    n_events = len([e for e in groups if e])
    head = ("Different events: compare with care." if n_events > 1 or alone else
            "Events unknown: compare with care.")
    return (f'<p class="mc-warn"><b>{head}</b> Of the {len(ids):,} articles shown, '
            f"{_esc('; '.join(parts))}. Differences in wording between articles about "
            "different events may come from different news, not different outlets.</p>")

