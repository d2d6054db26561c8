"""The :class:`Account`: a SEEA account as a long table, a cube, metadata, checks and notes.

Every SEEA function of geep returns an Account. ``.long`` is the tidy result in the contract
columns; ``.cube`` holds every cell of every table (the layouts render from it, also after a
round trip through :meth:`Account.to_csv` / :func:`read_cube`); ``.checks`` lists the
identities tested with their residuals; ``.metadata`` has one record per table
(classification, area method, price basis, valuation technique, discount rate and life,
status); ``.notes`` say what the account can and cannot tell.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from ..errors import InputError
from ..messages import Text, text
from ..status import worst
from .layouts import layout, table_title
from .vocab import CHECK_COLUMNS, CUBE_COLUMNS, TOTAL


class Note:
    """A note read back from a file: both languages, rendered in the active one."""

    __slots__ = ("en", "zh")

    def __init__(self, en: str, zh: str) -> None:
        self.en, self.zh = en, zh

    def __str__(self) -> str:
        from ..messages import language

        return self.zh if language() == "zh" else self.en

    def __repr__(self) -> str:
        return f"Note({self.en!r})"


def render_both(note: Any) -> dict[str, str]:
    """``{"en": ..., "zh": ...}`` of a note (a catalogue text, a :class:`Note` or plain text)."""
    if isinstance(note, Note):
        return {"en": note.en, "zh": note.zh}
    if isinstance(note, Text):
        return {"en": note.render("en"), "zh": note.render("zh")}
    return {"en": str(note), "zh": str(note)}


@dataclass(eq=False)
class Account:
    """A SEEA account (extent, condition, supply and use, assets) or the ESV change analysis.

    Attributes
    ----------
    kind
        ``extent``, ``condition``, ``supply_use``, ``assets`` or ``esv_change``.
    long
        The result as a tidy table (columns depend on the kind; see the function).
    cube
        Every cell: ``account, table, row_code, column_code, region_code, period, value,
        unit, flags``.
    metadata
        ``{table: {field: value}}``.
    checks
        The identities tested: ``table, identity, region_code, period, column_code, lhs, rhs,
        residual, tolerance, ok``.
    notes
        What the account assumes or cannot tell (rendered in the active language).
    """

    kind: str
    long: pd.DataFrame
    cube: pd.DataFrame
    metadata: dict[str, dict[str, Any]] = field(default_factory=dict)
    checks: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=list(CHECK_COLUMNS)))
    notes: list[Any] = field(default_factory=list)

    # --- views ----------------------------------------------------------------------
    @property
    def tables(self) -> list[str]:
        """Table ids in the cube, in order (e.g. ``["4.1", "4.2"]``)."""
        return list(pd.unique(self.cube["table"]))

    def layout(self, table: str | None = None) -> pd.DataFrame:
        """The fixed layout of ``table`` (default: the first table), rendered from the cube."""
        t = table or self.tables[0]
        if t not in self.tables:
            raise InputError(
                text("seea.no_table", table=t, tables=", ".join(self.tables)),
                hint=text("seea.hint_no_table"),
            )
        return layout(self.cube, t)

    @property
    def ok(self) -> bool:
        """True if every identity holds."""
        return bool(self.checks["ok"].astype(bool).all()) if len(self.checks) else True

    @property
    def failed(self) -> pd.DataFrame:
        """The identity checks that failed (empty when the account is consistent)."""
        return self.checks[~self.checks["ok"].astype(bool)]

    @property
    def status(self) -> str:
        """The worst status of the tables (``released`` < ``provisional`` < ``draft``)."""
        return worst(m.get("status", "released") for m in self.metadata.values())

    def __getitem__(self, key):
        return self.long[key]

    def __len__(self) -> int:
        return len(self.long)

    @property
    def columns(self) -> pd.Index:
        """The columns of :attr:`long`."""
        return self.long.columns

    # --- files ----------------------------------------------------------------------
    def to_excel(self, path: str | Path, lang: str = "en") -> Path:
        """Write one sheet per table (SEEA table numbers in the sheet titles, bilingual
        labels), the identity checks, the metadata, the notes and the cube, atomically."""
        from .excel import write_account

        return write_account(self, path, lang=lang)

    def to_csv(self, path: str | Path) -> Path:
        """Write the cube as CSV (UTF-8 with BOM) and ``<path>.meta.json`` (kind, metadata,
        checks, notes), atomically and reproducibly."""
        from .files import write_cube

        return write_cube(self, path)

    def meta_record(self) -> dict[str, Any]:
        """Kind, metadata, notes (both languages) and checks, JSON-serialisable."""
        from .. import __version__

        return {
            "kind": self.kind,
            "geep_version": __version__,
            "metadata": self.metadata,
            "notes": [render_both(n) for n in self.notes],
            "checks_ok": self.ok,
        }

    # --- display --------------------------------------------------------------------
    def _headline(self) -> str:
        regions = self.cube["region_code"].nunique()
        periods = ", ".join(map(str, pd.unique(self.cube["period"])[:4]))
        state = "identities hold" if self.ok else f"{len(self.failed)} identity check(s) FAILED"
        status = "" if self.status == "released" else f" [{self.status.upper()}]"
        return (
            f"{type(self).__name__}{status} ({self.kind}): tables {', '.join(self.tables)}; "
            f"{regions} region(s); period(s) {periods}; {state}"
        )

    def __repr__(self) -> str:
        with pd.option_context("display.width", 120, "display.max_columns", 12):
            body = self.layout().drop(columns=["label_zh", "flags"], errors="ignore").head(12)
            text_ = body.to_string(index=False, float_format=lambda v: f"{v:,.2f}")
        notes = "".join(f"\n  ! {n}" for n in self.notes[:5])
        return f"{self._headline()}\n{text_}{notes}"

    def _repr_html_(self) -> str:
        head = html.escape(self._headline())
        body = self.layout().head(30).to_html(index=False, float_format=lambda v: f"{v:,.2f}")
        notes = "".join(f"<li>{html.escape(str(n))}</li>" for n in self.notes[:10])
        return f"<p><b>{head}</b></p>{body}" + (f"<ul>{notes}</ul>" if notes else "")

    def title(self, table: str, lang: str = "en") -> str:
        """Title of ``table`` with its SEEA number."""
        return table_title(table, lang)


class ExtentAccount(Account):
    """Extent account (Table 4.1) and, from a change matrix, Table 4.2."""

    def __init__(self, *, transitions: pd.DataFrame | None = None, **kw: Any) -> None:
        super().__init__(kind="extent", **kw)
        self.transitions = transitions

    def matrix(
        self, region_code: str | None = None, period: str | tuple | None = None
    ) -> pd.DataFrame:
        """The change matrix (rows = opening type, columns = closing type, with totals).

        ``period`` is ``"2000-2010"`` or ``(2000, 2010)``; both may be omitted when the
        account has one region and one period.
        """
        m = self.cube[self.cube["table"] == "4.2"]
        if m.empty:
            raise InputError(text("seea.no_matrix"), hint=text("seea.hint_no_matrix"))
        if isinstance(period, tuple):
            period = f"{int(period[0])}-{int(period[1])}"
        sel = m
        if region_code is not None:
            sel = sel[sel["region_code"] == str(region_code)]
        if period is not None:
            sel = sel[sel["period"] == str(period)]
        groups = sel[["region_code", "period"]].drop_duplicates()
        if len(groups) != 1:
            raise InputError(
                text("seea.pick_matrix", n=len(groups),
                     options=", ".join(f"{r} {p}" for r, p in groups.head(6).itertuples(index=False))),
                hint=text("seea.hint_pick_matrix"),
            )  # fmt: skip
        wide = layout(sel, "4.2").set_index("row_code")
        keep = [c for c in wide.columns if c in set(sel["column_code"])]
        out = wide[keep]
        out.index.name, out.columns.name = "from_class", "to_class"
        return out


class AssetAccount(Account):
    """Monetary ecosystem asset account (Table 10.1) and the asset values by year."""

    def __init__(self, *, values: pd.DataFrame | None = None, **kw: Any) -> None:
        super().__init__(kind="assets", **kw)
        self.values = values


def read_cube(path: str | Path) -> Account:
    """Read an account written by :meth:`Account.to_csv` (the cube and its ``.meta.json``).

    Every layout renders from the cube read back; the identity checks are recomputed.
    """
    from .files import read_cube_file

    return read_cube_file(path)


def from_cube(cube: pd.DataFrame, meta: dict[str, Any]) -> Account:
    """An :class:`Account` from a cube and a meta record (checks recomputed from the cube)."""
    from .cube import categorical
    from .identities import asset_checks, change_checks, extent_checks, supply_use_checks

    cube = cube[list(CUBE_COLUMNS)].copy()
    for c in CUBE_COLUMNS:  # text as categoricals, as the accounts make them
        if c != "value":
            cube[c] = categorical(cube[c].to_numpy(dtype=object))
    kind = meta.get("kind") or str(cube["account"].iloc[0])
    checks = {
        "extent": extent_checks,
        "assets": asset_checks,
        "esv_change": change_checks,
    }.get(kind)
    if kind == "supply_use":
        from .supply_use import PAIRS

        chk = supply_use_checks(cube, PAIRS)
    elif kind == "extent":
        tol = meta.get("metadata", {}).get("4.1", {}).get("area_tolerance", 1e-9)
        chk = extent_checks(cube, float(tol))
    else:
        chk = checks(cube) if checks else pd.DataFrame(columns=list(CHECK_COLUMNS))
    notes = [Note(n.get("en", ""), n.get("zh", "")) for n in meta.get("notes", [])]
    cls = {"extent": ExtentAccount, "assets": AssetAccount}.get(kind)
    kw = {"long": _long_from_cube(cube), "cube": cube[list(CUBE_COLUMNS)],
          "metadata": meta.get("metadata", {}), "checks": chk, "notes": notes}  # fmt: skip
    return cls(**kw) if cls else Account(kind=kind, **kw)


def _long_from_cube(cube: pd.DataFrame) -> pd.DataFrame:
    """The cube itself stands for ``long`` after a round trip (without totals)."""
    keep = (cube["column_code"] != TOTAL) & (cube["row_code"] != TOTAL)
    return cube[keep].reset_index(drop=True)


def dumps(obj: Any) -> str:
    """Stable JSON text (sorted keys, UTF-8 characters kept) of a meta record."""
    return json.dumps(obj, ensure_ascii=False, indent=2, sort_keys=True, default=str) + "\n"
