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
module imports only the standard library, :mod:`mediacompare.errors` and the
command line's own modules at the top (:mod:`mediacompare.cli_options`: exit
codes and shared options; :mod:`mediacompare.cli_commands`: the commands), and
each command imports what it needs when it runs.
"""

from __future__ import annotations

import argparse
import os
import sys

from .cli_commands import (_csv_target, _folder_target, _load, _print_table, cmd_corpus,  # noqa: F401
                           cmd_evaluate, cmd_events, cmd_export, cmd_label, cmd_report)
from .cli_options import (AUDIENCES, EPILOG, EXIT_BAD_INPUT, EXIT_INTERNAL,  # noqa: F401
                          EXIT_INTERRUPTED, EXIT_NOTEBOOK_FAILED, EXIT_OK, EXIT_TERMINATED,
                          EXIT_USAGE, UsageError, _add_corpus_options, _add_framing_options,
                          _add_lexicon_options, _COLUMN_FIELDS, corpus_options,
                          framing_options, lexicon_options)
from .errors import MediaCompareError


def version() -> str:
    """The installed mediacompare's version, read from its metadata (nothing else imported)."""
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as installed

    try:
        return installed("mediacompare")
    except PackageNotFoundError:  # a checkout that is not installed
        return "0+unknown"


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
    p.add_argument("--no-join", action="store_false", dest="join_alone",
                   help="an article left alone does not join an event on the words the "
                   "event's articles share")
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
