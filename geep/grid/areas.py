"""``class_areas``: land-cover rasters + zones → the ``land_cover`` table, on Dask.

One task per (year, chunk) reads the chunk, looks its zone ids up (rasterized once per chunk
and shared by every year) and reduces both to an int64 ``(zones + 1) × bins`` count table; the
tables are summed in a tree. The result is the ``land_cover`` contract table that
:func:`geep.esv` and :func:`geep.benefit_transfer` accept unchanged, with
``attrs["coverage"]`` — a complete partition of the raster's pixels.

References
----------
.. [1] Yang, J., Huang, X. The 30 m annual land cover dataset and its dynamics in China from
   1990 to 2019. Earth Syst. Sci. Data 13, 3907–3925 (2021).
.. [2] UN et al. System of Environmental-Economic Accounting — Ecosystem Accounting (2021),
   §4.2 (ecosystem extent: areas by ecosystem type and spatial unit).
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Mapping

import numpy as np
import pandas as pd

from ..messages import text
from .compute import run, tree
from .counts import Counts, area_counts, fold, total
from .crosswalk import Crosswalk, load_crosswalk
from .errors import GridError, GridWarning, ZoneError
from .open import RasterSource
from .pixelarea import pixel_area, row_area_quanta
from .read import source_blocks
from .sources import open_years, open_zones
from .zones import zone_blocks

METHODS = ("centroid", "exact")
COLUMNS = ["region_code", "year", "land_class", "area", "unit", "pixels"]


def check_nodata_not_a_class(src: RasterSource, cw: Crosswalk) -> None:
    """A nodata value that is also a class code would be two statements about one pixel."""
    if src.nodata is not None and src.nodata in set(cw.codes.tolist()):
        raise GridError(
            text("grid.nodata_is_class", file=src.label, nodata=src.nodata, crosswalk=cw.ref),
            hint=text("grid.hint_nodata_conflict"),
            file=src.label,
        )


def row_weights(src: RasterSource) -> tuple[float | None, np.ndarray | None, float | None]:
    """``(pixel area [m²], None, None)`` (projected) or ``(None, row quanta, quantum [m²])``."""
    px, rows = pixel_area(src.grid)
    if rows is None:
        return px, None, None
    quanta, q = row_area_quanta(rows)
    return None, quanta, q


def count_graph(src: RasterSource, zblocks: list, cw: Crosswalk, n_zones: int, quanta) -> object:
    """Delayed total :class:`Counts` of one raster (one task per chunk, then a tree)."""
    import dask

    parts = []
    for blk, zb, w in zip(source_blocks(src), zblocks, src.windows(), strict=True):
        rq = None if quanta is None else quanta[w[0] : w[1]]
        parts.append(dask.delayed(area_counts)(blk, zb, cw.codes, src.nodata, n_zones, rq))
    return tree(parts, total)


def partition(c: Counts, n_known: int, total_pixels: int, label: str) -> dict:
    """The coverage partition of one raster's counts; checks conservation."""
    px = c.pixels
    nodata = int(px[:, n_known].sum())
    outside = int(px[0].sum()) - int(px[0, n_known])
    valid = int(px[1:, :n_known].sum())
    codes, counts = c.others[0]
    unmapped = {int(k): int(v) for k, v in zip(codes, counts[1], strict=True) if v}
    if (
        valid + nodata + outside + sum(unmapped.values()) != total_pixels
        or px.sum() != total_pixels
    ):
        from .errors import GridConservationError

        raise GridConservationError(text("grid.not_conserved", label=label, total=total_pixels))
    return {
        "valid_pixels": valid,
        "nodata_pixels": nodata,
        "outside_zones_pixels": outside,
        "unmapped": unmapped,
    }


def _rows(year: int, c: Counts, cw: Crosswalk, codes: tuple[str, ...], px_m2, q) -> pd.DataFrame:
    k = len(cw.codes)
    onehot = np.zeros((k, len(cw.class_names)), dtype=np.int64)
    onehot[np.arange(k), cw.class_index()] = 1
    pix = c.pixels[1:, :k] @ onehot  # [zone, class], exact int64 (float for method="exact")
    if getattr(c, "area_m2", None) is not None:
        area_m2 = c.area_m2[1:, :k] @ onehot
    elif c.quanta is None:
        area_m2 = pix * px_m2
    else:
        area_m2 = (c.quanta[1:, :k] @ onehot) * q
    z, j = np.nonzero(pix)
    return pd.DataFrame(
        {
            "region_code": np.asarray(codes, dtype=object)[z],
            "year": np.full(z.size, year, dtype=np.int64),
            "land_class": np.asarray(cw.class_names, dtype=object)[j],
            "area": area_m2[z, j] / 1e4,
            "unit": "ha",
            "pixels": pix[z, j],
        }
    )


def warn_coverage(cov: dict, label: str, year: int) -> list[str]:
    """Warnings for nodata and unknown codes (counted, reported, never valued)."""
    out = []
    if cov["nodata_pixels"]:
        out.append(str(text("grid.warn_nodata", file=label, year=year, n=cov["nodata_pixels"])))
    if cov["unmapped"]:
        shown = ", ".join(str(text("grid.px_count", code=k, n=v))
                          for k, v in sorted(cov["unmapped"].items()))  # fmt: skip
        out.append(str(text("grid.warn_unmapped", file=label, year=year, codes=shown)))
    return out


def class_areas(
    raster: object,
    zones: object,
    *,
    zone_field: str = "region_code",
    year: int | None = None,
    classes: object = "clcd",
    method: str = "centroid",
    chunks: object = None,
    scheduler: object = None,
    class_map: Mapping | None = None,
    overlap: str = "error",
    nodata: object = None,
    progress: Callable[[int, int], None] | None = None,
) -> pd.DataFrame:
    """Area of each land class in each zone (and year) from land-cover rasters.

    Parameters
    ----------
    raster
        A path / GDAL URL / DataArray, a mapping ``{year: raster}``, or a pattern with
        ``{year}`` (then ``year`` is an iterable of years). All years run in one graph.
    zones
        Vector file or GeoDataFrame (with ``zone_field``), or a zone raster on the same grid.
    zone_field
        Column holding the region code.
    year
        Year of a single raster (default: the one four-digit year in its file name).
    classes, class_map
        Crosswalk from raster codes to geep land classes, and per-code overrides.
    method
        ``"centroid"`` (a pixel belongs to the zone holding its centre; integer counts) or
        ``"exact"`` (coverage fractions of boundary pixels, via exactextract).
    chunks
        Chunk shape [px]; results do not depend on it.
    scheduler
        ``None`` / ``"threads"``, ``"processes"``, ``"synchronous"``, a
        ``dask.distributed.Client`` or ``"tcp://host:port"``.
    overlap
        ``"error"`` (default) or ``"first"`` (a pixel in several zones goes to the first).
    nodata
        Nodata value when the raster declares none; ``"none"`` if every pixel is a class.
    progress
        ``progress(done, total)`` callback.

    Returns
    -------
    DataFrame
        ``region_code, year, land_class, area`` [ha], ``unit`` (``ha``), ``pixels``; sorted.
        ``attrs["coverage"]``: ``valid_pixels, nodata_pixels, outside_zones_pixels, unmapped
        {code: pixels}, method, raster_sha256, zones_sha256`` (+ ``years``, ``crosswalk``, …),
        with valid + nodata + outside + Σ unmapped = all pixels (for every year).

    References
    ----------
    See the module docstring.
    """
    if method not in METHODS:
        raise GridError(text("grid.bad_method", value=method), hint=text("grid.hint_method"))
    cw = load_crosswalk(classes, class_map)
    yr = open_years(raster, year, chunks=chunks, nodata=nodata)
    first = yr.first
    for src in yr.by_year.values():
        check_nodata_not_a_class(src, cw)
    zs = open_zones(zones, first, zone_field=zone_field, overlap=overlap, scheduler=scheduler)
    px_m2, quanta, q = row_weights(first)
    zb = zone_blocks(zs, first)
    graphs = [count_graph(src, zb, cw, len(zs.codes), quanta) for src in yr.by_year.values()]
    results = [
        fold(c, cw.codes, s.nodata)
        for c, s in zip(
            run(graphs, scheduler=scheduler, progress=progress), yr.by_year.values(), strict=True
        )
    ]
    if method == "exact":
        from .exact import exact_counts

        results = exact_counts(yr, zs, cw, results, scheduler=scheduler)
    return assemble(yr, zs, cw, results, px_m2, q, method, zone_field)


def assemble(
    yr, zs, cw: Crosswalk, results: list[Counts], px_m2, q, method: str, zone_field: str
) -> pd.DataFrame:
    """The land_cover table and its coverage attrs from the per-year counts."""
    total_px = int(np.prod(yr.first.grid.shape))
    frames, per_year, messages = [], {}, []
    for (y, src), c in zip(yr.by_year.items(), results, strict=True):
        cov = (
            partition(c, len(cw.codes), total_px, src.label) if method == "centroid" else c.coverage
        )
        per_year[y] = cov
        messages += warn_coverage(cov, src.label, y)
        frames.append(_rows(y, c, cw, zs.codes, px_m2, q))
    df = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=COLUMNS)
    if df.empty:
        raise ZoneError(
            text("grid.no_pixels_in_zones", file=zs.label),
            hint=text("grid.hint_no_intersection"),
            file=zs.label,
        )
    df = df.sort_values(["region_code", "year", "land_class"], kind="stable").reset_index(drop=True)
    empty = sorted(set(zs.codes) - set(df["region_code"]))
    if empty:
        messages.append(
            str(text("grid.warn_empty_zones", n=len(empty), codes=", ".join(empty[:10])))
        )
    for m in messages:
        warnings.warn(m, GridWarning, stacklevel=3)
    df.attrs["coverage"] = coverage_attrs(yr, zs, cw, per_year, method, px_m2, zone_field, empty)
    df.attrs["warnings"] = messages
    return df


def coverage_attrs(yr, zs, cw, per_year: dict, method, px_m2, zone_field, empty) -> dict:
    """``attrs["coverage"]``: totals over years + per-year partitions + provenance."""
    single = len(per_year) == 1
    keys = ("valid_pixels", "nodata_pixels", "outside_zones_pixels")
    cov: dict = {k: sum(p[k] for p in per_year.values()) for k in keys}
    unmapped: dict[int, float] = {}
    for p in per_year.values():
        for k, v in p["unmapped"].items():
            unmapped[k] = unmapped.get(k, 0) + v
    cov["unmapped"] = dict(sorted(unmapped.items()))
    shas = {y: s.sha256 for y, s in yr.by_year.items()}
    cov |= {
        "method": method,
        "raster_sha256": next(iter(shas.values())) if single else shas,
        "zones_sha256": zs.sha256,
        "total_pixels": int(np.prod(yr.first.grid.shape)) * len(per_year),
        "years": {y: dict(p) for y, p in per_year.items()},
        "year_from": yr.year_from,
        "raster": {y: s.label for y, s in yr.by_year.items()},
        "zones": zs.label,
        "zone_field": zone_field if not hasattr(zs, "values") else None,
        "crosswalk": cw.ref,
        "crosswalk_status": cw.status,
        "crs": yr.first.grid.crs.to_string(),
        "pixel_area_m2": px_m2,  # None: row-dependent (geographic CRS)
        "nodata_value": yr.first.nodata,
        "chunks": yr.first.chunks,
        "empty_zones": empty,
    }
    return cov
