"""A folder corpus: its entries, in load-report order, with the manifest's metadata.

The folder is walked without following symbolic links out of it: a link whose
target lies inside the folder is read (a file) or skipped as already listed (a
folder); a link that leaves the folder is skipped and reported unless the
caller allows it (``follow_links=True``), so a report built from a shared
folder cannot publish a file from elsewhere on the machine. A dangling link, a
link loop, a named pipe, a socket or a device each get a row; none is opened.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import CorpusFormatError, SourceNotFoundError
from .build import Input
from .columns import FIELDS, Columns
from .decode import NotText, decode_bytes
from .tabular import read_csv_rows

__all__ = ["HTML_SUFFIXES", "METADATA_FILES", "TEXT_SUFFIXES", "FolderEntry", "file_input",
           "folder_entries", "walk"]

TEXT_SUFFIXES = (".txt",)
HTML_SUFFIXES = (".html", ".htm")
METADATA_FILES = ("manifest.csv", "events.csv", "outlets.csv")
_KINDS = ((stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISSOCK, "a socket"),
          (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"))


def file_input(path: Path, rel: str, meta: dict, extra: dict, manifest_at: str | None,
               max_bytes: int) -> Input:
    """Read one article file (or record why it is skipped)."""
    item = Input(label=rel, meta=meta, extra=extra,
                 source=rel + (f" ({manifest_at})" if manifest_at else ""),
                 default_id=Path(rel).stem if not meta.get("article_id") else None,
                 is_html=path.suffix.lower() in HTML_SUFFIXES, title_from_text=True)
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            return item.skip("not a regular file: not read")
        if info.st_size > max_bytes:
            return item.skip(f"file is {info.st_size:,} bytes, over the limit of {max_bytes:,} "
                             "bytes (max_bytes); raise max_bytes to load it")
        data = path.read_bytes()
    except OSError as exc:
        return item.skip(f"cannot be read: {exc.strerror or exc}")
    try:
        decoded = decode_bytes(data, html=item.is_html)
    except NotText as exc:
        return item.skip(str(exc))
    item.raw, item.encoding = decoded.text, decoded.encoding
    item.decided_by = decoded.decided_by
    item.warnings.extend(decoded.warnings)
    return item


@dataclass(frozen=True)
class FolderEntry:
    """One entry of a folder corpus, listed before any file is read.

    A file to read has ``path`` (with its manifest metadata and where it came
    from in ``source``, or a ``warning`` when the manifest leaves it out); an
    entry that cannot be an article has ``skipped``, the reason; a row about a
    metadata file has ``note`` (and its ``warning``, if any).
    """

    label: str
    path: Path | None = None
    meta: dict = field(default_factory=dict)
    extra: dict = field(default_factory=dict)
    source: str | None = None
    warning: str | None = None
    skipped: str | None = None
    note: str | None = None

    def to_input(self, max_bytes: int) -> Input:
        """Read the file (or record the skip): the input ``build_corpus`` takes."""
        if self.note is not None:
            return Input(label=self.label, note=self.note,
                         warnings=[self.warning] if self.warning else [],
                         skipped=self.skipped)
        if self.skipped is not None:
            return Input(label=self.label, meta=dict(self.meta)).skip(self.skipped)
        item = file_input(self.path, self.label, dict(self.meta), dict(self.extra), self.source,
                          max_bytes)
        if self.warning:
            item.warnings.append(self.warning)
        return item


def walk(folder: Path, *, follow_links: bool = False) -> list[tuple[str, Path, str | None]]:
    """``(relative path, path, reason to skip or None)`` for every entry under ``folder``
    that is not a folder, sorted; symbolic links judged as the module docstring says."""
    root = folder.resolve()
    out: list[tuple[str, Path, str | None]] = []
    seen_dirs = {(root.stat().st_dev, root.stat().st_ino)}
    stack = [(folder, "")]
    while stack:
        here, prefix = stack.pop()
        try:
            with os.scandir(here) as listing:
                entries = sorted(listing, key=lambda e: e.name)
        except OSError as exc:
            out.append((prefix.rstrip("/") or ".", here, f"folder cannot be read: "
                                                         f"{exc.strerror or exc}"))
            continue
        for entry in entries:
            rel = prefix + entry.name
            path = Path(entry.path)
            reason = None
            is_dir = False
            try:
                if entry.is_symlink():
                    try:
                        target = path.resolve(strict=True)
                    except FileNotFoundError:
                        out.append((rel, path, f"dangling symbolic link: its target "
                                               f"{os.readlink(path)!r} does not exist"))
                        continue
                    except (RuntimeError, OSError):
                        out.append((rel, path, "symbolic link loop: the link leads back to "
                                               "itself; not read"))
                        continue
                    inside = target == root or root in target.parents
                    if not inside and not follow_links:
                        out.append((rel, path, f"symbolic link to {target}, outside the corpus "
                                               "folder: not read (pass follow_links=True, or "
                                               "--follow-links on the command line, to read "
                                               "files that links point to)"))
                        continue
                    info = target.stat()
                    if stat.S_ISDIR(info.st_mode):
                        key = (info.st_dev, info.st_ino)
                        if inside or key in seen_dirs:
                            out.append((rel, path, "symbolic link to a folder already read "
                                                   "(inside the corpus folder): not read twice"))
                            continue
                        is_dir = True
                        seen_dirs.add(key)
                else:
                    info = entry.stat(follow_symlinks=False)
                    is_dir = stat.S_ISDIR(info.st_mode)
                    if is_dir:
                        seen_dirs.add((info.st_dev, info.st_ino))
            except OSError as exc:
                out.append((rel, path, f"cannot be read: {exc.strerror or exc}"))
                continue
            if is_dir:
                stack.append((path, rel + "/"))
                continue
            for test, what in _KINDS:
                if test(info.st_mode):
                    reason = f"{what}, not a file: not read"
            out.append((rel, path, reason))
    return sorted(out, key=lambda item: item[0])


def _read_manifest(manifest_path: Path, columns: Columns, folder: Path):
    """The manifest's rows by file (line, metadata, extra columns, warnings), its note
    entries and the columns as resolved; empty without a manifest."""
    listed: dict[str, tuple[int, dict, dict, list]] = {}
    notes: list[FolderEntry] = []
    if manifest_path.is_file():
        header, rows, warnings = read_csv_rows(manifest_path)
        columns, note, look_alike = columns.resolve(header, str(manifest_path),
                                                    FIELDS + ("file",))
        columns.check(header, str(manifest_path), needed=("file",))
        messages = [*warnings, *look_alike]
        notes.append(FolderEntry(manifest_path.name, note=note, warning="; ".join(messages) or None))
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
            meta, extra, cell_warnings = columns.extract(row)
            if meta["article_id"]:
                if meta["article_id"] in ids:
                    raise CorpusFormatError(
                        f"article_id {meta['article_id']!r} is used twice (first on line "
                        f"{ids[meta['article_id']]})", path=manifest_path, line=line,
                        column=columns.names["article_id"])
                ids[meta["article_id"]] = line
            listed[key] = (line, meta, extra, cell_warnings)
    elif columns.explicit:  # a mapping with nothing to map: most likely a misnamed manifest
        fld = sorted(columns.explicit)[0]
        param = {"article_id": "id_col", "event_id": "event_col"}.get(fld, f"{fld}_col")
        from ..errors import ColumnError

        raise ColumnError(f"{param} {columns.names[fld]!r} is not a column of any manifest: "
                          f"{folder} has no manifest.csv; name one with manifest=")
    return listed, notes


def _ignored(rel: str, path: Path, manifest_path: Path, given: dict) -> str | None:
    """Why the folder's own metadata file is not used, or None if it is."""
    if rel == "manifest.csv":
        if path.resolve() != manifest_path.resolve():
            return f"not read: manifest= names {manifest_path}, so the folder's own {rel} is not used"
        return None
    other = given.get(rel)
    if other is not None:
        if Path(other).resolve() != path.resolve():
            return f"not read: {rel[:-4]}= names {other}, so the folder's own {rel} is not used"
        return None
    if manifest_path.parent.resolve() != path.parent.resolve():
        return (f"not read: {rel} is read beside the manifest, and the manifest "
                f"({manifest_path}) is in another folder")
    return None


def folder_entries(folder: Path, columns: Columns, manifest: str | Path | None, *,
                   follow_links: bool = False, events=None,
                   outlets=None) -> tuple[Path, list[FolderEntry]]:
    """The manifest's path and every entry of a folder corpus, in load-report order.

    A row for the manifest (its columns, its decoding) comes first; files come
    sorted by path; hidden files, unsupported types, links out of the folder and
    special files are skipped with their reason; manifest rows whose file is
    missing come last. Only the manifest is read here (a malformed one raises);
    the articles are read by :meth:`FolderEntry.to_input`, so a caller can read
    them one at a time.
    """
    manifest_path = Path(manifest) if manifest is not None else folder / "manifest.csv"
    if manifest is not None and not manifest_path.is_file():
        raise SourceNotFoundError(f"manifest not found: {manifest_path}")
    listed, entries = _read_manifest(manifest_path, columns, folder)
    seen: set[str] = set()
    for rel, path, reason in walk(folder, follow_links=follow_links):
        label = f"{folder.name}/{rel}"
        if rel in METADATA_FILES:
            why = _ignored(rel, path, manifest_path, {"events.csv": events, "outlets.csv": outlets})
            if why:
                entries.append(FolderEntry(label, note="not read", skipped=why))
            continue
        if manifest is not None and path.resolve() == manifest_path.resolve():
            continue
        seen.add(rel)  # a manifest row naming a skipped file is reported by the file's row
        if reason is not None:
            entries.append(FolderEntry(label, skipped=reason))
        elif any(part.startswith(".") for part in Path(rel).parts):
            entries.append(FolderEntry(label, skipped="hidden file or folder (name starts with "
                                                      "'.'), not an article"))
        elif path.suffix.lower() not in TEXT_SUFFIXES + HTML_SUFFIXES:
            entries.append(FolderEntry(label, skipped=(
                f"unsupported file type {path.suffix or '(no suffix)'!r}; expected .txt, .html or .htm")))
        elif rel in listed:
            line, meta, extra, warnings = listed[rel]
            entries.append(FolderEntry(label, path, meta, extra,
                                       source=f"{manifest_path.name}, line {line}",
                                       warning="; ".join(warnings) or None))
        else:
            entries.append(FolderEntry(label, path, warning=(
                f"not listed in {manifest_path.name}: no metadata for it" if listed else None)))
    for key, (line, meta, _, _) in listed.items():
        if key not in seen:
            entries.append(FolderEntry(
                f"{manifest_path.name}, line {line}", meta={"article_id": meta.get("article_id")},
                skipped=f"the manifest lists {key!r}, but there is no such file in {folder}"))
    return manifest_path, entries
