"""``transitions``: the land-cover change matrix per zone from two co-registered rasters.

One task per chunk counts (zone, class before, class after) in int64; the tables are summed
in a tree. Rasters on different grids are refused, unless ``align="nearest"`` asks for the
second one to be read onto the first one's grid by nearest neighbour (recorded in the attrs).

References
----------
.. [1] UN et al. SEEA Ecosystem Accounting (2021), §4.3: the ecosystem extent change matrix
   (opening, additions, reductions, closing by ecosystem type).
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Mapping

import numpy as np
import pandas as pd

from ..messages import text
from .areas import check_nodata_not_a_class, row_weights
from .compute import run, tree
from .counts import Counts, total, transition_counts
from .crosswalk import load_crosswalk
from .errors import GridError, GridWarning, ZoneError
from .open import aligned
from .read import source_blocks
from .sources import grid_mismatch, open_years, open_zones
from .zones import zone_blocks


def _inside(others: tuple[np.ndarray, np.ndarray]) -> dict[int, int]:
    codes, counts = others
    return {int(x): int(n) for x, n in zip(codes, counts[1], strict=True) if n}


def _partition(c: Counts, k: int, total_px: int, label: str) -> dict:
    px = c.pixels
    nb = k + 2
    a = np.arange(nb)[:, None]
    b = np.arange(nb)[None, :]
    nod = (a == k) | (b == k)
    unk = ((a == k + 1) | (b == k + 1)) & ~nod
    cov = {
        "valid_pixels": int(px[1:, :k, :k].sum()),
        "nodata_pixels": int(px[:, nod].sum()),
        "outside_zones_pixels": int(px[0][~nod].sum()),
        "unmapped_pixels": int(px[1:][:, unk].sum()),
        "unmapped_from": _inside(c.others[0]),
        "unmapped_to": _inside(c.others[1]),
    }
    parts = (
        cov["valid_pixels"]
        + cov["nodata_pixels"]
        + cov["outside_zones_pixels"]
        + cov["unmapped_pixels"]
    )
    if parts != total_px or int(px.sum()) != total_px:
        from .errors import GridConservationError

        raise GridConservationError(
            text("grid.not_conserved_transitions", label=label, total=total_px)
        )
    return cov


def _one_year(raster, year, *, chunks, nodata):
    yr = open_years(raster, year, chunks=chunks, nodata=nodata)
    if len(yr.by_year) != 1:
        raise GridError(text("grid.transitions_one_each"), hint=text("grid.hint_year"))
    return next(iter(yr.by_year.items())), yr.year_from


def transitions(
    raster_from: object,
    raster_to: object,
    zones: object,
    *,
    zone_field: str = "region_code",
    years: tuple[int, int] | None = None,
    classes: object = "clcd",
    class_map: Mapping | None = None,
    chunks: object = None,
    scheduler: object = None,
    overlap: str = "error",
    nodata: object = None,
    align: str = "error",
    progress: Callable[[int, int], None] | None = None,
) -> pd.DataFrame:
    """Change matrix (from class → to class) per zone between two land-cover rasters.

    Parameters
    ----------
    raster_from, raster_to
        Rasters of the first and second year (paths, GDAL URLs or DataArrays).
    zones, zone_field, classes, class_map, chunks, scheduler, overlap, nodata, progress
        As for :func:`geep.grid.class_areas`.
    years
        ``(year_from, year_to)``; default: the year in each file name.
    align
        ``"error"`` (default: rasters must share one grid) or ``"nearest"`` (read
        ``raster_to`` onto ``raster_from``'s grid by nearest neighbour).

    Returns
    -------
    DataFrame
        ``region_code, year_from, year_to, from_class, to_class, area`` [ha], ``unit``,
        ``pixels`` — unchanged land on the diagonal (``from_class == to_class``).
        ``attrs["coverage"]``: ``valid_pixels, nodata_pixels`` (nodata in either raster),
        ``outside_zones_pixels, unmapped_pixels`` (an unknown code in either), ``unmapped_from``,
        ``unmapped_to`` {code: pixels}, ``method``, hashes, ``aligned``.

    References
    ----------
    See the module docstring.
    """
    if align not in ("error", "nearest"):
        raise GridError(text("grid.bad_align", value=align), hint=text("grid.hint_grid_mismatch"))
    cw = load_crosswalk(classes, class_map)
    (ya, a), (yb, b), how = _pair(raster_from, raster_to, years, chunks, nodata, align)
    for s in (a, b):
        check_nodata_not_a_class(s, cw)
    zs = open_zones(zones, a, zone_field=zone_field, overlap=overlap, scheduler=scheduler)
    px_m2, quanta, q = row_weights(a)
    (c,) = run([_graph(a, b, zs, cw, quanta)], scheduler=scheduler, progress=progress)
    cov = _partition(c, len(cw.codes), int(np.prod(a.grid.shape)), a.label)
    df = _frame(c, cw, zs.codes, ya, yb, px_m2, q)
    if df.empty:
        raise ZoneError(
            text("grid.no_pixels_in_zones", file=zs.label),
            hint=text("grid.hint_no_intersection"),
            file=zs.label,
        )
    msgs = _warnings(cov, f"{a.label} / {b.label}", f"{ya}→{yb}")
    cov |= {
        "method": "centroid",
        "raster_sha256": {ya: a.sha256, yb: b.sha256},
        "zones_sha256": zs.sha256,
        "total_pixels": int(np.prod(a.grid.shape)),
        "year_from": how,
        "crosswalk": cw.ref,
        "crosswalk_status": cw.status,
        "aligned": "nearest" if b.warp_to is not None else None,
        "crs": a.grid.crs.to_string(),
        "pixel_area_m2": px_m2,
    }
    df.attrs["coverage"] = cov
    df.attrs["warnings"] = msgs
    return df


def _pair(raster_from, raster_to, years, chunks, nodata, align: str):
    """Both rasters, on one grid (or the second aligned onto the first on request)."""
    y0, y1 = (None, None) if years is None else years
    (ya, a), how = _one_year(raster_from, y0, chunks=chunks, nodata=nodata)
    (yb, b), _ = _one_year(raster_to, y1, chunks=a.chunks, nodata=nodata)
    if not a.grid.same_as(b.grid):
        if align != "nearest":
            raise grid_mismatch(a, b)
        b = aligned(b, a)
    return (ya, a), (yb, b), how


def _graph(a, b, zs, cw, quanta):
    """One transition-count task per chunk, summed in a tree."""
    import dask

    parts = []
    blocks = zip(source_blocks(a), source_blocks(b), zone_blocks(zs, a), a.windows(), strict=True)
    for ba, bb, zb, w in blocks:
        rq = None if quanta is None else quanta[w[0] : w[1]]
        nd = (a.nodata, b.nodata)
        parts.append(dask.delayed(transition_counts)(ba, bb, zb, cw.codes, nd, len(zs.codes), rq))
    return tree(parts, total)


def _warnings(cov: dict, label: str, years: str) -> list[str]:
    msgs = []
    if cov["nodata_pixels"]:
        msgs.append(str(text("grid.warn_nodata", file=label, year=years, n=cov["nodata_pixels"])))
    if cov["unmapped_pixels"]:
        shown = "; ".join(
            str(text(f"grid.px_{side}", code=x, n=n))
            for side in ("from", "to")
            for x, n in sorted(cov[f"unmapped_{side}"].items())
        )
        msgs.append(str(text("grid.warn_unmapped", file=label, year=years, codes=shown)))
    for m in msgs:
        warnings.warn(m, GridWarning, stacklevel=3)
    return msgs


def _frame(c: Counts, cw, codes, ya: int, yb: int, px_m2, q) -> pd.DataFrame:
    k = len(cw.codes)
    onehot = np.zeros((k, len(cw.class_names)), dtype=np.int64)
    onehot[np.arange(k), cw.class_index()] = 1
    pix = np.einsum("zab,ac,bd->zcd", c.pixels[1:, :k, :k], onehot, onehot)
    if c.quanta is None:
        area_m2 = pix * px_m2
    else:
        area_m2 = np.einsum("zab,ac,bd->zcd", c.quanta[1:, :k, :k], onehot, onehot) * q
    z, i, j = np.nonzero(pix)
    names = np.asarray(cw.class_names, dtype=object)
    df = pd.DataFrame(
        {
            "region_code": np.asarray(codes, dtype=object)[z],
            "year_from": np.full(z.size, ya, dtype=np.int64),
            "year_to": np.full(z.size, yb, dtype=np.int64),
            "from_class": names[i],
            "to_class": names[j],
            "area": area_m2[z, i, j] / 1e4,
            "unit": "ha",
            "pixels": pix[z, i, j],
        }
    )
    return df.sort_values(["region_code", "from_class", "to_class"], kind="stable").reset_index(
        drop=True
    )
