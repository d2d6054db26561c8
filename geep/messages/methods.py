"""Message texts of the method helpers (class maps, stated defaults, study reproductions)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # class maps: parsing and validation
    "classmap.type": (
        "a class map must be a dict, a DataFrame or a CSV file, not {kind}",
        "类别映射须为 dict、DataFrame 或 CSV 文件，而不是 {kind}",
    ),
    "classmap.hint_type": (
        'e.g. class_map={{"草地": "grassland.steppe"}} or class_map="class_map.csv" with columns '
        "input_class, geep_class, weight",
        '例如 class_map={{"草地": "grassland.steppe"}}，或 class_map="class_map.csv"'
        "（列：input_class、geep_class、weight）",
    ),
    "classmap.empty": ("the class map has no rows", "类别映射没有任何行"),
    "classmap.columns": (
        "the class map lacks column(s) {missing} (it has: {found})",
        "类别映射缺少列 {missing}（现有列：{found}）",
    ),
    "classmap.hint_columns": (
        "give columns input_class, geep_class and weight (one row per component; weight may be "
        "left out where an input class has one row)",
        "请提供 input_class、geep_class、weight 三列（每个组分一行；某输入地类只有一行时可省略权重）",
    ),
    "classmap.no_input": ("empty input class", "输入地类为空"),
    "classmap.no_target": (
        "no geep class given for input class {input!r}",
        "输入地类 {input!r} 未给出 geep 地类",
    ),
    "classmap.unknown_target": (
        "input class {input!r}: unknown geep class {target!r}{suggestion}",
        "输入地类 {input!r}：无法识别的 geep 地类 {target!r}{suggestion}",
    ),
    "classmap.hint_target": (
        "map onto a geep class (see geep.vocab.LAND_CLASSES, e.g. grassland.steppe){biomes}",
        "请映射到 geep 地类（见 geep.vocab.LAND_CLASSES，如 grassland.steppe）{biomes}",
    ),
    "classmap.or_biome": (" or a Costanza biome id", "或 Costanza 生物群区代码"),
    "classmap.bad_weight": (
        "input class {input!r} -> {target!r}: weight {weight!r} is not a number in (0, 1]",
        "输入地类 {input!r} -> {target!r}：权重 {weight!r} 不是 (0, 1] 之间的数",
    ),
    "classmap.missing_weight": (
        "input class {input!r} has {n} components but no weight for {target!r}",
        "输入地类 {input!r} 有 {n} 个组分，但 {target!r} 没有权重",
    ),
    "classmap.weight_sum": (
        "the weights of input class {input!r} sum to {total:.6g}, not 1 ({parts})",
        "输入地类 {input!r} 的权重之和为 {total:.6g}，不等于 1（{parts}）",
    ),
    "classmap.hint_weight": (
        "give area shares that add up to 1, e.g. 0.8 paddy + 0.2 dryland",
        "请给出合计为 1 的面积比例，如水田 0.8 + 旱地 0.2",
    ),
    "classmap.duplicate": (
        "input class {input!r} lists {target!r} twice",
        "输入地类 {input!r} 重复列出 {target!r}",
    ),
    "classmap.bad_component": (
        "input class {input!r}: a composite is written {{geep class: weight}}, not {value!r}",
        "输入地类 {input!r}：组合须写成 {{geep 地类: 权重}}，而不是 {value!r}",
    ),
    "classmap.no_factors": (
        "class map {input!r} -> {key}: {target!r} has no factors in {table}, so the composite "
        "cannot be formed",
        "类别映射 {input!r} -> {key}：{target!r} 在 {table} 中没有当量因子，无法组合",
    ),
    "classmap.hint_no_factors": (
        "map the input class onto classes the factor table covers, or add the factors with "
        "geep.coefficients.override(..., add=True)",
        "请映射到当量表中已有的地类，或用 geep.coefficients.override(..., add=True) 补充因子",
    ),
    "classmap.services_differ": (
        "class map {input!r} -> {key}: the components have factors for different services "
        "({services}) in {table}",
        "类别映射 {input!r} -> {key}：各组分在 {table} 中的服务项目不一致（{services}）",
    ),
    "classmap.no_unit_value": (
        "class map {input!r} -> {key}: {target!r} (biome {biome!r}) has no unit value in {table}",
        "类别映射 {input!r} -> {key}：{target!r}（生物群区 {biome!r}）在 {table} 中没有单位面积价值",
    ),
    "classmap.unused": (
        "class map entry {input!r} ({source}) matches no land-cover class of this run",
        "类别映射条目 {input!r}（{source}）与本次土地覆被中的任何地类都不匹配",
    ),
    "classmap.already_normalised": (
        "the land-cover table is already normalised: class map keys match the classes as read "
        "({classes})",
        "土地覆被表已经标准化：类别映射按已识别的地类匹配（{classes}）",
    ),
    "classmap.file_unreadable": (
        "cannot read the class map file: {problem}",
        "无法读取类别映射文件：{problem}",
    ),
    "classmap.unvalued": (
        "{input} (class map -> {target}): {area} ha have no equivalent factors in {table} and "
        "are valued at 0 by this method",
        "{input}（类别映射 -> {target}）：{area} 公顷在 {table} 中没有当量因子，本方法按 0 计价",
    ),
    # defaults that change results
    "classmap.default_choice": (
        "{input!r} was read as {chosen} by {ref} ({chosen_total} CNY/ha at D = {d}); the "
        "alternatives give {alternatives} — state your choice with class_map=",
        "{input!r} 已按 {ref} 识别为 {chosen}（D = {d} 时 {chosen_total} 元/公顷）；其他可选地类："
        "{alternatives}——请用 class_map= 明确选择",
    ),
    "classmap.default_choice_eq": (
        "{input!r} was read as {chosen} by {ref} (Σ factors {chosen_total}); the alternatives give "
        "{alternatives} — state your choice with class_map=",
        "{input!r} 已按 {ref} 识别为 {chosen}（当量因子合计 {chosen_total}）；其他可选地类："
        "{alternatives}——请用 class_map= 明确选择",
    ),
    "classmap.alternative": ("{cls} {total}", "{cls} {total}"),
    "classmap.alternatives_note": (
        " (a default choice; alternatives: {alternatives})",
        "（默认选择；其他可选：{alternatives}）",
    ),
    "classmap.not_inputs": (
        "expected geep Inputs or a pandas DataFrame, not {type}",
        "需要 geep Inputs 或 pandas DataFrame，而不是 {type}",
    ),
    "method.err.theta_twice": (
        "θ entry {ref!r} given twice with different values",
        "θ 条目 {ref!r} 给出了两次，且取值不同",
    ),
}
