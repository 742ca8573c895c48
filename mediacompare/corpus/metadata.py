"""Event and outlet overviews: which articles share an event, and who the outlets are."""

from __future__ import annotations

import pandas as pd

from .model import Corpus

__all__ = ["event_overview", "event_statement", "outlet_overview", "same_event_articles"]


def event_overview(corpus: Corpus) -> pd.DataFrame:
    """One row per event in the corpus: its articles and outlets, and whether it is shared.

    Articles without an ``event_id`` are grouped under ``(no event)``, each
    unshared.

    >>> from mediacompare.corpus import load_corpus
    >>> table = event_overview(load_corpus())
    >>> table.loc[table["shared"], "article_ids"].tolist()
    ['001, 002']
    """
    arts = corpus.articles
    events = corpus.events
    rows = []
    keyed = arts.assign(_event=arts["event_id"].fillna("(no event)"))
    for event_id, group in keyed.groupby("_event", sort=True):
        described = events[events["event_id"] == event_id] if "event_id" in events else events.iloc[0:0]
        rows.append({
            "event_id": event_id,
            "date": described["date"].iloc[0] if len(described) and "date" in described else None,
            "description": (described["description"].iloc[0]
                            if len(described) and "description" in described else None),
            "n_articles": len(group),
            "article_ids": ", ".join(group["article_id"]),
            "outlets": ", ".join(dict.fromkeys(group["outlet"])),
            "shared": len(group) > 1 and event_id != "(no event)",
        })
    return pd.DataFrame(rows, columns=["event_id", "date", "description", "n_articles",
                                       "article_ids", "outlets", "shared"])


def event_statement(corpus: Corpus) -> str:
    """Plain sentences saying which articles share an event and which do not.

    >>> from mediacompare.corpus import load_corpus
    >>> print(event_statement(load_corpus()))  # doctest: +NORMALIZE_WHITESPACE
    Articles 001 (Breitbart News) and 002 (AFP) cover the same event (2017-12-11-putin-khmeimim): they can be compared directly.
    Articles 000 (Fort Russ News), 003 (Press TV) and 004 (Al Arabiya English) each cover a different event: comparing them compares outlets and moments at once.
    """
    table = event_overview(corpus)
    outlet_of = dict(zip(corpus.articles["article_id"], corpus.articles["outlet"]))

    def named(ids: list[str]) -> str:
        parts = [f"{i} ({outlet_of[i]})" for i in ids]
        return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]

    lines = []
    for row in table[table["shared"]].itertuples(index=False):
        lines.append(f"Articles {named(row.article_ids.split(', '))} cover the same event "
                     f"({row.event_id}): they can be compared directly.")
    unshared = {i for row in table[~table["shared"]].itertuples(index=False)
                for i in row.article_ids.split(", ")}
    alone = [i for i in corpus.articles["article_id"] if i in unshared]
    if len(alone) == 1:
        lines.append(f"Article {named(alone)} is the only one on its event: comparing it with the "
                     "others compares outlets and moments at once.")
    elif alone:
        lines.append(f"Articles {named(alone)} each cover a different event: comparing them "
                     "compares outlets and moments at once.")
    if not (table["event_id"] != "(no event)").any():
        lines.append("No article has an event_id, so none can be said to cover the same event.")
    return "\n".join(lines)


def outlet_overview(corpus: Corpus) -> pd.DataFrame:
    """One row per outlet or publisher in the corpus, with its metadata and sources where known."""
    arts = corpus.articles
    roles: dict[str, dict[str, list[str]]] = {}
    for art in arts.itertuples(index=False):
        roles.setdefault(art.outlet, {"outlet": [], "publisher": []})["outlet"].append(art.article_id)
        if isinstance(art.publisher, str) and art.publisher != art.outlet:
            roles.setdefault(art.publisher, {"outlet": [], "publisher": []})["publisher"].append(
                art.article_id)
    meta = corpus.outlets.set_index("name") if "name" in corpus.outlets else pd.DataFrame()
    rows = []
    for name, role in roles.items():
        row = {"name": name,
               "role": " and ".join(r for r in ("outlet", "publisher") if role[r]),
               "article_ids": ", ".join(role["outlet"] + role["publisher"])}
        if name in meta.index:
            row.update(meta.loc[name].to_dict())
        rows.append(row)
    columns = ["name", "role", "article_ids"] + [c for c in meta.columns]
    return pd.DataFrame(rows, columns=columns)


def same_event_articles(corpus: Corpus, *, max_articles: int = 4) -> list[str]:
    """Article ids of the shared event with the most articles (at most ``max_articles``).

    Empty when no two articles share an event. Side-by-side views use it, so a
    like-for-like comparison is picked from the data, not from file names.

    >>> from mediacompare.corpus import load_corpus
    >>> same_event_articles(load_corpus())
    ['001', '002']
    """
    table = event_overview(corpus)
    shared = table[table["shared"]].sort_values(["n_articles", "event_id"], ascending=[False, True])
    if not len(shared):
        return []
    return shared["article_ids"].iloc[0].split(", ")[:max_articles]
