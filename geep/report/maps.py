"""Maps of per-km² values: zone polygons to SVG paths, values to classes.

Zones are read and validated by :func:`geep.grid.read_zone_polygons` (``geep[grid]``). Polygons
in geographic coordinates are drawn in an Albers equal-area projection centred on them (areas
look as large as they are); projected layers are drawn as they are. Outlines are simplified
to half a pixel of the drawn map, so a county layer of any detail stays a small file. Areas for
per-km² values come from the regions table when it has them, else from the polygons (measured
in the equal-area EPSG:6933 projection); the report says which.

References
----------
.. [1] Snyder, J. P. Map Projections — A Working Manual. USGS Professional Paper 1395 (1987),
   §14 Albers equal-area conic.
.. [2] EPSG:6933, WGS 84 / NSIDC EASE-Grid 2.0 Global (equal-area cylindrical).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

#: sequential colours of the classes (light → dark), ColorBrewer YlGn 5
CLASS_COLORS = ("#ffffcc", "#c2e699", "#78c679", "#31a354", "#006837")
NO_DATA = "#e0e0e0"
MAP_WIDTH = 600.0
MAP_HEIGHT = 560.0


@dataclass(frozen=True)
class ZoneMap:
    """Zone outlines ready to draw: one SVG path per code, the frame size, areas and source."""

    paths: dict[str, str]
    size: tuple[float, float]
    area_km2: dict[str, float]
    label: str
    sha256: str


def _rings_path(geom, ox: float, oy: float, k: float, h: float) -> str:
    import shapely

    parts = []
    for poly in getattr(geom, "geoms", [geom]):
        for ring in (poly.exterior, *poly.interiors):
            xy = shapely.get_coordinates(ring)
            if len(xy) < 4:
                continue
            px = np.round((xy[:, 0] - ox) * k, 1)
            py = np.round(h - (xy[:, 1] - oy) * k, 1)
            pts = " ".join(f"{x:g},{y:g}" for x, y in zip(px.tolist(), py.tolist(), strict=True))
            parts.append(f"M{pts}Z")
    return "".join(parts)


def read_zone_map(zones: object, *, zone_field: str = "region_code") -> ZoneMap:
    """Read a zone layer (file or GeoDataFrame) into drawable outlines.

    Raises
    ------
    geep.grid.ZoneError, geep.grid.ZoneFieldError
        As :func:`geep.grid.read_zone_polygons`.
    ImportError
        Without the ``grid`` extra (geopandas).
    """
    import shapely

    from ..grid.zones import read_zone_polygons

    z = read_zone_polygons(zones, zone_field=zone_field)
    gdf = z.frame
    area = gdf.to_crs(6933).area.to_numpy() / 1e6
    if gdf.crs.is_geographic:
        x0, y0, x1, y1 = gdf.total_bounds
        span = y1 - y0
        aea = (f"+proj=aea +lat_1={y0 + span / 6:.4f} +lat_2={y1 - span / 6:.4f} "
               f"+lat_0={(y0 + y1) / 2:.4f} +lon_0={(x0 + x1) / 2:.4f} +datum=WGS84 +units=m")  # fmt: skip
        gdf = gdf.to_crs(aea)
    x0, y0, x1, y1 = gdf.total_bounds
    k = min(MAP_WIDTH / max(x1 - x0, 1e-9), MAP_HEIGHT / max(y1 - y0, 1e-9))
    w, h = (x1 - x0) * k, (y1 - y0) * k
    geoms = shapely.simplify(gdf.geometry.values, 0.5 / k, preserve_topology=True)
    codes = gdf["region_code"].tolist()
    paths = {c: _rings_path(g, x0, y0, k, h) for c, g in zip(codes, geoms, strict=True)}
    areas = {c: float(a) for c, a in zip(codes, area, strict=True)}
    return ZoneMap(paths, (float(w), float(h)), areas, z.label, z.sha256)


def class_breaks(values: Sequence[float], n: int = len(CLASS_COLORS)) -> np.ndarray:
    """Quantile class edges (``len ≤ n + 1``, strictly increasing) over the finite values."""
    v = np.asarray([x for x in values if np.isfinite(x)], dtype=float)
    if v.size == 0:
        return np.array([0.0, 1.0])
    edges = np.unique(np.quantile(v, np.linspace(0.0, 1.0, n + 1)))
    return edges if edges.size > 1 else np.array([edges[0], edges[0] + 1.0])


def classify(values: Mapping[str, float], edges: np.ndarray) -> dict[str, int]:
    """Class index of each finite value (the top edge belongs to the last class)."""
    codes = [c for c, v in values.items() if np.isfinite(v)]
    v = np.asarray([values[c] for c in codes], dtype=float)
    idx = np.clip(np.searchsorted(edges[1:-1], v, side="right"), 0, len(edges) - 2)
    return dict(zip(codes, idx.tolist(), strict=True))


def class_colors(edges: np.ndarray) -> tuple[str, ...]:
    """Colours for ``len(edges) - 1`` classes, spread over the ramp."""
    n = len(edges) - 1
    pick = np.round(np.linspace(0, len(CLASS_COLORS) - 1, n)).astype(int) if n > 1 else [2]
    return tuple(CLASS_COLORS[i] for i in pick)


__all__ = [
    "CLASS_COLORS",
    "NO_DATA",
    "ZoneMap",
    "class_breaks",
    "class_colors",
    "classify",
    "read_zone_map",
]
