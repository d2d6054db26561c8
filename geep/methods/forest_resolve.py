"""The resolve step of the forest method, in parts: which indicators, which report price year,
and the θ terms of every ledger line.

:func:`geep.methods.forest.resolve_forest` runs these in order; each is plain data in, plain
data out (the catalogue is read only through the tables handed in).

Price years (the policy). A price whose price year is known is moved to the report price year
with the profile's price index (one θ entry per chain). A price whose price year is *unknown* —
the three shipped LY/T 1721-2008 prices, or a user price given without one — is never converted:

* with ``price_year=Y`` the ledger reports at ``Y`` and takes those prices as prices of ``Y``;
  this is recorded as the user's statement (a ledger warning, ``meta["forest"]["price_years"]``
  and the ``coefficient`` of every line that uses them);
* without ``price_year`` the run is refused, naming the prices and how to fix it.

Without ``price_year`` and with every price year known, the report year is their common year;
prices of several years need ``price_year``. Forest recreation revenue is money of its stand
year and is moved to the report year like a price.

References
----------
.. [1] LY/T 1721-2008 (prices: its 社会公共数据 table, not seen; see ``forest-prices``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from ..errors import MethodError, PriceYearError
from ..messages import text
from ..units import factor
from .common import chain_theta
from .forest_checks import resolve_indicators
from .forest_lines import PARTS_OF, Part
from .forest_prices import Price, SpeciesClasses
from .forest_spec import DRIVERS, INDICATORS, PRICES
from .resolved import ThetaBuilder

#: θ unit of a price key: its canonical unit, contents as fractions
_FRACTION = {"percent": "dimensionless"}


def select_indicators(
    stands: pd.DataFrame, requested: Sequence[str] | str | None, prices: Mapping[str, Any]
) -> tuple[tuple[str, ...], tuple[str, ...], dict[str, list[str]]]:
    """The indicators to value; and, when none were requested, those left out for lack of data
    and those left out for lack of a price (``{indicator: [missing price keys]}``).

    With ``requested`` given, exactly those (checked names; a missing driver or price is then
    an error). Otherwise every indicator whose drivers all have at least one value in
    ``stands`` and whose prices are all given; species conservation, which needs no driver,
    when the table has Shannon-Wiener indices or its price ``species`` is given.

    Raises
    ------
    MethodError
        An unknown indicator name, or nothing to value.
    """
    if requested is not None:
        return resolve_indicators(requested), (), {}
    have = {c for c in DRIVERS if c in stands.columns and stands[c].notna().any()}
    chosen, no_data, no_price = [], [], {}
    for name, spec in INDICATORS.items():
        if spec.drivers:
            ok = set(spec.drivers) <= have
        else:
            ok = prices.get("species") is not None or "shannon_wiener" in have
        missing = [k for k in spec.prices if prices.get(k) is None]
        if not ok:
            no_data.append(name)
        elif missing:
            no_price[name] = missing
        else:
            chosen.append(name)
    if not chosen:
        hint = text("hint.forest.no_indicator")
        if no_price:
            hint = hint + "; " + text("forest.not_priced", pairs=_pairs(no_price))
        raise MethodError(text("forest.no_indicator"), hint=hint)
    return tuple(chosen), tuple(no_data), no_price


def _pairs(no_price: Mapping[str, Sequence[str]]) -> str:
    return "; ".join(f"{n}: {', '.join(f'{k} ({PRICES[k].unit})' for k in ks)}"
                     for n, ks in no_price.items())  # fmt: skip


def not_priced_warning(no_price: Mapping[str, Sequence[str]]):
    """The ledger warning naming the indicators left out for want of a price."""
    return text("forest.not_priced", pairs=_pairs(no_price)) if no_price else None


def money_keys(names: Sequence[str]) -> list[str]:
    """Price keys (money, not parameters) the indicators use."""
    keys = [k for n in names for k in INDICATORS[n].prices if PRICES[k].kind == "price"]
    return list(dict.fromkeys(keys))


def report_year(
    prices: Mapping[str, Price | SpeciesClasses],
    keys: Sequence[str],
    price_year: int | None,
    stand_years: Sequence[int] = (),
) -> tuple[int, list[str]]:
    """The report price year and the price keys whose unknown price year it is taken as.

    ``stand_years``: the data years of money drivers (forest recreation revenue).

    Raises
    ------
    PriceYearError
        Without ``price_year``: a price of unknown price year, prices of several years, or no
        year to report at.
    """
    unknown = [k for k in keys if prices[k].price_year is None]
    if price_year is not None:
        return int(price_year), unknown
    if unknown:
        sources = "; ".join(f"{k}: {prices[k].source}" for k in unknown)
        raise PriceYearError(
            text("forest.price_year_refused", keys=", ".join(unknown), sources=sources),
            hint=text("hint.forest.price_year_refused", keys=", ".join(unknown)),
        )
    years = sorted({int(prices[k].price_year) for k in keys} or set(map(int, stand_years)))
    if len(years) != 1:
        raise PriceYearError(
            text("forest.price_years_mixed", years=", ".join(map(str, years)) or "-"),
            hint=text("hint.forest.price_years_mixed"),
        )
    return years[0], []


class Pricer:
    """θ entries of the prices and chains that the lines use (each once)."""

    def __init__(self, th: ThetaBuilder, table, prices: Mapping[str, Any], year: int,
                 stated: Sequence[str], index: Callable[[], Any]) -> None:  # fmt: skip
        self.th, self.table, self.prices, self.year = th, table, prices, year
        self.stated, self._index, self._loaded = set(stated), index, None

    def chain(self, from_year: int | None) -> list[tuple[int, int]]:
        """θ of the price-index chain ``from_year`` → report year (none if equal or unknown)."""
        if from_year is None or int(from_year) == self.year:
            return []
        if self._loaded is None:
            self._loaded = self._index()
        return [(chain_theta(self.th, self._loaded, int(from_year), self.year), 1)]

    def theta(self, key: str) -> int:
        """θ position of price ``key`` (a table row, or a user value), in its θ unit."""
        p = self.prices[key]
        unit = _FRACTION.get(PRICES[key].unit, PRICES[key].unit)
        kind = "price" if PRICES[key].kind == "price" else "parameter"
        if p.source == self.table.coefficient_ref(key):
            return self.th.add(self.table, key, unit=unit, kind=kind)
        when = "" if p.price_year is None else f" @{p.price_year}"
        return self.th.add_value(
            f"user#forest.{key}", p.value * factor(p.unit, unit), unit, evidence="user",
            source=f"{p.source}: {p.given}{when}", kind=kind,
        )  # fmt: skip

    def classes(self, key: str) -> list[int]:
        """θ positions of the classes of a Shannon-Wiener class table."""
        c: SpeciesClasses = self.prices[key]
        bounds = [*c.lower_bounds, float("inf")]
        return [
            self.th.add_value(f"user#forest.{key}[{lo:g},{hi:g})", v, PRICES[key].unit,
                              evidence="user", source=f"{c.source}: class table", kind="price")
            for lo, hi, v in zip(bounds[:-1], bounds[1:], c.values, strict=True)
        ]  # fmt: skip

    def label(self, terms: Sequence[tuple[int, int]], money: str | None) -> str | None:
        """The ``coefficient`` of lines with these terms (every θ reference, and the statement
        of the price year where one is taken as the report year)."""
        refs = ";".join(self.th.ref(k) for k, _ in terms)
        if money is not None and money in self.stated and refs:
            refs += f"|stated_price_year={self.year}"
        return refs or None


def _variant(pricer: Pricer, part: Part, pos: dict[str, int], money: str | None,
             year: int | None) -> dict[str, Any]:  # fmt: skip
    terms = [(pos[k], p) for k, p in part.terms]
    terms += pricer.chain(year)
    qterms = [(pos[k], p) for k, p in part.quantity_terms]
    pterms = [t for t in terms if t not in qterms]
    return {"terms": terms, "qterms": qterms, "pterms": pterms,
            "label": pricer.label(terms, money)}  # fmt: skip


def part_frames(pricer: Pricer, names: Sequence[str], stand_years: Sequence[int],
                profile_name: str) -> list[dict[str, Any]]:  # fmt: skip
    """One plain record per ledger part of the requested indicators: labels, units, factors
    and the θ terms of each variant (a Shannon-Wiener class, a data year of revenue)."""
    out = []
    for name in names:
        spec = INDICATORS[name]
        keys = [k for p in PARTS_OF[name] for k, _ in p.terms]
        classes = isinstance(pricer.prices.get("species"), SpeciesClasses) and "species" in keys
        pos = {k: pricer.theta(k) for k in dict.fromkeys(keys) if not (classes and k == "species")}
        money = next((k for k in keys if PRICES[k].kind == "price"), None)
        year = None if money is None else pricer.prices[money].price_year
        for part in PARTS_OF[name]:
            rec: dict[str, Any] = {
                "indicator": name, "component": part.component or None,
                "category": spec.category, "service": spec.service,
                "unit_factor": factor(part.unit, part.ledger_unit),
                "quantity_unit": part.ledger_unit, "price_unit": f"CNY/{part.ledger_unit}",
                "method": f"forest[{profile_name}] {spec.formula} [{spec.sources}]",
                "select": None, "select_keys": [],
            }  # fmt: skip
            if classes:
                c = pricer.prices["species"]
                rec["select"], rec["select_keys"] = "shannon_wiener", list(c.lower_bounds)
                rec["variants"] = [_variant(pricer, part, {"species": t}, money, c.price_year)
                                   for t in pricer.classes("species")]  # fmt: skip
            elif not part.terms:  # money of its data year (forest recreation)
                rec["select"], rec["select_keys"] = "year", sorted(set(map(int, stand_years)))
                rec["variants"] = [_variant(pricer, part, pos, None, y)
                                   for y in rec["select_keys"]]  # fmt: skip
            else:
                rec["variants"] = [_variant(pricer, part, pos, money, year)]
            out.append(rec)
    return out


def check_labels(parts: Sequence[Mapping[str, Any]]) -> None:
    """Lines that share a ``coefficient`` must share its terms (one terms entry per label)."""
    seen: dict[str, list] = {}
    for rec in parts:
        for v in rec["variants"]:
            if v["label"] is not None and seen.setdefault(v["label"], v["terms"]) != v["terms"]:
                raise MethodError(text("forest.internal_terms", label=v["label"]))


def stand_years(stands: pd.DataFrame) -> list[int]:
    """Distinct years of the stand table."""
    return sorted(int(y) for y in np.unique(stands["year"].to_numpy(dtype=np.int64)))


__all__ = ["Pricer", "check_labels", "money_keys", "not_priced_warning", "part_frames",
           "report_year", "select_indicators", "stand_years"]  # fmt: skip
