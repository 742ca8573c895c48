"""Tests of mediacompare.features.quotes: quotations, nesting, apostrophes, voice lookup."""

from __future__ import annotations


import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import mediacompare as mc
from mediacompare.features.quotes import (
    MARK_KINDS,
    MAX_NESTING,
    Quote,
    QuoteIndex,
    find_quotes,
    quote_frame,
)

GLYPHS = ['"', "'", "“", "”", "‘", "’", "''", "``"]


@pytest.fixture(scope="module")
def seeds() -> dict[str, str]:
    articles = mc.load_corpus().articles
    return dict(zip(articles["article_id"], articles["text"]))


def texts(text: str) -> list[str]:
    return [q.text for q in find_quotes(text)]


def only(text: str) -> Quote:
    (quote,) = find_quotes(text)
    return quote


def quote_starting(quotes: list[Quote], prefix: str) -> Quote:
    (quote,) = [q for q in quotes if q.text.startswith(prefix)]
    return quote


def check_invariants(text: str, quotes: list[Quote]) -> None:
    """Offsets valid, text equal, ids in order, proper nesting, levels and parents."""
    for k, q in enumerate(quotes):
        assert q.quote_id == k
        assert 0 <= q.start <= q.inner_start <= q.inner_end <= q.end <= len(text)
        assert q.start < q.end
        assert text[q.inner_start:q.inner_end] == q.text
        assert q.mark in MARK_KINDS
        assert isinstance(q.closed, bool) and q.n_words >= 0
        assert q.closed or q.problem
        if q.closed:  # one mark at each end: a glyph, or the pairs '' and ``
            assert text[q.start:q.inner_start] in ("“", "‘", '"', "'", "''", "``")
            assert text[q.inner_end:q.end] in ("”", "’", '"', "'", "''") or (
                text[q.inner_end:q.end] == "“" and "read as the closing mark" in q.problem)
        if q.parent_id is None:
            assert q.level == 0
        else:
            parent = quotes[q.parent_id]
            assert q.parent_id < q.quote_id and q.level == parent.level + 1
            assert parent.inner_start <= q.start and q.end <= parent.inner_end
    for a, b in zip(quotes, quotes[1:]):
        assert (a.start, -a.end) < (b.start, -b.end)
    for a in quotes:
        for b in quotes:
            if a.quote_id < b.quote_id:  # a starts first: b is after a or inside it
                inside = a.inner_start <= b.start and b.end <= a.inner_end
                assert b.start >= a.end or inside, (a, b)
                assert inside == (b.parent_id is not None and _is_ancestor(quotes, a, b))


def _is_ancestor(quotes: list[Quote], a: Quote, b: Quote) -> bool:
    parent = b.parent_id
    while parent is not None:
        if parent == a.quote_id:
            return True
        parent = quotes[parent].parent_id
    return False


# ---------------------------------------------------------------- double marks


def test_curly_double_quote_offsets_and_words():
    text = "He said “we will stay, 4.5% of U.S. troops” today."
    q = only(text)
    assert (q.start, q.inner_start, q.inner_end, q.end) == (8, 9, 42, 43)
    assert text[q.start:q.end] == "“we will stay, 4.5% of U.S. troops”"
    assert (q.mark, q.level, q.parent_id, q.closed, q.problem) == ("double", 0, None, True, None)
    assert q.n_words == 7  # we will stay 4.5% of U.S. troops (punctuation not counted)


@pytest.mark.parametrize("text, expected", [
    ('He said "yes" and "no".', ["yes", "no"]),
    ('("Yes") and —"no" and -"maybe" and/"perhaps"', ["Yes", "no", "maybe", "perhaps"]),
    ('"Start of text," he said.', ["Start of text,"]),
    ('The "so-called" rebels', ["so-called"]),
    ('He said ""', [""]),  # an empty quotation
])
def test_straight_double_opens_after_space_bracket_dash_and_closes_otherwise(text, expected):
    assert texts(text) == expected
    assert all(q.closed for q in find_quotes(text))


def test_straight_double_inch_mark_after_digit_is_ignored():
    assert find_quotes('a 12" gun and a 5\'10" man') == []
    assert texts('"It was 12" he said') == ["It was 12"]  # closes an open quotation


@pytest.mark.parametrize("text", [
    '"Soon, as the situation stabilizes, all will withdraw from the country,” he added.',
    "“Soon, as the situation stabilizes, all will withdraw from the country,\" he added.",
])
def test_mixed_glyphs_pair_by_kind(text):
    q = only(text)
    assert q.text == "Soon, as the situation stabilizes, all will withdraw from the country,"
    assert q.closed and q.level == 0


def test_two_straight_singles_and_two_backticks_are_one_double_mark():
    text = "Bush is joining the ''Today'' show, NBC said. ''It is a fit,'' an executive said."
    assert [(q.text, q.mark, q.closed) for q in find_quotes(text)] == [
        ("Today", "double", True), ("It is a fit,", "double", True)]
    (q,) = find_quotes("``We stay,'' he said.")
    assert (q.start, q.inner_start, q.inner_end, q.end, q.text) == (0, 2, 10, 12, "We stay,")
    assert find_quotes("a 12'' gun") == []  # inches, as with a straight double mark


def test_straight_doubles_nested_in_straight_doubles():
    outer, inner = find_quotes('"He said "no" today," she said.')
    assert outer.text == 'He said "no" today,' and inner.text == "no"
    assert (inner.level, inner.parent_id, inner.mark) == (1, outer.quote_id, "double")


# ---------------------------------------------------------------- nesting


def test_single_nested_in_double():
    text = "“He said ‘no’ today,” she said."
    outer, inner = find_quotes(text)
    assert (outer.quote_id, outer.text, outer.mark, outer.level, outer.parent_id) == (
        0, "He said ‘no’ today,", "double", 0, None)
    assert (inner.quote_id, inner.text, inner.mark, inner.level, inner.parent_id) == (
        1, "no", "single", 1, 0)
    assert outer.inner_start <= inner.start and inner.end <= outer.inner_end
    assert outer.n_words == 4 and inner.n_words == 1


def test_double_nested_in_single_british_style():
    outer, inner = find_quotes("‘He called it “a victory”, not a retreat,’ she said.")
    assert (outer.mark, outer.level, outer.text) == (
        "single", 0, "He called it “a victory”, not a retreat,")
    assert (inner.mark, inner.level, inner.parent_id, inner.text) == ("double", 1, 0, "a victory")


def test_straight_single_nested_in_straight_double():
    outer, inner = find_quotes('"He said \'no\' today," she said.')
    assert (outer.text, inner.text) == ("He said 'no' today,", "no")
    assert (inner.mark, inner.parent_id, inner.level) == ("single", 0, 1)


def test_marks_glued_to_each_other_nest():
    outer, inner = find_quotes("“‘No’ is his word,” he said")
    assert inner.text == "No" and inner.parent_id == outer.quote_id
    outer, inner = find_quotes('"\'No\' is his word," he said')
    assert inner.text == "No" and inner.parent_id == outer.quote_id


def test_ids_follow_start_order():
    quotes = find_quotes("“a ‘b’ c” then ‘d’ and “e”")
    assert [(q.quote_id, q.text, q.level) for q in quotes] == [
        (0, "a ‘b’ c", 0), (1, "b", 1), (2, "d", 0), (3, "e", 0)]


# ---------------------------------------------------------------- single marks and apostrophes


@pytest.mark.parametrize("text", [
    "Russia’s troops won’t leave; they don't, O'Brien said.",
    "The troops’ withdrawal and the soldiers' return",
    "the Kurdistan Workers’ Party (PKK)",
    "in the ’90s and the '80s and the ‘70s",
    "rock ’n’ roll, ’tis true, get ’em",
    "goin’ home, the 1990s’ end, the boss' car",
    "rock’n’roll and rock'n'roll",
    "a lone ' mark and a lone ’ mark",
])
def test_apostrophes_are_not_quote_marks(text):
    assert find_quotes(text) == []


def test_quoted_line_with_an_apostrophe_inside():
    text = "Para.\n\n'US says won’t leave Syria'\n\nOn Friday"
    q = only(text)
    assert (q.text, q.mark, q.closed, q.level) == ("US says won’t leave Syria", "single", True, 0)
    assert text[q.start:q.end] == "'US says won’t leave Syria'"
    assert q.n_words == 5


def test_curly_single_quotation():
    q = only("Putin declared the ‘end of war against ISIS’ on Monday.")
    assert (q.text, q.mark, q.closed, q.n_words) == ("end of war against ISIS", "single", True, 5)


def test_plural_possessive_inside_a_single_quotation():
    q = only("‘The troops’ withdrawal is done,’ he said.")
    assert q.text == "The troops’ withdrawal is done," and q.closed


def test_apostrophes_inside_a_single_quotation():
    q = only("‘Russia’s troops won’t stay in the ’90s,’ he said.")
    assert q.text == "Russia’s troops won’t stay in the ’90s," and q.closed


def test_rock_n_roll_inside_a_single_quotation():
    q = only("‘I love rock ’n’ roll’ he said.")
    assert q.text == "I love rock ’n’ roll" and q.closed


def test_trailing_apostrophe_after_a_word_closes_an_open_single_quotation():
    # Not a possessive: the next word is capitalised, or punctuation follows.
    assert texts("the ‘Workers’ Party and the ‘rebels’.") == ["Workers", "rebels"]


# ---------------------------------------------------------------- paragraphs


def test_quotation_over_three_paragraphs_is_one_quote():
    text = ("He said: “First part.\n\n“Second part.\n  \n\n“Third part,” he added.\n\n"
            "After that.")
    q = only(text)
    assert q.text == "First part.\n\n“Second part.\n  \n\n“Third part,"
    assert (q.closed, q.problem, q.level) == (True, None, 0)
    assert text[q.start:q.end] == "“" + q.text + "”"
    assert q.n_words == 6


def test_continued_quotation_with_straight_marks_and_a_nested_quote():
    text = 'He said: "We said \'no\'.\n\n"We say it again," he said.'
    outer, inner = find_quotes(text)
    assert outer.text == 'We said \'no\'.\n\n"We say it again,' and outer.closed
    assert (inner.text, inner.parent_id) == ("no", outer.quote_id)


def test_closed_quotation_then_quoted_paragraph_are_two_quotes():
    text = "“If there is seriousness, it helps,” said Salim.\n\n“If this is serious, it helps.”"
    assert texts(text) == ["If there is seriousness, it helps,", "If this is serious, it helps."]


def test_unclosed_quotation_before_an_unquoted_paragraph_is_closed_at_its_end():
    text = "He said “we stay.  \n\nThen he left."
    q = only(text)
    assert (q.start, q.end, q.inner_end) == (8, 17, 17)
    assert q.text == "we stay."
    assert q.closed is False
    assert q.problem == ("opening “ at 8 is never closed in its paragraph; "
                         "closed at the paragraph end")


def test_continued_quotation_never_closed_is_read_again_a_paragraph_at_a_time():
    # Decision (issue 12): a chain of "continued" paragraphs that is never closed was a
    # misreading; each paragraph closes its own quotation, and the problem says why.
    text = "“One.\n\n“Two.\n\n“Three."
    quotes = find_quotes(text)
    assert [(q.text, q.closed) for q in quotes] == [("One.", False), ("Two.", False), ("Three.", False)]
    assert quotes[0].problem == ("opening “ at 0 is never closed in its paragraph; closed at the paragraph "
                                 "end; the opening mark starting the next paragraph begins a quotation of "
                                 "its own, as the quotation it would continue is never closed")
    assert quotes[2].problem == "opening “ at 14 is never closed in its paragraph; closed at the paragraph end"


def test_one_unclosed_mark_never_swallows_the_paragraphs_after_it():
    # An interview-style run of quoted paragraphs after one opening mark that never
    # closes. Documented limitation: the next paragraph, opening with a mark and closed,
    # reads as the continuation; but the quotation stops there, and the rest keep their
    # own extents instead of becoming one quotation of eight paragraphs.
    paragraphs = ["The senator spoke at length. He said “we will win this state"]
    paragraphs += [f"“Point {n} of the plan is clear,” she said." for n in range(2, 9)]
    text = "\n\n".join(paragraphs)
    quotes = find_quotes(text)
    assert quotes[0].text == "we will win this state\n\n“Point 2 of the plan is clear,"
    assert [q.text for q in quotes[1:]] == [f"Point {n} of the plan is clear," for n in range(3, 9)]
    # With no closing mark anywhere, nothing is continued: eight quotations of a paragraph each.
    text = "\n\n".join(p.replace("”", "") for p in paragraphs)
    quotes = find_quotes(text)
    assert len(quotes) == 8 and all("\n" not in q.text and not q.closed for q in quotes)


def test_a_line_break_ends_a_paragraph():
    # Decision (issue 12): a line is a paragraph, as in mediacompare.text; an unclosed mark
    # closes at the end of its line, a stray closing mark reaches back only to its line start.
    first, second = find_quotes("“a\nb” c")
    assert (first.text, first.closed, second.text, second.closed) == ("a", False, "b", False)
    text = "Own words of the outlet, many of them.\nMore own words here.\nHe was clear: no way.” Then."
    (q,) = find_quotes(text)
    assert q.start == text.index("He was") and q.text == "He was clear: no way."
    text = "Intro line.\nHe said “we stay and fight\nNext line, “in quotes,” she said.\nLast line."
    assert [(q.text, q.closed) for q in find_quotes(text)] == [("we stay and fight", False),
                                                                ("in quotes,", True)]


def test_continuation_needs_the_same_kind():
    first, second = find_quotes("“One.\n\n‘Two.’")
    assert (first.text, first.closed) == ("One.", False)
    assert (second.text, second.closed, second.level) == ("Two.", True, 0)


# ---------------------------------------------------------------- unbalanced marks


def test_unclosed_opening_mark_is_closed_at_paragraph_end():
    text = "First paragraph.\n\nHe said “we will stay and fight\n\nNext."
    q = only(text)
    assert text[q.start] == "“" and q.end == text.index("\n\nNext")
    assert q.text == "we will stay and fight" and not q.closed
    assert q.problem == (f"opening “ at {q.start} is never closed in its paragraph; "
                         "closed at the paragraph end")


def test_lone_closing_mark_opens_at_paragraph_start():
    text = "Intro.\n\nI have taken a decision, he said.” Then more.\n\nEnd."
    q = only(text)
    assert q.start == q.inner_start == text.index("I have")
    assert q.text == "I have taken a decision, he said."
    assert text[q.end - 1] == "”" and not q.closed and q.mark == "double"
    assert q.problem == (f"closing ” at {q.end - 1} has no opening mark; "
                         "the quotation is taken to start at the paragraph start")


def test_lone_closing_single_after_punctuation():
    q = only("No, never,’ he said.")
    assert (q.text, q.mark, q.closed, q.start) == ("No, never,", "single", False, 0)
    assert q.problem == ("closing ’ at 10 has no opening mark; "
                         "the quotation is taken to start at the paragraph start")


def test_lone_closing_mark_inside_an_open_quotation_stays_nested():
    outer, inner = find_quotes("‘a b,” c’ d")
    assert outer.text == "a b,” c" and outer.closed
    assert (inner.text, inner.parent_id, inner.closed) == ("a b,", 0, False)
    assert inner.problem.endswith("taken to start at the start of the enclosing quotation")


def test_lone_closing_mark_encloses_earlier_quotes_of_its_paragraph():
    lone, inner = find_quotes("He called it “a win” and left.” Then")
    assert lone.start == 0 and not lone.closed and lone.text == "He called it “a win” and left."
    assert inner.parent_id == lone.quote_id and inner.closed


def test_two_lone_closing_marks_give_side_by_side_quotes():
    first, second = find_quotes("a,” b,” c")
    assert (first.text, second.text) == ("a,", " b,")
    assert first.level == second.level == 0
    assert second.problem.endswith("taken to start at the end of the previous quotation")


def test_lone_closing_mark_after_a_continued_quotation():
    text = "“a\n\n“b” c” d"
    continued, lone = find_quotes(text)
    assert continued.text == "a\n\n“b" and continued.closed
    assert lone.start == continued.end and lone.text == " c" and lone.level == 0


def test_inner_quotation_closed_by_the_enclosing_closing_mark():
    text = "“a ‘b c” d"
    outer, inner = find_quotes(text)
    assert outer.text == "a ‘b c" and outer.closed
    assert (inner.text, inner.closed, inner.end) == ("b c", False, 7)
    assert inner.problem == ("opening ‘ at 3 is never closed; "
                             "closed at the closing ” at 7 of the enclosing quotation")


def test_nesting_deeper_than_the_limit_is_ignored_and_reported():
    quotes = find_quotes("“" * (MAX_NESTING + 3) + "x")
    assert len(quotes) == MAX_NESTING
    assert "3 opening marks nested more than" in quotes[-1].problem


@pytest.mark.parametrize("text", ["", "   \n\n  ", "no marks at all", "”", "“", "'", '"', "’’’"])
def test_degenerate_texts(text):
    quotes = find_quotes(text)
    check_invariants(text, quotes)


def test_non_string_gives_no_quotes():
    assert find_quotes(None) == [] and find_quotes(b'"a"') == []


# ---------------------------------------------------------------- seeds


def test_seed_afp_putin_order(seeds):
    q = quote_starting(find_quotes(seeds["002"]), "I order the defence minister")
    assert q.text.endswith("permanent bases,")
    assert (q.level, q.closed, q.mark, q.problem) == (0, True, "double", None)


def test_seed_afp_lost_marks_are_not_found(seeds):
    quotes = find_quotes(seeds["002"])
    assert len(quotes) == 1 and not any("I have taken" in q.text for q in quotes)


def test_seed_breitbart_quotes(seeds):
    quotes = find_quotes(seeds["001"])
    combat = quote_starting(quotes, "The large-scale combat actions")
    assert combat.text.endswith("to an end,")
    note = quote_starting(quotes, "I note that")
    assert note.text.endswith("crisis.")
    task = quote_starting(quotes, "The task of fighting armed bandits")
    assert task.text.endswith("I congratulate you!")
    chance = quote_starting(quotes, "a real chance")
    assert chance.text == "a real chance … to end the civil war that has raged for many years."
    assert quote_starting(quotes, "large-scale").text == "large-scale combat actions"
    assert all(q.closed and q.level == 0 for q in quotes)


def test_seed_press_tv_quotes(seeds):
    text = seeds["003"]
    quotes = find_quotes(text)
    soon = quote_starting(quotes, "Soon, as the situation stabilizes")
    assert text[soon.start] == '"' and text[soon.end - 1] == "”" and soon.closed
    assert soon.text.endswith("from the country,")
    unacceptable = quote_starting(quotes, "absolutely unacceptable")
    assert unacceptable.text == "absolutely unacceptable" and unacceptable.closed
    headline = quote_starting(quotes, "US says")
    assert (headline.text, headline.mark, headline.closed) == (
        "US says won’t leave Syria", "single", True)
    regime = quote_starting(quotes, "does not aim")
    assert text[regime.start] == "“" and text[regime.end - 1] == '"'
    mekdad = quote_starting(quotes, "mixed with the soil")
    assert mekdad.closed and mekdad.text.endswith("except the terrorists,")
    assert all(q.closed and q.problem is None for q in quotes)
    assert not any("Russia's" in q.text or q.text.startswith("s ") for q in quotes)


def test_seed_al_arabiya_muslat_two_quotes(seeds):
    text = seeds["004"]
    quotes = find_quotes(text)
    first = quote_starting(quotes, "If there is seriousness")
    second = quote_starting(quotes, "If this is a serious step")
    assert first.quote_id != second.quote_id and first.closed and second.closed
    assert "\n\n" in text[first.end:second.start]
    assert second.text.endswith("as a result of that.")


def test_seed_fort_russ_possessives_are_not_quotes(seeds):
    (q,) = find_quotes(seeds["000"])  # Workers’ Party, country’s, People’s
    assert q.text.startswith("We know that the US") and q.closed


def test_every_seed_quote_is_valid(seeds):
    for text in seeds.values():
        quotes = find_quotes(text)
        assert quotes
        check_invariants(text, quotes)
        assert all(q.problem is None for q in quotes)


# ---------------------------------------------------------------- frame


def test_quote_frame_columns_and_dtypes():
    frame = quote_frame("“He said ‘no’,” she said. Then a lone one.”", article_id="a1")
    assert list(frame.columns) == ["article_id", *Quote._fields]
    for column in ("quote_id", "start", "end", "inner_start", "inner_end", "level", "n_words"):
        assert frame[column].dtype == "int64"
    assert frame["closed"].dtype == bool
    assert str(frame["parent_id"].dtype) == "Int64"
    # The lone closing mark's quotation starts at 0 and encloses the others.
    assert frame["parent_id"].tolist() == [pd.NA, 0, 1]
    assert frame["level"].tolist() == [0, 1, 2]
    assert frame["problem"].notna().tolist() == [True, False, False]
    assert frame["closed"].tolist() == [False, True, True]
    assert frame["text"].tolist() == [q.text for q in find_quotes(
        "“He said ‘no’,” she said. Then a lone one.”")]
    assert (frame["article_id"] == "a1").all()


def test_quote_frame_empty_and_integer_article_id():
    empty = quote_frame("No quotations here.")
    assert list(empty.columns) == list(Quote._fields) and len(empty) == 0
    assert empty["start"].dtype == "int64" and empty["closed"].dtype == bool
    frame = quote_frame("“a”", article_id=7)
    assert frame["article_id"].dtype == "int64" and frame["article_id"].tolist() == [7]


def test_quote_frame_matches_find_quotes_on_seeds(seeds):
    text = seeds["003"]
    frame = quote_frame(text, article_id="003")
    quotes = find_quotes(text)
    assert len(frame) == len(quotes)
    rows = frame.drop(columns="article_id").astype(object).where(frame.notna(), None)
    assert [Quote(*row) for row in rows.itertuples(index=False)] == quotes


# ---------------------------------------------------------------- QuoteIndex


def test_quote_index_innermost_and_boundaries():
    text = "“He said ‘no way’ today,” she said."
    outer, inner = find_quotes(text)
    index = QuoteIndex([outer, inner])
    assert index.quote_id_for(outer.inner_start, outer.inner_end) == 0  # all the quoted words
    assert index.quote_id_for(inner.inner_start, inner.inner_end) == 1
    assert index.quote_id_for(inner.inner_start + 1, inner.inner_end - 1) == 1
    assert index.quote_id_for(inner.start, inner.end) == 0   # with its marks: in the outer only
    assert index.quote_id_for(inner.inner_start, inner.end) == 0   # crosses the inner's end
    assert index.quote_id_for(outer.start, outer.inner_end) is None  # includes the opening mark
    assert index.quote_id_for(outer.inner_start, outer.end) is None  # includes the closing mark
    assert index.quote_id_for(outer.end + 1, outer.end + 4) is None  # "she"
    assert index.quote(inner.inner_start, inner.inner_end) == inner
    assert index.in_quote(1, 3) and not index.in_quote(20, 30)


def test_quote_index_empty_spans_and_no_quotes():
    index = QuoteIndex(find_quotes("a “bc” d"))
    assert [index.quote_id_for(i, i) for i in range(8)] == [None, None, None, 0, 0, None, None, None]
    assert QuoteIndex([]).quote_ids_for([0, 5], [1, 9]) == [None, None]


def test_quote_index_vectorised_on_seed_tokens(seeds):
    text = seeds["001"]
    quotes = find_quotes(text)
    index = QuoteIndex(quotes)
    tokens = mc.tokenize(text)
    ids = index.quote_ids_for(pd.Series([t.start for t in tokens]), [t.end for t in tokens])
    assert ids == [index.quote_id_for(t.start, t.end) for t in tokens]
    by_token = dict(zip((t.text for t in tokens), ids))
    assert by_token["congratulate"] == quote_starting(quotes, "The task").quote_id
    assert by_token["Kremlin"] is None
    column = pd.Series(ids, dtype="Int64")
    words = column[[t.kind in ("word", "number", "abbreviation") for t in tokens]]
    assert words.notna().sum() == sum(q.n_words for q in quotes)  # no nesting in this seed


def test_quote_index_lengths_must_match():
    with pytest.raises(ValueError, match="same length; got 2 starts and 1 ends"):
        QuoteIndex([]).quote_ids_for([0, 1], [2])


# ---------------------------------------------------------------- properties

PIECES = st.sampled_from(GLYPHS + ["a", "s", "S", "9", " ", "\n", "\n\n", "\n \n", ",", ".",
                                   "(", "—", "Russia’s", "troops’ w", "’90s", "rock ’n’ roll"])
QUOTE_TEXT = st.lists(PIECES, max_size=60).map("".join)


def brute_force_quote_id(quotes: list[Quote], start: int, end: int) -> int | None:
    best = None
    for q in quotes:
        holds = (q.inner_start <= start < q.inner_end) if start == end else (
            q.inner_start <= start and end <= q.inner_end)
        if holds and (best is None or q.level > best.level):
            best = q
    return None if best is None else best.quote_id


@settings(max_examples=400, deadline=None)
@given(st.one_of(QUOTE_TEXT, st.text(alphabet="ab s\n" + "".join(GLYPHS), max_size=80)))
def test_property_never_raises_and_quotes_are_valid_and_nested(text):
    quotes = find_quotes(text)
    check_invariants(text, quotes)
    frame = quote_frame(text)
    assert len(frame) == len(quotes)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_property_any_unicode_text(text):
    check_invariants(text, find_quotes(text))


@settings(max_examples=200, deadline=None)
@given(QUOTE_TEXT, st.data())
def test_property_index_agrees_with_brute_force(text, data):
    quotes = find_quotes(text)
    index = QuoteIndex(quotes)
    n = len(text)
    spans = data.draw(st.lists(st.tuples(st.integers(0, n), st.integers(0, n)), max_size=20))
    spans = [(min(a, b), max(a, b)) for a, b in spans]
    expected = [brute_force_quote_id(quotes, s, e) for s, e in spans]
    assert index.quote_ids_for([s for s, _ in spans], [e for _, e in spans]) == expected


def test_output_size_stays_linear_under_deep_nesting():
    # Speed is for the benchmarks; this checks the guard that keeps the output (and so the
    # work) linear: without MAX_NESTING, 20,000 opening marks would give ~2e8 characters of
    # quote text.
    from mediacompare.features.quotes import MAX_NESTING

    text = "\u201c" * 20000 + "x"
    quotes = find_quotes(text)
    assert sum(len(q.text) for q in quotes) <= (MAX_NESTING + 1) * len(text)


# ---------------------------------------------------------------- voice shares and repairs


def test_a_repaired_quotation_never_makes_most_of_an_article_quoted_voice():
    from mediacompare.features.voice import MAX_REPAIRED_SHARE, voices

    # One long line of the outlet's own words with one stray closing mark near its end.
    own = "The council met on Monday and voted on the budget for the coming year after a long debate. "
    text = own * 6 + "Nobody objected to that.” The meeting then closed."
    found = voices(text)
    assert found.reported == [] and len(found.uncertain) == 1
    (q,) = found.uncertain
    assert not q.closed and "not counted as quoted voice" in q.problem and "has no opening mark" in q.problem
    words = mc.voice_words(text).iloc[0]
    assert words["n_words_quoted"] == 0 and words["n_words_outlet"] == words["n_words"]
    table = mc.quotes_table(text)
    assert table["voice"].tolist() == ["uncertain"]
    spans = mc.label("The ruthless regime cut the budget for the coming year again. " * 6 + "Nobody objected.” It closed.")
    assert len(spans) and not spans["in_quote"].any()          # the outlet's words stay its own
    assert MAX_REPAIRED_SHARE == 0.5


def test_a_short_repaired_quotation_still_counts_as_quoted_voice():
    from mediacompare.features.voice import voices

    text = ("The council met on Monday and voted on the budget.\n"
            "“We will not raise taxes this year, whatever happens,” the mayor said.\n"
            "She added: “Nor next year\n"
            "The meeting then closed after a long and heated debate about the roads.")
    found = voices(text)
    repaired = [q for q in found.reported if not q.closed]
    assert [q.text for q in repaired] == ["Nor next year"] and found.uncertain == []
    assert "closed at the paragraph end" in repaired[0].problem
    words = mc.voice_words(text).iloc[0]
    assert words["n_words_quoted"] == 9 + 3


def test_an_opening_curly_mark_glued_to_the_words_before_it_closes_an_open_quotation():
    text = "“It is unusual,“ said Ann Lee, a lawyer. “It is a hard thing to do.”"
    quotes = find_quotes(text)
    assert [q.text for q in quotes] == ["It is unusual,", "It is a hard thing to do."]
    assert [q.level for q in quotes] == [0, 0]
    assert "read as the closing mark" in quotes[0].problem and quotes[1].problem is None
    # glued to the words after it, or with no quotation open, it still opens one
    assert [(q.text, q.level) for q in find_quotes("He said “yes“no” then.")] == [
        ("yes“no” then.", 0), ("no", 1)]
    assert [q.text for q in find_quotes("They called it a farce,“ he said.")] == [" he said."]
