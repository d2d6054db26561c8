"""Validation and normalisation of compensation inputs: observations, flows, sections.

Pure functions over DataFrames (no file access): headers in English or Chinese, units in a
``unit`` column or in the header, statuses from the explicit vocabulary of
:mod:`geep.compensation.vocabulary` (``valid``/``dry``/``frozen``/``missing`` or 有效, 断流, 结冰,
缺测; ``NA`` and other ambiguous markers are refused). Section ids are normalised (NFKC, format
characters removed) and must then be plain ASCII ids; values above the physical bound of
their indicator, or not finite after unit conversion, are errors at their cell. Every problem
is reported with its location; excluded observations keep NaN as their value (never zero).

References
----------
DESIGN §4 (``monitoring``/``flows`` tables) and §7; compensation.md §5.1 (Observation,
FlowObservation), §5.4 (data gaps are excluded, not zeros).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd

from ..errors import GeepError
from ..ids import clean_id, id_problem
from ..inputs.report import Issue
from ..messages import did_you_mean, msg
from ..units import factor, parse_unit, split_header
from .model import DERIVED_INDICATORS, EXCLUDED
from .vocabulary import AMBIGUOUS_STATUS, CONCENTRATION_MAX, FLOW_MAX, INDEX_MAX, STATUS_ALIASES

Where = Callable[[int, str | None], str]

HEADERS: dict[str, tuple[str, ...]] = {
    "section_id": ("section_id", "section", "断面", "断面编号", "断面代码", "断面名称"),
    "period": ("period", "month", "year", "时段", "月份", "期间", "年份", "时间"),
    "indicator": ("indicator", "pollutant", "指标", "污染物", "监测项目", "项目"),
    "value": ("value", "concentration", "监测值", "浓度", "数值", "值"),
    "flow": ("flow", "value", "volume", "流量", "水量", "径流量"),
    "unit": ("unit", "单位", "计量单位"),
    "status": ("status", "状态", "监测状态"),
}
INDICATOR_ALIASES = {
    "cod": "cod", "codcr": "cod", "化学需氧量": "cod",
    "nh3n": "nh3n", "nh3-n": "nh3n", "nh3_n": "nh3n", "氨氮": "nh3n",
    "tp": "tp", "总磷": "tp", "tp_river": "tp_river", "tp_lake": "tp_lake",
    "tn": "tn", "总氮": "tn",
    "codmn": "codmn", "高锰酸盐指数": "codmn",
    "do": "do", "溶解氧": "do",
    "water_class": "water_class", "class": "water_class", "水质类别": "water_class",
    "index": "index", "指数": "index", "综合污染指数": "index", "污染指数": "index",
}  # fmt: skip
_YEAR = re.compile(r"^\s*(\d{4})(?:\.0+)?\s*$")
_MONTH = re.compile(r"^\s*(\d{4})\s*(?:[-/.年]\s*(\d{1,2})\s*月?|(\d{2}))(?:[-/ T].*)?\s*$")


def _fold(text: object) -> str:
    return unicodedata.normalize("NFKC", str(text)).strip().lower()


def default_where(table: str) -> Where:
    return lambda i, col: f"{table}[{i}]"


def _columns(frame: pd.DataFrame, wanted: tuple[str, ...], table: str) -> tuple[dict, str | None]:
    """Map canonical names → frame columns; returns (mapping, unit from a value header)."""
    found: dict[str, str] = {}
    header_unit = None
    for col in frame.columns:
        name, unit = split_header(str(col))
        key = _fold(name)
        for canon in wanted:
            if canon not in found and key in {_fold(a) for a in HEADERS[canon]}:
                found[canon] = col
                if unit and canon in ("value", "flow"):
                    header_unit = unit
                break
    return found, header_unit


def by_unique(values: pd.Series, fn: Callable[[Any], Any]) -> pd.Series:
    """Apply ``fn`` once per distinct value (missing values as ``None``) and broadcast back:
    cleaning ids, units, statuses and periods costs O(distinct values), not O(rows)."""
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    mapped = np.empty(len(uniques) + 1, dtype=object)
    for k, u in enumerate(uniques):
        mapped[k] = fn(u)
    mapped[-1] = fn(None)
    return pd.Series(mapped[codes], index=values.index)


def _text(v: Any) -> str:
    return (
        ""
        if v is None or (not isinstance(v, str) and pd.isna(v))
        else unicodedata.normalize("NFKC", str(v)).strip()
    )


def _parse_period(v: Any) -> tuple[str, int, int, bool]:
    if v is None or (not isinstance(v, str) and pd.isna(v)):
        return ("", 0, 0, False)
    if hasattr(v, "strftime"):
        return (f"{v.year}-{v.month:02d}", int(v.year), int(v.month), 1900 <= v.year <= 2200)
    t = unicodedata.normalize("NFKC", str(v))
    m = _YEAR.match(t)
    if m:
        y = int(m.group(1))
        return (str(y), y, 0, 1900 <= y <= 2200)
    m = _MONTH.match(t)
    if m:
        y, mo = int(m.group(1)), int(m.group(2) or m.group(3))
        return (f"{y}-{mo:02d}", y, mo, 1 <= mo <= 12 and 1900 <= y <= 2200)
    return ("", 0, 0, False)


def parse_periods(raw: pd.Series) -> pd.DataFrame:
    """Parse periods into ``period`` (``YYYY`` / ``YYYY-MM``), ``year``, ``month`` (0 for a
    year) and ``ok``. Accepts 2021, "2021-03", "2021-3", "2021/03", "2021年3月", "202103",
    dates and Excel datetimes."""
    parsed = by_unique(raw, _parse_period)
    out = pd.DataFrame(parsed.tolist(), columns=["period", "year", "month", "ok"], index=raw.index)
    out["year"] = out["year"].astype("int64")
    out["month"] = out["month"].astype("int64")
    out["ok"] = out["ok"].astype(bool)
    return out


def _numbers(col: pd.Series) -> pd.Series:
    """Numbers of a column; text numbers (also fullwidth) accepted; NaN where not a number."""
    if pd.api.types.is_numeric_dtype(col):
        return col.astype("float64")
    num = pd.to_numeric(col, errors="coerce")
    retry = num.isna() & col.notna()
    if retry.any():
        num[retry] = pd.to_numeric(
            col[retry].map(lambda v: _fold(v).replace(",", "")), errors="coerce"
        )
    return num.astype("float64")


def _issue(table: str, where: str, column: str | None, value: Any, problem: str, hint: str = "",
           severity: str = "error") -> Issue:  # fmt: skip
    return Issue(
        table, where, column, None if value is None else str(value), problem, hint, severity
    )


def _unknown_sections(
    sid: pd.Series, sections: set[str], loc: Callable[[int], str], table: str
) -> list[Issue]:
    """One issue per distinct unknown section id, at its first row, with every other row
    listed (up to 20) and counted."""
    plain = by_unique(sid, lambda v: v is None or id_problem(v) is None).to_numpy(dtype=bool)
    bad = ~sid.isin(sections).to_numpy() & plain
    out = []
    if not bad.any():
        return out
    rows = pd.Series(np.flatnonzero(bad)).groupby(sid.to_numpy()[bad], sort=False)
    for s, idx in rows:
        first, rest = int(idx.iat[0]), idx.iloc[1:].tolist()
        also = ""
        if rest:
            shown = ", ".join(loc(int(i)) for i in rest[:20])
            also = msg("obs.also_in", n=len(rest), rows=shown + (", ..." if len(rest) > 20 else ""))
        problem = (
            msg("obs.section_empty")
            if s == ""
            else msg("obs.section_unknown", suggestion=did_you_mean(s, sorted(sections)))
        )
        out.append(_issue(table, loc(first), "section_id", s, problem + also,
                          msg("hint.obs.section")))  # fmt: skip
    return out


def _require(frame: pd.DataFrame, cols: dict, need: tuple[str, ...], table: str) -> list[Issue]:
    out = []
    for c in need:
        if c not in cols:
            out.append(
                _issue(table, table, c, None, msg("obs.column_missing", column=c),
                       msg("hint.obs.column_missing", column=c, aliases=", ".join(HEADERS[c][1:4])))
            )  # fmt: skip
    return out


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
    where = where or default_where(table)
    cols, header_unit = _columns(
        frame, ("section_id", "period", "indicator", "value", "unit", "status"), table
    )
    issues = _require(frame, cols, ("section_id", "period", "indicator", "value"), table)
    if issues:
        return pd.DataFrame(), issues
    f, pos, sid, periods, status, value, units = _common(
        frame, cols, header_unit, "value", sections, where, table, issues
    )
    ind_raw = by_unique(f[cols["indicator"]], lambda v: _text(v).lower().replace(" ", ""))
    indicator = ind_raw.map(INDICATOR_ALIASES)
    for i in np.flatnonzero(indicator.isna().to_numpy()):
        issues.append(_issue(table, where(i, cols["indicator"]), "indicator", f[cols["indicator"]].iat[i],
                             msg("obs.indicator_unknown", suggestion=did_you_mean(ind_raw.iat[i], sorted(set(INDICATOR_ALIASES.values())))),
                             msg("hint.obs.indicator")))  # fmt: skip
    is_valid = (status == "valid").to_numpy()
    bad_num = is_valid & ~np.isfinite(value.to_numpy())
    for i in np.flatnonzero(bad_num):
        raw = f[cols["value"]].iat[i]
        empty = raw is None or (isinstance(raw, float) and np.isnan(raw)) or str(raw).strip() == ""
        issues.append(_issue(table, where(i, cols["value"]), "value", raw,
                             msg("obs.value_empty") if empty else msg("obs.value_not_number"),
                             msg("hint.obs.value")))  # fmt: skip
    neg = is_valid & (value.to_numpy() < 0)
    for i in np.flatnonzero(neg):
        issues.append(
            _issue(table, where(i, cols["value"]), "value", value.iat[i], msg("obs.value_negative"))
        )
    # units: concentrations → mg/L; class and index are pure numbers
    conc = indicator.notna() & ~indicator.isin(DERIVED_INDICATORS)
    conv = pd.Series(1.0, index=pos)
    for u in sorted(units[conc].unique()):
        rows = conc & (units == u)
        if u == "":
            first = int(np.flatnonzero(rows.to_numpy())[0])
            issues.append(_issue(table, where(first, cols.get("unit")), "unit", "",
                                 msg("obs.no_unit", n=int(rows.sum())), severity="note"))  # fmt: skip
            continue
        try:
            conv[rows] = factor(u, "mg/L")
        except GeepError as exc:
            for i in np.flatnonzero(rows.to_numpy()):
                issues.append(_issue(table, where(i, cols.get("unit")), "unit", u, str(exc)))
    wc = is_valid & (indicator == "water_class").to_numpy()
    bad_wc = wc & ~(np.isin(value.to_numpy(), [1, 2, 3, 4, 5, 6]))
    for i in np.flatnonzero(bad_wc & np.isfinite(value.to_numpy())):
        issues.append(_issue(table, where(i, cols["value"]), "value", value.iat[i],
                             msg("obs.water_class")))  # fmt: skip
    excluded_with_value = (
        ~is_valid & status.isin(EXCLUDED).to_numpy() & np.isfinite(value.to_numpy())
    )
    if excluded_with_value.any():
        first = int(np.flatnonzero(excluded_with_value)[0])
        issues.append(_issue(table, where(first, cols["value"]), "value", value.iat[first],
                             msg("obs.excluded_values", n=int(excluded_with_value.sum())), severity="note"))  # fmt: skip
    converted = value * conv
    issues += _physical(table, where, cols, f[cols["value"]], units, indicator, converted, is_valid)
    out = pd.DataFrame(
        {
            "section_id": sid,
            "period": periods["period"],
            "year": periods["year"],
            "month": periods["month"],
            "indicator": indicator,
            "value": np.where(is_valid, converted, np.nan),
            "status": status,
            "input_ref": [where(i, cols["value"]) for i in range(len(f))],
        }
    )
    dup = (
        out.duplicated(["section_id", "period", "indicator"], keep="first")
        & out["indicator"].notna()
    )
    if dup.any():
        first_of = (
            out.reset_index()
            .groupby(["section_id", "period", "indicator"])["index"]
            .transform("first")
        )
        for i in np.flatnonzero(dup.to_numpy()):
            issues.append(_issue(table, where(i, cols["section_id"]), "section_id", sid.iat[i],
                                 msg("obs.duplicate", indicator=out["indicator"].iat[i], period=out["period"].iat[i],
                                     first=where(int(first_of.iat[i]), cols["section_id"])),
                                 msg("hint.obs.duplicate")))  # fmt: skip
    unused = out["indicator"].notna() & ~out["indicator"].isin(used_indicators)
    if unused.any():
        names = ", ".join(sorted(out.loc[unused, "indicator"].unique()))
        issues.append(_issue(table, table, "indicator", names,
                             msg("obs.unused", n=int(unused.sum()), names=names), severity="warning"))  # fmt: skip
    return out, issues


def _common(frame, cols, header_unit, value_col, sections, where, table, issues):
    """Columns shared by observations and flows — section, period, status, value, unit —
    parsed once per distinct cell; their problems are appended to ``issues``."""
    f = frame.reset_index(drop=True)
    pos = pd.RangeIndex(len(f))
    cleaned = by_unique(f[cols["section_id"]], lambda v: clean_id(None if _text(v) == "" else v))
    sid = cleaned.str[0]
    periods = parse_periods(f[cols["period"]])
    status_raw = (
        by_unique(f[cols["status"]], lambda v: _text(v).lower())
        if "status" in cols
        else pd.Series("", index=pos)
    )
    status = status_raw.map(STATUS_ALIASES).where(status_raw != "", "valid")
    issues += _id_issues(
        f[cols["section_id"]], cleaned, lambda i: where(i, cols["section_id"]), table
    )
    value = _numbers(f[cols[value_col]])
    units = (
        by_unique(f[cols["unit"]], _text)
        if "unit" in cols
        else pd.Series(header_unit or "", index=pos)
    )
    issues += _unknown_sections(sid, sections, lambda i: where(i, cols["section_id"]), table)
    for i in np.flatnonzero(~periods["ok"].to_numpy()):
        issues.append(_issue(table, where(i, cols["period"]), "period", f[cols["period"]].iat[i],
                             msg("obs.period"), msg("hint.obs.period")))  # fmt: skip
    for i in np.flatnonzero(status.isna().to_numpy()):
        raw = f[cols["status"]].iat[i]
        issues.append(_issue(table, where(i, cols.get("status")), "status", raw,
                             _status_problem(status_raw.iat[i], raw), msg("hint.obs.status")))  # fmt: skip
    return f, pos, sid, periods, status, value, units


def normalise_flows(
    frame: pd.DataFrame, sections: set[str], where: Where | None = None, table: str = "flows"
) -> tuple[pd.DataFrame, list[Issue]]:
    """Validate and normalise a flows table: ``section_id, period, flow`` (+ ``unit``,
    ``status``). A rate (m³/s) or a volume per period (m³, 万m3, 亿m3) is accepted; the result
    has both ``flow_rate`` [m³/s] and ``volume`` [m³ in the period]."""
    where = where or default_where(table)
    cols, header_unit = _columns(frame, ("section_id", "period", "flow", "unit", "status"), table)
    issues = _require(frame, cols, ("section_id", "period", "flow"), table)
    if issues:
        return pd.DataFrame(), issues
    f, pos, sid, periods, status, value, units = _common(
        frame, cols, header_unit, "flow", sections, where, table, issues
    )
    valid = (status == "valid").to_numpy()
    for i in np.flatnonzero(valid & ~(np.isfinite(value.to_numpy()) & (value.to_numpy() >= 0))):
        issues.append(_issue(table, where(i, cols["flow"]), "flow", f[cols["flow"]].iat[i],
                             msg("obs.flow_negative"), msg("hint.obs.flow")))  # fmt: skip
    seconds = _seconds(periods)
    rate = pd.Series(np.nan, index=pos)
    volume = pd.Series(np.nan, index=pos)
    for u in sorted(units.unique()):
        rows = (units == u).to_numpy()
        try:
            pu = parse_unit(u) if u else None
            if pu is None:
                raise ValueError(msg("obs.flow_unit"))
            if pu.dimensionality == parse_unit("m3/s").dimensionality:
                rate[rows] = value[rows] * factor(u, "m3/s")
                volume[rows] = rate[rows] * seconds[rows]
            else:
                volume[rows] = value[rows] * factor(u, "m3")
                rate[rows] = volume[rows] / seconds[rows]
        except (GeepError, ValueError) as exc:
            for i in np.flatnonzero(rows):
                issues.append(_issue(table, where(i, cols.get("unit")), "unit", u, str(exc),
                                     msg("hint.obs.flow_unit")))  # fmt: skip
    issues += _flow_bounds(table, where, cols, f[cols["flow"]], units, rate, valid)
    out = pd.DataFrame(
        {
            "section_id": sid,
            "period": periods["period"],
            "year": periods["year"],
            "month": periods["month"],
            "flow_rate": rate.where(valid),
            "volume": volume.where(valid),
            "flow_status": status,
            "flow_ref": [where(i, cols["flow"]) for i in range(len(f))],
        }
    )
    for i in np.flatnonzero(out.duplicated(["section_id", "period"]).to_numpy()):
        issues.append(_issue(table, where(i, cols["section_id"]), "section_id", sid.iat[i],
                             msg("obs.flow_duplicate", period=out["period"].iat[i])))  # fmt: skip
    return out, issues


def _seconds(periods: pd.DataFrame) -> pd.Series:
    year = periods["year"].clip(1900, 2200)
    month = periods["month"]
    start = pd.to_datetime(dict(year=year, month=month.where(month > 0, 1), day=1), errors="coerce")
    days = np.where(month > 0, start.dt.days_in_month, 365 + start.dt.is_leap_year.astype(int))
    return pd.Series(days * 86400.0, index=periods.index)


def _status_problem(folded: str, raw: Any) -> str:
    if folded in AMBIGUOUS_STATUS:
        return msg("obs.status_ambiguous", value=str(raw))
    return msg("obs.status_unknown", suggestion=did_you_mean(folded, sorted(STATUS_ALIASES)))


def _id_issues(
    raw: pd.Series, cleaned: pd.Series, loc: Callable[[int], str], table: str
) -> list[Issue]:
    """Errors for ids that are not plain ASCII after normalisation (one per distinct id, at
    its first row) and one note for ids whose invisible characters were removed."""
    out: list[Issue] = []
    sid = cleaned.str[0]
    bad = by_unique(sid, lambda v: None if v is None else id_problem(v))
    seen: set[str] = set()
    for i in np.flatnonzero(bad.notna().to_numpy()):
        if sid.iat[i] in seen:
            continue
        seen.add(sid.iat[i])
        ch, name = bad.iat[i]
        out.append(_issue(table, loc(int(i)), "section_id", raw.iat[i],
                          msg("obs.id_not_ascii", what=msg("obs.what.section"), value=sid.iat[i], char=ch, name=name),
                          msg("hint.obs.id_not_ascii")))  # fmt: skip
    changed = np.flatnonzero(cleaned.str[1].to_numpy(dtype=bool) & bad.isna().to_numpy())
    if len(changed):
        i = int(changed[0])
        out.append(_issue(table, loc(i), "section_id", raw.iat[i],
                          msg("obs.id_cleaned", n=len(changed), what=msg("obs.what.section"),
                              value=str(raw.iat[i]), clean=sid.iat[i]), severity="note"))  # fmt: skip
    return out


def _physical(table, where, cols, raw, units, indicator, converted, is_valid) -> list[Issue]:
    """Values of valid rows that are not finite after conversion, or above the physical bound
    of their indicator (:data:`~geep.compensation.vocabulary.CONCENTRATION_MAX` [mg/L],
    :data:`~geep.compensation.vocabulary.INDEX_MAX`): errors at the value cell."""
    bound = indicator.map(CONCENTRATION_MAX).astype("float64")
    bound = bound.where(indicator != "index", INDEX_MAX).to_numpy()
    conv = converted.to_numpy(dtype="float64")
    finite_raw = np.isfinite(pd.to_numeric(raw, errors="coerce").astype("float64").to_numpy())
    out = []
    inf = is_valid & ~np.isfinite(conv) & finite_raw
    for i in np.flatnonzero(inf):
        out.append(_issue(table, where(i, cols["value"]), "value", raw.iat[i],
                          msg("obs.not_finite", value=raw.iat[i], unit=units.iat[i], to="mg/L"),
                          msg("hint.obs.above_physical")))  # fmt: skip
    above = is_valid & np.isfinite(conv) & (conv > np.nan_to_num(bound, nan=np.inf))
    for i in np.flatnonzero(above):
        unit = units.iat[i] or ("mg/L" if indicator.iat[i] != "index" else "")
        out.append(_issue(table, where(i, cols["value"]), "value", raw.iat[i],
                          msg("obs.above_physical", value=raw.iat[i], unit=unit, converted=conv[i],
                              to="mg/L" if indicator.iat[i] != "index" else "", bound=bound[i],
                              indicator=indicator.iat[i]),
                          msg("hint.obs.above_physical")))  # fmt: skip
    return out


def _flow_bounds(table, where, cols, raw, units, rate, valid) -> list[Issue]:
    """Flows of valid rows that are not finite after conversion or above
    :data:`~geep.compensation.vocabulary.FLOW_MAX` [m³/s]."""
    r = rate.to_numpy(dtype="float64")
    num = pd.to_numeric(raw, errors="coerce").astype("float64").to_numpy()
    out = []
    for i in np.flatnonzero(
        valid & np.isfinite(num) & (num >= 0) & ~np.isfinite(r) & (units != "").to_numpy()
    ):
        out.append(_issue(table, where(i, cols["flow"]), "flow", raw.iat[i],
                          msg("obs.not_finite", value=raw.iat[i], unit=units.iat[i], to="m3/s"),
                          msg("hint.obs.flow_unit")))  # fmt: skip
    for i in np.flatnonzero(valid & np.isfinite(r) & (r > FLOW_MAX)):
        out.append(_issue(table, where(i, cols["flow"]), "flow", raw.iat[i],
                          msg("obs.flow_above", value=raw.iat[i], unit=units.iat[i], rate=r[i], bound=FLOW_MAX),
                          msg("hint.obs.flow_unit")))  # fmt: skip
    return out
