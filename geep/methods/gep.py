"""Gross Ecosystem Product by the function-value method (功能量 × 价格).

.. math:: GEP = \\sum_i Q_i \\, P_i = EPV + ERV + ECV

Physical quantities come from the ``quantities`` table, or are computed from ``drivers`` by
the models of :mod:`geep.methods.gep_spec`; prices and constants from the profile's
``parameters`` table (:func:`geep.methods.gep_resolve.resolve_gep`). Soil retention is valued
as avoided siltation plus avoided N and P (``λ·A_s/ρ·P_s + A_s·C_N·P_N + A_s·C_P·P_P``), sand
fixation via the sand-cover area (``Q/(ρ·h)·P_f``), carbon on the price table's basis (t C or
t CO₂, converted exactly).

References
----------
.. [1] 欧阳志云 et al. 生态系统生产总值核算: 概念、核算方法与案例研究. 生态学报 2013, 33(21):6747-6761.
.. [2] 白玛卓嘎, 肖燚, 欧阳志云, 王莉雁. 甘孜藏族自治州生态系统生产总值核算研究. 生态学报 2017,
   37(19):6302-6312 (the Garze 2010 case; parameters in ``gep-parameters@garze-2010``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from ..coefficients import CoefficientTable
from ..indicators import INDICATORS, OVERLAPS
from ..inputs import Inputs
from ..ledger import Ledger
from ..ledger_frame import CATEGORY_ORDER, canonical_codes, fast_categorical
from ..messages import MESSAGES, text
from .gep_quantities import IND, IS_MONEY, Labels, apply_caps, quantities
from .gep_resolve import resolve_gep
from .gep_spec import MODELS, PROVISIONING_BASES
from .registry import Method, Option, register
from .resolved import KernelResult, Resolved, Terms


def _categories(q: pd.DataFrame, rows: list[dict[str, Any]], fr: Mapping[str, Any],
                labels: Labels):  # fmt: skip
    """One valuation category per distinct (indicator, money year, model, model constants,
    split): codes per line, and per category its label, method label, terms and attributes."""
    by_key = {(r["indicator"], r["year"]): r for r in rows}
    ind = q["ind"].to_numpy(np.int64)
    year = np.where(IS_MONEY[ind], q["year"].to_numpy(np.int64), -1)
    y0 = int(year.min()) if len(year) else 0
    span = int(year.max()) - y0 + 2 if len(year) else 2
    nm, nc, ns = len(labels.model), len(labels.mcoef), len(labels.split)
    key = (((ind * span + (year - y0)) * nm + q["model"].to_numpy()) * nc
           + q["mcoef"].to_numpy()) * ns + q["split"].to_numpy()  # fmt: skip
    codes, uniq = pd.factorize(key)
    out: dict[str, list[Any]] = {k: [] for k in ("label", "method", "terms", "category",
                                                 "service", "qunit", "punit", "rank")}  # fmt: skip
    for k in uniq:
        k, split = divmod(int(k), ns)
        k, mcoef = divmod(k, nc)
        k, model = divmod(k, nm)
        i, yr = divmod(k, span)
        name = IND[i]
        r = by_key[(name, yr + y0 if yr + y0 >= 0 and IS_MONEY[i] else None)]
        d = INDICATORS[name]
        parts = [r["label"] or "", labels.mcoef[mcoef], labels.split[split]]
        out["label"].append(";".join(p for p in parts if p) or None)
        m = fr["method_label"] + (f"+{labels.model[model]}" if labels.model[model] else "")
        out["method"].append(m + (f"+basis:{fr['basis']}" if d.service == "products" else ""))
        out["terms"].append(r["terms"])
        out["category"].append(d.category)
        out["service"].append(d.service)
        out["qunit"].append(r["quantity_unit"])
        out["punit"].append(r["price_unit"])
    return codes, out


def gep_kernel(tables: Mapping[str, pd.DataFrame], resolved: Resolved) -> KernelResult:
    """Pure kernel: quantities (given, or from drivers) × prices → one line per region, year
    and indicator (soil retention as three lines), in ledger order.

    ``tables``: ``quantities`` (``region_code, year, indicator, quantity`` in canonical units,
    ``input_ref``) and/or ``drivers`` (``region_code, year, variable, value``, ``input_ref``).
    """
    fr = resolved.frames
    theta = resolved.values
    q, labels, warnings = quantities(tables, fr, theta, resolved.theta["ref"].tolist())
    flags = None
    if fr["cap"] == "emissions" and tables.get("drivers") is not None:
        q, flags, n_capped = apply_caps(q, tables["drivers"])
        if n_capped:
            warnings.append(text("gep.capped", n=n_capped))
    codes, cat = _categories(q, fr["valuation"], fr, labels)
    order = _ledger_order(q)
    q = q.take(order).reset_index(drop=True) if order is not None else q
    codes = codes if order is None else codes[order]
    flags = flags if flags is None or order is None else flags.take(order)
    coef, first = canonical_codes(codes, cat["label"])
    terms = Terms.from_lists([cat["terms"][k] for k in first])
    price_cat = Terms.from_lists(cat["terms"]).evaluate(theta)
    data = q["quantity"].to_numpy(dtype=float)  # the given quantity (soil parts: before split)
    split = q["split_factor"].to_numpy(dtype=float)
    price = price_cat[codes] / split
    lines = pd.DataFrame(
        {
            "region_code": _region(q["region"].array),
            "year": q["year"].to_numpy(np.int64),
            "category": canonical_codes(codes, cat["category"])[0],
            "service": canonical_codes(codes, cat["service"])[0],
            "indicator": canonical_codes(q["ind"].to_numpy(), list(IND))[0],
            "quantity": data * split,
            "quantity_unit": canonical_codes(codes, cat["qunit"])[0],
            "price": price,
            "price_unit": canonical_codes(codes, cat["punit"])[0],
            "value": data * price_cat[codes],
            "method": canonical_codes(codes, cat["method"])[0],
            "coefficient": coef,
            "input_ref": q["input_ref"].array,
            "flags": flags if flags is not None else fast_categorical(np.full(len(q), -1), []),
        },
        copy=False,
    )
    present = set(map(str, lines["service"].cat.categories))
    for a, b, txt in OVERLAPS:
        if a in present and b in present:
            code = f"gep.overlap.{a}.{b}"  # the catalogue's text in the user's language
            warnings.append(text("gep.overlap", text=text(code) if code in MESSAGES else txt))
    return KernelResult(lines, terms, data, warnings, ordered=True)


def _region(region: pd.Categorical) -> pd.Categorical:
    cats = np.asarray(region.categories, dtype=object).astype(str)
    order = np.argsort(cats, kind="stable")
    lut = np.empty(len(cats) + 1, dtype=np.int64)
    lut[order] = np.arange(len(cats))
    lut[-1] = -1
    return fast_categorical(lut[region.codes], list(cats[order]))


def _ledger_order(q: pd.DataFrame) -> np.ndarray | None:
    """Row order by region (lexical), year, then the indicator's place in ledger order
    (category, service, indicator)."""
    if len(q) < 2:
        return None
    region = q["region"].array
    cats = np.asarray(region.categories, dtype=object).astype(str)
    r_rank = np.argsort(np.argsort(cats, kind="stable"))
    ind_rank = np.empty(len(IND), dtype=np.int64)
    ind_rank[IND_ORDER] = np.arange(len(IND))
    year = q["year"].to_numpy(np.int64)
    span = int(year.max() - year.min()) + 1
    key = (r_rank[region.codes] * span + (year - year.min())) * len(IND) + ind_rank[
        q["ind"].to_numpy()
    ]
    if (np.diff(key) >= 0).all():
        return None
    return np.argsort(key, kind="stable")


#: indicator positions sorted by (category in ledger order, service, indicator)
IND_ORDER = np.array(
    sorted(range(len(IND)), key=lambda i: (
        CATEGORY_ORDER.index(INDICATORS[IND[i]].category), INDICATORS[IND[i]].service, IND[i]))
)  # fmt: skip


METHOD = register(
    Method(
        name="gep",
        account="GEP",
        requires=(("quantities", "drivers"),),
        default_profile="cn-gep-2020",
        roles=("parameters", "price_index"),
        resolve=resolve_gep,
        kernel=gep_kernel,
        options={
            "oxygen_release": Option(True, (True, False)),
            "provisioning_basis": Option("value_added"),
            "purification_cap": Option("emissions"),
            "exclude": Option(()),
            "carbon_price_basis": Option("CO2"),
            "pest_control_category": Option("regulating"),
            "include_supporting": Option(False),
        },
        title="method.gep",
        order=20,
    )
)


def gep(
    inputs: Inputs | pd.DataFrame,
    profile: str = "cn-gep-2020",
    *,
    price_year: int | None = None,
    options: Mapping[str, Any] | None = None,
    tables: Mapping[str, CoefficientTable | str] | None = None,
) -> Ledger:
    """GEP ledger by the function-value method.

    Parameters
    ----------
    inputs
        :class:`~geep.inputs.Inputs` with a ``quantities`` and/or ``drivers`` table, or a
        quantities DataFrame (``region_code, year, indicator, quantity`` + unit).
    profile
        Profile with roles ``parameters`` (prices and constants) and ``price_index``.
    price_year
        Report price year. Default: the price year of the parameter table. Prices, and
        money quantities (products, recreation, taken at the prices of their data year), are
        moved there with the price index; each conversion is recorded in ``coefficient``.
    options
        Override the profile's options: ``oxygen_release`` (bool), ``provisioning_basis``
        (``gross_output`` | ``value_added`` | ``resource_rent``, a label carried into the
        ``method`` of product lines), ``exclude`` (list of services or indicators left out,
        reported), ``purification_cap`` (``emissions``: purification quantities are capped at
        the actual emissions given as ``emission.*`` drivers; ``none``).
    tables
        Replace profile tables by role, e.g. ``{"parameters": my_override}``.

    Returns
    -------
    Ledger
        Account ``GEP``; categories provisioning / regulating / cultural.

    Raises
    ------
    CoefficientNotFoundError
        If an indicator present in the inputs has no price in the parameter table.
    """
    from .run import run

    return run("gep", inputs, profile=profile, price_year=price_year, options=options,
               tables=tables)  # fmt: skip


__all__ = ["METHOD", "MODELS", "PROVISIONING_BASES", "gep", "gep_kernel"]
