r"""What one outlet tells and another leaves out: sentence alignment and omissions.

Outlets differ above all in what they leave out. :func:`align` pairs the
sentences of two to four articles and says, for every sentence of each pair of
articles, whether the other article has it in nearly the same words
(``shared``), tells the same fact in other words (``reworded``), or has no
counterpart (``only_in_a``: what article b leaves out; ``only_in_b``: what
article a leaves out). :func:`omissions` sums that up per pair.

:func:`wire_copy` finds republished text (agency copy, press releases, one
outlet reprinting another) across every pair of articles: a comparison of two
outlets carrying the same AFP wire story compares AFP with itself.

How sentences are aligned
    1. Sentences are :func:`mediacompare.sentences` of the clean ``text``
       (offsets into it: ``text[start_a:end_a] == text_a``).
    2. Each sentence becomes a TF-IDF vector of its words (the lowercase
       :attr:`~mediacompare.Token.norm` of the ``word``, ``number`` and
       ``abbreviation`` tokens of :func:`mediacompare.tokenize`, so ``U.S.``
       counts as a word, with a possessive ``'s`` dropped by :func:`word_key`,
       so ``Russia’s`` is ``russia``), fitted on the sentences of all the compared
       articles: a word that many of their sentences use (``the``, ``Syria``)
       weighs little, a rare one (``Khmeimim``) much. ``cosine`` is the cosine
       of two such vectors: 1 for the same words in the same proportions, 0
       for no word in common.
    3. For each pair of articles, sentences are matched one to one: the
       most similar pair first, then the most similar of the rest, and so on,
       down to ``threshold_related`` (a *stable* matching: two sentences more
       similar to each other than to their partners are never kept apart).
       Why not the assignment of maximum total cosine
       (:func:`scipy.optimize.linear_sum_assignment`)? It was tried first, and
       on the seeds it split the best pair, 001 sentence 9 and 002 sentence 12
       (both on Russia and Turkey working together, 0.28), to make two wrong
       ones (0.23 and 0.22), because two weak matches add up to more than one
       good one; a reader sees such a pairing as plainly wrong. One-to-one: a
       sentence that one outlet splits in two is matched to one half only.
       Order is not required: outlets reorder the same facts.
    4. A matched pair is ``shared`` when ``cosine >= threshold_same``,
       ``reworded`` when ``threshold_related <= cosine < threshold_same``;
       every unmatched sentence is ``only_in_a`` or ``only_in_b``.

The thresholds are heuristics, not measurements
    ``threshold_same=0.5`` and ``threshold_related=0.2`` were chosen by reading
    the matches of the seed articles 001 (Breitbart) and 002 (AFP), the best
    matches between seed articles of different events, and constructed
    examples (some are in ``tests/test_align.py``); no labelled paraphrase set
    was used. What was seen, with TF-IDF fitted on the two articles compared:

    * A sentence edited lightly (a word swapped, a name added, a clause
      dropped) scored 0.52 to 0.79, identical ones 1: ``shared``.
    * The same fact in other words scored 0.2 to 0.45: the six matches of the
      seed pair, all on the same fact, scored 0.24 to 0.43 ("Putin has
      reportedly ordered his Ministry of Defense to begin pulling out Russian
      troops" against "Putin has ordered the removal of Russian troops"); "Russia
      began pulling troops out of Syria on Monday." against "On Monday Moscow
      started withdrawing its forces from Syria." scored 0.28 there.
    * The best candidates below 0.2 in the seed pair (0.07 to 0.199) were on
      different facts, or only loosely on the same subject.

    Known failures: bag-of-words cosine cannot see synonyms (``Moscow`` for
    ``Russia``) or negation; short sentences swing most (two shared rare
    words can lift a pair above 0.5); and two long sentences that share only
    function words can pass 0.2 (``the``, ``in``, ``of``, ``with``, ``and``
    gave 0.36 between seed articles 003 and 004). So a ``reworded`` pair is a
    prompt to read both sentences, and an ``only_in_a`` sentence may be told in
    words the cosine missed. Removing stop words or damping repeated words
    (sublinear tf) was tried and lost true matches of the seed pair. Change
    the thresholds when your texts call for it, and say so.

    :func:`wire_copy` and :func:`copied_passages` live in
    :mod:`mediacompare.measures.wire` and are re-exported here.
"""

from __future__ import annotations

import itertools
import numbers
from collections import Counter
from typing import Any

import numpy as np
import pandas as pd

from ..corpus.model import Corpus
from ..errors import CorpusError
from ..document import analyse
from .ordering import _reading_order, reading_order
from .wire import WIRE_COLUMNS, copied_passages, wire_copy
from .words import _known, _missing, _n_words, _table, word_key

__all__ = ["ALIGN_COLUMNS", "ALIGN_STATUSES", "MAX_ARTICLES", "OMISSION_COLUMNS", "WIRE_COLUMNS",
           "align", "copied_passages", "omissions", "reading_order", "wire_copy",
           "word_key"]


#: The values of the ``status`` column of :func:`align`.
ALIGN_STATUSES = ("shared", "reworded", "only_in_a", "only_in_b")
#: Columns of :func:`align`, in order.
ALIGN_COLUMNS = ("article_a", "outlet_a", "sentence_a", "start_a", "end_a", "text_a",
                 "article_b", "outlet_b", "sentence_b", "start_b", "end_b", "text_b",
                 "cosine", "status", "same_event")
#: Columns of :func:`omissions`, in order.
OMISSION_COLUMNS = ("article_a", "outlet_a", "article_b", "outlet_b", "same_event",
                    "n_sentences_a", "n_sentences_b", "n_shared", "n_reworded", "n_only_in_a",
                    "n_only_in_b", "n_words_a", "n_words_b", "n_words_only_in_a",
                    "n_words_only_in_b")
#: At most this many articles are aligned at once (their pairs grow as n²).
MAX_ARTICLES = 4


# ---------------------------------------------------------------- choosing articles

def _choose(source: Any, table: pd.DataFrame, article_ids: Any,
            events: pd.DataFrame | None) -> tuple[list[str], str, pd.DataFrame | None]:
    """The ids to align, why, and the events table the choice used (if any)."""
    known = table["article_id"].tolist()
    if article_ids is None:
        if isinstance(source, Corpus) or events is not None or len(known) > MAX_ARTICLES:
            from .event_pairs import best_set, require  # finding events loads scikit-learn: only here

            choice = best_set(table if not isinstance(source, Corpus) else source, events,
                              max_articles=MAX_ARTICLES)
            return require(choice), choice.reason, choice.events
        ids, reason = known, "the articles of the table, as given"
    else:
        if isinstance(article_ids, (str, numbers.Integral)):
            article_ids = [article_ids]
        ids = list(dict.fromkeys(str(a) for a in article_ids))
        unknown = [a for a in ids if a not in set(known)]
        if unknown:
            raise CorpusError(f"article_ids {', '.join(map(repr, unknown))} not in the "
                              f"articles; article ids are: {_known(known)}")
        if len(ids) > MAX_ARTICLES:
            raise CorpusError(f"align compares at most {MAX_ARTICLES} articles at once; "
                              f"got {len(ids)} article_ids: {', '.join(ids)}")
        reason = "named by the user"
    if len(ids) < 2:
        raise CorpusError(f"align needs at least 2 articles to compare; got {len(ids)} "
                          f"({', '.join(ids) or 'none'}); article ids are: {_known(known)}")
    return ids, reason, events


def _fill_events(records: dict, events: pd.DataFrame | None) -> bool:
    """Give articles without an ``event_id`` the one ``events`` found; True if any was."""
    if events is None or "event_id" not in events.columns:
        return False
    found = dict(zip(events["article_id"].map(str), events["event_id"]))
    filled = False
    for aid, record in records.items():
        given = record.get("event_id")
        if (_missing(given) or str(given) == "") and aid in found:
            record["event_id"] = found[aid]
            filled = True
    return filled


def _same_event(a: dict, b: dict) -> Any:
    ea, eb = a.get("event_id"), b.get("event_id")
    if _missing(ea) or _missing(eb) or str(ea) == "" or str(eb) == "":
        return pd.NA
    return str(ea) == str(eb)



# ---------------------------------------------------------------- align

def _check_thresholds(threshold_same: Any, threshold_related: Any) -> tuple[float, float]:
    for name, value in (("threshold_same", threshold_same),
                        ("threshold_related", threshold_related)):
        if isinstance(value, bool) or not isinstance(value, numbers.Real) or not 0 <= value <= 1:
            raise ValueError(f"{name} must be a number from 0 to 1; got {value!r}")
    if threshold_related > threshold_same:
        raise ValueError(f"threshold_related ({threshold_related!r}) must not exceed "
                         f"threshold_same ({threshold_same!r})")
    return float(threshold_same), float(threshold_related)


def _as_given(words: list[str]) -> list[str]:
    return words


def _vectors(by_article: dict[str, list[list[str]]]) -> dict[str, Any]:
    """L2-normalised TF-IDF rows (a sparse matrix) of every sentence, fitted on all of them.

    ``by_article``: the words of each sentence of each article (from its analysis)."""
    docs = [[word_key(w) for w in words] for sents in by_article.values() for words in sents]
    if not any(docs):  # no word at all: every cosine is 0
        return {a: np.zeros((len(s), 1)) for a, s in by_article.items()}
    from sklearn.feature_extraction.text import TfidfVectorizer  # scikit-learn loads when first needed

    vectorizer = TfidfVectorizer(analyzer=_as_given)
    matrix = vectorizer.fit_transform(docs).tocsr()
    out, pos = {}, 0
    for aid, sents in by_article.items():
        out[aid] = matrix[pos:pos + len(sents)]
        pos += len(sents)
    return out


def _match(cos: np.ndarray, threshold_related: float) -> dict[int, int]:
    """The stable one-to-one matching of rows to columns among pairs at or above the threshold.

    Greedy by descending cosine (ties: lower row, then lower column): with
    symmetric similarities this is the one matching in which no two sentences
    more similar to each other than to their partners are kept apart.

    >>> _match(np.array([[0.28, 0.23], [0.21, 0.0]]), 0.2)
    {0: 0}
    """
    rows, cols = np.nonzero((cos >= threshold_related) & (cos > 0))
    order = np.lexsort((cols, rows, -cos[rows, cols]))
    matches: dict[int, int] = {}
    taken: set[int] = set()
    for k in order:
        i, j = int(rows[k]), int(cols[k])
        if i not in matches and j not in taken:
            matches[i] = j
            taken.add(j)
    return matches


def align(source: Any, article_ids: Any = None, *, threshold_same: float = 0.5,
          threshold_related: float = 0.2, events: pd.DataFrame | None = None) -> pd.DataFrame:
    """Align the sentences of two to four articles: what each tells that another does not.

    Parameters
    ----------
    source : Corpus, DataFrame or str
        A corpus, or an articles table with ``article_id`` and ``text`` (and
        ``outlet``, ``event_id`` when known).
    article_ids : list, optional
        The articles to compare (2 to :data:`MAX_ARTICLES`), in this order:
        each pair ``(a, b)`` has a before b. Default: for a Corpus, a table of
        more than :data:`MAX_ARTICLES` articles or when ``events`` is given, the
        same-event set with the most shared content, from the given event ids
        or, where there are none, from the events :func:`~mediacompare.find_events`
        infers (:func:`~mediacompare.measures.event_pairs.best_set`, which says
        why in ``attrs["chosen_because"]``); for a smaller table, all its articles.
    threshold_same, threshold_related : float
        Cosine at or above which a matched pair is ``shared``, and at or above
        which (but below ``threshold_same``) it is ``reworded``; below
        ``threshold_related`` two sentences are not matched at all. Heuristics:
        see the module docstring for how they were chosen and where they fail.
    events : DataFrame, optional
        A :func:`~mediacompare.find_events` table (say, corrected by hand): it
        chooses the articles when none are named, and tells ``same_event`` for
        articles without an ``event_id`` of their own.

    Returns
    -------
    DataFrame
        Columns :data:`ALIGN_COLUMNS`, one row per sentence per pair of
        articles: every sentence of a and of b appears exactly once in each of
        its pairs, either in a matched row (``shared``, ``reworded``) or alone
        (``only_in_a`` with the b columns missing, ``only_in_b`` the other way
        round). ``sentence_*`` count from 0 within the article (as
        :func:`~mediacompare.sentence_frame`), ``text_a`` equals the article's
        ``text[start_a:end_a]``; ``cosine`` is missing for unmatched rows;
        ``same_event`` is True when both articles have the same ``event_id``
        (given, or inferred when the choice used inferred events), False when
        they differ, missing when one is unknown. Rows come pair by pair in
        :func:`reading_order`. ``attrs`` holds the thresholds,
        ``chosen_because`` (why these articles) and ``events_inferred`` (True
        when an event id came from :func:`~mediacompare.find_events`).

    Raises
    ------
    CorpusError (a ValueError)
        Fewer than 2 or more than :data:`MAX_ARTICLES` articles, or an unknown
        article id (the message lists the ids there are).

    Examples
    --------
    >>> arts = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["A", "B"], "text": [
    ...     "Troops left Syria. Russia began pulling troops out of Syria on Monday. It rained.",
    ...     "Troops left Syria. On Monday Moscow started withdrawing its forces from Syria."]})
    >>> table = align(arts)
    >>> table[["sentence_a", "sentence_b", "status"]].values.tolist()
    [[0, 0, 'shared'], [1, 1, 'reworded'], [2, <NA>, 'only_in_a']]
    >>> table["cosine"].round(2).tolist()
    [1.0, 0.22, nan]
    """
    threshold_same, threshold_related = _check_thresholds(threshold_same, threshold_related)
    table = _table(source)
    ids, reason, events = _choose(source, table, article_ids, events)
    records = {r["article_id"]: r for r in table.to_dict("records") if r["article_id"] in ids}
    inferred = _fill_events(records, events)
    texts = {a: records[a]["text"] if isinstance(records[a]["text"], str) else "" for a in ids}
    docs = {a: analyse(texts[a]) for a in ids}
    by_article = {a: docs[a].sentences for a in ids}
    vectors = _vectors({a: docs[a].sentence_words() for a in ids})

    rows: list[dict] = []
    for a, b in itertools.combinations(ids, 2):
        sa, sb = by_article[a], by_article[b]
        product = vectors[a] @ vectors[b].T
        cos = np.clip(product.toarray() if hasattr(product, "toarray") else product, 0.0, 1.0)
        matches = _match(cos, threshold_related)
        same = _same_event(records[a], records[b])
        for i, j in _reading_order(len(sa), len(sb), matches):
            row = {"article_a": a, "outlet_a": str(records[a].get("outlet")),
                   "article_b": b, "outlet_b": str(records[b].get("outlet")),
                   "same_event": same, "sentence_a": i, "sentence_b": j, "cosine": np.nan}
            for side, k, sents in (("a", i, sa), ("b", j, sb)):
                s = sents[k] if k is not None else None
                row[f"start_{side}"] = None if s is None else s.start
                row[f"end_{side}"] = None if s is None else s.end
                row[f"text_{side}"] = None if s is None else s.text
            if i is None:
                row["status"] = "only_in_b"
            elif j is None:
                row["status"] = "only_in_a"
            else:
                row["cosine"] = float(cos[i, j])
                row["status"] = "shared" if cos[i, j] >= threshold_same else "reworded"
            rows.append(row)
    frame = pd.DataFrame(rows, columns=list(ALIGN_COLUMNS))
    frame = frame.astype({
        "article_a": str, "outlet_a": str, "article_b": str, "outlet_b": str, "text_a": str,
        "text_b": str, "status": str, "cosine": "float64", "same_event": "boolean",
        **{c: "Int64" for c in ("sentence_a", "start_a", "end_a",
                                "sentence_b", "start_b", "end_b")}})
    frame.attrs["threshold_same"] = threshold_same
    frame.attrs["threshold_related"] = threshold_related
    frame.attrs["chosen_because"] = reason
    frame.attrs["events_inferred"] = inferred
    return frame


def omissions(alignment: pd.DataFrame) -> pd.DataFrame:
    """One row per pair of an :func:`align` table: what each article has that the other lacks.

    Returns
    -------
    DataFrame
        Columns :data:`OMISSION_COLUMNS`: the sentences of each article, how
        many are ``shared``, ``reworded``, ``only_in_a`` (what b leaves out) and
        ``only_in_b`` (what a leaves out), and the words (word, number and
        abbreviation tokens) of each article and of its omitted sentences. Counts
        only: divide ``n_words_only_in_a`` by ``n_words_a`` for a share.

    Examples
    --------
    >>> arts = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["A", "B"],
    ...                      "text": ["Troops left Syria. It rained all day.", "Troops left Syria."]})
    >>> omissions(align(arts))[["n_shared", "n_only_in_a", "n_words_only_in_a"]].values.tolist()
    [[1, 1, 4]]
    """
    needed = ("article_a", "article_b", "sentence_a", "sentence_b", "text_a", "text_b", "status")
    if not isinstance(alignment, pd.DataFrame):
        raise TypeError(f"alignment must be the DataFrame of align(); got {type(alignment).__name__}")
    missing = [c for c in needed if c not in alignment.columns]
    if missing:
        raise ValueError(f"alignment is missing the columns {', '.join(missing)}; it has: "
                         f"{', '.join(map(str, alignment.columns))}")
    rows = []
    for (a, b), pair in alignment.groupby(["article_a", "article_b"], sort=False):
        status = Counter(pair["status"])
        words_a = pair["text_a"].map(_n_words)
        words_b = pair["text_b"].map(_n_words)
        first = pair.iloc[0]
        rows.append({
            "article_a": a, "outlet_a": first.get("outlet_a", pd.NA),
            "article_b": b, "outlet_b": first.get("outlet_b", pd.NA),
            "same_event": first.get("same_event", pd.NA),
            "n_sentences_a": int(pair["sentence_a"].notna().sum()),
            "n_sentences_b": int(pair["sentence_b"].notna().sum()),
            "n_shared": status["shared"], "n_reworded": status["reworded"],
            "n_only_in_a": status["only_in_a"], "n_only_in_b": status["only_in_b"],
            "n_words_a": int(words_a.sum()), "n_words_b": int(words_b.sum()),
            "n_words_only_in_a": int(words_a[pair["status"] == "only_in_a"].sum()),
            "n_words_only_in_b": int(words_b[pair["status"] == "only_in_b"].sum()),
        })
    frame = pd.DataFrame(rows, columns=list(OMISSION_COLUMNS))
    counts = [c for c in OMISSION_COLUMNS if c.startswith("n_")]
    return frame.astype({**{c: "int64" for c in counts}, "same_event": "boolean"})

