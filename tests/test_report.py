"""Tests of the static HTML report (mediacompare.report).

Most tests build from the small notebooks in ``tests/fixtures/report/`` with a
fake corpus, so they do not depend on the analyses. The tests marked
``notebooks`` build the real report from ``notebooks/`` and the seeds: this is
how the test suite executes every notebook (select with ``-m notebooks``).
"""

from __future__ import annotations

import re
import subprocess
import sys
from dataclasses import dataclass
from datetime import datetime, timezone
from html.parser import HTMLParser
from pathlib import Path

import nbformat
import pandas as pd
import pytest

import mediacompare.corpus
from mediacompare.errors import CorpusError, ReportError, SourceNotFoundError
from mediacompare.report import PageRecord, ReportResult, build_report
from mediacompare.report import build as build_module
from mediacompare.report import execute as execute_module
from mediacompare.report.execute import RunOutcome
from mediacompare.report.index import index_page

FIXTURES = Path(__file__).parent / "fixtures" / "report"
PAYLOAD = "<script>alert(1)</script>"


# --------------------------------------------------------------------------- helpers

_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.\-]*:")
_CSS_COMMENT = re.compile(r"/\*.*?\*/", re.S)
_CSS_URL = re.compile(r"""url\(\s*(['"]?)(.*?)\1\s*\)""", re.I | re.S)
_CSS_IMPORT = re.compile(r"""@import\s+(?:url\(\s*)?['"]?([^'")\s;]+)""", re.I)
_SCRIPT_URL = re.compile(r"(?:https?:)?//[a-z0-9\-]+(?:\.[a-z0-9\-]+)+", re.I)
#: Attributes whose value is a URL (loaded or navigated to).
_URL_ATTRS = {"src", "href", "srcset", "poster", "data", "action", "formaction", "background",
              "xlink:href", "cite", "longdesc", "manifest", "ping", "codebase", "archive",
              "icon", "lowsrc", "usemap", "profile"}


def is_external(url: str) -> bool:
    """True for a URL that points outside the page folder (anything but data:, relative, #)."""
    url = url.strip().strip("'\"").strip()
    if url.lower().startswith("data:"):
        return False
    return url.startswith(("//", "\\\\")) or bool(_SCHEME.match(url))


def css_externals(css: str) -> list[str]:
    css = _CSS_COMMENT.sub("", css)
    urls = [m.group(2) for m in _CSS_URL.finditer(css)] + _CSS_IMPORT.findall(css)
    return [u for u in urls if is_external(u)]


class _ExternalFinder(HTMLParser):
    """Collects every external URL of a page: attributes, CSS, scripts."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._in: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if value is None:
                continue
            if name == "srcset":
                urls = [part.strip().split(" ")[0] for part in value.split(",")]
            elif name in _URL_ATTRS:
                urls = [value]
            elif name == "style":
                urls = css_externals(value)
            elif tag == "meta" and name == "content" and "url=" in value.lower():
                urls = [value.lower().split("url=", 1)[1]]
            else:
                urls = []
            self.found += [f"<{tag} {name}={u!r}>" for u in urls if is_external(u)]
        if tag in ("style", "script"):
            self._in.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag in ("style", "script"):
            self._in.pop()

    def handle_endtag(self, tag):
        if self._in and self._in[-1] == tag:
            self._in.pop()

    def handle_data(self, data):
        if self._in and self._in[-1] == "style":
            self.found += [f"<style> {u!r}" for u in css_externals(data)]
        elif self._in and self._in[-1] == "script":
            self.found += [f"<script> {u!r}" for u in _SCRIPT_URL.findall(data)]


def external_resources(html_text: str) -> list[str]:
    """Every external URL in a page (empty for a self-contained page)."""
    finder = _ExternalFinder()
    finder.feed(html_text)
    finder.close()
    return finder.found


def page(out: Path, name: str) -> str:
    return (out / name).read_text(encoding="utf-8")


def leftovers(parent: Path) -> list[str]:
    """Temporary folders a build left beside its report."""
    return sorted(p.name for p in parent.iterdir() if ".tmp-" in p.name or ".old-" in p.name)


@dataclass
class FakeCorpus:
    articles: pd.DataFrame
    load_report: pd.DataFrame

    def digest(self) -> str:
        return "d" * 64


def fake_corpus(title: str = "A calm headline") -> FakeCorpus:
    articles = pd.DataFrame({
        "article_id": ["a1", "a2"], "outlet": ["Outlet A", "Outlet B"],
        "publisher": ["Pub A", None], "date": ["2017-12-11", None],
        "event_id": ["e1", "e1"], "title": [title, "Second"], "text": ["x", "y"]})
    report = pd.DataFrame({"input": ["a1.txt", "a2.txt", "junk.bin"],
                           "article_id": ["a1", "a2", None],
                           "status": ["loaded", "loaded", "skipped"],
                           "reason": ["", "", "not text"]})
    return FakeCorpus(articles, report)


def _fake_loader(corpus: FakeCorpus):
    def load_corpus(source=None):
        return corpus
    return load_corpus


# --------------------------------------------------------------------------- builds

@dataclass
class Build:
    result: ReportResult
    out: Path
    source: str  # the absolute corpus path the notebooks received


def _build_basic(root: Path, name: str) -> Build:
    """Build the fixture notebooks with a fake corpus, from a relative corpus path."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(mediacompare.corpus, "load_corpus", _fake_loader(fake_corpus()))
        mp.chdir(root)
        result = build_report(name, corpus_source="my corpus", notebooks_dir=FIXTURES / "basic",
                              timeout=120)
    return Build(result, root / name, str(root / "my corpus"))


@pytest.fixture(scope="module")
def build_root(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("builds")


@pytest.fixture(scope="module")
def basic(build_root) -> Build:
    return _build_basic(build_root, "report")


@pytest.fixture(scope="module")
def rebuilt(build_root) -> Build:
    """The same build again (same inputs), over an older report with a stale page."""
    old = build_root / "report-again"
    old.mkdir()
    (old / "index.html").write_text('<html><head><meta name="generator" content="mediacompare 0">'
                                    "</head><body>OLD REPORT</body></html>", encoding="utf-8")
    (old / "stale.html").write_text("stale", encoding="utf-8")
    return _build_basic(build_root, "report-again")


# --------------------------------------------------------------------------- the checker itself

@pytest.mark.parametrize("snippet", [
    '<script src="https://cdn.example.org/x.js"></script>',
    '<link rel="stylesheet" href="//cdn.example.org/x.css">',
    '<img src="http://example.org/a.png">',
    '<a href="https://example.org/">a navigation link</a>',
    "<style>body { background: url('https://example.org/b.png'); }</style>",
    '<style>@import "https://example.org/c.css";</style>',
    '<div style="background:url(//example.org/d.png)"></div>',
    "<script>var s = document.createElement('script'); s.src = 'https://unpkg.com/x';</script>",
    '<img srcset="a.png 1x, https://example.org/b.png 2x">',
])
def test_external_checker_flags_every_kind_of_external_url(snippet):
    assert external_resources(snippet), snippet


def test_external_checker_accepts_local_and_data_urls():
    page_text = ('<a href="#top">x</a><a href="02-x.html">y</a>'
                 '<img src="data:image/png;base64,AAAA">'
                 "<style>/* see https://example.org */ a { b: url(data:image/svg+xml;base64,AA) }</style>"
                 '<svg xmlns="http://www.w3.org/2000/svg"></svg>')
    assert external_resources(page_text) == []


# --------------------------------------------------------------------------- fixture report

def test_every_notebook_gets_a_page_and_the_index_links_it(basic):
    assert sorted(p.name for p in basic.out.iterdir()) == ["index.html", "report.css", "student",
                                                           "teacher"]
    for audience in ("student", "teacher"):
        names = sorted(p.name for p in (basic.out / audience).iterdir())
        assert names == ["01-passing.html", "02-failing.html", "03-after.html", "notebooks"]
        assert sorted(p.name for p in (basic.out / audience / "notebooks").iterdir()) == [
            "01-passing.ipynb", "02-failing.ipynb", "03-after.ipynb"]
    assert [(p.notebook, p.audience) for p in basic.result.pages] == [
        (name, audience) for name in ("01-passing.ipynb", "02-failing.ipynb", "03-after.ipynb")
        for audience in ("student", "teacher")]
    assert basic.result.out_dir == basic.out
    index = page(basic.out, "index.html")
    for record in basic.result.pages:  # a page without answers is the same for both audiences:
        if record.audience == "student" or record.solutions:  # the index links one of them
            assert f'href="{record.html}"' in index and f'href="{record.handout}"' in index
    assert "Passing fixture: a plot" in index and "After the failure" in index
    assert leftovers(basic.out.parent) == []


def test_plot_is_embedded_as_a_data_uri(basic):
    assert 'src="data:image/png;base64,' in page(basic.out, "student/01-passing.html")


def test_no_page_loads_or_links_anything_external(basic):
    for path in sorted(basic.out.rglob("*.html")):
        assert external_resources(path.read_text(encoding="utf-8")) == [], path.name


def test_corpus_source_is_injected_as_an_absolute_path(basic):
    html_text = page(basic.out, "student/01-passing.html")
    assert f"corpus_source is {basic.source!r}" in html_text  # printed by the notebook
    assert "celltag_injected-parameters" in html_text


def test_remove_cell_and_hide_input_tags_are_honoured(basic):
    html_text = page(basic.out, "student/01-passing.html")
    assert "REMOVED_CELL_SOURCE_MARKER" not in html_text
    assert "removed-cell-output-marker" not in html_text
    assert "HIDDEN_INPUT_SOURCE_MARKER" not in html_text
    assert "visible-output-of-hidden-input" in html_text


def test_failing_notebook_gets_an_error_page_and_the_others_are_built(basic):
    result = basic.result
    assert result.ok is False
    assert [p.notebook for p in result.failed] == ["02-failing.ipynb"] * 2
    failed = result.failed[0]
    assert failed == PageRecord("02-failing.ipynb", "student/02-failing.html", "failed",
                                "ZeroDivisionError: division by zero", "Failing fixture",
                                "student", 0, "student/notebooks/02-failing.ipynb")
    assert [p.status for p in result.pages] == ["ok", "ok", "failed", "failed", "ok", "ok"]
    error = page(basic.out, "student/02-failing.html")
    assert 'href="../index.html"' in error
    assert "02-failing.ipynb" in error and "ZeroDivisionError" in error
    assert "FAILING-CELL-MARKER &lt;b&gt;&amp;&lt;/b&gt;" in error  # the cell, escaped
    assert "<b>&</b>" not in error
    assert "after-the-failure-output" in page(basic.out, "teacher/03-after.html")
    index = page(basic.out, "index.html")
    assert 'class="mc-failed"' in index and "This page could not be made" in index
    assert "ZeroDivisionError: division by zero" in index


def test_notebook_pages_are_byte_for_byte_deterministic(basic, rebuilt):
    for record in basic.result.pages:
        first = (basic.out / record.html).read_bytes()
        second = (rebuilt.out / record.html).read_bytes()
        assert first == second, record.html


def test_output_ids_and_memory_addresses_are_normalised(basic):
    html_text = page(basic.out, "student/01-passing.html")
    assert 'id="mc-output-1"' in html_text  # the JavaScript output's div, not a uuid4
    assert 'id="T_mc1"' in html_text  # the pandas Styler table
    assert "Line2D at 0x…" in html_text
    assert not re.search(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", html_text)
    assert not re.search(r" at 0x[0-9a-f]{6,}", html_text)


def test_index_says_how_the_report_was_made(basic):
    index = page(basic.out, "index.html")
    today = datetime.now(timezone.utc).date().isoformat()
    built = re.search(r"<dt>Built on \(UTC\)</dt><dd>([^<]*)</dd>", index).group(1)
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", built) and built <= today
    assert not re.search(r"\d\d:\d\d", index)  # a date, never a time
    assert "d" * 64 in index  # the corpus hash
    assert f"<dt>mediacompare</dt><dd>{build_module._version()}</dd>" in index
    assert "Outlet A" in index and "junk.bin" in index and "not text" in index
    for other in basic.result.pages:  # only the index carries a date
        assert built not in page(basic.out, other.html)


def test_rebuild_replaces_the_previous_report_whole(rebuilt):
    names = sorted(p.name for p in rebuilt.out.iterdir())
    assert "stale.html" not in names and "OLD REPORT" not in page(rebuilt.out, "index.html")
    assert leftovers(rebuilt.out.parent) == []


# --------------------------------------------------------------------------- failures of the build

def _old_report(folder: Path) -> dict[str, bytes]:
    folder.mkdir()
    (folder / "index.html").write_text('<meta name="generator" content="mediacompare 0.0">good',
                                       encoding="utf-8")
    (folder / "01-old.html").write_text("old page", encoding="utf-8")
    return {p.name: p.read_bytes() for p in folder.iterdir()}


def _unexecuted(path, parameters, *, timeout, drop_tags=frozenset(), kernel=None):
    return RunOutcome(nbformat.read(path, as_version=4), None)


@pytest.mark.parametrize("interruption", [KeyboardInterrupt, RuntimeError])
def test_build_interrupted_midway_leaves_the_old_report_untouched(tmp_path, monkeypatch,
                                                                   interruption):
    out = tmp_path / "report"
    before = _old_report(out)
    calls = []

    def run(path, parameters, *, timeout, drop_tags=frozenset(), kernel=None):
        calls.append(path.name)
        if len(calls) == 2:  # the first page is already written
            raise interruption("stop")
        return _unexecuted(path, parameters, timeout=timeout)

    monkeypatch.setattr(mediacompare.corpus, "load_corpus", _fake_loader(fake_corpus()))
    monkeypatch.setattr(execute_module, "run_notebook", run)
    with pytest.raises(interruption):
        build_report(out, notebooks_dir=FIXTURES / "basic", jobs=1)
    assert calls == ["01-passing.ipynb", "02-failing.ipynb"]
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert leftovers(tmp_path) == []


def test_failure_while_writing_the_index_leaves_the_old_report_untouched(tmp_path, monkeypatch):
    out = tmp_path / "report"
    before = _old_report(out)

    def broken_index(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(mediacompare.corpus, "load_corpus", _fake_loader(fake_corpus()))
    monkeypatch.setattr(execute_module, "run_notebook", _unexecuted)
    monkeypatch.setattr(build_module, "_write_index", broken_index)
    with pytest.raises(OSError, match="disk full"):
        build_report(out, notebooks_dir=FIXTURES / "basic")
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert leftovers(tmp_path) == []


def test_corpus_error_propagates_and_nothing_is_written(tmp_path, monkeypatch):
    def bad_corpus(source=None):
        raise CorpusError("m.csv, line 3: expected 4 fields")

    monkeypatch.setattr(mediacompare.corpus, "load_corpus", bad_corpus)
    with pytest.raises(CorpusError, match="line 3"):
        build_report(tmp_path / "report", notebooks_dir=FIXTURES / "basic")
    assert list(tmp_path.iterdir()) == []


def test_missing_or_empty_notebooks_folder_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(mediacompare.corpus, "load_corpus", _fake_loader(fake_corpus()))
    missing = tmp_path / "no-such-folder"
    with pytest.raises(SourceNotFoundError, match=re.escape(str(missing))):
        build_report(tmp_path / "report", notebooks_dir=missing)
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(SourceNotFoundError, match=re.escape(str(empty))):
        build_report(tmp_path / "report", notebooks_dir=empty)
    assert not (tmp_path / "report").exists()


def test_a_folder_that_is_not_a_report_is_never_replaced(tmp_path, monkeypatch):
    monkeypatch.setattr(mediacompare.corpus, "load_corpus", _fake_loader(fake_corpus()))
    precious = tmp_path / "thesis"
    precious.mkdir()
    (precious / "chapter1.tex").write_text("do not delete", encoding="utf-8")
    with pytest.raises(ReportError, match="not a mediacompare report"):
        build_report(precious, notebooks_dir=FIXTURES / "basic")
    assert (precious / "chapter1.tex").read_text(encoding="utf-8") == "do not delete"


def test_bad_parameters_are_refused_by_name(tmp_path, monkeypatch):
    monkeypatch.setattr(mediacompare.corpus, "load_corpus", _fake_loader(fake_corpus()))
    with pytest.raises(TypeError, match="corpus_source"):
        build_report(tmp_path / "report", corpus_source=pd.DataFrame(),
                     notebooks_dir=FIXTURES / "basic")
    with pytest.raises(ValueError, match="timeout"):
        build_report(tmp_path / "report", notebooks_dir=FIXTURES / "basic", timeout=0)
    assert list(tmp_path.iterdir()) == []


def test_timeout_dead_kernel_and_unreadable_notebook_each_fail_alone(tmp_path, monkeypatch):
    monkeypatch.setattr(mediacompare.corpus, "load_corpus", _fake_loader(fake_corpus()))
    result = build_report(tmp_path / "report", notebooks_dir=FIXTURES / "crash", timeout=3)
    by_name = {p.notebook: p for p in result.pages}
    assert [p.status for p in result.pages] == ["failed"] * 6
    assert "CellTimeoutError" in by_name["01-timeout.ipynb"].error
    assert "DeadKernelError" in by_name["02-dies.ipynb"].error
    assert "could not be read" in by_name["03-not-json.ipynb"].error
    assert "SLOW-CELL-MARKER" in page(result.out_dir, "student/01-timeout.html")
    assert "DYING-CELL-MARKER" in page(result.out_dir, "teacher/02-dies.html")
    assert by_name["03-not-json.ipynb"].handout is None  # no file to hand out
    for path in result.out_dir.rglob("*.html"):
        assert external_resources(path.read_text(encoding="utf-8")) == [], path.name


# --------------------------------------------------------------------------- escaping

def test_index_page_escapes_every_corpus_field():
    evil = '<img src=x onerror="alert(2)">'
    corpus = fake_corpus(title=PAYLOAD)
    corpus.articles.loc[1, ["outlet", "publisher", "event_id", "article_id"]] = [evil] * 4
    corpus.load_report.loc[2, ["input", "reason"]] = [PAYLOAD, evil]
    pages = [PageRecord("01-x.ipynb", "student/01-x.html", "failed", f"ValueError: {PAYLOAD}",
                        evil)]
    html_text = index_page(pages=pages, articles=corpus.articles, load_report=corpus.load_report,
                           digest="0" * 64, version="1.0", build_date="2024-01-01",
                           corpus_label=f"/data/{PAYLOAD}")
    assert PAYLOAD not in html_text and evil not in html_text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html_text
    assert "<script" not in html_text
    assert external_resources(html_text) == []


def test_index_escapes_titles_of_a_real_folder_corpus(tmp_path):
    corpus_dir = tmp_path / "corpus"
    corpus_dir.mkdir()
    (corpus_dir / "article.txt").write_text(
        f"{PAYLOAD} Breaking news\n\nThe body says <img src=x onerror=alert(2)> and more.\n",
        encoding="utf-8")
    result = build_report(tmp_path / "report", corpus_source=corpus_dir,
                          notebooks_dir=FIXTURES / "tiny", timeout=120)
    assert result.ok, result.failed
    index = page(result.out_dir, "index.html")
    assert PAYLOAD not in index and "<script" not in index
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Breaking news" in index
    assert mediacompare.corpus.load_corpus(corpus_dir).digest() in index
    tiny = page(result.out_dir, "student/01-tiny.html")
    assert f"corpus_source is {str(corpus_dir)!r}" in tiny
    # the parameters cell is tagged remove-cell, and the injected cell follows it
    assert "celltag_parameters" not in tiny and "celltag_injected-parameters" not in tiny


# --------------------------------------------------------------------------- import cost

def test_importing_the_report_does_not_import_the_notebook_machinery():
    code = ("import sys, mediacompare, mediacompare.report; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in "
            "('nbconvert', 'nbclient', 'papermill', 'jupyterlab')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=Path(__file__).resolve().parents[1])
    assert out.stdout.strip() == "[]"


# --------------------------------------------------------------------------- the real report

@pytest.fixture(scope="module")
def real_report(seed_report) -> ReportResult:
    """The report of the real notebooks on the bundled seeds (built once, in conftest)."""
    return seed_report


@pytest.mark.notebooks
def test_real_report_every_notebook_runs(real_report):
    problems = [f"{p.notebook}: {p.error}" for p in real_report.failed]
    assert real_report.ok, "notebooks failed:\n" + "\n".join(problems)


@pytest.mark.notebooks
def test_real_report_pages_are_self_contained(real_report):
    pages = sorted(real_report.out_dir.rglob("*.html"))
    assert len(pages) == len(real_report.pages) + 1
    found = {p.name: external_resources(p.read_text(encoding="utf-8")) for p in pages}
    assert {name: urls for name, urls in found.items() if urls} == {}


@pytest.mark.notebooks
def test_real_report_index_links_every_notebook(real_report):
    index = page(real_report.out_dir, "index.html")
    for record in real_report.pages:
        if record.audience == "student" or record.solutions:
            assert f'href="{record.html}"' in index
        assert record.summary and record.minutes, record.notebook  # "what each page shows"
        assert record.title and record.title != Path(record.notebook).stem, (
            f"{record.notebook} has no Markdown heading to title its page")


# --------------------------------------------------------------------------- audiences

@pytest.fixture(scope="module")
def exercise(build_root) -> Build:
    """The exercise fixture in both versions."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(mediacompare.corpus, "load_corpus", _fake_loader(fake_corpus()))
        result = build_report(build_root / "exercise", notebooks_dir=FIXTURES / "exercise",
                              timeout=120)
    return Build(result, build_root / "exercise", "")


def test_student_version_is_run_without_the_solution_cells(exercise):
    assert exercise.result.ok, exercise.result.failed
    student = page(exercise.out, "student/01-exercise.html")
    assert "QUESTION-OUTPUT" in student
    assert "SECRET-ANSWER-42" not in student and "SOLUTION-MARKDOWN-MARKER" not in student
    assert not re.search(r'class="[^"]*celltag_solution', student)
    assert "Teacher's version: answer" not in student
    # the answer cell was not executed either: nothing it defines reaches later cells
    assert "<pre>NO-ANSWER-IN-THIS-RUN" in student and "<pre>ANSWER-WAS-DEFINED" not in student
    assert "Student's version: the answers are not included." in student
    assert 'href="../teacher/01-exercise.html"' in student and 'href="../index.html"' in student


def test_teacher_version_shows_and_marks_every_answer(exercise):
    teacher = page(exercise.out, "teacher/01-exercise.html")
    assert "<pre>SECRET-ANSWER-42" in teacher and "SOLUTION-MARKDOWN-MARKER" in teacher
    assert "<pre>ANSWER-WAS-DEFINED" in teacher
    assert teacher.count("Teacher's version: answer.") == 2  # one marker per answer cell
    assert len(re.findall(r'class="[^"]*celltag_solution-marker\b', teacher)) == 2
    assert len(re.findall(r'class="[^"]*celltag_solution[ "]', teacher)) == 2
    assert "Teacher's version: answers are shown and marked." in teacher
    assert 'href="../student/01-exercise.html"' in teacher
    assert external_resources(teacher) == []


def test_handouts_are_unexecuted_and_the_students_have_no_answers(exercise):
    student = nbformat.read(exercise.out / "student/notebooks/01-exercise.ipynb", as_version=4)
    teacher = nbformat.read(exercise.out / "teacher/notebooks/01-exercise.ipynb", as_version=4)
    tags = [c.metadata.get("tags", []) for c in student.cells]
    assert not any("solution" in t for t in tags)
    assert sum("solution" in c.metadata.get("tags", []) for c in teacher.cells) == 2
    assert len(teacher.cells) == len(student.cells) + 2
    for nb in (student, teacher):
        assert all(c.get("outputs", []) == [] for c in nb.cells if c.cell_type == "code")
    records = {p.audience: p for p in exercise.result.pages}
    assert records["student"].solutions == records["teacher"].solutions == 2


def test_index_links_both_versions_and_the_notebooks_to_download(exercise):
    index = page(exercise.out, "index.html")
    for href in ("student/01-exercise.html", "teacher/01-exercise.html"):
        assert f'href="{href}"' in index
    for href in ("student/notebooks/01-exercise.ipynb", "teacher/notebooks/01-exercise.ipynb"):
        assert f'href="{href}" download>' in index  # a file to save, not JSON in the browser
    assert "Student's handout (print)" in index and "Teacher's version (answers)" in index
    # written for people: no developer columns
    for developer in ("Answer cells", "<th>Error</th>", "<th>File</th>"):
        assert developer not in index


def test_one_audience_builds_only_its_folder(tmp_path, monkeypatch):
    monkeypatch.setattr(mediacompare.corpus, "load_corpus", _fake_loader(fake_corpus()))
    monkeypatch.setattr(execute_module, "run_notebook", _unexecuted)
    result = build_report(tmp_path / "r", notebooks_dir=FIXTURES / "exercise", audiences="student")
    assert sorted(p.name for p in (tmp_path / "r").iterdir()) == ["index.html", "report.css",
                                                                  "student"]
    index = page(tmp_path / "r", "index.html")
    assert "teacher/" not in index and "Teacher's version</th>" not in index
    assert [p.audience for p in result.pages] == ["student"]
    with pytest.raises(ValueError, match="audiences"):
        build_report(tmp_path / "r2", notebooks_dir=FIXTURES / "exercise", audiences="parent")
    with pytest.raises(ValueError, match="audiences"):
        build_report(tmp_path / "r2", notebooks_dir=FIXTURES / "exercise", audiences=[])


def test_a_notebook_without_answers_is_executed_once_for_both(tmp_path, monkeypatch):
    monkeypatch.setattr(mediacompare.corpus, "load_corpus", _fake_loader(fake_corpus()))
    calls = []

    def run(path, parameters, *, timeout, drop_tags=frozenset(), kernel=None):
        calls.append((path.name, sorted(drop_tags)))
        return _unexecuted(path, parameters, timeout=timeout)

    monkeypatch.setattr(execute_module, "run_notebook", run)
    build_report(tmp_path / "r", notebooks_dir=FIXTURES / "basic", jobs=1)
    assert [name for name, _ in calls] == ["01-passing.ipynb", "02-failing.ipynb",
                                           "03-after.ipynb"]
    calls.clear()
    build_report(tmp_path / "r", notebooks_dir=FIXTURES / "exercise", jobs=1)
    # cells only for JupyterLab (typed answers, self-checks) never run for the report
    assert calls == [("01-exercise.ipynb", ["lab-only", "solution"]),
                     ("01-exercise.ipynb", ["lab-only"])]


# --------------------------------------------------------------------------- pages for readers

def test_pages_link_one_style_sheet_and_carry_no_code_prompt_or_theme(basic):
    css = (basic.out / "report.css").read_text(encoding="utf-8")
    assert ".mc-hl .mc-cat-emotive{" in css and "@page{size:A4" in css
    for record in basic.result.pages:
        text = page(basic.out, record.html)
        assert re.search(r'<link[^>]*href="\.\./report\.css"', text)
        assert "In&nbsp;[" not in text and "Out[" not in text  # no prompts
        assert "jp-InputArea-editor" not in text  # no code
        assert "--jp-layout-color0" not in text  # no JupyterLab theme inlined
        assert len(text) < 60_000, record.html
    passing = page(basic.out, "student/01-passing.html")
    assert "import matplotlib.pyplot" not in passing  # the code of a visible cell is hidden
    index = page(basic.out, "index.html")
    assert '<link rel="stylesheet" href="report.css">' in index and "<style" not in index


def test_pages_have_previous_next_and_contents_links(basic):
    first, second = page(basic.out, "student/01-passing.html"), page(basic.out, "student/02-failing.html")
    last = page(basic.out, "teacher/03-after.html")
    assert re.search(r'<a href="02-failing.html" rel="next"', first)
    assert not re.search(r'rel="prev"', first)
    assert re.search(r'<a href="02-failing.html" rel="prev"', last)
    assert 'href="../index.html"' in second  # an error page too leads back to the contents


def test_the_teacher_may_ask_for_the_code_and_the_student_never_sees_it(tmp_path, monkeypatch):
    monkeypatch.setattr(mediacompare.corpus, "load_corpus", _fake_loader(fake_corpus()))
    result = build_report(tmp_path / "r", notebooks_dir=FIXTURES / "exercise", show_code=True,
                          timeout=120)
    assert result.ok, result.failed
    teacher, student = page(result.out_dir, "teacher/01-exercise.html"), page(result.out_dir,
                                                                             "student/01-exercise.html")
    assert "QUESTION-OUTPUT" in teacher and "print" in teacher  # the code is shown
    assert "QUESTION-OUTPUT" in student and "print" not in student


def test_lab_only_cells_stay_in_the_notebooks_and_report_only_cells_in_the_pages(exercise):
    for audience in ("student", "teacher"):
        text = page(exercise.out, f"{audience}/01-exercise.html")
        assert "REPORT-ONLY-WORKSHEET" in text and "LAB-ONLY-SELF-CHECK" not in text
        handout = (exercise.out / audience / "notebooks" / "01-exercise.ipynb").read_text(
            encoding="utf-8")
        assert "LAB-ONLY-SELF-CHECK" in handout and "REPORT-ONLY-WORKSHEET" not in handout


def test_a_page_gets_a_contents_list_of_its_sections():
    from mediacompare.report.export import page_contents

    body = ('<div class="jp-Cell a"><h1 id="t">Title</h1></div><div class="jp-Cell b">'
            '<h2 id="s1">1. First &lt;part&gt;</h2></div><div class="jp-Cell c"><h2 id="s2">'
            "Second</h2></div>")
    out = page_contents(body)
    assert '<a href="#s1">1. First &lt;part&gt;</a>' in out and '<a href="#s2">Second</a>' in out
    assert out.index("mc-toc") < out.index('class="jp-Cell b"')
    one = body.replace('<h2 id="s2">Second</h2>', "<p>Second</p>")
    assert page_contents(one) == one  # fewer than two sections: no contents list


# --------------------------------------------------------------------------- parallel runs

def test_notebooks_run_at_once(tmp_path, monkeypatch):
    """Each fixture notebook waits for the other to have started: they only both pass when
    they run at the same time."""
    folder = tmp_path / "meet"
    folder.mkdir()
    monkeypatch.setenv("MC_RENDEZVOUS", str(folder))
    monkeypatch.setattr(mediacompare.corpus, "load_corpus", _fake_loader(fake_corpus()))
    result = build_report(tmp_path / "r", notebooks_dir=FIXTURES / "parallel", jobs=2,
                          timeout=60, audiences="student")
    assert result.ok, result.failed
    assert "MET-a" in page(result.out_dir, "student/01-a.html")
    assert "MET-b" in page(result.out_dir, "student/02-b.html")


def test_pages_are_the_same_whatever_the_number_of_jobs(basic, build_root):
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(mediacompare.corpus, "load_corpus", _fake_loader(fake_corpus()))
        mp.chdir(build_root)
        result = build_report("report-one-job", corpus_source="my corpus",
                              notebooks_dir=FIXTURES / "basic", timeout=120, jobs=1)
    for record in result.pages:
        assert (result.out_dir / record.html).read_bytes() == (basic.out / record.html).read_bytes()


def test_jobs_must_be_a_positive_whole_number(tmp_path):
    for jobs in (0, -1, 1.5, True):
        with pytest.raises(ValueError, match="jobs"):
            build_report(tmp_path / "r", notebooks_dir=FIXTURES / "basic", jobs=jobs)


def test_kernels_print_no_warning_into_the_build(tmp_path):
    """Kernels talk over IPC sockets: none warns "running over TCP without encryption"."""
    code = ("import sys; from mediacompare.report import build_report; "
            f"build_report({str(tmp_path / 'r')!r}, notebooks_dir={str(FIXTURES / 'tiny')!r}, "
            "progress=False)")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=Path(__file__).resolve().parents[1], timeout=300)
    assert run.returncode == 0, run.stderr[-2000:]
    assert "without encryption" not in run.stderr and "WARNING" not in run.stderr, run.stderr


# --------------------------------------------------------------------------- failures, named

def test_a_failing_plot_names_its_error_not_nonetype(tmp_path, monkeypatch):
    """A label with "$_$" fails while the figure is drawn for display, where the kernel
    names no error; the page and the record say ValueError from the traceback."""
    monkeypatch.setattr(mediacompare.corpus, "load_corpus", _fake_loader(fake_corpus()))
    result = build_report(tmp_path / "r", notebooks_dir=FIXTURES / "mathtext", timeout=120,
                          audiences="student")
    (record,) = result.pages
    assert record.status == "failed"
    assert record.error.startswith("ValueError"), record.error
    assert "NoneType" not in record.error
    assert "ValueError" in page(result.out_dir, record.html)


# --------------------------------------------------------------------------- signals and leftovers

_TERMINATED_BUILD = """
import sys
import mediacompare.report.build as build
from mediacompare.cli import main

build.find_notebooks = lambda folder=None, _f=build.find_notebooks: _f(sys.argv[2])
sys.exit(main(["--no-progress", "report", "--out", sys.argv[1], "--jobs", "1"]))
"""


def test_sigterm_stops_the_build_kills_the_kernel_and_keeps_the_old_report(tmp_path):
    import os
    import signal
    import time

    out = tmp_path / "report"
    before = _old_report(out)
    started = tmp_path / "started"
    env = dict(os.environ, MC_STARTED=str(started))
    build = subprocess.Popen([sys.executable, "-c", _TERMINATED_BUILD, str(out),
                              str(FIXTURES / "slow")], env=env, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True,
                             cwd=Path(__file__).resolve().parents[1])
    try:
        deadline = time.monotonic() + 120
        while not started.exists():
            assert build.poll() is None, build.communicate()
            assert time.monotonic() < deadline, "the slow notebook never started"
            time.sleep(0.2)
        kernel = int(started.read_text() or 0)
        build.send_signal(signal.SIGTERM)
        _, err = build.communicate(timeout=60)
    finally:
        if build.poll() is None:
            build.kill()
    assert build.returncode == 143, err
    assert "terminated" in err and "Traceback" not in err
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert leftovers(tmp_path) == []
    for _ in range(50):  # the kernel was killed with the build
        try:
            os.kill(kernel, 0)
        except ProcessLookupError:
            break
        time.sleep(0.1)
    else:
        pytest.fail(f"the kernel (pid {kernel}) still runs after the build was terminated")


def test_the_command_exits_143_when_terminated(monkeypatch, capsys):
    import mediacompare.report as report_package
    from mediacompare.cli import main
    from mediacompare.report import BuildInterrupted

    def terminated(*args, **kwargs):
        raise BuildInterrupted(15)

    monkeypatch.setattr(report_package, "build_report", terminated)
    assert main(["report"]) == 143
    assert "terminated" in capsys.readouterr().err


def test_stale_temporary_folders_of_killed_builds_are_removed(tmp_path, monkeypatch):
    import json
    import os
    import socket
    import time

    from mediacompare.report import remove_stale

    out = tmp_path / "report"
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()

    def folder(name: str, owner: dict | None, age: float = 0) -> Path:
        path = tmp_path / name
        path.mkdir()
        (path / "page.html").write_text("half a report", encoding="utf-8")
        if owner is not None:
            (path / ".mediacompare-build").write_text(json.dumps(owner), encoding="utf-8")
        if age:
            os.utime(path, (time.time() - age, time.time() - age))
        return path

    host = socket.gethostname()
    dead = folder(".report.tmp-0123abcd", {"pid": gone.pid, "host": host, "started": 0})
    alive = folder(".report.tmp-89abcdef", {"pid": os.getpid(), "host": host, "started": 0})
    old_unowned = folder(".report.tmp-deadbeef", None, age=7200)
    new_unowned = folder(".report.tmp-feedf00d", None)
    other_report = folder(".other.tmp-0123abcd", {"pid": gone.pid, "host": host, "started": 0})
    not_ours = folder(".report.tmp-notours", {"pid": gone.pid, "host": host, "started": 0})
    removed = remove_stale(out)
    assert sorted(p.name for p in removed) == sorted([old_unowned.name, dead.name])
    for kept in (alive, new_unowned, other_report, not_ours):
        assert kept.is_dir(), kept.name
    # and a build does it first
    again = folder(".report.tmp-00000000", {"pid": gone.pid, "host": host, "started": 0})
    monkeypatch.setattr(mediacompare.corpus, "load_corpus", _fake_loader(fake_corpus()))
    monkeypatch.setattr(execute_module, "run_notebook", _unexecuted)
    build_report(out, notebooks_dir=FIXTURES / "tiny")
    assert not again.exists() and (out / "index.html").exists()


def test_a_report_left_aside_by_a_killed_swap_is_put_back(tmp_path):
    import json
    import socket

    from mediacompare.report import remove_stale

    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    holder = tmp_path / ".report.old-0badcafe"
    (holder / "report").mkdir(parents=True)
    (holder / "report" / "index.html").write_text("the good report", encoding="utf-8")
    (holder / ".mediacompare-build").write_text(json.dumps(
        {"pid": gone.pid, "host": socket.gethostname(), "started": 0}), encoding="utf-8")
    remove_stale(tmp_path / "report")
    assert (tmp_path / "report" / "index.html").read_text(encoding="utf-8") == "the good report"
    assert not holder.exists()


@pytest.mark.notebooks
def test_real_report_pages_are_light_and_written_for_readers(real_report):
    """One style sheet for the whole report instead of 263 KB of CSS a page: every page of the
    seed report is under 150 KB, and none shows code, a prompt or setup output."""
    out = real_report.out_dir
    assert (out / "report.css").stat().st_size < 40_000
    for path in sorted(out.rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        assert path.stat().st_size < 150_000, (path.name, path.stat().st_size)
        assert "In&nbsp;[" not in text and "jp-InputArea-editor" not in text, path.name
        assert "<Lexicon:" not in text and "&lt;Lexicon:" not in text, path.name  # setup output
        assert "&lt;Corpus:" not in text, path.name
        assert '<style data-mc-style' not in text, path.name  # in the one style sheet
        assert "application/vnd.jupyter.stderr" not in text, path.name  # no warning printed
    index = page(out, "index.html")
    for part in ("Where to start", "A lesson plan", "What to say about the limits",
                 "How this report was made"):
        assert part in index, part
    assert sum(p.stat().st_size for p in out.rglob("*") if p.is_file()) < 3_000_000
