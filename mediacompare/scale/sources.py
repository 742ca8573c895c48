"""Reading a corpus source lazily, in units of work that can be read on their own.

A unit is one file of a folder, a skipped entry, a block of rows of a CSV or
JSONL file (cut at the end of a row), a Parquet row group or a batch of a
DataFrame's rows. :func:`plan` lists the units of a source, in input order,
after the checks :func:`mediacompare.load_corpus` makes before any work (paths,
columns, the format of every CSV and JSONL line); :func:`unit_inputs` reads
one unit into the loader's own :class:`~mediacompare.corpus.build.Input`
records, one at a time, with the loader's own functions, so that the articles
and the load report are those :func:`load_corpus` would make.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from typing import Iterator

import pandas as pd

from .._paths import bundled
from ..corpus.build import Input
from ..corpus.load import (HTML_SUFFIXES, TEXT_SUFFIXES, Columns, FolderEntry, _tabular_inputs,
                           dataframe_inputs, folder_entries, folder_metadata, resolve_columns)
from ..corpus.tabular import (_check_header, _delimiter_note, detect_delimiter, parse_json_row,
                              read_csv_rows, read_jsonl_rows)
from ..errors import CorpusError, CorpusFormatError, SourceNotFoundError
from .lines import _decoding, read_lines

__all__ = ["Scan", "Unit", "inputs", "plan", "read_lines", "scan_file", "total_inputs",
           "unit_inputs"]

#: Rows of a DataFrame or of a Parquet batch per unit of work.
CHUNK_ROWS = 1_000


@dataclass(frozen=True)
class Scan:
    """What a first pass over a CSV or JSONL file found: how to decode it, its columns, blocks."""

    codec: str
    bom: int                      # bytes of byte-order mark to skip
    warnings: tuple[str, ...]     # decoding warnings, given to every row (as load_corpus does)
    available: tuple[str, ...]    # the header (CSV) or every key of every object (JSONL)
    n_rows: int
    blocks: tuple[tuple[int, int], ...]  # (byte offset, line number before it), in order
    end: int                      # byte offset of the end of the file
    whole: bool = False           # UTF-16/32 and multi-byte legacy codecs: decoded whole
    encoding: str = ""            # the codec and how it was decided, for the load report
    delimiter: str = ","


@dataclass(frozen=True)
class Unit:
    """A piece of input read on its own: one file of a folder, a skipped entry, a block of a
    CSV/JSONL file, a batch of DataFrame rows or a Parquet row group."""

    kind: str                     # file | skip | csv | jsonl | rows | parquet
    path: str = ""                # csv/jsonl/parquet: the file
    where: str = ""               # tabular: the file as named in messages
    entry: FolderEntry | None = None  # file/skip: one entry of a folder (or a single file)
    scan: Scan | None = None
    start: int = 0                # csv/jsonl: byte range [start, stop); parquet: row numbers
    stop: int | None = None
    base: int = 0                 # csv/jsonl: line number before the unit; parquet: row group
    rows: tuple = ()              # rows: (number, dict) pairs
    available: tuple[str, ...] = ()
    columns: Columns | None = None  # the columns as resolved for this source (aliases found)
    note: Input | None = None     # kind "note": a row about the source's columns

    @property
    def n_inputs(self) -> int:
        if self.kind in ("file", "skip", "note"):
            return 1
        if self.kind == "rows":
            return len(self.rows)
        return self.stop - self.start if self.kind == "parquet" else 0


def scan_file(path: Path, kind: str, blocksize: int | None) -> Scan:
    """Check a CSV or JSONL file line by line, as :func:`read_csv_rows` and
    :func:`read_jsonl_rows` would, without holding it; note block boundaries every
    ``blocksize`` bytes (at the end of a row). A problem is raised with the loader's own error."""
    decoding = _decoding(path)
    size = path.stat().st_size
    if decoding is None:  # UTF-16/32 or a multi-byte legacy codec: whole
        if kind == "csv":
            header, rows, warnings = read_csv_rows(path)
            available = tuple(header)
        else:
            rows, warnings = read_jsonl_rows(path)
            available = tuple(sorted({k for _, row in rows if isinstance(row, dict) for k in row}))
        return Scan("", 0, tuple(warnings), available, len(rows), ((0, 0),), size, whole=True,
                    encoding=warnings.encoding)
    codec, bom, warnings, encoding = decoding
    delimiter = ","
    if kind == "csv":
        first = next((line for _, line in read_lines(str(path), codec, bom, None)
                      if line.strip()), "")
        delimiter = detect_delimiter(first)
        warnings = (*warnings, *_delimiter_note(delimiter))
        if csv.field_size_limit() < (1 << 30):
            csv.field_size_limit(1 << 30)
    blocks: list[tuple[int, int]] = []
    state = SimpleNamespace(position=bom)

    def lines():  # csv.reader reads no further than the end of its record
        for position, line in read_lines(str(path), codec, bom, None):
            state.position = position
            yield line

    n_rows = 0
    try:
        if kind == "csv":
            reader = csv.reader(lines(), strict=True, delimiter=delimiter)
            header = None
            for record in reader:
                if not record or (header is None and not any(cell.strip() for cell in record)):
                    continue
                if header is None:
                    header = [h.strip() for h in record]
                    _check_header(header, path)
                    blocks.append((state.position, reader.line_num))
                    continue
                if len(record) != len(header) and any(cell.strip() for cell in record):
                    raise ValueError("row length")
                n_rows += 1
                if blocksize and state.position - blocks[-1][0] >= blocksize:
                    blocks.append((state.position, reader.line_num))
            if header is None:
                raise ValueError("empty")
            available = tuple(header)
        else:
            keys: set[str] = set()
            blocks.append((bom, 0))
            for number, line in enumerate(lines(), start=1):
                if not line.strip():
                    continue
                value = parse_json_row(line.rstrip("\n"), path, number)
                if isinstance(value, dict):
                    keys.update(value)
                n_rows += 1
                if blocksize and state.position - blocks[-1][0] >= blocksize:
                    blocks.append((state.position, number))
            if not n_rows:
                raise ValueError("empty")
            available = tuple(sorted(keys))
    except CorpusFormatError:
        raise
    except (csv.Error, ValueError):  # json.JSONDecodeError is a ValueError
        # let the loader's own reader raise its own error, with file, line and column
        (read_csv_rows if kind == "csv" else read_jsonl_rows)(path)
        raise CorpusFormatError("not a valid file of its kind", path=path) from None
    blocks = [b for i, b in enumerate(blocks) if i == 0 or b[0] < size]
    return Scan(codec, bom, tuple(warnings), available, n_rows, tuple(blocks), size,
                encoding=encoding, delimiter=delimiter)


def _note_units(columns: Columns, available, where: str) -> tuple[Columns, list[Unit]]:
    resolved, note, look_alike = resolve_columns(columns, list(available), where)
    units = [Unit("note", note=Input(label=f"{where} (columns)", note=note,
                                     warnings=list(look_alike)))]
    return resolved, units


def _tabular_units(path: Path, kind: str, scan: Scan, columns: Columns) -> list[Unit]:
    where = str(path)
    resolved, units = _note_units(columns, scan.available, where)
    bounds = list(scan.blocks) + [(scan.end, None)]
    return units + [Unit(kind, path=str(path), where=where, scan=scan, start=start,
                         stop=bounds[i + 1][0], base=base, columns=resolved)
                    for i, (start, base) in enumerate(bounds[:-1])]


def _folder_units(folder: Path, columns: Columns, manifest, follow_links: bool = False,
                  events=None, outlets=None) -> list[Unit]:
    """The files of a folder as :func:`load_corpus` lists them, each read only when processed,
    after a row for an events or outlets file whose decoding needed a warning (read now, as
    :func:`load_corpus` reads them, though the aggregates do not use their tables)."""
    manifest_path, entries = folder_entries(folder, columns, manifest, follow_links=follow_links,
                                            events=events, outlets=outlets)
    _, notes = folder_metadata(manifest_path, events, outlets)
    return [Unit("note", note=note) for note in notes] + [
        Unit("skip" if entry.skipped is not None else "file", entry=entry) for entry in entries]


def _parquet_units(path: Path, columns: Columns) -> list[Unit]:
    import pyarrow.parquet as pq

    try:
        meta = pq.ParquetFile(path).metadata
    except Exception as exc:  # pyarrow raises ArrowInvalid, OSError, ... for a corrupt file
        raise CorpusFormatError(f"not a valid Parquet file ({type(exc).__name__}: "
                                f"{str(exc)[:200]})", path=path) from None
    available = tuple(meta.schema.names)
    resolved, units = _note_units(columns, available, str(path))
    first = 0
    for group in range(meta.num_row_groups):
        n = meta.row_group(group).num_rows
        units.append(Unit("parquet", path=str(path), where=str(path), start=first,
                          stop=first + n, base=group, available=available, columns=resolved))
        first += n
    return units


def plan(source, columns: Columns, *, manifest, blocksize: int | None, scan=None,
         follow_links: bool = False) -> list[Unit]:
    """Every unit of work of ``source``, in input order (checks paths, columns and formats)."""
    scan = scan or (lambda path, kind: scan_file(path, kind, blocksize))
    if isinstance(source, (list, tuple)):
        return [u for one in source for u in plan(one, columns, manifest=manifest,
                                                   blocksize=blocksize, scan=scan,
                                                   follow_links=follow_links)]
    if source is None:
        data = bundled("data")
        return _folder_units(bundled("seeds"), columns, manifest or data / "seed_manifest.csv",
                             events=data / "events.csv", outlets=data / "outlets.csv")
    if isinstance(source, pd.DataFrame):
        available = tuple(str(c) for c in source.columns)
        dataframe_inputs(source.iloc[0:0], columns, 1)  # refuses duplicate column names
        resolved, units = _note_units(columns, available, "DataFrame")
        rows = [(i + 1, row) for i, row in enumerate(source.to_dict("records"))]
        return units + [Unit("rows", where="DataFrame", rows=tuple(rows[i:i + CHUNK_ROWS]),
                             available=available, columns=resolved)
                        for i in range(0, len(rows), CHUNK_ROWS)]
    path = Path(source)
    if not path.exists():
        raise SourceNotFoundError(f"corpus source not found: {path}; expected a folder, a .csv, "
                                  ".jsonl, .parquet, .txt or .html file, or a pandas DataFrame")
    if path.is_dir():
        return _folder_units(path, columns, manifest, follow_links)
    suffix = path.suffix.lower()
    if suffix == ".tsv":
        raise CorpusError(f"{path}: tab-separated files are not supported; save it as CSV")
    if suffix in (".csv", ".jsonl", ".ndjson"):
        kind = "csv" if suffix == ".csv" else "jsonl"
        found = scan(path, kind)
        return _tabular_units(path, kind, found, columns)
    if suffix in (".parquet", ".pq"):
        return _parquet_units(path, columns)
    if suffix in TEXT_SUFFIXES + HTML_SUFFIXES:
        return [Unit("file", entry=FolderEntry(path.name, path))]
    raise CorpusError(f"{path}: unsupported corpus source {suffix or 'without a suffix'!r}; "
                      "expected a folder, a .csv, .jsonl, .parquet, .txt or .html file, or a "
                      "DataFrame")


def unit_inputs(unit: Unit, columns: Columns, max_bytes: int) -> Iterator[Input]:
    """The inputs of one unit, one at a time, exactly as :func:`load_corpus` makes them."""
    columns = unit.columns or columns
    if unit.kind == "note":
        yield unit.note
    elif unit.kind in ("file", "skip"):
        yield unit.entry.to_input(max_bytes)
    elif unit.kind == "rows":
        yield from _tabular_inputs(unit.rows, unit.available, columns, unit.where, "row",
                                   max_bytes, ())
    elif unit.kind == "parquet":
        import pyarrow.parquet as pq

        try:
            table = pq.ParquetFile(unit.path).read_row_group(unit.base)
        except Exception as exc:  # a corrupt row group
            raise CorpusFormatError(f"not a valid Parquet file: row group {unit.base} cannot be "
                                    f"read ({type(exc).__name__}: {str(exc)[:200]})",
                                    path=unit.path) from None
        number = unit.start
        for batch in table.to_batches(max_chunksize=CHUNK_ROWS):
            rows = []
            for row in batch.to_pylist():
                number += 1
                rows.append((number, row))
            yield from _tabular_inputs(rows, unit.available, columns, unit.where, "row",
                                       max_bytes, ())
    else:
        yield from _text_inputs(unit, columns, max_bytes)


def _text_inputs(unit: Unit, columns: Columns, max_bytes: int) -> Iterator[Input]:
    scan = unit.scan
    args = (scan.available, columns, unit.where, "line", max_bytes, scan.warnings)
    kwargs = {"encoding": scan.encoding or None}
    if scan.whole:
        path = Path(unit.path)
        rows = read_csv_rows(path)[1] if unit.kind == "csv" else read_jsonl_rows(path)[0]
        for row in rows:
            yield from _tabular_inputs([row], *args, **kwargs)
        return
    lines = (line for _, line in read_lines(unit.path, scan.codec, unit.start, unit.stop))
    if unit.kind == "jsonl":
        for number, line in enumerate(lines, start=unit.base + 1):
            if line.strip():
                yield from _tabular_inputs([(number, parse_json_row(line.rstrip("\n"), unit.path, number))],
                                           *args, **kwargs)
        return
    reader = csv.reader(lines, strict=True, delimiter=scan.delimiter)
    last_end = unit.base
    for record in reader:
        start, last_end = last_end + 1, unit.base + reader.line_num
        if not record:
            continue
        if not any(cell.strip() for cell in record):
            record = [""] * len(scan.available)
        yield from _tabular_inputs([(start, dict(zip(scan.available, record)))], *args, **kwargs)

def inputs(units: list[Unit], columns: Columns, max_bytes: int) -> Iterator[Input]:
    for unit in units:
        yield from unit_inputs(unit, columns, max_bytes)


def total_inputs(units: list[Unit]) -> int | None:
    total = 0
    for unit in units:
        if unit.kind in ("csv", "jsonl"):
            if unit.start == unit.scan.blocks[0][0]:
                total += unit.scan.n_rows
        else:
            total += unit.n_inputs
    return total
