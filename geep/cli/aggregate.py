"""``geep aggregate LEDGER --to city|province -o OUT`` (or ``--levels county,city,province``):
a ledger's regions summed up the region hierarchy, every total checked against its lines."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..messages import msg
from ._output import add_force, emit_frame, say

SUFFIXES = (".xlsx", ".csv")


def add_parser(sub) -> None:
    from ..report import LEVELS

    p = sub.add_parser(
        "aggregate",
        help=msg("report.agg_help"),
        description=msg("report.agg_description"),
        epilog=msg("help.aggregate.epilog"),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("ledger", type=Path, metavar="LEDGER", help=msg("report.agg_ledger"))
    p.add_argument("--to", choices=LEVELS, help=msg("report.agg_to"))
    p.add_argument("--levels", metavar="L[,L]", help=msg("report.agg_levels"))
    p.add_argument("-o", "--out", type=Path, required=True, metavar="OUT",
                   help=msg("report.agg_out"))  # fmt: skip
    p.add_argument("--format", choices=("xlsx", "csv"), default="xlsx",
                   help=msg("report.agg_format"))  # fmt: skip
    p.add_argument("--regions", type=Path, metavar="FILE", help=msg("report.cli_regions"))
    p.add_argument("--hierarchy", type=Path, metavar="CSV", help=msg("report.cli_hierarchy"))
    p.add_argument("--lang", choices=("en", "zh"), default=argparse.SUPPRESS,
                   help=msg("report.cli_lang"))  # fmt: skip
    add_force(p)
    p.set_defaults(func=run)


def _targets(args: argparse.Namespace) -> dict[str, Path]:
    """``{level: output path}``; usage errors for a wrong combination."""
    from ..report import LEVELS
    from . import UsageError

    if (args.to is None) == (args.levels is None):
        raise UsageError(msg("report.agg_one_of"))
    if args.to:
        if args.out.suffix.lower() not in SUFFIXES:
            raise UsageError(msg("report.agg_bad_out", name=args.out.name))
        return {args.to: args.out}
    levels = [s.strip() for s in args.levels.split(",") if s.strip()]
    bad = [lv for lv in levels if lv not in LEVELS]
    if bad or not levels:
        raise UsageError(msg("report.bad_level", level=",".join(bad), levels=", ".join(LEVELS)))
    stem = args.ledger.name[: -len(args.ledger.suffix)] if args.ledger.suffix else args.ledger.name
    return {lv: args.out / f"{stem}-{lv}.{args.format}" for lv in LEVELS if lv in levels}


def run(args: argparse.Namespace) -> int:
    from ..io.atomic import guard_output, output_policy

    targets = _targets(args)
    ins = [args.ledger, *(p for p in (args.regions, args.hierarchy) if p)]
    if args.ledger.suffix.lower() == ".csv":
        ins.append(args.ledger.with_name(args.ledger.name + ".meta.json"))
    with output_policy(ins, force=args.force):
        for path in targets.values():  # refuse before any work
            guard_output(path)
            if path.suffix.lower() == ".csv":
                guard_output(path.with_name(path.name + ".meta.json"))
        return _aggregate(args, targets)


def _aggregate(args: argparse.Namespace, targets: dict[str, Path]) -> int:
    import pandas as pd

    from ..io.pipeline import write_ledger
    from ..ledger import Ledger
    from ..messages import language, language_scope
    from ..report import rollup_regions, rollups
    from ..report.labels import label
    from ..report.regions import extend, hierarchy
    from .report import read_regions

    lang = getattr(args, "lang", None) or language()
    ledger = Ledger.read(args.ledger)
    regions = read_regions(args.regions)[0] if args.regions else None
    table = (
        pd.read_csv(args.hierarchy, dtype=str, keep_default_na=False) if args.hierarchy else None
    )
    h = extend(hierarchy(table), regions)
    with language_scope(lang):
        levels = rollups(ledger, list(targets), regions=regions, hierarchy=h)
        for lv, path in targets.items():
            out = levels[lv]
            written = write_ledger(out, path, lang)
            say(args, msg("report.agg_wrote", file=written, level=label("level", lv),
                          regions=out.lines["region_code"].nunique(), lines=len(out)))  # fmt: skip
            for check in (out.meta.get("rollup") or [])[-1:]:
                if check.get("to") == lv:
                    c = check["check"]
                    say(args, "  " + msg("report.agg_checked", groups=c["groups"],
                                         diff=c["max_rel_diff"]))  # fmt: skip
            if getattr(args, "verbose", False):
                reg = rollup_regions(regions, lv, h) if regions is not None else None
                _print_table(out, reg, lv)
    return 0


def _print_table(ledger, regions, level: str) -> None:
    from ..errors import GeepError
    from ..report import geep_table, money_groups
    from ..report.labels import label

    main = next((m for m in money_groups(ledger) if "GEEP" in m.accounts), None)
    if main is None:
        return
    keep = ledger.lines["account"].astype(str).isin(main.accounts)
    try:
        t = geep_table(type(ledger)(ledger.lines[keep], ledger.meta), regions)
    except GeepError:
        return
    money = [c for c, u in t.attrs["units"].items() if u == "CNY"]
    t[money] = (t[money] / 1e8).round(2)
    heads = {"region_code": "code", "region_name": "name", "year": None}
    t.columns = [msg(f"report.col.{heads.get(c, c)}") if heads.get(c, c) else msg("report.col.year")
                 for c in t.columns]  # fmt: skip
    emit_frame(t, "table", title=msg("report.agg_table", level=label("level", level)))
