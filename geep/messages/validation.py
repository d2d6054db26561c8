"""Messages of input validation: cells, codes, units and plausibility (geep.inputs)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # input validation (geep.inputs.normalise)
    "in.bool": ("a true/false value is not a number", "逻辑值（是/否）不是数字"),
    "in.text_number": ("number stored as text, read as a number", "以文本存储的数字，已按数字读取"),
    "in.fullwidth_number": (
        "number typed with fullwidth characters, read as a number",
        "以全角字符输入的数字，已按数字读取",
    ),
    "in.thousands": (
        "number with thousands separators, read as a number",
        "带千位分隔符的数字，已按数字读取",
    ),
    "in.not_number": ("{text!r} is not a number", "{text!r} 不是数字"),
    "in.column_ignored": (
        "column {column!r} is not part of table {table!r} and is ignored",
        "列 {column!r} 不属于表 {table!r}，已忽略",
    ),
    "in.column_missing": (
        "required column {column!r} ({zh}) is missing",
        "缺少必填列 {column!r}（{zh}）",
    ),
    "hint.add_column": (
        "add a column headed {column!r} or {zh!r}",
        "请添加列标题为 {column!r} 或 {zh!r} 的列",
    ),
    "in.empty": ("empty {column} ({zh})", "{zh}（{column}）为空"),
    "hint.fill_cell": ("fill in the cell", "请填写该单元格"),
    "hint.fill_number": ("fill in the number (0 if truly zero)", "请填写数字（确实为零请填 0）"),
    "in.whole_number": ("{column} must be a whole number", "{column} 必须是整数"),
    "hint.year": ("type e.g. 2020", "请填写如 2020"),
    "hint.number": ("type a plain number, e.g. 1234.5", "请填写普通数字，如 1234.5"),
    "in.year_range": ("year {year} is outside {lo}–{hi}", "年份 {year} 不在 {lo}–{hi} 范围内"),
    "hint.check_year": ("check the year", "请检查年份"),
    "in.negative_area": ("negative area", "面积为负"),
    "hint.area": ("areas must be ≥ 0", "面积必须 ≥ 0"),
    "in.no_unit": ("no unit for {column}", "{column} 没有单位"),
    "hint.unit_header": (
        "put the unit in the header, e.g. '{column} ({unit})', or in a 'unit' column",
        "请在列标题中注明单位（如 '{column} ({unit})'），或添加“单位”列",
    ),
    "in.zh_class": (
        "Chinese class name {value!r} read as {canon!r}",
        "中文地类名 {value!r} 已识别为 {canon!r}",
    ),
    "in.national_class": (
        "national class {value!r} mapped to {canon!r} by {ref}",
        "国家分类 {value!r} 已按 {ref} 对应为 {canon!r}",
    ),
    "in.unknown_class": (
        "unknown land class {value!r}{suggestion}",
        "无法识别的地类 {value!r}{suggestion}",
    ),
    "hint.class": (
        "use a geep class (e.g. forest.broadleaf), its Chinese name, or a GB/T 21010 / CNLUCC code",
        "请使用 geep 地类（如 forest.broadleaf）、其中文名称，或 GB/T 21010 / CNLUCC 代码",
    ),
    "in.unknown_indicator": (
        "unknown GEP indicator {value!r}{suggestion}",
        "无法识别的 GEP 指标 {value!r}{suggestion}",
    ),
    "hint.indicator": (
        "see `geep template` for the list of indicators",
        "指标列表见 `geep template` 生成的模板",
    ),
    "in.indicator_read": (
        "indicator {value!r} read as {canon!r}",
        "指标 {value!r} 已识别为 {canon!r}",
    ),
    "in.unknown_driver": (
        "unknown driver variable {value!r}{suggestion}",
        "无法识别的驱动变量 {value!r}{suggestion}",
    ),
    "in.duplicate": ("duplicate {keys} {value} in {refs}", "{keys} 重复：{value}，位于 {refs}"),
    "hint.duplicate": (
        "keep one row per key (sum the areas yourself if they are parts)",
        "每个键只保留一行（如为分项面积，请先自行合计）",
    ),
    "in.more_cells": (" (and {n} more cell(s) in this column)", "（本列另有 {n} 个单元格相同）"),
    "or": (" or ", "、"),
    "report.none": ("no problems found", "未发现问题"),
    "report.head": (
        "{errors} error(s), {others} warning(s)/note(s):",
        "{errors} 个错误，{others} 个警告/提示：",
    ),
    "report.fix": (
        "{errors} error(s): fix them and run again",
        "{errors} 个错误：请修改后重新运行",
    ),
    "severity.error": ("error", "错误"),
    "severity.warning": ("warning", "警告"),
    "severity.note": ("note", "提示"),
    "did_you_mean": ("; did you mean {options}?", "；是否是指 {options}？"),
    # input layer: cells, codes, units (issue 11)
    "in.id_character": (
        "{what} {value!r} contains {char!r} ({name}); ids are ASCII letters, digits, '-', '_' "
        "and '.'",
        "{what} {value!r} 含有字符 {char!r}（{name}）；编号只能由 ASCII 字母、数字及 '-'、'_'、'.' 组成",
    ),
    "in.not_period": (
        "{text!r} is not a period (a year YYYY or a month YYYY-MM, years {lo}–{hi})",
        "{text!r} 不是有效时段（年份 YYYY 或月份 YYYY-MM，{lo}–{hi} 年）",
    ),
    "hint.period": (
        "write YYYY-MM for a month (2021-03, 2021年3月) or YYYY for a year",
        "月份写成 YYYY-MM（如 2021-03、2021年3月），年份写成 YYYY",
    ),
    "in.not_date": ("{text!r} is not a date", "{text!r} 不是日期"),
    "in.date_month": ("month must be in 1..12", "月份须在 1..12 之间"),
    "in.date_day": ("day is out of range for month", "日数超出该月的天数"),
    "in.bad_date": (
        "{text!r} is not a valid date ({problem})",
        "{text!r} 不是有效日期（{problem}）",
    ),
    "hint.date": (
        "write the date as YYYY-MM-DD (2023-03-01, 2023年3月1日) or enter it as a date cell",
        "日期请写成 YYYY-MM-DD（如 2023-03-01、2023年3月1日），或以日期格式输入",
    ),
    "in.unit_assumed": (
        "{column} without a unit, read in {unit}",
        "{column} 未给单位，按 {unit} 读取",
    ),
    "in.too_large": (
        "{value!r} is beyond any plausible amount (|x| ≤ {limit:g})",
        "{value!r} 超出任何合理数额（|x| ≤ {limit:g}）",
    ),
    "in.unknown_yes_no": ("{value!r} is not yes or no", "{value!r} 不是“是”或“否”"),
    "hint.yes_no": (
        "write yes or no (true/false, 1/0, 是/否)",
        "请填写“是”或“否”（也可写 true/false、1/0、yes/no）",
    ),
    "in.code_character": (
        "code {value!r} contains {char!r} ({name}, {point}): codes are plain letters and digits",
        "代码 {value!r} 含有字符 {char!r}（{name}，{point}）：代码只能由普通字母和数字组成",
    ),
    "hint.code_character": (
        "retype the code (a look-alike letter or an invisible character was pasted in)",
        "请重新输入该代码（其中粘贴进了形近字母或不可见字符）",
    ),
    "in.invisible_removed": (
        "invisible characters removed: read as {value!r}",
        "已删除不可见字符：按 {value!r} 读取",
    ),
    "in.not_finite": ("not a finite number", "不是有限数"),
    "in.cell_too_long": (
        "a cell of {n} characters is not a value",
        "长达 {n} 个字符的单元格不是有效数值",
    ),
    "in.decimal_comma": ("number read with a decimal comma", "数字按小数逗号读取"),
    "in.ambiguous_comma": (
        "{text!r}: in a semicolon-separated file the comma may be a decimal comma (1,5 = 1.5) or "
        "a thousands separator (1,500 = 1500)",
        "{text!r}：在以分号分隔的文件中，逗号既可能是小数点（1,5 = 1.5），也可能是千位分隔符（1,500 = 1500）",
    ),
    "hint.ambiguous_comma": (
        "say which with --decimal , or --decimal . (decimal=',' / '.' in Python)",
        "请用 --decimal , 或 --decimal . 指明（Python 中为 decimal=',' / '.'）",
    ),
    "in.column_twice": (
        "column {column!r} appears twice ({a!r} and {b!r})",
        "列 {column!r} 出现了两次（{a!r} 和 {b!r}）",
    ),
    "hint.column_twice": ("keep one of them", "请只保留其中一列"),
    "hint.rename_or_delete": ("rename or delete the column", "请重命名或删除该列"),
    "in.key_column_in_long": (
        "column {column!r} is headed like a {key} of a wide table, but this table is long (it "
        "has a {key} column): its values would be lost",
        "列 {column!r} 的标题像宽表中的一个{key}，但本表是长表（已有{key}列）：该列数值会丢失",
    ),
    "hint.key_column_in_long": (
        "move its values into rows (one row per {key}), or delete the column",
        "请把该列数值改为行（每个{key}一行），或删除该列",
    ),
    "in.unit_conflict": (
        "the header of {column} says {header!r} but the unit cell {cell} says {unit!r} ({n} "
        "row(s) disagree)",
        "{column} 的列标题单位为 {header!r}，而单位单元格 {cell} 为 {unit!r}（共 {n} 行不一致）",
    ),
    "in.unit_conflict_cell": (
        "unit differs from the header's {header!r} of {column}",
        "单位与 {column} 列标题中的 {header!r} 不一致",
    ),
    "hint.unit_conflict": (
        "give the unit once: in the header or in the unit column, not both differently",
        "单位只写一处：列标题或单位列，二者不能不同",
    ),
    "in.not_finite_converted": (
        "{column} is not a finite number once converted to its canonical unit",
        "{column} 换算为标准单位后不是有限数",
    ),
    "hint.not_finite_converted": (
        "check the number and its unit (a value this large is not a real quantity)",
        "请检查数值及其单位（如此大的数值不是真实的量）",
    ),
    "in.negative": ("{column} ({zh}) is negative", "{zh}（{column}）为负"),
    "hint.negative": (
        "{column} cannot be negative; check the sign",
        "{column} 不能为负，请检查符号",
    ),
    "in.wide_without_key": (
        "a wide table (one column per {key}) needs a {column} ({zh}) column",
        "宽表（每个{key}一列）需要 {column}（{zh}）列",
    ),
    "in.wide_read": (
        "wide table read as long form ({n} {key} columns)",
        "宽表已按长表读取（{n} 个{key}列）",
    ),
    "hint.driver": ("see geep.vocab.DRIVERS", "驱动变量列表见 geep.vocab.DRIVERS"),
    "io.mixed_encoding": (
        "{file} mixes text encodings: line {line} is not UTF-8 while other lines are",
        "{file} 混用了多种文本编码：第 {line} 行不是 UTF-8，而其他行是",
    ),
    # plausibility (issue 11 item 2)
    "plaus.gdp_per_head": (
        "GDP per head of {region} in {year} is {value} CNY, outside the plausible {lo}–{hi}: "
        "a unit slip (万元 vs 亿元, 元 vs 万元)?",
        "{region} {year} 年人均 GDP 为 {value} 元，超出合理范围 {lo}–{hi}：是否单位写错（万元与亿元、元与万元）？",
    ),
    "plaus.gdp_per_km2": (
        "GDP per km² of {region} in {year} is {value} CNY, outside the plausible {lo}–{hi}: a "
        "unit slip in the GDP or in the area?",
        "{region} {year} 年地均 GDP 为 {value} 元/km²，超出合理范围 {lo}–{hi}：GDP 或面积的单位是否写错？",
    ),
    "plaus.hint_gdp": (
        "check the unit of the GDP column and of the region's population and area",
        "请检查 GDP 列以及区域人口、面积的单位",
    ),
    "plaus.area_slip": (
        "{n} of {total} region-years have land-cover totals {factor} times the region area — "
        "all by the same factor: likely a unit slip, {cause}; e.g. {cells}",
        "{total} 个区域年份中有 {n} 个的土地覆被合计是区域面积的 {factor} 倍——倍数相同：很可能是单位写错"
        "（{cause}）；例如 {cells}",
    ),
    "plaus.hint_area_slip": (
        "check the unit of the land-cover areas and of the regions' area",
        "请检查土地覆被面积及区域面积的单位",
    ),
    "plaus.jump": (
        "{series}: {column} changes ×{factor} from {y0} to {y1} ({a} → {b}; cells {cell0} and "
        "{cell1})",
        "{series}：{column} 从 {y0} 年到 {y1} 年变化了 {factor} 倍（{a} → {b}；单元格 {cell0} 与 {cell1}）",
    ),
    "plaus.hint_jump": (
        "a change this large is usually a unit or typing slip; check both cells",
        "如此大的变化通常是单位或录入错误，请核对这两个单元格",
    ),
    "in.pair_read": ("{value!r} read as {canon!r}", "{value!r} 已识别为 {canon!r}"),
    "in.pair_disagree": (
        "{value!r} names two different entries: {a!r} and {b!r}",
        "{value!r} 指向两个不同的条目：{a!r} 与 {b!r}",
    ),
    "hint.pair_disagree": (
        "keep the name or the code, or make them agree",
        "请只保留名称或代码之一，或使二者一致",
    ),
}
