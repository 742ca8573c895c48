"""Large corpora: aggregate tables streamed article by article, or computed on Dask.

:func:`load_corpus` keeps every article (raw and clean text, removed lines) in
memory, and the ordinary tables (:func:`label`, :meth:`Corpus.tokens`) hold a
row per span or token. For a corpus of a hundred thousand articles that is
several gigabytes. This module gives the same aggregate tables without holding
the corpus:

* :func:`stream_aggregates` reads a source one article at a time (a folder file
  by file, a CSV or JSONL file line by line, a Parquet file by row batches, a
  DataFrame row by row), cleans, tokenizes and labels each article with the
  library's own per-article functions, adds its counts to the tables and lets
  it go. Memory grows with the number of articles only by one small summary
  row each (and the load report's row), never with their text.
* :func:`dask_aggregates` runs the very same per-article function on a Dask
  cluster (a :class:`distributed.LocalCluster` by default, or any cluster given
  its address) over partitions of the input (blocks of a CSV or JSONL file,
  row groups of a Parquet file, batches of a folder's files), and merges the
  partial results in input order.
* :func:`iter_articles` yields the loaded articles one at a time, each with its
  load-report row, for analyses of your own.

Both give an :class:`Aggregates` whose ``label_rates`` is identical to
``label_rates(label(corpus), corpus)`` on the same corpus loaded the ordinary
way, whose ``load_report`` is identical to ``corpus.load_report`` (nothing is
dropped silently: every skipped input has its row and reason), and, when
asked, whose ``sentiment`` is identical to
``sentiment_summary(sentence_sentiment(corpus))``, ``readability`` to
``readability(corpus)``, ``spans`` to ``label(corpus)`` and ``tokens`` to
``corpus.tokens()`` (the last two grow with the corpus: only on request).

What is not read: ``events.csv`` and ``outlets.csv`` (they do not enter the
tables). A CSV or JSONL file is read twice, once to check its format and
columns (a malformed line fails before any work, with the same error as
:func:`load_corpus`) and once to analyse it. UTF-16 and UTF-32 files (with a
byte-order mark) are decoded whole rather than streamed.
"""

from .cluster import dask_aggregates
from .stream import iter_articles, stream_aggregates
from .tables import ARTICLE_SUMMARY_COLUMNS, Aggregates

__all__ = ["ARTICLE_SUMMARY_COLUMNS", "Aggregates", "dask_aggregates", "iter_articles",
           "stream_aggregates"]
