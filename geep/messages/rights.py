"""Messages of rights trading (rights, holders, transactions)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
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
    "trading.unit_t_co2e": (
        "{unit} read as {factor}t CO2e (carbon rights are tonnes of CO2 equivalent)",
        "{unit} 按 {factor}t CO2e 读取（碳排放权以吨二氧化碳当量计）",
    ),
    "hint.trading.unit_tce": (
        "energy-use rights are counted in tce (吨标准煤), or 万tce",
        "用能权以 tce（吨标准煤）或 万tce 计",
    ),
    "hint.trading.unit": (
        "give the quantity in {unit} or a unit of the same dimension",
        "请以 {unit} 或同量纲的单位填写数量",
    ),
    "hint.trading.price_unit": (
        "write a price unit such as 元/{unit} or 万元/{unit}",
        "请填写价格单位，如 元/{unit} 或 万元/{unit}",
    ),
    "hint.trading.price_money": (
        "the money part must be 元, 万元, 亿元 or CNY",
        "金额部分应为 元、万元、亿元 或 CNY",
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
}
