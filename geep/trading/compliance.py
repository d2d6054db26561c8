"""Compliance of holders against actual emissions, and carbon compliance with the CCER cap.

Emission rights (and water or energy-use rights against actual use)::

    covered = holdings + surrendered        (surrendered rights already count for the year)
    surplus = covered − actual              (negative = deficit)
    value   = surplus × price               (floor price, or market price)

Carbon (national ETS)::

    ccer_usable = min(CCER, cap_share × verified)        cap_share = 5 % [P] S95
    gap         = verified − allowances − ccer_usable    (> 0: shortfall, valued at the CEA price)

References
----------
compensation.md §4.5 items 5-6 (surplus or deficit valued at floor or market price: inference;
carbon identity: inference, cap [P] S95), TC-9 (1,000,000 t verified, 950,000 t allowances,
60,000 t CCER → 50,000 t usable, shortfall 0) [P] S95, S52; [D].
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

import pandas as pd

from ..errors import TradingError
from ..messages import text
from .model import to_decimal
from .rights import RIGHTS, right_id

if TYPE_CHECKING:
    from .journal import Journal

from .prices import VALUATIONS, Price, price_for  # noqa: F401  (re-exported)


def compliance(
    journal: Journal,
    actual: pd.DataFrame,
    valuation: str = "floor",
    prices: Mapping[str, float] | None = None,
    as_of: dt.date | str | None = None,
) -> pd.DataFrame:
    """Surplus or deficit of each holder against actual emissions (or use), valued.

    Parameters
    ----------
    journal
        The journal.
    actual
        ``holder, right, year, quantity`` [canonical unit of the right]: actual emissions or use.
        Carbon rights are refused here (use :func:`carbon_compliance`).
    valuation
        ``floor`` or ``market`` (see :func:`price_for`).
    prices
        User prices ``{right: CNY per unit}`` (override).
    as_of
        Count transactions on or before this day.

    Returns
    -------
    DataFrame
        ``holder, right, year, unit, holdings, surrendered, covered, actual, surplus, status
        (surplus | deficit | balanced), price [CNY/unit], value [CNY], price_year, price_ref``.
    """
    from .positions import positions

    pos = positions(journal, as_of=as_of, exact=True).set_index(["holder", "right", "vintage"])
    rows = []
    for r in actual.itertuples(index=False):
        rid = right_id(r.right)
        if RIGHTS[rid].family == "carbon":
            raise TradingError(text("trading.err.carbon_rule", right=rid, holder=r.holder),
                               hint=text("hint.trading.err.carbon_rule"))  # fmt: skip
        key = (r.holder, rid, int(r.year))
        held = pos.loc[key, "holdings"] if key in pos.index else Decimal(0)
        surrendered = pos.loc[key, "surrendered"] if key in pos.index else Decimal(0)
        covered = held + surrendered
        act = to_decimal(r.quantity)
        surplus = covered - act
        p = price_for(journal, rid, int(r.year), valuation, prices, as_of)
        rows.append({
            "holder": r.holder, "right": rid, "year": int(r.year), "unit": pos_unit(rid),
            "holdings": float(held), "surrendered": float(surrendered), "covered": float(covered),
            "actual": float(act), "surplus": float(surplus),
            "status": "surplus" if surplus > 0 else ("deficit" if surplus < 0 else "balanced"),
            "price": None if p.value is None else float(p.value),
            "value": None if p.value is None else float(surplus * p.value),
            "price_year": p.price_year, "price_ref": p.ref,
        })  # fmt: skip
    return pd.DataFrame(rows)


def pos_unit(rid: str) -> str:
    from .rights import unit_label

    return unit_label(RIGHTS[rid])


@dataclass(frozen=True)
class CarbonResult:
    """Carbon compliance of one holder-year [t CO₂e]; ``gap`` > 0 is a shortfall."""

    verified: Decimal
    allowances: Decimal
    ccer_held: Decimal
    cap_share: Decimal
    ccer_cap: Decimal
    ccer_usable: Decimal
    gap: Decimal

    @property
    def shortfall(self) -> Decimal:
        """Allowances still to be bought [t CO₂e] (0 if compliant)."""
        return max(self.gap, Decimal(0))

    @property
    def surplus(self) -> Decimal:
        """Allowances left over [t CO₂e] (0 if short)."""
        return max(-self.gap, Decimal(0))


def carbon_obligation(
    verified: Decimal | float,
    allowances: Decimal | float,
    ccer: Decimal | float,
    cap_share: Decimal | float = Decimal("0.05"),
) -> CarbonResult:
    """Carbon compliance identity (pure): ``gap = verified − allowances − min(CCER, cap × verified)``.

    All quantities [t CO₂e]; ``cap_share`` [dimensionless] (0.05 under the 2021 MEE rules, S95).

    Examples
    --------
    >>> r = carbon_obligation(1_000_000, 950_000, 60_000)   # compensation.md TC-9
    >>> (r.ccer_usable, r.shortfall)
    (Decimal('50000.00'), Decimal('0.00'))
    """

    v, a, c, s = (to_decimal(x) for x in (verified, allowances, ccer, cap_share))
    if min(v, a, c, s) < 0:
        raise TradingError(text("trading.err.carbon_negative"),
                           hint=text("hint.trading.err.carbon_negative"))  # fmt: skip
    cap = v * s
    usable = min(c, cap)
    return CarbonResult(v, a, c, s, cap, usable, v - a - usable)


def carbon_compliance(
    journal: Journal,
    verified: pd.DataFrame,
    price: float | None = None,
    as_of: dt.date | str | None = None,
) -> pd.DataFrame:
    """Carbon compliance per holder-year from the journal's CEA and CCER positions.

    ``verified``: ``holder, year, quantity`` [t CO₂e]. Allowances = CEA holdings of vintage
    ``year`` plus CEA already surrendered for it; CCER = CCER holdings (any vintage up to
    ``year``) plus CCER surrendered. The gap is valued at ``price`` or the CEA reference price
    on or before ``as_of`` (default 31 December of the year).

    Returns
    -------
    DataFrame
        ``holder, year, verified, allowances, ccer_held, ccer_cap, ccer_usable, gap, shortfall,
        surplus, status, price, shortfall_value, surplus_value, cap_ref, price_ref``.
    """
    from .positions import positions

    pos = positions(journal, as_of=as_of, exact=True)
    cap = journal.rules.ccer_cap_share()
    rows = []
    for r in verified.itertuples(index=False):
        y = int(r.year)
        mine = pos[pos["holder"] == r.holder]
        cea = mine[(mine["right"] == "carbon.cea") & (mine["vintage"] == y)]
        ccer = mine[(mine["right"] == "carbon.ccer") & (mine["vintage"] <= y)]
        allow = sum(cea["holdings"], Decimal(0)) + sum(cea["surrendered"], Decimal(0))
        held = sum(ccer["holdings"], Decimal(0)) + sum(ccer["surrendered"], Decimal(0))
        res = carbon_obligation(to_decimal(r.quantity), allow, held, cap.value)
        if price is not None:
            p = Price(to_decimal(price), "user price")
        else:
            p = price_for(journal, "carbon.cea", y, "market", None, as_of)
        pv = None if p.value is None else p.value
        status = "shortfall" if res.gap > 0 else ("surplus" if res.gap < 0 else "balanced")
        rows.append({
            "holder": r.holder, "year": y, "verified": float(res.verified),
            "allowances": float(res.allowances), "ccer_held": float(res.ccer_held),
            "ccer_cap": float(res.ccer_cap), "ccer_usable": float(res.ccer_usable),
            "gap": float(res.gap), "shortfall": float(res.shortfall), "surplus": float(res.surplus),
            "status": status, "price": None if pv is None else float(pv),
            "shortfall_value": None if pv is None else float(res.shortfall * pv),
            "surplus_value": None if pv is None else float(res.surplus * pv),
            "cap_ref": cap.ref, "price_ref": p.ref,
        })  # fmt: skip
    return pd.DataFrame(rows)
