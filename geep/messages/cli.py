"""Command-line texts: output safety, batch runs, comparisons, limits, pre-flight (en, zh)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # --- output safety (geep.io.atomic) --------------------------------------------------
    "cli.out_is_input": (
        "this is one of the input files of this command; geep never overwrites its inputs",
        "这是本命令的输入文件之一；geep 从不覆盖输入文件",
    ),
    "cli.hint_out_is_input": (
        "write the output under another name (-o)",
        "请用 -o 指定另一个输出文件名",
    ),
    "cli.out_exists": (
        "the file exists and is not an unchanged geep output (it may hold your work); "
        "nothing was written",
        "文件已存在，且不是未经改动的 geep 输出文件（可能含有您的数据）；未写入任何内容",
    ),
    "cli.hint_force": (
        "choose another name, or pass --force to replace it",
        "请换一个文件名，或加 --force 以替换该文件",
    ),
    "cli.out_is_dir": (
        "cannot write a file here: this is a folder",
        "无法在此写入文件：这是一个文件夹",
    ),
    "cli.hint_out_is_dir": (
        "give a file name inside it, e.g. {file}/ledger.xlsx",
        "请给出文件夹中的文件名，例如 {file}/ledger.xlsx",
    ),
    "cli.out_parent_file": (
        "cannot write the file: {parent} is a file, not a folder",
        "无法写入文件：{parent} 是文件而不是文件夹",
    ),
    "cli.hint_out_parent_file": (
        "choose an output path whose folders exist or can be created",
        "请选择其上级文件夹存在或可以创建的输出路径",
    ),
    "cli.out_full": (
        "cannot write the file: the disk (or quota) is full; no partial file was left",
        "无法写入文件：磁盘（或配额）已满；未留下不完整的文件",
    ),
    "cli.hint_out_full": (
        "free some space or write to another disk",
        "请释放磁盘空间或写入其他磁盘",
    ),
    "cli.out_readonly": (
        "cannot write the file: the file system is read-only",
        "无法写入文件：文件系统为只读",
    ),
    "cli.out_permission": (
        "cannot write the file: permission denied",
        "无法写入文件：没有写入权限",
    ),
    "cli.hint_out_readonly": (
        "write to a folder you can write to (-o)",
        "请用 -o 写入您有写权限的文件夹",
    ),
    "cli.out_failed": ("cannot write the file: {problem}", "无法写入文件：{problem}"),
    # --- the command line itself -----------------------------------------------------------
    "cli.interrupted": (
        "interrupted; files already written are complete, nothing partial was left",
        "已中断；已写出的文件均完整，未留下不完整的文件",
    ),
    "cli.force_help": (
        "replace existing output files that are not unchanged geep outputs",
        "替换已存在且不是未经改动的 geep 输出的文件",
    ),
    "cli.not_found": ("{file} not found", "找不到文件 {file}"),
    "cli.os_error": ("{file}: {problem}", "{file}：{problem}"),
    "cli.bad_int": (
        "{value!r} is not a whole number of at least {minimum}",
        "{value!r} 不是不小于 {minimum} 的整数",
    ),
    "cli.bad_fraction": (
        "{value!r} is not a finite number of at least 0",
        "{value!r} 不是不小于 0 的有限数",
    ),
    "cli.bad_env": (
        "environment variable {name}={value!r} is not a whole number between 1 and {maximum}",
        "环境变量 {name}={value!r} 不是 1 到 {maximum} 之间的整数",
    ),
    "cli.hint_env": (
        "set it to a count such as 20000000 (or 2e7), or unset it to use the default",
        "请设为如 20000000（或 2e7）的数值，或删除该变量以使用默认值",
    ),
    "cli.bad_limit": (
        "limit {name}={value!r} is not a whole number between 1 and {maximum}",
        "限值 {name}={value!r} 不是 1 到 {maximum} 之间的整数",
    ),
    # --- pre-flight -------------------------------------------------------------------------
    "cli.pf_not_regular": (
        "{file} is not a regular file (a device, pipe or socket); geep reads files saved on disk",
        "{file} 不是普通文件（而是设备、管道或套接字）；geep 只读取保存在磁盘上的文件",
    ),
    "cli.pf_virtual": (
        "{file} reports a size of 0 bytes but has content (a /proc or other virtual file)",
        "{file} 显示大小为 0 字节但有内容（/proc 等虚拟文件）",
    ),
    "cli.hint_pf_copy": (
        "save the data to a real .xlsx or .csv file first",
        "请先把数据保存为真正的 .xlsx 或 .csv 文件",
    ),
    "cli.pf_grid": (
        "sheet part {part} reaches cell {cell}, so it spans {rows} rows × {cols} "
        "columns = {n} cells (limit {limit})",
        "工作表部件 {part} 延伸到单元格 {cell}，共 {rows} 行 × {cols} 列 = {n} 个单元格"
        "（上限 {limit}）",
    ),
    "cli.hint_pf_grid": (
        "delete the stray cells far to the right or below the data (or raise the limit with "
        "--max-cells / GEEP_MAX_CELLS)",
        "请删除数据右侧或下方远处的多余单元格（或用 --max-cells / GEEP_MAX_CELLS 提高上限）",
    ),
    "cli.pf_bad_xml": (
        "part {part} is not well-formed XML ({problem})",
        "部件 {part} 不是格式正确的 XML（{problem}）",
    ),
    "cli.pf_missing_part": (
        "the workbook lists sheet {sheet!r} in part {part}, which is not in the file",
        "工作簿登记的工作表 {sheet!r}（部件 {part}）在文件中不存在",
    ),
    "cli.pf_csv_line": ("line {line}: {problem}", "第 {line} 行：{problem}"),
    "cli.pf_csv_nul": (
        "the line holds a NUL byte (a binary file, or text saved as UTF-16 without a BOM?)",
        "该行含有 NUL 字节（二进制文件，或无 BOM 的 UTF-16 文本？）",
    ),
    "cli.pf_csv_field": (
        "a cell is longer than {limit} characters",
        "某个单元格长度超过 {limit} 个字符",
    ),
    "cli.hint_pf_csv": (
        "check the file in a text editor; cells hold values, not documents",
        "请用文本编辑器检查该文件；单元格应为数值或短文本",
    ),
    # --- ledgers given back to geep --------------------------------------------------------
    "cli.ledger_not_number": (
        "{column} {value!r} is not a number",
        "{column} 列的值 {value!r} 不是数值",
    ),
    "cli.ledger_not_integer": (
        "{column} {value!r} is not a whole number",
        "{column} 列的值 {value!r} 不是整数",
    ),
    "cli.hint_ledger_edit": (
        "ledgers are written by geep; re-create it with geep run instead of editing it",
        "核算账户由 geep 生成；请用 geep run 重新生成，而不要手工修改",
    ),
    "cli.ledger_meta": (
        "the provenance ({what}) is damaged: {problem}",
        "来源信息（{what}）已损坏：{problem}",
    ),
    "cli.ledger_not_ledger": (
        "{file} has no {sheet!r} sheet: not a geep ledger",
        "{file} 没有 {sheet!r} 工作表：不是 geep 核算账户",
    ),
    "cli.ledger_columns": (
        "{file} lacks the ledger columns {columns}",
        "{file} 缺少核算账户列 {columns}",
    ),
    "cli.ledger_empty": (
        "{file} has no header row: not a geep ledger",
        "{file} 没有表头行：不是 geep 核算账户",
    ),
    "cli.ledger_suffix": (
        "cannot read a ledger from a {suffix!r} file",
        "无法从 {suffix!r} 文件读取核算账户",
    ),
    "cli.out_suffix": (
        "{file}: write the ledger as .xlsx, .csv or .parquet",
        "{file}：请将核算账户写为 .xlsx、.csv 或 .parquet 文件",
    ),
    "cli.hint_ledger_suffix": (
        "give a ledger .xlsx, .csv or .parquet",
        "请给出核算账户 .xlsx、.csv 或 .parquet 文件",
    ),
    # --- compare ----------------------------------------------------------------------------
    "cli.cmp_mixed_account": (
        "account {account} of {side} mixes currencies or price years ({units}); a side must "
        "value one account in one currency at one price year",
        "{side} 的 {account} 账户混合了不同货币或价格年份（{units}）；同一账户须使用同一货币和价格年份",
    ),
    "cli.cmp_account_differs": (
        "account {account} is valued in different currencies or price years by the sides "
        "({detail}); comparing them would mix price levels",
        "各方 {account} 账户的货币或价格年份不同（{detail}）；对比会混淆价格水平",
    ),
    "cli.hint_cmp_price_year": (
        "re-run the ledgers with the same --price-year, or compare one account with --account",
        "请用相同的 --price-year 重新生成账户，或用 --account 只对比一个账户",
    ),
    "cli.cmp_no_account": (
        "no lines of account(s) {accounts}; the ledgers hold {available}",
        "没有账户 {accounts} 的条目；账户中只有 {available}",
    ),
    "cli.cmp_units": ("{account}: {unit} at price year {py}", "{account}：{unit}，价格年份 {py}"),
    "cli.cmp_account_help": (
        "compare only these accounts (comma-separated, e.g. GEP or ESV,GEP)",
        "只对比这些账户（逗号分隔，如 GEP 或 ESV,GEP）",
    ),
    "cli.cmp_runs": (
        "comparing runs needs two or more ledger files",
        "对比多次运行需要两个或以上的账户文件",
    ),
    "cli.cmp_wrote": ("wrote {file}", "已写出 {file}"),
    # --- batch ------------------------------------------------------------------------------
    "cli.batch_not_folder": ("{folder} is not a folder", "{folder} 不是文件夹"),
    "cli.batch_no_files": (
        "no .xlsx, .xlsm or .csv files in {folder}",
        "{folder} 中没有 .xlsx、.xlsm 或 .csv 文件",
    ),
    "cli.batch_same_folder": (
        "OUTDIR must differ from DIR (inputs are never overwritten)",
        "输出文件夹必须与输入文件夹不同（从不覆盖输入文件）",
    ),
    "cli.batch_jobs": ("--jobs must be at least 1", "--jobs 至少为 1"),
    "cli.batch_clash": (
        "input files {files} would write the same ledger {name}",
        "输入文件 {files} 会写出同一个账户文件 {name}",
    ),
    "cli.hint_batch_clash": (
        "rename one of them (file names that differ only in letter case clash on Windows)",
        "请重命名其中之一（仅大小写不同的文件名在 Windows 上会冲突）",
    ),
    "cli.batch_first_error": (
        "{n} error(s); first: {where}: {problem}",
        "{n} 个错误；第一个：{where}：{problem}",
    ),
    "cli.run_nothing_computed": (
        "{n} error(s): nothing computed",
        "{n} 个错误：未作计算",
    ),
    "hint.fix_listed_cells": (
        "fix every listed cell and run again",
        "请改正所列的每个单元格后重新运行",
    ),
    "cli.batch_overlap": (
        "no combined ledger: {files} hold the same region, year and account ({where}{more}) "
        "— adding them would count those accounts twice; keep one file per region and year "
        "(each file's own ledger is written)",
        "未写出合并核算表：{files} 含有相同区域、年份和账户（{where}{more}），合并会重复计算；"
        "每个区域每年只保留一个文件（各文件自己的核算表已写出）",
    ),
    "cli.batch_overlap_more": (" and {n} more", " 等，另有 {n} 个"),
    "cli.batch_incomplete": (
        "INCOMPLETE: the combined totals leave out {n} of {total} input file(s) that did not "
        "run: {files}",
        "不完整：合并合计缺少 {total} 个输入文件中未能运行的 {n} 个：{files}",
    ),
    "cli.batch_missing_sheet": ("INCOMPLETE", "不完整"),
    "cli.batch_missing_head": (
        "The combined ledger of this batch is INCOMPLETE: these input files are not in its totals.",
        "本批次的合并账户不完整：以下输入文件未计入合计。",
    ),
    "cli.batch_ok": (
        "ok       {file} → ledgers/{output} ({lines} lines)",
        "成功     {file} → ledgers/{output}（{lines} 行）",
    ),
    "cli.batch_line": (
        "{ok} of {n} file(s) ok; summary: {summary}",
        "{n} 个文件中 {ok} 个成功；汇总：{summary}",
    ),
    "cli.batch_line_incomplete": (
        "{ok} of {n} file(s) ok; combined ledger INCOMPLETE (leaves out {files}); summary: {summary}",
        "{n} 个文件中 {ok} 个成功；合并账户不完整（缺少 {files}）；汇总：{summary}",
    ),
    "cli.batch_stale": (
        "removed {file}: a ledger of an earlier run that this run did not write",
        "已删除 {file}：这是之前运行留下、本次未重新生成的账户",
    ),
    "cli.batch_foreign": (
        "{file} in the output folder is not from this run and not a geep output; left as is",
        "输出文件夹中的 {file} 不是本次运行所写，也不是 geep 输出；未作处理",
    ),
    "cli.batch_cancelled": (
        "not run: the batch was interrupted (Ctrl-C)",
        "未运行：批处理被中断（Ctrl-C）",
    ),
    "cli.batch_interrupted": (
        "batch interrupted after {done} of {n} file(s); the summary lists the rest as cancelled",
        "批处理在完成 {n} 个文件中的 {done} 个后中断；其余文件在汇总中标为已取消",
    ),
    "cli.batch_worker": ("worker process failed: {problem}", "工作进程失败：{problem}"),
    # --- other verbs ------------------------------------------------------------------------
    "cli.broken_pipe": ("output closed early", "输出管道提前关闭"),
    "cli.unit_help": (
        "money unit of the summary sheets (the lines keep exact values in 元)",
        "汇总表的金额单位（明细行保留以元计的精确值）",
    ),
    "cli.template_suffix": (
        "{file}: the template is an .xlsx workbook",
        "{file}：模板是 .xlsx 工作簿",
    ),
    "hint.cli.template_suffix": ("name it *.xlsx", "请以 .xlsx 为扩展名"),
    "cli.template_exists": (
        "{file} exists; geep never overwrites a workbook you may have filled in",
        "{file} 已存在；geep 从不覆盖您可能已填写的工作簿",
    ),
    "hint.cli.template_exists": (
        "choose another name or pass --force",
        "请换一个文件名，或加 --force",
    ),
    "cli.not_a_date": ("{value!r} is not a date", "{value!r} 不是日期"),
    "hint.cli.date": ("write YYYY-MM-DD", "请写成 YYYY-MM-DD"),
    "cli.not_xlsx": ("{file} is not an .xlsx path", "{file} 不是 .xlsx 文件路径"),
    "hint.cli.xlsx": ("write OUT.xlsx", "请写成 OUT.xlsx"),
}
