"""Actors: who is named how.

The gazetteer (:mod:`~mediacompare.features.gazetteer`, ``resources/actors.csv``) lists actors
with their names, titles and the place names used for governments. :func:`mentions` finds
every mention with offsets and voice: the aliases as written, exactly or as a spelling or
transliteration variant (:mod:`~mediacompare.features.names`: "Qaddafi" for "Gaddafi", "Bashar
Al Assad" for "Bashar al-Assad"); the descriptors written before a name ("Syrian dictator" in
"Syrian dictator Bashar al-Assad", "former US President"), at most :data:`MAX_DESCRIPTOR_WORDS`
words and never another name; definite descriptions resolved to an actor with the rule that
did it ("the ruthless leader" → the last person mentioned who is a leader); and generic labels
for armed groups (terrorists, militants, rebels ...) in a column of their own, whichever actor
they point at. A government or country named just before a title or a person noun ("US" in
"former US President", "Trump administration" in "a senior Trump administration official",
"Kremlin" in "Kremlin spokesman") is that person's *affiliation* (``form_kind``
``affiliation``), not a way of naming the government. :func:`naming_table` counts the forms
per outlet and actor, in the outlet's own voice or quoted. Every lookup is a bisect or a
dictionary: cost linear in the text.
"""

from __future__ import annotations

import bisect

import pandas as pd

from .._gc import gc_paused
from ..document import Doc, analysed, articles_of
from ..text import Token
from .gazetteer import ACTOR_COLUMNS, GROUPS, Gazetteer, _single_aliases, load_actors
from .speaker_text import titles

__all__ = ["ACTOR_COLUMNS", "GROUPS", "MAX_DESCRIPTOR_WORDS", "Gazetteer", "forms_by_outlet",
           "generic_label_table", "load_actors", "mentions", "most_shared_actor", "naming_table"]

MENTION_COLUMNS = ("article_id", "start", "end", "text", "actor_id", "actor", "group", "form_kind",
                   "generic_label", "descriptor", "form", "in_quote", "sentence_id", "resolved_by")
#: A descriptor before a name has at most this many words ("former US Acting Assistant Secretary").
MAX_DESCRIPTOR_WORDS = 8
#: Person nouns that make a government named before them an affiliation ("US officials").
_PERSON_NOUNS = frozenset("official officials spokesman spokeswoman spokesperson source sources aide aides "
                          "adviser advisers advisor advisors envoy envoys diplomat diplomats".split())

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


def _descriptor(tokens: list[Token], index: int, gaz: Gazetteer, sentence_start: int,
                names: set[int] = frozenset()) -> int:
    """Index of the first token of the descriptor run before ``tokens[index]`` (== index: none).

    The run is made of title words ("President", "Defence Minister"), demonyms
    ("Syrian"), one-word aliases of actors ("Kremlin" in "Kremlin President"),
    role nouns and the adjectives and labels of :data:`DESCRIPTOR_WORDS`
    ("dictator", "ruthless") directly before the name; it stops at anything
    else, at a token of another person's name (``names``: "Putin Putin" is two
    mentions, not a descriptor), and after :data:`MAX_DESCRIPTOR_WORDS` words, so a
    title-case headline is not taken for a descriptor and the walk is bounded.
    """
    i = index
    single = _single_aliases(gaz)
    while i > 0 and index - i < MAX_DESCRIPTOR_WORDS and tokens[i - 1].start >= sentence_start \
            and i - 1 not in names:
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


def _affiliation(tokens: list[Token], end_index: int) -> bool:
    """Whether a title or a person noun follows the mention ending at token ``end_index``."""
    k = end_index + 1
    if k < len(tokens) and tokens[k].kind in ("word", "abbreviation") and \
            tokens[k].start - tokens[end_index].end <= 1:
        word = tokens[k].text.lower().rstrip(".")
        return word in _PERSON_NOUNS or (word in titles() and word not in ("house", "speaker"))
    return False


def _found_names(text: str, tokens: list[Token], gaz: Gazetteer, doc: Doc) -> list[tuple]:
    """Alias matches, exact first, then the variants: a variant replaces the exact matches it
    contains ("Bashar Al Assad" over "Assad") and gives way to any it only overlaps."""
    found = []
    for match in gaz.names.match(doc):
        extra = dict(match.entry.extra)
        found.append((match.start, match.end, extra["actor_id"], extra["form_kind"], None, ""))
    if gaz.variants is None:
        return found
    found.sort(key=lambda f: (f[0], f[1]))
    starts = [f[0] for f in found]
    dropped: set[int] = set()
    extra_rows = []
    for start, end, extra in gaz.variants.find(text, tokens):
        if text[start:end] in gaz.demonyms:
            continue                                              # "American" is a demonym, not "Americans"
        a = bisect.bisect_left(starts, start)
        while a > 0 and found[a - 1][1] > start:                 # exact matches that start before it
            a -= 1
        b = bisect.bisect_left(starts, end)
        inside = [k for k in range(a, b) if k not in dropped]
        if any(found[k][0] < start or found[k][1] > end for k in inside):
            continue                                              # overlaps an exact match: that wins
        if any((found[k][0], found[k][1]) == (start, end) for k in inside):
            continue                                              # the same span, found exactly
        dropped.update(inside)
        extra_rows.append((start, end, extra["actor_id"], extra["form_kind"], None,
                           "a spelling or transliteration variant of a gazetteer alias"))
    return [f for k, f in enumerate(found) if k not in dropped] + extra_rows


@gc_paused()  # many small acyclic objects: see mediacompare._gc
def mentions(source, *, actors: Gazetteer | None = None) -> pd.DataFrame:
    """Every mention of an actor, and every generic label, with offsets and voice.

    Columns: ``article_id, start, end, text`` (the mention as written; a
    description such as "the Russian leader" is its own mention), ``actor_id,
    actor, group, form_kind`` (``name``, ``place``, ``description``,
    ``generic_label`` or ``affiliation``), ``generic_label`` (the label's term,
    for generic labels), ``descriptor`` (titles and adjectives written just
    before a name), ``form`` (descriptor and name as written together),
    ``in_quote``, ``sentence_id`` and ``resolved_by`` (how a description was tied
    to an actor, or that the name is a spelling variant).

    >>> m = mentions("Syrian dictator Bashar al-Assad spoke. Later the ruthless leader left.")
    >>> m[["form", "actor_id", "form_kind"]].values.tolist()
    [['Syrian dictator Bashar al-Assad', 'assad', 'name'], ['the ruthless leader', 'assad', 'description']]
    >>> mentions("Former US President Barack Obama spoke.")[["text", "form_kind", "form"]].values.tolist()
    [['US', 'affiliation', 'US'], ['Barack Obama', 'name', 'Former US President Barack Obama']]
    """
    gaz = actors or load_actors()
    rows: list[dict] = []
    for article_id, doc in analysed(source):
        rows.extend(article_mentions(article_id, doc.text, gaz, doc.tokens, doc))
    frame = pd.DataFrame(rows, columns=list(MENTION_COLUMNS))
    return frame.astype({"start": "int64", "end": "int64", "sentence_id": "int64", "in_quote": "bool"})


def article_mentions(article_id: str, text: str, gaz: Gazetteer, tokens: list[Token], voice) -> list[dict]:
    """The rows of :func:`mentions` for one text whose tokens and analysis are at hand.

    ``voice`` is the text's analysed :class:`~mediacompare.document.Doc` (or, from older
    callers, its :class:`~mediacompare.document.voice.Voices`).
    """
    doc = voice if isinstance(voice, Doc) else Doc(text, tokens=tokens)
    info = gaz.info()
    starts = {t.start: i for i, t in enumerate(tokens)}
    ends = {t.end: i for i, t in enumerate(tokens)}
    found = _found_names(text, tokens, gaz, doc)
    person_tokens = set()
    for start, end, actor_id, kind, _, _ in found:
        if kind == "name" and info.get(actor_id, ("", ""))[1] == "person" and start in starts and end in ends:
            person_tokens.update(range(starts[start], ends[end] + 1))
    for match in gaz.generic.match(doc):
        found.append((match.start, match.end, None, "generic_label", match.entry.term, ""))
    found.extend(_descriptions(text, tokens, gaz, found, starts, ends))
    rows = []
    for start, end, actor_id, kind, generic, resolved_by in sorted(found, key=lambda f: (f[0], f[1])):
        sentence_id = doc.sentence_id(start)
        name, group = info.get(actor_id, (None, None))
        descriptor = ""
        if kind in ("name", "place") and end in ends and group != "person" and _affiliation(tokens, ends[end]):
            kind = "affiliation"
        if kind in ("name", "place") and start in starts:
            sentence_start = doc.sentence_starts[sentence_id] if len(doc.sentence_starts) else 0
            first = _descriptor(tokens, starts[start], gaz, sentence_start, person_tokens)
            if first < starts[start]:
                descriptor = text[tokens[first].start:start].strip()
        quote = doc.quote_of(start, end)
        rows.append({
            "article_id": article_id, "start": start, "end": end, "text": text[start:end],
            "actor_id": actor_id, "actor": name, "group": group, "form_kind": kind,
            "generic_label": generic, "descriptor": descriptor or None,
            "form": (descriptor + " " + text[start:end]) if descriptor else text[start:end],
            "in_quote": quote is not None, "sentence_id": sentence_id,
            "resolved_by": resolved_by or None})
    return rows


def _descriptions(text: str, tokens: list[Token], gaz: Gazetteer, found: list,
                  token_at: dict[int, int], token_end: dict[int, int]) -> list:
    """Definite descriptions ("the Russian leader", "the ruthless leader") tied to a person.

    The last person of the role named before the description: a bisect in the sorted
    starts of the named actors of that role (and country), built once per role.
    """
    out = []
    named = sorted((f[0], f[2]) for f in found if f[2] is not None)
    covered = [False] * (len(tokens) + 1)                          # tokens inside another mention
    for f in found:
        if f[0] in token_at and f[1] in token_end:
            for k in range(token_at[f[0]], token_end[f[1]] + 1):
                covered[k] = True
    country = gaz.countries()
    by_role: dict[tuple, tuple[list[int], list[str]]] = {}
    for i, token in enumerate(tokens):
        word = token.text
        if len(word) != 3 or word.lower() != "the" or i + 1 >= len(tokens):
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
        if any(covered[i:j + 1]):
            continue
        candidates = gaz.roles[role]
        if demonym:
            state = gaz.demonyms[demonym]
            candidates = [a for a in candidates if country.get(a) == state]
        key = (role, demonym)
        if key not in by_role:
            chosen = set(candidates)
            pairs = [(s, a) for s, a in named if a in chosen]
            by_role[key] = ([s for s, _ in pairs], [a for _, a in pairs])
        role_starts, role_actors = by_role[key]
        k = bisect.bisect_left(role_starts, start) - 1
        if k >= 0:
            actor_id = role_actors[k]
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

    Generic labels get ``actor`` "(generic label)"; an actor named only as a person's
    affiliation ("US" in "former US President ...") is not one of its forms. Sorted by
    outlet, actor and count.
    """
    articles = articles_of(source)
    outlet_of = dict(zip(articles["article_id"].astype(str), articles["outlet"]))
    mention_table = mention_table[mention_table["form_kind"] != "affiliation"]
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
