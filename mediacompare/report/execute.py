"""Run one notebook: inject the corpus source, execute it, normalise its outputs.

The parameter is injected with papermill's own
:func:`papermill.parameterize.parameterize_notebook` (a new cell tagged
``injected-parameters`` after the cell tagged ``parameters``), and the notebook
is executed with :class:`nbclient.NotebookClient` in a ``python3`` kernel whose
working folder is the notebook's folder: a fresh one, or a build's kernel reset to
a fresh kernel's state (:mod:`mediacompare.report.kernels`).

Everything a run would otherwise vary from run to run is made deterministic
here (and in :mod:`mediacompare.report.normalise`), on the notebook itself,
before it is rendered:

- the injected cell carries the rendering tags (``remove-cell``, ``hide-input``,
  ...) of the ``parameters`` cell, so a hidden parameters cell stays hidden;
- cell ids: kept where the file had them, otherwise ``cell-<n>``; the injected
  cell is ``injected-parameters`` (nbformat would give new cells random ids);
- consecutive pieces of one stream (``print`` output the kernel sent in several
  messages, depending on timing) become one output;
- memory addresses in plain-text reprs (``<Line2D at 0x7f3a...>``) become
  ``0x…``;
- the random table ids of pandas ``Styler`` HTML (``T_1a2b3``) are renumbered.

Kernels talk to the builder over local IPC sockets in a private folder
(:func:`kernel_sockets`), not TCP, so no kernel warns that it is "running over
TCP without encryption" into the build's progress. Several notebooks may run
at once, each in its own thread; :func:`stop_kernels` kills every running
kernel (an interrupted build calls it, so no notebook runs on after the build
has stopped).

A failure's one-line summary names the real error: when the kernel reports
none (an error raised while a figure is drawn for display comes back as
``NoneType: None``), it is read from the traceback.

nbformat, papermill and nbclient are imported inside the functions, so importing
this module (and ``mediacompare``) stays fast.
"""

from __future__ import annotations

import atexit
import contextlib
import itertools
import os
import re
import shutil
import signal
import tempfile
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .normalise import normalise_outputs

__all__ = ["ExecutionFailure", "RunOutcome", "kernel_sockets", "run_notebook", "stop_kernels"]

KERNEL_NAME = "python3"
INLINE_BACKEND = "module://matplotlib_inline.backend_inline"

#: Rendering tags of the ``parameters`` cell that the injected cell inherits, so
#: it is shown (or hidden) the way the cell it overrides is.
RENDER_TAGS = ("remove-cell", "hide-input", "remove-input", "remove-output")

_ANSI = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]")
#: A line of a traceback that names an exception, such as "ValueError: bad value".
_EXCEPTION_LINE = re.compile(r"^([A-Za-z_][\w.]*(?:Error|Exception|Exit|Interrupt|Warning))\b:?\s*(.*)$")
#: The summary the kernel gives for an error it could not name.
_UNNAMED = {"", "NoneType", "None"}

_lock = threading.Lock()
_running: set[Any] = set()      # kernel managers of the kernels now running
_stopping = threading.Event()   # set by stop_kernels(): no new kernel starts
_socket_dir: list[str] = []     # the folder of the IPC sockets (see kernel_sockets)
_kernel_numbers = itertools.count(1)


@dataclass(frozen=True)
class ExecutionFailure:
    """Why a notebook could not be executed.

    Attributes
    ----------
    summary : str
        One line, such as ``"ZeroDivisionError: division by zero"``.
    cell_source : str or None
        Source of the cell that was running, or None when no cell had started
        (the notebook could not be read or the kernel did not start).
    cell_index : int or None
        Index of that cell in the executed (parameterised) notebook.
    details : str
        The full error text (traceback), without terminal colour codes.
    """

    summary: str
    cell_source: str | None
    cell_index: int | None
    details: str


@dataclass(frozen=True)
class RunOutcome:
    """The executed notebook (None if it could not be read) and any failure."""

    notebook: Any
    failure: ExecutionFailure | None


def strip_ansi(text: str) -> str:
    """Remove terminal colour codes from a traceback.

    >>> strip_ansi("\\x1b[0;31mZeroDivisionError\\x1b[0m: division by zero")
    'ZeroDivisionError: division by zero'
    """
    return _ANSI.sub("", text)


#: Variables added to the kernels' environment for the build under way (:func:`shared_analyses`).
_BUILD_ENV: dict[str, str] = {}


@contextlib.contextmanager
def shared_analyses(path: Path) -> Iterator[None]:
    """While the block runs, the kernels find the corpus's analyses in ``path`` (written by
    :func:`mediacompare.document.save_analyses`): each article is tokenized, split and
    searched for quotations once per build, not once per notebook."""
    from ..document.cache import ENV_VAR

    _BUILD_ENV[ENV_VAR] = str(path)
    try:
        yield
    finally:
        _BUILD_ENV.pop(ENV_VAR, None)


def kernel_env() -> dict[str, str]:
    """Environment of the kernels that execute the notebooks.

    The inline matplotlib backend is set explicitly (an ``MPLBACKEND=Agg`` in
    the caller's environment would otherwise leave the pages without plots).
    ``MEDIACOMPARE_STATIC=1`` tells the library that its output ends up in a
    static page, so interactive views (the explorer's widgets) render their
    static equivalent instead of widgets that would be dead, and
    ``MEDIACOMPARE_PROGRESS=0`` keeps progress bars out of the pages.
    When mediacompare runs from a source checkout, its folder is put first on
    ``PYTHONPATH`` so the notebooks import the same mediacompare as the builder.
    """
    env = dict(os.environ)
    env["MPLBACKEND"] = INLINE_BACKEND
    env["MEDIACOMPARE_STATIC"] = "1"
    env["MEDIACOMPARE_PROGRESS"] = "0"
    env.update(_BUILD_ENV)
    root = Path(__file__).resolve().parents[2]
    if (root / "pyproject.toml").is_file() and (root / "mediacompare").is_dir():
        rest = env.get("PYTHONPATH")
        env["PYTHONPATH"] = str(root) if not rest else str(root) + os.pathsep + rest
    return env


def _kernel_manager_class() -> type:
    """An ``AsyncKernelManager`` that uses IPC sockets and can be stopped from another thread."""
    from jupyter_client.manager import AsyncKernelManager

    class KernelManager(AsyncKernelManager):
        def __init__(self, **kwargs: Any):
            if _socket_dir:  # a prefix of its own: kernels starting at once pick socket names apart
                kwargs.setdefault("transport", "ipc")
                kwargs.setdefault("ip", os.path.join(_socket_dir[0], f"k{next(_kernel_numbers)}"))
            super().__init__(**kwargs)

        async def start_kernel(self, **kwargs: Any) -> None:
            with _lock:
                if _stopping.is_set():
                    raise RuntimeError("the build was interrupted: no new kernel is started")
                _running.add(self)
            await super().start_kernel(**kwargs)

        async def cleanup_resources(self, restart: bool = False) -> None:
            with _lock:
                _running.discard(self)
            await super().cleanup_resources(restart=restart)

    return KernelManager


@contextlib.contextmanager
def kernel_sockets() -> Iterator[Path]:
    """Kernels started inside this block talk over IPC sockets in a private temporary
    folder (removed afterwards), instead of TCP ports on localhost."""
    folder = Path(tempfile.mkdtemp(prefix="mediacompare-kernels-"))
    _socket_dir[:] = [str(folder)]
    _stopping.clear()
    try:
        yield folder
    finally:
        _socket_dir.clear()
        shutil.rmtree(folder, ignore_errors=True)


def stop_kernels() -> int:
    """Kill every kernel running now and refuse to start new ones (until the next
    :func:`kernel_sockets` block); returns how many were killed. Their notebooks then
    fail with a dead kernel, and their threads end."""
    with _lock:
        _stopping.set()
        managers = list(_running)
    killed = 0
    for manager in managers:
        process = getattr(getattr(manager, "provisioner", None), "process", None)
        pid = getattr(process, "pid", None)
        if pid:
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)
                killed += 1
    return killed


def run_notebook(path: Path, parameters: dict, *, timeout: int,
                 drop_tags: frozenset[str] = frozenset(), kernel: Any = None) -> RunOutcome:
    """Read, parameterise and execute the notebook at ``path``.

    Parameters
    ----------
    path : Path
        The ``.ipynb`` file.
    parameters : dict
        Injected into the notebook after its ``parameters`` cell:
        ``corpus_source`` (absolute path, or None for the bundled seeds),
        ``corpus_options`` (keyword arguments of ``load_corpus``) and
        ``lexicon_options`` (keyword arguments of ``load_lexicon``).
    timeout : int
        Seconds allowed for each cell.
    drop_tags : frozenset of str
        Cells carrying any of these tags are removed before execution (the
        student render drops the cells tagged ``solution``).
    kernel : NotebookKernel or None
        The kernel to run it in (:class:`~mediacompare.report.kernels.NotebookKernel`,
        reset first if it ran a notebook already, replaced afterwards if the notebook
        failed or may leave traces); None: a fresh kernel of its own, shut down after.

    Returns
    -------
    RunOutcome
        Never raises for a failing notebook (read error, cell error, timeout,
        dead kernel): the failure is described in ``RunOutcome.failure``.
    """
    try:
        nb = _parameterised(path, parameters, drop_tags)
    except Exception as exc:  # unreadable notebook: report it, build the others
        return RunOutcome(None, ExecutionFailure(
            summary=f"the notebook could not be read: {type(exc).__name__}: {exc}",
            cell_source=None, cell_index=None, details=strip_ansi(str(exc))))

    from .isolation import leaves_traces
    from .kernels import NotebookKernel

    own = kernel is None
    if own:
        kernel = NotebookKernel(path.parent, reuse=False)
    try:
        outcome = _execute(nb, path, timeout, kernel)
        kernel.done(replace="the notebook failed" if outcome.failure is not None
                    else leaves_traces(nb))
        return outcome
    finally:
        if own:
            kernel.dispose()


def _execute(nb: Any, path: Path, timeout: int, kernel: Any) -> RunOutcome:
    """Execute ``nb`` in ``kernel`` (made ready first); failures become the outcome's."""
    from nbclient import NotebookClient

    running: dict[str, Any] = {}

    def on_cell_start(cell: Any, cell_index: int, **_: Any) -> None:
        running["cell"], running["index"] = cell, cell_index

    client = None
    try:
        kernel.ready()
        client = NotebookClient(nb, km=kernel.km, timeout=timeout, kernel_name=KERNEL_NAME,
                                resources={"metadata": {"path": str(path.parent)}})
        client.kc = kernel.kc
        client.on_cell_start = on_cell_start
        kernel.run_async(client.async_execute())
    except Exception as exc:  # CellExecutionError, CellTimeoutError, DeadKernelError, ...
        cell = running.get("cell")
        details = _details(exc, cell)
        return RunOutcome(nb, ExecutionFailure(
            summary=_summary(exc, details),
            cell_source=None if cell is None else str(cell.source),
            cell_index=running.get("index"),
            details=details))
    finally:  # nbclient leaves its exit hook behind when a kernel fails
        if client is not None:
            atexit.unregister(client._cleanup_kernel)
    normalise_outputs(nb)
    return RunOutcome(nb, None)


def _parameterised(path: Path, parameters: dict, drop_tags: frozenset[str] = frozenset()) -> Any:
    """Read the notebook, drop the cells tagged ``drop_tags``, inject the parameters."""
    import nbformat
    from papermill.parameterize import parameterize_notebook

    nb = nbformat.read(path, as_version=4)
    if drop_tags:
        nb.cells = [cell for cell in nb.cells
                    if not drop_tags.intersection(cell.get("metadata", {}).get("tags", []))]
    file_ids = {id(cell): cell.get("id") for cell in nb.cells}
    nb.metadata.setdefault("papermill", {})
    for cell in nb.cells:  # papermill looks the tags up as attributes
        cell.metadata.setdefault("tags", [])
    nb = parameterize_notebook(nb, dict(parameters),
                               kernel_name=KERNEL_NAME, language="python")
    params = next((c for c in nb.cells if "parameters" in c.metadata["tags"]), None)
    shown_as = [] if params is None else [t for t in params.metadata["tags"] if t in RENDER_TAGS]
    seen: set[str] = set()
    for i, cell in enumerate(nb.cells):
        cid = file_ids.get(id(cell))
        if "injected-parameters" in cell.metadata.get("tags", []):
            cid = "injected-parameters"
            cell.metadata["tags"] = list(dict.fromkeys(cell.metadata["tags"] + shown_as))
        if not cid or cid in seen:
            cid = f"cell-{i}"
        cell["id"] = cid
        seen.add(cid)
    return nb


def _summary(exc: BaseException, details: str = "") -> str:
    """One line naming the error: the kernel's ``ename: evalue``, else the last exception
    the traceback names, else the exception raised here.

    >>> class Unnamed(Exception):
    ...     ename, evalue = "NoneType", "None"
    >>> _summary(Unnamed(), "Traceback...\\n--> 259 parse(s)\\nValueError: \\n_\\n ^\\nParseSyntaxException: Expected {x}")
    'ValueError: _ ^ ParseSyntaxException: Expected {x}'
    """
    ename = getattr(exc, "ename", None)
    evalue = strip_ansi(str(getattr(exc, "evalue", "") or ""))
    if ename and str(ename) not in _UNNAMED:
        return f"{ename}: {evalue}" if evalue and evalue not in _UNNAMED else str(ename)
    named = _from_traceback(details) if hasattr(exc, "ename") else ""
    if named:
        return named
    first = strip_ansi(str(exc)).strip().splitlines()
    return f"{type(exc).__name__}: {first[0]}" if first else type(exc).__name__


def _from_traceback(details: str, limit: int = 300) -> str:
    """The last exception a traceback names, with its message (which may run over lines)."""
    lines = strip_ansi(details).splitlines()
    frames = [i for i, line in enumerate(lines)
              if line.startswith(("File ", "Cell In", "-->", "  File "))]
    for i in range(frames[-1] + 1 if frames else 0, len(lines)):
        match = _EXCEPTION_LINE.match(lines[i])
        if match:
            message = " ".join(part.strip() for part in [match.group(2), *lines[i + 1:]]
                               if part.strip())
            text = f"{match.group(1)}: {message}" if message else match.group(1)
            return text if len(text) <= limit else text[:limit - 1] + "…"
    return ""


def _details(exc: BaseException, cell: Any) -> str:
    """The kernel's traceback if the cell recorded one, else the exception text."""
    for output in [] if cell is None else cell.get("outputs", []):
        if output.get("output_type") == "error" and output.get("traceback"):
            return strip_ansi("\n".join(output["traceback"]))
    return strip_ansi(str(exc)) or type(exc).__name__
