"""Normalise one input table (a DataFrame from any source) into canonical form.

Headers in English or Chinese, units in the header or a ``unit`` column, numbers typed as
text, Chinese land-class names and national land-use codes are all accepted — each
normalisation that changes how a value is written is reported as a *note*; everything that
cannot be used is an *error* with its location. Nothing is dropped silently.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

import numpy as np
import pandas as pd

from ..errors import GeepError
from ..messages import did_you_mean, msg
from ..units import factor, split_header
from ..vocab import BIOMES, DRIVERS, INDICATOR_BY_ZH, INDICATORS, LAND_CLASS_BY_ZH, LAND_CLASSES
from .class_defaults import alternatives_note, suggest_classes
from .report import Issue
from .spec import TABLES, TableDef

Where = Callable[[int, str | None], str]

YEAR_RANGE = (1949, 2100)
_THOUSANDS = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$")


def _fold(text: object) -> str:
    return unicodedata.normalize("NFKC", str(text)).strip().lower()


_LOOKUPS: dict[int, tuple[TableDef, dict[str, str]]] = {}


def _header_lookup(table: TableDef) -> dict[str, str]:
    hit = _LOOKUPS.get(id(table))
    if hit is not None and hit[0] is table:
        return hit[1]
    out = _build_lookup(table)
    _LOOKUPS[id(table)] = (table, out)
    return out


def _build_lookup(table: TableDef) -> dict[str, str]:
    out: dict[str, str] = {}
    for c in table.columns:
        for name in (c.name, c.zh, *c.aliases):
            out[_fold(name)] = c.name
    out["unit"] = "unit"
    out["单位"] = "unit"
    out["计量单位"] = "unit"
    return out


def match_column(table: str | TableDef, header: object) -> str | None:
    """Canonical column name that ``header`` stands for in ``table`` (or ``None``).

    ``"面积（亩）"`` → ``"area"``; ``"单位"`` → ``"unit"``; unknown headers → ``None``.
    """
    spec = TABLES[table] if isinstance(table, str) else table
    if header is None or str(header).strip() == "":
        return None
    lookup = _header_lookup(spec)
    name, _ = split_header(str(header))
    return lookup.get(_fold(name)) or lookup.get(_fold(header))


@lru_cache(maxsize=1)
def land_class_crosswalk() -> dict[str, tuple[str | None, str]]:
    """Codes and Chinese names of national classifications → (geep class, table ref)."""
    from ..coefficients import load

    out: dict[str, tuple[str | None, str]] = {}
    for ref in ("landclass-gbt21010@2017", "landclass-cnlucc@2015"):
        try:
            t = load(ref)
        except GeepError:  # pragma: no cover - crosswalk table missing in a custom install
            continue
        for r in t.frame.itertuples(index=False):
            target = r.geep_class if isinstance(r.geep_class, str) else None
            ref = t.coefficient_ref(r.source_code)
            names = [str(r.source_code), r.source_name_zh, *_split(getattr(r, "aliases", None))]
            for name in names:
                if isinstance(name, str) and name:
                    out.setdefault(name, (target, ref))
    return out


def _split(cell: object) -> list[str]:
    return [p.strip() for p in cell.split(";") if p.strip()] if isinstance(cell, str) else []


@lru_cache(maxsize=1)
def land_class_alternatives() -> dict[str, str]:
    """``{crosswalk row ref: alternatives}`` for the rows whose class is a default choice."""
    from ..coefficients import load

    out: dict[str, str] = {}
    for ref in ("landclass-gbt21010@2017", "landclass-cnlucc@2015"):
        try:
            t = load(ref)
        except GeepError:  # pragma: no cover - crosswalk table missing in a custom install
            continue
        if "alternatives" in t.frame.columns:
            for code, alts in zip(t.frame["source_code"], t.frame["alternatives"], strict=True):
                if isinstance(alts, str) and alts.strip():
                    out[t.coefficient_ref(code)] = alts
    return out


def parse_number(raw: object) -> tuple[float | None, str | None, str | None]:
    """Parse a cell as a number: ``(value, note, error)``.

    Numbers typed as text are accepted with a note, also with thousands separators or
    fullwidth digits; anything else is an error. Empty cells return ``(None, None, None)``.
    """
    if raw is None or (isinstance(raw, float) and math.isnan(raw)):
        return None, None, None
    if isinstance(raw, bool):
        return None, None, msg("in.bool")
    if isinstance(raw, int | float | np.integer | np.floating):
        v = float(raw)
        if not math.isfinite(v):
            return None, None, "not a finite number"
        return v, None, None
    text = str(raw)
    s = unicodedata.normalize("NFKC", text).strip().replace("\u2212", "-")
    if s == "":
        return None, None, None
    note = msg("in.text_number")
    if s != text.strip():
        note = msg("in.fullwidth_number")
    if _THOUSANDS.match(s):
        s = s.replace(",", "")
        note = msg("in.thousands")
    try:
        v = float(s)
    except ValueError:
        return None, None, msg("in.not_number", text=text)
    if not math.isfinite(v):
        return None, None, "not a finite number"
    return v, note, None


class FrameRefs:
    """Locations ``name[row]`` of rows of an in-memory frame (vectorised via :meth:`rows`)."""

    def __init__(self, name: str = "frame") -> None:
        self.name = name

    def __call__(self, i: int | None, column: str | None = None) -> str:
        return f"{self.name}[{i}]"

    def rows(self, n: int) -> np.ndarray:
        """``name[0] … name[n-1]`` as an object array."""
        head = self.name + "["
        return np.array([f"{head}{i}]" for i in range(n)], dtype=object)


default_where = FrameRefs("frame")


def normalise(
    frame: pd.DataFrame,
    table: str | TableDef,
    where: Where = default_where,
    source: str = "frame",
    header_where: Callable[[str | None], str] | None = None,
    extra_classes: frozenset[str] = frozenset(),
) -> tuple[pd.DataFrame, list[Issue]]:
    """Validate and normalise ``frame`` as input table ``table``.

    Parameters
    ----------
    frame
        Raw table (headers as typed; cells as read).
    table
        Name of an input table of DESIGN §4 (``land_cover``, ``quantities``, ...).
    where
        ``where(row_position, original_header) -> location`` used in issues and in the
        ``input_ref`` column (e.g. ``file.xlsx!land_cover!C7``).
    source
        Location of table-level issues (e.g. ``file.xlsx!land_cover``).
    header_where
        ``header_where(original_header) -> location`` of a header cell (``None``: the
        header row); used for column-level issues. Default: ``source``.
    extra_classes
        Land-class labels accepted as they are written (the input classes of a per-run
        class map, which has priority over the crosswalks; see :mod:`geep.methods.classmap`).

    Returns
    -------
    (DataFrame, list[Issue])
        Canonical columns (quantities converted to the canonical unit of each column or
        indicator; the unit written in ``<column>_unit``), plus ``input_ref``. Rows with errors
        are kept out of the frame but every error is in the issues.
    """
    spec = TABLES[table] if isinstance(table, str) else table
    issues: list[Issue] = []

    def add(
        i: int | None,
        col: str | None,
        value: object,
        problem: str,
        hint: str = "",
        severity: str = "error",
        loc: str | None = None,
    ) -> None:
        if loc is None:
            if i is not None:
                loc = where(i, col)
            elif header_where is not None:
                loc = header_where(col)
            else:
                loc = source
        issues.append(
            Issue(
                spec.name,
                loc,
                col,
                None if value is None else str(value),
                problem,
                hint,
                severity,
            )
        )

    lookup = _header_lookup(spec)
    mapping: dict[str, str] = {}  # canonical → original header
    header_units: dict[str, str] = {}  # canonical → unit text from header
    unknown: list[str] = []
    for orig in frame.columns:
        name, unit = split_header(str(orig))
        canon = lookup.get(_fold(name)) or lookup.get(_fold(orig))
        if canon is None:
            unknown.append(str(orig))
            continue
        if canon in mapping:
            add(
                None,
                str(orig),
                None,
                f"column {canon!r} appears twice ({mapping[canon]!r} and {orig!r})",
                "keep one of them",
            )
            continue
        mapping[canon] = orig
        if unit:
            header_units[canon] = unit

    if spec.name == "land_cover" and "land_class" not in mapping and unknown:
        return _wide_land_cover(
            frame, spec, mapping, header_units, unknown, where, source, issues, extra_classes
        )

    for orig in unknown:
        known = [c.name for c in spec.columns] + [c.zh for c in spec.columns]
        add(
            None,
            orig,
            None,
            msg("in.column_ignored", column=orig, table=spec.name) + did_you_mean(orig, known),
            "rename or delete the column",
            "warning",
        )
    missing = [c for c in spec.columns if c.required and c.name not in mapping]
    bare = {split_header(u)[0]: u for u in unknown}
    for c in missing:
        near = _closest_header(c, list(bare))
        add(
            None,
            bare[near] if near else None,
            None,
            msg("in.column_missing", column=c.name, zh=c.zh)
            + (msg("did_you_mean", options=repr(near)) if near else ""),
            msg("hint.add_column", column=c.name, zh=c.zh)
            + (f", or rename {bare[near]!r}" if near else ""),
        )
    if missing:
        return pd.DataFrame(), issues

    n = len(frame)
    out: dict[str, np.ndarray] = {}
    bad_row = np.zeros(n, dtype=bool)
    unit_col = mapping.get("unit")
    notes = _NoteBook(add)

    for c in spec.columns:
        if c.name not in mapping or c.kind not in ("code", "text", "period"):
            continue
        orig = mapping[c.name]
        vals, empty = _text_column(frame[orig])
        if c.required and empty.any():
            for i in np.flatnonzero(empty):
                add(
                    int(i),
                    orig,
                    None,
                    msg("in.empty", column=c.name, zh=c.zh),
                    msg("hint.fill_cell"),
                )
            bad_row |= empty
        out[c.name] = vals
    _check_vocabulary(spec, out, mapping, add, bad_row, notes, extra_classes)

    out_units: dict[str, np.ndarray] = {}
    for c in spec.columns:
        if c.name not in mapping or c.kind in ("code", "text", "period"):
            continue
        orig = mapping[c.name]
        nums, empty, errs, cell_notes = _number_column(frame[orig])
        for i, (raw, err) in errs.items():
            hint = msg("hint.year") if c.kind == "int" else msg("hint.number")
            add(
                i,
                orig,
                raw,
                msg("in.whole_number", column=c.name) if c.kind == "int" else err,
                hint,
            )
            bad_row[i] = True
        for i, (raw, note) in cell_notes.items():
            notes.add(orig, note, i, raw)
        if c.required and empty.any():
            hint = msg("hint.fill_cell") if c.kind == "int" else msg("hint.fill_number")
            for i in np.flatnonzero(empty & ~bad_row):
                add(int(i), orig, None, msg("in.empty", column=c.name, zh=c.zh), hint)
            bad_row |= empty
        ok = ~empty & ~np.isnan(nums)
        if c.kind == "int":
            frac = ok & (np.mod(nums, 1.0) != 0)
            for i in np.flatnonzero(frac):
                add(
                    int(i),
                    orig,
                    frame[orig].iloc[i],
                    msg("in.whole_number", column=c.name),
                    msg("hint.year"),
                )
            bad_row |= frac
            if c.name in ("year", "price_year"):
                rng = ok & ~frac & ((nums < YEAR_RANGE[0]) | (nums > YEAR_RANGE[1]))
                for i in np.flatnonzero(rng):
                    add(
                        int(i),
                        orig,
                        frame[orig].iloc[i],
                        msg("in.year_range", year=int(nums[i]), lo=YEAR_RANGE[0], hi=YEAR_RANGE[1]),
                        msg("hint.check_year"),
                    )
                bad_row |= rng
            out[c.name] = np.where(frac, np.nan, nums)  # fractions cannot become Int64
            continue
        if c.name == "area":
            neg = ok & (nums < 0)
            for i in np.flatnonzero(neg):
                add(int(i), orig, frame[orig].iloc[i], msg("in.negative_area"), msg("hint.area"))
            bad_row |= neg
        # units: from the header, else a unit column, else (pure numbers) the canonical unit
        if c.name in header_units:
            units = _const(header_units[c.name], n)
        elif unit_col is not None:
            units, _ = _text_column(frame[unit_col])
        else:
            units = _const(c.canonical if c.kind == "number" else None, n)
        if c.canonical is not None:
            targets = _const(c.canonical, n)
        else:
            targets = _row_targets(spec.name, out)
        factors = np.full(n, np.nan)
        need = ok & ~bad_row
        u_codes, u_uniq = pd.factorize(units, use_na_sentinel=True)
        t_codes, t_uniq = pd.factorize(targets, use_na_sentinel=True)
        pair = (u_codes.astype(np.int64) + 1) * (len(t_uniq) + 1) + (t_codes + 1)
        pair[~need] = -1
        for key in np.unique(pair[pair >= 0]):
            rows = pair == key
            ui, ti = divmod(int(key), len(t_uniq) + 1)
            u = u_uniq[ui - 1] if ui > 0 else None
            t = t_uniq[ti - 1] if ti > 0 else None
            if t is None:  # unknown indicator/variable: reported by the vocabulary check
                continue
            if u is None:
                for i in np.flatnonzero(rows):
                    add(
                        int(i),
                        orig,
                        frame[orig].iloc[i],
                        msg("in.no_unit", column=c.name),
                        msg("hint.unit_header", column=c.name, unit=c.canonical or "unit"),
                    )
                bad_row |= rows
                continue
            try:
                factors[rows] = factor(u, t)
            except GeepError as exc:
                where_col = unit_col if c.name not in header_units and unit_col else orig
                for i in np.flatnonzero(rows):
                    add(int(i), where_col, u, exc.message, exc.hint or "")
                bad_row |= rows
        out[c.name] = nums * factors
        out_units[c.name] = targets

    result = pd.DataFrame(out)
    for c in spec.columns:
        if c.kind == "int" and c.name in result:
            result[c.name] = result[c.name].astype("Int64")
    for col, units in out_units.items():
        if spec.column(col).canonical is None:
            result[f"{col}_unit"] = units
    notes.flush()
    rows_of = getattr(where, "rows", None)
    result["input_ref"] = rows_of(n) if rows_of is not None else [where(i, None) for i in range(n)]
    result = result.loc[~bad_row].reset_index(drop=True)
    result = _check_duplicates(spec, result, add)
    return result, issues


def _closest_header(col, headers: list[str]) -> str | None:
    """The unknown header most like column ``col`` (English, Chinese or alias), if any."""
    import difflib

    best: tuple[float, str] | None = None
    for h in headers:
        for name in (col.name, col.zh, *col.aliases):
            r = difflib.SequenceMatcher(None, _fold(h), _fold(name)).ratio()
            if r >= 0.6 and (best is None or r > best[0]):
                best = (r, h)
    return best[1] if best else None


class _NoteBook:
    """Collects notes (accepted normalisations) and reports each distinct one once, at its
    first cell, with the number of other cells it applies to."""

    def __init__(self, add) -> None:
        self._add = add
        self._seen: dict[tuple[str, str], list] = {}

    def add(self, column: str, note: str, row: int, raw: object) -> None:
        entry = self._seen.setdefault((column, note), [row, raw, 0])
        entry[2] += 1

    def flush(self) -> None:
        for (column, note), (row, raw, count) in self._seen.items():
            more = msg("in.more_cells", n=count - 1) if count > 1 else ""
            self._add(row, column, raw, note + more, severity="note")
        self._seen.clear()


def _text_column(col: pd.Series) -> tuple[pd.Categorical, np.ndarray]:
    """Cells as NFKC-normalised, stripped text (a categorical; each distinct cell is cleaned
    once) and a mask of empty cells."""
    codes, uniq = pd.factorize(col, use_na_sentinel=True)
    clean = []
    for v in uniq:
        if isinstance(v, float) and v.is_integer():
            v = int(v)
        t = unicodedata.normalize("NFKC", str(v)).strip()
        clean.append(t if t and t.lower() != "nan" else None)
    remap, cats = pd.factorize(pd.Series(clean, dtype=object), use_na_sentinel=True)
    new_codes = np.append(remap, -1)[codes] if len(codes) else codes
    cat = pd.Categorical.from_codes(new_codes, categories=pd.Index(cats, dtype=object))
    return cat, np.asarray(new_codes == -1, dtype=bool)


def _number_column(col: pd.Series):
    """Parse a column of numbers: values (NaN where empty/bad), empty mask, errors and notes
    ``{row: (raw, text)}``. Numeric columns are checked vectorised; text cells are parsed once
    per distinct value."""
    errs: dict[int, tuple[object, str]] = {}
    notes: dict[int, tuple[object, str]] = {}
    if pd.api.types.is_numeric_dtype(col) and not pd.api.types.is_bool_dtype(col):
        nums = col.to_numpy(dtype=float, na_value=np.nan)
        inf = np.isinf(nums)
        for i in np.flatnonzero(inf):
            errs[int(i)] = (col.iloc[i], "not a finite number")
        nums = np.where(inf, np.nan, nums)
        empty = np.isnan(nums) & ~inf
        return nums, empty, errs, notes
    codes, uniq = pd.factorize(col, use_na_sentinel=True)
    parsed = np.full(len(uniq) + 1, np.nan)
    kinds: list[tuple[str | None, str | None]] = []
    for k, v in enumerate(uniq):
        num, note, err = parse_number(v)
        parsed[k] = np.nan if num is None else num
        kinds.append((note, err if err else (None if num is not None else "empty")))
    nums = parsed[codes]
    empty = codes == -1
    for k, (note, err) in enumerate(kinds):
        if err is None and note is None:
            continue
        rows = np.flatnonzero(codes == k)
        if err == "empty":
            empty[rows] = True
            continue
        for i in rows:
            if err:
                errs[int(i)] = (col.iloc[i], err)
            else:
                notes[int(i)] = (col.iloc[i], note)
    return nums, empty, errs, notes


def _const(value: str | None, n: int) -> pd.Categorical:
    """``n`` equal text cells (or ``n`` missing ones) as a categorical."""
    if value is None:
        return pd.Categorical.from_codes(np.full(n, -1, dtype=np.int8), categories=[])
    return pd.Categorical.from_codes(np.zeros(n, dtype=np.int8), categories=[value])


def _row_targets(table: str, out: dict[str, np.ndarray]) -> pd.Categorical:
    """Canonical unit per row for tables whose unit depends on the row (quantities, drivers)."""
    if table == "quantities" and "indicator" in out:
        lookup = {k: d.quantity_unit for k, d in INDICATORS.items()}
        keys = out["indicator"]
    elif table == "drivers" and "variable" in out:
        lookup = {k: v[0] for k, v in DRIVERS.items()}
        keys = out["variable"]
    else:
        return _const(None, len(next(iter(out.values()), [])))
    keys = (
        keys if isinstance(keys, pd.Categorical) else pd.Categorical(pd.Series(keys, dtype=object))
    )
    targets = [lookup.get(k) for k in keys.categories]
    inv, cats = pd.factorize(pd.Series(targets, dtype=object), use_na_sentinel=True)
    codes = np.append(inv, -1)[keys.codes] if len(keys) else keys.codes
    return pd.Categorical.from_codes(codes, categories=pd.Index(cats, dtype=object))


def _canon_indicator(name: str | None) -> str | None:
    if name is None:
        return None
    if name in INDICATORS:
        return name
    return INDICATOR_BY_ZH.get(name)


def _check_vocabulary(
    spec: TableDef,
    out: dict[str, np.ndarray],
    mapping: dict[str, str],
    add,
    bad_row: np.ndarray,
    notes: _NoteBook,
    extra_classes: frozenset[str] = frozenset(),
) -> None:
    """Map Chinese names and national codes to canonical ids (noted once per value); report
    unknown ids with suggestions (once per cell)."""
    if spec.name == "land_cover" and "land_class" in out:
        col = "land_class"

        def vocab(v: str):
            return (v, None, None, None) if v in extra_classes else _resolve_land_class(v)

    elif spec.name == "quantities" and "indicator" in out:
        col, vocab = "indicator", _resolve_indicator
    elif spec.name == "drivers" and "variable" in out:
        col, vocab = "variable", _resolve_driver
    else:
        return
    vals = out[col]
    if not isinstance(vals, pd.Categorical):
        vals = pd.Categorical(pd.Series(vals, dtype=object))
    codes, uniq = vals.codes, vals.categories
    mapped: list[str | None] = []
    for k, v in enumerate(uniq):
        canon, note, err, hint = vocab(v)
        mapped.append(canon)
        rows = np.flatnonzero(codes == k)
        if err:
            for i in rows:
                add(int(i), mapping[col], v, err, hint)
            bad_row[rows] = True
        elif note:
            for i in rows:
                notes.add(mapping[col], note, int(i), v)
    inv, cats = pd.factorize(pd.Series(mapped, dtype=object), use_na_sentinel=True)
    new_codes = np.append(inv, -1)[codes] if len(codes) else codes
    out[col] = pd.Categorical.from_codes(new_codes, categories=pd.Index(cats, dtype=object))


def _resolve_land_class(v: str):
    if v in LAND_CLASSES or v in BIOMES:
        return v, None, None, None
    if v in LAND_CLASS_BY_ZH:
        c = LAND_CLASS_BY_ZH[v]
        return c, msg("in.zh_class", value=v, canon=c), None, None
    cw = land_class_crosswalk()
    key = v.zfill(4) if v.isdigit() and len(v) == 3 else v
    if key in cw and cw[key][0]:
        return (
            cw[key][0],
            msg("in.national_class", value=v, canon=cw[key][0], ref=cw[key][1])
            + alternatives_note(land_class_alternatives().get(cw[key][1])),
            None,
            None,
        )
    known = {
        **{c: c for c in LAND_CLASSES},
        **LAND_CLASS_BY_ZH,
        **{k: t for k, (t, _) in cw.items()},
    }
    return (
        None,
        None,
        msg("in.unknown_class", value=v, suggestion=suggest_classes(v, known)),
        msg("hint.class"),
    )


def _resolve_indicator(v: str):
    c = _canon_indicator(v)
    if c is None:
        return (
            None,
            None,
            msg(
                "in.unknown_indicator",
                value=v,
                suggestion=did_you_mean(v, list(INDICATORS) + list(INDICATOR_BY_ZH)),
            ),
            msg("hint.indicator"),
        )
    return c, (msg("in.indicator_read", value=v, canon=c) if c != v else None), None, None


def _resolve_driver(v: str):
    if v in DRIVERS:
        return v, None, None, None
    return (
        None,
        None,
        msg("in.unknown_driver", value=v, suggestion=did_you_mean(v, list(DRIVERS))),
        "see geep.vocab.DRIVERS",
    )


def _check_duplicates(spec: TableDef, result: pd.DataFrame, add) -> pd.DataFrame:
    if result.empty:
        return result
    keys = list(spec.keys)
    dup = result.duplicated(keys, keep=False)
    if not dup.any():
        return result
    for _, grp in result[dup].groupby(keys, sort=True):
        refs = ", ".join(grp["input_ref"])
        first = grp.iloc[0]
        issues_key = "/".join(str(first[k]) for k in keys)
        add(
            None,
            None,
            issues_key,
            msg("in.duplicate", keys="/".join(keys), value=issues_key, refs=refs),
            msg("hint.duplicate"),
            loc=str(grp["input_ref"].iloc[1]),
        )
    # duplicates are errors: they make the input unusable
    return result.loc[~dup].reset_index(drop=True)


def _wide_land_cover(
    frame, spec, mapping, header_units, unknown, where, source, issues, extra_classes=frozenset()
):
    """Wide land cover (one column per class) → long form, then normalise."""
    id_cols = [mapping[c] for c in ("region_code", "year") if c in mapping]
    unit_col = mapping.get("unit")
    class_cols = [c for c in unknown]
    long_rows = []
    for pos, (_, row) in enumerate(frame.iterrows()):
        for col in class_cols:
            name, unit = split_header(col)
            rec = {
                "region_code": row[id_cols[0]] if id_cols else None,
                "year": row[id_cols[1]] if len(id_cols) > 1 else None,
                "land_class": name,
                "area": row[col],
                "unit": unit or (row[unit_col] if unit_col else None),
                "_where": where(pos, col),
            }
            long_rows.append(rec)
    long = pd.DataFrame(long_rows)
    refs = long.pop("_where").tolist() if not long.empty else []
    res, more = normalise(
        long,
        spec,
        where=lambda i, c: refs[i] if i is not None else source,
        source=source,
        extra_classes=extra_classes,
    )
    issues.extend(
        Issue(i.table, i.where, i.column, i.value, i.problem, i.hint, i.severity) for i in more
    )
    issues.append(
        Issue(
            spec.name,
            source,
            None,
            None,
            f"wide land-cover table read as long form ({len(class_cols)} class columns)",
            severity="note",
        )
    )
    return res, issues
