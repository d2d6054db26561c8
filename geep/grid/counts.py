"""Pure kernels of the grid reduction: a chunk of class codes and zone ids → integer counts.

Each Dask task reduces one chunk to a tiny ``(zones + 1) × bins`` int64 table (``np.bincount``
of ``zone · bins + bin``); tasks are summed in a tree. Bins are the crosswalk's codes, then one
bin for nodata and one for any other (unknown) code; unknown codes are itemised with their pixel
counts. Every accumulator is int64 — a uint8 accumulator overflows after 255 pixels — so results
are identical for any chunk size and scheduler. In a geographic CRS, pixel areas are integer
quanta per row (see :func:`geep.grid.areas.row_area_quanta`), summed exactly as well.

References
----------
.. [1] NumPy ``bincount``: https://numpy.org/doc/stable/reference/generated/numpy.bincount.html
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Counts:
    """Integer counts of one chunk, or of a sum of chunks (``a + b``).

    Attributes
    ----------
    pixels
        int64 ``(zones + 1, bins)`` (areas) or ``(zones + 1, bins, bins)`` (transitions) pixel
        counts; zone 0 is outside every zone.
    quanta
        Same shape: area in integer quanta (geographic CRS), or ``None``.
    others
        Per input raster, ``(codes, counts)``: unknown codes [int64] and their pixel counts
        ``(2, n)`` int64 (row 0 outside zones, row 1 inside zones).
    raw
        For 8-bit rasters, the dtype of the raster: the columns are then its 256 raw values,
        folded into bins once, after the reduction (:func:`fold`).
    """

    pixels: np.ndarray
    quanta: np.ndarray | None
    others: tuple[tuple[np.ndarray, np.ndarray], ...]
    raw: str | None = None

    def __add__(self, other: Counts) -> Counts:
        q = None if self.quanta is None else self.quanta + other.quanta
        merged = tuple(_merge_others(a, b) for a, b in zip(self.others, other.others, strict=True))
        return Counts(self.pixels + other.pixels, q, merged, self.raw)


def _merge_others(a, b):
    codes = np.concatenate([a[0], b[0]])
    if codes.size == 0:
        return a
    uniq, inv = np.unique(codes, return_inverse=True)
    counts = np.zeros((2, uniq.size), dtype=np.int64)
    np.add.at(counts, (slice(None), inv), np.concatenate([a[1], b[1]], axis=1))
    return uniq, counts


def total(*parts: Counts) -> Counts:
    """Sum of counts (a node of the reduction tree)."""
    out = parts[0]
    for p in parts[1:]:
        out = out + p
    return out


def bins_of(values: np.ndarray, known: np.ndarray, nodata: int | None) -> np.ndarray:
    """Bin of every pixel: position in ``known`` (sorted codes), ``K`` nodata, ``K + 1`` other.

    8- and 16-bit rasters use a look-up table over the whole dtype range; wider ones a sorted
    search.
    """
    k = len(known)
    bt = np.uint8 if k + 2 <= 255 else np.int32
    if values.dtype.itemsize <= 2:
        info = np.iinfo(values.dtype)
        lut = np.full(int(info.max) - int(info.min) + 1, k + 1, dtype=bt)
        inside = (known >= info.min) & (known <= info.max)
        lut[known[inside] - info.min] = np.flatnonzero(inside)
        if nodata is not None and info.min <= nodata <= info.max:
            lut[nodata - info.min] = k
        if info.min == 0:
            return lut[values]
        return lut[values.astype(np.int32) - int(info.min)]
    v = values.astype(np.int64, copy=False)
    pos = np.clip(np.searchsorted(known, v), 0, max(k - 1, 0))
    hit = known[pos] == v if k else np.zeros(v.shape, bool)
    out = np.where(hit, pos, k + 1).astype(bt)
    if nodata is not None:
        out[v == nodata] = k
    return out


def _others(values: np.ndarray, mask: np.ndarray, zones: np.ndarray):
    """Unknown codes (pixels where ``mask``) with their counts outside / inside zones."""
    if not mask.any():
        return np.empty(0, np.int64), np.empty((2, 0), np.int64)
    v = values[mask].astype(np.int64)
    inside = (zones[mask] > 0).astype(np.int64)
    uniq, inv = np.unique(v, return_inverse=True)
    counts = np.zeros((2, uniq.size), dtype=np.int64)
    np.add.at(counts, (inside, inv), 1)
    return uniq, counts


def zone_array(zones: np.ndarray | int, shape: tuple[int, ...]) -> np.ndarray:
    """Zone ids of a chunk; an int stands for a chunk that lies wholly in that zone."""
    if isinstance(zones, np.ndarray):
        return zones
    return np.full(shape, zones, dtype=np.uint8 if zones < 255 else np.int32)


def _bincount(key: np.ndarray, size: int, row_quanta: np.ndarray | None, ncols: int):
    pixels = np.bincount(key.ravel(), minlength=size).astype(np.int64, copy=False)
    if row_quanta is None:
        return pixels, None
    w = np.repeat(row_quanta.astype(np.float64), ncols)
    # integer weights summed in float64 are exact below 2**53 (see row_area_quanta)
    quanta = np.rint(np.bincount(key.ravel(), weights=w, minlength=size)).astype(np.int64)
    return pixels, quanta


def _key_dtype(size: int):
    return np.intp  # np.bincount works on intp: an int32 key would be converted again


def area_counts(
    values: np.ndarray,
    zones: np.ndarray,
    known: np.ndarray,
    nodata: int | None,
    n_zones: int,
    row_quanta: np.ndarray | None = None,
) -> Counts:
    """Counts per (zone, bin) of one chunk.

    Parameters
    ----------
    values
        Class codes of the chunk [integer raster values].
    zones
        Zone ids of the chunk, same shape (0 = outside every zone), or one int for all.
    known
        Sorted crosswalk codes [int64].
    nodata
        Nodata value (``None``: none declared as such).
    n_zones
        Number of zones.
    row_quanta
        Area of one pixel of each row of the chunk [integer quanta], geographic CRS only.

    Returns
    -------
    Counts
        ``pixels`` of shape ``(n_zones + 1, len(known) + 2)``.
    """
    if values.dtype.itemsize == 1:
        return _raw_counts(values, zones, n_zones, row_quanta)
    zones = zone_array(zones, values.shape)
    nb = len(known) + 2
    bins = bins_of(values, known, nodata)
    size = (n_zones + 1) * nb
    key = zones.astype(_key_dtype(size)) * nb + bins
    pixels, quanta = _bincount(key, size, row_quanta, values.shape[1])
    shape = (n_zones + 1, nb)
    return Counts(
        pixels.reshape(shape),
        None if quanta is None else quanta.reshape(shape),
        (_others(values, bins == nb - 1, zones),),
    )


def _raw_counts(values: np.ndarray, zones: np.ndarray, n_zones: int, row_quanta) -> Counts:
    """8-bit rasters: count all 256 raw values per zone (no look-up pass over the pixels)."""
    shape = (n_zones + 1, 256)
    if not isinstance(zones, np.ndarray):  # the chunk lies in one zone (or none): one row
        pixels, quanta = _bincount(values.view(np.uint8), 256, row_quanta, values.shape[1])
        full = np.zeros(shape, dtype=np.int64)
        full[zones] = pixels
        q = None
        if quanta is not None:
            q = np.zeros(shape, dtype=np.int64)
            q[zones] = quanta
        return Counts(full, q, (), str(values.dtype))
    size = (n_zones + 1) * 256
    key = zones.astype(_key_dtype(size)) * 256 + values.view(np.uint8)
    pixels, quanta = _bincount(key, size, row_quanta, values.shape[1])
    q = None if quanta is None else quanta.reshape(shape)
    return Counts(pixels.reshape(shape), q, (), str(values.dtype))


def fold(c: Counts, known: np.ndarray, nodata: int | None) -> Counts:
    """Raw 8-bit counts → counts per bin (crosswalk codes, nodata, other) with the unknown
    codes itemised; binned counts are returned as they are."""
    if c.raw is None:
        return c
    codes = np.arange(256, dtype=np.uint8).view(np.dtype(c.raw))
    b = bins_of(codes, known, nodata).astype(np.int64)
    nb = len(known) + 2
    onehot = np.zeros((256, nb), dtype=np.int64)
    onehot[np.arange(256), b] = 1
    other = np.flatnonzero(b == nb - 1)
    counts = np.stack([c.pixels[0, other], c.pixels[1:, other].sum(axis=0)])
    seen = counts.sum(axis=0) > 0
    order = np.argsort(codes[other][seen].astype(np.int64), kind="stable")
    others = (codes[other][seen].astype(np.int64)[order], counts[:, seen][:, order])
    q = None if c.quanta is None else c.quanta @ onehot
    return Counts(c.pixels @ onehot, q, (others,))


def transition_counts(
    before: np.ndarray,
    after: np.ndarray,
    zones: np.ndarray,
    known: np.ndarray,
    nodata: tuple[int | None, int | None],
    n_zones: int,
    row_quanta: np.ndarray | None = None,
) -> Counts:
    """Counts per (zone, bin before, bin after) of one chunk of two co-registered rasters.

    Returns
    -------
    Counts
        ``pixels`` of shape ``(n_zones + 1, len(known) + 2, len(known) + 2)``.
    """
    zones = zone_array(zones, before.shape)
    nb = len(known) + 2
    b0 = bins_of(before, known, nodata[0])
    b1 = bins_of(after, known, nodata[1])
    size = (n_zones + 1) * nb * nb
    kd = _key_dtype(size)
    key = (zones.astype(kd) * nb + b0) * nb + b1
    pixels, quanta = _bincount(key, size, row_quanta, before.shape[1])
    shape = (n_zones + 1, nb, nb)
    return Counts(
        pixels.reshape(shape),
        None if quanta is None else quanta.reshape(shape),
        # unknown codes of each raster, on pixels that are not nodata in the other one
        (
            _others(before, (b0 == nb - 1) & (b1 != nb - 2), zones),
            _others(after, (b1 == nb - 1) & (b0 != nb - 2), zones),
        ),
    )
