"""Exercise 5, who is called what: pick an actor named by several outlets, then check a
student's form-to-outlet matches."""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any

import pandas as pd

from ..features.actors import Gazetteer, load_actors, mentions, naming_table
from .answers import _item_number, _items_from, _plain
from .feedback import (
    Feedback,
    _box,
    _esc,
    _not_answered,
    _paragraphs,
    _plural,
    _score_answers,
    _str,
)
from .worksheet import Worksheet, naming_worksheet
from .passages import _positive_int, _table


@dataclass(eq=False)
class NamingExercise:
    """Name forms of one actor to match with the outlets that wrote them (:func:`naming_exercise`).

    Attributes
    ----------
    actor_id, actor : str or None
        The actor (None when no actor qualifies).
    forms : DataFrame
        ``number`` (from 1) and ``form``, in a shuffled order (fixed seed).
    outlets : list of str
        The outlets to choose from, sorted.
    shared_forms : DataFrame
        ``form`` and ``outlets``: forms several outlets use, left out of the quiz.
    answer_key : DataFrame
        ``number``, ``form``, ``outlet``: for the solution.
    naming : DataFrame
        The :func:`~mediacompare.naming_table` rows of the actor (with ``voice``).
    reason : str
    """

    actor_id: str | None
    actor: str
    forms: pd.DataFrame
    outlets: list[str]
    shared_forms: pd.DataFrame
    answer_key: pd.DataFrame
    naming: pd.DataFrame
    reason: str

    def __repr__(self) -> str:
        return f"<NamingExercise: {self.actor_id}; {_plural(len(self.forms), 'form')}>"

    def __str__(self) -> str:
        lines = [self.reason, "Outlets: " + ", ".join(self.outlets)]
        lines += [f"{n}. {f}" for n, f in zip(self.forms["number"], self.forms["form"])]
        return "\n".join(lines)

    def worksheet(self) -> Worksheet:
        """The printable handout: the task in plain words, the items, room to answer."""
        return naming_worksheet(self)

    def _repr_html_(self) -> str:
        if self.actor_id is None:
            return _box("Who is called what?", _paragraphs([self.reason]))
        forms = "".join(f'<li value="{int(n)}">{_esc(f)}</li>'
                        for n, f in zip(self.forms["number"], self.forms["form"]))
        shared = ""
        if len(self.shared_forms):
            shared = _paragraphs(["Used by more than one outlet (not in the quiz): " + "; ".join(
                self.shared_forms["form"])])
        return _box("Who is called what?",
                    _paragraphs([self.reason, "The outlets: " + ", ".join(self.outlets)])
                    + '<p style="margin:4px 0">The forms:</p>'
                    + f'<ol style="margin:4px 0 4px 1.5em">{forms}</ol>' + shared)


def naming_exercise(corpus: Any, *, actors: Gazetteer | None = None, max_forms: int = 8,
                    seed: int = 0) -> NamingExercise:
    """Pick an actor named by at least two outlets, and the forms each outlet used.

    Parameters
    ----------
    corpus : Corpus, DataFrame or str
    actors : Gazetteer, optional
        The gazetteer (:func:`~mediacompare.load_actors`; the packaged one by default).
    max_forms : int
        At most this many forms in the quiz, taken in turn from each outlet.
    seed : int
        The fixed seed of the shuffle of the forms.

    Returns
    -------
    NamingExercise
        The rule: among actors named by at least two outlets with a form that
        only one outlet uses (case and curly quotes aside), a person first,
        then the actor named by the most outlets, then with the most mentions
        (as :func:`~mediacompare.most_shared_actor`), then by id. Forms that
        several outlets use are left out and listed. No such actor: no quiz,
        and ``reason`` says why.

    Examples
    --------
    >>> arts = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["One", "Two"], "text": [
    ...     "Syrian dictator Bashar al-Assad spoke.", "Syrian President Bashar al-Assad spoke."]})
    >>> ex = naming_exercise(arts)
    >>> ex.actor, sorted(ex.answer_key["outlet"])
    ('Bashar al-Assad', ['One', 'Two'])
    """
    max_forms = _positive_int(max_forms, "max_forms")
    table = _table(corpus)
    gaz = actors or load_actors()
    empty = pd.DataFrame(columns=["number", "form"])
    no_shared = pd.DataFrame(columns=["form", "outlets"])
    key_empty = pd.DataFrame(columns=["number", "form", "outlet"])
    outlets = sorted(set(table["outlet"].map(_str)))
    if len(outlets) < 2:
        reason = (f"This corpus has articles from {_plural(len(outlets), 'outlet')} "
                  f"({', '.join(outlets) or 'none'}): matching names to outlets needs at least two.")
        return NamingExercise(None, "", empty, [], no_shared, key_empty, pd.DataFrame(), reason)
    naming = naming_table(mentions(table, actors=gaz), table)
    naming = naming[naming["actor_id"] != ""].assign(_key=lambda f: f["form"].map(_plain))
    groups = dict(zip(gaz.actors["actor_id"], gaz.actors["group"]))
    ranked = []
    for actor_id, part in naming.groupby("actor_id", sort=True):
        users = part.groupby("_key")["outlet"].agg(lambda s: sorted(set(s)))
        unique = users[users.map(len) == 1]
        n_unique_outlets = len({o[0] for o in unique})
        if part["outlet"].nunique() >= 2 and n_unique_outlets >= 2:
            ranked.append((groups.get(actor_id) != "person", -part["outlet"].nunique(),
                           -int(part["n"].sum()), actor_id))
    if not ranked:
        reason = ("No actor of the gazetteer is named by two outlets in forms of their own, so there "
                  "is nothing to match: with a corpus on another story, add its actors "
                  "(mc.load_actors(..., extend=True)).")
        return NamingExercise(None, "", empty, outlets, no_shared, key_empty, pd.DataFrame(), reason)
    actor_id = sorted(ranked)[0][3]
    part = naming[naming["actor_id"] == actor_id]
    actor = _str(part["actor"].iloc[0])
    users = part.groupby("_key")["outlet"].agg(lambda s: sorted(set(s)))
    forms_of: dict[str, list[tuple[int, str]]] = {}
    for key, group in part.groupby("_key", sort=True):
        if len(users[key]) == 1:
            total = int(group["n"].sum())
            written = group.sort_values(["n", "form"], ascending=[False, True])["form"].iloc[0]
            forms_of.setdefault(users[key][0], []).append((-total, written))
    picked: list[tuple[str, str]] = []
    queues = {o: sorted(v) for o, v in sorted(forms_of.items())}
    while len(picked) < max_forms and any(queues.values()):
        for outlet, queue in queues.items():
            if queue and len(picked) < max_forms:
                picked.append((queue.pop(0)[1], outlet))
    picked.sort()
    random.Random(seed).shuffle(picked)
    forms = pd.DataFrame({"number": range(1, len(picked) + 1), "form": [f for f, _ in picked]})
    key_frame = forms.assign(outlet=[o for _, o in picked])
    quiz_outlets = sorted({o for _, o in picked})
    shared_keys = [k for k in users.index if len(users[k]) > 1]
    shared = pd.DataFrame({
        "form": [part[part["_key"] == k]["form"].iloc[0] for k in shared_keys],
        "outlets": [", ".join(users[k]) for k in shared_keys]}, columns=["form", "outlets"])
    n_outlets = part["outlet"].nunique()
    reason = (f"{actor} is named by {n_outlets} outlets. Picked by rule: of the actors named by at "
              "least two outlets in forms of their own, a person first, then the one named by the "
              f"most outlets. Match each form to the outlet that wrote it ({_plural(len(picked), 'form')}, "
              f"{_plural(len(quiz_outlets), 'outlet')}).")
    shown = part.drop(columns="_key")[["outlet", "form", "form_kind", "voice", "n", "article_ids"]]
    return NamingExercise(actor_id, actor, forms.astype({"number": "int64"}), quiz_outlets, shared,
                          key_frame.astype({"number": "int64"}), shown.reset_index(drop=True), reason)


def _outlet_answer(value: Any, outlets: list[str]) -> str | None:
    if not isinstance(value, str):
        return None
    answer = _plain(value)
    if not answer:
        return None
    exact = [o for o in outlets if _plain(o) == answer]
    if exact:
        return exact[0]
    partial = [o for o in outlets if len(answer) >= 3 and (answer in _plain(o) or _plain(o) in answer)]
    return partial[0] if len(partial) == 1 else None


def check_naming(corpus: Any, exercise: NamingExercise, my_matches: Any) -> Feedback:
    """Say which of a student's form-to-outlet matches are right, without explaining.

    Parameters
    ----------
    corpus : Corpus, DataFrame or str
        The corpus the exercise was built from.
    exercise : NamingExercise
    my_matches : dict
        Form (as written, or its number) to outlet: ``{"the ruthless leader":
        "Breitbart News"}``. Case, curly quotes and surrounding punctuation do
        not matter; an outlet may be given by a unique part of its name.

    Returns
    -------
    Feedback
        One verdict per match (``right``, ``wrong``, ``unknown form``, ``not
        understood``, ``answered twice``); the score is the number right out
        of all forms.

    Examples
    --------
    >>> arts = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["One", "Two"], "text": [
    ...     "Syrian dictator Bashar al-Assad spoke.", "Syrian President Bashar al-Assad spoke."]})
    >>> ex = naming_exercise(arts)
    >>> check_naming(arts, ex, {"syrian dictator bashar al-assad": "one"}).verdicts["verdict"].tolist()
    ['right']
    """
    if not isinstance(exercise, NamingExercise):
        raise TypeError(f"exercise must be the result of mc.naming_exercise(); got {type(exercise).__name__}")
    pairs = _items_from(my_matches, "my_matches", '{"the form": "the outlet"}')
    name = "who is called what"
    n = len(exercise.forms)
    if exercise.actor_id is None or not n:
        return Feedback(exercise=name, answered=False, summary=exercise.reason)
    _table(corpus)
    if not pairs:
        return Feedback(**_not_answered(name, "match each form to an outlet in my_matches",
                                        '{"the form as written": "the outlet", 3: "an outlet"}'),
                        out_of=n)
    by_key = {_plain(f): int(k) for k, f in zip(exercise.answer_key["number"], exercise.answer_key["form"])}
    truth = dict(zip(exercise.answer_key["number"].astype(int), exercise.answer_key["outlet"]))
    forms = dict(zip(exercise.answer_key["number"].astype(int), exercise.answer_key["form"]))
    answers = []
    for raw, value in pairs:
        number = _item_number(raw)
        if number is None and isinstance(raw, str):
            number = by_key.get(_plain(raw))
        answers.append((forms.get(number, str(raw)), number, value))
    return _score_answers(name, answers, truth, n,
                          read=lambda value: _outlet_answer(value, exercise.outlets),
                          hint=f"write one of {', '.join(exercise.outlets)}",
                          unknown=("unknown form", "copy a form from the list, or give its number"),
                          verb="matched", noun="form")
