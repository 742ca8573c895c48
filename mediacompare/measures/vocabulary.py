r"""Distinctive vocabulary and text similarity, per outlet or per article.

Two measures (the second in :mod:`~mediacompare.measures.similarity`), both
counted with scikit-learn's vectorizers driven by the library's own tokenizer (:func:`word_norms`: the normalised form of every
``word``, ``number`` and ``abbreviation`` token of :func:`mediacompare.tokenize`,
so ``Russia’s`` is one term ``russia's``, ``war-devastated`` one term and
``U.S.`` one term ``u.s.``; punctuation, symbols and URLs are not counted).

Distinctive terms (:class:`DistinctiveTerms`, :func:`distinctive_terms`)
    The log-odds ratio with an informative Dirichlet prior and its z-score,
    from Monroe, Colaresi and Quinn (2008), "Fightin' Words: Lexical Feature
    Selection and Evaluation for Identifying the Content of Political
    Conflict", *Political Analysis* 16(4): 372-403, section 3.5. Each group
    (an outlet, by default) is compared with all the other groups pooled.
    For a term :math:`w`, the group :math:`i` and the rest :math:`j`, with
    counts :math:`y_{wi}, y_{wj}`, totals :math:`n_i, n_j`, the prior's
    pseudo-count :math:`\alpha_w` and its total :math:`\alpha_0 = \sum_w \alpha_w`:

    .. math::

        \delta_w = \log\frac{y_{wi} + \alpha_w}{n_i + \alpha_0 - y_{wi} - \alpha_w}
                 - \log\frac{y_{wj} + \alpha_w}{n_j + \alpha_0 - y_{wj} - \alpha_w},
        \qquad
        \sigma^2(\delta_w) \approx \frac{1}{y_{wi} + \alpha_w} + \frac{1}{y_{wj} + \alpha_w},
        \qquad
        z_w = \delta_w / \sqrt{\sigma^2(\delta_w)}.

    Logarithms are natural. The prior (section 3.5 of the paper) gives each
    term a pseudo-count proportional to its frequency in a background corpus,
    :math:`\alpha_w = \alpha_0 \cdot \hat\pi_w`. With no separate background
    corpus, ours is the pooled corpus being compared (as in Jurafsky et al.
    2014, "Narrative framing of consumer sentiment in online restaurant
    reviews", *First Monday* 19(4)), and its weight is set by ``prior_scale``:
    :math:`\alpha_w = s \cdot c_w` and :math:`\alpha_0 = s \cdot N`, where
    :math:`c_w` is the term's count in the whole corpus and :math:`N` the
    count of all terms. The paper leaves :math:`\alpha_0` (how many words
    the prior is worth) to the analyst; our default :math:`s = 0.1` is a
    choice of ours, made on these grounds and checked on the seed corpus:

    * It is proportional to the corpus, so the same setting means the same
      strength for five articles or five thousand (a fixed total, such as
      500 pseudo-words, would outweigh the data of a small corpus and vanish
      in a large one).
    * It is weaker than the data: the prior is worth a tenth of the corpus,
      a third to two thirds of one outlet's words in the seed corpus, so each
      group's own counts dominate its estimated rates.
    * It is not negligible. For a term absent from the rest,
      :math:`\sigma^2 \geq 1/\alpha_w`, so a very weak prior buries the
      words only one outlet uses: with :math:`s = 0.01`, in the seed corpus
      a term an outlet alone uses three times ranks below every term it uses
      twice and the rest once. With :math:`s = 0.1` both kinds of
      distinctiveness show (Press TV: "forces", 9 times against 4 in the
      rest, then "daesh" and "resources", 3 against 0).
    * On the seeds, the top terms of each outlet largely agree from
      :math:`s = 0.05` to :math:`0.3`.

    Pass ``alpha=`` to set the prior yourself: one number for a flat prior
    (the same :math:`\alpha_w` for every term), or a mapping term to
    :math:`\alpha_w` (for example the counts of a background corpus, scaled).


Honest statistics
    The z-scores are *descriptive*: they rank terms by how much more a group
    uses them than the rest, allowing for how often the term occurs at all.
    They are not tests. The model treats every word as an independent draw,
    and the words of one article are nothing of the sort (a word an article
    uses once it tends to use again, and the seed corpus is five articles,
    one per outlet, on four different events), so no p-value or interval is
    given, and ``|z| > 1.96`` means nothing here. Counts are always shown
    beside the scores.

:func:`similarity` and :func:`similarity_matrix` live in
:mod:`mediacompare.measures.similarity`, :func:`word_norms` in
:mod:`mediacompare.measures.terms`; both are re-exported here.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd
from sklearn.exceptions import NotFittedError
from sklearn.feature_extraction.text import CountVectorizer

from ..errors import CorpusError
from .similarity import similarity, similarity_matrix
from .terms import (TERM_KINDS, _fit_counts, _group_matrix, _grouped_texts, _is_int,
                    _is_positive_real, _vectorizer_kwargs, word_norms)

__all__ = [
    "SCORE_COLUMNS",
    "TERM_KINDS",
    "DistinctiveTerms",
    "distinctive_terms",
    "similarity",
    "similarity_matrix",
    "word_norms",
]


#: The columns of :attr:`DistinctiveTerms.scores_`, in order.
SCORE_COLUMNS = ("group", "term", "count", "count_rest", "n_group", "n_rest", "log_odds",
                 "variance", "z")
_DEFAULT_PRIOR_SCALE = 0.1


# --- distinctive terms ------------------------------------------------------------------------

class DistinctiveTerms:
    r"""The words that set each group (outlet) apart from the others pooled.

    The log-odds ratio with an informative Dirichlet prior and its z-score
    (Monroe, Colaresi and Quinn 2008, section 3.5), one group against the
    rest; the formulas and the choice of prior are in the module docstring.
    The z-scores are descriptive, not tests: the words of a few articles are
    not independent draws, so no p-value is given.

    Parameters
    ----------
    by : str, default "outlet"
        The column that names the groups (``"article_id"`` compares each
        article with all the others).
    prior_scale : float, default 0.1
        Strength :math:`s` of the default prior, :math:`\alpha_w = s \cdot c_w`
        where :math:`c_w` is the term's count in the whole corpus, so
        :math:`\alpha_0 = s \cdot N`. Ignored when ``alpha`` is given.
    alpha : float or mapping, optional
        Set the prior yourself: one positive number for every term, or a
        mapping from each term (in its normalised form, e.g. ``"russia's"``)
        to a positive pseudo-count; it must cover every term counted.
    ngram_range : (int, int), default (1, 1)
        Count n-grams of these lengths, e.g. ``(1, 2)`` for words and pairs
        of words (stop words are removed before pairs are formed, as
        scikit-learn does). All n-grams share one prior and one total
        :math:`n`.
    stop_words : None, "english" or list of str, default None
        Words not counted: none, scikit-learn's English list (which has known
        oddities: see its documentation), or your own list (normalised like
        the terms, so ``"Russia’s"`` removes ``russia's``).
    min_count : int, default 1
        Report only terms used at least this often in the whole corpus. The
        filter chooses which terms are reported, not what is counted: totals
        and the prior include every term, so a term's score does not depend
        on ``min_count``.

    Attributes
    ----------
    groups_ : list
        The groups, in order of first appearance.
    vocabulary_ : dict
        Each reported term and its column in ``counts_`` (as scikit-learn's).
    counts_ : DataFrame
        Group × term counts of the reported terms (int64).
    n_terms_ : Series
        Terms counted per group (every term, before ``min_count``).
    alpha_ : Series
        The prior pseudo-count :math:`\alpha_w` of each reported term.
    alpha0_ : float
        :math:`\alpha_0`, the prior's total over every counted term.
    scores_ : DataFrame
        One row per group and reported term, columns :data:`SCORE_COLUMNS`:
        ``count`` (in the group), ``count_rest`` (in all other groups),
        ``n_group`` and ``n_rest`` (terms counted), ``log_odds``
        (:math:`\delta`), ``variance`` (:math:`\sigma^2`) and ``z``; sorted
        by group, then ``z`` from highest, then term.
    vectorizer_ : CountVectorizer
        The fitted vectorizer.

    Examples
    --------
    >>> import pandas as pd
    >>> articles = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["A", "B"],
    ...                          "text": ["Rebels attacked. Rebels fled.",
    ...                                   "Militants attacked. Militants fled."]})
    >>> scorer = DistinctiveTerms().fit(articles)
    >>> scorer.counts_  # doctest: +NORMALIZE_WHITESPACE
    term    attacked  fled  militants  rebels
    outlet
    A              1     1          0       2
    B              1     1          2       0
    >>> scorer.top(1)[["group", "term", "count", "count_rest", "n_group", "n_rest", "z"]].round(3)
      group       term  count  count_rest  n_group  n_rest      z
    0     A     rebels      2           0        4       4  1.271
    1     B  militants      2           0        4       4  1.271
    """

    def __init__(self, *, by: str = "outlet", prior_scale: float = _DEFAULT_PRIOR_SCALE,
                 alpha: float | Mapping | None = None, ngram_range: tuple[int, int] = (1, 1),
                 stop_words=None, min_count: int = 1):
        self.by = by
        self.prior_scale = prior_scale
        self.alpha = alpha
        self.ngram_range = ngram_range
        self.stop_words = stop_words
        self.min_count = min_count

    def __repr__(self) -> str:
        params = ", ".join(f"{name}={getattr(self, name)!r}" for name in
                           ("by", "prior_scale", "alpha", "ngram_range", "stop_words", "min_count"))
        return f"{type(self).__name__}({params})"

    def _check_params(self) -> dict:
        if not _is_positive_real(self.prior_scale):
            raise ValueError("prior_scale must be a positive number (the prior's weight as a "
                             f"share of the corpus, e.g. 0.1); got {self.prior_scale!r}")
        if not _is_int(self.min_count) or self.min_count < 1:
            raise ValueError(f"min_count must be a whole number >= 1; got {self.min_count!r}")
        alpha = self.alpha
        if alpha is not None and not isinstance(alpha, Mapping) and not isinstance(alpha, pd.Series):
            if not _is_positive_real(alpha):
                raise ValueError("alpha must be None (the prior from prior_scale), a positive "
                                 f"number, or a mapping of terms to positive numbers; got {alpha!r}")
        return _vectorizer_kwargs(self.ngram_range, self.stop_words)

    def _prior(self, terms: np.ndarray, totals: np.ndarray) -> np.ndarray:
        """The pseudo-count of every counted term."""
        if self.alpha is None:
            return self.prior_scale * totals.astype(float)
        if not isinstance(self.alpha, (Mapping, pd.Series)):
            return np.full(len(terms), float(self.alpha))
        given = dict(self.alpha.items())
        absent = [t for t in terms if t not in given]
        if absent:
            raise ValueError(f"alpha has no pseudo-count for {len(absent)} counted term(s), such "
                             f"as {', '.join(map(repr, absent[:5]))}; it must cover every term")
        values = np.array([given[t] for t in terms], dtype=object)
        bad = [(t, v) for t, v in zip(terms, values) if not _is_positive_real(v)]
        if bad:
            raise ValueError("alpha must map every term to a positive number; got "
                             + ", ".join(f"{t!r}: {v!r}" for t, v in bad[:5]))
        return values.astype(float)

    def fit(self, source) -> "DistinctiveTerms":
        """Count the terms of each group and score them against the rest.

        Parameters
        ----------
        source : Corpus, DataFrame or str
            A corpus, an articles table (``article_id``, ``text`` and the
            ``by`` column) or one text.

        Returns
        -------
        DistinctiveTerms
            ``self``, fitted.

        Raises
        ------
        ColumnError
            ``by`` is not a column of the articles table.
        CorpusError
            Fewer than two groups, an article without a group, a text that is
            not a string, or a group (or the whole corpus) with no term to count.
        ValueError
            A parameter is invalid.
        """
        kwargs = self._check_params()
        articles, keys = _grouped_texts(source, self.by)
        groups, indicator = _group_matrix(keys)
        if len(groups) < 2:
            raise CorpusError(f"by {self.by!r} has only one group ({groups[0]!r}); at least two "
                              "are needed to compare a group with the rest")
        vectorizer = CountVectorizer(**kwargs)
        per_article = _fit_counts(vectorizer, articles["text"].tolist())
        terms = vectorizer.get_feature_names_out()
        counts = np.asarray((indicator @ per_article).todense()).astype(np.int64)
        n_group = counts.sum(axis=1)
        empty = [g for g, n in zip(groups, n_group) if n == 0]
        if empty:
            raise CorpusError(f"group(s) {', '.join(map(repr, empty))} of by {self.by!r} have "
                              "no words to count: their texts are empty or hold only "
                              "punctuation, symbols, URLs or stop words")
        if len(terms) < 2:
            raise CorpusError(f"the corpus has only one distinct term ({terms[0]!r}); at least "
                              "two are needed for log-odds")
        totals = counts.sum(axis=0)
        alpha = self._prior(terms, totals)
        alpha0 = float(alpha.sum())
        keep = totals >= self.min_count
        if not keep.any():
            raise ValueError(f"min_count={self.min_count} leaves no term: the most frequent term "
                             f"is used {int(totals.max())} times")

        self.vectorizer_ = vectorizer
        self.groups_ = groups
        kept_terms = terms[keep]
        self.vocabulary_ = {str(t): i for i, t in enumerate(kept_terms)}
        self.counts_ = pd.DataFrame(counts[:, keep], index=pd.Index(groups, name=self.by),
                                    columns=pd.Index(kept_terms.astype(str), name="term"))
        self.n_terms_ = pd.Series(n_group, index=pd.Index(groups, name=self.by), name="n_terms")
        self.alpha_ = pd.Series(alpha[keep], index=self.counts_.columns, name="alpha")
        self.alpha0_ = alpha0
        self.scores_ = self._score(counts[:, keep], n_group, alpha[keep], alpha0, kept_terms)
        return self

    def _score(self, counts, n_group, alpha, alpha0, terms) -> pd.DataFrame:
        total = int(n_group.sum())
        totals = counts.sum(axis=0)
        frames = []
        for i, group in enumerate(self.groups_):
            y_i = counts[i].astype(float)
            y_j = (totals - counts[i]).astype(float)
            n_i = float(n_group[i])
            n_j = float(total - n_group[i])
            log_odds = (np.log(y_i + alpha) - np.log(n_i + alpha0 - y_i - alpha)
                        - np.log(y_j + alpha) + np.log(n_j + alpha0 - y_j - alpha))
            variance = 1.0 / (y_i + alpha) + 1.0 / (y_j + alpha)
            z = log_odds / np.sqrt(variance)
            order = np.lexsort((terms, -z))
            frames.append(pd.DataFrame({
                "group": [group] * len(terms),
                "term": pd.Series(terms[order], dtype=str),
                "count": counts[i][order].astype(np.int64),
                "count_rest": (totals - counts[i])[order].astype(np.int64),
                "n_group": np.full(len(terms), int(n_group[i]), dtype=np.int64),
                "n_rest": np.full(len(terms), total - int(n_group[i]), dtype=np.int64),
                "log_odds": log_odds[order],
                "variance": variance[order],
                "z": z[order],
            }))
        return pd.concat(frames, ignore_index=True)[list(SCORE_COLUMNS)]

    def top(self, n: int = 15, group=None) -> pd.DataFrame:
        """The ``n`` most distinctive terms (highest ``z``) of each group, or of one group.

        Rows are those of :attr:`scores_`, counts included, in its order.
        """
        if not hasattr(self, "scores_"):
            raise NotFittedError("this DistinctiveTerms is not fitted yet: call fit(source) first")
        if not _is_int(n) or n < 1:
            raise ValueError(f"n must be a whole number >= 1; got {n!r}")
        scores = self.scores_
        if group is not None:
            if group not in self.groups_:
                raise ValueError(f"group {group!r} is not one of the groups fitted; groups are: "
                                 f"{', '.join(map(str, self.groups_))}")
            scores = scores[scores["group"] == group]
        return scores.groupby("group", sort=False).head(n).reset_index(drop=True)


def distinctive_terms(source, *, by: str = "outlet", n: int | None = None, **params) -> pd.DataFrame:
    """The distinctive-terms table of ``source``: :attr:`DistinctiveTerms.scores_`, or the top
    ``n`` terms of each group when ``n`` is given.

    ``params`` are those of :class:`DistinctiveTerms` (``prior_scale``,
    ``alpha``, ``ngram_range``, ``stop_words``, ``min_count``). The z-scores
    are descriptive, not tests: no p-value is given.

    >>> import pandas as pd
    >>> articles = pd.DataFrame({"article_id": ["a", "b", "c"], "outlet": ["A", "B", "C"],
    ...                          "text": ["Rebels attacked.", "Militants attacked.", "Fighters attacked."]})
    >>> distinctive_terms(articles, n=1)[["group", "term", "count", "count_rest", "n_rest"]]
      group       term  count  count_rest  n_rest
    0     A     rebels      1           0       4
    1     B  militants      1           0       4
    2     C   fighters      1           0       4
    """
    scorer = DistinctiveTerms(by=by, **params).fit(source)
    return scorer.scores_ if n is None else scorer.top(n)

