"""Run a registered method: inputs → resolve → pure kernel → assemble → Ledger.

The public front-ends (:func:`geep.esv`, :func:`geep.gep`, :func:`geep.benefit_transfer`,
:func:`geep.geep`) and ``geep run`` all come through :func:`run`, so that every method handles
profiles, options, warnings, status and provenance the same way.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

from ..coefficients import CoefficientTable
from ..coefficients.profiles import load_profile
from ..errors import MethodError
from ..inputs import Inputs
from ..ledger import Ledger
from ..messages import text
from .assemble import assemble
from .common import input_tables
from .registry import get, merged_options


def resolve(
    name: str,
    tables: Mapping[str, pd.DataFrame],
    *,
    profile: str | None = None,
    price_year: int | None = None,
    options: Mapping[str, Any] | None = None,
    overrides: Mapping[str, CoefficientTable | str] | None = None,
):
    """The :class:`~geep.methods.resolved.Resolved` coefficients of method ``name`` for
    ``tables`` (the only catalogue access of a run)."""
    method = get(name)
    prof = load_profile(profile or method.default_profile) if method.roles else None
    opts = merged_options(method, getattr(prof, "options", None), options)
    return method.resolve(prof, tables, opts, price_year, overrides)


def run(
    name: str,
    inputs: Inputs | pd.DataFrame | Mapping[str, pd.DataFrame],
    *,
    profile: str | None = None,
    price_year: int | None = None,
    options: Mapping[str, Any] | None = None,
    tables: Mapping[str, CoefficientTable | str] | None = None,
    extra_tables: Mapping[str, Any] | None = None,
    meta: Mapping[str, Any] | None = None,
) -> Ledger:
    """Run method ``name`` on ``inputs`` and return its ledger.

    Parameters
    ----------
    inputs
        :class:`~geep.inputs.Inputs`, a mapping of raw frames by table name, or one frame (the
        method's first required table).
    profile
        Coefficient profile (default: the method's).
    price_year
        Report price year.
    options
        Method options (see ``geep.methods.REGISTRY[name].options``).
    tables
        Replace profile tables by role (an override edition or a ``table@edition`` ref).
    extra_tables
        Further plain frames the kernel reads (e.g. ESV ``grain``, ``adjustments``).
    meta
        Extra provenance for the ledger.
    """
    method = get(name)
    first = method.requires[0] if method.requires else name
    first = first if isinstance(first, str) else first[0]
    options = dict(options or {})
    if method.prepare is not None:
        data, names, sources, notes = method.prepare(inputs, options, first)
    else:
        (data, names, sources), notes = input_tables(inputs, first), []
    data.update(dict(extra_tables or {}))
    missing = method.missing(data)
    if missing:
        raise MethodError(
            text(
                "method.needs",
                method=name,
                need=", ".join(missing),
                have=", ".join(k for k, v in data.items() if v is not None) or "-",
            ),
        )
    resolved = resolve(name, data, profile=profile, price_year=price_year, options=options,
                       overrides=tables)  # fmt: skip
    result = method.kernel(data, resolved)
    result.warnings[:0] = notes
    extra = dict(meta or {})
    if sources:
        extra.setdefault("inputs", sources)
    return assemble(method, resolved, result, names, value_unit=resolved.frames.get(
        "currency", "CNY"), meta=extra, ordered=result.ordered)  # fmt: skip


__all__ = ["resolve", "run"]
