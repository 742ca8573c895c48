"""The ``mediacompare`` command: inspect a corpus, export its tables, build the report, and
evaluate the labels against people's annotations.

Exit codes (also in ``--help`` and the README):

== ==========================================================================
0  success
1  the report was built, but a notebook failed (its page shows the error)
2  wrong usage: an unknown option or command, a missing or bad value, an
   output path of the wrong kind; the message is followed by that command's usage
3  bad input: a missing or malformed corpus, manifest, rules or lexicon file, or
   a file or folder that cannot be read or written; the message names it
4  an internal error (a bug): the message says what; ``MEDIACOMPARE_DEBUG=1``
   shows the traceback
130 interrupted (Ctrl-C); 143 terminated (SIGTERM): nothing half-written is left
== ==========================================================================

``mediacompare --version`` answers without importing the analysis stack: this
module imports only the standard library and :mod:`mediacompare.errors` at the
top, and each command imports what it needs.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .errors import MediaCompareError

EXIT_OK, EXIT_NOTEBOOK_FAILED, EXIT_USAGE, EXIT_BAD_INPUT, EXIT_INTERNAL = 0, 1, 2, 3, 4
EXIT_INTERRUPTED, EXIT_TERMINATED = 130, 143
#: The report's audiences (as :data:`mediacompare.report.build.AUDIENCES`, without importing it).
AUDIENCES = ("student", "teacher")
EPILOG = ("exit codes: 0 ok; 1 a report notebook failed; 2 wrong usage; 3 bad input (a file "
          "that is missing, malformed, unreadable or unwritable); 4 internal error; "
          "130 interrupted; 143 terminated")


class UsageError(Exception):
    """A wrong value on the command line, found after parsing (shown with the command's usage)."""
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
    group.add_argument("--follow-links", action="store_true", dest="follow_links",
                       help="read files that symbolic links in a folder point to outside it "
                            "(by default they are skipped and reported)")


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
    if getattr(args, "follow_links", False):
        options["follow_links"] = True
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
               "undated_threshold": args.undated_threshold, "use_given": not args.infer_all}
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


def version() -> str:
    """The installed mediacompare's version, read from its metadata (nothing else imported)."""
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as installed

    try:
        return installed("mediacompare")
    except PackageNotFoundError:  # a checkout that is not installed
        return "0+unknown"


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


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="mediacompare",
        description="Compare how news outlets cover the same events. SOURCE is a folder of "
                    ".txt/.html files (with an optional manifest.csv), a .csv or .jsonl file; "
                    "without it, the bundled seed articles.",
        epilog=EPILOG)
    parser.add_argument("--version", action="version", version=f"mediacompare {version()}")
    parser.add_argument("--no-progress", action="store_true",
                        help="no progress bars (they appear on standard error when a run lasts "
                             "more than two seconds)")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("corpus", help="print the corpus and its load report",
                       description="Load SOURCE and print its articles and its load report.",
                       epilog=EPILOG)
    p.add_argument("source", nargs="?", metavar="SOURCE")
    _add_corpus_options(p)
    p.set_defaults(func=cmd_corpus)

    p = sub.add_parser("label", help="label loaded language and print counts per outlet",
                       description="Label loaded language in SOURCE and print, per outlet, the "
                                   "counts and rates per 1,000 words by category, voice and "
                                   "confidence tier; --out writes every span as CSV.",
                       epilog=EPILOG)
    p.add_argument("source", nargs="?", metavar="SOURCE")
    p.add_argument("--out", metavar="CSV", help="write the spans table to this CSV file (its "
                   "folder must exist; cells that a spreadsheet would read as a formula are "
                   "escaped)")
    _add_corpus_options(p)
    _add_lexicon_options(p)
    p.set_defaults(func=cmd_label)

    p = sub.add_parser("export", help="write the tidy tables as CSV",
                       description="Load SOURCE and write articles, sentences, tokens, removed "
                                   "lines, credits, the load report, quotations, loaded-language "
                                   "spans and their rates, actor mentions, the naming table, who "
                                   "speaks, frame cues and frame profiles as CSV files into DIR. "
                                   "Cells that a spreadsheet would read as a formula (starting "
                                   "with =, +, -, @, a tab or a carriage return) are escaped "
                                   "with a leading apostrophe.",
                       epilog=EPILOG)
    p.add_argument("source", nargs="?", metavar="SOURCE")
    p.add_argument("--out", required=True, metavar="DIR",
                   help="folder to write the CSV files into (created if missing; not a file)")
    _add_corpus_options(p)
    _add_lexicon_options(p)
    _add_framing_options(p)
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("evaluate", help="compare the labels with people's annotations",
                       description="Compare the labeller's spans (or the spans of --spans) with "
                                   "annotated spans: token, span and sentence precision, recall "
                                   "and F1 per category and per annotation label, the most "
                                   "frequent false positives and misses; --annotators adds "
                                   "percent agreement and Cohen's kappa per pair of annotators.")
    p.add_argument("annotations", metavar="ANNOTATIONS",
                   help="a CSV of spans (article_id,start,end,category[,annotator]), a PTC folder "
                        "(article<ID>.txt and ID<TAB>technique<TAB>start<TAB>end files) or BRAT "
                        ".ann files")
    p.add_argument("--format", choices=("csv", "ptc", "brat"),
                   help="the annotations' format (guessed from the path by default)")
    p.add_argument("--corpus", metavar="SOURCE",
                   help="the texts the offsets point into (needed for a CSV of spans; default: "
                        "the texts of a PTC or BRAT folder, or the seeds for a CSV)")
    p.add_argument("--spans", metavar="CSV", help="evaluate these spans (article_id,start,end,"
                   "category) instead of labelling the texts")
    p.add_argument("--mapping", default="auto", metavar="auto|ptc|identity|CSV",
                   help="which annotation labels each category stands for: the taxonomy's PTC "
                        "techniques, identity, or a CSV with category,label columns (default: "
                        "identity when the annotations use the library's categories, else ptc)")
    p.add_argument("--categories", nargs="+", metavar="CATEGORY",
                   help="compare only these categories (e.g. emotive labeling)")
    p.add_argument("--tier", choices=("all", "high", "low"), default="all",
                   help="only the labels of this confidence tier (default: all)")
    p.add_argument("--voice", choices=("all", "outlet", "quoted"), default="all",
                   help="only words in the outlet's own voice, or in reported speech")
    p.add_argument("--annotators", action="store_true",
                   help="also percent agreement and Cohen's kappa per pair of annotators (the "
                        "annotator column, and the labeller as 'lexicon')")
    p.add_argument("--top", type=int, default=25, metavar="N",
                   help="rows of the false-positive and miss tables (default 25)")
    p.add_argument("--out", metavar="DIR", help="write every table as CSV into DIR")
    _add_corpus_options(p)
    _add_lexicon_options(p)
    p.set_defaults(func=cmd_evaluate)

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
                                   "static HTML site that opens offline, with an index page.",
                       epilog=EPILOG)
    p.add_argument("--corpus", metavar="SOURCE", help="corpus to report on (default: the seeds)")
    p.add_argument("--out", default="report", metavar="DIR", help="output folder (default: report)")
    p.add_argument("--audience", choices=(*AUDIENCES, "both"), default="both",
                   help="student: exercise answers (cells tagged 'solution') removed; teacher: "
                        "answers shown and marked; both (default): each into its own folder, "
                        "linked from the index")
    p.add_argument("--timeout", type=int, default=600, metavar="SECONDS",
                   help="time limit of one notebook cell (default 600)")
    p.add_argument("--jobs", type=int, default=None, metavar="N",
                   help="notebooks run at once (default: one per available core)")
    p.add_argument("--show-code", action="store_true", dest="show_code",
                   help="show the code of the notebooks in the teacher's version (the "
                        "student's version never shows code)")
    _add_corpus_options(p)
    _add_lexicon_options(p)
    _add_framing_options(p)
    p.set_defaults(func=cmd_report)
    return parser


def _subparsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    parser = build_parser()
    # Unknown options are reported by the command's own parser, so the message is followed
    # by that command's usage, not the top-level one. argparse raises SystemExit: 0 for
    # --help and --version, 2 for a usage error.
    args, extra = parser.parse_known_args(argv)
    command = _subparsers(parser)[args.command]
    if extra:
        command.error(f"unrecognized arguments: {' '.join(extra)}")
    from .progress import set_progress

    if args.no_progress:
        set_progress(False)
    try:
        return args.func(args)
    except UsageError as exc:
        command.print_usage(sys.stderr)
        print(f"mediacompare {args.command}: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except MediaCompareError as exc:
        print(f"mediacompare {args.command}: error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except OSError as exc:
        where = f" {exc.filename}" if getattr(exc, "filename", None) else ""
        print(f"mediacompare {args.command}: error:{where}: {exc.strerror or exc}",
              file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt as exc:
        signum = getattr(exc, "signum", None)
        if signum is not None:
            print(f"mediacompare {args.command}: terminated; nothing was written",
                  file=sys.stderr)
            return 128 + signum
        print(f"mediacompare {args.command}: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except Exception as exc:  # a bug: say what, without a traceback (unless asked)
        if os.environ.get("MEDIACOMPARE_DEBUG") == "1":
            raise
        print(f"mediacompare {args.command}: internal error: {type(exc).__name__}: {exc}\n"
              "This is a bug in mediacompare; run again with MEDIACOMPARE_DEBUG=1 to see where.",
              file=sys.stderr)
        return EXIT_INTERNAL
    finally:
        if args.no_progress:
            set_progress(None)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
