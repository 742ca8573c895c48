"""What the explorer shows: a :class:`Selection` of a corpus, and the :class:`ExplorerData`
(articles, cues, quotations, rates) it is drawn from, computed once.

Used by both views of :func:`~mediacompare.display.explorer.explore`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

import pandas as pd

from ..features.lexicon import CATEGORIES
from ..features.summary import label_rates
from .helpers import _str
from .highlight import _articles_table

__all__ = ["ExplorerData", "LAB_HINT", "NO_EVENT", "STATIC_ENV", "Selection", "TIERS", "VOICES",
           "select_articles", "selection_message"]

#: The event key of an article without an ``event_id`` (as in :func:`~mediacompare.event_overview`).
NO_EVENT = "(no event)"
#: Voice choices: the outlet's own words, the words it quotes, or both (shown apart).
VOICES = {"outlet": "the outlet's own voice", "quoted": "quoted speech", "both": "both voices"}
#: Confidence tiers: ``low`` are words loaded only in some uses; ``both`` shows them apart.
TIERS = {"high": "high-confidence tier", "low": "low-confidence tier",
         "both": "both tiers, shown apart"}
#: The environment variable that asks for the static view (set by the report builder).
STATIC_ENV = "MEDIACOMPARE_STATIC"
LAB_HINT = "pip install -e '.[lab]'"

# ---------------------------------------------------------------- selection and data

@dataclass(frozen=True)
class Selection:
    """What to show. ``None`` means all (articles, outlets, events, categories).

    ``voice`` is one of :data:`VOICES` and ``confidence`` one of :data:`TIERS`.
    Articles are those in ``article_ids`` whose outlet is in ``outlets`` and
    whose event (``event_id``, or :data:`NO_EVENT`) is in ``events``.

    >>> Selection(outlets=["AFP"], voice="quoted").outlets
    ('AFP',)
    >>> Selection(voice="mine")
    Traceback (most recent call last):
    ...
    ValueError: voice must be one of 'outlet', 'quoted', 'both'; got 'mine'
    """

    article_ids: tuple[str, ...] | None = None
    outlets: tuple[str, ...] | None = None
    events: tuple[str, ...] | None = None
    categories: tuple[str, ...] | None = None
    voice: str = "both"
    confidence: str = "both"

    def __post_init__(self) -> None:
        for name in ("article_ids", "outlets", "events", "categories"):
            value = getattr(self, name)
            if value is not None:
                if isinstance(value, (str, int)):
                    value = [value]
                object.__setattr__(self, name, tuple(dict.fromkeys(str(v) for v in value)))
        if self.voice not in VOICES:
            raise ValueError(f"voice must be one of {', '.join(map(repr, VOICES))}; got {self.voice!r}")
        if self.confidence not in TIERS:
            raise ValueError(f"confidence must be one of {', '.join(map(repr, TIERS))}; "
                             f"got {self.confidence!r}")
        wrong = [c for c in self.categories or () if c not in CATEGORIES]
        if wrong:
            raise ValueError(f"categories {', '.join(map(repr, wrong))} unknown; categories are: "
                             f"{', '.join(CATEGORIES)}")

    @property
    def voices(self) -> tuple[str, ...]:
        """``("outlet",)``, ``("quoted",)`` or both."""
        return ("outlet", "quoted") if self.voice == "both" else (self.voice,)

    @property
    def tiers(self) -> tuple[str, ...]:
        """``("high",)``, ``("low",)`` or both."""
        return ("high", "low") if self.confidence == "both" else (self.confidence,)

    @property
    def shown_categories(self) -> tuple[str, ...]:
        """The categories chosen, in the order of :data:`~mediacompare.CATEGORIES`."""
        if self.categories is None:
            return CATEGORIES
        return tuple(c for c in CATEGORIES if c in self.categories)


@dataclass(frozen=True)
class ExplorerData:
    """Everything the views draw from, computed once (:meth:`build`).

    Attributes: ``articles`` (with ``article_id`` as text and an ``event`` key),
    ``spans`` (one row per cue), ``quotes`` (:func:`~mediacompare.quotes_table`,
    to shade quoted passages) and ``rates`` (:func:`~mediacompare.label_rates`
    per article, with its ``outlet``), from which any selection's rates per
    outlet are summed exactly.
    """

    articles: pd.DataFrame
    spans: pd.DataFrame
    quotes: pd.DataFrame | None
    rates: pd.DataFrame
    outlets: tuple[str, ...] = ()
    events: tuple[str, ...] = ()

    @classmethod
    def build(cls, corpus: Any, spans: pd.DataFrame | None = None, *, lexicon: Any = None,
              quotes: pd.DataFrame | None | bool = True) -> ExplorerData:
        """Label the corpus (unless ``spans`` are given) and count; ``quotes=False`` skips shading."""
        from ..features.label import label
        from ..features.voice import quotes_table

        if spans is not None and lexicon is not None:
            raise ValueError("pass spans= or lexicon=, not both: lexicon= is only used to label "
                             "the corpus when no spans are given")
        articles = _articles_table(corpus)
        if spans is None:
            spans = label(articles, lexicon=lexicon)
        missing = [c for c in ("article_id", "start", "end", "text", "category", "in_quote",
                               "confidence") if c not in spans.columns]
        if missing:
            raise ValueError(f"spans is missing the columns {', '.join(missing)}; "
                             f"it has: {', '.join(map(str, spans.columns))} (use mc.label)")
        spans = spans.assign(article_id=spans["article_id"].map(str))
        if quotes is True:
            quotes = quotes_table(articles)
        elif quotes is False:
            quotes = None
        events = articles["event_id"].map(_str) if "event_id" in articles.columns else None
        articles = articles.assign(
            outlet=articles["outlet"].map(lambda o: _str(o) or "unknown"),
            event=[e or NO_EVENT for e in events] if events is not None else NO_EVENT)
        rates = label_rates(spans, articles, by="article_id")
        rates.insert(1, "outlet", rates["article_id"].map(dict(zip(articles["article_id"],
                                                                    articles["outlet"]))))
        return cls(articles=articles, spans=spans, quotes=quotes, rates=rates,
                   outlets=tuple(dict.fromkeys(articles["outlet"])),
                   events=tuple(dict.fromkeys(articles["event"])))

    def check(self, selection: Selection) -> None:
        """Raise :class:`ValueError` for an article id, outlet or event not in the corpus."""
        for name, known in (("article_ids", tuple(self.articles["article_id"])),
                            ("outlets", self.outlets), ("events", self.events)):
            given, known_set = getattr(selection, name) or (), set(known)
            wrong = [v for v in given if v not in known_set]
            if wrong:
                shown = ", ".join(map(repr, known[:20])) + (", ..." if len(known) > 20 else "")
                raise ValueError(f"{name} {', '.join(map(repr, wrong[:5]))} not in the corpus; "
                                 f"{name} are: {shown}")


def select_articles(data: ExplorerData, selection: Selection) -> list[str]:
    """The ids of the selected articles, in corpus order.

    >>> arts = pd.DataFrame({"article_id": ["a", "b", "c"], "outlet": ["X", "Y", "X"],
    ...                      "event_id": ["e1", "e1", None], "title": "", "text": "Plain words."})
    >>> data = ExplorerData.build(arts)
    >>> select_articles(data, Selection(outlets=["X"]))
    ['a', 'c']
    >>> select_articles(data, Selection(outlets=["X"], events=["e1"], article_ids=["a", "b"]))
    ['a']
    """
    arts = data.articles
    keep = pd.Series(True, index=arts.index)
    if selection.article_ids is not None:
        keep &= arts["article_id"].isin(selection.article_ids)
    if selection.outlets is not None:
        keep &= arts["outlet"].isin(selection.outlets)
    if selection.events is not None:
        keep &= arts["event"].isin(selection.events)
    return arts.loc[keep, "article_id"].tolist()


def selection_message(data: ExplorerData, selection: Selection) -> str | None:
    """Why nothing can be shown (plain text, to be escaped), or None when something can."""
    if selection.outlets is not None and not selection.outlets:
        return "No outlet selected: choose at least one outlet."
    if selection.events is not None and not selection.events:
        return "No event selected: choose at least one event."
    if not select_articles(data, replace(selection, article_ids=None)):
        arts = data.articles[data.articles["outlet"].isin(selection.outlets or ())]
        events = list(dict.fromkeys(arts["event"]))
        covered = ", ".join(events[:10]) + (f" and {len(events) - 10:,} more" if len(events) > 10 else "")
        return ("No article of the chosen outlets covers the chosen events. The chosen "
                f"outlets cover: {covered or 'no event'}.")
    if selection.article_ids is not None and not selection.article_ids:
        return "No article selected: choose at least one article."
    if not select_articles(data, selection):
        return ("None of the chosen articles is from the chosen outlets and events: choose "
                "other articles, outlets or events.")
    if not selection.shown_categories:
        return "No category selected: choose at least one category."
    return None


def _selected_spans(data: ExplorerData, ids: list[str], selection: Selection) -> pd.DataFrame:
    spans = data.spans[data.spans["article_id"].isin(set(ids))]
    spans = spans[spans["category"].isin(selection.shown_categories)]
    if selection.voice != "both":
        quoted = selection.voice == "quoted"
        # a span of unknown voice (in_quote missing) is in neither voice alone
        spans = spans[spans["in_quote"].map(lambda q: _str(q) != "" and bool(q) == quoted)]
    if selection.confidence == "low":
        spans = spans[spans["confidence"] == "low"]
    return spans

