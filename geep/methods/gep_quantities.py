"""GEP quantities (功能量) as the kernel values them: given, computed from drivers, split.

Pure functions over the input tables and θ, on integer codes (no per-row text): the built-in
models compute quantities from drivers (direct quantities win and say so), soil retention
given as one mass becomes its siltation, N and P lines, exclusions are applied and reported,
and purification quantities are capped at actual emissions.

A quantity frame has the columns ``region`` (categorical), ``year``, ``ind`` (position in
:data:`IND`), ``quantity`` (canonical unit), ``input_ref`` (categorical), ``model``,
``mcoef``, ``split`` (positions in the label lists of :class:`Labels`) and ``split_factor``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from ..errors import MethodError
from ..indicators import INDICATORS
from ..ledger_frame import concat_lines, fast_categorical
from ..messages import text
from .gep_spec import MODELS, SOIL_PARTS

#: indicator codes: positions in this tuple
IND: tuple[str, ...] = tuple(INDICATORS)
IND_POS = {name: i for i, name in enumerate(IND)}
SERVICE_OF = np.array([INDICATORS[i].service for i in IND], dtype=object)
IS_MONEY = np.array([INDICATORS[i].valuation == "money" for i in IND])


class Labels:
    """Small label lists (models, model constants, split constants) addressed by position."""

    def __init__(self) -> None:
        self.model = [""]
        self.mcoef = [""]
        self.split = [""]

    @staticmethod
    def code(labels: list[str], label: str) -> int:
        if label not in labels:
            labels.append(label)
        return labels.index(label)


def _frame(region, year, ind, quantity, refs, model=0, mcoef=0, split=0, factor=1.0):
    n = len(quantity)

    def full(v, dtype):
        return np.full(n, v, dtype=dtype) if np.isscalar(v) else np.asarray(v, dtype=dtype)

    return pd.DataFrame(
        {
            "region": region,
            "year": np.asarray(year, dtype=np.int64),
            "ind": full(ind, np.int64),
            "quantity": np.asarray(quantity, dtype=float),
            "input_ref": refs,
            "model": full(model, np.int64),
            "mcoef": full(mcoef, np.int64),
            "split": full(split, np.int64),
            "split_factor": full(factor, np.float64),
        },
        copy=False,
    )


def _as_category(col: pd.Series) -> pd.Categorical:
    return (
        col.array if isinstance(col.dtype, pd.CategoricalDtype) else pd.Categorical(col.astype(str))
    )


def _given(q: pd.DataFrame | None) -> pd.DataFrame:
    if q is None or q.empty:
        return _frame(pd.Categorical([]), [], [], [], pd.Categorical([]))
    ind = _as_category(q["indicator"])
    lut = np.array([IND_POS[str(c)] for c in ind.categories] + [-1])
    return _frame(
        _as_category(q["region_code"]),
        q["year"].to_numpy(np.int64),
        lut[ind.codes],
        q["quantity"].to_numpy(dtype=float),
        _as_category(q["input_ref"]),
    )


def _derived(drivers: pd.DataFrame | None, models: Mapping[str, list[int]], theta, refs,
             labels: Labels) -> list[pd.DataFrame]:  # fmt: skip
    """Quantities computed from drivers by the built-in models."""
    if drivers is None or drivers.empty or not models:
        return []
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
            _frame(
                pd.Categorical(sub.index.get_level_values(0).astype(str)),
                sub.index.get_level_values(1).astype(np.int64),
                IND_POS[ind],
                qty,
                pd.Categorical(r.to_numpy()),
                model=Labels.code(labels.model, f"gep.model.{m.label}"),
                mcoef=Labels.code(labels.mcoef, ";".join(refs[k] for k in consts)),
            )
        )
    return out


def _split_soil(q: pd.DataFrame, rows: list[dict[str, Any]], theta, labels: Labels):
    soil = (q["ind"] == IND_POS["soil_retention"]).to_numpy()
    if not soil.any():
        return q
    s = q.loc[soil]
    split = {r["indicator"]: r for r in rows if r.get("split")}
    split_model = np.array(
        [
            Labels.code(labels.model, f"{m}+soil_split" if m else "gep.soil_split")
            for m in list(labels.model)
        ]
    )
    parts = [q.loc[~soil]]
    for name, consts in SOIL_PARTS:
        r = split.get(f"soil_retention.{name}")
        if r is None:  # excluded
            continue
        f = float(np.prod([theta[k] ** p for k, p in r["terms"][-len(consts) :]]))
        parts.append(
            s.assign(ind=IND_POS[f"soil_retention.{name}"], split=Labels.code(labels.split,
                     r["split"]), split_factor=f, model=split_model[s["model"].to_numpy()])
        )  # fmt: skip
    return concat_lines(parts)


def _key(q: pd.DataFrame) -> np.ndarray:
    """One integer per (region, year, indicator)."""
    region = q["region"].array.codes.astype(np.int64)
    year = q["year"].to_numpy(np.int64)
    y0 = int(year.min()) if len(year) else 0
    span = int(year.max()) - y0 + 1 if len(year) else 1
    return (region * span + (year - y0)) * len(IND) + q["ind"].to_numpy(np.int64)


def quantities(tables: Mapping[str, pd.DataFrame], fr: Mapping[str, Any], theta, refs):
    """The quantity lines of a GEP run, their label lists, and the warnings they raise."""
    labels = Labels()
    q = _given(tables.get("quantities"))
    derived = _derived(tables.get("drivers"), fr["models"], theta, refs, labels)
    warnings: list[Any] = []
    if derived:
        n_given = len(q)
        q = concat_lines([q, *derived])
        key = _key(q)
        dup_of_given = pd.Index(key[:n_given]).get_indexer(key[n_given:]) >= 0
        if dup_of_given.any():
            warnings.append(text("gep.direct_and_derived", n=int(dup_of_given.sum())))
            keep = np.concatenate([np.ones(n_given, dtype=bool), ~dup_of_given])
            q = q.loc[keep].reset_index(drop=True)
    q = _split_soil(q, fr["valuation"], theta, labels)
    dup = pd.Series(_key(q)).duplicated(keep=False).to_numpy()
    if dup.any():
        d = q.loc[dup].iloc[0]
        refs_dup = q.loc[dup, "input_ref"].astype(str).head(4)
        raise MethodError(
            text(
                "gep.twice",
                indicator=IND[int(d["ind"])],
                region=d["region"],
                year=d["year"],
                refs=", ".join(refs_dup),
            ),
            hint=text("gep.hint_twice"),
        )
    exclude = set(fr["exclude"])
    excluded = np.array([IND[i] in exclude or SERVICE_OF[i] in exclude for i in range(len(IND))])
    drop = excluded[q["ind"].to_numpy()]
    if drop.any():
        counts = np.bincount(q["ind"].to_numpy()[drop], minlength=len(IND))
        for i in np.flatnonzero(counts):
            warnings.append(text("gep.excluded", indicator=IND[i], n=int(counts[i])))
        q = q.loc[~drop].reset_index(drop=True)
    return q, labels, warnings


def apply_caps(q: pd.DataFrame, drivers: pd.DataFrame):
    """Cap purification quantities at the actual emissions (``emission.*`` drivers)."""
    var = drivers["variable"].astype(str)
    caps = drivers[var.str.startswith("emission.").to_numpy()]
    if caps.empty:
        return q, None, 0
    cap_of = np.array([INDICATORS[i].cap or "" for i in IND], dtype=object)
    cap_var = cap_of[q["ind"].to_numpy()]
    key = pd.DataFrame({"region_code": np.asarray(q["region"].astype(str)),
                        "year": q["year"].to_numpy(np.int64), "variable": cap_var})  # fmt: skip
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
    flags = fast_categorical(np.where(over, 0, -1), ["capped_at_emissions"])
    if over.any():
        q = q.copy()
        capped = m["cap"].to_numpy() / q["split_factor"].to_numpy()
        q["quantity"] = np.where(over, capped, q["quantity"].to_numpy())
        refs = np.asarray(q["input_ref"].astype(str), dtype=object).copy()
        refs[over] = refs[over] + ";cap:" + m["cap_ref"].to_numpy()[over]
        q["input_ref"] = pd.Categorical(refs)
    return q, flags, int(over.sum())


__all__ = ["IND", "IS_MONEY", "Labels", "apply_caps", "quantities"]
