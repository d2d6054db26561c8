"""``geep trading validate | positions | compliance | template | rules``: rights-trading journals.

Exit codes: 0 success, 1 invalid input (every problem printed with sheet!cell), 2 usage error.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from ..messages import MESSAGES, label, msg, text
from ._output import add_force, emit_frame, say


def add_parser(sub) -> None:
    p = sub.add_parser(
        "trading",
        epilog=msg("help.trading.epilog"),
        formatter_class=argparse.RawDescriptionHelpFormatter,
        help=msg("help.trading.help"),
        description=msg("help.trading.description"),
    )
    s = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    rules = argparse.ArgumentParser(add_help=False)
    rules.add_argument("--rules-as-of", metavar="DATE",
                       help=msg("help.trading.arg.rules_as_of"))  # fmt: skip
    v = s.add_parser("validate", parents=[rules], help=msg("help.trading.validate.help"))
    v.add_argument("journal", type=Path, metavar="JOURNAL.xlsx")
    v.add_argument("--format", choices=("table", "csv", "json"), default="table")
    ps = s.add_parser("positions", parents=[rules],
                      help=msg("help.trading.positions.help"))  # fmt: skip
    ps.add_argument("journal", type=Path, metavar="JOURNAL.xlsx")
    ps.add_argument("-o", "--output", type=Path, metavar="OUT.xlsx|OUT.csv")
    ps.add_argument("--level", choices=("holder", "county", "city", "province"), default="holder")
    ps.add_argument("--as-of", metavar="DATE", help=msg("help.trading.arg.as_of"))
    ps.add_argument("--valuation", choices=("floor", "market"), default="floor",
                    help=msg("help.trading.arg.valuation"))  # fmt: skip
    ps.add_argument("--format", choices=("table", "csv", "json"), default="table")
    add_force(ps)
    c = s.add_parser("compliance", parents=[rules],
                     help=msg("help.trading.compliance.help"))  # fmt: skip
    c.add_argument("journal", type=Path, metavar="JOURNAL.xlsx")
    c.add_argument("--as-of", metavar="DATE")
    c.add_argument("--valuation", choices=("floor", "market"), default="floor")
    c.add_argument("--format", choices=("table", "csv", "json"), default="table")
    t = s.add_parser("template", help=msg("help.trading.template.help"))
    t.add_argument("output", type=Path, metavar="OUT.xlsx")
    t.add_argument("--lang", dest="tlang", choices=("en", "zh"), default="en")
    add_force(t)
    r = s.add_parser("rules", parents=[rules], help=msg("help.trading.rules.help"))
    r.add_argument("--format", choices=("table", "csv", "json"), default="table")
    p.set_defaults(func=run)


def _date(text: str | None) -> str | None:
    from . import UsageError

    if text is None:
        return None
    try:
        return str(dt.date.fromisoformat(text))
    except ValueError as exc:
        from ..messages import text as _text

        raise UsageError(_text("cli.not_a_date", value=text), hint=_text("hint.cli.date")) from exc


def _rules(args: argparse.Namespace):
    from ..trading import Rules

    return Rules.load(as_of=_date(getattr(args, "rules_as_of", None)))


def run(args: argparse.Namespace) -> int:
    from ..io.atomic import guard_output, output_policy

    journal = getattr(args, "journal", None)
    with output_policy([journal] if journal else [], force=getattr(args, "force", False)):
        if getattr(args, "output", None) is not None:
            guard_output(args.output)  # refuse before any work
        return _run(args)


def _shown(frame, fmt: str):
    """``frame`` as a terminal shows it: under zh codes by their Chinese names and Chinese
    headers; CSV and JSON (read by scripts) keep the machine names and codes."""
    from ..messages import language

    if fmt != "table" or language() != "zh":
        return frame
    from ..trading.layout import LABELS
    from ._output import for_reader

    labels = {c: n for c, (_, n) in LABELS.items()}
    return for_reader(frame, "trading.col", labels=labels)


def _run(args: argparse.Namespace) -> int:
    from .. import trading as T
    from . import UsageError

    if args.action == "template":
        if args.output.suffix.lower() != ".xlsx":
            raise UsageError(text("cli.not_xlsx", file=args.output), hint=text("hint.cli.xlsx"))
        T.write_template(args.output, lang=args.tlang)
        say(args, msg("trading.cli_wrote", file=args.output))
        return 0
    rules = _rules(args)
    if args.action == "rules":
        from ..trading.layout import rules_frame

        emit_frame(_shown(rules_frame(rules), args.format), args.format,
                   title=msg("trading.cli_title_rules"))  # fmt: skip
        return 0
    if args.action == "validate":
        wb = T.read_journal(args.journal, rules=rules, strict=False)
        if args.format != "table":
            emit_frame(wb.report.to_frame(), args.format)
        else:
            print(str(wb.report) if len(wb.report) else msg("report.none"),
                  file=sys.stdout if wb.report.ok else sys.stderr)  # fmt: skip
            if wb.report.ok:
                say(args, msg("trading.cli_validated", file=args.journal.name, n=len(wb.journal),
                              holders=len(wb.journal.holders), rules=", ".join(rules.tables)))  # fmt: skip
        return 0 if wb.report.ok else 1
    as_of = _date(args.as_of)
    wb = T.read_journal(args.journal, rules=rules, strict=True)
    if args.action == "compliance":
        if wb.actual.empty and wb.verified.empty:
            print(msg("trading.cli_no_emissions", file=args.journal.name), file=sys.stderr)
            return 1
        if not wb.actual.empty:
            frame = T.compliance(wb.journal, wb.actual, args.valuation, as_of=as_of)
            emit_frame(_shown(frame, args.format), args.format,
                       title=msg("trading.cli_title_compliance"))  # fmt: skip
        if not wb.verified.empty:
            frame = T.carbon_compliance(wb.journal, wb.verified, as_of=as_of)
            emit_frame(_shown(frame, args.format), args.format,
                       title=msg("trading.cli_title_carbon"))  # fmt: skip
        return 0
    # positions
    pos = T.positions(wb.journal, as_of=as_of, system=args.level == "holder")
    frame = pos if args.level == "holder" else T.aggregate(pos, args.level)
    out = args.output
    if out is not None:
        suffix = out.suffix.lower()
        if suffix == ".xlsx":
            T.write_journal(wb.journal, out, wb.actual, wb.verified, as_of, args.valuation)
        elif suffix == ".csv":
            from ..io.atomic import atomic_write_bytes
            from ..io.safety import neutralise_frame

            atomic_write_bytes(out, neutralise_frame(frame).to_csv(
                index=False, lineterminator="\n").encode("utf-8"))  # fmt: skip
        else:
            raise UsageError(msg("trading.cli_bad_out", file=out), hint="-o OUT.xlsx")
        say(args, msg("trading.cli_wrote", file=out))
        return 0
    level = f"trading.level.{args.level}"
    emit_frame(
        _shown(frame, args.format),
        args.format,
        title=msg("trading.cli_title_positions",
                  level=msg(level) if level in MESSAGES else label("level", args.level)),
    )  # fmt: skip
    return 0
