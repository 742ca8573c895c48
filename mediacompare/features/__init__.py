"""Features of the text: lexicons, quotations and voice, labels, and their summaries."""

from .label import SPAN_COLUMNS, label
from .lexicon import CATEGORIES, Entry, Lexicon, load_lexicon
from .quotes import Quote, QuoteIndex, find_quotes, quote_frame
from .summary import label_rates, rates_table, voice_words
from .taxonomy import taxonomy
from .voice import quotes_table, voices

__all__ = ["CATEGORIES", "SPAN_COLUMNS", "Entry", "Lexicon", "Quote", "QuoteIndex", "find_quotes",
           "label", "label_rates", "load_lexicon", "quote_frame", "quotes_table", "rates_table", "taxonomy",
           "voice_words", "voices"]
