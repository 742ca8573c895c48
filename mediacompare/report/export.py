"""Render executed notebooks, and notebooks that failed, as self-contained pages.

Executed notebooks go through nbconvert's :class:`~nbconvert.HTMLExporter` with
the template ``templates/mediacompare`` (nbconvert's ``lab`` template with every
block that loads from the network emptied; see the template's header). Cells
tagged ``remove-cell`` are dropped and cells tagged ``hide-input`` keep only
their output, through nbconvert's own ``TagRemovePreprocessor``.

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

from ..display.page import CONTENT_SECURITY_POLICY

__all__ = ["AUDIENCE_NOTES", "MARKER_TAG", "SOLUTION_MARKER", "SOLUTION_TAG", "TEMPLATE_NAME",
           "TEMPLATES_DIR", "error_page", "mark_solutions", "notebook_title", "render_notebook"]

TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"
TEMPLATE_NAME = "mediacompare"

#: Tags honoured when rendering (cells are always executed, whatever their tags).
REMOVE_CELL_TAGS = frozenset({"remove-cell"})
#: The tag of an answer cell, and the tag of the marker the teacher's page puts before it.
SOLUTION_TAG = "solution"
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


def page_head(title: str, css: str, generator: str = "mediacompare") -> str:
    """The opening of a self-contained page: doctype, charset, escaped title, inline CSS."""
    esc = html.escape
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<meta http-equiv="Content-Security-Policy" content="{esc(CONTENT_SECURITY_POLICY)}">
<meta name="generator" content="{esc(generator)}">
<title>{esc(title)}</title>
<style type="text/css">{css}</style>
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


def _exporter(audience: str = "teacher") -> Any:
    """An HTMLExporter configured for offline, deterministic pages."""
    from nbconvert import HTMLExporter
    from traitlets.config import Config

    config = Config()
    config.TagRemovePreprocessor.enabled = True
    remove = set(REMOVE_CELL_TAGS) | ({SOLUTION_TAG} if audience == "student" else set())
    config.TagRemovePreprocessor.remove_cell_tags = remove
    config.TagRemovePreprocessor.remove_input_tags = set(REMOVE_INPUT_TAGS)
    config.TagRemovePreprocessor.remove_all_outputs_tags = set(REMOVE_OUTPUT_TAGS)
    exporter = HTMLExporter(
        config=config,
        template_name=TEMPLATE_NAME,
        extra_template_basedirs=[str(TEMPLATES_DIR)],
        embed_images=True,  # Markdown images from local files become data: URIs
        theme="light",
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
                    audience: str = "teacher", links: dict[str, str] | None = None) -> str:
    """Render an executed notebook as one self-contained HTML page.

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
    """
    if audience not in AUDIENCE_NOTES:
        raise ValueError(f"audience must be one of {', '.join(AUDIENCE_NOTES)}; got {audience!r}")
    nb.metadata["title"] = title
    if audience == "teacher":
        mark_solutions(nb)
    bar = {
        "csp": CONTENT_SECURITY_POLICY,
        "audience": audience,
        "note": AUDIENCE_NOTES[audience],
        "index": "index.html" if links is None else "../index.html",
        "others": [(other, href) for other, href in (links or {}).items() if other != audience],
    }
    body, _ = _exporter(audience).from_notebook_node(
        nb, resources={"metadata": {"name": name, "path": str(folder)}, "mediacompare": bar})
    return body if body.endswith("\n") else body + "\n"


_ERROR_CSS = """
body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2em auto;
       max-width: 60em; padding: 0 1em; color: #222; line-height: 1.45; }
h1 { font-size: 1.5em; } h2 { font-size: 1.1em; margin-top: 1.5em; }
.status { color: #a11; font-weight: bold; }
pre { background: #f6f6f6; border: 1px solid #ddd; padding: 0.8em; overflow-x: auto;
      white-space: pre-wrap; word-wrap: break-word; }
pre.error { background: #fdf0f0; border-color: #e5b5b5; }
"""


def error_page(*, notebook: str, title: str, summary: str,
               cell_source: str | None, cell_index: int | None, details: str,
               index_href: str = "index.html") -> str:
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
    return page_head(f"{title} (failed)", _ERROR_CSS) + f"""
<body>
<nav><a href="{esc(index_href)}">&larr; mediacompare report: all notebooks</a></nav>
<h1>{esc(title)}</h1>
<p class="status">This notebook failed to run: <code>{esc(notebook)}</code></p>
<p>{esc(summary)}</p>
{cell_part}
<h2>The error</h2>
<pre class="error">{esc(details)}</pre>
<p>The other notebooks of the report were built. Run this notebook in Jupyter to see
every output up to the failure.</p>
</body>
</html>
"""
