"""Messages of the ``seea`` domain for ledgers, assets, change analysis and indices, files and
``geep seea`` (merged by :mod:`geep.messages.seea`)."""

from __future__ import annotations

_LEDGER = {
    "seea.not_ledger": (
        "{what} must be a geep Ledger, not {kind}",
        "{what} 应为 geep 核算账户（Ledger），而不是 {kind}",
    ),
    "seea.empty_ledger": ("{what} has no lines", "{what} 没有任何行"),
    "seea.hint_ledger": (
        "make one with geep.esv(...), geep.gep(...) or geep.benefit_transfer(...), or read one "
        "with geep.Ledger.read(path)",
        "请用 geep.esv(...)、geep.gep(...) 或 geep.benefit_transfer(...) 生成，或用 geep.Ledger.read(path) 读取",
    ),
    "seea.mixed_money": (
        "values in different currencies or price years cannot be combined: units {units}, "
        "price years {years}",
        "不同币种或价格年份的价值不能合并：单位 {units}，价格年份 {years}",
    ),
    "seea.hint_mixed_money": (
        "compute the ledgers at one price year (e.g. geep.esv(..., price_year=2020)) so that "
        "changes are real, not inflation",
        "请按同一价格年份计算（如 geep.esv(..., price_year=2020)），使变化为实际变化而非通胀",
    ),
    "seea.no_areas": (
        "{what}: no line states an area (quantity in ha, km², 亩 …), so values per area are "
        "unknown",
        "{what}：没有任何行给出面积（以公顷、平方公里、亩等计的数量），无法得到单位面积价值",
    ),
    "seea.hint_no_areas": (
        "give land_cover= (region_code, year, land_class, area, unit)",
        "请给出 land_cover=（region_code, year, land_class, area, unit）",
    ),
    "seea.areas_disagree": (
        "{what}: the lines of {region} {year} {cls!r} state different areas ({lo} and {hi} ha)",
        "{what}：{region} {year} 年 {cls!r} 的各行面积不一致（{lo} 与 {hi} ha）",
    ),
    "seea.hint_areas_disagree": (
        "give the areas explicitly with land_cover=",
        "请用 land_cover= 明确给出面积",
    ),
    "seea.value_without_area": (
        "{what}: {region} {year} {cls!r} has a value but no area",
        "{what}：{region} {year} 年 {cls!r} 有价值但没有面积",
    ),
    "seea.hint_value_without_area": (
        "add the class to the land cover given alongside",
        "请在同时给出的土地覆被中补上该地类",
    ),
    "seea.area_without_value": (
        "{what}: classes {classes} have an area but no value lines",
        "{what}：地类 {classes} 有面积但没有价值行",
    ),
    "seea.hint_area_without_value": (
        "if the method values them at 0, say so with zero_value={classes}; otherwise check the "
        "class names",
        "若方法对其计价为 0，请用 zero_value={classes} 说明；否则请检查地类名称",
    ),
    "seea.ledger_a": ("ledger a (opening)", "账户 a（期初）"),
    "seea.ledger_b": ("ledger b (closing)", "账户 b（期末）"),
}

_ASSETS = {
    "seea.asset_one_year": (
        "an asset account compares two or more years; the ledger has {years}",
        "资产账户需要两个或更多年份；该核算账户仅有 {years}",
    ),
    "seea.hint_asset_one_year": (
        "compute the ledger for the opening and the closing year (e.g. land cover of 2015 and "
        "2020), or value one year with asset_value()",
        "请计算期初和期末两年的核算账户（如 2015 与 2020 年土地覆被），或用 asset_value() 对单一年份估值",
    ),
    "seea.asset_period": (
        "period {period} is not a pair of ledger years {years}",
        "时期 {period} 不是核算账户年份 {years} 中的两个年份",
    ),
    "seea.hint_asset_period": (
        "give periods as (opening, closing) years of the ledger",
        "请以核算账户中的（期初，期末）年份给出时期",
    ),
    "seea.asset_duplicate": (
        "the ledger has two lines for {region} {year} {line}",
        "核算账户中 {region} {year} 年 {line} 有两行",
    ),
    "seea.hint_asset_duplicate": (
        "give one line per region, year, type and indicator",
        "每个区域、年份、类型和指标只保留一行",
    ),
    "seea.flows_tau": (
        "a flow projection needs tau = 1 … {life}, once each",
        "流量预测须包含 tau = 1 … {life}，各一次",
    ),
    "seea.flows_missing": (
        "the flow projection has no index for some lines (keys {keys})",
        "流量预测缺少部分行的指数（键 {keys}）",
    ),
    "seea.hint_asset_flows": (
        "give one relative index per year of the asset life (1 = the accounting year's flow)",
        "请为资产寿命内每年给出一个相对指数（1 = 核算年份的流量）",
    ),
    "seea.other_unknown": (
        "other changes name regions/types not in the ledger: {where}",
        "其他物量变化中的区域/类型不在核算账户中：{where}",
    ),
    "seea.other_too_large": (
        "other changes in volume exceed the degradation (losses) or enhancement (gains) they are "
        "taken from",
        "其他物量变化超过了其所出自的退化（损失）或改善（增加）",
    ),
    "seea.hint_other": (
        "other changes re-attribute part of the volume change (e.g. a catastrophic loss); "
        "give region_code, ecosystem_type, year_from, year_to, value",
        "其他物量变化是对部分物量变化的重新归类（如灾害损失）；请给出 region_code, ecosystem_type, year_from, year_to, value",
    ),
    "seea.note_asset_constant": (
        "expectation: the accounting year's flow held constant in real terms for {life} years, "
        "discounted at {rate} ({timing} of year)",
        "预期：核算年份的流量按不变价在 {life} 年内保持不变，按 {rate} 折现（年{timing}）",
    ),
    "seea.note_asset_projection": (
        "expectation: the given relative flow projection over {life} years, discounted at "
        "{rate} ({timing} of year)",
        "预期：按给定的相对流量预测（{life} 年），按 {rate} 折现（年{timing}）",
    ),
    "seea.note_no_conversions": (
        "no areas by ecosystem type: conversions cannot be told from enhancement and "
        "degradation and are included in them",
        "没有按生态系统类型的面积：无法区分转换与改善/退化，转换已计入改善和退化",
    ),
    "seea.note_no_other_changes": (
        "no other changes in volume were given (other_changes=): catastrophic losses, if any, "
        "are inside degradation",
        "未给出其他物量变化（other_changes=）：如有灾害损失，已计入退化",
    ),
    "seea.note_welfare_assets": (
        "the ledger's {accounts} values are value transfers (welfare values), not SEEA exchange "
        "values: present the asset values as a complementary table",
        "该核算账户的 {accounts} 价值为价值转移（福利价值），不是 SEEA 交换价值：资产价值应作为补充表列示",
    ),
}

_ASSETS["seea.asset_not_finite"] = (
    "the asset account has non-finite values (a quantity on a near-zero area?)",
    "资产账户出现非有限数值（是否有接近于零的面积上的数量？）",
)
_ASSETS["seea.hint_asset_not_finite"] = (
    "check the areas and quantities of the ledger and land cover",
    "请检查核算账户和土地覆被中的面积与数量",
)
_ASSETS["seea.timing.end"] = ("end", "末")
_ASSETS["seea.timing.beginning"] = ("beginning", "初")

_CHANGE = {
    "seea.one_year": (
        "{what} must hold one year, it has {years}",
        "{what} 应只含一个年份，实际为 {years}",
    ),
    "seea.hint_one_year": (
        "pass the opening-year ledger as ledger_a and the closing-year ledger as ledger_b",
        "请将期初年份的核算账户作为 ledger_a，期末年份的作为 ledger_b",
    ),
    "seea.same_year": ("both ledgers are for {year}", "两个核算账户都是 {year} 年的"),
    "seea.change_regions": (
        "the two ledgers cover different regions (only in a: {only_a}; only in b: {only_b})",
        "两个核算账户的区域不一致（仅 a 有：{only_a}；仅 b 有：{only_b}）",
    ),
    "seea.hint_change_regions": (
        "compare the same regions in both years",
        "请比较两个年份的相同区域",
    ),
    "seea.change_unknown_class": (
        "the change matrix has class {cls!r} in {region}, which neither ledger values",
        "转移矩阵中 {region} 的地类 {cls!r} 在两个核算账户中都没有价值",
    ),
    "seea.change_margins": (
        "the change matrix {side} and {year} disagree for {region}, class {cls!r}: {matrix:,.4f} ha "
        "in the matrix vs {ledger:,.4f} ha in the ledger ({n} class(es) differ)",
        "转移矩阵的{side}与{year}不一致：{region}，地类 {cls!r}：矩阵 {matrix:,.4f} ha，核算账户 {ledger:,.4f} ha（共 {n} 个地类不一致）",
    ),
    "seea.bad_weights": (
        "weights must be 'opening' or 'midpoint', not {weights!r}",
        "weights 须为 'opening' 或 'midpoint'，而不是 {weights!r}",
    ),
    "seea.hint_weights": (
        "'opening': area effect at opening unit values; 'midpoint': both effects at the mean of "
        "the two years",
        "'opening'：面积效应按期初单位价值；'midpoint'：两种效应均按两年均值",
    ),
    "seea.note_change_no_matrix": (
        "no change matrix: the area effect is given per ecosystem type (net area change × unit "
        "value), not per transition",
        "没有转移矩阵：面积效应按生态系统类型给出（净面积变化 × 单位价值），而非按转移给出",
    ),
    "seea.note_change_weights": (
        "weights: {weights} (opening = area effect at the opening year's unit values, price "
        "effect on the closing areas)",
        "权重：{weights}（opening = 面积效应按期初单位价值，价格效应按期末面积）",
    ),
    "seea.bad_by": (
        "cannot group by {by}; options: {options}",
        "无法按 {by} 分组；可选：{options}",
    ),
    "seea.hint_bad_by": ("choose one of the options", "请选择可选项之一"),
    "seea.unit_values_vary": (
        "the unit value of {cls!r} differs between regions or years ({lo} to {hi} per ha): an "
        "EQI needs one relative value per class",
        "{cls!r} 的单位面积价值在区域或年份间不同（每公顷 {lo} 至 {hi}）：EQI 要求每个地类只有一个相对价值",
    ),
    "seea.hint_unit_values_vary": (
        "pass unit_values= (one value per class) explicitly",
        "请明确给出 unit_values=（每个地类一个值）",
    ),
    "seea.eqi_needs_values": (
        "an EQI from land cover needs unit_values=",
        "由土地覆被计算 EQI 需要 unit_values=",
    ),
    "seea.hint_eqi_values": (
        "give the unit value of every class, e.g. {{'耕地': 4069.11, '林地': 23288.28}} [CNY/ha]",
        "请给出每个地类的单位面积价值，如 {{'耕地': 4069.11, '林地': 23288.28}}（元/公顷）",
    ),
    "seea.eqi_unknown_class": (
        "classes {classes} have no unit value",
        "地类 {classes} 没有单位面积价值",
    ),
    "seea.eqi_zero_total": (
        "the unit values sum to 0: relative values are undefined",
        "单位面积价值之和为 0：相对价值无定义",
    ),
    "seea.bad_step": (
        "the CS step must be a fraction such as 0.5, not {step!r}",
        "CS 变动幅度应为小数（如 0.5），而不是 {step!r}",
    ),
    "seea.hint_step": ("0.5 is the ±50 % that Chinese studies use", "0.5 即国内研究常用的 ±50%"),
}

_FILES = {
    "seea.file_missing": ("file not found: {file}", "找不到文件：{file}"),
    "seea.file_empty": ("{file} has no table", "{file} 中没有表格"),
    "seea.hint_file_missing": ("check the path", "请检查路径"),
    "seea.hint_cube": (
        "read files written by Account.to_csv / to_excel",
        "请读取由 Account.to_csv / to_excel 写出的文件",
    ),
    "seea.not_account_book": (
        "{file} is not a SEEA account workbook (no 'cube' sheet)",
        "{file} 不是 SEEA 账户工作簿（没有 cube 表）",
    ),
}

_CONDITION = {
    "seea.bad_ect": (
        "ECT class {value!r} at {where} is not one of {classes}",
        "{where} 处的状况类别 {value!r} 不在 {classes} 之中",
    ),
    "seea.hint_ect": (
        "A1 physical, A2 chemical, B1 compositional, B2 structural, B3 functional state, C1 "
        "landscape characteristics (SEEA Ecosystem Condition Typology)",
        "A1 物理状态、A2 化学状态、B1 组成状态、B2 结构状态、B3 功能状态、C1 景观特征（SEEA 生态系统状况类型）",
    ),
    "seea.same_reference": (
        "upper and lower levels are equal at {where}",
        "{where} 处上下参考水平相等",
    ),
    "seea.hint_same_reference": (
        "the upper level is the reference (good) condition, the lower the poor one; they must differ",
        "上参考水平为参照（良好）状况，下参考水平为较差状况，二者必须不同",
    ),
    "seea.no_reference": (
        "no reference levels for {cls!r} / {variable!r} ({n} row(s) of indicators)",
        "{cls!r} / {variable!r} 没有参考水平（指标表中 {n} 行）",
    ),
    "seea.hint_no_reference": (
        "add the variable's upper and lower levels for this ecosystem type to reference_levels",
        "请在 reference_levels 中补充该生态系统类型此变量的上下参考水平",
    ),
    "seea.condition_units": (
        "give units in both tables (indicators and reference_levels) or in neither",
        "请在指标表和参考水平表中都给出单位，或都不给",
    ),
    "seea.hint_condition_units": (
        "add a 'unit' column to the table that lacks it",
        "请为缺少单位的表添加“单位”列",
    ),
    "seea.condition_incomplete": (
        "{region} {year} {cls!r}: {n} variable(s) of the reference set are not measured; the "
        "index would silently reweight the others",
        "{region} {year} 年 {cls!r}：参考集中有 {n} 个变量未测量；指数将暗中改变其余变量的权重",
    ),
    "seea.hint_condition_incomplete": (
        "measure every variable, drop it from the reference set, or pass allow_incomplete=True "
        "(the index is then flagged 'incomplete')",
        "请测量所有变量、将其移出参考集，或设置 allow_incomplete=True（指数将标记为“不完整”）",
    ),
    "seea.condition_years": (
        "a condition account compares two or more years; the indicators have {years}",
        "状况账户需要两个或更多年份；指标表仅有 {years}",
    ),
    "seea.note_ect_missing": (
        "the condition index of {cls!r} covers no variable of ECT class(es) {missing}",
        "{cls!r} 的状况指数不含状况类别 {missing} 的变量",
    ),
    "seea.note_condition_types": (
        "condition indices are per ecosystem type; they are never averaged across types with "
        "different reference conditions",
        "状况指数按生态系统类型分别计算；不同参照状况的类型之间不做平均",
    ),
}

_SUPPLY = {
    "seea.shares_sum": (
        "the shares of {key} sum to {total:.10g}, not 1 ({n} group(s))",
        "{key} 的份额之和为 {total:.10g}，而不是 1（共 {n} 组）",
    ),
    "seea.hint_shares_sum": (
        "the shares of each service must sum to 1 so that supply equals use",
        "每项服务的份额之和须为 1，才能使供给等于使用",
    ),
    "seea.shares_missing": (
        "no shares for service(s) {services}",
        "服务 {services} 没有份额",
    ),
    "seea.hint_shares_missing": (
        "give {table} shares for every service of the ledger",
        "请为核算账户中的每项服务给出 {table} 份额",
    ),
    "seea.mixed_quantity_units": (
        "indicator {indicator!r} has quantities in different units in {region} {year}",
        "指标 {indicator!r} 在 {region} {year} 年的数量单位不一致",
    ),
    "seea.hint_mixed_quantity_units": ("use one unit per indicator", "每个指标请使用同一单位"),
    "seea.note_no_types": (
        "the ledger has no ecosystem types: supply is shown for all types together (give "
        "attribution= to split it)",
        "核算账户没有生态系统类型：供给按所有类型合计列示（可用 attribution= 拆分）",
    ),
    "seea.note_no_beneficiaries": (
        "no beneficiaries given: supply tables only (use tables need beneficiaries=)",
        "未给出受益者：仅有供给表（使用表需要 beneficiaries=）",
    ),
    "seea.note_welfare_tables": (
        "{accounts} values are welfare values (value transfer), not exchange values: they are "
        "in the complementary tables 9.1a-w/9.1b-w, not in the core monetary tables",
        "{accounts} 价值为福利价值（价值转移），不是交换价值：列于补充表 9.1a-w/9.1b-w，不列入核心价值量表",
    ),
}

_CLI = {
    "seea.cli.help": (
        "SEEA EA account workbooks (extent, assets)",
        "SEEA EA 账户工作簿（范围、资产）",
    ),
    "seea.cli.description": (
        "UN SEEA Ecosystem Accounting tables with their SEEA numbers: the extent account and "
        "change matrix (Tables 4.1, 4.2) and the monetary asset account (Table 10.1). Each "
        "workbook has one sheet per table with bilingual labels, the identity checks, the "
        "metadata and the cube from which every layout renders.",
        "联合国 SEEA 生态系统核算表（附 SEEA 表号）：范围账户和变化矩阵（表4.1、4.2）及资产价值量账户（表10.1）。"
        "每个工作簿每表一页、中英文标签，另含恒等式检验、元数据和生成各版式的数据立方（cube）。",
    ),
    "seea.cli.epilog": (
        "examples:\n  geep seea extent transitions.csv -o extent.xlsx\n"
        "  geep seea extent inputs.xlsx --opening 2015 --closing 2020 -o extent.xlsx\n"
        "  geep seea assets esv-ledger.xlsx -o assets.xlsx --rate 0.02 --life 100",
        "示例：\n  geep seea extent transitions.csv -o extent.xlsx\n"
        "  geep seea extent inputs.xlsx --opening 2015 --closing 2020 -o extent.xlsx\n"
        "  geep seea assets esv-ledger.xlsx -o assets.xlsx --rate 0.02 --life 100",
    ),
    "seea.cli.extent_help": ("extent account (Tables 4.1, 4.2)", "范围账户（表4.1、4.2）"),
    "seea.cli.extent_description": (
        "Extent account from a transitions table (region_code, year_from, year_to, from_class, "
        "to_class, area, unit; optional managed) — complete, with the change matrix — or from "
        "two years of a land-cover table (opening, net change and closing only).",
        "由转移表（region_code, year_from, year_to, from_class, to_class, area, unit；可选 managed）"
        "生成完整的范围账户及变化矩阵，或由两期土地覆被表生成（仅期初、净变化和期末）。",
    ),
    "seea.cli.extent_epilog": (
        "examples:\n  geep seea extent transitions.csv -o extent.xlsx\n"
        "  geep seea extent transitions.xlsx --land-cover inputs.xlsx -o extent.xlsx\n"
        "  geep seea extent inputs.xlsx --opening 2015 --closing 2020 -o extent.csv",
        "示例：\n  geep seea extent transitions.csv -o extent.xlsx\n"
        "  geep seea extent transitions.xlsx --land-cover inputs.xlsx -o extent.xlsx\n"
        "  geep seea extent inputs.xlsx --opening 2015 --closing 2020 -o extent.csv",
    ),
    "seea.cli.extent_in": (
        "transitions table (CSV or workbook), or an input workbook/CSV with land cover",
        "转移表（CSV 或工作簿），或含土地覆被的输入工作簿/CSV",
    ),
    "seea.cli.out": (
        "output: .xlsx (one sheet per table) or .csv (the cube, + .meta.json)",
        "输出：.xlsx（每表一页）或 .csv（数据立方，另附 .meta.json）",
    ),
    "seea.cli.opening": ("opening year", "期初年份"),
    "seea.cli.closing": ("closing year", "期末年份"),
    "seea.cli.land_cover": (
        "land cover given alongside a matrix: its areas must equal the matrix margins",
        "与矩阵同时给出的土地覆被：其面积须等于矩阵的行列合计",
    ),
    "seea.cli.unit": ("area unit of the output (ha, km2, 亩 …)", "输出的面积单位（ha、km2、亩等）"),
    "seea.cli.tolerance": (
        "relative tolerance of area comparisons (default 1e-6)",
        "面积比较的相对容差（默认 1e-6）",
    ),
    "seea.cli.classification": (
        "classification edition of the ecosystem types (recorded in the metadata)",
        "生态系统类型的分类版本（记入元数据）",
    ),
    "seea.cli.assets_help": ("monetary asset account (Table 10.1)", "资产价值量账户（表10.1）"),
    "seea.cli.assets_description": (
        "Monetary ecosystem asset account from a ledger with two or more years (written by "
        "geep run): asset value = NPV of the accounting year's flow held constant in real terms "
        "over the asset life; changes split into enhancement, degradation, conversions, other "
        "changes and revaluations.",
        "由含两个或更多年份的核算账户（geep run 的输出）生成资产价值量账户：资产价值 = 核算年份流量在资产寿命内按不变价保持不变的净现值；"
        "变化分解为改善、退化、转换、其他物量变化和重估价。",
    ),
    "seea.cli.assets_epilog": (
        "examples:\n  geep run inputs.xlsx --method esv -o esv.xlsx\n"
        "  geep seea assets esv.xlsx -o assets.xlsx --rate 0.02 --life 100\n"
        "  geep seea assets esv.csv -o assets.xlsx --rate 0.0277 --life 100 --timing beginning",
        "示例：\n  geep run inputs.xlsx --method esv -o esv.xlsx\n"
        "  geep seea assets esv.xlsx -o assets.xlsx --rate 0.02 --life 100\n"
        "  geep seea assets esv.csv -o assets.xlsx --rate 0.0277 --life 100 --timing beginning",
    ),
    "seea.cli.ledger": (
        "ledger file (.xlsx or .csv, from geep run)",
        "核算账户文件（.xlsx 或 .csv，来自 geep run）",
    ),
    "seea.cli.rate": (
        "discount rate per year as a fraction (0.02 for 2 %%)",
        "年折现率，以小数表示（2%% 写作 0.02）",
    ),
    "seea.cli.life": ("asset life in years", "资产寿命（年）"),
    "seea.cli.timing": (
        "end: ordinary annuity (SEEA EA); beginning: annuity-due",
        "end：普通年金（SEEA EA）；beginning：期初年金",
    ),
    "seea.cli.land_cover_assets": (
        "land cover (areas by type and year) for conversions, if the ledger has none",
        "土地覆被（按类型和年份的面积），用于计算转换（若核算账户中没有面积）",
    ),
    "seea.cli.wrote": (
        "wrote {path} (tables {tables}; {state})",
        "已写出 {path}（表 {tables}；{state}）",
    ),
    "seea.cli.ok": ("all identities hold", "所有恒等式成立"),
    "seea.cli.not_ok": ("identity checks FAILED", "恒等式检验未通过"),
    "seea.cli.failed": ("{n} identity check(s) failed:", "{n} 项恒等式检验未通过："),
}

MORE: dict[str, tuple[str, str]] = {
    **_CLI,
    **_LEDGER,
    **_ASSETS,
    **_CHANGE,
    **_FILES,
    **_CONDITION,
    **_SUPPLY,
}
