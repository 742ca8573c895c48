"""The gazetteer: actors, their names, titles and the place names used for governments, as data.

``resources/actors.csv`` (format in ``docs/framing-data.md``) lists actors with their aliases,
the place names used for governments (Kremlin and Moscow for the Russian government), a
demonym and role nouns; ``resources/generic_labels.csv`` the generic labels for armed groups.
:func:`load_actors` validates them (a bad row is refused with file, line and reason; a file
that is not UTF-8 is decoded as the corpus loader decodes text, with a warning, or refused
with the reason) and indexes the aliases for matching: exactly, case-sensitively (a
:class:`~mediacompare.features.lexicon.Lexicon`), and by a variant-tolerant key
(:class:`~mediacompare.features.names.VariantMatcher`).
"""

from __future__ import annotations

import csv
import io
import warnings
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pandas as pd

from .._paths import resource
from ..corpus.decode import NotText, decode_bytes
from ..errors import ResourceError, SourceNotFoundError
from .lexicon import Entry, Lexicon
from .names import VariantMatcher

__all__ = ["ACTOR_COLUMNS", "GROUPS", "Gazetteer", "load_actors", "read_text_resource"]

GROUPS = ("state", "armed_group", "international_body", "person", "media", "other")
ACTOR_COLUMNS = ("actor_id", "name", "group", "country", "aliases", "place_aliases", "demonym",
                 "roles", "note", "source")
_REQUIRED = ("actor_id", "name", "group", "aliases", "note")


def read_text_resource(path: Path) -> str:
    r"""The text of a data file: UTF-8, or decoded as the corpus loader decodes text (with a
    warning naming the file), or refused with the file and the reason.

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "a.csv"
    >>> _ = p.write_bytes("name\nBeyoğlu\n".encode("utf-8"))
    >>> read_text_resource(p)
    'name\nBeyoğlu\n'
    """
    data = Path(path).read_bytes()
    try:
        decoded = decode_bytes(data)
    except NotText as exc:
        raise ResourceError(f"{path}: not a text file ({exc})") from None
    for message in decoded.warnings:
        warnings.warn(f"{path}: {message}", UserWarning, stacklevel=3)
    return decoded.text.removeprefix("\ufeff")


@dataclass
class Gazetteer:
    """Actors, their aliases indexed for matching, and the generic labels."""

    actors: pd.DataFrame
    names: Lexicon
    generic: Lexicon
    demonyms: dict[str, str] = field(default_factory=dict)   # "Russian" -> "russia_gov"
    roles: dict[str, list[str]] = field(default_factory=dict)  # "leader" -> person actor ids
    files: tuple[str, ...] = ()
    variants: VariantMatcher | None = None

    def __repr__(self) -> str:
        counts = self.actors["group"].value_counts()
        return (f"<Gazetteer: {len(self.actors)} actors ("
                + ", ".join(f"{g}: {counts[g]}" for g in GROUPS if g in counts)
                + f"), {len(self.generic)} generic labels>")

    def info(self) -> dict[str, tuple[str, str]]:
        """actor_id -> (name, group), built once."""
        cached = getattr(self, "_info", None)
        if cached is None:
            cached = {r.actor_id: (r.name, r.group) for r in self.actors.itertuples(index=False)}
            self._info = cached  # type: ignore[attr-defined]
        return cached

    def countries(self) -> dict[str, str]:
        """actor_id -> country, built once."""
        cached = getattr(self, "_countries", None)
        if cached is None:
            cached = dict(zip(self.actors["actor_id"], self.actors["country"]))
            self._countries = cached  # type: ignore[attr-defined]
        return cached

    def actor(self, actor_id: str) -> pd.Series:
        return self.actors.set_index("actor_id").loc[actor_id]


def _split(value: str) -> list[str]:
    return [v.strip() for v in (value or "").split("|") if v.strip()]


def _read_rows(path: Path, columns: tuple[str, ...], required: tuple[str, ...]):
    with io.StringIO(read_text_resource(path), newline="") as handle:
        reader = csv.reader(handle, strict=True)
        try:
            header = [h.strip() for h in next(reader)]
        except StopIteration:
            raise ResourceError(f"{path}, line 1: empty file; expected the columns "
                                f"{', '.join(columns)}") from None
        missing = [c for c in required if c not in header]
        unknown = [c for c in header if c not in columns]
        if missing or unknown:
            raise ResourceError(f"{path}, line 1: bad columns (missing: {', '.join(missing) or '-'}; "
                                f"unknown: {', '.join(unknown) or '-'}); expected {', '.join(columns)}")
        try:
            for row in reader:
                if not any(cell.strip() for cell in row):
                    continue
                if len(row) != len(header):
                    raise ResourceError(f"{path}, line {reader.line_num}: expected {len(header)} "
                                        f"fields, found {len(row)}")
                values = {k: v.strip() for k, v in zip(header, row)}
                for name in required:
                    if not values.get(name):
                        raise ResourceError(f"{path}, line {reader.line_num}, column '{name}': "
                                            f"empty; every row needs a {name}")
                yield reader.line_num, values
        except csv.Error as exc:
            raise ResourceError(f"{path}, line {reader.line_num}: not valid CSV ({exc})") from None


def load_actors(paths: str | Path | list | None = None, *, extend: bool = False,
                generic_labels: str | Path | None = None) -> Gazetteer:
    """Load and validate the gazetteer (the packaged ``actors.csv`` by default).

    ``paths`` replaces it, or with ``extend=True`` adds to it (another story
    line is a matter of adding rows). Refused with file, line and reason: bad
    columns, empty required fields, an unknown group, a duplicate actor id or
    alias, a ``country`` that is no actor id.

    >>> gaz = load_actors()
    >>> gaz.actor("putin")["group"]
    'person'
    """
    files = [str(resource("actors.csv"))] if paths is None or extend else []
    if paths is not None:
        for path in [paths] if isinstance(paths, (str, Path)) else list(paths):
            if not Path(path).is_file():
                raise SourceNotFoundError(f"actors file not found: {path}")
            files.append(str(path))
    generic = str(generic_labels) if generic_labels else str(resource("generic_labels.csv"))
    return _load_actors(tuple(files), generic)


@lru_cache(maxsize=8)
def _load_actors(files: tuple[str, ...], generic_file: str) -> Gazetteer:
    rows, entries, seen_ids, seen_alias = [], [], {}, {}
    for file in files:
        path = Path(file)
        for line, values in _read_rows(path, ACTOR_COLUMNS, _REQUIRED):
            where = f"{path}, line {line}"
            actor_id = values["actor_id"]
            if actor_id in seen_ids:
                raise ResourceError(f"{where}, column 'actor_id': duplicate actor_id {actor_id!r} "
                                    f"(first on {seen_ids[actor_id]})")
            seen_ids[actor_id] = where
            if values["group"] not in GROUPS:
                raise ResourceError(f"{where}, column 'group': unknown group {values['group']!r}; "
                                    f"expected one of {', '.join(GROUPS)}")
            for kind, column in (("name", "aliases"), ("place", "place_aliases")):
                for alias in _split(values.get(column, "")):
                    forms = [alias] + ([alias.upper()] if alias.upper() != alias else [])
                    for form in forms:
                        if form in seen_alias:
                            if form != alias:
                                continue  # an ALL-CAPS variant that is another actor's alias
                            raise ResourceError(f"{where}, column '{column}': duplicate alias "
                                                f"{alias!r} (first on {seen_alias[form]})")
                        seen_alias[form] = where
                    entries.append(Entry(
                        term=alias, category="actor", neutral_alternative="", note=values["note"],
                        source=values.get("source", ""), confidence="high", case_sensitive=True,
                        forms=tuple(f for f in forms[1:] if seen_alias.get(f) == where),
                        unless_next=(), unless_previous=(), origin=f"{path.name}, line {line}",
                        extra=(("actor_id", actor_id), ("form_kind", kind))))
            rows.append({c: values.get(c, "") for c in ACTOR_COLUMNS})
    actors = pd.DataFrame(rows, columns=list(ACTOR_COLUMNS))
    for row in actors.itertuples(index=False):
        if row.country and row.country not in seen_ids:
            raise ResourceError(f"{seen_ids[row.actor_id]}, column 'country': {row.country!r} is "
                                "not an actor_id of the gazetteer")
    generic_entries = []
    path = Path(generic_file)
    seen_generic: dict[str, str] = {}
    for line, values in _read_rows(path, ("term", "forms", "note"), ("term", "note")):
        where = f"{path}, line {line}"
        for form in [values["term"], *_split(values.get("forms", ""))]:
            if form.lower() in seen_generic:
                raise ResourceError(f"{where}: duplicate generic label {form!r} "
                                    f"(first on {seen_generic[form.lower()]})")
            seen_generic[form.lower()] = where
        generic_entries.append(Entry(
            term=values["term"], category="generic_label", neutral_alternative="",
            note=values["note"], source="", confidence="high", case_sensitive=False,
            forms=tuple(_split(values.get("forms", ""))), unless_next=(), unless_previous=(),
            origin=f"{path.name}, line {line}"))
    demonyms = {r.demonym: r.actor_id for r in actors.itertuples() if r.demonym}
    roles: dict[str, list[str]] = {}
    for r in actors.itertuples():
        for role in _split(r.roles):
            roles.setdefault(role.lower(), []).append(r.actor_id)
    variants = VariantMatcher((e.term, dict(e.extra)) for e in entries)
    return Gazetteer(actors, Lexicon(tuple(entries), files), Lexicon(tuple(generic_entries), (generic_file,)),
                     demonyms, roles, files, variants)




def _single_aliases(gaz: Gazetteer) -> frozenset[str]:
    cached = getattr(gaz, "_single", None)
    if cached is None:
        words = set()
        for column in ("aliases", "place_aliases"):
            for value in gaz.actors[column]:
                words.update(a for a in _split(value) if " " not in a)
        cached = frozenset(words)
        gaz._single = cached  # type: ignore[attr-defined]
    return cached


