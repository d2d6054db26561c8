"""The long "cube" every SEEA layout renders from, and its builders.

One row per cell of every table: ``account, table, row_code, column_code, region_code,
period, value, unit, flags`` (:data:`~geep.seea.vocab.CUBE_COLUMNS`). ``period`` is
``"Y0-Y1"`` for the account of a period and ``"Y"`` for a single year; compound row codes
join their parts with ``|``. Cube rows are kept in layout order (regions and periods in order
of appearance, then rows, then columns), so a layout is a pivot of its rows.

:func:`table_cube` builds a table with its totals on integer codes and dense numpy arrays
(groups × rows × columns): no per-row Python, no string operations on the cells. The text
columns are categoricals (a national cube of two million cells takes tens of MB); :func:`plain`
gives them as object arrays where joins and pivots need them.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

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

    return _assemble({
        "account": _const(account, n), "table": _const(table, n),
        "row_code": categorical(col(row)), "column_code": categorical(col(column)),
        "region_code": categorical(frame["region_code"].to_numpy(dtype=object)),
        "period": categorical(np.asarray(period, dtype=object)),
        "value": frame[value].to_numpy(dtype=float),
        "unit": _const(unit, n) if isinstance(unit, str) else categorical(col(unit)),
        "flags": _const("", n) if flags is None else categorical(col(flags)),
    })  # fmt: skip


def categorical(values: np.ndarray) -> pd.Categorical:
    """Text as a categorical with its categories in order of appearance."""
    values = np.asarray(values, dtype=object)
    codes, cats = pd.factorize(values, use_na_sentinel=False)
    return _from_codes(codes, cats)


def _from_codes(codes: np.ndarray, cats) -> pd.Categorical:
    cats = np.asarray(cats, dtype=object)
    if len(pd.unique(cats)) != len(cats):  # a code equal to "total": fall back to the values
        return categorical(cats[codes])
    return pd.Categorical.from_codes(codes, categories=pd.Index(cats, dtype=object))


def _const(value: str, n: int) -> pd.Categorical:
    return pd.Categorical.from_codes(
        np.zeros(n, dtype=np.int8), categories=pd.Index([value], dtype=object)
    )


def _assemble(columns: dict) -> pd.DataFrame:
    return pd.DataFrame(columns)[list(CUBE_COLUMNS)]


def concat_cubes(parts: Sequence[pd.DataFrame]) -> pd.DataFrame:
    """Concatenate cube parts keeping the text columns categorical (categories united)."""
    from pandas.api.types import union_categoricals

    parts = [p for p in parts if len(p)] or list(parts[:1])
    cols = {}
    for c in CUBE_COLUMNS:
        if c == "value":
            cols[c] = np.concatenate([p[c].to_numpy(dtype=float) for p in parts])
        else:
            cats = [p[c].array if isinstance(p[c].dtype, pd.CategoricalDtype) else categorical(p[c].to_numpy(dtype=object))
                    for p in parts]  # fmt: skip
            u = union_categoricals(cats, ignore_order=True)
            cols[c] = _from_codes(u.codes, np.asarray(u.categories, dtype=object))
    return _assemble(cols)


def plain(cube: pd.DataFrame) -> pd.DataFrame:
    """The cube with its text columns as object arrays (for joins, pivots and string work)."""
    out = cube.copy()
    for c in CUBE_COLUMNS:
        if c != "value" and isinstance(out[c].dtype, pd.CategoricalDtype):
            out[c] = pd.Series(
                np.asarray(out[c].array, dtype=object), dtype=object, index=out.index
            )
    return out


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
    r, c, rnames, cnames = _row_column_codes(row, column, row_order, square)
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
    vals, mask, rnames, cnames = _with_totals(
        vals, mask, has_r, rnames, cnames, column_total, row_total
    )
    gi, ri, ci = np.nonzero(mask)  # C order: region-period, then row, then column
    first = _first_of_groups(g, ng)
    row_unit, row_flag = _row_attrs(unit, flags, g, r, ng, nr)
    is_row = ri < nr
    rc = np.minimum(ri, nr - 1)
    n = len(gi)
    uc, un = pd.factorize(row_unit.ravel(), use_na_sentinel=False)
    uc = uc.reshape(ng, nr)
    flag_col = _flag_column(row_flag, is_row, gi, rc, ng, nr)
    rcodes, pcodes = (
        pd.factorize(region, use_na_sentinel=False),
        pd.factorize(period, use_na_sentinel=False),
    )
    return _assemble({
        "account": _const(account, n), "table": _const(table, n),
        "row_code": _from_codes(ri, rnames), "column_code": _from_codes(ci, cnames),
        "region_code": _from_codes(rcodes[0][first[gi]], rcodes[1]),
        "period": _from_codes(pcodes[0][first[gi]], pcodes[1]),
        "value": vals[gi, ri, ci],
        "unit": _from_codes(np.where(is_row, uc[gi, rc], uc[gi, 0]), un),
        "flags": flag_col,
    })  # fmt: skip


def _flag_column(
    row_flag: np.ndarray | None,
    is_row: np.ndarray,
    gi: np.ndarray,
    rc: np.ndarray,
    ng: int,
    nr: int,
) -> pd.Categorical:
    """The flags of the cube rows: a row's flag on its cells, none on the total row."""
    if row_flag is None:
        return _const("", len(gi))
    fc, fn = pd.factorize(np.append(row_flag.ravel(), ""), use_na_sentinel=False)
    blank, fc = fc[-1], fc[:-1].reshape(ng, nr)
    return _from_codes(np.where(is_row, fc[gi, rc], blank), fn)


def _row_column_codes(
    row: np.ndarray, column: np.ndarray, row_order: Sequence[str] | None, square: bool
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Row and column codes and their names (one shared vocabulary when ``square``)."""
    if square:
        both, names = _codes(
            np.concatenate([np.asarray(row, dtype=object), np.asarray(column, dtype=object)])
        )
        r, c = both[: len(row)], both[len(row) :]
        rnames = cnames = names
    else:
        r, rnames = _codes(np.asarray(row, dtype=object), row_order)
        c, cnames = _codes(np.asarray(column, dtype=object))
    return r, c, rnames, cnames


def _with_totals(
    vals: np.ndarray,
    mask: np.ndarray,
    has_r: np.ndarray,
    rnames: np.ndarray,
    cnames: np.ndarray,
    column_total: bool,
    row_total: bool,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Values and presence mask with a ``total`` column and/or a ``total`` row appended."""
    if column_total:
        vals = np.concatenate([vals, vals.sum(axis=2, keepdims=True)], axis=2)
        mask = np.concatenate([mask, has_r[:, :, None]], axis=2)
        cnames = np.append(cnames, TOTAL)
    if row_total:
        vals = np.concatenate([vals, vals.sum(axis=1, keepdims=True)], axis=1)
        mask = np.concatenate([mask, mask.any(axis=1, keepdims=True)], axis=1)
        rnames = np.append(rnames, TOTAL)
    return vals, mask, rnames, cnames


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
