"""The text encoding of a CSV file: detected, named, never assumed.

The detection itself is the shared foundation :mod:`geep.text_encoding` (the coefficient
catalogue uses it too); this module is the input layer's view of it: errors are
:class:`~geep.io.preflight.UnreadableFileError`.
"""

from __future__ import annotations

from ..text_encoding import CANDIDATES, Sniffed, sniff, utf16_without_bom
from ..text_encoding import decode as _decode
from .preflight import UnreadableFileError


def decode(data: bytes, name: str) -> tuple[str, str]:
    """Decode CSV bytes: ``(text, encoding label)``.

    Raises
    ------
    UnreadableFileError
        A file of mixed encodings, or one no candidate encoding reads as text.
    """
    return _decode(data, name, error=UnreadableFileError)


__all__ = ["CANDIDATES", "Sniffed", "decode", "sniff", "utf16_without_bom"]
