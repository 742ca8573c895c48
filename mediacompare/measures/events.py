r"""Same events found, not given: group a corpus into the events its articles report.

:func:`find_events` gives every article an event, a score and the evidence;
:func:`event_table` sums the events up. An *event* here is what a handful of
days of news is about (a speech, a vote, an attack and the reactions to it),
not a story line: articles on the same story line months or years apart are
different events, however alike their words (the seeds tell the Russian
withdrawal from Syria in 2016, 2017, 2018 and 2021: four events).

How events are found
    1. Each article becomes a TF-IDF vector of its words (scikit-learn's
       :class:`~sklearn.feature_extraction.text.TfidfTransformer`, sublinear
       term frequency, rows of unit length; what counts as a word, and the
       extra weight of title words and of names, is in
       :mod:`~mediacompare.measures.event_features`).
    2. Two articles' similarity is the cosine of their vectors: 0 for no word in
       common, 1 for the same words in the same proportions.
    3. Articles are grouped by average linkage under a time limit
       (:mod:`~mediacompare.measures.event_grouping`): two groups merge while
       the mean similarity of their pairs is at least ``threshold`` and no two
       of their articles are more than ``max_days`` apart. Articles with no day
       date join an event only at ``undated_threshold``.
    4. An article left alone then joins the event whose *shared* words (the
       terms two or more of its articles use) it shares at ``threshold``, within
       the time limit (:mod:`~mediacompare.measures.event_attach`;
       ``join_alone=False`` turns this off).
    5. Event ids given by the user always win: articles with an ``event_id``
       keep it, the user's events are never split or merged, and other articles
       may join them (``basis`` = ``joined_given``, ``inferred`` = True).

What the score means
    ``score`` is the article's mean similarity with the other articles of its
    event (the quantity the grouping compares with ``threshold``; an article
    that joined on the event's shared words can score below it, and its
    ``date_note`` says so): 0.2 says
    that on average the article's weighted words overlap a fifth with each
    other member's. ``runner_up_score`` is the same for the closest other
    event within the time limit: a score well above the runner-up is a sure
    assignment; two close figures deserve a look. ``shared_names`` and
    ``shared_terms`` are the words that contribute most to the score.

How the defaults were chosen (``benchmarks/events.py``; results in ``benchmarks/results/events.md``)
    On 208 hand-labelled articles of seven US publishers (PolNeAR, 2015-2016:
    48 events of two to eight articles, and 63 articles alone), same-event pairs
    scored a median cosine of 0.13, and 95% of the pairs of other news within
    three days scored below 0.11. Of the thresholds tried (0.06 to 0.14),
    0.09 gave the best pairwise F1 on those articles alone (0.865; 0.913 with
    the joining of step 4, which reuses it) and, with step 4, 0.833 when they
    were mixed with the 632 other articles of the same months (0.841 at 0.11); a
    two-fold check (chosen on half of the events, measured on the other half)
    gave 0.89 and 0.94. ``max_days=3``: a week merged unrelated
    campaign stories of the same days. Content alone (dates hidden) reached a
    precision of at most 0.74 at any threshold from 0.2 to 0.35, finding a tenth
    of the same-event pairs or less, hence the cautious ``undated_threshold=0.25``.
    These are rules of thumb for news of one broad topic; change them for your
    corpus and say so.

Known limits
    Words, not meaning: two reports of one event in different words (or
    languages) stay apart, and two events of one place and cast in the same
    days (a debate and its candidates' rallies) can merge. Read the evidence,
    and correct by giving ``event_id`` where you know better.
"""

from __future__ import annotations

import numbers
import re
import unicodedata
from typing import Any

import numpy as np
import pandas as pd

from .event_evidence import event_words, evidence, runner_ups
from .event_features import TermTable, iso, read_articles, vectors
from .event_grouping import group_articles

__all__ = ["EVENT_COLUMNS", "EVENT_TABLE_COLUMNS", "event_table", "find_events"]

#: Columns of :func:`find_events`, in order.
EVENT_COLUMNS = ("article_id", "outlet", "date", "event_id", "event_name", "inferred", "basis",
                 "n_articles", "score", "shared_names", "shared_terms", "event_start",
                 "event_end", "days_from_start", "date_note", "runner_up_event",
                 "runner_up_score")
#: Columns of :func:`event_table`, in order.
EVENT_TABLE_COLUMNS = ("event_id", "event_name", "n_articles", "n_outlets", "outlets", "start",
                       "end", "given", "mean_score", "names", "terms", "article_ids")
#: The values of the ``basis`` column.
BASES = ("given", "joined_given", "content_and_date", "content_only", "alone")


# ---------------------------------------------------------------- parameters

def _real(name: str, value: Any, low: float, high: float, *, low_open: bool = False) -> float:
    ok = isinstance(value, numbers.Real) and not isinstance(value, bool) and np.isfinite(value)
    if not ok or value > high or value < low or (low_open and value == low):
        bound = f"{'above' if low_open else 'at least'} {low:g} and at most {high:g}"
        raise ValueError(f"{name} must be a number {bound}; got {value!r}")
    return float(value)


def _integer(name: str, value: Any, low: int) -> int:
    if isinstance(value, bool) or not isinstance(value, numbers.Integral) or value < low:
        raise ValueError(f"{name} must be a whole number of at least {low}; got {value!r}")
    return int(value)


def check_params(threshold, undated_threshold, max_days, title_weight, name_weight,
                 max_block) -> dict:
    """The grouping parameters, checked (the message names the parameter and the value)."""
    params = {"threshold": _real("threshold", threshold, 0.0, 1.0, low_open=True),
              "max_days": _integer("max_days", max_days, 0),
              "title_weight": _real("title_weight", title_weight, 0.0, 100.0),
              "name_weight": _real("name_weight", name_weight, 0.0, 100.0),
              "max_block": _integer("max_block", max_block, 2)}
    params["undated_threshold"] = max(params["threshold"], _real(
        "undated_threshold", undated_threshold, 0.0, 1.0, low_open=True))
    return params


# ---------------------------------------------------------------- naming

class EventWords(dict):
    """The names and terms of each event, in a :func:`find_events` table's ``attrs``.

    Shared, not copied: pandas deep-copies a frame's ``attrs`` into every frame
    it derives (a column, a group, a filtered copy), and a deep copy of the
    words of every event in each of those made a loop over events cost time in
    the square of the events (``event_table`` on 840 articles: 11 s).
    """

    def __deepcopy__(self, memo):
        return self


def _slug(words: list[str]) -> str:
    text = unicodedata.normalize("NFKD", "-".join(words)).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:40] or "event"


def _span_text(start: int | None, end: int | None) -> str:
    if start is None:
        return "undated"
    return iso(start) if start == end else f"{iso(start)} to {iso(end)}"


def group(table: TermTable, X, params: dict):
    """Cluster labels of the articles, the flag of cut blocks, the near pairs, and the
    similarity on which an article left alone joined an event (NaN: not so)."""
    meta = table.meta
    start = np.array([m["date"].start if m["date"].dated else -1 for m in meta], dtype=np.int64)
    end = np.array([m["date"].end if m["date"].dated else -1 for m in meta], dtype=np.int64)
    precise = np.array([m["date"].precision == "day" for m in meta])
    codes, _ = pd.factorize(pd.Series([m["given"] or None for m in meta], dtype=object))
    labels, cut, near, joined = group_articles(
        X, start, end, precise, np.asarray(codes, dtype=np.int64),
        threshold=params["threshold"], undated_threshold=params["undated_threshold"],
        max_days=params["max_days"], max_block=params["max_block"],
        join_alone=params.get("join_alone", True))
    return labels, cut, near, joined, start, end, precise


def _event_ids(table: TermTable, X, terms, labels, start, end) -> tuple[dict, dict, dict, dict]:
    """Event id, name, (names, terms) and (first, last day) of every cluster label."""
    meta = table.meta
    taken = {m["given"] for m in meta if m["given"]}
    words = event_words(table, X, terms, labels)
    given: dict = {}
    first: dict = {}
    last: dict = {}
    for i, label in enumerate(labels.tolist()):
        if meta[i]["given"]:
            given.setdefault(label, meta[i]["given"])
        if start[i] >= 0:
            first[label] = min(first.get(label, start[i]), start[i])
            last[label] = max(last.get(label, end[i]), end[i])
    ids, names, spans = {}, {}, {}
    for label in range(int(labels.max()) + 1):
        top_names, top_terms = words[label]
        a, b = first.get(label), last.get(label)
        spans[label] = (None if a is None else int(a), None if b is None else int(b))
        names[label] = (f"{', '.join(top_names) or '-'} · {', '.join(top_terms) or '-'} "
                        f"({_span_text(*spans[label])})")
        if label in given:
            ids[label] = given[label]
            continue
        base = f"{iso(spans[label][0]) or 'undated'}-{_slug((top_names + top_terms)[:2])}"
        event_id, k = base, 2
        while event_id in taken:
            event_id, k = f"{base}-{k}", k + 1
        taken.add(event_id)
        ids[label] = event_id
    return ids, names, words, spans


# ---------------------------------------------------------------- the tables

def find_events(source: Any, *, threshold: float = 0.09, max_days: int = 3,
                undated_threshold: float = 0.25, use_given: bool = True,
                title_weight: float = 3.0, name_weight: float = 2.0,
                max_block: int = 2000, join_alone: bool = True) -> pd.DataFrame:
    """Group articles into the events they report: one row per article, with its evidence.

    Parameters
    ----------
    source : Corpus, DataFrame or iterable of articles
        ``article_id``, ``text`` and, when known, ``title``, ``outlet``, ``date``
        and ``event_id``; or articles one at a time (``mc.iter_articles(path)``),
        which keeps only their word counts, never their text.
    threshold : float, default 0.09
        Mean similarity (cosine of TF-IDF vectors) at or above which two groups
        of articles become one event.
    max_days : int, default 3
        No event holds two articles more than this many days apart (by their
        dates; a month-only date spans its month).
    undated_threshold : float, default 0.25
        The threshold for an article without a day date (undated, or only a
        month or a year): time cannot rule anything out, so more shared wording
        is asked for (never less than ``threshold``).
    use_given : bool, default True
        Keep the ``event_id`` the articles have (False: infer every event, to
        check the given ones).
    title_weight, name_weight : float
        How many times a word of the title, and a name inside a sentence, count.
    max_block : int, default 2000
        Largest set of linked articles grouped at once (memory grows with its
        square); larger sets are cut in date order and their articles noted.
    join_alone : bool, default True
        After the grouping, an article left alone (with a day date) joins the
        event within the time limit whose *shared* words it shares most, when
        its cosine with them is at least ``threshold``: the terms that two or
        more of the event's articles use, summed
        (:mod:`~mediacompare.measures.event_attach`). Its ``date_note`` says so.

    Returns
    -------
    DataFrame
        Columns :data:`EVENT_COLUMNS`, in the order of the articles:
        ``event_id`` (the user's, or an inferred ``<first date>-<two words>``),
        ``event_name`` (its top names and words and its dates), ``inferred``
        (True unless the user gave the id), ``basis`` (one of :data:`BASES`),
        ``n_articles`` in the event, ``score`` (mean similarity with the other
        articles of the event; NaN when alone), ``shared_names`` and
        ``shared_terms`` (what the score rests on), ``event_start`` and
        ``event_end`` (ISO dates), ``days_from_start`` (the article's first day
        against the event's), ``date_note`` (in words), and the closest other
        event within the time limit with its score. ``attrs`` holds the
        parameters.

    Examples
    --------
    >>> arts = pd.DataFrame({"article_id": ["a", "b", "c"], "outlet": ["A", "B", "C"],
    ...     "date": ["2020-05-01", "2020-05-02", "2021-05-01"],
    ...     "title": ["Storm floods Riverton", "Riverton flooded by storm", "Riverton storm"],
    ...     "text": ["The storm flooded Riverton on Friday.", "Floods hit Riverton after the storm.",
    ...              "A storm flooded Riverton, a year on."]})
    >>> find_events(arts)[["article_id", "event_id", "basis", "days_from_start"]]
      article_id                   event_id             basis  days_from_start
    0          a  2020-05-01-riverton-storm  content_and_date                0
    1          b  2020-05-01-riverton-storm  content_and_date                1
    2          c  2021-05-01-riverton-storm             alone                0
    """
    params = check_params(threshold, undated_threshold, max_days, title_weight, name_weight,
                          max_block)
    if not isinstance(use_given, bool):
        raise ValueError(f"use_given must be True or False; got {use_given!r}")
    if not isinstance(join_alone, bool):
        raise ValueError(f"join_alone must be True or False; got {join_alone!r}")
    params["join_alone"] = join_alone
    table = read_articles(source, title_weight=params["title_weight"],
                          name_weight=params["name_weight"], use_given=use_given)
    X, terms = vectors(table)
    labels, cut, near, joined, start, end, precise = group(table, X, params)
    frame = events_frame(table, X, terms, labels, cut, near, start, precise, params, joined)
    frame.attrs.update(params, use_given=use_given)
    return frame


def events_frame(table, X, terms, labels, cut, near, start, precise, params,
                 joined=None) -> pd.DataFrame:
    """The rows of :func:`find_events` from the grouped articles."""
    meta = table.meta
    end = np.array([m["date"].end if m["date"].dated else -1 for m in meta], dtype=np.int64)
    ids, names, words, spans = _event_ids(table, X, terms, labels, start, end)
    size = np.bincount(labels)
    has_given = np.bincount(labels, weights=[bool(m["given"]) for m in meta]) > 0
    scores, shared_names, shared_terms = evidence(table, X, terms, labels)
    runner_event, runner_score = runner_ups(X, labels, near)
    rows = []
    for i, m in enumerate(meta):
        label, span = labels[i], m["date"]
        k = int(size[label])
        if m["given"]:
            basis = "given"
        elif has_given[label]:
            basis = "joined_given"
        elif k == 1:
            basis = "alone"
        else:
            basis = "content_and_date" if precise[i] else "content_only"
        a, b = spans[label]
        offset = pd.NA if not span.dated or a is None else int(span.start - a)
        rows.append({
            "article_id": m["article_id"], "outlet": m["outlet"], "date": span.text,
            "event_id": ids[label], "event_name": names[label], "inferred": not m["given"],
            "basis": basis, "n_articles": k, "score": scores[i],
            "shared_names": ", ".join(shared_names[i]), "shared_terms": ", ".join(shared_terms[i]),
            "event_start": iso(a), "event_end": iso(b), "days_from_start": offset,
            "date_note": date_note(span, a, b, k, bool(cut[i]), params,
                                   None if joined is None else joined[i]),
            "runner_up_event": ids[runner_event[i]] if runner_event[i] >= 0 else "",
            "runner_up_score": runner_score[i]})
    frame = pd.DataFrame(rows, columns=list(EVENT_COLUMNS))
    frame.attrs["event_words"] = EventWords({ids[label]: {"names": ", ".join(w[0]), "terms": ", ".join(w[1])}
                                             for label, w in words.items()})
    return frame.astype({"inferred": bool, "n_articles": "int64", "score": "float64",
                         "days_from_start": "Int64", "runner_up_score": "float64"})


def date_note(span, first, last, k, cut, params, joined=None) -> str:
    """The article's date against its event's, in words (and, for an article that joined on
    the event's shared words, on what similarity)."""
    need = f"needs a similarity of {params['undated_threshold']:g}"
    if not span.dated:
        what = "no date" if span.precision == "none" else f"date {span.text!r} not read"
        note = f"{what}: grouped on content alone ({need})"
        if k == 1:
            note += "; no article is close enough"
    elif span.precision != "day":
        note = (f"only the {span.precision} is known ({span.text}): grouped on content within "
                f"that {span.precision} and {params['max_days']} days around it ({need})")
        if k == 1:
            note += "; no article is close enough"
    elif k == 1:
        note = f"{span.text}; no article within {params['max_days']} days is close enough"
    else:
        days = span.start - first
        where = "the event's first day" if days == 0 else \
            f"{days} day{'s' if days != 1 else ''} after the event's first article"
        note = f"{span.text}, {where} (the event runs {_span_text(first, last)})"
    if joined is not None and np.isfinite(joined):
        note += (f"; joined on the words the event's articles share (cosine {joined:.2f}, "
                 f"threshold {params['threshold']:g})")
    if cut:
        note += (f"; grouped within a block of at most {params['max_block']} linked articles "
                 "(a larger linked set was cut in date order)")
    return note


def event_table(events: pd.DataFrame) -> pd.DataFrame:
    """One row per event of a :func:`find_events` table, the largest first.

    ``given`` is True for an event id the user gave; ``mean_score`` is the
    mean of its articles' scores; ``names`` and ``terms`` are those of
    ``event_name``; ``article_ids`` lists its articles.
    """
    needed = ("article_id", "outlet", "event_id", "event_name", "inferred", "score",
              "event_start", "event_end")
    if not isinstance(events, pd.DataFrame) or any(c not in events.columns for c in needed):
        raise ValueError("events must be the DataFrame of find_events(); needed columns: "
                         + ", ".join(needed))
    rows = []
    for event_id, group_rows in events.groupby("event_id", sort=False):
        outlets = list(dict.fromkeys(group_rows["outlet"].map(str)))
        name = str(group_rows["event_name"].iloc[0])
        known = events.attrs.get("event_words", {}).get(event_id)
        if known:
            names, terms = known["names"], known["terms"]
        else:  # the name reads "names · terms (dates)"
            names, _, terms = name.rsplit(" (", 1)[0].partition(" · ")
            names, terms = names.strip(" -"), terms.strip(" -")
        rows.append({"event_id": event_id, "event_name": name, "n_articles": len(group_rows),
                     "n_outlets": len(outlets), "outlets": ", ".join(outlets),
                     "start": group_rows["event_start"].iloc[0],
                     "end": group_rows["event_end"].iloc[0],
                     "given": bool((~group_rows["inferred"]).any()),
                     "mean_score": group_rows["score"].mean(), "names": names, "terms": terms,
                     "article_ids": ", ".join(group_rows["article_id"].map(str))})
    frame = pd.DataFrame(rows, columns=list(EVENT_TABLE_COLUMNS))
    frame = frame.sort_values(["n_articles", "start", "event_id"], ascending=[False, True, True],
                              kind="stable").reset_index(drop=True)
    return frame.astype({"n_articles": "int64", "n_outlets": "int64", "given": bool,
                         "mean_score": "float64"})
