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

from .corpus import Corpus, clean_text, load_corpus, load_rules
from .corpus.metadata import event_overview, event_statement, outlet_overview, same_event_articles
from .display import (
    Comparison,
    Explorer,
    Highlight,
    StaticExplorer,
    explore,
    plot_distinctive_terms,
    plot_readability,
    plot_sentiment,
    plot_similarity,
    side_by_side,
    capped,
    highlight,
    plot_frame_profiles,
    plot_label_rates,
    plot_lengths,
    plot_removals,
    plot_speaker_groups,
    plot_voice_split,
)
from .measures import (
    DistinctiveTerms,
    actor_sentiment,
    align,
    copied_passages,
    distinctive_terms,
    event_table,
    find_events,
    mattr,
    omissions,
    readability,
    sentence_sentiment,
    sentiment_summary,
    similarity,
    similarity_matrix,
    wire_copy,
)
from .errors import (
    ColumnError,
    CorpusError,
    CorpusFormatError,
    MediaCompareError,
    ReportError,
    ResourceError,
    SourceNotFoundError,
)
from .exercises import (
    check_naming,
    check_omissions,
    check_rewrite,
    check_spotted_words,
    check_voice_answers,
    naming_exercise,
    neutral_rewrite,
    omission_exercise,
    rewrite_exercise,
    spot_words_exercise,
    voice_exercise,
)
from .features import (
    CATEGORIES,
    CONFLICT_FRAMES,
    FRAMES,
    forms_by_outlet,
    frame_cues,
    frame_profiles,
    generic_label_table,
    load_actors,
    load_frame_cues,
    mentions,
    most_shared_actor,
    naming_table,
    Lexicon,
    find_quotes,
    label,
    label_rates,
    load_lexicon,
    quote_frame,
    quotes_table,
    rates_table,
    taxonomy,
    voice_table,
    voice_words,
    who_speaks,
    speaker_frame,
)
from .progress import set_progress
from .scale import Aggregates, dask_aggregates, iter_articles, stream_aggregates
from .text import Sentence, Token, sentence_frame, sentences, token_frame, tokenize

__all__ = [
    "Aggregates",
    "CATEGORIES",
    "CONFLICT_FRAMES",
    "ColumnError",
    "Comparison",
    "Corpus",
    "CorpusError",
    "CorpusFormatError",
    "DistinctiveTerms",
    "Explorer",
    "FRAMES",
    "Highlight",
    "Lexicon",
    "MediaCompareError",
    "ReportError",
    "ResourceError",
    "Sentence",
    "SourceNotFoundError",
    "StaticExplorer",
    "Token",
    "__version__",
    "actor_sentiment",
    "align",
    "capped",
    "check_naming",
    "check_omissions",
    "check_rewrite",
    "check_spotted_words",
    "check_voice_answers",
    "clean_text",
    "copied_passages",
    "dask_aggregates",
    "distinctive_terms",
    "event_overview",
    "event_statement",
    "event_table",
    "explore",
    "find_events",
    "find_quotes",
    "forms_by_outlet",
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
    "load_rules",
    "mattr",
    "mentions",
    "most_shared_actor",
    "naming_exercise",
    "naming_table",
    "neutral_rewrite",
    "omission_exercise",
    "omissions",
    "outlet_overview",
    "plot_distinctive_terms",
    "plot_frame_profiles",
    "plot_label_rates",
    "plot_lengths",
    "plot_readability",
    "plot_removals",
    "plot_sentiment",
    "plot_similarity",
    "plot_speaker_groups",
    "plot_voice_split",
    "quote_frame",
    "quotes_table",
    "rates_table",
    "readability",
    "rewrite_exercise",
    "same_event_articles",
    "sentence_frame",
    "sentence_sentiment",
    "sentences",
    "sentiment_summary",
    "set_progress",
    "side_by_side",
    "similarity",
    "similarity_matrix",
    "speaker_frame",
    "spot_words_exercise",
    "stream_aggregates",
    "taxonomy",
    "token_frame",
    "tokenize",
    "voice_exercise",
    "voice_table",
    "voice_words",
    "who_speaks",
    "wire_copy",
]


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("mediacompare")
    except PackageNotFoundError:  # running from a checkout that is not installed
        return "0+unknown"


__version__ = _version()
