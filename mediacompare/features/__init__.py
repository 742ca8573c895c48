"""Features of the text: lexicons, quotations and voice, labels, and their summaries."""

from .actors import (
    Gazetteer,
    forms_by_outlet,
    generic_label_table,
    load_actors,
    mentions,
    most_shared_actor,
    naming_table,
)
from .frames import CONFLICT_FRAMES, FRAMES, frame_cues, frame_profiles, load_frame_cues
from .label import SPAN_COLUMNS, label
from .lexicon import CATEGORIES, Entry, Lexicon, load_lexicon
from .quotes import Quote, QuoteIndex, find_quotes, quote_frame
from .summary import label_rates, rates_table, voice_words
from .sources import voice_table, who_speaks
from .speakers import attribute_speakers, speaker_frame
from .taxonomy import taxonomy
from .voice import quotes_table, voices

__all__ = ["CATEGORIES", "CONFLICT_FRAMES", "FRAMES", "Gazetteer", "forms_by_outlet", "frame_cues",
           "frame_profiles", "generic_label_table", "load_actors", "load_frame_cues", "mentions",
           "most_shared_actor", "naming_table", "SPAN_COLUMNS", "Entry", "Lexicon", "Quote", "QuoteIndex", "find_quotes",
           "label", "label_rates", "load_lexicon", "quote_frame", "quotes_table", "rates_table", "taxonomy",
           "voice_table", "voice_words", "voices", "who_speaks",
           "attribute_speakers", "speaker_frame"]
