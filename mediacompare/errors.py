"""The exception tree of mediacompare.

Every error the library raises on purpose is a :class:`MediaCompareError`, and
each subclass also subclasses the builtin exception a caller would expect, so
``except ValueError`` keeps working::

    MediaCompareError                 base of everything below
    ├── CorpusError (ValueError)      a corpus source cannot be used as given
    │   ├── CorpusFormatError         a manifest, CSV or JSONL file is malformed
    │   │   │                         (names the file, line and column)
    │   │   └── AnnotationError       an annotation file (spans CSV, PTC labels,
    │   │                             BRAT .ann) is malformed or does not fit its texts
    │   └── ColumnError (KeyError)    a mapped column (``text_col=``, ...) is missing
    ├── SourceNotFoundError (FileNotFoundError)
    │                                 a corpus path, manifest or notebook is missing
    ├── ResourceError (ValueError)    a data file shipped with or given to the
    │                                 library (boilerplate rules, ...) is invalid
    └── ReportError (RuntimeError)    the HTML report could not be built

Messages say what was expected and what was found, and name the file (and,
where there is one, the line and column).
"""

from __future__ import annotations

from pathlib import Path

__all__ = [
    "AnnotationError",
    "ColumnError",
    "CorpusError",
    "CorpusFormatError",
    "MediaCompareError",
    "ReportError",
    "ResourceError",
    "SourceNotFoundError",
]


class MediaCompareError(Exception):
    """Base class of every error raised on purpose by mediacompare."""


class CorpusError(MediaCompareError, ValueError):
    """A corpus source cannot be used as given."""


class CorpusFormatError(CorpusError):
    """A manifest, CSV or JSONL file is malformed.

    ``path``, ``line`` (1-based) and ``column`` (a column name or a 1-based
    character position) are kept as attributes and written into the message.

    >>> str(CorpusFormatError("expected 3 fields, found 4", path="m.csv", line=7, column="title"))
    "m.csv, line 7, column 'title': expected 3 fields, found 4"
    """

    def __init__(self, problem: str, *, path: str | Path | None = None,
                 line: int | None = None, column: int | str | None = None):
        self.problem = problem
        self.path = None if path is None else str(path)
        self.line = line
        self.column = column
        where = []
        if self.path is not None:
            where.append(self.path)
        if line is not None:
            where.append(f"line {line}")
        if column is not None:
            where.append(f"column {column!r}" if isinstance(column, str) else f"column {column}")
        super().__init__(", ".join(where) + ": " + problem if where else problem)


class AnnotationError(CorpusFormatError):
    """An annotation file (a CSV of spans, PTC labels, a BRAT ``.ann`` file) is malformed, or
    its spans do not fit the texts they point into; names the file, the line and what was
    expected (see :mod:`mediacompare.measures.annotations`)."""


class ColumnError(CorpusError, KeyError):
    """A column named by a ``*_col=`` parameter is not in the data."""

    def __str__(self) -> str:  # KeyError would otherwise quote the message
        return str(self.args[0]) if self.args else ""


class SourceNotFoundError(MediaCompareError, FileNotFoundError):
    """A corpus path, manifest, resource or notebook does not exist."""


class ResourceError(MediaCompareError, ValueError):
    """A data file of rules or metadata is invalid (names file, line and reason)."""


class ReportError(MediaCompareError, RuntimeError):
    """The HTML report could not be built."""
