"""The command line's shared pieces: exit codes, the corpus, lexicon and framing options
(added to a command's parser, and read back as the keyword arguments of the library's
functions), and the usage error a command raises after parsing.

Standard library only: ``mediacompare --version`` imports this.
"""

from __future__ import annotations

import argparse

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
