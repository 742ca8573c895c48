"""Tests of mediacompare.display.highlight: nesting, text, escaping, legend, layout, caps.

Spans are built by hand here, so these tests do not depend on the labeller.
Pages are checked by parsing them with :mod:`html.parser` into a small tree.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from types import SimpleNamespace

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import mediacompare as mc
from mediacompare.display.highlight import CATEGORY_STYLES, CSS, Highlight, highlight

VOID = {"br", "meta", "img", "hr", "input", "link", "wbr", "col", "area", "base", "source"}


# ---------------------------------------------------------------- a small DOM

class Node:
    def __init__(self, tag, attrs, parent=None):
        self.tag, self.attrs, self.parent, self.children = tag, dict(attrs), parent, []

    @property
    def classes(self) -> set[str]:
        return set((self.attrs.get("class") or "").split())

    def walk(self):
        for child in self.children:
            if isinstance(child, Node):
                yield child
                yield from child.walk()

    def find_all(self, tag=None, cls=None, **attrs):
        return [n for n in self.walk()
                if (tag is None or n.tag == tag) and (cls is None or cls in n.classes)
                and all(n.attrs.get(k.replace("_", "-")) == v for k, v in attrs.items())]

    def text(self, skip_markers=True) -> str:
        out = []
        for child in self.children:
            if isinstance(child, str):
                out.append(child)
            elif not (skip_markers and "mc-marker" in child.classes) and child.tag != "style":
                out.append(child.text(skip_markers))
        return "".join(out)


class TreeBuilder(HTMLParser):
    """Builds a tree and fails on any end tag that does not close the innermost element."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", {})
        self.current = self.root
        self.errors: list[str] = []

    def handle_starttag(self, tag, attrs):
        node = Node(tag, attrs, self.current)
        self.current.children.append(node)
        if tag not in VOID:
            self.current = node

    def handle_startendtag(self, tag, attrs):
        self.current.children.append(Node(tag, attrs, self.current))

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if self.current.tag != tag:
            self.errors.append(f"</{tag}> closes <{self.current.tag}>")
            return
        self.current = self.current.parent

    def handle_data(self, data):
        self.current.children.append(data)


def parse(page: str) -> Node:
    builder = TreeBuilder()
    builder.feed(page)
    builder.close()
    assert builder.errors == [], builder.errors
    assert builder.current is builder.root, f"<{builder.current.tag}> never closed"
    return builder.root


def body_of(root: Node, article_id: str) -> Node:
    (article,) = root.find_all("article", data_article=article_id)
    (body,) = article.find_all("div", cls="mc-body")
    return body


# ---------------------------------------------------------------- fixtures

TEXT = ("The ruthless regime claimed victory.\n\n"
        "“These so-called rebels are terrorists,” the minister said.\n"
        "Experts say the brutal war is over.")


def articles(*texts, **extra) -> pd.DataFrame:
    n = len(texts)
    frame = pd.DataFrame({
        "article_id": [f"a{i}" for i in range(1, n + 1)],
        "outlet": [f"Outlet {i}" for i in range(1, n + 1)],
        "title": [f"Title {i}" for i in range(1, n + 1)],
        "text": list(texts),
        "date": ["2017-12-11"] * n,
        "event_id": ["ev1"] * n,
    })
    for key, value in extra.items():
        frame[key] = value
    return frame


def span(text, word, category, *, article_id="a1", nth=0, in_quote=False, confidence="high",
         note=None, alt=None, start=None, end=None):
    if start is None:
        start = [m.start() for m in re.finditer(re.escape(word), text)][nth]
        end = start + len(word)
    return {"article_id": article_id, "start": start, "end": end, "text": text[start:end],
            "category": category, "term": text[start:end].lower(),
            "neutral_alternative": alt or f"neutral for {word}",
            "note": note or f"note on {word}", "in_quote": in_quote, "sentence_id": 0,
            "confidence": confidence}


def spans_frame(rows) -> pd.DataFrame:
    columns = ["article_id", "start", "end", "text", "category", "term", "neutral_alternative",
               "note", "in_quote", "sentence_id", "confidence"]
    return pd.DataFrame(rows, columns=columns)


def base_spans(text=TEXT) -> pd.DataFrame:
    return spans_frame([
        span(text, "ruthless", "emotive"),
        span(text, "ruthless regime", "labeling"),             # nests around "ruthless"
        span(text, "regime claimed", "doubt", confidence="low"),  # overlaps "ruthless regime"
        span(text, "“These so-called rebels", "scare_quote", in_quote=True),
        span(text, "so-called", "doubt", in_quote=True),
        span(text, "terrorists", "labeling", in_quote=True),
        span(text, "Experts say", "vague_source"),
        span(text, "brutal", "emotive", confidence="low"),
        span(text, "said", "attribution"),
    ])


# ---------------------------------------------------------------- nesting and text

def test_overlapping_and_nested_spans_nest_properly_and_keep_the_text():
    h = highlight(articles(TEXT), base_spans())
    root = parse(h.to_html())
    body = body_of(root, "a1")
    assert body.text() == TEXT
    # Overlap forced at least one cue to be closed and reopened.
    assert body.find_all("mark", cls="mc-cont")
    # Two cues start at "ruthless": both markers, outer (longer) first, are kept
    # on one line with the first word.
    lead = body.find_all(cls="mc-lead")[0]
    assert [m.text(skip_markers=False) for m in lead.find_all(cls="mc-marker")] == ["LAB", "EMO"]
    assert lead.text() == "ruthless"
    assert ".mc-hl .mc-lead{white-space:nowrap}" in CSS


def test_each_span_is_covered_by_elements_of_its_category():
    spans = base_spans()
    h = highlight(articles(TEXT), spans)
    body = body_of(parse(h.to_html()), "a1")
    assert len(h.spans) == len(spans)
    for row in h.spans.itertuples():
        fragments = body.find_all("mark", data_span=str(row.span_no))
        assert fragments, row
        assert all(f"mc-cat-{row.category}" in f.classes for f in fragments)
        assert "".join(f.text() for f in fragments) == row.text
        # one marker, inside the first fragment, before any of the span's text
        (marker,) = body.find_all(cls="mc-marker", data_for=str(row.span_no))
        assert marker in list(fragments[0].walk())
        assert "mc-lead" in marker.parent.classes
        assert marker.text(skip_markers=False).strip("“?") == CATEGORY_STYLES[row.category].marker
        assert f"mc-m-{row.category}" in marker.classes
        preceding = fragments[0].text().partition(marker.parent.text())[0]
        assert preceding == ""
        assert not any(m.attrs.get("data-for") for f in fragments[1:] for m in f.find_all(cls="mc-marker"))


def test_no_tags_overlap_on_the_raw_string():
    page = highlight(articles(TEXT), base_spans()).to_html()
    stack = []
    for match in re.finditer(r"<(/?)([a-z0-9]+)[^>]*>", page):
        closing, tag = match.group(1), match.group(2)
        if tag in VOID:
            continue
        if closing:
            assert stack and stack[-1] == tag, (tag, stack[-6:])
            stack.pop()
        else:
            stack.append(tag)
    assert stack == []


WORDS = st.sampled_from(["war", "regime", " ", "\n", "\n\n", "<b>", "&amp;", '"', "’", "é", ".",
                         "x", "  \n \n", "\t"])


@settings(max_examples=150, deadline=None)
@given(st.lists(WORDS, min_size=1, max_size=30).map("".join), st.data())
def test_random_overlapping_spans_are_well_formed(text, data):
    n = len(text)
    rows = []
    cats = list(CATEGORY_STYLES)
    for _ in range(data.draw(st.integers(0, 8))):
        start = data.draw(st.integers(0, n - 1))
        end = data.draw(st.integers(start + 1, n))
        rows.append(span(text, "", data.draw(st.sampled_from(cats)), start=start, end=end,
                         in_quote=data.draw(st.booleans()),
                         confidence=data.draw(st.sampled_from(["high", "low"]))))
    quotes = pd.DataFrame({"article_id": ["a1"], "inner_start": [n // 3], "inner_end": [n]})
    h = highlight(articles(text), spans_frame(rows), quotes=quotes)
    body = body_of(parse(h.to_html()), "a1")
    assert body.text() == text
    # Paragraph breaks (a blank line and the whitespace around it) sit between
    # the <p> elements, outside every cue; everything else of a cue is inside it.
    breaks = {i for m in re.finditer(r"[^\S\n]*\n[^\S\n]*\n\s*", text) for i in range(*m.span())}
    for row in h.spans.itertuples():
        fragments = body.find_all("mark", data_span=str(row.span_no))
        assert all(f"mc-cat-{row.category}" in f.classes for f in fragments)
        expected = "".join(text[i] for i in range(row.start, row.end) if i not in breaks)
        assert "".join(f.text() for f in fragments) == expected


def test_paragraphs_and_line_breaks():
    text = "First para.\n\nSecond line one\nline two.\n\n\nThird."
    root = parse(highlight(articles(text), spans_frame([])).to_html())
    body = body_of(root, "a1")
    paragraphs = body.find_all("p")
    assert [p.text() for p in paragraphs] == ["First para.", "Second line one\nline two.", "Third."]
    assert len(paragraphs[1].find_all("br")) == 1
    assert body.text() == text


def test_span_across_a_paragraph_break_is_split_but_well_formed():
    text = "It was brutal.\n\nTruly brutal war."
    rows = [span(text, "brutal.\n\nTruly", "emotive")]
    body = body_of(parse(highlight(articles(text), spans_frame(rows)).to_html()), "a1")
    fragments = body.find_all("mark", data_span="0")
    assert [f.text() for f in fragments] == ["brutal.", "Truly"]
    assert body.text() == text


# ---------------------------------------------------------------- tooltips and voice

def test_tooltips_hold_category_term_note_alternative_voice_and_confidence():
    rows = [span(TEXT, "regime", "labeling", note="judges a government", alt="government"),
            span(TEXT, "terrorists", "labeling", in_quote=True, note="a label", alt="fighters",
                 confidence="low")]
    body = body_of(parse(highlight(articles(TEXT), spans_frame(rows)).to_html()), "a1")
    own, quoted = body.find_all("mark")
    assert own.attrs["title"] == ("labeling · regime — judges a government · neutral: government"
                                  " · voice: outlet's own")
    assert "neutral: fighters" in quoted.attrs["title"]
    assert "voice: quoted" in quoted.attrs["title"]
    assert "low confidence: loaded only in some uses" in quoted.attrs["title"]
    assert "mc-voice-quoted" in quoted.classes and "mc-voice-own" in own.classes
    assert quoted.find_all(cls="mc-marker")[0].text(skip_markers=False) == "“LAB?"
    assert own.find_all(cls="mc-marker")[0].text(skip_markers=False) == "LAB"


def test_quotes_table_shades_the_quoted_passage():
    start = TEXT.index("“") + 1
    end = TEXT.index("”")
    quotes = pd.DataFrame({"article_id": ["a1"], "inner_start": [start], "inner_end": [end],
                           "speaker": ["the minister"]})
    h = highlight(articles(TEXT), base_spans(), quotes=quotes)
    body = body_of(parse(h.to_html()), "a1")
    shaded = body.find_all("span", cls="mc-quote")
    assert "".join(s.text() for s in shaded) == TEXT[start:end]
    assert "speaker: the minister" in shaded[0].attrs["title"]
    assert shaded[0].find_all(cls="mc-qmark")[0].text(skip_markers=False) == "quoted"
    assert body.text() == TEXT
    # Without a quotes table nothing is shaded; voice stays on the cues.
    plain = body_of(parse(highlight(articles(TEXT), base_spans()).to_html()), "a1")
    assert plain.find_all(cls="mc-quote") == []


# ---------------------------------------------------------------- escaping

PAYLOADS = ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '" onmouseover="alert(1)']


def test_payloads_in_text_titles_notes_and_terms_render_as_text():
    text = "Intro " + " middle ".join(PAYLOADS) + " end."
    frame = articles(text)
    frame["title"] = [PAYLOADS[1] + PAYLOADS[2]]
    frame["outlet"] = [PAYLOADS[0]]
    frame["event_id"] = [PAYLOADS[2]]
    rows = []
    for payload in PAYLOADS:
        row = span(text, payload, "emotive", note=" ".join(PAYLOADS), alt=PAYLOADS[1])
        row["term"] = PAYLOADS[2]
        rows.append(row)
    quotes = pd.DataFrame({"article_id": ["a1"], "inner_start": [0], "inner_end": [10],
                           "speaker": [PAYLOADS[2]]})
    h = highlight(frame, spans_frame(rows), quotes=quotes)
    for page in (h.to_html(), h.to_html(standalone=True), h._repr_html_()):
        root = parse(page)
        tags = {n.tag for n in root.walk()}
        assert "script" not in tags and "img" not in tags
        for node in root.walk():
            assert not [a for a in node.attrs if a.lower().startswith("on")], node.attrs
        assert body_of(root, "a1").text() == text
        visible = root.text()
        for payload in PAYLOADS:
            assert payload in visible
        assert PAYLOADS[1] + PAYLOADS[2] in root.find_all("h3")[0].text()
        assert any("note on" not in n.attrs.get("title", "") and PAYLOADS[0] in n.attrs.get("title", "")
                   for n in root.find_all("mark"))


def test_article_id_is_escaped_in_attributes():
    frame = articles("Plain text here.")
    frame["article_id"] = ['x" onclick="alert(1)']
    root = parse(highlight(frame, spans_frame([])).to_html())
    for node in root.walk():
        assert not [a for a in node.attrs if a.startswith("on")]
    assert root.find_all("article")[0].attrs["data-article"] == 'x" onclick="alert(1)'


# ---------------------------------------------------------------- legend

def legend_counts(root: Node) -> dict[str, tuple[int, int]]:
    (legend,) = root.find_all("section", cls="mc-legend")
    out = {}
    for tr in legend.find_all("tr")[1:]:
        cells = tr.find_all("td")
        out[cells[1].text()] = (int(cells[-2].text()), int(cells[-1].text()))
    return out


def test_legend_counts_high_and_low_for_the_shown_articles():
    text2 = "A brutal, brutal regime."
    rows = list(base_spans().to_dict("records")) + [
        span(text2, "brutal", "emotive", article_id="a2"),
        span(text2, "brutal", "emotive", article_id="a2", nth=1, confidence="low"),
        span(text2, "regime", "labeling", article_id="a2")]
    frame = articles(TEXT, text2)
    counts = legend_counts(parse(highlight(frame, spans_frame(rows)).to_html()))
    assert list(counts) == list(CATEGORY_STYLES)
    assert counts["emotive"] == (2, 2)
    assert counts["labeling"] == (3, 0)
    assert counts["doubt"] == (1, 1)
    assert counts["intensifier"] == (0, 0)
    only_a2 = legend_counts(parse(highlight(frame, spans_frame(rows), article_ids=["a2"]).to_html()))
    assert only_a2["emotive"] == (1, 1) and only_a2["labeling"] == (1, 0)
    assert only_a2["doubt"] == (0, 0)


def test_legend_shows_style_marker_and_definition_of_each_category():
    root = parse(highlight(articles(TEXT), base_spans()).to_html())
    (legend,) = root.find_all("section", cls="mc-legend")
    for cat, style in CATEGORY_STYLES.items():
        (swatch,) = legend.find_all(cls=f"mc-cat-{cat}")
        assert swatch.find_all(cls="mc-marker")[0].text(skip_markers=False) == style.marker
        row = swatch.parent.parent
        assert style.line_name in row.text() and style.definition in row.text()
    # every category has its own marker and its own line, so colour is never alone
    assert len({s.marker for s in CATEGORY_STYLES.values()}) == len(CATEGORY_STYLES)
    assert len({s.line for s in CATEGORY_STYLES.values()}) == len(CATEGORY_STYLES)
    for cat, style in CATEGORY_STYLES.items():
        assert f".mc-hl .mc-cat-{cat}{{background-color:" in CSS
        assert style.line in CSS


def test_category_filter_and_unknown_category():
    h = highlight(articles(TEXT), base_spans(), categories=["labeling"])
    root = parse(h.to_html())
    assert set(h.spans["category"]) == {"labeling"}
    assert {c for m in body_of(root, "a1").find_all("mark") for c in m.classes
            if c.startswith("mc-cat-")} == {"mc-cat-labeling"}
    assert list(legend_counts(root)) == ["labeling"]
    with pytest.raises(ValueError, match="'emotiv'.*categories are: emotive"):
        highlight(articles(TEXT), base_spans(), categories=["emotiv"])


# ---------------------------------------------------------------- low confidence

def test_low_confidence_is_lighter_marked_and_listed_apart():
    h = highlight(articles(TEXT), base_spans())
    root = parse(h.to_html())
    low = [m for m in body_of(root, "a1").find_all("mark", cls="mc-conf-low")
           if "mc-cont" not in m.classes]
    assert {m.attrs["data-span"] for m in low} == {
        str(n) for n in h.spans.loc[h.spans["confidence"] == "low", "span_no"]}
    for m in low:
        (marker,) = m.find_all(cls="mc-marker", data_for=m.attrs["data-span"])
        assert marker.text(skip_markers=False).endswith("?") and "mc-m-low" in marker.classes
    assert ".mc-hl mark.mc-conf-low{outline:1px dashed" in CSS
    assert ".mc-cat-emotive.mc-conf-low{background-color:rgba(213,94,0,.10)" in CSS
    (legend,) = root.find_all("section", cls="mc-legend")
    assert "Low confidence, listed apart" in legend.text()
    assert "2 low-confidence cues shown: emotive 1, doubt 1." in legend.text()


def test_low_confidence_can_be_hidden_and_the_page_says_so():
    h = highlight(articles(TEXT), base_spans(), show_low_confidence=False)
    root = parse(h.to_html())
    assert not root.find_all("mark", cls="mc-conf-low")
    assert set(h.spans["confidence"]) == {"high"}
    assert "2 cues not shown" in root.find_all("section", cls="mc-legend")[0].text()
    assert "2 low-confidence cues hidden" in root.text()
    assert body_of(root, "a1").text() == TEXT


# ---------------------------------------------------------------- layout

@pytest.mark.parametrize("n", [2, 3, 4])
def test_two_to_four_articles_side_by_side(n):
    texts = [f"Text number {i} with a regime." for i in range(n)]
    rows = [span(t, "regime", "labeling", article_id=f"a{i + 1}") for i, t in enumerate(texts)]
    h = highlight(articles(*texts), spans_frame(rows))
    assert h.layout == "side_by_side"
    root = parse(h.to_html())
    (grid,) = root.find_all("div", cls="mc-grid")
    assert f"mc-cols-{n}" in grid.classes
    columns = [c for c in grid.children if isinstance(c, Node)]
    assert [c.attrs["data-article"] for c in columns] == [f"a{i + 1}" for i in range(n)]
    assert f".mc-hl .mc-cols-{n}{{grid-template-columns:repeat({n},minmax(0,1fr))}}" in CSS
    for i, column in enumerate(columns):
        head = column.find_all("header")[0].text()
        assert f"Outlet {i + 1}" in head and f"Title {i + 1}" in head
        assert "2017-12-11" in head and f"article a{i + 1}" in head
    assert "Different events" not in root.text()


def test_article_order_follows_article_ids():
    h = highlight(articles("One.", "Two.", "Three."), spans_frame([]), article_ids=["a3", "a1"])
    assert h.article_ids == ("a3", "a1")
    assert [a.attrs["data-article"] for a in parse(h.to_html()).find_all("article")] == ["a3", "a1"]


def test_more_than_four_articles_are_stacked_and_side_by_side_refuses():
    frame = articles(*[f"Text {i}." for i in range(5)])
    h = highlight(frame, spans_frame([]))
    assert h.layout == "stacked"
    root = parse(h.to_html())
    assert not root.find_all(cls="mc-grid") and len(root.find_all("article")) == 5
    with pytest.raises(ValueError, match="side_by_side=True needs 2 to 4 articles; got 5"):
        highlight(frame, spans_frame([]), side_by_side=True)
    with pytest.raises(ValueError, match="got 1"):
        highlight(frame, spans_frame([]), article_ids=["a1"], side_by_side=True)
    assert highlight(frame, spans_frame([]), article_ids=["a1", "a2"], side_by_side=False).layout == "stacked"
    assert highlight(frame, spans_frame([]), article_ids=["a1"]).layout == "single"


def test_different_events_are_flagged():
    frame = articles("One.", "Two.")
    frame["event_id"] = ["ev1", "ev2"]
    text = parse(highlight(frame, spans_frame([])).to_html()).text()
    assert "Different events: compare with care." in text
    assert "a1, a2 each report an event no other article shown reports" in text
    no_events = articles("One.", "Two.").drop(columns="event_id")
    text = parse(highlight(no_events, spans_frame([])).to_html()).text()
    assert "Events unknown: compare with care." in text and "a1, a2 have no event recorded" in text
    same = articles("One.", "Two.")
    same["event_id"] = ["ev1", "ev1"]
    assert "compare with care" not in parse(highlight(same, spans_frame([])).to_html()).text()


def test_the_events_warning_says_which_articles_share_an_event():
    """Ten articles, eight of them on one event: the warning names the eight as sharing it
    (it once said the first ten "do not share an event_id")."""
    frame = articles(*[f"Text {i}." for i in range(10)])
    frame["event_id"] = ["big"] * 8 + ["other", None]
    text = parse(highlight(frame, spans_frame([])).to_html()).text()
    assert "a1, a2, a3, a4, a5, a6, a7, a8 report the same event (big)" in text
    assert "a9 reports an event no other article shown reports" in text
    assert "a10 has no event recorded" in text
    assert "do not share" not in text


def test_max_articles_caps_and_says_so():
    frame = articles(*[f"Text {i}." for i in range(6)])
    h = highlight(frame, spans_frame([]), max_articles=3)
    assert h.article_ids == ("a1", "a2", "a3")
    assert "Showing the first 3 of 6 articles" in parse(h.to_html()).text()


# ---------------------------------------------------------------- pages

def test_standalone_page_is_self_contained(tmp_path):
    h = highlight(articles(TEXT, "Another regime."), base_spans())
    page = h.to_html(standalone=True)
    assert page.startswith("<!DOCTYPE html>")
    root = parse(page)
    assert root.find_all("meta", charset="utf-8")
    assert not root.find_all("script") and not root.find_all("link") and not root.find_all("img")
    for node in root.walk():
        for name in ("src", "href", "action", "srcset"):
            assert name not in node.attrs
    assert "http" not in " ".join(n.attrs.get(a, "") for n in root.walk() for a in ("src", "href"))
    assert "url(" not in page and "@import" not in page and "<script" not in page.lower()
    assert "@font-face" not in page
    path = h.save(tmp_path / "page.html")
    assert path.read_text(encoding="utf-8") == page


def test_repr_html_is_a_fragment_with_scoped_style():
    h = highlight(articles(TEXT), base_spans())
    fragment = h._repr_html_()
    assert fragment == h.to_html()
    assert "<!DOCTYPE" not in fragment and "<html" not in fragment
    root = parse(fragment)
    (outer,) = [c for c in root.children if isinstance(c, Node)]
    assert outer.tag == "div" and "mc-hl" in outer.classes
    assert outer.find_all("style")
    # every rule is scoped under .mc-hl (inside @media too)
    css = re.sub(r"@media[^{]*\{", "", CSS)
    for selectors in re.findall(r"([^{}]+)\{[^{}]*\}", css):
        for selector in selectors.split(","):
            assert selector.strip().startswith(".mc-hl"), selector
    assert repr(h) == "<Highlight: 1 article (a1); 9 cues shown, 2 low-confidence>"


def test_output_is_deterministic():
    frame, spans = articles(TEXT, "Another regime."), base_spans()
    assert highlight(frame, spans).to_html(True) == highlight(frame.copy(), spans.copy()).to_html(True)
    # row order of the spans table does not change the page
    shuffled = spans.sample(frac=1, random_state=3)
    assert highlight(frame, shuffled).to_html().count("<mark") == highlight(frame, spans).to_html().count("<mark")


def test_a_corpus_is_accepted():
    corpus = SimpleNamespace(articles=articles(TEXT))
    assert highlight(corpus, base_spans()).to_html() == highlight(articles(TEXT), base_spans()).to_html()
    assert isinstance(highlight(corpus, base_spans()), Highlight)


# ---------------------------------------------------------------- capping

def test_long_text_is_cut_at_a_paragraph_and_says_how_much():
    paragraphs = [f"Paragraph {i} says the regime is brutal." for i in range(40)]
    text = "\n\n".join(paragraphs)
    rows = [span(text, "brutal", "emotive", nth=i) for i in range(40)]
    h = highlight(articles(text), spans_frame(rows), max_chars=300)
    root = parse(h.to_html())
    shown = body_of(root, "a1").text()
    assert len(shown) <= 300 and text.startswith(shown) and shown.endswith("brutal.")
    assert text[len(shown):].startswith("\n\n")
    n_shown = shown.count("brutal")
    assert len(h.spans) == n_shown
    (note,) = root.find_all("p", cls="mc-cut")
    assert note.text() == (f"Article a1: showing the first {len(shown):,} of {len(text):,} "
                           f"characters (cut at a paragraph break); {len(text) - len(shown):,} "
                           f"characters and {40 - n_shown} cues after that are not shown. "
                           "Pass a larger max_chars= to see more.")
    assert h.notes == (note.text(),)
    assert legend_counts(root)["emotive"] == (n_shown, 0)


def test_long_paragraph_is_cut_at_a_sentence_end():
    text = " ".join(f"Sentence {i} is here." for i in range(100))
    h = highlight(articles(text), spans_frame([]), max_chars=200)
    shown = body_of(parse(h.to_html()), "a1").text()
    assert shown.endswith("is here.") and 100 <= len(shown) <= 200
    assert "cut at a sentence end" in h.notes[0]
    assert highlight(articles(text), spans_frame([]), max_chars=None).notes == ()


# ---------------------------------------------------------------- the invariant

def test_span_text_not_matching_the_article_raises_naming_article_and_offsets():
    rows = [span(TEXT, "regime", "labeling")]
    rows[0]["text"] = "regimes"
    with pytest.raises(ValueError, match=r"of article 'a1' at start=13, end=19 has text "
                                         r"'regimes', but the article has 'regime'"):
        highlight(articles(TEXT), spans_frame(rows))


@pytest.mark.parametrize("start, end", [(-1, 3), (5, 5), (10, 5000)])
def test_offsets_out_of_range_raise(start, end):
    rows = [span(TEXT, "", "emotive", start=0, end=3)]
    rows[0].update(start=start, end=end)
    with pytest.raises(ValueError, match=f"article 'a1' has offsets start={start}, end={end}"):
        highlight(articles(TEXT), spans_frame(rows))


def test_bad_inputs_raise_clear_errors():
    with pytest.raises(ValueError, match="spans is missing the columns category"):
        highlight(articles(TEXT), base_spans().drop(columns="category"))
    with pytest.raises(ValueError, match="articles is missing the columns title"):
        highlight(articles(TEXT).drop(columns="title"), base_spans())
    stray = base_spans().assign(article_id="zz")
    with pytest.raises(ValueError, match="spans refer to article_id 'zz'"):
        highlight(articles(TEXT), stray)
    with pytest.raises(ValueError, match="article_ids 'nope' not in articles; article ids are: a1"):
        highlight(articles(TEXT), base_spans(), article_ids=["nope"])
    with pytest.raises(ValueError, match="confidence 'medium'"):
        highlight(articles(TEXT), base_spans().assign(confidence="medium"))
    with pytest.raises(ValueError, match="category 'Emotive'"):
        highlight(articles(TEXT), base_spans().assign(category="Emotive"))
    with pytest.raises(ValueError, match="max_chars"):
        highlight(articles(TEXT), base_spans(), max_chars=0)
    with pytest.raises(ValueError, match=r"spans row 0\) of article 'a1' has non-integer offsets"):
        highlight(articles(TEXT), base_spans().astype({"start": float}).assign(start=0.5))
    # float offsets that are whole numbers (a CSV with missing values) are fine
    assert len(highlight(articles(TEXT), base_spans().astype({"start": float})).spans) == 9


def test_a_custom_category_gets_a_neutral_style():
    rows = [span(TEXT, "regime", "euphemism")]
    root = parse(highlight(articles(TEXT), spans_frame(rows)).to_html())
    (mark,) = body_of(root, "a1").find_all("mark", cls="mc-cat-euphemism")
    assert mark.find_all(cls="mc-marker")[0].text(skip_markers=False) == "EUP"
    shared, custom = root.find_all("style")  # the shared sheet, then the custom category's
    assert ".mc-hl .mc-cat-euphemism{background-color:rgba(153,153,153,.28)" in custom.text()
    assert "euphemism" not in shared.text()
    assert "euphemism" in legend_counts(root)


# ---------------------------------------------------------------- the seeds

def test_seed_articles_side_by_side():
    corpus = mc.load_corpus()
    texts = corpus.articles.set_index("article_id")["text"]
    rows = [span(texts["001"], w, c, article_id="001")
            for w, c in [("dictator", "labeling"), ("ruthless", "emotive"), ("reportedly", "vague_source")]]
    rows.append(span(texts["002"], "regime", "labeling", article_id="002"))
    h = highlight(corpus, spans_frame(rows), article_ids=["001", "002"])
    assert h.layout == "side_by_side"
    root = parse(h.to_html(standalone=True))
    for aid in ("001", "002"):
        assert body_of(root, aid).text() == texts[aid]
    assert "Breitbart News" in root.text() and "AFP" in root.text()
    assert "Different events" not in root.text()  # both cover 2017-12-11-putin-khmeimim
    assert "dictator" in [m.text() for m in body_of(root, "001").find_all("mark")]
