"""Groups of coefficients for sensitivity: by service, table, ecosystem type, or your own.

A coefficient belongs to the group of the lines that use it: an ESV factor of
``forest.broadleaf/food_production`` to ``food_production``; a GEP price to its service. A
coefficient used by lines of several groups — D, a price-index chain, a carbon price used
across services — is a *shared scalar* and is a group of its own, named by its reference.

References
----------
reference/uncertainty-seea.md §3.2 item 7 (factors grouped by service plus shared scalars).
"""

from __future__ import annotations

import fnmatch
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from ..errors import MethodError
from ..messages import text
from .model import Model
from .specs import split_ref

NAMED = ("service", "table", "ecosystem_type", "coefficient", "category", "indicator")


def theta_categories(model: Model) -> tuple[np.ndarray, np.ndarray]:
    """Pairs (θ position, category) of the value terms."""
    t = model.terms
    cat_of_mono = np.repeat(np.arange(len(t), dtype=np.int64), np.diff(t.ptr))
    cat_of_factor = np.repeat(cat_of_mono, np.diff(t.mptr))
    pairs = np.unique(np.stack([t.theta.astype(np.int64), cat_of_factor]), axis=1)
    return pairs[0], pairs[1]


def _by_line_column(
    model: Model, positions: Sequence[int], column: str
) -> tuple[list[str], list[bool]]:
    lines = model.lines
    if column not in lines.columns:
        raise MethodError(text("uncertainty.bad_groups_column", groups=column,
                               columns=", ".join(lines.columns)))  # fmt: skip
    codes, uniq = pd.factorize(lines[column].astype(str), sort=True)
    n_v = len(uniq)
    cv = np.unique(model.cat * n_v + codes[model.line])
    cat_v = pd.DataFrame({"cat": cv // n_v, "v": cv % n_v})
    th, ca = theta_categories(model)
    tv = pd.DataFrame({"theta": th, "cat": ca}).merge(cat_v, on="cat")[["theta", "v"]]
    tv = tv.drop_duplicates()
    sets = tv.groupby("theta")["v"].agg(lambda s: sorted(s.tolist()))
    refs = model.theta["ref"].astype(str).tolist()
    names, shared = [], []
    for p in positions:
        vals = sets.get(p, [])
        if len(vals) == 1:
            names.append(str(uniq[vals[0]]))
            shared.append(False)
        else:
            names.append(refs[p])
            shared.append(True)
    return names, shared


def factor_groups(model: Model, positions: Sequence[int],
                  groups: str | Mapping[str, str] = "service") -> tuple[list[str], list[bool]]:  # fmt: skip
    """Group name of each θ position and whether it is a shared scalar (own group)."""
    refs = model.theta["ref"].astype(str).tolist()
    if isinstance(groups, Mapping):
        names, shared = [], []
        for p in positions:
            tid, _, row = split_ref(refs[p])
            forms = (refs[p], f"{tid}#{row}")
            hit = sorted({g for pat, g in groups.items()
                          if any(fnmatch.fnmatchcase(f, pat) for f in forms)})  # fmt: skip
            if len(hit) > 1:
                raise MethodError(text("uncertainty.group_twice", ref=refs[p],
                                       groups=", ".join(hit)))  # fmt: skip
            names.append(hit[0] if hit else refs[p])
            shared.append(not hit)
        return names, shared
    if groups == "coefficient":
        return [refs[p] for p in positions], [False] * len(positions)
    if groups == "table":
        table = model.theta["table"].astype(str).tolist()
        return [table[p] or split_ref(refs[p])[0] for p in positions], [False] * len(positions)
    if groups in NAMED:
        return _by_line_column(model, positions, groups)
    raise MethodError(text("uncertainty.bad_groups", groups=repr(groups),
                           choices=", ".join(NAMED)))  # fmt: skip


__all__ = ["NAMED", "factor_groups", "theta_categories"]
