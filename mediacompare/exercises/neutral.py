"""The mechanical neutral rewrite shown as an answer to "rewrite neutrally"."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from ..features.label import label  # noqa: F401 (used by the example of neutral_rewrite)
from .feedback import _box, _esc, _html_table, _paragraphs, _plural, _str
from .passages import _category_order

_QUOTE_MARKS = "\"'\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f\u00ab\u00bb\u2039\u203a"


@dataclass(eq=False)
class Rewrite:
    """A mechanical neutral rewrite (:func:`neutral_rewrite`).

    Attributes
    ----------
    original, text : str
        The passage before and after.
    changes : DataFrame
        One row per replacement, left to right: ``start``, ``end`` (the
        replaced range of ``original``: the cue, plus one space for an
        omitted word), ``new_start``, ``new_end`` (the replacement in
        ``text``), ``was``, ``now``, ``category`` and ``how``
        (``substituted``, ``omitted``, ``quotation marks dropped`` or
        ``to do``: a bracketed note where a neutral wording needs facts the
        text does not give).
    skipped : DataFrame
        Cues not replaced because they overlap a longer one that was.
    note : str
        Why this is a starting point, not good writing.
    """

    original: str
    text: str
    changes: pd.DataFrame
    skipped: pd.DataFrame
    note: str

    def __repr__(self) -> str:
        return f"<Rewrite: {_plural(len(self.changes), 'change')}, {len(self.skipped)} skipped>"

    def __str__(self) -> str:
        return "\n".join([self.text, "", self.note])

    def _repr_html_(self) -> str:
        pieces, pos = [], 0
        for row in self.changes.itertuples(index=False):
            pieces.append(_esc(self.text[pos:row.new_start]))
            now = self.text[row.new_start:row.new_end]
            tip = _esc(f"was: {row.was} ({row.category}; {row.how})", quote=True)
            pieces.append(f'<ins title="{tip}" style="background:#e6f4ea;text-decoration:none;'
                          f'border-bottom:2px solid #2e7d4f">{_esc(now) or "∅"}</ins>')
            pos = row.new_end
        pieces.append(_esc(self.text[pos:]))
        table = self.changes[["was", "now", "category", "how"]]
        return _box("A mechanical neutral rewrite",
                    '<blockquote style="margin:6px 0 6px 1em;padding-left:10px;border-left:3px solid #ddd">'
                    + "".join(pieces) + "</blockquote>" + _html_table(table)
                    + _paragraphs([self.note]), "#2e7d4f")


_SENTENCE_END = re.compile(r"(^|[.!?:\n]['\"\u2019\u201d)]*)\s*$")
_REWRITE_NOTE = (
    "Mechanical substitution is a starting point, not good writing: a word swapped for its "
    "neutral alternative can break the grammar (tense, number, articles), repeat a word, or "
    "lose a nuance the writer meant; a bracketed note marks a place where a neutral wording "
    "needs facts the text does not give (who the source is, what the figure was). Read it "
    "aloud and rewrite it as a person would.")


def _replacement(cue: dict, text: str) -> tuple[int, int, str, str]:
    """(start, end, replacement, how) for one cue of ``text``."""
    start, end = int(cue["start"]), int(cue["end"])
    # a label widened over its phrase ("corrupt western elite"): replace only the word the lexicon
    # matched (cue_start, cue_end) and keep the rest of the phrase
    cue_start, cue_end = cue.get("cue_start"), cue.get("cue_end")
    if (cue["category"] != "scare_quote" and cue_start is not None and cue_end is not None
            and cue_start == cue_start and cue_end == cue_end
            and start <= int(cue_start) < int(cue_end) <= end):
        start, end = int(cue_start), int(cue_end)
    written = text[start:end]
    alternative = _str(cue.get("neutral_alternative")).strip()
    if cue["category"] == "scare_quote":
        return start, end, written.strip(_QUOTE_MARKS), "quotation marks dropped"
    if alternative.startswith("(omit") or not alternative:
        if end < len(text) and text[end] == " ":
            end += 1
        elif start > 0 and text[start - 1] == " ":
            start -= 1
        return start, end, "", "omitted"
    if alternative.startswith("(") and alternative.endswith(")"):
        return start, end, "[" + alternative[1:-1] + "]", "to do"
    if cue["category"] == "labeling":  # a plural noun gets a plural alternative
        term = _str(cue.get("term")).lower()
        if written.lower().endswith("s") and not term.endswith("s") and not alternative.endswith("s"):
            alternative += "s"
    if _SENTENCE_END.search(text[:start]) and alternative[:1].islower():
        alternative = alternative[0].upper() + alternative[1:]
    return start, end, alternative, "substituted"


def neutral_rewrite(text: str, cues: pd.DataFrame) -> Rewrite:
    """Replace each cue of ``text`` by the lexicon's neutral alternative, mechanically.

    Parameters
    ----------
    text : str
        The passage (for an exercise, ``exercise.text``).
    cues : DataFrame
        Its labels with offsets into ``text`` (``exercise.cues``, or
        :func:`~mediacompare.label` of the text): ``start, end, text,
        category, neutral_alternative`` and ideally ``term, confidence``.

    Returns
    -------
    Rewrite
        Replacements are made right to left, so every offset stays exact;
        the text outside the replaced ranges is unchanged. Overlapping cues:
        the longest wins (then high confidence, then category order); the
        others are listed in ``skipped``. An alternative in brackets is
        advice: ``(omit)`` deletes the word and one space next to it; a
        scare quote loses its quotation marks; any other bracketed advice
        becomes a note in square brackets ("[name the source]"). A labelling
        noun in the plural gets a plural alternative; an alternative at the
        start of a sentence gets a capital. Nothing else is adjusted.

    Raises
    ------
    ValueError
        A missing column, or a cue whose ``text`` is not ``text[start:end]``.

    Examples
    --------
    >>> passage = "The terrorists attacked. The regime reportedly said so."
    >>> neutral_rewrite(passage, label(passage)).text
    'The armed groups attacked. The government [name the source] said so.'
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a string; got {type(text).__name__}")
    if not isinstance(cues, pd.DataFrame):
        raise TypeError(f"cues must be a DataFrame of labels; got {type(cues).__name__}")
    missing = [c for c in ("start", "end", "text", "category", "neutral_alternative")
               if c not in cues.columns]
    if missing:
        raise ValueError(f"cues is missing the columns {', '.join(missing)}; it has: "
                         f"{', '.join(map(str, cues.columns))}")
    rows = cues.to_dict("records")
    for k, row in enumerate(rows):
        start, end = int(row["start"]), int(row["end"])
        if not 0 <= start <= end <= len(text) or text[start:end] != row["text"]:
            raise ValueError(f"cue {k} ({row['text']!r} at {start}:{end}) is not text[start:end] "
                             f"({text[start:end]!r}): pass cues with offsets into this text")
    order = sorted(range(len(rows)), key=lambda k: (
        -(int(rows[k]["end"]) - int(rows[k]["start"])), rows[k].get("confidence") == "low",
        _category_order(rows[k]["category"]), int(rows[k]["start"])))
    kept: list[tuple[int, int, str, str, dict]] = []
    skipped = []
    for k in order:
        start, end, new, how = _replacement(rows[k], text)
        clash = next((c for c in kept if start < c[1] and c[0] < end), None)
        if clash is not None:
            skipped.append({"start": int(rows[k]["start"]), "end": int(rows[k]["end"]),
                            "text": rows[k]["text"], "category": rows[k]["category"],
                            "reason": f"overlaps {clash[4]['text']!r}, which was replaced"})
            continue
        kept.append((start, end, new, how, rows[k]))
    kept.sort(key=lambda c: c[0])
    out = text
    for start, end, new, _how, _row in reversed(kept):  # right to left: earlier offsets stay valid
        out = out[:start] + new + out[end:]
    changes, shift = [], 0
    for start, end, new, how, row in kept:
        changes.append({"start": start, "end": end, "new_start": start + shift,
                        "new_end": start + shift + len(new), "was": text[start:end], "now": new,
                        "category": row["category"], "how": how})
        shift += len(new) - (end - start)
    columns = ["start", "end", "new_start", "new_end", "was", "now", "category", "how"]
    frame = pd.DataFrame(changes, columns=columns).astype({c: "int64" for c in columns[:4]})
    skipped_frame = pd.DataFrame(skipped, columns=["start", "end", "text", "category", "reason"])
    return Rewrite(text, out, frame, skipped_frame, _REWRITE_NOTE)
