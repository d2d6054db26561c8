"""Edition status: the one ranking of ``released`` < ``provisional`` < ``draft``.

Coefficient tables, profiles, compensation schemes and trading rules all carry a status; a
result is as weak as the weakest edition it used.
"""

from __future__ import annotations

from collections.abc import Iterable

STATUSES: tuple[str, ...] = ("released", "provisional", "draft")
STATUS_RANK: dict[str, int] = {s: i for i, s in enumerate(STATUSES)}


def worst(statuses: Iterable[str | None], default: str = "released") -> str:
    """The weakest of ``statuses`` (``None`` entries ignored; ``default`` if there are none)."""
    out = default
    for s in statuses:
        if s is not None and STATUS_RANK.get(s, 0) > STATUS_RANK.get(out, 0):
            out = s
    return out


def is_released(status: str | None) -> bool:
    return status == "released"


__all__ = ["STATUSES", "STATUS_RANK", "is_released", "worst"]
