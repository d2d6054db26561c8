"""Errors and warnings of the grid layer (all subclasses of :class:`geep.errors.GeepError`).

They carry the usual structured fields (``file``, ``row``, ``column`` …) plus extras such as
``window`` (pixel rows/columns of a failed read), ``codes`` (unknown class codes with their pixel
counts) or ``zones`` (duplicate or overlapping zone codes), and pickle cleanly, so an error
raised on a Dask worker reaches the caller intact.
"""

from __future__ import annotations

from ..errors import GeepError


class GridError(GeepError, ValueError):
    """A raster, a zone layer or a grid option is not usable as given."""


class RasterReadError(GridError):
    """A raster could not be opened or read (missing, truncated or corrupt file)."""


class GridMismatchError(GridError):
    """Two rasters (or a raster and a zone raster) are not on the same pixel grid."""


class ZoneError(GridError):
    """The zones are not usable: CRS, field, duplicate codes, overlaps, no intersection."""


class ZoneFieldError(ZoneError, KeyError):
    """The zone field is missing from the zone layer."""

    def __str__(self) -> str:  # KeyError would quote the message
        return GeepError.__str__(self)


class GridConservationError(GeepError, RuntimeError):
    """Pixel counts that do not add up to the raster's pixels (a defect, never an input
    problem: geep refuses to report areas it cannot account for)."""


class GridDependencyError(GeepError, ImportError):
    """An optional package needed for this grid option is not installed."""


class GridWarning(UserWarning):
    """Something in a raster that is counted and reported, not valued (nodata, unknown codes)."""
