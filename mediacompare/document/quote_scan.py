"""The left-to-right scan of quote marks behind :func:`mediacompare.features.quotes.find_quotes`.

The rules it applies are described in :mod:`mediacompare.features.quotes`; this module
holds the machinery: telling opening marks from closing marks and apostrophes, a stack of
open quotations, the repairs of marks that do not pair, and the paragraphs they are
bounded by. Cost: one pass over the quote marks, plus at most one re-scan of each
paragraph of a quotation that was wrongly taken as continued (see :func:`scan`).
"""

from __future__ import annotations

import re
from typing import NamedTuple

#: At most this many quotations are open at once; an opening mark beyond is
#: ignored (and reported in the problem of the innermost open quotation), so
#: that the output stays linear in the text. Real text nests two or three deep.
MAX_NESTING = 16

_KIND = {'"': "double", "\u201c": "double", "\u201d": "double", "''": "double", "``": "double",
         "'": "single", "\u2018": "single", "\u2019": "single"}
# Two straight single marks or two backticks are one double mark (newswire and TeX style).
_MARK_RE = re.compile("''|``|[\"'\u201c\u201d\u2018\u2019]")
# A paragraph ends at a line break (the characters str.splitlines splits on): in captured
# web text a line is a paragraph, a headline or a caption. The break takes the blank lines
# and the indentation after it; the spaces before it are stripped from the paragraph.
_PARAGRAPH_BREAK = re.compile("[\n\v\f\r\x1c-\x1e\x85\u2028\u2029]\\s*")
# Characters after which a straight mark may open a quotation (whitespace too).
_OPEN_AFTER = frozenset("([{<\u2014\u2013\u2012\u2015-\u2010\u2011/")
_DECADE = re.compile(r"\d\ds\b")
_POSSESSIVE_NEXT = re.compile(r"[^\S\n]+(?=[^\W\d_])")


class _Open:
    """A quotation on the stack: opened, not yet closed."""

    __slots__ = ("floor", "glyph", "ignored", "kind", "paragraphs", "start")

    def __init__(self, glyph: str, start: int):
        self.glyph = glyph
        self.kind = _KIND[glyph]
        self.start = start       # position of the opening mark
        self.paragraphs = 1      # the number of paragraphs it spans so far
        self.floor = start + len(glyph)  # a lone closing mark's quotation inside starts no earlier
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
    [(2, 6), (11, 14), (15, 21)]
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
        self.last_open = -2      # position of the last character of the last opening mark
        self.last_open_kind = ""
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
        return i - 1 == self.last_open and self.last_open_kind != kind

    def glyph(self, i: int) -> str:
        """The mark at ``i``: one character, or the two of ``''`` and ``\u0060\u0060``."""
        pair = self.text[i:i + 2]
        return pair if pair in ("''", "``") else self.text[i]

    def role(self, i: int) -> str:
        """``open``, ``close``, ``apostrophe`` or ``ignore`` for the mark at ``i``."""
        text = self.text
        glyph = self.glyph(i)
        if glyph == "\u201c" and self.open_count["double"] and i \
                and (text[i - 1].isalnum() or text[i - 1] in ",.!?;:\u2026") \
                and (i + 1 == len(text) or text[i + 1].isspace()):
            return "close"  # a typo: “It's unusual,“ said ... (an opening mark glued to the words before it)
        if glyph in ("\u201c", "``"):
            return "open"
        if glyph == "\u201d":
            return "close"
        before = text[i - 1] if i else ""
        after = text[i + len(glyph)] if i + len(glyph) < len(text) else ""
        may_open = self._may_open(i, _KIND[glyph])
        if glyph in ('"', "''"):
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
        glyph = self.glyph(i)
        self.stack.append(_Open(glyph, i))
        self.open_count[_KIND[glyph]] += 1
        self.last_open, self.last_open_kind = i + len(glyph) - 1, _KIND[glyph]

    def _pop(self, end: int, inner_end: int, closed: bool, problem: str | None) -> None:
        entry = self.stack.pop()
        self.open_count[entry.kind] -= 1
        if entry.start < self.paragraph_start:  # a quotation from an earlier paragraph
            self._set_floor(max(self._floor(), end))
        if entry.ignored:
            problem = ((problem + "; ") if problem else "") + (
                f"{entry.ignored} opening mark{'s' if entry.ignored > 1 else ''} nested "
                f"more than {MAX_NESTING} deep inside it ignored")
        self.raw.append(_Raw(entry.start, end, entry.start + len(entry.glyph), inner_end, entry.kind,
                             closed, problem))

    def close(self, i: int) -> None:
        """A closing mark at ``i``: close its quotation, or tolerate a lone mark."""
        glyph = self.glyph(i)
        kind = _KIND[glyph]
        if not self.open_count[kind]:
            self._lone(i, glyph, kind)
            return
        while self.stack[-1].kind != kind:
            inner = self.stack[-1]
            self._pop(i, i, False,
                      f"opening {inner.glyph} at {inner.start} is never closed; closed at "
                      f"the closing {glyph} at {i} of the enclosing quotation")
        self._pop(i + len(glyph), i, True, None if glyph != "\u201c" else
                  f"opening \u201c at {i}, glued to the words before it and followed by a space, "
                  "is read as the closing mark")

    def _lone(self, i: int, glyph: str, kind: str) -> None:
        start, where = self.paragraph_start, "the paragraph start"
        floor = self._floor()
        if floor > start:
            start = floor
            if self.stack and floor == self.stack[-1].start + len(self.stack[-1].glyph):
                where = "the start of the enclosing quotation"
            else:
                where = "the end of the previous quotation"
        self.raw.append(_Raw(start, i + len(glyph), start, i, kind, False,
                             f"closing {glyph} at {i} has no opening mark; the quotation is "
                             f"taken to start at {where}"))
        self._set_floor(i + len(glyph))  # the next lone mark's quotation follows this one

    def _floor(self) -> int:
        return self.stack[-1].floor if self.stack else self.floor

    def _set_floor(self, position: int) -> None:
        if self.stack:
            self.stack[-1].floor = position
        else:
            self.floor = position

    def end_paragraph(self, end: int, next_start: int | None, *, rewound: bool = False) -> tuple[int, bool]:
        """Close or continue the open quotations at a paragraph end.

        Returns the position in the next paragraph after the re-opening marks that
        continue quotations (``next_start`` itself when none do), and whether a
        quotation continued from an earlier paragraph had to be closed here: then the
        continuation was a misreading, and :func:`scan` reads those paragraphs again
        without it. ``rewound``: this paragraph end was read so before (the problem
        says why the next paragraph's opening mark does not continue the quotation).
        """
        matched = 0
        position = next_start
        if next_start is not None:
            text = self.text
            while (matched < len(self.stack) and position < len(text)
                   and text[position] in _KIND and self.role(position) == "open"
                   and _KIND[self.glyph(position)] == self.stack[matched].kind):
                width = len(self.glyph(position))
                self.last_open, self.last_open_kind = position + width - 1, self.stack[matched].kind
                matched += 1
                position += width
        failed = False
        while len(self.stack) > matched:
            entry = self.stack[-1]
            n = entry.paragraphs
            failed = failed or n > 1
            scope = ("in its paragraph" if n == 1 else
                     f"(it is continued over {n} paragraphs)")
            why = ("; the opening mark starting the next paragraph begins a quotation of its own, "
                   "as the quotation it would continue is never closed") if rewound else ""
            self._pop(end, end, False,
                      f"opening {entry.glyph} at {entry.start} is never closed {scope}; "
                      f"closed at the paragraph end{why}")
        for entry in self.stack:
            entry.paragraphs += 1
        return (position if position is not None else end), failed

    def state(self) -> tuple:
        """What :func:`scan` needs to read again from a paragraph start (the stack is empty)."""
        return len(self.raw), self.last_open, self.last_open_kind, self.last_elision

    def restore(self, state: tuple) -> None:
        n_raw, self.last_open, self.last_open_kind, self.last_elision = state
        del self.raw[n_raw:]
        self.stack.clear()
        self.open_count = {"double": 0, "single": 0}


def scan(text: str) -> list[_Raw]:
    """The quotations of ``text`` as found by the scan, in the order they were closed.

    A quotation still open at a paragraph end continues when the next paragraph opens
    with a mark of its kind (the convention for quotations over several paragraphs); if
    such a chain ends without any closing mark, the continuation was a misreading (an
    opening mark never closed, followed by quoted paragraphs): the paragraphs of the
    chain are read again, each closing its own quotations at its end. Each paragraph
    end is read that way at most once, so a paragraph is read at most three times.
    """
    scanner = _Scanner(text)
    paragraphs = _paragraphs(text)
    marks = [m.start() for m in _MARK_RE.finditer(text)]
    no_continue: set[int] = set()  # paragraph ends that do not continue a quotation
    k = 0
    skip_to = 0        # re-opening marks before this position were consumed
    saved = None       # (paragraph, mark index, skip_to, scanner state) where the stack was last empty
    p = 0
    while p < len(paragraphs):
        start, end = paragraphs[p]
        if not scanner.stack:
            saved = (p, k, skip_to, scanner.state())
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
        next_start = paragraphs[p + 1][0] if p + 1 < len(paragraphs) and p not in no_continue else None
        skip_to, failed = scanner.end_paragraph(end, next_start, rewound=p in no_continue)
        if failed and saved[0] < p:
            no_continue.update(range(saved[0], p))
            p, k, skip_to, state = saved
            scanner.restore(state)
            continue
        p += 1
    return scanner.raw
