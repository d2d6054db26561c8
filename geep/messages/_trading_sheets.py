"""Texts of the rights-trading journal template (``geep trading template``): instructions,
column meanings and the names of holder kinds, transaction types and modes, in English and
Chinese. Merged into the ``workbooks`` domain."""

from __future__ import annotations

#: help of each journal column: ``sheet.field`` → (English, Chinese)
_HELP: dict[str, tuple[str, str]] = {
    "holders.holder_id": (
        "unique id of the holder (no leading @: @issuance, @retired, @exchange are system "
        "accounts)",
        "持有人的唯一编号（不以 @ 开头：@issuance、@retired、@exchange 为系统账户）",
    ),
    "holders.name": ("name of the enterprise or jurisdiction", "企业或行政区的名称"),
    "holders.kind": (
        "enterprise | county | city | province | reserve (government reserve)",
        "企业、县、市、省或政府储备（见「代码」表）",
    ),
    "holders.region_code": (
        "GB/T 2260 six-digit code of the county, city or province (e.g. 140105)",
        "县、市或省的 GB/T 2260 六位行政区划代码（如 140105）",
    ),
    "holders.note": ("free text", "自由填写"),
    "transactions.id": ("unique transaction id", "交易的唯一编号"),
    "transactions.date": (
        "YYYY-MM-DD; rows are posted in date order",
        "YYYY-MM-DD；按日期顺序记账",
    ),
    "transactions.type": (
        "allocation | trade | lease | surrender | buyback | paid_use_fee | reversal",
        "分配、交易、租赁、清缴、回购、有偿使用费或冲正（见「代码」表）",
    ),
    "transactions.mode": (
        "allocation: free | paid; buyback: paid | unpaid (recovery); else blank",
        "分配：无偿或有偿；回购：有偿或无偿收回；其他类型留空",
    ),
    "transactions.right": (
        "emission.so2, emission.nox, emission.cod, emission.nh3n, emission.dust, "
        "emission.soot, emission.pm, carbon.cea, carbon.ccer, water, energy "
        "(or SO2, 氨氮, CCER, ...)",
        "权利代码或中文名称（见「代码」表，如 二氧化硫排污权、氨氮排污权、碳排放配额）",
    ),
    "transactions.vintage": ("vintage year of the right", "权利所属年度"),
    "transactions.from_holder": (
        "seller / lessor / surrendering holder (allocation: blank = @issuance)",
        "卖方、出租方或清缴方（分配时留空 = @issuance）",
    ),
    "transactions.to_holder": (
        "buyer / lessee / recipient / reserve (surrender: blank = @retired)",
        "买方、承租方、受让方或储备（清缴时留空 = @retired）",
    ),
    "transactions.quantity": ("quantity moved (> 0)", "转移数量（> 0）"),
    "transactions.unit": (
        "t, 万t, tCO2e, m3, 万m3, tce (blank = the right's unit)",
        "t、万t、tCO2e、m3、万m3、tce（留空 = 该权利的单位）",
    ),
    "transactions.price": (
        "trade price, paid allocation price, rent, buy-back price or annual paid-use fee per unit",
        "单位交易价格、有偿分配价格、租金、回购价格或年度有偿使用费",
    ),
    "transactions.price_unit": (
        "元/t, 万元/t, 元/tCO2e, 元/m3, 元/tce (blank = CNY per the right's unit)",
        "元/t、万元/t、元/tCO2e、元/m3、元/tce（留空 = 元/该权利的单位）",
    ),
    "transactions.start": (
        "lease start (leases only; within the vintage year)",
        "租赁起始日（仅租赁；在权利年度内）",
    ),
    "transactions.end": (
        "lease end (leases only; within the vintage year)",
        "租赁截止日（仅租赁；在权利年度内）",
    ),
    "transactions.reverses": (
        "id of the transaction a reversal undoes (reversals only)",
        "被冲正交易的编号（仅冲正）",
    ),
    "transactions.fee_buyer": (
        "CNY; leave blank where the rules set the fee (computed)",
        "元；由规则确定手续费时留空（自动计算）",
    ),
    "transactions.fee_seller": (
        "CNY; leave blank where the rules set the fee (computed)",
        "元；由规则确定手续费时留空（自动计算）",
    ),
    "transactions.note": ("free text", "自由填写"),
    "emissions.holder_id": ("holder", "持有人编号"),
    "emissions.right": (
        "right (carbon.cea rows are verified CO2 emissions for carbon compliance)",
        "权利（carbon.cea 行为碳履约核查的 CO2 排放量）",
    ),
    "emissions.year": (
        "year of the emissions (compared with rights of that vintage)",
        "排放年度（与该年度的权利比较）",
    ),
    "emissions.quantity": ("actual emissions or use", "实际排放量或使用量"),
    "emissions.unit": ("unit (blank = the right's unit)", "单位（留空 = 该权利的单位）"),
}

MESSAGES: dict[str, tuple[str, str]] = {
    "trading.tpl.readme": ("README", "说明"),
    "trading.tpl.codes": ("codes", "代码"),
    "trading.tpl.title": ("geep rights-trading journal", "geep 权利交易台账"),
    "trading.tpl.fill": (
        "Fill the sheets {holders}, {transactions} and (optionally) {emissions}, then run "
        "`geep trading validate FILE` and `geep trading positions FILE -o OUT.xlsx`.",
        "填写「{holders}」「{transactions}」和（可选）「{emissions}」表，然后运行 "
        "`geep trading validate 文件` 和 `geep trading positions 文件 -o 输出.xlsx`。",
    ),
    "trading.tpl.headers": (
        "Headers may be English or Chinese; a unit may follow in brackets, e.g. 数量(t). "
        "Types, modes and rights may be picked from the drop-downs or typed as the codes of "
        "the sheet {codes}.",
        "表头可用中文或英文机器名；单位可写在括号内，如 数量(t)。"
        "类型、方式和权利可从下拉列表选择中文名称，也可填写「{codes}」表中的代码。",
    ),
    "trading.tpl.col.sheet": ("sheet", "工作表"),
    "trading.tpl.col.column": ("column", "列名"),
    "trading.tpl.col.header": ("Chinese header", "中文表头"),
    "trading.tpl.col.meaning": ("meaning", "说明"),
    "trading.tpl.col.code": ("code", "代码"),
    "trading.tpl.col.name": ("name", "中文名称"),
    "trading.tpl.col.unit": ("unit", "单位"),
    "trading.tpl.holder_kinds": ("holder kinds", "持有人类型"),
    "trading.tpl.types": ("transaction types", "交易类型"),
    "trading.tpl.modes": ("modes", "方式"),
    "trading.tpl.rights": ("rights", "权利"),
    # names of codes (the template's drop-downs under zh; the reader accepts them)
    "trading.kind.enterprise": ("enterprise", "企业"),
    "trading.kind.county": ("county", "县"),
    "trading.kind.city": ("city", "市"),
    "trading.kind.province": ("province", "省"),
    "trading.kind.reserve": ("reserve", "政府储备"),
    "trading.type.allocation": ("allocation", "分配"),
    "trading.type.trade": ("trade", "交易"),
    "trading.type.lease": ("lease", "租赁"),
    "trading.type.surrender": ("surrender", "清缴"),
    "trading.type.buyback": ("buyback", "回购"),
    "trading.type.paid_use_fee": ("paid_use_fee", "有偿使用费"),
    "trading.type.reversal": ("reversal", "冲正"),
    "trading.mode.free": ("free", "无偿"),
    "trading.mode.paid": ("paid", "有偿"),
    "trading.mode.unpaid": ("unpaid", "无偿收回"),
    **{f"trading.tpl.help.{k}": v for k, v in _HELP.items()},
}
