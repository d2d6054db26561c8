"""Checks of the forest method's inputs, as pure functions: stands and prices.

:func:`check_stands` finds every problem of a ``forest_stands`` frame for the requested
indicators at once (a missing driver, a negative productivity, age classes that do not add
up to their stand …) and raises one :class:`StandInputError` listing them, each with the row
(its ``input_ref`` when the frame has one, else ``forest_stands[<index>]``) and the column.
:func:`check_prices` raises :class:`MissingPriceError` naming every indicator and price that
neither the profile nor the user gives — a price is never assumed.

References
----------
.. [LYT] LY/T 1721-2008 (structure as reproduced in :mod:`geep.methods.forest_formulas`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from ..errors import GeepError, InputError, MethodError
from ..messages import Text, did_you_mean, text
from .forest_spec import AGE_CLASSES, DRIVERS, INDICATORS, KEYS, PRICES, TABLE

#: relative tolerance of the age-class sum (float rounding only; absolute tolerance is a parameter)
_AGE_RTOL = 1e-9


class StandInputError(InputError):
    """The ``forest_stands`` table is invalid; ``problems`` lists every :class:`Problem`."""

    @property
    def problems(self) -> list[Problem]:
        """Every problem found, in table order of the checks."""
        return list(self.extra.get("problems", []))


class MissingPriceError(GeepError, KeyError):
    """A requested indicator needs a price that neither the profile nor the user gives.

    ``indicator`` and ``price`` name the first; ``missing`` lists every ``(indicator, price)``.
    """

    @property
    def indicator(self) -> str | None:
        """The first indicator that lacks a price."""
        return self.extra.get("indicator")

    @property
    def price(self) -> str | None:
        """The first missing price key."""
        return self.extra.get("price")

    @property
    def missing(self) -> list[tuple[str, str]]:
        """Every missing ``(indicator, price)``."""
        return list(self.extra.get("missing", []))


class ForestPriceError(GeepError, ValueError):
    """A given forest price cannot be used (form, value, unit or price year)."""


@dataclass(frozen=True)
class Problem:
    """One problem of the stands table: where (row reference), which column, what."""

    where: str
    column: str
    problem: Text

    @property
    def text(self) -> Text:
        """The problem with its location, as a lazy text."""
        return text("forest.at", where=self.where, column=self.column, problem=self.problem)

    def __str__(self) -> str:
        return str(self.text)


def _indicator_label(name: str) -> Text:
    return text(f"forest.ind.{name}") + f" ({name})"


def resolve_indicators(indicators: Iterable[str] | str | None) -> tuple[str, ...]:
    """The requested indicators, checked (``None``: all, in the order of the spec).

    Raises
    ------
    MethodError
        For an unknown name (with close suggestions and the list of options).
    """
    if indicators is None:
        return tuple(INDICATORS)
    names = (indicators,) if isinstance(indicators, str) else tuple(indicators)
    for name in names:
        if name not in INDICATORS:
            raise MethodError(
                text(
                    "forest.unknown_indicator",
                    name=name,
                    suggestion=did_you_mean(name, list(INDICATORS)),
                ),
                hint=text("hint.forest.indicators", options=", ".join(INDICATORS)),
                indicator=name,
            )
    return tuple(dict.fromkeys(names))


def needed_drivers(
    indicators: Iterable[str], *, species_by_class: bool = False
) -> dict[str, tuple[str, ...]]:
    """Driver columns the indicators need: ``{column: (indicators needing it, …)}``.

    ``species_by_class``: ``species`` is given as a Shannon-Wiener class table, so
    ``species_conservation`` needs the ``shannon_wiener`` column.
    """
    out: dict[str, list[str]] = {}
    for name in resolve_indicators(list(indicators)):
        cols = list(INDICATORS[name].drivers)
        if species_by_class:
            cols += [
                PRICES[k].class_driver for k in INDICATORS[name].prices if PRICES[k].class_driver
            ]
        for col in cols:
            out.setdefault(col, []).append(name)
    return {c: tuple(v) for c, v in out.items()}


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
    spec = DRIVERS.get(col)
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


def _driver_problems(
    stands: pd.DataFrame, needed: Mapping[str, tuple[str, ...]], refs: RowRefs
) -> list[Problem]:
    out: list[Problem] = []
    for col, who in needed.items():
        label = _labels(who)
        if col not in stands.columns:
            out.append(Problem(TABLE, col, text("forest.no_column", column=col, indicators=label)))
            continue
        empty = np.flatnonzero(stands[col].isna().to_numpy())
        out += [Problem(refs[i], col, text("forest.empty_cell", indicators=label)) for i in empty]
    return out


def _labels(names: tuple[str, ...]) -> Text:
    out = _indicator_label(names[0])
    for n in names[1:]:
        out = out + ", " + _indicator_label(n)
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


def check_stands(
    stands: pd.DataFrame,
    indicators: Iterable[str] | None = None,
    *,
    species_by_class: bool = False,
    atol: float = 1e-6,
) -> None:
    """Check ``forest_stands`` for the requested indicators; raise on any problem.

    Checks: the key columns; every driver the indicators need is a column and has a value
    on every row; every number is a number within its bounds (area ≥ 0; productivity, rates
    and contents ≥ 0, contents and shares ≤ 100 %; bulk density, stand height and ion
    lifetime > 0; soil carbon is signed); known age classes; no stand twice; age classes that
    sum to their stand row (:func:`check_age_classes`).

    Parameters
    ----------
    stands
        The table, in canonical units (:data:`geep.methods.forest_spec.DRIVERS`).
    indicators
        Requested indicators (``None``: all).
    species_by_class
        ``species`` is a Shannon-Wiener class table (``shannon_wiener`` is then needed).
    atol
        Absolute tolerance of the age-class sum [ha].

    Raises
    ------
    StandInputError
        Listing every problem (``problems``), with the first one's row and column.

    References
    ----------
    Issue 18 (bad input: a missing driver, negative productivity, age classes that do not sum);
    bounds per :data:`geep.methods.forest_spec.DRIVERS`.
    """
    names = resolve_indicators(indicators)
    refs = row_refs(stands)
    problems = _key_problems(stands, refs)
    problems += _driver_problems(
        stands, needed_drivers(names, species_by_class=species_by_class), refs
    )
    for col in ("area", *DRIVERS):
        if col in stands.columns:
            problems += _bound_problems(col, stands[col], refs)
    problems += check_age_classes(stands, atol=atol, refs=refs)
    if problems:
        first = problems[0]
        many = text("forest.problems", first=first.problem, more=len(problems) - 1)
        hint = (
            "hint.forest.age_sum"
            if "forest.age_sum" in first.problem.codes
            else "hint.forest.stands"
        )
        raise StandInputError(
            first.problem if len(problems) == 1 else many,
            hint=text(hint),
            table=TABLE,
            column=first.column,
            problems=problems,
            **_location(first.where),
        )


def _location(ref: str) -> dict[str, str]:
    """Error location fields of a row reference: ``file!sheet!cell`` or a row label."""
    parts = ref.split("!")
    if len(parts) == 3 and all(parts):
        return dict(zip(("file", "sheet", "cell"), parts, strict=True))
    own = f"{TABLE}["
    return {"row": ref[len(own) : -1] if ref.startswith(own) and ref.endswith("]") else ref}


def check_prices(indicators: Iterable[str] | None, prices: Mapping[str, Any]) -> None:
    """Raise unless every price the requested indicators need is given.

    Parameters
    ----------
    indicators
        Requested indicators (``None``: all).
    prices
        Prices and parameters by key (the profile's merged with the user's); a key whose
        value is ``None`` counts as missing.

    Raises
    ------
    MissingPriceError
        Naming every missing ``(indicator, price)``; ``indicator`` and ``price`` are the first.

    References
    ----------
    ``forest-prices@lyt1721-2008`` (the only prices shipped; all others come from the user).
    """
    missing = [
        (name, key)
        for name in resolve_indicators(indicators)
        for key in INDICATORS[name].prices
        if prices.get(key) is None
    ]
    if not missing:
        return
    ind, key = missing[0]
    first = text(
        "forest.missing_price", indicator=_indicator_label(ind), price=key, unit=PRICES[key].unit
    )
    pairs = Text()
    for i, name in enumerate(dict.fromkeys(n for n, _ in missing)):
        keys = ", ".join(k for n, k in missing if n == name)
        pairs = pairs + ("; " if i else "") + _indicator_label(name) + ": " + keys
    raise MissingPriceError(
        first if len(missing) == 1 else text("forest.missing_prices", n=len(missing), pairs=pairs),
        hint=text("hint.forest.missing_price", price=key, unit=PRICES[key].unit),
        indicator=ind,
        price=key,
        missing=missing,
    )
