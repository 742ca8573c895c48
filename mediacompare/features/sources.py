"""Who speaks: every quotation with its speaker, tied to an actor of the gazetteer.

Built on :mod:`mediacompare.features.speakers` (how each speaker was found) and
:func:`mediacompare.features.actors.mentions` (which actor a speaker's name or description
refers to), both reading one analysis of each text (its tokens and quotations, once).

Affiliation
    A speaker who is a gazetteer actor is affiliated with the actor's country (a person or
    an army) or is the affiliation itself (a state, a body, a group). A speaker who is not in
    the gazetteer, or a person with no country, takes the affiliation their title or
    description names: the organisation they speak for ("spokesman for the High Negotiations
    Committee", "Kremlin spokesman", "a senior Trump administration official"), or the
    country of a demonym ("Syrian Foreign Minister"); the place an envoy is sent to or
    works in is the host, not the affiliation ("Russia's ambassador to Syria" speaks for
    Russia). Each row says in ``affiliation_from`` where the affiliation was read.
"""

from __future__ import annotations

import bisect

import pandas as pd

from .._gc import gc_paused
from ..document import analysed_articles
from ..text import Token
from .actors import _PERSON_NOUNS, article_mentions
from .gazetteer import Gazetteer, load_actors
from .speaker_text import titles
from .speakers import _Rules

__all__ = ["VOICE_COLUMNS", "voice_table", "who_speaks"]

VOICE_COLUMNS = ("article_id", "outlet", "quote_id", "quote", "n_words", "speaker", "speaker_actor_id",
                 "speaker_actor", "speaker_group", "affiliation", "title", "description", "verb",
                 "method", "status", "evidence", "quote_start", "quote_end", "speaker_start", "speaker_end",
                 "affiliation_from")
_HOST = frozenset({"to", "in", "at"})          # "ambassador to Syria": Syria is the host
_SPEAKS_FOR = frozenset({"for", "of"})         # "spokesman for the HNC"


class _Actors:
    """The actor mentions of one text, sorted: which lie inside a span, by bisect."""

    def __init__(self, rows: list[dict]):
        named = sorted((r for r in rows if r["actor_id"] is not None), key=lambda r: (r["start"], r["end"]))
        self.rows = named
        self.starts = [r["start"] for r in named]

    def inside(self, start: int, end: int) -> list[dict]:
        a = bisect.bisect_left(self.starts, start)
        b = bisect.bisect_left(self.starts, end)
        return [r for r in self.rows[a:b] if r["end"] <= end]


def _affiliation_in(span, text: str, tokens: list[Token], starts: list[int], found: _Actors,
                    gaz: Gazetteer, info: dict) -> tuple[str | None, str | None]:
    """The organisation or country a title or description names, and the words that say so."""
    if span is None:
        return None, None
    a, b = span
    candidates = []
    for row in found.inside(a, b):
        if info.get(row["actor_id"], ("", ""))[1] == "person":
            continue
        k = bisect.bisect_left(starts, row["start"])
        before = tokens[k - 1].text.lower() if k > 0 and tokens[k - 1].start >= a else ""
        host = before in _HOST
        candidates.append((host, 0 if before in _SPEAKS_FOR else 1, row["start"], row["actor_id"],
                           text[row["start"]:row["end"]]))
    k = bisect.bisect_left(starts, a)
    while k < len(tokens) and tokens[k].end <= b:
        word = tokens[k].text
        actor_id = gaz.demonyms.get(word) or gaz.demonyms.get(word.title())
        if actor_id:
            candidates.append((False, 1, tokens[k].start, actor_id, word))
        k += 1
    if not candidates:
        return None, None
    host, _, _, actor_id, words = min(candidates)
    if host:
        return None, None
    return actor_id, words


def _person_head(description: str) -> bool:
    """A description whose last word names a person: "ambassador", "official", "aides"."""
    words = description.lower().replace("\u2019", "'").split()
    for k, word in enumerate(words):
        if k and word in ("to", "of", "for", "in", "at", "from", "with"):
            words = words[:k]                                     # "the US ambassador | to Russia"
            break
    last = words[-1].rstrip(".,") if words else ""
    return last in titles() or last.rstrip("s") in titles() or last in _PERSON_NOUNS


@gc_paused()  # many small acyclic objects: see mediacompare._gc
def voice_table(source, *, actors: Gazetteer | None = None) -> pd.DataFrame:
    """One row per quotation of reported speech: its speaker, the actor and group behind it.

    ``speaker_group`` is the gazetteer group of the speaker's actor, ``unlisted``
    when the speaker is named but is in no gazetteer row, and ``unattributed``
    when the quotation has no speaker (it is never guessed). ``affiliation`` is
    the organisation or country the speaker speaks for (see the module docstring),
    with the words it was read from in ``affiliation_from``; the offsets
    ``quote_start``/``quote_end`` and ``speaker_start``/``speaker_end`` point into
    the text (for a pronoun, at the name it was carried to).

    >>> table = voice_table('"We will stay," Vladimir Putin said.')
    >>> table[["speaker", "speaker_actor_id", "speaker_group", "method"]].values.tolist()
    [['Vladimir Putin', 'putin', 'person', 'X said']]
    >>> voice_table('"No," Jane Roe, a spokeswoman for the Kremlin, said.')[
    ...     ["speaker", "speaker_group", "affiliation", "affiliation_from"]].values.tolist()
    [['Jane Roe', 'unlisted', 'Russian government', 'Kremlin']]
    """
    gaz = actors or load_actors()
    info = gaz.info()
    country = {r.actor_id: r.country for r in gaz.actors.itertuples(index=False)}
    rows = []
    for art, doc in analysed_articles(source):
        article_id, text = str(art.article_id), doc.text
        found = doc.voices()
        words = {q.quote_id: (q.text, q.n_words) for q in found.reported}
        rules = _Rules(found)
        attributions = rules.attribute()
        named = _Actors(article_mentions(article_id, text, gaz, found.tokens, doc))
        starts = [t.start for t in found.tokens]
        for row in attributions:
            actor_id = actor = group = affiliated = None
            affiliation = source_words = None
            if row.speaker_start is not None:
                inside = named.inside(row.speaker_start, row.speaker_end)
                if inside:
                    best = max(inside, key=lambda r: (r["end"] - r["start"], -r["start"]))
                    if row.speaker_kind == "description" and best["group"] != "person" and \
                            _person_head(row.speaker):
                        # "Russia's ambassador to Syria", "a senior administration official": a
                        # person who speaks for an actor, not the actor itself
                        org, said = _affiliation_in((row.speaker_start, row.speaker_end), text, found.tokens,
                                                    starts, named, gaz, info)
                        home = country.get(org) if org else None
                        affiliated = ((info[home][0] if home and info[org][1] != "state" else info[org][0])
                                      if org else None, said)
                    else:
                        actor_id, actor, group = best["actor_id"], best["actor"], best["group"]
            if group is None:
                group = "unattributed" if row.status == "unattributed" or row.speaker is None else "unlisted"
            if actor_id is not None:
                home = country.get(actor_id)
                affiliation = info[home][0] if home else actor
                source_words = text[row.speaker_start:row.speaker_end]
            if affiliated is not None:
                affiliation, source_words = affiliated
                group = "unlisted"
            elif row.speaker is not None and (actor_id is None or (group == "person" and not country.get(actor_id))):
                title, desc = rules.spans.get(row.quote_id, (None, None))
                for span in (title, desc):
                    org, said = _affiliation_in(span, text, found.tokens, starts, named, gaz, info)
                    if org is not None:
                        home = country.get(org)
                        affiliation = info[home][0] if home and info[org][1] != "state" else info[org][0]
                        source_words = said
                        break
            quote, n_words = words.get(row.quote_id, ("", 0))
            rows.append({"article_id": article_id, "outlet": art.outlet, "quote_id": row.quote_id,
                         "quote": quote, "n_words": n_words, "speaker": row.speaker,
                         "speaker_actor_id": actor_id, "speaker_actor": actor, "speaker_group": group,
                         "affiliation": affiliation,
                         "title": row.title, "description": row.description, "verb": row.verb,
                         "method": row.method, "status": row.status, "evidence": row.evidence,
                         "quote_start": row.quote_start, "quote_end": row.quote_end,
                         "speaker_start": row.speaker_start, "speaker_end": row.speaker_end,
                         "affiliation_from": source_words})
    frame = pd.DataFrame(rows, columns=list(VOICE_COLUMNS))
    return frame.astype({"quote_id": "int64", "n_words": "int64", "quote_start": "int64", "quote_end": "int64",
                         "speaker_start": "Int64", "speaker_end": "Int64"})


def who_speaks(table: pd.DataFrame) -> pd.DataFrame:
    """Per outlet and speaker: group and affiliation, how many quotations and quoted words."""
    named = table.assign(who=table["speaker_actor"].fillna(table["speaker"]).fillna("(unattributed)"),
                         affiliation=table["affiliation"].fillna("–"))
    out = (named.groupby(["outlet", "who", "speaker_group", "affiliation"], sort=False)
           .agg(n_quotes=("quote_id", "size"), n_words=("n_words", "sum")).reset_index()
           .rename(columns={"who": "speaker"}))
    return out.sort_values(["outlet", "n_words"], ascending=[True, False], kind="stable").reset_index(drop=True)
