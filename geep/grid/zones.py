"""Zones on the raster grid: vector layers rasterized per chunk, or a zone raster.

Vectors (GeoPackage, GeoJSON, Shapefile or a GeoDataFrame) are validated (CRS, zone field,
codes, geometries), reprojected to the raster's CRS — the categorical raster is never resampled —
checked for overlaps (a pixel counted twice is an error unless ``overlap="first"``) and painted
chunk by chunk with rasterio's rasterizer (pixel-centre rule, GDAL's default). A zone raster must
be on the raster's grid; its values are the zone codes.

References
----------
.. [1] GDAL ``GDALRasterizeGeometries``: a pixel belongs to a polygon when its centre is inside
   (``ALL_TOUCHED=FALSE``), https://gdal.org/api/gdal_alg.html
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from ..messages import did_you_mean, text
from .errors import GridMismatchError, ZoneError, ZoneFieldError
from .open import Grid, RasterSource, file_sha256, open_raster
from .read import source_blocks

#: how many offending zones an error message lists
SHOW = 5


@dataclass(frozen=True)
class VectorZones:
    """Zone polygons in the raster CRS, in paint order (the last painted wins a pixel)."""

    codes: tuple[str, ...]  # zone id i+1 ↔ codes[i]
    geoms: tuple[Any, ...]  # shapely geometries in file order, raster CRS
    label: str
    sha256: str
    overlap: str

    @property
    def dtype(self) -> np.dtype:
        return zone_dtype(len(self.codes))


@dataclass(frozen=True)
class RasterZones:
    """A zone raster on the class raster's grid; its values are the zone codes."""

    codes: tuple[str, ...]
    values: np.ndarray  # sorted zone values [int64], id i+1 ↔ values[i]
    source: RasterSource
    label: str
    sha256: str | None

    @property
    def dtype(self) -> np.dtype:
        return zone_dtype(len(self.codes))


def zone_dtype(n: int) -> np.dtype:
    """Smallest unsigned integer holding zone ids 0..n (0 = outside every zone)."""
    if n < 255:
        return np.dtype(np.uint8)
    if n < 65535:
        return np.dtype(np.uint16)
    return np.dtype(np.int32)


def _code_text(values) -> list[str]:
    """Zone codes as text: integral numbers without ``.0`` (140100.0 → ``"140100"``)."""
    import pandas as pd

    s = pd.Series(values)
    if pd.api.types.is_numeric_dtype(s.dtype) and not pd.api.types.is_bool_dtype(s.dtype):
        f = s.astype(float)
        if np.all(np.isfinite(f)) and np.all(f == np.round(f)):
            return [str(int(v)) for v in f]
        return [repr(float(v)) if np.isfinite(v) else "" for v in f]
    return [
        "" if v is None or (isinstance(v, float) and np.isnan(v)) else str(v).strip() for v in s
    ]


def _vector_sha256(path: str) -> str | None:
    """SHA-256 of a vector file (a Shapefile with its .shx, .dbf, .prj, .cpg side files)."""
    p = Path(path)
    if p.suffix.lower() != ".shp":
        return file_sha256(path)
    h = hashlib.sha256()
    for ext in (".shp", ".shx", ".dbf", ".prj", ".cpg"):
        side = p.with_suffix(ext)
        if side.exists():
            h.update(ext.encode() + (file_sha256(side) or "").encode())
    return h.hexdigest()


def _frame_sha256(gdf, codes: list[str]) -> str:
    import shapely

    h = hashlib.sha256()
    for code, wkb in zip(codes, shapely.to_wkb(gdf.geometry.values, hex=False), strict=True):
        h.update(code.encode("utf-8") + b"\0" + wkb)
    return h.hexdigest()


def _read_vector(zones: object):
    import geopandas as gpd

    if isinstance(zones, gpd.GeoDataFrame):
        return zones, "GeoDataFrame", None
    label = os.fspath(zones)  # type: ignore[arg-type]
    if not Path(label).exists() and not label.startswith("/vsi"):
        raise ZoneError(
            text("grid.no_file", file=label), hint=text("grid.hint_no_file"), file=label
        )
    try:
        gdf = gpd.read_file(label, engine="pyogrio")
    except Exception as exc:  # pyogrio raises DataSourceError, DataLayerError, …
        raise ZoneError(
            text("grid.zones_unreadable", file=label, problem=str(exc).splitlines()[0]),
            hint=text("grid.hint_zones_unreadable"),
            file=label,
        ) from None
    return gdf, label, _vector_sha256(label)


def _check_codes(gdf, zone_field: str, label: str) -> list[str]:
    if zone_field not in gdf.columns:
        cols = [c for c in gdf.columns if c != gdf.geometry.name]
        raise ZoneFieldError(
            text(
                "grid.zone_field_missing",
                field=zone_field,
                file=label,
                columns=", ".join(map(str, cols)),
                suggestion=did_you_mean(zone_field, [str(c) for c in cols]),
            ),
            hint=text("grid.hint_zone_field"),
            file=label,
            column=zone_field,
        )
    codes = _code_text(gdf[zone_field].to_numpy())
    blank = [i + 1 for i, c in enumerate(codes) if c == ""]
    if blank:
        raise ZoneError(
            text(
                "grid.zone_code_blank",
                file=label,
                field=zone_field,
                rows=blank[:SHOW],
                n=len(blank),
            ),
            hint=text("grid.hint_zone_code_blank"),
            file=label,
            column=zone_field,
            row=blank[0],
        )
    seen: dict[str, list[int]] = {}
    for i, c in enumerate(codes):
        seen.setdefault(c, []).append(i + 1)
    dup = {c: rows for c, rows in seen.items() if len(rows) > 1}
    if dup:
        shown = "; ".join(
            f"{c} (features {', '.join(map(str, r))})" for c, r in list(dup.items())[:SHOW]
        )
        raise ZoneError(
            text("grid.zone_code_duplicate", file=label, field=zone_field, codes=shown, n=len(dup)),
            hint=text("grid.hint_zone_code_duplicate", field=zone_field),
            file=label,
            column=zone_field,
            zones=sorted(dup),
        )
    return codes


def _check_geometries(gdf, label: str) -> None:
    import shapely

    geoms = gdf.geometry.values
    bad = np.flatnonzero(
        shapely.is_missing(geoms)
        | shapely.is_empty(geoms)
        | ~np.isin(shapely.get_type_id(geoms), (3, 6))  # Polygon, MultiPolygon
    )
    if bad.size:
        raise ZoneError(
            text("grid.zone_geometry_type", file=label, rows=(bad[:SHOW] + 1).tolist(), n=bad.size),
            hint=text("grid.hint_zone_geometry_type"),
            file=label,
            row=int(bad[0]) + 1,
        )
    invalid = np.flatnonzero(~shapely.is_valid(geoms))
    if invalid.size:
        reason = shapely.is_valid_reason(geoms[invalid[0]])
        raise ZoneError(
            text(
                "grid.zone_geometry_invalid",
                file=label,
                rows=(invalid[:SHOW] + 1).tolist(),
                n=invalid.size,
                reason=reason,
            ),
            hint=text("grid.hint_zone_geometry_invalid"),
            file=label,
            row=int(invalid[0]) + 1,
        )


def overlapping_pixels(geoms, codes, grid: Grid) -> list[tuple[str, str, int]]:
    """Pairs of zones that share pixel centres: ``(code_a, code_b, pixels)``.

    Candidate pairs come from an STR-tree of the polygons; each polygonal intersection is
    rasterized on its own window only, so the check costs little even for thousands of zones.
    """
    import shapely

    tree = shapely.STRtree(geoms)
    left, right = tree.query(geoms, predicate="intersects")
    keep = left < right
    out: list[tuple[str, str, int]] = []
    for i, j in zip(left[keep].tolist(), right[keep].tolist(), strict=True):
        inter = shapely.intersection(geoms[i], geoms[j])
        if inter.is_empty or shapely.area(inter) <= 0:
            continue
        win = _pixel_window(inter.bounds, grid)
        if win is None:  # the shared area lies off the raster: no pixel counted twice
            continue
        mask = paint([inter], [1], win, grid.transform, "uint8")
        n = int(mask.sum())
        if n:
            out.append((codes[i], codes[j], n))
    return out


def _pixel_window(bounds, grid: Grid) -> tuple[int, int, int, int] | None:
    """Pixel window ``(row0, row1, col0, col1)`` covering ``bounds``, clipped to the raster
    (``None`` if off the raster). North-up or south-up grids without rotation."""
    a, _b, c, _d, e, f = grid.transform[:6]
    left, bottom, right, top = bounds
    cols = sorted(((left - c) / a, (right - c) / a))
    rows = sorted(((top - f) / e, (bottom - f) / e))
    c0, c1 = max(0, int(np.floor(cols[0]))), min(grid.shape[1], int(np.ceil(cols[1])))
    r0, r1 = max(0, int(np.floor(rows[0]))), min(grid.shape[0], int(np.ceil(rows[1])))
    if c0 >= c1 or r0 >= r1:
        return None
    return r0, r1, c0, c1


@dataclass(frozen=True)
class ZonePolygons:
    """Validated zone polygons in their own CRS (for maps: no raster involved)."""

    codes: tuple[str, ...]  # one per feature, in file order
    frame: Any  # GeoDataFrame with ``region_code`` (the codes as text) and the geometry
    label: str
    sha256: str


def read_zone_polygons(zones: object, *, zone_field: str = "region_code") -> ZonePolygons:
    """Read and validate a zone layer (file or GeoDataFrame) as it is, without a raster.

    The same checks as :func:`vector_zones` apart from the raster: a declared CRS, the zone
    field present, codes neither blank nor repeated, polygon geometries that are valid.

    Raises
    ------
    ZoneFieldError, ZoneError
        As :func:`vector_zones`.
    """
    gdf, label, sha = _read_vector(zones)
    if gdf.crs is None:
        raise ZoneError(
            text("grid.no_crs", file=label), hint=text("grid.hint_zones_crs"), file=label
        )
    codes = _check_codes(gdf, zone_field, label)
    _check_geometries(gdf, label)
    frame = gdf[[gdf.geometry.name]].copy()
    frame.insert(0, "region_code", codes)
    return ZonePolygons(tuple(codes), frame, label, sha or _frame_sha256(gdf, codes))


def vector_zones(
    zones: object, grid: Grid, *, zone_field: str, overlap: str = "error"
) -> VectorZones:
    """Validate a vector zone layer and bring it onto ``grid``'s CRS.

    Raises
    ------
    ZoneFieldError, ZoneError
        Zone field missing, blank or duplicate codes, no CRS, bad geometries, overlaps (unless
        ``overlap="first"``), no zone intersecting the raster.
    """
    import shapely

    if overlap not in ("error", "first"):
        raise ZoneError(text("grid.bad_overlap", value=overlap), hint=text("grid.hint_overlap"))
    gdf, label, sha = _read_vector(zones)
    if gdf.crs is None:
        raise ZoneError(
            text("grid.no_crs", file=label), hint=text("grid.hint_zones_crs"), file=label
        )
    codes = _check_codes(gdf, zone_field, label)
    _check_geometries(gdf, label)
    if gdf.crs != grid.crs:
        gdf = gdf.to_crs(grid.crs)
    geoms = gdf.geometry.values
    box = shapely.box(*grid.bounds)
    if not shapely.intersects(geoms, box).any():
        raise ZoneError(
            text(
                "grid.no_intersection",
                file=label,
                zones_bounds=tuple(round(v, 3) for v in gdf.total_bounds),
                raster_bounds=tuple(round(v, 3) for v in grid.bounds),
            ),
            hint=text("grid.hint_no_intersection"),
            file=label,
        )
    if overlap == "error":
        pairs = overlapping_pixels(geoms, codes, grid)
        if pairs:
            shown = "; ".join(str(text("grid.px_pair", a=a, b=b, n=n)) for a, b, n in pairs[:SHOW])
            raise ZoneError(
                text("grid.zones_overlap", file=label, pairs=shown, n=len(pairs)),
                hint=text("grid.hint_zones_overlap"),
                file=label,
                zones=[(a, b) for a, b, _ in pairs],
            )
    sha = sha or _frame_sha256(gdf, codes)
    return VectorZones(tuple(codes), tuple(geoms), label, sha, overlap)


def raster_zones(
    zones: object, grid: Grid, *, chunks: tuple[int, int], scheduler=None
) -> RasterZones:
    """A zone raster on ``grid``: validated, its zone values found in one pass."""
    import dask

    src = open_raster(zones, chunks=chunks)
    if not src.grid.same_as(grid):
        raise GridMismatchError(
            text(
                "grid.zone_grid_mismatch",
                file=src.label,
                grid_a=grid.describe(),
                grid_b=src.grid.describe(),
            ),
            hint=text("grid.hint_zone_grid"),
            file=src.label,
        )
    blocks = [dask.delayed(_block_values)(b, src.nodata) for b in source_blocks(src)]
    from .compute import run

    (found,) = run([dask.delayed(_union)(*blocks)], scheduler=scheduler)
    if found.size == 0:
        raise ZoneError(text("grid.zone_raster_empty", file=src.label), file=src.label)
    return RasterZones(tuple(str(int(v)) for v in found), found, src, src.label, src.sha256)


def _block_values(block: np.ndarray, nodata: int | None) -> np.ndarray:
    u = np.unique(block)
    return u[u != nodata] if nodata is not None else u


def _union(*arrays: np.ndarray) -> np.ndarray:
    return (
        np.unique(np.concatenate([a.astype(np.int64) for a in arrays]))
        if arrays
        else np.empty(0, np.int64)
    )


def paint(
    geoms: list, ids: list[int], window: tuple[int, int, int, int], transform: tuple, dtype: str
) -> np.ndarray:
    """Zone ids of one window (0 outside every zone); later shapes win shared pixels.

    Pure: geometries, ids and the window's geotransform in, an array out.
    """
    from affine import Affine
    from rasterio import features

    r0, r1, c0, c1 = window
    shape = (r1 - r0, c1 - c0)
    if not geoms:
        return np.zeros(shape, dtype=dtype)
    t = Affine(*transform[:6]) @ Affine.translation(c0, r0)
    return features.rasterize(
        list(zip(geoms, ids, strict=True)), out_shape=shape, transform=t, fill=0, dtype=dtype
    )


def zone_ids_from_values(
    block: np.ndarray, values: np.ndarray, nodata: int | None, dtype: str
) -> np.ndarray:
    """Zone ids (1-based position in ``values``; 0 = nodata or not a zone) of a zone-raster block."""
    b = block.astype(np.int64, copy=False)
    pos = np.searchsorted(values, b)
    pos = np.clip(pos, 0, len(values) - 1)
    hit = values[pos] == b
    if nodata is not None:
        hit &= b != nodata
    return np.where(hit, pos + 1, 0).astype(dtype)


def zone_blocks(zones, src: RasterSource) -> list:
    """Per chunk window of ``src``, a delayed block of zone ids (0 = outside every zone), or a
    plain int when the whole chunk lies in one zone (or in none)."""
    import dask
    import shapely

    wins = src.windows()
    dtype = str(zones.dtype)
    if isinstance(zones, RasterZones):
        zsrc = zones.source
        return [
            dask.delayed(zone_ids_from_values)(b, zones.values, zsrc.nodata, dtype)
            for b in source_blocks(zsrc)
        ]
    geoms = np.asarray(zones.geoms, dtype=object)
    ids = np.arange(1, len(geoms) + 1)
    if zones.overlap == "first":  # the last painted wins: paint in reverse file order
        geoms, ids = geoms[::-1], ids[::-1]
    tree = shapely.STRtree(geoms)
    shapely.prepare(geoms)
    ta, tb, tc, td, te, tf = src.grid.transform[:6]
    out: list = []
    for w in wins:
        r0, r1, c0, c1 = w
        x0, y0 = tc + ta * c0 + tb * r0, tf + td * c0 + te * r0
        x1, y1 = tc + ta * c1 + tb * r1, tf + td * c1 + te * r1
        box = shapely.box(min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))
        hit = np.sort(tree.query(box))
        if hit.size == 0:  # no zone near this chunk: every pixel is outside
            out.append(0)
            continue
        if hit.size == 1 and shapely.contains(geoms[hit[0]], box):
            out.append(int(ids[hit[0]]))  # the chunk lies inside one zone: no painting
            continue
        out.append(
            dask.delayed(paint)(list(geoms[hit]), ids[hit].tolist(), w, src.grid.transform, dtype)
        )
    return out
