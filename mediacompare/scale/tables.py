"""One article's analysis, and the merging of many into the aggregate tables.

:func:`analyse` runs the library's own per-article functions on one input
(clean, tokenize, find the quotations and their voice, label; sentiment and
readability when asked) and keeps only counts: a :class:`Result`, small
enough to send back from a Dask worker. :class:`Accumulator` adds results in
input order, making article ids unique and flagging identical texts as
:func:`mediacompare.load_corpus` does, and builds the :class:`Aggregates`.
"""

from __future__ import annotations

import hashlib
from array import array
from collections import Counter
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any

import pandas as pd

from ..corpus.build import Input, _build_article, _unique_id
from ..corpus.build import report_row as _report_row
from ..corpus.load import Columns
from ..corpus.model import REPORT_COLUMNS
from ..document import Doc
from ..features.label import SPAN_COLUMNS, label_rows
from ..features.lexicon import CATEGORIES, Lexicon
from ..features.summary import rates_table
from ..text import token_frame
from .sources import Unit, unit_inputs

__all__ = ["ARTICLE_SUMMARY_COLUMNS", "Accumulator", "Aggregates", "Config", "Ledger", "Result",
           "analyse", "process", "report_row"]

#: Columns of :attr:`Aggregates.articles`: one row per article, no text. Metadata columns
#: are typed as in :meth:`Corpus.summary` (inferred), counts are int64.
ARTICLE_SUMMARY_COLUMNS = ("article_id", "outlet", "publisher", "date", "event_id", "title",
                           "n_chars", "n_words", "n_words_outlet", "n_words_quoted", "n_sentences",
                           "n_quotes", "n_scare_quotes", "n_spans", "n_removed_lines",
                           "duplicate_of")
_VOICES = ("outlet", "quoted")
# the warning build_corpus gives an article whose text is that of an earlier one
_DUPLICATE = ("identical text to article {!r}: kept, flagged in duplicate_of (a republished "
              "copy counts twice in comparisons)")


@dataclass(frozen=True)
class Config:
    """Everything a worker needs to analyse articles (pickled once per cluster)."""

    columns: Columns
    max_bytes: int
    rules: Any
    lexicon: Lexicon
    sentiment: bool = False
    readability: bool = False
    keep_spans: bool = False
    keep_tokens: bool = False


@dataclass
class Result:
    """What one input leaves behind: a load-report entry and, for an article, its counts."""

    label: str
    article_id: str | None
    skipped: str | None = None
    warnings: list[str] = field(default_factory=list)
    digest: bytes = b""
    meta: tuple = ()              # outlet, publisher, date, event_id, title
    sizes: tuple = ()             # n_chars, n_words, n_words_quoted, n_sentences, n_quotes,
    #                               n_scare_quotes, n_removed_lines
    counts: dict = field(default_factory=dict)   # (category, confidence, voice) -> n
    compounds: list | None = None  # (voice, compound) of each sentence
    readability: dict | None = None
    spans: list | None = None
    tokens: pd.DataFrame | None = None
    encoding: str | None = None   # the encoding and how it was decided, for the load report
    note: str | None = None       # a row about a metadata file or the columns


def analyse(item: Input, cfg: Config) -> Result:
    """Clean, tokenize and label one input, with the library's own per-article functions."""
    if item.note is not None:
        return Result(item.label, None, skipped=item.skipped, warnings=list(item.warnings),
                      note=item.note)
    article = None if item.skipped else _build_article(item, cfg.rules)
    if article is None:
        return Result(item.label, item.meta.get("article_id"), skipped=item.skipped,
                      encoding=item.encoding_note)
    text, aid = article["text"], str(article["article_id"])
    doc = Doc(text)  # analysed once, used by every measure below, then dropped (not cached)
    spans = label_rows(aid, doc, cfg.lexicon)
    counts = Counter((r[4], r[12], "quoted" if r[9] else "outlet") for r in spans)
    result = Result(
        item.label, aid, warnings=item.warnings, encoding=item.encoding_note,
        digest=hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest(),
        meta=(article["outlet"], article["publisher"], article["date"], article["event_id"],
              article["title"]),
        sizes=(len(text), doc.n_words, doc.quoted_word_count(),
               doc.n_sentences, len(doc.reported), len(doc.scare),
               len(article["removed"])),
        counts=dict(counts), spans=[dict(zip(SPAN_COLUMNS, r)) for r in spans] if cfg.keep_spans else None)
    outlet = article["outlet"] if isinstance(article["outlet"], str) else "unknown"
    if cfg.sentiment:
        from ..measures.sentiment import _text_rows

        result.compounds = [(r["voice"], r["compound"]) for r in _text_rows(aid, outlet, doc)]
    if cfg.readability:
        from ..measures.readability import MATTR_WINDOW, _article_row

        result.readability = _article_row(aid, outlet, doc, MATTR_WINDOW)
    if cfg.keep_tokens:
        result.tokens = token_frame(text, article_id=aid)
    return result


def process(units: list[Unit], cfg: Config) -> list[Result]:
    """The results of a list of units (one Dask partition)."""
    return [analyse(item, cfg) for unit in units
            for item in unit_inputs(unit, cfg.columns, cfg.max_bytes)]


# --------------------------------------------------------------------------- merging


class Ledger:
    """Article ids made unique and identical texts flagged, in input order, as build_corpus does."""

    def __init__(self) -> None:
        self.used: set[str] = set()
        self.by_hash: dict[bytes, str] = {}

    def admit(self, article_id: str, digest: bytes, warnings: list[str]) -> tuple[str, str | None]:
        holder = SimpleNamespace(warnings=warnings)
        article_id = _unique_id(article_id, self.used, holder)
        duplicate_of = self.by_hash.get(digest)
        if duplicate_of is not None:
            warnings.append(_DUPLICATE.format(duplicate_of))
        else:
            self.by_hash[digest] = article_id
        return article_id, duplicate_of


def report_row(label: str, article_id, warnings: list[str] | None, skipped: str | None,
               encoding: str | None = None, note: str | None = None) -> dict:
    """A load-report row, as :func:`mediacompare.corpus.build.report_row` makes it."""
    item = Input(label=label, meta={"article_id": article_id}, warnings=list(warnings or ()),
                 skipped=skipped, note=note)
    item.encoding, item.decided_by = encoding, None
    return _report_row(item, article_id)


class Accumulator:
    """Adds results, in input order, to the aggregate tables."""

    def __init__(self, cfg: Config, by: str) -> None:
        self.cfg, self.by = cfg, by
        self.ledger = Ledger()
        self.report: list[dict] = []
        self.articles: list[tuple] = []
        self.words: dict[str, list[int]] = {}       # key -> [outlet words, quoted words]
        self.counts: Counter = Counter()             # (key, category, confidence, voice) -> n
        self.compounds: dict[str, dict[str, array]] = {}
        self.readability: list[dict] = []
        self.spans: list[dict] = []
        self.tokens: list[pd.DataFrame] = []

    def add(self, res: Result) -> None:
        if res.skipped is not None or res.note is not None:
            self.report.append(report_row(res.label, res.article_id, res.warnings, res.skipped,
                                          res.encoding, res.note))
            return
        warnings = list(res.warnings)
        aid, duplicate_of = self.ledger.admit(res.article_id, res.digest, warnings)
        self.report.append(report_row(res.label, aid, warnings, None, res.encoding))
        outlet = res.meta[0]
        n_chars, n_words, n_quoted, n_sentences, n_quotes, n_scare, n_removed = res.sizes
        n_spans = sum(res.counts.values())
        self.articles.append((aid, *res.meta, n_chars, n_words, n_words - n_quoted, n_quoted,
                              n_sentences, n_quotes, n_scare, n_spans, n_removed, duplicate_of))
        key = outlet if self.by == "outlet" else aid
        words = self.words.setdefault(key, [0, 0])
        words[0] += n_words - n_quoted
        words[1] += n_quoted
        for (category, confidence, voice), n in res.counts.items():
            self.counts[(key, category, confidence, voice)] += n
        renamed = aid != res.article_id
        if res.compounds:
            groups = self.compounds.setdefault(key, {v: array("d") for v in ("all", *_VOICES)})
            for voice, compound in res.compounds:
                groups["all"].append(compound)
                groups[voice].append(compound)
        if res.readability is not None:
            self.readability.append({**res.readability, "article_id": aid})
        if res.spans is not None:
            self.spans.extend([{**row, "article_id": aid} for row in res.spans] if renamed
                              else res.spans)
        if res.tokens is not None:
            self.tokens.append(res.tokens.assign(article_id=aid) if renamed else res.tokens)

    def finish(self) -> "Aggregates":
        cfg, by = self.cfg, self.by
        articles = pd.DataFrame(self.articles, columns=list(ARTICLE_SUMMARY_COLUMNS)).astype(
            {c: "int64" for c in ARTICLE_SUMMARY_COLUMNS if c.startswith("n_")})
        return Aggregates(
            label_rates=self._label_rates(), articles=articles,
            load_report=pd.DataFrame(self.report, columns=list(REPORT_COLUMNS)),
            outlets=_outlet_totals(articles), by=by,
            sentiment=self._sentiment() if cfg.sentiment else None,
            readability=self._readability() if cfg.readability else None,
            spans=self._spans() if cfg.keep_spans else None,
            tokens=self._tokens() if cfg.keep_tokens else None)

    def _label_rates(self) -> pd.DataFrame:
        # the rows of features.summary.label_rates, in its order (keys sorted, as groupby does)
        rows = []
        for key in sorted(self.words):
            for category in CATEGORIES:
                for confidence in ("high", "low"):
                    for v, voice in enumerate(_VOICES):
                        n_words = self.words[key][v]
                        n = self.counts.get((key, category, confidence, voice), 0)
                        rate = 1000 * n / n_words if n_words else float("nan")
                        rows.append({self.by: key, "category": category, "confidence": confidence,
                                     "voice": voice, "n_spans": n, "n_words": n_words,
                                     "per_1000_words": rate})
        return pd.DataFrame(rows, columns=[self.by, "category", "confidence", "voice", "n_spans",
                                           "n_words", "per_1000_words"])

    def _sentiment(self) -> pd.DataFrame:
        from ..measures.sentiment import _SCORE_COLUMNS, VOICES, _frame, _scores, polarity_label

        rows = []
        for key, groups in self.compounds.items():
            for voice in VOICES:
                values = groups[voice]
                part = pd.DataFrame({"compound": pd.Series(values, dtype="float64"),
                                     "polarity": [polarity_label(c) for c in values]})
                rows.append({self.by: key, "voice": voice, **_scores(part)})
        return _frame(rows, {self.by: str, "voice": str, **_SCORE_COLUMNS})

    def _readability(self) -> pd.DataFrame:
        from ..measures.readability import READABILITY_COLUMNS

        return pd.DataFrame({name: pd.Series([row[name] for row in self.readability], dtype=dtype)
                             for name, dtype in READABILITY_COLUMNS.items()})

    def _spans(self) -> pd.DataFrame:
        frame = pd.DataFrame(self.spans, columns=list(SPAN_COLUMNS))
        return frame.astype({"start": "int64", "end": "int64", "sentence_id": "int64",
                             "in_quote": "bool", "quote_id": "Int64"})

    def _tokens(self) -> pd.DataFrame:
        return pd.concat(self.tokens, ignore_index=True) if self.tokens else \
            token_frame("", article_id="")


def _outlet_totals(articles: pd.DataFrame) -> pd.DataFrame:
    sums = ["n_words", "n_words_outlet", "n_words_quoted", "n_sentences", "n_quotes",
            "n_scare_quotes", "n_spans"]
    grouped = articles.groupby("outlet")
    table = grouped[sums].sum().astype("int64")
    table.insert(0, "n_articles", grouped.size().astype("int64"))
    return table.reset_index()


@dataclass(frozen=True, eq=False)
class Aggregates:
    """The aggregate tables of a corpus, computed without holding it.

    Attributes
    ----------
    label_rates : DataFrame
        Identical to ``label_rates(label(corpus), corpus, by=by)``: counts and
        rates per 1,000 words per ``by`` (outlet or article), category, tier
        and voice, zeros included.
    articles : DataFrame
        One row per article, no text: metadata and sizes (characters, words in
        each voice, sentences, quotations, scare quotes, spans, removed
        lines), ``duplicate_of`` (columns :data:`ARTICLE_SUMMARY_COLUMNS`).
    load_report : DataFrame
        Identical to ``corpus.load_report``: every input, its status and why.
    outlets : DataFrame
        Per outlet: articles, words (all, outlet's voice, quoted), sentences,
        quotations, scare quotes, spans.
    by : str
        ``"outlet"`` or ``"article_id"``.
    sentiment, readability, spans, tokens : DataFrame or None
        When asked for: ``sentiment_summary(sentence_sentiment(corpus), by=by)``,
        ``readability(corpus)``, ``label(corpus)`` and ``corpus.tokens()``.
    """

    label_rates: pd.DataFrame
    articles: pd.DataFrame
    load_report: pd.DataFrame
    outlets: pd.DataFrame
    by: str = "outlet"
    sentiment: pd.DataFrame | None = None
    readability: pd.DataFrame | None = None
    spans: pd.DataFrame | None = None
    tokens: pd.DataFrame | None = None

    def __repr__(self) -> str:
        counts = self.load_report["status"].value_counts()
        n_words = int(self.articles["n_words"].sum())
        return (f"<Aggregates: {len(self.articles):,} articles from {len(self.outlets):,} outlets, "
                f"{n_words:,} words; {counts.get('skipped', 0):,} inputs skipped (see "
                "load_report)>")

    def rates_table(self, *, voice: str = "outlet", confidence: str = "high") -> pd.DataFrame:
        """:func:`mediacompare.rates_table` of :attr:`label_rates`."""
        return rates_table(self.label_rates, voice=voice, confidence=confidence)
