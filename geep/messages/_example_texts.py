"""Texts of the bundled example workbooks as ``geep demo`` copies them (the 'about' sheet and
the banner over each data sheet), and console labels of the demo. Merged into the
``workbooks`` domain."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "example.about": ("about", "说明"),
    "example.about_title": (
        "The illustrative Shanxi input workbook used by `geep demo`.",
        "`geep demo` 所用的山西示例输入工作簿。",
    ),
    "example.about_text": (
        "ILLUSTRATIVE DATA. Shanxi's 11 prefecture-level cities (GB/T 2260 codes from "
        "regions-shanxi@2019), years 2015 and 2020. City areas, populations and GDP are rounded "
        "approximations of public figures quoted from memory (unverified); land-cover shares, "
        "GEP physical quantities, damage costs and water-quality observations are synthetic, "
        "calibrated to provincial orders of magnitude (province ≈ 156,700 km², forest coverage "
        "near the plan's 22.6 % target, damage costs within the 2.5–6.8 %-of-GDP range CAEP "
        "reports for China). They show how geep works; they are not statistics of Shanxi and "
        "must not be quoted as such.",
        "示例数据。山西省 11 个地级市（GB/T 2260 代码取自 regions-shanxi@2019），2015 年和 "
        "2020 年。各市面积、人口和 GDP 是凭记忆引用的公开数据的取整近似值（未经核实）；土地覆被"
        "比例、GEP 实物量、损害成本和水质监测数据均为合成数据，按全省的数量级校准（全省约 "
        "156,700 km²，森林覆盖率接近规划 22.6 % 的目标，损害成本在生态环境部环境规划院报告的"
        "全国 GDP 2.5–6.8 % 范围内）。这些数据只用于演示 geep 的用法，不是山西的统计数据，"
        "不得作为统计数据引用。",
    ),
    "example.banner": (
        "ILLUSTRATIVE DATA — synthetic figures calibrated to public orders of magnitude, not "
        "official statistics. See the sheet '{about}'.",
        "示例数据——按公开数据的数量级校准的合成数据，非官方统计。详见「{about}」表。",
    ),
    "demo.all_regions": ("(all)", "（全部）"),
    "xl.meta.geep_formula": (
        "GEEP = GDP − PDC − EDC + ERS (ERS = GEP regulating subtotal)",
        "GEEP = GDP − PDC − EDC + ERS（ERS 为 GEP 调节服务小计）",
    ),
}
