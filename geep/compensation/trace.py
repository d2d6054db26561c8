"""The trace of an obligation line as data: catalogue codes of its steps and their fields,
rendered in the reader's language only when shown.

A rule kernel describes how it computed each line by two text columns, without touching the
catalogue (:func:`steps`):

* ``trace_code``: the message codes of the steps separated by spaces, then ``|`` and the names
  of their fields, e.g. ``"comp.trace.tier comp.trace.capped|eff,limit,x,band,param,amount,cap,
  cap_param,per"`` (one string shared by the lines of a component);
* ``trace_fields``: the values of those fields in that order, joined by U+001F (the unit
  separator, which no formatted number or id holds).

Numbers are fields already formatted by the kernel (:func:`geep.compensation.lines.fmt`), so a
trace shows the same digits in every language; fields named in :data:`LABELS` are codes shown
by their label (a band, a mode); a field named in :data:`SUBSTEPS` holds a JSON list of
``[code, {field: value}]`` sub-steps, joined by ``"; "``. Building and rendering are
vectorised (string operations on columns, one pass per distinct code).

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
#: fields holding sub-steps (a JSON list of ``[code, {field: value}]``)
SUBSTEPS = frozenset({"notes"})
SEP = "\x1f"

_FORMATTER = string.Formatter()


def _column(name: str, value: object, n: int) -> pd.Series:
    """A field as ``n`` values (a Series by position, an array, or a scalar repeated)."""
    if name in SUBSTEPS and isinstance(value, list):
        value = json.dumps(value, ensure_ascii=False)
    if isinstance(value, pd.Series):
        return value.reset_index(drop=True).astype(object)
    if isinstance(value, np.ndarray) and value.ndim:
        return pd.Series(value, dtype=object)
    if isinstance(value, str):  # names given by a scheme: never the separator
        value = value.replace(SEP, " ")
    return pd.Series([value] * n, dtype=object)


def steps(n: int, code: str | np.ndarray | pd.Series, **fields: object) -> dict[str, np.ndarray]:
    """The ``trace_code`` and ``trace_fields`` columns of ``n`` lines.

    Parameters
    ----------
    n
        Number of lines.
    code
        The steps' message codes (one string for every line, or one per line; ``""`` for a
        line without a trace).
    **fields
        The steps' fields: Series (by position), arrays or scalars; numbers already as text.
        A line with a missing field (a number that could not be computed) has no trace.

    Returns
    -------
    dict
        ``{"trace_code": array, "trace_fields": array}`` (for
        :func:`geep.compensation.lines.make_lines`).
    """
    codes = pd.Series(np.broadcast_to(np.asarray(code, dtype=object), (n,)), dtype=object)
    if n == 0:
        return {"trace_code": codes.to_numpy(), "trace_fields": np.array([], dtype=object)}
    cols = [_column(k, v, n) for k, v in fields.items()]
    gap = np.zeros(n, dtype=bool)
    joined = pd.Series("", index=range(n), dtype=object)
    for i, col in enumerate(cols):
        gap |= col.isna().to_numpy()
        text = col.astype(str)
        joined = text if i == 0 else joined + SEP + text
    none = gap | (codes.astype(str) == "").to_numpy()
    head = codes.astype(str) + "|" + ",".join(fields)
    return {
        "trace_code": np.where(none, "", head.to_numpy(dtype=object)),
        "trace_fields": np.where(none, "", joined.to_numpy(dtype=object)),
    }


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
    fields = pd.Series(fields).fillna("").astype(str).to_numpy(dtype=object).copy()
    hit = mask & (codes != "")
    if hit.any():
        names = ",".join(constant)
        values = SEP.join(str(v).replace(SEP, " ") for v in constant.values())
        sub = pd.Series(codes[hit], dtype=object)
        keys = {k: k.partition("|") for k in sub.unique()}
        codes[hit] = sub.map(
            {k: f"{c} {code}|{n + ',' if n else ''}{names}" for k, (c, _, n) in keys.items()}
        ).to_numpy()
        empty = sub.map({k: not n for k, (_, _, n) in keys.items()}).to_numpy(dtype=bool)
        old = pd.Series(fields[hit], dtype=object)
        fields[hit] = np.where(empty, values, (old + SEP + values).to_numpy(dtype=object))
    return pd.Series(codes, dtype=object), pd.Series(fields, dtype=object)


def render(codes: pd.Series, fields: pd.Series, literal: pd.Series | None = None) -> pd.Series:
    """The traces as text in the active language (positionally aligned with ``codes``);
    lines without a code show ``literal`` (their ``trace`` column as given)."""
    codes = pd.Series(codes).fillna("").astype(str).reset_index(drop=True)
    fields = pd.Series(fields).fillna("").astype(str).reset_index(drop=True)
    out = (
        pd.Series(literal).fillna("").astype(str).to_numpy(dtype=object).copy()
        if literal is not None
        else np.full(len(codes), "", dtype=object)
    )
    for key in codes.unique():
        if not key:
            continue
        at = (codes == key).to_numpy()
        code, _, names = key.partition("|")
        cols = names.split(",") if names else []
        if cols:
            vals = fields[at].str.split(SEP, n=len(cols) - 1, expand=True, regex=False)
            vals = vals.reindex(columns=range(len(cols))).fillna("")
            vals.columns = cols
        else:
            vals = pd.DataFrame(index=range(int(at.sum())))
        out[at] = _steps_text(code, vals.reset_index(drop=True)).to_numpy()
    return pd.Series(out, dtype=object)


def _steps_text(code: str, recs: pd.DataFrame) -> pd.Series:
    from ..messages import MESSAGES, language

    zh = language() == "zh"
    txt = pd.Series("", index=recs.index, dtype=object)
    for step in code.split():
        for literal, name, _, _ in _FORMATTER.parse(MESSAGES[step][zh]):
            txt = txt + literal
            if name:
                values = recs[name] if name in recs else pd.Series("", index=recs.index)
                txt = txt + _shown(name, values)
    return txt


def _shown(name: str, values: pd.Series) -> pd.Series:
    """A field's values as shown: labels of codes, sub-steps rendered, the rest as text."""
    from ..messages import label

    text = values.fillna("").astype(str)
    if name in SUBSTEPS:
        return text.map({v: _substeps(v) for v in text.unique()})
    if name in LABELS:
        kind = LABELS[name]
        return text.map({v: label(kind, v) for v in text.unique()})
    return text


def _substeps(value: str) -> str:
    try:
        items = json.loads(value)
    except json.JSONDecodeError:
        return value
    if not isinstance(items, list):
        return value
    out = []
    for code, fields in items:
        cols = steps(1, code, **fields)
        out.append(render(pd.Series(cols["trace_code"]), pd.Series(cols["trace_fields"]))[0])
    return "; ".join(out)


__all__ = ["LABELS", "SEP", "SUBSTEPS", "add_step", "band_steps", "render", "steps"]
