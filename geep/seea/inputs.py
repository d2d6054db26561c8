"""Input tables of the SEEA accounts: column names, units, numbers — checked at the boundary.

Frames may use English or Chinese headers, with the unit in the header (``面积(km2)``) or in
a ``unit`` column. Areas are converted to hectares with :mod:`geep.units`. Every problem is an
:class:`~geep.errors.InputError` that names the table, the rows (``input_ref`` when the frame
carries one, else ``table[row]``) and how to fix it.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping, Sequence

import numpy as np
import pandas as pd

from ..errors import InputError
from ..messages import text
from ..units import factor, split_header

#: accepted spellings of the columns (folded: NFKC, lower case, spaces stripped)
ALIASES: dict[str, tuple[str, ...]] = {
    "region_code": ("region_code", "region", "区划代码", "地区代码", "行政区划代码", "地区"),
    "region_name": ("region_name", "区域名称", "地区名称"),
    "year": ("year", "年份", "年"),
    "year_from": ("year_from", "from_year", "起始年份", "期初年份", "初始年份"),
    "year_to": ("year_to", "to_year", "终止年份", "期末年份", "末期年份"),
    "from_class": ("from_class", "from", "转出地类", "期初地类", "初始地类", "转出类型"),
    "to_class": ("to_class", "to", "转入地类", "期末地类", "转入类型"),
    "ecosystem_type": (
        "ecosystem_type", "land_class", "生态系统类型", "地类", "土地利用类型", "类型",
    ),
    "area": ("area", "面积"),
    "unit": ("unit", "单位", "计量单位"),
    "managed": ("managed", "人为管理", "是否人为", "管理"),
    "variable": ("variable", "变量", "指标"),
    "value": ("value", "数值", "值"),
    "ect_class": ("ect_class", "ect", "状况类别"),
    "upper": ("upper", "上参考值", "参考上限"),
    "lower": ("lower", "下参考值", "参考下限"),
    "weight": ("weight", "权重"),
    "service": ("service", "服务"),
    "beneficiary": ("beneficiary", "受益者", "使用者"),
    "share": ("share", "份额", "比例"),
}  # fmt: skip

_TRUE = {"true", "1", "yes", "y", "managed", "是", "人为", "人工"}
_FALSE = {"false", "0", "no", "n", "unmanaged", "否", "自然", "非人为"}


def _fold(name: object) -> str:
    return unicodedata.normalize("NFKC", str(name)).strip().lower().replace(" ", "")


_LOOKUP = {_fold(a): canon for canon, names in ALIASES.items() for a in names}


def frame(columns: Mapping[str, object], n: int | None = None) -> pd.DataFrame:
    """A DataFrame whose text columns keep the ``object`` dtype.

    pandas ≥ 3 would otherwise convert every array of Python strings to its pyarrow string
    type and back at each step; geep.seea works on object arrays throughout.
    """
    if n is None:
        n = next(
            (len(v) for v in columns.values() if isinstance(v, np.ndarray | pd.Series | list)), 0
        )
    cols = {}
    for k, v in columns.items():
        if isinstance(v, str):
            v = np.full(n, v, dtype=object)
        if isinstance(v, np.ndarray) and v.dtype == object:
            v = pd.Series(v, dtype=object)
        cols[k] = v.reset_index(drop=True) if isinstance(v, pd.Series) else v
    return pd.DataFrame(cols, index=range(n))


def refs(frame: pd.DataFrame, table: str, rows: Iterable[int] | np.ndarray) -> list[str]:
    """Locations of ``rows`` (positions) of ``frame``: its ``input_ref`` or ``table[i]``."""
    rows = list(rows)
    if "input_ref" in frame.columns:
        col = frame["input_ref"].to_numpy(dtype=object)
        return [str(col[i]) if col[i] is not None else f"{table}[{i}]" for i in rows]
    return [f"{table}[{i}]" for i in rows]


def _where(frame: pd.DataFrame, table: str, rows: np.ndarray, n: int = 5) -> str:
    shown = refs(frame, table, rows[:n])
    more = len(rows) - len(shown)
    return ", ".join(shown) + (f" (+{more})" if more > 0 else "")


def canonical_columns(
    frame: pd.DataFrame,
    table: str,
    required: Sequence[str],
    optional: Sequence[str] = (),
) -> tuple[pd.DataFrame, str | None]:
    """Rename the columns of ``frame`` to canonical names; return it and the header unit.

    The unit of an area written in its header (``面积(km2)``) is returned separately.

    Raises
    ------
    InputError
        If a required column is missing or a column is given twice.
    """
    if not isinstance(frame, pd.DataFrame):
        raise InputError(
            text("seea.not_frame", table=table, kind=type(frame).__name__),
            hint=text("seea.hint_frame", columns=", ".join(required)),
            table=table,
        )
    mapping: dict[object, str] = {}
    header_unit = None
    for col in frame.columns:
        name, unit = split_header(str(col))
        canon = _LOOKUP.get(_fold(name)) or _LOOKUP.get(_fold(col))
        if canon is None or canon not in (*required, *optional, "input_ref"):
            continue
        if canon in mapping.values():
            raise InputError(
                text("seea.duplicate_column", table=table, column=canon),
                hint=text("seea.hint_duplicate_column"),
                table=table,
                column=str(col),
            )
        mapping[col] = canon
        if unit and canon in ("area", "value"):
            header_unit = unit
    missing = [c for c in required if c not in mapping.values()]
    if missing:
        raise InputError(
            text("seea.missing_columns", table=table, columns=", ".join(missing)),
            hint=text("seea.hint_columns", columns=", ".join(required)),
            table=table,
        )
    out = frame.rename(columns=mapping)[list(mapping.values())].reset_index(drop=True)
    return out, header_unit


def numbers(
    frame: pd.DataFrame, table: str, column: str, *, nonnegative: bool = False
) -> np.ndarray:
    """Column ``column`` as finite float64; text, blanks, NaN (and negatives) are errors."""
    raw = frame[column]
    vals = pd.to_numeric(raw, errors="coerce").to_numpy(dtype=float)
    bad = np.flatnonzero(~np.isfinite(vals))
    if bad.size:
        raise InputError(
            text("seea.not_number", table=table, column=column, where=_where(frame, table, bad),
                 value=str(raw.iloc[bad[0]])),
            hint=text("seea.hint_number"),
            table=table, column=column, row=int(bad[0]),
        )  # fmt: skip
    if nonnegative:
        neg = np.flatnonzero(vals < 0)
        if neg.size:
            raise InputError(
                text("seea.negative", table=table, column=column,
                     where=_where(frame, table, neg), value=vals[neg[0]]),
                hint=text("seea.hint_negative"),
                table=table, column=column, row=int(neg[0]),
            )  # fmt: skip
    return vals


def years(frame: pd.DataFrame, table: str, column: str) -> np.ndarray:
    """Column ``column`` as whole years (int64)."""
    vals = numbers(frame, table, column)
    bad = np.flatnonzero(vals != np.round(vals))
    if bad.size:
        raise InputError(
            text("seea.not_year", table=table, column=column, where=_where(frame, table, bad),
                 value=vals[bad[0]]),
            hint=text("seea.hint_year"),
            table=table, column=column, row=int(bad[0]),
        )  # fmt: skip
    return vals.astype(np.int64)


def codes(frame: pd.DataFrame, table: str, column: str) -> np.ndarray:
    """A text column as stripped strings (numbers such as 140100 become ``"140100"``).

    Each distinct value is converted once (``pd.factorize``), so the cost is one pass in C
    plus a Python step per distinct value.
    """
    idx, uniques = pd.factorize(frame[column], use_na_sentinel=True)
    texts = np.array([_code_text(v) for v in uniques] + [""], dtype=object)
    out = texts[idx]  # NaN (-1) → the trailing ""
    bad = np.flatnonzero(out == "")
    if bad.size:
        raise InputError(
            text("seea.blank", table=table, column=column, where=_where(frame, table, bad)),
            hint=text("seea.hint_blank", column=column),
            table=table,
            column=column,
            row=int(bad[0]),
        )
    return out


def _code_text(v: object) -> str:
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return unicodedata.normalize("NFKC", str(v)).strip()


def to_unit_factors(
    frame: pd.DataFrame, table: str, header_unit: str | None, target: str, what: str
) -> np.ndarray:
    """Per-row factor from the row's unit (``unit`` column or header) to ``target``.

    Raises
    ------
    InputError
        If no unit is given, or the header and the ``unit`` column both give one.
    """
    has_col = "unit" in frame.columns
    if has_col and header_unit:
        raise InputError(
            text("seea.unit_twice", table=table, header=header_unit),
            hint=text("seea.hint_unit_twice"),
            table=table, column="unit",
        )  # fmt: skip
    if not has_col and not header_unit:
        raise InputError(
            text("seea.no_unit", table=table, what=what),
            hint=text("seea.hint_unit", target=target),
            table=table,
        )
    if header_unit:
        return np.full(len(frame), factor(header_unit, target))
    units = codes(frame, table, "unit")
    uniq, inv = np.unique(units, return_inverse=True)
    facs = np.empty(len(uniq))
    for k, u in enumerate(uniq):  # one conversion per distinct unit, not per row
        try:
            facs[k] = factor(u, target)
        except Exception as exc:
            row = int(np.flatnonzero(inv == k)[0])
            raise InputError(
                text("seea.bad_unit", table=table, unit=u, where=refs(frame, table, [row])[0],
                     problem=str(exc)),
                hint=text("seea.hint_unit", target=target),
                table=table, column="unit", row=row,
            ) from exc  # fmt: skip
    return facs[inv]


def flags_column(frame: pd.DataFrame, table: str, column: str) -> np.ndarray:
    """A yes/no column (``managed``) as booleans; blanks and anything else are errors."""
    idx, uniques = pd.factorize(frame[column], use_na_sentinel=True)
    state = []  # per distinct value: 1 true, 0 false, -1 not a yes/no
    for v in uniques:
        key = _fold(_code_text(v))
        state.append(
            1 if (v is True or key in _TRUE) else 0 if (v is False or key in _FALSE) else -1
        )
    codes_ = np.append(np.asarray(state, dtype=np.int8), np.int8(-1))[idx]
    bad = np.flatnonzero(codes_ < 0)
    if bad.size:
        raise InputError(
            text("seea.bad_flag", table=table, column=column, where=_where(frame, table, bad),
                 value=str(frame[column].iloc[bad[0]])),
            hint=text("seea.hint_flag"),
            table=table, column=column, row=int(bad[0]),
        )  # fmt: skip
    return codes_ == 1


def duplicates(frame: pd.DataFrame, table: str, keys: Sequence[str]) -> None:
    """Raise if two rows share ``keys`` (two statements of one value are an error)."""
    dup = np.flatnonzero(frame.duplicated(list(keys), keep=False).to_numpy())
    if dup.size:
        raise InputError(
            text("seea.duplicate_rows", table=table, keys=", ".join(keys),
                 where=_where(frame, table, dup)),
            hint=text("seea.hint_duplicate_rows"),
            table=table, row=int(dup[0]),
        )  # fmt: skip


def as_frame(
    data: pd.DataFrame | Mapping[str, float] | pd.Series, key: str, value: str
) -> pd.DataFrame:
    """A two-column frame from a mapping or Series ``{key: value}`` (frames pass through)."""
    if isinstance(data, pd.DataFrame):
        return data
    if isinstance(data, pd.Series):
        return pd.DataFrame({key: data.index.astype(str), value: data.to_numpy()})
    return pd.DataFrame({key: list(data), value: list(data.values())})
