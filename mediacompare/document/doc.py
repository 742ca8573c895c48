"""The analysed document: one text tokenized, split into sentences and searched for quotations once.

Every feature (labels, mentions, frame cues, speakers, sentiment, readability,
vocabulary, alignment) reads a :class:`Doc` instead of starting again from the
raw text, as spaCy's components read its ``Doc``. What a :class:`Doc` holds:

* the text, never rewritten;
* the tokens as compact parallel sequences: ``starts`` and ``ends`` (arrays of
  offsets) and ``codes`` (one letter per token, :data:`~mediacompare.text.KIND_CODES`);
  :attr:`Doc.tokens` makes :class:`~mediacompare.text.Token` objects on demand;
* the matching keys of the tokens (lowercase, curly quotes and Unicode hyphens
  straightened), computed once when first asked for and dropped by
  :meth:`Doc.release` (they are a fifth of a text's memory);
* the sentences (:meth:`Doc.sentence_id` by offset: a bisect);
* the quotations with their voice (reported speech, scare quotes, uncertain
  repairs) and :meth:`Doc.quote_of` by offset: a bisect on an index built once.

Everything but the tokens is computed the first time it is asked for, so a
feature that needs only tokens pays for nothing else.
"""

from __future__ import annotations

import bisect
import sys
from array import array

from ..text import KIND_CODES, KIND_NAMES, Sentence, Token, scan_codes, sentence_bounds, tokens_of
from ..text.tokens import _STRAIGHTEN_LOWER_SAFE, straighten
from .quotes import Quote, quotes_of
from .voice import Voices, _Innermost, classify, count_within, verb_spans_of

__all__ = ["WORD_CODES", "Doc", "voices"]

#: The kind codes of the tokens counted as words (``word``, ``number``, ``abbreviation``).
WORD_CODES = frozenset("wna")


#: Bytes of a Doc object with its slots; of one matching key (a short str and its pointer);
#: of one quotation (its record, its places in the voice lists and the index) beside its text.
_DOC_BYTES, _KEY_BYTES, _QUOTE_BYTES = 160, 64, 400


def _offsets(values) -> array:
    """Ascending offsets (or token indices) as an array of the narrowest of 2, 4 or 8 bytes."""
    values = values if isinstance(values, list) else list(values)
    top = values[-1] if values else 0
    return array("H" if top < 2**16 else "i" if top < 2**31 - 1 else "q", values)


class _TokenView:
    """The tokens of a :class:`Doc` as a read-only sequence of :class:`Token`, each made when asked."""

    __slots__ = ("_doc",)

    def __init__(self, doc: "Doc"):
        self._doc = doc

    def __len__(self) -> int:
        return len(self._doc.starts)

    def __getitem__(self, i):
        doc = self._doc
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        start, end = doc.starts[i], doc.ends[i]
        return Token(start, end, doc.text[start:end], KIND_NAMES[doc.codes[i]])

    def __iter__(self):
        return iter(self._doc.tokens)


class Doc:
    """One text, analysed once: tokens, sentences and quotations with their voice.

    Parameters
    ----------
    text : str
        Any string; it is not modified.
    tokens : list of Token, optional
        ``tokenize(text)``, when the caller already has it (not tokenized again).

    Examples
    --------
    >>> doc = Doc('The so-called "moderate rebels" attacked. "We will stay," he said.')
    >>> len(doc), doc.n_words, [s.text for s in doc.sentences]
    (17, 10, ['The so-called "moderate rebels" attacked.', '"We will stay," he said.'])
    >>> [q.text for q in doc.scare], [q.text for q in doc.reported]
    (['moderate rebels'], ['We will stay,'])
    >>> doc.quote_of(44, 46).text, doc.quote_of(4, 13), doc.sentence_id(50)
    ('We will stay,', None, 1)
    """

    __slots__ = ("text", "starts", "ends", "codes", "_keys", "_bounds", "_sent_starts", "_sent_ends",
                 "_quotes", "_voice", "_index", "_words")

    def __init__(self, text: str, *, tokens: list[Token] | None = None):
        if not isinstance(text, str):
            raise TypeError(f"text must be a str; got {type(text).__name__}")
        self.text = text
        if tokens is None:
            starts, ends, codes = scan_codes(text)
        else:
            starts, ends = [t.start for t in tokens], [t.end for t in tokens]
            codes = [KIND_CODES[t.kind] for t in tokens]
        self.starts = _offsets(starts)
        self.ends = _offsets(ends)
        self.codes = "".join(codes)
        self._keys = self._bounds = self._sent_starts = self._sent_ends = None
        self._quotes = self._voice = self._index = self._words = None

    def __len__(self) -> int:
        return len(self.codes)

    def __repr__(self) -> str:
        return (f"<Doc: {len(self.text):,} characters, {len(self):,} tokens, "
                f"{len(self.sentence_starts):,} sentences, {len(self.quotes):,} quotations>")

    def nbytes(self) -> int:
        """About how many bytes the analysis holds now: the text, the token, word and sentence
        arrays, the matching keys while kept, and the quotations (what is made on first use
        counts once made). The session's cache of analyses counts these.

        >>> doc = Doc("He said “no”.")
        >>> small = doc.nbytes(); _ = doc.reported; doc.nbytes() > small
        True
        """
        size = _DOC_BYTES + sys.getsizeof(self.text) + sys.getsizeof(self.codes)
        for part in (self.starts, self.ends, self._bounds, self._sent_starts, self._sent_ends,
                     *(self._words or ())):
            if part is not None:
                size += sys.getsizeof(part)
        if self._keys is not None:
            size += sys.getsizeof(self._keys) + _KEY_BYTES * len(self._keys)
        if self._quotes is not None:
            size += _QUOTE_BYTES * len(self._quotes) + sum(len(q.text) for q in self._quotes)
        return size

    def __getstate__(self):
        return {"text": self.text, "starts": self.starts, "ends": self.ends, "codes": self.codes,
                "bounds": self._bounds, "quotes": self._quotes, "voice": self._voice}

    def __setstate__(self, state):
        self.text, self.starts, self.ends, self.codes = (state["text"], state["starts"], state["ends"],
                                                         state["codes"])
        self._keys = self._sent_starts = self._sent_ends = self._index = self._words = None
        self._bounds, self._quotes, self._voice = state["bounds"], state["quotes"], state["voice"]

    # ------------------------------------------------------------------ tokens

    @property
    def kinds(self) -> list[str]:
        """The kind of every token (:data:`~mediacompare.text.TOKEN_KINDS`)."""
        return [KIND_NAMES[c] for c in self.codes]

    @property
    def tokens(self) -> list[Token]:
        """The tokens as :class:`Token` objects (made on each call: keep the list if you reuse it)."""
        return tokens_of(self.text, self.starts, self.ends, self.codes)

    def token_view(self) -> _TokenView:
        """The tokens as a sequence whose items are made when indexed (cheap for a few lookups)."""
        return _TokenView(self)

    def keys(self) -> list[str]:
        """Each token lowercased, with curly quotes and Unicode hyphens straightened: the form
        lexicons, frame cues and the gazetteer match on. Kept until :meth:`release`."""
        if self._keys is None:
            text, starts, ends = self.text, self.starts, self.ends
            low = straighten(text).lower()
            if len(low) == len(text) and _STRAIGHTEN_LOWER_SAFE(text):
                self._keys = [low[s:e] for s, e in zip(starts, ends)]
            else:  # lowercasing changed lengths (İ) or depends on context (Σ): token by token
                self._keys = [straighten(text[s:e]).lower() for s, e in zip(starts, ends)]
        return self._keys

    def release(self) -> None:
        """Drop what is cheap to compute again (the matching keys), to keep a cached corpus small."""
        self._keys = None

    def word_offsets(self) -> tuple[array, array]:
        """The starts and the ends of the word tokens (kinds ``word``, ``number``, ``abbreviation``),
        as arrays (sorted: bisect works on them)."""
        if self._words is None:
            starts, ends = self.starts, self.ends
            words = [i for i, c in enumerate(self.codes) if c in WORD_CODES]
            self._words = (_offsets([starts[i] for i in words]), _offsets([ends[i] for i in words]))
        return self._words

    @property
    def n_words(self) -> int:
        """The number of word tokens (kinds ``word``, ``number``, ``abbreviation``)."""
        codes = self.codes
        return len(codes) - codes.count("p") - codes.count("s") - codes.count("u")

    # ------------------------------------------------------------------ sentences

    def _sentence_tokens(self) -> array:
        """The first and last token index of every sentence, flat (``[a0, b0, a1, b1, ...]``)."""
        if self._bounds is None:
            bounds = sentence_bounds(self.text, self.starts, self.ends, self.codes)
            self._bounds = _offsets([i for pair in bounds for i in pair])
        return self._bounds

    @property
    def n_sentences(self) -> int:
        """The number of sentences."""
        return len(self._sentence_tokens()) // 2

    @property
    def sentence_bounds(self) -> list[tuple[int, int]]:
        """``(first, last)`` token indices of every sentence (made on each call from the
        compact form the Doc keeps)."""
        flat = self._sentence_tokens()
        return list(zip(flat[::2], flat[1::2]))

    @property
    def sentence_starts(self) -> array:
        """The start offset of every sentence, in order."""
        if self._sent_starts is None:
            starts, ends = self.starts, self.ends
            flat = self._sentence_tokens()
            self._sent_starts = _offsets([starts[a] for a in flat[::2]])
            self._sent_ends = _offsets([ends[b] for b in flat[1::2]])
        return self._sent_starts

    @property
    def sentence_ends(self) -> array:
        """The end offset of every sentence, in order."""
        self.sentence_starts  # noqa: B018  (computes both)
        return self._sent_ends

    @property
    def sentences(self) -> list[Sentence]:
        """The sentences as :class:`~mediacompare.text.Sentence` objects (made on each call)."""
        text = self.text
        return [Sentence(s, e, text[s:e]) for s, e in zip(self.sentence_starts, self.sentence_ends)]

    def sentence_words(self) -> list[list[str]]:
        """The matching keys of the word tokens of each sentence (what the sentence's own
        tokenization would give: tokens never cross a sentence's edges)."""
        keys, codes = self.keys(), self.codes
        return [[keys[i] for i in range(a, b + 1) if codes[i] in WORD_CODES]
                for a, b in self.sentence_bounds]

    def sentence_id(self, offset: int) -> int:
        """The id of the sentence holding ``offset`` (the nearest one before it in a gap)."""
        return max(bisect.bisect_right(self.sentence_starts, offset) - 1, 0)

    # ------------------------------------------------------------------ quotations and voice

    @property
    def quotes(self) -> list[Quote]:
        """Every quotation (:func:`~mediacompare.document.quotes.find_quotes`), in order of start."""
        if self._quotes is None:
            self._quotes = quotes_of(self.text, *self.word_offsets())
        return self._quotes

    def _voiced(self) -> tuple:
        if self._voice is None:
            keys = None

            def verbs():
                nonlocal keys
                keys = self.keys()
                return verb_spans_of(keys, self.starts, self.ends)

            self._voice = classify(self.quotes, self.sentence_starts, self.sentence_ends, verbs,
                                   self.n_words)
        return self._voice

    @property
    def reported(self) -> list[Quote]:
        """Quotations of reported speech: their words are quoted voice."""
        return self._voiced()[0]

    @property
    def scare(self) -> list[Quote]:
        """Scare quotes: short quotations with no one said to be speaking (the outlet's voice)."""
        return self._voiced()[1]

    @property
    def uncertain(self) -> list[Quote]:
        """Repaired quotations too long to count as quoted voice (their words stay the outlet's)."""
        return self._voiced()[2]

    @property
    def problems(self) -> list[str]:
        """What was repaired in the quotations' marks, in order."""
        return self._voiced()[3]

    def quote_of(self, start: int, end: int) -> Quote | None:
        """The innermost reported quotation whose quoted words hold ``[start, end)`` (a bisect)."""
        if self._index is None:
            self._index = _Innermost(self.reported)
        return self._index.find(start, end)

    def quoted_word_count(self) -> int:
        """Words inside reported quotations (nested ones counted once)."""
        if self._index is None:
            self._index = _Innermost(self.reported)
        return count_within(*self.word_offsets(), self._index.outer())

    def voices(self, tokens: list[Token] | None = None) -> Voices:
        """The quotations sorted by voice as a :class:`~mediacompare.document.voice.Voices`
        (with the token and sentence lists, for the speaker rules)."""
        return Voices(self.text, self.tokens if tokens is None else tokens, self.sentences,
                      list(self.reported), list(self.scare), list(self.problems), list(self.uncertain))


def voices(text: str, tokens: list[Token] | None = None) -> Voices:
    """Find the quotations of ``text`` and tell reported speech from scare quotes.

    >>> v = voices('The so-called "moderate rebels" attacked. "We will stay," he said.')
    >>> [q.text for q in v.scare], [q.text for q in v.reported]
    (['moderate rebels'], ['We will stay,'])
    """
    doc = Doc(text, tokens=tokens)
    return doc.voices(tokens)
