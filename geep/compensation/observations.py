"""Observations and flows of a compensation run: the domain's checks on normalised tables.

A table arrives either already normalised by the shared reader (a workbook or CSV read with
:func:`geep.compensation.io.read_inputs`) or as a DataFrame, which goes through the same
normaliser here (:data:`~geep.compensation.tables.OBSERVATIONS`,
:data:`~geep.compensation.tables.FLOWS`): headers in English or Chinese, units in a ``unit``
column or the header, statuses and indicators from their vocabularies (``NA`` and other
ambiguous markers refused), look-alike section ids refused, values finite after conversion.
What is left is the domain's: sections the scheme knows, which rows need a value, water
classes 1–6, physical bounds of concentrations and flows, indicators the scheme does not use.
Every problem is reported at its cell; excluded observations keep NaN as their value (never
zero).

References
----------
DESIGN §4 (``monitoring``/``flows`` tables) and §7; compensation.md §5.1 (Observation,
FlowObservation), §5.4 (data gaps are excluded, not zeros).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd

from ..inputs.columns import map_headers
from ..inputs.normalise import POSITION, FrameRefs, Locator, normalise
from ..inputs.report import Issue
from ..inputs.spec import TableDef
from ..inputs.vocabularies import suggest
from ..messages import text
from .model import EXCLUDED
from .tables import FLOWS, OBSERVATIONS
from .vocabulary import CONCENTRATION_MAX, FLOW_MAX, INDEX_MAX

Where = Callable[[int, str | None], str]
#: ``frame.attrs`` key of a table normalised by the input layer (its spec's name)
NORMALISED = "geep_table"
OBS_COLUMNS = ["section_id", "period", "year", "month", "indicator", "value", "status",
               "input_ref"]  # fmt: skip
FLOW_COLUMNS = ["section_id", "period", "year", "month", "flow_rate", "volume", "flow_status",
                "flow_ref"]  # fmt: skip


def default_where(table: str) -> Where:
    return FrameRefs(table)


def normalised(
    frame: pd.DataFrame, spec: TableDef, where: Where | None, table: str
) -> tuple[pd.DataFrame, Locator, list[Issue]]:
    """``frame`` through the one normaliser (unless the reader did it already), the locator
    of its rows' cells, and the issues found."""
    if frame.attrs.get(NORMALISED) == spec.name and POSITION in frame.columns:
        loc = where if isinstance(where, Locator) else Locator(where or FrameRefs(table))
        return frame, loc, []
    refs = where if where is not None else FrameRefs(table)
    df, issues = normalise(frame, spec, where=refs, source=table)
    df.attrs[NORMALISED] = spec.name
    return df, Locator(refs, map_headers(spec, frame.columns).mapping), issues


def _issue(table: str, where: str, column: str | None, value, problem, hint="",
           severity: str = "error") -> Issue:  # fmt: skip
    return Issue(table, where, column, None if value is None else str(value), problem, hint,
                 severity)  # fmt: skip


def _text(col: pd.Series) -> np.ndarray:
    """A (categorical) text column as an object array (None where empty)."""
    return col.astype(object).where(col.notna(), None).to_numpy(dtype=object)


def _periods(period: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """``(year, month)`` of canonical periods (``YYYY`` or ``YYYY-MM``; month 0 for a year),
    computed once per distinct period."""
    cat = pd.Categorical(period)
    cats = [str(c) for c in cat.categories]
    years = np.array([int(c[:4]) for c in cats] + [0], dtype=np.int64)
    months = np.array([int(c[5:7]) if len(c) > 4 else 0 for c in cats] + [0], dtype=np.int64)
    codes = np.where(cat.codes < 0, len(cats), cat.codes)
    return years[codes], months[codes]


def _unknown_sections(sid: np.ndarray, pos: np.ndarray, sections: set[str], loc: Locator,
                      table: str) -> list[Issue]:  # fmt: skip
    """One issue per distinct unknown section id, at its first row, with every other row
    listed (up to 20) and counted."""
    bad = ~pd.Series(sid).isin(sections).to_numpy()
    out: list[Issue] = []
    if not bad.any():
        return out
    rows = pd.Series(np.flatnonzero(bad)).groupby(sid[bad], sort=False)
    for s, idx in rows:
        first, rest = int(idx.iat[0]), idx.iloc[1:].tolist()
        also = ""
        if rest:
            shown = ", ".join(loc(pos[i], "section_id") for i in rest[:20])
            also = text(
                "obs.also_in", n=len(rest), rows=shown + (", ..." if len(rest) > 20 else "")
            )
        problem = text("obs.section_unknown", suggestion=suggest(s, sorted(sections))) + also
        out.append(_issue(table, loc(pos[first], "section_id"), "section_id", s, problem,
                          text("hint.obs.section")))  # fmt: skip
    return out


def _at(mask: np.ndarray, pos, loc: Locator, table: str, column: str, values, problem,
        hint="") -> list[Issue]:  # fmt: skip
    """One issue at the ``column`` cell of every row in ``mask``."""
    return [_issue(table, loc(pos[i], column), column, values[i], problem, hint)
            for i in np.flatnonzero(mask)]  # fmt: skip


def normalise_observations(
    frame: pd.DataFrame,
    sections: set[str],
    used_indicators: set[str],
    where: Where | None = None,
    table: str = "observations",
) -> tuple[pd.DataFrame, list[Issue]]:
    """Validate and normalise an observations table.

    Returns the canonical frame (``section_id, period, year, month, indicator, value,
    status, input_ref``; concentrations in mg/L, NaN for excluded rows) and every issue.
    """
    df, loc, issues = normalised(frame, OBSERVATIONS, where, table)
    if df.empty or "section_id" not in df.columns:
        return pd.DataFrame(columns=OBS_COLUMNS), issues
    pos = df[POSITION].to_numpy()
    sid, ind, status = _text(df["section_id"]), _text(df["indicator"]), _text(df["status"])
    value = df["value"].to_numpy(dtype="float64")
    issues += _unknown_sections(sid, pos, sections, loc, table)
    valid = status == "valid"
    issues += _at(valid & np.isnan(value), pos, loc, table, "value", [None] * len(value),
                  text("obs.value_empty"), text("hint.obs.value"))  # fmt: skip
    wc = valid & (ind == "water_class") & np.isfinite(value)
    issues += _at(wc & ~np.isin(value, [1, 2, 3, 4, 5, 6]), pos, loc, table, "value", value,
                  text("obs.water_class"))  # fmt: skip
    excluded = ~valid & np.isin(status, EXCLUDED) & np.isfinite(value)
    if excluded.any():
        i = int(np.flatnonzero(excluded)[0])
        issues.append(_issue(table, loc(pos[i], "value"), "value", value[i],
                             text("obs.excluded_values", n=int(excluded.sum())), severity="note"))  # fmt: skip
    issues += _physical(table, loc, pos, ind, value, valid)
    unused = ~pd.Series(ind).isin(used_indicators).to_numpy()
    if unused.any():
        names = ", ".join(sorted(set(ind[unused])))
        issues.append(_issue(table, table, "indicator", names,
                             text("obs.unused", n=int(unused.sum()), names=names),
                             severity="warning"))  # fmt: skip
    year, month = _periods(df["period"])
    out = pd.DataFrame({
        "section_id": sid, "period": _text(df["period"]), "year": year, "month": month,
        "indicator": ind, "value": np.where(valid, value, np.nan), "status": status,
        "input_ref": _text(df["input_ref"]),
    })  # fmt: skip
    return out, issues


def _physical(table, loc: Locator, pos, ind, value, valid) -> list[Issue]:
    """Values of valid rows above the physical bound of their indicator
    (:data:`~geep.compensation.vocabulary.CONCENTRATION_MAX` [mg/L],
    :data:`~geep.compensation.vocabulary.INDEX_MAX`): errors at the value cell."""
    bound = pd.Series(ind).map(CONCENTRATION_MAX).astype("float64").to_numpy()
    bound = np.where(ind == "index", INDEX_MAX, bound)
    above = valid & np.isfinite(value) & (value > np.nan_to_num(bound, nan=np.inf))
    out = []
    for i in np.flatnonzero(above):
        to = "mg/L" if ind[i] != "index" else ""
        out.append(_issue(table, loc(pos[i], "value"), "value", value[i],
                          text("obs.above_physical", converted=value[i], to=to, bound=bound[i],
                               indicator=ind[i]),
                          text("hint.obs.above_physical")))  # fmt: skip
    return out


def normalise_flows(
    frame: pd.DataFrame, sections: set[str], where: Where | None = None, table: str = "flows"
) -> tuple[pd.DataFrame, list[Issue]]:
    """Validate and normalise a flows table: ``section_id, period, flow`` (+ ``unit``,
    ``status``). A rate (m³/s) or a volume per period (m³, 万m3, 亿m3) is accepted; the result
    has both ``flow_rate`` [m³/s] and ``volume`` [m³ in the period]."""
    df, loc, issues = normalised(frame, FLOWS, where, table)
    if df.empty or "section_id" not in df.columns:
        return pd.DataFrame(columns=FLOW_COLUMNS), issues
    pos = df[POSITION].to_numpy()
    sid, status = _text(df["section_id"]), _text(df["status"])
    flow = df["flow"].to_numpy(dtype="float64")
    issues += _unknown_sections(sid, pos, sections, loc, table)
    valid = status == "valid"
    issues += _at(valid & np.isnan(flow), pos, loc, table, "flow", [None] * len(flow),
                  text("obs.flow_empty"), text("hint.obs.flow"))  # fmt: skip
    year, month = _periods(df["period"])
    seconds = _seconds(year, month)
    is_rate = _text(df["flow_unit"]) == "m**3/s"
    rate = np.where(is_rate, flow, flow / seconds)
    volume = np.where(is_rate, flow * seconds, flow)
    for i in np.flatnonzero(valid & np.isfinite(rate) & (rate > FLOW_MAX)):
        issues.append(_issue(table, loc(pos[i], "flow"), "flow", flow[i],
                             text("obs.flow_above", rate=rate[i], bound=FLOW_MAX),
                             text("hint.obs.flow_unit")))  # fmt: skip
    out = pd.DataFrame({
        "section_id": sid, "period": _text(df["period"]), "year": year, "month": month,
        "flow_rate": np.where(valid, rate, np.nan), "volume": np.where(valid, volume, np.nan),
        "flow_status": status, "flow_ref": _text(df["input_ref"]),
    })  # fmt: skip
    return out, issues


def _seconds(year: np.ndarray, month: np.ndarray) -> np.ndarray:
    """Seconds in each period: the month's days, or the year's (365 or 366) [s]."""
    y = pd.Series(np.clip(year, 1900, 2200))
    start = pd.to_datetime(dict(year=y, month=np.where(month > 0, month, 1), day=1),
                           errors="coerce")  # fmt: skip
    days = np.where(month > 0, start.dt.days_in_month, 365 + start.dt.is_leap_year.astype(int))
    return days * 86400.0


__all__ = ["FLOW_COLUMNS", "NORMALISED", "OBS_COLUMNS", "default_where", "normalise_flows",
           "normalise_observations", "normalised"]  # fmt: skip
