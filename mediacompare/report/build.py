"""Build the static HTML report: every notebook executed, plus an index.

:func:`build_report` is the whole job. Its steps:

1. find the notebooks (``*.ipynb``, sorted by name), start the kernels (one per
   worker, :mod:`mediacompare.report.kernels`), and meanwhile load the corpus once
   and check a user's lexicon and framing files: any error here propagates and
   nothing is written;
2. analyse the corpus once into a file the kernels load; in a temporary folder
   next to ``out_dir``, execute the notebooks with the corpus source injected
   (see :mod:`mediacompare.report.execute`), several at once (one per available
   core, ``jobs=``), each worker running its notebooks in turn in its own kernel,
   reset to a fresh kernel's state before each; write one page per notebook
   and audience: the rendered notebook, or an error page if it failed (see
   :mod:`mediacompare.report.export`); a failure does not stop the others;
3. write the one style sheet (``report.css``), the notebooks handed out, and
   ``index.html`` (see :mod:`mediacompare.report.index`);
4. swap the temporary folder in for ``out_dir``. An exception or an
   interruption (Ctrl-C, or SIGTERM, which is handled like Ctrl-C) before that
   point kills the running kernels, removes the temporary folder and leaves an
   existing report as it was.

Temporary folders (``.<name>.tmp-xxxxxxxx``) carry a note of the process that
made them; a build first removes those of its report whose process is gone
(a build killed with SIGKILL cannot clean up after itself), and puts back a
previous report left aside by a build killed halfway through the swap.

Audiences. Exercise notebooks keep their answers in cells tagged ``solution``.
The **student** render removes those cells *before* executing the notebook (so
nothing an answer computes can leak into another cell's output) and writes
``student/<notebook>.html``; the **teacher** render executes every cell and
marks each answer (``teacher/<notebook>.html``). A notebook without solution
cells is executed once and rendered for both; so is one whose answers only show
things (:func:`.isolation.answers_isolated`), the student's page being that run
without the answer cells. Cells tagged ``lab-only`` (answers
typed as Python and their self-checks) are not run for the report; cells tagged
``report-only`` (the printable worksheets) are not in the notebook files. Beside
the pages, each audience folder gets its notebooks for JupyterLab
(``student/notebooks/*.ipynb`` without the answers, ``teacher/notebooks/*.ipynb``
with them), unexecuted.

Notebook pages are deterministic (same notebooks, corpus and library: same
bytes); only ``index.html`` carries the build date.
"""

from __future__ import annotations

import logging
import os
import shutil
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from ..errors import SourceNotFoundError
from .export import SOLUTION_TAG
from .folders import _OWNER, check_replaceable, new_folder, remove_stale, swap_in
from .pages import PageRecord, _page_name, _solution_count  # noqa: F401  (re-exported)
from .run import (BuildInterrupted, _signals_as_interrupts, _signals_blocked, build_pages,
                  default_jobs)

__all__ = ["AUDIENCES", "SOLUTION_TAG", "BuildInterrupted", "PageRecord", "ReportResult",
           "build_report", "default_jobs", "remove_stale"]

#: The renders the report can make, in the order of the index.
AUDIENCES = ("student", "teacher")


log = logging.getLogger(__name__)


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
    kernels : int
        How many kernels the build started: one per worker that had a notebook to run,
        plus one for each kernel replaced (after a failure, or a notebook that may leave
        state behind; see :mod:`mediacompare.report.kernels`).
    """

    out_dir: Path
    pages: list[PageRecord] = field(default_factory=list)
    corpus_digest: str = ""
    kernels: int = 0

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
                 timeout: int = 600, progress: bool | None = None, jobs: int | None = None,
                 show_code: bool = False) -> ReportResult:
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
    jobs : int or None
        How many notebooks run at once (None: one per available core,
        :func:`default_jobs`). Pages are the same whatever the number.
    show_code : bool
        Show the code of the cells in the teacher's version (the student's
        version never shows code).

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
    BuildInterrupted, KeyboardInterrupt
        The build was stopped (SIGTERM or Ctrl-C): the running kernels are
        killed, nothing is written, and an existing report is left as it was.
    TypeError, ValueError
        ``corpus_source`` is not a path, ``timeout`` or ``jobs`` is not
        positive, or an audience is unknown.
    """
    chosen = _check_audiences(audiences)
    if isinstance(timeout, bool) or not isinstance(timeout, (int, float)) or not timeout > 0:
        raise ValueError(f"timeout must be a positive number of seconds per cell; got {timeout!r}")
    if jobs is None:
        jobs = default_jobs()
    if isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 1:
        raise ValueError(f"jobs must be a whole number of notebooks run at once, >= 1; got {jobs!r}")
    out = Path(os.path.abspath(os.fspath(out_dir)))
    check_replaceable(out)
    notebooks = find_notebooks(notebooks_dir)
    source = _absolute_source(corpus_source)
    options = _absolute_options(corpus_options)
    lexicon = _absolute_lexicon_options(lexicon_options)

    from . import execute
    from .kernels import KernelPool

    _import_jsonschema()
    with _signals_as_interrupts(), execute.kernel_sockets() as private, \
            execute.shared_analyses(private / _ANALYSES), \
            KernelPool(notebooks[0].parent) as kernels:
        # the kernels start (and import what the notebooks use) while the corpus is read
        kernels.start_ahead(min(jobs, len(notebooks)))
        corpus, parameters = _prepare(source, options, lexicon, framing_options, progress)
        digest = str(corpus.digest())
        out.parent.mkdir(parents=True, exist_ok=True)
        remove_stale(out)
        tmp = new_folder(out, "tmp")
        try:
            _save_analyses(private / _ANALYSES, corpus)
            pages = build_pages(notebooks, parameters, tmp, timeout, chosen, jobs, progress,
                                show_code, kernels=kernels)
            _write_stylesheet(tmp)
            _write_index(tmp, pages, corpus, digest, source, chosen)
            (tmp / _OWNER).unlink(missing_ok=True)
            with _signals_blocked():
                swap_in(tmp, out)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
    return ReportResult(out_dir=out, pages=pages, corpus_digest=digest, kernels=kernels.started)


def _import_jsonschema() -> None:
    """Import jsonschema (which nbformat validates notebooks with) without ``rfc3987_syntax``.

    When ``rfc3987-syntax`` is installed (JupyterLab brings it, through jupyter-events),
    importing jsonschema compiles its grammar of IRIs: about 1.7 seconds, more than the
    builder spends on anything else before the first notebook runs, and only ever used to
    check the ``iri`` format, which the notebook schema does not use. It is hidden while
    jsonschema is imported (jsonschema then checks no ``iri`` format in this process) and
    importable again afterwards. Nothing is done if jsonschema is imported already.
    """
    import sys

    if "jsonschema" in sys.modules:
        return
    hidden = "rfc3987_syntax" not in sys.modules
    if hidden:
        sys.modules["rfc3987_syntax"] = None  # type: ignore[assignment]  # import fails
    try:
        import jsonschema  # noqa: F401
    except ImportError:
        pass
    finally:
        if hidden and sys.modules.get("rfc3987_syntax", False) is None:
            del sys.modules["rfc3987_syntax"]


def _prepare(source, options: dict, lexicon: dict, framing_options: dict | None,
             progress: bool | None) -> tuple:
    """Load the corpus and check the lexicon and framing files (any error propagates
    before anything is written); the corpus and the notebooks' parameters."""
    from ..corpus import load_corpus
    from ..features import load_actors, load_frame_cues, load_lexicon

    corpus = load_corpus(source, **options, **({} if progress is None else {"progress": progress}))
    framing = {key: os.path.abspath(os.fspath(value)) for key, value in (framing_options or {}).items()
               if value is not None}
    # a user's files are checked here; the packaged ones are checked by the tests (and
    # read by the kernels while the corpus loads: see kernels.WARM_UP)
    if lexicon:
        load_lexicon(**lexicon)
    if framing.get("actors"):
        load_actors(framing["actors"], extend=True)
    if framing.get("frame_cues"):
        load_frame_cues(framing["frame_cues"], extend=True)
    parameters = {"corpus_source": source, "corpus_options": options, "lexicon_options": lexicon,
                  "framing_options": framing}
    return corpus, parameters


def _save_analyses(path: Path, corpus) -> None:
    """One analysis of the corpus for every kernel: each article tokenized, split into
    sentences and searched for quotations once per build (a file in the build's private
    folder, which the kernels load on first use)."""
    from ..document import save_analyses

    save_analyses(path, corpus)


#: The file of the corpus's analyses the kernels share during a build (in its private folder).
_ANALYSES = "analyses.pickle"


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




def _check_audiences(audiences: str | Sequence[str]) -> tuple[str, ...]:
    """The audiences asked for, in the order of :data:`AUDIENCES`."""
    asked = [audiences] if isinstance(audiences, str) else list(audiences)
    unknown = [a for a in asked if a not in AUDIENCES]
    if unknown or not asked:
        raise ValueError(f"audiences must be among {', '.join(AUDIENCES)}; got {audiences!r}")
    return tuple(a for a in AUDIENCES if a in asked)




def _write_stylesheet(folder: Path) -> None:
    from .stylesheet import STYLESHEET, report_css

    (folder / STYLESHEET).write_text(report_css(), encoding="utf-8", newline="\n")




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


