"""Sections supplied as a table (a user's section list for a scheme that ships none, e.g.
the 36+ sections of the Shanxi cross-section scheme, or a negotiator's draft).

Columns (:data:`~geep.compensation.tables.SECTIONS`): ``section_id``, ``name_zh`` (or
``name``), ``upstream`` (``"140100"`` or ``"140100:0.5;140200:0.5"``), optional
``downstream``, ``control_section``, ``target_class`` (1–5, I–V, Ⅲ类), ``river``, ``type``,
``no_inflow`` (yes / no). The table goes through the one normaliser (ids cleaned and
look-alikes refused, classes and flags from their vocabularies); the shares of the parties
are parsed here, each problem at its cell. Such sections carry evidence ``user``.
"""

from __future__ import annotations

import math
import re
import unicodedata
from typing import Any

import numpy as np
import pandas as pd

from ..ids import clean_id
from ..inputs.normalise import POSITION
from ..inputs.report import InputValidationError, Issue, Report
from ..messages import text
from .model import USER
from .observations import Where, normalised
from .tables import SECTIONS


def _party(raw: str) -> str:
    return clean_id(raw)[0]


def _shares(raw: Any) -> tuple[dict[str, float], Any]:
    """``({party: share}, problem)`` of an ``upstream`` / ``downstream`` cell."""
    if raw is None or (isinstance(raw, float) and np.isnan(raw)) or str(raw).strip() == "":
        return {}, None
    if isinstance(raw, dict):
        raw = ";".join(f"{k}:{v}" for k, v in raw.items())
    out: dict[str, float] = {}
    parts = [p for p in re.split(r"[;；,，]", str(raw)) if p.strip()]
    for part in parts:
        pid, _, share = part.partition(":")
        if not pid.strip():
            return {}, text("sec.share", part=part)
        value = _share(share) if share.strip() else 1.0
        if value is None:
            return {}, text("sec.share_value", value=share.strip(), party=pid.strip())
        out[_party(pid)] = value
    if len(out) > 1 and any(":" not in p for p in parts):
        return {}, text("sec.share_each")
    return out, None


def _share(value: Any) -> float | None:
    try:
        v = float(unicodedata.normalize("NFKC", str(value)).strip())
    except ValueError:
        return None
    return v if math.isfinite(v) and 0 <= v <= 1 else None


def sections_from_table(
    sections: pd.DataFrame | list[dict], by: str = USER, where: Where | None = None
) -> list[dict]:
    """Section dicts for a scheme from a user table (see :meth:`Scheme.with_sections`).

    Parameters
    ----------
    sections
        The table (a DataFrame or records), or the ``sections`` table of a workbook read
        with :func:`geep.compensation.io.read_inputs`.
    where
        The locator of its cells (given with a table read from a file).

    Raises
    ------
    InputValidationError
        Every problem of the table (ids, shares, target classes, flags), each at its cell.
    """
    frame = pd.DataFrame(sections) if not isinstance(sections, pd.DataFrame) else sections
    df, loc, issues = normalised(frame, SECTIONS, where, "sections")
    out = []
    for r in df.astype(object).where(df.notna(), None).to_dict(orient="records"):
        item, problems = _item(r, by)
        out.append(item)
        for column, problem in problems:
            issues.append(Issue("sections", loc(r[POSITION], column), column,
                                None if r.get(column) is None else str(r[column]), problem,
                                text("hint.sec")))  # fmt: skip
    report = Report(issues)
    if not report.ok:
        raise InputValidationError(report)
    return out


def _item(r: dict, by: str) -> tuple[dict[str, Any], list[tuple[str, Any]]]:
    sid = r["section_id"]
    up, bad_up = _shares(r.get("upstream"))
    down, bad_down = _shares(r.get("downstream"))
    problems = [(c, p) for c, p in (("upstream", bad_up), ("downstream", bad_down)) if p]
    tc = r.get("target_class")
    item = {
        "id": sid,
        "name_zh": str(r.get("name_zh") or sid),
        "name_en": str(r.get("name_en") or ""),
        "river": str(r.get("river") or ""),
        "type": str(r.get("type") or "junction"),
        "upstream": up,
        "downstream": down,
        "control_section": r.get("control_section") or None,
        "target_class": None if tc is None else int(tc),
        "no_inflow": r.get("no_inflow") == "true",
        "evidence": USER,
        "source": str(r.get("source") or "").strip(),
        "note": f"supplied by {by}",
    }
    return item, problems


__all__ = ["sections_from_table"]
