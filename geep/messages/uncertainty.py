"""Message texts of uncertainty propagation and sensitivity (``geep.uncertainty``, the
``--draws`` options of ``geep run`` and the ``geep sensitivity`` verb), in English and Chinese."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # distribution specs
    "uncertainty.not_number": (
        "distribution {entry}: {field} = {value} is not a finite number",
        "分布 {entry}：{field} = {value} 不是有限数值",
    ),
    "uncertainty.hint_number": (
        "write a plain number such as 0.8 or 1.2e3 (no unit, no %)",
        "请填写普通数值，如 0.8 或 1.2e3（不带单位或 %）",
    ),
    "uncertainty.not_bool": (
        "distribution {entry}: relative = {value} is not true/false",
        "分布 {entry}：relative = {value} 不是 true/false",
    ),
    "uncertainty.bad_group": (
        "distribution {entry}: corr_group {value} has no name (write name or name:ρ)",
        "分布 {entry}：corr_group {value} 缺少组名（写作 组名 或 组名:ρ）",
    ),
    "uncertainty.unknown_field": (
        "distribution {entry}: unknown field {field!r}{suggestion}",
        "分布 {entry}：未知字段 {field!r}{suggestion}",
    ),
    "uncertainty.hint_fields": ("fields: {fields}", "可用字段：{fields}"),
    "uncertainty.unknown_dist": (
        "distribution {entry}: dist {dist} is not known{suggestion}",
        "分布 {entry}：未知分布类型 {dist}{suggestion}",
    ),
    "uncertainty.hint_dists": ("dist is one of {dists}", "dist 可取：{dists}"),
    "uncertainty.field_not_used": (
        "distribution {entry}: {field} is not a parameter of a {dist} distribution "
        "(it takes {fields})",
        "分布 {entry}：{field} 不是 {dist} 分布的参数（该分布使用 {fields}）",
    ),
    "uncertainty.unit_relative": (
        "distribution {entry}: a relative spec has no unit (its numbers are multiples of the "
        "coefficient's value), but unit {unit} was given",
        "分布 {entry}：相对设定（数值为系数本身的倍数）不应带单位，但给出了单位 {unit}",
    ),
    "uncertainty.needs": (
        "distribution {entry}: a {dist} distribution needs {fields}",
        "分布 {entry}：{dist} 分布需要 {fields}",
    ),
    "uncertainty.min_max": (
        "distribution {entry}: min {min} is not below max {max}",
        "分布 {entry}：最小值 {min} 不小于最大值 {max}",
    ),
    "uncertainty.hint_min_max": (
        "give min < max (for a coefficient held at its value use dist fixed)",
        "请使 min < max（若系数固定不变，请用 dist fixed）",
    ),
    "uncertainty.mode_outside": (
        "distribution {entry}: mode {mode} is outside [min {min}, max {max}]",
        "分布 {entry}：众数 {mode} 不在 [最小值 {min}, 最大值 {max}] 之内",
    ),
    "uncertainty.not_positive": (
        "distribution {entry}: {field} = {value} must be positive",
        "分布 {entry}：{field} = {value} 必须为正数",
    ),
    "uncertainty.hint_positive": (
        "cv is the coefficient of variation (sd / mean, e.g. 0.2) and scale the standard "
        "deviation; both are > 0",
        "cv 为变异系数（标准差/均值，如 0.2），scale 为标准差，二者都必须大于 0",
    ),
    "uncertainty.hint_lognormal": (
        "a lognormal is given by its median (> 0; default: the coefficient's value) and its CV, "
        "never by log-space μ/σ",
        "对数正态分布由中位数（> 0，默认为系数本身的值）和变异系数 CV 给出，而不是对数空间的 μ/σ",
    ),
    "uncertainty.median_positive": (
        "distribution {entry}: the lognormal median {value} is not positive",
        "分布 {entry}：对数正态分布的中位数 {value} 不是正数",
    ),
    "uncertainty.scale_and_cv": (
        "distribution {entry}: give scale or cv for a normal distribution, not both",
        "分布 {entry}：正态分布请只给 scale 或 cv 之一",
    ),
    "uncertainty.empirical_values": (
        "distribution {entry}: an empirical distribution needs at least 2 values "
        "(values = 1.2;1.5;1.9)",
        "分布 {entry}：经验分布至少需要 2 个样本值（values = 1.2;1.5;1.9）",
    ),
    "uncertainty.no_key_column": (
        "the distributions table has no reference column (one of {columns})",
        "分布表缺少系数引用列（应为 {columns} 之一）",
    ),
    "uncertainty.unknown_column": (
        "the distributions table has an unknown column {column!r}{suggestion}",
        "分布表有未知列 {column!r}{suggestion}",
    ),
    "uncertainty.unreadable": (
        "the distributions file {file} cannot be read: {problem}",
        "无法读取分布文件 {file}：{problem}",
    ),
    "uncertainty.bad_distributions": (
        "distributions must be a mapping, a DataFrame or a CSV path, not {type}",
        "distributions 应为映射、DataFrame 或 CSV 文件路径，而不是 {type}",
    ),
    "uncertainty.no_row": (
        "distribution {entry}: the reference names no row (write table-id#row-key)",
        "分布 {entry}：引用未指明行（应写作 表id#行键）",
    ),
    "uncertainty.hint_ref": (
        "e.g. xie2015-factors#forest.broadleaf/food_production, xie2015-factors@2015#forest.*/* "
        "or standard-equivalent#d_national",
        "例如 xie2015-factors#forest.broadleaf/food_production、xie2015-factors@2015#forest.*/* "
        "或 standard-equivalent#d_national",
    ),
    "uncertainty.unknown_ref": (
        "distribution {entry}: no coefficient of this run matches{suggestion}",
        "分布 {entry}：本次核算中没有与之匹配的系数{suggestion}",
    ),
    "uncertainty.hint_known_tables": (
        "tables of this run: {tables}",
        "本次核算使用的系数表：{tables}",
    ),
    "uncertainty.twice": (
        "coefficient {ref} is given a distribution twice: by {a} and by {b}",
        "系数 {ref} 被两次设定分布：{a} 与 {b}",
    ),
    "uncertainty.hint_twice": (
        "narrow one of the two references (a wildcard and an exact row overlap)",
        "请缩小其中一个引用的范围（通配符与具体行重叠）",
    ),
    "uncertainty.table_unit": (
        "the distribution shipped for {ref} cannot be converted: its table {table} is not in "
        "the catalogue",
        "无法换算 {ref} 随表提供的分布：其系数表 {table} 不在目录中",
    ),
    "uncertainty.hint_table_unit": (
        "give the distribution of this coefficient with distributions=... (with its unit)",
        "请通过 distributions=... 给出该系数的分布（并注明单位）",
    ),
    "uncertainty.bad_defaults": (
        "defaults {value} is not understood",
        "无法识别 defaults {value}",
    ),
    "uncertainty.hint_defaults": (
        "use defaults='by-evidence' or a mapping such as {{'published': 0.1, 'unverified': 0.5}}",
        "请使用 defaults='by-evidence' 或映射，如 {{'published': 0.1, 'unverified': 0.5}}",
    ),
    "uncertainty.bad_width": (
        "defaults: the half-width {value} of evidence level {level} is not in [0, 1)",
        "defaults：证据等级 {level} 的半宽 {value} 不在 [0, 1) 内",
    ),
    "uncertainty.unit_mismatch": (
        "distribution {entry}: unit {unit} does not convert to the coefficient's unit {theta_unit}",
        "分布 {entry}：单位 {unit} 无法换算为系数的单位 {theta_unit}",
    ),
    "uncertainty.hint_unit": (
        "give the numbers in a unit of the same dimension, or make the spec relative "
        "(relative = true: multiples of the value)",
        "请使用同一量纲的单位，或改为相对设定（relative = true：系数值的倍数）",
    ),
    "uncertainty.value_outside": (
        "distribution {entry}: the mode of {ref} ({value}) is outside [min {min}, max {max}]",
        "分布 {entry}：{ref} 的众数（{value}）不在 [最小值 {min}, 最大值 {max}] 之内",
    ),
    "uncertainty.hint_mode": (
        "the mode defaults to the coefficient's value: give a mode, or a range around the value",
        "众数默认为系数本身的值：请给出众数，或给出包含该值的区间",
    ),
    "uncertainty.cv_of_zero": (
        "distribution {entry}: a cv of the value 0 of {ref} is no spread; give scale",
        "分布 {entry}：{ref} 的值为 0，变异系数无法给出离散程度；请给出 scale",
    ),
    # assignment
    "uncertainty.table_overridden": (
        "your distributions replace those shipped by the tables for {n} coefficient(s): {refs}",
        "您给出的分布替换了系数表自带的 {n} 个系数的分布：{refs}",
    ),
    "uncertainty.inert": (
        "distribution {entry}: {ref} enters the quantities computed from drivers, not the value "
        "terms, so its uncertainty cannot be propagated here",
        "分布 {entry}：{ref} 用于由驱动数据计算物理量，而不在价值项中，此处无法传播其不确定性",
    ),
    "uncertainty.hint_inert": (
        "give the quantity directly (quantities table), or leave this model constant fixed",
        "请直接给出物理量（quantities 表），或将该模型常数保持固定",
    ),
    "uncertainty.inert_skipped": (
        "{entry}: {n} model constant(s) computing quantities from drivers are held fixed "
        "(not propagated): {refs}",
        "{entry}：{n} 个由驱动数据计算物理量的模型常数保持固定（未传播）：{refs}",
    ),
    "uncertainty.inert_default": (
        "by-evidence defaults do not reach model constants computing quantities from drivers "
        "(held fixed): {refs}",
        "按证据等级的默认分布不作用于由驱动数据计算物理量的模型常数（保持固定）：{refs}",
    ),
    "uncertainty.unused": (
        "distribution {entry}: no line of this run uses it (it has no effect)",
        "分布 {entry}：本次核算没有任何行使用该系数（不起作用）",
    ),
    "uncertainty.user_fixed": (
        "your own values are not given by-evidence defaults (held fixed): {refs}",
        "用户自定义的数值不套用按证据等级的默认分布（保持固定）：{refs}",
    ),
    "uncertainty.nothing_varied": (
        "no coefficient was given a distribution: every draw equals the deterministic ledger",
        "没有为任何系数设定分布：每次抽样都等于确定性核算结果",
    ),
    "uncertainty.defaults_note": (
        "by-evidence defaults (geep's convention, not a published source): triangular ± "
        "{widths} around each coefficient's value",
        "按证据等级的默认分布（geep 的约定，非出版来源）：在各系数值附近取三角分布 ± {widths}",
    ),
    # sampling and correlation
    "uncertainty.bad_seed": (
        "seed {seed} is not a non-negative integer (or None)",
        "种子 {seed} 不是非负整数（或 None）",
    ),
    "uncertainty.bad_sampling": (
        "sampling {sampling} is not one of {choices}",
        "抽样方式 {sampling} 不是 {choices} 之一",
    ),
    "uncertainty.bad_draws": (
        "draws {draws} is not a positive integer",
        "抽样次数 {draws} 不是正整数",
    ),
    "uncertainty.corr_unknown": (
        "correlation names group {group!r}, which no varied coefficient belongs to "
        "(groups: {groups})",
        "correlation 中的组 {group!r} 不包含任何被抽样的系数（现有组：{groups}）",
    ),
    "uncertainty.corr_conflict": (
        "correlation group {group} is given different ρ: {values}",
        "相关组 {group} 被给出了不同的 ρ：{values}",
    ),
    "uncertainty.corr_missing": (
        "correlation group {group} has no rank correlation ρ",
        "相关组 {group} 缺少秩相关系数 ρ",
    ),
    "uncertainty.hint_corr": (
        "write corr_group as name:0.6, or pass correlation={{'name': 0.6}} (Spearman ρ)",
        "请将 corr_group 写作 组名:0.6，或传入 correlation={{'组名': 0.6}}（Spearman ρ）",
    ),
    "uncertainty.corr_single": (
        "correlation group {group} has one varied member ({ref}): no correlation to induce",
        "相关组 {group} 只有一个被抽样的成员（{ref}）：无需引入相关",
    ),
    "uncertainty.corr_range": (
        "correlation group {group}: ρ = {rho} is impossible for {k} members (needs {lo} < ρ < 1)",
        "相关组 {group}：{k} 个成员时 ρ = {rho} 不可能成立（需 {lo} < ρ < 1）",
    ),
    # models and outputs
    "uncertainty.bad_inputs": (
        "inputs of type {type} are not understood (give Inputs, a mapping of DataFrames or a "
        "DataFrame)",
        "无法识别类型为 {type} 的输入（请提供 Inputs、DataFrame 映射或 DataFrame）",
    ),
    "uncertainty.unknown_kwarg": (
        "method {method} has no argument {name!r}{suggestion}",
        "方法 {method} 没有参数 {name!r}{suggestion}",
    ),
    "uncertainty.theta_conflict": (
        "coefficient {ref} has two values in this run ({a} and {b})",
        "系数 {ref} 在本次核算中有两个不同的值（{a} 与 {b}）",
    ),
    "uncertainty.bad_q": (
        "quantiles {q} must be probabilities in [0, 1]",
        "分位数 {q} 必须为 [0, 1] 之间的概率",
    ),
    "uncertainty.bad_by": (
        "cannot group by {column!r}: the lines have {columns}",
        "无法按 {column!r} 分组：行中的列为 {columns}",
    ),
    "uncertainty.mixed": (
        "the lines have several values of {column} ({values}); values of different ones are "
        "never added",
        "各行的 {column} 有多个取值（{values}），不同取值的价值不能相加",
    ),
    "uncertainty.hint_mixed": (
        "add {column!r} to by=...",
        "请在 by=... 中加入 {column!r}",
    ),
    "uncertainty.unmapped_regions": (
        "{n} region code(s) have no parent in regions=...: {regions}",
        "regions=... 中缺少 {n} 个区划代码的上级：{regions}",
    ),
    "uncertainty.hint_regions": (
        "map every region_code of the lines onto its parent (e.g. county → province)",
        "请为各行的每个 region_code 给出上级代码（如 县 → 省）",
    ),
    # sensitivity
    "uncertainty.bad_groups": (
        "groups {groups} is not one of {choices} (or a mapping reference pattern → group)",
        "groups {groups} 不是 {choices} 之一（也可为 引用模式 → 组名 的映射）",
    ),
    "uncertainty.bad_groups_column": (
        "cannot group coefficients by {groups}: the lines have no such column ({columns})",
        "无法按 {groups} 对系数分组：各行没有该列（现有列：{columns}）",
    ),
    "uncertainty.group_twice": (
        "coefficient {ref} matches several groups: {groups}",
        "系数 {ref} 同时匹配多个组：{groups}",
    ),
    "uncertainty.technique_twice": (
        "technique={a} and method={b} name different sensitivity techniques",
        "technique={a} 与 method={b} 指定了不同的敏感性分析方法",
    ),
    "uncertainty.bad_technique": (
        "sensitivity technique {technique} is not known{suggestion} (use {choices})",
        "未知的敏感性分析方法 {technique}{suggestion}（可用：{choices}）",
    ),
    "uncertainty.corr_split": (
        "correlation group {group} spans the sensitivity groups {groups}: Sobol indices need "
        "independent groups",
        "相关组 {group} 跨越了敏感性分组 {groups}：Sobol 指数要求各组相互独立",
    ),
    "uncertainty.hint_corr_split": (
        "group the correlated coefficients together (groups={{pattern: name}}) or drop the "
        "correlation",
        "请将相关的系数归入同一组（groups={{模式: 组名}}），或取消相关设定",
    ),
    "uncertainty.no_variance": (
        "the output does not vary with the sampled coefficients: no indices to compute",
        "输出不随抽样系数变化：无法计算敏感性指数",
    ),
    "uncertainty.nothing_to_analyse": (
        "no coefficient has a distribution: a global sensitivity analysis needs some",
        "没有任何系数设定了分布：全局敏感性分析需要设定分布",
    ),
    "uncertainty.hint_nothing_to_analyse": (
        "give distributions=..., ask for defaults='by-evidence', or use technique='cs' "
        "(CLI: --distributions FILE.csv, --by-evidence or --technique cs)",
        "请给出 distributions=...，或使用 defaults='by-evidence'，或改用 technique='cs'"
        "（命令行：--distributions FILE.csv、--by-evidence 或 --technique cs）",
    ),
    # monitoring uncertainty (settlements)
    "uncertainty.no_rel_sd": (
        "no measurement error given: rel_sd={{pollutant: relative sd}} is required",
        "未给出测量误差：需要 rel_sd={{污染物: 相对标准差}}",
    ),
    "uncertainty.hint_rel_sd": (
        "e.g. rel_sd={{'cod': 0.1, 'nh3n': 0.15, 'flow': 0.05}} (relative sd, 0.1 = 10 %) for "
        "pollutants of the observations; water_class and index are officially determined and "
        "take no relative error",
        "例如 rel_sd={{'cod': 0.1, 'nh3n': 0.15, 'flow': 0.05}}（相对标准差，0.1 = 10%）；"
        "water_class 与 index 为官方认定值，不设相对误差",
    ),
    "uncertainty.bad_rel_sd": (
        "rel_sd of {indicator} = {value} is not a non-negative number",
        "{indicator} 的 rel_sd = {value} 不是非负数",
    ),
    "uncertainty.rel_sd_indicator": (
        "rel_sd names {indicator}, which is not a pollutant of the observations (have: {have})",
        "rel_sd 中的 {indicator} 不是观测数据中的污染物（现有：{have}）",
    ),
    "uncertainty.bad_error": (
        "error {error} is not one of {choices}",
        "误差类型 {error} 不是 {choices} 之一",
    ),
    # a callable taking realised tables
    "uncertainty.no_tables": (
        "a callable needs the coefficient tables to realise (inputs = table refs or tables)",
        "可调用对象需要指定要抽样的系数表（inputs = 表引用或系数表）",
    ),
    "uncertainty.no_value_column": (
        "table {table} has no value column to draw (one of {columns})",
        "系数表 {table} 没有可抽样的数值列（应为 {columns} 之一）",
    ),
    "uncertainty.bad_callable_output": (
        "the callable returned {type}; return a number or a numeric pandas Series",
        "可调用对象返回了 {type}；请返回数值或数值型 pandas Series",
    ),
    "uncertainty.callable_index": (
        "the callable returned a Series with another index than for the deterministic values",
        "可调用对象返回的 Series 索引与确定性结果不一致",
    ),
    # workbooks
    "uncertainty.xl_quantiles": ("quantiles", "分位数"),
    "uncertainty.xl_varied": ("varied coefficients", "抽样系数"),
    "uncertainty.xl_settings": ("settings", "设置"),
    "uncertainty.xl_notes": ("notes", "说明"),
    "uncertainty.xl_indices": ("indices", "敏感性指数"),
    "uncertainty.xl_cs": ("CS index", "敏感性系数CS"),
    "uncertainty.xl_net": ("net positions", "净额"),
    "uncertainty.xl_tiers_section": ("tier crossings by section", "按断面的档位跨越"),
    "uncertainty.xl_tiers": ("tier crossings", "档位跨越"),
    "uncertainty.xl_item": ("item", "项目"),
    "uncertainty.xl_value": ("value", "内容"),
    "uncertainty.xl_note": ("note", "说明"),
    "uncertainty.xl_none": ("(none)", "（无）"),
    # command line
    "uncertainty.cli_positive": ("{value} is not a positive integer", "{value} 不是正整数"),
    "uncertainty.cli_draws": (
        "also write the quantile ledger of N Monte Carlo draws beside the ledger "
        "(OUT.uncertainty.xlsx / .csv)",
        "同时在核算结果旁写出 N 次蒙特卡罗抽样的分位数账户（OUT.uncertainty.xlsx / .csv）",
    ),
    "uncertainty.cli_seed": (
        "seed entropy (recorded in the output; default %(default)s)",
        "随机种子（记录在输出中；默认 %(default)s）",
    ),
    "uncertainty.cli_distributions": (
        "CSV of coefficient distributions: ref,dist,min,mode,max,loc,scale,median,cv,values,"
        "relative,unit,corr_group",
        "系数分布 CSV：ref,dist,min,mode,max,loc,scale,median,cv,values,relative,unit,corr_group",
    ),
    "uncertainty.cli_by_evidence": (
        "vary every other coefficient by its evidence level (geep's stated widths: "
        "published ±10 %%, derived ±20 %%, secondary ±30 %%, unverified ±50 %%, triangular)",
        "按证据等级对其余系数抽样（geep 约定的半宽：已出版 ±10%%、推导 ±20%%、二手 ±30%%、"
        "未核实 ±50%%，三角分布）",
    ),
    "uncertainty.cli_sampling": (
        "random (default) or lhs (Latin hypercube per coefficient)",
        "random（默认）或 lhs（按系数的拉丁超立方抽样）",
    ),
    "uncertainty.cli_needs_draws": (
        "--distributions and --by-evidence need --draws N",
        "--distributions 与 --by-evidence 需要同时给出 --draws N",
    ),
    "uncertainty.cli_hint_draws": (
        "e.g. geep run in.xlsx -o ledger.xlsx --draws 1000 --by-evidence",
        "例如 geep run in.xlsx -o ledger.xlsx --draws 1000 --by-evidence",
    ),
    "uncertainty.cli_wrote": (
        "wrote {path}: {lines} lines, {draws} draws, {varied} coefficient(s) varied",
        "已写出 {path}：{lines} 行，{draws} 次抽样，{varied} 个系数参与抽样",
    ),
    "uncertainty.cli_sens_help": (
        "global sensitivity (Sobol / Morris) of a ledger to groups of coefficients",
        "核算结果对系数组的全局敏感性（Sobol / Morris）",
    ),
    "uncertainty.cli_sens_description": (
        "Read and validate the inputs, then compute Sobol (or Morris) indices of the totals "
        "for groups of coefficients (by service, table, ecosystem type …) and the classic CS "
        "index; write them as a workbook (.xlsx) or CSV.",
        "读取并校验输入数据，按系数组（服务、系数表、生态系统类型等）计算总值的 Sobol（或 Morris）"
        "敏感性指数及传统的敏感性系数 CS，并写出工作簿（.xlsx）或 CSV。",
    ),
    "uncertainty.cli_in": (".xlsx, .xlsm or .csv inputs", "输入文件（.xlsx、.xlsm 或 .csv）"),
    "uncertainty.cli_sens_out": (
        "indices to write (.xlsx or .csv)",
        "要写出的指数文件（.xlsx 或 .csv）",
    ),
    "uncertainty.cli_technique": (
        "sobol (default), morris or cs",
        "sobol（默认）、morris 或 cs",
    ),
    "uncertainty.cli_groups": (
        "how coefficients are grouped (shared scalars such as D are groups of their own)",
        "系数的分组方式（D 等共享标量单独成组）",
    ),
    "uncertainty.cli_by": (
        "output column to compute indices per value of (repeatable, e.g. --by year)",
        "按该输出列的每个取值分别计算指数（可重复，如 --by year）",
    ),
    "uncertainty.cli_n": (
        "base sample size (Sobol: N × (groups + 2) evaluations; default %(default)s)",
        "基础样本量（Sobol：N × (组数 + 2) 次计算；默认 %(default)s）",
    ),
    "uncertainty.cli_bad_out": (
        "{name}: write the indices as .xlsx or .csv",
        "{name}：请将指数写为 .xlsx 或 .csv",
    ),
    "uncertainty.cli_nothing": (
        "{n} error(s): nothing computed",
        "{n} 个错误：未进行计算",
    ),
    "uncertainty.cli_sens_wrote": (
        "wrote {path}: {technique} indices, {rows} rows",
        "已写出 {path}：{technique} 指数，{rows} 行",
    ),
    # figures
    "uncertainty.plot_band90": ("90 % band (q05–q95)", "90% 区间（q05–q95）"),
    "uncertainty.plot_band50": ("50 % band (q25–q75)", "50% 区间（q25–q75）"),
    "uncertainty.plot_median": ("median", "中位数"),
    "uncertainty.plot_deterministic": ("deterministic", "确定性结果"),
    "uncertainty.plot_sobol": ("Sobol index (share of variance)", "Sobol 指数（方差占比）"),
    "uncertainty.plot_morris": ("Morris μ* [CNY]", "Morris μ*（元）"),
    "uncertainty.plot_columns": (
        "{what} needs the columns {columns}",
        "{what} 需要以下列：{columns}",
    ),
    "uncertainty.one_group": (
        "every varied coefficient falls in one group ({groups}): its index is 1 by definition",
        "所有抽样系数都属于同一组（{groups}）：其指数按定义为 1",
    ),
    "uncertainty.hint_one_group": (
        "use finer groups (groups='coefficient', 'table' …) or vary more coefficients",
        "请使用更细的分组（groups='coefficient'、'table' 等）或对更多系数抽样",
    ),
}

from ._unc_labels import LABELS as _LABELS  # noqa: E402

MESSAGES.update(_LABELS)
