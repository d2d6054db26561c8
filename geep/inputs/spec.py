"""Declarative specifications of the input tables of DESIGN §4.

One spec per table drives validation, normalisation, Excel templates and documentation.
Column names are accepted in English or Chinese; numeric value columns take their unit from
the header (``area (ha)``, ``面积（亩）``) or from a ``unit`` column.
"""

from __future__ import annotations

from .tabledef import _REGION, _YEAR, YEAR_RANGE, ColumnDef, TableDef

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
