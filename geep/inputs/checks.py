"""Checks across input tables: land-cover areas against region areas, unknown regions.

These run after each table has been normalised on its own (canonical units, ``input_ref`` on
every row), for DataFrames, CSV files and workbooks alike.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import numpy as np
import pandas as pd

from ..messages import msg
from .plausibility import area_slip
from .plausibility import check as plausibility
from .report import Issue

#: default tolerance of the land-cover total over the region area [fraction]
AREA_TOLERANCE = 0.005
#: land cover below this fraction of the region area is worth a warning [fraction]
AREA_SHORTFALL = 0.05


def _cells(refs: list[str], n: int = 3) -> str:
    refs = [str(r) for r in refs]
    if len(refs) <= n:
        return ", ".join(refs)
    return f"{', '.join(refs[:n])} … {refs[-1]} ({len(refs)} cells)"


def check_region_areas(
    tables: Mapping[str, pd.DataFrame],
    tolerance: float = AREA_TOLERANCE,
    shortfall: float = AREA_SHORTFALL,
) -> list[Issue]:
    """Land-cover area per region and year against ``regions.area``.

    A total over the region area by more than ``tolerance`` is an error located at the
    region's area cell and naming the land-cover cells; a total short of it by more than
    ``shortfall`` is a warning. Regions without an area are not checked.
    """
    reg = tables.get("regions")
    lc = tables.get("land_cover")
    if reg is None or lc is None or reg.empty or lc.empty or "area" not in reg.columns:
        return []
    reg = reg.loc[reg["area"].notna()].drop_duplicates("region_code")
    areas = reg.set_index("region_code")["area"].astype(float)
    refs = reg.set_index("region_code")["input_ref"]
    groups = lc.groupby(["region_code", "year"], sort=True)
    totals = groups["area"].sum().reset_index()
    totals["region_area"] = totals["region_code"].map(areas)
    totals = totals.loc[totals["region_area"].notna()]
    t, a = totals["area"].to_numpy(float), totals["region_area"].to_numpy(float)
    over = (t > a * (1.0 + tolerance)) & (t - a > 1e-9)
    short = (a > 0) & (t < a * (1.0 - shortfall))
    out: list[Issue] = []
    if not (over.any() or short.any()):
        return out
    slip = area_slip(np.where(a > 0, t / np.where(a > 0, a, 1.0), np.nan))
    if slip is not None:  # one cause for all: say it once, not once per region-year
        first = totals.iloc[int(np.flatnonzero(over | short)[0])]
        cells = _cells(lc["input_ref"].iloc[groups.indices[(first["region_code"],
                                                            first["year"])]].tolist())  # fmt: skip
        return [Issue("land_cover", str(refs[first["region_code"]]), "area", None,
                      msg("plaus.area_slip", n=int((over | short).sum()), total=len(totals),
                          factor=f"{slip[0]:g}", cause=slip[1], cells=cells),
                      msg("plaus.hint_area_slip"),
                      "error" if over.any() else "warning")]  # fmt: skip
    index = groups.indices
    for (code, year, total, area), is_over, is_short in zip(
        totals[["region_code", "year", "area", "region_area"]].itertuples(index=False),
        over,
        short,
        strict=True,
    ):
        if not (is_over or is_short):
            continue
        ref = str(refs[code])
        if is_over:
            cells = lc["input_ref"].iloc[index[(code, year)]].tolist()
            pct = (total / area - 1.0) * 100.0 if area > 0 else math.inf
            out.append(
                Issue(
                    "regions",
                    ref,
                    "area",
                    f"{area:g}",
                    msg(
                        "io.area_exceeds",
                        region=code,
                        year=year,
                        total=total,
                        pct=pct,
                        area=area,
                        tol=tolerance * 100.0,
                        cells=_cells(cells),
                    ),
                    msg("hint.area_exceeds"),
                )
            )
        else:
            out.append(
                Issue(
                    "regions",
                    ref,
                    "area",
                    f"{area:g}",
                    msg(
                        "io.area_short",
                        region=code,
                        year=year,
                        total=total,
                        pct=total / area * 100.0,
                        area=area,
                    ),
                    msg("hint.area_short"),
                    "warning",
                )
            )
    return out


def check_region_codes(tables: Mapping[str, pd.DataFrame]) -> list[Issue]:
    """Regions used by other tables but absent from ``regions`` (warning, first cell named)."""
    reg = tables.get("regions")
    if reg is None or reg.empty:
        return []
    known = set(reg["region_code"])
    out: list[Issue] = []
    for name in ("land_cover", "quantities", "drivers", "economy", "forest_stands"):
        t = tables.get(name)
        if t is None or t.empty or "region_code" not in t.columns:
            continue
        unknown = t.loc[~t["region_code"].isin(known)]
        for code, grp in unknown.groupby("region_code", sort=True):
            out.append(
                Issue(
                    name,
                    str(grp["input_ref"].iloc[0]),
                    "region_code",
                    str(code),
                    msg("io.region_unknown", region=code),
                    msg("hint.region_unknown"),
                    "warning",
                )
            )
    return out


def cross_check(
    tables: Mapping[str, pd.DataFrame], area_tolerance: float = AREA_TOLERANCE
) -> list[Issue]:
    """All checks across tables, the plausibility checks of :mod:`geep.inputs.plausibility`
    and the row checks of the forest stands (age classes against their stand, bounds of the
    drivers: :mod:`geep.inputs.stands_checks`)."""
    from .stands_checks import stand_issues

    return (
        check_region_areas(tables, area_tolerance)
        + check_region_codes(tables)
        + plausibility(tables)
        + stand_issues(tables)
    )
