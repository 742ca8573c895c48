"""Lexicons as data since issue 11: forms from lemmas, evidence columns and tiers, and lexicon
and frame-cue files that are hostile or broken (issue 13, items 5 and 13). Sentences are the
tests' own."""

import warnings

import pytest

import mediacompare as mc
from mediacompare.cli import main
from mediacompare.features.frames import load_frame_cues
from mediacompare.features.lexicon import load_lexicon
from mediacompare.features.lexicon_read import COLUMNS

HEADER = ",".join(COLUMNS) + "\n"


def _row(term, *, pos="", uses="", marked="", basis="", forms="", note="A note for a test."):
    return f'{term},emotive,(omit),"{note}",,{forms},high,,,,{pos},{uses},{marked},{basis}\n'


@pytest.mark.parametrize("sentence, expected", [
    ("The minister lied twice and is lying still.", ["lied", "lying"]),
    ("The team played miserably in a miserable match.", ["miserably", "miserable"]),
    ("Cruelest of all was the cruelly timed vote.", ["Cruelest", "cruelly"]),
])
def test_forms_generated_from_lemmas_match(tmp_path, sentence, expected):
    path = tmp_path / "lemmas.csv"
    path.write_text(HEADER + _row("lie", pos="verb", note="Verb.") + _row("miserable", pos="adj", note="Adj.")
                    + _row("cruel", pos="adj", note="Cruel."), encoding="utf-8")
    assert mc.label(sentence, lexicon=path, extents=False)["text"].tolist() == expected


def test_ambiguous_forms_are_not_generated_and_listed_forms_win(tmp_path):
    path = tmp_path / "lie.csv"
    path.write_text(HEADER + _row("lie", pos="verb"), encoding="utf-8")
    entry = load_lexicon(path).entries[0]
    assert "lay" not in entry.forms and {"lied", "lies", "lying"} <= set(entry.generated)
    assert mc.label("They lay down.", lexicon=path).empty
    both = tmp_path / "both.csv"
    both.write_text(HEADER + _row("lie", pos="verb") + _row("lies", note="The noun."), encoding="utf-8")
    lexicon = load_lexicon(both)
    assert "lies" not in lexicon.entries[0].forms and lexicon.entries[1].term == "lies"


def test_shipped_forms_table_is_what_lemminflect_generates_for_every_packaged_lemma(tmp_path):
    from mediacompare.features import forms
    from mediacompare.features.lexicon import _packaged_files

    pairs = {(e.term, e.pos) for path in _packaged_files()
             for e in mc.features.lexicon.read_phrase_table(path, {}) if e.pos}
    shipped = forms._shipped()
    assert set(shipped) == pairs, "rebuild the table: write_packaged_forms()"
    fresh = tmp_path / "forms.csv"
    forms.write_forms_table(fresh, sorted(pairs))
    assert fresh.read_bytes() == (mc._paths.resource("generated_forms.csv")).read_bytes()


def test_packaged_lexicon_loads_without_lemminflect_and_a_users_lemma_still_inflects(tmp_path):
    import subprocess
    import sys

    code = ("import sys, mediacompare as mc; lexicon = mc.load_lexicon(); "
            "assert any(e.generated for e in lexicon.entries); print('lemminflect' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
    path = tmp_path / "mine.csv"  # a lemma no packaged lexicon has: LemmInflect inflects it
    path.write_text(HEADER + _row("grumblewort", pos="noun"), encoding="utf-8")
    assert load_lexicon(path).entries[0].generated == ("grumbleworts",)


def test_packaged_lexicon_carries_evidence_a_teacher_can_read():
    frame = load_lexicon().to_frame()
    measured = frame[frame["tier_basis"] == "evidence"]
    assert len(measured) >= 50 and (measured["dev_uses"] >= 5).all()
    share = measured["dev_marked"] / measured["dev_uses"]
    assert ((share >= 0.3) == (measured["confidence"] == "high")).all()
    assert measured["evidence"].str.match(r"annotators marked \d+ of its \d+ uses").all()
    assert (frame["pos"] != "").sum() >= 150 and (frame["generated_forms"] != "").sum() >= 100
    # hedges and reporting verbs stay their own categories, never loaded words
    for word in ("claimed", "allegedly", "reportedly", "likely"):
        assert set(mc.label(f"It was {word} so.")["category"]) <= {"doubt", "attribution", "vague_source"}


@pytest.mark.parametrize("row, message", [
    ('"bad\x00term",emotive,(omit),note,,,high,,,,,,,\n', "contains a NUL character"),
    ('"two\nlines",emotive,(omit),note,,,high,,,,,,,\n', "contains a line break"),
    ('"!!!",emotive,(omit),note,,,high,,,,,,,\n', "has no word in it"),
    ('term,emotive,(omit),note,,,high,,,,noun,3,,\n', "expected both or neither"),
    ('term,emotive,(omit),note,,,high,,,,noun,3,5,evidence\n', "dev_marked at most dev_uses"),
    ('term,emotive,(omit),note,,,high,,,,noun,,,evidence\n', "'evidence' needs dev_uses"),
    ('term,emotive,(omit),note,,,high,,,,verbish,,,\n', "column 'pos': unknown value"),
])
def test_bad_terms_and_evidence_are_refused(tmp_path, row, message):
    path = tmp_path / "bad.csv"
    path.write_text(HEADER + row, encoding="utf-8")
    with pytest.raises(mc.ResourceError) as info:
        load_lexicon(path)
    assert str(path) in str(info.value) and message in str(info.value)


def test_header_only_lexicon_is_refused_as_a_replacement_and_warned_as_an_addition(tmp_path, capsys):
    path = tmp_path / "empty.csv"
    path.write_text(HEADER, encoding="utf-8")
    with pytest.raises(mc.ResourceError, match="no entries"):
        load_lexicon(path)
    assert main(["label", "--lexicon", str(path)]) == 3
    assert str(path) in capsys.readouterr().err
    with pytest.warns(UserWarning, match="nothing is added"):
        extended = load_lexicon(path, extend=True)
    assert len(extended) == len(load_lexicon())


def test_a_lexicon_that_is_not_utf8_is_decoded_with_a_warning_or_refused(tmp_path):
    cp1252 = tmp_path / "cp1252.csv"
    cp1252.write_bytes((HEADER + _row("naïve", note="A café word — for a test.")).encode("cp1252"))
    with pytest.warns(UnicodeWarning, match="cp1252.csv"):
        lexicon = load_lexicon(cp1252)
    assert lexicon.entries[0].term == "naïve"
    binary = tmp_path / "binary.csv"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    with pytest.raises(mc.ResourceError, match="binary.csv"):
        load_lexicon(binary)
    utf16 = tmp_path / "utf16.csv"
    utf16.write_bytes((HEADER + _row("grim")).encode("utf-16"))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert load_lexicon(utf16).entries[0].term == "grim"


def test_a_frame_cue_file_that_is_not_utf8_is_decoded_not_crashed(tmp_path):
    cues = tmp_path / "cues.csv"
    cues.write_bytes("term,frame,note,source\nréfugié,quality_of_life,A cue for a test.,\n".encode("latin-1"))
    with pytest.warns(UnicodeWarning):
        loaded = load_frame_cues(cues, extend=True)
    assert any(e.term == "réfugié" for e in loaded.entries)


def test_lexicon_format_page_documents_every_column():
    from pathlib import Path

    page = (Path(__file__).resolve().parents[1] / "docs" / "lexicon-format.md").read_text(encoding="utf-8")
    for column in COLUMNS:
        assert f"| `{column}` |" in page, column


@pytest.mark.parametrize("sentence", [
    "The storm was deadly and the flooding caused a crisis in the valley.",   # harm, events
    "A jury found him guilty of fraud, bribery and misconduct in office.",    # legal states, offences
    "Officials said the violent clashes were dangerous for the residents.",   # descriptive of events
    "She named her occupation as teacher and wore a saint's medal.",          # literal senses
    "Troops began the invasion after months of aggression along the border.",
])
def test_descriptive_words_of_news_are_not_loaded_words(sentence):
    # names of events, offences, legal states and harm describe; they were left out of the
    # loaded-word categories (their measured share inside annotated spans was low, and by judgement)
    spans = mc.label(sentence)
    assert spans[spans["category"].isin(["emotive", "labeling"])].empty, spans[["text", "term"]]


@pytest.mark.parametrize("sentence, loaded", [
    ("Historians studied Nazi Germany and the Nazi party.", False),
    ("Villages burned under the Nazi occupation.", False),
    ("The columnist called his critics nazis.", True),
    ("He branded the mayor a Nazi for closing the park.", True),
])
def test_nazi_is_a_smear_outside_its_historical_uses(sentence, loaded):
    spans = mc.label(sentence)
    assert (spans["term"] == "nazi").any() == loaded, spans[["text", "term"]]


@pytest.mark.parametrize("sentence, term, text, rule", [
    ("Their corrupt and ageing leaders fled.", "corrupt", "corrupt and ageing leaders",
     "coordinate_after"),
    ("It was a disgraceful, expensive decision.", "disgraceful", "disgraceful, expensive decision",
     "series_after"),
])
def test_the_packaged_lexicon_and_extents_cover_coordinated_evaluations(sentence, term, text, rule):
    row = mc.label(sentence).set_index("term").loc[term]
    assert (row["text"], row["extended_by"]) == (text, rule)
