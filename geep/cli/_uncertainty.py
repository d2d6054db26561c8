"""Shared pieces of the uncertainty options: ``geep run … --draws N`` and ``geep sensitivity``.

The quantile ledger of ``geep run -o OUT.xlsx --draws N`` is written beside the deterministic
one, as ``OUT.uncertainty.xlsx`` (``.csv`` + ``.meta.json`` for a CSV ledger).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ..messages import msg, text
from . import UsageError


def positive(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(msg("uncertainty.cli_positive", value=value))
    return n


def add_draw_options(p: argparse.ArgumentParser, draws_default: int | None = None) -> None:
    """``--draws``, ``--seed``, ``--distributions``, ``--by-evidence``, ``--sampling``."""
    p.add_argument("--draws", type=positive, default=draws_default, metavar="N",
                   help=msg("uncertainty.cli_draws"))  # fmt: skip
    p.add_argument("--seed", type=int, default=42, metavar="S", help=msg("uncertainty.cli_seed"))
    p.add_argument("--distributions", type=Path, metavar="FILE.csv",
                   help=msg("uncertainty.cli_distributions"))  # fmt: skip
    p.add_argument("--by-evidence", action="store_true", help=msg("uncertainty.cli_by_evidence"))
    p.add_argument("--sampling", choices=("random", "lhs"), default="random",
                   help=msg("uncertainty.cli_sampling"))  # fmt: skip


def quantile_path(out: Path) -> Path:
    """Where the quantile ledger of ledger ``out`` goes: ``<stem>.uncertainty<suffix>``."""
    return out.with_name(f"{out.stem}.uncertainty{out.suffix}")


def check(args: argparse.Namespace) -> None:
    """Uncertainty options without ``--draws`` are a usage error."""
    if getattr(args, "draws", None) is None and (args.distributions or args.by_evidence):
        raise UsageError(text("uncertainty.cli_needs_draws"),
                         hint=text("uncertainty.cli_hint_draws"))  # fmt: skip


def guard(out: Path) -> None:
    """Refuse (before any work) to overwrite what the quantile ledger would replace."""
    from ..io.atomic import guard_output

    q = quantile_path(out)
    guard_output(q)
    if q.suffix.lower() == ".csv":
        guard_output(q.with_name(q.name + ".meta.json"))


def spec_kwargs(args: argparse.Namespace) -> dict:
    return {
        "distributions": args.distributions,
        "defaults": "by-evidence" if args.by_evidence else None,
    }


def write_quantiles(args: argparse.Namespace, inputs, profiles: dict, price_year, lang: str):
    """Simulate the methods of ``geep run`` and write the quantile ledger beside ``args.out``;
    returns its path and the quantile ledger."""
    from .. import uncertainty as unc

    sim = unc.simulate(args.method, inputs, draws=args.draws, seed=args.seed,
                       sampling=args.sampling, profile=profiles or None, price_year=price_year,
                       **spec_kwargs(args))  # fmt: skip
    ql = sim.ledger()
    return ql.write(quantile_path(args.out), lang), ql


__all__ = ["add_draw_options", "check", "guard", "positive", "quantile_path", "write_quantiles"]
