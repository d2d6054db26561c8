"""Ecosystem extent accounts (SEEA EA Tables 4.1 and 4.2) from change matrices or land cover.

From a change matrix (the transitions table ``region_code, year_from, year_to, from_class,
to_class, area, unit``; optional ``managed``) the account is complete:

.. math::

    \\mathrm{opening}_k = \\sum_j M_{kj},\\quad
    \\mathrm{closing}_k = \\sum_j M_{jk},\\quad
    \\mathrm{additions}_k = \\mathrm{closing}_k - M_{kk},\\quad
    \\mathrm{reductions}_k = \\mathrm{opening}_k - M_{kk}

with additions and reductions split into managed and unmanaged when the input says so. From two
land-cover years without a matrix only opening, closing and net change can be known: gross
additions and reductions are not (the account says so).

References
----------
United Nations et al. (2021). SEEA EA, chapter 4 (Table 4.1 ecosystem extent account, Table
4.2 ecosystem type change matrix).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from ..errors import InputError
from ..messages import text
from ..units import factor
from . import inputs as I
from .account import ExtentAccount
from .cube import concat_cubes, extent_cube, matrix_cube
from .identities import extent_checks
from .vocab import EXTENT_ITEMS, period_code

TRANSITIONS = "transitions"
LAND_COVER = "land_cover"


def read_transitions(transitions: pd.DataFrame) -> pd.DataFrame:
    """Validate a transitions table; return it in canonical columns with ``area`` in ha.

    Raises
    ------
    InputError
        Missing columns, blank classes, non-numeric or negative areas, unknown units,
        ``year_to`` not after ``year_from``, or a transition stated twice.
    """
    df, hunit = I.canonical_columns(
        transitions, TRANSITIONS,
        ("region_code", "year_from", "year_to", "from_class", "to_class", "area"),
        ("unit", "managed", "region_name"),
    )  # fmt: skip
    out = I.frame({
        "region_code": I.codes(df, TRANSITIONS, "region_code"),
        "year_from": I.years(df, TRANSITIONS, "year_from"),
        "year_to": I.years(df, TRANSITIONS, "year_to"),
        "from_class": I.codes(df, TRANSITIONS, "from_class"),
        "to_class": I.codes(df, TRANSITIONS, "to_class"),
    })  # fmt: skip
    area = I.numbers(df, TRANSITIONS, "area", nonnegative=True)
    out["area"] = area * I.to_unit_factors(df, TRANSITIONS, hunit, "ha", "area")
    if "managed" in df.columns:
        out["managed"] = I.flags_column(df, TRANSITIONS, "managed")
    if "input_ref" in df.columns:
        out["input_ref"] = df["input_ref"].to_numpy(dtype=object)
    back = np.flatnonzero(out["year_to"].to_numpy() <= out["year_from"].to_numpy())
    if back.size:
        raise InputError(
            text("seea.period_order", where=", ".join(I.refs(out, TRANSITIONS, back[:5]))),
            hint=text("seea.hint_period_order"), table=TRANSITIONS, row=int(back[0]),
        )  # fmt: skip
    keys = ["region_code", "year_from", "year_to", "from_class", "to_class"]
    I.duplicates(out, TRANSITIONS, keys + (["managed"] if "managed" in out.columns else []))
    return out


def read_land_cover(land_cover: pd.DataFrame) -> pd.DataFrame:
    """Validate a land-cover table (``region_code, year, land_class|ecosystem_type, area``
    + unit); return ``region_code, year, ecosystem_type, area`` [ha]."""
    df, hunit = I.canonical_columns(
        land_cover, LAND_COVER, ("region_code", "year", "ecosystem_type", "area"),
        ("unit", "region_name"),
    )  # fmt: skip
    out = I.frame({
        "region_code": I.codes(df, LAND_COVER, "region_code"),
        "year": I.years(df, LAND_COVER, "year"),
        "ecosystem_type": I.codes(df, LAND_COVER, "ecosystem_type"),
    })  # fmt: skip
    area = I.numbers(df, LAND_COVER, "area", nonnegative=True)
    out["area"] = area * I.to_unit_factors(df, LAND_COVER, hunit, "ha", "area")
    if "input_ref" in df.columns:
        out["input_ref"] = df["input_ref"].to_numpy(dtype=object)
    I.duplicates(out, LAND_COVER, ["region_code", "year", "ecosystem_type"])
    return out


def transitions_from_matrix(
    matrix: pd.DataFrame,
    *,
    region_code: str,
    year_from: int,
    year_to: int,
    unit: str,
    total_labels: tuple[str, ...] = ("total", "合计", "总计", "sum"),
) -> pd.DataFrame:
    """The transitions table of a square change matrix as printed in papers.

    Parameters
    ----------
    matrix
        Rows = opening (from) classes as the index, columns = closing (to) classes; a printed
        total row and/or column (``合计``) is optional and is *checked*, never used.
    region_code, year_from, year_to, unit
        The region, period and area unit of the matrix.
    total_labels
        Labels of a printed total row or column.

    Returns
    -------
    pandas.DataFrame
        ``region_code, year_from, year_to, from_class, to_class, area, unit`` (one row per
        cell, zeros included).

    Raises
    ------
    InputError
        A printed total that differs from the sum of its cells (both numbers named), or
        row and column classes that are not the same set.
    """
    labels = {I._fold(t) for t in total_labels}
    m = matrix.copy()
    m.index = [I._code_text(v) for v in m.index]
    m.columns = [I._code_text(v) for v in m.columns]
    tot_rows = [r for r in m.index if I._fold(r) in labels]
    tot_cols = [c for c in m.columns if I._fold(c) in labels]
    body = m.drop(index=tot_rows, columns=tot_cols)
    values = body.apply(pd.to_numeric, errors="coerce")
    if values.isna().to_numpy().any():
        r, c = np.argwhere(values.isna().to_numpy())[0]
        raise InputError(
            text("seea.matrix_cell", row=body.index[r], column=body.columns[c],
                 value=body.iloc[r, c]),
            hint=text("seea.hint_number"), table="matrix", row=str(body.index[r]),
            column=str(body.columns[c]),
        )  # fmt: skip
    if set(values.index) != set(values.columns):
        raise InputError(
            text("seea.matrix_classes", rows=list(values.index), columns=list(values.columns)),
            hint=text("seea.hint_matrix_classes"), table="matrix",
        )  # fmt: skip
    _check_printed_totals(m, values, tot_rows, tot_cols)
    long = values.stack().rename("area").reset_index()
    long.columns = ["from_class", "to_class", "area"]
    long.insert(0, "year_to", int(year_to))
    long.insert(0, "year_from", int(year_from))
    long.insert(0, "region_code", str(region_code))
    long["unit"] = unit
    return long


def _check_printed_totals(m, values, tot_rows, tot_cols) -> None:
    checks = []
    for c in tot_cols:
        printed = pd.to_numeric(m.loc[values.index, c], errors="coerce")
        checks += [("row", k, printed[k], values.loc[k].sum()) for k in values.index]
    for r in tot_rows:
        printed = pd.to_numeric(m.loc[r, values.columns], errors="coerce")
        checks += [("column", k, printed[k], values[k].sum()) for k in values.columns]
    for kind, k, printed, computed in checks:
        if not np.isclose(printed, computed, rtol=1e-9, atol=1e-9):
            raise InputError(
                text("seea.matrix_total", kind=kind, label=k, printed=printed, computed=computed),
                hint=text("seea.hint_matrix_total"), table="matrix", row=str(k),
            )  # fmt: skip


def extent_kernel(t: pd.DataFrame) -> pd.DataFrame:
    """The extent account of transitions in ha (pure, vectorised).

    Parameters
    ----------
    t
        ``region_code, year_from, year_to, from_class, to_class, area`` [ha], optional
        ``managed`` (bool).

    Returns
    -------
    pandas.DataFrame
        Long: ``region_code, year_from, year_to, ecosystem_type, item, area`` with the items
        of :data:`~geep.seea.vocab.EXTENT_ITEMS` (managed / unmanaged rows only if ``t`` has a
        ``managed`` column); every type of a period appears in every item (0 where none).
    """
    g = ["region_code", "year_from", "year_to"]
    off = t[t["from_class"].to_numpy() != t["to_class"].to_numpy()]
    parts = {
        "opening": t.groupby([*g, "from_class"], sort=False)["area"].sum(),
        "closing": t.groupby([*g, "to_class"], sort=False)["area"].sum(),
        "additions": off.groupby([*g, "to_class"], sort=False)["area"].sum(),
        "reductions": off.groupby([*g, "from_class"], sort=False)["area"].sum(),
    }
    if "managed" in t.columns:
        for flag, name in ((True, "managed"), (False, "unmanaged")):
            sub = off[off["managed"].to_numpy() == flag]
            parts[f"additions.{name}"] = sub.groupby([*g, "to_class"], sort=False)["area"].sum()
            parts[f"reductions.{name}"] = sub.groupby([*g, "from_class"], sort=False)["area"].sum()
    for s in parts.values():
        s.index = s.index.set_names([*g, "ecosystem_type"])
    wide = pd.concat(parts, axis=1).fillna(0.0)
    wide["net_change"] = wide["additions"] - wide["reductions"]
    wide = wide[[c for c in EXTENT_ITEMS if c in wide.columns]]
    wide.columns.name = "item"
    return wide.stack().rename("area").reset_index()


def land_cover_kernel(lc: pd.DataFrame, opening: int, closing: int) -> pd.DataFrame:
    """Opening, net change and closing from two land-cover years (pure, vectorised)."""
    sub = lc[lc["year"].isin([opening, closing])]
    wide = sub.pivot_table(
        index=["region_code", "ecosystem_type"], columns="year", values="area",
        aggfunc="sum", fill_value=0.0, sort=False,
    )  # fmt: skip
    wide = wide.reindex(columns=[opening, closing], fill_value=0.0)
    out = pd.DataFrame({
        "opening": wide[opening], "net_change": wide[closing] - wide[opening],
        "closing": wide[closing],
    })  # fmt: skip
    out.columns.name = "item"
    long = out.stack().rename("area").reset_index()
    long.insert(1, "year_from", int(opening))
    long.insert(2, "year_to", int(closing))
    return long


def extent_account(
    data: pd.DataFrame,
    opening: int | None = None,
    closing: int | None = None,
    *,
    land_cover: pd.DataFrame | None = None,
    unit: str = "ha",
    classification: str | None = None,
    crosswalk: Mapping[str, str] | str | None = None,
    area_method: str | None = None,
    area_tolerance: float = 1e-6,
) -> ExtentAccount:
    """Ecosystem extent account (SEEA EA Table 4.1) and change matrix (Table 4.2).

    Parameters
    ----------
    data
        A transitions table (``region_code, year_from, year_to, from_class, to_class, area``
        + unit, optional ``managed``), e.g. from ``geep.grid.transitions`` or
        :func:`transitions_from_matrix`; or a land-cover table (``region_code, year,
        land_class, area`` + unit) with two years.
    opening, closing
        Years of the account. With transitions: keep only this period. With land cover: the
        two years to compare (default: the only two years of the table).
    land_cover
        With transitions: a land-cover table given alongside; the matrix row sums must equal
        its opening areas and the column sums its closing areas (where it has those years).
    unit
        Area unit of the output (``ha``, ``km2``, ``亩`` …); the account is computed in ha.
    classification, crosswalk, area_method
        Recorded in the metadata: the classification edition of the ecosystem types, the
        crosswalk from national classes, and how areas were measured (e.g. ``centroid``);
        ``area_method`` defaults to ``data.attrs["coverage"]["method"]`` when present.
    area_tolerance
        Relative tolerance [–] of the comparisons with ``land_cover`` and of the equal total
        area of opening and closing land cover (default 10⁻⁶: typed areas rounded to 0.1 ha
        pass, a missing transition or a different total does not).

    Returns
    -------
    ExtentAccount
        ``.long`` (``region_code, year_from, year_to, ecosystem_type, item, area, unit``),
        ``.matrix(...)``, ``.cube``, ``.checks``, ``.metadata``, ``.notes``; ``to_excel``,
        ``to_csv``.

    Raises
    ------
    InputError
        Bad input, a matrix that disagrees with ``land_cover`` (both named), or opening and
        closing land cover with different total areas.

    References
    ----------
    United Nations et al. (2021). SEEA EA, chapter 4, Tables 4.1 and 4.2.
    """
    out_factor = factor("ha", unit)
    cols = {I._fold(c) for c in getattr(data, "columns", [])}
    notes: list[Any] = []
    if cols & {I._fold(a) for a in I.ALIASES["from_class"]}:
        long, matrix = _from_matrix(data, opening, closing, land_cover, area_tolerance, notes)
    else:
        long, matrix = _from_land_cover(data, opening, closing, area_tolerance, notes)
    long["area"] = long["area"] * out_factor
    long["unit"] = unit
    parts = [extent_cube(long, unit)]
    if matrix is not None:
        matrix["area"] = matrix["area"] * out_factor
        parts.append(matrix_cube(matrix, unit))
    cube = concat_cubes(parts)
    meta = _metadata(data, matrix is not None, unit, classification, crosswalk, area_method)
    meta["4.1"]["area_tolerance"] = area_tolerance
    checks = extent_checks(cube, area_tolerance)
    return ExtentAccount(long=long, cube=cube, metadata=meta, checks=checks, notes=notes,
                         transitions=matrix)  # fmt: skip


def _from_matrix(data, opening, closing, land_cover, area_tolerance, notes):
    """Long account [ha] and the summed transitions of a transitions table."""
    t = read_transitions(data)
    if opening is not None or closing is not None:
        t = _select_period(t, opening, closing)
    long = extent_kernel(t)
    if land_cover is not None:
        compare_with_land_cover(long, read_land_cover(land_cover), area_tolerance)
    keys = ["region_code", "year_from", "year_to", "from_class", "to_class"]
    matrix = t.groupby(keys, sort=False)["area"].sum().reset_index()
    if "managed" not in t.columns:
        notes.append(text("seea.note_unmanaged_split"))
    return long, matrix


def _from_land_cover(data, opening, closing, area_tolerance, notes):
    """Long account [ha] (opening, net change, closing) of two land-cover years."""
    lc = read_land_cover(data)
    y0, y1 = _land_cover_years(lc, opening, closing)
    _check_regions(lc, y0, y1)
    _check_totals(lc, y0, y1, area_tolerance)
    notes.append(text("seea.note_no_matrix"))
    notes += _absent_notes(lc, y0, y1)
    return land_cover_kernel(lc, y0, y1), None


def _select_period(t: pd.DataFrame, opening: int | None, closing: int | None) -> pd.DataFrame:
    keep = np.ones(len(t), dtype=bool)
    if opening is not None:
        keep &= t["year_from"].to_numpy() == int(opening)
    if closing is not None:
        keep &= t["year_to"].to_numpy() == int(closing)
    if not keep.any():
        periods = sorted(
            {period_code(a, b) for a, b in zip(t["year_from"], t["year_to"], strict=True)}
        )
        raise InputError(
            text("seea.no_period", opening=opening, closing=closing, periods=", ".join(periods)),
            hint=text("seea.hint_no_period"), table=TRANSITIONS,
        )  # fmt: skip
    return t[keep].reset_index(drop=True)


def _land_cover_years(lc: pd.DataFrame, opening, closing) -> tuple[int, int]:
    present = sorted(int(y) for y in lc["year"].unique())
    if opening is None and closing is None:
        if len(present) != 2:
            raise InputError(
                text("seea.years_needed", years=present), hint=text("seea.hint_years_needed"),
                table=LAND_COVER,
            )  # fmt: skip
        return present[0], present[1]
    if opening is None or closing is None or int(closing) <= int(opening):
        raise InputError(
            text("seea.years_order", opening=opening, closing=closing),
            hint=text("seea.hint_years_needed"), table=LAND_COVER,
        )  # fmt: skip
    for y in (int(opening), int(closing)):
        if y not in present:
            raise InputError(
                text("seea.year_missing", year=y, years=present),
                hint=text("seea.hint_years_needed"), table=LAND_COVER,
            )  # fmt: skip
    return int(opening), int(closing)


def _absent_notes(lc: pd.DataFrame, y0: int, y1: int) -> list:
    """Notes on classes a region reports in one year only (counted as 0 ha in the other)."""
    have = lc.groupby(["region_code", "ecosystem_type"], sort=True)["year"].agg(set)
    out = []
    for y, other in ((y0, y1), (y1, y0)):
        miss = have[have.map(lambda ys, y=y, o=other: o in ys and y not in ys)]
        if len(miss):
            pairs = [f"{r} {k}" for r, k in miss.index[:5]]
            out.append(text("seea.note_absent_class", year=y, pairs=", ".join(pairs), n=len(miss)))
    return out


def _check_regions(lc: pd.DataFrame, y0: int, y1: int) -> None:
    r0 = set(lc.loc[lc["year"] == y0, "region_code"])
    r1 = set(lc.loc[lc["year"] == y1, "region_code"])
    if r0 != r1:
        raise InputError(
            text("seea.regions_differ", y0=y0, y1=y1, only0=sorted(r0 - r1)[:5],
                 only1=sorted(r1 - r0)[:5]),
            hint=text("seea.hint_regions_differ"), table=LAND_COVER,
        )  # fmt: skip


def _check_totals(lc: pd.DataFrame, y0: int, y1: int, rtol: float) -> None:
    tot = lc[lc["year"].isin([y0, y1])].pivot_table(
        index="region_code", columns="year", values="area", aggfunc="sum", sort=True
    )
    diff = (tot[y1] - tot[y0]).abs()
    bad = diff > rtol * np.maximum(tot[y0].abs(), 1.0)
    if bad.any():
        r = bad.idxmax()
        raise InputError(
            text("seea.total_changed", region=r, y0=y0, y1=y1, a0=tot.loc[r, y0],
                 a1=tot.loc[r, y1], n=int(bad.sum())),
            hint=text("seea.hint_total_changed"), table=LAND_COVER,
        )  # fmt: skip


def compare_with_land_cover(long: pd.DataFrame, lc: pd.DataFrame, rtol: float) -> None:
    """Raise if the matrix margins disagree with a land-cover table given alongside.

    The opening (row sums) is compared with the land cover of ``year_from`` and the closing
    (column sums) with that of ``year_to``, wherever the land cover has that region and year;
    a class missing on one side counts as 0 ha.
    """
    for item, ycol, what in (("opening", "year_from", "rows"), ("closing", "year_to", "columns")):
        acc = long[long["item"] == item].rename(columns={ycol: "year"})
        acc = acc.groupby(["region_code", "year", "ecosystem_type"], sort=False)["area"].sum()
        have = lc.set_index(["region_code", "year"]).index.unique()
        acc = acc[acc.index.droplevel("ecosystem_type").isin(have)]
        ref = lc.set_index(["region_code", "year", "ecosystem_type"])["area"]
        ref = ref[ref.index.droplevel("ecosystem_type").isin(acc.index.droplevel("ecosystem_type"))]
        both = pd.concat([acc.rename("matrix"), ref.rename("land_cover")], axis=1).fillna(0.0)
        diff = (both["matrix"] - both["land_cover"]).abs()
        scale = np.maximum(both[["matrix", "land_cover"]].abs().max(axis=1), 1.0)
        bad = both[diff > rtol * scale]
        if len(bad):
            (r, y, k), row = next(iter(bad.iterrows()))
            raise InputError(
                text("seea.margin_mismatch", what=text(f"seea.margin_{what}"), region=r, year=y,
                     cls=k, matrix=row["matrix"], land_cover=row["land_cover"], n=len(bad)),
                hint=text("seea.hint_margin_mismatch"), table=TRANSITIONS,
                region_code=r, year=int(y), ecosystem_type=k,
            )  # fmt: skip


def _metadata(data, has_matrix, unit, classification, crosswalk, area_method) -> dict:
    cov = getattr(data, "attrs", {}).get("coverage") or {}
    base = {
        "classification": classification or "as given in the input",
        "crosswalk": crosswalk if isinstance(crosswalk, str | type(None)) else dict(crosswalk),
        "area_method": area_method or cov.get("method") or "tabular input",
        "unit": unit,
        "status": "released",
        "source": "change matrix" if has_matrix else "land cover (no change matrix)",
    }
    if cov:
        base["coverage"] = {k: v for k, v in cov.items() if k != "unmapped"}
    meta = {"4.1": dict(base)}
    if has_matrix:
        meta["4.2"] = dict(base)
    return meta
