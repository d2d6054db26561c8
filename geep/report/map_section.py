"""The report's maps: value per km² of GEP and ESV by region, one map per account and year.

One set of classes per account across its years (quantiles of all its per-km² values), so a
colour means the same in 2015 and in 2020. Without zones — or without the ``grid`` extra — the
section says why there is no map instead.
"""

from __future__ import annotations

from html import escape
from itertools import pairwise

import pandas as pd

from ..messages import msg
from . import svg
from .context import Context, note, section
from .labels import label, number
from .maps import NO_DATA, ZoneMap, class_breaks, class_colors, classify, read_zone_map

#: accounts mapped, in this order
MAPPED = ("GEP", "ESV")
#: per-km² values are shown in 万元 per km²
PER_KM2_SCALE = 1e4


def load_zone_map(zones: object, zone_field: str) -> tuple[ZoneMap | None, str | None]:
    """The zone map, or ``None`` and the reason there is none."""
    if zones is None:
        return None, msg("report.no_zones")
    try:
        return read_zone_map(zones, zone_field=zone_field), None
    except ImportError:
        return None, msg("report.no_grid_extra")


def _areas(ctx: Context, zm: ZoneMap) -> tuple[dict[str, float], str]:
    r = ctx.regions
    if r is not None and "area" in r:
        area = pd.to_numeric(r["area"], errors="coerce") / 100.0
        have = dict(zip(r["region_code"].astype(str), area, strict=True))
        return {k: float(v) for k, v in have.items() if pd.notna(v) and v > 0}, \
            msg("report.map_area_regions")  # fmt: skip
    return zm.area_km2, msg("report.map_area_zones")


def _per_km2(ctx: Context, account: str, areas: dict[str, float]) -> pd.DataFrame:
    f = ctx.ledger._lines
    sel = (f["account"].astype(str) == account).to_numpy()
    g = f.loc[sel].groupby([f.loc[sel, "region_code"].astype(str), f.loc[sel, "year"]])["value"]
    out = g.sum().rename("value").reset_index()
    out.columns = ["region_code", "year", "value"]
    out["km2"] = out["region_code"].map(areas)
    out["per_km2"] = out["value"] / out["km2"]
    return out


def _one_map(ctx: Context, zm: ZoneMap, account: str, year: int, values: dict[str, float],
             edges, colors) -> str:  # fmt: skip
    names = ctx.names()
    klass = classify(values, edges)
    shapes = [svg.Shape(code, f"{code} {names.get(code, '')}".strip(), path, values.get(code),
                        klass.get(code)) for code, path in zm.paths.items()]  # fmt: skip
    legend = [f"{number(a / PER_KM2_SCALE)} – {number(b / PER_KM2_SCALE)}"
              for a, b in pairwise(edges)]  # fmt: skip
    d = ctx.display_of(account)
    title = msg("report.map_title", account=label("account_short", account), year=year,
                money=msg("report.unit.per_km2", year=d.price_year or ""))  # fmt: skip
    return '<figure class="chart-box map">' + svg.choropleth(
        shapes, title=title, size=zm.size, colors=colors, legend=legend,
        no_data=(msg("report.map_no_value"), NO_DATA),
        fmt=lambda v: f"{number(v / PER_KM2_SCALE)} {msg('report.unit.wan_per_km2')}",
    ) + "</figure>"  # fmt: skip


def map_section(ctx: Context, zones: object, zone_field: str) -> tuple[str, list]:
    """The section and the provenance of the zone layer (``[(label, sha256)]``)."""
    zm, why = load_zone_map(zones, zone_field)
    title = msg("report.sec_maps")
    if zm is None:
        return section("maps", title, note(why)), []
    areas, source = _areas(ctx, zm)
    body = [note(source)]
    codes = set(ctx.ledger._lines["region_code"].astype(str).unique())
    off = sorted(codes - set(zm.paths))
    if off:
        body.append(note(msg("report.map_missing", n=len(off), codes=", ".join(off[:20]))))
    accounts = [a for a in MAPPED if a in ctx.accounts and ctx.money_of(a).unit == "CNY"]
    for account in accounts:
        per = _per_km2(ctx, account, areas)
        edges = class_breaks(per["per_km2"].dropna().tolist())
        colors = class_colors(edges)
        body.append(f"<h3>{escape(label('account', account))}</h3>")
        for y in sorted(per["year"].unique().tolist()):
            sub = per[per["year"] == y].dropna(subset=["per_km2"])
            values = dict(zip(sub["region_code"], sub["per_km2"].astype(float), strict=True))
            body.append(_one_map(ctx, zm, account, int(y), values, edges, colors))
    if not accounts:
        body.append(note(msg("report.map_nothing")))
    return section("maps", title, "".join(body)), [(zm.label, zm.sha256)]


__all__ = ["map_section"]
