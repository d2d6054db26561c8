"""What the SEEA accounts read from geep ledgers: values, areas and unit values by ecosystem type.

Only the public Ledger API is used (``Ledger.lines``, ``.meta``, ``.status``). Values of
different currencies or price years are never added (a :class:`~geep.errors.PriceYearError`
says how to convert). Areas come from a land-cover table given alongside, or from the ledger's
own lines whose quantity is an area (ESV and benefit-transfer lines: quantity = area of the
ecosystem type [ha]); the lines of one type must then all state the same area.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from ..errors import InputError, PriceYearError
from ..ledger import Ledger
from ..messages import text
from ..status import worst
from ..units import factor, parse_unit, ureg

#: ecosystem type of ledger lines that carry none (e.g. GEP lines by region)
ALL_TYPES = "all"
_AREA = ureg.ha.dimensionality


def lines_of(ledger: Ledger, what: str = "ledger") -> pd.DataFrame:
    """The lines of ``ledger`` (a copy), with an ``ecosystem_type`` column (``all`` if none)."""
    if not isinstance(ledger, Ledger):
        raise InputError(
            text("seea.not_ledger", what=what, kind=type(ledger).__name__),
            hint=text("seea.hint_ledger"),
        )
    lines = ledger.lines
    if lines.empty:
        raise InputError(text("seea.empty_ledger", what=what), hint=text("seea.hint_ledger"))
    for c in ("region_code", "ecosystem_type"):
        if c not in lines.columns:
            lines[c] = ALL_TYPES
        lines[c] = lines[c].astype(object).where(lines[c].notna(), ALL_TYPES).astype(str)
    for c in _TEXT:  # plain text (not categoricals) for the joins and string operations here
        if c in lines.columns:
            col = lines[c].astype(object)
            lines[c] = col.where(col.notna(), None)
    return lines


_TEXT = ("account", "category", "service", "indicator", "quantity_unit", "value_unit", "method")


def money_basis(frames: Sequence[pd.DataFrame]) -> tuple[str, int | None]:
    """The one money unit and price year of ``frames``' lines; else :class:`PriceYearError`."""
    units = sorted({str(u) for f in frames for u in f["value_unit"].dropna().unique()})
    years = sorted({int(y) for f in frames for y in f["price_year"].dropna().unique()})
    if len(units) > 1 or len(years) > 1:
        raise PriceYearError(
            text("seea.mixed_money", units=units, years=years), hint=text("seea.hint_mixed_money")
        )
    return (units[0] if units else "CNY"), (years[0] if years else None)


def type_values(lines: pd.DataFrame) -> pd.Series:
    """Value per (region_code, year, ecosystem_type) [money/a]."""
    return lines.groupby(["region_code", "year", "ecosystem_type"], sort=True)["value"].sum()


def areas_from_lines(lines: pd.DataFrame, what: str = "ledger") -> pd.Series:
    """Area per (region_code, year, ecosystem_type) [ha] from lines whose quantity is an area.

    Raises
    ------
    InputError
        If the ledger has no area quantities, or the lines of one type state different areas.
    """
    units = lines["quantity_unit"].astype(object).where(lines["quantity_unit"].notna(), None)
    uniq = [u for u in pd.unique(units) if u is not None]
    facs = {}
    for u in uniq:  # one parse per distinct unit
        try:
            pu = parse_unit(str(u))
        except Exception:
            continue
        if pu.dimensionality == _AREA:
            facs[u] = factor(pu, "ha")
    is_area = units.isin(list(facs)).to_numpy()
    if not is_area.any():
        raise InputError(text("seea.no_areas", what=what), hint=text("seea.hint_no_areas"))
    sub = lines[is_area]
    ha = sub["quantity"].to_numpy(dtype=float) * sub["quantity_unit"].map(facs).to_numpy(
        dtype=float
    )
    g = pd.Series(
        ha, index=pd.MultiIndex.from_frame(sub[["region_code", "year", "ecosystem_type"]])
    )
    g = g.groupby(level=[0, 1, 2], sort=True)
    lo, hi = g.min(), g.max()
    bad = (hi - lo) > 1e-9 * np.maximum(hi.abs(), 1.0)
    if bad.any():
        r, y, k = bad[bad].index[0]
        raise InputError(
            text("seea.areas_disagree", what=what, region=r, year=y, cls=k, lo=lo[(r, y, k)],
                 hi=hi[(r, y, k)]),
            hint=text("seea.hint_areas_disagree"),
        )  # fmt: skip
    return hi.rename("area")


def areas(lines: pd.DataFrame, land_cover: pd.DataFrame | None, what: str = "ledger") -> pd.Series:
    """Area per (region_code, year, ecosystem_type) [ha]: from ``land_cover`` when given,
    else from the ledger's area quantities."""
    if land_cover is None:
        return areas_from_lines(lines, what)
    from .extent import read_land_cover

    lc = read_land_cover(land_cover)
    return lc.groupby(["region_code", "year", "ecosystem_type"], sort=True)["area"].sum()


def unit_values(
    values: pd.Series, area: pd.Series, zero_value: Sequence[str], what: str
) -> pd.DataFrame:
    """Value, area and value per area of every (region, year, type) that has an area.

    Types with an area but no value must be listed in ``zero_value`` (valued at 0, flagged);
    values without an area are an error (a value per area needs the area).
    """
    both = pd.concat([values.rename("value"), area.rename("area")], axis=1)
    no_area = both["area"].isna() & both["value"].notna()
    if no_area.any():
        r, y, k = both.index[no_area.to_numpy()][0]
        raise InputError(
            text("seea.value_without_area", what=what, region=r, year=y, cls=k),
            hint=text("seea.hint_value_without_area"),
        )  # fmt: skip
    missing = both["value"].isna()
    unknown = sorted({k for (_, _, k) in both.index[missing.to_numpy()]} - set(zero_value))
    if unknown:
        raise InputError(
            text("seea.area_without_value", what=what, classes=unknown),
            hint=text("seea.hint_area_without_value", classes=unknown),
        )
    both["flags"] = np.where(missing, "valued_zero", "")
    both["value"] = both["value"].fillna(0.0)
    with np.errstate(divide="ignore", invalid="ignore"):
        both["unit_value"] = np.where(both["area"] > 0, both["value"] / both["area"], np.nan)
    return both.reset_index()


def methods_of(frames: Sequence[pd.DataFrame]) -> list[str]:
    """The distinct ``method`` labels (the valuation techniques) of the lines used."""
    out: list[str] = []
    for f in frames:
        for m in pd.unique(f["method"].dropna().astype(str)):
            if m not in out:
                out.append(m)
    return out


def status_of(ledgers: Sequence[Ledger]) -> str:
    """The worst status of ``ledgers`` (released < provisional < draft)."""
    return worst(lg.status for lg in ledgers)
