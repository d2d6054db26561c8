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
from typing import Any

import numpy as np
import pandas as pd

from ..coefficients import CoefficientTable, profile_table
from ..errors import MethodError
from ..inputs import Inputs
from ..ledger import Ledger
from ..ledger_frame import categorical, const_column
from ..messages import text
from ..units import currency_of
from ..vocab import BIOMES, LAND_CLASSES
from .classmap import KEY_PREFIX, ClassMapError, composite_key
from .classmap_run import prepare as prepare_class_map
from .common import profile_status_warning
from .registry import Method, Option, register
from .resolved import KernelResult, Resolved, Terms, ThetaBuilder


def resolve_bt(
    profile: Any,
    tables: Mapping[str, pd.DataFrame],
    options: Mapping[str, Any],
    price_year: int | None,
    overrides: Mapping[str, CoefficientTable | str] | None = None,
) -> Resolved:
    """Leaf unit values (θ) and, if the input uses geep classes, the biome crosswalk."""
    th = ThetaBuilder()
    uv = profile_table(profile, "unit_values", overrides)
    th.use_table(uv)
    unit = uv.meta.columns["unit_value"].unit or ""
    cur = currency_of(unit)
    if cur is None:
        raise MethodError(text("bt.not_money", ref=uv.ref, unit=unit))
    if price_year is not None and int(price_year) != uv.meta.price_year:
        raise MethodError(text("bt.price_year", ref=uv.ref, year=uv.meta.price_year,
                               asked=price_year), hint=text("bt.hint_price_year"))  # fmt: skip
    leaf = uv.frame[uv.frame["level"] == "leaf"]
    valued = leaf[leaf["unit_value"].notna()]
    unit_values = pd.DataFrame(
        {
            "biome": valued["biome"].to_numpy(),
            "theta": [
                th.add(uv, b, column="unit_value", kind="unit_value") for b in valued["biome"]
            ],
        }
    )
    classes = set(map(str, tables["land_cover"]["land_class"].unique()))
    crosswalk = pd.DataFrame(columns=["source_code", "biome", "ref"])
    if classes - set(BIOMES):
        cw = profile_table(profile, "crosswalk", overrides)
        th.use_table(cw)
        crosswalk = pd.DataFrame(
            {
                "source_code": cw.frame["source_code"].to_numpy(),
                "biome": cw.frame["biome"].to_numpy(),
                "ref": [cw.coefficient_ref(c) for c in cw.frame["source_code"]],
            }
        )
    mapped = _mapped(th, uv, unit_values, crosswalk, options.get("class_map"), profile, overrides)
    return Resolved(
        method="bt",
        profile=profile.name,
        price_year=uv.meta.price_year,
        theta=th.build(),
        frames={
            "unit_values": unit_values,
            "leaf": sorted(map(str, leaf["biome"])),
            "aggregates": sorted(map(str, uv.frame.loc[uv.frame["level"] != "leaf", "biome"])),
            "crosswalk": crosswalk,
            "mapped": mapped,
            "currency": cur,
            "uv_ref": uv.ref,
            "method_label": f"benefit_transfer[{profile.name}]",
        },
        tables=th.tables,
        options={**{k: v for k, v in options.items() if k != "class_map"}, "currency": cur},
        status=profile.status,
        meta={"profile_warning": profile_status_warning(profile)}
        | ({"class_map": options["class_map"].record()} if options.get("class_map") else {}),
    )


def _mapped(th, uv, unit_values, crosswalk, cm, profile, overrides) -> pd.DataFrame:
    """Rows of a class map's input classes: monomials ``[(w_i, θ of V_i)]`` (biomes of geep
    classes through the crosswalk), the composite biome label and the coefficient label."""
    cols = ["key", "poly", "biome", "label", "display"]
    if cm is None:
        return pd.DataFrame(columns=cols)
    if crosswalk.empty:
        cw = profile_table(profile, "crosswalk", overrides)
        th.use_table(cw)
        crosswalk = pd.DataFrame(
            {
                "source_code": cw.frame["source_code"],
                "biome": cw.frame["biome"],
                "ref": [cw.coefficient_ref(c) for c in cw.frame["source_code"]],
            }
        )
    biome_of = dict(zip(crosswalk["source_code"], crosswalk["biome"], strict=True))
    ref_of = dict(zip(crosswalk["source_code"], crosswalk["ref"], strict=True))
    theta_of = dict(zip(unit_values["biome"], unit_values["theta"], strict=True))
    rows = []
    for inp in cm.inputs:
        comps = [(biome_of.get(c, c), c, w) for c, w in cm.components(inp)]
        missing = [(b, c) for b, c, _ in comps if b not in theta_of]
        if missing and len(comps) > 1:
            b, c = missing[0]
            raise ClassMapError(text("classmap.no_unit_value", input=inp, key=cm.key(inp),
                                     target=c, biome=b, table=uv.ref), table=uv.ref)  # fmt: skip
        poly = [(w, int(theta_of[b])) for b, _, w in comps if b in theta_of]
        biome = composite_key([(b, w) for b, _, w in comps])
        refs = [ref_of[c] for _, c, _ in comps if c in ref_of]
        label = ";".join([f"{uv.ref}#{biome}", f"class_map[{inp}→{cm.key(inp)}]", *refs])
        rows.append((KEY_PREFIX + inp, poly or None, biome, label, cm.key(inp)))
    return pd.DataFrame(rows, columns=cols)


def bt_kernel(tables: Mapping[str, pd.DataFrame], resolved: Resolved) -> KernelResult:
    """Pure kernel: ``land_cover`` areas [ha] × leaf unit values [money ha⁻¹ a⁻¹] → one line per
    region, year and input class; classes are biome ids or mapped by the crosswalk."""
    fr = resolved.frames
    a = tables["land_cover"].reset_index(drop=True)
    cls = a["land_class"].astype(object).astype(str).to_numpy()
    cw = fr["crosswalk"]
    cmap = dict(zip(cw["source_code"], cw["biome"], strict=True))
    crefs = dict(zip(cw["source_code"], cw["ref"], strict=True))
    mp = fr["mapped"]
    is_mapped = pd.Series(cls).str.startswith(KEY_PREFIX).to_numpy()
    is_biome = np.isin(cls, np.asarray(BIOMES, dtype=object)) | is_mapped
    biome = np.where(is_biome, cls, pd.Series(cls).map(cmap).to_numpy())
    unmapped = sorted(set(cls[pd.isna(biome)]))
    if unmapped:
        raise MethodError(text("bt.no_biome", classes=str(unmapped)), hint=text("bt.hint_biome"))
    aggregates = sorted(set(biome) & set(fr["aggregates"]))
    if aggregates:
        raise MethodError(text("bt.aggregate", biomes=str(aggregates)),
                          hint=text("bt.hint_aggregate"))  # fmt: skip
    uv = fr["unit_values"]
    theta_of = dict(zip(uv["biome"], uv["theta"], strict=True))
    poly_of = dict(zip(mp["key"], mp["poly"], strict=True))
    mapped = pd.Series(cls, dtype=object).map(crefs).astype(object)
    mapping = np.where(is_biome, "", mapped.where(mapped.notna(), "").to_numpy())
    combo, uniq = pd.factorize(pd.Series(biome.astype(str)) + "|" + pd.Series(mapping))
    keys = [u.split("|", 1) for u in uniq]
    label_of = dict(zip(mp["key"], mp["label"], strict=True))
    labels = [label_of.get(b) or (f"{fr['uv_ref']}#{b}" + (f";{m}" if m else "")) for b, m in keys]
    cat_terms = [
        [(w, [(t, 1)]) for w, t in poly_of[b]] if poly_of.get(b)
        else ([(theta_of[b], 1)] if b in theta_of else [])
        for b, _ in keys
    ]  # fmt: skip
    terms = Terms.from_lists(cat_terms)
    price_cat = terms.evaluate(resolved.values)
    has_value = np.array([b in theta_of or bool(poly_of.get(b)) for b, _ in keys])[combo]
    show = dict(zip(mp["key"], mp["biome"], strict=True))
    biome = np.asarray([show.get(b, b) for b in biome], dtype=object)
    area = a["area"].to_numpy(dtype=float)
    price = np.where(has_value, price_cat[combo], 0.0)
    data = np.where(has_value, area, 0.0)
    n = len(a)
    cur = fr["currency"]
    lines = pd.DataFrame(
        {
            "region_code": a["region_code"].astype("category"),
            "year": a["year"].to_numpy(np.int64),
            "category": const_column("bundled", n),
            "service": const_column("all_services", n),
            "indicator": pd.Categorical(biome.astype(str)),
            "quantity": area,
            "quantity_unit": const_column("ha", n),
            "price": price,
            "price_unit": const_column(f"{cur}/ha", n),
            "value": area * price,
            "method": const_column(fr["method_label"], n),
            "coefficient": categorical(combo, labels),
            "input_ref": a["input_ref"].astype("category") if "input_ref" in a else None,
            "ecosystem_type": pd.Categorical(
                [dict(zip(mp["key"], mp["display"], strict=True)).get(c, c) for c in cls]
            ),
        },
        copy=False,
    )
    if "input_class" in a.columns:
        lines["input_class"] = a["input_class"].astype(str).astype("category")
    warnings = []
    for b in sorted(set(biome[~has_value].astype(str))):
        warnings.append(text("bt.no_value", biome=b, ref=fr["uv_ref"],
                             area=f"{area[biome == b].sum():,.0f}"))  # fmt: skip
    return KernelResult(lines, terms, data, warnings)


METHOD = register(
    Method(
        name="bt",
        account="BT",
        requires=("land_cover",),
        default_profile="costanza-2014",
        roles=("unit_values", "crosswalk"),
        resolve=resolve_bt,
        kernel=bt_kernel,
        options={
            "sum_level": Option("leaf", ("leaf",)),
            "missing_unit_value": Option("flag"),
            "currency": Option(None),
            "class_map": Option(None, doc="input class → biome, geep class or composite"),
        },
        title="method.bt",
        order=30,
        price_years=False,
        prepare=prepare_class_map((*LAND_CLASSES, *BIOMES)),
    )
)


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
    from .run import run

    return run("bt", land_cover, profile=profile, tables=tables,
               options={"class_map": class_map})  # fmt: skip


__all__ = ["METHOD", "benefit_transfer", "bt_kernel", "resolve_bt"]
