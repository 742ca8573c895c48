"""HTML pages to article text: trafilatura finds the main text, nothing is lost silently.

The page's whole visible text is read first, one block a line (tags stripped,
scripts and styles dropped: :func:`~mediacompare.corpus.htmltext.html_to_text`).
trafilatura (a kept, widely evaluated main-content extractor) then says which of
those blocks are the article; every block it leaves out (menus, teasers,
related links, comments, cookie banners, share bars...) is recorded among the
removed lines with the reason and the part of the page it sat in, exactly as
the cleaning rules record theirs, and the line rules then clean what is left.
Headline, author and date come from trafilatura's metadata where the markup
gives them. When trafilatura finds no main text, the whole visible text is
kept (with a warning) and the line rules alone clean it.

Before any parser sees the page, two hostile shapes are defused in one linear
pass: an unclosed ``<!--`` hides the rest of the page (as in a browser), and
a tag with more than :data:`MAX_TAG_CHARS` characters of attributes loses its
attributes, so a page of a million attributes costs no more memory than its
text.
"""

from __future__ import annotations

import logging
import re
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field

from .htmltext import html_to_text

__all__ = ["MAX_TAG_CHARS", "Page", "extract_page", "guard_markup"]

#: A start tag longer than this keeps only its name.
MAX_TAG_CHARS = 4096
_TAG_NAME = re.compile(r"</?[A-Za-z][^\s/>]{0,40}")
_WORD = re.compile(r"\w+")
EXTRACTOR_RULE = "html_extractor"


@dataclass
class Page:
    """An HTML page's visible text, what the extractor left out, and its metadata."""

    text: str
    removed: dict[int, dict] = field(default_factory=dict)
    title: str | None = None
    date: str | None = None
    author: str | None = None
    site: str | None = None
    warnings: list[str] = field(default_factory=list)
    extracted: bool = False


def guard_markup(markup: str) -> tuple[str, list[str]]:
    """Cut an unclosed comment and strip the attributes of huge tags (linear time).

    >>> guard_markup("<p>Text</p><!-- never closed <p>hidden")[0]
    '<p>Text</p>'
    >>> guard_markup("<p " + "a=1 " * 2000 + ">x</p>")[0]
    '<p>x</p>'
    """
    warnings: list[str] = []
    out: list[str] = []
    pos = 0
    n_huge = 0
    while True:
        lt = markup.find("<", pos)
        if lt < 0:
            out.append(markup[pos:])
            break
        if markup.startswith("<!--", lt):
            end = markup.find("-->", lt + 4)
            if end < 0:
                out.append(markup[pos:lt])
                warnings.append(f"a comment opened at character {lt:,} ('<!--') is never closed: "
                                "the rest of the page is a comment, as in a browser, and is not read")
                break
            out.append(markup[pos:end + 3])
            pos = end + 3
            continue
        gt = markup.find(">", lt + 1)
        if gt < 0:
            out.append(markup[pos:])
            break
        if gt - lt > MAX_TAG_CHARS:
            name = _TAG_NAME.match(markup, lt, lt + 42)
            out.append(markup[pos:lt])
            if name:
                out.append(name.group(0) + ">")
            n_huge += 1
            pos = gt + 1
            continue
        out.append(markup[pos:gt + 1])
        pos = gt + 1
    if n_huge:
        warnings.append(f"{n_huge:,} tag{'s' if n_huge != 1 else ''} with more than "
                        f"{MAX_TAG_CHARS:,} characters of attributes: their attributes were dropped")
    return "".join(out), warnings


def _key(text: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(text.casefold()))


#: A paragraph of prose: enough words, and a sentence's final punctuation (before any closing
#: quotation mark or bracket).
_PROSE_END = re.compile(r"[.!?…][\"'”’)\]]*\s*$")
PROSE_MIN_WORDS = 8
#: Parts of a page whose text is never kept back: landmarks and classes of page furniture.
_FURNITURE_TAGS = ("<nav", "<aside", "<footer", "<form", "<figure", "<figcaption", "<dialog",
                   "<menu", "<button", "<label")
_FURNITURE_CLASS = re.compile(
    r"caption|credit|cookie|consent|gdpr|newsletter|subscri|paywall|promo|related|recommend|"
    r"share|social|comment|respon|reply|byline|author|bio\b|advert|\bads?\b|sponsor|teaser|"
    r"footer|\bnav|menu|sidebar|widget|\btags?\b|topic|signup|sign-up|alert|banner|popup|modal",
    re.IGNORECASE)
MAX_KEPT_BACK = 3


def _prose(line: str) -> bool:
    return len(line.split()) >= PROSE_MIN_WORDS and bool(_PROSE_END.search(line))


def _plain_part(where: str | None) -> bool:
    """The line sat in no landmark or class of page furniture."""
    return where is None or (not where.startswith(_FURNITURE_TAGS)
                             and not _FURNITURE_CLASS.search(where))


def _kept_back(lines: list[str], nonblank: list[int], dropped: set[int], full) -> set[int]:
    """Lines the extractor left out that are kept as article text all the same.

    An extractor decides by blocks of markup, and sometimes leaves out prose that the page
    sets apart from the body: the standfirst (a paragraph between the headline and the first
    line of the main text, often in its own element) and a paragraph between two lines of the
    main text (text after a quotation inside a table cell, say). Such a line is kept when it
    reads as prose (:data:`PROSE_MIN_WORDS` words or more, ending as a sentence ends) and sat
    in no part of the page that holds furniture (``<nav>``, ``<aside>``, ``<figure>``, a class
    naming captions, comments, newsletters, related links...); at most :data:`MAX_KEPT_BACK`
    standfirst lines. The line rules then clean these lines as they clean the rest.
    """
    out: set[int] = set()
    main = [i for i in nonblank if i not in dropped]
    if not main:
        return out
    headline = _key(full.title or "")
    head = next((i for i in nonblank if headline and _key(lines[i]) == headline), None)
    first_main = next((i for i in main if head is not None and i > head), None)
    if head is not None and first_main is not None:
        for i in nonblank:
            if head < i < first_main and len(out) < MAX_KEPT_BACK and _prose(lines[i]) \
                    and _plain_part(full.contexts.get(i)):
                out.add(i)
    for pos in range(1, len(nonblank) - 1):
        i = nonblank[pos]
        if i in dropped and nonblank[pos - 1] not in dropped and nonblank[pos + 1] not in dropped \
                and _prose(lines[i]) and _plain_part(full.contexts.get(i)):
            out.add(i)
    return out


_QUIET = threading.Lock()


@contextmanager
def _quiet(name: str = "trafilatura"):
    """Silence a library's log records while it runs: its complaints about a page (an empty
    tree, a fragment) reach the user as the page's warnings, not as stray log lines."""
    logger = logging.getLogger(name)
    with _QUIET:
        level = logger.level
        logger.setLevel(logging.CRITICAL + 1)
        try:
            yield
        finally:
            logger.setLevel(level)


def extract_page(markup: str, *, use_extractor: bool = True) -> Page:
    """The page's visible text with the extractor's removals recorded (see the module docstring)."""
    markup, warnings = guard_markup(markup)
    full = html_to_text(markup)
    page = Page(full.text, title=full.title, date=full.date, author=full.author, site=full.site,
                warnings=warnings)
    if not use_extractor or not full.text.strip():
        return page
    try:
        import trafilatura

        with _quiet():
            doc = trafilatura.bare_extraction(markup, with_metadata=True, include_comments=False,
                                              include_tables=True, include_images=False,
                                              deduplicate=False, favor_recall=True)
    except Exception as exc:  # the extractor is a third party: its failure is a warning
        page.warnings.append(f"the HTML extractor failed ({type(exc).__name__}); the whole "
                             "visible text is kept and the line rules clean it")
        return page
    main = (getattr(doc, "text", None) or "") if doc is not None else ""
    if not main.strip():
        page.warnings.append("the HTML extractor found no main text; the whole visible text is "
                             "kept and the line rules clean it")
        return page
    page.extracted = True
    for key in ("title", "author", "date"):
        value = getattr(doc, key, None)
        if value and (key != "title" or not page.title):
            setattr(page, key, str(value))
    kept_lines: set[tuple[str, ...]] = set()
    for line in main.split("\n"):
        kept_lines.add(_key(line))
        if line.lstrip().startswith("|"):  # a table row: its cells are lines of the page
            kept_lines.update(_key(cell) for cell in line.strip().strip("|").split("|"))
    kept_lines.discard(())
    grams: set[tuple[str, ...]] = set()
    words = _key(main)
    for i in range(len(words) - 3):
        grams.add(words[i:i + 4])
    lines = full.text.split("\n")
    dropped: list[int] = []
    nonblank: list[int] = []
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        nonblank.append(i)
        key = _key(line)
        if not key or key in kept_lines:
            continue
        if len(key) >= 6:
            quads = [key[j:j + 4] for j in range(len(key) - 3)]
            if sum(q in grams for q in quads) >= 0.6 * len(quads):
                continue
        dropped.append(i)
    kept_back = _kept_back(lines, nonblank, set(dropped), full)
    for i in dropped:
        if i in kept_back:
            continue
        where = full.contexts.get(i)
        page.removed[i] = {
            "line_no": i + 1, "text": lines[i].strip(), "rule_id": EXTRACTOR_RULE,
            "category": "page_furniture",
            "reason": "not part of the page's main text according to the HTML extractor "
                      "(trafilatura)" + (f"; it sat in {where}" if where else ""),
            "trigger_line_no": None}
    return page
