"""Pydantic models of coefficient-table metadata (``table.yaml``) and profiles."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from ..messages import msg
from ..status import STATUSES, Status  # noqa: F401 (STATUSES re-exported)

EVIDENCE_LEVELS = ("published", "derived", "secondary", "unverified")
KINDS = (
    "equivalent_factors",
    "standard_equivalent",
    "unit_values",
    "areas",
    "parameters",
    "limits",
    "price_index",
    "crosswalk",
    "regions",
    "scheme_parameters",
    "trading_rules",
)
#: columns every table must have
REQUIRED_COLUMNS = ("evidence", "source")


class _Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Title(_Frozen):
    """Bilingual title."""

    en: str
    zh: str


class ColumnSpec(_Frozen):
    """Declaration of one ``table.csv`` column.

    ``unit`` fixes the unit of a numeric column; ``unit_from`` names another column that
    holds each row's unit. Units are parsed by pint when the table is loaded; ``dimension``
    (a unit of the expected dimension, e.g. ``"CNY/m**3"``) is checked against every row.
    """

    dtype: Literal["str", "float", "int"]
    unit: str | None = None
    unit_from: str | None = None
    dimension: str | None = None
    description: str = ""
    nullable: bool = False
    allowed: list[Any] | None = None

    @model_validator(mode="after")
    def _unit_only_for_numbers(self) -> ColumnSpec:
        if (self.unit or self.unit_from) and self.dtype == "str":
            raise ValueError(msg("catalogue.model_str_unit"))
        if self.unit and self.unit_from:
            raise ValueError(msg("catalogue.model_unit_twice"))
        return self


class EditionMeta(_Frozen):
    """Metadata every versioned edition carries (coefficient tables and compensation schemes):
    identity, titles, status, who published it, validity, what it supersedes, full sources."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9.\-]*$")
    edition: str = Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9.+\-_]*$")
    title: Title
    status: Status
    jurisdiction: str
    publisher: str
    description: str = ""
    license: str
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    supersedes: str | None = None
    sources: dict[str, str] = Field(min_length=1)

    @field_validator("edition", mode="before")
    @classmethod
    def _edition_as_text(cls, v: Any) -> Any:
        return str(v) if isinstance(v, int | float) else v

    @property
    def ref(self) -> str:
        """``"id@edition"``."""
        return f"{self.id}@{self.edition}"


class TableMeta(EditionMeta):
    """Metadata of one edition of a coefficient table (the ``table.yaml`` file)."""

    kind: str
    price_year: int | None = None
    key: list[str] = Field(min_length=1)
    columns: dict[str, ColumnSpec]
    #: set on derived (override) editions: "TABLE@EDITION" they were made from
    derived_from: str | None = None
    #: set on derived editions: who changed what and why
    provenance: str | None = None

    @field_validator("kind")
    @classmethod
    def _known_kind(cls, v: str) -> str:
        if v not in KINDS:
            raise ValueError(msg("catalogue.model_kind", kind=v, kinds=", ".join(KINDS)))
        return v

    @model_validator(mode="after")
    def _consistent(self) -> TableMeta:
        for col in REQUIRED_COLUMNS:
            if col not in self.columns:
                raise ValueError(msg("catalogue.model_required", column=col))
        for k in self.key:
            if k not in self.columns:
                raise ValueError(msg("catalogue.model_key", column=k))
        for name, spec in self.columns.items():
            if spec.unit_from and spec.unit_from not in self.columns:
                raise ValueError(
                    msg("catalogue.model_unit_from", column=name, unit_from=spec.unit_from)
                )
        if self.valid_from and self.valid_to and self.valid_to < self.valid_from:
            raise ValueError(msg("catalogue.model_validity"))
        return self


class Profile(_Frozen):
    """A named bundle of tables (by role) and method options, e.g. ``cn-gep-2020``."""

    name: str
    title: Title
    status: Status
    description: str
    method: Literal["esv", "gep", "bt", "geep", "forest", "compensation", "any"]
    tables: dict[str, str]
    options: dict[str, Any] = Field(default_factory=dict)
