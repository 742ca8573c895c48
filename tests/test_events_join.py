"""Tests of the second step of event grouping: an article left alone joins the event whose
shared words it shares (``find_events(join_alone=True)``, :mod:`mediacompare.measures.event_attach`).

The examples are written here: a made-up summit told in pieces, and small matrices
that pin down each rule (shared words only, the time limit, given ids).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy import sparse

from mediacompare.measures.event_attach import attach_alone
from mediacompare.measures.event_features import read_articles, vectors
from mediacompare.measures.events import find_events

SUMMIT = [
    ("s1", "Daily A", "2022-03-10", "Leaders open the Ostra summit in Velmar",
     "President Hana Kovic of Dalmor and Chancellor Piet Runde of Estmark opened the Ostra "
     "summit in Velmar on Thursday, with grain exports and border tolls on the agenda."),
    ("s2", "Daily B", "2022-03-11", "Ostra summit: Kovic and Runde agree on grain",
     "At the Ostra summit in Velmar, President Hana Kovic and Chancellor Piet Runde agreed to "
     "lift the border tolls on grain exports between Dalmor and Estmark from June."),
    # a piece of the same event: its own story, with the event's names
    ("s3", "Daily C", "2022-03-12", "A poet has the last word",
     "On the last evening of the Ostra summit, the poet Lise Marnow read to the delegates in "
     "the old opera house; Kovic and Runde applauded. Her verses told of winters, ferries, "
     "lighthouses and her grandmother's orchard, and the hall stood for a long time."),
    # other news of the same days, sharing a word or two with the poem, none with the summit
    ("c", "Daily D", "2022-03-11", "Ferry crews strike",
     "Ferry crews in Port Abel stopped work over pay; the union said talks with the owners "
     "had failed and the strike would last all week, as winters are hard on the crews."),
]
THRESHOLD = 0.18  # s3's mean cosine with s1 and s2 is below it, its cosine with their shared words above


def summit(s3_date: str | None = "2022-03-12") -> pd.DataFrame:
    arts = pd.DataFrame(SUMMIT, columns=["article_id", "outlet", "date", "title", "text"])
    arts.loc[arts["article_id"] == "s3", "date"] = s3_date
    return arts


def by_id(events: pd.DataFrame) -> pd.DataFrame:
    return events.set_index("article_id")


def test_a_piece_of_the_event_joins_on_the_events_shared_words():
    arts = summit()
    X, _ = vectors(read_articles(arts, title_weight=3.0, name_weight=2.0, use_given=False))
    sim = (X @ X.T).toarray()
    assert (sim[2, 0] + sim[2, 1]) / 2 < THRESHOLD  # average linkage leaves s3 alone
    before = by_id(find_events(arts, threshold=THRESHOLD, join_alone=False))
    assert before.loc["s3", "basis"] == "alone"
    assert before.loc["s1", "event_id"] == before.loc["s2", "event_id"]
    after = by_id(find_events(arts, threshold=THRESHOLD))
    assert after.loc["s3", "event_id"] == after.loc["s1", "event_id"] == after.loc["s2", "event_id"]
    assert after.loc["s3", "basis"] == "content_and_date" and after.loc["s3", "n_articles"] == 3
    note = after.loc["s3", "date_note"]
    assert "joined on the words the event's articles share" in note
    assert f"threshold {THRESHOLD:g}" in note and after.loc["s3", "event_end"] == "2022-03-12"
    assert "joined on" not in after.loc["s1", "date_note"]
    assert after.loc["c", "basis"] == "alone"  # shares no word of the summit's
    assert after.attrs["join_alone"] is True


def test_the_time_limit_holds_for_an_article_that_joins():
    arts = summit("2022-03-15")  # four days after s2, five after s1
    assert by_id(find_events(arts, threshold=THRESHOLD)).loc["s3", "basis"] == "alone"
    joined = by_id(find_events(arts, threshold=THRESHOLD, max_days=5))
    assert joined.loc["s3", "event_id"] == joined.loc["s1", "event_id"]


def test_undated_articles_and_given_ids_are_left_as_they_are():
    undated = by_id(find_events(summit(None), threshold=THRESHOLD))
    assert undated.loc["s3", "basis"] == "alone"  # no day: only undated_threshold applies
    arts = summit()
    arts["event_id"] = ["ostra", None, "poetry-night", None]
    given = by_id(find_events(arts, threshold=THRESHOLD))
    assert given.loc["s3", "event_id"] == "poetry-night" and given.loc["s3", "basis"] == "given"
    arts["event_id"] = ["ostra", None, None, None]
    joins_given = by_id(find_events(arts, threshold=THRESHOLD))
    assert joins_given.loc["s3", "event_id"] == "ostra"
    assert joins_given.loc["s3", "basis"] == "joined_given"


def test_join_alone_must_be_true_or_false():
    with pytest.raises(ValueError, match="join_alone must be True or False; got 'yes'"):
        find_events(summit(), join_alone="yes")


def _unit(rows) -> sparse.csr_matrix:
    X = np.array(rows, dtype=float)
    return sparse.csr_matrix(X / np.linalg.norm(X, axis=1, keepdims=True))


def test_only_the_words_two_articles_of_the_event_use_count():
    # terms: 0 the event's shared name, 1 a word of article 0 alone, 2 and 3 other words
    X = _unit([[1, 3, 0, 0],   # event, with much of its own
               [1, 0, 1, 0],   # event
               [0, 1, 0, 1],   # alone: shares article 0's own word only
               [1, 0, 0, 3],   # alone: shares the event's name
               [1, 0, 0, 3],   # the same, ten days later
               [1, 0, 0, 3]])  # the same, with its own given event
    labels = np.array([0, 0, 1, 2, 3, 4])
    start = np.array([10, 11, 11, 12, 22, 12])
    given = np.array([-1, -1, -1, -1, -1, 7])
    centroid = np.asarray(X[:2].sum(axis=0)).ravel()
    assert X[2].toarray().ravel() @ centroid / np.linalg.norm(centroid) > 0.3  # the full centroid
    new, joined = attach_alone(X, labels, start, start.copy(), np.ones(6, bool), given,
                               threshold=0.3, max_days=3)
    assert new[3] == new[0] == new[1]
    assert joined[3] == pytest.approx(X[3, 0])  # the shared words are term 0 alone
    assert len({new[0], new[2], new[4], new[5]}) == 4 and np.isnan(joined[[0, 1, 2, 4, 5]]).all()
    assert sorted(set(new.tolist())) == list(range(new.max() + 1))  # labels stay 0..k-1


def test_the_events_command_joins_unless_told_not_to(tmp_path, capsys):
    from mediacompare.cli import main

    source = tmp_path / "summit.csv"
    summit().to_csv(source, index=False)
    out = tmp_path / "events.csv"
    args = ["--no-progress", "events", str(source), "--threshold", str(THRESHOLD)]
    assert main(args + ["--out", str(out)]) == 0
    assert "4 articles in 2 events" in capsys.readouterr().out
    written = pd.read_csv(out).set_index("article_id")
    assert "joined on the words" in written.loc["s3", "date_note"]
    assert main(args + ["--no-join"]) == 0
    assert "4 articles in 3 events" in capsys.readouterr().out
