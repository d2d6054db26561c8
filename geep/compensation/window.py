"""The periods a scheme edition assesses, and the observations that fall outside them.

An edition's assessed periods are its ``assessment`` window (``from``/``to``, YYYY or YYYY-MM)
when the scheme states one — an agreement signed in 2021 may assess 2020 — and otherwise its
validity (``valid_from``/``valid_to``), of which only whole periods count: a month is assessed
if every day of it is within the validity, a year if every month is. Observations outside are
never dropped without a word: they are reported per section with their periods.

References
----------
DESIGN §7 (nothing silent); compensation.md §5.4 (period semantics).
"""

from __future__ import annotations

import calendar
import datetime as dt

import numpy as np
import pandas as pd

from ..messages import msg
from .context import _bound_key, period_key
from .scheme import Scheme


def _month_after(d: dt.date) -> int:
    """The first month wholly on or after ``d`` (YYYYMM)."""
    if d.day == 1:
        return d.year * 100 + d.month
    return d.year * 100 + d.month + 1 if d.month < 12 else (d.year + 1) * 100 + 1


def _month_before(d: dt.date) -> int:
    """The last month wholly on or before ``d`` (YYYYMM)."""
    if d.day == calendar.monthrange(d.year, d.month)[1]:
        return d.year * 100 + d.month
    return d.year * 100 + d.month - 1 if d.month > 1 else (d.year - 1) * 100 + 12


def bounds(sch: Scheme) -> tuple[int, int, str]:
    """``(first, last, description)``: the first and last assessed month as YYYYMM keys."""
    w, doc = sch.doc.assessment, sch.doc
    if w.from_ is not None or w.to is not None:
        lo, hi = _bound_key(w.from_, 0, False), _bound_key(w.to, 999999, True)
        text = msg("comp.window_assessment", lo=w.from_ or msg("comp.window_open"),
                   hi=w.to or msg("comp.window_open"))  # fmt: skip
        return lo, hi, text
    lo = _month_after(doc.valid_from) if doc.valid_from else 0
    hi = _month_before(doc.valid_to) if doc.valid_to else 999999
    text = msg("comp.window_validity", lo=doc.valid_from or msg("comp.window_open"),
               hi=doc.valid_to or msg("comp.window_open"))  # fmt: skip
    return lo, hi, text


def inside(sch: Scheme, year: pd.Series, month: pd.Series) -> np.ndarray:
    """Mask of the periods (year, month; month 0 = a year) that ``sch`` assesses."""
    lo, hi, _ = bounds(sch)
    explicit = sch.doc.assessment.from_ is not None or sch.doc.assessment.to is not None
    m = month.fillna(0).astype("int64")
    y = year.astype("int64")
    key = period_key(y, m)
    if explicit:  # an assessment window of years covers a year that it names
        annual_ok = (y >= lo // 100) & (y <= hi // 100)
    else:
        annual_ok = (y * 100 + 1 >= lo) & (y * 100 + 12 <= hi)
    return np.where(m == 0, annual_ok, (key >= lo) & (key <= hi))


def _ranges(periods: list[str]) -> str:
    """``2020-01..2020-12, 2023-05`` from sorted period texts (consecutive months merged)."""
    out: list[list[str]] = []
    prev = None
    for p in periods:
        k = _bound_key(p, 0, False)
        month = len(p) > 4
        nxt = None if prev is None else (prev + 1 if prev % 100 < 12 else prev + 89)
        if out and month and k == nxt:
            out[-1][1] = p
        else:
            out.append([p, p])
        prev = k if month else None
    return ", ".join(a if a == b else f"{a}..{b}" for a, b in out)


def outside_report(sch: Scheme, frame: pd.DataFrame, code: str) -> str | None:
    """One warning naming, per section, the periods of ``frame`` outside the window."""
    if frame is None or frame.empty:
        return None
    out = frame[~inside(sch, frame["year"], frame["month"])]
    if out.empty:
        return None
    per = out.drop_duplicates(["section_id", "period"]).sort_values(["section_id", "year", "month"])
    detail = "; ".join(
        f"{sid} {_ranges(g['period'].tolist())}" for sid, g in per.groupby("section_id", sort=True)
    )
    return msg(code, n=len(out), ref=sch.ref, window=bounds(sch)[2], detail=detail)
