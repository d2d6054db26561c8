"""Declaration of the ``forest_prices`` input table (sheet 森林价格): the prices and parameters
of the forest method (社会公共数据) given in a workbook or CSV.

One row per price key (``price``), with its ``value``, ``unit`` and ``price_year``; a
Shannon-Wiener class table of ``species`` is one row per class with its ``lower_bound``. The
price keys, their canonical units and Chinese names are declared here (plain data) and
re-exported by :mod:`geep.methods.forest_spec`; the vocabulary ``forest_price`` reads a key or
its Chinese name and gives each row's canonical unit, so the one normaliser converts every
value to it (a carbon price per plain ``t`` is refused there: carbon has its own dimension).

References
----------
.. [1] LY/T 1721-2008, its 社会公共数据 table (not seen): the keys follow the formulas'
   symbols as reproduced in :mod:`geep.methods.forest_formulas`.
"""

from __future__ import annotations

from dataclasses import dataclass

#: the sheet / table name, English and Chinese
TABLE = "forest_prices"
TABLE_ZH = "森林价格"


@dataclass(frozen=True)
class PriceSpec:
    """A price or parameter of the public social-economic data (社会公共数据).

    ``kind`` is ``"price"`` (money, needs a price year) or ``"parameter"`` (a content or a
    threshold, no price year). ``class_driver`` names the driver a class table of this price
    is looked up by (``species`` by ``shannon_wiener``). ``indicators`` is filled by
    :mod:`geep.methods.forest_spec`.
    """

    key: str
    zh: str
    unit: str
    symbol: str
    kind: str = "price"
    class_driver: str | None = None
    indicators: tuple[str, ...] = ()


_P = PriceSpec
PRICE_SPECS: tuple[PriceSpec, ...] = (
    _P("reservoir_cost", "水库建设单位库容投资", "CNY/m**3", "C库"),
    _P("water_purification", "水的净化费用", "CNY/t", "K水"),
    _P("soil_excavation", "挖取和运输单位体积土方费用", "CNY/m**3", "C土"),
    _P("fertilizer_dap", "磷酸二铵化肥价格", "CNY/t", "C1"),
    _P("fertilizer_kcl", "氯化钾化肥价格", "CNY/t", "C2"),
    _P("organic_matter", "有机质价格", "CNY/t", "C3"),
    _P("dap_n_content", "磷酸二铵化肥含氮量", "percent", "R1", kind="parameter"),
    _P("dap_p_content", "磷酸二铵化肥含磷量", "percent", "R2", kind="parameter"),
    _P("kcl_k_content", "氯化钾化肥含钾量", "percent", "R3", kind="parameter"),
    _P("carbon", "固碳价格", "CNY/t_C", "C碳"),
    _P("oxygen", "制造氧气价格", "CNY/t", "C氧"),
    _P("anion", "负离子生产费用", "CNY/count", "K负离子"),
    _P("anion_threshold", "负离子浓度阈值", "count/cm**3", "600", kind="parameter"),
    _P("so2", "二氧化硫治理费用", "CNY/kg", "K二氧化硫"),
    _P("fluoride", "氟化物治理费用", "CNY/kg", "K氟化物"),
    _P("nox", "氮氧化物治理费用", "CNY/kg", "K氮氧化物"),
    _P("dust", "降尘清理费用", "CNY/kg", "K滞尘"),
    _P("species", "单位面积年物种损失的机会成本", "CNY/ha/a", "S生", class_driver="shannon_wiener"),
)  # fmt: skip

_BY_KEY = {p.key: p for p in PRICE_SPECS}
_BY_ZH = {p.zh: p.key for p in PRICE_SPECS}


def resolve_price(label: str):
    """A price key (``carbon`` …) or its Chinese name (固碳价格 …), read as the key."""
    from ..messages import did_you_mean, text
    from .vocabularies import Resolution

    if label in _BY_KEY:
        return Resolution(label)
    if label in _BY_ZH:
        return Resolution(_BY_ZH[label], text("forest.price_read", value=label,
                                               canon=_BY_ZH[label]))  # fmt: skip
    return Resolution(None, error=text("forest.unknown_price", key=label,
                                       suggestion=did_you_mean(label, [*_BY_KEY, *_BY_ZH])),
                      hint=text("hint.forest.indicators", options=", ".join(_BY_KEY)))  # fmt: skip


def register_vocabulary() -> None:
    """Register the ``forest_price`` vocabulary (each key's canonical unit) with the input layer."""
    from .vocabularies import Vocabulary, register

    register(
        Vocabulary(
            "forest_price",
            resolve_price,
            unit=lambda k: _BY_KEY[k].unit if k in _BY_KEY else None,
            entries=lambda: {p.key: p.zh for p in PRICE_SPECS},
        )
    )


def prices_table():
    """The :class:`~geep.inputs.spec.TableDef` of ``forest_prices``.

    Keys ``price`` (vocabulary ``forest_price``) and ``lower_bound`` (optional: the classes of a
    Shannon-Wiener table of ``species``); ``value`` in the row's unit (``unit`` column or
    header), converted to the key's canonical unit; ``price_year`` and ``source`` optional.

    References
    ----------
    Issue 18 (prices "a mapping or table").
    """
    from ..messages import MESSAGES
    from .tabledef import ColumnDef, TableDef

    def d(code: str) -> dict[str, str]:
        en, zh = MESSAGES[f"forest.pcol.{code}"]
        return {"description": en, "description_zh": zh}

    cols = (
        ColumnDef("price", "价格项", "code", aliases=("key", "item", "项目", "参数"),
                  vocabulary="forest_price", **d("price")),
        ColumnDef("value", "数值", "quantity", None, None, aliases=("值", "价格"),
                  unit_by="price", **d("value")),
        ColumnDef("price_year", "价格年份", "int", required=False,
                  aliases=("价格基年", "基准年"), **d("price_year")),
        ColumnDef("lower_bound", "等级下限", "number", canonical="dimensionless", required=False,
                  aliases=("shannon_wiener_from", "指数下限"), **d("lower_bound")),
        ColumnDef("source", "来源", "text", required=False, aliases=("出处",), **d("source")),
    )  # fmt: skip
    return TableDef(TABLE, TABLE_ZH, ("price", "lower_bound"), cols,
                    description=MESSAGES["forest.prices_description"][0],
                    description_zh=MESSAGES["forest.prices_description"][1])  # fmt: skip


__all__ = ["PRICE_SPECS", "TABLE", "TABLE_ZH", "PriceSpec", "prices_table", "register_vocabulary",
           "resolve_price"]  # fmt: skip
