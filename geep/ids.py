"""Identifiers typed by people: one normal form, and a plain-ASCII rule where ids are keys.

Section ids, holder ids (and region codes) join tables; ``140105``, ``140105`` + U+200B and
``14О105`` (Cyrillic О) must not become three keys. :func:`clean_id` applies Unicode NFKC
(fullwidth ``１４０１０５`` → ``140105``) and removes format characters (category Cf: zero-width
space, joiners, BOM, bidirectional marks) and surrounding white space; :func:`id_problem` then
names the first character that is not an ASCII letter, digit, ``-``, ``_`` or ``.``.

References
----------
Unicode Standard Annex #15 (normalization forms); Unicode general category Cf.
"""

from __future__ import annotations

import re
import unicodedata

#: an id: ASCII letter or digit, then letters, digits, '-', '_' or '.'
ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$")


def clean_id(value: object) -> tuple[str, bool]:
    """``(normal form, changed)``: NFKC, format characters removed, white space stripped.

    ``changed`` is True when invisible or compatibility characters were removed or replaced
    (so a caller can say so). ``None`` gives ``("", False)``.
    """
    if value is None:
        return "", False
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    raw = str(value)
    s = unicodedata.normalize("NFKC", raw)
    s = "".join(ch for ch in s if unicodedata.category(ch) != "Cf").strip()
    return s, s != raw.strip()


def id_problem(value: str) -> tuple[str, str] | None:
    """``(character, "U+XXXX NAME")`` of the first character that breaks :data:`ID_PATTERN`,
    or ``None`` if ``value`` is a plain id (an empty id is the caller's to report)."""
    if not value or ID_PATTERN.match(value):
        return None
    for i, ch in enumerate(value):
        ok = ch.isascii() and (ch.isalnum() or (i > 0 and ch in "-_."))
        if not ok:
            return ch, f"U+{ord(ch):04X} {unicodedata.name(ch, 'UNNAMED')}"
    return None  # pragma: no cover (the pattern and the loop agree)


__all__ = ["ID_PATTERN", "clean_id", "id_problem"]
