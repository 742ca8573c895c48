"""The :class:`Corpus`: an articles table, its load report, and tidy views of both."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

import pandas as pd

__all__ = ["ARTICLE_COLUMNS", "REPORT_COLUMNS", "STATUSES", "Corpus"]

#: Columns of :attr:`Corpus.articles`, in order (extra metadata columns of the
#: user's manifest or CSV follow them).
ARTICLE_COLUMNS = ("article_id", "outlet", "publisher", "date", "event_id", "title", "url",
                   "author", "text", "n_chars", "duplicate_of", "raw", "removed", "credits",
                   "source", "encoding")
#: Columns of :attr:`Corpus.load_report`.
REPORT_COLUMNS = ("input", "article_id", "status", "reason", "encoding")
#: ``read`` and ``read_with_warning`` are rows about a metadata file or a source's columns
#: (what was read by its common name, which columns were kept or not used), not articles.
STATUSES = ("loaded", "loaded_with_warning", "skipped", "read", "read_with_warning")


def _empty(columns) -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype=object) for c in columns})


@dataclass(frozen=True, eq=False)
class Corpus:
    """A loaded corpus.

    Attributes
    ----------
    articles : DataFrame
        One row per article: metadata, ``raw`` (as read), ``text`` (the clean
        body every offset points into), ``removed`` (the boilerplate lines,
        each with the rule that removed it) and ``credits`` (who wrote or
        photographed what, from credit lines).
    load_report : DataFrame
        Every input (file, manifest line, CSV or JSONL row) with its status,
        ``loaded``, ``loaded_with_warning`` or ``skipped``, the reason, and the
        ``encoding`` it was read in with how that was decided. Rows with status
        ``read`` or ``read_with_warning`` are about a metadata file or a
        source's columns (names read by alias, columns kept or not used).
    events, outlets : DataFrame
        Event and outlet metadata shipped with the corpus (may be empty).
    """

    articles: pd.DataFrame
    load_report: pd.DataFrame
    events: pd.DataFrame = field(default_factory=lambda: _empty(("event_id", "date", "description")))
    outlets: pd.DataFrame = field(default_factory=lambda: _empty(("name",)))

    def __len__(self) -> int:
        return len(self.articles)

    def __repr__(self) -> str:
        counts = self.load_report["status"].value_counts()
        outlets = self.articles["outlet"].nunique() if len(self.articles) else 0
        return (f"<Corpus: {len(self.articles)} articles from {outlets} outlets; "
                f"{counts.get('loaded', 0)} loaded, {counts.get('loaded_with_warning', 0)} "
                f"loaded with warnings, {counts.get('skipped', 0)} skipped>")

    def summary(self) -> pd.DataFrame:
        """One row per article: metadata and sizes (characters, words, sentences, removed lines)."""
        from ..document import analysed_articles

        rows = []
        for art, doc in analysed_articles(self.articles):
            rows.append({
                "article_id": art.article_id, "outlet": art.outlet, "publisher": art.publisher,
                "date": art.date, "event_id": art.event_id, "title": art.title,
                "n_chars": len(art.text),
                "n_words": doc.n_words,
                "n_sentences": doc.n_sentences,
                "n_removed_lines": len(art.removed),
            })
        return pd.DataFrame(rows, columns=["article_id", "outlet", "publisher", "date", "event_id",
                                           "title", "n_chars", "n_words", "n_sentences",
                                           "n_removed_lines"])

    def removed(self) -> pd.DataFrame:
        """Tidy table of every line the cleaning removed, with the rule and the reason."""
        columns = ["article_id", "outlet", "line_no", "text", "rule_id", "category", "reason",
                   "trigger_line_no"]
        rows = [{"article_id": art.article_id, "outlet": art.outlet, **rec}
                for art in self.articles.itertuples(index=False) for rec in art.removed]
        frame = pd.DataFrame(rows, columns=columns)
        return frame.astype({"line_no": "int64", "trigger_line_no": "Int64"})

    def removal_counts(self) -> pd.DataFrame:
        """Tidy counts of removed lines per article and category (zero rows are left out)."""
        removed = self.removed()
        counts = (removed.groupby(["article_id", "outlet", "category"], sort=False).size()
                  .rename("n_lines").reset_index())
        return counts.astype({"n_lines": "int64"})

    def credits(self) -> pd.DataFrame:
        """Tidy table of credit lines turned into metadata (photo, copyright, author)."""
        columns = ["article_id", "outlet", "kind", "who", "line_no", "text", "rule_id"]
        rows = [{"article_id": art.article_id, "outlet": art.outlet, **rec}
                for art in self.articles.itertuples(index=False) for rec in art.credits]
        return pd.DataFrame(rows, columns=columns).astype({"line_no": "int64"})

    def sentences(self) -> pd.DataFrame:
        """Tidy sentences table of every article (offsets into its clean ``text``)."""
        from ..text import sentence_frame

        frames = [sentence_frame(art.text, article_id=art.article_id)
                  for art in self.articles.itertuples(index=False)]
        return pd.concat(frames, ignore_index=True) if frames else sentence_frame("", article_id="")

    def tokens(self) -> pd.DataFrame:
        """Tidy tokens table of every article (offsets into its clean ``text``)."""
        from ..text import token_frame

        frames = [token_frame(art.text, article_id=art.article_id)
                  for art in self.articles.itertuples(index=False)]
        return pd.concat(frames, ignore_index=True) if frames else token_frame("", article_id="")

    def digest(self) -> str:
        """SHA-256 over article ids, metadata and clean texts: the same corpus gives the same hash."""
        h = hashlib.sha256()
        for art in self.articles.sort_values("article_id").itertuples(index=False):
            for value in (art.article_id, art.outlet, art.publisher, art.date, art.event_id,
                          art.title, art.text):
                h.update(("" if value is None or value is pd.NA else str(value)).encode("utf-8"))
                h.update(b"\x1f")
            h.update(b"\x1e")
        return h.hexdigest()
