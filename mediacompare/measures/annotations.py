"""Readers of human annotations: a CSV of spans, the PTC layout and BRAT standoff files.

Each reader returns :class:`Annotations`: a tidy table of spans (one row per
annotated span, with the file and line it came from) and, where the format
carries them, the texts the offsets point into. Offsets count characters
(end exclusive) in the text exactly as stored: no newline is translated and no
character removed, since one changed character would shift every later span.

Three formats:

* **CSV of spans** (``.csv``): a header with ``article_id,start,end,category``
  and optionally ``annotator`` (whose picks these are) and ``text`` (the
  annotated words, checked against the article when texts are given); other
  columns are kept. The texts come from a corpus you load yourself.
* **The Propaganda Techniques Corpus layout** (Da San Martino et al. 2019): a
  folder holding ``article<ID>.txt`` files and one or more tab-separated
  files (``*.tsv`` or ``*.labels``) of ``ID<TAB>technique<TAB>start<TAB>end``.
* **BRAT standoff** (brat rapid annotation tool): ``.ann`` files beside the
  ``.txt`` files of the same name; text-bound lines
  ``T1<TAB>Label START END[;START END...]<TAB>words`` are spans (a
  discontinuous one gives a row per fragment); relation, event, attribute,
  normalisation and note lines (``R E A M N # *``) are read past.

A malformed file is refused with :class:`~mediacompare.errors.AnnotationError`
naming the file, the line and what was expected.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ..errors import AnnotationError, SourceNotFoundError

__all__ = ["ANNOTATION_COLUMNS", "Annotations", "read_annotations", "read_brat", "read_ptc",
           "read_span_csv"]

#: The columns of :attr:`Annotations.spans`.
ANNOTATION_COLUMNS = ("article_id", "start", "end", "category", "annotator", "text", "file", "line")
SPAN_CSV_REQUIRED = ("article_id", "start", "end", "category")
FORMATS = ("csv", "ptc", "brat")
_BRAT_OTHER = ("R", "E", "A", "M", "N", "#", "*")
_BRAT_FRAGMENT = re.compile(r"(\d+) (\d+)")
_PTC_ARTICLE = re.compile(r"article(.+)\.txt")


@dataclass(frozen=True)
class Annotations:
    """Annotated spans and, for the PTC and BRAT formats, the texts they point into.

    Attributes
    ----------
    spans : DataFrame
        One row per span, columns :data:`ANNOTATION_COLUMNS`; ``file`` and
        ``line`` say where it was read.
    articles : DataFrame or None
        ``article_id`` and ``text`` (exactly as stored), or None for a CSV of
        spans (its texts are a corpus you load).
    format : str
        ``csv``, ``ptc`` or ``brat``.
    path : str
    """

    spans: pd.DataFrame
    articles: pd.DataFrame | None
    format: str
    path: str

    def __repr__(self) -> str:
        n_texts = "no texts" if self.articles is None else f"{len(self.articles)} texts"
        return (f"<Annotations ({self.format}) from {self.path}: {len(self.spans)} spans, "
                f"{self.spans['category'].nunique()} categories, {n_texts}>")

    def check_texts(self, articles: pd.DataFrame) -> None:
        """Refuse spans whose article is missing from ``articles`` or that run past its end."""
        check_spans(self.spans, articles)


def check_spans(spans: pd.DataFrame, articles: pd.DataFrame) -> None:
    """Raise :class:`AnnotationError` (file and line) for a span that does not fit its text."""
    texts = {str(a): t for a, t in zip(articles["article_id"], articles["text"])}
    lengths = {a: len(t) for a, t in texts.items()}
    has_text = "text" in spans.columns
    for row in spans.itertuples(index=False):
        where = {"path": getattr(row, "file", None), "line": getattr(row, "line", None)}
        if where["line"] is not None and pd.isna(where["line"]):
            where["line"] = None
        article = str(row.article_id)
        if article not in lengths:
            shown = ", ".join(sorted(lengths)[:5]) + (" ..." if len(lengths) > 5 else "")
            raise AnnotationError(f"article_id {article!r} is not among the texts ({shown})",
                                  column="article_id", **where)
        if row.end > lengths[article]:
            raise AnnotationError(f"the span {row.start}-{row.end} runs past the end of article "
                                  f"{article!r} ({lengths[article]} characters)", column="end",
                                  **where)
        if has_text and isinstance(row.text, str) and row.text:
            found = texts[article][row.start:row.end]
            if found != row.text:
                raise AnnotationError(f"the text at {row.start}-{row.end} of article {article!r} is "
                                      f"{found[:60]!r}; the annotation says {row.text[:60]!r}",
                                      column="text", **where)


def _frame(rows: list[dict]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=list(ANNOTATION_COLUMNS))
    return frame.astype({"article_id": str, "start": "int64", "end": "int64", "category": str,
                         "line": "int64"})


def _read_text(path: Path, what: str) -> str:
    """A file's text exactly as stored (strict UTF-8, a BOM dropped, no newline translated)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise AnnotationError(f"cannot read the {what}: {exc.strerror or exc}", path=path) from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise AnnotationError(f"not valid UTF-8 at byte {exc.start}: annotation offsets count "
                              f"characters, so the {what} must be UTF-8", path=path) from None
    return text[1:] if text.startswith("\ufeff") else text


def _offsets(start: str, end: str, *, path: Path, line: int, column: str | None = None) -> tuple[int, int]:
    try:
        s, e = int(start), int(end)
    except ValueError:
        raise AnnotationError(f"expected whole-number offsets for start and end, found "
                              f"{start!r} and {end!r}", path=path, line=line, column=column) from None
    if s < 0 or e <= s:
        raise AnnotationError(f"expected 0 <= start < end, found start {s} and end {e}",
                              path=path, line=line, column=column)
    return s, e


def read_span_csv(path: str | Path, *, annotator: str | None = None) -> Annotations:
    """Read a CSV of spans: ``article_id,start,end,category`` (+ ``annotator``, ``text``, ...).

    ``annotator`` names whose picks these are when the file has no such column.
    """
    path = Path(path)
    raw = _read_text(path, "CSV of spans")
    reader = csv.reader(io.StringIO(raw, newline=""), strict=True)
    try:
        header = [h.strip() for h in next(reader)]
    except StopIteration:
        raise AnnotationError(f"empty file; expected a header {','.join(SPAN_CSV_REQUIRED)}",
                              path=path, line=1) from None
    except csv.Error as exc:
        raise AnnotationError(f"not valid CSV ({exc})", path=path, line=1) from None
    missing = [c for c in SPAN_CSV_REQUIRED if c not in header]
    if missing or len(set(header)) != len(header):
        problem = (f"missing {', '.join(missing)}" if missing else "a column appears twice")
        raise AnnotationError(f"bad header ({problem}); expected the columns "
                              f"{','.join(SPAN_CSV_REQUIRED)} (annotator and text optional), found "
                              f"{','.join(header)}", path=path, line=1)
    rows = []
    try:
        for row in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(header):
                raise AnnotationError(f"expected {len(header)} fields ({','.join(header)}), found "
                                      f"{len(row)}", path=path, line=line)
            values = dict(zip(header, row))
            for name in ("article_id", "category"):
                if not values[name].strip():
                    raise AnnotationError(f"empty {name}; every span needs one", path=path,
                                          line=line, column=name)
            start, end = _offsets(values["start"].strip(), values["end"].strip(), path=path,
                                  line=line, column="start")
            who = values.get("annotator", "").strip() or annotator or ""
            rows.append({"article_id": values["article_id"].strip(), "start": start, "end": end,
                         "category": values["category"].strip(), "annotator": who,
                         "text": values.get("text", ""), "file": str(path), "line": line})
    except csv.Error as exc:
        raise AnnotationError(f"not valid CSV ({exc})", path=path, line=reader.line_num) from None
    return Annotations(_frame(rows), None, "csv", str(path))


def _check_fit(text: str, start: int, end: int, *, article: str, path: Path, line: int) -> None:
    if end > len(text):
        raise AnnotationError(f"the span {start}-{end} runs past the end of article {article!r} "
                              f"({len(text)} characters)", path=path, line=line)


def read_ptc(path: str | Path, *, annotator: str | None = None) -> Annotations:
    """Read the Propaganda Techniques Corpus layout: ``article<ID>.txt`` files and tab-separated
    ``ID<TAB>technique<TAB>start<TAB>end`` files (``*.tsv`` or ``*.labels``) in one folder tree."""
    path = Path(path)
    folder = path if path.is_dir() else path.parent
    texts: dict[str, str] = {}
    for file in sorted(folder.rglob("article*.txt")):
        match = _PTC_ARTICLE.fullmatch(file.name)
        if match and file.is_file():
            texts[match.group(1)] = _read_text(file, "article")
    label_files = [path] if path.is_file() else sorted(
        p for p in folder.rglob("*") if p.is_file() and p.suffix in (".tsv", ".labels"))
    if not texts:
        raise AnnotationError("no article<ID>.txt files found; the PTC layout is a folder of "
                              "article<ID>.txt files and ID<TAB>technique<TAB>start<TAB>end files",
                              path=folder)
    if not label_files:
        raise AnnotationError("no labels file (*.tsv or *.labels) found; expected lines "
                              "ID<TAB>technique<TAB>start<TAB>end", path=folder)
    rows = []
    for file in label_files:
        for line, content in enumerate(_read_text(file, "labels file").splitlines(), 1):
            if not content.strip():
                continue
            fields = content.split("\t")
            if len(fields) != 4:
                raise AnnotationError(f"expected 4 tab-separated fields "
                                      f"(ID, technique, start, end), found {len(fields)}",
                                      path=file, line=line)
            article, technique = fields[0].strip(), fields[1].strip()
            if article not in texts:
                raise AnnotationError(f"no file article{article}.txt for the ID {article!r}",
                                      path=file, line=line)
            if not technique:
                raise AnnotationError("empty technique; expected a label such as Loaded_Language",
                                      path=file, line=line)
            start, end = _offsets(fields[2].strip(), fields[3].strip(), path=file, line=line)
            _check_fit(texts[article], start, end, article=article, path=file, line=line)
            rows.append({"article_id": article, "start": start, "end": end, "category": technique,
                         "annotator": annotator or "", "text": texts[article][start:end],
                         "file": str(file), "line": line})
    articles = pd.DataFrame({"article_id": list(texts), "text": list(texts.values())})
    return Annotations(_frame(rows), articles, "ptc", str(path))


def _brat_line(content: str, text: str, *, article: str, path: Path, line: int) -> list[dict]:
    if not content.strip() or content[0] in _BRAT_OTHER:
        return []
    if content[0] != "T":
        raise AnnotationError(f"expected a line starting with T (a text-bound annotation) or one "
                              f"of {' '.join(_BRAT_OTHER)}, found {content[:20]!r}",
                              path=path, line=line)
    fields = content.split("\t")
    if len(fields) < 2 or " " not in fields[1]:
        raise AnnotationError("expected 'T<n><TAB>Label START END<TAB>text'", path=path, line=line)
    label, _, offsets = fields[1].partition(" ")
    fragments = []
    for part in offsets.split(";"):
        found = _BRAT_FRAGMENT.fullmatch(part.strip())
        if not found:
            raise AnnotationError(f"expected offsets 'START END' (fragments joined by ';'), found "
                                  f"{part!r}", path=path, line=line)
        fragments.append(_offsets(found.group(1), found.group(2), path=path, line=line))
    for start, end in fragments:
        _check_fit(text, start, end, article=article, path=path, line=line)
    if len(fields) >= 3:
        expected = " ".join(text[s:e] for s, e in fragments)
        if fields[2] != expected and fields[2].split() != expected.split():
            raise AnnotationError(f"the text at {offsets} is {expected[:60]!r}; the annotation says "
                                  f"{fields[2][:60]!r} (are the offsets for this .txt file?)",
                                  path=path, line=line)
    return [{"article_id": article, "start": s, "end": e, "category": label, "text": text[s:e],
             "file": str(path), "line": line} for s, e in fragments]


def read_brat(path: str | Path, *, annotator: str | None = None) -> Annotations:
    """Read BRAT standoff annotations: a ``.ann`` file, or a folder tree of them, each beside
    its ``.txt``. The article id is the file's path inside the folder, without the extension."""
    path = Path(path)
    ann_files = [path] if path.is_file() else sorted(path.rglob("*.ann"))
    if not ann_files:
        raise AnnotationError("no .ann files found; BRAT standoff is a .ann file beside a .txt "
                              "file of the same name", path=path)
    root = path.parent if path.is_file() else path
    rows, texts = [], {}
    for ann in ann_files:
        txt = ann.with_suffix(".txt")
        if not txt.is_file():
            raise AnnotationError(f"no text file {txt.name} beside it; BRAT offsets point into "
                                  "the .txt file of the same name", path=ann)
        article = ann.relative_to(root).with_suffix("").as_posix()
        text = texts[article] = _read_text(txt, "text")
        for line, content in enumerate(_read_text(ann, ".ann file").split("\n"), 1):
            for row in _brat_line(content.rstrip("\r"), text, article=article, path=ann, line=line):
                rows.append({**row, "annotator": annotator or ""})
    articles = pd.DataFrame({"article_id": list(texts), "text": list(texts.values())})
    return Annotations(_frame(rows), articles, "brat", str(path))


def read_annotations(path: str | Path, *, format: str | None = None,
                     annotator: str | None = None) -> Annotations:
    """Read annotated spans in any of the three formats.

    Parameters
    ----------
    path : path
        A ``.csv`` file of spans; a PTC folder (``article<ID>.txt`` and
        ``*.tsv``/``*.labels`` files); a BRAT ``.ann`` file or folder.
    format : {"csv", "ptc", "brat"}, optional
        Guessed from the path when not given.
    annotator : str, optional
        Whose annotations these are (for :func:`annotator_agreement`), where
        the file does not say.

    Raises
    ------
    SourceNotFoundError
        The path does not exist.
    AnnotationError
        A malformed file: the message names the file, the line and what was expected.
    """
    path = Path(path)
    if not path.exists():
        raise SourceNotFoundError(f"annotation file or folder not found: {path}")
    if format is None:
        format = _guess_format(path)
    readers = {"csv": read_span_csv, "ptc": read_ptc, "brat": read_brat}
    if format not in readers:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}; got {format!r}")
    return readers[format](path, annotator=annotator)


def _guess_format(path: Path) -> str:
    if path.is_file():
        if path.suffix.lower() == ".csv":
            return "csv"
        if path.suffix == ".ann":
            return "brat"
        if path.suffix in (".tsv", ".labels"):
            return "ptc"
    elif next(path.rglob("*.ann"), None) is not None:
        return "brat"
    elif next(path.rglob("article*.txt"), None) is not None:
        return "ptc"
    raise AnnotationError("cannot tell the annotation format: expected a .csv file of spans, a "
                          "folder of article<ID>.txt and *.tsv/*.labels files (PTC), or .ann "
                          "files beside .txt files (BRAT); or pass format=", path=path)
