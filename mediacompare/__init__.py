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
from .corpus.metadata import event_overview, event_statement, outlet_overview
from .display import capped, plot_lengths, plot_removals
from .errors import (
    ColumnError,
    CorpusError,
    CorpusFormatError,
    MediaCompareError,
    ReportError,
    ResourceError,
    SourceNotFoundError,
)
from .text import Sentence, Token, sentence_frame, sentences, token_frame, tokenize

__all__ = [
    "ColumnError",
    "Corpus",
    "CorpusError",
    "CorpusFormatError",
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
    "load_corpus",
    "load_rules",
    "outlet_overview",
    "plot_lengths",
    "plot_removals",
    "sentence_frame",
    "sentences",
    "token_frame",
    "tokenize",
]


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("mediacompare")
    except PackageNotFoundError:  # running from a checkout that is not installed
        return "0+unknown"


__version__ = _version()
