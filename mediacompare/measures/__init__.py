"""Measures of the text: sentiment, readability, vocabulary, alignment, wire copy and events."""

from .agencies import wire_agencies
from .align import align, copied_passages, omissions, wire_copy
from .coverage import coverage_table
from .event_pairs import best_pair, best_set, event_pairs
from .events import event_table, find_events
from .facts import fact_presence, presence_matrix
from .readability import mattr, readability
from .sentiment import actor_sentiment, sentence_sentiment, sentiment_summary
from .syndication import copy_flows, copy_matrix, reuse_passages
from .vocabulary import DistinctiveTerms, distinctive_terms, similarity, similarity_matrix

__all__ = ["DistinctiveTerms", "actor_sentiment", "align", "best_pair", "best_set", "copied_passages",
           "copy_flows", "copy_matrix", "coverage_table", "distinctive_terms", "event_pairs",
           "event_table", "fact_presence", "find_events", "mattr", "omissions", "presence_matrix",
           "readability", "reuse_passages", "sentence_sentiment", "sentiment_summary",
           "similarity", "similarity_matrix", "wire_agencies", "wire_copy"]
