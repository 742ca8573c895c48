"""The analysed document: each text tokenized, split into sentences and searched for quotations once.

The layer between :mod:`mediacompare.text` (tokens and sentences) and
:mod:`mediacompare.features` (labels, mentions, frames, speakers): a
:class:`Doc` per text (:mod:`.doc`), quotations (:mod:`.quotes`, the mark scan
in :mod:`.quote_scan`), their voice (:mod:`.voice`), and a cache of the
analyses of the texts a session has seen (:mod:`.cache`), so that a notebook
calling ``label``, ``mentions`` and ``frame_cues`` tokenizes each article once.
"""

from .articles import articles_of
from .cache import (analyse, analysed, analysed_articles, cache_info, clear_analyses, load_analyses,
                    save_analyses, set_analyses_limit, word_keys)
from .doc import WORD_CODES, Doc, voices
from .quotes import Quote, QuoteIndex, find_quotes, quote_frame
from .voice import MAX_REPAIRED_SHARE, SCARE_MAX_WORDS, Voices

__all__ = ["MAX_REPAIRED_SHARE", "SCARE_MAX_WORDS", "WORD_CODES", "Doc", "Quote", "QuoteIndex",
           "Voices", "analyse", "analysed", "analysed_articles", "articles_of", "cache_info", "clear_analyses",
           "find_quotes", "load_analyses", "quote_frame", "save_analyses", "set_analyses_limit", "voices",
           "word_keys"]
