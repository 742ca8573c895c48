"""Peak memory of the in-memory path at 10,000 articles and of streaming at 100,000, this
checkout beside a baseline commit (issue 14's memory targets: under 500 MB and under 1 GB).

Each measurement is one fresh process (``memory_task.py TASK PATH``, which imports nothing but
the library), so its peak resident memory (``ru_maxrss``) is its own; the baseline commits are
exported with ``git archive`` and put first on ``PYTHONPATH``: ``--baseline`` (main before
issue 14) and ``--before`` (main before the memory work of this file's last change). The
corpora are the synthetic JSONL files of ``benchmarks/run.py`` (``synthetic.py``, seed 0: the
seeds' sentences resampled, about 370 words an article): the development set has 371
articles, too few for these sizes. The load average of the machine is noted beside each run.

* ``ordinary``: ``load_corpus`` + ``label`` + ``label_rates``, everything in memory;
* ``stream``: ``stream_aggregates`` (load, clean, tokenize, label, counts only).

    .venv/bin/python benchmarks/memory.py [--baseline d41ff33] [--before 44392e0] [--stream-size 100000]

Writes ``benchmarks/results/memory.md``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from machine import describe, extract_commit, write_results  # noqa: E402

RESULTS = HERE / "results" / "memory.md"
#: main before issue 14.
DEFAULT_BASELINE = "d41ff33"
#: main before the memory work (issue 14's memory target: the analyses cache, the loader).
DEFAULT_BEFORE = "44392e0"


def corpus(data: Path, size: int) -> Path:
    import synthetic

    path = data / f"synthetic-{size}.jsonl"
    if not path.exists():
        tmp = path.with_suffix(".tmp")
        synthetic.write(synthetic.generate(size, seed=0), tmp, "jsonl")
        tmp.rename(path)
    return path


def task(tree: Path, name: str, path: Path) -> dict:
    import json

    env = {**os.environ, "MEDIACOMPARE_PROGRESS": "0", "PYTHONPATH": str(tree)}
    load = os.getloadavg()[0]
    out = subprocess.run([sys.executable, str(HERE / "memory_task.py"), name, str(path)],
                         env=env, capture_output=True, text=True, cwd=tree)
    if out.returncode != 0:
        raise SystemExit(f"{name} on {path.name} ({tree}) failed:\n{out.stderr[-3000:]}")
    result = json.loads(out.stdout.strip().splitlines()[-1])
    result["load"] = (load, os.getloadavg()[0])
    return result


def cell(r: dict) -> str:
    return (f"{r['rss_peak_mb']:,.0f} MB ({r['rss_peak_mb'] - r['rss_start_mb']:,.0f} MB growth; "
            f"{r['seconds']:.0f} s; load {r['load'][0]:.1f}→{r['load'][1]:.1f})")


def steps(who: str, r: dict) -> str:
    """The resident memory after each step of the in-memory path, and the peak so far."""
    parts = [f"start {r['rss_start_mb']:,.0f}"] + [
        f"after {step} {now:,.0f} (peak {peak:,.0f})" for step, (now, peak) in r["after"].items()]
    return f"- {who}: " + ", ".join(parts) + " MB"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--baseline", default=DEFAULT_BASELINE)
    parser.add_argument("--before", default=DEFAULT_BEFORE,
                        help="a second baseline: main before the memory work ('' for none)")
    parser.add_argument("--memory-size", type=int, default=10_000)
    parser.add_argument("--stream-size", type=int, default=100_000)
    parser.add_argument("--data", type=Path, default=Path(tempfile.gettempdir()) / "mediacompare-bench")
    parser.add_argument("--no-baseline-stream", action="store_true",
                        help="do not stream the large corpus with the baseline (it took 600 s)")
    args = parser.parse_args()
    args.data.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="mc-bench-memory-"))
    trees = {}
    commits = {}
    for who, commit in (("baseline", args.baseline), ("before", args.before)):
        if commit:
            trees[who] = work / who
            trees[who].mkdir()
            commits[who] = extract_commit(commit, trees[who])
    trees["current"] = ROOT
    runs = [("ordinary", args.memory_size, "in memory: load_corpus + label + label_rates", 500),
            ("stream", args.stream_size, "streamed: stream_aggregates", 1000)]
    rows, details = [], []
    try:
        for name, size, label, target in runs:
            path = corpus(args.data, size)
            got = {}
            for who, tree in trees.items():  # the baselines first, then current, on the same file
                if name == "stream" and who == "baseline" and args.no_baseline_stream:
                    continue
                got[who] = task(tree, name, path)
                print(who, name, size, got[who], flush=True)
                if got[who].get("after"):
                    details.append(steps(f"{who}, {size:,} articles", got[who]))
            cells = [cell(got[who]) if who in got else "not run" for who in trees]
            peak = got["current"]["rss_peak_mb"]
            rows.append(f"| {size:,} | {label} | {' | '.join(cells)} | under {target:,} MB: "
                        f"{'**met**' if peak < target else '**not met**'} |")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    named = {"baseline": f"baseline `{commits.get('baseline')}` (main before issue 14)",
             "before": f"before `{commits.get('before')}` (main before the memory work)",
             "current": "current (this checkout)"}
    lines = [
        "# Peak memory: in memory at 10,000 articles, streamed at 100,000",
        "",
        f"{date.today().isoformat()}; {describe()}; other jobs were running on the machine (the "
        "load average before→after each run is in its cell). Command: `python "
        "benchmarks/memory.py`. Columns: " + "; ".join(named[w] for w in trees) + ". Corpora: "
        "synthetic JSONL (`benchmarks/synthetic.py`, seed 0; about 370 words an article), the "
        "same file for every column. Each run is a fresh process that imports only the library "
        "(`benchmarks/memory_task.py`). Peak = the process's maximum resident set "
        "(`ru_maxrss`), imports included; growth = over the process once the library, its "
        "lexicon and tokenizer are loaded.",
        "",
        "| articles | path | " + " | ".join(w for w in trees) + " | target |",
        "| ---: | --- | " + " | ".join("---" for _ in trees) + " | --- |",
        *rows,
        "",
        "Resident memory after each step of the in-memory path (MB; peak so far in brackets):",
        "",
        *details,
    ]
    write_results(RESULTS, lines)
    return 0


if __name__ == "__main__":
    sys.exit(main())
