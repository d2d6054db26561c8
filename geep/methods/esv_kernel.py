"""The pure kernel of the equivalent-factor ESV (frames and θ in, lines out).

Computed on a dense region-year × service × type array; every line's value is
``area · α · D_base · Π θ`` with the factor, D and price-index chain in θ (see
:mod:`geep.methods.resolved`), so the deterministic ledger and uncertainty draws evaluate the
same terms.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from ..errors import MethodError
from ..ledger_frame import CATEGORY_ORDER, categorical, const_column
from ..messages import text
from ..vocab import LAND_CLASSES
from .resolved import KernelResult, Resolved, Terms

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


def codes_in(col: pd.Series, values: list[str]) -> np.ndarray:
    """Position of each cell of ``col`` in ``values`` (−1 if absent), via categorical codes
    when the column is categorical (no per-row string work)."""
    idx = pd.Index(values)
    if isinstance(col.dtype, pd.CategoricalDtype):
        pos = idx.get_indexer(col.cat.categories.astype(str))
        return np.append(pos, -1)[col.cat.codes.to_numpy()]
    return idx.get_indexer(col.astype(object))


def d_from_grain(grain: pd.DataFrame, fraction: float = 1.0) -> pd.DataFrame:
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
        raise MethodError(text("esv.grain_columns", columns=str(sorted(missing))),
                          hint=text("esv.hint_grain"))  # fmt: skip
    g = grain.copy()
    g["_v"] = g["sown_area"] * g["yield"] * g["price"]
    keys = [c for c in ("region_code", "year") if c in g.columns]
    if keys:
        agg = g.groupby(keys, sort=True)[["_v", "sown_area"]].sum().reset_index()
    else:
        agg = pd.DataFrame({"_v": [g["_v"].sum()], "sown_area": [g["sown_area"].sum()]})
    if (agg["sown_area"] <= 0).any():
        raise MethodError(text("esv.grain_zero"), hint=text("esv.hint_grain_zero"))
    agg["d"] = fraction * agg["_v"] / agg["sown_area"]
    return agg.drop(columns=["_v", "sown_area"])


def adjustment_frame(adj: pd.DataFrame, ry: pd.DataFrame) -> pd.DataFrame:
    """Per region-year service multipliers from NPP / precipitation / soil ratios."""
    ratios = [c for c in ADJUSTMENT_SERVICES if c in adj.columns]
    if "region_code" not in adj.columns or not ratios:
        raise MethodError(text("esv.adjust_columns", ratios=", ".join(ADJUSTMENT_SERVICES)),
                          hint=text("esv.hint_adjust"))  # fmt: skip
    a = adj.copy()
    a["region_code"] = a["region_code"].astype(str)
    vals = a[ratios].apply(pd.to_numeric, errors="coerce")
    if vals.isna().any().any() or (vals < 0).any().any() or not np.isfinite(vals).all().all():
        raise MethodError(text("esv.adjust_bad"), hint=text("esv.hint_adjust_bad"))
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


class _RegionYears:
    """Dense index 0..n−1 of the region-years of the areas, in (region, year) order."""

    def __init__(self, region: pd.Series, years: np.ndarray) -> None:
        if isinstance(region.dtype, pd.CategoricalDtype):
            used = region.cat.remove_unused_categories()
            self.regions = sorted(map(str, used.cat.categories))
        else:
            self.regions = sorted(pd.unique(region.astype(str)))
        r = codes_in(region, self.regions).astype(np.int64)
        self.y0 = int(years.min())
        self.ny = int(years.max()) - self.y0 + 1
        self.key, self.codes = np.unique(r * self.ny + (years - self.y0), return_inverse=True)
        self.region = self.key // self.ny
        self.year = self.key % self.ny + self.y0

    def __len__(self) -> int:
        return len(self.key)

    def positions(self, frame: pd.DataFrame) -> np.ndarray:
        """Region-year position of each row of ``frame`` (−1 if absent)."""
        rc = pd.Index(self.regions).get_indexer(frame["region_code"].astype(object))
        yr = frame["year"].to_numpy(np.int64) - self.y0
        want = rc.astype(np.int64) * self.ny + yr
        pos = np.clip(np.searchsorted(self.key, want), 0, max(len(self.key) - 1, 0))
        ok = (rc >= 0) & (yr >= 0) & (yr < self.ny) & (self.key[pos] == want)
        return np.where(ok, pos, -1)

    def frame(self) -> pd.DataFrame:
        return pd.DataFrame(
            {"region_code": np.asarray(self.regions, dtype=object)[self.region], "year": self.year}
        )


def _d_base(tables: Mapping[str, pd.DataFrame], ry: _RegionYears) -> np.ndarray | None:
    """Per region-year grain value (Σ m p q / Σ m) when D comes from the grain rule."""
    dg = d_from_grain(tables["grain"], 1.0)
    if not {"region_code", "year"} & set(dg.columns):
        return np.full(len(ry), float(dg["d"].iloc[0]))
    full = ry.frame()
    on = [c for c in ("region_code", "year") if c in dg.columns]
    if "region_code" in on:
        dg["region_code"] = dg["region_code"].astype(str)
    m = full.merge(dg, on=on, how="left")
    if m["d"].isna().any():
        miss = m.loc[m["d"].isna(), ["region_code", "year"]].head(5).values.tolist()
        raise MethodError(text("esv.no_d", regions=str(miss)), hint=text("esv.hint_no_d"))
    return m["d"].to_numpy(dtype=float)


def esv_kernel(tables: Mapping[str, pd.DataFrame], resolved: Resolved) -> KernelResult:
    """Pure kernel: one line per region × year × ecosystem type × service.

    Parameters
    ----------
    tables
        ``land_cover`` (``region_code, year, land_class, area`` [ha], ``input_ref``), optional
        ``grain`` (D by the 1/7 rule) and ``adjustments`` (ratios per region).
    resolved
        ``frames["factors"]``: ``ecosystem_type, service, service_group, theta, label``;
        ``frames["d_theta"]``, ``frames["index_theta"]``: θ positions of D and of the price
        index chain (−1: none); θ values.

    Returns
    -------
    KernelResult
        Lines sorted by region, year, service group (ledger order), service and type, with
        ``quantity`` = area [ha], ``price = factor · D · index · α`` [CNY ha⁻¹], ``value`` [CNY].
    """
    areas = tables["land_cover"]
    fr = resolved.frames
    theta = resolved.values
    factors = fr["factors"]
    biomes = sorted(set(map(str, areas["land_class"].unique())) - set(LAND_CLASSES))
    if biomes:
        raise MethodError(text("esv.biomes", classes=str(biomes)), hint=text("esv.hint_biomes"))
    order = {c: i for i, c in enumerate(CATEGORY_ORDER)}
    groups = factors.groupby("service")["service_group"].first()
    services = sorted(groups.index, key=lambda s: (order.get(groups[s], 99), s))
    types = sorted(factors["ecosystem_type"].unique())
    n_s, n_c = len(services), len(types)
    s_of = pd.Index(services).get_indexer(factors["service"])
    c_of = pd.Index(types).get_indexer(factors["ecosystem_type"])
    FT = np.full((n_s, n_c), -1, dtype=np.int64)  # factor row of each (service, type)
    FT[s_of, c_of] = np.arange(len(factors))

    c_idx = codes_in(areas["land_class"], types)
    keep = c_idx >= 0
    a = areas.loc[keep].reset_index(drop=True) if not keep.all() else areas.reset_index(drop=True)
    c_idx = c_idx[keep]
    if a.empty:
        raise MethodError(
            text("esv.no_factors", classes=str(sorted(map(str, areas["land_class"].unique()))[:8]),
                 types=str(types)),  # fmt: skip
            hint=text("esv.hint_no_factors"),
        )
    ry = _RegionYears(a["region_code"], a["year"].to_numpy(np.int64))
    n_ry = len(ry)
    A = np.zeros((n_ry, n_c))
    ROW = np.full((n_ry, n_c), -1, dtype=np.int64)
    A[ry.codes, c_idx] = a["area"].to_numpy(dtype=float)
    ROW[ry.codes, c_idx] = np.arange(len(a))

    # terms per (service, type): factor, D, index chain → price without data multipliers
    d_theta, i_theta = int(fr["d_theta"]), int(fr["index_theta"])
    cat_terms = []
    for s in range(n_s):
        for c in range(n_c):
            t = [(int(factors["theta"].iat[FT[s, c]]), 1)] if FT[s, c] >= 0 else []
            cat_terms.append(t + [(d_theta, 1)] + ([(i_theta, 1)] if i_theta >= 0 else []))
    base_price = Terms.from_lists(cat_terms).evaluate(theta).reshape(n_s, n_c)

    M = np.ones((n_ry, n_s))
    adjusted = False
    if tables.get("adjustments") is not None:
        adj = adjustment_frame(tables["adjustments"], ry.frame())
        adj = adj[adj["service"].isin(services)]
        rows = ry.positions(adj)
        ok = rows >= 0
        M[rows[ok], pd.Index(services).get_indexer(adj["service"])[ok]] = adj["multiplier"][ok]
        adjusted = bool((M != 1.0).any())
    dbase = _d_base(tables, ry) if fr.get("grain_fraction") else None

    present = (ROW >= 0)[:, None, :] & (FT >= 0)[None, :, :]  # [ry, s, c]
    flat = np.flatnonzero(present)
    flat = flat.astype(np.int32) if flat.size < np.iinfo(np.int32).max else flat
    r_l, rest = np.divmod(flat, n_s * n_c)
    s_l, c_l = np.divmod(rest, n_c)
    del flat, rest
    area_l = A[r_l, c_l]
    mult = M[r_l, s_l] if adjusted else None
    if dbase is not None:
        mult = dbase[r_l] if mult is None else mult * dbase[r_l]
    price_l = base_price[s_l, c_l] if mult is None else base_price[s_l, c_l] * mult
    cat = s_l.astype(np.int64) * n_c + c_l
    labels = [""] * (n_s * n_c)
    for s in range(n_s):
        for c in range(n_c):
            if FT[s, c] >= 0:
                labels[s * n_c + c] = factors["label"].iat[FT[s, c]]
    if adjusted:
        is_adj = M[r_l, s_l] != 1.0
        cat = cat + is_adj * (n_s * n_c)
        labels = labels + [lb + ";adjustment" for lb in labels]
        cat_terms = cat_terms + cat_terms
    g_cats = sorted({groups[s] for s in services}, key=lambda g: (order.get(g, 99), g))
    g_code = np.array([g_cats.index(groups[s]) for s in services])
    refs = a["input_ref"] if "input_ref" in a.columns else None
    n = len(area_l)
    lines = pd.DataFrame(
        {
            "region_code": pd.Categorical.from_codes(ry.region[r_l], categories=ry.regions),
            "year": ry.year[r_l],
            "category": pd.Categorical.from_codes(g_code[s_l], categories=g_cats),
            "service": pd.Categorical.from_codes(s_l, categories=services),
            "indicator": pd.Categorical.from_codes(s_l, categories=services),
            "quantity": area_l,
            "quantity_unit": const_column("ha", n),
            "price": price_l,
            "price_unit": const_column("CNY/ha", n),
            "value": area_l * price_l,
            "method": const_column(fr["method_label"], n),
            "coefficient": categorical(cat, labels),
            "input_ref": _input_refs(refs, ROW[r_l, c_l]) if refs is not None else None,
            "ecosystem_type": pd.Categorical.from_codes(c_l, categories=types),
        },
        copy=False,
    )
    data = area_l if mult is None else area_l * mult
    warnings = _warnings(areas, set(types), resolved, lines)
    return KernelResult(lines, Terms.from_lists(cat_terms), None if mult is None else data,
                        warnings, ordered=True)  # fmt: skip


def _input_refs(refs: pd.Series, rows: np.ndarray) -> pd.Categorical:
    """The input cell of each line as a categorical over the distinct cells of the areas."""
    if isinstance(refs.dtype, pd.CategoricalDtype):
        return pd.Categorical.from_codes(refs.cat.codes.to_numpy()[rows], dtype=refs.dtype)
    codes, uniq = pd.factorize(refs, use_na_sentinel=True)
    return pd.Categorical.from_codes(codes[rows], categories=pd.Index(uniq, dtype=object))


def _warnings(areas: pd.DataFrame, valued: set[str], resolved: Resolved, lines: pd.DataFrame):
    out = []
    ref = resolved.frames.get("factors_ref", "")
    classes = areas["land_class"].astype(object)
    for cls in sorted(set(map(str, classes.unique())) - valued):
        area = float(areas.loc[classes == cls, "area"].sum())
        out.append(text("esv.unvalued", cls=cls, area=f"{area:,.2f}", ref=ref))
    if (lines["value"].to_numpy() < 0).any():
        out.append(text("esv.negative_lines"))
    return out


__all__ = ["ADJUSTMENT_SERVICES", "adjustment_frame", "codes_in", "d_from_grain", "esv_kernel"]
