"""The same-event comparison a corpus calls for, with the reason for the choice on the page.

:func:`compare_same_event` chooses two articles of one event
(:func:`~mediacompare.measures.event_pairs.best_pair`: given event ids first
where they pair articles, else the events :func:`~mediacompare.find_events`
infers), aligns them and shows them side by side
(:func:`~mediacompare.display.compare.side_by_side`), with a note above that
names the event, says whether it was given or inferred, and why these two.
"""

from __future__ import annotations

import html
from typing import Any

import pandas as pd

from ..errors import CorpusError
from ..measures.align import align
from ..measures.event_pairs import best_pair
from .compare import Comparison, side_by_side

__all__ = ["compare_same_event"]


def compare_same_event(source: Any, *, events: pd.DataFrame | None = None, max_rows: int = 400,
                       **params) -> Comparison:
    """Two articles of one event side by side, chosen by their shared content, and why.

    Parameters
    ----------
    source : Corpus or DataFrame
        The articles.
    events : DataFrame, optional
        A :func:`~mediacompare.find_events` table (say, corrected by hand);
        by default ``find_events(source, **params)``.
    max_rows : int
        As for :func:`~mediacompare.side_by_side`.

    Returns
    -------
    Comparison
        Its ``notes`` start with the reason for the choice, which the page
        shows above the comparison; an inferred event is named as such.

    Raises
    ------
    CorpusError
        No two articles report the same event (the message says so, and what
        to do).

    Examples
    --------
    >>> import mediacompare as mc
    >>> view = compare_same_event(mc.load_corpus())
    >>> view.article_a, view.article_b, view.notes[0].startswith("Articles 001 (Breitbart News)")
    ('001', '002', True)
    """
    choice = best_pair(source, events, **params)
    if not choice:
        raise CorpusError(choice.reason)
    articles = getattr(source, "articles", source)
    if not isinstance(articles, pd.DataFrame):
        raise TypeError("source must be a Corpus or an articles DataFrame; got "
                        f"{type(source).__name__}")
    found = dict(zip(choice.events["article_id"].map(str), choice.events["event_id"]))
    shown = articles.assign(article_id=articles["article_id"].map(str))
    given = shown["event_id"] if "event_id" in shown else pd.Series(pd.NA, index=shown.index)
    missing = given.isna() | (given.astype("string").fillna("") == "")
    shown = shown.assign(event_id=given.where(~missing, shown["article_id"].map(found)))
    a, b = choice.article_ids
    alignment = align(shown, [a, b])
    view = side_by_side(shown, alignment, article_a=a, article_b=b, max_rows=max_rows)
    kind = "given in the corpus" if choice.given else "found by mediacompare, not given"
    note = (f'<p class="mc-note"><b>Why these two articles:</b> {html.escape(choice.reason)} '
            f"<br><b>The event</b> ({html.escape(kind)}): {html.escape(str(choice.event_name))}"
            "</p>")
    return Comparison(note + "\n" + view._content, title=view.title, article_a=view.article_a,
                      article_b=view.article_b, rows=view.rows, counts=view.counts,
                      notes=(choice.reason,) + tuple(view.notes))
