"""The tables of a compensation input workbook, as specs of the one input layer.

A workbook (or CSV file) of compensation inputs holds ``observations`` (监测), and optionally
``flows`` (流量), ``sections`` (断面) and ``parameters`` (参数). Each is a
:class:`~geep.inputs.spec.TableDef` read by the same pre-flight, cell reader and normaliser as
the land-cover inputs (:func:`geep.io.workbook.read_book`): error cells and formulas without a
saved value are errors at their cell, codes are cleaned and look-alike section ids refused,
statuses, indicators and target classes are resolved through the vocabularies registered
here (an unknown or ambiguous status is an error with "did you mean"), units go through the
unit registry and every value must be finite after conversion. The rules that are not about
cells — sections the scheme knows, physical bounds, which rows need a value — run afterwards,
on the normalised frames (:mod:`geep.compensation.observations`).

References
----------
DESIGN §4 (``monitoring`` / ``flows``) and §7; compensation.md §5.1, §5.4.
"""

from __future__ import annotations

from ..inputs.spec import ColumnDef, TableDef, register_tables
from ..inputs.vocabularies import Resolution, Vocabulary, register, suggest
from ..messages import text
from .model import DERIVED_INDICATORS
from .vocabulary import (
    AMBIGUOUS_STATUS,
    INDICATOR_ALIASES,
    STATUS_ALIASES,
    STATUSES,
    TARGET_CLASSES,
)


def resolve_status(v: str) -> Resolution:
    """An observation status: ``valid``, ``dry``, ``frozen`` or ``missing`` (or a Chinese or
    other accepted spelling); ambiguous markers (``NA``) and unknown words are errors."""
    key = v.strip().lower()
    if key in STATUS_ALIASES:
        return Resolution(STATUS_ALIASES[key])
    if key in AMBIGUOUS_STATUS:
        return Resolution(None, error=text("obs.status_ambiguous", value=v),
                          hint=text("hint.obs.status"))  # fmt: skip
    return Resolution(None, error=text("obs.status_unknown",
                                       suggestion=suggest(key, sorted(STATUS_ALIASES))),
                      hint=text("hint.obs.status"))  # fmt: skip


def resolve_indicator(v: str) -> Resolution:
    """A pollutant (``cod``, ``氨氮`` …), ``water_class`` or ``index``."""
    key = v.strip().lower().replace(" ", "")
    if key in INDICATOR_ALIASES:
        return Resolution(INDICATOR_ALIASES[key])
    names = sorted(set(INDICATOR_ALIASES.values()))
    return Resolution(None, error=text("obs.indicator_unknown", suggestion=suggest(key, names)),
                      hint=text("hint.obs.indicator"))  # fmt: skip


def resolve_target_class(v: str) -> Resolution:
    """A target water-quality class: ``1``–``5``, ``I``–``V``, ``Ⅲ类`` → ``"3"``."""
    key = v.strip().upper().removesuffix("类")
    if key in TARGET_CLASSES:
        return Resolution(str(TARGET_CLASSES[key]))
    return Resolution(
        None, error=text("obs.target_class", value=v), hint=text("hint.obs.target_class")
    )


def _status_names() -> dict[str, str]:
    return {k: next(w for w in words if not w.isascii()) for k, words in STATUSES.items()}


register(Vocabulary("obs_status", resolve_status, entries=_status_names))
register(
    Vocabulary(
        "water_indicator",
        resolve_indicator,
        unit=lambda c: "dimensionless" if c in DERIVED_INDICATORS else "mg/L",
    )
)
register(Vocabulary("target_class", resolve_target_class))

_SECTION = ColumnDef(
    "section_id", "断面", "code",
    aliases=("section", "断面编号", "断面代码", "断面名称", "id"),
    description="section id of the scheme (FEN-HXC) or of a sections table",
    ascii_code=True, what="obs.what.section",
)  # fmt: skip
_PERIOD = ColumnDef(
    "period", "时段", "period", aliases=("month", "year", "月份", "期间", "年份", "时间"),
    description="YYYY-MM for a month or YYYY for a year",
)  # fmt: skip
_STATUS = ColumnDef(
    "status", "状态", "code", required=False, aliases=("监测状态",), vocabulary="obs_status",
    default="valid", description="valid | dry | frozen | missing (blank = valid)",
)  # fmt: skip

OBSERVATIONS = TableDef(
    "observations",
    "监测",
    ("section_id", "period", "indicator"),
    (
        _SECTION,
        _PERIOD,
        ColumnDef(
            "indicator",
            "指标",
            "code",
            aliases=("pollutant", "污染物", "监测项目", "项目"),
            vocabulary="water_indicator",
            description="cod, nh3n, tp, tn, codmn, do, water_class (1-6) or index",
        ),
        ColumnDef(
            "value",
            "监测值",
            "quantity",
            None,
            None,
            aliases=("concentration", "浓度", "数值", "值"),
            unit_by="indicator",
            nullable=True,
            assume_unit=True,
            description="concentration (mg/L), class or index; blank where not valid",
        ),
        _STATUS,
    ),
    description="section water-quality observations",
    description_zh="断面水质监测数据",
    sheets=("monitoring", "水质监测", "监测数据"),
    positions=True,
)

FLOWS = TableDef(
    "flows",
    "流量",
    ("section_id", "period"),
    (
        _SECTION,
        _PERIOD,
        ColumnDef(
            "flow",
            "流量",
            "quantity",
            None,
            "m**3/s",
            aliases=("value", "volume", "水量", "径流量"),
            alternatives=("m**3",),
            nullable=True,
            description="mean rate (m3/s) or the period's volume (m3, 万m3, 亿m3)",
        ),
        _STATUS,
    ),
    description="section flows (a mean rate or the period's volume)",
    description_zh="断面流量（平均流量或时段水量）",
    sheets=("flow", "水量"),
    positions=True,
)

SECTIONS = TableDef(
    "sections",
    "断面",
    ("section_id",),
    (
        _SECTION,
        ColumnDef("name_zh", "断面名称", "text", required=False, aliases=("name", "名称")),
        ColumnDef("name_en", "英文名称", "text", required=False),
        ColumnDef("river", "河流", "text", required=False, aliases=("所在河流",)),
        ColumnDef("type", "类型", "text", required=False, aliases=("断面类型",)),
        ColumnDef("upstream", "上游", "text", required=False, aliases=("上游责任方", "责任方")),
        ColumnDef("downstream", "下游", "text", required=False, aliases=("下游受益方",)),
        ColumnDef(
            "control_section",
            "控制断面",
            "code",
            required=False,
            aliases=("上游断面",),
            ascii_code=True,
            what="obs.what.section",
        ),
        ColumnDef(
            "target_class",
            "目标水质",
            "code",
            required=False,
            vocabulary="target_class",
            aliases=("目标水质类别", "水质目标"),
        ),
        ColumnDef(
            "no_inflow",
            "无入境水",
            "code",
            required=False,
            vocabulary="yes_no",
            aliases=("无来水",),
        ),
        ColumnDef("source", "来源", "text", required=False),
    ),
    description="monitoring sections supplied by the user (a scheme that ships none)",
    description_zh="用户提供的考核断面",
    positions=True,
)

PARAMETERS = TableDef(
    "parameters",
    "参数",
    ("name",),
    (
        ColumnDef("name", "参数", "text", aliases=("parameter", "参数名", "名称")),
        ColumnDef("value", "取值", "text", aliases=("值", "数值")),
        ColumnDef("unit", "单位", "text", required=False),
    ),
    description="official values of scheme parameters (name, value, unit)",
    description_zh="方案参数的正式取值（名称、取值、单位）",
    positions=True,
)

#: the tables of a compensation input workbook
TABLES = register_tables("compensation", OBSERVATIONS, FLOWS, SECTIONS, PARAMETERS)

__all__ = ["FLOWS", "OBSERVATIONS", "PARAMETERS", "SECTIONS", "TABLES", "resolve_indicator",
           "resolve_status", "resolve_target_class"]  # fmt: skip
