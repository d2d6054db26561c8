"""argparse's own words (``usage:``, ``options``, error prefixes …) in the user's language, and
the language of a command line read before its parser is built (so ``--help`` texts, looked up
from the catalogue when the parser is built, are in that language)."""

from __future__ import annotations

import argparse
import contextlib
from collections.abc import Iterator, Sequence

from ..messages import language
from ..messages.cli_help import ARGPARSE


def _words() -> dict[str, str]:
    return {en: zh for en, zh in ARGPARSE.values()}


def _gettext(message: str) -> str:
    if language() != "zh":
        return message
    return _words().get(message, message)


def _ngettext(singular: str, plural: str, n: int) -> str:
    return _gettext(singular if n == 1 else plural)


@contextlib.contextmanager
def argparse_words() -> Iterator[None]:
    """Inside the block argparse prints its own words in the active language (it looks its
    ``_`` and ``ngettext`` up as module globals when it prints)."""
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._, argparse.ngettext = _gettext, _ngettext  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]


def preparse_lang(argv: Sequence[str]) -> str | None:
    """The ``--lang`` of a command line, wherever it stands (``geep --lang zh run …`` or
    ``geep run … --lang zh``); ``None`` without one or when its value is not en/zh (argparse
    reports that later). Arguments after ``--`` are not options."""
    found = None
    items = list(argv)
    for i, item in enumerate(items):
        if item == "--":
            break
        if item == "--lang" and i + 1 < len(items):
            found = items[i + 1]
        elif item.startswith("--lang="):
            found = item.split("=", 1)[1]
    return found if found in ("en", "zh") else None
