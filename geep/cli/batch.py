"""``geep batch DIR -o OUTDIR [--jobs N]``: every workbook of a folder, in parallel processes.

One ledger per input, a combined ledger and a summary workbook of each file's status and
errors; one bad file never stops the others; exit code 1 if any file failed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import UsageError
from ._output import say
from .run import add_method_options, parse_profiles


def add_parser(sub) -> None:
    p = sub.add_parser(
        "batch",
        epilog="examples:\n  geep batch counties/ -o ledgers/ --jobs 2\n  geep batch counties/ -o ledgers/ --method esv --price-year 2020",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        help="many workbooks: progress bar, summary, per-file errors",
        description="Process every .xlsx/.xlsm/.csv file of DIR: OUTDIR/ledgers/<file>.xlsx, "
        "OUTDIR/combined.xlsx (+ .csv) and OUTDIR/summary.xlsx. Exit code 1 if any file failed.",
    )
    p.add_argument("folder", type=Path, metavar="DIR")
    p.add_argument("-o", "--out", type=Path, required=True, metavar="OUTDIR")
    p.add_argument("-j", "--jobs", type=int, metavar="N", help="worker processes (default: CPUs)")
    add_method_options(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from ..io.batch import input_files, run_batch
    from ..messages import language

    if not args.folder.is_dir():
        raise UsageError(f"{args.folder} is not a folder")
    if args.jobs is not None and args.jobs < 1:
        raise UsageError("--jobs must be at least 1")
    if args.out.resolve() == args.folder.resolve():
        raise UsageError("OUTDIR must differ from DIR (inputs are never overwritten)")
    files = input_files(args.folder)
    if not files:
        raise UsageError(f"no .xlsx, .xlsm or .csv files in {args.folder}")
    profiles = parse_profiles(args.profile, args.method)
    lang = getattr(args, "lang", None) or language()
    console = Console(stderr=True)
    progress = Progress(
        TextColumn("[bold]geep batch"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.description}"),
        console=console,
        disable=args.quiet,
        transient=False,
    )
    with progress:
        task = progress.add_task("", total=len(files))

        def done(r) -> None:
            progress.update(task, advance=1, description=f"{r.file}: {r.status}")

        result = run_batch(
            args.folder,
            args.out,
            jobs=args.jobs,
            method=args.method,
            profiles=profiles,
            price_year=args.price_year,
            lang=lang,
            on_done=done,
        )
    for r in result.results:
        if r.status == "ok":
            say(args, f"ok       {r.file} → ledgers/{r.output} ({r.lines} lines)")
        else:
            print(f"{r.status:8} {r.file}: {r.message}", file=sys.stderr)
    bad = [r for r in result.results if r.status != "ok"]
    say(args, f"{len(result.results) - len(bad)} of {len(result.results)} file(s) ok; "
              f"summary: {args.out / 'summary.xlsx'}")  # fmt: skip
    return 1 if bad else 0
