r"""The tokenizer: one compiled regular expression whose named groups are the token kinds.

Tokens (scanned once, left to right: cost linear in the text)
    * ``url``: ``http://``, ``https://``, ``ftp://`` and ``www.`` addresses and
      e-mail addresses (also kind ``url``); a final ``. , ; : ! ? ' ) ] } …``
      is left out.
    * ``word``: letters and digits (``\\w``) with the combining marks of the
      blocks U+0300-036F, U+1AB0-1AFF, U+1DC0-1DFF, U+20D0-20FF and
      U+FE20-FE2F (other marks, such as Devanagari vowel signs, are tokens of
      their own); hyphenated words are one token (``war-devastated``,
      ``face-to-face``, ``al-Assad``, ``U.S.-led``, ``10-year-old``).
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

How it stays fast
    The expression's alternatives are tried in order at each position; the
    first ones are narrow fast paths whose named group *is* the kind (a run of
    Latin letters, a plain number, a hyphenated or apostrophised word of Latin
    letters, an abbreviation of the data file, common punctuation), each
    guarded by a look-ahead that lets it match only where the general rule
    would give the very same token. Everything else (other scripts, numbers
    glued to letters, dotted abbreviations) goes through the general
    alternative and a small classification, and a lone character outside the
    common punctuation through a cached Unicode category lookup. Address and
    e-mail alternatives are left out of the expression for a text that has no
    ``://``, ``www.`` or ``@``. The tests check the result token for token
    against the plain rule on random text.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import NamedTuple

from .._paths import resource
from ..errors import ResourceError

__all__ = ["KIND_CODES", "KIND_NAMES", "TOKEN_KINDS", "Token", "scan", "scan_codes", "tokenize", "tokens_of"]

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
_GENERAL = rf"(?P<wordlike>{_PART}(?:{_HYPHEN}{_PART})*(?:(?<=\d)%)?)(?P<dot>\.(?!\.))?"
_RUN = r"(?P<run>\.{2,}|\u2026+|--+|[!?\u203d]+)"

# Fast paths. Each matches only where the general alternative would give the same token:
# the look-ahead _ENDS says the general rule could not go on (no word character, no
# apostrophe or hyphen joining another word character, and no ``x.y.`` that would make a
# single letter the start of a dotted abbreviation).
_LATIN = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f"   # letters all (str.isalpha)
_ENDS = rf"(?!{_WORD_CHAR}|[-\u2010\u2011'\u2019]{_WORD_CHAR}|\.{_LETTER}\.)"
_FAST_WORD = rf"(?P<w>(?>[{_LATIN}]+)){_ENDS}"
_FAST_JOINED = rf"(?P<j>(?>[{_LATIN}]+(?:[-\u2010\u2011'\u2019][{_LATIN}]+)+)){_ENDS}"
_FAST_NUMBER = (r"(?P<n>(?>[0-9]+(?:,[0-9]{3}(?![0-9]))*(?:\.[0-9]+)*%?))"
                rf"(?!{_WORD_CHAR}|[-\u2010\u2011'\u2019]{_WORD_CHAR}|[.,]\d)")
# Punctuation characters common in news (each of Unicode category P*, checked on import);
# ``.`` ``!`` ``?`` ``…`` runs are caught by _RUN first.
_COMMON_PUNCT = ("!\"#%&'()*,-./:;?@[\\]{}\u2018\u2019\u201c\u201d\u2014\u2013\u00ab\u00bb"
                 "\u2039\u203a\u201e\u201a\u00b7\u2022\u00a1\u00bf\u00a7\u00b6\u2010\u2011"
                 "\u2012\u2015\u2026")
_FAST_PUNCT = "(?P<p>[" + re.escape(_COMMON_PUNCT) + "])"
#: One letter per kind: the analysed document keeps a text's kinds as one string of these.
KIND_CODES = {"word": "w", "number": "n", "abbreviation": "a", "punct": "p", "symbol": "s", "url": "u"}
KIND_NAMES = {code: kind for kind, code in KIND_CODES.items()}
_KIND_OF_GROUP = {"w": "w", "j": "w", "n": "n", "abbr": "a", "url": "u", "run": "p", "p": "p"}
_DOTTED_RE = re.compile(_DOTTED)
_ABBREVIATION_LINE = re.compile(r"\s*(?P<form>[^\W\d_]+\.)\s+(?P<role>prefix|suffix)\s*")
_HAS_URL = re.compile(r"://|(?i:www)\.")
# The matching key of a token: curly quotes and Unicode hyphens straightened, then lowercased
# (lexicons, frame cues and the gazetteer match on it).
_STRAIGHTEN = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"',
                             "\u2010": "-", "\u2011": "-"})
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


def _abbreviation_alternative(forms) -> str:
    """The fast path for the data file's abbreviations: ``Mr.`` where the general rule gives
    the word ``Mr`` and a period that is no ellipsis (so ``Mr.`` by the file)."""
    stems = sorted((f[:-1] for f in forms), key=lambda s: (-len(s), s))
    long_ = "|".join(re.escape(s) for s in stems if len(s) > 1)
    short = "|".join(re.escape(s) for s in stems if len(s) == 1)
    parts = []
    if long_:
        parts.append(rf"(?:{long_})\.(?!\.)")
    if short:  # one letter: "p." but not the "p.m." of a dotted abbreviation
        parts.append(rf"(?:{short})\.(?!\.|{_LETTER}\.)")
    if not parts:
        return ""
    return rf"(?=[^\W\d_]+\.)(?P<abbr>{'|'.join(parts)})"


@functools.lru_cache(maxsize=4)
def _token_re(urls: bool, emails: bool) -> re.Pattern:
    """The tokenizer's expression; without the address alternatives a text cannot need."""
    parts = []
    if urls or emails:
        parts.append("(?P<url>" + "|".join(p for p, on in ((_URL, urls), (_EMAIL, emails)) if on) + ")")
    abbreviation = _abbreviation_alternative(_abbreviations())
    if abbreviation:
        parts.append(abbreviation)
    parts += [_FAST_WORD, _FAST_NUMBER, _FAST_JOINED, _GENERAL, _RUN, _FAST_PUNCT, r"(?P<other>\S)"]
    return re.compile("|".join(parts))


@functools.lru_cache(maxsize=4096)
def _other_kind(char: str) -> str:
    return "p" if unicodedata.category(char).startswith("P") else "s"


def straighten(text: str) -> str:
    """``text`` with curly quotes and Unicode hyphens straightened (the same length).

    >>> print(straighten("Russia’s “pro‐Kremlin”"))
    Russia's "pro-Kremlin"
    """
    # str.replace per mark, only for the marks present: about 70 times faster than
    # str.translate with a table on news text (translate looks up every character)
    for mark, plain in _STRAIGHTEN_PAIRS:
        if mark in text:
            text = text.replace(mark, plain)
    return text


_STRAIGHTEN_PAIRS = tuple((chr(code), plain) for code, plain in _STRAIGHTEN.items())


def _STRAIGHTEN_LOWER_SAFE(text: str) -> bool:
    """Whether lowercasing ``text`` whole gives each token's lowercase at the same offsets.

    Python lowercases every character on its own except two: ``İ`` becomes two
    characters (the caller compares lengths) and ``Σ`` becomes ``ς`` or ``σ`` by
    its neighbours.
    """
    return "\u03a3" not in text


def _word_kind(word: str) -> str:
    if _DOTTED_RE.fullmatch(word):
        return "abbreviation"
    if any(ch.isalpha() for ch in word):
        return "word"
    return "number" if any(ch.isdigit() for ch in word) else "word"


def scan_codes(text: str) -> tuple[list[int], list[int], list[str]]:
    """The tokens of ``text`` as starts, ends and one-letter kind codes (:data:`KIND_CODES`).

    >>> scan_codes("Mr. Smith's 4.5% rise.")
    ([0, 4, 12, 17, 21], [3, 11, 16, 21, 22], ['a', 'w', 'n', 'w', 'p'])
    """
    pattern = _token_re(_HAS_URL.search(text) is not None, "@" in text)
    starts: list[int] = []
    ends: list[int] = []
    codes: list[str] = []
    add_start, add_end, add_code = starts.append, ends.append, codes.append
    fast = _KIND_OF_GROUP.get
    roles = _abbreviations()
    for match in pattern.finditer(text):
        group = match.lastgroup
        code = fast(group)
        start, end = match.span()
        if code is not None:
            add_start(start)
            add_end(end)
            add_code(code)
        elif group == "other":
            add_start(start)
            add_end(end)
            add_code(_other_kind(match[0]))
        else:  # the general rule: "wordlike", perhaps with a period ("dot")
            word_end = match.end("wordlike")
            word = match["wordlike"]
            dot = match["dot"] is not None
            if dot and word + "." in roles:
                add_start(start)
                add_end(end)
                add_code("a")
                continue
            add_start(start)
            add_end(word_end)
            add_code(KIND_CODES[_word_kind(word)])
            if dot:
                add_start(word_end)
                add_end(end)
                add_code("p")
    return starts, ends, codes


def scan(text: str) -> tuple[list[int], list[int], list[str]]:
    """The tokens of ``text`` as three parallel lists: starts, ends and kinds.

    Faster than :func:`tokenize`: no :class:`Token` object is made.

    >>> scan("Mr. Smith's 4.5% rise.")
    ([0, 4, 12, 17, 21], [3, 11, 16, 21, 22], ['abbreviation', 'word', 'number', 'word', 'punct'])
    """
    starts, ends, codes = scan_codes(text)
    return starts, ends, [KIND_NAMES[c] for c in codes]


def tokens_of(text: str, starts, ends, codes) -> list[Token]:
    """:class:`Token` objects for parallel sequences of starts, ends and kind codes of ``text``."""
    names = KIND_NAMES
    return [Token(s, e, text[s:e], names[c]) for s, e, c in zip(starts, ends, codes)]


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
    return tokens_of(text, *scan_codes(text))


def _check_common_punct() -> None:
    wrong = [c for c in _COMMON_PUNCT if not unicodedata.category(c).startswith("P")]
    if wrong:  # pragma: no cover - a guard on the constant above
        raise AssertionError(f"not punctuation: {wrong!r}")


_check_common_punct()
