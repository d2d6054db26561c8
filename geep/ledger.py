"""The :class:`Ledger`: a tidy table of valued lines, with provenance, views and checks.

One row per (region, year, line) with the contract columns of DESIGN §5. Values are signed
money at an explicit ``price_year``; every line names its coefficient (``table@edition#row``)
and its input (``file!sheet!cell`` or ``frame[row]``). Text columns are categoricals.

Ledgers built by geep's methods (:func:`geep.methods.assemble.assemble`) are trusted as they
come; frames from outside are normalised and type-checked (:func:`geep.ledger_frame.normalise_lines`).
"""

from __future__ import annotations

import html
import json
import math
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from . import _formats
from ._version import __version__
from .errors import InputError, PriceYearError
from .ledger_checks import CheckResult, check, compare_lines
from .ledger_frame import (
    ACCOUNTS,
    CATEGORY_ORDER,
    COLUMNS,
    TEXT_COLUMNS,
    canonical_categories,
    concat_lines,
    const_column,
    in_ledger_order,
    merge_meta,
    normalise_lines,
    sort_order,
)
from .messages import text
from .status import STATUS_RANK as _STATUS_RANK


class Ledger:
    """A ledger of valued lines.

    Parameters
    ----------
    lines
        DataFrame with at least the columns of :data:`COLUMNS` (extra columns are kept).
    meta
        Provenance: ``profile``, ``status`` (``released``/``provisional``/``draft``),
        ``tables`` (``{ref: sha256}``), ``options``, ``warnings``, ``inputs`` (hashes),
        ``geep_version``. JSON-serialisable.
    presorted
        The lines are already in ledger order (skip sorting).
    """

    def __init__(
        self,
        lines: pd.DataFrame,
        meta: dict[str, Any] | None = None,
        *,
        presorted: bool = False,
    ) -> None:
        df = normalise_lines(lines)
        self._set(canonical_categories(df) if presorted else df, meta, ordered=presorted)

    @classmethod
    def _trusted(
        cls, lines: pd.DataFrame, meta: dict[str, Any] | None, *, ordered: bool = False
    ) -> Ledger:
        """A ledger from lines already in columnar form (built by geep; not re-validated).
        If ``ordered`` is false, the lines are put in ledger order when first read."""
        obj = cls.__new__(cls)
        obj._set(lines, meta, ordered=ordered)
        return obj

    def _set(self, df: pd.DataFrame, meta: dict[str, Any] | None, ordered: bool) -> None:
        self._raw = df
        self._ordered = ordered
        self.meta: dict[str, Any] = {"geep_version": __version__, **(meta or {})}
        self.meta.setdefault("warnings", [])
        self.meta.setdefault("tables", {})
        self.meta.setdefault("status", "released")

    @property
    def _lines(self) -> pd.DataFrame:
        """The lines in ledger order (sorted once, on first use)."""
        if not self._ordered:
            self._raw = in_ledger_order(self._raw)
            self._ordered = True
        return self._raw

    # --- data -----------------------------------------------------------------------
    @property
    def lines(self) -> pd.DataFrame:
        """The lines (a copy: changing it does not change the ledger)."""
        return self._lines.copy(deep=False)

    @property
    def status(self) -> str:
        """``released`` unless any table used was provisional/draft."""
        return self.meta.get("status", "released")

    @property
    def warnings(self) -> list[str]:
        return [str(w) for w in self.meta.get("warnings", [])]

    @property
    def years(self) -> list[int]:
        """Accounting years present, ascending."""
        return sorted(int(y) for y in pd.unique(self._raw["year"]))

    def __len__(self) -> int:
        return len(self._raw)

    @staticmethod
    def concat(ledgers: Sequence[Ledger]) -> Ledger:
        """Concatenate ledgers (e.g. several accounts or runs) into one, merging provenance.

        Text columns are concatenated as codes over the union of categories; the result is put
        in ledger order when its lines are first read.
        """
        if not ledgers:
            raise InputError(text("ledger.nothing_to_concat"))
        if len(ledgers) == 1:
            lg = ledgers[0]
            return Ledger._trusted(lg._raw, dict(lg.meta), ordered=lg._ordered)
        lines = concat_lines([lg._raw for lg in ledgers])
        return Ledger._trusted(lines, merge_meta([lg.meta for lg in ledgers]), ordered=False)

    # --- totals and views -----------------------------------------------------------
    def _money_guard(self, frame: pd.DataFrame, by: list[str]) -> None:
        groups = frame.groupby(by, dropna=False, sort=False, observed=True) if by else [((), frame)]
        for key, grp in groups:
            units = grp["value_unit"].dropna().unique()
            years = grp["price_year"].dropna().unique()
            if len(units) > 1 or len(years) > 1:
                raise PriceYearError(
                    text(
                        "ledger.mixed_money",
                        key=str(key),
                        units=str(sorted(map(str, units))),
                        years=str(sorted(map(int, years))),
                    ),
                    hint=text("ledger.hint_mixed_money"),
                )

    def _per_year(self, by_list: list[str], across_years: bool) -> list[str]:
        if across_years or "year" in by_list or self._raw["year"].nunique() <= 1:
            return by_list
        return ["year", *by_list]

    def total(
        self, by: str | Sequence[str] | None = None, *, across_years: bool = False
    ) -> float | pd.Series:
        """Sum of ``value``: a float, or a Series grouped ``by`` column(s).

        A ledger that spans several years is totalled per year (a flow of 2015 is not added to
        one of 2020) unless ``across_years=True``. Raises :class:`PriceYearError` rather than
        add different currencies or price years.
        """
        by_list = [by] if isinstance(by, str) else list(by or [])
        by_list = self._per_year(by_list, across_years)
        df = self._raw
        self._money_guard(df, by_list)
        if not by_list:
            return math.fsum(df["value"].to_numpy())
        return df.groupby(by_list, sort=True, dropna=False, observed=True)["value"].agg(
            lambda s: math.fsum(s.to_numpy())
        )

    def _summary(self, keys: list[str]) -> pd.DataFrame:
        cols = [*keys, "value_unit", "price_year"]
        self._money_guard(self._raw, [k for k in keys if k != "category"][:3])
        out = (
            self._raw.groupby(cols, sort=False, dropna=False, observed=True)["value"]
            .agg(lambda s: math.fsum(s.to_numpy()))
            .reset_index()
        )
        return in_ledger_order(out)

    def by_service(self) -> pd.DataFrame:
        """Value per region, year, account, category and service."""
        return self._summary(
            ["region_code", "region_name", "year", "account", "category", "service"]
        )

    def by_category(self) -> pd.DataFrame:
        """Value per region, year, account and category."""
        return self._summary(["region_code", "region_name", "year", "account", "category"])

    def by_region(self) -> pd.DataFrame:
        """Value per region, year and account."""
        return self._summary(["region_code", "region_name", "year", "account"])

    def pivot(
        self,
        index: str | Sequence[str] = ("region_code", "year"),
        columns: str | Sequence[str] = "service",
        values: str = "value",
    ) -> pd.DataFrame:
        """Wide table (default: region-year × service), summing lines."""
        idx = [index] if isinstance(index, str) else list(index)
        col = [columns] if isinstance(columns, str) else list(columns)
        if values == "value":
            self._money_guard(self._raw, idx)
        return self._raw.pivot_table(
            index=idx,
            columns=col,
            values=values,
            aggfunc="sum",
            fill_value=0.0,
            sort=True,
            observed=True,
        )

    # --- checks and comparison ------------------------------------------------------
    def check(self, rtol: float = 1e-9) -> CheckResult:
        """Check the ledger's internal consistency (see :func:`geep.ledger_checks.check`)."""
        return check(self._raw, rtol=rtol)

    def compare(self, other: Ledger, on: Sequence[str] | None = None) -> pd.DataFrame:
        """Align this ledger (``a``) with ``other`` (``b``) line by line (see
        :func:`geep.ledger_checks.compare_lines`)."""
        return compare_lines(self, other, on)

    # --- I/O ------------------------------------------------------------------------
    def to_csv(self, path: str | Path) -> Path:
        """Write the lines as UTF-8 CSV plus ``<path>.meta.json`` (provenance), atomically.

        Same inputs and coefficients give byte-identical files (stable order; no timestamps).
        """
        write = _formats.get("atomic.write_bytes")
        path = Path(path)
        write(path, self.csv_bytes())
        write(_meta_path(path), self.meta_bytes())
        return path

    def csv_bytes(self) -> bytes:
        """The CSV text of :meth:`to_csv` (formula-like text cells neutralised; numbers in
        their shortest round-trip form)."""
        df = _formats.get("safety.neutralise_frame")(self._lines)
        for c in ("quantity", "price", "value"):
            v = df[c].to_numpy(dtype=np.float64)
            s = v.astype(str)
            s[np.isnan(v)] = ""
            df[c] = s
        return df.to_csv(index=False, lineterminator="\n").encode("utf-8")

    def meta_bytes(self) -> bytes:
        return (
            json.dumps(self.meta, ensure_ascii=False, indent=2, sort_keys=True, default=str) + "\n"
        ).encode("utf-8")

    def to_excel(self, path: str | Path, lang: str = "en", **kw: Any) -> Path:
        """Write a formatted workbook (summary, by service, by region, lines, provenance,
        warnings), atomically. See :func:`geep.io.write_ledger_excel`."""
        return _formats.get("ledger.write_excel")(self, path, lang=lang, **kw)

    def to_parquet(self, path: str | Path) -> Path:
        """Write the lines to Parquet with the provenance in the file metadata (needs pyarrow);
        read back with :meth:`Ledger.read`."""
        return _formats.get("ledger.write_parquet")(self, path)

    @classmethod
    def read(cls, path: str | Path) -> Ledger:
        """Read a ledger written by :meth:`to_csv`, :meth:`to_excel` or :meth:`to_parquet`."""
        return _formats.get("ledger.read")(path)

    # --- display --------------------------------------------------------------------
    def _headline(self) -> str:
        df = self._raw
        regions = df["region_code"].nunique()
        years = self.years
        yr = f"{years[0]}–{years[-1]}" if len(years) > 1 else (str(years[0]) if years else "-")
        accounts = ", ".join(sorted(map(str, df["account"].dropna().unique())))
        units = sorted(map(str, df["value_unit"].dropna().unique()))
        pys = sorted(int(p) for p in df["price_year"].dropna().unique())
        status = "" if self.status == "released" else f" [{self.status.upper()}]"
        return (
            f"Ledger{status}: {len(df)} lines, {regions} region(s), years {yr}, "
            f"accounts {accounts}, {'/'.join(units)} at price year(s) {pys}"
        )

    def __repr__(self) -> str:
        head = self._headline()
        try:
            cat = self.by_category()
            body = cat.drop(columns=["region_name"]).head(12).to_string(index=False)
        except PriceYearError:
            body = "(mixed price years: see .lines)"
        warn = "".join(f"\n  ! {w}" for w in self.warnings[:5])
        return f"{head}\n{body}{warn}"

    def _repr_html_(self) -> str:
        head = html.escape(self._headline())
        warn = "".join(f"<li>{html.escape(w)}</li>" for w in self.warnings[:10])
        try:
            body = self.by_category().to_html(index=False, float_format=lambda v: f"{v:,.2f}")
        except PriceYearError:
            body = "<p>(mixed price years: see .lines)</p>"
        return f"<p><b>{head}</b></p>{body}" + (f"<ul>{warn}</ul>" if warn else "")


def _meta_path(path: Path) -> Path:
    return path.with_name(path.name + ".meta.json") if path.suffix != ".json" else path


def _sorted(df: pd.DataFrame) -> pd.DataFrame:
    """Lines in ledger order (kept for callers of the former private helper)."""
    return in_ledger_order(df)


__all__ = [
    "ACCOUNTS",
    "CATEGORY_ORDER",
    "COLUMNS",
    "TEXT_COLUMNS",
    "_STATUS_RANK",
    "CheckResult",
    "Ledger",
    "const_column",
    "merge_meta",
    "sort_order",
]
