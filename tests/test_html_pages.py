"""HTML pages through the extractor, with the audit trail kept (issue 12, item 1).

The pages are written here in the manner of news sites (made-up stories, sites and people):
comment sections next to body text that talks about comments, lines above the headline that
are the story's own, standfirsts outside the body element, data tables, layout tables. No rule
may cut a paragraph of body text, and every block the extractor leaves out is on the record.
"""

from __future__ import annotations

import pytest

import mediacompare as mc

COOKIE = ("We use cookies to personalise content and ads, to provide social media features and "
          "to analyse our traffic. By continuing to browse you agree to our use of cookies.")
NAV = "".join(f"<li><a href='/{s.lower()}'>{s}</a></li>" for s in
              ("Home", "News", "Politics", "Business", "Environment", "Sport", "Opinion"))
FOOTER = ("<footer class='site-footer'><ul><li><a href='/about'>About us</a></li><li>"
          "<a href='/privacy'>Privacy notice</a></li><li><a href='/terms'>Terms and conditions</a>"
          "</li></ul><p>© 2024 Eastbrook Evening News Media Group Limited. All rights reserved. "
          "Registered office: 1 Dock Street, Eastbrook.</p></footer>")

# -- a consultation story whose body talks about comments, with a real comment section after it
CONSULTATION_BODY = [
    "Plans to rebuild the flood wall along Quay Street will go ahead next spring, the county "
    "council confirmed on Tuesday, after a consultation that drew more than 3,100 responses.",
    "The £14m scheme will raise the wall by 80 centimetres and add two pumping stations. Work is "
    "expected to take eighteen months, with the riverside path closed for most of that time.",
    "Councillor Ilse Brandvold, who chairs the environment committee, said the response had been "
    "“the largest to any consultation in the council’s history”.",
    "Comments from residents were overwhelmingly in favour of the wall, but many asked for the "
    "path to stay open at weekends. One wrote that the river “comes higher every winter”.",
    "Comments are closed on the council’s own consultation page, which shut on Friday, but the "
    "committee will hear objections in person at its meeting on 14 May.",
    "Discussion at that meeting is expected to focus on the cost, which has risen by a third "
    "since the scheme was first proposed in 2021.",
    "The Environment Agency, which will pay half of the bill, said it supported the plans.",
]
COMMENTS = [
    "I have lived on Quay Street for thirty-one years and I can tell you the council has known "
    "about this since the nineties. Every few years someone comes round with a clipboard.",
    "With respect to the previous commenter, the money has to come from somewhere, and nobody "
    "wants to pay more council tax. The article should have said so.",
]


def consultation_page() -> str:
    body = "".join(f"<p>{p}</p>" for p in CONSULTATION_BODY[:5]) + "<h2>Discussion</h2>" + \
        "".join(f"<p>{p}</p>" for p in CONSULTATION_BODY[5:])
    comments = "".join(
        f"<li class='comment'><article class='comment-body'><footer class='comment-meta'>"
        f"<b class='fn'>RiverWatcher{i}</b> <time>2 hours ago</time></footer>"
        f"<div class='comment-content'><p>{text}</p></div><a class='comment-reply-link'>Reply</a>"
        f"</article></li>" for i, text in enumerate(COMMENTS))
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'>"
        "<title>Flood wall plans approved after record consultation | Eastbrook Evening News</title>"
        "</head><body>"
        f"<div id='cookie-banner'><p>{COOKIE}</p><button>Accept all</button></div>"
        f"<header><a class='logo' href='/'>Eastbrook Evening News</a><nav class='main-nav'><ul>{NAV}"
        "</ul></nav></header><main><article class='post'><header class='entry-header'>"
        "<h1 class='entry-title'>Flood wall plans approved after record consultation</h1>"
        "<div class='entry-meta'>By Daniel Fairweather | 3 May 2024</div></header>"
        f"<div class='entry-content'>{body}</div>"
        "<div class='share'><a>Share</a><a>Facebook</a><a>Email</a></div></article>"
        "<section id='comments' class='comments-area'><h2 class='comments-title'>2 comments</h2>"
        f"<ol class='comment-list'>{comments}</ol><div id='respond'><h3>Leave a Reply</h3>"
        "<p>Your email address will not be published. Required fields are marked *</p></div>"
        f"</section></main>{FOOTER}</body></html>")


# -- a live page whose summary sits above the headline
KEY_POINTS = [
    "More than 4,000 people have been ordered to leave three villages north of the town.",
    "Six water-bombing aircraft are working the eastern edge of the fire.",
]
UPDATES = [
    "Firefighters said gusts of up to 70 kilometres an hour had carried embers several hundred "
    "metres ahead of the flames.",
    "The regional fire chief said crews were protecting houses rather than trying to stop the "
    "front. “In this wind, nobody stops a fire of this size,” she said.",
    "The fire had burned about 6,800 hectares by Sunday evening, the regional government said.",
]


def live_page() -> str:
    points = "".join(f"<li>{p}</li>" for p in KEY_POINTS)
    updates = "".join(
        f"<div class='block'><time class='block-time'>1{7 - i}:0{i}</time><div class='block-body'>"
        f"<p>{text}</p></div></div>" for i, text in enumerate(UPDATES))
    return (
        "<html><head><title>Wildfire jumps highway: live updates</title></head><body>"
        f"<nav class='top'><ul>{NAV}</ul></nav><main><div class='live-header'>"
        "<span class='badge'>LIVE</span>"
        f"<div class='summary'><h2>Key points</h2><ul>{points}</ul></div>"
        "<h1>Wildfire jumps highway as thousands flee</h1>"
        "<p class='updated'>Updated 12 minutes ago</p></div>"
        f"<div class='live-feed'>{updates}</div></main>"
        "<aside class='most-viewed'><h3>Most viewed</h3><ul><li><a href='/1'>Ferry operator "
        "cancels winter sailings</a></li><li><a href='/2'>Former mayor dies aged 87</a></li></ul>"
        f"</aside>{FOOTER}</body></html>")


# -- a newspaper page with the standfirst outside the body element, and a data table
STANDFIRST = ("The audit office says the number of people waiting more than a year has tripled, "
              "and that plans to bring it down rely on staff who have not been hired.")
AUDIT_BODY = [
    "Almost one in five patients waiting for a hip or knee replacement has now waited longer "
    "than a year, according to a report published on Wednesday.",
    "The report found that 48,300 people had been on the list for more than twelve months in "
    "March, against 15,900 five years earlier.",
    "Auditors said the recovery plan assumed 2,400 more theatre nurses would be in post by the "
    "end of next year, but that fewer than 900 had been recruited.",
]
TABLE_ROWS = [("Five years ago", "15,900"), ("Last year", "44,750"), ("This March", "48,300")]


def audit_page() -> str:
    rows = "".join(f"<tr><td>{a}</td><td>{b}</td></tr>" for a, b in TABLE_ROWS)
    return (
        "<html><head><title>Waits for surgery longer than five years ago</title></head><body>"
        f"<header class='b-header'><ul>{NAV}</ul></header><main class='b-article'>"
        "<h1 class='c-heading'>Waits for surgery longer than five years ago, audit finds</h1>"
        f"<h2 class='c-subheadline'>{STANDFIRST}</h2>"
        "<div class='c-byline'>By Priya Raman</div>"
        "<figure><img src='/x.jpg'><figcaption>A surgical team at work in an operating theatre, "
        "in a file picture.</figcaption></figure>"
        "<article class='b-article-body' itemprop='articleBody'>"
        f"<p>{AUDIT_BODY[0]}</p><p>{AUDIT_BODY[1]}</p>"
        "<table><caption>People waiting more than a year</caption><thead><tr><th>When</th>"
        f"<th>Patients</th></tr></thead><tbody>{rows}</tbody></table>"
        f"<p>{AUDIT_BODY[2]}</p></article>"
        "<div class='most-read'><h2>Most read</h2><ol><li><a href='/a'>Ten of the best walks for "
        f"autumn colour</a></li></ol></div></main>{FOOTER}</body></html>")


def load_page(tmp_path, name: str, markup: str):
    (tmp_path / name).write_text(markup, encoding="utf-8")
    corpus = mc.load_corpus(tmp_path / name)
    return corpus, corpus.articles.iloc[0]


def test_body_text_about_comments_is_kept_and_the_comment_section_is_not(tmp_path):
    corpus, article = load_page(tmp_path, "consultation.html", consultation_page())
    for paragraph in CONSULTATION_BODY:
        assert paragraph in article["text"], paragraph[:60]
    assert "Discussion" in article["text"].split("\n\n")  # the body's own subheading
    for comment in COMMENTS:
        assert comment not in article["text"]
    for furniture in (COOKIE, "Leave a Reply", "Privacy notice", "By Daniel Fairweather",
                      "Eastbrook Evening News"):
        assert furniture not in article["text"], furniture
    assert article["title"] == "Flood wall plans approved after record consultation"
    # nothing of the body is on the record of removed lines
    removed = corpus.removed()
    assert not any(p in text for p in CONSULTATION_BODY for text in removed["text"])


def test_the_summary_above_the_headline_is_the_story(tmp_path):
    _, article = load_page(tmp_path, "live.html", live_page())
    for paragraph in KEY_POINTS + UPDATES:
        assert paragraph in article["text"], paragraph[:60]
    assert article["title"] == "Wildfire jumps highway as thousands flee"
    for furniture in ("Ferry operator cancels winter sailings", "Updated 12 minutes ago", "Politics"):
        assert furniture not in article["text"], furniture


def test_a_standfirst_outside_the_body_and_a_table_are_kept(tmp_path):
    corpus, article = load_page(tmp_path, "audit.html", audit_page())
    text = " ".join(article["text"].split())
    assert STANDFIRST in text
    for paragraph in AUDIT_BODY:
        assert paragraph in text
    for cells in TABLE_ROWS:
        assert " ".join(cells) in text, cells
    for furniture in ("A surgical team at work", "Ten of the best walks", "By Priya Raman", "Sport"):
        assert furniture not in text, furniture
    # the standfirst comes before the body, as on the page
    assert text.index(STANDFIRST) < text.index(AUDIT_BODY[0])


def test_every_block_the_extractor_leaves_out_is_on_the_record(tmp_path):
    corpus, article = load_page(tmp_path, "consultation.html", consultation_page())
    removed = corpus.removed()
    by_extractor = removed[removed["rule_id"] == "html_extractor"]
    assert {"Politics", "Reply", COMMENTS[0]} <= set(by_extractor["text"])
    reasons = dict(zip(by_extractor["text"], by_extractor["reason"]))
    assert "trafilatura" in reasons["Politics"] and "<nav" in reasons["Politics"]
    assert "comment" in reasons[COMMENTS[0]]
    # every line of the page's visible text is either in the clean text or on the record
    kept = set(article["text"].split("\n"))
    from mediacompare.corpus.extract import extract_page

    for line in extract_page(consultation_page()).text.split("\n"):
        if line.strip():
            assert line.strip() in kept or line.strip() in set(removed["text"]), line


def test_a_paragraph_the_extractor_loses_between_two_it_keeps_comes_back():
    """A legacy page laid out with a table: the extractor reads the cell as one block and loses
    the text after a quotation in it; the paragraph between two kept ones is kept back."""
    from mediacompare.corpus.extract import extract_page

    paragraphs = [
        "A supermarket chain acted unlawfully when it used cameras to scan the faces of customers "
        "in 35 of its stores, the appeal court ruled on Tuesday.",
        "The case was brought by a retired teacher who was stopped by security staff after being "
        "wrongly matched to a photograph on the list.",
        "The company said it was disappointed and would study the judgment carefully.",
    ]
    markup = ("<html><body><table><tr><td class='leftnav'><a href='/'>Home</a><br><a href='/news'>"
              "Local News</a></td><td><font size='5'><b>Court rules against face scanning</b>"
              f"</font><br><br>{paragraphs[0]}<br><br><blockquote>“Consent that is not informed is "
              f"not consent at all,” the judgment says.</blockquote>{paragraphs[1]}<br><br>"
              f"{paragraphs[2]}<br><br></td></tr></table></body></html>")
    page = extract_page(markup)
    kept = [line for i, line in enumerate(page.text.split("\n")) if i not in page.removed]
    for paragraph in paragraphs:
        assert paragraph in kept, paragraph[:50]


@pytest.mark.parametrize("markup, status", [
    ("<p>x</p>", "skipped"), ("<html></html>", "skipped"), ("<<<>>>", "loaded_with_warning"),
    ("<table><tr><td></td></tr></table>", "skipped"), ("<p>" + "word " * 10 + "</p>" * 500,
                                                     "loaded_with_warning"),
    ("<html><body>" + "<div>" * 3000 + "Deep text, officials said." + "</div>" * 3000
     + "</body></html>", "loaded_with_warning"),
])
def test_pages_the_extractor_cannot_read_still_load_with_a_row(tmp_path, markup, status):
    (tmp_path / "page.html").write_text(markup, encoding="utf-8")
    corpus = mc.load_corpus(tmp_path / "page.html")
    assert len(corpus.load_report) == 1
    row = corpus.load_report.iloc[0]
    assert row["status"] == status and row["reason"], row.to_dict()


def test_a_page_the_extractor_finds_no_main_text_in_keeps_its_text_with_a_warning(tmp_path):
    (tmp_path / "short.html").write_text("<span>Just a line of text, as a fragment.</span>",
                                         encoding="utf-8")
    corpus = mc.load_corpus(tmp_path / "short.html")
    row = corpus.load_report.iloc[0]
    assert corpus.articles.iloc[0]["text"] == "Just a line of text, as a fragment."
    assert row["status"] == "loaded_with_warning" and "extractor found no main text" in row["reason"]


# ------------------------------------------------------------------ the benchmark's own pieces

def test_the_benchmark_pages_and_their_scoring():
    """The HTML benchmark's pages are varied and their passages known; its scoring counts an
    article text as all article, and a page's whole visible text as nearly all boilerplate."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    import html_extraction
    import html_pages
    from mediacompare.corpus.htmltext import html_to_text

    pages = html_pages.generate()
    assert [p.markup for p in pages] == [p.markup for p in html_pages.generate()]
    assert len(pages) >= 40 and len({p.template for p in pages}) >= 12
    assert len({p.name for p in pages}) == len(pages)
    for page in pages:
        article, boiler = page.of("article"), page.of("boiler")
        assert len(article) >= 5 and len(boiler) >= 10, page.name
        body = " ".join(text for _, text in article)
        clash = [b for _, b in boiler if len(b.split()) >= 4 and b in body]
        assert not clash, (page.name, clash)
        only_article = html_extraction.score(page, "\n\n".join(text for _, text in article))
        assert len(only_article["kept_article"]) == len(article)
        assert only_article["kept_boiler"] == []
        everything = html_extraction.score(page, html_to_text(page.markup).text)
        assert len(everything["kept_article"]) == len(article), page.name
        assert len(everything["kept_boiler"]) >= 0.9 * len(boiler), page.name
