"""mediacompare: compare how news outlets cover the same events.

Load a corpus (the bundled seeds, or your own folder, CSV, JSONL or DataFrame)
with :func:`load_corpus`; every analysis takes the corpus or its articles table
and returns tidy pandas tables whose rows point back into the clean text by
character offsets (:func:`tokenize`, :func:`sentences`).

>>> import mediacompare as mc
>>> corpus = mc.load_corpus()
>>> corpus.articles["outlet"].tolist()
['Fort Russ News', 'Breitbart News', 'AFP', 'Press TV', 'Al Arabiya English']
"""

# Nothing is imported here but the standard library: each public name is imported from its
# layer when first used (PEP 562), so ``import mediacompare`` and ``mediacompare --version``
# stay fast and a notebook pays only for the layers it calls (pandas for tables, scikit-learn
# for alignment, matplotlib for plots, VADER and textstat for tone and readability).

from __future__ import annotations

import importlib

from ._lazy import lazy_names

#: Where each public name lives: the layer's module, relative to this package.
_LAYERS = {
    "errors": (
        "AnnotationError", "ColumnError", "CorpusError", "CorpusFormatError", "MediaCompareError",
        "ReportError", "ResourceError", "SourceNotFoundError",
    ),
    "text": (
        "Sentence", "Token", "sentence_frame", "sentences", "token_frame", "tokenize",
    ),
    "document": (
        "Doc", "analyse", "cache_info", "clear_analyses", "set_analyses_limit",
    ),
    "corpus": (
        "Corpus", "clean_text", "load_corpus", "load_rules",
    ),
    "corpus.metadata": (
        "event_overview", "event_statement", "outlet_overview", "same_event_articles",
    ),
    "features": (
        "CATEGORIES", "CONFLICT_FRAMES", "FRAMES", "Lexicon", "find_quotes", "forms_by_outlet",
        "frame_cues", "frame_profiles", "generic_label_table", "label", "label_rates",
        "load_actors", "load_frame_cues", "load_lexicon", "mentions", "most_shared_actor",
        "naming_table", "quote_frame", "quotes_table", "rates_table", "speaker_frame", "taxonomy",
        "voice_table", "voice_words", "who_speaks",
    ),
    "measures": (
        "Agreement", "Annotations", "DistinctiveTerms", "actor_sentiment", "agreement", "align",
        "annotator_agreement", "best_pair", "best_set", "category_mapping", "copied_passages",
        "copy_flows", "copy_matrix", "coverage_table", "distinctive_terms", "event_pairs",
        "event_table", "fact_presence", "find_events", "mattr", "omissions", "presence_matrix",
        "read_annotations", "readability", "reuse_passages", "sentence_sentiment",
        "sentiment_summary", "similarity", "similarity_matrix", "wire_agencies", "wire_copy",
    ),
    "display": (
        "Chart", "Comparison", "Explorer", "Highlight", "MIN_WORDS", "StaticExplorer", "Table",
        "agencies_view", "capped", "compare_same_event", "copy_view", "corpus_facts",
        "credits_view", "events_view", "explore", "extremes_view", "found_events_view", "highlight",
        "load_report_view", "naming_view", "note", "outlets_view", "plot_copy_flows",
        "plot_coverage", "plot_distinctive_terms", "plot_fact_presence", "plot_frame_profiles",
        "plot_label_rates", "plot_lengths", "plot_readability", "plot_removals", "plot_sentiment",
        "plot_similarity", "plot_speaker_groups", "plot_voice_split", "quotes_view", "rates_view",
        "readability_view", "removed_view", "side_by_side", "similar_pairs", "table",
        "taxonomy_view", "timeline_events", "tone_toward_actors", "voice_tone_view",
    ),
    "exercises": (
        "check_naming", "check_omissions", "check_rewrite", "check_spotted_words",
        "check_voice_answers", "naming_exercise", "neutral_rewrite", "omission_exercise",
        "rewrite_exercise", "spot_words_exercise", "voice_exercise",
    ),
    "scale": (
        "Aggregates", "dask_aggregates", "iter_articles", "stream_aggregates",
    ),
    "progress": (
        "set_progress",
    ),
}
_WHERE = {name: module for module, names in _LAYERS.items() for name in names}
_SUBPACKAGES = frozenset(("corpus", "display", "document", "errors", "exercises", "features", "measures",
                          "progress", "report", "scale", "text", "cli"))

__all__ = [
    "Aggregates",
    "Agreement",
    "AnnotationError",
    "Annotations",
    "CATEGORIES",
    "CONFLICT_FRAMES",
    "Chart",
    "ColumnError",
    "Comparison",
    "Corpus",
    "CorpusError",
    "CorpusFormatError",
    "DistinctiveTerms",
    "Doc",
    "Explorer",
    "FRAMES",
    "Highlight",
    "Lexicon",
    "MIN_WORDS",
    "MediaCompareError",
    "ReportError",
    "ResourceError",
    "Sentence",
    "SourceNotFoundError",
    "StaticExplorer",
    "Table",
    "Token",
    "__version__",
    "actor_sentiment",
    "agencies_view",
    "agreement",
    "align",
    "analyse",
    "annotator_agreement",
    "best_pair",
    "best_set",
    "cache_info",
    "capped",
    "category_mapping",
    "check_naming",
    "check_omissions",
    "check_rewrite",
    "check_spotted_words",
    "check_voice_answers",
    "clean_text",
    "clear_analyses",
    "compare_same_event",
    "copied_passages",
    "copy_flows",
    "copy_matrix",
    "copy_view",
    "corpus_facts",
    "coverage_table",
    "credits_view",
    "dask_aggregates",
    "distinctive_terms",
    "event_overview",
    "event_pairs",
    "event_statement",
    "event_table",
    "events_view",
    "explore",
    "extremes_view",
    "fact_presence",
    "find_events",
    "find_quotes",
    "forms_by_outlet",
    "found_events_view",
    "frame_cues",
    "frame_profiles",
    "generic_label_table",
    "highlight",
    "iter_articles",
    "label",
    "label_rates",
    "load_actors",
    "load_corpus",
    "load_frame_cues",
    "load_lexicon",
    "load_report_view",
    "load_rules",
    "mattr",
    "mentions",
    "most_shared_actor",
    "naming_exercise",
    "naming_table",
    "naming_view",
    "neutral_rewrite",
    "note",
    "omission_exercise",
    "omissions",
    "outlet_overview",
    "outlets_view",
    "plot_copy_flows",
    "plot_coverage",
    "plot_distinctive_terms",
    "plot_fact_presence",
    "plot_frame_profiles",
    "plot_label_rates",
    "plot_lengths",
    "plot_readability",
    "plot_removals",
    "plot_sentiment",
    "plot_similarity",
    "plot_speaker_groups",
    "plot_voice_split",
    "presence_matrix",
    "quote_frame",
    "quotes_table",
    "quotes_view",
    "rates_table",
    "rates_view",
    "read_annotations",
    "readability",
    "readability_view",
    "removed_view",
    "reuse_passages",
    "rewrite_exercise",
    "same_event_articles",
    "sentence_frame",
    "sentence_sentiment",
    "sentences",
    "sentiment_summary",
    "set_analyses_limit",
    "set_progress",
    "side_by_side",
    "similar_pairs",
    "similarity",
    "similarity_matrix",
    "speaker_frame",
    "spot_words_exercise",
    "stream_aggregates",
    "table",
    "taxonomy",
    "taxonomy_view",
    "timeline_events",
    "token_frame",
    "tokenize",
    "tone_toward_actors",
    "voice_exercise",
    "voice_table",
    "voice_tone_view",
    "voice_words",
    "who_speaks",
    "wire_agencies",
    "wire_copy",
]


def _subpackage_or_version(name: str):
    if name in _SUBPACKAGES:
        return importlib.import_module(f".{name}", __name__)
    if name == "__version__":
        globals()["__version__"] = value = _version()
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__getattr__, __dir__ = lazy_names(__name__, _WHERE, globals(), [*__all__, *_SUBPACKAGES],
                                  fallback=_subpackage_or_version)


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("mediacompare")
    except PackageNotFoundError:  # running from a checkout that is not installed
        return "0+unknown"
