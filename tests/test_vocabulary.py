"""Distinctive vocabulary (log-odds with an informative Dirichlet prior, Monroe et al. 2008)
and TF-IDF similarity: a hand-worked example, counting with our tokenizer, one group against
the rest pooled, refused input, similarity's bounds, the seeds, and the plots."""

import math

import numpy as np
import pandas as pd
import pytest
from matplotlib.figure import Figure
from sklearn.exceptions import NotFittedError
from sklearn.feature_extraction.text import CountVectorizer

import mediacompare as mc
from mediacompare.display.vocab_plots import plot_distinctive_terms, plot_similarity
from mediacompare.errors import ColumnError, CorpusError
from mediacompare.measures.vocabulary import (
    SCORE_COLUMNS,
    DistinctiveTerms,
    distinctive_terms,
    similarity,
    similarity_matrix,
    word_norms,
)


def _articles(texts, outlets=None):
    outlets = outlets or [chr(ord("A") + i) for i in range(len(texts))]
    return pd.DataFrame({"article_id": [f"a{i}" for i in range(len(texts))], "outlet": outlets,
                         "text": texts})


def _row(scores, group, term):
    rows = scores[(scores["group"] == group) & (scores["term"] == term)]
    assert len(rows) == 1, (group, term)
    return rows.iloc[0]


# --- the formula, worked by hand ------------------------------------------------------------

# Two groups, three words, a prior set by hand.
#   A: "War war war peace."      y_A = {war: 3, peace: 1, truce: 0}   n_A = 4
#   B: "war, peace peace truce"  y_B = {war: 1, peace: 2, truce: 1}   n_B = 4
#   alpha = {war: 1, peace: 0.5, truce: 0.5}                          alpha0 = 2
#
# A against the rest (B); delta = log((y_i+a)/(n_i+a0-y_i-a)) - log((y_j+a)/(n_j+a0-y_j-a))
#   war:   log((3+1)/(4+2-3-1)) - log((1+1)/(4+2-1-1)) = log(4/2) - log(2/4) = log(4)
#                                                                          = 1.3862943611198906
#          var = 1/(3+1) + 1/(1+1) = 1/4 + 1/2 = 3/4;     z = log(4)/sqrt(3/4) = 1.6007548...
#   peace: log((1+.5)/(4+2-1-.5)) - log((2+.5)/(4+2-2-.5)) = log(1.5/4.5) - log(2.5/3.5)
#          = log(1/3) - log(5/7) = log(7/15)                               = -0.7621400520468967
#          var = 1/1.5 + 1/2.5 = 2/3 + 2/5 = 16/15;       z = log(7/15)/sqrt(16/15) = -0.737939...
#   truce: log((0+.5)/(4+2-0-.5)) - log((1+.5)/(4+2-1-.5)) = log(.5/5.5) - log(1.5/4.5)
#          = log(1/11) - log(1/3) = log(3/11)                              = -1.2992829841302609
#          var = 1/.5 + 1/1.5 = 2 + 2/3 = 8/3;            z = log(3/11)/sqrt(8/3) = -0.795645...
# B against the rest (A): the same words with the roles swapped, so delta and z change sign and
# the variance is the same.
HAND = {  # term: (log_odds, variance) of A against B
    "war": (math.log(4), 3 / 4),
    "peace": (math.log(7 / 15), 16 / 15),
    "truce": (math.log(3 / 11), 8 / 3),
}
HAND_COUNTS = {"war": (3, 1), "peace": (1, 2), "truce": (0, 1)}  # term: (in A, in B)


@pytest.fixture(scope="module")
def hand():
    articles = _articles(["War war war peace.", "war, peace peace truce"])
    return DistinctiveTerms(alpha={"war": 1.0, "peace": 0.5, "truce": 0.5}).fit(articles)


def test_log_odds_variance_and_z_match_the_hand_worked_example(hand):
    assert hand.alpha0_ == 2.0
    assert hand.alpha_.to_dict() == {"peace": 0.5, "truce": 0.5, "war": 1.0}
    for term, (log_odds, variance) in HAND.items():
        a, b = _row(hand.scores_, "A", term), _row(hand.scores_, "B", term)
        assert (a["count"], a["count_rest"]) == HAND_COUNTS[term]
        assert (b["count"], b["count_rest"]) == HAND_COUNTS[term][::-1]
        assert (a["n_group"], a["n_rest"], b["n_group"], b["n_rest"]) == (4, 4, 4, 4)
        assert a["log_odds"] == pytest.approx(log_odds, abs=1e-9)
        assert a["variance"] == pytest.approx(variance, abs=1e-9)
        assert a["z"] == pytest.approx(log_odds / math.sqrt(variance), abs=1e-9)
        assert b["log_odds"] == pytest.approx(-log_odds, abs=1e-9)
        assert b["variance"] == pytest.approx(variance, abs=1e-9)
        assert b["z"] == pytest.approx(-log_odds / math.sqrt(variance), abs=1e-9)
    # the decimals written out above
    for term, z in {"war": 1.6007548451, "peace": -0.7379389323, "truce": -0.7956450856}.items():
        assert _row(hand.scores_, "A", term)["z"] == pytest.approx(z, abs=1e-9)


def test_scores_table_is_tidy_with_counts_beside_scores_and_no_p_value(hand):
    scores = hand.scores_
    assert tuple(scores.columns) == SCORE_COLUMNS
    assert not any("p" == c or c.startswith("p_") for c in scores.columns)
    assert len(scores) == 2 * 3
    # sorted by group, then z from highest
    assert scores["group"].tolist() == ["A"] * 3 + ["B"] * 3
    assert scores["term"].tolist() == ["war", "peace", "truce", "truce", "peace", "war"]
    for dtype_col in ("count", "count_rest", "n_group", "n_rest"):
        assert scores[dtype_col].dtype == np.int64


def test_default_prior_is_prior_scale_times_the_corpus_count():
    # A: rebels 2, attacked 1, fled 1;  B: militants 2, attacked 1, fled 1;  N = 8
    articles = _articles(["Rebels attacked. Rebels fled.", "Militants attacked. Militants fled."])
    scorer = DistinctiveTerms().fit(articles)
    assert scorer.prior_scale == 0.1
    assert scorer.alpha_.to_dict() == pytest.approx(
        {"attacked": 0.2, "fled": 0.2, "militants": 0.2, "rebels": 0.2})
    assert scorer.alpha0_ == pytest.approx(0.8)
    # rebels, A against B: alpha = 0.1 * 2 = 0.2, alpha0 = 0.1 * 8 = 0.8
    #   delta = log((2+.2)/(4+.8-2-.2)) - log((0+.2)/(4+.8-0-.2)) = log(2.2/2.6) - log(.2/4.6)
    #   var = 1/2.2 + 1/.2
    rebels = _row(scorer.scores_, "A", "rebels")
    delta = math.log(2.2 / 2.6) - math.log(0.2 / 4.6)
    assert rebels["log_odds"] == pytest.approx(delta, abs=1e-9)
    assert rebels["z"] == pytest.approx(delta / math.sqrt(1 / 2.2 + 1 / 0.2), abs=1e-9)
    stronger = DistinctiveTerms(prior_scale=1.0).fit(articles)
    assert stronger.alpha0_ == pytest.approx(8.0)
    assert _row(stronger.scores_, "A", "rebels")["log_odds"] < delta  # more shrinkage


def test_a_flat_prior_gives_every_term_the_same_pseudo_count():
    scorer = DistinctiveTerms(alpha=0.01).fit(_articles(["War war war peace.", "war, peace peace truce"]))
    assert scorer.alpha_.tolist() == [0.01, 0.01, 0.01]
    assert scorer.alpha0_ == pytest.approx(0.03)


# --- counting: CountVectorizer driven by our tokenizer ----------------------------------------

TEXTS = ["Russia’s war-devastated ally, the U.S., lost the war.",
         "The war-devastated country and Russia's ally."]


def test_counts_come_from_count_vectorizer_with_the_library_tokenizer():
    scorer = DistinctiveTerms().fit(_articles(TEXTS))
    assert isinstance(scorer.vectorizer_, CountVectorizer)
    assert scorer.vectorizer_.tokenizer is word_norms
    # one term each: curly and straight apostrophes agree; the hyphenated word and U.S. stay whole;
    # punctuation is not counted
    assert set(scorer.vocabulary_) == {"russia's", "war-devastated", "ally", "the", "u.s.", "lost",
                                       "war", "country", "and"}
    assert scorer.counts_.loc["A", "russia's"] == 1 and scorer.counts_.loc["B", "russia's"] == 1
    assert scorer.counts_.loc["A", "war-devastated"] == 1
    assert scorer.counts_.loc["A", "the"] == 2 and scorer.counts_.loc["B", "the"] == 1
    assert scorer.n_terms_.to_dict() == {"A": 8, "B": 6}
    assert list(scorer.counts_.columns) == sorted(scorer.vocabulary_, key=scorer.vocabulary_.get)


def test_bigrams_when_ngram_range_asks_for_them():
    unigrams = DistinctiveTerms().fit(_articles(TEXTS))
    both = DistinctiveTerms(ngram_range=(1, 2)).fit(_articles(TEXTS))
    assert "russia's war-devastated" not in unigrams.vocabulary_
    assert "russia's war-devastated" in both.vocabulary_ and "war-devastated ally" in both.vocabulary_
    assert "ally" in both.vocabulary_
    # n counts unigrams and bigrams: A has 8 words, so 7 pairs
    assert both.n_terms_["A"] == 8 + 7
    only_pairs = DistinctiveTerms(ngram_range=(2, 2)).fit(_articles(TEXTS))
    assert all(" " in term for term in only_pairs.vocabulary_)


def test_stop_words_removed_when_asked():
    assert "the" in DistinctiveTerms().fit(_articles(TEXTS)).vocabulary_
    english = DistinctiveTerms(stop_words="english").fit(_articles(TEXTS))
    assert "the" not in english.vocabulary_ and "and" not in english.vocabulary_
    assert "war" in english.vocabulary_
    assert english.n_terms_["A"] == 8 - 2  # "the" twice
    # a user list is normalised like the terms: case and curly apostrophes do not matter
    own = DistinctiveTerms(stop_words=["The", "Russia’s"]).fit(_articles(TEXTS))
    assert "the" not in own.vocabulary_ and "russia's" not in own.vocabulary_
    assert "and" in own.vocabulary_
    # stop words are removed before pairs are formed
    pairs = DistinctiveTerms(stop_words=["the"], ngram_range=(2, 2)).fit(_articles(TEXTS))
    assert "lost war" in pairs.vocabulary_ and "the war" not in pairs.vocabulary_


def test_min_count_filters_the_reported_terms_without_changing_their_scores():
    texts = ["Troops leave. Troops stay. Talks.", "Troops leave. Ceasefire holds."]
    everything = DistinctiveTerms().fit(_articles(texts))
    frequent = DistinctiveTerms(min_count=2).fit(_articles(texts))
    assert set(frequent.vocabulary_) == {"troops", "leave"}
    assert set(frequent.scores_["term"]) == {"troops", "leave"}
    assert list(frequent.counts_.columns) == ["leave", "troops"]
    # totals and prior still include every term
    assert frequent.n_terms_.to_dict() == everything.n_terms_.to_dict() == {"A": 5, "B": 4}
    assert frequent.alpha0_ == pytest.approx(everything.alpha0_)
    for term in ("troops", "leave"):
        for group in ("A", "B"):
            assert _row(frequent.scores_, group, term)["z"] == pytest.approx(
                _row(everything.scores_, group, term)["z"], abs=1e-12)


def test_each_of_three_groups_is_compared_with_the_other_two_pooled():
    texts = ["Rebels fled rebels.", "Militants fled.", "Fighters fled. Fighters rebels."]
    scorer = DistinctiveTerms().fit(_articles(texts))
    n = {"A": 3, "B": 2, "C": 4}
    assert scorer.n_terms_.to_dict() == n
    for group in n:
        rows = scorer.scores_[scorer.scores_["group"] == group]
        assert set(rows["n_group"]) == {n[group]}
        assert set(rows["n_rest"]) == {sum(n.values()) - n[group]}
    assert _row(scorer.scores_, "A", "rebels")[["count", "count_rest"]].tolist() == [2, 1]
    assert _row(scorer.scores_, "C", "rebels")[["count", "count_rest"]].tolist() == [1, 2]
    assert _row(scorer.scores_, "B", "fled")[["count", "count_rest"]].tolist() == [1, 2]
    # by another column: two articles of one outlet are one group
    pooled = DistinctiveTerms().fit(_articles(texts, outlets=["X", "X", "Y"]))
    assert pooled.groups_ == ["X", "Y"]
    assert pooled.n_terms_.to_dict() == {"X": 5, "Y": 4}
    per_article = DistinctiveTerms(by="article_id").fit(_articles(texts, outlets=["X", "X", "Y"]))
    assert per_article.groups_ == ["a0", "a1", "a2"]


# --- top() and the function ---------------------------------------------------------------------

def test_top_returns_the_n_highest_z_per_group(hand):
    top = hand.top(2)
    assert top["group"].tolist() == ["A", "A", "B", "B"]
    assert top["term"].tolist() == ["war", "peace", "truce", "peace"]
    assert tuple(top.columns) == SCORE_COLUMNS
    assert hand.top(1, group="B")["term"].tolist() == ["truce"]
    with pytest.raises(ValueError, match="group 'C' is not one of the groups fitted; groups are: A, B"):
        hand.top(1, group="C")
    with pytest.raises(ValueError, match="n must be a whole number >= 1"):
        hand.top(0)
    with pytest.raises(NotFittedError, match="call fit"):
        DistinctiveTerms().top()


def test_distinctive_terms_returns_the_scores_or_the_top_n():
    articles = _articles(["War war war peace.", "war, peace peace truce"])
    scores = distinctive_terms(articles, alpha={"war": 1.0, "peace": 0.5, "truce": 0.5})
    assert _row(scores, "A", "war")["log_odds"] == pytest.approx(math.log(4), abs=1e-9)
    assert len(scores) == 6
    top = distinctive_terms(articles, n=1, alpha=0.5)
    assert top["term"].tolist() == ["war", "truce"]
    pd.testing.assert_frame_equal(distinctive_terms(articles, by="article_id", n=1, alpha=0.5)[["term"]],
                                  top[["term"]])


def test_init_is_keyword_only_and_stores_parameters_as_given():
    with pytest.raises(TypeError):
        DistinctiveTerms("outlet")
    scorer = DistinctiveTerms(by="article_id", min_count=3, stop_words=["The"])
    assert (scorer.by, scorer.min_count, scorer.stop_words) == ("article_id", 3, ["The"])
    assert "min_count=3" in repr(scorer)


# --- refused input -------------------------------------------------------------------------------

def test_by_column_missing_names_the_parameter_what_was_expected_and_the_columns():
    with pytest.raises(ColumnError) as caught:
        DistinctiveTerms(by="source").fit(_articles(["a b", "c d"]))
    message = str(caught.value)
    assert message.startswith("by 'source' is not a column of the articles table")
    assert "expected the column that names the groups to compare" in message
    assert message.endswith("columns are: article_id, outlet, text")
    assert isinstance(caught.value, ValueError) and isinstance(caught.value, KeyError)
    with pytest.raises(ColumnError, match="by 'source'"):
        similarity(_articles(["a b", "c d"]), by="source")


def test_only_one_group_is_refused():
    with pytest.raises(CorpusError, match=r"by 'outlet' has only one group \('X'\); at least two"):
        DistinctiveTerms().fit(_articles(["a b", "c d"], outlets=["X", "X"]))
    with pytest.raises(CorpusError, match="only one group"):
        distinctive_terms("Just one text.")


def test_empty_texts_are_refused():
    with pytest.raises(CorpusError, match="no words to count"):
        DistinctiveTerms().fit(_articles(["", "  ... !"]))
    with pytest.raises(CorpusError, match=r"group\(s\) 'B' of by 'outlet' have no words to count"):
        DistinctiveTerms().fit(_articles(["Troops leave.", "—"]))
    with pytest.raises(CorpusError, match="no words to count"):
        DistinctiveTerms(stop_words="english").fit(_articles(["The and", "of the"]))
    with pytest.raises(CorpusError, match="the text of article 'a1' must be a string"):
        DistinctiveTerms().fit(_articles(["Troops leave.", None]))
    with pytest.raises(CorpusError, match="has no value for 1 article"):
        DistinctiveTerms().fit(_articles(["Troops leave.", "Troops stay."], outlets=["A", None]))


@pytest.mark.parametrize("params, message", [
    ({"prior_scale": 0}, "prior_scale must be a positive number"),
    ({"prior_scale": float("nan")}, "prior_scale must be a positive number"),
    ({"min_count": 0}, "min_count must be a whole number >= 1"),
    ({"min_count": 99}, "min_count=99 leaves no term"),
    ({"ngram_range": (2, 1)}, r"ngram_range must be a pair .* got \(2, 1\)"),
    ({"ngram_range": 2}, "ngram_range must be a pair"),
    ({"stop_words": "french"}, "stop_words must be None, 'english'"),
    ({"stop_words": ["new york"]}, "'new york' is 2 terms"),
    ({"alpha": -1}, "alpha must be None"),
    ({"alpha": {"troops": 1.0}}, "alpha has no pseudo-count for 2 counted term"),
    ({"alpha": {"troops": 1.0, "leave": 0, "stay": 1}}, "alpha must map every term to a positive"),
])
def test_invalid_parameters_are_refused_with_the_parameter_named(params, message):
    with pytest.raises(ValueError, match=message):
        DistinctiveTerms(**params).fit(_articles(["Troops leave.", "Troops stay."]))


# --- similarity ----------------------------------------------------------------------------------

def test_similarity_bounds_symmetry_and_diagonal():
    texts = ["Troops leave Syria now.", "Troops leave Syria now!", "Talks resume in Geneva.",
             "Troops stay; talks resume."]
    table = similarity(_articles(texts))
    assert list(table.columns) == ["article_a", "article_b", "outlet_a", "outlet_b", "cosine"]
    assert len(table) == 16
    cos = table.set_index(["article_a", "article_b"])["cosine"]
    assert cos[("a0", "a1")] == 1.0            # identical words
    assert cos[("a0", "a2")] == 0.0            # no word in common
    assert 0 < cos[("a0", "a3")] < 1
    for a in ("a0", "a1", "a2", "a3"):
        assert cos[(a, a)] == 1.0
        for b in ("a0", "a1", "a2", "a3"):
            assert cos[(a, b)] == cos[(b, a)]
    assert table.loc[(table["article_a"] == "a2") & (table["article_b"] == "a0"),
                     ["outlet_a", "outlet_b"]].values.tolist() == [["C", "A"]]


def test_similarity_matrix_is_square_in_document_order():
    texts = ["Troops leave Syria.", "Talks resume.", "Troops stay; talks resume."]
    matrix = similarity_matrix(similarity(_articles(texts)))
    assert list(matrix.index) == list(matrix.columns) == ["a0", "a1", "a2"]
    assert (matrix.index.name, matrix.columns.name) == ("article_a", "article_b")
    assert np.allclose(matrix.to_numpy(), matrix.to_numpy().T)
    assert np.diag(matrix.to_numpy()).tolist() == [1.0, 1.0, 1.0]
    assert matrix.loc["a0", "a1"] == 0.0
    with pytest.raises(ValueError, match="table must be a similarity"):
        similarity_matrix(pd.DataFrame({"a": [1]}))


def test_similarity_by_outlet_pools_its_articles_and_a_wordless_text_is_nan():
    articles = _articles(["Troops leave.", "Talks resume.", "Troops leave. Talks resume."],
                         outlets=["X", "X", "Y"])
    table = similarity(articles, by="outlet")
    assert list(table.columns) == ["outlet_a", "outlet_b", "cosine"]
    assert table.set_index(["outlet_a", "outlet_b"])["cosine"][("X", "Y")] == pytest.approx(1.0)
    empty = similarity(_articles(["Troops leave.", "—"]))
    assert empty.set_index(["article_a", "article_b"])["cosine"].isna().tolist() == [
        False, True, True, True]


# --- the seeds --------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def corpus():
    return mc.load_corpus()


@pytest.fixture(scope="module")
def seed_scores(corpus):
    return DistinctiveTerms().fit(corpus)


def test_seed_scores_cover_all_five_outlets(corpus, seed_scores):
    outlets = corpus.articles["outlet"].tolist()
    assert seed_scores.groups_ == outlets
    assert list(dict.fromkeys(seed_scores.scores_["group"])) == outlets
    per_outlet = seed_scores.scores_.groupby("group").size()
    assert (per_outlet == len(seed_scores.vocabulary_)).all()
    total = int(seed_scores.n_terms_.sum())
    assert ((seed_scores.scores_["n_group"] + seed_scores.scores_["n_rest"]) == total).all()
    assert seed_scores.scores_[["log_odds", "variance", "z"]].notna().all().all()


def test_press_tv_top_terms_are_words_it_uses_and_the_others_barely_do(seed_scores):
    top = seed_scores.top(10, group="Press TV")
    assert top.iloc[0][["term", "count", "count_rest"]].tolist() == ["forces", 9, 4]
    by_term = top.set_index("term")
    for term in ("daesh", "resources"):  # words only Press TV uses, three times each
        assert by_term.loc[term, ["count", "count_rest"]].tolist() == [3, 0]
    # counts sit beside the scores
    assert {"count", "count_rest", "n_group", "n_rest", "z"} <= set(top.columns)
    assert (top["n_group"] == seed_scores.n_terms_["Press TV"]).all()


def test_seed_afp_is_closest_to_breitbart_which_reports_the_same_event(corpus):
    articles = corpus.articles.set_index("article_id")
    assert articles.loc["001", "event_id"] == articles.loc["002", "event_id"]  # Breitbart, AFP
    for stop_words in (None, "english"):
        table = similarity(corpus, stop_words=stop_words)
        afp = table[(table["outlet_a"] == "AFP") & (table["outlet_b"] != "AFP")]
        assert afp.sort_values("cosine").iloc[-1]["outlet_b"] == "Breitbart News"


# --- plots -----------------------------------------------------------------------------------------

def test_plot_distinctive_terms_one_panel_per_group_bars_labelled_with_counts(seed_scores):
    fig = plot_distinctive_terms(seed_scores.scores_, n=10)
    assert isinstance(fig, Figure)
    assert [ax.get_title() for ax in fig.axes] == seed_scores.groups_
    press = fig.axes[seed_scores.groups_.index("Press TV")]
    assert len(press.patches) == 10
    assert [t.get_text() for t in press.get_yticklabels()][0] == "forces"
    labels = [t.get_text() for t in press.texts]
    assert labels[0] == "9 / 4" and "3 / 0" in labels
    with pytest.raises(ValueError, match="scores is missing the columns z"):
        plot_distinctive_terms(seed_scores.scores_.drop(columns="z"))


def test_plot_similarity_writes_the_cosine_in_each_cell(corpus):
    matrix = similarity_matrix(similarity(corpus))
    outlets = dict(zip(corpus.articles["article_id"], corpus.articles["outlet"]))
    fig = plot_similarity(matrix, labels=outlets)
    ax = fig.axes[0]
    texts = [t.get_text() for t in ax.texts]
    assert len(texts) == 25 and texts.count("1.00") == 5
    assert f"{matrix.loc['001', '002']:.2f}" in texts
    assert [t.get_text() for t in ax.get_yticklabels()] == list(outlets.values())
    with pytest.raises(ValueError, match="matrix must be a square"):
        plot_similarity(matrix.iloc[:2])
