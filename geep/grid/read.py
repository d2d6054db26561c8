"""Dask tasks that read raster windows and paint zone windows (one task per chunk).

Reads go through rasterio (GDAL) inside the task, so the same graph runs on threads, processes,
a ``LocalCluster`` or a remote ``Client``; a failed read becomes a :class:`RasterReadError`
naming the file and the pixel window, never a GDAL traceback.
"""

from __future__ import annotations

import numpy as np

from ..messages import text
from .errors import RasterReadError
from .open import RasterSource

#: GDAL options for reads (no directory listing on remote opens; modest block cache)
GDAL_ENV = {"GDAL_DISABLE_READDIR_ON_OPEN": "EMPTY_DIR", "GDAL_CACHEMAX": 64}


def read_window(path: str, band: int, window: tuple[int, int, int, int]) -> np.ndarray:
    """Pixels of ``window`` ``(row0, row1, col0, col1)`` of band ``band`` of ``path``."""
    import rasterio
    from rasterio.errors import RasterioError
    from rasterio.windows import Window

    r0, r1, c0, c1 = window
    try:
        with rasterio.Env(**GDAL_ENV), rasterio.open(path) as ds:
            return ds.read(band, window=Window(c0, r0, c1 - c0, r1 - r0))
    except (RasterioError, OSError, RuntimeError) as exc:
        problem = str(exc)
    raise _read_error(path, window, problem)


def _read_error(path: str, window: tuple[int, int, int, int], problem: str) -> RasterReadError:
    """The error of a failed read, built outside the ``except`` block: no GDAL exception in
    its context, so it pickles from a Dask worker to the caller."""
    r0, r1, c0, c1 = window
    return RasterReadError(
        text("grid.read_failed", file=path, r0=r0, r1=r1 - 1, c0=c0, c1=c1 - 1, problem=problem),
        hint=text("grid.hint_corrupt"),
        file=path,
        window=window,
    )


def read_warped(
    path: str, band: int, window: tuple[int, int, int, int], grid, nodata: int
) -> np.ndarray:
    """Pixels of ``window`` of ``path`` resampled onto ``grid`` by nearest neighbour."""
    import rasterio
    from rasterio.enums import Resampling
    from rasterio.errors import RasterioError
    from rasterio.vrt import WarpedVRT
    from rasterio.windows import Window

    r0, r1, c0, c1 = window
    try:
        with (
            rasterio.Env(**GDAL_ENV),
            rasterio.open(path) as ds,
            WarpedVRT(
                ds,
                crs=grid.crs,
                transform=grid.affine,
                width=grid.shape[1],
                height=grid.shape[0],
                resampling=Resampling.nearest,
                nodata=nodata,
            ) as vrt,
        ):
            return vrt.read(band, window=Window(c0, r0, c1 - c0, r1 - r0))
    except (RasterioError, OSError, RuntimeError) as exc:
        problem = str(exc)
    raise _read_error(path, window, problem)


def source_blocks(src: RasterSource) -> list:
    """One delayed block per chunk window of ``src`` (row-major, as :meth:`RasterSource.windows`)."""
    import dask

    wins = src.windows()
    if src.warp_to is not None:
        return [
            dask.delayed(read_warped)(src.path, src.band, w, src.warp_to, src.nodata) for w in wins
        ]
    if src.path is not None:
        name = f"read-{src.sha256 or src.path}-{src.band}"
        return [
            dask.delayed(read_window)(src.path, src.band, w, dask_key_name=f"{name}-{w}")
            for w in wins
        ]
    blocks = src.data.to_delayed(optimize_graph=True)
    return [blocks[i, j] for i in range(blocks.shape[0]) for j in range(blocks.shape[1])]
