"""Sections supplied as a table (a user's section list for a scheme that ships none, e.g.
the 36+ sections of the Shanxi cross-section scheme, or a negotiator's draft).

Columns: ``section_id``, ``name_zh`` (or ``name``), ``upstream`` (``"140100"`` or
``"140100:0.5;140200:0.5"``), optional ``downstream``, ``control_section``, ``target_class``,
``river``, ``type``, ``no_inflow``. Such sections carry evidence ``user``.
"""

from __future__ import annotations

import math
import re
import unicodedata
from typing import Any

import numpy as np
import pandas as pd

from ..errors import InputError
from ..ids import clean_id, id_problem
from ..messages import msg
from .model import USER

_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "Ⅰ": 1, "Ⅱ": 2, "Ⅲ": 3, "Ⅳ": 4, "Ⅴ": 5}


def _party(text: str) -> str:
    return clean_id(text)[0]


def _shares(text: Any, where: str) -> dict[str, float]:
    if text is None or (isinstance(text, float) and np.isnan(text)) or str(text).strip() == "":
        return {}
    if isinstance(text, dict):
        return {_party(k): _share(v, k, where) for k, v in text.items()}
    out: dict[str, float] = {}
    parts = [p for p in re.split(r"[;；,，]", str(text)) if p.strip()]
    for part in parts:
        pid, _, share = part.partition(":")
        if not pid.strip():
            raise ValueError(msg("sec.share", where=where, part=part))
        out[_party(pid)] = _share(share, pid.strip(), where) if share.strip() else 1.0
    if len(out) > 1 and any(":" not in p for p in parts):
        raise ValueError(msg("sec.share_each", where=where))
    return out


def _share(value: Any, party: str, where: str) -> float:
    try:
        v = float(unicodedata.normalize("NFKC", str(value)).strip())
    except ValueError:
        v = float("nan")
    if not (math.isfinite(v) and 0 <= v <= 1):
        raise ValueError(msg("sec.share_value", where=where, value=value, party=party))
    return v


def _target_class(tc: Any, where: str) -> int | None:
    if tc is None or (isinstance(tc, str) and tc.strip() == ""):
        return None
    t = unicodedata.normalize("NFKC", str(tc)).strip().upper().removesuffix("类")
    if t in _ROMAN:
        return _ROMAN[t]
    try:
        v = float(t)
    except ValueError:
        v = float("nan")
    if not (v.is_integer() and 1 <= v <= 5):
        raise ValueError(msg("sec.target_class", where=where, value=tc))
    return int(v)


def sections_from_table(sections: pd.DataFrame | list[dict], by: str = USER) -> list[dict]:
    """Section dicts for a scheme from a user table (see :meth:`Scheme.with_sections`).

    Raises
    ------
    InputError
        Every problem of the table (shares, target classes, ids), each with its row.
    """
    frame = pd.DataFrame(sections) if not isinstance(sections, pd.DataFrame) else sections
    out, problems = [], []
    for i, r in enumerate(frame.to_dict(orient="records")):
        try:
            out.append(_item(i, r, by))
        except ValueError as exc:
            problems.append(str(exc))
    if problems:
        raise InputError(msg("sec.invalid", n=len(problems), problems="; ".join(problems)),
                         table="sections", hint=msg("hint.sec"))  # fmt: skip
    return out


def _item(i: int, r: dict, by: str) -> dict[str, Any]:
    r = {k: v for k, v in r.items() if not (isinstance(v, float) and np.isnan(v))}
    where = f"sections[{i}]"
    sid, _ = clean_id(r.get("section_id", r.get("id", "")))
    bad = id_problem(sid)
    if bad is not None:
        problem = msg("obs.id_not_ascii", what=msg("obs.what.section"), value=sid, char=bad[0],
                      name=bad[1])  # fmt: skip
        raise ValueError(msg("sec.id", where=where, problem=problem))
    ctl = r.get("control_section")
    return {
        "id": sid,
        "name_zh": str(r.get("name_zh", r.get("name", sid))),
        "name_en": str(r.get("name_en", "")),
        "river": str(r.get("river", "")),
        "type": str(r.get("type", "junction")),
        "upstream": _shares(r.get("upstream"), f"{where}.upstream"),
        "downstream": _shares(r.get("downstream"), f"{where}.downstream"),
        "control_section": clean_id(ctl)[0] if ctl not in (None, "") else None,
        "target_class": _target_class(r.get("target_class"), where),
        "no_inflow": str(r.get("no_inflow", "")).strip().lower() in ("true", "1", "yes", "是"),
        "evidence": USER,
        "source": str(r.get("source", "")).strip(),
        "note": f"supplied by {by}",
    }
