"""Measures of the text: sentiment, readability, vocabulary, alignment, wire copy and events;
agreement of labels with people's annotations."""

from .agencies import wire_agencies
from .agreement import Agreement, agreement, category_mapping
from .align import align, copied_passages, omissions, wire_copy
from .annotations import Annotations, read_annotations
from .annotators import annotator_agreement, cohen_kappa
from .coverage import coverage_table
from .event_pairs import best_pair, best_set, event_pairs
from .events import event_table, find_events
from .facts import fact_presence, presence_matrix
from .readability import mattr, readability
from .sentiment import actor_sentiment, sentence_sentiment, sentiment_summary
from .syndication import copy_flows, copy_matrix, reuse_passages
from .vocabulary import DistinctiveTerms, distinctive_terms, similarity, similarity_matrix

__all__ = sorted(["Agreement", "Annotations", "DistinctiveTerms", "actor_sentiment", "agreement",
                  "align", "annotator_agreement", "best_pair", "best_set", "category_mapping",
                  "cohen_kappa", "copied_passages", "copy_flows", "copy_matrix", "coverage_table",
                  "distinctive_terms", "event_pairs", "event_table", "fact_presence", "find_events",
                  "mattr", "omissions", "presence_matrix", "read_annotations", "readability",
                  "reuse_passages", "sentence_sentiment", "sentiment_summary", "similarity",
                  "similarity_matrix", "wire_agencies", "wire_copy"])
