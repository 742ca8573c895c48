"""Word classes for the phrase-extent rules (:mod:`.extent`).

Closed classes (determiners, pronouns, prepositions, conjunctions, auxiliaries,
negation, degree adverbs) come from the data file ``resources/word_classes.csv``,
each list with its grammar source; open classes (noun, verb, adjective, adverb)
from LemmInflect's dictionary (:func:`.forms.word_classes`, shipped inside the
PyPI package). A word the dictionary does not know counts as an adverb when it
ends in -ly, as an adjective or noun when hyphenated, and as a noun otherwise;
a capitalised word that does not open a sentence counts as a noun (a name).
"""

from __future__ import annotations

import csv
from functools import lru_cache

from .._paths import resource
from ..errors import ResourceError
from .forms import word_classes

__all__ = ["CLOSED_CLASSES", "closed_classes", "word_tags"]

CLOSED_CLASSES = ("determiner", "pronoun", "preposition", "conjunction", "auxiliary", "negation",
                  "degree_adverb")
_STRAIGHT = str.maketrans({"\u2018": "'", "\u2019": "'"})


@lru_cache(maxsize=1)
def closed_classes() -> dict[str, frozenset[str]]:
    """The closed-class words of ``resources/word_classes.csv``: word -> its classes.

    >>> sorted(closed_classes()["that"])
    ['determiner']
    """
    path = resource("word_classes.csv")
    out: dict[str, set[str]] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader, None)
        if header != ["word", "class", "source"]:
            raise ResourceError(f"{path}, line 1: expected the columns word, class, source; "
                                f"found {', '.join(header or [])}")
        for row in reader:
            where = f"{path}, line {reader.line_num}"
            if len(row) != 3 or not all(cell.strip() for cell in row):
                raise ResourceError(f"{where}: expected three non-empty fields (word, class, source)")
            if row[1] not in CLOSED_CLASSES:
                raise ResourceError(f"{where}, column 'class': unknown class {row[1]!r}; expected "
                                    f"one of {', '.join(CLOSED_CLASSES)}")
            out.setdefault(row[0].lower(), set()).add(row[1])
    return {word: frozenset(classes) for word, classes in out.items()}


@lru_cache(maxsize=65536)
def word_tags(word: str, opens_sentence: bool = False) -> frozenset[str]:
    """The word classes a word may have: closed classes by name, open ones as NOUN, VERB, ADJ, ADV.

    A closed-class word has only its closed classes; ``PROPN`` marks a
    capitalised word that does not open a sentence.

    >>> sorted(word_tags("absolutely")), sorted(word_tags("elite")), sorted(word_tags("the"))
    (['degree_adverb'], ['ADJ', 'NOUN'], ['determiner'])
    >>> sorted(word_tags("Smith")), sorted(word_tags("Smith", opens_sentence=True))
    (['NOUN', 'PROPN'], ['NOUN'])
    """
    lower = word.translate(_STRAIGHT).lower()
    closed = closed_classes().get(lower)
    if closed:
        return closed
    tags = {t for t in word_classes(lower) if t in ("NOUN", "VERB", "ADJ", "ADV")}
    if not tags:
        if lower.endswith("ly"):
            tags.add("ADV")
        elif "-" in lower:
            tags.update(("ADJ", "NOUN"))
        else:
            tags.add("NOUN")
    if word[:1].isupper() and not opens_sentence and not word.isupper():
        tags.update(("PROPN", "NOUN"))
    return frozenset(tags)
