"""Progress bars for long runs: loading a corpus, labelling, building the report.

A bar is :mod:`tqdm.auto`'s: text on the terminal's standard error, a widget in
Jupyter. It appears only once a run has taken :data:`DELAY` seconds, so small
corpora (the seeds) never show one, and it can be turned off three ways, the
first that is set winning:

1. per call, ``progress=False`` (``load_corpus``, ``label``, ``build_report``,
   and the streaming and Dask functions of :mod:`mediacompare.scale`);
2. for the session, :func:`set_progress` (``set_progress(False)``; ``None``
   goes back to the default);
3. for the process and its children, the environment variable
   ``MEDIACOMPARE_PROGRESS=0`` (the report sets it in the kernels that render
   the pages, so no bar ends up in a static page; the command line's
   ``--no-progress`` sets it too).

>>> set_progress(False)
>>> progress_enabled(), progress_enabled(True)
(False, True)
>>> set_progress(None)
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from typing import TypeVar

__all__ = ["DELAY", "ENV_VAR", "progress_enabled", "set_progress", "track"]

T = TypeVar("T")

#: Seconds a run must last before its bar is shown.
DELAY = 2.0
#: The environment variable that turns bars off when set to 0, false, no or off.
ENV_VAR = "MEDIACOMPARE_PROGRESS"
_OFF = frozenset({"0", "false", "no", "off"})
_session: dict[str, bool | None] = {"enabled": None}


def set_progress(enabled: bool | None) -> None:
    """Turn progress bars on or off for this session (None: back to the default)."""
    if enabled is not None and not isinstance(enabled, bool):
        raise TypeError(f"set_progress takes True, False or None; got {enabled!r}")
    _session["enabled"] = enabled


def progress_enabled(progress: bool | None = None) -> bool:
    """Whether a bar may be shown: the call's choice, else the session's, else the environment's."""
    if progress is not None:
        return bool(progress)
    if _session["enabled"] is not None:
        return bool(_session["enabled"])
    return os.environ.get(ENV_VAR, "1").strip().lower() not in _OFF


def track(items: Iterable[T], *, desc: str, total: int | None = None, unit: str = "article",
          progress: bool | None = None) -> Iterable[T]:
    """``items``, wrapped in a progress bar when bars are enabled.

    Parameters
    ----------
    items : iterable
        What the run goes through; it is iterated exactly once, lazily.
    desc : str
        What the bar says it is doing (``"labelling"``).
    total : int, optional
        The number of items, when ``items`` has no ``len``.
    unit : str
        What one item is.
    progress : bool or None
        The call's choice (see the module docstring).
    """
    if not progress_enabled(progress):
        return items
    if total is None and hasattr(items, "__len__"):
        total = len(items)  # type: ignore[arg-type]
    from tqdm.auto import tqdm

    return _closing(tqdm(items, desc=desc, total=total, unit=unit, delay=DELAY,
                         dynamic_ncols=True))


def _closing(bar) -> Iterator:
    """Iterate the bar and close it even when the loop stops early."""
    try:
        yield from bar
    finally:
        bar.close()
