"""Messages of the SEEA accounts (geep.seea, geep seea): errors, notes, table and row labels."""

from __future__ import annotations

_INPUT = {
    "seea.not_frame": (
        "expected a table (pandas DataFrame), got {kind}",
        "需要一张表（pandas DataFrame），实际为 {kind}",
    ),
    "seea.hint_frame": ("give a table with the columns {columns}", "请提供含以下列的表：{columns}"),
    "seea.missing_columns": ("missing column(s) {columns}", "缺少列 {columns}"),
    "seea.hint_columns": (
        "the table needs the columns {columns} (English or Chinese headers; the unit in the "
        "header, e.g. 'area (km2)', or in a 'unit' column)",
        "该表需要以下列：{columns}（表头可用中文或英文；单位写在表头，如“面积(km2)”，或单列“单位”）",
    ),
    "seea.duplicate_column": (
        "column {column!r} is given twice",
        "列 {column!r} 出现了两次",
    ),
    "seea.hint_duplicate_column": (
        "keep one column per name (a header and its Chinese form count as the same column)",
        "每个列名只保留一列（中英文表头视为同一列）",
    ),
    "seea.not_number": (
        "column {column!r} is not a finite number at {where} (e.g. {value!r})",
        "列 {column!r} 在 {where} 处不是有效数字（如 {value!r}）",
    ),
    "seea.hint_number": ("write a number in every cell", "请在每个单元格填写数字"),
    "seea.negative": (
        "negative {column} at {where} ({value})",
        "{where} 处的 {column} 为负数（{value}）",
    ),
    "seea.hint_negative": (
        "areas and shares cannot be negative; correct the cell",
        "面积和份额不能为负，请更正该单元格",
    ),
    "seea.not_year": (
        "column {column!r} is not a whole year at {where} ({value})",
        "列 {column!r} 在 {where} 处不是整数年份（{value}）",
    ),
    "seea.hint_year": ("write years as whole numbers such as 2020", "年份请写成整数，如 2020"),
    "seea.blank": ("blank {column} at {where}", "{where} 处的 {column} 为空"),
    "seea.hint_blank": ("fill in {column} on every row", "请在每一行填写 {column}"),
    "seea.unit_twice": (
        "the area unit is given twice, in the header ({header}) and in a 'unit' column",
        "面积单位给了两次：表头（{header}）和“单位”列",
    ),
    "seea.hint_unit_twice": ("keep one of the two", "请只保留其中一处"),
    "seea.no_unit": ("no unit for {what}", "{what} 没有单位"),
    "seea.hint_unit": (
        "give the unit in the header (e.g. 'area (km2)') or in a 'unit' column; it must "
        "convert to {target}",
        "请在表头（如“面积(km2)”）或“单位”列中给出单位，且须能换算为 {target}",
    ),
    "seea.bad_unit": (
        "unit {unit!r} at {where} cannot be used: {problem}",
        "{where} 处的单位 {unit!r} 无法使用：{problem}",
    ),
    "seea.bad_flag": (
        "column {column!r} must be yes/no (managed/unmanaged) at {where}, not {value!r}",
        "列 {column!r} 在 {where} 处应为是/否（人为/自然），而不是 {value!r}",
    ),
    "seea.hint_flag": (
        "write managed/unmanaged, yes/no, true/false, 1/0 or 是/否 on every row",
        "请在每一行填写 managed/unmanaged、yes/no、true/false、1/0 或 是/否",
    ),
    "seea.duplicate_rows": (
        "the same {keys} appears more than once at {where}",
        "相同的 {keys} 在 {where} 处出现了多次",
    ),
    "seea.hint_duplicate_rows": (
        "state each value once (two statements of one value are a contradiction, not a sum)",
        "每个值只填一次（同一数值的两次填报是矛盾，不会相加）",
    ),
}

_EXTENT = {
    "seea.period_order": (
        "year_to must be after year_from at {where}",
        "{where} 处的终止年份必须晚于起始年份",
    ),
    "seea.hint_period_order": ("check the two years of the row", "请检查该行的两个年份"),
    "seea.matrix_cell": (
        "cell ({row}, {column}) is not a number: {value!r}",
        "单元格（{row}，{column}）不是数字：{value!r}",
    ),
    "seea.matrix_classes": (
        "the row classes {rows} and column classes {columns} differ",
        "行地类 {rows} 与列地类 {columns} 不一致",
    ),
    "seea.hint_matrix_classes": (
        "a change matrix is square: the same classes as rows (opening) and columns (closing)",
        "转移矩阵应为方阵：行（期初）与列（期末）为同一组地类",
    ),
    "seea.matrix_total": (
        "the printed total of {kind} {label!r} is {printed}, but its cells sum to {computed}",
        "{kind} {label!r} 的印刷合计为 {printed}，但各单元格之和为 {computed}",
    ),
    "seea.hint_matrix_total": (
        "correct the typed cells or the total; if the source itself is inconsistent, drop its "
        "total row/column and document the difference",
        "请更正录入的单元格或合计；若原文自身不一致，请删去其合计行/列并记录差异",
    ),
    "seea.no_period": (
        "no period {opening}-{closing}; periods present: {periods}",
        "没有 {opening}-{closing} 时段；现有时段：{periods}",
    ),
    "seea.hint_no_period": ("choose one of the periods present", "请选择现有时段之一"),
    "seea.years_needed": (
        "an extent account compares two years, the table has {years}",
        "范围账户比较两个年份，该表的年份为 {years}",
    ),
    "seea.hint_years_needed": (
        "give opening= and closing= (e.g. opening=2015, closing=2020)",
        "请给出 opening= 和 closing=（如 opening=2015, closing=2020）",
    ),
    "seea.years_order": (
        "opening ({opening}) and closing ({closing}) must both be given, closing after opening",
        "期初（{opening}）和期末（{closing}）须同时给出，且期末晚于期初",
    ),
    "seea.year_missing": (
        "land cover has no year {year} (years: {years})",
        "土地覆被中没有 {year} 年（现有年份：{years}）",
    ),
    "seea.regions_differ": (
        "the regions of {y0} and {y1} differ (only in {y0}: {only0}; only in {y1}: {only1})",
        "{y0} 年与 {y1} 年的区域不一致（仅 {y0} 年有：{only0}；仅 {y1} 年有：{only1}）",
    ),
    "seea.hint_regions_differ": (
        "give both years for every region",
        "请为每个区域提供两个年份的数据",
    ),
    "seea.total_changed": (
        "the total area of {region} is {a0:,.2f} ha in {y0} but {a1:,.2f} ha in {y1} "
        "({n} region(s) differ); an extent account covers the same area at opening and closing",
        "{region} 的总面积 {y0} 年为 {a0:,.2f} ha，{y1} 年为 {a1:,.2f} ha（共 {n} 个区域不一致）；"
        "范围账户的期初与期末应覆盖同一面积",
    ),
    "seea.hint_total_changed": (
        "correct the land cover so both years cover the same area, or allow a relative "
        "difference with area_tolerance=",
        "请更正土地覆被使两个年份面积一致，或用 area_tolerance= 允许一定的相对差异",
    ),
    "seea.margin_mismatch": (
        "the change matrix {what} and the land cover given alongside disagree for {region} "
        "{year}, class {cls!r}: {matrix:,.4f} ha in the matrix vs {land_cover:,.4f} ha in the land cover "
        "({n} cell(s) differ)",
        "转移矩阵的{what}与同时给出的土地覆被不一致：{region} {year} 年，地类 {cls!r}："
        "矩阵 {matrix:,.4f} ha，土地覆被 {land_cover:,.4f} ha（共 {n} 处不一致）",
    ),
    "seea.margin_rows": ("row sums (opening)", "行合计（期初）"),
    "seea.margin_columns": ("column sums (closing)", "列合计（期末）"),
    "seea.hint_margin_mismatch": (
        "the two sources state the same area differently: correct one of them (a typing "
        "error, a missing transition, or a source that contradicts itself)",
        "两个来源对同一面积的表述不同：请更正其中之一（录入错误、遗漏的转移，或原文自相矛盾）",
    ),
    "seea.note_no_matrix": (
        "extent from two land-cover years without a change matrix: opening, net change and "
        "closing only — gross additions and reductions cannot be known",
        "范围账户来自两期土地覆被、没有转移矩阵：仅有期初、净变化和期末，无法得知总增加量和总减少量",
    ),
    "seea.note_absent_class": (
        "no land-cover row in {year} for {pairs} ({n} in all): counted as 0 ha in that year",
        "{year} 年没有 {pairs} 的土地覆被记录（共 {n} 项）：该年按 0 ha 计",
    ),
    "seea.note_unmanaged_split": (
        "the transitions do not say which changes were managed: additions and reductions are "
        "not split into managed and unmanaged",
        "转移表未说明哪些变化属人为管理：增加和减少未拆分为人为与自然",
    ),
    "seea.no_matrix": (
        "this extent account has no change matrix (it was made from land cover)",
        "该范围账户没有转移矩阵（由土地覆被生成）",
    ),
    "seea.hint_no_matrix": (
        "build it from a transitions table (geep.grid.transitions, or transitions_from_matrix)",
        "请由转移表生成（geep.grid.transitions 或 transitions_from_matrix）",
    ),
    "seea.pick_matrix": (
        "{n} change matrices match; choose one: {options}",
        "有 {n} 个转移矩阵符合条件，请选择其一：{options}",
    ),
    "seea.hint_pick_matrix": (
        "give region_code= and period= (e.g. period='2000-2010')",
        "请给出 region_code= 和 period=（如 period='2000-2010'）",
    ),
    "seea.no_table": (
        "no table {table} in this account (tables: {tables})",
        "该账户没有表 {table}（现有：{tables}）",
    ),
    "seea.hint_no_table": ("use one of the tables listed", "请使用所列表之一"),
}

_DISCOUNT = {
    "seea.bad_timing": (
        "timing must be 'end' or 'beginning', not {timing!r}",
        "折现时点须为 'end'（期末）或 'beginning'（期初），而不是 {timing!r}",
    ),
    "seea.hint_timing": (
        "'end': ordinary annuity, flows at the end of each year (the SEEA EA formula); "
        "'beginning': annuity-due, the first flow undiscounted (a factor 1 + r more)",
        "'end'：普通年金，流量在每年年末（SEEA EA 公式）；'beginning'：期初年金，第一年流量不折现（多乘 1 + r）",
    ),
    "seea.bad_life": (
        "the asset life must be a whole number of years ≥ 1, not {life!r}",
        "资产寿命须为不小于 1 的整数年，而不是 {life!r}",
    ),
    "seea.hint_life": (
        "give asset_life in years, e.g. 100 (the SEEA EA SEEALand example)",
        "请以年为单位给出资产寿命，如 100（SEEA EA SEEALand 示例）",
    ),
    "seea.rate_not_number": ("discount rate {rate!r} is not a number", "折现率 {rate!r} 不是数字"),
    "seea.hint_rate": (
        "give the rate per year as a fraction, e.g. 0.02 for 2 %",
        "请以小数给出年折现率，如 2% 写作 0.02",
    ),
    "seea.rate_percent": (
        "discount rate {rate} is ≥ 1 (≥ 100 % a year): it looks like a percentage",
        "折现率 {rate} 不小于 1（每年 100% 以上）：看起来是百分数",
    ),
    "seea.hint_rate_percent": (
        "write the rate as a fraction: {fraction} for {rate} %",
        "请以小数写折现率：{rate}% 应写作 {fraction}",
    ),
    "seea.rate_too_low": (
        "discount rate {rate} is ≤ −1: discount factors would be undefined",
        "折现率 {rate} 不大于 −1：折现因子无定义",
    ),
    "seea.bad_schedule": (
        "a rate schedule maps the first year of each step (starting at 1) to its rate: {schedule}",
        "折现率阶梯应把每段的起始年（从 1 开始）映射到该段的折现率：{schedule}",
    ),
    "seea.schedule_length": (
        "a sequence of rates needs one rate per year: {n} rates for an asset life of {life} years",
        "逐年折现率须每年一个：{n} 个折现率对应 {life} 年资产寿命",
    ),
    "seea.hint_schedule": (
        "give one rate, one rate per year, or steps such as {{1: 0.035, 31: 0.03}}",
        "请给出一个折现率、逐年折现率，或阶梯如 {{1: 0.035, 31: 0.03}}",
    ),
    "seea.value_or_flows": (
        "give either a constant annual value or a flow projection (flows=), not both or neither",
        "请给出恒定年流量或流量预测（flows=）之一，不能两者都给或都不给",
    ),
    "seea.hint_value_or_flows": (
        "asset_value(19.10, 0.0277, 100) or asset_value(flows=[...], discount_rate=0.02)",
        "asset_value(19.10, 0.0277, 100) 或 asset_value(flows=[...], discount_rate=0.02)",
    ),
    "seea.bad_flows": (
        "a flow projection is one value per year (1-D) or per asset and year (2-D), got shape {shape}",
        "流量预测应为逐年一值（一维）或逐资产逐年（二维），实际形状为 {shape}",
    ),
    "seea.flows_length": (
        "the flow projection has {n} years but the asset life is {life}",
        "流量预测有 {n} 年，但资产寿命为 {life} 年",
    ),
    "seea.hint_flows": (
        "give one finite flow per year of the asset life",
        "请为资产寿命内每年给出一个有效流量",
    ),
    "seea.flow_not_finite": ("a flow is missing or not finite", "有流量缺失或不是有效数字"),
}

from ._seea_labels import LABELS as _LABELS  # noqa: E402
from ._seea_msgs import MORE as _MORE  # noqa: E402
from ._seea_zh import ZH as _ZH  # noqa: E402

MESSAGES: dict[str, tuple[str, str]] = {**_INPUT, **_EXTENT, **_DISCOUNT, **_MORE, **_LABELS, **_ZH}
