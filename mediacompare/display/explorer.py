"""Explore the loaded-language cues of a corpus: interactive in JupyterLab, static in the report.

:func:`explore` returns one of two views of the same content, for one
:class:`Selection` (articles, outlets, events, categories, voice, tier):

* the highlighted text of the selected articles (:func:`~mediacompare.highlight`),
* the counts and rates per outlet and category (:func:`~mediacompare.label_rates`,
  :func:`~mediacompare.rates_table`), counted over the selected articles only,
* bar charts of those rates (:func:`~mediacompare.plot_label_rates`), embedded
  as PNG ``data:`` URIs.

:class:`Explorer` (JupyterLab, needs ``ipywidgets``) has controls that update
these outputs on every change; its controls and outputs are attributes, so a
test can set ``explorer.outlets.value`` and read ``explorer.highlight_output.value``.
:class:`StaticExplorer` (the HTML report, where widgets would be dead) shows
the same content with no JavaScript: the rates tables per voice and tier, the
plots, and ``<details>`` sections per outlet and per article.

Which view ``explore(static=None)`` gives
    The static one when the environment variable ``MEDIACOMPARE_STATIC`` is
    ``"1"`` (set in the kernels that render the report) or when ``ipywidgets``
    cannot be imported (the view then says how to install it); otherwise the
    interactive one. ``static=True`` or ``False`` forces a view. ``ipywidgets``
    is imported inside the functions that need it, never by ``import mediacompare``.

The rendering is done by pure functions of an :class:`ExplorerData` and a
:class:`Selection` (:func:`select_articles`, :func:`selection_message`,
:func:`render_highlight`, :func:`selection_rates`, :func:`render_tables`,
:func:`render_plots`, :func:`render_static`); the two views only arrange them.
The selection and data are in :mod:`~mediacompare.display.explorer_data`, the
renderers and the static view in :mod:`~mediacompare.display.explorer_render`;
this module has the interactive view and :func:`explore`, and re-exports the rest.

Guarantees
    * Everything from the corpus (text, titles, outlets, ids, events) is
      escaped with :func:`html.escape` (tables by pandas, which escapes too);
      the output has no ``<script>`` and no address but ``data:`` images.
    * Outputs that grow with the corpus are capped and say so: the interactive
      view highlights at most ``max_shown`` articles (default 4, side by side)
      and names how many more are selected; the static view highlights at most
      ``max_articles`` (default 20) and lists the rest (at most 200 by name);
      tables show at most 50 outlets, plots at most 12.
    * The low-confidence tier is never added into the high tier: tables and
      plots show each tier apart.
    * An empty selection (no article, no category, or outlets and events that
      share no article) gives a message saying what to change, not an error.
"""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path
from typing import Any

import pandas as pd

from ..features.lexicon import CATEGORIES
from .explorer_data import (LAB_HINT, NO_EVENT, STATIC_ENV, TIERS, VOICES, ExplorerData,
                            Selection, select_articles, selection_message)
from .explorer_render import (StaticExplorer, _date, _empty, _status, _wrap, render_highlight,
                              render_plots, render_static, render_tables, selection_rates)
from .helpers import _plural, _positive, _str

__all__ = ["Explorer", "ExplorerData", "NO_EVENT", "Selection", "StaticExplorer", "TIERS",
           "VOICES", "explore", "render_highlight", "render_plots", "render_static",
           "render_tables", "select_articles", "selection_message", "selection_rates"]

_OPTION_CHARS = 90


def _import_widgets() -> Any:
    try:
        import ipywidgets
    except ImportError as exc:
        raise ImportError(f"the interactive explorer needs ipywidgets, which is not installed; "
                          f"install it with {LAB_HINT} (or pass static=True)") from exc
    return ipywidgets


def _truncate(text: str, n: int = _OPTION_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[:n - 1] + "…"


class Explorer:
    """The interactive explorer (ipywidgets); made by :func:`explore`.

    Controls (set ``.value`` to change them; outputs follow at once):
    ``outlets``, ``events`` and ``articles`` (``SelectMultiple``; outlets and
    events narrow the article list), ``categories`` (``SelectMultiple``),
    ``voice`` and ``confidence`` (``ToggleButtons``) and ``reset`` (a button).
    Outputs (``widgets.HTML``): ``status``, ``highlight_output``,
    ``table_output`` and ``plot_output``. ``widget`` is the whole box;
    ``selection`` the current :class:`Selection`; :meth:`save` writes a static
    page of it.
    """

    def __init__(self, data: ExplorerData, selection: Selection = Selection(), *,
                 max_shown: int = 4, max_articles: int = 20):
        widgets = _import_widgets()
        data.check(selection)
        self.data = data
        self.max_shown = _positive(max_shown, "max_shown")
        self.max_articles = _positive(max_articles, "max_articles")
        self._busy = False
        arts = data.articles
        self._labels = {
            a: _truncate(f"{a} · {o} · {_date(d)} · {_str(t) or '(no title)'}")
            for a, o, d, t in zip(arts["article_id"], arts["outlet"],
                                  arts["date"] if "date" in arts.columns else [None] * len(arts),
                                  arts["title"])}
        n_by_event = Counter(arts["event"])
        wide = {"width": "auto"}
        style = {"description_width": "initial"}

        def rows(n: int) -> int:
            return max(3, min(8, n))

        self.outlets = widgets.SelectMultiple(
            options=[(_truncate(o), o) for o in data.outlets], description="Outlets",
            rows=rows(len(data.outlets)), style=style, layout={"width": "40%"})
        self.events = widgets.SelectMultiple(
            options=[(_truncate(f"{e} ({_plural(n_by_event[e], 'article')})"), e)
                     for e in data.events],
            description="Events", rows=rows(len(data.events)), style=style,
            layout={"width": "58%"})
        self.articles = widgets.SelectMultiple(
            options=[], description="Articles", rows=rows(len(arts)), style=style,
            layout={"width": "99%"})
        self.categories = widgets.SelectMultiple(
            options=list(CATEGORIES), description="Categories", rows=len(CATEGORIES),
            style=style, layout={"width": "40%"})
        self.voice = widgets.ToggleButtons(
            options=[("outlet's own", "outlet"), ("quoted", "quoted"), ("both", "both")],
            description="Voice", style=style,
            tooltips=["the outlet's own words", "words the outlet quotes", "both, shown apart"])
        self.confidence = widgets.ToggleButtons(
            options=[("high", "high"), ("low", "low"), ("both (apart)", "both")],
            description="Tier", style=style,
            tooltips=["words loaded in most uses", "words loaded only in some uses",
                      "both tiers, never added together"])
        self.reset = widgets.Button(description="Select all", tooltip="every article, outlet, "
                                    "event and category; both voices and tiers")
        self.status = widgets.HTML(layout=wide)
        self.highlight_output = widgets.HTML(layout=wide)
        self.table_output = widgets.HTML(layout=wide)
        self.plot_output = widgets.HTML(layout=wide)
        self.tabs = widgets.Tab(children=[self.highlight_output, self.table_output,
                                          self.plot_output])
        self.tabs.titles = ("Highlighted text", "Counts and rates", "Plot")
        help_text = widgets.HTML(
            "<b>Explore the loaded-language cues.</b> Click to choose one item in a list; "
            "Ctrl/⌘-click or Shift-click to choose several. Outlets and events narrow the "
            "article list.")
        self.widget = widgets.VBox([
            help_text,
            widgets.HBox([self.outlets, self.events]),
            self.articles,
            widgets.HBox([self.categories,
                          widgets.VBox([self.voice, self.confidence, self.reset])]),
            self.status, self.tabs])

        self._apply(selection)
        self.outlets.observe(self._on_filter, names="value")
        self.events.observe(self._on_filter, names="value")
        for control in (self.articles, self.categories, self.voice, self.confidence):
            control.observe(self._on_change, names="value")
        self.reset.on_click(lambda _button: self.select(Selection()))
        self.update()

    # -- state

    @property
    def selection(self) -> Selection:
        """The :class:`Selection` the controls show now."""
        return Selection(article_ids=self.articles.value, outlets=self.outlets.value,
                         events=self.events.value, categories=self.categories.value,
                         voice=self.voice.value, confidence=self.confidence.value)

    def select(self, selection: Selection) -> None:
        """Set every control from ``selection`` (None = all), then update the outputs once."""
        self.data.check(selection)
        self._apply(selection)
        self.update()

    def _apply(self, selection: Selection) -> None:
        self._busy = True
        try:
            self.outlets.value = selection.outlets if selection.outlets is not None \
                else self.data.outlets
            self.events.value = selection.events if selection.events is not None \
                else self.data.events
            self.categories.value = selection.shown_categories
            self.voice.value = selection.voice
            self.confidence.value = selection.confidence
            ids = self._article_options()
            wanted = set(selection.article_ids) if selection.article_ids is not None else None
            self._set_articles(ids, tuple(a for a in ids if wanted is None or a in wanted))
        finally:
            self._busy = False

    def _article_options(self) -> list[str]:
        return select_articles(self.data, Selection(outlets=self.outlets.value,
                                                    events=self.events.value))

    def _on_filter(self, _change: Any) -> None:
        if self._busy:
            return
        self._busy = True
        try:
            before = {value for _label, value in self.articles.options}
            chosen = set(self.articles.value)
            ids = self._article_options()
            # keep what was chosen; articles that come back into the list come back chosen
            self._set_articles(ids, tuple(a for a in ids if a in chosen or a not in before))
        finally:
            self._busy = False
        self.update()

    def _set_articles(self, ids: list[str], value: tuple[str, ...]) -> None:
        """New article options and selection, sent to the browser as one update.

        Sent apart, the browser would get a selection index that points past
        the new options (JupyterLab logs "Error setting state").
        """
        with self.articles.hold_sync():
            self.articles.options = [(self._labels[a], a) for a in ids]
            self.articles.value = value

    def _on_change(self, _change: Any) -> None:
        if not self._busy:
            self.update()

    def update(self) -> None:
        """Render the outputs for the current selection."""
        selection = self.selection
        message = selection_message(self.data, selection)
        self.status.value = _empty(message) if message else _wrap(_status(self.data, selection))
        self.highlight_output.value = render_highlight(self.data, selection,
                                                       max_shown=self.max_shown)
        self.table_output.value = render_tables(self.data, selection)
        self.plot_output.value = render_plots(self.data, selection)

    # -- display and export

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict:
        bundle = self.widget._repr_mimebundle_(include=include, exclude=exclude) or {}
        bundle = dict(bundle)
        bundle["text/plain"] = repr(self)
        # for a frontend without widgets (a static render of the notebook)
        bundle["text/html"] = ('<p><b>Interactive explorer</b> (ipywidgets): it shows in '
                               "JupyterLab with a running kernel. For a static view, run "
                               "<code>mc.explore(corpus, static=True)</code>.</p>")
        return bundle

    def to_static(self) -> StaticExplorer:
        """The static view of the current selection."""
        return StaticExplorer(self.data, self.selection, max_articles=self.max_articles)

    def save(self, path: str | Path) -> Path:
        """Write a standalone static page of the current selection."""
        return self.to_static().save(path)

    def __repr__(self) -> str:
        n = len(select_articles(self.data, self.selection))
        return f"<Explorer: {_plural(n, 'article')} of {len(self.data.articles):,} selected>"


def _choose_static(static: bool | None) -> tuple[bool, str | None]:
    if static is not None:
        return bool(static), None
    if os.environ.get(STATIC_ENV) == "1":
        return True, None
    try:
        import ipywidgets  # noqa: F401
    except ImportError:
        return True, (f"ipywidgets is not installed, so the explorer is static here. For the "
                      f"interactive one, install it with {LAB_HINT} (from the repository's "
                      "root) and run the cell again.")
    return False, None


def explore(corpus: Any, spans: pd.DataFrame | None = None, *, lexicon: Any = None,
            static: bool | None = None, article_ids: Any = None, outlets: Any = None,
            events: Any = None, categories: Any = None, voice: str = "both",
            confidence: str = "both", max_shown: int = 4,
            max_articles: int = 20) -> Explorer | StaticExplorer:
    """Explore the loaded-language cues of a corpus.

    Parameters
    ----------
    corpus : Corpus or DataFrame
        ``article_id, outlet, title, text`` (``date``, ``event_id`` shown when present).
    spans : DataFrame, optional
        Cues from :func:`~mediacompare.label`; by default ``label(corpus, lexicon=lexicon)``.
    lexicon : Lexicon or path, optional
        The lexicon to label with (only without ``spans``).
    static : bool, optional
        ``None``: static when ``MEDIACOMPARE_STATIC=1`` or ipywidgets is missing,
        else interactive. ``True``/``False`` force the view (``False`` without
        ipywidgets raises :class:`ImportError` saying how to install it).
    article_ids, outlets, events, categories : list, optional
        The first selection (None: all); events are ``event_id`` values, or
        ``"(no event)"``.
    voice : {"both", "outlet", "quoted"}
    confidence : {"both", "high", "low"}
    max_shown : int
        Articles highlighted at once in the interactive view (2 to 4 side by side).
    max_articles : int
        Articles highlighted in the static view; the others are listed by name.

    Returns
    -------
    Explorer or StaticExplorer
        Shows itself in a notebook; ``.save(path)`` writes a standalone static page.
    """
    selection = Selection(article_ids=article_ids, outlets=outlets, events=events,
                          categories=categories, voice=voice, confidence=confidence)
    use_static, note = _choose_static(static)
    if not use_static:
        _import_widgets()  # fail before labelling when static=False and ipywidgets is missing
    data = ExplorerData.build(corpus, spans, lexicon=lexicon)
    data.check(selection)
    if use_static:
        return StaticExplorer(data, selection, max_articles=max_articles, note=note)
    return Explorer(data, selection, max_shown=max_shown, max_articles=max_articles)

