"""``geep validate IN.xlsx``: every problem of an input file, with ``sheet!cell``; exit 1 if any
error."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..messages import msg
from ._output import emit_frame, say


def count(text: str) -> int:
    """An argparse type: a whole number of at least 1 (``2e7`` allowed; not inf/nan/abc)."""
    from ..io.preflight import LimitError, parse_limit

    try:
        return parse_limit(text, "N")
    except LimitError as exc:
        raise argparse.ArgumentTypeError(msg("cli.bad_int", value=text, minimum=1)) from exc


def fraction(text: str) -> float:
    """An argparse type: a finite number of at least 0 (``nan`` and ``inf`` refused)."""
    import math

    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not math.isfinite(value) or value < 0:
        raise argparse.ArgumentTypeError(msg("cli.bad_fraction", value=text))
    return value


def add_limits(p: argparse.ArgumentParser) -> None:
    """Options shared by the verbs that read input files."""
    p.add_argument("--table", help="read only this table (for a CSV: the table it holds)")
    p.add_argument("--decimal", choices=(".", ","), default=None,
                   help="the decimal separator of numbers typed as text (a semicolon-separated "
                   "CSV may use a decimal comma)")  # fmt: skip
    p.add_argument(
        "--area-tolerance",
        type=fraction,
        default=0.005,
        metavar="F",
        help="land-cover total allowed over the region area [fraction] (default 0.005)",
    )
    p.add_argument(
        "--max-cells", type=count, help="refuse workbooks with more cells (GEEP_MAX_CELLS)"
    )
    p.add_argument(
        "--max-uncompressed-bytes",
        type=count,
        metavar="N",
        help="refuse workbooks that unpack to more bytes (GEEP_MAX_UNCOMPRESSED_BYTES)",
    )


def read_kwargs(args: argparse.Namespace) -> dict:
    return {
        "table": args.table,
        "decimal": getattr(args, "decimal", None),
        "area_tolerance": args.area_tolerance,
        "max_cells": args.max_cells,
        "max_uncompressed_bytes": args.max_uncompressed_bytes,
    }


def add_parser(sub) -> None:
    p = sub.add_parser(
        "validate",
        epilog="examples:\n  geep validate inputs.xlsx\n  geep validate county-*.xlsx --errors-only --format csv > problems.csv",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        help="every problem of an input workbook or CSV, with sheet!cell",
        description="Read and validate input files; print every error, warning and note with "
        "its cell. Exit code 1 if there is any error.",
    )
    p.add_argument("inputs", nargs="+", type=Path, metavar="IN", help=".xlsx, .xlsm or .csv")
    p.add_argument("--format", choices=("text", "table", "csv", "json"), default="text")
    p.add_argument("--errors-only", action="store_true", help="leave out warnings and notes")
    p.add_argument(
        "--require",
        action="append",
        default=[],
        metavar="TABLE",
        help="table that must be present, e.g. land_cover (repeatable)",
    )
    add_limits(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..inputs.report import Report
    from ..inputs.spec import TABLES
    from ..io.read import validate
    from . import UsageError

    unknown = [t for t in args.require if t not in TABLES]
    if unknown:
        raise UsageError(f"--require {unknown[0]}: not an input table", hint=", ".join(TABLES))
    report = validate(args.inputs, require=args.require, **read_kwargs(args))
    shown = Report(report.errors if args.errors_only else report.issues, report.sources)
    if args.format == "text":
        for name, desc in report.sources.items():
            say(args, f"{name}: {desc}")
        print(str(shown) if shown.issues else msg("report.none"))
    else:
        emit_frame(shown.to_frame(), args.format, title="geep validate")
    if not report.ok:
        print(msg("report.fix", errors=len(report.errors)), file=sys.stderr)
        return 1
    return 0
