"""Message texts of the edition catalogue (tables, profiles, scheme editions, LOCK, the
``geep coefficients`` verb), in English and Chinese."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # kinds of edition
    "catalogue.kind_table": ("table", "系数表"),
    "catalogue.kind_scheme": ("scheme", "补偿方案"),
    "catalogue.kind_profile": ("profile", "配置"),
    "catalogue.profile_label": ("profile {name!r}", "配置 {name!r}"),
    # roots
    "catalogue.no_shipped": (
        "the shipped coefficient tables were not found next to the geep package",
        "在 geep 程序包旁未找到随附的系数表",
    ),
    "hint.catalogue.no_shipped": (
        "reinstall geep; the wheel must contain geep/_coefficients",
        "请重新安装 geep；安装包中必须包含 geep/_coefficients",
    ),
    "catalogue.no_folder": (
        "coefficient folder {path!r} does not exist",
        "系数文件夹 {path!r} 不存在",
    ),
    "hint.catalogue.no_folder": (
        "check {var} or the paths= / --path argument",
        "请检查 {var} 或 paths= / --path 参数",
    ),
    "catalogue.twice": (
        "{ref} is defined twice: in {first} and {second}",
        "{ref} 被定义了两次：{first} 和 {second}",
    ),
    "hint.catalogue.twice": (
        "a user folder may add editions, never shadow one: give the user edition a new edition "
        "name (folder and 'edition'), or the profile a new name",
        "用户文件夹只能新增版本，不能覆盖已有版本：请为用户版本另起版本名（文件夹名与 edition 字段），"
        "或为配置另起名称",
    ),
    # notices: editions of user folders set aside
    "catalogue.notice_table": (
        "notice: invalid coefficient edition ignored: {error}",
        "提示：已忽略无效的系数表版本：{error}",
    ),
    "catalogue.notice_scheme": (
        "notice: invalid scheme edition ignored: {error}",
        "提示：已忽略无效的补偿方案版本：{error}",
    ),
    "catalogue.notice_profile": (
        "notice: invalid profile ignored: {error}",
        "提示：已忽略无效的配置：{error}",
    ),
    # resolution
    "catalogue.edition_not_found": (
        "{what} {id!r} has no edition {edition!r}; available editions: {available}",
        "{what} {id!r} 没有版本 {edition!r}；现有版本：{available}",
    ),
    "catalogue.no_edition_at": (
        "{what} {id!r} has no edition valid at {as_of}; editions and validity: {available}",
        "{what} {id!r} 没有在 {as_of} 有效的版本；各版本有效期：{available}",
    ),
    "catalogue.no_released": (
        "{what} {id!r} has no released edition (only: {available}); name one explicitly with "
        "edition=...",
        "{what} {id!r} 没有正式发布的版本（仅有：{available}）；请用 edition=... 指定版本",
    ),
    "catalogue.no_released_at": (
        "{what} {id!r} has no released or provisional edition valid at {as_of} (valid then: "
        "{available}); name one explicitly with edition=...",
        "{what} {id!r} 在 {as_of} 没有有效的正式或暂定版本（当时有效：{available}）；"
        "请用 edition=... 指定版本",
    ),
    "catalogue.set_aside": (
        "; set aside as invalid: {editions}",
        "；因无效而被忽略：{editions}",
    ),
    "catalogue.unusable": (
        "{what} {id!r} has no usable edition: {errors}",
        "{what} {id!r} 没有可用的版本：{errors}",
    ),
    "catalogue.provisional": (
        "{ref} is provisional (no released edition of {id!r}); results that use it are "
        "provisional too",
        "{ref} 为暂定版本（{id!r} 没有正式版本）；使用它的结果同样是暂定的",
    ),
    "catalogue.as_of": (
        "as_of {value!r} is not a date; write YYYY-MM-DD",
        "as_of {value!r} 不是日期；请写成 YYYY-MM-DD",
    ),
    "hint.catalogue.as_of": (
        "give a real calendar day, e.g. 2021-06-30",
        "请给出真实存在的日期，例如 2021-06-30",
    ),
    # reading files: encodings and YAML
    "catalogue.not_utf8": ("not UTF-8 text ({what})", "不是 UTF-8 文本（{what}）"),
    "catalogue.encoding_is": ("it looks like {encoding}", "看起来是 {encoding} 编码"),
    "catalogue.encoding_unknown": (
        "its encoding is none geep knows",
        "无法识别其编码",
    ),
    "catalogue.mixed_encoding": (
        "line {line} is not UTF-8 while other lines are",
        "第 {line} 行不是 UTF-8，而其他行是",
    ),
    "hint.catalogue.not_utf8": (
        "save the file as UTF-8 (in the editor: Save as > Encoding UTF-8; or iconv -f "
        "{encoding} -t UTF-8 FILE > NEW); catalogue files are UTF-8 so that an edition's hash "
        "means the same text everywhere",
        "请将文件另存为 UTF-8（编辑器中：另存为 > 编码 UTF-8；或 iconv -f {encoding} -t UTF-8 "
        "原文件 > 新文件）；目录文件一律为 UTF-8，以保证版本哈希在任何环境下对应同一文本",
    ),
    "catalogue.yaml_invalid": (
        "not valid UTF-8 YAML: {problem}",
        "不是有效的 UTF-8 YAML：{problem}",
    ),
    "catalogue.yaml_line": (
        "line {line} ({source}): {problem}",
        "第 {line} 行（{source}）：{problem}",
    ),
    "catalogue.yaml_at": ("line {line}: {problem}", "第 {line} 行：{problem}"),
    "hint.catalogue.yaml": (
        "fix the YAML syntax; write dates as YYYY-MM-DD with a real month (1-12) and day",
        "请修正 YAML 语法；日期写成 YYYY-MM-DD，月份 1-12、日期须真实存在",
    ),
    "catalogue.yaml_date": (
        "{value!r} is not a valid date ({reason})",
        "{value!r} 不是有效日期（{reason}）",
    ),
    "catalogue.yaml_not_mapping": (
        "{name} is not a mapping of fields",
        "{name} 不是字段映射（键: 值）",
    ),
    "catalogue.yaml_too_large": (
        "{size:,} bytes: larger than the {limit:,} bytes a catalogue YAML file may have",
        "{size:,} 字节：超过目录 YAML 文件允许的 {limit:,} 字节",
    ),
    "hint.catalogue.yaml_size": (
        "a table's rows belong in table.csv; the YAML files hold metadata only",
        "系数表的数据行应放在 table.csv 中；YAML 文件只存放元数据",
    ),
    "catalogue.yaml_bomb": (
        "its aliases (*name) expand to more than {limit:,} YAML nodes; refused before "
        "expanding them",
        "其中的别名（*name）展开后超过 {limit:,} 个 YAML 节点；已在展开前拒绝",
    ),
    "catalogue.yaml_recursive": (
        "the anchor on line {line} is used inside its own value (a recursive structure)",
        "第 {line} 行的锚点在其自身的取值中被引用（递归结构）",
    ),
    "hint.catalogue.yaml_bomb": (
        "write the values out instead of repeating anchors; a catalogue file never needs that "
        "many nodes",
        "请直接写出取值，不要层层引用锚点；目录文件不需要这么多节点",
    ),
    "catalogue.yaml_duplicate_key": (
        "key {key!r} is given twice in one mapping (lines {first} and {line})",
        "同一映射中键 {key!r} 出现了两次（第 {first} 行和第 {line} 行）",
    ),
    "hint.catalogue.yaml_duplicate_key": (
        "keep one of them: a value stated twice is an error, not a choice",
        "请只保留一个：同一取值写两次是错误，geep 不会替您选择",
    ),
    # fields
    "catalogue.field_date": (
        "field {field}: {value!r} is not a date",
        "字段 {field}：{value!r} 不是日期",
    ),
    "hint.catalogue.field_date": (
        "write {field}: YYYY-MM-DD (e.g. 2021-01-01), or null for no limit",
        "请写成 {field}: YYYY-MM-DD（例如 2021-01-01），无期限则写 null",
    ),
    "catalogue.field_status": (
        "field status: {value!r} is not one of released, provisional, draft",
        "字段 status：{value!r} 不是 released、provisional、draft 之一",
    ),
    "hint.catalogue.field_status": (
        "write status: provisional or draft; released only after review, followed by "
        "`geep coefficients lock`",
        "请写 status: provisional 或 draft；经审核并运行 `geep coefficients lock` 后才可写 released",
    ),
    "hint.catalogue.scheme_fields": (
        "see geep.compensation.model.SchemeDoc (and a shipped scheme.yaml) for the fields",
        "各字段见 geep.compensation.model.SchemeDoc（以及随附的 scheme.yaml）",
    ),
    # table.yaml models (the texts reach the user inside the field problems)
    "catalogue.model_str_unit": ("a str column cannot have a unit", "str 类型的列不能有单位"),
    "catalogue.model_unit_twice": (
        "give either 'unit' or 'unit_from', not both",
        "'unit' 与 'unit_from' 只能给出其一",
    ),
    "catalogue.model_kind": (
        "kind {kind!r} is not one of {kinds}",
        "kind {kind!r} 不是 {kinds} 之一",
    ),
    "catalogue.model_required": (
        "every table needs a {column!r} column; declare it in 'columns'",
        "每个系数表都需要 {column!r} 列；请在 columns 中声明",
    ),
    "catalogue.model_key": (
        "key column {column!r} is not declared in 'columns'",
        "键列 {column!r} 未在 columns 中声明",
    ),
    "catalogue.model_unit_from": (
        "column {column!r}: unit_from {unit_from!r} is not a column",
        "列 {column!r}：unit_from {unit_from!r} 不是已声明的列",
    ),
    "catalogue.model_validity": ("valid_to is before valid_from", "valid_to 早于 valid_from"),
    "catalogue.given": ("(given: {value!r})", "（所填：{value!r}）"),
    "hint.catalogue.meta": (
        "see the docs page 'Publishing a coefficient table' for the table.yaml fields",
        "table.yaml 各字段见文档“发布系数表”一页",
    ),
    "catalogue.folder_mismatch": (
        "id/edition {ref!r} do not match the folder {folder}",
        "id/edition {ref!r} 与文件夹 {folder} 不一致",
    ),
    "hint.catalogue.folder_mismatch": (
        "the folder must be <id>/<edition>/ holding {file}; rename the folder or fix 'id' and "
        "'edition'",
        "文件夹必须是存放 {file} 的 <id>/<edition>/；请重命名文件夹或修改 id 与 edition 字段",
    ),
    "catalogue.profile_name": (
        "profile name {name!r} differs from the file name {stem!r}",
        "配置名称 {name!r} 与文件名 {stem!r} 不一致",
    ),
    "hint.catalogue.profile_name": (
        "a profile is profiles/<name>.yaml with 'name: <name>'",
        "配置文件应为 profiles/<name>.yaml，且其中写 name: <name>",
    ),
    # table rows
    "catalogue.problems": ("{n} problem(s) in {ref}:", "{ref} 中有 {n} 个问题："),
    "catalogue.at_line": ("line {line}", "第 {line} 行"),
    "catalogue.at_table": ("(table)", "（整表）"),
    "catalogue.at_column": (", column {column!r}", "，列 {column!r}"),
    "catalogue.more": ("... and {n} more", "……另有 {n} 个"),
    "hint.catalogue.problems": (
        "fix the cells named above; line numbers count the header as line 1",
        "请修正上面列出的单元格；行号从表头（第 1 行）算起",
    ),
    "catalogue.column_unit": (
        "unit of the column in table.yaml: {problem}",
        "table.yaml 中该列的单位：{problem}",
    ),
    "catalogue.dimension_no_unit": (
        "'dimension' is declared but the column has no 'unit' or 'unit_from'",
        "声明了 'dimension'，但该列没有 'unit' 或 'unit_from'",
    ),
    "catalogue.row_unit": (
        "a value needs its unit in column {column!r}",
        "数值需要在列 {column!r} 中给出单位",
    ),
    "catalogue.csv_missing": ("{name} is missing", "缺少 {name}"),
    # rows, overrides, diffs
    "catalogue.key_shape": (
        "{ref} is keyed by {key}; give a tuple of {n} values, not {given!r}",
        "{ref} 的键为 {key}；请给出含 {n} 个值的元组，而不是 {given!r}",
    ),
    "catalogue.unit_per_row": (
        "{ref}: column {column!r} has per-row units; give a key",
        "{ref}：列 {column!r} 的单位逐行给出；请指定行键",
    ),
    "catalogue.override_who": (
        "an override needs 'by' (who) and 'reason' (why)",
        "覆盖取值需要写明 by（谁）和 reason（为什么）",
    ),
    "hint.catalogue.override_who": (
        "e.g. override(table, {{...}}, by='Taiyuan bureau', reason='2023 tariff')",
        "例如 override(table, {{...}}, by='太原市统计局', reason='2023 年水价')",
    ),
    "catalogue.override_no_column": ("no column {column!r}", "没有列 {column!r}"),
    "catalogue.override_key_column": ("key columns cannot change", "键列不能修改"),
    "catalogue.override_new_row": (
        "a new row needs {{column: value, ...}}",
        "新增行需要给出 {{列: 值, ...}}",
    ),
    "catalogue.save_exists": ("{ref} already exists in {root}", "{ref} 已存在于 {root}"),
    "hint.catalogue.save_exists": (
        "choose another edition name; editions are never overwritten",
        "请另选版本名；已有版本从不覆盖",
    ),
    "catalogue.diff_keys": (
        "cannot diff {a} and {b}: different key columns ({key_a} vs {key_b})",
        "无法比较 {a} 与 {b}：键列不同（{key_a} 与 {key_b}）",
    ),
    "hint.catalogue.diff_keys": (
        "diff two editions of the same table",
        "请比较同一系数表的两个版本",
    ),
    "hint.catalogue.csv_missing": ("add {name} next to {meta}", "请在 {meta} 旁添加 {name}"),
}

MESSAGES.update(
    {
        # LOCK
        "catalogue.status_lowered": (
            "; its status was changed to {status!r} too (an edition recorded in LOCK stays "
            "released)",
            "；其状态也被改成了 {status!r}（记录在 LOCK 中的版本始终是正式版本）",
        ),
        "catalogue.lock_line": (
            "line {line} is not '<id>@<edition> <sha256>': {text!r}",
            "第 {line} 行不是“<id>@<edition> <sha256>”格式：{text!r}",
        ),
        "catalogue.lock_twice": (
            "{ref} is given two different hashes (lines {first} and {line})",
            "{ref} 有两个不同的哈希值（第 {first} 行和第 {line} 行）",
        ),
        "hint.catalogue.lock_line": (
            "LOCK is written by `geep coefficients lock`; restore it from version control "
            "instead of editing it",
            "LOCK 由 `geep coefficients lock` 生成；请从版本库恢复，不要手工编辑",
        ),
        "catalogue.not_root": (
            "{folder} is not a coefficient catalogue folder; LOCK not written",
            "{folder} 不是系数目录文件夹；未写入 LOCK",
        ),
        "hint.catalogue.root_shape": (
            "a catalogue folder holds <table-id>/<edition>/table.yaml + table.csv, "
            "profiles/<name>.yaml and/or schemes/<scheme-id>/<edition>/scheme.yaml; its LOCK "
            "is written at its top",
            "系数目录文件夹中存放 <table-id>/<edition>/table.yaml + table.csv、"
            "profiles/<name>.yaml 和/或 schemes/<scheme-id>/<edition>/scheme.yaml；LOCK 写在其顶层",
        ),
        "hint.catalogue.root_inside": (
            "this folder is inside the catalogue folder {root}: lock that one.",
            "该文件夹位于系数目录文件夹 {root} 之内：请对后者运行 lock。",
        ),
        "catalogue.lock_changed": (
            "{ref}: its files changed since it was locked (status now {status!r})",
            "{ref}：锁定后文件已被修改（当前状态 {status!r}）",
        ),
        "catalogue.lock_gone": (
            "{ref}: LOCK lists it but its folder is gone",
            "{ref}：LOCK 中有记录，但其文件夹已不存在",
        ),
        "catalogue.lock_refused": (
            "{lock} not written: {n} locked edition(s) would change:\n{problems}",
            "未写入 {lock}：将有 {n} 个已锁定版本被改变：\n{problems}",
        ),
        "hint.catalogue.lock_refused": (
            "a released edition never changes: restore its files, and publish the change as a "
            "new edition — a new folder <id>/<new edition>/ with 'edition: <new edition>', "
            "'supersedes: <id>@<old edition>' and its valid_from/valid_to — then run "
            "`geep coefficients lock` again",
            "正式版本不可修改：请恢复其文件，并将改动发布为新版本——新建文件夹 <id>/<新版本>/，"
            "写明 edition: <新版本>、supersedes: <id>@<旧版本> 及 valid_from/valid_to——"
            "然后再次运行 `geep coefficients lock`",
        ),
        "catalogue.lock_invalid": (
            "{n} edition(s) do not validate; nothing is locked:\n{problems}",
            "有 {n} 个版本未通过校验；未锁定任何版本：\n{problems}",
        ),
        "hint.catalogue.lock_invalid": (
            "fix every edition named above, then lock again",
            "请修正上面列出的每个版本，然后重新锁定",
        ),
    }
)

MESSAGES.update(
    {
        # the `geep coefficients` verb
        "catalogue.cli.help": (
            "list, show and diff coefficient tables; lock released editions",
            "列出、查看、比较系数表；锁定正式版本",
        ),
        "catalogue.cli.description": (
            "Browse the versioned coefficient catalogue (tables, profiles).",
            "浏览带版本的系数目录（系数表、配置）。",
        ),
        "catalogue.cli.examples": ("examples:", "示例："),
        "catalogue.cli.arg_path": (
            "extra catalogue folder (repeatable; also GEEP_COEFFICIENTS_PATH)",
            "额外的目录文件夹（可重复；也可用 GEEP_COEFFICIENTS_PATH）",
        ),
        "catalogue.cli.arg_format": (
            "table for people, csv or json for scripts",
            "table 供人阅读，csv 或 json 供脚本使用",
        ),
        "catalogue.cli.list_help": (
            "every table edition with status, price year, evidence",
            "列出每个系数表版本及其状态、价格年份、证据等级",
        ),
        "catalogue.cli.show_help": (
            "metadata, sources and rows of one edition",
            "查看一个版本的元数据、来源和数据行",
        ),
        "catalogue.cli.diff_help": (
            "rows added, removed and changed between two editions",
            "比较两个版本之间新增、删除和修改的行",
        ),
        "catalogue.cli.lock_help": (
            "(maintainers) record the hashes of newly released editions in LOCK",
            "（维护者）在 LOCK 中记录新发布版本的哈希值",
        ),
        "catalogue.cli.lock_root": (
            "catalogue folder (default: the shipped one)",
            "目录文件夹（默认：随附目录）",
        ),
        "catalogue.cli.profiles_help": ("list profiles", "列出配置"),
        "catalogue.cli.title_list": ("geep coefficient catalogue", "geep 系数目录"),
        "catalogue.cli.title_profiles": ("profiles", "配置"),
        "catalogue.cli.invalid": ("invalid, not listed: {error}", "无效，未列出：{error}"),
        "catalogue.cli.show_head": ("{ref}  [{status}]  {title}", "{ref}  [{status}]  {title}"),
        "catalogue.cli.show_who": (
            "kind {kind}; jurisdiction {jurisdiction}; publisher {publisher}",
            "类别 {kind}；适用地区 {jurisdiction}；发布者 {publisher}",
        ),
        "catalogue.cli.show_valid": (
            "valid {valid_from} .. {valid_to}; price year {price_year}; sha256 {sha256}",
            "有效期 {valid_from} .. {valid_to}；价格年份 {price_year}；sha256 {sha256}",
        ),
        "catalogue.cli.show_derived": (
            "derived from {base}: {provenance}",
            "派生自 {base}：{provenance}",
        ),
        "catalogue.cli.show_evidence": ("evidence: {counts}", "证据等级：{counts}"),
        "catalogue.cli.show_sources": ("sources:", "来源："),
        "catalogue.cli.show_columns": ("columns:", "列："),
        "catalogue.cli.unit_from": ("unit from {column!r}", "单位见列 {column!r}"),
        "catalogue.cli.diff_meta": (
            "  metadata {field}: {old} → {new}",
            "  元数据 {field}：{old} → {new}",
        ),
        "catalogue.cli.diff_added": ("added in {ref}", "{ref} 中新增"),
        "catalogue.cli.diff_removed": ("removed in {ref}", "{ref} 中删除"),
        "catalogue.cli.diff_changed": ("changed cells", "修改的单元格"),
        "catalogue.cli.locked": (
            "wrote {path} ({n} released editions; {added} added)",
            "已写出 {path}（{n} 个正式版本；新增 {added} 个）",
        ),
        "catalogue.cli.locked_new": ("  added {ref}", "  新增 {ref}"),
    }
)

# the columns and kinds of `geep coefficients list` / `profiles` on a terminal under zh
MESSAGES.update(
    {
        "catalogue.col.table": ("table", "系数表"),
        "catalogue.col.edition": ("edition", "版本"),
        "catalogue.col.status": ("status", "状态"),
        "catalogue.col.kind": ("kind", "类别"),
        "catalogue.col.rows": ("rows", "行数"),
        "catalogue.col.published": ("published", "已发表"),
        "catalogue.col.derived": ("derived", "推导"),
        "catalogue.col.secondary": ("secondary", "二手来源"),
        "catalogue.col.unverified": ("unverified", "未核实"),
        "catalogue.col.title": ("title", "名称"),
        "catalogue.col.profile": ("profile", "配置"),
        "catalogue.col.tables": ("tables", "所用系数表"),
        "table_kind.parameters": ("parameters", "参数"),
        "table_kind.trading_rules": ("trading rules", "交易规则"),
        "table_kind.areas": ("areas", "面积"),
        "table_kind.unit_values": ("unit values", "单位面积价值"),
        "table_kind.price_index": ("price index", "价格指数"),
        "table_kind.limits": ("limits", "标准限值"),
        "table_kind.crosswalk": ("crosswalk", "地类对照"),
        "table_kind.regions": ("regions", "行政区划"),
        "table_kind.standard_equivalent": ("standard equivalent", "标准当量"),
        "table_kind.equivalent_factors": ("equivalent factors", "价值当量因子"),
    }
)
