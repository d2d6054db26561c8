"""``geep compare A B ... -o OUT.xlsx``: side-by-side ledgers."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..messages import label, msg
from ._output import add_force, add_money_unit, emit_frame, say


def add_parser(sub) -> None:
    p = sub.add_parser(
        "compare",
        help=msg("help.compare.help"),
        description=msg("help.compare.description"),
        epilog=msg("help.compare.epilog"),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("ledgers", nargs="+", type=Path, help=msg("help.compare.arg.ledgers"))
    p.add_argument("-o", "--out", type=Path, required=True, help=msg("help.compare.arg.out"))
    p.add_argument(
        "--across",
        choices=("run", "region", "year"),
        default=None,
        help=msg("help.compare.arg.across"),
    )
    p.add_argument("--labels", help=msg("help.compare.arg.labels"))
    p.add_argument(
        "--level", choices=("account", "category", "service", "indicator"), default="service"
    )
    p.add_argument("--year", type=int, help=msg("help.compare.arg.year"))
    p.add_argument(
        "--regions",
        type=Path,
        help=msg("help.compare.arg.regions"),
    )
    p.add_argument("--account", metavar="ACC[,ACC]", help=msg("cli.cmp_account_help"))
    add_money_unit(p)
    add_force(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..io.atomic import guard_output, output_policy

    ins = [*args.ledgers, *([args.regions] if args.regions else [])]
    ins += [p.with_name(p.name + ".meta.json") for p in args.ledgers if p.suffix.lower() == ".csv"]
    with output_policy(ins, force=args.force):
        guard_output(args.out)  # refuse before any work
        return _compare(args)


def _console_totals(cmp, unit: str | None):
    """The totals as a reader sees them: money in ``unit`` with thousands separators (never
    ``7.03e+11``), the unit in the title of each money column."""
    from ..io.writer import money_unit

    shown, divisor = money_unit(unit)
    out = cmp.totals.copy()
    for c in ("value", "per_capita", "per_km2"):
        if c in out:
            out[c] = [f"{v / divisor:,.2f}" if v == v else "" for v in out[c]]
    names = {c: label("column", c) for c in out.columns}
    names["value"] = f"{names['value']} [{shown}]"
    return out.rename(columns=names)


def _shipped_names(across: str, lang: str | None) -> dict[str, str] | None:
    """Names of ``regions-shanxi`` in the user's language for regions compared by code (the
    names a ledger or ``--regions`` gives come first)."""
    if across != "region":
        return None
    from ..report.regions import shanxi

    return shanxi().names(lang or "en")


def _compare(args: argparse.Namespace) -> int:
    from ..comparison import compare
    from ..ledger import Ledger
    from . import UsageError

    ledgers = [Ledger.read(p) for p in args.ledgers]
    if args.year is not None:
        ledgers = [Ledger(lg.lines[lg.lines["year"] == args.year], lg.meta) for lg in ledgers]
    across = args.across or ("run" if len(ledgers) > 1 else "region")
    if across == "run" and len(ledgers) < 2:
        raise UsageError(msg("cli.cmp_runs"))
    labels = [s.strip() for s in args.labels.split(",")] if args.labels else None
    if across == "run" and labels is None:
        labels = [p.stem for p in args.ledgers]
        if len(set(labels)) != len(labels):
            labels = [f"{i + 1}:{p.stem}" for i, p in enumerate(args.ledgers)]
    regions = None
    if args.regions:
        from ..io.read import read_inputs

        regions = read_inputs(args.regions).get("regions")
    accounts = [a.strip() for a in args.account.split(",")] if args.account else None
    if accounts is not None:
        have = sorted({str(a) for lg in ledgers for a in lg.lines["account"].dropna().unique()})
        if not set(accounts) <= set(have):
            raise UsageError(
                msg(
                    "cli.cmp_no_account",
                    accounts=", ".join(sorted(set(accounts) - set(have))),
                    available=", ".join(have),
                )
            )
    cmp = compare(ledgers, labels=labels, across=across, level=args.level, regions=regions,
                  accounts=accounts, region_names=_shipped_names(across, args.lang))  # fmt: skip
    cmp.to_excel(args.out, lang=args.lang or "en", unit=args.unit)
    for n in cmp.notes:
        print(f"! {n}")
    if not getattr(args, "quiet", False):
        emit_frame(_console_totals(cmp, args.unit), "table", title=msg("cmp.title_totals"))
    say(args, msg("cli.cmp_wrote", file=args.out))
    return 0
