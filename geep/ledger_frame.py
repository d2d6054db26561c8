"""The columnar form of ledger lines: contract columns, categorical text, order, concatenation.

Text columns are categoricals (codes into small tables of distinct values), so that a national
ledger of ten million lines holds each region code, coefficient reference and input cell once.
Frames assembled by geep's methods already have this form and are trusted as they are; frames
from outside (a user's DataFrame, a CSV read back) are normalised and checked here.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
import pandas as pd

from .errors import InputError
from .messages import text
from .status import worst

COLUMNS: tuple[str, ...] = (
    "region_code", "region_name", "year", "account", "category", "service", "indicator",
    "quantity", "quantity_unit", "price", "price_unit", "value", "value_unit", "price_year",
    "method", "coefficient", "input_ref",
)  # fmt: skip
ACCOUNTS = ("ESV", "GEP", "GEEP", "BT")
CATEGORY_ORDER = ("economy", "provisioning", "regulating", "cultural", "supporting", "deduction")
SORT_KEYS = ("region_code", "year", "account", "category", "service", "indicator")
EXTRA_SORT_KEYS = ("ecosystem_type", "age_class", "input_class", "component")
EXTRA_TEXT = ("ecosystem_type", "age_class", "input_class", "component", "flags")
NUMBER_COLUMNS = ("quantity", "price", "value")
TEXT_COLUMNS = (
    "region_code", "region_name", "account", "category", "service", "indicator",
    "quantity_unit", "price_unit", "value_unit", "method", "coefficient", "input_ref",
)  # fmt: skip


def code_dtype(n_categories: int) -> type:
    """The smallest integer type that holds codes of ``n_categories`` categories (and −1)."""
    for t in (np.int8, np.int16, np.int32):
        if n_categories < np.iinfo(t).max:
            return t
    return np.int64


def fast_categorical(codes: np.ndarray, categories: Sequence[Any] | pd.Index) -> pd.Categorical:
    """Categorical from ``codes`` into ``categories`` that the caller guarantees are unique and
    in range (built by geep's kernels): the categories are not re-validated, which for a
    ledger's input cells (hundreds of thousands) would cost more than the whole kernel."""
    cats = (
        categories if isinstance(categories, pd.Index) else pd.Index(list(categories), dtype=object)
    )
    if not pd.api.types.is_object_dtype(
        cats.dtype
    ):  # one dtype of categories: ledgers compare equal
        cats = cats.astype(object)
    codes = np.asarray(codes).astype(code_dtype(len(cats)), copy=False)
    try:
        dtype = pd.CategoricalDtype._from_fastpath(cats, False)
        return pd.Categorical._simple_new(codes, dtype)
    except (AttributeError, TypeError):  # pragma: no cover - a pandas without the fast path
        return pd.Categorical.from_codes(codes, categories=cats)


def canonical_codes(codes: np.ndarray, labels: Sequence[Any]) -> tuple[pd.Categorical, np.ndarray]:
    """A canonical categorical of ``labels[codes]`` (lexical categories, no unused ones;
    ``None`` labels and negative codes missing) — ``labels`` may repeat — and, for each of its
    categories, the first position in ``labels`` that carries it."""
    codes = np.asarray(codes)
    n = len(labels)
    used = np.bincount(codes[codes >= 0], minlength=n) > 0 if codes.size else np.zeros(n, bool)
    uniq = sorted({labels[k] for k in np.flatnonzero(used) if labels[k] is not None})
    pos = {lb: i for i, lb in enumerate(uniq)}
    lut = np.array([pos.get(lb, -1) if lb is not None else -1 for lb in labels] + [-1])
    first = np.full(len(uniq), -1, dtype=np.int64)
    for k in np.flatnonzero(used)[::-1]:
        if lut[k] >= 0:
            first[lut[k]] = k
    out = lut[np.where(codes < 0, n, codes)] if codes.size else codes
    return fast_categorical(out, uniq), first


def const_column(value: str, n: int) -> pd.Categorical:
    """A text column of ``n`` equal cells, stored as a one-category categorical."""
    return fast_categorical(np.zeros(n, dtype=np.int8), [value])


def categorical(codes: np.ndarray, labels: Sequence[Any]) -> pd.Categorical:
    """Categorical of ``labels[codes]`` where ``labels`` may repeat (no per-row strings);
    ``None`` labels and negative codes become missing."""
    inv, uniq = pd.factorize(pd.Series(list(labels), dtype=object), use_na_sentinel=True)
    inv = np.append(inv, -1)
    codes = np.asarray(codes)
    return pd.Categorical.from_codes(
        inv[np.where(codes < 0, len(inv) - 1, codes)], categories=pd.Index(uniq, dtype=object)
    )


def drop_unused(cat: pd.Categorical | pd.Series) -> pd.Categorical:
    """``cat`` without the categories no row uses (one counting pass; order kept)."""
    cat = pd.Categorical(cat) if not isinstance(cat, pd.Categorical) else cat
    n_cat = len(cat.categories)
    codes = cat.codes
    used = (
        np.bincount(codes[codes >= 0], minlength=n_cat) > 0
        if len(codes)
        else np.zeros(n_cat, dtype=bool)
    )
    if used.all():
        return cat
    remap = np.full(n_cat + 1, -1, dtype=np.int64)
    remap[np.flatnonzero(used)] = np.arange(int(used.sum()))
    new = remap[np.where(codes < 0, n_cat, codes)]
    return fast_categorical(new, cat.categories[used])


#: text columns whose categories keep the order of first appearance (input cells: hundreds of
#: thousands of distinct values, in file order); all others are sorted lexically
FIRST_APPEARANCE = ("input_ref",)


def canonical_categories(df: pd.DataFrame) -> pd.DataFrame:
    """Text columns in their canonical form: no unused categories; categories sorted
    lexically, except the input cells (:data:`FIRST_APPEARANCE`), kept in order of first
    appearance. Lines in ledger order and their CSV read back have the same form."""
    out = {}
    for c in df.columns:
        if not isinstance(df[c].dtype, pd.CategoricalDtype):
            continue
        cat = drop_unused(df[c].array)
        if not pd.api.types.is_object_dtype(cat.categories.dtype):
            cat = fast_categorical(cat.codes, cat.categories)
        cats = cat.categories
        if c in FIRST_APPEARANCE:
            order = pd.unique(cat.codes[cat.codes >= 0])
            if (order[1:] > order[:-1]).all():
                out[c] = cat
                continue
        else:
            as_text = np.asarray(cats, dtype=object).astype(str)
            order = np.argsort(as_text, kind="stable")
            if (order[1:] > order[:-1]).all():
                out[c] = cat
                continue
        remap = np.empty(len(cats) + 1, dtype=np.int64)
        remap[order] = np.arange(len(order))
        remap[-1] = -1
        codes = remap[np.where(cat.codes < 0, len(cats), cat.codes)]
        out[c] = fast_categorical(codes, cats[order])
    if not out:
        return df
    df = df.copy(deep=False)
    for c, v in out.items():
        df[c] = v
    return df


def text_category(col: pd.Series | pd.Categorical | np.ndarray) -> pd.Categorical:
    """Text as a categorical; ``""`` and NaN become missing. Categories keep their order."""
    if isinstance(col, pd.Categorical) or isinstance(
        getattr(col, "dtype", None), pd.CategoricalDtype
    ):
        cat = pd.Categorical(col)
        if "" in cat.categories:
            cat = cat.remove_categories([""])
        return cat
    codes, uniq = pd.factorize(pd.Series(col, dtype=object), use_na_sentinel=True)
    labels = [None if (u == "" or u is None) else str(u) for u in uniq]
    return categorical(codes, labels)


def normalise_lines(frame: pd.DataFrame) -> pd.DataFrame:
    """Contract columns in contract order (extra columns kept after them), with their types.

    Raises
    ------
    InputError
        If contract columns are missing, or a number or year column holds text (the first bad
        line is named).
    """
    missing = [c for c in COLUMNS if c not in frame.columns]
    if missing:
        raise InputError(
            text("ledger.missing_columns", columns=", ".join(missing)),
            hint=text("ledger.hint_columns"),
        )
    extra = [c for c in frame.columns if c not in COLUMNS]
    df = frame[list(COLUMNS) + extra].copy(deep=False)
    for c in (*NUMBER_COLUMNS, "year", "price_year"):
        num = pd.to_numeric(df[c], errors="coerce")
        bad = num.isna() & df[c].notna() & (df[c].astype(str).str.strip() != "")
        if c == "year":
            bad |= num.isna()
        if c in ("year", "price_year"):
            bad |= num.notna() & (num % 1 != 0)
        if bad.any():
            i = int(np.flatnonzero(bad.to_numpy())[0])
            raise InputError(
                text("ledger.bad_number", column=c, line=i + 1, value=repr(df[c].iloc[i])),
                row=i + 1,
                column=c,
                hint=text("ledger.hint_bad_number"),
            )
        if c == "year":
            df[c] = num.astype("int64")
        elif c == "price_year":
            df[c] = num.astype("Int64")
        else:
            df[c] = num.astype("float64")
    for c in (*TEXT_COLUMNS, *(e for e in extra if e in EXTRA_TEXT)):
        df[c] = text_category(df[c])
    return df


def _rank_codes(col: pd.Series, key: str) -> np.ndarray:
    """Integer sort keys of a column: category ranks (lexical, or ledger order for categories
    of lines); missing last."""
    if isinstance(col.dtype, pd.CategoricalDtype):
        cats = col.cat.categories
        if key == "category":
            order = {c: i for i, c in enumerate(CATEGORY_ORDER)}
            rank = np.array([order.get(c, len(order)) for c in cats], dtype=np.int64)
            # unknown categories after the known ones, among themselves lexically
            extra = np.argsort(np.argsort(np.asarray(cats, dtype=str), kind="stable"))
            rank = rank * (len(cats) + 1) + np.where(rank == len(order), extra, 0)
        else:
            rank = np.argsort(np.argsort(np.asarray(cats, dtype=str), kind="stable"))
        codes = col.cat.codes.to_numpy()
        big = np.int64(np.iinfo(np.int64).max)
        return np.where(codes < 0, big, np.append(rank, big)[codes])
    return col.to_numpy()


def sort_order(df: pd.DataFrame) -> np.ndarray | None:
    """Row order of ledger lines — region, year, account, category (ledger order), service,
    indicator, then ecosystem type / age class / component — or ``None`` if already in order."""
    if len(df) < 2:
        return None
    keys = [c for c in (*SORT_KEYS, *EXTRA_SORT_KEYS) if c in df.columns]
    arrays = [_rank_codes(df[k], k) for k in keys]
    idx = np.lexsort(arrays[::-1])
    if (idx[1:] > idx[:-1]).all():
        return None
    return idx


def in_ledger_order(df: pd.DataFrame) -> pd.DataFrame:
    """``df`` sorted into ledger order (stable; independent of input order)."""
    idx = sort_order(df)
    out = df if idx is None else df.take(idx)
    return canonical_categories(out.reset_index(drop=True))


def concat_lines(frames: Sequence[pd.DataFrame]) -> pd.DataFrame:
    """Concatenate line frames column by column: categoricals over the union of their
    categories (codes recoded per frame, no text materialised), numbers as arrays."""
    columns: list[str] = []
    for f in frames:
        columns += [c for c in f.columns if c not in columns]
    n = [len(f) for f in frames]
    out: dict[str, Any] = {}
    for c in columns:
        parts = [f[c] if c in f.columns else None for f in frames]
        kinds = {type(p.dtype) for p in parts if p is not None}
        if kinds <= {pd.CategoricalDtype} and kinds:
            out[c] = _concat_categorical(parts, n)
        else:
            out[c] = _concat_plain(parts, n, c)
    return pd.DataFrame(out, copy=False)


def _concat_plain(parts: list[pd.Series | None], n: list[int], name: str) -> Any:
    """One non-categorical column: arrays of one dtype joined as they are (numpy or extension
    arrays, no object detour); anything else through pandas' own concat."""
    present = [p for p in parts if p is not None]
    dtypes = {p.dtype for p in present}
    if len(present) == len(parts) and len(dtypes) == 1:
        arrays = [p.array for p in present]
        if isinstance(present[0].dtype, np.dtype):
            return np.concatenate([p.to_numpy() for p in present])
        return type(arrays[0])._concat_same_type(arrays)
    filled = [p if p is not None else pd.Series(pd.NA, index=range(k), dtype=object)
              for p, k in zip(parts, n, strict=True)]  # fmt: skip
    col = pd.concat(filled, ignore_index=True).to_numpy()
    if name == "year":
        return col.astype("int64")
    if name == "price_year":
        return pd.array(col, dtype="Int64")
    return col


def _same_categories(a: pd.CategoricalDtype, b: pd.CategoricalDtype) -> bool:
    """Whether two categorical dtypes hold the same categories in the same order (ledgers of
    the same inputs: their codes join without recoding)."""
    ca, cb = a.categories, b.categories
    return ca is cb or (len(ca) == len(cb) and ca.dtype == cb.dtype and ca.equals(cb))


def _concat_categorical(parts: list[pd.Series | None], n: list[int]) -> pd.Categorical:
    """Codes over the union of the parts' categories (in order of first appearance); parts
    that share one dtype — pieces of one frame — are joined without touching the categories."""
    present = [p for p in parts if p is not None]
    first = present[0].dtype
    if all(p.dtype is first or _same_categories(p.dtype, first) for p in present):
        index = first.categories
        remaps = [None] * len(parts)
    else:
        index = present[0].cat.categories.append([p.cat.categories for p in present[1:]]).unique()
        remaps = [None if p is None else np.append(index.get_indexer(p.cat.categories), -1)
                  for p in parts]  # fmt: skip
    dtype = code_dtype(len(index))
    codes = []
    for p, k, remap in zip(parts, n, remaps, strict=True):
        if p is None:
            codes.append(np.full(k, -1, dtype=dtype))
        else:
            c = p.cat.codes.to_numpy()
            codes.append(c if remap is None else remap.astype(dtype)[c])
    all_codes = np.concatenate(codes, dtype=dtype) if codes else np.zeros(0, dtype=dtype)
    return fast_categorical(all_codes, index)


def merge_meta(metas: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """Merge provenance of several ledgers (tables union, worst status, all warnings).

    The coefficients used are the union of every ledger's (by reference), and the evidence
    counts are counted again over that union, so a merged ledger (ESV + GEP + GEEP) states the
    evidence of all its lines, not only of the first ledger's.
    """
    metas = list(metas)
    out: dict[str, Any] = {"tables": {}, "warnings": []}
    for m in metas:
        out["tables"].update(m.get("tables", {}))
        for w in m.get("warnings", []):
            if w not in out["warnings"]:
                out["warnings"].append(w)
        for k, v in m.items():
            if k not in out and k not in ("geep_version", "status"):
                out[k] = v
    out["status"] = worst(m.get("status", "released") for m in metas)
    coefficients = _union_coefficients(metas)
    if coefficients is not None:
        out["coefficients"] = coefficients
        counts: dict[str, int] = {}
        for rec in coefficients:
            ev = str(rec.get("evidence") or "unstated")
            counts[ev] = counts.get(ev, 0) + 1
        out["evidence"] = dict(sorted(counts.items()))
    return out


def _union_coefficients(metas: list[dict[str, Any]]) -> list[dict[str, Any]] | None:
    """The coefficient records of several metas, each reference once (first wins); ``None``
    when fewer than two metas list coefficients or some meta counts evidence without listing
    them (then the counts cannot be redone)."""
    lists = [m["coefficients"] for m in metas if m.get("coefficients")]
    if len(lists) < 2 or any(m.get("evidence") and not m.get("coefficients") for m in metas):
        return None
    seen: dict[Any, dict[str, Any]] = {}
    for records in lists:
        for rec in records:
            seen.setdefault(rec.get("ref"), rec)
    return list(seen.values())


__all__ = [
    "ACCOUNTS",
    "CATEGORY_ORDER",
    "COLUMNS",
    "TEXT_COLUMNS",
    "canonical_categories",
    "canonical_codes",
    "categorical",
    "code_dtype",
    "concat_lines",
    "const_column",
    "drop_unused",
    "fast_categorical",
    "in_ledger_order",
    "merge_meta",
    "normalise_lines",
    "sort_order",
    "text_category",
]
