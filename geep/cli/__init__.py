"""The ``geep`` command: a thin shell over the public API.

Each verb lives in its own module of this package with ``add_parser(subparsers)`` and
``run(args) -> int``. Exit codes: 0 success, 1 invalid input (report printed), 2 usage error.
Errors are printed without tracebacks unless ``--debug`` is given.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import warnings

from .. import messages
from .._version import __version__
from ..errors import GeepError
from ..messages import set_language

#: verb modules, in the order they appear in ``geep --help``
VERBS = (
    "demo",
    "template",
    "validate",
    "run",
    "batch",
    "compare",
    "coefficients",
    "compensate",
    "trading",
    "seea",
)

EPILOG = """examples:
  geep demo -o out/                      the bundled Shanxi example end to end
  geep template inputs.xlsx --lang zh    blank input workbook
  geep validate inputs.xlsx              every problem, with sheet!cell
  geep run inputs.xlsx -o ledger.xlsx --method all
  geep coefficients list
  geep coefficients show gep-parameters@garze-2010
  geep coefficients diff xie2015-factors@2015 xie2008-factors@2008
"""


class UsageError(GeepError, ValueError):
    """Bad command-line usage (exit code 2)."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="geep",
        description="Ecosystem-value accounting (ESV, GEP, GEEP), eco-compensation and rights "
        "trading, with versioned coefficient tables.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"geep {__version__}")
    parser.add_argument("--lang", choices=("en", "zh"), help="language of messages and outputs")
    parser.add_argument("-q", "--quiet", action="store_true", help="print only errors")
    parser.add_argument("-v", "--verbose", action="store_true", help="print more detail")
    parser.add_argument("--debug", action="store_true", help="show tracebacks on errors")
    sub = parser.add_subparsers(dest="verb", metavar="VERB")
    for verb in VERBS:
        try:
            mod = importlib.import_module(f".{verb}", __name__)
        except ModuleNotFoundError as exc:  # verb not built in this version
            if exc.name != f"{__name__}.{verb}":
                raise
            continue
        mod.add_parser(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``geep`` console script."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not args.verb:
        parser.print_help()
        return 2
    previous = messages._LANG  # --lang applies to this command only, not to later calls
    if args.lang:
        set_language(args.lang)
    try:
        return _dispatch(args)
    finally:
        set_language(previous)


def _dispatch(args: argparse.Namespace) -> int:
    try:
        with warnings.catch_warnings():
            if not args.debug:
                warnings.simplefilter("ignore")
            return int(args.func(args) or 0)
    except UsageError as exc:
        if args.debug:
            raise
        print(f"geep {args.verb}: {exc}", file=sys.stderr)
        return 2
    except GeepError as exc:
        if args.debug:
            raise
        print(f"geep {args.verb}: {exc}", file=sys.stderr)
        return 1
    except (FileNotFoundError, IsADirectoryError, PermissionError) as exc:
        if args.debug:
            raise
        print(f"geep {args.verb}: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:  # pragma: no cover
        print("interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
