"""The :class:`CoefficientTable`: one validated edition of a coefficient table."""

from __future__ import annotations

import functools
import html
from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ..errors import CoefficientNotFoundError, CoefficientTableError
from ..messages import did_you_mean, msg, text
from ..units import factor
from .model import TableMeta


@dataclass(frozen=True, eq=False)
class CoefficientTable:
    """One edition of a coefficient table: metadata, rows, content hash and provenance.

    Attributes
    ----------
    meta
        The validated ``table.yaml``.
    frame
        The rows, typed per ``meta.columns`` (do not modify; use :func:`override`).
    sha256
        Content hash of ``table.yaml`` + ``table.csv`` (or of the derived content).
    origin
        Where it came from: a folder path, or ``"override"`` for derived editions.
    """

    meta: TableMeta
    frame: pd.DataFrame = field(repr=False)
    sha256: str
    origin: str

    # --- identity -------------------------------------------------------------------
    @property
    def id(self) -> str:
        return self.meta.id

    @property
    def edition(self) -> str:
        return self.meta.edition

    @property
    def ref(self) -> str:
        """``"table-id@edition"``."""
        return self.meta.ref

    @property
    def status(self) -> str:
        return self.meta.status

    @property
    def data(self) -> pd.DataFrame:
        """A copy of the rows."""
        return self.frame.copy()

    @property
    def evidence_counts(self) -> dict[str, int]:
        """Number of rows per evidence level."""
        counts = self.frame["evidence"].value_counts()
        return {
            k: int(counts.get(k, 0)) for k in ("published", "derived", "secondary", "unverified")
        }

    # --- rows -----------------------------------------------------------------------
    @functools.cached_property
    def _row_index(self) -> dict[tuple, int]:
        """``{key tuple: row position}`` (built once per table)."""
        keys = zip(*(self.frame[c].tolist() for c in self.meta.key), strict=True)
        return {k: i for i, k in enumerate(keys)}

    def _key_tuple(self, key: Hashable | Sequence[Hashable]) -> tuple:
        if len(self.meta.key) == 1:
            return (key[0] if isinstance(key, tuple) and len(key) == 1 else key,)
        if not isinstance(key, tuple | list) or len(key) != len(self.meta.key):
            raise CoefficientNotFoundError(
                text("catalogue.key_shape", ref=self.ref, key=self.meta.key,
                     n=len(self.meta.key), given=key),
                table=self.id,
                edition=self.edition,
            )  # fmt: skip
        return tuple(key)

    def key_text(self, key: Hashable | Sequence[Hashable]) -> str:
        """The row-key part of a coefficient reference: ``"a"`` or ``"a/b"``."""
        return "/".join(str(k) for k in self._key_tuple(key))

    def coefficient_ref(self, key: Hashable | Sequence[Hashable]) -> str:
        """``"table-id@edition#row-key"`` — the ``coefficient`` column of ledgers."""
        return f"{self.ref}#{self.key_text(key)}"

    def row(self, key: Hashable | Sequence[Hashable]) -> pd.Series:
        """Return the row with ``key`` (a value, or a tuple for multi-column keys).

        Raises
        ------
        CoefficientNotFoundError
            If there is no such row; the message suggests close keys.
        """
        kt = self._key_tuple(key)
        pos = self._row_index.get(kt)
        if pos is None:
            keys = ["/".join(map(str, r)) for r in self.frame[self.meta.key].itertuples(False)]
            raise CoefficientNotFoundError(
                msg(
                    "coef.unknown_key",
                    table=self.id,
                    edition=self.edition,
                    key="/".join(map(str, kt)),
                    suggestion=did_you_mean("/".join(map(str, kt)), keys),
                ),
                table=self.id,
                edition=self.edition,
            )
        return self.frame.iloc[pos]

    def has(self, key: Hashable | Sequence[Hashable]) -> bool:
        """True if a row with ``key`` exists."""
        try:
            self.row(key)
        except CoefficientNotFoundError:
            return False
        return True

    def unit_of(self, column: str, key: Hashable | Sequence[Hashable] | None = None) -> str:
        """Unit text of ``column`` (of row ``key`` if the unit is given per row)."""
        spec = self.meta.columns[column]
        if spec.unit:
            return spec.unit
        if spec.unit_from:
            if key is None:
                raise CoefficientTableError(text("catalogue.unit_per_row", ref=self.ref,
                                                 column=column), table=self.id,
                                            edition=self.edition, column=column)  # fmt: skip
            return str(self.row(key)[spec.unit_from])
        return "dimensionless"

    def value(
        self,
        key: Hashable | Sequence[Hashable],
        column: str = "value",
        unit: str | None = None,
    ) -> float:
        """Return the number in ``column`` of row ``key``, converted to ``unit`` if given."""
        r = self.row(key)
        v = float(r[column])
        if unit is not None:
            v *= factor(self.unit_of(column, key), unit)
        return v

    def values(self, column: str, unit: str | None = None) -> pd.Series:
        """Column ``column`` as floats, converted row by row to ``unit`` if given."""
        v = self.frame[column].astype(float)
        if unit is None:
            return v
        spec = self.meta.columns[column]
        if spec.unit_from:
            units = self.frame[spec.unit_from].astype(str)
            f = units.map(lambda u: factor(u, unit) if u else np.nan)
            return v * f.astype(float)
        return v * factor(spec.unit or "dimensionless", unit)

    def price_year_of(self, key: Hashable | Sequence[Hashable]) -> int | None:
        """Price year of row ``key``: its ``price_year`` cell, else the table's."""
        if "price_year" in self.frame.columns:
            py = self.row(key)["price_year"]
            if py is not None and not pd.isna(py):
                return int(py)
        return self.meta.price_year

    # --- display --------------------------------------------------------------------
    def __repr__(self) -> str:
        ev = ", ".join(f"{k} {v}" for k, v in self.evidence_counts.items() if v)
        py = f", price year {self.meta.price_year}" if self.meta.price_year else ""
        return (
            f"<CoefficientTable {self.ref} [{self.status}] {self.meta.title.en!r}: "
            f"{len(self.frame)} rows ({ev}){py}>"
        )

    def _repr_html_(self) -> str:
        head = html.escape(repr(self))
        return f"<p><b>{head}</b></p>" + self.frame.to_html(max_rows=30, index=False)


def parse_ref(ref: str) -> tuple[str, str | None]:
    """Split ``"table@edition"`` into ``("table", "edition")`` (edition may be None)."""
    from ..errors import TableNotFoundError

    if not isinstance(ref, str) or not ref or ref.count("@") > 1 or ref.startswith("@"):
        raise TableNotFoundError(msg("coef.bad_ref", ref=ref))
    tid, _, ed = ref.partition("@")
    return tid, (ed or None)


def convert_column(values: pd.Series, units: pd.Series | str, to: str) -> pd.Series:
    """Convert ``values`` given in ``units`` (one unit or one per row) into ``to``."""
    if isinstance(units, str):
        return values.astype(float) * factor(units, to)
    f = units.astype(str).map(lambda u: factor(u, to))
    return values.astype(float) * f.astype(float)
