"""Unit prices for valuing rights: a user price, the carbon reference price on a day, the
floor price of the pinned rules, or the journal's own market price.

References
----------
compensation.md §4.5 items 5-6 (surplus or deficit valued at floor or market price:
inference).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from ..errors import TradingError
from ..messages import msg, text
from .model import to_decimal
from .rights import RIGHTS, right_id, right_name

if TYPE_CHECKING:
    from .journal import Journal

VALUATIONS = ("floor", "market")


@dataclass(frozen=True)
class Price:
    """A unit price [CNY per canonical unit] with where it came from (``value`` None: no price,
    ``ref`` says why)."""

    value: Decimal | None
    ref: str
    price_year: int | None = None


def price_for(
    journal: Journal,
    right: str,
    vintage: int,
    valuation: str = "floor",
    prices: Mapping[str, float] | None = None,
    as_of: dt.date | str | None = None,
) -> Price:
    """Unit price of ``right`` for valuing positions.

    Order: a user price in ``prices`` (``{right: CNY per unit}``); carbon rights: the reference
    price on or before ``as_of`` (default: 31 December of ``vintage``); emission rights: the floor
    price (``valuation="floor"``) or the quantity-weighted average price of the journal's trades
    of that right and vintage (``valuation="market"``, inference).
    """
    if valuation not in VALUATIONS:
        raise TradingError(text("trading.err.valuation", valuation=valuation,
                                options=", ".join(VALUATIONS)),
                           hint=text("hint.trading.err.valuation"))  # fmt: skip
    rid = right_id(right)
    if prices and (rid in prices or right in prices):
        v = prices.get(rid, prices.get(right))
        return Price(to_decimal(v), "user price", None)  # a reference (code), not a text
    family = RIGHTS[rid].family
    if family == "carbon":
        day = as_of or f"{vintage}-12-31"
        mp = journal.rules.market_price(rid, day)
        if mp is None:
            return Price(None, msg("trading.price.no_reference", right=right_name(rid), day=day))
        return Price(mp.value, mp.ref, mp.price_year)
    if valuation == "floor":
        fl = journal.rules.floor(rid)
        if fl is None:
            return Price(None, msg("trading.price.no_floor", right=right_name(rid),
                                     table=journal.rules.floor_prices.ref))  # fmt: skip
        return Price(fl.value, fl.ref, fl.price_year)
    trades = [
        t for t in journal.transactions
        if t.type == "trade" and t.right == rid and t.vintage == vintage
        and (as_of is None or t.date <= dt.date.fromisoformat(str(as_of)))
    ]  # fmt: skip
    reversed_ = {t.reverses for t in journal.transactions if t.type == "reversal"}
    trades = [t for t in trades if t.id not in reversed_]
    if not trades:
        return Price(None, msg("trading.price.no_trade", right=right_name(rid),
                               vintage=vintage))  # fmt: skip
    q = sum((t.quantity for t in trades), Decimal(0))
    v = sum((t.quantity * t.price for t in trades), Decimal(0))
    years = {t.date.year for t in trades}
    return Price(v / q, f"journal: quantity-weighted mean of {len(trades)} trade(s)",
                 years.pop() if len(years) == 1 else None)  # fmt: skip
