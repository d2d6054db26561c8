"""Helpers shared by the method front-ends: input coercion, provenance, price years."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from ..coefficients import CoefficientTable
from ..errors import PriceYearError
from ..inputs import Inputs, from_frames
from ..inputs.report import InputValidationError
from ..ledger import _STATUS_RANK


def coerce_table(obj: Inputs | pd.DataFrame, name: str) -> tuple[pd.DataFrame, dict[str, str]]:
    """Return the normalised table ``name`` and region names from ``obj``.

    ``obj`` may be :class:`Inputs` or a raw DataFrame (validated here; every problem is
    reported at once).
    """
    if isinstance(obj, Inputs):
        if name not in obj.tables:
            raise InputValidationError(
                f"the inputs have no {name!r} table (they have: {', '.join(obj.tables) or 'none'})",
                hint=f"add a {name!r} sheet or frame",
            )
        return obj.tables[name], obj.region_names()
    if isinstance(obj, pd.DataFrame):
        if "input_ref" in obj.columns and obj.attrs.get("geep_normalised"):
            return obj, {}
        inputs = from_frames({name: obj})
        names = {}
        if "region_name" in obj.columns:
            names = dict(zip(obj["region_code"].astype(str), obj["region_name"], strict=False))
        return inputs.tables[name], names
    raise TypeError(f"expected geep Inputs or a pandas DataFrame for {name!r}, not {type(obj)}")


def provenance(
    tables: Iterable[CoefficientTable], profile: str | None = None, options: dict | None = None
) -> dict:
    """Ledger ``meta`` for the tables used: refs with hashes, worst status, warnings."""
    tabs = list(tables)
    status = "released"
    warns = []
    for t in tabs:
        if _STATUS_RANK[t.status] > _STATUS_RANK[status]:
            status = t.status
        if t.status != "released":
            warns.append(f"{t.ref} is {t.status.upper()}: results that use it are {t.status}")
        if t.meta.provenance:
            warns.append(t.meta.provenance)
        ev = t.evidence_counts
        if ev.get("unverified") or ev.get("secondary"):
            warns.append(
                f"{t.ref} contains {ev.get('unverified', 0)} unverified and "
                f"{ev.get('secondary', 0)} secondary-source rows (see its evidence column)"
            )
    return {
        "profile": profile,
        "status": status,
        "tables": {t.ref: t.sha256 for t in tabs},
        "options": dict(options or {}),
        "warnings": warns,
    }


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
    years = dict(zip(index.frame["year"].astype(int), index.frame["index_prev_year"], strict=True))
    need = range(lo + 1, hi + 1)
    missing = [y for y in need if y not in years]
    if missing:
        raise PriceYearError(
            f"{index.ref} has no index for {missing} (needed to convert {from_year} → {to_year} "
            f"prices; it covers {min(years)}–{max(years)})",
            table=index.id,
            edition=index.edition,
            hint="add the years to a derived edition of the index table, or choose another "
            "price year",
        )
    f = 1.0
    for y in need:
        f *= float(years[y]) / 100.0
    return f if to_year > from_year else 1.0 / f


def chain_ref(index: CoefficientTable, from_year: int, to_year: int) -> str:
    """Coefficient reference of a price-year conversion, e.g. ``cpi-china@nbs-annual#2010-2020``."""
    return f"{index.ref}#{from_year}-{to_year}"
