"""Opening and validating categorical rasters: CRS, nodata, dtype, pixel grid, chunks, hash.

A raster is a path GDAL can open (GeoTIFF/COG, ``/vsicurl/…``, ``/vsis3/…``) or an
:class:`xarray.DataArray` with a CRS and transform (rioxarray). Paths are read by Dask tasks
with rasterio windowed reads (one window per chunk); nothing is resampled, and xarray's
``mask_and_scale`` is never applied (an 8-bit class raster stays 8-bit, nodata is counted).

References
----------
.. [1] GDAL raster data model (nodata, geotransform): https://gdal.org/user/raster_data_model.html
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from ..messages import text
from .errors import GridError, GridMismatchError, RasterReadError

#: target pixels per chunk when ``chunks`` is not given (≈ 4 Mpx: 4 MB of uint8 per task)
TARGET_CHUNK_PIXELS = 4 * 1024 * 1024


@dataclass(frozen=True)
class Grid:
    """A pixel grid: CRS (WKT), affine transform and shape ``(rows, cols)``."""

    crs_wkt: str
    transform: tuple[float, ...]  # (a, b, c, d, e, f) of the affine transform
    shape: tuple[int, int]

    @property
    def affine(self):
        from affine import Affine

        return Affine(*self.transform[:6])

    @property
    def crs(self):
        from rasterio.crs import CRS

        return CRS.from_wkt(self.crs_wkt)

    @property
    def bounds(self) -> tuple[float, float, float, float]:
        """``(left, bottom, right, top)`` in CRS units."""
        from rasterio.transform import array_bounds

        b = array_bounds(self.shape[0], self.shape[1], self.affine)
        return (b[0], b[1], b[2], b[3])

    def same_as(self, other: Grid, tol: float = 1e-9) -> bool:
        """True when both grids have the same CRS, shape and transform (within ``tol`` of a
        pixel)."""
        if self.shape != other.shape or self.crs != other.crs:
            return False
        a, b = np.array(self.transform[:6]), np.array(other.transform[:6])
        scale = max(abs(self.transform[0]), abs(self.transform[4]), 1e-300)
        return bool(np.all(np.abs(a - b) <= tol * scale))

    def describe(self) -> str:
        t = self.transform
        crs = self.crs
        name = crs.to_string() if crs.to_epsg() else (crs.to_dict().get("proj") or "custom CRS")
        return f"{self.shape[0]}×{self.shape[1]} px of {t[0]:g}×{-t[4]:g}, origin ({t[2]:g}, {t[5]:g}), {name}"


@dataclass(frozen=True)
class RasterSource:
    """A validated categorical raster, ready to be read chunk by chunk.

    Attributes
    ----------
    label
        What error messages call it (the path, or ``DataArray 'name'``).
    path
        The path or GDAL URL (``None`` for a DataArray).
    data
        The dask array of a DataArray source (``None`` for a path).
    grid, dtype, nodata, band, chunks
        Pixel grid, integer dtype, declared nodata value (``None``: every pixel is a class), band
        read, chunk shape ``(rows, cols)``.
    sha256
        SHA-256 of the file (``None`` for remote paths and DataArrays).
    """

    label: str
    path: str | None
    data: Any
    grid: Grid
    dtype: np.dtype
    nodata: int | None
    band: int
    chunks: tuple[int, int]
    sha256: str | None
    warp_to: Grid | None = None  # read nearest-neighbour onto this grid (explicit alignment)

    def windows(self) -> list[tuple[int, int, int, int]]:
        """Chunk windows ``(row0, row1, col0, col1)`` in row-major order."""
        rows, cols = self.grid.shape
        cr, cc = self.chunks
        return [
            (r, min(r + cr, rows), c, min(c + cc, cols))
            for r in range(0, rows, cr)
            for c in range(0, cols, cc)
        ]


def file_sha256(path: str | os.PathLike) -> str | None:
    """SHA-256 of a local file (``None`` for GDAL virtual paths such as ``/vsicurl/``)."""
    p = str(path)
    if p.startswith("/vsi") or "://" in p or not os.path.isfile(p):
        return None
    h = hashlib.sha256()
    with open(p, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 22), b""):
            h.update(block)
    return h.hexdigest()


def default_chunks(shape: tuple[int, int], block: tuple[int, int]) -> tuple[int, int]:
    """Chunk shape of about :data:`TARGET_CHUNK_PIXELS`, a whole multiple of the file's block
    shape (so that every tile is read by exactly one task)."""
    rows, cols = shape
    br, bc = max(1, block[0]), max(1, block[1])
    if bc >= cols:  # strips: whole rows
        n = max(1, TARGET_CHUNK_PIXELS // max(cols, 1) // br)
        return (min(rows, n * br), cols)
    side = int(np.sqrt(TARGET_CHUNK_PIXELS))
    return (min(rows, max(1, side // br) * br), min(cols, max(1, side // bc) * bc))


def parse_chunks(chunks: object, shape: tuple[int, int], block: tuple[int, int]) -> tuple[int, int]:
    """``None`` (default), an int (square) or ``(rows, cols)`` → a chunk shape."""
    if chunks is None or chunks == "auto":
        return default_chunks(shape, block)
    if isinstance(chunks, int | np.integer):
        chunks = (int(chunks), int(chunks))
    try:
        r, c = (int(x) for x in chunks)  # type: ignore[union-attr]
    except (TypeError, ValueError):
        r = c = 0
    if r < 1 or c < 1:
        raise GridError(text("grid.bad_chunks", chunks=chunks), hint=text("grid.hint_chunks"))
    return (min(r, shape[0]), min(c, shape[1]))


def _check_dtype(dtype: np.dtype, label: str) -> None:
    if not np.issubdtype(dtype, np.integer):
        raise GridError(
            text("grid.float_raster", file=label, dtype=str(dtype)),
            hint=text("grid.hint_float_raster"),
            file=label,
        )


def _resolve_nodata(declared: object, given: object, label: str) -> int | None:
    """The nodata value: declared in the file, given by the caller, both (must agree)."""
    if given == "none":
        if declared is not None and not (isinstance(declared, float) and np.isnan(declared)):
            raise GridError(
                text("grid.nodata_conflict", file=label, declared=declared, given="none"),
                hint=text("grid.hint_nodata_conflict"),
                file=label,
            )
        return None
    if declared is not None and isinstance(declared, float) and np.isnan(declared):
        declared = None
    if given is None:
        if declared is None:
            raise GridError(
                text("grid.no_nodata", file=label),
                hint=text("grid.hint_nodata"),
                file=label,
            )
        return int(declared)
    try:
        g = int(given)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        raise GridError(
            text("grid.bad_nodata", value=given), hint=text("grid.hint_nodata"), file=label
        ) from None
    if declared is not None and int(declared) == declared:
        declared = int(declared)
    if declared is not None and declared != g:
        raise GridError(
            text("grid.nodata_conflict", file=label, declared=declared, given=g),
            hint=text("grid.hint_nodata_conflict"),
            file=label,
        )
    return g


def _open_path(path: str, chunks: object, nodata: object, band: int, checksum: bool):
    import rasterio
    from rasterio.errors import RasterioError

    label = str(path)
    if not label.startswith("/vsi") and "://" not in label and not Path(label).exists():
        raise RasterReadError(
            text("grid.no_file", file=label), hint=text("grid.hint_no_file"), file=label
        )
    try:
        with rasterio.Env(), rasterio.open(label) as ds:
            if band < 1 or band > ds.count:
                raise GridError(
                    text("grid.bad_band", file=label, band=band, count=ds.count), file=label
                )
            crs = ds.crs
            transform = tuple(ds.transform)[:6]
            shape = (ds.height, ds.width)
            dtype = np.dtype(ds.dtypes[band - 1])
            declared = ds.nodatavals[band - 1]
            block = ds.block_shapes[band - 1]
    except RasterioError as exc:
        problem = str(exc)
    else:
        problem = None
    if problem is not None:  # raised outside the except block: no GDAL error in its context
        raise RasterReadError(
            text("grid.open_failed", file=label, problem=problem),
            hint=text("grid.hint_corrupt"),
            file=label,
        )
    if crs is None or not crs.to_wkt():
        raise GridError(text("grid.no_crs", file=label), hint=text("grid.hint_crs"), file=label)
    _check_dtype(dtype, label)
    nd = _resolve_nodata(declared, nodata, label)
    grid = Grid(crs.to_wkt(), transform, shape)
    sha = file_sha256(label) if checksum else None
    return RasterSource(
        label, label, None, grid, dtype, nd, band, parse_chunks(chunks, shape, block), sha
    )


def _open_dataarray(arr, chunks: object, nodata: object, band: int):
    import dask.array as da
    import rioxarray  # noqa: F401  (registers the .rio accessor)

    label = f"DataArray {arr.name!r}" if arr.name is not None else "DataArray"
    if arr.ndim == 3:
        arr = arr.isel({arr.dims[0]: band - 1})
    if arr.ndim != 2:
        raise GridError(text("grid.bad_ndim", file=label, ndim=arr.ndim), file=label)
    crs = arr.rio.crs
    if crs is None:
        raise GridError(
            text("grid.no_crs", file=label), hint=text("grid.hint_crs_array"), file=label
        )
    _check_dtype(np.dtype(arr.dtype), label)
    declared = arr.rio.nodata if arr.rio.nodata is not None else arr.attrs.get("_FillValue")
    nd = _resolve_nodata(declared, nodata, label)
    shape = (int(arr.shape[0]), int(arr.shape[1]))
    grid = Grid(crs.to_wkt(), tuple(arr.rio.transform())[:6], shape)
    block = arr.data.chunksize if hasattr(arr.data, "chunksize") else shape
    ch = parse_chunks(chunks, shape, block)
    data = arr.data if isinstance(arr.data, da.Array) else da.from_array(np.asarray(arr.data))
    data = data.rechunk(ch)
    return RasterSource(label, None, data, grid, np.dtype(arr.dtype), nd, band, ch, None)


def open_raster(
    raster: object,
    *,
    chunks: object = None,
    nodata: object = None,
    band: int = 1,
    checksum: bool = True,
) -> RasterSource:
    """Open and validate a categorical raster (no pixel is read yet).

    Parameters
    ----------
    raster
        A path / GDAL URL, or an :class:`xarray.DataArray` with a CRS (rioxarray).
    chunks
        Chunk shape ``(rows, cols)`` [px] or one int; default about 4 Mpx, aligned to the file's
        tiles.
    nodata
        The nodata value when the file declares none (must agree with a declared value);
        ``"none"`` states that every pixel holds a class.
    band
        Band to read (1-based).
    checksum
        Compute the file's SHA-256 for provenance.

    Returns
    -------
    RasterSource

    Raises
    ------
    RasterReadError
        Missing, truncated or corrupt file (with the GDAL message, never a traceback).
    GridError
        No CRS, float data, no nodata declared, conflicting nodata.
    """
    if hasattr(raster, "dims") and hasattr(raster, "rio"):
        return _open_dataarray(raster, chunks, nodata, band)
    return _open_path(os.fspath(raster), chunks, nodata, band, checksum)  # type: ignore[arg-type]


def aligned(src: RasterSource, target: RasterSource) -> RasterSource:
    """``src`` read onto ``target``'s grid and chunks by nearest neighbour (GDAL WarpedVRT) —
    only on explicit request (``align="nearest"``): categories are never averaged."""
    import dataclasses

    if src.path is None:
        raise GridError(text("grid.align_needs_file", file=src.label), file=src.label)
    if src.nodata is None:
        raise GridError(
            text("grid.align_needs_nodata", file=src.label),
            hint=text("grid.hint_nodata"),
            file=src.label,
        )
    return dataclasses.replace(src, grid=target.grid, chunks=target.chunks, warp_to=target.grid)


def require_same_grid(a: RasterSource, b_grid: Grid, b_label: str) -> None:
    """Refuse two rasters on different pixel grids (nothing is resampled silently)."""
    if not a.grid.same_as(b_grid):
        raise GridMismatchError(
            text(
                "grid.grid_mismatch",
                a=a.label,
                b=b_label,
                grid_a=a.grid.describe(),
                grid_b=b_grid.describe(),
            ),
            hint=text("grid.hint_grid_mismatch"),
            file=b_label,
        )
