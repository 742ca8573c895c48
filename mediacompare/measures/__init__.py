"""Measures of the text: sentiment, readability, vocabulary, alignment and wire copy; agreement
of labels with people's annotations."""

from .agreement import Agreement, agreement, category_mapping
from .align import align, copied_passages, omissions, wire_copy
from .annotations import Annotations, read_annotations
from .annotators import annotator_agreement, cohen_kappa
from .readability import mattr, readability
from .sentiment import actor_sentiment, sentence_sentiment, sentiment_summary
from .vocabulary import DistinctiveTerms, distinctive_terms, similarity, similarity_matrix

__all__ = ["Agreement", "Annotations", "DistinctiveTerms", "actor_sentiment", "agreement", "align",
           "annotator_agreement", "category_mapping", "cohen_kappa", "read_annotations", "copied_passages", "distinctive_terms",
           "mattr", "omissions", "readability", "sentence_sentiment", "sentiment_summary",
           "similarity", "similarity_matrix", "wire_copy"]
