"""Sentence boundaries measured on a test set written for this project, before and after.

The cases are in ``sentence_cases.py`` (text and expected sentences, grouped by kind). A case
passes when ``mc.sentences(text)`` gives exactly the expected sentences. ``--before COMMIT``
(default 4c72392, the commit before issue 12's work) extracts that commit's ``mediacompare``
with ``git archive`` and runs the same cases on it in a subprocess, in the same run. The
results go to ``benchmarks/results/sentences.md``.

Run: .venv/bin/python benchmarks/sentences.py [--before 4c72392] [--show-failures]
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import subprocess
import sys
import tarfile
import tempfile
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
RESULTS = HERE / "results" / "sentences.md"
sys.path.insert(0, str(HERE))

from sentence_cases import CASES  # noqa: E402


def evaluate() -> list[dict]:
    import mediacompare as mc

    out = []
    for kind, text, expected in CASES:
        got = [s.text for s in mc.sentences(text)]
        out.append({"kind": kind, "text": text, "expected": expected, "got": got, "ok": got == expected})
    return out


def _before(commit: str) -> list[dict]:
    with tempfile.TemporaryDirectory() as tmp:
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", "--format=tar", commit, "mediacompare"],
                                 capture_output=True, check=True).stdout
        tar_path = Path(tmp) / "tree.tar"
        tar_path.write_bytes(archive)
        with tarfile.open(tar_path) as tar:
            tar.extractall(tmp, filter="data")
        env = dict(os.environ, PYTHONPATH=tmp)
        out = subprocess.run([sys.executable, __file__, "--json"], env=env, capture_output=True, text=True,
                             cwd=tmp, check=False)
        if out.returncode:
            raise SystemExit(f"the evaluation of {commit} failed:\n{out.stderr[-2000:]}")
        return json.loads(out.stdout)


def table(results: dict[str, list[dict]]) -> str:
    kinds = list(dict.fromkeys(kind for kind, _, _ in CASES))
    head = "| kind | cases | " + " | ".join(results) + " |"
    lines = [head, "| --- | ---: | " + " | ".join("---:" for _ in results) + " |"]
    for kind in kinds + ["all"]:
        n = sum(1 for k, _, _ in CASES if kind in ("all", k))
        cells = []
        for rows in results.values():
            ok = sum(1 for r in rows if r["ok"] and kind in ("all", r["kind"]))
            cells.append(f"{ok}")
        lines.append(f"| {kind} | {n} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", default="4c72392")
    parser.add_argument("--out", type=Path, default=RESULTS)
    parser.add_argument("--show-failures", action="store_true")
    parser.add_argument("--json", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.json:
        print(json.dumps(evaluate()))
        return 0
    results = {}
    if args.before:
        results[f"before ({args.before})"] = _before(args.before)
    results["after (this tree)"] = evaluate()
    text = "\n".join([
        "# Sentence boundaries on a test set written for the project",
        "",
        f"Made by `benchmarks/sentences.py` on {datetime.date.today().isoformat()}: "
        f"{len(CASES)} cases of `benchmarks/sentence_cases.py` (written for this project after the kinds of "
        "case that public sentence-boundary suites collect, and news text), each passing when "
        "`mc.sentences` gives exactly the expected sentences. Counts of cases passed:",
        "",
        table(results),
        "",
        "Cases still failed (after): " + (", ".join(
            repr(r["text"]) for r in results["after (this tree)"] if not r["ok"]) or "none") + ".",
        "",
    ])
    print(text)
    if args.show_failures:
        for r in results["after (this tree)"]:
            if not r["ok"]:
                print(Counter(), r["text"], r["expected"], r["got"], sep="\n  ")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
