"""Measures of the text: sentiment, readability, vocabulary, alignment and wire copy."""

from .align import align, copied_passages, omissions, wire_copy
from .events import event_table, find_events
from .readability import mattr, readability
from .sentiment import actor_sentiment, sentence_sentiment, sentiment_summary
from .vocabulary import DistinctiveTerms, distinctive_terms, similarity, similarity_matrix

__all__ = ["DistinctiveTerms", "actor_sentiment", "align", "copied_passages", "distinctive_terms",
           "event_table", "find_events",
           "mattr", "omissions", "readability", "sentence_sentiment", "sentiment_summary",
           "similarity", "similarity_matrix", "wire_copy"]
