"""Pixel areas: exact in projected / equal-area CRSs, latitude-dependent rows in geographic ones.

In a projected CRS every pixel has the map area ``|a·e − b·d|`` (the transform's determinant,
in the CRS's linear unit squared) — the true ground area in an equal-area CRS such as CLCD's
Albers (``+proj=aea +lat_1=25 +lat_2=47``: 30 m × 30 m = 900 m² = 0.09 ha). In a geographic CRS
(degrees) the area of a pixel depends on its row; it is the area of the ellipsoidal quadrangle

.. math:: A = \\frac{a^2 (1-e^2)\\,\\Delta\\lambda}{2}\\,[g(\\varphi_2) - g(\\varphi_1)],\\quad
   g(\\varphi) = \\frac{\\sin\\varphi}{1 - e^2\\sin^2\\varphi}
   + \\frac{1}{2e}\\ln\\frac{1 + e\\sin\\varphi}{1 - e\\sin\\varphi}

(:math:`a` semi-major axis [m], :math:`e` eccentricity, :math:`\\varphi` latitude, :math:`\\Delta
\\lambda` pixel width [rad]). So that sums stay exact integers for any chunking, row areas are
expressed in integer quanta of ``max row area / 2**20`` (relative rounding ≤ 5·10⁻⁷).

References
----------
.. [1] Snyder, J. P. Map Projections — A Working Manual. USGS Professional Paper 1395 (1987),
   eq. 3-12 (authalic latitude, the function *q* = :math:`(1-e^2) g`).
"""

from __future__ import annotations

import numpy as np

from ..messages import text
from .errors import GridError
from .open import Grid

#: row areas are integer multiples of max(row area) / QUANTA_PER_PIXEL
QUANTA_PER_PIXEL = 2**20


def _g(phi: np.ndarray, e: float) -> np.ndarray:
    s = np.sin(phi)
    if e == 0:
        return 2 * s
    return s / (1 - (e * s) ** 2) + np.log((1 + e * s) / (1 - e * s)) / (2 * e)


def band_area_m2(
    lat1: np.ndarray, lat2: np.ndarray, dlon_deg: float, a: float, inv_f: float
) -> np.ndarray:
    """Area of ellipsoidal quadrangles between latitudes ``lat1``, ``lat2`` [deg] and ``dlon_deg``
    [deg] wide, on an ellipsoid of semi-major axis ``a`` [m] and inverse flattening ``inv_f``
    (0 for a sphere) [m²]."""
    f = 0.0 if not inv_f else 1.0 / inv_f
    e2 = f * (2 - f)
    e = float(np.sqrt(e2))
    p1, p2 = np.radians(lat1), np.radians(lat2)
    return np.abs(a * a * (1 - e2) * np.radians(dlon_deg) / 2 * (_g(p2, e) - _g(p1, e)))


def pixel_area(grid: Grid) -> tuple[float | None, np.ndarray | None]:
    """``(area of one pixel [m²], None)`` in a projected CRS, ``(None, area of a pixel of each
    row [m²])`` in a geographic CRS."""
    from pyproj import CRS

    crs = CRS.from_wkt(grid.crs_wkt)
    a_, b_, _c, d_, e_, f_ = grid.transform[:6]
    if crs.is_geographic:
        if b_ != 0 or d_ != 0:
            raise GridError(text("grid.rotated_geographic"), hint=text("grid.hint_rotated"))
        rows = np.arange(grid.shape[0] + 1, dtype=np.float64)
        lat = f_ + e_ * rows
        if np.any(np.abs(lat) > 90 + 1e-9):
            raise GridError(text("grid.bad_latitudes", top=lat[0], bottom=lat[-1]))
        lat = np.clip(lat, -90, 90)
        ell = crs.ellipsoid
        return None, band_area_m2(
            lat[:-1], lat[1:], abs(a_), ell.semi_major_metre, ell.inverse_flattening
        )
    unit = crs.axis_info[0].unit_conversion_factor if crs.axis_info else 1.0
    return abs(a_ * e_ - b_ * d_) * unit * unit, None


def row_area_quanta(row_areas: np.ndarray) -> tuple[np.ndarray, float]:
    """Row areas as integer quanta: ``(quanta per row [int64], quantum [m²])``."""
    q = float(row_areas.max()) / QUANTA_PER_PIXEL
    return np.rint(row_areas / q).astype(np.int64), q
