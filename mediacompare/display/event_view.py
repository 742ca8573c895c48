"""The same-event comparison a corpus calls for, with the reason for the choice on the page.

:func:`compare_same_event` chooses two articles of one event
(:func:`~mediacompare.measures.event_pairs.best_pair`: given event ids first
where they pair articles, else the events :func:`~mediacompare.find_events`
infers), aligns them and shows them side by side
(:func:`~mediacompare.display.compare.side_by_side`), with a note above that
names the event, says whether it was given or inferred, and why these two.

The tables of the events pages, for people (:func:`~mediacompare.display.tables.table`:
human headers, rounded numbers, long tables folded): :func:`found_events_view`
(the events of :func:`~mediacompare.find_events`), :func:`copy_view` (who carries
whose copy, :func:`~mediacompare.copy_flows`) and :func:`agencies_view` (the wire
agencies named, :func:`~mediacompare.wire_agencies`).
"""

from __future__ import annotations

import html
from typing import Any

import pandas as pd

from ..errors import CorpusError
from ..measures.align import align
from ..measures.event_pairs import best_pair
from ..measures.events import event_table
from .compare import Comparison, side_by_side
from .tables import Table, table

__all__ = ["agencies_view", "compare_same_event", "copy_view", "found_events_view"]


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


def found_events_view(events: pd.DataFrame, *, max_rows: int = 10) -> Table:
    """The events of a :func:`~mediacompare.find_events` table, those most outlets report first:
    the event's id (given in the corpus, or made by mediacompare from its first date and two of
    its words), the names and words its articles share most, its dates, how many articles and
    outlets, which outlets, and whether the event was given or found."""
    frame = event_table(events)
    words = [" · ".join(p for p in (n, t) if p) for n, t in zip(frame["names"].fillna(""),
                                                                frame["terms"].fillna(""))]
    dates = [s if s == e or not e else f"{s} to {e}"
             for s, e in zip(frame["start"].fillna(""), frame["end"].fillna(""))]
    frame = frame.assign(given=frame["given"].map({True: "given", False: "found"}),
                         words=pd.Series(words, index=frame.index).replace("", pd.NA),
                         dates=pd.Series(dates, index=frame.index).replace("", pd.NA))
    n_shared = int((frame["n_articles"] > 1).sum())
    caption = (f"{len(frame):,} event{'s' if len(frame) != 1 else ''}, {n_shared:,} of them "
               f"reported by more than one article")
    return table(frame, columns={"event_id": "Event", "words": "Names and words that mark it",
                                 "dates": "Dates", "n_outlets": "Outlets",
                                 "n_articles": "Articles", "outlets": "Which outlets",
                                 "given": "Given or found"},
                 sort=["n_outlets", "n_articles"], ascending=[False, False], max_rows=max_rows,
                 what="events", caption=caption,
                 missing={"dates": "no date", "words": "no word in common"})


def copy_view(flows: pd.DataFrame, *, max_rows: int = 10) -> Table:
    """Who carries whose copy (:func:`~mediacompare.copy_flows`), the largest shares first."""
    frame = flows.assign(agency=flows["agency"].replace("", pd.NA))
    return table(frame, columns={"carrier_outlet": "Carrier", "carrier_article": "Its article",
                                 "source_outlet": "Source", "source_article": "Source article",
                                 "agency": "Agency named", "kind": "Kind",
                                 "share_of_carrier": "Share of the carrier's words",
                                 "n_passages": "Passages"},
                 sort="share_of_carrier", percent=("share_of_carrier",), digits=2,
                 max_rows=max_rows, what="pairs", missing="no agency named")


def agencies_view(found: pd.DataFrame, *, max_rows: int = 12) -> Table:
    """The wire agencies named in the articles (:func:`~mediacompare.wire_agencies`): which
    article, which agency, whether it carried the article or is only cited, and the evidence."""
    frame = found.assign(role=found["role"].map({"carried": "carried the text",
                                                 "cited": "only cited"}).fillna(found["role"]),
                         evidence_kind=found["evidence_kind"].map(str).str.replace("_", " "))
    return table(frame, columns={"article_id": "Article", "outlet": "Outlet", "agency": "Agency",
                                 "role": "Carried or cited", "evidence_kind": "Found in",
                                 "evidence": "Evidence"},
                 max_rows=max_rows, what="agencies named")
