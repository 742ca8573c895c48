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
      ``category · term — note · neutral: … · voice: …`` (and ``low confidence`` for
      the low tier); the
      same facts are listed under each article (a ``<details>`` list, so they
      also show on touch screens and in print).
    * Paragraphs (a blank line) become ``<p>``; a single line break is ``<br>``.
    * When the articles shown do not all report one event, a warning says which
      of them share an event and which do not.

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

The parts are in modules of their own: :mod:`~mediacompare.display.highlight_style`
(how each category looks), :mod:`~mediacompare.display.markup` (nesting and
cutting) and :mod:`~mediacompare.display.cues` (marks, markers, legend).
"""

from __future__ import annotations

import html
import operator
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pandas as pd

from .cues import _cue_item, _cue_list, _events_warning, _header, _legend, _quote_item
from .helpers import _plural, _positive, _require, _str, _voice  # noqa: F401  (re-exported)
from .highlight_style import CATEGORY_STYLES, CSS, CategoryStyle, category_css, style_of
from .markup import _cut_point, _Item, _render_text
from .page import shared_style, standalone_page

__all__ = ["CATEGORY_STYLES", "CSS", "CategoryStyle", "Highlight", "highlight"]

_esc = html.escape
_CATEGORY_NAME = re.compile(r"[a-z][a-z0-9_]*\Z")
_REQUIRED_SPAN_COLUMNS = ("article_id", "start", "end", "text", "category")
_REQUIRED_ARTICLE_COLUMNS = ("article_id", "outlet", "title", "text")
_MAX_SIDE_BY_SIDE = 4


# ---------------------------------------------------------------- the object

class Highlight:
    """Highlighted articles: shows itself in a notebook, saves a standalone page.

    Made by :func:`highlight`. Attributes: ``article_ids`` (shown, in order),
    ``layout`` (``"single"``, ``"side_by_side"`` or ``"stacked"``), ``spans``
    (the cues shown, with ``span_no``, the ``data-span`` number within the
    article) and ``notes`` (what was capped or hidden, also shown on the page).
    """

    def __init__(self, content: str, *, css: str, title: str, article_ids: tuple[str, ...],
                 layout: str, spans: pd.DataFrame, notes: tuple[str, ...], extra_css: str = ""):
        self._content = content
        self._css = css
        self._extra_css = extra_css
        self.title = title
        self.article_ids = article_ids
        self.layout = layout
        self.spans = spans
        self.notes = notes

    def _repr_html_(self) -> str:
        """An HTML fragment with its own scoped ``<style>`` (every selector under ``.mc-hl``).

        The shared part of the style is marked ``data-mc-style`` (the report's
        one style sheet has it, so the report drops it from the page); the style
        of a custom lexicon's categories follows in a style element of its own.
        """
        extra = f"<style>\n{self._extra_css}</style>\n" if self._extra_css else ""
        return (f'<div class="mc-hl">\n{shared_style("highlight", CSS)}\n{extra}'
                f"{self._content}\n</div>\n")

    def to_html(self, standalone: bool = False) -> str:
        """The fragment of :meth:`_repr_html_`, or with ``standalone=True`` a complete page.

        The page has a doctype, a UTF-8 charset, inline CSS and a content security
        policy that forbids every script and every load from elsewhere.
        """
        if not standalone:
            return self._repr_html_()
        return standalone_page(self.title, self._css + self._extra_css, "mc-hl", self._content)

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
            f"Showing the first {max_articles:,} of {len(wanted):,} articles; the others "
            "are not shown here.")
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
        ``confidence`` as ``"high"``); a ``source`` column (the citation of the
        lexicon entry) is kept in :attr:`Highlight.spans` but not repeated on every mark.
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
    warn = _events_warning(ids, events)
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
    extra = "".join(category_css(c, style_of(c)) for c in known if c not in CATEGORY_STYLES)
    return Highlight(content, css=CSS, extra_css=extra, title=title, article_ids=tuple(ids),
                     layout=layout, spans=shown, notes=tuple(notes))
