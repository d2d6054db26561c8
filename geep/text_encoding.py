"""The text encoding of a file's bytes: detected, named, never assumed (no I/O here).

UTF-8 (with or without BOM) and UTF-16 with a BOM are certain. UTF-16 without a BOM is told
by its NUL bytes. Anything else is one of the Chinese legacy encodings — GBK/GB18030 from the
mainland, Big5 from Taiwan and Hong Kong — which decode each other's bytes without an error
but into the wrong characters; ``charset-normalizer`` tells them apart by what the text looks
like. A file whose lines are partly UTF-8 and partly another encoding is refused, naming the
first line that is not UTF-8.

This module is a shared foundation: the input layer (:mod:`geep.io.encoding`, which re-exports
it) decodes CSV files with it, and the coefficient catalogue names the encoding of a catalogue
file that is not UTF-8.

References
----------
The Unicode Standard §23.8 (byte order mark); GB 18030-2005; WHATWG Encoding Standard (Big5).
"""

from __future__ import annotations

from typing import NamedTuple

from .errors import GeepError, InputError
from .messages import text

#: legacy encodings tried after UTF-8, and the names users know them by
CANDIDATES = {"gb18030": "GB18030", "gbk": "GBK", "big5": "Big5", "big5hkscs": "Big5-HKSCS"}
#: labels of the encodings that are UTF-8
UTF8_LABELS = ("UTF-8", "UTF-8 with BOM")


class Sniffed(NamedTuple):
    """What :func:`sniff` found: the Python codec and its user-facing label (both ``None``
    when no candidate reads the bytes), or the first non-UTF-8 line of a mixed file."""

    codec: str | None
    label: str | None
    mixed_line: int | None = None


def utf16_without_bom(head: bytes) -> str | None:
    """``"utf-16-le"`` / ``"utf-16-be"`` when ``head`` is BOM-less UTF-16 text (ASCII-range
    characters leave a NUL in every other byte), else ``None``."""
    if len(head) < 4:
        return None
    even, odd = head[0::2], head[1::2]
    n = min(len(even), len(odd))
    if n == 0:
        return None
    if odd.count(0) > 0.3 * n and even.count(0) < 0.05 * n:
        return "utf-16-le"
    if even.count(0) > 0.3 * n and odd.count(0) < 0.05 * n:
        return "utf-16-be"
    return None


def _chinese_utf8(line: bytes) -> bool:
    """A line that is Chinese text in UTF-8: it decodes, has CJK characters and none of the
    Latin/Greek/Cyrillic letters that short GBK byte pairs turn into when read as UTF-8."""
    try:
        t = line.decode("utf-8")
    except UnicodeDecodeError:
        return False
    has_cjk = any("\u3400" <= ch <= "\u9fff" for ch in t)
    return has_cjk and not any("\u0080" <= ch <= "\u2fff" for ch in t)


def _mixed_line(data: bytes) -> int | None:
    """The first line that is not UTF-8 in a file where other lines are Chinese UTF-8 text
    (a file pasted together from two sources)."""
    lines = data.split(b"\n")
    if not any(_chinese_utf8(line) for line in lines):
        return None
    for k, line in enumerate(lines, start=1):
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            return k
    return None


def sniff(data: bytes) -> Sniffed:
    """The encoding of ``data``, without decoding errors: a :class:`Sniffed`."""
    return _sniff(data)[0]


def _sniff(data: bytes) -> tuple[Sniffed, str | None]:
    """:func:`sniff`, and the text when finding the encoding decoded it already."""
    if data.startswith(b"\xef\xbb\xbf"):
        return Sniffed("utf-8-sig", "UTF-8 with BOM"), None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return Sniffed("utf-16", "UTF-16"), None
    u16 = utf16_without_bom(data[:8192])
    if u16 is not None:
        try:
            return Sniffed(u16, f"UTF-16 {u16[-2:].upper()} (no BOM)"), data.decode(u16)
        except UnicodeDecodeError:
            pass
    try:
        return Sniffed("utf-8", "UTF-8"), data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    line = _mixed_line(data)
    if line is not None:
        return Sniffed(None, None, line), None
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=list(CANDIDATES)).best()
    if best is None or best.encoding not in CANDIDATES:
        return Sniffed(None, None), None
    if best.encoding in ("gb18030", "gbk"):  # GBK text is also GB18030: name the smaller one
        try:
            return Sniffed("gbk", "GBK"), data.decode("gbk")
        except UnicodeDecodeError:
            return Sniffed("gb18030", "GB18030"), None
    return Sniffed(best.encoding, CANDIDATES[best.encoding]), str(best)


def decode(data: bytes, name: str, error: type[GeepError] = InputError) -> tuple[str, str]:
    """Decode ``data``: ``(text, encoding label)``.

    Parameters
    ----------
    data
        The file's bytes.
    name
        The file's name, for messages.
    error
        The error class raised (the input layer uses its ``UnreadableFileError``).

    Raises
    ------
    error
        A file of mixed encodings, or one no candidate encoding reads as text.
    """
    found, decoded = _sniff(data)
    if decoded is not None:
        return decoded, found.label
    if found.mixed_line is not None:
        raise error(text("io.mixed_encoding", file=name, line=found.mixed_line), file=name,
                    hint=text("hint.encoding"))  # fmt: skip
    if found.codec is None:
        raise error(text("io.undecodable", file=name), file=name, hint=text("hint.encoding"))
    if found.codec == "utf-8-sig":
        return data[3:].decode("utf-8", errors="strict"), found.label
    return data.decode(found.codec), found.label


__all__ = ["CANDIDATES", "UTF8_LABELS", "Sniffed", "decode", "sniff", "utf16_without_bom"]
