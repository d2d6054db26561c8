"""Message texts of the grid layer (rasters, zones, Dask runs, the ``geep grid`` verb)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # opening rasters
    "grid.no_file": ("file not found", "找不到文件"),
    "grid.hint_no_file": (
        "check the path (a GDAL path such as /vsicurl/https://… or /vsis3/bucket/key also works)",
        "请检查路径（也可使用 GDAL 路径，如 /vsicurl/https://… 或 /vsis3/桶/键）",
    ),
    "grid.open_failed": (
        "cannot be opened as a raster: {problem}",
        "无法作为栅格打开：{problem}",
    ),
    "grid.read_failed": (
        "pixels of rows {r0}–{r1}, columns {c0}–{c1} cannot be read: {problem}",
        "第 {r0}–{r1} 行、第 {c0}–{c1} 列的像元无法读取：{problem}",
    ),
    "grid.hint_corrupt": (
        "the file is truncated or corrupt: download or export it again and check it with "
        "`gdalinfo -checksum`",
        "文件不完整或已损坏：请重新下载或导出，并用 `gdalinfo -checksum` 检查",
    ),
    "grid.bad_band": (
        "the raster has {count} band(s); band {band} does not exist",
        "栅格有 {count} 个波段，不存在第 {band} 波段",
    ),
    "grid.bad_ndim": (
        "the array has {ndim} dimensions; a land-cover raster has 2 (y, x) or 3 (band, y, x)",
        "数组有 {ndim} 个维度；土地覆盖栅格应为 2 维 (y, x) 或 3 维 (band, y, x)",
    ),
    "grid.no_crs": (
        "no coordinate reference system (CRS) is declared",
        "未声明坐标参考系（CRS）",
    ),
    "grid.hint_crs": (
        "assign the CRS the data were produced in, e.g. `gdal_edit.py -a_srs EPSG:4326 FILE` "
        "(CLCD *_albert.tif files: +proj=aea +lat_1=25 +lat_2=47 +lon_0=105 +datum=WGS84)",
        "请指定数据生产时的坐标系，例如 `gdal_edit.py -a_srs EPSG:4326 文件`（CLCD *_albert.tif："
        "+proj=aea +lat_1=25 +lat_2=47 +lon_0=105 +datum=WGS84）",
    ),
    "grid.hint_crs_array": (
        "set it with `arr.rio.write_crs(...)` (rioxarray)",
        "请用 `arr.rio.write_crs(...)`（rioxarray）设置坐标系",
    ),
    "grid.hint_zones_crs": (
        "set the CRS of the zone layer (e.g. `gdf.set_crs(4490)` for CGCS2000, or add a .prj "
        "file to the Shapefile)",
        "请设置分区图层的坐标系（如 CGCS2000 用 `gdf.set_crs(4490)`，或为 Shapefile 补充 .prj 文件）",
    ),
    "grid.float_raster": (
        "the raster holds {dtype} values: a land-cover raster must hold integer class codes",
        "栅格的数值类型为 {dtype}：土地覆盖栅格应为整数地类编码",
    ),
    "grid.hint_float_raster": (
        "convert it to integers without resampling (e.g. `gdal_translate -ot Byte IN OUT`) "
        "after checking that every value is a whole class code",
        "请在确认所有数值均为整数地类编码后转换为整数类型（如 `gdal_translate -ot Byte 输入 输出`），不要重采样",
    ),
    "grid.no_nodata": (
        "no nodata value is declared, so it is not known which pixels are empty",
        "未声明 nodata（无数据）值，无法判断哪些像元为空",
    ),
    "grid.hint_nodata": (
        "declare it in the file (`gdal_edit.py -a_nodata 0 FILE`; CLCD uses 0), pass nodata=0 "
        "(--nodata 0), or nodata='none' (--nodata none) if every pixel holds a class",
        "请在文件中声明（`gdal_edit.py -a_nodata 0 文件`；CLCD 为 0），或传入 nodata=0（--nodata 0）；"
        "若每个像元都有地类，请传入 nodata='none'（--nodata none）",
    ),
    "grid.bad_nodata": (
        "nodata must be an integer or 'none', not {value!r}",
        "nodata 应为整数或 'none'，而不是 {value!r}",
    ),
    "grid.nodata_conflict": (
        "the raster declares nodata = {declared} but {given} was given",
        "栅格声明的 nodata 为 {declared}，但传入的是 {given}",
    ),
    "grid.hint_nodata_conflict": (
        "a value stated twice must agree: drop the option, or fix the file's nodata value",
        "同一数值的两处说明必须一致：请去掉该选项，或修正文件中的 nodata 值",
    ),
    "grid.nodata_is_class": (
        "the nodata value {nodata} is also a class code in {crosswalk}",
        "nodata 值 {nodata} 同时是 {crosswalk} 中的地类编码",
    ),
    "grid.bad_chunks": (
        "chunks must be a positive int or (rows, cols), not {chunks!r}",
        "chunks 应为正整数或 (行, 列)，而不是 {chunks!r}",
    ),
    "grid.hint_chunks": (
        "e.g. chunks=2048 or chunks=(1024, 4096)",
        "例如 chunks=2048 或 chunks=(1024, 4096)",
    ),
    "grid.grid_mismatch": (
        "{a} and {b} are not on the same pixel grid ({grid_a} vs {grid_b})",
        "{a} 与 {b} 不在同一像元网格上（{grid_a} 对 {grid_b}）",
    ),
    "grid.hint_grid_mismatch": (
        "use rasters of one product on one grid, or ask for nearest-neighbour alignment "
        "explicitly (align='nearest', --align nearest)",
        "请使用同一产品、同一网格的栅格，或明确要求最近邻对齐（align='nearest'，--align nearest）",
    ),
    "grid.bad_align": (
        "align must be 'error' or 'nearest', not {value!r}",
        "align 应为 'error' 或 'nearest'，而不是 {value!r}",
    ),
    "grid.align_needs_file": ("alignment needs a raster file", "对齐需要栅格文件"),
    "grid.align_needs_nodata": (
        "alignment needs a nodata value for pixels outside the raster",
        "对齐需要 nodata 值来标记栅格范围外的像元",
    ),
    "grid.rotated_geographic": (
        "rotated rasters in a geographic CRS are not supported",
        "不支持地理坐标系下旋转的栅格",
    ),
    "grid.hint_rotated": (
        "warp the raster to a north-up grid first",
        "请先将栅格重投影为正北朝上的网格",
    ),
    "grid.bad_latitudes": (
        "the raster spans latitudes {top}..{bottom}, beyond ±90°",
        "栅格纬度范围 {top}..{bottom} 超出 ±90°",
    ),
    # years and inputs
    "grid.no_year": (
        "the year of {file} is not known",
        "无法确定 {file} 的年份",
    ),
    "grid.hint_year": (
        "give year= (--year), a mapping {{year: raster}}, or a path pattern with {{year}} and "
        "years (--years 2000-2022)",
        "请给出 year=（--year）、{{年份: 栅格}} 映射，或带 {{year}} 的路径模式及年份范围（--years 2000-2022）",
    ),
    "grid.year_twice": (
        "the years are given twice (a mapping of rasters by year and year=)",
        "年份给出了两次（按年份的栅格映射以及 year=）",
    ),
    "grid.pattern_no_year": (
        "the path pattern {pattern!r} has no {{year}}",
        "路径模式 {pattern!r} 中没有 {{year}}",
    ),
    "grid.pattern_needs_years": (
        "the path pattern {pattern!r} needs years (year=[...], --years 2000-2022)",
        "路径模式 {pattern!r} 需要年份（year=[...]，--years 2000-2022）",
    ),
    "grid.hint_pattern": (
        "e.g. --years 2000-2022 with CLCD_v01_{{year}}_albert.tif",
        "例如 --years 2000-2022 配合 CLCD_v01_{{year}}_albert.tif",
    ),
    "grid.no_rasters": ("no raster given", "未给出栅格"),
    "grid.transitions_one_each": (
        "transitions take one raster for each of the two years",
        "变化矩阵需要两个年份各一个栅格",
    ),
    "grid.bad_method": (
        "method must be 'centroid' or 'exact', not {value!r}",
        "method 应为 'centroid' 或 'exact'，而不是 {value!r}",
    ),
    "grid.hint_method": (
        "'centroid': a pixel belongs to the zone holding its centre; 'exact': coverage fractions "
        "of boundary pixels (vector zones and raster files, needs exactextract)",
        "'centroid'：像元归属其中心所在分区；'exact'：按边界像元的覆盖比例计算（需矢量分区和栅格文件，以及 exactextract）",
    ),
    "grid.exact_needs_vectors": (
        "method='exact' needs vector zones",
        "method='exact' 需要矢量分区",
    ),
    "grid.exact_needs_file": (
        "method='exact' needs a raster file, not {file}",
        "method='exact' 需要栅格文件，而不是 {file}",
    ),
    "grid.no_exactextract": (
        "method='exact' needs the package exactextract, which is not installed",
        "method='exact' 需要 exactextract 包，但尚未安装",
    ),
    "grid.hint_exactextract": (
        "pip install exactextract (a wheel with its own GDAL), or use method='centroid'",
        "请运行 pip install exactextract（自带 GDAL 的 wheel），或使用 method='centroid'",
    ),
    "grid.no_zarr": (
        "writing .zarr needs the package zarr, which is not installed",
        "写出 .zarr 需要 zarr 包，但尚未安装",
    ),
    "grid.hint_zarr": (
        'pip install "geep[grid]" (or pip install zarr), or write a .tif',
        '请运行 pip install "geep[grid]"（或 pip install zarr），或改为写出 .tif',
    ),
    # crosswalks
    "grid.crosswalk_missing": (
        "no crosswalk {classes!r}: {problem}",
        "没有地类对照表 {classes!r}：{problem}",
    ),
    "grid.hint_crosswalk_missing": (
        "use classes='clcd', 'cnlucc', a crosswalk table id of your catalogue (columns "
        "source_code, geep_class) or a mapping {{raster code: geep class}}",
        "请使用 classes='clcd'、'cnlucc'、目录中的对照表编号（含 source_code、geep_class 列），"
        "或 {{栅格编码: geep 地类}} 映射",
    ),
    "grid.crosswalk_columns": (
        "{table} is not a crosswalk: it needs the columns source_code and geep_class",
        "{table} 不是地类对照表：需要 source_code 和 geep_class 列",
    ),
    "grid.crosswalk_empty": (
        "the crosswalk {table} maps no code",
        "对照表 {table} 没有任何编码映射",
    ),
    "grid.crosswalk_code": (
        "{where}: {code!r} is not an integer raster code",
        "{where}：{code!r} 不是整数栅格编码",
    ),
    "grid.hint_crosswalk_code": (
        "raster codes are whole numbers, e.g. 1 or 21",
        "栅格编码为整数，例如 1 或 21",
    ),
    "grid.crosswalk_class": (
        "{where}: {cls!r} is not a geep land class{suggestion}",
        "{where}：{cls!r} 不是 geep 地类{suggestion}",
    ),
    "grid.hint_crosswalk_class": ("geep land classes: {classes}", "geep 地类：{classes}"),
    # zones
    "grid.no_zones": ("no zones given", "未给出分区"),
    "grid.hint_no_zones": (
        "give a vector file or GeoDataFrame of regions (--zones counties.gpkg) or a zone raster",
        "请给出区域矢量文件或 GeoDataFrame（--zones counties.gpkg），或分区栅格",
    ),
    "grid.zones_unreadable": (
        "cannot be read as a vector layer: {problem}",
        "无法作为矢量图层读取：{problem}",
    ),
    "grid.hint_zones_unreadable": (
        "give a GeoPackage, GeoJSON or Shapefile (with its .shx, .dbf and .prj files)",
        "请提供 GeoPackage、GeoJSON 或 Shapefile（含 .shx、.dbf、.prj 文件）",
    ),
    "grid.zone_field_missing": (
        "no field {field!r}{suggestion}; the fields are: {columns}",
        "没有字段 {field!r}{suggestion}；现有字段：{columns}",
    ),
    "grid.hint_zone_field": (
        "name the field that holds the region code with zone_field= (--zone-field)",
        "请用 zone_field=（--zone-field）指定存放区域代码的字段",
    ),
    "grid.zone_code_blank": (
        "{n} feature(s) have no {field} (features {rows})",
        "{n} 个要素没有 {field}（要素 {rows}）",
    ),
    "grid.hint_zone_code_blank": ("give every zone a region code", "请为每个分区填写区域代码"),
    "grid.zone_code_duplicate": (
        "{n} {field} code(s) are used by more than one feature: {codes}",
        "{n} 个 {field} 代码被多个要素使用：{codes}",
    ),
    "grid.hint_zone_code_duplicate": (
        "give each zone one feature (e.g. `gdf.dissolve(by='{field}')` for multi-part regions) "
        "or fix the codes",
        "请使每个分区只有一个要素（多部件区域可用 `gdf.dissolve(by='{field}')` 合并），或修正代码",
    ),
    "grid.zone_geometry_type": (
        "{n} feature(s) have no polygon geometry (features {rows})",
        "{n} 个要素不是面要素或几何为空（要素 {rows}）",
    ),
    "grid.hint_zone_geometry_type": (
        "zones must be polygons or multipolygons",
        "分区必须是面或多面要素",
    ),
    "grid.zone_geometry_invalid": (
        "{n} feature(s) have invalid geometries (features {rows}; first: {reason})",
        "{n} 个要素几何无效（要素 {rows}；第一个：{reason}）",
    ),
    "grid.hint_zone_geometry_invalid": (
        "repair them (e.g. `gdf.geometry = gdf.make_valid()`) and check the result",
        "请修复几何（如 `gdf.geometry = gdf.make_valid()`）并检查结果",
    ),
    "grid.no_intersection": (
        "no zone intersects the raster (zones {zones_bounds}, raster {raster_bounds}, "
        "in the raster's CRS)",
        "没有分区与栅格相交（分区范围 {zones_bounds}，栅格范围 {raster_bounds}，均为栅格坐标系）",
    ),
    "grid.hint_no_intersection": (
        "check that zones and raster cover the same area and that both CRSs are declared correctly",
        "请检查分区与栅格是否覆盖同一区域，以及两者的坐标系是否声明正确",
    ),
    "grid.no_pixels_in_zones": (
        "no valid pixel lies in any zone",
        "所有分区内都没有有效像元",
    ),
    "grid.zones_overlap": (
        "{n} pair(s) of zones share pixels, which would be counted twice: {pairs}",
        "{n} 对分区有共同像元，会被重复计算：{pairs}",
    ),
    "grid.zones_overlap_area": (
        "{n} pair(s) of zones overlap, so boundary pixels would be counted twice: {pairs}",
        "{n} 对分区相互重叠，边界像元会被重复计算：{pairs}",
    ),
    "grid.hint_zones_overlap": (
        "fix the boundaries, or pass overlap='first' (--overlap first) to give each shared pixel "
        "to the first zone in file order",
        "请修正边界，或传入 overlap='first'（--overlap first），将共同像元归入文件顺序中的第一个分区",
    ),
    "grid.bad_overlap": (
        "overlap must be 'error' or 'first', not {value!r}",
        "overlap 应为 'error' 或 'first'，而不是 {value!r}",
    ),
    "grid.hint_overlap": (
        "overlap='first' gives a shared pixel to the first zone",
        "overlap='first' 将共同像元归入第一个分区",
    ),
    "grid.zone_grid_mismatch": (
        "the zone raster is not on the land-cover raster's grid ({grid_a} vs {grid_b})",
        "分区栅格与土地覆盖栅格不在同一网格（{grid_a} 对 {grid_b}）",
    ),
    "grid.hint_zone_grid": (
        "rasterize the zones onto the land-cover grid, or give them as a vector layer",
        "请将分区栅格化到土地覆盖栅格的网格上，或改用矢量图层",
    ),
    "grid.zone_raster_empty": (
        "the zone raster holds only nodata",
        "分区栅格只有 nodata 值",
    ),
    # Dask
    "grid.no_chunks": ("the raster has no pixels", "栅格没有像元"),
    "grid.bad_scheduler": (
        "unknown scheduler {value}",
        "未知的调度器 {value}",
    ),
    "grid.hint_scheduler": (
        "use 'threads', 'processes', 'synchronous', a dask.distributed.Client or an address "
        "'tcp://host:8786'",
        "请使用 'threads'、'processes'、'synchronous'、dask.distributed.Client 或地址 'tcp://主机:8786'",
    ),
    "grid.no_scheduler": (
        "cannot connect to the Dask scheduler at {address}: {problem}",
        "无法连接 {address} 的 Dask 调度器：{problem}",
    ),
    # warnings
    "grid.warn_nodata": (
        "{file} ({year}): {n} nodata pixel(s) are counted but not valued",
        "{file}（{year}）：{n} 个无数据像元已计数但未估值",
    ),
    "grid.warn_unmapped": (
        "{file} ({year}): codes not in the crosswalk are counted but not valued: {codes}",
        "{file}（{year}）：对照表中没有的编码已计数但未估值：{codes}",
    ),
    "grid.warn_empty_zones": (
        "{n} zone(s) hold no valid pixel and have no rows: {codes}",
        "{n} 个分区没有有效像元，因而没有数据行：{codes}",
    ),
    "grid.warn_unvalued": (
        "classes without factors in {profile} are nodata in the map: {classes}",
        "{profile} 中没有当量因子的地类在地图中为 nodata：{classes}",
    ),
    # ESV map
    "grid.bad_service": ("no service {service!r}{suggestion}", "没有服务 {service!r}{suggestion}"),
    "grid.hint_service": (
        "service=None (total), 'all' (one band per service) or one of: {services}",
        "service=None（合计）、'all'（每项服务一个波段）或以下之一：{services}",
    ),
    "grid.bad_map_suffix": (
        "the map {file} must end in .tif, .tiff or .zarr",
        "地图文件 {file} 的扩展名应为 .tif、.tiff 或 .zarr",
    ),
    "grid.hint_map_suffix": (
        "e.g. -o esv_2020.tif or -o esv_2020.zarr",
        "例如 -o esv_2020.tif 或 -o esv_2020.zarr",
    ),
    # the geep grid verb
    "grid.cli_help": (
        "rasters to tables and maps (needs geep[grid])",
        "栅格到表格和地图（需要 geep[grid]）",
    ),
    "grid.cli_description": (
        "Land-cover rasters to land_cover tables, change matrices and per-pixel ESV maps, on Dask.",
        "在 Dask 上将土地覆盖栅格转换为 land_cover 表、变化矩阵和逐像元 ESV 地图。",
    ),
    "grid.cli_areas_help": (
        "class areas per zone (the land_cover table)",
        "各分区地类面积（land_cover 表）",
    ),
    "grid.cli_transitions_help": (
        "change matrix per zone between two rasters",
        "两期栅格间各分区的变化矩阵",
    ),
    "grid.cli_esvmap_help": (
        "per-pixel ESV map (CNY per pixel per year)",
        "逐像元 ESV 地图（元/像元/年）",
    ),
    "grid.cli_missing_extra": (
        "geep grid needs the grid extra ({package} is not installed)",
        "geep grid 需要 grid 扩展（未安装 {package}）",
    ),
    "grid.cli_hint_extra": ('pip install "geep[grid]"', '请运行 pip install "geep[grid]"'),
    "grid.cli_bad_years": (
        "--years must look like 2000-2022 or 2000,2005,2010, not {value!r}",
        "--years 应形如 2000-2022 或 2000,2005,2010，而不是 {value!r}",
    ),
    "grid.cli_years_and_year": (
        "give --year or --years, not both",
        "--year 与 --years 只能给出一个",
    ),
    "grid.cli_bad_class_map": (
        "--class-map must look like 1=farmland.paddy,2=forest.broadleaf, not {value!r}",
        "--class-map 应形如 1=farmland.paddy,2=forest.broadleaf，而不是 {value!r}",
    ),
    "grid.cli_bad_output": (
        "the output {file} must end in .csv or .xlsx",
        "输出文件 {file} 的扩展名应为 .csv 或 .xlsx",
    ),
    "grid.cli_same_output": (
        "the output {file} would overwrite an input",
        "输出文件 {file} 会覆盖输入文件",
    ),
    "grid.cli_wrote": ("wrote {file} ({rows} rows)", "已写出 {file}（{rows} 行）"),
    "grid.cli_wrote_map": ("wrote {file}", "已写出 {file}"),
    "grid.cli_progress": ("geep grid {action}", "geep grid {action}"),
    # options of the geep grid verb
    "grid.opt_raster": (
        "land-cover raster (GeoTIFF/COG, /vsicurl/…, /vsis3/…); with --years a pattern with {{year}}",
        "土地覆盖栅格（GeoTIFF/COG、/vsicurl/…、/vsis3/…）；配合 --years 时为含 {{year}} 的路径模式",
    ),
    "grid.opt_raster_from": ("raster of the first year", "第一期栅格"),
    "grid.opt_raster_to": ("raster of the second year", "第二期栅格"),
    "grid.opt_zones": (
        "zones: GeoPackage, GeoJSON, Shapefile or a zone raster",
        "分区：GeoPackage、GeoJSON、Shapefile 或分区栅格",
    ),
    "grid.opt_zone_field": (
        "field of the zones holding the region code (default region_code)",
        "分区中存放区域代码的字段（默认 region_code）",
    ),
    "grid.opt_overlap": (
        "overlapping zones: error (default) or first (first zone wins)",
        "分区重叠时：error（默认，报错）或 first（归第一个分区）",
    ),
    "grid.opt_classes": (
        "crosswalk of raster codes: clcd (default), cnlucc or a table id",
        "栅格编码对照表：clcd（默认）、cnlucc 或对照表编号",
    ),
    "grid.opt_class_map": (
        "override codes, e.g. 1=farmland.paddy,2=forest.broadleaf",
        "覆盖编码映射，例如 1=farmland.paddy,2=forest.broadleaf",
    ),
    "grid.opt_nodata": (
        "nodata value if the raster declares none ('none': every pixel is a class)",
        "栅格未声明时的 nodata 值（'none'：每个像元都是地类）",
    ),
    "grid.opt_chunks": (
        "chunk size in pixels (results do not depend on it)",
        "分块大小（像元；结果与之无关）",
    ),
    "grid.opt_scheduler": (
        "threads (default), processes, synchronous or tcp://host:8786",
        "threads（默认）、processes、synchronous 或 tcp://主机:8786",
    ),
    "grid.opt_out_table": (
        "output table (.csv with a .coverage.json beside it, or .xlsx)",
        "输出表格（.csv，旁附 .coverage.json；或 .xlsx）",
    ),
    "grid.opt_out_map": ("output map (.tif or .zarr)", "输出地图（.tif 或 .zarr）"),
    "grid.opt_year": (
        "year of the raster (default: the year in its file name)",
        "栅格年份（默认取文件名中的年份）",
    ),
    "grid.opt_years": (
        "years for a {{year}} pattern, e.g. 2000-2022 or 2000,2010,2020 (one graph)",
        "{{year}} 路径模式的年份，例如 2000-2022 或 2000,2010,2020（同一计算图）",
    ),
    "grid.opt_years_pair": (
        "the two years, e.g. 2000,2020 (default: from the file names)",
        "两个年份，例如 2000,2020（默认取文件名中的年份）",
    ),
    "grid.opt_method": (
        "centroid (default) or exact (coverage fractions, needs exactextract)",
        "centroid（默认，像元中心）或 exact（覆盖比例，需要 exactextract）",
    ),
    "grid.opt_align": (
        "different grids: error (default) or nearest (read B onto A's grid)",
        "网格不同时：error（默认）或 nearest（将 B 按最近邻读到 A 的网格）",
    ),
    "grid.opt_profile": ("ESV profile (default xie-2015)", "ESV 参数方案（默认 xie-2015）"),
    "grid.opt_price_year": ("report price year", "报告价格年份"),
    "grid.opt_service": (
        "one service, or all (one band per service); default: the total",
        "单项服务，或 all（每项服务一个波段）；默认：合计",
    ),
    "grid.not_conserved": (
        "class counts of {label} do not add up to its {total} pixels (a defect in geep: please "
        "report it with the raster)",
        "{label} 的地类像元计数之和不等于其像元总数 {total}（geep 的缺陷：请附上栅格报告）",
    ),
    "grid.not_conserved_transitions": (
        "transition counts of {label} do not add up to its {total} pixels (a defect in geep: "
        "please report it with the rasters)",
        "{label} 的转移像元计数之和不等于其像元总数 {total}（geep 的缺陷：请附上栅格报告）",
    ),
    "grid.opt_cog": ("write a Cloud-Optimised GeoTIFF", "写出云优化 GeoTIFF（COG）"),
}

from ._grid_labels import LABELS as _LABELS  # noqa: E402

MESSAGES.update(_LABELS)
