"""``geep report LEDGER... -o R.html [--lang zh]``: the self-contained browser report."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..messages import msg
from ._output import add_force, say


def add_report_inputs(p: argparse.ArgumentParser, regions: bool = True) -> None:
    """Options of the report shared by ``report`` and ``run --report``."""
    if regions:
        p.add_argument("--regions", type=Path, metavar="FILE", help=msg("report.cli_regions"))
    p.add_argument("--zones", metavar="FILE", help=msg("report.cli_zones"))
    p.add_argument("--zone-field", default="region_code", metavar="F",
                   help=msg("report.cli_zone_field"))  # fmt: skip
    p.add_argument("--hierarchy", type=Path, metavar="CSV", help=msg("report.cli_hierarchy"))
    p.add_argument("--top", type=int, default=20, metavar="N", help=msg("report.cli_top"))


def add_parser(sub) -> None:
    p = sub.add_parser(
        "report",
        help=msg("report.cli_help"),
        description=msg("report.cli_description"),
        epilog=msg("help.report.epilog"),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument(
        "ledgers", nargs="+", type=Path, metavar="LEDGER", help=msg("report.cli_ledgers")
    )
    p.add_argument("-o", "--out", type=Path, required=True, metavar="R.html",
                   help=msg("report.cli_out"))  # fmt: skip
    p.add_argument("--lang", choices=("en", "zh"), default=argparse.SUPPRESS,
                   help=msg("report.cli_lang"))  # fmt: skip
    add_report_inputs(p)
    add_force(p)
    p.set_defaults(func=run)


def check_suffix(path: Path) -> None:
    from . import UsageError

    if path.suffix.lower() not in (".html", ".htm"):
        raise UsageError(msg("report.bad_suffix", name=path.name), hint=msg("report.hint_suffix"))


def report_options(args: argparse.Namespace, ledgers: list, regions=None, regions_sha=None):
    """Keyword arguments of :func:`geep.report.write_report` from the command line."""
    import pandas as pd

    notes, inputs = [], []
    if regions is not None and regions_sha is not None:
        known = {str(h).removeprefix("sha256=") for lg in ledgers
                 for h in (lg.meta.get("inputs") or {}).values()}  # fmt: skip
        if regions_sha not in known:
            notes.append(msg("report.cli_not_input", file=args.regions.name))
            inputs.append((args.regions.name, regions_sha))
    hierarchy = None
    if getattr(args, "hierarchy", None):
        hierarchy = pd.read_csv(args.hierarchy, dtype=str, keep_default_na=False)
    return {"regions": regions, "zones": args.zones, "zone_field": args.zone_field,
            "hierarchy_table": hierarchy, "notes": notes, "inputs": inputs, "top": args.top}  # fmt: skip


def read_regions(path: Path):
    """The regions table of an input workbook or CSV, and the file's SHA-256."""
    from ..io.read import read_inputs

    inputs = read_inputs(path, table="regions", require=("regions",))
    sha = next(iter(inputs.sources.values()), "")
    return inputs.get("regions"), str(sha).removeprefix("sha256=")


def run(args: argparse.Namespace) -> int:
    from ..io.atomic import guard_output, output_policy

    check_suffix(args.out)
    ins = [*args.ledgers, *(p for p in (args.regions, args.hierarchy) if p)]
    ins += [p.with_name(p.name + ".meta.json") for p in args.ledgers if p.suffix.lower() == ".csv"]
    if args.zones:
        ins.append(Path(args.zones))
    with output_policy(ins, force=args.force):
        guard_output(args.out)  # refuse before any work
        return _report(args)


def _report(args: argparse.Namespace) -> int:
    from ..io.workbook import file_sha256
    from ..ledger import Ledger
    from ..messages import language, language_scope
    from ..report import write_report

    lang = getattr(args, "lang", None) or language()
    with language_scope(lang):
        ledgers = [Ledger.read(p) for p in args.ledgers]
        files = [(p.name, file_sha256(p)) for p in args.ledgers]
        regions, sha = read_regions(args.regions) if args.regions else (None, None)
        kw = report_options(args, ledgers, regions, sha)
        path = write_report(ledgers, args.out, lang, files=files, **kw)
        say_written(args, path, ledgers)
    return 0


def say_written(args: argparse.Namespace, path: Path, ledgers: list) -> None:
    from ..ledger import Ledger

    merged = Ledger.concat(ledgers)
    years = ", ".join(map(str, merged.years))
    say(args, msg("report.cli_wrote", file=path, n=len(ledgers),
                  regions=merged.lines["region_code"].nunique(), years=years,
                  status=msg(f"report.status.{merged.status}")))  # fmt: skip
