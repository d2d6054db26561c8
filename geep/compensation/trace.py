"""The trace of an obligation line as data: catalogue codes of its steps and their fields,
rendered in the reader's language only when shown.

A rule kernel describes how it computed each line by two text columns, without touching the
catalogue: ``trace_code`` (the message codes of the steps, separated by spaces, e.g.
``"comp.trace.tier comp.trace.capped"``) and ``trace_fields`` (a JSON object per line of the
fields of those steps). Numbers are fields already formatted by the kernel
(:func:`geep.compensation.lines.fmt`), so a trace shows the same digits in every language;
fields named in :data:`LABELS` are codes shown by their label (a band, a mode); a field holding
a list of ``[code, fields]`` pairs is a list of sub-steps joined by ``"; "``.

A line without a code (a reported line, a settlement built by hand) shows the text of its
``trace`` column as given: user text is data.

References
----------
DESIGN §6 (the message catalogue; texts rendered at display time).
"""

from __future__ import annotations

import json
import string
from typing import Any

import numpy as np
import pandas as pd

#: fields whose values are codes, shown by their label (field → label kind of the catalogue)
LABELS = {
    "band": "stl.band",
    "kind": "stl.band",
    "mode": "comp.trace.mode",
    "was": "comp.trace.yn",
    "now": "comp.trace.yn",
    "per": "comp.trace.per",
    "status": "comp.trace.status",
}

_FORMATTER = string.Formatter()


def _column(value: object, n: int) -> np.ndarray:
    """A field as ``n`` values (a Series by position, an array, or a scalar repeated)."""
    if isinstance(value, pd.Series):
        return value.to_numpy(dtype=object)
    if isinstance(value, np.ndarray) and value.ndim:
        return value.astype(object)
    out = np.empty(n, dtype=object)
    out.fill(value)  # a list (sub-steps) is one value, repeated
    return out


def steps(n: int, code: str | np.ndarray | pd.Series, **fields: object) -> dict[str, np.ndarray]:
    """The ``trace_code`` and ``trace_fields`` columns of ``n`` lines.

    Parameters
    ----------
    n
        Number of lines.
    code
        The steps' message codes (one string for every line, or one per line).
    **fields
        The steps' fields: Series (by position), arrays or scalars; numbers already as text.
        A line with a missing field (a number that could not be computed) has no trace.

    Returns
    -------
    dict
        ``{"trace_code": array, "trace_fields": array of JSON objects}`` (for
        :func:`geep.compensation.lines.make_lines`).
    """
    codes = _column(code, n).astype(str)
    if n == 0:
        return {"trace_code": codes, "trace_fields": np.array([], dtype=object)}
    frame = pd.DataFrame({k: _column(v, n) for k, v in fields.items()}, index=range(n))
    if frame.shape[1] == 0:
        return {"trace_code": codes, "trace_fields": np.full(n, "{}", dtype=object)}
    lines = np.array(
        frame.to_json(orient="records", lines=True, force_ascii=False).splitlines(), dtype=object
    )
    gap = frame.isna().any(axis=1).to_numpy()  # a step with a missing number: no trace
    return {"trace_code": np.where(gap, "", codes), "trace_fields": np.where(gap, "", lines)}


def band_steps(n: int, code: str | np.ndarray, **fields: object) -> dict[str, np.ndarray]:
    """The ``band_code`` and ``band_fields`` columns of ``n`` lines: a band assembled from
    numbers (``"3 consecutive months"``) as data, so it can be shown in another language
    (code ``""`` where the band is one word, shown by its label)."""
    cols = steps(n, code, **fields)
    return {"band_code": cols["trace_code"], "band_fields": cols["trace_fields"]}


def add_step(
    codes: pd.Series, fields: pd.Series, mask: np.ndarray, code: str, **constant: Any
) -> tuple[pd.Series, pd.Series]:
    """Append step ``code`` with constant fields to the traces of the lines in ``mask``
    (positionally; lines without a trace stay without one)."""
    mask = np.asarray(mask, dtype=bool)
    codes = pd.Series(codes).fillna("").astype(str).to_numpy(dtype=object).copy()
    fields = pd.Series(fields).fillna("").astype(str).str.strip().to_numpy(dtype=object).copy()
    hit = mask & (codes != "")  # a line without a trace gets no step either
    if hit.any():
        extra = json.dumps(constant, ensure_ascii=False)[1:-1]
        cur = pd.Series(fields[hit], dtype=object)
        fields[hit] = np.where(cur == "{}", "{" + extra + "}", cur.str[:-1] + ", " + extra + "}")
        codes[hit] = codes[hit] + " " + code
    return pd.Series(codes, dtype=object), pd.Series(fields, dtype=object)


def render(codes: pd.Series, fields: pd.Series, literal: pd.Series | None = None) -> pd.Series:
    """The traces as text in the active language (positionally aligned with ``codes``);
    lines without a code show ``literal`` (their ``trace`` column as given)."""
    codes = pd.Series(codes).fillna("").astype(str).reset_index(drop=True)
    fields = pd.Series(fields).reset_index(drop=True)
    out = (
        pd.Series(literal).fillna("").astype(str).to_numpy(dtype=object).copy()
        if literal is not None
        else np.full(len(codes), "", dtype=object)
    )
    for code in codes.unique():
        if not code:
            continue
        at = (codes == code).to_numpy()
        recs = pd.DataFrame(
            [json.loads(s) if isinstance(s, str) and s else {} for s in fields[at]],
            index=range(int(at.sum())),
        )
        out[at] = _steps_text(code, recs).to_numpy()
    return pd.Series(out, dtype=object)


def _steps_text(code: str, recs: pd.DataFrame) -> pd.Series:
    from ..messages import MESSAGES, language

    zh = language() == "zh"
    txt = pd.Series("", index=recs.index, dtype=object)
    for step in code.split():
        for literal, name, _, _ in _FORMATTER.parse(MESSAGES[step][zh]):
            txt = txt + literal
            if name:
                txt = txt + _shown(
                    name, recs[name] if name in recs else pd.Series("", index=recs.index)
                )
    return txt


def _shown(name: str, values: pd.Series) -> pd.Series:
    """A field's values as shown: labels of codes, sub-steps rendered, the rest as text."""
    from ..messages import label

    if values.map(lambda v: isinstance(v, list)).any():
        return values.map(_substeps)
    text = values.fillna("").astype(str)
    if name in LABELS:
        kind = LABELS[name]
        return text.map({v: label(kind, v) for v in text.unique()})
    return text


def _substeps(value: object) -> str:
    if not isinstance(value, list):
        return "" if value is None else str(value)
    codes = pd.Series([c for c, _ in value], dtype=object)
    fields = pd.Series([json.dumps(f, ensure_ascii=False) for _, f in value], dtype=object)
    return "; ".join(render(codes, fields))


__all__ = ["LABELS", "add_step", "band_steps", "render", "steps"]
