"""Pictures, tables for people and highlighted text made from the library's DataFrames
(no report logic here).

Names are imported when first used (module ``__getattr__``), so importing
``mediacompare.display.page`` (as the report builder does) does not load
matplotlib.
"""

from __future__ import annotations

from .._lazy import lazy_names
# Eager on purpose: the submodule ``highlight`` shares its name with the function, and
# importing the submodule binds the name to the module; this binds it to the function.
from .highlight import Highlight, highlight

#: Public name -> the module of this package that defines it.
_WHERE = {
    "Comparison": "compare", "side_by_side": "compare",
    "Explorer": "explorer", "StaticExplorer": "explorer", "explore": "explorer",
    "plot_frame_profiles": "plots", "plot_label_rates": "plots", "plot_lengths": "plots",
    "plot_readability": "plots", "plot_removals": "plots", "plot_sentiment": "plots",
    "plot_speaker_groups": "plots", "plot_voice_split": "plots",
    "plot_distinctive_terms": "vocab_plots", "plot_similarity": "vocab_plots",
    "Table": "tables", "capped": "tables", "table": "tables",
    "Chart": "charts",
    "MIN_WORDS": "rates", "rates_view": "rates",
    "Prose": "prose", "corpus_facts": "prose", "note": "prose",
    "credits_view": "views", "events_view": "views", "extremes_view": "views",
    "load_report_view": "views", "naming_view": "views", "outlets_view": "views",
    "quotes_view": "views", "readability_view": "views", "removed_view": "views",
    "similar_pairs": "views", "taxonomy_view": "views", "tone_toward_actors": "views",
    "voice_tone_view": "views",
    "compare_same_event": "event_view", "found_events_view": "event_view",
    "copy_view": "event_view", "agencies_view": "event_view",
    "plot_copy_flows": "events_plots", "plot_coverage": "events_plots",
    "plot_fact_presence": "events_plots", "timeline_events": "events_plots",
}

__all__ = sorted([*_WHERE, "Highlight", "highlight"])


__getattr__, __dir__ = lazy_names(__name__, _WHERE, globals(), __all__)
