"""Texts of the rights-trading positions workbook (``geep trading positions -o OUT.xlsx``):
sheet names, column headers, the reader's names of the codes in its sheets (flows, legs,
families, statuses …), the summary, checks and warnings. Merged into the ``trading`` domain.

The English sheet names and texts are those the workbook has always had (tests and scripts
read them); the Chinese ones are shown under ``--lang zh``.
"""

from __future__ import annotations

#: sheets of the export (the input-layout sheets holders, transactions, emissions take their
#: Chinese names from geep.trading.sheets, which the reader accepts)
_SHEETS = {
    "summary": "概况",
    "postings": "数量分录",
    "money": "资金分录",
    "positions": "持仓",
    "money_positions": "资金头寸",
    "positions_county": "县级持仓",
    "positions_city": "市级持仓",
    "positions_province": "省级持仓",
    "compliance": "履约",
    "carbon_compliance": "碳履约",
    "ledger": "价值核算",
    "checks": "核对",
    "rules": "规则",
    "warnings": "提示",
}

#: column headers of the derived sheets: machine name → (English, Chinese)
_COLUMNS = {
    "txn": ("transaction", "交易编号"),
    "date": ("date", "日期"),
    "holder": ("holder", "持有人编号"),
    "holder_name": ("holder name", "持有人名称"),
    "holder_kind": ("holder kind", "持有人类型"),
    "holder_kind_label": ("holder kind (name)", "持有人类型名称"),
    "right": ("right", "权利"),
    "right_label": ("right (name)", "权利名称"),
    "family": ("family", "权利类别"),
    "family_label": ("family (name)", "权利类别名称"),
    "vintage": ("vintage", "年度"),
    "component": ("component", "权属"),
    "component_label": ("component (name)", "权属名称"),
    "flow": ("flow", "变动"),
    "flow_label": ("flow (name)", "变动名称"),
    "unit": ("unit", "单位"),
    "payer": ("payer", "付款方"),
    "payee": ("payee", "收款方"),
    "leg": ("leg", "款项"),
    "leg_label": ("leg (name)", "款项名称"),
    "amount": ("amount", "金额"),
    "rule": ("rule", "规则依据"),
    "balance": ("balance", "余额"),
    "holdings": ("holdings", "持有量"),
    "available": ("available", "可用量"),
    "paid": ("paid", "支出"),
    "fees": ("fees", "手续费"),
    "received": ("received", "收入"),
    "net": ("net", "净额"),
    "region_level": ("level", "区划级别"),
    "region_level_label": ("level (name)", "区划级别名称"),
    "holders": ("holders", "持有人数"),
    "covered": ("covered", "可覆盖量"),
    "actual": ("actual", "实际排放量"),
    "surplus": ("surplus", "盈余"),
    "status": ("status", "状态"),
    "status_label": ("status (name)", "状态名称"),
    "price_ref": ("price source", "价格依据"),
    "verified": ("verified emissions", "核查排放量"),
    "allowances": ("allowances", "配额"),
    "ccer_held": ("CCER held", "持有 CCER"),
    "ccer_cap": ("CCER cap", "CCER 抵销上限"),
    "ccer_usable": ("CCER usable", "可用 CCER"),
    "gap": ("gap", "差额"),
    "shortfall": ("shortfall", "缺口"),
    "shortfall_value": ("shortfall value", "缺口价值"),
    "surplus_value": ("surplus value", "盈余价值"),
    "cap_ref": ("cap source", "上限依据"),
    "check": ("check", "核对项"),
    "residual": ("residual", "差额"),
    "ok": ("ok", "是否通过"),
    "ok_label": ("result", "结果"),
    "role": ("role", "用途"),
    "role_label": ("role (name)", "用途名称"),
    "table": ("table", "规则表"),
    "title": ("title", "标题"),
    "sha256": ("SHA-256", "SHA-256 校验值"),
    "warning": ("warning", "提示"),
    "indicator_label": ("indicator (name)", "指标名称"),
    # the columns of the input-layout transactions sheet that are not read back
    "value_txn": ("value", "金额"),
    "reversed_by": ("reversed by", "被冲正"),
}

#: the reader's names of codes: kind → code → (English, Chinese)
_NAMES = {
    "flow": {
        "allocated": ("allocated", "分配转入"),
        "allocated_out": ("allocated out", "分配转出"),
        "purchased": ("purchased", "买入"),
        "sold": ("sold", "卖出"),
        "leased_in": ("leased in", "租入"),
        "leased_out": ("leased out", "租出"),
        "bought_back": ("bought back", "回购买入"),
        "sold_back": ("sold back", "被回购"),
        "surrendered": ("surrendered", "清缴"),
        "retired": ("retired", "注销"),
    },
    "component": {"owned": ("owned", "自有"), "leased": ("leased", "租赁")},
    "leg": {
        "price": ("price", "价款"),
        "fee": ("fee", "手续费"),
        "allocation": ("paid allocation", "有偿分配价款"),
        "rent": ("rent", "租金"),
        "buyback": ("buy-back price", "回购价款"),
        "paid_use_fee": ("paid-use fee", "有偿使用费"),
    },
    "family": {
        "emission": ("emission permits", "排污权"),
        "carbon": ("carbon", "碳排放权"),
        "water": ("water-use rights", "用水权"),
        "energy": ("energy-use rights", "用能权"),
    },
    "status": {
        "surplus": ("surplus", "盈余"),
        "deficit": ("deficit", "不足"),
        "balanced": ("balanced", "平衡"),
        "shortfall": ("shortfall", "缺口"),
        "released": ("released", "正式"),
        "provisional": ("provisional", "暂定"),
        "draft": ("draft", "草稿"),
        "missing": ("missing", "缺失"),
    },
    "category": {"rights": ("rights", "权利资产")},
    "level": {
        "county": ("county", "县级"),
        "city": ("city", "市级"),
        "province": ("province", "省级"),
    },
    "ok": {"True": ("yes", "通过"), "False": ("no", "未通过")},
}

#: the input-layout sheets under their reader's names (geep.trading.sheets SheetSpec.sheet_zh;
#: a test keeps them equal), for the integrity check of a zh export
_INPUT_SHEETS = {"holders": "持有人", "transactions": "交易", "emissions": "实际排放"}

MESSAGES: dict[str, tuple[str, str]] = {
    **{f"trading.xl.sheet.{k}": (k, zh) for k, zh in {**_SHEETS, **_INPUT_SHEETS}.items()},
    "trading.xl.sheet.positions_level": ("positions_{level}", "{level}持仓"),
    # the positions sheets have a column per flow, headed by the flow's name
    **{f"trading.col.{k}": v for k, v in {**_NAMES["flow"], **_COLUMNS}.items()},
    # the summary sheet's three columns (a value there is a text, not money)
    "trading.summary.key": ("key", "项目代码"),
    "trading.summary.label": ("item", "项目"),
    "trading.summary.value": ("value", "内容"),
    **{f"trading.{kind}.{c}": v for kind, names in _NAMES.items() for c, v in names.items()},
    "trading.kind.system": ("system account", "系统账户"),
    # summary
    "trading.xl.key.title": ("title", "标题"),
    "trading.xl.key.geep_version": ("geep version", "geep 版本"),
    "trading.xl.key.status": ("status", "状态"),
    "trading.xl.key.transactions": ("transactions", "交易笔数"),
    "trading.xl.key.holders": ("holders", "持有人数"),
    "trading.xl.key.as_of": ("as of", "截止日期"),
    "trading.xl.key.rules": ("rules", "规则表"),
    "trading.xl.key.note": ("note", "注意"),
    "trading.xl.key.integrity": ("integrity record", "完整性记录"),
    "trading.xl.all": ("(all)", "（全部）"),
    "trading.xl.provisional": (
        "PROVISIONAL: uses provisional rule tables",
        "暂定：使用了暂定的规则表",
    ),
    # checks
    "trading.xl.check_quantity": (
        "{component} quantity of {right} vintage {vintage} sums to 0",
        "{right} {vintage} 年度{component}数量合计为 0",
    ),
    "trading.xl.check_money": (
        "money: net positions of all holders sum to 0",
        "资金：所有持有人的净头寸合计为 0",
    ),
    # warnings
    "trading.xl.not_written": ("{sheet} not written: {problem}", "未写出「{sheet}」表：{problem}"),
    "trading.xl.not_valued": (
        "{right} vintage {vintage} not valued: {reason}",
        "{right} {vintage} 年度未估值：{reason}",
    ),
    "trading.xl.regions_status": (
        "aggregation uses {ref} ({status}): region codes are secondary and must be checked "
        "against the official code list",
        "汇总使用 {ref}（{status}）：行政区划代码来自二手资料，须与官方代码表核对",
    ),
    "trading.price.no_reference": (
        "no reference price of {right} on or before {day}",
        "{day} 及之前没有{right}的参考价格",
    ),
    "trading.price.no_floor": (
        "no floor price of {right} in {table}",
        "{table} 中没有{right}的基准价",
    ),
    "trading.price.no_trade": (
        "no trade of {right} vintage {vintage} in the journal (market price)",
        "台账中没有{right} {vintage} 年度的交易（市场价）",
    ),
    # console lines of `geep trading validate | compliance | rules`
    "trading.cli_validated": (
        "{file}: {n} transactions, {holders} holders; rules {rules}",
        "{file}：{n} 笔交易，{holders} 个持有人；规则表 {rules}",
    ),
    "trading.cli_no_emissions": (
        "{file}: no emissions sheet (or no rows); nothing to check",
        "{file}：没有实际排放表（或表中无数据），无可核对内容",
    ),
    "trading.cli_title_rules": ("trading rules", "交易规则表"),
}
