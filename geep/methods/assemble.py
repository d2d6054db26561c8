"""The one place where kernel output becomes a :class:`~geep.ledger.Ledger`.

Every method's ledger gets its region names, account, money unit, price year, status,
provisional warnings, provenance (tables with hashes, the coefficients actually used with their
evidence and source) the same way, here.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from ..ledger import Ledger
from ..ledger_frame import COLUMNS, canonical_categories, const_column, fast_categorical
from ..messages import text
from ..status import STATUS_RANK, worst
from .registry import Method
from .resolved import KernelResult, Resolved

#: evidence levels that make a result provisional when a line rests on them
WEAK_EVIDENCE = ("secondary", "unverified")


def used_theta(result: KernelResult) -> np.ndarray:
    """Positions in θ of the coefficients that at least one line uses."""
    codes = result.lines["coefficient"].cat.codes.to_numpy()
    present = np.flatnonzero(np.bincount(codes[codes >= 0], minlength=len(result.terms)))
    return result.terms.thetas(present)


def _region_names(region: pd.Series, names: Mapping[str, str]) -> pd.Categorical:
    """Region names as a canonical categorical (lexical categories; missing where unnamed)."""
    labels = [names.get(str(r)) or None for r in region.cat.categories]
    uniq = sorted({lb for lb in labels if lb is not None})
    pos = {lb: i for i, lb in enumerate(uniq)}
    lut = np.array([pos.get(lb, -1) if lb is not None else -1 for lb in labels] + [-1])
    codes = region.cat.codes.to_numpy()
    return fast_categorical(lut[np.where(codes < 0, len(lut) - 1, codes)], uniq)


def evidence_summary(theta: pd.DataFrame, used: np.ndarray) -> dict[str, int]:
    """Number of coefficients used per evidence level."""
    ev = theta["evidence"].iloc[used].astype(str).replace("", "unstated")
    return {k: int(v) for k, v in ev.value_counts().sort_index().items()}


def assemble(
    method: Method,
    resolved: Resolved,
    result: KernelResult,
    names: Mapping[str, str] | None = None,
    *,
    value_unit: str = "CNY",
    meta: Mapping[str, Any] | None = None,
    ordered: bool = False,
) -> Ledger:
    """Build the ledger of ``method`` from its resolved coefficients and kernel result.

    Parameters
    ----------
    names
        ``{region_code: region_name}``.
    value_unit
        Money unit of the values (the currency of the coefficients).
    meta
        Extra provenance (inputs, methods run …) merged into the ledger's ``meta``.
    ordered
        The kernel produced its lines in ledger order.
    """
    df = result.lines
    n = len(df)
    df = df.copy(deep=False)
    if "region_name" not in df.columns:
        df["region_name"] = _region_names(df["region_code"], names or {})
    if "account" not in df.columns:
        df["account"] = const_column(method.account, n)
    if "value_unit" not in df.columns:
        df["value_unit"] = const_column(value_unit, n)
    if "price_year" not in df.columns:
        df["price_year"] = pd.arrays.IntegerArray(
            np.full(n, resolved.price_year, dtype=np.int64), np.zeros(n, dtype=bool)
        )
    extra = [c for c in df.columns if c not in COLUMNS]
    df = df[list(COLUMNS) + extra]
    if ordered and not result.canonical:
        df = canonical_categories(df)

    used = used_theta(result)
    theta = resolved.theta
    evidence = evidence_summary(theta, used)
    status, warnings = _status_and_warnings(resolved, result, evidence, len(used))
    coefficients = theta.iloc[used].to_dict(orient="records") if len(used) else []
    out_meta: dict[str, Any] = {
        "method": method.name,
        "profile": resolved.profile,
        "status": status,
        "tables": {ref: info["sha256"] for ref, info in sorted(resolved.tables.items())},
        "options": {**resolved.options, "price_year": resolved.price_year},
        "evidence": evidence,
        "coefficients": coefficients,
        "warnings": warnings,
        **{k: v for k, v in resolved.meta.items() if k != "profile_warning"},
        **result.meta,
        **dict(meta or {}),
    }
    return Ledger._trusted(df, out_meta, ordered=ordered)


__all__ = ["WEAK_EVIDENCE", "assemble", "evidence_summary", "used_theta"]


def _status_and_warnings(
    resolved: Resolved, result: KernelResult, evidence: Mapping[str, int], n_used: int
) -> tuple[str, list[Any]]:
    """The ledger's status (the worst of the profile, its tables and the evidence of the
    coefficients used) and its warnings, each stated once."""
    weak = sum(evidence.get(k, 0) for k in WEAK_EVIDENCE)
    table_status = [info["status"] for info in resolved.tables.values()]
    status = worst([resolved.status, *table_status])
    warnings: list[Any] = []
    if resolved.status != "released" and resolved.profile:
        warnings.append(resolved.meta.get("profile_warning") or resolved.status)
    for ref, info in sorted(resolved.tables.items()):
        if info["status"] != "released":
            st = info["status"]
            warnings.append(text("ledger.table_status", ref=ref, status=text(f"status.{st.upper()}"),
                                 status_lower=text(f"status.{st}")))  # fmt: skip
        if info.get("provenance"):
            warnings.append(info["provenance"])
    if weak:
        names = [text(f"report.evidence.{k}") for k in WEAK_EVIDENCE if evidence.get(k)]
        levels = names[0]
        for name in names[1:]:
            levels = levels + " / " + name
        warnings.append(text("ledger.rows_evidence", n=weak, total=n_used, levels=levels))
        if STATUS_RANK[status] < STATUS_RANK["provisional"]:
            status = "provisional"
    warnings += [w for w in (*resolved.warnings, *result.warnings) if w not in warnings]
    return status, warnings
