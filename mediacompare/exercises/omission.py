"""Exercise 4, what is missing: pick two articles to compare, then check the sentences a
student says one leaves out against the alignment."""

from __future__ import annotations

import math
import numbers
import re
from dataclasses import dataclass
from typing import Any

import pandas as pd

from ..measures.align import align
from ..measures.event_pairs import best_pair
from ..measures.vocabulary import similarity
from ..text import sentences
from .answers import _item_number
from .feedback import Feedback, _box, _esc, _not_answered, _numbered, _paragraphs, _plural, _str
from .worksheet import Worksheet, omission_worksheet
from .passages import _article, _sentence_table, _table

_STATUS_WORDS = {"shared": "B has it in nearly the same words",
                 "reworded": "B tells it in other words"}


@dataclass(eq=False)
class OmissionExercise:
    """Two articles to compare sentence by sentence (:func:`omission_exercise`).

    Attributes
    ----------
    article_a, article_b : str or None
        The pair (None when the corpus has fewer than two articles).
    outlet_a, outlet_b : str
    same_event : bool
        True when the pair reports one event (given in the corpus, or found by
        :func:`~mediacompare.find_events`); False for the fallback pair.
    sentences_a, sentences_b : DataFrame
        ``number`` (from 1), ``sentence_id``, ``start``, ``end``, ``text``.
    alignment : DataFrame or None
        :func:`~mediacompare.align` of the pair: the answer key.
    reason : str
        How the pair was picked, saying plainly when it is NOT the same event.
    event_id : str or None
        The event of the pair (None for the fallback pair).
    articles : DataFrame or None
        The two articles, with ``event_id`` set to that event when the corpus
        did not give it (what :meth:`side_by_side` shows).
    """

    article_a: str | None
    article_b: str | None
    outlet_a: str
    outlet_b: str
    same_event: bool
    sentences_a: pd.DataFrame
    sentences_b: pd.DataFrame
    alignment: pd.DataFrame | None
    reason: str
    event_id: str | None = None
    articles: pd.DataFrame | None = None

    @property
    def answer_key(self) -> pd.DataFrame:
        """One row per sentence of A: ``number`` (from 1, as the student sees it), ``status``
        (``only_in_a``, ``reworded`` or ``shared``), ``counterpart`` (the number of B's matched
        sentence), ``cosine`` and ``text``. :func:`~mediacompare.side_by_side` counts from 0 (A0)."""
        columns = ["number", "status", "counterpart", "cosine", "text"]
        if self.alignment is None:
            return pd.DataFrame(columns=columns)
        rows = self.alignment[self.alignment["sentence_a"].notna()].sort_values("sentence_a")
        rows = rows.reset_index(drop=True)
        return pd.DataFrame({"number": rows["sentence_a"].astype("int64") + 1, "status": rows["status"],
                             "counterpart": rows["sentence_b"].astype("Int64") + 1,
                             "cosine": rows["cosine"].round(2), "text": rows["text_a"]}, columns=columns)

    def __repr__(self) -> str:
        return f"<OmissionExercise: {self.article_a} vs {self.article_b}; same event: {self.same_event}>"

    def __str__(self) -> str:
        if self.alignment is None:
            return self.reason
        lines = [self.reason, f"A: article {self.article_a} ({self.outlet_a})"]
        lines += [f"  {n}. {t}" for n, t in zip(self.sentences_a["number"], self.sentences_a["text"])]
        lines.append(f"B: article {self.article_b} ({self.outlet_b})")
        lines += [f"  {n}. {t}" for n, t in zip(self.sentences_b["number"], self.sentences_b["text"])]
        return "\n".join(lines)

    def side_by_side(self, max_rows: int = 400):
        """The two articles side by side (:func:`~mediacompare.side_by_side`): the answer, with
        the event named even when it was found rather than given; None without a pair."""
        if self.alignment is None or self.articles is None:
            return None
        from ..display.compare import side_by_side

        return side_by_side(self.articles, self.alignment, article_a=self.article_a,
                            article_b=self.article_b, max_rows=max_rows)

    def worksheet(self) -> Worksheet:
        """The printable handout: the task in plain words, the items, room to answer."""
        return omission_worksheet(self)

    def _repr_html_(self) -> str:
        if self.alignment is None:
            return _box("What is missing?", _paragraphs([self.reason]))
        colour = "#4a6fa5" if self.same_event else "#b35900"
        return _box("What is missing?",
                    _paragraphs([self.reason])
                    + f"<p><b>A · {_esc(self.outlet_a)} ({_esc(self.article_a)})</b></p>"
                    + _numbered(self.sentences_a)
                    + f"<p><b>B · {_esc(self.outlet_b)} ({_esc(self.article_b)})</b></p>"
                    + _numbered(self.sentences_b), colour)


def omission_exercise(corpus: Any) -> OmissionExercise:
    """Pick the pair for "what is missing": two reports of one event, else the two most similar.

    Parameters
    ----------
    corpus : Corpus, DataFrame or str
        The articles. The pair is :func:`~mediacompare.best_pair`'s: two
        articles of one event (given in the corpus where its event ids pair two
        articles, else found by :func:`~mediacompare.find_events` from their
        words and dates), from different outlets, not near copies, sharing the
        most content; ``reason`` says which event and why these two.

    Returns
    -------
    OmissionExercise
        When no two articles report one event, the two with the highest TF-IDF
        cosine (:func:`~mediacompare.similarity`, English stop words left
        out; ties: the earliest), with a ``reason`` that says plainly they do
        NOT report the same event. With fewer than two articles, no pair and
        a ``reason`` saying so.

    Examples
    --------
    >>> arts = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["A", "B"],
    ...                      "text": ["Troops left Syria. It rained.", "Troops left Syria."]})
    >>> ex = omission_exercise(arts)
    >>> ex.same_event, ex.event_id, ex.sentences_a["text"].tolist()
    (True, 'undated-syria-left', ['Troops left Syria.', 'It rained.'])
    >>> other = arts.assign(text=["Troops left Syria. It rained.", "The harbour froze overnight."])
    >>> omission_exercise(other).same_event
    False
    """
    table = _table(corpus)
    table = table[table["text"].map(lambda t: bool(sentences(_str(t))))].reset_index(drop=True)
    empty = _sentence_table("")
    if len(table) < 2:
        reason = (f"This corpus has {_plural(len(table), 'article')} with text: there is nothing to "
                  "compare, so this exercise needs a corpus with at least two articles.")
        return OmissionExercise(None, None, "", "", False, empty, empty, None, reason)
    ids = table["article_id"].tolist()
    records = {r["article_id"]: r for r in table.to_dict("records")}
    choice = best_pair(table)
    event_id = None
    if choice:
        a, b = choice.article_ids
        event_id = choice.event_id
        reason = (choice.reason + " What one tells and the other does not is a choice worth "
                  "discussing.")
        same_event = True
    else:
        sims = similarity(table, stop_words="english")
        position = {aid: k for k, aid in enumerate(ids)}
        sims = sims[sims["article_a"].map(position) < sims["article_b"].map(position)].copy()
        sims["cosine"] = sims["cosine"].fillna(-1.0)
        sims["_a"], sims["_b"] = sims["article_a"].map(position), sims["article_b"].map(position)
        best = sims.sort_values(["cosine", "_a", "_b"], ascending=[False, True, True]).iloc[0]
        a, b = str(best["article_a"]), str(best["article_b"])
        reason = (f"No two articles in this corpus report the same event, as far as its event "
                  f"records and mediacompare's grouping by words and dates can tell. "
                  f"Articles {a} ({_str(records[a]['outlet'])}) and {b} ({_str(records[b]['outlet'])}) "
                  f"are the two most alike in their words (cosine {max(best['cosine'], 0):.2f}), but "
                  "they are NOT the same event: a sentence only in one may be about other news, "
                  "not something the other left out.")
        same_event = False
    alignment = align(table, [a, b])
    pair = table[table["article_id"].isin([a, b])].copy()
    if event_id is not None:
        pair["event_id"] = event_id
    return OmissionExercise(a, b, _str(records[a]["outlet"]), _str(records[b]["outlet"]), same_event,
                            _sentence_table(_str(records[a]["text"])),
                            _sentence_table(_str(records[b]["text"])), alignment, reason,
                            event_id, pair)


@dataclass(eq=False, repr=False)
class OmissionFeedback(Feedback):
    """Feedback of :func:`check_omissions`.

    Attributes
    ----------
    n_right : int
        The student's sentences that the alignment also finds only in A.
    n_listed : int
        The student's valid sentence numbers.
    n_only_in_a : int
        All the sentences the alignment finds only in A.
    precision, recall : float
        ``n_right / n_listed`` and ``n_right / n_only_in_a`` (NaN when 0/0).
    """

    n_right: int = 0
    n_listed: int = 0
    n_only_in_a: int = 0
    precision: float = math.nan
    recall: float = math.nan


def _numbers(value: Any, name: str, example: str) -> list[Any]:
    if value is None:
        return []
    if isinstance(value, bool):
        raise TypeError(f"{name} must be a list of sentence numbers such as {example}; got a bool")
    if isinstance(value, (numbers.Integral, float)):
        return [value]
    if isinstance(value, str):
        return [p for p in re.split(r"[,;\s]+", value) if p]
    if isinstance(value, (list, tuple, set, frozenset, pd.Series)):
        items = list(value)
        return sorted(items, key=str) if isinstance(value, (set, frozenset)) else items
    raise TypeError(f"{name} must be a list of sentence numbers such as {example}; got "
                    f"{type(value).__name__}")


def check_omissions(corpus: Any, exercise: OmissionExercise, my_only_in_a: Any) -> OmissionFeedback:
    """Compare the sentences of A a student says B leaves out with the alignment's.

    Parameters
    ----------
    corpus : Corpus, DataFrame or str
        The corpus the exercise was built from.
    exercise : OmissionExercise
    my_only_in_a : list of int
        Numbers (from 1) of A's sentences with no counterpart in B; strings
        such as ``"3"`` are read.

    Returns
    -------
    OmissionFeedback
        Per sentence listed, whether the alignment agrees; how many of the
        student's sentences are right and how many of the alignment's the
        student found, said in words (precision and recall), never which
        ones were missed.

    Examples
    --------
    >>> arts = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["A", "B"],
    ...                      "text": ["Troops left Syria. It rained.", "Troops left Syria."]})
    >>> ex = omission_exercise(arts)
    >>> feedback = check_omissions(arts, ex, ["2"])
    >>> feedback.score_text, feedback.precision, feedback.recall
    ('1 of 1', 1.0, 1.0)
    """
    if not isinstance(exercise, OmissionExercise):
        raise TypeError(f"exercise must be the result of mc.omission_exercise(); got "
                        f"{type(exercise).__name__}")
    given = _numbers(my_only_in_a, "my_only_in_a", "[2, 5]")
    name = "what is missing"
    if exercise.alignment is None:
        return OmissionFeedback(exercise=name, answered=False, summary=exercise.reason)
    table = _table(corpus)
    for aid in (exercise.article_a, exercise.article_b):
        _article(table, aid)
    rows_a = exercise.alignment[exercise.alignment["sentence_a"].notna()]
    status = {int(i) + 1: s for i, s in zip(rows_a["sentence_a"], rows_a["status"])}
    key = {k for k, s in status.items() if s == "only_in_a"}
    n_a = len(exercise.sentences_a)
    if not given:
        return OmissionFeedback(**_not_answered(
            name, "list the numbers of A's sentences that B does not tell in my_only_in_a", "[2, 5]",
            f"A has {_plural(n_a, 'sentence')}."), n_only_in_a=len(key))
    rows, listed, right = [], [], 0
    for raw in given:
        number = _item_number(raw)
        shown = f"sentence {raw}"
        if number is None:
            rows.append((shown, "not understood", "write sentence numbers, such as 3"))
        elif not 1 <= number <= n_a:
            rows.append((shown, "unknown item", f"A's sentences are numbered 1 to {n_a}"))
        elif number in listed:
            rows.append((shown, "repeated", "you listed it already"))
        else:
            listed.append(number)
            if number in key:
                right += 1
                rows.append((shown, "right", "the alignment finds no counterpart in B either"))
            else:
                rows.append((shown, "wrong", "the alignment finds a counterpart: "
                             + _STATUS_WORDS.get(status.get(number, ""), "B has it")))
    precision = right / len(listed) if listed else math.nan
    recall = right / len(key) if key else math.nan
    summary = (f"The alignment agrees with {right} of the {_plural(len(listed), 'sentence')} you "
               f"listed: it finds no counterpart in B for {'it' if right == 1 else 'them'}. It finds "
               f"{_plural(len(key), 'such sentence')} in all; you found {right} of them.")
    notes = []
    if listed:
        notes.append(f"When you said 'B leaves this out', you were right {_plural(right, 'time')} out of "
                     f"{len(listed)} (precision {precision:.0%}).")
    if key:
        notes.append(f"Of everything the alignment finds only in A, you found {right} of {len(key)} "
                     f"(recall {recall:.0%}).")
    notes.append("The alignment sees shared words, not meaning: if B tells a fact in quite other "
                 "words, the tool can miss it. If you disagree with it, you may be right: discuss.")
    if not exercise.same_event:
        notes.append("These two articles are NOT about the same event: a sentence only in A may be "
                     "about other news, not something B left out.")
    return OmissionFeedback(exercise=name, answered=True, summary=summary,
                            verdicts=pd.DataFrame(rows, columns=["answer", "verdict", "detail"]),
                            score=right, out_of=len(key), notes=tuple(notes), n_right=right,
                            n_listed=len(listed), n_only_in_a=len(key), precision=precision,
                            recall=recall)
