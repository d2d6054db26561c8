"""Normalise one input table — from a DataFrame, a CSV file or a sheet — into canonical form.

One normaliser for every table, driven by its spec (:mod:`geep.inputs.spec`): headers in
English or Chinese, units in the header or a unit column, codes resolved through the column's
vocabulary (:mod:`geep.inputs.vocabularies`), numbers typed as text, look-alike codes, wide
layouts. Each normalisation that changes how a value is written is a *note*; everything that
cannot be used is an *error* at its cell. Nothing is dropped silently.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd

from ..messages import text
from ..units import split_header
from . import amounts
from .cleaning import bad_code, clean_text, number_column, parse_number, text_column
from .columns import ignored_problem, map_headers, match_column, missing_columns
from .report import Issue
from .spec import TABLES, ColumnDef, TableDef
from .vocabularies import VOCABULARIES, land_class_crosswalk, resolve_land_class

Where = Callable[[int, str | None], str]

YEAR_RANGE = (1949, 2100)
_TEXT_KINDS = ("code", "text", "period")
#: suffix of the column that keeps a vocabulary column's label as the user wrote it
AS_WRITTEN = "_as_written"


class FrameRefs:
    """Locations ``name[row]`` (and ``name[row].column``) of rows of an in-memory frame."""

    def __init__(self, name: str = "frame") -> None:
        self.name = name

    def __call__(self, i: int | None, column: str | None = None) -> str:
        return f"{self.name}[{i}]"

    def cell(self, i: int, column: str) -> str:
        return f"{self.name}[{i}].{column}"

    def rows(self, n: int) -> np.ndarray:
        """``name[0] … name[n-1]`` as an object array."""
        head = self.name + "["
        return np.array([f"{head}{i}]" for i in range(n)], dtype=object)


default_where = FrameRefs("frame")


class _Issues:
    """Collects the issues of one table, each at its cell, header cell or table."""

    def __init__(self, spec: TableDef, where: Where, source: str, header_where) -> None:
        self.spec, self.where, self.source, self.header_where = spec, where, source, header_where
        self.list: list[Issue] = []
        self._notes: dict[tuple[str, str], list] = {}

    def add(self, loc: str, col, value, problem, hint="", severity="error") -> None:
        v = None if value is None else str(value)
        self.list.append(Issue(self.spec.name, loc, col, v, problem, hint, severity))

    def cell(self, i: int, col, value, problem, hint="", severity="error") -> None:
        self.add(self.where(int(i), col), col, value, problem, hint, severity)

    def header(self, col, problem, hint="", severity="error", value=None) -> None:
        loc = self.header_where(col) if self.header_where is not None else self.source
        self.add(loc, col, value, problem, hint, severity)

    def note(self, col: str, note, row: int, raw) -> None:
        """A note once per (column, text), at its first cell, with the count of others."""
        entry = self._notes.setdefault((col, str(note)), [row, raw, 0, note])
        entry[2] += 1

    def flush(self) -> None:
        for (col, _), (row, raw, count, note) in self._notes.items():
            more = text("in.more_cells", n=count - 1) if count > 1 else ""
            self.cell(row, col, raw, note + more, severity="note")
        self._notes.clear()


def normalise(
    frame: pd.DataFrame,
    table: str | TableDef,
    where: Where = default_where,
    source: str = "frame",
    header_where: Callable[[str | None], str] | None = None,
    extra_classes: frozenset[str] = frozenset(),
    decimal: str | None = None,
    ambiguous_comma: bool = False,
) -> tuple[pd.DataFrame, list[Issue]]:
    """Validate and normalise ``frame`` as input table ``table``.

    Parameters
    ----------
    frame
        Raw table (headers as typed; cells as read).
    table
        Name of an input table (``land_cover``, ``quantities``, …) or its spec.
    where
        ``where(row_position, original_header) -> location`` used in issues and in the
        ``input_ref`` column (e.g. ``file.xlsx!land_cover!C7``).
    source
        Location of table-level issues (e.g. ``file.xlsx!land_cover``).
    header_where
        ``header_where(original_header) -> location`` of a header cell.
    extra_classes
        Labels accepted as written in vocabulary columns (the input classes of a per-run class
        map, which has priority over the crosswalks; see :mod:`geep.methods.classmap`).
    decimal, ambiguous_comma
        The decimal separator the user declared, and whether the file makes a comma ambiguous
        (see :func:`geep.inputs.cleaning.parse_number`).

    Returns
    -------
    (DataFrame, list[Issue])
        Canonical columns (quantities converted to their canonical unit; the unit in
        ``<column>_unit`` where it depends on the row; a vocabulary column's label as written
        in ``<column>_as_written``; per-value cells in ``<column>_ref`` where the spec asks),
        plus ``input_ref``. Rows with errors are kept out of the frame; every error is reported.
    """
    spec = TABLES[table] if isinstance(table, str) else table
    iss = _Issues(spec, where, source, header_where)
    h = map_headers(spec, frame.columns)
    if spec.wide and spec.wide not in h.mapping and h.unknown:
        return _wide(frame, spec, h, iss, extra_classes, decimal, ambiguous_comma)
    for canon, first, again in h.twice:
        iss.header(again, text("in.column_twice", column=canon, a=first, b=again),
                   text("hint.column_twice"))  # fmt: skip
    _unknown_columns(frame, spec, h, iss)
    missing = missing_columns(spec, h)
    for _, near, problem in missing:
        iss.header(near, problem, text("hint.add_column", column=_.name, zh=_.zh))
    if missing:
        return pd.DataFrame(), iss.list
    n = len(frame)
    bad = np.zeros(n, dtype=bool)
    out: dict[str, object] = {}
    for c in spec.columns:
        if c.name in h.mapping and c.kind in _TEXT_KINDS:
            _text(c, frame[h.mapping[c.name]], h.mapping[c.name], out, bad, iss, extra_classes)
    unit_cells = None
    if h.unit_column is not None:
        unit_cells = text_column(frame[h.unit_column])[0]
    for c in spec.columns:
        if c.name in h.mapping and c.kind not in _TEXT_KINDS:
            # a pure number (a population in persons) takes a unit only from its own header
            cells = unit_cells if c.kind == "quantity" else None
            src = amounts.UnitSource(h.units.get(c.name), cells, h.unit_column)
            _number(c, frame[h.mapping[c.name]], h.mapping[c.name], src, out, bad, iss,
                    decimal, ambiguous_comma)  # fmt: skip
    iss.flush()
    result = _result(spec, out, n, where, h)
    result = result.loc[~bad].reset_index(drop=True)
    return _drop_duplicates(spec, result, iss), iss.list


def _unknown_columns(frame: pd.DataFrame, spec: TableDef, h, iss: _Issues) -> None:
    """Unknown headers are warnings — but a column headed like a value of the table's wide
    key (a class column in a long land-cover table) holds data that would be lost: an error."""
    wide_vocab = spec.column(spec.wide).vocabulary if spec.wide else None
    for orig in h.unknown:
        name = split_header(orig)[0]
        label = clean_text(name)
        as_key = (
            wide_vocab is not None
            and label is not None
            and (VOCABULARIES[wide_vocab].resolve(label).canonical is not None)
        )
        has_data = frame[orig].notna().any() if orig in frame.columns else False
        if as_key and has_data:
            iss.header(orig, text("in.key_column_in_long", column=orig, key=spec.wide),
                       text("hint.key_column_in_long", key=spec.wide))  # fmt: skip
        else:
            iss.header(orig, ignored_problem(spec, orig), text("hint.rename_or_delete"),
                       "warning")  # fmt: skip


def _text(c: ColumnDef, col: pd.Series, orig: str, out, bad, iss: _Issues, extra) -> None:
    """A text or code column: cleaned, required cells filled, codes plain, vocabulary applied."""
    vals, empty, changed = text_column(col)
    if c.required and empty.any():
        for i in np.flatnonzero(empty):
            iss.cell(
                i, orig, None, text("in.empty", column=c.name, zh=c.zh), text("hint.fill_cell")
            )
        bad |= empty
    codes = vals.codes
    for k, raw in changed.items():  # invisible characters removed: say so once per value
        rows = np.flatnonzero(codes == k)
        if len(rows):
            iss.note(
                orig, text("in.invisible_removed", value=vals.categories[k]), rows[0], repr(raw)
            )
    if c.ascii_code:
        for k, code in enumerate(vals.categories):
            problem = bad_code(str(code))
            if problem is not None:
                rows = np.flatnonzero(codes == k)
                for i in rows:
                    iss.cell(i, orig, code, problem, text("hint.code_character"))
                bad[rows] = True
    if c.vocabulary:
        out[c.name + AS_WRITTEN] = vals
        vals = _resolve(c, vals, orig, bad, iss, extra)
    out[c.name] = vals


def _resolve(c: ColumnDef, vals: pd.Categorical, orig: str, bad, iss: _Issues, extra):
    """Labels → canonical ids through the column's vocabulary (once per distinct label)."""
    vocab = VOCABULARIES[c.vocabulary]
    codes, mapped = vals.codes, []
    for k, v in enumerate(vals.categories):
        res = vocab.resolve(v) if v not in extra else None
        canon = v if res is None else res.canonical
        mapped.append(canon)
        rows = np.flatnonzero(codes == k)
        if res is not None and res.error:
            for i in rows:
                iss.cell(i, orig, v, res.error, res.hint or "")
            bad[rows] = True
        elif res is not None and res.note:
            for i in rows:
                iss.note(orig, res.note, int(i), v)
    inv, cats = pd.factorize(pd.Series(mapped, dtype=object), use_na_sentinel=True)
    new = np.append(inv, -1)[codes] if len(codes) else codes
    return pd.Categorical.from_codes(new, categories=pd.Index(cats, dtype=object))


def _number(c, col, orig, src, out, bad, iss: _Issues, decimal, ambiguous) -> None:
    """A number column: parsed, whole where it must be, converted, finite, signed only if
    allowed."""
    nums, empty, errs, notes = number_column(col, decimal, ambiguous)
    for i, (raw, err) in errs.items():
        problem = text("in.whole_number", column=c.name) if c.kind == "int" else err
        hint = text("hint.year") if c.kind == "int" else text("hint.number")
        if "in.ambiguous_comma" in getattr(err, "codes", ()):
            hint = text("hint.ambiguous_comma")
        iss.cell(i, orig, raw, problem, hint)
        bad[i] = True
    for i, (raw, note) in notes.items():
        iss.note(orig, note, i, raw)
    if c.required and empty.any():
        hint = text("hint.fill_cell") if c.kind == "int" else text("hint.fill_number")
        for i in np.flatnonzero(empty & ~bad):
            iss.cell(i, orig, None, text("in.empty", column=c.name, zh=c.zh), hint)
        bad |= empty
    ok = ~empty & ~np.isnan(nums)
    if c.kind == "int":
        out[c.name] = _whole(c, nums, ok, col, orig, bad, iss)
        return
    _convert(c, nums, ok, col, orig, src, out, bad, iss)


def _whole(c, nums, ok, col, orig, bad, iss: _Issues) -> np.ndarray:
    frac = ok & (np.mod(nums, 1.0) != 0)
    for i in np.flatnonzero(frac):
        iss.cell(i, orig, col.iloc[i], text("in.whole_number", column=c.name), text("hint.year"))
    bad |= frac
    if c.name in ("year", "price_year"):
        lo, hi = YEAR_RANGE
        rng = ok & ~frac & ((nums < lo) | (nums > hi))
        for i in np.flatnonzero(rng):
            iss.cell(i, orig, col.iloc[i], text("in.year_range", year=int(nums[i]), lo=lo, hi=hi),
                     text("hint.check_year"))  # fmt: skip
        bad |= rng
    return np.where(frac, np.nan, nums)


def _convert(c, nums, ok, col, orig, src, out, bad, iss: _Issues) -> None:
    n = len(nums)
    codes = out.get(c.unit_by) if c.unit_by else None
    vocab = VOCABULARIES[c.vocabulary or _vocab_of(c, iss.spec)] if c.unit_by else None
    if c.canonical is not None:
        targets = pd.Categorical.from_codes(np.zeros(n, dtype=np.int8), categories=[c.canonical])
    else:
        targets = _row_targets(codes, vocab, n)
    units = amounts.row_units(src, n, c.canonical if c.kind == "number" else None)
    need = ok & ~bad
    conflict = amounts.unit_conflicts(src, need)
    if conflict.any():
        first = int(np.flatnonzero(conflict)[0])
        cell = iss.where(first, src.column_name)
        iss.header(orig, text("in.unit_conflict", column=c.name, header=src.header,
                              unit=str(src.column[first]), cell=cell, n=int(conflict.sum())),
                   text("hint.unit_conflict"), value=src.header)  # fmt: skip
        iss.cell(first, src.column_name, src.column[first],
                 text("in.unit_conflict_cell", header=src.header, column=c.name),
                 text("hint.unit_conflict"))  # fmt: skip
        bad |= conflict
        need = need & ~conflict
    fac, failed = amounts.factors(units, targets, need)
    for rows, u, exc in failed:
        for i in np.flatnonzero(rows):
            if u is None:
                iss.cell(
                    i,
                    orig,
                    col.iloc[i],
                    text("in.no_unit", column=c.name),
                    text("hint.unit_header", column=c.name, unit=c.canonical or "unit"),
                )
            else:
                where_col = src.column_name if src.header is None and src.column_name else orig
                iss.cell(i, where_col, u, exc.message, exc.hint or "")
        bad |= rows
    values = nums * fac
    inf = need & ~bad & ~np.isfinite(values)
    for i in np.flatnonzero(inf):
        iss.cell(i, orig, col.iloc[i], text("in.not_finite_converted", column=c.name),
                 text("hint.not_finite_converted"))  # fmt: skip
    bad |= inf
    neg = need & ~bad & (values < 0) & ~np.asarray(amounts.sign_allowed(c, codes, vocab))
    problem, hint = amounts.negative_problem(c)
    for i in np.flatnonzero(neg):
        iss.cell(i, orig, col.iloc[i], problem, hint)
    bad |= neg
    out[c.name] = values
    if c.canonical is None:
        out[c.name + "_unit"] = targets


def _vocab_of(c: ColumnDef, spec: TableDef) -> str:
    return spec.column(c.unit_by).vocabulary  # type: ignore[return-value]


def _row_targets(codes: pd.Categorical | None, vocab, n: int) -> pd.Categorical:
    """Canonical unit per row for quantities whose unit depends on the row's code."""
    if codes is None or vocab is None or vocab.unit is None:
        return pd.Categorical.from_codes(np.full(n, -1, dtype=np.int8), categories=[])
    targets = [vocab.unit(str(k)) for k in codes.categories]
    inv, cats = pd.factorize(pd.Series(targets, dtype=object), use_na_sentinel=True)
    new = np.append(inv, -1)[codes.codes] if len(codes) else codes.codes
    return pd.Categorical.from_codes(new, categories=pd.Index(cats, dtype=object))


def _result(spec: TableDef, out: dict, n: int, where: Where, h) -> pd.DataFrame:
    result = pd.DataFrame(out)
    for c in spec.columns:
        if c.kind == "int" and c.name in result:
            result[c.name] = result[c.name].astype("Int64")
        if c.cell_ref and c.name in h.mapping:
            cell = getattr(where, "cell", None)
            orig = h.mapping[c.name]
            refs = [cell(i, orig) if cell else where(i, orig) for i in range(n)]
            result[c.name + "_ref"] = pd.Categorical(refs)
    rows_of = getattr(where, "rows", None)
    refs = rows_of(n) if rows_of is not None else [where(i, None) for i in range(n)]
    codes, uniq = pd.factorize(pd.Series(refs, dtype=object))
    result["input_ref"] = pd.Categorical.from_codes(codes, categories=pd.Index(uniq, dtype=object))
    return result


def _drop_duplicates(spec: TableDef, result: pd.DataFrame, iss: _Issues) -> pd.DataFrame:
    """Rows with the same key are errors (they make the input unusable)."""
    if result.empty:
        return result
    keys = [k for k in spec.keys if k in result.columns]  # an optional key may be absent
    dup = result.duplicated(keys, keep=False)
    if not dup.any():
        return result
    for _, grp in result[dup].groupby(keys, sort=True, observed=True):
        refs = ", ".join(map(str, grp["input_ref"]))
        value = "/".join(str(grp.iloc[0][k]) for k in keys)
        iss.add(str(grp["input_ref"].iloc[1]), None, value,
                text("in.duplicate", keys="/".join(keys), value=value, refs=refs),
                text("hint.duplicate"))  # fmt: skip
    return result.loc[~dup].reset_index(drop=True)


def _wide(frame, spec: TableDef, h, iss: _Issues, extra, decimal, ambiguous):
    """A wide layout (one column per value of the key ``spec.wide``) → long form, normalised
    with every cell keeping its own location."""
    ids = [k for k in spec.keys if k != spec.wide]
    missing = [k for k in ids if k not in h.mapping]
    if missing:
        for k in missing:
            c = spec.column(k)
            iss.header(None, text("in.wide_without_key", column=k, zh=c.zh, key=spec.wide),
                       text("hint.add_column", column=k, zh=c.zh))  # fmt: skip
        return pd.DataFrame(), iss.list
    value = next(c for c in spec.value_columns if c.kind in ("quantity", "number"))
    cols = list(h.unknown)
    n = len(frame)
    long = pd.DataFrame(
        {k: np.repeat(frame[h.mapping[k]].to_numpy(object), len(cols)) for k in ids}
    )
    long[spec.wide] = np.tile([split_header(c)[0] for c in cols], n)
    long[value.name] = frame[cols].to_numpy(object).reshape(-1)
    units = [split_header(c)[1] for c in cols]
    if h.unit_column is not None:
        per_row = np.repeat(frame[h.unit_column].to_numpy(object), len(cols))
        long["unit"] = np.where(pd.isna(np.tile(np.array(units, dtype=object), n)), per_row,
                                np.tile(np.array(units, dtype=object), n))  # fmt: skip
    elif any(units):
        long["unit"] = np.tile(np.array(units, dtype=object), n)
    refs = [iss.where(i, c) for i in range(n) for c in cols]
    res, more = normalise(long, spec, where=lambda i, c: refs[i] if i is not None else iss.source,
                          source=iss.source, extra_classes=extra, decimal=decimal,
                          ambiguous_comma=ambiguous)  # fmt: skip
    iss.list.extend(more)
    iss.add(iss.source, None, None, text("in.wide_read", key=spec.wide, n=len(cols)),
            severity="note")  # fmt: skip
    return res, iss.list


#: kept for callers of the first normaliser
_resolve_land_class = resolve_land_class

__all__ = [
    "AS_WRITTEN",
    "FrameRefs",
    "land_class_crosswalk",
    "match_column",
    "normalise",
    "parse_number",
]
