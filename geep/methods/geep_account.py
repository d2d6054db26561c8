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
from typing import Any

import numpy as np
import pandas as pd

from ..coefficients import CoefficientTable, load
from ..errors import MethodError, PriceYearError
from ..inputs import Inputs
from ..ledger import Ledger
from ..ledger_frame import categorical, const_column, merge_meta
from ..messages import text
from .common import chain_theta
from .registry import Method, Option, register
from .resolved import KernelResult, Resolved, Terms, ThetaBuilder

LINES = (
    ("gdp", "economy", 1.0, "GDP"),
    ("pdc", "deduction", -1.0, "pollution damage cost (污染损失成本)"),
    ("edc", "deduction", -1.0, "ecological damage cost (生态破坏成本)"),
    ("ers", "regulating", 1.0, "regulating services of GEP (生态调节服务价值)"),
)
_KEY = ["region_code", "year"]


def ers_table(gep_ledger: Ledger) -> tuple[pd.DataFrame, int, list[Any]]:
    """ERS per region-year (the regulating subtotal of a GEP ledger), its price year, and
    warnings; region-years with GEP lines but no regulating lines have ERS 0 (said so)."""
    gl = gep_ledger._lines
    gl = gl[gl["account"] == "GEP"]
    if gl.empty:
        raise MethodError(text("geep.no_gep"), hint=text("geep.hint_no_gep"))
    units = set(map(str, gl["value_unit"].dropna().unique()))
    if units != {"CNY"}:
        raise PriceYearError(text("geep.gep_not_cny", units=str(sorted(units))),
                             hint=text("geep.hint_cny"))  # fmt: skip
    years = sorted(int(y) for y in gl["price_year"].dropna().astype(int).unique())
    if len(years) != 1:
        raise PriceYearError(text("geep.gep_price_years", years=str(years)))
    flat = gl[["region_code", "year", "category", "value"]].copy()
    flat["region_code"] = flat["region_code"].astype(str)
    reg = flat[flat["category"] == "regulating"]
    ers = reg.groupby(_KEY, sort=True)["value"].sum().rename("ers").reset_index()
    all_ry = flat[_KEY].drop_duplicates().sort_values(_KEY)
    ers = all_ry.merge(ers, on=_KEY, how="left")
    warnings: list[Any] = []
    if ers["ers"].isna().any():
        warnings.append(text("geep.no_regulating", n=int(ers["ers"].isna().sum())))
        ers["ers"] = ers["ers"].fillna(0.0)
    return ers.reset_index(drop=True), years[0], warnings


def _match_region_years(eco: pd.DataFrame, ers: pd.DataFrame) -> None:
    """Region-years in one table but not the other are an error (never a silent drop)."""
    e = eco[_KEY].assign(region_code=eco["region_code"].astype(str))
    both = e.merge(ers[_KEY], how="outer", indicator=True)
    only_e = both[both["_merge"] == "left_only"][_KEY].values.tolist()
    only_g = both[both["_merge"] == "right_only"][_KEY].values.tolist()
    if only_e or only_g:
        raise MethodError(text("geep.region_years", eco=str(only_e[:5]), gep=str(only_g[:5])),
                          hint=text("geep.hint_region_years"))  # fmt: skip


def resolve_geep(
    profile: Any,
    tables: Mapping[str, pd.DataFrame],
    options: Mapping[str, Any],
    price_year: int | None,
    overrides: Mapping[str, CoefficientTable | str] | None = None,
) -> Resolved:
    """Price-index chains that bring the economy figures and ERS to one price year."""
    eco, ers = tables["economy"], tables["ers"]
    _match_region_years(eco, ers)
    gep_py = int(ers.attrs["price_year"])
    eco_years = sorted(int(y) for y in eco["price_year"].astype(int).unique())
    if price_year is None:
        if eco_years != [gep_py]:
            raise PriceYearError(
                text("geep.price_years", eco=str(eco_years), gep=gep_py),
                hint=text("geep.hint_price_years"),
            )
        price_year = gep_py
    target = int(price_year)
    th = ThetaBuilder()
    idx = options.get("price_index") or "cpi-china@nbs-annual"
    eco_theta: dict[int, int] = {}
    ers_theta = -1
    if any(y != target for y in (*eco_years, gep_py)):
        pit = idx if isinstance(idx, CoefficientTable) else load(idx)
        eco_theta = {y: chain_theta(th, pit, y, target) for y in eco_years if y != target}
        if gep_py != target:
            ers_theta = chain_theta(th, pit, gep_py, target)
    return Resolved(
        method="geep",
        profile=None,
        price_year=target,
        theta=th.build(),
        frames={"eco_theta": eco_theta, "ers_theta": ers_theta},
        tables=th.tables,
        options={},
    )


def geep_kernel(tables: Mapping[str, pd.DataFrame], resolved: Resolved) -> KernelResult:
    """Pure kernel: four signed lines per region-year — GDP (+), PDC (−), EDC (−), ERS (+).

    ``economy``: ``region_code, year, gdp, pdc, edc`` [CNY], ``price_year``, ``input_ref``;
    ``ers``: ``region_code, year, ers`` [CNY]. Region-years in one table but not the other are
    an error (never a silent drop).
    """
    eco = tables["economy"].copy()
    eco["region_code"] = eco["region_code"].astype(str)
    ers = tables["ers"]
    _match_region_years(eco, ers)
    m = eco.merge(ers, on=_KEY, how="inner", validate="one_to_one").sort_values(_KEY)
    fr = resolved.frames
    eco_py = m["price_year"].astype(int).to_numpy()
    ref_of = resolved.theta["ref"].tolist()
    cats: dict[tuple, int] = {}
    labels: list[str | None] = []
    terms: list[list[tuple[int, int]]] = []

    def category(pos: int, label: str | None, sign: int) -> int:
        key = (pos, label, sign)
        if key not in cats:
            cats[key] = len(labels)
            labels.append(
                ";".join(p for p in (label, ref_of[pos] if pos >= 0 else "") if p) or None
            )
            terms.append([(pos, 1)] if pos >= 0 else [])
        return cats[key]

    parts = []
    for name, cat, sign, _ in LINES:
        if name == "ers":
            pos = int(fr["ers_theta"])
            code = np.full(len(m), category(pos, "GEP ledger regulating subtotal", int(sign)))
            refs = np.full(len(m), "gep_ledger", dtype=object)
        else:
            pos_of = {y: fr["eco_theta"].get(y, -1) for y in set(eco_py)}
            code = np.array([category(pos_of[y], None, int(sign)) for y in eco_py])
            refs = m[f"{name}_ref"].to_numpy() if f"{name}_ref" in m else m["input_ref"].to_numpy()
        parts.append((name, cat, sign, code, refs))
    tv = Terms.from_lists(terms).evaluate(resolved.values)
    n = len(m)
    out = {k: [] for k in ("service", "category", "value", "code", "ref", "data", "ry")}
    for name, cat, sign, code, refs in parts:
        data = sign * m[name].to_numpy(dtype=float)
        out["service"].append(np.full(n, name, dtype=object))
        out["category"].append(np.full(n, cat, dtype=object))
        out["value"].append(data * tv[code])
        out["data"].append(data)
        out["code"].append(code)
        out["ref"].append(refs)
        out["ry"].append(np.arange(n))
    ry = np.concatenate(out["ry"])
    service = np.concatenate(out["service"])
    lines = pd.DataFrame(
        {
            "region_code": pd.Categorical(m["region_code"].to_numpy()[ry]),
            "year": m["year"].to_numpy(np.int64)[ry],
            "category": pd.Categorical(np.concatenate(out["category"])),
            "service": pd.Categorical(service),
            "indicator": pd.Categorical(service),
            "quantity": np.nan,
            "quantity_unit": pd.Categorical([None] * len(ry)),
            "price": np.nan,
            "price_unit": pd.Categorical([None] * len(ry)),
            "value": np.concatenate(out["value"]),
            "method": const_column("geep.identity", len(ry)),
            "coefficient": categorical(np.concatenate(out["code"]), labels),
            "input_ref": pd.Categorical(np.concatenate(out["ref"])),
        },
        copy=False,
    )
    return KernelResult(lines, Terms.from_lists(terms), np.concatenate(out["data"]))


METHOD = register(
    Method(
        name="geep",
        account="GEEP",
        requires=("economy",),
        default_profile=None,
        roles=(),
        resolve=resolve_geep,
        kernel=geep_kernel,
        options={"price_index": Option("cpi-china@nbs-annual")},
        depends=("gep",),
        title="method.geep",
        order=40,
    )
)


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
    from .common import input_tables
    from .run import run

    tables, names, sources = input_tables(economy, "economy")
    ers, gep_py, warnings = ers_table(gep_ledger)
    ers.attrs["price_year"] = gep_py
    gl = gep_ledger._lines
    gep_names = dict(zip(gl["region_code"].astype(str), gl["region_name"].astype(object),
                         strict=False))  # fmt: skip
    names = {**{k: v for k, v in gep_names.items() if isinstance(v, str)}, **names}
    inputs = Inputs(tables={**tables, "ers": ers}, sources=sources)
    inputs.region_names = lambda: names  # type: ignore[method-assign]
    meta = merge_meta([gep_ledger.meta, {"warnings": warnings}])
    ledger = run(
        "geep",
        inputs,
        price_year=price_year,
        options={"price_index": price_index},
        meta={"method": "GEEP = GDP − PDC − EDC + ERS (ERS = GEP regulating subtotal)"},
    )
    ledger.meta = merge_meta([meta, ledger.meta]) | {"method": ledger.meta["method"]}
    return ledger


def parent_columns(
    region: pd.Series, mapping: Mapping[str, str], names: Mapping[str, str]
) -> tuple[pd.Categorical, pd.Categorical]:
    """Parent code and name of every line, mapped once per distinct region (not per line).

    Raises
    ------
    MethodError
        If a region has no parent in ``mapping``.
    """
    cat = region if isinstance(region.dtype, pd.CategoricalDtype) else region.astype("category")
    codes = cat.cat.codes.to_numpy()
    regions = [str(c) for c in cat.cat.categories]
    used = sorted({regions[i] for i in np.unique(codes[codes >= 0])})
    missing = [r for r in used if r not in mapping]
    if missing or (codes < 0).any():
        raise MethodError(text("geep.unmapped_regions", regions=str((missing or ["<blank>"])[:10])))
    up = np.array([str(mapping.get(r, "")) for r in regions] + [""], dtype=object)
    targets, inv = np.unique(up, return_inverse=True)
    parent = pd.Categorical.from_codes(inv[codes], targets)
    label = [names.get(t, "") for t in targets]
    uniq, inv_name = np.unique(np.array(label, dtype=object), return_inverse=True)
    return parent, pd.Categorical.from_codes(inv_name[inv[codes]], uniq)


def aggregate(
    ledger: Ledger, mapping: Mapping[str, str], names: Mapping[str, str] | None = None
) -> Ledger:
    """Sum lines of regions into parent regions (``mapping``: region_code → parent code).

    National GEEP = Σ provincial GEEPs: aggregate the GEEP ledger, do not recompute from
    aggregate GDP. Every region must be mapped (no silent drop).

    Lines are summed per parent region, year, account, category, service, indicator (and
    ecosystem type, input class, component where the ledger has them), money unit, price year
    and method. A line's ``quantity`` is the sum of its parts' when they all have one and in
    the same unit (areas of a land class, tonnes of a pollutant), else empty; ``price`` is
    empty (a sum of values is not a price times a quantity); ``input_ref`` says how many lines
    were summed.

    Parameters
    ----------
    mapping
        ``{region_code: parent_code}`` for every region of the ledger.
    names
        ``{parent_code: name}``; parents without one get an empty name.

    Raises
    ------
    MethodError
        If a region of the ledger has no parent in ``mapping``.
    """
    lines = ledger._lines
    parent, name = parent_columns(lines["region_code"], mapping, names or {})
    keys = [
        "region_code", "region_name", "year", "account", "category", "service", "indicator",
        *(c for c in ("ecosystem_type", "input_class", "component") if c in lines.columns),
        "value_unit", "price_year", "method",
    ]  # fmt: skip
    flat = lines[[k for k in keys if k not in ("region_code", "region_name")]].copy(deep=False)
    flat.insert(0, "region_code", parent)
    flat.insert(1, "region_name", name)
    flat["value"] = lines["value"].to_numpy()
    flat["quantity"] = lines["quantity"].to_numpy()
    flat["quantity_unit"] = lines["quantity_unit"]
    g = flat.groupby(keys, sort=True, dropna=False, observed=True)
    agg = g.agg(
        value=("value", "sum"),
        lines=("value", "size"),
        quantity=("quantity", "sum"),
        with_quantity=("quantity", "count"),
        units=("quantity_unit", "nunique"),
        quantity_unit=("quantity_unit", "first"),
    ).reset_index()
    whole = (agg["with_quantity"] == agg["lines"]) & (agg["units"] == 1)
    agg["quantity"] = agg["quantity"].where(whole)
    agg["quantity_unit"] = agg["quantity_unit"].astype(object).where(whole, None)
    agg["input_ref"] = "sum of " + agg["lines"].astype(str) + " lines"
    agg["price"] = np.nan
    agg["price_unit"] = None
    agg["coefficient"] = "aggregate"
    agg = agg.drop(columns=["lines", "with_quantity", "units"])
    return Ledger(agg, dict(ledger.meta))


__all__ = ["aggregate", "ers_table", "geep", "geep_kernel", "parent_columns", "resolve_geep"]
