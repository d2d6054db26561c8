"""Helpers shared by the methods: input coercion, price-index chains, θ entries for them."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import pandas as pd

from ..errors import PriceYearError
from ..inputs import Inputs, from_frames
from ..inputs.report import InputValidationError
from ..messages import bilingual, text
from ..status import worst

if TYPE_CHECKING:
    from ..coefficients import CoefficientTable
    from .resolved import ThetaBuilder


def coerce_table(obj: Inputs | pd.DataFrame, name: str) -> tuple[pd.DataFrame, dict[str, str]]:
    """Return the normalised table ``name`` and region names from ``obj``.

    ``obj`` may be :class:`Inputs` or a raw DataFrame (validated here; every problem is
    reported at once).
    """
    if isinstance(obj, Inputs):
        if name not in obj.tables:
            raise InputValidationError(
                text("method.no_table", table=name, have=", ".join(obj.tables) or "-"),
                hint=text("method.hint_add_table", table=name),
            )
        return obj.tables[name], obj.region_names()
    if isinstance(obj, pd.DataFrame):
        if "input_ref" in obj.columns and obj.attrs.get("geep_normalised"):
            return obj, {}
        inputs = from_frames({name: obj})
        names: dict[str, str] = {}
        if "region_name" in obj.columns:
            names = dict(zip(obj["region_code"].astype(str), obj["region_name"], strict=False))
        return inputs.tables[name], names
    raise TypeError(str(text("method.not_inputs", table=name, type=type(obj).__name__)))


def input_tables(obj: Inputs | pd.DataFrame | Mapping[str, pd.DataFrame], name: str):
    """``(tables, region names, sources)`` from Inputs, a mapping of frames or one frame
    (which is table ``name``)."""
    if isinstance(obj, Inputs):
        return dict(obj.tables), obj.region_names(), dict(obj.sources)
    if isinstance(obj, Mapping):
        inputs = from_frames(dict(obj))
        return dict(inputs.tables), inputs.region_names(), {}
    table, names = coerce_table(obj, name)
    return {name: table}, names, {}


def _index_years(index: CoefficientTable) -> dict[int, float]:
    return dict(zip(index.frame["year"].astype(int), index.frame["index_prev_year"], strict=True))


def index_factor(index: CoefficientTable, from_year: int, to_year: int) -> float:
    """Chain-index factor that moves money from ``from_year`` prices to ``to_year`` prices.

    Uses an annual "previous year = 100" index (``index_prev_year`` column):
    ``Π_{y=from+1..to} I_y / 100`` (inverse for going back in time).

    Raises
    ------
    PriceYearError
        If a year needed for the chain is not in the table (the message lists what is).
    """
    if from_year == to_year:
        return 1.0
    lo, hi = sorted((int(from_year), int(to_year)))
    years = _index_years(index)
    need = range(lo + 1, hi + 1)
    missing = [y for y in need if y not in years]
    if missing:
        raise PriceYearError(
            text(
                "price.index_missing",
                ref=index.ref,
                missing=str(missing),
                a=from_year,
                b=to_year,
                lo=min(years),
                hi=max(years),
            ),
            table=index.id,
            edition=index.edition,
            hint=text("price.hint_index_missing"),
        )
    f = 1.0
    for y in need:
        f *= float(years[y]) / 100.0
    return f if to_year > from_year else 1.0 / f


def chain_ref(index: CoefficientTable, from_year: int, to_year: int) -> str:
    """Coefficient reference of a price-year conversion, e.g. ``cpi-china@nbs-annual#2010-2020``."""
    return f"{index.ref}#{from_year}-{to_year}"


def chain_theta(th: ThetaBuilder, index: CoefficientTable, from_year: int, to_year: int) -> int:
    """θ position of the price-index chain ``from_year → to_year`` (one scalar coefficient,
    with the weakest evidence of the index rows it multiplies)."""
    th.use_table(index)
    known = th.position(chain_ref(index, from_year, to_year))
    if known is not None:
        return known
    f = index_factor(index, from_year, to_year)
    lo, hi = sorted((int(from_year), int(to_year)))
    rows = index.frame[(index.frame["year"] > lo) & (index.frame["year"] <= hi)]
    levels = ("published", "derived", "secondary", "unverified")
    ev = max(rows["evidence"], key=levels.index, default="published")
    return th.add_value(
        chain_ref(index, from_year, to_year),
        f,
        "dimensionless",
        evidence=ev,
        source=";".join(sorted(set(map(str, rows["source"])))),
        kind="price_index",
        table=index.ref,
    )


def profile_status_warning(profile: Any) -> Any:
    """The ledger warning for a profile that is not released (with its title)."""
    title = getattr(profile, "title", None)
    detail = ": " + bilingual(title.en, title.zh) if title is not None else ""
    status = text(f"status.{profile.status.upper()}")
    return text("ledger.profile_status", profile=profile.name, status=status, detail=detail)


def worst_status(*statuses: str | None) -> str:
    """The weakest status (released < provisional < draft)."""
    return worst(statuses)


__all__ = [
    "chain_ref",
    "chain_theta",
    "coerce_table",
    "index_factor",
    "input_tables",
    "profile_status_warning",
]
