"""Tests of the explorer (mediacompare.display.explorer): the interactive widgets driven
programmatically, the static view, escaping of hostile corpus fields, the caps on big
corpora, and notebook 06 executed in both modes."""

from __future__ import annotations

import base64
import json
import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest

import mediacompare as mc
from mediacompare.display import explorer as ex
from mediacompare.display import explorer_render as exr
from mediacompare.display.explorer import (
    Explorer,
    ExplorerData,
    Selection,
    StaticExplorer,
    render_highlight,
    render_plots,
    render_tables,
    select_articles,
    selection_rates,
)

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK = ROOT / "notebooks" / "06-explore.ipynb"
KHMEIMIM = "2017-12-11-putin-khmeimim"

PAYLOADS = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
            '" onmouseover="alert(1)', '<a href="javascript:alert(1)">click</a>']


# --------------------------------------------------------------------------- helpers

class _Tags(HTMLParser):
    """Every start tag with its attributes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    handle_startendtag = handle_starttag


def tags(html_text: str) -> list[tuple[str, dict]]:
    parser = _Tags()
    parser.feed(html_text)
    parser.close()
    return parser.tags


def assert_safe(html_text: str) -> None:
    """No script, no event handler, no address but data: images, no corpus markup."""
    assert "<script" not in html_text.lower()
    for tag, attrs in tags(html_text):
        assert tag not in ("script", "a", "iframe", "object", "embed", "link"), tag
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, name, value)
            if name in ("src", "href", "srcset", "action", "data"):
                assert (value or "").startswith("data:image/png;base64,"), (tag, name, value)
            assert not (value or "").strip().lower().startswith("javascript:"), (tag, name, value)


def marked_categories(html_text: str) -> set[str]:
    return set(re.findall(r'class="mc-span mc-cat-([a-z_]+)', html_text))


def shown_articles(html_text: str) -> list[str]:
    return re.findall(r'<article class="mc-article" data-article="([^"]*)"', html_text)


def table_rows(html_text: str) -> set[str]:
    """The first cell (the outlet) of every body row of the rates tables."""
    return set(re.findall(r"<tr><td>([^<]*)</td>", html_text))


def headings(html_text: str) -> list[str]:
    """The title of each rates table (a heading, or the summary of a folded low tier)."""
    return [a or b for a, b in re.findall(r"<h4>([^<]*)</h4>|<summary>([^<(]*) \(words",
                                          html_text)]


def option_values(control) -> list[str]:
    return [value for _label, value in control.options]


@pytest.fixture(scope="module")
def seeds():
    return mc.load_corpus()


@pytest.fixture(scope="module")
def data(seeds):
    return ExplorerData.build(seeds)


@pytest.fixture()
def explorer(seeds, monkeypatch):
    monkeypatch.delenv("MEDIACOMPARE_STATIC", raising=False)
    view = mc.explore(seeds, static=False)
    assert isinstance(view, Explorer)
    return view


@pytest.fixture(scope="module")
def static_html(seeds):
    return mc.explore(seeds, static=True).to_html()


@pytest.fixture(scope="module")
def hostile():
    frame = pd.DataFrame({
        "article_id": ["x1", "x2"],
        "outlet": [PAYLOADS[0] + " News", PAYLOADS[2]],
        "title": [PAYLOADS[1], PAYLOADS[3]],
        "event_id": [PAYLOADS[2], PAYLOADS[0]],
        "date": ["2020-01-01", "2020-01-02"],
        "text": ["The regime " + PAYLOADS[0] + " and so-called terrorists " + PAYLOADS[1]
                 + " claimed it. " + PAYLOADS[3] + " " + PAYLOADS[2] + "\n\nThe brutal regime fell.",
                 'He said the ruthless dictator "will fall," officials reportedly said. '
                 + PAYLOADS[3] + " " + PAYLOADS[0]]})
    return mc.load_corpus(frame)


def assert_payloads_escaped(html_text: str) -> None:
    for payload in PAYLOADS:
        assert payload not in html_text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html_text
    assert_safe(html_text)


@pytest.fixture(scope="module")
def many():
    """40 short articles from 8 outlets on 5 events."""
    n = 40
    frame = pd.DataFrame({
        "article_id": [f"a{i:02d}" for i in range(n)],
        "outlet": [f"Outlet {i % 8}" for i in range(n)],
        "event_id": [f"event-{i % 5}" for i in range(n)],
        "title": [f"Headline {i}" for i in range(n)],
        "text": [f"Article {i}: the regime claimed a brutal victory, officials reportedly said."
                 for i in range(n)]})
    return mc.load_corpus(frame)


# --------------------------------------------------------------------------- interactive

def test_widget_exposes_its_controls_and_outputs(explorer):
    for name in ("outlets", "events", "articles", "categories", "voice", "confidence", "reset",
                 "status", "highlight_output", "table_output", "plot_output", "widget"):
        assert hasattr(explorer, name), name
    assert option_values(explorer.articles) == ["000", "001", "002", "003", "004"]
    assert explorer.articles.value == ("000", "001", "002", "003", "004")
    # four side by side, and a note saying one more is selected
    assert shown_articles(explorer.highlight_output.value) == ["000", "001", "002", "003"]
    assert "mc-cols-4" in explorer.highlight_output.value
    assert "Showing the first 4 of 5 selected articles; 1 more" in explorer.highlight_output.value
    assert table_rows(explorer.table_output.value) == {
        "AFP", "Al Arabiya English", "Breitbart News", "Fort Russ News", "Press TV"}
    assert explorer.plot_output.value.count('src="data:image/png;base64,') == 2
    assert "5 of 5 articles selected" in explorer.status.value


def test_choosing_an_outlet_restricts_the_articles_and_every_output(explorer):
    plot_before = explorer.plot_output.value
    explorer.outlets.value = ("AFP",)
    assert option_values(explorer.articles) == ["002"]
    assert explorer.articles.value == ("002",)
    assert shown_articles(explorer.highlight_output.value) == ["002"]
    assert "Showing the first" not in explorer.highlight_output.value
    assert table_rows(explorer.table_output.value) == {"AFP"}
    assert explorer.plot_output.value != plot_before
    # another outlet too: its articles come back, chosen
    explorer.outlets.value = ("AFP", "Press TV")
    assert option_values(explorer.articles) == ["002", "003"]
    assert explorer.articles.value == ("002", "003")
    assert shown_articles(explorer.highlight_output.value) == ["002", "003"]


def test_choosing_an_event_narrows_the_articles_to_it(explorer):
    explorer.events.value = (KHMEIMIM,)
    assert option_values(explorer.articles) == ["001", "002"]
    html = explorer.highlight_output.value
    assert shown_articles(html) == ["001", "002"] and "mc-cols-2" in html
    assert "Different events" not in html
    assert table_rows(explorer.table_output.value) == {"AFP", "Breitbart News"}


def test_an_article_deselected_stays_deselected_when_a_filter_changes(explorer):
    explorer.articles.value = ("000", "002", "003", "004")
    explorer.events.value = (KHMEIMIM,)
    assert explorer.articles.value == ("002",)
    explorer.events.value = explorer.data.events
    assert explorer.articles.value == ("000", "002", "003", "004")
    explorer.reset.click()
    assert explorer.articles.value == ("000", "001", "002", "003", "004")
    assert explorer.selection == Selection(
        article_ids=("000", "001", "002", "003", "004"), outlets=explorer.data.outlets,
        events=explorer.data.events, categories=mc.CATEGORIES)


def test_choosing_one_category_leaves_only_its_cues(explorer):
    assert len(marked_categories(explorer.highlight_output.value)) > 2
    plot_before = explorer.plot_output.value
    explorer.categories.value = ("doubt",)
    assert marked_categories(explorer.highlight_output.value) == {"doubt"}
    table = explorer.table_output.value
    assert "<th>doubt</th>" in table and "emotive" not in table and "labeling" not in table
    assert explorer.plot_output.value != plot_before
    assert "doubt" in explorer.status.value


def test_choosing_an_article_shows_it_and_counts_only_it(explorer, seeds, data):
    explorer.articles.value = ("003",)
    assert shown_articles(explorer.highlight_output.value) == ["003"]
    assert table_rows(explorer.table_output.value) == {"Press TV"}
    # the rates of the selection are label_rates of that article alone
    spans = mc.label(seeds)
    one = seeds.articles[seeds.articles["article_id"] == "003"]
    expected = mc.label_rates(spans[spans["article_id"] == "003"], one)
    got = selection_rates(data, Selection(article_ids=["003"]))
    cols = ["outlet", "category", "confidence", "voice", "n_spans", "n_words"]
    key = ["category", "confidence", "voice"]
    pd.testing.assert_frame_equal(got[cols].sort_values(key).reset_index(drop=True),
                                  expected[cols].sort_values(key).reset_index(drop=True),
                                  check_dtype=False)


def test_voice_and_tier_filter_the_cues(explorer):
    explorer.voice.value = "quoted"
    html = explorer.highlight_output.value
    voices = set(re.findall(r'class="mc-span [^"]*mc-voice-(\w+)', html))
    assert voices == {"quoted"}
    assert "Only cues in quoted speech are marked" in html
    assert [h.split(" · ")[0] for h in headings(explorer.table_output.value)] == ["Quoted speech"] * 2
    assert explorer.plot_output.value.count("<img") == 1

    explorer.voice.value = "both"
    explorer.confidence.value = "high"
    assert set(re.findall(r'class="mc-span [^"]*mc-conf-(\w+)', explorer.highlight_output.value)) == {"high"}
    assert headings(explorer.table_output.value) == [
        "The outlet&#x27;s own voice · high-confidence tier", "Quoted speech · high-confidence tier"]
    explorer.confidence.value = "low"
    assert set(re.findall(r'class="mc-span [^"]*mc-conf-(\w+)', explorer.highlight_output.value)) == {"low"}
    assert headings(explorer.table_output.value) == [
        "The outlet&#x27;s own voice · low-confidence tier", "Quoted speech · low-confidence tier"]


@pytest.mark.parametrize("change, message", [
    ({"articles": ()}, "No article selected"),
    ({"categories": ()}, "No category selected"),
    ({"outlets": ()}, "No outlet selected"),
    ({"events": ()}, "No event selected"),
    ({"outlets": ("AFP",), "events": ("2016-03-14-putin-orders-withdrawal",)},
     "No article of the chosen outlets covers the chosen events"),
])
def test_an_empty_selection_shows_a_message_not_an_error(explorer, change, message):
    for name, value in change.items():
        getattr(explorer, name).value = value
    for output in (explorer.status, explorer.highlight_output, explorer.table_output,
                   explorer.plot_output):
        assert message in output.value
        assert "<img" not in output.value and "<article" not in output.value


def test_the_widget_displays_itself_and_saves_a_static_page(explorer, tmp_path):
    from IPython.core.formatters import format_display_data

    bundle, _ = format_display_data(explorer)
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert bundle["text/plain"] == "<Explorer: 5 articles of 5 selected>"
    explorer.outlets.value = ("Press TV",)
    page = explorer.save(tmp_path / "explore.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert "img-src data:" in page and "default-src 'none'" in page
    assert re.findall(r'<details class="mc-ex-article"><summary>(\d+)', page) == ["003"]
    assert_safe(page)


def test_plots_are_png_and_their_figures_are_cleared(data, monkeypatch):
    made = []
    real = exr.plot_label_rates

    def recording(*args, **kwargs):
        made.append(real(*args, **kwargs))
        return made[-1]

    monkeypatch.setattr(exr, "plot_label_rates", recording)
    html = render_plots(data, Selection(voice="both"))
    images = re.findall(r'src="data:image/png;base64,([^"]+)"', html)
    assert len(images) == 2 == len(made)
    assert all(base64.b64decode(i).startswith(b"\x89PNG\r\n\x1a\n") for i in images)
    assert all(fig.axes == [] for fig in made)  # nothing kept alive by the explorer


def test_selection_rates_over_everything_equal_label_rates(seeds, data):
    expected = mc.label_rates(mc.label(seeds), seeds)
    got = selection_rates(data, Selection())
    key = ["outlet", "category", "confidence", "voice"]
    pd.testing.assert_frame_equal(got.sort_values(key).reset_index(drop=True),
                                  expected[got.columns].sort_values(key).reset_index(drop=True),
                                  check_dtype=False)


def test_pure_renderers_follow_the_selection(data):
    assert select_articles(data, Selection(events=[KHMEIMIM])) == ["001", "002"]
    assert select_articles(data, Selection(outlets=["AFP"], article_ids=["001"])) == []
    assert marked_categories(render_highlight(data, Selection(categories=["labeling"]))) == {"labeling"}
    assert shown_articles(render_highlight(data, Selection(), max_shown=2)) == ["000", "001"]
    assert "<th>attribution</th>" in render_tables(data, Selection(categories=["attribution"]))
    with pytest.raises(ValueError, match="voice must be one of"):
        Selection(voice="theirs")
    with pytest.raises(ValueError, match="categories 'spin' unknown"):
        Selection(categories=["spin"])
    with pytest.raises(ValueError, match="outlets 'Nowhere' not in the corpus"):
        data.check(Selection(outlets=["Nowhere"]))


# --------------------------------------------------------------------------- static

def test_static_view_has_highlights_legend_tables_plots_and_details(static_html, seeds):
    html = static_html
    assert html.count('<details class="mc-ex-outlet">') == 5
    assert html.count('<details class="mc-ex-article">') == 5
    for outlet in seeds.articles["outlet"]:
        assert f"<summary>{outlet} " in html
    assert marked_categories(html) >= {"emotive", "labeling", "doubt", "attribution"}
    assert 'class="mc-legend"' in html and "Why each word is marked" in html
    assert html.count('<table class="mc-ex-rates">') == 4  # 2 voices x 2 tiers
    assert "The outlet&#x27;s own voice · high-confidence tier" in html
    assert html.count('src="data:image/png;base64,') == 2
    assert "make lab" in html and "interactive explorer" in html
    assert "ipywidgets is not installed" not in html
    assert_safe(html)


def test_static_page_is_standalone_and_loads_nothing(seeds, tmp_path):
    view = mc.explore(seeds, static=True, outlets=["AFP", "Breitbart News"], voice="outlet")
    page = view.save(tmp_path / "static.html").read_text(encoding="utf-8")
    assert "Content-Security-Policy" in page and "img-src data:" in page
    assert page.count('<details class="mc-ex-article">') == 2
    assert "Quoted speech ·" not in page
    assert repr(view) == "<StaticExplorer: 2 articles of 5>"
    assert_safe(page)


def test_environment_variable_asks_for_the_static_view(seeds, monkeypatch):
    monkeypatch.setenv("MEDIACOMPARE_STATIC", "1")
    assert isinstance(mc.explore(seeds), StaticExplorer)
    assert isinstance(mc.explore(seeds, static=False), Explorer)
    monkeypatch.setenv("MEDIACOMPARE_STATIC", "0")
    assert isinstance(mc.explore(seeds), Explorer)
    monkeypatch.delenv("MEDIACOMPARE_STATIC")
    assert isinstance(mc.explore(seeds), Explorer)
    assert isinstance(mc.explore(seeds, static=True), StaticExplorer)


def test_without_ipywidgets_the_view_is_static_and_says_how_to_install(seeds, monkeypatch):
    monkeypatch.delenv("MEDIACOMPARE_STATIC", raising=False)
    monkeypatch.setitem(sys.modules, "ipywidgets", None)  # makes `import ipywidgets` fail
    view = mc.explore(seeds)
    assert isinstance(view, StaticExplorer)
    html = view.to_html()
    assert "ipywidgets is not installed" in html and "pip install -e &#x27;.[lab]&#x27;" in html
    with pytest.raises(ImportError, match=re.escape("pip install -e '.[lab]'")):
        mc.explore(seeds, static=False)


def test_importing_mediacompare_does_not_import_ipywidgets():
    code = ("import sys, mediacompare, mediacompare.display.explorer; "
            "assert 'ipywidgets' not in sys.modules, 'ipywidgets imported'; "
            "assert callable(mediacompare.explore)")
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


def test_public_names():
    for name in ("explore", "Explorer", "StaticExplorer"):
        assert name in mc.__all__ and name in mc.display.__all__
    assert mc.explore is ex.explore


# --------------------------------------------------------------------------- escaping

def test_hostile_fields_are_escaped_in_the_static_view(hostile):
    view = mc.explore(hostile, static=True)
    assert_payloads_escaped(view.to_html())
    assert_payloads_escaped(view.to_html(standalone=True))


def test_hostile_fields_are_escaped_in_the_widgets(hostile, monkeypatch):
    monkeypatch.delenv("MEDIACOMPARE_STATIC", raising=False)
    view = mc.explore(hostile, static=False)
    outputs = (view.status, view.highlight_output, view.table_output, view.plot_output)
    assert marked_categories(view.highlight_output.value)  # cues are drawn, escaping and all
    for output in outputs:
        assert_safe(output.value)
    everything = "".join(o.value for o in outputs)
    assert_payloads_escaped(everything)
    view.outlets.value = (PAYLOADS[2],)
    assert option_values(view.articles) == ["x2"]
    assert_payloads_escaped("".join(o.value for o in outputs))
    view.outlets.value = view.data.outlets
    view.events.value = (PAYLOADS[2],)
    assert option_values(view.articles) == ["x1"]
    assert_payloads_escaped("".join(o.value for o in outputs))


# --------------------------------------------------------------------------- caps

def test_static_view_highlights_at_most_the_cap_and_lists_the_rest(many):
    html = mc.explore(many, static=True).to_html()
    assert html.count('<details class="mc-ex-article">') == 20
    assert "Highlighting the first 20 of 40 articles (max_articles=20)" in html
    assert "the other 20 are listed by name under their outlet" in html
    listed = re.findall(r"<li>(a\d\d) ·", html)
    assert len(listed) == 20 and set(listed) == {f"a{i:02d}" for i in range(20, 40)}
    assert html.count('<details class="mc-ex-outlet">') == 8
    assert len(html) < 900_000


def test_names_listed_past_the_cap_are_capped_too(many, monkeypatch):
    monkeypatch.setattr(exr, "_MAX_LISTED", 5)
    html = mc.explore(many, static=True, max_articles=2).to_html()
    assert html.count('<details class="mc-ex-article">') == 2
    assert len(re.findall(r"<li>a\d\d ·", html)) == 5
    assert "more, not named (at most 5 articles are named)" in html


def test_interactive_view_shows_a_few_and_counts_all(many, monkeypatch):
    monkeypatch.delenv("MEDIACOMPARE_STATIC", raising=False)
    view = mc.explore(many, static=False)
    html = view.highlight_output.value
    assert len(shown_articles(html)) == 4
    assert "Showing the first 4 of 40 selected articles; 36 more are selected" in html
    assert "Counted over the 40 selected articles" in view.table_output.value
    data = ExplorerData.build(many)
    few = render_plots(data, Selection(), max_outlets=3)
    assert "The plots show the first 3 of 8 outlets" in few


# --------------------------------------------------------------------------- notebook

def _cells():
    return json.loads(NOTEBOOK.read_text(encoding="utf-8"))["cells"]


def test_notebook_follows_the_conventions():
    cells = _cells()
    first = "".join(cells[0]["source"])
    assert cells[0]["cell_type"] == "markdown" and first.startswith("# 06 · Explore")
    assert "**Learning goals**" in first and "**Time:**" in first
    lab = "".join(cells[1]["source"])
    assert cells[1]["metadata"]["tags"] == ["lab-only"] and "make lab" in lab
    params = cells[2]
    assert params["cell_type"] == "code"
    assert params["metadata"]["tags"] == ["parameters", "remove-cell"]
    lines = [l for l in "".join(params["source"]).splitlines() if not l.startswith("#")]
    assert lines == ["corpus_source = None", "corpus_options = {}", "lexicon_options = {}",
                     "framing_options = {}"]
    setup = cells[3]
    assert setup["metadata"]["tags"] == ["remove-cell"]
    assert "mc.load_corpus(corpus_source, **corpus_options)" in "".join(setup["source"])
    assert "mc.load_lexicon(**lexicon_options)" in "".join(setup["source"])
    code = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
    assert "mc.explore(corpus" in code and "mc.event_statement(corpus)" in code
    assert "def " not in code
    ids = [c.get("id") for c in cells]
    assert all(ids) and len(set(ids)) == len(ids)
    for cell in cells:
        if cell["cell_type"] == "code":
            assert cell["outputs"] == [] and cell["execution_count"] is None
    everything = "\n".join("".join(c["source"]) for c in cells)
    for seed_specific in ("Breitbart", "Press TV", "Khmeimim", "Fort Russ", "Al Arabiya", '"00'):
        assert seed_specific not in everything
    assert "not a verdict" in everything


def _execute(static: bool):
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(NOTEBOOK, as_version=4)
    env = dict(os.environ)
    env["MPLBACKEND"] = "module://matplotlib_inline.backend_inline"
    env["PYTHONPATH"] = str(ROOT) + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    env.pop("MEDIACOMPARE_STATIC", None)
    if static:
        env["MEDIACOMPARE_STATIC"] = "1"
    NotebookClient(nb, timeout=300, kernel_name="python3",
                   resources={"metadata": {"path": str(NOTEBOOK.parent)}}).execute(env=env)
    return nb


@pytest.mark.notebooks
@pytest.mark.parametrize("static", [True, False], ids=["static", "interactive"])
def test_notebook_executes(static):
    nb = _execute(static)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert all(c.execution_count for c in code)
    assert not [o for c in code for o in c.outputs if o.get("output_type") == "error"]
    outputs = [o for c in code if "mc.explore(" in c.source for o in c.outputs]
    assert len(outputs) == 1
    data = outputs[0]["data"]
    if static:
        assert "application/vnd.jupyter.widget-view+json" not in data
        html = data["text/html"]
        assert '<details class="mc-ex-article">' in html and "data:image/png;base64," in html
        assert_safe(html)
    else:
        assert "application/vnd.jupyter.widget-view+json" in data
        assert data["text/plain"].startswith("<Explorer: ")
