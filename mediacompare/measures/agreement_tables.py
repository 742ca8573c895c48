"""The counting behind :func:`mediacompare.measures.agreement.agreement`.

For every article, predicted and annotated spans are turned into sets of word
indices and sentence indices (by bisection on the offsets, so the cost follows
the number of words and spans), and the sets are compared per category, per
annotation label and for all compared categories together.
"""

from __future__ import annotations

import bisect
from collections import Counter, defaultdict
from typing import TYPE_CHECKING

import pandas as pd

if TYPE_CHECKING:  # pragma: no cover
    from .agreement import Agreement

_NAN = float("nan")


def _normal(text: str) -> str:
    return " ".join(text.lower().replace("\u2019", "'").split())


def _sentence_voice(art, index: int) -> str | None:
    start, end = art.sentences[index]
    return art.voice_of(start, end)


def build(predicted: pd.DataFrame, annotated: pd.DataFrame, articles: pd.DataFrame,
          pairs: dict[str, set[str]], *, voice, top: int, article_cls) -> "Agreement":
    from .agreement import METRIC_COLUMNS, Agreement, prf

    categories = list(pairs)
    labels = sorted({lab for c in categories for lab in pairs[c]})
    groups = ([("category", c, (c,), tuple(sorted(pairs[c]))) for c in categories]
              + [("label", lab, tuple(c for c in categories if lab in pairs[c]), (lab,))
                 for lab in labels]
              + [("all", "all", tuple(categories), tuple(labels))])
    texts = dict(zip(articles["article_id"], articles["text"]))
    pred_by = {a: g for a, g in predicted[predicted["category"].isin(categories)].groupby("article_id")}
    gold_by = {a: g for a, g in annotated[annotated["category"].isin(labels)].groupby("article_id")}
    all_gold_by = {a: g for a, g in annotated.groupby("article_id")}
    # counts[level][group index] = [tp, fp, fn, n_units, n_predicted, n_annotated]
    counts = {level: [[0] * 6 for _ in groups] for level in ("token", "span", "sentence")}
    entry_rows: dict[tuple, list] = defaultdict(lambda: [0, 0, 0, set()])
    false_pos: Counter = Counter()
    misses: Counter = Counter()
    missed_words: Counter = Counter()
    has_term = "term" in predicted.columns
    has_cue = {"cue_start", "cue_end"} <= set(predicted.columns)
    for article_id, text in texts.items():
        art = article_cls(text)
        keep_word = (lambda i: True) if voice is None else (
            lambda i: art.quoted[i] == (voice == "quoted"))
        keep_sentence = (lambda i: True) if voice is None else (
            lambda i: _sentence_voice(art, i) == voice)
        preds = pred_by.get(article_id)
        golds = gold_by.get(article_id)
        pred_spans = []  # (start, end, category, row)
        if preds is not None:
            for row in preds.itertuples(index=False):
                span_voice = (("quoted" if row.in_quote else "outlet")
                              if "in_quote" in preds.columns else art.voice_of(row.start, row.end))
                if voice is None or span_voice == voice:
                    pred_spans.append((row.start, row.end, row.category, row))
        gold_spans = []
        if golds is not None:
            for row in golds.itertuples(index=False):
                if voice is None or art.voice_of(row.start, row.end) == voice:
                    gold_spans.append((row.start, row.end, row.category))
        words = {}
        sents = {}
        for kind, spans in (("pred", pred_spans), ("gold", gold_spans)):
            by_name = defaultdict(set)
            sent_by_name = defaultdict(set)
            for span in spans:
                name = span[2]
                by_name[name].update(i for i in art.word_range(span[0], span[1]) if keep_word(i))
                sent_by_name[name].update(i for i in art.sentence_range(span[0], span[1])
                                          if keep_sentence(i))
            words[kind], sents[kind] = by_name, sent_by_name
        n_words = sum(1 for i in range(len(art.words)) if keep_word(i))
        n_sents = sum(1 for i in range(len(art.sentences)) if keep_sentence(i))
        for g, (_, _, cats, labs) in enumerate(groups):
            for level, found, n_units in (("token", words, n_words), ("sentence", sents, n_sents)):
                p = set().union(*(found["pred"][c] for c in cats)) if cats else set()
                a = set().union(*(found["gold"][lab] for lab in labs)) if labs else set()
                row = counts[level][g]
                row[0] += len(p & a)
                row[1] += len(p - a)
                row[2] += len(a - p)
                row[3] += n_units
                row[4] += len(p)
                row[5] += len(a)
            p_spans = [s for s in pred_spans if s[2] in cats]
            a_spans = [s for s in gold_spans if s[2] in labs]
            p_index, a_index = _Intervals(p_spans), _Intervals(a_spans)
            matched = sum(a_index.touches(s[0], s[1]) for s in p_spans)
            found_gold = sum(p_index.touches(s[0], s[1]) for s in a_spans)
            row = counts["span"][g]   # at the span level, n_units holds the annotations found
            row[0] += matched                      # predicted spans that touch an annotation
            row[1] += len(p_spans) - matched
            row[2] += len(a_spans) - found_gold    # annotations no prediction touches
            row[3] += found_gold
            row[4] += len(p_spans)
            row[5] += len(a_spans)
        # per entry, false positives, misses
        all_gold = _Intervals([] if all_gold_by.get(article_id) is None else zip(
            all_gold_by[article_id]["start"], all_gold_by[article_id]["end"]))
        gold_of = {c: _Intervals([s for s in gold_spans if s[2] in pairs[c]]) for c in categories}
        pred_of = {lab: _Intervals([s for s in pred_spans if lab in pairs[s[2]]]) for lab in labels}
        for start, end, category, row in pred_spans:
            marked = gold_of[category].touches(start, end)
            if has_term:
                # an entry's evidence is its own match (the cue), not the phrase it was widened over
                cue = (row.cue_start, row.cue_end) if has_cue else (start, end)
                key = (category, str(row.term))
                entry = entry_rows[key]
                entry[0] += 1
                entry[1] += gold_of[category].touches(*cue)
                entry[2] += all_gold.touches(*cue)
                if hasattr(row, "confidence"):
                    entry[3].add(str(row.confidence))
            if not marked:
                false_pos[(category, _normal(text[start:end]))] += 1
        for start, end, label in gold_spans:
            if not pred_of[label].touches(start, end):
                misses[(label, _normal(text[start:end]))] += 1
        predicted_words = set().union(*words["pred"].values()) if words["pred"] else set()
        for label, indices in words["gold"].items():
            for i in indices - predicted_words:
                missed_words[(label, _normal(art.words[i].text))] += 1
    tables = {}
    for level in ("token", "span", "sentence"):
        rows = []
        for (compared, name, cats, labs), (tp, fp, fn, n_units, n_pred, n_gold) in zip(
                groups, counts[level]):
            if level == "span":
                precision = tp / n_pred if n_pred else _NAN
                recall = n_units / n_gold if n_gold else _NAN
                f1 = (_NAN if precision != precision or recall != recall else
                      (2 * precision * recall / (precision + recall) if precision + recall else 0.0))
                n_units = n_pred + n_gold
            else:
                precision, recall, f1 = prf(tp, fp, fn)
            rows.append({"compared": compared, "name": name, "categories": "|".join(cats),
                         "labels": "|".join(labs), "n_units": n_units, "n_predicted": n_pred,
                         "n_annotated": n_gold, "tp": tp, "fp": fp, "fn": fn,
                         "precision": precision, "recall": recall, "f1": f1})
        tables[level] = pd.DataFrame(rows, columns=METRIC_COLUMNS).astype(
            {c: "int64" for c in ("n_units", "n_predicted", "n_annotated", "tp", "fp", "fn")})
    entries = pd.DataFrame(
        [{"category": c, "term": t, "confidence": "|".join(sorted(v[3])), "n_uses": v[0],
          "n_marked": v[1], "share_marked": v[1] / v[0] if v[0] else _NAN, "n_marked_any": v[2]}
         for (c, t), v in entry_rows.items()],
        columns=["category", "term", "confidence", "n_uses", "n_marked", "share_marked",
                 "n_marked_any"]).sort_values(["n_uses", "category", "term"],
                                              ascending=[False, True, True], ignore_index=True)
    return Agreement(
        token=tables["token"], span=tables["span"], sentence=tables["sentence"], entries=entries,
        false_positives=_top(false_pos, ("category", "text"), top),
        misses=_top(misses, ("label", "text"), top),
        missed_words=_top(missed_words, ("label", "word"), top),
        mapping=pd.DataFrame(sorted((c, lab) for c in pairs for lab in pairs[c]),
                             columns=["category", "label"]),
        n_articles=len(texts), voice=voice)


class _Intervals:
    """Spans sorted by start with a running maximum of their ends: does any touch [start, end)?"""

    def __init__(self, spans):
        ordered = sorted((s[0], s[1]) for s in spans)
        self.starts = [s for s, _ in ordered]
        self.max_end = []
        best = -1
        for _, e in ordered:
            best = max(best, e)
            self.max_end.append(best)

    def touches(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self.starts, end)   # spans [0, i) start before ``end``
        return i > 0 and self.max_end[i - 1] > start




def _top(counter: Counter, names: tuple[str, str], top: int) -> pd.DataFrame:
    rows = [{names[0]: k[0], names[1]: k[1], "n": n}
            for k, n in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))[:top]]
    return pd.DataFrame(rows, columns=[*names, "n"])
