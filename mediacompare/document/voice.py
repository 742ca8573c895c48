"""Whose voice: reported speech versus scare quotes, and which words are quoted.

Built on the quotations of :mod:`.quotes`, once per text in the analysed
document (:class:`~mediacompare.document.doc.Doc`). A quotation is
*reported speech* when it is long (more than :data:`SCARE_MAX_WORDS` words)
or when its sentence has a reporting verb (``speech_verbs.csv``) or
"according to" outside the quotation. A short quotation with no one said to
be speaking is a *scare quote*: the writer's own distancing from the words,
so the words inside count as the outlet's voice, not as quoted voice.

A quotation whose marks did not pair is repaired by the quotation finder
(``closed`` False, ``problem`` says how); its extent is a guess, so repaired
quotations count as quoted voice only while together they hold at most
:data:`MAX_REPAIRED_SHARE` of the text's words (the shortest first). The others
are *uncertain*: kept and reported, but their words stay in the outlet's voice,
so a broken mark never makes most of an article someone else's words.

Every lookup (the sentence of an offset, the quotation holding a span, a
reporting verb near a quotation) uses indexes built once per text and a
bisect: cost linear in the text, whatever the number of quotations.
"""

from __future__ import annotations

import bisect
import csv
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from .._paths import resource
from ..errors import ResourceError
from ..text import Sentence, Token, tokenize
from .quotes import Quote

__all__ = ["MAX_REPAIRED_SHARE", "SCARE_MAX_WORDS", "Voices", "classify", "speech_verb_forms",
           "verb_spans"]

#: A quotation of at most this many words, with no reporting verb in its
#: sentence, is taken as a scare quote.
SCARE_MAX_WORDS = 4
#: Repaired quotations (a mark that did not pair, see :mod:`.quotes`) count as quoted
#: voice only while together they hold at most this share of a text's words, so that a
#: guessed quotation never makes most of an article someone else's words.
MAX_REPAIRED_SHARE = 0.5
_WORD_KINDS = ("word", "number", "abbreviation")


@lru_cache(maxsize=1)
def speech_verb_forms() -> frozenset[tuple[str, ...]]:
    """Every form of every reporting verb in ``resources/speech_verbs.csv``, as token tuples
    (``("said",)``, ``("points", "out")``), normalised like :attr:`Token.norm`."""
    path = resource("speech_verbs.csv")
    forms: set[str] = set()
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        if reader.fieldnames is None or not {"verb", "forms"} <= set(reader.fieldnames):
            raise ResourceError(f"{path}, line 1: expected the columns verb,forms,loaded")
        for row in reader:
            verb = (row.get("verb") or "").strip().lower()
            if not verb:
                raise ResourceError(f"{path}, line {reader.line_num}, column 'verb': empty")
            for form in [verb] + (row.get("forms") or "").split("|"):
                if form.strip():
                    forms.add(tuple(t.norm for t in tokenize(form)))
    forms.add(("according", "to"))
    return frozenset(forms)


@lru_cache(maxsize=1)
def _verb_index() -> dict[str, tuple[tuple[str, ...], ...]]:
    """The reporting-verb forms by their first word, shortest first."""
    index: dict[str, list[tuple[str, ...]]] = {}
    for form in speech_verb_forms():
        index.setdefault(form[0], []).append(form)
    return {first: tuple(sorted(forms, key=len)) for first, forms in index.items()}


def verb_spans_of(keys: Sequence[str], starts, ends) -> list[tuple[int, int]]:
    """``(start, end)`` of every reporting-verb form in tokens given by their matching keys.

    ``keys`` are the tokens lowercased with curly quotes and Unicode hyphens
    straightened (:meth:`Doc.keys`); for words they equal :attr:`Token.norm`, and
    every form is made of words. Only tokens that open a form are looked at.
    """
    index = _verb_index()
    n = len(keys)
    spans = []
    for i, key in enumerate(keys):
        forms = index.get(key)
        if forms is None:
            continue
        for form in forms:
            width = len(form)
            if width == 1 or (i + width <= n and tuple(keys[i:i + width]) == form):
                spans.append((starts[i], ends[i + width - 1]))
    return spans


def verb_spans(tokens: Sequence[Token], verbs: frozenset[tuple[str, ...]] | None = None) -> list[tuple[int, int]]:
    """``(start, end)`` offsets of every reporting-verb form in ``tokens``, sorted by start.

    Every form is listed, a shorter one inside a longer one too ("hit" and "hit
    out", when both are forms). One pass: cost the number of tokens times the
    longest form.

    >>> verb_spans(tokenize("He points out that she said no."))
    [(3, 13), (23, 27)]
    """
    norms = [t.norm for t in tokens]
    if verbs is None:
        return verb_spans_of(norms, [t.start for t in tokens], [t.end for t in tokens])
    longest = max((len(v) for v in verbs), default=1)
    spans = []
    for i in range(len(tokens)):
        for n in range(1, min(longest, len(tokens) - i) + 1):
            if tuple(norms[i:i + n]) in verbs:
                spans.append((tokens[i].start, tokens[i + n - 1].end))
    return spans


class _Innermost:
    """The innermost of some nested quotations holding a span: bisect, then a walk up its parents.

    Quotations are properly nested, so the one holding a span is the last to start at or
    before it, or one of that one's ancestors; the walk is at most ``MAX_NESTING`` long.
    """

    def __init__(self, quotes: Sequence[Quote]):
        self.quotes = sorted(quotes, key=lambda q: (q.inner_start, -q.inner_end, q.quote_id))
        self.starts = [q.inner_start for q in self.quotes]
        self.by_id = {q.quote_id: q for q in quotes}

    def find(self, start: int, end: int) -> Quote | None:
        k = bisect.bisect_right(self.starts, start) - 1
        quote = self.quotes[k] if k >= 0 else None
        while quote is not None and not (quote.inner_start <= start and end <= quote.inner_end):
            quote = self.by_id.get(quote.parent_id)
        return quote

    def outer(self) -> list[tuple[int, int]]:
        """The quoted words of the outermost quotations (nested ones merged in), in order."""
        merged: list[tuple[int, int]] = []
        for q in self.quotes:  # by inner start: a nested one follows its parent
            if merged and q.inner_start < merged[-1][1]:
                merged[-1] = (merged[-1][0], max(merged[-1][1], q.inner_end))
            else:
                merged.append((q.inner_start, q.inner_end))
        return merged


def count_within(word_starts, word_ends, intervals) -> int:
    """The number of words (given by sorted starts and ends) lying inside the disjoint intervals."""
    return sum(max(0, bisect.bisect_right(word_ends, b) - bisect.bisect_left(word_starts, a))
               for a, b in intervals)


@dataclass
class Voices:
    """The quotations of one text, sorted into reported speech, scare quotes and uncertain ones.

    ``uncertain`` holds repaired quotations (a mark that did not pair) that would hold
    more than :data:`MAX_REPAIRED_SHARE` of the text's words: their words stay in the
    outlet's voice, and their ``problem`` says so. Lookups by offset use indexes built
    once (bisect on sorted starts), never a scan of every quotation or sentence.
    :meth:`Doc.voices <mediacompare.document.doc.Doc.voices>` makes one from the
    analysed document.
    """

    text: str
    tokens: list[Token]
    sentences: list[Sentence]
    reported: list[Quote]
    scare: list[Quote]
    problems: list[str]
    uncertain: list[Quote] = field(default_factory=list)

    def __post_init__(self):
        self._sentence_starts = [s.start for s in self.sentences]
        self._reported = _Innermost(self.reported)

    def sentence_id(self, offset: int) -> int:
        """The id of the sentence holding ``offset`` (the nearest one before it in a gap)."""
        return max(bisect.bisect_right(self._sentence_starts, offset) - 1, 0)

    def quote_of(self, start: int, end: int) -> Quote | None:
        """The innermost reported quotation whose quoted words hold ``[start, end)``."""
        return self._reported.find(start, end)

    def quoted_word_count(self) -> int:
        """Words inside reported quotations (nested ones counted once)."""
        words = [t for t in self.tokens if t.kind in _WORD_KINDS]
        return count_within([t.start for t in words], [t.end for t in words], self._reported.outer())

    def quote_of_outer(self, quote: Quote) -> Quote | None:
        """The reported quotation enclosing ``quote``, if any."""
        parent = self._reported.by_id.get(quote.parent_id)
        return parent if parent is not None and parent is not quote else None


def classify(quotes: list[Quote], sentence_starts, sentence_ends, verbs, n_words: int
             ) -> tuple[list[Quote], list[Quote], list[Quote], list[str]]:
    """Reported speech, scare quotes, uncertain quotations and the problems of one text.

    ``verbs`` is called (once, only if some quotation could be a scare quote) for the
    sorted ``(start, end)`` spans of the text's reporting verbs.
    """
    near = None
    reported, scare = [], []
    for quote in quotes:
        if quote.closed and quote.level == 0 and 0 < quote.n_words <= SCARE_MAX_WORDS:
            if near is None:
                near = _SpeechNearby(verbs(), sentence_starts, sentence_ends)
            if not near(quote):
                scare.append(quote)
                continue
        reported.append(quote)
    reported, uncertain = _cap_repaired(reported, n_words)
    problems = [q.problem for q in sorted(reported + scare + uncertain) if q.problem]
    return reported, scare, uncertain, problems


def _cap_repaired(reported: list[Quote], n_words: int) -> tuple[list[Quote], list[Quote]]:
    """Keep repaired quotations as reported speech while they hold at most
    :data:`MAX_REPAIRED_SHARE` of the words (shortest first); the rest are uncertain."""
    repaired = sorted((q for q in reported if not q.closed and q.level == 0), key=lambda q: (q.n_words, q.start))
    budget, dropped = MAX_REPAIRED_SHARE * n_words, set()
    for q in repaired:
        if q.n_words <= budget:
            budget -= q.n_words
        else:
            dropped.add(q.quote_id)
    if not dropped:
        return reported, []
    uncertain = [q._replace(problem=f"{q.problem}; not counted as quoted voice: a repaired quotation "
                                    f"of {q.n_words} of the text's {n_words} words")
                 for q in reported if q.quote_id in dropped]
    return [q for q in reported if q.quote_id not in dropped], uncertain


class _SpeechNearby:
    """Whether a reporting verb (or "according to") stands in a quotation's sentence, outside it.

    The verbs are found once for the whole text; each question is a few bisects.
    """

    def __init__(self, verbs: list[tuple[int, int]], sentence_starts, sentence_ends):
        self.verbs = verbs
        self.verb_starts = [a for a, _ in verbs]
        self.sent_starts = sentence_starts
        self.sent_ends = sentence_ends

    def __call__(self, quote: Quote) -> bool:
        if not len(self.sent_starts):
            return False
        first = max(bisect.bisect_right(self.sent_starts, quote.start) - 1, 0)
        last = max(bisect.bisect_right(self.sent_starts, max(quote.end - 1, quote.start)) - 1, 0)
        lo, hi = self.sent_starts[first], self.sent_ends[last]
        k = bisect.bisect_left(self.verb_starts, lo)
        while k < len(self.verbs) and self.verbs[k][0] < quote.start:
            if self.verbs[k][1] <= quote.start:
                return True  # a verb before the quotation
            k += 1
        k = bisect.bisect_left(self.verb_starts, quote.end, lo=k)
        return k < len(self.verbs) and self.verbs[k][0] < hi
