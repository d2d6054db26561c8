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
from ..ledger import Ledger, const_column
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


_DERIVED_COLUMNS = (
    "region_code",
    "year",
    "indicator",
    "quantity",
    "input_ref",
    "model",
    "model_coef",
)


def _quantities_from_drivers(drivers: pd.DataFrame, params: CoefficientTable) -> pd.DataFrame:
    """Quantities (region_code, year, indicator, quantity, input_ref, method) from drivers."""
    if drivers is None or drivers.empty:
        return pd.DataFrame(columns=list(_DERIVED_COLUMNS))
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
        return pd.DataFrame(columns=list(_DERIVED_COLUMNS))
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
        model=const_column("", len(q)), model_coef=const_column("", len(q))
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
    q["indicator"] = q["indicator"].astype("category")
    q["service"] = q["indicator"].map({k: d.service for k, d in INDICATORS.items()})
    drop = q["service"].isin(exclude) | q["indicator"].isin(exclude)
    counts = q.loc[drop, "indicator"].astype(str).value_counts().sort_index()
    for ind, n in counts.items():
        warnings.append(
            f"{ind}: {n} quantity(ies) excluded by the profile/options (profile {prof.name})"
        )
    q = q.loc[~drop].reset_index(drop=True)

    # emission caps on purification
    flags = None
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

    method = f"gep.function_value[{prof.name}]"
    v = _value(q, params, report_year, pit_loader, method, opts["provisioning_basis"])
    present = set(v["service"].categories)
    for a, b, text in OVERLAPS:
        if a in present and b in present:
            warnings.append(f"possible double counting: {text}")
    n = len(q)
    region = q["region_code"].astype("category")
    quantity = q["quantity"].to_numpy(dtype=float)
    out = pd.DataFrame(
        {
            "region_code": region,
            "region_name": region.map(lambda r: names.get(r, "")),
            "year": q["year"].to_numpy(np.int64),
            "account": const_column("GEP", n),
            "category": v["category"],
            "service": v["service"],
            "indicator": q["indicator"].astype("category"),
            "quantity": quantity,
            "quantity_unit": v["quantity_unit"],
            "price": v["price"],
            "price_unit": v["price_unit"],
            "value": quantity * v["price"],
            "value_unit": const_column("CNY", n),
            "price_year": np.full(n, report_year, dtype=np.int64),
            "method": v["method"],
            "coefficient": v["coefficient"],
            "input_ref": q["input_ref"],
            "flags": flags if flags is not None else const_column("", n),
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
                model_coef=(s["model_coef"].astype(str) + ";" + refs[name]).str.lstrip(";"),
                model=np.where(
                    s["model"].astype(str) != "",
                    s["model"].astype(str) + "+soil_split",
                    "gep.soil_split",
                ),
            )
        )
    return pd.concat([q.loc[~soil], *parts], ignore_index=True)


def _apply_caps(q: pd.DataFrame, drivers: pd.DataFrame):
    """Cap purification quantities at the actual emissions (``emission.*`` drivers)."""
    caps = drivers[drivers["variable"].astype(str).str.startswith("emission.")]
    if caps.empty:
        return q, None, 0
    cap_var = q["indicator"].astype(object).map({k: d.cap for k, d in INDICATORS.items()})
    key = pd.DataFrame(
        {
            "region_code": q["region_code"].astype(str).to_numpy(),
            "year": q["year"].astype("int64").to_numpy(),
            "variable": cap_var.to_numpy(),
        }
    )
    c = pd.DataFrame(
        {
            "region_code": caps["region_code"].astype(str).to_numpy(),
            "year": caps["year"].astype("int64").to_numpy(),
            "variable": caps["variable"].astype(str).to_numpy(),
            "cap": caps["value"].to_numpy(dtype=float),
            "cap_ref": caps["input_ref"].astype(str).to_numpy(),
        }
    )
    m = key.merge(c, on=["region_code", "year", "variable"], how="left", validate="many_to_one")
    over = m["cap"].notna().to_numpy() & (q["quantity"].to_numpy() > m["cap"].to_numpy())
    flags = np.where(over, "capped_at_emissions", "")
    if over.any():
        q = q.copy()
        q["quantity"] = np.where(over, m["cap"].to_numpy(), q["quantity"].to_numpy())
        refs = q["input_ref"].astype(object).to_numpy().copy()
        refs[over] = refs[over] + ";cap:" + m["cap_ref"].to_numpy()[over]
        q["input_ref"] = refs
    return q, flags, int(over.sum())


def _pair_attributes(
    ind: str,
    year: int,
    model: str,
    model_coef: str,
    params: CoefficientTable,
    report_year: int,
    pit_loader,
    method: str,
    basis: str,
) -> dict[str, Any]:
    """Valuation attributes of one (indicator, data year, model) combination."""
    d = INDICATORS[ind]
    if d.valuation == "money":
        # the quantity is money at the prices of its data year
        price, coef = 1.0, ""
        if int(year) != report_year:
            pit = pit_loader()
            price = index_factor(pit, int(year), report_year)
            coef = chain_ref(pit, int(year), report_year)
        price_unit = "CNY/CNY"
    else:
        if d.price is None or not params.has(d.price):
            raise CoefficientNotFoundError(
                f"no price for indicator {ind!r}: {params.ref} has no row {d.price!r}",
                table=params.id,
                edition=params.edition,
                hint="add the price in a derived edition (geep.coefficients.override) or "
                "remove the indicator",
            )
        if d.valuation == "sand":
            area_price = params.value(d.price, unit="CNY/m**2")
            rho = params.value("const.sand_fixation.bulk_density", unit="t/m**3")
            h = params.value("const.sand_fixation.thickness", unit="m")
            price = area_price / (rho * h)  # CNY per t of sand
            coef = ";".join(
                params.coefficient_ref(k)
                for k in (
                    d.price,
                    "const.sand_fixation.bulk_density",
                    "const.sand_fixation.thickness",
                )
            )
        else:
            price = params.value(d.price, unit=f"CNY/{d.quantity_unit}")
            coef = params.coefficient_ref(d.price)
        py = params.price_year_of(d.price)
        if py is None:
            raise MethodError(f"{params.ref}#{d.price} has no price year")
        if py != report_year:
            pit = pit_loader()
            price *= index_factor(pit, py, report_year)
            coef += ";" + chain_ref(pit, py, report_year)
        price_unit = f"CNY/{d.quantity_unit}"
    coef = ";".join(p for p in (coef, model_coef) if p) or None
    m = method + (f"+{model}" if model else "")
    if d.service == "products":
        m += f"+basis:{basis}"
    return {
        "price": price,
        "price_unit": price_unit,
        "quantity_unit": d.quantity_unit,
        "coefficient": coef,
        "method": m,
        "category": d.category,
        "service": d.service,
    }


def _value(
    q: pd.DataFrame, params: CoefficientTable, report_year: int, pit_loader, method: str, basis: str
) -> dict[str, Any]:
    """Price every quantity line at ``report_year``: one valuation per distinct (indicator,
    year, model), broadcast to the lines as arrays and categoricals."""
    if q.empty:
        raise MethodError("no GEP quantities to value", hint="check the quantities/drivers tables")
    ind = q["indicator"].astype("category")
    model = q["model"].astype("category")
    mcoef = q["model_coef"].astype("category")
    year = q["year"].to_numpy(np.int64)
    y0 = int(year.min())
    key = (
        (ind.cat.codes.to_numpy(np.int64) * 4096 + (year - y0)) * 256
        + model.cat.codes.to_numpy(np.int64)
    ) * 256 + mcoef.cat.codes.to_numpy(np.int64)
    uniq, inv = np.unique(key, return_inverse=True)
    attrs = []
    for k in uniq:
        mc = int(k % 256)
        mo = int((k // 256) % 256)
        yr = int((k // 65536) % 4096) + y0
        ic = int(k // (65536 * 4096))
        attrs.append(
            _pair_attributes(
                ind.cat.categories[ic],
                yr,
                model.cat.categories[mo],
                mcoef.cat.categories[mc],
                params,
                report_year,
                pit_loader,
                method,
                basis,
            )
        )
    out: dict[str, Any] = {"price": np.array([a["price"] for a in attrs])[inv]}
    for col in ("price_unit", "quantity_unit", "coefficient", "method", "category", "service"):
        codes, cats = pd.factorize(pd.Series([a[col] for a in attrs], dtype=object))
        out[col] = pd.Categorical.from_codes(codes[inv], categories=cats)
    return out


__all__ = ["MODELS", "PROVISIONING_BASES", "gep"]
