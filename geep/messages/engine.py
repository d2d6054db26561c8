"""Texts of the methods registry, the shared ledger assembly and the Ledger."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "method.registered_twice": (
        "a method named {name!r} is already registered",
        "已注册名为 {name!r} 的方法",
    ),
    "method.unknown_dependency": (
        "method {name!r} depends on {dep!r}, which is not registered",
        "方法 {name!r} 依赖未注册的方法 {dep!r}",
    ),
    "method.unknown": ("unknown method {name!r}{suggestion}", "未知方法 {name!r}{suggestion}"),
    "method.hint_known": ("methods are: {names}", "可用方法：{names}"),
    "method.unknown_option": (
        "method {method!r} has no option {option!r}{suggestion}",
        "方法 {method!r} 没有选项 {option!r}{suggestion}",
    ),
    "method.hint_options": ("its options are: {options}", "其选项为：{options}"),
    "method.bad_choice": (
        "option {option!r} of method {method!r} is {value}; allowed: {choices}",
        "方法 {method!r} 的选项 {option!r} 为 {value}；允许的取值：{choices}",
    ),
    "method.no_table": (
        "the inputs have no {table!r} table (they have: {have})",
        "输入中没有 {table!r} 表（现有：{have}）",
    ),
    "method.hint_add_table": ("add a {table!r} sheet or frame", "请添加 {table!r} 工作表或数据框"),
    "method.needs": (
        "method {method!r} needs the table(s) {need}; the inputs have: {have}",
        "方法 {method!r} 需要表 {need}；输入中现有：{have}",
    ),
    "method.hint_supported": (
        "methods these inputs support: {methods}",
        "这些输入可运行的方法：{methods}",
    ),
    "method.none_supported": (
        "the inputs support no method (they have: {have})",
        "输入不支持任何方法（现有：{have}）",
    ),
    "method.hint_none_supported": (
        "fill the land_cover sheet (ESV, BT) or the quantities sheet (GEP)",
        "请填写土地覆被表（ESV、BT）或功能量表（GEP）",
    ),
    "method.not_inputs": (
        "expected geep Inputs or a pandas DataFrame for {table!r}, not {type}",
        "{table!r} 应为 geep Inputs 或 pandas DataFrame，而不是 {type}",
    ),
    "ledger.profile_status": (
        "profile {profile} is {status}{detail}",
        "配置 {profile} 为{status}{detail}",
    ),
    "ledger.table_status": (
        "{ref} is {status}: results that use it are {status_lower}",
        "{ref} 为{status}版本：使用它的结果同为{status_lower}",
    ),
    "ledger.table_evidence": (
        "{ref} contains {unverified} unverified and {secondary} secondary-source rows "
        "(see its evidence column)",
        "{ref} 含 {unverified} 行未核实、{secondary} 行二手来源的系数（见其 evidence 列）",
    ),
    "ledger.rows_evidence": (
        "{n} of the {total} coefficients this ledger uses are {levels} (see the provenance)",
        "本台账所用 {total} 个系数中有 {n} 个为{levels}（见来源说明）",
    ),
    "ledger.missing_columns": (
        "a ledger needs the columns {columns}",
        "台账缺少以下列：{columns}",
    ),
    "ledger.hint_columns": (
        "build ledgers with geep's methods, or read them with Ledger.read",
        "请用 geep 的核算方法生成台账，或用 Ledger.read 读取",
    ),
    "ledger.bad_number": (
        "line {line}: column {column!r} must hold a number, not {value}",
        "第 {line} 行：{column!r} 列应为数字，而不是 {value}",
    ),
    "ledger.hint_bad_number": (
        "a ledger file given back to geep must keep the numbers geep wrote",
        "交回 geep 的台账文件须保留 geep 写出的数字",
    ),
    "ledger.nothing_to_concat": ("nothing to concatenate", "没有可合并的台账"),
    "ledger.mixed_money": (
        "cannot add values in different currencies or price years within {key}: units "
        "{units}, price years {years}",
        "{key} 内的价值货币或价格年份不同，不能相加：货币 {units}，价格年份 {years}",
    ),
    "ledger.hint_mixed_money": (
        "convert to one price year (price_year=...) or group by 'value_unit' and 'price_year'",
        "请先换算到同一价格年份（price_year=...），或按 value_unit 和 price_year 分组",
    ),
    "ledger.checks_passed": ("ledger checks passed", "台账检查通过"),
    "ledger.check_nonfinite": (
        "{n} line(s) with missing or non-finite value",
        "{n} 行的价值缺失或不是有限数",
    ),
    "ledger.check_duplicates": ("{n} duplicated line(s) on {key}", "按 {key} 有 {n} 行重复"),
    "ledger.check_qp": (
        "{n} line(s) where value ≠ quantity × price, e.g. {region} {year} {indicator}",
        "{n} 行的价值 ≠ 数量 × 价格，例如 {region} {year} {indicator}",
    ),
    "ledger.check_mixed": (
        "{region} {year} {account}: mixed money units or price years",
        "{region} {year} {account}：货币单位或价格年份不一致",
    ),
    "ledger.check_subtotal": (
        "{region} {year} {account}: subtotal of {what} {sub} ≠ total {total}",
        "{region} {year} {account}：{what} 小计 {sub} ≠ 合计 {total}",
    ),
    "ledger.compare_money": (
        "ledgers use different price years or currencies: {a} vs {b}",
        "两本台账的价格年份或货币不同：{a} 与 {b}",
    ),
    "ledger.hint_compare_money": (
        "convert both to one price year before comparing",
        "比较前请先换算到同一价格年份",
    ),
    "status.RELEASED": ("RELEASED", "正式"),
    "status.PROVISIONAL": ("PROVISIONAL", "暂定"),
    "status.DRAFT": ("DRAFT", "草稿"),
    "parquet.no_pyarrow": (
        "writing and reading Parquet ledgers needs pyarrow",
        "读写 Parquet 台账需要 pyarrow",
    ),
    "parquet.hint_pyarrow": (
        'pip install pyarrow (or pip install "geep[uncertainty]")',
        '请执行 pip install pyarrow（或 pip install "geep[uncertainty]"）',
    ),
    "parquet.unreadable": (
        "{file} is not a readable Parquet file: {problem}",
        "{file} 不是可读取的 Parquet 文件：{problem}",
    ),
    "parquet.bad_meta": (
        "{file}: its geep provenance (geep_meta) is damaged",
        "{file}：其中的 geep 来源信息（geep_meta）已损坏",
    ),
}
