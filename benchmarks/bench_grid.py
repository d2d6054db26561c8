"""Benchmark: geep.grid on synthetic CLCD-like rasters (uint8, 30 m, tiled DEFLATE GeoTIFF).

Prints, each run in a fresh process (so that peak RSS belongs to that run alone):

1. ``class_areas`` on a 10⁸-pixel raster (10,000²) with 4 and 120 Voronoi zones, against a bare
   pass in the same run — rasterio windowed reads + ``rasterio.features.rasterize`` of the same
   zones + ``np.bincount(zone·K + class)`` in one thread — seconds, pixels/s, ratio, peak RSS;
2. the same on 4× the pixels (20,000²) — the peak RSS must not grow (memory bounded by chunks);
3. ``geep grid areas PATTERN --years …`` on 2×10⁸ pixels × 5 years in one graph, with threads and
   with a 2-worker LocalCluster reached over tcp:// — pixels/s, and the extrapolation to China
   (1.07×10¹⁰ land pixels) × 38 years on N workers;
4. ``esv_map`` of the 10⁸-pixel raster (pixels/s, peak RSS).

Usage: python benchmarks/bench_grid.py [--side 10000] [--big-side 20000] [--province-side 14142]
       [--years 5] [--dir DIR] [--skip-big] [--skip-years] [--skip-map]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

#: China's land pixels per year at 30 m, and CLCD years 1985–2022
CHINA_PIXELS, CLCD_YEARS = 1.07e10, 38
WINDOW = 2048


def write_raster(path: Path, side: int, seed: int) -> None:
    """A CLCD-like uint8 raster written window by window (patchy classes, 1 % nodata)."""
    import rasterio
    from rasterio.transform import from_origin
    from rasterio.windows import Window

    profile = dict(
        driver="GTiff", height=side, width=side, count=1, dtype="uint8", nodata=0,
        crs="+proj=aea +lat_1=25 +lat_2=47 +lat_0=0 +lon_0=105 +x_0=0 +y_0=0 +datum=WGS84 +units=m",
        transform=from_origin(0, 4_000_000, 30, 30), tiled=True, blockxsize=512, blockysize=512,
        compress="DEFLATE", zlevel=1, BIGTIFF="IF_SAFER",
    )  # fmt: skip
    rng = np.random.default_rng(seed)
    patch = rng.integers(1, 10, size=(side // 40 + 2, side // 40 + 2), dtype=np.uint8)
    with rasterio.open(path, "w", **profile) as ds:
        for r in range(0, side, WINDOW):
            for c in range(0, side, WINDOW):
                h, w = min(WINDOW, side - r), min(WINDOW, side - c)
                rr = (np.arange(r, r + h) // 40)[:, None]
                cc = (np.arange(c, c + w) // 40)[None, :]
                block = patch[rr, cc].copy()
                noise = rng.random((h, w))
                block[noise < 0.15] = rng.integers(1, 10, (noise < 0.15).sum(), dtype=np.uint8)
                block[noise > 0.99] = 0
                ds.write(block, 1, window=Window(c, r, w, h))


def write_zones(path: Path, side: int, n: int, seed: int) -> None:
    """``n`` Voronoi zones covering the raster (irregular, shared edges, no overlaps)."""
    import geopandas as gpd
    import shapely

    rng = np.random.default_rng(seed)
    extent = shapely.box(0, 4_000_000 - side * 30, side * 30, 4_000_000)
    pts = shapely.multipoints(
        np.column_stack(
            [rng.uniform(0, side * 30, n), rng.uniform(4_000_000 - side * 30, 4_000_000, n)]
        )
    )
    cells = shapely.get_parts(shapely.voronoi_polygons(pts, extend_to=extent))
    cells = shapely.intersection(cells, extent)
    codes = [f"{140100 + i:06d}" for i in range(len(cells))]
    gpd.GeoDataFrame({"region_code": codes}, geometry=cells, crs=profile_crs()).to_file(path)


def profile_crs() -> str:
    return "+proj=aea +lat_1=25 +lat_2=47 +lat_0=0 +lon_0=105 +x_0=0 +y_0=0 +datum=WGS84 +units=m"


# --- measured runs (each in its own process) ------------------------------------------------
def child_baseline(raster: str, zones: str) -> dict:
    """Bare pass: windowed reads + rasterize + np.bincount, one thread."""
    import geopandas as gpd
    import rasterio
    from rasterio import features
    from rasterio.windows import Window
    from rasterio.windows import transform as wtransform

    warm()
    t = time.perf_counter()
    z = gpd.read_file(zones)
    shapes = list(zip(z.geometry, range(1, len(z) + 1), strict=True))
    k = 256
    counts = np.zeros((len(z) + 1) * k, dtype=np.int64)
    with rasterio.open(raster) as ds:
        for r in range(0, ds.height, WINDOW):
            for c in range(0, ds.width, WINDOW):
                win = Window(c, r, min(WINDOW, ds.width - c), min(WINDOW, ds.height - r))
                v = ds.read(1, window=win)
                zid = features.rasterize(
                    shapes,
                    out_shape=v.shape,
                    transform=wtransform(win, ds.transform),
                    fill=0,
                    dtype="uint8" if len(z) < 255 else "uint16",
                )
                counts += np.bincount((zid.astype(np.int32) * k + v).ravel(), minlength=counts.size)
        n = ds.width * ds.height
    assert counts.sum() == n
    return {"seconds": time.perf_counter() - t, "pixels": n}


def warm() -> None:
    """Import what a grid run needs (timed runs exclude interpreter and import start-up)."""
    import dask.array  # noqa: F401
    import geopandas  # noqa: F401
    import pyogrio  # noqa: F401
    import pyproj  # noqa: F401
    import rasterio
    import rasterio.features  # noqa: F401

    import geep.grid.areas
    import geep.grid.esvmap  # noqa: F401


def child_areas(raster: str, zones: str, scheduler: str | None) -> dict:
    import warnings

    warnings.simplefilter("ignore")
    import geep.grid as grid

    warm()

    t = time.perf_counter()
    df = grid.class_areas(raster, zones, year=2020, scheduler=scheduler)
    cov = df.attrs["coverage"]
    assert int(df["pixels"].sum()) == cov["valid_pixels"]
    return {"seconds": time.perf_counter() - t, "pixels": cov["total_pixels"], "rows": len(df)}


def child_years(pattern: str, zones: str, years: str, cluster: bool) -> dict:
    """``geep grid areas PATTERN --years …`` through the CLI (threads, or a 2-worker
    LocalCluster reached at its tcp:// address)."""
    from geep.cli import main

    out = Path(tempfile.mkdtemp()) / "areas.csv"
    argv = ["-q", "grid", "areas", pattern, "--years", years, "--zones", zones, "-o", str(out)]
    if not cluster:
        warm()
        t = time.perf_counter()
        assert main(argv) == 0
        return {"seconds": time.perf_counter() - t}
    from distributed import Client, LocalCluster

    warm()
    with LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None) as lc:
        with Client(lc) as c:
            c.run(warm)  # workers import geep and rasterio before the clock starts
        t = time.perf_counter()
        assert main([*argv, "--scheduler", lc.scheduler_address]) == 0
        sec = time.perf_counter() - t
    return {"seconds": sec}


def child_map(raster: str, out: str) -> dict:
    import warnings

    warnings.simplefilter("ignore")
    import geep.grid as grid

    warm()
    t = time.perf_counter()
    grid.esv_map(raster, out, price_year=2020)
    return {"seconds": time.perf_counter() - t}


def child(spec: dict) -> None:
    fn = {"baseline": child_baseline, "areas": child_areas, "years": child_years, "map": child_map}[
        spec.pop("kind")
    ]
    res = fn(**spec)
    res["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    res["children_peak_rss_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print("RESULT " + json.dumps(res))


def measure(**spec) -> dict:
    p = subprocess.run(
        [sys.executable, __file__, "--child", json.dumps(spec)],
        capture_output=True,
        text=True,
        check=False,
    )
    for line in p.stdout.splitlines():
        if line.startswith("RESULT "):
            return json.loads(line[7:])
    raise RuntimeError(f"child {spec} failed:\n{p.stderr[-3000:]}")


def mpx(n: float, s: float) -> str:
    return f"{n / s / 1e6:8.1f} Mpx/s"


def bench_areas(d: Path, side: int, zones_n: tuple[int, ...]) -> dict:
    raster = d / f"lc_{side}.tif"
    if not raster.exists():
        t = time.perf_counter()
        write_raster(raster, side, seed=side)
        print(
            f"  (wrote {raster.name}: {side}² px, {raster.stat().st_size / 1e6:.0f} MB, {time.perf_counter() - t:.0f} s)"
        )
    peaks = {}
    for n in zones_n:
        zones = d / f"zones_{side}_{n}.gpkg"
        if not zones.exists():
            write_zones(zones, side, n, seed=n)
        base = measure(kind="baseline", raster=str(raster), zones=str(zones))
        geep_ = measure(kind="areas", raster=str(raster), zones=str(zones), scheduler=None)
        px = base["pixels"]
        print(f"  {px:.2e} px, {n:3d} zones | bare rasterio+bincount {base['seconds']:6.2f} s {mpx(px, base['seconds'])} "
              f"RSS {base['peak_rss_mb']:6.0f} MB | geep class_areas (threads) {geep_['seconds']:6.2f} s {mpx(px, geep_['seconds'])} "
              f"RSS {geep_['peak_rss_mb']:6.0f} MB | ratio {geep_['seconds'] / base['seconds']:.2f}")  # fmt: skip
        peaks[n] = geep_["peak_rss_mb"]
    return peaks


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--child")
    ap.add_argument("--side", type=int, default=10_000)
    ap.add_argument("--big-side", type=int, default=20_000)
    ap.add_argument("--province-side", type=int, default=14_142)
    ap.add_argument("--years", type=int, default=5)
    ap.add_argument("--dir", type=Path)
    ap.add_argument("--skip-big", action="store_true")
    ap.add_argument("--skip-years", action="store_true")
    ap.add_argument("--skip-map", action="store_true")
    a = ap.parse_args()
    if a.child:
        child(json.loads(a.child))
        return
    d = a.dir or Path(tempfile.mkdtemp(prefix="bench_grid_"))
    d.mkdir(parents=True, exist_ok=True)
    print(
        f"geep.grid benchmark — {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}, data in {d}"
    )
    print("1. class_areas vs a bare windowed read + rasterize + bincount (same zones, same run)")
    peak = bench_areas(d, a.side, (4, 120))
    if not a.skip_big:
        print(f"2. 4x the pixels ({a.big_side}²): peak RSS must not grow")
        peak_big = bench_areas(d, a.big_side, (120,))
        print(f"  peak RSS {peak[120]:.0f} MB at {a.side}² vs {peak_big[120]:.0f} MB at {a.big_side}² "
              f"(ratio {peak_big[120] / peak[120]:.2f})")  # fmt: skip
    if not a.skip_years:
        side, ny = a.province_side, a.years
        print(
            f"3. {side}² = {side * side / 1e8:.1f}e8 px x {ny} years via `geep grid areas --years` (one graph)"
        )
        years = list(range(2018, 2018 + ny))
        for y in years:
            p = d / f"prov_{y}.tif"
            if not p.exists():
                write_raster(p, side, seed=y)
        zones = d / f"zones_{side}_120.gpkg"
        if not zones.exists():
            write_zones(zones, side, 120, seed=120)
        total = side * side * ny
        for label, cluster in (("threads", False), ("2-worker LocalCluster (tcp://)", True)):
            r = measure(
                kind="years",
                pattern=str(d / "prov_{year}.tif"),
                zones=str(zones),
                years=f"{years[0]}-{years[-1]}",
                cluster=cluster,
            )
            rate = total / r["seconds"]
            rss = max(r["peak_rss_mb"], r["children_peak_rss_mb"])
            print(
                f"  {label:32s} {r['seconds']:7.1f} s {mpx(total, r['seconds'])}  peak RSS {rss:.0f} MB (process or worker)"
            )
            per_worker = rate / 2
        work = CHINA_PIXELS * CLCD_YEARS
        print(f"  China x {CLCD_YEARS} years = {work:.2e} px; at {per_worker / 1e6:.0f} Mpx/s per worker (the cluster rate / 2), "
              "assuming linear scaling and storage that keeps up:")  # fmt: skip
        for n in (2, 16, 64, 256):
            print(f"    {n:4d} workers: {work / (per_worker * n) / 3600:7.2f} h")
    if not a.skip_map:
        raster = d / f"lc_{a.side}.tif"
        r = measure(kind="map", raster=str(raster), out=str(d / "esv_map.tif"))
        px = a.side * a.side
        print(f"4. esv_map {px:.2e} px -> float32 tiled GeoTIFF: {r['seconds']:.1f} s {mpx(px, r['seconds'])} "
              f"peak RSS {r['peak_rss_mb']:.0f} MB")  # fmt: skip


if __name__ == "__main__":
    main()
