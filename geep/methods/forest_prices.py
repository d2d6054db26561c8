"""Forest prices at the boundary: units checked by pint, price years kept, sources recorded.

Prices come from a profile table (:func:`table_prices`, e.g. ``forest-prices@lyt1721-2008``)
and from the user (:func:`user_prices`); :func:`merge_prices` puts the user's over the
profile's and says so in each price's ``source``. Every value is converted to the canonical
unit of :data:`geep.methods.forest_spec.PRICES` with :func:`geep.units.factor`: a carbon price
per t CO₂ converts exactly by 44/12, and a carbon price per plain ``t`` is refused as
ambiguous. A price year of ``None`` means *unknown* (the shipped LY/T prices print none).

References
----------
.. [P1] 张春华 et al. 2018, 生态学报 38(5):1739-1749 (C碳 1200 元/t C, C氧 1000 元/t).
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from ..errors import GeepError
from ..messages import did_you_mean, text
from ..units import factor, parse_unit, ureg
from .forest_checks import ForestPriceError
from .forest_formulas import shannon_class_values
from .forest_spec import CARBON_PRICES, PRICES

if TYPE_CHECKING:
    from ..coefficients import CoefficientTable


@dataclass(frozen=True)
class Price:
    """One price or parameter in its canonical unit.

    Attributes
    ----------
    key
        Price key of :data:`~geep.methods.forest_spec.PRICES`.
    value
        Value in ``unit``.
    unit
        The canonical unit of the key.
    price_year
        Price year of a money value; ``None`` = unknown (or a parameter without one).
    source
        ``"user"`` or a coefficient reference ``table@edition#row``.
    evidence
        ``published | derived | secondary | unverified`` for table rows; ``None`` for user input.
    given
        The value and unit as given, e.g. ``"380 CNY/t_CO2"``.
    """

    key: str
    value: float
    unit: str
    price_year: int | None
    source: str
    evidence: str | None
    given: str


@dataclass(frozen=True)
class SpeciesClasses:
    """S生 by Shannon-Wiener class: class *i* covers ``[lower_bounds[i], lower_bounds[i+1])``.

    ``values`` are in CNY ha⁻¹ a⁻¹ (canonical); ``lower_bounds`` increase from 0.
    """

    lower_bounds: tuple[float, ...]
    values: tuple[float, ...]
    price_year: int | None
    source: str
    key: str = "species"


def _spec(key: str):
    if key not in PRICES:
        raise ForestPriceError(
            text("forest.unknown_price", key=key, suggestion=did_you_mean(key, list(PRICES))),
            hint=text("hint.forest.indicators", options=", ".join(PRICES)),
            price=key,
        )
    return PRICES[key]


def _year(key: str, price_year: Any) -> int | None:
    if price_year is None or (np.ndim(price_year) == 0 and pd.isna(price_year)):
        return None
    try:
        year = int(price_year)
    except (TypeError, ValueError):
        year = None
    if year is None or year != float(price_year) or not 1900 <= year <= 2200:
        raise ForestPriceError(text("forest.price_year", key=key, value=price_year), price=key)
    return year


def _factor(key: str, unit: str) -> float:
    spec = _spec(key)
    try:
        u = parse_unit(unit)
        if key in CARBON_PRICES and u.dimensionality == ureg.parse_units("CNY/t").dimensionality:
            raise ForestPriceError(
                text("forest.carbon_ambiguous", key=key, unit=unit),
                hint=text("hint.forest.carbon"),
                price=key,
            )
        return factor(u, spec.unit)
    except ForestPriceError:
        raise
    except GeepError as exc:
        raise ForestPriceError(
            text("forest.price_unit", key=key, unit=unit, expected=spec.unit, problem=exc.message),
            hint=exc.hint,
            price=key,
        ) from exc


def normalise_price(
    key: str,
    value: float,
    unit: str,
    *,
    price_year: Any = None,
    source: str = "user",
    evidence: str | None = None,
) -> Price:
    """One price converted to its canonical unit.

    Parameters
    ----------
    key
        Price key (e.g. ``"carbon"``).
    value
        The number [in ``unit``]; finite and ≥ 0.
    unit
        Its unit, anything :func:`geep.units.parse_unit` reads (``元/m3``, ``CNY/t_CO2`` …).
    price_year
        Price year, or ``None`` (unknown).
    source, evidence
        Provenance of the value.

    Raises
    ------
    ForestPriceError
        Unknown key, value not a finite number ≥ 0, unit of the wrong dimension (or a plain
        ``t`` for carbon), price year not a year.

    References
    ----------
    Canonical units: :data:`geep.methods.forest_spec.PRICES`; t C ↔ t CO₂: ``geep/units.txt``.
    """
    f = _factor(key, unit)
    try:
        x = float(value)
    except (TypeError, ValueError):
        x = math.nan
    if not math.isfinite(x) or x < 0:
        raise ForestPriceError(text("forest.price_value", key=key, value=value), price=key)
    return Price(
        key, x * f, PRICES[key].unit, _year(key, price_year), source, evidence, f"{value} {unit}"
    )


def species_classes(
    lower_bounds: Sequence[float],
    values: Sequence[float],
    unit: str = "CNY/ha/a",
    *,
    price_year: Any = None,
    source: str = "user",
) -> SpeciesClasses:
    """A checked Shannon-Wiener class table of S生 (values converted to CNY ha⁻¹ a⁻¹).

    Raises
    ------
    ForestPriceError
        If the bounds do not increase from 0, the lengths differ, or a value is not ≥ 0.

    References
    ----------
    王兵, 郑秋红, 郭浩, 林业科学研究 2008(2):268-274 (the method; its class table is not sourced).
    """
    b = np.asarray(lower_bounds, dtype=float)
    v = np.asarray(values, dtype=float)
    if b.shape != v.shape or b.ndim != 1 or b.size == 0:
        problem = text("forest.classes_shape", n_bounds=b.size, n_values=v.size)
        raise ForestPriceError(text("forest.classes", problem=problem), price="species")
    if b[0] != 0 or (np.diff(b) <= 0).any() or not np.isfinite(b).all():
        problem = text("forest.classes_order", bounds=b.tolist())
        raise ForestPriceError(text("forest.classes", problem=problem), price="species")
    if not np.isfinite(v).all() or (v < 0).any():
        raise ForestPriceError(
            text("forest.price_value", key="species", value=v.tolist()), price="species"
        )
    f = _factor("species", unit)
    return SpeciesClasses(
        tuple(b.tolist()), tuple((v * f).tolist()), _year("species", price_year), source
    )


def _one_user_price(key: str, given: Any) -> Price | SpeciesClasses:
    if isinstance(given, Price | SpeciesClasses):
        return given
    if isinstance(given, Mapping):
        if "lower_bounds" in given and _spec(key).class_driver:
            return species_classes(
                given["lower_bounds"], given["values"], given.get("unit", "CNY/ha/a"),
                price_year=given.get("price_year"), source=given.get("source", "user"),
            )  # fmt: skip
        if {"value", "unit"} <= set(given):
            return normalise_price(
                key, given["value"], given["unit"], price_year=given.get("price_year"),
                source=given.get("source", "user"),
            )  # fmt: skip
    elif isinstance(given, tuple | list) and len(given) in (2, 3) and isinstance(given[1], str):
        return normalise_price(
            key, given[0], given[1], price_year=given[2] if len(given) == 3 else None
        )
    raise ForestPriceError(text("forest.price_form", key=key, value=given), price=key)


def user_prices(
    prices: Mapping[str, Any] | pd.DataFrame | None,
) -> dict[str, Price | SpeciesClasses]:
    """The user's prices, each ``(value, unit)``, ``(value, unit, price_year)`` or a mapping
    with ``value, unit[, price_year]`` (``species`` also ``lower_bounds, values[, unit,
    price_year]`` for a Shannon-Wiener class table). A bare number is refused: say its unit.
    A table (:func:`prices_from_frame`) is accepted too.

    Raises
    ------
    ForestPriceError
        For the first price that cannot be used.
    """
    if isinstance(prices, pd.DataFrame):
        prices = prices_from_frame(prices)
    return {key: _one_user_price(key, given) for key, given in (prices or {}).items()}


#: columns of a price table: required, then optional
PRICE_COLUMNS = ("price", "value", "unit")
PRICE_OPTIONAL = ("price_year", "lower_bound", "source")


def prices_from_frame(frame: pd.DataFrame, name: str = "prices") -> dict[str, Any]:
    """A price table as the mapping :func:`user_prices` reads.

    One row per price: ``price`` (key of :data:`~geep.methods.forest_spec.PRICES`),
    ``value``, ``unit`` and optionally ``price_year`` and ``source``. A Shannon-Wiener class
    table of ``species`` is one row per class with its ``lower_bound`` (one unit and price year
    for all its rows). Rows are named ``prices[<index>]`` in ``source``.

    Raises
    ------
    ForestPriceError
        For a missing column, a price given twice, or class rows that disagree on their unit
        or price year; the row is named.

    References
    ----------
    Issue 18 (prices "a mapping or table").
    """
    missing = [c for c in PRICE_COLUMNS if c not in frame.columns]
    if missing:
        raise ForestPriceError(
            text("forest.price_table_columns", missing=", ".join(missing),
                 expected=", ".join(PRICE_COLUMNS + PRICE_OPTIONAL)),
            table=name,
        )  # fmt: skip
    out: dict[str, Any] = {}
    classes: dict[str, list[tuple[Any, Any, str]]] = {}
    refs = "input_ref" in frame.columns
    for label, row in frame.iterrows():  # a handful of prices: no need to vectorise
        key = str(row["price"]).strip()
        where = str(row["input_ref"]) if refs else f"{name}[{label}]"
        year = row.get("price_year") if "price_year" in frame.columns else None
        source = row.get("source") if "source" in frame.columns else None
        source = f"user ({source}; {where})" if isinstance(source, str) and source else where
        bound = row.get("lower_bound") if "lower_bound" in frame.columns else None
        if bound is not None and not pd.isna(bound):
            classes.setdefault(key, []).append((bound, row["value"], where))
            first = out.setdefault(key, {"lower_bounds": [], "values": [], "unit": row["unit"],
                                         "price_year": year, "source": source})  # fmt: skip
            if "lower_bounds" not in first or (first["unit"], _same(first["price_year"])) != (
                row["unit"],
                _same(year),
            ):
                raise ForestPriceError(text("forest.price_table_classes", key=key, where=where),
                                       price=key)  # fmt: skip
            first["lower_bounds"].append(bound)
            first["values"].append(row["value"])
            continue
        if key in out:
            raise ForestPriceError(text("forest.price_twice", key=key, where=where),
                                   price=key)  # fmt: skip
        out[key] = {"value": row["value"], "unit": row["unit"], "price_year": year,
                    "source": source}  # fmt: skip
    return out


def sheet_prices(table: pd.DataFrame | None) -> dict[str, Any]:
    """The normalised ``forest_prices`` input table (values in each key's canonical unit,
    ``value_unit``, ``input_ref``) as the mapping :func:`user_prices` reads; each price's
    source names its cell."""
    if table is None or table.empty:
        return {}
    frame = table.assign(unit=table["value_unit"].astype(str))
    return prices_from_frame(frame, name="forest_prices")


def _same(year: Any) -> Any:
    return None if year is None or pd.isna(year) else float(year)


def table_prices(table: CoefficientTable) -> dict[str, Price]:
    """The prices of a forest price table (``forest-prices@…``), with their row references."""
    out = {}
    for row in table.frame.itertuples(index=False):
        key = row.price
        out[key] = normalise_price(
            key,
            row.value,
            row.unit,
            price_year=row.price_year,
            source=table.coefficient_ref(key),
            evidence=row.evidence,
        )
    return out


def merge_prices(
    profile: Mapping[str, Price | SpeciesClasses], user: Mapping[str, Price | SpeciesClasses]
) -> dict[str, Price | SpeciesClasses]:
    """The profile's prices with the user's on top; an override names what it replaced."""
    out = dict(profile)
    for key, price in user.items():
        if key in profile:
            price = dataclasses.replace(
                price, source=f"{price.source} (overrides {profile[key].source})"
            )
        out[key] = price
    return out


def species_values(classes: SpeciesClasses, shannon_wiener: Any) -> np.ndarray:
    """S生 per stand [CNY ha⁻¹ a⁻¹] from its Shannon-Wiener index (checked ≥ 0 beforehand)."""
    return shannon_class_values(shannon_wiener, classes.lower_bounds, classes.values)
