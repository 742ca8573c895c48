"""Two articles side by side, sentence by sentence: what both tell, and what one leaves out.

:func:`side_by_side` takes the articles (or a :class:`~mediacompare.Corpus`)
and a table of :func:`~mediacompare.measures.align.align`, and returns a
:class:`Comparison`, which shows itself in a notebook (``_repr_html_``) and
saves a standalone page (:meth:`Comparison.save`).

What the reader sees
    * A header with both articles (outlet, title, date, id, event), a warning
      when they do not share an event (or an event is unknown), a warning when
      much of one article's wording recurs in the other (likely republished
      agency copy, see :func:`~mediacompare.measures.align.wire_copy`), the
      counts of the pair, and a legend.
    * A table of three columns, article A, the match, article B; one row per
      row of the alignment: a matched pair side by side with its status badge
      (``shared`` or ``reworded``) and cosine in the middle; a sentence one
      article leaves out alone on its side, with an ``only in A`` or ``only in
      B`` badge, the other side hatched.
    * In a matched pair, the content words only one side has are a
      ``<mark class="diff">`` (underlined and tinted, so not colour alone);
      words are compared as the alignment compares them (lowercase norms of
      word, number and abbreviation tokens, a possessive ``'s`` dropped), each
      side against the other side's set. Function words ("the", "of", "his":
      ``resources/function_words.txt``) are never marked.
    * Rows follow article A; article B's unmatched sentences sit after the
      matched sentence of B just before them (:func:`reading_order`). Each
      sentence carries its number, counted from 1 as in the exercises (``A3``
      is the third sentence, ``sentence_a == 2``), and its offsets in the tooltip.
    * Text is left-aligned, whatever the page around it does with tables.

Guarantees
    Every piece of text (sentences, titles, outlets, ids, notes) is escaped with
    :func:`html.escape`; the output has no JavaScript and refers to no file or
    address; the same input gives the same string. ``text_a`` must equal the
    article's ``text[start_a:end_a]`` (else :class:`ValueError`). At most
    ``max_rows`` rows are shown, and a note says what was left out.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

import pandas as pd

from ..measures.align import omissions, reading_order, wire_copy, word_key
from ..document import analyse
from ..text import tokenize
from .compare_parts import CSS, _counts_table, _legend, function_words
from .helpers import _plural, _positive, _str
from .page import shared_style, standalone_page

__all__ = ["Comparison", "side_by_side"]

_esc = html.escape
_WORD_KINDS = frozenset({"word", "number", "abbreviation"})
_NEEDED = ("article_a", "article_b", "sentence_a", "sentence_b", "start_a", "end_a", "text_a",
           "start_b", "end_b", "text_b", "cosine", "status")
_BADGE = {"shared": "shared", "reworded": "reworded", "only_in_a": "only in A",
          "only_in_b": "only in B"}
_SWAP = {"only_in_a": "only_in_b", "only_in_b": "only_in_a"}

class Comparison:
    """Two articles side by side: shows itself in a notebook, saves a standalone page.

    Made by :func:`side_by_side`. Attributes: ``article_a``, ``article_b``,
    ``rows`` (the alignment rows of the pair in the order shown, all of them,
    also those beyond ``max_rows``), ``counts`` (the :func:`omissions` row of
    the pair, as a dict) and ``notes`` (warnings and what was capped, also on
    the page).
    """

    def __init__(self, content: str, *, title: str, article_a: str, article_b: str,
                 rows: pd.DataFrame, counts: dict, notes: tuple[str, ...]):
        self._content = content
        self.title = title
        self.article_a = article_a
        self.article_b = article_b
        self.rows = rows
        self.counts = counts
        self.notes = notes

    def _repr_html_(self) -> str:
        """An HTML fragment with its own scoped ``<style>`` (every selector under ``.mc-cmp``)."""
        return f'<div class="mc-cmp">\n{shared_style("compare", CSS)}\n{self._content}\n</div>\n'

    def to_html(self, standalone: bool = False) -> str:
        """The fragment of :meth:`_repr_html_`, or with ``standalone=True`` a complete page.

        The page has a doctype, a UTF-8 charset, inline CSS and a content security
        policy that forbids every script and every load from elsewhere.
        """
        if not standalone:
            return self._repr_html_()
        return standalone_page(self.title, CSS, "mc-cmp", self._content)

    def save(self, path: str | Path) -> Path:
        """Write the standalone page (:meth:`to_html` with ``standalone=True``) as UTF-8."""
        path = Path(path)
        path.write_text(self.to_html(standalone=True), encoding="utf-8")
        return path

    def __repr__(self) -> str:
        c = self.counts
        return (f"<Comparison: {self.article_a} vs {self.article_b}; "
                f"{c['n_shared']} shared, {c['n_reworded']} reworded, "
                f"{c['n_only_in_a']} only in A, {c['n_only_in_b']} only in B>")


# ---------------------------------------------------------------- checking input

def _articles(articles: Any) -> pd.DataFrame:
    table = getattr(articles, "articles", articles)  # a Corpus, or the table itself
    if not isinstance(table, pd.DataFrame):
        raise TypeError("articles_or_corpus must be a Corpus or an articles DataFrame; got "
                        f"{type(articles).__name__}")
    missing = [c for c in ("article_id", "text") if c not in table.columns]
    if missing:
        raise ValueError(f"articles is missing the columns {', '.join(missing)}; "
                         f"it has: {', '.join(map(str, table.columns))}")
    return table.assign(article_id=table["article_id"].map(str)).drop_duplicates("article_id")


def _record(table: pd.DataFrame, aid: Any, name: str) -> dict:
    aid = str(aid)
    found = table[table["article_id"] == aid]
    if not len(found):
        known = table["article_id"].tolist()
        raise ValueError(f"{name} {aid!r} is not in the articles; article ids are: "
                         f"{', '.join(known[:20])}{', ...' if len(known) > 20 else ''}")
    return found.iloc[0].to_dict()


def _pair(alignment: pd.DataFrame, a: str, b: str) -> pd.DataFrame:
    """The rows of the pair (a, b), swapping the sides when the alignment has (b, a)."""
    if not isinstance(alignment, pd.DataFrame):
        raise TypeError(f"alignment must be the DataFrame of align(); got {type(alignment).__name__}")
    missing = [c for c in _NEEDED if c not in alignment.columns]
    if missing:
        raise ValueError(f"alignment is missing the columns {', '.join(missing)}; it has: "
                         f"{', '.join(map(str, alignment.columns))}")
    ids_a, ids_b = alignment["article_a"].map(str), alignment["article_b"].map(str)
    rows = alignment[(ids_a == a) & (ids_b == b)]
    if len(rows):
        return rows.assign(article_a=a, article_b=b)
    rows = alignment[(ids_a == b) & (ids_b == a)]
    if not len(rows):
        pairs = sorted(set(zip(ids_a, ids_b)))
        raise ValueError(f"the alignment has no rows for articles {a!r} and {b!r}; its pairs are: "
                         + (", ".join(f"{x}-{y}" for x, y in pairs) or "none"))
    renamed = {}
    for col in rows.columns:
        if col.endswith("_a") and col[:-2] + "_b" in rows.columns:
            renamed[col], renamed[col[:-2] + "_b"] = col[:-2] + "_b", col
    swapped = rows.rename(columns=renamed)
    return swapped.assign(status=swapped["status"].map(lambda s: _SWAP.get(s, s)))


def _check_offsets(pair: pd.DataFrame, texts: dict[str, str]) -> None:
    for side in ("a", "b"):
        for label, row in pair[pair[f"sentence_{side}"].notna()].iterrows():
            aid, text = row[f"article_{side}"], texts[row[f"article_{side}"]]
            start, end, got = int(row[f"start_{side}"]), int(row[f"end_{side}"]), row[f"text_{side}"]
            if not 0 <= start <= end <= len(text) or text[start:end] != got:
                raise ValueError(
                    f"alignment row {label!r}: text_{side} {_str(got)[:60]!r} is not article "
                    f"{aid!r}'s text[{start}:{end}]; align the same texts you show")


# ---------------------------------------------------------------- rendering

def _keys(text: str) -> set[str]:
    return {word_key(t.norm) for t in tokenize(text) if t.kind in _WORD_KINDS}


def _content(token) -> bool:
    return token.kind in _WORD_KINDS and word_key(token.norm) not in function_words() \
        and token.norm not in function_words()


def _marked(text: str, other: str | None) -> tuple[str, int]:
    """``text`` escaped, its content words missing from ``other`` in ``<mark class="diff">``;
    and how many."""
    if other is None:
        return _esc(text), 0
    theirs = _keys(other)
    out, pos, open_, n = [], 0, False, 0
    for tok in tokenize(text):
        diff = _content(tok) and word_key(tok.norm) not in theirs
        gap = text[pos:tok.start]
        if open_ and not (diff and gap.strip() == ""):
            out.append("</mark>")
            open_ = False
        out.append(_esc(gap))
        if diff and not open_:
            out.append('<mark class="diff">')
            open_ = True
        n += diff
        out.append(_esc(tok.text))
        pos = tok.end
    if open_:
        out.append("</mark>")
    out.append(_esc(text[pos:]))
    return "".join(out), n


def _sentence(row: pd.Series, side: str, aid: str) -> tuple[str, int]:
    other = "b" if side == "a" else "a"
    k, start, end = int(row[f"sentence_{side}"]), int(row[f"start_{side}"]), int(row[f"end_{side}"])
    matched = row["status"] in ("shared", "reworded")
    body, n = _marked(row[f"text_{side}"], row[f"text_{other}"] if matched else None)
    tip = f"sentence {k + 1} of article {aid}, characters {start}-{end}"
    if n:
        tip += f"; {_plural(n, 'word')} not in the other sentence"
    sid = f'<span class="mc-sid" title="{_esc(tip, quote=True)}">{side.upper()}{k + 1}</span>'
    badge = (f'<span class="mc-badge mc-b-{row["status"]}">{_BADGE[row["status"]]}</span>'
             if not matched else "")
    return badge + sid + body, n


def _row(row: pd.Series, a: str, b: str) -> str:
    status = row["status"]
    if status not in _BADGE:
        raise ValueError(f"alignment has status {status!r}; statuses are: {', '.join(_BADGE)}")
    cells = {}
    for side, aid in (("a", a), ("b", b)):
        if _str(row[f"sentence_{side}"]) == "":
            cells[side] = f'<td class="mc-{side} mc-gap" aria-label="no counterpart">—</td>'
        else:
            cells[side] = f'<td class="mc-{side}">{_sentence(row, side, aid)[0]}</td>'
    if status in ("shared", "reworded"):
        mid = (f'<span class="mc-badge mc-b-{status}">{_BADGE[status]}</span>'
               f'<span class="mc-cos" title="TF-IDF cosine of the two sentences">'
               f'cos {float(row["cosine"]):.2f}</span>')
    else:
        mid = ""
    return (f'<tr class="mc-st-{status}">{cells["a"]}<td class="mc-mid">{mid}</td>'
            f'{cells["b"]}</tr>')


def _date(value: Any) -> str:
    if isinstance(value, pd.Timestamp) and value == value.normalize():
        return value.date().isoformat()
    return _str(value)


def _head(side: str, rec: dict, n_sentences: int, n_words: int) -> str:
    meta = [f"article {_esc(rec['article_id'])}"]
    if _date(rec.get("date")):
        meta.insert(0, _esc(_date(rec.get("date"))))
    if _str(rec.get("event_id")):
        meta.append(f"event {_esc(_str(rec['event_id']))}")
    publisher = _str(rec.get("publisher"))
    if publisher and publisher != _str(rec.get("outlet")):
        meta.append(f"carried by {_esc(publisher)}")
    title = _str(rec.get("title")) or "(no title)"
    return (f'<div class="mc-head"><div><span class="mc-side">{side}</span>'
            f'<span class="mc-outlet">{_esc(_str(rec.get("outlet")) or "unknown outlet")}</span></div>'
            f'<h3 class="mc-title">{_esc(title)}</h3>'
            f'<div class="mc-meta">{" · ".join(meta)} · {_plural(n_sentences, "sentence")}, '
            f'{_plural(n_words, "word")}</div></div>')


def side_by_side(articles_or_corpus: Any, alignment: pd.DataFrame, *, article_a: Any,
                 article_b: Any, max_rows: int = 400) -> Comparison:
    """Show two aligned articles side by side, sentence by sentence.

    Parameters
    ----------
    articles_or_corpus : Corpus or DataFrame
        ``article_id`` and ``text`` (the texts that were aligned); ``outlet``,
        ``title``, ``date``, ``event_id`` and ``publisher`` are shown when present.
    alignment : DataFrame
        The table of :func:`~mediacompare.measures.align.align` holding the
        pair (either way round: a pair aligned as (b, a) is shown with the sides
        swapped).
    article_a, article_b : str
        The article on the left and the one on the right.
    max_rows : int
        At most this many rows are shown; a note says how many were left out
        (the counts are always of the whole pair).

    Raises
    ------
    ValueError
        An unknown article id (the message lists the ids there are), the same
        article twice, a pair the alignment does not hold, or a sentence whose
        text is not the article's ``text[start:end]``.

    Examples
    --------
    >>> from mediacompare.measures.align import align
    >>> arts = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["A", "B"], "title": ["T", "U"],
    ...     "text": ["Troops left Syria. It rained.", "Troops left Syria on Monday."]})
    >>> view = side_by_side(arts, align(arts), article_a="a", article_b="b")
    >>> view
    <Comparison: a vs b; 1 shared, 0 reworded, 1 only in A, 0 only in B>
    >>> 'on <mark class="diff">Monday</mark>' in view.to_html()
    True
    """
    max_rows = _positive(max_rows, "max_rows")
    table = _articles(articles_or_corpus)
    a, b = str(article_a), str(article_b)
    if a == b:
        raise ValueError(f"article_a and article_b are the same article ({a!r}); give two")
    rec_a, rec_b = _record(table, a, "article_a"), _record(table, b, "article_b")
    texts = {a: _str(rec_a["text"]), b: _str(rec_b["text"])}
    pair = _pair(alignment, a, b)
    _check_offsets(pair, texts)
    pair = reading_order(pair)
    counts = omissions(pair).iloc[0].to_dict()
    name_a = _str(rec_a.get("outlet")) or f"article {a}"
    name_b = _str(rec_b.get("outlet")) or f"article {b}"

    warnings: list[str] = []
    ev_a, ev_b = _str(rec_a.get("event_id")), _str(rec_b.get("event_id"))
    if not ev_a or not ev_b:
        warnings.append("Event unknown: compare with care. At least one article has no event_id, "
                        "so they may report different news; a sentence only in one may simply "
                        "be about something else.")
    elif ev_a != ev_b:
        warnings.append(f"Different events: compare with care. A is about {ev_a}, B about {ev_b}; "
                        "a sentence only in one may simply be about other news, not left out.")
    wire = wire_copy(pd.DataFrame({"article_id": [a, b], "outlet": [name_a, name_b],
                                   "text": [texts[a], texts[b]]})).iloc[0]
    if wire["flag"]:
        warnings.append(
            f"Shared wording: {wire['share_a_in_b']:.0%} of A's 8-word sequences also occur in B, "
            f"{wire['share_b_in_a']:.0%} of B's in A. One may republish the other, or both carry "
            "the same agency copy: differences between them then say little about the outlets.")
    notes: list[str] = []
    for side, aid, name in (("a", a, "A"), ("b", b, "B")):
        n_all = analyse(texts[aid]).n_sentences
        if counts[f"n_sentences_{side}"] != n_all:
            notes.append(f"The alignment holds {counts[f'n_sentences_{side}']:,} of the "
                         f"{n_all:,} sentences of article {name} ({aid}).")
    shown = pair.iloc[:max_rows]
    if len(pair) > max_rows:
        notes.append(f"Showing the first {max_rows:,} of {len(pair):,} rows (max_rows={max_rows}); "
                     f"{len(pair) - max_rows:,} rows after that are not shown. The counts are of "
                     "all rows.")

    title = f"Side by side: {a} {name_a} vs {b} {name_b}"
    n_words = {s: counts[f"n_words_{s}"] for s in ("a", "b")}
    parts = [
        f'<h2>What each article tells, sentence by sentence</h2><p class="mc-sub">'
        f"A: {_esc(name_a)} ({_esc(a)}) · B: {_esc(name_b)} ({_esc(b)}) · "
        f"{_plural(len(pair), 'row')}</p>",
        '<div class="mc-heads">'
        + _head("A", rec_a, counts["n_sentences_a"], n_words["a"])
        + _head("B", rec_b, counts["n_sentences_b"], n_words["b"]) + "</div>",
        "".join(f'<p class="mc-warn"><b>{_esc(w.split(": ", 1)[0])}:</b> '
                f'{_esc(w.split(": ", 1)[1])}</p>' for w in warnings),
        _counts_table(counts, name_a, name_b),
        _legend((alignment.attrs.get("threshold_same"), alignment.attrs.get("threshold_related"))),
        '<table class="mc-pairs"><colgroup><col class="mc-col-side"><col class="mc-col-mid">'
        '<col class="mc-col-side"></colgroup><thead><tr>'
        f'<th scope="col">A · {_esc(name_a)} ({_esc(a)})</th><th scope="col" class="mc-mid">'
        f'match</th><th scope="col">B · {_esc(name_b)} ({_esc(b)})</th></tr></thead><tbody>'
        + "".join(_row(row, a, b) for _, row in shown.iterrows()) + "</tbody></table>",
        "".join(f'<p class="mc-cut">{_esc(n)}</p>' for n in notes),
    ]
    return Comparison("\n".join(parts), title=title, article_a=a, article_b=b,
                      rows=pair.reset_index(drop=True), counts=counts,
                      notes=tuple(warnings + notes))
