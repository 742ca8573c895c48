"""Aggregate tables computed on a Dask cluster, identical to the streamed ones."""

from __future__ import annotations

from pathlib import Path

from ..corpus.load import MAX_BYTES
from ..features.lexicon import Lexicon
from ..progress import DELAY, progress_enabled
from .sources import Scan, Unit, plan, scan_file
from .stream import check_options, make_config
from .tables import Accumulator, Aggregates, process

__all__ = ["dask_aggregates"]

#: A folder's files per Dask partition.
FILES_PER_PARTITION = 200


def _partitions(units: list[Unit]) -> list[list[Unit]]:
    """Consecutive units grouped into Dask partitions: a block, a row group or a batch of files."""
    parts: list[list[Unit]] = []
    batch: list[Unit] = []
    for unit in units:
        if unit.kind in ("file", "skip"):
            batch.append(unit)
            if len(batch) >= FILES_PER_PARTITION:
                parts.append(batch)
                batch = []
            continue
        if batch:
            parts.append(batch)
            batch = []
        parts.append([unit])
    if batch:
        parts.append(batch)
    return parts


def dask_aggregates(source=None, *, address=None, n_workers: int = 2, threads_per_worker: int = 1,
                    processes: bool = True, blocksize: int = 8_000_000,
                    lexicon: Lexicon | str | Path | None = None, by: str = "outlet",
                    sentiment: bool = False, readability: bool = False, keep_spans: bool = False,
                    keep_tokens: bool = False, progress: bool | None = None,
                    manifest: str | Path | None = None, rules: str | Path | None = None,
                    clean: bool = True, max_bytes: int = MAX_BYTES, **columns: str | None
                    ) -> Aggregates:
    """The aggregate tables of :func:`stream_aggregates`, computed on a Dask cluster.

    The input is cut into partitions: blocks of about ``blocksize`` bytes of a
    CSV or JSONL file (cut at the end of a row), the row groups of a Parquet
    file, batches of a folder's files, or of a DataFrame's rows. Each partition
    is read and analysed on a worker by the same per-article function as
    :func:`stream_aggregates` (through :mod:`dask.bag`); the small per-article
    results come back and are merged in input order, so article ids, duplicate
    flags, the load report and every table are identical to
    :func:`stream_aggregates` on the same source. A list of files is one corpus
    read in order: split a large corpus into several files to spread it.

    Parameters
    ----------
    source : path, list of paths, DataFrame or None
        As in :func:`stream_aggregates`. Workers read the files themselves: on
        a cluster of several machines the paths must be valid on each of them
        (a shared file system), and every worker needs ``mediacompare``
        installed (the same version).
    address : str or distributed.Client, optional
        The scheduler of a running Dask cluster (``"tcp://10.0.0.5:8786"``), or
        a ``Client`` to use. By default a :class:`distributed.LocalCluster` is
        started with ``n_workers`` workers and shut down at the end.
    n_workers, threads_per_worker, processes
        The local cluster's size. Labelling is pure Python and holds the GIL:
        use processes, one thread each. (Worker processes are started afresh:
        in a script, call this under ``if __name__ == "__main__":``.)
    blocksize : int
        Bytes of CSV or JSONL per partition.
    lexicon, by, sentiment, readability, keep_spans, keep_tokens, progress, manifest, rules, \
clean, max_bytes, text_col, id_col, ...
        As in :func:`stream_aggregates`.

    Examples
    --------
    >>> import mediacompare as mc
    >>> agg = mc.dask_aggregates(n_workers=1, processes=False, progress=False)  # the seeds
    >>> agg.label_rates.equals(mc.stream_aggregates(progress=False).label_rates)
    True

    On a cluster of your own, a corpus split into JSONL files::

        agg = mc.dask_aggregates(sorted(Path("corpus").glob("part-*.jsonl")),
                                 address="tcp://scheduler:8786", outlet_col="source")
        agg.rates_table()
    """
    import dask
    import dask.bag as db
    from distributed import Client, LocalCluster, as_completed
    from tqdm.auto import tqdm

    cols = check_options(by, max_bytes, columns)
    if not isinstance(blocksize, int) or blocksize <= 0:
        raise ValueError(f"blocksize must be a positive number of bytes; got {blocksize!r}")
    cfg = make_config(cols, max_bytes, rules, clean, lexicon, sentiment=sentiment,
                      readability=readability, keep_spans=keep_spans, keep_tokens=keep_tokens)
    cluster = client = None
    own_client = not isinstance(address, Client)
    try:
        if isinstance(address, Client):
            client = address
        elif address is not None:
            client = Client(address)
        else:
            cluster = LocalCluster(n_workers=n_workers, threads_per_worker=threads_per_worker,
                                   processes=processes, dashboard_address=None)
            client = Client(cluster)

        def scan_on_cluster(path: Path, kind: str) -> Scan:  # file checks run on a worker too
            return client.submit(scan_file, path, kind, blocksize, pure=False).result()

        units = plan(source, cols, manifest=manifest, blocksize=blocksize, scan=scan_on_cluster)
        parts = _partitions(units)
        acc = Accumulator(cfg, by)
        if not parts:
            return acc.finish()
        shared = dask.delayed(cfg, pure=True)
        bag = db.from_sequence(parts, npartitions=len(parts)).map(process, shared)
        futures = client.compute(bag.to_delayed())
        order = {f.key: i for i, f in enumerate(futures)}
        done: set[int] = set()
        following = 0
        with tqdm(total=len(parts), desc="Dask", unit="partition", delay=DELAY,
                  disable=not progress_enabled(progress)) as bar:
            for future in as_completed(futures):
                done.add(order[future.key])
                bar.update(1)
                while following in done:  # merge in input order; later ones wait on the workers
                    for results in futures[following].result():
                        for res in results:
                            acc.add(res)
                    futures[following].release()
                    following += 1
        return acc.finish()
    finally:
        if client is not None and own_client:
            client.close()
        if cluster is not None:
            cluster.close()
