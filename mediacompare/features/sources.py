"""Who speaks: every quotation with its speaker, tied to an actor of the gazetteer.

Built on :func:`mediacompare.features.speakers.speaker_frame` (how each
speaker was found) and :func:`mediacompare.features.actors.mentions` (which
actor a speaker's name or description refers to).
"""

from __future__ import annotations

import pandas as pd

from .actors import Gazetteer, load_actors, mentions
from .label import articles_of
from .speakers import speaker_frame
from .voice import voices

__all__ = ["VOICE_COLUMNS", "voice_table", "who_speaks"]

VOICE_COLUMNS = ("article_id", "outlet", "quote_id", "quote", "n_words", "speaker", "speaker_actor_id",
                 "speaker_actor", "speaker_group", "affiliation", "title", "description", "verb",
                 "method", "status", "evidence")


def voice_table(source, *, actors: Gazetteer | None = None) -> pd.DataFrame:
    """One row per quotation of reported speech: its speaker, the actor and group behind it.

    ``speaker_group`` is the gazetteer group of the speaker's actor, ``unlisted``
    when the speaker is named but is in no gazetteer row, and ``unattributed``
    when the quotation has no speaker (it is never guessed).

    >>> table = voice_table('"We will stay," Vladimir Putin said.')
    >>> table[["speaker", "speaker_actor_id", "speaker_group", "method"]].values.tolist()
    [['Vladimir Putin', 'putin', 'person', 'X said']]
    """
    gaz = actors or load_actors()
    info = gaz.actors.set_index("actor_id")
    rows = []
    for art in articles_of(source).itertuples(index=False):
        article_id = str(art.article_id)
        found = voices(art.text)
        words = {q.quote_id: (q.text, q.n_words) for q in found.reported}
        speakers = speaker_frame(art.text)
        named = mentions(pd.DataFrame({"article_id": [article_id], "outlet": [art.outlet],
                                       "text": [art.text]}), actors=gaz)
        named = named[named["actor_id"].notna()]
        for row in speakers.itertuples(index=False):
            actor_id = actor = group = None
            if pd.notna(row.speaker_start):
                inside = named[(named["start"] >= row.speaker_start) & (named["end"] <= row.speaker_end)]
                if len(inside):
                    best = inside.assign(length=inside["end"] - inside["start"]).sort_values(
                        ["length", "start"], ascending=[False, True]).iloc[0]
                    actor_id, actor, group = best["actor_id"], best["actor"], best["group"]
            if group is None:
                group = "unattributed" if row.status == "unattributed" or row.speaker is None else "unlisted"
            affiliation = None
            if actor_id is not None:
                country = info.loc[actor_id, "country"]
                affiliation = info.loc[country, "name"] if country else actor
            quote, n_words = words.get(row.quote_id, ("", 0))
            rows.append({"article_id": article_id, "outlet": art.outlet, "quote_id": row.quote_id,
                         "quote": quote, "n_words": n_words, "speaker": row.speaker,
                         "speaker_actor_id": actor_id, "speaker_actor": actor, "speaker_group": group,
                         "affiliation": affiliation,
                         "title": row.title, "description": row.description, "verb": row.verb,
                         "method": row.method, "status": row.status, "evidence": row.evidence})
    frame = pd.DataFrame(rows, columns=list(VOICE_COLUMNS))
    return frame.astype({"quote_id": "int64", "n_words": "int64"})


def who_speaks(table: pd.DataFrame) -> pd.DataFrame:
    """Per outlet and speaker: group and affiliation, how many quotations and quoted words."""
    named = table.assign(who=table["speaker_actor"].fillna(table["speaker"]).fillna("(unattributed)"),
                         affiliation=table["affiliation"].fillna("–"))
    out = (named.groupby(["outlet", "who", "speaker_group", "affiliation"], sort=False)
           .agg(n_quotes=("quote_id", "size"), n_words=("n_words", "sum")).reset_index()
           .rename(columns={"who": "speaker"}))
    return out.sort_values(["outlet", "n_words"], ascending=[True, False], kind="stable").reset_index(drop=True)
