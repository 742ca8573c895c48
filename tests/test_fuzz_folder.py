"""The load report accounts for every input of a fuzzed folder (issue 13, "done when").

Hypothesis builds folders of random names (any script, spaces, dots, hidden files, odd or no
suffixes), contents (text in a dozen encodings with or without a byte-order mark, binary
bytes, empty and blank files, files over the size limit), subfolders, and symbolic links into
the folder, out of it, dangling and looping. Both ``load_corpus`` and the streaming path must
give every entry exactly one row, never read a file outside the folder, and agree.
"""

from __future__ import annotations

import os
from itertools import count
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import mediacompare as mc

SECRET = "OUTSIDE-THE-CORPUS-FOLDER"
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "cp1251",
             "cp1252", "latin-1", "koi8_r", "shift_jis", "gb2312"]
MAX_BYTES = 3_000

names = st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="/\x00"),
                min_size=1, max_size=12).filter(lambda n: n not in (".", "..")
                                                 and len(n.encode("utf-8")) < 120)
suffixes = st.sampled_from([".txt", ".html", ".htm", ".TXT", ".Html", ".csv", ".pdf", ".md", ""])
contents = st.one_of(
    st.tuples(st.text(max_size=400), st.sampled_from(ENCODINGS)).map(
        lambda t: t[0].encode(t[1], errors="replace")),
    st.tuples(st.text(max_size=200), st.sampled_from(ENCODINGS)).map(
        lambda t: f"<html><body><h1>Head</h1><p>{t[0]}</p></body></html>".encode(t[1], "replace")),
    st.binary(max_size=400),
    st.sampled_from([b"", b"   \n\t  ", b"%PDF-1.4 binary", b"\xef\xbb\xbf", b"\xff\xfe",
                     "\u200b\u200c\u200d".encode() * 30, b"word " * 1000]),
)
entries = st.lists(st.tuples(
    st.sampled_from(["file", "file", "file", "subfolder", "link_in", "link_dir_in", "link_out",
                     "link_dir_out", "dangling", "loop"]),
    names, suffixes, contents), min_size=1, max_size=10)

_n = count()


def build(root: Path, spec) -> Path:
    """Write a corpus folder (and a folder outside it) from the drawn entries."""
    outside = root / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text(f"{SECRET}: a private note, officials said.", encoding="utf-8")
    (outside / "dir").mkdir()
    (outside / "dir" / "more.txt").write_text(f"{SECRET} in a folder.", encoding="utf-8")
    folder = root / "corpus"
    folder.mkdir()
    made: list[Path] = []
    for kind, name, suffix, data in spec:
        name = name + suffix
        if name.lower() in ("manifest.csv", "events.csv", "outlets.csv"):
            name = "_" + name
        where = folder / "sub" if kind == "subfolder" else folder
        where.mkdir(exist_ok=True)
        path = where / name
        if path.exists() or path.is_symlink():
            continue
        if kind in ("file", "subfolder"):
            path.write_bytes(data)
            made.append(path)
        elif kind == "link_in":
            if made:
                path.symlink_to(made[-1])
        elif kind == "link_dir_in":
            (folder / "sub").mkdir(exist_ok=True)
            path.symlink_to(folder / "sub", target_is_directory=True)
        elif kind == "link_out":
            path.symlink_to(outside / "secret.txt")
        elif kind == "link_dir_out":
            path.symlink_to(outside / "dir", target_is_directory=True)
        elif kind == "dangling":
            path.symlink_to(root / "nowhere" / name)
        elif kind == "loop":
            path.symlink_to(path)
    return folder


def expected_inputs(folder: Path) -> set[str]:
    """Every entry under the folder that is not a folder (links are entries, never followed)."""
    out = set()
    for here, dirs, files in os.walk(folder, followlinks=False):
        rel = Path(here).relative_to(folder)
        for name in files + [d for d in dirs if (Path(here) / d).is_symlink()]:
            out.add(f"{folder.name}/{(rel / name).as_posix()}".replace("/./", "/"))
    return {label.replace(f"{folder.name}/./", f"{folder.name}/") for label in out}


@settings(max_examples=30, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(spec=entries)
def test_every_input_of_a_fuzzed_folder_has_one_row(tmp_path, spec):
    root = tmp_path / f"case{next(_n)}"
    root.mkdir()
    folder = build(root, spec)
    expected = expected_inputs(folder)

    corpus = mc.load_corpus(folder, max_bytes=MAX_BYTES, progress=False)
    report = corpus.load_report
    inputs = report[~report["status"].str.startswith("read")]
    assert sorted(inputs["input"]) == sorted(expected)  # each entry once, nothing else
    loaded = inputs[inputs["status"].str.startswith("loaded")]
    assert loaded["article_id"].tolist() == corpus.articles["article_id"].tolist()
    assert not any(SECRET in text for text in corpus.articles["raw"])
    assert inputs["reason"].map(lambda r: isinstance(r, str)).all()
    skipped = inputs[inputs["status"] == "skipped"]
    assert (skipped["reason"].str.len() > 0).all()

    streamed = [row for row, _ in mc.iter_articles(folder, max_bytes=MAX_BYTES, progress=False)]
    assert [(r["input"], r["status"]) for r in streamed] == list(zip(report["input"],
                                                                      report["status"]))
    agg = mc.stream_aggregates(folder, max_bytes=MAX_BYTES, progress=False)
    assert agg.load_report["input"].tolist() == report["input"].tolist()
