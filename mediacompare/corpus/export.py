"""Write a corpus's tidy tables as CSV files."""

from __future__ import annotations

from pathlib import Path

from .model import Corpus

__all__ = ["export_tables"]


def export_tables(corpus: Corpus, out_dir: Path, *, lexicon=None) -> list[Path]:
    """Write the tidy tables of a corpus as CSV files; returns the paths written.

    Articles (without the list columns ``removed`` and ``credits``, which have
    tables of their own), the load report, removed lines, credits, sentences,
    tokens, events, outlets, quotations, loaded-language spans and their
    rates per outlet (with ``lexicon``, a :class:`Lexicon` or paths; the
    packaged lexicons by default).
    """
    from ..features import label, label_rates, quotes_table
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
        "quotes": quotes_table(corpus),
    }
    spans = label(corpus, lexicon=lexicon)
    tables["spans"] = spans
    tables["label_rates"] = label_rates(spans, corpus)
    written = []
    for name, frame in tables.items():
        path = out_dir / f"{name}.csv"
        frame.to_csv(path, index=False, encoding="utf-8", lineterminator="\n")
        written.append(path)
    return written
