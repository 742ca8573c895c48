"""The ``mediacompare`` command: inspect a corpus, export its tables, build the report.

Exit codes: 0 success; 1 the report was built but a notebook failed; 2 wrong
usage (argparse); 3 bad input (a missing or malformed corpus, manifest or
rules file): the message names the file and the problem.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .errors import MediaCompareError
from .report.build import AUDIENCES

EXIT_OK, EXIT_NOTEBOOK_FAILED, EXIT_USAGE, EXIT_BAD_INPUT = 0, 1, 2, 3
_COLUMN_FIELDS = ("text", "id", "outlet", "publisher", "date", "event", "title", "url", "author",
                  "file")


def _add_corpus_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("corpus options")
    group.add_argument("--manifest", metavar="CSV",
                       help="metadata CSV for a folder (default: manifest.csv inside it)")
    for name in _COLUMN_FIELDS:
        group.add_argument(f"--{name}-col", metavar="NAME", dest=f"{name}_col",
                           help=f"column holding the {name.replace('id', 'article id')} "
                                "(in the manifest, CSV or JSONL)")
    group.add_argument("--rules", metavar="CSV", help="boilerplate rules CSV replacing the packaged one")
    group.add_argument("--no-clean", action="store_true", help="keep the raw text (no boilerplate removal)")
    group.add_argument("--max-bytes", type=int, metavar="N", help="size limit of one article "
                       "(default 5,000,000 bytes); larger ones are skipped and reported")


def _add_lexicon_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("lexicon options")
    mode = group.add_mutually_exclusive_group()
    mode.add_argument("--lexicon", metavar="CSV", action="append",
                      help="lexicon CSV file (or folder) replacing the packaged lexicons; repeatable")
    mode.add_argument("--add-lexicon", metavar="CSV", action="append", dest="add_lexicon",
                      help="lexicon CSV file (or folder) added to the packaged lexicons; repeatable")


def _add_framing_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("framing options")
    group.add_argument("--add-actors", metavar="CSV", dest="add_actors",
                       help="gazetteer rows (actors.csv format) added to the packaged actors")
    group.add_argument("--add-frame-cues", metavar="CSV", dest="add_frame_cues",
                       help="frame cues (frames.csv format) added to the packaged cues")


def framing_options(args: argparse.Namespace) -> dict:
    """Paths of the user's extra actors and frame cues given on the command line."""
    out = {}
    if getattr(args, "add_actors", None):
        out["actors"] = args.add_actors
    if getattr(args, "add_frame_cues", None):
        out["frame_cues"] = args.add_frame_cues
    return out


def lexicon_options(args: argparse.Namespace) -> dict:
    """The keyword arguments of :func:`mediacompare.load_lexicon` given on the command line."""
    if getattr(args, "lexicon", None):
        return {"paths": args.lexicon}
    if getattr(args, "add_lexicon", None):
        return {"paths": args.add_lexicon, "extend": True}
    return {}


def corpus_options(args: argparse.Namespace) -> dict:
    """The keyword arguments of :func:`mediacompare.load_corpus` given on the command line."""
    options = {f"{name}_col": getattr(args, f"{name}_col") for name in _COLUMN_FIELDS
               if getattr(args, f"{name}_col", None)}
    for key in ("manifest", "rules", "max_bytes"):
        if getattr(args, key, None) is not None:
            options[key] = getattr(args, key)
    if getattr(args, "no_clean", False):
        options["clean"] = False
    return options


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


def cmd_label(args: argparse.Namespace) -> int:
    from .features import label, label_rates, load_lexicon, rates_table

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
    if args.out:
        out = Path(args.out)
        out.parent.mkdir(parents=True, exist_ok=True)
        spans.to_csv(out, index=False, encoding="utf-8", lineterminator="\n")
        print(f"\nwrote {len(spans)} spans to {out}")
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from .corpus.export import export_tables
    from .features import load_lexicon

    corpus = _load(args.source, args)
    lexicon = load_lexicon(**lexicon_options(args))
    framing = framing_options(args)
    written = export_tables(corpus, Path(args.out), lexicon=lexicon,
                            actors=framing.get("actors"), frame_cues=framing.get("frame_cues"))
    print(repr(corpus))
    for path in written:
        print(f"wrote {path}")
    return EXIT_OK


def cmd_events(args: argparse.Namespace) -> int:
    from .measures.events import check_params, event_table, find_events, write_csv

    options = {"threshold": args.threshold, "max_days": args.max_days,
               "undated_threshold": args.undated_threshold, "use_given": not args.infer_all}
    try:
        check_params(args.threshold, args.undated_threshold, args.max_days, 3.0, 2.0, 2000)
    except ValueError as exc:
        print(f"mediacompare events: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
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
        print(f"{len(report) - len(skipped)} articles read, {len(skipped)} skipped"
              + "".join(f"\n  skipped {r.get('input')}: {r.get('reason')}" for r in skipped[:20]))
    n_multi = int((table["n_articles"] > 1).sum())
    print(f"{len(events)} articles in {len(table)} events; {n_multi} with two or more articles; "
          f"{int(events['inferred'].sum())} article(s) with an inferred event (threshold "
          f"{options['threshold']:g}, at most {options['max_days']} days apart)")
    shown = table.head(args.max_print)
    _print_table(shown.drop(columns=["article_ids", "names", "terms"]), sys.stdout)
    if len(table) > len(shown):
        print(f"... {len(table) - len(shown)} more events (--max-print, or --out for all)")
    if args.out:
        out = Path(args.out)
        out.parent.mkdir(parents=True, exist_ok=True)
        write_csv(events, out)
        write_csv(table, out.with_name(out.stem + "_summary" + out.suffix))
        print(f"wrote {len(events)} articles to {out} and {len(table)} events to "
              f"{out.with_name(out.stem + '_summary' + out.suffix)}")
    return EXIT_OK


def cmd_report(args: argparse.Namespace) -> int:
    from .report import build_report

    options = corpus_options(args)
    audiences = AUDIENCES if args.audience == "both" else (args.audience,)
    result = build_report(Path(args.out), corpus_source=args.corpus, corpus_options=options,
                          lexicon_options=lexicon_options(args),
                          framing_options=framing_options(args), audiences=audiences,
                          timeout=args.timeout)
    for page in result.pages:
        status = "ok" if page.status == "ok" else "FAILED"
        print(f"{status:6} {page.notebook} ({page.audience}) -> {page.html}")
    print(f"report: {Path(args.out) / 'index.html'}")
    if not result.ok:
        print(f"{len(result.failed)} notebook(s) failed; their pages show the error",
              file=sys.stderr)
        return EXIT_NOTEBOOK_FAILED
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="mediacompare",
        description="Compare how news outlets cover the same events. SOURCE is a folder of "
                    ".txt/.html files (with an optional manifest.csv), a .csv or .jsonl file; "
                    "without it, the bundled seed articles.",
        epilog="exit codes: 0 ok; 1 a report notebook failed; 2 wrong usage; 3 bad input")
    from . import __version__

    parser.add_argument("--version", action="version", version=f"mediacompare {__version__}")
    parser.add_argument("--no-progress", action="store_true",
                        help="no progress bars (they appear on standard error when a run lasts "
                             "more than two seconds)")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("corpus", help="print the corpus and its load report",
                       description="Load SOURCE and print its articles and its load report.")
    p.add_argument("source", nargs="?", metavar="SOURCE")
    _add_corpus_options(p)
    p.set_defaults(func=cmd_corpus)

    p = sub.add_parser("label", help="label loaded language and print counts per outlet",
                       description="Label loaded language in SOURCE and print, per outlet, the "
                                   "counts and rates per 1,000 words by category, voice and "
                                   "confidence tier; --out writes every span as CSV.")
    p.add_argument("source", nargs="?", metavar="SOURCE")
    p.add_argument("--out", metavar="CSV", help="write the spans table to this CSV file")
    _add_corpus_options(p)
    _add_lexicon_options(p)
    p.set_defaults(func=cmd_label)

    p = sub.add_parser("export", help="write the tidy tables as CSV",
                       description="Load SOURCE and write articles, sentences, tokens, removed "
                                   "lines, credits, the load report, quotations, loaded-language "
                                   "spans and their rates, actor mentions, the naming table, who "
                                   "speaks, frame cues and frame profiles as CSV files into DIR.")
    p.add_argument("source", nargs="?", metavar="SOURCE")
    p.add_argument("--out", required=True, metavar="DIR", help="folder to write the CSV files into")
    _add_corpus_options(p)
    _add_lexicon_options(p)
    _add_framing_options(p)
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("events", help="group the articles into the events they report",
                       description="Find which articles report the same event (given event ids "
                                   "always win; the others are inferred from their words and "
                                   "dates), print one row per event, and with --out write one "
                                   "row per article (event, score, evidence) and the events.")
    p.add_argument("source", nargs="?", metavar="SOURCE")
    p.add_argument("--out", metavar="CSV", help="write the per-article table here, and the "
                   "events to CSV_summary.csv beside it")
    p.add_argument("--threshold", type=float, default=0.09,
                   help="mean similarity at which articles form one event (default 0.09)")
    p.add_argument("--max-days", type=int, default=3, dest="max_days",
                   help="an event never holds two articles more days apart (default 3)")
    p.add_argument("--undated-threshold", type=float, default=0.25, dest="undated_threshold",
                   help="the threshold for articles without a day date (default 0.25)")
    p.add_argument("--infer-all", action="store_true", dest="infer_all",
                   help="ignore the given event ids and infer every event (to check them)")
    p.add_argument("--max-print", type=int, default=50, dest="max_print", metavar="N",
                   help="print at most N events (default 50)")
    _add_corpus_options(p)
    p.set_defaults(func=cmd_events)

    p = sub.add_parser("report", help="execute the notebooks and write the static HTML report",
                       description="Execute every notebook on the corpus and write a "
                                   "self-contained static HTML site with an index page.")
    p.add_argument("--corpus", metavar="SOURCE", help="corpus to report on (default: the seeds)")
    p.add_argument("--out", default="report", metavar="DIR", help="output folder (default: report)")
    p.add_argument("--audience", choices=(*AUDIENCES, "both"), default="both",
                   help="student: exercise answers (cells tagged 'solution') removed; teacher: "
                        "answers shown and marked; both (default): each into its own folder, "
                        "linked from the index")
    p.add_argument("--timeout", type=int, default=600, metavar="SECONDS",
                   help="time limit of one notebook cell (default 600)")
    _add_corpus_options(p)
    _add_lexicon_options(p)
    _add_framing_options(p)
    p.set_defaults(func=cmd_report)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    from .progress import set_progress

    if args.no_progress:
        set_progress(False)
    try:
        return args.func(args)
    except MediaCompareError as exc:
        print(f"mediacompare {args.command}: error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    finally:
        if args.no_progress:
            set_progress(None)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
