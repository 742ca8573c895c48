"""Which wire agency wrote an article, where its credits or its text say so.

:func:`wire_agencies` gives one row per article and agency with the evidence.
The agencies and their names are data: ``mediacompare/resources/wire_agencies.csv``
(``agency, aliases, country, note``; aliases separated by ``|``, matched as
whole words, case as written). Two roles are told apart:

``carried`` (the article is, or holds, the agency's copy)
    ``outlet`` or ``publisher`` is the agency; ``author`` names it; a credit
    line the cleaning moved to metadata (``copyright`` or ``author`` kind, as
    "© AFP 2017"); a dateline (``WASHINGTON (AP) —``, ``Cleveland (AFP) –``,
    ``PASADENA, Calif., Jan. 1 (UPI) —``); a closing credit line (``— AFP``,
    ``Copyright 2016 The Associated Press``); a contribution note ("The
    Associated Press contributed to this report", "with AFP", "additional
    reporting by Reuters"); Reuters' closing "Reporting by ...; Editing by ...".
``cited`` (the article quotes the agency as a source, which is not copy)
    "according to Reuters", "told AFP", "TASS reported".

Photo credits ("AP Photo/...", "(Photo by AFP)") are not evidence of text copy
and are left out. Every text match has its offsets into the clean text.
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache
from typing import Any

import pandas as pd

from .._paths import resource
from ..corpus.model import Corpus
from ..errors import ResourceError
from .words import _missing, _table

__all__ = ["AGENCY_COLUMNS", "load_agencies", "wire_agencies"]

#: Columns of :func:`wire_agencies`, in order.
AGENCY_COLUMNS = ("article_id", "outlet", "agency", "role", "evidence_kind", "evidence", "start",
                  "end")
_CREDIT_KINDS = ("copyright", "author")


@lru_cache(maxsize=1)
def load_agencies() -> pd.DataFrame:
    """The agencies table (``agency, aliases, country, note``), checked."""
    path = resource("wire_agencies.csv")
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for line, row in enumerate(rows, start=2):
        if not row.get("agency") or not row.get("aliases"):
            raise ResourceError(f"{path}, line {line}: agency and aliases are required")
    return pd.DataFrame(rows, columns=["agency", "aliases", "country", "note"])


@lru_cache(maxsize=1)
def _patterns() -> tuple[dict, list[tuple[str, str, re.Pattern]]]:
    agencies = load_agencies()
    canonical = {}
    for row in agencies.itertuples(index=False):
        for alias in row.aliases.split("|"):
            canonical[alias.strip()] = row.agency
    names = "|".join(re.escape(a) for a in sorted(canonical, key=len, reverse=True))
    a = rf"(?P<agency>{names})"
    patterns = [
        ("carried", "dateline", rf"(?m)^[^\S\n]*[^\n()]{{0,80}}?\({a}\)[^\S\n]*[-\u2013\u2014:]"),
        ("carried", "closing credit",
         rf"(?m)^[^\S\n]*(?:[-\u2013\u2014]+[^\S\n]*|\u00a9[^\S\n]*|Copyright[^\S\n]+(?:\u00a9[^\S\n]*)?"
         rf"(?:\d{{4}}[^\S\n]+)?|Source:[^\S\n]*)?\(?{a}\)?(?:[^\S\n]+\d{{4}})?\.?[^\S\n]*$"),
        ("carried", "contribution",
         rf"(?:The[^\S\n]+)?{a}[^\S\n]+contributed[^\S\n]+(?:to[^\S\n]+this[^\S\n]+report|reporting)"),
        ("carried", "contribution", rf"\((?:with|With)[^\S\n]+{a}\)"),
        ("carried", "contribution",
         rf"(?:[Aa]dditional[^\S\n]+)?reporting[^\S\n]+(?:by|from)[^\S\n]+{a}\b"),
        ("carried", "signature",
         r"(?m)^[^\S\n]*\(?(?:Additional )?[Rr]eporting by [^\n]{1,300}?[Ee]diting by "),
        ("cited", "citation",
         rf"(?:according[^\S\n]+to|told|quoted[^\S\n]+by|reported[^\S\n]+by|cited[^\S\n]+by)"
         rf"[^\S\n]+(?:the[^\S\n]+)?{a}\b"),
        ("cited", "citation", rf"\b{a}[^\S\n]+(?:reported|reports|quoted|cited)\b"),
    ]
    return canonical, [(role, kind, re.compile(p)) for role, kind, p in patterns]


def _canonical(name: Any) -> str | None:
    if _missing(name):
        return None
    canonical, _ = _patterns()
    text = str(name).strip()
    if text in canonical:
        return canonical[text]
    for alias, agency in canonical.items():  # "AFP / Reuters", "By AP staff"
        if re.search(rf"(?<!\w){re.escape(alias)}(?!\w)", text) and len(alias) > 1:
            return agency
    return None


def _credits(source: Any, table: pd.DataFrame) -> list[dict]:
    if isinstance(source, Corpus):
        frame = source.credits()
        return frame.to_dict("records") if len(frame) else []
    out = []
    if "credits" in table.columns:
        for aid, credits in zip(table["article_id"], table["credits"]):
            for credit in credits if isinstance(credits, list) else []:
                out.append({"article_id": aid, **credit})
    return out


def wire_agencies(source: Any) -> pd.DataFrame:
    """One row per article and agency found, with the evidence (metadata or text offsets).

    Returns
    -------
    DataFrame
        Columns :data:`AGENCY_COLUMNS`. ``role`` is ``carried`` or ``cited``
        (see the module docstring); ``evidence_kind`` is ``outlet``,
        ``publisher``, ``author``, ``credit`` (a credit line removed by the
        cleaning), ``dateline``, ``closing credit``, ``contribution``,
        ``signature`` or ``citation``; ``start``/``end`` are offsets into the
        clean text for text evidence (``text[start:end] == evidence``).

    Examples
    --------
    >>> arts = pd.DataFrame({"article_id": ["a"], "outlet": ["Daily"], "text": [
    ...     "WASHINGTON (AP) — Talks resumed, Reuters reported."]})
    >>> wire_agencies(arts)[["agency", "role", "evidence_kind", "evidence"]].values.tolist()
    [['AP', 'carried', 'dateline', 'WASHINGTON (AP) —'], ['Reuters', 'cited', 'citation', 'Reuters reported']]
    """
    table = _table(source)
    _, patterns = _patterns()
    rows = []
    outlet_of = dict(zip(table["article_id"], table["outlet"].map(str) if "outlet" in table
                         else [""] * len(table)))

    def add(aid, agency, role, kind, evidence, start=None, end=None):
        rows.append({"article_id": aid, "outlet": outlet_of.get(aid, ""), "agency": agency,
                     "role": role, "evidence_kind": kind, "evidence": evidence[:200],
                     "start": start, "end": end})

    for record in table.to_dict("records"):
        aid = record["article_id"]
        for column in ("outlet", "publisher", "author"):
            agency = _canonical(record.get(column))
            if agency:
                add(aid, agency, "carried", column, str(record.get(column)))
        text = record.get("text") if isinstance(record.get("text"), str) else ""
        for role, kind, pattern in patterns:
            for match in pattern.finditer(text):
                agency = "Reuters" if kind == "signature" else _canonical(match["agency"])
                if agency:
                    found = match[0]
                    start = match.start() + len(found) - len(found.lstrip())
                    end = match.end() - (len(found) - len(found.rstrip()))
                    add(aid, agency, role, kind, text[start:end], start, end)
    for credit in _credits(source, table):
        if credit.get("kind") in _CREDIT_KINDS:
            agency = _canonical(credit.get("who"))
            if agency:
                add(str(credit["article_id"]), agency, "carried", "credit",
                    str(credit.get("text") or credit.get("who")))
    frame = pd.DataFrame(rows, columns=list(AGENCY_COLUMNS))
    frame = frame.drop_duplicates(["article_id", "agency", "role", "evidence_kind", "start"])
    return frame.reset_index(drop=True).astype({"start": "Int64", "end": "Int64"})
