"""Kernels that run several notebooks of a report, one after another.

Starting a kernel and paying its first-use costs (importing pandas, matplotlib and
scikit-learn; reading the packaged lexicons; loading the corpus's analyses) takes longer
than running most of the report's notebooks. Each worker of a build therefore keeps one
:class:`NotebookKernel` for the whole build and runs its notebooks in it in turn:

- the kernel is started when its first notebook needs it, and records the state of a
  fresh kernel (:func:`mediacompare.report.kernel_state.snapshot`);
- before each later notebook it is reset to that state
  (:func:`~mediacompare.report.kernel_state.reset`: namespace, execution count, working
  folder, options, figures, warnings ...), so every page is the one a fresh kernel makes;
- it is replaced by a new kernel when it cannot be reset, after a notebook that failed
  or timed out (the kernel may still be busy or half-changed), and after a notebook
  whose code may leave state the reset cannot see
  (:func:`~mediacompare.report.isolation.leaves_traces`);
- it is shut down at the end of the build; :func:`~mediacompare.report.execute.stop_kernels`
  kills it like any other kernel when a build is interrupted.

Each kernel has its own asyncio event loop, so the thread that runs a notebook may change
from one notebook to the next (one thread at a time).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

__all__ = ["KernelPool", "NotebookKernel"]

log = logging.getLogger(__name__)

_STATE = "__import__('mediacompare.report.kernel_state', fromlist=['_']).{call}"
#: What a kernel does while it waits for its first notebook: import the layers every
#: notebook of the report uses and read the packaged lexicons (a cache keyed by their
#: files). This changes nothing a page shows; it only moves the cost to a time when the
#: builder is still reading the corpus.
WARM_UP = ("__import__('mediacompare.corpus'); __import__('mediacompare.display'); "
           "__import__('mediacompare').load_lexicon()")
#: Kernels started at once in several threads would import jupyter_client's and IPython's
#: modules (to find the kernel spec) at the same time, which can fail half-way.
_SPEC_LOCK = threading.Lock()
#: Seconds allowed for a kernel to answer, for the snapshot and each reset.
SETUP_TIMEOUT = 120


class KernelSetupError(RuntimeError):
    """The kernel did not start, or could not record or restore its fresh state."""


class NotebookKernel:
    """One python3 kernel, started on first use, that runs notebooks in turn.

    Parameters
    ----------
    folder : Path
        The working folder of the kernel (the notebooks' folder).
    reuse : bool
        Record the fresh state and reset to it before every notebook after the first
        (the default). False: a kernel for one notebook (``run_notebook`` without a
        kernel makes one and closes it afterwards).
    """

    def __init__(self, folder: Path, *, reuse: bool = True):
        self.folder = Path(folder)
        self.reuse = reuse
        self.km: Any = None
        self.kc: Any = None
        self.loop = asyncio.new_event_loop()
        self.runs = 0        # notebooks run since the kernel started
        self.started = 0     # kernels started (1 + replacements)
        self._starting: threading.Thread | None = None
        self._start_error: BaseException | None = None

    # ------------------------------------------------------------------ lifecycle

    @property
    def alive(self) -> bool:
        return self.km is not None

    def run_async(self, coroutine: Any) -> Any:
        """Run ``coroutine`` on this kernel's event loop (from any one thread at a time).

        A thread that is running an event loop of its own (a caller using asyncio, or
        Playwright's synchronous API) cannot run another: the coroutine then runs in a
        thread of its own, and this one waits for it."""
        try:
            asyncio.get_running_loop()
        except RuntimeError:
            return self.loop.run_until_complete(coroutine)
        outcome: dict[str, Any] = {}

        def run() -> None:
            try:
                outcome["value"] = self.loop.run_until_complete(coroutine)
            except BaseException as exc:  # raised again in the calling thread
                outcome["error"] = exc

        thread = threading.Thread(target=run, name="mc-kernel-loop")
        thread.start()
        thread.join()
        if "error" in outcome:
            raise outcome["error"]
        return outcome.get("value")

    def start_soon(self) -> None:
        """Start the kernel in a thread of its own, now, so that it is ready (or nearly)
        when its first notebook comes; :meth:`ready` waits for it."""
        if self.alive or self._starting is not None:
            return

        def start() -> None:
            try:
                self.run_async(self._start(warm_up=True))
            except BaseException as exc:  # handed to ready()
                self._start_error = exc

        self._starting = threading.Thread(target=start, name="mc-kernel-start", daemon=True)
        self._starting.start()

    def _wait_started(self) -> None:
        if self._starting is not None:
            self._starting.join()
            self._starting = None
            error, self._start_error = self._start_error, None
            if error is not None:
                raise error

    def ready(self) -> None:
        """Make the kernel ready for a notebook: started (and its fresh state recorded) if
        it is not running, reset if it ran one already, replaced if it cannot be reset.

        Raises
        ------
        KernelSetupError
            No kernel could be made ready (the message says why).
        """
        self._wait_started()
        if self.alive and self.runs:
            try:
                self.run_async(self._silent(_STATE.format(call=f"reset({str(self.folder)!r})")))
            except Exception as exc:
                log.info("kernel replaced: %s", exc)
                self.close()
        if not self.alive:
            self.run_async(self._start())

    def done(self, *, replace: str = "") -> None:
        """A notebook has run; ``replace`` (a reason) closes the kernel so the next
        notebook gets a new one."""
        self.runs += 1
        if replace or not self.reuse:
            if replace:
                log.info("kernel replaced: %s", replace)
            self.close()

    def close(self) -> None:
        """Shut the kernel down now (its loop stays, for a replacement)."""
        with contextlib.suppress(BaseException):
            self._wait_started()
        if self.km is None:
            return
        try:
            self.run_async(self._stop())
        except Exception:  # the process is killed all the same
            process = getattr(getattr(self.km, "provisioner", None), "process", None)
            with contextlib.suppress(Exception):
                process.kill()
                process.wait(timeout=10)
        self.km = self.kc = None

    def dispose(self) -> None:
        """Shut the kernel down and close its event loop: the object is not used again."""
        self.close()
        if not self.loop.is_closed():
            self.loop.close()

    # ------------------------------------------------------------------ async parts

    async def _start(self, warm_up: bool = False) -> None:
        from .execute import KERNEL_NAME, _kernel_manager_class, kernel_env

        self.runs = 0
        try:
            with _SPEC_LOCK:  # one thread at a time imports what finding the kernel spec needs
                km = _kernel_manager_class()(kernel_name=KERNEL_NAME)
                km.kernel_spec  # noqa: B018  (looked up now, kept by the manager)
        except Exception as exc:
            raise KernelSetupError(f"the kernel did not start: {exc}") from exc
        try:
            await km.start_kernel(extra_arguments=["--HistoryManager.hist_file=:memory:"],
                                  cwd=str(self.folder), env=kernel_env())
        except Exception as exc:
            with contextlib.suppress(Exception):
                await km.cleanup_resources()
            raise KernelSetupError(f"the kernel did not start: {exc}") from exc
        self.km, self.kc = km, km.client()
        self.started += 1
        try:
            self.kc.start_channels()
            await self.kc.wait_for_ready(timeout=SETUP_TIMEOUT)
            if self.reuse:
                await self._silent(_STATE.format(call="snapshot()"))
            if warm_up:
                await self._silent(WARM_UP)
        except Exception as exc:
            await self._stop()
            self.km = self.kc = None
            raise KernelSetupError(f"the kernel did not start: {exc}") from exc

    async def _silent(self, code: str) -> None:
        """Run ``code`` without output, history or execution count; raise if it fails."""
        reply = await self.kc.execute_interactive(code, silent=True, store_history=False,
                                                  timeout=SETUP_TIMEOUT,
                                                  output_hook=lambda msg: None)
        content = reply["content"]
        if content.get("status") != "ok":
            raise KernelSetupError(f"{content.get('ename')}: {content.get('evalue')}")

    async def _stop(self) -> None:
        with contextlib.suppress(Exception):
            self.kc.stop_channels()
        try:
            await self.km.shutdown_kernel(now=True)
        except Exception:
            with contextlib.suppress(Exception):
                await self.km.cleanup_resources()


class KernelPool:
    """The kernels of a build: one per worker, taken for a notebook and given back.

    A kernel is made when a worker first needs one (:meth:`take`), or ahead of time
    with :meth:`start_ahead`; :meth:`close` shuts every kernel down.
    """

    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self.kernels: list[NotebookKernel] = []
        self._free: list[NotebookKernel] = []
        self._lock = threading.Lock()

    def start_ahead(self, count: int) -> None:
        """Start ``count`` kernels now, each in a thread of its own."""
        # what starting a kernel imports, imported here rather than by several threads at once
        import IPython.paths  # noqa: F401
        import jupyter_client.kernelspec  # noqa: F401
        import jupyter_client.manager  # noqa: F401

        with self._lock:
            while len(self.kernels) < count:
                kernel = NotebookKernel(self.folder)
                self.kernels.append(kernel)
                self._free.append(kernel)
                kernel.start_soon()

    @contextlib.contextmanager
    def take(self) -> Iterator[NotebookKernel]:
        """A kernel no other thread uses until the block ends."""
        with self._lock:
            if self._free:
                kernel = self._free.pop(0)
            else:
                kernel = NotebookKernel(self.folder)
                self.kernels.append(kernel)
        try:
            yield kernel
        finally:
            with self._lock:
                self._free.append(kernel)

    @property
    def started(self) -> int:
        """How many kernels were started (replacements included)."""
        return sum(k.started for k in self.kernels)

    def close(self) -> None:
        """Shut every kernel down (no thread may be using one)."""
        for kernel in self.kernels:
            kernel.dispose()

    def __enter__(self) -> KernelPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
