"""The seed articles are the shared ones, byte for byte, and their metadata is complete."""

import hashlib
from pathlib import Path

import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED_SHA256 = {
    "000_e9a2d73df521b7bb.txt": "a5820712bff6b431b5e3293c8d3bbc7b71fa2593e741d1d6f5b6fcebee265d85",
    "001_eefa2daa3eebee76.txt": "838c133b24b03ae4478fe52b288b018f5024f704a15a343a55bd71e772544716",
    "002_82250a71c09f356c.txt": "1cb43e9eb3871ad5cccc1bcedbd2dfc6fc478233de2b5e99f72f1342dc3cc0d9",
    "003_1a36095a4a9b4698.txt": "7be5e5d6f28109c742e612df0e6710d782191736843780f66c15613ac3e25e8b",
    "004_fbadfd8715480396.txt": "bd744ae7e4f5d4474f248b6abca04273d3cae72f8e30af07423bbcdd5165a357",
}


def _csv(name):
    return pd.read_csv(ROOT / "data" / name, dtype=str, keep_default_na=False)


def test_seed_files_are_byte_identical():
    found = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in (ROOT / "seeds").glob("*.txt")}
    assert found == SEED_SHA256


def test_manifest_covers_every_seed_with_evidence():
    manifest = _csv("seed_manifest.csv")
    assert list(manifest.columns) == ["article_id", "file", "outlet", "publisher", "date", "event_id",
                                      "title", "url", "evidence"]
    assert sorted(manifest["file"]) == sorted(SEED_SHA256)
    assert manifest["article_id"].tolist() == [f[:3] for f in manifest["file"]]
    assert dict(zip(manifest["article_id"], manifest["outlet"])) == {
        "000": "Fort Russ News", "001": "Breitbart News", "002": "AFP", "003": "Press TV",
        "004": "Al Arabiya English"}
    assert manifest.set_index("article_id").loc["002", "publisher"] == "TheJournal.ie"
    for column in ("outlet", "publisher", "date", "event_id", "title", "evidence"):
        assert (manifest[column].str.strip() != "").all(), column
    for row in manifest.itertuples():  # each title is a line of its seed file
        lines = (ROOT / "seeds" / row.file).read_text(encoding="utf-8").splitlines()
        assert row.title in [line.strip() for line in lines]


def test_only_breitbart_and_afp_share_an_event():
    manifest = _csv("seed_manifest.csv")
    shared = manifest.groupby("event_id")["article_id"].apply(sorted)
    assert [ids for ids in shared if len(ids) > 1] == [["001", "002"]]


def test_events_describe_every_event():
    events, manifest = _csv("events.csv"), _csv("seed_manifest.csv")
    assert {"event_id", "date", "description"} <= set(events.columns)
    assert set(events["event_id"]) == set(manifest["event_id"])
    assert (events["description"].str.len() > 20).all()


def test_outlets_have_a_source_for_every_claim():
    outlets, manifest = _csv("outlets.csv"), _csv("seed_manifest.csv")
    assert set(outlets["name"]) == set(manifest["outlet"]) | set(manifest["publisher"])
    for claim in ("country", "kind", "ownership_funding"):
        assert (outlets[claim].str.strip() != "").all(), claim
        assert (outlets[f"{claim}_source"].str.len() > 10).all(), f"{claim}_source"


@pytest.mark.parametrize("name", sorted(SEED_SHA256))
def test_seed_loads_with_its_manifest_metadata(name):
    import mediacompare as mc

    corpus = mc.load_corpus()
    row = corpus.articles.set_index("source").filter(like=name, axis=0)
    assert len(row) == 1
    manifest = _csv("seed_manifest.csv").set_index("file").loc[name]
    assert row["outlet"].iloc[0] == manifest["outlet"]
    assert row["title"].iloc[0] == manifest["title"]
    assert row["evidence"].iloc[0] == manifest["evidence"]
