"""Record each lexicon entry's development-set evidence, and set tiers from it where it is enough.

For every entry of the packaged lexicons, counts its uses on the *derivation*
half of the PTC training articles (see ``validity.half``; the held-out half is
never looked at here) and how many of those uses lie inside a span annotated
with a technique its category stands for (``mediacompare.category_mapping``).
For ``emotive`` and ``labeling`` either of their two techniques counts
(Loaded_Language or Name_Calling,Labeling): annotators give the same phrase one
or the other ("witch hunt" is mostly marked as name-calling), and the two are
measured together. A use is the entry's own match (the cue), not the phrase
its label was widened over.
The counts go into the ``dev_uses`` and ``dev_marked`` columns, so a teacher
can read "annotators marked 12 of its 15 uses".

The tier rule, for ``emotive`` and ``labeling`` (the categories whose
techniques, Loaded_Language and Name_Calling,Labeling, are marked word by word
in this corpus):

* at least :data:`MIN_USES` uses: ``high`` when annotators marked at least
  :data:`MIN_SHARE` of them, else ``low``; ``tier_basis`` is ``evidence``;
* fewer uses: the tier the entry's author chose stays; ``tier_basis`` is ``rule``.

Other categories keep their authors' tiers (``tier_basis`` ``rule``): the PTC
marks doubt as whole questioning sentences and has no class for loaded
reporting verbs or vague sourcing, so its counts are shown for them but do not
decide. Run it after editing the lexicons; it rewrites only those columns.

Run: python benchmarks/lexicon_evidence.py [--ptc PATH] [--dry-run]
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

import pandas as pd

import mediacompare as mc
from mediacompare.features.lexicon_read import COLUMNS

sys.path.insert(0, str(Path(__file__).resolve().parent))
from validity import DEFAULT_PTC, half  # noqa: E402

LEXICONS = Path(mc.__file__).resolve().parent / "resources" / "lexicons"
MIN_USES = 5
MIN_SHARE = 0.3
EVIDENCE_CATEGORIES = ("emotive", "labeling")


def tier(category: str, uses: int, marked: int, chosen: str) -> tuple[str, str]:
    """The tier and its basis for an entry with ``uses`` measured uses, ``marked`` of them marked.

    >>> tier("emotive", 15, 12, "low"), tier("emotive", 20, 1, "high"), tier("emotive", 2, 0, "high")
    (('high', 'evidence'), ('low', 'evidence'), ('high', 'rule'))
    >>> tier("doubt", 40, 0, "high")
    ('high', 'rule')
    """
    if category in EVIDENCE_CATEGORIES and uses >= MIN_USES:
        return ("high" if marked >= MIN_SHARE * uses else "low"), "evidence"
    return chosen, "rule"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ptc", type=Path, default=DEFAULT_PTC)
    parser.add_argument("--dry-run", action="store_true", help="print the changes, write nothing")
    args = parser.parse_args(argv)
    if not (args.ptc / "articles").is_dir():
        print(f"the development set is not here ({args.ptc}): nothing to measure")
        return 0
    gold = mc.read_annotations(args.ptc, format="ptc")
    texts = gold.articles[gold.articles["article_id"].map(half) == "derivation"]
    ids = set(texts["article_id"])
    spans = mc.label(texts, lexicon=mc.load_lexicon(), progress=False)
    mapping = mc.category_mapping("ptc")
    loaded = sorted(set(mapping[mapping["category"].isin(EVIDENCE_CATEGORIES)]["label"]))
    mapping = pd.concat([mapping[~mapping["category"].isin(EVIDENCE_CATEGORIES)],
                         pd.DataFrame([(c, lab) for c in EVIDENCE_CATEGORIES for lab in loaded],
                                      columns=["category", "label"])], ignore_index=True)
    found = mc.agreement(spans, gold.spans[gold.spans["article_id"].isin(ids)], texts,
                         mapping=mapping).entries
    evidence = {(r.category, r.term): (int(r.n_uses), int(r.n_marked)) for r in found.itertuples()}
    measured = set(mc.category_mapping("ptc")["category"])
    changed = 0
    for path in sorted(LEXICONS.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
        for row in rows:
            if row["category"] not in measured:  # no technique to measure it against
                row.update(dev_uses="", dev_marked="", tier_basis="rule")
                continue
            uses, marked = evidence.get((row["category"], row["term"]), (0, 0))
            confidence, basis = tier(row["category"], uses, marked, row["confidence"])
            if confidence != row["confidence"]:
                changed += 1
                print(f"{path.name}: {row['term']!r} {row['confidence']} -> {confidence} "
                      f"(marked {marked} of {uses})")
            row.update(dev_uses=str(uses), dev_marked=str(marked), tier_basis=basis,
                       confidence=confidence)
        if not args.dry_run:
            with path.open("w", encoding="utf-8", newline="") as handle:
                writer = csv.DictWriter(handle, fieldnames=list(COLUMNS), lineterminator="\n")
                writer.writeheader()
                writer.writerows({c: row.get(c, "") for c in COLUMNS} for row in rows)
    print(f"{changed} tiers changed; evidence from {len(texts)} derivation articles")
    return 0


if __name__ == "__main__":
    sys.exit(main())
