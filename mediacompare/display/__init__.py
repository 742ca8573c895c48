"""Pictures and capped tables made from the library's DataFrames (no report logic here)."""

from .highlight import Highlight, highlight
from .plots import plot_label_rates, plot_lengths, plot_removals, plot_voice_split
from .tables import capped

__all__ = ["Highlight", "capped", "highlight", "plot_label_rates", "plot_lengths", "plot_removals", "plot_voice_split"]
