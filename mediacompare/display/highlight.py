"""Highlighted article text: which words carry a slant, why, and in whose voice.

:func:`highlight` takes an articles table (or a :class:`~mediacompare.Corpus`)
and a spans table (one row per loaded-language cue, with character offsets into
``text``) and returns a :class:`Highlight`, which shows itself in a notebook
(``_repr_html_``) and saves a standalone page (:meth:`Highlight.save`).

What the reader sees
    * Every cue is a ``<mark>`` with the class ``mc-cat-<category>``, a light
      tint of its Okabe-Ito colour, a line style of its own and a small marker
      badge at its start (``EMO``, ``LAB`` ...), so no category relies on
      colour alone (:data:`CATEGORY_STYLES`). Dark text on light tints keeps
      WCAG AA contrast, also where two tints overlap.
    * A low-confidence cue (a word loaded only in some uses) has a paler tint,
      a dashed outline and a ``?`` in its marker; the legend counts it apart.
    * Voice: a cue inside words the outlet quotes (``in_quote``) is italic and
      its marker starts with ``“``. When a ``quotes`` table is given, every
      quoted passage is also shaded grey with a bar and a ``quoted`` badge at
      its start, so the reader sees the outlet's own words apart from the words
      it reports; without one, only the cues carry voice.
    * The native ``title`` tooltip of a cue reads
      ``category · term — note · neutral: … · voice: … · confidence: …``; the
      same facts are listed under each article (a ``<details>`` list, so they
      also show on touch screens and in print).
    * Paragraphs (a blank line) become ``<p>``; a single line break is ``<br>``.

Guarantees
    * Overlapping and nested cues give properly nested elements: the text is cut
      at every cue boundary, and a cue that is still open where an inner one
      ends is closed and reopened (same class, ``mc-cont``, no second marker).
      The markers of the cues starting at one place sit, outer first, in one
      no-wrap group (``mc-lead``) with the first word, so a line never ends on
      a marker; each marker names its cue (``data-for``, the cue's ``data-span``).
      With the elements of class ``mc-marker`` removed, the text of an article's
      ``mc-body`` is exactly ``text[:cut]`` (paragraph breaks sit between the
      ``<p>`` elements, outside every cue).
    * Every piece of article text, title, outlet, note, term and alternative is
      escaped with :func:`html.escape`; the output has no JavaScript and refers
      to no file or address; the same input gives the same string.
    * ``span.text == article.text[start:end]`` is checked for every span of the
      articles shown (before any filter); a mismatch raises :class:`ValueError`
      naming the article, the row and the offsets. Spans of an article missing
      from ``articles`` raise too.
    * Outputs that grow with the corpus are capped and say so: ``max_chars``
      per article (cut at a paragraph, else sentence, else word boundary), at
      most ``max_articles`` articles, at most ``max_cues`` entries in each
      article's list of cues.
"""

from __future__ import annotations

import html
import operator
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

import pandas as pd

from ..text import sentences
from .page import standalone_page

__all__ = ["CATEGORY_STYLES", "CategoryStyle", "Highlight", "highlight"]

_esc = html.escape


class CategoryStyle(NamedTuple):
    """How one category looks: everything but ``colour`` tells it apart without colour."""

    marker: str      #: badge text at the start of each cue
    colour: str      #: Okabe-Ito colour (the tint is this at 28 % opacity)
    ink: str         #: a darker shade of it, at least 4.5:1 on white and on the tint
    line: str        #: the CSS ``text-decoration`` of the cue
    line_name: str   #: the line style in words, for the legend
    definition: str  #: one line, for a student


#: Category -> style, in legend order. Tints are the Okabe-Ito palette of
#: :mod:`mediacompare.display.plots`; inks are the same hues darkened to a 4.5:1
#: contrast on white and on the tint (markers and lines use the ink).
CATEGORY_STYLES: dict[str, CategoryStyle] = {
    "emotive": CategoryStyle(
        "EMO", "#D55E00", "#9B4500", "underline solid 2px", "solid underline",
        "a word chosen to stir feeling (fear, anger, pity) rather than to describe"),
    "labeling": CategoryStyle(
        "LAB", "#0072B2", "#006096", "underline double 3px", "double underline",
        "a name that passes judgement on a person, group or government"),
    "doubt": CategoryStyle(
        "DBT", "#CC79A7", "#895170", "underline dotted 3px", "dotted underline",
        "a word that casts doubt on what someone said or did (‘claimed’, ‘alleged’)"),
    "attribution": CategoryStyle(
        "ATT", "#009E73", "#006D4F", "underline dashed 2px", "dashed underline",
        "a reporting verb that colours the speaker (‘admitted’, ‘insisted’) instead of ‘said’"),
    "intensifier": CategoryStyle(
        "INT", "#E69F00", "#8A5F00", "underline solid 4px", "thick underline",
        "a word that amplifies (‘very’, ‘massive’, ‘spectacularly’)"),
    "scare_quote": CategoryStyle(
        "SCQ", "#56B4E9", "#346C8C", "overline solid 2px", "overline",
        "quotation marks (or ‘so-called’) that distance the outlet from a word"),
    "vague_source": CategoryStyle(
        "VAG", "#F0E442", "#767020", "underline wavy 1.5px", "wavy underline",
        "a source that cannot be checked (‘reportedly’, ‘experts say’)"),
}
#: Categories outside :data:`CATEGORY_STYLES` (a teacher's own lexicon) look like this.
_OTHER = CategoryStyle("", "#999999", "#595959", "underline solid 1px", "thin underline",
                       "a category from a custom lexicon")

_CATEGORY_NAME = re.compile(r"[a-z][a-z0-9_]*\Z")
_PARAGRAPH_BREAK = re.compile(r"[^\S\n]*\n[^\S\n]*\n\s*")
_FIRST_WORD = re.compile(r"\S*")
_REQUIRED_SPAN_COLUMNS = ("article_id", "start", "end", "text", "category")
_REQUIRED_ARTICLE_COLUMNS = ("article_id", "outlet", "title", "text")
_MAX_SIDE_BY_SIDE = 4


def _rgb(colour: str) -> str:
    return ",".join(str(int(colour[i:i + 2], 16)) for i in (1, 3, 5))


def _category_css(category: str, style: CategoryStyle) -> str:
    rgb, sel = _rgb(style.colour), f".mc-hl .mc-cat-{category}"
    offset = "0.12em" if style.line.startswith("overline") else "0.22em"
    return (f"{sel}{{background-color:rgba({rgb},.28);text-decoration:{style.line} {style.ink};"
            f"text-underline-offset:{offset}}}\n"
            f"{sel}.mc-conf-low{{background-color:rgba({rgb},.10);"
            f"text-decoration-color:rgba({_rgb(style.ink)},.6);outline-color:{style.ink}}}\n"
            f".mc-hl .mc-marker.mc-m-{category}{{color:{style.ink};border-color:{style.ink}}}\n")


_BASE_CSS = """\
.mc-hl{color:#1a1a1a;background:#fff;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,\
"DejaVu Sans",Arial,sans-serif;max-width:1280px;padding:4px 2px;text-align:left}
.mc-hl *{box-sizing:border-box}
.mc-hl .mc-top{margin:0 0 10px}
.mc-hl .mc-top h2{font-size:1.25em;margin:0 0 2px;border:0}
.mc-hl .mc-sub{color:#4a4a4a;margin:0}
.mc-hl .mc-warn{background:#fff4e5;border-left:4px solid #9B4500;padding:6px 10px;margin:8px 0}
.mc-hl .mc-note{background:#f3f4f6;border-left:4px solid #6b7280;padding:6px 10px;margin:8px 0;\
font-size:.9em}
.mc-hl .mc-legend{border:1px solid #d7d9dd;border-radius:6px;padding:8px 12px;margin:0 0 16px;\
background:#fcfcfd}
.mc-hl .mc-legend table{border-collapse:collapse;width:100%;table-layout:auto;font-size:.88em;\
margin:0}
.mc-hl .mc-legend th,.mc-hl .mc-legend td{text-align:left;padding:3px 8px;vertical-align:middle;\
border-bottom:1px solid #eceef1}
.mc-hl .mc-legend th{font-weight:600;color:#333;border-bottom:1px solid #c9ccd1}
.mc-hl .mc-legend td.mc-n,.mc-hl .mc-legend th.mc-n{text-align:right;\
font-variant-numeric:tabular-nums;white-space:nowrap}
.mc-hl .mc-legend .mc-cat{font-family:ui-monospace,"DejaVu Sans Mono",Consolas,monospace;\
white-space:nowrap}
.mc-hl .mc-legend p{margin:6px 0 0;font-size:.88em;color:#333}
.mc-hl .mc-swatch{display:inline-block;font-family:Georgia,"DejaVu Serif",serif;padding:0 4px;\
border-radius:2px;white-space:nowrap}
.mc-hl .mc-swatch-low{outline:1px dashed #595959}
.mc-hl .mc-articles{display:block}
.mc-hl .mc-grid{display:grid;gap:18px;align-items:start}
.mc-hl .mc-cols-2{grid-template-columns:repeat(2,minmax(0,1fr))}
.mc-hl .mc-cols-3{grid-template-columns:repeat(3,minmax(0,1fr))}
.mc-hl .mc-cols-4{grid-template-columns:repeat(4,minmax(0,1fr))}
@media (max-width:720px){.mc-hl .mc-grid{grid-template-columns:minmax(0,1fr)}}
.mc-hl .mc-article{border:1px solid #d7d9dd;border-radius:6px;padding:12px 16px;margin:0 0 16px;\
background:#fff;min-width:0}
.mc-hl .mc-grid .mc-article{margin:0}
.mc-hl .mc-head{border-bottom:1px solid #e3e5e8;padding-bottom:6px;margin-bottom:10px}
.mc-hl .mc-outlet{font-weight:700;font-size:.8em;letter-spacing:.06em;text-transform:uppercase;\
color:#444}
.mc-hl .mc-title{font:700 1.15em/1.3 Georgia,"DejaVu Serif",serif;margin:2px 0 4px;border:0}
.mc-hl .mc-meta{color:#555;font-size:.82em}
.mc-hl .mc-tally{color:#333;font-size:.85em;margin-top:3px}
.mc-hl .mc-body{font:16px/2 Georgia,"DejaVu Serif","Times New Roman",serif;overflow-wrap:anywhere}
.mc-hl .mc-body p{margin:0 0 .8em}
.mc-hl mark{background-color:transparent}
.mc-hl mark.mc-span{color:inherit;padding:0 1px;border-radius:2px;\
text-decoration-skip-ink:none;-webkit-box-decoration-break:clone;box-decoration-break:clone}
.mc-hl mark.mc-conf-low{outline:1px dashed;outline-offset:0}
.mc-hl .mc-voice-quoted{font-style:italic}
.mc-hl .mc-quote{background:#eceef2;font-style:italic;-webkit-box-decoration-break:clone;\
box-decoration-break:clone}
.mc-hl .mc-marker{display:inline-block;font:700 10px/1.2 system-ui,-apple-system,"Segoe UI",\
"DejaVu Sans",Arial,sans-serif;font-style:normal;letter-spacing:.04em;padding:0 3px;\
margin:0 2px 0 0;border:1px solid #595959;border-radius:3px;background:#fff;color:#595959;\
vertical-align:.55em;text-indent:0;-webkit-user-select:none;user-select:none}
.mc-hl .mc-marker.mc-m-low{border-style:dashed}
.mc-hl .mc-lead{white-space:nowrap}
.mc-hl .mc-qmark{background:#dfe2e7;color:#3d434d;border-color:#dfe2e7;font-weight:600;\
letter-spacing:.03em}
.mc-hl .mc-cut{color:#4a4a4a;font:italic .85em/1.4 system-ui,-apple-system,"Segoe UI",\
"DejaVu Sans",Arial,sans-serif;border-top:1px dashed #b5b9c0;padding-top:6px;margin:4px 0 0}
.mc-hl details.mc-cues{margin-top:10px;font-size:.88em}
.mc-hl details.mc-cues summary{cursor:pointer;color:#333;font-weight:600}
.mc-hl .mc-cues ol{padding-left:1.6em;margin:6px 0 0}
.mc-hl .mc-cues li{margin:0 0 5px}
.mc-hl .mc-cues .mc-marker{vertical-align:.1em}
.mc-hl .mc-cues .mc-word{font-family:Georgia,"DejaVu Serif",serif}
.mc-hl .mc-cues .mc-catname{font-family:ui-monospace,"DejaVu Sans Mono",Consolas,monospace;\
font-size:.92em;color:#4a4a4a}
.mc-hl .mc-cues .mc-alt{color:#4a4a4a}
"""

#: The style sheet of every :class:`Highlight`: all selectors start with ``.mc-hl``.
CSS = _BASE_CSS + "".join(_category_css(c, s) for c, s in CATEGORY_STYLES.items())


# ---------------------------------------------------------------- small helpers

def _str(value: Any) -> str:
    """``value`` as text; missing (None, NaN, NA) is ''."""
    if value is None:
        return ""
    try:
        if pd.isna(value):
            return ""
    except (TypeError, ValueError):  # array-likes are not missing values
        pass
    return str(value)


def _voice(value: Any) -> str:
    text = _str(value)
    if text == "":
        return "unknown"
    return "quoted" if bool(value) and text.lower() not in ("false", "0") else "outlet's own"


def _plural(n: int, word: str, plural: str | None = None) -> str:
    return f"{n:,} {word if n == 1 else (plural or word + 's')}"


def _style(category: str) -> CategoryStyle:
    style = CATEGORY_STYLES.get(category)
    if style is None:
        return _OTHER._replace(marker=category[:3].upper())
    return style


def _positive(value: Any, name: str, extra: str = "") -> int:
    try:
        number = operator.index(value)
    except TypeError:
        number = 0
    if isinstance(value, bool) or number < 1:
        raise ValueError(f"{name} must be a positive integer{extra}; got {value!r}")
    return number


def _require(frame: pd.DataFrame, columns: tuple[str, ...], name: str) -> None:
    if not isinstance(frame, pd.DataFrame):
        raise TypeError(f"{name} must be a pandas DataFrame; got {type(frame).__name__}")
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ValueError(f"{name} is missing the columns {', '.join(missing)}; "
                         f"it has: {', '.join(map(str, frame.columns))}")


# ---------------------------------------------------------------- cutting long text

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


# ---------------------------------------------------------------- nesting

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


# ---------------------------------------------------------------- cues

def _tooltip(row: dict) -> str:
    category, term = row["category"], _str(row.get("term")) or row["text"]
    parts = [f"{category} · {term}"]
    note = _str(row.get("note"))
    if note:
        parts[0] += f" — {note}"
    parts.append(f"neutral: {_str(row.get('neutral_alternative')) or '(none given)'}")
    parts.append(f"voice: {_voice(row.get('in_quote'))}")
    parts.append(f"confidence: {row['confidence']}")
    source = _str(row.get("source"))
    if source:
        parts.append(f"source: {source}")
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
    if not rows:
        return ""
    items = []
    for row in rows[:max_cues]:
        low, voice = row["confidence"] == "low", _voice(row.get("in_quote"))
        note = _str(row.get("note"))
        alt = _str(row.get("neutral_alternative")) or "(none given)"
        why = f'<br><span class="mc-why">{_esc(note)}</span>' if note else ""
        items.append(
            f'<li>{_badge(row)} '
            f'<b class="mc-word">{_esc(row["text"])}</b> <span class="mc-catname">'
            f'{_esc(row["category"])}{", low confidence" if low else ""}</span>'
            f'{why}'
            f'<br><span class="mc-alt">neutral: <b>{_esc(alt)}</b> · voice: {_esc(voice)}</span></li>')
    more = (f'<p class="mc-cut">{len(rows) - max_cues:,} more cues not listed '
            f"(max_cues={max_cues}); every cue is marked in the text above.</p>"
            if len(rows) > max_cues else "")
    return (f'<details class="mc-cues"><summary>Why each word is marked '
            f'({_plural(len(rows), "cue")})</summary><ol>{"".join(items)}</ol>{more}</details>')


# ---------------------------------------------------------------- the object

class Highlight:
    """Highlighted articles: shows itself in a notebook, saves a standalone page.

    Made by :func:`highlight`. Attributes: ``article_ids`` (shown, in order),
    ``layout`` (``"single"``, ``"side_by_side"`` or ``"stacked"``), ``spans``
    (the cues shown, with ``span_no``, the ``data-span`` number within the
    article) and ``notes`` (what was capped or hidden, also shown on the page).
    """

    def __init__(self, content: str, *, css: str, title: str, article_ids: tuple[str, ...],
                 layout: str, spans: pd.DataFrame, notes: tuple[str, ...]):
        self._content = content
        self._css = css
        self.title = title
        self.article_ids = article_ids
        self.layout = layout
        self.spans = spans
        self.notes = notes

    def _repr_html_(self) -> str:
        """An HTML fragment with its own scoped ``<style>`` (every selector under ``.mc-hl``)."""
        return f'<div class="mc-hl">\n<style>\n{self._css}</style>\n{self._content}\n</div>\n'

    def to_html(self, standalone: bool = False) -> str:
        """The fragment of :meth:`_repr_html_`, or with ``standalone=True`` a complete page.

        The page has a doctype, a UTF-8 charset, inline CSS and a content security
        policy that forbids every script and every load from elsewhere.
        """
        if not standalone:
            return self._repr_html_()
        return standalone_page(self.title, self._css, "mc-hl", self._content)

    def save(self, path: str | Path) -> Path:
        """Write the standalone page (:meth:`to_html` with ``standalone=True``) as UTF-8."""
        path = Path(path)
        path.write_text(self.to_html(standalone=True), encoding="utf-8")
        return path

    def __repr__(self) -> str:
        n_low = int((self.spans["confidence"] == "low").sum()) if len(self.spans) else 0
        ids = ", ".join(self.article_ids[:6]) + (", ..." if len(self.article_ids) > 6 else "")
        how = {"side_by_side": " side by side", "stacked": " one after another"}.get(self.layout, "")
        capped = f"; {_plural(len(self.notes), 'note')} on what is capped or hidden" if self.notes else ""
        return (f"<Highlight: {_plural(len(self.article_ids), 'article')}{how} ({ids}); "
                f"{_plural(len(self.spans), 'cue')} shown, {n_low} low-confidence{capped}>")


# ---------------------------------------------------------------- building

def _articles_table(articles: Any) -> pd.DataFrame:
    table = getattr(articles, "articles", articles)  # a Corpus, or the table itself
    _require(table, _REQUIRED_ARTICLE_COLUMNS, "articles")
    ids = table["article_id"].map(str)
    dup = ids[ids.duplicated()]
    if len(dup):
        raise ValueError(f"articles has duplicate article_id values: {', '.join(dup.unique()[:5])}")
    return table.assign(article_id=ids).reset_index(drop=True)


def _choose_ids(table: pd.DataFrame, article_ids: Any, max_articles: int) -> tuple[list[str], str]:
    known = table["article_id"].tolist()
    if article_ids is None:
        wanted = known
    else:
        if isinstance(article_ids, (str, int)):
            article_ids = [article_ids]
        wanted, set_known = list(dict.fromkeys(str(a) for a in article_ids)), set(known)
        if not wanted:
            raise ValueError("article_ids is empty; give at least one article_id, or None for all")
        unknown = [a for a in wanted if a not in set_known]
        if unknown:
            shown = ", ".join(known[:20]) + (", ..." if len(known) > 20 else "")
            raise ValueError(f"article_ids {', '.join(map(repr, unknown))} not in articles; "
                             f"article ids are: {shown}")
    if len(wanted) > max_articles:
        return wanted[:max_articles], (
            f"Showing the first {max_articles:,} of {len(wanted):,} articles "
            f"(max_articles={max_articles}); pass article_ids= to choose others.")
    return wanted, ""


def _span_rows(spans: pd.DataFrame, table: pd.DataFrame, ids: list[str]) -> dict[str, list[dict]]:
    """The spans of ``ids``, checked against the text, as dicts per article (not yet filtered)."""
    _require(spans, _REQUIRED_SPAN_COLUMNS, "spans")
    span_ids = spans["article_id"].map(str)
    stray = sorted(set(span_ids) - set(table["article_id"]))
    if stray:
        raise ValueError(f"spans refer to article_id {', '.join(map(repr, stray[:5]))}, "
                         "which is not in articles; pass the articles the spans were made "
                         "from, or drop those spans")
    texts = dict(zip(table["article_id"], table["text"].map(_str)))
    chosen = spans[span_ids.isin(set(ids))].assign(article_id=span_ids)
    rows: dict[str, list[dict]] = {a: [] for a in ids}
    for n, (label, row) in enumerate(zip(chosen.index, chosen.to_dict("records"))):
        aid, text = row["article_id"], texts[row["article_id"]]
        where = f"span (spans row {label!r}) of article {aid!r}"
        try:
            start, end = operator.index(row["start"]), operator.index(row["end"])
        except TypeError:
            try:
                start, end = int(row["start"]), int(row["end"])
            except (TypeError, ValueError, OverflowError):
                start = end = None
            if start != row["start"] or end != row["end"]:
                raise ValueError(f"{where} has non-integer offsets "
                                 f"start={row['start']!r}, end={row['end']!r}") from None
        if not 0 <= start < end <= len(text):
            raise ValueError(f"{where} has offsets start={start}, end={end} outside its text "
                             f"of {len(text)} characters (need 0 <= start < end)")
        if _str(row["text"]) != text[start:end]:
            raise ValueError(f"{where} at start={start}, end={end} has text "
                             f"{_str(row['text'])!r}, but the article has {text[start:end]!r} "
                             "there (spans must satisfy text == article_text[start:end])")
        category = _str(row["category"])
        if not _CATEGORY_NAME.match(category):
            raise ValueError(f"{where} at start={start}, end={end} has category "
                             f"{category!r}; categories are lower_snake names such as "
                             f"{', '.join(CATEGORY_STYLES)}")
        confidence = _str(row.get("confidence", "high")) or "high"
        if confidence not in ("high", "low"):
            raise ValueError(f"{where} at start={start}, end={end} has confidence "
                             f"{confidence!r}; expected 'high' or 'low'")
        row.update(start=start, end=end, text=text[start:end], category=category,
                   confidence=confidence, _seq=n)
        rows[aid].append(row)
    return rows


def _quote_items(quotes: pd.DataFrame | None, aid: str, text: str, cut: int) -> list[_Item]:
    if quotes is None:
        return []
    items = []
    mine = quotes[quotes["article_id"].map(str) == aid]
    speakers = mine["speaker"] if "speaker" in mine.columns else [None] * len(mine)
    for n, (s, e, who) in enumerate(zip(mine["inner_start"], mine["inner_end"], speakers)):
        s, e = int(s), int(e)
        if not 0 <= s <= e <= len(text):
            raise ValueError(f"quote of article {aid!r} has offsets inner_start={s}, inner_end={e} "
                             f"outside its text of {len(text)} characters")
        if s < min(e, cut):
            items.append(_quote_item(s, min(e, cut), _str(who), n))
    return items


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


def highlight(articles: Any, spans: pd.DataFrame, *, article_ids: Any = None,
              categories: Any = None, show_low_confidence: bool = True,
              quotes: pd.DataFrame | None = None, side_by_side: bool | None = None,
              max_chars: int | None = 20000, max_articles: int = 20,
              max_cues: int = 200) -> Highlight:
    """Highlight the loaded-language cues of some articles.

    Parameters
    ----------
    articles : DataFrame or Corpus
        ``article_id, outlet, title, text`` (``date``, ``event_id`` and
        ``publisher`` are shown when present); anything with an ``.articles``
        table, such as a :class:`~mediacompare.Corpus`, is accepted too.
    spans : DataFrame
        ``article_id, start, end, text, category`` (offsets into ``text``, end
        exclusive), and usually ``term, neutral_alternative, note, in_quote,
        confidence`` (missing ones count as empty, ``in_quote`` as unknown,
        ``confidence`` as ``"high"``) and maybe ``source`` (shown in the tooltip).
        Spans may overlap or nest.
    article_ids : list, optional
        Which articles, in this order; default all, in the order of ``articles``.
    categories : list of str, optional
        Show only these categories (the legend too).
    show_low_confidence : bool
        Show low-confidence cues (paler, dashed, ``?``) or hide them (the legend
        says how many are hidden).
    quotes : DataFrame, optional
        ``article_id, inner_start, inner_end`` (and optional ``speaker``): quoted
        passages to shade. Without it, voice shows only on the cues (``in_quote``).
    side_by_side : bool, optional
        ``None`` (default): 2 to 4 articles side by side in columns, 1 or more
        than 4 one after another. ``True`` with fewer than 2 or more than 4
        articles raises :class:`ValueError`; ``False`` always stacks.
    max_chars : int or None
        Characters shown per article (cut at a paragraph break, else a sentence
        end, else a space; a note says what was left out). ``None``: no cap.
    max_articles, max_cues : int
        At most this many articles, and entries in each article's list of cues.

    Raises
    ------
    ValueError
        A missing column, an unknown article id or category, or a span whose
        ``text`` is not ``article_text[start:end]`` (named with its offsets).

    Examples
    --------
    >>> arts = pd.DataFrame({"article_id": ["a1"], "outlet": ["The Daily"], "title": ["T"],
    ...                      "text": ["The regime fell."]})
    >>> cues = pd.DataFrame({"article_id": ["a1"], "start": [4], "end": [10],
    ...     "text": ["regime"], "category": ["labeling"], "term": ["regime"],
    ...     "neutral_alternative": ["government"], "note": ["judges the government"],
    ...     "in_quote": [False], "sentence_id": [0], "confidence": ["high"]})
    >>> h = highlight(arts, cues)
    >>> h
    <Highlight: 1 article (a1); 1 cue shown, 0 low-confidence>
    >>> 'class="mc-span mc-cat-labeling mc-conf-high mc-voice-own"' in h.to_html()
    True
    """
    if max_chars is not None:
        max_chars = _positive(max_chars, "max_chars", " or None")
    max_articles = _positive(max_articles, "max_articles")
    max_cues = _positive(max_cues, "max_cues")
    table = _articles_table(articles)
    ids, articles_note = _choose_ids(table, article_ids, max_articles)
    if side_by_side and not 2 <= len(ids) <= _MAX_SIDE_BY_SIDE:
        raise ValueError(f"side_by_side=True needs 2 to {_MAX_SIDE_BY_SIDE} articles; got "
                         f"{len(ids)}. Pass side_by_side=None to stack more than "
                         f"{_MAX_SIDE_BY_SIDE} one after another.")
    if side_by_side is None:
        side_by_side = 2 <= len(ids) <= _MAX_SIDE_BY_SIDE
    layout = "single" if len(ids) == 1 else "side_by_side" if side_by_side else "stacked"
    if quotes is not None:
        _require(quotes, ("article_id", "inner_start", "inner_end"), "quotes")

    by_article = _span_rows(spans, table, ids)
    present = sorted({r["category"] for rows in by_article.values() for r in rows})
    known = list(CATEGORY_STYLES) + [c for c in present if c not in CATEGORY_STYLES]
    if categories is None:
        shown_categories = known
    else:
        if isinstance(categories, str):
            categories = [categories]
        shown_categories = list(dict.fromkeys(str(c) for c in categories))
        wrong = [c for c in shown_categories if c not in known]
        if wrong:
            raise ValueError(f"categories {', '.join(map(repr, wrong))} unknown; "
                             f"categories are: {', '.join(known)}")
    rank = {c: i for i, c in enumerate(known)}

    records = table.set_index("article_id", drop=False)
    notes: list[str] = [articles_note] if articles_note else []
    counts: Counter = Counter()
    blocks, shown_rows, n_hidden = [], [], 0
    for aid in ids:
        row = records.loc[aid].to_dict()
        text = _str(row["text"])
        cut, boundary = _cut_point(text, max_chars)
        rows = [r for r in by_article[aid] if r["category"] in shown_categories]
        hidden = [r for r in rows if r["confidence"] == "low" and not show_low_confidence]
        n_hidden += len(hidden)
        rows = [r for r in rows if show_low_confidence or r["confidence"] != "low"]
        beyond = [r for r in rows if r["end"] > cut]
        rows = sorted((r for r in rows if r["end"] <= cut),
                      key=lambda r: (r["start"], -r["end"], rank[r["category"]], r["_seq"]))
        for n, r in enumerate(rows):
            r["span_no"] = n
            counts[r["category"], r["confidence"]] += 1
        items = [_cue_item(r, r["_seq"], rank[r["category"]]) for r in rows]
        items += _quote_items(quotes, aid, text, cut)
        body = _render_text(text[:cut], items)
        cut_note = ""
        if cut < len(text):
            note = (f"Article {aid}: showing the first {cut:,} of {len(text):,} characters "
                    f"(cut at {boundary}); {len(text) - cut:,} characters and "
                    f"{_plural(len(beyond), 'cue')} after that are not shown. "
                    "Pass a larger max_chars= to see more.")
            notes.append(note)
            cut_note = f'<p class="mc-cut">{_esc(note)}</p>'
        blocks.append(f'<article class="mc-article" data-article="{_esc(aid, quote=True)}">'
                      f"{_header(row, rows, len(hidden))}"
                      f'<div class="mc-body">{body}</div>{cut_note}'
                      f"{_cue_list(rows, max_cues)}</article>")
        shown_rows.extend(rows)
    if n_hidden:
        notes.append(f"{_plural(n_hidden, 'low-confidence cue')} hidden (show_low_confidence=False).")

    events = [_str(records.loc[a].get("event_id")) for a in ids]
    warn = ""
    if len(ids) > 1 and (len(set(events)) > 1 or "" in events):
        which = "; ".join(f"{a}: {e or 'unknown'}" for a, e in zip(ids, events))
        warn = (f'<p class="mc-warn"><b>Different events: compare with care.</b> These articles '
                f"do not share an event_id ({_esc(which)}), so differences in wording may come "
                "from different news, not different outlets.</p>")
    n_cols = len(ids) if layout == "side_by_side" else 1
    how = {"side_by_side": " side by side", "stacked": " one after another"}.get(layout, "")
    title = "Loaded-language cues: " + ", ".join(
        f"{a} {_str(records.loc[a]['outlet'])}" for a in ids[:6]) + (" ..." if len(ids) > 6 else "")
    top = (f'<div class="mc-top"><h2>Loaded-language cues</h2><p class="mc-sub">'
           f"{_plural(len(ids), 'article')}{how} · {_plural(len(shown_rows), 'cue')} shown. "
           "Each marked word carries a slant; its marker names the kind.</p></div>")
    note_html = "".join(f'<p class="mc-note">{_esc(n)}</p>' for n in notes
                        if not n.startswith("Article "))
    grid = (f'<div class="mc-articles mc-grid mc-cols-{n_cols}">' if n_cols > 1
            else '<div class="mc-articles">')
    content = (top + warn + note_html
               + _legend(counts, shown_categories, show_low_confidence, n_hidden, quotes is not None)
               + grid + "".join(blocks) + "</div>")
    columns = [c for c in spans.columns if c not in ("_seq", "span_no")]
    shown = pd.DataFrame([{k: r.get(k) for k in [*columns, "span_no"]} for r in shown_rows],
                         columns=[*columns, "span_no"])
    css = CSS + "".join(_category_css(c, _style(c)) for c in known if c not in CATEGORY_STYLES)
    return Highlight(content, css=css, title=title, article_ids=tuple(ids), layout=layout,
                     spans=shown, notes=tuple(notes))
