"""Which column holds which field, and how a cell becomes a value.

A manifest, CSV, JSONL file or DataFrame names its columns as its maker
pleased. The fields are found, in this order: the column named with a
``*_col`` parameter; a column with the field's own name; one whose name
differs only in case, spaces, hyphens or underscores (``Event ID``); a common
alias (``event`` for ``event_id``; ``source`` or ``publication`` for
``outlet``; ``headline`` for ``title``; ``published`` or ``pubdate`` for
``date``; ``body`` or ``content`` for ``text``, ...). Every other column is
kept as an extra column of the articles table. :meth:`Columns.resolve` says
all this in a note for the load report (every CSV, JSONL file, DataFrame and
manifest gets a row with status ``read``), with a warning for a column that
looks like a field but is not used (a second candidate, or a near-miss
spelling such as ``titel``: status ``read_with_warning``).

Cells are made into clean strings: lone surrogates (valid in JSON, fatal
to pandas' Arrow strings) become U+FFFD, NUL characters are removed and line
endings normalised, lists are joined, and values that are not text (numbers,
mappings) are named rather than loaded as their Python repr.
"""

from __future__ import annotations

import difflib
import json
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from ..errors import ColumnError

__all__ = ["ALIASES", "FIELDS", "Columns", "clean_text_value", "clean_value", "sanitize"]

#: The metadata fields a column can be mapped to.
FIELDS = ("article_id", "outlet", "publisher", "date", "event_id", "title", "url", "author")
#: Other names that commonly hold each field, in order of preference.
ALIASES = {
    "article_id": ("id", "doc_id", "story_id"),
    "outlet": ("source", "publication", "media", "outlet_name", "newspaper"),
    "publisher": ("publisher_name", "site"),
    "date": ("published", "pubdate", "pub_date", "published_at", "publication_date",
             "date_published"),
    "event_id": ("event",),
    "title": ("headline",),
    "url": ("link", "source_url"),
    "author": ("byline", "authors"),
    "text": ("body", "content", "article", "article_text", "full_text"),
    "file": ("filename", "path", "file_name"),
}
_PARAM = {"article_id": "id_col", "event_id": "event_col"}


def _key(name: str) -> str:
    return "".join(ch for ch in str(name).casefold() if ch.isalnum())


@dataclass
class Columns:
    """Column names for each field, as mapped by the ``*_col`` parameters (or found)."""

    names: dict[str, str]
    explicit: set[str] = field(default_factory=set)
    found: dict[str, str] = field(default_factory=dict)  # field -> column found by alias

    @classmethod
    def from_params(cls, params: dict[str, str | None]) -> "Columns":
        names, explicit = {}, set()
        for key, value in params.items():
            fld = key[:-4]
            fld = {"id": "article_id", "event": "event_id"}.get(fld, fld)
            names[fld] = value if value is not None else fld
            if value is not None:
                explicit.add(fld)
        return cls(names, explicit)

    def check(self, available: list[str], where: str, needed: tuple[str, ...] = ()) -> None:
        """Refuse explicitly mapped (or needed) columns that are not there."""
        for fld, name in self.names.items():
            if (fld in self.explicit or fld in needed) and name not in available:
                param = _PARAM.get(fld, f"{fld}_col")
                raise ColumnError(f"{param} {name!r} is not a column of {where}; columns are: "
                                  f"{', '.join(map(str, available))}")

    def resolve(self, available: list[str], where: str,
                fields: tuple[str, ...]) -> tuple["Columns", str, list[str]]:
        """A copy with the fields found among ``available`` by alias, a note naming what was
        used and what was kept, and warnings for look-alike columns that were not used."""
        names = dict(self.names)
        found: dict[str, str] = {}
        taken = {names[f] for f in fields if f in self.explicit or names[f] in available}
        for fld in fields:
            if fld in self.explicit or names[fld] in available:
                continue
            candidates = [c for c in available if _key(c) == _key(fld)]
            candidates += [c for alias in ALIASES.get(fld, ()) for c in available
                           if _key(c) == _key(alias)]
            candidates = [c for c in dict.fromkeys(candidates) if c not in taken]
            if candidates:
                names[fld] = candidates[0]
                found[fld] = candidates[0]
                taken.add(candidates[0])
        used = {names[f] for f in fields}
        extra = [c for c in available if c not in used]
        warnings = []
        known = {_key(f): f for f in fields}
        known.update({_key(a): f for f in fields for a in ALIASES.get(f, ())})
        for column in extra:
            fld = known.get(_key(column))
            if fld is None:
                close = difflib.get_close_matches(_key(column), list(known), n=1, cutoff=0.8)
                fld = known[close[0]] if close and len(_key(column)) > 3 else None
            if fld is not None:
                warnings.append(f"column {column!r} looks like {fld} but is not used "
                                f"({fld} is read from {names[fld]!r})" if names[fld] in available
                                else f"column {column!r} looks like {fld} but is not used; "
                                f"map it with {_PARAM.get(fld, fld + '_col')}={column!r}")
        note = self.describe(names, found, extra, available, fields)
        copy = Columns(names, set(self.explicit), found)
        return copy, note, warnings

    def describe(self, names: dict[str, str], found: dict[str, str], extra: list[str],
                 available: list[str], fields: tuple[str, ...]) -> str:
        """The load report's account of a source's columns: what was read under which name,
        and which columns are kept as extra article columns."""
        own = [f for f in fields if f not in found and f not in self.explicit and names[f] in available]
        mapped = [f"{f} from {names[f]!r} ({_PARAM.get(f, f + '_col')})" for f in fields
                  if f in self.explicit and names[f] in available]
        parts = []
        if own:
            parts.append("columns read by their own names: " + ", ".join(own))
        if mapped:
            parts.append("mapped: " + ", ".join(mapped))
        if found:
            parts.append("read by a common name: " + ", ".join(f"{f} from {c!r}"
                                                               for f, c in found.items()))
        parts.append("other columns kept as extra article columns: " + ", ".join(map(str, extra))
                     if extra else "no other columns")
        return "; ".join(parts)

    def extract(self, row: dict[str, Any]) -> tuple[dict[str, str | None], dict[str, Any], list[str]]:
        """Split a row into the known metadata fields, the extra columns and warnings."""
        used = {self.names[f] for f in FIELDS} | {self.names["text"], self.names["file"]}
        warnings: list[str] = []
        meta = {f: clean_value(row.get(self.names[f]), warnings, f) for f in FIELDS}
        extra = {k: clean_value(v, warnings, str(k)) for k, v in row.items() if k not in used}
        return meta, extra, warnings


def sanitize(text: str, warnings: list[str] | None, what: str) -> str:
    """Replace lone surrogates by U+FFFD (with a warning); keep valid pairs as characters.

    >>> w = []; sanitize("a \\ud800 b", w, "text"), w
    ('a \\ufffd b', ['text: replaced 1 lone surrogate (half of a UTF-16 pair, not a character) by \\ufffd'])
    """
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        pass
    before = text.count("\ufffd")
    fixed = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    n = fixed.count("\ufffd") - before
    if warnings is not None and n:
        warnings.append(f"{what}: replaced {n} lone surrogate{'s' if n != 1 else ''} (half of a "
                        "UTF-16 pair, not a character) by \ufffd")
    return fixed


def clean_value(value: Any, warnings: list[str] | None = None, what: str = "value") -> str | None:
    """A metadata cell as a clean string, or None when missing."""
    # None, NaN, pd.NA and NaT (a missing date in a datetime column) are all missing
    if value is None or (pd.api.types.is_scalar(value) and not isinstance(value, (str, bytes))
                         and pd.isna(value)):
        return None
    if isinstance(value, bool):
        text = str(value).lower()
    elif isinstance(value, float) and value.is_integer():
        # a numeric column with a gap is stored as floats by pandas: id 7 must stay "7", not "7.0"
        text = str(int(value))
    elif isinstance(value, bytes):
        text = value.decode("utf-8", "replace")
    elif isinstance(value, (list, tuple)):
        text = "; ".join(filter(None, (clean_value(v, warnings, what) for v in value)))
    elif isinstance(value, dict):
        text = json.dumps(value, ensure_ascii=False, default=str)
    else:
        text = str(value)
    text = sanitize(text, warnings, what).replace("\x00", "")
    text = text.strip()
    return text or None


def clean_text_value(value: Any, warnings: list[str]) -> tuple[str | None, str | None]:
    """The article text of a cell (NUL removed, line endings normalised, surrogates replaced),
    or None and the reason it cannot be a text."""
    from .decode import NotText, decode_bytes, normalize_newlines

    if value is None or (pd.api.types.is_scalar(value) and not isinstance(value, (str, bytes))
                         and pd.isna(value)):
        return "", None
    if isinstance(value, bytes):
        try:
            decoded = decode_bytes(value)
        except NotText as exc:
            return None, f"text is bytes, not text: {exc}"
        warnings.append(f"text given as bytes: decoded as {decoded.encoding} "
                        f"({decoded.decided_by})")
        warnings.extend(decoded.warnings)
        return decoded.text, None
    if isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value):
        warnings.append(f"text given as a list of {len(value)} strings: joined as paragraphs")
        value = "\n\n".join(value)
    if not isinstance(value, str):
        kind = {list: "a list", tuple: "a list", dict: "a mapping", bool: "a boolean",
                int: "a number", float: "a number"}.get(type(value), type(value).__name__)
        return None, f"text is {kind} ({str(value)[:40]!r}), not a string: not loaded"
    text = sanitize(value, warnings, "text")
    n_nul = text.count("\x00")
    if n_nul:
        text = text.replace("\x00", "")
        warnings.append(f"removed {n_nul} NUL character{'s' if n_nul != 1 else ''}")
    return normalize_newlines(text), None
