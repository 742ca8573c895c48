"""Bytes to text: encodings, binary files, NUL bytes and line endings.

The policy, in order, so the load report can say exactly how each file was read
(:attr:`Decoded.decided_by`):

1. A byte-order mark decides (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE).
2. Known binary signatures (PDF, ZIP, PNG, ...) are refused as binary.
3. For HTML, a ``<meta charset>`` or ``<meta http-equiv="content-type">``
   declaration in the first 1,024 bytes, read with the WHATWG label mapping
   (``iso-8859-1`` and ``ascii`` mean Windows-1252, ``gb2312`` means GBK, ...;
   see :mod:`mediacompare.corpus.charsets`). A page that declares a legacy
   single-byte encoding but is valid UTF-8 with non-ASCII characters is read
   as UTF-8, with a warning (a page saved again by an editor keeps its old
   declaration).
4. UTF-16 or UTF-32 without a byte-order mark, recognised by the pattern of
   their zero and high bytes (text in one script uses few high bytes).
5. Files that are mostly control bytes are refused as binary.
6. Strict UTF-8. A file that is UTF-8 but for a few bad bytes (at least four
   valid multi-byte characters for each bad sequence) stays UTF-8, with the
   bad bytes replaced by U+FFFD and reported.
7. charset-normalizer on the first :data:`DETECT_BYTES` bytes, preferring
   Windows-1252 when it ties with the best guess (a short Western text fits
   several single-byte code pages equally well). Bytes the chosen encoding
   cannot decode are replaced and reported.
8. NUL characters are removed (with a warning); CRLF and lone CR become LF.
"""

from __future__ import annotations

import codecs
import re
import threading
from dataclasses import dataclass, field

from .charsets import SINGLE_BYTE, codec_for_label, display_name

__all__ = ["DETECT_BYTES", "Decoded", "NotText", "decode_bytes", "decode_replacing",
           "normalize_newlines", "sniff_declared", "utf8_stats"]

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
    (b"PAR1", "a Parquet file"),
)

#: Share of control bytes (other than tab, newline, carriage return, form
#: feed and escape) above which a file without a BOM is taken to be binary.
CONTROL_BYTE_LIMIT = 0.10
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27)) + b"\x7f"
#: How many bytes charset-normalizer looks at (cut at a line end), the same for
#: a whole file and for the streaming reader, so both decide alike.
DETECT_BYTES = 1 << 20
#: A UTF-8 file with a few bad bytes stays UTF-8 when it has at least this many
#: valid multi-byte characters per bad sequence.
UTF8_MAJORITY = 4
_SAMPLE = 65536


class NotText(ValueError):
    """Raised by :func:`decode_bytes` for input that is not text; the message is the reason."""


@dataclass(frozen=True)
class Decoded:
    """The text of a file, the encoding that read it, and how that encoding was decided."""

    text: str
    encoding: str
    warnings: tuple[str, ...] = field(default=())
    decided_by: str = ""


def normalize_newlines(text: str) -> str:
    r"""Turn CRLF and lone CR into LF.

    >>> normalize_newlines("a\r\nb\rc\n")
    'a\nb\nc\n'
    """
    return text.replace("\r\n", "\n").replace("\r", "\n")


# ------------------------------------------------------------------ replacement, counted

_local = threading.local()


def _counting_replace(exc: UnicodeError):
    state = getattr(_local, "state", None)
    if state is not None:
        state[0] += 1
        if state[1] is None:
            state[1] = exc.start
    return "\ufffd", exc.end


codecs.register_error("mediacompare-replace", _counting_replace)


def decode_replacing(data: bytes, codec: str, offset: int = 0) -> tuple[str, int, int | None]:
    """Decode, replacing bad bytes by U+FFFD: the text, the number of bad sequences and
    the offset (plus ``offset``) of the first one.

    >>> decode_replacing(b"caf\\xc3\\xa9 \\xff ok", "utf-8")
    ('café \\ufffd ok', 1, 6)
    """
    previous = getattr(_local, "state", None)
    _local.state = [0, None]
    try:
        text = data.decode(codec, "mediacompare-replace")
        n_bad, first = _local.state
    finally:
        _local.state = previous
    return text, n_bad, None if first is None else first + offset


def _replaced_warning(n_bad: int, first: int | None, name: str) -> str:
    plural = "s" if n_bad != 1 else ""
    return (f"{n_bad} byte sequence{plural} that {name} cannot decode (the first at byte {first}) "
            "replaced by \ufffd: check the text around them")


# ------------------------------------------------------------------ sniffing

def _binary_reason(data: bytes) -> str | None:
    signature = _signature(data)
    if signature:
        return signature
    sample = data[:_SAMPLE]
    n_control = sum(sample.count(bytes([b])) for b in _CONTROL)
    if sample and n_control / len(sample) > CONTROL_BYTE_LIMIT:
        share = n_control / len(sample)
        return (f"binary file: {share:.0%} of the first {len(sample):,} bytes are control bytes "
                f"(NUL and the like), expected text with at most {CONTROL_BYTE_LIMIT:.0%}")
    return None


def _signature(data: bytes) -> str | None:
    for signature, what in _SIGNATURES:
        if data.startswith(signature):
            return f"binary file: starts like {what}, expected text"
    return None


def _sniff_wide(data: bytes) -> str | None:
    """``utf-16-le/be`` or ``utf-32-le/be`` for wide text without a BOM, else None.

    Text in one script uses few distinct high bytes (0x00 for Latin, 0x04 for
    Cyrillic, ...): in UTF-16 one byte of each pair takes very few values, and
    the sample must decode to printable text.
    """
    sample = data[:_SAMPLE]
    n = len(sample) - len(sample) % 4
    if n < 8:
        return None
    sample = sample[:n]
    for codec, positions in (("utf-32-le", (2, 3)), ("utf-32-be", (0, 1))):
        if all(sample[p::4].count(0) == n // 4 for p in positions):
            if _printable(sample, codec):
                return codec
    for codec, high in (("utf-16-le", 1), ("utf-16-be", 0)):
        column = sample[high::2]
        counts = sorted((column.count(bytes([b])) for b in set(column)), reverse=True)
        if sum(counts[:3]) >= 0.9 * len(column) and len(set(sample[1 - high::2])) > 3:
            if _printable(sample, codec):
                return codec
    return None


def _printable(sample: bytes, codec: str) -> bool:
    text = sample.decode(codec, "replace")
    if not text:
        return False
    good = sum(ch.isprintable() or ch in "\n\r\t" for ch in text)
    return good / len(text) >= 0.95 and text.count("\x00") == 0


_META = re.compile(rb"<meta[\s/]([^>]{0,1000})>", re.IGNORECASE)
_ATTR = re.compile(rb"""([a-zA-Z_:-]{1,40})\s*=\s*(?:"([^"]{0,500})"|'([^']{0,500})'|([^\s"'>]{1,500}))""")
_CHARSET_IN_CONTENT = re.compile(rb"""charset\s*=\s*["']?([A-Za-z0-9._:-]{1,40})""", re.IGNORECASE)
_COMMENT = re.compile(rb"<!--.*?(?:-->|$)", re.DOTALL)


def sniff_declared(data: bytes) -> tuple[str, str] | None:
    """The label and where it was found, from a ``<meta>`` charset declaration in the
    first 1,024 bytes of an HTML page (comments ignored), or None.

    >>> sniff_declared(b'<html><head><meta charset="windows-1251"><title>x</title>')
    ('windows-1251', '<meta charset>')
    >>> sniff_declared(b'<meta http-equiv="Content-Type" content="text/html; charset=KOI8-R">')
    ('koi8-r', '<meta http-equiv>')
    """
    head = _COMMENT.sub(b" ", data[:1024])
    for meta in _META.finditer(head):
        attrs = {}
        for match in _ATTR.finditer(meta.group(1)):
            name = match.group(1).lower()
            value = next(v for v in match.groups()[1:] if v is not None)
            attrs.setdefault(name, value.strip())
        if b"charset" in attrs and attrs[b"charset"]:
            return attrs[b"charset"].decode("ascii", "replace").lower(), "<meta charset>"
        if attrs.get(b"http-equiv", b"").lower() == b"content-type" and b"content" in attrs:
            found = _CHARSET_IN_CONTENT.search(attrs[b"content"])
            if found:
                return found.group(1).decode("ascii").lower(), "<meta http-equiv>"
    return None


def utf8_stats(chunks) -> tuple[int, int, int | None]:
    """Valid multi-byte UTF-8 characters, bad byte sequences and the offset of the first
    bad one, over byte chunks read in order (a whole file, or the same file in pieces)."""
    decoder = codecs.getincrementaldecoder("utf-8")("mediacompare-replace")
    previous = getattr(_local, "state", None)
    _local.state = [0, None]
    n_wide = 0
    offset = 0
    try:
        for chunk in chunks:
            pending = len(decoder.getstate()[0])
            before = _local.state[1]
            text = decoder.decode(chunk)
            if before is None and _local.state[1] is not None:
                _local.state[1] += offset - pending
            n_wide += sum(1 for ch in text if ch > "\x7f") - text.count("\ufffd")
            offset += len(chunk)
        pending = len(decoder.getstate()[0])
        before = _local.state[1]
        text = decoder.decode(b"", final=True)
        if before is None and _local.state[1] is not None:
            _local.state[1] += offset - pending
        n_bad, first = _local.state
    finally:
        _local.state = previous
    return n_wide, n_bad, first


def _detect(data: bytes) -> tuple[str, str]:
    """charset-normalizer's guess on the first DETECT_BYTES (cut at a line end), with cp1252
    preferred on a tie; and how it was decided."""
    sample = data[:DETECT_BYTES]
    if len(data) > DETECT_BYTES and b"\n" in sample:
        sample = sample[:sample.rindex(b"\n") + 1]
    from charset_normalizer import from_bytes

    results = list(from_bytes(sample))
    if not results:
        if _fits(sample, "cp1252"):
            return "cp1252", "charset-normalizer found no fit; Windows-1252 decodes it"
        return "latin-1", "charset-normalizer found no fit, nor does Windows-1252; Latin-1"
    best = results[0]
    tied = [r for r in results if r.chaos == best.chaos]
    if best.encoding != "cp1252" and any("cp1252" in r.could_be_from_charset for r in tied):
        return "cp1252", (f"charset-normalizer (Windows-1252 ties with {display_name(best.encoding)}"
                          "; the tie goes to Windows-1252)")
    return best.encoding, "charset-normalizer"


def _fits(data: bytes, codec: str) -> bool:
    try:
        data.decode(codec)
    except UnicodeDecodeError:
        return False
    return True


# ------------------------------------------------------------------ the policy

@dataclass(frozen=True)
class Choice:
    """An encoding decision made before the whole file is decoded."""

    codec: str
    bom: int
    decided_by: str
    warnings: tuple[str, ...] = ()


def choose_encoding(data: bytes, *, html: bool = False, stats=None) -> Choice:
    """Decide how to decode ``data`` (raises :class:`NotText` for binary input).

    ``stats`` are :func:`utf8_stats` of the whole data when the caller already has them
    (the streaming reader computes them chunk by chunk); ``data`` must then hold at least
    the first DETECT_BYTES bytes.
    """
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            return Choice(codec, len(bom), f"byte-order mark ({label})")
    signature = _signature(data)
    if signature:
        raise NotText(signature)
    warnings: list[str] = []
    if html:
        declared = sniff_declared(data)
        if declared:
            label, where = declared
            codec = codec_for_label(label)
            if codec is None:
                warnings.append(f"the page declares the charset {label!r} in {where}, which is "
                                "not an encoding label the web knows; ignored")
            elif codec == "":
                raise NotText(f"the page declares the charset {label!r} in {where}, an encoding "
                              "browsers refuse to decode (it can smuggle markup); not read")
            else:
                stats = stats if stats is not None else utf8_stats([data])
                if codec in SINGLE_BYTE and stats[0] and not stats[1]:
                    warnings.append(f"the page declares {label!r} in {where} but its bytes are "
                                    "valid UTF-8 with non-ASCII characters: read as UTF-8")
                    return Choice("utf-8", 0, "valid UTF-8 (overriding the page's declaration)",
                                  tuple(warnings))
                return Choice(codec, 0, f"declared in {where} ({label!r}, "
                                        f"{display_name(codec)})", tuple(warnings))
    head = data[:_SAMPLE]
    stats = stats if stats is not None else utf8_stats([data])
    odd = b"\x00" in head or stats[1] or \
        sum(head.count(bytes([b])) for b in _CONTROL) > CONTROL_BYTE_LIMIT * len(head)
    wide = _sniff_wide(data) if odd else None  # valid UTF-8 without NUL or controls is not wide
    if wide:
        return Choice(wide, 0, f"{display_name(wide)} without a byte-order mark (zero and "
                               "high bytes in the pattern of wide text)", tuple(warnings))
    reason = _binary_reason(data)
    if reason:
        raise NotText(reason)
    n_wide, n_bad, _ = stats
    if not n_bad:
        return Choice("utf-8", 0, "valid UTF-8" if n_wide else "valid UTF-8 (plain ASCII)",
                      tuple(warnings))
    if n_wide >= UTF8_MAJORITY * n_bad:
        return Choice("utf-8", 0, f"UTF-8 but for {n_bad} bad byte sequence"
                                  f"{'s' if n_bad != 1 else ''} ({n_wide} valid non-ASCII "
                                  "characters)", tuple(warnings))
    codec, how = _detect(data)
    return Choice(codec, 0, how, tuple(warnings))


def decode_bytes(data: bytes, *, html: bool = False) -> Decoded:
    r"""Decode the bytes of a text file, or raise :class:`NotText` with the reason.

    >>> decode_bytes("caf\u00e9".encode("utf-8")).encoding
    'utf-8'
    >>> d = decode_bytes("caf\u00e9 \u2014 ok".encode("cp1252"))
    >>> d.text, d.encoding
    ('café — ok', 'cp1252')
    >>> decode_bytes(b"\xef\xbb\xbfhi\r\n").text
    'hi\n'
    """
    choice = choose_encoding(data, html=html)
    text, n_bad, first = decode_replacing(data[choice.bom:], choice.codec, choice.bom)
    warnings = list(choice.warnings)
    if choice.codec != "utf-8" or choice.bom:
        if choice.bom == 0 and not choice.decided_by.startswith("declared") and \
                "overriding" not in choice.decided_by:
            warnings.append(f"not UTF-8: read as {display_name(choice.codec)} "
                            f"({choice.decided_by}); check accents and quotes")
    if n_bad:
        warnings.append(_replaced_warning(n_bad, first, display_name(choice.codec)))
    n_nul = text.count("\x00")
    if n_nul:
        text = text.replace("\x00", "")
        warnings.append(f"removed {n_nul} NUL character{'s' if n_nul != 1 else ''}")
    return Decoded(normalize_newlines(text), choice.codec, tuple(warnings), choice.decided_by)
