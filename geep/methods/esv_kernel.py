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
from ..ledger_frame import CATEGORY_ORDER, canonical_codes, const_column, fast_categorical
from ..messages import text
from ..vocab import LAND_CLASSES
from .classmap import KEY_PREFIX
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


def _lex_lut(labels: list[str]) -> tuple[np.ndarray, list[str]]:
    """Codes that map positions in ``labels`` onto the lexically sorted labels."""
    order = np.argsort(np.asarray(labels, dtype=str), kind="stable")
    lut = np.empty(len(labels), dtype=np.int64)
    lut[order] = np.arange(len(labels))
    return lut, [labels[k] for k in order]


class _Layout:
    """Service and type axes of the factor matrix, and each (service, type)'s factor row."""

    def __init__(self, factors: pd.DataFrame) -> None:
        order = {c: i for i, c in enumerate(CATEGORY_ORDER)}
        groups = factors.groupby("service")["service_group"].first()
        self.services = sorted(groups.index, key=lambda s: (order.get(groups[s], 99), s))
        self.group_of = [groups[s] for s in self.services]
        self.types = sorted(factors["ecosystem_type"].unique())
        s_of = pd.Index(self.services).get_indexer(factors["service"])
        c_of = pd.Index(self.types).get_indexer(factors["ecosystem_type"])
        self.rows = np.full((len(self.services), len(self.types)), -1, dtype=np.int64)
        self.rows[s_of, c_of] = np.arange(len(factors))

    def complete(self, used: np.ndarray) -> bool:
        """Whether every type in use has a factor for every service (a user table may give
        built-up land a recreation factor only: its other services have no line)."""
        return bool((self.rows[:, used] >= 0).all())


class _Blocks:
    """Lines in ledger order: per region-year, per service, the region-year's classes.

    ``pos`` indexes the area rows sorted by (region-year, type); ``s`` is the service and
    ``ry`` the region-year of each line — built with ``np.repeat``, no per-line Python.
    """

    def __init__(self, ry_codes: np.ndarray, c_idx: np.ndarray, n_ry: int, n_c: int, n_s: int):
        key = ry_codes.astype(np.int64) * n_c + c_idx
        self.order = np.argsort(key, kind="stable") if (np.diff(key) < 0).any() else None
        sort = (lambda x: x) if self.order is None else (lambda x: x[self.order])
        self.ry_sorted, self.c_sorted = sort(ry_codes), sort(c_idx)
        k = np.bincount(self.ry_sorted, minlength=n_ry)
        off = np.cumsum(k) - k
        seg_len = np.repeat(k, n_s)
        seg_start = np.cumsum(seg_len) - seg_len
        shift = np.repeat((seg_start - np.repeat(off, n_s)).astype(np.int64), seg_len)
        n = int(seg_len.sum())
        self.pos = (np.arange(n, dtype=np.int64) - shift).astype(
            np.int32 if n < 2**31 else np.int64
        )
        self.s = np.repeat(np.tile(np.arange(n_s, dtype=np.int16), n_ry), seg_len)
        self.ry_len = n_s * k
        self.c = self.c_sorted[self.pos]
        self.filtered = False

    def keep(self, mask: np.ndarray) -> None:
        """Keep only the lines where ``mask`` is true (a type without some service)."""
        self.pos, self.s, self.c = self.pos[mask], self.s[mask], self.c[mask]
        self.filtered = True

    def per_line(self, per_ry: np.ndarray) -> np.ndarray:
        """A per-region-year value for every line."""
        if self.filtered:
            return per_ry[self.ry_sorted[self.pos]]
        return np.repeat(per_ry, self.ry_len)

    def sorted_rows(self, values: np.ndarray) -> np.ndarray:
        return values if self.order is None else values[self.order]


def _input_ref_column(
    refs: pd.Series | None, blocks: _Blocks
) -> tuple[pd.Categorical | None, bool]:
    """Input cells of the lines, categories in order of first appearance when the area rows
    each have their own cell (the normal case); the flag says whether that holds."""
    if refs is None:
        return None, True
    if isinstance(refs.dtype, pd.CategoricalDtype):
        codes = blocks.sorted_rows(refs.cat.codes.to_numpy())
        if (codes >= 0).all() and np.bincount(codes).max(initial=0) <= 1:
            # in order of first appearance unless lines were dropped (a type without some
            # service may first appear late in its region-year)
            cats = refs.cat.categories.take(codes)
            return fast_categorical(blocks.pos, cats), not blocks.filtered
        return pd.Categorical.from_codes(codes[blocks.pos], dtype=refs.dtype), False
    vals = blocks.sorted_rows(refs.to_numpy(dtype=object))
    codes, uniq = pd.factorize(vals[blocks.pos], use_na_sentinel=True)
    return fast_categorical(codes, pd.Index(uniq, dtype=object)), True


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
        Lines in ledger order (region, year, service group, service, type) with ``quantity`` =
        area [ha], ``price = factor · D · index · α`` [CNY ha⁻¹] and ``value`` [CNY]; every
        text column categorical in canonical form.
    """
    areas = tables["land_cover"]
    fr = resolved.frames
    factors = fr["factors"]
    _check_classes(areas)
    lay = _Layout(factors)
    n_s, n_c = len(lay.services), len(lay.types)
    a, c_idx = _known_classes(areas, lay)
    used_c = np.flatnonzero(np.bincount(c_idx, minlength=n_c))
    ry = _RegionYears(a["region_code"], a["year"].to_numpy(np.int64))
    b = _Blocks(ry.codes, c_idx, len(ry), n_c, n_s)
    if not lay.complete(used_c):
        b.keep(lay.rows[b.s, b.c] >= 0)
    price, data, cat_terms, adjusted = _prices(tables, fr, resolved.values, lay, ry, b)
    # adjusted: per line, whether α ≠ 1 (None: no adjustment anywhere)
    n = len(b.pos)
    area_l = b.sorted_rows(a["area"].to_numpy(dtype=float))[b.pos]
    refs, canonical = _input_ref_column(a.get("input_ref", None), b)
    s_lut, s_lex = _lex_lut(lay.services)
    g_cats = sorted(set(lay.group_of))
    g_lut = np.array([g_cats.index(g) for g in lay.group_of])
    t_lut = np.full(n_c, -1, dtype=np.int64)
    t_lut[used_c] = np.arange(len(used_c))
    coefficient, category_of = _coefficient_codes(fr, lay, used_c, b, adjusted)
    terms = Terms.from_lists([cat_terms[k] for k in category_of])
    svc = fast_categorical(s_lut[b.s], s_lex)
    lines = pd.DataFrame(
        {
            "region_code": fast_categorical(b.per_line(ry.region), ry.regions),
            "year": b.per_line(ry.year),
            "category": fast_categorical(g_lut[b.s], g_cats),
            "service": svc,
            "indicator": svc.copy(),
            "quantity": area_l,
            "quantity_unit": const_column("ha", n),
            "price": price,
            "price_unit": const_column("CNY/ha", n),
            "value": area_l * price,
            "method": const_column(fr["method_label"], n),
            "coefficient": coefficient,
            "input_ref": refs,
            "ecosystem_type": fast_categorical(t_lut[b.c], [lay.types[c] for c in used_c]),
        },
        copy=False,
    )
    if "input_class" in a.columns:  # a class map: mapped types shown as their target
        _show_mapped(lines, a, b, factors, lay, used_c)
    warnings = _warnings(areas, set(lay.types), resolved, lines)
    extra = _d_meta(tables, ry, resolved)
    mapped = "input_class" in lines.columns
    return KernelResult(lines, terms, None if data is None else area_l * data, warnings,
                        ordered=not mapped, canonical=canonical and not mapped,
                        meta=extra)  # fmt: skip


def _known_classes(areas: pd.DataFrame, lay: _Layout) -> tuple[pd.DataFrame, np.ndarray]:
    """The land-cover rows of a class the factors value, and their type positions."""
    c_idx = codes_in(areas["land_class"], lay.types)
    keep = c_idx >= 0
    if not keep.any():
        raise MethodError(
            text(
                "esv.no_factors",
                classes=str(sorted(map(str, areas["land_class"].unique()))[:8]),
                types=str(lay.types),
            ),
            hint=text("esv.hint_no_factors"),
        )
    a = areas if keep.all() else areas.loc[keep]
    c_idx = c_idx[keep]
    return a, c_idx


def _d_meta(tables: Mapping[str, pd.DataFrame], ry: _RegionYears, resolved: Resolved) -> dict:
    """D of every region-year by the grain rule (empty when D is not from the grain table)."""
    fr = resolved.frames
    extra = {}
    if fr.get("grain_fraction"):  # D of every region-year, by the grain rule
        d = _d_base(tables, ry) * resolved.values[int(fr["d_theta"])]
        keys = [f"{r}/{y}" for r, y in zip(np.asarray(ry.regions)[ry.region], ry.year, strict=True)]
        extra["d"] = {
            **resolved.meta.get("d", {}),
            "values": dict(zip(keys, d.tolist(), strict=True)),
        }
    return extra


def _show_mapped(lines, a, b: _Blocks, factors, lay: _Layout, used_c) -> None:
    """``ecosystem_type`` of mapped lines becomes the map's target; ``input_class`` keeps the
    label as written (a native wetland and 园地 mapped onto wetland stay two lines)."""
    display = dict(zip(factors["ecosystem_type"], factors["display"], strict=False))
    labels = [display.get(lay.types[c], lay.types[c]) for c in used_c]
    codes = lines["ecosystem_type"].cat.codes.to_numpy()
    lines["ecosystem_type"] = canonical_codes(codes, labels)[0]
    ic = a["input_class"].astype("category").array
    ic_codes = b.sorted_rows(ic.codes)[b.pos]
    lines["input_class"] = canonical_codes(ic_codes, [str(c) for c in ic.categories])[0]


def _check_classes(areas: pd.DataFrame) -> None:
    classes = {c for c in map(str, areas["land_class"].unique()) if not c.startswith(KEY_PREFIX)}
    biomes = sorted(classes - set(LAND_CLASSES))
    if biomes:
        raise MethodError(text("esv.biomes", classes=str(biomes)), hint=text("esv.hint_biomes"))


def _prices(tables, fr, theta, lay: _Layout, ry: _RegionYears, b: _Blocks):
    """Price per line, its data multiplier (adjustment α × grain value; ``None`` if 1), the
    value terms per (service, type) category and whether any α ≠ 1."""
    n_s, n_c = lay.rows.shape
    d_theta, i_theta = int(fr["d_theta"]), int(fr["index_theta"])
    theta_of = fr["factors"]["theta"].to_numpy()
    poly_of = fr["factors"]["poly"].to_numpy() if "poly" in fr["factors"] else None
    tail = [(d_theta, 1)] + ([(i_theta, 1)] if i_theta >= 0 else [])
    cat_terms: list[list] = []
    for s in range(n_s):
        for c in range(n_c):
            r = lay.rows[s, c]
            if r >= 0 and poly_of is not None and poly_of[r] is not None:  # Σ w·factor
                cat_terms.append([(w, [(int(t), 1), *tail]) for w, t in poly_of[r]])
            else:
                cat_terms.append(([(int(theta_of[r]), 1)] if r >= 0 else []) + tail)
    base = Terms.from_lists(cat_terms).evaluate(theta)
    flat = b.s.astype(np.int64) * n_c + b.c
    price = base[flat]
    mult = None
    adjusted = None
    if tables.get("adjustments") is not None:
        adj = adjustment_frame(tables["adjustments"], ry.frame())
        adj = adj[adj["service"].isin(lay.services)]
        rows = ry.positions(adj)
        ok = rows >= 0
        M = np.ones((len(ry), n_s))
        M[rows[ok], pd.Index(lay.services).get_indexer(adj["service"])[ok]] = adj["multiplier"][ok]
        if (M != 1.0).any():
            mult = M[b.per_line(np.arange(len(ry))), b.s]
            adjusted = mult != 1.0
    if fr.get("grain_fraction"):
        dbase = b.per_line(_d_base(tables, ry))
        mult = dbase if mult is None else mult * dbase
    if adjusted is not None:
        cat_terms = cat_terms + cat_terms
    return (price if mult is None else price * mult), mult, cat_terms, adjusted


def _coefficient_codes(fr, lay: _Layout, used_c: np.ndarray, b: _Blocks, adjusted):
    """The ``coefficient`` column (canonical) and, per category, its (service, type) position
    (a line whose α ≠ 1 uses the category's ``;adjustment`` twin)."""
    n_s, n_c = lay.rows.shape
    labels: list[str | None] = [None] * (n_s * n_c * (2 if adjusted is not None else 1))
    label_of = fr["factors"]["label"].to_numpy()
    for s in range(n_s):
        for c in used_c:
            lb = label_of[lay.rows[s, c]]
            labels[s * n_c + c] = lb
            if adjusted is not None:
                labels[n_s * n_c + s * n_c + c] = lb + ";adjustment"
    flat = b.s.astype(np.int64) * n_c + b.c
    if adjusted is not None:
        flat = flat + adjusted * (n_s * n_c)
    col, first = canonical_codes(flat, labels)
    return col, first


def _warnings(areas: pd.DataFrame, valued: set[str], resolved: Resolved, lines: pd.DataFrame):
    out = []
    ref = resolved.frames.get("factors_ref", "")
    lc = areas["land_class"]
    cat = lc.array if isinstance(lc.dtype, pd.CategoricalDtype) else pd.Categorical(lc)
    sums = np.bincount(cat.codes[cat.codes >= 0], weights=areas["area"].to_numpy()[cat.codes >= 0],
                       minlength=len(cat.categories))  # fmt: skip
    present = np.bincount(cat.codes[cat.codes >= 0], minlength=len(cat.categories)) > 0
    targets = resolved.frames.get("mapped_targets", {})
    for k, cls in enumerate(map(str, cat.categories)):
        if present[k] and cls not in valued and cls in targets:
            out.append(text("classmap.unvalued", input=cls[len(KEY_PREFIX):], target=targets[cls],
                            area=f"{sums[k]:,.2f}", table=ref))  # fmt: skip
        elif present[k] and cls not in valued:
            out.append(text("esv.unvalued", cls=cls, area=f"{sums[k]:,.2f}", ref=ref))
    if (lines["value"].to_numpy() < 0).any():
        out.append(text("esv.negative_lines"))
    return out


__all__ = ["ADJUSTMENT_SERVICES", "adjustment_frame", "codes_in", "d_from_grain", "esv_kernel"]
