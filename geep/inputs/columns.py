"""Headers of an input table: which column is which, with which unit, and what is missing."""

from __future__ import annotations

import difflib
import unicodedata
from dataclasses import dataclass, field

from ..messages import did_you_mean, text
from ..units import split_header
from .spec import TABLES, ColumnDef, TableDef


def fold(s: object) -> str:
    return unicodedata.normalize("NFKC", str(s)).strip().lower()


_LOOKUPS: dict[int, tuple[TableDef, dict[str, str]]] = {}
UNIT_HEADERS = ("unit", "单位", "计量单位")


def header_lookup(table: TableDef) -> dict[str, str]:
    """``{folded header: canonical column}`` of a table (English, Chinese, aliases, unit)."""
    hit = _LOOKUPS.get(id(table))
    if hit is not None and hit[0] is table:
        return hit[1]
    out: dict[str, str] = {}
    for c in table.columns:
        for name in (c.name, c.zh, *c.aliases):
            out[fold(name)] = c.name
    for u in UNIT_HEADERS:
        out[u] = "unit"
    _LOOKUPS[id(table)] = (table, out)
    return out


def match_column(table: str | TableDef, header: object) -> str | None:
    """Canonical column name that ``header`` stands for in ``table`` (or ``None``).

    ``"面积（亩）"`` → ``"area"``; ``"单位"`` → ``"unit"``; unknown headers → ``None``.
    """
    spec = TABLES[table] if isinstance(table, str) else table
    if header is None or str(header).strip() == "":
        return None
    lookup = header_lookup(spec)
    name, _ = split_header(str(header))
    return lookup.get(fold(name)) or lookup.get(fold(header))


@dataclass
class Headers:
    """The columns of a raw frame, mapped onto a table spec."""

    mapping: dict[str, str] = field(default_factory=dict)  # canonical → original header
    units: dict[str, str] = field(default_factory=dict)  # canonical → unit in the header
    unknown: list[str] = field(default_factory=list)  # original headers matching nothing
    ignored: list[str] = field(default_factory=list)  # headers the spec reads past silently
    twice: list[tuple[str, str, str]] = field(default_factory=list)  # (canonical, first, again)

    @property
    def unit_column(self) -> str | None:
        return self.mapping.get("unit")


def map_headers(spec: TableDef, columns) -> Headers:
    """Map every header of a frame onto the spec (units split off the header text)."""
    lookup = header_lookup(spec)
    skip = {fold(i) for i in spec.ignored}
    h = Headers()
    for orig in columns:
        name, unit = split_header(str(orig))
        canon = lookup.get(fold(name)) or lookup.get(fold(orig))
        if canon is None and (fold(orig) in skip or fold(name) in skip):
            h.ignored.append(str(orig))
        elif canon is None:
            h.unknown.append(str(orig))
        elif canon in h.mapping:
            h.twice.append((canon, h.mapping[canon], str(orig)))
        else:
            h.mapping[canon] = orig
            if unit:
                h.units[canon] = unit
    return h


def closest_header(col: ColumnDef, headers: list[str]) -> str | None:
    """The unknown header most like column ``col`` (English, Chinese or alias), if any."""
    best: tuple[float, str] | None = None
    for h in headers:
        for name in (col.name, col.zh, *col.aliases):
            r = difflib.SequenceMatcher(None, fold(h), fold(name)).ratio()
            if r >= 0.6 and (best is None or r > best[0]):
                best = (r, h)
    return best[1] if best else None


def missing_columns(spec: TableDef, h: Headers) -> list[tuple[ColumnDef, str | None, object]]:
    """Required columns absent from the headers: ``(column, closest unknown header, problem)``."""
    out = []
    bare = {split_header(u)[0]: u for u in h.unknown}
    for c in spec.columns:
        if c.required and c.name not in h.mapping:
            near = closest_header(c, list(bare))
            problem = text("in.column_missing", column=c.name, zh=c.zh)
            if near:
                problem = problem + text("did_you_mean", options=repr(near))
            out.append((c, bare[near] if near else None, problem))
    return out


def ignored_problem(spec: TableDef, orig: str) -> object:
    known = [c.name for c in spec.columns] + [c.zh for c in spec.columns]
    return text("in.column_ignored", column=orig, table=spec.name) + did_you_mean(orig, known)


__all__ = ["Headers", "closest_header", "fold", "map_headers", "match_column", "missing_columns"]
