"""Messages of the foundations: units, coefficient tables, compensation schemes."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # units
    "unit.empty": ("empty unit string", "单位为空"),
    "unit.unknown": (
        "unknown unit {unit!r}{suggestion}",
        "无法识别的单位 {unit!r}{suggestion}",
    ),
    "unit.dimension": (
        "unit {unit!r} has dimension {found}, but {expected} is needed{what}",
        "单位 {unit!r} 的量纲为 {found}，此处需要 {expected}{what}",
    ),
    "unit.not_unit": (
        "{unit!r} is not a unit (numbers other than small exponents, such as 10^8, are not units)",
        "{unit!r} 不是单位（除小的指数外，单位中不能有数字，如 10^8）",
    ),
    "hint.unit_multiplier": (
        "write multipliers as 万, 亿 or 千 (e.g. 万t), or convert the numbers",
        "倍数请写成万、亿或千（如 万t），或先换算数值",
    ),
    "hint.unit": (
        "write a unit such as ha, 亩, km2, m3, 万m3, t, kWh, 元, 万元 or 元/m3",
        "请填写如 ha、亩、km2、m3、万m3、t、kWh、元、万元、元/m3 等单位",
    ),
    # coefficients
    "coef.table_not_found": (
        "no coefficient table {table!r}{suggestion}",
        "没有系数表 {table!r}{suggestion}",
    ),
    "coef.edition_not_found": (
        "table {table!r} has no edition {edition!r}; available editions: {available}",
        "系数表 {table!r} 没有版本 {edition!r}；现有版本：{available}",
    ),
    "coef.no_edition_at": (
        "table {table!r} has no released edition valid at {as_of}; editions and validity: {available}",
        "系数表 {table!r} 在 {as_of} 没有有效的正式版本；各版本有效期：{available}",
    ),
    "coef.no_released": (
        "table {table!r} has no released edition (only: {available}); name one explicitly "
        "with edition=...",
        "系数表 {table!r} 没有正式发布的版本（仅有：{available}）；请用 edition=... 指定版本",
    ),
    "coef.tampered": (
        "released edition {table}@{edition} has been modified: {file} no longer matches the "
        "hash recorded in {lock}",
        "正式版本 {table}@{edition} 已被修改：{file} 与 {lock} 中记录的哈希值不符",
    ),
    "hint.tampered": (
        "released editions are immutable; restore the file, or publish the change as a new "
        "edition (new folder, new 'edition', 'supersedes: {table}@{edition}')",
        "正式版本不可修改；请恢复原文件，或将改动发布为新版本（新文件夹、新的 edition，"
        "并写明 supersedes: {table}@{edition}）",
    ),
    "coef.not_locked": (
        "released edition {table}@{edition} has no hash in {lock}",
        "正式版本 {table}@{edition} 在 {lock} 中没有哈希记录",
    ),
    "hint.not_locked": (
        "run `geep coefficients lock` after review to record its hash, or mark it "
        "'status: provisional'",
        "审核后运行 `geep coefficients lock` 记录哈希，或将其标为 'status: provisional'",
    ),
    "coef.meta": ("invalid metadata: {problem}", "元数据无效：{problem}"),
    "coef.duplicate_key": (
        "duplicate key {key} (also on row {first})",
        "键 {key} 重复（与第 {first} 行相同）",
    ),
    "coef.unknown_column": (
        "column {column!r} is not declared in table.yaml 'columns'",
        "列 {column!r} 未在 table.yaml 的 columns 中声明",
    ),
    "coef.missing_column": (
        "column {column!r} is declared in table.yaml but missing from table.csv",
        "table.yaml 声明了列 {column!r}，但 table.csv 中没有",
    ),
    "coef.evidence": (
        "evidence {value!r} is not one of published, derived, secondary, unverified",
        "证据等级 {value!r} 不是 published、derived、secondary、unverified 之一",
    ),
    "coef.source_key": (
        "source key {value!r} is not defined under 'sources' in table.yaml",
        "来源简称 {value!r} 未在 table.yaml 的 sources 中定义",
    ),
    "coef.empty": ("empty cell in a required column", "必填列中有空单元格"),
    "coef.dtype": ("{value!r} is not a valid {dtype}", "{value!r} 不是有效的 {dtype}"),
    "coef.allowed": ("{value!r} is not one of {allowed}", "{value!r} 不在允许值 {allowed} 中"),
    "coef.unknown_key": (
        "{table}@{edition} has no row {key!r}{suggestion}",
        "{table}@{edition} 中没有 {key!r} 行{suggestion}",
    ),
    "coef.profile_not_found": (
        "no profile {profile!r}; available profiles: {available}",
        "没有配置 {profile!r}；现有配置：{available}",
    ),
    "coef.profile_role": (
        "profile {profile!r} has no table for role {role!r} (it has: {available})",
        "配置 {profile!r} 中没有角色 {role!r} 的系数表（现有：{available}）",
    ),
    "coef.bad_ref": (
        "{ref!r} is not a table reference; write TABLE or TABLE@EDITION",
        "{ref!r} 不是系数表引用；请写成 TABLE 或 TABLE@EDITION",
    ),
    "coef.override_value": (
        "override of {key!r}: {problem}",
        "覆盖 {key!r} 时出错：{problem}",
    ),
    # compensation
    "comp.scheme_not_found": (
        "no compensation scheme {scheme!r}{suggestion}; available: {available}",
        "没有补偿方案 {scheme!r}{suggestion}；现有方案：{available}",
    ),
    "comp.scheme_invalid": (
        "invalid compensation scheme {ref}: {problem}",
        "补偿方案 {ref} 无效：{problem}",
    ),
    "comp.param_missing": (
        "parameter {name!r} of {ref} has no value{what}",
        "补偿方案 {ref} 的参数 {name!r} 没有取值{what}",
    ),
    "hint.param_missing": (
        "the sources do not publish it; supply the official value with "
        "parameters={{{name!r}: ...}} (CLI: --set {name}=...)",
        "来源未公布该值；请用 parameters={{{name!r}: ...}}（命令行：--set {name}=...）提供正式取值",
    ),
    "comp.param_unknown": (
        "{ref} has no parameter {name!r}{suggestion}",
        "补偿方案 {ref} 没有参数 {name!r}{suggestion}",
    ),
    "comp.provisional": (
        "PROVISIONAL: {ref} is a {status} scheme edition; its amounts are not official",
        "暂定结果：{ref} 是{status}版本的补偿方案，其金额并非正式结果",
    ),
    "status.released": ("released", "正式"),
    "status.provisional": ("provisional", "暂定"),
    "status.draft": ("draft", "草稿"),
    "comp.weak_evidence": (
        "{what} {name} is {evidence} (not verified against the agreement or regulation text)",
        "{what} {name} 的证据等级为 {evidence}（未经协议或文件原文核实）",
    ),
    "comp.excluded": (
        "{n} observation(s) excluded ({detail}); excluded values are never counted as zero",
        "{n} 条监测数据被排除（{detail}）；被排除的数据不按零计",
    ),
}
