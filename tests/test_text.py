"""Tests of mediacompare.text: offsets, coverage, tokens and sentences."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mediacompare.errors import ResourceError
from mediacompare.text import (
    TOKEN_KINDS,
    Sentence,
    Token,
    _parse_abbreviations,
    sentence_frame,
    sentences,
    token_frame,
    tokenize,
)

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

# ---------------------------------------------------------------- strategies

# Every category, lone surrogates included.
ANY_CHARACTER_TEXT = st.text(st.characters(exclude_categories=()))

FRAGMENTS = [
    "Russia’s", "troops’", "O'Brien", "war-devastated", "al-Assad", "U.S.", "U.N.",
    "e.g.", "Mr.", "Gen.", "Inc.", "etc.", "No.", "W", "330,000", "4.5", "10%", "1990s",
    "https://example.org/a_(b).", "www.presstv.co.uk", "me@x.org", "@", "http://",
    "“", "”", "‘", "’", '"', "'", "«", "»", "(", ")", "[", "]",
    ".", "..", "...", "…", "!", "?", "?!", ",", ";", ":", "—", "–", "-", "--", "/",
    " ", "  ", "\t", "\n", "\r\n", "\u2028", "\x1c", "\u00a0", "\u3000",
    "A", "a", "The", "the", "word", "Ünïcödé", "e\u0301", "\u0301", "\u093e", "Σ", "σ",
    "سوريا", "日本", "2", "٣", "²", "_", "\u200b", "😀", "©",
]
MIXED_TEXT = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=3)), max_size=40
).map("".join)
TEXTS = st.one_of(ANY_CHARACTER_TEXT, MIXED_TEXT)


def seed(prefix: str) -> str:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def texts(text: str) -> list[str]:
    return [t.text for t in tokenize(text)]


def sentence_texts(text: str) -> list[str]:
    return [s.text for s in sentences(text)]


# ---------------------------------------------------------------- properties


def assert_covering(text: str, spans) -> None:
    """Spans in order, not overlapping, exact, no whitespace at their edges,
    whitespace-only gaps (so every non-whitespace character is covered once)."""
    position = 0
    for span in spans:
        assert position <= span.start < span.end <= len(text)
        assert text[span.start:span.end] == span.text
        assert not span.text[0].isspace() and not span.text[-1].isspace()
        gap = text[position:span.start]
        assert gap == "" or gap.isspace()
        position = span.end
    rest = text[position:]
    assert rest == "" or rest.isspace()


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_tokens_cover_text(text):
    tokens = tokenize(text)
    assert_covering(text, tokens)
    for token in tokens:
        assert isinstance(token, Token)
        assert token.kind in TOKEN_KINDS
        assert not any(ch.isspace() for ch in token.text)
        assert len(token.norm) >= 1


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_sentences_cover_text(text):
    found = sentences(text)
    assert_covering(text, found)
    assert all(isinstance(s, Sentence) for s in found)
    # newlines are hard boundaries: no sentence contains a line break
    assert all(len(s.text.splitlines()) == 1 for s in found)
    # every token lies inside exactly one sentence
    bounds = iter(found)
    current = next(bounds, None)
    for token in tokenize(text):
        while current is not None and token.start >= current.end:
            current = next(bounds, None)
        assert current is not None and current.start <= token.start and token.end <= current.end


@settings(max_examples=100, deadline=None)
@given(st.one_of(st.text(), MIXED_TEXT))
def test_frames_agree_with_tokens_and_sentences(text):
    tokens, found = tokenize(text), sentences(text)
    tf, sf = token_frame(text), sentence_frame(text)
    assert list(tf["text"]) == [t.text for t in tokens]
    assert list(tf["kind"]) == [t.kind for t in tokens]
    assert list(zip(sf["start"], sf["end"])) == [(s.start, s.end) for s in found]
    assert sf["n_tokens"].sum() == len(tokens)
    assert list(tf.groupby("sentence_id").size()) == list(sf["n_tokens"])
    for row in tf.itertuples():
        sentence = found[row.sentence_id]
        assert sentence.start <= row.start < row.end <= sentence.end


# ---------------------------------------------------------------- tokens


@pytest.mark.parametrize("word", ["Russia’s", "Russia's", "won’t", "won't", "O'Brien", "Syria’s"])
def test_internal_apostrophe_stays_in_word(word):
    assert [(t.text, t.kind) for t in tokenize(word)] == [(word, "word")]


def test_leading_and_trailing_apostrophes_are_punct():
    assert texts("the planned troops’ withdrawal") == ["the", "planned", "troops", "’", "withdrawal"]
    assert texts("'US says won’t leave Syria'") == ["'", "US", "says", "won’t", "leave", "Syria", "'"]
    assert texts("‘end of war’") == ["‘", "end", "of", "war", "’"]


@pytest.mark.parametrize("word", ["war-devastated", "face-to-face", "al-Assad", "conflict-plagued",
                                  "Turkey-Russian", "10-year-old", "U.S.-led", "2,000-strong"])
def test_hyphenated_words_are_one_token(word):
    assert [(t.text, t.kind) for t in tokenize(f"the {word} one")][1] == (word, "word")


@pytest.mark.parametrize("number", ["330,000", "2,000", "4,000", "4.5", "10%", "2017", "1,000,000.5"])
def test_numbers_are_one_token(number):
    assert [(t.text, t.kind) for t in tokenize(f"left {number} dead")][1] == (number, "number")


def test_number_before_sentence_period_and_comma():
    assert texts("more than 330,000.") == ["more", "than", "330,000", "."]
    assert texts("in 2011,2012 and 1990s") == ["in", "2011", ",", "2012", "and", "1990s"]


@pytest.mark.parametrize("abbreviation", [
    "U.S.", "U.N.", "e.g.", "i.e.", "a.m.", "Mr.", "Mrs.", "Dr.", "Gen.", "Lt.", "Col.", "Sgt.",
    "Capt.", "Gov.", "Sen.", "Rep.", "Prof.", "St.", "Jr.", "Sr.", "Jan.", "Feb.", "Aug.",
    "Sept.", "Oct.", "Nov.", "Dec.", "No.", "Inc.", "Ltd.", "Co.", "Corp.", "vs.", "etc."])
def test_abbreviations_are_one_token(abbreviation):
    tokens = tokenize(f"with {abbreviation} here")
    assert [(t.text, t.kind) for t in tokens][1] == (abbreviation, "abbreviation")


def test_ordinary_word_before_period_is_not_an_abbreviation():
    assert [(t.text, t.kind) for t in tokenize("Syria.")] == [("Syria", "word"), (".", "punct")]
    assert texts("Mr is here") == ["Mr", "is", "here"]


@pytest.mark.parametrize("ellipsis", ["…", "...", "...."])
def test_ellipsis_is_one_token(ellipsis):
    assert texts(f"a chance{ellipsis} to end") == ["a", "chance", ellipsis, "to", "end"]


def test_dashes_are_punct_tokens():
    tokens = tokenize("militias – the units — here -- and - there")
    assert [t.text for t in tokens if t.kind == "punct"] == ["–", "—", "--", "-"]
    assert texts("relations—and") == ["relations", "—", "and"]


@pytest.mark.parametrize("url", ["https://www.presstv.ir/Detail/2021/06/22/a.html",
                                 "http://example.org/a?b=1&c=2", "www.presstv.co.uk",
                                 "news@thejournal.ie"])
def test_urls_and_emails_are_one_token(url):
    assert [(t.text, t.kind) for t in tokenize(f"see {url}.")] == [
        ("see", "word"), (url, "url"), (".", "punct")]


def test_combining_marks_stay_in_word():
    assert texts("cafe\u0301 and Zemlianichenko\u0308") == ["cafe\u0301", "and", "Zemlianichenko\u0308"]


def test_other_characters_are_one_character_tokens():
    assert [(t.text, t.kind) for t in tokenize("© AFP $5 😀")] == [
        ("©", "symbol"), ("AFP", "word"), ("$", "symbol"), ("5", "number"), ("😀", "symbol")]


def test_norm_is_for_matching_and_text_is_untouched():
    tokens = tokenize("“Russia’s” WAR‐TORN")
    assert [t.norm for t in tokens] == ['"', "russia's", '"', "war-torn"]
    assert [t.text for t in tokens] == ["“", "Russia’s", "”", "WAR‐TORN"]


def test_offsets_on_a_seed():
    text = seed("001")
    tokens = tokenize(text)
    assert all(text[t.start:t.end] == t.text for t in tokens)
    assert "war-devastated" in {t.text for t in tokens}


# ---------------------------------------------------------------- sentences


def test_seed_quotation_is_two_sentences_closing_quote_kept():
    first = ("“The large-scale combat actions against terror groups in Syria are coming to an end,” "
             "declared Putin, according to the state-owned TASS news agency.")
    second = ("“I note that the efforts of Russia, Iran, and Turkey have helped to prevent Syria’s "
              "breakup, not allow its takeover by international terrorists and avoid a humanitarian "
              "crisis.”")
    assert sentence_texts(first + " " + second) == [first, second]
    found = sentence_texts(seed("001"))
    assert first in found and second in found


def test_us_before_lowercase_word_is_not_a_boundary():
    sentence = ("While Turkey-Russian relations improve, the Syrian war has driven a wedge "
                "between NATO allies U.S. and Turkey.")
    assert sentence_texts(sentence) == [sentence]
    # in the seed, two of the spaces are no-break spaces (U+00A0): whitespace all the same
    (found,) = [s for s in sentence_texts(seed("001")) if "NATO allies" in s]
    assert found.replace("\u00a0", " ") == sentence
    assert sentence_texts("Citing unnamed U.S. officials, Reuters reported it.") == [
        "Citing unnamed U.S. officials, Reuters reported it."]


def test_us_before_capitalised_word_is_not_a_boundary():
    # documented policy: "U.S. President", "U.N. Security Council" are far more common; only
    # a word that mostly starts sentences ("The", "They", "Where") ends one after "U.S."
    assert sentence_texts("The U.S. Army and the U.N. Security Council met.") == [
        "The U.S. Army and the U.N. Security Council met."]
    assert sentence_texts("He flew to the U.S. The talks failed.") == [
        "He flew to the U.S.", "The talks failed."]
    assert sentence_texts("He flew to the U.S. Senate chamber.") == ["He flew to the U.S. Senate chamber."]
    assert sentence_texts("He flew to the U.S.\nThe talks failed.") == [
        "He flew to the U.S.", "The talks failed."]


def test_title_abbreviations_do_not_end_sentences():
    assert sentence_texts("Mr. Smith met Gen. Jones.") == ["Mr. Smith met Gen. Jones."]
    assert sentence_texts("Dr. No. 10 met St. Petersburg officials on Dec. 5. Then he left.") == [
        "Dr. No. 10 met St. Petersburg officials on Dec. 5.", "Then he left."]
    assert sentence_texts("George W. Bush spoke.") == ["George W. Bush spoke."]
    assert sentence_texts("The author J. K. Rowling spoke.") == ["The author J. K. Rowling spoke."]


def test_suffix_abbreviations_may_end_sentences():
    assert sentence_texts("He works at Apple Inc. The firm grew.") == [
        "He works at Apple Inc.", "The firm grew."]
    assert sentence_texts("Apple Inc. said no.") == ["Apple Inc. said no."]


def test_quotations_spanning_sentences_split_with_their_marks():
    assert sentence_texts("“A. B.”") == ["“A.", "B.”"]
    assert sentence_texts('He said "it is over." Then he left.') == [
        'He said "it is over."', "Then he left."]
    assert sentence_texts("“Why?” he asked. (Nobody knew.) 2017 was odd.") == [
        "“Why?” he asked.", "(Nobody knew.)", "2017 was odd."]


def test_runs_of_final_punctuation_and_lowercase_continuations():
    # issue 12: a period after a word of three or more letters also ends a sentence before a
    # lowercase word; after a shorter one ("ok.", "p.", "cf.") it does not
    assert sentence_texts("Really?! Yes... We won… and lost. ok. fine") == [
        "Really?!", "Yes...", "We won… and lost.", "ok. fine"]
    assert sentence_texts("provide “a real chance … to end the war.”") == [
        "provide “a real chance … to end the war.”"]


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r", "\u2028", "\n\n\n"])
def test_every_newline_is_a_hard_boundary(newline):
    text = f"Putin: Troops Will Leave{newline}Russian President Putin said so{newline}and more."
    assert sentence_texts(text) == [
        "Putin: Troops Will Leave", "Russian President Putin said so", "and more."]


@pytest.mark.parametrize("text", ["", " ", "\n\t \u00a0\u3000\n"])
def test_empty_text(text):
    assert tokenize(text) == []
    assert sentences(text) == []
    assert token_frame(text).empty and sentence_frame(text).empty


def test_sentences_strip_whitespace():
    assert sentences("  Hi there.   Bye. \n") == [Sentence(2, 11, "Hi there."), Sentence(14, 18, "Bye.")]


# ---------------------------------------------------------------- frames


@pytest.mark.parametrize("text", ["", "Mr. Smith met Gen. Jones. He left!"])
def test_frame_columns_and_dtypes(text):
    tf = token_frame(text)
    sf = sentence_frame(text)
    assert list(tf.columns) == ["token_id", "sentence_id", "start", "end", "text", "norm", "kind"]
    assert list(sf.columns) == ["sentence_id", "start", "end", "text", "n_tokens"]
    for frame, ints, strings in [(tf, ["token_id", "sentence_id", "start", "end"],
                                  ["text", "norm", "kind"]),
                                 (sf, ["sentence_id", "start", "end", "n_tokens"], ["text"])]:
        for column in ints:
            assert frame[column].dtype == "int64", column
        for column in strings:
            assert pd.api.types.is_string_dtype(frame[column].dtype), column
        # the same text dtype whether or not the frame is empty
        assert frame[strings[0]].dtype == pd.Series(["x"], dtype=str).dtype


def test_frames_with_article_id():
    text = "Mr. Smith met Gen. Jones. He left!"
    tf = token_frame(text, article_id="a1")
    sf = sentence_frame(text, article_id=7)
    assert tf.columns[0] == "article_id" and set(tf["article_id"]) == {"a1"}
    assert sf.columns[0] == "article_id" and sf["article_id"].dtype == "int64"
    assert list(sf["text"]) == ["Mr. Smith met Gen. Jones.", "He left!"]
    assert list(sf["n_tokens"]) == [6, 3]
    assert list(tf["sentence_id"]) == [0] * 6 + [1] * 3
    assert all(text[r.start:r.end] == r.text for r in tf.itertuples())
    assert list(tf["token_id"]) == list(range(9))


def test_seed_frames_offsets():
    text = seed("002")
    sf = sentence_frame(text, article_id="002")
    assert all(text[r.start:r.end] == r.text for r in sf.itertuples())
    assert "It will be their eighth face-to-face meeting this year." in set(sf["text"])


# ---------------------------------------------------------------- data file


def test_malformed_abbreviation_file_is_refused():
    with pytest.raises(ResourceError, match=r"bad\.txt, line 2"):
        _parse_abbreviations(["Mr. prefix", "Gen. title"], "bad.txt")
    with pytest.raises(ResourceError, match="line 1"):
        _parse_abbreviations(["U.S. prefix"], "bad.txt")


# -- issue 12: lists, abbreviations and initials at a sentence's end, ellipses ----------------

def test_numbered_list_items_keep_their_numbers():
    assert sentence_texts("1. Open the box\n2. Remove the lid") == ["1. Open the box", "2. Remove the lid"]
    assert sentence_texts("1. First point 2. Second point 3. Third point") == [
        "1. First point", "2. Second point", "3. Third point"]
    assert sentence_texts("1) Turn left 2) Turn right") == ["1) Turn left", "2) Turn right"]
    # a number that does not continue a list is not a marker
    assert sentence_texts("1. Vote now 5. Then wait") == ["1. Vote now 5.", "Then wait"]
    assert sentence_texts("It ended in 2019. 2020 began badly.") == ["It ended in 2019.", "2020 began badly."]


def test_initials_and_dotted_abbreviations_end_a_sentence_before_a_starting_word():
    assert sentence_texts("The second option is plan B. The first one failed.") == [
        "The second option is plan B.", "The first one failed."]
    assert sentence_texts("It closed at 9 P.M. Then he slept.") == ["It closed at 9 P.M.", "Then he slept."]
    assert sentence_texts("At 7 a.m. Mr. Diaz opened the shop.") == ["At 7 a.m. Mr. Diaz opened the shop."]
    assert sentence_texts("Senator John F. Kerr voted.") == ["Senator John F. Kerr voted."]


def test_ellipses_inside_and_at_the_end_of_a_sentence():
    assert sentence_texts("I tried . . . I really did.") == ["I tried . . . I really did."]
    assert sentence_texts("He kept talking . . . . Finally he stopped.") == [
        "He kept talking . . . .", "Finally he stopped."]
    assert sentence_texts("Well... maybe tomorrow.") == ["Well... maybe tomorrow."]


def test_a_period_after_a_word_ends_a_sentence_before_a_lowercase_word():
    assert sentence_texts("the vote is tomorrow. the count is next week.") == [
        "the vote is tomorrow.", "the count is next week."]
    assert sentence_texts("See p. 42 and fig. 3 of vol. 2.") == ["See p. 42 and fig. 3 of vol. 2."]


def _sentence_cases():
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from sentence_cases import CASES

    return CASES


@pytest.mark.parametrize("kind, text, expected", _sentence_cases())
def test_the_sentence_boundary_set(kind, text, expected):
    assert sentence_texts(text) == expected


def test_a_bracket_closed_after_an_abbreviation_ends_a_sentence_only_before_a_start():
    texts = sentence_texts
    assert texts("Sen. Ann Lee (Tex.) has said that she would run.") == [
        "Sen. Ann Lee (Tex.) has said that she would run."]
    assert texts("They left (as planned.) and then came back.") == ["They left (as planned.) and then came back."]
    assert texts("He won the race (by a lot.) The count ended.") == ["He won the race (by a lot.)", "The count ended."]
    # without the bracket, a period after a word still ends a sentence before a lowercase word
    assert texts("the vote is tomorrow. the count follows") == ["the vote is tomorrow.", "the count follows"]
