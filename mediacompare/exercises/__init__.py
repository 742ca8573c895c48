"""Classroom exercises with self-checks: five tasks for a 45-minute lesson.

Each exercise has a *builder* that picks its items from any corpus by a stated
rule, and a *check* that gives a student feedback on an answer:

==============================  =============================  ===========================
exercise                        builder                        check
==============================  =============================  ===========================
spot the loaded words           :func:`spot_words_exercise`    :func:`check_spotted_words`
rewrite a passage neutrally     :func:`rewrite_exercise`       :func:`check_rewrite`
whose voice is this             :func:`voice_exercise`         :func:`check_voice_answers`
what is missing                 :func:`omission_exercise`      :func:`check_omissions`
who is called what              :func:`naming_exercise`        :func:`check_naming`
==============================  =============================  ===========================

:func:`neutral_rewrite` makes the mechanical rewrite shown as an answer to the
second exercise.

How items are picked
    Nothing is keyed to the seed articles: every builder applies a rule to the
    corpus it is given, states the rule and its outcome in ``reason``, and is
    deterministic (the same corpus gives the same items; the only shuffles use
    :class:`random.Random` with a fixed ``seed``). A corpus that cannot supply
    an exercise (one article, no quotation, no label, no actor named by two
    outlets) gives an exercise whose ``reason`` says so plainly, and whose
    check says there is nothing to check; nothing raises.

What a check returns
    A :class:`Feedback` (or a subclass with fields of its own): ``answered``,
    ``score`` out of ``out_of``, one row of ``verdicts`` per answer given, a
    plain ``summary`` and ``notes``. It shows itself in a notebook
    (``_repr_html_``, every piece of text escaped with :func:`html.escape`:
    article text is untrusted) and prints readably (``str``). An empty answer
    gives a friendly "you have not answered yet" message, never an error.
    Answers are read leniently: case, surrounding punctuation, curly or
    straight apostrophes, item numbers given as strings; an unknown item
    number is reported, not fatal. An answer of the wrong type raises a
    :class:`TypeError` that says what was expected.

What feedback never does
    Give away the answer key. The spot-the-words check counts the cues not
    found yet (per sentence and per category) without naming them; the voice
    and naming checks say right or wrong without explaining; the omission
    check says how many sentences were found, not which were missed. The
    answers are the ``solution`` cells of the notebooks.
"""

from .._lazy import lazy_names

from .feedback import Feedback
from .naming import NamingExercise, check_naming, naming_exercise
from .neutral import Rewrite, neutral_rewrite
from .rewrite import (
    MIN_KEPT_SHARE,
    MIN_LENGTH_RATIO,
    RewriteExercise,
    RewriteFeedback,
    check_rewrite,
    rewrite_exercise,
)
from .spot import SpotFeedback, SpotWordsExercise, check_spotted_words, spot_words_exercise
from .voice import VoiceExercise, check_voice_answers, voice_exercise

__all__ = ["MIN_KEPT_SHARE", "MIN_LENGTH_RATIO", "Feedback", "NamingExercise", "OmissionExercise",
           "OmissionFeedback", "Rewrite", "RewriteExercise", "RewriteFeedback", "SpotFeedback",
           "SpotWordsExercise", "VoiceExercise", "check_naming", "check_omissions",
           "check_rewrite", "check_spotted_words", "check_voice_answers", "naming_exercise",
           "neutral_rewrite", "omission_exercise", "rewrite_exercise", "spot_words_exercise",
           "voice_exercise"]

#: Imported when first used (PEP 562): the omission exercise aligns sentences with scikit-learn.
_LAZY = {"OmissionExercise": "omission", "OmissionFeedback": "omission", "check_omissions": "omission",
         "omission_exercise": "omission"}


__getattr__, __dir__ = lazy_names(__name__, _LAZY, globals(), __all__)
