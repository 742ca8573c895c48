"""The explorer in a real JupyterLab, driven in Debian's Chromium by Playwright.

JupyterLab is started the way the README says (``--allow-root`` when run as
root), on a copy of ``06-explore.ipynb``, with no token and the app exposed to
the page so the test can run every cell. Then, as a student would: the
explorer's lists appear, choosing one outlet narrows the text and the counts to
that outlet's articles, choosing one category leaves only that category's
marks; nothing logs an error and nothing is requested from anywhere but the
local JupyterLab server (its widget manager ships in ``jupyterlab_widgets``).

Skipped, like the other browser tests, without Chromium (failing instead when
``MEDIACOMPARE_REQUIRE_BROWSER=1``), and skipped without JupyterLab.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from test_browser import ARTIFACTS, FLAGS, browser  # noqa: F401  (the fixture)

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK = ROOT / "notebooks" / "06-explore.ipynb"

pytestmark = [pytest.mark.browser, pytest.mark.notebooks]

#: True once the notebook's kernel is started, connected and idle (JupyterLab may
#: replace the first kernel it starts for a newly opened notebook).
_KERNEL_READY = """() => {
  const app = window.jupyterapp;
  const widget = app && app.shell && app.shell.currentWidget;
  if (!widget || !widget.sessionContext || !widget.sessionContext.isReady) return false;
  if (!app.commands.hasCommand('notebook:run-all-cells')) return false;
  const kernel = widget.sessionContext.session && widget.sessionContext.session.kernel;
  return !!kernel && kernel.connectionStatus === 'connected' && kernel.status === 'idle';
}"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """A JupyterLab server on a copy of the explorer notebook; yields its base URL."""
    pytest.importorskip("jupyterlab", reason="JupyterLab is not installed (pip install -e '.[lab]')")
    home = tmp_path_factory.mktemp("lab")
    folder = home / "notebooks"
    folder.mkdir()
    shutil.copy(NOTEBOOK, folder / NOTEBOOK.name)
    port = _free_port()
    env = dict(os.environ, PYTHONPATH=str(ROOT), JUPYTER_CONFIG_DIR=str(home / "config"),
               JUPYTER_RUNTIME_DIR=str(home / "runtime"))
    env.pop("MEDIACOMPARE_STATIC", None)
    command = [sys.executable, "-m", "jupyterlab", "--no-browser", f"--port={port}",
               "--ip=127.0.0.1", f"--notebook-dir={folder}", "--ServerApp.token=",
               "--ServerApp.password=", "--LabApp.expose_app_in_browser=True"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--allow-root")  # as the README says: JupyterLab refuses root without it
    log = open(home / "lab.log", "w", encoding="utf-8")
    server = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT, cwd=home)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                with urllib.request.urlopen(f"{url}/api/status", timeout=2):
                    break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    log.flush()
                    pytest.fail("JupyterLab did not start:\n"
                                + (home / "lab.log").read_text(encoding="utf-8")[-3000:])
                time.sleep(0.5)
        yield url
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()


def test_the_explorer_reacts_in_jupyterlab(browser, lab):  # noqa: F811
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    requests, errors = [], []
    page.on("request", lambda r: requests.append(r.url))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        page.goto(f"{lab}/lab/tree/{NOTEBOOK.name}")
        page.wait_for_function(_KERNEL_READY, timeout=120_000)
        page.evaluate("() => window.jupyterapp.commands.execute('notebook:run-all-cells')")
        lists = page.locator(".widget-select-multiple select")
        try:
            lists.first.wait_for(timeout=180_000)
        except Exception:
            ARTIFACTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(ARTIFACTS / "jupyterlab-explorer-failed.png"))
            raise
        assert lists.count() == 4  # outlets, events, articles, categories
        status = page.locator(".widget-html-content").nth(1)
        page.wait_for_function("n => document.querySelectorAll('mark.mc-span').length > n",
                               arg=10, timeout=60_000)
        everything = status.inner_text()

        outlets = lists.nth(0).locator("option").all_inner_texts()
        assert len(outlets) >= 2
        one = outlets[1]
        lists.nth(0).select_option(label=one)
        page.wait_for_function("([el, before]) => el.innerText !== before",
                               arg=[status.element_handle(), everything], timeout=60_000)
        narrowed = status.inner_text()
        assert "from 1 outlet" in narrowed and one.replace("\xa0", " ") in narrowed.replace(
            "\xa0", " ")
        article_options = lists.nth(2).locator("option").count()
        assert 1 <= article_options < 5 or len(outlets) == 1

        shown = page.evaluate(
            "() => [...new Set([...document.querySelectorAll('mark.mc-span')].map("
            "e => [...e.classList].find(c => c.startsWith('mc-cat-')).slice(7)))].sort()")
        assert shown, "the chosen outlet's text shows no mark"
        category = shown[-1]
        lists.nth(3).select_option(label=category)
        page.wait_for_function(
            "cat => { const m = [...document.querySelectorAll('mark.mc-span')];"
            " return m.length > 0 && m.every(e => e.classList.contains('mc-cat-' + cat)); }",
            arg=category, timeout=60_000)
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        lists.first.scroll_into_view_if_needed()
        page.screenshot(path=str(ARTIFACTS / "jupyterlab-explorer.png"))
    finally:
        page.close()
    assert errors == [], errors
    outside = sorted({u for u in requests if not u.startswith((lab, "data:", "blob:"))})
    assert outside == []


def test_make_lab_opens_copies_in_an_untracked_folder(tmp_path):
    """Editing the tracked notebooks in JupyterLab broke `make test`: `make lab` copies them
    to a folder git ignores, without the report's worksheet cells, keeping earlier work."""
    import json

    from mediacompare.report.lab import lab_copies

    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "--notebook-dir=$(LAB_DIR)" in makefile and "mediacompare.report.lab $(LAB_DIR)" in makefile
    assert "LAB_DIR ?= lab" in makefile
    assert "/lab/" in (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()
    written, kept = lab_copies(tmp_path / "lab")
    assert len(written) == len(list((ROOT / "notebooks").glob("*.ipynb"))) and kept == []
    spot = json.loads((tmp_path / "lab" / "07-exercise-spot-the-loaded-words.ipynb").read_text())
    tags = [t for c in spot["cells"] for t in c.get("metadata", {}).get("tags", [])]
    assert "report-only" not in tags and "lab-only" in tags  # the self-checks stay
    mine = tmp_path / "lab" / "07-exercise-spot-the-loaded-words.ipynb"
    mine.write_text("my work", encoding="utf-8")
    written, kept = lab_copies(tmp_path / "lab")
    assert written == [] and mine in kept and mine.read_text(encoding="utf-8") == "my work"
