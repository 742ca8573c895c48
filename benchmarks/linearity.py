"""Cost against input size on hostile shapes: each at 1x, 4x and 16x, per character (issue 13).

Every adversarial shape of issue 13, items 15 to 19, runs at three sizes; the figure is the
cost per character at 16x (and 4x) over the cost per character at 1x, measured in the same
run with the sizes interleaved (the machine is shared and noisy: each size's time is the
fastest of ``--rounds`` rounds). A ratio of 1.0 is linear; a quadratic path doubles the
ratio with every fourfold step. The script exits non-zero when any ratio is over
:data:`LIMIT`, or when a case fails or runs past ``--timeout`` seconds at one size (then it
is reported as such and the larger sizes are not tried).

Cases
    * ``load_corpus("A" * n)``: one long line through the packaged cleaning rules (item 15).
    * ``label`` on real-looking text: the seed articles repeated (item 16: sentence ids).
    * ``voice_table('"' * n)`` and ``quotes_table`` on the same marks (256,000 and 400,000 of
      them at 16x: the issue's 200,000 marks that never finished), and
      ``label("don't 'x' " * n)`` (item 17).
    * ``voice_table`` on one sentence of 4,000 to 64,000 quotations, each after "adding that"
      (issue 12: a headless verb's subject is sought back in the sentence, a capped walk).
    * ``mentions("Putin " * n)``, with its peak memory per character (item 18): the process's
      high-water mark over its resident memory before the run.
    * ``load_corpus`` of an HTML file with up to a million attributes, and its peak memory
      (item 19).

The loader cases (items 15 and 19) belong to the corpus loader, which another change is
reworking: they are measured and reported like the others, and fail the run when they are
not linear, whatever part of the code is at fault.

Run: .venv/bin/python benchmarks/linearity.py [--rounds 3] [--timeout 120] [--only NAME]
"""

from __future__ import annotations

import argparse
import datetime
import gc
import multiprocessing as mp
import platform
import sys
import tempfile
import time
import resource
from pathlib import Path

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results" / "linearity.md"
LIMIT = 1.5
MEMORY_FLOOR = 1 << 20          # bytes: below this, a run's extra memory is not told from noise
SIZES = (1, 4, 16)


def _seed_text() -> str:
    import mediacompare as mc

    return "\n\n".join(mc.load_corpus().articles["text"])


def case_load_long_line(k: int):
    import pandas as pd

    import mediacompare as mc

    text = "A" * (20_000 * k)
    text = text or "A"
    return len(text), lambda: mc.load_corpus(pd.DataFrame({"text": [text]}), progress=False)


def case_label_long_text(k: int):
    import mediacompare as mc

    base = _seed_text()
    text = "\n\n".join([base] * (16 * k)) or "Warm up."
    return len(text), lambda: mc.label(text, progress=False)


def case_voice_table_marks(k: int):
    import mediacompare as mc

    text = '"' * (16_000 * k)                   # 256,000 marks at 16x
    return len(text), lambda: mc.voice_table(text)


def case_voice_table_one_sentence(k: int):
    import mediacompare as mc

    # one sentence of quotations, each after a participle with no subject of its own: the
    # speaker rules look back for the sentence's reporting verb (issue 12)
    text = "Tom Hale said " + "“we will win,” adding that " * (4_000 * k) + "“it is over.”"
    return len(text), lambda: mc.voice_table(text)


def case_quotes_table_marks(k: int):
    import mediacompare as mc

    text = '"' * (25_000 * k)                   # 400,000 marks at 16x
    return len(text), lambda: mc.quotes_table(text)


def case_label_apostrophes(k: int):
    import mediacompare as mc

    text = "don't 'x' " * (6_250 * k)          # 100,000 repetitions at 16x
    return len(text), lambda: mc.label(text, progress=False)


def case_mentions_repeated_name(k: int):
    import mediacompare as mc

    text = "Putin " * (5_000 * k)
    return len(text), lambda: mc.mentions(text)


def case_html_attributes(k: int):
    import mediacompare as mc

    n = 62_500 * k                              # 1,000,000 attributes at 16x
    folder = Path(tempfile.mkdtemp(prefix="linearity-html-"))
    body = "<html><body><p " + 'a="1" ' * n + ">Some article text here.</p></body></html>"
    (folder / "page.html").write_text(body, encoding="utf-8")
    return len(body), lambda: mc.load_corpus(folder, max_bytes=len(body) + 1, progress=False)


CASES = {
    "load_corpus: one line 'A' * n (item 15)": (case_load_long_line, False),
    "label: seed articles repeated (item 16)": (case_label_long_text, False),
    "voice_table: '\"' * n, 256k marks at 16x (item 17)": (case_voice_table_marks, False),
    "voice_table: one sentence of n quotations after participles (issue 12)": (case_voice_table_one_sentence, False),
    "quotes_table: '\"' * n, 400k marks at 16x (item 17)": (case_quotes_table_marks, False),
    "label: \"don't 'x' \" * n (item 17)": (case_label_apostrophes, False),
    "mentions: 'Putin ' * n (item 18)": (case_mentions_repeated_name, True),
    "load_corpus: HTML with n attributes (item 19)": (case_html_attributes, True),
}


def _rss() -> int:
    """The resident memory of this process now, in bytes (Linux), else 0."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
        return pages * resource.getpagesize()
    except OSError:
        return 0


class _PeakSampler:
    """The highest resident memory of this process while it runs, polled every millisecond."""

    def __init__(self) -> None:
        import threading

        self.peak = _rss()
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._poll, daemon=True)
        self._thread.start()

    def _poll(self) -> None:
        while not self._done.wait(0.001):
            self.peak = max(self.peak, _rss())

    def stop(self) -> int:
        self._done.set()
        self._thread.join()
        return max(self.peak, _rss())


def _measure(name: str, k: int, memory: bool, queue) -> None:
    """In a child process: the seconds (and peak bytes) of one case at one size."""
    try:
        make, _ = CASES[name]
        make(0)[1]()              # warm up on empty input: lexicons, gazetteer, rules loaded once
        n_chars, run = make(k)
        gc.collect()
        before = _rss()
        sampler = _PeakSampler() if memory else None
        start = time.perf_counter()
        run()
        seconds = time.perf_counter() - start
        # The run's own peak over the memory before it, sampled while it runs: the process's
        # high-water mark would also hold the warm-up's peak and hide a small run.
        peak = sampler.stop() - before if sampler else None
        queue.put(("ok", n_chars, seconds, peak))
    except Exception as exc:  # reported in the table, and the run fails
        queue.put(("error", 0, 0.0, f"{type(exc).__name__}: {exc}"[:300]))


def measure(name: str, k: int, memory: bool, timeout: float):
    ctx = mp.get_context("spawn")
    queue = ctx.Queue()
    proc = ctx.Process(target=_measure, args=(name, k, memory, queue))
    proc.start()
    proc.join(timeout)
    if proc.is_alive():
        proc.terminate()
        proc.join()
        return ("timeout", 0, timeout, None)
    return queue.get() if not queue.empty() else ("error", 0, 0.0, f"exit code {proc.exitcode}")


def run_case(name: str, rounds: int, timeout: float) -> dict:
    _, memory = CASES[name]
    best: dict[int, tuple] = {}
    status = "ok"
    for _ in range(rounds):                     # interleaved: 1x, 4x, 16x, then again
        for k in SIZES:
            if status != "ok":
                break
            result = measure(name, k, memory and k in SIZES, timeout)
            if result[0] != "ok":
                status = f"{result[0]} at {k}x" + (f": {result[3]}" if result[0] == "error" else
                                                   f" (over {timeout:.0f} s)")
                break
            if k not in best or result[2] < best[k][2]:
                best[k] = result
    row = {"name": name, "status": status, "sizes": {}}
    for k, (_, n_chars, seconds, peak) in sorted(best.items()):
        row["sizes"][k] = (n_chars, seconds, peak)
    if status == "ok":
        base_chars, base_seconds, base_peak = row["sizes"][1]
        per = base_seconds / base_chars
        row["time_ratio"] = {k: (s / c) / per for k, (c, s, _) in row["sizes"].items()}
        if memory:
            # Memory grows in pages and allocator arenas: a run that needs less than MEMORY_FLOOR
            # more than it had is counted as MEMORY_FLOOR, so a small 1x run cannot inflate the
            # ratio of the larger sizes.
            base = max(base_peak, MEMORY_FLOOR) / base_chars
            row["memory_ratio"] = {k: (max(p, MEMORY_FLOOR) / c) / base for k, (c, _, p) in row["sizes"].items()}
    return row


def verdict(row: dict) -> bool:
    if row["status"] != "ok":
        return False
    ratios = list(row["time_ratio"].values()) + list(row.get("memory_ratio", {}).values())
    return max(ratios) <= LIMIT


def report(rows: list[dict], rounds: int) -> str:
    import mediacompare as mc

    lines = [
        "# Cost per character on hostile input (issue 13, items 15-19)",
        "",
        f"Made by `benchmarks/linearity.py` on {datetime.date.today().isoformat()}; mediacompare "
        f"{mc.__version__}, Python {platform.python_version()} on {platform.system()} "
        f"{platform.release()}, {mp.cpu_count()} cores. Each case runs at 1x, 4x and 16x its base size, "
        f"sizes interleaved, fastest of {rounds} rounds, each in a fresh process; the ratio is the cost "
        f"per character over the cost per character at 1x (1.00 is linear, quadratic would be about 4 "
        f"and 16). A case fails over {LIMIT}x, or when it errs or times out. Peak memory is the "
        f"run's highest resident memory over the memory before it, sampled every millisecond; "
        f"below {MEMORY_FLOOR >> 20} MiB it is counted as {MEMORY_FLOOR >> 20} MiB (pages and "
        f"allocator arenas make smaller differences noise); the 16x peak is also given in MiB.",
        "",
        "| case | 1x chars | 1x s | 4x s | 16x s | per char 4x | per char 16x | peak memory per char 16x | peak MiB 16x | verdict |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for row in rows:
        sizes = row["sizes"]

        def cell(k, i, fmt):
            return fmt.format(sizes[k][i]) if k in sizes and sizes[k][i] is not None else "-"

        ratio = row.get("time_ratio", {})
        memory = row.get("memory_ratio", {})
        ok = verdict(row)
        lines.append(
            f"| {row['name']} | {cell(1, 0, '{:,}')} | {cell(1, 1, '{:.3f}')} | {cell(4, 1, '{:.3f}')} | "
            f"{cell(16, 1, '{:.3f}')} | {ratio.get(4, float('nan')):.2f} | {ratio.get(16, float('nan')):.2f} | "
            f"{(f'{memory[16]:.2f}' if 16 in memory else '-')} | "
            f"{cell(16, 2, '{:,.0f}') if sizes.get(16, (0, 0, None))[2] is None else f'{sizes[16][2] / 2**20:,.1f}'} | "
            f"{'linear' if ok else 'FAILS: ' + (row['status'] if row['status'] != 'ok' else 'not linear')} |")
    lines.append("")
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds per case and size")
    parser.add_argument("--only", default=None, help="run only the cases whose name contains this")
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    names = [n for n in CASES if args.only is None or args.only in n]
    rows = []
    for name in names:
        row = run_case(name, args.rounds, args.timeout)
        rows.append(row)
        print(f"{name}: {row['status']} {row.get('time_ratio', '')} {row.get('memory_ratio', '')}", flush=True)
    text = report(rows, args.rounds)
    print(text)
    if args.only is None:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text, encoding="utf-8")
    return 0 if all(verdict(r) for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
