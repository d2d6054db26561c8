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

import numpy as np
import pandas as pd

from ..coefficients import CoefficientTable, profile_table
from ..coefficients.profiles import load_profile
from ..errors import MethodError
from ..inputs import Inputs
from ..ledger import CATEGORY_ORDER, Ledger, const_column
from ..messages import text
from ..vocab import LAND_CLASSES
from .classmap import KEY_PREFIX
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


def _codes_in(col: pd.Series, values: list[str]) -> np.ndarray:
    """Position of each cell of ``col`` in ``values`` (−1 if absent), via categorical codes
    when the column is categorical (no per-row string work)."""
    idx = pd.Index(values)
    if isinstance(col.dtype, pd.CategoricalDtype):
        pos = idx.get_indexer(col.cat.categories.astype(str))
        return np.append(pos, -1)[col.cat.codes.to_numpy()]
    return idx.get_indexer(col.astype(object))


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
        ``region_code, year, land_class, area`` [ha] (+ ``input_ref``); one row per
        region-year-class. Classes without factors produce no lines.
    factors
        ``ecosystem_type, service, service_group, factor`` [–].
    d
        ``region_code, year, d`` [CNY ha⁻¹ a⁻¹] — D per region-year.
    adjust
        Optional ``region_code, year, service, multiplier`` [–].

    A type that has no factor for some service gets no line for that service.

    Returns
    -------
    DataFrame
        ``region_code, year, ecosystem_type, service, service_group, area, price, value,
        input_ref`` (+ ``multiplier`` if adjusted) with ``price = factor · d · multiplier``
        [CNY ha⁻¹] and ``value = area · price`` [CNY], sorted by region, year, service group
        (provisioning, regulating, supporting, cultural … in ledger order), service and type.
        Text columns are categoricals. Computed on a dense region-year × service × type array.
    """
    order = {c: i for i, c in enumerate(CATEGORY_ORDER)}
    fmat = factors.pivot(index="service", columns="ecosystem_type", values="factor")
    groups = factors.groupby("service")["service_group"].first()
    services = sorted(fmat.index, key=lambda s: (order.get(groups[s], 99), s))
    types = sorted(fmat.columns)
    F = fmat.loc[services, types].to_numpy(dtype=float)  # [s, c]
    n_s, n_c = F.shape

    a = areas.reset_index(drop=True)
    c_idx = _codes_in(a["land_class"], types)  # −1: no factors
    keep = c_idx >= 0
    a = a.loc[keep].reset_index(drop=True)
    c_idx = c_idx[keep]
    if a.empty:
        return pd.DataFrame(
            columns=[
                "region_code",
                "year",
                "ecosystem_type",
                "service",
                "service_group",
                "area",
                "price",
                "value",
                "input_ref",
            ]
        )
    # region-year index 0..n_ry-1 in (region, year) order, from integer codes
    rc = a["region_code"]
    if isinstance(rc.dtype, pd.CategoricalDtype):
        reg_cats = sorted(rc.cat.remove_unused_categories().cat.categories.astype(str))
    else:
        rc = rc.astype(str)
        reg_cats = sorted(pd.unique(rc))
    r_codes = _codes_in(rc, reg_cats)
    years = a["year"].to_numpy(np.int64)
    y0, ny = int(years.min()), int(years.max() - years.min()) + 1
    ry_key, ry_codes = np.unique(r_codes.astype(np.int64) * ny + (years - y0), return_inverse=True)
    n_ry = len(ry_key)
    ry_region = (ry_key // ny).astype(np.int64)
    ry_year = ry_key % ny + y0
    A = np.zeros((n_ry, n_c))
    P = np.zeros((n_ry, n_c), dtype=bool)
    ROW = np.full((n_ry, n_c), -1, dtype=np.int64)
    A[ry_codes, c_idx] = a["area"].to_numpy(dtype=float)
    P[ry_codes, c_idx] = True
    ROW[ry_codes, c_idx] = np.arange(len(a))

    def ry_positions(frame: pd.DataFrame) -> np.ndarray:
        rc = pd.Index(reg_cats).get_indexer(frame["region_code"].astype(object))
        yr = frame["year"].to_numpy(np.int64) - y0
        ok = (rc >= 0) & (yr >= 0) & (yr < ny)
        pos = np.searchsorted(ry_key, rc.astype(np.int64) * ny + yr)
        pos = np.clip(pos, 0, n_ry - 1)
        return np.where(ok & (ry_key[pos] == rc.astype(np.int64) * ny + yr), pos, -1)

    D = np.full(n_ry, np.nan)
    dpos = ry_positions(d)
    D[dpos[dpos >= 0]] = d["d"].to_numpy(dtype=float)[dpos >= 0]
    M = np.ones((n_ry, n_s))
    if adjust is not None and not adjust.empty:
        s_pos = {s: i for i, s in enumerate(services)}
        adj = adjust[adjust["service"].isin(s_pos)]
        rows = ry_positions(adj)
        ok = rows >= 0
        M[rows[ok], adj["service"].map(s_pos).to_numpy()[ok]] = adj["multiplier"].to_numpy()[ok]

    price = F[None, :, :] * D[:, None, None] * M[:, :, None]  # [ry, s, c]
    # a (type, service) cell without a factor (a user table that gives built-up land only a
    # recreation factor) has no line, never a NaN one
    mask = P[:, None, :] & ~np.isnan(F)[None, :, :]
    # line positions in C order (region-year, service, type), as compact int32 indices
    flat = np.flatnonzero(mask)
    if flat.size < np.iinfo(np.int32).max:
        flat = flat.astype(np.int32)
    r_l, rest = np.divmod(flat, n_s * n_c)
    s_l, c_l = np.divmod(rest, n_c)
    del flat, rest
    area_l = A[r_l, c_l]
    price_l = price[r_l, s_l, c_l]
    refs = a["input_ref"].to_numpy(dtype=object) if "input_ref" in a else None
    g_cats = sorted({groups[s] for s in services})
    g_code = np.array([g_cats.index(groups[s]) for s in services])
    row_l = ROW[r_l, c_l]
    cols: dict[str, object] = {
        "region_code": pd.Categorical.from_codes(ry_region[r_l], categories=list(reg_cats)),
        "year": ry_year[r_l],
        "ecosystem_type": pd.Categorical.from_codes(c_l, categories=types),
        "service": pd.Categorical.from_codes(s_l, categories=services),
        "service_group": pd.Categorical.from_codes(g_code[s_l], categories=g_cats),
        "area": area_l,
        "price": price_l,
        "value": area_l * price_l,
        "input_ref": refs[row_l] if refs is not None else None,
    }
    if adjust is not None and not adjust.empty:
        cols["multiplier"] = M[r_l, s_l]
    return pd.DataFrame(cols)


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
    class_map: object | None = None,
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
    class_map
        Your mapping of input classes onto geep classes or composites of factor rows, e.g.
        ``{"园地": "wetland", "草地": {"grassland.steppe": 0.5, "grassland.meadow": 0.5}}``,
        a DataFrame or a CSV file (see :mod:`geep.methods.classmap`); it has priority over
        the crosswalks and is written into the lines' ``coefficient`` and
        ``meta["class_map"]``; the lines gain an ``input_class`` column.

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
    cm = None
    if class_map is not None:  # per-run class map (geep.methods.classmap)
        from .classmap import apply_class_map, unused_inputs
        from .classmap_io import as_class_map, land_cover_for_map

        cm = as_class_map(class_map, vocabulary=LAND_CLASSES)
        areas, names, cm_notes = land_cover_for_map(land_cover, cm)
        cm_notes += _unused_notes(unused_inputs(areas, cm), cm)
        areas = apply_class_map(areas, cm)
    else:
        areas, names = coerce_table(land_cover, "land_cover")
    biomes = sorted(
        c
        for c in set(map(str, areas["land_class"].unique())) - set(LAND_CLASSES)
        if not c.startswith(KEY_PREFIX)
    )
    if biomes:
        raise MethodError(
            f"land classes {biomes} are benefit-transfer biomes, not ecosystem types",
            hint="use geep land classes (e.g. forest.broadleaf) for ESV, or geep.benefit_transfer",
        )
    prof = load_profile(profile)
    ft = profile_table(prof, "factors", tables)
    used = [ft]
    factors, table_type = _factors_by_class(ft)
    cm_rows: dict[str, str] = {}
    cm_labels: dict[str, str] = {}
    if cm is not None:
        from .classmap import mapped_factors

        factors, cm_rows, cm_labels = mapped_factors(factors, cm, table_type, ft.ref)

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
    if lines.empty:
        raise MethodError(
            f"none of the land classes {sorted(map(str, areas['land_class'].unique()))[:8]} has "
            f"equivalent factors in {ft.ref} (it covers {sorted(factors['ecosystem_type'].unique())})",
            hint="use geep land classes covered by the profile's factor table",
        )

    warnings = [] if cm is None else list(cm_notes)
    unvalued = sorted(set(areas["land_class"].unique()) - set(factors["ecosystem_type"]))
    for cls in unvalued:
        a = areas.loc[areas["land_class"] == cls, "area"].sum()
        if cls in cm_labels:
            warnings.append(
                str(
                    text(
                        "classmap.unvalued",
                        input=cls[len(KEY_PREFIX) :],
                        target=cm_labels[cls],
                        area=f"{a:,.2f}",
                        table=ft.ref,
                    )
                )
            )
            continue
        warnings.append(
            f"{cls}: {a:,.2f} ha have no equivalent factors in {ft.ref} and are "
            "valued at 0 by this method"
        )
    if (lines["value"] < 0).any():
        warnings.append(
            "some lines are negative (e.g. paddy water supply, factor −2.63): kept "
            "as published; shares of mixed-sign totals need care"
        )

    n = len(lines)
    services = list(lines["service"].cat.categories)
    types = list(lines["ecosystem_type"].cat.categories)
    suffix = ";" + d_ref + pi_ref
    row_of = {t: cm_rows.get(t, table_type.get(t, t)) for t in types}
    cm_part = {t: f";class_map[{t[len(KEY_PREFIX) :]}→{cm_labels[t]}]" for t in cm_labels}
    coef_cats = [
        f"{ft.ref}#{row_of[t]}/{s}{cm_part.get(t, '')}{suffix}" for s in services for t in types
    ]
    coef_codes = lines["service"].cat.codes.to_numpy(np.int64) * len(types) + lines[
        "ecosystem_type"
    ].cat.codes.to_numpy(np.int64)
    if "multiplier" in lines:
        coef_cats += [c + ";adjustment" for c in coef_cats]
        adjusted = lines["multiplier"].to_numpy() != 1.0
        coef_codes = coef_codes + adjusted * (len(services) * len(types))
    # assemble the ledger columns on the kernel frame itself: adding and renaming columns
    # does not copy the (large) float blocks again
    out = lines
    if cm is not None:  # mapped lines: the target as ecosystem type, the input class kept
        types_ = out["ecosystem_type"]
        out["input_class"] = _relabel(types_, {t: t[len(KEY_PREFIX) :] for t in cm_labels})
        out["ecosystem_type"] = _relabel(types_, cm_labels)
    out["region_name"] = out["region_code"].map(lambda r: names.get(r, ""))
    out["account"] = const_column("ESV", n)
    out["indicator"] = out["service"]
    out["quantity_unit"] = const_column("ha", n)
    out["price_unit"] = const_column("CNY/ha", n)
    out["value_unit"] = const_column("CNY", n)
    out["price_year"] = np.full(n, report_year, dtype=np.int64)
    out["method"] = const_column(f"esv.equivalent_factor[{prof.name}]", n)
    out["coefficient"] = _categorical(coef_codes, coef_cats)
    out = out.rename(columns={"service_group": "category", "area": "quantity"})
    if "multiplier" in out:
        out = out.drop(columns="multiplier")
    del lines, coef_codes  # the kernel frame is no longer needed: free it before the ledger
    meta = provenance(used, prof.name, {"price_year": report_year, "d_price_year": base_year})
    meta["warnings"] = warnings + meta["warnings"]
    if cm is not None:
        meta["class_map"] = cm.record()
    if prof.status != "released":
        meta["warnings"].insert(0, f"profile {prof.name} is {prof.status.upper()}")
        meta["status"] = "provisional" if meta["status"] == "released" else meta["status"]
    return Ledger(out, meta, presorted=True)


def _relabel(col: pd.Series, mapping: dict[str, str]) -> pd.Categorical:
    """A categorical column with some categories renamed (several may merge), via codes."""
    inv, uniq = pd.factorize(
        pd.Series([mapping.get(c, c) for c in col.cat.categories.astype(str)], dtype=object)
    )
    return pd.Categorical.from_codes(
        np.append(inv, -1)[col.cat.codes.to_numpy()], categories=pd.Index(uniq, dtype=object)
    )


def _unused_notes(unused: list[str], cm) -> list[str]:
    return [str(text("classmap.unused", input=k, source=cm.source)) for k in unused]


def _categorical(codes: np.ndarray, labels: list[str]) -> pd.Categorical:
    """Categorical of ``labels[codes]`` where ``labels`` may repeat (no per-row strings)."""
    inv, uniq = pd.factorize(pd.Series(labels, dtype=object))
    return pd.Categorical.from_codes(inv[codes], categories=pd.Index(uniq, dtype=object))


def _factors_by_class(ft: CoefficientTable) -> tuple[pd.DataFrame, dict[str, str]]:
    """Factor rows keyed by geep land class, and {land class: the table's own type}.

    Tables with coarse types (Xie 2008: ``forest`` …) list the geep classes each type covers in
    a ``geep_classes`` column (``;``-separated); their factors apply to every listed class.
    """
    cols = ["ecosystem_type", "service", "service_group", "factor"]
    f = ft.frame
    if "geep_classes" not in f.columns:
        return f[cols], {}
    rows = f.assign(_cls=f["geep_classes"].astype(str).str.split(";")).explode("_cls")
    rows["_cls"] = rows["_cls"].str.strip()
    table_type = dict(zip(rows["_cls"], rows["ecosystem_type"], strict=False))
    dup = rows.duplicated(["_cls", "service"], keep=False)
    if dup.any():
        raise MethodError(
            f"{ft.ref}: land classes listed under two types: "
            f"{sorted(rows.loc[dup, '_cls'].unique())}"
        )
    out = rows.drop(columns="ecosystem_type").rename(columns={"_cls": "ecosystem_type"})
    return out[cols].reset_index(drop=True), table_type


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
