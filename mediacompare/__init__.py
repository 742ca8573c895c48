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
from .display import Highlight, capped, highlight, plot_label_rates, plot_lengths, plot_removals, plot_voice_split
from .errors import (
    ColumnError,
    CorpusError,
    CorpusFormatError,
    MediaCompareError,
    ReportError,
    ResourceError,
    SourceNotFoundError,
)
from .features import (
    CATEGORIES,
    Lexicon,
    find_quotes,
    label,
    label_rates,
    load_lexicon,
    quote_frame,
    quotes_table,
    rates_table,
    taxonomy,
    voice_words,
)
from .text import Sentence, Token, sentence_frame, sentences, token_frame, tokenize

__all__ = [
    "CATEGORIES",
    "ColumnError",
    "Corpus",
    "CorpusError",
    "CorpusFormatError",
    "Highlight",
    "Lexicon",
    "MediaCompareError",
    "ReportError",
    "ResourceError",
    "Sentence",
    "SourceNotFoundError",
    "Token",
    "__version__",
    "capped",
    "clean_text",
    "event_overview",
    "event_statement",
    "find_quotes",
    "highlight",
    "label",
    "label_rates",
    "load_corpus",
    "load_lexicon",
    "load_rules",
    "outlet_overview",
    "plot_label_rates",
    "plot_lengths",
    "plot_removals",
    "plot_voice_split",
    "quote_frame",
    "quotes_table",
    "rates_table",
    "same_event_articles",
    "sentence_frame",
    "sentences",
    "taxonomy",
    "token_frame",
    "tokenize",
    "voice_words",
]


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("mediacompare")
    except PackageNotFoundError:  # running from a checkout that is not installed
        return "0+unknown"


__version__ = _version()
