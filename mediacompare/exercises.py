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

from __future__ import annotations

import bisect
import html
import math
import numbers
import random
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import pandas as pd
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from .corpus.metadata import same_event_articles
from .corpus.model import Corpus
from .features.actors import Gazetteer, load_actors, mentions, naming_table
from .features.label import SPAN_COLUMNS, articles_of, label
from .features.lexicon import CATEGORIES, Lexicon
from .features.sources import voice_table
from .features.voice import voices
from .measures.align import align
from .measures.vocabulary import similarity
from .text import sentences, tokenize

__all__ = ["MIN_KEPT_SHARE", "MIN_LENGTH_RATIO", "Feedback", "NamingExercise", "OmissionExercise",
           "OmissionFeedback", "Rewrite", "RewriteExercise", "RewriteFeedback", "SpotFeedback",
           "SpotWordsExercise", "VoiceExercise", "check_naming", "check_omissions",
           "check_rewrite", "check_spotted_words", "check_voice_answers", "naming_exercise",
           "neutral_rewrite", "omission_exercise", "rewrite_exercise", "spot_words_exercise",
           "voice_exercise"]

#: A rewrite shorter than this share of the passage's words does not count.
MIN_LENGTH_RATIO = 0.5
#: A rewrite that keeps less than this share of the passage's content words does not count.
MIN_KEPT_SHARE = 0.5

_esc = html.escape
_WORD_KINDS = ("word", "number", "abbreviation")
_QUOTE_MARKS = "\"'\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f\u00ab\u00bb\u2039\u203a"
_VOICE_WORDS = {
    "outlet": ("outlet", "the outlet", "outlets", "own", "own voice", "outlet voice", "outlet's",
               "outlets voice", "outlet's voice", "outlet's own voice", "journalist", "writer",
               "author", "reporter", "newspaper", "o"),
    "quoted": ("quoted", "quote", "quotes", "quotation", "quoted voice", "quoted speech",
               "speaker", "source", "someone else", "q"),
}
_VOICE_OF = {w: voice for voice, words in _VOICE_WORDS.items() for w in words}
_STATUS_WORDS = {"shared": "B has it in nearly the same words",
                 "reworded": "B tells it in other words"}


# ---------------------------------------------------------------- small helpers

def _str(value: Any) -> str:
    if value is None:
        return ""
    try:
        if pd.isna(value):
            return ""
    except (TypeError, ValueError):
        pass
    return str(value)


def _words(text: str) -> tuple[str, ...]:
    """The lowercase norms of the words of ``text``: how answers are compared.

    >>> _words("“Brutal,” he said: don’t!")
    ('brutal', 'he', 'said', "don't")
    """
    return tuple(t.norm for t in tokenize(text) if t.kind in _WORD_KINDS)


def _contains(seq: tuple[str, ...], part: tuple[str, ...]) -> bool:
    """True when ``part`` is a run of consecutive items of ``seq``."""
    n = len(part)
    return n > 0 and any(seq[i:i + n] == part for i in range(len(seq) - n + 1))


def _plural(n: int, word: str, plural: str | None = None) -> str:
    return f"{n} {word if n == 1 else plural or word + 's'}"


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


def _item_number(key: Any) -> int | None:
    """An item number from ``3``, ``"3"``, ``" #3 "`` or ``3.0``; None otherwise."""
    if isinstance(key, bool):
        return None
    if isinstance(key, numbers.Integral):
        return int(key)
    if isinstance(key, float) and key.is_integer():
        return int(key)
    if isinstance(key, str):
        match = re.fullmatch(r"\s*(?:item|no\.?|number|sentence)?\s*#?\s*(\d+)\s*[.)]?\s*", key, re.I)
        return int(match.group(1)) if match else None
    return None


def _plain(text: str) -> str:
    """Lowercase, straight quotes, punctuation and extra spaces gone: for free-text answers."""
    return " ".join(_words(text))


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


def _sentence_table(text: str, first: int = 0, last: int | None = None, offset: int = 0) -> pd.DataFrame:
    """Sentences ``first..last`` of ``text``, numbered from 1, offsets minus ``offset``."""
    sents = sentences(text)
    last = len(sents) - 1 if last is None else last
    rows = [{"number": k + 1, "sentence_id": i, "start": sents[i].start - offset,
             "end": sents[i].end - offset, "text": sents[i].text}
            for k, i in enumerate(range(first, last + 1))]
    return pd.DataFrame(rows, columns=["number", "sentence_id", "start", "end", "text"]).astype(
        {"number": "int64", "sentence_id": "int64", "start": "int64", "end": "int64"})


def _category_order(category: str) -> int:
    return CATEGORIES.index(category) if category in CATEGORIES else len(CATEGORIES)


def _counts(frame: pd.DataFrame) -> Counter:
    return Counter(frame["category"]) if len(frame) else Counter()


# ---------------------------------------------------------------- feedback

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


def _as_list(value: Any, name: str, example: str) -> list:
    """A list of answers from a list, tuple, set or (comma-separated) string; None is empty."""
    if value is None:
        return []
    if isinstance(value, str):
        return [p for p in re.split(r"[,;\n]+", value) if p.strip()]
    if isinstance(value, (list, tuple, set, frozenset, pd.Series)):
        items = list(value)
        return sorted(items, key=str) if isinstance(value, (set, frozenset)) else items
    raise TypeError(f"{name} must be a list such as {example}; got {type(value).__name__}")


# ---------------------------------------------------------------- 1. spot the loaded words

@dataclass(eq=False)
class SpotWordsExercise:
    """A passage to read before the labels are revealed (:func:`spot_words_exercise`).

    Attributes
    ----------
    article_id, outlet, title : str
        The article the passage comes from (``article_id`` is None when the
        corpus has no article).
    start, end : int
        The passage's offsets in the article's clean text: ``text`` is
        ``article_text[start:end]``.
    text : str
        The passage.
    sentences : DataFrame
        ``number`` (from 1, as the student sees them), ``sentence_id`` (in the
        article), ``start``, ``end`` (offsets into ``text``) and ``text``.
    cues : DataFrame
        The labels of the passage: the columns of :func:`~mediacompare.label`
        with ``start``/``end`` into ``text``, plus ``article_start`` and
        ``article_end`` (into the article) and ``sentence`` (the number).
    reason : str
        The rule that picked the passage, and its outcome.
    """

    article_id: str | None
    outlet: str
    title: str
    start: int
    end: int
    text: str
    sentences: pd.DataFrame
    cues: pd.DataFrame
    reason: str

    @property
    def articles(self) -> pd.DataFrame:
        """The passage as a one-row articles table, for :func:`~mediacompare.highlight` with ``cues``."""
        return pd.DataFrame({"article_id": [self.article_id or "none"], "outlet": [self.outlet],
                             "title": [self.title], "text": [self.text]})

    def __repr__(self) -> str:
        return (f"<SpotWordsExercise: article {self.article_id}, "
                f"{_plural(len(self.sentences), 'sentence')}, {_plural(len(self.cues), 'cue')}>")

    def __str__(self) -> str:
        lines = [f"Article {self.article_id} · {self.outlet}" + (f" · {self.title}" if self.title else ""),
                 self.reason]
        lines += [f"{n}. {t}" for n, t in zip(self.sentences["number"], self.sentences["text"])]
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        if self.article_id is None:
            return _box("Spot the loaded words", _paragraphs([self.reason]))
        head = f"Article {self.article_id} · {self.outlet}" + (f" · “{self.title}”" if self.title else "")
        return _box("Spot the loaded words: the passage",
                    _paragraphs([head]) + _numbered(self.sentences)
                    + f'<p style="margin:4px 0;color:#555;font-size:90%">{_esc(self.reason)}</p>')


def _windows(n: int, size: int) -> range:
    return range(max(n - size + 1, 1))


def spot_words_exercise(corpus: Any, *, lexicon: Lexicon | None = None,
                        spans: pd.DataFrame | None = None, max_sentences: int = 5) -> SpotWordsExercise:
    """Pick the passage for "spot the loaded words".

    Parameters
    ----------
    corpus : Corpus, DataFrame or str
        Any corpus (its ``articles``), an articles table or one text.
    lexicon : Lexicon, optional
        The lexicon that labels the passage (the packaged one by default).
    spans : DataFrame, optional
        Labels already made with :func:`~mediacompare.label` (saves labelling again).
    max_sentences : int
        The longest passage, in sentences.

    Returns
    -------
    SpotWordsExercise
        The rule: of every run of up to ``max_sentences`` consecutive
        sentences of one article, the run with the most labels in the
        outlet's own voice (ties: the most labels in all, then the earliest
        in the corpus). A corpus with no label at all gives its first run,
        and ``reason`` says the lexicon marks nothing; an empty corpus gives
        an exercise with no passage.

    Examples
    --------
    >>> ex = spot_words_exercise("It rained. The brutal regime fell. People cheered.", max_sentences=1)
    >>> ex.text, ex.cues["text"].tolist()
    ('The brutal regime fell.', ['brutal', 'regime'])
    """
    max_sentences = _positive_int(max_sentences, "max_sentences")
    table = _table(corpus)
    labels = _labels(table, spans, lexicon)
    best = None  # (own, total), article row, first, last
    per_article = _by_article(labels)
    for art in table.to_dict("records"):
        text = _str(art["text"])
        sents = sentences(text)
        if not sents:
            continue
        starts = [s.start for s in sents]
        own = [0] * len(sents)
        total = [0] * len(sents)
        for row in per_article.get(art["article_id"], labels.iloc[:0]).itertuples(index=False):
            k = max(bisect.bisect_right(starts, int(row.start)) - 1, 0)
            total[k] += 1
            own[k] += 0 if bool(row.in_quote) else 1
        size = min(max_sentences, len(sents))
        for i in _windows(len(sents), size):
            key = (sum(own[i:i + size]), sum(total[i:i + size]))
            if best is None or key > best[0]:
                best = (key, art, i, i + size - 1)
    if best is None:
        return SpotWordsExercise(None, "", "", 0, 0, "", _sentence_table(""),
                                 _passage_cues(labels.iloc[0:0], 0, 0, _sentence_table("")),
                                 "The corpus has no article with text, so there is no passage to read.")
    (n_own, n_total), art, first, last = best
    text = _str(art["text"])
    sents = sentences(text)
    start, end = sents[first].start, sents[last].end
    table_s = _sentence_table(text, first, last, offset=start)
    cues = _passage_cues(per_article.get(art["article_id"], labels.iloc[:0]), start, end, table_s)
    where = (f"sentences {first + 1}–{last + 1}" if last > first else f"sentence {first + 1}")
    where += f" of article {art['article_id']} ({_str(art['outlet'])})"
    if n_total == 0:
        reason = (f"The lexicon marks no word anywhere in this corpus, so this passage ({where}) "
                  "has no answer key: list the words you find loaded and discuss them.")
    else:
        reason = (f"Picked by rule: of all runs of up to {max_sentences} consecutive sentences in the "
                  f"corpus, {where} hold the most labels in the outlet's own voice. The lexicon "
                  f"marks {_plural(len(cues), 'word or phrase', 'words or phrases')} here: how many "
                  "can you find?")
    return SpotWordsExercise(art["article_id"], _str(art["outlet"]), _str(art.get("title")),
                             start, end, text[start:end], table_s, cues, reason)


def _passage_cues(spans: pd.DataFrame, start: int, end: int, sents: pd.DataFrame) -> pd.DataFrame:
    columns = [c for c in SPAN_COLUMNS if c in spans.columns] + [
        c for c in spans.columns if c not in SPAN_COLUMNS]
    part = spans[(spans["start"] >= start) & (spans["end"] <= end)][columns].copy()
    part["article_start"] = part["start"].astype("int64")
    part["article_end"] = part["end"].astype("int64")
    part["start"] = part["article_start"] - start
    part["end"] = part["article_end"] - start
    starts = sents["start"].tolist()
    numbers_ = sents["number"].tolist()
    part["sentence"] = [numbers_[max(bisect.bisect_right(starts, s) - 1, 0)] if starts else 0
                        for s in part["start"]]
    return part.reset_index(drop=True).astype({"sentence": "int64"})


@dataclass(eq=False, repr=False)
class SpotFeedback(Feedback):
    """Feedback of :func:`check_spotted_words`.

    Attributes
    ----------
    n_found, n_cues : int
        Cues of the passage the student's words found, and all its cues.
    n_missed : int
        Cues not found yet (never named).
    missed_by_sentence, missed_by_category : dict
        Hints: how many cues are not found yet per sentence number and per category.
    """

    n_found: int = 0
    n_cues: int = 0
    n_missed: int = 0
    missed_by_sentence: dict = field(default_factory=dict)
    missed_by_category: dict = field(default_factory=dict)


def _cue_keys(cues: pd.DataFrame) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    """For each cue, the words of its text and of its lexicon term."""
    terms = cues["term"] if "term" in cues.columns else cues["text"]
    return [(_words(_str(text)), _words(_str(term))) for text, term in zip(cues["text"], terms)]


def _finds(answer: tuple[str, ...], key: tuple[tuple[str, ...], tuple[str, ...]]) -> bool:
    """Does an answer's words find a cue? Either contains the other (a part needs a content word)."""
    content = any(w not in ENGLISH_STOP_WORDS for w in answer)
    for cue in key:
        if cue and (_contains(answer, cue) or (content and _contains(cue, answer))):
            return True
    return False


def _by(cues: pd.DataFrame, column: str) -> dict:
    """How many cues per sentence number or per category (in the order of :data:`CATEGORIES`)."""
    counts = Counter(cues[column].tolist()) if len(cues) else Counter()
    key = _category_order if column == "category" else (lambda k: k)
    return {k: counts[k] for k in sorted(counts, key=key)}


def check_spotted_words(corpus: Any, exercise: SpotWordsExercise, my_words: Any, *,
                        lexicon: Lexicon | None = None) -> SpotFeedback:
    """Check the words a student thinks are loaded against the lexicon's labels.

    Parameters
    ----------
    corpus : Corpus, DataFrame or str
        The corpus the exercise was built from.
    exercise : SpotWordsExercise
        From :func:`spot_words_exercise`.
    my_words : list of str
        The student's words or phrases (a comma-separated string is read too).
    lexicon : Lexicon, optional
        Label the passage again with this lexicon (default: the exercise's labels).

    Returns
    -------
    SpotFeedback
        Which of the student's words the lexicon marks too (with the
        category), which it does not (not necessarily wrong: to discuss),
        which are not in the passage, and how many cues are not found yet,
        with counts per sentence and per category as hints, never the words.

    Examples
    --------
    >>> ex = spot_words_exercise("The brutal regime fell. People cheered.")
    >>> feedback = check_spotted_words("The brutal regime fell. People cheered.", ex, ["Brutal", "fell"])
    >>> feedback.verdicts[["answer", "verdict"]].values.tolist()
    [['Brutal', 'marked'], ['fell', 'not marked']]
    >>> feedback.n_missed, feedback.missed_by_category
    (1, {'labeling': 1})
    """
    if not isinstance(exercise, SpotWordsExercise):
        raise TypeError("exercise must be the result of mc.spot_words_exercise(); got "
                        f"{type(exercise).__name__}")
    answers = _as_list(my_words, "my_words", '["first word", "a short phrase"]')
    for item in answers:
        if not isinstance(item, str):
            raise TypeError("my_words must hold words or phrases as strings in quotation marks, such "
                            f"as \"word\"; got {item!r} ({type(item).__name__})")
    name = "spot the loaded words"
    if exercise.article_id is None:
        return SpotFeedback(exercise=name, answered=False, summary=exercise.reason)
    table = _table(corpus)
    art = _article(table, exercise.article_id)
    if _str(art["text"])[exercise.start:exercise.end] != exercise.text:
        raise ValueError("the exercise's passage is not in this corpus's article "
                         f"{exercise.article_id}; build the exercise from the same corpus")
    cues = exercise.cues
    if lexicon is not None:
        cues = _passage_cues(label(table[table["article_id"] == exercise.article_id], lexicon=lexicon),
                             exercise.start, exercise.end, exercise.sentences)
    n_cues = len(cues)
    answers = [a for a in answers if a.strip()]
    if not answers:
        extra = (f"The lexicon marks {_plural(n_cues, 'word or phrase', 'words or phrases')} in this passage."
                 if n_cues else "The lexicon marks no word in this passage: any word you list is "
                 "for discussion.")
        return SpotFeedback(**_not_answered(name, "write the words you think are loaded in my_words",
                                            '["first word", "a short phrase"]', extra),
                            n_cues=n_cues, n_missed=n_cues, missed_by_sentence=_by(cues, "sentence"),
                            missed_by_category=_by(cues, "category"))
    keys = _cue_keys(cues)
    passage = _words(exercise.text)
    found: set[int] = set()
    seen: set[tuple[str, ...]] = set()
    rows = []
    for answer in answers:
        words = _words(answer)
        shown = answer.strip()
        if not words:
            rows.append((shown, "not a word", "write a word or phrase from the passage", ""))
            continue
        if words in seen:
            rows.append((shown, "repeated", "you listed it already", ""))
            continue
        seen.add(words)
        hits = [k for k, key in enumerate(keys) if _finds(words, key)]
        if hits:
            found.update(hits)
            hit_rows = cues.iloc[hits]
            categories = sorted(set(hit_rows["category"]), key=_category_order)
            low = "confidence" in hit_rows and (hit_rows["confidence"] == "low").all()
            detail = "the lexicon marks it too: " + ", ".join(categories) + (
                "; in its low-confidence tier (loaded only in some uses)" if low else "")
            rows.append((shown, "marked", detail, ", ".join(categories)))
        elif _contains(passage, words):
            rows.append((shown, "not marked", "the lexicon does not mark it; not necessarily wrong: "
                         "be ready to say why you find it loaded", ""))
        else:
            rows.append((shown, "not in the passage", "check the spelling, or copy it from the passage", ""))
    missed = cues.drop(index=cues.index[sorted(found)]) if n_cues else cues
    by_sentence, by_category = _by(missed, "sentence"), _by(missed, "category")
    n_marked = sum(1 for r in rows if r[1] == "marked")
    n_given = sum(1 for r in rows if r[1] != "repeated")
    if n_cues:
        summary = (f"The lexicon marks {n_marked} of your {_plural(n_given, 'word')} too. You have found "
                   f"{len(found)} of the {_plural(n_cues, 'cue')} it marks in this passage"
                   + (f"; {len(missed)} not found yet." if len(missed) else ": all of them."))
    else:
        summary = ("The lexicon marks no word in this passage, so none of your words can be checked "
                   "against it: discuss why you find them loaded.")
    notes = []
    if len(missed):
        notes.append("Not found yet, per sentence: " + ", ".join(
            f"sentence {s}: {n}" for s, n in by_sentence.items()) + ".")
        notes.append("Not found yet, per category: " + ", ".join(
            f"{c}: {n}" for c, n in by_category.items()) + ".")
    if any(r[1] == "not marked" for r in rows):
        notes.append("A word the lexicon does not mark can still be loaded here: the lexicon knows "
                     "only the words and contexts it lists.")
    verdicts = pd.DataFrame(rows, columns=["answer", "verdict", "detail", "category"])
    return SpotFeedback(exercise=name, answered=True, summary=summary, verdicts=verdicts,
                        score=len(found), out_of=n_cues, notes=tuple(notes), n_found=len(found),
                        n_cues=n_cues, n_missed=len(missed), missed_by_sentence=by_sentence,
                        missed_by_category=by_category)


# ---------------------------------------------------------------- 2. rewrite neutrally

@dataclass(eq=False)
class RewriteExercise:
    """A passage in the outlet's own voice to rewrite neutrally (:func:`rewrite_exercise`).

    Attributes
    ----------
    article_id, outlet, title : str
        The article (``article_id`` is None when no passage qualifies).
    start, end : int
        Offsets of the passage in the article's clean text.
    text : str
        The passage (``article_text[start:end]``).
    cues : DataFrame
        Its labels, offsets into ``text`` (``article_start``/``article_end``
        into the article), as for :class:`SpotWordsExercise`.
    reason : str
        The rule and its outcome, or why there is no passage.
    """

    article_id: str | None
    outlet: str
    title: str
    start: int
    end: int
    text: str
    cues: pd.DataFrame
    reason: str

    @property
    def word_bank(self) -> pd.DataFrame:
        """The loaded words of the passage with the lexicon's neutral alternative and note."""
        if not len(self.cues):
            return pd.DataFrame(columns=["loaded", "category", "neutral alternative", "why"])
        frame = self.cues.drop_duplicates(subset=["text", "category"])
        return pd.DataFrame({"loaded": frame["text"].tolist(), "category": frame["category"].tolist(),
                             "neutral alternative": frame["neutral_alternative"].map(_str).tolist(),
                             "why": frame["note"].map(_str).tolist() if "note" in frame else ""})

    def __repr__(self) -> str:
        return f"<RewriteExercise: article {self.article_id}, {_plural(len(self.cues), 'cue')}>"

    def __str__(self) -> str:
        lines = [f"Article {self.article_id} · {self.outlet}", self.reason, "", self.text, "",
                 "Word bank:", self.word_bank.to_string(index=False)]
        return "\n".join(lines) if self.article_id is not None else self.reason

    def _repr_html_(self) -> str:
        if self.article_id is None:
            return _box("Rewrite neutrally", _paragraphs([self.reason]))
        head = f"Article {self.article_id} · {self.outlet}" + (f" · “{self.title}”" if self.title else "")
        return _box("Rewrite neutrally: the passage",
                    _paragraphs([head])
                    + f'<blockquote style="margin:6px 0 6px 1em;padding-left:10px;border-left:3px solid #ddd">'
                      f"{_esc(self.text)}</blockquote>"
                    + '<p style="margin:6px 0 2px 0">Word bank: the lexicon\'s neutral alternatives '
                      '(an alternative in brackets is advice, not a word to paste in):</p>'
                    + _html_table(self.word_bank)
                    + f'<p style="margin:4px 0;color:#555;font-size:90%">{_esc(self.reason)}</p>')


def rewrite_exercise(corpus: Any, *, lexicon: Lexicon | None = None, spans: pd.DataFrame | None = None,
                     max_sentences: int = 3, max_words: int = 80) -> RewriteExercise:
    """Pick the passage for "rewrite neutrally".

    Parameters
    ----------
    corpus : Corpus, DataFrame or str
    lexicon : Lexicon, optional
    spans : DataFrame, optional
        Labels already made with :func:`~mediacompare.label`.
    max_sentences, max_words : int
        The longest passage: at most this many sentences of one paragraph, and
        this many words (a single sentence may be longer).

    Returns
    -------
    RewriteExercise
        The rule: of every run of up to ``max_sentences`` consecutive
        sentences within one paragraph (one line of the clean text) that holds
        no reported speech (so every word is the outlet's own), the run with
        the most labels (ties: the fewest words, then the earliest). None
        qualifies when the corpus has no label outside quotations: ``reason``
        says so.

    Examples
    --------
    >>> ex = rewrite_exercise('"We won," the brutal regime said. Troops left. The ruthless dictator fled.')
    >>> ex.text, ex.word_bank["neutral alternative"].tolist()
    ('The ruthless dictator fled.', ['determined', 'leader'])
    """
    max_sentences = _positive_int(max_sentences, "max_sentences")
    max_words = _positive_int(max_words, "max_words")
    table = _table(corpus)
    labels = _labels(table, spans, lexicon)
    best = None  # key, art, start, end
    per_article = _by_article(labels)
    for art in table.to_dict("records"):
        text = _str(art["text"])
        sents = sentences(text)
        part = per_article.get(art["article_id"], labels.iloc[:0])
        if not sents or not len(part):
            continue
        reported = [(q.start, q.end) for q in voices(text).reported]
        n_words = [len(_words(s.text)) for s in sents]
        span_list = list(zip(part["start"].astype(int), part["end"].astype(int)))
        for i in range(len(sents)):
            for j in range(i, min(i + max_sentences, len(sents))):
                if j > i and "\n" in text[sents[j - 1].end:sents[j].start]:
                    break  # the next sentence starts a new paragraph
                words = sum(n_words[i:j + 1])
                if j > i and words > max_words:
                    break
                lo, hi = sents[i].start, sents[j].end
                if any(qs < hi and lo < qe for qs, qe in reported):
                    break  # holds reported speech: not all in the outlet's voice
                n = sum(1 for s, e in span_list if lo <= s and e <= hi)
                key = (n, -words)
                if n and (best is None or key > best[0]):
                    best = (key, art, lo, hi, i, j)
    if best is None:
        reason = ("No passage qualifies: the lexicon marks no word in the outlet's own voice anywhere "
                  "in this corpus (outside quotations), so there is nothing to rewrite neutrally.")
        return RewriteExercise(None, "", "", 0, 0, "", _passage_cues(labels.iloc[0:0], 0, 0,
                                                                     _sentence_table("")), reason)
    (n, _), art, lo, hi, i, j = best
    text = _str(art["text"])
    cues = _passage_cues(per_article.get(art["article_id"], labels.iloc[:0]), lo, hi,
                         _sentence_table(text, i, j, offset=lo))
    where = f"sentences {i + 1}–{j + 1}" if j > i else f"sentence {i + 1}"
    reason = (f"Picked by rule: of all passages of up to {max_sentences} sentences of one paragraph "
              f"with no quoted speech (so every word is the outlet's own), {where} of article "
              f"{art['article_id']} ({_str(art['outlet'])}) has the most labels ({n}).")
    return RewriteExercise(art["article_id"], _str(art["outlet"]), _str(art.get("title")), lo, hi,
                           text[lo:hi], cues, reason)


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


@dataclass(eq=False, repr=False)
class RewriteFeedback(Feedback):
    """Feedback of :func:`check_rewrite`.

    Attributes
    ----------
    counts : DataFrame
        ``category``, ``before``, ``after``: labels per category in the
        passage and in the rewrite, and a ``total`` row.
    remaining : DataFrame
        The labels of the rewrite: ``text``, ``category``, ``neutral_alternative``.
    n_words_before, n_words_after : int
    length_ratio : float
        Words of the rewrite over words of the passage.
    kept_share : float
        Share of the passage's content words (not loaded, not stop words)
        that the rewrite keeps; NaN when the passage has none.
    too_short : bool
        The rewrite dropped most of the content (below :data:`MIN_LENGTH_RATIO`
        or :data:`MIN_KEPT_SHARE`): it scores 0, so deleting does not win.
    """

    counts: pd.DataFrame = field(default_factory=pd.DataFrame)
    remaining: pd.DataFrame = field(default_factory=pd.DataFrame)
    n_words_before: int = 0
    n_words_after: int = 0
    length_ratio: float = math.nan
    kept_share: float = math.nan
    too_short: bool = False

    def _tables(self) -> list[tuple[str, pd.DataFrame]]:
        return [("Labels per category, before and after", self.counts)] if len(self.counts) else []


def _content_words(text: str, cues: pd.DataFrame) -> set[str]:
    covered = [(int(s), int(e)) for s, e in zip(cues["start"], cues["end"])] if len(cues) else []
    out = set()
    for token in tokenize(text):
        if token.kind not in _WORD_KINDS or any(s <= token.start < e for s, e in covered):
            continue
        if token.norm not in ENGLISH_STOP_WORDS and len(token.norm) > 2:
            out.add(token.norm)
    return out


def check_rewrite(corpus: Any, exercise: RewriteExercise, my_rewrite: Any, *,
                  lexicon: Lexicon | None = None) -> RewriteFeedback:
    """Label a student's rewrite and compare it with the passage.

    Parameters
    ----------
    corpus : Corpus, DataFrame or str
        The corpus the exercise was built from.
    exercise : RewriteExercise
    my_rewrite : str
        The student's rewrite ("..." or empty: not answered yet).
    lexicon : Lexicon, optional
        Label with this lexicon (default: the packaged one, as the exercise).

    Returns
    -------
    RewriteFeedback
        Labels per category before and after, the labels still in the
        rewrite, and a flag when the rewrite dropped most of the content
        (under half the words, or under half the passage's content words):
        such a rewrite scores 0. Otherwise the score is the number of labels
        removed (new loaded words count against it), out of the passage's labels.

    Examples
    --------
    >>> text = "Troops left. The ruthless dictator fled the capital."
    >>> ex = rewrite_exercise(text)
    >>> check_rewrite(text, ex, "The leader fled the capital.").score_text
    '2 of 2'
    >>> check_rewrite(text, ex, "He fled.").too_short
    True
    """
    if not isinstance(exercise, RewriteExercise):
        raise TypeError("exercise must be the result of mc.rewrite_exercise(); got "
                        f"{type(exercise).__name__}")
    if my_rewrite is not None and not isinstance(my_rewrite, str):
        raise TypeError(f'my_rewrite must be a string such as """The government said ..."""; got '
                        f"{type(my_rewrite).__name__}")
    name = "rewrite neutrally"
    if exercise.article_id is None:
        return RewriteFeedback(exercise=name, answered=False, summary=exercise.reason)
    table = _table(corpus)
    art = _article(table, exercise.article_id)
    if _str(art["text"])[exercise.start:exercise.end] != exercise.text:
        raise ValueError("the exercise's passage is not in this corpus's article "
                         f"{exercise.article_id}; build the exercise from the same corpus")
    cues = exercise.cues
    if lexicon is not None:
        cues = _passage_cues(label(table[table["article_id"] == exercise.article_id], lexicon=lexicon),
                             exercise.start, exercise.end, _sentence_table(""))
    before = _counts(cues)
    rewrite = (my_rewrite or "").strip()
    if not _words(rewrite.strip(".… ")):
        return RewriteFeedback(**_not_answered(
            name, "write your neutral version of the passage in my_rewrite", '"""The government said ..."""',
            f"The passage has {_plural(sum(before.values()), 'label')}; use the word bank."))
    after_cues = label(rewrite, lexicon=lexicon)
    after = _counts(after_cues)
    categories = sorted(set(before) | set(after), key=_category_order)
    counts = pd.DataFrame({"category": categories + ["total"],
                           "before": [before[c] for c in categories] + [sum(before.values())],
                           "after": [after[c] for c in categories] + [sum(after.values())]})
    n_before, n_after = len(_words(exercise.text)), len(_words(rewrite))
    ratio = n_after / n_before if n_before else math.nan
    content = _content_words(exercise.text, cues)
    kept = len(content & set(_words(rewrite))) / len(content) if content else math.nan
    too_short = bool(ratio < MIN_LENGTH_RATIO or (content and kept < MIN_KEPT_SHARE))
    old = {_words(_str(t)) for t in cues["text"]} if len(cues) else set()
    rows = [(t, "still there" if _words(t) in old else "new", f"{c}; neutral: {_str(a)}")
            for t, c, a in zip(after_cues["text"], after_cues["category"],
                               after_cues["neutral_alternative"])]
    verdicts = pd.DataFrame(rows, columns=["answer", "verdict", "detail"])
    n_b, n_a = sum(before.values()), sum(after.values())
    unchanged = _plain(rewrite) == _plain(exercise.text)
    score = 0 if too_short or unchanged else max(n_b - n_a, 0)
    if unchanged:
        summary = "Your rewrite is the passage itself: change the loaded words (see the word bank)."
    else:
        summary = (f"The passage has {_plural(n_b, 'label')}; your rewrite has {n_a}."
                   + (" No label is left." if n_a == 0 else " The labels still in it are listed below."))
    notes = []
    if too_short:
        summary = (f"This does not count yet: your rewrite keeps {n_after} of the passage's {n_before} "
                   "words" + (f" and {kept:.0%} of its facts (names, places, numbers, content words)"
                              if content else "")
                   + ". A neutral rewrite tells what happened in other words; it does not leave the "
                     "facts out. " + summary)
    gaps = re.findall(r"\[[^\[\]]+\]", rewrite)
    if gaps:
        notes.append(f"Your rewrite still has {_plural(len(gaps), 'gap')} in square brackets "
                     f"({'; '.join(gaps[:3])}): fill in the fact, or say plainly that it is not known.")
    notes.append("The lexicon only knows the words it lists: read your rewrite again. Is it fair to "
                 "everyone in it? Does it still say what happened?")
    return RewriteFeedback(exercise=name, answered=True, summary=summary, verdicts=verdicts,
                           score=score, out_of=n_b, notes=tuple(notes), counts=counts,
                           remaining=after_cues[["text", "category", "neutral_alternative"]],
                           n_words_before=n_before, n_words_after=n_after, length_ratio=ratio,
                           kept_share=kept, too_short=too_short)


# ---------------------------------------------------------------- 3. whose voice

@dataclass(eq=False)
class VoiceExercise:
    """Words to sort into the outlet's voice and quoted voice (:func:`voice_exercise`).

    Attributes
    ----------
    items : DataFrame
        What the student sees: ``item`` (from 1), ``article_id``, ``outlet``,
        ``word``, ``context`` (the sentence, widened to whole quotations),
        ``word_start``, ``word_end`` (the word in ``context``), ``start``,
        ``end`` (the word in the article's clean text).
    answer_key : DataFrame
        ``item``, ``word``, ``answer`` (``outlet`` or ``quoted``), ``quote``
        (the quotation that decides it, if any), ``speaker``, ``method``,
        ``evidence`` and ``why``: for the solution.
    reason : str
        The rule and its outcome, with any fallback said plainly.
    """

    items: pd.DataFrame
    answer_key: pd.DataFrame
    reason: str

    def __repr__(self) -> str:
        return f"<VoiceExercise: {_plural(len(self.items), 'item')}>"

    def __str__(self) -> str:
        lines = [self.reason]
        for row in self.items.itertuples(index=False):
            lines.append(f"{row.item}. “{row.word}” ({row.outlet}): {row.context}")
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        rows = []
        for row in self.items.itertuples(index=False):
            ctx = row.context
            marked = (_esc(ctx[:row.word_start]) + f"<b><u>{_esc(ctx[row.word_start:row.word_end])}</u></b>"
                      + _esc(ctx[row.word_end:]))
            rows.append(f'<tr><td style="{_TD}"><b>{int(row.item)}</b></td><td style="{_TD}">'
                        f'{_esc(row.word)}</td><td style="{_TD}">{_esc(row.outlet)} '
                        f'({_esc(row.article_id)})</td><td style="{_TD}">{marked}</td></tr>')
        head = "".join(f'<th style="{_TD}">{h}</th>' for h in ("item", "word", "outlet", "in its sentence"))
        table = (f'<table style="border-collapse:collapse"><thead><tr>{head}</tr></thead><tbody>'
                 + "".join(rows) + "</tbody></table>") if rows else ""
        return _box("Whose voice is this?", _paragraphs([self.reason]) + table)


@dataclass
class _Candidate:
    article_id: str
    outlet: str
    start: int
    end: int
    word: str
    voice: str
    labelled: bool
    quote_id: Any = None
    scare: tuple[int, int] | None = None
    context: tuple[int, int] = (0, 0)
    priority: int = 0


def _context(text: str, sents: list, quotes: list[tuple[int, int]], start: int,
             max_chars: int = 600) -> tuple[int, int]:
    """The sentence of ``start``, widened to the sentences of every quotation it overlaps."""
    starts = [s.start for s in sents]
    k = max(bisect.bisect_right(starts, start) - 1, 0)
    lo, hi = sents[k].start, sents[k].end
    changed = True
    while changed:
        changed = False
        for qs, qe in quotes:
            if qs < hi and lo < qe and (qs < lo or qe > hi):
                first = max(bisect.bisect_right(starts, qs) - 1, 0)
                last = max(bisect.bisect_right(starts, max(qe - 1, qs)) - 1, 0)
                lo, hi = min(lo, sents[first].start), max(hi, sents[last].end)
                changed = True
    if hi - lo > max_chars:  # keep the word in view
        lo = max(lo, start - max_chars // 2)
        hi = min(hi, lo + max_chars)
    return lo, hi


def voice_exercise(corpus: Any, *, lexicon: Lexicon | None = None, spans: pd.DataFrame | None = None,
                   actors: Gazetteer | None = None, n_items: int = 8, seed: int = 0) -> VoiceExercise:
    """Pick words for "whose voice is this": some in the outlet's voice, some quoted.

    Parameters
    ----------
    corpus : Corpus, DataFrame or str
    lexicon : Lexicon, optional
    spans : DataFrame, optional
        Labels already made with :func:`~mediacompare.label`.
    actors : Gazetteer, optional
        For the speakers in the answer key (:func:`~mediacompare.voice_table`).
    n_items : int
        How many items (half in each voice where the corpus allows).
    seed : int
        The fixed seed of the shuffle that mixes the two voices.

    Returns
    -------
    VoiceExercise
        The rule: labelled words (scare quotes themselves left out), half in
        the outlet's voice and half inside reported speech (``in_quote``),
        taken in turn from each article, distinct words and sentences first;
        in the outlet's voice, words in a sentence that also holds a quotation
        (or inside a scare quote) first, as they are the ones worth thinking
        about. A voice with too few labelled words is filled with ordinary
        words (the longest word of a quotation, or of a sentence with none),
        and ``reason`` says so; a corpus with no reported speech says that
        every item is the outlet's.

    Examples
    --------
    >>> ex = voice_exercise('The brutal regime fell. "The regime is finished," he said.', n_items=2)
    >>> sorted(ex.answer_key["answer"])
    ['outlet', 'quoted']
    """
    n_items = _positive_int(n_items, "n_items")
    table = _table(corpus)
    labels = _labels(table, spans, lexicon)
    labels = labels[labels["category"] != "scare_quote"]
    pools: dict[str, list[_Candidate]] = {"outlet": [], "quoted": []}
    fallback: dict[str, list[_Candidate]] = {"outlet": [], "quoted": []}
    texts = {}
    n_reported = 0
    per_article = _by_article(labels)
    for art in table.to_dict("records"):
        aid, text = art["article_id"], _str(art["text"])
        texts[aid] = text
        sents = sentences(text)
        if not sents:
            continue
        found = voices(text)
        n_reported += len(found.reported)
        quotes = [(q.start, q.end) for q in found.reported + found.scare]
        scares = [(q.start, q.end) for q in found.scare]
        outlet = _str(art["outlet"])
        for row in per_article.get(aid, labels.iloc[:0]).itertuples(index=False):
            s, e = int(row.start), int(row.end)
            voice = "quoted" if bool(row.in_quote) else "outlet"
            ctx = _context(text, sents, quotes, s)
            scare = next(((qs, qe) for qs, qe in scares if qs <= s and e <= qe), None)
            busy = any(q.start < ctx[1] and ctx[0] < q.end for q in found.reported)
            priority = 0 if voice == "quoted" or scare else 1 if busy else 2
            quote_id = getattr(row, "quote_id", None) if voice == "quoted" else None
            pools[voice].append(_Candidate(aid, outlet, s, e, row.text, voice, True, quote_id, scare,
                                           ctx, priority))
        for q in found.reported:  # fallback: the longest word of each quotation
            word = _longest_word(text, q.inner_start, q.inner_end)
            if word:
                fallback["quoted"].append(_Candidate(aid, outlet, *word, "quoted", False, q.quote_id,
                                                     None, _context(text, sents, quotes, word[0]), 1))
        for sent in sents:  # ... and of each sentence with no quotation
            if not any(qs < sent.end and sent.start < qe for qs, qe in quotes):
                word = _longest_word(text, sent.start, sent.end)
                if word:
                    fallback["outlet"].append(_Candidate(aid, outlet, *word, "outlet", False, None,
                                                         None, (sent.start, sent.end), 2))
    order = {aid: k for k, aid in enumerate(texts)}
    half = {"quoted": n_items // 2, "outlet": n_items - n_items // 2}
    used: dict[str, set] = {"spots": set(), "words": set(), "places": set()}
    chosen = {voice: _round_robin(pools[voice], order, half[voice], used) for voice in ("quoted", "outlet")}
    fell_back = []
    for voice in ("quoted", "outlet"):  # a voice short of labelled words: ordinary words of it
        short = half[voice] - len(chosen[voice])
        if short > 0:
            extra = _round_robin(fallback[voice], order, short, used)
            chosen[voice] += extra
            fell_back += [voice] if extra else []
    for voice, pool in (("outlet", pools["outlet"]), ("quoted", pools["quoted"]),
                        ("outlet", fallback["outlet"]), ("quoted", fallback["quoted"])):
        short = n_items - len(chosen["quoted"]) - len(chosen["outlet"])  # still short: any voice
        if short > 0:
            chosen[voice] += _round_robin(pool, order, short, used)
    items = chosen["quoted"] + chosen["outlet"]
    random.Random(seed).shuffle(items)
    return _voice_exercise(items, table, texts, actors, n_reported, len(labels), fell_back)


def _longest_word(text: str, lo: int, hi: int) -> tuple[int, int, str] | None:
    best = None
    for t in tokenize(text[lo:hi]):
        if t.kind == "word" and len(t.text) >= 4 and t.norm not in ENGLISH_STOP_WORDS:
            if best is None or len(t.text) > len(best.text):
                best = t
    return None if best is None else (lo + best.start, lo + best.end, best.text)


def _round_robin(pool: list[_Candidate], order: dict, n: int, used: dict) -> list[_Candidate]:
    """Up to ``n`` candidates not taken yet, one article at a time, new words and places first."""
    by_article: dict[str, list[_Candidate]] = {}
    for c in sorted(pool, key=lambda c: (order[c.article_id], c.priority, c.start)):
        by_article.setdefault(c.article_id, []).append(c)
    out: list[_Candidate] = []
    for strict in (True, False):
        queues = [list(q) for q in by_article.values()]
        while len(out) < n and any(queues):
            for queue in queues:
                while queue:
                    c = queue.pop(0)
                    spot = (c.article_id, c.start, c.end)
                    if spot in used["spots"] or (strict and (c.word.lower() in used["words"] or
                                                             (c.article_id, c.context) in used["places"])):
                        continue
                    out.append(c)
                    used["spots"].add(spot)
                    used["words"].add(c.word.lower())
                    used["places"].add((c.article_id, c.context))
                    break
                if len(out) >= n:
                    break
    return out


def _voice_exercise(items: list[_Candidate], table: pd.DataFrame, texts: dict, actors: Any,
                    n_reported: int, n_labels: int, fell_back: list[str]) -> VoiceExercise:
    needed = sorted({c.article_id for c in items if c.voice == "quoted"})
    speakers = voice_table(table[table["article_id"].isin(needed)], actors=actors) if needed else None
    rows, key = [], []
    for k, c in enumerate(items, start=1):
        text = texts[c.article_id]
        lo, hi = c.context
        rows.append({"item": k, "article_id": c.article_id, "outlet": c.outlet, "word": c.word,
                     "context": text[lo:hi], "word_start": c.start - lo, "word_end": c.end - lo,
                     "start": c.start, "end": c.end})
        key.append({"item": k, "word": c.word, "answer": c.voice, **_evidence(c, text, speakers)})
    items_frame = pd.DataFrame(rows, columns=["item", "article_id", "outlet", "word", "context",
                                              "word_start", "word_end", "start", "end"])
    key_frame = pd.DataFrame(key, columns=["item", "word", "answer", "quote", "speaker", "method",
                                           "evidence", "why"])
    n_quoted = sum(1 for c in items if c.voice == "quoted")
    if not items:
        reason = ("This corpus has no word to ask about (no article with text), so there is no quiz.")
    else:
        reason = (f"{_plural(len(items), 'word')} from the corpus, picked by rule: labelled words, half "
                  "in the outlet's own voice and half inside quoted speech where the corpus allows, "
                  "taken in turn from each article.")
        if n_labels == 0:
            reason += " The lexicon marks no word in this corpus, so the items are ordinary words."
        elif fell_back:
            reason += " There are too few labelled words in one voice, so some items are ordinary words."
        if n_reported == 0:
            reason += (" This corpus has no quotation of reported speech, so every item is in the "
                       "outlet's own voice: discuss how you can tell.")
        elif n_quoted in (0, len(items)):
            reason += " The items could not be balanced between the two voices in this corpus."
    return VoiceExercise(items_frame.astype({c: "int64" for c in ("item", "word_start", "word_end",
                                                                   "start", "end")}),
                         key_frame.astype({"item": "int64"}), reason)


def _evidence(c: _Candidate, text: str, speakers: pd.DataFrame | None) -> dict:
    if c.voice == "quoted":
        row = None
        if speakers is not None:
            match = speakers[(speakers["article_id"] == c.article_id)
                             & (speakers["quote_id"] == int(c.quote_id))]
            row = match.iloc[0] if len(match) else None
        quote = _str(row["quote"]) if row is not None else ""
        speaker = _str(row["speaker"]) if row is not None else ""
        method = _str(row["method"]) if row is not None else ""
        evidence = _str(row["evidence"]) if row is not None else ""
        who = f"by {speaker}" if speaker else "with no speaker named (unattributed)"
        why = f"Inside a quotation of reported speech, {who}: the words are the speaker's."
        return {"quote": quote, "speaker": speaker or "(unattributed)", "method": method,
                "evidence": evidence, "why": why}
    if c.scare is not None:
        quote = text[c.scare[0]:c.scare[1]]
        return {"quote": quote, "speaker": "", "method": "scare quote", "evidence": (
            "a short quotation with no reporting verb or 'according to' in its sentence"),
            "why": "Inside quotation marks, but a scare quote: no one is said to be speaking, so "
                   "the marks are the outlet's own distancing and the word is the outlet's."}
    if c.priority == 1:
        why = ("Outside the quotation marks: the sentence quotes someone, but this word is the "
               "outlet's own.")
    else:
        why = "No quotation around it: the outlet's own words (a paraphrase is the outlet's wording too)."
    return {"quote": "", "speaker": "", "method": "outside quotation marks", "evidence": "", "why": why}


def _voice_answer(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    return _VOICE_OF.get(" ".join(re.sub(r"[^\w\s']", " ", value.lower().replace("\u2019", "'")).split()))


def _items_from(answers: Any, name: str, example: str) -> list[tuple[Any, Any]]:
    if answers is None:
        return []
    if isinstance(answers, dict):
        return list(answers.items())
    if isinstance(answers, (list, tuple)):
        return [(k, v) for k, v in enumerate(answers, start=1)]
    raise TypeError(f"{name} must be a dict such as {example}; got {type(answers).__name__}")


def check_voice_answers(corpus: Any, exercise: VoiceExercise, my_answers: Any) -> Feedback:
    """Say which of a student's voice answers are right, and the score, without explaining.

    Parameters
    ----------
    corpus : Corpus, DataFrame or str
        The corpus the exercise was built from.
    exercise : VoiceExercise
    my_answers : dict
        Item number to ``"outlet"`` or ``"quoted"`` (``{1: "outlet", 2: "quoted"}``);
        numbers may be strings, and answers such as "Quoted." or "own voice" are read.

    Returns
    -------
    Feedback
        One verdict per answer (``right``, ``wrong``, ``unknown item``, ``not
        understood``, ``answered twice``); the score is the number right out
        of all items.

    Examples
    --------
    >>> text = 'The brutal regime fell. "The regime is finished," he said.'
    >>> ex = voice_exercise(text, n_items=2)
    >>> answers = dict(zip(ex.answer_key["item"], ex.answer_key["answer"]))
    >>> check_voice_answers(text, ex, answers).score_text
    '2 of 2'
    """
    if not isinstance(exercise, VoiceExercise):
        raise TypeError(f"exercise must be the result of mc.voice_exercise(); got {type(exercise).__name__}")
    pairs = _items_from(my_answers, "my_answers", '{1: "outlet", 2: "quoted"}')
    name = "whose voice is this"
    n = len(exercise.items)
    if not n:
        return Feedback(exercise=name, answered=False, summary=exercise.reason)
    table = _table(corpus)
    unknown_articles = set(exercise.items["article_id"]) - set(table["article_id"])
    if unknown_articles:
        raise ValueError(f"the exercise is about articles {', '.join(sorted(unknown_articles))}, which "
                         "are not in this corpus; build the exercise from the same corpus")
    pairs = [(k, v) for k, v in pairs if not (isinstance(v, str) and not v.strip()) and v is not None]
    if not pairs:
        return Feedback(**_not_answered(name, "write 'outlet' or 'quoted' for each item in my_answers",
                                        '{1: "outlet", 2: "quoted"}'), out_of=n)
    key = dict(zip(exercise.answer_key["item"].astype(int), exercise.answer_key["answer"]))
    rows, done, right = [], set(), 0
    for raw, value in pairs:
        number = _item_number(raw)
        shown = f"item {raw}"
        if number is None or number not in key:
            rows.append((shown, "unknown item", f"the items are numbered 1 to {n}"))
            continue
        if number in done:
            rows.append((shown, "answered twice", "only your first answer counts"))
            continue
        answer = _voice_answer(value)
        if answer is None:
            rows.append((shown, "not understood", f"{value!r}: write 'outlet' or 'quoted'"))
            continue
        done.add(number)
        ok = answer == key[number]
        right += ok
        rows.append((shown, "right" if ok else "wrong", ""))
    summary = f"Score: {right} of {n}. You answered {len(done)} of the {_plural(n, 'item')}."
    notes = () if len(done) == n else (f"{n - len(done)} not answered yet.",)
    return Feedback(exercise=name, answered=True, summary=summary,
                    verdicts=pd.DataFrame(rows, columns=["answer", "verdict", "detail"]),
                    score=right, out_of=n, notes=notes)


# ---------------------------------------------------------------- 4. what is missing

@dataclass(eq=False)
class OmissionExercise:
    """Two articles to compare sentence by sentence (:func:`omission_exercise`).

    Attributes
    ----------
    article_a, article_b : str or None
        The pair (None when the corpus has fewer than two articles).
    outlet_a, outlet_b : str
    same_event : bool
        True when the pair shares an ``event_id``; False for the fallback pair.
    sentences_a, sentences_b : DataFrame
        ``number`` (from 1), ``sentence_id``, ``start``, ``end``, ``text``.
    alignment : DataFrame or None
        :func:`~mediacompare.align` of the pair: the answer key.
    reason : str
        How the pair was picked, saying plainly when it is NOT the same event.
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
    """Pick the pair for "what is missing": the same-event pair, else the two most similar.

    Parameters
    ----------
    corpus : Corpus, DataFrame or str
        For a :class:`~mediacompare.Corpus`, the first two articles of
        :func:`~mediacompare.same_event_articles`; for a table, two articles
        with the same ``event_id``.

    Returns
    -------
    OmissionExercise
        When no two articles share an event, the two with the highest TF-IDF
        cosine (:func:`~mediacompare.similarity`, English stop words left
        out; ties: the earliest), with a ``reason`` that says plainly they do
        NOT report the same event. With fewer than two articles, no pair and
        a ``reason`` saying so.

    Examples
    --------
    >>> arts = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["A", "B"],
    ...                      "text": ["Troops left Syria. It rained.", "Troops left Syria."]})
    >>> ex = omission_exercise(arts)
    >>> ex.same_event, ex.sentences_a["text"].tolist()
    (False, ['Troops left Syria.', 'It rained.'])
    """
    table = _table(corpus)
    table = table[table["text"].map(lambda t: bool(sentences(_str(t))))]
    empty = _sentence_table("")
    if len(table) < 2:
        reason = (f"This corpus has {_plural(len(table), 'article')} with text: there is nothing to "
                  "compare, so this exercise needs a corpus with at least two articles.")
        return OmissionExercise(None, None, "", "", False, empty, empty, None, reason)
    ids = table["article_id"].tolist()
    if isinstance(corpus, Corpus):
        pair = [i for i in same_event_articles(corpus) if i in ids][:2]
    else:
        pair = []
        if "event_id" in table.columns:
            events = table["event_id"].map(_str)
            for event in events:
                same = table.loc[events == event, "article_id"].tolist()
                if event and len(same) > 1:
                    pair = same[:2]
                    break
    records = {r["article_id"]: r for r in table.to_dict("records")}
    if len(pair) == 2:
        a, b = pair
        event = _str(records[a].get("event_id"))
        reason = (f"Articles {a} ({_str(records[a]['outlet'])}) and {b} ({_str(records[b]['outlet'])}) "
                  f"report the same event ({event}): what one tells and the other does not is a "
                  "choice worth discussing.")
        same_event = True
    else:
        sims = similarity(table, stop_words="english")
        position = {aid: k for k, aid in enumerate(ids)}
        sims = sims[sims["article_a"].map(position) < sims["article_b"].map(position)].copy()
        sims["cosine"] = sims["cosine"].fillna(-1.0)
        sims["_a"], sims["_b"] = sims["article_a"].map(position), sims["article_b"].map(position)
        best = sims.sort_values(["cosine", "_a", "_b"], ascending=[False, True, True]).iloc[0]
        a, b = str(best["article_a"]), str(best["article_b"])
        reason = (f"No two articles in this corpus report the same event (none share an event_id). "
                  f"Articles {a} ({_str(records[a]['outlet'])}) and {b} ({_str(records[b]['outlet'])}) "
                  f"are the two most alike in their words (cosine {max(best['cosine'], 0):.2f}), but "
                  "they are NOT the same event: a sentence only in one may be about other news, "
                  "not something the other left out.")
        same_event = False
    alignment = align(table, [a, b])
    return OmissionExercise(a, b, _str(records[a]["outlet"]), _str(records[b]["outlet"]), same_event,
                            _sentence_table(_str(records[a]["text"])),
                            _sentence_table(_str(records[b]["text"])), alignment, reason)


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


# ---------------------------------------------------------------- 5. who is called what

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
    pairs = [(k, v) for k, v in pairs if v is not None and not (isinstance(v, str) and not v.strip())]
    if not pairs:
        return Feedback(**_not_answered(name, "match each form to an outlet in my_matches",
                                        '{"the form as written": "the outlet", 3: "an outlet"}'),
                        out_of=n)
    by_key = {_plain(f): int(k) for k, f in zip(exercise.answer_key["number"], exercise.answer_key["form"])}
    truth = dict(zip(exercise.answer_key["number"].astype(int), exercise.answer_key["outlet"]))
    forms = dict(zip(exercise.answer_key["number"].astype(int), exercise.answer_key["form"]))
    rows, done, right = [], set(), 0
    for raw, value in pairs:
        number = _item_number(raw)
        if number is None and isinstance(raw, str):
            number = by_key.get(_plain(raw))
        if number is None or number not in truth:
            rows.append((str(raw), "unknown form", "copy a form from the list, or give its number"))
            continue
        shown = forms[number]
        if number in done:
            rows.append((shown, "answered twice", "only your first answer counts"))
            continue
        outlet = _outlet_answer(value, exercise.outlets)
        if outlet is None:
            rows.append((shown, "not understood", f"{value!r}: write one of {', '.join(exercise.outlets)}"))
            continue
        done.add(number)
        ok = outlet == truth[number]
        right += ok
        rows.append((shown, "right" if ok else "wrong", ""))
    summary = f"Score: {right} of {n}. You matched {len(done)} of the {_plural(n, 'form')}."
    notes = () if len(done) == n else (f"{n - len(done)} not matched yet.",)
    return Feedback(exercise=name, answered=True, summary=summary,
                    verdicts=pd.DataFrame(rows, columns=["answer", "verdict", "detail"]),
                    score=right, out_of=n, notes=notes)
