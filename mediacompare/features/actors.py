"""Actors: who is named how.

The gazetteer (``resources/actors.csv``, format in ``docs/framing-data.md``) lists
actors with their names, titles and the place names used for governments
(Kremlin and Moscow for the Russian government). :func:`mentions` finds every
mention with offsets and voice, with the descriptors written before a name
("Syrian dictator" in "Syrian dictator Bashar al-Assad"), definite
descriptions resolved to an actor with the rule that did it ("the ruthless
leader" → the last person mentioned who is a leader), and generic labels for
armed groups (terrorists, militants, rebels ...) in a column of their own,
whichever actor they point at. :func:`naming_table` counts the forms per
outlet and actor, in the outlet's own voice or quoted.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pandas as pd

from .._paths import resource
from ..errors import ResourceError, SourceNotFoundError
from ..text import Token, tokenize
from .label import articles_of
from .lexicon import Entry, Lexicon
from .voice import voices

__all__ = ["ACTOR_COLUMNS", "GROUPS", "Gazetteer", "forms_by_outlet", "generic_label_table", "load_actors",
           "mentions", "most_shared_actor", "naming_table"]

GROUPS = ("state", "armed_group", "international_body", "person", "media", "other")
ACTOR_COLUMNS = ("actor_id", "name", "group", "country", "aliases", "place_aliases", "demonym",
                 "roles", "note", "source")
_REQUIRED = ("actor_id", "name", "group", "aliases", "note")
_DETERMINERS = {"the", "a", "an", "this", "that"}
MENTION_COLUMNS = ("article_id", "start", "end", "text", "actor_id", "actor", "group", "form_kind",
                   "generic_label", "descriptor", "form", "in_quote", "sentence_id", "resolved_by")


@dataclass
class Gazetteer:
    """Actors, their aliases indexed for matching, and the generic labels."""

    actors: pd.DataFrame
    names: Lexicon
    generic: Lexicon
    demonyms: dict[str, str] = field(default_factory=dict)   # "Russian" -> "russia_gov"
    roles: dict[str, list[str]] = field(default_factory=dict)  # "leader" -> person actor ids
    files: tuple[str, ...] = ()

    def __repr__(self) -> str:
        counts = self.actors["group"].value_counts()
        return (f"<Gazetteer: {len(self.actors)} actors ("
                + ", ".join(f"{g}: {counts[g]}" for g in GROUPS if g in counts)
                + f"), {len(self.generic)} generic labels>")

    def actor(self, actor_id: str) -> pd.Series:
        return self.actors.set_index("actor_id").loc[actor_id]


def _split(value: str) -> list[str]:
    return [v.strip() for v in (value or "").split("|") if v.strip()]


def _read_rows(path: Path, columns: tuple[str, ...], required: tuple[str, ...]):
    with path.open(encoding="utf-8-sig", newline="") as handle:
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
    return Gazetteer(actors, Lexicon(tuple(entries), files), Lexicon(tuple(generic_entries), (generic_file,)),
                     demonyms, roles, files)


def _descriptor(tokens: list[Token], index: int, gaz: Gazetteer, sentence_start: int) -> int:
    """Index of the first token of the descriptor run before ``tokens[index]`` (== index: none).

    The run is made of title words ("President", "Defence Minister"), demonyms
    ("Syrian"), one-word aliases of actors ("Kremlin" in "Kremlin President"),
    role nouns and the adjectives and labels of :data:`DESCRIPTOR_WORDS`
    ("dictator", "ruthless") directly before the name; it stops at anything
    else, so a title-case headline is not taken for a descriptor.
    """
    i = index
    single = _single_aliases(gaz)
    while i > 0 and tokens[i - 1].start >= sentence_start:
        prev = tokens[i - 1]
        word = prev.text
        if prev.kind not in ("word", "abbreviation"):
            break
        lower = word.lower()
        if lower in gaz.roles or lower in DESCRIPTOR_WORDS or word in gaz.demonyms \
                or word.title() in gaz.demonyms or word in single:
            i -= 1
            continue
        break
    return i


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


#: Lowercase forms of words that may stand in a descriptor before a name, besides the
#: gazetteer's role nouns and demonyms: titles, and adjectives and labels used of leaders.
DESCRIPTOR_WORDS = frozenset({
    "president", "prime", "minister", "foreign", "defence", "defense", "secretary", "assistant",
    "acting", "deputy", "general", "chief", "spokesman", "spokeswoman", "spokesperson", "envoy",
    "special", "supreme", "leader", "commander", "ambassador", "king", "crown", "prince",
    "ayatollah", "sheikh", "mr.", "mrs.", "ms.", "dr.", "gen.", "col.", "lt.", "former", "late",
    "top", "senior", "official", "ally", "dictator", "strongman", "autocrat", "tyrant", "despot",
    "ruler", "ruthless", "brutal", "embattled", "beleaguered", "opposition", "rebel", "militant",
    "jihadist", "terrorist", "regime"})


def mentions(source, *, actors: Gazetteer | None = None) -> pd.DataFrame:
    """Every mention of an actor, and every generic label, with offsets and voice.

    Columns: ``article_id, start, end, text`` (the mention as written; a
    description such as "the Russian leader" is its own mention), ``actor_id,
    actor, group, form_kind`` (``name``, ``place``, ``description`` or
    ``generic_label``), ``generic_label`` (the label's term, for generic labels),
    ``descriptor`` (titles and adjectives written just before a name),
    ``form`` (descriptor and name as written together), ``in_quote``,
    ``sentence_id`` and ``resolved_by`` (how a description was tied to an actor).

    >>> m = mentions("Syrian dictator Bashar al-Assad spoke. Later the ruthless leader left.")
    >>> m[["form", "actor_id", "form_kind"]].values.tolist()
    [['Syrian dictator Bashar al-Assad', 'assad', 'name'], ['the ruthless leader', 'assad', 'description']]
    """
    gaz = actors or load_actors()
    info = gaz.actors.set_index("actor_id")
    rows: list[dict] = []
    for art in articles_of(source).itertuples(index=False):
        text, article_id = art.text, str(art.article_id)
        tokens = tokenize(text)
        voice = voices(text, tokens)
        starts = {t.start: i for i, t in enumerate(tokens)}
        found = []
        for match in gaz.names.match(text, tokens):
            extra = dict(match.entry.extra)
            found.append((match.start, match.end, extra["actor_id"], extra["form_kind"], None, ""))
        for match in gaz.generic.match(text, tokens):
            found.append((match.start, match.end, None, "generic_label", match.entry.term, ""))
        found.extend(_descriptions(text, tokens, gaz, found))
        for start, end, actor_id, kind, generic, resolved_by in sorted(found, key=lambda f: (f[0], f[1])):
            sentence_id = voice.sentence_id(start)
            descriptor = ""
            if kind in ("name", "place") and start in starts:
                sentence_start = voice.sentences[sentence_id].start if voice.sentences else 0
                first = _descriptor(tokens, starts[start], gaz, sentence_start)
                if first < starts[start]:
                    descriptor = text[tokens[first].start:start].strip()
            quote = voice.quote_of(start, end)
            actor = info.loc[actor_id] if actor_id in info.index else None
            rows.append({
                "article_id": article_id, "start": start, "end": end, "text": text[start:end],
                "actor_id": actor_id, "actor": None if actor is None else actor["name"],
                "group": None if actor is None else actor["group"], "form_kind": kind,
                "generic_label": generic, "descriptor": descriptor or None,
                "form": (descriptor + " " + text[start:end]) if descriptor else text[start:end],
                "in_quote": quote is not None, "sentence_id": sentence_id,
                "resolved_by": resolved_by or None})
    frame = pd.DataFrame(rows, columns=list(MENTION_COLUMNS))
    return frame.astype({"start": "int64", "end": "int64", "sentence_id": "int64", "in_quote": "bool"})


def _descriptions(text: str, tokens: list[Token], gaz: Gazetteer, found: list) -> list:
    """Definite descriptions ("the Russian leader", "the ruthless leader") tied to a person."""
    out = []
    named = sorted((f[0], f[2]) for f in found if f[2] is not None)
    covered = [(f[0], f[1]) for f in found]
    info = gaz.actors.set_index("actor_id")
    for i, token in enumerate(tokens):
        if token.text.lower() not in ("the",) or i + 1 >= len(tokens):
            continue
        j = i + 1
        demonym = None
        while j < len(tokens) and j <= i + 3 and tokens[j].kind == "word":
            word = tokens[j].text
            if word.lower() in gaz.roles:
                break
            if word in gaz.demonyms:
                demonym = word
            elif word[:1].isupper():
                j = len(tokens)
                break
            j += 1
        if j >= len(tokens) or tokens[j].text.lower() not in gaz.roles:
            continue
        role = tokens[j].text.lower()
        if j + 1 < len(tokens) and tokens[j + 1].text[:1].isupper() and tokens[j + 1].kind == "word":
            continue  # "the president Bashar al-Assad": the name is the mention
        start, end = token.start, tokens[j].end
        if any(s <= start < e or s < end <= e for s, e in covered):
            continue
        candidates = gaz.roles[role]
        if demonym:
            state = gaz.demonyms[demonym]
            candidates = [a for a in candidates if info.loc[a, "country"] == state]
        before = [a for s, a in named if s < start and a in candidates]
        if before:
            actor_id = before[-1]
            how = (f"'{role}' with '{demonym}': the last {demonym} {role} named before it"
                   if demonym else f"'{role}': the last {role} named before it")
        elif len(candidates) == 1 and demonym:
            actor_id = candidates[0]
            how = f"'{role}' with '{demonym}': the only {demonym} {role} in the gazetteer"
        else:
            continue  # not resolved: not reported as a mention of anyone
        out.append((start, end, actor_id, "description", None, how))
    return out


def naming_table(mention_table: pd.DataFrame, source, *, min_count: int = 1) -> pd.DataFrame:
    """Per outlet and actor: each form used (descriptor and name as written), voice and count.

    Generic labels get ``actor`` "(generic label)". Sorted by outlet, actor and count.
    """
    articles = articles_of(source)
    outlet_of = dict(zip(articles["article_id"].astype(str), articles["outlet"]))
    frame = mention_table.assign(
        outlet=mention_table["article_id"].map(outlet_of),
        voice=mention_table["in_quote"].map({True: "quoted", False: "outlet"}),
        actor=mention_table["actor"].fillna("(generic label)"),
        actor_id=mention_table["actor_id"].fillna(""))
    table = (frame.groupby(["outlet", "actor", "actor_id", "form", "form_kind", "voice"], sort=False)
             .agg(n=("form", "size"), article_ids=("article_id", lambda s: ", ".join(sorted(set(s)))))
             .reset_index())
    table = table[table["n"] >= min_count]
    return table.sort_values(["outlet", "actor", "n", "form"], ascending=[True, True, False, True],
                             kind="stable").reset_index(drop=True)


def forms_by_outlet(naming: pd.DataFrame, *, actor_id: str) -> pd.DataFrame:
    """The forms used for one actor, one row per outlet: "form (n)" joined, own voice and quoted apart."""
    part = naming[naming["actor_id"] == actor_id]
    rows = []
    for outlet, group in part.groupby("outlet", sort=True):
        row = {"outlet": outlet}
        for voice in ("outlet", "quoted"):
            forms = group[group["voice"] == voice]
            row[f"{voice} voice"] = "; ".join(f"{f} ({n})" for f, n in zip(forms["form"], forms["n"])) or "–"
        rows.append(row)
    return pd.DataFrame(rows, columns=["outlet", "outlet voice", "quoted voice"])


def most_shared_actor(naming: pd.DataFrame, *, group: str | None = None,
                      actors: Gazetteer | None = None) -> str | None:
    """The actor named by the most outlets (ties: the most mentions), optionally of one group."""
    part = naming[naming["actor_id"] != ""]
    if group is not None:
        gaz = actors or load_actors()
        ids = set(gaz.actors.loc[gaz.actors["group"] == group, "actor_id"])
        part = part[part["actor_id"].isin(ids)]
    if not len(part):
        return None
    score = part.groupby("actor_id").agg(outlets=("outlet", "nunique"), n=("n", "sum"))
    return score.sort_values(["outlets", "n"], ascending=False).index[0]


def generic_label_table(mention_table: pd.DataFrame, source) -> pd.DataFrame:
    """Counts of each generic label for armed groups, per outlet and voice (zeros left out)."""
    articles = articles_of(source)
    outlet_of = dict(zip(articles["article_id"].astype(str), articles["outlet"]))
    part = mention_table[mention_table["form_kind"] == "generic_label"]
    part = part.assign(outlet=part["article_id"].map(outlet_of),
                       voice=part["in_quote"].map({True: "quoted", False: "outlet"}))
    table = part.groupby(["outlet", "generic_label", "voice"]).size().rename("n").reset_index()
    return table.sort_values(["outlet", "n"], ascending=[True, False], kind="stable").reset_index(drop=True)
