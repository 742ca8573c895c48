"""Does the labeller's cost depend on the size of the lexicon? (issue: labeller scaling)

Times lexicon matching on the same text with the packaged lexicon and with a
lexicon ten times larger, in the same run, and compares with the per-term
regular-expression loop a user would otherwise write. The ten-times lexicon
adds synthetic entries of two kinds: made-up words (they enlarge the index
but never match), and phrases that start with common words such as "the"
(the worst case for a first-token index, since each occurrence of "the" must
check them all). Figures are ratios against the packaged lexicon on the same
input: the machine is shared and noisy, absolute seconds are not comparable.

Run: python benchmarks/bench_lexicon_size.py [--repeat N] [--copies N]
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import sys
import time
from pathlib import Path

import tempfile

import mediacompare as mc
from mediacompare.features.label import _label_text
from mediacompare.features.lexicon import Entry, Lexicon

sys.path.insert(0, str(Path(__file__).resolve().parent))
from validity import BEFORE, old_lexicon  # noqa: E402

RESULTS = Path(__file__).resolve().parent / "results" / "lexicon_size.md"
COMMON = ("the", "of", "in", "to", "and", "a", "that", "for", "on", "with")


def synthetic_entries(n: int, *, common_first: bool, seed: int = 0) -> list[Entry]:
    rng = random.Random(seed)
    letters = "abcdefghijklmnopqrstuvwxyz"
    entries = []
    for i in range(n):
        word = "".join(rng.choice(letters) for _ in range(9)) + f"q{i}"
        term = f"{rng.choice(COMMON)} {word}" if common_first else word
        entries.append(Entry(term, "emotive", "(omit)", "synthetic benchmark entry", "", "high",
                             False, (), (), (), f"synthetic, line {i}"))
    return entries


def median_time(func, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def interleaved_medians(funcs: dict, rounds: int) -> dict:
    """Median time of each function, run in turn round after round, so that load on a shared
    machine falls on all of them alike."""
    times = {name: [] for name in funcs}
    for _ in range(rounds):
        for name, func in funcs.items():
            start = time.perf_counter()
            func()
            times[name].append(time.perf_counter() - start)
    return {name: statistics.median(values) for name, values in times.items()}


def regex_loop(lexicon: Lexicon, text: str) -> list[tuple[int, int]]:
    """The straightforward baseline: one compiled pattern per form, each scanned over the text."""
    found = []
    for entry in lexicon.entries:
        for form in (entry.term, *entry.forms):
            flags = 0 if entry.case_sensitive else re.IGNORECASE
            pattern = re.compile(r"(?<!\w)" + re.escape(form) + r"(?!\w)", flags)
            found.extend(m.span() for m in pattern.finditer(text))
    return found


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=21, help="interleaved rounds")
    parser.add_argument("--copies", type=int, default=10, help="copies of the seed texts")
    args = parser.parse_args(argv)
    corpus = mc.load_corpus()
    text = "\n\n".join(corpus.articles["text"])
    text = "\n\n".join([text] * args.copies)
    tokens = mc.tokenize(text)
    base = mc.load_lexicon()
    n = len(base.entries)
    bigger = {
        "10x, made-up words": Lexicon(base.entries + tuple(synthetic_entries(9 * n, common_first=False)), base.files),
        "10x, phrases opening with common words": Lexicon(
            base.entries + tuple(synthetic_entries(9 * n, common_first=True)), base.files),
    }
    same = {name: [(m.start, m.end) for m in lex.match(text, tokens)] ==
            [(m.start, m.end) for m in base.match(text, tokens)] for name, lex in bigger.items()}
    medians = interleaved_medians(
        {"packaged lexicon": lambda: base.match(text, tokens),
         **{name: (lambda lex=lex: lex.match(text, tokens)) for name, lex in bigger.items()}},
        args.repeat)
    t_base = medians["packaged lexicon"]
    rows = [("packaged lexicon", n, t_base, 1.0, "")]
    for name, lex in bigger.items():
        t = medians[name]
        rows.append((name, len(lex.entries), t, t / t_base, "same spans" if same[name] else "SPANS DIFFER"))
    t_regex = median_time(lambda: regex_loop(base, text), 1)
    t_regex10 = median_time(lambda: regex_loop(bigger["10x, made-up words"], text), 1)
    rows.append(("regex loop, packaged lexicon", n, t_regex, t_regex / t_base, "the loop a user would write (no exceptions or overlap rules: a speed contrast, not the same spans)"))
    rows.append(("regex loop, 10x made-up words", 10 * n, t_regex10, t_regex10 / t_base, ""))
    # the lexicon before issue 11 against today's, and the whole labeller with and without
    # phrase extents, on the same text, interleaved
    with tempfile.TemporaryDirectory() as tmp:
        before = old_lexicon(Path(tmp))
    labeller = {"labeller, words only (extents=False)": lambda: _label_text("x", text, base, rules=()),
                "labeller with phrase extents": lambda: _label_text("x", text, base)}
    if before is not None:
        labeller = {f"matching, lexicon of {BEFORE} (before issue 11)": lambda: before.match(text, tokens),
                    "matching, packaged lexicon": lambda: base.match(text, tokens), **labeller}
    later = interleaved_medians(labeller, max(3, args.repeat // 3))
    lines = [f"# Lexicon size and labelling cost",
             "",
             f"Text: the five seed articles x {args.copies} ({len(text):,} characters, "
             f"{len(tokens):,} tokens), tokenized once; matching only. Lexicon matchers: median of "
             f"{args.repeat} interleaved rounds; regex loops: one run each. "
             f"Python {sys.version.split()[0]}.",
             "",
             "| lexicon | entries | median seconds | ratio to packaged | note |",
             "| --- | ---: | ---: | ---: | --- |"]
    lines += [f"| {name} | {entries:,} | {t:.4f} | {ratio:.2f} | {note} |"
              for name, entries, t, ratio, note in rows]
    lines += ["", f"Same text, median of {max(3, args.repeat // 3)} interleaved rounds: the lexicon "
              "before issue 11 against today's (matching only), and the whole labeller (tokens, "
              "quotations and voice, matching, spans) without and with phrase extents.", "",
              "| what | median seconds | ratio |", "| --- | ---: | ---: |"]
    first = {"matching": None, "labeller": None}
    for name, t in later.items():
        kind = "matching" if name.startswith("matching") else "labeller"
        first[kind] = first[kind] or t
        lines.append(f"| {name} | {t:.4f} | {t / first[kind]:.2f} |")
    if before is not None:
        lines.append(f"| (entries: before issue 11 {len(before.entries):,}, today {n:,}) | | |")
    report = "\n".join(lines) + "\n"
    print(report)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(report, encoding="utf-8")
    print(f"written to {RESULTS}")
    return 0 if all(same.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
