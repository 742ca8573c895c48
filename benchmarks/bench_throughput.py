"""Measurements for ``benchmarks/run.py``: throughput, memory, span agreement, scaling, Dask.

Every function returns plain rows; ``run.py`` prints and writes them. Runs that
measure memory are made in a fresh subprocess (``python bench_throughput.py
TASK PATH``), so that each one's peak resident memory (``ru_maxrss``) is its
own. Timings of the same work done in several ways are interleaved, round after
round, so that load on the shared machine falls on all of them alike.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import mediacompare as mc
from mediacompare.features.label import _label_text
from mediacompare.features.lexicon import Lexicon

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import baselines  # noqa: E402
from bench_lexicon_size import interleaved_medians as interleaved  # noqa: E402
from bench_lexicon_size import synthetic_entries  # noqa: E402

WORD_KINDS = frozenset({"word", "number", "abbreviation"})
#: A sentence made up to show where the two tokenizers part ways, so that the agreement check
#: shows disagreement where there is some, not only agreement: spaCy keeps "U.S.-propaganda"
#: whole (the lexicon takes "propaganda" out of it) and splits "pro-false" (finding the entry
#: "false flag" across the hyphen, which the lexicon does not).
PROBE = ("U.S.-propaganda outlets ran a pro-false flag story about non-militant groups, the "
         "so-called rebels, on a Kremlin-propaganda site.")


def n_words(text: str) -> int:
    return sum(t.kind in WORD_KINDS for t in mc.tokenize(text))


def clean_texts(path: Path, limit: int | None = None) -> list[str]:
    texts = []
    for _, article in mc.iter_articles(path, progress=False):
        if article is not None:
            texts.append(article["text"])
            if limit is not None and len(texts) >= limit:
                break
    return texts


# --------------------------------------------------------------------------- spans and matching


def agreement(lexicon: Lexicon, texts: list[str]) -> dict:
    """Compare the lexicon's spans with spaCy's on ``texts`` and on the probe sentences."""
    comp = baselines.comparable(lexicon)
    spacy_comp = baselines.SpacyMatcher(comp)
    spacy_full = baselines.SpacyMatcher(lexicon)
    result = {"entries": len(lexicon.entries), "comparable_entries": len(comp.entries)}
    disagreeing: set[str] = set()
    for name, lex, matcher, sample in (("comparable", comp, spacy_comp, texts),
                                       ("all entries", lexicon, spacy_full, texts),
                                       ("probe", comp, spacy_comp, [PROBE])):
        agree, ours, theirs, examples = 0, 0, 0, []
        for text in sample:
            a, only_ours, only_theirs = baselines.compare_spans(baselines.lexicon_spans(lex, text),
                                                                matcher.spans(text))
            agree, ours, theirs = agree + a, ours + len(only_ours), theirs + len(only_theirs)
            for side, spans in (("lexicon only", only_ours), ("spaCy only", only_theirs)):
                for start, end, origin in spans:
                    if name == "comparable":
                        disagreeing.add(origin)
                    if len(examples) < 8:
                        examples.append(f"{side}: {text[start:end]!r} ({origin})")
        result[name] = {"agree": agree, "lexicon_only": ours, "spacy_only": theirs,
                        "examples": examples}
    agreed = baselines.restrict(comp, [e for e in comp.entries if e.origin not in disagreeing])
    spacy_agreed = baselines.SpacyMatcher(agreed)
    identical = all(baselines.lexicon_spans(agreed, t) == spacy_agreed.spans(t) for t in texts)
    result["agreed_entries"] = len(agreed.entries)
    result["agreed_identical"] = identical
    return result, agreed, spacy_agreed


def matching_speed(lexicon: Lexicon, agreed: Lexicon, spacy_agreed, texts: list[str],
                   rounds: int, regex_texts: int) -> list[dict]:
    """Words per second of each way to label ``texts``, on identical output where it can be."""
    words = sum(n_words(t) for t in texts)
    spacy_nlp = spacy_agreed.nlp

    def ours_match():
        for text in texts:
            agreed.match(text, mc.tokenize(text))

    def ours_labeller():
        for text in texts:
            _label_text("x", text, lexicon)

    def spacy_match():
        for text in texts:
            spacy_agreed.match(text)

    def ours_tokenize():
        for text in texts:
            mc.tokenize(text)

    def spacy_tokenize():
        for text in texts:
            spacy_nlp.make_doc(text)

    medians = interleaved({"ours_match": ours_match, "spacy_match": spacy_match,
                           "ours_labeller": ours_labeller, "ours_tokenize": ours_tokenize,
                           "spacy_tokenize": spacy_tokenize}, rounds)
    few = texts[:regex_texts]
    few_words = sum(n_words(t) for t in few)
    start = time.perf_counter()
    for text in few:
        baselines.regex_loop(agreed, text)
    regex_seconds = time.perf_counter() - start
    base = words / medians["spacy_match"]
    rows = [
        ("spaCy blank('en') tokenizer + PhraseMatcher (agreed entries)", words,
         medians["spacy_match"], "baseline"),
        ("mediacompare tokenize + Lexicon.match (agreed entries)", words, medians["ours_match"],
         "identical spans"),
        ("mediacompare labeller: tokens, quotations, voice, all entries with exceptions, span rows",
         words, medians["ours_labeller"], "does more than the baseline"),
        (f"regex loop, one pattern per form (agreed entries; first {len(few)} texts)", few_words,
         regex_seconds, "speed contrast only (no overlap rule)"),
        ("spaCy tokenizer alone", words, medians["spacy_tokenize"], ""),
        ("mediacompare tokenize alone", words, medians["ours_tokenize"], ""),
    ]
    return [{"what": what, "words": w, "seconds": s, "words_per_second": w / s,
             "vs_spacy": (w / s) / base, "note": note} for what, w, s, note in rows]


# --------------------------------------------------------------------------- scaling


def length_scaling(lexicon: Lexicon, copies=(1, 4, 16, 64), rounds: int = 3) -> list[dict]:
    """Cost per word of one text made of 1, 4, 16 ... copies of the seed articles."""
    seeds = mc.load_corpus().articles["text"].tolist()
    one = "\n\n".join(seeds)
    rows = []
    for k in copies:
        text = "\n\n".join([one] * k)
        words = n_words(text)
        tokens = mc.tokenize(text)
        medians = interleaved({
            "match": lambda: lexicon.match(text, tokens),
            "tokenize": lambda: mc.tokenize(text),
            "labeller": lambda: _label_text("x", text, lexicon),
        }, rounds if k <= 16 else 1)
        rows.append({"copies": k, "chars": len(text), "words": words,
                     **{f"{name}_us_per_word": 1e6 * s / words for name, s in medians.items()}})
    return rows


def lexicon_scaling(lexicon: Lexicon, texts: list[str], rounds: int) -> list[dict]:
    """The whole labeller (not only matching) with the packaged lexicon and one ten times larger."""
    n = len(lexicon.entries)
    bigger = {
        "10x, made-up words": Lexicon(lexicon.entries + tuple(synthetic_entries(9 * n, common_first=False)),
                                      lexicon.files),
        "10x, phrases opening with common words": Lexicon(
            lexicon.entries + tuple(synthetic_entries(9 * n, common_first=True)), lexicon.files),
    }
    def run(lex):
        return [_label_text("x", t, lex) for t in texts]
    reference = run(lexicon)
    same = {name: run(lex) == reference for name, lex in bigger.items()}
    medians = interleaved({"packaged": lambda: run(lexicon),
                           **{name: (lambda lex=lex: run(lex)) for name, lex in bigger.items()}},
                          rounds)
    rows = [{"lexicon": "packaged", "entries": n, "seconds": medians["packaged"], "ratio": 1.0,
             "note": ""}]
    for name, lex in bigger.items():
        rows.append({"lexicon": name, "entries": len(lex.entries), "seconds": medians[name],
                     "ratio": medians[name] / medians["packaged"],
                     "note": "same spans" if same[name] else "SPANS DIFFER"})
    return rows


# --------------------------------------------------------------------------- subprocess tasks


def child(task: str, path: str, *args: str) -> dict:
    """Run one task in a fresh Python; its peak memory is its own."""
    env = {**os.environ, "MEDIACOMPARE_PROGRESS": "0"}
    out = subprocess.run([sys.executable, __file__, task, path, *args], env=env,
                         capture_output=True, text=True)
    if out.returncode != 0:
        raise RuntimeError(f"benchmark task {task} failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def _rss_mb() -> float:
    """Peak resident memory of this process so far, in MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux


def _current_rss_mb() -> float:
    """Resident memory of this process now, in MB (Linux; else the peak so far)."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError, IndexError):
        return _rss_mb()


def _task(task: str, path: Path, *args: str) -> dict:
    lexicon = mc.load_lexicon()
    mc.tokenize("warm up the abbreviations")
    start_rss = _current_rss_mb()
    start = time.perf_counter()
    extra: dict = {}
    if task == "load":
        n = sum(1 for _, article in mc.iter_articles(path, progress=False) if article is not None)
        extra = {"articles": n}
    elif task in ("stream", "stream_full"):
        full = task == "stream_full"
        agg = mc.stream_aggregates(path, sentiment=full, readability=full, progress=False)
        extra = {"articles": len(agg.articles), "words": int(agg.articles["n_words"].sum()),
                 "spans": int(agg.articles["n_spans"].sum())}
    elif task == "ordinary":
        corpus = mc.load_corpus(path)
        spans = mc.label(corpus, lexicon=lexicon)
        mc.label_rates(spans, corpus)
        extra = {"articles": len(corpus), "spans": len(spans)}
    elif task == "spacy":
        matcher = baselines.SpacyMatcher(lexicon)
        start = time.perf_counter()  # building the matcher is not counted
        counts: Counter = Counter()
        n = 0
        for _, article in mc.iter_articles(path, progress=False):
            if article is not None:
                n += 1
                for m in matcher.match(article["text"]):
                    counts[(article["outlet"], m.entry.category, m.entry.confidence)] += 1
        extra = {"articles": n, "spans": sum(counts.values())}
    elif task == "regex":
        limit = int(args[0])
        n, words, seconds = 0, 0, 0.0
        for _, article in mc.iter_articles(path, progress=False):
            if article is None:
                continue
            t0 = time.perf_counter()
            baselines.regex_loop(lexicon, article["text"])
            seconds += time.perf_counter() - t0
            words += n_words(article["text"])
            n += 1
            if n >= limit:
                break
        return {"seconds": seconds, "words": words, "articles": n, "note": "matching only"}
    elif task == "dask":
        return _dask_task(path, int(args[0]))
    else:
        raise ValueError(f"unknown task {task!r}")
    return {"seconds": time.perf_counter() - start, "rss_start_mb": start_rss,
            "rss_peak_mb": _rss_mb(), **extra}


def _dask_task(path: Path, blocks: int) -> dict:
    from distributed import Client, LocalCluster

    blocksize = max(path.stat().st_size // blocks, 1)
    out = {}
    tables = {}
    for workers in (1, 2):
        t0 = time.perf_counter()
        with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                          dashboard_address=None) as cluster, Client(cluster) as client:
            client.run(lambda: mc.tokenize("warm up"))
            out[f"start_{workers}"] = time.perf_counter() - t0
            t0 = time.perf_counter()
            agg = mc.dask_aggregates(path, address=client, blocksize=blocksize, progress=False)
            out[f"seconds_{workers}"] = time.perf_counter() - t0
            tables[workers] = agg.label_rates
    t0 = time.perf_counter()
    single = mc.stream_aggregates(path, progress=False)
    out["seconds_stream"] = time.perf_counter() - t0
    out["identical"] = bool(tables[1].equals(tables[2]) and tables[1].equals(single.label_rates))
    out["words"] = int(single.articles["n_words"].sum())
    out["partitions"] = blocks
    return out


if __name__ == "__main__":
    print(json.dumps(_task(sys.argv[1], Path(sys.argv[2]), *sys.argv[3:])))
