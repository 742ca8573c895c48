"""Framing: who is named how (actors as data), and frame cues with profiles."""

import pandas as pd
import pytest

import mediacompare as mc
from mediacompare.features.actors import load_actors


@pytest.fixture(scope="module")
def corpus():
    return mc.load_corpus()


@pytest.fixture(scope="module")
def mentions(corpus):
    return mc.mentions(corpus)


@pytest.fixture(scope="module")
def naming(mentions, corpus):
    return mc.naming_table(mentions, corpus)


def _forms(naming, outlet, actor_id, voice="outlet"):
    part = naming[(naming["outlet"] == outlet) & (naming["actor_id"] == actor_id)
                  & (naming["voice"] == voice)]
    return dict(zip(part["form"], part["n"]))


def test_breitbart_calls_assad_a_dictator_and_afp_calls_him_president(naming):
    breitbart = _forms(naming, "Breitbart News", "assad")
    afp = _forms(naming, "AFP", "assad")
    assert "Syrian dictator Bashar al-Assad" in breitbart
    assert "the ruthless leader" in breitbart            # a description tied to Assad
    assert afp["Syrian President Bashar al-Assad"] == 3
    assert not any("dictator" in form for form in afp)


@pytest.mark.parametrize("outlet, actor_id, form", [
    ("Al Arabiya English", "assad", "Syria leader Bashar al-Assad"),
    ("Fort Russ News", "assad", "President Bashar Assad"),
    ("Breitbart News", "putin", "Kremlin President Vladimir Putin"),
    ("Breitbart News", "putin", "the Russian leader"),
    ("Press TV", "mekdad", "Syrian Foreign Minister Faisal Mekdad"),
    ("Al Arabiya English", "shoigu", "Defence Minister Sergei Shoigu"),
])
def test_naming_forms_keep_titles_and_adjectives(naming, outlet, actor_id, form):
    assert form in _forms(naming, outlet, actor_id)


@pytest.mark.parametrize("outlet, text, actor_id", [
    ("Fort Russ News", "Kremlin", "russia_gov"),
    ("Fort Russ News", "Damascus", "syria_gov"),
    ("Fort Russ News", "Washington", "us_gov"),
    ("AFP", "Moscow", "russia_gov"),
    ("AFP", "Ankara", "turkey_gov"),
])
def test_place_names_stand_for_governments(mentions, corpus, outlet, text, actor_id):
    ids = corpus.articles.loc[corpus.articles["outlet"] == outlet, "article_id"]
    rows = mentions[mentions["article_id"].isin(ids) & (mentions["text"] == text)]
    assert (rows["actor_id"] == actor_id).all() and (rows["form_kind"] == "place").all() and len(rows)


def test_generic_labels_are_their_own_column(mentions, corpus):
    generic = mentions[mentions["form_kind"] == "generic_label"]
    assert generic["actor_id"].isna().all()
    assert {"terrorists", "militants", "rebels", "jihadists"} <= set(generic["generic_label"])
    table = mc.generic_label_table(mentions, corpus)
    breitbart = table[table["outlet"] == "Breitbart News"].set_index(["generic_label", "voice"])["n"]
    assert breitbart[("armed bandits", "quoted")] == 1 and breitbart[("jihadists", "outlet")] == 1


def test_mentions_are_traceable_and_in_voice(mentions, corpus):
    texts = corpus.articles.set_index("article_id")["text"]
    for row in mentions.itertuples():
        assert texts[row.article_id][row.start:row.end] == row.text
    syria_in_quote = mentions[(mentions["article_id"] == "001") & (mentions["in_quote"])]
    assert "Syria" in set(syria_in_quote["text"])   # Putin's words in Breitbart


def test_descriptions_are_resolved_with_the_rule_that_did_it():
    text = ("Russian President Vladimir Putin met Syrian President Bashar al-Assad. "
            "The Russian leader spoke first. Later the Syrian president thanked him. "
            "The ruthless leader smiled.")
    m = mc.mentions(text)
    described = m[m["form_kind"] == "description"].set_index("text")
    assert described.loc["The Russian leader", "actor_id"] == "putin"
    assert described.loc["the Syrian president", "actor_id"] == "assad"
    assert described.loc["The ruthless leader", "actor_id"] == "assad"   # the last leader named
    assert "last" in described.loc["The ruthless leader", "resolved_by"]
    assert mc.mentions("The ruthless leader smiled.")["form_kind"].tolist() == []  # nobody before


def test_title_case_headlines_are_not_descriptors():
    m = mc.mentions("Russian Troops Will Leave Syria\n\nPutin spoke.")
    syria = m[m["text"] == "Syria"].iloc[0]
    assert syria["form"] == "Syria"


def test_a_user_adds_an_actor_by_editing_a_csv(tmp_path):
    extra = tmp_path / "actors.csv"
    extra.write_text("actor_id,name,group,country,aliases,place_aliases,demonym,roles,note,source\n"
                     "guterres_aide,Jane Example,person,,Jane Example|Example,,,spokeswoman,"
                     "\"A made-up aide, for the test.\",\n", encoding="utf-8")
    gaz = load_actors(extra, extend=True)
    m = mc.mentions("UN spokeswoman Jane Example said Putin lied.", actors=gaz)
    assert m.set_index("text").loc["Jane Example", "actor_id"] == "guterres_aide"
    assert m.set_index("text").loc["Putin", "actor_id"] == "putin"   # the packaged actors stay


@pytest.mark.parametrize("body, message", [
    ("putin,Someone,person,,Someone,,,leader,A note.,\n", "duplicate actor_id 'putin'"),
    ("x1,Someone,warlord,,Someone,,,,A note.,\n", "unknown group 'warlord'"),
    ("x2,Someone,person,narnia_gov,Someone,,,,A note.,\n", "'narnia_gov' is not an actor_id"),
    ("x3,Someone,person,,Putin,,,,A note.,\n", "duplicate alias 'Putin'"),
    ("x4,Someone,person,,Someone,,,,,\n", "column 'note': empty"),
])
def test_broken_gazetteer_rows_are_refused(tmp_path, body, message):
    path = tmp_path / "actors.csv"
    path.write_text("actor_id,name,group,country,aliases,place_aliases,demonym,roles,note,source\n"
                    + body, encoding="utf-8")
    with pytest.raises(mc.ResourceError) as info:
        load_actors(path, extend=True)
    assert message in str(info.value) and "line 2" in str(info.value)


# --- frames -----------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def cues(corpus):
    return mc.frame_cues(corpus)


def test_frame_cues_are_traceable(cues, corpus):
    texts = corpus.articles.set_index("article_id")["text"]
    assert len(cues) > 50
    for row in cues.itertuples():
        assert texts[row.article_id][row.start:row.end] == row.text
        assert row.frame in mc.FRAMES and row.rule.startswith("frame cue: frames.csv, line ")


@pytest.mark.parametrize("article_id, conflict_frame", [
    ("003", "sovereignty_legality"),      # "sovereignty and territorial integrity"
    ("003", "resources_economy"),         # "natural resources", "oil"
    ("004", "diplomacy_peace_process"),   # "peace process", "peace talks"
    ("002", "humanitarian_cost"),         # "330,000 dead"
    ("001", "military_security"),         # troops, air base
])
def test_seed_frames(cues, article_id, conflict_frame):
    assert conflict_frame in set(cues.loc[cues["article_id"] == article_id, "conflict_frame"])


def test_frame_profiles_count_and_share(cues, corpus):
    profiles = mc.frame_profiles(cues, corpus)
    assert set(profiles["frame"]) == set(mc.FRAMES)
    for outlet, part in profiles.groupby("outlet"):
        assert part["n_cues"].sum() == part["n_cues_total"].iloc[0]
        assert part["share"].sum() == pytest.approx(1.0)
    conflict = mc.frame_profiles(cues, corpus, level="conflict_frame", by="article_id")
    assert set(conflict["conflict_frame"]) == set(mc.CONFLICT_FRAMES)
    one = conflict[conflict["article_id"] == "003"]
    expected = cues[(cues["article_id"] == "003") & (cues["conflict_frame"] != "")]
    assert one["n_cues"].sum() == len(expected)


def test_frame_profile_on_a_hand_count():
    articles = pd.DataFrame({"article_id": ["a"], "outlet": ["X"],
                             "text": ["Troops withdrew after ceasefire talks. Oil prices rose."]})
    cues = mc.frame_cues(articles)
    profile = mc.frame_profiles(cues, articles).set_index("frame")
    counted = cues["frame"].value_counts()
    for frame, n in counted.items():
        assert profile.loc[frame, "n_cues"] == n
        assert profile.loc[frame, "share"] == pytest.approx(n / len(cues))


def test_a_user_adds_a_frame_cue_by_editing_a_csv(tmp_path):
    extra = tmp_path / "frames.csv"
    extra.write_text("term,frame,conflict_frame,note,source,forms,case,unless_next,unless_previous\n"
                     "drone swarm,security_and_defense,military_security,A test cue.,,drone swarms,,,\n",
                     encoding="utf-8")
    cues = mc.frame_cues("Drone swarms hit the port.", cues=mc.load_frame_cues(extra, extend=True))
    assert ("Drone swarms", "security_and_defense") in set(zip(cues["text"], cues["frame"]))


def test_broken_frame_cues_are_refused(tmp_path):
    path = tmp_path / "frames.csv"
    path.write_text("term,frame,conflict_frame,note,source,forms,case,unless_next,unless_previous\n"
                    "troops,warfare,,A note.,,,,,\n", encoding="utf-8")
    with pytest.raises(mc.ResourceError, match="line 2, column 'frame': unknown category 'warfare'"):
        mc.load_frame_cues(path)


# --- who speaks ------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def voices(corpus):
    return mc.voice_table(corpus)


def _speakers(voices, article_id):
    return voices.loc[voices["article_id"] == article_id, "speaker_actor_id"].tolist()


def test_press_tv_quotes_lavrentiev_hood_and_mekdad(voices):
    speakers = {s for s in _speakers(voices, "003") if isinstance(s, str)}
    assert speakers == {"lavrentiev", "hood", "mekdad"}
    hood = voices[(voices["article_id"] == "003") & (voices["speaker_actor_id"] == "hood")]
    assert hood["quote"].str.startswith("We will not leave northeastern Syria").any()


def test_al_arabiya_quotes_putin_and_the_oppositions_muslat(voices):
    part = voices[voices["article_id"] == "004"]
    putin = part[part["speaker_actor_id"] == "putin"].iloc[0]
    assert putin["method"] == "X told Y" and putin["quote"].startswith("The task that was set")
    muslat = part[part["speaker_actor_id"] == "muslat"]
    assert len(muslat) == 2 and set(muslat["affiliation"]) == {"Syrian opposition"}


def test_putins_order_in_the_afp_piece_is_attributed_to_putin(voices):
    afp = voices[voices["article_id"] == "002"].iloc[0]
    assert afp["quote"].startswith("I order the defence minister")
    assert afp["speaker_actor_id"] == "putin" and afp["method"] == "pronoun"
    assert "carried to" in afp["evidence"]


def test_unattributed_quotations_are_reported_not_guessed(voices):
    unattributed = voices[voices["status"] == "unattributed"]
    assert (unattributed["speaker_group"] == "unattributed").all()
    assert unattributed["speaker"].isna().all()
    table = mc.voice_table('"Nobody knows," the sign read. "We stay."')
    assert set(table["status"]) <= {"attributed", "unattributed"}


def test_who_speaks_counts_quotations_and_words(voices):
    table = mc.who_speaks(voices).set_index(["outlet", "speaker"])
    assert table.loc[("Press TV", "Alexander Lavrentiev"), "n_quotes"] == 6
    assert table.loc[("Fort Russ News", "Ibrahim Kalin"), "affiliation"] == "Turkish government"
    per_outlet = voices.groupby("outlet")["n_words"].sum()
    assert table.groupby(level="outlet")["n_words"].sum().equals(per_outlet.sort_index())


def test_export_writes_framing_tables_with_a_users_actors_and_cues(tmp_path):
    from mediacompare.cli import main

    corpus_dir = tmp_path / "corpus"
    corpus_dir.mkdir()
    (corpus_dir / "a.txt").write_text("Envoy Jane Example said the drone swarms left Idlib.\n",
                                      encoding="utf-8")
    actors = tmp_path / "actors.csv"
    actors.write_text("actor_id,name,group,country,aliases,place_aliases,demonym,roles,note,source\n"
                      "example,Jane Example,person,un,Jane Example,,,envoy,A made-up envoy.,\n",
                      encoding="utf-8")
    cues = tmp_path / "frames.csv"
    cues.write_text("term,frame,conflict_frame,note,source,forms,case,unless_next,unless_previous\n"
                    "drone swarm,security_and_defense,military_security,A test cue.,,drone swarms,,,\n",
                    encoding="utf-8")
    out = tmp_path / "out"
    assert main(["export", str(corpus_dir), "--out", str(out), "--add-actors", str(actors),
                 "--add-frame-cues", str(cues)]) == 0
    naming = pd.read_csv(out / "naming.csv")
    assert "Envoy Jane Example" in set(naming["form"])
    frame_cues = pd.read_csv(out / "frame_cues.csv")
    assert "drone swarms" in set(frame_cues["text"])
    for name in ("mentions", "voices", "frame_profiles", "spans", "quotes", "sentence_sentiment",
                 "readability", "similarity", "wire_copy"):
        assert (out / f"{name}.csv").is_file()
