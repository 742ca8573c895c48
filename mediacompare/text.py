r"""Tokens and sentences, as character offsets into the original text.

Offsets are the truth: every :class:`Token` and :class:`Sentence` carries
``start`` and ``end`` (end exclusive) and ``text[start:end]`` gives back
exactly its ``text``. The text is never rewritten; :attr:`Token.norm` is a
normalised copy for matching only.

Coverage
    Every non-whitespace character of any string belongs to exactly one token,
    no token contains whitespace (whitespace is what :meth:`str.isspace` says),
    and sentences cover all tokens in order, separated by whitespace only.

Tokens (one compiled regular expression, scanned once: cost linear in the text)
    * ``url``: ``http://``, ``https://``, ``ftp://`` and ``www.`` addresses and
      e-mail addresses (also kind ``url``); a final ``. , ; : ! ? ' ) ] } …``
      is left out.
    * ``word``: letters and digits (``\\w``) with the combining marks of the
      blocks U+0300-036F, U+1AB0-1AFF, U+1DC0-1DFF, U+20D0-20FF and
      U+FE20-FE2F (other marks, such as Devanagari vowel signs, are tokens of
      their own); hyphenated words are
      one token (``war-devastated``, ``face-to-face``, ``al-Assad``,
      ``U.S.-led``, ``10-year-old``).
    * Apostrophes: a straight or curly apostrophe *between* word characters
      stays inside the word (``Russia’s``, ``won't``, ``O'Brien``); a leading
      or trailing one is a separate ``punct`` token (``troops’`` is ``troops``
      and ``’``), as it may close a quotation.
    * ``number``: digits with thousands separators and decimals (``330,000``,
      ``4.5``, ``10%``); a number glued to letters is a word (``1990s``).
    * ``abbreviation``: two or more single letters each followed by a period
      (``U.S.``, ``U.N.``, ``e.g.``), and the entries of the data file
      ``resources/abbreviations.txt`` (``Mr.``, ``Gen.``, ``Inc.`` ...,
      matched case-sensitively), the final period included.
    * ``punct``: ellipses (``...`` and ``…``) and runs of ``!``/``?`` are one
      token; ``--`` runs are one token; any other punctuation character
      (Unicode category ``P*``, e.g. ``—``, ``–``, a standalone ``-``) is a
      one-character token.
    * ``symbol``: any other single character (``$``, ``©``, emoji, controls).

Sentences (rule-based)
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
"""

from __future__ import annotations

import functools
import numbers
import re
import unicodedata
from typing import NamedTuple

import pandas as pd

from ._paths import resource
from .errors import ResourceError

__all__ = [
    "TOKEN_KINDS",
    "Sentence",
    "Token",
    "sentence_frame",
    "sentences",
    "token_frame",
    "tokenize",
]

#: The values of :attr:`Token.kind`.
TOKEN_KINDS = ("word", "number", "abbreviation", "punct", "symbol", "url")

_MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
_WORD_CHAR = rf"[\w{_MARKS}]"
_LETTER = r"[^\W\d_]"
_HYPHEN = "[-\u2010\u2011]"
_APOSTROPHE = "['\u2019]"

_PIECE = rf"{_WORD_CHAR}+(?:{_APOSTROPHE}{_WORD_CHAR}+)*"
_NUMBER_PIECE = r"\d+(?=[.,]\d)(?:,\d{3}(?!\d))*(?:\.\d+)*"
_DOTTED = rf"(?:{_LETTER}\.){{2,}}"
_PART = rf"(?:{_NUMBER_PIECE}|{_DOTTED}|{_PIECE})"
# The scheme list is fixed on purpose: a general scheme pattern would rescan
# long runs of letters and dots from every position (quadratic time).
_URL = (r"(?:(?i:https?|ftp)://|(?i:www)\.)"
        "[^\\s<>\"\u201c\u201d\u2018\u2019\u00ab\u00bb]*"
        "[^\\s<>\"\u201c\u201d\u2018\u2019\u00ab\u00bb.,;:!?')\\]}\u2026]")
# The local part is capped at 64 characters (RFC 5321), which keeps a failed
# attempt at constant cost.
_EMAIL = r"\w[\w.+-]{0,63}@\w[\w-]*(?:\.\w[\w-]*)+"

_TOKEN_RE = re.compile("|".join([
    rf"(?P<url>{_URL}|{_EMAIL})",
    rf"(?P<wordlike>{_PART}(?:{_HYPHEN}{_PART})*(?:(?<=\d)%)?)(?P<dot>\.(?!\.))?",
    r"(?P<run>\.{2,}|\u2026+|--+|[!?\u203d]+)",
    r"(?P<other>\S)",
]))
_DOTTED_RE = re.compile(_DOTTED)
_ABBREVIATION_LINE = re.compile(r"\s*(?P<form>[^\W\d_]+\.)\s+(?P<role>prefix|suffix)\s*")
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
_NORM_TABLE = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u2010": "-", "\u2011": "-",
})


class Token(NamedTuple):
    """One token: ``text == source[start:end]``, ``kind`` one of :data:`TOKEN_KINDS`.

    >>> t = Token(0, 8, "Russia’s", "word")
    >>> t.norm
    "russia's"
    """

    start: int
    end: int
    text: str
    kind: str

    @property
    def norm(self) -> str:
        """Lowercase, curly quotes and Unicode hyphens straightened: for matching only."""
        return self.text.lower().translate(_NORM_TABLE)


class Sentence(NamedTuple):
    """One sentence: ``text == source[start:end]``, no surrounding whitespace."""

    start: int
    end: int
    text: str


def _parse_abbreviations(lines, path) -> dict[str, str]:
    """Map each abbreviation of a data file to its role, ``prefix`` or ``suffix``.

    >>> _parse_abbreviations(["# titles", "", "Mr.  prefix", "Inc. suffix"], "x.txt")
    {'Mr.': 'prefix', 'Inc.': 'suffix'}
    >>> _parse_abbreviations(["Mr prefix"], "x.txt")
    Traceback (most recent call last):
    ...
    mediacompare.errors.ResourceError: x.txt, line 1: expected an abbreviation ending \
in one period, whitespace and 'prefix' or 'suffix', found 'Mr prefix'
    """
    roles: dict[str, str] = {}
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        match = _ABBREVIATION_LINE.fullmatch(line)
        if match is None:
            raise ResourceError(
                f"{path}, line {number}: expected an abbreviation ending in one period, "
                f"whitespace and 'prefix' or 'suffix', found {line.strip()!r}")
        roles[match["form"]] = match["role"]
    return roles


@functools.lru_cache(maxsize=1)
def _abbreviations() -> dict[str, str]:
    """The abbreviations shipped in ``resources/abbreviations.txt``, read once."""
    path = resource("abbreviations.txt")
    return _parse_abbreviations(path.read_text(encoding="utf-8").splitlines(), path)


def _word_kind(word: str) -> str:
    if _DOTTED_RE.fullmatch(word):
        return "abbreviation"
    if any(ch.isalpha() for ch in word):
        return "word"
    return "number" if any(ch.isdigit() for ch in word) else "word"


def tokenize(text: str) -> list[Token]:
    """Split ``text`` into tokens that point back into it.

    Parameters
    ----------
    text : str
        Any string; it is not modified.

    Returns
    -------
    list of Token
        In text order, not overlapping; together they hold every
        non-whitespace character exactly once. See the module docstring for
        the rules.

    Examples
    --------
    >>> [t.text for t in tokenize("Russia’s war-devastated ally, the U.S., lost 330,000…")]
    ['Russia’s', 'war-devastated', 'ally', ',', 'the', 'U.S.', ',', 'lost', '330,000', '…']
    >>> [(t.text, t.kind) for t in tokenize("Mr. Smith — troops’ 4.5% https://x.org/a.")]
    ... # doctest: +NORMALIZE_WHITESPACE
    [('Mr.', 'abbreviation'), ('Smith', 'word'), ('—', 'punct'), ('troops', 'word'),
     ('’', 'punct'), ('4.5%', 'number'), ('https://x.org/a', 'url'), ('.', 'punct')]
    >>> tokenize("Hi!")[1]
    Token(start=2, end=3, text='!', kind='punct')
    """
    roles = _abbreviations()
    tokens: list[Token] = []
    for match in _TOKEN_RE.finditer(text):
        group = "wordlike" if match.lastgroup == "dot" else match.lastgroup
        start, end = match.span()
        if group == "url":
            tokens.append(Token(start, end, match[0], "url"))
        elif group == "wordlike":
            word_end = match.end("wordlike")
            word = match["wordlike"]
            if match["dot"] is not None and word + "." in roles:
                tokens.append(Token(start, end, word + ".", "abbreviation"))
                continue
            tokens.append(Token(start, word_end, word, _word_kind(word)))
            if match["dot"] is not None:
                tokens.append(Token(word_end, end, ".", "punct"))
        elif group == "run":
            tokens.append(Token(start, end, match[0], "punct"))
        else:
            kind = "punct" if unicodedata.category(match[0]).startswith("P") else "symbol"
            tokens.append(Token(start, end, match[0], kind))
    return tokens


def _starts_sentence(token: Token) -> bool:
    first = token.text[0]
    return (first.isalpha() and not first.islower()) or first.isdigit() or first in _OPENERS


def _is_initial(tokens: list[Token], letter: int, initials: set[int]) -> bool:
    """Whether ``tokens[letter]``, followed by a period, is an initial of a name.

    It is a single capital letter after a word or after another initial:
    "George W. Bush", "author J. K. Rowling"; but not after an opening quote
    or at the start of the text, so that "“A. B.”" is two sentences.
    """
    word = tokens[letter]
    if word.kind != "word" or len(word.text) != 1 or not word.text.isupper() or letter == 0:
        return False
    before = tokens[letter - 1]
    return before.end < word.start and (before.kind == "word" or letter - 1 in initials)


def _list_marker(tokens: list[Token], i: int) -> int | None:
    """The number of a list marker "3." or "3)" whose number is ``tokens[i]``, else None."""
    token = tokens[i]
    if token.kind != "number" or not token.text.isdigit() or len(token.text) > 2 or i + 2 >= len(tokens):
        return None
    mark, after = tokens[i + 1], tokens[i + 2]
    if mark.text not in (".", ")") or mark.start != token.end or after.start == mark.end:
        return None
    return int(token.text) if _starts_sentence(after) else None


def _sentence_spans(text: str, tokens: list[Token]) -> list[tuple[int, int]]:
    """Index pairs ``(first, last)`` of the tokens of each sentence."""
    roles = _abbreviations()
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
    for i, token in enumerate(tokens):
        if i == 0:
            glued = False
        else:
            previous = tokens[i - 1]
            glued = token.start == previous.end
            number = _list_marker(tokens, i) if not glued else None
            line_break = _LINE_BREAK.search(text, previous.end, token.start)
            if line_break:
                marker = None
            if not glued and (line_break or (final == "end" and _starts_sentence(token))
                              or (final == "word" and (_starts_sentence(token) or _lower_word(token)))
                              or (final == "starter" and token.text in _STARTERS)
                              or (number is not None and marker is not None and number == marker + 1)):
                spans.append((first, i - 1))
                first = i
        if i == first and _list_marker(tokens, i) is not None:
            marker = int(token.text)
            markers.add(i + 1)
        if token.kind == "punct" and _FINAL_CHARS.issuperset(token.text):
            spaced = spaced + 1 if (token.text == "." and not glued and i and tokens[i - 1].text == ".") else \
                (1 if token.text == "." and not glued else 0)
            if i in markers:
                final = None
            elif spaced:
                final = "end" if spaced >= 4 else None   # ". . ." inside a sentence, ". . . ." ends it
            elif token.text == "." and glued and _is_initial(tokens, i - 1, initials):
                initials.add(i)
                final = "starter"
            elif token.text == "." and glued and tokens[i - 1].kind == "word" and \
                    len(tokens[i - 1].text) >= 3 and tokens[i - 1].text.isalpha():
                final = "word"
            else:
                final = "end"
        elif token.kind == "abbreviation" and roles.get(token.text) == "suffix":
            final = "end"
        elif token.kind == "abbreviation" and token.text not in roles:
            final = "starter"                         # "U.S." ends a sentence only before "They"
        else:
            closing = final is not None and glued and token.text in _CLOSERS
            final = final if closing else None
            spaced = 0
    if tokens:
        spans.append((first, len(tokens) - 1))
    return spans


def _lower_word(token: Token) -> bool:
    return token.kind == "word" and token.text[:1].islower()


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
    tokens = tokenize(text)
    return [Sentence(tokens[a].start, tokens[b].end, text[tokens[a].start:tokens[b].end])
            for a, b in _sentence_spans(text, tokens)]


def _column(values, dtype) -> pd.Series:
    # dtype=str is object on pandas 2 and the default string dtype on pandas 3,
    # also for an empty column.
    return pd.Series(values, dtype=dtype)


def _frame(columns: dict, n: int, article_id) -> pd.DataFrame:
    data = {}
    if article_id is not None:
        if isinstance(article_id, str):
            dtype = str
        elif isinstance(article_id, numbers.Integral) and not isinstance(article_id, bool):
            dtype = "int64"
        else:
            dtype = object
        data["article_id"] = _column([article_id] * n, dtype)
    data.update(columns)
    return pd.DataFrame(data)


def token_frame(text: str, *, article_id=None) -> pd.DataFrame:
    """One row per token of ``text``.

    Parameters
    ----------
    text : str
        Any string; it is not modified.
    article_id : optional
        When given, the first column, repeated on every row.

    Returns
    -------
    pandas.DataFrame
        Columns ``token_id``, ``sentence_id`` (both counting from 0 within the
        text), ``start``, ``end`` (int64 offsets, ``text[start:end] == text``),
        ``text``, ``norm`` and ``kind`` (strings).

    Examples
    --------
    >>> token_frame("Hi there. Bye!", article_id="a1")[["article_id", "sentence_id", "text", "kind"]]
      article_id  sentence_id   text   kind
    0         a1            0     Hi   word
    1         a1            0  there   word
    2         a1            0      .  punct
    3         a1            1    Bye   word
    4         a1            1      !  punct
    """
    tokens = tokenize(text)
    sentence_ids = [0] * len(tokens)
    for sentence_id, (a, b) in enumerate(_sentence_spans(text, tokens)):
        sentence_ids[a:b + 1] = [sentence_id] * (b - a + 1)
    return _frame({
        "token_id": _column(range(len(tokens)), "int64"),
        "sentence_id": _column(sentence_ids, "int64"),
        "start": _column([t.start for t in tokens], "int64"),
        "end": _column([t.end for t in tokens], "int64"),
        "text": _column([t.text for t in tokens], str),
        "norm": _column([t.norm for t in tokens], str),
        "kind": _column([t.kind for t in tokens], str),
    }, len(tokens), article_id)


def sentence_frame(text: str, *, article_id=None) -> pd.DataFrame:
    """One row per sentence of ``text``.

    Parameters
    ----------
    text : str
        Any string; it is not modified.
    article_id : optional
        When given, the first column, repeated on every row.

    Returns
    -------
    pandas.DataFrame
        Columns ``sentence_id`` (counting from 0), ``start``, ``end`` (int64
        offsets), ``text`` (string) and ``n_tokens`` (int64).

    Examples
    --------
    >>> sentence_frame("Mr. Smith left.\\nHe returned!")
       sentence_id  start  end             text  n_tokens
    0            0      0   15  Mr. Smith left.         4
    1            1     16   28     He returned!         3
    """
    tokens = tokenize(text)
    spans = _sentence_spans(text, tokens)
    starts = [tokens[a].start for a, _ in spans]
    ends = [tokens[b].end for _, b in spans]
    return _frame({
        "sentence_id": _column(range(len(spans)), "int64"),
        "start": _column(starts, "int64"),
        "end": _column(ends, "int64"),
        "text": _column([text[s:e] for s, e in zip(starts, ends)], str),
        "n_tokens": _column([b - a + 1 for a, b in spans], "int64"),
    }, len(spans), article_id)
