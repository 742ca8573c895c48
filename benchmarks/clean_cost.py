"""What the cleaning rules cost on real text: before RE2, with RE2, with RE2 and its literal prefilter.

The texts are the 371 articles of the development set ``ptc-train`` (read from
``/work/shared/devsets/ptc-train/articles/`` when it is there; the run says so when it is not)
and the five seed articles, each cleaned as ``load_corpus`` cleans a ``.txt`` file
(``clean_text(raw, infer_title=True)``). Four ways, in interleaved rounds on the same texts:

1. the package at commit ``4c72392`` (Python's ``re``, its 31 rules), in its own process;
2. this checkout's rules on RE2, each rule tried on each line in turn (as the branch first did);
3. this checkout as it is: RE2, with the rules without placeholders tried together through
   ``linear_re.LinearFilter`` (one pass for the literals they need, then only those that can
   match);
4. this checkout's rules on Python's ``re`` (for scale only: ``re`` can backtrack, which is why
   the rules run on RE2).

2, 3 and 4 must give the same clean texts, and the script checks that they do.

Run: ``.venv/bin/python benchmarks/clean_cost.py [--rounds 5] [--out results/clean_cost.md]``
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import mediacompare.corpus.rules as rules_module  # noqa: E402  (where the rules are compiled)
from html_extraction import BASELINE, baseline_tree  # noqa: E402
from mediacompare.corpus.clean import clean_text, load_rules  # noqa: E402
from mediacompare.corpus.linear_re import compile_linear  # noqa: E402

PTC = Path("/work/shared/devsets/ptc-train/articles")
OLD = r"""
import json, sys, time
import mediacompare
from mediacompare.corpus.clean import clean_text, load_rules
texts = json.load(open(sys.argv[1], encoding="utf-8"))
rules = load_rules()
for t in texts[:20]:
    clean_text(t, rules=rules, infer_title=True)
start = time.perf_counter()
for t in texts:
    clean_text(t, rules=rules, infer_title=True)
print(json.dumps({"seconds": time.perf_counter() - start, "n_rules": len(rules),
                  "module": mediacompare.__file__}))
"""


COMPILE = r"""
import json, sys, time
start = time.perf_counter()
from mediacompare.corpus.clean import clean_text, load_rules
imported = time.perf_counter()
clean_text("A line.", rules=load_rules(), infer_title=True)
print(json.dumps({"seconds": time.perf_counter() - imported}))
"""


class _AllCandidates:
    """A prefilter that lets every rule through: each rule is searched on each line, compiled
    on its own with ``compile`` (RE2 through ``compile_linear``, or Python's ``re``)."""

    def __init__(self, patterns: tuple[str, ...], compile) -> None:
        self.all = frozenset(range(len(patterns)))
        self.compiled = [compile(p) for p in patterns]

    def matching(self, text: str) -> frozenset[int]:
        return self.all

    def regex(self, index: int):
        return self.compiled[index]


def texts_to_clean() -> tuple[list[str], str]:
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    if PTC.is_dir():
        ptc = [p.read_text(encoding="utf-8") for p in sorted(PTC.glob("*.txt"))]
        return ptc + seeds, f"{len(ptc)} articles of ptc-train and the {len(seeds)} seeds"
    print(f"{PTC} is not there: measuring on the {len(seeds)} seeds only")
    return seeds, f"the {len(seeds)} seeds only (ptc-train was not there)"


def run(texts, rules, mode: str) -> tuple[float, list[str]]:
    saved = (rules_module.linear_filter, rules_module.compile_linear)
    if mode == "one by one":
        rules_module.linear_filter = _filters(mode, compile_linear)
    elif mode == "python re":
        rules_module.linear_filter = _filters(mode, re.compile)
        rules_module.compile_linear = re.compile
    try:
        start = time.perf_counter()
        out = [clean_text(t, rules=rules, infer_title=True).text for t in texts]
        return time.perf_counter() - start, out
    finally:
        rules_module.linear_filter, rules_module.compile_linear = saved


_FILTERS: dict = {}


def _filters(mode: str, compile):
    """``linear_filter`` for a mode: made once per set of patterns, as the real one is cached."""
    def get(patterns):
        if (mode, patterns) not in _FILTERS:
            _FILTERS[mode, patterns] = _AllCandidates(patterns, compile)
        return _FILTERS[mode, patterns]
    return get


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--out", default=str(HERE / "results" / "clean_cost.md"))
    args = parser.parse_args(argv)
    texts, what = texts_to_clean()
    n_lines = sum(1 for t in texts for line in t.split("\n") if line.strip())
    rules = load_rules()
    modes = ("one by one", "prefilter", "python re")
    for mode in modes:  # warm the caches (compiled patterns, the filter)
        run(texts[:20], rules, mode)
    times = {m: [] for m in ("before", *modes)}
    compile_times = {"before": [], "after": []}
    outputs = {}
    with tempfile.TemporaryDirectory() as tmp:
        tree = baseline_tree(Path(tmp) / "before")
        data = Path(tmp) / "texts.json"
        data.write_text(json.dumps(texts), encoding="utf-8")
        env = dict(os.environ, PYTHONPATH=str(tree))
        for r in range(args.rounds):
            for name in (("before", "after") if r % 2 == 0 else ("after", "before")):
                done = subprocess.run([sys.executable, "-c", COMPILE], check=True, cwd=tmp,
                                      env=env if name == "before" else dict(os.environ),
                                      capture_output=True, text=True)
                compile_times[name].append(json.loads(done.stdout)["seconds"])
            order = ("before", *modes) if r % 2 == 0 else (*reversed(modes), "before")
            for mode in order:
                if mode == "before":
                    done = subprocess.run([sys.executable, "-c", OLD, str(data)], env=env, check=True,
                                          capture_output=True, text=True, cwd=tmp)
                    result = json.loads(done.stdout)
                    assert Path(result["module"]).resolve().is_relative_to(tree.resolve()), result
                    times["before"].append(result["seconds"])
                    n_old_rules = result["n_rules"]
                else:
                    seconds, out = run(texts, rules, mode)
                    times[mode].append(seconds)
                    outputs.setdefault(mode, out)
    same = outputs["one by one"] == outputs["prefilter"] == outputs["python re"]
    med = {m: statistics.median(v) for m, v in times.items()}
    label = {"before": f"`{BASELINE}`: Python `re`, its {n_old_rules} rules (own process)",
             "one by one": f"RE2, {len(rules)} rules, each tried on each line in turn",
             "prefilter": f"RE2, {len(rules)} rules, literal prefilter (`LinearFilter`): as it is",
             "python re": f"Python `re`, the same {len(rules)} rules (scale only: can backtrack)"}
    machine = (f"{datetime.date.today()}; {os.cpu_count()} cores; Python {platform.python_version()} "
               f"on {platform.system()} {platform.release()}")
    lines = ["# The cost of the cleaning rules, before and after RE2", "",
             f"Machine: {machine}. Command: `python benchmarks/clean_cost.py`.", "",
             f"Texts: {what} ({len(texts)} texts, {n_lines:,} non-blank lines), each cleaned as "
             f"`load_corpus` cleans a `.txt` file. Median of {args.rounds} interleaved rounds. "
             f"Same clean texts from the three ways of running this checkout's rules: "
             f"**{'yes' if same else 'NO'}**.", "",
             "| cleaning | seconds | µs per line | vs before |", "| --- | ---: | ---: | ---: |"]
    for mode in ("before", *modes):
        lines.append(f"| {label[mode]} | {med[mode]:.3f} | {med[mode] / n_lines * 1e6:.1f} | "
                     f"{med[mode] / med['before']:.2f}x |")
    lines += ["", f"RE2 tried rule by rule cost {med['one by one'] / med['before']:.1f}x the old "
                  f"cleaning (most of it the Python wrapper's cost per call, paid {len(rules)} times a "
                  f"line); with the prefilter it costs {med['prefilter'] / med['before']:.2f}x, and "
                  f"{med['prefilter'] / med['one by one']:.2f}x the rule-by-rule way."]
    cb, ca = (statistics.median(compile_times[k]) for k in ("before", "after"))
    lines += ["", f"Compiling the rules, once a process (loading them and cleaning one line in a "
                  f"fresh process): {cb:.2f} s before, {ca:.2f} s after ({ca / cb:.1f}x; RE2 "
                  "builds an automaton for each rule, large for Unicode classes such as `\\w`, and "
                  "the rules without placeholders are compiled once, in the filter)."]
    Path(args.out).write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    return 0 if same else 1


if __name__ == "__main__":
    raise SystemExit(main())
