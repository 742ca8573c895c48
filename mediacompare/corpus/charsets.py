"""Encoding labels as the web reads them (the WHATWG Encoding Standard).

``resources/encoding_labels.csv`` maps every label a page may declare
(``latin1``, ``gb2312``, ``x-sjis``, ...) to its WHATWG encoding and to the
Python codec that decodes it as a browser would: ``iso-8859-1`` and
``ascii`` are Windows-1252, ``gb2312`` is GBK (decoded with the gb18030
codec, its superset), ``shift_jis`` is Windows-31J (cp932), ``euc-kr`` is
cp949. As the standard's prescan says, a ``<meta>`` declaring UTF-16 means
UTF-8 and ``x-user-defined`` means Windows-1252; the "replacement" labels
(ISO-2022-KR, HZ, ...) are refused.
"""

from __future__ import annotations

import codecs
import csv
from functools import lru_cache

from .._paths import resource

__all__ = ["SINGLE_BYTE", "codec_for_label", "display_name"]

#: Python codecs that map one byte to one character (ASCII-compatible).
SINGLE_BYTE = frozenset({
    "cp1250", "cp1251", "cp1252", "cp1253", "cp1254", "cp1255", "cp1256", "cp1257", "cp1258",
    "cp866", "cp874", "koi8_r", "koi8_u", "mac_roman", "mac_cyrillic", "latin-1", "iso8859_2",
    "iso8859_3", "iso8859_4", "iso8859_5", "iso8859_6", "iso8859_7", "iso8859_8", "iso8859_10",
    "iso8859_13", "iso8859_14", "iso8859_15", "iso8859_16",
})


@lru_cache(maxsize=1)
def _labels() -> dict[str, tuple[str, str]]:
    table: dict[str, tuple[str, str]] = {}
    with resource("encoding_labels.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            for label in row["labels"].split():
                table[label] = (row["encoding"], row["python_codec"])
    return table


def codec_for_label(label: str) -> str | None:
    """The Python codec for an encoding label, ``""`` for a refused one, None if unknown.

    >>> codec_for_label(" ISO-8859-1 "), codec_for_label("gb2312"), codec_for_label("utf-16")
    ('cp1252', 'gb18030', 'utf-8')
    >>> codec_for_label("klingon") is None
    True
    """
    found = _labels().get(label.strip().lower())
    return None if found is None else found[1]


def display_name(codec: str) -> str:
    """A readable name for a Python codec name.

    >>> display_name("cp1251"), display_name("utf_16_le"), display_name("gb18030")
    ('Windows-1251 (cp1251)', 'UTF-16 LE', 'GB18030')
    """
    try:
        name = codecs.lookup(codec).name
    except LookupError:
        return codec
    if name.startswith("cp125"):
        return f"Windows-{name[2:]} ({name})"
    if name.startswith("utf"):
        return name.upper().replace("_", "-").replace("-LE", " LE").replace("-BE", " BE")
    return {"koi8-r": "KOI8-R", "koi8-u": "KOI8-U", "cp932": "Shift_JIS (cp932)",
            "gb18030": "GB18030", "big5hkscs": "Big5-HKSCS", "euc_jp": "EUC-JP",
            "cp949": "EUC-KR (cp949)", "iso8859-1": "Latin-1", "latin-1": "Latin-1",
            "mac-roman": "Mac Roman", "iso2022_jp": "ISO-2022-JP"}.get(name, name)
