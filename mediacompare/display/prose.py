"""Sentences for the reader, computed from the corpus: what a notebook says about the data.

A notebook's Markdown is the same for every corpus, so it speaks in general
terms; what depends on the corpus (how many articles, outlets and events, which
dates, who carried whose copy) is said by :func:`corpus_facts`, and a one-line
note is shown as prose by :func:`note`, never as ``print`` output in a
monospaced box.

>>> import pandas as pd
>>> arts = pd.DataFrame({"article_id": ["a", "b", "c"], "outlet": ["X", "Y", "X"],
...     "publisher": ["X", "Z", "X"], "event_id": ["e1", "e1", None],
...     "date": ["2020-01-02", "2020-01-02", "2021-05-06"]})
>>> print(corpus_facts(arts))
3 articles from 2 outlets, dated 2020-01-02 to 2021-05-06. Only 2 articles report the same event (e1); 1 article has no event recorded. 1 article was carried by a site other than the outlet that wrote it (Z carried Y). With about 2 articles per outlet, nothing here describes an outlet in general; differences between outlets may come from the outlet, the event or the moment: compare like with like.
"""

from __future__ import annotations

import html
from typing import Any

import pandas as pd

from .helpers import _plural, _str

__all__ = ["Prose", "corpus_facts", "note"]

_KINDS = ("note", "warn", "facts")


class Prose:
    """A few sentences for the reader: a paragraph in a notebook and in the report."""

    def __init__(self, sentences: list[str], kind: str = "note"):
        if kind not in _KINDS:
            raise ValueError(f"kind must be one of {', '.join(_KINDS)}; got {kind!r}")
        self.sentences = [s for s in sentences if s]
        self.kind = kind

    @property
    def text(self) -> str:
        return " ".join(self.sentences)

    def _repr_html_(self) -> str:
        return f'<p class="mc-prose mc-prose-{self.kind}">{html.escape(self.text)}</p>'

    def __str__(self) -> str:
        return self.text

    def __repr__(self) -> str:
        return self.text


def note(text: Any, kind: str = "note") -> Prose:
    """A sentence (or several) shown as a paragraph; ``kind="warn"`` for a caution.

    >>> note("No two articles share an event.")
    No two articles share an event.
    """
    return Prose([_str(text)], kind)


def _articles(corpus: Any) -> pd.DataFrame:
    table = getattr(corpus, "articles", corpus)
    if not isinstance(table, pd.DataFrame):
        raise TypeError(f"corpus must be a Corpus or an articles DataFrame; got "
                        f"{type(corpus).__name__}")
    return table


def _dates(table: pd.DataFrame) -> list[str]:
    if "date" not in table.columns:
        return []
    out = []
    for value in table["date"]:
        if isinstance(value, pd.Timestamp):
            out.append(value.date().isoformat() if value == value.normalize() else value.isoformat())
        elif _str(value):
            out.append(_str(value))
    return sorted(out)


def _events_sentence(table: pd.DataFrame) -> str:
    n = len(table)
    events = table["event_id"].map(_str) if "event_id" in table.columns else pd.Series([""] * n)
    known = events[events != ""]
    if not len(known):
        return ("No article has an event recorded: where a page compares reports of one event, "
                "mediacompare finds the events from the articles' words and dates.")
    counts = known.value_counts()
    shared = counts[counts > 1]
    n_alone = int((counts == 1).sum())
    n_missing = n - len(known)
    if len(shared) == 1 and shared.iloc[0] == n:
        return f"All {n:,} articles report the same event ({shared.index[0]})."
    if len(shared) == 1:
        head = f"{shared.iloc[0]:,} articles report the same event ({shared.index[0]})"
    elif len(shared):
        top = ", ".join(f"{e}: {c:,}" for e, c in shared.head(3).items())
        head = (f"{len(shared):,} events are each reported by more than one article ({top}"
                + (", ..." if len(shared) > 3 else "") + ")")
    else:
        head = "No two articles report the same event"
    rest = []
    if n_alone:
        rest.append(f"{_plural(n_alone, 'article')} "
                    + ("reports an event no other article reports" if n_alone == 1 else
                       "each report an event no other article reports"))
    if n_missing:
        rest.append(f"{_plural(n_missing, 'article')} {'has' if n_missing == 1 else 'have'} "
                    "no event recorded")
    if len(shared) == 1 and rest:
        head = "Only " + head
    return head + ("; " + "; ".join(rest) if rest else "") + "."


def corpus_facts(corpus: Any) -> Prose:
    """What this corpus is, in a few sentences: articles, outlets, dates, shared events, who
    carried whose copy, and a caution fitted to how many outlets and events there are."""
    table = _articles(corpus)
    n = len(table)
    if not n:
        return Prose(["The corpus has no article."], "facts")
    outlets = [o for o in table["outlet"].map(_str) if o] if "outlet" in table.columns else []
    n_outlets = len(set(outlets))
    dates = _dates(table)
    first = f"{_plural(n, 'article')} from {_plural(n_outlets, 'outlet')}"
    if dates:
        first += (f", dated {dates[0]}" if dates[0] == dates[-1] else
                  f", dated {dates[0]} to {dates[-1]}")
        if len(dates) < n:
            first += f" ({n - len(dates):,} undated)"
    sentences = [first + "."]
    sentences.append(_events_sentence(table))
    if "publisher" in table.columns and "outlet" in table.columns:
        carried = [(p, o) for p, o in zip(table["publisher"].map(_str), table["outlet"].map(_str))
                   if p and o and p != o]
        if carried:
            pairs = ", ".join(f"{p} carried {o}" for p, o in list(dict.fromkeys(carried))[:3])
            sentences.append(f"{_plural(len(carried), 'article')} "
                             f"{'was' if len(carried) == 1 else 'were'} carried by a site other "
                             f"than the outlet that wrote {'it' if len(carried) == 1 else 'them'} "
                             f"({pairs}" + (", ..." if len(carried) > 3 else "") + ").")
    if n_outlets > 1:
        per_outlet = n / n_outlets
        few = "one article per outlet" if per_outlet == 1 else (
            f"about {per_outlet:.0f} articles per outlet" if per_outlet < 10 else "")
        caution = (f"With {few}, nothing here describes an outlet in general; differences "
                   "between outlets may come from the outlet, the event or the moment: compare "
                   "like with like." if few else
                   f"With {n_outlets:,} outlets, differences between them may come from the "
                   "outlet, the event or the moment: compare like with like.")
        sentences.append(caution)
    return Prose(sentences, "facts")
