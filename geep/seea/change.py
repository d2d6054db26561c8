"""ESV change between two years: the contribution of each land-use transition and the price
(or coefficient) effect.

With areas :math:`A_k` and unit values :math:`VC_k = ESV_k / A_k` [money ha⁻¹] of each
ecosystem type in years a and b, and weights :math:`w_k` (``opening``: :math:`VC^a_k`;
``midpoint``: :math:`(VC^a_k + VC^b_k)/2`):

.. math::

    ESV^b - ESV^a = \\underbrace{\\sum_{i \\ne j} M_{ij}\\,(w_j - w_i)}_{\\text{area effect}}
    + \\underbrace{\\sum_k \\bar A_k\\,(VC^b_k - VC^a_k)}_{\\text{price effect}}

(:math:`\\bar A = A^b` with opening weights, :math:`(A^a + A^b)/2` with midpoint weights). The
identity is exact when the matrix margins equal the ledgers' areas — which is checked. Without a
matrix the area effect is given per type, :math:`(A^b_k - A^a_k)\\, w_k`. The contribution rate
of a transition (生态贡献率) is its effect over the sum of the absolute effects [%].

References
----------
宋永永 et al. (2018). 干旱区地理 (ChinaXiv 201809.00013), contribution rate C_{i→j} and Table 5.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from ..errors import InputError
from ..ledger import Ledger
from ..messages import text
from .account import Account
from .assets import _classification
from .cube import concat_cubes, make_cube
from .identities import change_checks
from .indices import ZERO_VALUE
from .ledgers import areas, lines_of, methods_of, money_basis, status_of, type_values, unit_values

WEIGHTS = ("opening", "midpoint")


def _one_year(lines: pd.DataFrame, what: str) -> int:
    ys = sorted(int(y) for y in lines["year"].unique())
    if len(ys) != 1:
        raise InputError(
            text("seea.one_year", what=what, years=ys), hint=text("seea.hint_one_year")
        )
    return ys[0]


def _unit_values(
    ledger: Ledger, what: str, zero_value: Sequence[str]
) -> tuple[pd.DataFrame, pd.DataFrame, int]:
    lines = lines_of(ledger, what)
    year = _one_year(lines, what)
    uv = unit_values(type_values(lines), areas(lines, None, what), zero_value, what)
    return lines, uv.drop(columns="year"), year


def _pair(uv_a: pd.DataFrame, uv_b: pd.DataFrame, weights: str) -> pd.DataFrame:
    """Areas, unit values and weights of both years per (region, type)."""
    ra, rb = set(uv_a["region_code"]), set(uv_b["region_code"])
    if ra != rb:
        raise InputError(text("seea.change_regions", only_a=sorted(ra - rb)[:5], only_b=sorted(rb - ra)[:5]),
                         hint=text("seea.hint_change_regions"))  # fmt: skip
    key = ["region_code", "ecosystem_type"]
    cols = ["area", "value", "unit_value", "flags"]
    p = uv_a[[*key, *cols]].merge(uv_b[[*key, *cols]], on=key, how="outer", suffixes=("_a", "_b"))
    p = p.set_index(key)
    for s in ("a", "b"):
        p[f"area_{s}"] = p[f"area_{s}"].fillna(0.0)
        p[f"value_{s}"] = p[f"value_{s}"].fillna(0.0)
    va, vb = p["unit_value_a"], p["unit_value_b"]
    p["flags"] = np.where(va.isna() & vb.notna(), "unit_value_of_b",
                          np.where(vb.isna() & va.notna(), "unit_value_of_a", ""))  # fmt: skip
    p["vc_a"] = va.fillna(vb).fillna(0.0)
    p["vc_b"] = vb.fillna(va).fillna(0.0)
    p["w"] = p["vc_a"] if weights == "opening" else (p["vc_a"] + p["vc_b"]) / 2
    abar = p["area_b"] if weights == "opening" else (p["area_a"] + p["area_b"]) / 2
    p["price_effect"] = abar * (p["vc_b"] - p["vc_a"])
    return p.reset_index()


def _transition_effects(
    t: pd.DataFrame, p: pd.DataFrame, zero_value: Sequence[str], rtol: float
) -> pd.DataFrame:
    known = p.set_index(["region_code", "ecosystem_type"])
    for side, col, area in (("from", "from_class", "area_a"), ("to", "to_class", "area_b")):
        sums = t.groupby(["region_code", col], sort=False)["area"].sum()
        sums.index = sums.index.set_names(["region_code", "ecosystem_type"])
        led = known[area]
        both = pd.concat([sums.rename("matrix"), led.rename("ledger")], axis=1)
        zero = both.index.get_level_values(1).isin(list(zero_value))
        unknown = both["ledger"].isna() & ~zero
        both = both[~(both["ledger"].isna() & zero)]  # classes the ledgers do not value
        if unknown.any():
            r, k = both.index[unknown.to_numpy()][0]
            raise InputError(text("seea.change_unknown_class", cls=k, region=r),
                             hint=text("seea.hint_area_without_value", classes=[k]))  # fmt: skip
        both = both.fillna(0.0)
        bad = (both["matrix"] - both["ledger"]).abs() > rtol * np.maximum(
            both.abs().max(axis=1), 1.0
        )
        if bad.any():
            (r, k), row = next(iter(both[bad].iterrows()))
            raise InputError(
                text("seea.change_margins", side=text(f"seea.margin_{'rows' if side == 'from' else 'columns'}"),
                     region=r, cls=k, matrix=row["matrix"], ledger=row["ledger"], n=int(bad.sum()),
                     year=text(f"seea.ledger_{'a' if side == 'from' else 'b'}")),
                hint=text("seea.hint_margin_mismatch"), table="transitions",
            )  # fmt: skip
    w = known["w"]
    wi = (
        w.reindex(pd.MultiIndex.from_frame(t[["region_code", "from_class"]])).fillna(0.0).to_numpy()
    )
    wj = w.reindex(pd.MultiIndex.from_frame(t[["region_code", "to_class"]])).fillna(0.0).to_numpy()
    off = t["from_class"].to_numpy() != t["to_class"].to_numpy()
    out = t.loc[off, ["region_code", "from_class", "to_class", "area"]].copy()
    out["value"] = out["area"].to_numpy() * (wj[off] - wi[off])
    return out.groupby(["region_code", "from_class", "to_class"], sort=False, as_index=False)[
        ["area", "value"]
    ].sum()


def _long(p, eff, lines_a, lines_b, ya, yb) -> pd.DataFrame:
    reg = ["region_code"]
    open_ = lines_a.groupby(reg, sort=True)["value"].sum().rename("value").reset_index()
    close = lines_b.groupby(reg, sort=True)["value"].sum().rename("value").reset_index()
    price = p[[*reg, "ecosystem_type", "price_effect", "area_b", "flags"]].rename(
        columns={"price_effect": "value", "area_b": "area"}
    )
    if eff is None:
        eff = p[[*reg, "ecosystem_type"]].assign(
            area=p["area_b"] - p["area_a"], value=(p["area_b"] - p["area_a"]) * p["w"]
        )
    tot_abs = eff.groupby("region_code")["value"].transform(lambda s: s.abs().sum())
    eff = eff.assign(contribution=np.where(tot_abs > 0, eff["value"] / tot_abs * 100, 0.0))
    parts = [
        open_.assign(item="opening"),
        eff.assign(item="area_effect"),
        price.assign(item="price_effect"),
        close.merge(open_, on="region_code", suffixes=("", "_o")).assign(
            value=lambda d: d["value"] - d["value_o"], item="net_change").drop(columns="value_o"),
        close.assign(item="closing"),
    ]  # fmt: skip
    long = pd.concat(parts, ignore_index=True)
    for c in ("from_class", "to_class", "ecosystem_type", "flags"):
        if c not in long:
            long[c] = ""
        long[c] = long[c].fillna("")
    rank = {
        k: i
        for i, k in enumerate(("opening", "area_effect", "price_effect", "net_change", "closing"))
    }
    long["_r"] = long["item"].map(rank)
    long = long.sort_values(["region_code", "_r"], kind="stable").drop(columns="_r")
    long.insert(1, "year_from", ya)
    long.insert(2, "year_to", yb)
    cols = ["region_code", "year_from", "year_to", "item", "from_class", "to_class",
            "ecosystem_type", "area", "value", "contribution", "flags"]  # fmt: skip
    return long.reindex(columns=cols).reset_index(drop=True)


def _row_codes(long: pd.DataFrame) -> np.ndarray:
    """``item|from>to`` or ``item|type`` (or ``item``), built once per distinct combination."""
    cols = ("item", "from_class", "to_class", "ecosystem_type")
    code = np.zeros(len(long), dtype=np.int64)
    levels = []
    for c in cols:  # one integer key from the codes of the four columns
        idx, uniq = pd.factorize(long[c].to_numpy(dtype=object), use_na_sentinel=False)
        code = code * len(uniq) + idx
        levels.append(np.asarray(uniq, dtype=object))
    codes, uniq = pd.factorize(code)
    names = []
    for u in uniq:
        parts = []
        for lv in reversed(levels):
            u, k = divmod(int(u), len(lv))
            parts.append(lv[k])
        k, f, t, item = parts  # reversed: ecosystem_type, to_class, from_class, item
        comp = f"{f}>{t}" if f else k
        names.append(f"{item}|{comp}" if comp else item)
    return np.asarray(names, dtype=object)[codes]


def _periods(long: pd.DataFrame) -> np.ndarray:
    """``"Y0-Y1"`` of every row, formatted once per distinct period."""
    pairs = long["year_from"].to_numpy(np.int64) * 10_000 + long["year_to"].to_numpy(np.int64)
    codes, uniq = pd.factorize(pairs)
    return np.asarray([f"{u // 10_000}-{u % 10_000}" for u in uniq], dtype=object)[codes]


def _cube(long: pd.DataFrame, unit: str) -> pd.DataFrame:
    row = _row_codes(long)
    period = _periods(long)
    frames, order = [], []
    for measure, col, u in (
        ("value", "value", unit),
        ("area", "area", "ha"),
        ("contribution", "contribution", "%"),
    ):
        sub = long[long[col].notna()]
        keep = long[col].notna().to_numpy()
        frames.append(make_cube(sub, account="esv_change", table="esv-change", row=row[keep],
                                column=np.full(len(sub), measure, dtype=object), value=col, unit=u, period=period[keep],
                                flags=sub["flags"]))  # fmt: skip
        order.append(np.flatnonzero(keep))
    cube = concat_cubes(frames)
    return cube.iloc[np.argsort(np.concatenate(order), kind="stable")].reset_index(drop=True)


def esv_change(
    ledger_a: Ledger,
    ledger_b: Ledger,
    transitions: pd.DataFrame | None = None,
    *,
    weights: str = "opening",
    zero_value: Sequence[str] = ZERO_VALUE,
    area_tolerance: float = 1e-9,
) -> Account:
    """Decompose the ESV change between two ledgers into land-use and price effects.

    Parameters
    ----------
    ledger_a, ledger_b
        ESV (or benefit-transfer) ledgers of one year each (opening a, closing b), in the same
        currency and price year, with ``ecosystem_type`` lines whose quantity is the area.
    transitions
        The change matrix from a to b (``region_code, year_from, year_to, from_class,
        to_class, area`` + unit): the area effect is then split by transition. Its row sums
        must equal the areas of ledger a and its column sums those of ledger b.
    weights
        ``"opening"`` (area effect at year-a unit values, price effect on year-b areas) or
        ``"midpoint"`` (both at the mean of the two years; symmetric).
    zero_value
        Classes with an area but no value lines (valued at 0; default ``built_up``).
    area_tolerance
        Relative tolerance of the margin comparison [–].

    Returns
    -------
    Account
        ``long``: ``region_code, year_from, year_to, item, from_class, to_class,
        ecosystem_type, area [ha], value [money], contribution [%], flags`` with ``item`` ∈
        opening, area_effect, price_effect, net_change, closing.

    References
    ----------
    宋永永 et al. (2018), ChinaXiv 201809.00013, Table 5 (contribution rates).
    """
    if weights not in WEIGHTS:
        raise InputError(text("seea.bad_weights", weights=weights), hint=text("seea.hint_weights"))
    la, uv_a, ya = _unit_values(ledger_a, "ledger_a", zero_value)
    lb, uv_b, yb = _unit_values(ledger_b, "ledger_b", zero_value)
    unit, py = money_basis([la, lb])
    if ya == yb:
        raise InputError(text("seea.same_year", year=ya), hint=text("seea.hint_one_year"))
    p = _pair(uv_a, uv_b, weights)
    eff = None
    notes = []
    if transitions is not None:
        from .extent import _select_period, read_transitions

        t = _select_period(read_transitions(transitions), ya, yb)
        eff = _transition_effects(t, p, zero_value, area_tolerance)
    else:
        notes.append(text("seea.note_change_no_matrix"))
    long = _long(p, eff, la, lb, ya, yb)
    long["value_unit"], long["price_year"] = unit, py
    cube = _cube(long, unit)
    meta = {"esv-change": {
        "price_basis": "constant prices", "price_year": py, "unit": unit, "weights": weights,
        "valuation_technique": methods_of([la, lb]), "status": status_of([ledger_a, ledger_b]),
        "zero_value": list(zero_value), "classification": _classification(ledger_a), "source": "change matrix" if eff is not None else "areas by type",
    }}  # fmt: skip
    notes.append(text("seea.note_change_weights", weights=weights))
    return Account(kind="esv_change", long=long, cube=cube, metadata=meta,
                   checks=change_checks(cube), notes=notes)  # fmt: skip
