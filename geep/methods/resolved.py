"""What a method's ``resolve`` step hands to its pure kernel: plain frames and one vector θ.

``resolve`` is the only step of a method that touches the coefficient catalogue. It returns a
:class:`Resolved`: the coefficient vector θ (one entry per coefficient the run uses: its
reference ``table@edition#row``, value in the canonical unit, unit, evidence, source, and any
distribution columns the table ships), method-specific plain frames that point into θ by
position, the report price year, options, and the provenance of every table used — all plain
data, picklable, with no catalogue object inside.

Kernels return a :class:`KernelResult`: the ledger lines plus, for every category of the
lines' ``coefficient`` column, the *terms* of the value,

.. math:: value_\\ell = data_\\ell \\prod_{(k, p) \\in terms(c_\\ell)} θ_k^{p}

with :math:`data_\\ell` the line's data factor (its quantity unless stated). The deterministic
ledger is computed from these terms, and uncertainty propagation evaluates the very same terms
with drawn values of θ, so the two cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from ..errors import MethodError
from ..messages import text

if TYPE_CHECKING:
    from ..coefficients import CoefficientTable

#: distribution columns a coefficient table may ship (uncertainty); copied into θ when present
DIST_COLUMNS = ("dist", "min", "mode", "max", "loc", "scale", "median", "cv", "corr_group")

THETA_COLUMNS = ("ref", "table", "key", "column", "value", "unit", "evidence", "source", "kind")


def table_info(t: CoefficientTable) -> dict[str, Any]:
    """Provenance of one table as plain data: hash, status, evidence counts, note, title."""
    return {
        "sha256": t.sha256,
        "status": t.status,
        "evidence": t.evidence_counts,
        "provenance": t.meta.provenance,
        "title": t.meta.title.en,
        "price_year": t.meta.price_year,
    }


class ThetaBuilder:
    """Collects the coefficients a run uses into the vector θ (each reference once)."""

    def __init__(self) -> None:
        self._rows: list[dict[str, Any]] = []
        self._pos: dict[str, int] = {}
        self.tables: dict[str, dict[str, Any]] = {}

    def use_table(self, t: CoefficientTable) -> None:
        """Record ``t`` as used (provenance), whether or not a value of it enters θ."""
        if t.ref not in self.tables:
            self.tables[t.ref] = table_info(t)

    def position(self, ref: str) -> int | None:
        """Position in θ of ``ref`` if the run already uses it."""
        return self._pos.get(ref)

    def add(
        self,
        table: CoefficientTable,
        key: Hashable | Sequence[Hashable],
        column: str = "value",
        unit: str | None = None,
        kind: str = "coefficient",
    ) -> int:
        """Position in θ of ``table``'s row ``key`` (column ``column``, converted to ``unit``)."""
        ref = table.coefficient_ref(key) + ("" if column in ("value", "factor") else f":{column}")
        if ref in self._pos:
            return self._pos[ref]
        self.use_table(table)
        row = table.row(key)
        rec: dict[str, Any] = {
            "ref": ref,
            "table": table.ref,
            "key": table.key_text(key),
            "column": column,
            "value": table.value(key, column, unit=unit),
            "unit": unit or table.unit_of(column, key),
            "evidence": str(row.get("evidence", "") or ""),
            "source": str(row.get("source", "") or ""),
            "kind": kind,
        }
        for c in DIST_COLUMNS:
            if c in row.index and not _missing(row[c]):
                rec[c] = row[c]
        return self._append(rec)

    def add_rows(
        self,
        table: CoefficientTable,
        keys: Sequence[Hashable | Sequence[Hashable]],
        column: str = "value",
        unit: str | None = None,
        kind: str = "coefficient",
    ) -> np.ndarray:
        """Positions in θ of many rows of ``table`` at once (one unit conversion per unit)."""
        self.use_table(table)
        frame = table.frame
        pos = []
        for k in keys:
            kt = table._key_tuple(k)
            if kt not in table._row_index:
                table.row(k)  # raises CoefficientNotFoundError with suggestions
            pos.append(table._row_index[kt])
        rows = frame.iloc[pos]
        values = (
            table.values(column, unit).to_numpy(dtype=float)[pos]
            if unit
            else rows[column].to_numpy(dtype=float)
        )
        suffix = "" if column in ("value", "factor") else f":{column}"
        out = np.empty(len(pos), dtype=np.int64)
        evidence = rows["evidence"].astype(object).to_numpy() if "evidence" in rows else None
        source = rows["source"].astype(object).to_numpy() if "source" in rows else None
        dist = [c for c in DIST_COLUMNS if c in rows.columns]
        for i, k in enumerate(keys):
            ref = f"{table.ref}#{table.key_text(k)}{suffix}"
            if ref in self._pos:
                out[i] = self._pos[ref]
                continue
            rec: dict[str, Any] = {
                "ref": ref,
                "table": table.ref,
                "key": table.key_text(k),
                "column": column,
                "value": float(values[i]),
                "unit": unit or table.unit_of(column, k),
                "evidence": "" if evidence is None else str(evidence[i] or ""),
                "source": "" if source is None else str(source[i] or ""),
                "kind": kind,
            }
            for c in dist:
                v = rows[c].iat[i]
                if not _missing(v):
                    rec[c] = v
            out[i] = self._append(rec)
        return out

    def add_value(
        self,
        ref: str,
        value: float,
        unit: str,
        *,
        evidence: str = "",
        source: str = "",
        kind: str = "coefficient",
        table: str = "",
    ) -> int:
        """Position in θ of a value that is not a table row (a user D, a price-index chain)."""
        if ref in self._pos:
            if self._rows[self._pos[ref]]["value"] != value:
                raise MethodError(text("method.err.theta_twice", ref=ref))
            return self._pos[ref]
        return self._append(
            {
                "ref": ref,
                "table": table,
                "key": ref.partition("#")[2],
                "column": "value",
                "value": float(value),
                "unit": unit,
                "evidence": evidence,
                "source": source,
                "kind": kind,
            }
        )

    def _append(self, rec: dict[str, Any]) -> int:
        self._pos[rec["ref"]] = len(self._rows)
        self._rows.append(rec)
        return len(self._rows) - 1

    def ref(self, pos: int) -> str:
        return self._rows[pos]["ref"]

    def value(self, pos: int) -> float:
        return float(self._rows[pos]["value"])

    def build(self) -> pd.DataFrame:
        """θ as a frame (one row per coefficient, in order of first use)."""
        cols = list(THETA_COLUMNS) + [c for c in DIST_COLUMNS if any(c in r for r in self._rows)]
        frame = pd.DataFrame(self._rows, columns=cols)
        frame["value"] = frame["value"].astype("float64")
        return frame


def _missing(v: object) -> bool:
    return v is None or (isinstance(v, float) and np.isnan(v)) or v == ""


Monomial = tuple[float, list[tuple[int, int]]]


@dataclass
class Terms:
    """Value terms of each coefficient category: a sum of weighted products of θ.

    Category ``c`` is ``Σ_m weight[m] · Π θ[theta]^power`` over its monomials
    ``ptr[c]:ptr[c+1]``; monomial ``m`` multiplies ``theta[mptr[m]:mptr[m+1]]``. A product of
    coefficients (most lines) is one monomial of weight 1; a composite class (``Σ w · factor``,
    a per-run class map) is several.
    """

    ptr: np.ndarray
    weight: np.ndarray
    mptr: np.ndarray
    theta: np.ndarray
    power: np.ndarray

    @classmethod
    def from_lists(cls, terms: Iterable[Sequence[Any]]) -> Terms:
        """Build from one entry per category: a list of ``(θ position, exponent)`` (a product)
        or a list of ``(weight, [(θ position, exponent), …])`` (a sum of products)."""
        ptr, weight, mptr, theta, power = [0], [], [0], [], []
        for entry in terms:
            monos: list[Monomial] = (
                list(entry)
                if entry and isinstance(entry[0][1], list | tuple)
                else [(1.0, list(entry))]
            )
            for w, factors in monos:
                weight.append(float(w))
                for k, p in factors:
                    theta.append(int(k))
                    power.append(int(p))
                mptr.append(len(theta))
            ptr.append(len(weight))
        return cls(
            np.asarray(ptr, dtype=np.int64),
            np.asarray(weight, dtype=np.float64),
            np.asarray(mptr, dtype=np.int64),
            np.asarray(theta, dtype=np.int64),
            np.asarray(power, dtype=np.int8),
        )

    def __len__(self) -> int:
        return len(self.ptr) - 1

    def monomials(self, category: int) -> list[Monomial]:
        """The monomials of ``category`` as ``(weight, [(θ position, exponent), …])``."""
        out = []
        for m in range(self.ptr[category], self.ptr[category + 1]):
            a, b = self.mptr[m], self.mptr[m + 1]
            out.append(
                (
                    float(self.weight[m]),
                    list(zip(self.theta[a:b].tolist(), self.power[a:b].tolist(), strict=True)),
                )
            )
        return out

    def thetas(self, categories: np.ndarray) -> np.ndarray:
        """θ positions used by ``categories``."""
        out = [self.theta[self.mptr[m] : self.mptr[m + 1]]
               for c in categories for m in range(self.ptr[c], self.ptr[c + 1])]  # fmt: skip
        return np.unique(np.concatenate(out)) if out else np.zeros(0, dtype=np.int64)

    def evaluate(self, values: np.ndarray) -> np.ndarray:
        """Value per category for θ ``values`` of shape ``(n_theta,)`` or
        ``(n_theta, n_draws)``; returns ``(n_categories,)`` or ``(n_categories, n_draws)``."""
        values = np.asarray(values, dtype=np.float64)
        n_m = len(self.weight)
        mono = np.ones((n_m, *values.shape[1:]))
        counts = np.diff(self.mptr)
        for j in range(int(counts.max(initial=0))):
            has = counts > j
            pos = self.mptr[:-1][has] + j
            base = values[self.theta[pos]]
            p = self.power[pos].astype(np.float64)
            if p.ndim < base.ndim:
                p = p.reshape(p.shape + (1,) * (base.ndim - 1))
            mono[has] = mono[has] * np.where(p == 1.0, base, base**p)
        w = self.weight.reshape((n_m,) + (1,) * (values.ndim - 1))
        mono = mono * w
        if n_m == len(self) and (np.diff(self.ptr) == 1).all():
            return mono
        return np.add.reduceat(mono, self.ptr[:-1], axis=0)


@dataclass
class Resolved:
    """Everything a kernel needs besides the input tables — plain, picklable data.

    Attributes
    ----------
    method
        Registered method name.
    profile
        Profile name (or ``None``).
    price_year
        Report price year of the values.
    theta
        The coefficient vector (see :class:`ThetaBuilder.build`).
    frames
        Method-specific frames (e.g. ESV factors with their θ positions).
    tables
        ``{table ref: provenance}`` of every table used (:func:`table_info`).
    options
        The options in force (profile options updated by the caller's).
    warnings
        Statements the ledger must carry (texts or strings).
    status
        Status of the profile (``released`` / ``provisional`` / ``draft``).
    meta
        Extra provenance for the ledger's ``meta`` (e.g. the D rule used).
    """

    method: str
    profile: str | None
    price_year: int | None
    theta: pd.DataFrame
    frames: dict[str, Any] = field(default_factory=dict)
    tables: dict[str, dict[str, Any]] = field(default_factory=dict)
    options: dict[str, Any] = field(default_factory=dict)
    warnings: list[Any] = field(default_factory=list)
    status: str = "released"
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def values(self) -> np.ndarray:
        """θ values (float64) in canonical units."""
        return self.theta["value"].to_numpy(dtype=np.float64)


@dataclass
class KernelResult:
    """Lines computed by a kernel, with the terms of their values.

    ``lines`` has the contract columns the method determines (region, year, category, service,
    indicator, quantity, units, price, value, coefficient, input_ref, and any extra columns such
    as ``ecosystem_type``); ``terms`` gives the value terms of each category of
    ``lines["coefficient"]``; ``data`` the per-line data factor (``None``: the quantity);
    ``ordered`` says that the lines are already in ledger order and ``canonical`` that their
    text columns are in canonical form (:func:`geep.ledger_frame.canonical_categories`).
    """

    lines: pd.DataFrame
    terms: Terms
    data: np.ndarray | None = None
    warnings: list[Any] = field(default_factory=list)
    ordered: bool = False
    canonical: bool = False
    meta: dict[str, Any] = field(default_factory=dict)


__all__ = [
    "DIST_COLUMNS",
    "KernelResult",
    "Resolved",
    "Terms",
    "ThetaBuilder",
    "table_info",
]
