"""``method="exact"``: coverage fractions of boundary pixels (exactextract), on Dask.

Each task runs exactextract on a group of zones and reduces the covered cells (value, coverage
fraction, cell id) to coverage-weighted pixel counts and areas per (zone, bin). Nodata pixels of
the whole raster come from the centroid pass (they do not depend on the zones), so the coverage
partition still adds up: ``outside = all − nodata − valid − Σ unmapped`` (fractional pixels).

References
----------
.. [1] Baston, D. exactextract: fast and accurate raster zonal statistics (ISciences),
   https://github.com/isciences/exactextract — coverage fraction of every cell a polygon touches.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..messages import text
from .compute import run, tree
from .counts import bins_of
from .errors import GridDependencyError, GridError, ZoneError

#: zones per exactextract task
ZONES_PER_TASK = 8


@dataclass(frozen=True)
class ExactCounts:
    """Coverage-weighted pixel counts and areas per (zone, bin) [float]."""

    pixels: np.ndarray
    area_m2: np.ndarray
    unknown: dict[int, float]
    coverage: dict | None = None

    def __add__(self, other: ExactCounts) -> ExactCounts:
        unk = dict(self.unknown)
        for k, v in other.unknown.items():
            unk[k] = unk.get(k, 0.0) + v
        return ExactCounts(self.pixels + other.pixels, self.area_m2 + other.area_m2, unk)


def _sum(*parts: ExactCounts) -> ExactCounts:
    out = parts[0]
    for p in parts[1:]:
        out = out + p
    return out


def _require() -> None:
    try:
        import exactextract  # noqa: F401
    except ImportError:
        raise GridDependencyError(
            text("grid.no_exactextract"), hint=text("grid.hint_exactextract")
        ) from None


def _disjoint(geoms: list, codes, overlap: str, label: str) -> list:
    """Geometries without shared area: an error, or (``overlap="first"``) each minus the earlier."""
    import shapely

    tree_ = shapely.STRtree(geoms)
    left, right = tree_.query(geoms, predicate="intersects")
    keep = left < right
    pairs = [
        (i, j)
        for i, j in zip(left[keep].tolist(), right[keep].tolist(), strict=True)
        if shapely.area(shapely.intersection(geoms[i], geoms[j])) > 0
    ]
    if not pairs:
        return list(geoms)
    if overlap != "first":
        shown = "; ".join(f"{codes[i]} & {codes[j]}" for i, j in pairs[:5])
        raise ZoneError(
            text("grid.zones_overlap_area", file=label, pairs=shown, n=len(pairs)),
            hint=text("grid.hint_zones_overlap"),
            file=label,
        )
    out = list(geoms)
    for j in sorted({j for _, j in pairs}):
        earlier = [out[i] for i, jj in pairs if jj == j]
        out[j] = shapely.difference(out[j], shapely.union_all(earlier))
    return out


def exact_group(
    path, crs_wkt, geoms, ids, known, nodata, n_zones, width, px_m2, row_m2
) -> ExactCounts:
    """Pure apart from reading: coverage-weighted counts of zones ``ids`` (a task)."""
    import geopandas as gpd
    from exactextract import exact_extract

    nb = len(known) + 2
    pixels = np.zeros((n_zones + 1, nb))
    area = np.zeros((n_zones + 1, nb))
    unknown: dict[int, float] = {}
    gdf = gpd.GeoDataFrame({"_zone": ids}, geometry=list(geoms), crs=crs_wkt)
    res = exact_extract(
        path, gdf, ["values", "coverage", "cell_id"], include_cols=["_zone"], output="pandas"
    )
    for zid, vals, cov, cell in zip(
        res["_zone"], res["values"], res["coverage"], res["cell_id"], strict=True
    ):
        vals = np.asarray(vals)
        if vals.size == 0:
            continue
        cov = np.asarray(cov, dtype=np.float64)
        b = bins_of(vals.astype(np.int64), known, nodata)
        w = cov * (px_m2 if row_m2 is None else row_m2[np.asarray(cell, dtype=np.int64) // width])
        pixels[zid] += np.bincount(b, weights=cov, minlength=nb)
        area[zid] += np.bincount(b, weights=w, minlength=nb)
        other = b == nb - 1
        if other.any():
            u, inv = np.unique(vals[other].astype(np.int64), return_inverse=True)
            for code, v in zip(
                u.tolist(), np.bincount(inv, weights=cov[other]).tolist(), strict=True
            ):
                unknown[code] = unknown.get(code, 0.0) + v
    return ExactCounts(pixels, area, unknown)


def exact_counts(yr, zs, cw, centroid, *, scheduler=None) -> list[ExactCounts]:
    """Per-year :class:`ExactCounts` with their coverage partition (see module docstring)."""
    import dask

    from .pixelarea import pixel_area
    from .zones import VectorZones

    _require()
    if not isinstance(zs, VectorZones):
        raise GridError(text("grid.exact_needs_vectors"), hint=text("grid.hint_method"))
    geoms = _disjoint(list(zs.geoms), zs.codes, zs.overlap, zs.label)
    grid = yr.first.grid
    px_m2, row_m2 = pixel_area(grid)
    n, k = len(zs.codes), len(cw.codes)
    graphs = []
    for src in yr.by_year.values():
        if src.path is None:
            raise GridError(
                text("grid.exact_needs_file", file=src.label), hint=text("grid.hint_method")
            )
        parts = [
            dask.delayed(exact_group)(
                src.path,
                grid.crs_wkt,
                geoms[i : i + ZONES_PER_TASK],
                list(range(i + 1, min(i + ZONES_PER_TASK, n) + 1)),
                cw.codes,
                src.nodata,
                n,
                grid.shape[1],
                px_m2,
                row_m2,
            )
            for i in range(0, n, ZONES_PER_TASK)
        ]
        graphs.append(tree(parts, _sum))
    out = []
    total_px = int(np.prod(grid.shape))
    for c, cen in zip(run(graphs, scheduler=scheduler), centroid, strict=True):
        nodata = int(cen.pixels[:, k].sum())
        valid = float(c.pixels[1:, :k].sum())
        unmapped = {kk: v for kk, v in sorted(c.unknown.items()) if v > 0}
        cov = {
            "valid_pixels": valid,
            "nodata_pixels": nodata,
            "outside_zones_pixels": total_px - nodata - valid - sum(unmapped.values()),
            "unmapped": unmapped,
        }
        out.append(ExactCounts(c.pixels, c.area_m2, c.unknown, cov))
    return out
