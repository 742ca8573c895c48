"""Readability formulas, sizes and MATTR, with NaN and a reason for texts too short."""

import math
import subprocess
import sys
import textwrap
from pathlib import Path

import pandas as pd
import pytest
import textstat
from hypothesis import given, settings
from hypothesis import strategies as st

import mediacompare as mc
from mediacompare.measures.readability import (
    FORMULAS,
    MATTR_WINDOW,
    MIN_SENTENCES,
    MIN_WORDS_FORMULA,
    READABILITY_COLUMNS,
    WORD_KINDS,
    mattr,
    readability,
)

ROOT = Path(__file__).resolve().parents[1]
TWENTY_WORDS = ("The minister met the envoy in Geneva on Monday. They talked about the war "
                "and the refugees for two hours.")


@pytest.fixture(scope="module")
def corpus():
    return mc.load_corpus()


@pytest.fixture(scope="module")
def seeds(corpus):
    return readability(corpus)


def test_mattr_hand_worked_example():
    # windows [a b a] -> 2/3 and [b a c] -> 3/3; mean 5/6
    assert mattr("a b a c", window=3) == pytest.approx(5 / 6)
    assert mattr(["a", "b", "a", "c"], window=3) == pytest.approx(5 / 6)
    # windows [a a] 1/2, [a b] 2/2, [b b] 1/2, [b a] 2/2 -> 3/4
    assert mattr("a a b b a", window=2) == pytest.approx(3 / 4)


def test_mattr_lowercases_the_words_of_a_text_and_skips_punctuation():
    assert mattr("The, the THE!", window=3) == pytest.approx(1 / 3)
    assert mattr(mc.tokenize("Russia’s, Russia's"), window=2) == pytest.approx(1 / 2)


def test_mattr_needs_a_full_window():
    assert math.isnan(mattr("a b", window=3))
    assert mattr("a b c", window=3) == 1.0
    with pytest.raises(ValueError, match="window must be a whole number of at least 1; got 0"):
        mattr("a b", window=0)


@settings(max_examples=80, deadline=None)
@given(st.lists(st.sampled_from("abcdef"), min_size=1, max_size=40), st.integers(1, 10))
def test_mattr_is_the_mean_of_window_ratios(words, window):
    expected = [len(set(words[i:i + window])) / window for i in range(len(words) - window + 1)]
    result = mattr(words, window=window)
    if expected:
        assert result == pytest.approx(sum(expected) / len(expected))
        assert 0 < result <= 1
    else:
        assert math.isnan(result)


def test_short_text_gives_nan_with_a_reason():
    row = readability(TWENTY_WORDS).iloc[0]
    assert row["n_words"] == 20 and row["n_sentences"] == 2
    for column in (*FORMULAS, "mattr"):
        assert math.isnan(row[column]), column
    assert f"20 words, fewer than {MIN_WORDS_FORMULA}" in row["notes"]
    assert f"2 sentences, fewer than {MIN_SENTENCES}" in row["notes"]
    assert f"mattr: 20 words, fewer than the window of {MATTR_WINDOW}" in row["notes"]
    assert row["words_per_sentence"] == 10.0


def test_long_text_with_too_few_sentences_gives_nan():
    text = " ".join(["word"] * 150) + "."
    row = readability(text).iloc[0]
    assert math.isnan(row["flesch_reading_ease"]) and "1 sentences, fewer than 3" in row["notes"]
    assert row["mattr"] == pytest.approx(1 / MATTR_WINDOW)


def test_seeds_have_numbers(seeds, corpus):
    assert seeds["article_id"].tolist() == corpus.articles["article_id"].tolist()
    assert (seeds["notes"] == "").all()
    assert seeds["flesch_reading_ease"].between(0, 100).all()
    assert seeds["flesch_kincaid_grade"].between(5, 25).all()
    assert seeds["mattr"].between(0.5, 1).all()
    assert not seeds[list(READABILITY_COLUMNS)[2:-1]].isna().any().any()


def test_words_per_sentence_is_ours(seeds, corpus):
    for row, text in zip(seeds.itertuples(index=False), corpus.articles["text"]):
        n_words = sum(t.kind in WORD_KINDS for t in mc.tokenize(text))
        n_sentences = len(mc.sentences(text))
        assert (row.n_words, row.n_sentences) == (n_words, n_sentences)
        assert row.words_per_sentence == n_words / n_sentences
    summary = corpus.summary()
    assert seeds["n_words"].tolist() == summary["n_words"].tolist()
    assert seeds["n_sentences"].tolist() == summary["n_sentences"].tolist()


def test_textstat_values_equal_textstat_called_directly(seeds, corpus):
    for row, text in zip(seeds.itertuples(index=False), corpus.articles["text"]):
        assert row.flesch_reading_ease == textstat.flesch_reading_ease(text)
        assert row.flesch_kincaid_grade == textstat.flesch_kincaid_grade(text)
        assert row.gunning_fog == textstat.gunning_fog(text)
        assert row.dale_chall == textstat.dale_chall_readability_score(text)
        assert row.mattr == mattr(text)


def test_global_textstat_rounding_does_not_leak_in(corpus):
    text = corpus.articles["text"].iloc[0]
    textstat.set_rounding_points(1)
    try:
        value = readability(text).loc[0, "flesch_reading_ease"]
    finally:
        textstat.set_rounding_points(None)
    assert value == textstat.flesch_reading_ease(text)
    assert value != round(value, 1)


def test_empty_text_and_columns():
    table = readability(pd.DataFrame({"article_id": ["e"], "outlet": ["X"], "text": [""]}))
    assert list(table.columns) == list(READABILITY_COLUMNS)
    row = table.iloc[0]
    assert (row["n_words"], row["n_sentences"]) == (0, 0)
    assert math.isnan(row["words_per_sentence"]) and "no sentences" in row["notes"]
    empty = readability(pd.DataFrame({"article_id": [], "outlet": [], "text": []}))
    assert len(empty) == 0 and empty["mattr"].dtype == "float64"
    assert empty["n_words"].dtype == "int64"


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
        from mediacompare.measures.readability import readability
        table = readability(mc.load_corpus())
        assert table["dale_chall"].notna().all() and table["gunning_fog"].notna().all()
        print("offline ok")
    """)
    done = subprocess.run([sys.executable, "-c", block], capture_output=True, text=True,
                          cwd=ROOT, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "offline ok" in done.stdout
