r"""Quotations: which words are the outlet's own voice and which it quotes.

Every labelled word later records whether it stands in the outlet's voice or
inside words it quotes (``in_quote``). :func:`find_quotes` finds the
quotations of a text as :class:`Quote` records with character offsets into
it; :class:`QuoteIndex` answers, for many spans, which quotation holds each.

One left-to-right scan with a stack of open quotations, over the quote marks
only: cost linear in the text. :func:`find_quotes` never raises; marks that do
not pair are tolerated and reported in :attr:`Quote.problem`.

Marks
    * Two kinds, paired by kind, not by glyph: ``double`` (curly ``“ ”`` and
      straight ``"``) and ``single`` (curly ``‘ ’`` and straight ``'``). A
      quotation may open with one glyph and close with another of its kind
      (``"absolutely unacceptable”``).
    * ``“`` and ``‘`` always open (unless ``‘`` is an apostrophe, below);
      ``”`` always closes.
    * A straight ``"`` opens when it follows the start of the text,
      whitespace, an opening bracket ``( [ { <``, a dash or slash, or an
      opening single mark, and is followed by a non-space; otherwise it
      closes. A straight ``"`` right after a digit while no double quotation
      is open is an inch mark (``a 12" gun``) and is ignored.
    * A straight ``'`` opens in the same places (or after an opening double
      mark) when it is not an apostrophe.
    * Two straight single marks ``''`` are one double mark, opening or
      closing as a straight ``"`` does, and two backticks (U+0060 twice)
      always open one: the convention of newswire archives (``''Today''``,
      the opening backticks of TeX) that would otherwise read as empty
      single quotations.

Apostrophes (a single glyph that is not a quote mark)
    * Between two letters or digits: ``Russia’s``, ``won’t``, ``don't``,
      ``O'Brien``, ``rock’n’roll``.
    * Before a decade, where an opening mark could stand: ``’90s``, ``'90s``,
      ``‘90s`` (digit, digit, ``s``).
    * A curly ``’`` where an opening mark could stand and before a letter or
      digit: ``’tis``, ``’em``, ``’17`` and the first mark of ``rock ’n’
      roll``; the second mark of ``’n’`` (a ``’`` closing a word of at most
      three letters that began with such an elision) is one too.
    * A trailing ``’`` or ``'`` after ``s``, followed by spaces and a
      lowercase letter: the plural possessive ``troops’ withdrawal``, even
      inside a single quotation.
    * Any other trailing ``’`` or ``'`` after a letter or digit closes a
      single quotation if one is open, and is an apostrophe otherwise
      (``Workers’ Party``, ``goin’``, ``the 1990s’ end``). So a lone closing
      single mark is only reported after punctuation (``no,’ he said``).
    * A single glyph with whitespace (or an opening bracket) on both sides is
      ignored.

Nesting
    A quotation opened while another is open is nested in it: ``level`` 1
    and ``parent_id`` the enclosing ``quote_id`` (double inside single works
    the same way, British style). Quotations are always properly nested: two
    either do not overlap or one lies inside the other's quoted words.

Paragraphs
    A paragraph is a line: every line break ends one (blank lines and
    indentation between them are not part of either), as in
    :mod:`mediacompare.text`, where in captured web text a line is a
    paragraph, a headline or a caption. By the journalistic convention a
    quotation running over several paragraphs has no closing mark at the end
    of each paragraph but the last, and each new paragraph opens again with
    a mark of its kind: a quotation still open at a paragraph end whose next
    paragraph starts with an opening mark of the same kind continues; it is
    one :class:`Quote` whose ``text`` holds the paragraph break and the
    re-opening mark. (Several quotations open at once continue as far as
    the opening marks at the next paragraph start match them, outermost
    first.) A continued quotation must be closed in the end: when no closing
    mark ever comes, the continuation was a misreading, and each paragraph
    of the chain closes its own quotation at its end.

Unbalanced marks: the repairs fail safe (``closed=False``, ``problem`` says what was done)
    * An opening mark never closed is closed at the end of its paragraph
      (the last non-space character); it never runs into the next paragraph
      unless a closing mark proves a continued quotation.
    * An open quotation still open when an *enclosing* quotation closes (a
      closing mark of the enclosing kind) is closed there.
    * A closing mark with no opening mark of its kind open is taken to open
      at the start of its paragraph, never before; or later, so that
      quotations stay nested: at the start of the quoted words of the
      innermost quotation still open, just after a quotation that came from
      an earlier paragraph, or just after the previous such quotation at the
      same depth (``a” b”`` gives two quotations side by side, not one inside
      the other).
    * At most :data:`MAX_NESTING` quotations are open at once; an opening
      mark beyond is ignored and reported.
    * A repaired quotation is a guess: :func:`mediacompare.features.voice.voices`
      counts repaired quotations as quoted voice only while they hold at most
      half of the text's words.

Not handled (documented limitations)
    * Guillemets ``« » ‹ ›``, low marks ``„ ‚``, reversed marks ``‛ ‟``, CJK
      corner brackets and primes ``′ ″`` are not quote marks here.
    * A straight ``'`` before a word where a quotation could open is read as
      an opening mark, so ``'em``, ``'tis`` and the straight ``'n'`` of
      ``rock 'n' roll`` open quotations (reported as unclosed, or closed
      wrongly); the curly forms are handled.
    * A single quotation whose last word ends in ``s`` before a lowercase word
      (``‘they were heroes’ and``) is not closed there: the mark reads as a
      plural possessive.
    * A genuinely unclosed quotation followed by a paragraph that starts with
      a new quotation of the same kind, closed in that paragraph, is read as
      one continuing quotation.
    * Hard-wrapped text (line breaks inside paragraphs) is read a line at a
      time: a quotation over several lines is closed at the end of its first
      line and the closing mark on a later line opens at the start of its
      line (both reported); the lines between count as the outlet's voice.
    * Quotations that lost their marks entirely (AFP's "I have taken a
      decision: ...") cannot be found from marks.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from typing import NamedTuple

import pandas as pd

from ..text import Token, _column, _frame
from ..text import scan as scan_tokens
from .quote_scan import MAX_NESTING, _Raw, scan

__all__ = ["MARK_KINDS", "MAX_NESTING", "Quote", "QuoteIndex", "find_quotes", "quote_frame", "quotes_of"]

#: The values of :attr:`Quote.mark`.
MARK_KINDS = ("double", "single")
_WORD_KINDS = frozenset({"word", "number", "abbreviation"})


class Quote(NamedTuple):
    """One quotation of a text; offsets point into it (end exclusive).

    ``start``/``end`` include the quote marks; ``inner_start``/``inner_end``
    hold the quoted words and ``text == source[inner_start:inner_end]``.

    >>> q = find_quotes("He said “no”.")[0]
    >>> q.start, q.inner_start, q.inner_end, q.end, q.text, q.mark, q.closed
    (8, 9, 11, 12, 'no', 'double', True)
    """

    quote_id: int
    start: int
    end: int
    inner_start: int
    inner_end: int
    text: str
    mark: str
    level: int
    parent_id: int | None
    n_words: int
    closed: bool
    problem: str | None


def _word_bounds(text: str, tokens: list[Token] | None) -> tuple[list[int], list[int]]:
    """The starts and the ends of the word tokens (kinds :data:`_WORD_KINDS`) of ``text``."""
    if tokens is None:
        starts, ends, kinds = scan_tokens(text)
        words = [k for k, kind in enumerate(kinds) if kind in _WORD_KINDS]
        return [starts[k] for k in words], [ends[k] for k in words]
    words = [t for t in tokens if t.kind in _WORD_KINDS]
    return [t.start for t in words], [t.end for t in words]


def _structure(text: str, raw: list[_Raw], word_starts, word_ends) -> list[Quote]:
    """Number the quotations in order of ``start``, find their nesting and count their words.

    ``word_starts``/``word_ends``: the offsets of the text's word tokens, sorted.
    """
    order = sorted(range(len(raw)), key=lambda k: (raw[k].start, -raw[k].end, k))
    quotes: list[Quote] = []
    open_ids: list[int] = []
    for quote_id, k in enumerate(order):
        r = raw[k]
        while open_ids and quotes[open_ids[-1]].end <= r.start:
            open_ids.pop()
        n_words = max(0, bisect.bisect_right(word_ends, r.inner_end)
                      - bisect.bisect_left(word_starts, r.inner_start))
        quotes.append(Quote(quote_id, r.start, r.end, r.inner_start, r.inner_end,
                            text[r.inner_start:r.inner_end], r.mark, len(open_ids),
                            open_ids[-1] if open_ids else None, n_words, r.closed, r.problem))
        open_ids.append(quote_id)
    return quotes


def quotes_of(text: str, word_starts, word_ends) -> list[Quote]:
    """:func:`find_quotes` for a text whose word offsets are at hand (the analysed document)."""
    raw = scan(text)
    return _structure(text, raw, word_starts, word_ends) if raw else []


def find_quotes(text: str, *, tokens: list[Token] | None = None) -> list[Quote]:
    """Find the quotations of ``text``, nested ones included.

    Parameters
    ----------
    text : str
        Any string; it is not modified. Anything else gives ``[]``.
    tokens : list of Token, optional
        ``tokenize(text)``, when the caller has it (used to count the words).

    Returns
    -------
    list of Quote
        In order of ``start`` (an enclosing quotation before those inside
        it), ``quote_id`` counting from 0. Never raises: unbalanced marks are
        tolerated and reported in ``problem``. See the module docstring for
        the rules.

    Examples
    --------
    >>> [(q.text, q.mark, q.level, q.parent_id) for q in find_quotes("“He said ‘no’ today,” she said.")]
    [('He said ‘no’ today,', 'double', 0, None), ('no', 'single', 1, 0)]
    >>> [q.text for q in find_quotes("\\"Soon,” he added. 'US says won’t leave Syria'")]
    ['Soon,', 'US says won’t leave Syria']
    >>> find_quotes("Russia’s troops’ withdrawal")
    []
    >>> q = find_quotes("He said “we stay.\\n\\nThen he left.")[0]
    >>> q.text, q.closed, q.problem
    ('we stay.', False, 'opening “ at 8 is never closed in its paragraph; closed at the paragraph end')
    """
    if not isinstance(text, str):
        return []
    raw = scan(text)
    if not raw:
        return []
    return _structure(text, raw, *_word_bounds(text, tokens))


def quote_frame(text: str, *, article_id=None) -> pd.DataFrame:
    """One row per quotation of ``text``: the fields of :class:`Quote`.

    Parameters
    ----------
    text : str
        Any string; it is not modified.
    article_id : optional
        When given, the first column, repeated on every row.

    Returns
    -------
    pandas.DataFrame
        Columns ``quote_id``, ``start``, ``end``, ``inner_start``,
        ``inner_end``, ``level``, ``n_words`` (int64), ``parent_id``
        (nullable ``Int64``), ``text``, ``mark``, ``problem`` (strings,
        ``problem`` missing when there is none) and ``closed`` (bool), in the
        order of the :class:`Quote` fields.

    Examples
    --------
    >>> frame = quote_frame("“He said ‘no’,” she said.", article_id="a1")
    >>> frame[["article_id", "quote_id", "text", "level", "parent_id", "n_words"]]
      article_id  quote_id           text  level  parent_id  n_words
    0         a1         0  He said ‘no’,      0       <NA>        3
    1         a1         1             no      1          0        1
    """
    quotes = find_quotes(text)

    def values(field):
        return [getattr(q, field) for q in quotes]

    columns = {}
    for field in Quote._fields:
        if field in ("text", "mark", "problem"):
            columns[field] = _column(values(field), str)
        elif field == "parent_id":
            columns[field] = _column(values(field), "Int64")
        elif field == "closed":
            columns[field] = _column(values(field), "bool")
        else:
            columns[field] = _column(values(field), "int64")
    return _frame(columns, len(quotes), article_id)


class QuoteIndex:
    """Which quotation holds a span, for many spans: bisect on sorted starts.

    A span ``[start, end)`` is in a quotation when it lies wholly inside the
    quotation's quoted words ``[inner_start, inner_end)``; the quote marks
    themselves are not inside. A span crossing a quotation's boundary is in
    the innermost quotation that holds all of it, if any. An empty span
    (``start == end``) is in the quotations whose quoted words hold the
    character at ``start``.

    Parameters
    ----------
    quotes : sequence of Quote
        The quotations of one text, as :func:`find_quotes` gives them
        (properly nested).

    Examples
    --------
    >>> text = "“He said ‘no’ today,” she said."
    >>> index = QuoteIndex(find_quotes(text))
    >>> index.quote_id_for(9, 13), index.quote_id_for(10, 12), index.quote_id_for(22, 25)
    (0, 1, None)
    >>> index.quote_ids_for([1, 10, 0], [3, 12, 3])
    [0, 1, None]
    >>> index.in_quote(18, 30)
    False
    """

    def __init__(self, quotes: Sequence[Quote]):
        order = sorted(quotes, key=lambda q: (q.inner_start, -q.inner_end, q.quote_id))
        self.quotes_ = list(order)
        self.starts_ = [q.inner_start for q in order]
        self._by_id = {q.quote_id: q for q in quotes}

    def quote(self, start: int, end: int) -> Quote | None:
        """The innermost :class:`Quote` holding ``[start, end)``, or None."""
        k = bisect.bisect_right(self.starts_, start) - 1
        if k < 0:
            return None
        quote = self.quotes_[k]
        # The innermost quotation holding ``start`` is this one or one of its
        # ancestors (quotations are properly nested); walk up to the first
        # whose quoted words hold the whole span.
        while quote is not None:
            if quote.inner_start <= start and (end < quote.inner_end or
                                               (end == quote.inner_end and start < end)):
                return quote
            quote = self._by_id.get(quote.parent_id)
        return None

    def quote_id_for(self, start: int, end: int) -> int | None:
        """The ``quote_id`` of the innermost quotation holding ``[start, end)``, or None."""
        quote = self.quote(start, end)
        return None if quote is None else quote.quote_id

    def in_quote(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` lies wholly inside a quotation's quoted words."""
        return self.quote(start, end) is not None

    def quote_ids_for(self, starts: Iterable[int], ends: Iterable[int]) -> list[int | None]:
        """:meth:`quote_id_for` of each span ``[starts[k], ends[k])``, in order.

        ``pd.array(result, dtype="Int64")`` makes a column of it. Cost:
        a bisect per span, plus a walk up the enclosing quotations when a
        span ends beyond the innermost one at its start.
        """
        starts, ends = list(starts), list(ends)
        if len(starts) != len(ends):
            raise ValueError(f"starts and ends must have the same length; "
                             f"got {len(starts)} starts and {len(ends)} ends")
        return [self.quote_id_for(int(s), int(e)) for s, e in zip(starts, ends)]
