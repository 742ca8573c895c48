"""Measures of the text: sentiment, readability, vocabulary, alignment, wire copy and events;
agreement of labels with people's annotations.

The modules whose names are also the names of their functions (``agreement``, ``align``,
``readability``) are imported here; the others when one of their names is first used
(PEP 562), so that a notebook that only reads tone does not load scikit-learn and SciPy.
"""

import sys
import types

from .._lazy import lazy_names
from .agreement import Agreement, agreement, category_mapping
from .align import align, copied_passages, omissions, wire_copy
from .readability import mattr, readability

_LAZY = {
    "agencies": ("wire_agencies",),
    "annotations": ("Annotations", "read_annotations"),
    "annotators": ("annotator_agreement", "cohen_kappa"),
    "coverage": ("coverage_table",),
    "event_pairs": ("best_pair", "best_set", "event_pairs"),
    "events": ("event_table", "find_events"),
    "facts": ("fact_presence", "presence_matrix"),
    "sentiment": ("actor_sentiment", "sentence_sentiment", "sentiment_summary"),
    "syndication": ("copy_flows", "copy_matrix", "reuse_passages"),
    "vocabulary": ("DistinctiveTerms", "distinctive_terms", "similarity", "similarity_matrix"),
}
_WHERE = {name: module for module, names in _LAZY.items() for name in names}

__all__ = sorted(["Agreement", "Annotations", "DistinctiveTerms", "actor_sentiment", "agreement",
                  "align", "annotator_agreement", "best_pair", "best_set", "category_mapping",
                  "cohen_kappa", "copied_passages", "copy_flows", "copy_matrix", "coverage_table",
                  "distinctive_terms", "event_pairs", "event_table", "fact_presence", "find_events",
                  "mattr", "omissions", "presence_matrix", "read_annotations", "readability",
                  "reuse_passages", "sentence_sentiment", "sentiment_summary", "similarity",
                  "similarity_matrix", "wire_agencies", "wire_copy"])


class _Layer(types.ModuleType):
    """This package, where a public name stays the function when its module of the same name
    (``event_pairs``) is first imported (the import system would set the module over it)."""

    def __setattr__(self, name, value):
        if isinstance(value, types.ModuleType) and name in _WHERE:
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Layer


__getattr__, __dir__ = lazy_names(__name__, _WHERE, globals(), __all__)
