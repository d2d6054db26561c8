"""The :class:`Ledger`: a tidy table of valued lines, with provenance, views and checks.

One row per (region, year, line) with the contract columns of DESIGN §5. Values are signed
money at an explicit ``price_year``; every line names its coefficient (``table@edition#row``)
and its input (``file!sheet!cell`` or ``frame[row]``).
"""

from __future__ import annotations

import html
import json
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .errors import InputError, PriceYearError

COLUMNS: tuple[str, ...] = (
    "region_code", "region_name", "year", "account", "category", "service", "indicator",
    "quantity", "quantity_unit", "price", "price_unit", "value", "value_unit", "price_year",
    "method", "coefficient", "input_ref",
)  # fmt: skip
ACCOUNTS = ("ESV", "GEP", "GEEP", "BT")
CATEGORY_ORDER = ("economy", "provisioning", "regulating", "cultural", "supporting", "deduction")
_SORT = ("region_code", "year", "account", "category", "service", "indicator")
_EXTRA_SORT = ("ecosystem_type", "component")
_EXTRA_TEXT = ("ecosystem_type", "component", "flags")
TEXT_COLUMNS = (
    "region_code", "region_name", "account", "category", "service", "indicator",
    "quantity_unit", "price_unit", "value_unit", "method", "coefficient", "input_ref",
)  # fmt: skip


def const_column(value: str, n: int) -> pd.Categorical:
    """A text column of ``n`` equal cells, stored as a one-category categorical."""
    return pd.Categorical.from_codes(np.zeros(n, dtype=np.int8), categories=[value])


def _text_category(col: pd.Series, sort_key: bool = False) -> pd.Series:
    """Text as a categorical ("" and NaN → missing). Columns used as sort keys get lexically
    sorted categories, so that ordering is fast and independent of input order."""
    if not isinstance(col.dtype, pd.CategoricalDtype):
        col = col.astype(object)
        col = col.where(col.notna() & (col != ""), None).astype("category")
    cats = col.cat.categories
    if "" in cats:
        col = col.cat.remove_categories([""])
        cats = col.cat.categories
    if sort_key and len(cats) > 1 and not cats.is_monotonic_increasing:
        col = col.cat.reorder_categories(sorted(cats, key=str))
    return col


_STATUS_RANK = {"released": 0, "provisional": 1, "draft": 2}


@dataclass
class CheckResult:
    """Outcome of :meth:`Ledger.check`: ``ok`` and a list of problems (text)."""

    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def __bool__(self) -> bool:
        return self.ok

    def __str__(self) -> str:
        return "ledger checks passed" if self.ok else "\n".join(self.problems)


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
    """

    def __init__(
        self,
        lines: pd.DataFrame,
        meta: dict[str, Any] | None = None,
        *,
        presorted: bool = False,
    ) -> None:
        missing = [c for c in COLUMNS if c not in lines.columns]
        if missing:
            raise InputError(
                f"a ledger needs the columns {missing}",
                hint="build ledgers with geep's methods, or read them with Ledger.read",
            )
        extra = [c for c in lines.columns if c not in COLUMNS]
        df = lines[list(COLUMNS) + extra].copy(deep=False)
        df["year"] = df["year"].astype("int64")
        df["price_year"] = df["price_year"].astype("Int64")
        for c in ("quantity", "price", "value"):
            df[c] = df[c].astype("float64")
        for c in TEXT_COLUMNS + tuple(e for e in extra if e in _EXTRA_TEXT):
            key = c in _SORT or c in _EXTRA_SORT
            if key or isinstance(df[c].dtype, pd.CategoricalDtype) or len(df) < 100_000:
                df[c] = _text_category(df[c], sort_key=key)
            elif not presorted:  # large free-text columns (input_ref ...) stay plain text
                col = df[c].astype(object)
                df[c] = col.where(col.notna() & (col != ""), None)
        # engines build their lines in ledger order (``presorted``); anything else is sorted
        self._lines = df.reset_index(drop=True) if presorted else _sorted(df)
        from . import __version__

        self.meta: dict[str, Any] = {"geep_version": __version__, **(meta or {})}
        self.meta.setdefault("warnings", [])
        self.meta.setdefault("tables", {})
        self.meta.setdefault("status", "released")

    # --- data -----------------------------------------------------------------------
    @property
    def lines(self) -> pd.DataFrame:
        """The lines (a copy)."""
        return self._lines.copy()

    @property
    def status(self) -> str:
        """``released`` unless any table used was provisional/draft."""
        return self.meta.get("status", "released")

    @property
    def warnings(self) -> list[str]:
        return list(self.meta.get("warnings", []))

    def __len__(self) -> int:
        return len(self._lines)

    @staticmethod
    def concat(ledgers: Sequence[Ledger]) -> Ledger:
        """Concatenate ledgers (e.g. several accounts or runs) into one, merging provenance."""
        if not ledgers:
            raise InputError("nothing to concatenate")
        lines = pd.concat([lg._lines for lg in ledgers], ignore_index=True)
        meta = merge_meta([lg.meta for lg in ledgers])
        return Ledger(lines, meta)

    # --- totals and views -----------------------------------------------------------
    def _money_guard(self, frame: pd.DataFrame, by: list[str]) -> None:
        groups = frame.groupby(by, dropna=False, sort=False) if by else [((), frame)]
        for key, grp in groups:
            units = grp["value_unit"].dropna().unique()
            years = grp["price_year"].dropna().unique()
            if len(units) > 1 or len(years) > 1:
                raise PriceYearError(
                    f"cannot add values in different currencies or price years within {key}: "
                    f"units {sorted(map(str, units))}, price years {sorted(map(int, years))}",
                    hint="convert to one price year (price_year=...) or group by "
                    "'value_unit' and 'price_year'",
                )

    def total(self, by: str | Sequence[str] | None = None) -> float | pd.Series:
        """Sum of ``value``, overall (a float) or grouped ``by`` column(s) (a Series).

        Raises :class:`PriceYearError` rather than add different currencies or price years.
        """
        by_list = [by] if isinstance(by, str) else list(by or [])
        self._money_guard(self._lines, by_list)
        if not by_list:
            return math.fsum(self._lines["value"].to_numpy())
        return self._lines.groupby(by_list, sort=True, dropna=False)["value"].agg(
            lambda s: math.fsum(s.to_numpy())
        )

    def _summary(self, keys: list[str]) -> pd.DataFrame:
        cols = [*keys, "value_unit", "price_year"]
        self._money_guard(self._lines, [k for k in keys if k != "category"][:3])
        out = (
            self._lines.groupby(cols, sort=False, dropna=False)["value"]
            .agg(lambda s: math.fsum(s.to_numpy()))
            .reset_index()
        )
        return _sorted(out)

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
            self._money_guard(self._lines, idx)
        return self._lines.pivot_table(
            index=idx, columns=col, values=values, aggfunc="sum", fill_value=0.0, sort=True
        )

    # --- checks ---------------------------------------------------------------------
    def check(self, rtol: float = 1e-9) -> CheckResult:
        """Check the ledger's internal consistency.

        * no missing or non-finite values; no duplicate lines;
        * ``value == quantity × price`` on every line that has both (relative ``rtol``);
        * one money unit and price year per region-year-account;
        * every subtotal (by service, by category) sums to its lines, and the category
          subtotals sum to the account total of each region-year.
        """
        res = CheckResult()
        df = self._lines
        bad = ~np.isfinite(df["value"].to_numpy())
        if bad.any():
            res.problems.append(f"{int(bad.sum())} line(s) with missing or non-finite value")
        key = [
            c
            for c in (
                "region_code",
                "year",
                "account",
                "category",
                "service",
                "indicator",
                "ecosystem_type",
                "component",
            )
            if c in df.columns
        ]
        dup = df.duplicated(key, keep=False)
        if dup.any():
            res.problems.append(f"{int(dup.sum())} duplicated line(s) on {key}")
        qp = df["quantity"].notna() & df["price"].notna()
        if qp.any():
            q, p, v = (df.loc[qp, c].to_numpy() for c in ("quantity", "price", "value"))
            mism = ~np.isclose(q * p, v, rtol=rtol, atol=0.0)
            if mism.any():
                first = df.loc[qp].iloc[int(np.argmax(mism))]
                res.problems.append(
                    f"{int(mism.sum())} line(s) where value ≠ quantity × price, e.g. "
                    f"{first['region_code']} {first['year']} {first['indicator']}"
                )
        ra = df.groupby(["region_code", "year", "account"], sort=False)
        for (r, y, a), g in ra:
            if g["value_unit"].nunique() > 1 or g["price_year"].nunique(dropna=False) > 1:
                res.problems.append(f"{r} {y} {a}: mixed money units or price years")
                continue
            total = math.fsum(g["value"].to_numpy())
            by_cat = math.fsum(
                math.fsum(s.to_numpy()) for _, s in g.groupby("category", sort=False)["value"]
            )
            by_srv = math.fsum(
                math.fsum(s.to_numpy())
                for _, s in g.groupby(["category", "service"], sort=False)["value"]
            )
            scale = max(1.0, math.fsum(np.abs(g["value"].to_numpy())))
            for name, sub in (("categories", by_cat), ("services", by_srv)):
                if abs(sub - total) > rtol * scale:
                    res.problems.append(
                        f"{r} {y} {a}: subtotal of {name} {sub!r} ≠ total {total!r}"
                    )
        return res

    # --- comparison -----------------------------------------------------------------
    def compare(self, other: Ledger, on: Sequence[str] | None = None) -> pd.DataFrame:
        """Align this ledger (``a``) with ``other`` (``b``) line by line.

        Returns a frame with ``value_a``, ``value_b``, ``diff`` (b − a) and ``pct``
        (diff / |a|, NaN where a is 0), and a ``note`` column naming lines present on one side
        only. Different price years or currencies raise :class:`PriceYearError`; different
        coefficient editions are listed in ``attrs["editions"]``.
        """
        keys = list(
            on
            or ["region_code", "year", "account", "category", "service", "indicator"]
            + (
                ["ecosystem_type"]
                if "ecosystem_type" in self._lines.columns
                and "ecosystem_type" in other._lines.columns
                else []
            )
        )
        pa = set(self._lines["price_year"].dropna().astype(int))
        pb = set(other._lines["price_year"].dropna().astype(int))
        ua = set(self._lines["value_unit"].dropna())
        ub = set(other._lines["value_unit"].dropna())
        if pa != pb or ua != ub:
            raise PriceYearError(
                f"ledgers use different price years or currencies: {sorted(pa)} {sorted(ua)} vs "
                f"{sorted(pb)} {sorted(ub)}",
                hint="convert both to one price year before comparing",
            )
        ga = self._lines.groupby(keys, dropna=False, sort=True)["value"].sum()
        gb = other._lines.groupby(keys, dropna=False, sort=True)["value"].sum()
        out = pd.concat([ga.rename("value_a"), gb.rename("value_b")], axis=1).reset_index()
        out["note"] = np.where(
            out["value_a"].isna(), "only in b", np.where(out["value_b"].isna(), "only in a", "")
        )
        out["diff"] = out["value_b"].fillna(0.0) - out["value_a"].fillna(0.0)
        denom = out["value_a"].abs().replace(0.0, np.nan)
        out["pct"] = out["diff"] / denom * 100.0
        ta, tb = self.meta.get("tables", {}), other.meta.get("tables", {})
        out.attrs["editions"] = {
            "only_a": sorted(set(ta) - set(tb)),
            "only_b": sorted(set(tb) - set(ta)),
        }
        return out

    # --- I/O ------------------------------------------------------------------------
    def to_csv(self, path: str | Path) -> Path:
        """Write the lines as UTF-8 CSV plus ``<path>.meta.json`` (provenance), atomically.

        Same inputs and coefficients give byte-identical files (stable order; no timestamps).
        """
        from .io.atomic import atomic_write_bytes

        path = Path(path)
        atomic_write_bytes(path, self.csv_bytes())
        atomic_write_bytes(_meta_path(path), self.meta_bytes())
        return path

    def csv_bytes(self) -> bytes:
        """The CSV text of :meth:`to_csv` (formula-like text cells neutralised)."""
        from .io.safety import neutralise_frame

        df = neutralise_frame(self._lines)
        for c in ("quantity", "price", "value"):
            df[c] = df[c].map(lambda v: "" if pd.isna(v) else repr(float(v)))
        return df.to_csv(index=False, lineterminator="\n").encode("utf-8")

    def meta_bytes(self) -> bytes:
        return (
            json.dumps(self.meta, ensure_ascii=False, indent=2, sort_keys=True, default=str) + "\n"
        ).encode("utf-8")

    def to_excel(self, path: str | Path, lang: str = "en", **kw: Any) -> Path:
        """Write a formatted workbook (summary, by service, by region, lines, provenance,
        warnings), atomically. See :func:`geep.io.write_ledger_excel`."""
        from .io.ledger_excel import write_ledger_excel

        return write_ledger_excel(self, path, lang=lang, **kw)

    @classmethod
    def read(cls, path: str | Path) -> Ledger:
        """Read a ledger written by :meth:`to_csv` or :meth:`to_excel`."""
        from .io.ledger_read import read_ledger

        return read_ledger(path)

    # --- display --------------------------------------------------------------------
    def _headline(self) -> str:
        df = self._lines
        regions = df["region_code"].nunique()
        years = sorted(df["year"].unique().tolist())
        yr = f"{years[0]}–{years[-1]}" if len(years) > 1 else (str(years[0]) if years else "-")
        accounts = ", ".join(sorted(df["account"].dropna().unique()))
        units = sorted(df["value_unit"].dropna().unique())
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
    """Lines in ledger order: region, year, account, category (ledger order), service,
    indicator, then ecosystem type / component. Stable, and independent of input order."""
    if df.empty:
        return df.reset_index(drop=True)
    keys = [c for c in _SORT if c in df.columns]
    keys += [c for c in _EXTRA_SORT if c in df.columns]
    order = {c: i for i, c in enumerate(CATEGORY_ORDER)}
    arrays = []
    for k in keys:
        col = df[k]
        if isinstance(col.dtype, pd.CategoricalDtype):
            codes = col.cat.codes.to_numpy(np.int64)
            if k == "category":
                rank = np.array([order.get(c, len(order)) for c in col.cat.categories] + [99])
                codes = rank[codes]  # −1 (missing) → last
            else:
                codes = np.where(codes < 0, np.iinfo(np.int64).max, codes)
            arrays.append(codes)
        else:
            arrays.append(col.to_numpy())
    idx = np.lexsort(arrays[::-1])
    if (idx[1:] > idx[:-1]).all():
        return df.reset_index(drop=True)
    return df.take(idx).reset_index(drop=True)


def merge_meta(metas: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """Merge provenance of several ledgers (tables union, worst status, all warnings)."""
    out: dict[str, Any] = {"tables": {}, "warnings": [], "status": "released"}
    for m in metas:
        out["tables"].update(m.get("tables", {}))
        for w in m.get("warnings", []):
            if w not in out["warnings"]:
                out["warnings"].append(w)
        if _STATUS_RANK.get(m.get("status", "released"), 0) > _STATUS_RANK[out["status"]]:
            out["status"] = m["status"]
        for k, v in m.items():
            if k not in out and k != "geep_version":
                out[k] = v
    return out
