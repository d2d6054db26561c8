"""Output safety: text cells that a spreadsheet would run as a formula are neutralised."""

from __future__ import annotations

import pandas as pd

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise(text: object) -> object:
    """Prefix ``'`` to a text that starts like a formula (``=``, ``+``, ``-``, ``@``)."""
    if isinstance(text, str) and text.startswith(FORMULA_PREFIXES):
        return "'" + text
    return text


def neutralise_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """Copy of ``frame`` with every text cell neutralised (numbers untouched)."""
    out = frame.copy()
    for col in out.columns:
        s = out[col]
        if isinstance(s.dtype, pd.CategoricalDtype):
            cats = s.cat.categories
            if any(isinstance(c, str) and c.startswith(FORMULA_PREFIXES) for c in cats):
                out[col] = s.cat.rename_categories([neutralise(c) for c in cats])
        elif s.dtype == object or pd.api.types.is_string_dtype(s):
            out[col] = s.map(neutralise)
    return out
