"""Bytes to text: encodings, binary files, NUL bytes and line endings.

The policy is deliberately simple and predictable, so the load report can say
exactly what happened to each file:

1. A byte-order mark decides (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE).
2. Known binary signatures (PDF, ZIP, PNG, JPEG, GIF, gzip, ...) and files
   that are mostly control bytes are refused as binary.
3. Otherwise strict UTF-8; if that fails, Windows-1252 (a superset of Latin-1's
   printable range, the usual culprit), and if that fails too, Latin-1, which
   cannot fail. Both fallbacks are reported as warnings.
4. NUL characters are removed (with a warning); CRLF and lone CR become LF.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass, field

__all__ = ["Decoded", "NotText", "decode_bytes", "normalize_newlines"]

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32 LE with BOM"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32 BE with BOM"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8 with BOM"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16 LE with BOM"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16 BE with BOM"),
)

_SIGNATURES = (
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or a .docx/.xlsx/.epub file)"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document"),
    (b"\x7fELF", "an executable"),
    (b"RIFF", "a RIFF media file"),
    (b"SQLite format 3\x00", "an SQLite database"),
)

#: Share of control bytes (other than tab, newline, carriage return, form
#: feed and escape) above which a file without a BOM is taken to be binary.
CONTROL_BYTE_LIMIT = 0.10
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27)) + b"\x7f"


class NotText(ValueError):
    """Raised by :func:`decode_bytes` for input that is not text; the message is the reason."""


@dataclass(frozen=True)
class Decoded:
    """The text of a file and how it was obtained."""

    text: str
    encoding: str
    warnings: tuple[str, ...] = field(default=())


def normalize_newlines(text: str) -> str:
    r"""Turn CRLF and lone CR into LF.

    >>> normalize_newlines("a\r\nb\rc\n")
    'a\nb\nc\n'
    """
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _binary_reason(data: bytes) -> str | None:
    for signature, what in _SIGNATURES:
        if data.startswith(signature):
            return f"binary file: starts like {what}, expected text"
    sample = data[:65536]
    n_control = sum(sample.count(bytes([b])) for b in _CONTROL)
    if sample and n_control / len(sample) > CONTROL_BYTE_LIMIT:
        share = n_control / len(sample)
        return (f"binary file: {share:.0%} of the first {len(sample):,} bytes are control bytes "
                f"(NUL and the like), expected text with at most {CONTROL_BYTE_LIMIT:.0%}")
    return None


def decode_bytes(data: bytes) -> Decoded:
    r"""Decode the bytes of a text file, or raise :class:`NotText` with the reason.

    >>> decode_bytes("caf\u00e9".encode("utf-8")).encoding
    'utf-8'
    >>> d = decode_bytes("caf\u00e9 \u2014 ok".encode("cp1252"))
    >>> d.text, d.encoding
    ('café — ok', 'cp1252')
    >>> decode_bytes(b"\xef\xbb\xbfhi\r\n").text
    'hi\n'
    """
    warnings: list[str] = []
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(codec)
            except UnicodeDecodeError as exc:
                raise NotText(f"starts with a {label} byte-order mark but is not valid {codec} "
                              f"at byte {exc.start + len(bom)}") from None
            encoding = codec
            break
    else:
        reason = _binary_reason(data)
        if reason:
            raise NotText(reason)
        try:
            text, encoding = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError as exc:
            where = f"invalid UTF-8 at byte {exc.start}"
            try:
                text, encoding = data.decode("cp1252"), "cp1252"
                warnings.append(f"{where}; decoded as Windows-1252 (cp1252): check accents and quotes")
            except UnicodeDecodeError:
                text, encoding = data.decode("latin-1"), "latin-1"
                warnings.append(f"{where}, and not Windows-1252 either; decoded as Latin-1: "
                                "check accents and quotes")
    n_nul = text.count("\x00")
    if n_nul:
        text = text.replace("\x00", "")
        warnings.append(f"removed {n_nul} NUL character{'s' if n_nul != 1 else ''}")
    return Decoded(normalize_newlines(text), encoding, tuple(warnings))
