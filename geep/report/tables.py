"""The tables a bureau publishes: the wide GEEP table, headline figures per year, composition.

Values stay in the ledger's money (CNY at its price year); presentation units (万元, 亿元) are
the writer's business. Deductions are shown as the positive costs of the identity
GEEP = GDP − PDC − EDC + ERS (the ledger's lines carry them negative).

References
----------
.. [1] 王金南, 马国霞, 於方, 等. 2015年中国经济—生态生产总值核算研究. 中国人口·资源与环境 2018,
   28(2):1-7 (GEEP, its components and GEEP/GDP).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..errors import MethodError, PriceYearError
from ..ledger import CATEGORY_ORDER, Ledger
from ..messages import text

#: accounts of the wide table, with the columns they give
TABLE_ACCOUNTS = ("GEEP", "GEP", "ESV")
#: GEEP services and the sign that turns their line value into the table's (costs positive)
GEEP_PARTS = (("gdp", 1.0), ("pdc", -1.0), ("edc", -1.0), ("ers", 1.0))
#: hectares per square kilometre
HA_PER_KM2 = 100.0


@dataclass(frozen=True)
class Money:
    """The money of some accounts: a currency unit and a price year."""

    unit: str
    price_year: int | None
    accounts: tuple[str, ...]


def money_groups(ledger: Ledger | pd.DataFrame) -> list[Money]:
    """Accounts grouped by (money unit, price year), the group of most lines first.

    Raises
    ------
    PriceYearError
        If one account has lines in two kinds of money (it cannot be shown as one figure).
    """
    f = ledger._lines if isinstance(ledger, Ledger) else ledger
    m = pd.DataFrame({"account": f["account"].astype(str).to_numpy(),
                      "unit": f["value_unit"].astype(object).fillna("").astype(str).to_numpy(),
                      "py": f["price_year"].astype("Int64").to_numpy()})  # fmt: skip
    per = m.value_counts(["account", "unit", "py"], dropna=False).reset_index(name="n")
    twice = per["account"][per["account"].duplicated()].unique()
    if len(twice):
        acc = str(twice[0])
        sub = per[per["account"] == acc]
        money = ", ".join(f"{u} {p}" for u, p in zip(sub["unit"], sub["py"], strict=True))
        raise PriceYearError(text("report.account_two_moneys", account=acc, money=money),
                             hint=text("ledger.hint_mixed_money"))  # fmt: skip
    groups = []
    for (unit, py), g in per.groupby(["unit", "py"], dropna=False, sort=True):
        year = None if pd.isna(py) else int(py)
        groups.append((-int(g["n"].sum()), Money(unit, year, tuple(sorted(g["account"])))))
    return [g for _, g in sorted(groups, key=lambda t: (t[0], t[1].unit, t[1].price_year or 0))]


def _names(f: pd.DataFrame) -> pd.Series:
    n = f[["region_code", "region_name"]].astype(object).dropna().drop_duplicates("region_code")
    return n.set_index(n["region_code"].astype(str))["region_name"]


def _sum_by(f: pd.DataFrame, mask: np.ndarray, name: str, sign: float = 1.0) -> pd.Series:
    sub = f.loc[mask, ["region_code", "year", "value"]]
    key = [sub["region_code"].astype(str), sub["year"]]
    return (sign * sub.groupby(key, sort=True)["value"].sum()).rename(name)


def geep_table(ledger: Ledger, regions: pd.DataFrame | None = None) -> pd.DataFrame:
    """The wide GEEP table: one row per region and year.

    Columns (those whose account the ledger has): ``region_code, region_name, year``; GEEP:
    ``gdp, pdc, edc, ers, geep`` [CNY] and ``geep_gdp`` [ratio]; ``gep``, ``esv`` [CNY];
    with ``regions``: ``population`` [persons], ``area_km2`` [km²], ``geep_per_capita``,
    ``gep_per_capita`` [CNY/person], ``gep_per_km2``, ``esv_per_km2`` [CNY/km²]. PDC and EDC are
    positive costs: ``geep = gdp − pdc − edc + ers``.

    Parameters
    ----------
    ledger
        A ledger with GEEP, GEP and/or ESV lines in one money (CNY at one price year).
    regions
        ``region_code, area`` [ha]``, population`` [persons] (an input regions table, or
        :func:`geep.report.rollup.rollup_regions` for a rolled-up ledger).

    Returns
    -------
    DataFrame
        ``attrs``: ``value_unit`` ("CNY"), ``price_year``, ``units`` (column → unit).

    Raises
    ------
    MethodError
        If the ledger has none of the accounts GEEP, GEP, ESV.
    PriceYearError
        If those accounts are not all CNY at one price year.
    """
    f = ledger._lines
    acc = f["account"].astype(str)
    present = [a for a in TABLE_ACCOUNTS if (acc == a).any()]
    if not present:
        raise MethodError(text("report.table_no_accounts", accounts=", ".join(TABLE_ACCOUNTS)))
    f = f[acc.isin(present).to_numpy()]
    acc = f["account"].astype(str).to_numpy()
    money = money_groups(f)
    if len(money) != 1 or money[0].unit != "CNY":
        shown = "; ".join(f"{', '.join(m.accounts)}: {m.unit} {m.price_year}" for m in money)
        raise PriceYearError(text("report.table_money", money=shown),
                             hint=text("report.hint_table_money"))  # fmt: skip
    service = f["service"].astype(str).to_numpy()
    cols: list[pd.Series] = []
    units: dict[str, str] = {}
    if "GEEP" in present:
        for s, sign in GEEP_PARTS:
            cols.append(_sum_by(f, (acc == "GEEP") & (service == s), s, sign))
        cols.append(_sum_by(f, acc == "GEEP", "geep"))
    for a in ("GEP", "ESV"):
        if a in present:
            cols.append(_sum_by(f, acc == a, a.lower()))
    wide = pd.concat(cols, axis=1).sort_index()
    wide.index.names = ["region_code", "year"]
    if "GEEP" in present:
        wide[["gdp", "pdc", "edc", "ers"]] = wide[["gdp", "pdc", "edc", "ers"]].fillna(0.0)
        wide.insert(5, "geep_gdp", wide["geep"] / wide["gdp"].where(wide["gdp"] != 0))
    units.update({c: "CNY" for c in wide.columns if c != "geep_gdp"})
    if "geep_gdp" in wide:
        units["geep_gdp"] = "1"
    out = wide.reset_index()
    out.insert(1, "region_name", out["region_code"].map(_names(f)).fillna("").astype(str))
    if regions is not None:
        out = _per_unit(out, regions, units)
    out.attrs.update(value_unit="CNY", price_year=money[0].price_year, units=units)
    return out


def _per_unit(out: pd.DataFrame, regions: pd.DataFrame, units: dict[str, str]) -> pd.DataFrame:
    r = regions.assign(region_code=regions["region_code"].astype(str))
    r = r.drop_duplicates("region_code").set_index("region_code")
    code = out["region_code"]
    if "population" in r:
        pop = code.map(pd.to_numeric(r["population"], errors="coerce"))
        out["population"] = pop.to_numpy()
        units["population"] = "person"
        for a in ("geep", "gep"):
            if a in out:
                out[f"{a}_per_capita"] = out[a] / pop.where(pop > 0)
                units[f"{a}_per_capita"] = "CNY/person"
    if "area" in r:
        km2 = code.map(pd.to_numeric(r["area"], errors="coerce")) / HA_PER_KM2
        out["area_km2"] = km2.to_numpy()
        units["area_km2"] = "km**2"
        for a in ("gep", "esv"):
            if a in out:
                out[f"{a}_per_km2"] = out[a] / km2.where(km2 > 0)
                units[f"{a}_per_km2"] = "CNY/km**2"
    return out


def headline(ledger: Ledger) -> pd.DataFrame:
    """Headline figures per year (never added across years): one row per account, measure
    and year.

    Measures: ``total`` of every account; per category of ESV and GEP; for GEEP the parts
    ``gdp, pdc, edc, ers`` (costs positive) and ``geep_gdp`` [ratio]. Columns ``account,
    measure, year, value, unit, price_year``.
    """
    f = ledger._lines
    acc = f["account"].astype(str).to_numpy()
    cat = f["category"].astype(str).to_numpy()
    svc = f["service"].astype(str).to_numpy()
    money = {a: m for m in money_groups(ledger) for a in m.accounts}
    rows = []
    years = f["year"].to_numpy()
    for a in sorted(money, key=_account_order):
        in_a = acc == a
        for y in sorted(set(years[in_a].tolist())):
            sel = in_a & (years == y)
            v = f["value"].to_numpy()[sel]
            total = float(v.sum())
            parts: list[tuple[str, float]] = [("total", total)]
            if a == "GEEP":
                s = svc[sel]
                part = {k: sign * float(v[s == k].sum()) for k, sign in GEEP_PARTS}
                parts = [*part.items(), ("total", total)]
                if part["gdp"]:
                    parts.append(("geep_gdp", total / part["gdp"]))
            elif a in ("GEP", "ESV"):
                c = cat[sel]
                order = [k for k in CATEGORY_ORDER if (c == k).any()]
                order += sorted(set(c.tolist()) - set(order))
                parts += [(f"category:{k}", float(v[c == k].sum())) for k in order]
            for measure, value in parts:
                m = money[a]
                unit = "1" if measure == "geep_gdp" else m.unit
                rows.append((a, measure, int(y), value, unit, m.price_year))
    return pd.DataFrame(rows, columns=["account", "measure", "year", "value", "unit", "price_year"])


def _account_order(a: str) -> tuple[int, str]:
    order = ("GEEP", "GEP", "ESV", "BT")
    return (order.index(a) if a in order else len(order), a)


def composition(ledger: Ledger, account: str, year: int) -> pd.DataFrame:
    """Value by category and service of one account in one year (all regions).

    Columns ``category, service, value, share``; ``share`` is of the account total and left
    empty when some parts are negative (a share of a mixed-sign total misleads).
    """
    f = ledger._lines
    sel = (f["account"].astype(str) == account).to_numpy() & (f["year"].to_numpy() == year)
    sub = f.loc[sel, ["category", "service", "value"]]
    g = sub.groupby([sub["category"].astype(str), sub["service"].astype(str)], sort=True)
    out = g["value"].sum().rename("value").reset_index()
    rank = {c: i for i, c in enumerate(CATEGORY_ORDER)}
    out["_r"] = out["category"].map(lambda c: rank.get(c, len(rank)))
    out = out.sort_values(["_r", "value"], ascending=[True, False], kind="stable")
    out = out.drop(columns="_r").reset_index(drop=True)
    total = float(out["value"].sum())
    mixed = bool((out["value"] < 0).any())
    out["share"] = np.nan if mixed or total == 0 else out["value"] / total
    return out


def top_n(values: pd.Series, n: int) -> tuple[pd.Series, float | None, int]:
    """The ``n`` largest values, the sum of the others and how many they are (``None``, 0 when
    at most one would be left over). A ranking of 117 counties stays readable this way."""
    s = values.sort_values(ascending=False, kind="stable")
    if len(s) <= n + 1:
        return s, None, 0
    return s.iloc[:n], float(s.iloc[n:].sum()), len(s) - n


__all__ = [
    "GEEP_PARTS",
    "TABLE_ACCOUNTS",
    "Money",
    "composition",
    "geep_table",
    "headline",
    "money_groups",
    "top_n",
]
