"""The taxonomy of label categories, as data (``resources/taxonomy.csv``)."""

from __future__ import annotations

from functools import lru_cache

import pandas as pd

from .._paths import resource
from ..errors import ResourceError
from .lexicon import CATEGORIES

__all__ = ["taxonomy"]


@lru_cache(maxsize=1)
def _taxonomy() -> pd.DataFrame:
    path = resource("taxonomy.csv")
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    if frame["category"].tolist() != list(CATEGORIES):
        raise ResourceError(f"{path}: expected one row per category in the order "
                            f"{', '.join(CATEGORIES)}; found {', '.join(frame['category'])}")
    return frame


def taxonomy() -> pd.DataFrame:
    """One row per category: definition, an example from the seeds, and the related classes of
    the Propaganda Techniques Corpus (Da San Martino et al. 2019) and of Recasens et al. 2013.

    >>> taxonomy().loc[1, ["category", "ptc_techniques"]].tolist()
    ['labeling', 'Name_Calling,Labeling']
    """
    return _taxonomy().copy()
