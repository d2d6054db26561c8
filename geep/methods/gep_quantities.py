"""GEP quantities (功能量) as the kernel values them: given, computed from drivers, split.

Pure functions over the input tables and θ: the built-in models compute quantities from
drivers (direct quantities win and say so), soil retention given as one mass becomes its
siltation, N and P lines, exclusions are applied and reported, and purification quantities are
capped at actual emissions.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from ..errors import MethodError
from ..messages import text
from .gep_spec import MODELS, SOIL_PARTS
from ..indicators import INDICATORS

_COLUMNS = ("region_code", "year", "indicator", "quantity", "input_ref", "model", "model_coef",
            "split", "split_factor")  # fmt: skip


def _given(q: pd.DataFrame | None) -> pd.DataFrame:
    if q is None or q.empty:
        return pd.DataFrame(columns=list(_COLUMNS))
    return pd.DataFrame(
        {
            "region_code": q["region_code"].astype(str).to_numpy(),
            "year": q["year"].to_numpy(np.int64),
            "indicator": q["indicator"].astype(str).to_numpy(),
            "quantity": q["quantity"].to_numpy(dtype=float),
            "input_ref": q["input_ref"].astype(str).to_numpy(),
            "model": "",
            "model_coef": "",
            "split": "",
            "split_factor": 1.0,
        }
    )


def _derived(drivers: pd.DataFrame | None, models: Mapping[str, list[int]], theta, refs):
    """Quantities computed from drivers by the built-in models."""
    if drivers is None or drivers.empty or not models:
        return pd.DataFrame(columns=list(_COLUMNS))
    d = drivers.assign(
        region_code=drivers["region_code"].astype(str), variable=drivers["variable"].astype(str)
    )
    wide = d.pivot_table(index=["region_code", "year"], columns="variable", values="value",
                         aggfunc="first", observed=True)  # fmt: skip
    ref = d.pivot_table(index=["region_code", "year"], columns="variable", values="input_ref",
                        aggfunc="first", observed=True)  # fmt: skip
    out = []
    for ind, consts in models.items():
        m = MODELS[ind]
        sub = wide[list(m.variables)].dropna()
        if sub.empty:
            continue
        args = [sub[v].to_numpy() for v in m.variables] + [theta[k] for k in consts]
        qty = np.asarray(m.function(*args), dtype=float) * m.output
        r = ref.loc[sub.index, list(m.variables)].astype(str).agg(";".join, axis=1)
        out.append(
            pd.DataFrame(
                {
                    "region_code": sub.index.get_level_values(0).astype(str),
                    "year": sub.index.get_level_values(1).astype(np.int64),
                    "indicator": ind,
                    "quantity": qty,
                    "input_ref": r.to_numpy(),
                    "model": f"gep.model.{m.label}",
                    "model_coef": ";".join(refs[k] for k in consts),
                    "split": "",
                    "split_factor": 1.0,
                }
            )
        )
    return pd.concat(out, ignore_index=True) if out else pd.DataFrame(columns=list(_COLUMNS))


def _split_soil(q: pd.DataFrame, rows: list[dict[str, Any]], theta, refs) -> pd.DataFrame:
    soil = (q["indicator"] == "soil_retention").to_numpy()
    if not soil.any():
        return q
    s = q.loc[soil]
    split = {r["indicator"]: r for r in rows if r.get("split")}
    parts = [q.loc[~soil]]
    for name, consts in SOIL_PARTS:
        sub = f"soil_retention.{name}"
        r = split.get(sub)
        if r is None:  # excluded
            continue
        terms = r["terms"][-len(consts):]
        f = float(np.prod([theta[k] ** p for k, p in terms]))
        model = np.where(s["model"].astype(str) != "", s["model"].astype(str) + "+soil_split",
                         "gep.soil_split")  # fmt: skip
        parts.append(s.assign(indicator=sub, split=r["split"], split_factor=f, model=model))
    return pd.concat(parts, ignore_index=True)


def quantities(tables: Mapping[str, pd.DataFrame], fr: Mapping[str, Any], theta, refs):
    """The quantity lines of a GEP run and the warnings they raise."""
    q = _given(tables.get("quantities"))
    derived = _derived(tables.get("drivers"), fr["models"], theta, refs)
    warnings: list[Any] = []
    key = ["region_code", "year", "indicator"]
    if not derived.empty:
        m = derived.merge(q[key], on=key, how="left", indicator=True)
        both = int((m["_merge"] == "both").sum())
        if both:
            warnings.append(text("gep.direct_and_derived", n=both))
        q = pd.concat([q, derived[(m["_merge"] == "left_only").to_numpy()]], ignore_index=True)
    q = _split_soil(q, fr["valuation"], theta, refs)
    dup = q.duplicated(key, keep=False)
    if dup.any():
        d = q[dup].iloc[0]
        raise MethodError(
            text("gep.twice", indicator=d["indicator"], region=d["region_code"], year=d["year"],
                 refs=", ".join(q[dup]["input_ref"].head(4))),  # fmt: skip
            hint=text("gep.hint_twice"),
        )
    exclude = set(fr["exclude"])
    service = q["indicator"].map(lambda i: INDICATORS[i].service)
    drop = (service.isin(exclude) | q["indicator"].isin(exclude)).to_numpy()
    if exclude and "soil_retention" in exclude:
        drop |= q["indicator"].str.startswith("soil_retention").to_numpy()
    counts = q.loc[drop, "indicator"].value_counts().sort_index()
    for ind, n in counts.items():
        warnings.append(text("gep.excluded", indicator=ind, n=int(n)))
    return q.loc[~drop].reset_index(drop=True), warnings


def apply_caps(q: pd.DataFrame, drivers: pd.DataFrame):
    """Cap purification quantities at the actual emissions (``emission.*`` drivers)."""
    var = drivers["variable"].astype(str)
    caps = drivers[var.str.startswith("emission.").to_numpy()]
    if caps.empty:
        return q, None, 0
    cap_var = q["indicator"].map({k: d.cap for k, d in INDICATORS.items()})
    key = pd.DataFrame(
        {"region_code": q["region_code"].to_numpy(), "year": q["year"].to_numpy(np.int64),
         "variable": cap_var.to_numpy()}  # fmt: skip
    )
    c = pd.DataFrame(
        {
            "region_code": caps["region_code"].astype(str).to_numpy(),
            "year": caps["year"].astype("int64").to_numpy(),
            "variable": caps["variable"].astype(str).to_numpy(),
            "cap": caps["value"].to_numpy(dtype=float),
            "cap_ref": caps["input_ref"].astype(str).to_numpy(),
        }
    )
    m = key.merge(c, on=["region_code", "year", "variable"], how="left", validate="many_to_one")
    qty = q["quantity"].to_numpy() * q["split_factor"].to_numpy()
    over = m["cap"].notna().to_numpy() & (qty > m["cap"].to_numpy())
    flags = pd.Categorical(np.where(over, "capped_at_emissions", None))
    if over.any():
        q = q.copy()
        capped = m["cap"].to_numpy() / q["split_factor"].to_numpy()
        q["quantity"] = np.where(over, capped, q["quantity"].to_numpy())
        refs = q["input_ref"].astype(object).to_numpy().copy()
        refs[over] = refs[over] + ";cap:" + m["cap_ref"].to_numpy()[over]
        q["input_ref"] = refs
    return q, flags, int(over.sum())


__all__ = ["apply_caps", "quantities"]
