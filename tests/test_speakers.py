"""Tests of mediacompare.features.speakers: who speaks each reported quotation, and how it was found."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import mediacompare as mc
from mediacompare.features.speakers import METHODS, Attribution, attribute_speakers, speaker_frame
from mediacompare.features.voice import voices


@pytest.fixture(scope="module")
def arts() -> pd.DataFrame:
    return mc.load_corpus().articles.set_index("article_id")


@pytest.fixture(scope="module")
def seeds(arts) -> dict[str, list[Attribution]]:
    return {aid: attribute_speakers(arts.loc[aid, "text"]) for aid in arts.index}


def quote(rows: list[Attribution], text: str, prefix: str) -> Attribution:
    """The attribution of the one quotation whose quoted words start with ``prefix``."""
    found = [r for r in rows if text[r.quote_start + 1:].startswith(prefix)]
    assert len(found) == 1, (prefix, [text[r.quote_start:r.quote_end] for r in rows])
    return found[0]


def check(text: str, rows: list[Attribution]) -> None:
    """One row per reported quotation; offsets, kinds, methods and statuses consistent."""
    found = voices(text)
    assert [r.quote_id for r in rows] == sorted(q.quote_id for q in found.reported)
    by_id = {q.quote_id: q for q in found.reported}
    for r in rows:
        q = by_id[r.quote_id]
        assert (r.quote_start, r.quote_end) == (q.start, q.end)
        assert r.method in METHODS and r.status in ("attributed", "unattributed") and r.evidence
        if r.speaker is None:
            assert r.status == "unattributed" and r.speaker_kind == "none"
            assert r.speaker_start is None and r.speaker_end is None and r.title is None
        else:
            assert r.status == "attributed" and r.speaker_kind in ("name", "description")
            assert 0 <= r.speaker_start < r.speaker_end <= len(text)
            assert text[r.speaker_start:r.speaker_end] == r.speaker
        if r.method == "unattributed":
            assert r.status == "unattributed"
        for field in ("title", "description", "addressee", "pronoun", "verb"):
            value = getattr(r, field)
            assert value is None or (value and value in text)


def one(text: str) -> Attribution:
    (row,) = attribute_speakers(text)
    return row


# -- the seeds -------------------------------------------------------------------------

def test_seed_rows_are_consistent(arts, seeds):
    for aid, rows in seeds.items():
        check(arts.loc[aid, "text"], rows)


def test_press_tv_lavrentiev(arts, seeds):
    text, rows = arts.loc["003", "text"], seeds["003"]
    first = quote(rows, text, "We hope")
    assert (first.speaker, first.method, first.verb) == ("Alexander Lavrentiev", "X said", "said")
    for prefix, method in [("Soon", "pronoun"), ("absolutely unacceptable", "same sentence"),
                           ("belong to the Syrian", "pronoun"), ("I think", "pronoun")]:
        row = quote(rows, text, prefix)
        assert (row.speaker, row.method) == ("Alexander Lavrentiev", method), prefix
        # a pronoun carries the offsets of the name, not of the pronoun
        assert (row.speaker_start, row.speaker_end) == (first.speaker_start, first.speaker_end)
    assert quote(rows, text, "Soon").pronoun == "he" and quote(rows, text, "Soon").verb == "added"
    assert "'he' carried to Alexander Lavrentiev" in quote(rows, text, "I think").evidence


def test_press_tv_paragraph_after_paraphrase_is_continued(arts, seeds):
    # Decision: "You must remember ..." has no attribution of its own; the paragraph
    # before it ("..., too, he added.") is Lavrentiev's reported speech without a
    # quotation, so the quotation continues it -- said so in the evidence.
    text, rows = arts.loc["003", "text"], seeds["003"]
    row = quote(rows, text, "You must remember")
    assert (row.speaker, row.method, row.status, row.verb) == (
        "Alexander Lavrentiev", "continued paragraph", "attributed", None)
    assert "reported speech with no quotation" in row.evidence and "he added" in row.evidence


def test_press_tv_hood_mekdad_and_headline(arts, seeds):
    text, rows = arts.loc["003", "text"], seeds["003"]
    title = "US Acting Assistant Secretary for Near East Asian Affairs"
    for prefix, verb in [("We will not leave", "said"), ("does not aim", "said"), ("We aim", "alleged")]:
        row = quote(rows, text, prefix)
        assert (row.speaker, row.title, row.pronoun, row.verb) == ("Joey Hood", title, "he", verb), prefix
    mekdad = quote(rows, text, "mixed with the soil")
    assert (mekdad.speaker, mekdad.title, mekdad.method) == (
        "Faisal Mekdad", "Syrian Foreign Minister", "pronoun")
    # Decision: the single-quoted subheading is the outlet's headline, not anyone's words.
    headline = quote(rows, text, "US says")
    assert (headline.speaker, headline.status, headline.method) == (None, "unattributed", "unattributed")
    assert [r for r in rows if r.status == "unattributed"] == [headline]


def test_al_arabiya(arts, seeds):
    text, rows = arts.loc["004", "text"], seeds["004"]
    putin = quote(rows, text, "The task that was set")
    assert (putin.speaker, putin.method, putin.verb) == ("Putin", "X told Y", "told")
    assert putin.addressee == "Defence Minister Sergei Shoigu"
    # Decision: "It said ..." is a pronoun carried to the last organisation or
    # description that spoke: "the Syrian presidency said that ..."
    for prefix in ("the continuation of the cessation", "combating terrorism"):
        row = quote(rows, text, prefix)
        assert (row.speaker, row.speaker_kind, row.pronoun, row.method) == (
            "the Syrian presidency", "description", "It", "pronoun"), prefix
    muslat = quote(rows, text, "If there is seriousness")
    assert (muslat.speaker, muslat.method, muslat.verb) == ("Salim al-Muslat", "said X", "said")
    assert muslat.description == "spokesman for the rebel High Negotiations Committee"
    cont = quote(rows, text, "If this is a serious step")
    assert (cont.speaker, cont.method, cont.description) == ("Salim al-Muslat", "continued paragraph",
                                                              muslat.description)
    assert (cont.speaker_start, cont.speaker_end) == (muslat.speaker_start, muslat.speaker_end)


def test_afp_all_caps_name(arts, seeds):
    text, rows = arts.loc["002", "text"], seeds["002"]
    row = quote(rows, text, "I order the defence minister")
    assert (row.speaker, row.title, row.pronoun, row.method) == (
        "VLADIMIR Putin", "RUSSIAN PRESIDENT", "he", "pronoun")


def test_breitbart(arts, seeds):
    text, rows = arts.loc["001", "text"], seeds["001"]
    lead = quote(rows, text, "large-scale combat actions”")
    assert (lead.speaker, lead.title, lead.verb) == ("Vladimir Putin", "Kremlin President", "declaring")
    assert "no subject of its own" in lead.evidence
    declared = quote(rows, text, "The large-scale combat actions")
    assert (declared.speaker, declared.method, declared.verb) == ("Putin", "said X", "declared")
    note = quote(rows, text, "I note that")
    assert (note.speaker, note.method) == ("Putin", "same sentence")
    also = quote(rows, text, "The task of fighting")
    assert (also.speaker, also.method) == ("Putin", "X said")
    chance = quote(rows, text, "a real chance")
    assert (chance.speaker, chance.pronoun, chance.verb) == ("Vladimir Putin", "He", "indicated")
    tass = quote(rows, text, "instructed the Ministry")
    assert (tass.speaker, tass.speaker_kind, tass.method, tass.verb) == (
        "TASS", "name", "said X", "notes")
    leader = quote(rows, text, "the main part")
    assert (leader.speaker, leader.speaker_kind, leader.verb) == ("the Russian leader", "description", "claimed")
    expert = quote(rows, text, "stronger")
    assert (expert.speaker, expert.speaker_kind, expert.method) == (
        "an expert from the American Enterprise Institute (AEI)", "description", "according to X")


def test_fort_russ_pronoun_to_previous_paragraph(arts, seeds):
    text, rows = arts.loc["000", "text"], seeds["000"]
    row = quote(rows, text, "We know that the US")
    assert (row.speaker, row.pronoun, row.method) == ("Ibrahim Kalin", "he", "pronoun")
    assert text.rindex("Ibrahim Kalin", 0, row.quote_start) == row.speaker_start


# -- constructed cases ---------------------------------------------------------------------

def test_speaker_after_the_quotation_with_description():
    row = one("“We stay,” said the minister, Jane Doe.")
    assert (row.speaker, row.description, row.method, row.speaker_kind) == (
        "Jane Doe", "the minister", "said X", "name")
    row = one("“We stay,” Jane Doe, the foreign minister, said.")
    assert (row.speaker, row.description, row.method) == ("Jane Doe", "the foreign minister", "X said")


def test_pronoun_across_paragraphs():
    text = ("Foreign Minister Jane Doe arrived in Paris on Monday.\n\nThe talks lasted all night.\n\n"
            "“We will stay in the city for as long as it takes,” she said.")
    row = one(text)
    assert (row.speaker, row.title, row.pronoun, row.speaker_start) == ("Jane Doe", "Foreign Minister", "she", 17)


def test_pronoun_with_no_antecedent_is_unattributed():
    row = one("Officials held a phone call. “Nothing was agreed at all today,” it said.")
    assert (row.speaker, row.status, row.method, row.pronoun) == (None, "unattributed", "pronoun", "it")
    assert "no organisation or description that spoke" in row.evidence


def test_nested_quotation_has_no_speaker_of_its_own():
    outer, inner = attribute_speakers("“He told me ‘never’,” Smith said.")
    assert (outer.speaker, outer.method) == ("Smith", "X said")
    assert (inner.speaker, inner.status, inner.method) == (None, "unattributed", "unattributed")
    assert inner.evidence.startswith("nested inside quote 0 (spoken by Smith)")


def test_unattributed_quotation():
    row = one("The talks ended without a deal.\n\n“Nobody knows what will come next for the region now.”")
    assert (row.speaker, row.status, row.method) == (None, "unattributed", "unattributed")
    assert row.evidence.startswith("no reporting verb")


def test_interrupted_quotation():
    text = "Mary Smith said talks would go on.\n\n“We will stay,” she said, “and we will win.”"
    first, second = attribute_speakers(text)
    assert first.speaker == second.speaker == "Mary Smith" and first.pronoun == second.pronoun == "she"
    assert "before the quotation" in second.evidence


def test_name_before_a_colon_and_according_to_before():
    row = one("The minister, Jane Doe: “We stay in this city whatever happens.”")
    assert (row.speaker, row.description, row.verb, row.method) == (
        "Jane Doe", "The minister", None, "X said")
    assert "no reporting verb" in row.evidence
    row = one("According to Jane Doe, “the plan will not survive the coming winter.”")
    assert (row.speaker, row.verb, row.method) == ("Jane Doe", "According to", "according to X")


def test_told_before_the_quotation_and_titles():
    row = one("Putin told Defence Minister Sergei Shoigu: “Begin the withdrawal of our troops now.”")
    assert (row.speaker, row.addressee, row.method) == ("Putin", "Defence Minister Sergei Shoigu", "X told Y")
    row = one("Kremlin spokesman Dmitry Peskov said: “No comment on this matter at all.”")
    assert (row.speaker, row.title) == ("Dmitry Peskov", "Kremlin spokesman")


def test_no_borrowing_across_a_sentence_of_narration():
    text = "“A,” Smith said. John Brown disagreed. “B is another thing entirely,” "
    first, second = attribute_speakers(text)
    assert first.speaker == "Smith" and second.status == "unattributed"


def test_bare_verb_form_is_not_speech():
    # "call" in "a phone call" is a noun: no organisation spoke, so "it" is not carried
    row = one("The ministry held a phone call. “Nothing was agreed at all today,” it said.")
    assert row.status == "unattributed"
    row = one("The ministry said on Monday it would respond. “Nothing was agreed at all today,” it said.")
    assert (row.speaker, row.speaker_kind) == ("The ministry", "description")


# -- interface -----------------------------------------------------------------------------

def test_speaker_frame_columns_and_dtypes(arts):
    frame = speaker_frame(arts.loc["003", "text"], article_id="003")
    assert list(frame.columns) == ["article_id", *Attribution._fields]
    for column in ("quote_id", "quote_start", "quote_end"):
        assert frame[column].dtype == "int64"
    for column in ("speaker_start", "speaker_end"):
        assert frame[column].dtype == "Int64"
    assert frame["speaker"].isna().sum() == 1 and frame["speaker_start"].isna().sum() == 1
    empty = speaker_frame("No quotations here.")
    assert list(empty.columns) == list(Attribution._fields) and len(empty) == 0
    assert empty["speaker_start"].dtype == "Int64"


def test_voices_argument():
    text = "“We stay,” Jane Doe said."
    assert attribute_speakers(text, voices=voices(text)) == attribute_speakers(text)
    with pytest.raises(ValueError, match="another text"):
        attribute_speakers(text, voices=voices("Other text."))
    assert attribute_speakers(None) == [] and attribute_speakers("") == []


PIECES = ["“", "”", '"', "'", "‘", "’", " ", ", ", ". ", ": ", "\n", "\n\n", "he", "He", "she", "it",
          "They", "said", "told", "according to", "Jane Doe", "Defence Minister Sergei Shoigu", "the minister",
          "the Syrian presidency", "al-Assad", "Putin’s", "TASS", "declaring that", "We stay here now",
          "and", "of", "a phone call", "on Monday", "(AEI)", "spokesman", "says", "—", "!"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PIECES), max_size=40).map(" ".join) | st.text(max_size=60))
def test_never_raises_and_rows_are_consistent(text):
    rows = attribute_speakers(text)
    check(text, rows)
    frame = speaker_frame(text, article_id=7)
    assert len(frame) == len(rows) and frame["article_id"].dtype == "int64"


# -- issue 12: the error classes seen on real news, with examples written for the tests -------

def _who(text):
    return [(a.speaker, a.method) for a in attribute_speakers(text)]


def test_added_goes_to_the_last_speaker_not_the_last_person_named():
    text = ("Maria Lopez, the city's housing director, said rents had doubled. Her office has studied "
            "the plans of developer Tom Hale for a year.\n\n“We cannot wait any longer,” she added.")
    (row,) = attribute_speakers(text)
    assert (row.speaker, row.pronoun, row.verb) == ("Maria Lopez", "she", "added")
    text = ("“The plan is dead,” Peter Grant said. The union leader spoke after a meeting with Mayor "
            "Anna Bell.\n\n“We will strike on Monday,” he added.")
    assert attribute_speakers(text)[1].speaker == "Peter Grant"


def test_a_pronoun_agrees_in_gender_with_the_text_and_given_names():
    text = ("Sarah Cole met the governor, Mr. Reyes, on Tuesday. Mr. Reyes left early.\n\n"
            "“It was a productive meeting,” she said.")
    assert attribute_speakers(text)[0].speaker == "Sarah Cole"
    text = "Kim Park said she would run. Later Tom Tan spoke to the crowd.\n\n“I will win,” she said."
    assert attribute_speakers(text)[0].speaker == "Kim Park"      # "Kim Park said she": the text says so
    # Decision: a person of unknown gender fits either pronoun; the nearest one is taken.
    text = "Kim Park said she would run. Later Lee Tan spoke to the crowd.\n\n“I will win,” she said."
    assert attribute_speakers(text)[0].speaker == "Lee Tan"


def test_places_titles_and_news_outlets_are_not_people():
    text = ("Troops gathered at Hmeimim Air Base on Friday.\n\n“We are ready,” he said.")
    assert attribute_speakers(text)[0].status == "unattributed"   # an air base is no "he"
    text = "Protesters gathered outside Grand Plaza Hotel on Friday.\n\n“We are ready,” he said."
    assert attribute_speakers(text)[0].status == "unattributed"   # nor a hotel
    text = ("White House Chief of Staff Denis Moore met reporters.\n\n“No comment,” he said.")
    row = attribute_speakers(text)[0]
    assert row.speaker == "Denis Moore" and row.title == "White House Chief of Staff"
    text = ("Senator Ray Holt spoke to Politico on Monday. “It is a bad bill,” he told Politico. "
            "“We will vote no,” he added.")
    assert {a.speaker for a in attribute_speakers(text)} == {"Ray Holt"}
    text = "Applicants must promise to attend.\n\n“Nobody can skip the meetings at all,” the rules say."
    assert attribute_speakers(text)[0].speaker == "the rules"


def test_an_unnamed_source_telling_a_newspaper_is_found():
    rows = attribute_speakers("“The talks are over,” an official told the Times.")
    assert [(r.speaker, r.addressee, r.method) for r in rows] == [("an official", "the Times", "X told Y")]
    rows = attribute_speakers("One senior official told the Herald: “We expect nothing.”")
    assert rows[0].speaker == "One senior official"
    rows = attribute_speakers("“Certainly there are talks,” a White House official who spoke anonymously said.")
    assert rows[0].speaker == "a White House official"


def test_an_organisations_spokesperson_is_tied_to_the_organisation_and_an_envoy_to_the_country():
    table = mc.voice_table("“We reject the claims,” said Jane Roe, a spokeswoman for the Kremlin. "
                           "“We will stay,” said Russia's ambassador to Syria, Alexander Efimov. "
                           "“Talks go on,” said the US envoy to Turkey.")
    rows = table.set_index("speaker")
    assert rows.loc["Jane Roe", "affiliation"] == "Russian government"
    assert rows.loc["Alexander Efimov", "affiliation"] == "Russian government"     # not Syria, the host
    assert rows.loc["the US envoy to Turkey", "affiliation"] == "United States government"
    assert rows.loc["the US envoy to Turkey", "speaker_group"] == "unlisted"       # a person, not the state


def test_attribution_clauses_in_news_forms():
    assert _who("“Boots on the ground” would be a mistake, Republican candidate Ben Carson said on Sunday.") == [
        ("Ben Carson", "X said")]
    assert _who("“It is vastly different here,” said former party adviser Tom Ward.") == [("Tom Ward", "said X")]
    assert _who("“We lost,” Htay Oo, its acting chairman, told reporters.") == [("Htay Oo", "X told Y")]
    assert _who("“The numbers don't add up,” said Kevin D. Lang, who supports the plan.") == [
        ("Kevin D. Lang", "said X")]
    assert _who("Ann Ruiz, 70, said she would stay, adding, “I am not afraid.”") == [("Ann Ruiz", "X said")]
    assert _who("Mr. Grey was asked by moderator Lisa Park whether it would risk “another expensive program.”") \
        == [("Lisa Park", "X said")]
    assert _who("Sam Lee joked about the weather and went on to say, “There is no place like home.”") == [
        ("Sam Lee", "X said")]


def test_clauses_that_belong_to_another_quotation_are_not_borrowed():
    text = "He said it was “really over.” Mrs. Cole replied, “As you know, it is never over.”"
    first, second = attribute_speakers(text)
    assert first.speaker != "Mrs. Cole" and second.speaker == "Cole"
    text = "Critics said it was “a sham,” and T-shirts appeared that said “We won.”"
    assert attribute_speakers(text)[1].method != "said X"
    assert _who("A band called The Rivers played “Home” twice.") == [] or \
        all(m == "unattributed" for _, m in _who("A band called The Rivers played “Home at last for good” twice."))


def test_newswire_double_apostrophe_quotations_get_speakers():
    text = "''We are done here,'' Mr. Hale said. ''There is nothing more to add now.''"
    assert [(a.speaker, a.method) for a in attribute_speakers(text)] == [
        ("Hale", "X said"), ("Hale", "same sentence")]


def test_a_subject_after_an_opening_conjunction_speaks_a_headless_verb():
    text = "Yet Jane Doe waved at the crowd and added, “We are not going anywhere.”"
    assert _who(text) == [("Jane Doe", "X said")]


def test_a_person_named_in_a_relative_clause_does_not_stop_borrowing():
    text = ("“We won,” said Jane Doe, who served with Tom Smith in the House last year. "
            "“And we will win again.”")
    assert _who(text) == [("Jane Doe", "said X"), ("Jane Doe", "same sentence")]
    text = "“We won,” said Jane Doe. Tom Smith disagreed. “And we will win again.”"
    assert _who(text)[1] == (None, "unattributed")


def test_a_verb_of_calling_that_names_is_no_speech():
    # a class called “...”: naming; "X called Y “...”" and "what he called “...”": speech
    assert all(m == "unattributed" for _, m in
               _who("The college offers a class called “Perception and the Modern Mind” this year."))
    assert _who("Mr. Hale called Ms. Ruiz “a friend of the worst kind” on Monday.") == [("Hale", "X said")]
    assert _who("Ann Ruiz spoke about what she called “a failure of the whole system.”")[0][0] == "Ann Ruiz"


def test_a_possessive_apostrophe_after_s_opens_a_description():
    text = "Jim Sanders’ campaign manager said: “We expect to win every county.”"
    row = one(text)
    assert row.speaker == "Jim Sanders’ campaign manager" and row.speaker_kind == "description"


def test_reporting_verbs_of_general_english():
    assert _who("“I never lose an argument with my dog,” Jane Doe joked.") == [("Jane Doe", "X said")]
    assert _who("“Nobody here is in any danger tonight,” the mayor reassured residents.")[0][0] == "the mayor"
    assert _who("The company says “the product is safe for everyone who uses it.”") == [("The company", "X said")]


def test_a_closing_clause_read_past_its_addressee_and_time():
    text = "“Boots on the ground” would be a mistake, Jane Doe told The Daily Star on Thursday."
    assert _who(text) == [("Jane Doe", "X told Y")]
    text = "“Boots on the ground” would be a mistake, political scientist Jane Doe said last week."
    assert _who(text) == [("Jane Doe", "X said")]


def test_an_inverted_clause_must_close_after_its_speaker():
    assert _who("“We can win” was the message, said Jane Doe.") == [("Jane Doe", "said X")]
    # "said Jane Doe had ..." opens a clause of its own: Jane Doe is its subject, not the speaker
    rows = _who("“We can win” was the message, said Tom Hale, and Jane Doe agreed.")
    assert rows == [("Tom Hale", "said X")]


def test_a_capitalised_title_inside_a_run():
    row = one("“We will not concede tonight,” Clinton campaign Chairman John Pike said.")
    assert (row.speaker, row.title) == ("John Pike", "Clinton campaign Chairman")


def test_the_rest_of_a_lenders_clause_names_no_other_speaker():
    text = ("“We counted every vote,” Jim Buchanan said, noting that Paul Grant did not lose a single "
            "delegate. “If you are not tough, you will lose.”")
    assert _who(text) == [("Jim Buchanan", "X said"), ("Jim Buchanan", "same sentence")]
    text = ("“The plan is sound,” Ann Ruiz told radio host Mike Dale on Wednesday. "
            "“You cannot beat it from the left.”")
    assert _who(text)[1] == ("Ann Ruiz", "same sentence")
    # another speaker in the clause's sentence, or a person named in a sentence after it, stops it
    text = "“We counted every vote,” Jim Buchanan said, and Paul Grant agreed. “If you are not tough, you lose.”"
    assert _who(text)[1] == (None, "unattributed")


def test_a_persons_sentence_ending_in_a_colon_introduces_the_quotation():
    text = "Mrs. Clinton has since apologized for what happened: “Yes, I should have used two accounts.”"
    assert _who(text) == [("Clinton", "X said")]
    text = "The crowd waited for Ruiz. Ruiz leaned in and boomed: “We will win this state in November.”"
    assert _who(text) == [("Ruiz", "X said")]
    # a subject that is no person, or a sentence that does not end in the colon, introduces nothing
    assert _who("The report lists three demands: “Taxes must rise for everyone this year.”") == [
        (None, "unattributed")]


def test_a_one_word_name_opening_its_sentence_is_a_subject():
    text = "The letter was signed by Bryne. Bryne went on to say, “From the bottom of my soul, I know this.”"
    assert _who(text) == [("Bryne", "X said")]
    # an opening adverb or time is not, nor a word capitalised only at the start of a sentence
    assert _who("Meanwhile, the crowd went on to chant “Four more years” for an hour.")[0][0] != "Meanwhile"
    assert _who("Good information can still win, but only when “the truth is sexier than the lie.”") == [
        (None, "unattributed")]


def test_a_description_before_a_name_after_the_quotation():
    assert _who("“We had called him just before he boarded,” his nephew Tom Smith added.") == [
        ("Tom Smith", "X said")]


def test_a_paragraph_ending_in_a_colon_introduces_the_quotation_paragraph_after_it():
    text = ("When the senator died, President Bill Grant released the following statement:\n\n"
            "“Ann and I offer our condolences to the family and friends.”\n\nThe funeral is on Friday.")
    row = one(text)
    assert (row.speaker, row.method) == ("Bill Grant", "continued paragraph") and "colon" in row.evidence
    text = "Jane Doe said in an interview on Monday:\n\n“We will not give up this fight.”"
    assert _who(text) == [("Jane Doe", "continued paragraph")]
    # a subject that is no person introduces nothing
    assert _who("The rules include three items:\n\n“No running in the hallways at any time.”") == [
        (None, "unattributed")]


def test_a_pronoun_prefers_the_speaker_of_the_nearest_sentence():
    text = ("Tom Moore will lose the race in the end, said Jake Horowitz, editor of a local website."
            "\n\n“You have a very sophisticated operation,” he said.")
    assert _who(text) == [("Jake Horowitz", "pronoun")]
    # with no speaker in it, the sentence's first person who is a subject
    text = "Tom Moore met Jake Horowitz in Ohio.\n\n“You have a very sophisticated operation,” he said."
    assert _who(text) == [("Tom Moore", "pronoun")]


def test_a_person_subject_owns_the_words_quoted_inside_its_sentence():
    text = "Jane Doe, who runs the city's shelter, wants “an end to the endless waiting lists” for beds."
    assert _who(text) == [("Jane Doe", "X said")]
    text = "Mayor Tom Hale met the press.\n\nHe toured the county to “compete vigorously for every vote” in May."
    row = one(text)
    assert (row.speaker, row.pronoun, row.verb) == ("Tom Hale", "He", None) and "no reporting verb" in row.evidence
    # a subject that is no person owns nothing
    assert _who("The city council wants “an end to the endless waiting lists” for beds.") == [
        (None, "unattributed")]


def test_a_relative_who_after_a_name_is_that_persons_speech():
    text = ("Any decision would involve Attorney General Ann Ruiz, who told Congress last month: "
            "“That matter is being handled by career agents.”")
    assert _who(text) == [("Ann Ruiz", "X told Y")]


def test_a_sentence_opening_with_a_preposition_has_its_subject_after_it():
    text = "Alongside NAACP calls for action, a top strategist urged her on, saying, “At some point, she must act.”"
    assert _who(text) == [("a top strategist", "X said")]


def test_a_capitalised_word_with_a_lowercase_hyphenated_ending_is_no_name():
    text = "New York-based lawyers met Tom Hale on Monday.\n\n“We will appeal the ruling,” he said."
    assert _who(text) == [("Tom Hale", "pronoun")]


def test_a_quotation_borrows_across_narration_that_names_no_one_else():
    text = ("“We are going to win so much,” Tom Hale said at his victory party, two hours after the polls "
            "closed. The room erupted. “You are going to be so happy with the result.”")
    assert _who(text)[1] == ("Tom Hale", "same sentence")


def test_a_party_and_state_designation_after_a_name_is_skipped():
    text = "“This bill will not pass the chamber,” Senate leader Tom Hall, R-Ky., said on Monday."
    assert _who(text) == [("Tom Hall", "X said")]
    text = "Sen. Ann Lee, D-N.Y., said: “We have the votes to pass it this week.”"
    assert _who(text) == [("Ann Lee", "X said")]
    # only a designation is skipped: a capitalised word of its own after the comma is not one
    text = "“This bill will not pass the chamber,” Tom Hall, Kentucky, said on Monday."
    assert _who(text) == [(None, "unattributed")]


def test_a_sentence_ending_with_its_speaker_and_verb_introduces_the_next_quotation():
    text = "Then the polls closed. Dr. Ann Boyd agreed. “Moderate voters are running out of time to choose.”"
    assert _who(text) == [("Ann Boyd", "X said")]
    row = one(text)
    assert row.verb == "agreed" and "ends the sentence before the quotation" in row.evidence
    # a sentence that goes on after its verb introduces nothing
    text = "Dr. Ann Boyd agreed with the plan. “Moderate voters are running out of time to choose.”"
    assert _who(text) == [(None, "unattributed")]
    # nor one whose verb has no subject before it
    text = "Then the polls closed. Agreed. “Moderate voters are running out of time to choose.”"
    assert _who(text) == [(None, "unattributed")]


def test_a_middle_initial_that_is_also_a_word_stays_inside_the_name():
    # "A." and "I." are initials here, not the article or the pronoun
    text = "“We will release the letters as soon as we can,” James A. Baker wrote on Tuesday."
    assert _who(text) == [("James A. Baker", "X said")]
    text = "“We will release the letters as soon as we can,” former Bush speechwriter Ann I. Moss wrote."
    assert _who(text) == [("Ann I. Moss", "X said")]


def test_a_day_before_a_comma_is_no_speaker_of_the_subject_after_it():
    text = ("In an interview with reporters Thursday, the Wisconsin Republican criticized the plan and "
            "said allies wanted to know if the country is “still in the game.”")
    assert _who(text) == [("the Wisconsin Republican", "X said")]
    # a name before the comma is the subject's name
    text = ("In an interview with reporters, Tom Hale, the Wisconsin Republican, criticized the plan and "
            "said allies wanted to know if the country is “still in the game.”")
    assert _who(text) == [("Tom Hale", "X said")]


def test_a_heading_in_capitals_is_no_person_for_a_pronoun():
    text = ("Mayor Tom Hale spoke at the opening.\n\nFULL TEXT OF THE SPEECH\n\n"
            "“We built this bridge together, and we will keep it open,” he said.")
    assert _who(text) == [("Tom Hale", "pronoun")]


def test_a_participle_after_an_earlier_quotation_of_the_sentence_takes_its_speaker():
    text = ("Mr. Lee said of the plan, “I don't like it at all,” adding that “they are wrong about the "
            "cost of every part of it.”")
    rows = [(r.speaker, r.method) for r in attribute_speakers(text)]
    assert rows == [("Lee", "X said"), ("Lee", "X said")]
    assert "'adding' has no subject of its own" in attribute_speakers(text)[1].evidence
    # with no speaking subject before, nothing is borrowed from the quotation's sentence start
    text = ("The plan, “a disaster for every family in the county,” drew fire, prompting the claim that "
            "“they are wrong about the cost of every part of it.”")
    assert attribute_speakers(text)[-1].status == "unattributed"


def test_a_possessive_employer_before_a_name_after_the_quotation_leads_the_name():
    text = "“Voters will judge the record of the last four years,” Gallup’s Jeffrey M. Jones wrote in April."
    assert _who(text) == [("Jeffrey M. Jones", "X said")]
    text = "“Voters will judge the record of the last four years,” Iowa State University's Ann Boyd said."
    assert _who(text) == [("Ann Boyd", "X said")]


def test_a_prepositional_phrase_between_commas_after_a_name_is_skipped():
    text = "“We had a lot of supporters in this state,” Tom Blunt, after a long pause, said of the senator."
    assert _who(text) == [("Tom Blunt", "X said")]
    text = "Tom Blunt, for his part, told reporters: “We had a lot of supporters in this state.”"
    assert _who(text)[0][0] == "Tom Blunt"
    # a phrase with a verb of its own is no such aside
    text = "“We had a lot of supporters in this state,” Tom Blunt, as Ann Lee noted, said of the senator."
    assert _who(text)[0][0] != "Tom Blunt"


def test_a_participle_after_a_comma_takes_the_clause_subject_not_the_phrase_before_it():
    text = ("Tom Hale told a North Carolina rally, saying his rival would "
            "“abolish every right you hold dear in this state.”")
    assert _who(text) == [("Tom Hale", "X told Y")]
    # the sentence's own subject before the comma still speaks
    text = "Tom Hale, saying his rival would “abolish every right you hold dear,” left the stage."
    assert _who(text) == [("Tom Hale", "X said")]
