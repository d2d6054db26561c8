"""Identity checks of the SEEA accounts, computed from the cube (not from the kernels).

Each check is one row of :data:`~geep.seea.vocab.CHECK_COLUMNS`: the identity, where it was
tested (table, region, period, column), both sides, the residual and the tolerance
(``RTOL × max(1, |lhs|, |rhs|)``: exact up to floating-point rounding). Because the checks read
the cube, they also hold for a cube read back from a file.

References
----------
United Nations et al. (2021). SEEA EA, §4.2 (extent identities), §7 (supply = use), §10 (asset
account: opening + changes = closing).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .cube import plain
from .inputs import frame as _frame
from .vocab import ASSET_CHANGES, CHECK_COLUMNS, TOTAL

#: relative tolerance of every identity [–]
RTOL = 1e-9


def _rows(
    table: str,
    identity: str,
    idx: pd.MultiIndex | pd.Index,
    lhs,
    rhs,
    rtol: float = RTOL,
    scale=None,
) -> pd.DataFrame:
    """Check rows; the tolerance is ``rtol × max(1, |lhs|, |rhs|, scale)``, ``scale`` being
    the size of the terms added up (a sum of large terms that cancel is exact only to the
    rounding of those terms)."""
    lhs = np.asarray(lhs, dtype=float)
    rhs = np.asarray(rhs, dtype=float)
    where = idx.to_frame(index=False)
    size = np.maximum(np.abs(lhs), np.abs(rhs))
    if scale is not None:
        size = np.maximum(size, np.asarray(scale, dtype=float))
    tol = rtol * np.maximum(1.0, size)
    res = lhs - rhs
    out = _frame({
        "table": table, "identity": identity,
        "region_code": where["region_code"].to_numpy(dtype=object),
        "period": where["period"].to_numpy(dtype=object),
        "column_code": where["column_code"].to_numpy(dtype=object) if "column_code" in where
        else "",
        "lhs": lhs, "rhs": rhs, "residual": res, "tolerance": tol,
        "ok": np.abs(res) <= tol,
    })  # fmt: skip
    return out[list(CHECK_COLUMNS)]


def empty_checks() -> pd.DataFrame:
    """A check table without rows (an account whose tables have no identity to test)."""
    return pd.DataFrame({c: pd.Series(dtype=object) for c in CHECK_COLUMNS})


def _wide(cube: pd.DataFrame, table: str) -> pd.DataFrame:
    sub = cube[cube["table"] == table]
    return sub.pivot_table(
        index=["region_code", "period", "column_code"],
        columns="row_code",
        values="value",
        aggfunc="sum",
        sort=False,
    )


def extent_checks(cube: pd.DataFrame, area_tolerance: float = RTOL) -> pd.DataFrame:
    """Checks of Table 4.1 (and 4.2 when present).

    * ``opening + additions − reductions = closing`` per type and total (with a matrix), else
      ``opening + net_change = closing``;
    * ``additions = managed + unmanaged`` (and reductions) when split;
    * ``Σ types = total`` for opening and closing, and equal total area at opening and closing
      (within ``area_tolerance``, relative, for land cover without a matrix);
    * ``matrix row sums = opening``, ``matrix column sums = closing``.
    """
    cube = plain(cube)
    w = _wide(cube, "4.1")
    if w.empty:
        return empty_checks()
    out = []
    big = w.abs().max(axis=1).to_numpy()  # the largest term of each column's account
    if "additions" in w:
        out.append(_rows("4.1", "opening+additions-reductions=closing", w.index,
                         w["opening"] + w["additions"] - w["reductions"], w["closing"], scale=big))  # fmt: skip
        out.append(_rows("4.1", "net_change=additions-reductions", w.index, w["net_change"],
                         w["additions"] - w["reductions"], scale=big))  # fmt: skip
        for item in ("additions", "reductions"):
            if f"{item}.managed" in w:
                out.append(_rows("4.1", f"{item}=managed+unmanaged", w.index, w[item],
                                 w[f"{item}.managed"] + w[f"{item}.unmanaged"], scale=big))  # fmt: skip
    out.append(_rows("4.1", "opening+net_change=closing", w.index,
                     w["opening"] + w["net_change"], w["closing"], scale=big))  # fmt: skip
    out += _sum_of_types(w, RTOL if "additions" in w else max(RTOL, area_tolerance))
    if (cube["table"] == "4.2").any():
        out += _margin_checks(cube, w)
    return pd.concat(out, ignore_index=True)


def _sum_of_types(w: pd.DataFrame, area_rtol: float) -> list[pd.DataFrame]:
    types = w[w.index.get_level_values("column_code") != TOTAL]
    total = w[w.index.get_level_values("column_code") == TOTAL].droplevel("column_code")
    summed = types.groupby(level=["region_code", "period"], sort=False).sum()
    summed = summed.reindex(total.index)
    size = (
        types.abs().groupby(level=["region_code", "period"], sort=False).sum().reindex(total.index)
    )
    out = [
        _rows(
            "4.1",
            f"sum_of_types={TOTAL}:{item}",
            total.index,
            summed[item],
            total[item],
            scale=size[item],
        )
        for item in ("opening", "closing")
    ]
    out.append(_rows("4.1", "total_area:opening=closing", total.index, total["opening"],
                     total["closing"], area_rtol))  # fmt: skip
    return out


def _margin_checks(cube: pd.DataFrame, w: pd.DataFrame) -> list[pd.DataFrame]:
    m = cube[cube["table"] == "4.2"]
    rows = m[(m["column_code"] == TOTAL) & (m["row_code"] != TOTAL)]
    rows = rows.set_index(["region_code", "period", "row_code"])["value"]
    rows.index = rows.index.set_names("column_code", level=2)
    cols = m[(m["row_code"] == TOTAL) & (m["column_code"] != TOTAL)]
    cols = cols.set_index(["region_code", "period", "column_code"])["value"]
    acc = w[w.index.get_level_values("column_code") != TOTAL]
    return [
        _rows("4.2", "matrix_row_sums=opening", acc.index, rows.reindex(acc.index), acc["opening"]),
        _rows("4.2", "matrix_column_sums=closing", acc.index, cols.reindex(acc.index),
              acc["closing"]),
    ]  # fmt: skip


def asset_checks(cube: pd.DataFrame) -> pd.DataFrame:
    """Checks of Table 10.1: ``opening + Σ changes = closing`` and ``net_change = Σ changes``
    per type and total, and ``Σ types = total`` for opening and closing."""
    cube = plain(cube)
    w = _wide(cube, "10.1")
    if w.empty:
        return empty_checks()
    changes = sum(w[c] for c in ASSET_CHANGES if c in w)
    big = w.abs().max(axis=1).to_numpy()
    out = [
        _rows(
            "10.1",
            "opening+changes=closing",
            w.index,
            w["opening"] + changes,
            w["closing"],
            scale=big,
        ),
        _rows("10.1", "net_change=sum_of_changes", w.index, w["net_change"], changes, scale=big),
    ]
    types = w[w.index.get_level_values("column_code") != TOTAL]
    total = w[w.index.get_level_values("column_code") == TOTAL].droplevel("column_code")
    summed = types.groupby(level=["region_code", "period"], sort=False).sum().reindex(total.index)
    size = (
        types.abs().groupby(level=["region_code", "period"], sort=False).sum().reindex(total.index)
    )
    out += [
        _rows(
            "10.1",
            f"sum_of_types={TOTAL}:{item}",
            total.index,
            summed[item],
            total[item],
            scale=size[item],
        )
        for item in ("opening", "closing")
    ]
    return pd.concat(out, ignore_index=True)


def supply_use_checks(cube: pd.DataFrame, pairs: tuple[tuple[str, str], ...]) -> pd.DataFrame:
    """``Σ supply = Σ use`` per service (row), region and period for each (supply, use) pair
    of tables, e.g. ``("9.1a", "9.1b")``."""
    cube = plain(cube)
    out = []
    for sup, use in pairs:
        s = cube[(cube["table"] == sup) & (cube["column_code"] == TOTAL)]
        u = cube[(cube["table"] == use) & (cube["column_code"] == TOTAL)]
        if s.empty or u.empty:
            continue
        s = s.set_index(["region_code", "period", "row_code"])["value"]
        u = u.set_index(["region_code", "period", "row_code"])["value"].reindex(s.index)
        idx = s.index.set_names("column_code", level=2)
        out.append(_rows(f"{sup}/{use}", "supply=use", idx, s.to_numpy(), u.to_numpy()))
    return pd.concat(out, ignore_index=True) if out else empty_checks()


def change_checks(cube: pd.DataFrame) -> pd.DataFrame:
    """ESV change analysis: ``opening + area effect + price effect = closing`` per region and
    period, and the per-transition effects sum to the area effect."""
    sub = cube[(cube["table"] == "esv-change") & (cube["column_code"] == "value")]
    if sub.empty:
        return empty_checks()
    codes, names = pd.factorize(sub["row_code"].to_numpy(dtype=object))
    item = pd.Index(names, dtype=object).str.split("|").str[0].to_numpy(dtype=object)[codes]
    sub = plain(sub)
    g = sub.assign(item=item).groupby(["region_code", "period", "item"], sort=False)["value"]
    w = g.sum().unstack("item")
    size = (
        sub.assign(a=sub["value"].abs()).groupby(["region_code", "period"], sort=False)["a"].sum()
    )
    size = size.reindex(w.index).to_numpy()
    out = [
        _rows("esv-change", "opening+area_effect+price_effect=closing", w.index,
              w["opening"] + w.get("area_effect", 0.0) + w.get("price_effect", 0.0),
              w["closing"], scale=size),
        _rows("esv-change", "net_change=closing-opening", w.index, w["net_change"],
              w["closing"] - w["opening"], scale=size),
    ]  # fmt: skip
    return pd.concat(out, ignore_index=True)


def condition_checks(cube: pd.DataFrame) -> pd.DataFrame:
    """Condition tables: ``closing − opening = change`` per row and type, and every rescaled
    indicator and index in [0, 1]."""
    cube = plain(cube)
    sub = cube[cube["table"].isin(["5.2", "5.3", "5.4"])]
    if sub.empty:
        return empty_checks()
    parts = sub["row_code"].str.rsplit("|", n=1)
    sub = sub.assign(base=parts.str[0], item=parts.str[1])
    w = sub.pivot_table(index=["table", "region_code", "period", "base", "column_code"], columns="item",
                        values="value", aggfunc="first", sort=False)  # fmt: skip
    w = w.dropna(subset=["opening", "closing", "change"])
    idx = w.index.droplevel(["table", "base"])
    out = [_rows("5.x", "closing-opening=change", idx, w["closing"] - w["opening"], w["change"])]
    scaled = w[w.index.get_level_values("table").isin(["5.3", "5.4"])]
    for item in ("opening", "closing"):
        v = scaled[item].to_numpy()
        inside = np.clip(v, 0.0, 1.0)
        out.append(
            _rows("5.3/5.4", f"0<={item}<=1", scaled.index.droplevel(["table", "base"]), v, inside)
        )
    return pd.concat(out, ignore_index=True)
