"""The report's figure sections: headline figures, GDP → GEEP, composition.

Each builder takes the :class:`~geep.report.context.Context` and returns HTML (with inline
SVG); figures are per year — a year is never added to another.
"""

from __future__ import annotations

from html import escape

from ..messages import msg
from . import svg
from .context import Context, caption, note, section
from .labels import COLORS, Display, label, number, percent
from .tables import composition, headline

#: headline cards of the latest year: (account, measure)
CARDS = (("GEEP", "total"), ("GEEP", "geep_gdp"), ("GEP", "total"), ("ESV", "total"))


def _measure_label(account: str, measure: str) -> str:
    if measure.startswith("category:"):
        return label("category", measure.split(":", 1)[1])
    if measure == "total":
        return "GEEP" if account == "GEEP" else msg("report.measure.total")
    return label("service", measure) if account == "GEEP" and measure != "geep_gdp" else "GEEP/GDP"


def _value(measure: str, v: float, d: Display) -> str:
    return percent(v) if measure == "geep_gdp" else number(v / d.scale)


def headline_section(ctx: Context) -> str:
    """Cards for the latest year, then one table per account: measures × years."""
    h = headline(ctx.ledger)
    years = sorted(h["year"].unique().tolist())
    body = [note(msg("report.headline_note"))]
    latest = h[h["year"] == years[-1]] if years else h
    cards = []
    for acc, measure in CARDS:
        row = latest[(latest["account"] == acc) & (latest["measure"] == measure)]
        if row.empty:
            continue
        d = ctx.display_of(acc)
        unit = "" if measure == "geep_gdp" else d.caption
        name = label("account_short", acc) + ("" if measure == "total" else " / GDP")
        cards.append(
            f'<div class="card"><div class="card-label">{escape(name)} · {years[-1]}</div>'
            f'<div class="card-value">{escape(_value(measure, float(row["value"].iloc[0]), d))}'
            f'</div><div class="card-unit">{escape(unit)}</div></div>'
        )
    if cards:
        body.append(f'<div class="cards">{"".join(cards)}</div>')
    for acc in ctx.accounts:
        sub = h[h["account"] == acc]
        d = ctx.display_of(acc)
        ys = sorted(sub["year"].unique().tolist())
        head = "".join(f'<th scope="col" class="num">{y}</th>' for y in ys)
        rows = []
        for measure in dict.fromkeys(sub["measure"]):
            m = sub[sub["measure"] == measure].set_index("year")["value"]
            cells = "".join(f'<td class="num" data-v="{m[y]!r}">{escape(_value(measure, m[y], d))}'
                            "</td>" if y in m else '<td class="num">–</td>' for y in ys)  # fmt: skip
            cls = ' class="total"' if measure == "total" else ""
            rows.append(f'<tr{cls}><th scope="row">{escape(_measure_label(acc, measure))}</th>'
                        f"{cells}</tr>")  # fmt: skip
        cap = f"{label('account', acc)} — {d.caption}"
        body.append(
            f'<table class="figures" id="headline-{escape(acc)}"><caption>{escape(cap)}'
            f'</caption><thead><tr><th scope="col">{caption("report.col.measure")}</th>{head}'
            f"</tr></thead><tbody>{''.join(rows)}</tbody></table>"
        )
    return section("headline", msg("report.sec_headline"), "".join(body))


def waterfall_section(ctx: Context) -> str:
    """GDP − PDC − EDC + ERS = GEEP for all regions together, one chart per year."""
    f = ctx.ledger._lines
    acc = f["account"].astype(str).to_numpy()
    if not (acc == "GEEP").any():
        return ""
    d = ctx.display_of("GEEP")
    svc = f["service"].astype(str).to_numpy()
    years = f["year"].to_numpy()
    value = f["value"].to_numpy()
    regions = f.loc[acc == "GEEP", "region_code"].astype(str).unique()
    names = ctx.names()
    where = (names.get(regions[0]) or regions[0]) if len(regions) == 1 else \
        msg("report.all_regions", n=len(regions))  # fmt: skip
    charts = []
    for y in sorted(set(years[acc == "GEEP"].tolist())):
        sel = (acc == "GEEP") & (years == y)
        part = {
            s: float(value[sel & (svc == s)].sum()) / d.scale for s in ("gdp", "pdc", "edc", "ers")
        }
        steps = [
            svg.Step(msg("report.step.gdp"), part["gdp"], "start", COLORS["gdp"]),
            svg.Step(msg("report.step.pdc"), part["pdc"], "delta", COLORS["pdc"]),
            svg.Step(msg("report.step.edc"), part["edc"], "delta", COLORS["edc"]),
            svg.Step(msg("report.step.ers"), part["ers"], "delta", COLORS["ers"]),
            svg.Step("GEEP", float(value[sel].sum()) / d.scale, "total", COLORS["geep"]),
        ]
        title = msg("report.waterfall_title", where=where, year=y)
        charts.append(
            '<figure class="chart-box">'
            + svg.waterfall(steps, title=title, axis_label=d.caption, fmt=number)
            + "</figure>"
        )
    body = note(msg("report.waterfall_note")) + "".join(charts)
    return section("waterfall", msg("report.sec_waterfall"), body)


def _category_table(ctx: Context, account: str, years: list[int]) -> str:
    d = ctx.display_of(account)
    comps = {y: composition(ctx.ledger, account, y) for y in years}
    cats = list(dict.fromkeys(c for y in years for c in comps[y]["category"]))
    head = "".join(f'<th scope="col" class="num">{y}</th><th scope="col" class="num">'
                   f"{caption('report.col.share')}</th>" for y in years)  # fmt: skip
    rows = []
    for cat in cats:
        cells = []
        for y in years:
            c = comps[y]
            v = float(c.loc[c["category"] == cat, "value"].sum())
            share = c.loc[c["category"] == cat, "share"].sum(min_count=1)
            cells.append(f'<td class="num" data-v="{v!r}">{number(v / d.scale)}</td>'
                         f'<td class="num">{percent(share)}</td>')  # fmt: skip
        rows.append(
            f'<tr><th scope="row">{escape(label("category", cat))}</th>{"".join(cells)}</tr>'
        )
    cap = f"{label('account', account)} — {d.caption}"
    return (
        f'<table class="figures" id="composition-{escape(account)}"><caption>{escape(cap)}'
        f'</caption><thead><tr><th scope="col">{caption("report.col.category")}</th>{head}</tr>'
        f"</thead><tbody>{''.join(rows)}</tbody></table>"
    )


def composition_section(ctx: Context) -> str:
    """Per account with several services: a table of categories by year and a chart of the
    services of each year (bars coloured by category)."""
    f = ctx.ledger._lines
    body = []
    for account in ctx.accounts:
        sel = (f["account"].astype(str) == account).to_numpy()
        if account == "GEEP" or f.loc[sel, "service"].nunique() < 2:
            continue
        years = sorted(set(f.loc[sel, "year"].tolist()))
        d = ctx.display_of(account)
        body.append(f"<h3>{escape(label('account', account))}</h3>")
        body.append(_category_table(ctx, account, years))
        for y in years:
            comp = composition(ctx.ledger, account, y)
            if (comp["value"] < 0).any():
                body.append(note(msg("report.mixed_sign", account=label("account_short", account),
                                     year=y)))  # fmt: skip
            bars = [svg.Bar(label("service", r.service), r.value / d.scale,
                            COLORS.get(r.category, COLORS["other"]),
                            f"{label('category', r.category)} · {label('service', r.service)}: "
                            f"{number(r.value / d.scale)} {d.unit}")
                    for r in comp.itertuples()]  # fmt: skip
            legend = [(label("category", c), COLORS.get(c, COLORS["other"]))
                      for c in dict.fromkeys(comp["category"])]  # fmt: skip
            title = msg("report.composition_title", account=label("account_short", account), year=y)
            body.append('<figure class="chart-box">' + svg.hbars(
                bars, title=title, axis_label=d.caption, fmt=number, legend=legend) + "</figure>")  # fmt: skip
    if not body:
        return ""
    return section("composition", msg("report.sec_composition"), "".join(body))


def top_bars(ctx: Context, values: dict[str, float], account: str, year: int) -> str:
    """Regions ranked by ``values``: the top N as bars, the others together in the caption
    (as a bar their sum would dwarf the ranking it belongs to)."""
    import pandas as pd

    from .tables import top_n

    d = ctx.display_of(account)
    names = ctx.names()
    head, rest, n_rest = top_n(pd.Series(values, dtype=float), ctx.top)
    bars = [svg.Bar(names.get(c) or c, v / d.scale, COLORS["regulating"], f"{c} {names.get(c, '')}:"
                    f" {number(v / d.scale)} {d.unit}") for c, v in head.items()]  # fmt: skip
    cap = ""
    if rest is not None:
        total = sum(values.values())
        share = percent(rest / total) if total > 0 and min(values.values()) >= 0 else "–"
        cap = "<figcaption class=\"others\">" + escape(msg(
            "report.others_total", n=n_rest, value=number(rest / d.scale), unit=d.unit,
            share=share)) + "</figcaption>"  # fmt: skip
    title = msg("report.top_title", account=label("account_short", account), year=year,
                n=min(ctx.top, len(values)), total=len(values))  # fmt: skip
    return '<figure class="chart-box">' + svg.hbars(
        bars, title=title, axis_label=d.caption, fmt=number) + cap + "</figure>"  # fmt: skip


__all__ = ["composition_section", "headline_section", "top_bars", "waterfall_section"]
