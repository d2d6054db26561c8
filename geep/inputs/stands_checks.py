"""Consistency checks of a ``forest_stands`` table that need no method: keys, age classes,
bounds of the drivers, and where each problem is.

The forest method runs them with its own checks (:func:`geep.methods.forest_checks.check_stands`:
the drivers the requested indicators need); :func:`stand_issues` reports them when the inputs
are read (``geep validate``), located like every input problem: the file, sheet and row (a
problem in the area column at its cell), or the frame row.

References
----------
.. [1] LY/T 1721-2008; forest management inventory (二类调查) age classes (龄组).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..messages import Text, did_you_mean, msg, text
from .report import Issue
from .stands import AGE_CLASSES, DRIVERS, KEYS, TABLE

#: relative tolerance of the age-class sum (float rounding only; absolute tolerance is a parameter)
_AGE_RTOL = 1e-9
#: bounds of each driver column
_BOUNDS = {d.name: d for d in DRIVERS}


@dataclass(frozen=True)
class Problem:
    """One problem of the stands table: where (row reference), which column, what."""

    where: str
    column: str
    problem: Text

    @property
    def text(self) -> Text:
        """The problem with its location, as a lazy text."""
        where = place(self.where, self.column)
        return text("forest.at", where=where, column=self.column, problem=self.problem)

    def __str__(self) -> str:
        return str(self.text)


class RowRefs:
    """Where each row is, built only for the rows that are named: the row's ``input_ref`` when
    the frame has one, else ``forest_stands[<index label>]``."""

    def __init__(self, stands: pd.DataFrame) -> None:
        self._index = stands.index
        self._given = stands["input_ref"].to_numpy(dtype=object) if "input_ref" in stands else None

    def __len__(self) -> int:
        return len(self._index)

    def __getitem__(self, i: int) -> str:
        if self._given is not None and not pd.isna(self._given[i]):
            return str(self._given[i])
        return f"{TABLE}[{self._index[i]}]"


def row_refs(stands: pd.DataFrame) -> RowRefs:
    """Where each row of ``stands`` is (see :class:`RowRefs`)."""
    return RowRefs(stands)


def _bound_problems(col: str, values: pd.Series, refs: RowRefs) -> list[Problem]:
    """Non-numbers and values outside the column's bounds (area: ≥ 0)."""
    spec = _BOUNDS.get(col)
    lo = 0.0 if spec is None else spec.minimum
    strict = False if spec is None else spec.strict_minimum
    hi = None if spec is None else spec.maximum
    num = pd.to_numeric(values, errors="coerce")
    out = [
        Problem(refs[i], col, text("forest.not_number", value=values.iloc[i]))
        for i in np.flatnonzero(values.notna().to_numpy() & num.isna().to_numpy())
    ]
    x = num.to_numpy(dtype=float, na_value=np.nan)
    if lo is not None:
        bad = x <= lo if strict else x < lo
        code = "forest.not_positive" if strict else "forest.below_min"
        out += [
            Problem(refs[i], col, text(code, value=x[i], minimum=lo)) for i in np.flatnonzero(bad)
        ]
    if hi is not None:
        out += [
            Problem(refs[i], col, text("forest.above_max", value=x[i], maximum=hi))
            for i in np.flatnonzero(x > hi)
        ]
    return out


def _key_problems(stands: pd.DataFrame, refs: RowRefs) -> list[Problem]:
    out = []
    for key in KEYS:
        if key.required and key.name not in stands.columns:
            out.append(Problem(TABLE, key.name, text("forest.no_key", column=key.name)))
        elif key.required:
            out += [
                Problem(refs[i], key.name, text("forest.empty_key"))
                for i in np.flatnonzero(stands[key.name].isna().to_numpy())
            ]
    if "age_class" in stands.columns:
        known = set(AGE_CLASSES) | set(AGE_CLASSES.values())
        ages = stands["age_class"]
        bad = ages.notna().to_numpy() & ~ages.astype(object).isin(known | {""}).to_numpy()
        out += [
            Problem(
                refs[i],
                "age_class",
                text(
                    "forest.unknown_age_class",
                    value=ages.iloc[i],
                    suggestion=did_you_mean(str(ages.iloc[i]), sorted(known)),
                ),
            )
            for i in np.flatnonzero(bad)
        ]
    return out


def _stand_keys(stands: pd.DataFrame) -> pd.DataFrame:
    """region_code, year, stand_type and age class as canonical id ("" = whole stand)."""
    keys = stands[["region_code", "year", "stand_type"]].astype(str)
    if "age_class" in stands.columns:
        zh_to_id = {zh: k for k, zh in AGE_CLASSES.items()}
        age = stands["age_class"].astype(object).where(stands["age_class"].notna(), "")
        keys = keys.assign(age_class=age.replace(zh_to_id).astype(str).to_numpy())
    else:
        keys = keys.assign(age_class="")
    return keys.reset_index(drop=True)


def subtotal_rows(stands: pd.DataFrame) -> np.ndarray:
    """Rows that total the age classes of their stand: a row with an empty ``age_class`` whose
    stand (region, year, stand type) also has rows with an age class.

    Such a row is a check, not a stand to value: its area must equal the sum of its age classes
    (:func:`check_age_classes`), and the lines of the stand are those of its age classes.

    Returns
    -------
    numpy.ndarray
        One bool per row of ``stands`` (all ``False`` without an ``age_class`` column).

    References
    ----------
    Forest management inventory (二类调查) tables: stand-type rows with age-class sub-rows.
    """
    needed = {"region_code", "year", "stand_type", "age_class"}
    if not needed <= set(stands.columns) or stands.empty:
        return np.zeros(len(stands), dtype=bool)
    keys = _stand_keys(stands)
    stand = ["region_code", "year", "stand_type"]
    whole = (keys["age_class"] == "").to_numpy()
    if whole.all() or not whole.any():
        return np.zeros(len(stands), dtype=bool)
    with_parts = keys.loc[~whole, stand].drop_duplicates().assign(_parts=True)
    hit = keys[stand].merge(with_parts, on=stand, how="left")["_parts"].notna().to_numpy()
    return whole & hit


def check_age_classes(
    stands: pd.DataFrame, *, atol: float = 1e-6, refs: RowRefs | None = None
) -> list[Problem]:
    """Duplicated stands, and age classes that do not sum to the stand row (when both given).

    A row with an empty ``age_class`` is the whole stand; rows with an age class are its
    parts. When a stand has both, the parts must sum to the whole within ``atol`` [ha] (plus
    float rounding).

    Returns
    -------
    list of Problem
        Empty when the table is consistent.

    References
    ----------
    Forest management inventory (二类调查) age classes: :data:`geep.methods.forest_spec.AGE_CLASSES`.
    """
    needed = {"region_code", "year", "stand_type", "area"}
    if not needed <= set(stands.columns) or stands.empty:
        return []
    refs = refs if refs is not None else row_refs(stands)
    keys = _stand_keys(stands)
    area = pd.to_numeric(stands["area"], errors="coerce").to_numpy(dtype=float, na_value=np.nan)
    stand = ["region_code", "year", "stand_type"]
    dup = keys.duplicated(keep="first").to_numpy()
    out = _duplicate_problems(keys, dup, refs)
    whole = (keys["age_class"] == "").to_numpy() & ~dup
    parts = ~whole & ~dup
    if not (whole.any() and parts.any()):
        return out
    sums = keys.loc[parts, stand].assign(total=area[parts]).groupby(stand, sort=False).sum()
    rows = keys.loc[whole, stand].assign(pos=np.flatnonzero(whole))
    both = rows.merge(sums, left_on=stand, right_index=True, how="inner")
    i, total = both["pos"].to_numpy(), both["total"].to_numpy()
    bad = np.abs(total - area[i]) > atol + _AGE_RTOL * np.abs(area[i])
    for j, t in zip(i[bad], total[bad], strict=True):
        problem = text("forest.age_sum", stand=_stand(keys, j), total=float(t), area=area[j])
        out.append(Problem(refs[j], "area", problem))
    return out


def _duplicate_problems(keys: pd.DataFrame, dup: np.ndarray, refs: RowRefs) -> list[Problem]:
    """One problem per repeated stand row, naming the row it repeats."""
    if not dup.any():
        return []
    cols = list(keys.columns)
    firsts = keys[~dup].assign(first=np.flatnonzero(~dup))
    again = keys[dup].assign(pos=np.flatnonzero(dup)).merge(firsts, on=cols, how="left")
    return [
        Problem(
            refs[i], "stand_type", text("forest.duplicate", stand=_stand(keys, i), other=refs[j])
        )
        for i, j in zip(again["pos"], again["first"], strict=True)
    ]


def _stand(keys: pd.DataFrame, i: int) -> str:
    r = keys.iloc[i]
    return " ".join(str(r[c]) for c in ("region_code", "year", "stand_type", "age_class") if r[c])


#: the column whose cell names a row of a sheet (the reader names a row by its first quantity
#: column, the stand area): a problem in another column is located by sheet row and column
ROW_CELL_COLUMN = "area"
_CELL_REF = re.compile(r"^(?P<file>[^!]+)!(?P<sheet>[^!]+)!(?P<col>[A-Z]+)(?P<row>[0-9]+)$")


def place(ref: str, column: str) -> str:
    """Where a problem of ``column`` in the row named ``ref`` is, for display: the cell when
    ``ref`` is that column's cell, else ``file!sheet row N`` (or the frame row)."""
    m = _CELL_REF.match(ref)
    if m is None or column == ROW_CELL_COLUMN:
        return ref
    return f"{m['file']}!{m['sheet']} row {m['row']}"


def location(ref: str, column: str) -> dict[str, str]:
    """Error location fields of a row reference: ``file``, ``sheet`` and the cell (or the sheet
    row, when the problem is in another column than the cell's), or a frame row label."""
    m = _CELL_REF.match(ref)
    if m is not None:
        where = {"file": m["file"], "sheet": m["sheet"]}
        if column == ROW_CELL_COLUMN:
            return {**where, "cell": f"{m['col']}{m['row']}"}
        return {**where, "row": m["row"]}
    if ref == TABLE:
        return {}
    own = f"{TABLE}["
    return {"row": ref[len(own) : -1] if ref.startswith(own) and ref.endswith("]") else ref}


def stand_problems(stands: pd.DataFrame, *, atol: float = 1e-6,
                   refs: RowRefs | None = None) -> list[Problem]:  # fmt: skip
    """Every problem of ``stands`` that does not depend on the indicators asked for: missing
    or empty keys, unknown age classes, values that are not numbers or lie outside their
    bounds (area ≥ 0; productivity, rates and contents ≥ 0, contents and shares ≤ 100 %; bulk
    density, stand height and ion lifetime > 0; soil carbon signed), repeated stands, and age
    classes that do not sum to their stand row (within ``atol`` [ha]).

    References
    ----------
    Bounds: :data:`geep.inputs.stands.DRIVERS`; issue 18 (bad inputs).
    """
    refs = refs if refs is not None else row_refs(stands)
    return key_problems(stands, refs) + value_problems(stands, atol=atol, refs=refs)


def key_problems(stands: pd.DataFrame, refs: RowRefs) -> list[Problem]:
    """Missing or empty keys and unknown age classes."""
    return _key_problems(stands, refs)


def value_problems(stands: pd.DataFrame, *, atol: float, refs: RowRefs) -> list[Problem]:
    """Values outside their bounds, repeated stands, age classes that do not sum."""
    out: list[Problem] = []
    for col in ("area", *_BOUNDS):
        if col in stands.columns:
            out += _bound_problems(col, stands[col], refs)
    return out + check_age_classes(stands, atol=atol, refs=refs)


def stand_issues(tables) -> list[Issue]:
    """:func:`stand_problems` of the ``forest_stands`` table of ``tables`` as report issues."""
    stands = tables.get(TABLE)
    if stands is None or stands.empty:
        return []
    hint = msg("hint.forest.stands")
    return [
        Issue(TABLE, place(p.where, p.column), p.column, None, str(p.problem),
              msg("hint.forest.age_sum") if "forest.age_sum" in p.problem.codes else hint)
        for p in stand_problems(stands)
    ]  # fmt: skip


__all__ = ["Problem", "RowRefs", "check_age_classes", "key_problems", "location", "place",
           "row_refs", "stand_issues", "stand_problems", "subtotal_rows",
           "value_problems"]  # fmt: skip
