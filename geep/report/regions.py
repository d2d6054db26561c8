"""The region hierarchy behind names and roll-ups: ``regions-shanxi``, or a table you give.

A hierarchy is a table ``region_code, parent_code`` with optional ``region_name``,
``region_name_en`` and ``level``. Levels are ``county`` (districts, counties, county-level
cities and the functional zones whose statistical codes end in 71), ``city`` (prefecture level)
and ``province``; without a ``level`` column they follow from the six-digit GB/T 2260 code
(``xx0000`` province, ``xxxx00`` city, else county).

References
----------
.. [1] GB/T 2260-2007 中华人民共和国行政区划代码 (codes of the administrative divisions of
   the People's Republic of China): six digits, province · prefecture · county.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import pandas as pd

from ..errors import InputError
from ..messages import text

#: roll-up levels, from the bottom
LEVELS = ("county", "city", "province")
_RANK = {lv: i for i, lv in enumerate(LEVELS)}
#: level words of the catalogue table (and common synonyms) → roll-up level
_LEVEL_OF = {
    "county": "county",
    "zone": "county",
    "district": "county",
    "city": "city",
    "prefecture": "city",
    "province": "province",
}
_GB2260 = re.compile(r"^\d{6}$")
#: how many codes an error lists
SHOW = 10


@dataclass(frozen=True)
class Hierarchy:
    """Region codes with parent, level and names; where they come from.

    ``frame`` holds ``region_code, region_name, region_name_en, parent_code, level`` (text;
    level one of :data:`LEVELS`), one row per code. For a hierarchy from the catalogue, the
    ``table@edition`` reference, content hash and status of that table are kept beside it
    (empty, empty and ``"released"`` for a table you gave).
    """

    frame: pd.DataFrame
    ref: str | None = None
    sha256: str | None = None
    status: str = "released"

    @property
    def parent(self) -> dict[str, str]:
        f = self.frame
        has = f["parent_code"].astype(str).str.len() > 0
        return dict(zip(f.loc[has, "region_code"], f.loc[has, "parent_code"], strict=True))

    @property
    def level(self) -> dict[str, str]:
        return dict(zip(self.frame["region_code"], self.frame["level"], strict=True))

    def names(self, lang: str = "zh") -> dict[str, str]:
        """``{code: name}``: Chinese names, or English ones where known under ``lang="en"``."""
        f = self.frame
        zh = dict(zip(f["region_code"], f["region_name"], strict=True))
        if lang != "en":
            return {k: v for k, v in zh.items() if v}
        en = dict(zip(f["region_code"], f["region_name_en"], strict=True))
        return {k: en.get(k) or v for k, v in zh.items() if en.get(k) or v}


def level_of_code(code: str) -> str | None:
    """Level of a six-digit GB/T 2260 code (``None`` for any other code)."""
    if not _GB2260.match(code):
        return None
    if code.endswith("0000"):
        return "province"
    return "city" if code.endswith("00") else "county"


def _text(col: pd.Series) -> pd.Series:
    return col.astype(object).where(col.notna(), "").astype(str).str.strip()


def from_frame(frame: pd.DataFrame) -> Hierarchy:
    """A :class:`Hierarchy` from a table ``region_code, parent_code[, region_name, level]``.

    Raises
    ------
    InputError
        Columns missing, a code listed twice, a level that is not county/city/province, or a
        code whose level can neither be read nor derived from GB/T 2260.
    """
    for col in ("region_code", "parent_code"):
        if col not in frame.columns:
            raise InputError(
                text("report.hierarchy_column", column=col), hint=text("report.hint_hierarchy")
            )
    f = pd.DataFrame({"region_code": _text(frame["region_code"]),
                      "parent_code": _text(frame["parent_code"])})  # fmt: skip
    for col in ("region_name", "region_name_en"):
        f[col] = _text(frame[col]) if col in frame.columns else ""
    dup = sorted(f.loc[f["region_code"].duplicated(), "region_code"].unique())
    if dup:
        raise InputError(text("report.hierarchy_twice", codes=", ".join(dup[:SHOW])),
                         column="region_code")  # fmt: skip
    given = _text(frame["level"]) if "level" in frame.columns else pd.Series("", index=f.index)
    level = given.str.lower().map(_LEVEL_OF)
    bad = given.ne("") & level.isna()
    if bad.any():
        raise InputError(
            text("report.hierarchy_level", values=", ".join(sorted(set(given[bad])))[:200]),
            hint=text("report.hint_hierarchy"),
            column="level",
        )
    derived = f["region_code"].map(level_of_code)
    level = level.fillna(derived)
    unknown = f.loc[level.isna(), "region_code"].tolist()
    if unknown:
        raise InputError(text("report.hierarchy_no_level", codes=", ".join(unknown[:SHOW])),
                         hint=text("report.hint_hierarchy"), column="level")  # fmt: skip
    f["level"] = level.to_numpy()
    return Hierarchy(f[["region_code", "region_name", "region_name_en", "parent_code", "level"]])


def shanxi() -> Hierarchy:
    """The shipped hierarchy of Shanxi (``regions-shanxi``: province, 11 cities, 117 counties
    and 4 functional zones). Provisional: its codes are from a secondary source."""
    from .. import coefficients

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the status travels with the hierarchy instead
        t = coefficients.load("regions-shanxi")
    h = from_frame(t.data.rename(columns={"region_name_zh": "region_name"}))
    return Hierarchy(h.frame, t.ref, t.sha256, t.status)


def hierarchy(regions: pd.DataFrame | Hierarchy | None = None) -> Hierarchy:
    """``regions`` as a :class:`Hierarchy` (default: :func:`shanxi`)."""
    if isinstance(regions, Hierarchy):
        return regions
    return shanxi() if regions is None else from_frame(regions)


def extend(h: Hierarchy, regions: pd.DataFrame | None) -> Hierarchy:
    """``h`` plus the codes of an input ``regions`` table (``parent_code``) it does not know.

    Raises
    ------
    InputError
        If the table gives a region another parent than ``h`` does (two sources, two
        statements: an error, not a choice).
    """
    if regions is None or "parent_code" not in regions.columns:
        return h
    own = from_frame(regions).frame
    own = own[own["parent_code"] != ""]
    known = dict(zip(h.frame["region_code"], h.frame["parent_code"], strict=True))
    clash = [(c, p, known[c]) for c, p in zip(own["region_code"], own["parent_code"], strict=True)
             if c in known and known[c] != p]  # fmt: skip
    if clash:
        shown = "; ".join(f"{c}: {p} / {q}" for c, p, q in clash[:SHOW])
        raise InputError(text("report.hierarchy_clash", ref=h.ref or "", pairs=shown),
                         hint=text("report.hint_hierarchy_clash"), column="parent_code")  # fmt: skip
    new = own[~own["region_code"].isin(known)]
    if new.empty:
        return h
    return Hierarchy(pd.concat([h.frame, new], ignore_index=True), h.ref, h.sha256, h.status)


def parents(codes: Iterable[str], to: str, h: Hierarchy) -> dict[str, str]:
    """``{code: its region at level to}`` for every code.

    Raises
    ------
    InputError
        If ``to`` is not a level; codes the hierarchy does not know; codes above ``to`` (a
        city cannot be split into counties); codes whose chain of parents never reaches ``to``.
    """
    if to not in _RANK:
        raise InputError(text("report.bad_level", level=to, levels=", ".join(LEVELS)))
    codes = sorted(set(map(str, codes)))
    level, parent = h.level, h.parent
    unknown = [c for c in codes if c not in level]
    if unknown:
        raise InputError(
            text("report.unknown_regions", codes=", ".join(unknown[:SHOW]), n=len(unknown),
                 ref=h.ref or "the hierarchy"),
            hint=text("report.hint_unknown_regions"), column="region_code",
        )  # fmt: skip
    above = [c for c in codes if _RANK[level[c]] > _RANK[to]]
    if above:
        raise InputError(text("report.above_level", codes=", ".join(above[:SHOW]), level=to),
                         hint=text("report.hint_above_level"), column="region_code")  # fmt: skip
    out: dict[str, str] = {}
    broken: list[str] = []
    for c in codes:
        r, seen = c, {c}
        while level.get(r) is not None and _RANK[level[r]] < _RANK[to] and parent.get(r):
            r = parent[r]
            if r in seen:  # a loop in the table
                break
            seen.add(r)
        if level.get(r) == to:
            out[c] = r
        else:
            broken.append(c)
    if broken:
        raise InputError(text("report.no_parent", codes=", ".join(broken[:SHOW]), level=to),
                         hint=text("report.hint_hierarchy"), column="parent_code")  # fmt: skip
    return out


def nested(codes: Iterable[str], h: Hierarchy) -> list[tuple[str, str]]:
    """Pairs ``(code, ancestor)`` where both are among ``codes`` (summing them counts the
    part twice)."""
    codes = set(map(str, codes))
    parent = h.parent
    pairs = []
    for c in sorted(codes):
        r, seen = parent.get(c), {c}
        while r and r not in seen:
            if r in codes:
                pairs.append((c, r))
                break
            seen.add(r)
            r = parent.get(r)
    return pairs


def region_names(
    ledger_names: Mapping[str, str], codes: Iterable[str], h: Hierarchy, lang: str = "zh"
) -> dict[str, str]:
    """Names of ``codes``: the ledger's where it has one, else the hierarchy's."""
    known = h.names(lang)
    out = {}
    for c in map(str, codes):
        name = ledger_names.get(c)
        out[c] = name if isinstance(name, str) and name else known.get(c, "")
    return out


__all__ = [
    "LEVELS",
    "Hierarchy",
    "extend",
    "from_frame",
    "hierarchy",
    "level_of_code",
    "nested",
    "parents",
    "region_names",
    "shanxi",
]
