"""``geep sensitivity IN -o OUT.xlsx``: global sensitivity of a ledger's totals to groups of
coefficients (Sobol or Morris, with SALib), next to the classic CS index.

A thin shell over :func:`geep.uncertainty.sensitivity`; the inputs are read and validated as
for ``geep run``. Distributions come from ``--distributions FILE.csv`` and/or
``--by-evidence`` (the CS index needs none).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..messages import label, msg, text
from . import UsageError
from ._output import add_force, emit_frame, for_reader, say
from ._uncertainty import positive, spec_kwargs
from .run import add_method_options, parse_profiles
from .validate import add_limits, read_kwargs

EPILOG = """
  geep sensitivity inputs.xlsx -o sobol.xlsx --method esv --by-evidence
  geep sensitivity inputs.xlsx -o s.xlsx --method gep --distributions ranges.csv --groups table
  geep sensitivity inputs.xlsx -o cs.csv --method esv --technique cs --groups ecosystem_type
"""


def add_parser(sub) -> None:
    p = sub.add_parser(
        "sensitivity",
        help=msg("uncertainty.cli_sens_help"),
        description=msg("uncertainty.cli_sens_description"),
        epilog=msg("help.examples") + EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("inputs", nargs="+", type=Path, metavar="IN", help=msg("uncertainty.cli_in"))
    p.add_argument("-o", "--out", type=Path, required=True, metavar="OUT",
                   help=msg("uncertainty.cli_sens_out"))  # fmt: skip
    add_method_options(p)
    p.add_argument("--technique", choices=("sobol", "morris", "cs"), default="sobol",
                   help=msg("uncertainty.cli_technique"))  # fmt: skip
    p.add_argument("--groups", default="service",
                   choices=("service", "table", "ecosystem_type", "category", "indicator",
                            "coefficient"), help=msg("uncertainty.cli_groups"))  # fmt: skip
    p.add_argument("--by", action="append", default=[], metavar="COLUMN",
                   help=msg("uncertainty.cli_by"))  # fmt: skip
    p.add_argument("-n", "--n", type=positive, default=2**12, metavar="N",
                   help=msg("uncertainty.cli_n"))  # fmt: skip
    p.add_argument("--seed", type=int, default=1, metavar="S", help=msg("uncertainty.cli_seed"))
    p.add_argument("--distributions", type=Path, metavar="FILE.csv",
                   help=msg("uncertainty.cli_distributions"))  # fmt: skip
    p.add_argument("--by-evidence", action="store_true", help=msg("uncertainty.cli_by_evidence"))
    add_limits(p)
    add_force(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..io.atomic import guard_output, output_policy

    if args.out.suffix.lower() not in (".xlsx", ".csv"):
        raise UsageError(text("uncertainty.cli_bad_out", name=args.out.name))
    profiles = parse_profiles(args.profile, args.method)
    with output_policy(args.inputs, force=args.force):
        guard_output(args.out)
        if args.out.suffix.lower() == ".csv":
            guard_output(args.out.with_name(args.out.name + ".meta.json"))
        return _run(args, profiles)


def _run(args: argparse.Namespace, profiles: dict[str, str]) -> int:
    from .. import uncertainty as unc
    from ..io.pipeline import required_tables
    from ..io.read import read_inputs
    from ..messages import language

    inputs = read_inputs(args.inputs, strict=False, require=required_tables(args.method),
                         **read_kwargs(args))  # fmt: skip
    if not inputs.report.ok:
        print(str(inputs.report), file=sys.stderr)
        print(msg("uncertainty.cli_nothing", n=len(inputs.report.errors)), file=sys.stderr)
        return 1
    by = list(args.by) or None
    if args.method == "all" and "account" not in (by or []):
        by = ["account", *(by or [])]  # accounts are never added together
    res = unc.sensitivity(args.method, inputs, technique=args.technique, groups=args.groups,
                          n=args.n, seed=args.seed, by=by, profile=profiles or None,
                          price_year=args.price_year, **spec_kwargs(args))  # fmt: skip
    lang = getattr(args, "lang", None) or language()
    path = res.write(args.out, lang)
    say(args, msg("uncertainty.cli_sens_wrote", path=str(path), rows=len(res.indices),
                  technique=label("uncertainty.technique", res.technique)))  # fmt: skip
    if not getattr(args, "quiet", False):
        emit_frame(_console(res.indices.head(15), res.meta.get("groups")))
    return 0


def _console(frame, groups):
    """The indices for the terminal: under zh Chinese headers, group names, 是/否."""
    from ..io.uncertainty_excel import for_zh
    from ..messages import language

    if language() != "zh":
        return frame
    out = for_zh(frame, groups).drop(columns=["group"])
    return for_reader(out, "uncertainty.col")
