"""Frames: which lens (security, law, politics, humanitarian cost, ...) an article reaches for.

Frame cues are data (``resources/frames.csv``, format in ``docs/framing-data.md``) on
the fifteen dimensions of the Media Frames Corpus (Card et al. 2015), with a
second, conflict-news level (``conflict_frame``: sovereignty and legality,
military security, diplomacy and peace process, humanitarian cost, resources
and economy). Every cue is a span with offsets; profiles count cues per
article or outlet and give each frame's share of them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

import pandas as pd

from .._paths import resource
from ..document import analysed, analysed_articles, articles_of
from ..errors import SourceNotFoundError
from .lexicon import CASES, Lexicon, Schema, _load

__all__ = ["CONFLICT_FRAMES", "FRAMES", "frame_cues", "frame_profiles", "load_frame_cues"]

#: The fifteen dimensions of the Media Frames Corpus (Card et al. 2015), in its order.
FRAMES = ("economic", "capacity_and_resources", "morality", "fairness_and_equality",
          "legality_constitutionality_jurisprudence", "policy_prescription_and_evaluation",
          "crime_and_punishment", "security_and_defense", "health_and_safety", "quality_of_life",
          "cultural_identity", "public_opinion", "political", "external_regulation_and_reputation",
          "other")
#: Frames suited to conflict and foreign-policy news.
CONFLICT_FRAMES = ("sovereignty_legality", "military_security", "diplomacy_peace_process",
                   "humanitarian_cost", "resources_economy")
FRAME_SCHEMA = Schema(
    "frame cues",
    ("term", "frame", "conflict_frame", "note", "source", "forms", "case", "unless_next",
     "unless_previous"),
    ("term", "frame", "note"), ("source",), "frame",
    (("frame", FRAMES), ("conflict_frame", ("",) + CONFLICT_FRAMES), ("case", CASES)))
CUE_COLUMNS = ("article_id", "start", "end", "text", "frame", "conflict_frame", "term", "note",
               "in_quote", "sentence_id", "rule")


def load_frame_cues(paths: str | Path | Iterable[str | Path] | None = None, *,
                    extend: bool = False) -> Lexicon:
    """Load and validate frame-cue CSV files (the packaged ``frames.csv`` by default).

    With ``extend=True`` the given files are added to the packaged cues; a
    user's cue for a form the packaged file also has is refused as a duplicate
    (edit the packaged copy, or replace it, to change a cue).

    >>> cues = load_frame_cues()
    >>> len(cues) > 200
    True
    """
    files = [str(resource("frames.csv"))] if paths is None or extend else []
    if paths is not None:
        for path in [paths] if isinstance(paths, (str, Path)) else list(paths):
            if not Path(path).is_file():
                raise SourceNotFoundError(f"frame cue file not found: {path}")
            files.append(str(path))
    return _load(tuple(files), FRAME_SCHEMA)


def frame_cues(source, *, cues: Lexicon | str | Path | None = None) -> pd.DataFrame:
    """Every frame cue in a corpus, an articles table or a string, as spans with offsets.

    >>> frame_cues("Troops withdrew after the ceasefire talks.")[["text", "frame"]].values.tolist()[:1]
    [['Troops', 'security_and_defense']]
    """
    lexicon = cues if isinstance(cues, Lexicon) else load_frame_cues(cues)
    rows = []
    for article_id, doc in analysed(source):
        text = doc.text
        for match in lexicon.match(doc):
            entry = match.entry
            quote = doc.quote_of(match.start, match.end)
            rows.append((article_id, match.start, match.end, text[match.start:match.end],
                         entry.category, dict(entry.extra).get("conflict_frame", ""), entry.term,
                         entry.note, quote is not None, doc.sentence_id(match.start),
                         f"frame cue: {entry.origin}"))
    frame = pd.DataFrame.from_records(rows, columns=list(CUE_COLUMNS))
    return frame.astype({"start": "int64", "end": "int64", "sentence_id": "int64", "in_quote": "bool"})


def frame_profiles(cues: pd.DataFrame, source, *, by: str = "outlet",
                   level: str = "frame") -> pd.DataFrame:
    """Cue counts and shares per ``by`` (``outlet`` or ``article_id``) and frame.

    ``level`` is ``frame`` (the fifteen dimensions) or ``conflict_frame`` (the
    five conflict frames; cues without one are left out). Every combination
    is a row, zeros included; ``share`` is the frame's part of the cues of that
    outlet or article (NaN when it has none); ``per_1000_words`` uses all its words.
    """
    if by not in ("outlet", "article_id"):
        raise ValueError(f"by must be 'outlet' or 'article_id'; got {by!r}")
    if level not in ("frame", "conflict_frame"):
        raise ValueError(f"level must be 'frame' or 'conflict_frame'; got {level!r}")
    articles = articles_of(source)
    outlet_of = dict(zip(articles["article_id"].astype(str), articles["outlet"]))
    words = {}
    for art, doc in analysed_articles(articles):
        key = str(art.article_id) if by == "article_id" else art.outlet
        words[key] = words.get(key, 0) + doc.n_words
    keyed = cues.assign(_key=cues["article_id"] if by == "article_id"
                        else cues["article_id"].map(outlet_of))
    if level == "conflict_frame":
        keyed = keyed[keyed["conflict_frame"] != ""]
    counts = keyed.groupby(["_key", level]).size()
    totals = keyed.groupby("_key").size()
    names = FRAMES if level == "frame" else CONFLICT_FRAMES
    rows = []
    for key in words:
        total = int(totals.get(key, 0))
        for name in names:
            n = int(counts.get((key, name), 0))
            rows.append({by: key, level: name, "n_cues": n, "n_cues_total": total,
                         "share": n / total if total else float("nan"), "n_words": words[key],
                         "per_1000_words": 1000 * n / words[key] if words[key] else float("nan")})
    return pd.DataFrame(rows, columns=[by, level, "n_cues", "n_cues_total", "share", "n_words",
                                       "per_1000_words"])
