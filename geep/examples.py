"""Bundled example data (found in a source checkout and in an installed wheel)."""

from __future__ import annotations

from pathlib import Path

from .errors import InputError
from .messages import text


def examples_root() -> Path:
    """Folder of the bundled examples (``geep/_examples`` in a wheel, ``examples/`` in a checkout)."""
    here = Path(__file__).resolve().parent
    for cand in (here / "_examples", here.parent / "examples"):
        if cand.is_dir():
            return cand
    raise InputError(  # pragma: no cover
        text("examples.missing_root"), file=str(here), hint=text("examples.hint_reinstall")
    )


def example_path(*parts: str) -> Path:
    """Path of a bundled example file, e.g. ``example_path("shanxi", "shanxi-example.xlsx")``."""
    p = examples_root().joinpath(*parts)
    if not p.exists():
        raise InputError(text("examples.missing", name="/".join(parts)), file=str(p))
    return p
