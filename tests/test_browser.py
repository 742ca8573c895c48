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
- a screenshot of the whole page is saved as a test artifact
  (``MEDIACOMPARE_ARTIFACTS``, default ``test-artifacts/browser/`` in the checkout).

The pages must read as a publication, on the seeds and on another corpus
(``harbour``, see ``conftest``): no code and no ``In [n]`` prompt, no table with
an index column, no ``NaN`` or ``<NA>``, every image with alt text, and nothing
wider than a 1,280-pixel window. The only request a page may make besides
itself is the report's one style sheet. A student's handout prints on A4 with
room to write (Chromium's own PDF printing).

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
        """Requests other than the page itself, data: URIs and the report's style sheet."""
        sheets = {(parent / "report.css").resolve().as_uri() for parent in self.path.parents[:2]}
        return [u for u in self.requests
                if u != self.url and not u.startswith("data:") and u not in sheets]

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
    visit.page.screenshot(path=str(target), full_page=True)
    return target


#: Evaluated in each page: what would make it read as notebook output, not a publication.
_READER_PROBLEMS = r"""() => {
  const found = [];
  const visible = el => { const r = el.getBoundingClientRect();
                          return r.width > 0 && r.height > 0 &&
                                 getComputedStyle(el).visibility !== 'hidden'; };
  for (const el of document.querySelectorAll('.jp-CodeCell .jp-InputArea, .jp-InputPrompt, .jp-OutputPrompt'))
    if (visible(el)) found.push('code or prompt: ' + el.className);
  const text = document.body.innerText;
  const prompt = text.match(/(In|Out)\s*\[\d*\]:/);
  if (prompt) found.push('prompt text: ' + prompt[0]);
  for (const word of ['NaN', '<NA>', 'NaT', 'nan%'])
    if (new RegExp('(^|[^A-Za-z])' + word.replace(/[<>]/g, m => m) + '($|[^A-Za-z])').test(text))
      found.push('missing value shown as ' + word);
  for (const table of document.querySelectorAll('table')) {
    if (table.classList.contains('dataframe')) found.push('a pandas table with its index');
    if (table.querySelector('tbody th')) found.push('a table with row headers (an index)');
  }
  const width = window.innerWidth;
  if (document.documentElement.scrollWidth > width) found.push('the page scrolls sideways: '
      + document.documentElement.scrollWidth + ' px');
  for (const el of document.querySelectorAll('table, img, pre, .mc-ws, .mc-hl, .mc-cmp')) {
    const r = el.getBoundingClientRect();
    if (visible(el) && r.right > width + 1)
      found.push(el.tagName + '.' + el.className + ' cut off at ' + Math.round(r.right) + ' px');
  }
  for (const img of document.querySelectorAll('img')) {
    const alt = (img.getAttribute('alt') || '').trim();
    if (!alt || /no description/i.test(alt) || /^<Figure size/.test(alt))
      found.push('an image without a description: ' + alt);
  }
  return found;
}"""


def _reader_problems(visit: Visit) -> list[str]:
    return visit.page.evaluate(_READER_PROBLEMS)


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
            found += _reader_problems(visit)
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


def test_every_page_of_another_corpus_reads_as_a_publication(browser, other_reports):
    code, out = other_reports["harbour"]
    assert code == 0
    assert _check_every_page(browser, out, "harbour") == {}


def test_a_student_handout_prints_on_a4_with_room_to_write(browser, seed_report, tmp_path):
    """Chromium's own PDF printing: A4 pages, the navigation left out, and the answer lines
    and boxes at least 8 mm high (a handwritten line)."""
    page_path = seed_report.out_dir / "student" / "07-exercise-spot-the-loaded-words.html"
    visit = Visit(browser, page_path)
    try:
        visit.page.emulate_media(media="print")
        sizes = visit.page.evaluate("""() => [...document.querySelectorAll(
            '.mc-ws td.mc-ws-blank, .mc-ws .mc-ws-line')].map(e => e.getBoundingClientRect().height)""")
        hidden = visit.page.evaluate("""() => [...document.querySelectorAll('nav')].every(
            n => getComputedStyle(n).display === 'none')""")
        pdf = tmp_path / "handout.pdf"
        visit.page.pdf(path=str(pdf), prefer_css_page_size=True, print_background=True)
    finally:
        visit.close()
    assert sizes and min(sizes) >= 8 / 25.4 * 96, sizes  # 8 mm at 96 px per inch
    assert hidden, "the navigation prints"
    data = pdf.read_bytes()
    boxes = re.findall(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", data)
    assert boxes, "no page in the PDF"
    for width, height in boxes:  # A4 is 595 x 842 points
        assert abs(float(width) - 595.3) < 2 and abs(float(height) - 841.9) < 2, (width, height)
    assert 1 <= len(boxes) <= 4
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "student-handout-07.pdf").write_bytes(data)


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
