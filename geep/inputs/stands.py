"""Declaration of the ``forest_stands`` input table (sheet 林分): columns, units, bounds.

Plain data only. The input layer builds the table's :class:`~geep.inputs.spec.TableDef` from
it (:func:`stands_table`), so that stand sheets are read, unit-checked and templated like every
other input; the forest method (:mod:`geep.methods.forest_spec`) adds which indicators need
each driver. Column descriptions are the message catalogue's ``forest.col.<column>`` texts.

Every driver is an annual flow or a state of the stand, in the canonical unit given here; a
header states the unit of its column (``net_productivity (t/ha/a)``, ``降水量（mm/a）``), and
the value is converted at the boundary.

References
----------
.. [1] LY/T 1721-2008 森林生态系统服务功能评估规范 — symbols and units as reproduced by
   third-party code (J1, J2) and citing papers; the standard's text was not seen.
"""

from __future__ import annotations

from dataclasses import dataclass

#: the sheet / table name, English and Chinese
TABLE = "forest_stands"
TABLE_ZH = "林分"


@dataclass(frozen=True)
class KeyColumn:
    """A key column of ``forest_stands`` (identifies one stand, or one age class of it)."""

    name: str
    zh: str
    kind: str  # "code" | "int" | "quantity"
    required: bool = True
    unit: str | None = None  # canonical unit (quantity columns)
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Driver:
    """A per-stand driver column: canonical unit, Chinese header, LY/T symbol and bounds.

    ``indicators`` (filled by :mod:`geep.methods.forest_spec`) lists the indicators that need
    the column; a column is required only when one of them is requested. ``minimum`` is
    inclusive unless ``strict_minimum``; ``None`` means no bound (a signed flow).
    """

    name: str
    zh: str
    unit: str
    symbol: str
    minimum: float | None = 0.0
    strict_minimum: bool = False
    maximum: float | None = None
    aliases: tuple[str, ...] = ()
    indicators: tuple[str, ...] = ()


KEYS: tuple[KeyColumn, ...] = (
    KeyColumn("region_code", "区划代码", "code", aliases=("region", "code", "行政区划代码")),
    KeyColumn("year", "年份", "int", aliases=("年", "核算年份")),
    KeyColumn("stand_type", "林分类型", "code", aliases=("优势树种", "树种", "森林类型", "林分")),
    KeyColumn("age_class", "龄组", "code", required=False, aliases=("龄级", "林龄")),
    KeyColumn("area", "面积", "quantity", unit="ha", aliases=("林分面积", "stand_area")),
)

#: age classes of the forest inventory (龄组): canonical id → Chinese name
AGE_CLASSES: dict[str, str] = {
    "young": "幼龄林",
    "middle_aged": "中龄林",
    "near_mature": "近熟林",
    "mature": "成熟林",
    "over_mature": "过熟林",
}

_D = Driver
DRIVERS: tuple[Driver, ...] = (
    _D("net_productivity", "林分净生产力", "t/ha/a", "B年", aliases=("npp", "净生产力")),
    _D(
        "soil_carbon_sequestration",
        "单位面积林分土壤年固碳量",
        "t_C/ha/a",
        "F土壤碳",
        minimum=None,  # a soil can lose carbon: signed
        aliases=("土壤固碳量", "soil_carbon"),
    ),
    _D("precipitation", "降水量", "mm/a", "P", aliases=("年降水量",)),
    _D("evapotranspiration", "林分蒸散量", "mm/a", "E", aliases=("蒸散量", "et")),
    _D("runoff", "地表径流量", "mm/a", "C", aliases=("地表径流", "径流量")),
    _D("erosion_without_forest", "无林地土壤侵蚀模数", "t/ha/a", "X2", aliases=("x2",)),
    _D("erosion_with_forest", "林地土壤侵蚀模数", "t/ha/a", "X1", aliases=("x1",)),
    _D("soil_bulk_density", "林地土壤容重", "t/m**3", "ρ", strict_minimum=True),
    _D("soil_n", "林地土壤平均含氮量", "percent", "N", maximum=100.0, aliases=("土壤含氮量",)),
    _D("soil_p", "林地土壤平均含磷量", "percent", "P", maximum=100.0, aliases=("土壤含磷量",)),
    _D("soil_k", "林地土壤平均含钾量", "percent", "K", maximum=100.0, aliases=("土壤含钾量",)),
    _D("soil_organic_matter", "林地土壤有机质含量", "percent", "M", maximum=100.0),
    _D("tree_n", "林木含氮量", "percent", "N营养", maximum=100.0),
    _D("tree_p", "林木含磷量", "percent", "P营养", maximum=100.0),
    _D("tree_k", "林木含钾量", "percent", "K营养", maximum=100.0),
    _D("anion_concentration", "林分负离子浓度", "count/cm**3", "Q负离子", aliases=("负离子浓度",)),
    _D("stand_height", "林分高度", "m", "H", strict_minimum=True, aliases=("平均树高",)),
    _D("anion_lifetime", "负离子寿命", "min", "L", strict_minimum=True),
    _D("so2_absorption", "单位面积吸收二氧化硫量", "kg/ha/a", "Q二氧化硫"),
    _D("fluoride_absorption", "单位面积吸收氟化物量", "kg/ha/a", "Q氟化物"),
    _D("nox_absorption", "单位面积吸收氮氧化物量", "kg/ha/a", "Q氮氧化物"),
    _D("dust_retention", "单位面积滞尘量", "kg/ha/a", "Q滞尘"),
    _D("shannon_wiener", "Shannon-Wiener 指数", "dimensionless", "H'", aliases=("香农指数",)),
    _D("recreation_revenue", "森林旅游收入", "CNY/a", "年旅游价值", aliases=("旅游收入",)),
    _D("recreation_share", "森林游憩价值划分比例", "percent", "旅游价值划分比例", maximum=100.0),
)  # fmt: skip


def resolve_age_class(label: str):
    """An age class id (``young`` …) or its Chinese name (幼龄林 …), read as the id."""
    from ..messages import did_you_mean, text
    from .vocabularies import Resolution

    if label in AGE_CLASSES:
        return Resolution(label)
    by_zh = {zh: k for k, zh in AGE_CLASSES.items()}
    if label in by_zh:
        return Resolution(by_zh[label], text("forest.age_read", value=label, canon=by_zh[label]))
    known = [*AGE_CLASSES, *AGE_CLASSES.values()]
    return Resolution(None, error=text("forest.unknown_age_class", value=label,
                                       suggestion=did_you_mean(label, known)),
                      hint=text("hint.forest.age_class", options=", ".join(known)))  # fmt: skip


def register_vocabulary() -> None:
    """Register the ``age_class`` vocabulary with the input layer."""
    from .vocabularies import Vocabulary, register

    register(Vocabulary("age_class", resolve_age_class, entries=lambda: dict(AGE_CLASSES)))


def stands_table():
    """The :class:`~geep.inputs.spec.TableDef` of ``forest_stands``.

    Keys ``region_code, year, stand_type, age_class`` (``age_class`` optional: an empty cell is
    the whole stand; the vocabulary ``age_class`` reads ids and Chinese names); ``area`` is
    required; every driver is an optional column converted to its canonical unit (a pure number
    for the Shannon-Wiener index), negative only where signed (soil carbon; the reader refuses
    other negatives at their cell). Whether a driver is needed, and the bounds other than ≥ 0,
    are checked by :mod:`geep.inputs.stands_checks` and the forest method, which name the
    sheet row and column (``cell_ref`` would name the cell, at a cost of one reference per
    value).

    References
    ----------
    Issue 18 (the ``forest_stands`` contract); :mod:`geep.methods.forest_spec`.
    """
    from ..messages import MESSAGES
    from .tabledef import _REGION, _YEAR, ColumnDef, TableDef

    def described(name: str) -> dict[str, str]:
        en, zh = MESSAGES[f"forest.col.{name}"]
        return {"description": en, "description_zh": zh}

    cols = [_REGION, _YEAR]
    for k in KEYS[2:]:
        if k.kind == "quantity":
            cols.append(ColumnDef(k.name, k.zh, "quantity", k.unit, k.unit, aliases=k.aliases,
                                  **described(k.name)))  # fmt: skip
        else:
            vocab = "age_class" if k.name == "age_class" else None
            cols.append(ColumnDef(k.name, k.zh, k.kind, required=k.required, aliases=k.aliases,
                                  vocabulary=vocab, **described(k.name)))  # fmt: skip
    for d in DRIVERS:
        kind = "number" if d.unit == "dimensionless" else "quantity"
        cols.append(ColumnDef(d.name, d.zh, kind, d.unit, d.unit, required=False,
                              aliases=d.aliases, signed=d.minimum is None or d.minimum < 0,
                              **described(d.name)))  # fmt: skip
    return TableDef(
        TABLE,
        TABLE_ZH,
        ("region_code", "year", "stand_type", "age_class"),
        tuple(cols),
        description=MESSAGES["forest.table_description"][0],
        description_zh=MESSAGES["forest.table_description"][1],
    )


__all__ = ["AGE_CLASSES", "DRIVERS", "KEYS", "TABLE", "TABLE_ZH", "Driver", "KeyColumn",
           "register_vocabulary", "resolve_age_class", "stands_table"]  # fmt: skip
