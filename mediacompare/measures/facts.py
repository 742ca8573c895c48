"""Across one event told by several outlets: which outlet carries each fact, and which leaves it out.

:func:`fact_presence` splits the articles of one event into sentences, groups
the sentences that tell the same fact across articles, and says for every
fact and outlet whether the outlet carries it; :func:`presence_matrix` makes
the facts × outlets table of it.

How facts are found
    Sentences are :func:`mediacompare.sentences` of each article's clean text,
    compared as :func:`~mediacompare.measures.align.align` compares them
    (TF-IDF of their words, fitted on the sentences of the event, cosine).
    They are grouped by average linkage: two groups of sentences become one
    fact while the mean cosine of their pairs is at least ``threshold``
    (default 0.2, align's ``threshold_related``: the same fact in other words),
    and never two sentences of one article (an article tells a fact once; two
    of its sentences in one group would chain unrelated facts). Each fact is
    shown by its most central sentence (the highest mean cosine with the others).

Reading it
    A fact only one outlet carries is what the others leave out, or what that
    outlet alone knew; a fact all carry is the common core (often agency
    copy). Bag-of-words limits apply: a fact told in quite other words is two
    facts, and two sentences with many shared words but different claims can
    be one. Read the sentences.
"""

from __future__ import annotations

import numbers
from typing import Any

import numpy as np
import pandas as pd
from sklearn.cluster import AgglomerativeClustering
from sklearn.feature_extraction.text import TfidfVectorizer

from ..errors import CorpusError
from ..document import analyse
from .events import find_events
from .words import _keys, _table

__all__ = ["FACT_COLUMNS", "choose_event", "fact_presence", "presence_matrix"]

#: Columns of :func:`fact_presence`, in order.
FACT_COLUMNS = ("event_id", "fact_id", "fact", "n_outlets", "outlet", "carried", "article_id",
                "sentence_id", "start", "end", "text", "cosine")
#: At most this many sentences of an event are grouped (their pairs grow as n²).
MAX_SENTENCES = 3000


def choose_event(events: pd.DataFrame) -> str:
    """The event told by the most outlets (then the most articles, then the earliest)."""
    counts = events.groupby("event_id", sort=False).agg(
        n_outlets=("outlet", "nunique"), n_articles=("article_id", "size"),
        start=("event_start", "first"))
    counts = counts[counts["n_articles"] > 1]
    if not len(counts):
        raise CorpusError("no event of the corpus has two articles, so no fact can be compared "
                          "across outlets; give event ids or lower find_events' threshold")
    counts = counts.reset_index().sort_values(["n_outlets", "n_articles", "start", "event_id"],
                                              ascending=[False, False, True, True])
    return str(counts["event_id"].iloc[0])


def _sentences_of(articles: pd.DataFrame) -> pd.DataFrame:
    rows = []
    for art in articles.itertuples(index=False):
        text = art.text if isinstance(art.text, str) else ""
        doc = analyse(text)
        for k, (s, words) in enumerate(zip(doc.sentences, doc.sentence_words())):
            if words:
                rows.append({"article_id": art.article_id, "outlet": art.outlet,
                             "sentence_id": k, "start": s.start, "end": s.end, "text": s.text})
    return pd.DataFrame(rows, columns=["article_id", "outlet", "sentence_id", "start", "end",
                                       "text"])


def _group(sents: pd.DataFrame, threshold: float) -> tuple[np.ndarray, np.ndarray]:
    """Fact label of every sentence, and the cosine matrix."""
    vectorizer = TfidfVectorizer(tokenizer=_keys, lowercase=False, token_pattern=None)
    X = vectorizer.fit_transform(sents["text"].tolist())
    sim = np.clip((X @ X.T).toarray(), 0.0, 1.0)
    if len(sents) == 1:
        return np.zeros(1, dtype=int), sim
    dist = 1.0 - sim
    article = sents["article_id"].to_numpy()
    dist[article[:, None] == article[None, :]] = float(len(sents) ** 2 + 4)
    np.fill_diagonal(dist, 0.0)
    model = AgglomerativeClustering(n_clusters=None, metric="precomputed", linkage="average",
                                    distance_threshold=1.0 - threshold + 1e-9)
    return model.fit(dist).labels_, sim


def fact_presence(source: Any, event_id: Any = None, *, events: pd.DataFrame | None = None,
                  threshold: float = 0.2) -> pd.DataFrame:
    """For each fact of one event, which outlets carry it and which leave it out.

    Parameters
    ----------
    source : Corpus or DataFrame
        The articles (``article_id``, ``text``, ``outlet``).
    event_id : str, optional
        The event; by default the one told by the most outlets
        (:func:`choose_event`) among the given or inferred events.
    events : DataFrame, optional
        A :func:`~mediacompare.find_events` table; by default computed.
    threshold : float, default 0.2
        Mean cosine at or above which sentences are one fact.

    Returns
    -------
    DataFrame
        Columns :data:`FACT_COLUMNS`: one row per fact and outlet of the event,
        ``carried`` True with the outlet's sentence (its article, id, offsets
        into the clean text, text and cosine with the fact's central sentence)
        or False with those missing. ``fact`` is the central sentence,
        ``n_outlets`` how many outlets carry it. Facts are numbered from the
        most widely carried, then in the order they first appear.

    Examples
    --------
    >>> arts = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["A", "B"], "event_id": ["e", "e"],
    ...     "text": ["Troops left Syria. It rained.", "Troops left Syria on Monday."]})
    >>> table = fact_presence(arts)
    >>> table[["fact_id", "outlet", "carried"]].values.tolist()
    [[1, 'A', True], [1, 'B', True], [2, 'A', True], [2, 'B', False]]
    """
    if isinstance(threshold, bool) or not isinstance(threshold, numbers.Real) \
            or not 0 < threshold <= 1:
        raise ValueError(f"threshold must be a number above 0 and at most 1; got {threshold!r}")
    articles = _table(source)
    if "outlet" not in articles:
        articles = articles.assign(outlet="unknown")
    articles = articles.assign(outlet=articles["outlet"].map(str))
    if events is None:
        events = find_events(source)
    if event_id is None:
        event_id = choose_event(events)
    event_id = str(event_id)
    members = events.loc[events["event_id"].map(str) == event_id, "article_id"].map(str)
    if not len(members):
        known = list(dict.fromkeys(events["event_id"].map(str)))
        raise CorpusError(f"event_id {event_id!r} is not in the events; events are: "
                          f"{', '.join(known[:20])}{', ...' if len(known) > 20 else ''}")
    chosen = articles[articles["article_id"].isin(set(members))]
    sents = _sentences_of(chosen)
    if len(sents) > MAX_SENTENCES:
        raise CorpusError(f"event {event_id!r} has {len(sents):,} sentences; at most "
                          f"{MAX_SENTENCES:,} are compared at once: choose fewer articles")
    outlets = list(dict.fromkeys(chosen["outlet"]))
    if not len(sents):
        return pd.DataFrame(columns=list(FACT_COLUMNS))
    labels, sim = _group(sents, threshold)
    sents = sents.assign(label=labels, position=sents["sentence_id"] / sents.groupby(
        "article_id")["sentence_id"].transform("max").clip(lower=1))
    facts = []
    for label, group in sents.groupby("label"):
        idx = group.index.to_numpy()
        central = idx[np.argmax(sim[np.ix_(idx, idx)].mean(axis=1))] if len(idx) > 1 else idx[0]
        facts.append({"label": label, "central": central, "n_outlets": group["outlet"].nunique(),
                      "first": group["position"].min(), "earliest": idx.min()})
    facts.sort(key=lambda f: (-f["n_outlets"], f["first"], f["earliest"]))
    rows = []
    for number, fact in enumerate(facts, start=1):
        group = sents[sents["label"] == fact["label"]]
        text = sents.at[fact["central"], "text"]
        for outlet in outlets:
            mine = group[group["outlet"] == outlet]
            row = {"event_id": event_id, "fact_id": number, "fact": text,
                   "n_outlets": fact["n_outlets"], "outlet": outlet, "carried": bool(len(mine))}
            if len(mine):
                best = mine.index[np.argmax(sim[fact["central"], mine.index])]
                row.update({"article_id": sents.at[best, "article_id"],
                            "sentence_id": sents.at[best, "sentence_id"],
                            "start": sents.at[best, "start"], "end": sents.at[best, "end"],
                            "text": sents.at[best, "text"],
                            "cosine": float(sim[fact["central"], best])})
            rows.append(row)
    frame = pd.DataFrame(rows, columns=list(FACT_COLUMNS))
    frame.attrs["threshold"] = threshold
    return frame.astype({"fact_id": "int64", "n_outlets": "int64", "carried": bool,
                         "sentence_id": "Int64", "start": "Int64", "end": "Int64",
                         "cosine": "float64"})


def presence_matrix(table: pd.DataFrame) -> pd.DataFrame:
    """Facts × outlets of a :func:`fact_presence` table: True where the outlet carries the fact.

    The index is ``(fact_id, fact)``, the columns the outlets in order.
    """
    needed = ("fact_id", "fact", "outlet", "carried")
    if not isinstance(table, pd.DataFrame) or any(c not in table.columns for c in needed):
        raise ValueError("table must be a fact_presence() table with columns "
                         + ", ".join(needed))
    outlets = list(dict.fromkeys(table["outlet"]))
    matrix = table.pivot_table(index=["fact_id", "fact"], columns="outlet", values="carried",
                               aggfunc="any", sort=True)
    return matrix.reindex(columns=outlets).astype(bool)
