"""Ecosystem services supply and use tables (SEEA EA Tables 7.1 physical and 9.1 monetary).

Supply is by ecosystem type (the ledger's ``ecosystem_type``, or ``all`` for GEP ledgers kept
by region; ``attribution=`` splits services onto types by shares); use is by beneficiary —
households, government, industries, exports or any code given — from shares that sum to 1 per
service, so Σ supply = Σ use per service by construction and by check. Services are flagged
final or intermediate (supporting services are intermediate by default: only final services add
up to a GEP in the SEEA sense). Only exchange values go into the core monetary tables (9.1a/b);
welfare values — value transfers such as equivalent-factor ESV or Costanza unit values — go to
complementary tables (9.1a-w/b-w). Physical tables use the quantities (功能量) of GEP lines.

References
----------
United Nations et al. (2021). SEEA EA, chapters 6, 7 and 9 (reference list of services, supply
and use tables, exchange values).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from ..errors import InputError
from ..ledger import Ledger
from ..messages import text
from . import inputs as I
from .account import Account
from .assets import _classification
from .cube import concat_cubes, table_cube
from .identities import supply_use_checks
from .ledgers import lines_of, methods_of, money_basis
from .vocab import SEP, TOTAL
from .vocab import SUPPLY_USE_PAIRS as PAIRS

#: value concept of each ledger account (SEEA: exchange values only in the core tables)
CONCEPTS = {"GEP": "exchange", "ESV": "welfare", "BT": "welfare"}
FINAL_TOTAL = "total.final"


def _shares(frame: pd.DataFrame, table: str, column: str, services: set[str]) -> pd.DataFrame:
    df, _ = I.canonical_columns(frame, table, ("service", column, "share"), ("region_code", "year"))
    out = I.frame({"service": I.codes(df, table, "service"), column: I.codes(df, table, column),
                        "share": I.numbers(df, table, "share", nonnegative=True)})  # fmt: skip
    keys = ["service"]
    for c in ("region_code", "year"):
        if c in df.columns:
            out[c] = I.years(df, table, c) if c == "year" else I.codes(df, table, c)
            keys.append(c)
    I.duplicates(out, table, [*keys, column])
    tot = out.groupby(keys, sort=False)["share"].sum()
    bad = tot[(tot - 1.0).abs() > 1e-9]
    if len(bad):
        raise InputError(text("seea.shares_sum", table=table, key=bad.index[0], total=float(bad.iloc[0]), n=len(bad)),
                         hint=text("seea.hint_shares_sum"), table=table)  # fmt: skip
    missing = sorted(services - set(out["service"]))
    if missing:
        raise InputError(text("seea.shares_missing", table=table, services=missing),
                         hint=text("seea.hint_shares_missing", table=table), table=table)  # fmt: skip
    return out


def _split(lines: pd.DataFrame, shares: pd.DataFrame, column: str) -> pd.DataFrame:
    """Lines multiplied out by the shares of their service (quantity and value)."""
    keys = [c for c in ("service", "region_code", "year") if c in shares.columns]
    m = lines.merge(shares, on=keys, how="left", validate="many_to_many")
    if m["share"].isna().any():
        r = m[m["share"].isna()].iloc[0]
        raise InputError(text("seea.shares_missing", table=column, services=[r["service"]]),
                         hint=text("seea.hint_shares_missing", table=column))  # fmt: skip
    m["value"] = m["value"] * m["share"]
    m["quantity"] = m["quantity"] * m["share"]
    return m.drop(columns="share")


def _supply_rows(
    lines: pd.DataFrame, by: str, table: str, physical: bool, intermediate: set[str]
) -> pd.DataFrame:
    if physical:
        sub = lines[lines["quantity"].notna() & lines["quantity_unit"].notna()]
        g = sub.groupby(
            ["region_code", "year", "service", "indicator", "quantity_unit", by],
            sort=True,
            observed=True,
        )
        agg = g["quantity"].sum().reset_index()
        _one_unit(agg)
        row, unit, val = (
            agg["service"] + SEP + agg["indicator"],
            agg["quantity_unit"].astype(str),
            "quantity",
        )
    else:
        agg = (
            lines.groupby(["region_code", "year", "service", by], sort=True, observed=True)["value"]
            .sum()
            .reset_index()
        )
        agg = _with_final_total(agg, by, intermediate)
        money = (
            str(lines["value_unit"].dropna().iloc[0])
            if lines["value_unit"].notna().any()
            else "CNY"
        )
        row, unit, val = agg["service"], money, "value"
    flags = np.where(agg["service"].isin(list(intermediate)), "intermediate", "")
    return table_cube(
        account="supply_use", table=table, region=agg["region_code"].to_numpy(dtype=object),
        period=agg["year"].astype(str).to_numpy(dtype=object), row=np.asarray(row, dtype=object),
        column=agg[by].to_numpy(dtype=object), value=agg[val].to_numpy(dtype=float),
        unit=unit if isinstance(unit, str) else np.asarray(unit, dtype=object), flags=flags,
    )  # fmt: skip


def _one_unit(agg: pd.DataFrame) -> None:
    n = agg.groupby(["region_code", "year", "service", "indicator"])["quantity_unit"].nunique()
    if (n > 1).any():
        r, y, _s, i = n[n > 1].index[0]
        raise InputError(text("seea.mixed_quantity_units", indicator=i, region=r, year=y),
                         hint=text("seea.hint_mixed_quantity_units"))  # fmt: skip


def _with_final_total(agg: pd.DataFrame, by: str, intermediate: set[str]) -> pd.DataFrame:
    """Append per region, year and column the sum of all services and of final services."""
    keys = ["region_code", "year", by]
    tot = agg.groupby(keys, sort=False)["value"].sum().reset_index().assign(service=TOTAL)
    fin = agg[~agg["service"].isin(list(intermediate))].groupby(keys, sort=False)["value"].sum()
    fin = fin.reset_index().assign(service=FINAL_TOTAL)
    return pd.concat([agg, tot, fin], ignore_index=True).sort_values(
        ["region_code", "year"], kind="stable"
    )


def supply_use(
    gep_ledger: Ledger,
    beneficiaries: pd.DataFrame | None = None,
    *,
    attribution: pd.DataFrame | None = None,
    intermediate: Sequence[str] | None = None,
    value_concept: Mapping[str, str] | None = None,
) -> Account:
    """Physical and monetary supply and use tables of ecosystem services.

    Parameters
    ----------
    gep_ledger
        A GEP ledger (exchange values; quantities are the physical flows), or an ESV / BT
        ledger (welfare values: complementary monetary tables only, no physical tables).
    beneficiaries
        ``service, beneficiary, share`` (+ ``region_code``, ``year``): how each service's use
        splits over beneficiaries (``households``, ``government``, ``industries``, ``exports``
        or any code); shares sum to 1 per service. Without it only the supply tables are made.
    attribution
        ``service, ecosystem_type, share`` (+ ``region_code``, ``year``): split services of
        ledgers without ecosystem types onto types.
    intermediate
        Services that are intermediate (default: the ledger's ``supporting`` services).
    value_concept
        ``{account: "exchange" | "welfare"}``, overriding ``GEP → exchange``, ``ESV, BT →
        welfare``.

    Returns
    -------
    Account
        Tables 7.1a/b (physical), 9.1a/b (exchange values) and 9.1a-w/b-w (welfare values),
        each service row flagged ``intermediate`` where it is; ``total.final`` rows sum the
        final services. ``long``: the cube rows without totals.

    References
    ----------
    United Nations et al. (2021). SEEA EA, chapters 7 and 9.
    """
    lines = lines_of(gep_ledger, "gep_ledger")
    unit, py = money_basis([lines])
    inter = (
        set(intermediate)
        if intermediate is not None
        else set(lines.loc[lines["category"].astype(str) == "supporting", "service"].astype(str))
    )
    lines["service"] = lines["service"].astype(str)
    notes = []
    if attribution is not None:
        sh = _shares(attribution, "attribution", "ecosystem_type", set(lines["service"]))
        lines = _split(lines.drop(columns="ecosystem_type"), sh, "attribution")
    elif (lines["ecosystem_type"] == "all").all():
        notes.append(text("seea.note_no_types"))
    concepts = {**CONCEPTS, **(value_concept or {})}
    lines["_concept"] = lines["account"].astype(str).map(concepts).fillna("welfare")
    ben = None
    if beneficiaries is not None:
        ben = _shares(beneficiaries, "beneficiaries", "beneficiary", set(lines["service"]))
    else:
        notes.append(text("seea.note_no_beneficiaries"))
    cubes = _tables(lines, ben, inter, notes)
    cube = concat_cubes(cubes)
    long = cube[(cube["column_code"] != TOTAL)].reset_index(drop=True)
    meta = {t: {"price_basis": "current or constant prices of the ledger", "price_year": py, "unit": unit,
                "valuation_technique": methods_of([lines]),
                "value_concept": "welfare" if t.endswith("-w") else ("physical" if t.startswith("7.") else "exchange"),
                "intermediate_services": sorted(inter), "status": gep_ledger.status,
                "classification": _classification(gep_ledger)
                + ("; split by attribution shares" if attribution is not None else "")}
            for t in pd.unique(cube["table"])}  # fmt: skip
    return Account(kind="supply_use", long=long, cube=cube, metadata=meta,
                   checks=supply_use_checks(cube, PAIRS), notes=notes)  # fmt: skip


def _tables(lines, ben, inter, notes) -> list[pd.DataFrame]:
    out = []
    exch = lines[lines["_concept"] == "exchange"]
    welf = lines[lines["_concept"] != "exchange"]
    if len(welf):
        notes.append(
            text(
                "seea.note_welfare_tables",
                accounts=", ".join(sorted(set(welf["account"].astype(str)))),
            )
        )
    if len(exch):
        out.append(_supply_rows(exch, "ecosystem_type", "7.1a", True, inter))
        out.append(_supply_rows(exch, "ecosystem_type", "9.1a", False, inter))
    if len(welf):
        out.append(_supply_rows(welf, "ecosystem_type", "9.1a-w", False, inter))
    if ben is not None:
        if len(exch):
            used = _split(exch, ben, "beneficiaries")
            out.append(_supply_rows(used, "beneficiary", "7.1b", True, inter))
            out.append(_supply_rows(used, "beneficiary", "9.1b", False, inter))
        if len(welf):
            out.append(
                _supply_rows(
                    _split(welf, ben, "beneficiaries"), "beneficiary", "9.1b-w", False, inter
                )
            )
    return out
