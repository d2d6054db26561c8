"""``geep template OUT.xlsx [--lang zh|en]``: a blank input workbook with instructions."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..messages import language, msg, text
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
        raise UsageError(text("cli.template_suffix", file=out.name),
                         hint=text("hint.cli.template_suffix"))  # fmt: skip
    if out.exists() and not args.force:
        raise UsageError(text("cli.template_exists", file=out),
                         hint=text("hint.cli.template_exists"))  # fmt: skip
    lang = getattr(args, "lang", None) or language()
    write_template(out, lang)
    say(args, msg("template.wrote", file=out, lang=msg(f"template.lang_{lang}")))
    return 0
