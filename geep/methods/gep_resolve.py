"""The resolve step of the function-value GEP: prices, constants and price-index chains as θ.

Scans the input tables only for *which* indicators (and, for indicators that are money, which
data years) occur, and looks up exactly the coefficients those need; every lookup failure is
reported here, before any computation.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

from ..coefficients import CoefficientTable, profile_table
from ..errors import CoefficientNotFoundError, MethodError
from ..indicators import INDICATORS
from ..messages import text
from .common import chain_theta, profile_status_warning
from .gep_spec import MODELS, PROVISIONING_BASES, SAND_CONSTANTS, SOIL_PARTS
from .resolved import Resolved, ThetaBuilder


def _distinct(frame: pd.DataFrame | None, column: str) -> set[str]:
    if frame is None or frame.empty:
        return set()
    return set(map(str, frame[column].dropna().unique()))


def present_indicators(tables: Mapping[str, pd.DataFrame]) -> tuple[set[str], set[str]]:
    """Indicators given as quantities, and those computable from the drivers present."""
    given = _distinct(tables.get("quantities"), "indicator")
    variables = _distinct(tables.get("drivers"), "variable")
    derivable = {m.indicator for m in MODELS.values() if set(m.variables) <= variables}
    return given, derivable


def _years_by_indicator(tables: Mapping[str, pd.DataFrame]) -> dict[str, list[int]]:
    """The years each indicator of the quantities table is given for (one pass over the
    distinct (indicator, year) pairs — never a string comparison per row)."""
    q = tables.get("quantities")
    if q is None or not len(q):
        return {}
    pairs = q[["indicator", "year"]].dropna().drop_duplicates()
    out: dict[str, list[int]] = {}
    for ind, year in zip(pairs["indicator"].astype(str), pairs["year"], strict=True):
        out.setdefault(ind, []).append(int(year))
    return {k: sorted(v) for k, v in out.items()}


class _Pricer:
    """Price terms of indicators at the report year, collected into θ."""

    def __init__(self, th: ThetaBuilder, params: CoefficientTable, report_year: int, pit) -> None:
        self.th, self.params, self.report_year, self._pit = th, params, report_year, pit
        self.index: CoefficientTable | None = None

    def chain(self, from_year: int) -> list[tuple[int, int]]:
        if int(from_year) == self.report_year:
            return []
        if self.index is None:
            self.index = self._pit()
        return [(chain_theta(self.th, self.index, int(from_year), self.report_year), 1)]

    def price_terms(self, ind: str) -> list[tuple[int, int]]:
        d = INDICATORS[ind]
        p = self.params
        if d.price is None or not p.has(d.price):
            raise CoefficientNotFoundError(
                text("gep.no_price", indicator=ind, ref=p.ref, row=str(d.price)),
                table=p.id,
                edition=p.edition,
                hint=text("gep.hint_no_price"),
            )
        py = p.price_year_of(d.price)
        if py is None:
            raise MethodError(text("gep.no_price_year", ref=p.ref, row=d.price))
        if d.valuation == "sand":
            terms = [(self.th.add(p, d.price, unit="CNY/m**2", kind="price"), 1)]
            terms += [(self.th.add(p, k, unit=u, kind="constant"), -1) for k, u in SAND_CONSTANTS]
        else:
            unit = f"CNY/{d.quantity_unit}"
            terms = [(self.th.add(p, d.price, unit=unit, kind="price"), 1)]
        return terms + self.chain(py)


def _valuation_rows(pricer: _Pricer, tables, indicators: set[str]) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    th = pricer.th
    years_of = _years_by_indicator(tables)
    for ind in sorted(indicators):
        d = INDICATORS[ind]
        if d.valuation == "money":
            for year in years_of.get(ind, []):
                terms = pricer.chain(year)
                rows.append({"indicator": ind, "year": year, "terms": terms,
                             "label": ";".join(th.ref(k) for k, _ in terms) or None,
                             "price_unit": "CNY/CNY", "quantity_unit": d.quantity_unit})  # fmt: skip
            continue
        if d.valuation == "soil":
            for part, consts in SOIL_PARTS:
                sub = f"{ind}.{part}"
                price = pricer.price_terms(sub)
                extra = [(th.add(pricer.params, k, unit=u, kind="constant"), pw)
                         for k, u, pw in consts]  # fmt: skip
                rows.append({"indicator": sub, "year": None, "terms": price + extra,
                             "label": ";".join(th.ref(k) for k, _ in price),
                             "split": ";".join(th.ref(k) for k, _ in extra),
                             "price_unit": f"CNY/{INDICATORS[sub].quantity_unit}",
                             "quantity_unit": INDICATORS[sub].quantity_unit})  # fmt: skip
            continue
        terms = pricer.price_terms(ind)
        rows.append({"indicator": ind, "year": None, "terms": terms,
                     "label": ";".join(th.ref(k) for k, _ in terms),
                     "price_unit": f"CNY/{d.quantity_unit}",
                     "quantity_unit": d.quantity_unit})  # fmt: skip
    return rows


def resolve_gep(
    profile: Any,
    tables: Mapping[str, pd.DataFrame],
    options: Mapping[str, Any],
    price_year: int | None,
    overrides: Mapping[str, CoefficientTable | str] | None = None,
) -> Resolved:
    """Prices (per indicator present), model and split constants, and price-index chains."""
    if options["purification_cap"] not in ("emissions", "none"):
        raise MethodError(text("gep.bad_cap"))
    if options["provisioning_basis"] not in PROVISIONING_BASES:
        raise MethodError(text("gep.bad_basis", bases=str(PROVISIONING_BASES)),
                          hint=text("gep.hint_basis"))  # fmt: skip
    th = ThetaBuilder()
    params = profile_table(profile, "parameters", overrides)
    th.use_table(params)
    base_year = params.meta.price_year
    report_year = int(price_year) if price_year is not None else base_year
    if report_year is None:
        raise MethodError(text("gep.no_table_price_year", ref=params.ref))
    given, derivable = present_indicators(tables)
    exclude = set(options.get("exclude") or [])
    if not options["oxygen_release"]:
        exclude.add("oxygen_release")
    valued = {i for i in given | derivable
              if i not in exclude and INDICATORS[i].service not in exclude}  # fmt: skip
    pricer = _Pricer(th, params, report_year,
                     lambda: profile_table(profile, "price_index", overrides))  # fmt: skip
    rows = _valuation_rows(pricer, tables, valued)
    models = {}
    for ind in sorted(derivable):
        m = MODELS[ind]
        models[ind] = [th.add(params, k, unit=u, kind="model_constant") for k, u in m.constants]
    opts = {**options, "exclude": sorted(exclude), "price_year": report_year}
    return Resolved(
        method="gep",
        profile=profile.name,
        price_year=report_year,
        theta=th.build(),
        frames={"valuation": rows, "models": models, "exclude": sorted(exclude),
                "method_label": f"gep.function_value[{profile.name}]",
                "basis": options["provisioning_basis"], "cap": options["purification_cap"]},
        tables=th.tables,
        options=opts,
        status=profile.status,
        meta={"profile_warning": profile_status_warning(profile)},
    )  # fmt: skip


__all__ = ["present_indicators", "resolve_gep"]
