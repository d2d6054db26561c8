"""``geep run IN -o OUT [--method esv|gep|bt|geep|all]``: validate inputs, compute ledgers, write
a formatted workbook (``.xlsx``) or CSV."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..messages import label, msg
from . import UsageError
from ._output import add_force, add_money_unit, say
from ._uncertainty import add_draw_options
from .validate import add_limits, read_kwargs


def method_choices() -> tuple[str, ...]:
    """``--method`` choices: every registered method, and ``all``."""
    from ..methods import names

    return (*names(), "all")


def add_method_options(p: argparse.ArgumentParser) -> None:
    """Options shared by ``run`` and ``batch``."""
    p.add_argument("--method", choices=method_choices(), default="all",
                   help=msg("help.run.arg.method"))  # fmt: skip
    p.add_argument(
        "--profile",
        action="append",
        default=[],
        metavar="[METHOD=]P",
        help=msg("help.run.arg.profile"),
    )
    p.add_argument("--price-year", type=int, metavar="Y", help=msg("help.run.arg.price_year"))
    add_money_unit(p)
    p.add_argument("--lang", choices=("en", "zh"), default=argparse.SUPPRESS,
                   help=msg("help.run.arg.lang"))  # fmt: skip


def parse_profiles(values: list[str], method: str) -> dict[str, str]:
    """``["xie-2008"]`` (one method) or ``["esv=xie-2008", "gep=cn-gep-2020"]``."""
    from ..messages import text
    from ..methods import REGISTRY

    with_profile = sorted(n for n, m in REGISTRY.items() if m.roles)
    out: dict[str, str] = {}
    for v in values:
        key, sep, name = v.partition("=")
        if not sep:
            if method == "all":
                raise UsageError(text("cli.profile_which", value=v),
                                 hint=text("cli.hint_profile_which", value=v))  # fmt: skip
            m = REGISTRY.get(method)
            key = m.depends[0] if m is not None and not m.roles and m.depends else method
            name = v
        if key not in with_profile:  # e.g. geep takes the profile of gep
            raise UsageError(
                text("cli.profile_method", value=v, method=key),
                hint=text("cli.hint_profile_method", methods=", ".join(with_profile)),
            )
        out[key] = name
    return out


def add_parser(sub) -> None:
    p = sub.add_parser(
        "run",
        epilog=msg("help.run.epilog"),
        formatter_class=argparse.RawDescriptionHelpFormatter,
        help=msg("help.run.help"),
        description=msg("help.run.description"),
    )
    p.add_argument("inputs", nargs="+", type=Path, metavar="IN", help=msg("help.run.arg.inputs"))
    p.add_argument("-o", "--out", type=Path, required=True, metavar="OUT",
                   help=msg("help.run.arg.out"))  # fmt: skip
    add_method_options(p)
    add_draw_options(p)
    p.add_argument("--report", type=Path, metavar="R.html", help=msg("report.cli_run_report"))
    add_limits(p)
    add_force(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..io.atomic import guard_output, output_policy
    from ..messages import text

    if args.out.suffix.lower() not in (".xlsx", ".csv", ".parquet"):
        raise UsageError(text("cli.out_suffix", file=args.out.name))
    from . import _uncertainty as unc_cli

    profiles = parse_profiles(args.profile, args.method)
    unc_cli.check(args)
    with output_policy(args.inputs, force=args.force):
        guard_output(args.out)  # refuse before any work
        if args.out.suffix.lower() == ".csv":
            guard_output(args.out.with_name(args.out.name + ".meta.json"))
        if getattr(args, "draws", None):
            unc_cli.guard(args.out)
        if args.report is not None:
            from .report import check_suffix

            check_suffix(args.report)
            guard_output(args.report)
        return _run(args, profiles)


def _run(args: argparse.Namespace, profiles: dict[str, str]) -> int:
    from ..io.pipeline import required_tables, run_methods, write_ledger
    from ..io.read import read_inputs
    from ..messages import language

    inputs = read_inputs(
        args.inputs, strict=False, require=required_tables(args.method), **read_kwargs(args)
    )
    if not inputs.report.ok:
        print(str(inputs.report), file=sys.stderr)
        print(msg("cli.run_nothing_computed", n=len(inputs.report.errors)), file=sys.stderr)
        return 1
    ledger = run_methods(inputs, args.method, profiles=profiles, price_year=args.price_year)
    lang = getattr(args, "lang", None) or language()
    path = write_ledger(ledger, args.out, lang, unit=args.unit)
    accounts = ", ".join(sorted(ledger.lines["account"].dropna().unique()))
    status = label("status", ledger.status)
    say(args, msg("run.wrote", file=path, lines=len(ledger), accounts=accounts, status=status))
    if getattr(args, "verbose", False):
        for w in ledger.warnings:
            say(args, f"  ! {w}")
    if getattr(args, "draws", None):
        from ._uncertainty import write_quantiles

        qpath, ql = write_quantiles(args, inputs, profiles, args.price_year, lang)
        say(args, msg("uncertainty.cli_wrote", path=str(qpath), lines=len(ql),
                      draws=args.draws, varied=len(ql.varied)))  # fmt: skip
        if getattr(args, "verbose", False):
            for note in ql.meta.get("notes", []):
                say(args, f"  ! {note}")
    if args.report is not None:
        _report(args, ledger, path, inputs.get("regions"), lang)
    return 0


def _report(args: argparse.Namespace, ledger, path: Path, regions, lang: str) -> None:
    """``--report``: the browser report of the ledger just written."""
    from ..io.workbook import file_sha256
    from ..messages import language_scope
    from ..report import write_report
    from .report import say_written

    with language_scope(lang):
        out = write_report(ledger, args.report, lang, files=[(path.name, file_sha256(path))],
                           regions=regions)  # fmt: skip
        say_written(args, out, [ledger])
