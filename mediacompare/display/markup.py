"""Text with elements wrapped around character offsets, properly nested, cut to a length.

Used by :func:`~mediacompare.display.highlight.highlight`: the text is cut at
every element boundary; an element still open where an inner one ends is closed
and reopened (its ``cont_tag``), so the markup nests whatever the overlaps.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from ..text import sentences

__all__ = ["Item", "cut_point", "render_text"]

_esc = html.escape
_PARAGRAPH_BREAK = re.compile(r"[^\S\n]*\n[^\S\n]*\n\s*")
_FIRST_WORD = re.compile(r"\S*")


def _cut_point(text: str, max_chars: int | None) -> tuple[int, str]:
    """Where to cut ``text`` to at most ``max_chars`` characters, and at what kind of boundary."""
    if max_chars is None or len(text) <= max_chars:
        return len(text), ""
    window, half = text[:max_chars], max_chars // 2
    breaks = [m.start() for m in _PARAGRAPH_BREAK.finditer(window) if m.start() >= half]
    if breaks:
        return breaks[-1], "a paragraph break"
    # The last sentence of the window may be cut short: only the ends before it count.
    ends = [s.end for s in sentences(window)[:-1] if s.end >= half]
    if ends:
        return ends[-1], "a sentence end"
    space = window.rstrip().rfind(" ")
    if space > 0:
        return len(window[:space].rstrip()), "a space between words"
    return max_chars, "a character"



@dataclass(frozen=True)
class _Item:
    """One element to wrap around ``text[start:end]``: a cue or a quoted passage."""

    start: int
    end: int
    rank: int         # outer first when two items have the same extent
    seq: int          # then input order
    open_tag: str     # at the item's own start (followed by the marker)
    cont_tag: str     # where the item is reopened after an inner item forced it shut
    close_tag: str
    marker: str       # badge(s) put before the item's first word


def _segment(text: str) -> str:
    return _esc(text).replace("\n", "<br>\n")


def _render_paragraph(text: str, ps: int, pe: int, items: list[_Item], out: list[str]) -> None:
    """Append ``text[ps:pe]`` with ``items`` wrapped around it, properly nested."""
    clipped = sorted(((max(it.start, ps), min(it.end, pe), it) for it in items
                      if it.start < pe and it.end > ps),
                     key=lambda x: (x[0], -x[1], x[2].rank, x[2].seq))
    bounds = sorted({ps, pe, *(s for s, _, _ in clipped), *(e for _, e, _ in clipped)})
    starting: dict[int, list[tuple[int, _Item]]] = {}
    for s, e, it in clipped:
        starting.setdefault(s, []).append((e, it))
    stack: list[tuple[int, _Item]] = []
    for k, p in enumerate(bounds):
        reopen: list[tuple[int, _Item]] = []
        ending = [i for i, (e, _) in enumerate(stack) if e == p]
        if ending:
            first = ending[0]
            reopen = [x for x in stack[first:] if x[0] != p]
            out.extend(it.close_tag for _, it in reversed(stack[first:]))
            del stack[first:]
        if p == pe:
            break
        markers = []
        for e, it in sorted(reopen + starting.get(p, []),
                            key=lambda x: (-x[0], x[1].rank, x[1].seq)):
            if it.start == p:
                out.append(it.open_tag)
                markers.append(it.marker)
            else:
                out.append(it.cont_tag)
            stack.append((e, it))
        segment = text[p:bounds[k + 1]]
        if markers:
            # The markers of every item starting here go, outer first, into one
            # no-wrap group with the first word, so a line never ends on a marker.
            lead = _FIRST_WORD.match(segment).group()
            out.append(f'<span class="mc-lead">{"".join(markers)}{_segment(lead)}</span>')
            segment = segment[len(lead):]
        out.append(_segment(segment))


def _render_text(text: str, items: list[_Item]) -> str:
    """``text`` as paragraphs with ``items`` wrapped around their offsets."""
    out: list[str] = []
    pos, waiting, open_items = 0, sorted(items, key=lambda it: it.start), []
    for match in [*_PARAGRAPH_BREAK.finditer(text), None]:
        end = len(text) if match is None else match.start()
        if end > pos:
            # Only items that reach into this paragraph: cost grows with the text, not
            # with paragraphs times items.
            k = 0
            while k < len(waiting) and waiting[k].start < end:
                k += 1
            open_items = [it for it in open_items + waiting[:k] if it.end > pos]
            del waiting[:k]
            out.append("<p>")
            _render_paragraph(text, pos, end, open_items, out)
            out.append("</p>")
        if match is not None:
            out.append(_esc(match.group()))
            pos = match.end()
    return "".join(out)



Item = _Item
cut_point = _cut_point
render_text = _render_text
