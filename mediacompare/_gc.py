"""Pausing Python's cyclic garbage collector while a table's many small objects are made.

Labelling a long text makes hundreds of thousands of tuples, tokens and quotations, none of
them in a reference cycle; the collector's passes over the growing heap then cost more the
more objects there are, so a single long text cost more per character than a short one
(``benchmarks/linearity.py``). Reference counting still frees everything as usual.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

__all__ = ["gc_paused"]


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Disable the cyclic collector inside the block; enable it again after, if it was on."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
