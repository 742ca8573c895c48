"""Build the static HTML report: every notebook executed, plus an index.

:func:`build_report` is the whole job. Its steps:

1. find the notebooks (``*.ipynb``, sorted by name) and load the corpus once:
   any error here propagates and nothing is written;
2. in a temporary folder next to ``out_dir``, execute each notebook with the
   corpus source injected (see :mod:`mediacompare.report.execute`) and write
   one page per notebook: the rendered notebook, or an error page if it failed
   (see :mod:`mediacompare.report.export`); a failure does not stop the others;
3. write ``index.html`` (see :mod:`mediacompare.report.index`);
4. swap the temporary folder in for ``out_dir``. An exception or an
   interruption before that point removes the temporary folder and leaves an
   existing report as it was.

Notebook pages are deterministic (same notebooks, corpus and library: same
bytes); only ``index.html`` carries the build date.
"""

from __future__ import annotations

import logging
import os
import secrets
import shutil
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from ..errors import ReportError, SourceNotFoundError

__all__ = ["PageRecord", "ReportResult", "build_report"]

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
        The page's file name inside the report folder, such as ``"01-load.html"``.
    status : str
        ``"ok"``, or ``"failed"`` when the notebook could not be executed.
    error : str or None
        One line saying what went wrong (None when ``status`` is ``"ok"``).
    title : str
        The notebook's first Markdown heading (its file stem if it has none).
    """

    notebook: str
    html: str
    status: str
    error: str | None = None
    title: str = ""


@dataclass
class ReportResult:
    """What :func:`build_report` wrote.

    Attributes
    ----------
    out_dir : Path
        The report folder (absolute); open ``out_dir / "index.html"``.
    pages : list of PageRecord
        One per notebook, in the order of the index.
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
                 timeout: int = 600) -> ReportResult:
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
    timeout : int
        Seconds allowed for each cell before the notebook counts as failed.

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
        ``corpus_source`` is not a path, or ``timeout`` is not positive.
    """
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

    corpus = load_corpus(source, **options)
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
        pages = [_build_page(nb_path, parameters, tmp, timeout) for nb_path in notebooks]
        _write_index(tmp, pages, corpus, digest, source)
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


def _page_name(nb_path: Path) -> str:
    stem = nb_path.stem
    return f"{stem}-notebook.html" if stem.lower() == "index" else f"{stem}.html"


def _build_page(nb_path: Path, parameters: dict, folder: Path, timeout: int) -> PageRecord:
    """Execute one notebook and write its page (or its error page) into ``folder``."""
    from .execute import run_notebook
    from .export import error_page, notebook_title, render_notebook

    log.info("executing %s", nb_path.name)
    page = _page_name(nb_path)
    outcome = run_notebook(nb_path, parameters, timeout=timeout)
    title = notebook_title(outcome.notebook, nb_path.stem)
    failure = outcome.failure
    if failure is None:
        try:
            text = render_notebook(outcome.notebook, name=nb_path.stem, title=title,
                                   folder=nb_path.parent)
        except Exception as exc:  # a rendering bug must not lose the other pages
            from .execute import ExecutionFailure

            failure = ExecutionFailure(summary=f"the page could not be rendered: "
                                       f"{type(exc).__name__}: {exc}",
                                       cell_source=None, cell_index=None, details=str(exc))
    if failure is not None:
        log.warning("%s failed: %s", nb_path.name, failure.summary)
        text = error_page(notebook=nb_path.name, title=title, summary=failure.summary,
                          cell_source=failure.cell_source, cell_index=failure.cell_index,
                          details=failure.details)
    (folder / page).write_text(text, encoding="utf-8", newline="\n")
    return PageRecord(notebook=nb_path.name, html=page,
                      status="ok" if failure is None else "failed",
                      error=None if failure is None else failure.summary, title=title)


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
                 source: str | None) -> None:
    from .index import index_page

    text = index_page(
        pages=pages, articles=corpus.articles,
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
