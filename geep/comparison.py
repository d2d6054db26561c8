"""Side-by-side comparison of ledgers: regions, years, editions or runs.

A :class:`Comparison` puts two or more *sides* next to each other on the same rows
(account, category, service), with absolute and % differences against the first side,
per-capita and per-km² values, ranks, and the lines that drive each difference. Like is
compared with like per account: a ledger may hold several accounts in different money (the
default ``geep run`` puts benefit transfer in USD 2007 beside ESV/GEP in CNY), but within one
account every side must use the same currency and price year, else the comparison is refused
naming the account (convert first, or keep some accounts with ``accounts=``). Sides made with
different coefficient editions are compared, and the difference is stated in ``notes`` and in
every output.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from .errors import MethodError, PriceYearError
from .ledger import CATEGORY_ORDER, Ledger
from .messages import label, msg, text

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
    #: ``{account: (value unit, price year)}`` — the money of each compared account
    money: dict[str, tuple[str, int | None]] = field(default_factory=dict)
    #: ``{side: name}`` where a side has a name (regions compared by code: the name the
    #: ledger's lines give, else the regions table's, else the ``names`` passed to
    #: :func:`compare`)
    names: dict[str, str] = field(default_factory=dict)

    def side_label(self, side: str) -> str:
        """How a reader sees ``side``: ``name (code)`` where it has a name, else the side."""
        name = self.names.get(side)
        return f"{name} ({side})" if name and name != side else side

    def __repr__(self) -> str:
        sides = ", ".join(self.side_label(n) for n in self.sides)
        head = f"Comparison of {len(self.sides)} sides ({sides}), "
        head += "; ".join(f"{a}: {u} at price year {py}" for a, (u, py) in self.money.items())
        notes = "".join(f"\n  ! {n}" for n in self.notes)
        return head + notes + "\n" + self.totals.to_string(index=False)

    def to_excel(self, path: str | Path, lang: str = "en", unit: str | None = None) -> Path:
        """Workbook with the comparison, totals (with a native bar chart), drivers and notes;
        money shown in ``unit`` (元, 万元 or 亿元)."""
        from . import _formats

        return _formats.get("comparison.write_excel")(self, Path(path), lang=lang, unit=unit)


def _side_frames(
    ledgers: Sequence[Ledger] | Ledger, labels: Sequence[str] | None, across: str
) -> tuple[list[str], list[pd.DataFrame], list[dict]]:
    if isinstance(ledgers, Ledger):
        ledgers = [ledgers]
    ledgers = list(ledgers)
    if not ledgers:
        raise MethodError(text("cmp.err.nothing"), hint=text("hint.cmp.err.nothing"))
    if across == "run":
        if len(ledgers) < 2:
            raise MethodError(text("cmp.err.runs"), hint=text("hint.cmp.err.runs"))
        names = list(labels) if labels else [f"run{i + 1}" for i in range(len(ledgers))]
        if len(names) != len(ledgers) or len(set(names)) != len(names):
            raise MethodError(text("cmp.err.labels"))
        return names, [lg.lines for lg in ledgers], [lg.meta for lg in ledgers]
    lines = pd.concat([lg.lines for lg in ledgers], ignore_index=True)
    meta = [lg.meta for lg in ledgers]
    col = {"region": "region_code", "year": "year"}.get(across)
    if col is None:
        raise MethodError(text("cmp.err.across", across=across))
    keys = sorted(lines[col].astype(str).unique())
    if labels:
        keys = [k for k in keys if k in set(map(str, labels))]
        missing = sorted(set(map(str, labels)) - set(keys))
        if missing:
            raise MethodError(
                text("cmp.err.no_lines", across=across, missing=missing),
                hint=text("hint.cmp.err.available",
                          options=sorted(lines[col].astype(str).unique())),
            )  # fmt: skip
    if len(keys) < 2:
        raise MethodError(text("cmp.err.only_one", across=across))
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
    accounts: Sequence[str] | None = None,
    region_names: Mapping[str, str] | None = None,
    year: int | None = None,
    across_years: bool = False,
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
    accounts
        Compare only these accounts (e.g. ``["GEP"]``); default: every account.
    year
        Compare the lines of this year only (ledgers that span several years).
    across_years
        Allow sides whose lines span several years (runs or regions): each side's values are
        then summed over its years (per capita and per km² per year), and ``notes`` says so.
        Default: refused, as ledger totals are never added across years unless asked.
    region_names
        Region names by code (e.g. ``geep.report.regions.shanxi().names("zh")``), for the
        sides of ``across="region"`` whose lines and ``regions`` table give no name.

    Raises
    ------
    PriceYearError
        If, within one account, the sides (or the lines of one side) use different price
        years or currencies.
    MethodError
        If ``accounts`` names no account of the ledgers.
    """
    if level not in LEVELS:
        raise MethodError(text("cmp.err.level", levels=sorted(LEVELS)))
    if accounts is not None:
        ledgers = _keep_accounts(ledgers, accounts)
    if year is not None:
        ledgers = _of_year(ledgers, int(year))
    names, frames, metas = _side_frames(ledgers, labels, across)
    years = _years(frames, across, across_years)
    money = _check_money(names, frames)
    keys = LEVELS[level]
    table = _side_by_side(names, frames, keys)
    side_names = _side_names(names, frames, across, regions, region_names)
    totals = _named(_totals(names, frames, across, regions), side_names)
    drivers = _named(_drivers(names, frames, top), side_names)
    notes = _notes(names, metas, side_names)
    if years:
        notes.insert(0, msg("cmp.note_across_years", years=", ".join(years)))
    units = {u for u, _ in money.values()}
    pys = {p for _, p in money.values()}
    unit = next(iter(units)) if len(units) == 1 else "mixed"
    py = next(iter(pys)) if len(pys) == 1 else None
    return Comparison(names, table, totals, drivers, notes, unit, py, money, side_names)


def _side_by_side(names: list[str], frames: list[pd.DataFrame], keys: list[str]) -> pd.DataFrame:
    """One value column per side on the rows ``keys``, differences against the first side,
    deductions read as damages, rows in category order."""
    cols = [f.groupby(keys, observed=True, sort=False)["value"].sum().rename(name)
            for name, f in zip(names, frames, strict=True)]  # fmt: skip
    table = pd.concat(cols, axis=1).reset_index()
    base = names[0]
    for n in names[1:]:
        table[f"diff:{n}"] = table[n].fillna(0.0) - table[base].fillna(0.0)
        table[f"pct:{n}"] = table[f"diff:{n}"] / table[base].abs().replace(0.0, np.nan) * 100.0
    table = _deductions(table, names)
    order = {c: i for i, c in enumerate(CATEGORY_ORDER)}
    if "category" in table:
        table = table.assign(_c=table["category"].astype(str).map(lambda c: order.get(c, 99)))
        table = table.sort_values(["account", "_c", *keys[2:]], kind="stable").drop(columns="_c")
    return table.reset_index(drop=True)


def _of_year(ledgers: Sequence[Ledger] | Ledger, year: int) -> list[Ledger]:
    """The ledgers' lines of ``year``; an error naming the years there are if none has it."""
    ledgers = [ledgers] if isinstance(ledgers, Ledger) else list(ledgers)
    have = sorted({int(y) for lg in ledgers for y in lg.lines["year"].dropna().unique()})
    if year not in have:
        raise MethodError(text("cmp.err.no_year", year=year, years=", ".join(map(str, have))))
    return [Ledger(lg.lines[lg.lines["year"].to_numpy() == year], lg.meta) for lg in ledgers]


def _years(frames: list[pd.DataFrame], across: str, allowed: bool) -> list[str]:
    """The years of sides that span several (runs or regions), when ``allowed``; an error
    otherwise (their sum is no year's value)."""
    if across == "year":
        return []
    years = sorted({str(y) for f in frames for y in f["year"].dropna().unique()})
    if len(years) < 2:
        return []
    if not allowed:
        raise MethodError(text("cmp.err.years", years=", ".join(years)),
                          hint=text("hint.cmp.err.years"))  # fmt: skip
    return years


def _side_names(
    names: list[str],
    frames: list[pd.DataFrame],
    across: str,
    regions: pd.DataFrame | None,
    given: Mapping[str, str] | None,
) -> dict[str, str]:
    """``{side: name}`` of regions compared by code: the ledger's own ``region_name``, else
    the regions table's, else ``given``; sides without a name are left out."""
    if across != "region":
        return {}
    out: dict[str, str] = {}
    table: dict[str, str] = {}
    if regions is not None and "region_name" in regions:
        table = {str(c): n for c, n in zip(regions["region_code"], regions["region_name"],
                                           strict=True) if isinstance(n, str) and n.strip()}  # fmt: skip
    for n, f in zip(names, frames, strict=True):
        own = f["region_name"].dropna().astype(str).str.strip() if "region_name" in f else None
        own = own[own != ""] if own is not None else None
        name = own.iloc[0] if own is not None and len(own) else None
        name = name or table.get(n) or (given or {}).get(n)
        if name:
            out[n] = str(name)
    return out


def _named(frame: pd.DataFrame, side_names: Mapping[str, str]) -> pd.DataFrame:
    """``frame`` with a ``side_name`` column after ``side`` when any side has a name."""
    if not side_names or "side" not in frame:
        return frame
    out = frame.copy()
    out.insert(1, "side_name", out["side"].map(lambda s: side_names.get(s, "")))
    return out


def _keep_accounts(ledgers: Sequence[Ledger] | Ledger, accounts: Sequence[str]) -> list[Ledger]:
    from .messages import text

    ledgers = [ledgers] if isinstance(ledgers, Ledger) else list(ledgers)
    want = {str(a).strip() for a in accounts if str(a).strip()}
    have = sorted({str(a) for lg in ledgers for a in lg.lines["account"].dropna().unique()})
    if not want & set(have):
        raise MethodError(
            text("cli.cmp_no_account", accounts=", ".join(sorted(want)), available=", ".join(have))
        )
    return [Ledger(lg.lines[lg.lines["account"].astype(str).isin(want)], lg.meta) for lg in ledgers]


def _money_of(f: pd.DataFrame) -> pd.DataFrame:
    """Distinct (account, value unit, price year) of a side's lines."""
    m = pd.DataFrame(
        {
            "account": f["account"].astype(str).to_numpy(),
            "unit": f["value_unit"].astype(object).where(f["value_unit"].notna(), "").astype(str),
            "py": f["price_year"]
            .astype("Int64")
            .astype(object)
            .where(f["price_year"].notna(), None),
        }
    )
    return m.drop_duplicates()


def _check_money(names: list[str], frames: list[pd.DataFrame]) -> dict[str, tuple[str, int | None]]:
    """The money of each account; refuse an account valued in two ways (see the module doc)."""
    from .messages import text

    seen: dict[str, dict[str, tuple[str, int | None]]] = {}
    for n, f in zip(names, frames, strict=True):
        for acc, g in _money_of(f).groupby("account", sort=True):
            pairs = sorted(
                {
                    (u, None if p is None else int(p))
                    for u, p in zip(g["unit"], g["py"], strict=True)
                },
                key=str,
            )
            if len(pairs) > 1:
                units = ", ".join(f"{u} at {p}" for u, p in pairs)
                raise PriceYearError(
                    text("cli.cmp_mixed_account", account=acc, side=n, units=units),
                    hint=text("cli.hint_cmp_price_year"),
                )
            seen.setdefault(acc, {})[n] = pairs[0]
    money: dict[str, tuple[str, int | None]] = {}
    for acc, per_side in seen.items():
        if len(set(per_side.values())) > 1:
            detail = "; ".join(f"{n}: {u} at {p}" for n, (u, p) in per_side.items())
            raise PriceYearError(
                text("cli.cmp_account_differs", account=acc, detail=detail),
                hint=text("cli.hint_cmp_price_year"),
            )
        money[acc] = next(iter(per_side.values()))
    return money


def _deductions(table: pd.DataFrame, names: Sequence[str]) -> pd.DataFrame:
    """Deduction lines (GEEP's damage costs, stored negative) read as damages: for each side
    ``damage_pct:<side>`` is the change of the damage itself [%] (+ = a growing damage, which
    lowers GEEP), and ``reading`` says so; other lines leave both empty."""
    if "category" not in table or len(names) < 2:
        return table
    is_deduction = (table["category"].astype(str) == "deduction").to_numpy()
    if not is_deduction.any():
        return table
    for n in names[1:]:
        table[f"damage_pct:{n}"] = np.where(is_deduction, -table[f"pct:{n}"], np.nan)
    table["reading"] = np.where(is_deduction, msg("cmp.deduction_reading"), "")
    return table


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


def _notes(names, metas: list[Mapping], side_names: Mapping[str, str]) -> list[str]:
    notes = []
    tabs = [set((m or {}).get("tables", {})) for m in metas]
    if any(t != tabs[0] for t in tabs[1:]):
        for n, t in zip(names, tabs, strict=True):
            only = sorted(t - set.intersection(*tabs))
            if only:
                side = f"{side_names[n]} ({n})" if n in side_names else n
                notes.append(msg("cmp.note_editions", side=side, editions=", ".join(only)))
    status = {n: (m or {}).get("status", "released") for n, m in zip(names, metas, strict=True)}
    prov = [n for n, s in status.items() if s != "released"]
    if prov:
        sides = ", ".join(f"{side_names.get(n, n)} ({label('status', status[n])})" for n in prov)
        notes.append(msg("cmp.note_provisional", sides=sides))
    return notes


__all__ = ["Comparison", "compare"]
