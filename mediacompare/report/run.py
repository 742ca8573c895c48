"""Running the notebooks of a report: several at once, stopped together.

The notebooks run in threads, one per available core (:func:`default_jobs`).
Each thread keeps one kernel for the build and runs its notebooks in it in turn,
reset to a fresh kernel's state before each (:mod:`.kernels`, :mod:`.kernel_state`),
so start-up and first-use imports are paid once per kernel, not once per notebook;
a kernel is started only when a notebook needs it. The pages come out in notebook
order whatever order the runs finish in, and whichever kernel ran them. SIGTERM is handled like Ctrl-C while a build runs
(:class:`BuildInterrupted`): the running kernels are killed and the build stops.
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import threading
from collections.abc import Iterator
from pathlib import Path

from .export import LAB_ONLY_TAG, SOLUTION_TAG
from .pages import PageRecord, _inspect, _Notebook, _render, _write_page

__all__ = ["BuildInterrupted", "build_pages", "default_jobs"]

log = logging.getLogger(__name__)


class BuildInterrupted(KeyboardInterrupt):
    """The build was stopped by a signal (SIGTERM is handled like Ctrl-C); ``signum`` says which.

    A :class:`KeyboardInterrupt`, so whatever stops on Ctrl-C stops on it too.
    """

    def __init__(self, signum: int):
        super().__init__(f"stopped by signal {signal.Signals(signum).name}")
        self.signum = signum


def default_jobs() -> int:
    """How many notebooks run at once by default: the cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)



def _drop_tags(audience: str) -> frozenset[str]:
    """The cells not run for an audience's pages."""
    return frozenset({SOLUTION_TAG, LAB_ONLY_TAG} if audience == "student" else {LAB_ONLY_TAG})


def _runs(books: list[_Notebook], audiences: tuple[str, ...]) -> list[tuple[int, tuple[str, ...]]]:
    """Which executions the pages need: ``(notebook index, audiences served)``. A notebook
    is run once for every audience when it has no answer cells, or when its answers only
    show things (:func:`~.isolation.answers_isolated`: the student's page is then the
    teacher's run without the answer cells); otherwise once per audience."""
    from .isolation import answers_isolated

    runs = []
    for i, book in enumerate(books):
        if not book.solutions or len(audiences) == 1:
            runs.append((i, audiences))
            continue
        shared, why = answers_isolated(book.path)
        if shared:
            runs.append((i, audiences))
        else:
            log.info("%s runs once per audience: %s", book.path.name, why)
            runs.extend((i, (audience,)) for audience in audiences)
    return runs


def _shared_drop_tags(served: tuple[str, ...]) -> frozenset[str]:
    """The cells dropped before a run serving ``served``: those no audience served shows."""
    return frozenset.intersection(*(_drop_tags(audience) for audience in served))


def build_pages(notebooks: list[Path], parameters: dict, folder: Path, timeout: int,
               audiences: tuple[str, ...], jobs: int, progress: bool | None,
               show_code: bool, kernels=None) -> list[PageRecord]:
    """Run the notebooks (``jobs`` at once) and write every page, in notebook order.

    ``kernels`` is the :class:`~.kernels.KernelPool` to take kernels from (inside an
    :func:`~.execute.kernel_sockets` block); None: a pool of this build's own."""
    from concurrent.futures import ThreadPoolExecutor

    from . import execute
    from ..progress import track

    books = [_inspect(p) for p in notebooks]
    runs = _runs(books, audiences)
    texts: dict[tuple[int, str], tuple[str, str, object]] = {}

    from .kernels import KernelPool

    workers = max(1, min(jobs, len(runs)))
    pool_of_kernels = kernels

    def job(i: int, served: tuple[str, ...]) -> list[tuple[str, str, object]]:
        book = books[i]
        log.info("executing %s (%s)", book.path.name, ", ".join(served))
        with pool_of_kernels.take() as kernel:
            outcome = execute.run_notebook(book.path, parameters, timeout=timeout,
                                           drop_tags=_shared_drop_tags(served), kernel=kernel)
            out = []
            for audience in served:
                own = outcome
                if outcome.failure is not None and book.solutions and len(served) > 1 \
                        and _drop_tags(audience) != _shared_drop_tags(served):
                    # the shared run failed (perhaps in an answer): this audience's own run
                    own = execute.run_notebook(book.path, parameters, timeout=timeout,
                                               drop_tags=_drop_tags(audience), kernel=kernel)
                out.append((audience, _render(books, i, own, audience, audiences, show_code)))
            return out

    bar = track(iter(range(len(runs))), desc="building the report", total=len(runs),
                unit="notebook", progress=progress)
    waiting = list(runs)
    with contextlib.ExitStack() as stack:
        if kernels is None:
            stack.enter_context(execute.kernel_sockets())
            pool_of_kernels = stack.enter_context(KernelPool(books[0].path.parent))
        try:
            with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="mc-notebook") as pool:
                _run_all(pool, job, waiting, workers, texts, bar)
        finally:
            bar.close() if hasattr(bar, "close") else None
    pages = []
    for i, book in enumerate(books):
        for audience in audiences:
            title, text, failure = texts[i, audience]
            pages.append(_write_page(book, title, text, failure, folder, audience))
    return pages




def _run_all(pool, job, waiting: list, workers: int, texts: dict, bar) -> None:
    """Hand the runs to the pool's threads and collect the pages they render."""
    from concurrent.futures import FIRST_COMPLETED, wait

    from . import execute

    running: dict = {}
    try:
        # Submit only as many runs as there are workers, and the next one when one
        # ends: a failure or an interruption stops the build before anything new starts.
        while waiting or running:
            while waiting and len(running) < workers:
                i, served = waiting.pop(0)
                running[pool.submit(job, i, served)] = i
            done, _ = wait(running, timeout=0.5, return_when=FIRST_COMPLETED)
            for future in done:
                i = running.pop(future)
                for audience, rendered in future.result():
                    texts[i, audience] = rendered
                next(bar, None)
    except BaseException:
        waiting.clear()
        for future in running:
            future.cancel()
        execute.stop_kernels()
        raise


@contextlib.contextmanager
def _signals_as_interrupts() -> Iterator[None]:
    """SIGTERM raises :class:`BuildInterrupted` (like Ctrl-C raises KeyboardInterrupt) while
    the build runs, so a terminated build stops and cleans up instead of carrying on."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def handler(signum: int, _frame) -> None:
        raise BuildInterrupted(signum)

    previous = signal.signal(signal.SIGTERM, handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


@contextlib.contextmanager
def _signals_blocked() -> Iterator[None]:
    """Hold SIGINT and SIGTERM back while the new report is swapped in (they arrive after)."""
    if threading.current_thread() is not threading.main_thread() or \
            not hasattr(signal, "pthread_sigmask"):
        yield
        return
    held = {signal.SIGINT, signal.SIGTERM}
    signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, held)


