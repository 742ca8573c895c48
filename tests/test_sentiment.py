"""Sentence sentiment (VADER), its voice, summaries per outlet and per actor."""

import math
import subprocess
import sys
import textwrap
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

import mediacompare as mc
from mediacompare.measures.sentiment import (
    NEGATIVE_THRESHOLD,
    POSITIVE_THRESHOLD,
    SENTENCE_COLUMNS,
    actor_sentiment,
    polarity_label,
    sentence_sentiment,
    sentiment_summary,
)

ROOT = Path(__file__).resolve().parents[1]
NEGATIVE = "The brutal attack killed dozens of terrified children."
POSITIVE = "The peace deal is a wonderful success and everyone is happy."
NEUTRAL = "The meeting is on Tuesday in Geneva."
QUOTE = "“We will crush them,” he said."
NARRATION = "The minister spoke to reporters in the capital on Monday."


@pytest.fixture(scope="module")
def seeds():
    return sentence_sentiment(mc.load_corpus())


def _articles(*texts, outlets=None):
    outlets = outlets or [f"Outlet {i}" for i in range(len(texts))]
    return pd.DataFrame({"article_id": [f"a{i}" for i in range(len(texts))],
                         "outlet": outlets, "text": list(texts)})


def _one(text):
    table = sentence_sentiment(text)
    assert len(table) == 1, table["text"].tolist()
    return table.iloc[0]


def test_scores_equal_vader_on_the_same_sentence_text(seeds):
    analyzer = SentimentIntensityAnalyzer()
    for row in seeds.itertuples(index=False):
        expected = analyzer.polarity_scores(row.text)
        assert (row.compound, row.pos, row.neu, row.neg) == (
            expected["compound"], expected["pos"], expected["neu"], expected["neg"])


def test_offsets_point_back_into_the_clean_text(seeds):
    texts = dict(zip(mc.load_corpus().articles["article_id"], mc.load_corpus().articles["text"]))
    for row in seeds.itertuples(index=False):
        assert texts[row.article_id][row.start:row.end] == row.text


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab Z.!?,“”\"'\n-—")), max_size=80))
def test_offsets_and_compound_on_random_text(text):
    table = sentence_sentiment(text)
    assert [s.text for s in mc.sentences(text)] == table["text"].tolist()
    for row in table.itertuples(index=False):
        assert text[row.start:row.end] == row.text
        assert -1 <= row.compound <= 1
        assert row.voice in ("outlet", "quoted")


def test_polarity_thresholds_on_constructed_sentences():
    negative, positive, neutral = _one(NEGATIVE), _one(POSITIVE), _one(NEUTRAL)
    assert negative["compound"] <= NEGATIVE_THRESHOLD and negative["polarity"] == "negative"
    assert positive["compound"] >= POSITIVE_THRESHOLD and positive["polarity"] == "positive"
    assert NEGATIVE_THRESHOLD < neutral["compound"] < POSITIVE_THRESHOLD
    assert neutral["polarity"] == "neutral"


def test_polarity_thresholds_are_those_of_hutto_and_gilbert():
    assert (POSITIVE_THRESHOLD, NEGATIVE_THRESHOLD) == (0.05, -0.05)
    assert [polarity_label(c) for c in (0.05, 0.0499, 0.0, -0.0499, -0.05)] == [
        "positive", "neutral", "neutral", "neutral", "negative"]


def test_a_quotation_sentence_is_quoted_and_narration_is_outlet():
    table = sentence_sentiment(f"{QUOTE} {NARRATION}")
    assert table["voice"].tolist() == ["quoted", "outlet"]
    assert table.loc[0, "quoted_share"] == pytest.approx(4 / 6)  # We will crush them / he said
    assert table.loc[1, "quoted_share"] == 0


def test_a_scare_quote_is_not_quoted_voice():
    row = _one("The “rebels” fled.")
    assert row["voice"] == "outlet" and row["quoted_share"] == 0


def test_exactly_half_quoted_is_still_the_outlet():
    row = _one("“Stay here,” Smith said.")  # 2 of 4 words quoted: not more than half
    assert row["quoted_share"] == 0.5 and row["voice"] == "outlet"


def test_summary_on_a_hand_counted_two_article_example():
    articles = _articles(f"{NEGATIVE} {POSITIVE} {QUOTE}", f"{NEUTRAL} {NEGATIVE}",
                         outlets=["North", "South"])
    sentences = sentence_sentiment(articles)
    assert sentences["polarity"].tolist() == [
        "negative", "positive", "negative", "neutral", "negative"]
    compound = sentences["compound"].tolist()
    summary = sentiment_summary(sentences).set_index(["outlet", "voice"])
    north = summary.loc[("North", "all")]
    assert north["n_sentences"] == 3 and north["n_negative"] == 2 and north["n_positive"] == 1
    assert north["share_negative"] == 2 / 3 and north["share_positive"] == 1 / 3
    assert north["share_neutral"] == 0
    assert north["mean_compound"] == pytest.approx(sum(compound[:3]) / 3)
    north_outlet = summary.loc[("North", "outlet")]
    assert north_outlet["n_sentences"] == 2
    assert north_outlet["mean_compound"] == pytest.approx(sum(compound[:2]) / 2)
    assert summary.loc[("North", "quoted"), "share_negative"] == 1
    south = summary.loc[("South", "all")]
    assert (south["n_sentences"], south["n_negative"], south["n_positive"]) == (2, 1, 0)
    assert south["share_negative"] == 0.5 and south["share_neutral"] == 0.5
    assert south["mean_compound"] == pytest.approx(sum(compound[3:]) / 2)


def test_summary_is_nan_not_zero_where_a_voice_has_no_sentences():
    summary = sentiment_summary(sentence_sentiment(_articles(NEGATIVE, QUOTE)), by="article_id")
    quoted = summary.set_index(["article_id", "voice"]).loc[("a0", "quoted")]
    assert quoted["n_sentences"] == 0 and quoted["n_negative"] == 0
    for column in ("mean_compound", "share_negative", "share_positive", "share_neutral"):
        assert math.isnan(quoted[column]), column
    assert summary["voice"].tolist() == ["all", "outlet", "quoted"] * 2


def test_summary_refuses_an_unknown_column():
    with pytest.raises(ValueError, match="missing the columns publisher; columns are: article_id"):
        sentiment_summary(sentence_sentiment(NEUTRAL), by="publisher")


PUTIN = ("Vladimir Putin spoke in Moscow. Putin said the brutal war was a terrible disaster. "
         "The weather was mild. {third}")


@pytest.mark.parametrize("third, n, reported", [
    ("Aid arrived.", 2, False),
    ("Putin was happy and proud of the wonderful result.", 3, True),
])
def test_actor_sentiment_minimum(third, n, reported):
    text = PUTIN.format(third=third)
    sentences = sentence_sentiment(text)
    table = actor_sentiment(sentences, mc.mentions(text), min_sentences=3)
    putin = table.set_index("actor_id").loc["putin"]
    assert putin["actor"] == "Vladimir Putin" and putin["n_sentences"] == n
    if reported:
        ids = [0, 1, 3]
        assert putin["mean_compound"] == pytest.approx(sentences["compound"][ids].mean())
        assert putin["share_negative"] == pytest.approx(1 / 3) and putin["note"] == ""
    else:
        assert math.isnan(putin["mean_compound"]) and math.isnan(putin["share_negative"])
        assert putin["note"] == "fewer than 3 sentences: not reported"


def test_actor_sentiment_counts_a_sentence_once_per_actor():
    text = "Putin met Putin's envoy and Vladimir Putin smiled. Putin left."
    table = actor_sentiment(sentence_sentiment(text), mc.mentions(text), min_sentences=1)
    assert table.set_index("actor_id").loc["putin", "n_sentences"] == 2


def test_actor_sentiment_by_voice():
    text = f"Putin left. “Putin will crush them,” he said. {NARRATION}"
    table = actor_sentiment(sentence_sentiment(text), mc.mentions(text), min_sentences=1,
                            by_voice=True)
    putin = table[table["actor_id"] == "putin"].set_index("voice")["n_sentences"]
    assert putin.to_dict() == {"all": 2, "outlet": 1, "quoted": 1}


def test_actor_sentiment_refuses_a_bad_minimum():
    with pytest.raises(ValueError, match="min_sentences"):
        actor_sentiment(sentence_sentiment(NEUTRAL), mc.mentions(NEUTRAL), min_sentences=0)


def test_seeds(seeds):
    corpus = mc.load_corpus()
    assert set(seeds["article_id"]) == set(corpus.articles["article_id"])
    assert seeds["compound"].between(-1, 1).all()
    negative = seeds[seeds["polarity"] == "negative"]
    assert {"003", "001"} <= set(negative["article_id"])
    outlets = dict(zip(corpus.articles["article_id"], corpus.articles["outlet"]))
    assert outlets["003"] == "Press TV" and outlets["001"] == "Breitbart News"
    assert set(seeds["voice"]) == {"outlet", "quoted"}


def test_empty_text_gives_no_rows_with_the_right_columns():
    for table in (sentence_sentiment(""), sentence_sentiment(_articles("", "  \n "))):
        assert len(table) == 0
        assert list(table.columns) == list(SENTENCE_COLUMNS)
        assert table["compound"].dtype == "float64" and table["sentence_id"].dtype == "int64"
    empty = sentence_sentiment("")
    summary = sentiment_summary(empty)
    assert len(summary) == 0 and summary["mean_compound"].dtype == "float64"
    actors = actor_sentiment(empty, mc.mentions(""))
    assert len(actors) == 0 and "note" in actors.columns


def test_one_sentence_text():
    row = _one(NEGATIVE)
    assert (row["article_id"], row["outlet"], row["sentence_id"]) == ("text", "unknown", 0)
    assert (row["start"], row["end"], row["n_words"]) == (0, len(NEGATIVE), 8)
    summary = sentiment_summary(sentence_sentiment(NEGATIVE))
    assert summary["n_sentences"].tolist() == [1, 1, 0]


def test_runs_offline():
    block = textwrap.dedent("""
        import socket

        def refuse(*args, **kwargs):
            raise OSError("network access is blocked in this test")

        socket.socket.connect = refuse
        socket.socket.connect_ex = refuse
        socket.create_connection = refuse
        socket.getaddrinfo = refuse

        import mediacompare as mc
        from mediacompare.measures.sentiment import sentence_sentiment, sentiment_summary
        table = sentence_sentiment(mc.load_corpus())
        assert len(sentiment_summary(table)) == 15
        print("offline ok")
    """)
    done = subprocess.run([sys.executable, "-c", block], capture_output=True, text=True,
                          cwd=ROOT, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "offline ok" in done.stdout
