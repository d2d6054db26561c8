"""Which coefficients vary, and how: user specs over table-shipped specs over defaults.

The caller's specs win over the ranges a coefficient table ships (the override is stated);
defaults derived from evidence levels apply only when asked for (``defaults="by-evidence"``
or a mapping of widths) and only to coefficients that no spec names. A coefficient that the
kernel uses outside the value terms (a GEP model constant computing a quantity from drivers)
cannot be propagated by the terms: naming it exactly is an error, a wildcard skips it and
says so. Everything else stays fixed, and the output lists what varied.

References
----------
DESIGN §11; issue 16 ("where neither gives a distribution the coefficient is fixed and the
output says which coefficients were varied").
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from ..messages import text
from .model import Model
from .specs import (
    DistributionError,
    Marginal,
    Spec,
    check_widths,
    default_specs,
    parse_distributions,
    resolve_marginal,
    table_specs,
    user_matches,
)


@dataclass
class Assignment:
    """The varied coefficients' marginals, the default widths used, and notes."""

    marginals: list[Marginal]
    widths: dict[str, float] | None
    notes: list[Any] = field(default_factory=list)
    used: frozenset[int] = frozenset()

    @property
    def varied(self) -> list[Marginal]:
        return [m for m in self.marginals if m.dist != "fixed"]


def _wild(entry: str) -> bool:
    return any(ch in entry for ch in "*?[")


def assign(model: Model, distributions: object = None, defaults: object = None) -> Assignment:
    """Marginals of every varied θ entry of ``model``."""
    theta = model.theta
    used = {int(p) for p in model.used()}
    inert = {int(p) for p in model.inert()}
    refs = theta["ref"].astype(str).tolist()
    notes: list[Any] = []
    chosen: dict[int, Spec] = dict(table_specs(theta))
    user = user_matches(theta, parse_distributions(distributions))
    overridden = sorted(refs[p] for p in user if p in chosen)
    if overridden:
        notes.append(
            text("uncertainty.table_overridden", n=len(overridden), refs=", ".join(overridden[:5]))
        )
    by_entry: dict[str, list[int]] = {}
    for p, s in user.items():
        by_entry.setdefault(s.entry, []).append(p)
    for entry, ps in by_entry.items():
        hit = [p for p in ps if p in inert]
        if hit and (not _wild(entry) or len(hit) == len(ps)):
            raise DistributionError(text("uncertainty.inert", entry=entry, ref=refs[hit[0]]),
                                    hint=text("uncertainty.hint_inert"), entry=entry)  # fmt: skip
        if hit:
            notes.append(text("uncertainty.inert_skipped", entry=entry, n=len(hit),
                              refs=", ".join(refs[p] for p in hit[:4])))  # fmt: skip
        unused = [p for p in ps if p not in used and p not in inert]
        if unused and not _wild(entry):
            notes.append(text("uncertainty.unused", entry=entry))
    chosen.update({p: s for p, s in user.items() if p not in inert})
    for p in [p for p in chosen if p in inert]:
        notes.append(text("uncertainty.inert_skipped", entry=chosen[p].entry, n=1, refs=refs[p]))
        del chosen[p]
    widths = check_widths(defaults)
    if widths is not None:
        todo = sorted(p for p in used if p not in chosen and p not in inert)
        dspecs, user_fixed = default_specs(theta, todo, widths)
        chosen.update(dspecs)
        if user_fixed:
            notes.append(
                text("uncertainty.user_fixed", refs=", ".join(refs[p] for p in user_fixed[:5]))
            )
        if inert:
            notes.append(
                text("uncertainty.inert_default", refs=", ".join(refs[p] for p in sorted(inert)))
            )
    values = theta["value"].to_numpy(dtype=float)
    units = theta["unit"].astype(str).tolist()
    marginals = [resolve_marginal(p, refs[p], float(values[p]), units[p], chosen[p])
                 for p in sorted(chosen)]  # fmt: skip
    if not any(m.dist != "fixed" for m in marginals):
        notes.append(text("uncertainty.nothing_varied"))
    return Assignment(marginals, widths, notes, frozenset(used))


def varied_frame(a: Assignment, theta: pd.DataFrame) -> pd.DataFrame:
    """One row per varied coefficient: reference, value, unit, evidence, kind, spec source and
    entry, distribution, its parameters, correlation group, whether a line uses it."""
    rows = []
    for m in a.varied:
        t = theta.iloc[m.pos]
        rows.append({
            "ref": m.ref, "value": m.value, "unit": t["unit"], "evidence": t["evidence"],
            "kind": t["kind"], "source": m.source, "entry": m.entry, "dist": m.dist,
            "relative": m.relative,
            "params": "; ".join(f"{k}={v:.6g}" for k, v in m.params)
            + (f"; values={len(m.values)}" if m.values else ""),
            "corr_group": m.corr_group or "", "used": m.pos in a.used,
        })  # fmt: skip
    cols = ["ref", "value", "unit", "evidence", "kind", "source", "entry", "dist", "relative",
            "params", "corr_group", "used"]  # fmt: skip
    return pd.DataFrame(rows, columns=cols)


def widths_frame(widths: Mapping[str, float] | None) -> pd.DataFrame:
    """The by-evidence widths used (empty when no defaults were asked for)."""
    items = sorted((widths or {}).items())
    return pd.DataFrame(items, columns=["evidence", "half_width"])


__all__ = ["Assignment", "assign", "varied_frame", "widths_frame"]
