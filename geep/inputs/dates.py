"""Period and date columns: cells read as a year or month (``period``) or as a day (``date``).

A *period* is a year ``YYYY`` or a month ``YYYY-MM``; it may be typed ``2021``, ``2021-03``,
``2021-3``, ``2021/03``, ``2021.03``, ``202103``, ``2021年3月``, or be a spreadsheet date (its
month). A *date* is a day: a spreadsheet date, or text ``YYYY-MM-DD`` (also ``/``, ``.`` or
``年月日`` as separators, fullwidth digits, a midnight time). Anything else is an error at its
cell; each distinct cell is parsed once.

References
----------
ISO 8601-1:2019 (calendar dates ``YYYY-MM-DD``, months ``YYYY-MM``, years ``YYYY``).
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata

import numpy as np
import pandas as pd

from ..messages import text
from .collect import Issues
from .spec import ColumnDef

#: years a period may fall in [year]
PERIOD_YEARS = (1900, 2200)
_YEAR = re.compile(r"^(\d{4})(?:\.0+)?$")
_MONTH = re.compile(r"^(\d{4})\s*(?:[-/.年]\s*(\d{1,2})\s*月?|(\d{2}))$")
_DATE = re.compile(
    r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T]00:00(?::00)?)?$"
)


def _text(v: object) -> str | None:
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return None
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    s = unicodedata.normalize("NFKC", str(v)).strip()
    return s or None


def parse_period(v: object) -> tuple[str | None, bool]:
    """``(canonical period, empty)``: ``"2021"`` or ``"2021-03"``; ``(None, False)`` when ``v``
    is not a period (or lies outside :data:`PERIOD_YEARS`)."""
    lo, hi = PERIOD_YEARS
    if isinstance(v, dt.date):  # datetime too: the month it falls in
        return (f"{v.year}-{v.month:02d}" if lo <= v.year <= hi else None), False
    if isinstance(v, bool):
        return None, False
    s = _text(v)
    if s is None:
        return None, True
    m = _YEAR.match(s)
    if m:
        y = int(m.group(1))
        return (str(y) if lo <= y <= hi else None), False
    m = _MONTH.match(s)
    if m:
        y, mo = int(m.group(1)), int(m.group(2) or m.group(3))
        return (f"{y}-{mo:02d}" if 1 <= mo <= 12 and lo <= y <= hi else None), False
    return None, False


def parse_date(v: object) -> tuple[dt.date | None, bool, object]:
    """``(date, empty, problem)`` of one cell (``problem`` is a text when it is not a date)."""
    if isinstance(v, dt.datetime):
        return v.date(), False, None
    if isinstance(v, dt.date):
        return v, False, None
    if isinstance(v, bool | int | float | np.number):
        if isinstance(v, float) and math.isnan(v):
            return None, True, None
        return None, False, text("in.not_date", text=str(v)[:40])
    s = _text(v)
    if s is None:
        return None, True, None
    m = _DATE.match(s)
    if not m:
        return None, False, text("in.not_date", text=s[:40])
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))), False, None
    except ValueError as exc:  # Python's reason, in the reader's language where it is known
        why = _WHY.get(str(exc))
        return None, False, text("in.bad_date", text=s[:40], problem=text(why) if why else str(exc))


#: the reasons :class:`datetime.date` gives → message codes
_WHY = {"month must be in 1..12": "in.date_month", "day is out of range for month": "in.date_day"}


def _required_empty(c: ColumnDef, empty, orig, bad, iss: Issues) -> None:
    if c.required and not c.nullable and empty.any():
        for i in np.flatnonzero(empty):
            iss.cell(
                i, orig, None, text("in.empty", column=c.name, zh=c.zh), text("hint.fill_cell")
            )
        bad |= empty


def period_column(c: ColumnDef, col: pd.Series, orig: str, out, bad, iss: Issues) -> None:
    """``out[c.name]``: the canonical period of every row (a categorical)."""
    codes, uniq = pd.factorize(col, use_na_sentinel=True)
    parsed = [parse_period(v) for v in uniq]
    for k, (value, empty) in enumerate(parsed):
        if value is None and not empty:
            for i in np.flatnonzero(codes == k):
                iss.cell(i, orig, uniq[k], text("in.not_period", text=str(uniq[k])[:40],
                                                lo=PERIOD_YEARS[0], hi=PERIOD_YEARS[1]),
                         text("hint.period"))  # fmt: skip
            bad[codes == k] = True
    labels = pd.Series([p for p, _ in parsed], dtype=object)
    remap, cats = pd.factorize(labels, use_na_sentinel=True)
    new = np.append(remap, -1)[codes] if len(codes) else codes
    _required_empty(c, (new == -1) & ~bad, orig, bad, iss)
    out[c.name] = pd.Categorical.from_codes(new, categories=pd.Index(cats, dtype=object))


def date_column(c: ColumnDef, col: pd.Series, orig: str, out, bad, iss: Issues) -> None:
    """``out[c.name]``: the date of every row (``datetime64[s]``, NaT where empty)."""
    codes, uniq = pd.factorize(col, use_na_sentinel=True)
    days = np.full(len(uniq) + 1, np.datetime64("NaT"), dtype="datetime64[D]")
    for k, v in enumerate(uniq):
        day, _, problem = parse_date(v)
        if problem is not None:
            for i in np.flatnonzero(codes == k):
                iss.cell(i, orig, v, problem, text("hint.date"))
            bad[codes == k] = True
        elif day is not None:
            days[k] = np.datetime64(day, "D")
    values = days[codes]
    _required_empty(c, np.isnat(values) & ~bad, orig, bad, iss)
    out[c.name] = pd.Series(values.astype("datetime64[s]"))


__all__ = ["PERIOD_YEARS", "date_column", "parse_date", "parse_period", "period_column"]
