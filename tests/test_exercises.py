"""Classroom exercises: item rules, self-checks, the mechanical rewrite, fallbacks, escaping,
and the exercise notebooks (run with and without their solution cells).

The checks are tested on the seeds and on small made-up corpora; the answer key of each
exercise comes from the library (the ``cues``, ``answer_key`` and ``alignment`` of the
exercise), so the tests say what a right answer is without copying the seed texts.
"""

from __future__ import annotations

import copy
import json
import os
import re
from pathlib import Path

import pandas as pd
import pytest

import mediacompare as mc
from mediacompare.exercises import (
    MIN_LENGTH_RATIO,
    Feedback,
    NamingExercise,
    OmissionExercise,
    RewriteExercise,
    SpotWordsExercise,
    VoiceExercise,
)

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
EXERCISE_NOTEBOOKS = ("07-exercise-spot-the-loaded-words", "08-exercise-rewrite-neutrally",
                      "09-exercise-whose-voice", "10-exercise-what-is-missing",
                      "11-exercise-who-is-called-what")
SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"


def _corpus(rows: list[dict]) -> mc.Corpus:
    return mc.load_corpus(pd.DataFrame(rows))


def _mentions_word(text: str, word: str) -> bool:
    return re.search(r"(?<![\w-])" + re.escape(word) + r"(?![\w-])", text, re.I) is not None


def _shown(obj) -> str:
    return str(obj) + "\n" + obj._repr_html_() + "\n" + repr(obj)


@pytest.fixture(scope="module")
def seeds():
    return mc.load_corpus()


@pytest.fixture(scope="module")
def made_up():
    """Two reports of one event (a1, a2) and one of another (a3), from three outlets."""
    return _corpus([
        {"article_id": "a1", "outlet": "Daily One", "event_id": "e1", "title": "Town shelled",
         "text": "The brutal regime shelled the town of Harim on Monday, killing 40 people.\n\n"
                 "\"The terrorists attacked us first,\" Syrian President Bashar al-Assad said.\n\n"
                 "Critics call the so-called ceasefire a sham. Aid agencies warned of hunger."},
        {"article_id": "a2", "outlet": "Second Post", "event_id": "e1", "title": "Shelling reported",
         "text": "Government forces shelled the town of Harim on Monday, a monitor said.\n\n"
                 "Syrian dictator Bashar al-Assad claimed the \"rebels\" had started it.\n\n"
                 "\"This regime is brutal,\" an aid worker said."},
        {"article_id": "a3", "outlet": "Third Times", "event_id": "e2", "title": "Budget passed",
         "text": "The council passed the budget on Tuesday. Spending on schools rose by 3 percent."},
    ])


@pytest.fixture(scope="module")
def no_event_pair():
    return _corpus([
        {"article_id": "n1", "outlet": "One", "event_id": "ev1",
         "text": "Troops left the northern town on Monday. Residents returned to their homes."},
        {"article_id": "n2", "outlet": "Two", "event_id": "ev2",
         "text": "Troops left the northern town last week. The brutal regime denied it."},
        {"article_id": "n3", "outlet": "Three", "event_id": "ev3",
         "text": "The council passed the budget. Spending on schools rose."},
    ])


@pytest.fixture(scope="module")
def one_article():
    return _corpus([{"article_id": "solo", "outlet": "Only Outlet",
                     "text": "The brutal regime shelled the town. \"We stay,\" a resident said."}])


@pytest.fixture(scope="module")
def no_labels():
    return _corpus([
        {"article_id": "p1", "outlet": "One", "event_id": "e",
         "text": "The council met on Tuesday. It approved the budget for schools.\n\n"
                 "\"We are pleased with the result,\" the mayor said."},
        {"article_id": "p2", "outlet": "Two", "event_id": "e",
         "text": "The council approved the budget on Tuesday. Roads get more money."},
    ])


@pytest.fixture(scope="module")
def payload():
    """Untrusted text in every field the exercises show."""
    return _corpus([
        {"article_id": "x1", "outlet": f"Evil {SCRIPT} News", "event_id": "e", "title": f"T {SCRIPT}",
         "text": f"The brutal regime {SCRIPT} shelled the town. Syrian dictator Bashar al-Assad "
                 f"{IMG} fled.\n\n\"The terrorists {SCRIPT} attacked,\" a witness said."},
        {"article_id": "x2", "outlet": f"{IMG} Post", "event_id": "e", "title": f"T {IMG}",
         "text": f"Troops {IMG} shelled the town. Syrian President Bashar al-Assad left.\n\n"
                 f"\"This regime {IMG} is brutal,\" an aid worker said."},
    ])


# ---------------------------------------------------------------- 1. spot the loaded words

@pytest.fixture(scope="module")
def spot(seeds):
    return mc.spot_words_exercise(seeds)


def test_spot_passage_is_the_run_with_most_own_voice_labels(seeds, spot):
    spans = mc.label(seeds)
    text = seeds.articles.set_index("article_id").loc[spot.article_id, "text"]
    assert text[spot.start:spot.end] == spot.text
    own = spans[~spans["in_quote"]]

    def n_own(aid, lo, hi):
        part = own[own["article_id"] == aid]
        return int(((part["start"] >= lo) & (part["end"] <= hi)).sum())

    best = n_own(spot.article_id, spot.start, spot.end)
    for art in seeds.articles.itertuples():  # no other run of 5 sentences has more
        sents = mc.sentences(art.text)
        for i in range(max(len(sents) - 4, 1)):
            last = min(i + 4, len(sents) - 1)
            assert n_own(art.article_id, sents[i].start, sents[last].end) <= best
    assert len(spot.sentences) == 5 and spot.sentences["number"].tolist() == [1, 2, 3, 4, 5]
    for cue in spot.cues.itertuples():  # offsets into the passage and into the article
        assert spot.text[cue.start:cue.end] == cue.text == text[cue.article_start:cue.article_end]
    assert mc.spot_words_exercise(seeds).text == spot.text  # deterministic


def test_spot_passage_is_plain_text(spot):
    html = spot._repr_html_()
    assert "<mark" not in html and "mc-cat-" not in html
    for sentence in spot.sentences["text"]:
        assert mc.exercises.feedback._esc(sentence) in html


@pytest.mark.parametrize("fixture", ["seeds", "made_up"])
def test_spot_check_scores_a_full_answer_full_and_a_wrong_one_zero(request, fixture):
    corpus = request.getfixturevalue(fixture)
    exercise = mc.spot_words_exercise(corpus)
    assert len(exercise.cues) > 0
    full = mc.check_spotted_words(corpus, exercise, list(exercise.cues["text"]))
    assert full.answered and full.score == full.out_of == len(exercise.cues)
    assert full.n_missed == 0 and "marked" in set(full.verdicts["verdict"])
    assert set(full.verdicts["verdict"]) <= {"marked", "repeated"}  # a word found twice is repeated
    cue_words = {w for t in exercise.cues["text"] for w in mc.exercises.answers._words(t)}
    plain = list({t.norm: t.text for t in mc.tokenize(exercise.text)
                  if t.kind == "word" and t.norm not in cue_words}.values())[:3]
    wrong = mc.check_spotted_words(corpus, exercise, plain)
    assert wrong.score == 0 and wrong.n_missed == len(exercise.cues)
    assert set(wrong.verdicts["verdict"]) == {"not marked"}


def test_spot_check_reads_answers_leniently(seeds, spot):
    feedback = mc.check_spotted_words(seeds, spot, ["\u201cSo-Called,\u201d", "  DAESH!  ", "terror group",
                                                    "daesh", "zzyzx", ""])
    verdicts = dict(zip(feedback.verdicts["answer"], feedback.verdicts["verdict"]))
    assert verdicts["\u201cSo-Called,\u201d"] == "marked" and verdicts["DAESH!"] == "marked"
    assert verdicts["daesh"] == "repeated" and verdicts["zzyzx"] == "not in the passage"
    categories = dict(zip(feedback.verdicts["answer"], feedback.verdicts["category"]))
    assert categories["terror group"] == "labeling" and categories["\u201cSo-Called,\u201d"] == "doubt"
    # a comma-separated string is read as a list
    as_string = mc.check_spotted_words(seeds, spot, "so-called, daesh")
    assert as_string.score == feedback.score - 1  # without "terror group"


def test_spot_feedback_never_names_a_word_not_found_yet(seeds, spot):
    cue_texts = sorted(set(spot.cues["text"]))
    for answer in ([], ["so-called", "terror group"]):
        feedback = mc.check_spotted_words(seeds, spot, answer)
        shown = _shown(feedback)
        found = {w.lower() for w in answer}
        missed = [t for t in cue_texts if t.lower() not in found]
        assert missed, "the test needs words not found yet"
        for word in missed:
            assert not _mentions_word(shown, word), word
        assert feedback.n_missed == sum(feedback.missed_by_sentence.values()) \
            == sum(feedback.missed_by_category.values())
    empty = mc.check_spotted_words(seeds, spot, [])
    assert not empty.answered and "have not answered yet" in str(empty)
    assert "have not answered yet" in empty._repr_html_()


def test_spot_check_refuses_bad_types(seeds, spot):
    with pytest.raises(TypeError, match="my_words must be a list"):
        mc.check_spotted_words(seeds, spot, 5)
    with pytest.raises(TypeError, match="as strings"):
        mc.check_spotted_words(seeds, spot, ["brutal", 3])
    with pytest.raises(TypeError, match="spot_words_exercise"):
        mc.check_spotted_words(seeds, "not an exercise", [])
    with pytest.raises(ValueError, match="max_sentences"):
        mc.spot_words_exercise(seeds, max_sentences=0)


def test_spot_on_a_corpus_without_labels_says_so(no_labels):
    exercise = mc.spot_words_exercise(no_labels)
    assert isinstance(exercise, SpotWordsExercise) and len(exercise.cues) == 0
    assert "marks no word anywhere" in exercise.reason
    feedback = mc.check_spotted_words(no_labels, exercise, ["council"])
    assert feedback.score == 0 and "marks no word in this passage" in feedback.summary
    empty = mc.load_corpus(pd.DataFrame({"text": [], "outlet": []}))
    nothing = mc.spot_words_exercise(empty)
    assert nothing.article_id is None and "no article" in nothing.reason
    assert not mc.check_spotted_words(empty, nothing, ["x"]).answered


# ---------------------------------------------------------------- 2. rewrite neutrally

@pytest.fixture(scope="module")
def rewrite_seed(seeds):
    return mc.rewrite_exercise(seeds)


def test_rewrite_passage_is_own_voice_with_the_most_labels(seeds, rewrite_seed):
    ex = rewrite_seed
    assert isinstance(ex, RewriteExercise) and len(ex.cues) > 0
    assert not ex.cues["in_quote"].any()
    text = seeds.articles.set_index("article_id").loc[ex.article_id, "text"]
    assert text[ex.start:ex.end] == ex.text and "\n" not in ex.text
    reported = mc.quotes_table(seeds)
    reported = reported[(reported["article_id"] == ex.article_id) & (reported["voice"] == "reported")]
    assert not ((reported["start"] < ex.end) & (reported["end"] > ex.start)).any()
    spans = mc.label(seeds)
    own = spans[~spans["in_quote"]]
    for art in seeds.articles.itertuples():  # no own-voice sentence has more labels
        for s in mc.sentences(art.text):
            inside = own[(own["article_id"] == art.article_id) & (own["start"] >= s.start)
                         & (own["end"] <= s.end)]
            assert len(inside) <= len(ex.cues)
    bank = ex.word_bank
    assert list(bank.columns) == ["loaded", "category", "neutral alternative", "why"]
    assert set(bank["loaded"]) == set(ex.cues["text"])


def test_mechanical_rewrite_offsets_are_exact_and_the_rest_is_unchanged(rewrite_seed):
    ex = rewrite_seed
    rewrite = mc.neutral_rewrite(ex.text, ex.cues)
    assert len(rewrite.changes) + len(rewrite.skipped) == len(ex.cues)
    pos_old = pos_new = 0
    for change in rewrite.changes.itertuples():
        assert ex.text[change.start:change.end] == change.was
        assert rewrite.text[change.new_start:change.new_end] == change.now
        # the text between two changes is the same before and after
        assert ex.text[pos_old:change.start] == rewrite.text[pos_new:change.new_start]
        pos_old, pos_new = change.end, change.new_end
    assert ex.text[pos_old:] == rewrite.text[pos_new:]
    before = len(mc.label(ex.text))
    after = len(mc.label(rewrite.text))
    assert after < before
    assert "starting point, not good writing" in rewrite.note


def test_mechanical_rewrite_rules():
    text = 'Reportedly the terrorists attacked. The so-called "peace plan" failed. The regime spoke.'
    rewrite = mc.neutral_rewrite(text, mc.label(text))
    how = dict(zip(rewrite.changes["was"], rewrite.changes["how"]))
    assert how["terrorists"] == "substituted" and "armed groups" in rewrite.text  # plural kept
    assert how["so-called "] == "omitted" and "The peace plan failed." in rewrite.text
    assert how['"peace plan"'] == "quotation marks dropped"
    assert rewrite.text.startswith("[name the source] the armed groups")
    assert "The government spoke." in rewrite.text  # capital at a sentence start
    with pytest.raises(ValueError, match="is not text"):
        mc.neutral_rewrite("other text entirely", mc.label(text))
    with pytest.raises(ValueError, match="missing the columns"):
        mc.neutral_rewrite(text, pd.DataFrame({"start": [0]}))


def test_mechanical_rewrite_keeps_the_longest_of_overlapping_cues():
    cues = pd.DataFrame({"start": [4, 4], "end": [17, 9], "text": ["armed bandits", "armed"],
                         "category": ["labeling", "emotive"], "neutral_alternative": ["armed groups", "x"],
                         "term": ["armed bandits", "armed"]})
    rewrite = mc.neutral_rewrite("The armed bandits left.", cues)
    assert rewrite.text == "The armed groups left."
    assert rewrite.skipped["text"].tolist() == ["armed"]


@pytest.mark.parametrize("fixture", ["seeds", "made_up"])
def test_rewrite_check(request, fixture):
    corpus = request.getfixturevalue(fixture)
    ex = mc.rewrite_exercise(corpus)
    n = len(ex.cues)
    # a neutral rewrite that keeps the content: every loaded word left out, the rest kept
    keep, end = "", 0
    for cue in ex.cues.sort_values("start").itertuples():
        keep += ex.text[end:max(cue.start, end)]
        end = max(end, cue.end)
    keep += ex.text[end:]
    full = mc.check_rewrite(corpus, ex, keep)
    assert full.answered and not full.too_short and full.score == full.out_of == n
    assert full.counts.set_index("category").loc["total", "before"] == n
    assert full.counts.set_index("category").loc["total", "after"] == 0
    same = mc.check_rewrite(corpus, ex, ex.text)
    assert same.score == 0 and "passage itself" in same.summary
    assert len(same.remaining) == n and set(same.verdicts["verdict"]) == {"still there"}
    gone = mc.check_rewrite(corpus, ex, "It happened.")
    assert gone.too_short and gone.score == 0 and "does not count" in gone.summary
    assert gone.length_ratio < MIN_LENGTH_RATIO
    for empty in ("", "...", '   ', None):
        fb = mc.check_rewrite(corpus, ex, empty)
        assert not fb.answered and "have not answered yet" in str(fb)
    with pytest.raises(TypeError, match="my_rewrite must be a string"):
        mc.check_rewrite(corpus, ex, ["a list"])


def test_rewrite_check_counts_new_loaded_words(made_up):
    ex = mc.rewrite_exercise(made_up)
    worse = ex.text + " The brutal dictator gloated."
    feedback = mc.check_rewrite(made_up, ex, worse)
    assert "new" in set(feedback.verdicts["verdict"]) and feedback.score == 0


def test_rewrite_without_own_voice_labels_says_so(no_labels):
    ex = mc.rewrite_exercise(no_labels)
    assert ex.article_id is None and "nothing to rewrite" in ex.reason
    feedback = mc.check_rewrite(no_labels, ex, "Anything.")
    assert not feedback.answered and feedback.summary == ex.reason
    assert mc.neutral_rewrite(ex.text, ex.cues).text == ""


# ---------------------------------------------------------------- 3. whose voice

@pytest.fixture(scope="module")
def voice_seed(seeds):
    return mc.voice_exercise(seeds)


def test_voice_items_are_balanced_deterministic_and_traceable(seeds, voice_seed):
    ex = voice_seed
    assert isinstance(ex, VoiceExercise) and len(ex.items) == 8
    assert ex.answer_key["answer"].value_counts().to_dict() == {"outlet": 4, "quoted": 4}
    assert ex.items["article_id"].nunique() >= 3  # taken in turn from the articles
    texts = seeds.articles.set_index("article_id")["text"]
    spans = mc.label(seeds)
    for item, key in zip(ex.items.itertuples(), ex.answer_key.itertuples()):
        assert texts[item.article_id][item.start:item.end] == item.word
        assert item.context[item.word_start:item.word_end] == item.word
        span = spans[(spans["article_id"] == item.article_id) & (spans["start"] == item.start)]
        assert bool(span["in_quote"].iloc[0]) == (key.answer == "quoted")
        if key.answer == "quoted":
            assert key.speaker and key.method and key.quote
    again = mc.voice_exercise(seeds)
    pd.testing.assert_frame_equal(again.items, ex.items)
    html = ex._repr_html_()
    for key in ex.answer_key.itertuples():  # the student's view holds no answer
        assert key.why not in html and (not key.evidence or mc.exercises.feedback._esc(key.evidence) not in html)


@pytest.mark.parametrize("fixture", ["seeds", "made_up"])
def test_voice_check(request, fixture):
    corpus = request.getfixturevalue(fixture)
    ex = mc.voice_exercise(corpus)
    key = dict(zip(ex.answer_key["item"], ex.answer_key["answer"]))
    full = mc.check_voice_answers(corpus, ex, key)
    assert full.score == full.out_of == len(key) and set(full.verdicts["verdict"]) == {"right"}
    flipped = {k: "outlet" if v == "quoted" else "quoted" for k, v in key.items()}
    wrong = mc.check_voice_answers(corpus, ex, flipped)
    assert wrong.score == 0 and set(wrong.verdicts["verdict"]) == {"wrong"}
    for shown in (_shown(full), _shown(wrong)):  # right or wrong, but no explanation
        for why in ex.answer_key["why"]:
            assert why not in shown
    empty = mc.check_voice_answers(corpus, ex, {})
    assert not empty.answered and "have not answered yet" in empty.summary


def test_voice_check_reads_answers_leniently(seeds, voice_seed):
    key = dict(zip(voice_seed.answer_key["item"], voice_seed.answer_key["answer"]))
    lenient = {"1": key[1].upper() + ".", " 2 ": f"  {key[2]}!", 3: "maybe", 99: "outlet",
               "x": "quoted", 4.0: key[4]}
    feedback = mc.check_voice_answers(seeds, voice_seed, lenient)
    verdicts = dict(zip(feedback.verdicts["answer"], feedback.verdicts["verdict"]))
    assert verdicts["item 1"] == "right" and verdicts["item  2 "] == "right"
    assert verdicts["item 3"] == "not understood" and verdicts["item 99"] == "unknown item"
    assert verdicts["item x"] == "unknown item" and verdicts["item 4.0"] == "right"
    assert feedback.score == 3 and "answered 3 of the 8" in feedback.summary
    as_list = mc.check_voice_answers(seeds, voice_seed, [key[1], key[2]])
    assert as_list.score == 2
    with pytest.raises(TypeError, match="my_answers must be a dict"):
        mc.check_voice_answers(seeds, voice_seed, "outlet")


def test_voice_without_quotations_or_labels_says_so():
    plain = _corpus([{"article_id": "q1", "outlet": "One",
                      "text": "The brutal regime fell. The ruthless dictator fled the capital."}])
    ex = mc.voice_exercise(plain)
    assert "no quotation of reported speech" in ex.reason
    assert set(ex.answer_key["answer"]) == {"outlet"}
    unlabelled = _corpus([{"article_id": "u1", "outlet": "One",
                           "text": "The council met on Tuesday. \"We approved the budget,\" the mayor said."}])
    ex = mc.voice_exercise(unlabelled)
    assert "marks no word" in ex.reason and set(ex.answer_key["answer"]) == {"outlet", "quoted"}
    key = dict(zip(ex.answer_key["item"], ex.answer_key["answer"]))
    assert mc.check_voice_answers(unlabelled, ex, key).score == len(key)


# ---------------------------------------------------------------- 4. what is missing

@pytest.fixture(scope="module")
def omission_seed(seeds):
    return mc.omission_exercise(seeds)


def test_omission_pair_is_the_same_event_pair(seeds, omission_seed):
    ex = omission_seed
    assert isinstance(ex, OmissionExercise)
    assert [ex.article_a, ex.article_b] == mc.same_event_articles(seeds)[:2] and ex.same_event
    assert "same event" in ex.reason and "NOT" not in ex.reason
    assert len(ex.sentences_a) == len(mc.sentences(
        seeds.articles.set_index("article_id").loc[ex.article_a, "text"]))
    key = ex.answer_key
    assert key["number"].tolist() == list(range(1, len(ex.sentences_a) + 1))


def _only_in_a(ex: OmissionExercise) -> list[int]:
    return ex.answer_key.loc[ex.answer_key["status"] == "only_in_a", "number"].tolist()


@pytest.mark.parametrize("fixture", ["seeds", "made_up"])
def test_omission_check(request, fixture):
    corpus = request.getfixturevalue(fixture)
    ex = mc.omission_exercise(corpus)
    right = _only_in_a(ex)
    matched = [n for n in ex.answer_key["number"] if n not in right]
    assert right and matched
    full = mc.check_omissions(corpus, ex, right)
    assert full.score == full.out_of == len(right) and full.precision == 1 and full.recall == 1
    wrong = mc.check_omissions(corpus, ex, matched)
    assert wrong.score == 0 and wrong.precision == 0 and set(wrong.verdicts["verdict"]) == {"wrong"}
    half = mc.check_omissions(corpus, ex, [str(right[0]), matched[0]])
    assert half.n_right == 1 and half.precision == 0.5 and half.recall == pytest.approx(1 / len(right))
    assert "precision 50%" in str(half)
    empty = mc.check_omissions(corpus, ex, [])
    assert not empty.answered and "have not answered yet" in empty._repr_html_()


def test_omission_feedback_does_not_give_away_the_missed_sentences(seeds, omission_seed):
    right = _only_in_a(omission_seed)
    feedback = mc.check_omissions(seeds, omission_seed, right[:1])
    assert feedback.verdicts["answer"].tolist() == [f"sentence {right[0]}"]
    shown = _shown(feedback)
    for n in right[1:]:
        assert f"sentence {n}" not in shown
    for text in omission_seed.answer_key["text"]:
        assert text not in shown


def test_omission_check_reports_bad_numbers_and_types(seeds, omission_seed):
    n_a = len(omission_seed.sentences_a)
    feedback = mc.check_omissions(seeds, omission_seed, [0, n_a + 1, "seven", 2, 2.0, 2.5])
    verdicts = feedback.verdicts["verdict"].tolist()
    assert verdicts[:3] == ["unknown item", "unknown item", "not understood"]
    assert verdicts[4] == "repeated" and verdicts[5] == "not understood"
    assert mc.check_omissions(seeds, omission_seed, "2, 3").n_listed == 2
    with pytest.raises(TypeError, match="my_only_in_a must be a list"):
        mc.check_omissions(seeds, omission_seed, {2: True})
    with pytest.raises(TypeError, match="my_only_in_a must be a list"):
        mc.check_omissions(seeds, omission_seed, True)


def test_omission_without_a_same_event_pair_says_they_are_not_the_same_event(no_event_pair):
    ex = mc.omission_exercise(no_event_pair)
    assert not ex.same_event and [ex.article_a, ex.article_b] == ["n1", "n2"]  # the most alike
    assert "NOT the same event" in ex.reason and "NOT the same event" in ex._repr_html_()
    feedback = mc.check_omissions(no_event_pair, ex, [2])
    assert feedback.answered and any("NOT about the same event" in n for n in feedback.notes)


def test_omission_with_one_article_says_there_is_nothing_to_compare(one_article):
    ex = mc.omission_exercise(one_article)
    assert ex.alignment is None and ex.article_a is None
    assert "1 article" in ex.reason and "nothing to compare" in ex.reason
    assert "nothing to compare" in ex._repr_html_()
    feedback = mc.check_omissions(one_article, ex, [1])
    assert not feedback.answered and feedback.summary == ex.reason
    assert len(ex.answer_key) == 0


# ---------------------------------------------------------------- 5. who is called what

@pytest.fixture(scope="module")
def naming_seed(seeds):
    return mc.naming_exercise(seeds)


def test_naming_picks_the_person_most_outlets_name(seeds, naming_seed):
    ex = naming_seed
    assert isinstance(ex, NamingExercise)
    naming = mc.naming_table(mc.mentions(seeds), seeds)
    assert ex.actor_id == mc.most_shared_actor(naming, group="person")
    assert len(ex.outlets) >= 2 and set(ex.answer_key["outlet"]) == set(ex.outlets)
    # every quiz form is used by exactly the one outlet of the key
    mine = naming[naming["actor_id"] == ex.actor_id]
    for row in ex.answer_key.itertuples():
        users = set(mine.loc[mine["form"].str.lower() == row.form.lower(), "outlet"])
        assert users == {row.outlet}
    for row in ex.shared_forms.itertuples():
        assert len(row.outlets.split(", ")) > 1
    again = mc.naming_exercise(seeds)
    pd.testing.assert_frame_equal(again.forms, ex.forms)
    html = ex._repr_html_()
    assert "form_kind" not in html and "voice" not in html


@pytest.mark.parametrize("fixture", ["seeds", "made_up"])
def test_naming_check(request, fixture):
    corpus = request.getfixturevalue(fixture)
    ex = mc.naming_exercise(corpus)
    key = dict(zip(ex.answer_key["form"], ex.answer_key["outlet"]))
    full = mc.check_naming(corpus, ex, key)
    assert full.score == full.out_of == len(key)
    wrong_outlet = {f: next(o for o in ex.outlets if o != right) for f, right in key.items()}
    wrong = mc.check_naming(corpus, ex, wrong_outlet)
    assert wrong.score == 0 and set(wrong.verdicts["verdict"]) == {"wrong"}
    empty = mc.check_naming(corpus, ex, {})
    assert not empty.answered and "have not answered yet" in str(empty)
    assert not any(form in empty.summary for form in key)  # its example is no answer


def test_naming_check_reads_answers_leniently(seeds, naming_seed):
    key = naming_seed.answer_key
    first, second = key.iloc[0], key.iloc[1]
    answers = {f"  \u201c{first.form.upper()}\u201d ": first.outlet.lower(),
               int(second.number): max(second.outlet.split(), key=len),  # part of the name
               "nobody at all": naming_seed.outlets[0],
               str(int(second.number)): naming_seed.outlets[0]}
    feedback = mc.check_naming(seeds, naming_seed, answers)
    verdicts = feedback.verdicts["verdict"].tolist()
    assert verdicts == ["right", "right", "unknown form", "answered twice"]
    unclear = mc.check_naming(seeds, naming_seed, {1: "The Daily Nobody"})
    assert unclear.verdicts["verdict"].tolist() == ["not understood"]
    with pytest.raises(TypeError, match="my_matches must be a dict"):
        mc.check_naming(seeds, naming_seed, "AFP")


def test_naming_fallbacks(one_article, no_labels):
    ex = mc.naming_exercise(one_article)
    assert ex.actor_id is None and "at least two" in ex.reason
    assert not mc.check_naming(one_article, ex, {1: "x"}).answered
    ex = mc.naming_exercise(no_labels)  # two outlets, no actor of the gazetteer
    assert ex.actor_id is None and "No actor" in ex.reason
    assert "No actor" in ex._repr_html_()


# ---------------------------------------------------------------- escaping

def test_every_view_escapes_untrusted_text(payload):
    spot = mc.spot_words_exercise(payload)
    rewrite = mc.rewrite_exercise(payload)
    voice = mc.voice_exercise(payload)
    omission = mc.omission_exercise(payload)
    naming = mc.naming_exercise(payload)
    answer = [SCRIPT, IMG, "brutal"]
    views = [
        spot, rewrite, voice, omission, naming,
        mc.neutral_rewrite(rewrite.text, rewrite.cues),
        mc.check_spotted_words(payload, spot, answer),
        mc.check_spotted_words(payload, spot, []),
        mc.check_rewrite(payload, rewrite, f"{rewrite.text} {SCRIPT} {IMG} brutal"),
        mc.check_voice_answers(payload, voice, {SCRIPT: IMG, 1: SCRIPT, 2: "outlet"}),
        mc.check_omissions(payload, omission, [SCRIPT, 1]),
        mc.check_naming(payload, naming, {SCRIPT: IMG, 1: IMG, 2: naming.outlets[0]}),
    ]
    for view in views:
        html = view._repr_html_()
        assert "<script" not in html.lower() and "<img" not in html.lower(), type(view).__name__
    # the payloads are shown, escaped, where the corpus text is shown
    for view in (spot, rewrite, voice, omission, views[5]):
        html = view._repr_html_()
        assert "&lt;script&gt;" in html or "&lt;img" in html, type(view).__name__
    assert "&lt;img src=x" in naming._repr_html_()  # an outlet name
    assert "&lt;script&gt;" in views[6]._repr_html_()  # the student's own answer


def test_feedback_is_readable_as_text(seeds, spot):
    feedback = mc.check_spotted_words(seeds, spot, ["so-called"])
    assert isinstance(feedback, Feedback)
    text = str(feedback)
    assert text.startswith("Self-check: spot the loaded words · score 1 of ")
    assert "✓ so-called: marked" in text and "<" not in text
    assert repr(feedback).startswith("<SpotFeedback: spot the loaded words; score 1 of")


# ---------------------------------------------------------------- notebooks

def _nb(name: str) -> dict:
    return json.loads((NOTEBOOKS / f"{name}.ipynb").read_text(encoding="utf-8"))


def _tags(cell: dict) -> list[str]:
    return cell.get("metadata", {}).get("tags", [])


def _source(cell: dict) -> str:
    return "".join(cell["source"])


@pytest.mark.parametrize("name", EXERCISE_NOTEBOOKS)
def test_exercise_notebook_structure(name):
    """Goals first; the JupyterLab instructions, typed answer and self-check in cells tagged
    lab-only (not run for the report); the printable worksheet in a cell tagged report-only
    (not in the notebook files handed out); the answers tagged solution."""
    nb = _nb(name)
    cells = nb["cells"]
    first = _source(cells[0])
    assert cells[0]["cell_type"] == "markdown"
    assert first.startswith(f"# {name[:2]} · ")
    for section in ("**Learning goals**", "**Time:**"):
        assert section in first, section
    assert re.search(r"\*\*Time:\*\* about \d+ minutes", first)
    goals = first.split("**Learning goals**")[1].split("**Time:**")[0]
    assert goals.count("\n- ") >= 2
    assert "my_" not in first and "Run every cell" not in first  # nothing for Python in the page
    lab = next(c for c in cells if "lab-only" in _tags(c) and c["cell_type"] == "markdown")
    assert "**Instructions (JupyterLab)**" in _source(lab)
    assert re.search(r"\n1\. .*\n2\. ", _source(lab))
    params = next(c for c in cells if "parameters" in _tags(c))
    assert params["cell_type"] == "code" and _tags(params) == ["parameters", "remove-cell"]
    reference = next(c for c in _nb("02-loaded-language")["cells"] if "parameters" in _tags(c))
    assert _source(params) == _source(reference)
    setup = cells[cells.index(params) + 1]
    assert _tags(setup) == ["remove-cell"]
    assert "mc.load_corpus(corpus_source, **corpus_options)" in _source(setup)
    assert "mc.load_lexicon(**lexicon_options)" in _source(setup)
    assert "exercise = mc." in _source(setup)
    sheet = [c for c in cells if "report-only" in _tags(c) and c["cell_type"] == "code"]
    assert [_source(c) for c in sheet] == ["exercise.worksheet()"]
    solutions = [c for c in cells if "solution" in _tags(c)]
    assert solutions and any(c["cell_type"] == "code" for c in solutions)
    ids = [c.get("id") for c in cells]
    assert all(ids) and len(set(ids)) == len(ids)
    for cell in cells:
        if cell["cell_type"] == "code":
            assert cell["outputs"] == [] and cell["execution_count"] is None
            assert "def " not in _source(cell)
    # the student's answer cell, then its self-check, both only for JupyterLab
    answer = next(k for k, c in enumerate(cells) if re.match(r"my_\w+ = ", _source(c)))
    assert _source(cells[answer + 1]).startswith("mc.check_")
    assert "lab-only" in _tags(cells[answer]) and "lab-only" in _tags(cells[answer + 1])
    # no non-solution cell uses a name only a solution cell defines
    defined = {m for c in solutions if c["cell_type"] == "code"
               for m in re.findall(r"^(\w+) = ", _source(c), re.M)}
    for cell in cells:
        if cell["cell_type"] == "code" and "solution" not in _tags(cell):
            for variable in defined:
                assert not re.search(rf"\b{variable}\b", _source(cell)), (cell["id"], variable)


def test_framing_options_reach_the_notebooks_that_use_actors():
    for name in ("09-exercise-whose-voice", "11-exercise-who-is-called-what"):
        cells = _nb(name)["cells"]
        setup = next(_source(c) for c in cells if "remove-cell" in _tags(c)
                     and "parameters" not in _tags(c))
        assert 'mc.load_actors(framing_options.get("actors"), extend=True)' in setup
        assert "actors=actors" in "".join(_source(c) for c in cells)


def _execute(name: str, *, student: bool, corpus_source: str | None = None):
    """Execute a copy of the notebook (without its solution cells for a student), with a
    corpus source set after its parameters cell as the report command would."""
    import nbformat
    from nbclient import NotebookClient

    nb = copy.deepcopy(nbformat.read(NOTEBOOKS / f"{name}.ipynb", as_version=4))
    if student:
        nb.cells = [c for c in nb.cells if "solution" not in c.metadata.get("tags", [])]
    # as in JupyterLab: every cell but the solutions for a student (the report drops the
    # lab-only cells, tested in test_report)
    if corpus_source is not None:
        at = next(k for k, c in enumerate(nb.cells) if "parameters" in c.metadata.get("tags", []))
        nb.cells.insert(at + 1, nbformat.v4.new_code_cell(f"corpus_source = {corpus_source!r}"))
    env = dict(os.environ)
    env["MPLBACKEND"] = "module://matplotlib_inline.backend_inline"
    env["PYTHONPATH"] = str(ROOT) + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    client = NotebookClient(nb, timeout=300, kernel_name="python3",
                            resources={"metadata": {"path": str(NOTEBOOKS)}})
    client.execute(env=env)
    return nb


def _outputs(nb, cell_id: str | None = None) -> str:
    out = []
    for cell in nb.cells:
        if cell.cell_type != "code" or (cell_id is not None and cell.get("id") != cell_id):
            continue
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                out.append("ERROR " + output.get("ename", "") + ": " + output.get("evalue", ""))
            out.append(output.get("text", ""))
            out.extend(str(v) for v in output.get("data", {}).values())
    return "\n".join(out)


@pytest.fixture(scope="module")
def executed():
    cache: dict = {}

    def run(name: str, student: bool):
        if (name, student) not in cache:
            cache[name, student] = _execute(name, student=student)
        return cache[name, student]
    return run


@pytest.mark.notebooks
@pytest.mark.parametrize("name", EXERCISE_NOTEBOOKS)
@pytest.mark.parametrize("audience", ["teacher", "student"])
def test_exercise_notebook_runs(executed, name, audience):
    nb = executed(name, audience == "student")
    text = _outputs(nb)
    assert "ERROR" not in text and "Traceback" not in text
    check = next(c for c in nb.cells if c.cell_type == "code" and _source_of(c).startswith("mc.check_"))
    assert "have not answered yet" in _outputs(nb, check.get("id"))
    solution_ids = {c["id"] for c in _nb(name)["cells"] if "solution" in _tags(c)}
    ran = {c.get("id") for c in nb.cells}
    assert (solution_ids <= ran) if audience == "teacher" else not (solution_ids & ran)


def _source_of(cell) -> str:
    return cell.source if isinstance(cell.source, str) else "".join(cell.source)


#: For each notebook: what only its answer shows (checked absent from the student's run
#: and present in the teacher's, so the check is not vacuous).
def _answer_markers(name: str) -> list[str]:
    if name.startswith("07"):
        return ["mc-cat-", "Neutral wording"]
    if name.startswith("08"):
        return ["A mechanical neutral rewrite", "<Rewrite: "]
    if name.startswith("09"):
        return ["Inside a quotation of reported speech", "outside quotation marks"]
    if name.startswith("10"):
        return ["What each article tells, sentence by sentence", "Only in B"]
    return ["Kind of form", "Articles"]


@pytest.mark.notebooks
@pytest.mark.parametrize("name", EXERCISE_NOTEBOOKS)
def test_student_run_does_not_show_the_answers(executed, name):
    student = _outputs(executed(name, True))
    teacher = _outputs(executed(name, False))
    for marker in _answer_markers(name):
        assert marker in teacher, marker
        assert marker not in student, marker


@pytest.mark.notebooks
def test_spot_notebook_check_names_no_word_not_found_yet(executed, seeds):
    nb = executed("07-exercise-spot-the-loaded-words", True)
    check = _outputs(nb, "ex07-check")
    cues = mc.spot_words_exercise(seeds).cues
    assert f"marks {len(cues)} words or phrases" in check
    for word in set(cues["text"]):
        assert not _mentions_word(check, word), word


@pytest.mark.notebooks
@pytest.mark.parametrize("name", EXERCISE_NOTEBOOKS)
def test_exercise_notebook_runs_on_a_corpus_of_one_unlabelled_article(tmp_path, name):
    """Every fallback at once: one article, one outlet, no label, no event, no actor."""
    source = tmp_path / "one.csv"
    pd.DataFrame({"article_id": ["solo"], "outlet": ["Only Outlet"],
                  "text": ['The council met on Tuesday. "We approved the budget," the mayor said.']}
                 ).to_csv(source, index=False)
    nb = _execute(name, student=False, corpus_source=str(source))
    text = _outputs(nb)
    assert "ERROR" not in text and "Traceback" not in text
    expected = {"07": "marks no word anywhere", "08": "nothing to rewrite neutrally",
                "09": "ordinary words", "10": "nothing to compare", "11": "at least two"}[name[:2]]
    assert expected in text


# ---------------------------------------------------------------- printable worksheets

def _worksheets(corpus):
    return {"spot": mc.spot_words_exercise(corpus).worksheet(),
            "rewrite": mc.rewrite_exercise(corpus).worksheet(),
            "voice": mc.voice_exercise(corpus).worksheet(),
            "omission": mc.omission_exercise(corpus).worksheet(),
            "naming": mc.naming_exercise(corpus).worksheet()}


def test_worksheets_are_handouts_with_numbered_items_and_room_to_write(seeds):
    sheets = _worksheets(seeds)
    for name, sheet in sheets.items():
        html = sheet._repr_html_()
        assert 'class="mc-ws"' in html and "Name:" in html and "Date:" in html, name
        assert '<ol class="mc-ws-steps">' in html, name  # the task, step by step
        # no Python: no variable to fill in, no call, no brackets to type
        for python in ("my_", "mc.", "run the", "Run every", "[\"", "{1:"):
            assert python not in html, (name, python)
        assert html.count('class="mc-ws-line"') + html.count('class="mc-ws-box"') \
            + html.count('class="mc-ws-blank"') >= 3, name
    spot = sheets["spot"]._repr_html_()
    assert spot.count('<td class="mc-ws-blank">') == 24  # eight rows of three blanks
    assert '<li value="1">' in spot  # the passage's sentences are numbered
    voice = sheets["voice"]._repr_html_()
    items = voice.count('class="mc-ws-item"')
    assert items > 0 and voice.count('class="mc-ws-box"') == 2 * items  # two boxes an item
    omission = sheets["omission"]._repr_html_()
    ex = mc.omission_exercise(seeds)
    assert omission.count("B does not tell this") == len(ex.sentences_a)
    naming = sheets["naming"]._repr_html_()
    assert "<b>A</b>" in naming and naming.count('class="mc-ws-blank"') == len(
        mc.naming_exercise(seeds).forms)
    assert "mc-ws-line" in sheets["rewrite"]._repr_html_()


def test_worksheets_never_give_the_answer_away(seeds):
    sheets = _worksheets(seeds)
    key = mc.voice_exercise(seeds).answer_key
    assert "Inside a quotation" not in sheets["voice"]._repr_html_()
    assert not set(key["why"]) & {s for s in sheets["voice"]._repr_html_().split("<")}
    for outlet in mc.naming_exercise(seeds).answer_key["outlet"]:  # outlets are listed, not
        assert sheets["naming"]._repr_html_().count(outlet) == 1  # matched to forms


def test_worksheets_escape_text_and_say_when_there_is_nothing_to_do(payload):
    for name, sheet in _worksheets(payload).items():
        html = sheet._repr_html_()
        assert "<script" not in html.lower() and "<img" not in html.lower(), name
    empty = _worksheets("")
    for name, sheet in empty.items():
        assert 'class="mc-ws-empty"' in sheet._repr_html_(), name
