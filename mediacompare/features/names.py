"""Names with their variants: a spelling- and transliteration-tolerant key, and a matcher on it.

News spells the same person many ways: Gaddafi, Qaddafi, Kadhafi; Zelensky, Zelenskyy,
Zelenskiy; al-Assad, Al Assad, Assad; Erdoğan, Erdogan. :func:`name_key` maps each to one key:
case and diacritics dropped, the particles al-, el-, ul- (glued or apart) left out, hyphens,
apostrophes and dots removed, common transliteration pairs merged (``ph``/``f``, ``dh``/``d``,
``th``/``t``, ``kh``/``k``, ``gh``/``g``, ``q``/``k``, an initial ``g``/``c``/``q`` as ``k``,
``ou``/``oo`` as ``u``, ``ee`` as ``i``, ``y`` as ``i``) and doubled letters made single.
:class:`VariantMatcher` finds the aliases of a gazetteer in a text by these keys, word by
word, and, for a single capitalised word of six or more key letters that matches no key
exactly, by edit distance with `rapidfuzz <https://github.com/rapidfuzz/RapidFuzz>`_ (a
normalised Levenshtein similarity of at least :data:`FUZZY_MIN`): "Nasrullah" for
"Nasrallah", "Khamenehi" for "Khamenei". The form is always recorded as written.

The price of a tolerant key: two different names can share one (a "Kates" would be a
"Gates"); the matcher only ever looks at capitalised words and at the gazetteer's own
aliases, and the exact (case-sensitive) match always comes first.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Sequence

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from ..text import Token, tokenize

__all__ = ["FUZZY_MIN", "VariantMatcher", "name_key"]

#: The least normalised Levenshtein similarity (0-1) of a one-word fuzzy match.
FUZZY_MIN = 0.85
_FUZZY_LENGTH = 6
_PARTICLES = ("al", "el", "ul")
_PAIRS = (("ph", "f"), ("dh", "d"), ("th", "t"), ("kh", "k"), ("gh", "g"), ("q", "k"), ("ou", "u"),
          ("oo", "u"), ("ee", "i"), ("y", "i"))
_DOUBLE = re.compile(r"(.)\1+")
_DROP = re.compile(r"['\u2019\u2018.\-\u2010\u2011]")


@functools.lru_cache(maxsize=1 << 16)  # a pure function of the word; news repeats its words
def name_key(word: str) -> str:
    """The variant-tolerant key of one word of a name ("" for a particle alone).

    >>> [name_key(w) for w in ["Gaddafi", "Qaddafi", "Kadhafi", "Gadhafi"]]
    ['kadafi', 'kadafi', 'kadafi', 'kadafi']
    >>> [name_key(w) for w in ["Zelensky", "Zelenskyy", "Zelenskiy", "al-Assad", "Al", "Erdoğan"]]
    ['zelenski', 'zelenski', 'zelenski', 'asad', '', 'erdogan']
    """
    text = unicodedata.normalize("NFKD", word.casefold())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    for suffix in ("'s", "\u2019s"):
        text = text.removesuffix(suffix)
    for particle in _PARTICLES:
        for glue in ("-", "\u2010", "\u2011", "'", "\u2019"):
            if text.startswith(particle + glue) and len(text) > len(particle) + 1:
                text = text[len(particle) + 1:]
    if text in _PARTICLES:
        return ""
    text = _DROP.sub("", text)
    for a, b in _PAIRS:
        text = text.replace(a, b)
    if text[:1] in ("g", "c", "q"):
        text = "k" + text[1:]
    return _DOUBLE.sub(r"\1", text)


def _keys(tokens: Sequence[Token]) -> tuple[str, ...]:
    return tuple(k for k in (name_key(t.text) for t in tokens if t.kind in ("word", "abbreviation")) if k)


class VariantMatcher:
    """The aliases of a gazetteer, found by :func:`name_key` (see the module docstring).

    Parameters
    ----------
    aliases : iterable of (alias, value)
        Each alias as written in the gazetteer and what a match of it stands for.

    Examples
    --------
    >>> m = VariantMatcher([("Bashar al-Assad", "assad"), ("Muammar Gaddafi", "gaddafi")])
    >>> text = "President Bashar Al Assad met Muammar Qaddafi."
    >>> [(text[a:b], v) for a, b, v in m.find(text)]
    [('Bashar Al Assad', 'assad'), ('Muammar Qaddafi', 'gaddafi')]
    """

    def __init__(self, aliases: Iterable[tuple[str, object]]):
        self.index: dict[tuple[str, ...], object] = {}
        for alias, value in aliases:
            key = _keys(tokenize(alias))
            if key and len("".join(key)) >= 3:
                self.index.setdefault(key, value)
        self.longest = max((len(k) for k in self.index), default=0)
        self.prefixes = {k[:n] for k in self.index for n in range(1, len(k) + 1)}
        self.singles = sorted(k[0] for k in self.index if len(k) == 1 and len(k[0]) >= _FUZZY_LENGTH)
        self._fuzzy: dict[str, str | None] = {}

    def _fuzzy_key(self, key: str) -> str | None:
        if key not in self._fuzzy:
            found = process.extractOne(key, self.singles, scorer=Levenshtein.normalized_similarity,
                                       score_cutoff=FUZZY_MIN) if self.singles else None
            close = None if found is None else found[0]
            if close is not None and (close == key + "s" or key == close + "s"):
                close = None                                      # a plural is another word
            self._fuzzy[key] = close
        return self._fuzzy[key]

    def find(self, text: str, tokens: Sequence[Token] | None = None) -> list[tuple[int, int, object]]:
        """``(start, end, value)`` of each alias found, longest first at each word, not overlapping.

        Only words that start with a capital letter (or a particle glued to one, "al-Assad")
        start a match; particles standing alone inside a name are passed over. Cost: the
        number of words times the longest alias, plus a cached fuzzy look-up per distinct
        unmatched capitalised word.
        """
        tokens = tokenize(text) if tokens is None else tokens
        words = [t for t in tokens if t.kind in ("word", "abbreviation")]
        memo: dict[int, str] = {}

        def key_of(k: int) -> str:  # name keys only of the words a match can start or reach
            if k not in memo:
                memo[k] = name_key(words[k].text)
            return memo[k]

        found: list[tuple[int, int, object]] = []
        i = 0
        while i < len(words):
            token = words[i]
            first = token.text
            if not (first[:1].isupper() or ("-" in first and _capitalised(first))):
                i += 1
                continue
            key = key_of(i)
            if not key:
                i += 1
                continue
            match = None
            keys: list[str] = []
            j = i
            while j < len(words) and len(keys) < self.longest and j - i < 4 * self.longest + 4:
                if key_of(j):
                    keys.append(memo[j])
                    sequence = tuple(keys)
                    if sequence not in self.prefixes:
                        break                                     # no alias goes on this way
                    if sequence in self.index:
                        match = (j, self.index[sequence])
                elif j > i and not words[j].text.istitle() and not words[j].text.islower():
                    break
                j += 1
                if j < len(words) and words[j].start - words[j - 1].end > 1:
                    break                                         # words of one name are close
            if match is None and len(key) >= _FUZZY_LENGTH:
                close = self._fuzzy_key(key)
                if close is not None:
                    match = (i, self.index[(close,)])
            if match is None:
                i += 1
                continue
            end, value = match
            last = words[end]
            cut = 2 if last.text.endswith(("'s", "\u2019s")) and len(last.text) > 2 else 0
            found.append((token.start, last.end - cut, value))      # the possessive 's left out
            i = end + 1
        return found


def _capitalised(word: str) -> bool:
    head = word.split("-", 1)
    if len(head) == 2 and head[0].lower() in _PARTICLES:
        return head[1][:1].isupper() or head[0][:1].isupper()
    return word[:1].isupper()
