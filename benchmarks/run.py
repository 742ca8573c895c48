"""Speed and scale of mediacompare, against baselines measured in the same run (issue 7).

One command runs every benchmark, prints each table as it is measured and writes them all to
``benchmarks/results/throughput.md`` (with the machine they ran on):

1. spans first: the labeller's spans against spaCy's PhraseMatcher on the same lexicon
   (see ``baselines.py`` for what is compared and why), then labelling speed on the same
   texts: spaCy's blank English tokenizer with the PhraseMatcher, the lexicon's matcher, the
   whole labeller, and a per-term regular-expression loop;
2. throughput (words per second) and peak memory by corpus size (1,000 / 10,000 / 100,000
   synthetic articles), each pipeline in a fresh process: loading and cleaning alone,
   streamed aggregates (load + clean + tokenize + label), the full per-article analysis
   (+ sentiment and readability), the ordinary in-memory path, and the same loading with
   spaCy or the regex loop in place of the labeller;
3. cost against text length and against lexicon size;
4. the Dask speed-up from one to two local workers;
5. the wall time of the report build on the seeds, against nbconvert executing the same
   notebooks.

The corpora are synthetic (``synthetic.py``: the seeds' sentences resampled across made-up
outlets, for timing only) and kept in ``--data`` for the next run. Figures are ratios against
a baseline run on the same input in the same run: the machine is shared and noisy, and
seconds alone are not comparable from one run to the next.

Run: .venv/bin/python benchmarks/run.py [--sizes 1000,10000,100000] [--quick]   (or: make bench)
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from importlib.metadata import version
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import mediacompare as mc  # noqa: E402
from mediacompare._paths import bundled  # noqa: E402

import bench_throughput as bt  # noqa: E402
import synthetic  # noqa: E402

RESULTS = HERE / "results" / "throughput.md"
MEMORY_TARGET_MB = 1024


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    versions = ", ".join(f"{name} {_version(name)}" for name in
                         ("mediacompare", "spacy", "dask", "distributed", "pandas"))
    return (f"{datetime.date.today().isoformat()}; {os.cpu_count()} cores ({cpu}); "
            f"Python {platform.python_version()} on {platform.system()} {platform.release()}; "
            f"{versions}")


def _version(name: str) -> str:
    try:
        return version(name)
    except Exception:  # noqa: BLE001  (not installed)
        return "not installed"


def corpus_file(data: Path, size: int) -> Path:
    path = data / f"synthetic-{size}.jsonl"
    if not path.exists():
        tmp = path.with_suffix(".tmp")
        synthetic.write(synthetic.generate(size, seed=0), tmp, "jsonl")
        tmp.rename(path)
    return path


class Report:
    """The markdown file, rewritten after each section so that a long run leaves its figures."""

    def __init__(self, out: Path, header: list[str]) -> None:
        self.out, self.header = out, header
        self.sections: dict[str, list[str]] = {}

    def section(self, lines: list[str], *, show: bool = True) -> None:
        """Add a section, or replace the one with the same first line (a table growing)."""
        if show:
            print("\n".join(lines) + "\n", flush=True)
        self.sections[lines[0]] = lines + [""]
        self.out.parent.mkdir(parents=True, exist_ok=True)
        text = "\n".join(self.header + [line for part in self.sections.values() for line in part])
        self.out.write_text(text.rstrip("\n") + "\n", encoding="utf-8")


def table(head: list[str], rows: list[list], right: set[int] = frozenset()) -> list[str]:
    lines = ["| " + " | ".join(head) + " |",
             "| " + " | ".join("---:" if i in right else "---" for i in range(len(head))) + " |"]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return lines


def spans_and_speed(args, report: Report, data: Path) -> dict:
    texts = bt.clean_texts(corpus_file(data, args.sizes[0]), args.sample)
    lexicon = mc.load_lexicon()
    found, agreed, spacy_agreed = bt.agreement(lexicon, texts)
    lines = ["## 1. Spans first, then speed: the labeller against spaCy and a regex loop", "",
             f"Texts: the first {len(texts):,} articles of the {args.sizes[0]:,}-article corpus "
             "(clean text). spaCy: `spacy.blank(\"en\")` (no model) and a `PhraseMatcher` per case "
             "(`LOWER`, `ORTH`) holding the same entries, curly quotes straightened in a copy of "
             "the text, and the lexicon's own leftmost-longest rule per category applied to its "
             "matches. Entries with `unless_next`/`unless_previous` exceptions cannot be put in "
             f"a PhraseMatcher and are left out on both sides: {found['comparable_entries']:,} "
             f"of {found['entries']:,} entries are compared.", ""]
    rows = []
    for name in ("comparable", "all entries", "probe"):
        r = found[name]
        what = {"comparable": f"{found['comparable_entries']:,} comparable entries, the texts",
                "all entries": f"all {found['entries']:,} entries (spaCy ignoring the exceptions)",
                "probe": "comparable entries, probe sentences built to show where tokenizers differ"}[name]
        rows.append([what, f"{r['agree']:,}", f"{r['lexicon_only']:,}", f"{r['spacy_only']:,}",
                     "; ".join(r["examples"]) or "none"])
    lines += table(["comparison", "same spans", "lexicon only", "spaCy only", "examples"], rows,
                   {1, 2, 3})
    lines += ["", f"Speed is compared on the {found['agreed_entries']:,} entries on which the two "
              "agree on every text (comparable entries minus any with a disagreement above): "
              f"spans identical on every text: **{'yes' if found['agreed_identical'] else 'NO'}**.",
              ""]
    speed = bt.matching_speed(lexicon, agreed, spacy_agreed, texts, args.rounds, args.regex_texts)
    lines += table(["what", "words", "median seconds", "words per second", "speed vs spaCy",
                    "output"],
                   [[r["what"], f"{r['words']:,}", f"{r['seconds']:.3f}",
                     f"{r['words_per_second']:,.0f}", f"{r['vs_spacy']:.2f}x", r["note"]]
                    for r in speed], {1, 2, 3, 4})
    lines += ["", f"Median of {args.rounds} interleaved rounds (regex loop: one run, on fewer texts, "
              "as words per second). 'speed vs spaCy' is words per second over spaCy's: above 1 is "
              "faster."]
    report.section(lines)
    return {"agreement": found, "speed": speed}


def sizes_table(args, report: Report, data: Path) -> dict:
    results: dict[int, dict] = {}
    rows = []
    for size in args.sizes:
        path = corpus_file(data, size)
        got = {"stream": bt.child("stream", str(path))}
        words = got["stream"]["words"]
        got["load"] = bt.child("load", str(path))
        got["spacy"] = bt.child("spacy", str(path))
        if size <= args.full_max:
            got["stream_full"] = bt.child("stream_full", str(path))
        if size <= args.ordinary_max:
            got["ordinary"] = bt.child("ordinary", str(path))
        if size == args.sizes[0]:
            got["regex"] = bt.child("regex", str(path), str(args.regex_texts))
        results[size] = got
        base = words / got["spacy"]["seconds"]
        names = {"load": "load + clean only (mediacompare.iter_articles)",
                 "spacy": "baseline: load + clean, then spaCy tokenizer + PhraseMatcher, counts per outlet",
                 "stream": "mediacompare.stream_aggregates: load + clean + tokenize + label",
                 "stream_full": "stream_aggregates(sentiment=True, readability=True): full analysis",
                 "ordinary": "ordinary path: load_corpus, label, label_rates (all in memory)",
                 "regex": f"regex loop per term, matching only, first {args.regex_texts} articles"}
        for key in ("spacy", "load", "stream", "stream_full", "ordinary", "regex"):
            if key not in got:
                continue
            r = got[key]
            w = r.get("words", words)
            wps = w / r["seconds"]
            peak = r.get("rss_peak_mb")
            rows.append([f"{size:,}", names[key], f"{r['seconds']:.1f}", f"{wps:,.0f}",
                         f"{wps / base:.2f}x",
                         f"{peak:,.0f}" if peak else "–",
                         f"{peak - r['rss_start_mb']:,.0f}" if peak else "–"])
        lines = ["## 2. Throughput and peak memory by corpus size", "",
                 "Each pipeline in a fresh process, on the same JSONL file of synthetic articles; "
                 "peak memory is the process's maximum resident set (`ru_maxrss`), and its growth "
                 "over the process right after imports (the library, pandas and the lexicon take "
                 "about a quarter of a gigabyte before any article). 'vs spaCy' is words per second "
                 "over the spaCy pipeline's on the same corpus in the same run.", ""]
        lines += table(["articles", "pipeline", "seconds", "words per second", "vs spaCy",
                        "peak MB", "growth MB"], rows, {0, 2, 3, 4, 5, 6})
        skipped = []
        if any(s > args.full_max for s in args.sizes):
            skipped.append(f"the full analysis above {args.full_max:,} articles")
        if any(s > args.ordinary_max for s in args.sizes):
            skipped.append(f"the ordinary path above {args.ordinary_max:,} articles")
        if skipped:
            lines += ["", f"Not run (`--full-max`, `--ordinary-max`): {'; '.join(skipped)}."]
        report.section(lines, show=False)
        print("\n".join(table(["articles", "pipeline", "seconds", "words per second", "vs spaCy",
                                "peak MB", "growth MB"], rows[-len(got):])), flush=True)
    return results


def scaling(args, report: Report, data: Path, sizes: dict) -> dict:
    lexicon = mc.load_lexicon()
    rows = bt.length_scaling(lexicon, rounds=args.rounds)
    first = rows[0]
    lines = ["## 3. Cost against text length and lexicon size", "",
             "One text made of k copies of the five seed articles, labelled whole; microseconds "
             "per word, and the ratio to one copy (1.00 = linear in the length).", ""]
    lines += table(["copies", "characters", "words", "tokenize µs/word", "Lexicon.match µs/word",
                    "labeller µs/word", "labeller ratio to 1 copy"],
                   [[r["copies"], f"{r['chars']:,}", f"{r['words']:,}",
                     f"{r['tokenize_us_per_word']:.2f}", f"{r['match_us_per_word']:.2f}",
                     f"{r['labeller_us_per_word']:.2f}",
                     f"{r['labeller_us_per_word'] / first['labeller_us_per_word']:.2f}"]
                    for r in rows], {0, 1, 2, 3, 4, 5, 6})
    by_size = [(s, r["stream"]["words"] / r["stream"]["seconds"]) for s, r in sizes.items()]
    lines += ["", "By corpus size (section 2, streamed): " + "; ".join(
        f"{s:,} articles {w:,.0f} words/s ({w / by_size[0][1]:.2f}x of {by_size[0][0]:,})"
        for s, w in by_size) + ".", ""]
    texts = bt.clean_texts(corpus_file(data, args.sizes[0]), args.sample)
    lex_rows = bt.lexicon_scaling(lexicon, texts[: max(args.sample // 5, 20)], args.rounds)
    lines += ["The whole labeller (tokens, quotations, voice, matching, span rows) on "
              f"{max(args.sample // 5, 20)} articles, with the packaged lexicon and one ten times "
              "larger (synthetic entries as in `bench_lexicon_size.py`):", ""]
    lines += table(["lexicon", "entries", "median seconds", "ratio to packaged", "spans"],
                   [[r["lexicon"], f"{r['entries']:,}", f"{r['seconds']:.3f}", f"{r['ratio']:.2f}",
                     r["note"]] for r in lex_rows], {1, 2, 3})
    if args.lexicon_size:
        out = subprocess.run([sys.executable, str(HERE / "bench_lexicon_size.py"), "--repeat",
                              str(max(args.rounds * 3, 3))], capture_output=True, text=True)
        status = "ran again in this run" if out.returncode == 0 else f"FAILED ({out.returncode})"
        lines += ["", f"Matching alone, and the regex loop: `bench_lexicon_size.py` ({status}; "
                  "[lexicon_size.md](lexicon_size.md)):", ""]
        lines += [line for line in (HERE / "results" / "lexicon_size.md").read_text().splitlines()
                  if line.startswith("|")]
    report.section(lines)
    return {"length": rows, "lexicon": lex_rows}


def dask_speedup(args, report: Report, data: Path) -> dict:
    path = corpus_file(data, args.dask_size)
    r = bt.child("dask", str(path), str(args.dask_partitions))
    lines = ["## 4. Dask: one and two local workers", "",
             f"`mediacompare.dask_aggregates` on the {args.dask_size:,}-article JSONL file cut into "
             f"about {r['partitions']} blocks, on a `LocalCluster` of processes with one thread each "
             "(started before timing, its start-up shown apart), beside `stream_aggregates` in one "
             "process on the same file.", ""]
    lines += table(["run", "seconds", "words per second", "speed-up"], [
        ["stream_aggregates, one process, no Dask", f"{r['seconds_stream']:.1f}",
         f"{r['words'] / r['seconds_stream']:,.0f}", "1.00x"],
        ["dask_aggregates, 1 worker", f"{r['seconds_1']:.1f}", f"{r['words'] / r['seconds_1']:,.0f}",
         f"{r['seconds_stream'] / r['seconds_1']:.2f}x"],
        ["dask_aggregates, 2 workers", f"{r['seconds_2']:.1f}", f"{r['words'] / r['seconds_2']:,.0f}",
         f"{r['seconds_stream'] / r['seconds_2']:.2f}x"],
    ], {1, 2, 3})
    lines += ["", f"One to two workers: **{r['seconds_1'] / r['seconds_2']:.2f}x** faster "
              f"(the machine has {os.cpu_count()} cores). Cluster start-up: {r['start_1']:.1f} s "
              f"(1 worker), {r['start_2']:.1f} s (2 workers). Tables identical across the three "
              f"runs: **{'yes' if r['identical'] else 'NO'}**."]
    report.section(lines)
    return r


def report_build(args, report: Report) -> dict:
    env = {**os.environ, "MEDIACOMPARE_PROGRESS": "0"}
    bin_dir = Path(sys.executable).parent
    timings = {}
    with tempfile.TemporaryDirectory() as tmp:
        runs = {
            "mediacompare report (student and teacher versions: each notebook executed twice)":
                [str(bin_dir / "mediacompare"), "report", "--out", f"{tmp}/both"],
            "mediacompare report --audience student (each notebook executed once)":
                [str(bin_dir / "mediacompare"), "report", "--audience", "student", "--out",
                 f"{tmp}/student"],
            "baseline: jupyter nbconvert --execute --to html, the same notebooks":
                [str(bin_dir / "jupyter"), "nbconvert", "--execute", "--to", "html",
                 "--output-dir", f"{tmp}/nbconvert",
                 *sorted(str(p) for p in bundled("notebooks").glob("*.ipynb"))],
        }
        for name, command in runs.items():
            start = time.perf_counter()
            out = subprocess.run(command, env=env, capture_output=True, text=True,
                                 cwd=bundled("notebooks"))
            timings[name] = (time.perf_counter() - start, out.returncode)
    base = timings[list(runs)[-1]][0]
    lines = ["## 5. Building the report on the seeds", "",
             f"Wall time of each command in a fresh process ({len(list(bundled('notebooks').glob('*.ipynb')))} "
             "notebooks on the five seed articles).", ""]
    lines += table(["command", "seconds", "ratio to nbconvert", "exit code"],
                   [[name, f"{s:.1f}", f"{s / base:.2f}", code] for name, (s, code) in timings.items()],
                   {1, 2, 3})
    report.section(lines)
    return timings


def summary(report: Report, results: dict, args) -> None:
    match = next(r for r in results["speed"]["speed"] if r["what"].startswith("mediacompare tokenize + "))
    labeller = next(r for r in results["speed"]["speed"] if r["what"].startswith("mediacompare labeller"))
    largest = max(results["sizes"])
    peak = results["sizes"][largest]["stream"]["rss_peak_mb"]
    length = results["scaling"]["length"]
    lex = results["scaling"]["lexicon"]
    lines = ["## Targets", "",
             f"- Labeller at least as fast as spaCy on identical output: tokenize + match runs at "
             f"{match['vs_spacy']:.2f}x spaCy's words per second on identical spans, the whole "
             f"labeller (which also finds quotations and voice) at {labeller['vs_spacy']:.2f}x: "
             f"**{'met' if match['vs_spacy'] >= 1 else 'not met'}**.",
             f"- Peak memory of the streamed aggregate tables at {largest:,} articles: {peak:,.0f} MB "
             f"(target under {MEMORY_TARGET_MB:,} MB): **{'met' if peak < MEMORY_TARGET_MB else 'not met'}**.",
             f"- Cost against text length: the labeller's cost per word at {length[-1]['copies']} "
             f"copies is {length[-1]['labeller_us_per_word'] / length[0]['labeller_us_per_word']:.2f}x "
             "that at one copy (1.00 is linear).",
             "- Cost against lexicon size (ten times the entries): "
             + ", ".join(f"{r['ratio']:.2f}x ({r['lexicon']})" for r in lex[1:]) + "."]
    if "dask" in results:
        d = results["dask"]
        lines.append(f"- Dask, one to two local workers: {d['seconds_1'] / d['seconds_2']:.2f}x.")
    report.section(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000",
                        help="corpus sizes in articles, comma-separated (default 1000,10000,100000)")
    parser.add_argument("--quick", action="store_true",
                        help="a small run to check that everything works (sizes 200,1000)")
    parser.add_argument("--data", type=Path, default=Path(tempfile.gettempdir()) / "mediacompare-bench",
                        help="where the synthetic corpora are written and kept")
    parser.add_argument("--rounds", type=int, default=3, help="interleaved rounds per timing")
    parser.add_argument("--sample", type=int, default=500, help="articles for the span comparison")
    parser.add_argument("--regex-texts", type=int, default=50,
                        help="articles the (slow) regex loop is timed on")
    parser.add_argument("--full-max", type=int, default=100_000,
                        help="largest size for the full analysis (sentiment, readability)")
    parser.add_argument("--ordinary-max", type=int, default=10_000,
                        help="largest size for the ordinary in-memory path")
    parser.add_argument("--dask-size", type=int, default=10_000, help="articles for the Dask run")
    parser.add_argument("--dask-partitions", type=int, default=16)
    parser.add_argument("--no-dask", dest="dask", action="store_false")
    parser.add_argument("--no-report", dest="report", action="store_false",
                        help="skip timing the report build")
    parser.add_argument("--no-lexicon-size", dest="lexicon_size", action="store_false",
                        help="skip re-running bench_lexicon_size.py")
    parser.add_argument("--out", type=Path, default=None,
                        help=f"the results file (default {RESULTS.relative_to(HERE.parent)}; "
                             "with --quick, a temporary file)")
    args = parser.parse_args(argv)
    if args.quick:
        args.sizes, args.rounds, args.sample, args.regex_texts = "200,1000", 1, 100, 10
        args.dask_size, args.lexicon_size = 1000, False
    if args.out is None:
        args.out = (Path(tempfile.gettempdir()) / "mediacompare-throughput-quick.md" if args.quick
                    else RESULTS)
    args.sizes = sorted(int(s.replace("_", "")) for s in str(args.sizes).split(","))
    args.data.mkdir(parents=True, exist_ok=True)
    command = "python benchmarks/run.py " + " ".join(argv if argv is not None else sys.argv[1:])
    header = ["# Throughput, memory and scale", "",
              f"Machine: {machine()}.", "",
              f"Command: `{command.strip()}`. Corpora: {synthetic.NOTE} (`benchmarks/synthetic.py`, "
              "seed 0); about 370 words an article.", ""]
    report = Report(args.out, header)
    print("\n".join(header), flush=True)
    results = {"speed": spans_and_speed(args, report, args.data),
               "sizes": sizes_table(args, report, args.data)}
    results["scaling"] = scaling(args, report, args.data, results["sizes"])
    if args.dask:
        results["dask"] = dask_speedup(args, report, args.data)
    if args.report and shutil.which(str(Path(sys.executable).parent / "jupyter")):
        results["report"] = report_build(args, report)
    summary(report, results, args)
    print(f"written to {args.out}")
    agreement_ok = results["speed"]["agreement"]["agreed_identical"]
    return 0 if agreement_ok else 1


if __name__ == "__main__":
    sys.exit(main())
