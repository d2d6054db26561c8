"""``geep batch DIR -o OUTDIR [--jobs N]``: every workbook of a folder, in parallel processes.

One ledger per input, a combined ledger and a summary workbook of each file's status and
errors; one bad file never stops the others; exit code 1 if any file failed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..messages import label, msg
from . import UsageError
from ._output import add_force, say
from .run import add_method_options, parse_profiles


def add_parser(sub) -> None:
    p = sub.add_parser(
        "batch",
        epilog=msg("help.batch.epilog"),
        formatter_class=argparse.RawDescriptionHelpFormatter,
        help=msg("help.batch.help"),
        description=msg("help.batch.description"),
    )
    p.add_argument("folder", type=Path, metavar="DIR")
    p.add_argument("-o", "--out", type=Path, required=True, metavar="OUTDIR")
    p.add_argument("-j", "--jobs", type=int, metavar="N", help=msg("help.batch.arg.jobs"))
    add_method_options(p)
    add_force(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..io.batch import BatchNameError, input_files, output_names, run_batch
    from ..messages import language

    if not args.folder.is_dir():
        raise UsageError(msg("cli.batch_not_folder", folder=args.folder))
    if args.jobs is not None and args.jobs < 1:
        raise UsageError(msg("cli.batch_jobs"))
    if args.out.resolve() == args.folder.resolve():
        raise UsageError(msg("cli.batch_same_folder"))
    files = input_files(args.folder)
    if not files:
        raise UsageError(msg("cli.batch_no_files", folder=args.folder))
    try:
        output_names(files)
    except BatchNameError as exc:
        raise UsageError(exc.message, hint=exc.hint) from exc
    profiles = parse_profiles(args.profile, args.method)
    lang = getattr(args, "lang", None) or language()
    with _progress(args, len(files)) as done:
        result = run_batch(
            args.folder,
            args.out,
            jobs=args.jobs,
            method=args.method,
            profiles=profiles,
            price_year=args.price_year,
            lang=lang,
            on_done=done,
            force=args.force,
            unit=args.unit,
        )
    _report(args, result)
    return 0 if result.ok else 1


class _progress:
    """A rich progress bar on stderr (off with --quiet); yields the per-file callback."""

    def __init__(self, args: argparse.Namespace, total: int) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

        self.bar = Progress(
            TextColumn("[bold]geep batch"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.description}"),
            console=Console(stderr=True),
            disable=args.quiet,
            transient=False,
        )
        self.total = total

    def __enter__(self):
        self.bar.__enter__()
        task = self.bar.add_task("", total=self.total)

        def done(r) -> None:
            self.bar.update(
                task, advance=1, description=f"{r.file}: {label('batch.status', r.status)}"
            )

        return done

    def __exit__(self, *exc) -> bool:
        self.bar.__exit__(*exc)
        return False


def _report(args: argparse.Namespace, result) -> None:
    for r in result.results:
        if r.status == "ok":
            say(args, msg("cli.batch_ok", file=r.file, output=r.output, lines=r.lines))
        else:
            print(f"{label('batch.status', r.status):8} {r.file}: {r.message}", file=sys.stderr)
    for f in result.removed:
        say(args, msg("cli.batch_stale", file=f))
    for f in result.foreign:
        print(msg("cli.batch_foreign", file=f), file=sys.stderr)
    if result.overlap is not None:
        print(f"! {result.overlap}", file=sys.stderr)
    bad = result.missing
    n, ok = len(result.results), len(result.results) - len(bad)
    summary = args.out / "summary.xlsx"
    if bad and result.combined is not None:
        names = ", ".join(r.file for r in bad)
        print(msg("cli.batch_line_incomplete", ok=ok, n=n, files=names, summary=summary))
    else:
        say(args, msg("cli.batch_line", ok=ok, n=n, summary=summary))
