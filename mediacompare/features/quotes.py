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
    Paragraphs are separated by blank lines (two or more line breaks, with
    any spaces between). By the journalistic convention a quotation running
    over several paragraphs has no closing mark at the end of each paragraph
    but the last, and each new paragraph opens again with a mark of its kind:
    a quotation still open at a paragraph end whose next paragraph starts
    with an opening mark of the same kind continues; it is one
    :class:`Quote` whose ``text`` holds the paragraph break and the
    re-opening mark. (Several quotations open at once continue as far as
    the opening marks at the next paragraph start match them, outermost
    first.)

Unbalanced marks (``closed=False``, ``problem`` says what was done)
    * An opening mark never closed and not continued is closed at the end of
      its paragraph (the last non-space character).
    * An open quotation still open when an *enclosing* quotation closes (a
      closing mark of the enclosing kind) is closed there.
    * A closing mark with no opening mark of its kind open is taken to open
      at the start of its paragraph; or later, so that quotations stay
      nested: at the start of the quoted words of the innermost quotation
      still open, just after a quotation that came from an earlier
      paragraph, or just after the previous such quotation at the same depth
      (``a” b”`` gives two quotations side by side, not one inside the other).
    * At most :data:`MAX_NESTING` quotations are open at once; an opening
      mark beyond is ignored and reported.

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
      a new quotation of the same kind is read as one continuing quotation.
    * Quotations that lost their marks entirely (AFP's "I have taken a
      decision: ...") cannot be found from marks; a line break that is not a
      blank line does not end a paragraph.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from typing import NamedTuple

import pandas as pd

from ..text import _column, _frame, tokenize

__all__ = ["MARK_KINDS", "MAX_NESTING", "Quote", "QuoteIndex", "find_quotes", "quote_frame"]

#: The values of :attr:`Quote.mark`.
MARK_KINDS = ("double", "single")
#: At most this many quotations are open at once; an opening mark beyond is
#: ignored (and reported in the problem of the innermost open quotation), so
#: that the output stays linear in the text. Real text nests two or three deep.
MAX_NESTING = 16

_WORD_KINDS = frozenset({"word", "number", "abbreviation"})
_KIND = {'"': "double", "\u201c": "double", "\u201d": "double",
         "'": "single", "\u2018": "single", "\u2019": "single"}
_MARK_RE = re.compile("[\"'\u201c\u201d\u2018\u2019]")
# A blank line: a line break, a line of spaces only, a line break; then any
# further blank lines and the indentation of the next paragraph.
_PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n\s*")
# Characters after which a straight mark may open a quotation (whitespace too).
_OPEN_AFTER = frozenset("([{<\u2014\u2013\u2012\u2015-\u2010\u2011/")
_DECADE = re.compile(r"\d\ds\b")
_POSSESSIVE_NEXT = re.compile(r"[^\S\n]+(?=[^\W\d_])")


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


class _Open:
    """A quotation on the stack: opened, not yet closed."""

    __slots__ = ("floor", "glyph", "ignored", "kind", "paragraphs", "start")

    def __init__(self, glyph: str, start: int):
        self.glyph = glyph
        self.kind = _KIND[glyph]
        self.start = start       # position of the opening mark
        self.paragraphs = 1      # the number of paragraphs it spans so far
        self.floor = start + 1   # a lone closing mark's quotation inside starts no earlier
        self.ignored = 0         # opening marks inside it beyond MAX_NESTING


class _Raw(NamedTuple):
    start: int
    end: int
    inner_start: int
    inner_end: int
    mark: str
    closed: bool
    problem: str | None


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each paragraph, without its surrounding whitespace.

    >>> _paragraphs("  One.\\n \\n\\n Two\\nlines. \\n\\n")
    [(2, 6), (11, 21)]
    """
    spans = []
    position = 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        spans.append((position, match.start()))
        position = match.end()
    spans.append((position, len(text)))
    stripped = []
    for start, end in spans:
        chunk = text[start:end]
        left = len(chunk) - len(chunk.lstrip())
        if left < len(chunk):
            stripped.append((start + left, start + len(chunk.rstrip())))
    return stripped


class _Scanner:
    """The left-to-right scan; :func:`find_quotes` is its only user."""

    def __init__(self, text: str):
        self.text = text
        self.stack: list[_Open] = []
        self.open_count = {"double": 0, "single": 0}
        self.raw: list[_Raw] = []
        self.paragraph_start = 0
        self.floor = 0           # as _Open.floor, outside every quotation
        self.last_open = -2      # position of the last opening mark
        self.last_elision = -10  # position of the last elision apostrophe (’n’)

    # ------------------------------------------------------------ classify

    def _may_open(self, i: int, kind: str) -> bool:
        """Whether the character before ``i`` lets a straight mark open there."""
        if i == 0:
            return True
        before = self.text[i - 1]
        if before.isspace() or before in _OPEN_AFTER:
            return True
        # An opening mark of the other kind just before: “'Tis ... or ‘"No ...
        return i - 1 == self.last_open and _KIND.get(before) not in (None, kind)

    def role(self, i: int) -> str:
        """``open``, ``close``, ``apostrophe`` or ``ignore`` for the mark at ``i``."""
        text = self.text
        glyph = text[i]
        if glyph == "\u201c":
            return "open"
        if glyph == "\u201d":
            return "close"
        before = text[i - 1] if i else ""
        after = text[i + 1] if i + 1 < len(text) else ""
        may_open = self._may_open(i, _KIND[glyph])
        if glyph == '"':
            if may_open and after and not after.isspace():
                return "open"
            if before.isdigit() and not self.open_count["double"]:
                return "ignore"  # an inch mark: 12"
            return "close"
        if before.isalnum() and after.isalnum():
            return "apostrophe"  # Russia’s, won't
        if may_open and _DECADE.match(text, i + 1):
            return "apostrophe"  # ’90s
        if glyph == "\u2019" and may_open and after.isalnum():
            self.last_elision = i
            return "apostrophe"  # ’tis, ’em, the first mark of ’n’
        if glyph == "\u2018":
            return "open"
        if may_open:  # a curly ’ never opens
            return "open" if glyph == "'" and after and not after.isspace() else "ignore"
        if before.isalnum():
            if before == "s" and self._lowercase_word_next(i + 1):
                return "apostrophe"  # troops’ withdrawal
            if i - self.last_elision <= 4 and text[self.last_elision + 1:i].isalpha():
                return "apostrophe"  # the second mark of ’n’
            return "close" if self.open_count["single"] else "apostrophe"
        return "close"

    def _lowercase_word_next(self, i: int) -> bool:
        match = _POSSESSIVE_NEXT.match(self.text, i)
        return match is not None and self.text[match.end()].islower()

    # ------------------------------------------------------------ stack

    def push(self, i: int) -> None:
        if len(self.stack) >= MAX_NESTING:
            self.stack[-1].ignored += 1
            return
        glyph = self.text[i]
        self.stack.append(_Open(glyph, i))
        self.open_count[_KIND[glyph]] += 1
        self.last_open = i

    def _pop(self, end: int, inner_end: int, closed: bool, problem: str | None) -> None:
        entry = self.stack.pop()
        self.open_count[entry.kind] -= 1
        if entry.start < self.paragraph_start:  # a quotation from an earlier paragraph
            self._set_floor(max(self._floor(), end))
        if entry.ignored:
            problem = ((problem + "; ") if problem else "") + (
                f"{entry.ignored} opening mark{'s' if entry.ignored > 1 else ''} nested "
                f"more than {MAX_NESTING} deep inside it ignored")
        self.raw.append(_Raw(entry.start, end, entry.start + 1, inner_end, entry.kind,
                             closed, problem))

    def close(self, i: int) -> None:
        """A closing mark at ``i``: close its quotation, or tolerate a lone mark."""
        glyph = self.text[i]
        kind = _KIND[glyph]
        if not self.open_count[kind]:
            self._lone(i, glyph, kind)
            return
        while self.stack[-1].kind != kind:
            inner = self.stack[-1]
            self._pop(i, i, False,
                      f"opening {inner.glyph} at {inner.start} is never closed; closed at "
                      f"the closing {glyph} at {i} of the enclosing quotation")
        self._pop(i + 1, i, True, None)

    def _lone(self, i: int, glyph: str, kind: str) -> None:
        start, where = self.paragraph_start, "the paragraph start"
        floor = self._floor()
        if floor > start:
            start = floor
            if self.stack and floor == self.stack[-1].start + 1:
                where = "the start of the enclosing quotation"
            else:
                where = "the end of the previous quotation"
        self.raw.append(_Raw(start, i + 1, start, i, kind, False,
                             f"closing {glyph} at {i} has no opening mark; the quotation is "
                             f"taken to start at {where}"))
        self._set_floor(i + 1)  # the next lone mark's quotation follows this one

    def _floor(self) -> int:
        return self.stack[-1].floor if self.stack else self.floor

    def _set_floor(self, position: int) -> None:
        if self.stack:
            self.stack[-1].floor = position
        else:
            self.floor = position

    def end_paragraph(self, end: int, next_start: int | None) -> int:
        """Close or continue the open quotations at a paragraph end.

        Returns the position in the next paragraph after the re-opening marks
        that continue quotations (``next_start`` itself when none do).
        """
        matched = 0
        position = next_start
        if next_start is not None:
            text = self.text
            while (matched < len(self.stack) and position < len(text)
                   and text[position] in _KIND and self.role(position) == "open"
                   and _KIND[text[position]] == self.stack[matched].kind):
                self.last_open = position
                matched += 1
                position += 1
        while len(self.stack) > matched:
            entry = self.stack[-1]
            n = entry.paragraphs
            scope = ("in its paragraph" if n == 1 else
                     f"(it is continued over {n} paragraphs)")
            self._pop(end, end, False,
                      f"opening {entry.glyph} at {entry.start} is never closed {scope}; "
                      f"closed at the paragraph end")
        for entry in self.stack:
            entry.paragraphs += 1
        return position if position is not None else end


def _structure(text: str, raw: list[_Raw]) -> list[Quote]:
    """Number the quotations in order of ``start`` and find their nesting."""
    order = sorted(range(len(raw)), key=lambda k: (raw[k].start, -raw[k].end, k))
    words = [t for t in tokenize(text) if t.kind in _WORD_KINDS] if raw else []
    word_starts = [t.start for t in words]
    word_ends = [t.end for t in words]
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


def find_quotes(text: str) -> list[Quote]:
    """Find the quotations of ``text``, nested ones included.

    Parameters
    ----------
    text : str
        Any string; it is not modified. Anything else gives ``[]``.

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
    scanner = _Scanner(text)
    paragraphs = _paragraphs(text)
    marks = [m.start() for m in _MARK_RE.finditer(text)]
    k = 0
    skip_to = 0  # re-opening marks before this position were consumed
    for p, (start, end) in enumerate(paragraphs):
        scanner.paragraph_start = start
        scanner.floor = start
        while k < len(marks) and marks[k] < end:
            i = marks[k]
            k += 1
            if i < skip_to:
                continue
            role = scanner.role(i)
            if role == "open":
                scanner.push(i)
            elif role == "close":
                scanner.close(i)
        next_start = paragraphs[p + 1][0] if p + 1 < len(paragraphs) else None
        skip_to = scanner.end_paragraph(end, next_start)
    return _structure(text, scanner.raw)


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
