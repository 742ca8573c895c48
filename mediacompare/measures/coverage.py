"""Which outlet covered which event when: one row per event and outlet.

The table behind :func:`~mediacompare.display.events_plots.plot_coverage`: for
every event of a :func:`~mediacompare.find_events` table and every outlet that
reported it, how many articles, their first and last dates, and how many days
after the event's first article the outlet's first came.
"""

from __future__ import annotations

import numbers

import pandas as pd

from .event_features import parse_date

__all__ = ["COVERAGE_COLUMNS", "coverage_table"]

#: Columns of :func:`coverage_table`, in order.
COVERAGE_COLUMNS = ("event_id", "event_name", "event_start", "n_outlets", "outlet", "n_articles",
                    "first_date", "last_date", "days_after_start", "article_ids")


def coverage_table(events: pd.DataFrame, *, min_outlets: int = 1) -> pd.DataFrame:
    """One row per event and outlet of a :func:`~mediacompare.find_events` table.

    Events come in order of their first date (undated last), outlets within an
    event by their first article. ``days_after_start`` is missing for an outlet
    whose articles have no day date. ``min_outlets`` keeps only the events
    reported by at least that many outlets.

    >>> import mediacompare as mc
    >>> table = coverage_table(mc.find_events(mc.load_corpus()), min_outlets=2)
    >>> table[["event_id", "outlet", "days_after_start"]].values.tolist()
    [['2017-12-11-putin-khmeimim', 'Breitbart News', 0], ['2017-12-11-putin-khmeimim', 'AFP', 0]]
    """
    needed = ("article_id", "outlet", "date", "event_id", "event_name", "event_start")
    if not isinstance(events, pd.DataFrame) or any(c not in events.columns for c in needed):
        raise ValueError("events must be a find_events() table with columns " + ", ".join(needed))
    if isinstance(min_outlets, bool) or not isinstance(min_outlets, numbers.Integral) \
            or min_outlets < 1:
        raise ValueError(f"min_outlets must be a whole number of at least 1; got {min_outlets!r}")
    spans = events["date"].map(parse_date)
    frame = events.assign(_start=[s.start if s.precision == "day" else None for s in spans],
                          _day=[s.text if s.precision == "day" else "" for s in spans])
    rows = []
    for event_id, group in frame.groupby("event_id", sort=False):
        n_outlets = group["outlet"].nunique()
        if n_outlets < min_outlets:
            continue
        starts = group["_start"].dropna()
        event_start = starts.min() if len(starts) else None
        by_outlet = []
        for outlet, mine in group.groupby("outlet", sort=False):
            days = mine["_start"].dropna()
            by_outlet.append({
                "event_id": event_id, "event_name": group["event_name"].iloc[0],
                "event_start": group["event_start"].iloc[0], "n_outlets": n_outlets,
                "outlet": outlet, "n_articles": len(mine),
                "first_date": min((d for d in mine["_day"] if d), default=""),
                "last_date": max((d for d in mine["_day"] if d), default=""),
                "days_after_start": int(days.min() - event_start) if len(days) else pd.NA,
                "article_ids": ", ".join(mine["article_id"].map(str)),
                "_order": days.min() if len(days) else float("inf"), "_row": mine.index.min()})
        by_outlet.sort(key=lambda r: (r["_order"], r["_row"]))
        rows.extend(by_outlet)
    table = pd.DataFrame(rows, columns=list(COVERAGE_COLUMNS) + ["_order", "_row"])
    if len(table):
        first = table.groupby("event_id", sort=False)["_order"].transform("min")
        table = table.assign(_first=first).sort_values(["_first", "event_id", "_order"],
                                                       kind="stable")
    table = table.drop(columns=["_order", "_row", "_first"], errors="ignore").reset_index(drop=True)
    return table.astype({"n_outlets": "int64", "n_articles": "int64",
                         "days_after_start": "Int64"})
