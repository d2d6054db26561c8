"""Water-quality rule components: tier by exceedance (fixed or continuous), class step,
index change, load-based, P index.

Each returns section lines (see :mod:`geep.compensation.lines`); excluded observations give
lines with amount 0 flagged with their status.

References
----------
compensation.md §1.3 (S4, S11, S16-S18, S84), §2.2 (Xin'an, [U]), §2.3 (S6, S77), §5.1.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..errors import InputError, SchemeError
from ..messages import text
from . import rules as R
from .context import Context
from .lines import band_steps, excluded_flag, fmt, join_flags, make_lines, steps, wan
from .model import Component


def tier(ctx: Context, comp: Component) -> pd.DataFrame:
    """Tier by exceedance multiple or continuous tier (base × (1 + x)), per pollutant, with
    optional upstream netting and pollutant combination (``sum`` or ``max``)."""
    df = ctx.frame(comp)
    if df.empty:
        return make_lines(df)
    ctx.require_limits(df, comp)
    edges = ctx.param(comp, "bands", "dimensionless")
    amounts = ctx.param(comp, "amounts", "CNY")
    closed = ctx.param(comp, "closed", required=False) or "right"
    valid = (df["status"] == "valid").to_numpy()
    value = df["value"].to_numpy(dtype="float64")
    limit = df["limit"].to_numpy(dtype="float64")
    x_raw = R.exceedance_multiple(value, limit, df["direction"].to_numpy())
    control = (
        df["control_value"].where(df["control_status"] == "valid")
        if "control_value" in df
        else pd.Series(np.nan, index=df.index)
    )
    eff, netted = R.net_upstream(value, control.to_numpy(dtype="float64"), limit, comp.netting)
    netted &= (df["direction"] == "max").to_numpy()
    eff = np.where(netted, eff, value)
    x = R.exceedance_multiple(eff, limit, df["direction"].to_numpy())
    fn = R.continuous_tier if comp.rule == "continuous_tier" else R.tier_by_exceedance
    amount, band = fn(np.where(valid, x, np.nan), edges, amounts, closed)
    unknown = np.isnan(amount)
    if unknown.any():
        bad = df.loc[unknown].head(5)
        ex = "; ".join(
            f"{r.section_id} {r.period} {r.indicator} x={x[i]:.3g}"
            for i, r in zip(bad.index, bad.itertuples(), strict=True)
        )
        name = comp.params["amounts"]
        ks = sorted({int(b) for b in band[unknown]})
        raise SchemeError(
            text(
                "comp.err.band_unpublished", n=int(unknown.sum()), bands=ks, name=name, example=ex
            ),
            table=ctx.scheme.ref,
            hint=text("hint.comp.err.band_unpublished", name=name, band=ks[0]),
        )
    flags = [excluded_flag(df["status"]), np.where(netted & valid, "netted", "")]
    if comp.netting != "none":
        no_ctl = valid & (x_raw > 0) & control.isna().to_numpy()
        flags.append(np.where(no_ctl, "no_control", ""))
    combine = ctx.param(comp, "combine", required=False) or "sum"
    if combine == "max":
        key = df["section_id"] + "|" + df["period"]
        top = pd.Series(amount).groupby(key.to_numpy()).transform("max").to_numpy()
        first = ~pd.Series(np.where(amount == top, key, None)).duplicated().to_numpy() & (
            amount == top
        )
        superseded = (amount > 0) & ~first
        amount = np.where(first, amount, 0.0)
        flags.append(np.where(superseded, "not_max", ""))
    labels = _band_labels(band, edges)
    code = "comp.trace.tier" + (" comp.trace.continuous" if comp.rule == "continuous_tier" else "")
    trace = steps(len(df), code, eff=fmt(eff), limit=fmt(limit), x=fmt(x), band=labels,
                  param=comp.params["amounts"], amount=wan(amount))  # fmt: skip
    return make_lines(
        df, observed=df["value"], target=df["limit"], exceedance=np.where(valid, x_raw, np.nan),
        band=labels, amount=amount, flags=join_flags(*flags), **trace,
    )  # fmt: skip


def _band_labels(band: np.ndarray, edges: list[float]) -> np.ndarray:
    e = [*edges, np.inf]
    names = {k: f"({e[k]:g}, {e[k + 1]:g}]" for k in range(len(edges))}
    names.update({R.COMPLIANT: "compliant", R.UNASSESSED: "excluded"})
    return np.array([names[int(b)] for b in band], dtype=object)


def class_step(ctx: Context, comp: Component) -> pd.DataFrame:
    """± amount per water-quality class relative to a base class (official ``water_class``
    observations, or the worst class of ``options.class_from`` pollutants)."""
    df = ctx.classes(comp, ctx.option(comp, "class_from", []))
    if df.empty:
        return make_lines(df)
    base = ctx.param(comp, "base_class")
    worse = ctx.param(comp, "per_class_worse", "CNY")
    better = ctx.param(comp, "per_class_better", "CNY", required=False)
    better = worse if better is None else better
    valid = (df["status"] == "valid") & df["observed_class"].notna()
    amount = np.where(valid, R.class_step(df["observed_class"], base, worse, better), 0.0)
    n_steps = df["observed_class"] - float(base)
    cls_txt = df["observed_class"].astype("Int64").astype(str)
    band = np.where(valid, "class " + cls_txt + " vs base " + f"{float(base):g}", "excluded")
    trace = steps(len(df), "comp.trace.class_step", cls=cls_txt, base=f"{float(base):g}",
                  rate=wan([worse])[0], amount=wan(amount))  # fmt: skip
    derived = np.where(df.get("derived", False), "class_derived", "")
    return make_lines(
        df, observed=df["observed_class"], target=float(base), exceedance=np.where(valid, n_steps, np.nan),
        band=band, amount=amount, flags=join_flags(excluded_flag(df["status"]), derived), **trace,
        **band_steps(len(df), np.where(valid, "comp.band.class", ""), cls=cls_txt, base=f"{float(base):g}"),
    )  # fmt: skip


def index_change(ctx: Context, comp: Component) -> pd.DataFrame:
    """± amount per percentage point of change of a composite index against the same
    period one year earlier."""
    df = ctx.frame(comp, ["index"])
    if df.empty:
        return make_lines(df)
    per_point = ctx.param(comp, "per_point", "CNY")
    mode = ctx.param(comp, "mode", required=False) or "relative"
    whole = bool(ctx.param(comp, "whole_points", required=False) or False)
    prev = df[["section_id", "year", "month", "value", "status"]].rename(
        columns={"value": "prev", "status": "prev_status"}
    )
    prev = prev.assign(year=prev["year"] + 1)
    df = df.merge(prev, on=["section_id", "year", "month"], how="left")
    ok = (df["status"] == "valid") & (df["prev_status"] == "valid")
    change, amount = R.index_change(df["value"], df["prev"].where(ok), per_point, mode, whole)
    amount = np.where(ok, np.nan_to_num(amount), 0.0)
    no_base = (df["status"] == "valid") & ~ok
    flags = join_flags(excluded_flag(df["status"]), np.where(no_base, "no_baseline", ""))
    trace = steps(len(df), "comp.trace.index_change", prev=fmt(df["prev"]),
                  cur=fmt(df["value"]), mode=mode, change=fmt(change), rate=wan([per_point])[0],
                  amount=wan(amount))  # fmt: skip
    return make_lines(
        df, observed=df["value"], target=df["prev"], exceedance=change,
        band=np.where(ok, fmt(change) + " pts", "not assessed"), amount=amount, flags=flags, **trace,
        **band_steps(len(df), np.where(ok, "comp.band.pts", ""), change=fmt(change)),
    )  # fmt: skip


def load_based(ctx: Context, comp: Component) -> pd.DataFrame:
    """(C − C_target)⁺ × period volume × unit price per pollutant."""
    df = ctx.frame(comp)
    if df.empty:
        return make_lines(df)
    ctx.require_limits(df, comp)
    prices = ctx.param(comp, "unit_price", "CNY/t")
    if ctx.flows is None:
        raise InputError(text("comp.err.needs_flows", component=comp.id),
                         hint=text("hint.comp.err.needs_flows"))  # fmt: skip
    df = df.merge(
        ctx.flows[["section_id", "period", "volume", "flow_status", "flow_ref"]],
        on=["section_id", "period"],
        how="left",
    )
    valid = (df["status"] == "valid").to_numpy()
    control = (
        df["control_value"].where(df["control_status"] == "valid")
        if "control_value" in df
        else pd.Series(np.nan, index=df.index)
    )
    eff, netted = R.net_upstream(df["value"], control, df["limit"], comp.netting)
    exceed = valid & (eff > df["limit"].to_numpy())
    no_flow = exceed & ~np.isfinite(df["volume"].to_numpy(dtype="float64"))
    if no_flow.any():
        bad = df.loc[no_flow].head(8)
        raise InputError(
            text(
                "comp.err.no_valid_flow",
                n=int(no_flow.sum()),
                items="; ".join(f"{r.section_id} {r.period}" for r in bad.itertuples()),
            ),
            hint=text("hint.comp.err.no_valid_flow"),
        )
    missing_price = sorted(set(df["indicator"]) - set(prices))
    if missing_price:
        raise SchemeError(text("comp.err.no_unit_price", indicators=missing_price,
                               param=comp.params["unit_price"]),
                          table=ctx.scheme.ref, hint=text("hint.comp.err.no_unit_price"))  # fmt: skip
    price = df["indicator"].map(prices).astype("float64")
    load, amount = R.load_based(eff, df["limit"], df["volume"].fillna(0.0), price)
    amount = np.where(exceed, amount, 0.0)
    trace = steps(len(df), "comp.trace.load", eff=fmt(eff), limit=fmt(df["limit"]),
                  volume=fmt(df["volume"], 6), load=fmt(load), price=fmt(price / 1e4),
                  amount=wan(amount))  # fmt: skip
    return make_lines(
        df, observed=df["value"], target=df["limit"], exceedance=np.where(valid, df["value"] - df["limit"], np.nan),
        band=np.where(exceed, fmt(load) + " t", np.where(valid, "compliant", "excluded")), amount=amount,
        flags=join_flags(excluded_flag(df["status"]), np.where(netted & valid, "netted", "")), **trace,
        **band_steps(len(df), np.where(exceed, "comp.band.load", ""), load=fmt(load)),
    )  # fmt: skip


def p_index(ctx: Context, comp: Component) -> pd.DataFrame:
    """Xin'an-type P index on annual means: P > threshold → upstream pays, else receives."""
    df = ctx.frame(comp)
    if df.empty:
        return make_lines(df)
    base = ctx.param(comp, "baseline", "mg/L")
    weights = ctx.param(comp, "weights")
    k0 = float(ctx.param(comp, "k0"))
    thr = float(ctx.param(comp, "threshold"))
    amt = ctx.param(comp, "amount", "CNY")
    inds = list(comp.indicators)
    wide = df.pivot_table(
        index=["section_id", "year"], columns="indicator", values="value", aggfunc="first"
    ).reindex(columns=inds)
    st = df.pivot_table(
        index=["section_id", "year"], columns="indicator", values="status", aggfunc="first"
    ).reindex(columns=inds)
    ok = (st == "valid").all(axis=1)
    p = R.p_index(wide.to_numpy(), [base[i] for i in inds], [weights[i] for i in inds], k0)
    p = np.where(ok, p, np.nan)
    amount = np.nan_to_num(R.threshold_transfer(p, thr, amt))
    r = wide.reset_index()
    nv = df.pivot_table(
        index=["section_id", "year"], columns="indicator", values="n_valid", aggfunc="first"
    )
    r["n_valid"] = nv.reindex(columns=inds).min(axis=1).to_numpy()
    r = r.assign(
        period=r["year"].astype(str),
        month=0,
        indicator="p_index",
        status=np.where(ok, "valid", "missing"),
        input_ref="",
    )
    terms = " + ".join(f"{weights[i]:g}×{i}/{base[i]:g}" for i in inds)
    trace = steps(len(r), "comp.trace.p_index", k0=f"{k0:g}", terms=terms, p=fmt(p),
                  threshold=f"{thr:g}", amount=wan(amount))  # fmt: skip
    return make_lines(r, observed=p, target=thr, exceedance=p - thr, band=np.where(ok, np.where(p > thr, "P > threshold", "P ≤ threshold"), "excluded"),
                  amount=amount, flags=excluded_flag(r["status"]), **trace)  # fmt: skip
