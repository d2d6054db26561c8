"""Checks a statistician runs before signing: is each number of a plausible size?

A 10⁴ slip (万元 typed as 亿元), areas in the wrong unit (亩 labelled 公顷) and a series that
jumps by a factor of five from one year to the next are warnings with the cells named — the
numbers may be right, but someone must look at them. The bounds are generous on purpose and
stated here:

* GDP per head between :data:`GDP_PER_HEAD` CNY (the poorest and richest Chinese counties of
  2000–2022 lie well inside);
* GDP per km² between :data:`GDP_PER_KM2` CNY (a sparsely settled plateau county to a city
  district);
* land-cover total over region area: when most region-years are off by one common factor
  (1/15, 15, 1/100, 100, 1/10⁴ …) the unit is the likely cause, said once;
* year on year: ×5 or more, or ÷5 or more, between two consecutive years of one series.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from ..messages import number, text
from .report import Issue

#: plausible GDP per resident [CNY person⁻¹] (lower, upper)
GDP_PER_HEAD = (1.0e3, 2.0e6)
#: plausible GDP per area [CNY km⁻²] (lower, upper)
GDP_PER_KM2 = (1.0e3, 5.0e10)
#: a series that changes by this factor between consecutive years is worth a look
JUMP = 5.0
#: unit slips between area units and the message that names them
AREA_SLIPS: dict[float, str] = {
    1 / 15: "亩 ↔ 公顷 (values ÷15)",
    15.0: "公顷 ↔ 亩 (values ×15)",
    1 / 100: "公顷 ↔ km² (values ÷100)",
    100.0: "km² ↔ 公顷 (values ×100)",
    1e-4: "m² ↔ 公顷 (values ÷10⁴)",
    1e4: "公顷 ↔ m² (values ×10⁴)",
    1 / 1500: "亩 ↔ km² (values ÷1500)",
    1500.0: "km² ↔ 亩 (values ×1500)",
}


def gdp_bounds(tables: Mapping[str, pd.DataFrame]) -> list[Issue]:
    """GDP per head and per km² against :data:`GDP_PER_HEAD` and :data:`GDP_PER_KM2`."""
    eco, reg = tables.get("economy"), tables.get("regions")
    if eco is None or reg is None or eco.empty or reg.empty:
        return []
    r = reg.drop_duplicates("region_code").assign(
        region_code=lambda d: d["region_code"].astype(str)
    )
    m = eco.assign(region_code=eco["region_code"].astype(str)).merge(
        r[[c for c in ("region_code", "population", "area") if c in r.columns]],
        on="region_code", how="inner",
    )  # fmt: skip
    out: list[Issue] = []
    checks = (
        ("population", 1.0, GDP_PER_HEAD, "plaus.gdp_per_head"),
        ("area", 100.0, GDP_PER_KM2, "plaus.gdp_per_km2"),
    )  # area in ha → per km²
    for col, to_unit, (lo, hi), code in checks:
        if col not in m.columns:
            continue
        denom = m[col].to_numpy(dtype=float) / to_unit
        ok = np.isfinite(denom) & (denom > 0)
        ratio = np.where(ok, m["gdp"].to_numpy(dtype=float) / np.where(ok, denom, 1.0), np.nan)
        bad = ok & ((ratio < lo) | (ratio > hi))
        for k in np.flatnonzero(bad):
            row = m.iloc[k]
            out.append(Issue("economy", str(row.get("gdp_ref", row["input_ref"])), "gdp",
                             f"{row['gdp']:g}", text(code, region=row["region_code"],
                             year=row["year"], value=f"{ratio[k]:.3g}", lo=f"{lo:g}", hi=f"{hi:g}"),
                             text("plaus.hint_gdp"), "warning"))  # fmt: skip
    return out


def area_slip(ratios: np.ndarray) -> tuple[float, str] | None:
    """The unit slip most of ``ratios`` (land-cover total ÷ region area) share, if any."""
    r = ratios[np.isfinite(ratios) & (ratios > 0)]
    if len(r) < 3:
        return None
    for f, label in AREA_SLIPS.items():
        near = np.abs(np.log(r / f)) < np.log(1.05)
        if near.mean() >= 0.8:
            return f, label
    return None


def jumps(tables: Mapping[str, pd.DataFrame]) -> list[Issue]:
    """Series (region × class / indicator / variable / economy column) that change by
    :data:`JUMP` or more between consecutive years: one warning per jump, both cells named."""
    series = {"land_cover": ("land_class", "area"), "quantities": ("indicator", "quantity"),
              "drivers": ("variable", "value")}  # fmt: skip
    out: list[Issue] = []
    for name, (key, value) in series.items():
        t = tables.get(name)
        if t is not None and not t.empty:
            out += _jumps(name, t, ["region_code", key], value, "input_ref")
    eco = tables.get("economy")
    if eco is not None and not eco.empty:
        for col in ("gdp", "pdc", "edc"):
            if col in eco.columns:
                ref = f"{col}_ref" if f"{col}_ref" in eco.columns else "input_ref"
                out += _jumps("economy", eco, ["region_code"], col, ref)
    return out


def _jumps(name: str, t: pd.DataFrame, keys: list[str], value: str, ref: str) -> list[Issue]:
    d = t[[*keys, "year", value, ref]].copy()
    for k in keys:
        d[k] = d[k].astype(str)
    d = d.sort_values([*keys, "year"], kind="stable").reset_index(drop=True)
    same = (d[keys].shift() == d[keys]).all(axis=1).to_numpy()
    prev = d[value].shift().to_numpy(dtype=float)
    cur = d[value].to_numpy(dtype=float)
    ok = same & (prev > 0) & (cur > 0)
    factor = np.where(ok, cur / np.where(ok, prev, 1.0), 1.0)
    hit = ok & ((factor >= JUMP) | (factor <= 1.0 / JUMP))
    out = []
    for k in np.flatnonzero(hit):
        a, b = d.iloc[k - 1], d.iloc[k]
        series = "/".join(str(b[c]) for c in keys)
        out.append(Issue(name, str(b[ref]), value, number(b[value]),
                         text("plaus.jump", series=series, column=value, y0=a["year"], y1=b["year"],
                              a=number(a[value]), b=number(b[value]), factor=number(factor[k], 3),
                              cell0=str(a[ref]), cell1=str(b[ref])),
                         text("plaus.hint_jump"), "warning"))  # fmt: skip
    return out


def check(tables: Mapping[str, pd.DataFrame]) -> list[Issue]:
    """Every plausibility check of this module."""
    return gdp_bounds(tables) + jumps(tables)


__all__ = ["AREA_SLIPS", "GDP_PER_HEAD", "GDP_PER_KM2", "JUMP", "area_slip", "check",
           "gdp_bounds", "jumps"]  # fmt: skip
