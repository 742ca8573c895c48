"""The baselines the benchmarks measure the labeller against, and the check that spans agree.

* :func:`regex_loop` (from ``bench_lexicon_size.py``): the per-term
  regular-expression loop a user would write, one pattern per form, each
  scanned over the text (no exceptions, no overlap rule: a speed contrast,
  not the same spans).
* :class:`SpacyMatcher`: spaCy's blank English tokenizer (``spacy.blank("en")``,
  no model to download) with a ``PhraseMatcher`` holding the same lexicon.

Making the comparison fair, and saying where it is not the same
    The lexicon's matching rules that a ``PhraseMatcher`` cannot express are
    left out of the comparison on both sides: entries with ``unless_next`` or
    ``unless_previous`` exceptions (the matcher has no context conditions).
    What remains is given to both in the same form: case-insensitive entries
    match spaCy's ``LOWER`` attribute, case-sensitive ones ``ORTH``; curly
    quotes and Unicode hyphens are straightened in a copy of the text (the
    same length, so offsets hold), as the lexicon's own keys are; and both
    sides keep the leftmost-longest match within a category (the lexicon's
    own rule, applied to spaCy's matches by the same function). What can
    still differ is tokenization: spaCy splits hyphenated words
    ("pro-regime" gives "regime", like the lexicon's part matches, but also
    "regime forces" inside "pro-regime forces", which the lexicon does not
    match), and the lexicon does not take a one-word entry out of a
    hyphenated word that is an entry of its own. :func:`compare_spans` lists
    every span found by one side only; the benchmark reports them, then
    times both sides again on the entries on which they agree completely,
    where the output is identical by construction and checked again.
"""

from __future__ import annotations

from dataclasses import dataclass

from bench_lexicon_size import regex_loop
from mediacompare.features.lexicon import _STRAIGHTEN, Lexicon, Match, _leftmost_longest

__all__ = ["SpacyMatcher", "comparable", "compare_spans", "lexicon_spans", "regex_loop",
           "restrict"]


def comparable(lexicon: Lexicon) -> Lexicon:
    """The entries a PhraseMatcher can express: those without context exceptions."""
    return restrict(lexicon, [e for e in lexicon.entries
                              if not e.unless_next and not e.unless_previous])


def restrict(lexicon: Lexicon, entries) -> Lexicon:
    return Lexicon(tuple(entries), lexicon.files)


def lexicon_spans(lexicon: Lexicon, text: str, tokens=None) -> list[tuple[int, int, str]]:
    """The lexicon's own matches as ``(start, end, entry origin)``."""
    return [(m.start, m.end, m.entry.origin) for m in lexicon.match(text, tokens)]


@dataclass
class SpacyMatcher:
    """spaCy's blank English tokenizer and PhraseMatchers (LOWER and ORTH) for a lexicon."""

    lexicon: Lexicon

    def __post_init__(self) -> None:
        import spacy
        from spacy.matcher import PhraseMatcher

        self.nlp = spacy.blank("en")
        self.matchers = {False: PhraseMatcher(self.nlp.vocab, attr="LOWER"),
                         True: PhraseMatcher(self.nlp.vocab, attr="ORTH")}
        self.entries = {}
        for k, entry in enumerate(self.lexicon.entries):
            key = f"e{k}"
            self.entries[self.nlp.vocab.strings.add(key)] = entry
            forms = [self.nlp.make_doc(f.translate(_STRAIGHTEN)) for f in (entry.term, *entry.forms)]
            self.matchers[entry.case_sensitive].add(key, forms)

    def match(self, text: str) -> list[Match]:
        """Matches in ``text``, leftmost-longest within a category, like :meth:`Lexicon.match`."""
        doc = self.nlp.make_doc(text.translate(_STRAIGHTEN))
        found = []
        for matcher in self.matchers.values():
            for key, start, end in matcher(doc):
                span = doc[start:end]
                found.append(Match(span.start_char, span.end_char, self.entries[key]))
        return _leftmost_longest(found)

    def spans(self, text: str) -> list[tuple[int, int, str]]:
        return [(m.start, m.end, m.entry.origin) for m in self.match(text)]


def compare_spans(ours: list[tuple[int, int, str]], theirs: list[tuple[int, int, str]]):
    """``(n agreeing, only ours, only theirs)`` for two lists of ``(start, end, origin)``."""
    a, b = set(ours), set(theirs)
    return len(a & b), sorted(a - b), sorted(b - a)
