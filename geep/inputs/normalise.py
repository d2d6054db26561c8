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
from ..messages import did_you_mean
from ..units import factor, split_header
from ..vocab import BIOMES, DRIVERS, INDICATOR_BY_ZH, INDICATORS, LAND_CLASS_BY_ZH, LAND_CLASSES
from .report import Issue
from .spec import TABLES, TableDef

Where = Callable[[int, str | None], str]

YEAR_RANGE = (1949, 2100)
_THOUSANDS = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$")


def _fold(text: object) -> str:
    return unicodedata.normalize("NFKC", str(text)).strip().lower()


def _header_lookup(table: TableDef) -> dict[str, str]:
    out: dict[str, str] = {}
    for c in table.columns:
        for name in (c.name, c.zh, *c.aliases):
            out[_fold(name)] = c.name
    out["unit"] = "unit"
    out["单位"] = "unit"
    out["计量单位"] = "unit"
    return out


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
            out.setdefault(str(r.source_code), (target, t.coefficient_ref(r.source_code)))
            if isinstance(r.source_name_zh, str):
                out.setdefault(r.source_name_zh, (target, t.coefficient_ref(r.source_code)))
    return out


def parse_number(raw: object) -> tuple[float | None, str | None, str | None]:
    """Parse a cell as a number: ``(value, note, error)``.

    Numbers typed as text are accepted with a note, also with thousands separators or
    fullwidth digits; anything else is an error. Empty cells return ``(None, None, None)``.
    """
    if raw is None or (isinstance(raw, float) and math.isnan(raw)):
        return None, None, None
    if isinstance(raw, bool):
        return None, None, "a true/false value is not a number"
    if isinstance(raw, int | float | np.integer | np.floating):
        v = float(raw)
        if not math.isfinite(v):
            return None, None, "not a finite number"
        return v, None, None
    text = str(raw)
    s = unicodedata.normalize("NFKC", text).strip().replace("\u2212", "-")
    if s == "":
        return None, None, None
    note = "number stored as text, read as a number"
    if s != text.strip():
        note = "number typed with fullwidth characters, read as a number"
    if _THOUSANDS.match(s):
        s = s.replace(",", "")
        note = "number with thousands separators, read as a number"
    try:
        v = float(s)
    except ValueError:
        return None, None, f"{text!r} is not a number"
    if not math.isfinite(v):
        return None, None, "not a finite number"
    return v, note, None


def default_where(i: int, column: str | None) -> str:
    return f"frame[{i}]"


def normalise(
    frame: pd.DataFrame,
    table: str | TableDef,
    where: Where = default_where,
    source: str = "frame",
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
    ) -> None:
        issues.append(
            Issue(
                spec.name,
                where(i, col) if i is not None else source,
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
        return _wide_land_cover(frame, spec, mapping, header_units, unknown, where, source, issues)

    for orig in unknown:
        known = [c.name for c in spec.columns] + [c.zh for c in spec.columns]
        add(
            None,
            orig,
            None,
            f"column {orig!r} is not part of table {spec.name!r} and is ignored"
            f"{did_you_mean(orig, known)}",
            "rename or delete the column",
            "warning",
        )
    missing = [c for c in spec.columns if c.required and c.name not in mapping]
    for c in missing:
        add(
            None,
            c.name,
            None,
            f"required column {c.name!r} ({c.zh}) is missing"
            f"{did_you_mean(c.name, unknown + [str(u) for u in unknown])}",
            f"add a column headed {c.name!r} or {c.zh!r}",
        )
    if missing:
        return pd.DataFrame(), issues

    n = len(frame)
    out: dict[str, list] = {c.name: [None] * n for c in spec.columns if c.name in mapping}
    bad_row = np.zeros(n, dtype=bool)
    unit_col = mapping.get("unit")
    row_units = frame[unit_col].tolist() if unit_col is not None else None
    out_units: dict[str, list] = {}

    for c in spec.columns:
        if c.name not in mapping:
            continue
        orig = mapping[c.name]
        cells = frame[orig].tolist()
        if c.kind in ("code", "text", "period"):
            for i, v in enumerate(cells):
                if v is None or (isinstance(v, float) and math.isnan(v)) or str(v).strip() == "":
                    if c.required:
                        add(i, orig, v, f"empty {c.name} ({c.zh})", "fill in the cell")
                        bad_row[i] = True
                    continue
                if isinstance(v, float) and v.is_integer():
                    v = int(v)
                out[c.name][i] = unicodedata.normalize("NFKC", str(v)).strip()
        elif c.kind == "int":
            for i, v in enumerate(cells):
                num, note, err = parse_number(v)
                if num is None and err is None:
                    if c.required:
                        add(i, orig, v, f"empty {c.name} ({c.zh})", "fill in the cell")
                        bad_row[i] = True
                    continue
                if err or not float(num).is_integer():
                    add(i, orig, v, f"{c.name} must be a whole number", "type e.g. 2020")
                    bad_row[i] = True
                    continue
                if note:
                    add(i, orig, v, note, severity="note")
                if c.name in ("year", "price_year") and not YEAR_RANGE[0] <= num <= YEAR_RANGE[1]:
                    add(
                        i,
                        orig,
                        v,
                        f"year {int(num)} is outside {YEAR_RANGE[0]}–{YEAR_RANGE[1]}",
                        "check the year",
                    )
                    bad_row[i] = True
                    continue
                out[c.name][i] = int(num)
        else:  # quantity / number
            units: list[str | None] = [None] * n
            for i, v in enumerate(cells):
                num, note, err = parse_number(v)
                if err:
                    add(i, orig, v, err, "type a plain number, e.g. 1234.5")
                    bad_row[i] = True
                    continue
                if num is None:
                    if c.required:
                        add(
                            i,
                            orig,
                            v,
                            f"empty {c.name} ({c.zh})",
                            "fill in the number (0 if truly zero)",
                        )
                        bad_row[i] = True
                    continue
                if note:
                    add(i, orig, v, note, severity="note")
                if c.name == "area" and num < 0:
                    add(i, orig, v, "negative area", "areas must be ≥ 0")
                    bad_row[i] = True
                    continue
                unit_text = header_units.get(c.name)
                if unit_text is None and row_units is not None:
                    ru = row_units[i]
                    unit_text = None if ru is None or str(ru).strip() in ("", "nan") else str(ru)
                if unit_text is None:
                    unit_text = c.canonical if c.kind == "number" else None
                if unit_text is None:
                    add(
                        i,
                        orig,
                        v,
                        f"no unit for {c.name}",
                        f"put the unit in the header, e.g. '{c.name} ({c.canonical or 'unit'})', "
                        "or in a 'unit' column",
                    )
                    bad_row[i] = True
                    continue
                target = c.canonical or _row_canonical(spec.name, out, i)
                if target is None:
                    units[i] = unit_text  # vocabulary error reported separately
                    out[c.name][i] = num
                    continue
                try:
                    f = factor(unit_text, target)
                except GeepError as exc:
                    add(
                        i,
                        unit_col if header_units.get(c.name) is None and unit_col else orig,
                        unit_text,
                        exc.message,
                        exc.hint or "",
                    )
                    bad_row[i] = True
                    continue
                out[c.name][i] = num * f
                units[i] = target
            out_units[c.name] = units

    _check_vocabulary(spec, out, mapping, add, bad_row)

    result = pd.DataFrame({k: v for k, v in out.items()})
    for col, units in out_units.items():
        col_def = spec.column(col)
        if col_def.canonical is None:
            result[f"{col}_unit"] = units
    result["input_ref"] = [where(i, None) for i in range(n)]
    result = result.loc[~bad_row].reset_index(drop=True)
    result = _check_duplicates(spec, result, add)
    return result, issues


def _row_canonical(table: str, out: dict[str, list], i: int) -> str | None:
    if table == "quantities":
        ind = out.get("indicator", [None])[i]
        d = INDICATORS.get(_canon_indicator(ind)) if ind else None
        return d.quantity_unit if d else None
    if table == "drivers":
        var = out.get("variable", [None])[i]
        return DRIVERS[var][0] if var in DRIVERS else None
    return None


def _canon_indicator(name: str | None) -> str | None:
    if name is None:
        return None
    if name in INDICATORS:
        return name
    return INDICATOR_BY_ZH.get(name)


def _check_vocabulary(
    spec: TableDef, out: dict[str, list], mapping: dict[str, str], add, bad_row: np.ndarray
) -> None:
    if spec.name == "land_cover":
        cw = None
        col = out["land_class"]
        for i, v in enumerate(col):
            if v is None or v in LAND_CLASSES or v in BIOMES:
                continue
            if v in LAND_CLASS_BY_ZH:
                add(
                    i,
                    mapping["land_class"],
                    v,
                    f"Chinese class name read as {LAND_CLASS_BY_ZH[v]!r}",
                    severity="note",
                )
                col[i] = LAND_CLASS_BY_ZH[v]
                continue
            cw = cw or land_class_crosswalk()
            key = v.zfill(4) if v.isdigit() and len(v) == 3 else v
            if key in cw and cw[key][0]:
                add(
                    i,
                    mapping["land_class"],
                    v,
                    f"national class {v!r} mapped to {cw[key][0]!r} by {cw[key][1]}",
                    severity="note",
                )
                col[i] = cw[key][0]
                continue
            add(
                i,
                mapping["land_class"],
                v,
                f"unknown land class {v!r}"
                f"{did_you_mean(v, list(LAND_CLASSES) + list(LAND_CLASS_BY_ZH))}",
                "use a geep class (e.g. forest.broadleaf), its Chinese name, or a GB/T 21010 / "
                "CNLUCC code",
            )
            bad_row[i] = True
    if spec.name == "quantities":
        col = out["indicator"]
        for i, v in enumerate(col):
            if v is None:
                continue
            c = _canon_indicator(v)
            if c is None:
                add(
                    i,
                    mapping["indicator"],
                    v,
                    f"unknown GEP indicator {v!r}"
                    f"{did_you_mean(v, list(INDICATORS) + list(INDICATOR_BY_ZH))}",
                    "see `geep template` for the list of indicators",
                )
                bad_row[i] = True
            elif c != v:
                add(i, mapping["indicator"], v, f"indicator read as {c!r}", severity="note")
                col[i] = c
    if spec.name == "drivers":
        for i, v in enumerate(out["variable"]):
            if v is not None and v not in DRIVERS:
                add(
                    i,
                    mapping["variable"],
                    v,
                    f"unknown driver variable {v!r}{did_you_mean(v, list(DRIVERS))}",
                    "see geep.vocab.DRIVERS",
                )
                bad_row[i] = True


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
            f"duplicate {'/'.join(keys)} {issues_key} in {refs}",
            "keep one row per key (sum the areas yourself if they are parts)",
        )
    # duplicates are errors: they make the input unusable
    return result.loc[~dup].reset_index(drop=True)


def _wide_land_cover(frame, spec, mapping, header_units, unknown, where, source, issues):
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
        long, spec, where=lambda i, c: refs[i] if i is not None else source, source=source
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
