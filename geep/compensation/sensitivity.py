"""Sensitivity of settlements to scheme parameters, and rule comparison.

* :func:`sensitivity` — one-at-a-time sweeps (tornado): each numeric parameter at a low and a
  high value, every party's net position at low / base / high;
* :func:`scenarios` — a grid of parameter values, every party's net per scenario;
* :func:`compare_rules` — the same observations through alternative rule sets (e.g. the Fen
  sections under the Shanxi 2013 tiers, Zhoukou's continuous tier, 豫晋陕 class + index).

Inputs are validated once and re-run with parameter overrides only.

References
----------
compensation.md §5.3 item 4 (sensitivity: base class, amount per class, per-point price,
caps, tier boundaries, K0 ...) and item 5 (rule comparison).
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import pandas as pd

from ..errors import SchemeError
from ..messages import text
from .engine import Prepared, prepare, run
from .parameters import sweepable
from .schemes import Scheme, coerce
from .settlement import Settlement


def _scale(value: Any, f: float) -> Any:
    if isinstance(value, bool | str) or value is None:
        raise TypeError
    if isinstance(value, list):
        return [None if v is None else v * f for v in value]
    if isinstance(value, dict):
        if not all(isinstance(v, int | float) or v is None for v in value.values()):
            raise TypeError
        return {k: (None if v is None else v * f) for k, v in value.items()}
    return value * f


def _numeric(prep: Prepared, names: Iterable[str]) -> list[str]:
    """Continuous numeric parameters (whole numbers such as a base class, choices and flags
    are not scaled: give them explicit (low, high) values)."""
    out = []
    for n in names:
        try:
            _scale(prep.scheme.doc.parameters[n].value, 1.0)
        except TypeError:
            continue
        if sweepable(prep.scheme, n):
            out.append(n)
    return out


def _net(s: Settlement, by_year: bool) -> pd.DataFrame:
    n = s.net
    keys = ["party", "party_name", "settlement_year"] if by_year else ["party", "party_name"]
    return n.groupby(keys, sort=True)["net"].sum()


def sensitivity(
    scheme: Scheme | str,
    observations: pd.DataFrame,
    parameters: Sequence[str] | Mapping[str, tuple[Any, Any]] | None = None,
    flows: pd.DataFrame | None = None,
    *,
    rel: float = 0.2,
    base: Mapping[str, Any] | None = None,
    sections: pd.DataFrame | None = None,
    by_year: bool = False,
    paths: Iterable[str | os.PathLike] | None = None,
) -> pd.DataFrame:
    """One-at-a-time parameter sweeps (tornado).

    Parameters
    ----------
    parameters
        Names to sweep (each scaled by 1 ∓ ``rel``; lists and mappings element-wise), or
        ``{name: (low, high)}`` with explicit values. Default: every numeric parameter the
        base run uses.
    rel
        Relative change for named parameters (0.2 = ±20 %).
    base
        Overrides applied to every run (e.g. official values completing a provisional
        edition).
    by_year
        One row per settlement year too (default: nets summed over settlement years).

    Returns
    -------
    pandas.DataFrame
        One row per parameter × party: ``parameter, low, base_value, high, party,
        party_name, net_low, net_base, net_high, swing, amount_unit, status``, sorted by the
        parameter's largest swing (tornado order).
    """
    prep = prepare(scheme, observations, flows, base, sections, paths=paths)
    base_run = run(prep)
    if parameters is None:
        names = _numeric(prep, base_run.meta["parameters_used"])
        ranges: dict[str, tuple[Any, Any]] = {}
    elif isinstance(parameters, Mapping):
        names, ranges = list(parameters), {k: tuple(v) for k, v in parameters.items()}
    else:
        names, ranges = list(parameters), {}
    rows = []
    base_net = _net(base_run, by_year)
    for name in names:
        rows.append(_sweep(prep, name, ranges.get(name), rel, base_net, by_year))
    if not rows:
        return pd.DataFrame()
    out = pd.concat(rows, ignore_index=True)
    out["swing"] = (out["net_high"] - out["net_low"]).abs()
    out["amount_unit"] = base_run.unit
    out["status"] = base_run.status
    order = out.groupby("parameter")["swing"].max().sort_values(ascending=False, kind="mergesort")
    out["_o"] = out["parameter"].map({p: i for i, p in enumerate(order.index)})
    return (
        out.sort_values(["_o", "party"], kind="mergesort").drop(columns="_o").reset_index(drop=True)
    )


def _sweep(
    prep: Any,
    name: str,
    explicit: tuple[Any, Any] | None,
    rel: float,
    base_net: pd.Series,
    by_year: bool,
) -> pd.DataFrame:
    """The nets of every party at the low, base and high value of one parameter."""
    if name not in prep.scheme.doc.parameters:
        raise SchemeError(
            text("comp.err.no_parameter", ref=prep.scheme.ref, name=name), table=prep.scheme.ref
        )
    value = prep.scheme.doc.parameters[name].value
    if explicit is not None:
        lo, hi = explicit
    else:
        try:
            lo, hi = _scale(value, 1 - rel), _scale(value, 1 + rel)
        except TypeError:
            raise SchemeError(text("comp.err.not_numeric", name=name), table=prep.scheme.ref) from None  # fmt: skip
    nets = {}
    for tag, v in (("low", lo), ("high", hi)):
        nets[tag] = _net(run(prep, {name: v}), by_year)
    frame = pd.concat(
        {"net_low": nets["low"], "net_base": base_net, "net_high": nets["high"]}, axis=1
    ).fillna(0.0)
    frame = frame.reset_index()
    frame.insert(0, "parameter", name)
    frame.insert(1, "low", repr(lo))
    frame.insert(2, "base_value", repr(value))
    frame.insert(3, "high", repr(hi))
    return frame


def scenarios(
    scheme: Scheme | str,
    observations: pd.DataFrame,
    grid: Mapping[str, Sequence[Any]],
    flows: pd.DataFrame | None = None,
    *,
    base: Mapping[str, Any] | None = None,
    sections: pd.DataFrame | None = None,
    by_year: bool = False,
    paths: Iterable[str | os.PathLike] | None = None,
) -> pd.DataFrame:
    """Every combination of ``grid`` values: one row per scenario × party with the net.

    Returns columns ``scenario``, one column per grid parameter, ``party``, ``party_name``
    (``settlement_year`` if ``by_year``), ``net``, ``amount_unit``, ``status``.
    """
    prep = prepare(scheme, observations, flows, base, sections, paths=paths)
    names = list(grid)
    rows = []
    for i, combo in enumerate(itertools.product(*(grid[n] for n in names))):
        s = run(prep, dict(zip(names, combo, strict=True)))
        net = _net(s, by_year).reset_index()
        net.insert(0, "scenario", i)
        for j, n in enumerate(names):
            net.insert(1 + j, n, repr(combo[j]))
        net["amount_unit"] = s.unit
        net["status"] = s.status
        rows.append(net)
    return pd.concat(rows, ignore_index=True)


def compare_rules(
    observations: pd.DataFrame,
    base: Scheme | str,
    rules: Sequence[Scheme | str],
    flows: pd.DataFrame | None = None,
    *,
    parameters: Mapping[str, Mapping[str, Any]] | None = None,
    sections: pd.DataFrame | None = None,
    paths: Iterable[str | os.PathLike] | None = None,
) -> pd.DataFrame:
    """Run the same observations through ``base`` and through each alternative rule set
    applied to ``base``'s parties and sections (:meth:`Scheme.with_rules_of`).

    ``parameters`` maps a rule's label (``id@edition``) to overrides for that run.
    Returns one row per rule × party × settlement year: ``rules, status, party,
    party_name, settlement_year, paid, received, net, amount_unit``.
    """
    b = coerce(base, paths)
    if sections is not None:
        b = b.with_sections(sections)
    runs = [(b.ref, b)] + [(coerce(r, paths).ref, b.with_rules_of(coerce(r, paths))) for r in rules]
    rows = []
    for label, sch in runs:
        over = (parameters or {}).get(label)
        s = prepare(sch, observations, flows, over)
        net = run(s).net
        net.insert(0, "rules", label)
        rows.append(net)
    out = pd.concat(rows, ignore_index=True)
    cols = [
        "rules",
        "status",
        "party",
        "party_name",
        "settlement_year",
        "paid",
        "received",
        "net",
        "amount_unit",
    ]
    return out[cols]
