"""Terms as the vocabulary measures count them, and the checks of their parameters.

Shared by :mod:`~mediacompare.measures.vocabulary` (distinctive terms) and
:mod:`~mediacompare.measures.similarity`: the tokenizer given to scikit-learn's
vectorizers (:func:`word_norms`), the ``ngram_range`` and ``stop_words``
checks, and the grouped articles table.
"""

from __future__ import annotations

import math
import numbers

import numpy as np
import pandas as pd
from scipy import sparse

from ..errors import ColumnError, CorpusError
from ..document import articles_of, word_keys

__all__ = ["TERM_KINDS", "word_norms"]

#: The token kinds that are counted as terms.
TERM_KINDS = ("word", "number", "abbreviation")


def word_norms(text: str) -> list[str]:
    """The terms of ``text``: the normalised form of its words, numbers and abbreviations.

    This is the ``tokenizer=`` given to scikit-learn's vectorizers.

    >>> word_norms("Russia’s war-devastated ally, the U.S., lost 330,000…")
    ["russia's", 'war-devastated', 'ally', 'the', 'u.s.', 'lost', '330,000']
    """
    return word_keys(text)


# --- parameters -------------------------------------------------------------------------------

def _is_int(value) -> bool:
    return isinstance(value, numbers.Integral) and not isinstance(value, bool)


def _is_positive_real(value) -> bool:
    return (isinstance(value, numbers.Real) and not isinstance(value, bool)
            and math.isfinite(value) and value > 0)


def _check_ngram_range(ngram_range) -> tuple[int, int]:
    if (not isinstance(ngram_range, (tuple, list)) or len(ngram_range) != 2
            or not all(_is_int(v) for v in ngram_range)
            or not 1 <= ngram_range[0] <= ngram_range[1]):
        raise ValueError("ngram_range must be a pair of whole numbers (min_n, max_n) with "
                         f"1 <= min_n <= max_n, such as (1, 1) or (1, 2); got {ngram_range!r}")
    return int(ngram_range[0]), int(ngram_range[1])


def _check_stop_words(stop_words):
    """None, sklearn's ``"english"`` list, or a user list normalised like the terms."""
    if stop_words is None or stop_words == "english":
        return stop_words
    if isinstance(stop_words, str) or not hasattr(stop_words, "__iter__"):
        raise ValueError("stop_words must be None, 'english' (scikit-learn's list) or a list of "
                         f"words; got {stop_words!r}")
    normalised = set()
    for word in stop_words:
        if not isinstance(word, str):
            raise ValueError(f"stop_words must hold strings; got {word!r}")
        norms = word_norms(word)
        if len(norms) != 1:
            raise ValueError("each entry of stop_words must be one word as the tokenizer sees it "
                             f"(a word, number or abbreviation); {word!r} is {len(norms)} terms: "
                             f"{norms}")
        normalised.add(norms[0])
    return sorted(normalised)


def _vectorizer_kwargs(ngram_range, stop_words) -> dict:
    return {"tokenizer": word_norms, "lowercase": False, "token_pattern": None,
            "ngram_range": _check_ngram_range(ngram_range),
            "stop_words": _check_stop_words(stop_words)}


# --- input ------------------------------------------------------------------------------------

def _grouped_texts(source, by: str) -> tuple[pd.DataFrame, pd.Series]:
    """The articles table and its ``by`` column, checked: the column exists, no value is
    missing, every text is a string."""
    articles = articles_of(source)
    if not isinstance(by, str) or by not in articles.columns:
        raise ColumnError(
            f"by {by!r} is not a column of the articles table; expected the column that names "
            "the groups to compare, such as 'outlet' or 'article_id'; columns are: "
            f"{', '.join(map(str, articles.columns))}")
    if len(articles) == 0:
        raise CorpusError("the articles table is empty: there is nothing to compare")
    keys = articles[by]
    missing = keys.isna().to_numpy()
    if missing.any():
        ids = ", ".join(map(str, articles["article_id"][missing].head(5)))
        raise CorpusError(f"by {by!r} has no value for {int(missing.sum())} article(s): {ids}; "
                          "every article must belong to a group")
    for article_id, text in zip(articles["article_id"], articles["text"]):
        if not isinstance(text, str):
            raise CorpusError(f"the text of article {article_id!r} must be a string; got "
                              f"{type(text).__name__} {text!r}")
    return articles, keys


def _group_matrix(keys: pd.Series) -> tuple[list, sparse.csr_matrix]:
    """The groups in order of first appearance, and the group × article indicator matrix."""
    codes, uniques = pd.factorize(keys, sort=False)
    n_articles = len(codes)
    indicator = sparse.csr_matrix((np.ones(n_articles), (codes, np.arange(n_articles))),
                                  shape=(len(uniques), n_articles))
    return list(uniques), indicator


def _fit_counts(vectorizer, texts) -> sparse.csr_matrix:
    try:
        return vectorizer.fit_transform(texts)
    except ValueError as error:  # scikit-learn's "empty vocabulary"
        if "empty vocabulary" not in str(error):
            raise
        raise CorpusError("there are no words to count: the texts are empty or hold only "
                          "punctuation, symbols, URLs or stop words") from None

