"""Indices of land-use change studies: ESV per unit area, value shares, EQI and the CS index.

* :func:`per_area` — value per unit area by ecosystem type (or of the whole region) [money ha⁻¹];
* :func:`value_shares` — share of each ecosystem type (or service, category) in the total;
* :func:`eqi` — ecological quality index :math:`\\mathrm{EQI} = \\sum_k (A_k / TA)\\, V_k` with
  the relative value :math:`V_k = VC_k / \\sum_j VC_j` of class k;
* :func:`cs_index` — the one-at-a-time coefficient of sensitivity
  :math:`CS = (\\Delta ESV / ESV) / (\\Delta VC_k / VC_k)` for a ±50 % change of the unit value
  of one class. For a value that is linear in the unit values (equivalent factors, benefit
  transfer, function-value prices) CS equals the class's value share whatever the step; it
  restates the composition of the total and says nothing about how uncertain the
  coefficients are (see :mod:`geep.uncertainty` for a global analysis).

References
----------
宋永永, 薛东前, 代兰海, 夏四友, 黄小刚 (2018). 晋陕蒙典型化石能源开发区土地利用变化及其生态响应.
干旱区地理 (ChinaXiv 201809.00013), eq. for EV_t and Table 4 (EQI).
Kreuter U.P., Harris H.G., Matlock M.D., Lacey R.E. (2001). Change in ecosystem service values in
the San Antonio area, Texas. Ecological Economics 39(3):333-346 — the usual citation for the CS
coefficient (unverified here).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from ..errors import InputError
from ..ledger import Ledger
from ..messages import text
from . import inputs as I
from .ledgers import areas, lines_of, money_basis, type_values
from .ledgers import unit_values as _by_type

ZERO_VALUE = ("built_up",)


def per_area(
    ledger: Ledger,
    land_cover: pd.DataFrame | None = None,
    *,
    by: str | None = "ecosystem_type",
    zero_value: Sequence[str] = ZERO_VALUE,
) -> pd.DataFrame:
    """Value per unit area [money ha⁻¹ a⁻¹] by ecosystem type, or of each region (``by=None``).

    Parameters
    ----------
    ledger
        An ESV, benefit-transfer or GEP ledger (``ecosystem_type`` lines for ``by=
        "ecosystem_type"``).
    land_cover
        Areas (``region_code, year, land_class, area`` + unit). Default: the ledger's area
        quantities (ESV, BT) — which leave out classes the method does not value, so the
        per-region figure then covers the valued classes only (flagged).
    by
        ``"ecosystem_type"`` or ``None`` (value of the region / its total area).
    zero_value
        Classes with an area but no ledger lines, valued at 0 (default: ``built_up``).

    Returns
    -------
    pandas.DataFrame
        ``region_code, year, [ecosystem_type], area [ha], value, value_per_area, value_unit,
        price_year, flags``.
    """
    lines = lines_of(ledger)
    unit, py = money_basis([lines])
    uv = _by_type(type_values(lines), areas(lines, land_cover), zero_value, "ledger")
    if by is None:
        g = uv.groupby(["region_code", "year"], sort=True)
        uv = g[["area", "value"]].sum().reset_index()
        uv["flags"] = "" if land_cover is not None else "valued_classes_only"
    elif by != "ecosystem_type":
        raise InputError(text("seea.bad_by", by=by, options="ecosystem_type, None"),
                         hint=text("seea.hint_bad_by"))  # fmt: skip
    with np.errstate(divide="ignore", invalid="ignore"):
        uv["value_per_area"] = np.where(uv["area"] > 0, uv["value"] / uv["area"], np.nan)
    uv["value_unit"] = f"{unit}/ha"
    uv["price_year"] = py
    cols = ["region_code", "year", *(["ecosystem_type"] if by else []), "area", "value",
            "value_per_area", "value_unit", "price_year", "flags"]  # fmt: skip
    return uv[cols].reset_index(drop=True)


def value_shares(ledger: Ledger, by: str | Sequence[str] = "ecosystem_type") -> pd.DataFrame:
    """Share [–] of each group (ecosystem type, service, category …) in the value of its
    region and year.

    Returns
    -------
    pandas.DataFrame
        ``region_code, year, <by…>, value, total, share, value_unit, price_year, flags``;
        ``flags`` is ``mixed_sign`` where the region-year has negative lines (shares are then
        not bounded by 0 and 1).
    """
    lines = lines_of(ledger)
    unit, py = money_basis([lines])
    keys = [by] if isinstance(by, str) else list(by)
    bad = [k for k in keys if k not in lines.columns]
    if bad:
        raise InputError(text("seea.bad_by", by=bad, options=", ".join(lines.columns)),
                         hint=text("seea.hint_bad_by"))  # fmt: skip
    g = lines.groupby(["region_code", "year", *keys], sort=True, observed=True)["value"].sum()
    out = g.rename("value").reset_index()
    tot = lines.groupby(["region_code", "year"], sort=True)["value"]
    out = out.merge(tot.sum().rename("total").reset_index(), on=["region_code", "year"])
    neg = tot.min().lt(0).rename("neg").reset_index()
    out = out.merge(neg, on=["region_code", "year"])
    with np.errstate(divide="ignore", invalid="ignore"):
        out["share"] = np.where(out["total"] != 0, out["value"] / out["total"], np.nan)
    out["value_unit"] = unit
    out["price_year"] = py
    out["flags"] = np.where(out.pop("neg"), "mixed_sign", "")
    return out


def _unit_value_table(unit_values_: pd.DataFrame | Mapping[str, float] | pd.Series) -> pd.Series:
    """Unit values [CNY ha⁻¹ a⁻¹] by ecosystem type from a mapping or a frame (+ unit)."""
    frame = I.as_frame(unit_values_, "ecosystem_type", "value")
    df, hunit = I.canonical_columns(frame, "unit_values", ("ecosystem_type", "value"), ("unit",))
    vals = I.numbers(df, "unit_values", "value")
    if "unit" in df.columns or hunit:
        vals = vals * I.to_unit_factors(df, "unit_values", hunit, "CNY/ha", "unit value")
    types = I.codes(df, "unit_values", "ecosystem_type")
    I.duplicates(pd.DataFrame({"ecosystem_type": types}), "unit_values", ["ecosystem_type"])
    return pd.Series(vals, index=types, name="unit_value")


def _pooled_unit_values(uv: pd.DataFrame) -> pd.Series:
    g = uv.dropna(subset=["unit_value"]).groupby("ecosystem_type", sort=False)["unit_value"]
    lo, hi = g.min(), g.max()
    bad = (hi - lo) > 1e-9 * np.maximum(hi.abs(), 1.0)
    if bad.any():
        k = bad[bad].index[0]
        raise InputError(text("seea.unit_values_vary", cls=k, lo=lo[k], hi=hi[k]),
                         hint=text("seea.hint_unit_values_vary"))  # fmt: skip
    return hi


def eqi(
    data: Ledger | pd.DataFrame,
    unit_values: pd.DataFrame | Mapping[str, float] | pd.Series | None = None,
    *,
    land_cover: pd.DataFrame | None = None,
    zero_value: Sequence[str] = ZERO_VALUE,
) -> pd.DataFrame:
    """Ecological quality index per region and year, with each class's contribution.

    :math:`\\mathrm{EQI} = \\sum_k (A_k / TA)\\, V_k`, :math:`V_k = VC_k / \\sum_j VC_j`, the
    sum over every class of the unit-value table (classes valued at 0 included) and TA the
    total area of the region.

    Parameters
    ----------
    data
        A land-cover table (with ``unit_values``) or a ledger (unit values = the ledger's value
        per area of each type, which must be the same in every region and year).
    unit_values
        ``{class: VC}`` [CNY ha⁻¹ a⁻¹], or a frame ``ecosystem_type, value`` (+ unit, e.g.
        元/hm2).
    land_cover
        With a ledger: the areas, including classes the ledger does not value.
    zero_value
        Classes valued at 0 when they have no unit value (default ``built_up``).

    Returns
    -------
    pandas.DataFrame
        ``region_code, year, ecosystem_type, area [ha], area_share, unit_value,
        relative_value, eqi`` — one row per class and a ``total`` row per region and year.

    References
    ----------
    宋永永 et al. (2018), ChinaXiv 201809.00013, EV_t and Table 4.
    """
    if isinstance(data, Ledger):
        lines = lines_of(data)
        money_basis([lines])
        uv = _by_type(type_values(lines), areas(lines, land_cover), zero_value, "ledger")
        vc = _unit_value_table(unit_values) if unit_values is not None else _pooled_unit_values(uv)
        area = uv.set_index(["region_code", "year", "ecosystem_type"])["area"]
    else:
        from .extent import read_land_cover

        if unit_values is None:
            raise InputError(text("seea.eqi_needs_values"), hint=text("seea.hint_eqi_values"))
        vc = _unit_value_table(unit_values)
        lc = read_land_cover(data)
        area = lc.groupby(["region_code", "year", "ecosystem_type"], sort=False)["area"].sum()
    return _eqi_kernel(area, vc, zero_value)


def _eqi_kernel(area: pd.Series, vc: pd.Series, zero_value: Sequence[str]) -> pd.DataFrame:
    classes = set(area.index.get_level_values("ecosystem_type"))
    unknown = sorted(classes - set(vc.index) - set(zero_value))
    if unknown:
        raise InputError(text("seea.eqi_unknown_class", classes=unknown),
                         hint=text("seea.hint_eqi_values"))  # fmt: skip
    extra = [k for k in zero_value if k in classes and k not in vc.index]
    vc = pd.concat([vc, pd.Series(0.0, index=extra)])
    total_vc = vc.sum()
    if not total_vc > 0:
        raise InputError(text("seea.eqi_zero_total"), hint=text("seea.hint_eqi_values"))
    out = area.rename("area").reset_index()
    ta = out.groupby(["region_code", "year"], sort=False)["area"].transform("sum")
    out["area_share"] = out["area"] / ta
    out["unit_value"] = out["ecosystem_type"].map(vc).to_numpy(dtype=float)
    out["relative_value"] = out["unit_value"] / total_vc
    out["eqi"] = out["area_share"] * out["relative_value"]
    tot = out.groupby(["region_code", "year"], sort=False)[["area", "area_share", "eqi"]].sum()
    tot = tot.reset_index().assign(ecosystem_type="total", unit_value=np.nan, relative_value=np.nan)
    both = pd.concat([out, tot[out.columns]], ignore_index=True)
    both["_t"] = (both["ecosystem_type"] == "total").astype(int)
    both = both.sort_values(["region_code", "year", "_t"], kind="stable").drop(columns="_t")
    return both.reset_index(drop=True)


def cs_index(ledger: Ledger, *, by: str = "ecosystem_type", step: float = 0.5) -> pd.DataFrame:
    """One-at-a-time coefficient of sensitivity of the total value to each class's unit value.

    The unit value (VC) of one group ``k`` is changed by ±``step`` (default 50 %) and the total
    recomputed from the ledger lines (exact: every line is linear in its unit value):
    :math:`CS_k = (\\Delta V / V) / (\\Delta VC_k / VC_k)`.

    Returns
    -------
    pandas.DataFrame
        ``region_code, year, <by>, value_k, total, total_up, total_down, cs_up, cs_down``.

    Notes
    -----
    For a total that is linear in the unit values, CS equals the group's value share
    :math:`V_k / V` for any step: CS < 1 (for positive values) is then a property of the sum,
    not evidence that the result is robust, and it says nothing about which coefficient is
    uncertain. Use :func:`geep.uncertainty.sensitivity` for a global analysis.

    References
    ----------
    Kreuter et al. (2001), Ecological Economics 39(3):333-346 (usual citation; unverified here).
    """
    if not (isinstance(step, int | float) and 0 < float(step) < 10):
        raise InputError(text("seea.bad_step", step=step), hint=text("seea.hint_step"))
    shares = value_shares(ledger, by)
    v, vk = shares["total"].to_numpy(), shares["value"].to_numpy()
    up, down = v + step * vk, v - step * vk
    with np.errstate(divide="ignore", invalid="ignore"):
        cs_up = ((up - v) / v) / step
        cs_down = ((v - down) / v) / step
    out = shares[["region_code", "year", by]].copy()
    out["value_k"], out["total"] = vk, v
    out["total_up"], out["total_down"] = up, down
    out["cs_up"], out["cs_down"] = cs_up, cs_down
    out["value_unit"], out["price_year"] = shares["value_unit"], shares["price_year"]
    return out
