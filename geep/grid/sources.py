"""The inputs of a grid run: rasters by year (one grid, one chunking) and zones on that grid.

``raster`` may be one raster (its year given by ``year=`` or, when unambiguous, a four-digit
year in the file name, recorded as such), a mapping ``{year: raster}``, or a path pattern with
``{year}`` and ``years=`` — every year then runs in one Dask graph.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from ..messages import text
from .errors import GridError, GridMismatchError
from .open import RasterSource, open_raster
from .zones import RasterZones, VectorZones, raster_zones, vector_zones

#: file suffixes read as zone *rasters* (anything else is read as a vector layer)
RASTER_SUFFIXES = (".tif", ".tiff", ".vrt", ".img", ".jp2")

_YEAR = re.compile(r"(?<!\d)(19\d\d|20\d\d|21\d\d)(?!\d)")


@dataclass(frozen=True)
class YearRasters:
    """Validated rasters by year, all on the grid and chunking of the first."""

    by_year: dict[int, RasterSource]
    year_from: str  # "argument", "mapping", "pattern" or "file name"

    @property
    def first(self) -> RasterSource:
        return next(iter(self.by_year.values()))


def year_in_name(path: object) -> int | None:
    """The one four-digit year (1900–2199) in a file name, else ``None``."""
    found = set(_YEAR.findall(Path(str(path)).name))
    return int(found.pop()) if len(found) == 1 else None


def expand_years(pattern: str, years: Iterable[int]) -> dict[int, str]:
    """``{year: pattern with {year} filled in}``."""
    if "{year}" not in pattern:
        raise GridError(
            text("grid.pattern_no_year", pattern=pattern), hint=text("grid.hint_pattern")
        )
    return {int(y): pattern.replace("{year}", str(int(y))) for y in years}


def _mapping(raster: object, year: object) -> tuple[dict[int, object], str]:
    if isinstance(raster, Mapping):
        if year is not None:
            raise GridError(text("grid.year_twice"), hint=text("grid.hint_year"))
        return {int(y): r for y, r in raster.items()}, "mapping"
    if isinstance(raster, str | os.PathLike) and "{year}" in os.fspath(raster):
        if year is None:
            raise GridError(
                text("grid.pattern_needs_years", pattern=raster), hint=text("grid.hint_pattern")
            )
        ys = [year] if isinstance(year, int) else list(year)  # type: ignore[arg-type]
        return expand_years(os.fspath(raster), ys), "pattern"
    if isinstance(year, list | tuple | range):
        raise GridError(
            text("grid.pattern_no_year", pattern=str(raster)), hint=text("grid.hint_pattern")
        )
    if year is not None:
        return {int(year): raster}, "argument"  # type: ignore[call-overload]
    named = year_in_name(raster) if isinstance(raster, str | os.PathLike) else None
    if named is None:
        raise GridError(text("grid.no_year", file=str(raster)[:200]), hint=text("grid.hint_year"))
    return {named: raster}, "file name"


def open_years(
    raster: object, year: object, *, chunks: object, nodata: object, checksum: bool = True
) -> YearRasters:
    """Open every year's raster; all must be on the first one's grid (nothing is resampled)."""
    rasters, how = _mapping(raster, year)
    if not rasters:
        raise GridError(text("grid.no_rasters"), hint=text("grid.hint_year"))
    out: dict[int, RasterSource] = {}
    first: RasterSource | None = None
    for y in sorted(rasters):
        src = open_raster(
            rasters[y],
            chunks=chunks if first is None else first.chunks,
            nodata=nodata,
            checksum=checksum,
        )
        if first is None:
            first = src
        elif not first.grid.same_as(src.grid):
            raise grid_mismatch(first, src)
        out[y] = src
    return YearRasters(out, how)


def is_zone_raster(zones: object) -> bool:
    """True for a DataArray or a path with a raster suffix."""
    if hasattr(zones, "dims") and hasattr(zones, "rio"):
        return True
    if isinstance(zones, str | os.PathLike):
        return Path(os.fspath(zones)).suffix.lower() in RASTER_SUFFIXES
    return False


def open_zones(
    zones: object, src: RasterSource, *, zone_field: str, overlap: str, scheduler: object = None
) -> VectorZones | RasterZones:
    """Vector or raster zones on ``src``'s grid."""
    if zones is None:
        raise GridError(text("grid.no_zones"), hint=text("grid.hint_no_zones"))
    if is_zone_raster(zones):
        return raster_zones(zones, src.grid, chunks=src.chunks, scheduler=scheduler)
    return vector_zones(zones, src.grid, zone_field=zone_field, overlap=overlap)


def grid_mismatch(a, b) -> GridMismatchError:
    """The error for two rasters ``a`` and ``b`` that are not on one grid (named at ``b``)."""
    return GridMismatchError(
        text("grid.grid_mismatch", a=a.label, b=b.label, grid_a=a.grid.describe(),
             grid_b=b.grid.describe()),
        hint=text("grid.hint_grid_mismatch"),
        file=b.label,
    )  # fmt: skip
