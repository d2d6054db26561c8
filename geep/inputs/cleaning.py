"""Cell values as the normaliser reads them: text cleaned, codes checked, numbers parsed.

Text is NFKC-normalised and stripped of format characters (zero-width spaces, BOMs, bidi
marks), so that ``140105`` typed three different ways is one code; what is still not a plain
ASCII code where a code is expected (a Cyrillic О in ``14О105``) is an error at its cell.
Numbers typed as text are accepted with a note (thousands separators, fullwidth digits); a
grouping comma that could be a decimal comma (``1,500`` in a semicolon-separated export) is
an error unless the user said which separator is the decimal one. Every distinct cell is
cleaned once.
"""

from __future__ import annotations

import math
import re
import unicodedata

import numpy as np
import pandas as pd

from ..messages import text

_THOUSANDS = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$")
_EURO = re.compile(r"^[+-]?\d{1,3}(\.\d{3})*(,\d+)?$")
_CODE = re.compile(r"^[A-Za-z0-9_.\-]+$")
#: characters removed from text cells (format characters: zero-width, BOM, bidi marks)
_FORMAT = {"Cf"}
#: longest text accepted in a cell (a 5 MB string is an error, not a label)
MAX_CELL_TEXT = 10_000


#: what a spreadsheet would run as a formula; geep's writers put a ``'`` before such text
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def clean_text(v: object) -> str | None:
    """NFKC text without format characters and surrounding space (``None`` if empty).

    A leading ``'`` before a formula-like text is the mark geep's writers put on it
    (``'@issuance`` in an exported journal) and is removed, so that what geep wrote reads
    back as it was.
    """
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return None
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    t = unicodedata.normalize("NFKC", str(v))
    if any(unicodedata.category(ch) in _FORMAT for ch in t):
        t = "".join(ch for ch in t if unicodedata.category(ch) not in _FORMAT)
    t = t.strip()
    if t.startswith("'") and t[1:2] in _FORMULA_START and t[1:2]:
        t = t[1:]
    return t if t and t.lower() != "nan" else None


def text_column(col: pd.Series) -> tuple[pd.Categorical, np.ndarray, list]:
    """Cleaned text of a column (a categorical), the empty cells, and for every distinct cell
    whose cleaning changed more than spacing ``(category, raw, rows)``: its cleaned category,
    the raw value and the rows that hold it."""
    codes, uniq = pd.factorize(col, use_na_sentinel=True)
    clean = [clean_text(v) for v in uniq]
    changed = [
        k
        for k, (v, c) in enumerate(zip(uniq, clean, strict=True))
        if c is not None and isinstance(v, str) and c != v.strip() and not _only_width(v, c)
    ]
    remap, cats = pd.factorize(pd.Series(clean, dtype=object), use_na_sentinel=True)
    new_codes = np.append(remap, -1)[codes] if len(codes) else codes
    cat = pd.Categorical.from_codes(new_codes, categories=pd.Index(cats, dtype=object))
    rows = [(int(remap[k]), uniq[k], np.flatnonzero(codes == k)) for k in changed]
    return cat, np.asarray(new_codes == -1, dtype=bool), rows


def _only_width(raw: str, clean: str) -> bool:
    """Fullwidth digits and letters are a normal way of typing, not a look-alike (nor is the
    ``'`` geep's writers put before a formula-like text)."""
    t = unicodedata.normalize("NFKC", raw).strip()
    return t == clean or (t.startswith("'") and t[1:] == clean)


def bad_code(code: str, what: str | None = None) -> object | None:
    """Why ``code`` (already cleaned) is not a plain code, or ``None``.

    ``what`` is the message code of what kind of id it is (``"obs.what.section"``): such ids
    follow :data:`geep.ids.ID_PATTERN` and are named as ids of that kind.
    """
    if what is not None:
        from ..ids import id_problem

        bad = id_problem(code)
        if bad is None:
            return None
        return text("in.id_character", what=text(what), value=code, char=bad[0], name=bad[1])
    if _CODE.match(code):
        return None
    odd = next((ch for ch in code if not _CODE.match(ch)), "?")
    name = unicodedata.name(odd, f"U+{ord(odd):04X}")
    return text("in.code_character", value=code, char=odd, name=name, point=f"U+{ord(odd):04X}")


def parse_number(raw: object, decimal: str | None = None, ambiguous: bool = False):
    """Parse a cell as a number: ``(value, note, error)``.

    Parameters
    ----------
    decimal
        The decimal separator the user declared (``"."`` or ``","``), if any.
    ambiguous
        The file's layout makes a comma ambiguous (a semicolon-separated CSV, where ``1,500``
        is as likely 1.5 as 1500): a comma is then an error unless ``decimal`` is given.

    Empty cells return ``(None, None, None)``.
    """
    if raw is None or (isinstance(raw, float) and math.isnan(raw)):
        return None, None, None
    if isinstance(raw, bool):
        return None, None, text("in.bool")
    if isinstance(raw, int | float | np.integer | np.floating):
        v = float(raw)
        return (v, None, None) if math.isfinite(v) else (None, None, text("in.not_finite"))
    t = str(raw)
    if len(t) > MAX_CELL_TEXT:
        return None, None, text("in.cell_too_long", n=len(t))
    s = unicodedata.normalize("NFKC", t).strip().replace("\u2212", "-")
    if s == "":
        return None, None, None
    note = text("in.text_number") if s == t.strip() else text("in.fullwidth_number")
    if decimal == ",":
        if _EURO.match(s) or re.fullmatch(r"[+-]?\d+(,\d+)?", s):
            s, note = s.replace(".", "").replace(",", "."), text("in.decimal_comma")
    elif "," in s:
        if ambiguous and decimal is None:
            return None, None, text("in.ambiguous_comma", text=t)
        if _THOUSANDS.match(s):
            s, note = s.replace(",", ""), text("in.thousands")
    try:
        v = float(s)
    except ValueError:
        return None, None, text("in.not_number", text=t[:80])
    if not math.isfinite(v):
        return None, None, text("in.not_finite")
    return v, note, None


def number_column(col: pd.Series, decimal: str | None = None, ambiguous: bool = False):
    """Parse a column of numbers: values (NaN where empty or bad), empty mask, errors and
    notes ``{row: (raw, text)}``. Numeric columns are checked vectorised; text cells are parsed
    once per distinct value."""
    errs: dict[int, tuple[object, object]] = {}
    notes: dict[int, tuple[object, object]] = {}
    if pd.api.types.is_numeric_dtype(col) and not pd.api.types.is_bool_dtype(col):
        nums = col.to_numpy(dtype=float, na_value=np.nan)
        inf = np.isinf(nums)
        for i in np.flatnonzero(inf):
            errs[int(i)] = (col.iloc[i], text("in.not_finite"))
        return np.where(inf, np.nan, nums), np.isnan(nums) & ~inf, errs, notes
    codes, uniq = pd.factorize(col, use_na_sentinel=True)
    parsed = np.full(len(uniq) + 1, np.nan)
    kinds: list[tuple[object, object]] = []
    for k, v in enumerate(uniq):
        num, note, err = parse_number(v, decimal, ambiguous)
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
            (errs if err else notes)[int(i)] = (col.iloc[i], err or note)
    return nums, empty, errs, notes


__all__ = ["MAX_CELL_TEXT", "bad_code", "clean_text", "number_column", "parse_number",
           "text_column"]  # fmt: skip
