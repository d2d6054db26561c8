"""Core message texts (units, coefficients, inputs, reports) in English and Chinese."""

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
    # rights trading
    "trading.unknown_right": (
        "unknown right {right!r}{suggestion}",
        "未知的权利类型 {right!r}{suggestion}",
    ),
    "hint.trading.rights": (
        "use one of: {rights}",
        "请使用以下之一：{rights}",
    ),
    "trading.unknown_holder": (
        "transaction {txn}: unknown holder {holder!r}{suggestion}",
        "交易 {txn}：未登记的持有人 {holder!r}{suggestion}",
    ),
    "hint.trading.holder": (
        "register the holder (holders sheet: holder_id, name, kind, region_code) before its "
        "transactions",
        "请先在 holders 表中登记该持有人（holder_id、name、kind、region_code）",
    ),
    "trading.unit": (
        "unit {unit!r} does not fit right {right} (quantities in {expected})",
        "单位 {unit!r} 不适用于 {right}（数量单位应为 {expected}）",
    ),
    "trading.price_unit": (
        "price unit {unit!r} does not fit right {right} (prices in {expected})",
        "价格单位 {unit!r} 不适用于 {right}（价格单位应为 {expected}）",
    ),
    "trading.below_floor": (
        "transaction {txn}: price {price} CNY/t of {right} is below the floor price {floor} "
        "CNY/t ({ref})",
        "交易 {txn}：{right} 的成交价 {price} 元/t 低于基准价 {floor} 元/t（{ref}）",
    ),
    "hint.trading.below_floor": (
        "trade at {floor} CNY/t or more, or record the deal under the rules edition in force "
        "at its date",
        "成交价应不低于 {floor} 元/t，或按交易日期适用的规则版本记账",
    ),
    "trading.insufficient": (
        "transaction {txn}: {holder} has {available} {unit} of {right} vintage {vintage} "
        "available{detail}, but {quantity} {unit} would be moved",
        "交易 {txn}：{holder} 的 {right}（{vintage} 年度）可用余额为 {available} {unit}{detail}，"
        "不足以转出 {quantity} {unit}",
    ),
    "hint.trading.insufficient": (
        "reduce the quantity, or record the allocation or purchase that provides it first",
        "请减少数量，或先登记提供该数量的分配或买入交易",
    ),
    "trading.lease_cross_year": (
        "transaction {txn}: lease {start}..{end} crosses a year end or leaves vintage year "
        "{vintage} ({ref})",
        "交易 {txn}：租赁期 {start}..{end} 跨年或不在 {vintage} 年度内（{ref}）",
    ),
    "hint.trading.lease_cross_year": (
        "leases are annual only: split it into one lease per calendar year, each of that "
        "year's vintage",
        "租赁仅限年度内：请按自然年拆分为多笔租赁，每笔使用当年度的权利",
    ),
    "trading.sublease": (
        "transaction {txn}: {holder} would lease out {quantity} {unit} of {right} vintage "
        "{vintage} but owns only {owned} {unit} free of leases; the rest is leased in and "
        "sub-lease is not allowed ({ref})",
        "交易 {txn}：{holder} 拟出租 {right}（{vintage} 年度）{quantity} {unit}，"
        "但自有且未出租的仅 {owned} {unit}；"
        "其余为租入权利，不允许转租（{ref}）",
    ),
    "hint.trading.sublease": (
        "lease out only rights the lessor owns (allocated or purchased)",
        "只能出租自有（分配或买入）的权利",
    ),
    "trading.invalid": (
        "transaction {txn}: {problem}",
        "交易 {txn}：{problem}",
    ),
    # input files (geep.io)
    "io.empty": ("{file} is empty (0 bytes)", "{file} 是空文件（0 字节）"),
    "hint.empty": (
        "the file was probably not saved or not copied completely; send the file again",
        "文件可能未保存或未完整复制，请重新提供文件",
    ),
    "io.too_big": (
        "{file} is {size:,} bytes, over the limit of {limit:,} bytes",
        "{file} 大小为 {size:,} 字节，超过上限 {limit:,} 字节",
    ),
    "hint.limits": (
        "if the file is genuine, raise the limit (GEEP_MAX_FILE_BYTES, "
        "GEEP_MAX_UNCOMPRESSED_BYTES, GEEP_MAX_CELLS, GEEP_MAX_MEMBERS) or split the workbook",
        "如文件确属正常，可调高上限（GEEP_MAX_FILE_BYTES、GEEP_MAX_UNCOMPRESSED_BYTES、"
        "GEEP_MAX_CELLS、GEEP_MAX_MEMBERS）或拆分工作簿",
    ),
    "io.encrypted": (
        "{file} is password-protected (encrypted); geep cannot read encrypted workbooks",
        "{file} 设有打开密码（已加密），geep 无法读取加密工作簿",
    ),
    "hint.encrypted": (
        "open it in Excel or WPS, remove the password (File → Info → Protect Workbook → "
        "Encrypt with Password → clear it) and save as .xlsx",
        "请在 Excel 或 WPS 中打开，清除打开密码（文件 → 信息 → 保护工作簿 → 用密码进行加密 → "
        "删除密码）后另存为 .xlsx",
    ),
    "io.xls": (
        "{file} is an old Excel 97-2003 (.xls) workbook, which geep does not read",
        "{file} 是旧版 Excel 97-2003（.xls）工作簿，geep 不读取此格式",
    ),
    "hint.save_xlsx": (
        "open it in Excel, WPS or LibreOffice and save it as an Excel workbook (.xlsx), or "
        "export each sheet as CSV",
        "请用 Excel、WPS 或 LibreOffice 打开，另存为 Excel 工作簿（.xlsx），或将各工作表导出为 CSV",
    ),
    "io.ole2": (
        "{file} is an old Office (OLE2) file but not a workbook",
        "{file} 是旧版 Office（OLE2）文件，但不是工作簿",
    ),
    "io.pdf": ("{file} is a PDF document, not a workbook", "{file} 是 PDF 文档，不是工作簿"),
    "io.html": (
        "{file} is a web page (HTML/XML spreadsheet) saved with a workbook name, not a workbook",
        "{file} 是以工作簿文件名保存的网页（HTML/XML 表格），不是工作簿",
    ),
    "io.unknown_type": (
        "{file} is neither an Excel workbook (.xlsx) nor a text (CSV) file",
        "{file} 既不是 Excel 工作簿（.xlsx），也不是文本（CSV）文件",
    ),
    "io.text_as_workbook": (
        "{file} is named like a workbook but is a text file (CSV or similar)",
        "{file} 的扩展名是工作簿，但内容是文本文件（CSV 等）",
    ),
    "hint.text_as_workbook": (
        "if it is CSV, rename it to .csv; otherwise open it in a spreadsheet and save as .xlsx",
        "如果是 CSV 文件，请把扩展名改为 .csv；否则请用电子表格软件打开后另存为 .xlsx",
    ),
    "io.bad_zip": (
        "{file} is damaged or not a valid workbook archive ({problem})",
        "{file} 已损坏或不是有效的工作簿压缩包（{problem}）",
    ),
    "io.members": (
        "{file} has {n:,} archive parts, over the limit of {limit:,}",
        "{file} 含 {n:,} 个压缩包成员，超过上限 {limit:,}",
    ),
    "io.zip_bomb": (
        "{file} would expand to {size:,} bytes, over the limit of {limit:,} bytes "
        "(refused without unpacking: a zip bomb or an unusually large workbook)",
        "{file} 解压后将达 {size:,} 字节，超过上限 {limit:,} 字节"
        "（未解压即拒绝：疑似压缩炸弹或异常大的工作簿）",
    ),
    "io.cells": (
        "{file} has {n:,} cells, over the limit of {limit:,}",
        "{file} 含 {n:,} 个单元格，超过上限 {limit:,}",
    ),
    "io.dtd": (
        "{file} contains an XML document type or entity declaration in {part} "
        "(refused: entity expansion attack or a file not written by a spreadsheet)",
        "{file} 的 {part} 含 XML 文档类型或实体声明（已拒绝：疑似实体膨胀攻击，或并非电子表格软件生成）",
    ),
    "hint.dtd": (
        "open and re-save the workbook in Excel, WPS or LibreOffice; if it came from an "
        "unknown sender, do not open it",
        "请用 Excel、WPS 或 LibreOffice 打开后重新保存；如来源不明，请勿打开",
    ),
    "io.ods": (
        "{file} is an OpenDocument spreadsheet (.ods), which geep does not read",
        "{file} 是 OpenDocument 表格（.ods），geep 不读取此格式",
    ),
    "io.xlsb": (
        "{file} is a binary Excel workbook (.xlsb), which geep does not read",
        "{file} 是二进制 Excel 工作簿（.xlsb），geep 不读取此格式",
    ),
    "io.not_workbook": (
        "{file} is a {kind} archive, not an Excel workbook",
        "{file} 是 {kind} 压缩包，不是 Excel 工作簿",
    ),
    "io.unsupported_ext": (
        "{file}: geep reads .xlsx, .xlsm and .csv files",
        "{file}：geep 读取 .xlsx、.xlsm 和 .csv 文件",
    ),
    "io.not_found": ("{file} not found", "找不到文件 {file}"),
    "io.encoding": ("text encoding detected: {encoding}", "检测到文本编码：{encoding}"),
    "io.undecodable": (
        "{file} is not UTF-8, UTF-16, GBK/GB18030 or Big5 text",
        "{file} 不是 UTF-8、UTF-16、GBK/GB18030 或 Big5 编码的文本",
    ),
    "hint.encoding": (
        "save it as 'CSV UTF-8' from your spreadsheet",
        "请在电子表格软件中另存为“CSV UTF-8”格式",
    ),
    "io.excel_error": (
        "Excel error value {value} in a cell; error cells are never read as blanks",
        "单元格为 Excel 错误值 {value}；错误值不会被当作空白",
    ),
    "hint.excel_error": (
        "fix the formula or its inputs, or type the number",
        "请修正公式或其引用的数据，或直接填写数值",
    ),
    "io.formula_uncached": (
        "formula with no saved result ({formula})",
        "公式没有保存的计算结果（{formula}）",
    ),
    "hint.formula_uncached": (
        "open the file in Excel, WPS or LibreOffice and save it, so the results are stored; "
        "or paste the values",
        "请用 Excel、WPS 或 LibreOffice 打开并保存，使计算结果写入文件；或选择性粘贴为数值",
    ),
    "io.merged_header": (
        "merged header cells {ref}",
        "表头单元格 {ref} 被合并",
    ),
    "hint.merged_header": (
        "unmerge them and give each column its own header in one row",
        "请取消合并，并在同一行为每一列分别填写表头",
    ),
    "io.merged_data": (
        "merged cells {ref} in the data: only the first cell has a value",
        "数据区单元格 {ref} 被合并：只有第一个单元格有值",
    ),
    "hint.merged_data": (
        "unmerge them and fill in every cell",
        "请取消合并，并填满每个单元格",
    ),
    "io.hidden_sheet": (
        "sheet {sheet!r} is hidden and ignored",
        "工作表 {sheet!r} 已隐藏，不予读取",
    ),
    "hint.hidden_sheet": (
        "unhide it if it holds input data",
        "如该表含输入数据，请取消隐藏",
    ),
    "io.unknown_sheet": (
        "sheet {sheet!r} is not an input table{suggestion}",
        "工作表 {sheet!r} 不是输入表{suggestion}",
    ),
    "hint.unknown_sheet": (
        "rename it to one of: {tables}",
        "请将其重命名为以下之一：{tables}",
    ),
    "io.ignored_sheet": (
        "sheet {sheet!r} is not an input table and is ignored",
        "工作表 {sheet!r} 不是输入表，已忽略",
    ),
    "io.missing_sheet": (
        "required sheet {table!r} ({zh}) is missing{suggestion}",
        "缺少必需的工作表 {table!r}（{zh}）{suggestion}",
    ),
    "hint.missing_sheet": (
        "add a sheet named {table!r} or {zh!r} (see `geep template`)",
        "请添加名为 {table!r} 或 {zh!r} 的工作表（参见 `geep template`）",
    ),
    "io.no_sheet": (
        "no input sheet found (sheets: {sheets})",
        "未找到输入工作表（现有工作表：{sheets}）",
    ),
    "io.two_sheets": (
        "sheets {a!r} and {b!r} are both the {table!r} table",
        "工作表 {a!r} 和 {b!r} 都是 {table!r} 表",
    ),
    "hint.two_sheets": ("keep one of them", "请只保留其中一个"),
    "io.header_row": (
        "header found on row {row}; rows above it are ignored",
        "在第 {row} 行找到表头，其上方各行被忽略",
    ),
    "io.header_units": (
        "the two header rows give different units for {column}: {a!r} and {b!r}",
        "两行表头给出的 {column} 单位不同：{a!r} 与 {b!r}",
    ),
    "hint.header_units": (
        "write the same unit in both header rows",
        "请在两行表头中填写相同的单位",
    ),
    "io.csv_table": (
        "CSV read as table {table!r} ({why})",
        "CSV 按 {table!r} 表读取（{why}）",
    ),
    "io.csv_unknown_table": (
        "cannot tell which input table {file} is",
        "无法判断 {file} 是哪个输入表",
    ),
    "hint.csv_table": (
        "name the file after its table (e.g. land_cover.csv or 土地覆被.csv), or pass table=...",
        "请按表名命名文件（如 land_cover.csv 或 土地覆被.csv），或指定 table=...",
    ),
    "io.area_exceeds": (
        "land classes of {region} in {year} add up to {total:,.4f} ha, {pct:.2f}% more than "
        "the region's area {area:,.4f} ha (tolerance {tol:.2f}%; cells {cells})",
        "{region} {year} 年各地类面积合计 {total:,.4f} 公顷，比区域总面积 {area:,.4f} 公顷多 "
        "{pct:.2f}%（容差 {tol:.2f}%；单元格 {cells}）",
    ),
    "hint.area_exceeds": (
        "check the land-cover areas and units (亩 vs 公顷) and the region's total area",
        "请检查各地类面积及单位（亩/公顷）和区域总面积",
    ),
    "io.area_short": (
        "land classes of {region} in {year} add up to {total:,.4f} ha, only {pct:.1f}% of the "
        "region's area {area:,.4f} ha",
        "{region} {year} 年各地类面积合计 {total:,.4f} 公顷，仅为区域总面积 {area:,.4f} 公顷的 {pct:.1f}%",
    ),
    "hint.area_short": (
        "check for missing land classes (e.g. built_up) or a wrong unit",
        "请检查是否漏填地类（如建设用地）或单位有误",
    ),
    "io.stray_column": (
        "column {letter} has values but no header; it is ignored",
        "第 {letter} 列有数据但没有表头，已忽略",
    ),
    "hint.stray_column": (
        "give the column a header, or delete its values",
        "请为该列填写表头，或删除其中的数据",
    ),
    "io.duplicate_header": (
        "column {column!r} appears twice ({a} and {b}); the second is ignored",
        "列 {column!r} 出现两次（{a} 和 {b}），第二列已忽略",
    ),
    "io.sheet_as_table": (
        "sheet {sheet!r} read as table {table!r}",
        "工作表 {sheet!r} 按 {table!r} 表读取",
    ),
    "io.region_unknown": (
        "region {region!r} is not in the regions table",
        "区域 {region!r} 不在区域表中",
    ),
    "hint.region_unknown": (
        "add it to the regions sheet (its name and area are taken from there)",
        "请将其加入区域表（区域名称和面积取自该表）",
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
    # input validation (geep.inputs.normalise)
    "in.bool": ("a true/false value is not a number", "逻辑值（是/否）不是数字"),
    "in.text_number": ("number stored as text, read as a number", "以文本存储的数字，已按数字读取"),
    "in.fullwidth_number": (
        "number typed with fullwidth characters, read as a number",
        "以全角字符输入的数字，已按数字读取",
    ),
    "in.thousands": (
        "number with thousands separators, read as a number",
        "带千位分隔符的数字，已按数字读取",
    ),
    "in.not_number": ("{text!r} is not a number", "{text!r} 不是数字"),
    "in.column_ignored": (
        "column {column!r} is not part of table {table!r} and is ignored",
        "列 {column!r} 不属于表 {table!r}，已忽略",
    ),
    "in.column_missing": (
        "required column {column!r} ({zh}) is missing",
        "缺少必填列 {column!r}（{zh}）",
    ),
    "hint.add_column": (
        "add a column headed {column!r} or {zh!r}",
        "请添加列标题为 {column!r} 或 {zh!r} 的列",
    ),
    "in.empty": ("empty {column} ({zh})", "{zh}（{column}）为空"),
    "hint.fill_cell": ("fill in the cell", "请填写该单元格"),
    "hint.fill_number": ("fill in the number (0 if truly zero)", "请填写数字（确实为零请填 0）"),
    "in.whole_number": ("{column} must be a whole number", "{column} 必须是整数"),
    "hint.year": ("type e.g. 2020", "请填写如 2020"),
    "hint.number": ("type a plain number, e.g. 1234.5", "请填写普通数字，如 1234.5"),
    "in.year_range": ("year {year} is outside {lo}–{hi}", "年份 {year} 不在 {lo}–{hi} 范围内"),
    "hint.check_year": ("check the year", "请检查年份"),
    "in.negative_area": ("negative area", "面积为负"),
    "hint.area": ("areas must be ≥ 0", "面积必须 ≥ 0"),
    "in.no_unit": ("no unit for {column}", "{column} 没有单位"),
    "hint.unit_header": (
        "put the unit in the header, e.g. '{column} ({unit})', or in a 'unit' column",
        "请在列标题中注明单位（如 '{column} ({unit})'），或添加“单位”列",
    ),
    "in.zh_class": (
        "Chinese class name {value!r} read as {canon!r}",
        "中文地类名 {value!r} 已识别为 {canon!r}",
    ),
    "in.national_class": (
        "national class {value!r} mapped to {canon!r} by {ref}",
        "国家分类 {value!r} 已按 {ref} 对应为 {canon!r}",
    ),
    "in.unknown_class": (
        "unknown land class {value!r}{suggestion}",
        "无法识别的地类 {value!r}{suggestion}",
    ),
    "hint.class": (
        "use a geep class (e.g. forest.broadleaf), its Chinese name, or a GB/T 21010 / CNLUCC code",
        "请使用 geep 地类（如 forest.broadleaf）、其中文名称，或 GB/T 21010 / CNLUCC 代码",
    ),
    "in.unknown_indicator": (
        "unknown GEP indicator {value!r}{suggestion}",
        "无法识别的 GEP 指标 {value!r}{suggestion}",
    ),
    "hint.indicator": (
        "see `geep template` for the list of indicators",
        "指标列表见 `geep template` 生成的模板",
    ),
    "in.indicator_read": (
        "indicator {value!r} read as {canon!r}",
        "指标 {value!r} 已识别为 {canon!r}",
    ),
    "in.unknown_driver": (
        "unknown driver variable {value!r}{suggestion}",
        "无法识别的驱动变量 {value!r}{suggestion}",
    ),
    "in.duplicate": ("duplicate {keys} {value} in {refs}", "{keys} 重复：{value}，位于 {refs}"),
    "hint.duplicate": (
        "keep one row per key (sum the areas yourself if they are parts)",
        "每个键只保留一行（如为分项面积，请先自行合计）",
    ),
    "in.more_cells": (" (and {n} more cell(s) in this column)", "（本列另有 {n} 个单元格相同）"),
    "or": (" or ", "、"),
    "report.none": ("no problems found", "未发现问题"),
    "report.head": (
        "{errors} error(s), {others} warning(s)/note(s):",
        "{errors} 个错误，{others} 个警告/提示：",
    ),
    "report.fix": (
        "{errors} error(s): fix them and run again",
        "{errors} 个错误：请修改后重新运行",
    ),
    "severity.error": ("error", "错误"),
    "severity.warning": ("warning", "警告"),
    "severity.note": ("note", "提示"),
    "did_you_mean": ("; did you mean {options}?", "；是否是指 {options}？"),
    # input layer: cells, codes, units (issue 11)
    "in.id_character": (
        "{what} {value!r} contains {char!r} ({name}); ids are ASCII letters, digits, '-', '_' "
        "and '.'",
        "{what} {value!r} 含有字符 {char!r}（{name}）；编号只能由 ASCII 字母、数字及 '-'、'_'、'.' 组成",
    ),
    "in.not_period": (
        "{text!r} is not a period (a year YYYY or a month YYYY-MM, years {lo}–{hi})",
        "{text!r} 不是有效时段（年份 YYYY 或月份 YYYY-MM，{lo}–{hi} 年）",
    ),
    "hint.period": (
        "write YYYY-MM for a month (2021-03, 2021年3月) or YYYY for a year",
        "月份写成 YYYY-MM（如 2021-03、2021年3月），年份写成 YYYY",
    ),
    "in.not_date": ("{text!r} is not a date", "{text!r} 不是日期"),
    "in.bad_date": ("{text!r} is not a valid date ({problem})", "{text!r} 不是有效日期（{problem}）"),
    "hint.date": (
        "write the date as YYYY-MM-DD (2023-03-01, 2023年3月1日) or enter it as a date cell",
        "日期请写成 YYYY-MM-DD（如 2023-03-01、2023年3月1日），或以日期格式输入",
    ),
    "in.unit_assumed": (
        "{column} without a unit, read in {unit}",
        "{column} 未给单位，按 {unit} 读取",
    ),
    "in.too_large": (
        "{value!r} is beyond any plausible amount (|x| ≤ {limit:g})",
        "{value!r} 超出任何合理数额（|x| ≤ {limit:g}）",
    ),
    "in.unknown_yes_no": ("{value!r} is not yes or no", "{value!r} 不是“是”或“否”"),
    "hint.yes_no": (
        "write yes or no (true/false, 1/0, 是/否)",
        "请填写“是”或“否”（也可写 true/false、1/0、yes/no）",
    ),
    "in.code_character": (
        "code {value!r} contains {char!r} ({name}, {point}): codes are plain letters and digits",
        "代码 {value!r} 含有字符 {char!r}（{name}，{point}）：代码只能由普通字母和数字组成",
    ),
    "hint.code_character": (
        "retype the code (a look-alike letter or an invisible character was pasted in)",
        "请重新输入该代码（其中粘贴进了形近字母或不可见字符）",
    ),
    "in.invisible_removed": (
        "invisible characters removed: read as {value!r}",
        "已删除不可见字符：按 {value!r} 读取",
    ),
    "in.not_finite": ("not a finite number", "不是有限数"),
    "in.cell_too_long": (
        "a cell of {n} characters is not a value",
        "长达 {n} 个字符的单元格不是有效数值",
    ),
    "in.decimal_comma": ("number read with a decimal comma", "数字按小数逗号读取"),
    "in.ambiguous_comma": (
        "{text!r}: in a semicolon-separated file the comma may be a decimal comma (1,5 = 1.5) or "
        "a thousands separator (1,500 = 1500)",
        "{text!r}：在以分号分隔的文件中，逗号既可能是小数点（1,5 = 1.5），也可能是千位分隔符（1,500 = 1500）",
    ),
    "hint.ambiguous_comma": (
        "say which with --decimal , or --decimal . (decimal=',' / '.' in Python)",
        "请用 --decimal , 或 --decimal . 指明（Python 中为 decimal=',' / '.'）",
    ),
    "in.column_twice": (
        "column {column!r} appears twice ({a!r} and {b!r})",
        "列 {column!r} 出现了两次（{a!r} 和 {b!r}）",
    ),
    "hint.column_twice": ("keep one of them", "请只保留其中一列"),
    "hint.rename_or_delete": ("rename or delete the column", "请重命名或删除该列"),
    "in.key_column_in_long": (
        "column {column!r} is headed like a {key} of a wide table, but this table is long (it "
        "has a {key} column): its values would be lost",
        "列 {column!r} 的标题像宽表中的一个{key}，但本表是长表（已有{key}列）：该列数值会丢失",
    ),
    "hint.key_column_in_long": (
        "move its values into rows (one row per {key}), or delete the column",
        "请把该列数值改为行（每个{key}一行），或删除该列",
    ),
    "in.unit_conflict": (
        "the header of {column} says {header!r} but the unit cell {cell} says {unit!r} ({n} "
        "row(s) disagree)",
        "{column} 的列标题单位为 {header!r}，而单位单元格 {cell} 为 {unit!r}（共 {n} 行不一致）",
    ),
    "in.unit_conflict_cell": (
        "unit differs from the header's {header!r} of {column}",
        "单位与 {column} 列标题中的 {header!r} 不一致",
    ),
    "hint.unit_conflict": (
        "give the unit once: in the header or in the unit column, not both differently",
        "单位只写一处：列标题或单位列，二者不能不同",
    ),
    "in.not_finite_converted": (
        "{column} is not a finite number once converted to its canonical unit",
        "{column} 换算为标准单位后不是有限数",
    ),
    "hint.not_finite_converted": (
        "check the number and its unit (a value this large is not a real quantity)",
        "请检查数值及其单位（如此大的数值不是真实的量）",
    ),
    "in.negative": ("{column} ({zh}) is negative", "{zh}（{column}）为负"),
    "hint.negative": (
        "{column} cannot be negative; check the sign",
        "{column} 不能为负，请检查符号",
    ),
    "in.wide_without_key": (
        "a wide table (one column per {key}) needs a {column} ({zh}) column",
        "宽表（每个{key}一列）需要 {column}（{zh}）列",
    ),
    "in.wide_read": (
        "wide table read as long form ({n} {key} columns)",
        "宽表已按长表读取（{n} 个{key}列）",
    ),
    "hint.driver": ("see geep.vocab.DRIVERS", "驱动变量列表见 geep.vocab.DRIVERS"),
    "io.mixed_encoding": (
        "{file} mixes text encodings: line {line} is not UTF-8 while other lines are",
        "{file} 混用了多种文本编码：第 {line} 行不是 UTF-8，而其他行是",
    ),
    # plausibility (issue 11 item 2)
    "plaus.gdp_per_head": (
        "GDP per head of {region} in {year} is {value} CNY, outside the plausible {lo}–{hi}: "
        "a unit slip (万元 vs 亿元, 元 vs 万元)?",
        "{region} {year} 年人均 GDP 为 {value} 元，超出合理范围 {lo}–{hi}：是否单位写错（万元与亿元、元与万元）？",
    ),
    "plaus.gdp_per_km2": (
        "GDP per km² of {region} in {year} is {value} CNY, outside the plausible {lo}–{hi}: a "
        "unit slip in the GDP or in the area?",
        "{region} {year} 年地均 GDP 为 {value} 元/km²，超出合理范围 {lo}–{hi}：GDP 或面积的单位是否写错？",
    ),
    "plaus.hint_gdp": (
        "check the unit of the GDP column and of the region's population and area",
        "请检查 GDP 列以及区域人口、面积的单位",
    ),
    "plaus.area_slip": (
        "{n} of {total} region-years have land-cover totals {factor} times the region area — "
        "all by the same factor: likely a unit slip, {cause}; e.g. {cells}",
        "{total} 个区域年份中有 {n} 个的土地覆被合计是区域面积的 {factor} 倍——倍数相同：很可能是单位写错"
        "（{cause}）；例如 {cells}",
    ),
    "plaus.hint_area_slip": (
        "check the unit of the land-cover areas and of the regions' area",
        "请检查土地覆被面积及区域面积的单位",
    ),
    "plaus.jump": (
        "{series}: {column} changes ×{factor} from {y0} to {y1} ({a} → {b}; cells {cell0} and "
        "{cell1})",
        "{series}：{column} 从 {y0} 年到 {y1} 年变化了 {factor} 倍（{a} → {b}；单元格 {cell0} 与 {cell1}）",
    ),
    "plaus.hint_jump": (
        "a change this large is usually a unit or typing slip; check both cells",
        "如此大的变化通常是单位或录入错误，请核对这两个单元格",
    ),
    "in.pair_read": ("{value!r} read as {canon!r}", "{value!r} 已识别为 {canon!r}"),
    "in.pair_disagree": (
        "{value!r} names two different entries: {a!r} and {b!r}",
        "{value!r} 指向两个不同的条目：{a!r} 与 {b!r}",
    ),
    "hint.pair_disagree": (
        "keep the name or the code, or make them agree",
        "请只保留名称或代码之一，或使二者一致",
    ),
}
