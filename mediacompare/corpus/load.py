"""Load any corpus: the seeds, a folder of .txt/.html files, a CSV, a JSONL file or a DataFrame.

Every input becomes a row of the load report; nothing is dropped silently.
"""

from __future__ import annotations

import itertools
from pathlib import Path

import pandas as pd

from .._paths import bundled
from ..errors import ColumnError, CorpusError, SourceNotFoundError
from .build import Input, build_corpus
from .columns import FIELDS, Columns, clean_text_value
from .folder import (HTML_SUFFIXES, METADATA_FILES, TEXT_SUFFIXES, FolderEntry, file_input,
                     folder_entries)
from .tabular import BadRow, read_csv_rows, read_jsonl_rows

__all__ = ["HTML_SUFFIXES", "MAX_BYTES", "METADATA_FILES", "TEXT_SUFFIXES", "Columns",
           "FolderEntry", "dataframe_inputs", "folder_entries", "folder_metadata", "load_corpus",
           "resolve_columns", "tabular_source"]

#: Default size limit for one article (a file, or one text of a CSV/JSONL/DataFrame).
MAX_BYTES = 5_000_000


def load_corpus(source: str | Path | pd.DataFrame | None = None, *,
                manifest: str | Path | None = None,
                text_col: str | None = None, id_col: str | None = None,
                outlet_col: str | None = None, publisher_col: str | None = None,
                date_col: str | None = None, event_col: str | None = None,
                title_col: str | None = None, url_col: str | None = None,
                author_col: str | None = None, file_col: str | None = None,
                events: str | Path | None = None, outlets: str | Path | None = None,
                rules: str | Path | None = None, clean: bool = True,
                max_bytes: int = MAX_BYTES, progress: bool | None = None,
                follow_links: bool = False):
    """Load a corpus and account for every input.

    Parameters
    ----------
    source : None, path or DataFrame
        ``None`` loads the bundled seed articles. A folder loads every ``.txt``,
        ``.html`` and ``.htm`` file in it (and its subfolders), with metadata
        from ``manifest.csv`` in the folder when there is one (columns ``file``
        plus any of ``article_id, outlet, publisher, date, event_id, title,
        url, author``; other columns are kept). A ``.csv`` or ``.jsonl`` file
        holds one article a row, with a text column. A single ``.txt`` or
        ``.html`` file is a corpus of one. A DataFrame works like a CSV.
    manifest : path, optional
        A manifest elsewhere than ``<folder>/manifest.csv``.
    text_col, id_col, outlet_col, publisher_col, date_col, event_col, title_col, url_col, author_col, file_col : str, optional
        Column names in the manifest, CSV, JSONL or DataFrame, when they differ
        from ``text, article_id, outlet, publisher, date, event_id, title,
        url, author, file``. A column named here must exist.
    events, outlets : path, optional
        Event and outlet metadata CSVs (default: ``events.csv`` and
        ``outlets.csv`` beside the manifest, if present).
    rules : path, optional
        A boilerplate rules CSV replacing the packaged one.
    clean : bool
        Remove boilerplate (default). With ``False`` the text is the raw text.
    max_bytes : int
        Size limit of one article; larger ones are skipped and reported.
    progress : bool or None
        Show a progress bar while a long load runs (None: the session's or
        environment's setting; see :mod:`mediacompare.progress`).
    follow_links : bool
        Read files that symbolic links in a folder point to outside the folder
        (by default they are skipped and reported).

    Returns
    -------
    Corpus

    Examples
    --------
    >>> corpus = load_corpus()
    >>> len(corpus), corpus.load_report["status"].tolist()   # the manifest's row, then the files
    (5, ['read', 'loaded', 'loaded', 'loaded', 'loaded', 'loaded'])
    >>> corpus.articles.loc[0, "outlet"]
    'Fort Russ News'
    """
    params = {"text_col": text_col, "id_col": id_col, "outlet_col": outlet_col,
              "publisher_col": publisher_col, "date_col": date_col, "event_col": event_col,
              "title_col": title_col, "url_col": url_col, "author_col": author_col,
              "file_col": file_col}
    columns = Columns.from_params(params)
    if not isinstance(max_bytes, int) or max_bytes <= 0:
        raise CorpusError(f"max_bytes must be a positive integer; got {max_bytes!r}")
    options = {"rules": rules, "clean": clean, "max_bytes": max_bytes, "progress": progress}
    if source is None:
        data = bundled("data")
        return _load_folder(bundled("seeds"), columns, manifest=manifest or data / "seed_manifest.csv",
                            events=events or data / "events.csv",
                            outlets=outlets or data / "outlets.csv", follow_links=follow_links,
                            **options)
    meta_notes: list[Input] = []
    meta = {"events": _read_meta(events, meta_notes), "outlets": _read_meta(outlets, meta_notes)}
    if isinstance(source, pd.DataFrame):
        inputs = dataframe_inputs(source, columns, max_bytes)
        return build_corpus(meta_notes + inputs, **meta, **options)
    path = Path(source)
    if not path.exists() and not path.is_symlink():
        raise SourceNotFoundError(f"corpus source not found: {path}; expected a folder, a .csv, "
                                  ".jsonl, .txt or .html file, or a pandas DataFrame")
    if path.is_dir():
        return _load_folder(path, columns, manifest=manifest, events=events, outlets=outlets,
                            follow_links=follow_links, **options)
    suffix = path.suffix.lower()
    if suffix in (".csv", ".tsv"):
        if suffix == ".tsv":
            raise CorpusError(f"{path}: tab-separated files are not supported; save it as CSV")
        header, rows, warnings = read_csv_rows(path)
        inputs = tabular_source(rows, header, columns, str(path), "line", max_bytes, warnings,
                                encoding=warnings.encoding or None)
        del rows  # the inputs hold the texts; build_corpus lets each go once it is stored
        return build_corpus(meta_notes + inputs, **meta, **options)
    if suffix in (".jsonl", ".ndjson"):
        rows, warnings = read_jsonl_rows(path)
        keys = sorted({k for _, row in rows if isinstance(row, dict) for k in row})
        inputs = tabular_source(rows, keys, columns, str(path), "line", max_bytes, warnings,
                                encoding=warnings.encoding or None)
        del rows
        return build_corpus(meta_notes + inputs, **meta, **options)
    if suffix in TEXT_SUFFIXES + HTML_SUFFIXES:
        inputs = [file_input(path, path.name, {}, {}, None, max_bytes)]
        return build_corpus(meta_notes + inputs, **meta, **options)
    raise CorpusError(f"{path}: unsupported corpus source {suffix or 'without a suffix'!r}; "
                      "expected a folder, a .csv, .jsonl, .txt or .html file, or a DataFrame")


def _read_meta(path: str | Path | None, notes: list[Input]) -> pd.DataFrame | None:
    if path is None:
        return None
    path = Path(path)
    if not path.is_file():
        raise SourceNotFoundError(f"metadata file not found: {path}")
    header, rows, warnings = read_csv_rows(path)
    if warnings:
        notes.append(Input(label=path.name, note=f"metadata file {path}", warnings=list(warnings)))
    return pd.DataFrame([row for _, row in rows], columns=header)


def dataframe_inputs(frame: pd.DataFrame, columns: Columns, max_bytes: int,
                     start: int = 0, stop: int | None = None, with_note: bool = True) -> list[Input]:
    """The inputs of a DataFrame's rows ``[start, stop)`` (a duplicate column name is refused)."""
    names = [str(c) for c in frame.columns]
    dupes = sorted({n for n in names if names.count(n) > 1})
    if dupes:
        raise ColumnError(f"the DataFrame has more than one column named {', '.join(map(repr, dupes))}"
                          "; rename them so that none is lost")
    part = frame.iloc[start:stop]
    rows = [(start + i + 1, row) for i, row in enumerate(part.to_dict("records"))]
    return tabular_source(rows, names, columns, "DataFrame", "row", max_bytes, (),
                          with_note=with_note)


def tabular_source(rows, available, columns: Columns, where: str, unit: str, max_bytes: int,
                   warnings, *, encoding: str | None = None, with_note: bool = True) -> list[Input]:
    """Resolve the columns of a CSV, JSONL file or DataFrame (a row for what was read by alias,
    kept or not used comes first), then its rows' inputs."""
    resolved, note, look_alike = resolve_columns(columns, list(available), where)
    inputs = []
    if with_note:
        inputs.append(Input(label=f"{where} (columns)", note=note, warnings=list(look_alike)))
    inputs.extend(_tabular_inputs(rows, available, resolved, where, unit, max_bytes, warnings,
                                  encoding=encoding))
    return inputs


def resolve_columns(columns: Columns, available: list[str], where: str):
    """The columns found by name or alias (and the note and warnings), checked."""
    resolved, note, look_alike = columns.resolve(available, where, FIELDS + ("text",))
    resolved.check(available, where, needed=("text",))
    return resolved, note, look_alike


def _tabular_inputs(rows, available, columns: Columns, where: str, unit: str, max_bytes: int,
                    warnings, *, encoding: str | None = None) -> list[Input]:
    inputs = []
    for number, row in rows:
        label = f"{where}, {unit} {number}"
        if isinstance(row, BadRow):
            inputs.append(Input(label=label).skip(row.reason))
            continue
        meta, extra, cell_warnings = columns.extract(row)
        item = Input(label=label, meta=meta, extra=extra,
                     warnings=list(warnings) + list(getattr(row, "warnings", ())) + cell_warnings,
                     default_id=f"{unit}-{number}", title_from_text=False,
                     encoding=encoding or "text",
                     decided_by="given as text" if encoding is None else "the file's encoding")
        text, problem = clean_text_value(row.get(columns.names["text"]), item.warnings)
        if problem is not None:
            inputs.append(item.skip(problem))
            continue
        size = len(text.encode("utf-8"))
        if size > max_bytes:
            item.skip(f"text is {size:,} bytes, over the limit of {max_bytes:,} bytes "
                      "(max_bytes); raise max_bytes to load it")
        else:
            item.raw = text
        inputs.append(item)
    return inputs


def folder_metadata(manifest_path: Path, events=None, outlets=None) -> tuple[dict, list[Input]]:
    """The events and outlets tables of a folder corpus (the files given, else ``events.csv``
    and ``outlets.csv`` beside the manifest) and a row for each whose decoding needed a
    warning. The streaming path reads them with this too, so both load reports agree."""
    meta_dir = manifest_path.parent
    if events is None and (meta_dir / "events.csv").is_file():
        events = meta_dir / "events.csv"
    if outlets is None and (meta_dir / "outlets.csv").is_file():
        outlets = meta_dir / "outlets.csv"
    notes: list[Input] = []
    meta = {"events": _read_meta(events, notes), "outlets": _read_meta(outlets, notes)}
    return meta, notes


def _load_folder(folder: Path, columns: Columns, *, manifest, events, outlets, follow_links,
                 **options):
    manifest_path, entries = folder_entries(folder, columns, manifest, follow_links=follow_links,
                                            events=events, outlets=outlets)
    meta, notes = folder_metadata(manifest_path, events, outlets)
    # each file is read when its turn comes, so that the files are not all in memory at once
    inputs = (entry.to_input(options["max_bytes"]) for entry in entries)
    return build_corpus(itertools.chain(notes, inputs), total=len(notes) + len(entries), **meta,
                        **options)
