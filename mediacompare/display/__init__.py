"""Pictures and capped tables made from the library's DataFrames (no report logic here)."""

from .compare import Comparison, side_by_side
from .event_view import compare_same_event
from .events_plots import plot_copy_flows, plot_coverage, plot_fact_presence
from .explorer import Explorer, StaticExplorer, explore
from .highlight import Highlight, highlight
from .plots import (
    plot_frame_profiles,
    plot_label_rates,
    plot_lengths,
    plot_readability,
    plot_removals,
    plot_sentiment,
    plot_speaker_groups,
    plot_voice_split,
)
from .tables import capped
from .vocab_plots import plot_distinctive_terms, plot_similarity

__all__ = ["Comparison", "Explorer", "Highlight", "StaticExplorer", "capped", "explore", "highlight", "plot_distinctive_terms", "plot_similarity",
           "side_by_side", "plot_frame_profiles", "plot_label_rates", "plot_lengths", "plot_readability",
           "plot_removals", "plot_sentiment",
           "plot_speaker_groups", "plot_voice_split",
           "compare_same_event", "plot_copy_flows", "plot_coverage", "plot_fact_presence"]
