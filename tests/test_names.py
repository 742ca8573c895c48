"""Issue 12 item 7 and issue 13 item 5: names with their variants, titles as descriptors,
affiliations, and gazetteer files that are not UTF-8. Every example is written for the test."""

from __future__ import annotations

import warnings

import pytest

import mediacompare as mc
from mediacompare.features.gazetteer import load_actors
from mediacompare.features.names import VariantMatcher, name_key

HEADER = "actor_id,name,group,country,aliases,place_aliases,demonym,roles,note,source\n"


@pytest.mark.parametrize("variants", [
    ["Gaddafi", "Qaddafi", "Kadhafi", "Gadhafi", "Ghaddafi"],
    ["Zelensky", "Zelenskyy", "Zelenskiy", "ZELENSKY"],
    ["al-Assad", "Assad", "al‑Assad", "Al-Assad"],
    ["Erdoğan", "Erdogan", "ERDOĞAN"],
])
def test_name_key_merges_spelling_and_transliteration_variants(variants):
    assert len({name_key(v) for v in variants}) == 1


def test_name_key_keeps_different_names_apart():
    keys = [name_key(w) for w in ["Putin", "Assad", "Trump", "Biden", "Obama", "Lavrov", "Mekdad"]]
    assert len(set(keys)) == len(keys)
    assert name_key("al") == name_key("El") == ""


@pytest.fixture(scope="module")
def gazetteer(tmp_path_factory):
    path = tmp_path_factory.mktemp("actors") / "actors.csv"
    path.write_text(HEADER + "gaddafi,Muammar Gaddafi,person,,Muammar Gaddafi|Gaddafi,,,leader,A test row.,\n"
                    "zelensky,Volodymyr Zelensky,person,,Volodymyr Zelensky|Zelensky,,,president,A test row.,\n",
                    encoding="utf-8")
    return load_actors(path, extend=True)


def test_mentions_find_variants_and_keep_the_form_as_written(gazetteer):
    text = ("Muammar Qaddafi ruled for decades; Kadhafi's son spoke. President Zelenskyy met "
            "Volodymyr Zelenskiy. Hassan Nasrullah replied. Ayatollah Khamenehi agreed.")
    m = mc.mentions(text, actors=gazetteer)
    found = dict(zip(m["text"], m["actor_id"]))
    assert found["Muammar Qaddafi"] == "gaddafi" and found["Kadhafi"] == "gaddafi"
    assert found["Zelenskyy"] == "zelensky" and found["Volodymyr Zelenskiy"] == "zelensky"
    assert found["Nasrullah"] == "nasrallah"          # packaged actor, one-word fuzzy match
    assert found["Khamenehi"] == "khamenei"
    assert set(m.loc[m["actor_id"] == "zelensky", "resolved_by"].dropna()) == {
        "a spelling or transliteration variant of a gazetteer alias"}
    assert m.set_index("text").loc["Zelenskyy", "form"] == "President Zelenskyy"
    for row in m.itertuples():
        assert text[row.start:row.end] == row.text


def test_variant_matcher_only_starts_at_capitalised_words():
    matcher = VariantMatcher([("Assad", "assad"), ("Bashar al-Assad", "assad")])
    assert matcher.find("the assad family") == []
    text = "president Bashar Al Assad spoke"
    assert [(text[a:b], v) for a, b, v in matcher.find(text)] == [("Bashar Al Assad", "assad")]


def test_a_lowercase_title_with_a_particle_is_not_cut_to_the_surname():
    text = "The president Bashar Al Assad said the war was over."
    m = mc.mentions(text)
    row = m[m["actor_id"] == "assad"].iloc[0]
    assert row["text"] == "Bashar Al Assad" and row["form"] == "president Bashar Al Assad"
    speaker = mc.voice_table("“It is over,” said president Bashar Al Assad.")
    assert speaker["speaker"].tolist() == ["Bashar Al Assad"] and speaker["speaker_actor_id"].tolist() == ["assad"]


def test_a_title_before_a_name_is_a_descriptor_not_the_government():
    m = mc.mentions("Former US President Barack Obama met a senior Trump administration official "
                    "and US officials in Geneva. The US sent troops.")
    us = m[m["actor_id"] == "us_gov"]
    assert us["form_kind"].tolist() == ["affiliation", "affiliation", "affiliation", "name"]
    assert m.set_index("text").loc["Barack Obama", "form"] == "Former US President Barack Obama"
    naming = mc.naming_table(m, "x")
    assert "former US" not in set(naming["form"]) and "US" in set(naming["form"])
    assert set(naming["form_kind"]) <= {"name", "place", "description", "generic_label"}


def test_a_gazetteer_file_in_windows_1252_is_decoded_with_a_warning(tmp_path):
    path = tmp_path / "actors.csv"
    path.write_bytes((HEADER + "erdogan_cp,Recep Tayyip Erdoğan (cp1252 test),person,,"
                      "Tayyip Erdoğan,,,president,“A test row” – in Windows-1252.,\n").encode("cp1252",
                                                                                          errors="replace"))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        gaz = load_actors(path, extend=True)
    assert any(str(path) in str(w.message) and "cp1252" in str(w.message).lower() for w in caught)
    assert "“A test row” – in Windows-1252." in set(gaz.actors["note"])


def test_a_binary_gazetteer_file_is_refused_with_file_and_reason(tmp_path):
    path = tmp_path / "actors.csv"
    path.write_bytes(b"PK\x03\x04" + bytes(range(256)) * 4)
    with pytest.raises(mc.ResourceError) as info:
        load_actors(path, extend=True)
    assert str(path) in str(info.value) and "not a text file" in str(info.value)
