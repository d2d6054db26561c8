"""Texts of the browser report, the roll-ups, the figures and their command-line verbs."""

from __future__ import annotations

_ACCOUNTS = {
    # the long name is the shared label account.<code>; the report adds the abbreviation
    "account_long": ("{short} — {name}", "{name}（{short}）"),
    "account_short.ESV": ("ESV", "ESV"),
    "account_short.GEP": ("GEP", "GEP"),
    "account_short.GEEP": ("GEEP", "GEEP"),
    "account_short.BT": ("benefit transfer", "效益转移"),
}

_COLUMNS = {
    "col.code": ("code", "代码"),
    "col.name": ("name", "名称"),
    "col.city": ("city", "所属市"),
    "col.measure": ("measure", "指标"),
    "col.year": ("year", "年份"),
    "col.category": ("category", "类别"),
    "col.share": ("share", "占比"),
    "col.gdp": ("GDP", "GDP"),
    "col.pdc": ("PDC", "污染损失"),
    "col.edc": ("EDC", "生态破坏"),
    "col.ers": ("ERS", "调节服务"),
    "col.geep": ("GEEP", "GEEP"),
    "col.geep_gdp": ("GEEP/GDP", "GEEP/GDP"),
    "col.gep": ("GEP", "GEP"),
    "col.esv": ("ESV", "ESV"),
    "col.population": ("population", "人口"),
    "col.area_km2": ("area (km²)", "面积（km²）"),
    "col.geep_per_capita": ("GEEP per person (CNY)", "人均 GEEP（元）"),
    "col.gep_per_capita": ("GEP per person (CNY)", "人均 GEP（元）"),
    "col.gep_per_km2": ("GEP per km² (10⁴ CNY)", "地均 GEP（万元/km²）"),
    "col.esv_per_km2": ("ESV per km² (10⁴ CNY)", "地均 ESV（万元/km²）"),
    "col.file": ("file", "文件"),
    "col.sha256": ("SHA-256", "SHA-256"),
    "col.lines": ("lines", "行数"),
    "col.status": ("status", "状态"),
    "col.methods": ("methods", "方法"),
    "col.edition": ("edition", "版本"),
    "col.title": ("title", "名称"),
    "col.installed": ("installed edition", "已安装版本"),
    "col.table": ("coefficient table", "系数表"),
    "col.key": ("item", "项目"),
    "col.value": ("value", "值"),
}

_PAGE = {
    "title": ("Ecosystem value accounts", "生态系统价值核算报告"),
    "subtitle": (
        "{n} region(s) · years {years} · accounts {accounts}",
        "{n} 个区域 · 年份 {years} · 核算 {accounts}",
    ),
    "files": ("Ledgers: {files}", "台账：{files}"),
    "ledger_n": ("ledger {n}", "台账 {n}"),
    "footer": (
        "Made with geep {version}. The ledgers hold the exact values; this page shows them "
        "rounded. Same ledgers, same page: nothing here depends on the time it was made.",
        "由 geep {version} 生成。台账保存精确数值，本页显示为四舍五入后的数值。台账相同则本页相同，"
        "与生成时间无关。",
    ),
    "toc": ("Contents", "目录"),
    "toc_rollup": ("Roll-up", "汇总"),
    "toc_warnings": ("Warnings", "警告"),
    "banner_provisional": (
        "PROVISIONAL — these results rest on provisional coefficient editions or on "
        "coefficients of secondary or unverified evidence. Do not cite them as final figures; "
        "see Provenance and Warnings.",
        "暂定结果 — 本结果依赖暂定版本的系数表，或证据等级为二手来源/未核实的系数，不得作为正式数据引用；"
        "详见“数据来源与版本”和“警告”。",
    ),
    "banner_draft": (
        "DRAFT — these results rest on draft coefficient editions and are for testing only.",
        "草稿 — 本结果依赖草稿版本的系数表，仅供测试。",
    ),
    "banner_edition": ("{status} edition {ref}", "{status}版本 {ref}"),
    "banner_evidence": (
        "{n} of the {total} coefficients the lines use are of secondary or unverified evidence",
        "明细所用的 {total} 个系数中有 {n} 个证据等级为二手来源或未核实",
    ),
    "currency.CNY": ("CNY", "人民币元"),
    "currency.USD": ("USD", "美元"),
    "money": ("{unit}, {year} prices", "{unit}，{year} 年价格"),
    "unit.yi": ("100 million CNY", "亿元"),
    "unit.musd": ("million USD", "百万美元"),
    "unit.wan_per_km2": ("10⁴ CNY/km²", "万元/km²"),
    "unit.per_km2": ("10⁴ CNY per km², {year} prices", "万元/km²，{year} 年价格"),
    "measure.total": ("total", "合计"),
    "sec_headline": ("Headline figures by year", "分年度主要指标"),
    "headline_note": (
        "Each year is shown on its own: values of different years are never added together.",
        "各年度数值分别列示，不同年份的数值不相加。",
    ),
    "sec_waterfall": ("From GDP to GEEP", "从 GDP 到 GEEP"),
    "waterfall_title": (
        "GEEP = GDP − PDC − EDC + ERS, {where}, {year}",
        "GEEP = GDP − PDC − EDC + ERS，{where}，{year} 年",
    ),
    "waterfall_note": (
        "ERS is the regulating-service value of GEP only (provisioning and cultural services are "
        "already in GDP). The axis starts at zero.",
        "ERS 仅为 GEP 中的调节服务价值（供给与文化服务已计入 GDP）。纵轴从零开始。",
    ),
    "all_regions": ("all {n} regions", "全部 {n} 个区域"),
    "step.gdp": ("GDP", "GDP"),
    "step.pdc": ("− PDC", "− 污染损失"),
    "step.edc": ("− EDC", "− 生态破坏"),
    "step.ers": ("+ ERS", "+ 调节服务"),
    "sec_composition": ("Composition by category and service", "按类别和服务的构成"),
    "composition_title": ("{account} by service, {year}", "{year} 年 {account} 按服务构成"),
    "mixed_sign": (
        "{account} {year}: some values are negative (kept as published), so shares of the "
        "total are not shown.",
        "{account} {year} 年：部分价值为负（按原文保留），因此不显示占总量的比例。",
    ),
    "sec_regions": ("Regions", "各区域"),
    "year_heading": ("{year}", "{year} 年"),
    "sort_note": (
        "Click a column heading to sort the table by it (again to reverse).",
        "点击列标题可按该列排序（再次点击反向排序）。",
    ),
    "no_regions_table": (
        "No regions table was given: per-person and per-km² values are not shown "
        "(geep report … --regions inputs.xlsx).",
        "未提供区域表，不显示人均和地均值（geep report … --regions 输入.xlsx）。",
    ),
    "regions_caption": ("Regions in {year}.", "{year} 年各区域。"),
    "regions_money": ("Money in {money}.", "金额单位：{money}。"),
    "regions_costs": (
        "PDC and EDC are costs: GEEP = GDP − PDC − EDC + ERS.",
        "污染损失与生态破坏为成本：GEEP = GDP − 污染损失 − 生态破坏 + 调节服务。",
    ),
    "regions_per": ("Per person in CNY; per km² in 10⁴ CNY.", "人均单位：元；地均单位：万元/km²。"),
    "top_title": (
        "{account} by region, {year} (the {n} largest of {total})",
        "{year} 年各区域 {account}（{total} 个中最大的 {n} 个）",
    ),
    "others_total": (
        "The other {n} regions: {value} {unit} together ({share} of the total).",
        "其余 {n} 个区域合计 {value} {unit}（占总量 {share}）。",
    ),
    "sec_rollup": ("Totals by {level}", "按{level}汇总"),
    "rollup_note": (
        "{n} regions summed to {m} at {level} level with the hierarchy of {ref}; every total "
        "is checked against the sum of its lines.",
        "按 {ref} 的区划层级将 {n} 个区域汇总为 {m} 个{level}区域；每个合计均已与其明细之和核对。",
    ),
    "rollup_skipped": ("No roll-up: {reason}", "未汇总：{reason}"),
    "level.county": ("county", "县级"),
    "level.city": ("city", "市级"),
    "level.province": ("province", "省级"),
    "level.next": ("the next level", "上一级"),
    "sec_maps": ("Maps of value per km²", "单位面积价值分布图"),
    "map_title": ("{account} per km², {year} ({money})", "{year} 年地均 {account}（{money}）"),
    "no_zones": (
        "No map: give zones with geometry (geep report … --zones counties.gpkg) to map values "
        "per km².",
        "未绘制地图：请提供带几何图形的分区（geep report … --zones 县界.gpkg）以绘制地均价值图。",
    ),
    "no_grid_extra": (
        "No map: reading zones needs the grid extra (pip install 'geep[grid]').",
        "未绘制地图：读取分区需要 grid 扩展（pip install 'geep[grid]'）。",
    ),
    "map_area_regions": (
        "Areas from the regions table. The classes (quantiles) are the same for every year.",
        "面积取自区域表。各年份使用相同的分级（分位数）。",
    ),
    "map_area_zones": (
        "No regions table with areas was given: areas are measured on the zone polygons "
        "(equal-area projection EPSG:6933). The classes (quantiles) are the same for every year.",
        "未提供含面积的区域表：面积按分区多边形量算（等积投影 EPSG:6933）。各年份使用相同的分级（分位数）。",
    ),
    "map_missing": (
        "{n} region(s) of the ledger have no polygon in the zones and are not on the map: {codes}",
        "台账中有 {n} 个区域在分区图层中没有多边形，未显示在地图上：{codes}",
    ),
    "map_no_value": ("no value", "无数据"),
    "map_nothing": ("No GEP or ESV in CNY to map.", "没有以人民币计的 GEP 或 ESV 可绘制。"),
    "sec_provenance": ("Provenance", "数据来源与版本"),
    "prov_ledgers": ("Ledger files", "台账文件"),
    "prov_inputs": ("Input files of the runs", "核算所用输入文件"),
    "prov_editions": ("Coefficient editions", "系数表版本"),
    "prov_evidence": ("Evidence of the coefficients the lines use", "明细所用系数的证据等级"),
    "prov_run": ("Methods, profiles and options", "方法、配置与选项"),
    "no_inputs": ("The ledgers name no input files.", "台账未记录输入文件。"),
    "no_editions": ("The ledgers name no coefficient editions.", "台账未记录系数表版本。"),
    "no_evidence": ("The ledgers state no evidence levels.", "台账未记录证据等级。"),
    "evidence_note": (
        "published: taken from a published source; derived: computed from published values; "
        "secondary: from a secondary source; unverified: not checked against a source.",
        "已发表：取自公开发表的来源；推导：由已发表数值计算；二手来源：取自二手资料；未核实：尚未与来源核对。",
    ),
    "edition_same": ("same as installed", "与已安装版本一致"),
    "edition_differs": (
        "differs from the installed edition (the ledger was made with other values)",
        "与已安装版本不同（台账使用的是另一组数值）",
    ),
    "edition_not_installed": ("not installed here", "本机未安装"),
    "evidence.published": ("published", "已发表"),
    "evidence.derived": ("derived", "推导"),
    "evidence.secondary": ("secondary", "二手来源"),
    "evidence.unverified": ("unverified", "未核实"),
    "evidence.unstated": ("not stated", "未说明"),
    "status.released": ("released", "正式"),
    "status.provisional": ("provisional", "暂定"),
    "status.draft": ("draft", "草稿"),
    "sec_warnings": ("Warnings ({n})", "警告（{n} 条）"),
    "no_warnings": ("No warnings.", "无警告。"),
}

_ERRORS = {
    "no_ledgers": ("no ledger to report", "没有可报告的台账"),
    "overlap": (
        "{a} and {b} both hold lines for region {region}, year {year}, account {account}: a "
        "report of both would count them twice",
        "{a} 与 {b} 都含有区域 {region}、{year} 年、{account} 的明细：合并报告会重复计算",
    ),
    "hint_overlap": (
        "report the files separately, or keep one of them",
        "请分别生成报告，或只保留其中一个文件",
    ),
    "bad_suffix": ("{name}: write the report as .html", "{name}：报告须保存为 .html 文件"),
    "hint_suffix": ("e.g. -o report.html", "例如 -o 报告.html"),
    "account_two_moneys": (
        "account {account} has lines in several kinds of money ({money}): it cannot be shown "
        "as one figure",
        "核算 {account} 的明细使用了多种货币或价格年份（{money}），无法合并为一个数值",
    ),
    "table_no_accounts": (
        "the ledger has none of the accounts {accounts}",
        "台账中没有以下任何核算：{accounts}",
    ),
    "table_money": (
        "the GEEP table needs its accounts in CNY at one price year, not {money}",
        "GEEP 汇总表要求各核算均为同一价格年份的人民币，而非 {money}",
    ),
    "hint_table_money": (
        "run the methods with one --price-year",
        "请用同一个 --price-year 重新核算",
    ),
    "hierarchy_column": (
        "the region hierarchy has no column {column}",
        "区划层级表缺少列 {column}",
    ),
    "hint_hierarchy": (
        "give a table with region_code, parent_code and (for codes that are not six-digit "
        "GB/T 2260 codes) level = county, city or province",
        "请提供包含 region_code、parent_code 的表（非六位 GB/T 2260 代码还需 level 列："
        "county、city 或 province）",
    ),
    "hierarchy_twice": (
        "region codes listed twice in the hierarchy: {codes}",
        "区划层级表中重复的区域代码：{codes}",
    ),
    "hierarchy_level": (
        "levels not understood: {values} (use county, city or province)",
        "无法识别的层级：{values}（请用 county、city 或 province）",
    ),
    "hierarchy_no_level": (
        "no level for the codes {codes} (not six-digit GB/T 2260 codes)",
        "以下代码没有层级（不是六位 GB/T 2260 代码）：{codes}",
    ),
    "hierarchy_clash": (
        "the regions table and {ref} give these regions different parents (code: table / "
        "{ref}): {pairs}",
        "区域表与 {ref} 给出的上级区域不同（代码：区域表 / {ref}）：{pairs}",
    ),
    "hint_hierarchy_clash": (
        "correct parent_code in the regions sheet (or leave it empty)",
        "请更正区域表中的 parent_code（或留空）",
    ),
    "bad_level": ("level {level!r} is not one of {levels}", "层级 {level!r} 不是 {levels} 之一"),
    "unknown_regions": (
        "{n} region code(s) are not in {ref}: {codes}",
        "{n} 个区域代码不在 {ref} 中：{codes}",
    ),
    "hint_unknown_regions": (
        "use six-digit GB/T 2260 codes, give parent_code in the regions sheet (--regions), or "
        "a hierarchy (--hierarchy FILE with region_code, parent_code)",
        "请使用六位 GB/T 2260 代码，在区域表中填写 parent_code（--regions），或提供区划层级表"
        "（--hierarchy 文件，含 region_code、parent_code）",
    ),
    "above_level": (
        "regions above the {level} level cannot be split: {codes}",
        "高于{level}层级的区域无法拆分：{codes}",
    ),
    "below_ledger": (
        "the ledger's regions are at the {base} level: they cannot be split down to the "
        "{level} level",
        "台账区域为{base}：无法拆分到{level}",
    ),
    "hint_above_level": (
        "roll up to a level at or above that of the ledger's regions",
        "请汇总到不低于台账区域的层级",
    ),
    "no_parent": (
        "no parent at the {level} level for {codes}",
        "以下区域没有{level}层级的上级：{codes}",
    ),
    "rollup_nested": (
        "the ledger holds both regions and their parts ({pairs}): a roll-up would count the "
        "parts twice",
        "台账同时包含区域及其下级区域（{pairs}）：汇总会重复计算下级区域",
    ),
    "hint_rollup_nested": (
        "keep one level in the ledger (e.g. only the counties)",
        "台账中只保留一个层级（例如只保留各县）",
    ),
    "rollup_mismatch": (
        "{n} roll-up total(s) differ from the sum of their lines: {groups}",
        "{n} 个汇总值与其明细之和不符：{groups}",
    ),
    "rollup_hierarchy_status": (
        "the roll-up uses the region hierarchy {ref}, which is {status}: the regions' parents "
        "rest on it",
        "汇总使用的区划层级表 {ref} 为{status}版本：各区域的上级归属依赖该表",
    ),
}

_CLI = {
    "cli_help": (
        "self-contained HTML report of ledgers (opens in any browser, prints on A4)",
        "生成台账的独立 HTML 报告（任何浏览器可打开，可打印为 A4）",
    ),
    "cli_description": (
        "Write one HTML file with the headline figures per year, GDP → GEEP, the composition "
        "by category and service, a sortable table of the regions, maps of values per km² "
        "(with --zones), provenance and every warning. No external resources.",
        "生成一个 HTML 文件，包含分年度主要指标、GDP 到 GEEP 的分解、按类别和服务的构成、可排序的区域表、"
        "地均价值图（需 --zones）、数据来源与版本以及全部警告。不依赖任何外部资源。",
    ),
    "cli_ledgers": (
        "ledger files (.xlsx, .csv or .parquet)",
        "台账文件（.xlsx、.csv 或 .parquet）",
    ),
    "cli_out": ("report to write (.html)", "输出报告（.html）"),
    "cli_regions": (
        "input workbook/CSV with a regions sheet (area, population) for per-person and per-km² "
        "values",
        "含区域表（面积、人口）的输入工作簿或 CSV，用于人均和地均值",
    ),
    "cli_zones": (
        "zone polygons (GeoPackage, GeoJSON, Shapefile) for maps of values per km²",
        "分区多边形（GeoPackage、GeoJSON、Shapefile），用于绘制地均价值图",
    ),
    "cli_zone_field": ("field of --zones with the region codes", "--zones 中存放区域代码的字段"),
    "cli_hierarchy": (
        "region hierarchy CSV (region_code, parent_code[, region_name, level]); default "
        "regions-shanxi",
        "区划层级 CSV（region_code、parent_code[、region_name、level]）；默认 regions-shanxi",
    ),
    "cli_top": (
        "regions named in the ranking charts (default 20)",
        "排名图中列出的区域数（默认 20）",
    ),
    "cli_lang": ("language of the report", "报告语言"),
    "cli_wrote": (
        "wrote {file}: {n} ledger(s), {regions} region(s), years {years}, status {status}",
        "已写入 {file}：{n} 个台账，{regions} 个区域，年份 {years}，状态 {status}",
    ),
    "cli_not_input": (
        "the regions file {file} is not an input of these ledgers (its SHA-256 is not in their "
        "provenance)",
        "区域文件 {file} 不是这些台账的输入文件（其 SHA-256 不在台账来源记录中）",
    ),
    "cli_run_report": (
        "also write the browser report of the ledger (.html)",
        "同时生成台账的浏览器报告（.html）",
    ),
    "agg_help": (
        "sum a ledger's counties to cities and the province (sums checked)",
        "将台账的县级数据汇总到市级和省级（核对合计）",
    ),
    "agg_description": (
        "Roll a ledger up the region hierarchy (regions-shanxi, or --hierarchy): every line "
        "summed per parent region, names filled from the hierarchy, and every total checked "
        "against its lines (county → city → province).",
        "按区划层级（regions-shanxi 或 --hierarchy）汇总台账：每条明细按上级区域求和，名称取自区划表，"
        "每个合计均与其明细核对（县 → 市 → 省）。",
    ),
    "agg_ledger": ("ledger file (.xlsx, .csv or .parquet)", "台账文件（.xlsx、.csv 或 .parquet）"),
    "agg_to": ("level to sum to", "汇总到的层级"),
    "agg_levels": (
        "several levels at once, e.g. county,city,province (then -o is a folder)",
        "同时输出多个层级，如 county,city,province（此时 -o 为文件夹）",
    ),
    "agg_out": (
        "ledger to write (.xlsx or .csv); a folder with --levels",
        "输出台账（.xlsx 或 .csv）；使用 --levels 时为文件夹",
    ),
    "agg_format": ("file type of each level with --levels", "使用 --levels 时各层级的文件类型"),
    "agg_one_of": ("give --to or --levels (one of them)", "请给出 --to 或 --levels（二者之一）"),
    "agg_bad_out": (
        "{name}: write the roll-up as .xlsx or .csv",
        "{name}：汇总台账须保存为 .xlsx 或 .csv",
    ),
    "agg_wrote": (
        "wrote {file}: {level} level, {regions} region(s), {lines} lines",
        "已写入 {file}：{level}，{regions} 个区域，{lines} 行",
    ),
    "agg_checked": (
        "sums checked: {groups} totals equal the sums of their lines (largest relative "
        "difference {diff:.1e})",
        "合计已核对：{groups} 个合计与其明细之和一致（最大相对差 {diff:.1e}）",
    ),
    "agg_table": ("GEEP table, {level} level (亿元)", "GEEP 汇总表，{level}（亿元）"),
}

_PLOT = {
    "plot.no_cjk_font": (
        "no font with Chinese glyphs is installed, so figure labels are in English; install "
        "one (Debian/Ubuntu: apt install fonts-noto-cjk or fonts-wqy-zenhei) for Chinese labels",
        "未安装含中文字形的字体，图中标签改用英文；请安装中文字体（Debian/Ubuntu：apt install "
        "fonts-noto-cjk 或 fonts-wqy-zenhei）",
    ),
    "plot.no_gep": ("no GEP lines to plot", "没有可绘制的 GEP 明细"),
    "plot.no_geep": ("no GEEP lines to plot", "没有可绘制的 GEEP 明细"),
    "plot.no_year": ("no {account} lines in {year}", "{year} 年没有 {account} 明细"),
    "plot.no_region": ("no GEEP lines of region {region}", "区域 {region} 没有 GEEP 明细"),
    "plot.composition_title": ("GEP by category and region, {year}", "{year} 年各区域 GEP 构成"),
    "plot.waterfall_title": ("GDP → GEEP, {where}, {year}", "GDP → GEEP，{where}，{year} 年"),
    "plot.compare_title": ("{account} by side", "各方 {account} 对比"),
    "plot.axis": ("{unit}, {year} prices", "{unit}，{year} 年价格"),
    "plot.unit.yi": ("100 million CNY", "亿元"),
    "plot.unit.musd": ("million USD", "百万美元"),
    "plot.status": ("[{status}]", "【{status}】"),
}


def _prefixed(prefix: str, table: dict[str, tuple[str, str]]) -> dict[str, tuple[str, str]]:
    return {f"{prefix}{k}": v for k, v in table.items()}


MESSAGES: dict[str, tuple[str, str]] = {
    **_prefixed("report.", _ACCOUNTS),
    **_prefixed("report.", _COLUMNS),
    **_prefixed("report.", _PAGE),
    **_prefixed("report.", _ERRORS),
    **_prefixed("report.", _CLI),
    **_PLOT,
}
