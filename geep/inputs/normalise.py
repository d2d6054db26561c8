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
from .cleaning import bad_code, clean_text, parse_number, text_column
from .collect import Issues, Where
from .columns import ignored_problem, map_headers, match_column, missing_columns
from .dates import date_column, period_column
from .numbers import number_values
from .report import Issue
from .spec import TABLES, YEAR_RANGE, ColumnDef, TableDef
from .vocabularies import VOCABULARIES, land_class_crosswalk, resolve_land_class

_TEXT_KINDS = ("code", "text", "period", "date")
#: suffix of the column that keeps a vocabulary column's label as the user wrote it
AS_WRITTEN = "_as_written"
#: column of a table whose spec keeps positions: the row's position in the table as read
POSITION = "_position"


class FrameRefs:
    """Locations ``name[row]`` (and ``name[row].column``) of rows of an in-memory frame."""

    def __init__(self, name: str = "frame") -> None:
        self.name = name

    def __call__(self, i: int | None, column: str | None = None) -> str:
        return f"{self.name}[{i}]"

    def cell(self, i: int, column: str) -> str:
        return f"{self.name}[{i}].{column}"

    def row(self, i: int) -> str:
        return f"{self.name}[{i}]"

    def rows(self, n: int) -> np.ndarray:
        """``name[0] … name[n-1]`` as an object array."""
        head = self.name + "["
        return np.array([f"{head}{i}]" for i in range(n)], dtype=object)


default_where = FrameRefs("frame")


class Locator:
    """The cells of a table's rows as read, for checks that run after normalisation.

    ``loc(position, column)`` names the cell of column ``column`` (canonical, or as headed)
    in the row at ``position`` (``file!sheet!H6``, ``frame[3]``); ``loc.row(position)`` names
    the row (``file!sheet!row 6``). ``where`` is the normaliser's callback, ``mapping``
    ``{canonical column: header as written}``.
    """

    def __init__(self, where: Where, mapping: dict[str, str] | None = None) -> None:
        self.where, self.mapping = where, dict(mapping or {})

    def __call__(self, i: int, column: str | None = None) -> str:
        col = self.mapping.get(column, column) if column is not None else None
        return self.where(int(i), col)

    def row(self, i: int) -> str:
        row = getattr(self.where, "row", None)
        return row(int(i)) if row is not None else self.where(int(i), None)


def normalise(
    frame: pd.DataFrame,
    table: str | TableDef,
    where: Where = default_where,
    source: str = "frame",
    header_where: Callable[[str | None], str] | None = None,
    extra_classes: frozenset[str] = frozenset(),
    decimal: str | None = None,
    ambiguous_comma: bool = False,
    exclude: np.ndarray | None = None,
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
    exclude
        Rows the reader already found unusable (an error cell, a formula without a saved
        value): checked like the others, then kept out of the frame.

    Returns
    -------
    (DataFrame, list[Issue])
        Canonical columns (quantities converted to their canonical unit; the unit in
        ``<column>_unit`` where it depends on the row; a vocabulary column's label as written
        in ``<column>_as_written``; per-value cells in ``<column>_ref`` where the spec asks),
        plus ``input_ref``. Rows with errors are kept out of the frame; every error is reported.
    """
    spec = TABLES[table] if isinstance(table, str) else table
    iss = Issues(spec, where, source, header_where)
    h = map_headers(spec, frame.columns)
    if spec.wide and spec.wide not in h.mapping and h.unknown:
        return _wide(frame, spec, h, iss, extra_classes, decimal, ambiguous_comma)
    if not _headers_usable(frame, spec, h, iss):
        return pd.DataFrame(), iss.list
    n = len(frame)
    bad = np.zeros(n, dtype=bool)
    out: dict[str, object] = {}
    _text_columns(frame, spec, h, out, bad, iss, extra_classes)
    for c in spec.columns:  # an absent optional code column with a default: all its default
        if c.default is not None and c.name not in h.mapping:
            out[c.name] = pd.Categorical.from_codes(np.zeros(n, dtype=np.int8), [c.default])
    units: dict[str | None, pd.Categorical | None] = {None: None}
    for c in spec.columns:
        if c.name in h.mapping and c.kind not in _TEXT_KINDS:
            src = _unit_source(c, frame, h, units)
            number_values(c, frame[h.mapping[c.name]], h.mapping[c.name], src, out, bad, iss,
                          decimal, ambiguous_comma)  # fmt: skip
    iss.flush()
    if exclude is not None:
        bad |= exclude
    result = _result(spec, out, n, where, h)
    result = result.loc[~bad].reset_index(drop=True)
    return _drop_duplicates(spec, result, iss), iss.list


def _headers_usable(frame: pd.DataFrame, spec: TableDef, h, iss: Issues) -> bool:
    """Report columns given twice, unknown columns and missing ones; whether every required
    column is there."""
    for canon, first, again in h.twice:
        iss.header(again, text("in.column_twice", column=canon, a=first, b=again),
                   text("hint.column_twice"))  # fmt: skip
    _unknown_columns(frame, spec, h, iss)
    missing = missing_columns(spec, h)
    for c, near, problem in missing:
        iss.header(near, problem, text("hint.add_column", column=c.name, zh=c.zh))
    return not missing


def _text_columns(frame, spec: TableDef, h, out: dict, bad: np.ndarray, iss: Issues,
                  extra_classes: frozenset[str]) -> None:  # fmt: skip
    """Read the code, text, period and date columns of ``frame`` into ``out``."""
    for c in spec.columns:
        if c.name not in h.mapping or c.kind not in _TEXT_KINDS:
            continue
        col, orig = frame[h.mapping[c.name]], h.mapping[c.name]
        if c.kind == "period":
            period_column(c, col, orig, out, bad, iss)
        elif c.kind == "date":
            date_column(c, col, orig, out, bad, iss)
        else:
            _text(c, col, orig, out, bad, iss, extra_classes)


def _unit_source(c: ColumnDef, frame: pd.DataFrame, h, cache: dict) -> amounts.UnitSource:
    """Where the units of column ``c`` come from: its header, and its unit column (the
    table's ``unit`` column, another column the spec names, or none). A pure number (a
    population in persons) takes a unit only from its own header or its own unit column."""
    if c.kind == "number" and c.unit_column in (None, "unit"):
        return amounts.UnitSource(h.units.get(c.name), None, h.unit_column)
    name = h.unit_column if c.unit_column == "unit" else h.mapping.get(c.unit_column or "")
    if name not in cache:
        cache[name] = text_column(frame[name])[0]
    return amounts.UnitSource(h.units.get(c.name), cache[name], name)


def _unknown_columns(frame: pd.DataFrame, spec: TableDef, h, iss: Issues) -> None:
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


def _text(c: ColumnDef, col: pd.Series, orig: str, out, bad, iss: Issues, extra) -> None:
    """A text or code column: cleaned, required cells filled, codes plain, vocabulary applied."""
    vals, empty, changed = text_column(col)
    if c.default is not None and empty.any():  # an empty optional code reads as its default
        vals = vals.add_categories([c.default]) if c.default not in vals.categories else vals
        vals = vals.fillna(c.default)
        empty = np.zeros(len(vals), dtype=bool)
    if c.required and not c.nullable and empty.any():
        for i in np.flatnonzero(empty):
            iss.cell(
                i, orig, None, text("in.empty", column=c.name, zh=c.zh), text("hint.fill_cell")
            )
        bad |= empty
    codes = vals.codes
    for k, raw, rows in changed:  # invisible characters removed: said at the cells that had them
        note = text("in.invisible_removed", value=vals.categories[k])
        for i in rows:
            iss.note(orig, note, int(i), repr(raw))
    if c.ascii_code:
        for k, code in enumerate(vals.categories):
            problem = bad_code(str(code), c.what)
            if problem is not None:
                rows = np.flatnonzero(codes == k)
                for i in rows:
                    iss.cell(i, orig, code, problem, text("hint.code_character"))
                bad[rows] = True
    if c.vocabulary:
        out[c.name + AS_WRITTEN] = vals
        vals = _resolve(c, vals, orig, bad, iss, extra)
    out[c.name] = vals


def _resolve(c: ColumnDef, vals: pd.Categorical, orig: str, bad, iss: Issues, extra):
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
    if spec.positions:
        result[POSITION] = np.arange(n, dtype=np.int64)
    rows_of = getattr(where, "rows", None)
    refs = rows_of(n) if rows_of is not None else [where(i, None) for i in range(n)]
    codes, uniq = pd.factorize(pd.Series(refs, dtype=object))
    result["input_ref"] = pd.Categorical.from_codes(codes, categories=pd.Index(uniq, dtype=object))
    return result


def _drop_duplicates(spec: TableDef, result: pd.DataFrame, iss: Issues) -> pd.DataFrame:
    """Rows with the same key are errors (they make the input unusable)."""
    if result.empty or not spec.keys:
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


def _wide(frame, spec: TableDef, h, iss: Issues, extra, decimal, ambiguous):
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
    "POSITION",
    "YEAR_RANGE",
    "FrameRefs",
    "Locator",
    "land_class_crosswalk",
    "match_column",
    "normalise",
    "parse_number",
]
