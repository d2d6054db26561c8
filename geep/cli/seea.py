"""``geep seea extent IN -o OUT`` and ``geep seea assets LEDGER -o OUT``: SEEA EA accounts."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..messages import msg
from ._output import add_force, say


def add_parser(sub) -> None:
    """Register ``geep seea`` with its sub-verbs ``extent`` and ``assets``."""
    p = sub.add_parser(
        "seea",
        help=msg("seea.cli.help"),
        description=msg("seea.cli.description"),
        epilog=msg("seea.cli.epilog"),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    s = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    ex = s.add_parser(
        "extent",
        help=msg("seea.cli.extent_help"),
        description=msg("seea.cli.extent_description"),
        epilog=msg("seea.cli.extent_epilog"),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    ex.add_argument("input", type=Path, metavar="IN", help=msg("seea.cli.extent_in"))
    ex.add_argument("-o", "--out", type=Path, required=True, help=msg("seea.cli.out"))
    ex.add_argument("--opening", type=int, help=msg("seea.cli.opening"))
    ex.add_argument("--closing", type=int, help=msg("seea.cli.closing"))
    ex.add_argument("--land-cover", type=Path, metavar="FILE", help=msg("seea.cli.land_cover"))
    ex.add_argument("--unit", default="ha", help=msg("seea.cli.unit"))
    ex.add_argument("--area-tolerance", type=float, default=1e-6, help=msg("seea.cli.tolerance"))
    ex.add_argument("--classification", help=msg("seea.cli.classification"))
    add_force(ex)
    ex.set_defaults(func=run_extent)
    ab = s.add_parser(
        "assets",
        help=msg("seea.cli.assets_help"),
        description=msg("seea.cli.assets_description"),
        epilog=msg("seea.cli.assets_epilog"),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    ab.add_argument("ledger", type=Path, metavar="LEDGER", help=msg("seea.cli.ledger"))
    ab.add_argument("-o", "--out", type=Path, required=True, help=msg("seea.cli.out"))
    ab.add_argument("--rate", type=float, required=True, help=msg("seea.cli.rate"))
    ab.add_argument("--life", type=int, required=True, help=msg("seea.cli.life"))
    ab.add_argument(
        "--timing", choices=("end", "beginning"), default="end", help=msg("seea.cli.timing")
    )
    ab.add_argument(
        "--land-cover", type=Path, metavar="FILE", help=msg("seea.cli.land_cover_assets")
    )
    add_force(ab)
    ab.set_defaults(func=run_assets)


def _read(path: Path):
    """The table of ``path``: a geep input workbook's land cover (validated by the input layer,
    areas in ha, canonical classes), else the first table of a CSV or workbook as typed (class
    labels kept as given)."""
    from ..io.read import read_inputs
    from ..seea.files import read_table_file, workbook_tables

    if "land_cover" in workbook_tables(path):
        return read_inputs(path, require=["land_cover"], table="land_cover")["land_cover"].assign(
            unit="ha"
        )
    return read_table_file(path)


def _is_transitions(frame) -> bool:
    from ..seea.inputs import ALIASES, _fold

    return bool({_fold(c) for c in frame.columns} & {_fold(a) for a in ALIASES["from_class"]})


def _write(args: argparse.Namespace, acc) -> int:
    out: Path = args.out
    if out.suffix.lower() == ".csv":
        acc.to_csv(out)
    else:
        acc.to_excel(out, lang=args.lang or "en")
    for n in acc.notes:
        say(args, f"! {n}")
    if not acc.ok:
        print(msg("seea.cli.failed", n=len(acc.failed)))
        print(acc.failed.head(10).to_string(index=False))
    say(args, msg("seea.cli.wrote", path=out, tables=", ".join(acc.tables),
                  state=msg("seea.cli.ok" if acc.ok else "seea.cli.not_ok")))  # fmt: skip
    return 0 if acc.ok else 1


def _guarded(args: argparse.Namespace, inputs: list[Path | None], run) -> int:
    """Run a seea command under its output policy: never over an input, nor over a file geep
    did not write unless ``--force``; the output is checked before any work."""
    from ..io.atomic import guard_output, output_policy

    with output_policy([p for p in inputs if p is not None], force=args.force):
        guard_output(args.out)
        return run(args)


def run_extent(args: argparse.Namespace) -> int:
    """``geep seea extent``: an extent account workbook or cube."""
    return _guarded(args, [args.input, args.land_cover], _run_extent)


def _run_extent(args: argparse.Namespace) -> int:
    from .. import seea

    data = _read(args.input)
    lc = _read(args.land_cover) if args.land_cover else None
    acc = seea.extent_account(
        data, args.opening, args.closing, land_cover=lc, unit=args.unit,
        classification=args.classification, area_tolerance=args.area_tolerance,
    )  # fmt: skip
    return _write(args, acc)


def run_assets(args: argparse.Namespace) -> int:
    """``geep seea assets``: a monetary asset account workbook or cube."""
    return _guarded(args, [args.ledger, args.land_cover], _run_assets)


def _run_assets(args: argparse.Namespace) -> int:
    from .. import seea
    from ..ledger import Ledger

    ledger = Ledger.read(args.ledger)
    lc = _read(args.land_cover) if args.land_cover else None
    acc = seea.asset_account(
        ledger, discount_rate=args.rate, asset_life=args.life, timing=args.timing, land_cover=lc
    )
    return _write(args, acc)
