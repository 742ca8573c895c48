"""The notebooks' tables, for people: each takes a library table and returns a
:class:`~mediacompare.display.tables.Table` with human headers, the rows that
matter first, long tables folded, and missing values said in words.

One function a table, so a notebook cell stays one line and the choices (which
columns, which order, what a blank means) are here, documented and tested.
"""

from __future__ import annotations

import html
from typing import Any

import pandas as pd

from .helpers import _str
from .tables import Table, table

__all__ = ["credits_view", "events_view", "extremes_view", "load_report_view", "naming_view",
           "outlets_view", "quotes_view", "readability_view", "removed_view", "similar_pairs",
           "taxonomy_view", "tone_toward_actors", "voice_tone_view"]

_STATUS_ORDER = {"skipped": 0, "loaded_with_warning": 1, "loaded": 2}


def load_report_view(corpus: Any, max_rows: int = 10) -> Table:
    """Every input and what became of it: skipped first, then loaded with a warning."""
    report = corpus.load_report
    ordered = report.assign(_o=report["status"].map(_STATUS_ORDER).fillna(3)) \
        .sort_values("_o", kind="stable").drop(columns="_o")
    counts = report["status"].value_counts()
    caption = ", ".join(f"{k.replace('_', ' ')}: {int(v):,}" for k, v in counts.items())
    return table(ordered, columns={"input": "Input", "article_id": "Article",
                                   "status": "Status", "reason": "Why"},
                 max_rows=max_rows, what="inputs", caption=f"{len(report):,} inputs ({caption})",
                 missing="no article (the input was not loaded)")


def outlets_view(overview: pd.DataFrame) -> Table:
    """The outlets and publishers of :func:`~mediacompare.outlet_overview`; the source of each
    claim follows in a folded list (long citations and addresses would not fit a table)."""
    frame = overview.copy()
    sources = [c for c in frame.columns if c.endswith("_source")]
    columns = {"name": "Name", "role": "Wrote or carried", "article_ids": "Articles",
               "country": "Country", "kind": "Kind", "ownership_funding": "Ownership or funding"}
    if "role" in frame.columns:
        frame["role"] = frame["role"].map({"outlet": "wrote", "publisher": "carried"}).fillna(
            frame["role"])
    view = table(frame, columns={c: h for c, h in columns.items() if c in frame.columns},
                 max_rows=12, what="outlets", missing="not known")
    items = []
    for _, row in frame.iterrows():
        claims = [f"<li><b>{html.escape(c[:-len('_source')].replace('_', ' or '))}</b>: "
                  f"{html.escape(_str(row[c]))}</li>" for c in sources if _str(row[c])]
        if claims:
            items.append(f"<li>{html.escape(_str(row.get('name')))}<ul>{''.join(claims)}</ul></li>")
    if not items:
        return view
    return view.with_appendix('<details class="mc-sources"><summary>Sources of each claim'
                              f'</summary><ul>{"".join(items)}</ul></details>')


def events_view(overview: pd.DataFrame) -> Table:
    """The events of :func:`~mediacompare.event_overview`, those reported by most articles first."""
    frame = overview.assign(shared=overview["shared"].map({True: "yes", False: "no"}))
    return table(frame, columns={"event_id": "Event", "date": "Date", "description": "What happened",
                                 "n_articles": "Articles", "article_ids": "Which",
                                 "outlets": "Outlets", "shared": "Reported by two or more?"},
                 sort=["n_articles", "date"], ascending=[False, True], max_rows=12,
                 what="events", missing="not recorded")


def removed_view(removed: pd.DataFrame, max_rows: int = 12) -> Table:
    """Every line the cleaning removed, with the rule and the reason."""
    return table(removed, columns={"article_id": "Article", "line_no": "Line", "text": "Text removed",
                                   "category": "Category", "rule_id": "Rule", "reason": "Why"},
                 max_rows=max_rows, what="removed lines")


def credits_view(credits: pd.DataFrame) -> Table:
    """The credit lines turned into metadata: who wrote or photographed what."""
    return table(credits, columns={"article_id": "Article", "outlet": "Outlet", "kind": "Credit",
                                   "who": "Who", "text": "The line"},
                 max_rows=12, what="credits")


def taxonomy_view(taxonomy: pd.DataFrame, spans: pd.DataFrame | None = None) -> Table:
    """The categories, each with an example from *this* corpus (the first cue of the category
    in an outlet's own voice) instead of an example from the seed articles."""
    examples = {}
    if spans is not None and len(spans):
        own = spans[~spans["in_quote"].astype(bool)] if "in_quote" in spans.columns else spans
        if "confidence" in own.columns:
            own = own[own["confidence"] == "high"]
        for category, rows in own.groupby("category", sort=False):
            row = rows.iloc[0]
            examples[category] = f"“{_str(row['text'])}” (article {_str(row['article_id'])})"
    frame = taxonomy.assign(example=taxonomy["category"].map(examples).fillna(
        "none in this corpus"))
    frame["literature"] = [
        "; ".join(p for p in (f"PTC: {_str(a).replace('_', ' ').replace(',', ', ')}" if _str(a) else "",
                              f"Recasens et al.: {_str(b)}" if _str(b) else "") if p)
        for a, b in zip(frame.get("ptc_techniques", ""), frame.get("recasens_classes", ""))]
    frame["category"] = frame["category"].str.replace("_", " ")
    return table(frame, columns={"category": "Kind of cue", "definition": "What it marks",
                                 "example": "An example from this corpus",
                                 "neutral_move": "A neutral move",
                                 "literature": "In the research literature"},
                 max_rows=10)


def naming_view(naming: pd.DataFrame, max_rows: int = 15) -> Table:
    """Who is named how: the forms used most first (not alphabetically), generic labels apart."""
    frame = naming[naming["actor"] != "(generic label)"]
    frame = frame.assign(form_kind=frame["form_kind"].str.replace("_", " "))
    return table(frame, columns={"outlet": "Outlet", "actor": "Actor", "form": "Form used",
                                 "form_kind": "Kind of form", "voice": "Voice", "n": "Times",
                                 "article_ids": "Articles"},
                 sort=["n", "outlet"], ascending=[False, True], max_rows=max_rows,
                 what="forms")


def quotes_view(voices: pd.DataFrame, max_rows: int = 12) -> Table:
    """Every quotation with its speaker and how the speaker was found, longest first."""
    return table(voices, columns={"outlet": "Outlet", "speaker": "Speaker",
                                  "affiliation": "Side", "verb": "Reporting verb",
                                  "method": "How the speaker was found", "n_words": "Words",
                                  "quote": "Quotation"},
                 sort="n_words", max_rows=max_rows, what="quotations",
                 missing="none found (unattributed, or no gazetteer row)")


def voice_tone_view(summary: pd.DataFrame) -> Table:
    """Tone in each outlet's own sentences beside tone in the sentences it quotes."""
    part = summary[summary["voice"] != "all"]
    wide = part.pivot(index="outlet", columns="voice",
                      values=["n_sentences", "mean_compound", "share_negative"])
    rows = []
    for outlet in wide.index:
        row = {"outlet": outlet}
        for voice in ("outlet", "quoted"):
            if ("n_sentences", voice) in wide.columns:
                row[f"{voice}_n"] = wide.loc[outlet, ("n_sentences", voice)]
                row[f"{voice}_mean"] = wide.loc[outlet, ("mean_compound", voice)]
                row[f"{voice}_neg"] = wide.loc[outlet, ("share_negative", voice)]
        rows.append(row)
    frame = pd.DataFrame(rows)
    for column in [c for c in frame.columns if c.endswith("_n")]:
        frame[column] = frame[column].fillna(0).astype("int64")
    return table(frame, columns={"outlet": "Outlet", "outlet_n": "Own sentences",
                                 "outlet_mean": "Own: mean tone", "outlet_neg": "Own: negative",
                                 "quoted_n": "Quoted sentences", "quoted_mean": "Quoted: mean tone",
                                 "quoted_neg": "Quoted: negative"},
                 percent=("outlet_neg", "quoted_neg"), digits={"outlet_mean": 2, "quoted_mean": 2,
                                                              "outlet_neg": 2, "quoted_neg": 2},
                 sort="outlet_n", max_rows=15, what="outlets",
                 missing="no sentence in that voice")


def extremes_view(sentences: pd.DataFrame, n: int = 5) -> Table:
    """The ``n`` most negative and ``n`` most positive sentences, with their scores."""
    low = sentences.nsmallest(n, "compound").assign(end="most negative")
    high = sentences.nlargest(n, "compound").assign(end="most positive")
    frame = pd.concat([low, high])
    return table(frame, columns={"end": "", "compound": "Tone (−1 to +1)", "outlet": "Outlet",
                                 "voice": "Voice", "text": "Sentence"},
                 max_rows=2 * n, digits=2)


def tone_toward_actors(toward: pd.DataFrame, min_sentences: int = 3, max_rows: int = 15) -> Table:
    """Tone of the sentences naming each actor, per outlet: only rows with at least
    ``min_sentences`` sentences (the others are counted in a note), most sentences first."""
    enough = toward[toward["n_sentences"] >= min_sentences]
    few = toward[(toward["n_sentences"] > 0) & (toward["n_sentences"] < min_sentences)]
    notes = []
    if len(few):
        notes.append(f"{len(few):,} actor and outlet pairs with 1 to {min_sentences - 1} "
                     "sentences are left out: one or two sentences are an anecdote, not a tone.")
    return table(enough, columns={"actor": "Actor", "outlet": "Outlet",
                                  "n_sentences": "Sentences", "mean_compound": "Mean tone",
                                  "share_negative": "Negative"},
                 sort=["n_sentences", "actor"], ascending=[False, True], percent=("share_negative",),
                 max_rows=max_rows, what="actor and outlet pairs", notes=notes)


def readability_view(readability: pd.DataFrame) -> Table:
    """Readability per article, hardest first; a formula a text is too short for says so."""
    return table(readability, columns={
        "article_id": "Article", "outlet": "Outlet", "n_words": "Words",
        "words_per_sentence": "Words per sentence", "flesch_reading_ease": "Reading ease",
        "flesch_kincaid_grade": "Grade (Flesch–Kincaid)", "gunning_fog": "Fog index",
        "dale_chall": "Dale–Chall", "mattr": "Word variety (MATTR)", "notes": "Notes"},
        sort="flesch_kincaid_grade", digits={"words_per_sentence": 1, "flesch_reading_ease": 1,
                                             "flesch_kincaid_grade": 1, "gunning_fog": 1,
                                             "dale_chall": 1, "mattr": 2},
        max_rows=15, what="articles",
        missing="the text is too short for the formula (see its notes)")


def similar_pairs(similarity: pd.DataFrame, n: int = 10) -> Table:
    """The ``n`` most alike pairs of different articles (each pair once)."""
    pairs = similarity[similarity["article_a"].astype(str) < similarity["article_b"].astype(str)]
    return table(pairs, columns={"article_a": "Article A", "outlet_a": "Outlet A",
                                 "article_b": "Article B", "outlet_b": "Outlet B",
                                 "cosine": "Similarity (0 to 1)"},
                 sort="cosine", max_rows=n, what="pairs")
