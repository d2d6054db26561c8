"""``geep compensate SCHEME IN.xlsx|IN.csv -o OUT.xlsx|OUT.csv`` — run an eco-compensation
scheme on monitoring data and write the settlement (gross obligations, net per party,
who-owes-whom matrix, parameters, warnings).

The input workbook has a sheet ``observations`` (section_id, period, indicator, value, unit,
status) and optionally ``flows``, ``sections`` and ``parameters`` (name, value, unit: official
values for a provisional scheme). ``--set NAME=VALUE`` overrides a parameter from the command
line (VALUE is JSON or text: ``--set 'quality.amounts=[50,100,150,200,300]'``).
"""

from __future__ import annotations

import argparse
from pathlib import Path

import pandas as pd

from .. import compensation as comp
from . import UsageError
from ._output import add_force, emit_frame, say


def add_parser(sub) -> None:
    p = sub.add_parser(
        "compensate",
        help="run an eco-compensation scheme (e.g. fen-river) on monitoring data",
        description=__doc__,
        epilog="examples:\n"
        "  geep compensate --list\n"
        "  geep compensate fen-river observations.xlsx -o settlement.xlsx\n"
        "  geep compensate fen-river observations.xlsx -o s.xlsx --set eflow.floor=12",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("scheme", nargs="?", metavar="SCHEME", help="scheme id or id@edition")
    p.add_argument("input", nargs="?", type=Path, metavar="IN", help="input workbook or CSV")
    p.add_argument("-o", "--output", type=Path, metavar="OUT", help="output .xlsx or .csv")
    p.add_argument("--flows", type=Path, metavar="CSV", help="flows table (if not a sheet)")
    p.add_argument("--sections", type=Path, metavar="CSV", help="sections table (if not a sheet)")
    p.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="override a scheme parameter (repeatable)",
    )
    p.add_argument("--unit", default=None, help="money unit of the output (元, 万元, 亿元)")
    p.add_argument("--list", action="store_true", help="list the scheme editions and exit")
    add_force(p)
    p.add_argument(
        "--path", action="append", default=[], metavar="DIR", help="extra catalogue folder"
    )
    p.set_defaults(func=run)


def _read_table(path: Path) -> pd.DataFrame:
    return comp.read_inputs(path)["observations"][0]


def run(args: argparse.Namespace) -> int:
    paths = args.path or None
    if args.list:
        cols = ["scheme", "edition", "status", "valid_from", "valid_to", "components", "title"]
        emit_frame(comp.schemes(paths)[cols], "table", title="compensation schemes")
        return 0
    if not args.scheme or not args.input or not args.output:
        raise UsageError(
            "give SCHEME, IN and -o OUT",
            hint="e.g. geep compensate fen-river inputs.xlsx -o settlement.xlsx "
            "(geep compensate --list shows the schemes)",
        )
    if args.output.suffix.lower() not in (".xlsx", ".csv"):
        raise UsageError(f"output {args.output} must end in .xlsx or .csv")
    from ..io.atomic import guard_output, output_policy

    ins = [p for p in (args.input, args.flows, args.sections) if p is not None]
    with output_policy(ins, force=args.force):
        for out in _outputs(args.output):
            guard_output(out)  # refuse before any work
        return _settle(args, paths)


def _outputs(out: Path) -> list[Path]:
    """Every file ``-o OUT`` writes (a CSV settlement has two sidecars)."""
    if out.suffix.lower() != ".csv":
        return [out]
    base = out.with_suffix("")
    return [out, Path(f"{base}.net.csv"), Path(f"{base}.meta.json")]


def _settle(args: argparse.Namespace, paths: list[str] | None) -> int:
    tables = comp.read_inputs(args.input)
    obs, where = tables["observations"]
    flows, flows_where = tables.get("flows", (None, None))
    if args.flows:
        flows, flows_where = comp.read_inputs(args.flows)["observations"]
    sections = tables["sections"][0] if "sections" in tables else None
    if args.sections:
        sections = _read_table(args.sections)
    params = (
        comp.io.parameters_from_frame(tables["parameters"][0]) if "parameters" in tables else {}
    )
    for item in args.set:
        name, eq, value = item.partition("=")
        if not eq or not name.strip():
            raise UsageError(f"--set {item!r}: write NAME=VALUE")
        params[name.strip()] = comp.io.parse_value(value)
    prep = comp.prepare(
        args.scheme,
        obs,
        flows,
        params or None,
        sections,
        where=where,
        flows_where=flows_where,
        paths=paths,
    )
    s = comp.run(prep, unit=args.unit)
    if args.output.suffix.lower() == ".xlsx":
        s.to_excel(args.output, lang=getattr(args, "lang", None) or "en")
    else:
        s.to_csv(args.output)
    if s.status != "released":
        say(args, f"*** {s.status.upper()}: {s.meta['scheme']} — amounts are not official ***")
    say(args, f"{s.meta['scheme']}: {len(s.obligations_cny)} obligation lines, settlement years "
              f"{s.settlement_years}, evidence {s.evidence}")  # fmt: skip
    net = s.net
    shown = net[(net["paid"] != 0) | (net["received"] != 0)]
    if not args.quiet:
        emit_frame(shown[["settlement_year", "party", "party_name", "paid", "received", "net", "amount_unit"]],
                   "table", title=f"net positions ({s.status})")  # fmt: skip
    for w in s.warnings if args.verbose else s.warnings[:3]:
        say(args, f"  ! {w}")
    if not args.verbose and len(s.warnings) > 3:
        say(args, f"  ... {len(s.warnings) - 3} more warning(s) in the output (-v to print)")
    say(args, f"wrote {args.output}")
    return 0
