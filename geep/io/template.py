"""``geep template``: a blank input workbook that reads back without errors once filled.

One instructions sheet (what each sheet is, the units accepted, an example of each table, the
land classes, indicators and driver variables), one sheet per input table of DESIGN §4 with
bilingual headers on two rows (the language chosen first), frozen header rows, a note on each
header cell, and drop-downs for land classes, indicators, driver variables, units and status.
Drop-down lists live in a hidden ``_lists`` sheet, which the reader skips.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
from openpyxl.comments import Comment
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from .._version import __version__
from ..inputs.forest_prices import PRICE_SPECS
from ..inputs.forest_prices import TABLE as PRICES
from ..inputs.spec import TABLES
from ..inputs.stands import AGE_CLASSES
from ..inputs.stands import DRIVERS as STAND_DRIVERS
from ..inputs.stands import TABLE as STANDS
from ..messages import label, language_scope, msg
from ..units import KNOWN_SPELLINGS
from ..vocab import BIOMES, DRIVERS, INDICATORS, LAND_CLASSES
from .writer import Book
from .xlsxout import cell_value

DATA_ROWS = 100_000  # rows covered by drop-downs and checks (117 counties × years × indicators)
LISTS_SHEET = "_lists"
INSTRUCTIONS = {"en": "instructions", "zh": "说明"}
UNIT = ("unit", "单位")


#: columns of each template sheet: (column, unit written in the header or None); "unit" is the
#: unit column of the row's quantity columns that have no unit in their header
def _header_unit(unit: str) -> str | None:
    """How a canonical unit is written in a template header (``None``: a pure number)."""
    if unit == "dimensionless":
        return None
    return "%" if unit == "percent" else unit.replace("**", "")


LAYOUT: dict[str, tuple[tuple[str, str | None], ...]] = {
    "regions": (("region_code", None), ("region_name", None), ("parent_code", None),
                ("area", None), ("unit", None), ("population", "person")),
    "land_cover": (("region_code", None), ("year", None), ("land_class", None), ("area", None),
                   ("unit", None)),
    "quantities": (("region_code", None), ("year", None), ("indicator", None),
                   ("quantity", None), ("unit", None)),
    "drivers": (("region_code", None), ("year", None), ("variable", None), ("value", None),
                ("unit", None)),
    "economy": (("region_code", None), ("year", None), ("gdp", None), ("pdc", None),
                ("edc", None), ("unit", None), ("price_year", None)),
    "monitoring": (("section_id", None), ("period", None), ("pollutant", None),
                   ("concentration", None), ("unit", None), ("status", None)),
    "flows": (("section_id", None), ("period", None), ("flow", None), ("unit", None)),
    # one unit per column, in its header (a stand row has many quantities of different units)
    STANDS: (("region_code", None), ("year", None), ("stand_type", None), ("age_class", None),
             ("area", "ha"), *((d.name, _header_unit(d.unit)) for d in STAND_DRIVERS)),
    PRICES: (("price", None), ("value", None), ("unit", None), ("price_year", None),
             ("lower_bound", None), ("source", None)),
}  # fmt: skip
_UNIT_ZH = {"person": "人"}

#: drop-down lists: name → values (coded lists carry the Chinese name beside the code; both
#: forms, and either half alone, read back)
LISTS: dict[str, tuple[str, ...]] = {
    "land_class": (*LAND_CLASSES, *BIOMES),
    "indicator": tuple(INDICATORS),
    "variable": tuple(DRIVERS),
    "area_unit": ("ha", "亩", "公顷", "km2", "平方公里", "万亩", "hm2", "mu"),
    "money_unit": ("元", "万元", "亿元", "CNY"),
    "volume_unit": ("m3", "万m3", "亿m3"),
    "any_unit": KNOWN_SPELLINGS,
    "concentration_unit": ("mg/L",),
    "status": ("valid", "dry", "frozen", "missing"),
    "age_class": tuple(AGE_CLASSES),
    "price": tuple(p.key for p in PRICE_SPECS),
}
_UNIT_LIST = {
    "regions": "area_unit",
    "land_cover": "area_unit",
    "quantities": "any_unit",
    "drivers": "any_unit",
    "economy": "money_unit",
    "monitoring": "concentration_unit",
    "flows": "volume_unit",
    STANDS: "any_unit",
    PRICES: "any_unit",
}
EXAMPLES: dict[str, list[tuple]] = {
    "regions": [("140105", "小店区", "140100", 29520, "公顷", 1000000)],
    "land_cover": [("140105", 2020, "forest.broadleaf", 1200.5, "ha"),
                   ("140105", 2020, "farmland.dryland", 81000, "亩")],
    "quantities": [("140105", 2020, "water_conservation", 1520.3, "万m3"),
                   ("140105", 2020, "carbon_sequestration", 35000, "t_CO2")],
    "drivers": [("140105", 2020, "precipitation", 452.6, "mm")],
    "economy": [("140105", 2020, 5.5e6, 12000, 3500, "万元", 2020)],
    "monitoring": [("S01", "2021-03", "cod", 18.5, "mg/L", "valid")],
    "flows": [("S01", "2021-03", 120.5, "万m3")],
    STANDS: [("140105", 2016, "油松", "", 1500, 5.2, 0.2), ("140105", 2016, "油松", "幼龄林", 600,
                                                          4.1, 0.15)],
    PRICES: [("carbon", 380, "CNY/t_CO2", 2016, None, "你的来源"),
             ("species", 5000, "元/hm2/a", 2016, 1.0, "")],
}  # fmt: skip


#: stand columns that may not be negative (a drop-down warning; geep checks all bounds)
_STAND_NONNEGATIVE = {STANDS: frozenset(d.name for d in STAND_DRIVERS if d.minimum == 0)}


def _header(table: str, col: str, unit: str | None, lang: str) -> str:
    if col == "unit":
        return UNIT[1] if lang == "zh" else UNIT[0]
    c = TABLES[table].column(col)
    if lang == "zh":
        return f"{c.zh}（{_UNIT_ZH.get(unit, unit)}）" if unit else c.zh
    return f"{c.name} ({unit})" if unit else c.name


def _note(table: str, col: str, lang: str = "en") -> str:
    """The comment on a header cell: what the column holds, required or not (both languages,
    the template's language first)."""
    zh_first = lang == "zh"
    if col == "unit":
        units = ", ".join(list_entries(_UNIT_LIST[table], lang)[:10])
        parts = ("Unit of the number(s) in this row: " + units, "本行数值的单位：" + units)
        return "\n".join(parts[::-1] if zh_first else parts)
    c = TABLES[table].column(col)
    en = f"{c.name} ({'required' if c.required else 'optional'})\n{c.description or c.name}"
    zh = f"{c.zh}（{'必填' if c.required else '选填'}）\n{c.description_zh or c.zh}"
    return f"{zh}\n{en}" if zh_first else f"{en}\n{zh}"


def sheet_name(table: str, lang: str) -> str:
    """Name of the sheet of ``table`` in a template of language ``lang``."""
    return TABLES[table].zh if lang == "zh" else table


#: Chinese names of the entries of coded drop-down lists
_ZH_NAMES: dict[str, dict[str, str]] = {
    "land_class": dict(LAND_CLASSES),
    "indicator": {k: d.zh for k, d in INDICATORS.items()},
    "variable": {k: v[1] for k, v in DRIVERS.items()},
    "age_class": dict(AGE_CLASSES),
    "price": {p.key: p.zh for p in PRICE_SPECS},
}


def list_entries(name: str, lang: str) -> list[str]:
    """The entries of drop-down list ``name``: ``阔叶林 (forest.broadleaf)`` under zh,
    ``forest.broadleaf (阔叶林)`` under en; units as people write them (m³, not m**3)."""
    values = LISTS[name]
    names = _ZH_NAMES.get(name)
    if names is None:
        return [pretty_unit(v) if name.endswith("unit") else v for v in values]
    out = []
    for v in values:
        zh = names.get(v)
        out.append(v if not zh else (f"{zh} ({v})" if lang == "zh" else f"{v} ({zh})"))
    return out


def pretty_unit(unit: str) -> str:
    """A unit as people write it: ``m³``, ``kJ/m²/d``, ``t·ha⁻¹`` (pint syntax undone)."""
    sup = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")
    out = str(unit).replace("t_CO2", "t CO₂").replace("t_C", "t C")
    out = re.sub(r"\*\*(-?\d+)", lambda m: m.group(1).translate(sup), out)
    out = re.sub(r"(?<![A-Za-z_])((?:k|h|c|d)?m)([23])(?![0-9])",
                 lambda m: m.group(1) + m.group(2).translate(sup), out)  # fmt: skip
    return out.replace("*", "·").replace(" · ", "·")


def build_template(lang: str = "en"):
    """The template workbook (``lang``: ``"en"`` or ``"zh"``, the first header row)."""
    return template_book(lang).wb


def template_book(lang: str = "en") -> Book:
    """The template as a :class:`~geep.io.writer.Book`."""
    other = "en" if lang == "zh" else "zh"
    book = Book(lang)
    _instructions(book, book.sheet(INSTRUCTIONS.get(lang, "instructions")), lang)
    lists = book.sheet(LISTS_SHEET)
    ranges = _write_lists(lists, lang)
    lists.sheet_state = "hidden"
    for table, layout in LAYOUT.items():
        ws = book.sheet(sheet_name(table, lang))
        frame = pd.DataFrame(columns=[c for c, _ in layout])
        book.table(ws, frame, headers=[_header(table, c, u, lang) for c, u in layout],
                   second=[_header(table, c, u, other) for c, u in layout])  # fmt: skip
        for j, (col, _) in enumerate(layout, start=1):
            letter = get_column_letter(j)
            ws.cell(1, j).comment = Comment(_note(table, col, lang), "geep", width=320,
                                            height=140)  # fmt: skip
            ws.column_dimensions[letter].width = 30 if col in LISTS else 16
            if col in ("region_code", "parent_code", "section_id", "period"):
                ws.column_dimensions[letter].number_format = "@"  # keep leading zeros
            _validation(ws, table, col, letter, ranges, lang)
    book.wb.active = 0
    return book


def _write_lists(ws, lang: str) -> dict[str, str]:
    ranges: dict[str, str] = {}
    for j, name in enumerate(LISTS, start=1):
        letter = get_column_letter(j)
        ws.cell(1, j, name)
        values = list_entries(name, lang)
        for i, v in enumerate(values, start=2):
            ws.cell(i, j, cell_value(v))
        ranges[name] = f"'{LISTS_SHEET}'!${letter}$2:${letter}${len(values) + 1}"
    return ranges


def _validation(ws, table: str, col: str, letter: str, ranges: dict[str, str], lang: str) -> None:
    cells = f"{letter}3:{letter}{DATA_ROWS}"
    key = _UNIT_LIST[table] if col == "unit" else col
    with language_scope(lang):
        if key in ranges:
            # a suggestion list: typed Chinese names, codes and national codes are accepted
            # too and checked by `geep validate`, so the spreadsheet never nags about them
            dv = DataValidation(type="list", formula1=ranges[key], allow_blank=True)
            dv.showErrorMessage = False
        elif col in ("year", "price_year"):
            dv = DataValidation(type="whole", operator="between", formula1="1949", formula2="2100")
            dv.error = msg("tpl.year_error")
            dv.showErrorMessage = True
        elif col in (
            "area",
            "population",
            "flow",
            "concentration",
        ) or col in _STAND_NONNEGATIVE.get(table, ()):
            dv = DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="0")
            dv.errorStyle = "warning"
            dv.error = msg("tpl.positive_error")
            dv.showErrorMessage = True
        else:
            return
    dv.add(cells)
    ws.add_data_validation(dv)


def _instructions(book: Book, ws, lang: str) -> None:
    """What each sheet holds, how to fill it in, the units, an example of each table and the
    vocabularies — in the template's language only (codes and units as they are typed)."""
    with language_scope(lang):
        book.line(ws, msg("tpl.title"), bold=True, size=14)
        book.line(ws, f"geep {__version__}")
        book.line(ws)
        book.line(ws, msg("tpl.how"), bold=True)
        for k in range(1, 6):
            book.line(ws, msg(f"tpl.step{k}"), wrap=True)
        book.line(ws)
        book.line(ws, msg("tpl.sheet"), msg("tpl.table"), msg("tpl.holds"), msg("tpl.columns"),
                  bold=True)  # fmt: skip
        for table, layout in LAYOUT.items():
            spec = TABLES[table]
            what = spec.description_zh if lang == "zh" else spec.description
            cols = ", ".join(_header(table, c, u, lang) for c, u in layout)
            book.line(ws, sheet_name(table, lang), table, what, cols, wrap=True)
        book.line(ws)
        units = ", ".join(pretty_unit(u) for u in KNOWN_SPELLINGS)
        book.line(ws, msg("tpl.units"), units, wrap=True)
        book.line(ws)
        book.line(ws, msg("tpl.example"), bold=True)
        for table, ex in EXAMPLES.items():
            if lang == "zh":  # each example its own table: header, machine row, rows
                book.line(ws)
            book.line(ws, sheet_name(table, lang), *[_header(table, c, u, lang)
                                                     for c, u in LAYOUT[table]])  # fmt: skip
            _machine_row(book, ws, lang, "", *(c for c, _ in LAYOUT[table]))
            for r in ex:
                book.line(ws, "", *r)
        _vocabularies(book, ws, lang)
    for letter, width in zip("ABCDEFG", (34, 26, 60, 60, 16, 16, 16), strict=True):
        ws.column_dimensions[letter].width = width


def _machine_row(book: Book, ws, lang: str, *names: str) -> None:
    """Under zh, the machine names of a table's columns below its Chinese header row (as on
    the data sheets): the cells below hold codes, not words."""
    if lang == "zh":
        book.line(ws, *names)


def _vocabularies(book: Book, ws, lang: str) -> None:
    book.line(ws)
    book.line(ws, msg("tpl.classes"), msg("tpl.zh_name"), bold=True)
    _machine_row(book, ws, lang, "land_class", "name_zh")
    for k, v in LAND_CLASSES.items():
        book.line(ws, k, v)
    for k in BIOMES:
        book.line(ws, k, msg("tpl.biome"))
    book.line(ws)
    book.line(ws, msg("tpl.indicators"), msg("tpl.zh_name"), msg("tpl.unit"),
              msg("tpl.category"), bold=True)  # fmt: skip
    _machine_row(book, ws, lang, "indicator", "name_zh", "unit", "category")
    for d in INDICATORS.values():
        book.line(ws, d.name, d.zh, pretty_unit(d.quantity_unit), label("category", d.category))
    book.line(ws)
    book.line(ws, msg("tpl.drivers"), msg("tpl.zh_name"), msg("tpl.unit"), bold=True)
    _machine_row(book, ws, lang, "variable", "name_zh", "unit")
    for k, (unit, zh_name) in DRIVERS.items():
        book.line(ws, k, zh_name, pretty_unit(unit))
    book.line(ws)
    book.line(ws, msg("forest.tpl_columns"), msg("tpl.zh_name"), msg("tpl.unit"),
              msg("forest.tpl_symbol"), bold=True)  # fmt: skip
    _machine_row(book, ws, lang, "column", "name_zh", "unit", "symbol")
    for d in STAND_DRIVERS:
        book.line(ws, d.name, d.zh, pretty_unit(d.unit), d.symbol)
    book.line(ws)
    book.line(ws, msg("forest.tpl_age_classes"), msg("tpl.zh_name"), bold=True)
    _machine_row(book, ws, lang, "age_class", "name_zh")
    for k, v in AGE_CLASSES.items():
        book.line(ws, k, v)


def template_bytes(lang: str = "en") -> bytes:
    """The bytes of the template workbook (reproducible)."""
    return template_book(lang).bytes()


def write_template(path: str | Path, lang: str = "en") -> Path:
    """Write the template workbook to ``path`` atomically."""
    return template_book(lang).save(path)
