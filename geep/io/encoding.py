"""The text encoding of a CSV file: detected, named, never assumed.

UTF-8 (with or without BOM) and UTF-16 with a BOM are certain. UTF-16 without a BOM is told
by its NUL bytes. Anything else is one of the Chinese legacy encodings — GBK/GB18030 from the
mainland, Big5 from Taiwan and Hong Kong — which decode each other's bytes without an error
but into the wrong characters; ``charset-normalizer`` tells them apart by what the text looks
like. A file whose lines are partly UTF-8 and partly another encoding is refused, naming the
first line that is not UTF-8.
"""

from __future__ import annotations

from ..messages import text
from .preflight import UnreadableFileError

#: legacy encodings tried after UTF-8, and the names users know them by
CANDIDATES = {"gb18030": "GB18030", "gbk": "GBK", "big5": "Big5", "big5hkscs": "Big5-HKSCS"}


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


def decode(data: bytes, name: str) -> tuple[str, str]:
    """Decode CSV bytes: ``(text, encoding label)``.

    Raises
    ------
    UnreadableFileError
        A file of mixed encodings, or one no candidate encoding reads as text.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict"), "UTF-8 with BOM"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "UTF-16"
    u16 = utf16_without_bom(data[:8192])
    if u16 is not None:
        try:
            return data.decode(u16), f"UTF-16 {u16[-2:].upper()} (no BOM)"
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    line = _mixed_line(data)
    if line is not None:
        raise UnreadableFileError(text("io.mixed_encoding", file=name, line=line), file=name,
                                  hint=text("hint.encoding"))  # fmt: skip
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=list(CANDIDATES)).best()
    if best is None or best.encoding not in CANDIDATES:
        raise UnreadableFileError(text("io.undecodable", file=name), file=name,
                                  hint=text("hint.encoding"))  # fmt: skip
    if best.encoding in ("gb18030", "gbk"):  # GBK text is also GB18030: name the smaller one
        try:
            return data.decode("gbk"), "GBK"
        except UnicodeDecodeError:
            return data.decode("gb18030"), "GB18030"
    return str(best), CANDIDATES[best.encoding]


__all__ = ["CANDIDATES", "decode", "utf16_without_bom"]
