"""Run the accounting methods that an input file supports: the work of ``geep run`` / ``batch``.

``esv`` needs land cover in geep classes, ``bt`` land cover, ``gep`` quantities or drivers,
``geep`` GEP plus the economy table. ``all`` runs every method the inputs allow.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from ..errors import MethodError
from ..inputs import Inputs
from ..ledger import Ledger
from ..vocab import BIOMES

METHODS = ("esv", "gep", "bt", "geep")
DEFAULT_PROFILES = {"esv": "xie-2015", "gep": "cn-gep-2020", "bt": "costanza-2014"}
REQUIRES = {"esv": ("land_cover",), "bt": ("land_cover",), "gep": (), "geep": ("economy",)}


def available_methods(inputs: Inputs) -> list[str]:
    """Methods whose inputs are present, in the order of :data:`METHODS`."""
    out: list[str] = []
    lc = inputs.get("land_cover")
    if lc is not None and not lc.empty:
        classes = set(lc["land_class"])
        if not classes & set(BIOMES):
            out.append("esv")
    has_gep = any(
        inputs.get(t) is not None and not inputs[t].empty for t in ("quantities", "drivers")
    )
    if has_gep:
        out.append("gep")
    if lc is not None and not lc.empty:
        out.append("bt")
    if has_gep and inputs.get("economy") is not None and not inputs["economy"].empty:
        out.append("geep")
    return out


def required_tables(method: str) -> tuple[str, ...]:
    """Tables that ``method`` cannot run without (reported as missing sheets)."""
    return () if method == "all" else REQUIRES.get(method, ())


def run_methods(
    inputs: Inputs,
    method: str = "all",
    *,
    profiles: Mapping[str, str] | None = None,
    price_year: int | None = None,
) -> Ledger:
    """Run ``method`` (one of :data:`METHODS` or ``"all"``) on validated ``inputs``.

    Parameters
    ----------
    profiles
        Profile per method, e.g. ``{"esv": "xie-2008"}``; defaults :data:`DEFAULT_PROFILES`.
    price_year
        Report price year passed to every method that converts prices. When GEEP is run and
        none is given, GEP is valued at the economy table's price year (recorded as a warning).

    Returns
    -------
    Ledger
        One ledger (several accounts when several methods ran), with ``meta["inputs"]``
        (file hashes), ``meta["profiles"]`` and ``meta["methods"]``.

    Raises
    ------
    MethodError
        If the inputs do not support the method asked for.
    """
    from ..methods.benefit_transfer import benefit_transfer
    from ..methods.esv import esv
    from ..methods.geep_account import geep
    from ..methods.gep import gep

    prof = {**DEFAULT_PROFILES, **(profiles or {})}
    avail = available_methods(inputs)
    if method == "all":
        todo = avail
        if not todo:
            raise MethodError(
                "the inputs support no method (they have: "
                f"{', '.join(inputs.tables) or 'no tables'})",
                hint="fill the land_cover sheet (ESV, BT) or the quantities sheet (GEP)",
            )
    elif method in METHODS:
        if method not in avail:
            need = {
                "esv": "a land_cover sheet in geep land classes",
                "bt": "a land_cover sheet",
                "gep": "a quantities or drivers sheet",
                "geep": "a quantities (or drivers) sheet and an economy sheet",
            }[method]
            raise MethodError(
                f"method {method!r} needs {need}; the inputs have: "
                f"{', '.join(inputs.tables) or 'no tables'}",
                hint=f"methods these inputs support: {', '.join(avail) or 'none'}",
            )
        todo = ["gep", "geep"] if method == "geep" else [method]
    else:
        raise MethodError(
            f"unknown method {method!r}", hint=f"use one of {', '.join(METHODS)}, all"
        )

    ledgers: dict[str, Ledger] = {}
    notes: list[str] = []
    gep_year = price_year
    if "geep" in todo and price_year is None:
        years = sorted(set(inputs["economy"]["price_year"].dropna().astype(int)))
        if len(years) == 1:
            gep_year = years[0]
            notes.append(
                f"GEP valued at price year {gep_year}, the price year of the economy table "
                "(needed for GEEP); pass a price year to choose another"
            )
    for m in todo:
        if m == "esv":
            ledgers[m] = esv(inputs, prof["esv"], price_year=price_year)
        elif m == "bt":
            ledgers[m] = benefit_transfer(inputs, prof["bt"])
        elif m == "gep":
            ledgers[m] = gep(inputs, prof["gep"], price_year=gep_year)
        elif m == "geep":
            ledgers[m] = geep(ledgers["gep"], inputs, price_year=price_year)
    keep = [m for m in todo if not (method == "geep" and m == "gep")]
    parts = [ledgers[m] for m in keep]
    ledger = parts[0] if len(parts) == 1 else Ledger.concat(parts)
    meta = dict(ledger.meta)
    meta["methods"] = keep
    meta["profiles"] = {m: prof[m] for m in keep if m in prof} | (
        {"geep": prof["gep"]} if "geep" in keep else {}
    )
    if len(keep) == 1 and keep[0] in prof:
        meta["profile"] = prof[keep[0]]
    elif len(keep) > 1:
        meta.pop("profile", None)  # several methods: see "profiles"
    meta["inputs"] = dict(inputs.sources)
    meta["warnings"] = list(meta.get("warnings", [])) + [
        n for n in notes if n not in meta.get("warnings", [])
    ]
    return Ledger(ledger.lines, meta)


def write_ledger(ledger: Ledger, out: Path, lang: str = "en") -> Path:
    """Write ``ledger`` as ``.xlsx`` (formatted workbook) or ``.csv`` (+ ``.meta.json``)."""
    out = Path(out)
    if out.suffix.lower() == ".csv":
        return ledger.to_csv(out)
    if out.suffix.lower() in (".xlsx", ".xlsm"):
        return ledger.to_excel(out.with_suffix(".xlsx") if out.suffix.lower() == ".xlsm" else out,
                               lang=lang)  # fmt: skip
    raise MethodError(f"cannot write a ledger to {out.name!r}", hint="use .xlsx or .csv")
