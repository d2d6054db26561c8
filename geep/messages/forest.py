"""Forest method texts (stand table, indicators, prices, errors) in English and Chinese."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "forest.table": ("forest stands", "林分"),
    "forest.tpl_columns": (
        "forest stand columns (sheet forest_stands)",
        "林分表参数（工作表 林分）",
    ),
    "forest.tpl_symbol": ("LY/T 1721-2008 symbol", "LY/T 1721-2008 符号"),
    "forest.tpl_age_classes": ("age classes (age_class)", "龄组（age_class）"),
    "forest.prices_description": (
        "prices and parameters of the forest method (社会公共数据): one row per price, a "
        "Shannon-Wiener class table of species one row per class",
        "森林生态系统服务评估的社会公共数据（价格与参数）：每项一行；物种保育按 Shannon-Wiener 指数等级每级一行",
    ),
    "forest.pcol.price": (
        "price key (carbon, oxygen, reservoir_cost …) or its Chinese name",
        "价格项代码（carbon、oxygen、reservoir_cost …）或其中文名称",
    ),
    "forest.pcol.value": ("the price, in the unit of its row", "价格数值（单位见本行单位）"),
    "forest.pcol.price_year": (
        "price year (leave empty only if it is not known)",
        "价格年份（仅在未知时留空）",
    ),
    "forest.pcol.lower_bound": (
        "species only: the Shannon-Wiener index from which this class applies",
        "仅物种保育：该等级适用的 Shannon-Wiener 指数下限",
    ),
    "forest.pcol.source": ("where the price comes from", "价格来源"),
    "forest.price_read": (
        "price {value!r} read as {canon!r}",
        "价格项 {value!r} 已识别为 {canon!r}",
    ),
    "forest.price_two_sources": (
        "price {key!r} is given twice, in prices= ({a}) and in the forest_prices table ({b}); "
        "give it once",
        "价格 {key!r} 重复给出：prices=（{a}）与森林价格表（{b}）；请只给出一次",
    ),
    "forest.table_description": (
        "forest inventory stands (二类调查) by stand type and age class, with the drivers of the "
        "forest indicators (LY/T 1721-2008 structure)",
        "森林资源二类调查林分（按林分类型和龄组）及森林生态系统服务指标所需参数（LY/T 1721-2008 结构）",
    ),
    "forest.evidence": (
        "formula as reproduced by third-party code and citing papers (LY/T 1721-2008 structure; "
        "the standard's text was not seen)",
        "公式据第三方代码和引用文献复原（LY/T 1721-2008 结构；未见标准原文）",
    ),
    # indicators
    "forest.ind.water_regulation": ("water regulation", "调节水量"),
    "forest.ind.water_purification": ("water purification", "净化水质"),
    "forest.ind.soil_retention": ("soil retention", "固土"),
    "forest.ind.soil_fertility": ("soil fertility retention", "保肥"),
    "forest.ind.carbon_sequestration": ("carbon sequestration", "固碳"),
    "forest.ind.oxygen_release": ("oxygen release", "释氧"),
    "forest.ind.nutrient_accumulation": ("nutrient accumulation in trees", "林木积累营养物质"),
    "forest.ind.negative_ions": ("negative air ions", "提供负离子"),
    "forest.ind.air_purification.so2": ("SO₂ absorption", "吸收二氧化硫"),
    "forest.ind.air_purification.fluoride": ("fluoride absorption", "吸收氟化物"),
    "forest.ind.air_purification.nox": ("NOx absorption", "吸收氮氧化物"),
    "forest.ind.dust_retention": ("dust retention", "滞尘"),
    "forest.ind.species_conservation": ("species conservation", "物种保育"),
    "forest.ind.forest_recreation": ("forest recreation", "森林游憩"),
    # components of an indicator
    "forest.comp.n": ("nitrogen", "氮"),
    "forest.comp.p": ("phosphorus", "磷"),
    "forest.comp.k": ("potassium", "钾"),
    "forest.comp.organic_matter": ("organic matter", "有机质"),
    "forest.comp.vegetation": ("vegetation", "植被"),
    "forest.comp.soil": ("soil", "土壤"),
    # services (LY/T 1721-2008 functions)
    "forest.svc.water_conservation": ("water conservation", "涵养水源"),
    "forest.svc.soil_conservation": ("soil conservation", "保育土壤"),
    "forest.svc.carbon_oxygen": ("carbon fixation and oxygen release", "固碳释氧"),
    "forest.svc.nutrient_accumulation": ("nutrient accumulation", "积累营养物质"),
    "forest.svc.air_purification": ("air purification", "净化大气环境"),
    "forest.svc.biodiversity": ("biodiversity conservation", "生物多样性保护"),
    "forest.svc.recreation": ("forest recreation", "森林游憩"),
    # age classes
    "forest.age.young": ("young", "幼龄林"),
    "forest.age.middle_aged": ("middle-aged", "中龄林"),
    "forest.age.near_mature": ("near-mature", "近熟林"),
    "forest.age.mature": ("mature", "成熟林"),
    "forest.age.over_mature": ("over-mature", "过熟林"),
    # columns of forest_stands
    "forest.col.region_code": (
        "GB/T 2260 region code (or your own id)",
        "行政区划代码（或自定义编号）",
    ),
    "forest.col.year": ("accounting year", "核算年份"),
    "forest.col.stand_type": (
        "stand type (dominant species or forest type); the ledger's ecosystem type",
        "林分类型（优势树种或森林类型），即账户中的生态系统类型",
    ),
    "forest.col.age_class": (
        "age class (young, middle_aged, near_mature, mature, over_mature); leave empty on the "
        "row of the whole stand",
        "龄组（幼龄林、中龄林、近熟林、成熟林、过熟林）；整个林分的合计行留空",
    ),
    "forest.col.area": ("stand area", "林分面积"),
    "forest.col.net_productivity": (
        "B年, net primary productivity as dry matter",
        "B年，林分净生产力（干物质）",
    ),
    "forest.col.soil_carbon_sequestration": (
        "F土壤碳, carbon fixed by the soil per unit area (may be negative)",
        "F土壤碳，单位面积林分土壤年固碳量（可为负）",
    ),
    "forest.col.precipitation": ("P, precipitation", "P，降水量"),
    "forest.col.evapotranspiration": ("E, stand evapotranspiration", "E，林分蒸散量"),
    "forest.col.runoff": ("C, surface runoff", "C，地表径流量"),
    "forest.col.erosion_without_forest": (
        "X2, soil erosion modulus without forest",
        "X2，无林地土壤侵蚀模数",
    ),
    "forest.col.erosion_with_forest": (
        "X1, soil erosion modulus of the stand",
        "X1，林地土壤侵蚀模数",
    ),
    "forest.col.soil_bulk_density": ("ρ, forest soil bulk density", "ρ，林地土壤容重"),
    "forest.col.soil_n": ("N, mean nitrogen content of the soil", "N，林地土壤平均含氮量"),
    "forest.col.soil_p": ("P, mean phosphorus content of the soil", "P，林地土壤平均含磷量"),
    "forest.col.soil_k": ("K, mean potassium content of the soil", "K，林地土壤平均含钾量"),
    "forest.col.soil_organic_matter": (
        "M, organic matter content of the soil",
        "M，林地土壤有机质含量",
    ),
    "forest.col.tree_n": ("nitrogen content of the trees", "林木含氮量"),
    "forest.col.tree_p": ("phosphorus content of the trees", "林木含磷量"),
    "forest.col.tree_k": ("potassium content of the trees", "林木含钾量"),
    "forest.col.anion_concentration": (
        "Q负离子, negative-ion concentration",
        "Q负离子，林分负离子浓度",
    ),
    "forest.col.stand_height": ("H, stand height", "H，林分高度"),
    "forest.col.anion_lifetime": ("L, lifetime of a negative ion", "L，负离子寿命"),
    "forest.col.so2_absorption": ("SO₂ absorbed per unit area", "单位面积林分年吸收二氧化硫量"),
    "forest.col.fluoride_absorption": (
        "fluoride absorbed per unit area",
        "单位面积林分年吸收氟化物量",
    ),
    "forest.col.nox_absorption": ("NOx absorbed per unit area", "单位面积林分年吸收氮氧化物量"),
    "forest.col.dust_retention": ("dust retained per unit area", "单位面积林分年滞尘量"),
    "forest.col.shannon_wiener": (
        "Shannon-Wiener index (needed when S生 is given as a class table)",
        "Shannon-Wiener 指数（以等级表给出 S生 时需要）",
    ),
    "forest.col.recreation_revenue": (
        "annual tourism revenue credited to the stand (nominal CNY of the year)",
        "归于该林分的年旅游收入（当年价）",
    ),
    "forest.col.recreation_share": (
        "share of the revenue credited to the forest",
        "旅游价值划分比例",
    ),
    # prices and parameters (社会公共数据)
    "forest.price.reservoir_cost": (
        "C库, reservoir construction cost per unit of storage",
        "C库，水库建设单位库容投资",
    ),
    "forest.price.water_purification": ("K水, cost of purifying water", "K水，水的净化费用"),
    "forest.price.soil_excavation": (
        "C土, cost of excavating and transporting soil",
        "C土，挖取和运输单位体积土方费用",
    ),
    "forest.price.fertilizer_dap": ("C1, price of diammonium phosphate", "C1，磷酸二铵化肥价格"),
    "forest.price.fertilizer_kcl": ("C2, price of potassium chloride", "C2，氯化钾化肥价格"),
    "forest.price.organic_matter": ("C3, price of organic matter", "C3，有机质价格"),
    "forest.price.dap_n_content": (
        "R1, nitrogen content of diammonium phosphate",
        "R1，磷酸二铵化肥含氮量",
    ),
    "forest.price.dap_p_content": (
        "R2, phosphorus content of diammonium phosphate",
        "R2，磷酸二铵化肥含磷量",
    ),
    "forest.price.kcl_k_content": (
        "R3, potassium content of potassium chloride",
        "R3，氯化钾化肥含钾量",
    ),
    "forest.price.carbon": ("C碳, carbon price per tonne of carbon", "C碳，固碳价格（每吨碳）"),
    "forest.price.oxygen": ("C氧, price of oxygen", "C氧，制造氧气价格"),
    "forest.price.anion": ("K负离子, cost of producing negative ions", "K负离子，负离子生产费用"),
    "forest.price.anion_threshold": (
        "concentration above which negative ions are valued (600 in one source, unverified)",
        "计价的负离子浓度阈值（仅一处来源为 600，未核实）",
    ),
    "forest.price.so2": ("cost of SO₂ abatement", "二氧化硫治理费用"),
    "forest.price.fluoride": ("cost of fluoride abatement", "氟化物治理费用"),
    "forest.price.nox": ("cost of NOx abatement", "氮氧化物治理费用"),
    "forest.price.dust": ("cost of cleaning up dust", "降尘清理费用"),
    "forest.price.species": (
        "S生, opportunity cost of species loss per unit area (one value or a Shannon-Wiener "
        "class table)",
        "S生，单位面积年物种损失的机会成本（单一数值或 Shannon-Wiener 指数等级表）",
    ),
    # errors: stands
    "forest.problems": (
        "{first} (and {more} more problem(s) in the forest stands; all of them:{all})",
        "{first}（林分表另有 {more} 个问题；全部问题：{all}）",
    ),
    "forest.at": ("{where}, column {column!r}: {problem}", "{where}，列 {column!r}：{problem}"),
    "forest.no_column": (
        "there is no column {column!r}, needed by {indicators}",
        "缺少列 {column!r}（{indicators} 需要）",
    ),
    "forest.no_key": (
        "there is no column {column!r}; every stand needs it",
        "缺少列 {column!r}；每个林分都需要此列",
    ),
    "forest.empty_key": ("no value; every stand needs one here", "没有数值；每个林分都必须填写"),
    "forest.empty_cell": (
        "no value, but it is needed by {indicators}",
        "没有数值，但 {indicators} 需要此值",
    ),
    "forest.not_number": ("{value!r} is not a number", "{value!r} 不是数值"),
    "forest.below_min": (
        "{value} is negative; it must be ≥ {minimum}",
        "{value} 为负；应 ≥ {minimum}",
    ),
    "forest.not_positive": ("{value} must be greater than {minimum}", "{value} 应大于 {minimum}"),
    "forest.above_max": ("{value} is more than {maximum}", "{value} 超过 {maximum}"),
    "forest.age_sum": (
        "the age classes of {stand} sum to {total:.10g} ha, but its stand row gives {area:.10g} ha",
        "{stand} 各龄组面积之和为 {total:.10g} ha，而林分合计行为 {area:.10g} ha",
    ),
    "forest.duplicate": (
        "stand {stand} appears more than once (also at {other})",
        "林分 {stand} 重复出现（另见 {other}）",
    ),
    "hint.forest.age_class": ("age classes are: {options}", "龄组可为：{options}"),
    "forest.age_read": (
        "age class {value!r} read as {canon!r}",
        "龄组 {value!r} 已识别为 {canon!r}",
    ),
    "forest.unknown_age_class": (
        "unknown age class {value!r}{suggestion}",
        "无法识别的龄组 {value!r}{suggestion}",
    ),
    "hint.forest.stands": (
        "correct or fill the named cells of the forest_stands sheet (units as in the column "
        "header), or leave out the indicators that need them",
        "请更正或填写林分表中所指单元格（单位见列标题），或不计算需要这些数据的指标",
    ),
    "hint.forest.age_sum": (
        "correct the areas, or drop the stand row and keep the age-class rows",
        "请更正面积，或删除林分合计行、只保留各龄组行",
    ),
    # errors: indicators and prices
    "forest.unknown_indicator": (
        "unknown forest indicator {name!r}{suggestion}",
        "无法识别的森林指标 {name!r}{suggestion}",
    ),
    "hint.forest.indicators": ("choose from: {options}", "可选指标：{options}"),
    "forest.missing_price": (
        "{indicator} needs the price {price!r} ({unit}), which neither the profile nor your "
        "prices give",
        "{indicator} 需要价格 {price!r}（{unit}），但配置方案和您提供的价格中都没有",
    ),
    "forest.missing_prices": (
        "{n} prices are missing, which neither the profile nor your prices give: {pairs}",
        "缺少 {n} 个价格（配置方案和您提供的价格中都没有）：{pairs}",
    ),
    "hint.forest.missing_price": (
        "give each missing price in prices=, e.g. {{{price!r}: (value, {unit!r}, price_year)}}, or "
        "as a row of the forest_prices sheet (森林价格: price, value, unit, price_year); geep "
        "never assumes a price",
        "请在 prices= 中给出每个缺少的价格，例如 {{{price!r}: (数值, {unit!r}, 价格年份)}}，或在森林价格表"
        "（forest_prices：价格项、数值、单位、价格年份）中各填一行；geep 不会自行假定价格",
    ),
    "forest.unknown_price": (
        "unknown forest price {key!r}{suggestion}",
        "无法识别的森林价格 {key!r}{suggestion}",
    ),
    "forest.price_form": (
        "price {key!r}: give (value, unit) or (value, unit, price_year), not {value!r}",
        "价格 {key!r}：请给出 (数值, 单位) 或 (数值, 单位, 价格年份)，而不是 {value!r}",
    ),
    "forest.price_unit": (
        "price {key!r}: unit {unit!r} does not convert to {expected} ({problem})",
        "价格 {key!r}：单位 {unit!r} 无法换算为 {expected}（{problem}）",
    ),
    "forest.carbon_ambiguous": (
        "price {key!r}: {unit!r} does not say whether the tonne is carbon or CO₂",
        "价格 {key!r}：单位 {unit!r} 未说明是每吨碳还是每吨二氧化碳",
    ),
    "hint.forest.carbon": (
        "write CNY/t_C (per tonne of carbon) or CNY/t_CO2 (per tonne of CO₂; converted exactly "
        "by 44/12)",
        "请写 CNY/t_C（每吨碳）或 CNY/t_CO2（每吨二氧化碳，按 44/12 精确换算）",
    ),
    "forest.price_value": (
        "price {key!r}: {value!r} is not a finite number ≥ 0",
        "价格 {key!r}：{value!r} 不是 ≥ 0 的有限数值",
    ),
    "forest.price_year": (
        "price {key!r}: price year {value!r} is not a year",
        "价格 {key!r}：价格年份 {value!r} 不是年份",
    ),
    "forest.classes": ("species class table: {problem}", "物种保育等级表：{problem}"),
    "forest.classes_order": (
        "the lower bounds must increase and start at 0, not {bounds}",
        "下限应从 0 开始递增，而不是 {bounds}",
    ),
    "forest.classes_shape": (
        "give as many values as lower bounds ({n_bounds} bounds, {n_values} values)",
        "数值个数应与下限个数相同（{n_bounds} 个下限，{n_values} 个数值）",
    ),
    "forest.price_year_unknown": (
        "price year not printed by the source (unknown)",
        "来源未给出价格年份（未知）",
    ),
    # the method
    "method.forest": ("forest (LY/T 1721-2008 stands)", "森林（LY/T 1721-2008 林分法）"),
    "forest.structure": (
        "forest values follow the structure of {standard} as reproduced by third-party code and "
        "citing papers (the standard's text was not seen); the forest-function correction and "
        "discounting of its successor GB/T 38582-2020 are not applied",
        "森林价值按第三方代码和引用文献复原的 {standard} 结构计算（未见标准原文）；未采用其替代标准 "
        "GB/T 38582-2020 的森林生态功能修正系数和贴现",
    ),
    "forest.no_indicator": (
        "no forest indicator can be valued: no driver column of the forest stands has a value",
        "无法计算任何森林指标：林分表中没有任何已填写的参数列",
    ),
    "hint.forest.no_indicator": (
        "fill the drivers of the indicators you want (e.g. net_productivity for oxygen release), "
        "or name them with indicators=",
        "请填写所需指标的参数（例如释氧需要林分净生产力），或用 indicators= 指定指标",
    ),
    "forest.not_computed": (
        "forest indicators not valued because their drivers have no values: {names}",
        "以下森林指标因缺少参数而未计算：{names}",
    ),
    "forest.not_priced": (
        "forest indicators with data but without a price, not valued: {pairs} — give these "
        "prices to value them",
        "以下森林指标有数据但缺少价格，未计算：{pairs}——请给出这些价格以计算",
    ),
    "forest.subtotals": (
        "{n} stand row(s) total their age classes: their areas were checked against the age "
        "classes, and the age classes are valued",
        "{n} 个林分合计行包含龄组：已核对其面积与各龄组之和，按各龄组计算",
    ),
    "forest.subtotals_unused": (
        "{n} stand row(s) total their age classes: their areas were checked against the age "
        "classes, and the age classes are valued; the {cells} driver value(s) on those rows are "
        "not used",
        "{n} 个林分合计行包含龄组：已核对其面积与各龄组之和，按各龄组计算；这些行上的 {cells} 个参数值未使用",
    ),
    "forest.price_year_refused": (
        "the price year of {keys} is not known ({sources}); geep does not convert a price of "
        "unknown year with a price index",
        "{keys} 的价格年份未知（{sources}）；geep 不会用价格指数换算年份未知的价格",
    ),
    "hint.forest.price_year_refused": (
        "give price_year= (command line: --price-year), the year these prices are in - recorded "
        "as your statement -, or give {keys} with their price year (prices=, or the "
        "forest_prices sheet 森林价格)",
        "请给出 price_year=（命令行：--price-year），即这些价格所属的年份（将记录为您的声明）；或给出 "
        "{keys} 及其价格年份（prices=，或森林价格表 forest_prices）",
    ),
    "forest.price_year_stated": (
        "the price year of {keys} is not known ({sources}): they are taken as prices of {year}, "
        "the report price year you stated (price_year={year}), without conversion",
        "{keys} 的价格年份未知（{sources}）：按您声明的核算价格年份 {year}（price_year={year}）"
        "直接采用，未作换算",
    ),
    "forest.price_years_mixed": (
        "the forest prices have several price years ({years}) and no report price year is given",
        "森林价格涉及多个价格年份（{years}），但未给出核算价格年份",
    ),
    "hint.forest.price_years_mixed": (
        "give price_year= (the CLI: --price-year); prices are converted with the price index",
        "请给出 price_year=（命令行：--price-year）；价格将按价格指数换算",
    ),
    "forest.overlap_photosynthesis": (
        "carbon sequestration and oxygen release are valued from the same net productivity "
        "(the same photosynthesis)",
        "固碳与释氧基于同一林分净生产力（同一光合作用）计算",
    ),
    "forest.overlap_water": (
        "water regulation and water purification value the same water volume (as the LY/T "
        "1721-2008 structure does)",
        "调节水量与净化水质针对同一水量计价（LY/T 1721-2008 结构如此）",
    ),
    "forest.internal_terms": (
        "internal error: coefficient {label!r} has two sets of terms",
        "内部错误：系数 {label!r} 对应两组项",
    ),
    "forest.price_table_columns": (
        "the price table lacks column(s) {missing}; its columns are {expected}",
        "价格表缺少列 {missing}；应有的列为 {expected}",
    ),
    "forest.price_table_classes": (
        "{where}: the class rows of {key!r} must share one unit and price year, and {key!r} "
        "may not also be given without a lower bound",
        "{where}：{key!r} 的各等级行须使用同一单位和价格年份，且不能同时给出无下限的行",
    ),
    "forest.price_twice": (
        "{where}: price {key!r} is given twice",
        "{where}：价格 {key!r} 重复给出",
    ),
}
