"""A CSV or JSONL file read line by line, decoded exactly as the loader decodes it whole.

:func:`read_lines` gives the lines of a byte range of a file (so that a block of rows can
be read on its own); :func:`_decoding` decides, reading the file in chunks, the codec and
the warnings :func:`~mediacompare.corpus.decode.decode_bytes` would give for the whole file.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Iterator

from ..corpus.charsets import SINGLE_BYTE, display_name
from ..corpus.decode import (DETECT_BYTES, NotText, _replaced_warning, choose_encoding,
                             decode_replacing, utf8_stats)
from ..errors import CorpusFormatError

__all__ = ["read_lines"]


def read_lines(path: str, codec: str, start: int, stop: int | None) -> Iterator[tuple[int, str]]:
    """``(end offset, line)`` for each line of the decoded file (the pieces of
    ``text.split("\\n")``, each with its ``\\n``), among those starting in ``[start, stop)``.

    NUL characters are removed and CRLF and lone CR end a line exactly as
    :func:`~mediacompare.corpus.decode.decode_bytes` does for the whole file: in UTF-8, cp1252
    and Latin-1 the bytes 0, 10 and 13 are always NUL, LF and CR, so lines can be cut, and
    their offsets known, before decoding.
    """
    with open(path, "rb") as handle:
        handle.seek(start)
        position = start
        for raw in handle:
            base = position
            position += len(raw)
            if b"\r" not in raw:
                if stop is not None and base >= stop:
                    return
                yield position, _decode(raw, codec)
                continue
            begin = 0
            for brk in _BREAK.finditer(raw):
                if stop is not None and base + begin >= stop:
                    return
                yield base + brk.end(), _decode(raw[begin:brk.start()], codec) + "\n"
                begin = brk.end()
            if begin < len(raw):
                if stop is not None and base + begin >= stop:
                    return
                yield position, _decode(raw[begin:], codec)


#: A line break as decode_bytes sees it once NULs are gone: CRLF (NULs between), CR or LF.
_BREAK = re.compile(rb"\r(?:\x00*\n)?|\n")


def _decode(raw: bytes, codec: str) -> str:
    # decoded, then NUL removed, exactly as decode_bytes does for the whole file
    text = decode_replacing(raw, codec)[0]
    return text.replace("\x00", "") if "\x00" in text else text


def _decoding(path: Path) -> tuple[str, int, tuple[str, ...], str] | None:
    """The codec, BOM length, warnings and encoding note with which :func:`decode_bytes` would
    decode the file (read in chunks), or None for a file decoded whole (UTF-16/32 and multi-byte
    legacy codecs). A binary file raises the error :func:`load_corpus` raises."""
    with path.open("rb") as handle:
        head = handle.read(DETECT_BYTES + 1)

    def chunks():
        with path.open("rb") as handle:
            while chunk := handle.read(1 << 20):
                yield chunk

    stats = utf8_stats(chunks())
    try:
        choice = choose_encoding(head, stats=stats)
    except NotText as exc:
        raise CorpusFormatError(f"expected a text file, found {exc}", path=path) from None
    if choice.codec != "utf-8" and choice.codec not in SINGLE_BYTE and choice.codec != "cp1252":
        return None
    warnings = list(choice.warnings)
    if choice.codec != "utf-8" and not choice.bom:
        warnings.append(f"not UTF-8: read as {display_name(choice.codec)} "
                        f"({choice.decided_by}); check accents and quotes")
    n_bad, first, n_nul = _count_bad(path, choice.codec, choice.bom)
    if n_bad:
        warnings.append(_replaced_warning(n_bad, first, display_name(choice.codec)))
    warnings.extend(_nul_warning(n_nul))
    return choice.codec, choice.bom, tuple(warnings), f"{choice.codec} ({choice.decided_by})"


def _nul_warning(n_nul: int) -> tuple[str, ...]:
    return (f"removed {n_nul} NUL character{'s' if n_nul != 1 else ''}",) if n_nul else ()


def _count_bad(path: Path, codec: str, bom: int) -> tuple[int, int | None, int]:
    """Bad byte sequences (and the first's offset) and NUL characters, decoding line by line."""
    n_bad, first, n_nul = 0, None, 0
    with path.open("rb") as handle:
        handle.seek(bom)
        offset = bom
        for raw in handle:  # lines end at a LF byte, never inside a UTF-8 or one-byte character
            text, bad, at = decode_replacing(raw, codec, offset)
            n_bad += bad
            if first is None and at is not None:
                first = at
            n_nul += text.count("\x00")
            offset += len(raw)
    return n_bad, first, n_nul
