"""Whose voice: reported speech versus scare quotes, and which words are quoted.

Built on :func:`mediacompare.features.quotes.find_quotes`. A quotation is
*reported speech* when it is long (more than :data:`SCARE_MAX_WORDS` words)
or when its sentence has a reporting verb (``speech_verbs.csv``) or
"according to" outside the quotation. A short quotation with no one said to
be speaking is a *scare quote*: the writer's own distancing from the words,
so the words inside count as the outlet's voice, not as quoted voice.
"""

from __future__ import annotations

import bisect
import csv
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from .._paths import resource
from ..errors import ResourceError
from ..text import Sentence, Token, sentences, tokenize
from .quotes import Quote, find_quotes

__all__ = ["SCARE_MAX_WORDS", "Voices", "quotes_table", "speech_verb_forms", "voices"]

#: A quotation of at most this many words, with no reporting verb in its
#: sentence, is taken as a scare quote.
SCARE_MAX_WORDS = 4
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


@dataclass
class Voices:
    """The quotations of one text, sorted into reported speech and scare quotes."""

    text: str
    tokens: list[Token]
    sentences: list[Sentence]
    reported: list[Quote]
    scare: list[Quote]
    problems: list[str]

    def sentence_id(self, offset: int) -> int:
        """The id of the sentence holding ``offset`` (the nearest one before it in a gap)."""
        starts = [s.start for s in self.sentences]
        return max(bisect.bisect_right(starts, offset) - 1, 0) if starts else 0

    def quote_of(self, start: int, end: int) -> Quote | None:
        """The innermost reported quotation whose quoted words hold ``[start, end)``."""
        best = None
        for quote in self.reported:
            if quote.inner_start <= start and end <= quote.inner_end:
                if best is None or quote.level > best.level:
                    best = quote
        return best

    def quoted_word_count(self) -> int:
        """Words inside reported quotations (nested ones counted once)."""
        outer = [q for q in self.reported if self.quote_of_outer(q) is None]
        count = 0
        for token in self.tokens:
            if token.kind in _WORD_KINDS and any(q.inner_start <= token.start and
                                                 token.end <= q.inner_end for q in outer):
                count += 1
        return count

    def quote_of_outer(self, quote: Quote) -> Quote | None:
        """The reported quotation enclosing ``quote``, if any."""
        for other in self.reported:
            if other is not quote and other.inner_start <= quote.start and quote.end <= other.inner_end:
                return other
        return None


def voices(text: str, tokens: list[Token] | None = None) -> Voices:
    """Find the quotations of ``text`` and tell reported speech from scare quotes.

    >>> v = voices('The so-called "moderate rebels" attacked. "We will stay," he said.')
    >>> [q.text for q in v.scare], [q.text for q in v.reported]
    (['moderate rebels'], ['We will stay,'])
    """
    tokens = tokenize(text) if tokens is None else tokens
    sents = sentences(text)
    quotes = find_quotes(text)
    verbs = speech_verb_forms()
    reported, scare = [], []
    token_starts = [t.start for t in tokens]
    for quote in quotes:
        if quote.closed and quote.level == 0 and 0 < quote.n_words <= SCARE_MAX_WORDS and \
                not _speech_nearby(quote, tokens, token_starts, sents, verbs):
            scare.append(quote)
        else:
            reported.append(quote)
    problems = [q.problem for q in quotes if q.problem]
    return Voices(text, tokens, sents, reported, scare, problems)


def _speech_nearby(quote: Quote, tokens: list[Token], starts: list[int],
                   sents: list[Sentence], verbs: frozenset[tuple[str, ...]]) -> bool:
    """A reporting verb (or "according to") in the quote's sentence, outside the quote."""
    sent_starts = [s.start for s in sents]
    first = max(bisect.bisect_right(sent_starts, quote.start) - 1, 0)
    last = max(bisect.bisect_right(sent_starts, max(quote.end - 1, quote.start)) - 1, 0)
    lo = sents[first].start if sents else 0
    hi = sents[last].end if sents else quote.end
    outside = [t.norm for t in tokens[bisect.bisect_left(starts, lo):bisect.bisect_left(starts, hi)]
               if not quote.start <= t.start < quote.end]
    longest = max((len(v) for v in verbs), default=1)
    for i in range(len(outside)):
        for n in range(1, longest + 1):
            if tuple(outside[i:i + n]) in verbs:
                return True
    return False


def quotes_table(source) -> pd.DataFrame:
    """Every quotation of every article, with its voice: ``reported`` speech or ``scare`` quote.

    Columns: ``article_id, quote_id, start, end, inner_start, inner_end, text,
    voice, level, n_words, closed, problem`` (offsets into the clean text).

    >>> quotes_table('The "peace process" failed. "We stay," he said.')[["text", "voice"]].values.tolist()
    [['peace process', 'scare'], ['We stay,', 'reported']]
    """
    from .label import articles_of

    rows = []
    for art in articles_of(source).itertuples(index=False):
        found = voices(art.text)
        for kind, quotes in (("reported", found.reported), ("scare", found.scare)):
            for q in quotes:
                rows.append({"article_id": str(art.article_id), "quote_id": q.quote_id,
                             "start": q.start, "end": q.end, "inner_start": q.inner_start,
                             "inner_end": q.inner_end, "text": q.text, "voice": kind,
                             "level": q.level, "n_words": q.n_words, "closed": q.closed,
                             "problem": q.problem})
    columns = ["article_id", "quote_id", "start", "end", "inner_start", "inner_end", "text",
               "voice", "level", "n_words", "closed", "problem"]
    frame = pd.DataFrame(rows, columns=columns).sort_values(["article_id", "start"], kind="stable")
    return frame.reset_index(drop=True).astype({c: "int64" for c in columns[1:6] + ["level", "n_words"]})
