"""The long "cube" every SEEA layout renders from, and its builders.

One row per cell of every table: ``account, table, row_code, column_code, region_code,
period, value, unit, flags`` (:data:`~geep.seea.vocab.CUBE_COLUMNS`). ``period`` is
``"Y0-Y1"`` for the account of a period and ``"Y"`` for a single year; compound row codes
join their parts with ``|``. Cube rows are kept in layout order (regions, periods, rows and
columns in the order the account gives them), so a layout is a pivot of its rows.
"""

from __future__ import annotations

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
    """Cube rows from ``frame``.

    ``row``, ``column`` and ``flags`` are column names of ``frame`` (a string) or arrays;
    ``unit`` is a constant (a string) or an array; ``value`` is a column name.
    """
    n = len(frame)

    def col(x):
        if isinstance(x, str):
            return frame[x].to_numpy(dtype=object)
        return np.asarray(x, dtype=object)

    out = pd.DataFrame({
        "account": account, "table": table, "row_code": col(row), "column_code": col(column),
        "region_code": frame["region_code"].to_numpy(dtype=object),
        "period": np.asarray(period, dtype=object),
        "value": frame[value].to_numpy(dtype=float),
        "unit": np.full(n, unit, dtype=object) if isinstance(unit, str) else col(unit),
        "flags": np.full(n, "", dtype=object) if flags is None else col(flags),
    }, index=range(n))  # fmt: skip
    return out[list(CUBE_COLUMNS)]


def with_totals(cube: pd.DataFrame, over: str = "column_code", label: str = TOTAL) -> pd.DataFrame:
    """Add, per (table, region, period, row), the sum over ``over`` as code ``label``.

    The total row of each group is placed after the group's last row (layout order kept).
    """
    keys = [c for c in ("account", "table", "region_code", "period", "row_code", "column_code")
            if c != over]  # fmt: skip
    g = cube.groupby(keys, sort=False, dropna=False)
    tot = g["value"].sum().reset_index()
    tot[over] = label
    tot["unit"] = g["unit"].first().to_numpy()
    tot["flags"] = ""
    tot = tot[list(CUBE_COLUMNS)]
    cube = cube.assign(_o=np.arange(len(cube)), _t=0)
    last = cube.groupby(keys, sort=False, dropna=False)["_o"].max().to_numpy()
    tot = tot.assign(_o=last, _t=1)
    both = pd.concat([cube, tot], ignore_index=True).sort_values(["_o", "_t"], kind="stable")
    return both.drop(columns=["_o", "_t"]).reset_index(drop=True)


def period_of(frame: pd.DataFrame) -> np.ndarray:
    """``"Y0-Y1"`` from the ``year_from`` and ``year_to`` columns (vectorised)."""
    return (frame["year_from"].astype("int64").astype(str) + "-"
            + frame["year_to"].astype("int64").astype(str)).to_numpy(dtype=object)  # fmt: skip


def extent_cube(long: pd.DataFrame, unit: str) -> pd.DataFrame:
    """Table 4.1 rows (with the total over ecosystem types) from the extent long table."""
    cube = make_cube(
        long, account="extent", table="4.1", row="item", column="ecosystem_type",
        value="area", unit=unit, period=period_of(long),
    )  # fmt: skip
    cube = _by_row_order(cube)
    return with_totals(cube)


def _by_row_order(cube: pd.DataFrame) -> pd.DataFrame:
    """Rows of each region-period grouped by item (the layout's row order)."""
    from .vocab import EXTENT_ITEMS

    rank = {k: i for i, k in enumerate(EXTENT_ITEMS)}
    grp = pd.factorize(cube["region_code"].astype(str) + "\x00" + cube["period"].astype(str))[0]
    cols = pd.factorize(cube["column_code"])[0]
    rows = cube["row_code"].map(rank).to_numpy()
    order = np.lexsort((cols, rows, grp))
    return cube.iloc[order].reset_index(drop=True)


def matrix_cube(matrix: pd.DataFrame, unit: str) -> pd.DataFrame:
    """Table 4.2 rows: the square change matrix of each region and period (every pair of its
    types, 0 where no transition), with its row sums and column sums (``total``)."""
    m = matrix.assign(period=period_of(matrix))
    g = ["region_code", "period"]
    types = pd.concat([
        m[[*g, "from_class"]].set_axis([*g, "k"], axis=1),
        m[[*g, "to_class"]].set_axis([*g, "k"], axis=1),
    ]).drop_duplicates()  # fmt: skip
    types["_g"] = pd.factorize(types["region_code"].astype(str) + "\x00" + types["period"])[0]
    types["_r"] = types.groupby("_g", sort=False).cumcount()
    a = types.rename(columns={"k": "from_class", "_r": "_a"})
    b = types.rename(columns={"k": "to_class", "_r": "_b"}).drop(columns="_g")
    pairs = a.merge(b, on=g).sort_values(["_g", "_a", "_b"], kind="stable")
    cells = m.groupby([*g, "from_class", "to_class"], sort=False)["area"].sum().reset_index()
    frame = pairs.merge(cells, on=[*g, "from_class", "to_class"], how="left", sort=False)
    frame["area"] = frame["area"].fillna(0.0)
    cube = make_cube(
        frame, account="extent", table="4.2", row="from_class", column="to_class",
        value="area", unit=unit, period=frame["period"],
    )  # fmt: skip
    cube = with_totals(cube, over="column_code")
    return _total_row(cube)


def _total_row(cube: pd.DataFrame) -> pd.DataFrame:
    """Append, per region and period, the column sums as row ``total`` (after its rows)."""
    g = cube.groupby(["account", "table", "region_code", "period", "column_code"], sort=False)
    tot = g["value"].sum().reset_index()
    tot["row_code"] = TOTAL
    tot["unit"] = g["unit"].first().to_numpy()
    tot["flags"] = ""
    tot = tot[list(CUBE_COLUMNS)]
    cube = cube.assign(_o=np.arange(len(cube)), _t=0)
    last = cube.groupby(["region_code", "period"], sort=False)["_o"].max()
    tot = tot.assign(_o=tot.set_index(["region_code", "period"]).index.map(last).to_numpy(), _t=1)
    tot["_t"] = 1 + np.arange(len(tot))  # keep column order within the total row
    both = pd.concat([cube, tot], ignore_index=True).sort_values(["_o", "_t"], kind="stable")
    return both.drop(columns=["_o", "_t"]).reset_index(drop=True)
