"""Side-by-side comparison of ledgers: regions, years, editions or runs.

A :class:`Comparison` puts two or more *sides* next to each other on the same rows
(account, category, service), with absolute and % differences against the first side,
per-capita and per-km² values, ranks, and the lines that drive each difference. Sides at
different price years or in different currencies are refused (convert first); sides made
with different coefficient editions are compared, and the difference is stated in ``notes``
and in every output.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from .errors import MethodError, PriceYearError
from .ledger import CATEGORY_ORDER, Ledger

LEVELS = {
    "account": ["account"],
    "category": ["account", "category"],
    "service": ["account", "category", "service"],
    "indicator": ["account", "category", "service", "indicator"],
}


@dataclass
class Comparison:
    """Result of :func:`compare`.

    Attributes
    ----------
    sides
        Labels of the compared sides, in order (the first is the base of differences).
    table
        Wide table: row keys (account, category, service …) and one value column per side,
        plus ``diff:<side>`` (side − base) and ``pct:<side>`` (% of |base|).
    totals
        One row per side: total per account, per capita and per km² (when regions give
        population / area), and the rank of each side per account (1 = largest).
    drivers
        For each non-base side, the lines whose differences explain most of the total
        difference (largest |diff| first, with their share of the total difference).
    notes
        Statements the reader must see: different coefficient editions, provisional status.
    """

    sides: list[str]
    table: pd.DataFrame
    totals: pd.DataFrame
    drivers: pd.DataFrame
    notes: list[str] = field(default_factory=list)
    unit: str = "CNY"
    price_year: int | None = None

    def __repr__(self) -> str:
        head = f"Comparison of {len(self.sides)} sides ({', '.join(self.sides)}), "
        head += f"{self.unit} at price year {self.price_year}"
        notes = "".join(f"\n  ! {n}" for n in self.notes)
        return head + notes + "\n" + self.totals.to_string(index=False)

    def to_excel(self, path: str | Path, lang: str = "en") -> Path:
        """Workbook with the comparison, totals (with a native bar chart), drivers and notes."""
        from .io.compare_excel import write_comparison

        return write_comparison(self, Path(path), lang=lang)


def _side_frames(
    ledgers: Sequence[Ledger] | Ledger, labels: Sequence[str] | None, across: str
) -> tuple[list[str], list[pd.DataFrame], list[dict]]:
    if isinstance(ledgers, Ledger):
        ledgers = [ledgers]
    ledgers = list(ledgers)
    if not ledgers:
        raise MethodError("nothing to compare", hint="give at least one ledger")
    if across == "run":
        if len(ledgers) < 2:
            raise MethodError(
                "comparing runs needs two or more ledgers",
                hint="or use across='region' / 'year' on one ledger",
            )
        names = list(labels) if labels else [f"run{i + 1}" for i in range(len(ledgers))]
        if len(names) != len(ledgers) or len(set(names)) != len(names):
            raise MethodError("labels must be unique, one per ledger")
        return names, [lg.lines for lg in ledgers], [lg.meta for lg in ledgers]
    lines = pd.concat([lg.lines for lg in ledgers], ignore_index=True)
    meta = [lg.meta for lg in ledgers]
    col = {"region": "region_code", "year": "year"}.get(across)
    if col is None:
        raise MethodError(f"across must be 'run', 'region' or 'year', not {across!r}")
    keys = sorted(lines[col].astype(str).unique())
    if labels:
        keys = [k for k in keys if k in set(map(str, labels))]
        missing = sorted(set(map(str, labels)) - set(keys))
        if missing:
            raise MethodError(
                f"no lines for {across} {missing}",
                hint=f"available: {sorted(lines[col].astype(str).unique())}",
            )
    if len(keys) < 2:
        raise MethodError(f"only one {across} in the ledger(s): nothing to compare")
    frames = [lines[lines[col].astype(str) == k] for k in keys]
    return keys, frames, meta * len(keys) if len(meta) == 1 else meta


def compare(
    ledgers: Sequence[Ledger] | Ledger,
    *,
    labels: Sequence[str] | None = None,
    across: str = "run",
    level: str = "service",
    regions: pd.DataFrame | None = None,
    top: int = 10,
) -> Comparison:
    """Compare ledgers side by side.

    Parameters
    ----------
    ledgers
        Two or more ledgers (``across="run"``: runs, editions, scenarios), or one or more
        ledgers whose regions or years are compared (``across="region"`` / ``"year"``).
    labels
        Names of the runs, or the regions / years to keep (default: all).
    level
        Row detail: ``account``, ``category``, ``service`` or ``indicator``.
    regions
        Regions table (``region_code``, ``area`` [ha], ``population`` [persons]) for
        per-km² and per-capita values.
    top
        Number of driver lines listed per side.

    Raises
    ------
    PriceYearError
        If the sides use different price years or currencies.
    """
    if level not in LEVELS:
        raise MethodError(f"level must be one of {sorted(LEVELS)}")
    names, frames, metas = _side_frames(ledgers, labels, across)
    _check_money(names, frames)
    keys = LEVELS[level]
    cols = []
    for name, f in zip(names, frames, strict=True):
        g = f.groupby(keys, observed=True, sort=False)["value"].sum().rename(name)
        cols.append(g)
    table = pd.concat(cols, axis=1).reset_index()
    base = names[0]
    for n in names[1:]:
        table[f"diff:{n}"] = table[n].fillna(0.0) - table[base].fillna(0.0)
        table[f"pct:{n}"] = table[f"diff:{n}"] / table[base].abs().replace(0.0, np.nan) * 100.0
    order = {c: i for i, c in enumerate(CATEGORY_ORDER)}
    if "category" in table:
        table = table.assign(_c=table["category"].astype(str).map(lambda c: order.get(c, 99)))
        table = table.sort_values(["account", "_c", *keys[2:]], kind="stable").drop(columns="_c")
    table = table.reset_index(drop=True)

    totals = _totals(names, frames, across, regions)
    drivers = _drivers(names, frames, top)
    notes = _notes(names, metas)
    unit = str(frames[0]["value_unit"].dropna().iloc[0]) if len(frames[0]) else "CNY"
    py = frames[0]["price_year"].dropna()
    return Comparison(
        names, table, totals, drivers, notes, unit, int(py.iloc[0]) if len(py) else None
    )


def _check_money(names: list[str], frames: list[pd.DataFrame]) -> None:
    seen = {}
    for n, f in zip(names, frames, strict=True):
        seen[n] = (
            tuple(sorted(f["value_unit"].dropna().astype(str).unique())),
            tuple(sorted(int(p) for p in f["price_year"].dropna().unique())),
        )
    distinct = set(seen.values())
    if len(distinct) > 1 or any(len(u) > 1 or len(p) > 1 for u, p in distinct):
        detail = "; ".join(f"{n}: {u} at {p}" for n, (u, p) in seen.items())
        raise PriceYearError(
            f"the sides are in different currencies or price years ({detail}); comparing them "
            "would mix price levels",
            hint="re-run with the same price_year=... (price-index conversion is recorded)",
        )


def _totals(names, frames, across, regions) -> pd.DataFrame:
    rows = []
    reg = None
    if regions is not None and not regions.empty:
        reg = regions.set_index(regions["region_code"].astype(str))
    for n, f in zip(names, frames, strict=True):
        for acc, g in f.groupby("account", observed=True, sort=True):
            row = {"side": n, "account": acc, "value": float(g["value"].sum())}
            if reg is not None:
                codes = sorted(set(g["region_code"].astype(str)))
                years = g["year"].nunique()
                sub = reg.reindex(codes)
                if "population" in sub and sub["population"].notna().all():
                    row["per_capita"] = row["value"] / (float(sub["population"].sum()) * years)
                if "area" in sub and sub["area"].notna().all():
                    row["per_km2"] = row["value"] / (float(sub["area"].sum()) / 100.0 * years)
            rows.append(row)
    out = pd.DataFrame(rows)
    out["rank"] = out.groupby("account")["value"].rank(ascending=False, method="min").astype(int)
    return out


def _drivers(names, frames, top: int) -> pd.DataFrame:
    key = ["account", "category", "service", "indicator"]
    extra = "ecosystem_type"
    base = frames[0]
    use = key + ([extra] if extra in base and all(extra in f for f in frames) else [])
    gb = base.groupby(use, observed=True, dropna=False)["value"].sum()
    out = []
    for n, f in zip(names[1:], frames[1:], strict=True):
        gs = f.groupby(use, observed=True, dropna=False)["value"].sum()
        d = gs.sub(gb, fill_value=0.0)
        total = float(d.sum())
        d = d[d != 0].sort_values(key=np.abs, ascending=False).head(top).reset_index()
        d.columns = [*use, "diff"]
        d.insert(0, "side", n)
        d["share_of_total_diff"] = d["diff"] / total * 100.0 if total else np.nan
        out.append(d)
    if not out:
        return pd.DataFrame(columns=["side", *use, "diff", "share_of_total_diff"])
    return pd.concat(out, ignore_index=True)


def _notes(names, metas: list[Mapping]) -> list[str]:
    notes = []
    tabs = [set((m or {}).get("tables", {})) for m in metas]
    if any(t != tabs[0] for t in tabs[1:]):
        for n, t in zip(names, tabs, strict=True):
            only = sorted(t - set.intersection(*tabs))
            if only:
                notes.append(f"{n} used coefficient editions the others did not: {', '.join(only)}")
    status = {n: (m or {}).get("status", "released") for n, m in zip(names, metas, strict=True)}
    prov = [n for n, s in status.items() if s != "released"]
    if prov:
        notes.append(f"provisional results: {', '.join(f'{n} ({status[n]})' for n in prov)}")
    return notes


__all__ = ["Comparison", "compare"]
