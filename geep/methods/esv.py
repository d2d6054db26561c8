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


def resolve_esv(
    profile: Any,
    tables: Mapping[str, pd.DataFrame],
    options: Mapping[str, Any],
    price_year: int | None,
    overrides: Mapping[str, CoefficientTable | str] | None = None,
) -> Resolved:
    """Factors, D and the price-index chain of an ESV run, as θ and plain frames."""
    th = ThetaBuilder()
    ft = profile_table(profile, "factors", overrides)
    th.use_table(ft)
    factors = _factors_by_class(ft)
    keys = list(zip(factors["table_type"], factors["service"], strict=True))
    factors["theta"] = th.add_rows(ft, keys, column="factor", kind="factor")
    d, d_py, grain = options.get("d"), options.get("d_price_year"), tables.get("grain")
    if d is not None and grain is not None:
        raise MethodError(text("esv.d_and_grain"))
    if (d is not None or grain is not None) and d_py is None:
        raise MethodError(text("esv.d_needs_year"), hint=text("esv.hint_d_year"))
    warnings: list[Any] = []
    meta: dict[str, Any] = {}
    if d is not None:
        base_year = int(d_py)
        d_theta = th.add_value("user#d", float(d), "CNY/ha/a", evidence="user",
                               source=f"user D = {d} CNY/ha/a at {base_year} prices",
                               kind="scalar")  # fmt: skip
        meta["d_rule"] = {"rule": "user", "value": float(d), "price_year": base_year}
        d_label = f"user#d={d} CNY/ha/a @{d_py}"
    else:
        se = profile_table(profile, "standard_equivalent", overrides)
        if grain is not None:
            base_year = int(d_py)
            d_theta = th.add(se, "grain_value_fraction", unit="dimensionless", kind="scalar")
            d_label = f"{th.ref(d_theta)};user grain data"
            meta["d_rule"] = {"rule": "grain_1_7", "fraction_ref": th.ref(d_theta),
                              "price_year": base_year}  # fmt: skip
            warnings.append(text("esv.d_from_grain", ref=th.ref(d_theta), factors=ft.ref))
        else:
            row = options.get("standard_equivalent") or "d_national"
            d_theta = th.add(se, row, unit="CNY/ha/a", kind="scalar")
            base_year = se.price_year_of(row)
            d_label = th.ref(d_theta)
            meta["d_rule"] = {"rule": "table", "ref": d_label, "price_year": base_year}
    report_year = int(price_year) if price_year is not None else int(base_year)
    index_theta = -1
    if report_year != base_year:
        from .common import chain_theta

        pit = profile_table(profile, "price_index", overrides)
        index_theta = chain_theta(th, pit, base_year, report_year)
    labels = [
        ";".join(p for p in (th.ref(t), d_label, th.ref(index_theta) if index_theta >= 0 else "") if p)
        for t in factors["theta"]
    ]  # fmt: skip
    factors["label"] = labels
    from .common import profile_status_warning

    meta["profile_warning"] = profile_status_warning(profile)
    return Resolved(
        method="esv",
        profile=profile.name,
        price_year=report_year,
        theta=th.build(),
        frames={
            "factors": factors,
            "d_theta": d_theta,
            "index_theta": index_theta,
            "grain_fraction": grain is not None,
            "factors_ref": ft.ref,
            "method_label": f"esv.equivalent_factor[{profile.name}]",
        },
        tables=th.tables,
        options={**{k: v for k, v in options.items() if v is not None}, "d_price_year": base_year},
        warnings=warnings,
        status=profile.status,
        meta=meta,
    )


def _accepts(tables: Mapping[str, pd.DataFrame]) -> bool:
    lc = tables.get("land_cover")
    return lc is not None and not (set(map(str, lc["land_class"].unique())) - set(LAND_CLASSES))


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
        },
        accepts=_accepts,
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
        options={"d": d, "d_price_year": d_price_year},
        tables=tables,
        extra_tables=extra,
    )


__all__ = ["ADJUSTMENT_SERVICES", "METHOD", "d_from_grain", "esv", "esv_kernel", "resolve_esv"]
