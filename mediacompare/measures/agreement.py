"""Agreement of labels with people: precision, recall and F1 against annotated spans.

:func:`agreement` compares predicted spans (the labeller's, or anyone's) with
annotated ("gold") spans on the same texts, at three levels:

* **token**: a word is predicted when a predicted span overlaps it, annotated
  when a gold span does; precision is the share of predicted words inside an
  annotated span, recall the share of annotated words predicted. Punctuation
  is not counted, so a span's quotation marks neither help nor hurt.
* **span** (any overlap): precision is the share of predicted spans that touch
  an annotated span, recall the share of annotated spans touched by a
  prediction. A one-word label inside a ten-word annotated phrase counts in
  full here and for one word out of ten at the token level.
* **sentence**: a sentence is predicted when it holds a label, annotated when it
  holds an annotated span (a sentence "annotated as biased").

The labels of the two sides are tied by a mapping kept as data: by default the
``ptc_labels`` column of ``resources/taxonomy.csv`` (which Propaganda
Techniques Corpus techniques each category stands for), or the identity when
the annotations use the library's own categories. Figures are computed for
each category, for each annotation label (the union of the categories mapped
to it) and for all of them together.

Precision, recall and F1 are NaN where their denominator is zero (nothing
predicted, nothing annotated), never 0.0.
"""

from __future__ import annotations

import bisect
from functools import lru_cache
from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable, Mapping

import pandas as pd

from ..document import analyse, articles_of
from ..features.lexicon import CATEGORIES
from ..features.taxonomy import taxonomy
from .annotations import Annotations, check_spans

__all__ = ["Agreement", "agreement", "category_mapping", "prf"]

_WORD_KINDS = ("word", "number", "abbreviation")
VOICES = (None, "outlet", "quoted")
METRIC_COLUMNS = ["compared", "name", "categories", "labels", "n_units", "n_predicted",
                  "n_annotated", "tp", "fp", "fn", "precision", "recall", "f1"]
_NAN = float("nan")


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall and F1 from counts; NaN where a denominator is zero.

    >>> prf(3, 1, 2)
    (0.75, 0.6, 0.6666666666666665)
    >>> prf(0, 0, 4)[0] != prf(0, 0, 4)[0]   # nothing predicted: precision is NaN
    True
    """
    precision = tp / (tp + fp) if tp + fp else _NAN
    recall = tp / (tp + fn) if tp + fn else _NAN
    if precision != precision or recall != recall:
        f1 = _NAN
    else:
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def category_mapping(scheme: str = "ptc") -> pd.DataFrame:
    """The mapping of label categories to an annotation scheme's labels, one row per pair.

    ``"ptc"``: the Propaganda Techniques Corpus techniques named in the
    ``ptc_labels`` column of ``resources/taxonomy.csv``; ``"identity"``: each
    category to itself.

    >>> category_mapping().query("category == 'labeling'")["label"].tolist()
    ['Name_Calling,Labeling']
    """
    if scheme == "identity":
        return pd.DataFrame({"category": list(CATEGORIES), "label": list(CATEGORIES)})
    if scheme != "ptc":
        raise ValueError(f"scheme must be 'ptc' or 'identity'; got {scheme!r}")
    rows = [(row.category, label.strip()) for row in taxonomy().itertuples()
            for label in row.ptc_labels.split("|") if label.strip()]
    return pd.DataFrame(rows, columns=["category", "label"])


def _resolve_mapping(mapping, predicted: set[str], annotated: set[str]) -> dict[str, set[str]]:
    if isinstance(mapping, str) and mapping == "auto":
        mapping = "identity" if annotated <= set(CATEGORIES) | predicted else "ptc"
    if isinstance(mapping, str) and mapping == "identity":
        return {c: {c} for c in sorted(predicted | annotated)}
    if isinstance(mapping, str):
        mapping = category_mapping(mapping)
    if isinstance(mapping, pd.DataFrame):
        missing = [c for c in ("category", "label") if c not in mapping.columns]
        if missing:
            raise ValueError(f"a mapping table needs the columns category, label; missing "
                             f"{', '.join(missing)}")
        pairs = zip(mapping["category"], mapping["label"])
    elif isinstance(mapping, Mapping):
        pairs = [(c, lab) for c, labels in mapping.items()
                 for lab in ([labels] if isinstance(labels, str) else labels)]
    else:
        raise TypeError("mapping must be 'auto', 'ptc', 'identity', a dict or a DataFrame; got "
                        f"{type(mapping).__name__}")
    out: dict[str, set[str]] = defaultdict(set)
    for category, label in pairs:
        out[str(category)].add(str(label))
    return dict(out)


def _span_table(frame, what: str) -> pd.DataFrame:
    if isinstance(frame, Annotations):
        frame = frame.spans
    if not isinstance(frame, pd.DataFrame):
        raise TypeError(f"{what} must be a DataFrame of spans or Annotations; got "
                        f"{type(frame).__name__}")
    missing = [c for c in ("article_id", "start", "end", "category") if c not in frame.columns]
    if missing:
        raise ValueError(f"{what} is missing the columns {', '.join(missing)}; columns are: "
                         f"{', '.join(map(str, frame.columns))}")
    return frame.assign(article_id=frame["article_id"].astype(str))


class _Article:
    """One text's words and sentences, with the words' voice, for counting overlaps."""

    def __init__(self, text: str):
        doc = analyse(text)
        self.words = [t for t in doc.tokens if t.kind in _WORD_KINDS]
        self.starts = [w.start for w in self.words]
        self.ends = [w.end for w in self.words]
        inner = sorted((q.inner_start, q.inner_end) for q in doc.reported)
        self.quoted = [_inside(inner, w.start, w.end) for w in self.words]
        self.sentences = list(zip(doc.sentence_starts, doc.sentence_ends))
        self.sentence_starts = [s for s, _ in self.sentences]

    def word_range(self, start: int, end: int) -> range:
        return range(bisect.bisect_right(self.ends, start), bisect.bisect_left(self.starts, end))

    def sentence_range(self, start: int, end: int) -> range:
        first = max(bisect.bisect_right(self.sentence_starts, start) - 1, 0)
        last = max(bisect.bisect_left(self.sentence_starts, end) - 1, first)
        return range(first, last + 1) if self.sentences else range(0)

    def voice_of(self, start: int, end: int) -> str | None:
        words = self.word_range(start, end)
        if not len(words):
            return None
        quoted = sum(self.quoted[i] for i in words)
        return "quoted" if quoted * 2 > len(words) else "outlet"


@lru_cache(maxsize=1024)
def _article(text: str) -> _Article:
    """The words, sentences and voice of a text, kept for repeated comparisons on the same texts."""
    return _Article(text)


def _inside(intervals: list[tuple[int, int]], start: int, end: int) -> bool:
    i = bisect.bisect_right(intervals, (start, float("inf"))) - 1
    while i >= 0:
        s, e = intervals[i]
        if s <= start and end <= e:
            return True
        if e < start and s < start - 100_000:
            break
        i -= 1
    return False


@dataclass
class Agreement:
    """The tables of :func:`agreement` (see there); ``overall()`` gives the headline rows."""

    token: pd.DataFrame
    span: pd.DataFrame
    sentence: pd.DataFrame
    entries: pd.DataFrame
    false_positives: pd.DataFrame
    misses: pd.DataFrame
    missed_words: pd.DataFrame
    mapping: pd.DataFrame
    n_articles: int
    voice: str | None

    def overall(self) -> pd.DataFrame:
        """Precision, recall and F1 of all compared categories together, one row per level."""
        rows = []
        for level in ("token", "span", "sentence"):
            row = getattr(self, level).query("compared == 'all'").iloc[0]
            rows.append({"level": level, **{c: row[c] for c in METRIC_COLUMNS[4:]}})
        return pd.DataFrame(rows)

    def __repr__(self) -> str:
        row = self.token.query("compared == 'all'").iloc[0]
        return (f"<Agreement over {self.n_articles} articles"
                f"{'' if self.voice is None else ', ' + self.voice + ' voice'}: token precision "
                f"{row['precision']:.3f}, recall {row['recall']:.3f}, F1 {row['f1']:.3f}>")


def agreement(spans, gold, source=None, *, mapping="auto", categories: Iterable[str] | None = None,
              voice: str | None = None, top: int = 25) -> Agreement:
    """Compare predicted spans with annotated spans on the same texts.

    Parameters
    ----------
    spans : DataFrame
        Predicted spans: ``article_id, start, end, category`` (the output of
        :func:`mediacompare.label`, or anyone's); ``term`` and ``confidence``,
        when present, feed the per-entry table.
    gold : Annotations or DataFrame
        Annotated spans (:func:`read_annotations`), ``article_id, start, end,
        category``; each row's category is a label of the annotation scheme.
    source : Corpus, DataFrame or str, optional
        The texts (``article_id``, ``text``); by default the texts that came
        with ``gold`` (PTC and BRAT). Every text counts as annotated: a text
        with no gold span is one where annotators marked nothing.
    mapping : "auto", "ptc", "identity", dict or DataFrame
        Which annotation labels each category stands for. ``"auto"``: the
        identity when every gold category is a category of the library (or of
        ``spans``), else the taxonomy's PTC techniques.
    categories : list of str, optional
        The categories to compare (default: every category with a label).
        The ``all`` rows compare these categories together with every label
        mapped to them.
    voice : None, "outlet" or "quoted"
        Only words (spans, sentences) in the outlet's own voice, or in
        reported speech (by the library's quotation finder).
    top : int
        Rows kept in the tables of false positives, misses and missed words.

    Returns
    -------
    Agreement
        ``token``, ``span``, ``sentence``: one row per category, per label and
        ``all`` (columns ``compared, name, categories, labels, n_units,
        n_predicted, n_annotated, tp, fp, fn, precision, recall, f1``);
        ``entries``: per category and term, its uses and how many of them lie
        inside a span annotated with a label of its category (``n_marked``,
        ``share_marked``) or with any label (``n_marked_any``), a use being
        the entry's own match (``cue_start``/``cue_end`` when the spans have
        them), not the phrase a label was widened over;
        ``false_positives`` and ``misses``: the most frequent predicted texts
        touching no annotation and annotated texts no prediction touches;
        ``missed_words``: the annotated words most often not predicted;
        ``mapping``: the category-label pairs used.

    Examples
    --------
    >>> texts = pd.DataFrame({"article_id": ["t"], "text": ["A cruel regime. Talks went on."]})
    >>> mine = pd.DataFrame({"article_id": ["t"], "start": [2], "end": [7], "category": ["emotive"]})
    >>> gold = pd.DataFrame({"article_id": ["t"], "start": [2], "end": [14],
    ...                      "category": ["Loaded_Language"]})
    >>> found = agreement(mine, gold, texts)
    >>> found.token.query("compared == 'all'")[["tp", "fp", "fn"]].values.tolist()
    [[1, 0, 1]]
    >>> found.token.query("compared == 'all'")[["precision", "recall"]].values.tolist()
    [[1.0, 0.5]]
    >>> found.span.query("compared == 'all'")[["precision", "recall"]].values.tolist()
    [[1.0, 1.0]]
    """
    if voice not in VOICES:
        raise ValueError(f"voice must be None, 'outlet' or 'quoted'; got {voice!r}")
    predicted = _span_table(spans, "spans")
    annotated = _span_table(gold, "gold")
    if source is None:
        if not isinstance(gold, Annotations) or gold.articles is None:
            raise ValueError("source is needed: the annotations carry no texts (a CSV of spans); "
                             "pass the corpus the offsets point into")
        source = gold.articles
    articles = articles_of(source)
    articles = articles.assign(article_id=articles["article_id"].astype(str))
    check_spans(annotated, articles)
    pairs = _resolve_mapping(mapping, set(predicted["category"]), set(annotated["category"]))
    chosen = (list(categories) if categories is not None
              else [c for c in _ordered(pairs) if pairs[c]])
    unknown = [c for c in chosen if c not in pairs]
    if unknown:
        raise ValueError(f"no annotation label is mapped to {', '.join(unknown)}; mapped "
                         f"categories are: {', '.join(_ordered(pairs))}")
    from .agreement_tables import build  # the counting, kept in its own module

    return build(predicted, annotated, articles, {c: pairs[c] for c in chosen}, voice=voice,
                 top=top, article_cls=_article)


def _ordered(pairs: Mapping[str, set[str]]) -> list[str]:
    known = [c for c in CATEGORIES if c in pairs]
    return known + sorted(c for c in pairs if c not in CATEGORIES)

