"""Candidate words for the lexicons, from broad cited lexicons that ship in PyPI packages.

Lists the words that are strongly valenced or subjective in general English and
that no lexicon entry holds yet, one lemma a line, with its parts of speech and
its score in each source, so that a person can judge them. Nothing here
decides: most candidates are not loaded in news use (*accident*, *death*,
*arrest* are events, not judgements), and every entry added keeps its own
note, neutral alternative, source, tier and part of speech. The development
set is never read: words are chosen because they are loaded in general English,
and the evidence columns (``lexicon_evidence.py``) only set their tiers.

Sources:

* VADER's valence lexicon (Hutto and Gilbert 2014), inside ``vaderSentiment``
  (a dependency of the project): words with ``|valence| >= --vader``;
* AFINN-165 (Nielsen 2011), inside the ``afinn`` package if installed: words
  with ``|score| >= --afinn``;
* the Pattern subjectivity lexicon of adjectives (De Smedt and Daelemans 2012),
  inside the ``textblob`` package if installed (``en/en-sentiment.xml``):
  adjectives with subjectivity ``>= --subjectivity`` and ``|polarity| >= 0.4``.

``afinn`` and ``textblob`` are not dependencies of the project; install them in
a scratch environment to read them (``pip install afinn textblob``).

Run: python benchmarks/lexicon_candidates.py [--vader 1.5] [--afinn 3] [--subjectivity 0.8] > candidates.tsv
"""

from __future__ import annotations

import argparse
import re
import sys
import xml.etree.ElementTree as ET
from importlib import import_module
from pathlib import Path

import mediacompare as mc
from mediacompare.features.forms import word_classes
from mediacompare.features.lexicon_read import _form_key

_WORD = re.compile(r"[a-z][a-z'-]+")
OPEN = ("NOUN", "VERB", "ADJ", "ADV")


def vader_scores() -> dict[str, float]:
    module = import_module("vaderSentiment.vaderSentiment")
    path = Path(module.__file__).with_name("vader_lexicon.txt")
    scores = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and _WORD.fullmatch(parts[0]):
            scores[parts[0]] = float(parts[1])
    return scores


def afinn_scores() -> dict[str, int]:
    try:
        module = import_module("afinn")
    except ImportError:
        print("afinn is not installed: AFINN-165 left out", file=sys.stderr)
        return {}
    path = Path(module.__file__).parent / "data" / "AFINN-en-165.txt"
    rows = (line.rsplit("\t", 1) for line in path.read_text(encoding="utf-8").splitlines())
    return {word: int(score) for word, score in rows if _WORD.fullmatch(word)}


def pattern_subjectivity() -> dict[str, tuple[float, float]]:
    try:
        module = import_module("textblob")
    except ImportError:
        print("textblob is not installed: the Pattern subjectivity lexicon left out", file=sys.stderr)
        return {}
    out: dict[str, tuple[float, float]] = {}
    for word in ET.parse(Path(module.__file__).parent / "en" / "en-sentiment.xml").getroot().iter("word"):
        form = word.get("form") or ""
        if _WORD.fullmatch(form):
            polarity, subjectivity = float(word.get("polarity")), float(word.get("subjectivity"))
            if subjectivity >= out.get(form, (0.0, -1.0))[1]:
                out[form] = (polarity, subjectivity)
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--vader", type=float, default=1.5)
    parser.add_argument("--afinn", type=int, default=3)
    parser.add_argument("--subjectivity", type=float, default=0.8)
    args = parser.parse_args(argv)
    held = {_form_key(f, False) for e in mc.load_lexicon().entries for f in (e.term, *e.forms)}
    vader, afinn, pattern = vader_scores(), afinn_scores(), pattern_subjectivity()
    chosen = ({w for w, v in vader.items() if abs(v) >= args.vader}
              | {w for w, s in afinn.items() if abs(s) >= args.afinn}
              | {w for w, (p, s) in pattern.items() if s >= args.subjectivity and abs(p) >= 0.4})
    lemmas: dict[str, set[str]] = {}
    for word in sorted(chosen):
        classes = {t: ls for t, ls in word_classes(word).items() if t in OPEN}
        if not classes:
            continue  # unknown to the dictionary: slang, misspellings, emoticon words
        found = {lemma.lower() for ls in classes.values() for lemma in ls}
        if word in held or found & held:
            continue
        lemmas.setdefault(min(found, key=len), set()).add(word)
    print("lemma\tpos\tvader\tafinn\tsubjectivity\tforms seen")
    for lemma, words in sorted(lemmas.items()):
        pos = "/".join(sorted(t for t in word_classes(lemma) if t in OPEN))
        best = lambda scores: next((scores[w] for w in [lemma, *sorted(words)] if w in scores), "")
        subjectivity = best(pattern)
        print(f"{lemma}\t{pos}\t{best(vader)}\t{best(afinn)}\t"
              f"{subjectivity[1] if subjectivity else ''}\t{','.join(sorted(words - {lemma}))}")
    print(f"{len(lemmas)} candidate lemmas", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
