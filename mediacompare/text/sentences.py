r"""The sentence splitter: rule-based, over the tokens, visiting only where a sentence may end.

Rules
    * A sentence ends after ``. ! ? …`` (or a run such as ``?!`` or ``...``)
      plus any closing quotes or brackets glued to it, when whitespace and a
      likely sentence start follow: a letter that is not lowercase, a digit,
      or an opening quote or bracket.
    * Every line break (the characters :meth:`str.splitlines` splits on) is a
      hard boundary: in captured web text a line is a paragraph, a headline
      or a caption, never half a sentence.
    * A period glued to a plain word of three or more letters also ends a
      sentence before a lowercase word ("the vote is tomorrow. the count
      ..."). The price: an abbreviation missing from the data file ("esp.")
      splits its sentence; shorter words ("ok.", "cf.") do not.
    * A bracket closed right after such a period ends the sentence only before a likely
      sentence start: "Sen. Ann Lee (Tex.) has said" is one sentence, "(by a lot.) The"
      two. The price: "(he won.) but" stays one.
    * Abbreviations: the period of a ``prefix`` entry of the data file
      (``Mr.``, ``Gen.``, ``Jan.``, ``No.``, ``p.``) never ends a sentence; a
      ``suffix`` entry (``Inc.``, ``Jr.``, ``etc.``) does before a likely
      sentence start.
    * Dotted abbreviations (``U.S.``, ``a.m.``) and the period after a single
      capital letter that follows a word or another initial (``George W.
      Bush``, ``plan B.``) end a sentence only before a word of
      ``_STARTERS``, words that start sentences far more often than they
      follow "U.S." or an initial inside one (``The``, ``They``, ``He``,
      ``Then``, ``Where`` ...): "... returned to the U.S. They had served
      ..." is two sentences, "the U.S. Army", "U.S. officials" and "John F.
      Kerr" stay one. The price: "... left the U.S. Congress met ..." stays
      one sentence, and "At 7 a.m. Mr. Diaz ..." is not split before "Mr."
      (a title is no starter, because "the U.S. Mr. ..." is rarer than "a.m.
      Mr. ...").
    * Numbered list items keep their numbers: a number of one or two digits
      with a glued ``.`` or ``)`` that starts a sentence is a list marker, not
      a sentence of its own ("1. The first item"), and the next number of the
      list, later on the same line, starts a new sentence ("1. First 2.
      Second"). A number that does not continue the list ("1. Vote now 5.
      Then ...") is text. The price: "in 2. The" after a list marker "1." on
      the same line splits there.
    * Ellipses: a glued ellipsis (``...``, ``…``, ``....``) ends a sentence
      before a likely sentence start ("Yes... We won") and not before a
      lowercase word ("Well... maybe"); spaced dots (``. . .``) stay inside a
      sentence whatever follows ("I tried . . . I really did"), unless a
      fourth dot ends it (``. . . .``). The price: "Wait . . . The bus came"
      is one sentence.
    * A quotation spanning sentences is split like any text: ``“A. B.”``
      gives ``“A.`` and ``B.”``, each quote mark staying with the sentence it
      touches.
    * Measured on a sentence-boundary test set written for the project
      (``benchmarks/sentences.py``): see ``benchmarks/results/sentences.md``.

How it stays fast
    Only a few tokens can change anything: sentence-final punctuation,
    closing marks, abbreviations, short numbers (list markers), tokens after a
    line break, and the token right after each of these. The rules are
    applied to those tokens alone (about a fifth of a news text); at any
    other token nothing ends and the state is simply cleared, exactly as the
    rules say. Line breaks are found in one pass over the text.
"""

from __future__ import annotations

import bisect
import re
from typing import NamedTuple

from .tokens import KIND_CODES, Token, _abbreviations, scan_codes

__all__ = ["Sentence", "sentence_bounds", "sentences"]

_LINE_BREAK = re.compile("[\n\v\f\r\x1c-\x1e\x85\u2028\u2029]")
_FINAL_CHARS = frozenset(".!?\u2026\u203d")
# Words that start sentences far more often than they follow "U.S." or an initial inside
# one: after "the U.S." or "plan B." they mark a new sentence ("... to the U.S. They ...").
_STARTERS = frozenset(
    "The A An He She It They We I You This That These Those There Here His Her Its Their Our My "
    "But And Or So Yet However In On At For From With After Before When While If As Since Then "
    "Now Still Also Meanwhile Where What Who Why How Everyone Nobody Many Some Most Both".split())
_CLOSERS = frozenset("\"')]}\u2019\u201d\u00bb\u203a")
_OPENERS = frozenset("\"'([{\u2018\u201c\u00ab\u2039\u201e\u201a\u00bf\u00a1")
# First characters of the punctuation tokens that the rules look at.
_WATCHED = _FINAL_CHARS | _CLOSERS


class Sentence(NamedTuple):
    """One sentence: ``text == source[start:end]``, no surrounding whitespace."""

    start: int
    end: int
    text: str


def _starts_sentence(word: str) -> bool:
    first = word[0]
    return (first.isalpha() and not first.islower()) or first.isdigit() or first in _OPENERS


def sentence_bounds(text: str, starts, ends, kinds) -> list[tuple[int, int]]:
    """Index pairs ``(first, last)`` of the tokens of each sentence.

    ``starts``, ``ends`` and ``kinds`` (one-letter codes) are the tokens of
    ``text`` as :func:`~mediacompare.text.tokens.scan_codes` gives them.

    >>> sentence_bounds("Hi. Bye", *scan_codes("Hi. Bye"))
    [(0, 1), (2, 2)]
    """
    n = len(starts)
    if not n:
        return []
    roles = _abbreviations()
    breaks = set()  # tokens with a line break before them
    for match in _LINE_BREAK.finditer(text):
        k = bisect.bisect_right(starts, match.start())
        if 0 < k < n:
            breaks.add(k)
    watched = set(breaks)
    for i, kind in enumerate(kinds):
        if kind == "w":
            continue
        if (kind == "p" and text[starts[i]] in _WATCHED) or kind == "a" or \
                (kind == "n" and ends[i] - starts[i] <= 2):
            watched.add(i)
            if i + 1 < n:
                watched.add(i + 1)

    def word_at(i):
        return text[starts[i]:ends[i]]

    def list_marker(i):
        """The number of a list marker "3." or "3)" whose number is token i, else None."""
        if kinds[i] != "n" or i + 2 >= n:
            return None
        number = word_at(i)
        if not number.isdigit() or len(number) > 2:
            return None
        mark_start = starts[i + 1]
        if word_at(i + 1) not in (".", ")") or mark_start != ends[i] or starts[i + 2] == ends[i + 1]:
            return None
        return int(number) if _starts_sentence(word_at(i + 2)) else None

    spans: list[tuple[int, int]] = []
    first = 0
    # How the tokens so far end: None (not a sentence end), "end" (a sentence end before a
    # likely sentence start), "word" (a period after a plain word: also before a lowercase
    # word), "starter" (a dotted abbreviation or an initial: only before a word of
    # _STARTERS, "the U.S. They", "plan B. The").
    final = None
    initials: set[int] = set()  # indices of the periods of initials ("W." in "George W. Bush")
    markers: set[int] = set()   # indices of the periods of list markers ("1." in "1. The item")
    marker = None               # the number of the last list marker of the line
    spaced = 0                  # the number of spaced dots in a row (". . . .")
    previous = -2
    for i in sorted(watched):
        if i != previous + 1:   # the token before was an ordinary one: it cleared the state
            final, spaced = None, 0
        previous = i
        kind, word = kinds[i], word_at(i)
        if i == 0:
            glued = False
        else:
            glued = starts[i] == ends[i - 1]
            number = list_marker(i) if not glued and kind == "n" else None
            line_break = i in breaks
            if line_break:
                marker = None
            if not glued and (line_break or (final == "end" and _starts_sentence(word))
                              or (final == "word" and (_starts_sentence(word) or
                                                       (kind == "w" and word[:1].islower())))
                              or (final == "starter" and word in _STARTERS)
                              or (number is not None and marker is not None and number == marker + 1)):
                spans.append((first, i - 1))
                first = i
        if i == first and kind == "n" and list_marker(i) is not None:
            marker = int(word)
            markers.add(i + 1)
        if kind == "p" and _FINAL_CHARS.issuperset(word):
            spaced = spaced + 1 if (word == "." and not glued and i and word_at(i - 1) == ".") else \
                (1 if word == "." and not glued else 0)
            if i in markers:
                final = None
            elif spaced:
                final = "end" if spaced >= 4 else None   # ". . ." inside a sentence, ". . . ." ends it
            elif word == "." and glued and _is_initial(text, starts, ends, kinds, i - 1, initials):
                initials.add(i)
                final = "starter"
            elif word == "." and glued and kinds[i - 1] == "w" and \
                    ends[i - 1] - starts[i - 1] >= 3 and word_at(i - 1).isalpha():
                final = "word"
            else:
                final = "end"
        elif kind == "a" and roles.get(word) == "suffix":
            final = "end"
        elif kind == "a" and word not in roles:
            final = "starter"                         # "U.S." ends a sentence only before "They"
        else:
            closing = final is not None and glued and word in _CLOSERS
            final = final if closing else None
            if final == "word" and word in ")]":
                final = "end"   # "Ted Cruz (Tex.) has said": a bracket closed after it, not before a lowercase word
            spaced = 0
    spans.append((first, n - 1))
    return spans


def _is_initial(text, starts, ends, kinds, letter: int, initials: set[int]) -> bool:
    """Whether token ``letter``, followed by a period, is an initial of a name.

    It is a single capital letter after a word or after another initial:
    "George W. Bush", "author J. K. Rowling"; but not after an opening quote
    or at the start of the text, so that "“A. B.”" is two sentences.
    """
    if kinds[letter] != "w" or ends[letter] - starts[letter] != 1 or letter == 0 or \
            not text[starts[letter]].isupper():
        return False
    return ends[letter - 1] < starts[letter] and (kinds[letter - 1] == "w" or letter - 1 in initials)


def _sentence_spans(text: str, tokens: list[Token]) -> list[tuple[int, int]]:
    """Index pairs ``(first, last)`` of the tokens of each sentence, for a list of tokens."""
    return sentence_bounds(text, [t.start for t in tokens], [t.end for t in tokens],
                           [KIND_CODES[t.kind] for t in tokens])


def sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences that point back into it.

    Parameters
    ----------
    text : str
        Any string; it is not modified.

    Returns
    -------
    list of Sentence
        In order, not overlapping, without surrounding whitespace; the gaps
        between them are whitespace only. Empty or whitespace-only text gives
        ``[]``. See the module docstring for the rules.

    Examples
    --------
    >>> [s.text for s in sentences("Mr. Smith met Gen. Jones. “Why?” he asked. “A. B.”")]
    ['Mr. Smith met Gen. Jones.', '“Why?” he asked.', '“A.', 'B.”']
    >>> [s.text for s in sentences("Headline without a period\\nBody text.")]
    ['Headline without a period', 'Body text.']
    >>> sentences("  Hi.  ")
    [Sentence(start=2, end=5, text='Hi.')]
    """
    starts, ends, kinds = scan_codes(text)
    out = []
    for a, b in sentence_bounds(text, starts, ends, kinds):
        start, end = starts[a], ends[b]
        out.append(Sentence(start, end, text[start:end]))
    return out
