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
from typing import Any

import numpy as np
import pandas as pd

from ..errors import GeepError, InputError, MethodError
from ..inputs.stands_checks import (
    Problem,
    RowRefs,
    check_age_classes,
    key_problems,
    location,
    place,
    row_refs,
    subtotal_rows,
    value_problems,
)
from ..messages import Text, did_you_mean, text
from .forest_spec import INDICATORS, PRICES, TABLE


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


def _driver_problems(
    stands: pd.DataFrame,
    needed: Mapping[str, tuple[str, ...]],
    refs: RowRefs,
    skip: np.ndarray | None = None,
) -> list[Problem]:
    """Missing driver columns, and empty driver cells on the rows that are valued (``skip``:
    rows that are not, e.g. the stand rows that total their age classes)."""
    out: list[Problem] = []
    for col, who in needed.items():
        label = _labels(who)
        if col not in stands.columns:
            out.append(Problem(TABLE, col, text("forest.no_column", column=col, indicators=label)))
            continue
        empty = stands[col].isna().to_numpy()
        empty = np.flatnonzero(empty if skip is None else empty & ~skip)
        out += [Problem(refs[i], col, text("forest.empty_cell", indicators=label)) for i in empty]
    return out


def _labels(names: tuple[str, ...]) -> Text:
    out = _indicator_label(names[0])
    for n in names[1:]:
        out = out + ", " + _indicator_label(n)
    return out


def check_stands(
    stands: pd.DataFrame,
    indicators: Iterable[str] | None = None,
    *,
    species_by_class: bool = False,
    atol: float = 1e-6,
) -> None:
    """Check ``forest_stands`` for the requested indicators; raise on any problem.

    Checks: the key columns; every driver the indicators need is a column and has a value
    on every row that is valued (not on a row that totals its stand's age classes, see
    :func:`subtotal_rows`); and the checks that need no indicator
    (:func:`geep.inputs.stands_checks.stand_problems`: known age classes, values within their
    bounds, no stand twice, age classes that sum to their stand row).

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
    bounds per :data:`geep.inputs.stands.DRIVERS`.
    """
    names = resolve_indicators(indicators)
    refs = row_refs(stands)
    problems = key_problems(stands, refs)
    needed = needed_drivers(names, species_by_class=species_by_class)
    problems += _driver_problems(stands, needed, refs, skip=subtotal_rows(stands))
    problems += value_problems(stands, atol=atol, refs=refs)
    if problems:
        first = problems[0]
        listed = Text()
        for p in problems:
            listed = listed + "\n  " + p.text
        many = text("forest.problems", first=first.problem, more=len(problems) - 1, all=listed)
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
            **location(first.where, first.column),
        )


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
        first
        if len(missing) == 1
        else text("forest.missing_prices", n=len({k for _, k in missing}), pairs=pairs),
        hint=text("hint.forest.missing_price", price=key, unit=PRICES[key].unit),
        indicator=ind,
        price=key,
        missing=missing,
    )


__all__ = [
    "ForestPriceError",
    "MissingPriceError",
    "Problem",
    "RowRefs",
    "StandInputError",
    "check_age_classes",
    "check_prices",
    "check_stands",
    "needed_drivers",
    "place",
    "resolve_indicators",
    "row_refs",
    "subtotal_rows",
]
