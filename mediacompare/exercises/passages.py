"""Picking items from a corpus: its articles, their labels and numbered sentences, and the
cues of a passage."""

from __future__ import annotations

import bisect
import functools
import numbers
from typing import Any

import pandas as pd

from ..features.label import SPAN_COLUMNS, articles_of, label
from ..features.lexicon import CATEGORIES
from ..document import analyse
from .feedback import _str


@functools.lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """scikit-learn's English stop words, imported on first use (not when the exercises are)."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return frozenset(ENGLISH_STOP_WORDS)


def _table(source: Any) -> pd.DataFrame:
    """The articles (``article_id`` as strings) of a corpus, an articles table or a string."""
    frame = articles_of(source)
    frame = frame.assign(article_id=frame["article_id"].map(str)).reset_index(drop=True)
    if "title" not in frame.columns:
        frame = frame.assign(title=None)
    return frame


def _article(table: pd.DataFrame, article_id: str, name: str = "exercise") -> dict:
    rows = table[table["article_id"] == str(article_id)]
    if not len(rows):
        raise ValueError(f"the {name} is about article {article_id!r}, which is not in this corpus; "
                         "build the exercise from the same corpus you check it with")
    return rows.iloc[0].to_dict()


def _labels(table: pd.DataFrame, spans: pd.DataFrame | None, lexicon: Any) -> pd.DataFrame:
    if spans is None:
        return label(table, lexicon=lexicon)
    if not isinstance(spans, pd.DataFrame):
        raise TypeError(f"spans must be the DataFrame of mc.label(); got {type(spans).__name__}")
    missing = [c for c in ("article_id", "start", "end", "text", "category", "in_quote")
               if c not in spans.columns]
    if missing:
        raise ValueError(f"spans is missing the columns {', '.join(missing)}; it has: "
                         f"{', '.join(map(str, spans.columns))}")
    return spans.assign(article_id=spans["article_id"].map(str))


def _by_article(labels: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """The labels of each article (one pass over the table, not one per article)."""
    return {str(aid): part for aid, part in labels.groupby("article_id", sort=False)}


def _positive_int(value: Any, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, numbers.Integral) or value < 1:
        raise ValueError(f"{name} must be a positive whole number; got {value!r}")
    return int(value)



def _sentence_table(text: str, first: int = 0, last: int | None = None, offset: int = 0) -> pd.DataFrame:
    """Sentences ``first..last`` of ``text``, numbered from 1, offsets minus ``offset``."""
    sents = analyse(text).sentences
    last = len(sents) - 1 if last is None else last
    rows = [{"number": k + 1, "sentence_id": i, "start": sents[i].start - offset,
             "end": sents[i].end - offset, "text": sents[i].text}
            for k, i in enumerate(range(first, last + 1))]
    return pd.DataFrame(rows, columns=["number", "sentence_id", "start", "end", "text"]).astype(
        {"number": "int64", "sentence_id": "int64", "start": "int64", "end": "int64"})


def _category_order(category: str) -> int:
    return CATEGORIES.index(category) if category in CATEGORIES else len(CATEGORIES)



def _passage_cues(spans: pd.DataFrame, start: int, end: int, sents: pd.DataFrame) -> pd.DataFrame:
    columns = [c for c in SPAN_COLUMNS if c in spans.columns] + [
        c for c in spans.columns if c not in SPAN_COLUMNS]
    part = spans[(spans["start"] >= start) & (spans["end"] <= end)][columns].copy()
    part["article_start"] = part["start"].astype("int64")
    part["article_end"] = part["end"].astype("int64")
    part["start"] = part["article_start"] - start
    part["end"] = part["article_end"] - start
    for column in ("cue_start", "cue_end"):  # the matched word of a widened label, into the passage too
        if column in part.columns:
            part[column] = part[column].astype("int64") - start
    starts = sents["start"].tolist()
    numbers_ = sents["number"].tolist()
    part["sentence"] = [numbers_[max(bisect.bisect_right(starts, s) - 1, 0)] if starts else 0
                        for s in part["start"]]
    return part.reset_index(drop=True).astype({"sentence": "int64"})



def _checked_cues(corpus: Any, exercise: Any, lexicon: Any, sents: pd.DataFrame) -> pd.DataFrame:
    """The cues of an exercise's passage (labelled again when ``lexicon`` is given), after
    checking that the passage is in ``corpus``'s article."""
    table = _table(corpus)
    art = _article(table, exercise.article_id)
    if _str(art["text"])[exercise.start:exercise.end] != exercise.text:
        raise ValueError("the exercise's passage is not in this corpus's article "
                         f"{exercise.article_id}; build the exercise from the same corpus")
    cues = exercise.cues
    if lexicon is not None:
        cues = _passage_cues(label(table[table["article_id"] == exercise.article_id], lexicon=lexicon),
                             exercise.start, exercise.end, sents)
    return cues
