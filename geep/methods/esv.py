"""Ecosystem service value by the equivalent-factor method (当量因子法).

.. math:: ESV_{r,y} = \\sum_k \\sum_f A_{r,y,k} \\, E_{kf} \\, D \\, \\alpha_{r,f}

with :math:`A` the area of ecosystem type *k* [ha], :math:`E_{kf}` the value-equivalent
factor of type *k* for service *f* [–], :math:`D` the value of one standard equivalent
[CNY ha⁻¹ a⁻¹] and :math:`\\alpha` an optional per-region adjustment (NPP, precipitation or
soil-retention ratio, applied to the services Xie et al. 2015 name).

References
----------
.. [1] 谢高地, 张彩霞, 张雷明, 陈文辉, 李士美. 基于单位面积价值当量因子的生态系统服务价值化方法改进.
   自然资源学报 2015, 30(8):1243-1254.
.. [2] 罗盛锋, 闫文德. 广西北部湾沿岸地区生态系统服务价值变化及其驱动力. 生态学报 2018, 38(9):3248-3259.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from ..coefficients import CoefficientTable, profile_table
from ..coefficients.profiles import load_profile
from ..errors import MethodError
from ..inputs import Inputs
from ..ledger import Ledger
from ..vocab import LAND_CLASSES
from .common import chain_ref, coerce_table, index_factor, provenance

#: Xie 2015 §3.4 spatial adjustment: which ratio scales which service ([U] in the reference)
ADJUSTMENT_SERVICES: dict[str, tuple[str, ...]] = {
    "npp_ratio": (
        "food_production",
        "raw_materials",
        "gas_regulation",
        "climate_regulation",
        "environmental_purification",
        "nutrient_cycling",
        "biodiversity",
        "aesthetic_landscape",
    ),
    "precipitation_ratio": ("water_supply", "hydrological_regulation"),
    "soil_ratio": ("soil_conservation",),
}


def esv_kernel(
    areas: pd.DataFrame,
    factors: pd.DataFrame,
    d: pd.DataFrame,
    adjust: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Pure kernel: one line per region × year × ecosystem type × service.

    Parameters
    ----------
    areas
        ``region_code, year, land_class, area`` [ha] (+ ``input_ref``).
    factors
        ``ecosystem_type, service, service_group, factor`` [–].
    d
        ``region_code, year, d`` [CNY ha⁻¹ a⁻¹] — D per region-year (broadcast beforehand).
    adjust
        Optional ``region_code, year, service, multiplier`` [–].

    Returns
    -------
    DataFrame
        ``region_code, year, ecosystem_type, service, service_group, area, factor, d,
        multiplier, price, value, input_ref`` with ``price = factor · d · multiplier``
        [CNY ha⁻¹] and ``value = area · price`` [CNY].
    """
    f = factors.rename(columns={"ecosystem_type": "land_class"})
    lines = areas.merge(f, on="land_class", how="inner", validate="many_to_many")
    lines = lines.merge(d, on=["region_code", "year"], how="left", validate="many_to_one")
    if adjust is not None and not adjust.empty:
        lines = lines.merge(
            adjust, on=["region_code", "year", "service"], how="left", validate="many_to_one"
        )
        lines["multiplier"] = lines["multiplier"].fillna(1.0)
    else:
        lines["multiplier"] = 1.0
    lines["price"] = (
        lines["factor"].to_numpy() * lines["d"].to_numpy() * lines["multiplier"].to_numpy()
    )
    lines["value"] = lines["area"].to_numpy() * lines["price"].to_numpy()
    return lines.rename(columns={"land_class": "ecosystem_type"})


def d_from_grain(grain: pd.DataFrame, fraction: float) -> pd.DataFrame:
    """D by the 1/7 rule: ``D = fraction · Σ_i m_i p_i q_i / Σ_i m_i``.

    Parameters
    ----------
    grain
        ``crop, sown_area`` [ha], ``yield`` [kg ha⁻¹], ``price`` [CNY kg⁻¹]; optional
        ``region_code`` and ``year`` columns give one D per group.
    fraction
        Share of the grain value counted as one equivalent (1/7 in Xie 2003/2008).

    Returns
    -------
    DataFrame with the group columns and ``d`` [CNY ha⁻¹ a⁻¹].
    """
    need = {"crop", "sown_area", "yield", "price"}
    missing = need - set(grain.columns)
    if missing:
        raise MethodError(
            f"grain data lack columns {sorted(missing)}",
            hint="give crop, sown_area (ha), yield (kg/ha), price (CNY/kg)",
        )
    g = grain.copy()
    g["_v"] = g["sown_area"] * g["yield"] * g["price"]
    keys = [c for c in ("region_code", "year") if c in g.columns]
    if keys:
        agg = g.groupby(keys, sort=True)[["_v", "sown_area"]].sum().reset_index()
    else:
        agg = pd.DataFrame({"_v": [g["_v"].sum()], "sown_area": [g["sown_area"].sum()]})
    if (agg["sown_area"] <= 0).any():
        raise MethodError("grain sown area sums to zero", hint="check the sown_area column")
    agg["d"] = fraction * agg["_v"] / agg["sown_area"]
    return agg.drop(columns=["_v", "sown_area"])


def esv(
    land_cover: Inputs | pd.DataFrame,
    profile: str = "xie-2015",
    *,
    d: float | None = None,
    d_price_year: int | None = None,
    grain: pd.DataFrame | None = None,
    adjustments: pd.DataFrame | None = None,
    price_year: int | None = None,
    tables: Mapping[str, CoefficientTable | str] | None = None,
) -> Ledger:
    """ESV ledger by the equivalent-factor method.

    Parameters
    ----------
    land_cover
        :class:`~geep.inputs.Inputs` or a land-cover DataFrame (``region_code, year,
        land_class, area`` with a unit; long or wide form).
    profile
        Coefficient profile (roles ``factors``, ``standard_equivalent``, ``price_index``).
    d
        Your own value of one standard equivalent [CNY ha⁻¹ a⁻¹]; needs ``d_price_year``.
    grain
        Grain statistics to compute D by the 1/7 rule (see :func:`d_from_grain`); needs
        ``d_price_year``.
    adjustments
        ``region_code`` (and optionally ``year``) with any of ``npp_ratio``,
        ``precipitation_ratio``, ``soil_ratio`` [–]; each scales the services of
        :data:`ADJUSTMENT_SERVICES`.
    price_year
        Report price year; D is moved there with the profile's price index (recorded).
    tables
        Replace a profile table by role, e.g. ``{"factors": my_override}``.

    Returns
    -------
    Ledger
        Account ``ESV``; one line per region, year, ecosystem type and service, with
        ``quantity`` = area [ha], ``price`` = factor × D [CNY/ha], signed ``value`` [CNY].
        Classes without factors (``built_up``) are reported in ``warnings``.

    References
    ----------
    Xie et al. 2015 (see module docstring); the 1/7 rule: Xie 2003/2008 (secondary source).
    """
    areas, names = coerce_table(land_cover, "land_cover")
    biomes = sorted(set(areas["land_class"]) - set(LAND_CLASSES))
    if biomes:
        raise MethodError(
            f"land classes {biomes} are benefit-transfer biomes, not ecosystem types",
            hint="use geep land classes (e.g. forest.broadleaf) for ESV, or geep.benefit_transfer",
        )
    prof = load_profile(profile)
    ft = profile_table(prof, "factors", tables)
    used = [ft]
    factors = ft.frame[["ecosystem_type", "service", "service_group", "factor"]]

    if sum(x is not None for x in (d, grain)) > 1:
        raise MethodError("give either d= or grain=, not both")
    if (d is not None or grain is not None) and d_price_year is None:
        raise MethodError(
            "d= and grain= need d_price_year= (the price year of your D)",
            hint="e.g. d_price_year=2020",
        )
    if d is not None:
        d_frame = pd.DataFrame({"d": [float(d)]})
        base_year, d_ref = int(d_price_year), f"user D={d} CNY/ha/a @{d_price_year}"
    elif grain is not None:
        se = profile_table(prof, "standard_equivalent", tables)
        used.append(se)
        d_frame = d_from_grain(grain, se.value("grain_value_fraction", unit="dimensionless"))
        base_year = int(d_price_year)
        d_ref = f"{se.coefficient_ref('grain_value_fraction')};user grain data"
    else:
        se = profile_table(prof, "standard_equivalent", tables)
        used.append(se)
        d_frame = pd.DataFrame({"d": [se.value("d_national", unit="CNY/ha/a")]})
        base_year = se.price_year_of("d_national")
        d_ref = se.coefficient_ref("d_national")
    report_year = int(price_year) if price_year is not None else base_year
    pi_ref = ""
    if report_year != base_year:
        pit = profile_table(prof, "price_index", tables)
        used.append(pit)
        d_frame = d_frame.assign(d=d_frame["d"] * index_factor(pit, base_year, report_year))
        pi_ref = ";" + chain_ref(pit, base_year, report_year)

    # D per region-year
    ry = areas[["region_code", "year"]].drop_duplicates()
    on = [c for c in ("region_code", "year") if c in d_frame.columns]
    d_ry = ry.merge(d_frame, on=on, how="left") if on else ry.merge(d_frame, how="cross")
    if d_ry["d"].isna().any():
        miss = d_ry.loc[d_ry["d"].isna(), ["region_code", "year"]].head(5).values.tolist()
        raise MethodError(
            f"no D for region-years {miss}", hint="grain data must cover every region"
        )

    adjust = _adjustments(adjustments, ry) if adjustments is not None else None
    lines = esv_kernel(areas, factors, d_ry, adjust)

    warnings = []
    unvalued = sorted(set(areas["land_class"]) - set(factors["ecosystem_type"]))
    for cls in unvalued:
        a = areas.loc[areas["land_class"] == cls, "area"].sum()
        warnings.append(
            f"{cls}: {a:,.2f} ha have no equivalent factors in {ft.ref} and are "
            "valued at 0 by this method"
        )
    if (lines["value"] < 0).any():
        warnings.append(
            "some lines are negative (e.g. paddy water supply, factor −2.63): kept "
            "as published; shares of mixed-sign totals need care"
        )

    coef = ft.ref + "#" + lines["ecosystem_type"] + "/" + lines["service"] + ";" + d_ref + pi_ref
    if adjust is not None:
        coef = coef.where(lines["multiplier"] == 1.0, coef + ";adjustment")
    out = pd.DataFrame(
        {
            "region_code": lines["region_code"],
            "region_name": lines["region_code"].map(lambda r: names.get(r, "")),
            "year": lines["year"],
            "account": "ESV",
            "category": lines["service_group"],
            "service": lines["service"],
            "indicator": lines["service"],
            "quantity": lines["area"],
            "quantity_unit": "ha",
            "price": lines["price"],
            "price_unit": "CNY/ha",
            "value": lines["value"],
            "value_unit": "CNY",
            "price_year": report_year,
            "method": f"esv.equivalent_factor[{prof.name}]",
            "coefficient": coef,
            "input_ref": lines["input_ref"],
            "ecosystem_type": lines["ecosystem_type"],
        }
    )
    meta = provenance(used, prof.name, {"price_year": report_year, "d_price_year": base_year})
    meta["warnings"] = warnings + meta["warnings"]
    if prof.status != "released":
        meta["warnings"].insert(0, f"profile {prof.name} is {prof.status.upper()}")
        meta["status"] = "provisional" if meta["status"] == "released" else meta["status"]
    return Ledger(out, meta)


def _adjustments(adj: pd.DataFrame, ry: pd.DataFrame) -> pd.DataFrame:
    ratios = [c for c in ADJUSTMENT_SERVICES if c in adj.columns]
    if "region_code" not in adj.columns or not ratios:
        raise MethodError(
            "adjustments need region_code and at least one of " + ", ".join(ADJUSTMENT_SERVICES),
            hint="e.g. DataFrame(region_code=[...], npp_ratio=[...])",
        )
    a = adj.copy()
    a["region_code"] = a["region_code"].astype(str)
    bad = a[ratios].apply(pd.to_numeric, errors="coerce")
    if bad.isna().any().any() or (bad < 0).any().any():
        raise MethodError(
            "adjustment ratios must be non-negative numbers",
            hint="check the npp/precipitation/soil ratio columns",
        )
    keys = ["region_code", "year"] if "year" in a.columns else ["region_code"]
    base = ry.merge(a[[*keys, *ratios]], on=keys, how="left")
    rows = []
    for ratio in ratios:
        for svc in ADJUSTMENT_SERVICES[ratio]:
            rows.append(
                base[["region_code", "year"]].assign(service=svc, multiplier=base[ratio].to_numpy())
            )
    out = pd.concat(rows, ignore_index=True)
    out["multiplier"] = out["multiplier"].astype(float).fillna(1.0)
    return out.drop_duplicates(["region_code", "year", "service"], keep="first")


__all__ = ["ADJUSTMENT_SERVICES", "d_from_grain", "esv", "esv_kernel"]
