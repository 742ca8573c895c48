"""Agreement with people: the annotation readers, precision/recall/F1 at three levels, the
per-entry table, Cohen's kappa per pair of annotators, and `mediacompare evaluate`.

Every text here is written for the test; nothing comes from a development set."""

import pandas as pd
import pytest

import mediacompare as mc
from mediacompare.cli import main

TEXT_A = "The corrupt elite lied again. Talks resumed on Monday."
TEXT_B = 'Officials met. "These thugs must go," the mayor said. Rain fell.'


def _texts():
    return pd.DataFrame({"article_id": ["a", "b"], "text": [TEXT_A, TEXT_B]})


def _span(text, words, article="a", category="Loaded_Language"):
    start = text.index(words)
    return {"article_id": article, "start": start, "end": start + len(words), "category": category}


def test_token_span_and_sentence_levels_counted_by_hand():
    gold = pd.DataFrame([_span(TEXT_A, "The corrupt elite"),                    # 3 words
                         _span(TEXT_B, "These thugs", "b", "Name_Calling,Labeling")])
    mine = pd.DataFrame([_span(TEXT_A, "corrupt", category="emotive"),         # inside
                         _span(TEXT_A, "Monday", category="emotive"),          # outside
                         _span(TEXT_B, "thugs", "b", "labeling")])
    found = mc.agreement(mine, gold, _texts())
    every = found.token.query("compared == 'all'").iloc[0]
    assert (every["tp"], every["fp"], every["fn"]) == (2, 1, 3)
    assert every["precision"] == pytest.approx(2 / 3) and every["recall"] == pytest.approx(2 / 5)
    emotive = found.token.query("name == 'emotive'").iloc[0]
    assert (emotive["tp"], emotive["fp"], emotive["fn"]) == (1, 1, 2)
    span = found.span.query("compared == 'all'").iloc[0]
    assert span["precision"] == pytest.approx(2 / 3) and span["recall"] == 1.0
    sentence = found.sentence.query("compared == 'all'").iloc[0]
    assert (sentence["tp"], sentence["fp"], sentence["fn"]) == (2, 1, 0)   # "Talks ... Monday."
    assert set(found.mapping["category"]) >= {"emotive", "labeling"}
    assert found.false_positives.iloc[0][["category", "text"]].tolist() == ["emotive", "monday"]
    assert set(found.missed_words["word"]) == {"the", "elite", "these"}


def test_nothing_predicted_gives_nan_not_zero():
    gold = pd.DataFrame([_span(TEXT_A, "corrupt")])
    none = pd.DataFrame(columns=["article_id", "start", "end", "category"])
    row = mc.agreement(none, gold, _texts(), categories=["emotive"]).token.iloc[0]
    assert row["precision"] != row["precision"] and row["recall"] == 0.0


def test_identity_mapping_and_per_entry_table_from_the_labeller():
    texts = pd.DataFrame({"article_id": ["x"], "text": ["A cruel, shoddy plan. A cruel joke."]})
    spans = mc.label(texts)
    gold = pd.DataFrame([{"article_id": "x", "start": 2, "end": 7, "category": "emotive"}])
    found = mc.agreement(spans, gold, texts)           # gold uses our categories: identity
    assert found.mapping.query("category == 'emotive'")["label"].tolist() == ["emotive"]
    cruel = found.entries.set_index("term").loc["cruel"]
    assert (cruel["n_uses"], cruel["n_marked"], cruel["share_marked"]) == (2, 1, 0.5)


def test_voice_restricts_words_to_the_outlet_or_the_quotation():
    gold = pd.DataFrame([_span(TEXT_B, "thugs", "b", "labeling")])
    mine = pd.DataFrame([_span(TEXT_B, "thugs", "b", "labeling")])
    quoted = mc.agreement(mine, gold, _texts(), voice="quoted").token.query("compared == 'all'")
    outlet = mc.agreement(mine, gold, _texts(), voice="outlet").token.query("compared == 'all'")
    assert quoted["tp"].item() == 1 and outlet["tp"].item() == 0 and outlet["fn"].item() == 0


def test_kappa_per_pair_of_annotators_and_beside_the_lexicon():
    texts = pd.DataFrame({"article_id": ["p"], "text": ["A cruel and corrupt regime fell."]})
    picks = pd.DataFrame([
        {"article_id": "p", "start": 2, "end": 7, "category": "emotive", "annotator": "ana"},
        {"article_id": "p", "start": 12, "end": 19, "category": "emotive", "annotator": "ana"},
        {"article_id": "p", "start": 2, "end": 7, "category": "emotive", "annotator": "ben"}])
    pairs = mc.annotator_agreement(picks, texts)
    assert pairs[["annotator_a", "annotator_b"]].values.tolist() == [["ana", "ben"]]
    assert pairs["kappa"].item() == pytest.approx(4 / 7)
    with_lexicon = mc.annotator_agreement(
        {"ana": picks[picks["annotator"] == "ana"], "lexicon": mc.label(texts)}, texts,
        by_category=True)
    assert "emotive" in set(with_lexicon["category"])
    assert mc.measures.cohen_kappa([True, False], [True, False]) == 1.0
    with pytest.raises(ValueError, match="at least two annotators"):
        mc.annotator_agreement(picks[picks["annotator"] == "ana"], texts)


def _write_ptc(folder, labels):
    folder.mkdir()
    (folder / "article7.txt").write_text(TEXT_A, encoding="utf-8")
    (folder / "labels.tsv").write_text(labels, encoding="utf-8")
    return folder


def test_three_formats_are_read_with_their_texts(tmp_path):
    start = TEXT_A.index("corrupt")
    ptc = mc.read_annotations(_write_ptc(tmp_path / "ptc", f"7\tLoaded_Language\t{start}\t{start + 7}\n"))
    assert ptc.format == "ptc" and ptc.spans["text"].tolist() == ["corrupt"]
    brat = tmp_path / "brat"
    brat.mkdir()
    (brat / "doc.txt").write_text(TEXT_A, encoding="utf-8")
    elite = TEXT_A.index("elite")
    (brat / "doc.ann").write_text(
        f"T1\tLoaded_Language {start} {start + 7};{elite} {elite + 5}\tcorrupt elite\n"
        "#1\tAnnotatorNotes T1\tstrong\nR1\tRel Arg1:T1 Arg2:T1\n", encoding="utf-8")
    found = mc.read_annotations(brat)
    assert found.format == "brat" and found.spans["text"].tolist() == ["corrupt", "elite"]
    csv_file = tmp_path / "spans.csv"
    csv_file.write_text(f"article_id,start,end,category,annotator\n7,{start},{start + 7},emotive,ana\n",
                        encoding="utf-8")
    spans = mc.read_annotations(csv_file)
    assert spans.articles is None and spans.spans["annotator"].tolist() == ["ana"]


@pytest.mark.parametrize("kind, content, message", [
    ("csv", "article_id,start,category\n", "line 1: bad header (missing end)"),
    ("csv", "article_id,start,end,category\na,x,4,emotive\n", "line 2, column 'start': expected whole-number"),
    ("csv", "article_id,start,end,category\na,5,2,emotive\n", "line 2, column 'start': expected 0 <= start < end"),
    ("csv", "article_id,start,end,category\na,1,2\n", "line 2: expected 4 fields"),
    ("ptc", "7\tLoaded_Language\t4\n", "line 1: expected 4 tab-separated fields"),
    ("ptc", "8\tLoaded_Language\t4\t9\n", "line 1: no file article8.txt"),
    ("ptc", "7\tLoaded_Language\t4\t9999\n", "line 1: the span 4-9999 runs past the end"),
    ("brat", "T1\tLoaded_Language 4 x\tcorr\n", "line 1: expected offsets 'START END'"),
    ("brat", "T1\tLoaded_Language 4 11\tclean\n", "line 1: the text at 4 11 is 'corrupt'"),
    ("brat", "X1\tfoo\n", "line 1: expected a line starting with T"),
])
def test_malformed_annotation_files_name_file_line_and_expectation(tmp_path, kind, content, message):
    if kind == "csv":
        path = tmp_path / "spans.csv"
        path.write_text(content, encoding="utf-8")
        named = path
    elif kind == "ptc":
        path = _write_ptc(tmp_path / "ptc", content)
        named = path / "labels.tsv"
    else:
        path = tmp_path / "brat"
        path.mkdir()
        (path / "doc.txt").write_text(TEXT_A, encoding="utf-8")
        named = path / "doc.ann"
        named.write_text(content, encoding="utf-8")
    with pytest.raises(mc.AnnotationError) as info:
        mc.read_annotations(path)
    assert str(named) in str(info.value) and message in str(info.value)
    assert isinstance(info.value, mc.MediaCompareError) and info.value.line is not None
    assert main(["evaluate", str(path)]) == 3


def test_brat_without_its_text_and_csv_spans_beyond_the_text(tmp_path):
    (tmp_path / "lonely.ann").write_text("T1\tX 0 3\tabc\n", encoding="utf-8")
    with pytest.raises(mc.AnnotationError, match="no text file lonely.txt"):
        mc.read_annotations(tmp_path / "lonely.ann")
    spans = tmp_path / "s.csv"
    spans.write_text("article_id,start,end,category\na,0,9999,emotive\nzz,0,3,emotive\n", encoding="utf-8")
    with pytest.raises(mc.AnnotationError, match=r"s.csv, line 2, column 'end': the span 0-9999"):
        mc.agreement(pd.DataFrame(columns=["article_id", "start", "end", "category"]),
                     mc.read_annotations(spans), _texts())


def test_cli_evaluate_on_each_format(tmp_path, capsys):
    start = TEXT_A.index("corrupt")
    ptc = _write_ptc(tmp_path / "ptc", f"7\tLoaded_Language\t{start}\t{start + 7}\n")
    out = tmp_path / "tables"
    assert main(["evaluate", str(ptc), "--categories", "emotive", "labeling", "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "Token level" in printed and "emotive -> Loaded_Language" in printed
    token = pd.read_csv(out / "agreement_token.csv")
    assert token.query("compared == 'all'")["tp"].item() == 1
    brat = tmp_path / "brat"
    brat.mkdir()
    (brat / "d.txt").write_text(TEXT_A, encoding="utf-8")
    (brat / "d.ann").write_text(f"T1\temotive {start} {start + 7}\tcorrupt\n", encoding="utf-8")
    assert main(["evaluate", str(brat), "--tier", "high"]) == 0
    corpus = tmp_path / "corpus.csv"
    pd.DataFrame({"id": ["a"], "text": [TEXT_A]}).to_csv(corpus, index=False)
    picks = tmp_path / "picks.csv"
    picks.write_text("article_id,start,end,category,annotator\n"
                     f"a,{start},{start + 7},emotive,ana\na,{start},{start + 13},emotive,ben\n",
                     encoding="utf-8")
    assert main(["evaluate", str(picks), "--corpus", str(corpus), "--id-col", "id", "--no-clean",
                 "--annotators"]) == 0
    printed = capsys.readouterr().out
    assert "Agreement per pair of annotators" in printed and "lexicon" in printed
