"""Kernels reused across the notebooks of a build (report/kernels.py, report/kernel_state.py).

Each worker of a build runs its notebooks one after another in one kernel, reset before
each notebook to the state of a fresh kernel. These tests run a notebook that reads every
piece of that state in a fresh kernel and in a kernel that first ran a notebook changing
it, and compare what they show; and check when a kernel must be replaced.
"""

from __future__ import annotations

import os
import re
import textwrap
import time
from pathlib import Path

import nbformat
import pytest

import mediacompare.corpus
from mediacompare.report import build_report
from mediacompare.report.execute import kernel_sockets, run_notebook
from mediacompare.report.isolation import leaves_traces
from mediacompare.report.kernels import NotebookKernel

from test_report import _fake_loader, fake_corpus

PARAMETERS = "corpus_source = None\ncorpus_options = {}\nlexicon_options = {}\nframing_options = {}"
NO_PARAMETERS = {"corpus_source": None, "corpus_options": {}, "lexicon_options": {},
                 "framing_options": {}}


def write_notebook(folder: Path, name: str, *sources: str) -> Path:
    nb = nbformat.v4.new_notebook()
    nb.cells.append(nbformat.v4.new_code_cell(PARAMETERS, metadata={"tags": ["parameters"]}))
    nb.cells += [nbformat.v4.new_code_cell(textwrap.dedent(s).strip()) for s in sources]
    path = folder / name
    nbformat.write(nb, path)
    return path


def shown(outcome) -> list:
    """What a run shows: every code cell's execution count and outputs."""
    assert outcome.failure is None, outcome.failure
    return [(c.get("execution_count"), c.get("outputs")) for c in outcome.notebook.cells
            if c.cell_type == "code"]


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("kernels")
    (root / "helper.py").write_text(textwrap.dedent("""
        import warnings

        def warn():
            warnings.warn("a warning from the same line of a library, each notebook")
    """), encoding="utf-8")
    (root / "mine.csv").write_text(
        "term,category,neutral_alternative,note,source,confidence\n"
        "zorblax,emotive,plain,a word of the test,test,high\n", encoding="utf-8")
    return root


#: A notebook that changes, by calls the reset undoes, every piece of state it restores.
CHANGES = (
    """
    import logging, os, warnings
    import numpy as np, pandas as pd, matplotlib
    import mediacompare as mc
    import helper
    secret = 42
    helper.warn()
    """,
    """
    pd.set_option("display.max_rows", 3)
    matplotlib.rc("lines", linewidth=9)
    np.set_printoptions(precision=2)
    warnings.simplefilter("ignore", DeprecationWarning)
    logging.getLogger().setLevel(logging.DEBUG)
    mc.set_progress(True)
    lexicon = mc.load_lexicon(os.path.abspath("mine.csv"), extend=True)
    os.chdir("/")
    np.random.seed(1)
    pd.DataFrame({"n": range(10)})
    """,
    "print(pd.get_option('display.max_rows'), matplotlib.rcParams['lines.linewidth'])",
)

#: A notebook that shows every piece of that state.
READS = (
    """
    import logging, os, warnings
    import numpy as np, pandas as pd, matplotlib
    import mediacompare as mc
    from mediacompare.progress import progress_enabled
    import helper
    print(sorted(globals()))
    """,
    "helper.warn()",
    """
    print(pd.get_option("display.max_rows"), matplotlib.rcParams["lines.linewidth"],
          np.get_printoptions()["precision"], np.array([1 / 3]))
    print(os.getcwd() == os.path.dirname(os.path.abspath(helper.__file__)),
          logging.getLogger().level, progress_enabled(), len(In), len(Out))
    print([(action, str(module)) for action, _, category, module, _ in warnings.filters
           if category is DeprecationWarning])
    print(sum("zorblax" in (e.term,) for e in mc.load_lexicon().entries))
    """,
    "pd.DataFrame({'n': range(100)})",
    """
    from matplotlib.figure import Figure
    axes = Figure().subplots()
    axes.bar(["first", "second"], [1, 2])
    print(list(axes.get_xticks()), axes.xaxis.get_converter().__class__.__name__)
    """,
    "print('secret' in globals(), 'lexicon' in globals())",
)


def test_a_reused_kernel_shows_what_a_fresh_kernel_shows(folder):
    changes = write_notebook(folder, "01-changes.ipynb", *CHANGES)
    reads = write_notebook(folder, "02-reads.ipynb", *READS)
    assert leaves_traces(nbformat.read(changes, as_version=4)) == ""  # the kernel is kept
    with kernel_sockets():
        fresh = run_notebook(reads, NO_PARAMETERS, timeout=120)
        kernel = NotebookKernel(folder)
        try:
            before = run_notebook(changes, NO_PARAMETERS, timeout=120, kernel=kernel)
            after = run_notebook(reads, NO_PARAMETERS, timeout=120, kernel=kernel)
            again = run_notebook(reads, NO_PARAMETERS, timeout=120, kernel=kernel)
            assert kernel.started == 1 and kernel.alive  # one kernel ran the three
        finally:
            kernel.dispose()
    assert shown(before)[-1][1][0]["text"] == "3 9.0\n"  # the first notebook did change things
    assert shown(after) == shown(fresh)
    assert shown(again) == shown(fresh)
    outputs = shown(fresh)
    assert [count for count, _ in outputs] == list(range(1, len(outputs) + 1))
    text = "".join(o.get("text", "") for _, cell in outputs for o in cell)
    assert "a warning from the same line" in text  # shown again
    assert text.endswith("False False\n")


def test_a_name_defined_by_one_notebook_is_not_seen_by_the_next(tmp_path):
    first = write_notebook(tmp_path, "01.ipynb", "left_behind = 'by the first notebook'")
    second = write_notebook(tmp_path, "02.ipynb",
                            "print('left_behind' in globals(), 'left_behind' in dir())")
    with kernel_sockets():
        kernel = NotebookKernel(tmp_path)
        try:
            run_notebook(first, NO_PARAMETERS, timeout=60, kernel=kernel)
            outcome = run_notebook(second, NO_PARAMETERS, timeout=60, kernel=kernel)
            assert kernel.started == 1
        finally:
            kernel.dispose()
    assert shown(outcome)[-1] == (3, [nbformat.v4.new_output(
        "stream", name="stdout", text="False False\n")])


def test_a_kernel_is_replaced_after_a_failure_a_timeout_or_what_it_cannot_undo(tmp_path):
    ok = write_notebook(tmp_path, "ok.ipynb", "import os\nprint('PID', os.getpid())")
    notebooks = [  # (notebook, seconds allowed per cell, whether it fails)
        (write_notebook(tmp_path, "fails.ipynb", "raise ValueError('on purpose')"), 60, True),
        (write_notebook(tmp_path, "slow.ipynb", "import time\ntime.sleep(60)"), 3, True),
        # an item stored into a module's object: leaves_traces
        (write_notebook(tmp_path, "stores.ipynb", "import matplotlib\n"
                        "matplotlib.rcParams['lines.linewidth'] = 7"), 120, False),
        # pyplot installs hooks a reset cannot take back: the reset refuses
        (write_notebook(tmp_path, "pyplot.ipynb", "import matplotlib.pyplot as plt"), 120, False),
    ]
    pids = []
    with kernel_sockets():
        kernel = NotebookKernel(tmp_path)
        try:
            for notebook, timeout, fails in notebooks:
                pids.append(_pid(run_notebook(ok, NO_PARAMETERS, timeout=30, kernel=kernel)))
                outcome = run_notebook(notebook, NO_PARAMETERS, timeout=timeout, kernel=kernel)
                assert (outcome.failure is not None) == fails, outcome.failure
            pids.append(_pid(run_notebook(ok, NO_PARAMETERS, timeout=30, kernel=kernel)))
            pids.append(_pid(run_notebook(ok, NO_PARAMETERS, timeout=30, kernel=kernel)))
        finally:
            kernel.dispose()
    assert len(set(pids[:-1])) == len(notebooks) + 1   # a new kernel after each
    assert pids[-1] == pids[-2]                         # and kept after a plain notebook
    for pid in set(pids):
        _gone(pid)


def test_a_build_runs_its_notebooks_in_one_kernel_per_worker_and_shuts_them_down(
        tmp_path, monkeypatch):
    folder = tmp_path / "nb"
    folder.mkdir()
    for name in ("01-a.ipynb", "02-b.ipynb", "03-c.ipynb"):
        write_notebook(folder, name, "import os\nprint('PID', os.getpid())")
    monkeypatch.setattr(mediacompare.corpus, "load_corpus", _fake_loader(fake_corpus()))
    result = build_report(tmp_path / "r", notebooks_dir=folder, jobs=1, timeout=60,
                          audiences="student")
    assert result.ok, result.failed
    pids = {int(re.search(r"PID (\d+)", (result.out_dir / p.html).read_text("utf-8")).group(1))
            for p in result.pages}
    assert len(pids) == 1 and result.kernels == 1
    _gone(pids.pop())


@pytest.mark.parametrize(("source", "why"), [
    ("rows = []\nrows.append(1)\nprint(rows)", ""),
    ("import pandas as pd\npd.set_option('display.max_rows', 5)", ""),
    ("import mediacompare as mc\nlex = mc.load_lexicon()\nmc.set_progress(False)", ""),
    ("%time x = 1", ""),
    ("!echo hello", ""),
    ("import mediacompare as mc\nmc.CATEGORY_STYLES['x'] = 1", "changes mc in place"),
    ("import mediacompare as mc\ncorpus = mc.load_corpus()\ncorpus.articles['x'] = 1",
     "changes corpus in place"),
    ("t = load()\nt.update({'a': 1})", "calls update on t"),
    ("t = []\nt = load()\nt.append(1)", "calls append on t"),
    ("import matplotlib\nmatplotlib.use('Agg')", "calls use"),
    ("%matplotlib inline", "runs the magic %matplotlib"),
    ("%config InlineBackend.figure_format = 'svg'", "runs the magic %config"),
    ("%time mc.CATEGORY_STYLES.clear()", "calls clear on mc"),
    ("import importlib, mediacompare\nimportlib.reload(mediacompare)", "uses reload"),
    ("import sys\nsys.path.insert(0, '.')", "sys"),
    ("setattr(object, 'x', 1)", "uses setattr"),
    ("import seaborn\nseaborn.set_theme()", "calls set_theme"),
    ("print(", "does not parse"),
])
def test_leaves_traces(source, why):
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(source)])
    found = leaves_traces(nb)
    assert (found == "") if not why else (why in found), found


def _pid(outcome) -> int:
    assert outcome.failure is None, outcome.failure
    return int(re.search(r"PID (\d+)", outcome.notebook.cells[-1].outputs[0]["text"]).group(1))


def _gone(pid: int) -> None:
    """The process ``pid`` has ended (within a few seconds)."""
    for _ in range(50):
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.1)
    pytest.fail(f"the kernel (pid {pid}) still runs")


def test_a_kernel_runs_and_shuts_down_from_a_thread_running_an_event_loop(tmp_path):
    """As from Playwright's synchronous API, or a caller using asyncio."""
    import asyncio

    ok = write_notebook(tmp_path, "ok.ipynb", "import os\nprint('PID', os.getpid())")

    async def caller():
        with kernel_sockets():
            kernel = NotebookKernel(tmp_path)
            try:
                return _pid(run_notebook(ok, NO_PARAMETERS, timeout=60, kernel=kernel))
            finally:
                kernel.dispose()

    _gone(asyncio.run(caller()))
