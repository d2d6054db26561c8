"""Grid scale: land-cover rasters to accounts, change matrices and ESV maps, on Dask.

Needs the ``grid`` extra (``pip install "geep[grid]"``: rasterio, rioxarray/xarray,
dask[distributed], geopandas/pyogrio; exactextract for ``method="exact"``, zarr for ``.zarr``
maps). Importing :mod:`geep.grid` is cheap: rasterio and dask are imported on first use.

>>> import geep.grid as grid                                          # doctest: +SKIP
>>> areas = grid.class_areas("CLCD_v01_2020_albert.tif", "counties.gpkg", zone_field="code")
>>> geep.esv(areas)                                                   # the land_cover table
"""

from __future__ import annotations

import importlib
from typing import Any

#: public name → defining submodule (imported lazily)
_PUBLIC = {
    "class_areas": "areas",
    "transitions": "transitions",
    "esv_map": "esvmap",
    "load_crosswalk": "crosswalk",
    "Crosswalk": "crosswalk",
    "open_raster": "open",
    "read_zone_polygons": "zones",
    "ZonePolygons": "zones",
    "GridError": "errors",
    "RasterReadError": "errors",
    "GridMismatchError": "errors",
    "ZoneError": "errors",
    "ZoneFieldError": "errors",
    "GridDependencyError": "errors",
    "GridWarning": "errors",
}

__all__ = sorted(_PUBLIC)


def __getattr__(name: str) -> Any:
    if name in _PUBLIC:
        value = getattr(importlib.import_module(f"{__name__}.{_PUBLIC[name]}"), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_PUBLIC))
