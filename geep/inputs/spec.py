"""Declarative specifications of the input tables of DESIGN §4.

One spec per table drives validation, normalisation, Excel templates and documentation.
Column names are accepted in English or Chinese; numeric value columns take their unit from
the header (``area (ha)``, ``面积（亩）``) or from a ``unit`` column.
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

TABLES: dict[str, TableDef] = {
    "regions": TableDef(
        "regions",
        "区域",
        ("region_code",),
        (
            _REGION,
            ColumnDef("region_name", "区域名称", "text", aliases=("name", "名称", "地区")),
            ColumnDef(
                "parent_code",
                "上级代码",
                "code",
                required=False,
                aliases=("parent",),
                ascii_code=True,
            ),
            ColumnDef(
                "area",
                "面积",
                "quantity",
                "ha",
                "ha",
                required=False,
                aliases=("total_area", "土地面积", "总面积"),
            ),
            ColumnDef(
                "population",
                "人口",
                "number",
                "person",
                "person",
                required=False,
                aliases=("常住人口", "户籍人口"),
            ),
        ),
        description="one row per region: code, name, parent, total area, population",
        description_zh="每个区域一行：代码、名称、上级、总面积、人口",
        sheets=("region", "区域", "行政区", "行政区划", "区域信息"),
    ),
    "land_cover": TableDef(
        "land_cover",
        "土地覆被",
        ("region_code", "year", "land_class"),
        (
            _REGION,
            _YEAR,
            ColumnDef(
                "land_class",
                "地类",
                "code",
                aliases=("class", "ecosystem_type", "生态系统类型", "土地利用类型", "类型"),
                vocabulary="land_class",
            ),
            ColumnDef("area", "面积", "quantity", "ha", "ha"),
        ),
        description="area of each land class per region and year (long form; wide form accepted)",
        description_zh="各区域各年份各地类面积（长表；也接受每个地类一列的宽表）",
        sheets=("landcover", "land_use", "landuse", "土地利用", "土地覆盖", "土地覆被", "地类面积"),
        wide="land_class",
    ),
    "quantities": TableDef(
        "quantities",
        "功能量",
        ("region_code", "year", "indicator"),
        (
            _REGION,
            _YEAR,
            ColumnDef(
                "indicator",
                "指标",
                "code",
                aliases=("item", "指标代码", "核算指标"),
                vocabulary="indicator",
            ),
            ColumnDef(
                "quantity",
                "功能量",
                "quantity",
                None,
                None,
                aliases=("value", "amount", "数量", "实物量"),
                unit_by="indicator",
            ),
        ),
        description="physical quantity (功能量) of each GEP indicator",
        description_zh="各 GEP 指标的功能量（实物量）",
        sheets=("quantity", "功能量", "实物量", "生态系统功能量"),
    ),
    "drivers": TableDef(
        "drivers",
        "驱动因子",
        ("region_code", "year", "variable"),
        (
            _REGION,
            _YEAR,
            ColumnDef("variable", "变量", "code", aliases=("driver", "因子"), vocabulary="driver"),
            ColumnDef("value", "数值", "quantity", None, None, aliases=("值",), unit_by="variable"),
        ),
        description="biophysical drivers for the built-in quantity models",
        description_zh="内置功能量模型所需的生物物理驱动因子",
        sheets=("driver", "驱动因子", "参数"),
    ),
    "economy": TableDef(
        "economy",
        "经济",
        ("region_code", "year"),
        (
            _REGION,
            _YEAR,
            ColumnDef(
                "gdp",
                "地区生产总值",
                "quantity",
                "CNY",
                "CNY",
                aliases=("GDP", "生产总值"),
                cell_ref=True,
            ),
            ColumnDef(
                "pdc",
                "污染损失成本",
                "quantity",
                "CNY",
                "CNY",
                aliases=("pollution_damage", "环境退化成本"),
                cell_ref=True,
            ),
            ColumnDef(
                "edc",
                "生态破坏成本",
                "quantity",
                "CNY",
                "CNY",
                aliases=("ecological_damage",),
                cell_ref=True,
            ),
            ColumnDef(
                "price_year", "价格年份", "int", aliases=("价格基年", "基准年"), bounds=YEAR_RANGE
            ),
        ),
        description="GDP and damage costs (money, with their price year)",
        description_zh="地区生产总值与损失成本（货币量，注明价格年份）",
        sheets=("经济", "经济数据", "经济核算"),
    ),
    "monitoring": TableDef(
        "monitoring",
        "水质监测",
        ("section_id", "period", "pollutant"),
        (
            ColumnDef("section_id", "断面", "code", aliases=("section", "断面编号", "断面名称")),
            ColumnDef("period", "时段", "period", aliases=("month", "月份", "期间")),
            ColumnDef("pollutant", "污染物", "code", aliases=("indicator", "指标")),
            ColumnDef(
                "concentration", "浓度", "quantity", "mg/L", "mg/L", aliases=("value", "监测值")
            ),
            ColumnDef("status", "状态", "code", required=False, aliases=("状态标志",)),
        ),
        description="section water-quality monitoring",
        description_zh="断面水质监测数据",
        sheets=("水质", "水质监测", "断面监测"),
    ),
    "flows": TableDef(
        "flows",
        "流量",
        ("section_id", "period"),
        (
            ColumnDef("section_id", "断面", "code", aliases=("section", "断面编号")),
            ColumnDef("period", "时段", "period", aliases=("month", "月份")),
            ColumnDef(
                "flow", "水量", "quantity", "m**3", "m**3", aliases=("volume", "径流量", "流量")
            ),
        ),
        description="section flow volume per period",
        description_zh="断面各时段水量",
        sheets=("flow", "流量", "水量"),
    ),
}

#: tables of the domain workbooks — compensation inputs, trading journals — by domain, in the
#: one spec format: ``{domain: {table: TableDef}}`` (registered by the domain modules)
DOMAIN_TABLES: dict[str, dict[str, TableDef]] = {}


def register_tables(domain: str, *tables: TableDef) -> dict[str, TableDef]:
    """Register the table specs of a domain's workbooks; returns ``{name: spec}``."""
    book = DOMAIN_TABLES.setdefault(domain, {})
    for t in tables:
        book[t.name] = t
    return book


def _register_stands() -> None:
    """Add ``forest_stands`` (sheet 林分) and ``forest_prices`` (sheet 森林价格), declared in
    :mod:`geep.inputs.stands` and :mod:`geep.inputs.forest_prices`."""
    from . import forest_prices, stands

    stands.register_vocabulary()
    forest_prices.register_vocabulary()
    TABLES[stands.TABLE] = stands.stands_table()
    TABLES[forest_prices.TABLE] = forest_prices.prices_table()


_register_stands()
