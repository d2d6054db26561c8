"""Monetary ecosystem asset account (SEEA EA Table 10.1) from a ledger with two or more years.

The asset value of each ledger line in year t is its annual value times the present-value
factor of the expected flows, :math:`V_t = v_t\\, F` with :math:`F` the annuity factor
(:func:`~geep.seea.discount.annuity_factor`) — the expectation being the accounting year's flow
held constant in real terms over the asset life — or the discounted sum of a relative flow
projection. Between two years each line's change splits exactly into (line with quantity q,
price p, area A of its ecosystem type, :math:`s_0 = q_0/A_0`):

* conversions :math:`(A_1 - A_0)\\, s_0\\, p_0\\, F` (area change × unit asset value);
* enhancement / degradation :math:`(q_1 - q_0 - (A_1 - A_0) s_0)\\, p_0\\, F` (change of the
  flow per unit area: condition), positive parts enhancement, negative parts degradation;
* revaluation :math:`q_1 (p_1 - p_0)\\, F` (price and coefficient changes);
* other changes in volume: amounts the user attributes (e.g. catastrophic losses), moved out
  of degradation / enhancement;

so that opening + Σ changes = closing holds exactly.

References
----------
United Nations et al. (2021). SEEA EA, chapter 10 (Table 10.1 monetary ecosystem asset account).
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import numpy as np
import pandas as pd

from ..errors import InputError
from ..ledger import Ledger
from ..messages import text
from . import inputs as I
from .account import AssetAccount
from .cube import concat_cubes, period_of, table_cube
from .discount import annuity_factor, check_life, check_timing, discount_factors
from .identities import asset_checks
from .ledgers import ALL_TYPES, areas, areas_from_lines, lines_of, methods_of, money_basis
from .vocab import ASSET_ITEMS

KEY = ["region_code", "ecosystem_type", "category", "service", "indicator"]


def _factors(lines: pd.DataFrame, rate, life: int, timing: str, flows) -> np.ndarray:
    """Present-value factor [a] of every line: the annuity factor, or Σ index_τ d_τ."""
    if flows is None:
        return np.full(len(lines), annuity_factor(rate, life, timing))
    d = discount_factors(rate, life, timing)
    if not isinstance(flows, pd.DataFrame):
        idx = np.asarray(flows, dtype=float).ravel()
        if len(idx) != life or not np.isfinite(idx).all():
            raise InputError(
                text("seea.flows_length", n=len(idx), life=life), hint=text("seea.hint_asset_flows")
            )
        return np.full(len(lines), float(idx @ d))
    df, _ = I.canonical_columns(
        flows, "flows", ("tau", "index"), ("region_code", "ecosystem_type", "service")
    )
    tau = I.years(df, "flows", "tau")
    keys = [c for c in ("region_code", "ecosystem_type", "service") if c in df.columns]
    df = df.assign(tau=tau, index=I.numbers(df, "flows", "index"), d=d[np.clip(tau, 1, life) - 1])
    if ((tau < 1) | (tau > life)).any():
        raise InputError(
            text("seea.flows_tau", life=life), hint=text("seea.hint_asset_flows"), table="flows"
        )
    counts = (
        df.groupby(keys, sort=False)["tau"].nunique() if keys else pd.Series([df["tau"].nunique()])
    )
    if (counts != life).any():
        raise InputError(
            text("seea.flows_tau", life=life), hint=text("seea.hint_asset_flows"), table="flows"
        )
    if not keys:
        return np.full(len(lines), float((df["index"] * df["d"]).sum()))
    f = (df["index"] * df["d"]).groupby([df[k] for k in keys], sort=False).sum()
    got = f.reindex(
        pd.MultiIndex.from_frame(lines[keys]) if len(keys) > 1 else lines[keys[0]]
    ).to_numpy()
    if np.isnan(got).any():
        raise InputError(
            text("seea.flows_missing", keys=keys), hint=text("seea.hint_asset_flows"), table="flows"
        )
    return got


class _Wide:
    """Line keys (one row per region, type, category, service, indicator) and, per year, their
    quantity q, price p, value and present-value factor f as arrays (keys × years; NaN = no
    line that year) — built with integer codes, no pivot of text keys."""

    def __init__(self, lines: pd.DataFrame, years: list[int]) -> None:
        keys = lines[KEY]
        code = np.zeros(len(lines), dtype=np.int64)
        for c in KEY:  # one integer key from the codes of the key columns
            idx, uniq = pd.factorize(keys[c], use_na_sentinel=False)
            code = code * (len(uniq) + 1) + idx
        code = pd.factorize(code)[0]
        yi = np.searchsorted(np.asarray(years), lines["year"].to_numpy())
        nk, ny = int(code.max()) + 1, len(years)
        lin = code * ny + yi
        uniq, counts = np.unique(lin, return_counts=True)
        if (counts > 1).any():
            r = lines.iloc[int(np.flatnonzero(lin == uniq[counts > 1][0])[0])]
            raise InputError(text("seea.asset_duplicate", region=r["region_code"], year=r["year"],
                                  line=r["indicator"]), hint=text("seea.hint_asset_duplicate"))  # fmt: skip
        qp = lines["quantity"].notna().to_numpy() & lines["price"].notna().to_numpy()
        value = lines["value"].to_numpy(dtype=float)
        cols = {
            "q": np.where(qp, lines["quantity"].to_numpy(dtype=float), value),
            "p": np.where(qp, lines["price"].to_numpy(dtype=float), 1.0),
            "value": value, "f": lines["_f"].to_numpy(dtype=float),
        }  # fmt: skip
        self.arrays = {}
        for name, v in cols.items():
            arr = np.full(nk * ny, np.nan)
            arr[lin] = v
            self.arrays[name] = arr.reshape(nk, ny)
        first = np.full(nk, -1, dtype=np.int64)
        first[code[::-1]] = np.arange(len(code))[::-1]
        self.keys = keys.iloc[first][["region_code", "ecosystem_type"]].reset_index(drop=True)
        self.years = list(years)

    def at(self, name: str, year: int) -> np.ndarray:
        """Column ``name`` (q, p, value, f) of ``year`` for every line key."""
        return self.arrays[name][:, self.years.index(year)]


def _period(w: _Wide, y0: int, y1: int, area: pd.Series | None) -> pd.DataFrame:
    q0, q1 = np.nan_to_num(w.at("q", y0)), np.nan_to_num(w.at("q", y1))
    p0, p1 = w.at("p", y0), w.at("p", y1)
    p0, p1 = np.where(np.isnan(p0), p1, p0), np.where(np.isnan(p1), p0, p1)
    f0 = w.at("f", y0)
    f = np.where(np.isnan(f0), w.at("f", y1), f0)
    rt = w.keys
    if area is not None:
        idx = [pd.MultiIndex.from_arrays([rt["region_code"], np.full(len(rt), y), rt["ecosystem_type"]])
               for y in (y0, y1)]  # fmt: skip
        a0, a1 = (area.reindex(i).fillna(0.0).to_numpy() for i in idx)
    else:
        a0 = a1 = np.zeros(len(rt))
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):  # non-finite → error below
        s0 = np.where(a0 > 0, q0 / a0, np.where(a1 > 0, q1 / a1, 0.0))
        conv = (a1 - a0) * s0 * p0
        cond = (q1 - q0 - (a1 - a0) * s0) * p0
        reval = q1 * (p1 - p0)
    out = rt.copy()
    v0, v1 = np.nan_to_num(w.at("value", y0)), np.nan_to_num(w.at("value", y1))
    out["opening"], out["closing"] = v0 * f, v1 * f
    out["enhancement"], out["degradation"] = np.maximum(cond, 0.0) * f, np.minimum(cond, 0.0) * f
    out["conversions"], out["revaluation"] = conv * f, reval * f
    out["other_changes"] = 0.0
    return out.groupby(["region_code", "ecosystem_type"], sort=False).sum().reset_index()


def _apply_other(acc: pd.DataFrame, other: pd.DataFrame | None, y0: int, y1: int) -> pd.DataFrame:
    """Move user-stated other changes in volume out of degradation (losses) or enhancement."""
    if other is None:
        return acc
    df, _ = I.canonical_columns(
        other, "other_changes", ("region_code", "ecosystem_type", "year_from", "year_to", "value")
    )
    sel = df[
        (I.years(df, "other_changes", "year_from") == y0)
        & (I.years(df, "other_changes", "year_to") == y1)
    ]
    if sel.empty:
        return acc
    amounts = pd.Series(I.numbers(sel, "other_changes", "value"),
                        index=pd.MultiIndex.from_arrays([I.codes(sel, "other_changes", "region_code"),
                                                         I.codes(sel, "other_changes", "ecosystem_type")]))  # fmt: skip
    acc = acc.set_index(["region_code", "ecosystem_type"])
    missing = amounts.index.difference(acc.index)
    if len(missing):
        raise InputError(
            text("seea.other_unknown", where=list(missing[:3])),
            hint=text("seea.hint_other"),
            table="other_changes",
        )
    oc = amounts.reindex(acc.index).fillna(0.0)
    loss, gain = np.minimum(oc, 0.0), np.maximum(oc, 0.0)
    if ((acc["degradation"] - loss) > 1e-9 * np.maximum(acc["degradation"].abs(), 1)).any() or (
        (acc["enhancement"] - gain) < -1e-9 * np.maximum(acc["enhancement"].abs(), 1)
    ).any():
        raise InputError(
            text("seea.other_too_large"), hint=text("seea.hint_other"), table="other_changes"
        )
    acc["degradation"] -= loss
    acc["enhancement"] -= gain
    acc["other_changes"] = oc
    return acc.reset_index()


def _periods(years: list[int], periods) -> list[tuple[int, int]]:
    if periods is None:
        return list(itertools.pairwise(years))
    out = []
    for a, b in periods:
        if int(a) not in years or int(b) not in years or int(b) <= int(a):
            raise InputError(
                text("seea.asset_period", period=f"{a}-{b}", years=years),
                hint=text("seea.hint_asset_period"),
            )
        out.append((int(a), int(b)))
    return out


def asset_account(
    ledger: Ledger,
    *,
    discount_rate: object,
    asset_life: object,
    timing: str = "end",
    flows: Sequence[float] | pd.DataFrame | None = None,
    land_cover: pd.DataFrame | None = None,
    periods: Sequence[tuple[int, int]] | None = None,
    other_changes: pd.DataFrame | None = None,
) -> AssetAccount:
    """Monetary ecosystem asset account (SEEA EA Table 10.1) per region and ecosystem type.

    Parameters
    ----------
    ledger
        An ESV, GEP or benefit-transfer ledger with two or more years, in one currency and
        price year (constant prices).
    discount_rate, asset_life, timing
        See :func:`~geep.seea.discount.asset_value` (rate [1/a] as a fraction or a schedule;
        life [a]; ``"end"`` or ``"beginning"``).
    flows
        Expected flows relative to the accounting year: a sequence of N indices (1 = the
        accounting year's flow), or a frame ``tau, index`` (+ ``region_code``,
        ``ecosystem_type``, ``service`` keys). Default: the flow held constant in real terms.
    land_cover
        Areas by ecosystem type and year (for conversions); default: the ledger's area
        quantities (ESV, BT). Without areas conversions cannot be told from condition changes
        (stated in the notes).
    periods
        ``[(y0, y1), …]``; default: consecutive ledger years.
    other_changes
        ``region_code, ecosystem_type, year_from, year_to, value`` [money]: other changes in
        volume (catastrophic losses < 0), taken out of degradation / enhancement.

    Returns
    -------
    AssetAccount
        ``long``: ``region_code, year_from, year_to, ecosystem_type, item, value, value_unit,
        price_year``; ``values``: asset value of each type and year.

    References
    ----------
    United Nations et al. (2021). SEEA EA, chapter 10, Table 10.1.
    """
    lines = lines_of(ledger)
    years = sorted(int(y) for y in lines["year"].unique())
    if len(years) < 2:
        raise InputError(
            text("seea.asset_one_year", years=years), hint=text("seea.hint_asset_one_year")
        )
    life, timing = check_life(asset_life), check_timing(timing)
    unit, py = money_basis([lines])
    lines["_f"] = _factors(lines, discount_rate, life, timing, flows)
    notes = [text("seea.note_asset_constant" if flows is None else "seea.note_asset_projection",
                  life=life, rate=discount_rate, timing=text(f"seea.timing.{timing}"))]  # fmt: skip
    area = _asset_areas(lines, land_cover, notes)
    w = _Wide(lines, years)
    accs = []
    for y0, y1 in _periods(years, periods):
        acc = _apply_other(_period(w, y0, y1, area), other_changes, y0, y1)
        acc["net_change"] = acc[
            ["enhancement", "degradation", "conversions", "other_changes", "revaluation"]
        ].sum(axis=1)
        accs.append(acc.assign(year_from=y0, year_to=y1))
    if other_changes is None:
        notes.append(text("seea.note_no_other_changes"))
    table = pd.concat(accs, ignore_index=True)
    if not np.isfinite(table[list(ASSET_ITEMS)].to_numpy(dtype=float)).all():
        raise InputError(text("seea.asset_not_finite"), hint=text("seea.hint_asset_not_finite"))
    long = _long(table, unit, py)
    values = _values(lines, unit, py)
    cube = concat_cubes([_cube(long, unit), _values_cube(values, unit)])
    meta = _metadata(ledger, lines, discount_rate, life, timing, flows, unit, py, area is not None)
    notes += _concept_notes(lines)
    return AssetAccount(long=long, cube=cube, metadata=meta, checks=asset_checks(cube),
                        notes=notes, values=values)  # fmt: skip


def _asset_areas(lines, land_cover, notes) -> pd.Series | None:
    if land_cover is not None:
        return areas(lines, land_cover)
    if (lines["ecosystem_type"] == ALL_TYPES).all():
        notes.append(text("seea.note_no_conversions"))
        return None
    try:
        return areas_from_lines(lines)
    except InputError:
        notes.append(text("seea.note_no_conversions"))
        return None


def _long(acc: pd.DataFrame, unit: str, py) -> pd.DataFrame:
    long = acc.melt(id_vars=["region_code", "year_from", "year_to", "ecosystem_type"],
                    value_vars=list(ASSET_ITEMS), var_name="item", value_name="value")  # fmt: skip
    rank = {k: i for i, k in enumerate(ASSET_ITEMS)}
    long["_r"] = long["item"].map(rank)
    long = long.sort_values(["region_code", "year_from", "ecosystem_type", "_r"], kind="stable")
    long = long.drop(columns="_r").reset_index(drop=True)
    long["value_unit"], long["price_year"] = unit, py
    return long


def _values(lines: pd.DataFrame, unit: str, py) -> pd.DataFrame:
    g = lines.assign(asset=lines["value"] * lines["_f"]).groupby(
        ["region_code", "ecosystem_type", "year"], sort=True
    )
    out = (
        g[["value", "asset"]]
        .sum()
        .reset_index()
        .rename(columns={"value": "annual_value", "asset": "asset_value"})
    )
    out["value_unit"], out["price_year"] = unit, py
    return out


def _cube(long: pd.DataFrame, unit: str) -> pd.DataFrame:
    return table_cube(
        account="assets", table="10.1", region=long["region_code"].to_numpy(dtype=object),
        period=period_of(long), row=long["item"].to_numpy(dtype=object),
        column=long["ecosystem_type"].to_numpy(dtype=object),
        value=long["value"].to_numpy(dtype=float), unit=unit, row_order=ASSET_ITEMS,
    )  # fmt: skip


def _values_cube(values: pd.DataFrame, unit: str) -> pd.DataFrame:
    long = values.melt(id_vars=["region_code", "ecosystem_type", "year"],
                       value_vars=["annual_value", "asset_value"], var_name="item", value_name="value")  # fmt: skip
    return table_cube(
        account="assets", table="10.1-v", region=long["region_code"].to_numpy(dtype=object),
        period=long["year"].astype(str).to_numpy(dtype=object), row=long["item"].to_numpy(dtype=object),
        column=long["ecosystem_type"].to_numpy(dtype=object), value=long["value"].to_numpy(dtype=float),
        unit=np.where(long["item"] == "annual_value", f"{unit}/a", unit),
        row_order=("annual_value", "asset_value"),
    )  # fmt: skip


def _metadata(ledger, lines, rate, life, timing, flows, unit, py, has_area) -> dict:
    concept = sorted({_concept(a) for a in lines["account"].dropna().unique()})
    base = {
        "price_basis": "constant prices", "price_year": py, "unit": unit,
        "valuation_technique": methods_of([lines]), "value_concept": ", ".join(concept),
        "discount_rate": rate if isinstance(rate, int | float) else str(rate),
        "asset_life": life, "timing": timing,
        "expectation": "constant real flow of the accounting year" if flows is None else "relative flow projection",
        "conversions": "area change x unit asset value" if has_area else "not separated (no areas)",
        "classification": _classification(ledger), "status": ledger.status, "experimental": True,
    }  # fmt: skip
    return {"10.1": dict(base), "10.1-v": dict(base)}


def _classification(ledger: Ledger) -> str:
    """The ecosystem types of a ledger: geep land classes under its profile(s)."""
    meta = ledger.meta
    profiles = meta.get("profiles") or ({"": meta["profile"]} if meta.get("profile") else {})
    names = ", ".join(sorted({str(p) for p in profiles.values()})) or "unknown profile"
    return f"ecosystem_type of the ledger lines (geep land classes; profile {names})"


def _concept(account: str) -> str:
    return "exchange" if account == "GEP" else "welfare (value transfer)"


def _concept_notes(lines: pd.DataFrame) -> list:
    accounts = {str(a) for a in pd.unique(lines["account"].dropna())}
    return (
        [text("seea.note_welfare_assets", accounts=", ".join(sorted(accounts - {"GEP"})))]
        if accounts - {"GEP"}
        else []
    )
