"""Error texts of the eco-compensation API (allocation, rules, engine, context, model),
merged into :mod:`geep.messages.compensation`."""

from __future__ import annotations

ERRORS: dict[str, tuple[str, str]] = {
    # allocation primitives (geep.compensation.rules.normalise_shares / apportion / forfeit)
    "comp.err.shares_invalid": (
        "shares must be non-negative finite numbers, got {shares}",
        "分摊比例必须是非负有限数值，实际为 {shares}",
    ),
    "comp.err.shares_off": (
        "shares sum to {total:.6g}, off by {residual:+.4g} (> {tolerance})",
        "分摊比例之和为 {total:.6g}，偏差 {residual:+.4g}（> {tolerance}）",
    ),
    "comp.err.shares_not_one": (
        "shares sum to {total!r}, not 1, and normalise=False",
        "分摊比例之和为 {total!r}，不等于 1，且 normalise=False",
    ),
    "comp.err.no_forfeit": (
        "party {party!r} failed but no forfeit beneficiaries are given",
        "参与方 {party!r} 未达标，但没有给出扣缴资金的受益方",
    ),
    # band and netting rules (geep.compensation.rules)
    "comp.err.band_edges": (
        "band edges must increase strictly, got {edges}",
        "分档界值必须严格递增，实际为 {edges}",
    ),
    "comp.err.band_amounts": ("need one amount per band edge", "每个分档界值需要对应一个金额"),
    "comp.err.band_mode": (
        "mode must be 'relative' or 'absolute', not {mode!r}",
        "mode 必须是 'relative'（相对）或 'absolute'（绝对），而不是 {mode!r}",
    ),
    "comp.err.netting_mode": ("unknown netting mode {mode!r}", "未知的轧差方式 {mode!r}"),
    # scheme model (pydantic validators)
    "comp.err.code_evidence": (
        "party {party}: a code needs 'code_evidence'",
        "参与方 {party}：给出代码时需要 'code_evidence'（代码依据）",
    ),
    "comp.err.target_class": (
        "target_class must be 1..5 (I..V)",
        "target_class（目标水质类别）必须是 1..5（I..V 类）",
    ),
    "comp.err.evidence_list": (
        "a per-element evidence list needs a list value of the same length",
        "逐项给出的依据列表需要一个长度相同的列表取值",
    ),
    "comp.err.evidence_keys": (
        "per-key evidence needs a mapping value with the same keys",
        "按键给出的依据需要一个键相同的映射取值",
    ),
    "comp.err.not_finite": ("values must be finite", "取值必须是有限数值"),
    # context and engine
    "comp.err.unbound_param": (
        "component {component} of {scheme} needs a parameter for {arg!r}",
        "{scheme} 的组成部分 {component} 需要为 {arg!r} 绑定一个参数",
    ),
    "hint.comp.err.unbound_param": (
        "bind it in scheme.yaml: components[{component}].params.{arg}: <parameter>",
        "请在 scheme.yaml 中绑定：components[{component}].params.{arg}: <参数>",
    ),
    "comp.err.no_target_limit": (
        "component {component}: no target limit for {n} observation(s): {items}",
        "组成部分 {component}：{n} 条监测数据没有目标限值：{items}",
    ),
    "hint.comp.err.no_target_limit": (
        "give each section a target_class covering the period (or explicit targets), "
        "and use pollutants of {limits}",
        "请为每个断面给出覆盖该时段的 target_class（或明确的目标值），并使用 {limits} 中的污染物",
    ),
    "comp.err.no_annual_class": (
        "component {component} assesses the ANNUAL class, but {n} monthly water_class "
        "observation(s) have no annual value (e.g. {example})",
        "组成部分 {component} 考核的是年度水质类别，但有 {n} 条月度 water_class 监测数据"
        "没有年度值（例如 {example}）",
    ),
    "hint.comp.err.no_annual_class": (
        "give the officially determined annual class (period YYYY); classes are not averaged",
        "请给出官方认定的年度水质类别（时段写 YYYY）；水质类别不做平均",
    ),
    "comp.err.no_lines_outside": (
        "no component produced any line from these observations ({outside})",
        "这些监测数据没有产生任何应付明细（{outside}）",
    ),
    "comp.err.no_upstream_shares": (
        "no complete upstream shares for {items}",
        "{items} 没有完整的上游分摊比例",
    ),
    "hint.comp.err.no_upstream_shares": (
        "give the section's upstream shares for every indicator its components assess",
        "请为该断面各组成部分考核的每项指标给出上游分摊比例",
    ),
    # component rules (rules_funds, rules_quality) and the settlement
    "comp.err.forfeit_needs_flows": (
        "component {component} needs flows",
        "组成部分 {component} 需要流量数据",
    ),
    "comp.err.no_target_class": (
        "component {component}: sections without a target class: {sections}",
        "组成部分 {component}：以下断面没有目标水质类别：{sections}",
    ),
    "hint.comp.err.no_target_class": (
        "give the forfeit sections a target_class",
        "请为扣缴断面给出 target_class（目标水质类别）",
    ),
    "comp.err.band_unpublished": (
        "{n} line(s) fall in band(s) {bands} whose amount in {name!r} is not published "
        "(e.g. {example})",
        "{n} 条明细落在分档 {bands}，而 {name!r} 中这些分档的金额未公布（例如 {example}）",
    ),
    "hint.comp.err.band_unpublished": (
        "supply the official amounts, e.g. parameters={{'{name}': [...]}} or "
        "'{name}[{band}]': value (CLI: --set '{name}[{band}]=...')",
        "请提供官方金额，例如 parameters={{'{name}': [...]}} 或 '{name}[{band}]': 数值"
        "（命令行：--set '{name}[{band}]=...'）",
    ),
    "comp.err.no_valid_flow": (
        "{n} exceeding observation(s) have no valid flow: {items}",
        "{n} 条超标监测数据没有有效流量：{items}",
    ),
    "hint.comp.err.no_valid_flow": (
        "add the section volume of those periods to the flows table",
        "请在流量表中补充这些时段的断面水量",
    ),
    "comp.err.no_settlement_year": (
        "no obligations settle in {year}; settlement years: {years}",
        "{year} 年没有需结算的应付款；结算年度为：{years}",
    ),
}
