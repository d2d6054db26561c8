"""Benefit transfer: area × unit value per biome (Costanza et al. 1997, 2014).

The money unit and price year of the source (e.g. 2007 USD) are kept — never silently
relabelled as CNY. Only *leaf* biomes carry values; aggregate rows of the source tables
(marine, coastal, terrestrial, forest, wetlands) are never summed.

References
----------
.. [1] Costanza, R. et al. The value of the world's ecosystem services and natural capital.
   Nature 387, 253–260 (1997).
.. [2] Costanza, R. et al. Changes in the global value of ecosystem services. Global
   Environmental Change 26, 152–158 (2014).
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from ..coefficients import CoefficientTable, profile_table
from ..coefficients.profiles import load_profile
from ..errors import MethodError
from ..inputs import Inputs
from ..ledger import Ledger
from ..units import currency_of
from ..vocab import BIOMES, LAND_CLASSES
from .common import coerce_table, provenance


def bt_kernel(areas: pd.DataFrame, unit_values: pd.DataFrame) -> pd.DataFrame:
    """Pure kernel: ``areas`` (``region_code, year, biome, area`` [ha]) × ``unit_values``
    (``biome, unit_value`` [money ha⁻¹ a⁻¹]) → lines with ``value``."""
    m = areas.merge(unit_values, on="biome", how="left", validate="many_to_one")
    m["value"] = m["area"].to_numpy() * m["unit_value"].fillna(0.0).to_numpy()
    return m


def benefit_transfer(
    land_cover: Inputs | pd.DataFrame,
    profile: str = "costanza-2014",
    *,
    tables: Mapping[str, CoefficientTable | str] | None = None,
    class_map: object | None = None,
) -> Ledger:
    """Benefit-transfer ledger (account ``BT``), one line per region, year and biome.

    ``land_cover`` classes may be Costanza biome ids or geep land classes (mapped with the
    profile's ``crosswalk`` table). Values are in the source currency at its price year.
    Biomes without a unit value (e.g. desert in Costanza) get value 0 with a warning.
    ``class_map`` maps input classes onto biome ids, geep classes or composites
    (``{"林地": {"temperate_boreal_forest": 0.7, "tropical_forest": 0.3}}``; unit value
    ``Σ w · V``), recorded in ``coefficient`` and ``meta["class_map"]`` (see
    :mod:`geep.methods.classmap`).
    """
    cm = None
    if class_map is not None:  # per-run class map (geep.methods.classmap)
        from .classmap import apply_class_map
        from .classmap_io import as_class_map, land_cover_for_map

        cm = as_class_map(class_map, vocabulary=(*LAND_CLASSES, *BIOMES))
        areas, names, _ = land_cover_for_map(land_cover, cm)
        areas = apply_class_map(areas, cm)
    else:
        areas, names = coerce_table(land_cover, "land_cover")
    prof = load_profile(profile)
    uv = profile_table(prof, "unit_values", tables)
    used = [uv]
    leaf = uv.frame[uv.frame["level"] == "leaf"]
    unit = uv.meta.columns["unit_value"].unit or ""
    cur = currency_of(unit)
    if cur is None:
        raise MethodError(f"{uv.ref}: unit_value is not money ({unit})")
    a = areas.copy()
    a["land_class"] = a["land_class"].astype(object)
    is_biome = a["land_class"].isin(BIOMES)
    a["biome"] = a["land_class"].where(is_biome)
    a["mapping"] = ""
    cm_labels: dict[str, str] = {}
    if cm is not None:
        from .classmap import KEY_PREFIX, mapped_unit_values

        cw = profile_table(prof, "crosswalk", tables)
        used.append(cw)
        cwd = dict(zip(cw.frame["source_code"], cw.frame["biome"], strict=True))
        extra, cm_labels = mapped_unit_values(leaf[["biome", "unit_value"]], cm, cwd, uv.ref)
        leaf = pd.concat([leaf, extra], ignore_index=True)
        mapped = a["land_class"].str.startswith(KEY_PREFIX)
        a.loc[mapped, "biome"] = a.loc[mapped, "land_class"]
        notes = {KEY_PREFIX + k: _mapping_note(k, cm, cw, cwd) for k in cm.inputs}
        a.loc[mapped, "mapping"] = a.loc[mapped, "land_class"].map(notes)
        is_biome = is_biome | mapped
    if (~is_biome).any():
        cw = profile_table(prof, "crosswalk", tables)
        if cw not in used:
            used.append(cw)
        cmap = dict(zip(cw.frame["source_code"], cw.frame["biome"], strict=True))
        mapped = a.loc[~is_biome, "land_class"].map(cmap)
        a.loc[~is_biome, "biome"] = mapped
        a.loc[~is_biome, "mapping"] = a.loc[~is_biome, "land_class"].map(
            lambda c: cw.coefficient_ref(c) if c in cmap else ""
        )
        if mapped.isna().any():
            bad = sorted(a.loc[~is_biome][mapped.isna()]["land_class"].unique())
            raise MethodError(
                f"no biome for land classes {bad} in {cw.ref}",
                hint="use Costanza biome ids or extend the crosswalk",
            )
    aggregates = set(uv.frame.loc[uv.frame["level"] != "leaf", "biome"])
    if a["biome"].isin(aggregates).any():
        raise MethodError(
            "aggregate biomes cannot be valued (they would double count): "
            f"{sorted(set(a['biome']) & aggregates)}",
            hint="give areas by leaf biome",
        )
    lines = bt_kernel(a, leaf[["biome", "unit_value"]])
    if cm_labels:  # the composite (or mapped) biome as the line's indicator
        lines["biome"] = lines["biome"].map(lambda b: cm_labels.get(b, b))
        targets = {KEY_PREFIX + k: cm.key(k) for k in cm.inputs}
        lines["ecosystem_type"] = lines["land_class"].map(lambda c: targets.get(c, c))
    warnings = []
    for b in sorted(lines.loc[lines["unit_value"].isna(), "biome"].unique()):
        area = lines.loc[lines["biome"] == b, "area"].sum()
        warnings.append(f"{b}: no unit value in {uv.ref}; {area:,.0f} ha valued at 0")
    coef = uv.ref + "#" + lines["biome"]
    coef = np.where(lines["mapping"] != "", coef + ";" + lines["mapping"], coef)
    out = pd.DataFrame(
        {
            "region_code": lines["region_code"],
            "region_name": lines["region_code"].map(lambda r: names.get(r, "")),
            "year": lines["year"],
            "account": "BT",
            "category": "bundled",
            "service": "all_services",
            "indicator": lines["biome"],
            "quantity": lines["area"],
            "quantity_unit": "ha",
            "price": lines["unit_value"].fillna(0.0),
            "price_unit": f"{cur}/ha",
            "value": lines["value"],
            "value_unit": cur,
            "price_year": uv.meta.price_year,
            "method": f"benefit_transfer[{prof.name}]",
            "coefficient": coef,
            "input_ref": lines["input_ref"],
            "ecosystem_type": lines["ecosystem_type"] if cm_labels else lines["land_class"],
        }
    )
    if cm is not None:
        out["input_class"] = lines["input_class"].astype(object).to_numpy()
    meta = provenance(used, prof.name, {"currency": cur, "price_year": uv.meta.price_year})
    meta["warnings"] = warnings + meta["warnings"]
    if cm is not None:
        meta["class_map"] = cm.record()
    if prof.status != "released" and meta["status"] == "released":
        meta["status"] = "provisional"
    return Ledger(out, meta)


def _mapping_note(inp: str, cm, cw: CoefficientTable, cwd: dict[str, str]) -> str:
    """``class_map[林地→...]`` plus the crosswalk rows of components that are geep classes."""
    refs = [cw.coefficient_ref(c) for c, _ in cm.components(inp) if c in cwd]
    return ";".join([f"class_map[{inp}→{cm.key(inp)}]", *refs])


__all__ = ["benefit_transfer", "bt_kernel"]
