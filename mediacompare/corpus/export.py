"""Write a corpus's tidy tables as CSV files."""

from __future__ import annotations

from pathlib import Path

from .model import Corpus

__all__ = ["export_tables"]


def export_tables(corpus: Corpus, out_dir: Path, *, lexicon=None, actors=None,
                  frame_cues=None) -> list[Path]:
    """Write the tidy tables of a corpus as CSV files; returns the paths written.

    Articles (without the list columns ``removed`` and ``credits``, which have
    tables of their own), the load report, removed lines, credits, sentences,
    tokens, events, outlets, quotations, loaded-language spans and their
    rates per outlet (with ``lexicon``, a :class:`Lexicon` or paths; the
    packaged lexicons by default), actor mentions, the naming table, who speaks,
    frame cues and frame profiles (``actors`` and ``frame_cues``: a user's
    CSV added to the packaged ones), sentence sentiment, readability,
    distinctive terms (with two or more outlets), similarity, wire copy, and
    the alignment of the largest same-event group (when there is one).

    Text cells that a spreadsheet would read as a formula (starting with ``=``,
    ``+``, ``-``, ``@``, a tab or a carriage return) get a leading apostrophe
    (:mod:`mediacompare.csvsafe`).
    """
    from ..features import (frame_cues as find_cues, frame_profiles, label, label_rates,
                            load_actors, load_frame_cues, mentions, naming_table, quotes_table,
                            voice_table)
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
    gazetteer = load_actors(actors, extend=True)
    named = mentions(corpus, actors=gazetteer)
    tables["mentions"] = named
    tables["naming"] = naming_table(named, corpus)
    tables["voices"] = voice_table(corpus, actors=gazetteer)
    cues = find_cues(corpus, cues=load_frame_cues(frame_cues, extend=True))
    tables["frame_cues"] = cues
    tables["frame_profiles"] = frame_profiles(cues, corpus)
    from ..corpus.metadata import same_event_articles
    from ..measures import (align, distinctive_terms, readability, sentence_sentiment,
                            similarity, wire_copy)

    tables["sentence_sentiment"] = sentence_sentiment(corpus)
    tables["readability"] = readability(corpus)
    if corpus.articles["outlet"].nunique() > 1:
        tables["distinctive_terms"] = distinctive_terms(corpus, by="outlet")
    tables["similarity"] = similarity(corpus)
    tables["wire_copy"] = wire_copy(corpus)
    pair = same_event_articles(corpus)
    if len(pair) >= 2:
        tables["alignment"] = align(corpus, pair)
    from ..csvsafe import write_csv  # cells that would run as spreadsheet formulas are escaped

    return [write_csv(frame, out_dir / f"{name}.csv") for name, frame in tables.items()]
