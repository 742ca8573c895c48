"""One execution for both audiences when the answers only show things (report/isolation.py)."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

import mediacompare.corpus
from mediacompare.report import build_report
from mediacompare.report import execute as execute_module
from mediacompare.report.isolation import answers_isolated
from mediacompare.report.run import _runs
from mediacompare.report.pages import _inspect

from test_report import _fake_loader, _unexecuted, fake_corpus

PARAMETERS = "corpus_source = None\ncorpus_options = {}\nlexicon_options = {}\nframing_options = {}"


def notebook(folder: Path, *cells: tuple[str, str | None], name: str = "01-exercise.ipynb") -> Path:
    """A notebook of code cells ``(source, tag)`` after a parameters cell."""
    nb = nbformat.v4.new_notebook()
    nb.cells.append(nbformat.v4.new_markdown_cell("# Shared exercise"))
    nb.cells.append(nbformat.v4.new_code_cell(PARAMETERS, metadata={"tags": ["parameters", "remove-cell"]}))
    for source, tag in cells:
        nb.cells.append(nbformat.v4.new_code_cell(source, metadata={"tags": [tag]} if tag else {}))
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    nbformat.write(nb, path)
    return path


@pytest.mark.parametrize("cells", [
    [("x = [1, 2]", None), ("print(sorted(x))", "solution"), ("print(len(x))", None)],
    # names an answer makes for itself, and changes to them, stay inside it
    [("x = [1, 2]", None), ("y = list(x)\ny.append(3)\ny[0] = 9\nprint(y)", "solution"),
     ("print(x)", None)],
    # a later answer may read what an earlier answer bound; lab-only cells are not run
    [("a = 1", "solution"), ("print(a + 1)", "solution"), ("print(a)", "lab-only"), ("print(2)", None)],
    # magics are read as IPython reads them
    [("%time print(1)", None), ("t = 2 * 3\nt", "solution"), ("print('after')", None)],
], ids=["display only", "own objects", "answer to answer", "magics"])
def test_answers_that_only_show_things_are_isolated(tmp_path, cells):
    assert answers_isolated(notebook(tmp_path, *cells)) == (True, "")


@pytest.mark.parametrize(("cells", "why"), [
    ([("a = 1", "solution"), ("print(a)", None)], "reads a, bound by an answer"),
    ([("import math", "solution"), ("print(math.pi)", None)], "reads math"),
    ([("def f(): pass", "solution"), ("f()", None)], "reads f"),
    ([("A = 1", "solution"), ("print('A' in globals())", None)], "reads the namespace"),
    ([("A = 1", "solution"), ("%who", None)], "reads the namespace"),
    ([("rows = []", None), ("rows.append(1)", "solution"), ("print(rows)", None)], "calls append on rows"),
    ([("import pandas as pd\ndf = pd.DataFrame({'a': [1]})", None),
      ("df.drop(columns='a', inplace=True)", "solution"), ("df", None)], "calls drop on df"),
    ([("d = {}", None), ("d['k'] = 1", "solution"), ("d", None)], "changes d in place"),
    ([("class C: pass\nc = C()", None), ("c.x = 1", "solution"), ("c", None)], "changes c in place"),
    ([("import mediacompare as mc", None), ("mc.load_lexicon(extend=True)", "solution"),
      ("print(1)", None)], "calls load_lexicon"),
    ([("import numpy as np", None), ("np.random.rand()", "solution"), ("np.random.rand()", None)],
     "uses random"),
    ([("global z\nz = 1", "solution"), ("print(2)", None)], "declares global names"),
    ([("print(", "solution"), ("print(2)", None)], "does not parse"),
])
def test_answers_that_may_change_what_others_show_are_not(tmp_path, cells, why):
    isolated, reason = answers_isolated(notebook(tmp_path, *cells))
    assert not isolated and why in reason


def test_runs_share_only_isolated_notebooks_with_several_audiences(tmp_path):
    shared = notebook(tmp_path, ("print('Q')", None), ("print('A')", "solution"), name="01-a.ipynb")
    apart = notebook(tmp_path, ("a = 1", "solution"), ("print(a)", None), name="02-b.ipynb")
    plain = notebook(tmp_path, ("print('Q')", None), name="03-c.ipynb")
    books = [_inspect(p) for p in (shared, apart, plain)]
    both = ("student", "teacher")
    assert _runs(books, both) == [(0, both), (1, ("student",)), (1, ("teacher",)), (2, both)]
    assert _runs(books, ("student",)) == [(0, ("student",)), (1, ("student",)), (2, ("student",))]


def test_one_run_serves_both_pages_and_the_student_sees_no_answer(tmp_path, monkeypatch):
    folder = tmp_path / "nb"
    notebook(folder, ("print('QUESTION-OUT')", None),
             ("answer = 'SECRET' + '-ANSWER'\nprint(answer)", "solution"),
             ("print('AFTER-' + str(6 * 7))", None))
    calls = []
    real = execute_module.run_notebook

    def run(path, parameters, *, timeout, drop_tags=frozenset(), kernel=None):
        calls.append(sorted(drop_tags))
        return real(path, parameters, timeout=timeout, drop_tags=drop_tags, kernel=kernel)

    monkeypatch.setattr(mediacompare.corpus, "load_corpus", _fake_loader(fake_corpus()))
    monkeypatch.setattr(execute_module, "run_notebook", run)
    result = build_report(tmp_path / "r", notebooks_dir=folder, timeout=120, jobs=1)
    assert result.ok, result.failed
    assert calls == [["lab-only"]]  # one kernel, the answers run
    student = (tmp_path / "r/student/01-exercise.html").read_text(encoding="utf-8")
    teacher = (tmp_path / "r/teacher/01-exercise.html").read_text(encoding="utf-8")
    for text in (student, teacher):
        assert "<pre>QUESTION-OUT" in text and "<pre>AFTER-42" in text
    assert "<pre>SECRET-ANSWER" in teacher and "SECRET" not in student
    assert not re.search(r'class="[^"]*celltag_solution', student)


def test_a_failed_shared_run_gives_the_student_its_own_run(tmp_path, monkeypatch):
    folder = tmp_path / "nb"
    notebook(folder, ("print('Q')", None), ("print('A')", "solution"))
    calls = []

    def run(path, parameters, *, timeout, drop_tags=frozenset(), kernel=None):
        calls.append(sorted(drop_tags))
        outcome = _unexecuted(path, parameters, timeout=timeout, drop_tags=drop_tags)
        if "solution" in drop_tags:
            return outcome
        return execute_module.RunOutcome(outcome.notebook, execute_module.ExecutionFailure(
            summary="the answer failed", cell_source="print('A')", cell_index=3, details=""))

    monkeypatch.setattr(mediacompare.corpus, "load_corpus", _fake_loader(fake_corpus()))
    monkeypatch.setattr(execute_module, "run_notebook", run)
    result = build_report(tmp_path / "r", notebooks_dir=folder, jobs=1)
    assert calls == [["lab-only"], ["lab-only", "solution"]]
    status = {p.audience: p.status for p in result.pages}
    assert status == {"student": "ok", "teacher": "failed"}
