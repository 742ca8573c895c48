"""Giving memory that a large step has freed back to the operating system.

Loading or labelling a large corpus makes and frees hundreds of megabytes of strings and
arrays. The allocators keep what is freed for later use: glibc's ``malloc`` keeps freed
pages inside its heap until ``malloc_trim`` is called, and pyarrow's memory pool (mimalloc
or jemalloc) keeps freed blocks until ``release_unused``. The process's resident memory then
stays at its high-water mark although nothing uses it, and the next step adds to it.
:func:`release_free_memory` hands both back; it is called after steps that worked on many
characters (:data:`LARGE_CHARS`), never on a small text, where it would only cost time.
"""

from __future__ import annotations

import ctypes
import sys

__all__ = ["LARGE_CHARS", "release_free_memory"]

#: A step over at least this many characters of text is large enough to release after.
LARGE_CHARS = 2_000_000

_trim = []  # glibc's malloc_trim, once found (empty: not looked up yet; [None]: not there)


def _malloc_trim():
    if not _trim:
        found = None
        if sys.platform.startswith("linux"):
            try:
                found = ctypes.CDLL(None).malloc_trim  # glibc (musl has none)
                found.argtypes, found.restype = [ctypes.c_size_t], ctypes.c_int
            except (OSError, AttributeError):
                found = None
        _trim.append(found)
    return _trim[0]


def release_free_memory(chars: int | None = None) -> None:
    """Return freed memory to the system, if ``chars`` (the size of the step just done, in
    characters of text) is at least :data:`LARGE_CHARS` or not given. Uses only what is
    already loaded (it does not import pyarrow to release its pool)."""
    if chars is not None and chars < LARGE_CHARS:
        return
    arrow = sys.modules.get("pyarrow")
    if arrow is not None:
        try:
            arrow.default_memory_pool().release_unused()
        except Exception:  # noqa: BLE001  (an older pyarrow without it: nothing to release)
            pass
    trim = _malloc_trim()
    if trim is not None:
        trim(0)
