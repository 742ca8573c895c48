"""Agreement between annotators: percent agreement and Cohen's kappa for every pair.

A teacher sets the class's picks beside each other and beside the lexicon: each
student (and the labeller) marks words in the same passages; every word of the
passages is then *marked* or *not marked* by each annotator, and each pair of
annotators gets the share of words on which they agree and Cohen's kappa
(Cohen 1960), which discounts the agreement two annotators would reach by
chance given how much each marks. Kappa is NaN where chance agreement is
total (both marked everything, or nothing): there is nothing to discount.
"""

from __future__ import annotations

from itertools import combinations
from typing import Mapping

import pandas as pd

from ..features.label import articles_of
from .agreement import _article
from .annotations import Annotations, check_spans

__all__ = ["annotator_agreement", "cohen_kappa"]

_NAN = float("nan")


def cohen_kappa(a: list[bool], b: list[bool]) -> float:
    """Cohen's kappa of two annotators' yes/no decisions on the same units.

    >>> cohen_kappa([True, True, False, False], [True, False, False, False])
    0.5
    >>> cohen_kappa([False, False], [False, False]) != 0   # NaN: no variation to agree on
    True
    """
    n = len(a)
    if n != len(b):
        raise ValueError(f"both annotators need a decision on every unit; got {n} and {len(b)}")
    if n == 0:
        return _NAN
    observed = sum(x == y for x, y in zip(a, b)) / n
    pa, pb = sum(a) / n, sum(b) / n
    chance = pa * pb + (1 - pa) * (1 - pb)
    return _NAN if chance == 1 else (observed - chance) / (1 - chance)


def _as_table(annotations) -> pd.DataFrame:
    if isinstance(annotations, Mapping):
        parts = []
        for name, spans in annotations.items():
            spans = spans.spans if isinstance(spans, Annotations) else spans
            parts.append(spans.assign(annotator=str(name)))
        annotations = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame()
    elif isinstance(annotations, Annotations):
        annotations = annotations.spans
    if not isinstance(annotations, pd.DataFrame):
        raise TypeError("annotations must be a DataFrame with an annotator column, Annotations, or "
                        f"a dict of name -> spans; got {type(annotations).__name__}")
    missing = [c for c in ("article_id", "start", "end", "annotator") if c not in annotations]
    if missing:
        raise ValueError(f"annotations are missing the columns {', '.join(missing)}; pass a dict "
                         "{name: spans} or a table with an annotator column")
    return annotations.assign(article_id=annotations["article_id"].astype(str),
                              annotator=annotations["annotator"].astype(str))


def annotator_agreement(annotations, source, *, by_category: bool = False,
                        annotators: list[str] | None = None) -> pd.DataFrame:
    """Percent agreement and Cohen's kappa, word by word, for every pair of annotators.

    Parameters
    ----------
    annotations : dict, DataFrame or Annotations
        ``{name: spans}`` (each a table with ``article_id, start, end`` and, for
        ``by_category``, ``category``; the labeller's spans work as they are),
        or one table with an ``annotator`` column.
    source : Corpus, DataFrame or str
        The texts the annotators read; every word of every text counts (a
        text with no span from an annotator is one where they marked nothing).
    by_category : bool
        One row per pair and category (marked with that category or not);
        otherwise one row per pair (marked with anything or not).
    annotators : list of str, optional
        Which annotators, in this order (default: all, in order of appearance).

    Returns
    -------
    DataFrame
        ``annotator_a, annotator_b`` (and ``category``), ``n_words``,
        ``n_marked_a, n_marked_b, n_both``, ``percent_agreement`` (0-100) and
        ``kappa``.

    Examples
    --------
    >>> texts = pd.DataFrame({"article_id": ["p"], "text": ["A cruel and corrupt regime fell."]})
    >>> picks = {"ana": pd.DataFrame({"article_id": ["p", "p"], "start": [2, 12], "end": [7, 19]}),
    ...          "ben": pd.DataFrame({"article_id": ["p"], "start": [2], "end": [7]})}
    >>> pair = annotator_agreement(picks, texts).iloc[0]
    >>> pair["annotator_a"], pair["annotator_b"], int(pair["n_both"])
    ('ana', 'ben', 1)
    >>> round(float(pair["percent_agreement"]), 1), round(float(pair["kappa"]), 3)  # 5 of 6; 4/7
    (83.3, 0.571)
    """
    table = _as_table(annotations)
    articles = articles_of(source)
    articles = articles.assign(article_id=articles["article_id"].astype(str))
    check_spans(table, articles)
    names = annotators or list(dict.fromkeys(table["annotator"]))
    if len(names) < 2:
        raise ValueError(f"agreement needs at least two annotators; found {len(names)}: "
                         f"{', '.join(names) or 'none'}")
    if by_category and "category" not in table.columns:
        raise ValueError("by_category needs a category column in the annotations")
    categories = sorted(set(table["category"])) if by_category else [None]
    # decisions[(annotator, category)] = one bool per word of every article, in order
    decisions: dict[tuple, list[bool]] = {(n, c): [] for n in names for c in categories}
    by_article = {a: g for a, g in table.groupby("article_id")}
    for article_id, text in zip(articles["article_id"], articles["text"]):
        art = _article(text)
        spans = by_article.get(article_id)
        for name in names:
            mine = None if spans is None else spans[spans["annotator"] == name]
            for category in categories:
                marked = [False] * len(art.words)
                if mine is not None:
                    rows = mine if category is None else mine[mine["category"] == category]
                    for start, end in zip(rows["start"], rows["end"]):
                        for i in art.word_range(int(start), int(end)):
                            marked[i] = True
                decisions[(name, category)].extend(marked)
    rows = []
    for a, b in combinations(names, 2):
        for category in categories:
            da, db = decisions[(a, category)], decisions[(b, category)]
            n = len(da)
            row = {"annotator_a": a, "annotator_b": b}
            if by_category:
                row["category"] = category
            row.update({"n_words": n, "n_marked_a": sum(da), "n_marked_b": sum(db),
                        "n_both": sum(x and y for x, y in zip(da, db)),
                        "percent_agreement": 100 * sum(x == y for x, y in zip(da, db)) / n
                        if n else _NAN,
                        "kappa": cohen_kappa(da, db)})
            rows.append(row)
    columns = ["annotator_a", "annotator_b"] + (["category"] if by_category else []) + [
        "n_words", "n_marked_a", "n_marked_b", "n_both", "percent_agreement", "kappa"]
    return pd.DataFrame(rows, columns=columns)
