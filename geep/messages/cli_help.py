"""Help texts of the command line (``geep VERB --help``) and argparse's own words, in English
and Chinese.

Codes ``help.<verb>.…`` are the descriptions, epilogs and argument helps of the verbs;
``argparse.…`` codes translate the words argparse prints itself (their English is argparse's
message id, matched exactly by :func:`geep.cli._i18n.argparse_words`)."""

MESSAGES = {
    "help.main.parser.description": (
        "Ecosystem-value accounting (ESV, GEP, GEEP), eco-compensation and rights trading, with versioned coefficient tables.",
        "生态系统价值核算（ESV、GEP、GEEP）、生态补偿与权益交易，系数表有版本管理。",
    ),
    "help.main.arg.lang": (
        "language of messages and outputs",
        "消息与输出的语言（en 英文，zh 中文）",
    ),
    "help.main.arg.quiet": (
        "print only errors",
        "只显示错误",
    ),
    "help.main.arg.verbose": (
        "print more detail",
        "显示更多细节",
    ),
    "help.main.arg.debug": (
        "show tracebacks on errors",
        "出错时显示程序调用栈",
    ),
    "help.aggregate.epilog": (
        "examples:\n  geep aggregate counties.xlsx --to city -o cities.xlsx\n  geep aggregate counties.xlsx --levels county,city,province -o rollup/\n  geep aggregate counties.csv --to province -o shanxi.csv --regions inputs.xlsx",
        "示例：\n  geep aggregate counties.xlsx --to city -o cities.xlsx\n  geep aggregate counties.xlsx --levels county,city,province -o rollup/\n  geep aggregate counties.csv --to province -o shanxi.csv --regions inputs.xlsx",
    ),
    "help.batch.epilog": (
        "examples:\n  geep batch counties/ -o ledgers/ --jobs 2\n  geep batch counties/ -o ledgers/ --method esv --price-year 2020",
        "示例：\n  geep batch counties/ -o ledgers/ --jobs 2\n  geep batch counties/ -o ledgers/ --method esv --price-year 2020",
    ),
    "help.batch.help": (
        "many workbooks: progress bar, summary, per-file errors",
        "批量处理多个工作簿：进度条、汇总、逐文件报错",
    ),
    "help.batch.description": (
        "Process every .xlsx/.xlsm/.csv file of DIR: OUTDIR/ledgers/<file>.xlsx, OUTDIR/combined.xlsx (+ .csv) and OUTDIR/summary.xlsx. Exit code 1 if any file failed.",
        "处理 DIR 中每个 .xlsx/.xlsm/.csv 文件：写出 OUTDIR/ledgers/<文件>.xlsx、OUTDIR/combined.xlsx（及 .csv）和 OUTDIR/summary.xlsx。任一文件失败则退出码为 1。",
    ),
    "help.batch.arg.jobs": (
        "worker processes (default: CPUs)",
        "工作进程数（默认：CPU 核数）",
    ),
    "help.compare.help": (
        "compare ledgers side by side (runs, editions, regions or years)",
        "并列比较核算表（不同运行、版本、地区或年份）",
    ),
    "help.compare.description": (
        "Compare ledger files (written by geep run / demo / batch) side by side: absolute and % differences, per capita and per km², ranks and the lines that drive each difference. Regions are labelled with their names (from the ledger, --regions, else regions-shanxi). Different price years are refused; different coefficient editions are stated.",
        "并列比较核算表文件（由 geep run / demo / batch 写出）：绝对差与百分比差、人均与每平方千米值、排名，以及造成各项差异的明细行。各区域以名称标注（取自核算表、--regions，否则取自 regions-shanxi）。价格年不同则拒绝比较；系数版本不同会注明。",
    ),
    "help.compare.epilog": (
        "examples:\n  geep compare base.xlsx scenario.xlsx -o compare.xlsx\n  geep compare shanxi-geep.xlsx --across region --year 2020 -o cities.xlsx\n  geep compare shanxi-gep.xlsx --across year -o years.xlsx",
        "示例：\n  geep compare base.xlsx scenario.xlsx -o compare.xlsx\n  geep compare shanxi-geep.xlsx --across region --year 2020 -o cities.xlsx\n  geep compare shanxi-gep.xlsx --across year -o years.xlsx",
    ),
    "help.compare.arg.ledgers": (
        "ledger files (.xlsx or .csv)",
        "核算表文件（.xlsx 或 .csv）",
    ),
    "help.compare.arg.out": (
        "comparison workbook (.xlsx)",
        "比较结果工作簿（.xlsx）",
    ),
    "help.compare.arg.across": (
        "what the sides are (default: run if several files, else region)",
        "比较的对象（默认：多个文件时为 run 运行，否则为 region 地区）",
    ),
    "help.compare.arg.labels": (
        "comma-separated side labels (runs) or regions/years to keep",
        "逗号分隔的各方标签（运行），或要保留的地区/年份",
    ),
    "help.compare.arg.year": (
        "keep only this year",
        "只保留该年份",
    ),
    "help.compare.arg.regions": (
        "input workbook/CSV with a regions sheet (area, population) for per-km² and per-capita values",
        "含地区表（面积、人口）的输入工作簿/CSV，用于计算每平方千米和人均值",
    ),
    "help.compensate.epilog": (
        "examples:\n  geep compensate --list\n  geep compensate fen-river --parameters\n  geep compensate fen-river observations.xlsx -o settlement.xlsx\n  geep compensate fen-river observations.xlsx -o s.xlsx --set eflow.floor=12m3/s",
        "示例：\n  geep compensate --list\n  geep compensate fen-river --parameters\n  geep compensate fen-river observations.xlsx -o settlement.xlsx\n  geep compensate fen-river observations.xlsx -o s.xlsx --set eflow.floor=12m3/s",
    ),
    "help.demo.help": (
        "run the bundled Shanxi example end to end",
        "端到端运行内置的山西示例",
    ),
    "help.demo.description": (
        "Validate the illustrative Shanxi workbook, run ESV + GEP + GEEP at 2020 prices, compare cities and years, check the plan indicators, run the Fen River compensation example, and write everything to DIR.",
        "校验示意性的山西工作簿，按 2020 年价格计算 ESV + GEP + GEEP，比较各市与各年，检查规划指标，运行汾河生态补偿示例，并把全部结果写入 DIR。",
    ),
    "help.demo.epilog": (
        "example:\n  geep demo -o demo-output\n  geep --lang zh demo -o 示例输出",
        "示例：\n  geep demo -o demo-output\n  geep --lang zh demo -o 示例输出",
    ),
    "help.demo.arg.out": (
        "output folder (default: ./geep-demo)",
        "输出文件夹（默认：./geep-demo）",
    ),
    "help.demo.arg.no_figures": (
        "skip PNG figures",
        "不生成 PNG 图",
    ),
    "help.report.epilog": (
        "examples:\n  geep report ledger.xlsx -o report.html\n  geep report ledger.xlsx -o 报告.html --lang zh --regions inputs.xlsx\n  geep report county-*.xlsx -o counties.html --zones counties.gpkg --zone-field code",
        "示例：\n  geep report ledger.xlsx -o report.html\n  geep report ledger.xlsx -o 报告.html --lang zh --regions inputs.xlsx\n  geep report county-*.xlsx -o counties.html --zones counties.gpkg --zone-field code",
    ),
    "help.run.arg.method": (
        "method to run; all = every method the sheets allow (default)",
        "要运行的方法；all = 各表所允许的全部方法（默认）",
    ),
    "help.run.arg.profile": (
        "coefficient profile, e.g. xie-2008 or esv=xie-2008 (repeatable)",
        "系数方案，例如 xie-2008 或 esv=xie-2008（可重复）",
    ),
    "help.run.arg.price_year": (
        "report price year",
        "报告的价格年",
    ),
    "help.run.arg.lang": (
        "labels of the output workbook",
        "输出工作簿的标签语言",
    ),
    "help.run.epilog": (
        "examples:\n  geep run inputs.xlsx -o ledger.xlsx\n  geep run inputs.xlsx -o ledger.csv --method gep --price-year 2020\n  geep --lang zh run 输入.xlsx -o 核算.xlsx --method all --price-year 2020",
        "示例：\n  geep run inputs.xlsx -o ledger.xlsx\n  geep run inputs.xlsx -o ledger.csv --method gep --price-year 2020\n  geep --lang zh run 输入.xlsx -o 核算.xlsx --method all --price-year 2020",
    ),
    "help.run.help": (
        "compute ledgers from an input workbook or CSV",
        "由输入工作簿或 CSV 计算核算表",
    ),
    "help.run.description": (
        "Validate the inputs, run the methods they support and write the ledger as a formatted workbook (.xlsx) or CSV (.csv + .meta.json).",
        "校验输入，运行输入所支持的方法，并把核算表写成带格式的工作簿（.xlsx）或 CSV（.csv + .meta.json）。",
    ),
    "help.run.arg.inputs": (
        ".xlsx, .xlsm or .csv",
        ".xlsx、.xlsm 或 .csv 文件",
    ),
    "help.run.arg.out": (
        "ledger to write (.xlsx, .csv or .parquet)",
        "要写出的核算表（.xlsx、.csv 或 .parquet）",
    ),
    "help.template.epilog": (
        "examples:\n  geep template inputs.xlsx\n  geep template 输入模板.xlsx --lang zh",
        "示例：\n  geep template inputs.xlsx\n  geep template 输入模板.xlsx --lang zh",
    ),
    "help.template.help": (
        "blank input workbook with instructions",
        "带填写说明的空白输入工作簿",
    ),
    "help.template.description": (
        "Write a blank input workbook: an instructions sheet, one sheet per input table with bilingual headers, drop-downs for land classes, indicators and units.",
        "写出空白输入工作簿：一张说明表，每个输入表一张工作表（中英双语表头），土地类别、指标和单位带下拉列表。",
    ),
    "help.template.arg.out": (
        "workbook to write",
        "要写出的工作簿",
    ),
    "help.template.arg.lang": (
        "language of sheet names and the first header row (default: message language)",
        "工作表名称和第一行表头的语言（默认：消息语言）",
    ),
    "help.template.arg.force": (
        "overwrite OUT if it exists",
        "若 OUT 已存在则覆盖",
    ),
    "help.trading.epilog": (
        "examples:\n  geep trading template journal.xlsx\n  geep trading validate journal.xlsx\n  geep trading positions journal.xlsx -o positions.xlsx --level city",
        "示例：\n  geep trading template journal.xlsx\n  geep trading validate journal.xlsx\n  geep trading positions journal.xlsx -o positions.xlsx --level city",
    ),
    "help.trading.help": (
        "rights-trading journals: validate, positions, compliance, template",
        "权益交易台账：校验、持有量、履约、模板",
    ),
    "help.trading.description": (
        "Emission permits, carbon allowances/CCER, water and energy-use rights kept as an append-only double-entry journal (a workbook with sheets holders, transactions and optionally emissions).",
        "排污权、碳排放配额/CCER、用水权和用能权，记为只追加的复式记账台账（一个含 holders 持有人、transactions 交易以及可选 emissions 排放工作表的工作簿）。",
    ),
    "help.trading.arg.rules_as_of": (
        "use the rule editions valid on DATE (default: newest released)",
        "使用 DATE 当日有效的规则版本（默认：最新发布版）",
    ),
    "help.trading.validate.help": (
        "check every row; exit 1 if any problem",
        "检查每一行；有任何问题则退出码为 1",
    ),
    "help.trading.positions.help": (
        "balances by holder (or county/city/province); -o writes a workbook",
        "按持有人（或县/市/省）汇总余额；-o 写出工作簿",
    ),
    "help.trading.arg.as_of": (
        "count transactions up to DATE (YYYY-MM-DD)",
        "只计入 DATE（YYYY-MM-DD）及之前的交易",
    ),
    "help.trading.arg.valuation": (
        "price for compliance values in the workbook (default floor)",
        "工作簿中履约价值所用价格（默认 floor 底价）",
    ),
    "help.trading.compliance.help": (
        "surplus/deficit against the emissions sheet; carbon with the CCER cap",
        "对照排放表计算盈余/缺口；碳排放按 CCER 抵销上限",
    ),
    "help.trading.template.help": (
        "blank journal workbook with instructions",
        "带填写说明的空白台账工作簿",
    ),
    "help.trading.rules.help": (
        "the rule editions in force",
        "现行的规则版本",
    ),
    "help.validate.arg.table": (
        "read only this table (for a CSV: the table it holds)",
        "只读取该表（对 CSV：它所含的表）",
    ),
    "help.validate.arg.decimal": (
        "the decimal separator of numbers typed as text (a semicolon-separated CSV may use a decimal comma)",
        "以文本录入的数字的小数点符号（分号分隔的 CSV 可能用逗号作小数点）",
    ),
    "help.validate.arg.area_tolerance": (
        "land-cover total allowed over the region area [fraction] (default 0.005)",
        "土地覆被合计允许超出地区面积的比例 [比例]（默认 0.005）",
    ),
    "help.validate.arg.max_cells": (
        "refuse workbooks with more cells (GEEP_MAX_CELLS)",
        "拒绝单元格数超过此值的工作簿（GEEP_MAX_CELLS）",
    ),
    "help.validate.arg.max_uncompressed_bytes": (
        "refuse workbooks that unpack to more bytes (GEEP_MAX_UNCOMPRESSED_BYTES)",
        "拒绝解压后字节数超过此值的工作簿（GEEP_MAX_UNCOMPRESSED_BYTES）",
    ),
    "help.validate.epilog": (
        "examples:\n  geep validate inputs.xlsx\n  geep validate county-*.xlsx --errors-only --format csv > problems.csv",
        "示例：\n  geep validate inputs.xlsx\n  geep validate county-*.xlsx --errors-only --format csv > problems.csv",
    ),
    "help.validate.help": (
        "every problem of an input workbook or CSV, with sheet!cell",
        "输入工作簿或 CSV 的全部问题，附 工作表!单元格",
    ),
    "help.validate.description": (
        "Read and validate input files; print every error, warning and note with its cell. Exit code 1 if there is any error.",
        "读取并校验输入文件；逐条列出每个错误、警告和提示及其单元格。有任何错误则退出码为 1。",
    ),
    "help.validate.arg.inputs": (
        ".xlsx, .xlsm or .csv",
        ".xlsx、.xlsm 或 .csv 文件",
    ),
    "help.validate.arg.errors_only": (
        "leave out warnings and notes",
        "不显示警告和提示",
    ),
    "help.validate.arg.require": (
        "table that must be present, e.g. land_cover (repeatable)",
        "必须存在的表，例如 land_cover（可重复）",
    ),
    "help.main.epilog": (
        "examples:\n  geep demo -o out/                      the bundled Shanxi example end to end\n  geep template inputs.xlsx --lang zh    blank input workbook\n  geep validate inputs.xlsx              every problem, with sheet!cell\n  geep run inputs.xlsx -o ledger.xlsx --method all\n  geep coefficients list\n  geep coefficients show gep-parameters@garze-2010\n  geep coefficients diff xie2015-factors@2015 xie2008-factors@2008\n",
        "示例：\n  geep demo -o out/                      端到端运行内置的山西示例\n  geep template inputs.xlsx --lang zh    空白输入工作簿\n  geep validate inputs.xlsx              列出全部问题，附 工作表!单元格\n  geep run inputs.xlsx -o ledger.xlsx --method all\n  geep coefficients list\n  geep coefficients show gep-parameters@garze-2010\n  geep coefficients diff xie2015-factors@2015 xie2008-factors@2008\n",
    ),
    "help.examples": (
        "examples:",
        "示例：",
    ),
    "help.main.arg.version": (
        "show the version of geep and exit",
        "显示 geep 的版本并退出",
    ),
}

#: argparse's own words: (argparse message id, Chinese)
ARGPARSE = {
    "argparse.usage": ("usage: ", "用法："),
    "argparse.positional": ("positional arguments", "位置参数"),
    "argparse.options": ("options", "选项"),
    "argparse.help": ("show this help message and exit", "显示本帮助信息并退出"),
    "argparse.error": ("%(prog)s: error: %(message)s\n", "%(prog)s：错误：%(message)s\n"),
    "argparse.argument": (
        "argument %(argument_name)s: %(message)s",
        "参数 %(argument_name)s：%(message)s",
    ),
    "argparse.required": (
        "the following arguments are required: %s",
        "缺少以下必需参数：%s",
    ),
    "argparse.choice": (
        "invalid choice: %(value)r (choose from %(choices)s)",
        "无效的选项值：%(value)r（可选：%(choices)s）",
    ),
    "argparse.type": ("invalid %(type)s value: %(value)r", "无效的 %(type)s 值：%(value)r"),
    "argparse.unrecognized": ("unrecognized arguments: %s", "无法识别的参数：%s"),
    "argparse.ambiguous": (
        "ambiguous option: %(option)s could match %(matches)s",
        "有歧义的选项：%(option)s 可匹配 %(matches)s",
    ),
    "argparse.one": ("expected one argument", "需要一个值"),
    "argparse.at_most_one": ("expected at most one argument", "最多需要一个值"),
    "argparse.at_least_one": ("expected at least one argument", "至少需要一个值"),
    "argparse.n_one": ("expected %s argument", "需要 %s 个值"),
    "argparse.n_many": ("expected %s arguments", "需要 %s 个值"),
    "argparse.not_allowed": ("not allowed with argument %s", "不能与参数 %s 同时使用"),
    "argparse.one_of": ("one of the arguments %s is required", "参数 %s 中必须给出一个"),
    "argparse.ignored": ("ignored explicit argument %r", "忽略了显式给出的值 %r"),
    "argparse.open": ("can't open '%(filename)s': %(error)s", "无法打开“%(filename)s”：%(error)s"),
    "argparse.unknown_parser": (
        "unknown parser %(parser_name)r (choices: %(choices)s)",
        "未知的子命令 %(parser_name)r（可选：%(choices)s）",
    ),
}
MESSAGES.update(ARGPARSE)

MESSAGES.update(
    {
        "help.validate.arg.out": (
            "write the report as CSV for Excel (UTF-8 with BOM) to FILE.csv",
            "把报告写成 Excel 可直接打开的 CSV（带 BOM 的 UTF-8）到 FILE.csv",
        ),
        "help.validate.arg.format": (
            "text (default), table, csv (for Excel, headers in the message language) or json",
            "text 文本（默认）、table 表格、csv（供 Excel 打开，表头为消息语言）或 json",
        ),
        "validate.out_not_csv": (
            "-o {file}: the validation report is written as .csv",
            "-o {file}：校验报告只能写成 .csv 文件",
        ),
        "validate.not_table": (
            "--require {table}: not an input table",
            "--require {table}：不是输入表",
        ),
        "validate.wrote": (
            "wrote {file} ({rows} problem(s))",
            "已写出 {file}（{rows} 条问题）",
        ),
        "validate.col.severity": ("severity", "级别"),
        "validate.col.file": ("file", "文件"),
        "validate.col.sheet": ("sheet", "工作表"),
        "validate.col.cell": ("cell", "单元格"),
        "validate.col.where": ("where", "位置"),
        "validate.col.table": ("table", "表"),
        "validate.col.column": ("column", "列"),
        "validate.col.value": ("value", "值"),
        "validate.col.problem": ("problem", "问题"),
        "validate.col.hint": ("hint", "修改建议"),
    }
)

# console lines of the verbs (issue 17: no English under zh)
MESSAGES.update(
    {
        "demo.note_illustrative": (
            "ILLUSTRATIVE DATA: the Shanxi example is synthetic (see its 'about' sheet); "
            "the figures are not statistics of Shanxi.",
            "示例数据：山西示例为合成数据（见其 'about' 工作表），数字并非山西的统计数据。",
        ),
        "demo.note_provisional": (
            "GEP/GEEP are PROVISIONAL: profile cn-gep-2020 uses the Garze 2010 parameter set, "
            "and prices are moved to 2020 with an unverified CPI table.",
            "GEP/GEEP 为暂定结果：方案 cn-gep-2020 采用甘孜 2010 参数集，价格以未核实的居民消费价格"
            "指数表折算到 2020 年。",
        ),
        "demo.note_fen": (
            "Fen River {year} ({status} scheme): net payers {payers}",
            "汾河 {year} 年（{status}方案）：净支付方 {payers}",
        ),
        "demo.note_no_figures": (
            "figures skipped: install the plot extra (pip install 'geep[plot]')",
            "未生成图：请安装绘图扩展（pip install 'geep[plot]'）",
        ),
        "demo.step_fen": (
            "Fen River compensation (provisional scheme, synthetic observations)",
            "汾河生态补偿（暂定方案，合成监测数据）",
        ),
        "demo.step_figures": ("figures", "绘图"),
        "demo.title_summary": (
            "Shanxi example: GEEP by city (2020 prices)",
            "山西示例：各市 GEEP（2020 年价格）",
        ),
        "demo.title_plan": (
            "Plan indicators vs targets (美丽山西 2023-2035)",
            "规划指标与目标对照（美丽山西 2023-2035）",
        ),
        "demo.wrote": ("wrote {n} files to {folder}", "已写出 {n} 个文件到 {folder}"),
        "run.wrote": (
            "wrote {file}: {lines} lines, accounts {accounts}, status {status}",
            "已写出 {file}：{lines} 条明细，账户 {accounts}，状态 {status}",
        ),
        "template.wrote": ("wrote {file} ({lang} first)", "已写出 {file}（{lang}在前）"),
        "template.lang_zh": ("Chinese", "中文"),
        "template.lang_en": ("English", "英文"),
        "trading.cli_wrote": ("wrote {file}", "已写出 {file}"),
        "trading.cli_bad_out": (
            "{file}: output must be .xlsx or .csv",
            "{file}：输出文件须为 .xlsx 或 .csv",
        ),
        "trading.cli_title_positions": ("positions ({level})", "持有量（{level}）"),
        "trading.cli_title_compliance": ("compliance", "履约情况"),
        "trading.cli_title_carbon": ("carbon compliance (CCER cap)", "碳排放履约（CCER 抵销上限）"),
        "cmp.title_totals": ("totals", "合计"),
        "cmp.note_editions": (
            "{side} used coefficient editions the others did not: {editions}",
            "{side} 使用了其他各方未用的系数版本：{editions}",
        ),
        "cmp.note_provisional": (
            "provisional results: {sides}",
            "暂定结果：{sides}",
        ),
        "column.side": ("side", "比较方"),
        "column.side_name": ("side name", "名称"),
        "cmp.col_diff": ("difference: {side}", "差值：{side}"),
        "cmp.col_pct": ("difference [%]: {side}", "差值 [%]：{side}"),
        "cmp.col_damage_pct": ("change of the damage [%]: {side}", "损失变化 [%]：{side}"),
        "column.rank": ("rank", "排名"),
        "column.diff": ("difference", "差值"),
        "column.share_of_total_diff": ("share of the total difference [%]", "占总差值比例 [%]"),
    }
)
MESSAGES["level.holder"] = ("holder", "持有人")

# the overlaps of geep.indicators.OVERLAPS (keyed by their two services)
MESSAGES.update(
    {
        "gep.overlap.water_conservation.flood_regulation": (
            "water conservation and flood regulation may count the same water (methods §7.3)",
            "水源涵养与洪水调蓄可能重复计算同一部分水量（方法说明 §7.3）",
        ),
        "gep.overlap.water_conservation.hydropower": (
            "water conservation and hydropower/water supply may count the same water "
            "(methods §7.3)",
            "水源涵养与水电/供水可能重复计算同一部分水量（方法说明 §7.3）",
        ),
        "gep.overlap.carbon_sequestration.oxygen_release": (
            "carbon sequestration and oxygen release come from the same photosynthesis "
            "(methods §7.3)",
            "固碳与释氧来自同一光合作用过程（方法说明 §7.3）",
        ),
        "gep.overlap.water_conservation.climate_regulation": (
            "climate regulation via ET and water conservation both depend on ET (methods §7.3)",
            "经蒸散发的气候调节与水源涵养都依赖蒸散发量（方法说明 §7.3）",
        ),
    }
)

MESSAGES.update(
    {
        "cmp.deduction_reading": (
            "deduction (damage cost): a larger damage lowers GEEP; damage_pct is the change of "
            "the damage itself (+ = growing damage)",
            "扣减项（损失成本）：损失越大 GEEP 越低；damage_pct 为损失本身的变化（正值 = 损失增加）",
        ),
        "column.reading": ("how to read", "解读"),
    }
)
