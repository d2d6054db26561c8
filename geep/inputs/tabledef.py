"""The types of the input-table specifications: :class:`ColumnDef` and :class:`TableDef`, and
the two columns every table shares (region code and year).

They live apart from :mod:`geep.inputs.spec` (the registry of tables) so that modules that
declare a table (``geep.inputs.stands``, ``geep.inputs.forest_prices``, the compensation
tables) import the types without importing the registry that registers them.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ColumnDef:
    """One column of an input table (see :mod:`geep.inputs.normalise` for what each field does).

    Attributes
    ----------
    name
        Canonical (English) name.
    zh
        Chinese header.
    kind
        ``"code"`` (text id), ``"text"``, ``"int"`` (e.g. year), ``"quantity"`` (number with a unit),
        ``"number"`` (pure number), ``"decimal"`` (an exact decimal number with a unit, e.g. an
        amount of money or a traded quantity: :class:`~decimal.Decimal` values, converted with
        exact factors), ``"period"`` (a year ``YYYY`` or a month ``YYYY-MM``), ``"date"``.
    dimension
        For ``quantity`` columns: a unit of the required dimension (e.g. ``"ha"``); ``None``
        means the dimension depends on the row (e.g. GEP quantities, per indicator).
    canonical
        Unit the column is converted to (kernels compute in it).
    required
        Whether the column must be present.
    aliases
        Other accepted headers (lower-case compared).
    vocabulary
        Name of the vocabulary (:data:`geep.inputs.vocabularies.VOCABULARIES`) that resolves
        the column's codes (Chinese names, national codes, aliases → canonical ids).
    unit_by
        For a quantity column whose unit depends on the row: the code column whose vocabulary
        gives each row's canonical unit (GEP quantities by indicator).
    signed
        Negative values are valid (otherwise a negative number is an error at its cell; for
        ``unit_by`` columns the vocabulary says which entries are signed).
    ascii_code
        The code must be plain ASCII letters, digits, ``_ - .`` once normalised (region codes,
        section and holder ids): a look-alike (Cyrillic О, a zero-width space) is an error.
    cell_ref
        Keep the cell of each value in ``<name>_ref`` (tables with several value columns per
        row, such as economy: every ledger line points at its own cell).
    nullable
        A required column whose cells may be empty (a value that only some rows need, such as
        the concentration of an observation marked dry; the domain says which rows need it).
    default
        Code read for an empty cell of an optional code column (``valid`` for a status).
    what
        Message code of what a code is (``"obs.what.section"`` → "section id"): a look-alike
        character is then reported as an id of that kind.
    bounds
        Whole numbers: the range allowed (years ``1949..2100``); ``None`` = any.
    alternatives
        Quantities: further canonical units. A value whose unit has the dimension of one of
        ``canonical, *alternatives`` is converted to the first such (a flow given as a rate in
        m³/s or as a volume in m³); the unit chosen for each row is kept in ``<name>_unit``.
    unit_column
        The column whose cells give this column's unit (``"unit"``: the table's unit column;
        another column of the spec, such as ``price_unit``; ``None``: the header only). Where
        the unit depends on the row, the normalised table holds each row's canonical unit in
        ``<name>_unit``.
    assume_unit
        An empty unit is read as the row's canonical unit, with a note (a blank price unit of
        a journal is CNY per the right's unit).
    assume_note
        Whether reading an empty unit as the canonical one is said in a note (``False``
        where the blank is the documented way of writing the canonical unit, such as a
        journal's quantity in the unit of its right).
    """

    name: str
    zh: str
    kind: str
    dimension: str | None = None
    canonical: str | None = None
    required: bool = True
    aliases: tuple[str, ...] = ()
    description: str = ""
    description_zh: str = ""
    vocabulary: str | None = None
    unit_by: str | None = None
    signed: bool = False
    ascii_code: bool = False
    cell_ref: bool = False
    nullable: bool = False
    default: str | None = None
    what: str | None = None
    bounds: tuple[int, int] | None = None
    alternatives: tuple[str, ...] = ()
    unit_column: str | None = "unit"
    assume_unit: bool = False
    assume_note: bool = True


@dataclass(frozen=True)
class TableDef:
    """An input table: its key columns, value columns, and descriptions.

    Attributes
    ----------
    keys
        Columns that identify a row (two rows with the same keys are an error); ``()`` when
        the domain judges repeated rows itself (a journal's holders: the first is kept).
    wide
        Key column whose values may be spread across columns (a class per column).
    sheets
        Other names of its sheet (the English and Chinese names always count).
    ignored
        Headers read past without a warning (columns geep itself writes into the sheet, such
        as the integrity chain of an exported journal).
    positions
        Keep the position of each row as read in a ``_position`` column, so that the checks
        a domain runs on the normalised table can name any cell of the row.
    """

    name: str
    zh: str
    keys: tuple[str, ...]
    columns: tuple[ColumnDef, ...]
    description: str = ""
    description_zh: str = ""
    wide: str | None = None
    sheets: tuple[str, ...] = ()
    ignored: tuple[str, ...] = ()
    positions: bool = False

    def column(self, name: str) -> ColumnDef:
        for c in self.columns:
            if c.name == name:
                return c
        raise KeyError(name)

    @property
    def value_columns(self) -> tuple[ColumnDef, ...]:
        return tuple(c for c in self.columns if c.name not in self.keys)


_REGION = ColumnDef(
    "region_code",
    "区划代码",
    "code",
    aliases=("region", "code", "county_code", "行政区划代码", "代码"),
    description="GB/T 2260 six-digit code (or your own region id)",
    description_zh="GB/T 2260 六位行政区划代码（或自定义区域编号）",
    ascii_code=True,
)
#: accounting years accepted [year]
YEAR_RANGE = (1949, 2100)
_YEAR = ColumnDef(
    "year", "年份", "int", aliases=("年", "核算年份"), description="accounting year",
    bounds=YEAR_RANGE,
)  # fmt: skip
