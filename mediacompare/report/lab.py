"""Working copies of the notebooks for JupyterLab (what ``make lab`` opens).

The tracked notebooks in ``notebooks/`` are the report's source: edited and
saved with outputs in JupyterLab, they would break the report's tests (which
check that notebooks are committed without outputs) and every later build.
``make lab`` therefore opens copies in a folder of their own (``lab/``, which
git ignores): :func:`lab_copies` writes a copy of each notebook there, without
the cells meant only for the printed report (``report-only``: the worksheets),
and never overwrites a copy that is already there, so a student's or teacher's
work survives the next ``make lab``.

Run as ``python -m mediacompare.report.lab FOLDER``.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from .export import REPORT_ONLY_TAG

__all__ = ["lab_copies"]


def lab_copies(folder: str | os.PathLike[str],
               notebooks_dir: str | os.PathLike[str] | None = None) -> tuple[list[Path], list[Path]]:
    """Copy every notebook into ``folder`` for JupyterLab; returns (written, kept).

    ``kept`` are the copies that already existed and were left as they are.
    """
    import nbformat

    from .build import find_notebooks

    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    written, kept = [], []
    for path in find_notebooks(notebooks_dir):
        copy = target / path.name
        if copy.exists():
            kept.append(copy)
            continue
        nb = nbformat.read(path, as_version=4)
        nb.cells = [c for c in nb.cells
                    if REPORT_ONLY_TAG not in c.get("metadata", {}).get("tags", [])]
        with open(copy, "w", encoding="utf-8", newline="\n") as handle:
            nbformat.write(nb, handle)
        written.append(copy)
    return written, kept


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m mediacompare.report.lab FOLDER", file=sys.stderr)
        return 2
    written, kept = lab_copies(args[0])
    print(f"{len(written)} notebook(s) copied to {args[0]}/"
          + (f"; {len(kept)} already there kept as they are (delete one to get a fresh copy)"
             if kept else ""))
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
