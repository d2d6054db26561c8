"""The long "cube" every SEEA layout renders from, and its builders.

One row per cell of every table: ``account, table, row_code, column_code, region_code,
period, value, unit, flags`` (:data:`~geep.seea.vocab.CUBE_COLUMNS`). ``period`` is
``"Y0-Y1"`` for the account of a period and ``"Y"`` for a single year; compound row codes
join their parts with ``|``. Cube rows are kept in layout order (regions and periods in order
of appearance, then rows, then columns), so a layout is a pivot of its rows.

:func:`table_cube` builds a table with its totals on integer codes and dense numpy arrays
(groups × rows × columns): no per-row Python, no string operations on the cells.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from .inputs import frame as _frame
from .vocab import CUBE_COLUMNS, TOTAL


def make_cube(
    frame: pd.DataFrame,
    *,
    account: str,
    table: str,
    row: str | np.ndarray | pd.Series,
    column: str | np.ndarray | pd.Series,
    value: str,
    unit: str | np.ndarray | pd.Series,
    period: np.ndarray | pd.Series,
    flags: str | np.ndarray | pd.Series | None = None,
) -> pd.DataFrame:
    """Cube rows from ``frame`` as they are (no totals, no reordering).

    ``row``, ``column`` and ``flags`` are column names of ``frame`` (a string) or arrays;
    ``unit`` is a constant (a string) or an array; ``value`` is a column name.
    """
    n = len(frame)

    def col(x):
        if isinstance(x, str):
            return frame[x].to_numpy(dtype=object)
        return np.asarray(x, dtype=object)

    out = _frame({
        "account": account, "table": table, "row_code": col(row), "column_code": col(column),
        "region_code": frame["region_code"].to_numpy(dtype=object),
        "period": np.asarray(period, dtype=object),
        "value": frame[value].to_numpy(dtype=float),
        "unit": np.full(n, unit, dtype=object) if isinstance(unit, str) else col(unit),
        "flags": np.full(n, "", dtype=object) if flags is None else col(flags),
    }, n)  # fmt: skip
    return out[list(CUBE_COLUMNS)]


def _codes(values: np.ndarray, order: Sequence[str] | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Integer codes and names: in ``order`` first (when given), then by first appearance."""
    idx, names = pd.factorize(values)
    names = np.asarray(names, dtype=object)
    if order is None:
        return idx, names
    rank = {k: i for i, k in enumerate(order)}
    key = np.array([rank.get(n, len(rank) + i) for i, n in enumerate(names)])
    perm = np.argsort(key, kind="stable")
    inverse = np.empty_like(perm)
    inverse[perm] = np.arange(len(perm))
    return inverse[idx], names[perm]


def table_cube(
    *,
    account: str,
    table: str,
    region: np.ndarray,
    period: np.ndarray,
    row: np.ndarray,
    column: np.ndarray,
    value: np.ndarray,
    unit: str | np.ndarray,
    flags: np.ndarray | None = None,
    row_order: Sequence[str] | None = None,
    column_total: bool = True,
    row_total: bool = False,
    square: bool = False,
) -> pd.DataFrame:
    """The cube rows of one table, in layout order, with totals.

    Parameters
    ----------
    region, period, row, column, value
        One entry per given cell (duplicates are summed).
    unit, flags
        A constant unit, or one unit (and flag) per given cell; a row takes the unit and flag of
        its first cell.
    row_order
        Row codes in layout order (others follow in order of appearance).
    column_total, row_total
        Add a ``total`` column (Σ over columns) / a ``total`` row (Σ over rows).
    square
        Every (row, column) pair of the classes present in a region-period (rows and columns
        share one vocabulary, as in a change matrix); otherwise only the rows and columns that
        have a cell in that region-period.
    """
    region = np.asarray(region, dtype=object)
    period = np.asarray(period, dtype=object)
    ri_, _ = pd.factorize(region)
    pi_, _ = pd.factorize(period)
    g, gnames = pd.factorize(ri_.astype(np.int64) * (int(pi_.max(initial=0)) + 1) + pi_)
    if square:
        both, names = _codes(
            np.concatenate([np.asarray(row, dtype=object), np.asarray(column, dtype=object)])
        )
        r, c = both[: len(row)], both[len(row) :]
        rnames = cnames = names
    else:
        r, rnames = _codes(np.asarray(row, dtype=object), row_order)
        c, cnames = _codes(np.asarray(column, dtype=object))
    ng, nr, nc = len(gnames), len(rnames), len(cnames)
    lin = (g * nr + r) * nc + c
    size = ng * nr * nc
    vals = np.bincount(lin, weights=np.asarray(value, dtype=float), minlength=size).reshape(
        ng, nr, nc
    )
    mask = (np.bincount(lin, minlength=size) > 0).reshape(ng, nr, nc)
    has_r = mask.any(axis=2)
    if square:  # every pair of the classes present in the region-period
        has_r = has_r | mask.any(axis=1)
        mask = has_r[:, :, None] & has_r[:, None, :]
    if column_total:
        vals = np.concatenate([vals, vals.sum(axis=2, keepdims=True)], axis=2)
        mask = np.concatenate([mask, has_r[:, :, None]], axis=2)
        cnames = np.append(cnames, TOTAL)
    if row_total:
        vals = np.concatenate([vals, vals.sum(axis=1, keepdims=True)], axis=1)
        mask = np.concatenate([mask, mask.any(axis=1, keepdims=True)], axis=1)
        rnames = np.append(rnames, TOTAL)
    gi, ri, ci = np.nonzero(mask)  # C order: region-period, then row, then column
    first = _first_of_groups(g, ng)
    row_unit, row_flag = _row_attrs(unit, flags, g, r, ng, nr)
    is_row = ri < nr
    rc = np.minimum(ri, nr - 1)
    out = _frame({
        "account": account, "table": table, "row_code": rnames[ri], "column_code": cnames[ci],
        "region_code": region[first[gi]], "period": period[first[gi]], "value": vals[gi, ri, ci],
        "unit": np.where(is_row, row_unit[gi, rc], row_unit[gi, 0]),
        "flags": np.where(is_row, row_flag[gi, rc], "") if row_flag is not None else "",
    })  # fmt: skip
    return out[list(CUBE_COLUMNS)]


def _first_of_groups(g: np.ndarray, ng: int) -> np.ndarray:
    """Position of the first cell of each region-period (for its region and period text)."""
    first = np.full(ng, -1, dtype=np.int64)
    order = np.arange(len(g))[::-1]
    first[g[order]] = order
    return first


def _row_attrs(unit, flags, g, r, ng, nr):
    if isinstance(unit, str):
        units = np.full((ng, nr), unit, dtype=object)
    else:
        units = np.full((ng, nr), "", dtype=object)
        rev = np.arange(len(g))[::-1]  # the first cell of each row wins
        units[g[rev], r[rev]] = np.asarray(unit, dtype=object)[rev]
    if flags is None:
        return units, None
    fl = np.full((ng, nr), "", dtype=object)
    rev = np.arange(len(g))[::-1]
    fl[g[rev], r[rev]] = np.asarray(flags, dtype=object)[rev]
    return units, fl


def period_of(frame: pd.DataFrame) -> np.ndarray:
    """``"Y0-Y1"`` from the ``year_from`` and ``year_to`` columns (vectorised)."""
    return (frame["year_from"].astype("int64").astype(str) + "-"
            + frame["year_to"].astype("int64").astype(str)).to_numpy(dtype=object)  # fmt: skip


def extent_cube(long: pd.DataFrame, unit: str) -> pd.DataFrame:
    """Table 4.1 rows (with the total over ecosystem types) from the extent long table."""
    from .vocab import EXTENT_ITEMS

    return table_cube(
        account="extent", table="4.1", region=long["region_code"].to_numpy(dtype=object),
        period=period_of(long), row=long["item"].to_numpy(dtype=object),
        column=long["ecosystem_type"].to_numpy(dtype=object),
        value=long["area"].to_numpy(dtype=float), unit=unit, row_order=EXTENT_ITEMS,
    )  # fmt: skip


def matrix_cube(matrix: pd.DataFrame, unit: str) -> pd.DataFrame:
    """Table 4.2 rows: the square change matrix of each region and period (every pair of its
    types, 0 where no transition), with its row sums and column sums (``total``)."""
    return table_cube(
        account="extent", table="4.2", region=matrix["region_code"].to_numpy(dtype=object),
        period=period_of(matrix), row=matrix["from_class"].to_numpy(dtype=object),
        column=matrix["to_class"].to_numpy(dtype=object),
        value=matrix["area"].to_numpy(dtype=float), unit=unit, row_total=True, square=True,
    )  # fmt: skip
