"""Pictures and capped tables made from the library's DataFrames (no report logic here)."""

from .highlight import Highlight, highlight
from .plots import (
    plot_frame_profiles,
    plot_label_rates,
    plot_lengths,
    plot_removals,
    plot_speaker_groups,
    plot_voice_split,
)
from .tables import capped

__all__ = ["Highlight", "capped", "highlight", "plot_frame_profiles", "plot_label_rates", "plot_lengths", "plot_removals",
           "plot_speaker_groups", "plot_voice_split"]
