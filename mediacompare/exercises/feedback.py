"""What a self-check returns: the :class:`Feedback` dataclass, and the escaped HTML and
plain-text helpers every exercise uses to show itself."""

from __future__ import annotations

import html
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from ..display.highlight import _str

_esc = html.escape


def _plural(n: int, word: str, plural: str | None = None) -> str:
    return f"{n} {word if n == 1 else plural or word + 's'}"



def _cell(value: Any) -> str:
    if isinstance(value, float) and math.isnan(value):
        return ""
    return _esc(_str(value))


_TD = "text-align:left;padding:2px 8px;vertical-align:top"


def _html_table(frame: pd.DataFrame, *, max_rows: int = 60) -> str:
    """An escaped HTML table of a small DataFrame (at most ``max_rows`` rows, and says so)."""
    head = "".join(f'<th style="{_TD}">{_esc(str(c))}</th>'
                   for c in frame.columns)
    body = "".join("<tr>" + "".join(f'<td style="{_TD}">{_cell(v)}</td>'
                                    for v in row) + "</tr>"
                   for row in frame.head(max_rows).itertuples(index=False))
    more = (f"<p><i>Showing the first {max_rows} of {len(frame)} rows.</i></p>"
            if len(frame) > max_rows else "")
    return (f'<table style="border-collapse:collapse;margin:4px 0"><thead><tr>{head}</tr></thead>'
            f"<tbody>{body}</tbody></table>{more}")


def _box(title: str, content: str, colour: str = "#4a6fa5") -> str:
    return (f'<div class="mc-exercise" style="border:1px solid #c8c8c8;border-left:6px solid {colour};'
            f'padding:8px 14px;margin:6px 0;max-width:62em;line-height:1.45">'
            f'<p style="margin:2px 0 6px 0"><b>{_esc(title)}</b></p>{content}</div>')


def _paragraphs(lines: list[str]) -> str:
    return "".join(f'<p style="margin:4px 0">{_esc(line)}</p>' for line in lines if line)


def _numbered(frame: pd.DataFrame) -> str:
    """The ``number``/``text`` rows of a sentence table as an ordered list (escaped)."""
    items = "".join(f'<li value="{int(n)}" style="margin:2px 0">{_esc(_str(t))}</li>'
                    for n, t in zip(frame["number"], frame["text"]))
    return f'<ol style="margin:4px 0 4px 1.5em;padding-left:1em">{items}</ol>'



@dataclass(eq=False)
class Feedback:
    """What a self-check says about an answer.

    Attributes
    ----------
    exercise : str
        Which exercise, in words.
    answered : bool
        False when the answer was empty (or there was nothing to check).
    summary : str
        One or two plain sentences: the result, or what to do.
    verdicts : DataFrame
        One row per answer given: ``answer``, ``verdict`` (a short word such
        as ``right``, ``wrong``, ``unknown item``) and ``detail``; some
        exercises add columns.
    score, out_of : int or None
        The score and the most it can be (None when there is nothing to score).
    notes : tuple of str
        Hints and caveats, shown under the verdicts.
    """

    exercise: str
    answered: bool
    summary: str
    verdicts: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(
        columns=["answer", "verdict", "detail"]))
    score: int | None = None
    out_of: int | None = None
    notes: tuple[str, ...] = ()

    _SYMBOLS = {"right": "✓", "marked": "✓", "wrong": "✗", "not marked": "•", "new": "✗",
                "still there": "✗"}

    def _tables(self) -> list[tuple[str, pd.DataFrame]]:
        return []

    def _lines(self) -> list[str]:
        out = []
        for row in self.verdicts.itertuples(index=False):
            symbol = self._SYMBOLS.get(row.verdict, "?")
            out.append(f"{symbol} {row.answer}: {row.verdict}" + (f" — {row.detail}" if row.detail else ""))
        return out

    @property
    def score_text(self) -> str:
        """``"3 of 8"``, or empty when there is no score."""
        return "" if self.score is None or self.out_of is None else f"{self.score} of {self.out_of}"

    def __str__(self) -> str:
        head = f"Self-check: {self.exercise}" + (f" · score {self.score_text}" if self.score_text else "")
        parts = [head, self.summary, *self._lines()]
        for caption, table in self._tables():
            parts.append(caption + ":")
            parts.append(table.to_string(index=False) if len(table) else "(none)")
        parts.extend(f"- {n}" for n in self.notes)
        return "\n".join(p for p in parts if p)

    def __repr__(self) -> str:
        what = f"score {self.score_text}" if self.score_text else (
            "answered" if self.answered else "not answered")
        return f"<{type(self).__name__}: {self.exercise}; {what}>"

    def _repr_html_(self) -> str:
        colour = "#8a8a8a" if not self.answered else "#2e7d4f" if (
            self.score is not None and self.score == self.out_of) else "#4a6fa5"
        title = f"Self-check: {self.exercise}" + (f" · score {self.score_text}" if self.score_text else "")
        content = [_paragraphs([self.summary])]
        lines = self._lines()
        if lines:
            content.append('<ul style="margin:4px 0 4px 0;padding-left:1.4em;list-style:none">'
                           + "".join(f"<li>{_esc(line)}</li>" for line in lines) + "</ul>")
        for caption, table in self._tables():
            content.append(f'<p style="margin:6px 0 2px 0">{_esc(caption)}:</p>'
                           + (_html_table(table) if len(table) else "<p>(none)</p>"))
        if self.notes:
            content.append('<ul style="margin:6px 0;padding-left:1.4em;color:#333">'
                           + "".join(f"<li>{_esc(n)}</li>" for n in self.notes) + "</ul>")
        return _box(title, "".join(content), colour)


def _not_answered(exercise: str, what: str, example: str, extra: str = "", **fields: Any) -> dict:
    summary = (f"You have not answered yet: {what}, for example {example}, and run this cell again."
               + (f" {extra}" if extra else ""))
    return dict(exercise=exercise, answered=False, summary=summary, **fields)


def _score_answers(name: str, answers: list[tuple[str, int | None, Any]], truth: dict, n: int, *,
                   read: Callable[[Any], str | None], hint: str, unknown: tuple[str, str],
                   verb: str, noun: str) -> Feedback:
    """Right or wrong for each ``(shown, item number, answer)``, without explaining.

    Only the first answer to an item counts; a number not in ``truth`` gets the ``unknown``
    verdict and detail; an answer ``read`` cannot read is not understood (``hint`` says what
    to write). The score is the number right out of ``n``.
    """
    rows, done, right = [], set(), 0
    for shown, number, value in answers:
        if number is None or number not in truth:
            rows.append((shown, *unknown))
            continue
        if number in done:
            rows.append((shown, "answered twice", "only your first answer counts"))
            continue
        answer = read(value)
        if answer is None:
            rows.append((shown, "not understood", f"{value!r}: {hint}"))
            continue
        done.add(number)
        ok = answer == truth[number]
        right += ok
        rows.append((shown, "right" if ok else "wrong", ""))
    summary = f"Score: {right} of {n}. You {verb} {len(done)} of the {_plural(n, noun)}."
    notes = () if len(done) == n else (f"{n - len(done)} not {verb} yet.",)
    return Feedback(exercise=name, answered=True, summary=summary,
                    verdicts=pd.DataFrame(rows, columns=["answer", "verdict", "detail"]),
                    score=right, out_of=n, notes=notes)
