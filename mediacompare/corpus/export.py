"""Write a corpus's tidy tables as CSV files."""

from __future__ import annotations

from pathlib import Path

from .model import Corpus

__all__ = ["export_tables"]


def export_tables(corpus: Corpus, out_dir: Path) -> list[Path]:
    """Write articles, sentences, tokens, removed lines, credits, load report, events, outlets.

    The articles table is written without its list columns (``removed`` and
    ``credits`` have tables of their own). Returns the paths written.
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    tables = {
        "articles": corpus.articles.drop(columns=["removed", "credits"]),
        "load_report": corpus.load_report,
        "removed_lines": corpus.removed(),
        "credits": corpus.credits(),
        "sentences": corpus.sentences(),
        "tokens": corpus.tokens(),
        "events": corpus.events,
        "outlets": corpus.outlets,
    }
    written = []
    for name, frame in tables.items():
        path = out_dir / f"{name}.csv"
        frame.to_csv(path, index=False, encoding="utf-8", lineterminator="\n")
        written.append(path)
    return written
