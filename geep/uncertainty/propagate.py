"""Propagating θ draws through a linear model: category values, groups, sums of draws.

``P = terms.evaluate(Θ)`` gives every category's value in every draw (n_cat × n_draws);
``S[g, c] = Σ data`` over the contributions of group ``g`` and category ``c`` (one
``np.bincount``; a sparse matrix when there are many groups), and the values of the groups
in every draw are ``S @ P`` — computed in blocks of groups so that no more than ``chunk``
values are held at once. Groups are sums of *draws* (common random numbers), never sums of
quantiles. For a single line, ``q_α(d·X) = d·q_α(X)`` (``d·q_{1−α}(X)`` when ``d < 0``):
line quantiles come from the category quantiles without materialising line draws.

References
----------
reference/uncertainty-seea.md §3.2 items 3 and 5.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence

import numpy as np
import pandas as pd

from ..errors import MethodError
from ..messages import text
from .model import Model

#: values held at once by default (groups × draws) [cells]; 2²⁴ float64 = 128 MiB
CHUNK = 2**24
_DENSE = 2**24  # group × category cells up to which S is dense (128 MiB; BLAS products)


def quantile_name(q: float) -> str:
    """Column name of quantile ``q``: ``q05``, ``q50``, ``q95``, ``q2_5`` …"""
    pct = round(q * 100, 10)
    if float(pct).is_integer():
        return f"q{int(pct):02d}"
    return "q" + f"{pct:g}".replace(".", "_")


def check_q(q: Sequence[float]) -> tuple[float, ...]:
    out = tuple(float(x) for x in q)
    if not out or any(not 0 <= x <= 1 for x in out):
        raise MethodError(text("uncertainty.bad_q", q=repr(q)))
    return out


def category_values(model: Model, theta: np.ndarray) -> np.ndarray:
    """P = value of every category in every draw (n_cat × n_draws)."""
    return model.terms.evaluate(theta)


def regions_mapped(lines: pd.DataFrame, regions: Mapping[str, str] | None) -> pd.Series:
    """``region_code`` with each code replaced by its parent in ``regions`` (every code must be
    mapped: nothing is dropped silently)."""
    col = lines["region_code"]
    if regions is None:
        return col
    cat = col.astype("category")
    cats = [str(c) for c in cat.cat.categories]
    missing = [c for c in cats if c not in regions]
    if missing:
        raise MethodError(text("uncertainty.unmapped_regions", n=len(missing), regions=str(missing[:8])),
                          hint=text("uncertainty.hint_regions"))  # fmt: skip
    mapped = pd.Categorical([str(regions[c]) for c in cats])
    codes = cat.cat.codes.to_numpy()
    return pd.Series(pd.Categorical.from_codes(mapped.codes[codes], mapped.categories),
                     index=lines.index, name="region_code")  # fmt: skip


def groups(model: Model, by: Sequence[str], regions: Mapping[str, str] | None = None
           ) -> tuple[np.ndarray, pd.DataFrame]:  # fmt: skip
    """Group index of every line and the groups' key frame (sorted), for columns ``by``."""
    lines = model.lines
    by = list(by)
    bad = [b for b in by if b not in lines.columns]
    if bad:
        raise MethodError(
            text("uncertainty.bad_by", column=bad[0], columns=", ".join(lines.columns))
        )
    if not by:
        gidx = np.zeros(len(lines), dtype=np.int64)
        _guard_accounts(lines, by, gidx)
        return gidx, pd.DataFrame(index=[0])
    codes, uniq = [], []
    for b in by:
        col = regions_mapped(lines, regions) if b == "region_code" else lines[b]
        c, u = _codes(col)
        codes.append(c)
        uniq.append(u)
    radix = [len(u) for u in uniq]
    key = np.zeros(len(lines), dtype=np.int64)
    for c, r in zip(codes, radix, strict=True):
        key = key * r + c
    size = int(np.prod(radix, dtype=np.float64))
    if size <= 4 * len(key) + 2**20:  # dense key space: no sort
        present = np.bincount(key, minlength=size) > 0
        keys = np.flatnonzero(present)
        gidx = (np.cumsum(present) - 1)[key]
    else:
        keys, gidx = np.unique(key, return_inverse=True)
    _guard_accounts(lines, by, gidx)
    out = {}
    for b, u, r in zip(reversed(by), reversed(uniq), reversed(radix), strict=True):
        out[b] = np.asarray(u)[keys % r]
        keys = keys // r
    return gidx.astype(np.int64), pd.DataFrame({b: out[b] for b in by})


def _codes(col: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Sorted distinct values of a column and each row's position among them (categorical
    columns through their codes, integers through their range; missing values last)."""
    if isinstance(col.dtype, pd.CategoricalDtype):
        cats = np.asarray(col.cat.categories, dtype=object)
        codes = col.cat.codes.to_numpy()
        order = np.argsort(cats.astype(str), kind="stable")
        missing = bool((codes < 0).any())
        if not missing and (order == np.arange(len(cats))).all():  # canonical: lexical already
            return codes.astype(np.int64), cats
        rank = np.empty(len(cats) + 1, dtype=np.int64)
        rank[order] = np.arange(len(cats))
        rank[-1] = len(cats)
        return rank[codes], np.append(cats[order], None)
    if pd.api.types.is_integer_dtype(col.dtype) and len(col) and not col.hasnans:
        v = col.to_numpy(dtype=np.int64)
        lo = int(v.min())
        span = int(v.max()) - lo + 1
        if span <= 4 * len(v) + 2**20:  # a dense range of integers (years): no hashing
            present = np.bincount(v - lo, minlength=span) > 0
            pos = np.cumsum(present) - 1
            return pos[v - lo], np.flatnonzero(present) + lo
    c, u = pd.factorize(col, sort=True, use_na_sentinel=False)
    return c.astype(np.int64), np.asarray(u)


def _guard_accounts(lines: pd.DataFrame, by: Sequence[str], gidx: np.ndarray) -> None:
    """Values of different accounts, currencies or price years are never added: within each
    group, each of these columns has one value."""
    n_g = int(gidx.max()) + 1 if len(gidx) else 0
    for col in ("account", "value_unit", "price_year"):
        if col not in lines.columns or col in by:
            continue
        codes, uniq = _codes(lines[col])
        if not len(codes) or (codes == codes[0]).all():
            continue  # one value everywhere
        if len(np.unique(gidx * (len(uniq) + 1) + codes)) > n_g:
            raise MethodError(text("uncertainty.mixed", column=col,
                                   values=str(sorted(map(str, lines[col].dropna().unique())))),
                              hint=text("uncertainty.hint_mixed", column=col))  # fmt: skip


def group_matrix(model: Model, gidx: np.ndarray, n_groups: int):
    """S (n_groups × n_cat): Σ data of each group's contributions per category."""
    n_cat = len(model.terms)
    g = gidx[model.line]
    if n_groups * n_cat <= _DENSE:
        flat = np.bincount(g * n_cat + model.cat, weights=model.data, minlength=n_groups * n_cat)
        return flat.reshape(n_groups, n_cat)
    from scipy import sparse

    return sparse.csr_matrix((model.data, (g, model.cat)), shape=(n_groups, n_cat))


def blocks(n_groups: int, n_draws: int, chunk: int) -> Iterator[slice]:
    """Slices of groups such that a block holds at most ``chunk`` values."""
    step = max(1, int(chunk) // max(1, n_draws))
    for start in range(0, n_groups, step):
        yield slice(start, min(n_groups, start + step))


def summarise(values: np.ndarray, q: Sequence[float]) -> dict[str, np.ndarray]:
    """mean, sd (ddof 1) and quantiles of each row of ``values`` (groups × draws)."""
    n = values.shape[1]
    out = {"mean": values.mean(axis=1),
           "sd": values.std(axis=1, ddof=1) if n > 1 else np.zeros(len(values))}  # fmt: skip
    qs = np.quantile(values, q, axis=1) if len(values) else np.zeros((len(q), 0))
    for k, x in zip(q, qs, strict=True):
        out[quantile_name(k)] = x
    return out


def line_summary(model: Model, P: np.ndarray, q: Sequence[float]) -> dict[str, np.ndarray]:
    """Per line of the model: mean, sd, quantiles — exact scaling of category quantiles for
    lines with one contribution, sums of draws for lines with several."""
    n_lines, n = model.n_lines, P.shape[1]
    both = sorted(set(q) | {1.0 - x for x in q})
    cq = np.quantile(P, both, axis=1) if P.size else np.zeros((len(both), len(P)))
    pos = {x: i for i, x in enumerate(both)}
    cmean = P.mean(axis=1)
    csd = P.std(axis=1, ddof=1) if n > 1 else np.zeros(len(P))
    single = model.single()
    one = single >= 0
    c = model.cat[single[one]]
    d = model.data[single[one]]
    out = {k: np.zeros(n_lines) for k in ("mean", "sd", *map(quantile_name, q))}
    out["mean"][one] = d * cmean[c]
    out["sd"][one] = np.abs(d) * csd[c]
    for x in q:
        hi, lo = cq[pos[x]][c], cq[pos[1.0 - x]][c]
        out[quantile_name(x)][one] = np.where(d >= 0, d * hi, d * lo)
    many = np.flatnonzero(~one & (np.bincount(model.line, minlength=n_lines) > 0))
    if len(many):
        sub = np.isin(model.line, many)
        gidx = np.searchsorted(many, model.line[sub])
        S = np.zeros((len(many), len(model.terms)))
        np.add.at(S, (gidx, model.cat[sub]), model.data[sub])
        stats = summarise(S @ P, q)
        for k, v in stats.items():
            out[k][many] = v
    return out


__all__ = [
    "CHUNK",
    "blocks",
    "category_values",
    "check_q",
    "group_matrix",
    "groups",
    "line_summary",
    "quantile_name",
    "regions_mapped",
    "summarise",
]
