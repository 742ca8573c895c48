"""Phrase extents: a cue word's label covers the phrase it sits in, by explicit syntax rules.

Annotators of loaded language mark phrases ("a flood of migrants", "corrupt
western elite", "absolutely disgraceful"), while a lexicon finds words. After a
lexicon entry of an extended category (:data:`EXTENDED_CATEGORIES`) matches,
its label is widened over the words its cue governs or is modified by, using
general English phrase structure only, never a list of topics. The rules, in
the order they are tried, are :data:`EXTENT_RULES` (each name with what it
adds; ``docs/lexicon-format.md`` gives an example of each): the adverbs before
a cue ("absolutely disgraceful"), the adjectives and nouns of a noun cue's
compound ("useful idiot", "deep state plot", "jihadist attacks"), an adjective
cue's head noun ("corrupt western elite"), an "of" complement ("flood of
migrants"), a verb cue's object ("malign him"), what an adverb cue modifies
("shamelessly denied"), a conjunct joined by "and" or "or" ("corrupt and
incompetent officials") and a comma series of adjectives ("a frenzied,
demagogic assault").

Word classes (:mod:`.word_tags`) come from two places: closed classes (determiners, pronouns,
prepositions, conjunctions, auxiliaries, negation, degree adverbs) from the data
file ``resources/word_classes.csv``, each list with its grammar source; open
classes (noun, verb, adjective, adverb) from LemmInflect's dictionary
(:func:`.forms.word_classes`, shipped inside the PyPI package). A word the
dictionary does not know counts as an adverb when it ends in -ly, as an
adjective or noun when hyphenated, and as a noun otherwise; a capitalised word
that does not open a sentence counts as a noun (a name). A phrase never crosses
punctuation or a line break: only words separated by spaces are joined (a comma
between two adjectives of a series is the one exception).

The rules were chosen on one half of the Propaganda Techniques Corpus training
articles, each kept when it raised word-level agreement there
(``benchmarks/validity.py`` measures each alone on both halves); their content
is English phrase structure, not the corpus's words.

A rule that fires is named in the label's ``rule`` column, and the cue word's
own offsets are kept (``cue_start``, ``cue_end``), so a table or an exercise
that works on words can still use them.
"""

from __future__ import annotations

from ..text import Token
from .word_tags import _STRAIGHT, CLOSED_CLASSES, closed_classes, word_tags

__all__ = ["CLOSED_CLASSES", "EXTENDED_CATEGORIES", "EXTENT_RULES", "closed_classes",
           "phrase_extent", "word_tags"]

#: The categories whose labels are extended over their phrase (the loaded words;
#: hedges, reporting verbs, intensifiers and vague sourcing stay single cues).
EXTENDED_CATEGORIES = ("emotive", "labeling")
#: Every extension rule and what it adds, in the order they are tried.
EXTENT_RULES = {
    "adverb_before": "a degree adverb or an -ly adverb right before an adjective, adverb or verb cue",
    "modifier_before": "the adjectives (up to two) right before a noun cue",
    "compound_before": "the nouns or adjectives (up to two more) before a noun cue: a compound's modifiers",
    "head_after": ("the adjectives and nouns (up to three) after an adjective cue, to the head noun "
                   "(after a noun, a word that may be a verb ends it)"),
    "compound_after": "the nouns (up to two) after a noun cue that make it a compound's modifier",
    "of_after": ("an 'of' complement after a noun cue, or after an adjective cue's head noun (of, a "
                 "determiner, up to three adjectives or nouns)"),
    "object_after": "the object after a verb cue (a determiner and up to two nouns, or a pronoun)",
    "modified_after": "the adjective or verb an adverb cue modifies, right after it",
    "coordinate_after": ("'and' or 'or' and a conjunct of the cue's class after an adjective or noun "
                         "cue (with an adjective's head noun)"),
    "coordinate_before": "a conjunct of the cue's class and 'and' or 'or' right before an adjective or noun cue",
    "series_after": "after an adjective cue, a comma series of adjectives (up to two) and its head noun",
    "series_before": "a comma series of adjectives (up to two) right before an adjective cue",
}
_COORDINATORS = frozenset({"and", "or"})
_OBJECT_PRONOUNS = frozenset({"me", "you", "him", "her", "it", "us", "them"})
_NOMINAL = frozenset({"NOUN", "ADJ", "PROPN"})
_NOT_IN_PHRASE = frozenset(CLOSED_CLASSES) | {"ADV"}




def _cue_class(words, first: int, last: int, pos: str) -> str:
    """What the cue is, for the rules: its entry's ``pos`` if given, else decided by its neighbours.

    A word that may be an adjective is one before a noun or adjective
    ("corrupt officials"); a word that may be a verb is one before a
    determiner or a pronoun ("corrupt the vote"); a word that may be an
    adjective or a noun is an adjective after an auxiliary, a degree adverb or
    "not" ("is elite", "so elite"), a noun otherwise ("the western elite");
    else an adjective, a noun, a verb, an adverb, in this order.
    """
    if pos:
        return {"adj": "ADJ", "noun": "NOUN", "verb": "VERB", "adv": "ADV"}[pos]
    tags = words.tags(last)
    after = words.tags(last + 1) if words.joined(last, last + 1) else frozenset()
    if "ADJ" in tags and _is_open(after):
        return "ADJ"
    if "VERB" in tags and (after & {"determiner", "pronoun"}):
        return "VERB"
    before = words.tags(first - 1) if words.joined(first - 1, first) else frozenset()
    if "ADJ" in tags and ("NOUN" not in tags or before & {"auxiliary", "degree_adverb", "negation"}):
        return "ADJ"
    for cls in ("NOUN", "VERB", "ADV"):
        if cls in tags:
            return cls
    return ""


class _Words:
    """The word tokens of a text with their classes, and which of them are joined by spaces only."""

    def __init__(self, text: str, tokens: list[Token]):
        self.text = text
        self.tokens = tokens
        self._tags: dict[int, frozenset[str]] = {}

    def tags(self, i: int) -> frozenset[str]:
        found = self._tags.get(i)
        if found is None:
            token = self.tokens[i]
            if token.kind not in ("word", "abbreviation"):
                found = frozenset({"OTHER"})
            else:
                k = token.start - 1  # the first character before the word that is not a space
                while k >= 0 and self.text[k] in " \t":
                    k -= 1
                opens = k < 0 or self.text[k] in ".!?\r\n\"'\u201c\u2018:"
                found = word_tags(token.text, opens)
            self._tags[i] = found
        return found

    def joined(self, i: int, j: int) -> bool:
        """Are tokens i and j (j = i + 1) two words separated only by spaces?"""
        if not (0 <= i and j < len(self.tokens)):
            return False
        gap = self.text[self.tokens[i].end:self.tokens[j].start]
        return (bool(gap) and gap.strip(" \t") == "" and "OTHER" not in self.tags(i)
                and "OTHER" not in self.tags(j))

    def comma_joined(self, i: int, j: int) -> bool:
        """Are tokens i and j (j = i + 2) two words separated by a comma and spaces only ("vile, ugly")?"""
        if not (0 <= i and j < len(self.tokens)) or self.text[self.tokens[i + 1].start:self.tokens[i + 1].end] != ",":
            return False
        gaps = (self.text[self.tokens[i].end:self.tokens[i + 1].start],
                self.text[self.tokens[i + 1].end:self.tokens[j].start])
        return (gaps[0] == "" and bool(gaps[1]) and not gaps[1].strip(" \t")
                and "OTHER" not in self.tags(i) and "OTHER" not in self.tags(j))

    def lower(self, i: int) -> str:
        return self.tokens[i].text.translate(_STRAIGHT).lower()


class _Stopped:
    """A :class:`_Words` view in which the tokens of ``stop`` (other than the cue's) join nothing."""

    def __init__(self, words: _Words, stop, first: int, last: int):
        self._words, self._stop, self._cue = words, stop, range(first, last + 1)
        self.tags, self.lower = words.tags, words.lower

    def _free(self, k: int) -> bool:
        return k in self._cue or k not in self._stop

    def joined(self, i: int, j: int) -> bool:
        return self._free(i) and self._free(j) and self._words.joined(i, j)

    def comma_joined(self, i: int, j: int) -> bool:
        return self._free(i) and self._free(j) and self._words.comma_joined(i, j)


def _is_open(tags: frozenset[str], wanted: frozenset[str] = _NOMINAL) -> bool:
    """An open-class word of a wanted class that is no closed-class word and cannot be an adverb
    ("still", "now", "here" end a phrase rather than extend it)."""
    return bool(tags & wanted) and not tags & _NOT_IN_PHRASE


def phrase_extent(text: str, tokens: list[Token], first: int, last: int, pos: str = "",
                  rules=tuple(EXTENT_RULES), *, stop=frozenset(), _words: _Words | None = None
                  ) -> tuple[int, int, tuple[str, ...]]:
    """Widen a cue (tokens ``first`` to ``last``) over its phrase.

    Returns the first and last token of the phrase and the rules that widened it
    (empty when none did), in the order of :data:`EXTENT_RULES`. ``pos`` is the
    entry's part of speech, if it has one; ``stop`` holds token indices a phrase
    may not take in (the cues of other labels of the same category, so labels
    of one category never overlap).

    >>> from mediacompare.text import tokenize
    >>> text = "They called it absolutely disgraceful conduct."
    >>> toks = tokenize(text)
    >>> a, b, used = phrase_extent(text, toks, 4, 4)
    >>> text[toks[a].start:toks[b].end], used
    ('absolutely disgraceful conduct', ('adverb_before', 'head_after'))
    """
    base = _words or _Words(text, tokens)
    words = base if not stop else _Stopped(base, stop, first, last)
    cue = _cue_class(words, first, last, pos)
    lo, hi, used = first, last, []
    for name, (classes, side, widen) in _RULES.items():
        if name not in rules or cue not in classes:
            continue
        if side == "before":
            new = widen(words, lo, cue)
            if new < lo:
                lo = new
                used.append(name)
        else:
            new = widen(words, hi, cue)
            if new > hi:
                hi = new
                used.append(name)
    return lo, hi, tuple(used)


def _adverbs_before(words, lo: int, cue: str = "") -> int:
    """Up to two degree adverbs or -ly adverbs right before token ``lo``."""
    j, n = lo - 1, 0
    while n < 2 and words.joined(j, j + 1):
        tags = words.tags(j)
        if "degree_adverb" in tags or (tags == {"ADV"} and words.lower(j).endswith("ly")):
            lo, j, n = j, j - 1, n + 1
        else:
            break
    return lo


def _adjectives_before(words, lo: int, cue: str = "") -> int:
    """Up to two adjectives right before token ``lo``."""
    j, n = lo - 1, 0
    while n < 2 and words.joined(j, j + 1) and _is_open(words.tags(j), frozenset({"ADJ"})):
        lo, j, n = j, j - 1, n + 1
    return lo


def _compound_before(words, lo: int, cue: str = "") -> int:
    """Up to two nouns (or adjectives) right before token ``lo``, a compound's modifiers."""
    j, n = lo - 1, 0
    while n < 2 and words.joined(j, j + 1) and _is_open(words.tags(j)):
        lo, j, n = j, j - 1, n + 1
    return lo


def _compound_after(words, hi: int, cue: str = "") -> int:
    """Nouns (up to two) after a noun cue that make it a compound's modifier ("jihadist attacks")."""
    j, n = hi + 1, 0
    while (n < 2 and words.joined(j - 1, j) and _is_open(words.tags(j), frozenset({"NOUN", "PROPN"}))
           and not words.tags(j) & {"ADJ"}):
        hi, j, n = j, j + 1, n + 1
    return hi


def _head_after(words, hi: int, cue: str = "") -> int:
    """The adjectives and nouns (up to three) after ``hi``, to the head noun."""
    j, n, noun = hi + 1, 0, False
    while n < 3 and words.joined(j - 1, j) and _is_open(words.tags(j)):
        if noun and "VERB" in words.tags(j):
            break  # after a noun, a word that may be a verb starts the predicate ("regime fell")
        noun = noun or bool(words.tags(j) & {"NOUN", "PROPN"})
        hi, j, n = j, j + 1, n + 1
    return hi


def _of_after(words, hi: int, cue: str = "") -> int:
    """An 'of' complement after ``hi``: of, a determiner, up to three adjectives or nouns.

    After an adjective cue only when its phrase ends on a noun ("corrupt leaders of the party",
    not "proud of it")."""
    if not (words.joined(hi, hi + 1) and words.lower(hi + 1) == "of") or (
            cue == "ADJ" and not words.tags(hi) & {"NOUN", "PROPN"}):
        return hi
    j, n, end = hi + 2, 0, hi
    if words.joined(j - 1, j) and "determiner" in words.tags(j):
        j += 1
    while n < 3 and words.joined(j - 1, j) and _is_open(words.tags(j)):
        end, j, n = j, j + 1, n + 1
    return end


def _object_after(words, hi: int, cue: str = "") -> int:
    """A verb's object after ``hi``: an object pronoun, or a determiner and up to two nouns."""
    j, n, end = hi + 1, 0, hi
    if words.joined(j - 1, j) and words.lower(j) in _OBJECT_PRONOUNS:
        return j
    if words.joined(j - 1, j) and "determiner" in words.tags(j):
        j += 1
    while n < 2 and words.joined(j - 1, j) and _is_open(words.tags(j), frozenset({"NOUN", "PROPN"})):
        end, j, n = j, j + 1, n + 1
    return end


def _modified_after(words, hi: int, cue: str = "") -> int:
    """The adjective, verb or adverb an adverb cue modifies, right after it ("shamelessly denied")."""
    if words.joined(hi, hi + 1) and _is_open(words.tags(hi + 1), frozenset({"ADJ", "VERB"})):
        return hi + 1
    return hi


def _conjunct_after(words, hi: int, cue: str) -> int:
    """'and'/'or' and a conjunct of the cue's class after ``hi`` ("corrupt and incompetent
    officials", "lies and smears"): an optional degree adverb, then the word, then (for an
    adjective) its head nouns."""
    if not (words.joined(hi, hi + 1) and words.lower(hi + 1) in _COORDINATORS):
        return hi
    j = hi + 2
    if words.joined(j - 1, j) and "degree_adverb" in words.tags(j):
        j += 1
    if not (words.joined(j - 1, j) and _is_open(words.tags(j), frozenset({cue}))):
        return hi
    return _head_after(words, j) if cue == "ADJ" else j


def _conjunct_before(words, lo: int, cue: str) -> int:
    """A word of the cue's class and 'and'/'or' right before ``lo`` ("incompetent and corrupt")."""
    if not (words.joined(lo - 1, lo) and words.lower(lo - 1) in _COORDINATORS
            and words.joined(lo - 2, lo - 1) and _is_open(words.tags(lo - 2), frozenset({cue}))):
        return lo
    start = lo - 2
    if cue == "ADJ":
        start = _adverbs_before(words, start)
    return start


def _series_after(words, hi: int, cue: str = "") -> int:
    """After an adjective cue, a comma, adjectives and the head noun ("vile, ugly lies")."""
    j, n = hi, 0
    while n < 2 and words.comma_joined(j, j + 2) and _is_open(words.tags(j + 2), frozenset({"ADJ"})):
        j, n = j + 2, n + 1
    if n == 0:
        return hi
    end = _head_after(words, j)
    return end if end > j else hi  # a series needs its head noun


def _series_before(words, lo: int, cue: str = "") -> int:
    """Adjectives and commas before an adjective cue ("vile, ugly ...")."""
    j, n = lo, 0
    while n < 2 and words.comma_joined(j - 2, j) and _is_open(words.tags(j - 2), frozenset({"ADJ"})):
        j, n = j - 2, n + 1
    return j


#: Each rule: the cue classes it applies to, the side it widens, the function that widens.
#: Rules are tried in this order; each starts from the phrase the rules before it made.
_RULES = {
    "adverb_before": (("ADJ", "ADV", "VERB"), "before", _adverbs_before),
    "modifier_before": (("NOUN",), "before", _adjectives_before),
    "compound_before": (("NOUN",), "before", _compound_before),
    "head_after": (("ADJ",), "after", _head_after),
    "compound_after": (("NOUN",), "after", _compound_after),
    "of_after": (("NOUN", "ADJ"), "after", _of_after),
    "object_after": (("VERB",), "after", _object_after),
    "modified_after": (("ADV",), "after", _modified_after),
    "coordinate_after": (("ADJ", "NOUN"), "after", _conjunct_after),
    "coordinate_before": (("ADJ", "NOUN"), "before", _conjunct_before),
    "series_after": (("ADJ",), "after", _series_after),
    "series_before": (("ADJ",), "before", _series_before),
}
