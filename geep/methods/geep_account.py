"""Gross Economic-Ecological Product: GEEP = GDP − PDC − EDC + ERS.

ERS is the *regulating-service subtotal* of a GEP ledger — never the whole GEP, because
provisioning and cultural services are already inside GDP. National (or any aggregate) GEEP
is the sum of regional GEEPs (the 2015 national identity uses the sum of provincial GDPs).

References
----------
.. [1] 王金南, 马国霞, 於方, 等. 2015年中国经济—生态生产总值核算研究. 中国人口·资源与环境 2018,
   28(2):1-7, doi:10.12062/cpre.20180101.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from ..coefficients import CoefficientTable, load
from ..errors import MethodError, PriceYearError
from ..inputs import Inputs
from ..ledger import Ledger, merge_meta
from .common import chain_ref, coerce_table, index_factor

LINES = (
    ("gdp", "economy", 1.0, "GDP"),
    ("pdc", "deduction", -1.0, "pollution damage cost (污染损失成本)"),
    ("edc", "deduction", -1.0, "ecological damage cost (生态破坏成本)"),
    ("ers", "regulating", 1.0, "regulating services of GEP (生态调节服务价值)"),
)


def geep_kernel(economy: pd.DataFrame, ers: pd.DataFrame) -> pd.DataFrame:
    """Pure kernel: four signed lines per region-year.

    ``economy``: ``region_code, year, gdp, pdc, edc`` [CNY]; ``ers``: ``region_code, year,
    ers`` [CNY]. Returns ``region_code, year, service, category, value`` with PDC and EDC
    negative.
    """
    m = economy.merge(ers, on=["region_code", "year"], how="inner", validate="one_to_one")
    parts = []
    for name, cat, sign, _ in LINES:
        parts.append(
            pd.DataFrame(
                {
                    "region_code": m["region_code"],
                    "year": m["year"],
                    "service": name,
                    "category": cat,
                    "value": sign * m[name].to_numpy(dtype=float),
                }
            )
        )
    return pd.concat(parts, ignore_index=True)


def geep(
    gep_ledger: Ledger,
    economy: Inputs | pd.DataFrame,
    *,
    price_year: int | None = None,
    price_index: CoefficientTable | str = "cpi-china@nbs-annual",
) -> Ledger:
    """GEEP ledger: GDP (+), PDC (−), EDC (−), ERS (+) per region-year.

    Parameters
    ----------
    gep_ledger
        A GEP ledger; its regulating subtotal per region-year is ERS.
    economy
        Economy table (``region_code, year, gdp, pdc, edc`` + unit and ``price_year``).
    price_year
        Report price year. If omitted, the economy and GEP price years must agree; if given,
        both are converted with ``price_index`` and the conversion is recorded per line.
    price_index
        Index table used for conversions.

    Raises
    ------
    PriceYearError
        If price years differ and no ``price_year`` was given.
    MethodError
        If a region-year is in one input but not the other (no silent drop), or the GEP
        ledger has no regulating lines.
    """
    eco, names = coerce_table(economy, "economy")
    gl = gep_ledger.lines
    gl = gl[gl["account"] == "GEP"]
    if gl.empty:
        raise MethodError("the GEP ledger has no GEP lines", hint="pass the result of geep.gep()")
    reg = gl[gl["category"] == "regulating"]
    if gl["value_unit"].nunique() != 1 or gl["value_unit"].iloc[0] != "CNY":
        raise PriceYearError("the GEP ledger is not in CNY", hint="GEEP is computed in CNY")
    gep_years = sorted(int(y) for y in gl["price_year"].dropna().astype(int).unique())
    if len(gep_years) != 1:
        raise PriceYearError(f"the GEP ledger mixes price years {gep_years}")
    gep_py = gep_years[0]
    ers = reg.groupby(["region_code", "year"], sort=True)["value"].sum().rename("ers").reset_index()
    # region-years with GEP but no regulating lines have ERS 0 — say so
    all_ry = gl[["region_code", "year"]].drop_duplicates()
    ers = all_ry.merge(ers, on=["region_code", "year"], how="left")
    warnings: list[str] = []
    if ers["ers"].isna().any():
        warnings.append(
            f"{int(ers['ers'].isna().sum())} region-year(s) have no regulating lines: ERS = 0"
        )
        ers["ers"] = ers["ers"].fillna(0.0)

    key = ["region_code", "year"]
    left = eco[key].merge(ers[key], how="outer", indicator=True)
    only_e = left[left["_merge"] == "left_only"][key].values.tolist()
    only_g = left[left["_merge"] == "right_only"][key].values.tolist()
    if only_e or only_g:
        raise MethodError(
            f"region-years do not match: economy only {only_e[:5]}, GEP only {only_g[:5]}",
            hint="give economy figures for exactly the region-years of the GEP ledger",
        )
    eco_years = sorted(int(y) for y in eco["price_year"].astype(int).unique())
    target = price_year
    if target is None:
        if eco_years != [gep_py]:
            raise PriceYearError(
                f"economy figures are at price year(s) {eco_years} but the GEP ledger at {gep_py}",
                hint="pass price_year=... (CLI: --price-year) to convert both explicitly with "
                "a price index",
            )
        target = gep_py
    target = int(target)
    idx = price_index if isinstance(price_index, CoefficientTable) else None
    used_tables: dict[str, str] = {}
    eco = eco.copy()
    eco_coef = pd.Series("", index=eco.index, dtype=object)
    for py in eco_years:
        if py != target:
            idx = idx or load(price_index)
            f = index_factor(idx, py, target)
            m = eco["price_year"].astype(int) == py
            eco.loc[m, ["gdp", "pdc", "edc"]] = eco.loc[m, ["gdp", "pdc", "edc"]] * f
            eco_coef[m] = chain_ref(idx, py, target)
    ers_coef = "GEP ledger regulating subtotal"
    if gep_py != target:
        idx = idx or load(price_index)
        ers = ers.assign(ers=ers["ers"] * index_factor(idx, gep_py, target))
        ers_coef += ";" + chain_ref(idx, gep_py, target)
    if idx is not None:
        used_tables[idx.ref] = idx.sha256

    lines = geep_kernel(eco[[*key, "gdp", "pdc", "edc"]], ers)
    refs = eco.set_index(key)["input_ref"]
    coefs = eco.assign(_c=eco_coef).set_index(key)["_c"]
    mi = pd.MultiIndex.from_frame(lines[key])
    lines["input_ref"] = np.where(
        lines["service"] == "ers", "gep_ledger", refs.reindex(mi).to_numpy()
    )
    lines["coefficient"] = np.where(
        lines["service"] == "ers", ers_coef, coefs.reindex(mi).to_numpy()
    )
    gep_names = dict(zip(gl["region_code"], gl["region_name"], strict=False))
    out = pd.DataFrame(
        {
            "region_code": lines["region_code"],
            "region_name": lines["region_code"]
            .astype("category")
            .map(lambda r: names.get(r) or gep_names.get(r, "")),
            "year": lines["year"],
            "account": "GEEP",
            "category": lines["category"],
            "service": lines["service"],
            "indicator": lines["service"],
            "quantity": np.nan,
            "quantity_unit": None,
            "price": np.nan,
            "price_unit": None,
            "value": lines["value"],
            "value_unit": "CNY",
            "price_year": target,
            "method": "geep.identity",
            "coefficient": lines["coefficient"].replace("", None),
            "input_ref": lines["input_ref"],
        }
    )
    meta = merge_meta([gep_ledger.meta, {"tables": used_tables, "warnings": warnings}])
    meta["method"] = "GEEP = GDP − PDC − EDC + ERS (ERS = GEP regulating subtotal)"
    return Ledger(out, meta)


def aggregate(
    ledger: Ledger, mapping: Mapping[str, str], names: Mapping[str, str] | None = None
) -> Ledger:
    """Sum lines of regions into parent regions (``mapping``: region_code → parent code).

    National GEEP = Σ provincial GEEPs: aggregate the GEEP ledger, do not recompute from
    aggregate GDP. Every region must be mapped (no silent drop).
    """
    lines = ledger.lines
    missing = sorted(set(lines["region_code"]) - set(mapping))
    if missing:
        raise MethodError(f"regions without a parent in the mapping: {missing[:10]}")
    lines["region_code"] = lines["region_code"].map(mapping)
    lines["region_name"] = lines["region_code"].map(lambda r: (names or {}).get(r, ""))
    keys = [
        "region_code",
        "region_name",
        "year",
        "account",
        "category",
        "service",
        "indicator",
        "value_unit",
        "price_year",
        "method",
    ]
    agg = (
        lines.groupby(keys, sort=True, dropna=False)
        .agg(
            value=("value", "sum"),
            input_ref=("input_ref", lambda s: f"sum of {len(s)} lines"),
        )
        .reset_index()
    )
    agg["quantity"] = np.nan
    agg["price"] = np.nan
    agg["quantity_unit"] = None
    agg["price_unit"] = None
    agg["coefficient"] = "aggregate"
    return Ledger(agg, dict(ledger.meta))


__all__ = ["aggregate", "geep", "geep_kernel"]
