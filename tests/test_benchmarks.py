"""The benchmarks' own pieces work on tiny inputs: the corpus generator and the span check.

Nothing here is timed (speed is measured by ``benchmarks/run.py``, never by tests).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pandas as pd
import pytest

import mediacompare as mc

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))

import synthetic  # noqa: E402


def test_generator_is_deterministic_and_says_it_is_synthetic(tmp_path):
    first = list(synthetic.generate(30, seed=7))
    assert first == list(synthetic.generate(30, seed=7))
    assert first != list(synthetic.generate(30, seed=8))
    assert all(row["note"] == synthetic.NOTE and "synthetic" in row["note"] for row in first)
    assert {row["outlet"] for row in first} <= set(synthetic.OUTLETS)
    assert all(o.startswith("Synthetic Outlet") for o in synthetic.OUTLETS)
    path = synthetic.write(iter(first), tmp_path / "c.jsonl")[0]
    assert [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()] == first
    assert synthetic.main(["--articles", "3", "--out", str(tmp_path / "x.csv"), "--format", "csv"]) == 0


def test_generated_sentences_come_from_the_seeds():
    sentences, counts, furniture = synthetic.seed_material()
    assert len(counts) == 5 and furniture

    def of_seed_sentences(paragraph: str) -> bool:
        return paragraph == "" or any(
            paragraph.startswith(s) and paragraph[len(s):len(s) + 1] in ("", " ")
            and of_seed_sentences(paragraph[len(s) + 1:]) for s in set(sentences))

    for row in synthetic.generate(20, seed=1):
        for paragraph in row["text"].split("\n\n"):
            assert paragraph in furniture or of_seed_sentences(paragraph), paragraph


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet", "folder"])
def test_every_format_loads_to_the_same_articles(tmp_path, fmt):
    rows = list(synthetic.generate(12, seed=2, duplicate_share=0.3))
    out = tmp_path / ("articles" if fmt == "folder" else f"c.{fmt}")
    path = synthetic.write(iter(rows), out, fmt)[0]
    corpus = mc.load_corpus(pd.read_parquet(path) if fmt == "parquet" else path)
    assert corpus.articles["article_id"].tolist() == [r["article_id"] for r in rows]
    assert corpus.articles["outlet"].tolist() == [r["outlet"] for r in rows]
    assert corpus.articles["duplicate_of"].notna().any()
    # "read": the row saying how a CSV, JSONL file, DataFrame or manifest was read
    assert set(corpus.load_report["status"]) <= {"loaded", "loaded_with_warning", "read"}


def test_parts_split_the_corpus_in_order(tmp_path):
    paths = synthetic.write(synthetic.generate(10), tmp_path / "parts", "jsonl", parts=3,
                            n_articles=10)
    ids = [json.loads(line)["article_id"] for p in paths
           for line in p.read_text(encoding="utf-8").splitlines()]
    assert len(paths) == 3 and ids == [f"syn-{i:06d}" for i in range(10)]


def test_spans_agree_with_spacy_on_the_seeds_and_disagreements_are_reported():
    pytest.importorskip("spacy")
    import bench_throughput

    texts = mc.load_corpus().articles["text"].tolist()
    found, agreed, spacy_agreed = bench_throughput.agreement(mc.load_lexicon(), texts)
    assert found["comparable_entries"] < found["entries"]  # entries with exceptions left out
    assert found["comparable"]["agree"] > 0
    assert found["agreed_identical"]
    for text in texts:
        ours = [(m.start, m.end, m.entry.origin) for m in agreed.match(text)]
        assert ours == spacy_agreed.spans(text)
    probe = found["probe"]  # the tokenizers part ways on hyphenated words, and it is said
    assert probe["lexicon_only"] + probe["spacy_only"] > 0 and probe["examples"]
    # spaCy ignores the exceptions: with every entry, it finds spans the lexicon rules out
    assert found["all entries"]["spacy_only"] > 0


def test_regex_baseline_and_speed_rows_on_a_tiny_sample():
    pytest.importorskip("spacy")
    import bench_throughput

    texts = mc.load_corpus().articles["text"].tolist()[:2]
    lexicon = mc.load_lexicon()
    _, agreed, spacy_agreed = bench_throughput.agreement(lexicon, texts)
    rows = bench_throughput.matching_speed(lexicon, agreed, spacy_agreed, texts, rounds=1,
                                           regex_texts=1)
    assert [r["vs_spacy"] for r in rows][0] == 1.0
    assert all(r["words"] > 0 and r["seconds"] > 0 for r in rows)


# -- benchmarks/speakers.py and benchmarks/linearity.py: their pieces on tiny written inputs --

def test_speaker_benchmark_reads_standoff_and_judges_the_same_person():
    import speakers as sp

    text = ("Jane Roe arrived late. “We will stay,” she said. Tom Lee disagreed. "
            "“It is over,” said Tom Lee, the mayor.")
    a = text.index("“We")
    b = text.index("“It")
    lines = [
        "T1\tSource 0 8\tJane Roe", "T2\tCue 9 16\tarrived", "E0\tAttribution:T2 Cue:T2 Source:T1",
        f"T3\tSource {text.index('she')} {text.index('she') + 3}\tshe",
        f"T4\tContent {a} {a + 15}\t{text[a:a + 15]}",
        f"T5\tCue {text.index('said')} {text.index('said') + 4}\tsaid",
        "E1\tAttribution:T5 Content:T4 Cue:T5 Source:T3",
        f"T6\tSource {text.index('Tom Lee, the')} {text.index('Tom Lee, the') + 7}\tTom Lee",
        f"T7\tContent {b} {b + 14}\t{text[b:b + 14]}",
        "E2\tAttribution:T5 Content:T7 Cue:T5 Source:T6",
    ]
    relations = [r for r in sp.parse_ann(lines) if r.direct]
    assert len(relations) == 2 and len(sp.parse_ann(lines)) == 3
    assert relations[0].resolved.text == "Jane Roe"        # the pronoun's person, from the annotation
    assert sp.surname("Mr. Kaplan, a screenwriter,") == "kaplan" and sp.surname("Sen. Ted Cruz (R-Tex.)") == "cruz"
    article = sp.Article("written-example", text, relations)
    result = sp.evaluate_article(article, sp.found_quotations(text))
    counts = result["counts"]
    assert counts["gold"] == 2 and counts["gold_right"] == 2 and counts["made_right"] == counts["made"] == 2
    wrong = sp.Found(0, a + 1, a + 14, "Tom Lee", None, None, "attributed", "X said", "")
    assert not sp.same_person(wrong.speaker, None, None, relations[0])
    assert sp.shares(counts)["recall"] == 1.0


def test_speaker_benchmark_says_when_the_development_set_is_absent(tmp_path, capsys):
    import speakers as sp

    assert sp.main(["--devset", str(tmp_path / "nowhere"), "--before", ""]) == 0
    assert "not here" in capsys.readouterr().out


def test_linearity_verdict_fails_quadratic_errors_and_timeouts():
    import linearity as lin

    linear = {"status": "ok", "time_ratio": {1: 1.0, 4: 1.1, 16: 1.2}, "sizes": {}}
    quadratic = {"status": "ok", "time_ratio": {1: 1.0, 4: 4.0, 16: 16.0}, "sizes": {}}
    memory = {"status": "ok", "time_ratio": {1: 1.0, 4: 1.0, 16: 1.0}, "memory_ratio": {16: 3.0}, "sizes": {}}
    assert lin.verdict(linear) and not lin.verdict(quadratic) and not lin.verdict(memory)
    assert not lin.verdict({"status": "timeout at 4x (over 1 s)", "sizes": {}})
    assert set(lin.CASES) and all(callable(make) for make, _ in lin.CASES.values())


def test_sentence_benchmark_counts_cases_per_kind():
    import sentences

    rows = sentences.evaluate()
    assert len(rows) == len(sentences.CASES) and all(r["ok"] for r in rows)
    assert "| all | " in sentences.table({"after": rows})
