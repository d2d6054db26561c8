"""``geep template``: a blank input workbook that reads back without errors once filled.

One instructions sheet (what each sheet is, the units accepted, an example of each table, the
land classes, indicators and driver variables), one sheet per input table of DESIGN §4 with
bilingual headers on two rows (the language chosen first), frozen header rows, a note on each
header cell, and drop-downs for land classes, indicators, driver variables, units and status.
Drop-down lists live in a hidden ``_lists`` sheet, which the reader skips.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from .._version import __version__
from ..inputs.spec import TABLES
from ..units import KNOWN_SPELLINGS
from ..vocab import BIOMES, DRIVERS, INDICATORS, LAND_CLASSES
from .xlsxout import cell_value, save_workbook, style_header, workbook_bytes

DATA_ROWS = 5000  # rows covered by drop-downs and checks
LISTS_SHEET = "_lists"
INSTRUCTIONS = {"en": "instructions", "zh": "说明"}
UNIT = ("unit", "单位")

#: columns of each template sheet: (column, unit written in the header or None); "unit" is the
#: unit column of the row's quantity columns that have no unit in their header
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
}  # fmt: skip
_UNIT_ZH = {"person": "人"}

#: drop-down lists: name → values
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
}
_UNIT_LIST = {
    "regions": "area_unit",
    "land_cover": "area_unit",
    "quantities": "any_unit",
    "drivers": "any_unit",
    "economy": "money_unit",
    "monitoring": "concentration_unit",
    "flows": "volume_unit",
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
}  # fmt: skip


def _header(table: str, col: str, unit: str | None, lang: str) -> str:
    if col == "unit":
        return UNIT[1] if lang == "zh" else UNIT[0]
    c = TABLES[table].column(col)
    if lang == "zh":
        return f"{c.zh}（{_UNIT_ZH.get(unit, unit)}）" if unit else c.zh
    return f"{c.name} ({unit})" if unit else c.name


def _note(table: str, col: str) -> str:
    if col == "unit":
        return "Unit of the number(s) in this row / 本行数值的单位: " + ", ".join(
            LISTS[_UNIT_LIST[table]][:10]
        )
    c = TABLES[table].column(col)
    text = c.description or c.name
    if c.description_zh:
        text += f"\n{c.description_zh}"
    need = "required / 必填" if c.required else "optional / 选填"
    return f"{c.name} / {c.zh} ({need})\n{text}"


def sheet_name(table: str, lang: str) -> str:
    """Name of the sheet of ``table`` in a template of language ``lang``."""
    return TABLES[table].zh if lang == "zh" else table


def build_template(lang: str = "en") -> Workbook:
    """The template workbook (``lang``: ``"en"`` or ``"zh"``, the first header row)."""
    other = "en" if lang == "zh" else "zh"
    wb = Workbook()
    wb.remove(wb.active)
    _instructions(wb.create_sheet(INSTRUCTIONS.get(lang, "instructions")), lang)
    lists = wb.create_sheet(LISTS_SHEET)
    ranges = _write_lists(lists)
    lists.sheet_state = "hidden"
    for table, layout in LAYOUT.items():
        ws = wb.create_sheet(sheet_name(table, lang))
        ws.append([_header(table, c, u, lang) for c, u in layout])
        ws.append([_header(table, c, u, other) for c, u in layout])
        style_header(ws, 1)
        style_header(ws, 2, italic=True)
        ws.freeze_panes = "A3"
        for j, (col, _) in enumerate(layout, start=1):
            letter = get_column_letter(j)
            cell = ws.cell(1, j)
            cell.comment = Comment(_note(table, col), "geep", width=320, height=140)
            ws.column_dimensions[letter].width = 22 if col in LISTS or col == "unit" else 16
            if col in ("region_code", "parent_code", "section_id", "period"):
                ws.column_dimensions[letter].number_format = "@"  # keep leading zeros
            _validation(ws, table, col, letter, ranges)
    wb.active = 0
    return wb


def _write_lists(ws) -> dict[str, str]:
    ranges: dict[str, str] = {}
    for j, (name, values) in enumerate(LISTS.items(), start=1):
        letter = get_column_letter(j)
        ws.cell(1, j, name)
        for i, v in enumerate(values, start=2):
            ws.cell(i, j, cell_value(v))
        ranges[name] = f"'{LISTS_SHEET}'!${letter}$2:${letter}${len(values) + 1}"
    return ranges


def _validation(ws, table: str, col: str, letter: str, ranges: dict[str, str]) -> None:
    cells = f"{letter}3:{letter}{DATA_ROWS}"
    key = _UNIT_LIST[table] if col == "unit" else col
    if key in ranges:
        dv = DataValidation(type="list", formula1=ranges[key], allow_blank=True)
        dv.errorStyle = "warning"  # Chinese names and national codes are accepted too
        dv.error = "Not in the list: check the spelling / 不在列表中，请检查拼写"
    elif col in ("year", "price_year"):
        dv = DataValidation(type="whole", operator="between", formula1="1949", formula2="2100")
        dv.error = "A year between 1949 and 2100 / 请填写 1949–2100 之间的年份"
    elif col in ("area", "population", "flow", "concentration"):
        dv = DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="0")
        dv.errorStyle = "warning"
        dv.error = "A number ≥ 0 / 请填写不小于 0 的数值"
    else:
        return
    dv.showErrorMessage = True
    dv.add(cells)
    ws.add_data_validation(dv)


def _instructions(ws, lang: str) -> None:
    zh = lang == "zh"
    bold = Font(bold=True)
    rows: list[tuple] = [
        ("geep 输入数据模板 / geep input workbook" if zh else "geep input workbook / geep 输入数据模板",),
        (f"geep {__version__}",),
        (),
        ("填写说明 / How to fill in" if zh else "How to fill in / 填写说明",),
        ("1. Each sheet is one input table; fill only the sheets you need (leave others empty). "
         "每个工作表是一张输入表，只需填写需要的表，其余留空。",),
        ("2. Keep the two header rows (Chinese and English); one row per record below them. "
         "保留两行表头（中文、英文），其下每行一条记录。",),
        ("3. Type plain numbers (no formulas that are not saved, no text such as '约'). Units go in "
         "the 'unit / 单位' column: ha, 亩, 公顷, km2 … 请填写纯数值，单位填在“单位”列。",),
        ("4. Land classes, indicators and units have drop-down lists; Chinese names and "
         "GB/T 21010 codes are also accepted. 地类、指标和单位可从下拉列表选择，也可填写中文名称或三调编码。",),
        ("5. Run `geep validate FILE.xlsx` to check: every problem is listed with its cell. "
         "运行 `geep validate 文件.xlsx` 检查，所有问题都会列出所在单元格。",),
        (),
        ("sheet / 工作表", "table / 表", "what it holds / 内容", "columns / 列"),
    ]  # fmt: skip
    for table, layout in LAYOUT.items():
        spec = TABLES[table]
        cols = ", ".join(_header(table, c, u, "en") + " / " + _header(table, c, u, "zh")
                         for c, u in layout)  # fmt: skip
        rows.append(
            (sheet_name(table, lang), table, f"{spec.description} / {spec.description_zh}", cols)
        )
    rows += [(), ("units accepted / 可用单位", ", ".join(KNOWN_SPELLINGS)), ()]
    rows.append(("example / 示例",))
    for table, ex in EXAMPLES.items():
        rows.append(
            (sheet_name(table, lang), *[_header(table, c, u, lang) for c, u in LAYOUT[table]])
        )
        rows += [("", *r) for r in ex]
    rows += [(), ("land classes / 地类", "中文", "", "")]
    rows += [(k, v) for k, v in LAND_CLASSES.items()]
    rows += [("(benefit transfer biomes / 效益转移生物群区)", ", ".join(BIOMES))]
    rows += [(), ("indicators / 指标", "中文", "unit / 单位", "category / 类别")]
    rows += [(d.name, d.zh, d.quantity_unit, d.category) for d in INDICATORS.values()]
    rows += [(), ("driver variables / 驱动因子", "中文", "unit / 单位")]
    rows += [(k, zh_name, unit) for k, (unit, zh_name) in DRIVERS.items()]
    for r in rows:
        ws.append([cell_value(v) for v in r])
    for cell in ws["A"]:
        if cell.value and (cell.row in (1, 4) or str(cell.value).endswith(("/ 示例", "/ 表"))):
            cell.font = bold
    ws["A1"].font = Font(bold=True, size=14)
    for letter, width in zip("ABCDEFG", (34, 26, 60, 60, 16, 16, 16), strict=True):
        ws.column_dimensions[letter].width = width
    for row in ws.iter_rows(min_row=11):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")


def template_bytes(lang: str = "en") -> bytes:
    """The bytes of the template workbook (reproducible)."""
    return workbook_bytes(build_template(lang))


def write_template(path: str | Path, lang: str = "en") -> Path:
    """Write the template workbook to ``path`` atomically."""
    path = Path(path)
    save_workbook(build_template(lang), path)
    return path
