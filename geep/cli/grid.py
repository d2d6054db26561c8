"""``geep grid areas | transitions | esv-map``: land-cover rasters to tables and maps on Dask.

A thin shell over :mod:`geep.grid`; rasterio and dask are imported only when the verb runs,
so ``geep --help`` stays fast without the grid extra. Progress comes from Dask (a local
scheduler callback, or distributed futures) through a rich progress bar, off with ``-q``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from ..messages import label, msg, text

EPILOG = """
  geep grid areas CLCD_v01_2020_albert.tif --zones counties.gpkg --zone-field code -o areas.csv
  geep grid areas CLCD_v01_{year}_albert.tif --years 2000-2022 --zones counties.gpkg -o areas.xlsx
  geep grid areas lc.tif --zones counties.gpkg --class-map 1=farmland.paddy --scheduler tcp://scheduler:8786 -o a.csv
  geep grid transitions CLCD_v01_2000_albert.tif CLCD_v01_2020_albert.tif --zones counties.gpkg -o change.csv
  geep grid esv-map CLCD_v01_2020_albert.tif -o esv_2020.tif --price-year 2020
"""


def _common(p: argparse.ArgumentParser, zones: bool = True) -> None:
    from ._output import add_force

    add_force(p)
    if zones:
        p.add_argument("--zones", required=True, metavar="Z", help=msg("grid.opt_zones"))
        p.add_argument(
            "--zone-field", default="region_code", metavar="F", help=msg("grid.opt_zone_field")
        )
        p.add_argument(
            "--overlap", choices=("error", "first"), default="error", help=msg("grid.opt_overlap")
        )
    p.add_argument("--classes", default="clcd", metavar="TABLE", help=msg("grid.opt_classes"))
    p.add_argument("--class-map", metavar="CODE=CLASS,...", help=msg("grid.opt_class_map"))
    p.add_argument("--nodata", metavar="N|none", help=msg("grid.opt_nodata"))
    p.add_argument("--chunks", type=int, metavar="PX", help=msg("grid.opt_chunks"))
    p.add_argument("--scheduler", metavar="S", help=msg("grid.opt_scheduler"))


def add_parser(sub) -> None:
    p = sub.add_parser(
        "grid",
        help=msg("grid.cli_help"),
        description=msg("grid.cli_description"),
        epilog=msg("help.examples") + EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    s = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    a = s.add_parser(
        "areas",
        help=msg("grid.cli_areas_help"),
        epilog=msg("help.examples") + EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    a.add_argument("raster", metavar="RASTER", help=msg("grid.opt_raster"))
    a.add_argument(
        "-o", "--out", type=Path, required=True, metavar="OUT", help=msg("grid.opt_out_table")
    )
    a.add_argument("--year", type=int, help=msg("grid.opt_year"))
    a.add_argument("--years", metavar="Y0-Y1", help=msg("grid.opt_years"))
    a.add_argument(
        "--method", choices=("centroid", "exact"), default="centroid", help=msg("grid.opt_method")
    )
    _common(a)
    t = s.add_parser(
        "transitions",
        help=msg("grid.cli_transitions_help"),
        epilog=msg("help.examples") + EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    t.add_argument("raster_from", metavar="A", help=msg("grid.opt_raster_from"))
    t.add_argument("raster_to", metavar="B", help=msg("grid.opt_raster_to"))
    t.add_argument(
        "-o", "--out", type=Path, required=True, metavar="OUT", help=msg("grid.opt_out_table")
    )
    t.add_argument("--years", metavar="Y0,Y1", help=msg("grid.opt_years_pair"))
    t.add_argument(
        "--align", choices=("error", "nearest"), default="error", help=msg("grid.opt_align")
    )
    _common(t)
    m = s.add_parser(
        "esv-map",
        help=msg("grid.cli_esvmap_help"),
        epilog=msg("help.examples") + EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    m.add_argument("raster", metavar="RASTER", help=msg("grid.opt_raster"))
    m.add_argument(
        "-o", "--out", type=Path, required=True, metavar="OUT", help=msg("grid.opt_out_map")
    )
    m.add_argument("--profile", default="xie-2015", help=msg("grid.opt_profile"))
    m.add_argument("--price-year", type=int, help=msg("grid.opt_price_year"))
    m.add_argument("--service", help=msg("grid.opt_service"))
    m.add_argument("--year", type=int, help=msg("grid.opt_year"))
    m.add_argument("--cog", action="store_true", help=msg("grid.opt_cog"))
    _common(m, zones=False)
    p.set_defaults(func=run)


def parse_years(value: str) -> list[int]:
    """``2000-2022`` → every year; ``2000,2005,2010`` → those years."""
    from . import UsageError

    v = value.strip()
    m = re.fullmatch(r"(\d{4})\s*-\s*(\d{4})", v)
    if m and int(m.group(1)) <= int(m.group(2)):
        return list(range(int(m.group(1)), int(m.group(2)) + 1))
    if re.fullmatch(r"\d{4}(\s*,\s*\d{4})*", v):
        return [int(x) for x in v.split(",")]
    raise UsageError(text("grid.cli_bad_years", value=value))


def parse_class_map(value: str | None) -> dict[int, str] | None:
    """``1=farmland.paddy,2=forest.broadleaf`` → ``{1: "farmland.paddy", 2: "forest.broadleaf"}``."""
    from . import UsageError

    if not value:
        return None
    out = {}
    for part in value.split(","):
        code, sep, cls = part.partition("=")
        if not sep or not code.strip().lstrip("-").isdigit() or not cls.strip():
            raise UsageError(text("grid.cli_bad_class_map", value=value))
        out[int(code)] = cls.strip()
    return out


def _nodata(value: str | None):
    if value is None or value.lower() == "none":
        return None if value is None else "none"
    return value


def _progress(args):
    """A rich progress bar fed by Dask (``progress(done, total)``), or ``None`` with ``-q``."""
    if args.quiet:
        return None, None
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    bar = Progress(
        TextColumn("[bold]" + msg("grid.cli_progress", action=args.action)),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=False,
    )
    task = bar.add_task("", total=None)

    def update(done: int, total: int) -> None:
        bar.update(task, completed=done, total=total)

    return bar, update


def _write_table(df, out: Path, sheet: str) -> None:
    """The area table as CSV (+ ``.coverage.json``) or a workbook with a coverage sheet — both
    through geep's writers (neutralised text, atomic, reproducible)."""
    import pandas as pd

    from ..io.atomic import atomic_write_bytes
    from ..io.safety import neutralise_frame
    from ..io.writer import Book, headers_for
    from ..messages import language
    from . import UsageError

    cov = df.attrs.get("coverage", {})
    suffix = out.suffix.lower()
    if suffix == ".csv":
        data = neutralise_frame(df).to_csv(index=False, lineterminator="\n").encode("utf-8")
        atomic_write_bytes(out, data)
        side = out.with_name(out.name + ".coverage.json")
        atomic_write_bytes(
            side, json.dumps(cov, ensure_ascii=False, indent=1, default=str).encode("utf-8")
        )
    elif suffix == ".xlsx":
        lang = language()
        book = Book(lang)
        table = df.reset_index(drop=True)
        first, second = headers_for(table.columns, lang, "grid.col")
        if lang == "zh" and sheet == "transitions":  # (land_cover: the sheet geep run reads)
            sheet = msg("grid.sheet_transitions")
        book.table(book.sheet(sheet), table, headers=first, second=second)
        flat = {k: json.dumps(v, ensure_ascii=False, default=str)
                if isinstance(v, dict | list | tuple) else v for k, v in cov.items()}  # fmt: skip
        record = pd.DataFrame({"key": list(flat), "value": list(flat.values())})
        if lang == "zh":  # the keys' names beside them, the coded values by their names
            record.insert(1, "key_label", [label("grid.cov", k) for k in record["key"]])
            record["value"] = [_coverage_value(k, v) for k, v in flat.items()]
        first = [msg(f"grid.col.{c}") for c in record.columns] if lang == "zh" else None
        book.table(book.sheet(msg("grid.sheet_coverage") if lang == "zh" else "coverage"), record,
                   headers=first, second=list(record.columns) if first else None,
                   max_width=100)  # fmt: skip
        book.save(out)
    else:
        raise UsageError(text("grid.cli_bad_output", file=str(out)))


def _coverage_value(key: str, value: object) -> object:
    """A coverage value for a Chinese reader (codes of methods, year sources, statuses)."""
    kinds = {"method": "grid.method", "year_from": "grid.year_from", "crosswalk_status": "status"}
    if key in kinds and isinstance(value, str):
        return label(kinds[key], value)
    return value


def _check_out(args, inputs: list[str]) -> None:
    """Refuse, before any work, an output that is an input, an existing folder, or an existing
    file geep did not write (unless ``--force``); every write of the command is then checked
    the same way."""
    from ..io.atomic import guard_output

    paths = [Path(i) for i in inputs if i and "{year}" not in str(i)]
    guard_output(args.out, inputs=paths, force=args.force)


def run(args: argparse.Namespace) -> int:
    from ..errors import GeepError

    try:
        import dask  # noqa: F401
        import geopandas  # noqa: F401
        import rasterio  # noqa: F401
    except ModuleNotFoundError as exc:
        raise GeepError(
            text("grid.cli_missing_extra", package=exc.name), hint=text("grid.cli_hint_extra")
        ) from None
    bar, update = _progress(args)
    common = dict(
        classes=args.classes,
        class_map=parse_class_map(args.class_map),
        nodata=_nodata(args.nodata),
        chunks=args.chunks,
        scheduler=args.scheduler,
        progress=update,
    )
    from ..io.atomic import output_policy

    action = {"areas": _areas, "transitions": _transitions, "esv-map": _esv_map}[args.action]
    inputs = [getattr(args, a, None) for a in ("raster", "raster_from", "raster_to", "zones")]
    inputs = [Path(i) for i in inputs if i and "{year}" not in str(i)]
    with output_policy(inputs, force=args.force), bar if bar is not None else _null():
        df = action(args, common)
    if df is None:
        _say(args, msg("grid.cli_wrote_map", file=str(args.out)))
        return 0
    _say(args, msg("grid.cli_wrote", file=str(args.out), rows=len(df)))
    cov = df.attrs["coverage"]
    unmapped = cov.get("unmapped_pixels", sum(cov.get("unmapped", {}).values()))
    _say(
        args,
        msg(
            "grid.cli_coverage",
            valid=cov["valid_pixels"],
            nodata=cov["nodata_pixels"],
            outside=cov["outside_zones_pixels"],
            unmapped=unmapped,
            method=label("grid.method", cov["method"]),
        ),
    )
    if not args.quiet:  # -q: errors only (the warnings stay in the coverage record)
        for w in df.attrs.get("warnings", []):
            print(w, file=sys.stderr)
    return 0


def _areas(args, common: dict):
    from .. import grid

    _check_out(args, [args.raster, args.zones])
    year = _areas_year(args)
    df = grid.class_areas(
        args.raster,
        args.zones,
        zone_field=args.zone_field,
        year=year,
        method=args.method,
        overlap=args.overlap,
        **common,
    )
    _write_table(df, args.out, "land_cover")
    return df


def _transitions(args, common: dict):
    from .. import grid

    _check_out(args, [args.raster_from, args.raster_to, args.zones])
    years = tuple(parse_years(args.years)) if args.years else None
    if years is not None and len(years) != 2:
        from . import UsageError

        raise UsageError(text("grid.cli_bad_years", value=args.years))
    df = grid.transitions(
        args.raster_from,
        args.raster_to,
        args.zones,
        zone_field=args.zone_field,
        years=years,
        overlap=args.overlap,
        align=args.align,
        **common,
    )
    _write_table(df, args.out, "transitions")
    return df


def _esv_map(args, common: dict) -> None:
    from .. import grid

    _check_out(args, [args.raster])
    grid.esv_map(
        args.raster,
        args.out,
        profile=args.profile,
        price_year=args.price_year,
        service=args.service,
        year=args.year,
        cog=args.cog,
        **common,
    )


def _areas_year(args):
    from . import UsageError

    if args.year is not None and args.years:
        raise UsageError(text("grid.cli_years_and_year"))
    return parse_years(args.years) if args.years else args.year


def _say(args, line: str) -> None:
    if not args.quiet:
        print(line)


class _null:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False
