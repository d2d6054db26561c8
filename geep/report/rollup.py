"""Roll-ups: county ledgers summed to cities and the province, with the sums checked.

The summing is :func:`geep.methods.geep_account.aggregate` (one implementation); this module
finds each region's parent in the hierarchy (:mod:`geep.report.regions`), fills names, records
what was done in the ledger's provenance and checks the identities: every parent's value equals
the sum of its lines, per year, account, category and service, and a province summed through
its cities equals the province summed straight from its counties.

References
----------
.. [1] 王金南 等 2018, 中国人口·资源与环境 28(2):1-7 — national GEEP is the sum of provincial
   GEEPs (aggregate the accounts, do not recompute them from aggregate GDP).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from ..errors import InputError, MethodError
from ..ledger import Ledger
from ..messages import text
from ..methods.geep_account import aggregate, parent_columns
from ..status import worst
from .regions import LEVELS, Hierarchy, extend, hierarchy, nested, parents, region_names

#: relative tolerance of the roll-up identities (of the sum of |values| of a group)
RTOL = 1e-9
_CHECK_KEYS = ("year", "account", "category", "service", "value_unit", "price_year")


def _codes(ledger: Ledger) -> list[str]:
    return sorted(map(str, pd.unique(ledger._raw["region_code"].astype(str))))


def _ledger_names(ledger: Ledger) -> dict[str, str]:
    f = ledger._raw[["region_code", "region_name"]].drop_duplicates("region_code")
    return {str(c): n for c, n in zip(f["region_code"], f["region_name"], strict=True)
            if isinstance(n, str) and n}  # fmt: skip


def _hierarchy(regions: pd.DataFrame | None, hier: pd.DataFrame | Hierarchy | None) -> Hierarchy:
    return extend(hierarchy(hier), regions)


def check_sums(lower: Ledger, upper: Ledger, mapping: Mapping[str, str]) -> dict[str, Any]:
    """Check that every line group of ``upper`` is the sum of ``lower``'s lines mapped to it.

    Groups are (region, year, account, category, service, money unit, price year), summed on
    their own, coarser keys (not the roll-up's), so a line dropped, doubled or put under the
    wrong parent shows. Returns ``{"groups": n, "max_rel_diff": d}``.

    Raises
    ------
    MethodError
        If a group differs by more than :data:`RTOL` of the sum of its absolute values, or a
        group is on one side only.
    """
    keys = ["region_code", *_CHECK_KEYS]

    def sums(ledger: Ledger, remap: Mapping[str, str] | None) -> pd.DataFrame:
        f = ledger._raw
        flat = f[list(_CHECK_KEYS)].copy(deep=False)
        region = parent_columns(f["region_code"], remap, {})[0] if remap else f["region_code"]
        flat.insert(0, "region_code", region)
        flat["value"] = f["value"].to_numpy()
        flat["abs"] = np.abs(flat["value"].to_numpy())
        out = flat.groupby(keys, dropna=False, sort=True, observed=True)[["value", "abs"]].sum()
        index = out.index.to_frame(index=False).astype(object)
        index["region_code"] = index["region_code"].astype(str)
        out.index = pd.MultiIndex.from_frame(index)
        return out.rename(columns={"value": "sum", "abs": "scale"})

    a, b = sums(lower, mapping), sums(upper, None)
    both = a.add_suffix("_lines").join(b.add_suffix("_rollup"), how="outer")
    diff = (both["sum_lines"] - both["sum_rollup"]).abs()
    scale = both[["scale_lines", "scale_rollup"]].max(axis=1).clip(lower=1.0)
    rel = (diff / scale).fillna(np.inf)
    bad = rel[rel > RTOL]
    if len(bad):
        shown = "; ".join(" ".join(map(str, k)) for k in bad.index[:5])
        raise MethodError(text("report.rollup_mismatch", n=len(bad), groups=shown))
    return {"groups": len(both), "max_rel_diff": float(rel.max()) if len(rel) else 0.0}


def rollup(
    ledger: Ledger,
    to: str = "city",
    *,
    regions: pd.DataFrame | None = None,
    hierarchy: pd.DataFrame | Hierarchy | None = None,
) -> Ledger:
    """Sum a ledger's regions up to ``to`` (``county``, ``city`` or ``province``).

    Parameters
    ----------
    ledger
        Lines of regions at or below ``to`` (counties, cities …).
    to
        Target level.
    regions
        An input ``regions`` table: its ``parent_code`` values extend the hierarchy (and must
        agree with it).
    hierarchy
        ``region_code, parent_code[, region_name, level]``, default ``regions-shanxi``.

    Returns
    -------
    Ledger
        One line per parent region and line key, ``input_ref`` ``sum of N lines``; names from
        the ledger where it has them, else from the hierarchy. ``meta["rollup"]`` records the
        level, the number of regions before and after, the hierarchy used and the identity
        check; a provisional hierarchy makes the roll-up provisional (and says so).

    Raises
    ------
    InputError
        Unknown codes, codes above ``to``, or a region and one of its parts both in the ledger.
    MethodError
        If a sum does not check (see :func:`check_sums`).
    """
    h = _hierarchy(regions, hierarchy)
    codes = _codes(ledger)
    twice = nested(codes, h)
    if twice:
        shown = ", ".join(f"{c} ⊂ {p}" for c, p in twice[:10])
        raise InputError(text("report.rollup_nested", pairs=shown),
                         hint=text("report.hint_rollup_nested"), column="region_code")  # fmt: skip
    mapping = parents(codes, to, h)
    targets = sorted(set(mapping.values()))
    names = region_names(_ledger_names(ledger), targets, h, "zh")
    out = aggregate(ledger, mapping, names)
    checked = check_sums(ledger, out, mapping)
    meta = dict(out.meta)
    info = {"to": to, "regions_in": len(codes), "regions_out": len(targets),
            "hierarchy": h.ref or "given", "check": checked}  # fmt: skip
    meta["rollup"] = [*_as_list(ledger.meta.get("rollup")), info]
    if h.ref:
        meta["tables"] = {**meta.get("tables", {}), h.ref: h.sha256}
        meta["status"] = worst([meta.get("status", "released"), h.status])
        if h.status != "released":
            w = text("report.rollup_hierarchy_status", ref=h.ref, status=text(f"status.{h.status}"))
            meta["warnings"] = [*meta.get("warnings", []), w]
    return Ledger._trusted(out._raw, meta, ordered=out._ordered)


def _as_list(v: Any) -> list:
    return [] if v is None else list(v) if isinstance(v, list) else [v]


def ledger_level(ledger: Ledger, h: Hierarchy) -> str:
    """The highest level among the ledger's regions (``county`` for a county ledger)."""
    lv = h.level
    known = [lv[c] for c in _codes(ledger) if c in lv]
    if not known:
        return LEVELS[0]
    return max(known, key=LEVELS.index)


def rollups(
    ledger: Ledger,
    levels: Sequence[str] = LEVELS,
    *,
    regions: pd.DataFrame | None = None,
    hierarchy: pd.DataFrame | Hierarchy | None = None,
) -> dict[str, Ledger]:
    """The ledger at each of ``levels``: each level summed from the one below, and the top
    one checked against the ledger's own lines too (county → city → province identities).

    The ledger's own level is returned as it is; levels below it are an error.
    """
    h = _hierarchy(regions, hierarchy)
    bad = [lv for lv in levels if lv not in LEVELS]
    if bad or not levels:
        raise InputError(text("report.bad_level", level=", ".join(bad), levels=", ".join(LEVELS)))
    base = ledger_level(ledger, h)
    order = sorted(set(levels), key=LEVELS.index)
    if LEVELS.index(order[0]) < LEVELS.index(base):
        raise InputError(
            text("report.below_ledger", base=text(f"report.level.{base}"),
                 level=text(f"report.level.{order[0]}")),
            hint=text("report.hint_above_level"),
        )  # fmt: skip
    out: dict[str, Ledger] = {}
    current = ledger
    for lv in LEVELS[LEVELS.index(base) :]:
        if lv != base:
            current = rollup(current, lv, hierarchy=h)
        if lv in order:
            out[lv] = current
        if lv == order[-1]:
            break
    if order[-1] != base:  # the top level straight from the lines: the identity of the chain
        check_sums(ledger, out[order[-1]], parents(_codes(ledger), order[-1], h))
    return out


def rollup_regions(
    regions: pd.DataFrame, to: str, hierarchy: pd.DataFrame | Hierarchy | None = None
) -> pd.DataFrame:
    """Area [ha] and population [persons] of an input ``regions`` table summed to ``to``.

    A parent gets a sum only when every one of its regions in the table has a value (else
    NaN: a partial sum would understate per-capita and per-km² values).
    """
    h = _hierarchy(regions, hierarchy)
    codes = regions["region_code"].astype(str)
    mapping = parents(codes, to, h)
    f = pd.DataFrame({"region_code": codes.map(mapping).to_numpy()})
    for col in ("area", "population"):
        if col in regions.columns:
            f[col] = pd.to_numeric(regions[col], errors="coerce").to_numpy()
    g = f.groupby("region_code", sort=True)
    out = g.sum(min_count=1)
    for col in out.columns:
        out[col] = out[col].where(g[col].count() == g[col].size())
    out = out.reset_index()
    out["region_name"] = out["region_code"].map(h.names("zh")).fillna("")
    return out


__all__ = ["RTOL", "check_sums", "ledger_level", "rollup", "rollup_regions", "rollups"]
