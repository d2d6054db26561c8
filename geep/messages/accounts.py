"""Texts of the account methods: ESV, GEP, benefit transfer, GEEP, price-year conversion."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # method names
    "method.esv": ("ESV (equivalent factors)", "生态系统服务价值（当量因子法）"),
    "method.gep": ("GEP (function values)", "生态系统生产总值（功能价值法）"),
    "method.bt": ("benefit transfer", "效益转移法"),
    "method.geep": ("GEEP", "经济—生态生产总值（GEEP）"),
    # price years
    "price.index_missing": (
        "{ref} has no index for {missing} (needed to convert {a} → {b} prices; it covers "
        "{lo}–{hi})",
        "{ref} 缺少 {missing} 年的指数（{a} → {b} 年价格换算需要；该表覆盖 {lo}–{hi} 年）",
    ),
    "price.hint_index_missing": (
        "add the years to a derived edition of the index table, or choose another price year",
        "请在价格指数表的派生版本中补充这些年份，或选择其他价格年份",
    ),
    # ESV
    "esv.class_twice": (
        "{ref}: land classes listed under two types: {classes}",
        "{ref}：以下地类被列在两个类型下：{classes}",
    ),
    "esv.d_and_grain": ("give either d= or grain=, not both", "d= 与 grain= 只能给一个"),
    "esv.d_needs_year": (
        "d= and grain= need d_price_year= (the price year of your D)",
        "d= 和 grain= 需要 d_price_year=（所给 D 的价格年份）",
    ),
    "esv.hint_d_year": ("e.g. d_price_year=2020", "例如 d_price_year=2020"),
    "esv.d_from_grain": (
        "D computed by the 1/7 grain rule of Xie 2003/2008 ({ref}, evidence: {evidence}); the "
        "ledger is provisional because every value rests on it",
        "D 按谢高地 2003/2008 的 1/7 粮食价值规则计算（{ref}，证据等级：{evidence}）；所有价值都依赖"
        "这一规则，因此台账为暂定",
    ),
    "esv.d_rule_mix": (
        "the 1/7 rule belongs to the Xie 2003/2008 tables; applied to the factors of {factors} "
        "(Xie 2015) it mixes the older D rule with the newer factors",
        "1/7 规则属于谢高地 2003/2008 当量表；用于 {factors}（谢高地 2015）的当量因子，"
        "是旧的 D 规则与新因子的混用",
    ),
    "esv.grain_columns": ("grain data lack columns {columns}", "粮食数据缺少列 {columns}"),
    "esv.hint_grain": (
        "give crop, sown_area (ha), yield (kg/ha), price (CNY/kg)",
        "请提供 crop、sown_area（公顷）、yield（千克/公顷）、price（元/千克）",
    ),
    "esv.grain_zero": ("grain sown area sums to zero", "粮食播种面积合计为零"),
    "esv.hint_grain_zero": ("check the sown_area column", "请检查 sown_area 列"),
    "esv.no_d": ("no D for region-years {regions}", "以下区域年份没有 D：{regions}"),
    "esv.hint_no_d": ("grain data must cover every region", "粮食数据须覆盖每个区域"),
    "esv.adjust_columns": (
        "adjustments need region_code and at least one of {ratios}",
        "调整表需要 region_code 以及 {ratios} 中至少一列",
    ),
    "esv.hint_adjust": (
        "e.g. DataFrame(region_code=[...], npp_ratio=[...])",
        "例如 DataFrame(region_code=[...], npp_ratio=[...])",
    ),
    "esv.adjust_bad": (
        "adjustment ratios must be non-negative finite numbers",
        "调整系数必须是非负有限数",
    ),
    "esv.hint_adjust_bad": (
        "check the npp/precipitation/soil ratio columns",
        "请检查 NPP、降水、土壤保持比值列",
    ),
    "esv.biomes": (
        "land classes {classes} are benefit-transfer biomes, not ecosystem types",
        "地类 {classes} 是效益转移法的生物群区，不是当量因子法的生态系统类型",
    ),
    "esv.hint_biomes": (
        "use geep land classes (e.g. forest.broadleaf) for ESV, or geep.benefit_transfer",
        "ESV 请使用 geep 地类（如 forest.broadleaf），或改用 geep.benefit_transfer",
    ),
    "esv.no_factors": (
        "none of the land classes {classes} has equivalent factors (the factor table covers "
        "{types})",
        "地类 {classes} 均没有当量因子（因子表覆盖 {types}）",
    ),
    "esv.hint_no_factors": (
        "use geep land classes covered by the profile's factor table",
        "请使用配置的因子表所覆盖的 geep 地类",
    ),
    "esv.unvalued": (
        "{cls}: {area} ha have no equivalent factors in {ref} and are valued at 0 by this method",
        "{cls}：{area} 公顷在 {ref} 中没有当量因子，本方法按 0 计价",
    ),
    "esv.negative_lines": (
        "some lines are negative (e.g. paddy water supply, factor −2.63): kept as published; "
        "shares of mixed-sign totals need care",
        "部分行为负值（如水田水资源供给，因子 −2.63）：按文献保留；含正负值的合计求占比时需注意",
    ),
    # benefit transfer
    "bt.not_money": (
        "{ref}: unit_value is not money ({unit})",
        "{ref}：unit_value 不是货币（{unit}）",
    ),
    "bt.price_year": (
        "{ref} gives values at {year} prices; benefit transfer keeps the source price year "
        "(asked: {asked})",
        "{ref} 的价值为 {year} 年价格；效益转移法保留原文献的价格年份（所要求：{asked}）",
    ),
    "bt.hint_price_year": (
        "convert the ledger explicitly after the run, or leave the price year unset",
        "请在核算后显式换算，或不指定价格年份",
    ),
    "bt.no_biome": ("no biome for land classes {classes}", "地类 {classes} 没有对应的生物群区"),
    "bt.hint_biome": (
        "use Costanza biome ids or extend the crosswalk",
        "请使用 Costanza 生物群区代码，或扩充对照表",
    ),
    "bt.aggregate": (
        "aggregate biomes cannot be valued (they would double count): {biomes}",
        "汇总类生物群区不能计价（会重复计算）：{biomes}",
    ),
    "bt.hint_aggregate": ("give areas by leaf biome", "请按末级生物群区填写面积"),
    "bt.no_value": (
        "{biome}: no unit value in {ref}; {area} ha valued at 0",
        "生物群区 '{biome}'：{ref} 中没有单位面积价值；{area} 公顷按 0 计价",
    ),
    # GEP
    "gep.bad_cap": (
        "purification_cap must be 'emissions' or 'none'",
        "purification_cap 必须为 'emissions' 或 'none'",
    ),
    "gep.bad_basis": (
        "provisioning_basis must be one of {bases}",
        "provisioning_basis 必须是 {bases} 之一",
    ),
    "gep.hint_basis": (
        "a labelled choice: GDP-type value added, gross output or rent",
        "这是一个标注性的选择：增加值、总产值或资源租金",
    ),
    "gep.no_table_price_year": (
        "{ref} has no table price year; give price_year=",
        "{ref} 没有表级价格年份；请指定 price_year=",
    ),
    "gep.no_price": (
        "no price for indicator {indicator!r}: {ref} has no row {row!r}",
        "指标 {indicator!r} 没有价格：{ref} 中没有 {row!r} 行",
    ),
    "gep.hint_no_price": (
        "add the price in a derived edition (geep.coefficients.override) or remove the indicator",
        "请在派生版本中补充价格（geep.coefficients.override），或删除该指标",
    ),
    "gep.no_price_year": ("{ref}#{row} has no price year", "{ref}#{row} 没有价格年份"),
    "gep.direct_and_derived": (
        "{n} quantity(ies) given directly and computable from drivers: the direct values are used",
        "{n} 个功能量既直接给出又可由驱动因子计算：采用直接给出的值",
    ),
    "gep.twice": (
        "{indicator} is given twice for {region} {year} ({refs})",
        "{region} {year} 的 {indicator} 给出了两次（{refs}）",
    ),
    "gep.hint_twice": (
        "give soil retention either as one mass or as its three parts",
        "土壤保持请只给一个总量，或只给三个分项",
    ),
    "gep.excluded": (
        "{indicator}: {n} quantity(ies) excluded by the profile/options",
        "{indicator}：{n} 个功能量按配置或选项被排除",
    ),
    "gep.capped": (
        "{n} purification quantity(ies) capped at actual emissions",
        "{n} 个净化功能量按实际排放量封顶",
    ),
    "gep.overlap": ("possible double counting: {text}", "可能重复计算：{text}"),
    # GEEP
    "geep.no_gep": ("the GEP ledger has no GEP lines", "GEP 台账中没有 GEP 行"),
    "geep.hint_no_gep": ("pass the result of geep.gep()", "请传入 geep.gep() 的结果"),
    "geep.gep_not_cny": (
        "the GEP ledger is not in CNY ({units})",
        "GEP 台账不是人民币计价（{units}）",
    ),
    "geep.hint_cny": ("GEEP is computed in CNY", "GEEP 以人民币计算"),
    "geep.gep_price_years": (
        "the GEP ledger mixes price years {years}",
        "GEP 台账混用了多个价格年份 {years}",
    ),
    "geep.no_regulating": (
        "{n} region-year(s) have no regulating lines: ERS = 0",
        "{n} 个区域年份没有调节服务行：ERS = 0",
    ),
    "geep.price_years": (
        "economy figures are at price year(s) {eco} but the GEP ledger at {gep}",
        "经济数据的价格年份为 {eco}，而 GEP 台账为 {gep} 年",
    ),
    "geep.hint_price_years": (
        "pass price_year=... (command line: --price-year) to convert both explicitly with a "
        "price index",
        "请指定 price_year=...（命令行：--price-year），用价格指数显式换算两者",
    ),
    "geep.region_years": (
        "region-years do not match: economy only {eco}, GEP only {gep}",
        "区域年份不一致：仅经济数据有 {eco}，仅 GEP 有 {gep}",
    ),
    "geep.hint_region_years": (
        "give economy figures for exactly the region-years of the GEP ledger",
        "请为 GEP 台账的每个区域年份（且仅这些）提供经济数据",
    ),
    "geep.unmapped_regions": (
        "regions without a parent in the mapping: {regions}",
        "以下区域在对应表中没有上级：{regions}",
    ),
}
MESSAGES.update(
    {
        "pipeline.default_price_year": (
            "GEP and GEEP valued at price year {year}, the latest price year of the economy "
            "table ({years}); give --price-year / price_year= to choose another",
            "GEP 与 GEEP 按 {year} 年价格计（经济数据表中最近的价格年份；表中有 {years}）；"
            "如需其他年份请用 --price-year / price_year= 指定",
        ),
        "pipeline.bad_output": ("cannot write a ledger to {name!r}", "无法将台账写入 {name!r}"),
        "pipeline.hint_output": ("use .xlsx, .csv or .parquet", "请使用 .xlsx、.csv 或 .parquet"),
    }
)
MESSAGES.update({})
MESSAGES.update(
    {
        "cli.profile_which": (
            "--profile {value}: with --method all, say which method it is for",
            "--profile {value}：使用 --method all 时，请写明该配置用于哪个方法",
        ),
        "cli.hint_profile_which": ("e.g. --profile esv={value}", "例如 --profile esv={value}"),
        "cli.profile_method": (
            "--profile {value}: method {method!r} takes no profile",
            "--profile {value}：方法 {method!r} 不使用配置",
        ),
        "cli.hint_profile_method": (
            "methods with profiles: {methods}",
            "使用配置的方法：{methods}",
        ),
    }
)
MESSAGES.update(
    {
        "esv.d_required": (
            "profile {profile} has no D of its own: give d= (with d_price_year=) or grain=",
            "配置 {profile} 不自带 D：请给出 d=（及 d_price_year=）或 grain=",
        ),
        "esv.hint_d_required": (
            "the studies that use this table each state their own D (e.g. Tarim: 1881.82 元/hm²)",
            "使用该表的研究各自给出 D（如塔里木河：1881.82 元/hm²）",
        ),
    }
)

# the notes of the plan indicators (geep.plan), in the language of the call
MESSAGES.update(
    {
        "plan.basis_land": ("sum of land-cover areas", "各地类面积之和"),
        "plan.basis_regions": ("region area from the regions table", "区域表中的区域面积"),
        "plan.note_forest": (
            "tree forest / area ({basis}); lower bound of 森林覆盖率",
            "乔木林面积 / 面积（{basis}）；森林覆盖率的下限",
        ),
        "plan.note_forest_shrub": (
            "tree + shrub forest / area ({basis}); upper bound of 森林覆盖率",
            "乔木林与灌木林面积 / 面积（{basis}）；森林覆盖率的上限",
        ),
        "plan.note_water": (
            "{good} of {sections} monitored sections at class III or better (annual means, "
            "worst pollutant)",
            "{sections} 个监测断面中 {good} 个达到或优于Ⅲ类（年均值，按最差污染物）",
        ),
        "plan.note_grass": (
            "not assessable from land cover: needs grassland vegetation-cover monitoring "
            "(草原综合植被盖度)",
            "无法由土地覆被评估：需要草原综合植被盖度监测数据",
        ),
        "demo.all_sections": ("(sections)", "（断面）"),
        "demo.col.value": ("value", "数值"),
        "demo.col.target_2025": ("target 2025", "2025年目标"),
        "demo.col.target_2035": ("target 2035", "2035年目标"),
        "demo.col.gap_2035": ("gap to 2035", "距2035年目标"),
        "plan.indicator.forest_coverage": (
            "forest coverage (tree forest, lower bound)",
            "森林覆盖率（乔木林，下限）",
        ),
        "plan.indicator.forest_coverage_incl_shrub": (
            "forest coverage (with shrub forest, upper bound)",
            "森林覆盖率（含灌木林，上限）",
        ),
        "plan.indicator.surface_water_class_iii_share": (
            "share of sections at class III or better",
            "地表水达到或好于Ⅲ类断面比例",
        ),
        "plan.indicator.grassland_vegetation_cover": (
            "grassland vegetation cover",
            "草原综合植被盖度",
        ),
    }
)
