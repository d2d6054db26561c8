"""Labels of the ``grid`` domain (merged by :mod:`geep.messages.grid`): pixel counts in
warnings, method names, the columns and coverage keys of the area workbooks under zh."""

from __future__ import annotations

LABELS: dict[str, tuple[str, str]] = {
    # the coverage line of the console (method by its name under zh)
    "grid.cli_coverage": (
        "pixels: {valid} valid, {nodata} nodata, {outside} outside the zones, {unmapped} unmapped "
        "(method {method})",
        "像元：有效 {valid}，无数据 {nodata}，分区外 {outside}，未映射 {unmapped}（方法 {method}）",
    ),
    # pixel counts of unknown codes in the coverage warnings
    "grid.px_count": ("{code}: {n} px", "{code}：{n} 个像元"),
    "grid.px_from": ("from {code}: {n} px", "转出 {code}：{n} 个像元"),
    "grid.px_to": ("to {code}: {n} px", "转入 {code}：{n} 个像元"),
    "grid.px_pair": ("{a} & {b}: {n} px", "{a} 与 {b}：{n} 个像元"),
    # area methods (the en text is the code, as --method takes it)
    "grid.method.centroid": ("centroid", "像元中心法"),
    "grid.method.exact": ("exact", "精确面积法"),
    # where the year of a raster came from
    "grid.year_from.argument": ("argument", "参数给定"),
    "grid.year_from.mapping": ("mapping", "年份映射"),
    "grid.year_from.pattern": ("pattern", "文件名模式"),
    "grid.year_from.file name": ("file name", "文件名"),
    # the sheet of the coverage record and its columns
    "grid.sheet_coverage": ("coverage", "覆盖情况"),
    "grid.sheet_transitions": ("transitions", "类型转移"),
    "grid.col.key": ("key", "键"),
    "grid.col.key_label": ("item", "项目"),
    "grid.col.value": ("value", "内容"),
    "grid.col.land_class": ("land class", "土地类别"),
    "grid.col.area": ("area", "面积"),
    "grid.col.unit": ("unit", "单位"),
    "grid.col.pixels": ("pixels", "像元数"),
    "grid.col.year_from": ("year from", "起始年份"),
    "grid.col.year_to": ("year to", "终止年份"),
    "grid.col.from_class": ("from class", "转出类别"),
    "grid.col.to_class": ("to class", "转入类别"),
    # keys of the coverage record
    "grid.cov.valid_pixels": ("valid pixels", "有效像元数"),
    "grid.cov.nodata_pixels": ("nodata pixels", "无数据像元数"),
    "grid.cov.outside_zones_pixels": ("pixels outside the zones", "分区外像元数"),
    "grid.cov.unmapped_pixels": ("unmapped pixels", "未映射像元数"),
    "grid.cov.unmapped": ("unmapped codes", "未映射编码"),
    "grid.cov.unmapped_from": ("unmapped codes (from)", "未映射编码（转出）"),
    "grid.cov.unmapped_to": ("unmapped codes (to)", "未映射编码（转入）"),
    "grid.cov.method": ("area method", "面积计算方法"),
    "grid.cov.raster_sha256": ("raster SHA-256", "栅格文件哈希（SHA-256）"),
    "grid.cov.zones_sha256": ("zones SHA-256", "分区文件哈希（SHA-256）"),
    "grid.cov.total_pixels": ("total pixels", "像元总数"),
    "grid.cov.year_from": ("year taken from", "年份来源"),
    "grid.cov.crosswalk": ("crosswalk", "类别对照表"),
    "grid.cov.crosswalk_status": ("crosswalk status", "对照表状态"),
    "grid.cov.aligned": ("aligned", "对齐方式"),
    "grid.cov.crs": ("coordinate reference system", "坐标参考系"),
    "grid.cov.pixel_area_m2": ("pixel area (m²)", "像元面积（m²）"),
    "grid.cov.years": ("by year", "分年份"),
    "grid.cov.raster": ("raster", "栅格文件"),
    "grid.cov.zones": ("zones", "分区文件"),
    "grid.cov.chunks": ("chunks", "分块大小"),
    "grid.cov.zone_field": ("zone field", "分区字段"),
    "grid.cov.overlap": ("overlaps", "重叠处理"),
}
