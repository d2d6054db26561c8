"""``geep compensate SCHEME IN.xlsx|IN.csv -o OUT.xlsx|OUT.csv`` — run an eco-compensation
scheme on monitoring data and write the settlement (gross obligations, net per party,
who-owes-whom matrix, parameters, warnings).

The input workbook has a sheet ``observations`` (section_id, period, indicator, value, unit,
status) and optionally ``flows``, ``sections`` and ``parameters`` (name, value, unit: official
values for a provisional scheme). ``--set NAME=VALUE`` overrides a parameter from the command
line (VALUE is a number with an optional unit, JSON or text: ``--set eflow.floor=12m3/s``,
``--set 'quality.amounts=[50,100,150,200,300]'``); every value is checked against the
parameter's definition (``--parameters``) before anything runs.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .. import compensation as comp
from ..compensation.schemes import coerce
from ..messages import label, language, msg, text
from . import UsageError
from ._output import add_force, emit_frame, for_reader, say


def add_parser(sub) -> None:
    p = sub.add_parser(
        "compensate",
        help=msg("comp.cli.help"),
        description=msg("comp.cli.description"),
        epilog=msg("help.compensate.epilog"),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("scheme", nargs="?", metavar="SCHEME", help=msg("comp.cli.arg_scheme"))
    p.add_argument("input", nargs="?", type=Path, metavar="IN", help=msg("comp.cli.arg_input"))
    p.add_argument("-o", "--output", type=Path, metavar="OUT", help=msg("comp.cli.arg_output"))
    p.add_argument("--flows", type=Path, metavar="CSV", help=msg("comp.cli.arg_flows"))
    p.add_argument("--sections", type=Path, metavar="CSV", help=msg("comp.cli.arg_sections"))
    p.add_argument(
        "--set", action="append", default=[], metavar="NAME=VALUE", help=msg("comp.cli.arg_set")
    )
    p.add_argument("--unit", default=None, help=msg("comp.cli.arg_unit"))
    p.add_argument("--list", action="store_true", help=msg("comp.cli.arg_list"))
    p.add_argument("--parameters", action="store_true", help=msg("comp.cli.arg_parameters"))
    add_force(p)
    p.add_argument(
        "--path", action="append", default=[], metavar="DIR", help=msg("comp.cli.arg_path")
    )
    p.set_defaults(func=run)


def _invalid(errors) -> int:
    """Print the scheme editions that were set aside; their number."""
    from ..coefficients.catalog import mark_shown

    for err in errors:
        print(msg("comp.cli.invalid_edition", error=str(err)), file=sys.stderr)
    mark_shown(errors)
    return len(errors)


def _list(args: argparse.Namespace, paths) -> int:
    table = comp.schemes(paths)
    cols = ["scheme", "edition", "status", "valid_from", "valid_to", "components", "title"]
    if len(table):
        if language() == "zh":  # the scheme's own Chinese title
            table = table.assign(title=table["title_zh"].where(table["title_zh"].astype(bool),
                                                               table["title"]))  # fmt: skip
        emit_frame(_for_reader(table[cols]), "table", title=msg("comp.cli.title_list"))
    return 1 if _invalid(table.attrs.get("invalid", [])) else 0


def _parameters(args: argparse.Namespace, paths) -> int:
    if not args.scheme:
        raise UsageError(text("comp.cli.need_scheme"), hint=text("hint.comp.cli.need_args"))
    s = coerce(args.scheme, paths)
    frame = s.parameter_definitions().merge(
        s.parameters_frame()[["parameter", "value", "evidence"]], on="parameter"
    )
    emit_frame(_for_reader(frame), "table", title=msg("comp.cli.title_params", ref=s.ref))
    return 0


def _for_reader(frame):
    """``frame`` for a terminal in the reader's language (:func:`~geep.cli._output.for_reader`)."""
    return for_reader(frame, "stl.col", labels={"status": "status", "evidence": "evidence"})


def _overrides(args: argparse.Namespace, ins) -> tuple[dict, dict]:
    """Parameters of the parameters sheet with the cells of their values, then ``--set``
    (which replaces a sheet value of the same name)."""
    params, cells = ins.parameters(), ins.parameter_cells()
    for item in args.set:
        name, eq, value = item.partition("=")
        if not eq or not name.strip():
            raise UsageError(text("comp.cli.set_syntax", item=item))
        params[name.strip()] = value.strip()  # checked and parsed (units, JSON) by the scheme
        cells.pop(name.strip(), None)
    return params, cells


def run(args: argparse.Namespace) -> int:
    paths = args.path or None
    if args.list:
        return _list(args, paths)
    if args.parameters:
        return _parameters(args, paths)
    if not args.scheme or not args.input or not args.output:
        raise UsageError(text("comp.cli.need_args"), hint=text("hint.comp.cli.need_args"))
    if args.output.suffix.lower() not in (".xlsx", ".csv"):
        raise UsageError(text("comp.cli.output_suffix", path=args.output))
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


def _tables(args: argparse.Namespace) -> tuple[dict, dict, list, object]:
    """Every input file through the shared reader: ``(tables, where, issues, inputs)``; the
    ``--flows`` and ``--sections`` files replace the sheets of the same name."""
    from ..compensation.io import read_tables

    ins = read_tables(args.input)
    tables, where, issues = dict(ins.tables), dict(ins.where), list(ins.report.issues)
    for table, path in (("flows", args.flows), ("sections", args.sections)):
        if path is not None:
            more = read_tables(path, table)
            issues += more.report.issues
            tables.pop(table, None)
            if table in more.tables:
                tables[table], where[table] = more.tables[table], more.where[table]
    if "observations" not in tables:  # nothing to settle: the reader's errors, or say so
        from ..compensation.tables import OBSERVATIONS
        from ..errors import InputError
        from ..inputs.report import Report

        Report(issues).raise_if_errors()
        raise InputError(text("comp.no_table", file=args.input.name, table="observations",
                              zh=OBSERVATIONS.zh), file=str(args.input),
                         hint=text("hint.comp.no_table"))  # fmt: skip
    return tables, where, issues, ins


def _settle(args: argparse.Namespace, paths: list[str] | None) -> int:
    tables, where, issues, ins = _tables(args)
    obs = tables["observations"]
    params, cells = _overrides(args, ins)
    prep = comp.prepare(args.scheme, obs, tables.get("flows"), params or None,
                        tables.get("sections"), where=where.get("observations"),
                        flows_where=where.get("flows"), sections_where=where.get("sections"),
                        issues=issues, parameter_cells=cells, paths=paths)  # fmt: skip
    s = comp.run(prep, unit=args.unit)
    if args.output.suffix.lower() == ".xlsx":
        s.to_excel(args.output, lang=getattr(args, "lang", None) or "en")
    else:
        s.to_csv(args.output)
    _report(args, s)  # set-aside user editions: a notice at the end of the command
    say(args, msg("comp.cli.wrote", path=args.output))
    return 0


def _report(args: argparse.Namespace, s) -> None:
    if s.status != "released":
        say(args, msg("comp.cli.provisional", status=label("status", s.status.upper()),
                      scheme=s.meta["scheme"]))  # fmt: skip
    say(args, msg("comp.cli.headline", scheme=s.meta["scheme"], n=len(s.obligations_cny),
                  years=s.settlement_years, evidence=label("evidence", s.evidence)))  # fmt: skip
    net = s.net
    shown = net[(net["paid"] != 0) | (net["received"] != 0)]
    if not args.quiet:
        cols = ["settlement_year", "party", "party_name", "paid", "received", "net", "amount_unit"]
        frame = shown[cols]
        if language() == "zh":  # the reader's column names (the csv/xlsx keep the machine names)
            frame = frame.rename(columns=lambda c: label("stl.col", c))
        emit_frame(
            frame, "table", title=msg("comp.cli.title_net", status=label("status", s.status))
        )
    for w in s.warnings if args.verbose else s.warnings[:3]:
        say(args, f"  ! {w}")
    if not args.verbose and len(s.warnings) > 3:
        say(args, msg("comp.cli.more_warnings", n=len(s.warnings) - 3))
