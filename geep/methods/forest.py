"""Forest ecosystem services from inventory stands (the LY/T 1721-2008 structure).

The stand-based method of the forestry standard: each stand of the forest management inventory
(二类调查) — a stand type, optionally one of its age classes — is valued indicator by indicator
with the formulas of :mod:`geep.methods.forest_formulas` and the prices of the social-economic
data (社会公共数据). It is one method family on the registry:

* :func:`resolve_forest` — the only catalogue access: the profile's price table and the user's
  prices become θ (reference, value in the canonical unit, unit, evidence, price year), with
  price-index chains where a price year is known and differs from the report year;
* :func:`forest_kernel` — pure: every line is ``data × Π θ`` (data from areas and drivers);
* :data:`METHOD` — the registry record (``geep run --method forest``);
* :func:`forest` — the front end, ``geep.forest(stands, prices, …) -> Ledger``.

The ledger is account ``GEP``, one line per region, year, stand type (``ecosystem_type``), age
class (``age_class``) and indicator (``component`` for indicators of several lines), so
:func:`geep.geep` takes its regulating subtotal like that of any GEP ledger.

References
----------
.. [1] LY/T 1721-2008 森林生态系统服务功能评估规范 — structure as reproduced by third-party code
   and citing papers (:mod:`geep.methods.forest_formulas`); the text was not seen, and the
   forest-function correction and discounting of its successor GB/T 38582-2020 are not applied.
.. [2] 张春华 et al. 2018, 生态学报 38(5):1739-1749 (the published oracle of the tests).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from ..coefficients import CoefficientTable, profile_table
from ..inputs import Inputs
from ..inputs.forest_prices import TABLE as PRICES_TABLE
from ..ledger import Ledger
from ..ledger_frame import CATEGORY_ORDER, canonical_codes, code_dtype, fast_categorical
from ..messages import text
from .common import profile_status_warning
from .forest_checks import ForestPriceError, check_prices, check_stands, subtotal_rows
from .forest_lines import BY_KEY
from .forest_prices import (
    SpeciesClasses,
    merge_prices,
    sheet_prices,
    table_prices,
    user_prices,
)
from .forest_resolve import (
    Pricer,
    check_labels,
    money_keys,
    not_priced_warning,
    part_frames,
    report_year,
    select_indicators,
    stand_years,
)
from .forest_spec import AGE_CLASSES, DRIVERS, STANDARD, TABLE
from .registry import Method, Option, register
from .resolved import KernelResult, Resolved, Terms, ThetaBuilder


def resolve_forest(
    profile: Any,
    tables: Mapping[str, pd.DataFrame],
    options: Mapping[str, Any],
    price_year: int | None,
    overrides: Mapping[str, CoefficientTable | str] | None = None,
) -> Resolved:
    """Prices, parameters and price-index chains of the requested indicators, as θ.

    Checks the stands for the indicators asked for (every problem at once) and that every
    price they need is given (the profile's, or the user's on top); a missing price is an
    error naming the indicator and the price, never a zero. Price years follow the policy of
    :mod:`geep.methods.forest_resolve`.

    Raises
    ------
    StandInputError, MissingPriceError, ForestPriceError, PriceYearError, MethodError

    References
    ----------
    ``forest-prices@lyt1721-2008`` (the three prices a source prints); issue 18.
    """
    stands = tables[TABLE]
    table = profile_table(profile, "prices", overrides)
    th = ThetaBuilder()
    th.use_table(table)
    prices = merge_prices(table_prices(table), _user(options.get("prices"), tables))
    names, left, unpriced = select_indicators(stands, options.get("indicators"), prices)
    by_class = isinstance(prices.get("species"), SpeciesClasses)
    check_stands(stands, names, species_by_class=by_class, atol=options["age_tolerance"])
    check_prices(names, prices)
    years = stand_years(stands)
    keys = money_keys(names)
    year, stated = report_year(prices, keys, price_year, years)
    pricer = Pricer(th, table, prices, year, stated,
                    lambda: profile_table(profile, "price_index", overrides))  # fmt: skip
    parts = part_frames(pricer, names, years, profile.name)
    check_labels(parts)
    warnings = _warnings(stands, names, left, stated, year, prices)
    if unpriced:
        warnings.insert(1, not_priced_warning(unpriced))
    meta = {
        "profile_warning": profile_status_warning(profile),
        "forest": {
            "standard": STANDARD,
            "indicators": list(names),
            "price_years": {k: {"given": prices[k].price_year, "source": prices[k].source,
                                "taken_as": year if k in stated else None} for k in keys},
            "subtotal_rows": int(subtotal_rows(stands).sum()),
        },
    }  # fmt: skip
    opts = {"indicators": list(names), "age_tolerance": options["age_tolerance"],
            "prices": {k: _given(p) for k, p in sorted(prices.items())}}  # fmt: skip
    return Resolved("forest", profile.name, year, th.build(), frames={"parts": parts},
                    tables=th.tables, options=opts, warnings=warnings, status=profile.status,
                    meta=meta)  # fmt: skip


def _user(given: Any, tables: Mapping[str, pd.DataFrame]) -> dict[str, Any]:
    """The user's prices: ``prices=`` and the ``forest_prices`` table (a key in both is an
    error, not a choice)."""
    mine = user_prices(given)
    sheet = user_prices(sheet_prices(tables.get(PRICES_TABLE)))
    both = sorted(set(mine) & set(sheet))
    if both:
        k = both[0]
        raise ForestPriceError(text("forest.price_two_sources", key=k, a=mine[k].source,
                                    b=sheet[k].source), price=k)  # fmt: skip
    return {**sheet, **mine}


def _given(p: Any) -> str:
    if isinstance(p, SpeciesClasses):
        return f"{len(p.values)} Shannon-Wiener classes ({p.source})"
    return f"{p.given} @{p.price_year or '?'} ({p.source})"


def _warnings(stands, names, left, stated, year, prices) -> list[Any]:
    out: list[Any] = [text("forest.structure", standard=STANDARD)]
    if stated:
        srcs = "; ".join(f"{k}: {prices[k].source}" for k in stated)
        out.append(text("forest.price_year_stated", keys=", ".join(stated), year=year,
                        sources=srcs))  # fmt: skip
    if left:
        out.append(text("forest.not_computed", names=", ".join(left)))
    sub = subtotal_rows(stands)
    if sub.any():
        used = [c for c in DRIVERS if c in stands.columns]
        cells = int(stands.loc[sub, used].notna().to_numpy().sum()) if used else 0
        code = "forest.subtotals_unused" if cells else "forest.subtotals"
        out.append(text(code, n=int(sub.sum()), cells=cells))
    if {"carbon_sequestration", "oxygen_release"} <= set(names):
        out.append(text("forest.overlap_photosynthesis"))
    if {"water_regulation", "water_purification"} <= set(names):
        out.append(text("forest.overlap_water"))
    return out


def _columns(stands: pd.DataFrame) -> dict[str, np.ndarray]:
    n = len(stands)
    out = {"area": stands["area"].to_numpy(dtype=float)}
    for c in DRIVERS:
        out[c] = (stands[c].to_numpy(dtype=float, na_value=np.nan) if c in stands.columns
                  else np.full(n, np.nan))  # fmt: skip
    return out


def _select(rec: Mapping[str, Any], stands: pd.DataFrame, cols: Mapping[str, np.ndarray]):
    """Variant of each stand: its Shannon-Wiener class, its data year, or the one variant."""
    if rec["select"] == "shannon_wiener":
        return np.searchsorted(np.asarray(rec["select_keys"]), cols["shannon_wiener"],
                               side="right") - 1  # fmt: skip
    if rec["select"] == "year":
        return np.searchsorted(np.asarray(rec["select_keys"]), stands["year"].to_numpy(np.int64))
    return np.zeros(len(stands), dtype=np.int64)


def _stand_codes(stands: pd.DataFrame, column: str, mapping: Mapping[str, str] | None = None):
    """Codes per stand into the lexically sorted labels the stands use (``-1``: empty);
    labels mapped first (e.g. 幼龄林 → young)."""
    if column not in stands.columns:
        return np.full(len(stands), -1, dtype=np.int64), []
    col = stands[column]
    if isinstance(col.dtype, pd.CategoricalDtype):
        codes, uniq = col.cat.codes.to_numpy(np.int64), list(col.cat.categories)
    else:
        codes, uniq = pd.factorize(col.astype(object), use_na_sentinel=True)
        codes = codes.astype(np.int64)
    labels = [str(u) for u in uniq]
    labels = [mapping.get(lb, lb) for lb in labels] if mapping else labels
    used = sorted({labels[i] for i in np.unique(codes[codes >= 0])})
    pos = {lb: i for i, lb in enumerate(used)}
    lut = np.array([pos.get(lb, -1) for lb in labels] + [-1], dtype=np.int64)
    return lut[codes], used


def _ledger_order(stands: pd.DataFrame, keys: Mapping[str, np.ndarray], parts):
    """Flat positions (part × stand) of the lines in ledger order — region, year, category
    (ledger order), service, indicator, stand type, age class (empty last), component — and
    the stands in the order of their first line."""
    n = len(stands)
    year = stands["year"].to_numpy(np.int64)
    y0 = int(year.min()) if n else 0
    ry = keys["region_code"] * (int(year.max()) - y0 + 1 if n else 1) + (year - y0)
    n_age = int(keys["age_class"].max(initial=-1)) + 1
    ta = keys["stand_type"] * (n_age + 1) + np.where(
        keys["age_class"] < 0, n_age, keys["age_class"]
    )
    triple = [(CATEGORY_ORDER.index(r["category"]), r["service"], r["indicator"]) for r in parts]
    rank = {t: i for i, t in enumerate(sorted(set(triple)))}
    pi = np.array([rank[t] for t in triple], dtype=np.int64)
    comps = sorted({r["component"] for r in parts if r["component"] is not None})
    pc = np.array([comps.index(r["component"]) if r["component"] is not None else len(comps)
                   for r in parts], dtype=np.int64)  # fmt: skip
    sizes = (int(ry.max(initial=0)) + 1, len(rank), int(ta.max(initial=0)) + 1, len(comps) + 1)
    # every stand has a line of every part: a stand first appears in the order of (ry, ta)
    stand_order = np.lexsort((ta, ry))
    if float(np.prod(sizes, dtype=float)) < 2.0**62:
        key = ((ry[None, :] * sizes[1] + pi[:, None]) * sizes[2] + ta[None, :]) * sizes[3]
        return np.argsort((key + pc[:, None]).ravel(), kind="stable"), stand_order
    flat = np.arange(len(parts) * n)  # pragma: no cover - astronomically many stands
    return np.lexsort((pc[flat // n], ta[flat % n], pi[flat // n], ry[flat % n])), stand_order


def forest_kernel(tables: Mapping[str, pd.DataFrame], resolved: Resolved) -> KernelResult:
    """Pure kernel: one line per valued stand and part of each requested indicator.

    ``tables[forest_stands]``: the normalised stand table (canonical units, ``input_ref``).
    A stand row that totals its age classes is not valued (its age classes are). Values are
    ``data × Π θ`` exactly; quantities are in the ledger units of
    :mod:`geep.methods.forest_lines`, prices are value per quantity. Lines come in ledger
    order with canonical categories.
    """
    all_stands = tables[TABLE]
    stands = all_stands.loc[~subtotal_rows(all_stands)].reset_index(drop=True)
    n, parts = len(stands), resolved.frames["parts"]
    cols = _columns(stands)
    data, scale, cat = (np.empty((len(parts), n)) for _ in range(3))
    labels, vterms, qterms, pterms = [], [], [], []
    for i, rec in enumerate(parts):
        part = BY_KEY[(rec["indicator"], rec["component"] or "")]
        data[i] = part.data(cols)
        scale[i] = 1.0 if part.scale is None else part.scale(cols)
        cat[i] = len(labels) + _select(rec, stands, cols)
        for v in rec["variants"]:
            labels.append(v["label"])
            vterms.append(v["terms"])
            qterms.append(v["qterms"])
            pterms.append(v["pterms"])
    age_ids = {zh: a for a, zh in AGE_CLASSES.items()}
    keys, names = {}, {}
    for column, mapping in (("region_code", None), ("stand_type", None), ("age_class", age_ids)):
        keys[column], names[column] = _stand_codes(stands, column, mapping)
    order, stand_order = _ledger_order(stands, keys, parts)
    k, j = order // max(n, 1), order % max(n, 1)
    d, s, c = data.ravel()[order], scale.ravel()[order], cat.ravel()[order].astype(np.int64)
    theta = resolved.values
    t_val, t_qty, t_price = (Terms.from_lists(t).evaluate(theta) for t in (vterms, qterms, pterms))
    uf = np.array([rec["unit_factor"] for rec in parts])[k]
    coef, first = canonical_codes(c, labels)
    lines = _lines(stands, parts, keys, names, k, j, coef, stand_order)
    lines["quantity"] = d * s * t_qty[c] * uf
    lines["price"] = t_price[c] / (s * uf)
    lines["value"] = d * t_val[c]
    terms = Terms.from_lists([vterms[m] for m in first])
    return KernelResult(lines[_ORDER], terms, d, ordered=True, canonical=True)


_ORDER = ["region_code", "year", "category", "service", "indicator", "quantity", "quantity_unit",
          "price", "price_unit", "value", "method", "coefficient", "input_ref", "ecosystem_type",
          "age_class", "component"]  # fmt: skip


def _input_refs(stands: pd.DataFrame, j: np.ndarray, stand_order: np.ndarray) -> pd.Categorical:
    """The stands' ``input_ref`` per line, categories in order of first appearance."""
    codes, uniq = pd.factorize(stands["input_ref"].astype(object), use_na_sentinel=True)
    seen, first = np.unique(codes[stand_order], return_index=True)
    seen, first = seen[seen >= 0], first[seen >= 0]
    by_first = seen[np.argsort(first, kind="stable")]
    remap = np.full(len(uniq) + 1, -1, dtype=np.int64)
    remap[by_first] = np.arange(len(by_first))
    labels = np.asarray(uniq, dtype=object)[by_first].astype(str).tolist()
    return fast_categorical(remap[codes][j], labels)


def _lines(stands, parts, keys, names, k, j, coefficient, stand_order) -> pd.DataFrame:
    """The text and key columns of the lines (``k``: part, ``j``: stand of each line)."""

    def per_part(field: str) -> pd.Categorical:
        labels = [rec[field] for rec in parts]  # every part has lines: no unused label
        used = sorted({lb for lb in labels if lb is not None})
        lut = np.array([used.index(lb) if lb is not None else -1 for lb in labels])
        return fast_categorical(lut.astype(code_dtype(len(used)))[k], used)

    def per_stand(column: str) -> pd.Categorical:
        return fast_categorical(keys[column][j], names[column])

    out = {
        "region_code": per_stand("region_code"),
        "year": stands["year"].to_numpy(np.int64)[j],
        **{f: per_part(f) for f in ("category", "service", "indicator", "quantity_unit",
                                    "price_unit", "method", "component")},
        "coefficient": coefficient,
        "input_ref": _input_refs(stands, j, stand_order),
        "ecosystem_type": per_stand("stand_type"),
        "age_class": per_stand("age_class"),
    }  # fmt: skip
    return pd.DataFrame(out, copy=False)


METHOD = register(
    Method(
        name="forest",
        account="GEP",
        requires=(TABLE,),
        default_profile="lyt1721-2008",
        roles=("prices", "price_index"),
        resolve=resolve_forest,
        kernel=forest_kernel,
        options={
            "prices": Option(None, doc="user prices: a mapping or table (geep.forest)"),
            "indicators": Option(None, doc="indicators to value (None: those with data)"),
            "age_tolerance": Option(1e-6, doc="age classes vs stand area [ha]"),
        },
        title="method.forest",
        order=25,
    )
)


def forest(
    stands: Inputs | pd.DataFrame | Mapping[str, pd.DataFrame],
    prices: Mapping[str, Any] | pd.DataFrame | None = None,
    *,
    profile: str = "lyt1721-2008",
    price_year: int | None = None,
    indicators: Iterable[str] | str | None = None,
    tables: Mapping[str, CoefficientTable | str] | None = None,
) -> Ledger:
    """Forest GEP ledger from inventory stands (LY/T 1721-2008 structure).

    Parameters
    ----------
    stands
        The ``forest_stands`` table (sheet 林分): a DataFrame (units in the headers, e.g.
        ``area (mu)``, ``net_productivity (t/ha/a)``), :class:`~geep.Inputs` or a mapping of
        tables. Keys ``region_code, year, stand_type`` (+ ``age_class``), ``area`` and the
        drivers of the indicators asked for.
    prices
        The user's prices by key (:data:`geep.methods.forest_spec.PRICES`):
        ``{"carbon": (380, "CNY/t_CO2", 2020), …}``, mappings with ``value, unit,
        price_year``, a Shannon-Wiener class table for ``species``, or a table with columns
        ``price, value, unit[, price_year, lower_bound]``. They are put over the profile's.
    profile
        Profile with roles ``prices`` and ``price_index``.
    price_year
        Report price year [a]. Prices of a known year are converted to it with the profile's
        price index; prices of unknown year are taken as prices of it (recorded as your
        statement). Without it, every price must have the same known year.
    indicators
        Indicators to value (``None``: those whose drivers have values in the table).
    tables
        Replace profile tables by role (e.g. ``{"prices": my_edition}``).

    Returns
    -------
    Ledger
        Account ``GEP``; categories regulating / supporting / cultural; ``ecosystem_type`` =
        stand type, ``age_class``, ``component``.

    Raises
    ------
    StandInputError
        Listing every problem of the stands (row and column of each).
    MissingPriceError
        Naming every indicator and price that no one gives.
    PriceYearError
        A price of unknown price year and no ``price_year``.

    References
    ----------
    LY/T 1721-2008 structure (see :mod:`geep.methods.forest_formulas`); issue 18.
    """
    from .run import run

    ind = [indicators] if isinstance(indicators, str) else indicators
    options = {"prices": prices, "indicators": None if ind is None else list(ind)}
    return run("forest", stands, profile=profile, price_year=price_year, options=options,
               tables=tables)  # fmt: skip


def rollup(
    ledger: Ledger, by: str | Sequence[str] = "stand_type", columns: str = "indicator"
) -> pd.DataFrame:
    """Values of a forest ledger by stand type and/or age class, one column per indicator.

    Parameters
    ----------
    by
        ``"stand_type"``, ``"age_class"`` or both (rows; per region and year).
    columns
        Ledger column spread into columns (``indicator``, ``category``, ``service`` …).

    Returns
    -------
    DataFrame
        Index ``year`` (if several), ``region_code`` and ``by``; a ``total`` column [CNY a⁻¹
        at the ledger's price year]. A missing age class is a whole stand.
    """
    keys = [by] if isinstance(by, str) else list(by)
    cols = ["ecosystem_type" if b == "stand_type" else b for b in keys]
    s = ledger.total(by=["region_code", *cols, columns])
    wide = s.unstack(columns, fill_value=0.0)
    wide.columns.name = None
    wide = wide.rename_axis(index={"ecosystem_type": "stand_type"})
    wide["total"] = wide.sum(axis=1)
    return wide


__all__ = ["METHOD", "forest", "forest_kernel", "resolve_forest", "rollup"]
