"""The pages of a report: what is known of each notebook before it runs, each page
rendered for an audience (or its error page), and the notebooks handed out."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from .export import REPORT_ONLY_TAG, SOLUTION_TAG

__all__ = ["PageRecord"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PageRecord:
    """One notebook of the report.

    Attributes
    ----------
    notebook : str
        The notebook's file name, such as ``"01-load.ipynb"``.
    html : str
        The page's path inside the report folder, such as ``"student/01-load.html"``.
    status : str
        ``"ok"``, or ``"failed"`` when the notebook could not be executed.
    error : str or None
        One line saying what went wrong (None when ``status`` is ``"ok"``).
    title : str
        The notebook's first Markdown heading (its file stem if it has none).
    audience : str
        ``"student"`` or ``"teacher"``.
    solutions : int
        How many cells of the notebook are tagged ``solution`` (removed from
        the student's page, marked on the teacher's).
    handout : str or None
        The path of the unexecuted notebook file for this audience inside the
        report folder (None if the notebook could not be read).
    summary : str
        What the page shows, in a sentence (the notebook's metadata
        ``mediacompare.summary``; empty if it has none).
    minutes : int or None
        About how long the page takes in class (metadata ``mediacompare.minutes``).
    """

    notebook: str
    html: str
    status: str
    error: str | None = None
    title: str = ""
    audience: str = "student"
    solutions: int = 0
    handout: str | None = None
    summary: str = ""
    minutes: int | None = None




def _page_name(nb_path: Path) -> str:
    stem = nb_path.stem
    return f"{stem}-notebook.html" if stem.lower() == "index" else f"{stem}.html"




@dataclass(frozen=True)
class _Notebook:
    """What the builder knows of a notebook before running it."""

    path: Path
    title: str
    solutions: int | None  # None: the notebook cannot be read
    summary: str = ""
    minutes: int | None = None

    @property
    def page(self) -> str:
        return _page_name(self.path)


def _inspect(nb_path: Path) -> _Notebook:
    """The notebook's title, answer cells and metadata (read without running it)."""
    import nbformat

    from .export import notebook_title

    try:
        nb = nbformat.read(nb_path, as_version=4)
    except Exception:  # run_notebook reports the reason on the page
        return _Notebook(nb_path, nb_path.stem, None)
    meta = nb.metadata.get("mediacompare", {}) if isinstance(nb.metadata, dict) else {}
    minutes = meta.get("minutes")
    return _Notebook(
        nb_path, notebook_title(nb, nb_path.stem),
        sum(SOLUTION_TAG in cell.get("metadata", {}).get("tags", []) for cell in nb.cells),
        summary=str(meta.get("summary", "") or ""),
        minutes=minutes if isinstance(minutes, int) and not isinstance(minutes, bool) else None)




def _solution_count(nb_path: Path) -> int | None:
    """How many cells are tagged ``solution`` (None if the notebook cannot be read)."""
    return _inspect(nb_path).solutions




def _neighbours(books: list[_Notebook], i: int) -> dict:
    nav = {}
    if i > 0:
        nav["prev"] = (books[i - 1].page, books[i - 1].title)
    if i + 1 < len(books):
        nav["next"] = (books[i + 1].page, books[i + 1].title)
    return nav


def _render(books: list[_Notebook], i: int, outcome, audience: str,
            audiences: tuple[str, ...], show_code: bool) -> tuple[str, str, object]:
    """The title and page of one executed notebook for one audience (or its error page),
    and the failure (None when the notebook ran)."""
    import copy

    from .export import error_page, notebook_title, render_notebook

    book = books[i]
    title = notebook_title(outcome.notebook, book.title) if outcome.notebook is not None \
        else book.title
    failure = outcome.failure
    links = {other: f"../{other}/{book.page}" for other in audiences}
    if failure is None:
        try:
            text = render_notebook(copy.deepcopy(outcome.notebook), name=book.path.stem,
                                   title=title, folder=book.path.parent, audience=audience,
                                   links=links, nav=_neighbours(books, i),
                                   show_code=show_code and audience == "teacher")
        except Exception as exc:  # a rendering bug must not lose the other pages
            from .execute import ExecutionFailure

            failure = ExecutionFailure(summary=f"the page could not be rendered: "
                                       f"{type(exc).__name__}: {exc}",
                                       cell_source=None, cell_index=None, details=str(exc))
    if failure is not None:
        log.warning("%s (%s) failed: %s", book.path.name, audience, failure.summary)
        text = error_page(notebook=book.path.name, title=title, summary=failure.summary,
                          cell_source=failure.cell_source, cell_index=failure.cell_index,
                          details=failure.details, index_href="../index.html")
    return title, text, failure


def _write_page(book: _Notebook, title: str, text: str, failure, folder: Path,
                audience: str) -> PageRecord:
    """Write one page and the audience's notebook file; the page's record."""
    (folder / audience).mkdir(exist_ok=True)
    (folder / audience / book.page).write_text(text, encoding="utf-8", newline="\n")
    handout = _write_handout(book.path, folder / audience / "notebooks", audience) \
        if book.solutions is not None else None
    return PageRecord(notebook=book.path.name, html=f"{audience}/{book.page}",
                      status="ok" if failure is None else "failed",
                      error=None if failure is None else failure.summary, title=title,
                      audience=audience, solutions=book.solutions or 0,
                      handout=None if handout is None else f"{audience}/notebooks/{handout}",
                      summary=book.summary, minutes=book.minutes)


def _write_handout(nb_path: Path, folder: Path, audience: str) -> str | None:
    """Write the unexecuted notebook for ``audience``: no answers for students, and for
    everyone without the cells meant only for the report (the printable worksheets)."""
    import nbformat

    try:
        nb = nbformat.read(nb_path, as_version=4)
    except Exception:
        return None
    dropped = {REPORT_ONLY_TAG} | ({SOLUTION_TAG} if audience == "student" else set())
    nb.cells = [c for c in nb.cells
                if not dropped.intersection(c.get("metadata", {}).get("tags", []))]
    for cell in nb.cells:
        if cell.get("cell_type") == "code":
            cell["outputs"], cell["execution_count"] = [], None
    folder.mkdir(exist_ok=True)
    name = nb_path.name
    with open(folder / name, "w", encoding="utf-8", newline="\n") as handle:
        nbformat.write(nb, handle)
    return name


