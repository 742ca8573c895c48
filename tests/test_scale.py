"""Tests of mediacompare.scale: streamed and Dask aggregates equal the ordinary tables.

The reference is always the ordinary path on the same input:
``label_rates(label(corpus), corpus)`` and ``corpus.load_report`` of
``load_corpus``. No test is timed (speed is measured by ``benchmarks/run.py``).
"""

from __future__ import annotations

import codecs
import csv
import json
import sys
from pathlib import Path

import pandas as pd
import pytest

import mediacompare as mc
from mediacompare.errors import ColumnError, CorpusError, CorpusFormatError, SourceNotFoundError
from mediacompare.scale.sources import inputs, plan
from mediacompare.scale.stream import check_options

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import synthetic  # noqa: E402  (the benchmark's corpus generator)

TABLES = ("label_rates", "articles", "load_report", "outlets")


def stream(source, **kwargs):
    return mc.stream_aggregates(source, progress=False, **kwargs)


def assert_like_ordinary(agg, corpus, *, by="outlet", report=True):
    """The streamed tables equal those of the corpus loaded and labelled the ordinary way."""
    spans = mc.label(corpus)
    pd.testing.assert_frame_equal(agg.label_rates, mc.label_rates(spans, corpus, by=by),
                                  check_exact=True)
    if report:
        pd.testing.assert_frame_equal(agg.load_report, corpus.load_report, check_exact=True)
    summary = corpus.summary()
    assert agg.articles["article_id"].tolist() == corpus.articles["article_id"].tolist()
    assert agg.articles["duplicate_of"].tolist() == corpus.articles["duplicate_of"].tolist()
    for column in ("outlet", "n_chars", "n_words", "n_sentences", "n_removed_lines"):
        assert agg.articles[column].tolist() == summary[column].tolist(), column
    words = mc.voice_words(corpus)
    assert agg.articles["n_words_quoted"].tolist() == words["n_words_quoted"].tolist()
    assert agg.articles["n_spans"].tolist() == [
        int((spans["article_id"] == a).sum()) for a in corpus.articles["article_id"]]
    assert "text" not in agg.articles.columns


def assert_same_tables(a, b, names=TABLES):
    for name in names:
        pd.testing.assert_frame_equal(getattr(a, name), getattr(b, name), check_exact=True)


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    """A small synthetic corpus (60 articles, a few duplicates) in every format."""
    folder = tmp_path_factory.mktemp("generated")
    rows = list(synthetic.generate(60, seed=3, duplicate_share=0.1))
    paths = {}
    for fmt in ("jsonl", "csv", "parquet"):
        paths[fmt] = synthetic.write(iter(rows), folder / f"corpus.{fmt}", fmt)[0]
    paths["folder"] = synthetic.write(iter(rows), folder / "articles", "folder")[0]
    paths["parts"] = synthetic.write(iter(rows), folder / "parts", "jsonl", parts=3, n_articles=60)
    return paths


# ------------------------------------------------------------------ the seeds


def test_seeds_streamed_equal_the_ordinary_tables():
    corpus = mc.load_corpus()
    agg = stream(None, sentiment=True, readability=True, keep_spans=True, keep_tokens=True)
    assert_like_ordinary(agg, corpus)
    pd.testing.assert_frame_equal(agg.spans, mc.label(corpus), check_exact=True)
    pd.testing.assert_frame_equal(agg.tokens, corpus.tokens(), check_exact=True)
    pd.testing.assert_frame_equal(agg.readability, mc.readability(corpus), check_exact=True)
    pd.testing.assert_frame_equal(agg.sentiment, mc.sentiment_summary(mc.sentence_sentiment(corpus)),
                                  check_exact=True)


def test_seeds_by_article():
    corpus = mc.load_corpus()
    agg = stream(None, by="article_id", sentiment=True)
    assert_like_ordinary(agg, corpus, by="article_id")
    pd.testing.assert_frame_equal(
        agg.sentiment, mc.sentiment_summary(mc.sentence_sentiment(corpus), by="article_id"),
        check_exact=True)


def test_outlet_totals_add_up():
    agg = stream(None)
    assert agg.spans is None and agg.tokens is None and agg.sentiment is None  # only when asked
    assert agg.outlets["n_articles"].sum() == len(agg.articles) == 5
    assert agg.outlets["n_words"].sum() == agg.articles["n_words"].sum()
    rates = agg.label_rates
    assert rates["n_spans"].sum() == agg.articles["n_spans"].sum() == agg.outlets["n_spans"].sum()
    assert agg.rates_table().equals(mc.rates_table(rates))
    assert "5 articles from 5 outlets" in repr(agg)


def test_a_lexicon_of_ones_own(tmp_path):
    lexicon = tmp_path / "mine.csv"
    lexicon.write_text("term,category,neutral_alternative,note,source,forms,confidence,case,"
                       "unless_next,unless_previous\ntroops,emotive,soldiers,a test entry,,,high,,,\n",
                       encoding="utf-8")
    corpus = mc.load_corpus()
    agg = stream(None, lexicon=lexicon)
    pd.testing.assert_frame_equal(agg.label_rates,
                                  mc.label_rates(mc.label(corpus, lexicon=lexicon), corpus))
    assert agg.label_rates.query("category == 'emotive'")["n_spans"].sum() > 0


# ------------------------------------------------------------------ generated corpora


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "folder"])
def test_generated_corpus_streamed_equals_ordinary(generated, fmt):
    corpus = mc.load_corpus(generated[fmt])
    assert corpus.articles["duplicate_of"].notna().any()  # the generator made some copies
    assert_like_ordinary(stream(generated[fmt]), corpus)


def test_parquet_equals_the_same_rows_as_a_dataframe(generated):
    corpus = mc.load_corpus(pd.read_parquet(generated["parquet"]))
    agg = stream(generated["parquet"])
    assert_like_ordinary(agg, corpus, report=False)
    expected = corpus.load_report.assign(input=corpus.load_report["input"].str.replace(
        "DataFrame", str(generated["parquet"]), regex=False))
    pd.testing.assert_frame_equal(agg.load_report, expected)


def test_dataframe_source(generated):
    frame = pd.read_json(generated["jsonl"], lines=True, dtype=False)
    assert_like_ordinary(stream(frame), mc.load_corpus(frame))


def test_several_files_are_one_corpus(generated):
    whole = stream(generated["jsonl"])
    parts = stream(generated["parts"])
    pd.testing.assert_frame_equal(parts.label_rates, whole.label_rates, check_exact=True)
    assert parts.articles["article_id"].tolist() == whole.articles["article_id"].tolist()
    assert parts.articles["duplicate_of"].tolist() == whole.articles["duplicate_of"].tolist()


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_blocks_read_the_same_rows_as_the_whole_file(generated, tmp_path, fmt):
    path = generated[fmt]
    if fmt == "csv":  # rows running over several lines, and CRLF endings
        text = path.read_text(encoding="utf-8").replace("\n", "\r\n")
        path = tmp_path / "crlf.csv"
        path.write_bytes(text.encode("utf-8"))
    columns = check_options("outlet", mc.corpus.MAX_BYTES, {})
    whole = plan(path, columns, manifest=None, blocksize=None)
    blocks = plan(path, columns, manifest=None, blocksize=20_000)
    # a unit for the row about the file's columns, then the rows: one unit, or blocks of them
    assert [u.kind for u in whole] == ["note", fmt] and len(blocks) > 4
    def seen(units):
        return [(i.label, i.raw, i.meta, i.extra, i.warnings)
                for i in inputs(units, columns, mc.corpus.MAX_BYTES)]
    assert seen(blocks) == seen(whole)
    assert len(seen(whole)) == 61  # the 60 rows and the columns' row


# ------------------------------------------------------------------ awkward input


def hostile_rows() -> list[dict]:
    story = "The so-called rebels attacked, the regime claimed. “We will stay,” he said."
    return [
        {"id": "a", "source": "Outlet One", "body": story, "date": "11 December 2017"},
        {"id": "a", "source": "Outlet One", "body": story + " Again.", "date": "2017-12"},
        {"id": "b", "source": "", "body": story, "date": "someday"},
        {"id": "c", "source": "Outlet Two", "body": "", "date": ""},
        {"id": "d", "source": "Outlet Two", "body": "   \n  ", "date": ""},
        {"id": "e", "source": "Outlet Two", "body": "x" * 400, "date": ""},
        {"id": "f", "source": "Outlet Two", "body": "A line\nand a “quoted\n\nparagraph”, allegedly.",
         "date": "", "raw": "a column named like an article column"},
    ]


def write_csv(path: Path, rows: list[dict], encoding="utf-8", newline="\n", nul=False) -> Path:
    frame = pd.DataFrame(rows)
    text = frame.to_csv(index=False, lineterminator=newline, quoting=csv.QUOTE_ALL)
    data = text.encode(encoding)
    if nul:
        data = data.replace(b"Again.", b"Ag\x00ain.")
    path.write_bytes(data)
    return path


def write_jsonl(path: Path, rows: list[dict], encoding="utf-8") -> Path:
    lines = [json.dumps(r, ensure_ascii=False) for r in rows]
    lines.insert(2, "   ")  # a blank line
    path.write_bytes(("\n".join(lines) + "\n").encode(encoding))
    return path


MAPPING = {"id_col": "id", "outlet_col": "source", "text_col": "body"}


@pytest.mark.parametrize("kind, encoding, newline, nul", [
    ("csv", "utf-8", "\n", False),
    ("csv", "utf-8-sig", "\r\n", False),
    ("csv", "cp1252", "\r", True),
    ("csv", "utf-16", "\n", False),
    ("jsonl", "utf-8", None, False),
    ("jsonl", "cp1252", None, False),
    ("jsonl", "utf-32", None, False),
])
def test_awkward_rows_are_accounted_for_as_the_loader_does(tmp_path, kind, encoding, newline, nul):
    rows = hostile_rows()
    if encoding == "cp1252":  # a character that is not UTF-8 once encoded
        rows[0]["body"] = rows[0]["body"].replace("rebels", "rebels — café")
    path = (write_csv(tmp_path / "h.csv", rows, encoding, newline, nul) if kind == "csv"
            else write_jsonl(tmp_path / "h.jsonl", rows, encoding))
    corpus = mc.load_corpus(path, max_bytes=300, **MAPPING)
    statuses = set(corpus.load_report["status"])
    assert statuses == {"loaded_with_warning", "skipped", "read"} | ({"loaded"} & statuses)
    assert_like_ordinary(stream(path, max_bytes=300, **MAPPING), corpus)
    got = [(report, article) for report, article in mc.iter_articles(path, max_bytes=300, **MAPPING)]
    # (the columns' row has no article id: None in the rows, missing in the table)
    assert [r for r, _ in got] == [{k: None if pd.isna(v) else v for k, v in row.items()}
                                   for row in corpus.load_report.to_dict("records")]
    loaded = [a for _, a in got if a is not None]
    assert [a["text"] for a in loaded] == corpus.articles["text"].tolist()
    assert [a["duplicate_of"] for a in loaded] == [
        None if pd.isna(d) else d for d in corpus.articles["duplicate_of"]]


def test_awkward_folder_is_accounted_for_as_the_loader_does(tmp_path):
    folder = tmp_path / "corpus"
    (folder / "sub").mkdir(parents=True)
    story = "Officials said the talks would go on.\nThe so-called ceasefire held, they claimed.\n"
    (folder / "a.txt").write_text(story, encoding="utf-8")
    (folder / "sub" / "b.html").write_text(f"<html><title>B</title><body><p>{story}</p>"
                                           "<script>x()</script></body></html>", encoding="utf-8")
    (folder / "copy.txt").write_text(story, encoding="utf-8")
    (folder / "latin.txt").write_bytes("Caf\xe9 talks, reportedly.\n".encode("cp1252"))
    (folder / "unlisted.txt").write_text("An article nobody listed.\n", encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "report.pdf").write_bytes(b"%PDF-1.4 binary")
    (folder / "fake.txt").write_bytes(b"%PDF-1.4 binary")
    (folder / ".hidden.txt").write_text(story, encoding="utf-8")
    (folder / "manifest.csv").write_text(
        "file,article_id,outlet,date\na.txt,x1,Outlet,2017-12-11\nsub/b.html,x2,Outlet,\n"
        "copy.txt,x3,Other,\nlatin.txt,x4,Other,\nempty.txt,x5,Other,\ngone.txt,x6,Other,\n",
        encoding="utf-8")
    corpus = mc.load_corpus(folder)
    assert set(corpus.load_report["status"]) == {"loaded", "loaded_with_warning", "skipped", "read"}
    assert_like_ordinary(stream(folder), corpus)


def test_a_folder_without_manifest_and_an_empty_folder(tmp_path):
    (tmp_path / "f").mkdir()
    (tmp_path / "f" / "one.txt").write_text("Headline\nThe rebels left, allegedly.\n", encoding="utf-8")
    assert_like_ordinary(stream(tmp_path / "f"), mc.load_corpus(tmp_path / "f"))
    (tmp_path / "empty").mkdir()
    agg = stream(tmp_path / "empty")
    assert len(agg.articles) == len(agg.load_report) == len(agg.label_rates) == 0


def test_single_file_and_header_only_csv(tmp_path):
    one = tmp_path / "one.txt"
    one.write_text("Headline\nThe rebels left, allegedly.\n", encoding="utf-8")
    assert_like_ordinary(stream(one), mc.load_corpus(one))
    header = tmp_path / "header.csv"
    header.write_text("text,outlet\n", encoding="utf-8")
    assert len(stream(header).articles) == 0 == len(mc.load_corpus(header))


@pytest.mark.parametrize("name, data", [
    ("bad.csv", b'text,outlet\n"never closed,X\n'),
    ("short.csv", b"text,outlet,date\nA story.,X\nB story.\n"),
    ("long.csv", b"text,outlet\nA story.,X,extra\n"),
    ("dup.csv", b"text,text\nA,B\n"),
    ("empty.csv", b"\n\n"),
    ("binary.csv", b"%PDF-1.4 binary"),
    ("bad.jsonl", b'{"text": "A story."}\n{"text": \n'),
    ("array.jsonl", b'{"text": "A story."}\n[1, 2]\n'),
    ("empty.jsonl", b"\n"),
    ("data.tsv", b"text\tX\n"),
    ("data.xml", b"<x/>"),
])
def test_malformed_input_raises_the_loaders_own_error(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises((CorpusFormatError, CorpusError)) as expected:
        mc.load_corpus(path)
    with pytest.raises(type(expected.value)) as got:
        stream(path)
    if name == "data.xml":  # the same error, which also names the Parquet files streaming reads
        assert str(got.value) == str(expected.value).replace(".jsonl,", ".jsonl, .parquet,")
    else:
        assert str(got.value) == str(expected.value)


@pytest.mark.parametrize("source, kwargs", [
    ("rows.csv", {"text_col": "body"}),
    ("rows.jsonl", {"outlet_col": "source"}),
    ("missing.csv", {}),
])
def test_column_and_path_errors_are_the_loaders(tmp_path, source, kwargs):
    (tmp_path / "rows.csv").write_text("text,outlet\nA story.,X\n", encoding="utf-8")
    (tmp_path / "rows.jsonl").write_text('{"text": "A story.", "outlet": "X"}\n', encoding="utf-8")
    with pytest.raises((ColumnError, SourceNotFoundError)) as expected:
        mc.load_corpus(tmp_path / source, **kwargs)
    with pytest.raises(type(expected.value)) as got:
        stream(tmp_path / source, **kwargs)
    assert str(got.value) == str(expected.value).replace(".jsonl,", ".jsonl, .parquet,")


def test_bad_arguments_are_refused():
    with pytest.raises(ValueError, match="by must be 'outlet' or 'article_id'"):
        stream(None, by="publisher")
    with pytest.raises(TypeError, match="unknown argument 'outlet_column'"):
        stream(None, outlet_column="source")
    with pytest.raises(CorpusError, match="max_bytes must be a positive integer"):
        stream(None, max_bytes=0)
    with pytest.raises(ValueError, match="blocksize"):
        mc.dask_aggregates(None, blocksize=0, progress=False)


def test_no_progress_bar_when_turned_off(capsys):
    stream(None)
    assert capsys.readouterr().err == ""


# ------------------------------------------------------------------ Dask


@pytest.fixture(scope="module")
def client():
    distributed = pytest.importorskip("distributed")
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                                       dashboard_address=None)
    with distributed.Client(cluster) as dask_client:
        yield dask_client
    cluster.close()


@pytest.mark.parametrize("fmt, options", [
    ("parts", {"sentiment": True, "readability": True, "keep_spans": True, "keep_tokens": True}),
    ("csv", {}),
    ("parquet", {}),
    ("folder", {"sentiment": True}),
])
def test_dask_equals_the_single_process_path(generated, client, fmt, options):
    expected = stream(generated[fmt], **options)
    got = mc.dask_aggregates(generated[fmt], address=client, blocksize=30_000, progress=False,
                             **options)
    kept = [name for name in ("sentiment", "readability", "spans", "tokens")
            if getattr(expected, name) is not None]
    assert_same_tables(got, expected, TABLES + tuple(kept))


def test_dask_by_article_with_awkward_rows(tmp_path, client):
    path = write_jsonl(tmp_path / "h.jsonl", hostile_rows())
    options = {"by": "article_id", "max_bytes": 300, **MAPPING}
    expected = stream(path, **options)
    assert_like_ordinary(expected, mc.load_corpus(path, max_bytes=300, **MAPPING), by="article_id")
    got = mc.dask_aggregates(path, address=client, blocksize=200, progress=False, **options)
    assert_same_tables(got, expected)


def test_dask_given_a_scheduler_address(generated, client):
    got = mc.dask_aggregates(generated["jsonl"], address=client.scheduler.address, progress=False)
    assert_same_tables(got, stream(generated["jsonl"]))
    assert client.status == "running"  # a client made from an address is ours to close, not theirs


def test_dask_on_a_dataframe(generated, client):
    frame = pd.read_json(generated["jsonl"], lines=True, dtype=False)
    got = mc.dask_aggregates(frame, address=client, progress=False)
    assert_same_tables(got, stream(frame))


def test_utf16_file_is_read_whole_on_dask_too(tmp_path, client):
    path = tmp_path / "u16.jsonl"
    path.write_bytes(codecs.BOM_UTF16_LE + '{"text": "The rebels left, allegedly."}\n'
                     .encode("utf-16-le"))
    assert_same_tables(mc.dask_aggregates(path, address=client, progress=False), stream(path))


def test_work_and_results_travel_to_worker_processes(generated):
    """A cluster of processes pickles the units, the configuration and the results."""
    import pickle

    from mediacompare.scale.stream import make_config
    from mediacompare.scale.tables import process

    columns = check_options("outlet", mc.corpus.MAX_BYTES, {})
    units = plan(generated["csv"], columns, manifest=None, blocksize=20_000)
    cfg = make_config(columns, mc.corpus.MAX_BYTES, None, True, None, sentiment=True)
    results = process(pickle.loads(pickle.dumps(units[:2])), pickle.loads(pickle.dumps(cfg)))
    assert pickle.loads(pickle.dumps(results)) == results and len(results) > 1
