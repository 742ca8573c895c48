"""The analysed document (mediacompare.document): one analysis per text, shared by every table,
the session cache, the analyses handed to the report's kernels, and the lazy package import."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import nbformat
import pandas as pd
import pytest

import mediacompare as mc
from mediacompare.document import Doc, analysed, load_analyses, save_analyses
from mediacompare.document import cache as cache_module

ROOT = Path(__file__).resolve().parents[1]

TEXT = ('The so-called "moderate rebels" attacked on Monday. "We will stay until the job is '
        'done," the minister told reporters. The army ended the "plundering campaign" in the '
        'east.\n\nThe regime\'s ally denied it.')


@pytest.fixture(autouse=True)
def _fresh_cache():
    mc.clear_analyses()
    yield
    mc.clear_analyses()


def test_analyse_holds_tokens_sentences_and_quotations_with_offsets():
    doc = mc.analyse(TEXT)
    assert isinstance(doc, Doc) and doc.text == TEXT
    tokens = doc.tokens
    assert [t.text for t in tokens] == [t.text for t in mc.tokenize(TEXT)]
    assert all(TEXT[t.start:t.end] == t.text for t in tokens)
    assert [s.text for s in doc.sentences] == [s.text for s in mc.sentences(TEXT)]
    assert [q.text for q in doc.scare] == ["moderate rebels", "plundering campaign"]
    assert [q.text for q in doc.reported] == ["We will stay until the job is done,"]
    inside = TEXT.index("job")
    assert doc.quote_of(inside, inside + 3).text.startswith("We will stay")
    assert doc.quote_of(0, 9) is None
    for k, sentence in enumerate(doc.sentences):  # the bisect agrees with the sentences
        assert doc.sentence_id(sentence.start) == k and doc.sentence_id(sentence.end - 1) == k


def test_each_text_is_analysed_once_per_session_and_clearing_forgets():
    corpus = mc.load_corpus(progress=False)
    n = len(corpus.articles)
    before = mc.cache_info()
    mc.label(corpus, progress=False)
    after_label = mc.cache_info()
    assert after_label["misses"] - before["misses"] == n
    mc.mentions(corpus)
    mc.frame_cues(corpus)
    mc.quotes_table(corpus)
    after = mc.cache_info()
    assert after["misses"] == after_label["misses"], "a later table analysed a text again"
    assert after["hits"] - after_label["hits"] >= 3 * n
    docs = mc.analyse(corpus)
    assert list(docs) == corpus.articles["article_id"].astype(str).tolist()
    first = docs[str(corpus.articles["article_id"].iloc[0])]
    assert mc.analyse(first.text) is first
    mc.clear_analyses()
    assert mc.cache_info()["texts"] == 0
    assert mc.analyse(first.text) is not first


def test_a_subset_or_a_table_of_the_same_texts_finds_the_same_analyses():
    corpus = mc.load_corpus(progress=False)
    docs = mc.analyse(corpus)
    table = corpus.articles[["article_id", "text"]].iloc[[2, 0]]
    again = dict(analysed(table))
    for article_id, doc in again.items():
        assert doc is docs[article_id]


def test_an_analysis_keeps_its_offsets_in_compact_arrays():
    doc = mc.analyse(TEXT * 30)  # 6,000 characters: offsets fit in 2 bytes
    words = [t for t in mc.tokenize(doc.text) if t.kind in ("word", "number", "abbreviation")]
    starts, ends = doc.word_offsets()
    assert list(starts) == [t.start for t in words] and list(ends) == [t.end for t in words]
    assert starts.itemsize == 2 and doc.starts.itemsize == 2
    tokens = mc.tokenize(doc.text)
    assert [(tokens[a].start, tokens[b].end) for a, b in doc.sentence_bounds] == [
        (s.start, s.end) for s in mc.sentences(doc.text)]
    assert doc.n_sentences == len(doc.sentences) == len(mc.sentences(doc.text))
    long = mc.analyse(TEXT * 400)  # 80,000 characters: offsets over 2**16 take 4 bytes
    assert long.starts.itemsize == 4 and long.ends[-1] == len(long.text.rstrip())
    assert long.nbytes() < 8 * len(long.text)


def test_tables_are_the_same_with_a_warm_cache_a_cold_one_and_no_cache():
    corpus = mc.load_corpus(progress=False)
    cold = mc.label(corpus, progress=False)
    warm = mc.label(corpus, progress=False)
    pd.testing.assert_frame_equal(cold, warm)
    mc.clear_analyses()
    saved = cache_module.MAX_CACHED_BYTES
    try:
        mc.set_analyses_limit(0)  # the corpus does not fit: analysed for each table, not kept
        pd.testing.assert_frame_equal(mc.label(corpus, progress=False), cold)
        assert mc.cache_info()["texts"] == 0
        for text in corpus.articles["text"]:  # one text at a time: each pushes out the last
            mc.analyse(text)
            assert mc.cache_info()["texts"] == 1
        pd.testing.assert_frame_equal(mc.label(corpus, progress=False), cold)
    finally:
        mc.set_analyses_limit(saved / 2**20)


def test_the_cache_counts_bytes_and_keeps_no_corpus_larger_than_its_budget():
    corpus = mc.load_corpus(progress=False)
    mc.label(corpus, progress=False)
    info = mc.cache_info()
    docs = mc.analyse(corpus)
    assert info["texts"] == len(corpus.articles)
    assert info["bytes"] == sum(doc.nbytes() for doc in docs.values())
    # about five bytes a character: the text, its token arrays, sentences and quotations
    chars = int(corpus.articles["text"].str.len().sum())
    assert 2 * chars < info["bytes"] < cache_module.BYTES_PER_CHAR * chars
    saved = cache_module.MAX_CACHED_BYTES
    try:
        mc.clear_analyses()
        mc.set_analyses_limit(chars * cache_module.BYTES_PER_CHAR / 2 / 2**20)  # half the corpus
        first = mc.analyse(corpus.articles["text"].iloc[0])  # a text kept before
        misses = mc.cache_info()["misses"]
        mc.label(corpus, progress=False)
        mc.mentions(corpus)
        after = mc.cache_info()
        assert after["texts"] == 1 and mc.analyse(first.text) is first  # found, not pushed out
        assert after["misses"] - misses == 2 * (len(corpus.articles) - 1)  # analysed per table
        mc.set_analyses_limit(0)  # a smaller budget lets go of what no longer fits
        assert mc.cache_info()["texts"] <= 1
    finally:
        mc.set_analyses_limit(saved / 2**20)
    with pytest.raises(ValueError, match="megabytes"):
        mc.set_analyses_limit(-1)


def test_saved_analyses_load_into_the_cache_and_give_the_same_tables(tmp_path):
    corpus = mc.load_corpus(progress=False)
    expected = mc.label(corpus, progress=False)
    path = tmp_path / "analyses.pickle"
    assert save_analyses(path, corpus) == len(corpus.articles)
    mc.clear_analyses()
    assert load_analyses(path) == len(corpus.articles)
    misses = mc.cache_info()["misses"]
    pd.testing.assert_frame_equal(mc.label(corpus, progress=False), expected)
    assert mc.cache_info()["misses"] == misses


def test_a_file_that_is_not_analyses_is_refused(tmp_path):
    import pickle

    path = tmp_path / "other.pickle"
    path.write_bytes(pickle.dumps(("something-else", [])))
    with pytest.raises(ValueError, match="not a file of analyses"):
        load_analyses(path)


def test_import_loads_no_analysis_library():
    heavy = ("pandas", "matplotlib", "sklearn", "scipy", "vaderSentiment", "textstat", "dask",
             "trafilatura", "re2", "nbconvert", "mediacompare.features", "mediacompare.measures")
    code = ("import sys, mediacompare as mc; v = mc.__version__; "
            f"print(sorted(m for m in {heavy!r} if m in sys.modules))")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                         check=True)
    assert run.stdout.strip() == "[]"


def test_a_first_table_loads_only_what_it_needs():
    # spaCy: LemmInflect imports it, when installed, for token extensions this library does not use
    code = ("import sys, mediacompare as mc; mc.label('The so-called \"rebels\" left.'); "
            "print(sorted(m for m in ('matplotlib', 'sklearn', 'vaderSentiment', 'textstat', "
            "'dask', 'spacy') if m in sys.modules))")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                         check=True)
    assert run.stdout.strip() == "[]"


def test_lazy_names_resolve_to_the_functions_even_after_their_module_is_imported():
    import mediacompare.measures.event_pairs  # noqa: F401  (the module of the same name)

    assert callable(mc.measures.event_pairs) and mc.measures.event_pairs.__name__ == "event_pairs"
    assert mc.event_pairs is mc.measures.event_pairs
    assert set(mc.__all__) <= set(dir(mc))
    with pytest.raises(AttributeError):
        mc.no_such_name  # noqa: B018


def _notebook(folder: Path) -> None:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"display_name": "Python 3", "language": "python", "name": "python3"}
    params = nbformat.v4.new_code_cell("corpus_source = None")
    params.metadata["tags"] = ["parameters"]
    nb.cells = [params, nbformat.v4.new_code_cell(
        "import mediacompare as mc\n"
        "corpus = mc.load_corpus(corpus_source)\n"
        "spans = mc.label(corpus)\n"
        "info = mc.cache_info()\n"
        "print(f\"analysed here: {info['misses']}; found analysed: {info['hits']}\")")]
    folder.mkdir()
    nbformat.write(nb, folder / "01-shared.ipynb")


@pytest.mark.notebooks
def test_the_report_kernels_read_one_analysis_made_by_the_build(tmp_path):
    from mediacompare.report import build_report

    _notebook(tmp_path / "books")
    result = build_report(tmp_path / "out", notebooks_dir=tmp_path / "books",
                          audiences=("student",), progress=False)
    assert result.ok
    page = (tmp_path / "out" / "student" / "01-shared.html").read_text(encoding="utf-8")
    n = len(mc.load_corpus(progress=False).articles)
    assert f"analysed here: 0; found analysed: {n}" in page
    leftovers = [p.name for p in (tmp_path / "out").rglob("*") if "analyses" in p.name]
    assert leftovers == []


def test_freed_memory_is_given_back_after_a_large_step_only(monkeypatch):
    from mediacompare import _memory

    calls = []
    monkeypatch.setattr(_memory, "_trim", [lambda pad: calls.append(pad)])
    _memory.release_free_memory(10)  # a small text: nothing to give back, no time spent
    assert calls == []
    _memory.release_free_memory(_memory.LARGE_CHARS)
    _memory.release_free_memory()
    assert calls == [0, 0]


def test_glibc_malloc_trim_is_found_on_linux():
    import platform

    from mediacompare import _memory

    if not sys.platform.startswith("linux") or platform.libc_ver()[0] != "glibc":
        pytest.skip("malloc_trim is glibc's")
    assert _memory._malloc_trim() is not None
    _memory.release_free_memory()  # runs: nothing to check but that it does not fail
