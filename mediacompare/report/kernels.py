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
from pathlib import Path
from typing import Any

__all__ = ["NotebookKernel"]

log = logging.getLogger(__name__)

_STATE = "__import__('mediacompare.report.kernel_state', fromlist=['_']).{call}"
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

    # ------------------------------------------------------------------ lifecycle

    @property
    def alive(self) -> bool:
        return self.km is not None

    def run_async(self, coroutine: Any) -> Any:
        """Run ``coroutine`` on this kernel's event loop (from any one thread at a time)."""
        return self.loop.run_until_complete(coroutine)

    def ready(self) -> None:
        """Make the kernel ready for a notebook: started (and its fresh state recorded) if
        it is not running, reset if it ran one already, replaced if it cannot be reset.

        Raises
        ------
        KernelSetupError
            No kernel could be made ready (the message says why).
        """
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
        if self.km is None:
            return
        with contextlib.suppress(Exception):
            self.run_async(self._stop())
        self.km = self.kc = None

    def dispose(self) -> None:
        """Shut the kernel down and close its event loop: the object is not used again."""
        self.close()
        if not self.loop.is_closed():
            self.loop.close()

    # ------------------------------------------------------------------ async parts

    async def _start(self) -> None:
        from .execute import KERNEL_NAME, _kernel_manager_class, kernel_env

        self.runs = 0
        km = _kernel_manager_class()(kernel_name=KERNEL_NAME)
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
