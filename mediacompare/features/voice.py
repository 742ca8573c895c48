"""Whose voice: the quotations of each article with their voice, as a table.

The voice of every quotation is decided once per text in the analysed document
(:mod:`mediacompare.document.voice`); this module tabulates it.
"""

from __future__ import annotations

import pandas as pd

from .._gc import gc_paused
from ..document import analysed, voices
from ..document.voice import MAX_REPAIRED_SHARE, SCARE_MAX_WORDS, Voices, speech_verb_forms, verb_spans

__all__ = ["MAX_REPAIRED_SHARE", "SCARE_MAX_WORDS", "Voices", "quotes_table", "speech_verb_forms",
           "verb_spans", "voices"]


@gc_paused()  # many small acyclic objects: see mediacompare._gc
def quotes_table(source) -> pd.DataFrame:
    """Every quotation of every article, with its voice: ``reported`` speech, ``scare`` quote,
    or ``uncertain`` (a repaired quotation too long to count as quoted voice: see
    :func:`~mediacompare.document.voice.voices`).

    Columns: ``article_id, quote_id, start, end, inner_start, inner_end, text,
    voice, level, n_words, closed, problem`` (offsets into the clean text).

    >>> quotes_table('The "peace process" failed. "We stay," he said.')[["text", "voice"]].values.tolist()
    [['peace process', 'scare'], ['We stay,', 'reported']]
    """
    columns = ["article_id", "quote_id", "start", "end", "inner_start", "inner_end", "text",
               "voice", "level", "n_words", "closed", "problem"]
    data: dict[str, list] = {c: [] for c in columns}   # column by column: no dict per quotation
    fields = ("quote_id", "start", "end", "inner_start", "inner_end", "text")
    for article_id, doc in analysed(source):
        for kind, quotes in (("reported", doc.reported), ("scare", doc.scare),
                             ("uncertain", doc.uncertain)):
            data["article_id"].extend([article_id] * len(quotes))
            data["voice"].extend([kind] * len(quotes))
            for name in fields + ("level", "n_words", "closed", "problem"):
                data[name].extend(getattr(q, name) for q in quotes)
    frame = pd.DataFrame(data, columns=columns).sort_values(["article_id", "start"], kind="stable")
    return frame.reset_index(drop=True).astype({c: "int64" for c in columns[1:6] + ["level", "n_words"]})
