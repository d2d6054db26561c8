"""Sheet names, titles and labels of the workbooks geep writes."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "xl.summary": ("summary", "汇总"),
    "xl.by_service": ("by_service", "按服务"),
    "xl.by_region": ("by_region", "按区域"),
    "xl.provenance": ("provenance", "来源"),
    "xl.warnings": ("warnings", "提示"),
    "xl.warning": ("warning", "提示"),
    "xl.title": ("geep ledger", "geep 核算账户"),
    "xl.status": ("status", "状态"),
    "xl.profile": ("profile", "配置"),
    "xl.price_year": ("price year", "价格年份"),
    "xl.money_unit": ("money shown in", "金额单位"),
    "xl.provisional": (
        "PROVISIONAL: uses provisional coefficients or rests on unverified or secondary-source "
        "values (see the provenance sheet)",
        "暂定结果：使用了暂定（未正式发布）的系数，或依据未核实、二手来源的数值（见“来源”表）",
    ),
    "xl.totals": ("totals by account", "各账户合计"),
    "xl.recalc": ("recalculated from the lines sheet", "由 lines 表重新计算"),
    "xl.by_category": ("by region, year, account and category", "按区域、年份、账户和类别"),
    "xl.none": ("(none)", "（无）"),
    "xl.key": ("item", "项目"),
    "xl.val": ("value", "内容"),
    "xl.true": ("true", "是"),
    "xl.false": ("false", "否"),
    "writer.money_unit": (
        "cannot show money in {unit!r}",
        "不能以 {unit!r} 显示金额",
    ),
    "writer.hint_money_unit": ("use 元, 万元 or 亿元", "请使用元、万元或亿元"),
}
MESSAGES.update(
    {
        "cmp.about": ("about", "说明"),
        "cmp.totals": ("totals", "合计"),
        "cmp.lines": ("side_by_side", "逐项对比"),
        "cmp.drivers": ("drivers", "差异来源"),
        "cmp.title": ("geep comparison", "geep 对比"),
        "cmp.sides": ("sides", "对比各方"),
        "cmp.unit": (
            "values in {unit} at price year {py}, shown in {shown}",
            "货币 {unit}，价格年份 {py}，以{shown}显示",
        ),
        "cmp.note": ("NOTE: {note}", "注意：{note}"),
        "cmp.chart": ("Total value by side", "各方合计价值"),
        "cmp.detail": ("per side and account", "各方各账户"),
    }
)
MESSAGES.update(
    {
        "tpl.title": ("geep input workbook", "geep 输入数据模板"),
        "tpl.how": ("How to fill in", "填写说明"),
        "tpl.step1": (
            "1. Each sheet is one input table; fill only the sheets you need (leave the others "
            "empty).",
            "1. 每个工作表是一张输入表，只需填写需要的表，其余留空。",
        ),
        "tpl.step2": (
            "2. Keep the two header rows (Chinese and English); one row per record below them.",
            "2. 保留两行表头（中文、英文），其下每行一条记录。",
        ),
        "tpl.step3": (
            "3. Type plain numbers (no unsaved formulas, no text such as '约'). Units go in the "
            "unit column: ha, 亩, 公顷, km² …",
            "3. 请填写纯数值（不要未保存结果的公式，不要“约”等文字）；单位填在“单位”列：ha、亩、公顷、km² 等。",
        ),
        "tpl.step4": (
            "4. Land classes, indicators and units have drop-down lists (name and code); Chinese "
            "names, codes and GB/T 21010 codes typed by hand are accepted too.",
            "4. 地类、指标和单位可从下拉列表（名称及代码）选择，也可直接输入中文名称、代码或三调编码。",
        ),
        "tpl.step5": (
            "5. Run `geep validate FILE.xlsx` to check: every problem is listed with its cell.",
            "5. 运行 `geep validate 文件.xlsx` 检查，所有问题都会列出所在单元格。",
        ),
        "tpl.sheet": ("sheet", "工作表"),
        "tpl.table": ("table", "表"),
        "tpl.holds": ("what it holds", "内容"),
        "tpl.columns": ("columns", "列"),
        "tpl.units": ("units accepted", "可用单位"),
        "tpl.example": ("example", "示例"),
        "tpl.classes": ("land classes", "地类"),
        "tpl.zh_name": ("Chinese name", "中文名称"),
        "tpl.biome": ("benefit-transfer biome", "效益转移生物群区"),
        "tpl.indicators": ("indicators", "指标"),
        "tpl.unit": ("unit", "单位"),
        "tpl.category": ("category", "类别"),
        "tpl.drivers": ("driver variables", "驱动因子"),
        "tpl.year_error": ("a year between 1949 and 2100", "请填写 1949–2100 之间的年份"),
        "tpl.positive_error": ("a number ≥ 0", "请填写不小于 0 的数值"),
    }
)
MESSAGES.update(
    {
        "batch.sheet.files": ("files", "文件"),
        "batch.sheet.problems": ("problems", "问题"),
        "batch.col.file": ("file", "文件"),
        "batch.col.status": ("status", "状态"),
        "batch.col.errors": ("errors", "错误数"),
        "batch.col.warnings": ("warnings", "警告数"),
        "batch.col.notes": ("notes", "提示数"),
        "batch.col.lines": ("lines", "台账行数"),
        "batch.col.ledger": ("ledger", "台账文件"),
        "batch.col.sha256": ("sha256", "文件哈希 (sha256)"),
        "batch.col.message": ("message", "说明"),
        "batch.col.severity": ("severity", "级别"),
        "batch.col.table": ("table", "表"),
        "batch.col.where": ("where", "位置"),
        "batch.col.column": ("column", "列"),
        "batch.col.value": ("value", "值"),
        "batch.col.problem": ("problem", "问题"),
        "batch.col.hint": ("hint", "修改建议"),
        "batch.status.ok": ("ok", "成功"),
        "batch.status.invalid": ("invalid", "输入有误"),
        "batch.status.failed": ("failed", "运行失败"),
        "batch.status.cancelled": ("cancelled", "已取消"),
    }
)
MESSAGES.update(
    {
        "stl.summary": ("summary", "汇总"),
        "stl.net": ("net", "净额"),
        "stl.matrix": ("matrix", "收付矩阵"),
        "stl.obligations": ("obligations", "明细"),
        "stl.parameters": ("parameters", "参数"),
        "stl.sections": ("sections", "断面"),
        "stl.warnings": ("warnings", "提示"),
        "stl.issues": ("input_issues", "输入问题"),
        "stl.title": ("geep compensation settlement", "geep 生态补偿结算"),
        "stl.banner": (
            "PROVISIONAL — not official amounts: {ref} is a {status} scheme edition",
            "暂定结果（非正式金额）：{ref} 为{status}版本的补偿方案",
        ),
        "stl.total": ("total", "合计"),
        "stl.matrix_title": (
            "settlement year {year} — payer (rows) × payee (columns), {unit} — {status}",
            "结算年度 {year}——付款方（行）× 收款方（列），{unit}——{status}",
        ),
        "stl.item.scheme": ("scheme", "补偿方案"),
        "stl.item.status": ("status", "状态"),
        "stl.item.evidence": ("evidence", "证据"),
        "stl.item.sha256": ("sha256", "哈希 (sha256)"),
        "stl.item.limits": ("limits", "限值"),
        "stl.item.lag": ("settlement lag (years)", "结算滞后（年）"),
        "stl.item.fund": ("fund", "资金池"),
        "stl.item.unit": ("unit", "金额单位"),
        "stl.item.warnings": ("warnings", "提示数"),
        "stl.col.settlement_year": ("settlement year", "结算年度"),
        "stl.col.party": ("party", "参与方"),
        "stl.col.party_name": ("party name", "参与方名称"),
        "stl.col.paid": ("paid", "支付"),
        "stl.col.received": ("received", "收到"),
        "stl.col.net": ("net", "净额"),
        "stl.col.amount_unit": ("amount unit", "金额单位"),
        "stl.col.status": ("status", "状态"),
        "stl.col.fund_net": ("fund net", "资金池净额"),
        "stl.col.balance": ("balance", "差额"),
        "stl.col.payer": ("payer", "付款方"),
        "stl.col.payee": ("payee", "收款方"),
        "stl.col.amount": ("amount", "金额"),
        "stl.col.component": ("component", "考核项"),
        "stl.col.section_id": ("section", "断面"),
        "stl.col.period": ("period", "时段"),
        "stl.col.indicator": ("indicator", "指标"),
        "stl.col.observed": ("observed", "监测值"),
        "stl.col.target": ("target", "目标值"),
        "stl.col.exceedance": ("exceedance", "超标倍数"),
        "stl.col.band": ("band", "档次"),
        "stl.col.flags": ("flags", "标记"),
        "stl.col.trace": ("trace", "计算过程"),
        "stl.col.kind": ("kind", "类型"),
        "cmp.err.nothing": ("nothing to compare", "没有可比较的内容"),
        "hint.cmp.err.nothing": ("give at least one ledger", "请至少给出一个核算表"),
        "cmp.err.runs": (
            "comparing runs needs two or more ledgers",
            "比较多次运行需要两个或更多核算表",
        ),
        "hint.cmp.err.runs": (
            "or use across='region' / 'year' on one ledger",
            "或对一个核算表使用 across='region' / 'year'",
        ),
        "cmp.err.labels": ("labels must be unique, one per ledger", "标签须唯一，每个核算表一个"),
        "cmp.err.across": (
            "across must be 'run', 'region' or 'year', not {across!r}",
            "across 须为 'run'、'region' 或 'year'，而不是 {across!r}",
        ),
        "cmp.err.no_lines": ("no lines for {across} {missing}", "{across} {missing} 没有明细行"),
        "hint.cmp.err.available": ("available: {options}", "可用的有：{options}"),
        "cmp.err.only_one": (
            "only one {across} in the ledger(s): nothing to compare",
            "核算表中只有一个 {across}：无可比较",
        ),
        "cmp.err.years": (
            "the ledgers hold several years ({years}): a side's sum over them is no year's value",
            "核算表含多个年份（{years}）：各方跨年份的合计不是任何一年的数值",
        ),
        "hint.cmp.err.years": (
            "compare one year (--year Y; in Python year=Y), or the years themselves "
            "(--across year); across_years=True sums them on purpose",
            "请比较某一年（--year 年份；Python 中 year=年份），或比较各年份（--across year）；"
            "across_years=True 可有意跨年合计",
        ),
        "cmp.err.no_year": (
            "no line of year {year}; the ledgers hold {years}",
            "没有 {year} 年的明细；核算表含有的年份：{years}",
        ),
        "cmp.note_across_years": (
            "values summed over the years {years} (per capita and per km² per year)",
            "数值为 {years} 各年之和（人均与每平方千米值按年平均）",
        ),
        "cmp.err.level": ("level must be one of {levels}", "level 须为以下之一：{levels}"),
        "stl.col.share": ("share", "分担比例"),
        "stl.col.scheme": ("scheme", "补偿方案"),
        "stl.col.rule": ("rule", "规则"),
        "stl.col.evidence": ("evidence", "证据等级"),
        "stl.col.payer_name": ("payer name", "付款方名称"),
        "stl.col.payee_name": ("payee name", "收款方名称"),
        "stl.fund.provincial": ("provincial", "省级资金"),
        "stl.fund.direct": ("direct", "直接结算"),
        "stl.fund.pool": ("pool", "资金池"),
        "stl.fund.central": ("central", "中央资金"),
        "stl.band.compliant": ("compliant", "达标"),
        "stl.band.excluded": ("excluded", "已排除"),
        "stl.band.not assessed": ("not assessed", "未评估"),
        "stl.band.at or above baseline": ("at or above baseline", "不低于基准"),
        "stl.band.below baseline": ("below baseline", "低于基准"),
        # evidence levels as shown in settlement workbooks and on the console (the report
        # module has its own report.evidence.* for its pages)
        "evidence.published": ("published", "已发表"),
        "evidence.derived": ("derived", "推导"),
        "evidence.secondary": ("secondary", "二手来源"),
        "evidence.unverified": ("unverified", "未核实"),
        "evidence.user": ("user", "用户提供"),
    }
)

from ._trading_sheets import MESSAGES as _TRADING_SHEETS  # noqa: E402

MESSAGES.update(_TRADING_SHEETS)

from ._example_texts import MESSAGES as _EXAMPLE_TEXTS  # noqa: E402

MESSAGES.update(_EXAMPLE_TEXTS)
