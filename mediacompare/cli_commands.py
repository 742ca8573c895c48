"""The commands of the ``mediacompare`` command line (:mod:`mediacompare.cli` parses the
arguments and turns errors into exit codes). Each command imports what it needs when it runs,
so that ``mediacompare --version`` loads none of the analysis stack.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .cli_options import (AUDIENCES, EXIT_NOTEBOOK_FAILED, EXIT_OK, UsageError, corpus_options,
                          framing_options, lexicon_options)


def _load(source: str | None, args: argparse.Namespace):
    from .corpus import load_corpus

    return load_corpus(source, **corpus_options(args))


def _print_table(frame, out) -> None:
    import pandas as pd

    with pd.option_context("display.max_rows", None, "display.max_columns", None,
                           "display.width", 200, "display.max_colwidth", 60):
        print(frame.to_string(index=False), file=out)


def cmd_corpus(args: argparse.Namespace) -> int:
    corpus = _load(args.source, args)
    print(repr(corpus))
    print("\nArticles")
    _print_table(corpus.summary(), sys.stdout)
    print("\nLoad report (every input, and what became of it)")
    _print_table(corpus.load_report, sys.stdout)
    return EXIT_OK


def _csv_target(value: str, option: str = "--out") -> Path:
    """A CSV file to write: its folder must exist, and it must not be a folder itself."""
    out = Path(value)
    if out.is_dir():
        raise UsageError(f"{option} {value} is a folder; give the name of the CSV file to write, "
                         f"such as {out / 'spans.csv'}")
    parent = out.parent if str(out.parent) else Path(".")
    if not parent.is_dir():
        raise UsageError(f"{option} {value}: the folder {parent} does not exist; create it first "
                         f"(mkdir -p {parent}) or give a file in an existing folder")
    return out


def _folder_target(value: str, option: str = "--out") -> Path:
    """A folder to write CSV files into: created if missing (and said so), never a file."""
    out = Path(value)
    if out.exists() and not out.is_dir():
        raise UsageError(f"{option} {value} is a file; export writes one CSV file per table "
                         "into a folder: give a new or existing folder")
    return out


def cmd_label(args: argparse.Namespace) -> int:
    from .features import label, label_rates, load_lexicon, rates_table

    target = _csv_target(args.out) if args.out else None
    corpus = _load(args.source, args)
    lexicon = load_lexicon(**lexicon_options(args))
    spans = label(corpus, lexicon=lexicon)
    print(repr(corpus))
    print(repr(lexicon))
    rates = label_rates(spans, corpus)
    for voice in ("outlet", "quoted"):
        for confidence in ("high", "low"):
            print(f"\nLabels in the {'outlet' + chr(39) + 's own voice' if voice == 'outlet' else 'quoted voice'}"
                  f", {confidence}-confidence tier: count (per 1,000 words)")
            _print_table(rates_table(rates, voice=voice, confidence=confidence).reset_index(), sys.stdout)
    if target is not None:
        from .csvsafe import write_csv

        write_csv(spans, target)
        print(f"\nwrote {len(spans)} spans to {target}")
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from .corpus.export import export_tables
    from .features import load_lexicon

    target = _folder_target(args.out)
    corpus = _load(args.source, args)
    lexicon = load_lexicon(**lexicon_options(args))
    framing = framing_options(args)
    if not target.exists():
        print(f"creating the folder {target}")
    written = export_tables(corpus, target, lexicon=lexicon,
                            actors=framing.get("actors"), frame_cues=framing.get("frame_cues"))
    print(repr(corpus))
    for path in written:
        print(f"wrote {path}")
    return EXIT_OK


def cmd_events(args: argparse.Namespace) -> int:
    from .csvsafe import write_csv
    from .measures.events import check_params, event_table, find_events

    target = _csv_target(args.out) if args.out else None
    options = {"threshold": args.threshold, "max_days": args.max_days,
               "undated_threshold": args.undated_threshold, "use_given": not args.infer_all,
               "join_alone": getattr(args, "join_alone", True)}
    try:
        check_params(args.threshold, args.undated_threshold, args.max_days, 3.0, 2.0, 2000)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    if args.source is None:
        source, report = _load(None, args), None
    else:  # streamed: only word counts are kept, never the texts
        from .scale import iter_articles

        report = []

        def articles():
            for row, article in iter_articles(args.source, **corpus_options(args)):
                report.append(row)
                yield article
        source = articles()
    events = find_events(source, **options)
    table = event_table(events)
    if report is not None:
        skipped = [r for r in report if r.get("status") == "skipped"]
        loaded = [r for r in report if str(r.get("status", "")).startswith("loaded")]
        print(f"{len(loaded)} articles read, {len(skipped)} skipped"
              + "".join(f"\n  skipped {r.get('input')}: {r.get('reason')}" for r in skipped[:20]))
    n_multi = int((table["n_articles"] > 1).sum())
    print(f"{len(events)} articles in {len(table)} events; {n_multi} with two or more articles; "
          f"{int(events['inferred'].sum())} article(s) with an inferred event (threshold "
          f"{options['threshold']:g}, at most {options['max_days']} days apart)")
    shown = table.head(args.max_print)
    _print_table(shown.drop(columns=["article_ids", "names", "terms"]), sys.stdout)
    if len(table) > len(shown):
        print(f"... {len(table) - len(shown)} more events (--max-print, or --out for all)")
    if target is not None:
        out = target
        write_csv(events, out)
        write_csv(table, out.with_name(out.stem + "_summary" + out.suffix))
        print(f"wrote {len(events)} articles to {out} and {len(table)} events to "
              f"{out.with_name(out.stem + '_summary' + out.suffix)}")
    return EXIT_OK


def cmd_report(args: argparse.Namespace) -> int:
    from .report import build_report

    options = corpus_options(args)
    audiences = AUDIENCES if args.audience == "both" else (args.audience,)
    if args.jobs is not None and args.jobs < 1:
        raise UsageError(f"--jobs must be at least 1 (notebooks run at once); got {args.jobs}")
    if args.timeout < 1:
        raise UsageError(f"--timeout must be at least 1 second; got {args.timeout}")
    result = build_report(Path(args.out), corpus_source=args.corpus, corpus_options=options,
                          lexicon_options=lexicon_options(args),
                          framing_options=framing_options(args), audiences=audiences,
                          timeout=args.timeout, jobs=args.jobs, show_code=args.show_code)
    for page in result.pages:
        status = "ok" if page.status == "ok" else "FAILED"
        print(f"{status:6} {page.notebook} ({page.audience}) -> {page.html}")
    print(f"report: {Path(args.out) / 'index.html'}")
    if not result.ok:
        print(f"{len(result.failed)} notebook(s) failed; their pages show the error",
              file=sys.stderr)
        return EXIT_NOTEBOOK_FAILED
    return EXIT_OK


def cmd_evaluate(args: argparse.Namespace) -> int:
    import pandas as pd

    from .features import label, load_lexicon
    from .measures import agreement, annotator_agreement, read_annotations

    target = _folder_target(args.out) if args.out else None
    gold = read_annotations(args.annotations, format=args.format)
    if gold.articles is not None and args.corpus is None:
        texts = gold.articles
    elif args.corpus is not None or gold.format == "csv":
        texts = _load(args.corpus, args).articles[["article_id", "outlet", "text"]]
    gold.check_texts(texts)
    if args.spans:
        spans = read_annotations(args.spans, format="csv").spans
        where = f"the spans in {args.spans}"
    else:
        lexicon = load_lexicon(**lexicon_options(args))
        spans = label(texts, lexicon=lexicon)
        if args.tier != "all":
            spans = spans[spans["confidence"] == args.tier]
        where = f"the labeller ({len(lexicon)} lexicon entries, {args.tier} tier)"
    mapping = args.mapping if args.mapping in ("auto", "ptc", "identity") else pd.read_csv(
        args.mapping, dtype=str, keep_default_na=False)
    result = agreement(spans, gold, texts, mapping=mapping, categories=args.categories,
                       voice=None if args.voice == "all" else args.voice, top=args.top)
    print(repr(gold))
    print(f"compared: {where} against the annotations, over {result.n_articles} texts")
    print("mapping: " + "; ".join(f"{c} -> {lab}" for c, lab in result.mapping.values))
    columns = ["compared", "name", "n_predicted", "n_annotated", "tp", "fp", "fn", "precision",
               "recall", "f1"]
    for level in ("token", "span", "sentence"):
        print(f"\n{level.capitalize()} level")
        _print_table(getattr(result, level)[columns].round(3), sys.stdout)
    print("\nMost frequent labels touching no annotation")
    _print_table(result.false_positives.head(10), sys.stdout)
    print("\nAnnotated words most often missed")
    _print_table(result.missed_words.head(10), sys.stdout)
    tables = {"token": result.token, "span": result.span, "sentence": result.sentence,
              "entries": result.entries, "false_positives": result.false_positives,
              "misses": result.misses, "missed_words": result.missed_words,
              "mapping": result.mapping}
    names = [n for n in dict.fromkeys(gold.spans["annotator"]) if n]
    if args.annotators:
        picks = {n: gold.spans[gold.spans["annotator"] == n] for n in names}
        if not args.spans:
            picks["lexicon"] = spans
        pairs = annotator_agreement(picks, texts)
        print("\nAgreement per pair of annotators (every word: marked or not)")
        _print_table(pairs.round(3), sys.stdout)
        tables["annotators"] = pairs
    if target is not None:
        from .csvsafe import write_csv

        out = target
        if not out.exists():
            print(f"creating the folder {out}")
        out.mkdir(parents=True, exist_ok=True)
        for name, table in tables.items():
            write_csv(table, out / f"agreement_{name}.csv")
        print(f"\nwrote {len(tables)} tables to {out}")
    return EXIT_OK
