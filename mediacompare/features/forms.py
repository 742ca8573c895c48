"""Word forms from a lemma: inflections and -ly adverbs, through LemmInflect.

A lexicon entry with a part of speech in its ``pos`` column lists only its
lemma (``lie``, ``miserable``); its other forms come from LemmInflect (Burton
2019; its dictionary and rules ship inside the PyPI package, nothing is
downloaded): ``lie`` (verb) gives ``lies, lied, lying``; ``miserable`` (adj)
gives ``more`` comparative and superlative forms where English has them and
the derived adverb ``miserably``.

A generated form is kept only when it belongs to this lemma alone: LemmInflect
must lemmatise it back to the lemma and to no other word. A lemma its
dictionary lacks (``bootlicker``, ``apparatchik``) is inflected by LemmInflect's
spelling rules (``getAllInflectionsOOV``), and a form is kept when the
dictionary gives it to no word at all. ``lay`` (past of
*lie*, but also its own verb) and ``found`` (past of *find*, and a verb of its
own) are left out; an entry that wants such a form lists it in ``forms``.
Adverbs are derived by the usual spelling rules (``-ly``, ``-le`` → ``-ly``,
``-y`` → ``-ily``, ``-ic`` → ``-ically``, ``-ll`` → ``-lly``) and kept only
when LemmInflect knows the result as an adverb.

The forms of the packaged lexicons' lemmas are also shipped, already generated,
in ``resources/generated_forms.csv`` (:func:`write_forms_table` writes
it; a test regenerates it with LemmInflect and compares). Loading the packaged
lexicons then reads that table instead of importing LemmInflect and its
dictionary (about a second, paid by every command and every notebook kernel);
a lemma that is not in the table, such as one of a user's lexicon, is still
inflected by LemmInflect.
"""

from __future__ import annotations

import csv
import importlib.abc
import sys
from functools import lru_cache
from pathlib import Path

from .._paths import resource

__all__ = ["POS_TAGS", "FORMS_TABLE", "forms_table_path", "generated_forms", "word_classes",
           "write_forms_table"]

#: The shipped forms of the packaged lexicons' lemmas (see :func:`write_forms_table`).
FORMS_TABLE = "generated_forms.csv"

#: The values of the ``pos`` column and LemmInflect's universal tags for them.
POS_TAGS = {"noun": "NOUN", "verb": "VERB", "adj": "ADJ", "adv": "ADV"}


class _NoSpacy(importlib.abc.MetaPathFinder):
    """Refuses ``import spacy`` while LemmInflect is imported (see :func:`_lemminflect`)."""

    def find_spec(self, name, path=None, target=None):
        if name == "spacy" or name.startswith("spacy."):
            raise ImportError("spaCy is not needed by mediacompare's use of LemmInflect")
        return None


def _lemminflect():
    """LemmInflect, imported on first use (loading its dictionary takes about a second).

    LemmInflect's ``__init__`` imports spaCy, when it is installed, only to register
    token extensions (``token._.lemma``, ``token._.inflect``) that this library does
    not use; that import costs about 65 MB and half a second. Unless spaCy is already
    loaded, it is refused for the time of LemmInflect's import (a spaCy user can still
    call ``lemminflect.Lemmatizer().spacyGetLemma`` through their own extension).
    """
    if "lemminflect" not in sys.modules and "spacy" not in sys.modules:
        blocker = _NoSpacy()
        sys.meta_path.insert(0, blocker)
        try:
            import lemminflect
        finally:
            sys.meta_path.remove(blocker)
    import lemminflect

    return lemminflect


def _adverbs(adjective: str) -> list[str]:
    word = adjective
    candidates = []
    if word.endswith("le") and len(word) > 3:
        candidates.append(word[:-1] + "y")
    if word.endswith("y") and len(word) > 2:
        candidates.append(word[:-1] + "ily")
    if word.endswith("ic"):
        candidates.append(word + "ally")
    if word.endswith("ll"):
        candidates.append(word + "y")
    candidates.append(word + "ly")
    return candidates


@lru_cache(maxsize=None)
def word_classes(word: str) -> dict[str, tuple[str, ...]]:
    """LemmInflect's lemmas of ``word`` per universal part of speech (empty if it does not know it).

    >>> word_classes("thugs")
    {'NOUN': ('thug',)}
    """
    return dict(_lemminflect().getAllLemmas(word))


def _only_lemma(form: str, lemma: str) -> bool:
    lemmas = {l.lower() for found in word_classes(form).values() for l in found}
    lemmas |= {l.lower() for found in word_classes(form.lower()).values() for l in found}
    return lemmas == {lemma.lower()}


@lru_cache(maxsize=None)
def generated_forms(lemma: str, pos: str) -> tuple[str, ...]:
    """The other forms of ``lemma`` as a ``pos`` (``noun``, ``verb``, ``adj``, ``adv``).

    >>> generated_forms("lie", "verb")
    ('lied', 'lies', 'lying')
    >>> generated_forms("miserable", "adj")
    ('miserably',)
    >>> generated_forms("lash out", "verb")
    ('lashed out', 'lashes out')
    >>> generated_forms("bootlicker", "noun")
    ('bootlickers',)
    >>> generated_forms("cruel", "adj")
    ('crueler', 'cruelest', 'crueller', 'cruellest', 'cruelly')
    """
    if pos not in POS_TAGS:
        raise ValueError(f"pos must be one of {', '.join(POS_TAGS)}; got {pos!r}")
    shipped = _shipped().get((lemma, pos))
    if shipped is not None:
        return shipped
    return _lemminflect_forms(lemma, pos)


def _lemminflect_forms(lemma: str, pos: str) -> tuple[str, ...]:
    """:func:`generated_forms` computed by LemmInflect (never from the shipped table)."""
    if " " in lemma:  # a phrase: a verb inflects its first word ("lash out" -> "lashed out"),
        # anything else its last ("witch hunt" -> "witch hunts")
        if pos == "verb":
            first, _, rest = lemma.partition(" ")
            return tuple(f"{form} {rest}" for form in _lemminflect_forms(first, pos))
        head, _, last = lemma.rpartition(" ")
        return tuple(f"{head} {form}" for form in _lemminflect_forms(last, pos))
    inflections = _lemminflect().getAllInflections(lemma, upos=POS_TAGS[pos])
    unknown = not inflections  # a word the dictionary lacks: LemmInflect's spelling rules inflect it
    if unknown:
        inflections = _lemminflect().getAllInflectionsOOV(lemma, upos=POS_TAGS[pos])
    forms = {f for found in inflections.values() for f in found}
    if pos == "adj":
        forms.update(a for a in _adverbs(lemma) if "ADV" in word_classes(a))
    forms.discard(lemma)
    return tuple(sorted(f for f in forms if f in _adverbs(lemma) or _only_lemma(f, lemma)
                        or (unknown and not word_classes(f) and not word_classes(f.lower()))))


def forms_table_path() -> Path:
    """Where the shipped table of generated forms is (beside the packaged lexicons' folder)."""
    return resource("lexicons").parent / FORMS_TABLE


@lru_cache(maxsize=1)
def _shipped() -> dict[tuple[str, str], tuple[str, ...]]:
    """The shipped table: ``(lemma, pos) -> forms`` (empty if the file is missing)."""
    path = forms_table_path()
    if not path.is_file():
        return {}
    with path.open(encoding="utf-8", newline="") as handle:
        return {(row["lemma"], row["pos"]): tuple(f for f in row["forms"].split("|") if f)
                for row in csv.DictReader(handle)}


def write_forms_table(path: str | Path, pairs) -> int:
    """Write the forms LemmInflect generates for every ``(lemma, pos)`` of ``pairs`` to
    ``path`` (the format of ``resources/generated_forms.csv``); returns the rows.

    The packaged table is rebuilt with
    ``python -c "from mediacompare.features.lexicon import write_packaged_forms; write_packaged_forms()"``
    after an entry with a ``pos`` is added to a packaged lexicon.
    """
    rows = sorted(set(pairs))
    with Path(path).open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["lemma", "pos", "forms"])
        for lemma, pos in rows:
            writer.writerow([lemma, pos, "|".join(_lemminflect_forms(lemma, pos))])
    _shipped.cache_clear()
    generated_forms.cache_clear()
    return len(rows)
