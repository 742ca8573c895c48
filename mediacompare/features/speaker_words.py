"""The word classes and word lists the speaker rules read.

Closed word classes of English grammar (pronouns, determiners, prepositions, modals) are
written here: they are grammar, not lexicons. The open lists are data: ``resources/person_words.csv``
(titles, honorifics, kin nouns and the head words of organisations, places, media and dates)
and ``resources/given_names.csv`` (a given name's usual gender, to agree he/she). The phrase
finder that reads them is :class:`mediacompare.features.speaker_text.SpeakerText`.
"""

from __future__ import annotations

import csv
from collections import namedtuple
from functools import lru_cache

from .._paths import resource
from ..errors import ResourceError
from .voice import speech_verb_forms

# Closed word classes of English grammar that shape the rules (not lexicons).
PRONOUNS = frozenset({"he", "she", "it", "they"})
POSSESSIVE_PRONOUNS = frozenset({"his", "her", "its", "their", "our", "my", "your"})
QUANTIFIERS = frozenset("one two three several some many another other each both few most all no any "
                        "every".split())
DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those"}) | POSSESSIVE_PRONOUNS | QUANTIFIERS
STOP = DETERMINERS | frozenset(
    "i we you he she it they me him her them my our your his its their there here in on at of for to "
    "from by with into about during after before since until amid under over against despite like and "
    "or but nor yet so if as while when although though because however meanwhile also then still "
    "according what who whom whose which why how where not".split())
# Prepositions that open a phrase before a sentence's subject ("Alongside the protests, ...").
_MORE_PREPOSITIONS = frozenset("alongside across behind beyond within without outside inside around "
                               "throughout upon via beside besides unlike".split())
STOP = STOP | _MORE_PREPOSITIONS
PARTICLES = frozenset("al el ul bin ibn abu de da del der van von du la le of for".split())
PREP_LINK = frozenset({"of", "for", "from", "at", "with"})
OBLIQUE = frozenset("in on at of for to from by with into about during after before since until amid "
                    "under over against despite like as while when although though because if than "
                    "between among toward towards through".split()) | _MORE_PREPOSITIONS
PREPOSITIONS = frozenset("in on at of for to from by with into about during amid under over against despite "
                          "between among toward towards through".split()) | _MORE_PREPOSITIONS
CLAUSE_END = frozenset("and or but who which that in on at during while when after before as since because "
                       "with to if".split())
MODALS = frozenset("will would could can may might should must did does do".split())
ADVERBS = MODALS | frozenset("also further then later again earlier once still reportedly meanwhile however "
                             "too has have had was were is are not never simply recently previously".split())
TELL = frozenset({"tell", "tells", "told", "telling"})
# Verbs that also name: "a band called Sophistafunk", "a class called “Perception”" are no speech.
_NAMING = frozenset("call calls called calling dub dubs dubbed dubbing term terms termed".split())
RELATIVE = frozenset({"who", "whom", "which", "that"})
_MONTH_ABBREVIATIONS = frozenset("jan feb mar apr jun jul aug sep sept oct nov dec".split())
# Words that lead a time: "last week", "earlier this month", "late Tuesday".
_TIME_LEADS = frozenset("last this next earlier later late early on".split())
# Words that open a verb's complement: "the company says its ...", "the lawsuit contends that".
_COMPLEMENT_OPENERS = frozenset({"that", ":", "the", "a", "an", "he", "she", "it", "they", "we", "i", "you",
                                 "his", "her", "its", "their", "our", "this", "there"})
WORDS = ("word", "abbreviation", "number")

# A noun phrase: kind name/description/pronoun, tokens first..last, speaker offsets start..end,
# title and description offsets, the capitalised run it comes from.
NP = namedtuple("NP", "kind first last start end title desc run", defaults=(None, None, None))
Run = namedtuple("Run", "first last title name")        # capitalised run: tokens, offset pairs


@lru_cache(maxsize=1)
def person_words() -> dict[str, tuple[str, str]]:
    """``resources/person_words.csv``: each word's role and gender (``m``, ``f`` or ``""``)."""
    path = resource("person_words.csv")
    roles = ("honorific", "title", "kin", "media", "organisation", "place", "time")
    words: dict[str, tuple[str, str]] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        if reader.fieldnames is None or not {"word", "role", "gender"} <= set(reader.fieldnames):
            raise ResourceError(f"{path}, line 1: expected the columns word,role,gender,note")
        for row in reader:
            word, role, gender = ((row.get(c) or "").strip() for c in ("word", "role", "gender"))
            where = f"{path}, line {reader.line_num}"
            if not word or word != word.lower():
                raise ResourceError(f"{where}, column 'word': expected a lowercase word, found {word!r}")
            if role not in roles:
                raise ResourceError(f"{where}, column 'role': {role!r} is not one of {', '.join(roles)}")
            if gender not in ("", "m", "f"):
                raise ResourceError(f"{where}, column 'gender': expected m, f or nothing, found {gender!r}")
            if word in words:
                raise ResourceError(f"{where}: duplicate word {word!r}")
            words[word] = (role, gender)
    return words


@lru_cache(maxsize=1)
def given_names() -> dict[str, str]:
    """``resources/given_names.csv``: a given name's usual gender, to agree he/she (nothing else)."""
    path = resource("given_names.csv")
    names: dict[str, str] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        lines = (line for line in handle if not line.startswith("#"))
        reader = csv.DictReader(lines)
        if reader.fieldnames is None or reader.fieldnames[:2] != ["name", "gender"]:
            raise ResourceError(f"{path}: expected the columns name,gender")
        for row in reader:
            name, gender = (row.get("name") or "").strip(), (row.get("gender") or "").strip()
            if not name or name != name.lower() or gender not in ("m", "f"):
                raise ResourceError(f"{path}: bad row {name!r},{gender!r}: expected a lowercase name and m or f")
            names[name] = gender
    return names


def _role_set(*roles: str) -> frozenset[str]:
    return frozenset(w for w, (r, _) in person_words().items() if r in roles)


@lru_cache(maxsize=1)
def titles() -> frozenset[str]:
    return _role_set("title", "honorific")


@lru_cache(maxsize=1)
def not_person_heads() -> frozenset[str]:
    return _role_set("media", "organisation", "place")


@lru_cache(maxsize=1)
def base_forms() -> frozenset:
    """Bare reporting-verb forms (``say``, ``point out``): those with an ``-s`` form."""
    forms = speech_verb_forms()
    return frozenset(f for f in forms if any((f[0] + x,) + f[1:] in forms for x in ("s", "es"))
                     or (f[0].endswith("y") and (f[0][:-1] + "ies",) + f[1:] in forms))


def plural(word: str) -> bool:
    """A plural noun by its ending ("officials", "Americans"), not "thunderous" or "press"."""
    return word.endswith("s") and not word.endswith(("ss", "ous", "us", "is", "'s"))
