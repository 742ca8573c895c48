r"""Tokens and sentences, as character offsets into the original text.

Offsets are the truth: every :class:`Token` and :class:`Sentence` carries
``start`` and ``end`` (end exclusive) and ``text[start:end]`` gives back
exactly its ``text``. The text is never rewritten; :attr:`Token.norm` is a
normalised copy for matching only.

Coverage
    Every non-whitespace character of any string belongs to exactly one token,
    no token contains whitespace (whitespace is what :meth:`str.isspace` says),
    and sentences cover all tokens in order, separated by whitespace only.

Tokens
    :mod:`.tokens`: one compiled regular expression whose named groups are
    the kinds (``word``, ``number``, ``abbreviation``, ``punct``, ``symbol``,
    ``url``); :func:`scan` gives them as parallel lists of starts, ends and
    kinds, :func:`tokenize` as :class:`Token` objects. The rules are in that
    module's docstring.

Sentences
    :mod:`.sentences`: rule-based, over the tokens (line breaks, final
    punctuation, abbreviations, initials, list markers, ellipses); the rules
    are in that module's docstring.

Tables
    :mod:`.tables`: :func:`token_frame` and :func:`sentence_frame`, one row
    per token or sentence.
"""

from __future__ import annotations

from .sentences import Sentence, _sentence_spans, sentence_bounds, sentences
from .tables import _column, _frame, sentence_frame, token_frame
from .tokens import (_DOTTED, _HYPHEN, _NORM_TABLE, _PIECE, KIND_CODES, KIND_NAMES, TOKEN_KINDS, Token,
                     _abbreviations, _parse_abbreviations, _word_kind, scan, scan_codes, tokenize,
                     tokens_of)

__all__ = [
    "KIND_CODES",
    "KIND_NAMES",
    "TOKEN_KINDS",
    "Sentence",
    "Token",
    "scan",
    "scan_codes",
    "sentence_bounds",
    "sentence_frame",
    "sentences",
    "token_frame",
    "tokenize",
    "tokens_of",
]
# private names other modules of the package use (the events' word keys reuse the patterns)
_ = (_abbreviations, _column, _frame, _DOTTED, _HYPHEN, _NORM_TABLE, _PIECE, _parse_abbreviations,
     _sentence_spans, _word_kind)
