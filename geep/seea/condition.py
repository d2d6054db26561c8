"""Ecosystem condition accounts (SEEA EA chapter 5): variables → indicators → index.

Each condition variable of an ecosystem type is rescaled against its reference levels into an
indicator in [0, 1]:

.. math:: I = \\min\\bigl(1, \\max\\bigl(0, (x - x_{lower}) / (x_{upper} - x_{lower})\\bigr)\\bigr)

where the *upper* level is the reference (good) condition and the *lower* level the poor one —
for a variable where less is better (a pollutant) the upper level is the smaller number. The
index of a type is the weighted mean of its indicators (equal weights unless given). Indices
are never averaged across ecosystem types (their reference conditions differ), and every
variable of a type's reference set must be measured in every region and year — a missing one
would silently reweight the index. The SEEA Ecosystem Condition Typology class (A1 physical,
A2 chemical, B1 compositional, B2 structural, B3 functional state, C1 landscape) of each
variable is recorded, and so is which classes each type's index covers.

References
----------
United Nations et al. (2021). SEEA EA, chapter 5 (condition variable, indicator and index
accounts; Ecosystem Condition Typology).
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import numpy as np
import pandas as pd

from ..errors import InputError
from ..messages import text
from ..units import factor
from . import inputs as I
from .account import Account
from .cube import concat_cubes, make_cube
from .identities import condition_checks
from .vocab import ECT_CLASSES, SEP

IND, REF = "indicators", "reference_levels"


def _read_indicators(frame: pd.DataFrame) -> pd.DataFrame:
    df, hunit = I.canonical_columns(
        frame, IND, ("region_code", "year", "ecosystem_type", "variable", "value"), ("unit",)
    )
    out = I.frame({
        "region_code": I.codes(df, IND, "region_code"), "year": I.years(df, IND, "year"),
        "ecosystem_type": I.codes(df, IND, "ecosystem_type"),
        "variable": I.codes(df, IND, "variable"), "value": I.numbers(df, IND, "value"),
    })  # fmt: skip
    if "unit" in df.columns or hunit:
        out["unit"] = I.codes(df, IND, "unit") if "unit" in df.columns else hunit
    I.duplicates(out, IND, ["region_code", "year", "ecosystem_type", "variable"])
    return out


def _read_references(frame: pd.DataFrame) -> pd.DataFrame:
    df, _ = I.canonical_columns(
        frame, REF, ("ecosystem_type", "variable", "upper", "lower", "ect_class"),
        ("unit", "weight", "region_code"),
    )  # fmt: skip
    out = I.frame({
        "ecosystem_type": I.codes(df, REF, "ecosystem_type"),
        "variable": I.codes(df, REF, "variable"),
        "upper": I.numbers(df, REF, "upper"), "lower": I.numbers(df, REF, "lower"),
        "ect_class": [c.upper() for c in I.codes(df, REF, "ect_class")],
        "weight": I.numbers(df, REF, "weight", nonnegative=True) if "weight" in df else 1.0,
    })  # fmt: skip
    if "unit" in df.columns:
        out["unit"] = I.codes(df, REF, "unit")
    if "region_code" in df.columns:
        out["region_code"] = I.codes(df, REF, "region_code")
    bad = ~out["ect_class"].isin(ECT_CLASSES)
    if bad.any():
        i = int(np.flatnonzero(bad.to_numpy())[0])
        raise InputError(text("seea.bad_ect", value=out["ect_class"].iloc[i], where=I.refs(df, REF, [i])[0],
                              classes=", ".join(ECT_CLASSES)), hint=text("seea.hint_ect"), table=REF, row=i)  # fmt: skip
    same = np.flatnonzero(out["upper"].to_numpy() == out["lower"].to_numpy())
    if same.size:
        raise InputError(text("seea.same_reference", where=", ".join(I.refs(df, REF, same[:5]))),
                         hint=text("seea.hint_same_reference"), table=REF, row=int(same[0]))  # fmt: skip
    keys = ["ecosystem_type", "variable", *(["region_code"] if "region_code" in out else [])]
    I.duplicates(out, REF, keys)
    return out


def _join(ind: pd.DataFrame, ref: pd.DataFrame) -> pd.DataFrame:
    keys = ["ecosystem_type", "variable", *(["region_code"] if "region_code" in ref else [])]
    m = ind.merge(ref, on=keys, how="left", suffixes=("", "_ref"), indicator=True)
    orphan = m["_merge"] == "left_only"
    if orphan.any():
        r = m[orphan].iloc[0]
        raise InputError(text("seea.no_reference", cls=r["ecosystem_type"], variable=r["variable"],
                              n=int(orphan.sum())), hint=text("seea.hint_no_reference"), table=REF)  # fmt: skip
    m = m.drop(columns="_merge")
    if ("unit" in ind) != ("unit" in ref):
        raise InputError(
            text("seea.condition_units"), hint=text("seea.hint_condition_units"), table=REF
        )
    if "unit" in ind:
        pairs = m[["unit_ref", "unit"]].drop_duplicates()
        conv = {(a, b): factor(a, b) for a, b in pairs.itertuples(index=False)}  # per distinct pair
        f = np.array([conv[(a, b)] for a, b in zip(m["unit_ref"], m["unit"], strict=True)])
        m["upper"], m["lower"] = m["upper"] * f, m["lower"] * f
    else:
        m["unit"] = ""
    return m


def _completeness(m: pd.DataFrame, ref: pd.DataFrame, allow_incomplete: bool) -> pd.Series:
    """Number of reference variables of each (region, year, type) that were not measured."""
    need = ref.groupby("ecosystem_type")["variable"].nunique()
    got = m.groupby(["region_code", "year", "ecosystem_type"])["variable"].nunique()
    missing = need.reindex(got.index.get_level_values("ecosystem_type")).to_numpy() - got.to_numpy()
    miss = pd.Series(missing, index=got.index)
    if (miss > 0).any() and not allow_incomplete:
        r, y, k = miss[miss > 0].index[0]
        raise InputError(text("seea.condition_incomplete", region=r, year=y, cls=k, n=int(miss[(r, y, k)])),
                         hint=text("seea.hint_condition_incomplete"), table=IND)  # fmt: skip
    return miss


def _periods(years: list[int], opening, closing) -> list[tuple[int, int]]:
    if opening is None and closing is None:
        if len(years) < 2:
            raise InputError(
                text("seea.condition_years", years=years),
                hint=text("seea.hint_years_needed"),
                table=IND,
            )
        return list(itertools.pairwise(years))
    if opening not in years or closing not in years or closing <= opening:
        raise InputError(
            text("seea.years_order", opening=opening, closing=closing),
            hint=text("seea.hint_years_needed"),
        )
    return [(int(opening), int(closing))]


def condition_account(
    indicators: pd.DataFrame,
    reference_levels: pd.DataFrame,
    *,
    opening: int | None = None,
    closing: int | None = None,
    allow_incomplete: bool = False,
) -> Account:
    """Condition variable, indicator and index accounts per ecosystem type.

    Parameters
    ----------
    indicators
        Condition variables: ``region_code, year, ecosystem_type, variable, value`` (+ unit).
    reference_levels
        ``ecosystem_type, variable, upper, lower, ect_class`` (+ ``unit``, ``weight``,
        ``region_code`` for regional references): ``upper`` is the reference (good) level.
    opening, closing
        Years of the account; default: consecutive years of the indicators.
    allow_incomplete
        Compute an index from the variables measured when some are missing (flagged
        ``incomplete``); by default a missing variable is an error.

    Returns
    -------
    Account
        ``long``: ``region_code, year, ecosystem_type, ect_class, variable, stage, value, unit,
        flags`` (``stage`` ∈ variable, indicator, index); tables 5.2, 5.3, 5.4; the ECT classes
        each type covers in ``metadata["5.4"]["ect_coverage"]``.

    References
    ----------
    United Nations et al. (2021). SEEA EA, chapter 5.
    """
    ind, ref = _read_indicators(indicators), _read_references(reference_levels)
    m = _join(ind, ref)
    span = m["upper"] - m["lower"]
    raw = (m["value"] - m["lower"]) / span
    m["indicator"] = raw.clip(0.0, 1.0)
    m["flags"] = np.where(raw > 1, "capped_at_1", np.where(raw < 0, "capped_at_0", ""))
    miss = _completeness(m, ref, allow_incomplete)
    m["_wi"] = m["weight"] * m["indicator"]
    g = m.groupby(["region_code", "year", "ecosystem_type"], sort=False)
    index = (g["_wi"].sum() / g["weight"].sum()).rename("value").reset_index()
    index["flags"] = np.where(
        miss.reindex(
            pd.MultiIndex.from_frame(index[["region_code", "year", "ecosystem_type"]])
        ).to_numpy()
        > 0,
        "incomplete",
        "",
    )
    long = _long(m, index)
    years = sorted(int(y) for y in ind["year"].unique())
    cube = concat_cubes([_cube(m, index, ref, a, b) for a, b in _periods(years, opening, closing)])
    cov = ref.groupby("ecosystem_type", sort=False)["ect_class"].agg(lambda s: sorted(set(s)))
    coverage = {
        k: {"populated": v, "missing": [c for c in ECT_CLASSES if c not in v]}
        for k, v in cov.items()
    }
    meta = {t: {"reference_levels": "as given (upper = reference condition)", "weights":
                "equal" if (ref["weight"] == 1).all() else "as given", "status": "released",
                "aggregation": "per ecosystem type only (never across types)"} for t in ("5.2", "5.3", "5.4")}  # fmt: skip
    meta["5.4"]["ect_coverage"] = coverage
    notes = [
        text("seea.note_ect_missing", cls=k, missing=", ".join(v["missing"]))
        for k, v in coverage.items()
        if v["missing"]
    ]
    notes.append(text("seea.note_condition_types"))
    return Account(kind="condition", long=long, cube=cube, metadata=meta,
                   checks=condition_checks(cube), notes=notes)  # fmt: skip


def _long(m: pd.DataFrame, index: pd.DataFrame) -> pd.DataFrame:
    base = ["region_code", "year", "ecosystem_type", "ect_class", "variable"]
    var = m[[*base, "value", "unit"]].assign(stage="variable", flags="")
    ind = (
        m[[*base, "indicator", "flags"]]
        .rename(columns={"indicator": "value"})
        .assign(stage="indicator", unit="1")
    )
    idx = index.assign(ect_class="", variable="index", stage="index", unit="1")
    cols = [*base, "stage", "value", "unit", "flags"]
    return pd.concat([var[cols], ind[cols], idx[cols]], ignore_index=True)


def _pivot(frame: pd.DataFrame, keys: Sequence[str], col: str, a: int, b: int) -> pd.DataFrame:
    sub = frame[frame["year"].isin([a, b])]
    w = sub.pivot_table(index=list(keys), columns="year", values=col, aggfunc="first", sort=False)
    w = w.reindex(columns=[a, b])
    return w.assign(change=w[b] - w[a]).rename(columns={a: "opening", b: "closing"})


def _cube(m, index, ref, a, b) -> pd.DataFrame:
    per = f"{a}-{b}"
    keys = ["region_code", "ecosystem_type", "ect_class", "variable"]
    firsts = m.drop_duplicates(keys).set_index(keys)
    out = []
    for table, col in (("5.2", "value"), ("5.3", "indicator")):
        w = _pivot(m, keys, col, a, b)
        items = ["opening", "closing", "change"]
        if table == "5.3":
            lv = firsts[["upper", "lower"]].reindex(w.index)
            w = w.assign(reference_upper=lv["upper"], reference_lower=lv["lower"])
            items = ["reference_upper", "reference_lower", *items]
        long = w.reset_index().melt(id_vars=keys, value_vars=items, var_name="item", value_name="v")
        row = long["ect_class"] + SEP + long["variable"] + SEP + long["item"]
        var_unit = firsts["unit"].reindex(pd.MultiIndex.from_frame(long[keys])).to_numpy()
        is_rescaled = (table == "5.3") & long["item"].isin(["opening", "closing", "change"])
        unit = np.where(is_rescaled, "1", var_unit)
        cube = make_cube(long, account="condition", table=table, row=row, column="ecosystem_type",
                         value="v", unit=unit, period=np.full(len(long), per, dtype=object))  # fmt: skip
        out.append(_ordered(cube))
    w = _pivot(index, ["region_code", "ecosystem_type"], "value", a, b).reset_index()
    long = w.melt(id_vars=["region_code", "ecosystem_type"], value_vars=["opening", "closing", "change"],
                  var_name="item", value_name="v")  # fmt: skip
    cube = make_cube(long, account="condition", table="5.4", row="index" + SEP + long["item"],
                     column="ecosystem_type", value="v", unit="1",
                     period=np.full(len(long), per, dtype=object))  # fmt: skip
    out.append(_ordered(cube))
    return concat_cubes(out)


def _ordered(cube: pd.DataFrame) -> pd.DataFrame:
    """Layout order: region, then row (ECT class, variable, item), then ecosystem type."""
    from .vocab import CONDITION_ITEMS

    parts = cube["row_code"].str.split(SEP)
    item_rank = parts.str[-1].map({k: i for i, k in enumerate(CONDITION_ITEMS)}).to_numpy()
    ect_rank = (
        parts.str[0]
        .map({k: i for i, k in enumerate(ECT_CLASSES)})
        .fillna(len(ECT_CLASSES))
        .to_numpy()
    )
    var = pd.factorize(parts.str[-2])[0]
    order = np.lexsort((pd.factorize(cube["column_code"])[0], item_rank, var, ect_rank,
                        pd.factorize(cube["region_code"])[0]))  # fmt: skip
    return cube.iloc[order].reset_index(drop=True)
