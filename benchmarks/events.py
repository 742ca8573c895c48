"""Event grouping measured (issue 16): quality on corpora with known events, speed and memory.

1. The seeds: their four events (001 with 002, the others apart) found with the given
   ``event_id`` hidden, against the same grouping with the dates hidden too.
2. PolNeAR (``../shared/devsets/polnear-train``, when present; said so when absent): 208
   articles labelled by hand into 48 events followed by two to eight articles and 63 articles
   alone (``benchmarks/labels/polnear_events.csv``: article ids and our labels only, no text),
   grouped on their own and among all 840 articles of the same months. Pairwise precision,
   recall and F1 (over pairs of labelled articles: same event or not) and the adjusted Rand
   index, against baselines run in the same process: the same vectors with no dates, a
   scikit-learn pipeline a user might write (TfidfVectorizer, average-linkage
   AgglomerativeClustering on cosine, no dates; its threshold tuned on these very labels, in
   its favour), and "one event per day". A threshold sweep and a two-fold estimate (the
   threshold chosen on half of the events, measured on the other half) show how much the
   default owes to these labels.
3. Agencies, copy and the same-event choice on PolNeAR, before and after this change: the
   agencies named against the publishers' own wire credits in PolNeAR's metadata, the pairs
   ``wire_copy`` flags at its fixed 0.3 against the partial reuse ``copy_flows`` reports, and
   whether ``best_pair`` picks a pair of one labelled event.
4. Scale: synthetic corpora with known events built from real sentences (PolNeAR articles
   when present, else the seeds), 2,000 and 10,000 articles; each run in a fresh process for
   its peak memory: ``find_events`` on a DataFrame, the same streamed from a JSONL file
   (``mc.iter_articles``, cleaning included), and the scikit-learn baseline (dense matrix)
   at 2,000, interleaved. Then the worst case: 10,000 articles that all look alike (the
   seeds' sentences resampled, ``synthetic.py``), where every article links to every other.

Run: .venv/bin/python benchmarks/events.py [--sizes 2000,10000] [--repeats 2] [--quick]
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from itertools import combinations
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
from sklearn.cluster import AgglomerativeClustering  # noqa: E402
from sklearn.feature_extraction.text import TfidfVectorizer  # noqa: E402
from sklearn.metrics import adjusted_rand_score  # noqa: E402

import mediacompare as mc  # noqa: E402

POLNEAR = HERE.parent.parent / "shared" / "devsets" / "polnear-train"
LABELS = HERE / "labels" / "polnear_events.csv"
RESULTS = HERE / "results" / "events.md"


# ---------------------------------------------------------------- scoring

def pairwise(truth: dict, predicted: dict) -> dict:
    """Pairwise precision, recall, F1 over the pairs of the labelled articles, and the ARI."""
    ids = sorted(truth)
    tp = fp = fn = 0
    for a, b in combinations(ids, 2):
        same, grouped = truth[a] == truth[b], predicted[a] == predicted[b]
        tp += same and grouped
        fp += grouped and not same
        fn += same and not grouped
    p = tp / (tp + fp) if tp + fp else float("nan")
    r = tp / (tp + fn) if tp + fn else float("nan")
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0,
            "ari": adjusted_rand_score([truth[i] for i in ids], [predicted[i] for i in ids]),
            "pairs": tp + fn}


def fmt(m: dict) -> list[str]:
    return [f"{m['precision']:.3f}", f"{m['recall']:.3f}", f"**{m['f1']:.3f}**", f"{m['ari']:.3f}"]


def table(head: list[str], rows: list[list]) -> list[str]:
    return (["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
            + ["| " + " | ".join(map(str, r)) + " |" for r in rows])


def ours(articles: pd.DataFrame, **kw) -> dict:
    ev = mc.find_events(articles, use_given=False, **kw)
    return dict(zip(ev["article_id"], ev["event_id"]))


def sklearn_baseline(articles: pd.DataFrame, threshold: float) -> dict:
    """What a user might write: TF-IDF, average linkage on cosine, no dates."""
    texts = (articles.get("title", "").fillna("") + "\n" + articles["text"]).tolist()
    X = TfidfVectorizer(stop_words="english").fit_transform(texts)
    model = AgglomerativeClustering(n_clusters=None, metric="cosine", linkage="average",
                                    distance_threshold=1 - threshold)
    return dict(zip(articles["article_id"], model.fit(X.toarray()).labels_))


def per_day(articles: pd.DataFrame) -> dict:
    return dict(zip(articles["article_id"], articles["date"]))


# ---------------------------------------------------------------- 1. seeds

def seeds_section() -> list[str]:
    corpus = mc.load_corpus()
    truth = dict(zip(corpus.articles["article_id"], corpus.articles["event_id"]))
    found = mc.find_events(corpus, use_given=False)
    undated = ours(corpus.articles.drop(columns=["date"]))
    from mediacompare.measures.event_features import read_articles, vectors

    X, _ = vectors(read_articles(corpus, title_weight=3.0, name_weight=2.0, use_given=False))
    cos = (X @ X.T).toarray()
    pairs = [(cos[i, j], i, j) for i in range(len(cos)) for j in range(i + 1, len(cos))]
    same = [c for c, i, j in pairs if truth[corpus.articles["article_id"][i]]
            == truth[corpus.articles["article_id"][j]]]
    other = [c for c, i, j in pairs if c not in same]
    rows = [["find_events (content and dates)", *fmt(pairwise(truth, dict(zip(
        found["article_id"], found["event_id"])))), found["event_id"].nunique()],
        ["the same, dates hidden", *fmt(pairwise(truth, undated)), len(set(undated.values()))]]
    lines = ["## 1. The seeds: four events, found with the given event ids hidden", "",
             *table(["grouping", "precision", "recall", "F1", "ARI", "events"], rows), "",
             *table(["article", "outlet", "date", "event found", "given event", "score"],
                    [[r.article_id, r.outlet, r.date, r.event_id, truth[r.article_id],
                      "" if pd.isna(r.score) else f"{r.score:.2f}"]
                     for r in found.itertuples()]), "",
             f"The one same-event pair scores a cosine of {same[0]:.2f}; the other pairs, the "
             f"same story line at other moments, {min(other):.2f} to {max(other):.2f}. Without "
             "dates the words alone cannot tell the moments apart; the dates separate 2016, "
             "2017, 2018 and 2021."]
    return lines


# ---------------------------------------------------------------- 2. PolNeAR

def polnear_articles() -> pd.DataFrame:
    rows = []
    with (POLNEAR / "metadata.tsv").open(encoding="utf-8") as handle:
        for meta in csv.DictReader(handle, delimiter="\t"):
            text = (POLNEAR / "text" / f"{meta['filename']}.txt").read_text(encoding="utf-8")
            head, _, body = text.partition("\n\n")  # the first paragraph repeats the title
            if head.rstrip(".").strip() and meta["title"][:20] in head:
                text = body
            rows.append({"article_id": meta["filename"], "outlet": meta["publisher"],
                         "date": meta["publication_date"], "title": meta["title"], "text": text})
    return pd.DataFrame(rows)


def polnear_labels() -> dict:
    with LABELS.open(encoding="utf-8") as handle:
        return {row["article_id"]: row["event"] for row in csv.DictReader(handle)}


def _folds(labels: dict, articles: pd.DataFrame) -> list[set]:
    """Two halves of the labelled events, alternating in order of their first date."""
    date = dict(zip(articles["article_id"], articles["date"]))
    first: dict = {}
    for aid, event in labels.items():
        first[event] = min(first.get(event, date[aid]), date[aid])
    order = sorted(first, key=lambda e: (first[e], e))
    return [{e for k, e in enumerate(order) if k % 2 == half} for half in (0, 1)]


def polnear_section(quick: bool) -> list[str]:
    if not POLNEAR.exists():
        return ["## 2. PolNeAR: not measured", "",
                f"The development set is not at {POLNEAR}; this section needs it."]
    articles, labels = polnear_articles(), polnear_labels()
    labelled = articles[articles["article_id"].isin(labels)].reset_index(drop=True)
    sweep = [0.06, 0.08, 0.09, 0.10, 0.11, 0.12, 0.14] if not quick else [0.09, 0.10, 0.11]
    rows, sweep_rows = [], []
    for name, frame in (("the 208 labelled articles", labelled),
                        ("the same among all 840 articles", articles)):
        rows.append([name, "find_events without joining articles left alone "
                     "(`join_alone=False`, the grouping before this change)",
                     *fmt(pairwise(labels, ours(frame, join_alone=False)))])
        rows.append([name, "find_events (defaults: an article left alone joins the event "
                     "whose shared words it shares)", *fmt(pairwise(labels, ours(frame)))])
        rows.append([name, "the same, dates hidden",
                     *fmt(pairwise(labels, ours(frame.drop(columns=["date"]))))])
        best = max(((pairwise(labels, sklearn_baseline(frame, t)), t)
                    for t in (0.1, 0.15, 0.2, 0.25, 0.3, 0.4)), key=lambda mt: mt[0]["f1"])
        rows.append([name, f"scikit-learn pipeline, no dates (best threshold {best[1]})",
                     *fmt(best[0])])
        rows.append([name, "one event per day", *fmt(pairwise(labels, per_day(frame)))])
        for t in sweep:
            sweep_rows.append([name, t, *fmt(pairwise(labels, ours(frame, threshold=t)))])
    folds = _folds(labels, labelled)
    fold_rows = []
    for join in (False, True):
        for k, (tune, test) in enumerate(((folds[0], folds[1]), (folds[1], folds[0]))):
            tune_labels = {a: e for a, e in labels.items() if e in tune}
            test_labels = {a: e for a, e in labels.items() if e in test}
            chosen = max(sweep, key=lambda t: pairwise(tune_labels, ours(
                labelled[labelled["article_id"].isin(tune_labels)], threshold=t,
                join_alone=join))["f1"])
            m = pairwise(test_labels, ours(labelled[labelled["article_id"].isin(test_labels)],
                                           threshold=chosen, join_alone=join))
            # the same half among all 840 articles, at the threshold chosen on the other
            m840 = pairwise(test_labels, ours(articles, threshold=chosen, join_alone=join))
            fold_rows.append([f"`join_alone={join}`", f"half {k + 1}", chosen, *fmt(m),
                              f"**{m840['f1']:.3f}**"])
    n_events = len({e for e in labels.values() if not e.startswith("single-")})
    return ["## 2. PolNeAR: 208 articles labelled by hand", "",
            f"{len(labels)} articles of seven US publishers (Nov 2015 - Sep 2016): {n_events} "
            "events followed by two to eight articles (a vote, a debate, a shooting and the "
            "reactions to it, one story printed twice) and "
            f"{sum(e.startswith('single-') for e in labels.values())} articles whose event no "
            "other labelled article reports. Labels: `benchmarks/labels/polnear_events.csv` "
            "(ids and labels only). Scores are over the pairs of labelled articles "
            f"({pairwise(labels, labels)['pairs']} same-event pairs).", "",
            *table(["corpus", "grouping", "precision", "recall", "F1", "ARI"], rows), "",
            "Threshold sweep (the default is 0.09; the joining step uses the same threshold):",
            "",
            *table(["corpus", "threshold", "precision", "recall", "F1", "ARI"], sweep_rows), "",
            "Two-fold estimate: the threshold that is best on one half of the events (and "
            "their lone articles, grouped on their own), measured on the other half, grouped "
            "on its own and among all 840 articles; before this change (`join_alone=False`) "
            "and after:", "",
            *table(["grouping", "measured on", "threshold chosen", "precision", "recall", "F1",
                    "ARI", "F1 among the 840"], fold_rows)]


# ---------------------------------------------------------------- 3. agencies, copy, choice

def copy_section() -> list[str]:
    if not POLNEAR.exists():
        return ["## 3. Agencies, copy and the same-event choice: not measured", "",
                f"The development set is not at {POLNEAR}; this section needs it."]
    articles, labels = polnear_articles(), polnear_labels()
    with (POLNEAR / "metadata.tsv").open(encoding="utf-8") as handle:
        meta = {r["filename"]: r for r in csv.DictReader(handle, delimiter="\t")}
    articles["author"] = articles["article_id"].map(lambda a: meta[a]["author"])
    found = mc.wire_agencies(articles)
    carried = found[found["role"] == "carried"]
    named = carried.groupby("article_id")["agency"].agg(lambda s: sorted(set(s)))
    wire = {a: m["wire"] for a, m in meta.items() if m["wire"] not in ("None", "NA", "")}
    same = sum(1 for a, w in wire.items() if named.get(a, []) and named[a][0].lower() == w.lower())
    extra = [a for a in named.index if a not in wire]
    by_text = carried[carried["evidence_kind"] != "author"]["article_id"].nunique()
    old = mc.wire_copy(articles)
    old_pairs = {frozenset(p) for p in zip(old.loc[old["flag"], "article_a"],
                                           old.loc[old["flag"], "article_b"])}
    flows = mc.copy_flows(articles)
    kinds = flows["kind"].value_counts()
    cross = flows[flows["source_outlet"] != flows["carrier_outlet"]]
    labelled = articles[articles["article_id"].isin(labels)].drop(columns=["author"])
    pairs = mc.event_pairs(labelled)
    usable = pairs[~pairs["same_outlet"] & ~pairs["near_copy"]]
    top = usable.head(20)
    right = sum(labels[a] == labels[b] for a, b in zip(top["article_a"], top["article_b"]))
    choice = mc.best_pair(labelled)
    return ["## 3. Agencies, copy and the same-event choice (PolNeAR, 840 articles)", "",
            *table(["measure", "before this change", "after"], [
                ["wire agency of an article", "not named",
                 f"{same} of the {len(wire)} articles PolNeAR's metadata credits to a wire "
                 f"service (AP, AFP, Reuters, UPI) named with the same agency; {len(extra)} "
                 "more found that the metadata does not credit; "
                 f"{by_text} found from the text (dateline, credit line), the rest from the "
                 "author field"],
                ["republished or partly reused text", f"`wire_copy` flags {len(old_pairs)} pairs "
                 "(share of 8-word sequences at least 0.3)",
                 f"`copy_flows`: {len(flows)} pairs sharing passages of 20 words or more outside "
                 f"quotations ({kinds.get('republished', 0)} republished, "
                 f"{kinds.get('substantial', 0)} substantial, {kinds.get('partial', 0)} partial; "
                 f"{len(cross)} across outlets), each with its passages and a direction"],
                ["articles to compare when no event id is given",
                 "`align` refused (\"no two articles of the corpus share an event_id\", or \"at "
                 "most 4 articles\")",
                 f"`best_pair` on the 208 labelled articles (ids hidden): "
                 f"{' and '.join(choice.article_ids)}, "
                 f"{'the same' if labels[choice.article_ids[0]] == labels[choice.article_ids[1]] else 'NOT the same'}"
                 f" labelled event; {right} of the 20 first pairs of different outlets in "
                 "`event_pairs` are same-event pairs by the labels"]])]


# ---------------------------------------------------------------- 4. scale

def sources() -> tuple[list[list[str]], str]:
    if POLNEAR.exists():
        texts = polnear_articles()["text"].tolist()
        what = "sentences of the 840 PolNeAR articles"
    else:
        texts = mc.load_corpus().articles["text"].tolist()
        what = "sentences of the five seeds (PolNeAR absent: every event alike)"
    return [[s.text for s in mc.sentences(t)] for t in texts], what


def event_corpus(n: int, seed: int = 0) -> tuple[list[dict], str]:
    """Synthetic articles with known events: each event retells one real article (60-90% of
    its sentences, in order, with one to three sentences of other articles mixed in), by one
    to twelve outlets within three days; events spread over two years."""
    rng = random.Random(seed)
    material, what = sources()
    rows: list[dict] = []
    event = 0
    while len(rows) < n:
        source = material[rng.randrange(len(material))]
        size = min(rng.choice((1, 1, 1, 2, 2, 3, 3, 4, 5, 6, 8, 12)), n - len(rows))
        day = dt.date(2015, 1, 1).toordinal() + rng.randrange(730)
        for _ in range(size):
            keep = [s for s in source if rng.random() < rng.uniform(0.6, 0.9)] or source[:1]
            for _ in range(rng.randint(1, 3)):
                keep.insert(rng.randrange(len(keep) + 1), rng.choice(rng.choice(material)))
            rows.append({"article_id": f"e{len(rows):06d}", "outlet": f"Outlet {rng.randrange(12)}",
                         "date": dt.date.fromordinal(day + rng.randrange(3)).isoformat(),
                         "event_id": f"event-{event}", "title": "", "text": "\n\n".join(keep)})
        event += 1
    return rows, what


def _write(rows: list[dict], path: Path) -> Path:
    with path.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    return path


def child(task: str, path: Path) -> dict:
    env = {**os.environ, "MEDIACOMPARE_PROGRESS": "0"}
    out = subprocess.run([sys.executable, __file__, "--task", task, str(path)], env=env,
                         capture_output=True, text=True)
    if out.returncode != 0:
        raise RuntimeError(f"task {task} failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def _memory(field: str) -> float:
    """VmRSS (now) or VmHWM (peak) of this process in MB. Not ru_maxrss: Linux keeps that
    across exec, so a child would report the peak of the benchmark process that forked it."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_task(task: str, path: Path) -> dict:
    """One measurement in this (fresh) process: seconds of the grouping, peak memory."""
    frame = pd.read_json(path, lines=True, dtype=False) if task != "stream" else None
    truth = None if frame is None else dict(zip(frame["article_id"], frame["event_id"]))
    before = _memory("VmRSS")
    start = time.perf_counter()
    cut = 0
    if task in ("frame", "before"):
        found = mc.find_events(frame.drop(columns=["event_id"]), join_alone=task == "frame")
        predicted = dict(zip(found["article_id"], found["event_id"]))
        cut = int(found["date_note"].str.contains("block of at most").sum())
    elif task == "stream":
        found = mc.find_events(mc.iter_articles(path, progress=False), use_given=False)
        predicted = dict(zip(found["article_id"], found["event_id"]))
        truth = dict(zip(found["article_id"], [json.loads(line)["event_id"] for line in
                                               path.read_text(encoding="utf-8").splitlines()]))
    else:  # the scikit-learn pipeline
        predicted = sklearn_baseline(frame, 0.25)
    seconds = time.perf_counter() - start
    peak = _memory("VmHWM")
    sample = sorted(truth)[:3000]  # pairwise scores on a fixed sample of articles
    m = pairwise({a: truth[a] for a in sample}, {a: predicted[a] for a in sample})
    return {"seconds": seconds, "peak_mb": peak, "before_mb": before, "cut": cut, "f1": m["f1"],
            "ari": adjusted_rand_score(list(truth.values()),
                                       [predicted[a] for a in truth])}


def scale_section(sizes: list[int], repeats: int, data: Path) -> list[str]:
    data.mkdir(parents=True, exist_ok=True)
    rows = []
    what = ""
    for n in sizes:
        corpus, what = event_corpus(n)
        path = _write(corpus, data / f"events-{n}.jsonl")
        tasks = ["before", "frame", "stream"] + (["sklearn"] if n <= 2000 else [])
        results: dict = {t: [] for t in tasks}
        for _ in range(repeats):  # interleaved: the machine is shared
            for t in tasks:
                results[t].append(child(t, path))
        for t in tasks:
            med = {k: float(np.median([r[k] for r in results[t]])) for k in results[t][0]}
            rows.append([f"{n:,}", {"before": "find_events(join_alone=False), DataFrame in "
                                              "memory (before this change)",
                                    "frame": "find_events, DataFrame in memory",
                                    "stream": "find_events(mc.iter_articles(file)), cleaning included",
                                    "sklearn": "scikit-learn pipeline (dense, no dates)"}[t],
                         f"{med['seconds']:.1f}",
                         f"{med['seconds'] / np.median([r['seconds'] for r in results['frame']]):.2f}",
                         f"{med['peak_mb']:.0f}", f"{med['before_mb']:.0f}", f"{med['f1']:.3f}",
                         f"{med['ari']:.3f}"])
    import synthetic

    alike = data / "alike-10000.jsonl"
    alike_rows = list(synthetic.generate(10000, seed=0))
    for k, row in enumerate(alike_rows):  # all within three days: one window, one linked set
        row["date"] = f"2017-03-0{1 + k % 3}"
    synthetic.write(iter(alike_rows), alike, "jsonl")
    worst = [child("frame", alike) for _ in range(max(1, repeats - 1))]
    med = {k: float(np.median([r[k] for r in worst])) for k in worst[0]}
    return ["## 4. Scale: synthetic corpora with known events", "",
            f"Built from {what}; see `event_corpus` for how. Seconds are the grouping alone "
            "(reading the JSONL file into a DataFrame excluded, except in the streamed run, "
            "which reads, cleans and groups); peak memory is the whole process's (max RSS), "
            "beside what it held before the grouping started (Python, pandas, scikit-learn "
            "and, for the DataFrame runs, the texts read from the file). Medians of "
            f"{repeats} interleaved runs; pairwise scores on the first 3,000 articles.", "",
            *table(["articles", "run", "seconds", "× DataFrame run", "peak MB", "MB before",
                    "F1", "ARI"], rows), "",
            "The worst case, 10,000 articles that all look alike (`synthetic.py`: the seeds' "
            "sentences resampled), all dated within three days, so that every article is "
            f"compared with every other: {med['cut']:,.0f} articles were in linked sets larger "
            f"than 2,000, cut into blocks in date order; {med['seconds']:.1f} s, peak "
            f"{med['peak_mb']:.0f} MB ({med['before_mb']:.0f} MB before the grouping)."]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="2000,10000")
    parser.add_argument("--repeats", type=int, default=2)
    parser.add_argument("--quick", action="store_true", help="fewer thresholds, 2,000 articles")
    parser.add_argument("--data", type=Path, default=Path(tempfile.gettempdir()) / "mediacompare-events")
    parser.add_argument("--task", nargs=2, metavar=("TASK", "PATH"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.task:
        print(json.dumps(run_task(args.task[0], Path(args.task[1]))))
        return 0
    sizes = [2000] if args.quick else [int(s) for s in args.sizes.split(",")]
    header = ["# Event grouping: quality and scale", "",
              f"Run {dt.date.today().isoformat()}, {os.cpu_count()} cores, Python "
              f"{sys.version.split()[0]}, mediacompare {mc.__version__}: "
              "`.venv/bin/python benchmarks/events.py`.", ""]
    sections = []
    print("\n".join(header))
    for make in (seeds_section, lambda: polnear_section(args.quick), copy_section,
                 lambda: scale_section(sizes, args.repeats, args.data)):
        section = make() + [""]
        print("\n".join(section), flush=True)
        sections += section
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        RESULTS.write_text("\n".join(header + sections).rstrip() + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
