"""Quantity and fund rule components: ecological-flow floor, quantity against a baseline,
pooled fund with forfeits, value-based apportionment.

References
----------
compensation.md §1.2 (S75 e-flow), §2.4 (S26 Chishui pool), §2.6 (S30 quantity), §3.3 and
§5.4 (apportionment by shares, S62/S93).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..errors import InputError, SchemeError
from ..messages import text
from . import rules as R
from .context import Context
from .lines import excluded_flag, fmt, make_lines, steps, wan
from .model import Component


def _flow_frame(ctx: Context, comp: Component) -> pd.DataFrame:
    if ctx.flows is None:
        raise InputError(
            text("comp.err.forfeit_needs_flows", component=comp.id),
            hint=text("hint.comp.err.needs_flows"),
        )
    f = ctx.flows[ctx.flows["section_id"].isin(ctx.section_ids(comp))]
    return (f[f["month"] > 0] if comp.frequency == "monthly" else f).reset_index(drop=True)


def eflow_floor(ctx: Context, comp: Component) -> pd.DataFrame:
    """Fixed amount for each period whose mean flow is below the ecological-flow floor."""
    f = _flow_frame(ctx, comp)
    if f.empty:
        return make_lines(f)
    floor = ctx.param(comp, "floor", "m3/s")
    amt = ctx.param(comp, "amount", "CNY")
    floor_v = (
        f["section_id"].map(floor).astype(float)
        if isinstance(floor, dict)
        else pd.Series(floor, index=f.index)
    )
    months = ctx.option(comp, "months")
    in_season = f["month"].isin(months) if months else pd.Series(True, index=f.index)
    short = R.eflow_shortfall(f["flow_rate"], floor_v) & in_season.to_numpy()
    valid = (f["flow_status"] == "valid").to_numpy()
    amount = np.where(short, amt, 0.0)
    band = np.where(
        ~valid,
        "excluded",
        np.where(~in_season, "out of season", np.where(short, "below floor", "meets floor")),
    )
    trace = steps(len(f), "comp.trace.eflow", flow=fmt(f["flow_rate"]), floor=fmt(floor_v),
                  amount=wan(amount))  # fmt: skip
    f = f.assign(indicator="flow", status=f["flow_status"], input_ref=f["flow_ref"])
    return make_lines(f, observed=f["flow_rate"], target=floor_v, exceedance=np.where(valid & (floor_v > 0), (floor_v - f["flow_rate"]) / floor_v.where(floor_v > 0), np.nan),
                  band=band, amount=amount, flags=excluded_flag(f["status"]), **trace)  # fmt: skip


def quantity_vs_baseline(ctx: Context, comp: Component) -> pd.DataFrame:
    """Volume per period against a baseline: reward above, penalty below."""
    f = _flow_frame(ctx, comp)
    if comp.frequency == "annual" and not f.empty and (f["month"] > 0).any():
        g = f.groupby(["section_id", "year"], sort=True)
        f = g.agg(volume=("volume", "sum"), n_ok=("volume", "count"), n=("volume", "size"),
                  flow_ref=("flow_ref", "first")).reset_index()  # fmt: skip
        f = f.assign(
            month=0,
            period=f["year"].astype(str),
            flow_status=np.where((f["n_ok"] == f["n"]) & (f["n"] == 12), "valid", "missing"),
        )
        f["volume"] = f["volume"].where(f["flow_status"] == "valid")
    if f.empty:
        return make_lines(f)
    base = ctx.param(comp, "baseline", "m3")
    base_v = (
        f["section_id"].map(base).astype(float)
        if isinstance(base, dict)
        else pd.Series(base, index=f.index)
    )
    above = ctx.param(comp, "price_above", "CNY/m3")
    below = ctx.param(comp, "price_below", "CNY/m3", required=False) or 0.0
    valid = (f["flow_status"] == "valid").to_numpy()
    amount = np.where(valid, R.quantity_vs_baseline(f["volume"], base_v, above, below), 0.0)
    trace = steps(len(f), "comp.trace.quantity", volume=fmt(f["volume"], 6),
                  baseline=fmt(base_v, 6), amount=wan(amount))  # fmt: skip
    f = f.assign(indicator="volume", status=f["flow_status"], input_ref=f["flow_ref"])
    return make_lines(f, observed=f["volume"], target=base_v, exceedance=np.where(valid, f["volume"] - base_v, np.nan),
                  band=np.where(valid, np.where(amount <= 0, "at or above baseline", "below baseline"), "excluded"),
                  amount=amount, flags=excluded_flag(f["status"]), **trace)  # fmt: skip


def pooled_fund(ctx: Context, comp: Component) -> pd.DataFrame:
    """Joint fund with contribution and allocation ratios; a party whose section fails its
    target class (annual) forfeits its allocation to the named beneficiaries."""
    forfeits = ctx.option(comp, "forfeits", {})
    cls = ctx.classes(comp, ctx.option(comp, "class_from", []))
    cls = cls[cls["section_id"].isin(list(forfeits))]
    if cls.empty:
        return make_lines(cls)
    total = ctx.param(comp, "total", "CNY")
    contrib = ctx.param(comp, "contributions")
    alloc = ctx.param(comp, "allocations")
    fund = ctx.scheme.doc.fund.party
    if cls["target_class"].isna().any():
        raise SchemeError(
            text(
                "comp.err.no_target_class",
                component=comp.id,
                sections=sorted(cls.loc[cls["target_class"].isna(), "section_id"].unique()),
            ),
            table=ctx.scheme.ref,
            hint=text("hint.comp.err.no_target_class"),
        )
    to = {v["party"]: v["to"] for v in forfeits.values()}
    sec_of = {v["party"]: s for s, v in forfeits.items()}
    out = []
    for year, grp in cls.groupby("year", sort=True):
        failed: dict[str, bool] = {}
        unassessed: set[str] = set()
        notes = []
        for r in grp.itertuples():
            party = forfeits[r.section_id]["party"]
            ok = r.status == "valid" and not pd.isna(r.observed_class)
            failed[party] = failed.get(party, False) or bool(
                ok and r.observed_class > r.target_class
            )
            if not ok:
                unassessed.add(party)
            notes.append(
                ["comp.trace.fund_class", {"section": r.section_id, "cls": str(int(r.observed_class)), "target": str(int(r.target_class))}]
                if ok
                else ["comp.trace.fund_status", {"section": r.section_id, "status": str(r.status), "target": str(int(r.target_class))}]
            )  # fmt: skip
        flows = R.pooled_fund(total, contrib, alloc, failed, to, fund)
        kind = flows["kind"]
        not_assessed = (kind == "allocation") & flows["payee"].isin(unassessed)
        if not_assessed.any():
            ctx.notes.append(
                text("comp.note.not_assessed", component=comp.id, year=year,
                     parties=sorted(unassessed))
            )  # fmt: skip
        flags = np.where(
            kind == "forfeit",
            "forfeit:" + flows["forfeited_by"],
            np.where(not_assessed, "not_assessed", ""),
        )
        flows = flows.assign(
            section_id=flows["forfeited_by"].where(flows["forfeited_by"] != "", flows["payee"]).map(sec_of).fillna(""),
            period=str(year), year=int(year), month=0, indicator="water_class", observed=np.nan, target=np.nan,
            exceedance=np.nan, band=kind, flags=flags, input_ref="", limit_evidence=None,
            **steps(len(flows), "comp.trace.fund", kind=kind, amount=wan(flows["amount"]),
                    notes=notes),
        )  # fmt: skip
        out.append(flows)
    res = pd.concat(out, ignore_index=True)
    return make_lines(res, payer=res["payer"].to_numpy(), payee=res["payee"].to_numpy())


def value_apportion(ctx: Context, comp: Component) -> pd.DataFrame:
    """Apportion a total among parties by shares (ESV/GEP, water use, contribution); parties
    pay the fund (``options.direction: pay``) or receive from it (``receive``)."""
    total = ctx.param(comp, "total", "CNY")
    shares = ctx.param(comp, "shares")
    tol = float(ctx.param(comp, "tolerance", required=False) or 0.005)
    years = ctx.option(comp, "years") or sorted(ctx.obs["year"].unique().tolist())
    try:
        amounts, residual = R.apportion(total, shares, normalise=True, tolerance=tol)
    except ValueError as exc:
        raise SchemeError(text("comp.err.shares", shares=comp.params["shares"], problem=getattr(exc, "_message", None) or str(exc)),
                          table=ctx.scheme.ref, hint=text("hint.comp.err.shares")) from exc  # fmt: skip
    if abs(residual) > 1e-12:
        ctx.notes.append(
            text("comp.note.shares_normalised", component=comp.id, total=f"{1 + residual:.6g}",
                 residual=f"{residual:+.4g}")
        )  # fmt: skip
    fund = ctx.scheme.doc.fund.party
    pay = ctx.option(comp, "direction", "pay") == "pay"
    rows = pd.DataFrame(
        [(p, a, y) for y in years for p, a in amounts.items()], columns=["party", "amount", "year"]
    )
    rows = rows.assign(
        period=rows["year"].astype(str),
        month=0,
        section_id="",
        indicator="share",
        status="valid",
        input_ref="",
    )
    trace = steps(len(rows), "comp.trace.apportion", total=f"{total / 1e4:g}",
                  share=rows["party"].map(shares).astype(str), residual=f"{residual:+.4g}",
                  amount=wan(rows["amount"]))  # fmt: skip
    return make_lines(rows, observed=rows["party"].map(shares).astype(float), target=np.nan, exceedance=np.nan, band="share",
                  amount=rows["amount"], flags="", **trace,
                  payer=np.where(pay, rows["party"], fund), payee=np.where(pay, fund, rows["party"]))  # fmt: skip
