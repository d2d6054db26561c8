"""Run every method that the inputs support (the work of ``geep run`` / ``geep batch``).

Which methods can run, what they need and which profile they use by default all come from
the registry; ``all`` runs every registered method the inputs allow, dependencies first.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..errors import MethodError
from ..inputs import Inputs
from ..ledger import Ledger
from ..messages import text
from .registry import REGISTRY, get, names
from .run import run


def methods() -> tuple[str, ...]:
    """Registered method names, in run order."""
    return tuple(names())


def default_profiles() -> dict[str, str]:
    """``{method: default profile}`` of the methods that take a profile."""
    return {n: m.default_profile for n, m in REGISTRY.items() if m.default_profile}


def available_methods(inputs: Inputs) -> list[str]:
    """Methods whose inputs are present, in run order (a method that consumes another's
    ledger is available when that one is)."""
    out: list[str] = []
    for name in names():
        m = REGISTRY[name]
        if all(d in out for d in m.depends) and m.has_inputs(inputs.tables):
            out.append(name)
    return out


def required_tables(method: str) -> tuple[str, ...]:
    """Tables that ``method`` cannot run without (reported as missing sheets)."""
    if method == "all":
        return ()
    m = get(method)
    return tuple(t for t in m.requires if isinstance(t, str))


def default_price_year(inputs: Inputs, todo: list[str]) -> tuple[int | None, list[Any]]:
    """The report price year of GEP and GEEP when none is given: the latest price year of the
    economy table (needed to state GEEP at one price year), with the note that says so."""
    if "geep" not in todo or inputs.get("economy") is None:
        return None, []
    years = sorted(set(inputs["economy"]["price_year"].dropna().astype(int)))
    if not years:
        return None, []
    return years[-1], [text("pipeline.default_price_year", year=years[-1],
                            years=", ".join(map(str, years)))]  # fmt: skip


def _plan(method: str, inputs: Inputs) -> list[str]:
    avail = available_methods(inputs)
    have = ", ".join(inputs.tables) or "-"
    if method == "all":
        if not avail:
            raise MethodError(text("method.none_supported", have=have),
                              hint=text("method.hint_none_supported"))  # fmt: skip
        return avail
    m = get(method)
    if method not in avail:
        need = ", ".join(m.missing(dict(inputs.tables)) or [str(r) for r in m.requires])
        raise MethodError(
            text("method.needs", method=method, need=need, have=have),
            hint=text("method.hint_supported", methods=", ".join(avail) or "-"),
        )
    return [*m.depends, method]


def run_methods(
    inputs: Inputs,
    method: str = "all",
    *,
    profiles: Mapping[str, str] | None = None,
    price_year: int | None = None,
) -> Ledger:
    """Run ``method`` (a registered name or ``"all"``) on validated ``inputs``.

    Parameters
    ----------
    profiles
        Profile per method, e.g. ``{"esv": "xie-2008"}``; defaults from the registry.
    price_year
        Report price year passed to every method that converts prices. When GEEP is run and
        none is given, GEP and GEEP are valued at the latest price year of the economy table
        (recorded as a warning).

    Returns
    -------
    Ledger
        One ledger (several accounts when several methods ran), with ``meta["inputs"]``
        (file hashes), ``meta["profiles"]`` and ``meta["methods"]``.
    """
    prof = {**default_profiles(), **(profiles or {})}
    todo = _plan(method, inputs)
    notes: list[Any] = []
    eco_year = price_year
    if price_year is None:
        eco_year, notes = default_price_year(inputs, todo)
    ledgers: dict[str, Ledger] = {}
    for name in todo:
        m = REGISTRY[name]
        year = eco_year if name in ("gep", "geep") else price_year
        if name == "geep":
            from .geep_account import geep

            ledgers[name] = geep(ledgers["gep"], inputs, price_year=year)
            continue
        ledgers[name] = run(name, inputs, profile=prof.get(name),
                            price_year=year if m.price_years else None)  # fmt: skip
    keep = [n for n in todo if not (method not in ("all", n) and n in get(method).depends)]
    parts = [ledgers[n] for n in keep]
    ledger = parts[0] if len(parts) == 1 else Ledger.concat(parts)
    meta = dict(ledger.meta)
    meta["methods"] = keep
    meta["profiles"] = {n: prof[n] for n in keep if n in prof}
    if "geep" in keep and "gep" in prof:
        meta["profiles"]["geep"] = prof["gep"]
    if len(keep) == 1 and keep[0] in prof:
        meta["profile"] = prof[keep[0]]
    elif len(keep) > 1:
        meta.pop("profile", None)  # several methods: see "profiles"
    meta["inputs"] = dict(inputs.sources)
    meta["warnings"] = list(meta.get("warnings", [])) + [
        n for n in notes if n not in meta.get("warnings", [])
    ]
    return Ledger._trusted(ledger._raw, meta, ordered=ledger._ordered)


__all__ = ["available_methods", "default_price_year", "methods", "required_tables", "run_methods"]
