"""Synthetic rasters and zones for the grid tests (written with rasterio into tmp folders).

Zones are rectangles on pixel edges, so the expected counts are plain array slices of the
class array that the test wrote itself.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

#: 30 m UTM grid origin (EPSG:32650)
X0, Y0, RES = 500_000.0, 4_000_000.0, 30.0
CRS = "EPSG:32650"

#: zone rectangles in pixel rows/cols (row0, row1, col0, col1); Z3 is partly off the raster
RECTS = {
    "140105": (0, 200, 0, 300),
    "140106": (200, 450, 0, 300),
    "140107": (100, 450, 300, 700),
    "140108": (420, 500, 650, 900),
}


def classes_array(shape=(450, 640), seed=7) -> np.ndarray:
    """CLCD-like uint8 codes 0..9 (0 = nodata) with a few unknown codes (42, 200)."""
    rng = np.random.default_rng(seed)
    a = rng.choice(np.arange(10, dtype=np.uint8), size=shape, p=[0.05] + [0.95 / 9] * 9)
    for r, c0, c1, code in ((5, 5, 12, 42), (300, 10, 13, 200), (440, 600, 610, 42)):
        if r < shape[0] and c1 <= shape[1]:
            a[r, c0:c1] = code  # (440, 600..609) lies inside zone 140107
    return a


def write_raster(
    path: Path, arr: np.ndarray, *, crs=CRS, transform=None, nodata=0, tiled=True, **kw
) -> Path:
    import rasterio
    from rasterio.transform import from_origin

    transform = transform or from_origin(X0, Y0, RES, RES)
    profile = dict(
        driver="GTiff",
        height=arr.shape[0],
        width=arr.shape[1],
        count=1,
        dtype=str(arr.dtype),
        crs=crs,
        transform=transform,
        nodata=nodata,
        compress="deflate",
    )
    if tiled:
        profile.update(tiled=True, blockxsize=128, blockysize=128)
    profile.update(kw)
    with rasterio.open(
        path, "w", **{k: v for k, v in profile.items() if v is not None or k == "nodata"}
    ) as ds:
        ds.write(arr, 1)
    return path


def rect_zones(rects=RECTS, crs=CRS):
    """GeoDataFrame of pixel-edge rectangles with a ``region_code`` field."""
    import geopandas as gpd
    from shapely.geometry import box

    geoms = [
        box(X0 + c0 * RES, Y0 - r1 * RES, X0 + c1 * RES, Y0 - r0 * RES)
        for r0, r1, c0, c1 in rects.values()
    ]
    return gpd.GeoDataFrame({"region_code": list(rects)}, geometry=geoms, crs=crs)


def expected_counts(arr: np.ndarray, rects=RECTS, codes=range(1, 10)) -> dict[tuple[str, int], int]:
    """{(zone, code): pixels} from array slices (zones clipped to the raster)."""
    out = {}
    for z, (r0, r1, c0, c1) in rects.items():
        sub = arr[r0:r1, c0:c1]
        for k in codes:
            n = int((sub == k).sum())
            if n:
                out[(z, k)] = n
    return out
