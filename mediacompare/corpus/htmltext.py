"""HTML to plain text, with the standard library's HTML parser.

Tags are stripped, character references decoded (the parser's
``convert_charrefs``), and the contents of ``script``, ``style``,
``noscript``, ``template``, ``svg``, ``iframe``, ``object`` and ``canvas``
dropped (the ``head``'s ``title`` and ``meta`` are read for metadata).
Block elements (paragraphs, headings, list items, table rows, ``br``) end a
paragraph, and paragraphs are separated by a blank line, like the captured
``.txt`` articles, so the result goes through the same boilerplate rules.
The page's headline (first ``h1``, else ``og:title``, else ``<title>``),
author and publication date are read from the markup where present, and the
site's name from ``og:site_name`` or the part of ``<title>`` beside the
headline ("Headline | Site").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

__all__ = ["HtmlText", "html_to_text"]

_DROP = {"script", "style", "noscript", "template", "svg", "iframe", "object", "canvas"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
         "source", "track", "wbr"}
_BLOCK = {"address", "article", "aside", "blockquote", "br", "dd", "details", "div", "dl", "dt",
          "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
          "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tr", "td",
          "th", "ul", "caption"}
_META_TITLE = ("og:title", "twitter:title")
_META_DATE = ("article:published_time", "date", "pubdate", "publishdate", "dc.date", "dcterms.date")
_META_AUTHOR = ("author", "article:author", "dc.creator")
_META_SITE = ("og:site_name", "application-name", "publisher")
#: How a ``<title>`` joins the headline and the site's name.
_TITLE_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ", " · ")


@dataclass
class HtmlText:
    """Text extracted from an HTML page, and the metadata found in its markup."""

    text: str
    title: str | None = None
    date: str | None = None
    author: str | None = None
    site: str | None = None
    dropped: dict[str, int] = field(default_factory=dict)
    #: For a line of ``text`` (0-based), the part of the page it sat in, when the markup
    #: names one (``<nav>``, ``<aside class="related">``, ...).
    contexts: dict[int, str] = field(default_factory=dict)


_LANDMARKS = {"nav", "header", "footer", "aside", "form", "figure", "figcaption", "menu",
              "dialog", "section", "article", "main", "blockquote"}


class _Extractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip_depth = 0
        self.dropped: dict[str, int] = {}
        self.h1: list[str] | None = None
        self.h1_text: str | None = None
        self.title_parts: list[str] | None = None
        self.title_text: str | None = None
        self.meta: dict[str, str] = {}
        self.stack: list[tuple[str, str | None]] = []
        self.part_context: list[str | None] = []

    def _describe(self, tag: str, attrs) -> str | None:
        named = [(k, (v or "")[:40]) for k, v in attrs[:20] if k in ("id", "class", "role")]
        if tag not in _LANDMARKS and not named:
            return None
        return "<" + " ".join([tag] + [f'{k}="{v}"' for k, v in named]) + ">"

    def _context(self) -> str | None:
        for _, described in reversed(self.stack):
            if described:
                return described
        return None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "meta":
            values = {k.lower(): (v or "") for k, v in attrs}
            key = (values.get("property") or values.get("name") or "").lower()
            if key and "content" in values:
                self.meta.setdefault(key, values["content"].strip())
            return
        if tag == "title" and self.title_text is None and not self.skip_depth:
            self.title_parts = []  # (an <svg>'s <title> names an icon, not the page)
        if tag in _DROP:
            if tag not in _VOID:
                self.skip_depth += 1
            self.dropped[tag] = self.dropped.get(tag, 0) + 1
            return
        if tag in _BLOCK:
            self.parts.append("\n")
            self.part_context.append(None)
        if tag not in _VOID and not self.skip_depth and len(self.stack) < 512:
            self.stack.append((tag, self._describe(tag, attrs)))
        if tag == "h1" and self.h1_text is None and self.h1 is None and not self.skip_depth:
            self.h1 = []

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _DROP:  # <svg .../> or <iframe .../> has no content and no end tag to wait for
            self.dropped[tag] = self.dropped.get(tag, 0) + 1
            return
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title" and self.title_parts is not None:
            self.title_text = _squash("".join(self.title_parts))
            self.title_parts = None
        if tag in _DROP:
            self.skip_depth = max(0, self.skip_depth - 1)
            return
        if tag == "h1" and self.h1 is not None:
            self.h1_text = _squash("".join(self.h1))
            self.h1 = None
        for depth in range(len(self.stack) - 1, max(-1, len(self.stack) - 12), -1):
            if self.stack[depth][0] == tag:
                del self.stack[depth:]
                break
        if tag in _BLOCK:
            self.parts.append("\n")
            self.part_context.append(None)

    def handle_data(self, data: str) -> None:
        if self.title_parts is not None:
            self.title_parts.append(data)
            return
        if self.skip_depth:
            return
        if self.h1 is not None:
            self.h1.append(data)
        self.parts.append(data)
        self.part_context.append(self._context())


_SPACES = re.compile(r"[ \t\r\f\v]+")


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _first(meta: dict[str, str], keys: tuple[str, ...]) -> str | None:
    for key in keys:
        if meta.get(key):
            return meta[key]
    return None


def _split_title(title: str | None, is_headline) -> tuple[str | None, str | None]:
    """The headline and the site's name of a ``<title>`` that joins them, when
    ``is_headline`` recognises one side (a short other side is the site).

    >>> _split_title("Floods close the bridge | The Valley Courier", lambda h: h == "Floods close the bridge")
    ('Floods close the bridge', 'The Valley Courier')
    >>> _split_title("Valley Courier - Floods close the bridge", lambda h: h == "Floods close the bridge")
    ('Floods close the bridge', 'Valley Courier')
    >>> _split_title("Floods close the bridge", lambda h: True)
    (None, None)
    """
    if not title:
        return None, None
    for sep in _TITLE_SEPARATORS:
        if sep not in title:
            continue
        first, _, rest = title.partition(sep)
        most, _, last = title.rpartition(sep)
        for head, site in ((first, rest), (rest, first), (most, last)):
            head, site = _squash(head), _squash(site)
            if head and is_headline(head) and 0 < len(site.split()) <= 6:
                return head, site
    return None, None


def html_to_text(markup: str) -> HtmlText:
    """Extract the visible text of an HTML page, one block a line.

    >>> page = html_to_text('<html><head><title>T | Site</title><style>p{}</style></head>'
    ...                     '<body><h1>Big &amp; bold</h1><script>alert(1)</script>'
    ...                     '<p>First&nbsp;para.</p><p>Second<br>line</p></body></html>')
    >>> page.text
    'Big & bold\\n\\nFirst\\xa0para.\\n\\nSecond\\n\\nline'
    >>> page.title, page.dropped
    ('Big & bold', {'style': 1, 'script': 1})
    """
    parser = _Extractor()
    parser.feed(markup)
    parser.close()
    lines: list[str] = []
    contexts: dict[int, str] = {}
    buffer: list[str] = []
    first_context: list[str | None] = [None]

    def flush() -> None:
        # inside a block, runs of source whitespace (indentation, wrapped
        # source lines) collapse to one space, as a browser shows them
        line = _SPACES.sub(" ", "".join(buffer)).strip(" ")
        if line.strip():
            if first_context[0]:
                contexts[2 * len(lines)] = first_context[0]
            lines.append(line)
        buffer.clear()
        first_context[0] = None

    for part, context in zip(parser.parts, parser.part_context):
        pieces = part.split("\n")
        for k, piece in enumerate(pieces):
            if k:
                flush()
            if piece:
                if first_context[0] is None and piece.strip():
                    first_context[0] = context
                buffer.append(piece)
    flush()
    title = parser.h1_text or _first(parser.meta, _META_TITLE) or parser.title_text or None
    site = _first(parser.meta, _META_SITE)
    if title:  # "Headline | Site": the headline is the h1 (or a line of the page), the rest the site
        known = title.casefold() if title != parser.title_text else None
        line_set = {_squash(line).casefold() for line in lines} if known is None else set()
        head, title_site = _split_title(
            parser.title_text, lambda h: h.casefold() == known if known else h.casefold() in line_set)
        site = site or title_site
        if known is None and head:
            title = head
    return HtmlText(
        text="\n\n".join(lines),
        title=title or None,
        date=_first(parser.meta, _META_DATE),
        author=_first(parser.meta, _META_AUTHOR),
        site=site,
        dropped=parser.dropped,
        contexts=contexts,
    )
