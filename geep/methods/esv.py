"""Ecosystem service value by the equivalent-factor method (当量因子法).

.. math:: ESV_{r,y} = \\sum_k \\sum_f A_{r,y,k} \\, E_{kf} \\, D \\, \\alpha_{r,f}

with :math:`A` the area of ecosystem type *k* [ha], :math:`E_{kf}` the value-equivalent
factor of type *k* for service *f* [–], :math:`D` the value of one standard equivalent
[CNY ha⁻¹ a⁻¹] and :math:`\\alpha` an optional per-region adjustment (NPP, precipitation or
soil-retention ratio, applied to the services Xie et al. 2015 name).

The method is :func:`resolve_esv` (factors, D and the price-index chain from the catalogue,
as the vector θ) → the pure :func:`esv_kernel` → the shared ledger assembly.

References
----------
.. [1] 谢高地, 张彩霞, 张雷明, 陈文辉, 李士美. 基于单位面积价值当量因子的生态系统服务价值化方法改进.
   自然资源学报 2015, 30(8):1243-1254.
.. [2] 罗盛锋, 闫文德. 广西北部湾沿岸地区生态系统服务价值变化及其驱动力. 生态学报 2018, 38(9):3248-3259.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

from ..coefficients import CoefficientTable, profile_table
from ..errors import MethodError
from ..inputs import Inputs
from ..ledger import Ledger
from ..messages import text
from ..vocab import LAND_CLASSES
from .classmap import KEY_PREFIX
from .classmap_run import prepare as prepare_class_map
from .esv_kernel import ADJUSTMENT_SERVICES, d_from_grain, esv_kernel
from .registry import Method, Option, register
from .resolved import Resolved, ThetaBuilder


def _factors_by_class(ft: CoefficientTable) -> pd.DataFrame:
    """Factor rows keyed by geep land class, with the table's own row key.

    Tables with coarse types (Xie 2008: ``forest`` …) list the geep classes each type covers in
    a ``geep_classes`` column (``;``-separated); their factors apply to every listed class.
    """
    f = ft.frame
    cols = ["ecosystem_type", "service", "service_group", "factor"]
    if "geep_classes" not in f.columns:
        out = f[cols].copy()
        out["table_type"] = out["ecosystem_type"]
        return out.reset_index(drop=True)
    rows = f.assign(_cls=f["geep_classes"].astype(str).str.split(";")).explode("_cls")
    rows["_cls"] = rows["_cls"].str.strip()
    dup = rows.duplicated(["_cls", "service"], keep=False)
    if dup.any():
        raise MethodError(
            text("esv.class_twice", ref=ft.ref, classes=str(sorted(rows.loc[dup, "_cls"].unique())))
        )
    out = rows.rename(columns={"ecosystem_type": "table_type", "_cls": "ecosystem_type"})
    return out[[*cols, "table_type"]].reset_index(drop=True)


#: factor tables the 1/7 grain rule of D was designed with (Xie 2003/2008); with any other
#: table, D by the rule mixes two generations of the method
GRAIN_RULE_TABLES = ("xie2003-factors", "xie2008-factors")


def _resolve_d(th: ThetaBuilder, profile, options, grain, ft, overrides):
    """θ position of D, its label in coefficient references, its price year, its provenance
    (``meta["d"]``) and the warnings it raises."""
    d, d_py = options.get("d"), options.get("d_price_year")
    if d is not None and grain is not None:
        raise MethodError(text("esv.d_and_grain"))
    if (d is not None or grain is not None) and d_py is None:
        raise MethodError(text("esv.d_needs_year"), hint=text("esv.hint_d_year"))
    if d is not None:
        year = int(d_py)
        pos = th.add_value(
            "user#d",
            float(d),
            "CNY/ha/a",
            evidence="user",
            source=f"user D = {d} CNY/ha/a at {year} prices",
            kind="scalar",
        )
        rec = {"source": "user", "value": float(d), "unit": "CNY/ha/a", "price_year": year}
        return pos, f"user#d: user D={d} CNY/ha/a @{d_py}", year, rec, []
    row = options.get("standard_equivalent") or "d_national"
    if row == "user" and grain is None:
        raise MethodError(text("esv.d_required", profile=profile.name),
                          hint=text("esv.hint_d_required"))  # fmt: skip
    se = profile_table(profile, "standard_equivalent", overrides)
    if grain is not None:
        pos = th.add(se, "grain_value_fraction", unit="dimensionless", kind="scalar")
        ref = th.ref(pos)
        evidence = str(se.row("grain_value_fraction")["evidence"])
        rec = {"source": "grain_rule", "rule": ref, "fraction": th.value(pos),
               "evidence": evidence, "price_year": int(d_py)}  # fmt: skip
        warn = [text("esv.d_from_grain", ref=ref, evidence=evidence)]
        if ft.id not in GRAIN_RULE_TABLES:
            warn.append(text("esv.d_rule_mix", ref=ref, factors=ft.ref))
        return pos, f"{ref};user grain data", int(d_py), rec, warn
    pos = th.add(se, row, unit="CNY/ha/a", kind="scalar")
    year = se.price_year_of(row)
    rec = {"source": "table", "row": th.ref(pos), "value": th.value(pos), "unit": "CNY/ha/a",
           "price_year": year}  # fmt: skip
    return pos, th.ref(pos), year, rec, []


def _with_composites(factors: pd.DataFrame, th: ThetaBuilder, cm, ref: str) -> pd.DataFrame:
    """Factor rows plus one row per (mapped input class, service) whose terms are
    ``Σ w_i · factor_i`` (a per-run class map)."""
    from .classmap_run import composite_rows

    factors = factors.assign(key=factors["service"], row_label=[th.ref(t) for t in factors["theta"]],
                             poly=None, display=factors["ecosystem_type"],
                             input_class=None)  # fmt: skip
    if cm is None:
        return factors
    comp = composite_rows(factors, cm, ref, "factor")
    group = factors.groupby("service")["service_group"].first()
    comp = comp.assign(
        service=comp["key"],
        service_group=comp["key"].map(group),
        factor=float("nan"),
        table_type=comp["row_text"],
        theta=-1,
        row_label=[f"{ref}#{r}/{k};class_map[{i}→{d}]" for r, k, i, d in
                   zip(comp["row_text"], comp["key"], comp["input_class"], comp["display"],
                       strict=True)],
    )  # fmt: skip
    return pd.concat([factors, comp[factors.columns]], ignore_index=True)


def _default_choices(areas: pd.DataFrame, factors: pd.DataFrame, d: float, cm) -> list[Any]:
    """Warnings for input classes read through a crosswalk row that is a default choice
    (草地 → shrub-grass where studies also use steppe or meadow), with the alternatives'
    value per hectare; classes a class map maps are the user's own choice."""
    from ..inputs.class_defaults import class_totals, default_choice_warnings
    from ..inputs.normalise import AS_WRITTEN
    from ..inputs.vocabularies import land_class_alternatives, land_class_crosswalk

    col = "land_class" + AS_WRITTEN
    if col not in areas.columns:
        return []
    pairs = areas[[col, "land_class"]].drop_duplicates().astype(str)
    cw, alts = land_class_crosswalk(), land_class_alternatives()
    rows = []
    for written, cls in pairs.itertuples(index=False):
        if cm is not None and written in cm:
            continue
        hit = cw.get(written.zfill(4) if written.isdigit() and len(written) == 3 else written)
        if hit is not None and hit[0] == cls and alts.get(hit[1]):
            rows.append((written, cls, hit[1], alts[hit[1]]))
    if not rows:
        return []
    choices = pd.DataFrame(rows, columns=["input_class", "geep_class", "ref", "alternatives"])
    native = factors[factors["poly"].isna()]
    return default_choice_warnings(choices, class_totals(native, d), d=d)


def resolve_esv(
    profile: Any,
    tables: Mapping[str, pd.DataFrame],
    options: Mapping[str, Any],
    price_year: int | None,
    overrides: Mapping[str, CoefficientTable | str] | None = None,
) -> Resolved:
    """Factors (and composite rows of a class map), D and the price-index chain of an ESV
    run, as θ and plain frames."""
    from .common import chain_theta, profile_status_warning

    th = ThetaBuilder()
    ft = profile_table(profile, "factors", overrides)
    th.use_table(ft)
    factors = _factors_by_class(ft)
    keys = list(zip(factors["table_type"], factors["service"], strict=True))
    factors["theta"] = th.add_rows(ft, keys, column="factor", kind="factor")
    cm = options.get("class_map")
    factors = _with_composites(factors, th, cm, ft.ref)
    d_theta, d_label, base_year, d_rec, warnings = _resolve_d(
        th, profile, options, tables.get("grain"), ft, overrides
    )
    report_year = int(price_year) if price_year is not None else int(base_year)
    index_theta = -1
    if report_year != base_year:
        pit = profile_table(profile, "price_index", overrides)
        index_theta = chain_theta(th, pit, base_year, report_year)
    d_value = th.value(d_theta) * (th.value(index_theta) if index_theta >= 0 else 1.0)
    if tables.get("grain") is None and "land_cover" in tables:
        warnings += _default_choices(tables["land_cover"], factors, d_value, cm)
    tail = ";".join(p for p in (d_label, th.ref(index_theta) if index_theta >= 0 else "") if p)
    factors["label"] = factors["row_label"] + ";" + tail
    meta: dict[str, Any] = {"d": d_rec, "profile_warning": profile_status_warning(profile)}
    if cm is not None:
        meta["class_map"] = cm.record()
    opts = {k: v for k, v in options.items() if v is not None and k != "class_map"}
    return Resolved(
        method="esv",
        profile=profile.name,
        price_year=report_year,
        theta=th.build(),
        frames={
            "factors": factors,
            "d_theta": d_theta,
            "index_theta": index_theta,
            "grain_fraction": tables.get("grain") is not None,
            "factors_ref": ft.ref,
            "mapped_targets": {KEY_PREFIX + i: cm.key(i) for i in cm.inputs} if cm else {},
            "method_label": f"esv.equivalent_factor[{profile.name}]",
        },
        tables=th.tables,
        options={**opts, "d_price_year": base_year},
        warnings=warnings,
        status=profile.status,
        meta=meta,
    )


def _accepts(tables: Mapping[str, pd.DataFrame]) -> bool:
    lc = tables.get("land_cover")
    if lc is None:
        return False
    classes = {c for c in map(str, lc["land_class"].unique()) if not c.startswith(KEY_PREFIX)}
    return not classes - set(LAND_CLASSES)


METHOD = register(
    Method(
        name="esv",
        account="ESV",
        requires=("land_cover",),
        default_profile="xie-2015",
        roles=("factors", "standard_equivalent", "price_index"),
        resolve=resolve_esv,
        kernel=esv_kernel,
        options={
            "d": Option(None, doc="your own D [CNY/ha/a]; needs d_price_year"),
            "d_price_year": Option(None, doc="price year of your D or grain data"),
            "standard_equivalent": Option(None, doc="row of the standard_equivalent table"),
            "spatial_adjustment": Option("none"),
            "price_deflator": Option("cpi"),
            "include_supporting": Option(True),
            "class_map": Option(None, doc="input class → geep class or composite (class map)"),
        },
        accepts=_accepts,
        prepare=prepare_class_map(LAND_CLASSES),
        title="method.esv",
        order=10,
    )
)


def esv(
    land_cover: Inputs | pd.DataFrame,
    profile: str = "xie-2015",
    *,
    d: float | None = None,
    d_price_year: int | None = None,
    grain: pd.DataFrame | None = None,
    adjustments: pd.DataFrame | None = None,
    price_year: int | None = None,
    tables: Mapping[str, CoefficientTable | str] | None = None,
    class_map: object | None = None,
) -> Ledger:
    """ESV ledger by the equivalent-factor method.

    Parameters
    ----------
    land_cover
        :class:`~geep.inputs.Inputs` or a land-cover DataFrame (``region_code, year,
        land_class, area`` with a unit; long or wide form).
    profile
        Coefficient profile (roles ``factors``, ``standard_equivalent``, ``price_index``).
    d
        Your own value of one standard equivalent [CNY ha⁻¹ a⁻¹]; needs ``d_price_year``.
        Recorded as a user value with its price year.
    grain
        Grain statistics to compute D by the 1/7 rule (see :func:`d_from_grain`); needs
        ``d_price_year``. The ledger says that D came from that (secondary-source) rule.
    adjustments
        ``region_code`` (and optionally ``year``) with any of ``npp_ratio``,
        ``precipitation_ratio``, ``soil_ratio`` [–]; each scales the services of
        :data:`ADJUSTMENT_SERVICES`.
    price_year
        Report price year; D is moved there with the profile's price index (recorded).
    tables
        Replace a profile table by role, e.g. ``{"factors": my_override}``.
    class_map
        Your mapping of input classes onto geep classes or composites of factor rows, e.g.
        ``{"园地": "wetland", "草地": {"grassland.steppe": 0.5, "grassland.meadow": 0.5}}``,
        a DataFrame or a CSV file (see :mod:`geep.methods.classmap`); it has priority over
        the crosswalks and is written into the lines' ``coefficient`` and
        ``meta["class_map"]``; the lines gain an ``input_class`` column.

    Returns
    -------
    Ledger
        Account ``ESV``; one line per region, year, ecosystem type and service, with
        ``quantity`` = area [ha], ``price`` = factor × D [CNY/ha], signed ``value`` [CNY].
        Classes without factors (``built_up``) are reported in ``warnings``. The status is
        provisional when a line rests on a secondary-source or unverified coefficient.

    References
    ----------
    Xie et al. 2015 (see module docstring); the 1/7 rule: Xie 2003/2008 (secondary source).
    """
    from .run import run

    extra = {k: v for k, v in (("grain", grain), ("adjustments", adjustments)) if v is not None}
    return run(
        "esv",
        land_cover,
        profile=profile,
        price_year=price_year,
        options={"d": d, "d_price_year": d_price_year, "class_map": class_map},
        tables=tables,
        extra_tables=extra,
    )


__all__ = ["ADJUSTMENT_SERVICES", "METHOD", "d_from_grain", "esv", "esv_kernel", "resolve_esv"]
