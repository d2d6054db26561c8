"""``geep demo [-o DIR]``: the bundled Shanxi example end to end."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..messages import msg
from ._output import add_force, emit_frame, for_reader, say


def add_parser(sub) -> None:
    p = sub.add_parser(
        "demo",
        help=msg("help.demo.help"),
        description=msg("help.demo.description"),
        epilog=msg("help.demo.epilog"),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument(
        "-o",
        "--out",
        type=Path,
        default=Path("geep-demo"),
        help=msg("help.demo.arg.out"),
    )
    p.add_argument("--no-figures", action="store_true", help=msg("help.demo.arg.no_figures"))
    add_force(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..demo import run_demo
    from ..io.atomic import output_error, output_policy

    if args.out.exists() and not args.out.is_dir():  # -o names a file, not a folder
        raise output_error(NotADirectoryError(20, "not a folder"), args.out)
    with output_policy((), force=args.force):  # every file the demo writes is checked
        return _demo(args, run_demo)


def _demo(args: argparse.Namespace, run_demo) -> int:
    from rich.console import Console

    console = Console(stderr=True)
    quiet = getattr(args, "quiet", False)
    with console.status("geep demo", spinner="dots") if not quiet else _Null() as status:

        def progress(msg: str) -> None:
            if status is not None:
                status.update(f"geep demo: {msg}")
            if getattr(args, "verbose", False):
                console.print(f"  {msg}")

        res = run_demo(
            args.out, lang=args.lang or "en", progress=progress, figures=not args.no_figures
        )
    if not quiet:
        summary = for_reader(res.summary.round(2), "demo.col")
        emit_frame(summary, "table", title=msg("demo.title_summary"))
        plan = res.plan[res.plan["indicator"] != "forest_coverage_incl_shrub"].copy()
        plan["region_code"] = plan["region_code"].replace(
            {"(all)": msg("demo.all_regions"), "(sections)": msg("demo.all_sections")}
        )
        plan = for_reader(plan.drop(columns=["note"]).round(3), "demo.col",
                          labels={"indicator": "plan.indicator"})  # fmt: skip
        emit_frame(plan, "table", title=msg("demo.title_plan"))
        for n in res.notes:
            print(f"! {n}")
        say(args, "\n" + msg("demo.wrote", n=len(res.files), folder=f"{args.out}/"))
        for f in res.files:
            if getattr(args, "verbose", False):
                print(f"  {f}")
    return 0


class _Null:
    def __enter__(self):
        return None

    def __exit__(self, *a):
        return False
