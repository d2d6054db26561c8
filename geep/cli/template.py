"""``geep template OUT.xlsx [--lang zh|en]``: a blank input workbook with instructions."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..messages import language
from . import UsageError
from ._output import say


def add_parser(sub) -> None:
    p = sub.add_parser(
        "template",
        epilog="examples:\n  geep template inputs.xlsx\n  geep template 输入模板.xlsx --lang zh",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        help="blank input workbook with instructions",
        description="Write a blank input workbook: an instructions sheet, one sheet per input "
        "table with bilingual headers, drop-downs for land classes, indicators and units.",
    )
    p.add_argument("out", type=Path, metavar="OUT.xlsx", help="workbook to write")
    p.add_argument(
        "--lang",
        choices=("en", "zh"),
        default=argparse.SUPPRESS,
        help="language of sheet names and the first header row (default: message language)",
    )
    p.add_argument("--force", action="store_true", help="overwrite OUT if it exists")
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
    say(args, f"wrote {out} ({'中文' if lang == 'zh' else 'English'} first)")
    return 0
