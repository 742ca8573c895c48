"""Who carries whose copy: partial reuse with its share and its passages, and the agency behind it.

:func:`wire_copy` flags pairs of articles above one share of shared wording.
Partial reuse falls under any such line: an outlet that rewrites an agency
story keeps a quarter of its sentences; a story built on two agencies keeps a
few paragraphs of each. :func:`reuse_passages` gives every passage of at least
``min_words`` words that two articles share, with offsets, and says whether it
lies inside a quotation in both (two outlets quoting one speaker is not copy);
:func:`copy_flows` sums the passages up per pair, with a direction and the
agency named where the credits or the text say so
(:func:`~mediacompare.measures.agencies.wire_agencies`); :func:`copy_matrix`
puts the shares in a carriers × sources table.

Direction, in order: an article whose outlet or publisher is itself the wire
agency is the source; otherwise the earlier one by date is; otherwise (same
day, or no dates) the pair is ``undecided`` and listed once, as found. The
agency is the one credited as ``carried`` in the source article, else in the
carrier.

Shares count words (word, number and abbreviation tokens) of the carrier's
clean text inside shared passages that are not quotations. A passage needs
``min_words`` words (default 20): on 840 PolNeAR articles, shorter shared runs
(12 to 19 words) were mostly one quotation or tweet printed without quotation
marks, or a stock phrase, rather than copy. Kinds:
``republished`` (at least 80% of the carrier), ``substantial`` (at least 30%,
the flag of :func:`wire_copy`), ``partial`` (less, but at least one passage of
``min_words`` words outside quotations), ``quotation only``.
"""

from __future__ import annotations

import numbers
from collections import defaultdict
from typing import Any

import numpy as np
import pandas as pd

from ..features.quotes import find_quotes
from ..document import analyse
from .agencies import wire_agencies
from .event_features import parse_date
from .wire import _shingle_hashes
from .words import _WORD_KINDS, _check_n, _table

__all__ = ["FLOW_COLUMNS", "PASSAGE_COLUMNS", "copy_flows", "copy_matrix", "reuse_passages"]

#: Columns of :func:`reuse_passages`, in order.
PASSAGE_COLUMNS = ("article_a", "outlet_a", "article_b", "outlet_b", "start_a", "end_a",
                   "text_a", "start_b", "end_b", "n_words", "quotation")
#: Columns of :func:`copy_flows`, in order.
FLOW_COLUMNS = ("source_article", "source_outlet", "carrier_article", "carrier_outlet", "agency",
                "agency_evidence", "direction", "kind", "share_of_carrier", "share_of_source",
                "n_passages", "n_copied_words", "n_quoted_words", "longest_passage")
REPUBLISHED, SUBSTANTIAL = 0.8, 0.3
#: A shingle found in this many articles of one outlet is that outlet's furniture, not copy.
FURNITURE = 3


def _check(n: Any, min_words: Any) -> tuple[int, int]:
    n = _check_n(n)
    if isinstance(min_words, bool) or not isinstance(min_words, numbers.Integral) \
            or min_words < n:
        raise ValueError(f"min_words must be a whole number of at least n ({n}); got {min_words!r}")
    return n, int(min_words)


def _runs(positions: np.ndarray, n: int) -> list[tuple[int, int]]:
    """Word runs [first, last] covered by shingles starting at ``positions`` (sorted)."""
    runs: list[list[int]] = []
    for k in positions.tolist():
        if runs and k <= runs[-1][1] + 1:
            runs[-1][1] = k + n - 1
        else:
            runs.append([k, k + n - 1])
    return [(a, b) for a, b in runs]


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Most of [start, end) lies inside the quotation spans."""
    covered = sum(max(0, min(end, b) - max(start, a)) for a, b in spans)
    return covered >= 0.8 * (end - start)


def reuse_passages(source: Any, *, n: int = 8, min_words: int = 20) -> pd.DataFrame:
    """Every passage of at least ``min_words`` words that two articles share, both ways.

    A passage is a run of overlapping shared ``n``-word shingles (as
    :func:`~mediacompare.measures.wire.copied_passages`), from its first to its
    last word in article a (``text_a == text[start_a:end_a]``) and where the
    same words run in article b. ``quotation`` is True when it lies inside
    quotation marks in both articles. Shingles found in :data:`FURNITURE` or
    more articles of one outlet (an editor's note, a newsletter prompt the
    cleaning left) are that outlet's furniture and never make a passage.

    Examples
    --------
    >>> story = ("Talks on the ceasefire resumed in Geneva on Monday after a week of delays, "
    ...          "and both delegations said they expected a first agreement on prisoners by Friday.")
    >>> arts = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["A", "B"],
    ...                      "text": [story + " Officials said.", "Late news: " + story]})
    >>> reuse_passages(arts)[["article_a", "n_words", "quotation"]].values.tolist()
    [['a', 27, False], ['b', 27, False]]
    """
    n, min_words = _check(n, min_words)
    table = _table(source)
    ids = table["article_id"].tolist()
    outlets = table["outlet"].map(str).tolist() if "outlet" in table else [""] * len(ids)
    words, hashes, quotes = [], [], []
    holders: dict[int, set[int]] = defaultdict(set)
    for k, text in enumerate(table["text"]):
        text = text if isinstance(text, str) else ""
        toks = [t for t in analyse(text).tokens if t.kind in _WORD_KINDS]
        hs = _shingle_hashes([t.norm for t in toks], n)
        words.append(toks)
        hashes.append(np.array(hs, dtype=np.uint64))
        quotes.append(text)
        for h in set(hs):
            holders[h].add(k)
    partners: dict[int, set[int]] = defaultdict(set)
    furniture: set[int] = set()
    for h, ks in holders.items():
        if len(ks) < 2:
            continue
        per_outlet = defaultdict(int)
        for k in ks:
            per_outlet[outlets[k]] += 1
        if max(per_outlet.values()) >= FURNITURE:  # an outlet's own recurring note
            furniture.add(h)
            continue
        for k in ks:
            partners[k].update(ks - {k})
    furniture_hashes = np.array(sorted(furniture), dtype=np.uint64)
    spans_cache: dict[int, list[tuple[int, int]]] = {}

    def spans(k: int) -> list[tuple[int, int]]:
        if k not in spans_cache:
            spans_cache[k] = [(q.inner_start, q.inner_end) for q in find_quotes(quotes[k])]
        return spans_cache[k]

    rows = []
    for a in range(len(ids)):
        for b in sorted(partners.get(a, ())):
            shared = np.isin(hashes[a], hashes[b]) & ~np.isin(hashes[a], furniture_hashes)
            position_in_b = {int(h): p for p, h in enumerate(hashes[b].tolist())}
            for first, last in _runs(np.flatnonzero(shared), n):
                if last - first + 1 < min_words:
                    continue
                ta = words[a]
                start, end = ta[first].start, ta[last].end
                pb = position_in_b[int(hashes[a][first])]
                tb = words[b]
                length = last - first + 1
                same = [t.norm for t in tb[pb:pb + length]] == [t.norm for t in ta[first:last + 1]]
                sb, eb = tb[pb].start, tb[pb + (length if same else n) - 1].end
                quoted = _inside(spans(a), start, end) and _inside(spans(b), sb, eb)
                rows.append({"article_a": ids[a], "outlet_a": outlets[a], "article_b": ids[b],
                             "outlet_b": outlets[b], "start_a": start, "end_a": end,
                             "text_a": table["text"].iloc[a][start:end], "start_b": sb,
                             "end_b": eb, "n_words": last - first + 1, "quotation": quoted})
    frame = pd.DataFrame(rows, columns=list(PASSAGE_COLUMNS))
    frame.attrs.update(n=n, min_words=min_words,
                       n_words=dict(zip(ids, (len(toks) for toks in words))))
    return frame.astype({"start_a": "int64", "end_a": "int64", "start_b": "int64",
                         "end_b": "int64", "n_words": "int64", "quotation": bool})


def _direction(ra: dict, rb: dict, agencies: dict) -> tuple[dict, dict, str]:
    """(source, carrier, how the direction was decided)."""
    for first, second in ((ra, rb), (rb, ra)):
        if any(k in ("outlet", "publisher") for _, k, _ in agencies.get(first["article_id"], [])):
            return first, second, "the source is an agency"
    da, db = parse_date(ra.get("date")), parse_date(rb.get("date"))
    if da.dated and db.dated and da.precision == db.precision == "day" and da.start != db.start:
        return (ra, rb, "earlier date") if da.start < db.start else (rb, ra, "earlier date")
    return ra, rb, "undecided"


def copy_flows(source: Any, *, n: int = 8, min_words: int = 20,
               passages: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per pair of articles that share wording outside quotations: who carries whose.

    Returns
    -------
    DataFrame
        Columns :data:`FLOW_COLUMNS`, the largest ``share_of_carrier`` first;
        ``agency`` and ``agency_evidence`` name the wire agency where a credit,
        a dateline or the outlet says so (empty otherwise); ``direction`` says
        how source and carrier were told apart; ``longest_passage`` is the
        longest shared passage outside quotations (capped at 300 characters).
        Pairs that share only quotations are left out: they are in
        :func:`reuse_passages`.

    Examples
    --------
    >>> story = ("Talks on the ceasefire resumed in Geneva on Monday after a week of delays, "
    ...          "and both delegations said they expected a first agreement on prisoners by Friday.")
    >>> arts = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["AFP", "Daily"],
    ...                      "date": ["2020-01-02", "2020-01-02"],
    ...                      "text": [story, "Late news: " + story]})
    >>> copy_flows(arts)[["source_outlet", "carrier_outlet", "agency", "kind"]].values.tolist()
    [['AFP', 'Daily', 'AFP', 'republished']]
    """
    n, min_words = _check(n, min_words)
    table = _table(source)
    if passages is None:
        passages = reuse_passages(source, n=n, min_words=min_words)
    found = wire_agencies(source)
    carried = found[found["role"] == "carried"]
    agencies: dict[str, list] = defaultdict(list)
    for row in carried.itertuples(index=False):
        agencies[row.article_id].append((row.agency, row.evidence_kind, row.evidence))
    records = {r["article_id"]: r for r in table.to_dict("records")}
    n_words = passages.attrs.get("n_words") or {
        aid: analyse(r["text"] if isinstance(r["text"], str) else "").n_words
        for aid, r in records.items()}
    rows = []
    done = set()
    for (a, b), group in passages.groupby(["article_a", "article_b"], sort=False):
        if (b, a) in done:
            continue
        done.add((a, b))
        src, car, how = _direction(records[a], records[b], agencies)
        mine = passages[(passages["article_a"] == car["article_id"])
                        & (passages["article_b"] == src["article_id"])]
        copied = mine[~mine["quotation"]]
        if not len(copied):
            continue
        named = agencies.get(src["article_id"]) or agencies.get(car["article_id"]) or []
        longest = copied.loc[copied["n_words"].idxmax(), "text_a"]
        words = int(copied["n_words"].sum())
        share = words / n_words[car["article_id"]] if n_words[car["article_id"]] else np.nan
        rows.append({
            "source_article": src["article_id"], "source_outlet": str(src.get("outlet", "")),
            "carrier_article": car["article_id"], "carrier_outlet": str(car.get("outlet", "")),
            "agency": named[0][0] if named else "",
            "agency_evidence": f"{named[0][1]}: {named[0][2]}" if named else "",
            "direction": how,
            "kind": "republished" if share >= REPUBLISHED else
                    "substantial" if share >= SUBSTANTIAL else "partial",
            "share_of_carrier": share,
            "share_of_source": words / n_words[src["article_id"]] if n_words[src["article_id"]]
            else np.nan,
            "n_passages": len(copied), "n_copied_words": words,
            "n_quoted_words": int(mine.loc[mine["quotation"], "n_words"].sum()),
            "longest_passage": longest[:300] + ("…" if len(longest) > 300 else "")})
    frame = pd.DataFrame(rows, columns=list(FLOW_COLUMNS))
    frame = frame.sort_values("share_of_carrier", ascending=False, kind="stable")
    return frame.reset_index(drop=True).astype({"share_of_carrier": "float64",
                                                "share_of_source": "float64",
                                                "n_passages": "int64", "n_copied_words": "int64",
                                                "n_quoted_words": "int64"})


def copy_matrix(flows: pd.DataFrame) -> pd.DataFrame:
    """Carrier outlets × sources (the agency where named, else the source outlet): the largest
    share of a carrier's article taken from that source."""
    needed = ("carrier_outlet", "source_outlet", "agency", "share_of_carrier")
    if not isinstance(flows, pd.DataFrame) or any(c not in flows.columns for c in needed):
        raise ValueError("flows must be a copy_flows() table with columns " + ", ".join(needed))
    source = flows["agency"].where(flows["agency"] != "", flows["source_outlet"])
    frame = flows.assign(source=source)
    return frame.pivot_table(index="carrier_outlet", columns="source",
                             values="share_of_carrier", aggfunc="max")
