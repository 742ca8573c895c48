"""Where the bundled seeds, seed metadata and notebooks live.

In a checkout (or an editable install) they are the repository's own
``seeds/``, ``data/`` and ``notebooks/`` folders; a wheel carries copies under
``mediacompare/_bundled/`` (see ``pyproject.toml``). Nothing is downloaded.
"""

from __future__ import annotations

from pathlib import Path

from .errors import SourceNotFoundError

_PACKAGE = Path(__file__).resolve().parent


def bundled(name: str) -> Path:
    """Return the folder ``seeds``, ``data`` or ``notebooks``.

    >>> bundled("seeds").name
    'seeds'
    """
    for candidate in (_PACKAGE / "_bundled" / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise SourceNotFoundError(
        f"the bundled folder {name!r} was not found: expected {_PACKAGE / '_bundled' / name} "
        f"(installed wheel) or {_PACKAGE.parent / name} (source checkout)"
    )


def resource(name: str) -> Path:
    """Return a data file (or folder) shipped in ``mediacompare/resources/``."""
    path = _PACKAGE / "resources" / name
    if not path.exists():
        raise SourceNotFoundError(f"package resource {name!r} not found at {path}")
    return path
