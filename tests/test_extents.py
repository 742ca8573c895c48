"""Phrase extents: each rule widens a loaded word's label over its phrase, on sentences written
for these tests; the cue's own offsets stay; other categories and other labels are left alone."""

import pandas as pd
import pytest

import mediacompare as mc
from mediacompare.errors import ResourceError
from mediacompare.features import extent
from mediacompare.features import word_tags as word_tags_module
from mediacompare.features.extent import EXTENT_RULES, closed_classes, word_tags

HEADER = "term,category,neutral_alternative,note,source,forms,confidence,case,unless_next,unless_previous,pos\n"
ROWS = {
    "disgraceful": "disgraceful,emotive,regrettable,Disgrace.,,,high,,,,adj\n",
    "nefarious": "nefarious,emotive,(describe it),Evil intent.,,,high,,,,adj\n",
    "idiot": "idiot,labeling,(name the person),An insult.,,,high,,,,noun\n",
    "flood": "flood,emotive,large number,Water image.,,,high,,,,noun\n",
    "malign": "malign,emotive,criticise,Malice.,,,high,,,,verb\n",
    "vicious": "vicious,emotive,harsh,Savage.,,,high,,,,adj\n",
    "brutal": "brutal,emotive,harsh,Brutality.,,,high,,,,adj\n",
    "elite": "elite,labeling,(name the group),Populist.,,,high,,,,\n",
    "utterly": "utterly,intensifier,(omit),Boost.,,,high,,,,\n",
    "propaganda": "propaganda,labeling,information,Deceit.,,,high,,,,noun\n",
    "shamelessly": "shamelessly,emotive,(omit),Shame.,,,high,,,,adv\n",
}


@pytest.fixture
def lexicon(tmp_path):
    path = tmp_path / "mine.csv"
    path.write_text(HEADER + "".join(ROWS.values()), encoding="utf-8")
    return mc.load_lexicon(path)


def _loaded(spans):
    return spans[spans["category"].isin(["emotive", "labeling"])]


@pytest.mark.parametrize("sentence, text, term, rules", [
    ("It was a deeply disgraceful move.", "deeply disgraceful move", "disgraceful",
     "adverb_before|head_after"),
    ("He is a hopeless idiot.", "hopeless idiot", "idiot", "modifier_before"),
    ("They had nefarious purposes.", "nefarious purposes", "nefarious", "head_after"),
    ("A flood of cheap imports arrived.", "flood of cheap imports", "flood", "of_after"),
    ("They tried to malign him.", "malign him", "malign", "object_after"),
    ("They maligned the reporters.", "maligned the reporters", "malign", "object_after"),
    ("He is the office idiot.", "office idiot", "idiot", "compound_before"),
    ("They were vicious leaders of the gang.", "vicious leaders of the gang", "vicious",
     "head_after|of_after"),
    ("The propaganda machine rolled on.", "propaganda machine", "propaganda", "compound_after"),
    ("He shamelessly denied it.", "shamelessly denied", "shamelessly", "modified_after"),
    ("It was a vicious and cowardly attack.", "vicious and cowardly attack", "vicious",
     "coordinate_after"),
    ("It was a cowardly and vicious attack.", "cowardly and vicious attack", "vicious",
     "head_after|coordinate_before"),
    ("It was a vicious, cowardly attack.", "vicious, cowardly attack", "vicious", "series_after"),
    ("It was a cowardly, vicious attack.", "cowardly, vicious attack", "vicious",
     "head_after|series_before"),
])
def test_each_rule_widens_the_label_over_its_phrase(lexicon, sentence, text, term, rules):
    row = _loaded(mc.label(sentence, lexicon=lexicon)).iloc[0]
    assert (row["text"], row["term"], row["extended_by"]) == (text, term, rules)
    assert sentence[row["start"]:row["end"]] == row["text"]
    cue = sentence[row["cue_start"]:row["cue_end"]]
    assert cue.lower().startswith(term[:5]) and cue in row["text"]
    for name in rules.split("|"):
        assert name in row["rule"]
    assert row["rule"].startswith("lexicon: mine.csv, line ") and "widened over its phrase" in row["rule"]


@pytest.mark.parametrize("sentence, text", [
    ("The decision was disgraceful, and wrong.", "disgraceful"),         # punctuation ends it
    ("The decision was disgraceful in every way.", "disgraceful"),       # a preposition ends it
    ("It was disgraceful\nconduct.", "disgraceful"),                     # so does a line break
    ("They were nefarious still.", "nefarious"),                         # a possible adverb ends it
    ("The flood of 2019 was large.", "flood"),                           # a number is no noun phrase
    ("They would malign.", "malign"),                                    # no object
    ("It was vicious, cruel.", "vicious"),                               # a series needs its head noun
    ("It was vicious and it hurt.", "vicious"),                          # 'and' a clause, no conjunct
    ("It was vicious and then stopped.", "vicious"),                     # a conjunct of another class
    ("It was vicious , cruel conduct.", "vicious"),                      # a comma after a space is no series
    ("He shamelessly.", "shamelessly"),                                  # nothing modified
    ("They were vicious of late.", "vicious"),                           # 'of' after no head noun
])
def test_a_phrase_stops_at_punctuation_line_breaks_and_function_words(lexicon, sentence, text):
    row = _loaded(mc.label(sentence, lexicon=lexicon)).iloc[0]
    assert row["text"] == text and row["extended_by"] == ""
    assert (row["start"], row["end"]) == (row["cue_start"], row["cue_end"])


def test_a_word_that_may_be_an_adjective_or_a_noun_is_read_from_its_neighbours(lexicon):
    noun = _loaded(mc.label("They blamed the western elite.", lexicon=lexicon)).iloc[0]
    assert (noun["text"], noun["extended_by"]) == ("western elite", "modifier_before")
    adjective = _loaded(mc.label("It is an elite unit of guards.", lexicon=lexicon)).iloc[0]
    # the head noun's "of" complement joins too (of_after after an adjective cue's head noun)
    assert (adjective["text"], adjective["extended_by"]) == ("elite unit of guards",
                                                             "head_after|of_after")


def test_labels_of_one_category_never_overlap_after_widening(lexicon):
    spans = _loaded(mc.label("Vicious brutal thugs attacked.", lexicon=lexicon))
    emotive = spans[spans["category"] == "emotive"].sort_values("start")
    assert emotive["text"].tolist() == ["Vicious", "brutal thugs"]
    assert (emotive["end"].iloc[0] <= emotive["start"].iloc[1])


def test_only_loaded_words_are_widened_and_extents_can_be_switched_off(lexicon):
    sentence = "It was utterly disgraceful conduct."
    spans = mc.label(sentence, lexicon=lexicon)
    assert spans.set_index("category").loc["intensifier", "text"] == "utterly"
    assert spans.set_index("category").loc["emotive", "text"] == "utterly disgraceful conduct"
    plain = mc.label(sentence, lexicon=lexicon, extents=False)
    assert plain["text"].tolist() == ["utterly", "disgraceful"]
    assert (plain["start"] == plain["cue_start"]).all() and (plain["extended_by"] == "").all()
    only = mc.label(sentence, lexicon=lexicon, extents=["head_after"])
    assert only.set_index("category").loc["emotive", "text"] == "disgraceful conduct"


def test_an_unknown_rule_is_refused_with_the_rules_there_are(lexicon):
    with pytest.raises(ValueError, match="unknown rule 'noun_after'.*head_after"):
        mc.label("text", lexicon=lexicon, extents=["noun_after"])


def test_extents_keep_offsets_true_on_the_seeds():
    corpus = mc.load_corpus()
    spans = mc.label(corpus)
    texts = corpus.articles.set_index("article_id")["text"]
    assert spans["extended_by"].ne("").sum() > 10
    for row in spans.itertuples():
        text = texts[row.article_id]
        assert text[row.start:row.end] == row.text
        assert row.start <= row.cue_start < row.cue_end <= row.end
    widened = spans[spans["extended_by"] != ""]
    assert set(widened["category"]) <= {"emotive", "labeling"}
    assert set("|".join(widened["extended_by"]).split("|")) <= set(EXTENT_RULES)


def test_every_rule_is_described_and_tried_in_the_order_of_its_description():
    assert list(extent._RULES) == list(EXTENT_RULES)
    for name, (classes, side, widen) in extent._RULES.items():
        assert name.endswith("_" + side)
        assert set(classes) <= {"ADJ", "NOUN", "VERB", "ADV"} and callable(widen)


def test_coordinated_cues_of_one_category_stay_apart_and_cover_the_phrase(lexicon):
    # both conjuncts are cues: each keeps its own label, the two never overlap, and together they
    # cover the coordinated phrase
    spans = _loaded(mc.label("A vicious and brutal campaign began.", lexicon=lexicon)).sort_values("start")
    assert spans[["text", "extended_by"]].values.tolist() == [["vicious", ""],
                                                             ["brutal campaign", "head_after"]]
    # a noun cue's conjunct need not be a cue ("lies" is no entry of this lexicon)
    row = _loaded(mc.label("The propaganda and lies spread.", lexicon=lexicon)).iloc[0]
    assert (row["text"], row["extended_by"]) == ("propaganda and lies", "coordinate_after")


def test_word_classes_come_from_the_closed_class_file_and_lemminflect():
    classes = closed_classes()
    assert classes["the"] == {"determiner"} and classes["of"] == {"preposition"}
    assert "degree_adverb" in classes["absolutely"]
    assert word_tags("migrants") == {"NOUN"} and "ADJ" in word_tags("disgraceful")
    assert word_tags("frobnicately") == {"ADV"}      # unknown -ly word
    assert word_tags("hard-left") == {"ADJ", "NOUN"}  # unknown hyphenated word


def test_a_malformed_closed_class_file_is_refused_with_file_and_line(tmp_path, monkeypatch):
    bad = tmp_path / "word_classes.csv"
    bad.write_text("word,class,source\nthe,determiner,Quirk\nof,particle,Quirk\n", encoding="utf-8")
    monkeypatch.setattr(word_tags_module, "resource", lambda name: bad)
    closed_classes.cache_clear()
    try:
        with pytest.raises(ResourceError, match=r"word_classes.csv, line 3, column 'class'.*particle"):
            closed_classes()
    finally:
        closed_classes.cache_clear()


def test_agreement_counts_an_entrys_use_by_its_cue_not_its_phrase():
    # the phrase touches the annotated span, the cue does not: the entry's use is unmarked,
    # while the label's words inside the span still count at the token level
    texts = pd.DataFrame({"article_id": ["t"], "text": ["A disgraceful decision was made."]})
    spans = pd.DataFrame({"article_id": ["t"], "start": [2], "end": [22], "category": ["emotive"],
                          "term": ["disgraceful"], "cue_start": [2], "cue_end": [13]})
    gold = pd.DataFrame({"article_id": ["t"], "start": [14], "end": [22],
                         "category": ["Loaded_Language"]})
    found = mc.agreement(spans, gold, texts)
    entry = found.entries.iloc[0]
    assert (entry["n_uses"], entry["n_marked"]) == (1, 0)
    assert found.token.query("compared == 'all'")[["tp", "fp", "fn"]].values.tolist() == [[1, 1, 0]]


@pytest.mark.parametrize("sentence, term, category", [
    ("The feckless council poured money into a dumpster fire of a project.", "feckless", "emotive"),
    ("The feckless council poured money into a dumpster fire of a project.", "dumpster fire", "emotive"),
    ("Commentators called the voters sheeple and bootlickers.", "sheeple", "labeling"),
    ("Commentators called the voters sheeple and bootlickers.", "bootlicker", "labeling"),
    ("The challenger trounced the sitting mayor.", "trounce", "emotive"),
    ("The minister kept obfuscating about the deal.", "obfuscate", "emotive"),
    ("It was skulduggery of the lowest kind.", "skulduggery", "emotive"),
    ("The report was a whitewash by apparatchiks.", "apparatchik", "labeling"),
])
def test_new_general_entries_fire_on_sentences_written_for_the_test(sentence, term, category):
    spans = mc.label(sentence)
    assert ((spans["term"] == term) & (spans["category"] == category)).any(), spans[["term", "text"]]


@pytest.mark.parametrize("sentence", [
    "The torpedo struck the hull.",        # torpedo: only its verb forms are listed
    "The car slid into a ditch.",
    "A balloon floated over the crater.",
])
def test_verbs_whose_lemma_is_a_literal_noun_leave_the_noun_alone(sentence):
    assert mc.label(sentence).query("category == 'emotive'").empty


def test_the_mechanical_rewrite_replaces_the_matched_word_and_keeps_the_rest_of_the_phrase():
    from mediacompare.exercises.neutral import neutral_rewrite

    text = "They called it a flood of cheap imports."
    spans = mc.label(text)
    assert spans.set_index("term").loc["flood", "text"] == "flood of cheap imports"
    rewrite = neutral_rewrite(text, spans)
    assert rewrite.text.endswith("of cheap imports.") and "flood" not in rewrite.text
    assert rewrite.changes["was"].tolist() == ["flood"]


def test_exercise_cues_keep_the_matched_words_offsets_into_the_passage():
    text = "It rained. The corrupt western elite won again. People cheered."
    ex = mc.spot_words_exercise(text, max_sentences=1)
    cues = ex.cues.set_index("term")
    assert cues.loc["corrupt", "text"] == "corrupt western elite"
    assert ex.text[cues.loc["corrupt", "cue_start"]:cues.loc["corrupt", "cue_end"]] == "corrupt"
    feedback = mc.check_spotted_words(text, ex, ["corrupt"])
    assert feedback.verdicts["verdict"].tolist() == ["marked"]
