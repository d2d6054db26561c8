"""Every user-facing text, in English and Chinese: the message catalogue.

Texts are looked up by a dotted code and formatted with keyword arguments. The catalogue is
one dict assembled from the domain modules of this package (``core``, ``files``, ``validation``, ``cli``, ``grid`` …);
each holds ``MESSAGES = {code: (english, chinese)}`` and a code may be defined only once.

Two ways to use a text:

* :func:`msg` renders it now, in the active language;
* :func:`text` returns a :class:`Text` that renders when it is displayed (``str()``), so an
  error raised in a worker and shown by the command line appears in the language the user
  asked for, not the one active where it was raised.

The language comes from :func:`set_language`, else the ``GEEP_LANG`` environment variable
(``en`` or ``zh``), else English.
"""

from __future__ import annotations

import contextlib
import importlib
import os
from collections.abc import Iterator
from typing import Any

#: domain modules of the catalogue, in the order they are merged
DOMAINS = (
    "core",
    "rights",
    "files",
    "validation",
    "catalogue",
    "engine",
    "accounts",
    "labels",
    "workbooks",
    "cli",
    "cli_help",
    "io",
    "methods",
    "compensation",
    "trading",
    "grid",
    "seea",
    "uncertainty",
    "forest",
    "report",
)

_LANG: str | None = None


def _assemble() -> dict[str, tuple[str, str]]:
    out: dict[str, tuple[str, str]] = {}
    for name in DOMAINS:
        try:
            mod = importlib.import_module(f"{__name__}.{name}")
        except ModuleNotFoundError as exc:  # a domain not built in this version
            if exc.name != f"{__name__}.{name}":
                raise
            continue
        for code, pair in mod.MESSAGES.items():
            if code in out:
                raise RuntimeError(f"message code {code!r} is defined twice (again in {name})")
            out[code] = pair
    return out


MESSAGES: dict[str, tuple[str, str]] = _assemble()


def set_language(lang: str | None) -> None:
    """Set the language of messages (``"en"`` or ``"zh"``; ``None`` = from environment)."""
    global _LANG
    if lang not in (None, "en", "zh"):
        raise ValueError(f"language must be 'en' or 'zh', not {lang!r}")
    _LANG = lang


def language() -> str:
    """Return the active message language (``"en"`` or ``"zh"``)."""
    if _LANG:
        return _LANG
    env = os.environ.get("GEEP_LANG", "en").lower()
    return "zh" if env.startswith("zh") else "en"


@contextlib.contextmanager
def language_scope(lang: str | None) -> Iterator[None]:
    """Render texts in ``lang`` inside the ``with`` block (``None``: leave as is)."""
    global _LANG
    previous = _LANG
    if lang is not None:
        set_language(lang)
    try:
        yield
    finally:
        _LANG = previous


def _render(value: Any) -> Any:
    return str(value) if isinstance(value, Text) else value


def msg(code: str, /, **kwargs: object) -> str:
    """Return message ``code`` formatted with ``kwargs`` in the active language."""
    en, zh = MESSAGES[code]
    template = zh if language() == "zh" else en
    return template.format(**{k: _render(v) for k, v in kwargs.items()})


class Text:
    """A catalogue text rendered at display time (``str(t)``) in the active language.

    Texts concatenate with strings and with each other (``text("a") + "; " + text("b")``);
    keyword values may themselves be texts. They pickle (codes and values only).
    """

    __slots__ = ("parts",)

    def __init__(self, code: str | None = None, /, **kwargs: object) -> None:
        if code is not None and code not in MESSAGES:
            raise KeyError(f"no message {code!r} in the catalogue")
        self.parts: tuple[tuple[str | None, Any], ...] = (
            ((code, dict(kwargs)),) if code is not None else ()
        )

    @classmethod
    def _join(cls, parts: tuple) -> Text:
        t = cls()
        t.parts = parts
        return t

    def __str__(self) -> str:
        out = []
        for code, value in self.parts:
            out.append(msg(code, **value) if code is not None else str(value))
        return "".join(out)

    def render(self, lang: str | None = None) -> str:
        """The text in ``lang`` (default: the active language)."""
        with language_scope(lang):
            return str(self)

    def __add__(self, other: object) -> Text:
        if isinstance(other, Text):
            return Text._join(self.parts + other.parts)
        return Text._join((*self.parts, (None, other)))

    def __radd__(self, other: object) -> Text:
        return Text._join(((None, other), *self.parts))

    def __bool__(self) -> bool:
        return bool(self.parts)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Text):
            return self.parts == other.parts
        return isinstance(other, str) and str(self) == other

    def __hash__(self) -> int:
        return hash(str(self))

    def __contains__(self, item: str) -> bool:
        return item in str(self)

    def __repr__(self) -> str:
        return f"Text({str(self)!r})"

    def __reduce__(self):
        return (Text._join, (self.parts,))

    @property
    def codes(self) -> tuple[str, ...]:
        """The catalogue codes this text is made of."""
        return tuple(c for c, _ in self.parts if c is not None)


class _Pair:
    """Data text given in both languages (a table or profile title), chosen when shown."""

    __slots__ = ("en", "zh")

    def __init__(self, en: str, zh: str | None) -> None:
        self.en, self.zh = en, zh

    def __str__(self) -> str:
        return self.zh if language() == "zh" and self.zh else self.en

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Pair) and (self.en, self.zh) == (other.en, other.zh)

    def __hash__(self) -> int:
        return hash((self.en, self.zh))

    def __reduce__(self):
        return (_Pair, (self.en, self.zh))


def bilingual(en: str, zh: str | None) -> Text:
    """A :class:`Text` of data given in both languages (e.g. a profile's title)."""
    return Text._join(((None, _Pair(en, zh)),))


def text(code: str, /, **kwargs: object) -> Text:
    """A lazy :class:`Text` of message ``code`` (rendered when displayed)."""
    return Text(code, **kwargs)


def label(kind: str, code: object) -> str:
    """The reader's name of a code (``label("category", "regulating")`` → 调节服务 under zh);
    the code itself when the catalogue has no name for it."""
    key = f"{kind}.{code}"
    return msg(key) if key in MESSAGES else str(code)


def number(value: object, sig: int = 6) -> str:
    """A number as a reader writes it in a message: up to ``sig`` significant digits,
    thousands separators, never an exponent (``18753200.0`` → ``18,753,200``, not
    ``1.87532e+07``; ``0.0001234`` → ``0.0001234``); not finite → ``nan`` / ``inf``."""
    import math

    v = float(value)  # type: ignore[arg-type]
    if not math.isfinite(v) or v == 0:
        return "0" if v == 0 else str(v)
    decimals = max(0, sig - 1 - math.floor(math.log10(abs(v))))
    out = f"{v:,.{decimals}f}"
    return out.rstrip("0").rstrip(".") if "." in out else out


def did_you_mean(word: str, options: list[str] | tuple[str, ...], n: int = 3) -> str:
    """Return a "; did you mean ...?" suffix with the closest options, or ``""``."""
    import difflib

    close = difflib.get_close_matches(str(word), [str(o) for o in options], n=n, cutoff=0.5)
    if not close:
        lowered = {str(o).lower(): str(o) for o in options}
        close = [lowered[m] for m in difflib.get_close_matches(str(word).lower(), lowered, n=n)]
    if not close:
        return ""
    return msg("did_you_mean", options=msg("or").join(repr(c) for c in close))


__all__ = [
    "DOMAINS",
    "MESSAGES",
    "Text",
    "bilingual",
    "did_you_mean",
    "label",
    "language",
    "language_scope",
    "msg",
    "number",
    "set_language",
    "text",
]
