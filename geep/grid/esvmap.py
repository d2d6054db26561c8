"""``esv_map``: a per-pixel ESV map (CNY per pixel per year) as a tiled GeoTIFF or Zarr.

Each chunk's codes go through a look-up table of value per hectare (per service, or summed) and
are multiplied by the pixel area [ha]; nodata (NaN) where nothing is valued — nodata pixels,
codes the crosswalk does not know and classes the profile gives no factors (``built_up``). The
value per hectare comes from :func:`geep.esv` itself (one hectare of each class), so the zone
sums of the map equal the ESV ledger of :func:`geep.grid.class_areas` for the same raster.

References
----------
.. [1] 谢高地 等. 基于单位面积价值当量因子的生态系统服务价值化方法改进. 自然资源学报 2015, 30(8):1243-1254.
"""

from __future__ import annotations

import dataclasses
import os
import shutil
import uuid
import warnings
from collections.abc import Callable, Mapping
from pathlib import Path

import numpy as np
import pandas as pd

from ..messages import did_you_mean, text
from .compute import connected, is_client, run
from .crosswalk import Crosswalk, load_crosswalk
from .errors import GridError, GridWarning
from .open import open_raster
from .pixelarea import pixel_area
from .read import source_blocks
from .sources import year_in_name

#: tile size of the written GeoTIFF [px]; write chunks are whole multiples of it
TILE = 512
# DEFLATE level 1 without predictor: a map holds few distinct values per row (one per class),
# which level 1 packs as well as level 6 with the float predictor, ~8x faster (measured here)


def value_per_ha(
    classes: tuple[str, ...], profile: str, price_year: int | None, year: int
) -> tuple[pd.DataFrame, dict]:
    """ESV per hectare of each class and service [CNY ha⁻¹ a⁻¹], through the public API.

    The one place where the map touches the method: :func:`geep.esv` on one hectare of each
    class; the ``price`` of its lines is the value per hectare (factor × D at the price year).

    Returns
    -------
    (DataFrame, dict)
        Wide table (index: land class, columns: services in ledger order; classes without
        factors absent) and the ledger's meta (profile, tables, price year, warnings).
    """
    from .. import esv

    frame = pd.DataFrame(
        {
            "region_code": "pixel",
            "year": year,
            "land_class": list(classes),
            "area": 1.0,
            "unit": "ha",
        }
    )
    ledger = esv(frame, profile=profile, price_year=price_year)
    lines = ledger.lines
    services = list(dict.fromkeys(lines["service"].astype(str)))  # ledger order
    wide = lines.pivot_table(
        index="ecosystem_type", columns="service", values="price", aggfunc="sum", observed=True
    )
    meta = dict(ledger.meta)
    meta["price_year"] = int(lines["price_year"].iloc[0])
    return wide.reindex(columns=[s for s in services if s in wide.columns]), meta


def lut_for(cw: Crosswalk, wide: pd.DataFrame, service: str | None) -> tuple[np.ndarray, list[str]]:
    """Value per hectare of each bin (crosswalk codes, nodata, other) and band [CNY ha⁻¹]."""
    services = list(wide.columns)
    if service is None:
        bands, table = ["total"], wide.sum(axis=1).to_frame("total")
    elif service == "all":
        bands, table = services, wide
    elif service in services:
        bands, table = [service], wide[[service]]
    else:
        raise GridError(
            text("grid.bad_service", service=service, suggestion=did_you_mean(service, services)),
            hint=text("grid.hint_service", services=", ".join(services)),
        )
    lut = np.full((len(cw.codes) + 2, len(bands)), np.nan)
    for i, cls in enumerate(cw.classes):
        if cls in table.index:
            lut[i] = table.loc[cls].to_numpy(dtype=float)
    return lut, bands


def esv_block(
    values: np.ndarray, known: np.ndarray, nodata: int | None, lut: np.ndarray, px_ha, row_ha
) -> np.ndarray:
    """CNY per pixel of one chunk, shape ``(bands, rows, cols)`` [float32]; NaN = not valued."""
    from .counts import bins_of

    b = bins_of(values, known, nodata)
    area = px_ha if row_ha is None else row_ha[:, None]
    out = np.empty((lut.shape[1], *values.shape), dtype=np.float32)
    for i in range(lut.shape[1]):  # bands (services), not pixels
        out[i] = lut[:, i][b] * area  # float64 product, one rounding to float32
    return out


def _write_chunks(chunks: tuple[int, int], shape: tuple[int, int]) -> tuple[int, int]:
    return tuple(
        n if c >= n else max(TILE, (c // TILE) * TILE) for c, n in zip(chunks, shape, strict=True)
    )  # type: ignore[return-value]


def _lock(scheduler):
    from dask.utils import SerializableLock

    if is_client(scheduler):
        from distributed import Lock

        return Lock(f"geep-esv-map-{uuid.uuid4().hex}")  # held through the scheduler
    if scheduler == "processes":
        import multiprocessing

        return multiprocessing.get_context().Manager().Lock()
    return SerializableLock()


def _array(src, cw, lut, px_ha, row_ha):
    """The map as a dask array ``(bands, rows, cols)``: one task per chunk."""
    import dask
    import dask.array as da

    wins = src.windows()
    blocks = source_blocks(src)
    nb = lut.shape[1]
    row_starts = sorted({w[0] for w in wins})
    grid_rows: list[list] = [[] for _ in row_starts]
    for blk, w in zip(blocks, wins, strict=True):
        rh = None if row_ha is None else row_ha[w[0] : w[1]]
        d = da.from_delayed(
            dask.delayed(esv_block)(blk, cw.codes, src.nodata, lut, px_ha, rh),
            shape=(nb, w[1] - w[0], w[3] - w[2]),
            dtype=np.float32,
        )
        grid_rows[row_starts.index(w[0])].append(d)
    return da.block(grid_rows)


def esv_map(
    raster: object,
    out: str | os.PathLike,
    *,
    classes: object = "clcd",
    profile: str = "xie-2015",
    price_year: int | None = None,
    service: str | None = None,
    chunks: object = None,
    scheduler: object = None,
    class_map: Mapping | None = None,
    nodata: object = None,
    year: int | None = None,
    cog: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> Path:
    """Write the ESV of every pixel [CNY per pixel per year] as a raster.

    Parameters
    ----------
    raster
        Land-cover raster (path, GDAL URL or DataArray).
    out
        ``*.tif`` (tiled, DEFLATE, float32; a COG with ``cog=True``) or ``*.zarr``.
    classes, class_map, nodata, chunks, scheduler, progress
        As for :func:`geep.grid.class_areas`.
    profile, price_year
        ESV profile and report price year (as :func:`geep.esv`).
    service
        ``None``: one band, the total over services; ``"all"``: one band per service; or one
        service name.
    year
        Year of the raster for the tags (default: from the file name, if any).
    cog
        Write a Cloud-Optimised GeoTIFF (with overviews).

    Returns
    -------
    Path
        ``out``, written atomically (a temporary file renamed when complete). Tags record the
        profile, price year, crosswalk, raster SHA-256, unit and band services.

    References
    ----------
    See the module docstring.
    """
    out = Path(out)
    zarr = out.suffix.lower() == ".zarr"
    if not zarr and out.suffix.lower() not in (".tif", ".tiff"):
        raise GridError(
            text("grid.bad_map_suffix", file=str(out)), hint=text("grid.hint_map_suffix")
        )
    cw = load_crosswalk(classes, class_map)
    src = open_raster(raster, chunks=chunks, nodata=nodata)
    src = dataclasses.replace(src, chunks=_write_chunks(src.chunks, src.grid.shape))
    if src.data is not None:
        src = dataclasses.replace(src, data=src.data.rechunk(src.chunks))
    year = year if year is not None else (year_in_name(src.label) if src.path else None)
    data, bands, tags = _map_graph(src, cw, profile, price_year, service, year)
    tmp = out.with_name(f".{out.name}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        with connected(scheduler) as sched:
            if zarr:
                _write_zarr(data, src, bands, tags, tmp, sched, progress)
            else:
                _write_tiff(data, src, bands, tags, tmp, sched, progress, cog)
        _replace(tmp, out)
    finally:
        for left in (tmp, tmp.with_suffix(".part.tif")):
            if left.is_dir():
                shutil.rmtree(left)
            elif left.exists():
                left.unlink()
    return out


def _map_graph(src, cw: Crosswalk, profile: str, price_year, service, year):
    """The map as a dask array, its band names and its provenance tags."""
    # the data year of the 1-ha frame: D of the shipped profiles does not depend on it; the
    # raster's year (or the price year) is used when known, recorded in the tags either way
    wide, meta = value_per_ha(cw.class_names, profile, price_year, year or price_year or 2020)
    lut, bands = lut_for(cw, wide, service)
    px_m2, row_m2 = pixel_area(src.grid)
    px_ha = None if px_m2 is None else px_m2 / 1e4
    row_ha = None if row_m2 is None else row_m2 / 1e4
    data = _array(src, cw, lut, px_ha, row_ha)
    unvalued = sorted(set(cw.class_names) - set(wide.index))
    if unvalued:
        warnings.warn(
            str(text("grid.warn_unvalued", classes=", ".join(unvalued), profile=profile)),
            GridWarning,
            stacklevel=3,
        )
    return data, bands, _tags(profile, meta, cw, src, year, bands, unvalued)


def _tags(profile: str, meta: dict, cw: Crosswalk, src, year, bands, unvalued) -> dict[str, str]:
    """Provenance written into the map (GeoTIFF tags / Zarr attributes)."""
    return {
        "GEEP_UNIT": "CNY/pixel/a",
        "GEEP_PROFILE": profile,
        "GEEP_PRICE_YEAR": str(meta["price_year"]),
        "GEEP_STATUS": str(meta.get("status")),
        "GEEP_TABLES": ";".join(str(t) for t in meta.get("tables", [])),
        "GEEP_CROSSWALK": cw.ref,
        "GEEP_RASTER": src.label,
        "GEEP_RASTER_SHA256": str(src.sha256),
        "GEEP_YEAR": str(year),
        "GEEP_BANDS": ";".join(bands),
        "GEEP_NODATA_CLASSES": ";".join(unvalued),
        "GEEP_METHOD": "esv.equivalent_factor per pixel: pixel area x price of geep.esv",
    }


def _dataarray(data, src, bands):
    import rioxarray  # noqa: F401
    import xarray as xr

    a = src.grid.affine
    rows, cols = src.grid.shape
    x = a.c + a.a * (np.arange(cols) + 0.5)
    y = a.f + a.e * (np.arange(rows) + 0.5)
    arr = xr.DataArray(
        data, dims=("band", "y", "x"), coords={"band": bands, "y": y, "x": x}, name="esv"
    )
    arr = arr.rio.write_crs(src.grid.crs_wkt).rio.write_transform(a)
    return arr.rio.write_nodata(np.nan, encoded=False)


def _write_tiff(data, src, bands, tags, tmp: Path, sched, progress, cog: bool) -> None:
    """Tasks write their tiles into an uncompressed tiled part file (rioxarray, one lock);
    GDAL then compresses it into ``tmp`` with every core (GTiff or COG). In update mode GDAL
    would recompress each tile at its default level, inside the lock."""
    import rasterio
    from rasterio.shutil import copy

    arr = _dataarray(data, src, bands).assign_coords(band=np.arange(1, len(bands) + 1))
    part = tmp.with_suffix(".part.tif")
    delayed = arr.rio.to_raster(
        part, driver="GTiff", dtype="float32", tiled=True, blockxsize=TILE, blockysize=TILE,
        BIGTIFF="IF_SAFER", tags=tags, lock=_lock(sched), compute=False, recalc_transform=False,
    )  # fmt: skip
    run([delayed], scheduler=sched, progress=progress)
    with rasterio.open(part, "r+") as ds:
        for i, name in enumerate(bands, 1):
            ds.set_band_description(i, name)
    opts = dict(COMPRESS="DEFLATE", NUM_THREADS="ALL_CPUS", BIGTIFF="IF_SAFER")
    if cog:
        copy(part, tmp, driver="COG", LEVEL=1, BLOCKSIZE=TILE, **opts)
    else:
        copy(
            part,
            tmp,
            driver="GTiff",
            ZLEVEL=1,
            TILED="YES",
            BLOCKXSIZE=TILE,
            BLOCKYSIZE=TILE,
            **opts,
        )
    part.unlink()


def _write_zarr(data, src, bands, tags, tmp: Path, sched, progress) -> None:
    try:
        import zarr  # noqa: F401
    except ImportError:
        from .errors import GridDependencyError

        raise GridDependencyError(text("grid.no_zarr"), hint=text("grid.hint_zarr")) from None
    ds = _dataarray(data, src, bands).to_dataset()
    ds["esv"].attrs.update({k.lower(): v for k, v in tags.items()})
    delayed = ds.to_zarr(tmp, mode="w", compute=False)
    run([delayed], scheduler=sched, progress=progress)


def _replace(tmp: Path, out: Path) -> None:
    """Move the finished ``tmp`` onto ``out`` (files: atomic rename; Zarr folders: swap)."""
    if tmp.is_dir():
        old = None
        if out.exists():
            old = out.with_name(f".{out.name}.{uuid.uuid4().hex[:8]}.old")
            os.replace(out, old)
        os.replace(tmp, out)
        if old is not None:
            shutil.rmtree(old)
        return
    os.replace(tmp, out)
