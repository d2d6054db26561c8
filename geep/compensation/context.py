"""Assessment frames for rule components: observations joined with targets, limits,
control sections and flows, at a component's frequency; parameters in canonical units.

The :class:`Context` is built once per run by the engine; rule components read from it.
Frames are built with vectorised joins (no per-row loops over sections or periods).

References
----------
compensation.md §1.3 (target class per section, S11), §5.1 (StandardTable, upstream control
section), §5.2 (assessment unit per section-indicator-period), §5.4 (period semantics).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from ..errors import InputError, SchemeError
from ..messages import text
from ..units import factor
from .model import DERIVED_INDICATORS, Component
from .rules import water_class_of
from .scheme import Scheme

LIMITS_REF = "gb3838-limits@2002"


def period_key(year: pd.Series, month: pd.Series) -> pd.Series:
    """Sortable integer key YYYYMM (month 0 for a year)."""
    return year.astype("int64") * 100 + month.astype("int64")


def _bound_key(text: str | None, default: int, end: bool) -> int:
    if text is None:
        return default
    y, _, m = str(text).partition("-")
    return int(y) * 100 + (int(m) if m else (12 if end else 1))


@dataclass
class Context:
    """Inputs of one run, prepared for rule components."""

    scheme: Scheme
    obs: pd.DataFrame
    flows: pd.DataFrame | None
    limits: pd.DataFrame
    used: dict[str, set[str]] = field(default_factory=dict)
    notes: list[Any] = field(default_factory=list)  # warnings: lazy texts (or plain text)
    cache: dict[Any, pd.DataFrame] = field(default_factory=dict)

    @property
    def limits_wide(self) -> pd.DataFrame:
        """GB 3838 limits as pollutant × class I–V [mg/L]."""
        if "limits_wide" not in self.cache:
            self.cache["limits_wide"] = self.limits.pivot_table(
                index="pollutant", columns="water_class", values="limit"
            )
        return self.cache["limits_wide"]

    # --- parameters -------------------------------------------------------------------
    def param(self, comp: Component, arg: str, to: str | None = None, required: bool = True) -> Any:
        """Value of the parameter bound to ``arg`` of ``comp``, converted to unit ``to``.

        Scalars become floats, lists keep ``None`` for unknown elements, mappings keep
        their keys. A missing binding or a ``null`` value stops the run with a message
        naming the parameter and how to supply it.
        """
        name = comp.params.get(arg)
        if name is None:
            if not required:
                return None
            raise SchemeError(
                text("comp.err.unbound_param", component=comp.id, scheme=self.scheme.ref, arg=arg),
                table=self.scheme.ref,
                hint=text("hint.comp.err.unbound_param", component=comp.id, arg=arg),
            )
        return self.param_by_name(name, to, comp.id)

    def param_by_name(self, name: str, to: str | None = None, comp_id: str = "") -> Any:
        p = self.scheme.doc.parameters[name]
        self.used.setdefault(comp_id, set()).add(name)
        v = p.value
        gaps = sorted(k for k, x in v.items() if x is None) if isinstance(v, dict) else []
        if v is None or gaps:
            raise SchemeError(
                text("comp.param_missing", name=name + (f" {gaps}" if gaps else ""), ref=self.scheme.ref,
                    what=text("comp.note_in_brackets", note=p.note_text) if p.note else ""),
                table=self.scheme.ref,
                hint=text("hint.param_missing", name=name),
            )  # fmt: skip
        if to is None or isinstance(v, str | bool):
            return v
        f = factor(p.unit, to)
        if isinstance(v, list):
            return [None if x is None else float(x) * f for x in v]
        if isinstance(v, dict):
            return {k: float(x) * f for k, x in v.items()}
        return float(v) * f

    def option(self, comp: Component, name: str, default: Any = None) -> Any:
        return comp.options.get(name, default)

    # --- sections ---------------------------------------------------------------------
    def section_ids(self, comp: Component) -> list[str]:
        secs = self.scheme.doc.sections
        ids = [s.id for s in secs] if comp.sections == "all" else list(comp.sections)
        if comp.section_types:
            types = {s.id: s.type for s in secs}
            ids = [i for i in ids if types[i] in comp.section_types]
        if comp.options.get("only_no_inflow"):
            flag = {s.id: s.no_inflow for s in secs}
            ids = [i for i in ids if flag[i]]
        return ids

    def targets(self) -> pd.DataFrame:
        """section_id, from_key, to_key, target_class (one row per target period)."""
        rows = [
            (s.id, _bound_key(t.from_, 0, False), _bound_key(t.to, 999999, True), t.water_class)
            for s in self.scheme.doc.sections
            for t in s.target_periods()
        ]
        return pd.DataFrame(rows, columns=["section_id", "from_key", "to_key", "target_class"])

    # --- frames -----------------------------------------------------------------------
    def frame(self, comp: Component, indicators: list[str] | None = None) -> pd.DataFrame:
        """Observations of ``comp`` at its frequency, with target class, limit and control."""
        inds = indicators if indicators is not None else comp.indicators
        ids = self.section_ids(comp)
        df = self.obs[self.obs["section_id"].isin(ids) & self.obs["indicator"].isin(inds)]
        df = self._at_frequency(df, comp.frequency)
        df = self._with_target(df)
        df = self._with_limit(df)
        if comp.netting != "none":
            df = self._with_control(df)
        return df.reset_index(drop=True)

    def _at_frequency(self, df: pd.DataFrame, freq: str) -> pd.DataFrame:
        if freq == "monthly":
            return df[df["month"] > 0].copy()
        annual = df[df["month"] == 0]
        # a water class is never averaged: annual classes come from annual observations or
        # from annual mean concentrations (Context.classes)
        monthly = df[(df["month"] > 0) & (df["indicator"] != "water_class")]
        if monthly.empty:
            return annual.assign(n_valid=np.where(annual["status"] == "valid", 1, 0)).copy()
        valid = monthly["status"] == "valid"
        g = monthly.assign(
            v=monthly["value"].where(valid),
            ok=valid.astype("int64"),
            bad=monthly["status"].where(~valid),
        ).groupby(["section_id", "year", "indicator"], sort=False)
        agg = g.agg(
            value=("v", "mean"),
            n_valid=("ok", "sum"),
            n=("ok", "size"),
            bad=("bad", "first"),
            first=("input_ref", "first"),
            last=("input_ref", "last"),
        ).reset_index()
        agg["status"] = np.where(agg["n_valid"] > 0, "valid", agg["bad"].fillna("missing"))
        agg = agg.drop(columns="bad")
        agg["month"] = 0
        agg["period"] = agg["year"].astype(str)
        agg["input_ref"] = (
            agg["first"]
            + ".."
            + agg["last"]
            + " (mean of "
            + agg["n_valid"].astype(str)
            + " valid months)"
        )
        agg = agg.drop(columns=["first", "last", "n"])
        have = annual.set_index(["section_id", "year", "indicator"]).index
        agg = agg[~agg.set_index(["section_id", "year", "indicator"]).index.isin(have)]
        out = pd.concat(
            [annual.assign(n_valid=np.where(annual["status"] == "valid", 12, 0)), agg],
            ignore_index=True,
        )
        return out

    def _with_target(self, df: pd.DataFrame) -> pd.DataFrame:
        t = self.targets()
        df = df.assign(_row=np.arange(len(df)))
        lo = period_key(df["year"], df["month"].where(df["month"] > 0, 12))
        hi = period_key(df["year"], df["month"].where(df["month"] > 0, 1))
        m = (
            df[["_row", "section_id"]]
            .assign(lo=lo.values, hi=hi.values)
            .merge(t, on="section_id", how="inner")
        )
        m = m[(m["from_key"] <= m["lo"]) & (m["to_key"] >= m["hi"])]
        m = m.sort_values(["_row", "from_key"]).drop_duplicates("_row", keep="last")
        out = df.merge(m[["_row", "target_class"]], on="_row", how="left").drop(columns="_row")
        return out

    def pollutant_of(self, df: pd.DataFrame) -> pd.Series:
        base = self.scheme.doc.indicator_map
        per = {(s.id, k): v for s in self.scheme.doc.sections for k, v in s.indicator_map.items()}
        mapped = df["indicator"].map(lambda i: base.get(i, i))
        if per:
            keys = list(zip(df["section_id"], df["indicator"], strict=True))
            mapped = pd.Series(
                [per.get(k, m) for k, m in zip(keys, mapped, strict=True)], index=df.index
            )
        return mapped

    def _with_limit(self, df: pd.DataFrame) -> pd.DataFrame:
        df = df.assign(pollutant=self.pollutant_of(df))
        lim = self.limits.rename(
            columns={"water_class": "target_class", "evidence": "limit_evidence"}
        )
        df = df.merge(
            lim[["pollutant", "target_class", "limit", "direction", "limit_evidence"]],
            on=["pollutant", "target_class"],
            how="left",
        )
        explicit = {(s.id, k): v for s in self.scheme.doc.sections for k, v in s.targets.items()}
        if explicit:
            keys = pd.Series(
                list(zip(df["section_id"], df["indicator"], strict=True)), index=df.index
            )
            ex = keys.map(explicit).astype("float64")
            has = ex.notna()
            df.loc[has, "limit"] = ex[has]
            df.loc[has, "direction"] = df.loc[has, "direction"].fillna("max")
            df.loc[has, "limit_evidence"] = "section target"
        df["direction"] = df["direction"].fillna("max")
        df["limit_ref"] = np.where(
            df["limit_evidence"] == "section target",
            "section target",
            LIMITS_REF
            + "#"
            + df["pollutant"].astype(str)
            + "/"
            + df["target_class"].astype("Int64").astype(str),
        )
        return df

    def _with_control(self, df: pd.DataFrame) -> pd.DataFrame:
        ctl = {s.id: s.control_section for s in self.scheme.doc.sections if s.control_section}
        df = df.assign(control_section=df["section_id"].map(ctl))
        src = self.obs[["section_id", "period", "indicator", "value", "status"]].rename(
            columns={
                "section_id": "control_section",
                "value": "control_value",
                "status": "control_status",
            }
        )
        return df.merge(src, on=["control_section", "period", "indicator"], how="left")

    def require_limits(self, df: pd.DataFrame, comp: Component) -> None:
        """Stop if a valid observation has no target class or no limit."""
        bad = df[
            (df["status"] == "valid")
            & df["limit"].isna()
            & ~df["indicator"].isin(DERIVED_INDICATORS)
        ]
        if bad.empty:
            return
        shown = bad.drop_duplicates(["section_id", "indicator"]).head(10)
        items = "; ".join(
            f"{r.section_id} {r.indicator} (target class {'none' if pd.isna(r.target_class) else int(r.target_class)})"
            for r in shown.itertuples()
        )
        raise SchemeError(
            text("comp.err.no_target_limit", component=comp.id, n=len(bad), items=items),
            table=self.scheme.ref,
            hint=text("hint.comp.err.no_target_limit", limits=LIMITS_REF),
        )

    def classes(self, comp: Component, pollutants: list[str]) -> pd.DataFrame:
        """Water class per section and period: official ``water_class`` observations where
        given, else the worst class of ``pollutants`` (all must be valid)."""
        cls = self.frame(comp, ["water_class"])
        cls = cls.assign(observed_class=cls["value"])
        if comp.frequency == "annual" and not pollutants:
            ids = self.section_ids(comp)
            m = self.obs[
                self.obs["section_id"].isin(ids) & (self.obs["indicator"] == "water_class")
            ]
            m = m[(m["month"] > 0) & ~m.set_index(["section_id", "year"]).index.isin(
                cls.set_index(["section_id", "year"]).index)]  # fmt: skip
            if len(m):
                raise InputError(
                    text(
                        "comp.err.no_annual_class",
                        component=comp.id,
                        n=len(m),
                        example=m["input_ref"].iloc[0],
                    ),
                    hint=text("hint.comp.err.no_annual_class"),
                )

        if pollutants:
            conc = self.frame(comp, pollutants)
            lim = self.limits_wide.reindex(conc["pollutant"]).to_numpy()
            conc = conc.assign(c=water_class_of(conc["value"], lim, conc["direction"].to_numpy()))
            bad = conc["status"].where(conc["status"] != "valid")
            g = conc.assign(bad=bad).groupby(["section_id", "period", "year", "month"], sort=False)
            der = g.agg(
                observed_class=("c", "max"),
                n_c=("c", "count"),
                n=("c", "size"),
                bad=("bad", "first"),
                target_class=("target_class", "first"),
                input_ref=("input_ref", "first"),
            ).reset_index()
            der["observed_class"] = der["observed_class"].where(der["n_c"] == der["n"])
            der["status"] = der["bad"].fillna("valid")
            der = der.drop(columns=["n_c", "n", "bad"])
            der = der.assign(indicator="water_class", derived=True)
            key = ["section_id", "period"]
            der = der[~der.set_index(key).index.isin(cls.set_index(key).index)]
            cls = pd.concat([cls.assign(derived=False), der], ignore_index=True)
        return cls
