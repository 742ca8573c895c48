"""Peak memory of the in-memory path at 10,000 articles and of streaming at 100,000, this
checkout beside a baseline commit (issue 14's memory targets: under 500 MB and under 1 GB).

Each measurement is one fresh process (``bench_throughput.py TASK PATH``), so its peak resident
memory (``ru_maxrss``) is its own; the baseline commit is exported with ``git archive`` and put
first on ``PYTHONPATH``. The corpora are the synthetic JSONL files of ``benchmarks/run.py``
(``synthetic.py``, seed 0: the seeds' sentences resampled, about 370 words an article): the
development set has 371 articles, too few for these sizes.

* ``ordinary``: ``load_corpus`` + ``label`` + ``label_rates``, everything in memory;
* ``stream``: ``stream_aggregates`` (load, clean, tokenize, label, counts only).

    .venv/bin/python benchmarks/memory.py [--baseline d41ff33] [--stream-size 100000]

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

from machine import describe, extract_commit  # noqa: E402

RESULTS = HERE / "results" / "memory.md"
#: main before issue 14.
DEFAULT_BASELINE = "d41ff33"


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
    out = subprocess.run([sys.executable, str(HERE / "bench_throughput.py"), name, str(path)],
                         env=env, capture_output=True, text=True, cwd=tree)
    if out.returncode != 0:
        raise SystemExit(f"{name} on {path.name} ({tree}) failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--baseline", default=DEFAULT_BASELINE)
    parser.add_argument("--memory-size", type=int, default=10_000)
    parser.add_argument("--stream-size", type=int, default=100_000)
    parser.add_argument("--data", type=Path, default=Path(tempfile.gettempdir()) / "mediacompare-bench")
    parser.add_argument("--no-baseline-stream", action="store_true",
                        help="stream the large corpus with this checkout only (the baseline's took 600 s)")
    args = parser.parse_args()
    args.data.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="mc-bench-memory-"))
    base = work / "baseline"
    base.mkdir()
    commit = extract_commit(args.baseline, base)
    runs = [("ordinary", args.memory_size, "in memory: load_corpus + label + label_rates", 500),
            ("stream", args.stream_size, "streamed: stream_aggregates", 1000)]
    rows = []
    try:
        for name, size, label, target in runs:
            path = corpus(args.data, size)
            got = {}
            trees = [("current", ROOT)]
            if not (name == "stream" and args.no_baseline_stream):
                trees.insert(0, ("baseline", base))
            for who, tree in trees:  # baseline first, then current, on the same file
                got[who] = task(tree, name, path)
                print(who, name, size, got[who], flush=True)
            cell = {who: f"{r['rss_peak_mb']:,.0f} MB ({r['rss_peak_mb'] - r['rss_start_mb']:,.0f} MB "
                         f"growth; {r['seconds']:.0f} s)" for who, r in got.items()}
            peak = got["current"]["rss_peak_mb"]
            rows.append(f"| {size:,} | {label} | {cell.get('baseline', 'not run')} | "
                        f"{cell['current']} | under {target:,} MB: "
                        f"{'**met**' if peak < target else '**not met**'} |")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    lines = [
        "# Peak memory: in memory at 10,000 articles, streamed at 100,000",
        "",
        f"{date.today().isoformat()}; {describe()}; other jobs were running on the machine. "
        f"Command: `python benchmarks/memory.py`. Baseline: `{args.baseline}` (`{commit}`, main "
        "before issue 14). Corpora: synthetic JSONL (`benchmarks/synthetic.py`, seed 0; about 370 "
        "words an article), the same file for both. Peak = the process's maximum resident set "
        "(`ru_maxrss`), imports included; growth = over the process right after its imports.",
        "",
        "| articles | path | baseline | current | target |",
        "| ---: | --- | --- | --- | --- |",
        *rows,
    ]
    RESULTS.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
