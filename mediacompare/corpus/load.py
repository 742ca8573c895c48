"""Load any corpus: the seeds, a folder of .txt/.html files, a CSV, a JSONL file or a DataFrame.

Every input becomes a row of the load report; nothing is dropped silently.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from .._paths import bundled
from ..errors import ColumnError, CorpusError, CorpusFormatError, SourceNotFoundError
from .build import Input, build_corpus
from .decode import NotText, decode_bytes
from .tabular import read_csv_rows, read_jsonl_rows

__all__ = ["MAX_BYTES", "load_corpus"]

#: Default size limit for one article (a file, or one text of a CSV/JSONL/DataFrame).
MAX_BYTES = 5_000_000
TEXT_SUFFIXES = (".txt",)
HTML_SUFFIXES = (".html", ".htm")
METADATA_FILES = ("manifest.csv", "events.csv", "outlets.csv")
#: The metadata fields a column can be mapped to, with their default column names.
FIELDS = ("article_id", "outlet", "publisher", "date", "event_id", "title", "url", "author")


@dataclass
class Columns:
    """Column names for each field, as mapped by the ``*_col`` parameters."""

    names: dict[str, str]
    explicit: set[str] = field(default_factory=set)

    @classmethod
    def from_params(cls, params: dict[str, str | None]) -> "Columns":
        names, explicit = {}, set()
        for key, value in params.items():
            fld = key[:-4]
            fld = {"id": "article_id", "event": "event_id"}.get(fld, fld)
            names[fld] = value if value is not None else fld
            if value is not None:
                explicit.add(fld)
        return cls(names, explicit)

    def check(self, available: list[str], where: str, needed: tuple[str, ...] = ()) -> None:
        """Refuse explicitly mapped (or needed) columns that are not there."""
        for fld, name in self.names.items():
            if (fld in self.explicit or fld in needed) and name not in available:
                param = {"article_id": "id_col", "event_id": "event_col"}.get(fld, f"{fld}_col")
                raise ColumnError(f"{param} {name!r} is not a column of {where}; columns are: "
                                  f"{', '.join(map(str, available))}")

    def extract(self, row: dict[str, Any]) -> tuple[dict[str, str | None], dict[str, Any]]:
        """Split a row into the known metadata fields and the extra columns."""
        used = {self.names[f] for f in FIELDS} | {self.names["text"], self.names["file"]}
        meta = {f: _clean_value(row.get(self.names[f])) for f in FIELDS}
        extra = {k: _clean_value(v) for k, v in row.items() if k not in used}
        return meta, extra


def _clean_value(value: Any) -> str | None:
    # None, NaN, pd.NA and NaT (a missing date in a datetime column) are all missing
    if value is None or (pd.api.types.is_scalar(value) and pd.isna(value)):
        return None
    if isinstance(value, float) and value.is_integer():
        # a numeric column with a gap is stored as floats by pandas: id 7 must stay "7", not "7.0"
        return str(int(value))
    text = str(value).strip()
    return text or None


def load_corpus(source: str | Path | pd.DataFrame | None = None, *,
                manifest: str | Path | None = None,
                text_col: str | None = None, id_col: str | None = None,
                outlet_col: str | None = None, publisher_col: str | None = None,
                date_col: str | None = None, event_col: str | None = None,
                title_col: str | None = None, url_col: str | None = None,
                author_col: str | None = None, file_col: str | None = None,
                events: str | Path | None = None, outlets: str | Path | None = None,
                rules: str | Path | None = None, clean: bool = True,
                max_bytes: int = MAX_BYTES, progress: bool | None = None):
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

    Returns
    -------
    Corpus

    Examples
    --------
    >>> corpus = load_corpus()
    >>> len(corpus), sorted(corpus.load_report["status"].unique())
    (5, ['loaded'])
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
                            outlets=outlets or data / "outlets.csv", **options)
    if isinstance(source, pd.DataFrame):
        rows = [(i + 1, row) for i, row in enumerate(source.to_dict("records"))]
        inputs = _tabular_inputs(rows, list(source.columns), columns, "DataFrame", "row",
                                 max_bytes, warnings=())
        return build_corpus(inputs, events=_read_meta(events), outlets=_read_meta(outlets), **options)
    path = Path(source)
    if not path.exists():
        raise SourceNotFoundError(f"corpus source not found: {path}; expected a folder, a .csv, "
                                  ".jsonl, .txt or .html file, or a pandas DataFrame")
    if path.is_dir():
        return _load_folder(path, columns, manifest=manifest, events=events, outlets=outlets,
                            **options)
    suffix = path.suffix.lower()
    meta = {"events": _read_meta(events), "outlets": _read_meta(outlets)}
    if suffix in (".csv", ".tsv"):
        if suffix == ".tsv":
            raise CorpusError(f"{path}: tab-separated files are not supported; save it as CSV")
        header, rows, warnings = read_csv_rows(path)
        inputs = _tabular_inputs(rows, header, columns, str(path), "line", max_bytes, warnings)
        return build_corpus(inputs, **meta, **options)
    if suffix in (".jsonl", ".ndjson"):
        rows, warnings = read_jsonl_rows(path)
        keys = sorted({k for _, row in rows for k in row})
        inputs = _tabular_inputs(rows, keys, columns, str(path), "line", max_bytes, warnings)
        return build_corpus(inputs, **meta, **options)
    if suffix in TEXT_SUFFIXES + HTML_SUFFIXES:
        inputs = [_file_input(path, path.name, {}, {}, None, max_bytes)]
        return build_corpus(inputs, **meta, **options)
    raise CorpusError(f"{path}: unsupported corpus source {suffix or 'without a suffix'!r}; "
                      "expected a folder, a .csv, .jsonl, .txt or .html file, or a DataFrame")


def _read_meta(path: str | Path | None) -> pd.DataFrame | None:
    if path is None:
        return None
    path = Path(path)
    if not path.is_file():
        raise SourceNotFoundError(f"metadata file not found: {path}")
    header, rows, _ = read_csv_rows(path)
    return pd.DataFrame([row for _, row in rows], columns=header)


def _tabular_inputs(rows, available, columns: Columns, where: str, unit: str, max_bytes: int,
                    warnings) -> list[Input]:
    columns.check(list(available), where, needed=("text",))
    inputs = []
    for number, row in rows:
        meta, extra = columns.extract(row)
        label = f"{where}, {unit} {number}"
        text = row.get(columns.names["text"])
        text = "" if _clean_value(text) is None else str(text)
        item = Input(label=label, meta=meta, extra=extra, warnings=list(warnings),
                     default_id=f"{unit}-{number}", title_from_text=False)
        size = len(text.encode("utf-8", "surrogatepass"))
        if size > max_bytes:
            item.skip(f"text is {size:,} bytes, over the limit of {max_bytes:,} bytes "
                      "(max_bytes); raise max_bytes to load it")
        else:
            item.raw = text
            item.encoding = "text"
        inputs.append(item)
    return inputs


def _file_input(path: Path, rel: str, meta: dict, extra: dict, manifest_at: str | None,
                max_bytes: int) -> Input:
    item = Input(label=rel, meta=meta, extra=extra, source=rel + (f" ({manifest_at})" if manifest_at else ""),
                 default_id=Path(rel).stem if not meta.get("article_id") else None,
                 is_html=path.suffix.lower() in HTML_SUFFIXES, title_from_text=True)
    size = path.stat().st_size
    if size > max_bytes:
        item.skip(f"file is {size:,} bytes, over the limit of {max_bytes:,} bytes (max_bytes); "
                  "raise max_bytes to load it")
        return item
    try:
        decoded = decode_bytes(path.read_bytes())
    except NotText as exc:
        item.skip(str(exc))
        return item
    item.raw, item.encoding = decoded.text, decoded.encoding
    item.warnings.extend(decoded.warnings)
    return item


@dataclass(frozen=True)
class FolderEntry:
    """One entry of a folder corpus, listed before any file is read.

    A file to read has ``path`` (with its manifest metadata and where it came
    from in ``source``, or a ``warning`` when the manifest leaves it out); an
    entry that cannot be an article has ``skipped``, the reason.
    """

    label: str
    path: Path | None = None
    meta: dict = field(default_factory=dict)
    extra: dict = field(default_factory=dict)
    source: str | None = None
    warning: str | None = None
    skipped: str | None = None

    def to_input(self, max_bytes: int) -> Input:
        """Read the file (or record the skip): the input ``build_corpus`` takes."""
        if self.skipped is not None:
            return Input(label=self.label, meta=dict(self.meta)).skip(self.skipped)
        item = _file_input(self.path, self.label, dict(self.meta), dict(self.extra), self.source,
                           max_bytes)
        if self.warning:
            item.warnings.append(self.warning)
        return item


def _read_manifest(manifest_path: Path, columns: Columns,
                   folder: Path) -> dict[str, tuple[int, dict, dict]]:
    """The manifest's rows by file (line, metadata, extra columns); empty without a manifest."""
    listed: dict[str, tuple[int, dict, dict]] = {}
    if manifest_path.is_file():
        header, rows, _ = read_csv_rows(manifest_path)
        columns.check(header, str(manifest_path), needed=("file",))
        ids: dict[str, int] = {}
        for line, row in rows:
            name = (row.get(columns.names["file"]) or "").strip()
            if not name:
                raise CorpusFormatError("empty file name; every manifest row names a file",
                                        path=manifest_path, line=line, column=columns.names["file"])
            key = Path(name).as_posix()
            if key in listed:
                raise CorpusFormatError(f"file {name!r} is listed twice (first on line {listed[key][0]})",
                                        path=manifest_path, line=line, column=columns.names["file"])
            meta, extra = columns.extract(row)
            if meta["article_id"]:
                if meta["article_id"] in ids:
                    raise CorpusFormatError(
                        f"article_id {meta['article_id']!r} is used twice (first on line "
                        f"{ids[meta['article_id']]})", path=manifest_path, line=line,
                        column=columns.names["article_id"])
                ids[meta["article_id"]] = line
            listed[key] = (line, meta, extra)
    elif columns.explicit:  # a mapping with nothing to map: most likely a misnamed manifest
        fld = sorted(columns.explicit)[0]
        param = {"article_id": "id_col", "event_id": "event_col"}.get(fld, f"{fld}_col")
        raise ColumnError(f"{param} {columns.names[fld]!r} is not a column of any manifest: "
                          f"{folder} has no manifest.csv; name one with manifest=")
    return listed


def folder_entries(folder: Path, columns: Columns,
                   manifest: str | Path | None) -> tuple[Path, list[FolderEntry]]:
    """The manifest's path and every entry of a folder corpus, in load-report order.

    Files come sorted by path; hidden files and unsupported types are skipped
    with their reason; manifest rows whose file is missing come last. Only the
    manifest is read here (a malformed one raises); the articles are read by
    :meth:`FolderEntry.to_input`, so a caller can read them one at a time.
    """
    manifest_path = Path(manifest) if manifest is not None else folder / "manifest.csv"
    if manifest is not None and not manifest_path.is_file():
        raise SourceNotFoundError(f"manifest not found: {manifest_path}")
    listed = _read_manifest(manifest_path, columns, folder)
    entries: list[FolderEntry] = []
    seen: set[str] = set()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        rel = path.relative_to(folder).as_posix()
        if path.resolve() == manifest_path.resolve() or (path.parent == folder and rel in METADATA_FILES):
            continue
        label = f"{folder.name}/{rel}"
        seen.add(rel)  # a manifest row naming a skipped file is reported by the file's row
        if any(part.startswith(".") for part in Path(rel).parts):
            entries.append(FolderEntry(label, skipped="hidden file or folder (name starts with "
                                                      "'.'), not an article"))
        elif path.suffix.lower() not in TEXT_SUFFIXES + HTML_SUFFIXES:
            entries.append(FolderEntry(label, skipped=(
                f"unsupported file type {path.suffix or '(no suffix)'!r}; expected .txt, .html or .htm")))
        elif rel in listed:
            line, meta, extra = listed[rel]
            entries.append(FolderEntry(label, path, meta, extra,
                                       source=f"{manifest_path.name}, line {line}"))
        else:
            entries.append(FolderEntry(label, path, warning=(
                f"not listed in {manifest_path.name}: no metadata for it" if listed else None)))
    for key, (line, meta, _) in listed.items():
        if key not in seen:
            entries.append(FolderEntry(
                f"{manifest_path.name}, line {line}", meta={"article_id": meta.get("article_id")},
                skipped=f"the manifest lists {key!r}, but there is no such file in {folder}"))
    return manifest_path, entries


def _load_folder(folder: Path, columns: Columns, *, manifest, events, outlets, **options):
    manifest_path, entries = folder_entries(folder, columns, manifest)
    meta_dir = manifest_path.parent
    events = events if events is not None else (meta_dir / "events.csv" if (meta_dir / "events.csv").is_file() else None)
    outlets = outlets if outlets is not None else (meta_dir / "outlets.csv" if (meta_dir / "outlets.csv").is_file() else None)
    inputs = [entry.to_input(options["max_bytes"]) for entry in entries]
    return build_corpus(inputs, events=_read_meta(events), outlets=_read_meta(outlets), **options)
