"""Real news against spaCy: tokenize + match and the whole labeller, this checkout beside the
main branch, interleaved in one run.

Texts: the 371 articles of the development set ``ptc-train`` (read from
``/work/shared/devsets/ptc-train/articles/``, cleaned by ``load_corpus``; research use, never
copied into the repository). When the folder is not there the run says so and stops: the
synthetic text of ``benchmarks/synthetic.py`` flatters spaCy about fourfold (628 word types)
and is not a substitute.

What is timed (each a median of ``--rounds`` interleaved rounds inside one process, so the
shared machine's load falls on all alike):

* spaCy ``blank("en")`` tokenizer + ``PhraseMatcher`` against ``Lexicon.match`` (which
  tokenizes), on the entries both express and on which they agree on every text (spans
  checked identical: ``baselines.py`` says how the comparison is made fair);
* a spaCy pipeline giving the labeller's columns (``blank("en")`` + ``sentencizer`` +
  ``PhraseMatcher``, one row per match with its sentence id, as a DataFrame) against
  ``mc.label`` (quotations, voice, sentence ids, exceptions, phrase extents, span rows);
  the analyses cache is cleared before each run, so every article is analysed afresh;
* the tokenizers alone.

Each checkout (``main``, exported with ``git archive``, and this one) is measured in its own
process, the two taking turns ``--children`` times each; the figures are the medians over
those processes of each one's own ratio to spaCy (measured beside it), and the last column
compares this checkout's words per second with main's.

Run: .venv/bin/python benchmarks/realtext.py [--rounds 3] [--children 2] [--baseline main]
Writes ``benchmarks/results/realtext.md``.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
RESULTS = HERE / "results" / "realtext.md"
PTC = Path("/work/shared/devsets/ptc-train/articles")
CASES = (
    ("match", "tokenize + match (agreed entries)", "spaCy blank + PhraseMatcher"),
    ("label", "whole labeller (`mc.label`, all entries)", "spaCy blank + sentencizer + PhraseMatcher, span rows"),
    ("tokenize", "tokenizer alone", "spaCy blank tokenizer"),
)


def child(rounds: int) -> dict:
    """Measure in this process (the checkout on ``PYTHONPATH``); print the figures as JSON."""
    import pandas as pd
    import spacy

    sys.path.insert(0, str(HERE))
    import baselines
    import mediacompare as mc
    from bench_lexicon_size import interleaved_medians
    from mediacompare.features.lexicon import load_lexicon

    corpus = mc.load_corpus(str(PTC), progress=False)
    texts = [t for t in corpus.articles["text"] if isinstance(t, str)]
    table = pd.DataFrame({"article_id": [str(i) for i in range(len(texts))], "text": texts})
    words = sum(t.kind in ("word", "number", "abbreviation") for x in texts for t in mc.tokenize(x))
    lexicon = load_lexicon()
    comp = baselines.comparable(lexicon)
    spacy_comp = baselines.SpacyMatcher(comp)
    disagreeing = set()
    for text in texts:
        _, ours, theirs = baselines.compare_spans(baselines.lexicon_spans(comp, text),
                                                  spacy_comp.spans(text))
        disagreeing.update(origin for _, _, origin in ours + theirs)
    agreed = baselines.restrict(comp, [e for e in comp.entries if e.origin not in disagreeing])
    spacy_agreed = baselines.SpacyMatcher(agreed)
    identical = all(baselines.lexicon_spans(agreed, t) == spacy_agreed.spans(t) for t in texts)
    n_spans = sum(len(baselines.lexicon_spans(agreed, t)) for t in texts)

    pipe = spacy.blank("en")
    pipe.add_pipe("sentencizer")
    matchers = spacy_comp.matchers  # the comparable entries (no context exceptions)
    entries = spacy_comp.entries

    def spacy_pipeline():
        rows = []
        for aid, doc in zip(table["article_id"], pipe.pipe(texts)):
            sent_starts = [s.start for s in doc.sents]
            import bisect
            for matcher in matchers.values():
                for key, start, end in matcher(doc):
                    span = doc[start:end]
                    entry = entries[key]
                    rows.append((aid, span.start_char, span.end_char, span.text, entry.category,
                                 entry.term, bisect.bisect_right(sent_starts, start) - 1))
        return pd.DataFrame.from_records(rows, columns=["article_id", "start", "end", "text",
                                                        "category", "term", "sentence_id"])

    def ours_label():
        clear = getattr(mc, "clear_analyses", None)
        if clear is not None:
            clear()
        mc.label(table, progress=False)

    funcs = {
        "match_spacy": lambda: [spacy_agreed.match(t) for t in texts],
        "match_ours": lambda: [agreed.match(t) for t in texts],
        "label_spacy": spacy_pipeline,
        "label_ours": ours_label,
        "tokenize_spacy": lambda: [spacy_agreed.nlp.make_doc(t) for t in texts],
        "tokenize_ours": lambda: [mc.tokenize(t) for t in texts],
    }
    ours_label()  # warm the lexicon's and the rules' caches
    med = interleaved_medians(funcs, rounds)
    return {"words": words, "articles": len(texts), "identical": identical, "n_spans": n_spans,
            "agreed_entries": len(agreed.entries), "entries": len(lexicon.entries),
            "spacy": spacy.__version__, "seconds": med}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--children", type=int, default=2)
    parser.add_argument("--baseline", default="main")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print("RESULT " + json.dumps(child(args.rounds)))
        return 0
    if not PTC.is_dir():
        print(f"{PTC} is not there: this benchmark needs real news text and was not run.")
        return 1
    sys.path.insert(0, str(HERE))
    from machine import describe, extract_commit, write_results

    work = Path(tempfile.mkdtemp(prefix="mc-bench-realtext-"))
    base = work / "baseline"
    base.mkdir()
    commit = extract_commit(args.baseline, base)
    runs: dict[str, list[dict]] = {"baseline": [], "current": []}
    try:
        for n in range(args.children):
            for name, tree in (("baseline", base), ("current", ROOT)):
                env = dict(os.environ, PYTHONPATH=f"{tree}{os.pathsep}{HERE}",
                           MEDIACOMPARE_PROGRESS="0")
                start = time.perf_counter()
                run = subprocess.run([sys.executable, __file__, "--child", "--rounds",
                                      str(args.rounds)], env=env, cwd=tempfile.gettempdir(),
                                     capture_output=True, text=True)
                if run.returncode != 0:
                    raise SystemExit(f"the {name} run failed:\n{run.stderr[-3000:]}")
                line = [x for x in run.stdout.splitlines() if x.startswith("RESULT ")][-1]
                runs[name].append(json.loads(line[7:]))
                print(f"process {n + 1}: {name} done in {time.perf_counter() - start:.0f} s",
                      flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    first = runs["current"][0]
    words = first["words"]

    def vs_spacy(name: str, case: str) -> float:  # > 1: faster than spaCy
        return statistics.median(r["seconds"][f"{case}_spacy"] / r["seconds"][f"{case}_ours"]
                                 for r in runs[name])

    def wps(name: str, case: str, side: str = "ours") -> float:
        return words / statistics.median(r["seconds"][f"{case}_{side}"] for r in runs[name])

    lines = [
        "# Real news text: the labeller against spaCy, this checkout beside main",
        "",
        f"{date.today().isoformat()}; {describe()}; spaCy {first['spacy']}; other jobs were "
        f"running on the machine. Texts: the {first['articles']} articles of ptc-train "
        f"({words:,} words, cleaned by `load_corpus`). Baseline: `{args.baseline}` at `{commit}`. "
        f"{args.children} processes per checkout, taking turns; in each, {args.rounds} "
        "interleaved rounds of every case (median). Speed vs spaCy = spaCy's time over ours, "
        "measured in the same process (above 1: faster than spaCy).",
        "",
        "| what | spaCy side | words/s main | words/s current | vs spaCy, main | vs spaCy, current "
        "| current / main |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for case, what, theirs in CASES:
        lines.append(f"| {what} | {theirs} | {wps('baseline', case):,.0f} | {wps('current', case):,.0f} "
                     f"| {vs_spacy('baseline', case):.2f}x | {vs_spacy('current', case):.2f}x | "
                     f"{wps('current', case) / wps('baseline', case):.2f} |")
    lines += [
        "",
        f"Spans of tokenize + match identical to spaCy's on every text: main "
        f"**{'yes' if all(r['identical'] for r in runs['baseline']) else 'NO'}**, current "
        f"**{'yes' if all(r['identical'] for r in runs['current']) else 'NO'}** "
        f"({first['n_spans']:,} spans; {first['agreed_entries']:,} of {first['entries']:,} entries: "
        "those without context exceptions on which both agree on every text). The labeller does "
        "more than its spaCy pipeline: quotations and their voice, the exceptions "
        "(`unless_next`, `unless_previous`), phrase extents and the rule text of every row.",
        "",
        "Each process's seconds (median of its rounds): " + "; ".join(
            f"{name} {i + 1}: " + ", ".join(f"{k} {v:.2f}" for k, v in r["seconds"].items())
            for name, rs in runs.items() for i, r in enumerate(rs)),
    ]
    write_results(RESULTS, lines)
    return 0


if __name__ == "__main__":
    sys.exit(main())
