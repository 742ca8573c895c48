"""The articles table that every feature reads: from a corpus, a DataFrame, a string or a Doc."""

from __future__ import annotations

import pandas as pd

from .doc import Doc

__all__ = ["articles_of"]


def articles_of(source) -> pd.DataFrame:
    """The ``article_id``/``text`` (and ``outlet``) table of a corpus, a DataFrame or a string.

    >>> articles_of("Some text.")[["article_id", "outlet"]].values.tolist()
    [['text', 'unknown']]
    """
    if isinstance(source, Doc):
        source = source.text
    if isinstance(source, str):
        return pd.DataFrame({"article_id": ["text"], "outlet": ["unknown"], "text": [source]})
    frame = getattr(source, "articles", source)
    if not isinstance(frame, pd.DataFrame):
        raise TypeError("source must be a Corpus, an articles DataFrame, a string or a Doc; got "
                        f"{type(source).__name__}")
    missing = [c for c in ("article_id", "text") if c not in frame.columns]
    if missing:
        raise ValueError(f"the articles table is missing the columns {', '.join(missing)}; "
                         f"columns are: {', '.join(map(str, frame.columns))}")
    if "outlet" not in frame.columns:
        frame = frame.assign(outlet="unknown")
    return frame
