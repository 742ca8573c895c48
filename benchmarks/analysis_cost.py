"""Three of issue 14's targets on real news, each beside its baseline in the same run:

(a) the full per-article analysis (labels, mentions, frame cues, sentence sentiment,
    readability) against the libraries it builds on called directly on the same texts
    (spaCy ``blank("en")`` + ``sentencizer`` + a ``PhraseMatcher`` for each of the three
    lexicons, VADER on each sentence, textstat's four formulas on each article), target
    at least 0.8x their speed;
(b) the cost per word of the labeller and of the full analysis on ONE text made of 256
    articles joined, against the same 256 articles analysed one by one, target within 1.1x;
(c) the labeller with a lexicon ten times larger (made-up words; phrases opening with common
    words, the worst case for a first-token index) against the packaged lexicon, target
    within 1.1x.

Texts: the 371 articles of ``ptc-train`` (``/work/shared/devsets/ptc-train/articles``,
cleaned by ``load_corpus``; research use, never copied into the repository). When the folder
is absent the run says so and uses the synthetic generator (``synthetic.py``), which flatters
spaCy. Every case runs in one process, cases interleaved round after round (median of
``--rounds``); the analyses cache is cleared before each run of ours, so every article is
analysed afresh.

Run: .venv/bin/python benchmarks/analysis_cost.py [--rounds 5]
Writes ``benchmarks/results/analysis_cost.md``.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

import pandas as pd

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import baselines  # noqa: E402
from bench_lexicon_size import interleaved_medians, synthetic_entries  # noqa: E402
from machine import describe, write_results  # noqa: E402

RESULTS = HERE / "results" / "analysis_cost.md"
PTC = Path("/work/shared/devsets/ptc-train/articles")
JOINED = 256


def texts_table(mc) -> tuple[pd.DataFrame, str]:
    if PTC.is_dir():
        corpus = mc.load_corpus(str(PTC), progress=False)
        source = f"the {len(corpus)} articles of ptc-train (real news, cleaned by `load_corpus`)"
    else:
        import synthetic

        print(f"{PTC} is absent: using synthetic text, which flatters spaCy about fourfold",
              file=sys.stderr)
        import tempfile

        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "synthetic.jsonl"
            synthetic.write(synthetic.generate(371, seed=0), path, "jsonl")
            corpus = mc.load_corpus(str(path), progress=False)
        source = "371 synthetic articles (the seeds' sentences resampled: flatters spaCy)"
    arts = corpus.articles
    table = pd.DataFrame({"article_id": arts["article_id"].astype(str), "outlet": arts["outlet"].astype(str),
                          "text": arts["text"]})
    table = table[table["text"].map(lambda t: isinstance(t, str) and t.strip() != "")]
    return table.reset_index(drop=True), source


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--limit", type=int, default=None, help="first N articles (a quick check)")
    args = parser.parse_args()

    from importlib.metadata import version

    import spacy
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    import mediacompare as mc
    from mediacompare.features.lexicon import Lexicon
    from mediacompare.measures.readability import FORMULAS, _textstat

    table, source = texts_table(mc)
    if args.limit:
        table = table.iloc[:args.limit]
        source = f"the first {len(table)} of " + source
    texts = list(table["text"])
    words = sum(t.kind in ("word", "number", "abbreviation") for x in texts for t in mc.tokenize(x))

    # (a) the libraries called directly
    lexicon, actors, frames = mc.load_lexicon(), mc.load_actors(), mc.load_frame_cues()
    matchers = {name: baselines.SpacyMatcher(baselines.comparable(lex))
                for name, lex in (("labels", lexicon), ("mentions", actors.names), ("frames", frames))}
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    vader = SentimentIntensityAnalyzer()
    stats = _textstat()

    def libraries():
        rows = {name: [] for name in matchers}
        sentences, formulas = [], []
        for aid, doc in zip(table["article_id"], nlp.pipe(texts)):
            for name, sm in matchers.items():
                for matcher in sm.matchers.values():
                    for key, start, end in matcher(doc):
                        span = doc[start:end]
                        entry = sm.entries[key]
                        rows[name].append((aid, span.start_char, span.end_char, span.text,
                                           entry.category, entry.term))
            for k, sent in enumerate(doc.sents):
                scores = vader.polarity_scores(sent.text)
                sentences.append((aid, k, sent.start_char, sent.end_char, scores["compound"],
                                  scores["pos"], scores["neu"], scores["neg"]))
            formulas.append((aid, *(float(getattr(stats, m)(doc.text)) for m in FORMULAS.values())))
        cols = ["article_id", "start", "end", "text", "category", "term"]
        return ({name: pd.DataFrame.from_records(r, columns=cols) for name, r in rows.items()},
                pd.DataFrame.from_records(sentences), pd.DataFrame.from_records(formulas))

    def full(source_table):
        mc.clear_analyses()
        return (mc.label(source_table, progress=False), mc.mentions(source_table),
                mc.frame_cues(source_table), mc.sentence_sentiment(source_table),
                mc.readability(source_table))

    def label(source_table, lex=None):
        mc.clear_analyses()
        return mc.label(source_table, progress=False, **({} if lex is None else {"lexicon": lex}))

    # (b) one text of 256 articles joined, against the same articles one by one
    part = table.iloc[:JOINED]
    joined = pd.DataFrame({"article_id": ["joined"], "outlet": ["joined"],
                           "text": ["\n\n".join(part["text"])]})
    singles = [part.iloc[[i]] for i in range(len(part))]

    def one_by_one(func):
        for single in singles:
            func(single)

    # (c) ten times the packaged lexicon
    n = len(lexicon.entries)
    bigger = {
        "made-up words": Lexicon(lexicon.entries + tuple(synthetic_entries(9 * n, common_first=False)),
                                 lexicon.files),
        "phrases opening with common words": Lexicon(
            lexicon.entries + tuple(synthetic_entries(9 * n, common_first=True)), lexicon.files),
    }
    same = {name: label(table, lex)[["article_id", "start", "end", "category"]].equals(
        label(table)[["article_id", "start", "end", "category"]]) for name, lex in bigger.items()}

    funcs = {
        "a_libraries": libraries,
        "a_ours": lambda: full(table),
        "b_label_single": lambda: one_by_one(label),
        "b_label_table": lambda: label(part),
        "b_label_joined": lambda: label(joined),
        "b_full_single": lambda: one_by_one(full),
        "b_full_table": lambda: full(part),
        "b_full_joined": lambda: full(joined),
        "c_label_packaged": lambda: label(table),
        "c_label_madeup": lambda: label(table, bigger["made-up words"]),
        "c_label_common": lambda: label(table, bigger["phrases opening with common words"]),
    }
    full(table)  # warm every lazy import, lexicon and rule cache
    libraries()
    med = interleaved_medians(funcs, args.rounds)
    part_words = sum(t.kind in ("word", "number", "abbreviation") for x in part["text"]
                     for t in mc.tokenize(x))

    def ratio(a, b):
        return med[a] / med[b]

    speed = ratio("a_libraries", "a_ours")
    rows = [
        ("(a) full analysis: label + mentions + frame_cues + sentence_sentiment + readability",
         f"spaCy blank + sentencizer + 3 PhraseMatchers, VADER per sentence, textstat ×4: "
         f"{med['a_libraries']:.2f} s ({words / med['a_libraries']:,.0f} words/s)",
         f"{med['a_ours']:.2f} s ({words / med['a_ours']:,.0f} words/s): **{speed:.2f}×** their speed",
         "at least 0.8×", speed >= 0.8),
        (f"(b) labeller, one text of {JOINED} articles ({part_words:,} words)",
         f"the {JOINED} articles one by one: {med['b_label_single']:.2f} s",
         f"{med['b_label_joined']:.2f} s: **{ratio('b_label_joined', 'b_label_single'):.2f}×** the cost per word",
         "within 1.1×", ratio("b_label_joined", "b_label_single") <= 1.1),
        (f"(b) labeller, the same joined text against the {JOINED} articles as one table",
         f"one call on a table of {JOINED} rows: {med['b_label_table']:.2f} s",
         f"{med['b_label_joined']:.2f} s: **{ratio('b_label_joined', 'b_label_table'):.2f}×** the cost per word",
         "within 1.1×", ratio("b_label_joined", "b_label_table") <= 1.1),
        (f"(b) full analysis, one text of {JOINED} articles",
         f"the {JOINED} articles one by one: {med['b_full_single']:.2f} s",
         f"{med['b_full_joined']:.2f} s: **{ratio('b_full_joined', 'b_full_single'):.2f}×** the cost per word",
         "within 1.1×", ratio("b_full_joined", "b_full_single") <= 1.1),
        (f"(b) full analysis, the same joined text against the {JOINED} articles as one table",
         f"one call on a table of {JOINED} rows: {med['b_full_table']:.2f} s",
         f"{med['b_full_joined']:.2f} s: **{ratio('b_full_joined', 'b_full_table'):.2f}×** the cost per word",
         "within 1.1×", ratio("b_full_joined", "b_full_table") <= 1.1),
    ]
    for key, name in (("c_label_madeup", "made-up words"), ("c_label_common", "phrases opening with common words")):
        r = ratio(key, "c_label_packaged")
        rows.append((f"(c) labeller, lexicon ten times larger ({len(bigger[name].entries):,} entries: {name})",
                     f"packaged lexicon ({n:,} entries): {med['c_label_packaged']:.2f} s",
                     f"{med[key]:.2f} s: **{r:.2f}×** the time"
                     + ("" if same[name] else " (SPANS DIFFER)"),
                     "within 1.1×", r <= 1.1))
    lines = [
        "# The full analysis, text length and lexicon size on real news",
        "",
        f"{date.today().isoformat()}; {describe()}; spaCy {spacy.__version__}, textstat "
        f"{version('textstat')}, vaderSentiment {version('vaderSentiment')}; other jobs were running on the machine. Command: "
        f"`python benchmarks/analysis_cost.py --rounds {args.rounds}`. Texts: {source}, {words:,} words. "
        f"Every case in one process, interleaved, median of {args.rounds} rounds; the analyses "
        "cache is cleared before every run of ours.",
        "",
        "| measure | baseline, same run | mediacompare | target | met |",
        "| --- | --- | --- | --- | --- |",
        *[f"| {a} | {b} | {c} | {d} | {'yes' if e else '**no**'} |" for a, b, c, d, e in rows],
        "",
        "The baseline of (a) does less than the analysis: no quotations or voice, no context "
        "exceptions or phrase extents, no descriptors of mentions, no MATTR, no sentence voice "
        "for the sentiment; its matchers hold the entries a `PhraseMatcher` can express.",
        "",
        "In (b), 'one by one' calls the public function once per article (a table of one row "
        "each: the cost per call is included, as a user analysing articles one at a time pays it); "
        "'as one table' is one call on the 256 articles, so the ratio is the length effect alone.",
        "",
        "Medians (s): " + ", ".join(f"{k} {v:.3f}" for k, v in med.items()),
    ]
    write_results(RESULTS, lines)
    return 0


if __name__ == "__main__":
    sys.exit(main())
