"""The labeller: seed labels a teacher would agree with, voice, explainability, offsets,
lexicons as data (inflections, exceptions, case), user lexicons, and broken-lexicon errors."""

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import mediacompare as mc
from mediacompare.features.lexicon import LEXICON_CATEGORIES, load_lexicon

HEADER = "term,category,neutral_alternative,note,source,forms,confidence,case,unless_next,unless_previous\n"


@pytest.fixture(scope="module")
def corpus():
    return mc.load_corpus()


@pytest.fixture(scope="module")
def spans(corpus):
    return mc.label(corpus)


def _cue_texts(spans):
    """The words each label's lexicon match covers (its cue), whatever phrase it was widened over."""
    texts = mc.load_corpus().articles.set_index("article_id")["text"]
    return [texts[a][s:e] for a, s, e in zip(spans["article_id"], spans["cue_start"], spans["cue_end"])]


def _has(spans, article_id, text, category, *, in_quote=None):
    # the seed words are cues: a cue of a loaded word may be widened over its phrase
    # ("ruthless" -> "the ruthless leader"), which test_extents checks on its own
    cues = pd.Series(_cue_texts(spans), index=spans.index, dtype=object)
    rows = spans[(spans["article_id"] == article_id) & ((spans["text"] == text) | (cues == text))
                 & (spans["category"] == category)]
    if in_quote is not None:
        rows = rows[rows["in_quote"] == in_quote]
    return len(rows) > 0


@pytest.mark.parametrize("article_id, text, category, in_quote", [
    ("001", "dictator", "labeling", False),          # Breitbart's own voice
    ("001", "ruthless", "emotive", False),
    ("001", "armed bandits", "labeling", True),      # Putin's words, quoted
    ("001", "spectacularly", "intensifier", True),
    ("001", "reportedly", "vague_source", False),
    ("003", "Takfiri", "labeling", False),           # Press TV
    ("003", "so-called", "doubt", False),
    ("003", "purportedly", "doubt", False),
    ("003", "plundering", "emotive", False),
    ("003", "he alleged", "attribution", False),
    ("003", "regime", "labeling", True),             # Hood's words, quoted
    ("000", "allegedly", "doubt", False),            # Fort Russ
    ("000", "war of aggression", "emotive", False),
    ("000", "claimed", "attribution", False),
    ("002", "regime", "labeling", False),            # AFP: "the Assad regime"
    ("002", "widely seen", "intensifier", False),
])
def test_seed_labels_a_teacher_would_agree_with(spans, article_id, text, category, in_quote):
    assert _has(spans, article_id, text, category, in_quote=in_quote)


def test_seed_words_that_are_not_loaded_here_are_not_labelled(spans):
    # "classifies ... as a terrorist organization" reports a designation; "According to ... TASS"
    # names its source; "said" is neutral. The labels are found by their cue: a cue's label may
    # cover its compound ("terrorist organizations", compound_after), the cue is still "terrorist"
    terrorist = spans[(spans["article_id"] == "000") & (spans["term"] == "terrorist")]
    text = mc.load_corpus().articles.set_index("article_id").loc["000", "text"]
    assert text.count("terrorist ") == 3 and len(terrorist) == 2
    assert set(text[s:e] for s, e in zip(terrorist["cue_start"], terrorist["cue_end"])) == {"terrorist"}
    assert text.index("as a terrorist organization") + 5 not in terrorist["cue_start"].tolist()
    assert not spans["text"].str.lower().isin(["said", "according to", "told"]).any()


def test_putins_words_in_the_afp_piece_are_quoted_voice(corpus):
    quotes = mc.quotes_table(corpus)
    afp = quotes[quotes["article_id"] == "002"]
    assert afp["text"].str.startswith("I order the defence minister").any()
    assert (afp["voice"] == "reported").all()
    words = mc.voice_words(corpus).set_index("article_id")
    assert words.loc["002", "n_words_quoted"] == 23  # "I order ... permanent bases," counted by hand
    text = corpus.articles.set_index("article_id").loc["002", "text"]
    start = text.index("permanent bases")
    changed = text[:start] + "brutal " + text[start:]
    labelled = mc.label(changed)  # a word inserted into the quote
    row = labelled[[changed[s:e] == "brutal" for s, e in zip(labelled["cue_start"],
                                                             labelled["cue_end"])]].iloc[0]
    assert row["in_quote"] and row["quote_id"] == afp["quote_id"].iloc[0]


def test_every_span_is_explainable_and_its_offsets_give_its_text(corpus, spans):
    texts = corpus.articles.set_index("article_id")["text"]
    assert list(spans.columns[:13]) == ["article_id", "start", "end", "text", "category", "term",
                                        "neutral_alternative", "note", "source", "in_quote",
                                        "quote_id", "sentence_id", "confidence"]
    for row in spans.itertuples():
        assert texts[row.article_id][row.start:row.end] == row.text
        assert row.category in mc.CATEGORIES and row.confidence in ("high", "low")
        assert row.note and row.neutral_alternative and row.rule
    sentences = corpus.sentences()
    for row in spans.head(40).itertuples():
        sentence = sentences[(sentences["article_id"] == row.article_id)
                             & (sentences["sentence_id"] == row.sentence_id)].iloc[0]
        assert sentence["start"] <= row.start < sentence["end"]


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("abc regime terrorists claimed so-called \"“”‘’'\n.,")),
               max_size=200))
def test_labels_on_arbitrary_text_keep_the_offset_invariant(text):
    for row in mc.label(text).itertuples():
        assert text[row.start:row.end] == row.text


@pytest.mark.parametrize("text, expected", [
    ("They called him a terrorist.", [("terrorist", "labeling")]),
    ("They called them terrorists.", [("terrorists", "labeling")]),           # inflection
    ("He claims the vote was fair.", [("claims", "attribution")]),
    ("She claimed the vote was fair.", [("claimed", "attribution")]),
    ("The group claimed responsibility for the attack.", []),                 # exception as data
    ("The blast claimed the lives of six people.", []),
    ("The sanctions regime was tightened.", []),                              # exception as data
    ("The regime was tightened.", [("regime", "labeling")]),
    ("The war-devastated country", [("devastated", "emotive")]),              # part of a hyphenated word
    ("A self-proclaimed leader", [("self-proclaimed", "doubt")]),             # not also "proclaimed"
    ("Armed bandits attacked.", [("Armed bandits", "labeling")]),              # multi-word, longest wins
])
def test_lexicon_matching(text, expected):
    spans = mc.label(text, extents=False)  # the lexicon's matches alone; extents: test_extents.py
    got = [(r.text, r.category) for r in spans.itertuples() if r.category != "scare_quote"]
    assert got == expected


@pytest.mark.parametrize("text, scare", [
    ('The so-called "moderate rebels" attacked the town.', ['"moderate rebels"']),
    ('The "peace process" stalled again.', ['"peace process"']),
    ('"We will stay," he said.', []),                                          # reported speech
    ('Al-Qaeda has grown "stronger," according to an expert.', []),            # attributed
    ('"We will stay in the region until the job is done and the area is safe."', []),  # long
    ('He called it a ‘liberation’, he said.', []),
])
def test_scare_quotes_are_told_apart_from_reported_speech(text, scare):
    spans = mc.label(text)
    assert spans.loc[spans["category"] == "scare_quote", "text"].tolist() == scare


def test_words_inside_a_scare_quote_stay_in_the_outlets_voice():
    spans = mc.label('The so-called "moderate rebels" attacked the town.')
    rebels = spans[spans["term"] == "rebels"].iloc[0]
    assert rebels["text"] == "moderate rebels"  # widened over the adjective before it
    assert not rebels["in_quote"]


def test_packaged_lexicons_cover_english_news_with_notes_and_tiers():
    lexicon = load_lexicon()
    frame = lexicon.to_frame()
    counts = frame["category"].value_counts()
    for category, minimum in {"emotive": 250, "labeling": 150, "doubt": 100, "attribution": 150,
                              "intensifier": 100, "vague_source": 60}.items():
        assert counts[category] >= minimum, category
    assert set(frame["confidence"]) == {"high", "low"}
    assert frame["note"].str.len().min() >= 10
    assert frame["note"].nunique() == len(frame)  # a real note each, not a template
    assert (frame["unless_previous"] != "").sum() + (frame["unless_next"] != "").sum() >= 40


def test_user_lexicon_replaces_or_extends(tmp_path):
    mine = tmp_path / "mine.csv"
    mine.write_text(HEADER + 'heroic,emotive,brave,"Praise that tells the reader how to feel.",,heroes,high,,,\n'
                    'regime,labeling,government,"A user\'s own note on regime.",,,low,,,\n',
                    encoding="utf-8")
    text = "The heroic regime acted, he claimed."
    replaced = mc.label(text, lexicon=mine)
    assert replaced["term"].tolist() == ["heroic", "regime"]   # "claimed" is not in the user's file
    # each widened over the phrase: "heroic" to its head noun, "regime" over its adjective
    assert replaced["text"].tolist() == ["heroic regime", "heroic regime"]
    extended = load_lexicon(mine, extend=True)
    spans = mc.label(text, lexicon=extended)
    assert set(spans["term"]) == {"heroic", "regime", "claim"}  # "claimed" is a form of "claim"
    regime = spans[spans["term"] == "regime"].iloc[0]
    assert regime["note"] == "A user's own note on regime." and regime["confidence"] == "low"
    assert any(item.startswith("regime (labeling.csv") for item in extended.overridden)


def test_case_rule_is_data(tmp_path):
    mine = tmp_path / "case.csv"
    mine.write_text(HEADER + 'Crusaders,labeling,(name the group),"A label with a religious-war charge.",,,high,sensitive,,\n',
                    encoding="utf-8")
    spans = mc.label("Crusaders came. The crusaders of the team cheered.", lexicon=mine)
    assert spans["text"].tolist() == ["Crusaders"]


@pytest.mark.parametrize("body, message", [
    ("regime,labeling,government,note,,,high,,,\nregime,labeling,government,note two,,,high,,,\n",
     "line 3: duplicate term 'regime' (first on"),
    ("regime,labeling,government,note,,regimes,high,,,\nregimes,labeling,government,other,,,high,,,\n",
     "line 3: duplicate term 'regimes'"),
    ("regime,labeling,government,,,,high,,,\n", "line 2, column 'note': empty"),
    ("regime,slant,government,note,,,high,,,\n", "line 2, column 'category': unknown category 'slant'"),
    ("regime,labeling,government,note,,,sure,,,\n", "line 2, column 'confidence'"),
    ("regime,labeling,government,note,,,high,upper,,\n", "line 2, column 'case'"),
    ("regime,labeling,government,note\n", "line 2: expected 10 fields"),
    (" regime,labeling,government,note,,,high,,,\n", "leading, trailing or double spaces"),
])
def test_broken_lexicon_is_refused_with_file_line_and_reason(tmp_path, body, message):
    path = tmp_path / "broken.csv"
    path.write_text(HEADER + body, encoding="utf-8")
    with pytest.raises(mc.ResourceError) as info:
        load_lexicon(path)
    assert str(path) in str(info.value) and message in str(info.value)


def test_lexicon_with_bad_columns_is_refused(tmp_path):
    path = tmp_path / "cols.csv"
    path.write_text("word,kind\nregime,labeling\n", encoding="utf-8")
    with pytest.raises(mc.ResourceError, match=r"line 1: bad columns \(missing term, category"):
        load_lexicon(path)


def test_rates_put_counts_beside_rates_per_voice():
    articles = pd.DataFrame({
        "article_id": ["a", "b"], "outlet": ["One", "One"],
        "text": ["The regime acted. The dictator spoke.",            # 6 words, 2 labels
                 '"The regime must go," he said. The ruthless move.']})  # 4 quoted + 5 own words
    spans = mc.label(articles)
    rates = mc.label_rates(spans, articles)
    # "regime" is in the low tier since issue 11 (PTC annotators marked almost none of its uses),
    # so the high tier holds "dictator" alone and the low tier "regime"
    own = rates[(rates["voice"] == "outlet") & (rates["confidence"] == "high")].set_index("category")
    assert own.loc["labeling", "n_spans"] == 1 and own.loc["labeling", "n_words"] == 11
    assert own.loc["labeling", "per_1000_words"] == pytest.approx(1000 * 1 / 11)
    low = rates[(rates["voice"] == "outlet") & (rates["confidence"] == "low")].set_index("category")
    assert low.loc["labeling", "n_spans"] == 1
    assert own.loc["emotive", "n_spans"] == 1 and own.loc["doubt", "n_spans"] == 0
    quoted = rates[(rates["voice"] == "quoted") & (rates["confidence"] == "low")].set_index("category")
    assert quoted.loc["labeling", "n_spans"] == 1 and quoted.loc["labeling", "n_words"] == 4
    table = mc.rates_table(rates, voice="outlet")
    assert table.loc["One", "labeling"] == "1 (90.9)"


def test_label_accepts_corpus_dataframe_and_string(corpus):
    from_corpus = mc.label(corpus)
    from_frame = mc.label(corpus.articles[["article_id", "text"]])
    pd.testing.assert_frame_equal(from_corpus, from_frame)
    assert set(mc.label("a brutal regime")["article_id"]) == {"text"}
    with pytest.raises(ValueError, match="missing the columns text"):
        mc.label(pd.DataFrame({"article_id": ["x"]}))


def test_cli_label_and_lexicon_options(tmp_path, capsys):
    from mediacompare.cli import main

    mine = tmp_path / "mine.csv"
    mine.write_text(HEADER + 'withdrawal,emotive,(omit),"A test entry.",,,high,,,\n', encoding="utf-8")
    out = tmp_path / "spans.csv"
    assert main(["label", "--lexicon", str(mine), "--out", str(out)]) == 0
    written = pd.read_csv(out, dtype={"article_id": str})
    assert set(written["term"]) == {"withdrawal"} and len(written) > 5
    assert main(["label", "--add-lexicon", str(mine), "--out", str(out)]) == 0
    assert {"withdrawal", "dictator"} <= set(pd.read_csv(out)["term"])
    broken = tmp_path / "broken.csv"
    broken.write_text("term\nx\n", encoding="utf-8")
    assert main(["label", "--lexicon", str(broken)]) == 3
    assert str(broken) in capsys.readouterr().err


def test_all_lexicon_categories_are_documented():
    text = (mc.taxonomy()["category"]).tolist()
    assert text == list(mc.CATEGORIES)
    assert set(LEXICON_CATEGORIES) < set(mc.CATEGORIES)


def test_taxonomy_page_and_data_agree():
    from pathlib import Path

    page = (Path(__file__).resolve().parents[1] / "docs" / "taxonomy.md").read_text(encoding="utf-8")
    for row in mc.taxonomy().itertuples():
        assert f"## `{row.category}`" in page
        for value in (row.definition, row.seed_example, row.ptc_techniques, row.recasens_classes):
            assert value in page, (row.category, value)
        labels = row.ptc_labels or "(none: not compared)"
        assert f"- **PTC labels compared with** (`ptc_labels`, used by `mc.agreement`): {labels}" in page


def test_a_large_corpus_is_labelled_in_parts_into_the_same_table(monkeypatch):
    import importlib

    module = importlib.import_module("mediacompare.features.label")
    corpus = mc.load_corpus(progress=False)
    whole = mc.label(corpus, progress=False)
    monkeypatch.setattr(module, "CHUNK_ROWS", 3)  # a table every few spans, then one table
    pd.testing.assert_frame_equal(mc.label(corpus, progress=False), whole)
    rows = module.label_rows("a", mc.analyse("The regime said. The brutal thugs left."),
                             mc.load_lexicon())
    none = [tuple(None if i == 6 else v for i, v in enumerate(r)) for r in rows]
    for parts in ([rows, none], [none, none], [[], rows], [[]]):  # a column empty in one part
        one = module.span_frame([r for part in parts for r in part])
        pd.testing.assert_frame_equal(module.span_frames([module.span_frame(p) for p in parts]), one)
