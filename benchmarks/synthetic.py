"""A synthetic corpus for timing only: the seed articles' sentences resampled across outlets.

Not real articles and not for analysis: every article is a random draw of
sentences from the five seed articles (in paragraphs of one to three
sentences, as many sentences as a seed has), assigned at random to one of a
few made-up outlets, with now and then a line of page furniture from the seeds
(an advert, a newsletter prompt, a photo credit) for the cleaning to remove,
and now and then a verbatim copy of an earlier article (flagged as a
duplicate by the loader). Its words, quotations and loaded terms are those of
the seeds, so the work per word is that of real news text. The output says
so: every row carries a ``note``, and the generator prints it. The same
``seed`` gives the same corpus, byte for byte.

Run: python benchmarks/synthetic.py --articles 10000 --out corpus.jsonl
     [--format jsonl|csv|parquet|folder] [--parts N] [--seed 0]
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
from pathlib import Path
from typing import Iterator

import mediacompare as mc
from mediacompare.corpus.clean import load_rules

NOTE = ("synthetic, for timing only: sentences of the five seed articles resampled across "
        "made-up outlets; not a real article")
OUTLETS = tuple(f"Synthetic Outlet {letter}" for letter in "ABCDEFGH")
#: Furniture categories safe to add anywhere (no site name, no headline).
FURNITURE = ("advertising", "newsletter", "donation_appeal", "teaser", "photo_credit", "caption",
             "copyright")
FORMATS = ("jsonl", "csv", "parquet", "folder")


def seed_material() -> tuple[list[str], list[int], list[str]]:
    """The seeds' sentences, their sentence counts per article, and removable furniture lines."""
    corpus = mc.load_corpus()
    sentences = corpus.sentences()
    counts = sentences.groupby("article_id").size().tolist()
    scopes = {rule.rule_id: rule.scope for rule in load_rules()}
    removed = corpus.removed()
    furniture = [row.text for row in removed.itertuples()
                 if scopes.get(row.rule_id) == "line" and row.category in FURNITURE]
    return sentences["text"].tolist(), counts, furniture


def generate(n_articles: int, *, seed: int = 0, duplicate_share: float = 0.002) -> Iterator[dict]:
    """Yield ``n_articles`` synthetic rows (``article_id, outlet, date, event_id, title, text,
    note``), the same for the same ``seed``."""
    rng = random.Random(seed)
    sentences, counts, furniture = seed_material()
    made: list[str] = []
    for i in range(n_articles):
        if made and rng.random() < duplicate_share:
            text = rng.choice(made)
        else:
            chosen = rng.choices(sentences, k=rng.choice(counts))
            paragraphs, k = [], 0
            while k < len(chosen):
                size = rng.randint(1, 3)
                paragraphs.append(" ".join(chosen[k:k + size]))
                k += size
            for _ in range(rng.choice((0, 0, 1, 2))):
                paragraphs.insert(rng.choice((0, len(paragraphs))), rng.choice(furniture))
            text = "\n\n".join(paragraphs)
        if len(made) < 1000:
            made.append(text)
        yield {"article_id": f"syn-{i:06d}", "outlet": rng.choice(OUTLETS),
               "date": f"2017-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
               "event_id": f"synthetic-event-{rng.randint(1, 50)}",
               "title": f"Synthetic article {i}", "text": text, "note": NOTE}


def write(rows: Iterator[dict], out: Path, fmt: str = "jsonl", parts: int = 1,
          n_articles: int | None = None) -> list[Path]:
    """Write rows as one file (or ``parts`` files, ``out`` then being a folder) of ``fmt``; a
    ``folder`` corpus is one ``.txt`` file an article with a ``manifest.csv``. Returns the paths."""
    if fmt not in FORMATS:
        raise ValueError(f"fmt must be one of {', '.join(FORMATS)}; got {fmt!r}")
    if fmt == "folder":
        out.mkdir(parents=True, exist_ok=True)
        with (out / "manifest.csv").open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(["file", "article_id", "outlet", "date", "event_id", "note"])
            for row in rows:
                name = f"{row['article_id']}.txt"
                (out / name).write_text(row["text"] + "\n", encoding="utf-8")
                writer.writerow([name, row["article_id"], row["outlet"], row["date"],
                                 row["event_id"], row["note"]])
        return [out]
    if parts > 1:
        if n_articles is None:
            raise ValueError("n_articles is needed to split the corpus into parts")
        out.mkdir(parents=True, exist_ok=True)
        paths = [out / f"part-{k:03d}.{fmt}" for k in range(parts)]
        per = -(-n_articles // parts)
        iterator = iter(rows)
        for path in paths:
            _write_one((row for _, row in zip(range(per), iterator)), path, fmt)
        return paths
    out.parent.mkdir(parents=True, exist_ok=True)
    _write_one(rows, out, fmt)
    return [out]


def _write_one(rows, path: Path, fmt: str) -> None:
    columns = ["article_id", "outlet", "date", "event_id", "title", "text", "note"]
    if fmt == "jsonl":
        with path.open("w", encoding="utf-8") as handle:
            for row in rows:
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=columns)
            writer.writeheader()
            writer.writerows(rows)
    else:
        import pyarrow as pa
        import pyarrow.parquet as pq

        writer = None
        batch: list[dict] = []
        for row in rows:
            batch.append(row)
            if len(batch) == 2000:
                writer = _parquet_batch(pa, pq, writer, batch, path)
                batch = []
        if batch or writer is None:
            writer = _parquet_batch(pa, pq, writer, batch, path, columns)
        writer.close()


def _parquet_batch(pa, pq, writer, batch, path, columns=None):
    table = pa.Table.from_pylist(batch) if batch else pa.table({c: pa.array([], pa.string())
                                                                   for c in columns})
    writer = writer or pq.ParquetWriter(path, table.schema)
    writer.write_table(table)
    return writer


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--format", choices=FORMATS, default="jsonl")
    parser.add_argument("--parts", type=int, default=1)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    paths = write(generate(args.articles, seed=args.seed), args.out, args.format, args.parts,
                  args.articles)
    print(f"{args.articles:,} articles written to {', '.join(map(str, paths))}")
    print(f"NOTE: {NOTE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
