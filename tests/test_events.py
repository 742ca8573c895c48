"""Tests of event grouping, the same-event choice, fact presence, copy and agencies, coverage,
their plots, the comparison view and the ``events`` command.

The corpora are written here: short news texts on made-up events, so that each
rule (time limit, given ids, undated articles, evidence, direction of copy) is
pinned down by an example that fails if the rule breaks. The seeds are checked
only for what is true of them (four events; Breitbart and AFP share one).
"""

from __future__ import annotations

import html
import io
import itertools
import re
from html.parser import HTMLParser
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from matplotlib.figure import Figure

import mediacompare as mc
from mediacompare.cli import main
from mediacompare.errors import CorpusError
from mediacompare.measures.event_features import parse_date, read_articles, vectors
from mediacompare.measures.event_pairs import best_pair, best_set, event_pairs
from mediacompare.measures.events import EVENT_COLUMNS, event_table, find_events
from mediacompare.measures.facts import fact_presence, presence_matrix
from mediacompare.measures.syndication import copy_flows, copy_matrix, reuse_passages

FLOOD = ["Storm floods Riverton as the Kessel river bursts its banks",
         "Floodwater from the Kessel river covered Riverton on Friday after a storm. "
         "Mayor Ana Lutz ordered the evacuation of the old town and the harbour district.",
         "Riverton flooded: Kessel river overflows",
         "A storm sent the Kessel river over its banks and into Riverton on Friday. Mayor Ana "
         "Lutz said the evacuation of the old town would last until Sunday.",
         "Riverton counts the cost of the Kessel flood",
         "Mayor Ana Lutz said the Kessel river flood in Riverton damaged the harbour district "
         "and the old town, where the evacuation continues after the storm."]
VOTE = ["Parliament of Norland rejects pension reform in a close vote",
        "Lawmakers in Norland voted 151 to 149 against the pension reform of Prime Minister Ivo "
        "Brandt, whose coalition lost three members in the vote on Tuesday.",
        "Norland pension reform fails by two votes",
        "The pension reform of Prime Minister Ivo Brandt failed in the Norland parliament by two "
        "votes on Tuesday, as three coalition lawmakers voted against it."]


def frame(rows) -> pd.DataFrame:
    """Articles from (id, outlet, date, title, text[, event_id]) tuples."""
    cols = ["article_id", "outlet", "date", "title", "text", "event_id"]
    return pd.DataFrame([tuple(r) + (None,) * (6 - len(r)) for r in rows], columns=cols)


def flood_and_vote(year_later: bool = True) -> pd.DataFrame:
    rows = [("f1", "Daily A", "2021-03-05", FLOOD[0], FLOOD[1]),
            ("f2", "Daily B", "2021-03-05", FLOOD[2], FLOOD[3]),
            ("f3", "Daily C", "2021-03-07", FLOOD[4], FLOOD[5]),
            ("v1", "Daily A", "2021-03-06", VOTE[0], VOTE[1]),
            ("v2", "Daily C", "2021-03-06", VOTE[2], VOTE[3])]
    if year_later:  # the same story line a year on: a different event
        rows.append(("f4", "Daily B", "2022-03-05", FLOOD[0], FLOOD[1]))
    return frame(rows)


def groups(events: pd.DataFrame) -> set[frozenset]:
    return {frozenset(g["article_id"]) for _, g in events.groupby("event_id")}


# ---------------------------------------------------------------- grouping

def test_same_days_are_one_event_the_same_story_a_year_later_is_another():
    events = find_events(flood_and_vote())
    assert list(events.columns) == list(EVENT_COLUMNS)
    assert groups(events) == {frozenset({"f1", "f2", "f3"}), frozenset({"v1", "v2"}),
                              frozenset({"f4"})}
    f4 = events.set_index("article_id").loc["f4"]
    assert f4["basis"] == "alone" and np.isnan(f4["score"]) and f4["n_articles"] == 1
    flood = events[events["article_id"] == "f3"].iloc[0]
    assert flood["basis"] == "content_and_date" and flood["inferred"]
    assert flood["days_from_start"] == 2 and flood["event_start"] == "2021-03-05"
    assert flood["event_end"] == "2021-03-07"
    assert "2 days after the event's first article" in flood["date_note"]
    assert "(2021-03-05 to 2021-03-07)" in flood["event_name"]
    assert "Riverton" in flood["event_name"] and "Kessel" in flood["event_name"] + flood["shared_names"]


def test_the_time_limit_is_a_parameter():
    arts = flood_and_vote(year_later=False)
    arts.loc[arts["article_id"] == "f3", "date"] = "2021-03-11"  # six days after f1
    assert frozenset({"f3"}) in groups(find_events(arts))
    assert frozenset({"f1", "f2", "f3"}) in groups(find_events(arts, max_days=7))


def test_a_higher_threshold_splits_and_scores_are_the_mean_cosine_with_the_others():
    arts = flood_and_vote(year_later=False)
    events = find_events(arts)
    table = read_articles(arts, title_weight=3.0, name_weight=2.0, use_given=False)
    X, _ = vectors(table)
    sim = (X @ X.T).toarray()
    for i, j in ((0, 1), (0, 2)):
        assert sim[i, j] > 0.1
    expected = (sim[2, 0] + sim[2, 1]) / 2  # f3 against f1 and f2
    assert events.loc[2, "score"] == pytest.approx(expected, rel=1e-6)
    strict = find_events(arts, threshold=0.99)
    assert all(strict["basis"] == "alone")


def test_evidence_names_the_shared_names_and_words():
    events = find_events(flood_and_vote(year_later=False)).set_index("article_id")
    names = events.loc["f2", "shared_names"].split(", ")
    terms = events.loc["f2", "shared_terms"].split(", ")
    assert {"Riverton", "Lutz"} <= set(names) or {"Riverton", "Kessel"} <= set(names)
    assert "river" in terms and "Riverton" not in terms
    assert events.loc["v1", "shared_names"] and "pension" in events.loc["v1", "shared_terms"]


def test_runner_up_is_the_closest_other_event_in_the_time_window():
    arts = flood_and_vote(year_later=False)
    stray = ("On a busy Tuesday the Kessel river rose near the market where fishermen sold "
             "mackerel and mended nets in the rain.")
    arts = pd.concat([arts, frame([("x", "Daily D", "2021-03-06", "Market day", stray)])],
                     ignore_index=True)
    # at 0.12 it would join the flood on the words the flood's articles share ("Kessel river")
    events = find_events(arts, threshold=0.15).set_index("article_id")
    assert events.loc["x", "basis"] == "alone"
    assert events.loc["x", "runner_up_event"] == events.loc["f1", "event_id"]  # the flood
    assert 0.02 < events.loc["x", "runner_up_score"] < events.attrs["threshold"]
    assert events.loc["f1", "runner_up_event"] == events.loc["x", "event_id"]


def test_given_ids_always_win_and_the_rest_are_inferred():
    arts = flood_and_vote(year_later=False)
    arts["event_id"] = ["flood-2021", None, None, "norland-vote", "other-vote"]
    events = find_events(arts).set_index("article_id")
    # unlabelled articles join the given event they share content with
    assert events.loc["f2", "event_id"] == "flood-2021" and events.loc["f2", "basis"] == "joined_given"
    assert events.loc["f2", "inferred"] and not events.loc["f1", "inferred"]
    assert events.loc["f1", "basis"] == "given"
    # two different given events are never merged, however alike
    assert events.loc["v1", "event_id"] == "norland-vote" and events.loc["v2", "event_id"] == "other-vote"
    # a given event is never split, however unalike its articles
    arts2 = flood_and_vote(year_later=False).assign(event_id=["e", None, None, "e", None])
    ev2 = find_events(arts2).set_index("article_id")
    assert ev2.loc["f1", "event_id"] == ev2.loc["v1", "event_id"] == "e"
    # and ignored on request
    assert groups(find_events(arts, use_given=False)) == groups(find_events(
        flood_and_vote(year_later=False)))


def test_inferred_ids_never_take_a_given_id():
    arts = flood_and_vote(year_later=False)
    first = find_events(arts)
    taken = first.loc[first["article_id"] == "v1", "event_id"].iloc[0]
    arts["event_id"] = [None, None, None, None, None]
    arts.loc[arts["article_id"] == "f4", "event_id"] = taken
    arts = pd.concat([arts, frame([("g", "Daily E", "2019-01-01", "Other", "Nothing at all here.",
                                    taken)])], ignore_index=True)
    events = find_events(arts)
    assert (events["event_id"] == taken).sum() == 1  # only the article that was given it
    assert events.loc[events["article_id"] == "v1", "event_id"].iloc[0] != taken


def test_undated_articles_join_only_on_much_shared_wording():
    arts = flood_and_vote(year_later=False)
    copy = ("u1", "Daily F", None, FLOOD[0], FLOOD[1] + " Rain is expected again.")
    loose = ("u2", "Daily G", "", "Rivers", "The Kessel river is long. Storm season starts soon.")
    events = find_events(pd.concat([arts, frame([copy, loose])], ignore_index=True))
    events = events.set_index("article_id")
    assert events.loc["u1", "event_id"] == events.loc["f1", "event_id"]
    assert events.loc["u1", "basis"] == "content_only"
    assert "no date: grouped on content alone" in events.loc["u1", "date_note"]
    assert events.loc["u2", "basis"] == "alone" and pd.isna(events.loc["u2", "days_from_start"])


def test_partial_and_unreadable_dates():
    assert parse_date("2018-10")[:2] == (parse_date("2018-10-01")[0], parse_date("2018-10-31")[0])
    assert parse_date("2017")[3] == "year" and parse_date("2017-02-30")[3] == "unreadable"
    assert parse_date(pd.Timestamp("2020-01-02")) == parse_date("2020-01-02")
    arts = frame([("a", "A", "Friday", "x", "Something happened in Lanoria today."),
                  ("b", "B", "2020-05", "y", "Lanoria voted on a new flag.")])
    events = find_events(arts).set_index("article_id")
    assert "date 'Friday' not read" in events.loc["a", "date_note"]
    assert "only the month is known (2020-05)" in events.loc["b", "date_note"]


def test_a_large_linked_set_is_cut_into_blocks_and_says_so():
    text = ("Riverton flood. The Kessel river flooded Riverton after the storm; mayor Lutz spoke.")
    arts = frame([(f"a{i}", f"Outlet {i}", "2021-03-05", "Riverton flood", text + f" Item {i}.")
                  for i in range(7)])
    events = find_events(arts, max_block=3, join_alone=False)
    assert events["date_note"].str.contains("block of at most 3").all()
    assert events["event_id"].nunique() == 3  # blocks of 3, 3 and 1 in date order
    # the block of one is an article left alone: it joins a block on their shared words
    joined = find_events(arts, max_block=3)
    assert joined["event_id"].nunique() == 2
    assert joined.loc[6, "n_articles"] == 4 and "joined on the words" in joined.loc[6, "date_note"]
    assert find_events(arts)["event_id"].nunique() == 1


def test_streamed_articles_give_the_same_table_and_no_text_is_kept():
    arts = flood_and_vote()
    expected = find_events(arts)
    records = arts.to_dict("records")
    streamed = find_events(iter(records))
    pd.testing.assert_frame_equal(streamed, expected)
    pairs = find_events(((None, None), *((("row", r)) for r in records)))
    pd.testing.assert_frame_equal(pairs, expected)
    table = read_articles(iter(records), title_weight=3, name_weight=2, use_given=True)
    assert all("text" not in m and "title" not in m for m in table.meta)


def test_the_seeds_give_their_four_events_with_the_given_ids_hidden():
    corpus = mc.load_corpus()
    events = find_events(corpus, use_given=False)
    truth = dict(zip(corpus.articles["article_id"], corpus.articles["event_id"]))
    assert groups(events) == {frozenset(a for a in truth if truth[a] == e) for e in set(truth.values())}
    given = find_events(corpus)
    assert set(given["event_id"]) == set(truth.values()) and not given["inferred"].any()


@pytest.mark.parametrize("kwargs, message", [
    ({"threshold": 0}, "threshold"), ({"threshold": 1.5}, "threshold"),
    ({"max_days": -1}, "max_days"), ({"max_days": 2.5}, "max_days"),
    ({"undated_threshold": 0}, "undated_threshold"), ({"use_given": "yes"}, "use_given"),
    ({"max_block": 1}, "max_block")])
def test_bad_parameters_are_refused_by_name(kwargs, message):
    with pytest.raises(ValueError, match=message):
        find_events(flood_and_vote(), **kwargs)


def test_bad_sources_are_refused_with_a_clear_message():
    with pytest.raises(TypeError, match="mc.iter_articles"):
        find_events("articles.jsonl")
    with pytest.raises(CorpusError, match="occurs twice"):
        find_events(frame([("a", "A", None, "", "x y"), ("a", "B", None, "", "y z")]))
    with pytest.raises(CorpusError, match="no articles"):
        find_events(iter([]))
    with pytest.raises(CorpusError, match="has no 'text'"):
        find_events(iter([{"article_id": "a"}]))


def test_the_words_of_the_events_are_shared_not_copied_by_pandas():
    """pandas deep-copies ``attrs`` into every frame it derives: the words of every event
    copied into each group made a loop over events quadratic (840 articles: 11 s)."""
    import copy

    events = find_events(flood_and_vote())
    words = events.attrs["event_words"]
    assert copy.deepcopy(words) is words
    group = next(iter(events.groupby("event_id")))[1]
    assert group.attrs["event_words"] is words and events["outlet"].attrs["event_words"] is words
    assert set(words) == set(events["event_id"]) and event_table(group)["names"].iloc[0]


def test_event_table_sums_the_events_up():
    events = find_events(flood_and_vote())
    table = event_table(events)
    assert table["n_articles"].tolist() == [3, 2, 1]
    first = table.iloc[0]
    assert first["n_outlets"] == 3 and first["outlets"] == "Daily A, Daily B, Daily C"
    assert first["article_ids"] == "f1, f2, f3" and not first["given"]
    assert first["start"] == "2021-03-05" and first["end"] == "2021-03-07"
    assert "Riverton" in first["names"] and first["terms"]
    with pytest.raises(ValueError, match="find_events"):
        event_table(pd.DataFrame({"x": [1]}))


@settings(max_examples=25, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 40), st.sampled_from(range(4))), min_size=2, max_size=25),
       st.integers(0, 5))
def test_no_inferred_event_spans_more_than_max_days(items, max_days):
    topics = [FLOOD[1], VOTE[1], FLOOD[3], VOTE[3]]
    arts = frame([(f"a{k}", f"O{k % 3}", (pd.Timestamp("2020-01-01") + pd.Timedelta(days=d))
                   .date().isoformat(), "", topics[t]) for k, (d, t) in enumerate(items)])
    events = find_events(arts, max_days=max_days)
    for _, group in events.groupby("event_id"):
        days = pd.to_datetime(group["date"])
        assert (days.max() - days.min()).days <= max_days
    assert len(events) == len(arts)


# ---------------------------------------------------------------- choosing what to compare

def no_event_corpus() -> pd.DataFrame:
    """Six articles, no event_id: the flood pair and the vote pair, and two stray ones."""
    arts = flood_and_vote()
    return arts.drop(columns=["event_id"])


def test_align_takes_the_inferred_pair_and_says_why():
    arts = no_event_corpus()
    alignment = mc.align(arts)
    pairs = event_pairs(arts)
    best = {pairs.loc[0, "article_a"], pairs.loc[0, "article_b"]}
    assert best == {"v1", "v2"}  # the vote reports share the most words
    assert (set(alignment["article_a"]) | set(alignment["article_b"])) >= best
    assert alignment.attrs["events_inferred"] is True
    assert alignment["same_event"].all()
    assert "found by mediacompare from their words and dates" in alignment.attrs["chosen_because"]


def test_best_pair_prefers_other_outlets_and_skips_near_copies():
    arts = flood_and_vote(year_later=False)
    arts.loc[arts["article_id"] == "f2", "outlet"] = "Daily A"  # f1, f2 now of one outlet
    copy = frame([("f9", "Daily Z", "2021-03-05", FLOOD[0], FLOOD[1])])  # a copy of f1
    arts = pd.concat([arts, copy], ignore_index=True)
    pairs = event_pairs(arts)
    assert pairs.loc[(pairs["article_a"] == "f1") & (pairs["article_b"] == "f9"), "near_copy"].all()
    choice = best_pair(arts)
    assert choice and set(choice.article_ids) not in ({"f1", "f2"}, {"f1", "f9"})
    outlets = {pairs.set_index("article_a")["outlet_a"].get(a) for a in choice.article_ids}
    assert "from two outlets that are not near copies" in choice.reason and "cosine" in choice.reason
    chosen = best_set(arts, max_articles=4)
    assert chosen.article_ids[:2] == choice.article_ids and len(chosen.article_ids) >= 2
    del outlets


def test_no_same_event_pair_is_said_plainly():
    arts = frame([("a", "A", "2020-01-01", "Flood", FLOOD[1]), ("b", "B", "2020-06-01", "Vote", VOTE[1])])
    choice = best_pair(arts)
    assert not choice and choice.article_ids == [] and "No two of the 2 articles" in choice.reason
    with pytest.raises(CorpusError, match="no two articles of the corpus share an event_id"):
        mc.align(mc.Corpus(articles=mc.load_corpus().articles.iloc[[0, 3]].reset_index(drop=True),
                           load_report=mc.load_corpus().load_report))


CALDER = Path(__file__).parent / "fixtures" / "corpora" / "calder.csv"


def _visible(page: str) -> str:
    """The text of a page as read (no style, no tags, entities decoded, spaces collapsed)."""
    page = re.sub(r"<style.*?</style>", " ", page, flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


def test_a_corpus_without_event_column_gets_a_same_event_comparison_and_why():
    """Issue 16, done when: no event column, yet the comparison names the event and why."""
    corpus = mc.load_corpus(CALDER, progress=False)
    assert "event_id" not in corpus.articles or corpus.articles["event_id"].isna().all()
    events = find_events(corpus)
    assert groups(events) == {frozenset({"r1", "r2", "r3"}), frozenset({"b1", "b2"}),
                              frozenset({"m1"})}
    choice = best_pair(corpus, events=events)
    assert set(choice.article_ids) <= {"r1", "r2", "r3"} and not choice.given
    assert choice.event_id.startswith("2023-09-12-") and choice.event_id in choice.reason
    assert "found by mediacompare from their words and dates" in choice.reason
    assert "of 4 pairs of articles of one event from two outlets" in choice.reason  # 3 + 1
    page = _visible(mc.compare_same_event(corpus, events=events).to_html())
    assert "Why these two articles:" in page and "The event (found by mediacompare, not given)" in page
    assert f"event {choice.event_id}" in page and "Event unknown" not in page
    exercise = mc.omission_exercise(corpus)  # exercise 10: the same pair, said to be one event
    assert exercise.same_event and [exercise.article_a, exercise.article_b] == choice.article_ids
    assert exercise.event_id == choice.event_id and exercise.reason.startswith(choice.reason)
    answer = _visible(exercise.side_by_side().to_html())
    assert f"event {choice.event_id}" in answer and "Event unknown" not in answer
    table = mc.found_events_view(events)
    assert table.caption == "3 events, 2 of them reported by more than one article"
    assert table.data["Given or found"].tolist() == ["found"] * 3
    assert table.data["Dates"].tolist()[:2] == ["2023-09-12 to 2023-09-13", "2023-10-03 to 2023-10-04"]


def test_a_single_article_has_no_pair_and_the_reason_says_so_in_the_singular():
    one = frame([("a", "A", "2020-01-01", "Flood", FLOOD[1])])
    choice = best_pair(one)
    assert not choice and choice.reason.startswith("This corpus has 1 article:")
    with pytest.raises(CorpusError, match="1 article"):
        mc.compare_same_event(one)


def test_the_copy_and_agency_views_name_their_columns_for_people():
    arts = frame([("w", "AFP", "2021-05-03", "", f"GENEVA (AFP) – {SOURCE}"),
                  ("c", "Daily", "2021-05-04", "", f"Local news first. {SOURCE}")])
    copy = mc.copy_view(copy_flows(arts)).data
    assert copy[["Carrier", "Source", "Agency named"]].values.tolist() == [["Daily", "AFP", "AFP"]]
    assert copy["Share of the carrier's words"].iloc[0].endswith("%")
    agencies = mc.agencies_view(mc.wire_agencies(arts)).data
    assert ("w", "AFP", "carried the text") in set(zip(agencies["Article"], agencies["Agency"],
                                                       agencies["Carried or cited"]))


def test_compare_same_event_names_the_event_and_the_reason_escaped():
    arts = no_event_corpus()
    arts.loc[arts["article_id"] == "v1", "title"] = "<script>alert(1)</script> " + VOTE[0]
    view = mc.compare_same_event(arts)
    assert {view.article_a, view.article_b} == {"v1", "v2"}
    page = view.to_html(standalone=True)
    assert "<script>alert" not in page and "&lt;script&gt;" in page
    assert "Why these two articles:" in page and "found by mediacompare, not given" in page
    assert view.notes[0].startswith("Articles ")
    assert "Event unknown" not in page  # the inferred event is shown as the event

    class Checker(HTMLParser):
        tags: list = []

        def handle_starttag(self, tag, attrs):
            self.tags.append(tag)
    checker = Checker()
    checker.feed(page)
    assert "script" not in checker.tags


# ---------------------------------------------------------------- fact presence

def three_outlets() -> pd.DataFrame:
    common = "Mayor Ana Lutz ordered the evacuation of the old town of Riverton."
    shared = "The Kessel river burst its banks after two days of heavy rain."
    return frame([
        ("a", "Daily A", "2021-03-05", "Flood", f"{common} {shared} Schools will stay closed."),
        ("b", "Daily B", "2021-03-05", "Flood", f"{shared} {common} A bridge collapsed at noon."),
        ("c", "Daily C", "2021-03-05", "Flood", f"{common} Volunteers filled sandbags all night.")],
    ).assign(event_id="flood")


def test_fact_presence_says_who_carries_each_fact():
    arts = three_outlets()
    table = fact_presence(arts)
    assert table["event_id"].eq("flood").all()
    matrix = presence_matrix(table)
    assert list(matrix.columns) == ["Daily A", "Daily B", "Daily C"]
    rows = matrix.reset_index()
    first = rows.iloc[0]
    assert first["fact"].startswith("Mayor Ana Lutz") and first[["Daily A", "Daily B", "Daily C"]].all()
    second = rows.iloc[1]
    assert second["fact"].startswith("The Kessel river") and second[["Daily A", "Daily B"]].all() \
        and not second["Daily C"]
    assert (rows[["Daily A", "Daily B", "Daily C"]].sum(axis=1).iloc[2:] == 1).all()
    assert table["n_outlets"].is_monotonic_decreasing
    texts = dict(zip(arts["article_id"], arts["text"]))
    for row in table[table["carried"]].itertuples():
        assert texts[row.article_id][row.start:row.end] == row.text


def test_a_fact_never_holds_two_sentences_of_one_article():
    text = "Riverton flooded today. Riverton flooded today again."
    arts = frame([("a", "A", "2021-01-01", "", text), ("b", "B", "2021-01-01", "", "Riverton flooded today.")])
    table = fact_presence(arts.assign(event_id="e"))
    carried = table[table["carried"]]
    assert not carried.duplicated(["fact_id", "article_id"]).any()
    assert table["fact_id"].nunique() == 2


def test_fact_presence_errors():
    with pytest.raises(CorpusError, match="'nope' is not in the events"):
        fact_presence(three_outlets(), "nope")
    lonely = frame([("a", "A", "2020-01-01", "", FLOOD[1]), ("b", "B", "2021-01-01", "", VOTE[1])])
    with pytest.raises(CorpusError, match="no event of the corpus has two articles"):
        fact_presence(lonely)


# ---------------------------------------------------------------- agencies and copy

def test_wire_agencies_from_datelines_credits_and_metadata():
    arts = frame([
        ("d1", "Daily", None, "", "WASHINGTON (AP) — The Senate voted on Tuesday, Reuters reported."),
        ("d2", "Daily", None, "", "Cleveland (AFP) – Delegates met.\n\n— AFP"),
        ("d3", "Daily", None, "", "Talks resumed.\n\n(Reporting by Jo Bell; Editing by Ann Lee)"),
        ("d4", "Daily", None, "", "The Associated Press contributed to this report."),
        ("d5", "Daily", None, "", "AP Photo/Jane Doe shows the scene, according to AFP."),
        ("d6", "AFP", None, "", "Plain text."),
        ("d7", "Daily", None, "", "PASADENA, Calif., Jan. 1 (UPI) — Skywriters flew.")])
    found = mc.wire_agencies(arts)
    carried = found[found["role"] == "carried"]
    assert dict(carried.groupby("article_id")["agency"].first()) == {
        "d1": "AP", "d2": "AFP", "d3": "Reuters", "d4": "AP", "d6": "AFP", "d7": "UPI"}
    cited = found[found["role"] == "cited"]
    assert set(zip(cited["article_id"], cited["agency"])) == {("d1", "Reuters"), ("d5", "AFP")}
    texts = dict(zip(arts["article_id"], arts["text"]))
    for row in found.dropna(subset=["start"]).itertuples():
        assert texts[row.article_id][row.start:row.end] == row.evidence
    seeds = mc.wire_agencies(mc.load_corpus())
    afp = seeds[(seeds["article_id"] == "002") & (seeds["evidence_kind"] == "credit")]
    assert afp["agency"].tolist() == ["AFP"]  # © AFP 2017, moved to credits by the cleaning
    assert not ((seeds["article_id"] == "001") & (seeds["agency"] == "AP")).any()  # photo only


SOURCE = ("Talks on the ceasefire resumed in Geneva on Monday after a week of delays, and both "
          "delegations said they expected a first agreement on prisoners by Friday. The envoy "
          "met each side twice before the plenary session opened in the afternoon.")
QUOTE = ("\u201cWe will not leave the table until every prisoner is home, and we will stay "
         "here for as long as it takes to bring them back to their families.\u201d")


def test_partial_reuse_is_reported_below_the_old_threshold_with_its_passages():
    own = " ".join(f"Local reporters spoke to family number {k} about the war and its cost."
                   for k in range(11))
    more = " ".join(f"Diplomat {k} said the sessions would run late into the night." for k in range(12))
    arts = frame([("w", "AFP", "2021-05-03", "", f"GENEVA (AFP) – {SOURCE} {more}"),
                  ("c", "Daily", "2021-05-04", "", f"{own} {SOURCE}")])
    old = mc.wire_copy(arts)
    assert not old["flag"].any()  # under 0.3: the fixed threshold missed it
    flows = copy_flows(arts)
    assert len(flows) == 1
    row = flows.iloc[0]
    assert (row["source_article"], row["carrier_article"]) == ("w", "c")
    assert row["agency"] == "AFP" and row["kind"] == "partial"
    assert 0.2 < row["share_of_carrier"] < 0.3 and row["n_passages"] == 1
    assert row["longest_passage"].startswith("Talks on the ceasefire")
    passages = reuse_passages(arts)
    texts = dict(zip(arts["article_id"], arts["text"]))
    for p in passages.itertuples():
        assert texts[p.article_a][p.start_a:p.end_a] == p.text_a
        assert texts[p.article_b][p.start_b:p.end_b].lower() == p.text_a.lower()
    assert copy_matrix(flows).loc["Daily", "AFP"] == pytest.approx(row["share_of_carrier"])


def test_a_shared_quotation_is_not_copy_and_furniture_is_not_a_passage():
    arts = frame([("a", "A", "2021-05-03", "", f"The talks went on. The envoy said: {QUOTE}"),
                  ("b", "B", "2021-05-03", "", f"Nothing moved, and she repeated it: {QUOTE} "
                                               "More later.")])
    passages = reuse_passages(arts)
    assert len(passages) and passages["quotation"].all()
    assert copy_flows(arts).empty
    note = ("Editor's note: this outlet is funded by its readers and never takes money from "
            "any party or any government anywhere in the world.")
    arts = frame([(f"x{k}", "Same", "2021-05-03", "", f"Story {k} on a topic of its own. {note}")
                  for k in range(3)])
    assert reuse_passages(arts).empty


def test_copy_direction_by_date_by_agency_or_undecided():
    arts = frame([("late", "B", "2021-05-05", "", SOURCE), ("early", "A", "2021-05-03", "", SOURCE)])
    row = copy_flows(arts).iloc[0]
    assert (row["source_article"], row["direction"]) == ("early", "earlier date")
    assert row["kind"] == "republished"
    same_day = copy_flows(arts.assign(date="2021-05-05")).iloc[0]
    assert same_day["direction"] == "undecided"


def test_coverage_table_per_event_and_outlet():
    events = find_events(flood_and_vote())
    table = mc.coverage_table(events, min_outlets=2)
    assert table["event_id"].nunique() == 2
    flood = table[table["event_id"] == events.loc[0, "event_id"]]
    assert flood["outlet"].tolist() == ["Daily A", "Daily B", "Daily C"]
    assert flood["days_after_start"].tolist() == [0, 0, 2]


# ---------------------------------------------------------------- plots

def _render(fig: Figure) -> None:
    fig.savefig(io.BytesIO(), format="png")  # mathtext in a label would fail here


def test_plots_take_the_tables_and_escape_dollars():
    arts = flood_and_vote()
    arts["outlet"] = arts["outlet"].str.replace("Daily A", "$Daily$ A", regex=False)
    events = find_events(arts)
    fig = mc.plot_coverage(events)
    _render(fig)
    labels = [t.get_text() for ax in fig.axes for t in ax.get_yticklabels()]
    assert r"\$Daily\$ A" in labels and len(fig.axes) == 2
    fig = mc.plot_coverage(events, max_events=1)
    assert "1 more not shown" in fig.texts[0].get_text() if fig.texts else \
        "1 more not shown" in fig._suptitle.get_text()
    facts = fact_presence(three_outlets())
    fig = mc.plot_fact_presence(facts, max_facts=2)
    _render(fig)
    assert "more not shown" in fig.axes[0].get_title()
    filled = [line.get_markerfacecolor() for line in fig.axes[0].lines]
    assert "white" in filled and len(filled) == 2 * 3
    flows = copy_flows(frame([("late", "B", "2021-05-05", "", SOURCE),
                              ("early", "A", "2021-05-03", "", SOURCE)]))
    fig = mc.plot_copy_flows(flows)
    _render(fig)
    assert [t.get_text() for t in fig.axes[0].texts] == ["100% · 1 passage"]
    with pytest.raises(ValueError, match="no event is reported by 5 outlets"):
        mc.plot_coverage(events, min_outlets=5)
    with pytest.raises(ValueError, match="no rows"):
        mc.plot_copy_flows(flows.iloc[0:0])


def test_a_timeline_needs_dated_articles_from_two_outlets():
    arts = flood_and_vote()
    undated = find_events(arts.assign(date=None), undated_threshold=0.1)
    assert any(g >= {"f1", "f2"} for g in groups(undated))  # one event of two outlets, no date
    assert mc.timeline_events(undated) == []  # so no timeline: it would plot no marker
    with pytest.raises(ValueError, match="with a dated article"):
        mc.plot_coverage(undated)
    events = find_events(arts)
    flood = events.loc[events["article_id"] == "f1", "event_id"].iloc[0]
    assert mc.timeline_events(events)[0] == flood  # three outlets before the vote's two
    one_dated = events.assign(date=events["date"].where(events["article_id"] != "v2", None))
    assert mc.timeline_events(one_dated) == [flood]  # the vote has one dated outlet left


# ---------------------------------------------------------------- command line

def test_events_command_prints_and_exports(tmp_path, capsys):
    arts = no_event_corpus()
    arts.loc[0, "outlet"] = "=HYPERLINK(\"http://x\")"
    source = tmp_path / "articles.csv"
    arts.to_csv(source, index=False)
    out = tmp_path / "out" / "events.csv"
    # as for label --out: a missing folder is a usage error, nothing is created
    assert main(["--no-progress", "events", str(source), "--out", str(out)]) == 2
    assert "does not exist" in capsys.readouterr().err and not out.parent.exists()
    out.parent.mkdir()
    assert main(["--no-progress", "events", str(source), "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "6 articles read, 0 skipped" in printed and "6 articles in 3 events" in printed
    written = pd.read_csv(out)
    assert len(written) == 6 and written["outlet"].iloc[0].startswith("'=")
    summary = pd.read_csv(tmp_path / "out" / "events_summary.csv")
    assert summary["n_articles"].tolist() == [3, 2, 1]
    assert main(["events", str(source), "--threshold", "2"]) == 2
    assert "threshold must be" in capsys.readouterr().err
    assert main(["events", str(tmp_path / "missing.csv")]) == 3


def test_pairs_of_event_pairs_are_each_listed_once():
    pairs = event_pairs(flood_and_vote())
    keys = [frozenset(p) for p in zip(pairs["article_a"], pairs["article_b"])]
    assert len(keys) == len(set(keys)) == 3 + 1  # three flood pairs, one vote pair
    assert list(itertools.accumulate(pairs["same_outlet"].astype(int)))[-1] == 0


def test_the_benchmark_scores_pairs_as_worked_by_hand():
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    import events as bench

    truth = {"a": 1, "b": 1, "c": 2, "d": 2}
    predicted = {"a": "x", "b": "x", "c": "x", "d": "y"}
    m = bench.pairwise(truth, predicted)  # ab right, ac and bc wrongly grouped, cd missed
    assert (m["precision"], m["recall"], m["pairs"]) == (pytest.approx(1 / 3), 0.5, 2)
    assert m["f1"] == pytest.approx(0.4)
    assert bench.pairwise(truth, truth)["ari"] == 1.0
    labels = bench.polnear_labels()
    assert len(labels) == 208 and len(set(labels.values())) == 48 + 63
