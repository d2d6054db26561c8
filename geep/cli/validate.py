"""``geep validate IN.xlsx``: every problem of an input file, with ``sheet!cell``; exit 1 if any
error."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..messages import msg
from ._output import add_force, emit_frame, say


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
    p.add_argument("--table", help=msg("help.validate.arg.table"))
    p.add_argument("--decimal", choices=(".", ","), default=None,
                   help=msg("help.validate.arg.decimal"))  # fmt: skip
    p.add_argument(
        "--area-tolerance",
        type=fraction,
        default=0.005,
        metavar="F",
        help=msg("help.validate.arg.area_tolerance"),
    )
    p.add_argument("--max-cells", type=count, help=msg("help.validate.arg.max_cells"))
    p.add_argument(
        "--max-uncompressed-bytes",
        type=count,
        metavar="N",
        help=msg("help.validate.arg.max_uncompressed_bytes"),
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
        epilog=msg("help.validate.epilog"),
        formatter_class=argparse.RawDescriptionHelpFormatter,
        help=msg("help.validate.help"),
        description=msg("help.validate.description"),
    )
    p.add_argument(
        "inputs", nargs="+", type=Path, metavar="IN", help=msg("help.validate.arg.inputs")
    )
    p.add_argument("--format", choices=("text", "table", "csv", "json"), default="text",
                   help=msg("help.validate.arg.format"))  # fmt: skip
    p.add_argument("--errors-only", action="store_true", help=msg("help.validate.arg.errors_only"))
    p.add_argument(
        "--require",
        action="append",
        default=[],
        metavar="TABLE",
        help=msg("help.validate.arg.require"),
    )
    p.add_argument("-o", "--out", type=Path, metavar="FILE.csv", help=msg("help.validate.arg.out"))
    add_force(p)
    add_limits(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..inputs.report import Report
    from ..inputs.spec import TABLES
    from ..io.read import validate
    from . import UsageError

    if args.out is not None and args.out.suffix.lower() != ".csv":
        raise UsageError(msg("validate.out_not_csv", file=str(args.out)), hint="-o FILE.csv")
    if args.out is not None:
        args.format = "csv"
    unknown = [t for t in args.require if t not in TABLES]
    if unknown:
        raise UsageError(msg("validate.not_table", table=unknown[0]), hint=", ".join(TABLES))
    report = validate(args.inputs, require=args.require, **read_kwargs(args))
    shown = Report(report.errors if args.errors_only else report.issues, report.sources)
    if args.format == "text":
        for name, desc in report.sources.items():
            say(args, f"{name}: {desc}")
        print(str(shown) if shown.issues else msg("report.none"))
    elif args.format == "csv":
        _emit_csv(args, shown)
    else:
        emit_frame(shown.to_frame(), args.format, title="geep validate")
    if not report.ok:
        print(msg("report.fix", errors=len(report.errors)), file=sys.stderr)
        return 1
    return 0


def _emit_csv(args: argparse.Namespace, shown) -> None:
    """The report as CSV for people: to ``-o FILE.csv``, else stdout (with the BOM when
    stdout is a file or pipe, so ``> problems.csv`` opens in Excel too)."""
    from ._problems import BOM, csv_text, problems_frame, write_csv

    frame = problems_frame(shown.to_frame())
    if args.out is not None:
        write_csv(args.out, frame, list(args.inputs), args.force)
        say(args, msg("validate.wrote", file=str(args.out), rows=len(frame)))
        return
    out = csv_text(frame)
    sys.stdout.write(out if sys.stdout.isatty() else BOM + out)
