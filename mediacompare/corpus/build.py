"""Turn read inputs into articles: HTML to text, cleaning, metadata checks, duplicates."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Iterable
from urllib.parse import urlparse

import pandas as pd
from dateutil import parser as dateutil_parser

from .._memory import release_free_memory
from ..progress import track

from .clean import clean_text, load_rules
from .extract import extract_page
from .model import ARTICLE_COLUMNS, REPORT_COLUMNS, Corpus

__all__ = ["Input", "build_corpus", "normalize_date", "report_row"]

UNKNOWN_OUTLET = "unknown"
#: A character a reader can see: not whitespace, not a format character (zero-width space,
#: joiners, soft hyphen, byte-order mark, bidirectional marks).
_VISIBLE = re.compile(r"[^\s\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f"
                      r"\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff"
                      r"\uffa0\U000e0000-\U000e0fff]")
_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
#: Two defaults that differ in every field, to tell which fields a date string gives.
_DEFAULTS = (datetime(2000, 1, 1), datetime(2004, 3, 2))


@dataclass
class Input:
    """One input on its way to becoming an article (or a skipped row)."""

    label: str
    meta: dict = field(default_factory=dict)
    extra: dict = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    raw: str | None = None
    encoding: str | None = None
    source: str | None = None
    default_id: str | None = None
    is_html: bool = False
    title_from_text: bool = False
    skipped: str | None = None
    decided_by: str | None = None
    note: str | None = None  # a row about a metadata file or the columns, not an article

    @property
    def encoding_note(self) -> str | None:
        """The encoding and how it was decided, for the load report."""
        if self.encoding is None:
            return ""
        return f"{self.encoding} ({self.decided_by})" if self.decided_by else self.encoding

    def skip(self, reason: str) -> "Input":
        self.skipped = reason
        return self


def normalize_date(value: str | None) -> tuple[str | None, str | None]:
    """Return an ISO date (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``) and a warning, if any.

    >>> normalize_date("2017-12-11"), normalize_date("2018-10")
    (('2017-12-11', None), ('2018-10', None))
    >>> normalize_date("11 December 2017"), normalize_date("December 2017")
    (('2017-12-11', None), ('2017-12', None))
    >>> normalize_date("someday")[1]
    "date 'someday' is not a date this library understands; kept as given"
    >>> normalize_date("11 December")[1]
    "date '11 December' has no year; kept as given"
    """
    if value is None:
        return None, None
    text = value.strip()
    match = _ISO.match(text)
    if match:
        year, month, day = match.groups()
        try:
            pd.Timestamp(year=int(year), month=int(month or 1), day=int(day or 1))
        except ValueError:
            return text, f"date {text!r} is not a valid calendar date; kept as given"
        return text, None
    not_understood = f"date {text!r} is not a date this library understands; kept as given"
    if text.lower() in ("now", "today"):  # pandas reads these as the day the code runs
        return text, not_understood
    try:
        stamp = pd.to_datetime(text, format="mixed", utc=False)
    except (ValueError, TypeError, OverflowError):
        return text, not_understood
    if pd.isna(stamp):
        return text, not_understood
    # pandas fills a missing day with 1 and a missing year with 1 (or this year):
    # say only what the string says ("December 2017" is 2017-12, not 2017-12-01)
    try:
        first, second = (dateutil_parser.parse(text, default=d) for d in _DEFAULTS)
    except (ValueError, OverflowError):
        return stamp.strftime("%Y-%m-%d"), None
    if first.year != second.year:
        return text, f"date {text!r} has no year; kept as given"
    if first.month != second.month:
        return stamp.strftime("%Y"), None
    return stamp.strftime("%Y-%m-%d" if first.day == second.day else "%Y-%m"), None


def _domain(url: str | None) -> str | None:
    if not url:
        return None
    try:
        host = urlparse(url if "//" in url else "//" + url).hostname or ""
    except ValueError:
        return None
    return host.removeprefix("www.") or None


def _url_problem(url: str | None) -> str | None:
    if not url:
        return None
    try:
        parsed = urlparse(url if "//" in url else "//" + url)
        parsed.hostname, parsed.port  # noqa: B018 (both raise on a malformed address)
    except ValueError as exc:
        return f"url {url[:80]!r} is not a valid web address ({exc}); kept as given"
    return None


def report_row(item: Input, article_id=None) -> dict:
    """The load-report row of an input (an article's, a skipped input's or a note's)."""
    if item.note is not None:
        status = "skipped" if item.skipped else "read_with_warning" if item.warnings else "read"
        reason = item.skipped or "; ".join([item.note, *item.warnings])
        return {"input": item.label, "article_id": None, "status": status, "reason": reason,
                "encoding": ""}
    if item.skipped is not None:
        return {"input": item.label, "article_id": item.meta.get("article_id"),
                "status": "skipped", "reason": item.skipped, "encoding": item.encoding_note}
    return {"input": item.label, "article_id": article_id,
            "status": "loaded_with_warning" if item.warnings else "loaded",
            "reason": "; ".join(item.warnings), "encoding": item.encoding_note}


class _TextColumns:
    """The long text columns (``text``, ``raw``) gathered as the articles are built, stored
    every :data:`CHUNK_CHARS` characters in pandas' own array for them (Arrow strings, UTF-8,
    under pandas 3), so that the Python strings of a whole corpus are never all alive at
    once; :meth:`insert` puts them in the articles table, each as one column of chunks."""

    #: Characters of pending text stored at once.
    CHUNK_CHARS = 4_000_000

    def __init__(self, names: tuple[str, ...]) -> None:
        self.names = names
        self.pending: dict[str, list[str]] = {name: [] for name in names}
        self.stored: dict[str, list[pd.Series]] = {name: [] for name in names}
        self.chars = 0

    def take(self, article: dict) -> None:
        """Move the columns out of ``article`` (it holds the others)."""
        for name in self.names:
            value = article.pop(name)
            self.pending[name].append(value)
            self.chars += len(value)
        if self.chars >= self.CHUNK_CHARS:
            self._store()

    def _store(self) -> None:
        for name in self.names:
            if self.pending[name]:
                self.stored[name].append(pd.Series(self.pending[name], dtype=None))
                self.pending[name] = []
        self.chars = 0

    def insert(self, frame: pd.DataFrame) -> pd.DataFrame:
        """``frame`` with the gathered columns in their places (its rows are the articles)."""
        self._store()
        if not len(frame):
            return frame
        for name in self.names:
            parts, self.stored[name] = self.stored[name], []
            column = parts[0] if len(parts) == 1 else pd.concat(parts, ignore_index=True)
            del parts
            frame[name] = column.set_axis(frame.index)
        return frame


def build_corpus(inputs: Iterable[Input], *, events: pd.DataFrame | None = None,
                 outlets: pd.DataFrame | None = None, rules=None, clean: bool = True,
                 max_bytes: int | None = None, progress: bool | None = None,
                 total: int | None = None) -> Corpus:
    """Build a :class:`Corpus` from inputs; every input gets a load-report row.

    ``inputs`` may be a generator (``total``: how many, for the progress bar); each
    input's ``raw`` text is let go once its article is built, and the long text
    columns are stored as they come (:class:`_TextColumns`), so that a large corpus
    is not held twice in Python strings while the table is made.
    ``progress`` shows a bar while the inputs are decoded and cleaned (see
    :mod:`mediacompare.progress`).
    """
    rule_set = load_rules(rules) if clean else None
    articles: list[dict] = []
    report: list[dict] = []
    by_hash: dict[str, str] = {}
    used_ids: set[str] = set()
    texts = _TextColumns(("text", "raw"))
    for item in track(inputs, desc="loading", unit="input", total=total, progress=progress):
        article = None if item.skipped or item.note else _build_article(item, rule_set)
        item.raw = None  # the article holds it now (or nothing needs it: a skipped input)
        if article is None:
            report.append(report_row(item))
            continue
        article["article_id"] = _unique_id(article["article_id"], used_ids, item)
        digest = hashlib.sha256(article["text"].encode("utf-8", "surrogatepass")).hexdigest()
        if digest in by_hash:
            article["duplicate_of"] = by_hash[digest]
            item.warnings.append(f"identical text to article {by_hash[digest]!r}: kept, flagged "
                                 "in duplicate_of (a republished copy counts twice in comparisons)")
        else:
            by_hash[digest] = article["article_id"]
        texts.take(article)
        articles.append(article)
        report.append(report_row(item, article["article_id"]))
    extra_cols = [c for a in articles for c in a if c not in ARTICLE_COLUMNS]
    columns = list(ARTICLE_COLUMNS) + list(dict.fromkeys(extra_cols))
    frame = pd.DataFrame(articles, columns=columns)
    del articles
    frame = texts.insert(frame.astype({"n_chars": "int64"}))
    release_free_memory(int(frame["n_chars"].sum()) * 2 if len(frame) else 0)  # text and raw
    report_frame = pd.DataFrame(report, columns=list(REPORT_COLUMNS))
    kwargs = {}
    if events is not None:
        kwargs["events"] = events
    if outlets is not None:
        kwargs["outlets"] = outlets
    return Corpus(frame.reset_index(drop=True), report_frame, **kwargs)


def _unique_id(article_id: str, used: set[str], item: Input) -> str:
    if article_id not in used:
        used.add(article_id)
        return article_id
    n = 2
    while f"{article_id}-{n}" in used:
        n += 1
    new = f"{article_id}-{n}"
    item.warnings.append(f"article_id {article_id!r} was already taken; this article is {new!r}")
    used.add(new)
    return new


def _build_article(item: Input, rules) -> dict | None:
    meta = dict(item.meta)
    raw = item.raw or ""
    text = raw
    pre_removed: dict[int, dict] = {}
    extracted = False
    page_site = None
    if item.is_html:
        page = extract_page(raw, use_extractor=rules is not None)
        text, pre_removed, extracted = page.text, page.removed, page.extracted
        page_site = page.site
        item.warnings.extend(page.warnings)
        for key, value in (("title", page.title), ("date", page.date), ("author", page.author)):
            if not meta.get(key) and value:
                meta[key] = value
    if text.strip() and not _VISIBLE.search(text):
        item.skip("only invisible characters (zero-width spaces, joiners, soft hyphens and the "
                  "like): no article text")
        return None
    if not text.strip():
        if not raw:
            item.skip("empty: no article text")
        elif not raw.strip():
            item.skip("whitespace only: no article text")
        else:
            item.skip("no visible text: the HTML has markup (or only script/style) but no text")
        return None
    sites = tuple(s for s in (meta.get("outlet"), meta.get("publisher"),
                              _domain(meta.get("url")), page_site) if s)
    if rules is not None:
        result = clean_text(text, title=meta.get("title"), sites=sites, rules=rules,
                            infer_title=item.title_from_text and not meta.get("title"),
                            pre_removed=pre_removed, extracted=extracted)
        body, removed, credits = result.text, result.removed, result.credits
        if getattr(result, "inferred_title", None):
            meta["title"] = result.inferred_title
    else:
        body, removed, credits = text.strip(), [], []
    if not body.strip():
        cats = sorted({r["category"] for r in removed})
        item.skip(f"no article text left after cleaning: all {len(removed)} lines matched "
                  f"boilerplate rules ({', '.join(cats)})")
        return None
    if not meta.get("outlet"):
        meta["outlet"] = UNKNOWN_OUTLET
        named = list(dict.fromkeys(c["who"] for c in credits if c["kind"] in ("copyright", "author")))
        hint = f"; its credit lines name {', '.join(named)}" if named else ""
        item.warnings.append("no outlet given: kept as 'unknown' (add an outlet column or "
                             f"manifest){hint}")
    problem = _url_problem(meta.get("url"))
    if problem:
        item.warnings.append(problem)
    if not meta.get("publisher"):
        meta["publisher"] = _domain(meta.get("url"))
    date, warning = normalize_date(meta.get("date"))
    meta["date"] = date
    if warning:
        item.warnings.append(warning)
    author_credits = [c["who"] for c in credits if c["kind"] == "author"]
    if not meta.get("author") and author_credits:
        meta["author"] = "; ".join(author_credits)
    article = {
        "article_id": meta.get("article_id") or item.default_id or item.label,
        "outlet": meta["outlet"], "publisher": meta.get("publisher"), "date": meta["date"],
        "event_id": meta.get("event_id"), "title": meta.get("title"), "url": meta.get("url"),
        "author": meta.get("author"), "text": body, "n_chars": len(body), "duplicate_of": None,
        "raw": raw, "removed": removed, "credits": credits,
        "source": item.source or item.label, "encoding": item.encoding,
    }
    for key, value in item.extra.items():
        if key not in article:
            article[key] = value
        elif value is not None:  # never drop a user's value silently
            item.warnings.append(f"column {key!r} has the name of an article column, so its "
                                 "value is not kept; rename the column (or map it) to keep it")
    return article
