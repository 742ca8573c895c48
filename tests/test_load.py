"""Tests of loading any corpus: seeds, folders, manifests, CSV, JSONL, DataFrames and the CLI.

Every fixture is written byte by byte into ``tmp_path`` inside the test that
uses it, so what the loader sees is exactly what the test says.
"""

from __future__ import annotations

import codecs
import random
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import mediacompare as mc
from mediacompare.cli import main
from mediacompare.corpus import MAX_BYTES, load_corpus, normalize_date
from mediacompare.corpus.model import ARTICLE_COLUMNS, REPORT_COLUMNS, STATUSES
from mediacompare.errors import (
    ColumnError,
    CorpusError,
    CorpusFormatError,
    MediaCompareError,
    SourceNotFoundError,
)

SEED_OUTLETS = ["Fort Russ News", "Breitbart News", "AFP", "Press TV", "Al Arabiya English"]


# ------------------------------------------------------------------ helpers

def body(word: str) -> str:
    """Two sentences about ``word``: distinct per fixture, never taken as a headline."""
    return (f"The {word} story began on Tuesday, officials said.\n"
            f"Talks about {word} would continue next week, the minister added.\n")


def write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def row_of(corpus, input_label: str) -> pd.Series:
    """The one load-report row of an input."""
    rows = corpus.load_report[corpus.load_report["input"] == input_label]
    assert len(rows) == 1, (input_label, corpus.load_report["input"].tolist())
    return rows.iloc[0]


def inputs_of(corpus) -> pd.DataFrame:
    """The load report's rows about inputs (articles and skipped ones), without the ``read``
    rows that say how a source was read (every CSV, JSONL file, DataFrame and manifest has
    one: the columns read by which name, the columns kept)."""
    report = corpus.load_report
    return report[~report["status"].str.startswith("read")].reset_index(drop=True)


def article_of(corpus, article_id: str) -> pd.Series:
    rows = corpus.articles[corpus.articles["article_id"] == article_id]
    assert len(rows) == 1, (article_id, corpus.articles["article_id"].tolist())
    return rows.iloc[0]


def load_one(tmp_path: Path, name: str, data: bytes, **kwargs):
    """Load a folder holding one file (with an outlet in the manifest, so the only
    warnings are about the file itself); return the corpus, its report row and article."""
    folder = tmp_path / "corp"
    write(folder / name, data)
    write(folder / "manifest.csv", f"file,outlet\n{name},Test Outlet\n".encode())
    corpus = load_corpus(folder, **kwargs)
    row = row_of(corpus, f"corp/{name}")
    art = article_of(corpus, row["article_id"]) if row["status"] != "skipped" else None
    return corpus, row, art


def check_report_shape(corpus) -> None:
    """Invariants every load report keeps."""
    report = corpus.load_report
    assert list(report.columns) == list(REPORT_COLUMNS)
    assert set(report["status"]) <= set(STATUSES)
    assert report["input"].is_unique
    for row in report.itertuples(index=False):
        if row.status == "loaded":
            assert row.reason == ""
        else:
            assert isinstance(row.reason, str) and row.reason.strip(), row
    kept = report[report["status"].str.startswith("loaded")]  # "read" rows are about sources
    assert kept["article_id"].tolist() == corpus.articles["article_id"].tolist()
    assert list(corpus.articles.columns[:len(ARTICLE_COLUMNS)]) == list(ARTICLE_COLUMNS)


# ------------------------------------------------------------------ seeds

def test_seeds_load_by_default():
    corpus = load_corpus()
    check_report_shape(corpus)
    arts = corpus.articles
    assert len(corpus) == 5
    # a row for the manifest (the columns it was read by), then one per file
    assert corpus.load_report["status"].tolist() == ["read"] + ["loaded"] * 5
    assert corpus.load_report["input"][0] == "seed_manifest.csv"
    assert "kept as extra article columns: evidence" in corpus.load_report["reason"][0]
    assert arts["outlet"].tolist() == SEED_OUTLETS
    assert arts["article_id"].tolist() == ["000", "001", "002", "003", "004"]
    assert article_of(corpus, "002")["publisher"] == "TheJournal.ie"
    assert article_of(corpus, "001")["event_id"] == article_of(corpus, "002")["event_id"]
    assert arts["event_id"].nunique() == 4
    for art in arts.itertuples(index=False):
        assert art.text.strip()
        assert len(art.text) < len(art.raw)  # boilerplate was removed
        assert art.n_chars == len(art.text)
        assert art.removed  # and every removal is recorded
    assert not corpus.events.empty and not corpus.outlets.empty


def test_seeds_load_the_same_every_time():
    assert mc.load_corpus().digest() == load_corpus().digest()


# ------------------------------------------------------------------ folder: encodings

CP1252_LINE = b"caf\xe9 \x93quoted\x94 said the owner, officials said.\n"


@pytest.mark.parametrize("name, data, expected, status, reason, encoding", [
    pytest.param("utf8.txt",
                 ("Caf\u00e9 \u201cquoted\u201d \u2014 ok, they said.\n" + body("utf")).encode(),
                 "Caf\u00e9 \u201cquoted\u201d \u2014 ok", "loaded", None, "utf-8", id="utf-8"),
    pytest.param("bom.txt",
                 codecs.BOM_UTF8 + ("Caf\u00e9 with a mark, they said.\n" + body("bom")).encode(),
                 "Caf\u00e9 with a mark", "loaded", None, "utf-8", id="utf-8-bom"),
    pytest.param("le.txt", codecs.BOM_UTF16_LE
                 + ("\u00c9t\u00e9 in LE, they said.\n" + body("le")).encode("utf-16-le"),
                 "\u00c9t\u00e9 in LE", "loaded", None, "utf-16-le", id="utf-16-le"),
    pytest.param("be.txt", codecs.BOM_UTF16_BE
                 + ("\u00c9t\u00e9 in BE, they said.\n" + body("be")).encode("utf-16-be"),
                 "\u00c9t\u00e9 in BE", "loaded", None, "utf-16-be", id="utf-16-be"),
    pytest.param("cp.txt", CP1252_LINE + body("cp").encode(), "caf\u00e9 \u201cquoted\u201d",
                 "loaded_with_warning", ("cp1252", "Windows-1252"), "cp1252", id="cp1252"),
    pytest.param("koi8.txt", ("Министр заявил журналистам, что переговоры продолжатся на "
                              "следующей неделе.\n").encode("koi8_r") + body("koi").encode(),
                 "Министр заявил журналистам", "loaded_with_warning", ("KOI8-R",), "koi8_r",
                 id="koi8-r"),
])
def test_folder_decodes_each_encoding(tmp_path, name, data, expected, status, reason, encoding):
    corpus, row, art = load_one(tmp_path, name, data)
    assert row["status"] == status
    if reason is None:
        assert row["reason"] == ""
    else:
        assert any(r in row["reason"] for r in reason), row["reason"]
    assert art["encoding"] == encoding
    assert expected in art["raw"] and expected in art["text"]
    assert "\ufeff" not in art["raw"] and "\ufeff" not in art["text"]
    assert "\x00" not in art["raw"]  # UTF-16 decoded, not read as bytes with NULs
    assert art["outlet"] == "Test Outlet"


@pytest.mark.parametrize("newline", [b"\r\n", b"\r"], ids=["crlf", "cr"])
def test_folder_line_endings_become_lf(tmp_path, newline):
    data = body("lines").encode().replace(b"\n", newline) + b"Third line here, too." + newline
    _, row, art = load_one(tmp_path, "lines.txt", data)
    assert row["status"] == "loaded"
    assert "\r" not in art["raw"] and "\r" not in art["text"]
    assert art["raw"].split("\n")[:3] == [line for line in body("lines").split("\n")[:2]] + [
        "Third line here, too."]
    assert art["text"].count("\n") == 2


def test_folder_removes_nul_bytes_with_a_warning(tmp_path):
    data = b"The nu\x00ll story began on Tuesday\x00, officials said.\x00\n" + body("nul").encode()
    _, row, art = load_one(tmp_path, "nul.txt", data)
    assert row["status"] == "loaded_with_warning"
    assert "NUL" in row["reason"] and "3" in row["reason"]
    assert "\x00" not in art["raw"] and "\x00" not in art["text"]
    assert "The null story began on Tuesday, officials said." in art["text"]


# ------------------------------------------------------------------ folder: HTML

PAGE = (b"<!DOCTYPE html><html><head><meta charset='utf-8'><title>Browser Title | Site</title>"
        b"<style>.secret-style { color: red }</style>"
        b"<script>var secretScript = '<p>not text</p>';</script></head><body>"
        b"<h1>Tom &amp; Jerry&#8217;s Caf&eacute;</h1>"
        b"<p>The caf&eacute; owners&#8217; union said talks failed &amp; ended.</p>"
        b"<style>p.body-secret { color: blue }</style>"
        b"<p>Another <b>bold</b> paragraph <a href='x'>with a link</a>, they said.</p>"
        b"<script>document.write('secretScript2')</script></body></html>")


@pytest.mark.parametrize("name", ["page.html", "page.htm", "PAGE.HTML"])
def test_folder_html_is_turned_into_text(tmp_path, name):
    _, row, art = load_one(tmp_path, name, PAGE)
    assert row["status"] == "loaded", row["reason"]
    text = art["text"]
    assert art["title"] == "Tom & Jerry\u2019s Caf\u00e9"  # the h1 beats <title>
    assert "The caf\u00e9 owners\u2019 union said talks failed & ended." in text
    assert "Another bold paragraph with a link, they said." in text
    for absent in ("<", ">", "&amp;", "&#8217;", "&eacute;", "secret", "color", "Browser Title"):
        assert absent not in text, absent
    assert art["raw"].startswith("<!DOCTYPE html>")  # raw is the file as read


def test_folder_html_title_falls_back_to_title_tag(tmp_path):
    page = (b"<html><head><title>Only The Title</title></head>"
            b"<body><p>Words of the page, they said.</p><p>More words here.</p></body></html>")
    _, _, art = load_one(tmp_path, "t.html", page)
    assert art["title"] == "Only The Title"
    assert art["text"] == "Words of the page, they said.\n\nMore words here."


def test_html_self_closing_svg_or_iframe_does_not_swallow_the_page(tmp_path):
    page = (b"<html><body><p>Before the icon, they said.</p><svg class='icon'/>"
            b"<iframe src='ad.html'/><p>After the icon, they said.</p></body></html>")
    _, _, art = load_one(tmp_path, "svg.html", page)
    assert art["text"] == "Before the icon, they said.\n\nAfter the icon, they said."


def test_html_title_ignores_hidden_h1_and_svg_title(tmp_path):
    page = (b"<html><body><svg><title>Menu icon</title></svg>"
            b"<noscript><h1>Please enable JavaScript</h1></noscript>"
            b"<h1>Real Headline Here</h1><p>Story text, they said.</p></body></html>")
    _, _, art = load_one(tmp_path, "h.html", page)
    assert art["title"] == "Real Headline Here"
    assert "Menu icon" not in art["text"] and "JavaScript" not in art["text"]


# ------------------------------------------------------------------ folder: skipped inputs

@pytest.mark.parametrize("name, data, reason", [
    ("empty.txt", b"", "empty"),
    ("blank.txt", b"  \n\t\r\n   \n", "whitespace"),
    ("scripts.html", b"<html><head><script>var a = 1;</script></head><body> </body></html>",
     "no visible text"),
])
def test_folder_empty_inputs_are_skipped(tmp_path, name, data, reason):
    corpus, row, _ = load_one(tmp_path, name, data)
    assert row["status"] == "skipped"
    assert reason in row["reason"]
    assert len(corpus) == 0


def _noisy_bytes() -> bytes:
    rng = random.Random(1)
    return bytes(0 if i % 3 == 0 else rng.randrange(256) for i in range(3000))


@pytest.mark.parametrize("name, data, what", [
    ("image.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "PNG"),
    ("noise.txt", _noisy_bytes(), "control bytes"),
    ("doc.txt", b"%PDF-1.7\n" + body("pdf").encode(), "PDF"),
    ("zip.html", b"PK\x03\x04" + b"\x14\x00" * 50, "ZIP"),
])
def test_folder_binary_files_are_skipped(tmp_path, name, data, what):
    corpus, row, _ = load_one(tmp_path, name, data)
    assert row["status"] == "skipped"
    assert "binary" in row["reason"] and what in row["reason"]
    assert len(corpus) == 0


@pytest.mark.parametrize("name", ["report.pdf", "story.docx", "table.csv", "notes.md", "README"])
def test_folder_unsupported_files_are_reported(tmp_path, name):
    folder = tmp_path / "corp"
    write(folder / name, b"%PDF-1.4 whatever" if name.endswith(".pdf") else b"a,b\n1,2\n")
    write(folder / "ok.txt", body("ok").encode())
    corpus = load_corpus(folder)
    row = row_of(corpus, f"corp/{name}")
    assert row["status"] == "skipped"
    assert "unsupported file type" in row["reason"]
    assert (Path(name).suffix or "no suffix") in row["reason"]
    assert corpus.articles["article_id"].tolist() == ["ok"]


@pytest.mark.parametrize("rel", [".DS_Store", ".hidden.txt", ".git/notes.txt",
                                 "sub/.cache/copy.txt"])
def test_folder_hidden_files_are_reported(tmp_path, rel):
    folder = tmp_path / "corp"
    write(folder / rel, b"\x00\x00\x00\x01Bud1" if rel == ".DS_Store" else body("hidden").encode())
    write(folder / "ok.txt", body("ok").encode())
    corpus = load_corpus(folder)
    row = row_of(corpus, f"corp/{rel}")
    assert row["status"] == "skipped" and "hidden" in row["reason"]
    assert len(corpus) == 1


def test_folder_identical_texts_are_both_kept_and_flagged(tmp_path):
    folder = tmp_path / "corp"
    write(folder / "a.txt", body("same").encode())
    write(folder / "b.txt", body("same").encode())
    write(folder / "c.txt", body("different").encode())
    write(folder / "manifest.csv", b"file,outlet\na.txt,Agency\nb.txt,Reprinter\nc.txt,Other\n")
    corpus = load_corpus(folder)
    assert corpus.articles["article_id"].tolist() == ["a", "b", "c"]
    assert pd.isna(article_of(corpus, "a")["duplicate_of"])
    assert article_of(corpus, "b")["duplicate_of"] == "a"
    assert pd.isna(article_of(corpus, "c")["duplicate_of"])
    assert row_of(corpus, "corp/a.txt")["status"] == "loaded"
    second = row_of(corpus, "corp/b.txt")
    assert second["status"] == "loaded_with_warning"
    assert "identical text" in second["reason"] and "'a'" in second["reason"]


def test_folder_size_limit(tmp_path):
    folder = tmp_path / "corp"
    write(folder / "big.txt", b"x" * 101)
    write(folder / "small.txt", b"Small story, they said.\n")
    corpus = load_corpus(folder, max_bytes=100)
    big = row_of(corpus, "corp/big.txt")
    assert big["status"] == "skipped"
    assert "100" in big["reason"] and "101" in big["reason"] and "max_bytes" in big["reason"]
    assert row_of(corpus, "corp/small.txt")["status"] != "skipped"
    assert load_corpus(folder, max_bytes=101).articles["article_id"].tolist() == ["big", "small"]


@pytest.mark.parametrize("bad", [0, -1, "100", 1.5, None])
def test_max_bytes_must_be_a_positive_integer(tmp_path, bad):
    write(tmp_path / "a.txt", body("a").encode())
    with pytest.raises(CorpusError, match="max_bytes"):
        load_corpus(tmp_path / "a.txt", max_bytes=bad)


def test_default_size_limit_is_generous():
    assert MAX_BYTES >= 1_000_000


def test_folder_accounts_for_every_file(tmp_path):
    folder = tmp_path / "mixed"
    files = {
        "a.txt": body("a").encode(),
        "b.html": b"<p>" + body("b").encode() + b"</p>",
        "c.htm": b"<p>" + body("c").encode() + b"</p>",
        "cp.txt": CP1252_LINE + body("cp").encode(),
        "dup.txt": body("a").encode(),
        "empty.txt": b"",
        "blank.txt": b" \n ",
        "image.txt": b"\x89PNG\r\n\x1a\n" + bytes(300),
        "big.txt": body("big").encode() * 50,
        "paper.pdf": b"%PDF-1.4",
        "table.csv": b"x,y\n",
        ".DS_Store": b"\x00\x01",
        "sub/deeper/d.txt": body("d").encode(),
        "sub/a.txt": body("sub-a").encode(),  # same stem as a.txt: gets a unique id
        "nosuffix": b"text",
    }
    for rel, data in files.items():
        write(folder / rel, data)
    write(folder / "manifest.csv", b"file,outlet\na.txt,Outlet A\nsub/deeper/d.txt,Outlet D\n")
    corpus = load_corpus(folder, max_bytes=2_000)
    check_report_shape(corpus)
    assert set(inputs_of(corpus)["input"]) == {f"mixed/{rel}" for rel in files}
    assert len(inputs_of(corpus)) == len(files)
    assert row_of(corpus, "manifest.csv")["status"] == "read"  # plus the manifest's own row
    skipped = set(corpus.load_report.loc[corpus.load_report["status"] == "skipped", "input"])
    assert skipped == {f"mixed/{rel}" for rel in (
        "empty.txt", "blank.txt", "image.txt", "big.txt", "paper.pdf", "table.csv", ".DS_Store",
        "nosuffix")}
    assert corpus.articles["article_id"].is_unique
    assert article_of(corpus, "d")["outlet"] == "Outlet D"
    sub_a = row_of(corpus, "mixed/sub/a.txt")
    assert sub_a["article_id"] == "a-2" and "already taken" in sub_a["reason"]
    assert article_of(corpus, "dup")["duplicate_of"] == "a"


def test_empty_folder_is_an_empty_corpus(tmp_path):
    (tmp_path / "none").mkdir()
    corpus = load_corpus(tmp_path / "none")
    assert len(corpus) == 0 and len(corpus.load_report) == 0
    assert list(corpus.articles.columns) == list(ARTICLE_COLUMNS)


# ------------------------------------------------------------------ folder with a manifest

def test_manifest_metadata_is_applied(tmp_path):
    folder = tmp_path / "corp"
    write(folder / "a.txt", body("a").encode())
    write(folder / "b.txt", body("b").encode())
    write(folder / "manifest.csv", (
        "file,article_id,outlet,publisher,date,title,event_id,url,evidence\n"
        "a.txt,A1,Agence,Carrier,11 December 2017,Headline A,ev-1,https://www.carrier.example/a,"
        "\"seen online, archived\"\n"
        "b.txt,B1,Daily,,2018-10,Headline B,ev-1,,\n").encode())
    corpus = load_corpus(folder)
    check_report_shape(corpus)
    assert corpus.load_report["status"].tolist() == ["read", "loaded", "loaded"]
    assert "kept as extra article columns: evidence" in row_of(corpus, "manifest.csv")["reason"]
    a, b = article_of(corpus, "A1"), article_of(corpus, "B1")
    assert (a["outlet"], a["publisher"], a["date"], a["title"], a["event_id"]) == (
        "Agence", "Carrier", "2017-12-11", "Headline A", "ev-1")
    assert a["url"] == "https://www.carrier.example/a"
    assert (b["outlet"], b["date"], b["title"]) == ("Daily", "2018-10", "Headline B")
    assert "evidence" in corpus.articles.columns
    assert a["evidence"] == "seen online, archived" and pd.isna(b["evidence"])
    assert a["source"] == "corp/a.txt (manifest.csv, line 2)"
    assert b["source"] == "corp/b.txt (manifest.csv, line 3)"


def test_manifest_gaps_are_reported(tmp_path):
    folder = tmp_path / "corp"
    write(folder / "listed.txt", body("listed").encode())
    write(folder / "nooutlet.txt", body("nooutlet").encode())
    write(folder / "unlisted.txt", body("unlisted").encode())
    write(folder / "manifest.csv", b"file,article_id,outlet\nlisted.txt,L,Outlet L\n"
                                   b"nooutlet.txt,N,\nmissing.txt,M,Outlet M\n")
    corpus = load_corpus(folder)
    check_report_shape(corpus)
    assert row_of(corpus, "corp/listed.txt")["status"] == "loaded"

    unlisted = row_of(corpus, "corp/unlisted.txt")
    assert unlisted["status"] == "loaded_with_warning"
    assert "not listed in manifest.csv" in unlisted["reason"]
    assert article_of(corpus, "unlisted")["outlet"] == "unknown"

    nooutlet = row_of(corpus, "corp/nooutlet.txt")
    assert nooutlet["status"] == "loaded_with_warning" and "no outlet" in nooutlet["reason"]
    assert article_of(corpus, "N")["outlet"] == "unknown"

    missing = row_of(corpus, "manifest.csv, line 4")
    assert missing["status"] == "skipped" and missing["article_id"] == "M"
    assert "missing.txt" in missing["reason"] and "no such file" in missing["reason"]
    assert "M" not in corpus.articles["article_id"].tolist()


def test_manifest_row_for_a_skipped_file_is_not_reported_as_missing(tmp_path):
    folder = tmp_path / "corp"
    write(folder / "a.txt", body("a").encode())
    write(folder / "doc.pdf", b"%PDF-1.4")
    write(folder / "manifest.csv", b"file,outlet\na.txt,A\ndoc.pdf,B\n")
    corpus = load_corpus(folder)
    assert corpus.load_report["input"].tolist() == ["manifest.csv", "corp/a.txt", "corp/doc.pdf"]
    assert "unsupported" in row_of(corpus, "corp/doc.pdf")["reason"]
    assert not corpus.load_report["reason"].str.contains("no such file").any()


@pytest.mark.parametrize("manifest, line, column, problem", [
    pytest.param(b"file,outlet\na.txt,A\nb.txt,B,extra\n", 3, 9, "expected 2 fields",
                 id="too-many-fields"),
    pytest.param(b"file,outlet,title\na.txt,A\nb.txt,B,t\n", 2, "title", "found 2",
                 id="too-few-fields"),
    pytest.param(b"file,outlet,title\na.txt,A,ok\nb.txt,B,\"never closed\nc.txt,C,x\n", 3, 9,
                 "never closed", id="unclosed-quote"),
    pytest.param(b"file,outlet\r\n\r\na.txt,A\r\nb.txt,B,extra\r\n", 4, 9, "expected 2 fields",
                 id="crlf-and-blank-line"),
    pytest.param(b"file,outlet,title\na.txt,A,\"two\nlines\"\nb.txt,B,x,y\n", 4, 11,
                 "expected 3 fields", id="after-a-multiline-field"),
    pytest.param(b"file,outlet,outlet\na.txt,A,B\n", 1, "outlet", "appears twice",
                 id="duplicate-header"),
    pytest.param(b"file,,title\na.txt,A,t\n", 1, 2, "empty", id="empty-header-field"),
])
def test_malformed_manifest_names_file_line_and_column(tmp_path, manifest, line, column, problem):
    folder = tmp_path / "corp"
    write(folder / "a.txt", body("a").encode())
    write(folder / "b.txt", body("b").encode())
    path = write(folder / "manifest.csv", manifest)
    with pytest.raises(CorpusFormatError) as info:
        load_corpus(folder)
    err = info.value
    assert (err.path, err.line, err.column) == (str(path), line, column)
    message = str(err)
    assert str(path) in message and f"line {line}," in message and "column" in message
    assert problem in message


def test_manifest_duplicate_article_id_names_both_lines(tmp_path):
    folder = tmp_path / "corp"
    write(folder / "a.txt", body("a").encode())
    write(folder / "b.txt", body("b").encode())
    write(folder / "c.txt", body("c").encode())
    path = write(folder / "manifest.csv", b"file,article_id\na.txt,X1\nb.txt,X2\nc.txt,X1\n")
    with pytest.raises(CorpusFormatError) as info:
        load_corpus(folder)
    message = str(info.value)
    assert str(path) in message and "'X1'" in message
    assert "line 4" in message and "line 2" in message
    assert "column 'article_id'" in message


def test_manifest_listing_a_file_twice_is_refused(tmp_path):
    folder = tmp_path / "corp"
    write(folder / "a.txt", body("a").encode())
    write(folder / "manifest.csv", b"file,outlet\na.txt,A\n./a.txt,B\n")
    with pytest.raises(CorpusFormatError, match=r"line 3.*listed twice \(first on line 2\)"):
        load_corpus(folder)


def test_manifest_without_a_file_column_is_refused(tmp_path):
    folder = tmp_path / "corp"
    write(folder / "a.txt", body("a").encode())
    write(folder / "manifest.csv", b"name,outlet\na.txt,A\n")
    with pytest.raises(ColumnError, match=r"file_col 'file' is not a column of .*manifest\.csv; "
                                          r"columns are: name, outlet$"):
        load_corpus(folder)


def test_manifest_elsewhere_with_mapped_columns(tmp_path):
    folder = tmp_path / "corp"
    write(folder / "a.txt", body("a").encode())
    write(folder / "sub" / "b.txt", body("b").encode())
    meta = write(tmp_path / "meta" / "sources.csv",
                 b"path,source,headline\na.txt,Source A,Head A\nsub/b.txt,Source B,Head B\n")
    write(tmp_path / "meta" / "events.csv", b"event_id,date,description\nev,2017-12-11,Something\n")
    corpus = load_corpus(folder, manifest=meta, file_col="path", outlet_col="source",
                         title_col="headline")
    check_report_shape(corpus)
    assert corpus.load_report["status"].tolist() == ["read", "loaded", "loaded"]
    assert "mapped: outlet from 'source' (outlet_col), title from 'headline'" in row_of(
        corpus, "sources.csv")["reason"]
    assert corpus.articles["outlet"].tolist() == ["Source A", "Source B"]
    assert corpus.articles["title"].tolist() == ["Head A", "Head B"]
    assert corpus.events["event_id"].tolist() == ["ev"]  # events.csv beside the manifest
    # mapped columns are not repeated as extra columns
    assert not {"path", "headline"} & set(corpus.articles.columns)
    assert corpus.articles["source"].tolist() == ["corp/a.txt (sources.csv, line 2)",
                                                  "corp/sub/b.txt (sources.csv, line 3)"]


def test_manifest_mapping_to_a_missing_column_is_refused(tmp_path):
    folder = tmp_path / "corp"
    write(folder / "a.txt", body("a").encode())
    write(folder / "manifest.csv", b"file,outlet\na.txt,A\n")
    with pytest.raises(ColumnError, match="outlet_col 'source' is not a column of .*manifest.csv"):
        load_corpus(folder, outlet_col="source")


def test_mapping_without_a_manifest_is_refused(tmp_path):
    write(tmp_path / "corp" / "a.txt", body("a").encode())
    write(tmp_path / "corp" / "Metadata.csv", b"file,source\na.txt,A\n")
    with pytest.raises(ColumnError, match="outlet_col 'source' .*has no manifest.csv"):
        load_corpus(tmp_path / "corp", outlet_col="source")


def test_manifest_that_does_not_exist(tmp_path):
    write(tmp_path / "corp" / "a.txt", body("a").encode())
    with pytest.raises(SourceNotFoundError, match="nope.csv"):
        load_corpus(tmp_path / "corp", manifest=tmp_path / "nope.csv")


# ------------------------------------------------------------------ CSV

def test_csv_with_mapped_columns(tmp_path):
    path = write(tmp_path / "articles.csv", (
        "id,source,body,headline,when,topic\n"
        "x1,Outlet One,\"First body, with a comma.\nAnd a second line.\",Head 1,"
        "11 December 2017,war\n"
        "x2,Outlet Two,Second body here. It is short.,Head 2,2018-10,peace\n").encode())
    corpus = load_corpus(path, text_col="body", outlet_col="source", id_col="id",
                         title_col="headline", date_col="when")
    check_report_shape(corpus)
    assert corpus.load_report["input"].tolist() == [f"{path} (columns)", f"{path}, line 2",
                                                    f"{path}, line 4"]
    assert corpus.load_report["status"].tolist() == ["read", "loaded", "loaded"]
    assert corpus.load_report.loc[0, "reason"].endswith(
        "other columns kept as extra article columns: topic")
    arts = corpus.articles
    assert arts["article_id"].tolist() == ["x1", "x2"]
    assert arts["outlet"].tolist() == ["Outlet One", "Outlet Two"]
    assert arts["title"].tolist() == ["Head 1", "Head 2"]
    assert arts["date"].tolist() == ["2017-12-11", "2018-10"]
    assert arts["text"].tolist() == ["First body, with a comma.\nAnd a second line.",
                                     "Second body here. It is short."]
    assert arts["topic"].tolist() == ["war", "peace"]
    assert not {"id", "body", "headline", "when"} & set(arts.columns)
    assert arts["source"].tolist() == inputs_of(corpus)["input"].tolist()


@pytest.mark.parametrize("clash", ["source", "raw", "encoding", "outlet"])
def test_csv_column_named_like_an_article_column_is_not_dropped_silently(tmp_path, clash):
    path = write(tmp_path / "a.csv", f"name,{clash},text\nA,given value,Story. Yes.\n".encode())
    corpus = load_corpus(path, outlet_col="name")
    row = row_of(corpus, f"{path}, line 2")
    assert row["status"] == "loaded_with_warning"
    assert f"column '{clash}'" in row["reason"] and "rename" in row["reason"]
    assert corpus.articles.loc[0, "outlet"] == "A"


def test_csv_default_columns_and_ids(tmp_path):
    path = write(tmp_path / "a.csv", b"outlet,text\nA,Story one. Yes.\nB,Story two. Yes.\n")
    corpus = load_corpus(path)
    assert corpus.articles["article_id"].tolist() == ["line-2", "line-3"]
    assert corpus.articles["outlet"].tolist() == ["A", "B"]


def test_csv_mapped_column_that_does_not_exist(tmp_path):
    path = write(tmp_path / "a.csv", b"id,outlet,text\n1,A,Story. Yes.\n")
    with pytest.raises(ColumnError) as info:
        load_corpus(path, outlet_col="source")
    assert isinstance(info.value, KeyError)
    assert str(info.value) == (f"outlet_col 'source' is not a column of {path}; "
                               "columns are: id, outlet, text")


def test_csv_without_a_text_column(tmp_path):
    path = write(tmp_path / "a.csv", b"id,outlet,story\n1,A,Story. Yes.\n")
    with pytest.raises(ColumnError, match=r"text_col 'text' is not a column of .*a\.csv; "
                                          r"columns are: id, outlet, story"):
        load_corpus(path)


def test_csv_empty_text_row_is_skipped(tmp_path):
    path = write(tmp_path / "a.csv", b"id,outlet,text\n1,A,Story one. Yes.\n2,B,\n3,C,   \n")
    corpus = load_corpus(path, id_col="id")
    check_report_shape(corpus)
    for line, article_id in ((3, "2"), (4, "3")):
        row = row_of(corpus, f"{path}, line {line}")
        assert row["status"] == "skipped" and "no article text" in row["reason"]
        assert row["article_id"] == article_id
    assert corpus.articles["article_id"].tolist() == ["1"]


def test_csv_text_over_the_size_limit_is_skipped(tmp_path):
    path = write(tmp_path / "a.csv", b"outlet,text\nA," + b"y" * 150 + b"\nB,Short. Yes.\n")
    corpus = load_corpus(path, max_bytes=100)
    row = row_of(corpus, f"{path}, line 2")
    assert row["status"] == "skipped" and "100" in row["reason"] and "150" in row["reason"]
    assert corpus.articles["outlet"].tolist() == ["B"]


@pytest.mark.parametrize("data, line, column, problem", [
    pytest.param(b"id,outlet,text\n1,A,ok.\n2,B,too,many\n", 3, 9, "expected 3 fields",
                 id="too-many-fields"),
    pytest.param(b"id,outlet,text\n1,A,ok.\n2,B\n", 3, "text", "found 2", id="too-few-fields"),
    pytest.param(b"id,outlet,text\n1,A,ok.\n2,B,\"never closed\n3,C,x\n", 3, 5, "never closed",
                 id="unclosed-quote"),
    pytest.param(b"id,outlet,text\n1,A,\"bad\"quote\n", 2, 10, "not valid CSV", id="stray-quote"),
])
def test_malformed_csv_names_file_line_and_column(tmp_path, data, line, column, problem):
    path = write(tmp_path / "bad.csv", data)
    with pytest.raises(CorpusFormatError) as info:
        load_corpus(path)
    err = info.value
    assert (err.path, err.line, err.column) == (str(path), line, column)
    assert str(path) in str(err) and f"line {line}," in str(err) and "column" in str(err)
    assert problem in str(err)


@pytest.mark.parametrize("data", [b"", b"\n\n  \n"], ids=["empty", "blank-lines"])
def test_empty_csv_is_refused(tmp_path, data):
    path = write(tmp_path / "e.csv", data)
    with pytest.raises(CorpusFormatError, match="empty file"):
        load_corpus(path)


def test_csv_with_only_a_header_is_an_empty_corpus(tmp_path):
    corpus = load_corpus(write(tmp_path / "h.csv", b"outlet,text\n"))
    assert len(corpus) == 0 and len(inputs_of(corpus)) == 0
    assert corpus.load_report["status"].tolist() == ["read"]  # the columns it has


def test_binary_csv_is_refused(tmp_path):
    path = write(tmp_path / "x.csv", b"PK\x03\x04" + bytes(100))
    with pytest.raises(CorpusFormatError, match="expected a text file"):
        load_corpus(path)


def test_csv_in_cp1252(tmp_path):
    path = write(tmp_path / "a.csv",
                 b"outlet,text\nLe Caf\xe9,caf\xe9 \x93quoted\x94 story. Yes.\n")
    corpus = load_corpus(path)
    art = corpus.articles.iloc[0]
    assert art["outlet"] == "Le Caf\u00e9"
    assert art["text"] == "caf\u00e9 \u201cquoted\u201d story. Yes."
    row = inputs_of(corpus).iloc[0]
    assert row["status"] == "loaded_with_warning" and "cp1252" in row["reason"]


def test_csv_with_bom_and_crlf(tmp_path):
    path = write(tmp_path / "a.csv",
                 codecs.BOM_UTF8
                 + b"id,outlet,text\r\n1,A,\"Line one.\r\nLine two.\"\r\n2,B,Two.\r\n")
    corpus = load_corpus(path, id_col="id")
    assert corpus.articles["article_id"].tolist() == ["1", "2"]
    assert corpus.articles["text"].tolist() == ["Line one.\nLine two.", "Two."]
    assert inputs_of(corpus)["input"].tolist() == [f"{path}, line 2", f"{path}, line 4"]
    assert inputs_of(corpus)["status"].tolist() == ["loaded", "loaded"]


@pytest.mark.parametrize("given, expected, warning", [
    ("11 December 2017", "2017-12-11", None),
    ("2017-12-11", "2017-12-11", None),
    ("Mon, 11 Dec 2017 09:00:00 +0300", "2017-12-11", None),
    ("2017-12-11T23:30:00Z", "2017-12-11", None),
    ("2018-10", "2018-10", None),
    ("2018", "2018", None),
    ("December 2017", "2017-12", None),  # no day given: none invented
    ("someday", "someday", "not a date"),
    ("2017-02-30", "2017-02-30", "not a valid calendar date"),
    ("2017-13", "2017-13", "not a valid calendar date"),
    ("11 December", "11 December", "no year"),  # no year given: none invented
    ("today", "today", "not a date"),  # not the day the code happens to run
])
def test_csv_dates_are_normalised(tmp_path, given, expected, warning):
    path = write(tmp_path / "d.csv", f"outlet,date,text\nA,\"{given}\",Story. Yes.\n".encode())
    corpus = load_corpus(path)
    assert corpus.articles.loc[0, "date"] == expected
    row = inputs_of(corpus).iloc[0]
    if warning is None:
        assert row["status"] == "loaded" and row["reason"] == ""
    else:
        assert row["status"] == "loaded_with_warning"
        assert warning in row["reason"] and repr(given) in row["reason"]
    assert normalize_date(given) == (expected, row["reason"] or None)


def test_tsv_is_refused(tmp_path):
    path = write(tmp_path / "a.tsv", b"outlet\ttext\nA\tStory.\n")
    with pytest.raises(CorpusError, match="tab-separated"):
        load_corpus(path)


# ------------------------------------------------------------------ JSONL

def test_jsonl_with_mapping_and_blank_lines(tmp_path):
    path = write(tmp_path / "a.jsonl", (
        '{"id": "j1", "src": "Outlet J", "body": "First story. Caf\\u00e9.", '
        '"when": "11 December 2017"}\n'
        "\n"
        "   \n"
        '{"id": "j2", "src": null, "body": "Second story. Yes.", "extra": {"k": 1}}\n').encode())
    corpus = load_corpus(path, id_col="id", outlet_col="src", text_col="body", date_col="when")
    check_report_shape(corpus)
    assert inputs_of(corpus)["input"].tolist() == [f"{path}, line 1", f"{path}, line 4"]
    assert corpus.articles["article_id"].tolist() == ["j1", "j2"]
    assert corpus.articles["outlet"].tolist() == ["Outlet J", "unknown"]
    assert corpus.articles["text"].tolist() == ["First story. Caf\u00e9.", "Second story. Yes."]
    assert article_of(corpus, "j1")["date"] == "2017-12-11"
    assert corpus.load_report["status"].tolist() == ["read", "loaded", "loaded_with_warning"]
    assert "other columns kept as extra article columns: extra" in corpus.load_report.loc[0, "reason"]


def test_jsonl_row_without_text_is_skipped(tmp_path):
    path = write(tmp_path / "a.jsonl", b'{"text": "Story. Yes.", "outlet": "A"}\n{"outlet": "B"}\n')
    corpus = load_corpus(path)
    row = row_of(corpus, f"{path}, line 2")
    assert row["status"] == "skipped" and "no article text" in row["reason"]


def test_jsonl_mapped_column_that_does_not_exist(tmp_path):
    path = write(tmp_path / "a.jsonl", b'{"text": "Story.", "outlet": "A"}\n')
    with pytest.raises(ColumnError, match=r"outlet_col 'source' is not a column of .*a\.jsonl; "
                                          r"columns are: outlet, text"):
        load_corpus(path, outlet_col="source")


@pytest.mark.parametrize("bad_line, column, problem", [
    ('{"text": oops}', 10, "invalid JSON"),
    ('{"text": "unterminated}', 10, "invalid JSON"),
    ('["text", "b"]', 1, "expected a JSON object (one article a line), found an array"),
    ('"just a string"', 1, "found a string"),
    ("42", 1, "found a number"),
])
def test_malformed_jsonl_names_file_line_and_column(tmp_path, bad_line, column, problem):
    path = write(tmp_path / "bad.jsonl",
                 ('{"text": "a"}\n{"text": "b"}\n' + bad_line + '\n{"text": "d"}\n').encode())
    with pytest.raises(CorpusFormatError) as info:
        load_corpus(path)
    err = info.value
    assert (err.path, err.line, err.column) == (str(path), 3, column)
    assert str(path) in str(err) and "line 3," in str(err) and f"column {column}" in str(err)
    assert problem in str(err)


@pytest.mark.parametrize("data", [b"", b"\n  \n\n"], ids=["empty", "blank-lines"])
def test_empty_jsonl_is_refused(tmp_path, data):
    path = write(tmp_path / "e.jsonl", data)
    with pytest.raises(CorpusFormatError, match="empty file") as info:
        load_corpus(path)
    assert str(path) in str(info.value)


def test_ndjson_is_jsonl(tmp_path):
    path = write(tmp_path / "a.ndjson", b'{"text": "Story. Yes.", "outlet": "A"}\n')
    assert load_corpus(path).articles["outlet"].tolist() == ["A"]


# ------------------------------------------------------------------ DataFrame

@pytest.mark.parametrize("dtype", [object, "string"])
@pytest.mark.parametrize("missing", [None, np.nan, pd.NA], ids=["None", "NaN", "NA"])
def test_dataframe_with_missing_values(dtype, missing):
    frame = pd.DataFrame({
        "text": ["First story. Yes.", "Second story. Yes.", missing],
        "outlet": ["Outlet A", missing, "Outlet C"],
        "title": [missing, "Title B", "Title C"],
    }, dtype=dtype)
    corpus = load_corpus(frame)
    check_report_shape(corpus)
    report = inputs_of(corpus)
    assert report["input"].tolist() == ["DataFrame, row 1", "DataFrame, row 2", "DataFrame, row 3"]
    assert report["status"].tolist() == ["loaded", "loaded_with_warning", "skipped"]
    assert "no outlet" in report.loc[1, "reason"]
    assert "no article text" in report.loc[2, "reason"]
    assert row_of(corpus, "DataFrame (columns)")["reason"] == (
        "columns read by their own names: outlet, title, text; no other columns")
    assert corpus.articles["article_id"].tolist() == ["row-1", "row-2"]
    assert corpus.articles["outlet"].tolist() == ["Outlet A", "unknown"]
    assert pd.isna(corpus.articles.loc[0, "title"])  # not the string "nan" or "<NA>"
    assert corpus.articles.loc[1, "title"] == "Title B"


def test_dataframe_with_mapping_and_other_dtypes():
    frame = pd.DataFrame({
        "body": ["First story. Yes.", "Second story. Yes."],
        "source": ["A", "B"],
        "id": [10, 11],
        "published": pd.to_datetime(["2017-12-11", None]),
        "score": [0.5, np.nan],
    })
    corpus = load_corpus(frame, text_col="body", outlet_col="source", id_col="id",
                         date_col="published")
    check_report_shape(corpus)
    assert inputs_of(corpus)["status"].tolist() == ["loaded", "loaded"]  # NaT is missing
    assert "kept as extra article columns: score" in row_of(corpus, "DataFrame (columns)")["reason"]
    assert corpus.articles["article_id"].tolist() == ["10", "11"]
    assert corpus.articles.loc[0, "date"] == "2017-12-11"
    assert pd.isna(corpus.articles.loc[1, "date"])
    assert pd.isna(corpus.articles.loc[1, "score"])


def test_dataframe_mapped_column_that_does_not_exist():
    frame = pd.DataFrame({"text": ["Story."], "outlet": ["A"]})
    with pytest.raises(ColumnError, match="^outlet_col 'source' is not a column of DataFrame; "
                                          "columns are: text, outlet$"):
        load_corpus(frame, outlet_col="source")


def test_dataframe_with_non_string_column_names():
    with pytest.raises(ColumnError, match="text_col 'text' is not a column of DataFrame; "
                                          "columns are: 0, 1"):
        load_corpus(pd.DataFrame({0: ["Story."], 1: ["A"]}))


def test_empty_dataframe():
    corpus = load_corpus(pd.DataFrame({"text": [], "outlet": []}))
    assert len(corpus) == 0 and len(inputs_of(corpus)) == 0


# ------------------------------------------------------------------ single files and bad paths

@pytest.mark.parametrize("name, data, text", [
    ("one.txt", b"Single story, they said.\nMore text.\n", "Single story, they said.\nMore text."),
    ("one.html", b"<p>Single story, they said.</p><p>More text.</p>",
     "Single story, they said.\n\nMore text."),
])
def test_single_file_is_a_corpus_of_one(tmp_path, name, data, text):
    path = write(tmp_path / name, data)
    corpus = load_corpus(str(path))  # a str works as well as a Path
    assert corpus.load_report["input"].tolist() == [name]
    assert corpus.articles["article_id"].tolist() == ["one"]
    assert corpus.articles.loc[0, "text"] == text


def test_single_binary_file_is_skipped(tmp_path):
    corpus = load_corpus(write(tmp_path / "x.txt", b"\x89PNG\r\n\x1a\n" + bytes(50)))
    assert corpus.load_report["status"].tolist() == ["skipped"]
    assert "binary" in corpus.load_report.loc[0, "reason"]


def test_nonexistent_source(tmp_path):
    missing = tmp_path / "no" / "such.csv"
    with pytest.raises(SourceNotFoundError) as info:
        load_corpus(missing)
    assert isinstance(info.value, FileNotFoundError)
    assert str(missing) in str(info.value)


@pytest.mark.parametrize("name", ["book.xlsx", "notes.md", "noext"])
def test_unsupported_source(tmp_path, name):
    path = write(tmp_path / name, b"PK\x03\x04")
    with pytest.raises(CorpusError) as info:
        load_corpus(path)
    assert str(path) in str(info.value) and "unsupported corpus source" in str(info.value)
    assert (Path(name).suffix or "without a suffix") in str(info.value)


def test_missing_events_file(tmp_path):
    path = write(tmp_path / "a.csv", b"outlet,text\nA,Story.\n")
    with pytest.raises(SourceNotFoundError, match="events.csv"):
        load_corpus(path, events=tmp_path / "events.csv")


# ------------------------------------------------------------------ the exception tree

def _bad_sources(tmp_path: Path):
    """One call per kind of refusal, each on a fixture of its own."""
    write(tmp_path / "ok" / "a.txt", body("a").encode())
    calls = {
        "missing": lambda: load_corpus(tmp_path / "missing"),
        "xlsx": lambda: load_corpus(write(tmp_path / "x.xlsx", b"PK\x03\x04")),
        "tsv": lambda: load_corpus(write(tmp_path / "x.tsv", b"a\tb\n")),
        "max_bytes": lambda: load_corpus(tmp_path / "ok", max_bytes=0),
        "manifest-missing": lambda: load_corpus(tmp_path / "ok", manifest=tmp_path / "m.csv"),
        "manifest-column": lambda: load_corpus(tmp_path / "ok", file_col="path"),
        "csv-fields": lambda: load_corpus(write(tmp_path / "f.csv", b"a,text\n1,2,3\n")),
        "csv-quote": lambda: load_corpus(write(tmp_path / "q.csv", b"a,text\n1,\"2\n")),
        "csv-column": lambda: load_corpus(write(tmp_path / "c.csv", b"a,b\n1,2\n")),
        "jsonl-json": lambda: load_corpus(write(tmp_path / "j.jsonl", b"{nope}\n")),
        "jsonl-array": lambda: load_corpus(write(tmp_path / "a.jsonl", b"[1]\n")),
        "dataframe-column": lambda: load_corpus(pd.DataFrame({"a": [1]})),
    }
    return calls


@pytest.mark.parametrize("kind, builtin", [
    ("missing", FileNotFoundError), ("xlsx", ValueError), ("tsv", ValueError),
    ("max_bytes", ValueError), ("manifest-missing", FileNotFoundError),
    ("manifest-column", KeyError), ("csv-fields", ValueError), ("csv-quote", ValueError),
    ("csv-column", KeyError), ("jsonl-json", ValueError), ("jsonl-array", ValueError),
    ("dataframe-column", KeyError),
])
def test_every_refusal_is_a_mediacompare_error(tmp_path, kind, builtin):
    with pytest.raises(MediaCompareError) as info:
        _bad_sources(tmp_path)[kind]()
    assert isinstance(info.value, builtin)
    assert str(info.value)  # a message, not an empty error


# ------------------------------------------------------------------ command line

def _cli_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "corp"
    write(folder / "a.txt", body("alpha").encode())
    write(folder / "b.html", b"<h1>Bee Headline Here</h1><p>" + body("beta").encode() + b"</p>")
    write(folder / "empty.txt", b"")
    write(folder / "photo.png", b"\x89PNG\r\n\x1a\n")
    write(folder / "manifest.csv", b"file,outlet\na.txt,Outlet A\nb.html,Outlet B\n")
    return folder


def test_cli_corpus_prints_every_input(tmp_path, capsys):
    folder = _cli_folder(tmp_path)
    assert main(["corpus", str(folder)]) == 0
    out = capsys.readouterr().out
    for label in ("corp/a.txt", "corp/b.html", "corp/empty.txt", "corp/photo.png"):
        assert label in out
    assert "Load report" in out and "skipped" in out and "Outlet B" in out
    assert "2 articles" in out


def test_cli_corpus_passes_options(tmp_path, capsys):
    folder = _cli_folder(tmp_path)
    assert main(["corpus", str(folder), "--max-bytes", "10"]) == 0
    assert "0 articles" in capsys.readouterr().out


@pytest.mark.parametrize("command", ["corpus", "export"])
def test_cli_bad_input_exits_3_naming_the_file(tmp_path, capsys, command):
    folder = tmp_path / "corp"
    write(folder / "a.txt", body("a").encode())
    manifest = write(folder / "manifest.csv", b"file,outlet\na.txt,A,extra\n")
    args = [command, str(folder)]
    if command == "export":
        args += ["--out", str(tmp_path / "out")]
    assert main(args) == 3
    captured = capsys.readouterr()
    assert str(manifest) in captured.err and "line 2" in captured.err
    assert captured.err.startswith(f"mediacompare {command}: error:")
    assert not (tmp_path / "out").exists()


def test_cli_missing_source_exits_3(tmp_path, capsys):
    assert main(["corpus", str(tmp_path / "nowhere")]) == 3
    assert str(tmp_path / "nowhere") in capsys.readouterr().err


def test_cli_export_writes_tables_that_round_trip(tmp_path, capsys):
    folder = _cli_folder(tmp_path)
    out = tmp_path / "out"
    assert main(["export", str(folder), "--out", str(out)]) == 0
    stdout = capsys.readouterr().out
    expected = {"articles.csv", "sentences.csv", "tokens.csv", "load_report.csv",
                "removed_lines.csv", "credits.csv"}
    assert expected <= {p.name for p in out.iterdir()}
    for name in expected:
        assert str(out / name) in stdout
    corpus = load_corpus(folder)
    articles = pd.read_csv(out / "articles.csv", dtype=str, keep_default_na=False)
    assert articles["article_id"].tolist() == corpus.articles["article_id"].tolist()
    assert articles["text"].tolist() == corpus.articles["text"].tolist()
    assert "removed" not in articles.columns and "credits" not in articles.columns
    report = pd.read_csv(out / "load_report.csv", dtype=str, keep_default_na=False)
    assert report["input"].tolist() == corpus.load_report["input"].tolist()
    assert report["status"].tolist() == corpus.load_report["status"].tolist()
    sentences = pd.read_csv(out / "sentences.csv", dtype=str, keep_default_na=False)
    assert set(sentences["article_id"]) == set(corpus.articles["article_id"])


def test_cli_export_of_a_csv_with_mapping(tmp_path, capsys):
    path = write(tmp_path / "a.csv",
                 b"id,source,body\n007,Src,Story one. Yes.\n008,Src,Two. Yes.\n")
    out = tmp_path / "out"
    assert main(["export", str(path), "--out", str(out), "--id-col", "id",
                 "--outlet-col", "source", "--text-col", "body"]) == 0
    articles = pd.read_csv(out / "articles.csv", dtype=str, keep_default_na=False)
    assert articles["article_id"].tolist() == ["007", "008"]
    assert articles["outlet"].tolist() == ["Src", "Src"]


@pytest.mark.parametrize("argv", [["--help"], ["corpus", "--help"], ["export", "--help"],
                                  ["report", "--help"]])
def test_cli_help_exits_0(capsys, argv):
    with pytest.raises(SystemExit) as info:
        main(argv)
    assert info.value.code == 0
    assert "usage: mediacompare" in capsys.readouterr().out


def test_dataframe_numeric_ids_with_a_gap_stay_integers():
    frame = pd.DataFrame({"id": [7, None, 9], "text": ["One story.", "Two story.", "Three story."]})
    corpus = load_corpus(frame, id_col="id")
    assert corpus.articles["article_id"].tolist() == ["7", "row-2", "9"]


def _written_corpus(tmp_path: Path) -> dict[str, Path]:
    rows = [{"article_id": f"a{i}", "outlet": f"Outlet {i % 3}", "title": f"Headline number {i}",
             "text": f"Headline number {i}\n\nThe “regime” said {i} things.\n\nAdvertisement\n\n"
                     + "More words here. " * (i % 7)}
            for i in range(40)]
    rows.append({"article_id": "empty", "outlet": "Outlet 1", "text": ""})
    frame = pd.DataFrame(rows)
    paths = {"csv": tmp_path / "c.csv", "jsonl": tmp_path / "c.jsonl", "folder": tmp_path / "f"}
    frame.to_csv(paths["csv"], index=False)
    frame.to_json(paths["jsonl"], orient="records", lines=True, force_ascii=False)
    paths["folder"].mkdir()
    for row in rows:
        (paths["folder"] / f"{row['article_id']}.txt").write_text(row["text"], encoding="utf-8")
    return paths


def test_texts_stored_as_they_come_give_the_same_corpus(tmp_path, monkeypatch):
    from mediacompare.corpus import build

    paths = _written_corpus(tmp_path)
    sources = [None, *paths.values()]
    whole = [load_corpus(s, progress=False) for s in sources]
    monkeypatch.setattr(build._TextColumns, "CHUNK_CHARS", 50)  # a chunk every article or two
    for source, expected in zip(sources, whole):
        got = load_corpus(source, progress=False)
        pd.testing.assert_frame_equal(got.articles, expected.articles)
        pd.testing.assert_frame_equal(got.load_report, expected.load_report)
        assert (got.articles["text"] == [t for t in expected.articles["text"]]).all()
    assert (whole[2].load_report["status"] == "skipped").sum() == 1  # the empty text, reported


def test_building_a_corpus_lets_go_of_each_input_text(tmp_path):
    from mediacompare.corpus.build import Input, build_corpus

    made = []

    def inputs():  # a generator: read one at a time, as a folder's files are
        for i in range(3):
            item = Input(label=f"x{i}", raw=f"Text number {i}.", default_id=f"x{i}")
            made.append(item)
            yield item

    corpus = build_corpus(inputs(), progress=False, total=3)
    assert corpus.articles["text"].tolist() == ["Text number 0.", "Text number 1.", "Text number 2."]
    assert corpus.articles["raw"].tolist() == corpus.articles["text"].tolist()
    assert [item.raw for item in made] == [None, None, None]
