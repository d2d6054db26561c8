"""Sections supplied as a table (a user's section list for a scheme that ships none, e.g.
the 36+ sections of the Shanxi cross-section scheme, or a negotiator's draft).

Columns: ``section_id``, ``name_zh`` (or ``name``), ``upstream`` (``"140100"`` or
``"140100:0.5;140200:0.5"``), optional ``downstream``, ``control_section``, ``target_class``,
``river``, ``type``, ``no_inflow``. Such sections carry evidence ``user``.
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np
import pandas as pd

from .model import USER


def _shares(text: Any, where: str) -> dict[str, float]:
    if text is None or (isinstance(text, float) and np.isnan(text)) or str(text).strip() == "":
        return {}
    if isinstance(text, dict):
        return {str(k): float(v) for k, v in text.items()}
    out: dict[str, float] = {}
    for part in re.split(r"[;；,，]", str(text)):
        if not part.strip():
            continue
        pid, _, share = part.partition(":")
        try:
            out[pid.strip()] = float(share) if share.strip() else 1.0
        except ValueError:
            raise ValueError(f"{where}: {part!r} is not 'party' or 'party:share'") from None
    if len(out) > 1 and any(":" not in p for p in re.split(r"[;；,，]", str(text)) if p.strip()):
        raise ValueError(f"{where}: give a share for every party ('a:0.5;b:0.5')")
    return out


def sections_from_table(sections: pd.DataFrame | list[dict], by: str = USER) -> list[dict]:
    """Section dicts for a scheme from a user table (see :meth:`Scheme.with_sections`)."""
    frame = pd.DataFrame(sections) if not isinstance(sections, pd.DataFrame) else sections
    out = []
    for i, r in enumerate(frame.to_dict(orient="records")):
        r = {k: v for k, v in r.items() if not (isinstance(v, float) and np.isnan(v))}
        sid = str(r.get("section_id", r.get("id", ""))).strip()
        tc = r.get("target_class")
        item: dict[str, Any] = {
            "id": sid,
            "name_zh": str(r.get("name_zh", r.get("name", sid))),
            "name_en": str(r.get("name_en", "")),
            "river": str(r.get("river", "")),
            "type": str(r.get("type", "junction")),
            "upstream": _shares(r.get("upstream"), f"sections[{i}].upstream"),
            "downstream": _shares(r.get("downstream"), f"sections[{i}].downstream"),
            "control_section": str(r["control_section"]).strip() if r.get("control_section") not in (None, "") else None,
            "target_class": int(tc) if tc not in (None, "") else None,
            "no_inflow": str(r.get("no_inflow", "")).strip().lower() in ("true", "1", "yes", "是"),
            "evidence": USER,
            "source": str(r.get("source", "")).strip(),
            "note": f"supplied by {by}",
        }  # fmt: skip
        out.append(item)
    return out
