"""Render executed notebooks, and notebooks that failed, as pages for readers.

Executed notebooks go through nbconvert's :class:`~nbconvert.HTMLExporter` with
the template ``templates/mediacompare`` (the cells of nbconvert's ``lab``
template in a page of our own: no theme inlined, nothing from the network; see
the template's header). A page reads as a publication: no code (unless the
teacher's version is asked to show it), no ``In [n]`` prompt, no setup cell.
Cells tagged ``remove-cell`` are dropped with their output, and cells tagged
``hide-input`` keep only their output, through nbconvert's own
``TagRemovePreprocessor``.

Every page links the report's one style sheet (:mod:`mediacompare.report.stylesheet`);
the style elements that the library's views carry for JupyterLab
(``<style data-mc-style>``) are dropped, since the sheet holds them. Under the
first cell (the title and learning goals) the page gets its contents: a link to
each of its sections.

nbconvert names the ``<div>`` of a JavaScript or widget output with ``uuid4()``;
the exporter built here replaces that template global with a counter, so the
same notebook always gives the same bytes.

Each page is rendered for an audience. The student's notebook arrives with its
``solution`` cells already removed (they are also removed here, should one
remain); the teacher's page gets a visible marker before every answer cell
and a highlighted frame around it. A bar at the top links the index and the
page's other version.

A failed notebook gets a small page of its own (``error_page``), with every
piece of text HTML-escaped.
"""

from __future__ import annotations

import html
import itertools
import re
from pathlib import Path
from typing import Any

from ..display.page import CONTENT_SECURITY_POLICY, SHARED_STYLE

__all__ = ["AUDIENCE_NOTES", "LAB_ONLY_TAG", "MARKER_TAG", "REPORT_ONLY_TAG", "SOLUTION_MARKER",
           "SOLUTION_TAG", "TEMPLATE_NAME", "TEMPLATES_DIR", "error_page", "mark_solutions",
           "notebook_title", "page_contents", "render_notebook"]

TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"
TEMPLATE_NAME = "mediacompare"

#: Tags honoured when rendering (cells are always executed, whatever their tags).
REMOVE_CELL_TAGS = frozenset({"remove-cell"})
#: The tag of an answer cell, and the tag of the marker the teacher's page puts before it.
SOLUTION_TAG = "solution"
#: Cells only for JupyterLab (answers typed as Python, self-checks): not run for the report.
LAB_ONLY_TAG = "lab-only"
#: Cells only for the report (the printable worksheet): not in the notebook files handed out.
REPORT_ONLY_TAG = "report-only"
MARKER_TAG = "solution-marker"
#: What the teacher's page says before each answer (Markdown).
SOLUTION_MARKER = ("**Teacher's version: answer.** The cell below is not in the "
                   "student's version.")
#: What each audience's page says about itself in its top bar.
AUDIENCE_NOTES = {
    "student": "Student's version: the answers are not included.",
    "teacher": "Teacher's version: answers are shown and marked.",
}
REMOVE_INPUT_TAGS = frozenset({"hide-input", "remove-input"})
REMOVE_OUTPUT_TAGS = frozenset({"remove-output"})

_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$")


def page_head(title: str, css_href: str, generator: str = "mediacompare") -> str:
    """The opening of a page: doctype, charset, policy, escaped title, the report's style sheet."""
    esc = html.escape
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<meta http-equiv="Content-Security-Policy" content="{esc(CONTENT_SECURITY_POLICY)}">
<meta name="generator" content="{esc(generator)}">
<title>{esc(title)}</title>
<link rel="stylesheet" href="{esc(css_href)}">
</head>"""


def notebook_title(nb: Any, default: str) -> str:
    """The text of the notebook's first Markdown heading, else ``default``.

    >>> import nbformat
    >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell(
    ...     "Some intro\\n\\n## Loading a *corpus* ##\\ntext")])
    >>> notebook_title(nb, "01-load")
    'Loading a corpus'
    >>> notebook_title(nbformat.v4.new_notebook(), "01-load")
    '01-load'
    """
    for cell in [] if nb is None else nb.cells:
        if cell.get("cell_type") != "markdown":
            continue
        for line in str(cell.get("source", "")).splitlines():
            match = _HEADING.match(line)
            if match:
                title = match.group(1).replace("`", "").replace("*", "").strip()
                if title:
                    return title
    return default


def _exporter(audience: str = "teacher", show_code: bool = False) -> Any:
    """An HTMLExporter configured for offline, deterministic pages for readers."""
    from nbconvert import HTMLExporter
    from traitlets.config import Config

    config = Config()
    config.TagRemovePreprocessor.enabled = True
    remove = set(REMOVE_CELL_TAGS) | {LAB_ONLY_TAG} | (
        {SOLUTION_TAG} if audience == "student" else set())
    config.TagRemovePreprocessor.remove_cell_tags = remove
    config.TagRemovePreprocessor.remove_input_tags = set(REMOVE_INPUT_TAGS)
    config.TagRemovePreprocessor.remove_all_outputs_tags = set(REMOVE_OUTPUT_TAGS)
    exporter = HTMLExporter(
        config=config,
        template_name=TEMPLATE_NAME,
        extra_template_basedirs=[str(TEMPLATES_DIR)],
        embed_images=True,  # Markdown images from local files become data: URIs
        exclude_input=not show_code,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
    )
    ids = itertools.count(1)
    exporter.environment.globals["uuid4"] = lambda: f"mc-output-{next(ids)}"
    return exporter


def mark_solutions(nb: Any) -> int:
    """Put a visible marker cell before every ``solution`` cell (in place); return how many.

    >>> import nbformat
    >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("Q"),
    ...     nbformat.v4.new_code_cell("answer = 42", metadata={"tags": ["solution"]})])
    >>> mark_solutions(nb), [c.metadata.get("tags", []) for c in nb.cells]
    (1, [[], ['solution-marker'], ['solution']])
    """
    import nbformat

    cells, marked = [], 0
    for cell in nb.cells:
        if SOLUTION_TAG in cell.get("metadata", {}).get("tags", []):
            marker = nbformat.v4.new_markdown_cell(SOLUTION_MARKER,
                                                   metadata={"tags": [MARKER_TAG]})
            marker["id"] = f"{cell.get('id') or 'cell'}-marker"
            cells.append(marker)
            marked += 1
        cells.append(cell)
    nb.cells = cells
    return marked


def render_notebook(nb: Any, *, name: str, title: str, folder: Path,
                    audience: str = "teacher", links: dict[str, str] | None = None,
                    nav: dict | None = None, show_code: bool = False) -> str:
    """Render an executed notebook as one HTML page for readers.

    Parameters
    ----------
    nb : nbformat.NotebookNode
        The executed notebook (its metadata ``title`` is set to ``title``).
    name : str
        The notebook's file stem (used in the page if it has no title).
    title : str
        The page title.
    folder : Path
        The notebook's folder, where relative Markdown images are looked up.
    audience : str
        ``"student"`` (``solution`` cells removed) or ``"teacher"`` (each
        answer marked); modifies ``nb``.
    links : dict or None
        ``{audience: href}`` of this page in every audience built, for the top
        bar (the page's index is ``../index.html`` when links are given).
    nav : dict or None
        ``{"prev": (href, title), "next": (href, title), "css": href}``: the
        neighbouring pages and the style sheet (default ``../report.css`` when
        ``links`` are given, else ``report.css``).
    show_code : bool
        Show the code of the cells that are not hidden (for a teacher who asks).
    """
    if audience not in AUDIENCE_NOTES:
        raise ValueError(f"audience must be one of {', '.join(AUDIENCE_NOTES)}; got {audience!r}")
    nb.metadata["title"] = title
    if audience == "teacher":
        mark_solutions(nb)
    nav = dict(nav or {})
    up = "../" if links is not None else ""
    bar = {
        "csp": CONTENT_SECURITY_POLICY,
        "audience": audience,
        "note": AUDIENCE_NOTES[audience],
        "index": f"{up}index.html",
        "css": nav.get("css", f"{up}report.css"),
        "prev": _with_short(nav.get("prev")),
        "next": _with_short(nav.get("next")),
        "others": [(other, href) for other, href in (links or {}).items() if other != audience],
    }
    body, _ = _exporter(audience, show_code).from_notebook_node(
        nb, resources={"metadata": {"name": name, "path": str(folder)}, "mediacompare": bar})
    body = page_contents(SHARED_STYLE.sub("", body))
    return body if body.endswith("\n") else body + "\n"


def _with_short(link: tuple | None) -> tuple | None:
    """``(href, title, short title)`` for the top bar (the pager at the end uses the full title)."""
    if not link:
        return None
    href, title = link[0], link[1]
    short = title if len(title) <= 44 else title[:44].rsplit(" ", 1)[0].rstrip(" ,:;·") + "…"
    return (href, title, short)


_H2 = re.compile(r'<h2 id="([^"]+)">(.*?)</h2>', re.S)
_TAG = re.compile(r"<[^>]+>")
_CELL = re.compile(r'<div(?: id="[^"]*")? class="jp-Cell ')


def page_contents(page: str, *, min_sections: int = 2) -> str:
    """The page with its contents (a link to each ``<h2>`` section) put after its first cell.

    >>> page = ('<div class="jp-Cell a"><h1>T</h1></div><div class="jp-Cell b">'
    ...         '<h2 id="one">1. One<a class="anchor-link" href="#one">¶</a></h2></div>'
    ...         '<div class="jp-Cell c"><h2 id="two">Two &amp; more</h2></div>')
    >>> out = page_contents(page)
    >>> out.index('<nav class="mc-toc"') < out.index('class="jp-Cell b"')
    True
    >>> '<a href="#one">1. One</a>' in out and '<a href="#two">Two &amp; more</a>' in out
    True
    """
    sections = [(anchor, html.unescape(_TAG.sub("", text)).replace("¶", "").strip())
                for anchor, text in _H2.findall(page)]
    cells = list(_CELL.finditer(page))
    if len(sections) < min_sections or len(cells) < 2:
        return page
    items = "".join(f'<li><a href="#{html.escape(a)}">{html.escape(t)}</a></li>'
                    for a, t in sections)
    toc = (f'<nav class="mc-toc" aria-label="on this page"><b>On this page</b>'
           f"<ol>{items}</ol></nav>\n")
    at = cells[1].start()
    return page[:at] + toc + page[at:]


def error_page(*, notebook: str, title: str, summary: str,
               cell_source: str | None, cell_index: int | None, details: str,
               index_href: str = "index.html", css_href: str | None = None) -> str:
    """A self-contained page saying that ``notebook`` failed, and where.

    >>> page = error_page(notebook="02-x.ipynb", title="<b>X</b>", summary="E: <oops>",
    ...                   cell_source="1/0", cell_index=3, details="tb")
    >>> "&lt;b&gt;X&lt;/b&gt;" in page and "<b>X</b>" not in page
    True
    """
    esc = html.escape
    if cell_source is None:
        cell_part = "<p>No cell was running: the notebook could not be read or its kernel did not start.</p>"
    else:
        where = "" if cell_index is None else (
            f" (cell {cell_index + 1} of the executed notebook, counting the injected "
            "parameters cell)")
        cell_part = (f"<h2>The cell that failed{esc(where)}</h2>\n"
                     f"<pre class=\"source\">{esc(cell_source)}</pre>")
    if css_href is None:
        css_href = index_href.rsplit("/", 1)[0] + "/report.css" if "/" in index_href else "report.css"
    return page_head(f"{title} (failed)", css_href) + f"""
<body>
<nav class="mc-nav"><a class="mc-home" href="{esc(index_href)}">Contents of the report</a></nav>
<main>
<h1>{esc(title)}</h1>
<p class="mc-failed">This page could not be made: its notebook (<code>{esc(notebook)}</code>)
failed to run. {esc(summary)}</p>
<p>The other pages of the report were built. Below, for whoever maintains the report: the
cell that failed and the error. Run the notebook in JupyterLab to see every output up to the
failure.</p>
{cell_part}
<h2>The error</h2>
<pre class="error">{esc(details)}</pre>
</main>
</body>
</html>
"""
