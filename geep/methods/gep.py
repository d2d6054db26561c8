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
from ..inputs import Inputs
from ..ledger import Ledger
from ..ledger_frame import categorical
from ..messages import text
from .gep_quantities import apply_caps, quantities
from .gep_resolve import resolve_gep
from .gep_spec import MODELS, PROVISIONING_BASES
from ..indicators import INDICATORS, OVERLAPS
from .registry import Method, Option, register
from .resolved import KernelResult, Resolved, Terms


def _categories(q: pd.DataFrame, rows: list[dict[str, Any]], fr: Mapping[str, Any], ref_of):
    """One valuation category per distinct (indicator, money year, model, model constants):
    codes per line, labels, method labels and value terms."""
    by_key = {(r["indicator"], r["year"]): r for r in rows}
    money = q["indicator"].map(lambda i: INDICATORS[i].valuation == "money").to_numpy(bool)
    year_key = np.where(money, q["year"].to_numpy(np.int64), -1)
    key = pd.MultiIndex.from_arrays(
        [q["indicator"].to_numpy(object), year_key, q["model"].to_numpy(object),
         q["model_coef"].to_numpy(object), q["split"].to_numpy(object)]  # fmt: skip
    )
    codes, uniq = pd.factorize(key)
    labels, methods, terms, attrs = [], [], [], []
    for ind, yr, model, mcoef, split in uniq:
        r = by_key[(ind, int(yr) if yr >= 0 else None)]
        d = INDICATORS[ind]
        parts = [r["label"] or "", mcoef or "", split or ""]
        labels.append(";".join(p for p in parts if p) or None)
        m = fr["method_label"] + (f"+{model}" if model else "")
        methods.append(m + (f"+basis:{fr['basis']}" if d.service == "products" else ""))
        terms.append(r["terms"])
        attrs.append((d.category, d.service, r["quantity_unit"], r["price_unit"]))
    return codes, labels, methods, Terms.from_lists(terms), attrs


def gep_kernel(tables: Mapping[str, pd.DataFrame], resolved: Resolved) -> KernelResult:
    """Pure kernel: quantities (given, or from drivers) × prices → one line per region, year
    and indicator (soil retention as three lines).

    ``tables``: ``quantities`` (``region_code, year, indicator, quantity`` in canonical units,
    ``input_ref``) and/or ``drivers`` (``region_code, year, variable, value``, ``input_ref``).
    """
    fr = resolved.frames
    theta = resolved.values
    q, warnings = quantities(tables, fr, theta, resolved.theta["ref"].tolist())
    flags = None
    if fr["cap"] == "emissions" and tables.get("drivers") is not None:
        q, flags, n_capped = apply_caps(q, tables["drivers"])
        if n_capped:
            warnings.append(text("gep.capped", n=n_capped))
    codes, labels, methods, terms, attrs = _categories(
        q, fr["valuation"], fr, resolved.theta["ref"]
    )
    price_cat = terms.evaluate(theta)
    data = q["quantity"].to_numpy(dtype=float)  # the given quantity (soil parts: before split)
    split = q["split_factor"].to_numpy(dtype=float)
    quantity = data * split
    price = price_cat[codes] / split
    value = data * price_cat[codes]

    def attr(i: int) -> pd.Categorical:
        return categorical(codes, [a[i] for a in attrs])

    n = len(q)
    lines = pd.DataFrame(
        {
            "region_code": q["region_code"].astype("category"),
            "year": q["year"].to_numpy(np.int64),
            "category": attr(0),
            "service": attr(1),
            "indicator": q["indicator"].astype("category"),
            "quantity": quantity,
            "quantity_unit": attr(2),
            "price": price,
            "price_unit": attr(3),
            "value": value,
            "method": categorical(codes, methods),
            "coefficient": categorical(codes, labels),
            "input_ref": q["input_ref"].astype("category"),
            "flags": flags if flags is not None else categorical(np.full(n, -1), []),
        },
        copy=False,
    )
    present = set(map(str, lines["service"].cat.categories))
    for a, b, txt in OVERLAPS:
        if a in present and b in present:
            warnings.append(text("gep.overlap", text=txt))
    return KernelResult(lines, terms, data, warnings)


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
