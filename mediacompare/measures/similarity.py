r"""Text similarity between articles, or between groups of articles (outlets).

Similarity (:func:`similarity`, :func:`similarity_matrix`)
    The cosine of the TF-IDF vectors (scikit-learn's :class:`TfidfVectorizer`
    with its defaults: raw counts times the smoothed inverse document
    frequency :math:`\ln\frac{1 + n}{1 + df} + 1`, rows scaled to unit
    length) of every pair of articles, or of outlets when ``by="outlet"``.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer

from .terms import _fit_counts, _group_matrix, _grouped_texts, _vectorizer_kwargs

__all__ = ["similarity", "similarity_matrix"]


def _key_name(by: str) -> str:
    return "article" if by == "article_id" else by


def similarity(source, *, by: str = "article_id", ngram_range: tuple[int, int] = (1, 1),
               stop_words=None) -> pd.DataFrame:
    """TF-IDF cosine similarity between every pair of articles (or of groups, e.g. outlets).

    Parameters
    ----------
    source : Corpus, DataFrame or str
        A corpus or an articles table.
    by : str, default "article_id"
        What is compared: each article, or the joined texts of each value of
        another column (``"outlet"``).
    ngram_range, stop_words
        As for :class:`DistinctiveTerms`.

    Returns
    -------
    DataFrame
        One row per ordered pair, both orders and the diagonal included (a
        table of :math:`k^2` rows for :math:`k` documents): ``article_a``,
        ``article_b`` (``{by}_a``, ``{by}_b`` for another ``by``), then
        ``outlet_a`` and ``outlet_b`` (the outlets of each, joined by ", "
        when several; absent when ``by="outlet"``) and ``cosine``, from 0
        (no term shared) to 1 (the same proportions of terms). A document
        with no term to count has NaN everywhere, its own diagonal included.

    Examples
    --------
    >>> import pandas as pd
    >>> articles = pd.DataFrame({"article_id": ["a", "b", "c"], "outlet": ["A", "B", "C"],
    ...                          "text": ["Troops leave Syria.", "Troops leave Syria!", "Talks resume."]})
    >>> similarity(articles)
      article_a article_b outlet_a outlet_b  cosine
    0         a         a        A        A     1.0
    1         a         b        A        B     1.0
    2         a         c        A        C     0.0
    3         b         a        B        A     1.0
    4         b         b        B        B     1.0
    5         b         c        B        C     0.0
    6         c         a        C        A     0.0
    7         c         b        C        B     0.0
    8         c         c        C        C     1.0
    """
    kwargs = _vectorizer_kwargs(ngram_range, stop_words)
    articles, keys = _grouped_texts(source, by)
    groups, _ = _group_matrix(keys)
    members: dict = {g: [] for g in groups}  # the articles of each group, in order
    for key, text, outlet in zip(keys, articles["text"], articles["outlet"]):
        members[key].append((text, outlet))
    texts = ["\n\n".join(text for text, _ in members[g]) for g in groups]
    vectors = _fit_counts(TfidfVectorizer(**kwargs), texts)
    cosine = np.asarray((vectors @ vectors.T).todense(), dtype=float)
    cosine = np.clip((cosine + cosine.T) / 2, 0.0, 1.0)  # exact symmetry; no rounding overshoot
    has_terms = np.asarray(vectors.getnnz(axis=1)) > 0
    np.fill_diagonal(cosine, 1.0)
    cosine[~has_terms, :] = np.nan
    cosine[:, ~has_terms] = np.nan

    name = _key_name(by)
    k = len(groups)
    columns = {f"{name}_a": np.repeat(np.array(groups, dtype=object), k),
               f"{name}_b": np.tile(np.array(groups, dtype=object), k)}
    if by != "outlet":
        outlets = [", ".join(map(str, dict.fromkeys(outlet for _, outlet in members[g])))
                   for g in groups]
        columns["outlet_a"] = np.repeat(np.array(outlets, dtype=object), k)
        columns["outlet_b"] = np.tile(np.array(outlets, dtype=object), k)
    columns["cosine"] = cosine.ravel()
    return pd.DataFrame(columns)


def similarity_matrix(table: pd.DataFrame) -> pd.DataFrame:
    """The square form of a :func:`similarity` table (for a heat map).

    Rows and columns are the compared documents in order of first
    appearance, named after the table's first two columns.

    >>> import pandas as pd
    >>> articles = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["A", "B"],
    ...                          "text": ["Troops leave.", "Troops stay."]})
    >>> similarity_matrix(similarity(articles)).round(3)  # doctest: +NORMALIZE_WHITESPACE
    article_b      a      b
    article_a
    a          1.000  0.336
    b          0.336  1.000
    """
    if not isinstance(table, pd.DataFrame) or table.shape[1] < 3 or "cosine" not in table.columns:
        got = list(map(str, table.columns)) if isinstance(table, pd.DataFrame) else type(table).__name__
        raise ValueError("table must be a similarity() table: its first two columns name the "
                         f"pair and it has a 'cosine' column; got {got}")
    key_a, key_b = table.columns[0], table.columns[1]
    order = list(dict.fromkeys(list(table[key_a]) + list(table[key_b])))
    matrix = table.pivot(index=key_a, columns=key_b, values="cosine").reindex(index=order,
                                                                              columns=order)
    matrix.index.name, matrix.columns.name = key_a, key_b
    return matrix
