"""Messages of reading input files (geep.io: formats, sheets, cells, regions)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
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
    "io.html_unstampable": (
        "an HTML output needs one <head> and no geep-digest mark yet",
        "HTML 输出需要恰好一个 <head>，且尚无 geep-digest 标记",
    ),
    "io.meta_sheet": ("sheet {sheet}", "工作表 {sheet}"),
    "io.meta_not_object": ("not a JSON object", "不是 JSON 对象"),
}
