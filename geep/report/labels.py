"""What the report writes for codes and numbers: catalogue labels, display units, formats.

Every label comes from the message catalogue (:mod:`geep.messages.report`) in the active
language; a code without a label is shown as it is (a code is never hidden). Money is shown in
亿元 (10⁸ CNY) or million USD, per-capita values in 元 per person, per-km² values in 万元 per
km²; the exact values stay in ``data-v`` attributes of the table cells and in the ledger.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..messages import MESSAGES, msg

#: display scale and label code of each money unit
_MONEY = {"CNY": (1e8, "report.unit.yi"), "USD": (1e6, "report.unit.musd")}
#: colours of the categories (and of the GEEP steps), shared by every chart
COLORS = {
    "economy": "#909399",
    "provisioning": "#e6a23c",
    "regulating": "#409eff",
    "cultural": "#67c23a",
    "supporting": "#8e7cc3",
    "deduction": "#f56c6c",
    "bundled": "#b0a27a",
    "gdp": "#909399",
    "pdc": "#f56c6c",
    "edc": "#c45656",
    "ers": "#409eff",
    "geep": "#303133",
    "other": "#c0c4cc",
}


#: kinds whose labels are the shared ones of :mod:`geep.messages.labels` (workbooks and
#: report name a category or service the same way)
SHARED = ("category", "service")


def _key(kind: str, code: object) -> str:
    return f"{kind}.{code}" if kind in SHARED else f"report.{kind}.{code}"


def label(kind: str, code: object) -> str:
    """The catalogue label of a code (``category.<code>``, ``service.<code>``, or
    ``report.<kind>.<code>``), or the code itself; accounts as "ESV — ecosystem service
    value" / "生态系统服务价值（ESV）"."""
    if kind == "account":
        short, key = label("account_short", code), f"account.{code}"
        name = msg(key) if key in MESSAGES else short
        return name if name == short else msg("report.account_long", short=short, name=name)
    key = _key(kind, code)
    return msg(key) if key in MESSAGES else str(code)


def has_label(kind: str, code: object) -> bool:
    return _key(kind, code) in MESSAGES


@dataclass(frozen=True)
class Display:
    """How a money is shown: divide by ``scale``, name it ``unit`` at ``price_year``."""

    scale: float
    unit: str
    price_year: int | None

    @property
    def caption(self) -> str:
        """E.g. ``亿元，2020 年价格`` / ``100 million CNY, 2020 prices``."""
        if self.price_year is None:
            return self.unit
        return msg("report.money", unit=self.unit, year=self.price_year)


def display(unit: str, price_year: int | None) -> Display:
    """The :class:`Display` of a money unit (unknown units are shown as they are)."""
    scale, code = _MONEY.get(unit, (1.0, None))
    return Display(scale, msg(code) if code else unit, price_year)


def number(v: float | None, decimals: int = 2) -> str:
    """``1,234.56``; an en dash for a missing value."""
    if v is None or not math.isfinite(v):
        return "–"
    s = f"{v:,.{decimals}f}"
    return "0" + s[2:] if s.startswith("-0") and float(s.replace(",", "")) == 0 else s


def percent(v: float | None, decimals: int = 1) -> str:
    """``98.5 %`` of a ratio (0.985)."""
    return "–" if v is None or not math.isfinite(v) else f"{v * 100:,.{decimals}f} %"


__all__ = ["COLORS", "Display", "display", "has_label", "label", "number", "percent"]
