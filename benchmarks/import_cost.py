"""What starting costs: ``import mediacompare`` beside ``import pandas``, ``mediacompare --version``,
and a first table, against the main branch, in fresh processes, interleaved in one run.

Each case runs in a new Python process (``-X importtime`` is not used: it slows imports); the
figure is the median wall time of ``--rounds`` runs, the cases taking turns (baseline, current,
pandas, ...) so that the shared machine's noise falls on all of them. The baseline is the
``main`` branch (or ``--baseline``), exported with ``git archive`` into a temporary folder and
put first on ``PYTHONPATH``.

Cases
    * ``import``: ``import mediacompare``, and which heavy libraries it loaded.
    * ``--version``: the command line's ``main(["--version"])`` (the installed command does
      the same: it imports the package first).
    * ``first label``: ``import mediacompare; mc.label(mc.load_corpus())`` (what a notebook's
      first cell pays).

Run: .venv/bin/python benchmarks/import_cost.py [--rounds 7] [--baseline main]
Writes ``benchmarks/results/import_cost.md``.
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

from machine import describe, extract_commit, write_results

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results" / "import_cost.md"
HEAVY = ("pandas", "numpy", "matplotlib", "sklearn", "scipy", "vaderSentiment", "textstat", "dask",
         "trafilatura", "re2", "nbconvert", "rapidfuzz")

CASES = {
    "import pandas": "import pandas",
    "import mediacompare": "import mediacompare",
    "mediacompare --version": ("import contextlib, io\nfrom mediacompare.cli import main\n"
                               "with contextlib.redirect_stdout(io.StringIO()):\n"
                               "    try:\n        main(['--version'])\n    except SystemExit:\n"
                               "        pass"),
    "first label (seeds)": ("import mediacompare as mc\n"
                            "mc.label(mc.load_corpus(progress=False), progress=False)"),
}
_REPORT = ("\nimport sys, json\nprint(json.dumps(sorted(m for m in {heavy!r} if m in sys.modules)))")


def _run(tree: Path | None, code: str) -> tuple[float, list[str]]:
    env = dict(os.environ, MEDIACOMPARE_PROGRESS="0")
    env.pop("MEDIACOMPARE_ANALYSES", None)
    if tree is not None:
        env["PYTHONPATH"] = str(tree)
    script = code + _REPORT.format(heavy=HEAVY)
    start = time.perf_counter()
    run = subprocess.run([sys.executable, "-c", script], cwd=tempfile.gettempdir(), env=env,
                         capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if run.returncode != 0:
        raise SystemExit(f"{code!r} failed in {tree}:\n{run.stderr[-2000:]}")
    return elapsed, json.loads(run.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--baseline", default="main")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="mc-bench-import-"))
    base = work / "baseline"
    base.mkdir()
    commit = extract_commit(args.baseline, base)
    trees = {"baseline": base, "current": ROOT}
    times: dict[tuple[str, str], list[float]] = {}
    loaded: dict[tuple[str, str], list[str]] = {}
    try:
        for n in range(args.rounds):
            for case, code in CASES.items():
                for name, tree in trees.items():
                    if case == "import pandas" and name == "baseline":
                        continue
                    seconds, heavy = _run(tree, code)
                    times.setdefault((case, name), []).append(seconds)
                    loaded[(case, name)] = heavy
            print(f"round {n + 1} done", flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    med = {key: statistics.median(v) for key, v in times.items()}
    pandas = med[("import pandas", "current")]
    lines = [
        "# Start-up: `import mediacompare` beside `import pandas`, `--version`, a first table",
        "",
        f"{date.today().isoformat()}; {describe()}; other jobs were running on the machine. "
        f"Each figure is the median wall time of {args.rounds} fresh Python processes (interpreter "
        f"start included), the cases interleaved in one run; baseline = `{args.baseline}` at "
        f"`{commit}`.",
        "",
        "| case | baseline (s) | current (s) | current / baseline | current / `import pandas` "
        "| heavy libraries loaded, baseline | current |",
        "| --- | ---: | ---: | ---: | ---: | --- | --- |",
    ]
    for case in CASES:
        cur = med[(case, "current")]
        if case == "import pandas":
            lines.append(f"| {case} | | {cur:.2f} | | 1.00 | | {', '.join(loaded[(case, 'current')])} |")
            continue
        b = med[(case, "baseline")]
        lines.append(f"| {case} | {b:.2f} | {cur:.2f} | {cur / b:.2f} | {cur / pandas:.2f} | "
                     f"{', '.join(loaded[(case, 'baseline')]) or 'none'} | "
                     f"{', '.join(loaded[(case, 'current')]) or 'none'} |")
    lines += ["", "Each round's times (s): " + "; ".join(
        f"{case} {name}: " + ", ".join(f"{t:.2f}" for t in v) for (case, name), v in times.items())]
    write_results(RESULTS, lines)
    return 0


if __name__ == "__main__":
    sys.exit(main())
