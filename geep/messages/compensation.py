"""Message texts of eco-compensation (schemes, parameters, observations, settlements), in
English and Chinese."""

from __future__ import annotations

#: scheme editions are read, resolved and locked by the one catalogue: their texts are in
#: geep.messages.catalogue
MESSAGES: dict[str, tuple[str, str]] = {}

MESSAGES.update(
    {
        # parameter values (--set, parameters=, a parameters sheet, sensitivity sweeps)
        "comp.param_problems": (
            "invalid parameter value(s): {problems}",
            "参数取值无效：{problems}",
        ),
        "hint.comp.param": (
            "give each value as its definition says (Scheme.parameter_definitions() lists "
            "them; CLI: geep compensate SCHEME --parameters); a unit may follow the number, e.g. "
            "--set eflow.floor=12m3/s",
            "请按参数定义给出取值（Scheme.parameter_definitions() 或命令行 geep compensate SCHEME --parameters 列出全部定义）；数字后可跟单位，"
            "例如 --set eflow.floor=12m3/s",
        ),
        "comp.param_not_number": (
            "parameter {name}: {value!r} is not a number (write digits, e.g. {example})",
            "参数 {name}：{value!r} 不是数字（请用阿拉伯数字，例如 {example}）",
        ),
        "comp.param_not_finite": (
            "parameter {name}: {value!r} is not a finite number",
            "参数 {name}：{value!r} 不是有限数值",
        ),
        "comp.param_unit": (
            "parameter {name} is in {unit}: {problem}",
            "参数 {name} 的单位为 {unit}：{problem}",
        ),
        "comp.param_unit_text": (
            "unit {unit!r} is too long or too complex for a parameter value",
            "单位 {unit!r} 过长或过于复杂，不能用于参数取值",
        ),
        "comp.param_below": (
            "parameter {name}: {value} {unit} is below the smallest allowed value {low} {unit}",
            "参数 {name}：{value} {unit} 小于允许的最小值 {low} {unit}",
        ),
        "comp.param_not_above": (
            "parameter {name}: {value} {unit} must be greater than {low} {unit}",
            "参数 {name}：{value} {unit} 必须大于 {low} {unit}",
        ),
        "comp.param_above": (
            "parameter {name}: {value} {unit} is above the largest plausible value {high} {unit}",
            "参数 {name}：{value} {unit} 超过合理上限 {high} {unit}",
        ),
        "comp.param_whole": (
            "parameter {name}: {value} is not a whole number",
            "参数 {name}：{value} 不是整数",
        ),
        "comp.param_choice": (
            "parameter {name}: {value!r} is not one of {choices}{suggestion}",
            "参数 {name}：{value!r} 不是 {choices} 之一{suggestion}",
        ),
        "comp.param_flag": (
            "parameter {name}: {value!r} is not true or false",
            "参数 {name}：{value!r} 不是 true 或 false",
        ),
        "comp.param_text": (
            "parameter {name}: expects text, got {value!r}",
            "参数 {name}：应为文字，实际为 {value!r}",
        ),
        "comp.param_want_list": (
            "parameter {name} expects a list of {items}, got {got!r}",
            "参数 {name} 应为{items}列表，实际为 {got!r}",
        ),
        "comp.param_want_scalar": (
            "parameter {name} expects a single value, got {got!r}",
            "参数 {name} 应为单个数值，实际为 {got!r}",
        ),
        "comp.param_want_mapping": (
            "parameter {name} expects a mapping {{key: value}} with keys {keys}, got {got!r}",
            "参数 {name} 应为映射 {{键: 值}}，键为 {keys}，实际为 {got!r}",
        ),
        "comp.param_keys": (
            "parameter {name}: missing key(s) {missing}; unknown key(s) {unknown} (keys: {keys})",
            "参数 {name}：缺少键 {missing}；未知键 {unknown}（应有的键：{keys}）",
        ),
        "comp.param_length": (
            "parameter {name} expects {n} {items} (one per {per}), got {got}",
            "参数 {name} 应有 {n} 个{items}（每{per}一个），实际为 {got} 个",
        ),
        "comp.param_increasing": (
            "parameter {name}: the {items} must increase strictly, got {value}",
            "参数 {name}：{items}必须严格递增，实际为 {value}",
        ),
        "comp.param_null": (
            "parameter {name}: give a value (null means 'not published')",
            "参数 {name}：请给出取值（null 表示“未公布”）",
        ),
        "comp.param_element": (
            "parameter {name}: no element {element!r} ({detail})",
            "参数 {name}：没有元素 {element!r}（{detail}）",
        ),
        "comp.param_elements_of": (
            "the list has {n}, numbered from 0",
            "该列表有 {n} 个元素，从 0 开始编号",
        ),
        "comp.param_no_elements": (
            "only lists and mappings have elements",
            "只有列表和映射才有元素",
        ),
        "comp.param_keys_of": ("keys: {keys}", "现有键：{keys}"),
        "comp.param_unknown_key": (
            "{ref} has no parameter {name!r}{suggestion}",
            "补偿方案 {ref} 没有参数 {name!r}{suggestion}",
        ),
        "hint.comp.param_names": (
            "Scheme.parameters_frame() lists the parameter names",
            "Scheme.parameters_frame() 列出了全部参数名",
        ),
        "comp.param_overridden": (
            "parameter {name} overridden by {by}: {old} → {new} {unit}{given}",
            "参数 {name} 已由 {by} 覆盖：{old} → {new} {unit}{given}",
        ),
        "comp.param_given": (" (given as {given!r})", "（输入为 {given!r}）"),
        # nouns used in parameter messages
        "comp.noun.amount": ("amounts", "金额"),
        "comp.noun.edge": ("band edges", "分档界值"),
        "comp.noun.value": ("values", "数值"),
        "comp.noun.price": ("prices", "单价"),
        "comp.noun.ratio": ("ratios", "比例"),
        "comp.noun.band": ("band", "档"),
        "comp.def.number": ("a number", "一个数值"),
        "comp.def.integer": ("a whole number", "一个整数"),
        "comp.def.list": ("a list of {items}", "{items}列表"),
        "comp.def.mapping": ("a mapping of {items}", "{items}映射"),
        "comp.def.keyed": (
            "a number, or a mapping by {keys}",
            "一个数值，或按{keys}给出的映射",
        ),
        "comp.def.choice": ("one of {choices}", "取值为 {choices} 之一"),
        "comp.def.flag": ("true or false", "true 或 false"),
        "comp.def.text": ("text", "文字"),
        "comp.def.keys.section": ("section id", "断面编号"),
        "comp.def.keys.year": ("year", "年份"),
        "comp.def.keys.party": ("party id", "参与方编号"),
        "comp.def.keys.indicator": ("indicator", "指标"),
    }
)

MESSAGES.update(
    {
        # geep compensate (help and console lines)
        "comp.cli.help": (
            "run an eco-compensation scheme (e.g. fen-river) on monitoring data",
            "对监测数据运行生态补偿方案（如 fen-river）",
        ),
        "comp.cli.description": (
            "Run an eco-compensation scheme on monitoring data and write the settlement (gross "
            "obligations, net per party, who-owes-whom matrix, parameters, warnings). The input "
            "workbook has a sheet 'observations' (section_id, period, indicator, value, unit, "
            "status) and optionally 'flows', 'sections' and 'parameters' (name, value, unit: "
            "official values for a provisional scheme). --set NAME=VALUE overrides a parameter "
            "(VALUE is a number with an optional unit, a JSON list or mapping, or text: --set "
            "eflow.floor=12m3/s, --set 'quality.amounts=[50,100,150,200,300]').",
            "对监测数据运行生态补偿方案并写出结算结果（逐项应付明细、各方净额、收付矩阵、参数、提示）。"
            "输入工作簿含 observations（监测）表（section_id、period、indicator、value、unit、status），"
            "可选 flows（流量）、sections（断面）和 parameters（参数：name、value、unit，为暂定方案提供正式取值）表。"
            "--set 名称=取值 覆盖某个参数（取值为可带单位的数字、JSON 列表或映射，或文字："
            "--set eflow.floor=12m3/s，--set 'quality.amounts=[50,100,150,200,300]'）。",
        ),
        "comp.cli.arg_scheme": ("scheme id or id@edition", "方案编号或 编号@版本"),
        "comp.cli.arg_input": ("input workbook or CSV", "输入工作簿或 CSV 文件"),
        "comp.cli.arg_output": ("output .xlsx or .csv", "输出 .xlsx 或 .csv 文件"),
        "comp.cli.arg_flows": ("flows table (if not a sheet)", "流量表（若不在工作簿中）"),
        "comp.cli.arg_sections": ("sections table (if not a sheet)", "断面表（若不在工作簿中）"),
        "comp.cli.arg_set": (
            "override a scheme parameter (repeatable); a unit may follow the number",
            "覆盖方案参数（可重复）；数字后可跟单位",
        ),
        "comp.cli.arg_unit": (
            "money unit of the output (元, 万元, 亿元)",
            "输出金额单位（元、万元、亿元）",
        ),
        "comp.cli.arg_list": ("list the scheme editions and exit", "列出方案版本后退出"),
        "comp.cli.arg_parameters": (
            "print what each parameter of SCHEME accepts (kind, unit, bounds) and exit",
            "列出 SCHEME 各参数的定义（类型、单位、取值范围）后退出",
        ),
        "comp.cli.arg_path": ("extra catalogue folder", "额外的目录文件夹"),
        "comp.cli.need_args": ("give SCHEME, IN and -o OUT", "请给出 SCHEME、IN 和 -o OUT"),
        "hint.comp.cli.need_args": (
            "e.g. geep compensate fen-river inputs.xlsx -o settlement.xlsx (geep compensate "
            "--list shows the schemes)",
            "例如 geep compensate fen-river inputs.xlsx -o settlement.xlsx（geep compensate --list "
            "列出全部方案）",
        ),
        "comp.cli.need_scheme": ("give SCHEME", "请给出 SCHEME"),
        "comp.cli.output_suffix": (
            "output {path} must end in .xlsx or .csv",
            "输出文件 {path} 的扩展名必须是 .xlsx 或 .csv",
        ),
        "comp.cli.set_syntax": (
            "--set {item!r}: write NAME=VALUE",
            "--set {item!r}：请写成 名称=取值",
        ),
        "comp.cli.title_list": ("compensation schemes", "生态补偿方案"),
        "comp.cli.title_params": ("parameters of {ref}", "{ref} 的参数"),
        "comp.cli.title_net": ("net positions ({status})", "各方净额（{status}）"),
        "comp.cli.provisional": (
            "*** {status}: {scheme} — amounts are not official ***",
            "*** {status}：{scheme} —— 金额并非正式结果 ***",
        ),
        "comp.cli.headline": (
            "{scheme}: {n} obligation lines, settlement years {years}, evidence {evidence}",
            "{scheme}：{n} 条应付明细，结算年度 {years}，证据等级 {evidence}",
        ),
        "comp.cli.more_warnings": (
            "  ... {n} more warning(s) in the output (-v to print)",
            "  ……另有 {n} 条提示见输出文件（-v 显示全部）",
        ),
        "comp.cli.wrote": ("wrote {path}", "已写出 {path}"),
        "comp.cli.invalid_edition": (
            "  ! invalid scheme edition ignored: {error}",
            "  ! 已忽略无效的补偿方案版本：{error}",
        ),
    }
)

MESSAGES.update(
    {
        # observations and flows (geep.compensation.observations)
        "obs.section_unknown": ("unknown section{suggestion}", "未知断面{suggestion}"),
        "obs.also_in": (
            " (also in {n} more row(s): {rows})",
            "（另有 {n} 行相同：{rows}）",
        ),
        "hint.obs.section": (
            "use the section ids of the scheme (Scheme.sections_frame())",
            "请使用方案中的断面编号（Scheme.sections_frame()）",
        ),
        "obs.what.section": ("section id", "断面编号"),
        "obs.indicator_unknown": ("unknown indicator{suggestion}", "未知指标{suggestion}"),
        "hint.obs.indicator": (
            "use cod, nh3n, tp, tn, codmn, do, water_class or index",
            "请使用 cod、nh3n、tp、tn、codmn、do、water_class 或 index",
        ),
        "obs.value_empty": ("empty value of a valid observation", "有效监测数据的数值为空"),
        "hint.obs.value": (
            "give the value, or set status to dry, frozen or missing",
            "请填写数值，或将状态设为 dry（断流）、frozen（结冰）或 missing（缺测）",
        ),
        "obs.above_physical": (
            "{converted:g} {to} is above the physical bound of {bound:g} {to} for {indicator} "
            "(no surface water can hold this)",
            "{converted:g} {to}，超过 {indicator} 的物理上限 {bound:g} {to}（任何地表水都不可能达到）",
        ),
        "hint.obs.above_physical": (
            "check the number and its unit (g/L or µg/L for mg/L?); bounds are listed in "
            "geep.compensation.vocabulary",
            "请核对数值及单位（是否把 mg/L 写成了 g/L 或 µg/L？）；上限见 geep.compensation.vocabulary",
        ),
        "obs.water_class": (
            "water_class must be a whole number 1-6 (6 = 劣V)",
            "水质类别必须是 1-6 的整数（6 = 劣V）",
        ),
        "obs.excluded_values": (
            "{n} value(s) of dry/frozen/missing rows are ignored (excluded, not counted)",
            "{n} 个断流/结冰/缺测行的数值被忽略（不参与计算）",
        ),
        "obs.unused": (
            "{n} row(s) of indicator(s) {names} are not used by this scheme",
            "{n} 行指标 {names} 未被本方案使用",
        ),
        "obs.status_unknown": ("unknown status{suggestion}", "未知状态{suggestion}"),
        "obs.status_ambiguous": (
            "status {value!r} is ambiguous (not available? not applicable? an empty marker?)",
            "状态 {value!r} 含义不明（未监测？不适用？还是空值标记？）",
        ),
        "hint.obs.status": (
            "use valid, dry, frozen or missing (有效, 断流, 结冰, 缺测); write missing if no "
            "sample was taken",
            "请使用 valid、dry、frozen 或 missing（有效、断流、结冰、缺测）；未采样请写 missing（缺测）",
        ),
        "hint.obs.flow": (
            "give the flow, or set status dry/missing",
            "请填写流量，或将状态设为 dry（断流）/missing（缺测）",
        ),
        "hint.obs.flow_unit": (
            "write m3/s for a mean rate or m3 / 万m3 for the period's volume",
            "平均流量写 m3/s，时段水量写 m3 或 万m3",
        ),
        "obs.flow_above": (
            "{rate:g} m3/s is above the physical bound of {bound:g} m3/s (the largest river on "
            "Earth carries about 2e5 m3/s)",
            "{rate:g} m3/s，超过物理上限 {bound:g} m3/s（地球上最大的河流约 2e5 m3/s）",
        ),
        "obs.flow_empty": ("empty flow of a valid row", "有效行的流量为空"),
        "obs.target_class": (
            "target_class {value!r} is not a water-quality class 1-5 (I-V)",
            "目标水质类别 {value!r} 不是 1-5（I-V）类",
        ),
        "hint.obs.target_class": (
            "write the class the section must meet: 1-5, I-V or Ⅲ类",
            "请填写断面须达到的水质类别：1-5、I-V 或 Ⅲ类",
        ),
        "comp.no_table": (
            "{file} has no {table} (a sheet {table!r} or {zh!r} with rows)",
            "{file} 中没有 {table}（名为 {table!r} 或 {zh!r} 且有数据的工作表）",
        ),
        "hint.comp.no_table": (
            "name the sheet 'observations' (or 监测); optional sheets: flows, sections, parameters",
            "请将工作表命名为 observations（或 监测）；可选工作表：flows、sections、parameters",
        ),
        "comp.unknown_rule": (
            "component {component} uses unknown rule {rule!r}",
            "组成部分 {component} 使用了未知规则 {rule!r}",
        ),
        "hint.comp.rules": ("rules: {rules}", "可用规则：{rules}"),
        "comp.no_sections": (
            "the scheme ships no monitoring sections (its section list is not in geep's sources)",
            "该方案未附带考核断面（其断面名单不在 geep 的资料来源中）",
        ),
        "hint.comp.no_sections": (
            "supply them with sections=... (CLI: a 'sections' sheet or --sections FILE): "
            "section_id, name_zh, upstream (party id), target_class, no_inflow, control_section",
            "请用 sections=... 提供断面（命令行：'sections' 工作表或 --sections 文件）：section_id、"
            "name_zh、upstream（参与方编号）、target_class、no_inflow、control_section",
        ),
    }
)

MESSAGES.update(
    {
        # assessment window (geep.compensation.window)
        "comp.outside_window": (
            "{n} observation(s) lie outside the periods {ref} assesses ({window}) and produce no "
            "obligation (rules that compare with an earlier period may still use them as "
            "baselines): {detail}",
            "{n} 条监测数据不在 {ref} 的考核时段内（{window}），不产生应付金额（与上期比较的规则仍可将其作为基期）：{detail}",
        ),
        "comp.outside_flows": (
            "{n} flow(s) lie outside the periods {ref} assesses ({window}): {detail}",
            "{n} 条流量数据不在 {ref} 的考核时段内（{window}）：{detail}",
        ),
        "comp.window_assessment": ("assessment window {lo}..{hi}", "考核时段 {lo}..{hi}"),
        "comp.window_validity": (
            "validity of the edition {lo}..{hi}; only whole periods within it are assessed",
            "方案版本有效期 {lo}..{hi}；只考核完全处于有效期内的时段",
        ),
        "comp.window_open": ("open", "不限"),
        "comp.no_lines": (
            "no component produced any line from these observations",
            "这些监测数据没有产生任何应付明细",
        ),
        "hint.comp.no_lines": (
            "check section ids, indicators and periods against the scheme "
            "(Scheme.sections_frame(), the components' indicators and the assessment window)",
            "请核对断面编号、指标和时段是否与方案一致（Scheme.sections_frame()、各组成部分的指标及考核时段）",
        ),
    }
)

MESSAGES.update(
    {
        # reported obligation lines (Settlement.from_lines)
        "comp.lines_columns": (
            "obligation lines need the columns {missing}",
            "应付明细缺少列 {missing}",
        ),
        "comp.lines_invalid": (
            "{n} invalid obligation line(s): {problems}",
            "{n} 条应付明细无效：{problems}",
        ),
        "hint.comp.lines": (
            "each line is what payer owes payee: a finite amount ≥ 0 in a money unit "
            "(amount_unit 元, 万元, 亿元), a settlement year, two different parties",
            "每条明细表示付款方应付收款方的金额：有限且 ≥ 0 的金额、货币单位（amount_unit：元、万元、亿元）、"
            "结算年度，且收付双方不同",
        ),
        "comp.line_amount": (
            "lines[{row}] amount {value!r} is not a number",
            "lines[{row}] 金额 {value!r} 不是数字",
        ),
        "comp.line_negative": (
            "lines[{row}] amount {value} is negative (swap payer and payee instead)",
            "lines[{row}] 金额 {value} 为负（请改为交换付款方与收款方）",
        ),
        "comp.line_not_finite": (
            "lines[{row}] amount {value} {unit} is not finite in CNY",
            "lines[{row}] 金额 {value} {unit} 换算为元后不是有限数值",
        ),
        "comp.line_unit": (
            "lines[{row}] amount_unit {unit!r}: {problem}",
            "lines[{row}] 金额单位 {unit!r}：{problem}",
        ),
        "comp.line_self": (
            "lines[{row}] payer and payee are the same party {party!r}",
            "lines[{row}] 付款方与收款方是同一方 {party!r}",
        ),
        "comp.line_year": (
            "lines[{row}] settlement_year {value!r} is not a year 1900-2200",
            "lines[{row}] 结算年度 {value!r} 不是 1900-2200 之间的年份",
        ),
        "comp.line_party": ("lines[{row}] {column} is empty", "lines[{row}] {column} 为空"),
    }
)

MESSAGES.update(
    {
        # user sections tables (geep.compensation.sections)
        "hint.sec": (
            "columns: section_id, name_zh, upstream ('140100' or '140100:0.5;140200:0.5'), "
            "optional downstream, control_section, target_class (1-5 or I-V), river, type, no_inflow",
            "列：section_id、name_zh、upstream（'140100' 或 '140100:0.5;140200:0.5'），可选 downstream、"
            "control_section、target_class（1-5 或 I-V）、river、type、no_inflow",
        ),
        "sec.share": (
            "{part!r} is not 'party' or 'party:share'",
            "{part!r} 不是 '参与方' 或 '参与方:份额'",
        ),
        "sec.share_each": (
            "give a share for every party ('a:0.5;b:0.5')",
            "请为每个参与方给出份额（'a:0.5;b:0.5'）",
        ),
        "sec.share_value": (
            "share {value!r} of {party!r} is not a number from 0 to 1",
            "{party!r} 的份额 {value!r} 不是 0 到 1 之间的数",
        ),
    }
)

MESSAGES.update(
    {
        # errors of the engine, its rules and the settlement API
        "comp.err.no_counterparty": (
            "no counterparty for section(s) {sections} (no downstream party and no fund)",
            "断面 {sections} 没有对手方（既无下游参与方，也无基金）",
        ),
        "hint.comp.err.no_counterparty": (
            "add downstream parties or a fund party to the scheme",
            "请在方案中添加下游参与方或基金参与方",
        ),
        "comp.err.needs_flows": (
            "component {component} needs flows (section volumes)",
            "组成部分 {component} 需要流量数据（断面水量）",
        ),
        "hint.comp.err.needs_flows": (
            "pass flows=... (CLI: a 'flows' sheet or --flows FILE)",
            "请提供 flows=...（命令行：'flows' 工作表或 --flows 文件）",
        ),
        "comp.err.no_unit_price": (
            "no unit price for {indicators} in {param!r}",
            "{param!r} 中没有 {indicators} 的单价",
        ),
        "hint.comp.err.no_unit_price": (
            "add the price or drop the indicator from the component",
            "请补充单价，或从该组成部分中去掉此指标",
        ),
        "comp.err.no_threshold": (
            "no compliance threshold for year(s) {years}",
            "{years} 年没有达标率阈值",
        ),
        "hint.comp.err.no_threshold": ("add them to {param!r}", "请将其添加到 {param!r}"),
        "comp.err.shares": ("shares {shares!r}: {problem}", "分摊比例 {shares!r}：{problem}"),
        "hint.comp.err.shares": (
            "fix the shares or raise the 'tolerance' parameter explicitly",
            "请修正分摊比例，或明确调高 'tolerance' 参数",
        ),
        "comp.err.no_parameter": ("{ref} has no parameter {name!r}", "{ref} 没有参数 {name!r}"),
        "comp.err.not_numeric": (
            "parameter {name!r} is not numeric; give explicit (low, high)",
            "参数 {name!r} 不是数值；请明确给出 (low, high)",
        ),
        "comp.err.several_years": (
            "several settlement years {years}; name one: matrix(year)",
            "有多个结算年度 {years}；请指定一个：matrix(year)",
        ),
    }
)

from ._comp_errs import ERRORS as _ERRORS  # noqa: E402
from ._comp_trace import TRACE as _TRACE  # noqa: E402

MESSAGES.update(_ERRORS)
MESSAGES.update(_TRACE)
