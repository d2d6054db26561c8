"""What every section of the report needs: the lines, names, money, hierarchy and notes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from html import escape
from typing import Any

import pandas as pd

from ..errors import InputError
from ..ledger import Ledger
from ..messages import msg, text
from .labels import Display, display
from .regions import Hierarchy
from .tables import Money, money_groups


@dataclass
class Source:
    """A ledger given to the report and where it came from (file name and SHA-256)."""

    ledger: Ledger
    label: str
    sha256: str | None = None


@dataclass
class Context:
    """The report's view of its ledgers (one merged ledger; per-source provenance)."""

    ledger: Ledger
    sources: list[Source]
    lang: str
    hierarchy: Hierarchy | None
    regions: pd.DataFrame | None
    money: list[Money]
    top: int = 20
    notes: list[str] = field(default_factory=list)

    def money_of(self, account: str) -> Money:
        return next(m for m in self.money if account in m.accounts)

    def display_of(self, account: str) -> Display:
        m = self.money_of(account)
        return display(m.unit, m.price_year)

    @property
    def accounts(self) -> list[str]:
        order = ("GEEP", "GEP", "ESV", "BT")
        have = sorted({a for m in self.money for a in m.accounts})
        return sorted(have, key=lambda a: (order.index(a) if a in order else 9, a))

    @property
    def years(self) -> list[int]:
        return self.ledger.years

    def names(self) -> dict[str, str]:
        """Display name of each region: the ledger's, else the hierarchy's; under English the
        English name (where known) after it."""
        f = self.ledger._lines[["region_code", "region_name"]].drop_duplicates("region_code")
        own = {str(c): n for c, n in zip(f["region_code"], f["region_name"], strict=True)
               if isinstance(n, str) and n}  # fmt: skip
        zh = self.hierarchy.names("zh") if self.hierarchy else {}
        en = self.hierarchy.names("en") if self.hierarchy else {}
        out = {}
        for c in map(str, f["region_code"]):
            name = own.get(c) or zh.get(c, "")
            if self.lang == "en" and en.get(c) and en[c] != name:
                name = f"{name} ({en[c]})" if name else en[c]
            out[c] = name
        return out

    def parent_names(self, level: str = "city") -> dict[str, str]:
        """``{code: name of its parent at level}`` where the hierarchy knows it."""
        if self.hierarchy is None:
            return {}
        from .regions import parents

        lv, zh = self.hierarchy.level, self.hierarchy.names("zh")
        codes = [c for c in self.ledger._lines["region_code"].astype(str).unique()
                 if lv.get(c) == "county"]  # fmt: skip
        try:
            up = parents(codes, level, self.hierarchy)
        except InputError:
            return {}
        return {c: zh.get(p, p) for c, p in up.items()}


def check_overlap(sources: Sequence[Source]) -> None:
    """Two ledgers with lines for the same region, year and account would be counted twice.

    Raises
    ------
    InputError
        Naming both files and the first shared region-year-account.
    """
    parts = []
    for i, s in enumerate(sources):
        f = s.ledger._lines
        parts.append(pd.DataFrame({"r": f["region_code"].astype(str).to_numpy(),
                                   "y": f["year"].to_numpy(),
                                   "a": f["account"].astype(str).to_numpy()}
                                  ).drop_duplicates().assign(s=i))  # fmt: skip
    if len(parts) < 2:
        return
    keys = pd.concat(parts, ignore_index=True)
    dup = keys[keys.duplicated(["r", "y", "a"], keep=False)]
    if dup.empty:
        return
    r, y, a = dup.iloc[0][["r", "y", "a"]]
    both = dup[(dup["r"] == r) & (dup["y"] == y) & (dup["a"] == a)]["s"].tolist()
    first, second = sources[both[0]].label, sources[both[1]].label
    raise InputError(
        text("report.overlap", a=first, b=second, region=r, year=int(y), account=a),
        hint=text("report.hint_overlap"),
        file=second,
    )


def build_context(
    sources: Sequence[Source],
    lang: str,
    hierarchy: Hierarchy | None,
    regions: pd.DataFrame | None,
    top: int,
) -> Context:
    """Merge the ledgers (after :func:`check_overlap`) into one :class:`Context`."""
    if not sources:
        raise InputError(text("report.no_ledgers"))
    check_overlap(sources)
    ledger = Ledger.concat([s.ledger for s in sources])
    return Context(ledger, list(sources), lang, hierarchy, regions, money_groups(ledger), top)


def section(anchor: str, title: str, body: str, cls: str = "") -> str:
    """A ``<section>`` with a heading the table of contents links to."""
    c = f' class="{cls}"' if cls else ""
    return (f'<section id="{anchor}"{c}><h2>{escape(title)}</h2>{body}</section>')  # fmt: skip


def note(s: Any, cls: str = "note") -> str:
    return f'<p class="{cls}">{escape(str(s))}</p>'


def caption(key: str, **kw: Any) -> str:
    return escape(msg(key, **kw))


__all__ = ["Context", "Source", "build_context", "caption", "check_overlap", "note", "section"]
