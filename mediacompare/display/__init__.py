"""Pictures and capped tables made from the library's DataFrames (no report logic here)."""

from .plots import plot_lengths, plot_removals
from .tables import capped

__all__ = ["capped", "plot_lengths", "plot_removals"]
