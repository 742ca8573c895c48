"""Build the static HTML report: every notebook executed, plus an index.

:func:`build_report` is the whole job. Its steps:

1. find the notebooks (``*.ipynb``, sorted by name) and load the corpus once:
   any error here propagates and nothing is written;
2. in a temporary folder next to ``out_dir``, execute each notebook with the
   corpus source injected (see :mod:`mediacompare.report.execute`) and write
   one page per notebook and audience: the rendered notebook, or an error page
   if it failed (see :mod:`mediacompare.report.export`); a failure does not
   stop the others;
3. write ``index.html`` (see :mod:`mediacompare.report.index`);
4. swap the temporary folder in for ``out_dir``. An exception or an
   interruption before that point removes the temporary folder and leaves an
   existing report as it was.

Audiences. Exercise notebooks keep their answers in cells tagged ``solution``.
The **student** render removes those cells *before* executing the notebook (so
nothing an answer computes can leak into another cell's output) and writes
``student/<notebook>.html``; the **teacher** render executes every cell and
marks each answer (``teacher/<notebook>.html``). A notebook without solution
cells is executed once and rendered for both. Beside the pages, each audience
folder gets its notebooks as handouts (``student/notebooks/*.ipynb`` without the
answers, ``teacher/notebooks/*.ipynb`` with them), unexecuted.

Notebook pages are deterministic (same notebooks, corpus and library: same
bytes); only ``index.html`` carries the build date.
"""

from __future__ import annotations

import logging
import os
import secrets
import shutil
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from ..errors import ReportError, SourceNotFoundError
from .export import SOLUTION_TAG

__all__ = ["AUDIENCES", "SOLUTION_TAG", "PageRecord", "ReportResult", "build_report"]

#: The renders the report can make, in the order of the index.
AUDIENCES = ("student", "teacher")


log = logging.getLogger(__name__)

_GENERATOR = '<meta name="generator" content="mediacompare'


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
    """

    notebook: str
    html: str
    status: str
    error: str | None = None
    title: str = ""
    audience: str = "student"
    solutions: int = 0
    handout: str | None = None


@dataclass
class ReportResult:
    """What :func:`build_report` wrote.

    Attributes
    ----------
    out_dir : Path
        The report folder (absolute); open ``out_dir / "index.html"``.
    pages : list of PageRecord
        One per notebook and audience, notebook by notebook in the order of
        the index.
    corpus_digest : str
        The hash of the corpus the notebooks ran on.
    """

    out_dir: Path
    pages: list[PageRecord] = field(default_factory=list)
    corpus_digest: str = ""

    @property
    def failed(self) -> list[PageRecord]:
        """The pages whose notebook failed."""
        return [p for p in self.pages if p.status != "ok"]

    @property
    def ok(self) -> bool:
        """True when every notebook ran without error."""
        return not self.failed


def build_report(out_dir: str | os.PathLike[str], *,
                 corpus_source: str | os.PathLike[str] | None = None,
                 corpus_options: dict | None = None,
                 lexicon_options: dict | None = None,
                 framing_options: dict | None = None,
                 notebooks_dir: str | os.PathLike[str] | None = None,
                 audiences: str | Sequence[str] = AUDIENCES,
                 timeout: int = 600, progress: bool | None = None) -> ReportResult:
    """Execute every notebook on a corpus and write a self-contained HTML site.

    Parameters
    ----------
    out_dir : str or path-like
        The report folder. It is replaced as a whole, atomically, once the new
        report is complete. An existing folder that is neither empty nor a
        mediacompare report is refused (so a mistyped path cannot be wiped).
    corpus_source : str, path-like or None
        The corpus (a folder, CSV or JSONL file, as :func:`load_corpus`
        accepts); None means the bundled seed articles. A relative path is
        taken from the current folder. Each notebook receives it, as an
        absolute path, in its ``corpus_source`` parameter.
    corpus_options : dict or None
        Keyword arguments of :func:`load_corpus` (``text_col=``, ``manifest=``,
        ...); paths among them are made absolute. Each notebook receives them
        in its ``corpus_options`` parameter.
    lexicon_options : dict or None
        Keyword arguments of :func:`load_lexicon` (``paths=``, ``extend=``);
        paths are made absolute. Each notebook receives them in its
        ``lexicon_options`` parameter; the lexicon is loaded once first, so a
        broken lexicon fails before any notebook runs.
    framing_options : dict or None
        ``{"actors": path, "frame_cues": path}``: a user's gazetteer rows and
        frame cues added to the packaged ones (paths made absolute), injected as
        ``framing_options`` and checked before any notebook runs.
    notebooks_dir : str, path-like or None
        The folder of ``*.ipynb`` files; None means the bundled notebooks.
    audiences : str or sequence of str
        Which renders to build: ``"student"`` (cells tagged ``solution``
        removed before execution), ``"teacher"`` (answers shown and marked), or
        both (the default), each into its own folder linked from the index.
    timeout : int
        Seconds allowed for each cell before the notebook counts as failed.
    progress : bool or None
        Show a progress bar over the notebooks (None: the session's or
        environment's setting; see :mod:`mediacompare.progress`). The kernels
        that render the pages never show one.

    Returns
    -------
    ReportResult
        The pages written and their status; ``result.ok`` is False if any
        notebook failed (its page then shows the failing cell and the error).

    Raises
    ------
    SourceNotFoundError
        The notebooks folder is missing or holds no notebook (or the corpus
        is missing).
    MediaCompareError
        The corpus cannot be loaded; nothing is written.
    ReportError
        ``out_dir`` exists and is not a report, or cannot be replaced.
    TypeError, ValueError
        ``corpus_source`` is not a path, ``timeout`` is not positive, or an
        audience is unknown.
    """
    chosen = _check_audiences(audiences)
    if isinstance(timeout, bool) or not isinstance(timeout, (int, float)) or not timeout > 0:
        raise ValueError(f"timeout must be a positive number of seconds per cell; got {timeout!r}")
    out = Path(os.path.abspath(os.fspath(out_dir)))
    _check_replaceable(out)
    notebooks = find_notebooks(notebooks_dir)
    source = _absolute_source(corpus_source)
    options = _absolute_options(corpus_options)
    lexicon = _absolute_lexicon_options(lexicon_options)

    from ..corpus import load_corpus
    from ..features import load_lexicon

    corpus = load_corpus(source, **options, **({} if progress is None else {"progress": progress}))
    load_lexicon(**lexicon)
    framing = {key: os.path.abspath(os.fspath(value)) for key, value in (framing_options or {}).items()
               if value is not None}
    from ..features import load_actors, load_frame_cues

    load_actors(framing.get("actors"), extend=True)
    load_frame_cues(framing.get("frame_cues"), extend=True)
    parameters = {"corpus_source": source, "corpus_options": options, "lexicon_options": lexicon,
                  "framing_options": framing}
    digest = str(corpus.digest())

    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = _new_folder(out, "tmp")
    try:
        from ..progress import track

        pages = [page for nb_path in track(notebooks, desc="building the report",
                                           unit="notebook", progress=progress)
                 for page in _build_pages(nb_path, parameters, tmp, timeout, chosen)]
        _write_index(tmp, pages, corpus, digest, source, chosen)
        _swap_in(tmp, out)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return ReportResult(out_dir=out, pages=pages, corpus_digest=digest)


def find_notebooks(notebooks_dir: str | os.PathLike[str] | None = None) -> list[Path]:
    """The notebooks of the report, sorted by file name.

    Raises
    ------
    SourceNotFoundError
        The folder does not exist or holds no ``*.ipynb`` file.
    """
    if notebooks_dir is None:
        from .._paths import bundled

        folder = bundled("notebooks")
    else:
        folder = Path(os.path.abspath(os.fspath(notebooks_dir)))
    if not folder.is_dir():
        raise SourceNotFoundError(f"notebooks folder not found: {folder}")
    found = sorted((p for p in folder.glob("*.ipynb")
                    if p.is_file() and not p.name.startswith(".")), key=lambda p: p.name)
    if not found:
        raise SourceNotFoundError(f"no notebooks (*.ipynb) in the notebooks folder {folder}")
    return found


def _absolute_source(corpus_source: str | os.PathLike[str] | None) -> str | None:
    if corpus_source is None:
        return None
    if not isinstance(corpus_source, (str, os.PathLike)):
        raise TypeError("corpus_source must be a path (str or os.PathLike) or None; "
                        f"got {type(corpus_source).__name__}")
    return os.path.abspath(os.fspath(corpus_source))


_PATH_OPTIONS = ("manifest", "rules", "events", "outlets")


def _absolute_options(options: dict | None) -> dict:
    if options is None:
        return {}
    if not isinstance(options, dict):
        raise TypeError(f"corpus_options must be a dict of load_corpus arguments or None; "
                        f"got {type(options).__name__}")
    return {key: os.path.abspath(os.fspath(value)) if key in _PATH_OPTIONS and value is not None
            else value for key, value in options.items()}


def _absolute_lexicon_options(options: dict | None) -> dict:
    if not options:
        return {}
    if not isinstance(options, dict):
        raise TypeError(f"lexicon_options must be a dict of load_lexicon arguments or None; "
                        f"got {type(options).__name__}")
    out = dict(options)
    paths = out.get("paths")
    if paths is not None:
        paths = [paths] if isinstance(paths, (str, os.PathLike)) else list(paths)
        out["paths"] = [os.path.abspath(os.fspath(p)) for p in paths]
    return out


def _check_replaceable(out: Path) -> None:
    """Refuse to replace anything but a missing folder, an empty one or a report."""
    if not out.exists():
        return
    if not out.is_dir():
        raise ReportError(f"out_dir {out} exists and is not a folder; give a folder for the report")
    if not any(out.iterdir()):
        return
    index = out / "index.html"
    try:
        head = index.read_text(encoding="utf-8", errors="replace")[:4000]
    except OSError:
        head = ""
    if _GENERATOR not in head:
        raise ReportError(
            f"out_dir {out} is not empty and is not a mediacompare report (no index.html "
            "written by mediacompare); the report replaces the whole folder, so give a new "
            "or empty folder, or a previous report's folder")


def _check_audiences(audiences: str | Sequence[str]) -> tuple[str, ...]:
    """The audiences asked for, in the order of :data:`AUDIENCES`."""
    asked = [audiences] if isinstance(audiences, str) else list(audiences)
    unknown = [a for a in asked if a not in AUDIENCES]
    if unknown or not asked:
        raise ValueError(f"audiences must be among {', '.join(AUDIENCES)}; got {audiences!r}")
    return tuple(a for a in AUDIENCES if a in asked)


def _page_name(nb_path: Path) -> str:
    stem = nb_path.stem
    return f"{stem}-notebook.html" if stem.lower() == "index" else f"{stem}.html"


def _solution_count(nb_path: Path) -> int | None:
    """How many cells are tagged ``solution`` (None if the notebook cannot be read)."""
    import nbformat

    try:
        nb = nbformat.read(nb_path, as_version=4)
    except Exception:  # run_notebook reports the reason on the page
        return None
    return sum(SOLUTION_TAG in cell.get("metadata", {}).get("tags", []) for cell in nb.cells)


def _build_pages(nb_path: Path, parameters: dict, folder: Path, timeout: int,
                 audiences: tuple[str, ...]) -> list[PageRecord]:
    """Execute one notebook and write its page (or error page) for each audience.

    A notebook without solution cells is executed once; one with solution
    cells is executed once per audience (the student's run without them).
    """
    from .execute import run_notebook

    solutions = _solution_count(nb_path)
    outcomes: dict[str, object] = {}
    for audience in audiences:
        drop = frozenset({SOLUTION_TAG}) if audience == "student" else frozenset()
        if not solutions and outcomes:  # same cells for every audience: run once
            outcomes[audience] = next(iter(outcomes.values()))
            continue
        log.info("executing %s (%s)", nb_path.name, audience)
        outcomes[audience] = run_notebook(nb_path, parameters, timeout=timeout, drop_tags=drop)
    return [_write_page(nb_path, outcomes[audience], folder, audience, audiences,
                        solutions or 0, handout_ok=solutions is not None)
            for audience in audiences]


def _write_page(nb_path: Path, outcome, folder: Path, audience: str,
                audiences: tuple[str, ...], solutions: int, *, handout_ok: bool) -> PageRecord:
    """Render one executed notebook for one audience (or its error page) into ``folder``."""
    import copy

    from .export import error_page, notebook_title, render_notebook

    page = _page_name(nb_path)
    (folder / audience).mkdir(exist_ok=True)
    title = notebook_title(outcome.notebook, nb_path.stem)
    failure = outcome.failure
    links = {other: f"../{other}/{page}" for other in audiences}
    if failure is None:
        try:
            text = render_notebook(copy.deepcopy(outcome.notebook), name=nb_path.stem,
                                   title=title, folder=nb_path.parent, audience=audience,
                                   links=links)
        except Exception as exc:  # a rendering bug must not lose the other pages
            from .execute import ExecutionFailure

            failure = ExecutionFailure(summary=f"the page could not be rendered: "
                                       f"{type(exc).__name__}: {exc}",
                                       cell_source=None, cell_index=None, details=str(exc))
    if failure is not None:
        log.warning("%s (%s) failed: %s", nb_path.name, audience, failure.summary)
        text = error_page(notebook=nb_path.name, title=title, summary=failure.summary,
                          cell_source=failure.cell_source, cell_index=failure.cell_index,
                          details=failure.details, index_href="../index.html")
    (folder / audience / page).write_text(text, encoding="utf-8", newline="\n")
    handout = _write_handout(nb_path, folder / audience / "notebooks", audience) \
        if handout_ok else None
    return PageRecord(notebook=nb_path.name, html=f"{audience}/{page}",
                      status="ok" if failure is None else "failed",
                      error=None if failure is None else failure.summary, title=title,
                      audience=audience, solutions=solutions,
                      handout=None if handout is None else f"{audience}/notebooks/{handout}")


def _write_handout(nb_path: Path, folder: Path, audience: str) -> str | None:
    """Write the unexecuted notebook for ``audience`` (no answers for students)."""
    import nbformat

    try:
        nb = nbformat.read(nb_path, as_version=4)
    except Exception:
        return None
    if audience == "student":
        nb.cells = [c for c in nb.cells if SOLUTION_TAG not in c.get("metadata", {}).get("tags", [])]
    for cell in nb.cells:
        if cell.get("cell_type") == "code":
            cell["outputs"], cell["execution_count"] = [], None
    folder.mkdir(exist_ok=True)
    name = nb_path.name
    with open(folder / name, "w", encoding="utf-8", newline="\n") as handle:
        nbformat.write(nb, handle)
    return name


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("mediacompare")
    except PackageNotFoundError:
        return "unknown"


def _build_date() -> str:
    """Today's date in UTC, ``YYYY-MM-DD`` (no time: the index's only date)."""
    return datetime.now(timezone.utc).date().isoformat()


def _write_index(folder: Path, pages: list[PageRecord], corpus, digest: str,
                 source: str | None, audiences: tuple[str, ...]) -> None:
    from .index import index_page

    text = index_page(
        pages=pages, audiences=audiences, articles=corpus.articles,
        load_report=getattr(corpus, "load_report", None), digest=digest,
        version=_version(), build_date=_build_date(),
        corpus_label="the bundled seed articles" if source is None else source)
    (folder / "index.html").write_text(text, encoding="utf-8", newline="\n")


def _new_folder(out: Path, kind: str) -> Path:
    """A new, empty, hidden folder beside ``out`` (same file system, so renames are atomic).

    Unlike ``tempfile.mkdtemp`` (mode 0700), ``os.mkdir`` honours the umask, so
    the report ends up with the permissions of any other new folder.
    """
    for _ in range(100):
        candidate = out.parent / f".{out.name}.{kind}-{secrets.token_hex(4)}"
        try:
            candidate.mkdir()
        except FileExistsError:
            continue
        return candidate
    raise ReportError(f"could not create a temporary folder beside {out}")


def _swap_in(new: Path, out: Path) -> None:
    """Replace ``out`` by ``new``: old aside, new in, old deleted."""
    if not out.exists():
        os.replace(new, out)
        return
    holder = _new_folder(out, "old")
    aside = holder / out.name
    try:
        os.replace(out, aside)
        try:
            os.replace(new, out)
        except BaseException:
            os.replace(aside, out)  # put the old report back
            raise
    except OSError as exc:
        shutil.rmtree(holder, ignore_errors=True)
        raise ReportError(f"could not replace the report folder {out}: {exc}") from exc
    shutil.rmtree(holder, ignore_errors=True)
