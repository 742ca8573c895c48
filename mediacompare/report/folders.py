"""Temporary folders beside the report, and swapping a finished report in.

A build writes into ``.<name>.tmp-xxxxxxxx`` beside the report folder (the same
file system, so renames are atomic), with a note of the process that made it;
the finished folder replaces the old report in two renames. A build killed with
SIGKILL cannot clean up after itself: :func:`remove_stale` removes the folders
of builds that are gone (and puts back a previous report left aside by a build
killed between the two renames).
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import re
import secrets
import shutil
import socket
import time
from pathlib import Path

from ..errors import ReportError

__all__ = ["GENERATOR", "check_replaceable", "new_folder", "remove_stale", "swap_in"]

log = logging.getLogger(__name__)

#: What the index of every mediacompare report carries (so a folder that is not a report
#: is never replaced).
GENERATOR = '<meta name="generator" content="mediacompare'
_OWNER = ".mediacompare-build"
#: A temporary folder without that note is stale after this many seconds.
_UNOWNED_STALE_AFTER = 3600


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
    if GENERATOR not in head:
        raise ReportError(
            f"out_dir {out} is not empty and is not a mediacompare report (no index.html "
            "written by mediacompare); the report replaces the whole folder, so give a new "
            "or empty folder, or a previous report's folder")




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
        (candidate / _OWNER).write_text(json.dumps({
            "pid": os.getpid(), "host": socket.gethostname(), "started": time.time()}),
            encoding="utf-8")
        return candidate
    raise ReportError(f"could not create a temporary folder beside {out}")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _stale(folder: Path) -> bool:
    """True when the build that made ``folder`` is gone (its process ended, or the folder
    has no note and is older than an hour)."""
    try:
        owner = json.loads((folder / _OWNER).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        try:
            return time.time() - folder.stat().st_mtime > _UNOWNED_STALE_AFTER
        except OSError:
            return False
    if not isinstance(owner, dict) or owner.get("host") != socket.gethostname():
        return time.time() - float(owner.get("started", 0) if isinstance(owner, dict) else 0) \
            > 24 * _UNOWNED_STALE_AFTER
    pid = owner.get("pid")
    return not (isinstance(pid, int) and _alive(pid))


def remove_stale(out: Path) -> list[Path]:
    """Remove the temporary folders that earlier builds of ``out`` left behind (killed
    builds cannot clean up after themselves); returns the folders removed.

    Only folders named as this builder names them (``.<name>.tmp-xxxxxxxx`` and
    ``.<name>.old-xxxxxxxx``) whose build is gone are touched. A previous report
    left aside by a build killed during the swap is put back first, when
    ``out`` itself is missing.
    """
    out = Path(os.path.abspath(os.fspath(out)))
    pattern = re.compile(rf"\.{re.escape(out.name)}\.(tmp|old)-[0-9a-f]{{8}}")
    removed = []
    try:
        entries = list(out.parent.iterdir())
    except OSError:
        return removed
    for folder in sorted(entries):
        match = pattern.fullmatch(folder.name)
        if not match or not folder.is_dir() or folder.is_symlink() or not _stale(folder):
            continue
        aside = folder / out.name
        if match.group(1) == "old" and aside.is_dir() and not out.exists():
            with contextlib.suppress(OSError):
                os.replace(aside, out)
                log.warning("put back the previous report %s, left aside by a build that "
                            "was killed", out)
        shutil.rmtree(folder, ignore_errors=True)
        log.info("removed %s, left by a build that was killed", folder)
        removed.append(folder)
    return removed


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



check_replaceable = _check_replaceable
new_folder = _new_folder
swap_in = _swap_in
