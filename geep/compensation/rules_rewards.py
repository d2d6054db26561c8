"""Reward and compliance rule components built on monthly section compliance: maintenance
(consecutive compliant months, whole year), improvement on the same month last year, and
annual compliance rate against a threshold.

A section-month is compliant only if every assessed indicator is valid and within its target
limit; a dry, frozen or missing month is not compliant and breaks a run (never a zero).

References
----------
compensation.md §1.3 (S4 rewards; S18 Zhoukou compliance > 90 %), §2.5 (S33 compliance rates).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..errors import SchemeError
from ..messages import text
from . import rules as R
from .context import Context
from .lines import band_steps, excluded_flag, fmt, join_flags, make_lines, steps, wan
from .model import Component


def _monthly_compliance(ctx: Context, comp: Component) -> pd.DataFrame:
    """Per section-month: compliant (all indicators valid and within the target limit),
    assessable (all valid), worst class; sorted by section and month (cached per run)."""
    key = ("monthly_compliance", tuple(comp.indicators), tuple(ctx.section_ids(comp)))
    if key not in ctx.cache:
        ctx.cache[key] = _compute_monthly(ctx, comp)
    return ctx.cache[key].copy()


def _compute_monthly(ctx: Context, comp: Component) -> pd.DataFrame:
    df = ctx.frame(comp.model_copy(update={"frequency": "monthly"}))
    if df.empty:
        return df
    ctx.require_limits(df, comp)
    ok = (df["status"] == "valid") & (
        R.exceedance_multiple(df["value"], df["limit"], df["direction"].to_numpy()) <= 0
    )
    cls = R.water_class_of(
        df["value"], ctx.limits_wide.reindex(df["pollutant"]).to_numpy(), df["direction"].to_numpy()
    )
    n = len(comp.indicators)
    valid = df["status"] == "valid"
    g = df.assign(ok=ok, valid=valid, cls=cls, bad=df["status"].where(~valid)).groupby(
        ["section_id", "year", "month"], sort=True
    )
    m = g.agg(n=("ok", "size"), n_ok=("ok", "sum"), n_valid=("valid", "sum"), cls=("cls", "max"),
              bad=("bad", "first"),
              input_ref=("input_ref", "first"), period=("period", "first")).reset_index()  # fmt: skip
    m["assessable"] = (m["n_valid"] == n) & (m["n"] == n)
    m["compliant"] = m["assessable"] & (m["n_ok"] == n)
    m["cls"] = m["cls"].where(m["assessable"])
    m["status"] = np.where(m["assessable"], "valid", m["bad"].fillna("missing"))
    m = m.drop(columns="bad")
    m["indicator"] = "+".join(comp.indicators)
    m["mi"] = m["year"] * 12 + m["month"]
    return m


def maintenance_reward(ctx: Context, comp: Component) -> pd.DataFrame:
    """Rewards for runs of consecutive compliant months and for a whole compliant year."""
    m = _monthly_compliance(ctx, comp)
    if m.empty:
        return make_lines(m)
    run_len = int(ctx.param(comp, "run_months"))
    run_amt = ctx.param(comp, "run_amount", "CNY")
    year_amt = ctx.param(comp, "year_amount", "CNY", required=False)
    pos = R.run_position(m["compliant"], m["section_id"], m["mi"])
    amount = R.maintenance_reward(pos, run_len, run_amt)
    band = np.where(
        amount > 0,
        f"{run_len} consecutive months",
        np.where(
            m["compliant"], "compliant", np.where(m["assessable"], "not compliant", "excluded")
        ),
    )
    run = amount > 0
    whole = np.zeros(len(m), dtype=bool)
    if year_amt:
        yr = m.groupby(["section_id", "year"])["compliant"].transform("sum")
        whole = ((yr == 12) & (m["month"] == 12)).to_numpy()
        amount = amount + np.where(whole, year_amt, 0.0)
    words = band
    band = np.where(whole, band + " + whole year", band)
    code = np.where(run, "comp.band.run", "comp.band.word")
    code = np.where(run | whole, code + np.where(whole, " comp.band.whole_year", ""), "")
    trace = steps(len(m), "comp.trace.maintenance", pos=pos.astype(str), run=str(run_len),
                  run_amount=wan([run_amt])[0], amount=wan(amount))  # fmt: skip
    return make_lines(m, observed=m["cls"], target=np.nan, exceedance=np.nan, band=band, amount=-amount,
                  flags=excluded_flag(m["status"]), **trace,
                  **band_steps(len(m), code, run=str(run_len), band=words))  # fmt: skip


def improvement_reward(ctx: Context, comp: Component) -> pd.DataFrame:
    """Rewards for improving on the same month a year earlier (to compliance; across a class)."""
    m = _monthly_compliance(ctx, comp)
    if m.empty:
        return make_lines(m)
    prev = m[["section_id", "year", "month", "compliant", "assessable", "cls"]].rename(
        columns={"compliant": "c_prev", "assessable": "a_prev", "cls": "cls_prev"}
    )
    m = m.merge(prev.assign(year=prev["year"] + 1), on=["section_id", "year", "month"], how="left")
    both = m["assessable"] & m["a_prev"].fillna(False).astype(bool)
    cn = np.where(both, m["compliant"].astype(float), np.nan)
    cp = np.where(both, m["c_prev"].astype(float), np.nan)
    amount, kind = R.improvement_reward(cn, cp, m["cls"], m["cls_prev"],
                                        ctx.param(comp, "to_compliant", "CNY"), ctx.param(comp, "cross_class", "CNY"))  # fmt: skip
    yn = {1.0: "yes", 0.0: "no"}
    trace = steps(len(m), "comp.trace.improvement", was_class=fmt(m["cls_prev"]),
                  now_class=fmt(m["cls"]), was=pd.Series(cp).map(yn).fillna("?"),
                  now=pd.Series(cn).map(yn).fillna("?"), amount=wan(amount))  # fmt: skip
    flags = join_flags(
        excluded_flag(m["status"]), np.where(m["assessable"] & ~both, "no_baseline", "")
    )
    return make_lines(m, observed=m["cls"], target=m["cls_prev"], exceedance=np.nan,
                  band=np.where(kind == "", np.where(both, "no improvement", "not assessed"), kind),
                  amount=-amount, flags=flags, **trace)  # fmt: skip


def compliance_rate(ctx: Context, comp: Component) -> pd.DataFrame:
    """Annual compliance rate of section-months against a threshold: reward or penalty."""
    m = _monthly_compliance(ctx, comp)
    if m.empty:
        return make_lines(m)
    rate = R.compliance_rate(
        m["compliant"], m["assessable"], [m["section_id"], m["year"]]
    ).reset_index()
    thr = ctx.param(comp, "threshold", "dimensionless")
    thr_v = (
        rate["year"].astype(str).map(thr).astype(float)
        if isinstance(thr, dict)
        else pd.Series(thr, index=rate.index)
    )
    if thr_v.isna().any():
        raise SchemeError(text("comp.err.no_threshold",
                               years=sorted(rate.loc[thr_v.isna(), "year"].unique().tolist())),
                          table=ctx.scheme.ref,
                          hint=text("hint.comp.err.no_threshold", param=comp.params["threshold"]))  # fmt: skip
    reward = ctx.param(comp, "reward", "CNY", required=False) or 0.0
    penalty = ctx.param(comp, "penalty", "CNY", required=False) or 0.0
    strict = bool(ctx.option(comp, "strict", False))
    amount = R.compliance_amount(rate["rate"], thr_v, reward, penalty, strict)
    meets = (rate["rate"] > thr_v) if strict else (rate["rate"] >= thr_v)
    r = rate.assign(period=rate["year"].astype(str), month=0, indicator="+".join(comp.indicators),
                    status=np.where(rate["n_valid"] > 0, "valid", "missing"), input_ref="")  # fmt: skip
    trace = steps(len(rate), "comp.trace.rate", compliant=rate["n_compliant"].astype(str),
                  valid=rate["n_valid"].astype(str), rate=fmt(rate["rate"]), threshold=fmt(thr_v),
                  amount=wan(np.nan_to_num(amount)))  # fmt: skip
    return make_lines(r, observed=rate["rate"], target=thr_v, exceedance=np.nan,
                  band=np.where(np.isnan(amount), "excluded", np.where(meets, "meets", "below")),
                  amount=np.nan_to_num(amount), flags=excluded_flag(r["status"]), **trace)  # fmt: skip
