"""Tests of sentence alignment, omissions, wire copy and the side-by-side view.

Constructed pairs pin down each status; the seed pair 001 (Breitbart) / 002
(AFP) is checked only for what is true of it. Pages are parsed with
:mod:`html.parser` into a small tree.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import mediacompare as mc
from mediacompare.display.compare import Comparison, side_by_side
from mediacompare.display.page import CONTENT_SECURITY_POLICY
from mediacompare.errors import CorpusError
from mediacompare.measures.align import (
    ALIGN_COLUMNS,
    ALIGN_STATUSES,
    align,
    copied_passages,
    omissions,
    reading_order,
    wire_copy,
)

VOID = {"br", "meta", "img", "hr", "input", "link", "wbr", "col", "area", "base", "source"}


# ---------------------------------------------------------------- a small DOM

class Node:
    def __init__(self, tag, attrs, parent=None):
        self.tag, self.attrs, self.parent, self.children = tag, dict(attrs), parent, []

    @property
    def classes(self) -> set[str]:
        return set((self.attrs.get("class") or "").split())

    def walk(self):
        for child in self.children:
            if isinstance(child, Node):
                yield child
                yield from child.walk()

    def find_all(self, tag=None, cls=None):
        return [n for n in self.walk()
                if (tag is None or n.tag == tag) and (cls is None or cls in n.classes)]

    def text(self, skip=("mc-badge", "mc-sid")) -> str:
        out = []
        for child in self.children:
            if isinstance(child, str):
                out.append(child)
            elif not (child.classes & set(skip)) and child.tag != "style":
                out.append(child.text(skip))
        return "".join(out)


class TreeBuilder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = self.current = Node("#root", {})
        self.errors: list[str] = []

    def handle_starttag(self, tag, attrs):
        node = Node(tag, attrs, self.current)
        self.current.children.append(node)
        if tag not in VOID:
            self.current = node

    def handle_startendtag(self, tag, attrs):
        self.current.children.append(Node(tag, attrs, self.current))

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if self.current.tag != tag:
            self.errors.append(f"</{tag}> closes <{self.current.tag}>")
            return
        self.current = self.current.parent

    def handle_data(self, data):
        self.current.children.append(data)


def parse(page: str) -> Node:
    builder = TreeBuilder()
    builder.feed(page)
    builder.close()
    assert builder.errors == [], builder.errors
    assert builder.current is builder.root, f"<{builder.current.tag}> never closed"
    return builder.root


def cells(root: Node, side: str) -> list[str]:
    """The sentence text of every non-empty cell of one side, in order (badges and ids left out)."""
    return [td.text() for td in root.find_all("td", cls=f"mc-{side}") if "mc-gap" not in td.classes]


# ---------------------------------------------------------------- fixtures

def articles(*texts, events=None, titles=None) -> pd.DataFrame:
    n = len(texts)
    return pd.DataFrame({
        "article_id": [f"a{i}" for i in range(1, n + 1)],
        "outlet": [f"Outlet {i}" for i in range(1, n + 1)],
        "title": titles or [f"Title {i}" for i in range(1, n + 1)],
        "date": ["2017-12-11"] * n,
        "event_id": events or ["ev1"] * n,
        "text": list(texts),
    })


FULL = [
    "Russian President Vladimir Putin ordered the withdrawal of troops from Syria.",
    "He announced the decision at the Khmeimim air base.",
    "Human rights groups say thousands of civilians died in Russian air strikes.",
    "Putin was greeted by Syrian President Bashar al-Assad.",
    "Monitors recorded more than 330,000 deaths since 2011.",
    "The Russian leader then flew to Egypt for talks.",
]
REWORDED_A = ("Russia began pulling troops out of Syria on Monday. The Kremlin said the mission had "
              "been accomplished. Officials in Damascus welcomed the decision. Rebel groups said "
              "nothing had changed.")
REWORDED_B = ("On Monday Moscow started withdrawing its forces from Syria. The Kremlin said the "
              "mission had been accomplished. A spokesman for the opposition called the move a "
              "stunt.")
AGENCY = ("Russian President Vladimir Putin on Monday ordered the partial withdrawal of Russian "
          "forces from Syria during a surprise visit to the Khmeimim air base. Putin said the task "
          "of fighting armed bandits had been largely solved and that the troops would return home "
          "to Russia. He was greeted by Syrian President Bashar al-Assad and Defence Minister "
          "Sergei Shoigu. Russia launched its air campaign in September 2015 and has since helped "
          "government forces retake much of the country from rebels and jihadists. Putin later flew "
          "to Cairo for talks with Egyptian President Abdel Fattah al-Sisi on energy and security.")
REPUBLISHED = ("Our correspondent in Moscow reports that the announcement surprised diplomats across "
               "the region, several of whom had expected a longer deployment.\n\n" + AGENCY)
UNRELATED = ("The city council approved a new budget for public libraries on Thursday after a long "
             "debate about opening hours, staffing and the cost of digital lending services for "
             "residents of every district.")


@pytest.fixture(scope="module")
def corpus():
    return mc.load_corpus()


@pytest.fixture(scope="module")
def seed_alignment(corpus):
    return align(corpus)


@pytest.fixture(scope="module")
def seed_view(corpus, seed_alignment):
    return side_by_side(corpus, seed_alignment, article_a="001", article_b="002")


# ---------------------------------------------------------------- align: statuses

def test_sentences_left_out_by_b_are_exactly_only_in_a():
    a_text = " ".join(FULL)
    b_text = " ".join(s for k, s in enumerate(FULL) if k not in (2, 4))
    table = align(articles(a_text, b_text))
    only_a = table[table["status"] == "only_in_a"]
    assert only_a["sentence_a"].tolist() == [2, 4]
    assert only_a["text_a"].tolist() == [FULL[2], FULL[4]]
    assert only_a["sentence_b"].isna().all() and only_a["cosine"].isna().all()
    assert (table["status"] == "only_in_b").sum() == 0
    assert set(table.loc[table["status"] != "only_in_a", "status"]) == {"shared"}


def test_same_fact_in_other_words_is_reworded_with_a_cosine_between_the_thresholds():
    table = align(articles(REWORDED_A, REWORDED_B))
    row = table[table["text_a"] == "Russia began pulling troops out of Syria on Monday."].iloc[0]
    assert row["text_b"] == "On Monday Moscow started withdrawing its forces from Syria."
    assert row["status"] == "reworded"
    assert 0.2 <= row["cosine"] < 0.5
    assert 0.22 < row["cosine"] < 0.35  # shares only "Syria" and "Monday"
    assert table.attrs == {"threshold_same": 0.5, "threshold_related": 0.2,
                           "chosen_because": "the articles of the table, as given",
                           "events_inferred": False}


def test_thresholds_decide_the_status():
    tight = align(articles(REWORDED_A, REWORDED_B), threshold_related=0.4)
    assert "reworded" not in set(tight["status"])
    assert (tight["status"] == "only_in_a").sum() == 3
    loose = align(articles(REWORDED_A, REWORDED_B), threshold_same=0.2, threshold_related=0.1)
    assert "reworded" not in set(loose["status"]) and (loose["status"] == "shared").sum() == 2


def test_an_identical_sentence_is_shared_with_cosine_1():
    table = align(articles(REWORDED_A, REWORDED_B))
    row = table[table["text_a"] == "The Kremlin said the mission had been accomplished."].iloc[0]
    assert row["text_b"] == row["text_a"]
    assert row["status"] == "shared"
    assert row["cosine"] == pytest.approx(1.0)


def test_columns_types_and_offsets_point_into_the_text():
    arts = articles(REWORDED_A, REWORDED_B, " ".join(FULL))
    table = align(arts)
    assert tuple(table.columns) == ALIGN_COLUMNS
    assert set(table["status"]) <= set(ALIGN_STATUSES)
    texts = dict(zip(arts["article_id"], arts["text"]))
    for side in ("a", "b"):
        rows = table[table[f"sentence_{side}"].notna()]
        for aid, start, end, text in zip(rows[f"article_{side}"], rows[f"start_{side}"],
                                         rows[f"end_{side}"], rows[f"text_{side}"]):
            assert texts[aid][start:end] == text
    matched = table[table["status"].isin(["shared", "reworded"])]
    assert matched["cosine"].between(0.2, 1.0).all()
    assert table["same_event"].all()


def _assert_each_sentence_once(arts: pd.DataFrame, table: pd.DataFrame) -> None:
    n = {a: len(mc.sentences(t)) for a, t in zip(arts["article_id"], arts["text"])}
    for (a, b), pair in table.groupby(["article_a", "article_b"]):
        assert sorted(pair["sentence_a"].dropna().tolist()) == list(range(n[a]))
        assert sorted(pair["sentence_b"].dropna().tolist()) == list(range(n[b]))
        both = pair["sentence_a"].notna() & pair["sentence_b"].notna()
        assert (both == pair["status"].isin(["shared", "reworded"])).all()


def test_every_sentence_appears_exactly_once_per_pair_of_three_articles():
    arts = articles(REWORDED_A, REWORDED_B, " ".join(FULL))
    table = align(arts)
    assert list(dict.fromkeys(zip(table["article_a"], table["article_b"]))) == [
        ("a1", "a2"), ("a1", "a3"), ("a2", "a3")]
    _assert_each_sentence_once(arts, table)


WORDS = ["troops", "Syria", "Putin", "base", "withdrawal", "Monday", "said", "the", "of", "war",
         "Assad", "rebels", "Turkey", "talks", "330,000", "U.S.", "Russia’s", "—"]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.lists(st.lists(st.sampled_from(WORDS), min_size=1, max_size=8),
                         min_size=0, max_size=7), min_size=2, max_size=4))
def test_every_sentence_appears_exactly_once_on_random_articles(docs):
    texts = [" ".join(" ".join(words).capitalize() + "." for words in doc) for doc in docs]
    arts = articles(*texts)
    table = align(arts)
    _assert_each_sentence_once(arts, table)
    # each pair comes back in reading order
    for _, pair in table.groupby(["article_a", "article_b"], sort=False):
        assert reading_order(pair).index.tolist() == pair.index.tolist()


def test_b_only_sentences_follow_their_matched_neighbour():
    a_text = f"{FULL[0]} {FULL[1]} {FULL[3]}"
    b_text = f"{FULL[5]} {FULL[1]} {FULL[2]} {FULL[0]} {FULL[4]}"
    table = align(articles(a_text, b_text))
    order = [[None if pd.isna(x) else int(x) for x in row]
             for row in table[["sentence_a", "sentence_b"]].values.tolist()]
    # b4 follows b3 (matched to a0); b0 precedes b1, the first matched sentence of b
    assert order == [[0, 3], [None, 4], [None, 0], [1, 1], [None, 2], [2, None]]
    shuffled = table.sample(frac=1, random_state=3)
    assert reading_order(shuffled).index.tolist() == table.index.tolist()


def test_matching_is_stable_on_the_seeds(seed_alignment):
    # 001 s9 and 002 s12 (Russia and Turkey working together) are each other's best match;
    # a maximum-total assignment split them into two wrong pairs.
    matched = seed_alignment[seed_alignment["status"].isin(["shared", "reworded"])]
    assert ((matched["sentence_a"] == 9) & (matched["sentence_b"] == 12)).any()


def test_omissions_counts_sentences_and_words():
    a_text = " ".join(FULL)
    b_text = " ".join(s for k, s in enumerate(FULL) if k != 2) + " A new closing line appears here."
    summary = omissions(align(articles(a_text, b_text)))
    assert len(summary) == 1
    row = summary.iloc[0]
    assert (row["n_sentences_a"], row["n_sentences_b"]) == (6, 6)
    assert (row["n_shared"], row["n_reworded"], row["n_only_in_a"], row["n_only_in_b"]) == (5, 0, 1, 1)
    assert row["n_words_only_in_a"] == 12  # "Human rights groups say thousands of civilians died ..."
    assert row["n_words_only_in_b"] == 6
    assert row["n_words_a"] == sum(len([t for t in mc.tokenize(s) if t.kind in ("word", "number")])
                                   for s in FULL)
    assert bool(row["same_event"])


# ---------------------------------------------------------------- align: the seeds

def test_seed_pair_is_mostly_omission_not_shared_wording(corpus, seed_alignment):
    assert list(dict.fromkeys(zip(seed_alignment["article_a"], seed_alignment["article_b"]))) == [
        ("001", "002")]
    row = omissions(seed_alignment).iloc[0]
    assert (row["outlet_a"], row["outlet_b"]) == ("Breitbart News", "AFP")
    assert row["n_shared"] == 0
    assert row["n_reworded"] >= 3
    assert row["n_only_in_a"] >= 10 and row["n_only_in_b"] >= 5
    assert row["n_only_in_a"] + row["n_reworded"] == row["n_sentences_a"]
    reworded = seed_alignment[seed_alignment["status"] == "reworded"]
    # the lead of each: Putin ordered (his defence ministry) to pull out / remove the troops
    assert ((reworded["sentence_a"] == 0) & (reworded["sentence_b"] == 1)).any()
    _assert_each_sentence_once(corpus.articles, seed_alignment)


# ---------------------------------------------------------------- align: errors

def test_unknown_article_id_is_named_with_the_ids_there_are(corpus):
    with pytest.raises(CorpusError, match=r"'999'.*article ids are: 000, 001, 002, 003, 004"):
        align(corpus, ["001", "999"])


def test_fewer_than_two_articles_is_refused(corpus):
    with pytest.raises(ValueError, match="at least 2 articles"):
        align(corpus, ["001"])
    with pytest.raises(ValueError, match="at least 2 articles"):
        align(articles(REWORDED_A))
    with pytest.raises(ValueError, match="at least 2 articles"):
        align("Just one text. Two sentences.")


def test_too_many_articles_or_no_shared_event_are_refused(corpus):
    with pytest.raises(CorpusError, match="at most 4 articles"):
        align(corpus, ["000", "001", "002", "003", "004"])
    # more than four articles and none named: the same-event pair is chosen, and why
    chosen = align(corpus.articles)
    assert set(chosen["article_a"]) | set(chosen["article_b"]) == {"001", "002"}
    assert "given in the corpus as event 2017-12-11-putin-khmeimim" in chosen.attrs["chosen_because"]
    assert chosen.attrs["events_inferred"] is False
    lonely = mc.Corpus(articles=corpus.articles[corpus.articles["article_id"] != "002"],
                       load_report=corpus.load_report)
    with pytest.raises(CorpusError, match="no two articles of the corpus share an event_id"):
        align(lonely)
    assert len(align(lonely, ["000", "003"]))


@pytest.mark.parametrize("kwargs", [{"threshold_same": 1.5}, {"threshold_related": -0.1},
                                    {"threshold_same": 0.3, "threshold_related": 0.4},
                                    {"threshold_same": "0.5"}])
def test_bad_thresholds_are_refused(kwargs):
    with pytest.raises(ValueError, match="threshold"):
        align(articles(REWORDED_A, REWORDED_B), **kwargs)


# ---------------------------------------------------------------- wire copy

def test_republished_agency_copy_is_flagged_and_unrelated_text_is_not():
    table = wire_copy(articles(AGENCY, REPUBLISHED, UNRELATED))
    assert len(table) == 6  # ordered pairs
    copy = table[(table["article_a"] == "a1") & (table["article_b"] == "a2")].iloc[0]
    assert copy["share_a_in_b"] == 1.0
    assert copy["n_shared"] == copy["n_shingles_a"]
    assert 0.6 < copy["share_b_in_a"] < 1.0  # B's new first paragraph is not in A
    assert copy["flag"]
    back = table[(table["article_a"] == "a2") & (table["article_b"] == "a1")].iloc[0]
    assert back["share_a_in_b"] == copy["share_b_in_a"] and back["flag"]
    unrelated = table[table["article_b"] == "a3"]
    assert (unrelated["share_a_in_b"] == 0).all() and (unrelated["n_shared"] == 0).all()
    assert not unrelated["flag"].any()


def test_the_flag_looks_both_ways():
    # a long article quoting the whole agency story: little of it is copy, all of the story is
    filler = " ".join(f"Paragraph {k} discusses local topic number {k} in some detail." for k in range(40))
    table = wire_copy(articles(filler + " " + AGENCY, AGENCY))
    long_row = table.iloc[0]
    assert long_row["share_a_in_b"] < 0.3 <= long_row["share_b_in_a"] == 1.0
    assert long_row["flag"] and table["flag"].all()
    # share_b_in_a == 1.0 still reaches min_share=1.0
    assert wire_copy(articles(filler + " " + AGENCY, AGENCY), min_share=1.0)["flag"].iloc[0]


def test_a_lightly_edited_copy_still_shares_most_shingles():
    edited = AGENCY.replace("Monday", "Tuesday").replace("jihadists", "extremists")
    row = wire_copy(articles(AGENCY, edited)).iloc[0]
    assert 0.5 < row["share_a_in_b"] < 1.0 and row["flag"]


def test_too_short_text_has_no_share():
    table = wire_copy(articles("Too short to shingle.", AGENCY))
    assert pd.isna(table.iloc[0]["share_a_in_b"]) and not table.iloc[0]["flag"]
    assert table.iloc[0]["n_shingles_a"] == 0


def test_seeds_have_no_wire_copy(corpus):
    table = wire_copy(corpus)
    assert len(table) == 20
    assert not table["flag"].any()
    assert table["share_a_in_b"].max() < 0.05


def test_copied_passages_slice_the_copied_text():
    passages = copied_passages(REPUBLISHED, AGENCY)
    assert len(passages) == 1
    row = passages.iloc[0]
    assert REPUBLISHED[row["start"]:row["end"]] == row["text"]
    assert row["text"] == AGENCY.rstrip(".")  # the new paragraph is not covered
    assert passages["start"].iloc[0] == REPUBLISHED.index("Russian President")
    gapped = AGENCY.replace("He was greeted", "Crowds cheered. He was greeted")
    parts = copied_passages(gapped, AGENCY)
    assert len(parts) == 2
    for start, end, text in zip(parts["start"], parts["end"], parts["text"]):
        assert gapped[start:end] == text and text in AGENCY
    assert copied_passages(UNRELATED, AGENCY).empty


def test_wire_copy_checks_its_parameters():
    with pytest.raises(ValueError, match="n must be a positive integer"):
        wire_copy(articles(AGENCY, UNRELATED), n=0)
    with pytest.raises(ValueError, match="min_share"):
        wire_copy(articles(AGENCY, UNRELATED), min_share=0)


# ---------------------------------------------------------------- side by side

PAYLOAD = "<script>alert('x')</script>"
PAYLOAD_B = "<img src=x onerror=alert(1)>"


def test_side_by_side_escapes_article_text_and_titles():
    a_text = (f"Troops left Syria. Putin <b>spoke</b> at the base. The minister wrote {PAYLOAD} "
              "in a letter to parliament on Friday.")
    b_text = (f"Troops left Syria. Putin <b>spoke</b> at the base. Officials in Damascus welcomed "
              f"the decision and thanked {PAYLOAD_B} the allies.")
    arts = articles(a_text, b_text, titles=[f"Title {PAYLOAD}", "Plain"])
    arts["outlet"] = ["Outlet <i>A</i>", "Outlet B"]
    table = align(arts)
    # every way a sentence is drawn: matched (with diff marks) and alone on either side
    assert set(table["status"]) == {"shared", "only_in_a", "only_in_b"}
    page = side_by_side(arts, table, article_a="a1", article_b="a2").to_html(standalone=True)
    root = parse(page)
    assert not root.find_all("script") and not root.find_all("img")
    assert not [n for n in root.walk() if n.tag in ("b", "i") and n.parent.tag in ("td", "th")]
    assert "<script" not in page.lower()
    assert PAYLOAD in root.find_all("h3", cls="mc-title")[0].text()
    a_cells, b_cells = cells(root, "a"), cells(root, "b")
    assert any(PAYLOAD in c for c in a_cells) and any(PAYLOAD_B in c for c in b_cells)
    assert "Putin <b>spoke</b> at the base." in a_cells and "Putin <b>spoke</b> at the base." in b_cells
    assert "Outlet <i>A</i>" in root.text()


def test_side_by_side_has_no_script_and_refers_to_nothing_outside(seed_view):
    for page in (seed_view.to_html(), seed_view.to_html(standalone=True), seed_view._repr_html_()):
        root = parse(page)
        assert not root.find_all("script") and not root.find_all("link")
        assert not root.find_all("img") and not root.find_all("iframe")
        assert not [n for n in root.walk() for a in ("src", "href", "action") if a in n.attrs]
        assert not [n for n in root.walk() if any(a.startswith("on") for a in n.attrs)]
        # the page's policy itself names "img-src data:"; nothing else may name a scheme
        content = page.replace(CONTENT_SECURITY_POLICY, "")
        assert not re.search(r"(?i)(https?|ftp|file|data):|//\w", content)
        assert "url(" not in page and "@import" not in page
    assert f'content="{CONTENT_SECURITY_POLICY}"' in seed_view.to_html(standalone=True)


def test_side_by_side_shows_every_sentence_of_both_articles_and_the_badges(corpus, seed_view):
    root = parse(seed_view.to_html())
    texts = corpus.articles.set_index("article_id")["text"]
    for side, aid in (("a", "001"), ("b", "002")):
        shown = cells(root, side)
        assert sorted(shown) == sorted(s.text for s in mc.sentences(texts[aid]))
        if side == "a":  # article A reads in its own order
            assert shown == [s.text for s in mc.sentences(texts[aid])]
    counts = seed_view.counts
    (pairs,) = root.find_all("table", cls="mc-pairs")
    badges = [n.text(skip=()) for n in pairs.find_all("span", cls="mc-badge")]
    assert badges.count("only in A") == counts["n_only_in_a"] >= 10
    assert badges.count("only in B") == counts["n_only_in_b"] >= 5
    assert badges.count("reworded") == counts["n_reworded"]
    assert len(root.find_all("td", cls="mc-gap")) == counts["n_only_in_a"] + counts["n_only_in_b"]
    head = root.find_all("div", cls="mc-heads")[0].text()
    for words in ("Breitbart News", "AFP", "2017-12-11",
                  "Putin Orders Russian Troops to Begin Withdrawing from Syria",
                  "Putin orders the removal of Russian troops from Syria"):
        assert words in head
    assert root.find_all("section", cls="mc-legend")
    assert "Different events" not in root.text()


def test_side_by_side_marks_the_differing_words_of_a_reworded_pair():
    arts = articles(REWORDED_A, REWORDED_B)
    root = parse(side_by_side(arts, align(arts), article_a="a1", article_b="a2").to_html())
    (row,) = [tr for tr in root.find_all("tr", cls="mc-st-reworded")]
    marked_a = [m.text() for m in row.find_all("mark", cls="diff")
                if m.parent.tag == "td" and "mc-a" in m.parent.classes]
    marked_b = [m.text() for m in row.find_all("mark", cls="diff")
                if m.parent.tag == "td" and "mc-b" in m.parent.classes]
    # content words only: "out", "of", "its" and "from" differ too, but are function words
    assert marked_a == ["Russia began pulling troops"]
    assert marked_b == ["Moscow started withdrawing", "forces"]
    (same,) = root.find_all("tr", cls="mc-st-shared")
    assert not same.find_all("mark")


def test_side_by_side_is_deterministic(corpus, seed_alignment, seed_view):
    again = side_by_side(corpus, seed_alignment, article_a="001", article_b="002")
    assert again.to_html(standalone=True) == seed_view.to_html(standalone=True)
    assert isinstance(again, Comparison)
    assert repr(again).startswith("<Comparison: 001 vs 002; 0 shared")


def test_side_by_side_swaps_sides_of_a_pair_aligned_the_other_way(corpus, seed_alignment,
                                                                  seed_view):
    swapped = side_by_side(corpus, seed_alignment, article_a="002", article_b="001")
    assert swapped.counts["n_only_in_a"] == seed_view.counts["n_only_in_b"]
    assert swapped.counts["n_only_in_b"] == seed_view.counts["n_only_in_a"]
    root = parse(swapped.to_html())
    texts = corpus.articles.set_index("article_id")["text"]
    assert cells(root, "a") == [s.text for s in mc.sentences(texts["002"])]


def test_side_by_side_caps_rows_and_says_so(corpus, seed_alignment):
    view = side_by_side(corpus, seed_alignment, article_a="001", article_b="002", max_rows=5)
    root = parse(view.to_html())
    (pairs,) = root.find_all("table", cls="mc-pairs")
    assert len(pairs.find_all("tbody")[0].find_all("tr")) == 5
    assert "Showing the first 5 of 27 rows (max_rows=5)" in root.text()
    assert len(view.rows) == 27


def test_side_by_side_warns_when_the_articles_do_not_share_an_event(corpus):
    view = side_by_side(corpus, align(corpus, ["000", "003"]), article_a="000", article_b="003")
    assert "Different events: compare with care." in parse(view.to_html()).text()


def test_side_by_side_warns_about_shared_agency_copy():
    arts = articles(AGENCY, REPUBLISHED)
    text = parse(side_by_side(arts, align(arts), article_a="a1", article_b="a2").to_html()).text()
    assert re.search(r"Shared wording: 100% of A's 8-word sequences also occur in B", text)


def test_side_by_side_save_writes_the_standalone_page(tmp_path, seed_view):
    path = seed_view.save(tmp_path / "cmp.html")
    assert path.read_text(encoding="utf-8") == seed_view.to_html(standalone=True)


def test_side_by_side_errors_name_what_is_wrong(corpus, seed_alignment):
    with pytest.raises(ValueError, match=r"article_b '999' is not in the articles; article ids "
                                         r"are: 000, 001, 002, 003, 004"):
        side_by_side(corpus, seed_alignment, article_a="001", article_b="999")
    with pytest.raises(ValueError, match="no rows for articles '000' and '003'; its pairs are: 001-002"):
        side_by_side(corpus, seed_alignment, article_a="000", article_b="003")
    with pytest.raises(ValueError, match="the same article"):
        side_by_side(corpus, seed_alignment, article_a="001", article_b="001")
    other = corpus.articles.assign(text=corpus.articles["text"].str.upper())
    with pytest.raises(ValueError, match="align the same texts you show"):
        side_by_side(other, seed_alignment, article_a="001", article_b="002")
