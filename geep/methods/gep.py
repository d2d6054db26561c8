"""Gross Ecosystem Product by the function-value method (功能量 × 价格).

.. math:: GEP = \\sum_i Q_i \\, P_i = EPV + ERV + ECV

Physical quantities come from the ``quantities`` table, or are computed from ``drivers`` by
:mod:`geep.methods.gep_models`; prices and constants from the profile's ``parameters``
table. Soil retention is valued as avoided siltation plus avoided N and P
(``λ·A_s/ρ·P_s + A_s·C_N·P_N + A_s·C_P·P_P``), sand fixation via the sand-cover area
(``Q/(ρ·h)·P_f``), carbon on the price table's basis (t C or t CO₂, converted exactly).

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

from ..coefficients import CoefficientTable, profile_table
from ..coefficients.profiles import load_profile
from ..errors import CoefficientNotFoundError, MethodError
from ..inputs import Inputs
from ..ledger import Ledger
from . import gep_models as gm
from .common import chain_ref, coerce_table, index_factor, provenance
from .indicators import INDICATORS, OVERLAPS

PROVISIONING_BASES = ("gross_output", "value_added", "resource_rent")

# driver models: indicator → (variables, function, constant parameter ids, label)
MODELS: dict[str, tuple[tuple[str, ...], Any, tuple[str, ...], str]] = {
    "water_conservation": (
        ("precipitation", "storm_runoff", "evapotranspiration", "ecosystem_area"),
        gm.water_conservation,
        (),
        "water_balance",
    ),
    "soil_retention": (
        ("usle.r", "usle.k", "usle.ls", "usle.c", "usle.p", "ecosystem_area"),
        gm.soil_retention,
        (),
        "usle",
    ),
    "sand_fixation": (
        ("rweq.potential", "rweq.actual", "ecosystem_area"),
        gm.sand_fixation,
        (),
        "rweq_moduli",
    ),
    "flood_regulation.reservoir": (
        ("reservoir_capacity",),
        gm.reservoir_flood_storage,
        ("const.flood_regulation.reservoir_share",),
        "reservoir_share",
    ),
    "carbon_sequestration": (("npp", "soil_respiration"), gm.carbon_sequestration, (), "nep"),
    "climate_regulation.transpiration": (
        ("transpiration_heat", "vegetation_area", "ac_days"),
        gm.transpiration_energy,
        ("const.climate_regulation.ac_eer",),
        "transpiration",
    ),
    "climate_regulation.evaporation": (
        ("water_evaporation",),
        gm.evaporation_energy,
        ("const.climate_regulation.latent_heat", "const.climate_regulation.humidifier"),
        "evaporation",
    ),
}
#: canonical units the model constants are converted to
_CONST_UNITS = {
    "const.flood_regulation.reservoir_share": "dimensionless",
    "const.climate_regulation.ac_eer": "dimensionless",
    "const.climate_regulation.latent_heat": "J/g",
    "const.climate_regulation.humidifier": "kWh/m**3",
}


def _quantities_from_drivers(drivers: pd.DataFrame, params: CoefficientTable) -> pd.DataFrame:
    """Quantities (region_code, year, indicator, quantity, input_ref, method) from drivers."""
    if drivers is None or drivers.empty:
        return pd.DataFrame(
            columns=[
                "region_code",
                "year",
                "indicator",
                "quantity",
                "input_ref",
                "model",
                "model_coef",
            ]
        )
    wide = drivers.pivot_table(
        index=["region_code", "year"], columns="variable", values="value", aggfunc="first"
    )
    refs = drivers.pivot_table(
        index=["region_code", "year"], columns="variable", values="input_ref", aggfunc="first"
    )
    out = []
    for ind, (variables, fn, consts, label) in MODELS.items():
        if not set(variables) <= set(wide.columns):
            continue
        sub = wide[list(variables)].dropna()
        if sub.empty:
            continue
        cvals = [params.value(c, unit=_CONST_UNITS[c]) for c in consts]
        q = fn(*(sub[v].to_numpy() for v in variables), *cvals)
        r = refs.loc[sub.index, list(variables)].astype(str).agg(";".join, axis=1)
        if ind == "carbon_sequestration":
            q = q * 44.0 / 12.0  # t C → t CO₂ (the canonical carbon unit), exact by definition
        out.append(
            pd.DataFrame(
                {
                    "region_code": sub.index.get_level_values(0),
                    "year": sub.index.get_level_values(1).astype(int),
                    "indicator": ind,
                    "quantity": q,
                    "input_ref": r.to_numpy(),
                    "model": f"gep.model.{label}",
                    "model_coef": ";".join(params.coefficient_ref(c) for c in consts),
                }
            )
        )
    if not out:
        return pd.DataFrame(
            columns=[
                "region_code",
                "year",
                "indicator",
                "quantity",
                "input_ref",
                "model",
                "model_coef",
            ]
        )
    return pd.concat(out, ignore_index=True)


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
    prof = load_profile(profile)
    opts: dict[str, Any] = {
        "oxygen_release": True,
        "provisioning_basis": "value_added",
        "purification_cap": "emissions",
        "exclude": [],
    }
    opts.update(prof.options)
    opts.update(options or {})
    if opts["purification_cap"] not in ("emissions", "none"):
        raise MethodError("purification_cap must be 'emissions' or 'none'")
    if opts["provisioning_basis"] not in PROVISIONING_BASES:
        raise MethodError(
            f"provisioning_basis must be one of {PROVISIONING_BASES}",
            hint="a labelled choice: GDP-type value added, gross output or rent",
        )
    params = profile_table(prof, "parameters", tables)
    used: list[CoefficientTable] = [params]

    if isinstance(inputs, Inputs):
        names = inputs.region_names()
        q = inputs.tables.get("quantities")
        drivers = inputs.tables.get("drivers")
        if q is None and drivers is None:
            raise MethodError(
                "the inputs have neither a 'quantities' nor a 'drivers' table",
                hint="add physical quantities (功能量) or drivers",
            )
    else:
        q, names = coerce_table(inputs, "quantities")
        drivers = None
    q = (
        q
        if q is not None
        else pd.DataFrame(columns=["region_code", "year", "indicator", "quantity", "input_ref"])
    )
    q = q[["region_code", "year", "indicator", "quantity", "input_ref"]].assign(
        model="", model_coef=""
    )
    derived = _quantities_from_drivers(drivers, params)
    warnings: list[str] = []
    if not derived.empty:
        key = ["region_code", "year", "indicator"]
        both = derived.merge(q[key], on=key, how="inner")
        if not both.empty:
            warnings.append(
                f"{len(both)} quantity(ies) given directly and computable from drivers:"
                " the direct values are used"
            )
        derived = derived.merge(q[key], on=key, how="left", indicator=True)
        derived = derived[derived["_merge"] == "left_only"].drop(columns="_merge")
        q = pd.concat([q, derived], ignore_index=True)

    # soil retention given as one mass → three valued lines
    q = _expand_soil(q, params)
    # duplicates after expansion (e.g. soil_retention and soil_retention.siltation both given)
    dup = q.duplicated(["region_code", "year", "indicator"], keep=False)
    if dup.any():
        d = q[dup].iloc[0]
        raise MethodError(
            f"{d['indicator']} is given twice for {d['region_code']} {d['year']} "
            f"({', '.join(q[dup]['input_ref'].head(4))})",
            hint="give soil retention either as one mass or as its three parts",
        )

    # exclusions (reported, never silent)
    exclude = set(opts.get("exclude") or [])
    if not opts["oxygen_release"]:
        exclude.add("oxygen_release")
    q["service"] = q["indicator"].map(lambda i: INDICATORS[i].service)
    drop = q["service"].isin(exclude) | q["indicator"].isin(exclude)
    for ind, n in q.loc[drop, "indicator"].value_counts().sort_index().items():
        warnings.append(
            f"{ind}: {n} quantity(ies) excluded by the profile/options (profile {prof.name})"
        )
    q = q.loc[~drop].reset_index(drop=True)

    # emission caps on purification
    flags = pd.Series("", index=q.index, dtype=object)
    if opts["purification_cap"] == "emissions" and drivers is not None and not drivers.empty:
        q, flags, n_capped = _apply_caps(q, drivers)
        if n_capped:
            warnings.append(f"{n_capped} purification quantity(ies) capped at actual emissions")

    base_year = params.meta.price_year
    report_year = int(price_year) if price_year is not None else base_year
    if report_year is None:
        raise MethodError(f"{params.ref} has no table price year; give price_year=")
    pit = None

    def pit_loader():
        nonlocal pit
        if pit is None:
            pit = profile_table(prof, "price_index", tables)
            used.append(pit)
        return pit

    lines = _value(q, params, report_year, pit_loader)
    lines["flags"] = flags.to_numpy()

    present = set(lines["service"])
    for a, b, text in OVERLAPS:
        if a in present and b in present:
            warnings.append(f"possible double counting: {text}")
    method = f"gep.function_value[{prof.name}]"
    out = pd.DataFrame(
        {
            "region_code": lines["region_code"],
            "region_name": lines["region_code"].map(lambda r: names.get(r, "")),
            "year": lines["year"].astype(int),
            "account": "GEP",
            "category": lines["indicator"].map(lambda i: INDICATORS[i].category),
            "service": lines["service"],
            "indicator": lines["indicator"],
            "quantity": lines["quantity"],
            "quantity_unit": lines["quantity_unit"],
            "price": lines["price"],
            "price_unit": lines["price_unit"],
            "value": lines["quantity"] * lines["price"],
            "value_unit": "CNY",
            "price_year": report_year,
            "method": _methods(lines, method, opts["provisioning_basis"]),
            "coefficient": lines["coefficient"],
            "input_ref": lines["input_ref"],
            "flags": lines["flags"],
        }
    )
    opts["exclude"] = sorted(exclude)
    meta = provenance(used, prof.name, {**opts, "price_year": report_year})
    meta["warnings"] = warnings + meta["warnings"]
    if prof.status != "released":
        meta["warnings"].insert(
            0,
            f"profile {prof.name} is {prof.status.upper()}: "
            f"{prof.description.strip().splitlines()[0]}",
        )
        if meta["status"] == "released":
            meta["status"] = "provisional"
    return Ledger(out, meta)


def _methods(lines: pd.DataFrame, method: str, basis: str) -> np.ndarray:
    m = np.where(lines["model"] != "", method + "+" + lines["model"].astype(str), method)
    products = lines["service"].to_numpy() == "products"
    return np.where(products, np.char.add(m.astype(str), f"+basis:{basis}"), m)


def _expand_soil(q: pd.DataFrame, params: CoefficientTable) -> pd.DataFrame:
    soil = q["indicator"] == "soil_retention"
    if not soil.any():
        return q
    s = q.loc[soil]
    lam = params.value("const.soil_retention.siltation_ratio", unit="dimensionless")
    rho = params.value("const.soil_retention.bulk_density", unit="t/m**3")
    cn = params.value("const.soil_retention.n_content", unit="dimensionless")
    cp = params.value("const.soil_retention.p_content", unit="dimensionless")
    refs = {
        "siltation": params.coefficient_ref("const.soil_retention.siltation_ratio")
        + ";"
        + params.coefficient_ref("const.soil_retention.bulk_density"),
        "nitrogen": params.coefficient_ref("const.soil_retention.n_content"),
        "phosphorus": params.coefficient_ref("const.soil_retention.p_content"),
    }
    parts = []
    for name, mult in (("siltation", lam / rho), ("nitrogen", cn), ("phosphorus", cp)):
        parts.append(
            s.assign(
                indicator=f"soil_retention.{name}",
                quantity=s["quantity"] * mult,
                model_coef=(s["model_coef"] + ";" + refs[name]).str.lstrip(";"),
                model=np.where(s["model"] != "", s["model"] + "+soil_split", "gep.soil_split"),
            )
        )
    return pd.concat([q.loc[~soil], *parts], ignore_index=True)


def _apply_caps(q: pd.DataFrame, drivers: pd.DataFrame):
    caps = drivers[drivers["variable"].str.startswith("emission.")]
    flags = pd.Series("", index=q.index, dtype=object)
    if caps.empty:
        return q, flags, 0
    capmap = {
        (r.region_code, int(r.year), r.variable): (r.value, r.input_ref)
        for r in caps.itertuples(index=False)
    }
    q = q.copy()
    n = 0
    cap_var = q["indicator"].map(lambda i: INDICATORS[i].cap)
    for idx in q.index[cap_var.notna()]:
        key = (q.at[idx, "region_code"], int(q.at[idx, "year"]), cap_var[idx])
        if key in capmap and q.at[idx, "quantity"] > capmap[key][0]:
            q.at[idx, "quantity"] = capmap[key][0]
            q.at[idx, "input_ref"] = f"{q.at[idx, 'input_ref']};cap:{capmap[key][1]}"
            flags[idx] = "capped_at_emissions"
            n += 1
    return q, flags, n


def _value(q: pd.DataFrame, params: CoefficientTable, report_year: int, pit_loader) -> pd.DataFrame:
    """Attach canonical quantity unit, price [CNY per unit] at ``report_year`` and references."""
    rows = []
    for ind, grp in q.groupby("indicator", sort=True):
        d = INDICATORS[ind]
        g = grp.copy()
        g["quantity_unit"] = d.quantity_unit
        if d.valuation == "money":
            # the quantity is money at the prices of its data year
            g["price_unit"] = "CNY/CNY"
            price = np.ones(len(g))
            coef = np.array([""] * len(g), dtype=object)
            for yr in sorted(g["year"].unique()):
                m = (g["year"] == yr).to_numpy()
                if int(yr) != report_year:
                    pit = pit_loader()
                    price[m] = index_factor(pit, int(yr), report_year)
                    coef[m] = chain_ref(pit, int(yr), report_year)
            g["price"] = price
            g["coefficient"] = coef
        else:
            if d.price is None or not params.has(d.price):
                raise CoefficientNotFoundError(
                    f"no price for indicator {ind!r}: {params.ref} has no row {d.price!r} "
                    f"({len(g)} quantity line(s), e.g. {g['input_ref'].iloc[0]})",
                    table=params.id,
                    edition=params.edition,
                    hint="add the price in a derived edition (geep.coefficients.override) or "
                    "remove the indicator",
                )
            per_unit = d.quantity_unit
            if d.valuation == "sand":
                area_price = params.value(d.price, unit="CNY/m**2")
                rho = params.value("const.sand_fixation.bulk_density", unit="t/m**3")
                h = params.value("const.sand_fixation.thickness", unit="m")
                p = area_price / (rho * h)  # CNY per t of sand
                coef = ";".join(
                    params.coefficient_ref(k)
                    for k in (
                        d.price,
                        "const.sand_fixation.bulk_density",
                        "const.sand_fixation.thickness",
                    )
                )
            else:
                p = params.value(d.price, unit=f"CNY/{per_unit}")
                coef = params.coefficient_ref(d.price)
            py = params.price_year_of(d.price)
            if py is None:
                raise MethodError(f"{params.ref}#{d.price} has no price year")
            if py != report_year:
                pit = pit_loader()
                p *= index_factor(pit, py, report_year)
                coef += ";" + chain_ref(pit, py, report_year)
            g["price"] = p
            g["price_unit"] = f"CNY/{per_unit}"
            g["coefficient"] = coef
        extra = g["model_coef"].fillna("")
        g["coefficient"] = np.where(
            extra != "", g["coefficient"].astype(str) + ";" + extra, g["coefficient"]
        )
        g["coefficient"] = pd.Series(g["coefficient"]).str.strip(";").to_numpy()
        rows.append(g)
    if not rows:
        raise MethodError("no GEP quantities to value", hint="check the quantities/drivers tables")
    return pd.concat(rows, ignore_index=True)


__all__ = ["MODELS", "PROVISIONING_BASES", "gep"]
