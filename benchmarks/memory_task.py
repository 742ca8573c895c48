"""One memory measurement in a fresh process, importing nothing but the library: ``memory.py`` runs it.

    python benchmarks/memory_task.py ordinary|stream PATH

Prints one JSON line: ``seconds``, ``rss_start_mb`` (resident memory once the library, its
lexicon and tokenizer are loaded, which is where "growth" starts), ``rss_peak_mb`` (the
process's maximum resident set, ``ru_maxrss``, imports included), and for ``ordinary`` the
resident memory and the peak so far after each step (``after``: load, label, rates).

The task runner of ``benchmarks/run.py`` (``bench_throughput.py``) imports the benchmark
helpers (scikit-learn, SciPy, spaCy's comparison code: about 80 MB) before it measures; a
peak measured there is the harness's as much as the library's, so memory is measured here.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time
from pathlib import Path


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux


def _rss_mb() -> float:
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError, IndexError):
        return _peak_mb()


def run(task: str, path: Path) -> dict:
    import mediacompare as mc

    lexicon = mc.load_lexicon()
    mc.tokenize("warm up the abbreviations")
    start_rss = _rss_mb()
    start = time.perf_counter()
    after: dict = {}
    if task == "ordinary":
        corpus = mc.load_corpus(path)
        after["load"] = (_rss_mb(), _peak_mb())
        spans = mc.label(corpus, lexicon=lexicon)
        after["label"] = (_rss_mb(), _peak_mb())
        mc.label_rates(spans, corpus)
        after["rates"] = (_rss_mb(), _peak_mb())
        extra = {"articles": len(corpus), "spans": len(spans)}
    elif task == "stream":
        agg = mc.stream_aggregates(path, sentiment=False, readability=False, progress=False)
        extra = {"articles": len(agg.articles), "spans": int(agg.articles["n_spans"].sum())}
    else:
        raise SystemExit(f"unknown task {task!r}; expected ordinary or stream")
    return {"seconds": time.perf_counter() - start, "rss_start_mb": start_rss,
            "rss_peak_mb": _peak_mb(), "after": after, **extra}


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit(__doc__.split("\n\n")[1].strip())
    print(json.dumps(run(sys.argv[1], Path(sys.argv[2]))))
