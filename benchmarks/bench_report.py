"""Wall time of ``mediacompare report`` on the seeds, against a baseline commit, interleaved.

The machine is shared and noisy, so the two are built in turns (baseline, current,
baseline, current, ...) in the same run, and the medians are compared. The baseline
is a git commit or branch (default: ``main``), exported into a temporary folder with
``git archive`` and run with this checkout's virtual environment; its kernels import the
baseline's own code (the report puts its checkout first on PYTHONPATH).

    .venv/bin/python benchmarks/bench_report.py                 # 3 rounds, both audiences
    .venv/bin/python benchmarks/bench_report.py --rounds 5 --baseline <commit>

Writes ``benchmarks/results/report.md``.
"""

from __future__ import annotations

import argparse
import os
import resource
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
RESULTS = ROOT / "benchmarks" / "results" / "report.md"
#: The baseline: the main branch (its report builder, run on the same machine in the same run).
DEFAULT_BASELINE = "main"

_BUILD = ("import sys; from mediacompare.report import build_report; "
          "r = build_report(sys.argv[1], progress=False); "
          "print('KERNELS', getattr(r, 'kernels', 0) or 'one per execution'); "
          "sys.exit(0 if r.ok else 1)")


def _load() -> float:
    """The machine's load average over the last minute."""
    return os.getloadavg()[0]


def _cpu() -> float:
    """CPU seconds (user and system) of the child processes waited for so far: a build and
    its kernels, which it waits for when it shuts them down."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _build(tree: Path, out: Path) -> tuple[float, float, str]:
    """Seconds of one build of the seeds' report with the code in ``tree``, the CPU seconds
    it used (its kernels' included), and how many kernels it started."""
    env = dict(os.environ, PYTHONPATH=str(tree), MEDIACOMPARE_PROGRESS="0")
    shutil.rmtree(out, ignore_errors=True)
    cpu = _cpu()
    start = time.perf_counter()
    run = subprocess.run([sys.executable, "-c", _BUILD, str(out)], cwd=tree, env=env,
                         capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    cpu = _cpu() - cpu
    if run.returncode != 0:
        raise SystemExit(f"the build in {tree} failed:\n{run.stderr[-3000:]}")
    kernels = run.stdout.rsplit("KERNELS", 1)[-1].strip()
    return elapsed, cpu, kernels


def _same_pages(one: Path, other: Path) -> tuple[int, int]:
    """How many notebook pages of ``one`` are byte for byte those of ``other``, of how many."""
    pages = sorted(p.relative_to(one) for p in one.rglob("*.html") if p.name != "index.html")
    same = sum((other / p).is_file() and (one / p).read_bytes() == (other / p).read_bytes()
               for p in pages)
    return same, len(pages)


def _books() -> list:
    from mediacompare._paths import bundled
    from mediacompare.report.pages import _inspect

    return [_inspect(p) for p in sorted(bundled("notebooks").glob("*.ipynb"))]


def _kernels() -> int:
    """How many notebook executions the current build makes for both audiences."""
    from mediacompare.report.run import _runs

    return len(_runs(_books(), ("student", "teacher")))


def _size(folder: Path) -> tuple[int, int]:
    pages = [p.stat().st_size for p in folder.rglob("*.html")]
    total = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
    return total, max(pages)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--baseline", default=DEFAULT_BASELINE, help="git commit to compare with")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="mc-bench-report-"))
    baseline = work / "baseline"
    baseline.mkdir()
    commit = extract_commit(args.baseline, baseline)
    times: dict[str, list[float]] = {"baseline": [], "current": []}
    cpus: dict[str, list[float]] = {"baseline": [], "current": []}
    kernels: dict[str, str] = {}
    loads = [_load()]
    try:
        for n in range(args.rounds):
            for name, tree in (("baseline", baseline), ("current", ROOT)):
                seconds, cpu, kernels[name] = _build(tree, work / f"out-{name}")
                times[name].append(seconds)
                cpus[name].append(cpu)
                loads.append(_load())
                print(f"round {n + 1}: {name} {seconds:.1f} s, {cpu:.1f} s CPU "
                      f"(load {loads[-1]:.2f})", flush=True)
        sizes = {name: _size(work / f"out-{name}") for name in times}
        same, pages = _same_pages(work / "out-current", work / "out-baseline")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    med = {name: statistics.median(values) for name, values in times.items()}
    cpu_med = {name: statistics.median(values) for name, values in cpus.items()}
    runs = _kernels()
    lines = [
        "# `mediacompare report` on the seeds: wall time and weight",
        "",
        f"{date.today().isoformat()}; {describe()}; other jobs were running on the machine "
        f"(load average over one minute, before and after each build, the builds' own "
        f"processes included, about 2 while one runs: "
        f"{', '.join(f'{x:.1f}' for x in loads)}). Both audiences; "
        f"{args.rounds} rounds, interleaved (baseline, current, ...). Notebook executions "
        f"in the current build: {runs} for {len(_books())} notebooks; kernels started: "
        f"baseline {kernels['baseline']}, current {kernels['current']}. Notebook pages byte for "
        f"byte the same in both builds: {same} of {pages}.",
        "",
        f"| | baseline (`{args.baseline}` at `{commit}`) | current |",
        "| --- | --- | --- |",
        "| wall time, each round (s) | " + ", ".join(f"{t:.1f}" for t in times["baseline"])
        + " | " + ", ".join(f"{t:.1f}" for t in times["current"]) + " |",
        f"| median wall time (s) | {med['baseline']:.1f} | {med['current']:.1f} |",
        f"| current / baseline | 1.00 | {med['current'] / med['baseline']:.2f} |",
        "| CPU time, build and kernels, each round (s) | "
        + ", ".join(f"{t:.1f}" for t in cpus["baseline"]) + " | "
        + ", ".join(f"{t:.1f}" for t in cpus["current"]) + " |",
        f"| median CPU time (s) | {cpu_med['baseline']:.1f} | {cpu_med['current']:.1f} |",
        f"| median CPU time / 2 cores: the wall time of a quiet 2-core machine can be no less "
        f"(s) | {cpu_med['baseline'] / 2:.1f} | {cpu_med['current'] / 2:.1f} |",
        f"| report size (MB) | {sizes['baseline'][0] / 1e6:.1f} | {sizes['current'][0] / 1e6:.1f} |",
        f"| largest page (KB) | {sizes['baseline'][1] / 1e3:.0f} | {sizes['current'][1] / 1e3:.0f} |",
        "",
        "Both run one notebook per available core. The current build keeps one kernel per "
        "worker for the whole build and runs its notebooks in it one after another, reset "
        "before each to the state of a fresh kernel (`mediacompare/report/kernels.py`, "
        "`kernel_state.py`): start-up and first-use costs (imports, the packaged lexicons, "
        "the corpus's analyses) are paid once per kernel instead of once per notebook. The "
        "kernels start, import the layers every notebook uses and read the packaged lexicons "
        "while the builder reads the corpus. The corpus is analysed once (tokens, sentences, "
        "quotations with their voice) into a file every kernel loads. An exercise notebook "
        "whose answer cells only show things (`mediacompare/report/isolation.py`) is executed "
        "once for both audiences, the student's page being that run without the answer cells.",
    ]
    write_results(RESULTS, lines)
    return 0


if __name__ == "__main__":
    sys.exit(main())
