"""What :func:`~mediacompare.measures.events.find_events` reads from each article.

Dates become day intervals (``2017-12-11`` is one day, ``2018-10`` the 31 days
of October, ``2017`` a whole year), and texts become weighted term counts:

* terms are the lowercase words of :mod:`mediacompare.text`'s word pattern
  (curly apostrophes straightened, a possessive ``'s`` dropped, as
  :func:`~mediacompare.measures.words.word_key` does), without scikit-learn's
  English stop words and single letters; numbers are left out (years and
  counts recur across unrelated news);
* a word of the title counts ``title_weight`` times (headlines name the event);
* a capitalised word inside a sentence of the body (after a word, a comma or a
  closing bracket and a space: not a sentence's first word; days of the week and
  months excepted) counts ``name_weight`` times: names of people, places and bodies say more about an
  event than common words. Whether a term is a *name* (for the evidence
  columns) is decided over the whole corpus: it is written capitalised inside
  sentences more often than in lowercase.

Articles are read one at a time (:class:`TermTable.add`), so a corpus can be
streamed: only the counts and the metadata are kept, never the text.
"""

from __future__ import annotations

import datetime as _dt
import re
from array import array
from collections import Counter
from typing import Any, Iterable, NamedTuple

import numpy as np
import pandas as pd
from scipy import sparse
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfTransformer

from ..corpus.model import Corpus
from ..errors import CorpusError
from ..features.label import articles_of

from ..text import _DOTTED, _HYPHEN, _NORM_TABLE as _NORM, _PIECE
from .words import _missing, word_key

__all__ = ["DateSpan", "TermTable", "iso", "parse_date", "read_articles", "vectors"]

_STOP = frozenset(ENGLISH_STOP_WORDS)
# capitalised, but no names: they count as words, without the weight of a name
_NOT_NAMES = frozenset("monday tuesday wednesday thursday friday saturday sunday january "
                       "february march april june july august september october november "
                       "december".split())
_WORD = rf"{_DOTTED}|{_PIECE}(?:{_HYPHEN}{_PIECE})*"
_WORD_RE = re.compile(_WORD)
# a word after a word, a comma or a closing bracket and one space: inside a sentence
_INSIDE_RE = re.compile(rf"(?<=[\w,;)\]] )(?:{_WORD})")
_ISO = re.compile(r"^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ][0-9:.+\-Z]*)?\s*$")


class DateSpan(NamedTuple):
    """A date as a day interval: proleptic ordinals of its first and last day (None: undated)."""

    start: int | None
    end: int | None
    text: str
    precision: str  # "day", "month", "year", "none" or "unreadable"

    @property
    def dated(self) -> bool:
        return self.start is not None


def _iso(ordinal: int) -> str:
    return _dt.date.fromordinal(int(ordinal)).isoformat()


def parse_date(value: Any) -> DateSpan:
    """The day interval of a date: ISO text (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``, a time
    part ignored) or a date, datetime or pandas Timestamp; undated otherwise.

    >>> parse_date("2017-12-11")[3], parse_date("2018-10")[1] - parse_date("2018-10")[0]
    ('day', 30)
    >>> parse_date("11/12/17")[3], parse_date(None)[3]
    ('unreadable', 'none')
    """
    if _missing(value) or (isinstance(value, str) and not value.strip()):
        return DateSpan(None, None, "", "none")
    if isinstance(value, _dt.datetime):
        value = value.date()
    if hasattr(value, "to_pydatetime"):  # pandas Timestamp
        value = value.to_pydatetime().date()
    if isinstance(value, _dt.date):
        return DateSpan(value.toordinal(), value.toordinal(), value.isoformat(), "day")
    text = str(value)
    match = _ISO.match(text)
    if not match:
        return DateSpan(None, None, text, "unreadable")
    year, month, day = (int(g) if g else None for g in match.groups())
    try:
        if day is not None:
            d = _dt.date(year, month, day)
            return DateSpan(d.toordinal(), d.toordinal(), d.isoformat(), "day")
        if month is not None:
            first = _dt.date(year, month, 1)
            nxt = _dt.date(year + (month == 12), month % 12 + 1, 1)
            return DateSpan(first.toordinal(), nxt.toordinal() - 1, f"{year:04d}-{month:02d}",
                            "month")
        return DateSpan(_dt.date(year, 1, 1).toordinal(), _dt.date(year, 12, 31).toordinal(),
                        f"{year:04d}", "year")
    except ValueError:  # month 13, 30 February ...
        return DateSpan(None, None, text, "unreadable")


def _key(word: str) -> str | None:
    """The term of a word as written, or None when it is not counted."""
    key = word_key(word.lower().translate(_NORM))
    if len(key) < 2 or key in _STOP or not any(ch.isalpha() for ch in key) or key[0].isdigit():
        return None
    return key


def _article_counts(title: str, text: str, title_weight: float, name_weight: float,
                    cap: Counter, low: Counter, forms: dict, keys: dict) -> Counter:
    """Weighted term counts of one article; updates the corpus-wide capitalisation tallies.

    Words are found with the word pattern of :mod:`mediacompare.text` (the same
    word characters, inner apostrophes, hyphens and dotted abbreviations)
    without building a token for every word and punctuation mark: counting the
    distinct forms of an article is several times faster than :func:`mediacompare.tokenize`.
    """
    counts: Counter = Counter()
    for word, n in Counter(_WORD_RE.findall(title)).items():
        key = keys[word] if word in keys else keys.setdefault(word, _key(word))
        if key is not None:
            counts[key] += n * title_weight
    inside = Counter(w for w in _INSIDE_RE.findall(text) if w[:1].isupper())
    for word, n in Counter(_WORD_RE.findall(text)).items():
        key = keys[word] if word in keys else keys.setdefault(word, _key(word))
        if key is None:
            continue
        named = 0 if key in _NOT_NAMES else inside.get(word, 0)
        counts[key] += n + (name_weight - 1.0) * named
        if named:
            cap[key] += named
            form = word[:-2] if word.endswith(("'s", "\u2019s")) else word
            forms.setdefault(key, Counter())[form] += named
        elif word[:1].islower() or key in _NOT_NAMES:
            low[key] += n
    return counts


class TermTable:
    """Term counts and metadata of articles, added one at a time; never the text.

    ``add`` takes an article's id, title, text and metadata; ``matrix`` gives
    the counts as a sparse article × term matrix (float, weights included) and
    the terms; ``is_name`` and ``form`` say which terms are names and how they
    are written.
    """

    def __init__(self, *, title_weight: float = 3.0, name_weight: float = 2.0):
        self.title_weight = float(title_weight)
        self.name_weight = float(name_weight)
        self.vocabulary: dict[str, int] = {}
        self._indices = array("i")
        self._data = array("f")
        self._indptr = array("q", [0])
        self._cap: Counter = Counter()
        self._low: Counter = Counter()
        self._forms: dict[str, Counter] = {}
        self._keys: dict[str, str | None] = {}
        self.meta: list[dict] = []

    def __len__(self) -> int:
        return len(self.meta)

    def add(self, meta: dict, title: Any, text: Any) -> None:
        title = title if isinstance(title, str) else ""
        text = text if isinstance(text, str) else ""
        counts = _article_counts(title, text, self.title_weight, self.name_weight,
                                 self._cap, self._low, self._forms, self._keys)
        vocab = self.vocabulary
        for term, weight in counts.items():
            self._indices.append(vocab.setdefault(term, len(vocab)))
            self._data.append(weight)
        self._indptr.append(len(self._indices))
        self.meta.append(meta)

    def matrix(self) -> tuple[sparse.csr_matrix, np.ndarray]:
        """The article × term counts (float64) and the terms, in column order."""
        terms = np.empty(len(self.vocabulary), dtype=object)
        for term, k in self.vocabulary.items():
            terms[k] = term
        counts = sparse.csr_matrix(
            (np.frombuffer(self._data, dtype=np.float32).astype(np.float64),
             np.frombuffer(self._indices, dtype=np.int32),
             np.frombuffer(self._indptr, dtype=np.int64)),
            shape=(len(self.meta), len(self.vocabulary)))
        return counts, terms

    def is_name(self, term: str) -> bool:
        """Written capitalised inside sentences more often than in lowercase."""
        return self._cap[term] > self._low[term]

    def form(self, term: str) -> str:
        """The most frequent capitalised spelling of a name (the term itself otherwise)."""
        forms = self._forms.get(term)
        if not forms or not self.is_name(term):
            return term
        return max(forms.items(), key=lambda kv: (kv[1], kv[0]))[0]


def _records(source: Any) -> Iterable[dict]:
    """Article dicts from a Corpus, a DataFrame, or an iterable of dicts or (report, article)."""
    if isinstance(source, (Corpus, pd.DataFrame)):
        frame = articles_of(source)
        return frame.to_dict("records")
    if isinstance(source, (str, bytes)) or not hasattr(source, "__iter__"):
        raise TypeError("find_events takes a Corpus, an articles DataFrame, or an iterable of "
                        "articles such as mc.iter_articles(path); got "
                        f"{type(source).__name__}. For a file or folder: "
                        "mc.find_events(mc.load_corpus(path)) or mc.iter_articles(path)")

    def items():
        for item in source:
            if isinstance(item, tuple) and len(item) == 2 and (item[1] is None
                                                               or isinstance(item[1], dict)):
                item = item[1]  # (load-report row, article) from iter_articles
            if item is None:
                continue
            if not isinstance(item, dict):
                raise TypeError(f"find_events reads articles as dicts; got {type(item).__name__}")
            yield item
    return items()


def _text(value: Any) -> str:
    return "" if _missing(value) else str(value)


def read_articles(source: Any, *, title_weight: float, name_weight: float,
                  use_given: bool) -> TermTable:
    """Term counts and metadata of every article (text read once, then dropped)."""
    table = TermTable(title_weight=title_weight, name_weight=name_weight)
    seen: set[str] = set()
    for k, record in enumerate(_records(source)):
        if "text" not in record:
            raise CorpusError(f"article {k} has no 'text'; its fields are: "
                              f"{', '.join(map(str, record))}")
        aid = _text(record.get("article_id")) or str(k)
        if aid in seen:
            raise CorpusError(f"article_id {aid!r} occurs twice: every article needs its own id")
        seen.add(aid)
        given = _text(record.get("event_id")) if use_given else ""
        table.add({"article_id": aid, "outlet": _text(record.get("outlet")),
                   "date": parse_date(record.get("date")), "given": given},
                  record.get("title"), record.get("text"))
    if not len(table):
        raise CorpusError("there are no articles to group")
    return table


def vectors(table: TermTable):
    """L2-normalised TF-IDF rows of the articles (scikit-learn's ``TfidfTransformer``, sublinear
    term frequency, smoothed idf), and the terms.

    Every term is kept, also those of one article only: they never add to a
    similarity, but they belong to the article's length, so an article that
    shares two words with another and talks of much else is not made to look
    alike (dropping them inflated the cosines of small corpora: five articles
    of one story line scored 0.39 to 0.65 against 0.15 to 0.26 with them).
    """
    counts, terms = table.matrix()
    if counts.shape[1] == 0:
        return counts.tocsr(), terms
    X = TfidfTransformer(sublinear_tf=True).fit_transform(counts).tocsr()
    return X, terms


def iso(ordinal: int | None) -> str:
    """ISO date of a proleptic ordinal; empty for None."""
    return "" if ordinal is None else _iso(ordinal)
