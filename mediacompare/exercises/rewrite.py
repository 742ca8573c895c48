"""Exercise 2, rewrite neutrally: pick a passage in the outlet's own voice, then label and
score a student's rewrite."""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from ..features.label import label
from ..features.lexicon import Lexicon
from ..document import analyse
from ..text import tokenize
from .answers import _WORD_KINDS, _plain, _words
from .feedback import Feedback, _box, _esc, _html_table, _not_answered, _paragraphs, _plural, _str
from .worksheet import Worksheet, rewrite_worksheet
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

#: A rewrite shorter than this share of the passage's words does not count.
MIN_LENGTH_RATIO = 0.5
#: A rewrite that keeps less than this share of the passage's content words does not count.
MIN_KEPT_SHARE = 0.5


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

    def worksheet(self) -> Worksheet:
        """The printable handout: the task in plain words, the items, room to answer."""
        return rewrite_worksheet(self)

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
        sents = analyse(text).sentences
        part = per_article.get(art["article_id"], labels.iloc[:0])
        if not sents or not len(part):
            continue
        reported = [(q.start, q.end) for q in analyse(text).reported]
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



def _counts(frame: pd.DataFrame) -> Counter:
    return Counter(frame["category"]) if len(frame) else Counter()



def _content_words(text: str, cues: pd.DataFrame) -> set[str]:
    covered = [(int(s), int(e)) for s, e in zip(cues["start"], cues["end"])] if len(cues) else []
    out = set()
    for token in tokenize(text):
        if token.kind not in _WORD_KINDS or any(s <= token.start < e for s, e in covered):
            continue
        if token.norm not in stop_words() and len(token.norm) > 2:
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
    cues = _checked_cues(corpus, exercise, lexicon, _sentence_table(""))
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
