"""The Chinese-only forms of the SEEA workbook texts (``lang="zh"``).

Under ``lang="en"`` the account workbooks stay bilingual (:mod:`geep.seea.excel`); under
``lang="zh"`` sheet names, titles, subtitles, headers, labels, metadata and notes are in
Chinese only, SEEA table numbers kept. Layout tables then have two header rows — Chinese names
over the machine names — so that their code columns stay machine-readable; the ``cube`` sheet
and the hidden metadata are the same in both languages (:func:`geep.seea.read_account`).
"""

from __future__ import annotations

from functools import cache
from typing import Any

import pandas as pd

from ..messages import MESSAGES
from .layouts import label

#: the metadata keys shown in a table's subtitle, in order
SUBTITLE_KEYS = ("unit", "price_year", "status", "value_concept")


def zh(code: str) -> str:
    """The Chinese text of a catalogue code (no placeholders)."""
    return MESSAGES[code][1]


@cache
def _phrases() -> tuple[dict[str, str], tuple[tuple[str, str], ...]]:
    pairs = [v for k, v in MESSAGES.items() if k.startswith("seea.mv.")]
    exact = dict(pairs)
    long = tuple(sorted(((en, z) for en, z in pairs if " " in en), key=lambda p: -len(p[0])))
    return exact, long


def value_zh(value: Any) -> Any:
    """A metadata value in Chinese: booleans as 是/否, known values and phrases translated
    (``"welfare (value transfer)"`` → ``"福利价值（价值转移）"``), anything else as given."""
    if isinstance(value, bool):
        return "是" if value else "否"
    if not isinstance(value, str):
        return value
    exact, long = _phrases()
    parts = value.split(", ")
    if all(p in exact for p in parts):
        return "、".join(exact[p] for p in parts)
    out = value
    for en, z in long:
        out = out.replace(en, z)
    return out.replace(")", "）") if out != value and "（" in out else out


def field_zh(key: str) -> str:
    """The Chinese name of a metadata field (the key itself when the catalogue has none)."""
    code = f"seea.field.{key}"
    return zh(code) if code in MESSAGES else key


def subtitle_zh(meta: dict[str, Any]) -> str:
    """``"单位：ha；状态：正式"`` from a table's metadata."""
    parts = [f"{field_zh(k)}：{value_zh(meta[k])}" for k in SUBTITLE_KEYS
             if meta.get(k) not in (None, "")]  # fmt: skip
    return "；".join(parts)


def layout_zh(frame: pd.DataFrame) -> tuple[pd.DataFrame, list[str], list[str]]:
    """A layout without its English label column, its Chinese headers and machine names."""
    out = frame.drop(columns=["label_en"], errors="ignore")
    names = [str(c) for c in out.columns]
    heads = [zh(f"seea.col.{c}") if f"seea.col.{c}" in MESSAGES else label(c, "zh") for c in names]
    return out, heads, names


def metadata_zh(frame: pd.DataFrame) -> pd.DataFrame:
    """The metadata table (``table, field, value``) with Chinese field names and values."""
    out = frame.copy()
    out["field"] = [field_zh(k) for k in out["field"]]
    out["value"] = pd.Series([value_zh(v) for v in out["value"]], index=out.index, dtype=object)
    return out
