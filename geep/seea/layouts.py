"""Fixed layouts of the SEEA tables, rendered from the cube, with bilingual labels.

A layout has one row per (region, period, row code) and one column per column code, in the
order of the cube; the label columns give the row in English and Chinese. Labels come from the
message catalogue (items, beneficiaries, totals) or, for ecosystem types, from geep's land-class
vocabulary; codes without a label are shown as given.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..messages import MESSAGES, language_scope, msg
from ..methods.indicators import INDICATORS
from ..vocab import LAND_CLASSES
from .vocab import SEP, TABLES, TOTAL

#: names of the parts of compound row codes, per table
ROW_PARTS: dict[str, tuple[str, ...]] = {
    "5.2": ("ect_class", "variable", "item"),
    "5.3": ("ect_class", "variable", "item"),
    "5.4": ("index", "item"),
    "7.1a": ("service", "indicator"),
    "7.1b": ("service", "indicator"),
    "esv-change": ("item", "component"),
}


def label(code: object, lang: str) -> str:
    """The label of a row or column code in ``lang`` (``en`` or ``zh``)."""
    c = str(code)
    if c == TOTAL:
        return _catalogue("seea.col.total", lang)
    for prefix in (
        "seea.item.",
        "seea.beneficiary.",
        "seea.measure.",
        "seea.ect.",
        "seea.service.",
    ):
        if prefix + c in MESSAGES:
            return _catalogue(prefix + c, lang)
    if lang == "zh" and c in LAND_CLASSES:
        return LAND_CLASSES[c]
    if lang == "zh" and c in INDICATORS:
        return INDICATORS[c].zh
    if SEP in c:
        return ": ".join(label(p, lang) for p in c.split(SEP) if p)
    if ">" in c:
        return " → ".join(label(p, lang) for p in c.split(">"))
    return c


def _catalogue(code: str, lang: str) -> str:
    with language_scope(lang):
        return msg(code)


def bilingual(code: object) -> str:
    """``"English / 中文"`` (or the one label when both are the same)."""
    en, zh = label(code, "en"), label(code, "zh")
    return en if en == zh else f"{en} / {zh}"


def table_title(table: str, lang: str) -> str:
    """The title of a table, with its SEEA number, in ``lang``."""
    code = TABLES[table][1] if table in TABLES else None
    return _catalogue(code, lang) if code else table


def layout(cube: pd.DataFrame, table: str) -> pd.DataFrame:
    """The wide layout of ``table`` from the cube rows.

    Returns
    -------
    pandas.DataFrame
        ``region_code, period, row_code`` (+ the parts of compound row codes), ``label_en,
        label_zh, unit``, then one column per column code (NaN where the cube has no cell),
        then ``flags``.
    """
    from .cube import plain

    sub = plain(cube[cube["table"] == table])
    key = (
        sub["region_code"].astype(str)
        + "\x00"
        + sub["period"].astype(str)
        + "\x00"
        + sub["row_code"].astype(str)
    )
    ri, rows = pd.factorize(key)
    ci, cols = pd.factorize(sub["column_code"])
    grid = np.full((len(rows), len(cols)), np.nan)
    grid[ri, ci] = sub["value"].to_numpy(dtype=float)
    first = pd.Series(np.arange(len(sub))).groupby(ri, sort=True).first().to_numpy()
    head = sub.iloc[first][["region_code", "period", "row_code", "unit"]].reset_index(drop=True)
    out = head[["region_code", "period", "row_code"]].copy()
    parts = ROW_PARTS.get(table)
    if parts:
        split = out["row_code"].astype(str).str.split(SEP, n=len(parts) - 1, expand=True)
        for j, name in enumerate(parts):
            out[name] = split[j].fillna("") if j in split.columns else ""
    codes = pd.unique(out["row_code"])
    for lang in ("en", "zh"):
        names = {c: label(c, lang) for c in codes}  # one look-up per distinct code
        out[f"label_{lang}"] = out["row_code"].map(names)
    out["unit"] = head["unit"].to_numpy()
    values = pd.DataFrame(grid, columns=list(cols))
    flags = sub["flags"].fillna("").astype(str).groupby(ri, sort=True).agg(_join_flags)
    out = pd.concat([out, values], axis=1)
    out["flags"] = flags.to_numpy()
    return out


def _join_flags(s: pd.Series) -> str:
    seen = []
    for v in s:
        for f in v.split(";"):
            if f and f not in seen:
                seen.append(f)
    return ";".join(seen)


def layout_headers(frame: pd.DataFrame) -> list[str]:
    """Bilingual headers of a layout (fixed columns from the catalogue, codes labelled)."""
    out = []
    for c in frame.columns:
        key = f"seea.col.{c}"
        if key in MESSAGES:
            en, zh = MESSAGES[key]
            out.append(en if en == zh else f"{en} / {zh}")
        else:
            out.append(bilingual(c))
    return out
