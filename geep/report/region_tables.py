"""The report's region section: the sortable table per year, the ranking, the roll-up table.

Tables carry each cell's exact value in ``data-v`` (what the sort uses); the shown text is in
display units. Regions are named (the ledger's names, else ``regions-shanxi``'s), never only
coded, and counties carry the name of their city.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from html import escape

import pandas as pd

from ..errors import GeepError
from ..ledger import Ledger
from ..messages import msg
from .context import Context, note, section
from .labels import label, number, percent
from .sections import top_bars
from .tables import geep_table

#: the metric ranked in the chart, by preference
RANKED = ("geep", "gep", "esv")


@dataclass(frozen=True)
class Col:
    """A table column: frame column, header, how a value is shown, sort type."""

    key: str
    header: str
    show: Callable[[object], str]
    kind: str = "num"


def _money(scale: float) -> Callable[[object], str]:
    return lambda v: number(float(v) / scale)


def _columns(ctx: Context, frame: pd.DataFrame, scale: float) -> list[Col]:
    cols = [Col("region_code", msg("report.col.code"), str, "text"),
            Col("region_name", msg("report.col.name"), str, "text")]  # fmt: skip
    if "parent_name" in frame:
        cols.append(Col("parent_name", msg("report.col.city"), str, "text"))
    spec = {
        "gdp": _money(scale), "pdc": _money(scale), "edc": _money(scale), "ers": _money(scale),
        "geep": _money(scale), "geep_gdp": lambda v: percent(float(v)), "gep": _money(scale),
        "esv": _money(scale), "population": lambda v: number(float(v), 0),
        "area_km2": lambda v: number(float(v), 1),
        "geep_per_capita": lambda v: number(float(v), 0),
        "gep_per_capita": lambda v: number(float(v), 0),
        "gep_per_km2": lambda v: number(float(v) / 1e4), "esv_per_km2": lambda v: number(float(v) / 1e4),
    }  # fmt: skip
    cols += [Col(k, msg(f"report.col.{k}"), show) for k, show in spec.items() if k in frame]
    for c in frame.columns:
        if c.startswith("account:"):
            acc = c.split(":", 1)[1]
            d = ctx.display_of(acc)
            cols.append(Col(c, f"{label('account_short', acc)} ({d.caption})", _money(d.scale)))
    return cols


def _cells(c: Col, values: list) -> list[str]:
    """The ``<td>`` cells of one column (exact value in ``data-v``, shown text inside)."""
    if c.kind == "text":
        return [f'<td data-v="{escape(str(v))}">{escape(str(v))}</td>' for v in values]
    return [
        '<td class="num" data-v="">–</td>'
        if v is None or pd.isna(v)
        else f'<td class="num" data-v="{float(v)!r}">{escape(c.show(v))}</td>'
        for v in values
    ]


def data_table(table_id: str, cols: list[Col], frame: pd.DataFrame, cap: str) -> str:
    """A sortable table: a click on a heading sorts by that column (see the page script)."""
    head = "".join(
        f'<th scope="col" data-key="{escape(c.key)}" data-type="{c.kind}" class="{c.kind}" '
        'aria-sort="none">'
        f'<button type="button">{escape(c.header)}</button></th>'
        for c in cols
    )
    cells = [_cells(c, frame[c.key].tolist()) for c in cols]
    body = ["<tr>" + "".join(r) + "</tr>" for r in zip(*cells, strict=True)]
    return (f'<div class="table-wrap"><table class="data sortable" id="{escape(table_id)}">'
            f"<caption>{escape(cap)}</caption><thead><tr>{head}</tr></thead>"
            f"<tbody>{''.join(body)}</tbody></table></div>")  # fmt: skip


def main_money(ctx: Context):
    """The money of the table accounts (that of GEEP, else GEP, else ESV), or ``None``."""
    for a in ("GEEP", "GEP", "ESV"):
        if a in ctx.accounts:
            return ctx.money_of(a)
    return None


def region_frame(ctx: Context, ledger: Ledger, regions: pd.DataFrame | None) -> pd.DataFrame:
    """One row per region and year: the GEEP table for the accounts in the main money, plus
    the total of every other account (ESV at another price year, benefit transfer in USD …)
    in its own column, in its own money."""
    main = main_money(ctx)
    f = ledger._lines
    acc = f["account"].astype(str)
    covered = [a for a in ("GEEP", "GEP", "ESV") if main and a in main.accounts]
    wide = None
    if covered:
        sel = acc.isin(covered).to_numpy()
        wide = geep_table(Ledger._trusted(f[sel], ledger.meta, ordered=True), regions)
    rest = f[~acc.isin(covered).to_numpy()]
    if len(rest):
        g = rest.groupby([rest["region_code"].astype(str), rest["year"],
                          rest["account"].astype(str)], sort=True)["value"].sum()  # fmt: skip
        other = g.unstack("account")
        other.columns = [f"account:{a}" for a in other.columns]
        other.index.names = ["region_code", "year"]
        other = other.reset_index()
        wide = other if wide is None else wide.merge(other, on=["region_code", "year"], how="outer")
    wide = wide.sort_values(["year", "region_code"], kind="stable").reset_index(drop=True)
    names = ctx.names()
    wide["region_name"] = wide["region_code"].map(lambda c: names.get(c, ""))
    return wide


def _caption(ctx: Context, year: int, frame: pd.DataFrame) -> str:
    main = main_money(ctx)
    parts = [msg("report.regions_caption", year=year)]
    if main:
        parts.append(msg("report.regions_money", money=ctx.display_of(main.accounts[0]).caption))
    if "geep" in frame:
        parts.append(msg("report.regions_costs"))
    if any(c.endswith(("_per_capita", "_per_km2")) for c in frame.columns):
        parts.append(msg("report.regions_per"))
    return " ".join(parts)


def regions_section(ctx: Context) -> str:
    """Per year: the ranking chart and the sortable table of every region."""
    wide = region_frame(ctx, ctx.ledger, ctx.regions)
    parents = ctx.parent_names("city")
    if parents and len(set(parents.values())) > 1:
        wide.insert(2, "parent_name", wide["region_code"].map(lambda c: parents.get(c, "")))
    main = main_money(ctx) or ctx.money[0]
    cols = _columns(ctx, wide, ctx.display_of(main.accounts[0]).scale)
    body = [note(msg("report.sort_note"), "note no-print")]
    if ctx.regions is None:
        body.append(note(msg("report.no_regions_table")))
    ranked = next((k for k in RANKED if k in wide), None)
    for y in sorted(wide["year"].unique().tolist()):
        sub = wide[wide["year"] == y]
        body.append(f"<h3>{escape(msg('report.year_heading', year=y))}</h3>")
        if ranked and sub[ranked].notna().sum() > 1:
            vals = dict(zip(sub["region_code"], sub[ranked], strict=True))
            vals = {c: float(v) for c, v in vals.items() if pd.notna(v)}
            body.append(top_bars(ctx, vals, ranked.upper(), int(y)))
        body.append(data_table(f"regions-{y}", cols, sub, _caption(ctx, int(y), sub)))
    return section("regions", msg("report.sec_regions"), "".join(body))


def rollup_section(ctx: Context) -> str:
    """Totals one level up (counties → cities, cities → province) when the hierarchy knows
    every region; the sums are checked (see :func:`geep.report.rollup.rollup`)."""
    from .rollup import ledger_level, rollup, rollup_regions

    if ctx.hierarchy is None:
        return ""
    try:
        base = ledger_level(ctx.ledger, ctx.hierarchy)
        to = {"county": "city", "city": "province"}.get(base)
        if to is None:
            return ""
        up = rollup(ctx.ledger, to, hierarchy=ctx.hierarchy)
        regions = None
        if ctx.regions is not None:
            regions = rollup_regions(ctx.regions, to, ctx.hierarchy)
    except GeepError as exc:
        return section("rollup", msg("report.sec_rollup", level=label("level", "next")),
                       note(msg("report.rollup_skipped", reason=str(exc))))  # fmt: skip
    sub = Context(up, ctx.sources, ctx.lang, ctx.hierarchy, regions, ctx.money, ctx.top)
    wide = region_frame(sub, up, regions)
    main = main_money(ctx) or ctx.money[0]
    cols = _columns(sub, wide, ctx.display_of(main.accounts[0]).scale)
    n_in = up.meta["rollup"][-1]["regions_in"]
    body = [note(msg("report.rollup_note", n=n_in, m=len(wide["region_code"].unique()),
                     level=label("level", to), ref=ctx.hierarchy.ref or ""))]  # fmt: skip
    for y in sorted(wide["year"].unique().tolist()):
        sub_y = wide[wide["year"] == y]
        body.append(data_table(f"rollup-{to}-{y}", cols, sub_y, _caption(ctx, int(y), sub_y)))
    return section("rollup", msg("report.sec_rollup", level=label("level", to)), "".join(body))


__all__ = ["Col", "data_table", "region_frame", "regions_section", "rollup_section"]
