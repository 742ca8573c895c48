"""The built report in a real browser: Debian's Chromium, driven by Playwright.

Every page of both versions (student and teacher) of two reports is opened
headless from disk: the report on the seeds, and the report on a user's CSV
whose articles, titles and outlet names carry script and event-handler
payloads (see ``conftest.HOSTILE``). On every page:

- no request leaves the page (anything but the page's own file and ``data:``
  URIs counts, including a ``file:`` image that a live ``<img src=x>`` would
  fetch);
- the console logs no error and no script throws;
- no dialog opens (every payload calls ``alert``) and no element carries an
  event-handler attribute or a ``javascript:`` link;
- a screenshot is saved as a test artifact (``MEDIACOMPARE_ARTIFACTS``,
  default ``test-artifacts/browser/`` in the checkout).

On the loaded-language page, the highlights and their legend are visible; on
the hostile report, the payloads are shown as text.

Chromium is not bundled: ``.ci/run`` (and ``make test``, when run as root on
Debian) install it with ``apt-get install -y chromium``. Without it these tests
are skipped locally and fail when ``MEDIACOMPARE_REQUIRE_BROWSER=1`` (as CI sets),
so CI can never pass them by skipping.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from conftest import HOSTILE
from mediacompare.display.page import CONTENT_SECURITY_POLICY

CHROMIUM = Path(os.environ.get("MEDIACOMPARE_CHROMIUM", "/usr/bin/chromium"))
#: Headless Chromium as root, with nothing of its own reaching the network.
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run",
         "--disable-quic", "--disable-default-apps", "--disable-extensions"]
ARTIFACTS = Path(os.environ.get("MEDIACOMPARE_ARTIFACTS",
                                Path(__file__).resolve().parents[1] / "test-artifacts" / "browser"))
#: Evaluated in each page: elements with an on* attribute and links to javascript:.
_LIVE_HANDLERS = """() => {
  const bad = [];
  for (const el of document.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      const value = attr.value.trim().toLowerCase();
      if (name.startsWith('on')) bad.push(el.tagName + ' ' + name);
      if (['href', 'src', 'action', 'formaction', 'xlink:href'].includes(name)
          && value.startsWith('javascript:')) bad.push(el.tagName + ' ' + name + '=' + value);
    }
  }
  return bad;
}"""

pytestmark = [pytest.mark.browser, pytest.mark.notebooks]


def _require(reason: str):
    if os.environ.get("MEDIACOMPARE_REQUIRE_BROWSER") == "1":
        pytest.fail(reason + " (MEDIACOMPARE_REQUIRE_BROWSER=1: the browser test must run)")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.is_file():
        _require(f"no Chromium at {CHROMIUM}; install Debian's: apt-get install -y chromium")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _require("Playwright for Python is not installed: pip install -e '.[test]'")
    with sync_playwright() as pw:
        instance = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=FLAGS)
        try:
            yield instance
        finally:
            instance.close()


class Visit:
    """What happened while one page was open."""

    def __init__(self, browser, path: Path):
        self.path = path
        self.url = path.resolve().as_uri()
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.context = browser.new_context(viewport={"width": 1280, "height": 900})
        self.page = self.context.new_page()
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("console", lambda m: self.errors.append(f"console {m.type}: {m.text}")
                     if m.type in ("error", "assert") else None)
        self.page.on("pageerror", lambda e: self.errors.append(f"page error: {e}"))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.goto(self.url, wait_until="load")
        self.page.wait_for_timeout(150)  # let any late script or image error fire

    @property
    def outside(self) -> list[str]:
        """Requests other than the page itself and data: URIs."""
        return [u for u in self.requests if u != self.url and not u.startswith("data:")]

    def live_handlers(self) -> list[str]:
        return self.page.evaluate(_LIVE_HANDLERS)

    def close(self) -> None:
        self.context.close()


def _pages(out: Path) -> list[Path]:
    pages = [out / "index.html"] + sorted((out / "student").glob("*.html")) + \
        sorted((out / "teacher").glob("*.html"))
    assert len(pages) >= 3, f"the report in {out} has no pages"
    return pages


def _shot(visit: Visit, label: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    rel = visit.path.relative_to(visit.path.parents[1] if visit.path.name != "index.html"
                                 else visit.path.parent)
    name = f"{label}-{str(rel.with_suffix('')).replace(os.sep, '-')}.png"
    target = ARTIFACTS / name
    visit.page.screenshot(path=str(target))
    return target


def _check_every_page(browser, out: Path, label: str) -> dict[str, list[str]]:
    problems: dict[str, list[str]] = {}
    for path in _pages(out):
        visit = Visit(browser, path)
        try:
            found = ([f"request {u}" for u in visit.outside] + visit.errors
                     + [f"dialog {d!r}" for d in visit.dialogs]
                     + [f"live handler {h}" for h in visit.live_handlers()])
            policy = visit.page.locator('meta[http-equiv="Content-Security-Policy"]')
            if policy.count() != 1 or policy.get_attribute("content") != CONTENT_SECURITY_POLICY:
                found.append("no content security policy, or another one")
            shot = _shot(visit, label)
            assert shot.stat().st_size > 1000, f"empty screenshot {shot}"
        finally:
            visit.close()
        if found:
            problems[str(path.relative_to(out))] = found
    return problems


def test_every_seed_page_opens_offline_without_errors(browser, seed_report):
    assert seed_report.ok, seed_report.failed
    assert _check_every_page(browser, seed_report.out_dir, "seeds") == {}


def test_hostile_payloads_never_run_and_show_as_text(browser, hostile_report):
    code, out = hostile_report
    assert code == 0
    assert _check_every_page(browser, out, "hostile") == {}
    shown = ""
    for path in [out / "index.html", out / "student" / "01-corpus-overview.html",
                 out / "student" / "02-loaded-language.html"]:
        visit = Visit(browser, path)
        try:
            shown += visit.page.inner_text("body")
        finally:
            visit.close()
    for payload in HOSTILE[:3]:
        assert payload in shown, f"{payload!r} is not shown as text"


def test_highlights_and_legend_are_visible(browser, seed_report):
    for audience in ("student", "teacher"):
        visit = Visit(browser, seed_report.out_dir / audience / "02-loaded-language.html")
        try:
            marks = visit.page.locator("mark.mc-span")
            assert marks.count() > 10
            first = marks.first
            first.scroll_into_view_if_needed()
            assert first.is_visible()
            box = first.bounding_box()
            assert box and box["width"] > 2 and box["height"] > 2
            # the tint is really painted: the mark's background is not transparent
            background = first.evaluate("el => getComputedStyle(el).backgroundColor")
            assert background not in ("rgba(0, 0, 0, 0)", "transparent"), background
            assert re.search(r"\S", first.inner_text())
            legend = visit.page.locator("section.mc-legend").first
            legend.scroll_into_view_if_needed()
            assert legend.is_visible()
            assert "emotive" in legend.inner_text() and "labeling" in legend.inner_text()
            ARTIFACTS.mkdir(parents=True, exist_ok=True)
            legend.screenshot(path=str(ARTIFACTS / f"highlight-legend-{audience}.png"))
            article = visit.page.locator("article.mc-article").first
            article.screenshot(path=str(ARTIFACTS / f"highlight-article-{audience}.png"))
        finally:
            visit.close()


def test_the_checker_catches_what_it_must(browser, tmp_path):
    """The same checks on pages built to fail them: the test is not blind."""
    (tmp_path / "img.html").write_text('<p>x</p><img src="missing.png">', encoding="utf-8")
    (tmp_path / "net.html").write_text('<img src="http://127.0.0.1:9/a.png">', encoding="utf-8")
    (tmp_path / "alert.html").write_text('<script>alert("ran")</script>', encoding="utf-8")
    (tmp_path / "error.html").write_text("<script>undefinedFunction()</script>",
                                         encoding="utf-8")
    (tmp_path / "handler.html").write_text('<a href="javascript:void(0)" onclick="x()">a</a>',
                                           encoding="utf-8")
    (tmp_path / "refused.html").write_text(  # the policy stops the script, and says so
        f'<meta http-equiv="Content-Security-Policy" content="{CONTENT_SECURITY_POLICY}">'
        '<script>alert("ran anyway")</script><img src="https://example.org/a.png">',
        encoding="utf-8")
    visits = {p.stem: Visit(browser, p) for p in sorted(tmp_path.glob("*.html"))}
    try:
        assert any(u.endswith("/missing.png") for u in visits["img"].outside)
        assert any(u.startswith("http://127.0.0.1:9/") for u in visits["net"].outside)
        assert visits["alert"].dialogs == ["ran"]
        assert any("undefinedFunction" in e for e in visits["error"].errors)
        assert len(visits["handler"].live_handlers()) == 2
        refused = visits["refused"]
        assert refused.dialogs == []  # the script did not run
        assert any("Content Security Policy" in e for e in refused.errors), refused.errors
        assert refused.outside == ["https://example.org/a.png"]  # attempts count, even refused
    finally:
        for visit in visits.values():
            visit.close()
