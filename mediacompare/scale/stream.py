"""Aggregate tables of a corpus read one article at a time, in one process."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Iterator

from ..corpus.build import _build_article
from ..corpus.build import report_row as build_report_row
from ..corpus.clean import load_rules
from ..corpus.load import MAX_BYTES, Columns
from ..errors import CorpusError
from ..features.label import resolve_lexicon
from ..features.lexicon import Lexicon
from ..progress import track
from .sources import inputs, plan, total_inputs
from .tables import Accumulator, Aggregates, Config, Ledger, analyse

__all__ = ["check_options", "iter_articles", "make_config", "stream_aggregates"]


def check_options(by: str, max_bytes, params: dict) -> Columns:
    if by not in ("outlet", "article_id"):
        raise ValueError(f"by must be 'outlet' or 'article_id'; got {by!r}")
    if not isinstance(max_bytes, int) or max_bytes <= 0:
        raise CorpusError(f"max_bytes must be a positive integer; got {max_bytes!r}")
    unknown = sorted(set(params) - {f"{f}_col" for f in _COL_PARAMS})
    if unknown:
        raise TypeError(f"unknown argument {unknown[0]!r}; column arguments are: "
                        f"{', '.join(f'{f}_col' for f in _COL_PARAMS)}")
    return Columns.from_params({f"{f}_col": params.get(f"{f}_col") for f in _COL_PARAMS})


_COL_PARAMS = ("text", "id", "outlet", "publisher", "date", "event", "title", "url", "author",
               "file")


def make_config(columns, max_bytes, rules, clean, lexicon, **flags) -> Config:
    return Config(columns, max_bytes, load_rules(rules) if clean else None,
                  resolve_lexicon(lexicon), **flags)



def stream_aggregates(source=None, *, lexicon: Lexicon | str | Path | None = None,
                      by: str = "outlet", sentiment: bool = False, readability: bool = False,
                      keep_spans: bool = False, keep_tokens: bool = False,
                      progress: bool | None = None,
                      manifest: str | Path | None = None, rules: str | Path | None = None,
                      clean: bool = True, max_bytes: int = MAX_BYTES, follow_links: bool = False,
                      **columns: str | None) -> Aggregates:
    """Aggregate tables of a corpus, read and analysed one article at a time.

    Parameters
    ----------
    source : None, path, list of paths or DataFrame
        As :func:`load_corpus` takes it (the seeds, a folder, a ``.csv``,
        ``.jsonl``, ``.txt`` or ``.html`` file, a DataFrame), a ``.parquet``
        file, or a list of these read in order as one corpus.
    lexicon : Lexicon, path or list of paths, optional
        As :func:`label` takes it.
    by : {"outlet", "article_id"}
        The key of :attr:`Aggregates.label_rates` and ``sentiment``.
    sentiment, readability : bool
        Also compute the sentiment summary and the readability table.
    keep_spans, keep_tokens : bool
        Also keep the span table and the token table (they grow with the corpus).
    progress : bool or None
        ``False``: no progress bar; ``True``: a bar (terminal or notebook) once
        the run has taken two seconds; ``None``: as :func:`set_progress` or the
        ``MEDIACOMPARE_PROGRESS`` variable say (see :mod:`mediacompare.progress`).
    manifest, rules, clean, max_bytes, follow_links, text_col, id_col, outlet_col, \
publisher_col, date_col, event_col, title_col, url_col, author_col, file_col
        As in :func:`load_corpus`.

    Returns
    -------
    Aggregates

    Examples
    --------
    >>> import mediacompare as mc
    >>> agg = mc.stream_aggregates(progress=False)          # the seeds, one article at a time
    >>> corpus = mc.load_corpus()
    >>> agg.label_rates.equals(mc.label_rates(mc.label(corpus), corpus))
    True
    >>> agg.outlets[["outlet", "n_articles", "n_words"]].head(2).values.tolist()
    [['AFP', 1, 283], ['Al Arabiya English', 1, 315]]
    """
    cols = check_options(by, max_bytes, columns)
    units = plan(source, cols, manifest=manifest, blocksize=None, follow_links=follow_links)
    cfg = make_config(cols, max_bytes, rules, clean, lexicon, sentiment=sentiment,
                      readability=readability, keep_spans=keep_spans, keep_tokens=keep_tokens)
    acc = Accumulator(cfg, by)
    for item in track(inputs(units, cols, max_bytes), desc="streaming", total=total_inputs(units),
                      progress=progress):
        acc.add(analyse(item, cfg))
    return acc.finish()


def iter_articles(source=None, *, progress: bool | None = None, manifest: str | Path | None = None,
                  rules: str | Path | None = None, clean: bool = True, max_bytes: int = MAX_BYTES,
                  follow_links: bool = False,
                  **columns: str | None) -> Iterator[tuple[dict, dict | None]]:
    """Load a corpus one article at a time: ``(load-report row, article)`` for every input.

    ``article`` is a dict with the columns of :attr:`Corpus.articles` (``text``,
    ``raw``, ``removed`` ...), or ``None`` for a skipped input (the report row
    says why). Article ids are made unique and identical texts flagged in
    ``duplicate_of``, as :func:`load_corpus` does. Parameters as in
    :func:`stream_aggregates`.

    >>> import mediacompare as mc
    >>> rows = list(mc.iter_articles())
    >>> rows[0][0]["input"], rows[0][1]                 # the manifest's row: how it was read
    ('seed_manifest.csv', None)
    >>> [(row["article_id"], article["outlet"]) for row, article in rows[1:3]]
    [('000', 'Fort Russ News'), ('001', 'Breitbart News')]
    """
    cols = check_options("outlet", max_bytes, columns)
    units = plan(source, cols, manifest=manifest, blocksize=None, follow_links=follow_links)
    rule_set = load_rules(rules) if clean else None
    ledger = Ledger()
    for item in track(inputs(units, cols, max_bytes), desc="loading", total=total_inputs(units),
                      progress=progress):
        article = None if item.skipped or item.note else _build_article(item, rule_set)
        if article is None:
            yield build_report_row(item), None
            continue
        digest = hashlib.sha256(article["text"].encode("utf-8", "surrogatepass")).digest()
        article["article_id"], article["duplicate_of"] = ledger.admit(
            article["article_id"], digest, item.warnings)
        yield build_report_row(item, article["article_id"]), article
