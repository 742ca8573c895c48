"""Exercise 1, spot the loaded words: pick a passage, then check the words a student spotted."""

from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from ..features.lexicon import Lexicon
from ..document import analyse
from .answers import _as_list, _contains, _words
from .feedback import Feedback, _box, _esc, _not_answered, _numbered, _paragraphs, _plural, _str
from .worksheet import Worksheet, spot_worksheet
from .passages import (
    _by_article,
    _category_order,
    _checked_cues,
    _labels,
    _passage_cues,
    _positive_int,
    _sentence_table,
    _table,
)
from .passages import stop_words


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

    def worksheet(self) -> Worksheet:
        """The printable handout: the task in plain words, the items, room to answer."""
        return spot_worksheet(self)

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
    >>> ex.text, ex.cues["text"].tolist()   # labels of loaded words cover their phrase
    ('The brutal regime fell.', ['brutal regime', 'brutal regime'])
    >>> ex.cues["term"].tolist()
    ['brutal', 'regime']
    """
    max_sentences = _positive_int(max_sentences, "max_sentences")
    table = _table(corpus)
    labels = _labels(table, spans, lexicon)
    best = None  # (own, total), article row, first, last
    per_article = _by_article(labels)
    for art in table.to_dict("records"):
        text = _str(art["text"])
        sents = analyse(text).sentences
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
    sents = analyse(text).sentences
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


def _cue_keys(cues: pd.DataFrame, passage: str = "") -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    """For each cue, the words of its text and of its lexicon term.

    A label widened over its phrase ("corrupt western elite") is found by the words the lexicon
    matched (``cue_start``/``cue_end`` into the passage), so "western" does not find "corrupt".
    """
    terms = cues["term"] if "term" in cues.columns else cues["text"]
    texts = cues["text"].tolist()
    if passage and {"cue_start", "cue_end"} <= set(cues.columns):
        texts = [passage[int(a):int(b)] if a == a and b == b and 0 <= int(a) < int(b) <= len(passage)
                 else text for a, b, text in zip(cues["cue_start"], cues["cue_end"], texts)]
    return [(_words(_str(text)), _words(_str(term))) for text, term in zip(texts, terms)]


def _finds(answer: tuple[str, ...], key: tuple[tuple[str, ...], tuple[str, ...]]) -> bool:
    """Does an answer's words find a cue? Either contains the other (a part needs a content word)."""
    content = any(w not in stop_words() for w in answer)
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
    cues = _checked_cues(corpus, exercise, lexicon, exercise.sentences)
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
    keys = _cue_keys(cues, exercise.text)
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
