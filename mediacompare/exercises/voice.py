"""Exercise 3, whose voice is this: pick words in the outlet's voice and in quoted speech,
then check which voice a student gave each."""

from __future__ import annotations

import bisect
import random
import re
from dataclasses import dataclass
from typing import Any

import pandas as pd

from ..features.actors import Gazetteer
from ..features.lexicon import Lexicon
from ..features.sources import voice_table
from ..document import analyse
from ..text import tokenize
from .answers import _item_number, _items_from
from .feedback import (
    _TD,
    Feedback,
    _box,
    _esc,
    _not_answered,
    _paragraphs,
    _plural,
    _score_answers,
    _str,
)
from .worksheet import Worksheet, voice_worksheet
from .passages import _by_article, _labels, _positive_int, _table
from .passages import stop_words

_VOICE_WORDS = {
    "outlet": ("outlet", "the outlet", "outlets", "own", "own voice", "outlet voice", "outlet's",
               "outlets voice", "outlet's voice", "outlet's own voice", "journalist", "writer",
               "author", "reporter", "newspaper", "o"),
    "quoted": ("quoted", "quote", "quotes", "quotation", "quoted voice", "quoted speech",
               "speaker", "source", "someone else", "q"),
}
_VOICE_OF = {w: voice for voice, words in _VOICE_WORDS.items() for w in words}


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

    def worksheet(self) -> Worksheet:
        """The printable handout: the task in plain words, the items, room to answer."""
        return voice_worksheet(self)

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
        found = analyse(text)
        sents = found.sentences
        if not sents:
            continue
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
        if t.kind == "word" and len(t.text) >= 4 and t.norm not in stop_words():
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
    if not pairs:
        return Feedback(**_not_answered(name, "write 'outlet' or 'quoted' for each item in my_answers",
                                        '{1: "outlet", 2: "quoted"}'), out_of=n)
    key = dict(zip(exercise.answer_key["item"].astype(int), exercise.answer_key["answer"]))
    answers = [(f"item {raw}", _item_number(raw), value) for raw, value in pairs]
    return _score_answers(name, answers, key, n, read=_voice_answer, hint="write 'outlet' or 'quoted'",
                          unknown=("unknown item", f"the items are numbered 1 to {n}"),
                          verb="answered", noun="item")
