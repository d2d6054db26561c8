"""Texts of settlement traces, band names and warnings of the eco-compensation engine,
merged into :mod:`geep.messages.compensation`.

A trace step (``comp.trace.*``) is filled with fields the rule kernels computed (numbers
already formatted, so both languages show the same digits; see
:mod:`geep.compensation.trace`). Its English text is what geep has always written.
"""

from __future__ import annotations

TRACE: dict[str, tuple[str, str]] = {
    # --- trace steps of the rule kernels (geep/compensation/rules_*.py) --------------------
    "comp.trace.tier": (
        "x=({eff}-{limit})/{limit}={x}; band {band}; {param} → {amount}",
        "x=({eff}-{limit})/{limit}={x}；档次 {band}；{param} → {amount}",
    ),
    "comp.trace.continuous": (" (base × (1 + x))", "（基数 ×（1 + x））"),
    "comp.trace.class_step": (
        "({cls} - {base}) classes × {rate} → {amount}",
        "({cls} - {base}) 个类别 × {rate} → {amount}",
    ),
    "comp.trace.index_change": (
        "index {prev} → {cur} ({mode}): {change} pts × {rate} → {amount}",
        "指数 {prev} → {cur}（{mode}）：{change} 个百分点 × {rate} → {amount}",
    ),
    "comp.trace.load": (
        "({eff} - {limit}) mg/L × {volume} m3 × 1e-6 = {load} t × {price}万元/t → {amount}",
        "({eff} - {limit}) mg/L × {volume} m3 × 1e-6 = {load} t × {price}万元/t → {amount}",
    ),
    "comp.trace.p_index": (
        "P = {k0} × ({terms}) = {p} vs {threshold} → {amount}",
        "P = {k0} × ({terms}) = {p}，阈值 {threshold} → {amount}",
    ),
    "comp.trace.eflow": (
        "mean flow {flow} m3/s vs floor {floor} m3/s → {amount}",
        "平均流量 {flow} m3/s，生态流量下限 {floor} m3/s → {amount}",
    ),
    "comp.trace.quantity": (
        "volume {volume} m3 vs baseline {baseline} m3 → {amount}",
        "水量 {volume} m3，基准水量 {baseline} m3 → {amount}",
    ),
    "comp.trace.fund": ("{kind} {amount} ({notes})", "{kind} {amount}（{notes}）"),
    "comp.trace.fund_class": (
        "{section} class {cls} vs target {target}",
        "{section} {cls} 类，目标 {target} 类",
    ),
    "comp.trace.fund_status": (
        "{section} {status} vs target {target}",
        "{section} {status}，目标 {target} 类",
    ),
    "comp.trace.apportion": (
        "{total}万元 × {share} / Σ shares (residual {residual}) → {amount}",
        "{total}万元 × {share} / Σ 份额（余差 {residual}）→ {amount}",
    ),
    "comp.trace.maintenance": (
        "run position {pos} (every {run} → {run_amount}) → reward {amount}",
        "连续达标第 {pos} 个月（每满 {run} 个月 → {run_amount}）→ 奖励 {amount}",
    ),
    "comp.trace.improvement": (
        "class {was_class} → {now_class}, compliant {was} → {now} → reward {amount}",
        "水质类别 {was_class} → {now_class}，达标 {was} → {now} → 奖励 {amount}",
    ),
    "comp.trace.rate": (
        "{compliant}/{valid} valid months compliant = {rate} vs {threshold} → {amount}",
        "{compliant}/{valid} 个有效月份达标 = {rate}，阈值 {threshold} → {amount}",
    ),
    # the engine's cap (geep/compensation/engine.py::_cap)
    "comp.trace.capped": (
        "; capped at {cap}万元 ({cap_param}, per {per})",
        "；封顶 {cap}万元（{cap_param}，按{per}）",
    ),
    # a reported line (Settlement.from_lines without a trace of its own)
    "comp.trace.reported": ("reported line", "报送明细"),
    # codes inside traces, shown by their label (geep.compensation.trace.LABELS)
    "comp.trace.mode.relative": ("relative", "相对变化"),
    "comp.trace.mode.absolute": ("absolute", "绝对变化"),
    "comp.trace.yn.yes": ("yes", "是"),
    "comp.trace.yn.no": ("no", "否"),
    "comp.trace.per.line": ("line", "每条明细"),
    "comp.trace.per.year": ("year", "每断面每年"),
    "comp.trace.status.valid": ("valid", "有效"),
    "comp.trace.status.dry": ("dry", "断流"),
    "comp.trace.status.frozen": ("frozen", "冰封"),
    "comp.trace.status.missing": ("missing", "缺测"),
    # --- bands assembled from numbers (geep.compensation.trace.band_steps) ------------------
    "comp.band.class": ("class {cls} vs base {base}", "{cls} 类，基准 {base} 类"),
    "comp.band.pts": ("{change} pts", "{change} 个百分点"),
    "comp.band.load": ("{load} t", "超标负荷 {load} t"),
    "comp.band.run": ("{run} consecutive months", "连续 {run} 个月达标"),
    "comp.band.word": ("{band}", "{band}"),
    "comp.band.whole_year": (" + whole year", " + 全年达标"),
    # --- band names of the obligation ledger (settlement workbook under zh) -----------------
    "stl.band.below floor": ("below floor", "低于生态流量下限"),
    "stl.band.meets floor": ("meets floor", "达到生态流量下限"),
    "stl.band.out of season": ("out of season", "不在考核月份"),
    "stl.band.not compliant": ("not compliant", "未达标"),
    "stl.band.no improvement": ("no improvement", "无改善"),
    "stl.band.meets": ("meets", "达到阈值"),
    "stl.band.below": ("below", "低于阈值"),
    "stl.band.share": ("share", "份额"),
    "stl.band.contribution": ("contribution", "出资"),
    "stl.band.allocation": ("allocation", "分配"),
    "stl.band.forfeit": ("forfeit", "扣减转付"),
    "stl.band.to_compliant": ("to_compliant", "转为达标"),
    "stl.band.cross_class": ("cross_class", "类别提升"),
    "stl.band.P > threshold": ("P > threshold", "P > 阈值"),
    "stl.band.P ≤ threshold": ("P ≤ threshold", "P ≤ 阈值"),
    # --- warnings of a run (geep/compensation/engine.py::_warnings) -------------------------
    "comp.what.parameter": ("parameter", "参数"),
    "comp.what.section": ("section", "断面"),
    "comp.what.component": ("component", "考核项"),
    "comp.what.settlement_lag": ("settlement lag", "结算滞后期"),
    "comp.what.fund_routing": ("fund routing", "资金划转方式"),
    "comp.weak_evidence_of": (
        "{what} is {evidence} (not verified against the agreement or regulation text)",
        "{what}的证据等级为 {evidence}（未经协议或文件原文核实）",
    ),
    "comp.evidence.published": ("published", "已发表"),
    "comp.evidence.derived": ("derived", "推导"),
    "comp.evidence.secondary": ("secondary", "二手来源"),
    "comp.evidence.unverified": ("unverified", "未核实"),
    "comp.evidence.user": ("user-supplied", "用户提供"),
    # a component id inside Chinese text is quoted (it is the scheme file's code)
    "comp.component_ref": ("{id}", "'{id}'"),
    "comp.note_in_brackets": (" ({note})", "（{note}）"),
    "comp.with_note": ("{text}: {note}", "{text}：{note}"),
    "comp.warn.limits_unverified": (
        "GB 3838 limits of {indicators} in {table} are unverified (not in geep's reference "
        "sources)",
        "{table} 中 {indicators} 的 GB 3838 限值未经核实（不在 geep 的参考来源中）",
    ),
    "comp.warn.flows": ("flows: {what}", "流量数据：{what}"),
    "comp.warn.input": (
        "input {severity}: {where}: {problem}",
        "输入{severity}：{where}：{problem}",
    ),
    "comp.note.not_assessed": (
        "component {component} {year}: section(s) of {parties} not assessed; their allocation "
        "is paid and flagged not_assessed",
        "考核项 {component} {year} 年：{parties} 的断面未能评估；其分配额照付并标记为 not_assessed",
    ),
    "comp.note.shares_normalised": (
        "component {component}: shares summed to {total}; normalised (residual {residual})",
        "考核项 {component}：分摊比例之和为 {total}，已归一化（余差 {residual}）",
    ),
    "comp.note.overridden": ("overridden by {by}", "已由 {by} 覆盖"),
    # provenance of a derived scheme edition (Scheme.label)
    "comp.derived.sections": ("sections supplied by {by}", "断面由 {by} 提供"),
    "comp.derived.rules_of": ("rules of {ref}", "采用 {ref} 的规则"),
    "hint.comp.rebuild": (
        "check the party ids, section ids and parameter names",
        "请检查参与方 id、断面 id 和参数名称",
    ),
    # the Chinese notes of an edition beside its folder (geep/compensation/notes_zh.py)
    "comp.err.notes_zh": (
        "the Chinese notes of {ref} name items without an English note: {items}",
        "{ref} 的中文说明文件列出了没有英文说明的条目：{items}",
    ),
    "hint.comp.err.notes_zh": (
        "each entry translates the note of a party, section, parameter or component of the "
        "edition (by its id or name), or of its fund or settlement: fix or remove the others",
        "每个条目须翻译本版本中某参与方、断面、参数或考核项（按其 id 或名称）或资金、结算的说明；"
        "请更正或删除其他条目",
    ),
    # --- columns of the parameters and sections sheets ---------------------------------------
    "stl.col.parameter": ("parameter", "参数"),
    "stl.col.unit": ("unit", "单位"),
    "stl.col.overridden": ("overridden", "已覆盖"),
    "stl.col.note": ("note", "说明"),
    "stl.col.river": ("river", "河流"),
    "stl.col.type": ("type", "断面类型"),
    "stl.col.upstream": ("upstream", "上游责任方"),
    "stl.col.downstream": ("downstream", "下游受益方"),
    # --- columns of `geep compensate --list` and `--parameters` on a terminal ----------------
    "stl.col.edition": ("edition", "版本"),
    "stl.col.valid_from": ("valid from", "生效日期"),
    "stl.col.valid_to": ("valid to", "失效日期"),
    "stl.col.components": ("components", "考核项"),
    "stl.col.title": ("title", "名称"),
    "stl.col.accepts": ("accepts", "可取值"),
    "stl.col.used_by": ("used by", "使用方"),
    "stl.col.value": ("value", "取值"),
    "stl.col.source": ("source", "来源"),
    "comp.section_type.junction": ("junction", "交接断面"),
    "comp.section_type.outflow": ("outflow", "出境断面"),
    "comp.section_type.source": ("source", "源头断面"),
    "comp.section_type.inflow_mouth": ("inflow_mouth", "入河（湖）口断面"),
    "comp.section_type.national": ("national", "国控断面"),
    "comp.section_type.provincial": ("provincial", "省控断面"),
    "comp.section_type.drinking_source": ("drinking_source", "饮用水水源地断面"),
}
