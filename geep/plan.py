"""Plan indicators: what the inputs say about the measurable targets of the Shanxi plan.

From the same inputs as the accounts, computes the indicators that the data support —
forest coverage from land cover, the share of monitored sections at water-quality class III
or better from monitoring data — and sets them against the targets of
《美丽山西建设规划纲要(2023-2035年)》 (table ``shanxi-plan-targets``). Indicators the data
cannot support (grassland vegetation cover needs vegetation monitoring, not land cover) are
listed with the reason, never estimated.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .coefficients import CoefficientTable, load
from .inputs import Inputs
from .messages import msg

TREE_CLASSES = ("forest.coniferous", "forest.mixed", "forest.broadleaf")
SHRUB_CLASSES = ("forest.shrub",)


def forest_coverage(land_cover: pd.DataFrame, regions: pd.DataFrame | None = None) -> pd.DataFrame:
    """Forest coverage per region-year [–].

    ``forest_coverage`` = tree-forest area / region area (a lower bound: the official
    森林覆盖率 also counts specially designated shrubland); ``forest_coverage_incl_shrub`` counts
    all shrub forest (an upper bound). The region area is ``regions.area`` when given, else the
    sum of the land-cover areas (stated in ``basis``).
    """
    lc = land_cover
    tot = lc.groupby(["region_code", "year"])["area"].sum().rename("land_area")
    trees = lc[lc["land_class"].isin(TREE_CLASSES)].groupby(["region_code", "year"])["area"].sum()
    shrub = lc[lc["land_class"].isin(SHRUB_CLASSES)].groupby(["region_code", "year"])["area"].sum()
    out = tot.to_frame().join(trees.rename("trees")).join(shrub.rename("shrub")).fillna(0.0)
    out = out.reset_index()
    if regions is not None and not regions.empty and "area" in regions:
        out = out.merge(
            regions[["region_code", "area"]].rename(columns={"area": "_ra"}),
            on="region_code",
            how="left",
        )
    if out["region_code"].nunique() > 1:  # all regions together
        total = out.groupby("year", as_index=False)[
            [c for c in ("land_area", "trees", "shrub", "_ra") if c in out]
        ].sum(min_count=1)
        out = pd.concat([out, total.assign(region_code="(all)")], ignore_index=True)
    basis = np.full(len(out), msg("plan.basis_land"), dtype=object)
    if "_ra" in out:
        has = out["_ra"].notna().to_numpy()
        out["area"] = np.where(has, out["_ra"], out["land_area"])
        basis[has] = msg("plan.basis_regions")
        out = out.drop(columns="_ra")
    else:
        out["area"] = out["land_area"]
    out["forest_coverage"] = out["trees"] / out["area"]
    out["forest_coverage_incl_shrub"] = (out["trees"] + out["shrub"]) / out["area"]
    out["basis"] = basis
    return out


def water_class_share(
    monitoring: pd.DataFrame, limits: CoefficientTable | None = None, good_class: int = 3
) -> pd.DataFrame:
    """Share of sections at class ``good_class`` (III) or better, per year.

    Each section-year is classified on the annual mean of its valid observations of every
    pollutant that GB 3838-2002 limits (dry / frozen / missing observations excluded), and takes
    its worst pollutant's class (6 = worse than V). Returns ``year, sections, good, share``.
    """
    limits = limits or load("gb3838-limits@2002")
    lim = limits.frame
    m = monitoring.copy()
    if "status" in m:
        m = m[m["status"].fillna("valid").astype(str).str.lower().isin(["valid", "", "nan"])]
    m["year"] = m["period"].astype(str).str[:4].astype(int)
    m["pollutant"] = m["pollutant"].astype(str).str.lower()
    known = set(lim["pollutant"])
    m = m[m["pollutant"].isin(known)]
    means = m.groupby(["section_id", "year", "pollutant"])["concentration"].mean().reset_index()
    classes = []
    for pol, g in means.groupby("pollutant"):
        L = lim[lim["pollutant"] == pol].sort_values("water_class")
        direction = L["direction"].iloc[0]
        bounds = L["limit"].to_numpy()
        c = g["concentration"].to_numpy()
        if direction == "max":
            cls = np.searchsorted(bounds, c, side="left") + 1
        else:  # minimum (dissolved oxygen): class k if c ≥ bound_k
            cls = np.array([next((k + 1 for k, b in enumerate(bounds) if v >= b), 6) for v in c])
        classes.append(g.assign(water_class=np.minimum(cls, 6)))
    if not classes:
        return pd.DataFrame(columns=["year", "sections", "good", "share"])
    cl = pd.concat(classes).groupby(["section_id", "year"])["water_class"].max().reset_index()
    out = cl.groupby("year").agg(
        sections=("section_id", "nunique"),
        good=("water_class", lambda s: int((s <= good_class).sum())),
    )
    out["share"] = out["good"] / out["sections"]
    return out.reset_index()


def plan_indicators(
    inputs: Inputs,
    targets: str | CoefficientTable = "shanxi-plan-targets@2023",
) -> pd.DataFrame:
    """Plan indicators computed from ``inputs`` against the plan's targets.

    Returns one row per region-year (and per year for water quality) and indicator with
    ``value``, the ``target_2025`` / ``target_2035`` where the plan sets one, ``gap_2035``
    (value − target) and a ``note`` on the basis or on why a target cannot be assessed.
    """
    t = targets if isinstance(targets, CoefficientTable) else load(targets)
    tgt = {(r.indicator, int(r.target_year)): float(r.target) for r in t.frame.itertuples()}
    rows = []
    lc = inputs.get("land_cover")
    if lc is not None and not lc.empty:
        fc = forest_coverage(lc, inputs.get("regions"))
        for r in fc.itertuples(index=False):
            for ind, val, note in (
                (
                    "forest_coverage",
                    r.forest_coverage,
                    msg("plan.note_forest", basis=r.basis),
                ),
                (
                    "forest_coverage_incl_shrub",
                    r.forest_coverage_incl_shrub,
                    msg("plan.note_forest_shrub", basis=r.basis),
                ),
            ):
                rows.append(
                    {
                        "region_code": r.region_code,
                        "year": int(r.year),
                        "indicator": ind,
                        "value": float(val),
                        "target_2025": tgt.get(("forest_coverage", 2025)),
                        "target_2035": tgt.get(("forest_coverage", 2035)),
                        "note": note,
                    }
                )
    mon = inputs.get("monitoring")
    if mon is not None and not mon.empty:
        ws = water_class_share(mon)
        for r in ws.itertuples(index=False):
            rows.append(
                {
                    "region_code": "(sections)",
                    "year": int(r.year),
                    "indicator": "surface_water_class_iii_share",
                    "value": float(r.share),
                    "target_2025": None,
                    "target_2035": tgt.get(("surface_water_class_iii_share", 2035)),
                    "note": msg("plan.note_water", good=r.good, sections=r.sections),
                }
            )
    if ("grassland_vegetation_cover", 2035) in tgt:
        rows.append(
            {
                "region_code": "(all)",
                "year": None,
                "indicator": "grassland_vegetation_cover",
                "value": np.nan,
                "target_2025": None,
                "target_2035": tgt[("grassland_vegetation_cover", 2035)],
                "note": msg("plan.note_grass"),
            }
        )
    out = pd.DataFrame(
        rows,
        columns=["region_code", "year", "indicator", "value", "target_2025", "target_2035", "note"],
    )
    out["year"] = out["year"].astype("Int64")
    out["gap_2035"] = out["value"] - out["target_2035"].astype(float)
    out.attrs["targets"] = t.ref
    return out


__all__ = ["forest_coverage", "plan_indicators", "water_class_share"]
