"""Edition status: the one ranking of ``released`` < ``provisional`` < ``draft``.

Coefficient tables, profiles, compensation schemes and trading rules all carry a status; a
result is as weak as the weakest edition it used. Every module ranks statuses with this one
(:func:`worst`, :func:`rank`); none keeps its own table.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal, get_args

#: the type of a status field (pydantic models of tables, profiles and schemes use it)
Status = Literal["released", "provisional", "draft"]
STATUSES: tuple[str, ...] = get_args(Status)
STATUS_RANK: dict[str, int] = {s: i for i, s in enumerate(STATUSES)}


def rank(status: str | None) -> int:
    """Rank of ``status`` (0 = released); a status geep does not know ranks below draft, so
    it can never pass for a stronger one."""
    return STATUS_RANK.get(status, len(STATUSES)) if status is not None else 0


def worst(statuses: Iterable[str | None], default: str = "released") -> str:
    """The weakest of ``statuses`` (``None`` entries ignored; ``default`` if there are none)."""
    out = default
    for s in statuses:
        if s is not None and rank(s) > rank(out):
            out = s
    return out


def is_released(status: str | None) -> bool:
    return status == "released"


__all__ = ["STATUSES", "STATUS_RANK", "Status", "is_released", "rank", "worst"]
