"""Which table a sheet (or a CSV file stem) holds, from its name.

A table's sheet is named by its English or Chinese name or one of the names its spec lists
(:attr:`~geep.inputs.spec.TableDef.sheets`); a longer name that contains one of them as a
token (``土地覆被 land_cover``, ``2020年土地覆被``) counts too. The input tables of DESIGN §4 are
the default set; a domain workbook (a trading journal, compensation inputs) passes its own.
"""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Mapping

from ..inputs.spec import TABLES, TableDef

#: sheets of geep's own workbooks that are not input tables (skipped silently)
AUX_SHEETS = frozenset({"instructions", "说明", "填表说明", "_lists", "_geep_meta", "lists"})

Tables = Mapping[str, TableDef]


def _fold(s: str) -> str:
    return unicodedata.normalize("NFKC", s).strip().lower().replace(" ", "_").replace("-", "_")


def _names(tables: Tables | None = None) -> dict[str, str]:
    out: dict[str, str] = {}
    for t, spec in (tables if tables is not None else TABLES).items():
        for n in (t, spec.zh, *spec.sheets):
            out[_fold(n)] = t
    return out


def table_for_sheet(title: str, tables: Tables | None = None) -> str | None:
    """Table a sheet name stands for: ``land_cover``, ``土地覆被``, ``土地覆被 land_cover``."""
    names = _names(tables)
    f = _fold(title)
    if f in names:
        return names[f]
    for token in f.replace("（", "(").replace("(", "_").replace(")", "_").split("_"):
        if token and token in names:
            return names[token]
    # Chinese names inside a longer name, e.g. "2020年土地覆被" or "土地覆被land_cover"
    hits = {t for n, t in names.items() if not n.isascii() and len(n) > 1 and n in f}
    return hits.pop() if len(hits) == 1 else None


def is_exact_sheet_name(title: str, tables: Tables | None = None) -> bool:
    """True if ``title`` is a table's English or Chinese name or alias (not a partial match)."""
    return _fold(title) in _names(tables)


def sheet_suggestion(title: str, tables: Tables | None = None) -> str | None:
    """The table name closest to an unknown sheet name (``None`` if nothing is close)."""
    names = _names(tables)
    close = difflib.get_close_matches(_fold(title), list(names), n=1, cutoff=0.75)
    return names[close[0]] if close else None


#: other sheet names of the input tables (kept for callers; the specs hold them)
SHEET_ALIASES: dict[str, tuple[str, ...]] = {t: spec.sheets for t, spec in TABLES.items()}

__all__ = ["AUX_SHEETS", "SHEET_ALIASES", "is_exact_sheet_name", "sheet_suggestion",
           "table_for_sheet"]  # fmt: skip
