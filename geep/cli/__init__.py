"""The ``geep`` command: a thin shell over the public API.

Each verb lives in its own module of this package with ``add_parser(subparsers)`` and
``run(args) -> int``. Exit codes: 0 success, 1 invalid input (report printed), 2 usage error.
Errors are printed without tracebacks unless ``--debug`` is given.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import os
import sys
import warnings

from .. import messages
from .._version import __version__
from ..errors import GeepError
from ..messages import msg, set_language

#: verb modules, in the order they appear in ``geep --help``
VERBS = (
    "demo",
    "template",
    "validate",
    "run",
    "batch",
    "compare",
    "report",
    "aggregate",
    "coefficients",
    "compensate",
    "trading",
    "grid",
    "seea",
    "sensitivity",
)


class UsageError(GeepError, ValueError):
    """Bad command-line usage (exit code 2)."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="geep",
        description=msg("help.main.parser.description"),
        epilog=msg("help.main.epilog"),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"geep {__version__}",
        help=msg("help.main.arg.version"),
    )
    parser.add_argument("--lang", choices=("en", "zh"), help=msg("help.main.arg.lang"))
    parser.add_argument("-q", "--quiet", action="store_true", help=msg("help.main.arg.quiet"))
    parser.add_argument("-v", "--verbose", action="store_true", help=msg("help.main.arg.verbose"))
    parser.add_argument("--debug", action="store_true", help=msg("help.main.arg.debug"))
    sub = parser.add_subparsers(dest="verb", metavar="VERB")
    for verb in VERBS:
        try:
            mod = importlib.import_module(f".{verb}", __name__)
        except ModuleNotFoundError as exc:  # verb not built in this version
            if exc.name != f"{__name__}.{verb}":
                raise
            continue
        mod.add_parser(sub)
    for (
        verb_parser
    ) in sub.choices.values():  # `geep VERB --lang zh` as well as `geep --lang zh VERB`
        if "--lang" not in verb_parser._option_string_actions:
            verb_parser.add_argument("--lang", choices=("en", "zh"), default=argparse.SUPPRESS,
                                     help=msg("help.main.arg.lang"))  # fmt: skip
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``geep`` console script."""
    from ._i18n import argparse_words, preparse_lang

    previous = messages._LANG  # --lang applies to this command only, not to later calls
    lang = preparse_lang(sys.argv[1:] if argv is None else argv)
    if lang:  # before the parser is built: its help texts are looked up in this language
        set_language(lang)
    try:
        with argparse_words():
            parser = build_parser()
            args = parser.parse_args(argv)  # --help, --version, usage errors: SystemExit
        if not args.verb:
            with argparse_words():
                parser.print_help()
            return 2
        if args.lang:
            set_language(args.lang)
        return _main(args)
    finally:
        set_language(previous)


def _main(args: argparse.Namespace) -> int:
    _catalogue_notices(print_them=False)  # notices of earlier calls in this process are stale
    try:
        code = _dispatch(args)
        _catalogue_notices(print_them=True)
        sys.stdout.flush()
        return code
    except BrokenPipeError:  # `geep ... | head`: the reader has all it wanted
        _silence_stdout()
        return 0


def _catalogue_notices(print_them: bool) -> None:
    """Print (or forget) the catalogue's notices: editions of user folders that the command's
    catalogue look-ups set aside (a bad user edition never breaks an unrelated run)."""
    catalog = sys.modules.get("geep.coefficients.catalog")
    if catalog is None:  # the command did not touch the catalogue
        return
    if not print_them:
        catalog.reset_notices()
        return
    for notice in catalog.take_notices():
        with contextlib.suppress(BrokenPipeError, ValueError):
            print(notice, file=sys.stderr)


def _silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):  # stdout is not a real file (tests)
        pass


def _dispatch(args: argparse.Namespace) -> int:
    from ..io.atomic import OutputExistsError
    from ..io.preflight import LimitError, Limits

    try:
        Limits.from_env()  # GEEP_MAX_* are checked before any work (exit 2 if unusable)
        with warnings.catch_warnings():
            if not args.debug:
                warnings.simplefilter("ignore")
            return int(args.func(args) or 0)
    except BrokenPipeError:
        raise
    except (UsageError, OutputExistsError, LimitError) as exc:
        if args.debug:
            raise
        _error(args, exc)
        return 2
    except GeepError as exc:
        if args.debug:
            raise
        _error(args, exc)
        return 1
    except OSError as exc:  # FileNotFoundError, IsADirectoryError, PermissionError …
        if args.debug:
            raise
        _error(args, _os_text(exc))
        return 1
    except KeyboardInterrupt:
        if args.debug:
            raise
        _error(args, msg("cli.interrupted"))
        return 130


def _os_text(exc: OSError) -> str:
    name = exc.filename if exc.filename is not None else ""
    problem = exc.strerror or type(exc).__name__
    if isinstance(exc, FileNotFoundError) and name:
        return msg("cli.not_found", file=name)
    return msg("cli.os_error", file=name, problem=problem) if name else problem


def _error(args: argparse.Namespace, what: object) -> None:
    with contextlib.suppress(BrokenPipeError, ValueError):
        print(f"geep {args.verb}: {what}", file=sys.stderr)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
