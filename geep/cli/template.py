"""``geep template OUT.xlsx [--lang zh|en]``: a blank input workbook with instructions."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..messages import language, msg
from . import UsageError
from ._output import say


def add_parser(sub) -> None:
    p = sub.add_parser(
        "template",
        epilog=msg("help.template.epilog"),
        formatter_class=argparse.RawDescriptionHelpFormatter,
        help=msg("help.template.help"),
        description=msg("help.template.description"),
    )
    p.add_argument("out", type=Path, metavar="OUT.xlsx", help=msg("help.template.arg.out"))
    p.add_argument(
        "--lang",
        choices=("en", "zh"),
        default=argparse.SUPPRESS,
        help=msg("help.template.arg.lang"),
    )
    p.add_argument("--force", action="store_true", help=msg("help.template.arg.force"))
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..io.template import write_template

    out: Path = args.out
    if out.suffix.lower() != ".xlsx":
        raise UsageError(f"{out.name}: the template is an .xlsx workbook", hint="name it *.xlsx")
    if out.exists() and not args.force:
        raise UsageError(
            f"{out} exists; geep never overwrites a workbook you may have filled in",
            hint="choose another name or pass --force",
        )
    lang = getattr(args, "lang", None) or language()
    write_template(out, lang)
    say(args, msg("template.wrote", file=out, lang=msg(f"template.lang_{lang}")))
    return 0
