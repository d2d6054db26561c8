"""Explicit vocabularies and physical bounds of compensation inputs.

* observation statuses — ``valid`` is assessed; ``dry`` (断流), ``frozen`` (结冰) and
  ``missing`` (缺测) are excluded and never counted as zero; the words each may be written as;
* markers that are refused as ambiguous (``NA`` may mean "not available", "not applicable" or
  be a spreadsheet's empty marker: say ``missing`` if no sample was taken);
* generous physical upper bounds of observed values [mg/L, m³/s]: a value above its bound
  cannot occur in any surface water and is an error at its cell (a unit or typing slip such
  as 1e308 g/L), never charged.

Bounds [mg/L]: COD_Cr 100,000 (the strongest industrial wastewaters and landfill leachates
are of the order of 10⁴–10⁵); COD_Mn 10,000; NH3-N 10,000 and TN 10,000 (pig slurry and raw
leachate reach a few thousand); TP 1,000 (manure slurries reach hundreds); DO 50 (saturation
is 14.6 at 0 °C; algal supersaturation stays well below 50). Composite index ≤ 10⁶. Flow
≤ 10⁶ m³/s (the Amazon's mean discharge is about 2 × 10⁵ m³/s).

References
----------
GB 3838-2002 (class limits, for scale: class V COD 40, NH3-N 2.0, TP 0.4 mg/L); DESIGN §4
(``monitoring`` status valid / dry / frozen / missing); compensation.md §1.3 (S16: dry and
frozen sections are not assessed), §5.4 (data gaps are excluded, not zeros).
"""

from __future__ import annotations

#: canonical status → the spellings accepted for it (compared after NFKC and lower-casing)
STATUSES: dict[str, tuple[str, ...]] = {
    "valid": ("valid", "ok", "有效", "正常"),
    "dry": ("dry", "断流", "干涸"),
    "frozen": ("frozen", "结冰", "冰封"),
    "missing": ("missing", "缺测", "缺失", "未监测"),
}
#: spellings refused as ambiguous (not a status of their own)
AMBIGUOUS_STATUS: tuple[str, ...] = (
    "na", "n/a", "#n/a", "nan", "null", "none", "-", "--", "—", "?", "/", "无",
)  # fmt: skip
STATUS_ALIASES: dict[str, str] = {a: canon for canon, names in STATUSES.items() for a in names}

#: indicator → canonical id (compared after NFKC, lower-casing and removing spaces): the
#: pollutants of GB 3838-2002 a scheme limits, and the officially determined derived values
#: ``water_class`` (1–6) and ``index`` (a scheme's composite pollution index)
INDICATOR_ALIASES: dict[str, str] = {
    "cod": "cod", "codcr": "cod", "化学需氧量": "cod",
    "nh3n": "nh3n", "nh3-n": "nh3n", "nh3_n": "nh3n", "氨氮": "nh3n",
    "tp": "tp", "总磷": "tp", "tp_river": "tp_river", "tp_lake": "tp_lake",
    "tn": "tn", "总氮": "tn",
    "codmn": "codmn", "高锰酸盐指数": "codmn",
    "do": "do", "溶解氧": "do",
    "water_class": "water_class", "class": "water_class", "水质类别": "water_class",
    "index": "index", "指数": "index", "综合污染指数": "index", "污染指数": "index",
}  # fmt: skip
#: water-quality classes of GB 3838-2002 as a section's target (I–V; 劣V is no target)
TARGET_CLASSES: dict[str, int] = {
    "1": 1, "2": 2, "3": 3, "4": 4, "5": 5,
    "I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "Ⅰ": 1, "Ⅱ": 2, "Ⅲ": 3, "Ⅳ": 4, "Ⅴ": 5,
}  # fmt: skip

#: physical upper bound of a concentration [mg/L] per indicator
CONCENTRATION_MAX: dict[str, float] = {
    "cod": 1e5,
    "codmn": 1e4,
    "nh3n": 1e4,
    "tn": 1e4,
    "tp": 1e3,
    "tp_river": 1e3,
    "tp_lake": 1e3,
    "do": 50.0,
}
#: upper bound of a composite pollution index [1]
INDEX_MAX = 1e6
#: physical upper bound of a river flow [m³/s]
FLOW_MAX = 1e6
