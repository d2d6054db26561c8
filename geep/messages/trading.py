"""Message texts of rights trading (numbers, dates, ids, journal integrity), in English and
Chinese."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # numbers
    "trading.not_number": ("{value!r} is not a number", "{value!r} 不是数字"),
    "trading.bool_number": (
        "a true/false value is not a number",
        "逻辑值（是/否）不是数字",
    ),
    "trading.not_finite": ("{value!r} is not a finite number", "{value!r} 不是有限数值"),
    "trading.too_large": (
        "{value!r} is beyond any plausible amount (|x| ≤ {limit:g})",
        "{value!r} 超出任何合理数额（|x| ≤ {limit:g}）",
    ),
    # transaction fields (shape problems)
    "trading.f.empty": ("is empty", "为空"),
    "trading.f.reversal_needs": (
        "a reversal names the transaction it reverses",
        "冲正交易须写明所冲正的交易编号",
    ),
    "trading.f.required": ("is required", "为必填项"),
    "trading.f.not_right": ("{right!r} is not a right id", "{right!r} 不是权利类型编号"),
    "trading.f.vintage_range": (
        "{vintage} is outside {lo}..{hi}",
        "{vintage} 不在 {lo}..{hi} 范围内",
    ),
    "trading.f.quantity": (
        "must be a positive number from {lo:g} to {hi:g} {unit}",
        "必须是 {lo:g} 至 {hi:g} {unit} 之间的正数",
    ),
    "trading.f.non_negative": (
        "must be a non-negative number up to {hi:g} {unit}",
        "必须是不超过 {hi:g} {unit} 的非负数",
    ),
    "trading.f.value_max": (
        "quantity × price = {value} CNY is beyond any plausible amount (≤ {hi:g} CNY)",
        "数量 × 价格 = {value} 元，超出任何合理数额（≤ {hi:g} 元）",
    ),
    "trading.f.date_range": (
        "{date} is outside {lo}..{hi}",
        "{date} 不在 {lo}..{hi} 范围内",
    ),
    "trading.f.date_vintage": (
        "dated {date}, outside the years of vintage {vintage} ({lo}..{hi}: a right is "
        "allocated at most {ahead} year ahead and used, traded or surrendered within {after} "
        "years of its vintage)",
        "日期 {date} 不在 {vintage} 年度权利的使用年份内（{lo}..{hi}：权利最多提前 {ahead} 年分配，"
        "并须在其年度后 {after} 年内使用、交易或清缴）",
    ),
    "trading.f.needs_from": ("a {type} needs the holder it comes from", "{type} 须写明转出方"),
    "trading.f.needs_to": ("a {type} needs the holder it goes to", "{type} 须写明转入方"),
    "trading.f.same_holder": ("from and to are the same holder", "转出方与转入方是同一持有人"),
    "trading.f.system": ("{holder} cannot take part in a {type}", "{holder} 不能参与 {type}"),
    "trading.f.mode_choice": ("{mode!r} is not one of {modes}", "{mode!r} 不是 {modes} 之一"),
    "trading.f.no_mode": ("a {type} has no mode", "{type} 没有方式（mode）"),
    "trading.f.needs_price": ("a {type} needs a positive price", "{type} 须有正的价格"),
    "trading.f.paid_price": ("a paid {type} needs a positive price", "有偿 {type} 须有正的价格"),
    "trading.f.no_price": ("a {mode} {type} has no price", "{mode} 的 {type} 不应有价格"),
    "trading.f.surrender_price": ("a surrender has no price", "清缴不应有价格"),
    "trading.f.fees_trades": ("fees are recorded on trades only", "手续费只记在交易（trade）上"),
    "trading.f.lease_dates": ("a lease needs start and end dates", "租赁须有起止日期"),
    "trading.f.lease_order": ("lease end is before its start", "租赁截止日期早于起始日期"),
    "trading.f.only_leases": ("only leases have start and end dates", "只有租赁才有起止日期"),
    "trading.f.only_reversals": (
        "only a reversal names a transaction to reverse",
        "只有冲正交易才写冲正编号",
    ),
    # ids
    "trading.id_not_ascii": (
        "{what} {value!r} contains {char!r} ({name}); ids are ASCII letters, digits, '-', '_' "
        "and '.'",
        "{what} {value!r} 含有字符 {char!r}（{name}）；编号只能由 ASCII 字母、数字及 '-'、'_'、'.' 组成",
    ),
    "trading.id_empty": ("{what} is empty", "{what}为空"),
    "trading.id_system": (
        "holder_id must not start with '@' (@issuance, @retired, @exchange are system accounts)",
        "持有人编号不能以 '@' 开头（@issuance、@retired、@exchange 是系统账户）",
    ),
    "trading.what.holder": ("holder id", "持有人编号"),
    "hint.trading.id": (
        "retype the id (a look-alike letter such as Cyrillic О for Latin O, or a fullwidth or "
        "accented letter, makes it a different holder)",
        "请重新输入编号（西里尔字母 О 等形近字符、全角或带重音的字母会使其成为另一个持有人）",
    ),
    "trading.region_code": (
        "region_code {value!r} is not a six-digit GB/T 2260 code",
        "行政区划代码 {value!r} 不是六位 GB/T 2260 代码",
    ),
    "trading.emission_year": (
        "year {year} is outside {lo}..{hi}",
        "年度 {year} 不在 {lo}..{hi} 范围内",
    ),
}

MESSAGES.update(
    {
        # journal integrity chain (geep.trading.integrity)
        "trading.chain.none": (
            "this journal has no integrity chain, so it cannot be verified against an export "
            "(a journal kept by hand has none; `geep trading positions J.xlsx -o OUT.xlsx` "
            "writes one)",
            "该台账没有完整性链，无法核验是否与导出时一致（手工填写的台账没有；"
            "`geep trading positions J.xlsx -o OUT.xlsx` 导出的台账带有完整性链）",
        ),
        "trading.chain.no_record": (
            "sheet {sheet} carries chain columns but the summary sheet has no integrity record "
            "(the summary was edited or removed)",
            "{sheet} 表带有完整性链列，但 summary 表中没有完整性记录（summary 表被修改或删除）",
        ),
        "trading.chain.bad_record": (
            "the integrity record of the summary sheet cannot be read ({problem})",
            "无法读取 summary 表中的完整性记录（{problem}）",
        ),
        "trading.chain.sheet_missing": (
            "sheet {sheet} of the export is missing",
            "导出时的 {sheet} 表不见了",
        ),
        "trading.chain.column_missing": (
            "column {column!r} of the exported {sheet} sheet is missing or renamed; its rows "
            "cannot be verified",
            "导出时 {sheet} 表的列 {column!r} 不见了或被改名，无法核验其各行",
        ),
        "trading.chain.changed": (
            "row {row} changed since the export: its cells no longer match the hash recorded for "
            "exported entry {seq} (an edited cell?)",
            "第 {row} 行自导出后被修改：其单元格与导出的第 {seq} 条记录的哈希不符（有单元格被编辑？）",
        ),
        "trading.chain.deleted": (
            "exported entries {first}..{last} are missing before row {row} (deleted?)",
            "第 {row} 行之前缺少导出的第 {first}..{last} 条（被删除？）",
        ),
        "trading.chain.moved": (
            "row {row} was exported as entry {seq} but now follows exported entry {prev} (rows "
            "reordered?)",
            "第 {row} 行导出时为第 {seq} 条，现排在导出的第 {prev} 条之后（行顺序被调整？）",
        ),
        "trading.chain.link": (
            "row {row}: the chain link no longer covers the previous row (a chain cell was "
            "edited?)",
            "第 {row} 行：链接哈希不再覆盖上一行（链列单元格被编辑？）",
        ),
        "trading.chain.inserted": (
            "row {row} has no chain cells but lies inside the exported rows (inserted?)",
            "第 {row} 行没有链列取值，却位于导出的各行之间（被插入？）",
        ),
        "trading.chain.appended": (
            "{n} row(s) from row {row} on were added after the export (not covered by the chain)",
            "自第 {row} 行起有 {n} 行是导出后新增的（不在完整性链内）",
        ),
        "trading.chain.tail": (
            "exported entries {first}..{last} are missing at the end of the sheet (deleted?)",
            "表末缺少导出的第 {first}..{last} 条（被删除？）",
        ),
        "trading.chain.head": (
            "the last chain link differs from the summary's integrity record",
            "最后一个链接哈希与 summary 表的完整性记录不符",
        ),
        "hint.trading.chain": (
            "an exported journal is a record: undo a mistake with a reversal transaction and "
            "export again; never edit exported rows",
            "导出的台账是记录：如有错误请登记冲正交易后重新导出，不要编辑导出的行",
        ),
    }
)

MESSAGES.update(
    {
        # the journal reader (geep.trading.io)
        "trading.sheet_missing": (
            "sheet {sheet!r} ({zh}) is missing",
            "缺少工作表 {sheet!r}（{zh}）",
        ),
        "hint.trading.template": (
            "start from `geep trading template`",
            "请从 `geep trading template` 生成的模板开始",
        ),
        "trading.sheet_hidden": (
            "sheet {sheet!r} ({zh}) is hidden; a journal is read in full, so a hidden sheet is "
            "not read",
            "工作表 {sheet!r}（{zh}）已隐藏；台账须完整读取，隐藏的工作表不予读取",
        ),
        "hint.trading.sheet_hidden": (
            "unhide it (Excel: right-click a sheet tab > Unhide; WPS: 右键工作表标签 > 取消隐藏) "
            "and validate again",
            "请取消隐藏（Excel 或 WPS：右键工作表标签 > 取消隐藏）后重新校验",
        ),
        "trading.kind_unknown": (
            "unknown holder kind {value!r}{suggestion}",
            "未知的持有人类型 {value!r}{suggestion}",
        ),
        "hint.trading.kind": (
            "use one of: {options} (or 企业, 县, 市, 省, 政府储备)",
            "请使用以下之一：{options}（或 企业、县、市、省、政府储备）",
        ),
        "trading.type_unknown": (
            "unknown transaction type {value!r}{suggestion}",
            "未知的交易类型 {value!r}{suggestion}",
        ),
        "hint.trading.type": (
            "use one of: {options} (or their Chinese names: 分配, 交易, 租赁, 清缴, 回购, "
            "有偿使用费, 冲正)",
            "请使用以下之一：{options}（或中文名称：分配、交易、租赁、清缴、回购、有偿使用费、冲正）",
        ),
        "trading.mode_unknown": (
            "unknown mode {value!r}{suggestion}",
            "未知的方式 {value!r}{suggestion}",
        ),
        "hint.trading.mode": (
            "use one of: {options} (or 无偿, 有偿, 无偿收回); leave it blank where the type has "
            "no mode",
            "请使用以下之一：{options}（或 无偿、有偿、无偿收回）；无方式的交易类型请留空",
        ),
        "trading.holder_twice": (
            "holder {holder!r} is registered twice (also row {row})",
            "持有人 {holder!r} 重复登记（另见第 {row} 行）",
        ),
        "hint.trading.holder_twice": (
            "register each holder once; the first row is kept",
            "每个持有人只登记一次；保留第一行",
        ),
        "hint.trading.see_readme": (
            "see the README sheet of `geep trading template` for what each type needs",
            "各交易类型需填写的内容见 `geep trading template` 模板的说明页",
        ),
        "trading.date_order": (
            "rows are not in date order; they are posted in date order",
            "各行未按日期排序；按日期顺序记账",
        ),
        "trading.emission_ccer": (
            "verified emissions are recorded against carbon.cea, not carbon.ccer",
            "核查排放量应记在 carbon.cea 下，而非 carbon.ccer",
        ),
        "hint.trading.emission_ccer": ("write carbon.cea (or CEA)", "请填写 carbon.cea（或 CEA）"),
        "trading.emission_holder": ("unknown holder {holder!r}", "未登记的持有人 {holder!r}"),
        "hint.trading.emission_holder": (
            "register it in the holders sheet",
            "请在持有人（holders）表中登记",
        ),
        "trading.emission_twice": (
            "{holder} {right} {year} is given twice (also row {row})",
            "{holder} {right} {year} 重复填写（另见第 {row} 行）",
        ),
        "hint.trading.emission_twice": (
            "give one total per holder, right and year",
            "每个持有人、权利和年度只填一个合计值",
        ),
        "trading.not_workbook": (
            "{file} is a text file; a journal is an Excel .xlsx workbook",
            "{file} 是文本文件；交易台账应为 Excel .xlsx 工作簿",
        ),
        "hint.trading.save_xlsx": (
            "save the journal as an Excel .xlsx workbook",
            "请将台账另存为 Excel .xlsx 工作簿",
        ),
    }
)

MESSAGES.update(
    {
        # errors of the trading API (compliance, positions)
        "trading.err.valuation": (
            "valuation {valuation!r} is not one of {options}",
            "估值方式 {valuation!r} 不是 {options} 之一",
        ),
        "hint.trading.err.valuation": (
            "use valuation='floor' or 'market'",
            "请使用 valuation='floor'（底价）或 'market'（市场价）",
        ),
        "trading.err.carbon_rule": (
            "{right} of {holder}: carbon compliance has its own rule",
            "{holder} 的 {right}：碳排放履约适用单独的规则",
        ),
        "hint.trading.err.carbon_rule": (
            "use geep.trading.carbon_compliance (CCER cap)",
            "请使用 geep.trading.carbon_compliance（含 CCER 抵销上限）",
        ),
        "trading.err.carbon_negative": (
            "carbon quantities and the cap share must not be negative",
            "碳排放量、配额和抵销比例不能为负",
        ),
        "hint.trading.err.carbon_negative": (
            "check verified emissions, allowances and CCER",
            "请检查核查排放量、配额和 CCER",
        ),
        "trading.err.level": (
            "level {level!r} is not one of county, city, province",
            "汇总层级 {level!r} 不是 county（县）、city（市）、province（省）之一",
        ),
        "hint.trading.err.level": (
            "use --level county|city|province (or holder)",
            "请使用 --level county|city|province（或 holder）",
        ),
    }
)

MESSAGES.update(
    {
        # journal, holders, positions and rule editions
        "trading.err.holder_changed": (
            "holder {holder!r} is already registered with different data",
            "持有方 {holder!r} 已登记，且登记信息与此不同",
        ),
        "hint.trading.err.holder_changed": (
            "holders cannot be edited; register a new holder id",
            "持有方登记后不能修改；请登记一个新的持有方编号",
        ),
        "trading.err.invalid_holder": (
            "invalid holder {holder!r}: {problems}",
            "持有方 {holder!r} 无效：{problems}",
        ),
        "hint.trading.err.invalid_holder": (
            "a holder needs holder_id, kind (enterprise, county, city, province, reserve) "
            "and a six-digit region_code",
            "持有方需要 holder_id、kind（enterprise 企业、county 县、city 市、province 省、"
            "reserve 储备）和六位 region_code（行政区划代码）",
        ),
        "trading.err.in_transaction": (
            "transaction {transaction}: {problem}",
            "交易 {transaction}：{problem}",
        ),
        "trading.err.in_transaction_at": (
            "transaction {transaction} ({ref}): {problem}",
            "交易 {transaction}（{ref}）：{problem}",
        ),
        "trading.err.unknown_regions": (
            "region code(s) {codes} of holders are not in the region table",
            "持有方的行政区划代码 {codes} 不在行政区划表中",
        ),
        "hint.trading.err.unknown_regions": (
            "use six-digit GB/T 2260 codes of regions-shanxi, or pass regions=",
            "请使用 regions-shanxi 中的六位 GB/T 2260 代码，或传入 regions=",
        ),
        "trading.err.unknown_roles": (
            "unknown rule role(s) {roles}",
            "未知的规则角色 {roles}",
        ),
        "hint.trading.err.unknown_roles": ("roles: {roles}", "可用角色：{roles}"),
        "trading.err.no_edition": (
            "no {role_name} edition in force: {missing}",
            "没有现行有效的{role_name}版本：{missing}",
        ),
        "hint.trading.err.no_edition": (
            "choose an edition explicitly: Rules.load(editions={{'{role}': '{table}@EDITION'}}) "
            "or --rules-as-of a date it covers",
            "请明确选择版本：Rules.load(editions={{'{role}': '{table}@EDITION'}})，"
            "或用 --rules-as-of 指定该版本覆盖的日期",
        ),
        "trading.role.floor_prices": ("floor-price", "底价"),
        "trading.role.emission_rules": ("emission-trading rule", "排污权交易规则"),
        "trading.role.ets_rules": ("carbon ETS rule", "碳排放权交易规则"),
        "trading.role.carbon_prices": ("carbon price", "碳价"),
        "hint.trading.err.fields": (
            "fix the named fields; see geep.trading.Transaction for what each type needs",
            "请修正所列字段；各类交易需要哪些字段见 geep.trading.Transaction",
        ),
        # problems of one transaction posted to the journal (geep.trading.validation)
        "trading.p.id_twice": ("id {id} is already in the journal", "编号 {id} 已在台账中"),
        "hint.trading.id_twice": (
            "give every transaction a new id; correct mistakes with a reversal",
            "每笔交易使用新的编号；录入错误请用冲正交易更正",
        ),
        "trading.p.before_last": (
            "dated {date}, before the last entry ({last}, {last_date})",
            "日期为 {date}，早于上一笔记录（{last}，{last_date}）",
        ),
        "trading.p.buyback_reserve": (
            "a buyback goes to a reserve holder, not {holder}",
            "回购的转入方须为政府储备账户，而非 {holder}",
        ),
        "hint.trading.buyback_reserve": (
            "register the government reserve as a holder of kind 'reserve'",
            "请将政府储备登记为类型为 'reserve'（政府储备）的持有人",
        ),
        "trading.p.fee_differs": (
            "fee_{side} {given} CNY differs from the rule: {computed} CNY ({ref})",
            "fee_{side} {given} 元与规则计算值 {computed} 元不符（{ref}）",
        ),
        "hint.trading.fee_differs": (
            "leave the fee blank (geep computes it) or correct it",
            "手续费可留空（由 geep 计算），或改正为规则值",
        ),
        "trading.p.reverses_unknown": (
            "reverses {id}, which is not in the journal",
            "冲正的 {id} 不在台账中",
        ),
        "trading.p.reverses_reversal": (
            "{id} is itself a reversal; post the original transaction again instead",
            "{id} 本身是冲正交易；请改为重新录入原交易",
        ),
        "trading.p.reversed_twice": ("{id} has already been reversed", "{id} 已被冲正过"),
        "hint.trading.reverses": (
            "name the id of a transaction that is in the journal and not reversed",
            "请填写台账中一笔尚未冲正的交易编号",
        ),
        "trading.err.no_ccer_cap": (
            "{ref} has no rule 'ccer.offset_cap_share'",
            "{ref} 中没有规则 'ccer.offset_cap_share'（CCER 抵销比例上限）",
        ),
    }
)

from ._trading_export import MESSAGES as _TRADING_EXPORT  # noqa: E402

if set(_TRADING_EXPORT) & set(MESSAGES):  # a code is defined once (update would overwrite)
    raise RuntimeError(f"codes defined twice: {sorted(set(_TRADING_EXPORT) & set(MESSAGES))}")
MESSAGES.update(_TRADING_EXPORT)
