"""Which articles to compare: the same-event pair (or set) with the most shared content, and why.

:func:`event_pairs` lists every pair of articles that report one event (given
by the user or found by :func:`~mediacompare.measures.events.find_events`),
with the cosine of their TF-IDF vectors; :func:`best_pair` and
:func:`best_set` choose from it and say why in plain words (the ``reason`` of
an :class:`EventChoice`). The alignment, omissions and side-by-side views take
their choice when no articles are named.

The rule, in order: two articles of the same event; from different outlets
(two articles of one outlet say little about how outlets differ); not near
copies (cosine at least ``near_copy``: a republished text aligned with itself
shows nothing left out); then the most shared content (highest cosine). A set
grows from the best pair by adding, one at a time, the article of another outlet
with the highest mean cosine with those chosen.
"""

from __future__ import annotations

import itertools
import numbers
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from ..errors import CorpusError
from .events import check_params, find_events, read_articles, vectors
from .words import _table

__all__ = ["PAIR_COLUMNS", "EventChoice", "best_pair", "best_set", "event_pairs"]

#: Columns of :func:`event_pairs`, in order.
PAIR_COLUMNS = ("event_id", "event_name", "given", "article_a", "outlet_a", "article_b",
                "outlet_b", "cosine", "same_outlet", "near_copy", "shared_words")
#: At most this many articles of one event are paired (the largest by their mean cosine).
MAX_EVENT_ARTICLES = 200


@dataclass
class EventChoice:
    """The articles chosen for a same-event comparison, and why.

    ``article_ids`` is empty when no two articles report the same event
    (``reason`` then says so); ``given`` is True when the event id came from
    the corpus, False when :func:`find_events` found it; ``pairs`` is the
    :func:`event_pairs` table and ``events`` the :func:`find_events` table
    the choice was made from.
    """

    article_ids: list[str]
    event_id: str | None
    event_name: str | None
    given: bool
    cosine: float
    reason: str
    pairs: pd.DataFrame = field(repr=False, default_factory=pd.DataFrame)
    events: pd.DataFrame = field(repr=False, default_factory=pd.DataFrame)

    def __bool__(self) -> bool:
        return len(self.article_ids) >= 2

    def __str__(self) -> str:
        return self.reason


def _count(n: int, noun: str) -> str:
    return f"{n:,} {noun}{'' if n == 1 else 's'}"


def _shared(table, X, terms, a: int, b: int, n: int = 5) -> str:
    both = X[a].multiply(X[b]).tocsr()
    order = np.argsort(-both.data, kind="stable")[:n]
    return ", ".join(table.form(terms[both.indices[k]]) for k in order)


def event_pairs(source: Any, events: pd.DataFrame | None = None, *, near_copy: float = 0.9,
                **params) -> pd.DataFrame:
    """Every pair of articles of one event, the pairs to compare first.

    Parameters
    ----------
    source : Corpus or DataFrame
        The articles (their texts give the cosines).
    events : DataFrame, optional
        A :func:`find_events` table (say, corrected by hand); by default
        ``find_events(source, **params)``.
    near_copy : float, default 0.9
        Cosine at or above which a pair is a near copy (one text republished).

    Returns
    -------
    DataFrame
        Columns :data:`PAIR_COLUMNS`, one row per pair of articles of one
        event (at most :data:`MAX_EVENT_ARTICLES` articles of an event, the
        most central), sorted as :func:`best_pair` chooses: different outlets
        first, near copies last, then by ``cosine``; ``shared_words`` are the
        words the cosine rests on most.
    """
    if isinstance(near_copy, bool) or not isinstance(near_copy, numbers.Real) \
            or not 0 < near_copy <= 1:
        raise ValueError(f"near_copy must be a number above 0 and at most 1; got {near_copy!r}")
    articles = _table(source)
    if events is None:
        events = find_events(source, **params)
    missing = [c for c in ("article_id", "event_id", "event_name", "inferred")
               if c not in events.columns]
    if missing:
        raise ValueError(f"events must be a find_events() table; it lacks {', '.join(missing)}")
    weights = check_params(0.09, 0.25, 3, params.get("title_weight", 3.0),
                           params.get("name_weight", 2.0), 2000)
    table = read_articles(articles, title_weight=weights["title_weight"],
                          name_weight=weights["name_weight"], use_given=False)
    X, terms = vectors(table)
    row_of = {m["article_id"]: k for k, m in enumerate(table.meta)}
    outlet = dict(zip(articles["article_id"], articles["outlet"].map(str)
                      if "outlet" in articles else [""] * len(articles)))
    rows = []
    for event_id, group in events.groupby("event_id", sort=False):
        ids = [str(a) for a in group["article_id"] if str(a) in row_of]
        if len(ids) < 2:
            continue
        k = np.array([row_of[a] for a in ids])
        sim = (X[k] @ X[k].T).toarray()
        if len(ids) > MAX_EVENT_ARTICLES:
            keep = np.argsort(-sim.mean(axis=1), kind="stable")[:MAX_EVENT_ARTICLES]
            ids, k, sim = [ids[i] for i in keep], k[keep], sim[np.ix_(keep, keep)]
        given = bool((~group["inferred"].astype(bool)).any())
        name = str(group["event_name"].iloc[0])
        for i, j in itertools.combinations(range(len(ids)), 2):
            rows.append({"event_id": event_id, "event_name": name, "given": given,
                         "article_a": ids[i], "outlet_a": outlet.get(ids[i], ""),
                         "article_b": ids[j], "outlet_b": outlet.get(ids[j], ""),
                         "cosine": float(min(sim[i, j], 1.0)),
                         "same_outlet": outlet.get(ids[i]) == outlet.get(ids[j]),
                         "near_copy": bool(sim[i, j] >= near_copy),
                         "shared_words": _shared(table, X, terms, k[i], k[j])})
    frame = pd.DataFrame(rows, columns=list(PAIR_COLUMNS))
    if len(frame):
        frame = frame.sort_values(["same_outlet", "near_copy", "cosine", "event_id"],
                                  ascending=[True, True, False, True], kind="stable")
    frame = frame.reset_index(drop=True).astype({"given": bool, "cosine": "float64",
                                                 "same_outlet": bool, "near_copy": bool})
    frame.attrs["near_copy"] = near_copy
    return frame


def _how(row, events: pd.DataFrame) -> str:
    """How the event of ``row`` (a pair) is known, in words."""
    if row["given"]:
        return f"given in the corpus as event {row['event_id']}"
    basis = set()
    if "basis" in events.columns:
        mine = events["article_id"].map(str).isin([str(row["article_a"]), str(row["article_b"])])
        basis = set(events.loc[mine, "basis"].map(str))
    how = ("found by mediacompare from their words alone (at least one of them has no day "
           "date, so much shared wording was asked for)" if "content_only" in basis else
           "found by mediacompare from their words and dates")
    return f"{how}: event {row['event_id']}, {row['event_name']}"


def _none(pairs: pd.DataFrame, events: pd.DataFrame, n_articles: int) -> EventChoice:
    if n_articles < 2:
        reason = (f"This corpus has {_count(n_articles, 'article')}: two reports of one event "
                  "are needed for a comparison, so none is made.")
    else:
        reason = (f"No two of the {n_articles:,} articles report the same event, as far as the "
                  "corpus's event records and mediacompare's grouping by words and dates can "
                  "tell, so no two are compared as reports of one event.")
    return EventChoice([], None, None, False, float("nan"), reason, pairs, events)


def best_pair(source: Any, events: pd.DataFrame | None = None, **params) -> EventChoice:
    """The same-event pair with the most shared content, and why it was chosen.

    Parameters as :func:`event_pairs`. ``reason`` names the event, how it is
    known (given or found), the outlets, the cosine and the words behind it,
    and what was passed over.

    >>> import mediacompare as mc
    >>> choice = best_pair(mc.load_corpus())
    >>> choice.article_ids, choice.given
    (['001', '002'], True)
    """
    near_copy = params.pop("near_copy", 0.9)
    if events is None:
        events = find_events(source, **params)
    pairs = event_pairs(source, events, near_copy=near_copy, **params)
    n_articles = len(_table(source))
    if not len(pairs):
        return _none(pairs, events, n_articles)
    best = pairs.iloc[0]
    outlets = f"{best['article_a']} ({best['outlet_a']}) and {best['article_b']} ({best['outlet_b']})"
    usable = pairs[~pairs["same_outlet"] & ~pairs["near_copy"]]
    n_usable = len(usable)
    if best["same_outlet"] or best["near_copy"]:
        caveat = (" They are " + ("of the same outlet" if best["same_outlet"] else "near copies")
                  + ": no better pair was found, so differences between them say little about "
                  "how outlets differ.")
        ranked = (f"the best of {_count(len(pairs), 'same-event pair')}" if len(pairs) > 1
                  else "the only pair of articles that report one event")
    else:
        caveat = ""
        ranked = ("the only pair of articles of one event from two outlets that are not near "
                  "copies" if n_usable == 1 else
                  f"the pair that shares the most, of {n_usable:,} pairs of articles of one "
                  "event from two outlets that are not near copies")
    reason = (f"Articles {outlets} report the same event, {_how(best, events)}. Chosen as "
              f"{ranked} (similarity {best['cosine']:.2f} on a scale from 0 to 1, the cosine of "
              f"their weighted words; the shared words that weigh most: "
              f"{best['shared_words'] or 'none'}).{caveat}")
    return EventChoice([best["article_a"], best["article_b"]], best["event_id"],
                       best["event_name"], bool(best["given"]), float(best["cosine"]), reason,
                       pairs, events)


def best_set(source: Any, events: pd.DataFrame | None = None, *, max_articles: int = 4,
             **params) -> EventChoice:
    """Up to ``max_articles`` articles of one event from different outlets, grown from
    :func:`best_pair` by the highest mean cosine with those already chosen."""
    if isinstance(max_articles, bool) or not isinstance(max_articles, numbers.Integral) \
            or max_articles < 2:
        raise ValueError(f"max_articles must be a whole number of at least 2; got {max_articles!r}")
    choice = best_pair(source, events, **params)
    if not choice:
        return choice
    pairs = choice.pairs[choice.pairs["event_id"] == choice.event_id]
    chosen = list(choice.article_ids)
    outlet_of = dict(zip(pairs["article_a"], pairs["outlet_a"])) | dict(
        zip(pairs["article_b"], pairs["outlet_b"]))
    cos = {(a, b): c for a, b, c in zip(pairs["article_a"], pairs["article_b"], pairs["cosine"])}
    cos.update({(b, a): c for (a, b), c in list(cos.items())})
    copies = {(a, b) for a, b, n in zip(pairs["article_a"], pairs["article_b"], pairs["near_copy"])
              if n}
    while len(chosen) < max_articles:
        used = {outlet_of[a] for a in chosen}
        candidates = [a for a in outlet_of if a not in chosen and outlet_of[a] not in used
                      and not any((a, c) in copies or (c, a) in copies for c in chosen)]
        if not candidates:
            break
        chosen.append(max(candidates, key=lambda a: (np.mean([cos[a, c] for c in chosen]), a)))
    if len(chosen) > 2:
        more = ", ".join(f"{a} ({outlet_of[a]})" for a in chosen[2:])
        choice.reason += (f" Added, as the articles of other outlets closest to those chosen: "
                          f"{more}.")
    choice.article_ids = chosen
    return choice


def require(choice: EventChoice) -> list[str]:
    """The chosen ids, or a :class:`CorpusError` with the reason."""
    if not choice:
        raise CorpusError("no two articles of the corpus share an event_id, and none were found "
                          "to report the same event, so there is no like-for-like pair to "
                          "align; pass article_ids= to choose articles (the comparison then "
                          "mixes events). " + choice.reason)
    return choice.article_ids
